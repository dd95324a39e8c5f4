"""Which characters a text from a file may hold: the check the model's text fields and the
ledger readers share (model/fields.py turns it into pydantic types).

Refused everywhere: C0 and C1 control characters (ESC among them), DEL, bidirectional
embeddings, overrides and isolates, line and paragraph separators, invisible zero-width
characters (zero-width space, word joiner, byte-order mark, Mongolian vowel separator), tag
characters and lone surrogates. A one-line text refuses tabs and line breaks too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from iomstrat.findings import BIDI_AND_INVISIBLE

_REFUSED = f"\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\ufeff\ud800-\udfff{BIDI_AND_INVISIBLE}"
_UNSAFE_PROSE = f"[{_REFUSED}]"
_UNSAFE_LINE = f"[\t\n{_REFUSED}]"
"""Each refused character is one `str.isprintable` refuses: a printable text is accepted at
once, and these large classes are compiled (0.3 ms each) only for a text that is not."""


_ASCII_PRINTABLE = bytes(range(0x20, 0x7F))


def printable(text: str) -> bool:
    """`str.isprintable`, at memory speed for ASCII text (which it reads as bytes: a million
    vouchers joined are 16 MB, and the character-by-character test took 50 ms of them)."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _ASCII_PRINTABLE)
    return text.isprintable()


def one_case(text: str) -> bool:
    """Whether no letter of `text` has another case beside it (all upper, all lower, or no
    letter at all); for ASCII read as bytes, as `printable`."""
    if text.isascii():
        data = text.encode("ascii")
        return data.isupper() or data.islower() or data.lower() == data
    return text.isupper() or text.islower() or text.lower() == text


class Unsafe(NamedTuple):
    """The first character a text may not hold: a line break, a tab or another `character`
    (its code point and Unicode name, lower case), at `position` (from 1)."""

    kind: str
    position: int
    codepoint: int
    name: str

    def described(self) -> tuple[str, dict[str, int | str]]:
        """Its finding's kind (`value.unsafe_*` of `codes.PHRASES`) and the values it quotes."""
        if self.kind == "character":
            where: dict[str, int | str] = {"position": self.position, "character": self.name}
            return "unsafe_character", where | {"codepoint": self.codepoint}
        return f"unsafe_{self.kind}", {"position": self.position}


def unsafe(text: str, *, multiline: bool = False) -> Unsafe | None:
    """The first character `text` may not hold, or None."""
    if text.isprintable():
        return None
    found = re.search(_UNSAFE_PROSE if multiline else _UNSAFE_LINE, text)
    if found is None:
        return None
    char = found.group()
    if char in "\n\r\x0b\x0c\x85\u2028\u2029":
        kind = "line_break"
    elif char == "\t":
        kind = "tab"
    else:
        kind = "character"
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "control character")
    return Unsafe(kind, found.start() + 1, ord(char), name.lower())


_CONTROL_NAMES = {"\x1b": "escape", "\x7f": "delete", "\x07": "bell", "\x00": "NUL"}
