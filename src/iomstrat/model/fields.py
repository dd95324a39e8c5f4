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

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

MAX_TEXT = 2000
"""Longest text value, in characters."""

_REFUSED = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2060\u2066-\u2069\ufeff\ud800-\udfff\U000e0000-\U000e007f"
)
_UNSAFE_PROSE = re.compile(f"[{_REFUSED}]")
_UNSAFE_LINE = re.compile(f"[\t\n{_REFUSED}]")


def unsafe_character(text: str, *, multiline: bool = False) -> str | None:
    """Why `text` cannot be accepted as text, or None: names the first refused character and
    where it stands. Ledger readers call it on every text cell."""
    found = (_UNSAFE_PROSE if multiline else _UNSAFE_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    if char in "\n\r\x0b\x0c\x85\u2028\u2029":
        what = "a line break"
        hint = "; keep the text on one line (in YAML, a folded >- block is one line)"
    elif char == "\t":
        what, hint = "a tab", "; use a space"
    else:
        name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "control character")
        what, hint = f"U+{ord(char):04X} ({name.lower()})", "; remove it"
    return f"text holds {what} at character {found.start() + 1}{hint}"


_CONTROL_NAMES = {"\x1b": "escape", "\x7f": "delete", "\x07": "bell", "\x00": "NUL"}


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
