"""Pydantic models of a strategy file: strict types, unknown keys refused, money as Decimal.

No `from __future__ import annotations` here: pydantic would evaluate every field's annotation
from its text when the class is made (2-3 ms of each start-up); Python evaluates them for it.
"""

import datetime as dt
import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from iomstrat.model import periods
from iomstrat.model.base import (
    MODEL_CONFIG,
    Currency,
    Identifier,
    Money,
    Year,
    _money,
    got,
    refused,
)
from iomstrat.model.fields import Prose, Text
from iomstrat.model.statements import Assumption, Statement

FINANCE_ACT_PATTERN = re.compile(r"§? ?\d{2}\.\d{2}\.\d{2}\.\d{2}")
"""A Finance Act code as documents print it: four two-digit groups, with or without a § before
them (`§06.32.10.14`, `§ 06.32.10.14`, `06.32.10.14` are one code)."""


def finance_act_code(code: str) -> str:
    """A code in the one form every view compares and shows: `§06.32.10.14`."""
    if FINANCE_ACT_PATTERN.fullmatch(code):
        return "§" + code.lstrip("§ ")
    return code


def _code(value: Any) -> Any:
    return finance_act_code(value) if isinstance(value, str) else value


FinanceActCode = Annotated[Text, AfterValidator(_code)]
"""A Finance Act code, read in its one form (`06.32.10.14` becomes `§06.32.10.14`)."""

UNIT_FACTORS: dict[str, Decimal] = {
    "million": Decimal(1_000_000),
    "thousand": Decimal(1_000),
    "kroner": Decimal(1),
}
"""How many currency units one figure stands for, by the file's `unit`."""


def _exactly_one(value: Any) -> Any:
    """`schema_version: 1` only: true and 1.0 equal 1 in Python, but are not what is meant."""
    if type(value) is not int:
        raise refused("not_one", got=got(value))
    return value


class Model(BaseModel):
    model_config = MODEL_CONFIG


class Organisation(Model):
    name: Text
    """Full name of the organisation funded."""
    acronym: Text | None = None
    """Short name, e.g. IOM."""
    iati_identifier: Text | None = None
    """The organisation's IATI identifier, e.g. XM-DAC-47066 for IOM."""

    @property
    def short_name(self) -> str:
        """Its acronym where it has one, else its name: how a portfolio names it."""
        return self.acronym or self.name


class Period(Model):
    start: Year
    """First year of the strategy."""
    end: Year
    """Last year of the strategy."""

    @model_validator(mode="after")
    def _in_order(self) -> "Period":
        if self.end < self.start:
            raise refused("period_order", start=self.start, end=self.end)
        return self

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Source(Model):
    document: Text
    """The document the figures are transcribed from."""
    sections: Text | None = None
    """Where in the document the figures stand."""
    version: Text | None = None
    """Which version of the document the file transcribes, e.g. draft; later versions go
    under `versions:`."""


class StrategyInfo(Model):
    title: Text
    """Title of the strategy."""
    organisation: Organisation
    """The organisation the strategy funds."""
    donor: Organisation | None = None
    """The donor, e.g. Denmark's MFA."""
    file_no: Text | None = None
    """The ministry's file number."""
    responsible_unit: Text | None = None
    """Unit responsible for the strategy."""
    desk_officer: Text | None = None
    """Desk officer named on the cover."""
    financial_officer: Text | None = None
    """Financial officer named on the cover."""
    period: Period
    """Duration of the strategy, whole years."""
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    """ISO 4217 code of the currency all budget figures are in."""
    unit: Literal["million", "thousand", "kroner"]
    """How many currency units one budget figure stands for."""
    finance_act_code: FinanceActCode
    """Finance Act code, written §NN.NN.NN.NN (the § may be left out)."""
    funding_basis: Prose | None = None
    """The Finance Act the plan rests on."""
    supplementary_period_months: int | None = Field(None, ge=1, le=12)
    """Months after a year's end in which a payment may still be charged to that year's
    appropriation (the supplementary period); none: payments are dated in their year."""
    approval_note: Prose | None = None
    """The approval footnote, as printed."""
    source: Source | None = None
    """Where the figures are transcribed from."""


class BudgetLine(Model):
    id: Identifier
    """Stable identifier, lower case, e.g. core."""
    label: Text | None = None
    """Label printed before the name, e.g. 'a.'."""
    name: Text
    """Name of the line as printed."""
    kind: Identifier
    """What sort of contribution the line is: core, soft_earmarked, earmarked, personnel,
    humanitarian, thematic, climate, other, or any lower-case identifier."""
    finance_act_code: FinanceActCode
    """Finance Act code of the line, §NN.NN.NN.NN (the § may be left out); lines on several
    codes add up per code."""
    responsible_unit: Text | None = None
    """Unit responsible for the line."""
    description: Prose | None = None
    """What the line pays for."""
    amounts: dict[int, Money]
    """Planned amount by year, in the file's unit."""


class StatedTotal(Model):
    id: Identifier
    """Stable identifier of the total, e.g. total."""
    name: Text
    """Name of the total row as printed."""
    placement: Literal["above", "below"] = "below"
    """Whether the document prints this row above or below its lines."""
    lines: list[Identifier] = Field(min_length=1)
    """Ids of the lines it adds up."""
    stated: dict[int, Money]
    """The total as printed, by year."""


class Budget(Model):
    title: Text
    """Title of the budget table as printed."""
    printed_step: Money = Field(Decimal(1), gt=0)
    """Step the document's figures are printed to, e.g. 1 (million)."""
    lines: list[BudgetLine] = Field(min_length=1)
    """Budget lines in printed order."""
    totals: list[StatedTotal] = []
    """Totals the document prints, to check against the lines."""


FOOTNOTE_MARKERS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"
"""What a document prints after a figure to send the reader to a footnote."""
_MARKED_FIGURE = re.compile(rf"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*([{FOOTNOTE_MARKERS}]{{1,4}})\s*")
FootnoteMarker = Annotated[str, StringConstraints(pattern=rf"^[{FOOTNOTE_MARKERS}]{{1,4}}$")]
"""A footnote marker as a document prints it after a figure: up to four of its marks (`*`,
`†`, `¹`); every view shows it beside the figure (an xlsx cell in its number format)."""


def marked_figure(value: object) -> tuple[Decimal, str] | None:
    """A figure as printed with its footnote marker (`375*`, `70¹`): the figure and the
    marker; None for anything else (a plain number among them)."""
    found = _MARKED_FIGURE.fullmatch(value) if isinstance(value, str) else None
    return None if found is None else (Decimal(found[1]), found[2])


MarkedMoney = Annotated[
    Decimal,
    BeforeValidator(_money),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": f"^{_MARKED_FIGURE.pattern}$"},
            ]
        }
    ),
]
"""A printed figure, written as a number or as printed with its footnote marker (`375*`)."""


class CoverRow(Model):
    by_year: dict[int, MarkedMoney]
    """The row's figure by year, as printed (with its footnote marker, if any: 75*)."""
    total: MarkedMoney | None = None
    """The row's printed total for the period (with its footnote marker, if any: 375*)."""
    markers: dict[str, FootnoteMarker] = Field(default={})
    """Footnote markers printed after the figures, by year or `total`; read from a figure
    written as printed (`total: 375*`), which counts as the figure alone."""

    @model_validator(mode="before")
    @classmethod
    def _marked_figures(cls, data: Any) -> Any:
        """`375*` or `375¹` as the cover prints it: the figure 375, its marker kept."""
        if not isinstance(data, dict):
            return data
        markers: dict[str, str] = {}

        def figure(key: str, value: Any) -> Any:
            found = marked_figure(value)
            if found is None:
                return value
            markers[key] = found[1]
            return found[0]

        out = dict(data)
        if "total" in data:
            out["total"] = figure("total", data["total"])
        if isinstance(data.get("by_year"), dict):
            out["by_year"] = {y: figure(str(y), v) for y, v in data["by_year"].items()}
        given = data.get("markers")
        if isinstance(given, dict):  # a year as the file writes it, 2025 or "2025"
            given = {str(key) if isinstance(key, int) else key: v for key, v in given.items()}
            out["markers"] = {**markers, **given}
        elif markers:
            out["markers"] = markers
        return out

    @model_validator(mode="after")
    def _markers_name_figures(self) -> "CoverRow":
        """A marker stands after a figure of the row: one of its years, or its total."""
        figures = [*map(str, self.by_year), "total"]
        for key in self.markers:
            if key not in figures:
                raise refused("marker_key", name=key, names=tuple(figures))
        return self


class Cover(Model):
    commitment: CoverRow | None = None
    """The cover table's Commitment row."""
    projected_disbursement: CoverRow | None = None
    """The cover table's projected annual disbursement row."""


class Approval(Model):
    """Parliament's decision on one year; `planned` until the Finance Act is passed."""

    year: int
    """The budget year decided."""
    status: Literal["planned", "approved", "reduced", "withheld"]
    """planned: awaiting the year's Finance Act; approved: approved as planned; reduced: approved
    at a lower amount; withheld: not approved."""
    finance_act: Text | None = None
    """The Finance Act that decided the year."""
    decided_on: dt.date | None = None
    """Date of the decision."""
    amount: Money | None = None
    """Approved total for the year in the file's unit (required if reduced)."""
    lines: dict[str, Money] | None = None
    """Approved amount per budget line, if the reduction names lines."""
    note: Prose | None = None
    """Free remark on the decision."""


# --- Disbursement data: priority areas, schedule, dialogue allocations, payments -------------

SrfOutcome = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}[a-z](\.[0-9]{1,2})?$")]
"""An IOM Strategic Results Framework outcome: long term `3b` or short term `3b.4`."""
SrfOutput = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}[a-z]\.[0-9]{1,2}\.[0-9]{1,2}$")]
"""An IOM Strategic Results Framework output, e.g. `3b.4.2`."""
Rate = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(gt=0),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0}),
]


class PriorityArea(Model):
    """One of the strategy's priority areas and the SRF codes it selects (Annex 4)."""

    id: int = Field(ge=1, le=99)
    """Number of the priority area, e.g. 3."""
    name: Text
    """Name of the priority area as the strategy states it."""
    objectives: list[Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}$")]] = []
    """IOM SRF objectives, e.g. '3'."""
    outcomes: list[SrfOutcome] = []
    """IOM SRF outcomes it selects, e.g. '3b' or '3b.4'."""
    outputs: list[SrfOutput] = []
    """IOM SRF outputs it selects, e.g. '3b.4.2'."""
    note: Prose | None = None
    """Free remark."""


class Tranche(Model):
    """One instalment: when (quarter or date) and how much (share of the year or amount)."""

    quarter: int | None = Field(None, ge=1, le=4)
    """Quarter of the year it is due."""
    date: dt.date | None = None
    """Date it is due."""
    share: (
        Annotated[
            Decimal,
            BeforeValidator(_money),
            Field(gt=0, le=1),
            WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 1}),
        ]
        | None
    ) = None
    """Share of the year's amount, e.g. 0.5."""
    amount: Money | None = None
    """In the file's unit."""

    @model_validator(mode="after")
    def _one_of_each(self) -> "Tranche":
        if (self.quarter is None) == (self.date is None):
            raise refused("one_of", first="quarter", second="date")
        if (self.share is None) == (self.amount is None):
            raise refused("one_of", first="share", second="amount")
        return self


def _period_text(value: Any) -> Any:
    """`period: 2024` is read as the number 2024; a year is a period too."""
    return str(value) if type(value) is int else value


DialoguePeriod = Annotated[
    str,
    BeforeValidator(_period_text),
    StringConstraints(pattern=periods.PERIOD_PATTERN),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": periods.PERIOD_PATTERN},
            ]
        }
    ),
]


class AllocationItem(Model):
    """One allocation agreed in a dialogue, in the file's unit."""

    id: Identifier | None = None
    """Reference payments may name."""
    country: Text | None = None
    """Country name or ISO code."""
    region: Text | None = None
    """Region, e.g. Sahel or Eastern Africa."""
    purpose: Text
    """What the allocation pays for."""
    amount: Money
    """Amount allocated, in the file's unit."""
    priority_area: int | None = None
    """Id of the priority area it serves."""
    outputs: list[SrfOutput] = []
    """IOM SRF outputs it serves, e.g. '3b.4.2'."""
    outcomes: list[SrfOutcome] = []
    """IOM SRF outcomes it serves, e.g. '3b'."""

    @model_validator(mode="after")
    def _one_place(self) -> "AllocationItem":
        if (self.country is None) == (self.region is None):
            raise refused("one_of", first="country", second="region")
        return self


class Allocation(Model):
    """A dialogue decision: the donor approves allocations of a line's funds."""

    date: dt.date
    """Date of the dialogue decision."""
    period: DialoguePeriod | None = None
    """Dialogue period allocated, in the dialogue's cadence: 2024 (annual), 2024-H1
    (six-monthly) or 2024-Q3 (quarterly)."""
    half_year: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-H[12]$")] | None = None
    """Half-year allocated, e.g. 2023-H2 (the older spelling of `period`)."""
    approved_by: Text
    """Who approved it for Denmark."""
    line: Identifier | None = None
    """Budget line allocated (default: the dialogue's line, if it has one)."""
    items: list[AllocationItem] = Field(min_length=1)
    """The allocations agreed."""
    note: Prose | None = None
    """Free remark."""

    @model_validator(mode="after")
    def _one_period(self) -> "Allocation":
        if (self.period is None) == (self.half_year is None):
            raise refused("one_of", first="period", second="half_year")
        return self

    @property
    def label(self) -> str:
        """The period allocated, e.g. 2024, 2024-H1 or 2024-Q3."""
        label = self.period if self.period is not None else self.half_year
        assert label is not None
        return label

    @property
    def period_key(self) -> str:
        """The key the file names the period with: `period` or `half_year`."""
        return "period" if self.period is not None else "half_year"

    @property
    def year(self) -> int:
        return periods.year(self.label)


class Disbursement(Model):
    """One payment, in whole units of its own currency (kroner, dollars)."""

    date: dt.date
    """Date of payment."""
    line: Identifier
    """Id of the budget line paid from."""
    amount: Money
    """Amount paid, in whole units of `currency`."""
    currency: Currency
    """ISO 4217 code of the payment's currency."""
    voucher: Text
    """Voucher or reference of the payment; unique."""
    exchange_rate: Rate | None = None
    """Strategy-currency units per one unit of `currency`."""
    year: int | None = None
    """Appropriation year (default: the date's year)."""
    allocation: Identifier | None = None
    """Id of the allocation item paid."""
    refund: bool = False
    """Money returned to the donor: the amount is negative, e.g. -250000."""
    note: Prose | None = None
    """Free remark."""


class LedgerColumns(Model):
    """The ledger's own header for each column iomstrat reads (finance-system exports)."""

    date: Text | None = None
    """Header of the payment date column."""
    line: Text | None = None
    """Header of the budget line (account) column."""
    amount: Text | None = None
    """Header of the amount column."""
    currency: Text | None = None
    """Header of the currency column."""
    voucher: Text | None = None
    """Header of the voucher column."""
    exchange_rate: Text | None = None
    """Header of the exchange rate column."""
    note: Text | None = None
    """Header of the free text column."""
    year: Text | None = None
    """Header of the appropriation year column."""
    allocation: Text | None = None
    """Header of the allocation id column."""
    refund: Text | None = None
    """Header of the refund (yes/no) column."""


class LedgerSource(Model):
    """One ledger and, where detection cannot tell or the export has its own words, its dialect."""

    path: Text
    """The ledger file, relative to the strategy's repository."""
    columns: LedgerColumns | None = None
    """The ledger's header for each column, e.g. {date: Bogføringsdato}."""
    delimiter: Literal[",", ";", "\t"] | None = None
    """Field separator of a CSV ledger (detected when absent)."""
    decimal: Literal[",", "."] | None = None
    """Decimal mark of amounts and rates (detected when absent)."""
    thousands: Literal[".", ",", " ", "'", ""] | None = None
    """Thousands separator of amounts (detected when absent)."""
    date_format: (
        Literal["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m/%d/%Y"]
        | None
    ) = None
    """Date format, e.g. '%d.%m.%Y' (detected when absent)."""
    encoding: Literal["utf-8", "utf-8-sig", "cp1252", "latin-1"] | None = None
    """Text encoding of a CSV ledger (detected when absent)."""
    lines: dict[str, Identifier] | None = None
    """The finance system's account values to budget line ids."""
    sheet: Text | None = None
    """Worksheet of an xlsx ledger (default: first)."""


def _ledger_entry(value: Any) -> Any:
    """A bare path is a ledger read with every setting detected."""
    return {"path": value} if isinstance(value, str) else value


LedgerEntry = Annotated[
    LedgerSource, BeforeValidator(_ledger_entry, json_schema_input_type=Text | LedgerSource)
]


DacCode = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{1,5}$")]
"""A code of an IATI/OECD DAC codelist, written as text ("15190", "B02", "110")."""


class IatiLine(Model):
    """The IATI types of one budget line's money."""

    line: Identifier
    """Id of the budget line."""
    aid_type: DacCode | None = None
    """OECD DAC type of aid (IATI AidType), e.g. B02 core contributions."""
    finance_type: DacCode | None = None
    """IATI FinanceType code, e.g. 110 (standard grant)."""
    flow_type: DacCode | None = None
    """IATI FlowType code, e.g. 10 (ODA)."""


class Iati(Model):
    """What an IATI activity needs that a strategy document rarely states: codes of IATI's
    codelists (iatistandard.org/en/iati-standard/203/codelists/), checked by `export iati
    --check`."""

    sector: DacCode | None = None
    """OECD DAC 5-digit purpose code (IATI Sector codelist), e.g. 15190."""
    recipient_region: DacCode | None = None
    """OECD DAC region code (IATI Region codelist) of the share no allocation places, e.g. 998
    (developing countries, unspecified)."""
    recipient_country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    """ISO 3166-1 alpha-2 code of the share no allocation places (not a region)."""
    collaboration_type: DacCode | None = None
    """IATI CollaborationType code, e.g. 2 (multilateral inflows)."""
    lines: list[IatiLine] = []
    """Aid, finance and flow type of each budget line."""
    activities: list[Text] = []
    """IATI identifiers of the donor's published activities that carry this strategy's money,
    e.g. XM-DAC-3-1-2022-18394 (`reconcile`); none listed: every activity of the donor that
    names the organisation."""


class Erratum(Model):
    """A figure the source prints wrongly, transcribed as printed: the difference it causes is
    a note that keeps the reason, not an error."""

    at: Text
    """Data path of the stated figure, as findings print it: cover.commitment.total; or of a
    statement of the text that does not hold: statements[3]."""
    printed: Money | None = None
    """The figure as printed; must equal the file's value there (required for a figure; for
    a statement, its `stated` if given)."""
    reason: Text
    """Why the printed figure is wrong, e.g. 'printed 2.055; 5 x 510 = 2.550'."""


def _places(value: Any) -> Any:
    """`geographic_focus: [Africa]` (or `Africa`) is short for `{places: [Africa]}`."""
    if isinstance(value, str):
        return {"places": [value]}
    return {"places": value} if isinstance(value, list) else value


class GeographicFocus(Model):
    """Where the strategy's allocations should go; allocations elsewhere are reported (IOM406)."""

    places: list[Text] = Field(min_length=1)
    """Continents, UN M49 regions, named regions (Sahel) or countries."""
    lines: list[Identifier] | None = None
    """Lines whose allocations the focus applies to (default: all)."""
    source: Text | None = None
    """Where the document states the focus, cited in findings."""


_PLACES_SCHEMA = {
    "type": "array",
    "items": {"type": "string", "minLength": 1, "maxLength": 2000},
    "minItems": 1,
}
_FOCUS_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1, "maxLength": 2000, "description": "One place."},
        {**_PLACES_SCHEMA, "description": "Places, e.g. [Africa]."},
        {
            "type": "object",
            "properties": {
                "places": {**_PLACES_SCHEMA, "description": "Places, e.g. [Africa]."},
                "lines": {
                    "type": "array",
                    "items": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,63}$"},
                    "description": "Lines whose allocations the focus applies to.",
                },
                "source": {"type": "string", "description": "Where the document states it."},
            },
            "required": ["places"],
            "additionalProperties": False,
        },
    ]
}
"""`geographic_focus` in JSON Schema: a list of places, or the mapping with `places`."""


class Dialogue(Model):
    """A dialogue with the organisation that allocates some lines' funds: payments on those
    lines need an allocation decided by their date (IOM403, IOM404)."""

    lines: list[Identifier] = Field(min_length=1)
    """Lines whose payments need a dialogue allocation."""
    every_months: int | None = Field(None, ge=1, le=60)
    """How often the dialogue meets, in months (e.g. 6)."""
    grace_months: int = Field(0, ge=0, le=24)
    """Months a decision may come late before it is reported."""
    source: Text | None = None
    """Where the document states the dialogue, cited in findings."""


class Change(Model):
    """One fact a later version of the document prints differently from the file."""

    at: Text
    """Where the file gives the fact, as findings print its path; a line or total may be named
    by its id: cover.commitment.by_year.2023, strategy.financial_officer,
    budget.lines.core.amounts.2023."""
    value: Money | Text
    """What the later version prints."""


class DocumentVersion(Model):
    """A later version of the document the file transcribes, and what it changed; the figures
    follow the latest. A year whose cover commitment changes without its lines is apportioned
    over the lines in proportion to the file's split, and shown as such."""

    id: Identifier
    """Short name of the version, e.g. signed."""
    name: Text
    """What the version is, e.g. the strategy as signed and sent to parliament."""
    reference: Text
    """Where it is published, e.g. URU Alm.del Bilag 172 (2022-23, 2nd session)."""
    date: dt.date | None = None
    """Date of the version."""
    url: Text | None = None
    """Address of the published version."""
    changes: list[Change] = Field(min_length=1)
    """The facts it changes."""
    note: Prose | None = None
    """Free remark, e.g. what the version leaves unpublished."""


class Strategy(Model):
    schema_version: Annotated[Literal[1], BeforeValidator(_exactly_one)]
    """Version of this file format; 1."""
    strategy: StrategyInfo
    """What the strategy is, for whom, when."""
    budget: Budget
    """The budget table: lines and stated totals."""
    cover: Cover | None = None
    """The cover table's figures, if transcribed."""
    approvals: list[Approval] = []
    """Parliament's decision on each year, when known."""
    priority_areas: list[PriorityArea] = []
    """The strategy's priority areas (Annex 4)."""
    geographic_focus: (
        Annotated[
            GeographicFocus,
            BeforeValidator(_places),
            WithJsonSchema(_FOCUS_SCHEMA),
        ]
        | None
    ) = None
    """Where allocations should go (absent: anywhere)."""
    dialogue: Dialogue | None = None
    """The dialogue that allocates some lines' funds (absent: none)."""
    schedule: dict[Identifier, dict[int, list[Tranche]]] = {}
    """Disbursement tranches by line id and year."""
    allocations: list[Allocation] = []
    """Dialogue decisions allocating a line's funds."""
    disbursements: list[Disbursement] = []
    """Payments made."""
    ledgers: list[LedgerEntry] = []
    """Payment ledger files (CSV, TSV, xlsx or YAML), relative to the strategy's repository: a
    path, or a mapping with the path and how to read it."""
    errata: list[Erratum] = []
    """Figures the source prints wrongly, acknowledged."""
    versions: list[DocumentVersion] = []
    """Later versions of the document and what each changed, oldest first; the figures
    follow the latest."""
    iati: Iati | None = None
    """IATI classifications the document does not state."""
    tables: dict[Identifier, Text] = {}
    """Table files of the document (its annexes) by a name statements use, each a path
    relative to this file."""
    statements: list[Statement] = []
    """The text's quantitative and referential statements, each with its place and what in the
    data it speaks of (IOM8xx)."""
    assumptions: list[Assumption] = []
    """Values of this file the document does not state: the file's assumptions."""

    def line(self, line_id: str) -> BudgetLine | None:
        return self._lines.get(line_id)

    def approval(self, year: int) -> Approval | None:
        return self._approvals.get(year)

    # Indexes built once per (frozen) strategy: every view and check looks lines and years up
    # by key, so time grows with the file, not with its square. The first entry of an id wins,
    # as IOM304/IOM201 report the others.
    @cached_property
    def _lines(self) -> dict[str, BudgetLine]:
        return {line.id: line for line in reversed(self.budget.lines)}

    @cached_property
    def _approvals(self) -> dict[int, Approval]:
        return {a.year: a for a in reversed(self.approvals)}
