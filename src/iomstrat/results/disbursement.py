"""Result data of the disbursement calculator: frozen tables the renderers print. No behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Figures:
    """One row's money, in whole units of the report's currency, as of the report's date.

    `approved` is None while parliament has not decided (or a reduction names no lines);
    `allocated` is None for lines that are not soft earmarked; `rate` is None for a zero basis.
    `unallocated` is what the dialogue has still to allocate (approved, or planned while
    undecided, less allocated) and `unallocated_basis` says against what: `approved`,
    `planned` or `mixed` (a sum over years some of which are decided); both None where
    `allocated` is.
    """

    planned: Decimal
    approved: Decimal | None
    allocated: Decimal | None
    disbursed: Decimal
    remaining: Decimal  # approved (or planned, before approval) less disbursed
    rate: Decimal | None  # disbursed / (approved or planned)
    scheduled: Decimal  # due by the report date under the schedule
    variance: Decimal  # disbursed less scheduled
    forecast: Decimal  # expected disbursed by the end of the year
    tranche: Decimal | None = None  # a quarter row's tranche due under the decision in force
    unallocated: Decimal | None = None
    unallocated_basis: str | None = None  # "approved", "planned" or "mixed"


@dataclass(frozen=True)
class DisbursementRow:
    """One row: a line (its `label`, the file's name for it), a year, a quarter of a year, a
    year's subtotal or the period's total; the renderer names all but a line's."""

    key: str  # line id, year, "2023-Q2" or the period "2023-2026" (machine keys, not words)
    label: str  # a line's name as the file gives it; "" for the rows the renderer names
    kind: str  # "line", "subtotal" or "total"
    year: int | None
    figures: Figures
    quarter: int | None = None


@dataclass(frozen=True)
class PriorityRow:
    """Allocations and the payments that name them, per priority area and year
    (`--by priority`)."""

    key: str  # priority area number; "-" no area tagged; "not-linked"; the year; "total"
    label: str  # a priority area's number and name from the file; "" for the renderer's rows
    kind: str  # "line", "subtotal" (a year: the dialogue lines' figures) or "total"
    year: int | None
    allocated: Decimal
    disbursed: Decimal
    items: int


@dataclass(frozen=True)
class DialoguePeriodRow:
    """A dialogue line's year seen period by period, where the dialogue meets more often than
    once a year: what it allocated in each period and what of the year is still unallocated
    at the period's end."""

    line: str  # the line's id
    label: str  # the line's name as the file gives it
    year: int
    period: str  # the dialogue period, e.g. 2024-H1 or 2024-Q3
    basis: Decimal  # the year's approved amount, else (undecided) its plan
    basis_kind: str  # "approved" or "planned"
    allocated: Decimal  # allocated in this period
    unallocated: Decimal  # basis less everything allocated up to the end of this period


@dataclass(frozen=True)
class Conversion:
    """Plans, approvals and allocations converted from `source` at the ECB reference rate of
    `on` (1 source = `rate` target); payments at the rate of their own date."""

    source: str
    target: str
    rate: Decimal
    on: dt.date


@dataclass(frozen=True)
class DisbursementReport:
    file: str
    title: str
    currency: str
    as_of: dt.date
    by: str
    rows: tuple[DisbursementRow, ...]
    priority_rows: tuple[PriorityRow, ...]
    payments: int  # payments recorded (any date)
    allocations: int  # dialogue decisions recorded
    notes: tuple[str, ...]  # what is missing (words the renderer prints as they are)
    conversion: Conversion | None = None  # how figures were converted, when they were
    organisation: str = ""  # its acronym, else its name: how a portfolio's sheets are named
    dialogue_periods: tuple[DialoguePeriodRow, ...] = ()  # a dialogue meeting more than yearly

    @property
    def nothing_recorded(self) -> bool:
        return self.payments == 0 and self.allocations == 0


@dataclass(frozen=True)
class PortfolioRow:
    finance_act_code: str
    year: int | None  # None: the whole period
    planned: Decimal
    approved: Decimal | None
    disbursed: Decimal
    remaining: Decimal
    files: int
    allocated: Decimal | None = None


@dataclass(frozen=True)
class Portfolio:
    """Totals across strategy files per Finance Act code and year."""

    currency: str
    as_of: dt.date
    files: tuple[str, ...]
    rows: tuple[PortfolioRow, ...]
