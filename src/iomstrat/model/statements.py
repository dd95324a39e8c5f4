"""Pydantic models of the document's own statements: what its text says of a quantity (an
amount, a share, a count, a rank, a year) or where it sends the reader (a reference), each
with its place in the document and what in the data it speaks of; and the file's assumptions,
values the document does not state.

No `from __future__ import annotations`: see `model.strategy`."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from iomstrat.model.base import MODEL_CONFIG, Currency, Identifier, Money, Year, refused
from iomstrat.model.fields import Heading, Prose, Text

Kind = Literal["amount", "share", "count", "rank", "ranking", "year", "reference", "same"]
Wording = Literal[
    "exactly",
    "about",
    "around",
    "approximately",
    "some",
    "more_than",
    "at_least",
    "almost",
    "nearly",
    "less_than",
    "up_to",
]
Part = Literal["priority_areas", "period_years", "budget_lines", "dialogue_every_months"]
StatedUnit = Literal["billion", "million", "thousand", "units"]

STATED_UNIT_FACTORS: dict[str, Decimal] = {
    "billion": Decimal(1_000_000_000),
    "million": Decimal(1_000_000),
    "thousand": Decimal(1_000),
    "units": Decimal(1),
}


class Model(BaseModel):
    model_config = MODEL_CONFIG


class Place(Model):
    """Where a statement stands in the document."""

    section: Text
    """The section as the document numbers or names it, e.g. '2. The Organisation'."""
    paragraph: Text | None = None
    """The paragraph, by its lead-in or first words, e.g. 'Finances and funding'."""
    page: int | None = Field(None, ge=1, le=9999)
    """The printed page, where known."""
    line: int | None = Field(None, ge=1)
    """Line of the transcription named in the file's `source` (lets tests find every one)."""


class Target(Model):
    """What in the data a statement speaks of. A table figure: `table` with a `row` (its total),
    a `column` (the column's total), both (one cell) or neither (the grand total). The
    strategy's own figures: a budget `line` or stated `total`, in one `year` or every year
    (a statement of an amount 'annually'). Or a `part` of the strategy to count."""

    table: Identifier | None = None
    """A table named under the strategy's `tables:`."""
    row: Text | None = None
    """The table row, by its name as printed."""
    column: Heading | int | None = None
    """The table column, by its heading (without footnote marker) or name."""
    top: int | None = Field(None, ge=1, le=1000)
    """A share of the column's total: that of its `top` largest rows."""
    line: Identifier | None = None
    """A budget line id."""
    total: Identifier | None = None
    """A stated budget total id."""
    year: Year | None = None
    """The year of a budget line or total (absent: every year of the period)."""
    part: Part | None = None
    """A part of the strategy a count speaks of."""

    @model_validator(mode="after")
    def _one_thing(self) -> "Target":
        chosen = [n for n in ("table", "line", "total", "part") if getattr(self, n) is not None]
        if len(chosen) != 1:
            if chosen:
                raise refused("target_several", chosen=tuple(chosen))
            raise refused("target_none")
        if self.table is None and (self.row, self.column, self.top) != (None, None, None):
            raise refused("table_parts")
        if self.table is not None and self.year is not None:
            raise refused("table_year")
        return self


NEEDS: dict[str, tuple[str, ...]] = {
    "amount": ("stated", "currency", "unit"),
    "share": ("stated",),
    "count": ("stated",),
    "rank": ("stated",),
    "ranking": ("order", "of"),
    "year": ("stated",),
    "reference": ("refers_to",),
    "same": ("of", "same_as"),
}
"""What each kind of statement must give. Without `of` (and without a `quantity` another
statement shares) a statement is transcribed but not checked: the data holds nothing to hold it
against."""


class Statement(Model):
    """One quantitative or referential statement of the document's text, as printed, and what
    it speaks of; held against the data by the IOM8xx checks."""

    id: Identifier
    """A name for the statement, unique in the file."""
    text: Prose
    """The statement's words, quoted from the document."""
    at: Place
    """Where it stands in the document."""
    kind: Kind
    """amount, share (per cent), count, rank, ranking (several rows in order), year,
    reference (see Annex N for …) or same (one figure printed in two places)."""
    stated: Money | None = None
    """The figure as the text gives it, in `unit` (an amount), per cent (a share), or the
    number itself (a count, a rank, a year)."""
    wording: Wording = "exactly"
    """How the text qualifies the figure: exactly (as rounded in print), about/around/
    approximately/some (within 10 per cent), more_than, at_least, almost/nearly (at most
    10 per cent below), less_than, up_to."""
    currency: Currency | None = None
    """ISO 4217 code of an amount's currency."""
    unit: StatedUnit | None = None
    """How many currency units an amount's figure stands for."""
    order: list[Text] = []
    """A ranking: the table rows in the order the text ranks them, from `first`."""
    first: int = Field(1, ge=1, le=1000)
    """A ranking: the rank of the first row of `order`."""
    refers_to: Text | None = None
    """A reference: the section the text sends the reader to, e.g. 'Annex 3'."""
    about: Text | None = None
    """A reference: what the reader is sent there for, as printed."""
    of: Target | None = None
    """What in the data the statement speaks of."""
    same_as: Target | None = None
    """Kind same: the other place the figure is printed."""
    quantity: Identifier | None = None
    """A name for the quantity; statements naming the same quantity must agree."""
    note: Prose | None = None
    """Free remark: how the statement is read, what of it is not checked."""

    @model_validator(mode="after")
    def _complete(self) -> "Statement":
        missing = [n for n in NEEDS[self.kind] if getattr(self, n) in (None, [])]
        if missing:
            raise refused("statement_needs", statement_kind=self.kind, missing=tuple(missing))
        if self.kind == "ranking" and (self.of is None or self.of.column is None):
            raise refused("ranking_column")
        return self


class Assumption(Model):
    """A value of the file the document does not state: the file's assumption, shown so."""

    at: Text
    """Data path of the value, as findings print it: dialogue.grace_months."""
    reason: Text
    """Why the file assumes it."""
