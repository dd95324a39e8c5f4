"""Text of a strategy as the exporters write it: one line of printable characters, whatever the
file held (newlines, carriage returns, NEL, U+2028, ESC, bidi overrides, NUL and other control
characters become spaces), so it can start no line in a journal and is legal in XML."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def one_line(value: str) -> str:
    """Every control, format or separator character and every run of white space is one space."""
    kept = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in value)
    return _SPACES.sub(" ", kept).strip()


def capped(value: str, limit: int = 80) -> str:
    """Text of the file quoted in a message: one line, at most `limit` characters."""
    line = one_line(value)
    return line if len(line) <= limit else line[: limit - 1] + "…"
