"""What an edit of a strategy changes: budget figures per line and year, computed totals,
approval flags, and findings that appear or disappear. Pure: two strategies in, data out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from iomstrat.engine.budget import budget_table, scale
from iomstrat.findings import Diagnostic
from iomstrat.model.strategy import Strategy
from iomstrat.results.budget import BudgetRow
from iomstrat.results.diff import AmountChange, ApprovalChange, StrategyDiff


def _rows(strategy: Strategy, unit: str) -> dict[str, BudgetRow]:
    return {row.id: row for row in budget_table(strategy, unit).rows}


def _row_changes(old: dict[str, BudgetRow], new: dict[str, BudgetRow]) -> list[AmountChange]:
    """Every differing figure, rows in the new file's order (then rows removed), years ascending,
    the period total last."""
    changes: list[AmountChange] = []
    ids = [*new, *(i for i in old if i not in new)]
    for row_id in ids:
        before, after = old.get(row_id), new.get(row_id)
        shown = after or before
        assert shown is not None
        years = sorted({*(before.amounts if before else {}), *(after.amounts if after else {})})
        cells: list[tuple[int | None, Decimal | None, Decimal | None]] = [
            (
                year,
                before.amounts.get(year) if before else None,
                after.amounts.get(year) if after else None,
            )
            for year in years
        ]
        cells.append((None, before.total if before else None, after.total if after else None))
        changes += [
            AmountChange(row_id, shown.name, shown.kind, year, was, now)
            for year, was, now in cells
            if was != now
        ]
    return changes


def _approval_changes(old: Strategy, new: Strategy, unit: str) -> list[ApprovalChange]:
    def amount(strategy: Strategy, year: int) -> Decimal | None:
        approval = strategy.approval(year)
        if approval is None or approval.amount is None:
            return None
        return scale(approval.amount, strategy.strategy.unit, unit)

    years = sorted({a.year for a in old.approvals} | {a.year for a in new.approvals})
    changes = []
    for year in years:
        was, now = old.approval(year), new.approval(year)
        change = ApprovalChange(
            year,
            was.status if was else None,
            now.status if now else None,
            amount(old, year),
            amount(new, year),
        )
        if (change.old_status, change.old_amount) != (change.new_status, change.new_amount):
            changes.append(change)
    return changes


def _finding_key(diagnostic: Diagnostic) -> tuple[str, int, str]:
    # Positions shift with any edit, so a finding is the same when code, severity and message are.
    return diagnostic.code, int(diagnostic.severity), diagnostic.message


def _only_in(ours: Sequence[Diagnostic], theirs: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    remaining = Counter(_finding_key(d) for d in theirs)
    kept = []
    for diagnostic in ours:
        key = _finding_key(diagnostic)
        if remaining[key]:
            remaining[key] -= 1
        else:
            kept.append(diagnostic)
    return tuple(kept)


def diff_strategies(
    old: Strategy,
    new: Strategy,
    *,
    old_name: str,
    new_name: str,
    old_findings: Sequence[Diagnostic] = (),
    new_findings: Sequence[Diagnostic] = (),
) -> StrategyDiff:
    """Compare in the new file's unit, so that a change of unit alone changes no figure."""
    unit = new.strategy.unit
    changes = _row_changes(_rows(old, unit), _rows(new, unit))
    return StrategyDiff(
        old_name=old_name,
        new_name=new_name,
        currency=new.strategy.currency,
        unit=unit,
        lines=tuple(c for c in changes if c.kind == "line"),
        totals=tuple(c for c in changes if c.kind != "line"),
        approvals=tuple(_approval_changes(old, new, unit)),
        appeared=_only_in(new_findings, old_findings),
        disappeared=_only_in(old_findings, new_findings),
    )
