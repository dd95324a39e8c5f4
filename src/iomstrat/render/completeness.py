"""The mark of figures that rest on payments not all read and accepted: a banner for people
(table, Markdown, xlsx, HTML), `complete` for machines (JSON, CSV), and the note on stderr when
figures are withheld."""

from __future__ import annotations

import os
from typing import Any

from iomstrat.render.words import word
from iomstrat.results.completeness import Completeness


def _values(completeness: Completeness) -> dict[str, Any]:
    files = ", ".join(os.path.basename(f) for f in completeness.files[:5])
    if len(completeness.files) > 5:
        files += ", …"
    return {"n": len(completeness.withheld), "files": files, "rows": completeness.rows_left_out}


def banner(completeness: Completeness, locale: str) -> str:
    """One line above the figures; empty when they are complete."""
    if completeness.complete:
        return ""
    return word("incomplete", locale).format(**_values(completeness))


def withheld_note(completeness: Completeness, locale: str) -> str:
    """Why no figures were written (stderr)."""
    return "iomstrat: " + word("withheld", locale).format(**_values(completeness)) + "\n"


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
