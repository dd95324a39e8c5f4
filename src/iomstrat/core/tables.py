"""The table files a strategy names under `tables:` (its annexes), read for the checks that
hold the document's statements against them; each table file is checked on its own too."""

from __future__ import annotations

import os
from typing import Any

from iomstrat.checks.statements import UNREADABLE_TABLE
from iomstrat.findings import Diagnostic, echo
from iomstrat.loader import documents as loader
from iomstrat.model.errors import STRATEGY_LIMITS, validate_as
from iomstrat.model.strategy import Strategy
from iomstrat.model.table import Table, is_table_data


def read_tables(
    strategy: Strategy, document: loader.Document, path: str | None
) -> tuple[dict[str, Table | None], list[Diagnostic]]:
    """Each named table, relative to the strategy file (standard input: the working folder);
    None where it cannot be read or is not a valid table (an IOM807 warning: the
    statements about it go unchecked; the table file's own faults are its own findings)."""
    base = os.path.dirname(path) if path and path != "-" else ""
    tables: dict[str, Table | None] = {}
    found: list[Diagnostic] = []
    for name, relative in strategy.tables.items():
        file = os.path.join(base, relative)
        data, problem = loader.read_bytes(file, STRATEGY_LIMITS)
        table = None
        if data is not None:
            read = loader.load_bytes(file, data, STRATEGY_LIMITS)
            if is_table_data(read.data):
                table = validate_as(read, Table)
        tables[name] = table
        named: dict[str, Any] = {"table": echo(name), "file": echo(file)}
        if table is None:
            found.append(
                document.finding(UNREADABLE_TABLE, ("tables", name), kind="not_table", **named)
                if problem is None
                else document.finding(
                    UNREADABLE_TABLE, ("tables", name), kind="unreadable", problem=problem, **named
                )
            )
    return tables, found
