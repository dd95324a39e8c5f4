"""Findings to text: one line each for people, JSON for programs, GitHub annotations for CI."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from iomstrat.findings import Diagnostic, Severity, printable


class DiagnosticFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def render_text(diagnostics: Sequence[Diagnostic]) -> str:
    """One line per finding, whatever its file name or message holds: a line break in a
    quoted voucher can never start a line (a `::error` workflow command under GitHub Actions),
    an escape sequence never reaches the terminal."""
    return "".join(
        f"{printable(d.location())}: {d.severity.label} {d.code} {printable(d.message)}\n"
        for d in diagnostics
    )


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    import json  # here, not above: text output, the common case, does not need it

    items = [
        {
            "file": d.file,
            "line": d.line,
            "column": d.column,
            "code": d.code,
            "severity": d.severity.label,
            "message": d.message,
            "path": list(d.path),
        }
        for d in diagnostics
    ]
    return json.dumps(items, ensure_ascii=False, indent=2, default=str) + "\n"


_GITHUB_LEVEL = {
    Severity.FATAL: "error",
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`."""
    return "".join(
        f"::{_GITHUB_LEVEL[d.severity]} file={_escape_property(d.file)},line={d.line},"
        f"col={d.column},title={_escape_property(d.code)}::{_escape_data(d.message)}\n"
        for d in diagnostics
    )


def render(diagnostics: Sequence[Diagnostic], fmt: DiagnosticFormat) -> str:
    if fmt is DiagnosticFormat.sarif:
        from iomstrat.render.sarif import render_sarif  # only SARIF output loads it (and json)

        return render_sarif(diagnostics)
    renderers = {
        DiagnosticFormat.text: render_text,
        DiagnosticFormat.json: render_json,
        DiagnosticFormat.github: render_github,
    }
    return renderers[fmt](diagnostics)


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    counts = {s: sum(1 for d in diagnostics if d.severity is s) for s in Severity}
    errors = counts[Severity.ERROR] + counts[Severity.FATAL]
    parts = [
        _count(files, "file") + " checked:",
        _count(errors, "error") + ",",
        _count(counts[Severity.WARNING], "warning") + ",",
        _count(counts[Severity.INFO], "note"),
    ]
    return " ".join(parts) + "\n"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
