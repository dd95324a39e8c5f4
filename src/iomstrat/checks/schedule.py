"""Checks of the schedule of tranches (IOM416)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.checks.context import FOREVER, Context
from iomstrat.engine.book import CENT, ZERO
from iomstrat.engine.plan import decided, decision, factor
from iomstrat.findings import Diagnostic, Money

if TYPE_CHECKING:
    from iomstrat.engine.reconcile import Sums

SCHEDULE = "IOM416"
FORECAST_ABOVE_APPROVAL = "IOM417"


def check_schedule(ctx: Context) -> list[Diagnostic]:
    """Scheduled tranches of a line-year add up to its planned amount, or, once parliament has
    decided the year, to the amount it approved for the line (a schedule written for a
    reduction). Shares are shares of that basis, so they add up to one."""
    strategy, found = ctx.strategy, []
    unit = factor(strategy)
    for line_id, by_year in strategy.schedule.items():
        line = strategy.line(line_id)
        if line is None:
            found.append(
                ctx.finding(SCHEDULE, ("schedule", line_id), key=True, kind="line", line=line_id)
            )
            continue
        for year, tranches in by_year.items():
            path = ("schedule", line_id, year)
            if year not in strategy.strategy.period.years:
                found.append(ctx.finding(SCHEDULE, path, key=True, kind="year", year=year))
                continue
            annual = line.amounts.get(year, ZERO)
            decided = decision(strategy, year, FOREVER)
            approved = None if decided.lines is None else decided.lines[line_id] / unit
            basis = annual if approved is None else approved
            total = sum(
                (t.amount if t.amount is not None else basis * (t.share or ZERO) for t in tranches),
                ZERO,
            )
            tolerance = Decimal("0.01") * len(tranches)
            if all(abs(total - target) * unit >= tolerance for target in {annual, basis}):
                sums: dict[str, Any] = {
                    "line": line_id,
                    "year": year,
                    "total": total,
                    "planned": annual,
                }
                found.append(
                    ctx.finding(SCHEDULE, path, kind="sum", **sums, unit=strategy.strategy.unit)
                    if approved is None
                    else ctx.finding(
                        SCHEDULE,
                        path,
                        kind="sum_approved",
                        **sums,
                        approved=approved.normalize(),
                        unit=strategy.strategy.unit,
                    )
                )
            for t_index, tranche in enumerate(tranches):
                if tranche.date is not None and tranche.date.year != year:
                    found.append(
                        ctx.finding(
                            SCHEDULE,
                            (*path, t_index, "date"),
                            kind="date",
                            date=tranche.date,
                            year=year,
                        )
                    )
    return found


def check_forecast(ctx: Context) -> list[Diagnostic]:
    """A decided year whose forecast exceeds what parliament approved while what is paid does
    not (IOM402 reports that): a schedule still written for the plan after a reduction. A
    reduction that names no lines is judged for the year, its split being unknown."""
    if ctx.book is None or not any(
        decided(ctx.strategy, a.year, ctx.as_of) for a in ctx.strategy.approvals
    ):
        return []  # nothing decided yet: the plan is every year's basis
    # Imported here: most validations (no year decided yet) need no reconciliation (4 ms).
    from iomstrat.engine.reconcile import reconcile, total

    found = []
    rec = reconcile(ctx.strategy, ctx.book, as_of=ctx.as_of)
    index = {a.year: i for i, a in reversed(list(enumerate(ctx.strategy.approvals)))}
    judged: list[tuple[str, int, Sums]] = []
    for year in rec.years:
        cells = [rec.cell(line, year) for line in rec.lines]
        if any(c.apportioned for c in cells):
            judged.append(("", year, total(cells)))
        else:
            judged += [(c.line, year, total([c])) for c in cells]
    for line_id, year, sums in judged:
        approved = sums.approved
        if approved is None or sums.disbursed > approved or sums.forecast - approved < CENT:
            continue
        currency = ctx.strategy.strategy.currency
        figures: dict[str, Any] = {
            "forecast": Money(sums.forecast, currency),
            "approved": Money(approved, currency),
        }
        line: dict[str, Any] = {"line": line_id} if line_id else {}
        found.append(
            ctx.finding(
                FORECAST_ABOVE_APPROVAL,
                ("approvals", index[year]),
                kind="line" if line_id else "",
                year=year,
                **figures,
                **line,
            )
        )
    return found
