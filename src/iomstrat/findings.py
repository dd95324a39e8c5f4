"""Findings as data: the `Diagnostic` every check returns, its `Severity`, and data paths.

Computed tables live beside it: `report_budget`, `report_table`, `report_disbursement`,
`report_diff` (commands that print no table do not build their classes).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from iomstrat import codes

DataPath = tuple[str | int, ...]

MAX_ECHO = 80
"""Most characters of the input quoted back in one message (longer quotations end in '…')."""

# What a terminal, a CI log or a text editor would act on instead of showing: C0 and C1
# controls (ESC starts terminal sequences), DEL, bidirectional embeddings, overrides and
# isolates ("Trojan Source"), line and paragraph separators, invisible zero-width characters
# and tag characters, and the lone surrogates a file name that is not UTF-8 decodes to.
BIDI_AND_INVISIBLE = (
    "\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\U000e0000-\U000e007f"
)
"""A regex character-class body: bidi marks, embeddings, overrides and isolates, line and
paragraph separators, zero-width space, word joiner, tag characters (text, output and findings
checks all build on it)."""
_UNPRINTABLE = f"[\x00-\x1f\x7f-\x9f{BIDI_AND_INVISIBLE}\ufeff\ud800-\udfff]"
"""Every character it matches is one `str.isprintable` refuses, so a printable text (most are)
is never searched, and the pattern is compiled (0.3 ms) only for one that is not."""
_ESCAPED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def echo(text: str, limit: int = MAX_ECHO) -> str:
    """A short, printable, one-line quotation of input text for messages: line breaks and tabs
    written as \\n, \\r, \\t, every other unprintable character as '?', at most `limit`
    characters."""
    if len(text) > 4 * limit:  # never scan (or copy) more of a huge value than is shown
        text = text[: 4 * limit]
    if not text.isprintable():
        text = re.sub(_UNPRINTABLE, lambda m: _ESCAPED.get(m.group(), "?"), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """`text` on one line with nothing a terminal or CI log would act on: each unprintable
    character becomes '?'. Every renderer of findings passes file names and messages
    through it, whatever a check put into them."""
    return text if text.isprintable() else re.sub(_UNPRINTABLE, "?", text)


EXIT_OK = 0
EXIT_FINDINGS = 1  # errors (warnings too under --strict)
EXIT_CANNOT_RUN = 2  # bad usage, or an input that cannot be read


class Severity(enum.IntEnum):
    """Ordered so that `max()` gives the worst; FATAL means the input could not be read."""

    INFO = 0
    WARNING = 1
    ERROR = 2
    FATAL = 3

    @property
    def label(self) -> str:
        """The one word for the level in findings, summaries, README and SARIF: `note` for
        INFO, as SARIF and the catalogue name it."""
        return "note" if self is Severity.INFO else self.name.lower()


NO_VALUES: Mapping[str, Any] = MappingProxyType({})


_SEVERITIES = {
    "note": Severity.INFO,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
    "fatal": Severity.FATAL,
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one input file, pinned to a position in it.

    A catalogued finding carries no words: its `kind` (which message of its code, "" for the
    only one) and its `values` (named as `codes.py` declares them) are worded by
    `render.messages`. `message` is the English text of a finding its reader words itself
    (the YAML and ledger readers, pydantic, the IATI validators), empty otherwise."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str = ""
    path: DataPath = field(default=(), compare=False)
    kind: str = ""
    values: Mapping[str, Any] = field(default_factory=lambda: NO_VALUES, compare=False)

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def identity(self) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
        """What tells two findings of one code apart, wherever they stand: its kind, its
        reader's text and its values (compared as text)."""
        return (
            self.code,
            self.kind,
            self.message,
            tuple((k, str(v)) for k, v in self.values.items()),
        )


def finding(
    file: str,
    line: int,
    column: int,
    code: str,
    path: DataPath = (),
    /,
    *,
    kind: str = "",
    severity: Severity | None = None,
    **values: Any,
) -> Diagnostic:
    """A catalogued finding: its code, where it stands and the values its message quotes (the
    names `codes.py` declares for the code and kind); the severity is the catalogue's unless
    given. Words come later, from `render.messages`."""
    names = codes.values(code, kind)
    if names is None or set(names) != set(values):
        raise ValueError(
            f"{codes.message_key(code, kind)} carries {sorted(values)}; the catalogue says {names}"
        )
    if severity is None:
        severity = _SEVERITIES[codes.severity(code, kind)]
    return Diagnostic(file, line, column, code, severity, "", path, kind, MappingProxyType(values))


MAX_PER_CODE = 1000
"""Findings listed per file and code; a ledger with one systematic fault shows these, then one
`more` finding counting the rest, rather than a million lines."""


def more(
    file: str, line: int, code: str, count: int, severity: Severity | None = None
) -> Diagnostic:
    """The finding standing for `count` findings of `code` in `file` not listed, the first of
    them at `line` (`codes.MORE`); of the code's severity unless given."""
    return finding(
        file,
        line,
        1,
        code,
        kind="more",
        severity=severity,
        code=code,
        count=count,
        line=line,
        shown=MAX_PER_CODE,
    )


def stands_for(d: Diagnostic) -> int:
    """How many findings `d` counts as: a `more` finding the number it stands for, any other 1
    (every count of findings a person reads: summaries, banners, notes, footers)."""
    return int(d.values["count"]) if d.kind == "more" and not d.message else 1


def limit(found: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    """`found` in order, with at most `MAX_PER_CODE` findings of a code in a file: those of
    the first lines, and one `more` finding for the others. A `more` finding already made (a
    reader or a check that counted the rest instead of making them) is merged into it."""
    kept: list[Diagnostic] = []
    counts: dict[tuple[str, str], int] = {}
    dropped: dict[tuple[str, str], tuple[int, int, Severity]] = {}  # count, first line, worst
    for item in sorted(found):
        key = (item.file, item.code)
        if item.kind == "more" and not item.message:
            count, line = stands_for(item), item.values["line"]
        else:
            counts[key] = counts.get(key, 0) + 1
            if counts[key] <= MAX_PER_CODE:
                kept.append(item)
                continue
            count, line = 1, item.line
        was = dropped.get(key)
        if was is None:
            dropped[key] = (count, line, item.severity)
        else:
            dropped[key] = (was[0] + count, min(was[1], line), max(was[2], item.severity))
    kept += [more(f, line, c, n, worst) for (f, c), (n, line, worst) in dropped.items()]
    return tuple(sorted(kept))


class Phrase(NamedTuple):
    """Part of a finding's message worded by `render.messages` from its key and values: what a
    sum is of ("the 2024 total 'X'"), a group of figures, a row of the cover table."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()


def phrase(key: str, **values: Any) -> Phrase:
    """A phrase of `codes.PHRASES` with the values it names."""
    names = codes.PHRASES.get(key)
    if names is None or set(names) != set(values):
        raise ValueError(f"phrase {key} carries {sorted(values)}; the catalogue says {names}")
    return Phrase(key, tuple(values.items()))


class Usage(NamedTuple):
    """Why a command cannot run (exit 2), or what an export left out, as data: a key of
    `render/usage.py` and the values its sentence quotes; the command line words it in the
    reader's language."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()


def usage(key: str, **values: Any) -> Usage:
    """A usage problem of `key` quoting `values` (`render/usage.py` words it)."""
    return Usage(key, tuple(values.items()))


class Money(NamedTuple):
    """An amount in a currency (in millions or thousands of it where `unit` says so), quoted
    by a finding; the renderer formats it (babel)."""

    amount: Decimal
    currency: str
    unit: str = "kroner"  # a strategy's unit: kroner, thousand, million (units: as kroner)
