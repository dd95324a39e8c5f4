"""Findings to text: one line each for people, JSON for programs, GitHub annotations for CI."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from iomstrat.findings import Diagnostic, Severity, printable, stands_for
from iomstrat.render.escape import workflow_data, workflow_property
from iomstrat.render.formats import DiagnosticFormat
from iomstrat.render.paths import under_root


def message(d: Diagnostic, locale: str = "en") -> str:
    """The finding's message for people in `locale` (`render.messages`), on one printable
    line."""
    from iomstrat.render.messages import text

    return printable(_one_line(text(d, locale)))


def _one_line(text: str) -> str:
    # one finding, one line, whatever a value it quotes holds
    return text if "\n" not in text and "\r" not in text else " ".join(text.splitlines())


def line(d: Diagnostic, locale: str = "en") -> str:
    """'file:line:col: severity CODE message', the severity and message in `locale`."""
    if locale == "en":  # the common case, without loading the table of words
        label = d.severity.label
    else:
        from iomstrat.render.words import severity

        label = severity(d.severity.label, locale)
    return f"{printable(d.location())}: {label} {d.code} {message(d, locale)}"


def render_text(diagnostics: Sequence[Diagnostic], locale: str = "en") -> str:
    """One line per finding, whatever its file name or message holds: a line break in a
    quoted voucher can never start a line (a `::error` workflow command under GitHub Actions),
    an escape sequence never reaches the terminal."""
    return "".join(line(d, locale) + "\n" for d in diagnostics)


def finding_data(d: Diagnostic, locale: str = "en") -> dict[str, Any]:
    """A finding as plain data for JSON, its message in `locale` and the values it quotes (as
    text): the findings list, a figures document's `findings`, a diff's."""
    from iomstrat.render.messages import json_values, text

    return {
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": d.severity.label,
        "message": text(d, locale),
        "path": list(d.path),
        "values": json_values(d),
    }


def render_json(diagnostics: Sequence[Diagnostic], locale: str = "en") -> str:
    """Each finding with its message in `locale` and the values it quotes (as text)."""
    import json  # here, not above: text output, the common case, does not need it

    items = [finding_data(d, locale) for d in diagnostics]
    return json.dumps(items, ensure_ascii=False, indent=2, default=str) + "\n"


_GITHUB_LEVEL = {
    Severity.FATAL: "error",
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


ANNOTATIONS_PER_LEVEL = 10
"""Annotations of one level (error, warning, notice) GitHub shows per step; the runner drops
the rest silently (and shows at most 50 per job)."""


def _annotation(d: Diagnostic, locale: str, root: str | None) -> str:
    from iomstrat.render.messages import text

    return (
        f"::{_GITHUB_LEVEL[d.severity]} file={workflow_property(_github_path(d.file, root))},"
        f"line={d.line},col={d.column},title={workflow_property(d.code)}::"
        f"{workflow_data(text(d, locale))}\n"
    )


def _github_path(file: str, root: str | None) -> str:
    """GitHub attaches an annotation to a pull request's file only by its path relative to the
    repository, without `./`; a file outside it keeps its path, tidied."""
    relative = under_root(file, root)
    if relative is not None:
        return relative
    return file if file == "-" else os.path.normpath(file)


def _shown(diagnostics: Sequence[Diagnostic]) -> set[int]:
    """Which findings (by index) become annotations: per level, at most the number GitHub
    shows, taken in turn from each file so that every file with findings gets some."""
    shown: set[int] = set()
    for level in set(_GITHUB_LEVEL.values()):
        by_file: dict[str, list[int]] = {}
        for i, d in enumerate(diagnostics):
            if _GITHUB_LEVEL[d.severity] == level:
                by_file.setdefault(d.file, []).append(i)
        queues = list(by_file.values())
        taken = 0
        while taken < ANNOTATIONS_PER_LEVEL and any(queues):
            for queue in queues:
                if queue and taken < ANNOTATIONS_PER_LEVEL:
                    shown.add(queue.pop(0))
                    taken += 1
    return shown


def render_github(
    diagnostics: Sequence[Diagnostic], locale: str = "en", root: str | None = None
) -> str:
    """GitHub Actions workflow commands, one line each: `::error file=…,line=…,col=…,title=…::
    message`; at most 10 per level, then one line counting, per level and file, the rest.
    `root`: the folder paths are relative to (the repository's top folder)."""
    shown = _shown(diagnostics)
    lines = [_annotation(d, locale, root) for i, d in enumerate(diagnostics) if i in shown]
    hidden: dict[str, dict[str, int]] = {}
    for i, d in enumerate(diagnostics):
        if i not in shown:
            per_file = hidden.setdefault(_GITHUB_LEVEL[d.severity], {})
            per_file[d.file] = per_file.get(d.file, 0) + stands_for(d)
    if hidden:
        from iomstrat.render.words import word

        parts = [
            _more(level, sum(files.values()), locale)
            + " ("
            + ", ".join(
                f"{workflow_data(_github_path(file, root))}: {n}" for file, n in files.items()
            )
            + ")"
            for level, files in sorted(hidden.items())
        ]
        said = word("github_hidden", locale).format(n=ANNOTATIONS_PER_LEVEL, parts="; ".join(parts))
        lines.append(f"iomstrat: {said}\n")
    return "".join(lines)


def render(
    diagnostics: Sequence[Diagnostic],
    fmt: DiagnosticFormat,
    *,
    root: str | None = None,
    locale: str = "en",
) -> str:
    """`root`: the folder SARIF URIs and GitHub paths are relative to (the repository's top
    folder). SARIF is English (as code scanning expects), with the Danish message as its
    markdown under `locale` da."""
    if fmt is DiagnosticFormat.sarif:
        from iomstrat.render.sarif import render_sarif  # only SARIF output loads it (and json)

        return render_sarif(diagnostics, root, locale)
    if fmt is DiagnosticFormat.github:
        return render_github(diagnostics, locale, root)
    renderers = {
        DiagnosticFormat.text: render_text,
        DiagnosticFormat.json: render_json,
    }
    return renderers[fmt](diagnostics, locale)


def skipped_note(path: str, locale: str = "en") -> str:
    """The one line for a YAML file that is neither a strategy nor a table."""
    from iomstrat.render.words import word

    return f"iomstrat: {word('notice_skipped', locale).format(file=workflow_data(path))}\n"


def summary(
    diagnostics: Sequence[Diagnostic], files: int, locale: str = "en", skipped: int = 0
) -> str:
    """'2 files checked: 1 error, 0 warnings, 3 notes'; with `skipped` other tools' YAML files,
    how many were left alone. A finding counting those not listed counts as them all."""
    from iomstrat.render.words import word

    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += stands_for(d)
    errors = counts[Severity.ERROR] + counts[Severity.FATAL]

    def count(number: int, key: str) -> str:
        return word(f"count_{key}" + ("" if number == 1 else "s"), locale).format(n=number)

    left = word("summary_skipped", locale).format(n=count(skipped, "yaml")) if skipped else ""
    return (
        word("summary", locale).format(
            files=count(files, "file"),
            skipped=left,
            errors=count(errors, "error"),
            warnings=count(counts[Severity.WARNING], "warning"),
            notes=count(counts[Severity.INFO], "note"),
        )
        + "\n"
    )


def _more(level: str, count: int, locale: str) -> str:
    """'3 more errors' / '3 fejl mere': the annotations of a level GitHub does not show."""
    from iomstrat.render.words import word

    return word(f"github_more_{level}{'_one' if count == 1 else ''}", locale).format(n=count)
