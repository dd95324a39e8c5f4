"""Checks of parliament's decisions (IOM201-IOM206): one per year, complete, consistent with the
plan, recorded in time."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iomstrat.checks.budget_lines import UNKNOWN_LINE
from iomstrat.checks.context import Context
from iomstrat.engine.plan import planned_total
from iomstrat.findings import Diagnostic, Severity
from iomstrat.loader.documents import echo

APPROVAL_MISSING = "IOM201"
APPROVAL_OUTSIDE_PERIOD = "IOM202"
REDUCTION_WITHOUT_AMOUNT = "IOM203"
APPROVAL_INCONSISTENT = "IOM204"
APPROVAL_OVERDUE = "IOM205"
SUBJECT_TO_APPROVAL = "IOM206"


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
