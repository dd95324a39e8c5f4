"""Findings as a SARIF 2.1.0 log, the format code-scanning dashboards (GitHub's among them) read."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from iomstrat import __version__
from iomstrat.codes import summary
from iomstrat.findings import Diagnostic, Severity

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_LEVEL = {
    Severity.FATAL: "error",
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def artifact_uri(file: str) -> str:
    """A relative path stays relative (code scanning resolves it from the repository root);
    an absolute one becomes a file: URI."""
    if file == "-":
        return "stdin"
    path = PurePath(file)
    # bytes, not str: a file name that is not UTF-8 (lone surrogates) is quoted byte by byte
    return path.as_uri() if path.is_absolute() else quote(os.fsencode(path.as_posix()))


def _result(diagnostic: Diagnostic, rule_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(diagnostic.file)}}
    if diagnostic.line >= 1:
        region = {"startLine": diagnostic.line}
        if diagnostic.column >= 1:
            region["startColumn"] = diagnostic.column
        physical["region"] = region
    return {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": physical}],
    }


def _rule(code: str) -> dict[str, Any]:
    text = summary(code)
    return {"id": code, "shortDescription": {"text": text}} if text else {"id": code}


def sarif_log(diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    """One run of iomstrat; one rule per finding code that occurs, in code order."""
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "iomstrat",
                        "version": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.code]) for d in diagnostics],
            }
        ],
    }


def render_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps(sarif_log(diagnostics), ensure_ascii=False, indent=2) + "\n"
