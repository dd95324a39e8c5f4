"""A strategy diff as a text table, Markdown (for a pull-request comment) or JSON."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.budget import UNIT_WORDS
from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import md_table, rich_console

if TYPE_CHECKING:  # annotations only: every command loads this module for the enum
    from iomstrat.findings import Diagnostic
    from iomstrat.results.diff import (
        AllocationChange,
        AmountChange,
        ApprovalChange,
        Decided,
        PaymentChange,
        StrategyDiff,
    )

NO_CHANGE = "No change in budget figures, approvals, allocations, payments or findings."


class DiffFormat(enum.StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


def _unit(diff: StrategyDiff) -> str:
    return f"{diff.currency} {UNIT_WORDS[diff.unit]}".strip()


def _amount(value: Decimal | None, locale: str) -> str:
    return "-" if value is None else figure(value, locale)


def _change(value: Decimal, locale: str) -> str:
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    return sign + figure(abs(value), locale)


def _year(change: AmountChange) -> str:
    return "total" if change.year is None else str(change.year)


def _flag(decided: Decided | None, locale: str) -> str:
    """A year's approval in one cell: `reduced 90 (Finance Act 2024, 2024-03-20; core 43, …)`."""
    if decided is None:
        return "(none)"
    text = decided.status
    if decided.amount is not None:
        text += f" {figure(decided.amount, locale)}"
    facts = [
        f for f in (decided.finance_act, decided.decided_on and decided.decided_on.isoformat()) if f
    ]
    details = ", ".join(facts)
    if decided.lines:
        lines = ", ".join(f"{k} {figure(v, locale)}" for k, v in decided.lines)
        details = f"{details}; {lines}" if details else lines
    return f"{text} ({details})" if details else text


def _amount_rows(changes: Sequence[AmountChange], locale: str) -> list[list[str]]:
    return [
        [
            c.name,
            _year(c),
            _amount(c.old, locale),
            _amount(c.new, locale),
            _change(c.change, locale),
        ]
        for c in changes
    ]


def _approval_rows(changes: Sequence[ApprovalChange], locale: str) -> list[list[str]]:
    return [
        [
            str(c.year),
            _flag(c.old, locale),
            _flag(c.new, locale),
        ]
        for c in changes
    ]


def _allocation_rows(changes: Sequence[AllocationChange], locale: str) -> list[list[str]]:
    return [
        [
            c.half_year,
            c.item,
            _amount(c.old, locale),
            _amount(c.new, locale),
            _change(c.change, locale),
        ]
        for c in changes
    ]


def _payment_rows(changes: Sequence[PaymentChange], locale: str) -> list[list[str]]:
    return [
        [
            c.line,
            str(c.year),
            f"{c.old_count}: {figure(c.old_sum, locale)}",
            f"{c.new_count}: {figure(c.new_sum, locale)}",
            _change(c.change, locale),
        ]
        for c in changes
    ]


ALLOCATION_HEADERS = ["Half-year", "Allocation", *["Old", "New", "Change"]]
PAYMENT_HEADERS = ["Line", "Year", "Old (count: sum)", "New (count: sum)", "Change"]


def _finding(mark: str, d: Diagnostic) -> str:
    return f"{mark} {d.location()}: {d.severity.label} {d.code} {d.message}"


AMOUNT_HEADERS = ["Old", "New", "Change"]


def render_table(diff: StrategyDiff, locale: str, *, color: bool, width: int = 120) -> str:
    from rich.table import Table

    console, out = rich_console(width, color)
    console.print(f"{diff.old_name} → {diff.new_name} ({_unit(diff)})", markup=False)
    if not diff.changed:
        console.print(NO_CHANGE)
        return out.getvalue()
    sections = [
        ("Budget lines", "Line", diff.lines),
        ("Totals", "Total", diff.totals),
    ]
    for title, first, changes in sections:
        if not changes:
            continue
        grid = Table(title=title, title_justify="left")
        grid.add_column(first, ratio=1, overflow="fold")
        grid.add_column("Year", no_wrap=True)
        for header in AMOUNT_HEADERS:
            grid.add_column(header, justify="right", no_wrap=True)
        for row in _amount_rows(changes, locale):
            grid.add_row(*row)
        console.print(grid)
    if diff.approvals:
        grid = Table(title="Approvals", title_justify="left")
        grid.add_column("Year", no_wrap=True)
        for header in ("Old", "New"):
            grid.add_column(header, ratio=1, overflow="fold")
        for row in _approval_rows(diff.approvals, locale):
            grid.add_row(*row)
        console.print(grid)
    tables = (
        ("Allocations", ALLOCATION_HEADERS, _allocation_rows(diff.allocations, locale)),
        (f"Payments ({diff.currency})", PAYMENT_HEADERS, _payment_rows(diff.payments, locale)),
    )
    for title, headers, rows in tables:
        if not rows:
            continue
        grid = Table(title=title, title_justify="left")
        for index, header in enumerate(headers):
            if index < 2:
                grid.add_column(header, overflow="fold")
            else:
                grid.add_column(header, justify="right", no_wrap=True)
        for row in rows:
            grid.add_row(*row)
        console.print(grid)
    if diff.appeared or diff.disappeared:
        console.print("Findings (+ appeared, - disappeared)")
        for line in [_finding("+", d) for d in diff.appeared] + [
            _finding("-", d) for d in diff.disappeared
        ]:
            console.print(line, markup=False, soft_wrap=True)
    return out.getvalue()


def render_markdown(diff: StrategyDiff, locale: str) -> str:
    lines = [f"### Budget changes: `{diff.old_name}` → `{diff.new_name}` ({_unit(diff)})", ""]
    if not diff.changed:
        return "\n".join([*lines, NO_CHANGE, ""])
    for title, first, changes in (
        ("Budget lines", "Line", diff.lines),
        ("Totals", "Total", diff.totals),
    ):
        if changes:
            headers = [first, "Year", *AMOUNT_HEADERS]
            lines += [
                f"#### {title}",
                "",
                *md_table(headers, _amount_rows(changes, locale), 2),
                "",
            ]
    if diff.approvals:
        rows = _approval_rows(diff.approvals, locale)
        lines += ["#### Approvals", "", *md_table(["Year", "Old", "New"], rows, 9), ""]
    if diff.allocations:
        rows = _allocation_rows(diff.allocations, locale)
        lines += ["#### Allocations", "", *md_table(ALLOCATION_HEADERS, rows, 2), ""]
    if diff.payments:
        rows = _payment_rows(diff.payments, locale)
        title = f"#### Payments ({diff.currency})"
        lines += [title, "", *md_table(PAYMENT_HEADERS, rows, 2), ""]
    if diff.appeared or diff.disappeared:
        lines += ["#### Findings", ""]
        lines += [f"- **appeared**: {_md_finding(d)}" for d in diff.appeared]
        lines += [f"- **disappeared**: {_md_finding(d)}" for d in diff.disappeared]
        lines.append("")
    return "\n".join(lines)


def _md_finding(d: Diagnostic) -> str:
    return f"`{d.code}` {d.severity.label} at `{d.location()}`: {d.message}"


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def as_data(diff: StrategyDiff) -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals; year null is the total."""

    def amounts(changes: Sequence[AmountChange]) -> list[dict[str, Any]]:
        return [
            {
                "id": c.row_id,
                "name": c.name,
                "kind": c.kind,
                "year": c.year,
                "old": _number(c.old),
                "new": _number(c.new),
                "change": plain(c.change),
            }
            for c in changes
        ]

    def decided(side: Decided | None) -> dict[str, Any] | None:
        if side is None:
            return None
        return {
            "status": side.status,
            "amount": _number(side.amount),
            "finance_act": side.finance_act,
            "decided_on": side.decided_on.isoformat() if side.decided_on else None,
            "lines": {k: plain(v) for k, v in side.lines},
        }

    def findings(items: Sequence[Diagnostic]) -> list[dict[str, Any]]:
        return [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "code": d.code,
                "severity": d.severity.label,
                "message": d.message,
            }
            for d in items
        ]

    return {
        "old": diff.old_name,
        "new": diff.new_name,
        "currency": diff.currency,
        "unit": diff.unit,
        "changed": diff.changed,
        "lines": amounts(diff.lines),
        "totals": amounts(diff.totals),
        "approvals": [
            {
                "year": c.year,
                "old_status": c.old_status,
                "new_status": c.new_status,
                "old_amount": _number(c.old_amount),
                "new_amount": _number(c.new_amount),
                "old": decided(c.old),
                "new": decided(c.new),
            }
            for c in diff.approvals
        ],
        "allocations": [
            {
                "half_year": c.half_year,
                "item": c.item,
                "old": _number(c.old),
                "new": _number(c.new),
                "change": plain(c.change),
            }
            for c in diff.allocations
        ],
        "payments": [
            {
                "line": c.line,
                "year": c.year,
                "old_count": c.old_count,
                "old_sum": plain(c.old_sum),
                "new_count": c.new_count,
                "new_sum": plain(c.new_sum),
                "change": plain(c.change),
            }
            for c in diff.payments
        ],
        "findings_appeared": findings(diff.appeared),
        "findings_disappeared": findings(diff.disappeared),
    }


def render(diff: StrategyDiff, fmt: DiffFormat, locale: str, *, color: bool = False) -> str:
    if fmt is DiffFormat.table:
        return render_table(diff, locale, color=color)
    if fmt is DiffFormat.markdown:
        return render_markdown(diff, locale)
    import json  # here, not above: only JSON output needs it

    return json.dumps(as_data(diff), ensure_ascii=False, indent=2) + "\n"
