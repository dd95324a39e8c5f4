"""The mark of figures that rest on payments not all read and accepted: a banner for people
(table, Markdown, xlsx, HTML), `complete` for machines (JSON, CSV), and the note on stderr when
figures are withheld."""

from __future__ import annotations

import os
from typing import Any

from iomstrat.render.words import word
from iomstrat.results.completeness import Completeness


def _counted(key: str, n: int, locale: str) -> str:
    """'1 error' / '3 errors': a count in the number it agrees with."""
    return word(key if n == 1 else key + "s", locale).format(n=n)


def _causes(completeness: Completeness, locale: str) -> str:
    """What the errors are about, as a list: 'the plan, payments and exchange rates'."""
    several = len(completeness.files) > 1
    names = [
        word("cause_left_out_files" if c == "left_out" and several else f"cause_{c}", locale)
        for c in completeness.causes
    ]
    return word("and_last", locale).join(
        [", ".join(names[:-1]), names[-1]] if names[:-1] else names
    )


def _values(completeness: Completeness, locale: str) -> dict[str, Any]:
    files = ", ".join(os.path.basename(f) for f in completeness.files[:5])
    if len(completeness.files) > 5:
        files += ", …"
    rows = completeness.rows_left_out
    return {
        "errors": _counted("incomplete_error", completeness.errors, locale),
        "causes": _causes(completeness, locale),
        "files": files,
        "rows": _counted("incomplete_row", rows, locale) if rows else "",
    }


def banner(completeness: Completeness, locale: str) -> str:
    """One line above the figures; empty when they are complete."""
    if completeness.complete:
        return ""
    return word("incomplete", locale).format(**_values(completeness, locale))


def withheld_note(completeness: Completeness, locale: str) -> str:
    """Why no figures were written (stderr)."""
    return "iomstrat: " + word("withheld", locale).format(**_values(completeness, locale)) + "\n"


def json_mark(completeness: Completeness) -> dict[str, Any]:
    """The top-level keys of a JSON document of figures: `complete`, and the findings that make
    it incomplete."""
    from iomstrat.render.diagnostics import finding_data

    mark: dict[str, Any] = {"complete": completeness.complete}
    if not completeness.complete:
        mark["findings"] = [finding_data(d) for d in completeness.withheld]
    return mark


def csv_mark(completeness: Completeness) -> str:
    """The `complete` column of every CSV row: `true` or `false`, whatever the locale."""
    return "true" if completeness.complete else "false"


def mark_journal(text: str, completeness: Completeness) -> str:
    """An hledger journal with the banner as its first comment (`--partial`)."""
    if completeness.complete:
        return text
    return f"; {banner(completeness, 'en')}\n{text}"


def mark_xml(text: str, completeness: Completeness) -> str:
    """An XML document with the banner as a comment after its declaration (`--partial`)."""
    if completeness.complete:
        return text
    comment = "<!-- " + banner(completeness, "en").replace("--", "- -") + " -->\n"
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        newline = text[end : end + 1] == "\n"
        return text[: end + newline] + ("" if newline else "\n") + comment + text[end + newline :]
    return comment + text
