"""Strategies as they are printed: a stated period longer than its funded years, lines on two
Finance Act codes (one printed without its §), an uneven profile, an annual dialogue."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from iomstrat.core.pipeline import Run, check_file

from .conftest import ROOT, run_cli
from .disbursement_helpers import line_in

EXAMPLE = ROOT / "examples" / "illustrative_two_codes_2023_2027.yaml"
END_2024 = dt.date(2024, 12, 31)


def above_info(path: Path, as_of: dt.date = END_2024) -> list[tuple[int, str]]:
    return [
        (d.line, d.code)
        for d in check_file(str(path), Run(as_of)).diagnostics
        if d.severity.name != "INFO"
    ]


def test_a_period_longer_than_its_funded_years_validates_clean() -> None:
    # Duration 2023-2027, amounts for 2024-2027: 2023 is unfunded, noted, asked no approval.
    run = run_cli("validate", str(EXAMPLE), "--as-of", "2024-12-31", "--strict")
    assert run.exit_code == 0, run.stdout
    assert run.stderr == "1 file checked: 0 errors, 0 warnings, 4 notes\n"
    assert (
        "note IOM307 2023 is in the period 2023-2027 but no line has an amount for it: shown "
        "as unfunded"
    ) in run.stdout


def test_a_year_one_line_omits_is_still_missing(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "amounts: {2024: 10, 2025: 10, 2026: 10, 2027: 10}",
        "amounts: {2025: 10, 2026: 10, 2027: 10}",
    )
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    assert "IOM302" in {code for _, code in above_info(path)}


def test_budget_show_heads_the_unfunded_year_and_adds_up_per_code() -> None:
    rows = list(
        csv.reader(io.StringIO(run_cli("budget", "show", str(EXAMPLE), "-f", "csv").stdout))
    )
    assert rows[0][5:11] == ["2023", "2024", "2025", "2026", "2027", "total"]
    by_id = {row[0]: row for row in rows[1:]}
    # 50 + 10 on §06.32.10.16, 30 on 06.39.01.10 (printed without §): 90, 90, 70, 70.
    assert by_id["humanitarian"][4] == "§06.39.01.10"
    assert by_id["total"][5:] == ["0", "90", "90", "70", "70", "320", "stated", "", "", "true"]
    assert by_id["code:§06.32.10.16"][2:] == [
        "Total §06.32.10.16",
        "code",
        "§06.32.10.16",
        "0",
        "60",
        "60",
        "50",
        "50",
        "220",
        "stated",
        "",
        "",
        "true",
    ]
    assert by_id["code:§06.39.01.10"][5:11] == ["0", "30", "30", "20", "20", "100"]
    data = json.loads(run_cli("budget", "show", str(EXAMPLE), "-f", "json").stdout)
    assert [(y["year"], y["status"]) for y in data["years"]] == [
        (2023, "unfunded"),
        (2024, "approved"),
        (2025, "planned"),
        (2026, "planned"),
        (2027, "planned"),
    ]
    table = run_cli("budget", "show", str(EXAMPLE)).stdout
    assert "Unfunded" in table and "Total §06.39.01.10" in table


def test_disbursement_of_one_file_on_two_codes_shows_the_portfolio_per_code() -> None:
    run = run_cli("disbursement", str(EXAMPLE), "--as-of", "2024-12-31", "-f", "json")
    assert run.exit_code == 0, run.stderr
    rows = json.loads(run.stdout)["portfolio"]["rows"]
    per_code = {(r["finance_act_code"], r["year"]): (r["planned"], r["disbursed"]) for r in rows}
    # Paid in 2024: 50 core + 6 soft earmarked on the first code, 30 on the second.
    assert per_code[("§06.32.10.16", 2024)] == ("60000000", "56000000")
    assert per_code[("§06.39.01.10", 2024)] == ("30000000", "30000000")
    assert per_code[("§06.39.01.10", None)] == ("100000000", "30000000")
    assert per_code[("", None)] == ("320000000", "86000000")


def test_codes_compare_with_and_without_the_section_sign(tmp_path: Path) -> None:
    # The same code written three ways is one code: no total per code appears.
    text = EXAMPLE.read_text(encoding="utf-8").replace('"06.39.01.10"', '"§ 06.32.10.16"')
    path = tmp_path / "one_code.yaml"
    path.write_text(text, encoding="utf-8")
    data = json.loads(run_cli("budget", "show", str(path), "-f", "json").stdout)
    assert {r["finance_act_code"] for r in data["rows"] if r["kind"] == "line"} == {"§06.32.10.16"}
    assert all(r["kind"] != "code" for r in data["rows"])
    assert above_info(path) == []


def test_the_hledger_export_keeps_one_account_per_code(tmp_path: Path) -> None:
    journal = tmp_path / "j.journal"
    run = run_cli("export", "hledger", str(EXAMPLE), "-o", str(journal))
    assert run.exit_code == 0, run.stderr
    text = journal.read_text(encoding="utf-8")
    assert "expenses:IHO:§06.39.01.10:humanitarian" in text
    assert "06.39.01.10:" not in text.replace("§06.39.01.10:", "")


def test_the_budget_workbook_marks_each_code_total(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "budget.xlsx"
    run = run_cli("budget", "show", str(EXAMPLE), "-f", "xlsx", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    sheet = openpyxl.load_workbook(out).active
    kinds = {row[0]: row[-1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert kinds["Total §06.39.01.10"] == "code total"


# An uneven profile over five years, as some strategies print it: 90, 90, 70, 70, 70 = 390.
UNEVEN = """\
schema_version: 1
strategy:
  title: Uneven profile (test)
  organisation: {name: Test Organisation, acronym: TO}
  period: {start: 2023, end: 2027}
  currency: DKK
  unit: million
  finance_act_code: "06.32.10.16"
budget:
  title: Contributions
  lines:
    - {id: core, name: Core, kind: core, finance_act_code: "§06.32.10.16",
       amounts: {2023: 60, 2024: 60, 2025: 50, 2026: 50, 2027: 50}}
    - {id: personnel, name: Personnel, kind: personnel, finance_act_code: "§ 06.32.10.16",
       amounts: {2023: 30, 2024: 30, 2025: 20, 2026: 20, 2027: 20}}
  totals:
    - {id: total, name: Total, lines: [core, personnel],
       stated: {2023: 90, 2024: 90, 2025: 70, 2026: 70, 2027: 70}}
cover:
  commitment:
    by_year: {2023: 90, 2024: 90, 2025: 70, 2026: 70, 2027: 70}
    total: 390
approvals:
  - {year: 2023, status: planned}
  - {year: 2024, status: planned}
  - {year: 2025, status: planned}
  - {year: 2026, status: planned}
  - {year: 2027, status: planned}
"""
BEFORE = dt.date(2022, 12, 31)


def test_an_uneven_five_year_profile_validates_clean_with_its_totals(tmp_path: Path) -> None:
    path = tmp_path / "uneven.yaml"
    path.write_text(UNEVEN, encoding="utf-8")
    assert above_info(path, BEFORE) == []
    data = json.loads(run_cli("budget", "show", str(path), "-f", "json").stdout)
    total = next(r for r in data["rows"] if r["id"] == "total")
    assert total["amounts"] == {
        "2023": "90",
        "2024": "90",
        "2025": "70",
        "2026": "70",
        "2027": "70",
    }
    assert total["total"] == "390"  # 90 + 90 + 70 + 70 + 70
    assert [r["total"] for r in data["rows"] if r["kind"] == "line"] == ["270", "120"]
    run = run_cli("disbursement", str(path), "--as-of", "2022-12-31", "-f", "json")
    rows = {r["key"]: r for r in json.loads(run.stdout)["reports"][0]["rows"]}
    assert [rows[str(y)]["planned"] for y in range(2023, 2028)] == [
        "90000000",
        "90000000",
        "70000000",
        "70000000",
        "70000000",
    ]
    assert rows["2023-2027"]["planned"] == "390000000"


def test_a_cover_figure_with_its_footnote_marker_is_the_figure(tmp_path: Path) -> None:
    # The cover prints "390*" and "70¹" (a footnote each): read as 390 and 70, markers kept.
    text = UNEVEN.replace("    total: 390\n", "    total: 390*\n").replace(
        "2027: 70}\n    total", "2027: 70¹}\n    total"
    )
    assert "total: 390*" in text and "70¹" in text
    path = tmp_path / "marked.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(str(path), Run(BEFORE))
    assert [(d.line, d.code) for d in checked.diagnostics if d.severity.name != "INFO"] == []
    assert checked.strategy is not None and checked.strategy.cover is not None
    row = checked.strategy.cover.commitment
    assert row is not None
    assert (row.total, row.by_year[2027]) == (Decimal(390), Decimal(70))
    assert row.markers == {"total": "*", "2027": "¹"}
    # A marked figure that does not add up is still the wrong figure, found as such.
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("total: 390*", "total: 400*"), encoding="utf-8")
    assert above_info(wrong, BEFORE) == [(line_in(text, "total: 390*"), "IOM103")]
    # Text that is not a figure with a marker is refused, not read as a number.
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("total: 390*", "total: 390x"), encoding="utf-8")
    assert above_info(bad, BEFORE) == [(line_in(text, "total: 390*"), "IOM020")]


def test_the_report_prints_the_cover_figure_with_its_marker(tmp_path: Path) -> None:
    from .test_report import Page, report

    # the source's marker in brackets: not the report's own * (against plan) or † (apportioned)
    text = UNEVEN.replace("    total: 390\n", "    total: 390*\n").replace(
        "2027: 70}\n    total", "2027: 70†}\n    total"
    )
    path = tmp_path / "marked.yaml"
    path.write_text(text, encoding="utf-8")
    html, _ = report(tmp_path, str(path), "--as-of", "2022-12-31")
    assert Page(html).table("cover-table")[1][1:] == ["90", "90", "70", "70", "70[†]", "390[*]"]


def test_the_schema_takes_a_cover_figure_as_printed() -> None:
    from .test_schema_verdicts import schema_errors

    for total in ("390*", "390¹", "390 †"):
        text = UNEVEN.replace("    total: 390\n", f"    total: {total}\n")
        assert schema_errors(text.encode()) == [], total
    assert schema_errors(UNEVEN.replace("    total: 390\n", "    total: 390x\n").encode())


def test_codes_printed_with_and_without_the_sign_are_one_code(tmp_path: Path) -> None:
    # The cover's code without §, the lines' with § and with "§ ": one code everywhere.
    path = tmp_path / "uneven.yaml"
    path.write_text(UNEVEN, encoding="utf-8")
    checked = check_file(str(path), Run(BEFORE))
    assert checked.strategy is not None
    codes = {checked.strategy.strategy.finance_act_code}
    codes |= {line.finance_act_code for line in checked.strategy.budget.lines}
    assert codes == {"§06.32.10.16"}
    data = json.loads(run_cli("budget", "show", str(path), "-f", "json").stdout)
    assert all(r["kind"] != "code" for r in data["rows"])  # no total per code: there is one
    run = run_cli("disbursement", str(path), "--as-of", "2022-12-31", "-f", "json")
    # one code, one file: no portfolio per code (two spellings would have made two)
    assert json.loads(run.stdout)["portfolio"] is None


MARKED = UNEVEN.replace("    total: 390\n", "    total: 390*\n").replace(
    "2027: 70}\n    total", "2027: 70¹}\n    total"
)
"""The cover as printed with two footnote markers: `70¹` in 2027 and `390*` for the total."""


def test_the_cover_marker_is_in_every_budget_format(tmp_path: Path) -> None:
    """The figure stays a number in every format; the source's marker rides beside it: a JSON
    field, a CSV column, the number format of the xlsx cell, in brackets after the figure in
    the table and Markdown (as the report prints it), apart from the tool's `*` and `†`."""
    path = tmp_path / "marked.yaml"
    path.write_text(MARKED, encoding="utf-8")
    show = ("budget", "show", str(path))
    data = json.loads(run_cli(*show, "-f", "json").stdout)
    assert data["cover"] == {
        "commitment": {
            "by_year": {"2023": "90", "2024": "90", "2025": "70", "2026": "70", "2027": "70"},
            "total": "390",
            "markers": {"2027": "¹", "total": "*"},
        }
    }
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(run_cli(*show, "-f", "csv").stdout))}
    cover = rows["cover:commitment"]
    assert (cover["kind"], cover["2027"], cover["total"], cover["markers"]) == (
        "cover",
        "70",
        "390",
        "2027:¹ total:*",
    )
    assert rows["total"]["markers"] == ""  # the budget's own rows carry none
    line = "Cover table: Commitment 90 / 90 / 70 / 70 / 70[¹], total 390[*]"
    assert line in run_cli(*show).stdout.splitlines()
    assert line.replace("[", "\\[").replace("]", "\\]") in run_cli(*show, "-f", "markdown").stdout
    danish = run_cli(*show, "--locale", "da").stdout
    assert "Forsidetabel: Tilsagn 90 / 90 / 70 / 70 / 70[¹], i alt 390[*]" in danish
    out = tmp_path / "budget.xlsx"
    assert run_cli(*show, "-f", "xlsx", "-o", str(out)).exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    [row] = [r for r in sheet.iter_rows() if r[0].value == "Cover table: Commitment"]
    figures = [(c.value, c.number_format) for c in row[2:8]]
    assert figures[3:] == [(70, "#,##0"), (70, '#,##0"[¹]"'), (390, '#,##0"[*]"')]
    assert row[8].value == "cover"


def test_a_marker_is_a_footnote_mark(tmp_path: Path) -> None:
    """`markers:` written out takes what a figure written as printed takes: up to four marks
    (`*`, `†`, `‡`, superscript digits); other text is refused where it is (IOM020), so no
    formula or long text reaches a CSV cell or an xlsx number format."""
    for marker, refused in (("‡", False), ("¹²", False), ("=HYPERLINK(x)", True), ("*****", True)):
        text = UNEVEN.replace(
            "    total: 390\n", f"    total: 390\n    markers: {{total: '{marker}'}}\n"
        )
        path = tmp_path / "marker.yaml"
        path.write_text(text, encoding="utf-8")
        found = above_info(path, BEFORE)
        assert found == ([(line_in(text, "markers:"), "IOM020")] if refused else []), marker
    text = UNEVEN.replace("    total: 390\n", "    total: 390*****\n")  # as printed: refused too
    path.write_text(text, encoding="utf-8")
    assert above_info(path, BEFORE) == [(line_in(text, "390*****"), "IOM020")]


def test_a_version_prints_its_own_markers(tmp_path: Path) -> None:
    """A later version's cover figure may be written as printed (`70²`); a figure it changes
    loses the earlier version's marker (the draft's `390*` is not the signed `390`)."""
    signed = MARKED + (
        "versions:\n"
        "  - id: signed\n"
        "    name: As signed\n"
        "    reference: Test\n"
        "    changes:\n"
        "      - {at: cover.commitment.total, value: 390}\n"
        '      - {at: cover.commitment.by_year.2026, value: "70²"}\n'
    )
    path = tmp_path / "signed.yaml"
    path.write_text(signed, encoding="utf-8")
    assert above_info(path, BEFORE) == []  # no IOM106: a marked cover figure is a figure
    data = json.loads(run_cli("budget", "show", str(path), "-f", "json").stdout)
    assert data["cover"]["commitment"]["markers"] == {"2026": "²", "2027": "¹"}
    assert data["cover"]["commitment"]["total"] == "390"
    changes = {c["at"]: (c["was"], c["value"]) for c in data["version"]["changes"]}
    assert changes == {
        "cover.commitment.total": ("390", "390"),
        "cover.commitment.by_year.2026": ("70", "70"),
    }
    text = " ".join(run_cli("budget", "show", str(path)).stdout.split())
    assert "Cover of the signed version: Commitment 90 / 90 / 70 / 70[²] / 70[¹], total 390" in (
        text
    )
    html, _ = _report(tmp_path, path)
    assert "70[²]" in html and "390[*]" not in html
    # a marker without a figure is no figure: the version's change is refused (IOM106)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(signed.replace('"70²"', '"²"'), encoding="utf-8")
    assert [code for _, code in above_info(wrong, BEFORE)] == ["IOM106"]


def _report(tmp_path: Path, path: Path) -> tuple[str, object]:
    from .test_report import report

    return report(tmp_path, str(path), "--as-of", "2022-12-31")  # type: ignore[no-any-return]


def test_a_marker_names_a_figure_of_its_row(tmp_path: Path) -> None:
    # markers: a year as YAML writes it (2025) is that year; a key that is no figure of the row
    # is IOM020, not dropped unseen (review)
    text = (ROOT / "examples" / "illustrative_unhcr_2024.yaml").read_text(encoding="utf-8")
    row = "    by_year: {2024: 260, 2025: 260, 2026: 260, 2027: 260}\n    total: 1040\n"
    assert row in text
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(text.replace(row, row + '    markers: {2025: "*"}\n', 1), "utf-8")
    bad.write_text(text.replace(row, row + '    markers: {"2031": "†"}\n', 1), "utf-8")
    shown = json.loads(run_cli("budget", "show", str(good), "-f", "json").stdout)
    assert shown["cover"]["commitment"]["markers"] == {"2025": "*"}
    refused = run_cli("validate", str(bad), "--as-of", "2024-06-01")
    assert refused.exit_code == 1
    assert (
        "IOM020 cover.commitment: a footnote marker of '2031', which is not a figure of the row "
        "(2024, 2025, 2026, 2027, total)" in refused.stdout
    )
