"""Figures for spreadsheets: `budget show --format xlsx` read back with openpyxl, CSV that en and
da spreadsheets read as numbers, and `--output FILE` for every format."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from babel.numbers import parse_decimal

from .conftest import draft_text, require_tool, run_cli
from .spreadsheet_helpers import assert_prints_well, header_row, table


def edited(old: str, new: str) -> str:
    """The draft as transcribed (100 a year, no signed version), with `old` replaced: a year
    the tests change is not then apportioned by the signed version."""
    text = draft_text()
    assert old in text, old
    return text.replace(old, new, 1)


YEARS = [2023, 2024, 2025, 2026]
# Core 2023 is 47.5 (and the stated totals follow), so that decimals are exercised.
HALF = (
    edited("amounts: {2023: 48, 2024: 48", "amounts: {2023: 47.5, 2024: 48")
    .replace("stated: {2023: 98,", "stated: {2023: 97.5,")
    .replace("stated: {2023: 100,", "stated: {2023: 99.5,", 1)
)
EXPECTED = {  # name -> figures 2023..2026 and total, DKK million
    "Total core incl. soft earmarked funding hereof:": ["97.5", "98", "98", "98", "391.5"],
    "a. Core funding": ["47.5", "48", "48", "48", "191.5"],
    "b. Soft earmarked: Migration management and capacity building in Africa and innovation": [
        "50",
        "50",
        "50",
        "50",
        "200",
    ],
    "Personnel support": ["2", "2", "2", "2", "8"],
    "Total contributions (core, soft earmarked and personnel support)": [
        "99.5",
        "100",
        "100",
        "100",
        "399.5",
    ],
    # the draft's cover as printed, below the budget (kind `cover`)
    "Cover table: Commitment": ["100", "100", "100", "100", "400"],
    "Cover table: Projected annual disbursement": ["100", "100", "100", "100", "400"],
}


def data_rows(
    sheet: openpyxl.worksheet.worksheet.Worksheet, caption: str = "(DKK million)"
) -> dict[str, list[object]]:
    """Figures by row name: the year columns and the total (not the code, not the Kind)."""
    return {str(r[caption]): list(r.values())[2:-1] for r in table(sheet, caption)}


def test_xlsx_holds_numbers_with_a_number_format(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "budget.xlsx"
    run = run_cli("budget", "show", write(HALF), "--format", "xlsx", "--output", str(target))
    assert run.exit_code == 0 and run.stdout == ""
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Budget"]
    sheet = book["Budget"]
    rows = data_rows(sheet)
    got = {name: [Decimal(str(v)) for v in values] for name, values in rows.items()}
    assert got == {name: [Decimal(v) for v in values] for name, values in EXPECTED.items()}
    numeric = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert len(numeric) == 35
    assert {c.data_type for c in numeric} == {"n"}
    assert {c.number_format for c in numeric} == {"#,##0.0"}
    header = [c.value for c in sheet[header_row(sheet, "(DKK million)")]]
    assert header == [
        "(DKK million)",
        "Finance Act code",
        "Planned 2023*",
        "Planned 2024*",
        "Planned 2025*",
        "Planned 2026*",
        "Total 2023-2026",
        "Kind",
    ]
    assert_prints_well(sheet, "(DKK million)")


def test_xlsx_marks_totals_so_that_a_filter_counts_each_figure_once(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "budget.xlsx"
    run_cli("budget", "show", write(HALF), "-f", "xlsx", "-o", str(target))
    sheet = openpyxl.load_workbook(target)["Budget"]
    rows = table(sheet, "(DKK million)")
    assert [r["Kind"] for r in rows] == [
        "subtotal",
        "line",
        "line",
        "line",
        "total",
        *["cover"] * 2,
    ]
    lines = [r for r in rows if r["Kind"] == "line"]
    # Filtered to lines: 47.5 + 50 + 2 in 2023, the stated total of all contributions.
    assert sum(Decimal(str(r["Planned 2023*"])) for r in lines) == Decimal("99.5")
    assert sum(Decimal(str(r["Total 2023-2026"])) for r in lines) == Decimal("399.5")
    totals = [c for c in sheet[header_row(sheet, "(DKK million)") + 5]]
    assert totals[0].value.startswith("Total contributions")
    assert {c.font.bold for c in totals} == {True}
    assert {c.border.top.style for c in totals} == {"thin"}


def test_xlsx_in_danish(tmp_path: Path) -> None:
    target = tmp_path / "budget.xlsx"
    run_cli("budget", "show", "-f", "xlsx", "-l", "da", "-o", str(target))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Budget"]
    sheet = book["Budget"]
    rows = table(sheet, "(mio. kr.)")
    assert list(rows[0]) == [
        "(mio. kr.)",
        "Finanslovskonto",
        "Planlagt 2023*",
        "Planlagt 2024*",
        "Planlagt 2025*",
        "Planlagt 2026*",
        "I alt 2023-2026",
        "Art",
    ]
    kinds = ["subtotal", "linje", "linje", "linje", "total", "forside", "forside"]
    assert [r["Art"] for r in rows] == kinds
    assert rows[1]["I alt 2023-2026"] == 180  # 2023 as signed: 36 + 48 + 48 + 48
    # The Danish locale on the format: LibreOffice shows 1.234,5 whatever its own settings.
    cell = sheet.cell(header_row(sheet, "(mio. kr.)") + 1, 4)
    # 2024's column: every column shows one decimal where one figure has it (73.5 in 2023).
    assert cell.value == 98 and cell.number_format == "[$-406]#,##0.0"
    assert sheet.oddFooter.center.text == "Side &P af &N"
    assert_prints_well(sheet, "(mio. kr.)")


def test_xlsx_with_error_findings_says_so_in_its_first_rows(tmp_path: Path) -> None:
    # Core 2023 at 40: the stated totals (98, 100) and the cover figures no longer add up.
    target = tmp_path / "budget.xlsx"
    bad = tmp_path / "bad.yaml"
    bad.write_text(edited("amounts: {2023: 48, 2024: 48", "amounts: {2023: 40, 2024: 48"))
    withheld = run_cli("budget", "show", str(bad), "-f", "xlsx", "-o", str(target))
    assert withheld.exit_code == 1 and not target.exists()  # no figures an error made wrong
    run = run_cli("budget", "show", str(bad), "-f", "xlsx", "-o", str(target), "--partial")
    assert run.exit_code == 1
    assert run.stderr.count(" error IOM") == 6
    sheet = openpyxl.load_workbook(target)["Budget"]
    first = [sheet.cell(row, 1).value for row in range(1, 9)]
    assert first[0] == "6 errors: figures may be incomplete"
    assert first[1] == f"{bad}:77:22: IOM101 " + run.stderr.split(" IOM101 ")[1].split("\n")[0]
    assert [str(v).split(": ")[1][:6] for v in first[1:7]] == ["IOM101"] * 2 + ["IOM103"] * 4
    assert first[7] is None  # a blank row, then the table's own heading
    assert sheet["A1"].font.color.rgb.endswith("C00000") and sheet["A1"].font.bold
    assert sheet.oddHeader.right.text == "6 errors: figures may be incomplete"
    assert data_rows(sheet)["a. Core funding"][0] == 40  # the figures come out, under the banner
    assert_prints_well(sheet, "(DKK million)")


def test_xlsx_in_kroner(tmp_path: Path) -> None:
    target = tmp_path / "budget.xlsx"
    run_cli("budget", "show", "-f", "xlsx", "-u", "kroner", "-o", str(target))
    sheet = openpyxl.load_workbook(target)["Budget"]
    rows = data_rows(sheet, "(DKK)")
    # 2023 as signed: 75 million, core's share 36.
    assert rows["a. Core funding"] == [36_000_000] + [48_000_000] * 3 + [180_000_000]
    assert rows["Total contributions (core, soft earmarked and personnel support)"][-1] == (
        375_000_000
    )
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, int)]
    # 2023's line figures are apportioned (the signed version gives its total only): marked †
    assert {c.number_format for c in cells} == {"#,##0", '#,##0"†"'}
    assert sheet.column_dimensions["G"].width >= len("400,000,000") + 1
    assert_prints_well(sheet, "(DKK)")


def test_xlsx_needs_an_output_file() -> None:
    run = run_cli("budget", "show", "--format", "xlsx")
    assert run.exit_code == 2
    assert run.stderr == "iomstrat: --format xlsx writes a file: give --output FILE\n"
    assert run.stdout == ""


def parse_csv(text: str, locale: str) -> dict[str, list[Decimal]]:
    """Read CSV as a spreadsheet in `locale` does: its list separator, its decimal sign."""
    assert text.startswith("\ufeff")  # the BOM that makes Excel read UTF-8
    delimiter = {"en": ",", "da": ";"}[locale]
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))
    header = [*map(str, YEARS), "total", "source", "apportioned_years", "markers", "complete"]
    assert rows[0][5:] == header
    return {
        row[2]: [parse_decimal(v, locale=locale, strict=True) for v in row[5:-4]]
        for row in rows[1:]
    }


@pytest.mark.parametrize("locale", ["en", "da"])
def test_csv_file_reads_as_numbers(write, tmp_path: Path, locale: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "budget.csv"
    run_cli("budget", "show", write(HALF), "-f", "csv", "-l", locale, "-o", str(target))
    raw = target.read_bytes()
    assert b"\r\n" in raw and "§06.32.10.14".encode() in raw
    text = raw.decode("utf-8")
    got = parse_csv(text, locale)
    assert got["Core funding"] == [Decimal(v) for v in EXPECTED["a. Core funding"]]
    assert got["Total contributions (core, soft earmarked and personnel support)"][0] == Decimal(
        "99.5"
    )
    if locale == "da":
        assert ";47,5;48;48;48;191,5;stated;;;true\r\n" in text
    else:
        assert ",47.5,48,48,48,191.5,stated,,,true\r\n" in text


def test_csv_no_grouping_in_kroner() -> None:
    # A grouping mark would turn a number into text (or into the wrong number) in one locale.
    out = run_cli("budget", "show", "-f", "csv", "-l", "da", "-u", "kroner").stdout
    assert ";36000000;48000000;48000000;48000000;180000000" in out.splitlines()[2]
    assert not out.startswith("\ufeff")  # standard output is for programs: no BOM


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["budget", "show", "-f", "table"], "a. Core funding"),
        (["budget", "show", "-f", "markdown"], "| a. Core funding |"),
        (["budget", "show", "-f", "json"], '"total": "375"'),
        (["budget", "show", "-f", "csv"], "core,a.,Core funding"),
        (["validate", "--as-of", "2022-12-01", "-f", "json"], '"code": "IOM206"'),
        (["validate", "--as-of", "2022-12-01", "-f", "sarif"], '"version": "2.1.0"'),
        (["schema"], '"$defs"'),
    ],
)
def test_output_file_for_every_format(tmp_path: Path, args: list[str], check: str) -> None:
    target = tmp_path / "out"
    run = run_cli(*args, "--output", str(target))
    assert run.exit_code == 0 and run.stdout == ""
    text = target.read_text(encoding="utf-8-sig")
    assert check in text
    if args[-1] in ("json", "sarif") or args == ["schema"]:
        json.loads(text)


def test_output_to_an_unwritable_place(tmp_path: Path) -> None:
    run = run_cli("budget", "show", "-f", "xlsx", "-o", str(tmp_path / "no" / "such" / "b.xlsx"))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[-1].startswith(
        f"iomstrat: {tmp_path}/no/such/b.xlsx: cannot write:"
    )


@pytest.mark.parametrize("locale", ["en", "da"])
def test_disbursement_csv_file_reads_as_numbers(tmp_path: Path, locale: str) -> None:
    from .conftest import ROOT

    target = tmp_path / "disbursement.csv"
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    args = ["disbursement", example, "--as-of", "2023-12-31", "-f", "csv", "-l", locale]
    run = run_cli(*args, "-o", str(target))
    assert run.exit_code == 0, run.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(
        csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";" if locale == "da" else ",")
    )
    soft = next(r for r in rows if r["key"] == "soft_earmarked" and r["year"] == "2023")
    figures = {
        k: parse_decimal(soft[k], locale=locale, strict=True)
        for k in ("disbursed", "rate", "variance")
    }
    assert figures == {
        "disbursed": Decimal("30663084.28"),
        "rate": Decimal("0.6133"),
        "variance": Decimal("-19336915.72"),
    }


def test_table_csv_file_has_a_bom(tmp_path: Path) -> None:
    from .conftest import ROOT

    target = tmp_path / "annex.csv"
    table_file = str(ROOT / "data" / "annex2_funding_2021.yaml")
    run = run_cli("table", "show", table_file, "-f", "csv", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert target.read_bytes().startswith("\ufeff".encode())
    assert not run_cli("table", "show", table_file, "-f", "csv").stdout.startswith("\ufeff")


# LibreOffice prints the workbooks the tool writes; what it prints is read back with poppler.


def _office() -> str:
    """LibreOffice and pdftotext, or a loud skip (a failure under CI, where .ci/run installs
    them: the test can never pass by not running)."""
    install = "apt-get install libreoffice-calc-nogui poppler-utils (.ci/run does)"
    require_tool("pdftotext", install)
    return require_tool("soffice", install)


def _tall_sheet() -> bytes:
    """150 lines and their total: several pages down, each one page wide."""
    from iomstrat.render.xlsx import Sheet, workbook

    rows = tuple(
        (f"Line {n}", 2023, Decimal(n * 1_000_000) + Decimal("0.25"), Decimal(n) / 200)
        for n in range(1, 151)
    )
    total = ("Total", None, sum(r[2] for r in rows), None)
    sheet = Sheet(
        title="Tall",
        heading=("A long sheet",),
        columns=("Line", "Year", "Planned", "Rate"),
        rows=(*rows, total),
        kinds=("line",) * 150 + ("total",),
        column_formats=(None, "0", None, "0.0%"),
    )
    return workbook([sheet])


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of workbooks the tool writes, by name: budgets, views, a failing file."""
    from .conftest import ROOT

    folder = tmp_path_factory.mktemp("printed")
    strategy = folder / "half.yaml"
    strategy.write_text(HALF, encoding="utf-8")
    bad = folder / "bad.yaml"
    bad.write_text(edited("amounts: {2023: 48, 2024: 48", "amounts: {2023: 40, 2024: 48"))
    example = str(ROOT / "examples" / "illustrative_2023.yaml")
    paid = ["disbursement", example, "--as-of", "2023-12-31", "-f", "xlsx"]
    runs = {
        "budget": ["budget", "show", str(strategy), "-f", "xlsx"],
        "budget_da": ["budget", "show", str(strategy), "-f", "xlsx", "-l", "da"],
        "errors": ["budget", "show", str(bad), "-f", "xlsx", "--partial"],
        "disbursement": paid,
        "quarters_da": [*paid, "--by", "quarter", "-l", "da"],
        "priority": [*paid, "--by", "priority"],
        "places": [*paid, "--by", "place"],
        "usd": [*paid, "--currency", "USD"],
        # Nothing approved or allocated yet: whole columns without a figure under their heading.
        "undecided": ["disbursement", str(strategy), "--as-of", "2022-12-31", "-f", "xlsx"],
    }
    for name, args in runs.items():
        run = run_cli(*args, "-o", str(folder / f"{name}.xlsx"))
        assert run.exit_code in (0, 1), run.stderr
    (folder / "tall.xlsx").write_bytes(_tall_sheet())
    return folder


@pytest.fixture(scope="module")
def printed(workbooks: Path) -> dict[str, list[str]]:
    """Each workbook printed to PDF by LibreOffice: the text of its pages, by name."""
    soffice = _office()
    folder = workbooks
    books = sorted(folder.glob("*.xlsx"))
    profile = (folder / "profile").as_uri()  # its own profile: no clash with a running office
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder)]
        + [str(book) for book in books],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pages: dict[str, list[str]] = {}
    for book in books:
        pdf = book.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()  # type: ignore[union-attr]
        assert float(width) > float(height), f"{book.name}: not landscape"
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages[book.stem] = text.split("\f")[:-1]
    return pages


def test_libreoffice_prints_every_figure_without_hashes(printed: dict[str, list[str]]) -> None:
    for name, pages in printed.items():
        assert pages and not any("###" in page for page in pages), name
    # One page a sheet, as wide as the table: the last column (Kind) is on the page. The
    # example's dialogue meets every six months: its periods are a sheet (a page) of their own.
    assert {name: len(pages) for name, pages in printed.items() if name != "tall"} == {
        "budget": 1,
        "budget_da": 1,
        "errors": 1,
        "disbursement": 2,
        "quarters_da": 2,
        "priority": 2,
        "places": 2,
        "usd": 2,
        "undecided": 1,
    }
    # 50 million approved for 2023: 25 allocated for each half, nothing left after the second
    assert re.search(
        r"2023-H2\s+50,000,000\s+approved\s+25,000,000\s+0\s+line", printed["disbursement"][1]
    )
    assert re.search(r"2023-H1\s+50\.000\.000\s+bevilget\s+25\.000\.000\s+25\.000\.000\s+linje",
                     printed["quarters_da"][1])  # fmt: skip
    budget = printed["budget"][0]
    assert re.search(
        r"a\. Core funding\s+§06\.32\.10\.14\s+47\.5\s+48\.0\s+48\.0\s+48\.0\s+191\.5\s+line",
        budget,
    )
    assert re.search(
        r"Total contributions.*\s+99\.5\s+100\.0\s+100\.0\s+100\.0\s+399\.5\s+total", budget
    )
    danish = printed["budget_da"][0]
    assert re.search(
        r"a\. Core funding\s+§06\.32\.10\.14\s+47,5\s+48,0\s+48,0\s+48,0\s+191,5\s+linje", danish
    )
    assert "I alt 2023-2026" in danish and "Side 1 af 1" in danish
    # On the page's header (every page), then atop the sheet.
    banner = "6 errors: figures may be incomplete"
    header, *lines = [line.strip() for line in printed["errors"][0].splitlines() if line.strip()]
    assert header.startswith("Budget") and header.endswith(banner)
    assert lines[0] == banner and "bad.yaml:77:22: IOM101 2023 Total core" in lines[1]
    paid = printed["disbursement"][0]
    assert re.search(
        # unallocated: 0.00 of the approved 50 million, then what it is measured against
        r"Total 2023\s+2023\s+100,000,000\.00\s+100,000,000\.00\s+50,000,000\.00"
        r"\s+0\.00\s+approved\s+80,663,084\.28\s+19,336,915\.72\s+80\.7%",
        paid,
    )
    assert re.search(r"Total 2023-2026\s+400,000,000\.00", paid)
    quarters = printed["quarters_da"][0]
    assert re.search(
        # The year in the quarter view is the year of every view: allocated too.
        r"I alt 2023\s+2023\s+100\.000\.000,00\s+100\.000\.000,00\s+50\.000\.000,00"
        r"\s+0,00\s+bevilget\s+80\.663\.084,28",
        quarters,
    )
    assert "80,7%" in quarters and "2. kvt. 2023" in quarters
    assert "Prioritetsområde" not in quarters
    assert "Priority area" in printed["priority"][0]


def test_libreoffice_repeats_the_header_on_every_page(printed: dict[str, list[str]]) -> None:
    pages = printed["tall"]
    assert len(pages) >= 3
    for page in pages:
        assert re.search(r"Line\s+Year\s+Planned\s+Rate\s+Kind", page), page[:200]
    # 1 + 2 + … + 150 million and 150 quarters: 11,325,000,037.50 on the last page.
    assert re.search(r"Total\s+11,325,000,037\.50\s+total", pages[-1])
    assert re.search(r"Line 150\s+2023\s+150,000,000\.25\s+75\.0%\s+line", pages[-1])


def test_libreoffice_prints_headings_and_columns_apart(
    printed: dict[str, list[str]], workbooks: Path
) -> None:
    """Each printed header row reads as the sheet's headings, two spaces or more between any
    two (an empty column once squeezed its heading: `Approved Allocated`); text beside another
    column keeps apart from it: a long line name from the Finance Act code, the year from the
    priority area and the place."""
    for name, pages in printed.items():
        sheet = openpyxl.load_workbook(workbooks / f"{name}.xlsx").worksheets[0]
        headings = next(
            [str(c.value) for c in row] for row in sheet.iter_rows() if row[-1].value in KINDS
        )
        header = next(line for line in pages[0].splitlines() if line.rstrip().endswith(KINDS))
        assert re.split(r"\s{2,}", header.strip()) == headings, (name, header)
    budget = printed["budget"][0]
    assert re.search(r"b\. Soft earmarked: Migration management and capacity\s{2,}§06", budget)
    assert re.search(r"^\s*2023\s{2,}1\. Enhanced strategic", printed["priority"][0], re.M)
    assert re.search(r"^\s*2023\s{2,}Ethiopia\s{2,}5,000,000\.00", printed["places"][0], re.M)
    undecided = printed["undecided"][0]
    assert "Approved" in undecided and "Allocated" in undecided
    assert re.search(r"^a\. Core funding\s{2,}2023\s{2,}47,500,000\.00\s{2,}0\.00", undecided, re.M)


KINDS = ("Kind", "Art")
