"""Checks of the dialogue's allocations and the payments that use them (IOM403-IOM408, IOM412):
amounts, places, result codes, the gaps between decisions. Which lines need a dialogue, how often
it meets and where allocations should go are data of the strategy file (`dialogue:`,
`geographic_focus:`); a section of the source is cited only where the file names it."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from array import array
from collections import defaultdict
from decimal import Decimal
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any

from iomstrat.checks.context import FOREVER, Context
from iomstrat.checks.payments import PAYMENT_LINE
from iomstrat.engine.book import ZERO, Book, Day, NamedDay
from iomstrat.engine.plan import allocation_line, approved_line, dialogue_lines, factor
from iomstrat.findings import DataPath, Diagnostic, Money, echo
from iomstrat.loader.payments import Payment
from iomstrat.model import periods
from iomstrat.model.strategy import Allocation, AllocationItem, GeographicFocus

if TYPE_CHECKING:
    from iomstrat.places import Kind

PAID_WITHOUT_ALLOCATION = "IOM403"
PAID_ABOVE_ALLOCATION = "IOM404"
ALLOCATED_ABOVE_LINE = "IOM405"
OUTSIDE_FOCUS = "IOM406"
UNKNOWN_PLACE = "IOM407"
DIALOGUE_GAP = "IOM408"
UNKNOWN_RESULT_CODE = "IOM412"


Decided = dict[tuple[str | None, int], tuple[list[dt.date], list[Decimal]]]
"""Per (line, year): the dialogue decisions' dates in order and the amount allocated by each."""


def check_dialogue_payments(ctx: Context) -> list[Diagnostic]:
    """Payments on a dialogue line only as allocated in a dialogue decision by their date; a
    payment naming an allocation item within that item, whatever its line.

    From sums first: the lines and years, and the items, whose sums show no payment can be a
    finding are not walked; the payments of the others are, in date order, by column."""
    if ctx.book is None:
        return []
    strategy, book = ctx.strategy, ctx.book
    dialogue = set(dialogue_lines(strategy))
    if not dialogue and not strategy.allocations:
        return []
    unit = factor(strategy)
    items = {
        item.id: (allocation, item)
        for allocation in strategy.allocations
        for item in allocation.items
        if item.id is not None
    }
    decided: Decided = {}
    for a in sorted(strategy.allocations, key=lambda a: a.date):
        dates, totals = decided.setdefault((allocation_line(strategy, a), a.year), ([], []))
        dates.append(a.date)
        previous = totals[-1] if totals else ZERO
        totals.append(previous + sum((i.amount for i in a.items), ZERO) * unit)
    lines_due = _lines_to_walk(book, dialogue, decided)
    items_due = _items_to_walk(book, items, unit)
    if not lines_due and not items_due:
        return []
    return _walk(ctx, dialogue, decided, items, lines_due, items_due)


def _walk(
    ctx: Context,
    dialogue: set[str],
    decided: Decided,
    items: dict[str, tuple[Allocation, AllocationItem]],
    lines_due: set[tuple[str, int]],
    items_due: set[str],
) -> list[Diagnostic]:
    """The payments of the lines and years, and of the items, that may hold a finding, walked
    in date order; a record is made only for a finding."""
    assert ctx.book is not None
    book, unit, found = ctx.book, factor(ctx.strategy), []
    columns, amounts = book.payments.columns, book.amounts
    lines, years, days, names = columns.line, columns.year, columns.date, columns.allocation
    every = range(len(lines))
    # Paid on a dialogue line before its year's first decision: a finding each, told by
    # column (the first decision's day per line and year), not walked.
    first = {
        key: decided[key][0][0] if key in decided else dt.date.max
        for key in lines_due
        if key[0] in dialogue
    }
    cutoff = map(first.get, zip(lines, years, strict=True), repeat(dt.date.min))
    early = bytes(map(operator.lt, days, cutoff))  # one flag a row (a set of rows is 60 MB)
    priced = map(operator.is_not, amounts, repeat(None))  # without a rate: not in the sums
    unallocated = array("q", compress(every, map(operator.and_, early, priced)))
    # The rows walked, in date order: the lines and years, and the items, due; not those above.
    due = map(lines_due.__contains__, zip(lines, years, strict=True))
    if items_due:
        due = map(operator.or_, due, map(items_due.__contains__, names))
    flags = bytes(map(operator.and_, due, map(operator.not_, early)))
    paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    paid_item: dict[str, Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int] | str] = set()

    currency = ctx.strategy.strategy.currency
    later: list[int] = []

    def finding(index: int, code: str, **values: Any) -> None:
        found.append(book.payments.finding(book.payments.records[index], code, **values))

    for index in filter(flags.__getitem__, book.dated.order):
        line, year, day, name = lines[index], years[index], days[index], names[index]
        amount = amounts[index]
        assert amount is not None  # `dated` holds the payments with an amount
        key = (line, year)
        dates, totals = decided.get(key, ([], []))
        taken = bisect.bisect_right(dates, day)
        if name is not None and name in items_due:
            target = items.get(name)
            if target is None or target[0].date > day:
                later.append(index)
            else:
                paid_item[name] += amount
                limit = target[1].amount * unit
                if paid_item[name] > limit and name not in reported:
                    reported.add(name)
                    finding(
                        index,
                        PAID_ABOVE_ALLOCATION,
                        kind="item",
                        voucher=echo(columns.voucher[index]),
                        allocation=echo(name),
                        paid=Money(paid_item[name], currency),
                        allocated=Money(limit, currency),
                    )
        if key not in lines_due:
            continue
        paid[key] += amount
        allocated = totals[taken - 1]
        if paid[key] > allocated and key not in reported:
            reported.add(key)
            finding(
                index,
                PAID_ABOVE_ALLOCATION,
                voucher=echo(columns.voucher[index]),
                line=line,
                year=year,
                paid=Money(paid[key], currency),
                allocated=Money(allocated, currency),
                date=day,
            )

    def without_allocation(p: Payment) -> Diagnostic:
        voucher, dates = echo(p.voucher), decided.get((p.line, p.year), ([], []))[0]
        if p.line in dialogue and not bisect.bisect_right(dates, p.date):
            values: dict[str, Any] = {"line": p.line, "date": p.date, "year": p.year}
            return book.payments.finding(p, PAID_WITHOUT_ALLOCATION, voucher=voucher, **values)
        assert p.allocation is not None  # else it is allocated by its date
        kind = "unknown_item" if p.allocation not in items else "later_item"
        return book.payments.finding(
            p, PAID_WITHOUT_ALLOCATION, kind=kind, voucher=voucher, allocation=echo(p.allocation)
        )

    unallocated.extend(later)  # naming an item not (yet) allocated, in date order
    return found + book.payments.findings_at(unallocated, without_allocation)


def _lines_to_walk(book: Book, dialogue: set[str], decided: Decided) -> set[tuple[str, int]]:
    """The dialogue lines and years whose payments may hold a finding: some day's payments
    without an allocation decided by then, or a running sum that may pass what is allocated by
    its day. What is allocated changes only from one day to the next, so the daily sums tell
    (and, on a day with a refund, what the day's payments add before it)."""
    days: dict[tuple[str, int], list[Day]] = defaultdict(list)
    for day_key in book.daily.sums:
        if day_key[0] in dialogue:
            days[day_key[:2]].append(day_key)
    due = set()
    for key, paid in days.items():
        dates, totals = decided.get(key, ([], []))
        for day, peak in book.daily.peaks(paid):
            taken = bisect.bisect_right(dates, day)
            if not taken or peak > totals[taken - 1]:
                due.add(key)
                break
    return due


def _items_to_walk(
    book: Book, items: dict[str, tuple[Allocation, AllocationItem]], unit: Decimal
) -> set[str]:
    """The allocation items named by payments that may hold a finding: an item no decision
    has, one paid before its decision, or whose running sum may pass its amount (the sums per
    day and item tell, as for a line)."""
    days: dict[str, list[NamedDay]] = defaultdict(list)
    for key in book.daily.named:
        days[key[3]].append(key)
    due = set()
    for name, paid in days.items():
        target = items.get(name)
        if target is None or target[0].date > min(key[2] for key in paid):
            due.add(name)
            continue
        limit = target[1].amount * unit
        if any(peak > limit for _day, peak in book.daily.peaks(paid)):
            due.add(name)
    return due


def check_allocation_amounts(ctx: Context) -> list[Diagnostic]:
    """A line's allocations of a year add up to no more than the line's amount of the year;
    an allocation names its line where the dialogue has not exactly one."""
    strategy, found = ctx.strategy, []
    running: dict[tuple[str | None, int], Decimal] = defaultdict(Decimal)
    order = sorted(range(len(strategy.allocations)), key=lambda i: strategy.allocations[i].date)
    for index in order:
        allocation = strategy.allocations[index]
        line_id = allocation_line(strategy, allocation)
        key = (line_id, allocation.year)
        before = running[key]
        running[key] += sum((item.amount for item in allocation.items), ZERO)
        if line_id is None:
            found.append(ctx.finding(PAYMENT_LINE, ("allocations", index), kind="no_line"))
            continue
        line = strategy.line(line_id)
        if line is None:
            found.append(
                ctx.finding(
                    PAYMENT_LINE, ("allocations", index, "line"), kind="allocation", line=line_id
                )
            )
            continue
        approved = approved_line(strategy, line_id, allocation.year, FOREVER)
        limit = (
            approved / factor(strategy)
            if approved is not None
            else line.amounts.get(allocation.year, ZERO)
        )
        if running[key] > limit >= before:
            found.append(
                ctx.finding(
                    ALLOCATED_ABOVE_LINE,
                    ("allocations", index, "items"),
                    year=allocation.year,
                    allocated=running[key],
                    unit=strategy.strategy.unit,
                    line=line_id,
                    limit=limit,
                )
            )
    return found


class _Where:
    """Countries and regions as the checks ask of them: known or not, within a focus or not
    (a place lies within the focus when every country it covers lies in one of the focus's
    places: continents, M49 regions, named regions or countries)."""

    def __init__(self) -> None:
        # Imported here: the table of places loads only for a file with allocations or a focus
        # (a few ms of every validation otherwise).
        from iomstrat.places import Places

        self.places = Places()

    def continents(self, name: str, *, region: bool) -> set[str] | None:
        if region:
            return self.places.region_continents(name)
        continent = self.places.country_continent(name)
        return {continent} if continent else None

    def unknown(
        self, ctx: Context, path: DataPath, field: str, name: str, region: bool | None
    ) -> Diagnostic:
        """An unknown place (`field`: focus, country or region), with the known names close
        to it, else what may be written."""
        kinds: tuple[Kind, ...] | None = None
        if region is not None:
            kinds = ("region", "continent", "named_region") if region else ("country",)
        close = tuple(self.places.suggest(name, kinds=kinds))
        if close:
            return ctx.finding(
                UNKNOWN_PLACE, path, kind="suggest", field=field, name=name, suggestions=close
            )
        return ctx.finding(UNKNOWN_PLACE, path, field=field, name=name)

    def known(self, name: str) -> bool:
        return self.places.is_region(name) or self.places.resolve(name) is not None

    def within(self, name: str, *, region: bool, focus: list[str]) -> bool:
        place = self.places.region(name) if region else self.places.country(name)
        covered: set[str] = set()
        for entry in focus:
            found = self.places.resolve(entry)
            if found is not None:
                covered |= found.countries
        return place is not None and place.countries <= covered


def check_allocation_places(ctx: Context) -> list[Diagnostic]:
    """Every place named is known; allocations go where the file's `geographic_focus` says
    (no focus declared: anywhere)."""
    strategy = ctx.strategy
    focus = strategy.geographic_focus
    if not strategy.allocations and focus is None:
        return []
    where = _Where()
    found = []
    if focus is not None:
        for index, place in enumerate(focus.places):
            if not where.known(place):
                found.append(
                    where.unknown(ctx, ("geographic_focus", "places", index), "focus", place, None)
                )
    for a_index, allocation in enumerate(strategy.allocations):
        judged = _focus_of(focus, allocation_line(strategy, allocation))
        for i_index, item in enumerate(allocation.items):
            path: DataPath = ("allocations", a_index, "items", i_index)
            region = item.country is None
            field = "region" if region else "country"
            name = item.region if region else item.country
            assert name is not None
            continents = where.continents(name, region=region)
            if continents is None:
                found.append(where.unknown(ctx, (*path, field), field, name, region))
            elif judged is not None and not where.within(name, region=region, focus=judged[0]):
                places: dict[str, Any] = {
                    "field": field,
                    "name": name,
                    "continents": tuple(sorted(continents)),
                    "focus": tuple(judged[0]),
                }
                found.append(
                    ctx.finding(
                        OUTSIDE_FOCUS, (*path, field), kind="cited", **places, source=judged[1]
                    )
                    if judged[1]
                    else ctx.finding(OUTSIDE_FOCUS, (*path, field), **places)
                )
    return found


def _focus_of(focus: GeographicFocus | None, line_id: str | None) -> tuple[list[str], str] | None:
    """The focus places that apply to an allocation on `line_id`, and the citation."""
    if focus is None or (focus.lines is not None and line_id not in focus.lines):
        return None
    return focus.places, focus.source or ""


def check_result_codes(ctx: Context) -> list[Diagnostic]:
    """Allocation tags name priority areas and SRF codes the strategy has."""
    areas = {area.id for area in ctx.strategy.priority_areas}
    outputs = {code for area in ctx.strategy.priority_areas for code in area.outputs}
    outcomes = {code for area in ctx.strategy.priority_areas for code in area.outcomes}
    found = []
    for a_index, allocation in enumerate(ctx.strategy.allocations):
        for i_index, item in enumerate(allocation.items):
            path = ("allocations", a_index, "items", i_index)
            if item.priority_area is not None and item.priority_area not in areas:
                found.append(
                    ctx.finding(
                        UNKNOWN_RESULT_CODE,
                        (*path, "priority_area"),
                        kind="area",
                        area=item.priority_area,
                        areas=tuple(sorted(areas)),
                    )
                    if areas
                    else ctx.finding(
                        UNKNOWN_RESULT_CODE,
                        (*path, "priority_area"),
                        kind="no_area",
                        area=item.priority_area,
                    )
                )
            for key, codes, known in (
                ("outputs", item.outputs, outputs),
                ("outcomes", item.outcomes, outcomes),
            ):
                for c_index, code in enumerate(codes):
                    if code not in known:
                        found.append(
                            ctx.finding(
                                UNKNOWN_RESULT_CODE, (*path, key, c_index), kind=key, srf=code
                            )
                        )
    return found


def check_dialogue_gaps(ctx: Context) -> list[Diagnostic]:
    """Dialogue decisions as often as the file's `dialogue.every_months` says; a gap longer
    than that and its `grace_months` is reported (no rhythm declared: no check)."""
    dialogue = ctx.strategy.dialogue
    if dialogue is None or dialogue.every_months is None:
        return []
    allocations = ctx.strategy.allocations
    lines = set(dialogue.lines)
    order = sorted(
        (i for i, a in enumerate(allocations) if allocation_line(ctx.strategy, a) in lines),
        key=lambda i: allocations[i].date,
    )
    longest = dialogue.every_months + dialogue.grace_months
    found = []
    for previous, current in itertools.pairwise(order):
        before, after = allocations[previous].date, allocations[current].date
        if after > periods.add_months(before, longest):
            gap: dict[str, Any] = {
                "after": after,
                "days": (after - before).days,
                "before": before,
                "every_months": dialogue.every_months,
                "grace_months": dialogue.grace_months,
            }
            at = ("allocations", current, "date")
            found.append(
                ctx.finding(DIALOGUE_GAP, at, kind="cited", **gap, source=dialogue.source)
                if dialogue.source
                else ctx.finding(DIALOGUE_GAP, at, **gap)
            )
    return found
