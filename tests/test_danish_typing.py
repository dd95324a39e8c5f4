"""Numbers and dates as a Danish hand types them: one finding each, quoting what was written and
saying what to write; the value meant is kept, so that nothing else reports the same text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from iomstrat.core import pipeline
from iomstrat.render.messages import text as worded

from .conftest import AS_OF, edited, line_of

AMOUNTS = "amounts: {2023: 48, 2024: 48,"
TOTAL = "    total: 400"
APPROVAL = "  - year: 2023\n    status: planned"


@pytest.mark.parametrize(
    ("old", "new", "severity", "message"),
    [
        # in a flow mapping YAML splits at the comma: 47 and a key 5 (was: "amounts[5]")
        (AMOUNTS, "amounts: {2023: 48, 2024: 47,5,", "error",
         "'47,5' reads as two values, split at the comma; write 47.5 (a decimal point, not a "
         "comma)"),
        # ... and a key 5 again in the next line's mapping (was: "duplicate key '5'")
        (AMOUNTS, "amounts: {2023: 42,5, 2024: 48,", "error", "write 42.5"),
        (AMOUNTS, "amounts: {2023: 1,500, 2024: 48,", "error",
         "'1,500' reads as two values, split at the comma; write 1500 without thousands "
         "separators (or 1.5 if the comma is a decimal comma)"),
        (TOTAL, "    total: 400,5", "error",
         "'400,5' is not a number; write 400.5 (a decimal point, not a comma)"),
        (TOTAL, "    total: 90.000.000", "error",
         "'90.000.000' groups thousands with points; write 90000000"),
        (TOTAL, "    total: 1.500,25", "error", "'1.500,25' groups thousands with points; "
         "write 1500.25"),
        (TOTAL, "    total: 1,500,000", "error", "'1,500,000' groups thousands with commas; "
         "write 1500000"),
        (APPROVAL, APPROVAL + "\n    decided_on: 15-03-2023", "error",
         "'15-03-2023' is a date written day-month-year; write 2023-03-15 (year-month-day)"),
        (APPROVAL, APPROVAL + "\n    decided_on: 15.3.2023", "error", "write 2023-03-15"),
        (APPROVAL, APPROVAL + "\n    decided_on: 31-02-2023", "error",
         "'31-02-2023' is not a valid date"),
    ],
)  # fmt: skip
def test_one_finding_quoting_the_text_and_what_to_write(
    tmp_path: Path, old: str, new: str, severity: str, message: str
) -> None:
    text = edited(old, new)
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    checked = pipeline.check_file(str(path), pipeline.Run(AS_OF))
    found = [d for d in checked.diagnostics if d.code != "IOM206"]
    typed = new.splitlines()[-1].strip()
    assert [(d.line, d.code, d.severity.label) for d in found][:1] == [
        (line_of(text, typed), "IOM005", severity)
    ]
    assert message in worded(found[0])
    if "31-02" not in new:  # an impossible date is also a wrong type for the model
        assert len([d for d in found if d.line == found[0].line]) == 1


def test_the_value_meant_is_kept(tmp_path: Path) -> None:
    from iomstrat.loader.documents import load_text

    doc = load_text("s.yaml", "a: {2024: 47,5, 2025: 1}\nb: 90.000.000\nc: 15-03-2023\n")
    assert doc.data == {
        "a": {2024: Decimal("47.5"), 2025: 1},
        "b": Decimal(90_000_000),
        "c": dt.date(2023, 3, 15),
    }
    assert [d.code for d in doc.diagnostics] == ["IOM005"] * 3


def test_three_decimals_may_be_danish_thousands(tmp_path: Path) -> None:
    """2.055 is a number in YAML, and 2055 to a Danish hand: a warning, the value as written."""
    from iomstrat.loader.documents import load_text

    doc = load_text("s.yaml", "a: 2.055\nb: 2.05\nc: 0.125\nd: 1250.500\n")
    assert doc.data["a"] == Decimal("2.055")
    assert [(d.line, d.severity.label) for d in doc.diagnostics] == [(1, "warning")]
    assert "write 2055" in worded(doc.diagnostics[0])
    # in Danish the same values, and what to write stays the file's own digits
    assert worded(doc.diagnostics[0], "da") == (
        "'2.055' læses som 2.055 med decimalpunktum; skiller punktummet tusinder, så skriv 2055"
    )


def test_lists_and_spaced_commas_are_not_numbers_split() -> None:
    from iomstrat.loader.documents import load_text

    doc = load_text("s.yaml", "a: {2023: 1, 2024: 2}\nb: [47,5]\n")
    assert doc.data == {"a": {2023: 1, 2024: 2}, "b": [47, 5]}
    assert doc.diagnostics == []
