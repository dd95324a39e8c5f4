"""Checks of the budget lines and the figures themselves (IOM301-IOM307): ids, Finance Act codes,
years inside the period (funded or noted as unfunded), signs and precision."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from iomstrat.checks.context import Context
from iomstrat.engine.plan import funded_years
from iomstrat.findings import DataPath, Diagnostic, Phrase, phrase
from iomstrat.loader.documents import echo
from iomstrat.model.strategy import FINANCE_ACT_PATTERN, UNIT_FACTORS, Strategy

FINANCE_ACT_CODE = "IOM301"
YEARS = "IOM302"
NEGATIVE_AMOUNT = "IOM303"
DUPLICATE_ID = "IOM304"
UNKNOWN_LINE = "IOM305"
PRECISION = "IOM306"
UNFUNDED_YEAR = "IOM307"
SMALLEST_AMOUNT = Decimal("0.01")
"""One øre: no amount is more precise than this, whatever the file's unit."""


def check_line_ids(ctx: Context) -> list[Diagnostic]:
    found = []
    groups = {
        "lines": [line.id for line in ctx.strategy.budget.lines],
        "totals": [total.id for total in ctx.strategy.budget.totals],
    }
    for group, ids in groups.items():
        counts = Counter(ids)
        for index, item_id in enumerate(ids):
            if counts[item_id] > 1:
                found.append(
                    ctx.finding(
                        DUPLICATE_ID,
                        ("budget", group, index, "id"),
                        kind=group,
                        id=item_id,
                        count=counts[item_id],
                    )
                )
    line_ids = {line.id for line in ctx.strategy.budget.lines}
    for t_index, total in enumerate(ctx.strategy.budget.totals):
        for l_index, line_id in enumerate(total.lines):
            if line_id not in line_ids:
                found.append(
                    ctx.finding(
                        UNKNOWN_LINE,
                        ("budget", "totals", t_index, "lines", l_index),
                        kind="total",
                        total=total.id,
                        line=echo(line_id),
                        lines=tuple(sorted(line_ids)),
                    )
                )
    policies = (
        ("dialogue", ctx.strategy.dialogue),
        ("geographic_focus", ctx.strategy.geographic_focus),
    )
    for key, policy in policies:
        for l_index, line_id in enumerate((policy.lines if policy else None) or ()):
            if line_id not in line_ids:
                found.append(
                    ctx.finding(
                        UNKNOWN_LINE,
                        (key, "lines", l_index),
                        kind="policy",
                        setting=key,
                        line=echo(line_id),
                        lines=tuple(sorted(line_ids)),
                    )
                )
    return found


def check_finance_act_codes(ctx: Context) -> list[Diagnostic]:
    places: list[tuple[DataPath, str]] = [
        (("strategy", "finance_act_code"), ctx.strategy.strategy.finance_act_code)
    ]
    places += [
        (("budget", "lines", i, "finance_act_code"), line.finance_act_code)
        for i, line in enumerate(ctx.strategy.budget.lines)
    ]
    return [
        ctx.finding(FINANCE_ACT_CODE, path, text=echo(code))
        for path, code in places
        if not FINANCE_ACT_PATTERN.fullmatch(code)
    ]


def check_years(ctx: Context) -> list[Diagnostic]:
    period = ctx.strategy.strategy.period
    found = []
    if period.end < period.start:
        found.append(
            ctx.finding(
                YEARS,
                ("strategy", "period", "end"),
                kind="period",
                start=period.start,
                end=period.end,
            )
        )
        return found
    expected = set(funded_years(ctx.strategy))
    found += [
        ctx.finding(
            UNFUNDED_YEAR, ("strategy", "period"), year=year, start=period.start, end=period.end
        )
        for year in period.years
        if year not in expected
    ]
    tables: list[tuple[DataPath, Phrase, dict[int, Decimal]]] = [
        (("budget", "lines", i, "amounts"), phrase("figures.line", id=line.id), line.amounts)
        for i, line in enumerate(ctx.strategy.budget.lines)
    ]
    tables += [
        (("budget", "totals", i, "stated"), phrase("figures.total", id=total.id), total.stated)
        for i, total in enumerate(ctx.strategy.budget.totals)
    ]
    cover = ctx.strategy.cover
    for name in ("commitment", "projected_disbursement"):
        row = getattr(cover, name) if cover else None
        if row is not None:
            tables.append(
                (("cover", name, "by_year"), phrase("figures.cover", cover=name), row.by_year)
            )
    for path, what, by_year in tables:
        for year in sorted(set(by_year) - set(period.years)):
            found.append(
                ctx.finding(
                    YEARS,
                    (*path, year),
                    key=True,
                    kind="outside",
                    what=what,
                    year=year,
                    start=period.start,
                    end=period.end,
                )
            )
        missing = sorted(expected - set(by_year))
        if missing:
            found.append(
                ctx.finding(
                    YEARS,
                    path,
                    kind="missing",
                    what=what,
                    years=tuple(missing),
                    start=period.start,
                    end=period.end,
                )
            )
    return found


def check_amounts(ctx: Context) -> list[Diagnostic]:
    factor = UNIT_FACTORS[ctx.strategy.strategy.unit]
    found = []
    for path, amount in _all_amounts(ctx.strategy):
        if amount < 0:
            found.append(ctx.finding(NEGATIVE_AMOUNT, path, amount=amount))
        if (amount * factor) % SMALLEST_AMOUNT != 0:
            found.append(
                ctx.finding(
                    PRECISION,
                    path,
                    amount=amount,
                    unit=ctx.strategy.strategy.unit,
                    decimals=_decimals(factor),
                )
            )
    return found


def _all_amounts(strategy: Strategy) -> list[tuple[tuple[str | int, ...], Decimal]]:
    found: list[tuple[tuple[str | int, ...], Decimal]] = []
    for i, line in enumerate(strategy.budget.lines):
        found += [(("budget", "lines", i, "amounts", y), v) for y, v in line.amounts.items()]
    for i, total in enumerate(strategy.budget.totals):
        found += [(("budget", "totals", i, "stated", y), v) for y, v in total.stated.items()]
    if strategy.cover is not None:
        for name in ("commitment", "projected_disbursement"):
            row = getattr(strategy.cover, name)
            if row is not None:
                found += [(("cover", name, "by_year", y), v) for y, v in row.by_year.items()]
                if row.total is not None:
                    found.append((("cover", name, "total"), row.total))
    for i, approval in enumerate(strategy.approvals):
        if approval.amount is not None:
            found.append((("approvals", i, "amount"), approval.amount))
        for line_id, value in (approval.lines or {}).items():
            found.append((("approvals", i, "lines", line_id), value))
    return found


def _decimals(factor: Decimal) -> int:
    return max(0, -(SMALLEST_AMOUNT / factor).normalize().as_tuple().exponent)  # type: ignore[operator]
