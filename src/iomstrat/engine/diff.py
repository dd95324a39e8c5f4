"""What an edit of a strategy changes: budget figures per line and year, computed totals,
parliament's decisions, the dialogue's allocations, payments per line and year, and findings
that appear or disappear. Pure: two strategies in, data out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from iomstrat.engine.book import Book
from iomstrat.engine.budget import budget_table, scale
from iomstrat.findings import Diagnostic
from iomstrat.model.strategy import Strategy
from iomstrat.results.budget import BudgetRow
from iomstrat.results.diff import (
    AllocationChange,
    AmountChange,
    ApprovalChange,
    Decided,
    PaymentChange,
    StrategyDiff,
)


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


def _decided(strategy: Strategy, year: int, unit: str) -> Decided | None:
    approval = strategy.approval(year)
    if approval is None:
        return None
    source = strategy.strategy.unit
    return Decided(
        approval.status,
        None if approval.amount is None else scale(approval.amount, source, unit),
        approval.finance_act,
        approval.decided_on,
        tuple((k, scale(v, source, unit)) for k, v in (approval.lines or {}).items()),
    )


def _approval_changes(old: Strategy, new: Strategy, unit: str) -> list[ApprovalChange]:
    years = sorted({a.year for a in old.approvals} | {a.year for a in new.approvals})
    changes = []
    for year in years:
        was, now = _decided(old, year, unit), _decided(new, year, unit)
        if was != now:
            changes.append(ApprovalChange(year, was, now))
    return changes


def _allocation_items(strategy: Strategy, unit: str) -> dict[tuple[str, str], Decimal]:
    items: dict[tuple[str, str], Decimal] = {}
    for allocation in strategy.allocations:
        for item in allocation.items:
            name = item.id or f"{item.country or item.region}: {item.purpose}"
            key = (allocation.label, name)
            amount = scale(item.amount, strategy.strategy.unit, unit)
            items[key] = items.get(key, Decimal(0)) + amount
    return items


def _allocation_changes(old: Strategy, new: Strategy, unit: str) -> list[AllocationChange]:
    was, now = _allocation_items(old, unit), _allocation_items(new, unit)
    keys = [*now, *(k for k in was if k not in now)]
    return [
        AllocationChange(period, item, was.get(key), now.get(key))
        for key in sorted(keys)
        for period, item in [key]
        if was.get(key) != now.get(key)
    ]


def _paid(book: Book | None) -> dict[tuple[str, int], tuple[int, Decimal]]:
    found: dict[tuple[str, int], tuple[int, Decimal]] = {}
    if book is None:
        return found
    for payment, amount in zip(book.payments.records, book.amounts, strict=True):
        count, total = found.get((payment.line, payment.year), (0, Decimal(0)))
        found[(payment.line, payment.year)] = (count + 1, total + (amount or Decimal(0)))
    return found


def _payment_changes(old: Book | None, new: Book | None) -> list[PaymentChange]:
    was, now = _paid(old), _paid(new)
    none = (0, Decimal(0))
    return [
        PaymentChange(line, year, *was.get((line, year), none), *now.get((line, year), none))
        for line, year in sorted({*was, *now}, key=lambda k: (k[1], k[0]))
        if was.get((line, year)) != now.get((line, year))
    ]


def _finding_key(diagnostic: Diagnostic) -> tuple[object, ...]:
    # Positions shift with any edit, so a finding is the same when code, severity and what it
    # says (its kind and values) are.
    return int(diagnostic.severity), *diagnostic.identity()


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
    old_book: Book | None = None,
    new_book: Book | None = None,
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
        allocations=tuple(_allocation_changes(old, new, unit)),
        payments=tuple(_payment_changes(old_book, new_book)),
        appeared=_only_in(new_findings, old_findings),
        disappeared=_only_in(old_findings, new_findings),
    )
