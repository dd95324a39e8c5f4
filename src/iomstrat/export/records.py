"""What the exporters report of a strategy, in whole currency units: the planned commitment per
line and year, parliament's decisions (approvals) and the recorded disbursements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from iomstrat.engine.budget import scale
from iomstrat.model import Strategy

ORE = Decimal("0.01")


class Payment(Protocol):
    """A recorded disbursement as the strategy model holds it (see issue 4)."""

    @property
    def date(self) -> dt.date: ...
    @property
    def line(self) -> str: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def currency(self) -> str: ...
    @property
    def voucher(self) -> str | None: ...
    @property
    def exchange_rate(self) -> Decimal | None: ...


@dataclass(frozen=True)
class Decision:
    """Parliament's decision on one year, in kroner; `lines` None when it names no lines."""

    year: int
    status: str
    date: dt.date
    total: Decimal
    lines: dict[str, Decimal] | None
    finance_act: str | None


def kroner(strategy: Strategy, amount: Decimal) -> Decimal:
    """An amount in the strategy's unit as whole currency units, to the øre."""
    return scale(amount, strategy.strategy.unit, "kroner").quantize(ORE, ROUND_HALF_UP)


def planned(strategy: Strategy) -> dict[tuple[str, int], Decimal]:
    """Planned amount per (line id, year) in kroner, every year of the period."""
    return {
        (line.id, year): kroner(strategy, line.amounts.get(year, Decimal(0)))
        for line in strategy.budget.lines
        for year in strategy.strategy.period.years
    }


def decisions(strategy: Strategy) -> list[Decision]:
    """Approved, reduced and withheld years; a year still planned has no decision."""
    found = []
    plan = planned(strategy)
    for approval in sorted(strategy.approvals, key=lambda a: a.year):
        year = approval.year
        if approval.status == "planned":
            continue
        date = approval.decided_on or dt.date(year, 1, 1)
        by_line = {line.id: plan.get((line.id, year), Decimal(0)) for line in strategy.budget.lines}
        lines: dict[str, Decimal] | None
        if approval.status == "withheld":
            lines = dict.fromkeys(by_line, Decimal("0.00"))
        elif approval.lines is not None:
            lines = {k: kroner(strategy, v) for k, v in approval.lines.items()}
        elif approval.status == "approved":
            lines = by_line
        else:
            lines = None  # reduced without naming lines
        if approval.amount is not None:
            total = kroner(strategy, approval.amount)
        elif lines is not None:
            total = sum(lines.values(), Decimal("0.00"))
        else:
            total = Decimal("0.00")
        found.append(Decision(year, approval.status, date, total, lines, approval.finance_act))
    return found


def disbursements(strategy: Strategy) -> list[Payment]:
    """Recorded disbursements, oldest first; none until the model records them."""
    recorded: list[Payment] = list(getattr(strategy, "disbursements", None) or [])
    return sorted(recorded, key=lambda p: p.date)


def in_kroner(payment: Payment, currency: str) -> Decimal | None:
    """A payment in the strategy's currency to the øre: as recorded, or at its stated rate."""
    if payment.currency == currency:
        return payment.amount.quantize(ORE, ROUND_HALF_UP)
    if payment.exchange_rate is None:
        return None
    return (payment.amount * payment.exchange_rate).quantize(ORE, ROUND_HALF_UP)
