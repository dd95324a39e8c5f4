"""The portfolio of several strategies (issue 16 item 5): per Finance Act code and year and over
the period, the same hand-computed figures from `disbursement -f json` and from the report's
HTML tables; the report has a table of contents and each strategy's cover table."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

from .conftest import ROOT, run_cli
from .test_report import Page

UNHCR = Path(__file__).parent.parent / "examples" / "illustrative_unhcr_2024.yaml"

# A second, small strategy in thousand DKK: one Finance Act code of its own (§06.32.10.14) and
# one it shares with the UNHCR example's humanitarian and climate lines (§06.39.01.10).
SMALL = textwrap.dedent(
    """\
    schema_version: 1
    strategy:
      title: Small strategy
      organisation: {name: Small Organisation, acronym: SO}
      file_no: "2023-2"
      responsible_unit: Unit S
      period: {start: 2024, end: 2025}
      currency: DKK
      unit: thousand
      finance_act_code: "§06.32.10.14"
    budget:
      title: Contributions
      lines:
        - {id: core, label: a., name: Core, kind: core, finance_act_code: "§06.32.10.14",
           amounts: {2024: 1000, 2025: 1200}}
        - {id: aid, label: b., name: Aid, kind: humanitarian, finance_act_code: "§06.39.01.10",
           amounts: {2024: 500, 2025: 500}}
    cover:
      commitment: {by_year: {2024: 1500, 2025: 1700}, total: 3200}
    approvals:
      - {year: 2024, status: approved, finance_act: FL 2024, decided_on: 2024-01-10}
      - {year: 2025, status: planned}
    disbursements:
      - {date: 2024-03-01, line: core, amount: 600000, currency: DKK, voucher: S-1}
      - {date: 2024-06-01, line: aid, amount: 500000, currency: DKK, voucher: S-2}
    """
)

AS_OF = "2024-12-31"

# Hand-computed, in DKK as of 2024-12-31 (UNHCR's figures are millions: 1 = 1,000,000;
# the small strategy's thousands: 1 = 1,000). Columns: planned, approved, allocated,
# disbursed, remaining, files. None: not decided / no soft-earmarked line.
EXPECTED: dict[tuple[str, int | None], tuple[int, int | None, int | None, int, int, int]] = {
    # small only: 2024 planned = approved 1,000,000; paid 600,000; remaining 1,000,000 - 600,000
    ("§06.32.10.14", 2024): (1_000_000, 1_000_000, None, 600_000, 400_000, 1),
    # 2025 planned 1,200,000, undecided: remaining is the plan
    ("§06.32.10.14", 2025): (1_200_000, None, None, 0, 1_200_000, 1),
    # period: 1,000,000 + 1,200,000; approved only 2024; remaining 400,000 + 1,200,000
    ("§06.32.10.14", None): (2_200_000, 1_000_000, None, 600_000, 1_600_000, 1),
    # UNHCR core 150 + soft 60 = 210 million a year; 2024 approved; allocated 25 + 20 + 15 = 60
    # million; paid 150 + 30 + 25 = 205 million; remaining 210 - 205 = 5 million
    ("§06.32.10.16", 2024): (210_000_000, 210_000_000, 60_000_000, 205_000_000, 5_000_000, 1),
    ("§06.32.10.16", 2025): (210_000_000, None, 0, 0, 210_000_000, 1),
    ("§06.32.10.16", 2026): (210_000_000, None, 0, 0, 210_000_000, 1),
    ("§06.32.10.16", 2027): (210_000_000, None, 0, 0, 210_000_000, 1),
    # 4 x 210 = 840 million; remaining 5 + 3 x 210 = 635 million
    ("§06.32.10.16", None): (840_000_000, 210_000_000, 60_000_000, 205_000_000, 635_000_000, 1),
    # both files: UNHCR syria 40 + climate 10 = 50 million, small aid 500,000
    # 2024: planned = approved 50,500,000; paid 40 + 10 million + 500,000 = 50,500,000; 0 left
    ("§06.39.01.10", 2024): (50_500_000, 50_500_000, None, 50_500_000, 0, 2),
    # 2025: 40 + 10 million + 500,000, undecided
    ("§06.39.01.10", 2025): (50_500_000, None, None, 0, 50_500_000, 2),
    # 2026 and 2027: UNHCR only, syria 30 + climate 20 = 50 million
    ("§06.39.01.10", 2026): (50_000_000, None, None, 0, 50_000_000, 1),
    ("§06.39.01.10", 2027): (50_000_000, None, None, 0, 50_000_000, 1),
    # period: 50.5 + 50.5 + 50 + 50 = 201 million; remaining 0 + 50.5 + 50 + 50 = 150.5 million
    ("§06.39.01.10", None): (201_000_000, 50_500_000, None, 50_500_000, 150_500_000, 2),
    # every code together ("" in JSON): 2024 planned 1 + 210 + 50.5 = 261.5 million, approved
    # the same, allocated 60, disbursed 0.6 + 205 + 50.5 = 256.1, remaining 0.4 + 5 + 0 = 5.4
    ("", 2024): (261_500_000, 261_500_000, 60_000_000, 256_100_000, 5_400_000, 2),
    # 2025: 1.2 + 210 + 50.5 = 261.7 million, nothing decided or paid
    ("", 2025): (261_700_000, None, 0, 0, 261_700_000, 2),
    ("", 2026): (260_000_000, None, 0, 0, 260_000_000, 1),  # 210 + 50
    ("", 2027): (260_000_000, None, 0, 0, 260_000_000, 1),
    # period: 2.2 + 840 + 201 = 1 043.2 million; remaining 1.6 + 635 + 150.5 = 787.1 million
    ("", None): (1_043_200_000, 261_500_000, 60_000_000, 256_100_000, 787_100_000, 2),
}


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def _amount(text: str | None) -> int | None:
    """An exact JSON amount ("50500000" or "50500000.00") as a whole number."""
    if text is None:
        return None
    whole, _, fraction = text.partition(".")
    assert fraction.strip("0") == "", text
    return int(whole)


def test_portfolio_figures_from_json_add_up(tmp_path: Path) -> None:
    run = run_cli("disbursement", str(UNHCR), str(_small(tmp_path)), "--as-of", AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    combined = json.loads(run.stdout)["portfolio"]
    assert combined["currency"] == "DKK"
    got = {
        (r["finance_act_code"], r["year"]): (
            _amount(r["planned"]),
            _amount(r["approved"]),
            _amount(r["allocated"]),
            _amount(r["disbursed"]),
            _amount(r["remaining"]),
            r["files"],
        )
        for r in combined["rows"]
    }
    assert got == EXPECTED


def _shown(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def test_portfolio_table_and_contents_in_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    small = _small(tmp_path)
    run = run_cli("report", str(UNHCR), str(small), "--as-of", AS_OF, "-o", str(out))
    assert run.exit_code == 0, run.stderr
    page = Page(out.read_text(encoding="utf-8"))
    head, *rows = page.table("portfolio-table")
    assert head == [
        "Finance Act code",
        "Year",
        "Planned",
        "Approved",
        "Allocated",
        "Disbursed",
        "Remaining",
        "Files",
    ]
    got = {(r[0], None if r[1] == "Total" else int(r[1])): r[2:] for r in rows}
    assert got == {
        (code or "All Finance Act codes", year): [*map(_shown, figures[:5]), str(figures[5])]
        for (code, year), figures in EXPECTED.items()
    }
    # contents: the portfolio, then each strategy's section, each link to an id on the page
    assert {"portfolio", "b1", "b2"} <= set(page.ids)
    assert page.references[:3] == ["#portfolio", "#b1", "#b2"]  # then the charts' own
    # each strategy's cover table as printed, with its printed totals
    assert page.table("cover-table", 0) == [
        ["", "2024", "2025", "2026", "2027", "Total"],
        ["Commitment", "260", "260", "260", "260", "1,040"],
        ["Projected annual disbursement", "260", "260", "260", "260", "1,040"],
    ]
    assert page.table("cover-table", 1) == [
        ["", "2024", "2025", "Total"],
        ["Commitment", "1,500", "1,700", "3,200"],
    ]


def test_portfolio_in_danish(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    small = _small(tmp_path)
    run = run_cli(
        "report", str(UNHCR), str(small), "--as-of", AS_OF, "--locale", "da", "-o", str(out)
    )
    assert run.exit_code == 0, run.stderr
    page = Page(out.read_text(encoding="utf-8"))
    head, *rows = page.table("portfolio-table")
    assert head[:5] == ["Finanslovskonto", "År", "Planlagt", "Bevilget", "Allokeret"]
    # §06.39.01.10 over the period: 201 million planned, 150.5 million remaining
    assert rows[-6][:5] == ["§06.39.01.10", "I alt", "201.000.000", "50.500.000", "—"]
    assert rows[-6][6] == "150.500.000"
    # every code over the period: 1 043.2 million planned, 787.1 million remaining
    assert rows[-1][:3] == ["Alle finanslovskonti", "I alt", "1.043.200.000"]
    assert rows[-1][6] == "787.100.000"
    assert page.table("cover-table", 1)[1] == ["Tilsagn", "1.500", "1.700", "3.200"]


def test_one_strategy_has_no_portfolio_nor_contents(tmp_path: Path) -> None:
    """One strategy on one Finance Act code (the data file): its own section alone."""
    out = tmp_path / "r.html"
    run = run_cli(
        "report", str(ROOT / "data" / "strategy_2023_2026.yaml"), "--as-of", AS_OF, "-o", str(out)
    )
    assert run.exit_code == 0, run.stderr
    page = Page(out.read_text(encoding="utf-8"))
    assert "portfolio-table" not in page.tables and "portfolio" not in page.ids
    assert not {"#portfolio", "#b1"} & set(page.references)


def test_the_first_screen_names_the_member_with_errors(tmp_path: Path) -> None:
    """A member file's error (a stated total off by 1) shows before the portfolio table: which
    file, linked to its section; the contents mark it too. The sound member is not named."""
    small = tmp_path / "small.yaml"
    small.write_text(SMALL.replace("total: 3200", "total: 3201"), encoding="utf-8")
    out = tmp_path / "r.html"
    # a stated total the lines contradict makes the figures incomplete: written on --partial
    args = ("report", str(UNHCR), str(small), "--as-of", AS_OF, "-o", str(out))
    assert run_cli(*args).exit_code == 1 and not out.exists()
    run = run_cli(*args, "--partial")
    html = out.read_text(encoding="utf-8")
    assert run.exit_code == 1
    alert = html[html.index('class="findings error members-with-errors"') :]
    alert = alert[: alert.index("</div>")]
    assert "These files have errors" in alert
    assert '<li><a href="#b2">Small strategy</a></li>' in alert and "#b1" not in alert
    assert html.index("members-with-errors") < html.index('class="portfolio-table"')
    assert '<a href="#b2">Small strategy</a> <strong class="has-errors">(has errors)' in html
    clean = tmp_path / "clean.html"
    run_cli("report", str(UNHCR), str(_small(tmp_path)), "--as-of", AS_OF, "-o", str(clean))
    assert "members-with-errors" not in clean.read_text(encoding="utf-8")


def test_one_file_named_twice_counts_once(tmp_path: Path) -> None:
    """`disbursement small.yaml ./small.yaml`, or a folder holding a link to a file named too,
    summed the one strategy twice: a portfolio of 2 files planning 2,000,000 for 2024 where the
    file plans 1,000,000, marked complete. The file is read once, as a ledger named twice is."""
    small = _small(tmp_path)
    (tmp_path / "link.yaml").symlink_to(small)
    once = run_cli("disbursement", str(small), "--as-of", AS_OF, "-f", "json")
    for given in ([str(small), str(tmp_path / "." / "small.yaml")], [str(small), str(tmp_path)]):
        run = run_cli("disbursement", *given, "--as-of", AS_OF, "-f", "json")
        assert run.exit_code == 0, run.stderr
        assert json.loads(run.stdout) == json.loads(once.stdout)
    [report] = json.loads(once.stdout)["reports"]
    total_2024 = next(r for r in report["rows"] if r["key"] == "2024" and r["kind"] == "subtotal")
    # core 1,000 + aid 500 thousand DKK planned and approved; paid 600,000 + 500,000
    assert (total_2024["planned"], total_2024["disbursed"]) == ("1500000", "1100000")
    # its two Finance Act codes make a portfolio of the one file
    assert {r["files"] for r in json.loads(once.stdout)["portfolio"]["rows"]} == {1}


def test_one_strategy_on_two_codes_shows_them_as_disbursement(tmp_path: Path) -> None:
    """One file whose lines are on two Finance Act codes: the report gives its figures per code,
    the rows `disbursement` prints for it, to the krone (no contents: one strategy)."""
    two_codes = ROOT / "examples" / "illustrative_two_codes_2023_2027.yaml"
    run = run_cli("disbursement", str(two_codes), "--as-of", AS_OF, "-f", "json")
    assert run.exit_code == 0, run.stderr
    portfolio = json.loads(run.stdout)["portfolio"]["rows"]
    out = tmp_path / "r.html"
    run = run_cli("report", str(two_codes), "--as-of", AS_OF, "-o", str(out))
    assert run.exit_code == 0, run.stderr
    page = Page(out.read_text(encoding="utf-8"))
    _, *rows = page.table("portfolio-table")

    def whole(value: str | None) -> str:
        return "—" if value is None else f"{Decimal(value):,.0f}"

    assert rows == [
        [
            p["finance_act_code"] or "All Finance Act codes",
            "Total" if p["year"] is None else str(p["year"]),
            *(whole(p[k]) for k in ("planned", "approved", "allocated", "disbursed", "remaining")),
            "1",
        ]
        for p in portfolio
    ]
    assert {r[0] for r in rows} == {"§06.32.10.16", "§06.39.01.10", "All Finance Act codes"}
    html = out.read_text(encoding="utf-8")
    assert "<h1>By Finance Act code</h1>" in html and "The strategy per Finance Act code" in html
    assert not {"#portfolio", "#b1"} & set(page.references)  # one strategy: no contents


IOM460 = "left out of the figures, which would count it twice; give each strategy once"


def _one_strategy_twice(folder: Path) -> tuple[Path, Path]:
    """The illustrative example as a.yaml and a copy b.yaml beside their one CSV ledger: one
    strategy (file_no 2022-18394), its vouchers unique within each file."""
    example = (ROOT / "examples" / "illustrative_2023.yaml").read_text(encoding="utf-8")
    ledger = ROOT / "examples" / "illustrative_2023_ledger.csv"
    (folder / ledger.name).write_bytes(ledger.read_bytes())
    first, copy = folder / "a.yaml", folder / "b.yaml"
    first.write_text(example, encoding="utf-8")
    copy.write_text(example, encoding="utf-8")
    return first, copy


def test_one_strategy_in_two_files_is_an_error_and_counted_once(tmp_path: Path) -> None:
    """A folder holding a strategy and its copy summed both with no finding: 2023 disbursed
    161,326,168.56 for a strategy that paid 80,663,084.28. The copy is an error naming both
    files, left out of the figures, which are withheld, and on --partial marked incomplete."""
    first, copy = _one_strategy_twice(tmp_path)
    said = f"{copy}:21:12: error IOM460 the same strategy as {first} (file_no '2022-18394'): "
    run = run_cli("disbursement", str(tmp_path), "--as-of", "2023-12-31", "-f", "json")
    assert (run.exit_code, run.stdout) == (1, "")
    assert said + IOM460 in run.stderr.splitlines()
    run = run_cli("disbursement", str(tmp_path), "--as-of", "2023-12-31", "-f", "json", "--partial")
    assert run.exit_code == 1
    shown = json.loads(run.stdout)
    assert shown["complete"] is False
    assert [(f["file"], f["line"], f["code"], f["values"]) for f in shown["findings"]] == [
        (str(copy), 21, "IOM460", {"first": str(first), "file_no": "2022-18394"})
    ]
    assert [r["file"] for r in shown["reports"]] == [str(first)]
    # core 24,000,000 x 2 + soft earmarked 12,000,000 + USD 1,000,000 x 6.80 + USD 1,000,000
    # x 7.4588 / 1.0868 (6,863,084.28) + 5,000,000 + personnel 4 x 500,000: once
    [year] = [r for r in shown["portfolio"]["rows"] if r["year"] == 2023 and r["finance_act_code"]]
    assert (year["planned"], year["disbursed"], year["files"]) == ("100000000", "80663084.28", 1)


def test_one_strategy_in_two_files_stops_export_and_report_not_validate(tmp_path: Path) -> None:
    first, copy = _one_strategy_twice(tmp_path)
    for args in (("export", "hledger"), ("export", "iati")):
        run = run_cli(*args, str(first), str(copy))
        assert (run.exit_code, run.stdout) == (1, "")
        assert f"{copy}:21:12: error IOM460 the same strategy as {first}" in run.stderr
    out = tmp_path / "r.html"
    run = run_cli("report", str(tmp_path), "--as-of", "2023-12-31", "-o", str(out))
    assert run.exit_code == 1 and not out.exists()
    run = run_cli("disbursement", str(first), str(copy), "--as-of", "2023-12-31", "--locale", "da")
    assert run.exit_code == 1
    assert (
        f"{copy}:21:12: fejl IOM460 samme strategi som {first} (file_no '2022-18394'): udeladt "
        "af tallene, der ellers ville tælle den to gange; angiv hver strategi én gang"
    ) in run.stderr
    # validate checks each file on its own: it sums nothing
    assert "IOM460" not in run_cli("validate", str(first), str(copy)).stdout


def test_without_a_file_no_one_strategy_is_its_title_and_period(tmp_path: Path) -> None:
    text = SMALL.replace('  file_no: "2023-2"\n', "")
    first, copy, later = (tmp_path / name for name in ("a.yaml", "b.yaml", "c.yaml"))
    first.write_text(text, encoding="utf-8")
    copy.write_text(text.replace("voucher: S-", "voucher: T-"), encoding="utf-8")
    # the same title over another period: a strategy of its own
    later.write_text(text.replace("{start: 2024, end: 2025}", "{start: 2024, end: 2026}"), "utf-8")
    run = run_cli("disbursement", str(tmp_path), "--as-of", AS_OF, "-f", "json", "--partial")
    assert run.exit_code == 1
    shown = json.loads(run.stdout)
    assert [(f["file"], f["line"], f["column"], f["code"]) for f in shown["findings"]] == [
        (str(copy), 3, 10, "IOM460")
    ]
    assert shown["findings"][0]["message"] == (
        f"the same strategy as {first} (title 'Small strategy', period 2024-2025, no file_no): "
        + IOM460
    )
    assert [r["file"] for r in shown["reports"]] == [str(first), str(later)]
    # 2024 on §06.32.10.14: core 1,000 thousand planned in a.yaml and in c.yaml, not b.yaml's
    [year] = [
        r
        for r in shown["portfolio"]["rows"]
        if (r["finance_act_code"], r["year"]) == ("§06.32.10.14", 2024)
    ]
    assert (year["planned"], year["disbursed"], year["files"]) == ("2000000", "1200000", 2)
