"""Published IATI transactions against the strategy: which activities concern it, each side's
amounts in the strategy's currency (the ECB rate of the value-date), transaction-by-transaction
matches, and the table per year and line. Figures only; the checks word the differences."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from iomstrat.engine.book import ZERO, Book, Rates, cents
from iomstrat.engine.plan import decision
from iomstrat.iati import (
    DISBURSEMENT,
    INCOMING_COMMITMENT,
    INCOMING_FUNDS,
    OUTGOING_COMMITMENT,
)
from iomstrat.loader.iati import Activity, Interest, Plan, Transaction
from iomstrat.model.strategy import Strategy
from iomstrat.results.published import Pair, Reconciliation, Side, YearRow

TOLERANCE = Decimal("0.02")
"""Two amounts compared across currencies may differ by 2 %: the organisation books at the UN
operational rate of exchange, which differs from the ECB's reference rate by up to about that."""
ROUNDING = Decimal(1)
"""Amounts in one currency may differ by one unit: publishers round to whole units."""
WINDOW = 31
"""Days two dates of a match may be apart (a receipt is booked after the payment)."""


class Parties:
    """The IATI identifiers of the strategy: donor, organisation, and the donor's activities
    the file lists (none listed: any donor activity naming the organisation)."""

    def __init__(self, strategy: Strategy) -> None:
        info = strategy.strategy
        self.donor = (info.donor.iati_identifier or "") if info.donor else ""
        self.organisation = info.organisation.iati_identifier or ""
        self.listed = frozenset(strategy.iati.activities if strategy.iati else ())

    def interest(self) -> Interest:
        return Interest(
            {
                self.donor: frozenset({self.organisation}),
                self.organisation: frozenset({self.donor}),
            },
            self.listed,
        )

    def donors(self, activity: Activity) -> bool:
        """The donor's activity for this strategy."""
        if activity.reporting_org != self.donor:
            return False
        if self.listed:
            return activity.identifier in self.listed
        return self.organisation in activity.participants or any(
            t.receiver == self.organisation for t in activity.transactions
        )

    def received(self, transaction: Transaction, donor_activities: frozenset[str]) -> bool:
        """The organisation's receipt of the donor's money: by the provider, or by the
        provider's activity."""
        if transaction.provider_activity:
            return transaction.provider_activity in donor_activities or (
                not self.listed and transaction.provider == self.donor
            )
        return transaction.provider == self.donor


def reconcile_published(
    strategy: Strategy,
    book: Book,
    activities: Sequence[Activity],
    *,
    file: str,
    files: Sequence[str],
    read: int,
    as_of: dt.date,
    rates: Rates,
) -> Reconciliation:
    parties = Parties(strategy)
    currency = strategy.strategy.currency
    donor = [a for a in activities if parties.donors(a)]
    donor_ids = frozenset(a.identifier for a in donor) | parties.listed
    own = [a for a in activities if a.reporting_org == parties.organisation and a not in donor]
    lines = _lines_by_aid_type(strategy)
    convert = _converter(currency, rates)

    def published(activity_list: Iterable[Activity], kind: str, name: str) -> list[Side]:
        return [
            convert(t, name, lines.get(t.aid_type, ""))
            for a in activity_list
            for t in a.transactions
            if t.kind == kind
        ]

    commitments = published(donor, OUTGOING_COMMITMENT, "commitment")
    disbursements = published(donor, DISBURSEMENT, "disbursement")
    receipts = [
        a._replace(transactions=tuple(t for t in a.transactions if parties.received(t, donor_ids)))
        for a in own
    ]
    funds = published(receipts, INCOMING_FUNDS, "incoming_funds")
    promised = published(receipts, INCOMING_COMMITMENT, "incoming_commitment")
    payments = _payments(book)
    pairs = match("disbursements", payments, disbursements) if donor else []
    if any(a.transactions for a in receipts):
        pairs += match("incoming_funds", disbursements if donor else payments, funds)
        pairs += match("incoming_commitments", commitments, promised) if donor else []
    plans = [(p, convert_plan(p, currency, rates)) for a in donor for p in a.plans]
    sides = (payments, commitments, disbursements, funds, promised)
    rows = _rows(strategy, as_of, *sides, plans, bool(receipts))
    return Reconciliation(
        file,
        currency,
        tuple(files),
        read,
        tuple(a.identifier for a in donor),
        tuple(a.identifier for a in receipts if a.transactions),
        TOLERANCE,
        ROUNDING,
        WINDOW,
        rows,
        tuple(pairs),
        tuple(commitments),
    )


def _lines_by_aid_type(strategy: Strategy) -> dict[str, str]:
    """The budget line of a published transaction, told by its aid type where one line alone
    has that aid type in the strategy's `iati.lines`."""
    if strategy.iati is None:
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    for entry in strategy.iati.lines:
        if entry.aid_type:
            found[entry.aid_type].append(entry.line)
    return {aid: names[0] for aid, names in found.items() if len(names) == 1}


def _converter(currency: str, rates: Rates) -> Callable[[Transaction, str, str], Side]:
    def convert(t: Transaction, kind: str, line: str) -> Side:
        quote = rates.quote(t.currency, currency, t.value_date)
        converted = cents(t.amount * quote.rate) if quote is not None else None
        return Side(
            kind,
            t.file,
            t.line,
            t.date,
            t.value_date,
            t.amount,
            t.currency,
            converted,
            t.ref,
            line,
            t.activity,
            quote.rate if quote is not None and t.currency != currency else None,
            quote.on if quote is not None and t.currency != currency else None,
        )

    return convert


def convert_plan(plan: Plan, currency: str, rates: Rates) -> Decimal | None:
    day = plan.value_date or plan.start
    if day is None:
        return None
    quote = rates.quote(plan.currency, currency, day)
    return cents(plan.amount * quote.rate) if quote is not None else None


def _payments(book: Book) -> list[Side]:
    payments = book.payments
    sides = []
    for payment, amount in book.dated:
        file, row = payments.where(payment)
        sides.append(
            Side(
                "payment",
                file,
                row,
                payment.date,
                payment.date,
                payment.amount,
                payment.currency,
                amount,
                payment.voucher,
                payment.line,
            )
        )
    return sides


def compared(ours: Side, theirs: Side) -> tuple[str, Decimal, Decimal, Decimal] | None:
    """(currency, our amount, their amount, allowed difference): in the one currency both
    have, else in the strategy's currency, each at its own rate; None without a rate."""
    if ours.currency == theirs.currency:
        return ours.currency, ours.amount, theirs.amount, ROUNDING
    if ours.converted is None or theirs.converted is None:
        return None
    allowed = max(ROUNDING, cents(abs(ours.converted) * TOLERANCE))
    return "", ours.converted, theirs.converted, allowed


def _agree(ours: Side, theirs: Side) -> bool:
    amounts = compared(ours, theirs)
    return amounts is not None and abs(amounts[2] - amounts[1]) <= amounts[3]


def _alike(ours: Side, theirs: Side) -> bool:
    """Two transactions that may be one with a wrong amount: of one known line, or (a line
    not known) of amounts within a factor of two."""
    if ours.budget_line and theirs.budget_line:
        return True
    amounts = compared(ours, theirs)
    return amounts is not None and amounts[1] > 0 and 0.5 <= amounts[2] / amounts[1] <= 2


def _same_line(ours: Side, theirs: Side) -> bool:
    return not ours.budget_line or not theirs.budget_line or ours.budget_line == theirs.budget_line


def match(comparison: str, ours: Sequence[Side], theirs: Sequence[Side]) -> list[Pair]:
    """Each of `theirs` paired with one of `ours`: first by reference, then by a date within
    the window and an amount within the tolerance, then by a date within the window on the
    same line or of a like amount (a different amount); the nearest date first. What is left is
    unmatched."""
    left_ours = list(ours)
    pairs: list[Pair] = []
    left_theirs: list[Side] = []
    by_reference: dict[str, list[Side]] = defaultdict(list)
    for side in left_ours:
        if side.reference:
            by_reference[side.reference].append(side)
    for side in theirs:
        candidates = by_reference.get(side.reference, []) if side.reference else []
        if len(candidates) == 1 and candidates[0] in left_ours:
            left_ours.remove(candidates[0])
            pairs.append(_pair(comparison, candidates[0], side))
        else:
            left_theirs.append(side)
    for strict in (True, False):
        unmatched = []
        for side in sorted(left_theirs, key=lambda s: s.date):
            near = [
                o
                for o in left_ours
                if abs((o.date - side.date).days) <= WINDOW
                and _same_line(o, side)
                and (_agree(o, side) if strict else _alike(o, side))
            ]
            if not near:
                unmatched.append(side)
                continue
            best = min(near, key=lambda o: abs((o.date - side.date).days))
            left_ours.remove(best)
            pairs.append(_pair(comparison, best, side))
        left_theirs = unmatched
    pairs += [Pair(comparison, "missing", side, None) for side in left_ours]
    pairs += [Pair(comparison, "extra", None, side) for side in left_theirs]
    return pairs


def _pair(comparison: str, ours: Side, theirs: Side) -> Pair:
    amounts = compared(ours, theirs)
    if amounts is None:
        return Pair(comparison, "amount", ours, theirs)
    currency, mine, published, allowed = amounts
    difference = published - mine
    if abs(difference) > allowed:
        status = "amount"
    elif ours.date.year != theirs.date.year:
        status = "year"
    else:
        status = "match"
    return Pair(comparison, status, ours, theirs, currency, mine, published, difference)


UNASSIGNED = "?"
"""The row of published transactions whose budget line is not known (no aid type of one line)."""


def _rows(
    strategy: Strategy,
    as_of: dt.date,
    payments: list[Side],
    commitments: list[Side],
    disbursements: list[Side],
    funds: list[Side],
    promised: list[Side],
    plans: list[tuple[Plan, Decimal | None]],
    receipts: bool,
) -> tuple[YearRow, ...]:
    """A row per year and line (and one for transactions of no known line, where there are
    any), then the year's total."""

    def summed(sides: Iterable[Side]) -> dict[tuple[int, str], Decimal]:
        sums: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
        for side in sides:
            if side.converted is not None:
                sums[side.date.year, side.budget_line or UNASSIGNED] += side.converted
        return sums

    paid, committed, disbursed = summed(payments), summed(commitments), summed(disbursements)
    received, received_commitments = summed(funds), summed(promised)
    budgets: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for plan, amount in plans:
        day = plan.start or plan.value_date
        if amount is not None and day is not None:
            budgets[day.year, plan.kind] += amount
    every = (paid, committed, disbursed, received, received_commitments)
    years = sorted(set(strategy.strategy.period.years) | {y for sums in every for y, _ in sums})
    ids = [line.id for line in strategy.budget.lines]
    rows = []
    for year in years:
        found = decision(strategy, year, as_of)
        others = sorted({n for sums in every[:3] for y, n in sums if y == year and n not in ids})
        for name in [*ids, *others]:
            approved = (found.lines or {}).get(name) if found.lines is not None else None
            rows.append(
                _row(year, name, approved, (committed, paid, disbursed), (name,), None, None)
            )
        lines = (*ids, *others)
        rows.append(
            _row(
                year,
                "",
                found.total,
                (committed, paid, disbursed),
                lines,
                _sum(received, year, None) if receipts else None,
                _sum(received_commitments, year, None) if receipts else None,
                budgets.get((year, "budget"), ZERO),
                budgets.get((year, "planned-disbursement"), ZERO),
            )
        )
    return tuple(rows)


def _sum(sums: dict[tuple[int, str], Decimal], year: int, lines: Sequence[str] | None) -> Decimal:
    return sum(
        (v for (y, n), v in sums.items() if y == year and (lines is None or n in lines)), ZERO
    )


def _row(
    year: int,
    name: str,
    approved: Decimal | None,
    sums: tuple[dict[tuple[int, str], Decimal], ...],
    lines: Sequence[str],
    received: Decimal | None,
    received_commitments: Decimal | None,
    budgets: Decimal = ZERO,
    planned: Decimal = ZERO,
) -> YearRow:
    committed, paid, disbursed = (_sum(s, year, lines) for s in sums)
    return YearRow(
        year,
        name,
        approved,
        committed,
        paid,
        disbursed,
        received_commitments,
        received,
        budgets,
        planned,
        committed - approved if approved is not None else None,
        disbursed - paid,
        received - disbursed if received is not None else None,
    )
