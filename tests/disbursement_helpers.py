"""Helpers for the disbursement tests: the illustrative example, edited, in a temporary folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iomstrat.core.pipeline import Run, check_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"
LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"
YEAR_END = dt.date(2023, 12, 31)


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def ledger_text() -> str:
    return LEDGER.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def write_example(folder: Path, text: str | None = None, ledger: str | None = None) -> Path:
    """The example (or `text`) and its CSV ledger (or `ledger`) written into `folder`."""
    path = folder / "illustrative_2023.yaml"
    path.write_text(example_text() if text is None else text, encoding="utf-8")
    (folder / LEDGER.name).write_text(ledger_text() if ledger is None else ledger, "utf-8")
    return path


def line_in(text: str, needle: str) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def codes(
    folder: Path,
    text: str | None = None,
    ledger: str | None = None,
    as_of: dt.date = YEAR_END,
    prefix: str = "IOM4",
) -> list[str]:
    """'file-name:line:CODE' for every IOM4xx finding (or `prefix`) above info, in order."""
    path = write_example(folder, text, ledger)
    result = check_file(str(path), Run(as_of))
    return [
        f"{Path(d.file).name}:{d.line}:{d.code}"
        for d in result.diagnostics
        if d.code.startswith(prefix) and d.severity.name != "INFO"
    ]
