"""The document checked against itself (IOM800-IOM811): each statement of its text held
against the table, row, column or budget figure it speaks of, with the tolerance its wording
gives; a figure printed in two places; statements of the same quantity; the monitoring
framework's outputs under the outcomes their codes name; and the file's assumptions, shown as
the file's, not the source's. The figures come from `engine.statements`."""

from __future__ import annotations

from typing import Any

from iomstrat.checks.context import Context
from iomstrat.engine.statements import hold_statements
from iomstrat.engine.targets import section_key
from iomstrat.findings import DataPath, Diagnostic, echo
from iomstrat.model.errors import parse_path
from iomstrat.results.statements import Problem, StatementResult, Verdict

STATEMENT_DIFFERS = "IOM800"
RANKING_DIFFERS = "IOM801"
WRONG_REFERENCE = "IOM802"
FIGURE_REPEATED_DIFFERS = "IOM803"
STATEMENTS_DISAGREE = "IOM804"
ACKNOWLEDGED_STATEMENT = "IOM805"
UNRESOLVED_STATEMENT = "IOM806"
UNREADABLE_TABLE = "IOM807"
DUPLICATE_STATEMENT = "IOM808"
ASSUMPTION = "IOM809"
BAD_ASSUMPTION = "IOM810"
OUTPUT_OUTSIDE_OUTCOMES = "IOM811"
QUOTE = 240
"""Characters of an erratum's or assumption's reason quoted in a finding."""


def _swapped(
    result: StatementResult, others: tuple[StatementResult, ...]
) -> StatementResult | None:
    """Another wrong reference that sends the reader where this one's matter is, for what
    this one sends them to: the two are the other way round."""
    mine, there = result.statement.refers_to or "", result.found[0].section or ""
    for other in others:
        if other is result or other.statement.kind != "reference" or not other.failing:
            continue
        theirs, their_place = other.statement.refers_to or "", other.found[0].section or ""
        if section_key(theirs) == section_key(there) and section_key(their_place) == section_key(
            mine
        ):
            return other
    return None


def _differs(
    ctx: Context, path: DataPath, result: StatementResult, others: tuple[StatementResult, ...]
) -> Diagnostic:
    """The finding of a statement the data does not bear out: its code, kind and values."""
    statement = result.statement
    if statement.kind == "ranking":
        return _ranking(ctx, path, result)
    if statement.kind == "reference":
        swapped = _swapped(result, others)
        values: dict[str, Any] = {}
        if statement.about:
            values["about"] = statement.about
        if swapped is not None:
            values["swapped"] = swapped.statement
            values["swapped_to"] = swapped.statement.refers_to
        kind = "_".join(k for k, v in (("about", statement.about), ("swapped", swapped)) if v)
        return ctx.finding(
            WRONG_REFERENCE,
            path,
            kind=kind,
            refers_to=statement.refers_to,
            statement=statement,
            holder=result.found[0],
            **values,
        )
    if statement.kind == "same":
        one, other = result.found
        assert one.amount is not None and other.amount is not None
        return ctx.finding(
            FIGURE_REPEATED_DIFFERS,
            path,
            one=one,
            one_figure=one,
            other=other,
            other_figure=other,
            currency=one.currency,
            gap=abs(one.amount - other.amount),
            statement=statement,
        )
    if statement.kind == "rank":
        found = result.found[0]
        return ctx.finding(
            STATEMENT_DIFFERS,
            path,
            kind="rank",
            row=found.row,
            rank=int(statement.stated or 0),
            statement=statement,
            where=found,
            actual=int(found.amount or 0),
            figure=found,
        )
    return ctx.finding(
        STATEMENT_DIFFERS,
        path,
        states=statement,
        statement=statement,
        failing=result.failing,
        allowed=result.bounds,
    )


def _ranking(ctx: Context, path: DataPath, result: StatementResult) -> Diagnostic:
    """The rows the text ranks out of the table's order, quoting both figures."""
    statement = result.statement
    claims = tuple(
        (name, statement.first + i)
        for i, (name, found) in enumerate(zip(statement.order, result.found, strict=True))
        if found in result.failing
    )
    above = tuple(
        (other, one)
        for i, one in enumerate(result.found)
        for other in result.found[i + 1 :]
        if (one.printed or 0) < (other.printed or 0)
    )
    first = result.found[0]
    # the pairs the table has the other way round, else each failing row's rank
    facts = {"above": above} if above else {"ranks": result.failing}
    return ctx.finding(
        RANKING_DIFFERS,
        path,
        kind="above" if above else "ranks",
        claims=claims,
        statement=statement,
        table=first.section or first.table,
        column=first.column,
        **facts,
    )


def _diagnostics(
    ctx: Context, result: StatementResult, others: tuple[StatementResult, ...]
) -> list[Diagnostic]:
    path: DataPath = ("statements", result.index)
    statement = result.statement
    found: list[Diagnostic] = []
    acknowledged = result.verdict is Verdict.ACKNOWLEDGED
    if result.verdict is Verdict.UNRESOLVED:
        problem = result.problem or Problem.NOT_COMPARABLE
        found.append(
            ctx.finding(
                UNRESOLVED_STATEMENT,
                (*path, "of"),
                kind=problem.value,
                id=statement.id,
                missing=echo(result.missing or ""),
            )
        )
    elif result.verdict in (Verdict.DIFFERS, Verdict.ACKNOWLEDGED) and (
        result.failing or statement.kind == "ranking"
    ):
        differs = _differs(ctx, path, result, others)
        found.append(_acknowledged(ctx, path, differs, result) if acknowledged else differs)
    for other in result.disagrees_with:
        earlier = ctx.strategy.statements[other]
        disagree = ctx.finding(
            STATEMENTS_DISAGREE,
            path,
            quantity=statement.quantity,
            states=statement,
            statement=statement,
            earlier_states=earlier,
            earlier=earlier,
        )
        found.append(_acknowledged(ctx, path, disagree, result) if acknowledged else disagree)
    return found


def _acknowledged(
    ctx: Context, path: DataPath, finding: Diagnostic, result: StatementResult
) -> Diagnostic:
    """A finding the file's `errata:` acknowledges, with its reason: a note."""
    return ctx.finding(
        ACKNOWLEDGED_STATEMENT, path, reason=echo(result.reason or "", QUOTE), finding=finding
    )


def check_statements(ctx: Context) -> list[Diagnostic]:
    """Every statement held against its data and the others (IOM800-IOM806)."""
    statements = ctx.strategy.statements
    if not statements:
        return []
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for index, statement in enumerate(statements):
        if statement.id in seen:
            found.append(
                ctx.finding(DUPLICATE_STATEMENT, ("statements", index, "id"), id=statement.id)
            )
        seen.add(statement.id)
    results = hold_statements(ctx.strategy, ctx.tables or {})
    for result in results:
        found += _diagnostics(ctx, result, results)
    return found


def check_assumptions(ctx: Context) -> list[Diagnostic]:
    """Each value the file assumes is shown as the file's, not the document's (IOM809, at the
    assumption, so the file's own findings keep their order); an assumption naming no value of
    the file is an error (IOM810)."""
    found = []
    for index, assumption in enumerate(ctx.strategy.assumptions):
        path = parse_path(assumption.at)
        value = _value(ctx.document.data, path) if path is not None else None
        if path is None or value is None:
            found.append(
                ctx.finding(
                    BAD_ASSUMPTION, ("assumptions", index, "at"), written=echo(assumption.at)
                )
            )
            continue
        found.append(
            ctx.finding(
                ASSUMPTION,
                ("assumptions", index, "at"),
                kind=_shape(value),
                written=echo(assumption.at),
                **({"value": echo(str(value))} if _shape(value) == "value" else {}),
                **({"count": len(value)} if isinstance(value, list) else {}),
                reason=echo(assumption.reason, QUOTE),
            )
        )
    return found


def _shape(value: object) -> str:
    """Which message an assumed value takes: a list (by its length), a mapping, a value."""
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "value"


def _value(data: object, path: DataPath) -> object:
    """The plain value at `path` in the loaded file; None where it names nothing."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def check_output_outcomes(ctx: Context) -> list[Diagnostic]:
    """A monitoring framework output (`3b.4.2`) stands under a short-term outcome its code
    names (`3b.4`) that the same priority area lists (IOM811)."""
    found = []
    for area_index, area in enumerate(ctx.strategy.priority_areas):
        if not area.outcomes:
            continue
        outcomes = set(area.outcomes)
        for index, output in enumerate(area.outputs):
            outcome = output.rsplit(".", 1)[0]
            if outcome not in outcomes:
                found.append(
                    ctx.finding(
                        OUTPUT_OUTSIDE_OUTCOMES,
                        ("priority_areas", area_index, "outputs", index),
                        area=area.id,
                        output=output,
                        outcome=outcome,
                        outcomes=tuple(area.outcomes),
                    )
                )
    return found
