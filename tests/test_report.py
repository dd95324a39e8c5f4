"""`iomstrat report`: the HTML briefing's tables hold the strategy's figures, findings come first,
every value is escaped, and the page needs nothing from the network."""

from __future__ import annotations

import hashlib
import os
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.loader.embedded import default_strategy_path

app = build()

EXAMPLE = Path(__file__).parent.parent / "examples" / "illustrative_2023.yaml"

STRATEGY = textwrap.dedent(
    """\
    schema_version: 1
    strategy:
      title: Test <strategy> & co
      organisation: {name: Test Organisation, acronym: TO}
      file_no: "2022-1"
      responsible_unit: Unit A
      desk_officer: D. Officer
      financial_officer: F. Officer
      period: {start: 2023, end: 2025}
      currency: DKK
      unit: thousand
      finance_act_code: "§06.32.10.14"
    budget:
      title: Contributions
      lines:
        - id: core
          label: a.
          name: Core
          kind: core
          finance_act_code: "§06.32.10.14"
          responsible_unit: Unit B
          amounts: {2023: 1500.5, 2024: 1500, 2025: 1500}
        - id: soft
          label: b.
          name: Soft <b>earmarked</b> $x$
          kind: soft_earmarked
          finance_act_code: "§06.32.10.14"
          amounts: {2023: 250, 2024: 250, 2025: 250}
      totals:
        - id: total
          name: Total
          lines: [core, soft]
          stated: {2023: 1750.5, 2024: 1750, 2025: 1750}
    dialogue: {lines: [soft]}
    approvals:
      - {year: 2023, status: approved, finance_act: Finance Act 2023, decided_on: 2023-03-01}
      - {year: 2024, status: reduced, finance_act: FL 2024, decided_on: 2024-03-01, amount: 1600}
      - {year: 2025, status: planned}
    """
)


class Page(HTMLParser):
    """Tables by class (rows of cell texts), element ids, chart <svg>s, and every resource
    reference the page makes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[list[str]]]] = {}
        self.ids: list[str] = []
        self.charts = 0
        self.references: list[str] = []
        self.tags: list[str] = []
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.append(tag)
        if attr.get("id"):
            self.ids.append(str(attr["id"]))
        for name in ("src", "href", "xlink:href", "action", "srcset"):
            if attr.get(name):
                self.references.append(str(attr[name]))
        if tag == "svg" and "chart" in (attr.get("class") or ""):
            self.charts += 1
        if tag == "table":
            self._rows = []
            self.tables.setdefault(str(attr.get("class")), []).append(self._rows)
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._rows is not None:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def table(self, name: str, index: int = 0) -> list[list[str]]:
        return self.tables[name][index]


def report(tmp_path: Path, *args: str, code: int = 0) -> tuple[str, str]:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", *args, "--output", str(out)], catch_exceptions=False
    )
    assert code == -1 or result.exit_code == code, result.output  # -1: whatever it is
    return out.read_text(encoding="utf-8"), result.stderr


@pytest.fixture
def strategy_file(tmp_path: Path) -> Path:
    path = tmp_path / "strategy.yaml"
    path.write_text(STRATEGY, encoding="utf-8")
    return path


def test_default_strategy_budget_table_as_printed(tmp_path: Path) -> None:
    html, _ = report(tmp_path, "--as-of", "2022-12-01")
    page = Page(html)
    assert page.table("budget-table") == [
        ["(DKK million)", "Finance Act code", "Planned 2023*", "Planned 2024*", "Planned 2025*",
         "Planned 2026*", "Total 2023-2026"],
        ["Total core incl. soft earmarked funding hereof:", "", "73.5†", "98", "98", "98",
         "367.5†"],
        ["a. Core funding", "§06.32.10.14", "36†", "48", "48", "48", "180†"],
        ["b. Soft earmarked: Migration management and capacity building in Africa and innovation",
         "§06.32.10.14", "37.5†", "50", "50", "50", "187.5†"],
        ["Personnel support", "§06.32.10.14", "1.5†", "2", "2", "2", "7.5†"],
        ["Total contributions (core, soft earmarked and personnel support)", "", "75", "100",
         "100", "100", "375"],
    ]  # fmt: skip
    assert "*Subject to annual parliamentary approval. Core incl. soft earmarked" in html
    # The signed version, as the page says, and the draft's figures beside it.
    assert "Figures of the signed version: Danish Organisation Strategy for IOM as signed" in html
    assert "Commitment 2023: 75 (draft: 100)" in html
    assert "its split over the lines is not published" in html
    assert page.table("cover-table")[1][1:] == ["75", "100", "100", "100", "375"]


def test_default_strategy_header_years_and_schedule(tmp_path: Path) -> None:
    html, _ = report(tmp_path, "--as-of", "2022-12-01")
    page = Page(html)
    for fact in (
        "International Organization for Migration",
        "2022-18394",
        "2023-2026 (4 years)",
        "§06.32.10.14",
        "Geneva; UN Mission in Geneva; Department of Migration, Stabilization and Fragility",
        "Lea Rasmussen",
        "Michael Schou Olsen",  # the signed version's financial officer (draft: Blichfeldt)
    ):
        assert f"<dd>{fact}</dd>" in html
    # Unallocated: the soft-earmarked line's plan (37.5 of the signed 75 in 2023, then 50),
    # marked * as no year is approved yet.
    assert page.table("years-table")[1:] == [
        ["2023", "planned", "75,000,000", "not yet decided", "0", "37,500,000*", "0",
         "75,000,000"]
    ] + [
        [str(y), "planned", "100,000,000", "not yet decided", "0", "50,000,000*", "0",
         "100,000,000"]
        for y in range(2024, 2027)
    ]  # fmt: skip
    assert "the plan stands in for a year not yet approved" in html
    schedule = page.table("schedule-table")[1:]
    assert len(schedule) == 16
    assert schedule[0] == ["Q1 2023", "18,750,000", "—", "18,750,000", "—"]
    assert schedule[-1] == ["Q4 2026", "25,000,000", "—", "375,000,000", "—"]
    assert page.charts == 3  # no allocations recorded: no fourth chart
    assert "No soft-earmarked allocations are recorded" in html


def test_source_path_and_content_hash(tmp_path: Path) -> None:
    html, _ = report(tmp_path, "--as-of", "2022-12-01")
    source = default_strategy_path()
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()
    assert f'<code class="sha256">{digest}</code>' in html
    # Relative to the working folder: the author's folders mean nothing to a reader.
    assert f'<code class="source-path">{os.path.relpath(source)}</code>' in html
    assert os.path.abspath(source) not in html
    assert '<time datetime="2022-12-01">1 December 2022</time>' in html  # the European way
    html, _ = report(tmp_path, "--as-of", "2022-12-01", "--absolute-paths")
    assert f'<code class="source-path">{os.path.abspath(source)}</code>' in html


def test_the_shipped_strategy_is_named_from_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the working folder is not the checkout
    html, _ = report(tmp_path, "--as-of", "2022-12-01")
    shipped = "iomstrat/data/strategy_2023_2026.yaml"
    assert f'<code class="source-path">{shipped}</code>' in html
    assert os.path.abspath(default_strategy_path()) not in html


def test_approved_reduced_and_planned_years_in_danish(tmp_path: Path, strategy_file: Path) -> None:
    html, _ = report(tmp_path, str(strategy_file), "--locale", "da", "--as-of", "2024-06-01")
    page = Page(html)
    assert page.table("budget-table") == [
        ["(1.000 kr.)", "Finanslovskonto", "Bevilget 2023", "Reduceret 2024", "Planlagt 2025*",
         "I alt 2023-2025"],
        ["a. Core", "§06.32.10.14", "1.500,5", "1.500", "1.500", "4.500,5"],
        ["b. Soft <b>earmarked</b> $x$", "§06.32.10.14", "250", "250", "250", "750"],
        ["Total", "", "1.750,5", "1.750", "1.750", "5.250,5"],
        # what parliament approved, as `budget show` prints it: 2024 reduced to 1.600
        ["Bevilget på finansloven", "", "1.750,5", "1.600", "", ""],
        ["a. Core (bevilget)", "", "1.500,5", "1.371,42857", "", ""],
        ["b. Soft <b>earmarked</b> $x$ (bevilget)", "", "250", "228,57143", "", ""],
    ]  # fmt: skip
    assert page.table("years-table")[1:] == [
        # ikke allokeret: the soft-earmarked line's 250 000 as approved, 2024's share of the
        # reduction (228 571.43, whole kroner) and 2025's plan, marked *
        ["2023", "bevilget", "1.750.500", "1.750.500", "0", "250.000", "0", "1.750.500"],
        ["2024", "reduceret", "1.750.000", "1.600.000", "0", "228.571", "0", "1.600.000"],
        ["2025", "planlagt", "1.750.000", "endnu ikke vedtaget", "0", "250.000*", "0",
         "1.750.000"],
    ]  # fmt: skip
    assert "målt mod planen for et år, der endnu ikke er bevilget" in html
    last = ["4. kvt. 2025", "437.500", "—", "5.100.500", "—"]
    assert page.table("schedule-table")[-1] == last
    schedule = page.table("schedule-table")
    assert schedule[4] == ["4. kvt. 2023", "437.625", "0", "1.750.500", "0"]
    # 2024 reduced to 1.6 million: its tranches follow the reduction (400 000 a quarter).
    assert schedule[6] == ["2. kvt. 2024", "400.000", "0", "2.550.500", "0"]  # as of 2024-06-01
    assert schedule[7] == ["3. kvt. 2024", "400.000", "—", "2.950.500", "—"]
    assert "Tal pr. 1. juni 2024" in html
    assert '<html lang="da">' in html
    assert "<dd>Unit A; Unit B</dd>" in html


def test_everything_from_the_file_is_escaped(tmp_path: Path, strategy_file: Path) -> None:
    html, _ = report(tmp_path, str(strategy_file), "--as-of", "2024-06-01")
    assert "<b>earmarked</b>" not in html
    assert "Soft &lt;b&gt;earmarked&lt;/b&gt; $x$" in html
    assert "Test &lt;strategy&gt; &amp; co" in html
    assert "<strategy>" not in html


def test_page_is_self_contained(tmp_path: Path, strategy_file: Path) -> None:
    html, _ = report(tmp_path, str(strategy_file), "--as-of", "2024-06-01")
    page = Page(html)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert all(ref.startswith("#") for ref in page.references), page.references
    assert not re.search(r"url\((?!#)|@import|@font-face|https?://(?!www\.w3\.org|purl\.org|"
                         r"creativecommons\.org|matplotlib\.org)", html)  # fmt: skip
    # ids of all charts share one document: each must be unique, or clip paths cross over
    assert len(page.ids) == len(set(page.ids))
    assert page.charts == 3
    assert "@media print" in html and "size: A4" in html


def test_findings_come_first_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    stated = "stated: {2023: 1750.5, 2024: "
    text = STRATEGY.replace(stated + "1750", stated + "1790")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "1790" in t)
    where = f"{path}:{line}:{text.splitlines()[line - 1].index('1790') + 1}"
    # a stated total the lines contradict: the figures may be wrong, so the page is written
    # only with --partial (marked incomplete)
    html, stderr = report(tmp_path, str(path), "--as-of", "2024-06-01", "--partial", code=1)
    assert "INCOMPLETE" in html
    page = Page(html)
    rows = page.table("findings-table")[1:]
    assert [row[0] for row in rows if row[2] == "IOM101"] == [where]
    assert html.index('class="findings-table"') < html.index('class="budget-table"')
    assert f"{where}: error IOM101" in stderr
    # the figures are shown marked, computed from the lines
    total = next(row for row in page.table("budget-table") if row[0] == "Total")
    assert total[3] == "1,750"
    # worst first: the error above the notes, marked in words as well as in colour
    assert [row[1] for row in rows] == sorted(
        (row[1] for row in rows), key=["fatal", "error", "warning", "note"].index
    )
    assert rows[0][1:3] == ["error", "IOM101"]
    assert "The source file has errors; the figures below may be wrong" in html
    assert '<div class="findings error" role="alert">' in html


def test_each_chart_speaks_the_unit_of_its_table(tmp_path: Path) -> None:
    """Money per year, quarter and recipient: chart and table in whole kroner; the budget chart
    in the budget table's unit. The remaining balance is a bar of its year, not a trend line."""
    html, _ = report(tmp_path, str(EXAMPLE), "--as-of", "2023-12-31")
    captions = re.findall(r"<figcaption>[^<]*\(([^)]*)\)</figcaption>", html)
    assert captions == ["DKK million", "DKK", "DKK", "DKK"]
    # the cover table as printed, in the budget's unit; then the money tables
    assert re.findall(r"<caption>\(([^)]*)\)</caption>", html) == ["DKK million"] + ["DKK"] * 3
    by_year = html[html.index('class="chart-by-year"') : html.index('class="years-table"')]
    assert "stroke-dasharray" not in by_year  # no dashed line joining the years


def test_unreadable_file_exits_2_and_writes_no_report(tmp_path: Path) -> None:
    """A file that cannot be read gives no figures at all: no half-true report is written."""
    missing = tmp_path / "missing.yaml"
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(missing), "--output", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert f"{missing}:1:1: fatal IOM001" in result.stderr


def test_unreadable_ledger_exits_2_and_keeps_the_previous_report(tmp_path: Path) -> None:
    strategy = tmp_path / "strategy.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    strategy.write_text(
        text.replace("ledgers: [illustrative_2023_ledger.csv]", "ledgers: [no.csv]")
    )
    out = tmp_path / "report.html"
    out.write_text("previous", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(strategy), "--output", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert "IOM420" in result.stderr


def test_several_files_in_one_report(tmp_path: Path, strategy_file: Path) -> None:
    html, _ = report(tmp_path, default_strategy_path(), str(strategy_file), "--as-of", "2022-12-01")
    page = Page(html)
    assert len(page.tables["budget-table"]) == 2
    assert page.charts == 6
    assert len(page.ids) == len(set(page.ids))


def test_locale_choices_are_the_formatted_ones() -> None:
    from iomstrat.cli.common import Locale
    from iomstrat.render.numbers import LOCALES
    from iomstrat.render.words import Word

    assert tuple(Locale) == LOCALES == Word._fields


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    bad_locale = runner.invoke(app, ["report", "--locale", "fr", "-o", str(tmp_path / "r.html")])
    assert bad_locale.exit_code == 2
    assert "'fr' is not one of 'en', 'da'" in bad_locale.stderr
    assert not (tmp_path / "r.html").exists()
    assert runner.invoke(app, ["report"]).exit_code == 2
    unwritable = runner.invoke(app, ["report", "-o", str(tmp_path / "no" / "r.html")])
    assert unwritable.exit_code == 2
    assert "cannot write" in unwritable.stderr


def test_same_input_same_page(tmp_path: Path, strategy_file: Path) -> None:
    first, _ = report(tmp_path, str(strategy_file), "--as-of", "2024-06-01")
    second, _ = report(tmp_path, str(strategy_file), "--as-of", "2024-06-01")
    assert first == second


def test_allocations_chart_and_table(tmp_path: Path) -> None:
    """Allocations by country or region in Danish, with decimals and escaped names."""
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    from iomstrat.core.pipeline import Run
    from iomstrat.core.report import brief_file
    from iomstrat.render.html import render
    from iomstrat.results.briefing import Allocation, Report

    item = brief_file(default_strategy_path(), Run(dt.date(2022, 12, 1)))
    item = dataclasses.replace(
        item,
        allocations=(
            Allocation("Niger", "country", Decimal(12_000_000)),
            Allocation("Horn of Africa", "region", Decimal("10500000.5")),
            Allocation("Sahel <region>", "region", Decimal(8_000_000)),
        ),
    )
    page = Page(render(Report(dt.date(2022, 12, 1), (item,)), "da"))
    assert page.table("allocations-table") == [
        ["Land eller region", "Beløb"],
        ["Niger", "12.000.000"],
        ["Horn of Africa", "10.500.000"],  # whole kroner (half to even)
        ["Sahel <region>", "8.000.000"],
    ]
    assert page.charts == 4


def test_charts_read_in_grey_scale_and_fetch_no_font(tmp_path: Path) -> None:
    html, _ = report(tmp_path, "--as-of", "2022-12-01")
    charts = re.findall(r'<svg class="chart".*?</svg>', html, flags=re.S)
    assert len(charts) == 3
    budget = charts[0]
    # one hatch pattern per budget line, so the stack is legible without colour
    assert len(set(re.findall(r'<pattern id="([^"]+)"', budget))) == 3
    for chart in charts:
        assert "<text" not in chart  # lettering drawn as paths: no font to fetch
        assert 'aria-label="' in chart


def test_other_commands_do_not_load_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, iomstrat.cli; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_report_to_standard_output() -> None:
    result = CliRunner().invoke(
        app, ["report", "--as-of", "2022-12-01", "-o", "-"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert Page(result.stdout).table("budget-table")[-1][-1] == "375"


def test_illustrative_example_disbursement_figures(tmp_path: Path) -> None:
    """The invented year 2023 of the example: approved, allocated in two dialogues, paid in
    DKK and USD (from the file and its CSV ledger); the same figures as `iomstrat disbursement`."""
    html, _ = report(tmp_path, str(EXAMPLE), "--as-of", "2023-12-31")
    page = Page(html)
    assert page.table("years-table")[1:3] == [
        # whole kroner, as the README promises: 80,663,084.28 and 19,336,915.72 rounded
        # unallocated: 50 approved for the soft-earmarked line, all of it allocated; 2024's
        # plan of 50, marked * as not yet approved
        ["2023", "approved", "100,000,000", "100,000,000", "50,000,000", "0", "80,663,084",
         "19,336,916"],
        ["2024", "planned", "100,000,000", "not yet decided", "0", "50,000,000*", "0",
         "100,000,000"],
    ]  # fmt: skip
    assert page.table("schedule-table")[1:6] == [
        ["Q1 2023", "25,000,000", "500,000", "25,000,000", "500,000"],
        ["Q2 2023", "25,000,000", "43,300,000", "50,000,000", "43,800,000"],
        ["Q3 2023", "25,000,000", "24,500,000", "75,000,000", "68,300,000"],
        ["Q4 2023", "25,000,000", "12,363,084", "100,000,000", "80,663,084"],
        ["Q1 2024", "25,000,000", "—", "125,000,000", "—"],
    ]
    assert page.table("allocations-table")[1:] == [
        ["Niger", "12,000,000"],
        ["Horn of Africa", "10,000,000"],
        ["Morocco", "10,000,000"],
        ["Sahel", "8,000,000"],
        ["Ethiopia", "5,000,000"],  # recorded as ETH
        ["Sudan", "5,000,000"],
    ]
    assert page.charts == 4
    ledger = EXAMPLE.parent / "illustrative_2023_ledger.csv"
    assert f'<code class="sha256">{hashlib.sha256(ledger.read_bytes()).hexdigest()}</code>' in html
    assert "No disbursements are recorded" not in html


def test_report_findings_are_validates(tmp_path: Path) -> None:
    """The report checks a file exactly as `validate` does (it reads the file only once)."""
    html, stderr = report(tmp_path, str(EXAMPLE), "--as-of", "2024-06-01")
    validate = CliRunner().invoke(
        app, ["validate", str(EXAMPLE), "--as-of", "2024-06-01"], catch_exceptions=False
    )
    assert stderr == validate.stdout
    assert len(Page(html).table("findings-table")) == len(validate.stdout.splitlines()) + 1


def test_many_allocations_share_one_bar_in_the_chart() -> None:
    from decimal import Decimal

    from iomstrat.render.charts import MAX_BARS, allocations_by_recipient
    from iomstrat.results.briefing import Allocation

    places = [Allocation(f"Place {n:02}", "region", Decimal(100 - n)) for n in range(30)]
    svg = allocations_by_recipient(places, "en", "DKK", "Allocations", others="{} others")
    # matplotlib keeps each label's text in a comment beside its outline
    assert "<!-- Place 18 -->" in svg and "<!-- Place 19 -->" not in svg
    assert f"<!-- {30 - MAX_BARS + 1} others -->" in svg
    assert "<!-- 836 -->" in svg  # 81 + 80 + ... + 71, the eleven smallest


def test_notes_alone_are_not_alarming(tmp_path: Path) -> None:
    # the real file without the document's disagreements with itself (warnings: its statements,
    # outputs 4a.2.x printed under outcome 4a.1): only notes before the period: IOM206, and
    # IOM107 for 2023 as signed
    text = Path(default_strategy_path()).read_text(encoding="utf-8")
    start, end = text.index("# The document's annex tables"), text.index("cover:  ")
    text = (text[:start] + text[end:]).replace("[4a, 4a.1, 4b,", "[4a, 4a.1, 4a.2, 4b,")
    (tmp_path / "notes.yaml").write_text(text, encoding="utf-8")
    html, _ = report(tmp_path, str(tmp_path / "notes.yaml"), "--as-of", "2022-12-01")
    rows = Page(html).table("findings-table")[1:]
    assert {row[1] for row in rows} == {"note"} and len(rows) == 5
    # One quiet line, the notes folded under it: no frame, no alert.
    assert "<summary>5 note(s) on the source file; none puts a figure in doubt.</summary>" in html
    assert 'role="alert"' not in html
    assert "check them before using the figures" not in html


def test_a_folder_with_table_files(tmp_path: Path) -> None:
    data = Path(__file__).parent.parent / "data"
    html, _ = report(tmp_path, str(data), "--as-of", "2022-12-01")
    page = Page(html)
    tables = sorted(p.name for p in data.glob("*.yaml") if p.name.startswith("annex"))
    assert html.count("A table file, not a strategy") == len(tables) > 0
    assert len(page.tables["budget-table"]) == 1  # the one strategy
    assert page.charts == 3


def test_what_a_strategy_lacks_is_left_out_not_shown_empty(tmp_path: Path) -> None:
    """No desk or financial officer, no dialogue line: no empty rows, no allocations heading;
    the schedule's note names both of its bases."""
    plain = (
        STRATEGY.replace("  desk_officer: D. Officer\n", "")
        .replace("  financial_officer: F. Officer\n", "")
        .replace("dialogue: {lines: [soft]}\n", "")
        .replace("kind: soft_earmarked", "kind: core")
    )
    path = tmp_path / "plain.yaml"
    path.write_text(plain, encoding="utf-8")
    html, _ = report(tmp_path, str(path), "--as-of", "2024-06-01")
    assert "Desk officer" not in html and "Financial officer" not in html
    assert "Soft-earmarked allocations" not in html
    assert "approved amount and a planned year" in html  # not only the cover's projection
    with_dialogue, _ = report(tmp_path, "--as-of", "2024-06-01", "--locale", "en")
    assert "Soft-earmarked allocations by country or region" in with_dialogue
    assert "<dt>Desk officer</dt>" in with_dialogue


def test_the_portfolio_caption_names_its_currency_once(tmp_path: Path) -> None:
    unhcr = EXAMPLE.with_name("illustrative_unhcr_2024.yaml")
    html, _ = report(tmp_path, str(EXAMPLE), str(unhcr), "--as-of", "2024-06-01", code=-1)
    caption = re.search(r'<table class="portfolio-table">\s*<caption>([^<]*)</caption>', html)
    assert caption is not None
    assert caption[1] == "Portfolio of 2 strategies as of 1 June 2024 (DKK)"
