"""Shared test helpers: the real data file, a CLI runner that lets exceptions through,
and a `findings` helper that reads like the data (line:code pairs)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.core import pipeline

app = build()

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "data" / "strategy_2023_2026.yaml"
AS_OF = dt.date(2022, 12, 1)  # before the period: no year has started yet


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, input: str | None = None) -> Run:
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def real_text() -> str:
    return DATA_FILE.read_text(encoding="utf-8")


def draft_text() -> str:
    """The data file as it transcribes the draft, without the record of the signed version
    (`versions:`, at its end): for tests of a rule or a format rather than of the data."""
    text = real_text()
    return text[: text.index("\n# Later versions of the document")] + "\n"


def edited(old: str, new: str, *, count: int = 1) -> str:
    """The real data file with `old` replaced by `new` (which must occur)."""
    text = real_text()
    assert old in text, old
    return text.replace(old, new, count)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def findings(tmp_path: Path, text: str, as_of: dt.date = AS_OF) -> list[str]:
    """'line:CODE' for every finding above info level in `text`, but those of the document's
    statements (IOM8xx: the real file's known disagreements, its annexes not beside it),
    which tests/test_statements.py tests."""
    path = tmp_path / "strategy.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = pipeline.check_file(str(path), pipeline.Run(as_of))
    return [
        f"{d.line}:{d.code}"
        for d in result.diagnostics
        if d.severity.name != "INFO" and not d.code.startswith("IOM8")
    ]


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(text: str, name: str = "strategy.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate` prints GitHub annotations by default under GitHub Actions; tests that want
    that set GITHUB_ACTIONS themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def require_tool(name: str, install: str) -> str:
    """The path of an external program a test runs (hledger, LibreOffice…). Where it is missing
    the test is skipped with a visible reason on a workstation, and FAILS under CI (CI=true), so
    that a check of the real tool can never pass by not running."""
    path = shutil.which(name)
    if path:
        return path
    not_run(f"{name.upper()} TEST NOT RUN: `{name}` is not installed; {install}")


def not_run(message: str) -> NoReturn:
    """Skip with `message` on a workstation; fail with it under CI (CI=true)."""
    if os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
        pytest.fail(message)
    pytest.skip(message)
