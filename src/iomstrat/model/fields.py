"""Text fields of the model: the one boundary where characters a terminal, a CI log, a journal
or a spreadsheet would act on are refused, so no renderer meets them.

`Text` is one line (names, codes, vouchers, titles); `Prose` may hold tabs and line breaks
(descriptions and notes). Both refuse C0 and C1 control characters (ESC among them), DEL,
bidirectional embeddings, overrides and isolates, line and paragraph separators, invisible
zero-width characters (zero-width space, word joiner, byte-order mark, Mongolian vowel
separator) and tag characters. Zero-width joiners and non-joiners stay allowed: scripts and
emoji need them.
"""

from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from iomstrat.loader.text import Unsafe, unsafe
from iomstrat.model.base import refused

MAX_TEXT = 2000
"""Longest text value, in characters."""


def _refuse(found: Unsafe) -> None:
    """A text holding a character it may not hold: which, and where."""
    kind, values = found.described()
    raise refused(kind, **values)


def _one_line(text: str) -> str:
    found = unsafe(text)
    if found:
        _refuse(found)
    return text


def _prose(text: str) -> str:
    found = unsafe(text, multiline=True)
    if found:
        _refuse(found)
    return text


class _Checked:
    """A string of 1 to `longest` characters that `check` accepts. Its validator is made once
    and shared by every field of the type: built per field, pydantic's generic path for an
    `Annotated` string with constraints cost a third of the model's build time at start-up."""

    def __init__(self, check: Any, longest: int) -> None:
        self.schema = core_schema.no_info_after_validator_function(
            check, core_schema.str_schema(min_length=1, max_length=longest)
        )

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return self.schema


Text = Annotated[str, _Checked(_one_line, MAX_TEXT)]
"""One line of text: a name, title, code or voucher."""
Prose = Annotated[str, _Checked(_prose, MAX_TEXT)]
"""Free text that may run over several lines: a description or a note."""
Heading = Annotated[str, _Checked(_one_line, 200)]
"""A column heading: one short line."""
