"""The document's statements held against its own figures: each statement's target found
(`engine.targets`), the bounds its wording allows (`engine.wording`), and whether the figure
lies within; statements of the same quantity held against each other; errata naming a
statement. Figures only, no words."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from iomstrat.engine.targets import (
    ZERO,
    Tables,
    Unresolved,
    amounts,
    count,
    ranks,
    section_key,
    share,
    table_found,
    table_of,
)
from iomstrat.engine.wording import bounds, holds, meet
from iomstrat.model.errors import parse_path
from iomstrat.model.statements import STATED_UNIT_FACTORS, Statement, Target
from iomstrat.model.strategy import Strategy
from iomstrat.results.statements import Bounds, Found, Problem, StatementResult, Verdict


def _stated_factor(statement: Statement) -> Decimal:
    return STATED_UNIT_FACTORS[statement.unit] if statement.unit else Decimal(1)


def _verdict(
    index: int, statement: Statement, found: tuple[Found, ...], allowed: Bounds
) -> StatementResult:
    failing = tuple(f for f in found if f.amount is None or not holds(allowed, f.amount))
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(index, statement, verdict, found, failing, allowed)


def hold(index: int, statement: Statement, strategy: Strategy, tables: Tables) -> StatementResult:
    """One statement against its target; UNCHECKED where it has none."""
    target = statement.of
    try:
        if target is None:
            return StatementResult(index, statement, Verdict.UNCHECKED)
        if statement.kind == "amount":
            assert statement.stated is not None
            found = amounts(target, strategy, tables)
            if any(f.currency != statement.currency for f in found):
                raise Unresolved(Problem.NOT_COMPARABLE, found[0].currency)
            allowed = _allowed(statement)
            return _verdict(index, statement, found, allowed)
        if statement.kind in ("count", "year", "share"):
            assert statement.stated is not None
            figure = (
                share(target, strategy, tables)
                if statement.kind == "share"
                else count(target, strategy, tables)
            )
            return _verdict(index, statement, (figure,), _allowed(statement))
        if statement.kind == "rank":
            assert statement.stated is not None and target.row is not None
            found = ranks(target, [target.row], strategy, tables)
            return _verdict(index, statement, found, _allowed(statement))
        if statement.kind == "ranking":
            return _ranking(index, statement, target, strategy, tables)
        if statement.kind == "reference":
            return _reference(index, statement, target, strategy, tables)
        assert statement.same_as is not None
        return _same(index, statement, target, statement.same_as, strategy, tables)
    except Unresolved as unresolved:
        if unresolved.problem is Problem.UNREADABLE_TABLE:  # IOM807 says so, once
            return StatementResult(index, statement, Verdict.UNCHECKED, problem=unresolved.problem)
        return StatementResult(
            index,
            statement,
            Verdict.UNRESOLVED,
            problem=unresolved.problem,
            missing=unresolved.missing,
        )


def _ranking(
    index: int, statement: Statement, target: Target, strategy: Strategy, tables: Tables
) -> StatementResult:
    found = ranks(target, statement.order, strategy, tables)
    stated = range(statement.first, statement.first + len(found))
    failing = tuple(f for f, rank in zip(found, stated, strict=True) if f.amount != rank)
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(
        index,
        statement,
        verdict,
        found,
        failing,
        ranks=tuple(int(f.amount or 0) for f in found),
    )


def _reference(
    index: int, statement: Statement, target: Target, strategy: Strategy, tables: Tables
) -> StatementResult:
    name, table = table_of(target, tables)
    section = table.table.section or ""
    found = Found(None, **table_found(name, table))  # type: ignore[arg-type]
    assert statement.refers_to is not None
    same = section_key(section) == section_key(statement.refers_to)
    verdict = Verdict.HOLDS if same else Verdict.DIFFERS
    return StatementResult(index, statement, verdict, (found,), () if same else (found,))


def _same(
    index: int,
    statement: Statement,
    first: Target,
    second: Target,
    strategy: Strategy,
    tables: Tables,
) -> StatementResult:
    """One figure printed in two places: equal, but for the rounding of each print."""
    one, other = amounts(first, strategy, tables), amounts(second, strategy, tables)
    if len(one) != 1 or len(other) != 1 or one[0].currency != other[0].currency:
        raise Unresolved(Problem.NOT_COMPARABLE, other[0].currency if other else None)
    a, b = one[0], other[0]
    assert a.amount is not None and b.amount is not None
    tolerance = ((a.printed_step or ZERO) + (b.printed_step or ZERO)) / 2
    allowed = Bounds(a.amount - tolerance, a.amount + tolerance)
    failing = () if holds(allowed, b.amount) else (b,)
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(index, statement, verdict, (a, b), failing, allowed)


def stated_bounds(statement: Statement) -> Bounds | None:
    """What a statement's own words allow, in currency units for an amount."""
    if statement.stated is None:
        return None
    return _allowed(statement)


WHOLE_KINDS = ("count", "rank", "year")
"""Kinds whose figure, stated exactly, means itself: 174 countries are not 174.4."""


def _allowed(statement: Statement) -> Bounds:
    assert statement.stated is not None
    whole = statement.kind in WHOLE_KINDS
    return bounds(statement.stated, statement.wording, _stated_factor(statement), whole=whole)


def same_quantity(results: list[StatementResult]) -> list[StatementResult]:
    """Statements naming the same `quantity` are held against each other: one that no value
    can satisfy together with an earlier one disagrees with it (DIFFERS, the later one naming
    the earlier); one not otherwise checked that meets all the others holds."""
    out = list(results)
    groups: dict[str, list[int]] = {}
    for position, result in enumerate(results):
        if result.statement.quantity is not None and stated_bounds(result.statement):
            groups.setdefault(result.statement.quantity, []).append(position)
    for members in groups.values():
        if len(members) < 2:
            continue
        clashes: dict[int, list[int]] = {}
        for later_at, later in enumerate(members):
            for earlier in members[:later_at]:
                one, other = results[earlier].statement, results[later].statement
                mine, theirs = stated_bounds(other), stated_bounds(one)
                if one.currency != other.currency or mine is None or theirs is None:
                    continue
                if not meet(mine, theirs):
                    clashes.setdefault(later, []).append(results[earlier].index)
                    clashes.setdefault(earlier, [])
        for position in members:
            result = out[position]
            if position in clashes:
                verdict = (
                    result.verdict if result.verdict is Verdict.UNRESOLVED else Verdict.DIFFERS
                )
                out[position] = _replace(
                    result, verdict=verdict, disagrees_with=tuple(clashes[position])
                )
            elif result.verdict is Verdict.UNCHECKED:
                out[position] = _replace(result, verdict=Verdict.HOLDS)
    return out


def _replace(result: StatementResult, **changes: object) -> StatementResult:
    return replace(result, **changes)  # type: ignore[arg-type]


def acknowledged(strategy: Strategy) -> dict[int, str]:
    """Statement index -> the reason of the erratum naming it (`at: statements[3]`)."""
    found: dict[int, str] = {}
    for erratum in strategy.errata:
        path = parse_path(erratum.at)
        if path and path[0] == "statements" and len(path) == 2 and isinstance(path[1], int):
            found.setdefault(path[1], erratum.reason)
    return found


def hold_statements(strategy: Strategy, tables: Tables) -> tuple[StatementResult, ...]:
    """Every statement of the strategy, held against its data and the others; a differing one
    the file's `errata:` names is acknowledged, with its reason."""
    results = same_quantity(
        [hold(i, s, strategy, tables) for i, s in enumerate(strategy.statements)]
    )
    reasons = acknowledged(strategy)
    return tuple(
        _replace(r, verdict=Verdict.ACKNOWLEDGED, reason=reasons[r.index])
        if r.verdict is Verdict.DIFFERS and r.index in reasons
        else r
        for r in results
    )
