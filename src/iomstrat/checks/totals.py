"""Checks of stated totals against computed sums (IOM101-IOM104): the budget table's totals and
the cover table; a gap an acknowledged erratum of the source causes is a note."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.checks.context import Context
from iomstrat.checks.errata import errata_reasons
from iomstrat.engine.sums import SumCheck, Term, check_sums, rounding_tolerance
from iomstrat.findings import Diagnostic, phrase
from iomstrat.loader.documents import echo
from iomstrat.model.strategy import Strategy

COVER_MISMATCH = "IOM103"


def _positions(strategy: Strategy) -> dict[str, int]:
    """Each line's index in the budget, by id (the first of an id, as `Strategy.line`): a
    look-up per line and year, not a scan of the lines."""
    found: dict[str, int] = {}
    for index, line in enumerate(strategy.budget.lines):
        found.setdefault(line.id, index)
    return found


def _year_term(strategy: Strategy, positions: dict[str, int], line_id: str, year: int) -> Term:
    """A line's amount for a year as a sum term, pointing at where the file gives it."""
    index = positions[line_id]
    line = strategy.budget.lines[index]
    return Term(
        line_id, line.amounts.get(year, Decimal(0)), ("budget", "lines", index, "amounts", year)
    )


def check_budget_totals(ctx: Context) -> list[Diagnostic]:
    strategy = ctx.strategy
    tolerance = rounding_tolerance(strategy.budget.printed_step, 0)
    positions = _positions(strategy)
    checks = []
    for t_index, total in enumerate(strategy.budget.totals):
        lines = [line for line_id in total.lines if (line := strategy.line(line_id)) is not None]
        for year, stated in total.stated.items():
            terms = tuple(_year_term(strategy, positions, line.id, year) for line in lines)
            checks.append(
                SumCheck(
                    phrase("sum.total", year=year, name=echo(total.name.rstrip(":"))),
                    ("budget", "totals", t_index, "stated", year),
                    stated,
                    terms,
                    tolerance,
                )
            )
    return check_sums(ctx.document, checks, errata=errata_reasons(strategy.errata))


def check_cover(ctx: Context) -> list[Diagnostic]:
    """The cover table's Commitment and Projected disbursement rows against the budget lines."""
    strategy = ctx.strategy
    if strategy.cover is None:
        return []
    tolerance = rounding_tolerance(strategy.budget.printed_step, 0)
    years = list(strategy.strategy.period.years)
    positions = _positions(strategy)
    checks = []
    for name in ("commitment", "projected_disbursement"):
        row = getattr(strategy.cover, name)
        if row is None:
            continue
        for year, stated in row.by_year.items():
            terms = tuple(
                _year_term(strategy, positions, line.id, year) for line in strategy.budget.lines
            )
            checks.append(
                SumCheck(
                    phrase("sum.cover_year", year=year, cover=name),
                    ("cover", name, "by_year", year),
                    stated,
                    terms,
                    tolerance,
                )
            )
        if row.total is not None:
            terms = tuple(
                Term(line.id, sum((line.amounts.get(y, Decimal(0)) for y in years), Decimal(0)))
                for line in strategy.budget.lines
            )
            checks.append(
                SumCheck(
                    phrase("sum.cover_total", start=years[0], end=years[-1], cover=name),
                    ("cover", name, "total"),
                    row.total,
                    terms,
                    tolerance,
                    tuple(
                        ("budget", "lines", i, "amounts", y)
                        for i in range(len(strategy.budget.lines))
                        for y in years
                    ),
                )
            )
    return check_sums(
        ctx.document, checks, error_code=COVER_MISMATCH, errata=errata_reasons(strategy.errata)
    )
