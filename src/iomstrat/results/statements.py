"""The document's statements held against its data: for each, what was found and whether it
holds. No behaviour, no prose."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.model.statements import Statement


class Verdict(enum.Enum):
    HOLDS = "holds"
    DIFFERS = "differs"  # the data says otherwise: a warning
    ACKNOWLEDGED = "acknowledged"  # differs, and the file's `errata:` says why: a note
    UNCHECKED = "unchecked"  # nothing in the data to hold it against
    UNRESOLVED = "unresolved"  # it names a table, row, column or line the data lacks: an error


class Problem(enum.Enum):
    """Why a statement's target could not be found in the data."""

    UNKNOWN_TABLE = "unknown_table"
    UNREADABLE_TABLE = "unreadable_table"
    UNKNOWN_ROW = "unknown_row"
    AMBIGUOUS_ROW = "ambiguous_row"
    UNKNOWN_COLUMN = "unknown_column"
    NO_COLUMN = "no_column"  # a ranking or a share of the largest rows that names no column
    EMPTY_CELL = "empty_cell"
    UNKNOWN_LINE = "unknown_line"
    UNKNOWN_TOTAL = "unknown_total"
    NOT_COMPARABLE = "not_comparable"  # a currency or kind the target cannot give
    NO_TOTAL = "no_total"  # a share of a column whose total is zero


@dataclass(frozen=True)
class Found:
    """One figure found in the data, with where it stands. `amount` is in the statement's
    terms: currency units for an amount, per cent for a share, the number for a count or rank;
    for a reference, `section` is what the table's place is."""

    amount: Decimal | None
    table: str | None = None  # the name under `tables:`; None for the strategy's own figures
    section: str | None = None  # the table's section as printed, e.g. 'ANNEX 3 - Donor overview'
    title: str | None = None
    row: str | None = None
    column: str | int | None = None  # a heading, or the number of a column without one
    line: str | None = None  # a budget line or total id
    year: int | None = None
    currency: str | None = None
    printed_step: Decimal | None = None  # in currency units, for figures compared as rounded
    printed: Decimal | None = None  # the figure as the table or budget prints it
    unit: str | None = None  # what one printed figure stands for: million, thousand, units


@dataclass(frozen=True)
class Bounds:
    """The values a statement's wording allows: `low`/`high` None for no bound; `open_low`/
    `open_high` where the bound itself is excluded (more than, less than)."""

    low: Decimal | None
    high: Decimal | None
    open_low: bool = False
    open_high: bool = False


@dataclass(frozen=True)
class StatementResult:
    """One statement held against the data."""

    index: int  # its place in the file's `statements:` list
    statement: Statement
    verdict: Verdict
    found: tuple[Found, ...] = ()  # the figures the data gives (several: every year, both places)
    failing: tuple[Found, ...] = ()  # those the wording does not allow
    bounds: Bounds | None = None  # in the figures' terms (currency units for an amount)
    problem: Problem | None = None
    missing: str | None = None  # the table, row, column or line not found, as written
    reason: str | None = None  # the erratum's reason, when acknowledged
    disagrees_with: tuple[int, ...] = ()  # statements of the same quantity it cannot agree with
    ranks: tuple[int, ...] = ()  # a ranking: each named row's rank in the data


@dataclass(frozen=True)
class Assumed:
    """A value the file assumes and the document does not state."""

    at: str
    reason: str
