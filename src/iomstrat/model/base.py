"""The model's base types: the strict base class, money as Decimal from the file's own text,
identifiers, years and currency codes; shared by strategy, table and statement models.

No `from __future__ import annotations`: see `model.strategy`."""

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from iomstrat.findings import echo

MAX_AMOUNT = Decimal(10) ** 15
"""Largest amount accepted in any unit; anything larger is a typing accident."""


def refused(kind: str, **values: Any) -> PydanticCustomError:
    """A value the model refuses, as data: its kind (`value.KIND` of `codes.PHRASES`, worded by
    `render/messages.py`) and the values the finding quotes. The error's own text is the kind:
    the words come later (IOM020, `model/errors.py`)."""
    return PydanticCustomError(f"iom_{kind}", kind, values)


def _money(value: Any) -> Decimal:
    """Accept the loader's int or Decimal; refuse booleans, floats, text and non-finite values."""
    if isinstance(value, str) and _SEPARATED.fullmatch(value.strip()):
        raise refused("separated", got=got(value))
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise refused("not_number", got=got(value))
    amount = Decimal(value)
    if not amount.is_finite():
        raise refused("not_finite")
    if abs(amount) >= MAX_AMOUNT:
        raise refused("implausible", limit=f"{MAX_AMOUNT:.0E}")
    return amount


_SEPARATED = re.compile(r"[-+]?[0-9]{1,3}(?:[,_ '][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:_[0-9]+)+")


class Named(str):
    """A table column's heading as printed (its marker dropped), or its name under
    `column_names`. The renderer words it as a column ('column 2021', 'kolonnen 2021'), so a
    template never writes the word itself."""


class Unnamed(int):
    """A column the document prints without a heading or a name: its number, from 1. The
    renderer words it ('column 3', 'kolonne 3'); a statement names it `column 3`."""

    @property
    def reference(self) -> str:
        """How a statement of the file names the column."""
        return f"column {int(self)}"


def got(value: Any) -> tuple[str, str]:
    """What a refused value is, for its finding: a kind the renderer words (boolean, text,
    nothing, mapping, list, number or other) and its text, quoted short."""
    if isinstance(value, bool):
        return "boolean", str(value).lower()
    if isinstance(value, str):
        return "text", echo(value)
    if value is None:
        return "nothing", ""
    if isinstance(value, dict):
        return "mapping", ""
    if isinstance(value, list):
        return "list", ""
    if isinstance(value, (int, Decimal)):
        return "number", str(value)
    return "other", type(value).__name__


# The file holds numbers only (text is refused), whatever pydantic would say of a Decimal.
Money = Annotated[Decimal, BeforeValidator(_money), WithJsonSchema({"type": "number"})]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Year = Annotated[int, Field(ge=1900, le=2200)]


MODEL_CONFIG = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
"""Every model's configuration: unknown keys refused, no coercion, frozen. Empty lists default
to `[]` (pydantic copies a default per instance), not `default_factory=list`: pydantic inspects
a factory's signature, and for a builtin that compiles the tokenize module's regexes, 6 ms of
every start-up."""

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
