"""The briefing report's data: what `iomstrat report` shows for each strategy file. No behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.findings import Diagnostic
from iomstrat.model.strategy import Cover
from iomstrat.results.budget import BudgetTable
from iomstrat.results.disbursement import DialoguePeriodRow, Portfolio
from iomstrat.results.statements import Assumed, StatementResult


@dataclass(frozen=True)
class SourceFile:
    """The exact input a briefing was made from."""

    path: str  # as given on the command line
    absolute_path: str
    sha256: str | None  # None when the file could not be read
    size: int | None


@dataclass(frozen=True)
class Facts:
    """The strategy's header facts, as its cover table states them."""

    title: str
    organisation: str
    acronym: str
    file_no: str
    start: int
    end: int
    finance_act_code: str
    responsible_units: tuple[str, ...]
    desk_officer: str
    financial_officer: str
    currency: str
    unit: str


@dataclass(frozen=True)
class YearFigures:
    """One year's money in whole units of the strategy's currency, as of the report's date:
    planned by the budget, approved by the Finance Act (None while undecided), allocated in
    dialogue decisions (soft-earmarked lines), disbursed, and what remains to disburse."""

    year: int
    status: str
    planned: Decimal
    approved: Decimal | None
    allocated: Decimal | None
    disbursed: Decimal
    remaining: Decimal
    unallocated: Decimal | None = None  # the dialogue lines' approved (or planned) less allocated
    unallocated_basis: str | None = None  # "approved" or "planned"


@dataclass(frozen=True)
class SchedulePoint:
    """One quarter of the period: disbursement scheduled and made in it and cumulated from the
    start, in whole currency units; `disbursed` is None for quarters after the report's date."""

    year: int
    quarter: int
    scheduled: Decimal
    disbursed: Decimal | None
    cumulative_scheduled: Decimal
    cumulative_disbursed: Decimal | None


@dataclass(frozen=True)
class Allocation:
    """Soft-earmarked funds allocated to one country or region over the period, in whole
    currency units."""

    recipient: str
    kind: str  # "country" or "region"
    amount: Decimal
    code: str = ""  # the place's code (ISO alpha-2, M49, a named region's), "" if not known


@dataclass(frozen=True)
class Briefing:
    """Everything the report shows for one file; only `source` and `diagnostics` when the file
    could not be read as a strategy."""

    source: SourceFile
    diagnostics: tuple[Diagnostic, ...]
    is_table: bool = False  # a table file (e.g. an annex), briefed by `iomstrat table show`
    left_out: tuple[Diagnostic, ...] = ()  # the errors that left it out of the figures
    facts: Facts | None = None
    table: BudgetTable | None = None
    years: tuple[YearFigures, ...] = ()
    schedule: tuple[SchedulePoint, ...] = ()
    allocations: tuple[Allocation, ...] = ()
    payments: int = 0  # payments recorded, of any date
    ledgers: tuple[SourceFile, ...] = ()  # payment ledgers the file names
    cover: Cover | None = None  # the cover table as transcribed, in the strategy's unit
    statements: tuple[StatementResult, ...] = ()  # the text's statements against its data
    assumptions: tuple[Assumed, ...] = ()  # values the file assumes, the document not stating
    allocates: bool = False  # it has lines the dialogue allocates (soft-earmarked funding)
    # a dialogue meeting more than yearly: its periods; once a year, with several lines to
    # allocate: each line's years (the period is the year)
    dialogue_periods: tuple[DialoguePeriodRow, ...] = ()


@dataclass(frozen=True)
class Report:
    """One HTML report: a briefing per input file, as of a date; with several strategies (or
    one whose lines are on several Finance Act codes) their portfolio per code in the first
    one's currency (None, with `portfolio_no_rate`, when a currency has no ECB reference rate
    for it)."""

    as_of: dt.date
    briefings: tuple[Briefing, ...]
    portfolio: Portfolio | None = None
    portfolio_no_rate: bool = False
    skipped: tuple[str, ...] = ()  # other tools' YAML a folder holds, left out
