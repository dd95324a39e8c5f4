"""Errata of the source (IOM104, IOM105): figures the file transcribes as printed and declares
misprinted. The sums turn the difference such a figure causes into a note (`engine.sums`); this
module reads the `errata:` list and checks that each entry names a stated figure holding the
value it says was printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from iomstrat.checks.context import Context
from iomstrat.engine.sums import ACKNOWLEDGED_ERRATUM, Errata
from iomstrat.findings import DataPath, Diagnostic
from iomstrat.loader.documents import Document, echo
from iomstrat.model.errors import parse_path
from iomstrat.model.strategy import Erratum

ACKNOWLEDGED = ACKNOWLEDGED_ERRATUM
BAD_ERRATUM = "IOM105"

STRATEGY_FIGURES = ("budget", "cover")
"""Where a strategy file states figures the sums check: budget lines and totals, the cover."""
TABLE_FIGURES = ("rows", "column_totals", "growth")


def errata_reasons(errata: list[Erratum]) -> Errata:
    """Data path -> reason, for the entries whose path can be read (the rest are IOM105)."""
    reasons: dict[DataPath, str] = {}
    for erratum in errata:
        path = parse_path(erratum.at)
        if path is not None:
            reasons.setdefault(path, erratum.reason)
    return reasons


def check_errata(
    document: Document, model: BaseModel, errata: list[Erratum], roots: tuple[str, ...]
) -> list[Diagnostic]:
    """Each erratum names a stated figure (under one of `roots`), once, and its `printed` is
    the figure the file holds there."""
    found = []
    seen: set[DataPath] = set()
    for index, erratum in enumerate(errata):
        path = parse_path(erratum.at)
        at = echo(erratum.at)
        if path is not None and path[0] == "statements":
            problem = _statement_problem(model, path, erratum)
            if problem is None and path in seen:
                problem = ("twice", {"at": path})
            if problem is not None:
                kind, values = problem
                found.append(
                    document.finding(BAD_ERRATUM, ("errata", index, "at"), kind=kind, **values)
                )
            seen.add(path)
            continue
        value = _figure(model, path) if path is not None and path[0] in roots else None
        if path is None or value is None:
            example = "cover.commitment.total" if "cover" in roots else "rows[0].total"
            found.append(
                document.finding(
                    BAD_ERRATUM,
                    ("errata", index, "at"),
                    kind="no_figure",
                    text=at,
                    roots=roots,
                    example=example,
                )
            )
        elif path in seen:
            found.append(
                document.finding(BAD_ERRATUM, ("errata", index, "at"), kind="twice", at=path)
            )
        elif erratum.printed is None:
            found.append(
                document.finding(
                    BAD_ERRATUM, ("errata", index), key=True, kind="no_printed", at=path
                )
            )
        elif value != erratum.printed:
            found.append(
                document.finding(
                    BAD_ERRATUM,
                    ("errata", index, "printed"),
                    kind="not_printed",
                    at=path,
                    printed=erratum.printed,
                    value=value,
                )
            )
        if path is not None:
            seen.add(path)
    return found


def _statement_problem(
    model: Any, path: DataPath, erratum: Erratum
) -> tuple[str, dict[str, Any]] | None:
    """An erratum acknowledging a statement names one (`statements[3]`), and its `printed`,
    if given, is the statement's `stated`: the kind of the finding and its values if not."""
    statements = getattr(model, "statements", None) or []
    index = path[1] if len(path) == 2 else None
    if not isinstance(index, int) or index >= len(statements):
        return "no_statement", {"text": echo(erratum.at), "count": len(statements)}
    stated = statements[index].stated
    if erratum.printed is not None and erratum.printed != stated:
        return "statement_printed", {"at": path, "printed": erratum.printed, "stated": stated}
    return None


def _figure(model: Any, path: DataPath) -> Decimal | None:
    """The figure at `path` in a validated model: a Decimal, or a table cell's amount."""
    current: Any = model
    for part in path:
        if isinstance(current, BaseModel) and isinstance(part, str):
            current = getattr(current, part, None) if part in type(current).model_fields else None
        elif isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int):
            current = current[part] if part < len(current) else None
        else:
            return None
        if current is None:
            return None
    amount = getattr(current, "amount", current)  # a table's Figure holds its amount
    return amount if isinstance(amount, Decimal) and not isinstance(amount, bool) else None


def check_strategy_errata(ctx: Context) -> list[Diagnostic]:
    return check_errata(ctx.document, ctx.strategy, ctx.strategy.errata, STRATEGY_FIGURES)
