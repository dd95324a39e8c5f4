"""Versions of the document: the data file transcribes the draft and records what the signed
strategy changed; every figure follows the signed version and says so, the draft's stay visible,
and a year the signed version gives without its lines is apportioned and marked."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import DATA_FILE, findings, line_of, real_text, run_cli


def test_budget_show_of_the_data_file_is_the_signed_version() -> None:
    data = json.loads(run_cli("budget", "show", str(DATA_FILE), "-f", "json").stdout)
    by_id = {row["id"]: row for row in data["rows"]}
    # The signed cover: 75 / 100 / 100 / 100, total 375; 2023's 75 apportioned over the
    # draft's 48 / 50 / 2: 36 + 37.5 + 1.5.
    assert by_id["total"]["amounts"] == {"2023": "75", "2024": "100", "2025": "100", "2026": "100"}
    assert by_id["total"]["total"] == "375"
    assert [by_id[i]["amounts"]["2023"] for i in ("core", "soft_earmarked", "personnel")] == [
        "36",
        "37.5",
        "1.5",
    ]
    version = data["version"]
    assert (version["transcribed"], version["shown"]) == ("draft", "signed")
    assert version["versions"][0]["reference"].startswith("URU Alm.del Bilag 172")
    assert version["apportioned"] == [{"year": 2023, "version": "signed"}]
    assert version["cover"]["commitment"] == {
        "by_year": {"2023": "75", "2024": "100", "2025": "100", "2026": "100"},
        "total": "375",
        "markers": {},
    }
    assert data["cover"] == version["cover"]  # the cover shown, with or without versions
    # The draft's figures, each with the version that changed it.
    changes = {c["at"]: (c["was"], c["value"], c["version"]) for c in version["changes"]}
    assert changes == {
        "cover.commitment.by_year.2023": ("100", "75", "signed"),
        "cover.commitment.total": ("400", "375", "signed"),
        "cover.projected_disbursement.by_year.2023": ("100", "75", "signed"),
        "cover.projected_disbursement.total": ("400", "375", "signed"),
        "strategy.financial_officer": ("Michael Blichfeldt", "Michael Schou Olsen", "signed"),
    }


def test_the_table_says_which_version_it_shows_and_what_is_not_published() -> None:
    out = run_cli("budget", "show", str(DATA_FILE)).stdout
    text = " ".join(out.split())
    assert "Figures of the signed version" in text
    assert "Cover of the signed version: Commitment 75 / 100 / 100 / 100, total 375" in text
    assert "The file transcribes the draft version" in text
    assert "Commitment 2023: 75 (draft: 100)" in text
    assert "Financial officer: Michael Schou Olsen (draft: Michael Blichfeldt)" in text
    assert (
        "† 2023: the signed version gives the year's total only (75); its split over the lines "
        "is not published" in text
    )


def test_validate_notes_the_apportioned_year(tmp_path: Path) -> None:
    text = real_text()
    assert findings(tmp_path, text) == []
    run = run_cli("validate", str(DATA_FILE), "--as-of", "2022-12-01")
    assert run.exit_code == 0
    assert (
        f"{DATA_FILE}:{line_of(text, 'cover.commitment.by_year.2023')}:52: note IOM107 version "
        "'signed' gives 2023's commitment (DKK 75 million) without its lines: the lines of 2023 "
        "are apportioned in proportion to the file's split"
    ) in run.stdout
    danish = run_cli("validate", str(DATA_FILE), "--as-of", "2022-12-01", "--locale", "da")
    assert (
        "versionen 'signed' angiver tilsagnet for 2023 (75 mio. kr.) uden linjerne: linjerne for "
        "2023 fordeles forholdsmæssigt efter filens fordeling"
    ) in danish.stdout


def test_a_fault_of_the_transcription_is_found_under_an_apportioned_year(tmp_path: Path) -> None:
    # 2023's lines are replaced by the signed split, but the draft as written is still judged.
    text = real_text().replace("amounts: {2023: 48,", "amounts: {2023: 48.000000001,", 1)
    assert f"{line_of(text, '48.000000001')}:IOM306" in findings(tmp_path, text)


def test_changes_that_name_nothing_or_the_wrong_kind_are_errors(tmp_path: Path) -> None:
    text = real_text().replace(
        "      - {at: strategy.financial_officer, value: Michael Schou Olsen}\n",
        "      - {at: strategy.financial_officer, value: Michael Schou Olsen}\n"
        "      - {at: cover.commitment.by_year.2031, value: 5}\n"
        "      - {at: cover.commitment.total, value: three hundred}\n"
        "      - {at: strategy.currency, value: EUR}\n",
    )
    assert findings(tmp_path, text) == [
        f"{line_of(text, 'by_year.2031')}:IOM106",
        f"{line_of(text, 'three hundred')}:IOM106",
        f"{line_of(text, 'strategy.currency')}:IOM106",
    ]


def test_a_version_with_its_lines_is_not_apportioned_and_its_cover_is_checked(
    tmp_path: Path,
) -> None:
    # The signed 2023 given line by line (30 + 43 + 2 = 75): no apportioning, no note.
    lines = (
        "      - {at: budget.lines.core.amounts.2023, value: 30}\n"
        "      - {at: budget.lines.soft_earmarked.amounts.2023, value: 43}\n"
        "      - {at: budget.lines.personnel.amounts.2023, value: 2}\n"
        "      - {at: budget.totals.core_incl_soft_earmarked.stated.2023, value: 73}\n"
        "      - {at: budget.totals.total.stated.2023, value: 75}\n"
    )
    text = real_text().replace(
        "    changes:                                 # its cover",
        lines.join(["    changes:\n", ""]) + "    # its cover",
        1,
    )
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    data = json.loads(run_cli("budget", "show", str(path), "-f", "json").stdout)
    by_id = {row["id"]: row for row in data["rows"]}
    assert by_id["core"]["amounts"]["2023"] == "30" and by_id["total"]["total"] == "375"
    assert data["version"]["apportioned"] == []
    run = run_cli("validate", str(path), "--as-of", "2022-12-01")
    assert run.exit_code == 0 and "IOM107" not in run.stdout
    # The version's cover against its lines: a total it forgot to change is an error.
    forgot = text.replace("      - {at: cover.commitment.total, value: 375}\n", "")
    assert findings(tmp_path, forgot) == [f"{line_of(forgot, 'total: 400', 1)}:IOM103"]


def test_every_budget_format_marks_the_apportioned_figures(tmp_path: Path) -> None:
    """2023's lines (36 / 37.5 / 1.5 of the signed 75) and the subtotal (73.5) are apportioned,
    and so the period totals that include them (180, 187.5, 7.5, 367.5); the year's total (75)
    and the grand total (375) are the signed version's own."""
    import csv
    import io

    import openpyxl

    # The terminal table and Markdown: the figure followed by †.
    table = run_cli("budget", "show", str(DATA_FILE)).stdout
    core = next(line for line in table.splitlines() if "a. Core funding" in line)
    assert [cell.strip() for cell in core.split("│")[3:8]] == ["36†", "48", "48", "48", "180†"]
    markdown = run_cli("budget", "show", str(DATA_FILE), "-f", "markdown").stdout
    assert "| a. Core funding | §06.32.10.14 | 36† | 48 | 48 | 48 | 180† |" in markdown
    assert "| 75 | 100 | 100 | 100 | 375 |" in markdown.replace("**", "")
    # JSON: the years of each row that are apportioned.
    data = json.loads(run_cli("budget", "show", str(DATA_FILE), "-f", "json").stdout)
    marks = {row["id"]: row["apportioned"] for row in data["rows"]}
    assert marks == {
        "core_incl_soft_earmarked": [2023],
        "core": [2023],
        "soft_earmarked": [2023],
        "personnel": [2023],
        "total": [],
    }
    # CSV: how each row's figures were obtained, and which years were apportioned.
    rows = {
        r["id"]: r
        for r in csv.DictReader(
            io.StringIO(run_cli("budget", "show", str(DATA_FILE), "-f", "csv").stdout)
        )
    }
    assert [(rows[i]["2023"], rows[i]["source"], rows[i]["apportioned_years"]) for i in rows] == [
        ("73.5", "apportioned", "2023"),
        ("36", "apportioned", "2023"),
        ("37.5", "apportioned", "2023"),
        ("1.5", "apportioned", "2023"),
        ("75", "stated", ""),
        ("75", "stated", ""),  # the signed cover's commitment
        ("75", "stated", ""),  # and projected disbursement
    ]
    danish = run_cli("budget", "show", str(DATA_FILE), "-f", "csv", "-l", "da").stdout
    assert "1,5;2;2;2;7,5;apportioned;2023" in danish  # machine words stay as they are
    # xlsx: the cell stays a number, its format shows the mark; the note says why.
    out = tmp_path / "budget.xlsx"
    assert run_cli("budget", "show", str(DATA_FILE), "-f", "xlsx", "-o", str(out)).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    cells = {
        (row[0].value, c.column_letter): c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, (int, float))
    }
    core_2023 = cells[("a. Core funding", "C")]
    assert (core_2023.value, core_2023.number_format) == (36, '#,##0.0"†"')
    assert cells[("a. Core funding", "D")].number_format == "#,##0.0"  # 2024: as printed
    assert cells[("a. Core funding", "G")].number_format.endswith('"†"')  # its period total
    total = "Total contributions (core, soft earmarked and personnel support)"
    assert cells[(total, "C")].value == 75 and '"†"' not in cells[(total, "C")].number_format
    notes = [str(row[0].value) for row in sheet.iter_rows() if row[0].value]
    assert any(
        n.startswith("† 2023: the signed version gives the year's total only") for n in notes
    )
    assert any(n.startswith("Figures of the signed version") for n in notes)
