"""`iomstrat diff`: figures per line and year, totals, approval flags and findings between two
versions; between files and between a git revision and the working copy."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.core.diff import compare_files
from iomstrat.core.pipeline import Run

from .conftest import ROOT

app = build()

OLD = textwrap.dedent("""\
    schema_version: 1
    strategy:
      title: Strategy for Example 2024-2025
      organisation: {name: Example Organisation, acronym: EX}
      period: {start: 2024, end: 2025}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.14"
    budget:
      title: Contributions to EX
      lines:
        - id: core
          name: Core funding
          kind: core
          finance_act_code: "§06.32.10.14"
          amounts: {2024: 10, 2025: 10}
        - id: personnel
          name: Personnel support
          kind: personnel
          finance_act_code: "§06.32.10.14"
          amounts: {2024: 2, 2025: 2}
      totals:
        - id: total
          name: Total contributions
          lines: [core, personnel]
          stated: {2024: 12, 2025: 12}
    approvals:
      - {year: 2024, status: planned}
      - {year: 2025, status: planned}
    """)

# Core 2025 up by 2.5 without updating the stated total; 2024 approved, reduced by nothing.
NEW = (
    OLD.replace("amounts: {2024: 10, 2025: 10}", "amounts: {2024: 10, 2025: 12.5}")
    .replace(
        "- {year: 2024, status: planned}",
        "- {year: 2024, status: approved, finance_act: Finance Act 2024, decided_on: 2023-12-19}",
    )
    .replace(
        "- {year: 2025, status: planned}",
        "- {year: 2025, status: reduced, finance_act: Finance Act 2025, decided_on: 2024-12-19,"
        " amount: 11}",
    )
)
AS_OF = "2024-01-10"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_engine_reports_each_changed_figure(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)
    comparison = compare_files(str(old), str(new), Run(dt.date(2024, 1, 10)))
    diff = comparison.diff
    assert diff is not None
    assert [(c.row_id, c.year, c.old, c.new, c.change) for c in diff.lines] == [
        ("core", 2025, Decimal(10), Decimal("12.5"), Decimal("2.5")),
        ("core", None, Decimal(20), Decimal("22.5"), Decimal("2.5")),
    ]
    assert [(c.row_id, c.year, c.old, c.new) for c in diff.totals] == [
        ("total", 2025, Decimal(12), Decimal("14.5")),
        ("total", None, Decimal(24), Decimal("26.5")),
    ]
    assert [(a.year, a.old_status, a.new_status, a.new_amount) for a in diff.approvals] == [
        (2024, "planned", "approved", None),
        (2025, "planned", "reduced", Decimal(11)),
    ]
    appeared = [(d.code, d.line) for d in diff.appeared]
    assert ("IOM101", 26) in appeared  # line 26 states 12 for 2025; computed 14.5
    assert all(d.file == str(new) for d in diff.appeared)
    assert all(d.file == str(old) for d in diff.disappeared)


def test_identical_files_have_no_changes(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", OLD)
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--as-of", AS_OF])
    assert result.exit_code == 0
    assert (
        "No change in budget figures, approvals, allocations, payments or findings."
        in result.stdout
    )


def test_unit_change_alone_changes_no_figure(tmp_path: Path) -> None:
    thousand = OLD.replace("unit: million", "unit: thousand")
    for figure in ("10", "2", "12"):
        thousand = thousand.replace(f": {figure},", f": {figure}000,").replace(
            f": {figure}}}", f": {figure}000}}"
        )
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", thousand)
    diff = compare_files(str(old), str(new), Run(dt.date(2024, 1, 10))).diff
    assert diff is not None and diff.unit == "thousand"
    assert diff.lines == () and diff.totals == ()


def test_a_change_of_currency_is_not_compared_digit_for_digit(tmp_path: Path) -> None:
    """DKK 10 million made EUR 10 million compared as "no change in budget figures" (exit 0):
    the digits are equal, the money is not. The two versions are not compared (exit 2)."""
    euro = OLD.replace("currency: DKK", "currency: EUR")
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", euro)
    for locale, said in (
        ("en", "the old version is in DKK, the new one in EUR: figures in two currencies are not "
         "compared (every figure changes its meaning); diff versions in one currency"),
        ("da", "den gamle version er i DKK, den nye i EUR: tal i to valutaer sammenlignes ikke "
         "(hvert tal skifter betydning); sammenlign versioner i én valuta"),
    ):  # fmt: skip
        for form in ("table", "json", "markdown"):
            args = ["diff", str(old), str(new), "--as-of", AS_OF, "-f", form, "-l", locale]
            result = CliRunner().invoke(app, args)
            assert (result.exit_code, result.stdout) == (2, "")
            assert result.stderr == f"iomstrat: {said}\n"


def test_json_format(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)
    result = CliRunner().invoke(
        app, ["diff", str(old), str(new), "--as-of", AS_OF, "--format", "json"]
    )
    assert result.exit_code == 1  # the edit brings a total that no longer adds up
    data = json.loads(result.stdout)
    assert data["lines"][0] == {
        "id": "core",
        "name": "Core funding",
        "kind": "line",
        "year": 2025,
        "old": "10",
        "new": "12.5",
        "change": "2.5",
    }
    assert data["approvals"][1]["new_amount"] == "11"
    assert "IOM101" in {f["code"] for f in data["findings_appeared"]}


def test_markdown_in_danish(tmp_path: Path) -> None:
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", NEW)
    args = ["diff", str(old), str(new), "--as-of", AS_OF, "-f", "markdown", "--locale", "da"]
    result = CliRunner().invoke(app, args)
    assert "| Core funding | 2025 | 10 | 12,5 | +2,5 |" in result.stdout
    assert "| Total contributions | i alt | 24 | 26,5 | +2,5 |" in result.stdout
    assert (
        "| 2025 | planlagt | reduceret 11 (Finance Act 2025, 19. december 2024) |" in result.stdout
    )
    assert "- **ny**: `IOM101` fejl" in result.stdout
    assert "| Linje | År | Før | Efter | Ændring |" in result.stdout


def test_bad_usage(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", OLD)
    result = CliRunner().invoke(app, ["diff", str(old)])
    assert result.exit_code == 2
    assert "give two files" in result.stderr
    broken = write(tmp_path, "broken.yaml", OLD.replace("kind: core", "kind: Cor"))
    result = CliRunner().invoke(app, ["diff", str(old), str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:14:" in result.stderr and "IOM020" in result.stderr


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of data/strategy.yaml and an uncommitted edit."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q")
    write(repo / "data", "strategy.yaml", OLD)
    git(repo, "add", "data/strategy.yaml")
    git(repo, "commit", "-q", "-m", "first")
    write(repo / "data", "strategy.yaml", NEW)
    git(repo, "commit", "-q", "-am", "second")
    edited = NEW.replace("amounts: {2024: 2, 2025: 2}", "amounts: {2024: 3, 2025: 2}")
    write(repo / "data", "strategy.yaml", edited)
    return repo


def test_rev_against_the_working_copy(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "data")  # git is asked in the file's folder, wherever we stand
    result = CliRunner().invoke(
        app, ["diff", "--rev", "HEAD~1", "strategy.yaml", "--as-of", AS_OF, "-f", "json"]
    )
    data = json.loads(result.stdout)
    assert data["old"] == "HEAD~1:strategy.yaml"
    changed = [(c["id"], c["year"], c["old"], c["new"]) for c in data["lines"]]
    assert changed == [
        ("core", 2025, "10", "12.5"),
        ("core", None, "20", "22.5"),
        ("personnel", 2024, "2", "3"),
        ("personnel", None, "4", "5"),
    ]
    head = CliRunner().invoke(
        app, ["diff", "--rev", "HEAD", str(repo / "data" / "strategy.yaml"), "-f", "json"]
    )
    assert [(c["id"], c["year"]) for c in json.loads(head.stdout)["lines"]] == [
        ("personnel", 2024),
        ("personnel", None),
    ]
    assert json.loads(head.stdout)["approvals"] == []


def test_unknown_revision(repo: Path) -> None:
    path = str(repo / "data" / "strategy.yaml")
    result = CliRunner().invoke(app, ["diff", "--rev", "HEAD~5", path])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"iomstrat: HEAD~5:{path}: ")
    assert len(result.stderr.splitlines()) == 1
    result = CliRunner().invoke(app, ["diff", "--rev", "HEAD~1..HEAD", path])
    assert (result.exit_code, result.stderr) == (
        2,
        f"iomstrat: HEAD~1..HEAD:{path}: 'HEAD~1..HEAD' is not a revision of this repository (a "
        "range such as A..B is not one: name one commit)\n",
    )
    untracked = write(repo, "other.yaml", OLD)
    result = CliRunner().invoke(app, ["diff", "--rev", "HEAD", str(untracked)])
    assert result.exit_code == 2
    assert "not in 'HEAD'" in result.stderr


def test_line_added_and_removed(tmp_path: Path) -> None:
    renamed = OLD.replace("- id: personnel", "- id: secondment").replace(
        "lines: [core, personnel]", "lines: [core, secondment]"
    )
    old, new = write(tmp_path, "old.yaml", OLD), write(tmp_path, "new.yaml", renamed)
    diff = compare_files(str(old), str(new), Run(dt.date(2024, 1, 10))).diff
    assert diff is not None
    assert [(c.row_id, c.year, c.old, c.new, c.change) for c in diff.lines] == [
        ("secondment", 2024, None, Decimal(2), Decimal(2)),
        ("secondment", 2025, None, Decimal(2), Decimal(2)),
        ("secondment", None, None, Decimal(4), Decimal(4)),
        ("personnel", 2024, Decimal(2), None, Decimal(-2)),
        ("personnel", 2025, Decimal(2), None, Decimal(-2)),
        ("personnel", None, Decimal(4), None, Decimal(-4)),
    ]
    assert diff.totals == ()  # the total still adds up to 12 a year
    table = CliRunner().invoke(app, ["diff", str(old), str(new), "--as-of", AS_OF]).stdout
    assert "│ Personnel support │ 2024  │   2 │   - │     -2 │" in table


def test_rev_of_a_comment_only_edit_keeps_ledger_findings_old(tmp_path: Path) -> None:
    """Both sides go through the one pipeline with the same ledger: a finding of the ledger
    (a payment above the line) is not new, so a pull-request check of a comment edit passes."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    example = Path(__file__).parent.parent / "examples"
    (repo / "illustrative_2023_ledger.csv").write_text(
        (example / "illustrative_2023_ledger.csv").read_text(encoding="utf-8")
        + "2023-12-20,personnel,5000000.00,DKK,PER-2023-99,,,one payment too many\n",
        encoding="utf-8",
    )
    text = (example / "illustrative_2023.yaml").read_text(encoding="utf-8")
    (repo / "strategy.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    (repo / "strategy.yaml").write_text("# reviewed\n" + text, encoding="utf-8")
    path = str(repo / "strategy.yaml")
    validate = CliRunner().invoke(app, ["validate", path, "--as-of", "2023-12-31"])
    assert validate.exit_code == 1 and "IOM411" in validate.stdout  # the ledger has a finding
    result = CliRunner().invoke(
        app, ["diff", "--rev", "HEAD", path, "--as-of", "2023-12-31", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["findings_appeared"] == [] and data["findings_disappeared"] == []


def test_diff_lists_an_added_payment_and_allocation_and_a_reduction(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent / "examples"
    text = (example / "illustrative_2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "illustrative_2023_ledger.csv").write_text(
        (example / "illustrative_2023_ledger.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    old = write(tmp_path, "old.yaml", text)
    payment = (
        "  - {date: 2023-12-15, line: core, amount: 250000, currency: DKK, voucher: DK-2023-X}\n"
    )
    assert "disbursements:\n" in text
    edited = text.replace("disbursements:\n", "disbursements:\n" + payment, 1)
    edited = edited.replace(
        "    status: approved\n    finance_act",
        "    status: reduced\n    amount: 99\n    lines: {core: 47, soft_earmarked: 50, "
        "personnel: 2}\n    finance_act",
        1,
    )
    allocation = (
        "  - date: 2023-12-01\n    half_year: 2024-H1\n    approved_by: Head of Department\n"
        "    items:\n      - {id: chad_return, country: Chad, purpose: Return and reintegration,"
        " amount: 4.5, priority_area: 2}\n"
    )
    assert "\nallocations:\n" in edited
    edited = edited.replace("\nallocations:\n", "\nallocations:\n" + allocation, 1)
    new = write(tmp_path, "new.yaml", edited)
    result = CliRunner().invoke(
        app, ["diff", str(old), str(new), "--as-of", "2023-12-31", "-f", "json"]
    )
    data = json.loads(result.stdout)
    assert data["payments"] == [
        {
            "line": "core",
            "year": 2023,
            "old_count": 2,
            "old_sum": "48000000",
            "new_count": 3,
            "new_sum": "48250000",
            "change": "250000",
        }
    ]
    assert data["allocations"] == [
        {"period": "2024-H1", "item": "chad_return", "old": None, "new": "4.5", "change": "4.5"}
    ]
    [approval] = data["approvals"]
    assert approval["new"]["status"] == "reduced" and approval["new"]["amount"] == "99"
    assert approval["new"]["lines"] == {"core": "47", "soft_earmarked": "50", "personnel": "2"}
    assert approval["new"]["finance_act"] == approval["old"]["finance_act"]
    table = CliRunner().invoke(app, ["diff", str(old), str(new), "--as-of", "2023-12-31"]).stdout
    assert "chad_return" in table and "2: 48,000,000" in table and "3: 48,250,000" in table


def test_a_finance_act_codes_total_is_named_with_its_code(tmp_path: Path) -> None:
    """Lines on two codes: the code totals that change are named 'Total §06.39.01.10' (Danish
    'I alt …'), as `budget show` names them, never a second bare 'Total'. By hand: the
    humanitarian line (code 06.39.01.10) goes from 30 to 25 in 2024, so its code's total goes
    from 30 to 25, the period's from 100 to 95, and the grand total of 2024 from 90 to 85."""
    text = (ROOT / "examples" / "illustrative_two_codes_2023_2027.yaml").read_text("utf-8")
    old = write(tmp_path, "old.yaml", text)
    edited = text.replace("amounts: {2024: 30, 2025: 30,", "amounts: {2024: 25, 2025: 30,", 1)
    new = write(tmp_path, "new.yaml", edited)
    args = ["diff", str(old), str(new), "--as-of", "2024-06-30", "-f", "json"]
    data = json.loads(CliRunner().invoke(app, args).stdout)
    assert [(t["id"], t["name"], t["year"], t["old"], t["new"]) for t in data["totals"]] == [
        ("total", "Total contributions", 2024, "90", "85"),
        ("total", "Total contributions", None, "320", "315"),
        ("code:§06.39.01.10", "Total §06.39.01.10", 2024, "30", "25"),
        ("code:§06.39.01.10", "Total §06.39.01.10", None, "100", "95"),
    ]
    danish = CliRunner().invoke(app, [*args[:-2], "-f", "markdown", "-l", "da"]).stdout
    assert "| I alt §06.39.01.10 | 2024 | 30 | 25 | -5 |" in danish
