"""The disbursement views: rows per line and year, per year, per quarter, per priority area or
per place (country or region, under its continent),
and the portfolio across strategy files. Every row is a sum of the reconciliation's cells
(`engine.reconcile`), so the views agree to the øre. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from iomstrat.engine.book import ZERO, Book, Rates
from iomstrat.engine.plan import allocation_line, apportion, quarter_end
from iomstrat.engine.reconcile import QUARTERS, RATE_STEP, Reconciliation, Sums, reconcile
from iomstrat.model import periods
from iomstrat.model.strategy import Strategy

if TYPE_CHECKING:  # built where reports are made: `validate` books payments, makes no report
    from iomstrat.places import Places
    from iomstrat.results.disbursement import (
        DialoguePeriodRow,
        DisbursementReport,
        DisbursementRow,
        Figures,
        Portfolio,
        PriorityRow,
    )

VIEWS = ("line", "year", "quarter", "priority", "place")
ALL_CODES = ""
"""The portfolio's Finance Act code for the rows of every code together."""


def figures(sums: Sums) -> Figures:
    from iomstrat.results.disbursement import Figures

    return Figures(
        planned=sums.planned,
        approved=sums.approved,
        allocated=sums.allocated,
        disbursed=sums.disbursed,
        remaining=sums.remaining,
        rate=sums.rate,
        scheduled=sums.scheduled,
        variance=sums.variance,
        forecast=sums.forecast,
        unallocated=sums.unallocated,
        unallocated_basis=sums.unallocated_basis,
    )


def disbursement_report(
    strategy: Strategy,
    book: Book,
    *,
    file: str,
    as_of: dt.date,
    by: str = "line",
    currency: str | None = None,
    rates: Rates,
) -> DisbursementReport:
    """Per line and year (and the period) as of `as_of`, grouped as `by` asks.

    Raises ValueError when the report currency has no ECB rate (the caller reports it)."""
    from iomstrat.results.disbursement import DisbursementReport, DisbursementRow

    rec = reconcile(strategy, book, as_of=as_of, currency=currency, rates=rates)
    years = rec.years
    rows: list[DisbursementRow] = []
    names = {line.id: f"{line.label or ''} {line.name}".strip() for line in strategy.budget.lines}
    period = f"{years[0]}-{years[-1]}" if years else ""
    if by == "line":
        for year in years:
            for line_id in rec.lines:
                cell = Sums().add(rec.cell(line_id, year))
                rows.append(DisbursementRow(line_id, names[line_id], "line", year, figures(cell)))
            rows.append(DisbursementRow(str(year), "", "subtotal", year, figures(rec.year(year))))
        for line_id in rec.lines:
            rows.append(
                DisbursementRow(line_id, names[line_id], "line", None, figures(rec.line(line_id)))
            )
        rows.append(DisbursementRow(period, "", "total", None, figures(rec.period())))
    elif by == "year":
        for year in years:
            rows.append(DisbursementRow(str(year), "", "line", year, figures(rec.year(year))))
        rows.append(DisbursementRow(period, "", "total", None, figures(rec.period())))
    elif by == "quarter":
        rows += _quarter_rows(rec)
    priority_rows = (
        _priority_rows(strategy, rec)
        if by == "priority"
        else _place_rows(strategy, rec)
        if by == "place"
        else ()
    )
    return DisbursementReport(
        file=file,
        title=strategy.strategy.title,
        currency=rec.currency,
        as_of=as_of,
        by=by,
        rows=tuple(rows),
        priority_rows=tuple(priority_rows),
        payments=len(book.payments.records),
        allocations=len(strategy.allocations),
        notes=(),
        conversion=rec.conversion,
        organisation=strategy.strategy.organisation.short_name,
        dialogue_periods=tuple(dialogue_period_rows(strategy, rec, names)),
    )


def dialogue_period_rows(
    strategy: Strategy, rec: Reconciliation, names: dict[str, str]
) -> list[DialoguePeriodRow]:
    """Where the dialogue meets more often than once a year (every 6 or 3 months): per
    dialogue line and year that has begun by the report's date or has allocations, each
    period of the year with what was allocated in it and what of the year is still
    unallocated at its end (the approved amount, else the plan, less the allocations so far).
    A period an allocation names outside the cadence (IOM440) is listed too, in date order."""
    from iomstrat.results.disbursement import DialoguePeriodRow

    every = strategy.dialogue.every_months if strategy.dialogue is not None else None
    if every not in periods.KIND_OF_MONTHS or every == 12:
        return []
    rows = []
    dialogue = sorted(rec.dialogue_lines & set(rec.lines), key=rec.lines.index)
    for line in dialogue:
        for year in rec.years:
            cell = rec.cell(line, year)
            if year > rec.as_of.year and not cell.allocations:
                continue  # a year still to come, with nothing allocated
            by_period: dict[str, Decimal] = defaultdict(Decimal)
            for step in range(0, 12, every):
                by_period[periods.label_for(dt.date(year, step + 1, 1), every)] = ZERO
            for item in cell.allocations:
                by_period[item.period] += item.amount
            kind = "planned" if cell.approved is None else "approved"
            left = cell.basis
            for label in sorted(by_period, key=lambda p: (periods.bounds(p), p)):
                left -= by_period[label]
                rows.append(
                    DialoguePeriodRow(
                        line, names[line], year, label, cell.basis, kind, by_period[label], left
                    )
                )
    return rows


def _quarter_rows(rec: Reconciliation) -> list[DisbursementRow]:
    """Per year and quarter, all lines: due in the quarter under the decision in force, paid in
    it; then the year, exactly as the other views give it. Every column of the quarters adds
    up to the year's: `planned` is the year's plan spread as its tranches fall due (evenly
    when none falls due), `remaining` what the payments, taken against the tranches in order,
    leave of each (never negative unless the year is overpaid: the excess is the last
    quarter's), `forecast` what was paid in the quarter and, for a quarter still to end, its
    share of what the year still expects; `approved` and `allocated` are the year's alone."""
    from iomstrat.results.disbursement import DisbursementRow, Figures

    rows = []
    for year in rec.years:
        cells = [rec.cell(line, year) for line in rec.lines]
        total = figures(rec.year(year))
        quarters = {f"Q{q}": q for q in QUARTERS}
        due = {k: sum((c.due[q - 1] for c in cells), ZERO) for k, q in quarters.items()}
        paid = {k: sum((c.paid[q - 1] for c in cells), ZERO) for k, q in quarters.items()}
        spread = due if any(due.values()) else dict.fromkeys(due, Decimal(1))
        planned = apportion(total.planned, spread)
        remaining = _left_of_tranches(due, sum(paid.values(), ZERO), total.remaining)
        coming = [k for k, q in quarters.items() if quarter_end(year, q) > rec.as_of]
        weights = {k: remaining[k] for k in coming if remaining[k] > 0}
        if not weights:
            weights = dict.fromkeys(coming or [next(reversed(quarters))], Decimal(1))
        expected = apportion(total.forecast - total.disbursed, weights)
        for key, quarter in quarters.items():
            due_to_date = sum((c.due_to_date[quarter - 1] for c in cells), ZERO)
            owed, got = due[key], paid[key]
            rows.append(
                DisbursementRow(
                    f"{year}-Q{quarter}",
                    "",
                    "line",
                    year,
                    Figures(
                        planned=planned[key],
                        approved=None,
                        allocated=None,
                        disbursed=got,
                        remaining=remaining[key],
                        rate=(got / owed).quantize(RATE_STEP) if owed else None,
                        scheduled=due_to_date,
                        variance=got - due_to_date,
                        forecast=got + expected.get(key, ZERO),
                        tranche=owed,
                    ),
                    quarter,
                )
            )
        rows.append(DisbursementRow(str(year), "", "subtotal", year, total))
    return rows


def _left_of_tranches(
    due: dict[str, Decimal], paid: Decimal, remaining: Decimal
) -> dict[str, Decimal]:
    """What the year's payments leave of each tranche, paying the tranches in order; whatever
    differs from the year's `remaining` (an overpaid year, a schedule that does not add up to
    the basis) falls on the last quarter, so the quarters add up to the year."""
    left: dict[str, Decimal] = {}
    for key, owed in due.items():
        covered = min(owed, max(ZERO, paid))
        paid -= covered
        left[key] = owed - covered
    last = next(reversed(left))
    left[last] += remaining - sum(left.values(), ZERO)
    return left


NOT_LINKED = "not-linked"
NO_AREA = "-"


def _priority_rows(strategy: Strategy, rec: Reconciliation) -> list[PriorityRow]:
    """Per year: allocations and the payments that name them, per priority area; the dialogue
    lines' payments that name no allocation in a row of their own; and the year, whose figures
    are the dialogue lines' (so the view reconciles with `--by line`)."""
    from iomstrat.results.disbursement import PriorityRow

    area_of = {
        item.id: item.priority_area
        for allocation in strategy.allocations
        for item in allocation.items
        if item.id is not None
    }
    names = {area.id: f"{area.id}. {area.name}" for area in strategy.priority_areas}
    dialogue = sorted(rec.dialogue_lines & set(rec.lines), key=rec.lines.index)
    rows: list[PriorityRow] = []
    for year in rec.years:
        allocated: dict[int | None, Decimal] = defaultdict(Decimal)
        paid: dict[int | None, Decimal] = defaultdict(Decimal)
        items: dict[int | None, int] = defaultdict(int)
        linked = ZERO
        for line in dialogue:
            cell = rec.cell(line, year)
            for item in cell.allocations:
                allocated[item.priority_area] += item.amount
                items[item.priority_area] += 1
            for item_id, amount in cell.linked.items():
                paid[area_of.get(item_id)] += amount
                linked += amount
        year_sums = rec.year(year, dialogue)
        if not (items or year_sums.disbursed):
            continue  # a year with nothing allocated or paid yet
        for area in strategy.priority_areas:
            rows.append(
                PriorityRow(
                    str(area.id),
                    names[area.id],
                    "line",
                    year,
                    allocated[area.id],
                    paid[area.id],
                    items[area.id],
                )
            )
        tagged = {area.id for area in strategy.priority_areas}
        untagged = [a for a in {*allocated, *paid} if a not in tagged]
        if untagged:
            rows.append(
                PriorityRow(
                    NO_AREA,
                    "",
                    "line",
                    year,
                    sum((allocated[a] for a in untagged), ZERO),
                    sum((paid[a] for a in untagged), ZERO),
                    sum(items[a] for a in untagged),
                )
            )
        rows += _year_rows(year, year_sums, linked, sum(items.values()))
    return [*rows, _grand_total(rows)]


def _year_rows(year: int, sums: Sums, linked: Decimal, items: int) -> list[PriorityRow]:
    """The close of a year in a group view (by priority area or place): the dialogue lines'
    payments that name no allocation, then the year with the dialogue lines' figures (so the
    view reconciles with `--by line`)."""
    from iomstrat.results.disbursement import PriorityRow

    rows = []
    unlinked = sums.disbursed - linked
    if unlinked:
        rows.append(PriorityRow(NOT_LINKED, "", "line", year, ZERO, unlinked, 0))
    allocated = sums.allocated or ZERO
    rows.append(PriorityRow(str(year), "", "subtotal", year, allocated, sums.disbursed, items))
    return rows


def _grand_total(rows: list[PriorityRow]) -> PriorityRow:
    """The period's row of a group view: the sum of its years."""
    from iomstrat.results.disbursement import PriorityRow

    years = [r for r in rows if r.kind == "subtotal"]
    return PriorityRow(
        "total",
        "",
        "total",
        None,
        sum((r.allocated for r in years), ZERO),
        sum((r.disbursed for r in years), ZERO),
        sum(r.items for r in years),
    )


def portfolio(
    reports: Iterable[tuple[Strategy, Book]],
    *,
    as_of: dt.date,
    currency: str,
    files: tuple[str, ...],
    rates: Rates,
) -> Portfolio:
    """Totals per Finance Act code and year across strategy files, in one currency: sums of
    each file's reconciliation cells, as every other view. With more than one code, rows of
    every code together follow (code `ALL_CODES`), per year and for the period."""
    from iomstrat.results.disbursement import Portfolio, PortfolioRow

    totals: dict[tuple[str, int | None], Sums] = {}
    seen: dict[tuple[str, int | None], set[int]] = defaultdict(set)
    for index, (strategy, book) in enumerate(reports):
        rec = reconcile(strategy, book, as_of=as_of, currency=currency, rates=rates)
        codes = {line.id: line.finance_act_code for line in strategy.budget.lines}
        for (line_id, year), cell in rec.cells.items():
            code = codes[line_id]
            keys = ((code, year), (code, None), (ALL_CODES, year), (ALL_CODES, None))
            for key in keys:
                seen[key].add(index)
                totals.setdefault(key, Sums()).add(cell)
    if len({code for code, _ in totals} - {ALL_CODES}) < 2:
        totals = {key: sums for key, sums in totals.items() if key[0] != ALL_CODES}
    rows = []
    for (code, row_year), sums in sorted(
        totals.items(),
        key=lambda kv: (kv[0][0] == ALL_CODES, kv[0][0], kv[0][1] is None, kv[0][1] or 0),
    ):
        rows.append(
            PortfolioRow(
                code,
                row_year,
                sums.planned,
                sums.approved,
                sums.disbursed,
                sums.remaining,
                len(seen[(code, row_year)]),
                allocated=sums.allocated,
            )
        )
    return Portfolio(currency, as_of, files, tuple(rows))


def _place_rows(strategy: Strategy, rec: Reconciliation) -> list[PriorityRow]:
    """Per year: allocations and the payments that name them, per country or region as the
    allocations name them, under their continent with its total (`region:` rows); the dialogue
    lines' payments that name no allocation in a row of their own; the year as `--by line`."""
    from iomstrat.places import Places
    from iomstrat.results.disbursement import PriorityRow

    places = Places()
    # Each item's place, in the order the reconciliation lists a line's and year's items (the
    # file's order, decided by the report's date), and by the id payments name.
    in_order: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    place_of: dict[str, tuple[str, str]] = {}
    for allocation in strategy.allocations:
        line = allocation_line(strategy, allocation)
        for item in allocation.items:
            field, name = ("country", item.country) if item.country else ("region", item.region)
            placed = _placed(places, field, name or "")
            if item.id is not None:
                place_of.setdefault(item.id, placed)
            if line is not None and allocation.date <= rec.as_of:
                in_order[(line, allocation.year)].append(placed)
    dialogue = sorted(rec.dialogue_lines & set(rec.lines), key=rec.lines.index)
    rows: list[PriorityRow] = []
    for year in rec.years:
        allocated: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        paid: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        items: dict[tuple[str, str], int] = defaultdict(int)
        linked = ZERO
        for line in dialogue:
            cell = rec.cell(line, year)
            for allocated_item, key in zip(cell.allocations, in_order[(line, year)], strict=True):
                allocated[key] += allocated_item.amount
                items[key] += 1
            for item_id, amount in cell.linked.items():
                paid[place_of.get(item_id, ("", ""))] += amount
                linked += amount
        year_sums = rec.year(year, dialogue)
        if not (items or year_sums.disbursed):
            continue
        keys = sorted({*allocated, *paid})
        for continent in sorted({c for c, _ in keys}):
            members = [k for k in keys if k[0] == continent]
            for key in members:
                rows.append(
                    PriorityRow(key[1], key[1], "line", year, allocated[key], paid[key], items[key])
                )
            rows.append(
                PriorityRow(
                    f"region:{continent}",
                    continent,
                    "region",
                    year,
                    sum((allocated[k] for k in members), ZERO),
                    sum((paid[k] for k in members), ZERO),
                    sum(items[k] for k in members),
                )
            )
        rows += _year_rows(year, year_sums, linked, sum(items.values()))
    return [*rows, _grand_total(rows)]


def _placed(places: Places, field: str, name: str) -> tuple[str, str]:
    """An allocation's place as (continent, name): a known country by its English name, a
    region as written; a region over several continents under all of them, joined."""
    if field == "country":
        place = places.country(name)
        english = (places.name(place.code) if place else None) or name
        return places.country_continent(name) or "", english
    continents = places.region_continents(name) or set()
    return ", ".join(sorted(continents)), " ".join(name.split())
