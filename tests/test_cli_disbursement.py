"""`iomstrat disbursement` (and `validate` with payments) end to end through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from .conftest import run_cli
from .disbursement_helpers import EXAMPLE, edit, example_text, line_in, write_example


def test_default_file_shows_nothing_recorded_yet() -> None:
    run = run_cli("--no-color", "disbursement", "--as-of", "2023-06-30")
    assert run.exit_code == 0
    flat = " ".join(run.stdout.split())
    assert "Nothing recorded yet" in flat
    assert "100,000,000" in flat  # the plan is still shown


def test_table_has_the_columns_and_a_progress_bar() -> None:
    run = run_cli("--no-color", "disbursement", str(EXAMPLE), "--as-of", "2023-12-31")
    assert run.exit_code == 0, run.stderr
    header = " ".join(run.stdout.split())
    for column in ("Planned", "Approved", "Disbursed", "Remaining", "%", "Progress"):
        assert column in header
    assert "Nothing recorded yet" not in header
    core = next(line for line in run.stdout.splitlines() if "2023  a. Core funding" in line)
    assert "100.0" in core and "━━━━━━━━━━━━" in core
    total = next(line for line in run.stdout.splitlines() if "Total 2023 " in line)
    assert "80,663,084" in total and "80.7" in total


def test_json_has_exact_figures() -> None:
    run = run_cli("disbursement", str(EXAMPLE), "--as-of", "2023-12-31", "--format", "json")
    data = json.loads(run.stdout)
    rows = {(r["key"], r["year"]): r for r in data["reports"][0]["rows"]}
    assert rows[("soft_earmarked", 2023)]["disbursed"] == "30663084.28"
    assert rows[("soft_earmarked", 2023)]["allocated"] == "50000000"
    assert rows[("core", 2024)]["approved"] is None
    assert data["portfolio"] is None


def test_csv_by_priority() -> None:
    run = run_cli(
        "disbursement", str(EXAMPLE), "--as-of", "2023-12-31", "-f", "csv", "--by", "priority"
    )
    rows = [r for r in csv.DictReader(io.StringIO(run.stdout)) if r["section"] == "priority"]
    assert {(r["year"], r["key"]): r["disbursed"] for r in rows} == {
        ("2023", "1"): "0",
        ("2023", "2"): "6863084.28",
        ("2023", "3"): "17000000",
        ("2023", "4"): "6800000",
        ("2023", "2023"): "30663084.28",
        ("", "total"): "30663084.28",
    }


def test_markdown_in_usd() -> None:
    run = run_cli(
        "disbursement", str(EXAMPLE), "--as-of", "2023-12-31", "-f", "markdown", "-c", "usd"
    )
    assert run.exit_code == 0
    assert "(USD)" in run.stdout and "1 DKK = 0.148264 USD" in run.stdout


def test_unknown_currency_is_a_usage_error() -> None:
    run = run_cli("disbursement", str(EXAMPLE), "--currency", "XXX")
    assert run.exit_code == 2
    assert "no ECB reference rate" in run.stderr


def test_ledger_option(tmp_path: Path) -> None:
    text = example_text().replace("ledgers: [illustrative_2023_ledger.csv]", "")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    without = run_cli("disbursement", str(path), "--as-of", "2023-12-31", "-f", "json")
    ledger = EXAMPLE.parent / "illustrative_2023_ledger.csv"
    with_ledger = run_cli(
        "disbursement", str(path), "--as-of", "2023-12-31", "-f", "json", "--ledger", str(ledger)
    )

    def paid(out: str) -> str:
        rows = json.loads(out)["reports"][0]["rows"]
        return str(next(r["disbursed"] for r in rows if r["key"] == "2023"))

    assert (paid(without.stdout), paid(with_ledger.stdout)) == ("73663084.28", "80663084.28")


def test_missing_ledger_cannot_run(tmp_path: Path) -> None:
    run = run_cli("disbursement", str(EXAMPLE), "--ledger", str(tmp_path / "none.csv"))
    assert run.exit_code == 2
    assert "none.csv:1:1: fatal IOM420 no such ledger file" in run.stderr


def test_an_invalid_strategy_exits_1_as_in_every_command_and_a_missing_one_2(
    tmp_path: Path,
) -> None:
    """A file that is read but is no valid strategy (a value of the wrong type, IOM020) is an
    error finding: exit 1 and no figures, as `validate`, `budget show`, `report` and `export`
    say; a file that cannot be read (IOM001) is exit 2."""
    path = tmp_path / "s.yaml"
    path.write_text(edit(example_text(), "currency: DKK", "currency: kr."), encoding="utf-8")
    for command in (["validate"], ["budget", "show"], ["disbursement"], ["export", "hledger"]):
        run = run_cli(*command, str(path))
        assert run.exit_code == 1, command
        assert "error IOM020 strategy.currency" in run.stdout + run.stderr, command
    for form in ("csv", "json", "table"):
        run = run_cli("disbursement", str(path), "-f", form, "--partial")
        assert (run.exit_code, run.stdout) == (1, ""), form
    run = run_cli("disbursement", str(tmp_path / "none.yaml"))
    assert run.exit_code == 2 and "fatal IOM001" in run.stderr


def test_findings_print_the_report_and_exit_1(tmp_path: Path) -> None:
    ledger = (EXAMPLE.parent / "illustrative_2023_ledger.csv").read_text(encoding="utf-8")
    path = write_example(tmp_path, ledger=ledger.replace("DK-2023-P02", "DK-2023-P01"))
    run = run_cli("disbursement", str(path), "--as-of", "2023-12-31")
    assert run.exit_code == 1
    assert "IOM410 voucher DK-2023-P01 is already used" in run.stderr
    assert "Disbursed" in run.stdout


def test_validate_fails_on_a_payment_before_approval_naming_its_line(tmp_path: Path) -> None:
    text = edit(example_text(), "decided_on: 2023-03-15", "decided_on: 2023-04-10")
    path = write_example(tmp_path, text)
    run = run_cli("validate", str(path), "--as-of", "2023-12-31")
    assert run.exit_code == 1
    line = line_in(text, "voucher: DK-2023-001")
    assert f"{path}:{line}:" in run.stdout
    assert "IOM401 payment DK-2023-001 of 2023-04-03 precedes the approval of 2023" in run.stdout


def test_portfolio_of_several_files(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(
        example_text()
        .replace("§06.32.10.14", "§06.39.01.10")
        .replace("ledgers: [illustrative_2023_ledger.csv]", "")
        .replace('file_no: "2022-18394"', 'file_no: "2023-90001"'),
        encoding="utf-8",
    )
    # a second strategy on the example's code, with its figures (a file_no of its own: a copy
    # would be the example again, IOM460)
    copy = tmp_path / "copy.yaml"
    copy.write_text(
        example_text().replace('file_no: "2022-18394"', 'file_no: "2023-90002"'), encoding="utf-8"
    )
    ledger = EXAMPLE.parent / "illustrative_2023_ledger.csv"
    (tmp_path / ledger.name).write_bytes(ledger.read_bytes())
    run = run_cli(
        "disbursement",
        str(EXAMPLE),
        str(other),
        str(copy),
        "--as-of",
        "2023-12-31",
        "-f",
        "json",
    )
    assert run.exit_code == 0, run.stderr
    rows = {
        (r["finance_act_code"], r["year"]): r for r in json.loads(run.stdout)["portfolio"]["rows"]
    }
    assert rows[("§06.32.10.14", 2023)]["disbursed"] == "161326168.56"
    assert rows[("§06.32.10.14", 2023)]["files"] == 2
    assert rows[("§06.39.01.10", 2023)]["disbursed"] == "73663084.28"
    assert rows[("§06.39.01.10", None)]["planned"] == "400000000"


def test_help_documents_exit_codes_and_options() -> None:
    out = " ".join(run_cli("disbursement", "--help").stdout.split())
    for word in ("--as-of", "--by", "--currency", "--format", "--ledger", "Exit codes: 0 ok"):
        assert word in out


def test_validate_reads_a_ledger_given_on_the_command_line(tmp_path: Path) -> None:
    ledger = tmp_path / "extra.csv"
    ledger.write_text(
        "date,line,amount,currency,voucher,exchange_rate\n"
        "2023-12-20,personnel,10.00,DKK,DK-2023-P01,\n",
        encoding="utf-8",
    )
    run = run_cli("validate", str(EXAMPLE), "--as-of", "2023-12-31", "--ledger", str(ledger))
    assert run.exit_code == 1
    assert f"{ledger}:2:1: error IOM410 voucher DK-2023-P01 is already used" in run.stdout
    assert f"{ledger}:2:1: error IOM411" in run.stdout
    clean = run_cli("validate", str(EXAMPLE), "--as-of", "2023-12-31")
    assert clean.exit_code == 0


ANNEX = Path(__file__).resolve().parent.parent / "data" / "annex3_unearmarked_donors.yaml"


def _table_given(command: str) -> str:
    return (
        f"iomstrat: {ANNEX}: a table file (top-level `table:`), not a strategy; `iomstrat "
        f"{command}` reads strategies: show the table with `iomstrat table show {ANNEX}`\n"
    )


def test_a_table_file_alone_says_what_to_do() -> None:
    """An annex given to `disbursement` or `diff`: one line saying what to run, exit 2."""
    alone = run_cli("disbursement", str(ANNEX))
    assert (alone.exit_code, alone.stdout, alone.stderr) == (2, "", _table_given("disbursement"))
    for pair in ((ANNEX, ANNEX), (ANNEX, EXAMPLE), (EXAMPLE, ANNEX)):
        diff = run_cli("diff", *map(str, pair), "--as-of", "2023-06-01")
        assert (diff.exit_code, diff.stdout, diff.stderr) == (2, "", _table_given("diff"))


def test_a_table_file_beside_a_strategy_is_left_out_with_a_warning() -> None:
    both = run_cli("disbursement", str(ANNEX), str(EXAMPLE), "--as-of", "2023-06-01", "-f", "json")
    alone = run_cli("disbursement", str(EXAMPLE), "--as-of", "2023-06-01", "-f", "json")
    assert both.exit_code == 0 and both.stdout == alone.stdout  # the strategy's figures alone
    [warning] = [line for line in both.stderr.splitlines() if "IOM450" in line]
    assert warning.startswith(f"{ANNEX}:9:1: warning IOM450 ")


def test_by_place_in_every_format(tmp_path: Path) -> None:
    example = str(EXAMPLE)
    table = run_cli("disbursement", example, "--as-of", "2023-12-31", "--by", "place").stdout
    assert "Country or region" in table and "Total Africa" in table and "Niger" in table
    danish = run_cli(
        "disbursement", example, "--as-of", "2023-12-31", "--by", "place", "-l", "da"
    ).stdout
    assert "Land eller region" in danish and "I alt Africa" in danish
    data = json.loads(
        run_cli(
            "disbursement", example, "--as-of", "2023-12-31", "--by", "place", "-f", "json"
        ).stdout
    )
    places = data["reports"][0]["places"]
    assert [p["label"] for p in places if p["kind"] == "region"] == ["Total Africa"]
    # the period's total has no year: null, as in the rows of every other view (not "")
    assert [(p["key"], p["year"]) for p in places if p["kind"] == "total"] == [("total", None)]
    text = run_cli("disbursement", example, "--as-of", "2023-12-31", "--by", "place", "-f", "csv")
    assert ",place," in text.stdout
    out = tmp_path / "place.xlsx"
    run = run_cli(
        "disbursement",
        example,
        "--as-of",
        "2023-12-31",
        "--by",
        "place",
        "-f",
        "xlsx",
        "-o",
        str(out),
    )
    assert run.exit_code == 0, run.stderr
    # The example's dialogue meets every six months: its periods get a sheet of their own.
    assert openpyxl.load_workbook(out).sheetnames == ["Places", "Dialogue periods"]
    assert (
        "| Total Africa |"
        in run_cli(
            "disbursement", example, "--as-of", "2023-12-31", "--by", "place", "-f", "markdown"
        ).stdout
    )


def test_a_file_left_out_for_its_errors_marks_the_portfolio_incomplete(tmp_path: Path) -> None:
    """Two strategies, one of them no valid strategy: the portfolio adds up only the other
    (by hand: UNHCR's 260 million a year, 1 040 000 000 over 2024-2027), so it travels only
    marked, with the finding that left the file out."""
    unhcr = EXAMPLE.parent / "illustrative_unhcr_2024.yaml"
    broken = tmp_path / "broken.yaml"
    broken.write_text(edit(example_text(), "currency: DKK", "currency: kr."), encoding="utf-8")
    command = ("disbursement", str(unhcr), str(broken), "--as-of", "2024-12-31", "-f", "csv")
    run = run_cli(*command)
    assert (run.exit_code, run.stdout) == (1, "")
    assert "no figures written: 1 error in a file left out of the figures (broken.yaml)" in (
        run.stderr
    )
    run = run_cli(*command, "--partial")
    assert run.exit_code == 1
    written = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {row["complete"] for row in written} == {"false"}
    # All codes together over the period: the one file's, the other left out.
    [period] = [
        r for r in written if r["section"] == "portfolio" and not r["year"] + r["finance_act_code"]
    ]
    assert (period["planned"], period["items"]) == ("1040000000", "1")
    data = json.loads(run_cli(*command[:-1], "json", "--partial").stdout)
    assert data["complete"] is False
    assert [(f["code"], f["file"]) for f in data["findings"]] == [("IOM020", str(broken))]
