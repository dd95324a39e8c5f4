"""Errata of the source: a misprinted figure, transcribed as printed, fails with both figures
named; listed under `errata:` its difference is a note that keeps the reason (exit 0); a wrong
entry is an error. Table files take errata too."""

from __future__ import annotations

import textwrap
from pathlib import Path

from .conftest import run_cli

# Five years of 510 (million): the cover prints the period's commitment as 2.055, digits
# transposed from 2.550.
MISPRINT = textwrap.dedent("""\
    schema_version: 1
    strategy:
      title: Strategy with a misprinted cover total
      organisation: {name: Example Organisation}
      period: {start: 2022, end: 2026}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.16"
    budget:
      title: Contributions 2022-2026
      lines:
        - id: core
          name: Core funding
          kind: core
          finance_act_code: "§06.32.10.16"
          amounts: {2022: 400, 2023: 400, 2024: 400, 2025: 400, 2026: 400}
        - id: relief
          name: Humanitarian relief
          kind: humanitarian
          finance_act_code: "§06.32.10.16"
          amounts: {2022: 110, 2023: 110, 2024: 110, 2025: 110, 2026: 110}
    cover:
      commitment:
        by_year: {2022: 510, 2023: 510, 2024: 510, 2025: 510, 2026: 510}
        total: 2055
    approvals:
      - {year: 2022, status: planned}
      - {year: 2023, status: planned}
      - {year: 2024, status: planned}
      - {year: 2025, status: planned}
      - {year: 2026, status: planned}
    """)
ERRATUM = textwrap.dedent("""\
    errata:
      - at: cover.commitment.total
        printed: 2055
        reason: "printed 2.055; 5 x 510 = 2.550"
    """)
TOTAL_LINE = 25  # `total: 2055`


def validate(tmp_path: Path, text: str, *args: str) -> tuple[int, list[str], str]:
    path = tmp_path / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli("validate", str(path), "--as-of", "2021-12-01", *args)
    rows = [line.removeprefix(f"{path}:") for line in run.stdout.splitlines()]
    return run.exit_code, [r for r in rows if "IOM206" not in r], run.stderr


def test_a_misprinted_cover_total_fails_with_both_figures(tmp_path: Path) -> None:
    assert MISPRINT.splitlines()[TOTAL_LINE - 1] == "    total: 2055"
    code, rows, _ = validate(tmp_path, MISPRINT)
    assert code == 1
    assert rows == [
        f"{TOTAL_LINE}:12: error IOM103 2022-2026 cover commitment total: stated 2,055, computed "
        "2,550 (core 2,000 + relief 550); differs by -495, more than rounding explains (±0.5); if "
        "the source prints it so, acknowledge it under `errata:` at cover.commitment.total"
    ]


def test_an_erratum_turns_it_into_a_note_that_keeps_the_reason(tmp_path: Path) -> None:
    code, rows, summary = validate(tmp_path, MISPRINT + ERRATUM, "--strict")
    assert code == 0
    assert rows == [
        f"{TOTAL_LINE}:12: note IOM104 2022-2026 cover commitment total: stated 2,055, computed "
        "2,550 (core 2,000 + relief 550); differs by -495; an erratum of the source, acknowledged: "
        "printed 2.055; 5 x 510 = 2.550"
    ]
    assert summary == "1 file checked: 0 errors, 0 warnings, 6 notes\n"


def test_an_erratum_of_a_line_amount_covers_the_sums_it_enters(tmp_path: Path) -> None:
    # The relief line of 2024 printed 101 for 110: the year's cover figure and the period's
    # cover total no longer add up; one erratum at the line explains both.
    text = MISPRINT.replace("2024: 110, 2025", "2024: 101, 2025").replace("2055", "2550")
    code, rows, _ = validate(tmp_path, text)
    assert code == 1
    assert [r.split()[2] for r in rows] == ["IOM103", "IOM103"]  # 2024 and the period
    acknowledged = text + textwrap.dedent("""\
        errata:
          - {at: "budget.lines[1].amounts[2024]", printed: 101, reason: "110 in section 4"}
        """)
    code, rows, _ = validate(tmp_path, acknowledged)
    assert code == 0
    assert [r.split()[:3] for r in rows] == [
        ["24:43:", "note", "IOM104"],  # 2024 of by_year
        [f"{TOTAL_LINE}:12:", "note", "IOM104"],
    ]


def test_a_wrong_erratum_is_an_error(tmp_path: Path) -> None:
    wrong = ERRATUM.replace("printed: 2055", "printed: 2550")
    code, rows, _ = validate(tmp_path, MISPRINT + wrong)
    assert code == 1
    errata_line = MISPRINT.count("\n") + 3
    assert rows == [
        f"{TOTAL_LINE}:12: note IOM104 2022-2026 cover commitment total: stated 2,055, computed "
        "2,550 (core 2,000 + relief 550); differs by -495; an erratum of the source, acknowledged: "
        "printed 2.055; 5 x 510 = 2.550",
        f"{errata_line}:14: error IOM105 erratum at cover.commitment.total says 2,550 is printed, "
        "but the file holds 2,055 there; transcribe the figure as printed",
    ]


def test_an_erratum_naming_no_stated_figure_is_an_error(tmp_path: Path) -> None:
    errata_line = MISPRINT.count("\n") + 2
    for at in ("cover.commitment.totl", "strategy.period.start", "cover..total", "approvals[0]"):
        text = MISPRINT + ERRATUM.replace("cover.commitment.total", at)
        code, rows, _ = validate(tmp_path, text)
        assert code == 1
        assert [r.split()[:3] for r in rows] == [
            [f"{TOTAL_LINE}:12:", "error", "IOM103"],
            [f"{errata_line}:9:", "error", "IOM105"],
        ], at
        assert f"erratum at '{at}' names no stated figure" in rows[1]


TABLE = textwrap.dedent("""\
    schema_version: 1
    table:
      title: Funding by donor
      currency: USD
      unit: million
      printed_step: 0.01
      columns: [2020, 2021]
    rows:
      - {name: Sweden, cells: [10.55, 12.16], total: 27.71}
      - {name: Norway, cells: [1.89, 3.66], total: 5.55}
    column_totals: {cells: [12.44, 15.82], total: 28.26}
    """)


def test_table_files_take_errata(tmp_path: Path) -> None:
    # Sweden's total is printed 27.71 for 22.71 (10.55 + 12.16): its row and the grand total
    # against the row totals (27.71 + 5.55 = 33.26 against 28.26) are both off by 5.
    path = tmp_path / "table.yaml"
    path.write_text(TABLE, encoding="utf-8")
    run = run_cli("validate", str(path))
    assert run.exit_code == 1
    assert [line.split()[1:3] for line in run.stdout.splitlines()] == [
        ["error", "IOM101"],
        ["error", "IOM101"],
    ]
    path.write_text(
        TABLE + 'errata: [{at: "rows[0].total", printed: 27.71, reason: "5 for 0"}]\n', "utf-8"
    )
    run = run_cli("validate", str(path))
    assert run.exit_code == 0, run.stdout
    assert [line.split(": ", 1)[1][:11] for line in run.stdout.splitlines()] == [
        "note IOM104",
        "note IOM104",
    ]
    assert all(line.endswith("acknowledged: 5 for 0") for line in run.stdout.splitlines())
    path.write_text(TABLE + 'errata: [{at: "rows[0].total", printed: 22.71, reason: "x"}]\n')
    assert "IOM105" in run_cli("validate", str(path)).stdout
