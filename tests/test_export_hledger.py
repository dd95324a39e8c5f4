"""The hledger journal read by the REAL hledger: strict and optional checks pass, the budget report
compares the plan with approvals and disbursements, balances equal hand-computed figures to the
øre, and no text of the strategy can add a line, a directive or a tag. hledger is a Debian package
that .ci/run installs; without it these tests skip with a reason, and fail under CI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from iomstrat.core.pipeline import Run, check_file
from iomstrat.export import hledger as export_hledger
from iomstrat.export.hledger import component, payee, tag, text

from .conftest import AS_OF, DATA_FILE, ROOT, edited, require_tool, run_cli

CODE = "§06.32.10.14"
LINES = ("core", "soft_earmarked", "personnel")
IOM = "International Organization for Migration"
EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"
CHECKS = ("check", "-s", "ordereddates", "payees", "uniqueleafnames")
"""hledger's strict and optional checks; `uniqueleafnames` holds for a journal of one strategy
(strategies exported together may share a line id: `core` under each organisation)."""

DECIDED = """approvals:
  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
  - year: 2024
    status: reduced
    finance_act: Finance Act 2024
    decided_on: 2023-12-20
    amount: 95.454321
    lines: {core: 45.654321, soft_earmarked: 48, personnel: 1.8}
  - year: 2025
    status: withheld
    finance_act: Finance Act 2025
    decided_on: 2024-12-19
  - year: 2026
    status: planned
"""


def hledger(journal: Path, *args: str) -> str:
    """The real hledger's output; its error output in the assertion when it fails."""
    program = require_tool("hledger", "apt-get install -y hledger (.ci/run does)")
    done = subprocess.run(
        [program, "-f", str(journal), *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def table(journal: Path, *args: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(hledger(journal, *args, "-O", "csv"))))


def hledger_balances(journal: Path) -> dict[tuple[str, str], Decimal]:
    """{(account, year): balance at cost} as the real hledger computes it."""
    rows = table(journal, "bal", "-Y", "-B", "--layout=bare", "--empty")
    years = rows[0][2:]
    return {
        (row[0], year): Decimal(value)
        for row in rows[1:]
        if row[0] != "total"
        for year, value in zip(years, row[2:], strict=True)
    }


def export(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "strategy.yaml"
    source.write_text(text, encoding="utf-8")
    journal = tmp_path / "strategy.journal"
    result = run_cli("export", "hledger", str(source), "--output", str(journal))
    assert result.exit_code == 0, result.stderr
    return journal


def decided(tmp_path: Path) -> Path:
    text = edited("approvals:", "approvals_old:")
    return export(tmp_path, text[: text.index("approvals_old:")] + DECIDED)


def test_the_journal_passes_strict_and_optional_checks(tmp_path: Path) -> None:
    for journal in (export(tmp_path, DATA_FILE.read_text(encoding="utf-8")), decided(tmp_path)):
        hledger(journal, *CHECKS)  # fails with hledger's message


def test_accounts_are_declared_with_their_types(tmp_path: Path) -> None:
    journal = decided(tmp_path)
    by_type = {kind: hledger(journal, "accounts", f"type:{kind}").split() for kind in "ARXC"}
    assert by_type == {
        "A": ["assets", "assets:appropriations:IOM"],
        "R": ["revenues", f"revenues:appropriation:IOM:{CODE}"],
        "X": ["expenses", *(f"expenses:IOM:{CODE}:{line}" for line in sorted(LINES))],
        "C": [],  # approvals are no cash flow
    }


def test_cash_flow_lists_no_approval(tmp_path: Path) -> None:
    """`hledger cf` reports cash accounts; what parliament approved is none."""
    journal = decided(tmp_path)
    assert "approval" in hledger(journal, "print")
    assert "appropriations" not in hledger(journal, "cf", "-Y")
    assert hledger(journal, "reg", "type:C") == ""


def test_a_reduction_without_lines_is_apportioned_per_line_and_tagged(tmp_path: Path) -> None:
    """2024 reduced to 95 without line amounts: split as the figures split it (in proportion to
    the plan 48 : 50 : 2, the rounding on the last line), so `hledger bal` gives approved per
    line: 45.6, 47.5, 1.9 million."""
    text = DECIDED.replace(
        "    amount: 95.454321\n    lines: {core: 45.654321, soft_earmarked: 48, personnel: 1.8}\n",
        "    amount: 95\n",
    )
    assert text != DECIDED
    base = edited("approvals:", "approvals_old:")
    journal = export(tmp_path, base[: base.index("approvals_old:")] + text)
    rows = table(journal, "bal", "revenues", "-Y", "--pivot", "line", "--layout=bare")
    assert [row[:2] + row[3:4] for row in rows] == [
        ["account", "commodity", "2024"],
        ["core", "DKK", "-45600000.00"],
        ["personnel", "DKK", "-1900000.00"],
        ["soft_earmarked", "DKK", "-47500000.00"],
        ["total", "DKK", "-95000000.00"],
    ]
    tagged = table(journal, "bal", "revenues", "-Y", "tag:apportioned", "--layout=bare")
    assert tagged[-1][3] == "-95000000.00"
    hledger(journal, *CHECKS)


def test_the_budget_report_compares_the_plan_every_year(tmp_path: Path) -> None:
    journal = export(tmp_path, DATA_FILE.read_text(encoding="utf-8"))
    rows = {row[0]: row[1:] for row in table(journal, "bal", "--budget", "-Y")}
    assert rows["Account"] == [year for y in range(2023, 2027) for year in (str(y), "budget")]
    # Nothing approved or paid yet (no actual amount); the plan of section 5: 48 + 50 + 2 = 100
    # million a year, but 2023 as signed: 75, apportioned 36 + 37.5 + 1.5.
    assert (
        rows[f"expenses:IOM:{CODE}:core"] == ["", "36000000.00 DKK"] + ["", "48000000.00 DKK"] * 3
    )
    assert (
        rows[f"expenses:IOM:{CODE}:soft_earmarked"]
        == ["", "37500000.00 DKK"]
        + [
            "",
            "50000000.00 DKK",
        ]
        * 3
    )
    assert (
        rows[f"expenses:IOM:{CODE}:personnel"]
        == ["", "1500000.00 DKK"] + ["", "2000000.00 DKK"] * 3
    )
    assert (
        rows[f"revenues:appropriation:IOM:{CODE}"]
        == ["", "-75000000.00 DKK"]
        + [
            "",
            "-100000000.00 DKK",
        ]
        * 3
    )


def test_approvals_per_line_and_year_to_the_ore(tmp_path: Path) -> None:
    journal = decided(tmp_path)
    rows = table(journal, "bal", "revenues", "-Y", "--pivot", "line", "--layout=bare")
    assert rows[0] == ["account", "commodity", "2023", "2024", "2025", "2026"]
    assert rows[1:] == [
        # 2023 approved as planned on 2023-03-15; 2024 reduced on 2023-12-20, counted in its
        # appropriation year 2024, to the øre; 2025 withheld: nothing; 2026 still planned.
        ["core", "DKK", "-48000000.00", "-45654321.00", "0", "0"],
        ["personnel", "DKK", "-2000000.00", "-1800000.00", "0", "0"],
        ["soft_earmarked", "DKK", "-50000000.00", "-48000000.00", "0", "0"],
        ["total", "DKK", "-100000000.00", "-95454321.00", "0", "0"],
    ]
    balances = hledger_balances(journal)
    assert balances[("assets:appropriations:IOM", "2024")] == Decimal("95454321.00")
    budget = {row[0]: row[1:] for row in table(journal, "bal", "--budget", "-Y")}
    assert budget[f"revenues:appropriation:IOM:{CODE}"] == [
        "-100000000.00 DKK",
        "-100000000.00 DKK",
        "-95454321.00 DKK",
        "-100000000.00 DKK",
        "0",
        "-100000000.00 DKK",
        "0",
        "-100000000.00 DKK",
    ]


def transactions(journal: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(hledger(journal, "print", "-O", "json"))
    return found


def test_payee_is_the_organisation_the_note_the_purpose_and_tags_carry_the_rest(
    tmp_path: Path,
) -> None:
    journal = decided(tmp_path)
    assert hledger(journal, "payees").split("\n")[0] == IOM
    found = [(t["tdate"], t["tdescription"], t["ttags"]) for t in transactions(journal)]
    assert found == [
        ("2023-01-01", f"{IOM} | strategy period begins", [["file_no", "2022-18394"]]),
        (
            "2023-03-15",
            f"{IOM} | approval 2023: approved",
            [
                ["year", "2023"],
                ["status", "approved"],
                ["finance_act", "Finance Act 2023"],
                ["finance_act_code", CODE],
            ],
        ),
        (
            "2023-12-20",
            f"{IOM} | approval 2024: reduced",
            [
                ["year", "2024"],
                ["status", "reduced"],
                ["finance_act", "Finance Act 2024"],
                ["finance_act_code", CODE],
            ],
        ),
        (
            "2024-12-19",
            f"{IOM} | approval 2025: withheld",
            [
                ["year", "2025"],
                ["status", "withheld"],
                ["finance_act", "Finance Act 2025"],
                ["finance_act_code", CODE],
            ],
        ),
        ("2026-12-31", f"{IOM} | strategy period ends", [["file_no", "2022-18394"]]),
    ]


# --- Hostile text: nothing of the file can start a line, a directive, a comment or a tag -----

HOSTILE = "x\ninclude /etc/passwd\n2020-01-01 forged\n    assets:appropriations  1 DKK ; evil:1"


@pytest.mark.parametrize(
    ("render", "value", "expected"),
    [
        (text, "a\nb\r\nc\x85d\u2028e\u202ef\x1b[31mg;h", "a b c d e f [31mg,h"),
        (payee, "(CODE) *IOM | forged", "CODE) *IOM / forged"),
        (payee, "\n", "-"),
        (tag, "V-1, date:2099-01-01\nx", "V-1  date:2099-01-01 x"),
        (component, "§06:32  10\t14;x", "§06-32 10 14-x"),
    ],
)
def test_text_is_made_inert_for_its_place(render: Any, value: str, expected: str) -> None:
    assert render(value) == expected


def test_hostile_text_in_every_field_reaches_hledger_inert(tmp_path: Path) -> None:
    """Texts injected after validation (as a file the model refuses would carry them): the
    journal still holds exactly its own transactions, tags and accounts."""
    checked = check_file(str(EXAMPLE), Run(AS_OF))
    strategy, book = checked.strategy, checked.book
    assert strategy is not None and book is not None
    info = strategy.strategy.model_copy(
        update={
            "file_no": HOSTILE,
            "title": HOSTILE,
            "finance_act_code": HOSTILE,
            "organisation": strategy.strategy.organisation.model_copy(update={"name": HOSTILE}),
        }
    )
    first = strategy.budget.lines[0].model_copy(
        update={"finance_act_code": HOSTILE, "name": HOSTILE}
    )
    budget = strategy.budget.model_copy(update={"lines": [first, *strategy.budget.lines[1:]]})
    strategy = strategy.model_copy(update={"strategy": info, "budget": budget})
    records = [p._replace(voucher=HOSTILE) for p in book.payments.records]
    book.payments.replace(records)
    path = tmp_path / "hostile.journal"
    path.write_text(export_hledger.journal([(strategy, book)]).text, encoding="utf-8")

    hledger(path, *CHECKS)
    assert "\ninclude" not in path.read_text(encoding="utf-8")
    found = transactions(path)
    # 2 period marks + 1 approval + 10 payments (5 in the file, 5 in its CSV ledger); no forgery.
    assert len(found) == 13
    assert all(t["tdate"] >= "2023-01-01" for t in found)
    tags = {name for t in found for name, _ in t["ttags"]}
    assert tags == {"file_no", "year", "status", "finance_act", "finance_act_code", "voucher"} | {
        "line",
        "allocation",
    }
    vouchers = {v for t in found for name, v in t["ttags"] if name == "voucher"}
    assert vouchers == {
        "x include /etc/passwd 2020-01-01 forged assets:appropriations 1 DKK   evil:1"
    }
    assert hledger(path, "payees").strip() == text(HOSTILE).replace("|", "/")


def test_appropriation_year_0_and_10000_are_left_out_with_a_reason(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8").replace("  - year: 2026\n", "  - year: 10000\n")
    text = text.replace("  - year: 2025\n    status: planned", "  - year: 0\n    status: approved")
    text += (
        "\ndisbursements:\n"
        "  - {date: 2023-04-03, line: core, amount: 1, currency: DKK, voucher: A, year: 0}\n"
        "  - {date: 2023-04-04, line: core, amount: 2, currency: DKK, voucher: B, year: 10000}\n"
    )
    source = tmp_path / "years.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "years.journal"
    result = run_cli("export", "hledger", str(source), "-o", str(out), "--partial")
    assert result.exit_code == 1
    assert "approval of year 0 is not a calendar year; left out" in result.stderr
    assert "voucher A) has appropriation year 0; left out" in result.stderr
    assert "voucher B) has appropriation year 10000; left out" in result.stderr
    hledger(out, *CHECKS)


def _accounts(tmp_path: Path, *paths: Path) -> list[str]:
    """The accounts hledger reads in the journal of `paths` exported together."""
    journal = tmp_path / ("-".join(p.stem for p in paths) + ".journal")
    result = run_cli("export", "hledger", *map(str, paths), "-o", str(journal))
    assert result.exit_code == 0, result.stderr
    hledger(journal, *CHECKS[:-1])
    return hledger(journal, "accounts").splitlines()


def test_an_account_is_named_by_its_own_strategy_alone(tmp_path: Path) -> None:
    """IOM and UNHCR both have a line `core`, and a copy of IOM's file is on another code:
    each account is named from its own file (organisation, code, line), with no space and no
    repeated code, and the same whichever files are exported together."""
    iom, unhcr, moved = (
        tmp_path / "iom.yaml",
        EXAMPLE.parent / "illustrative_unhcr_2024.yaml",
        tmp_path / "moved.yaml",
    )
    iom.write_text(DATA_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    moved.write_text(  # another strategy (a file_no of its own) on another code
        DATA_FILE.read_text(encoding="utf-8")
        .replace("§06.32.10.14", "§06.32.10.15")
        .replace('file_no: "2022-18394"', 'file_no: "2023-90001"'),
        encoding="utf-8",
    )
    alone = {path: set(_accounts(tmp_path, path)) for path in (iom, unhcr, moved)}
    together = _accounts(tmp_path, iom, unhcr, moved)
    assert set(together) == alone[iom] | alone[unhcr] | alone[moved]
    assert {
        f"expenses:IOM:{CODE}:core",
        "expenses:IOM:§06.32.10.15:core",
        "expenses:UNHCR:§06.32.10.16:core",
        f"revenues:appropriation:IOM:{CODE}",
        "assets:appropriations:UNHCR",
    } <= set(together)
    assert not [name for name in together if " " in name]
    journal = tmp_path / f"iom-{unhcr.stem}-moved.journal"
    # `hledger bal` gives IOM's accounts the same balances alone and with the others.
    mine = hledger_balances(tmp_path / "iom.journal")
    ours = hledger_balances(journal)
    assert mine and all(ours[key] == value for key, value in mine.items())
    rows = {row[0]: row[1:3] for row in table(journal, "bal", "--budget", "-Y")}
    assert rows["revenues:appropriation:IOM:§06.32.10.15"] == ["", "-75000000.00 DKK"]  # signed


def test_a_folder_is_exported_as_its_strategies_with_a_table_left_out(tmp_path: Path) -> None:
    from .disbursement_helpers import write_example

    path = write_example(tmp_path)
    annex = DATA_FILE.parent / "annex2_funding_2021.yaml"
    (tmp_path / annex.name).write_text(annex.read_text(encoding="utf-8"), encoding="utf-8")
    alone = run_cli("export", "hledger", str(path))
    folder = run_cli("export", "hledger", str(tmp_path))
    assert (folder.exit_code, alone.exit_code) == (0, 0), folder.stderr
    assert folder.stdout == alone.stdout and "expenses:IOM:" in folder.stdout
    [left_out] = [line for line in folder.stderr.splitlines() if "IOM450" in line]
    assert left_out.startswith(f"{tmp_path / annex.name}:") and "warning IOM450" in left_out
    iati = run_cli("export", "iati", str(tmp_path), "--as-of", AS_OF)
    assert iati.exit_code == 0 and iati.stdout.count("<iati-activity ") == 1, iati.stderr
    # a folder of table files alone: the one line saying what to give, exit 2
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / annex.name).write_text(annex.read_text(encoding="utf-8"), encoding="utf-8")
    refused = run_cli("export", "hledger", str(tables))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "a table file (top-level `table:`), not a strategy; `iomstrat export`" in refused.stderr


OTHER_TOOLS = {
    "docker-compose.yml": "services:\n  web:\n    image: nginx:1.27\n",
    "pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    "workflows/ci.yml": "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    "k8s/deploy.yaml": "kind: Service\n---\nkind: Deployment\n",  # two documents
}
"""Other tools' YAML a repository's folder holds beside its strategies."""


def _folder_with_other_tools(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "strategies"
    from .disbursement_helpers import write_example

    (folder / "k8s").mkdir(parents=True)
    (folder / "workflows").mkdir()
    unhcr = folder / "unhcr.yaml"
    unhcr.write_text((EXAMPLE.parent / "illustrative_unhcr_2024.yaml").read_text("utf-8"), "utf-8")
    for name, content in OTHER_TOOLS.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder, [write_example(folder), unhcr]


def test_a_folder_with_other_tools_yaml_exports_its_strategies(tmp_path: Path) -> None:
    """A pre-commit config, a workflow, a docker-compose and a Kubernetes file in the folder are
    skipped with a note, by `validate`'s rule; the strategies are exported as if named."""
    folder, strategies = _folder_with_other_tools(tmp_path)
    named = run_cli("export", "hledger", *map(str, strategies))
    walked = run_cli("export", "hledger", str(folder), "-o", str(tmp_path / "all.journal"))
    assert (walked.exit_code, named.exit_code) == (0, 0), walked.stderr
    assert (tmp_path / "all.journal").read_text("utf-8") == named.stdout
    notes = [line for line in walked.stderr.splitlines() if "another tool's YAML" in line]
    assert sorted(notes) == sorted(
        f"iomstrat: {folder / name}: skipped, no top-level strategy: or table: key "
        "(another tool's YAML)"
        for name in OTHER_TOOLS
    )
    assert "IOM02" not in walked.stderr  # none of them is read as a strategy
    # the real hledger reads the journal of both strategies, strictly
    hledger(tmp_path / "all.journal", *CHECKS[:-1])
    accounts = hledger(tmp_path / "all.journal", "accounts").splitlines()
    assert f"expenses:IOM:{CODE}:core" in accounts and "expenses:UNHCR:§06.32.10.16:core" in (
        accounts
    )
    # IATI: one activity per strategy (the UNHCR example lacks IATI's sector: its IOM709
    # errors only); the notes in Danish under --locale da
    iati = run_cli("export", "iati", str(folder), "--as-of", "2024-06-01", "--locale", "da")
    assert iati.stdout.count("<iati-activity ") == 2, iati.stderr
    errors = {line.split()[2] for line in iati.stderr.splitlines() if " fejl " in line}
    assert (iati.exit_code, errors) == (1, {"IOM709"})
    assert iati.stderr.count("sprunget over") == len(OTHER_TOOLS)
    # a file named is read as a strategy whatever it holds: not skipped, an error
    compose = run_cli("export", "hledger", str(folder / "docker-compose.yml"))
    assert compose.exit_code == 1 and "IOM021" in compose.stderr and compose.stdout == ""


def test_disbursement_and_report_of_such_a_folder_skip_the_same_files(tmp_path: Path) -> None:
    folder, strategies = _folder_with_other_tools(tmp_path)
    as_of = ("--as-of", "2024-06-01")
    named = run_cli("disbursement", *map(str, strategies), *as_of, "-f", "json")
    walked = run_cli("disbursement", str(folder), *as_of, "-f", "json")
    assert (walked.exit_code, named.exit_code) == (0, 0), walked.stderr
    assert json.loads(walked.stdout) == json.loads(named.stdout)
    assert json.loads(walked.stdout)["portfolio"] is not None  # two strategies, one portfolio
    assert walked.stderr.count("another tool's YAML") == len(OTHER_TOOLS)
    page = tmp_path / "r.html"
    report = run_cli("report", str(folder), *as_of, "-o", str(page))
    assert report.exit_code == 0, report.stderr
    assert report.stderr.count("another tool's YAML") == len(OTHER_TOOLS)
    html = page.read_text("utf-8")
    assert "docker-compose" not in html and html.count('<section class="briefing"') == 2
