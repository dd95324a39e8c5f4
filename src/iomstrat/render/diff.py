"""A strategy diff as a text table, Markdown (for a pull-request comment) or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.findings import printable
from iomstrat.render.diagnostics import line as finding_line
from iomstrat.render.diagnostics import message as finding_message
from iomstrat.render.formats import DiffFormat
from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import md_table, md_text, rich_console
from iomstrat.render.words import date, severity, status, word
from iomstrat.render.words import unit as unit_words

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


def _unit(diff: StrategyDiff, locale: str) -> str:
    return unit_words(diff.currency, diff.unit, locale)


def _amount(value: Decimal | None, locale: str) -> str:
    return "-" if value is None else figure(value, locale)


def _change(value: Decimal, locale: str) -> str:
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    return sign + figure(abs(value), locale)


def _year(change: AmountChange, locale: str) -> str:
    return word("total", locale).lower() if change.year is None else str(change.year)


def _flag(decided: Decided | None, locale: str) -> str:
    """A year's approval in one cell: `reduced 90 (Finance Act 2024, 2024-03-20; core 43, …)`."""
    if decided is None:
        return word("none", locale)
    text = status(decided.status, locale)
    if decided.amount is not None:
        text += f" {figure(decided.amount, locale)}"
    on = decided.decided_on and date(decided.decided_on, locale)
    facts = [f for f in (decided.finance_act, on) if f]
    details = ", ".join(facts)
    if decided.lines:
        lines = ", ".join(f"{k} {figure(v, locale)}" for k, v in decided.lines)
        details = f"{details}; {lines}" if details else lines
    return f"{text} ({details})" if details else text


def _row_name(change: AmountChange, locale: str) -> str:
    """A row's name; a Finance Act code's total named with its code, as `budget show` does."""
    if change.kind == "code":
        return word("total_code", locale).format(change.row_id.removeprefix("code:"))
    return change.name or word("total", locale)


def _amount_rows(changes: Sequence[AmountChange], locale: str) -> list[list[str]]:
    return [
        [
            _row_name(c, locale),
            _year(c, locale),
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
            c.period,
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


def _amount_headers(locale: str) -> list[str]:
    return [word(k, locale) for k in ("old", "new", "change")]


def _allocation_headers(locale: str) -> list[str]:
    return [word("dialogue_period", locale), word("allocation", locale), *_amount_headers(locale)]


def _payment_headers(locale: str) -> list[str]:
    old, new = word("old_count_sum", locale), word("new_count_sum", locale)
    return [word("line", locale), word("year", locale), old, new, word("change", locale)]


def _sections(diff: StrategyDiff, locale: str) -> list[tuple[str, str, Any]]:
    return [
        (word("budget_lines", locale), word("line", locale), diff.lines),
        (word("totals", locale), word("total", locale), diff.totals),
    ]


def _payments_title(diff: StrategyDiff, locale: str) -> str:
    return f"{word('payments', locale)} ({diff.currency})"


def render_table(diff: StrategyDiff, locale: str, *, color: bool, width: int | None = None) -> str:
    """Tables of what changed; at a terminal's `width` the findings wrap to it, piped (`width`
    None) each finding stays on one line."""
    from rich.table import Table

    console, out = rich_console(width or 120, color)
    console.print(f"{diff.old_name} → {diff.new_name} ({_unit(diff, locale)})", markup=False)
    if not diff.changed:
        console.print(word("no_change", locale))
        return out.getvalue()
    for title, first, changes in _sections(diff, locale):
        if not changes:
            continue
        grid = Table(title=title, title_justify="left")
        grid.add_column(first, ratio=1, overflow="fold")
        grid.add_column(word("year", locale), no_wrap=True)
        for header in _amount_headers(locale):
            grid.add_column(header, justify="right", no_wrap=True)
        for row in _amount_rows(changes, locale):
            grid.add_row(*row)
        console.print(grid)
    if diff.approvals:
        grid = Table(title=word("approval_flags", locale), title_justify="left")
        grid.add_column(word("year", locale), no_wrap=True)
        for key in ("old", "new"):
            grid.add_column(word(key, locale), ratio=1, overflow="fold")
        for row in _approval_rows(diff.approvals, locale):
            grid.add_row(*row)
        console.print(grid)
    tables = (
        (
            word("allocations", locale),
            _allocation_headers(locale),
            _allocation_rows(diff.allocations, locale),
        ),
        (
            _payments_title(diff, locale),
            _payment_headers(locale),
            _payment_rows(diff.payments, locale),
        ),
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
        console.print(word("findings_changed", locale))
        marked = [("+", d) for d in diff.appeared] + [("-", d) for d in diff.disappeared]
        for mark, d in marked:
            console.print(
                f"{mark} {finding_line(d, locale)}", markup=False, soft_wrap=width is None
            )
    return out.getvalue()


def render_markdown(diff: StrategyDiff, locale: str) -> str:
    head = f"### {word('budget_changes', locale)}: `{diff.old_name}` → `{diff.new_name}`"
    lines = [f"{head} ({_unit(diff, locale)})", ""]
    if not diff.changed:
        return "\n".join([*lines, word("no_change", locale), ""])
    for title, first, changes in _sections(diff, locale):
        if changes:
            headers = [first, word("year", locale), *_amount_headers(locale)]
            lines += [
                f"#### {title}",
                "",
                *md_table(headers, _amount_rows(changes, locale), 2),
                "",
            ]
    if diff.approvals:
        rows = _approval_rows(diff.approvals, locale)
        headers = [word(k, locale) for k in ("year", "old", "new")]
        lines += [f"#### {word('approval_flags', locale)}", "", *md_table(headers, rows, 9), ""]
    if diff.allocations:
        rows = _allocation_rows(diff.allocations, locale)
        title = f"#### {word('allocations', locale)}"
        lines += [title, "", *md_table(_allocation_headers(locale), rows, 2), ""]
    if diff.payments:
        rows = _payment_rows(diff.payments, locale)
        title = f"#### {_payments_title(diff, locale)}"
        lines += [title, "", *md_table(_payment_headers(locale), rows, 2), ""]
    if diff.appeared or diff.disappeared:
        lines += [f"#### {word('findings', locale)}", ""]
        appeared, disappeared = word("appeared", locale), word("disappeared", locale)
        lines += [f"- **{appeared}**: {_md_finding(d, locale)}" for d in diff.appeared]
        lines += [f"- **{disappeared}**: {_md_finding(d, locale)}" for d in diff.disappeared]
        lines.append("")
    return "\n".join(lines)


def _md_finding(d: Diagnostic, locale: str) -> str:
    where = word("at", locale)
    label = severity(d.severity.label, locale)
    location = printable(d.location()).replace("`", "'")  # a code span the name cannot close
    return f"`{d.code}` {label} {where} `{location}`: {md_text(finding_message(d, locale))}"


def _number(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def as_data(diff: StrategyDiff, locale: str = "en") -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals; year null is the total;
    names and messages (for people) in `locale`, keys and codes as they are."""

    def amounts(changes: Sequence[AmountChange]) -> list[dict[str, Any]]:
        return [
            {
                "id": c.row_id,
                "name": _row_name(c, locale),
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
                "message": finding_message(d, locale),
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
                "period": c.period,
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


def render(
    diff: StrategyDiff,
    fmt: DiffFormat,
    locale: str,
    *,
    color: bool = False,
    width: int | None = None,
) -> str:
    if fmt is DiffFormat.table:
        return render_table(diff, locale, color=color, width=width)
    if fmt is DiffFormat.markdown:
        return render_markdown(diff, locale)
    import json  # here, not above: only JSON output needs it

    return json.dumps(as_data(diff, locale), ensure_ascii=False, indent=2) + "\n"
