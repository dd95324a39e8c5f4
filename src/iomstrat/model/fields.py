"""Text fields of the model: the one boundary where characters a terminal, a CI log, a journal
or a spreadsheet would act on are refused, so no renderer meets them.

`Text` is one line (names, codes, vouchers, titles); `Prose` may hold tabs and line breaks
(descriptions and notes). Both refuse C0 and C1 control characters (ESC among them), DEL,
bidirectional embeddings, overrides and isolates, line and paragraph separators, invisible
zero-width characters (zero-width space, word joiner, byte-order mark, Mongolian vowel
separator) and tag characters. Zero-width joiners and non-joiners stay allowed: scripts and
emoji need them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from iomstrat.loader.text import unsafe_character

MAX_TEXT = 2000
"""Longest text value, in characters."""


def _one_line(text: str) -> str:
    problem = unsafe_character(text)
    if problem:
        raise ValueError(problem)
    return text


def _prose(text: str) -> str:
    problem = unsafe_character(text, multiline=True)
    if problem:
        raise ValueError(problem)
    return text


Text = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_one_line)
]
"""One line of text: a name, title, code or voucher."""
Prose = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_prose)]
"""Free text that may run over several lines: a description or a note."""
Heading = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line)]
"""A column heading: one short line."""
