"""Every check code, with a failing and a passing case, on edits of the real data file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iomstrat.render.messages import text as message

from .conftest import draft_text, edited, findings, line_of, real_text

APPROVED_2023 = """  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
    note: Approved as planned."""
PLANNED_2023 = """  - year: 2023
    status: planned
    note: Planned; subject to annual parliamentary approval."""


def test_real_file_is_clean_before_the_period(tmp_path: Path) -> None:
    assert findings(tmp_path, real_text()) == []


def test_iom101_changed_amount_breaks_both_totals_and_the_cover(tmp_path: Path) -> None:
    text = edited("amounts: {2023: 48, 2024: 48,", "amounts: {2023: 48, 2024: 47,")
    subtotal = line_of(text, "stated: {2023: 98")
    total = line_of(text, "stated: {2023: 100")
    commitment = line_of(text, "by_year: {2023: 100", 1)
    projected = line_of(text, "by_year: {2023: 100", 2)
    assert findings(tmp_path, text) == [
        f"{subtotal}:IOM101",
        f"{total}:IOM101",
        f"{commitment}:IOM103",  # 2024 against the computed total
        f"{commitment + 1}:IOM103",  # the four-year total 400
        f"{projected}:IOM103",
        f"{projected + 1}:IOM103",
    ]


def test_iom102_rounding_size_difference_is_a_warning(tmp_path: Path) -> None:
    text = edited("stated: {2023: 98,", "stated: {2023: 98.4,")
    line = line_of(text, "stated: {2023: 98.4")
    assert findings(tmp_path, text) == [f"{line}:IOM102"]


def test_exact_decimals_add_up(tmp_path: Path) -> None:
    text = edited("amounts: {2023: 48,", "amounts: {2023: 47.1,")
    text = text.replace("amounts: {2023: 50,", "amounts: {2023: 50.7,")
    text = text.replace("amounts: {2023: 2,", "amounts: {2023: 2.2,")
    text = text.replace("stated: {2023: 98,", "stated: {2023: 97.8,")
    assert findings(tmp_path, text) == []


def test_iom301_finance_act_code_form(tmp_path: Path) -> None:
    # A group of one digit; `06.32.10.14` without its § is the same code (read as such).
    text = edited(
        'finance_act_code: "§06.32.10.14"           # cover',
        'finance_act_code: "§6.32.10.14"           # cover',
    )
    line = line_of(text, '"§6.32.10.14"')
    assert findings(tmp_path, text) == [f"{line}:IOM301"]
    same = edited(
        'finance_act_code: "§06.32.10.14"           # cover',
        'finance_act_code: "06.32.10.14"           # cover',
    )
    assert findings(tmp_path, same) == []


def test_iom302_missing_and_outside_years(tmp_path: Path) -> None:
    text = edited(
        "amounts: {2023: 2, 2024: 2, 2025: 2, 2026: 2}",
        "amounts: {2023: 2, 2024: 2, 2025: 2, 2027: 2}",
    )
    line = line_of(text, "2027: 2")
    result = findings(tmp_path, text)
    assert result.count(f"{line}:IOM302") == 2  # 2027 outside, 2026 missing
    assert f"{line_of(text, 'stated: {2023: 100')}:IOM101" in result


def test_iom303_negative_amount(tmp_path: Path) -> None:
    text = edited("amounts: {2023: 2,", "amounts: {2023: -2,")
    assert f"{line_of(text, '2023: -2')}:IOM303" in findings(tmp_path, text)


def test_iom304_duplicate_line_id(tmp_path: Path) -> None:
    text = edited("    - id: personnel", "    - id: core")
    assert f"{line_of(text, '- id: core', 2)}:IOM304" in findings(tmp_path, text)


def test_iom305_total_names_unknown_line(tmp_path: Path) -> None:
    text = edited("lines: [core, soft_earmarked]", "lines: [core, soft_earmarkd]")
    assert f"{line_of(text, 'soft_earmarkd')}:IOM305" in findings(tmp_path, text)


def test_iom306_more_precise_than_one_ore(tmp_path: Path) -> None:
    text = edited("amounts: {2023: 2,", "amounts: {2023: 2.000000001,")
    assert f"{line_of(text, '2.000000001')}:IOM306" in findings(tmp_path, text)
    ok = edited("amounts: {2023: 2,", "amounts: {2023: 2.00000001,")
    assert f"{line_of(ok, '2.00000001')}:IOM306" not in findings(tmp_path, ok)


def test_iom201_year_without_approval_entry(tmp_path: Path) -> None:
    text = edited(PLANNED_2023 + "\n", "")
    assert findings(tmp_path, text) == [f"{line_of(text, 'approvals:')}:IOM201"]


def test_iom202_approval_outside_period(tmp_path: Path) -> None:
    text = draft_text() + PLANNED_2023.replace("2023", "2027") + "\n"
    assert findings(tmp_path, text) == [f"{line_of(text, 'year: 2027')}:IOM202"]


def test_approval_recorded_is_clean(tmp_path: Path) -> None:
    text = edited(PLANNED_2023, APPROVED_2023)
    assert findings(tmp_path, text, dt.date(2023, 6, 1)) == []


def test_iom203_reduction_without_amount(tmp_path: Path) -> None:
    text = edited(PLANNED_2023, APPROVED_2023.replace("approved\n", "reduced\n"))
    assert findings(tmp_path, text) == [f"{line_of(text, 'status: reduced')}:IOM203"]


def test_reduction_with_amount_is_clean_and_shows_in_table(tmp_path: Path) -> None:
    # Below the 75 million of 2023 as signed.
    reduced = APPROVED_2023.replace("approved\n", "reduced\n") + "\n    amount: 70"
    text = edited(PLANNED_2023, reduced)
    assert findings(tmp_path, text) == []


def test_iom204_inconsistent_flags(tmp_path: Path) -> None:
    planned_with_act = PLANNED_2023 + "\n    finance_act: Finance Act 2023"
    text = edited(PLANNED_2023, planned_with_act)
    assert findings(tmp_path, text) == [f"{line_of(text, 'status: planned')}:IOM451"]
    approved_lower = APPROVED_2023 + "\n    amount: 90"
    text = edited(PLANNED_2023, approved_lower)
    assert findings(tmp_path, text) == [f"{line_of(text, 'amount: 90')}:IOM204"]
    reduced_higher = APPROVED_2023.replace("approved\n", "reduced\n") + "\n    amount: 100"
    text = edited(PLANNED_2023, reduced_higher)
    assert findings(tmp_path, text) == [f"{line_of(text, 'amount: 100')}:IOM204"]
    no_date = APPROVED_2023.replace("    decided_on: 2023-03-15\n", "")
    text = edited(PLANNED_2023, no_date)
    assert findings(tmp_path, text) == [f"{line_of(text, 'status: approved')}:IOM451"]


def test_iom205_started_year_without_approval(tmp_path: Path) -> None:
    text = real_text()
    lines = [line_of(text, "status: planned", n) for n in (1, 2)]
    assert findings(tmp_path, text, dt.date(2024, 1, 1)) == [f"{n}:IOM205" for n in lines]
    assert findings(tmp_path, text, dt.date(2022, 12, 31)) == []


def test_iom206_notes_years_subject_to_approval(tmp_path: Path) -> None:
    from iomstrat.core.pipeline import Run, check_file

    path = tmp_path / "s.yaml"
    path.write_text(real_text(), encoding="utf-8")
    notes = [
        d for d in check_file(str(path), Run(dt.date(2025, 6, 1))).diagnostics if d.code == "IOM206"
    ]
    assert [message(d) for d in notes] == [
        "2026: DKK 100 million planned, subject to annual parliamentary approval"
    ]


def test_an_amount_in_kroner_in_a_file_of_millions_gets_the_hint(tmp_path: Path) -> None:
    """`amount: 90000000` where the file counts in DKK million: the finding says so, in
    English and Danish; an amount near the plan gets no hint."""
    from iomstrat.core import pipeline

    from .conftest import AS_OF

    reduced = APPROVED_2023.replace("approved\n", "reduced\n")
    path = tmp_path / "strategy.yaml"

    def iom204(amount: str) -> object:
        path.write_text(edited(PLANNED_2023, reduced + f"\n    amount: {amount}"), encoding="utf-8")
        diagnostics = pipeline.check_file(str(path), pipeline.Run(AS_OF)).diagnostics
        [finding] = [d for d in diagnostics if d.code == "IOM204"]
        return finding

    finding = iom204("90000000")
    assert message(finding) == (  # type: ignore[arg-type]
        "2023 is 'reduced' to 90,000,000, not below the planned 75; the file counts in DKK "
        "million (`unit: million`): 90,000,000 DKK is written 90"
    )
    assert "filen regner i DKK mio. (`unit: million`)" in message(finding, "da")  # type: ignore[arg-type]
    assert message(iom204("100")) == (  # type: ignore[arg-type]
        "2023 is 'reduced' to 100, not below the planned 75"
    )
