"""Checks of parliament's decisions (IOM201-IOM206): one per year, complete, consistent with the
plan, recorded in time."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from iomstrat.checks.budget_lines import UNKNOWN_LINE
from iomstrat.checks.context import Context
from iomstrat.engine.plan import decided, funded_years, planned_total
from iomstrat.findings import DataPath, Diagnostic, Money
from iomstrat.loader.documents import echo
from iomstrat.model.strategy import UNIT_FACTORS

APPROVAL_MISSING = "IOM201"
APPROVAL_OUTSIDE_PERIOD = "IOM202"
REDUCTION_WITHOUT_AMOUNT = "IOM203"
APPROVAL_INCONSISTENT = "IOM204"
DECISION_INCOMPLETE = "IOM451"
"""The part of a decision's shape the JSON Schema says too: a decided year has its Finance Act
and date, a planned year records none of a decision."""
APPROVAL_OVERDUE = "IOM205"
SUBJECT_TO_APPROVAL = "IOM206"
DECISION_DATE = "IOM207"


def check_approvals(ctx: Context) -> list[Diagnostic]:
    strategy = ctx.strategy
    period = strategy.strategy.period
    found = []
    seen: dict[int, int] = {}
    line_ids = {line.id for line in strategy.budget.lines}
    for index, approval in enumerate(strategy.approvals):
        path = ("approvals", index)
        year = approval.year
        if year in seen:
            found.append(
                ctx.finding(
                    APPROVAL_INCONSISTENT,
                    (*path, "year"),
                    kind="duplicate",
                    year=year,
                    first=seen[year] + 1,
                )
            )
            continue
        seen[year] = index
        if year not in period.years:
            found.append(
                ctx.finding(
                    APPROVAL_OUTSIDE_PERIOD,
                    (*path, "year"),
                    year=year,
                    start=period.start,
                    end=period.end,
                )
            )
            continue
        found += _approval_consistency(ctx, index, planned_total(strategy, year), line_ids)
    for year in funded_years(strategy):
        if year not in seen:
            found.append(ctx.finding(APPROVAL_MISSING, ("approvals",), key=True, year=year))
    return found


def _approval_consistency(
    ctx: Context, index: int, planned: Decimal, line_ids: set[str]
) -> list[Diagnostic]:
    approval = ctx.strategy.approvals[index]
    path = ("approvals", index)
    year = approval.year
    found = []

    def problem(at: DataPath, kind: str, code: str = APPROVAL_INCONSISTENT, **values: Any) -> None:
        found.append(ctx.finding(code, (*path, *at), kind=kind, year=year, **values))

    decided = approval.finance_act is not None or approval.decided_on is not None
    if approval.status == "planned":
        if decided or approval.amount is not None or approval.lines is not None:
            problem(("status",), "planned_decided", DECISION_INCOMPLETE)
    else:
        for key in ("finance_act", "decided_on"):
            if getattr(approval, key) is None:
                problem(
                    ("status",),
                    "undecided",
                    DECISION_INCOMPLETE,
                    status=approval.status,
                    setting=key,
                )
    if approval.status == "reduced" and approval.amount is None:
        problem(("status",), "", REDUCTION_WITHOUT_AMOUNT)
    amount = approval.amount
    if amount is not None:
        if approval.status == "approved" and amount != planned:
            kind, code, values = _units(ctx, "approved_not_planned", amount, planned)
            problem(("amount",), kind, code, **values)
        if approval.status == "reduced" and amount >= planned:
            kind, code, values = _units(ctx, "reduced_not_below", amount, planned)
            problem(("amount",), kind, code, **values)
        if approval.status == "withheld" and amount != 0:
            problem(("amount",), "withheld_amount", amount=amount)
    if approval.lines is not None:
        for line_id, value in approval.lines.items():
            line = ctx.strategy.line(line_id)
            if line_id not in line_ids or line is None:
                problem(("lines", line_id), "approval", UNKNOWN_LINE, line=echo(line_id))
            elif value > line.amounts.get(year, Decimal(0)):
                planned_line = line.amounts.get(year, Decimal(0))
                problem(
                    ("lines", line_id),
                    "line_above_plan",
                    amount=value,
                    line=echo(line_id),
                    planned=planned_line,
                )
        line_sum = sum(approval.lines.values(), Decimal(0))
        if amount is not None and line_sum != amount:
            problem(("amount",), "lines_sum", amount=amount, sum=line_sum)
    return found


def _units(
    ctx: Context, kind: str, amount: Decimal, planned: Decimal
) -> tuple[str, str, dict[str, Any]]:
    """The values of an amount against the plan; where it looks written in whole currency units
    in a file that counts in thousands or millions (a thousand times the plan or more), also
    the file's unit and the amount as the file would write it (the message's hint)."""
    header = ctx.strategy.strategy
    scale = UNIT_FACTORS[header.unit]
    values: dict[str, Any] = {"amount": amount, "planned": planned}
    if scale != 1 and amount >= max(planned, Decimal(1)) * 1000:
        written = (amount / scale).normalize()
        values |= {
            "currency": header.currency,
            "unit": header.unit,
            "file_unit": header.unit,
            "written": f"{written:f}",
        }
        return kind + "_units", APPROVAL_INCONSISTENT, values
    return kind, APPROVAL_INCONSISTENT, values


def check_decision_dates(ctx: Context) -> list[Diagnostic]:
    """A decision dated after its year's end and supplementary period, or more than a year
    before its year (a Finance Act is passed in the December before it at the earliest)."""
    found = []
    months = ctx.strategy.strategy.supplementary_period_months or 0
    for index, approval in enumerate(ctx.strategy.approvals):
        on = approval.decided_on
        if on is None or not 1 < approval.year < 9999:
            continue
        earliest = dt.date(approval.year - 1, 1, 1)
        latest = _months_after(dt.date(approval.year, 12, 31), months)
        if earliest <= on <= latest:
            continue
        at = ("approvals", index, "decided_on")
        figures: dict[str, Any] = {"year": approval.year, "date": on}
        if on < earliest:
            found.append(ctx.finding(DECISION_DATE, at, kind="before", bound=earliest, **figures))
        elif months:
            found.append(
                ctx.finding(
                    DECISION_DATE,
                    at,
                    kind="after_supplementary",
                    bound=latest,
                    months=months,
                    **figures,
                )
            )
        else:
            found.append(ctx.finding(DECISION_DATE, at, kind="after", bound=latest, **figures))
    return found


def _months_after(day: dt.date, months: int) -> dt.date:
    """The last day of the month `months` after `day`'s month."""
    month = day.month + months
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def check_approval_dates(ctx: Context) -> list[Diagnostic]:
    """Warn about years under way without a decision in force on the as-of date (none recorded,
    or one dated after it), as the figures judge them; note the years still to come."""
    found = []
    currency, unit = ctx.strategy.strategy.currency, ctx.strategy.strategy.unit
    funded = funded_years(ctx.strategy)
    for index, approval in enumerate(ctx.strategy.approvals):
        if approval.year not in funded:
            continue
        if decided(ctx.strategy, approval.year, ctx.as_of):
            continue
        planned = Money(planned_total(ctx.strategy, approval.year), currency, unit)
        at = ("approvals", index, "status")
        figures: dict[str, Any] = {"year": approval.year, "planned": planned}
        if dt.date(approval.year, 1, 1) <= ctx.as_of:
            if approval.status != "planned" and approval.decided_on is not None:
                found.append(
                    ctx.finding(
                        APPROVAL_OVERDUE,
                        ("approvals", index, "decided_on"),
                        kind="later",
                        **figures,
                        as_of=ctx.as_of,
                        decided_on=approval.decided_on,
                    )
                )
            else:
                found.append(ctx.finding(APPROVAL_OVERDUE, at, **figures, as_of=ctx.as_of))
        else:
            found.append(ctx.finding(SUBJECT_TO_APPROVAL, at, **figures))
    return found
