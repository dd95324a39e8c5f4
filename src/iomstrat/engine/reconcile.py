"""The one reconciliation every view of the money sums: per budget line and year (and quarter),
computed once, as of a date, in the report's currency. Planned; the decision in force; the
schedule of that amount; allocated; disbursed by appropriation year; and remaining, rate,
variance and forecast, all measured against the same basis. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import compress, repeat
from typing import TYPE_CHECKING

from iomstrat.engine.book import ZERO, Book, Rates, cents
from iomstrat.engine.plan import (
    allocated_lines,
    allocation_line,
    decision,
    factor,
    planned,
    quarter_of,
    schedule,
)
from iomstrat.loader.payments import grouped
from iomstrat.model.strategy import AllocationItem, Strategy
from iomstrat.rates import Quote

if TYPE_CHECKING:  # built only when figures are converted
    from iomstrat.results.disbursement import Conversion

QUARTERS = (1, 2, 3, 4)
RATE_STEP = Decimal("0.0001")

Quarters = tuple[Decimal, Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Allocated:
    """One allocation item, converted once: every view that shows it sums this amount."""

    item: str | None  # the item's id, which payments name
    priority_area: int | None
    amount: Decimal
    period: str = ""  # the dialogue period the decision allocates, e.g. 2024 or 2024-H1


@dataclass(frozen=True)
class Cell:
    """One budget line in one year, in whole units of the report's currency, as of a date."""

    line: str
    year: int
    status: str  # the decision in force: undecided | approved | reduced | withheld
    planned: Decimal
    approved: Decimal | None  # None while undecided
    apportioned: bool  # `approved` is a reduction's year total split in proportion to the plan
    allocated: Decimal | None  # None for a line the dialogue does not allocate
    paid: Quarters  # disbursed by quarter of the appropriation year
    due: Quarters  # tranches in force, by quarter
    due_to_date: Quarters  # of those, due by the as-of date
    allocations: tuple[Allocated, ...]  # the dialogue's items for this line and year, by `as_of`
    linked: dict[str, Decimal]  # disbursed against allocation items, by item id

    @property
    def basis(self) -> Decimal:
        """What the year is measured against: the approved amount once decided, else the plan."""
        return self.approved if self.approved is not None else self.planned

    @property
    def unallocated(self) -> Decimal | None:
        """What the dialogue has still to allocate of the year: the approved amount (the plan
        while undecided) less what it allocated; None for a line it does not allocate."""
        return None if self.allocated is None else self.basis - self.allocated

    @property
    def disbursed(self) -> Decimal:
        return sum(self.paid, ZERO)

    @property
    def scheduled(self) -> Decimal:
        return sum(self.due_to_date, ZERO)

    @property
    def scheduled_year(self) -> Decimal:
        return sum(self.due, ZERO)

    @property
    def forecast(self) -> Decimal:
        """Disbursed, plus the tranches still to come; arrears are not assumed caught up."""
        return self.disbursed + max(ZERO, self.scheduled_year - max(self.disbursed, self.scheduled))


@dataclass
class Sums:
    """Cells added up: every view's row is one of these."""

    planned: Decimal = ZERO
    approved: Decimal | None = None  # the decided cells' sum; None when none is decided
    allocated: Decimal | None = None
    basis: Decimal = ZERO
    disbursed: Decimal = ZERO
    scheduled: Decimal = ZERO
    scheduled_year: Decimal = ZERO
    forecast: Decimal = ZERO
    undecided: int = 0  # cells without a decision in force
    unallocated: Decimal | None = None  # the dialogue lines' basis less their allocations
    unallocated_planned: int = 0  # of those cells, the ones measured against the plan
    unallocated_approved: int = 0  # and against a decision in force

    def add(self, cell: Cell) -> Sums:
        self.planned += cell.planned
        if cell.approved is not None:
            self.approved = (self.approved or ZERO) + cell.approved
        else:
            self.undecided += 1
        unallocated = cell.unallocated  # computed once, by the cell
        if cell.allocated is not None and unallocated is not None:
            self.allocated = (self.allocated or ZERO) + cell.allocated
            self.unallocated = (self.unallocated or ZERO) + unallocated
            if cell.approved is None:
                self.unallocated_planned += 1
            else:
                self.unallocated_approved += 1
        self.basis += cell.basis
        self.disbursed += cell.disbursed
        self.scheduled += cell.scheduled
        self.scheduled_year += cell.scheduled_year
        self.forecast += cell.forecast
        return self

    @property
    def remaining(self) -> Decimal:
        return self.basis - self.disbursed

    @property
    def unallocated_basis(self) -> str | None:
        """What `unallocated` is measured against: `approved`, `planned` (no year of it is
        decided yet), `mixed` (some years are), None when no dialogue line is summed."""
        if self.unallocated is None:
            return None
        if not self.unallocated_planned:
            return "approved"
        return "mixed" if self.unallocated_approved else "planned"

    @property
    def rate(self) -> Decimal | None:
        return (self.disbursed / self.basis).quantize(RATE_STEP) if self.basis else None

    @property
    def variance(self) -> Decimal:
        return self.disbursed - self.scheduled


def total(cells: Iterable[Cell]) -> Sums:
    sums = Sums()
    for cell in cells:
        sums.add(cell)
    return sums


@dataclass(frozen=True)
class Reconciliation:
    """Every cell of a strategy, as of a date, in one currency; views only sum these."""

    currency: str
    as_of: dt.date
    years: tuple[int, ...]
    lines: tuple[str, ...]
    cells: dict[tuple[str, int], Cell]
    dialogue_lines: frozenset[str]  # lines whose payments the dialogue allocates
    conversion: Conversion | None  # how figures were converted, when they were

    def cell(self, line: str, year: int) -> Cell:
        return self.cells[(line, year)]

    def year(self, year: int, lines: Iterable[str] | None = None) -> Sums:
        return total(self.cells[(line, year)] for line in (self.lines if lines is None else lines))

    def line(self, line: str) -> Sums:
        return total(self.cells[(line, year)] for year in self.years)

    def period(self) -> Sums:
        return total(self.cells.values())


class NoRate(ValueError):
    """No ECB reference rate from one currency to another: the figures cannot be converted."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__(source, target)
        self.source, self.target = source, target


class Converter:
    """Strategy currency to the report's: plans at the as-of rate, payments at their date's."""

    def __init__(self, source: str, target: str, as_of: dt.date, rates: Rates | None) -> None:
        self.source, self.target, self.rates = source, target, rates
        self.quotes: dict[tuple[str, dt.date], Quote | None] = {}
        self.plan_quote: Quote | None = None
        self.plan_rate = Decimal(1)
        if source != target:
            self.plan_quote = self.quote(source, as_of)
            if self.plan_quote is None:
                raise NoRate(source, target)
            self.plan_rate = self.plan_quote.rate

    def quote(self, currency: str, day: dt.date) -> Quote | None:
        if self.rates is None:
            return None
        key = (currency, day)
        if key not in self.quotes:
            self.quotes[key] = self.rates.quote(currency, self.target, day)
        return self.quotes[key]

    def plan(self, amount: Decimal) -> Decimal:
        return amount if self.source == self.target else cents(amount * self.plan_rate)


def dialogue_lines(strategy: Strategy) -> frozenset[str]:
    """The lines whose allocations are shown: those the file's `dialogue:` names, and any line
    an allocation names (no line kind implies a dialogue)."""
    return frozenset(allocated_lines(strategy))


def reconcile(
    strategy: Strategy,
    book: Book,
    *,
    as_of: dt.date,
    currency: str | None = None,
    rates: Rates | None = None,
) -> Reconciliation:
    """Every line and year as of `as_of`. Raises ValueError when the report currency has no ECB
    rate (the caller reports it)."""
    info = strategy.strategy
    target = currency or info.currency
    convert = Converter(info.currency, target, as_of, rates)
    years = tuple(info.period.years)
    lines = tuple(line.id for line in strategy.budget.lines)
    dialogue = dialogue_lines(strategy)

    paid, linked = _paid(book, as_of, convert)
    tranches = schedule(strategy, as_of)
    allocations = _allocations(strategy, as_of, convert)
    cells: dict[tuple[str, int], Cell] = {}
    for year in years:
        decided = decision(strategy, year, as_of)
        for line in lines:
            due = [ZERO, ZERO, ZERO, ZERO]
            due_to_date = [ZERO, ZERO, ZERO, ZERO]
            due_in_order = sorted(tranches.get((line, year), []), key=lambda t: t[0])
            steps = converted_steps((amount for _, amount in due_in_order), convert.plan)
            for (due_on, _), step in zip(due_in_order, steps, strict=True):
                quarter = _quarter(due_on, year)
                due[quarter - 1] += step
                if due_on <= as_of:
                    due_to_date[quarter - 1] += step
            items = tuple(allocations.get((line, year), ()))
            approved = None if decided.lines is None else convert.plan(decided.lines[line])
            cells[(line, year)] = Cell(
                line=line,
                year=year,
                status=decided.status,
                planned=convert.plan(planned(strategy, line, year)),
                approved=approved,
                apportioned=decided.apportioned,
                allocated=sum((i.amount for i in items), ZERO) if line in dialogue else None,
                paid=_quarters(paid[(line, year, q)] for q in QUARTERS),
                due=_quarters(due),
                due_to_date=_quarters(due_to_date),
                allocations=items,
                linked=dict(linked.get((line, year), {})),
            )
    conversion = None
    if convert.plan_quote is not None:  # the renderer says it in the reader's language
        from iomstrat.results.disbursement import Conversion

        quote = convert.plan_quote
        conversion = Conversion(info.currency, target, quote.rate, quote.on)
    return Reconciliation(target, as_of, years, lines, cells, dialogue, conversion)


def _paid(
    book: Book, as_of: dt.date, convert: Converter
) -> tuple[dict[tuple[str, int, int], Decimal], dict[tuple[str, int], dict[str, Decimal]]]:
    """The payments made by `as_of` summed per (line, year, quarter), and per (line, year)
    and the allocation item they name; by column, each step a C-level map. In the strategy's
    currency the book's daily sums answer; in another, each payment is converted at the rate
    of its date (or taken as paid, in that currency), then summed."""
    paid: dict[tuple[str, int, int], Decimal] = defaultdict(Decimal)
    linked: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    columns, booked = book.payments.columns, book.amounts
    by_day = convert.target == convert.source
    if by_day:
        for (line_id, year, day), total_paid in book.daily.sums.items():
            if day <= as_of:
                paid[(line_id, year, _quarter(day, year))] += total_paid
        for (line_id, year, day, name), total_paid in book.daily.named.items():
            if day <= as_of:
                linked[(line_id, year)][name] += total_paid
        return paid, linked
    # In another currency: each payment made by `as_of` converted, then summed.
    made = map(operator.le, columns.date, repeat(as_of))
    wanted = map(operator.and_, made, map(operator.is_not, booked, repeat(None)))
    rows = list(compress(range(len(booked)), wanted))
    booked_rows: list[Decimal] = list(map(booked.__getitem__, rows))  # type: ignore[arg-type]
    days = list(map(columns.date.__getitem__, rows))
    currencies = map(columns.currency.__getitem__, rows)
    amounts = _converted(booked_rows, days, currencies, rows, book, convert)
    line_of, year_of = columns.line.__getitem__, columns.year.__getitem__
    keys = zip(map(line_of, rows), map(year_of, rows), days, strict=True)
    for (line_id, year, day), group in grouped(keys, amounts).items():
        # A payment made before its appropriation year counts in its first quarter; one
        # charged to the year in the supplementary period after it, in its last.
        paid[(line_id, year, _quarter(day, year))] += sum(group, ZERO)
    names = list(map(columns.allocation.__getitem__, rows))
    given = list(map(operator.is_not, names, repeat(None)))
    named: Iterable[tuple[str, int, str]] = compress(
        zip(map(line_of, rows), map(year_of, rows), names, strict=True),  # type: ignore[arg-type]
        given,  # the payments naming no item left out
    )
    for (line_id, year, name), group in grouped(named, compress(amounts, given)).items():
        linked[(line_id, year)][name] += sum(group, ZERO)
    return paid, linked


def _converted(
    amounts: list[Decimal],
    days: list[dt.date],
    currencies: Iterable[str],
    rows: list[int],
    book: Book,
    convert: Converter,
) -> list[Decimal]:
    """The amounts in the report's currency: a payment made in it as paid, any other at the
    rate of its date (at the plan's rate where the ECB has none that day)."""
    rate = {}
    for day in set(days):
        quote = convert.quote(convert.source, day)
        rate[day] = quote.rate if quote is not None else convert.plan_rate
    found = list(map(cents, map(operator.mul, amounts, map(rate.__getitem__, days))))
    own = map(operator.eq, currencies, repeat(convert.target))
    paid_as = book.payments.columns.amount
    for index in compress(range(len(found)), own):
        found[index] = paid_as[rows[index]]
    return found


def _quarter(day: dt.date, year: int) -> int:
    return 1 if day.year < year else 4 if day.year > year else quarter_of(day)


def _quarters(values: Iterable[Decimal]) -> Quarters:
    q1, q2, q3, q4 = values
    return (q1, q2, q3, q4)


def _allocations(
    strategy: Strategy, as_of: dt.date, convert: Converter
) -> dict[tuple[str, int], list[Allocated]]:
    """The items of dialogue decisions taken by `as_of`, per (line, year), converted once, as
    steps of their running total (so that the items of a year allocating its whole approved
    amount add up to that amount converted, to the cent)."""
    unit = factor(strategy)
    items: dict[tuple[str, int], list[tuple[AllocationItem, str]]] = defaultdict(list)
    for allocation in strategy.allocations:
        line = allocation_line(strategy, allocation)
        if line is not None and allocation.date <= as_of:
            items[(line, allocation.year)] += ((i, allocation.label) for i in allocation.items)
    return {
        key: [
            Allocated(item.id, item.priority_area, amount, period)
            for (item, period), amount in zip(
                listed,
                converted_steps((i.amount * unit for i, _ in listed), convert.plan),
                strict=True,
            )
        ]
        for key, listed in items.items()
    }


def converted_steps(
    amounts: Iterable[Decimal], convert: Callable[[Decimal], Decimal]
) -> Iterator[Decimal]:
    """Each amount converted as the step of their running total: the steps add up to the total
    converted once (to the cent), as the figure they split is converted (a year's approved
    amount into its tranches or its allocation items)."""
    source = converted = ZERO
    for amount in amounts:
        source += amount
        step = convert(source) - converted
        converted += step
        yield step
