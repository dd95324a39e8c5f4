"""Checks of the dialogue's periods and rhythm (IOM440-IOM442): an allocation names a period in
the cadence the file's `dialogue:` declares, is decided within or shortly before it, and no
dialogue line goes longer than its cadence and grace without a decision as of the date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from iomstrat.checks.context import Context
from iomstrat.engine.plan import allocation_line
from iomstrat.findings import Diagnostic
from iomstrat.model import periods

PERIOD_CADENCE = "IOM440"
DECIDED_OUTSIDE_PERIOD = "IOM441"
DIALOGUE_OVERDUE = "IOM442"

_KIND = {"": "year", "H": "half_year", "Q": "quarter"}
"""A period's kind as findings name it (the renderer words it)."""
_EXAMPLE = {"": "2024", "H": "2024-H1", "Q": "2024-Q3"}


def _cited(source: str | None) -> dict[str, Any]:
    """The file's own reference for a rule, as a finding's value; none where it gives none."""
    return {"source": source} if source else {}


def check_allocation_periods(ctx: Context) -> list[Diagnostic]:
    """Each allocation's period is of the dialogue's cadence (a year for `every_months: 12`, a
    half-year for 6, a quarter for 3) and its decision falls within the period, at most one
    period before it, or within `grace_months` after it."""
    dialogue = ctx.strategy.dialogue
    every = dialogue.every_months if dialogue is not None else None
    grace = dialogue.grace_months if dialogue is not None else 0
    cadence = periods.KIND_OF_MONTHS.get(every) if every is not None else None
    found = []
    for index, allocation in enumerate(ctx.strategy.allocations):
        label, key = allocation.label, allocation.period_key
        kind = periods.kind(label)
        if cadence is not None and kind != cadence:
            assert dialogue is not None
            cited = _cited(dialogue.source)
            found.append(
                ctx.finding(
                    PERIOD_CADENCE,
                    ("allocations", index, key),
                    kind="cited" if cited else "",
                    period=label,
                    named=_KIND[kind],
                    every_months=every,
                    cadence=_KIND[cadence],
                    example=_EXAMPLE[cadence],
                    **cited,
                )
            )
            continue
        start, end = periods.bounds(label)
        earliest = periods.add_months(start, -periods.months(label))
        latest = periods.add_months(end, grace) if grace else end
        if not earliest <= allocation.date <= latest:
            dates: dict[str, Any] = {
                "date": allocation.date,
                "period": label,
                "start": start,
                "end": end,
            }
            late: dict[str, Any] = {"grace_months": grace} if grace else {}
            found.append(
                ctx.finding(
                    DECIDED_OUTSIDE_PERIOD,
                    ("allocations", index, "date"),
                    kind="grace" if grace else "",
                    **dates,
                    earliest=earliest,
                    **late,
                )
            )
    return found


def check_dialogue_overdue(ctx: Context) -> list[Diagnostic]:
    """As of the date, a dialogue line whose last decision is older than the cadence and its
    grace (none recorded: since the period began) is reported, naming the line and the last
    decision; not before the period begins nor after it ends. A file that records neither
    allocations nor payments transcribes the plan only and is not monitored."""
    dialogue, strategy = ctx.strategy.dialogue, ctx.strategy
    if dialogue is None or dialogue.every_months is None:
        return []
    if not (strategy.allocations or strategy.disbursements or strategy.ledgers):
        return []
    period = ctx.strategy.strategy.period
    first, last = dt.date(period.start, 1, 1), dt.date(period.end, 12, 31)
    if not first <= ctx.as_of <= last:
        return []
    longest = dialogue.every_months + dialogue.grace_months
    latest: dict[str, tuple[dt.date, int]] = {}
    for index, allocation in enumerate(ctx.strategy.allocations):
        line = allocation_line(ctx.strategy, allocation)
        if line is None or allocation.date > ctx.as_of:
            continue
        if line not in latest or allocation.date >= latest[line][0]:
            latest[line] = (allocation.date, index)
    found = []
    for l_index, line in enumerate(dict.fromkeys(dialogue.lines)):
        decided = latest.get(line)
        since = decided[0] if decided else first
        due = periods.add_months(since, longest)
        if ctx.as_of <= due:
            continue
        cited = _cited(dialogue.source)
        rule: dict[str, Any] = {
            "line": line,
            "as_of": ctx.as_of,
            "since": since,
            "every_months": dialogue.every_months,
            "due": due,
            **cited,
        }
        at = ("allocations", decided[1], "date") if decided else ("dialogue", "lines", l_index)
        kind = ("decided" if decided else "never") + ("_cited" if cited else "")
        days: dict[str, Any] = {"days": (ctx.as_of - since).days} if decided else {}
        found.append(ctx.finding(DIALOGUE_OVERDUE, at, kind=kind, **rule, **days))
    return found
