"""Findings as a SARIF 2.1.0 log, the format code-scanning dashboards (GitHub's among them) read.

Artifact URIs are relative to the source root (the git repository's top folder) under the base
id `%SRCROOT%`, so that GitHub places an alert whatever folder iomstrat ran in. Each result
carries a fingerprint of its code, data path and file (`iomstrat/v1`) for SARIF tools that
match by it; GitHub matches alerts by its own `primaryLocationLineHash`, which its upload
action computes from the text of the line, and which we leave to it. Each rule carries the
properties GitHub recommends: `precision` and `problem.severity`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from iomstrat import __version__
from iomstrat.codes import help_text, severity, summary
from iomstrat.findings import Diagnostic, Severity
from iomstrat.render.escape import encodable
from iomstrat.render.paths import under_root

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "iomstrat/v1"
"""The key of our partial fingerprint; a new version if what it hashes ever changes."""

_LEVEL = {
    Severity.FATAL: "error",
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
_DEFAULT_LEVEL = {"fatal": "error", "error": "error", "warning": "warning", "note": "note"}
_PROBLEM_SEVERITY = {
    "fatal": "error",
    "error": "error",
    "warning": "warning",
    "note": "recommendation",
}
"""GitHub's `problem.severity` (error, warning, recommendation) of each level."""
PRECISION = "very-high"
"""GitHub's `precision` of every rule: each check is a computation on the file, not a guess."""


def _uri(path: str) -> str:
    """A path as URI text: its bytes (a name that is not UTF-8 keeps its own) percent-encoded."""
    return quote(os.fsencode(path), safe="/")


def artifact_location(file: str, root: str | None) -> dict[str, str]:
    """Relative to `root` under `%SRCROOT%` when the file is inside it; otherwise a file: URI
    (absolute) or the path as given (relative, outside any root)."""
    if file == "-":
        return {"uri": "stdin"}
    relative = under_root(file, root)
    if relative is not None:
        return {"uri": _uri(relative), "uriBaseId": SOURCE_ROOT}
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": "file://" + _uri(path.as_posix())}
    return {"uri": _uri(path.as_posix())}


def _fingerprint(diagnostic: Diagnostic, uri: str, seen: dict[str, int]) -> str:
    """Code, data path and file: stable when lines move. A finding without a data path (the
    YAML could not be read that far) falls back on its line. Repeats get a running number."""
    where: list[Any] = list(diagnostic.path) if diagnostic.path else ["line", diagnostic.line]
    key = json.dumps([diagnostic.code, where, uri], ensure_ascii=True, default=str)
    digest = hashlib.sha256(key.encode("ascii")).hexdigest()
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


def _result(
    diagnostic: Diagnostic, rule_index: int, root: str | None, seen: dict[str, int], locale: str
) -> dict[str, Any]:
    from iomstrat.render.messages import text

    location = artifact_location(diagnostic.file, root)
    physical: dict[str, Any] = {"artifactLocation": location}
    if diagnostic.line >= 1:
        region = {"startLine": diagnostic.line}
        if diagnostic.column >= 1:
            region["startColumn"] = diagnostic.column
        physical["region"] = region
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[diagnostic.severity],
        "message": _message(text(diagnostic), text(diagnostic, locale) if locale != "en" else ""),
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT: _fingerprint(diagnostic, location["uri"], seen)},
    }


def rule(code: str) -> dict[str, Any]:
    """A rule from the catalogue: its summary, a full description, what to do, its level."""
    text = summary(code)
    if not text:
        return {"id": code}
    advice = help_text(code)
    full = f"{text[0].upper()}{text[1:]}."
    described: dict[str, Any] = {
        "id": code,
        "shortDescription": {"text": text},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": _DEFAULT_LEVEL[severity(code)]},
        "properties": {
            "precision": PRECISION,
            "problem.severity": _PROBLEM_SEVERITY[severity(code)],
        },
    }
    if advice:
        described["help"] = {
            "text": f"{code}: {full} {advice}",
            "markdown": f"**{code}**: {full}\n\n{advice}",
        }
    return described


def _message(english: str, translated: str) -> dict[str, str]:
    """English text (what code scanning shows); a translation, if any, as its markdown."""
    message = {"text": encodable(english)}
    if translated:
        message["markdown"] = encodable(translated)
    return message


def sarif_log(
    diagnostics: Sequence[Diagnostic], root: str | None = None, locale: str = "en"
) -> dict[str, Any]:
    """One run of iomstrat; one rule per finding code that occurs, in code order. `root` is
    the source root (the repository's top folder) URIs are relative to. Messages are English;
    under `locale` da each also carries its Danish wording as `markdown`."""
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    seen: dict[str, int] = {}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "iomstrat",
                "version": __version__,
                "rules": [rule(code) for code in codes],
            }
        },
    }
    if root is not None:
        base = PurePath(os.path.abspath(root)).as_posix().rstrip("/") + "/"
        run["originalUriBaseIds"] = {SOURCE_ROOT: {"uri": "file://" + _uri(base)}}
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [_result(d, index[d.code], root, seen, locale) for d in diagnostics]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(
    diagnostics: Sequence[Diagnostic], root: str | None = None, locale: str = "en"
) -> str:
    return json.dumps(sarif_log(diagnostics, root, locale), ensure_ascii=False, indent=2) + "\n"
