"""The dialogue at the file's cadence: allocations name a year, a half-year or a quarter, as the
file's `dialogue.every_months` says; a decision dated outside its period is reported; as of a
date, a dialogue line without a recent decision is a warning naming the last one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iomstrat.core.pipeline import Run, check_file
from iomstrat.render.messages import text as message

from .conftest import ROOT, run_cli
from .disbursement_helpers import edit, line_in

UNHCR = ROOT / "examples" / "illustrative_unhcr_2024.yaml"
END_2024 = dt.date(2024, 12, 31)
ANNUAL = "dialogue: {lines: [soft_earmarked], every_months: 12, source: section 4}\n"


def annual(period: str = "2024", date: str = "2024-01-15") -> str:
    """The UNHCR-like example with an annual dialogue on its soft-earmarked line."""
    text = UNHCR.read_text(encoding="utf-8")
    text = edit(
        text,
        "  - date: 2024-03-01\n    half_year: 2024-H1\n",
        f"  - date: {date}\n    period: {period}\n",
    )
    return text + ANNUAL


def findings(folder: Path, text: str, as_of: dt.date = END_2024) -> list[tuple[int, str, str]]:
    """(line, code, message) above info level, but for the years not yet approved (IOM205)."""
    path = folder / "unhcr.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        (d.line, d.code, message(d))
        for d in check_file(str(path), Run(as_of)).diagnostics
        if d.severity.name != "INFO" and d.code != "IOM205"
    ]


def test_an_annual_dialogue_with_allocations_for_a_year_validates(tmp_path: Path) -> None:
    # Decision of 15 January for 2024: DKK 60 million; payments of 30 and 25 million after it.
    assert findings(tmp_path, annual()) == []
    path = tmp_path / "unhcr.yaml"
    run = run_cli("validate", str(path), "--as-of", "2024-12-31", "--strict")
    assert run.exit_code == 0, run.stdout


def test_a_decision_shortly_before_its_year_counts_in_that_year(tmp_path: Path) -> None:
    # Decided on 1 December 2023 for 2024: within one period before it, and its money is 2024's
    # (the payments of 2024 are allocated by it).
    assert findings(tmp_path, annual(date="2023-12-01"), dt.date(2024, 11, 30)) == []


def test_a_decision_dated_outside_its_period_is_reported(tmp_path: Path) -> None:
    text = annual(date="2025-05-14")
    # The payments of 2024 are not allocated by their dates either.
    assert [(line, code) for line, code, _ in findings(tmp_path, text)] == [
        (line_in(text, "- date: 2025-05-14"), "IOM441"),
        (line_in(text, "UN-2024-002"), "IOM403"),
        (line_in(text, "UN-2024-003"), "IOM403"),
    ]
    assert findings(tmp_path, text)[0][2] == (
        "dialogue decision of 2025-05-14 is for 2024 (2024-01-01 to 2024-12-31); a decision "
        "falls within its period or shortly before it (from 2023-01-01): check the date and "
        "the period"
    )


def test_a_six_monthly_label_on_a_decision_a_year_later_is_reported(tmp_path: Path) -> None:
    # The case: 2025-05-14 labelled 2024-H1 in a six-monthly dialogue with a month's
    # grace: the half-year ends 30 June 2024, the grace 31 July 2024.
    text = UNHCR.read_text(encoding="utf-8")
    text = edit(text, "  - date: 2024-03-01\n", "  - date: 2025-05-14\n")
    text += "dialogue: {lines: [soft_earmarked], every_months: 6, grace_months: 1}\n"
    found = [f for f in findings(tmp_path, text) if f[1] == "IOM441"]
    assert found == [
        (
            line_in(text, "- date: 2025-05-14"),
            "IOM441",
            "dialogue decision of 2025-05-14 is for 2024-H1 (2024-01-01 to 2024-06-30); a "
            "decision falls within its period or shortly before it (from 2023-07-01, up to 1 "
            "month late): check the date and the period",
        )
    ]


def test_a_period_not_in_the_cadence_is_reported(tmp_path: Path) -> None:
    text = annual(period="2024-H1")
    assert findings(tmp_path, text) == [
        (
            line_in(text, "period: 2024-H1"),
            "IOM440",
            "allocation for 2024-H1 names a half-year; the dialogue meets once a year "
            "(section 4): name a year, e.g. `period: 2024`",
        )
    ]


def test_quarterly_periods(tmp_path: Path) -> None:
    text = annual(period="2024-Q1").replace("every_months: 12", "every_months: 3")
    # Decided 15 January for the first quarter: clean as of 31 March; by 31 December the
    # dialogue is overdue (three months after 15 January: 15 April).
    assert findings(tmp_path, text, dt.date(2024, 3, 31)) == []
    assert [code for _, code, _ in findings(tmp_path, text)] == ["IOM442"]


def test_an_overdue_dialogue_is_named_as_of_the_date(tmp_path: Path) -> None:
    text = annual()
    assert findings(tmp_path, text, dt.date(2025, 1, 15)) == []
    assert findings(tmp_path, text, dt.date(2025, 1, 16)) == [
        (
            line_in(text, "- date: 2024-01-15"),
            "IOM442",
            "dialogue line 'soft_earmarked': as of 2025-01-16 the last dialogue decision, of "
            "2024-01-15, is 367 days old; the dialogue meets once a year (section 4), so a "
            "decision was due by 2025-01-15",
        )
    ]
    # A decision recorded later but after the as-of date does not count yet.
    later = text.replace(
        "disbursements:",
        (
            "  - date: 2025-02-01\n    period: 2025\n    approved_by: Desk\n"
            "    line: soft_earmarked\n"
            "    items: [{country: Jordan, purpose: Camps, amount: 10}]\n\ndisbursements:"
        ),
    )
    # (The gap of more than a year between the two decisions is IOM408's.)
    assert [code for _, code, _ in findings(tmp_path, later, dt.date(2025, 1, 20))] == [
        "IOM442",
        "IOM408",
    ]
    assert [code for _, code, _ in findings(tmp_path, later, dt.date(2025, 2, 1))] == ["IOM408"]


def test_no_decision_at_all_is_overdue_from_the_start(tmp_path: Path) -> None:
    text = annual().replace(
        "dialogue: {lines: [soft_earmarked]", "dialogue: {lines: [soft_earmarked, syria_response]"
    )
    found = findings(tmp_path, text, dt.date(2025, 2, 1))
    assert (
        line_in(text, "dialogue: {lines"),
        "IOM442",
        "dialogue line 'syria_response': as of 2025-02-01 no dialogue decision is recorded "
        "since the period began (2024-01-01); the dialogue meets once a year (section 4), "
        "so a decision was due by 2025-01-01",
    ) in found


def test_no_overdue_warning_outside_the_period_or_for_a_plan_only(tmp_path: Path) -> None:
    assert findings(tmp_path, annual(), dt.date(2028, 6, 1)) == []
    data = (ROOT / "data" / "strategy_2023_2026.yaml").read_text(encoding="utf-8")
    assert "IOM442" not in {code for _, code, _ in findings(tmp_path, data, dt.date(2026, 6, 1))}


def test_the_old_half_year_key_keeps_working_and_one_period_is_needed(tmp_path: Path) -> None:
    text = UNHCR.read_text(encoding="utf-8")
    assert findings(tmp_path, text) == []
    both = edit(text, "    half_year: 2024-H1\n", "    half_year: 2024-H1\n    period: 2024-H1\n")
    assert [code for _, code, _ in findings(tmp_path, both)] == ["IOM020"]
    odd = edit(text, "    half_year: 2024-H1\n", "    period: 2024-Q5\n")
    assert [code for _, code, _ in findings(tmp_path, odd)] == ["IOM020"]
