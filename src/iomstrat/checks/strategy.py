"""The strategy checks: small pure functions with stable codes, kept in a tuple registry."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.engine.disbursement import Book
from iomstrat.engine.sums import SumCheck, Term, check_sums, rounding_tolerance
from iomstrat.findings import DataPath, Diagnostic, Severity
from iomstrat.loader.documents import Document, echo
from iomstrat.model.strategy import UNIT_FACTORS, Strategy

COVER_MISMATCH = "IOM103"
APPROVAL_MISSING = "IOM201"
APPROVAL_OUTSIDE_PERIOD = "IOM202"
REDUCTION_WITHOUT_AMOUNT = "IOM203"
APPROVAL_INCONSISTENT = "IOM204"
APPROVAL_OVERDUE = "IOM205"
SUBJECT_TO_APPROVAL = "IOM206"
FINANCE_ACT_CODE = "IOM301"
YEARS = "IOM302"
NEGATIVE_AMOUNT = "IOM303"
DUPLICATE_ID = "IOM304"
UNKNOWN_LINE = "IOM305"
PRECISION = "IOM306"

FINANCE_ACT_PATTERN = re.compile(r"§\d{2}\.\d{2}\.\d{2}\.\d{2}")
SMALLEST_AMOUNT = Decimal("0.01")
"""One øre: no amount is more precise than this, whatever the file's unit."""


@dataclass(frozen=True)
class Context:
    """What every check may look at: the strategy, where its values stand, and the date."""

    strategy: Strategy
    document: Document
    as_of: dt.date
    book: Book | None = None  # the payments, for the IOM4xx checks


Check = Callable[[Context], list[Diagnostic]]


def planned_total(strategy: Strategy, year: int) -> Decimal:
    return sum((line.amounts.get(year, Decimal(0)) for line in strategy.budget.lines), Decimal(0))


def _year_term(strategy: Strategy, line_id: str, year: int) -> Term:
    """A line's amount for a year as a sum term, pointing at where the file gives it."""
    index, line = next((i, ln) for i, ln in enumerate(strategy.budget.lines) if ln.id == line_id)
    return Term(
        line_id, line.amounts.get(year, Decimal(0)), ("budget", "lines", index, "amounts", year)
    )


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
                    ctx.document.diagnostic(
                        ("budget", group, index, "id"),
                        DUPLICATE_ID,
                        Severity.ERROR,
                        f"budget {group} id '{item_id}' is used {counts[item_id]} times; "
                        "ids must be unique",
                    )
                )
    line_ids = {line.id for line in ctx.strategy.budget.lines}
    for t_index, total in enumerate(ctx.strategy.budget.totals):
        for l_index, line_id in enumerate(total.lines):
            if line_id not in line_ids:
                found.append(
                    ctx.document.diagnostic(
                        ("budget", "totals", t_index, "lines", l_index),
                        UNKNOWN_LINE,
                        Severity.ERROR,
                        f"total '{total.id}' adds up line '{echo(line_id)}', which the budget does "
                        f"not have (lines: {', '.join(sorted(line_ids))})",
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
        ctx.document.diagnostic(
            path,
            FINANCE_ACT_CODE,
            Severity.ERROR,
            f"Finance Act code '{echo(code)}' is not of the form §NN.NN.NN.NN (e.g. §06.32.10.14)",
        )
        for path, code in places
        if not FINANCE_ACT_PATTERN.fullmatch(code)
    ]


def check_years(ctx: Context) -> list[Diagnostic]:
    period = ctx.strategy.strategy.period
    found = []
    if period.end < period.start:
        found.append(
            ctx.document.diagnostic(
                ("strategy", "period", "end"),
                YEARS,
                Severity.ERROR,
                f"period ends ({period.end}) before it starts ({period.start})",
            )
        )
        return found
    expected = set(period.years)
    tables: list[tuple[DataPath, str, dict[int, Decimal]]] = [
        (("budget", "lines", i, "amounts"), f"line '{line.id}'", line.amounts)
        for i, line in enumerate(ctx.strategy.budget.lines)
    ]
    tables += [
        (("budget", "totals", i, "stated"), f"total '{total.id}'", total.stated)
        for i, total in enumerate(ctx.strategy.budget.totals)
    ]
    cover = ctx.strategy.cover
    for name in ("commitment", "projected_disbursement"):
        row = getattr(cover, name) if cover else None
        if row is not None:
            tables.append((("cover", name, "by_year"), f"cover {name}", row.by_year))
    for path, what, by_year in tables:
        for year in sorted(set(by_year) - expected):
            found.append(
                ctx.document.diagnostic(
                    (*path, year),
                    YEARS,
                    Severity.ERROR,
                    f"{what}: year {year} is outside the period {period.start}-{period.end}",
                    key=True,
                )
            )
        missing = sorted(expected - set(by_year))
        if missing:
            found.append(
                ctx.document.diagnostic(
                    path,
                    YEARS,
                    Severity.ERROR,
                    f"{what}: no amount for {', '.join(map(str, missing))} "
                    f"(the period is {period.start}-{period.end}; write 0 for a year without one)",
                )
            )
    return found


def check_amounts(ctx: Context) -> list[Diagnostic]:
    factor = UNIT_FACTORS[ctx.strategy.strategy.unit]
    found = []
    for path, amount in _all_amounts(ctx.strategy):
        if amount < 0:
            found.append(
                ctx.document.diagnostic(
                    path, NEGATIVE_AMOUNT, Severity.ERROR, f"amount {amount} is negative"
                )
            )
        if (amount * factor) % SMALLEST_AMOUNT != 0:
            found.append(
                ctx.document.diagnostic(
                    path,
                    PRECISION,
                    Severity.ERROR,
                    f"amount {amount} ({ctx.strategy.strategy.unit}) is more precise than one "
                    f"øre; write at most {_decimals(factor)} decimals",
                )
            )
    return found


def check_budget_totals(ctx: Context) -> list[Diagnostic]:
    strategy = ctx.strategy
    tolerance = rounding_tolerance(strategy.budget.printed_step, 0)
    checks = []
    for t_index, total in enumerate(strategy.budget.totals):
        lines = [line for line_id in total.lines if (line := strategy.line(line_id)) is not None]
        for year, stated in total.stated.items():
            terms = tuple(_year_term(strategy, line.id, year) for line in lines)
            checks.append(
                SumCheck(
                    f"{year} {echo(total.name.rstrip(':'))}",
                    ("budget", "totals", t_index, "stated", year),
                    stated,
                    terms,
                    tolerance,
                )
            )
    return check_sums(ctx.document, checks)


def check_cover(ctx: Context) -> list[Diagnostic]:
    """The cover table's Commitment and Projected disbursement rows against the budget lines."""
    strategy = ctx.strategy
    if strategy.cover is None:
        return []
    tolerance = rounding_tolerance(strategy.budget.printed_step, 0)
    years = list(strategy.strategy.period.years)
    checks = []
    for name in ("commitment", "projected_disbursement"):
        row = getattr(strategy.cover, name)
        if row is None:
            continue
        label = name.replace("_", " ")
        for year, stated in row.by_year.items():
            terms = tuple(_year_term(strategy, line.id, year) for line in strategy.budget.lines)
            checks.append(
                SumCheck(
                    f"{year} cover {label}",
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
                    f"{years[0]}-{years[-1]} cover {label} total",
                    ("cover", name, "total"),
                    row.total,
                    terms,
                    tolerance,
                )
            )
    return check_sums(ctx.document, checks, error_code=COVER_MISMATCH)


def check_approvals(ctx: Context) -> list[Diagnostic]:
    strategy = ctx.strategy
    period = strategy.strategy.period
    doc = ctx.document
    found = []
    seen: dict[int, int] = {}
    line_ids = {line.id for line in strategy.budget.lines}
    for index, approval in enumerate(strategy.approvals):
        path = ("approvals", index)
        year = approval.year
        if year in seen:
            found.append(
                doc.diagnostic(
                    (*path, "year"),
                    APPROVAL_INCONSISTENT,
                    Severity.ERROR,
                    f"{year} has more than one approval entry (first is entry {seen[year] + 1})",
                )
            )
            continue
        seen[year] = index
        if year not in period.years:
            found.append(
                doc.diagnostic(
                    (*path, "year"),
                    APPROVAL_OUTSIDE_PERIOD,
                    Severity.ERROR,
                    f"approval for {year}, outside the period {period.start}-{period.end}",
                )
            )
            continue
        found += _approval_consistency(ctx, index, planned_total(strategy, year), line_ids)
    for year in period.years:
        if year not in seen:
            found.append(
                doc.diagnostic(
                    ("approvals",),
                    APPROVAL_MISSING,
                    Severity.ERROR,
                    f"{year} has no approval entry; add one (status: planned until the "
                    "Finance Act is passed)",
                    key=True,
                )
            )
    return found


def _approval_consistency(
    ctx: Context, index: int, planned: Decimal, line_ids: set[str]
) -> list[Diagnostic]:
    approval = ctx.strategy.approvals[index]
    doc = ctx.document
    path = ("approvals", index)
    year = approval.year
    problems: list[tuple[tuple[str | int, ...], str, str]] = []
    decided = approval.finance_act is not None or approval.decided_on is not None
    if approval.status == "planned":
        if decided or approval.amount is not None or approval.lines is not None:
            problems.append(
                (
                    (*path, "status"),
                    APPROVAL_INCONSISTENT,
                    f"{year} is 'planned' but records a decision (finance_act, decided_on, amount "
                    "or lines); set status to approved, reduced or withheld",
                )
            )
    else:
        for key in ("finance_act", "decided_on"):
            if getattr(approval, key) is None:
                problems.append(
                    (
                        (*path, "status"),
                        APPROVAL_INCONSISTENT,
                        f"{year} is '{approval.status}' but has no {key}",
                    )
                )
    if approval.status == "reduced" and approval.amount is None:
        problems.append(
            (
                (*path, "status"),
                REDUCTION_WITHOUT_AMOUNT,
                f"{year} is 'reduced' but states no approved amount",
            )
        )
    amount = approval.amount
    if amount is not None:
        if approval.status == "approved" and amount != planned:
            problems.append(
                (
                    (*path, "amount"),
                    APPROVAL_INCONSISTENT,
                    f"{year} is 'approved' for {amount} but the budget plans {planned}; "
                    "use status 'reduced' for a lower amount",
                )
            )
        if approval.status == "reduced" and amount >= planned:
            problems.append(
                (
                    (*path, "amount"),
                    APPROVAL_INCONSISTENT,
                    f"{year} is 'reduced' to {amount}, not below the planned {planned}",
                )
            )
        if approval.status == "withheld" and amount != 0:
            problems.append(
                (
                    (*path, "amount"),
                    APPROVAL_INCONSISTENT,
                    f"{year} is 'withheld' but states an approved amount of {amount}",
                )
            )
    if approval.lines is not None:
        for line_id, value in approval.lines.items():
            line = ctx.strategy.line(line_id)
            if line_id not in line_ids or line is None:
                problems.append(
                    (
                        (*path, "lines", line_id),
                        UNKNOWN_LINE,
                        f"{year} approval names line '{echo(line_id)}', "
                        "which the budget does not have",
                    )
                )
            elif value > line.amounts.get(year, Decimal(0)):
                problems.append(
                    (
                        (*path, "lines", line_id),
                        APPROVAL_INCONSISTENT,
                        f"{year} approves {value} for '{echo(line_id)}', more than the planned "
                        f"{line.amounts.get(year, Decimal(0))}",
                    )
                )
        line_sum = sum(approval.lines.values(), Decimal(0))
        if amount is not None and line_sum != amount:
            problems.append(
                (
                    (*path, "amount"),
                    APPROVAL_INCONSISTENT,
                    f"{year} approval amount {amount} differs from its lines' sum {line_sum}",
                )
            )
    return [doc.diagnostic(p, code, Severity.ERROR, msg) for p, code, msg in problems]


def check_approval_dates(ctx: Context) -> list[Diagnostic]:
    """Warn about years under way without a recorded decision; note the years still to come."""
    found = []
    for index, approval in enumerate(ctx.strategy.approvals):
        if approval.status != "planned" or approval.year not in ctx.strategy.strategy.period.years:
            continue
        planned = planned_total(ctx.strategy, approval.year)
        unit = f"{ctx.strategy.strategy.currency} {planned} {ctx.strategy.strategy.unit}"
        if dt.date(approval.year, 1, 1) <= ctx.as_of:
            found.append(
                ctx.document.diagnostic(
                    ("approvals", index, "status"),
                    APPROVAL_OVERDUE,
                    Severity.WARNING,
                    f"{approval.year} has started (as of {ctx.as_of.isoformat()}) and its "
                    f"{unit} still has no recorded parliamentary approval",
                )
            )
        else:
            found.append(
                ctx.document.diagnostic(
                    ("approvals", index, "status"),
                    SUBJECT_TO_APPROVAL,
                    Severity.INFO,
                    f"{approval.year}: {unit} planned, subject to annual parliamentary approval",
                )
            )
    return found


def strategy_checks() -> tuple[Check, ...]:
    """Every check of a strategy file, in reporting order; a fresh tuple per call."""
    from iomstrat.checks.payments import disbursement_checks  # it imports Context

    return (
        check_line_ids,
        check_finance_act_codes,
        check_years,
        check_amounts,
        check_budget_totals,
        check_cover,
        check_approvals,
        check_approval_dates,
        *disbursement_checks(),
    )


def run_checks(ctx: Context, checks: tuple[Check, ...] | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in checks if checks is not None else strategy_checks():
        found += check(ctx)
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
