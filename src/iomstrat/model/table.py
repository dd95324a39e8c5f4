"""Pydantic models of a table file: a printed table of figures with its stated totals, e.g. the
strategy document's annexes. A table file has a top-level `table:` key; a strategy file has
`strategy:`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, StringConstraints, WithJsonSchema

from iomstrat.model.base import Money, Named, Unnamed, _money, got, refused
from iomstrat.model.fields import Heading as HeadingText
from iomstrat.model.fields import Text
from iomstrat.model.strategy import Erratum, Model, Source

NONE_MARK = "-"
"""What the document prints where a donor gave nothing: counts as zero, is not a rounded figure."""

_MARKED = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(\*+)")


@dataclass(frozen=True)
class Figure:
    """One printed cell: an amount (None for '-'), and the footnote marker printed after it."""

    amount: Decimal | None
    marker: str = ""

    @property
    def printed_none(self) -> bool:
        return self.amount is None


def _figure(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if value == NONE_MARK:
        return Figure(None)
    if isinstance(value, str):
        match = _MARKED.fullmatch(value.strip())
        if match is None:
            raise refused("not_figure", got=got(value))
        return Figure(_money(Decimal(match[1])), match[2])
    return Figure(_money(value))


MARKED_PATTERN = r"^\s*-?[0-9]+(\.[0-9]+)?\*+\s*$"
"""A figure with its footnote marker, as `_figure` reads it, for the JSON Schema."""
Cell = Annotated[
    Figure,
    PlainValidator(_figure),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"const": NONE_MARK},
                {"type": "string", "pattern": MARKED_PATTERN},
            ]
        }
    ),
]
Heading = HeadingText | int


class TableInfo(Model):
    title: Text
    """Title of the table as printed."""
    heading: Text | None = None
    """A heading printed above the rows."""
    section: Text | None = None
    """The document's section, e.g. 'Annex 2'."""
    updated: Text | None = None
    """The 'last updated' note, as printed."""
    source: Source | None = None
    """Where the table is transcribed from."""
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    """ISO 4217 code of the currency the figures are in."""
    unit: Literal["million", "thousand", "units"]
    """How many currency units one printed figure stands for."""
    printed_step: Money
    """Step the figures are printed to, e.g. 0.01 (two decimals) or 1."""
    row_heading: Text | None = None
    """Heading of the name column."""
    columns: list[Heading | None] = Field(min_length=1)
    """Column headings as printed (with any marker); ~ if none."""
    column_names: list[Text] | None = None
    """Names for the columns where the document prints no heading."""
    total_heading: Text | None = None
    """Heading of the row-total column."""
    markers: dict[str, Text] = Field(default={})
    """Footnote markers and their footnotes, as printed."""
    legend: list[Text] = Field(default=[])
    """Legend lines, as printed."""


class TableRow(Model):
    name: Text
    """The row's name as printed."""
    cells: list[Cell | None]
    """One figure per column; ~ for an empty cell."""
    total: Cell | None = None
    """The row total as printed."""
    refund: bool = False
    """A refund: printed in parentheses, negative here."""


class TotalRow(Model):
    name: Text | None = None
    """Name of the total row, if printed."""
    cells: list[Cell | None]
    """Column totals as printed."""
    total: Cell | None = None
    """The grand total as printed."""


class GrowthRow(Model):
    name: Text | None = None
    """Name of the growth row, if printed."""
    percent: list[Money | None]
    """Growth on the previous column's total, whole percent as printed."""


class Table(Model):
    schema_version: Literal[1]
    """Version of this file format; 1."""
    table: TableInfo
    """What the table is: title, currency, unit, columns."""
    rows: list[TableRow] = Field(min_length=1)
    """The table's rows in printed order."""
    column_totals: TotalRow | None = None
    """The total row, as printed."""
    growth: GrowthRow | None = None
    """The growth row, as printed."""
    errata: list[Erratum] = Field(default=[])
    """Figures the source prints wrongly, acknowledged."""

    def column_name(self, index: int) -> Named | Unnamed:
        """The column's heading as printed (its marker dropped) or its name under
        `column_names` (`Named`), else its number (`Unnamed`)."""
        names = self.table.column_names
        if names is not None and index < len(names):
            return Named(names[index])
        heading = self.table.columns[index] if index < len(self.table.columns) else None
        if heading is None:
            return Unnamed(index + 1)
        return Named(str(heading).rstrip("*"))


def is_table_data(data: object) -> bool:
    """Whether loaded data is a table file (top-level `table:` key and no `strategy:`)."""
    return isinstance(data, dict) and "table" in data and "strategy" not in data
