"""Checks of the schedule of tranches (IOM416)."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.checks.context import Context
from iomstrat.engine.book import ZERO
from iomstrat.engine.plan import factor
from iomstrat.findings import Diagnostic, Severity

SCHEDULE = "IOM416"


def check_schedule(ctx: Context) -> list[Diagnostic]:
    """Scheduled tranches of a line-year add up to its planned amount."""
    strategy, found = ctx.strategy, []
    unit = factor(strategy)
    for line_id, by_year in strategy.schedule.items():
        line = strategy.line(line_id)
        if line is None:
            found.append(
                ctx.document.diagnostic(
                    ("schedule", line_id),
                    SCHEDULE,
                    Severity.ERROR,
                    f"schedule for line '{line_id}', which the budget does not have",
                    key=True,
                )
            )
            continue
        for year, tranches in by_year.items():
            path = ("schedule", line_id, year)
            if year not in strategy.strategy.period.years:
                found.append(
                    ctx.document.diagnostic(
                        path,
                        SCHEDULE,
                        Severity.ERROR,
                        f"schedule year {year} outside the period",
                        key=True,
                    )
                )
                continue
            annual = line.amounts.get(year, ZERO)
            total = sum(
                (
                    t.amount if t.amount is not None else annual * (t.share or ZERO)
                    for t in tranches
                ),
                ZERO,
            )
            if abs(total - annual) * unit >= Decimal("0.01") * len(tranches):
                found.append(
                    ctx.document.diagnostic(
                        path,
                        SCHEDULE,
                        Severity.ERROR,
                        f"tranches of '{line_id}' for {year} add up to {total}, not the "
                        f"planned {annual} ({strategy.strategy.unit})",
                    )
                )
            for t_index, tranche in enumerate(tranches):
                if tranche.date is not None and tranche.date.year != year:
                    found.append(
                        ctx.document.diagnostic(
                            (*path, t_index, "date"),
                            SCHEDULE,
                            Severity.ERROR,
                            f"tranche dated {tranche.date.isoformat()} outside {year}",
                        )
                    )
    return found
