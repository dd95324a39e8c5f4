"""Every word in both languages: the catalogue is complete, and Danish output of `budget show`,
`disbursement`, `diff` and `report` holds no English word of the tool's own in any format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import textwrap
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.codes import CODES
from iomstrat.findings import Diagnostic, Severity
from iomstrat.render import ledger_words
from iomstrat.render.messages import SUMMARIES_DA
from iomstrat.render.messages import text as message_text
from iomstrat.render.numbers import decimal_symbol, figure, rounded
from iomstrat.render.words import WORDS, Word, date, unit

app = build()

STRATEGY = textwrap.dedent(
    """\
    schema_version: 1
    strategy:
      title: Strategi for Danmarks samarbejde med DFO 2023-2024
      organisation: {name: Dansk Flygtningeorganisation, acronym: DFO}
      file_no: "2022-1"
      responsible_unit: Genève
      desk_officer: Lea Rasmussen
      financial_officer: Michael Blichfeldt
      period: {start: 2023, end: 2024}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.14"
    budget:
      title: Danske bidrag til DFO 2023-2024
      lines:
      - id: kerne
        label: a.
        name: Kernebidrag
        kind: core
        finance_act_code: "§06.32.10.14"
        amounts: {2023: 48, 2024: 48}
      - id: bloed
        label: b.
        name: Blødt øremærket
        kind: soft_earmarked
        finance_act_code: "§06.32.10.14"
        amounts: {2023: 50, 2024: 50}
      totals:
      - id: alt
        name: Samlede bidrag
        lines: [kerne, bloed]
        stated: {2023: 98, 2024: 98}
    priority_areas:
      - id: 1
        name: Kapacitetsopbygning
    approvals:
    - {year: 2023, status: approved, decided_on: 2023-03-15, finance_act: Finansloven 2023}
    - {year: 2024, status: planned}
    allocations:
      - date: 2023-04-20
        half_year: 2023-H1
        approved_by: Migrationskontoret
        line: bloed
        items:
          - {id: niger, country: Niger, amount: 12, priority_area: 1, purpose: Grænser}
    disbursements:
      - {date: 2023-04-03, line: kerne, amount: 24000000.50, currency: DKK, voucher: DK-1}
      - {date: 2023-05-02, line: bloed, amount: 12000000, currency: DKK, voucher: DK-2,
         allocation: niger}
    """
)
# The edit a reviewer sees in `diff`: a line changes, its total no longer adds up (a finding).
EDITED = STRATEGY.replace("amounts: {2023: 48, 2024: 48}", "amounts: {2023: 48, 2024: 47.5}")


# A data path in a finding (`budget.totals[0].stated[2024]`) names the file's own keys.
_DATA_PATH = re.compile(r"\b[a-z_]+(?:\[[^\]]*\]|\.[a-z_0-9]+)+")


def _tokens(text: str) -> set[str]:
    text = re.sub(r"\\([\[\]<>@|\\])", r"\1", text)  # Markdown's escapes of file text
    return set(re.findall(r"[A-Za-zÆØÅæøåé]{2,}", _DATA_PATH.sub(" ", text)))


def _english() -> set[str]:
    """Words of the tool's English that its Danish does not use (case kept: a data path's
    `totals` is the file's key, `Totals` the tool's heading): its words and its findings."""
    from iomstrat.render.messages import MESSAGES, PHRASES
    from iomstrat.render.usage import USAGE

    pairs = [
        *WORDS.values(),
        *MESSAGES.values(),
        *PHRASES.values(),
        *USAGE.values(),
        *(Word(*w) for w in ledger_words.WORDS.values()),
    ]
    english = set().union(*(_tokens(w.en) for w in pairs))
    danish = set().union(*(_tokens(w.da) for w in pairs))
    return english - danish - {"Q"}  # placeholder-free; Q is in no Danish output we check


MACHINE_KEYS = {"kind", "status", "by", "unit", "severity", "code", "key", "currency", "file",
                "id", "old_status", "new_status", "section", "old", "new", "as_of", "files",
                "finance_act_code"}  # fmt: skip
"""JSON keys whose values are for programs (enum values, identifiers, file names)."""


def _json_words(value: Any, key: str = "") -> str:
    if isinstance(value, dict):
        return " ".join(_json_words(v, k) for k, v in value.items() if k not in MACHINE_KEYS)
    if isinstance(value, list):
        return " ".join(_json_words(v, key) for v in value)
    return value if isinstance(value, str) else ""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skip += tag in ("style", "svg")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "svg")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _xlsx_words(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(path.read_bytes()))
    cells = [ws.title for ws in book.worksheets]
    for ws in book.worksheets:
        cells += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    return " ".join(cells)


def test_every_word_has_both_languages() -> None:
    assert all(w.en.strip() and w.da.strip() for w in WORDS.values())
    assert {c.code for c in CODES} == set(SUMMARIES_DA)
    assert all(summary.strip() for summary in SUMMARIES_DA.values())
    # placeholders match, so a Danish sentence takes the same values
    assert all(
        sorted(re.findall(r"\{\w*\}", w.en)) == sorted(re.findall(r"\{\w*\}", w.da))
        for w in WORDS.values()
    )


def test_units_and_findings_in_danish() -> None:
    assert unit("DKK", "million", "da") == "mio. kr."
    assert unit("DKK", "thousand", "da") == "1.000 kr."
    assert unit("USD", "million", "en") == "USD million"
    read = "'47,5' reads as two values, split at the comma; write 47.5 (a decimal point)"
    path = ("budget", "lines", 0, "amounts", 2024)
    message = message_text(Diagnostic("s.yaml", 9, 9, "IOM005", Severity.ERROR, read, path), "da")
    assert message == (
        "tvetydig værdi (decimalkomma, tusindtalspunktum, dansk dato, ja/nej, foranstillet nul): "
        "budget.lines[0].amounts[2024]; '47,5'; skriv 47.5"
    )


LEDGER = """\
Bogføringsdato;Finanskonto;Beløb;Valuta;Bilagsnr.;Kurs
13-04-2023;kerne;24.000.000,50;DKK;DK-1;
20-05-2023;10.14.03;1.000,50;USD;DK-2;6,85
xx-05-2023;bloed;abc;DKK;DK-3;
"""
"""A Danish export: a payment read, an account not yet mapped to a line id, a row with a bad date
and amount."""


TABLE = """\
schema_version: 1
table:
  title: Bidrag fra donorer
  currency: DKK
  unit: million
  printed_step: 1
  row_heading: Donor
  columns: [2022, 2023]
rows:
  - {name: Sverige, cells: [10, 12], total: 22}
  - {name: Norge, cells: [5, 6], total: 11}
column_totals:
  cells: [15, 18]
  total: 36
growth:
  percent: [~, 20]
"""
"""A table in Danish, without names for its totals and growth (the tool words them), whose
grand total is off by one (a finding on stderr)."""


def _outputs(tmp_path: Path) -> dict[str, str]:
    """Every output of the four commands in Danish, by name."""
    Path("strategi.yaml").write_text(STRATEGY, encoding="utf-8")
    Path("ny.yaml").write_text(EDITED, encoding="utf-8")  # a new version of the one strategy
    # another strategy for a portfolio (the new version beside the old is one strategy, IOM460)
    Path("andet.yaml").write_text(EDITED.replace('"2022-1"', '"2022-2"'), encoding="utf-8")
    runner = CliRunner()
    out: dict[str, str] = {}

    def run(name: str, *args: str, exit_codes: tuple[int, ...] = (0, 1)) -> str:
        result = runner.invoke(app, [*args, "--locale", "da"], env={"COLUMNS": ""})
        assert result.exit_code in exit_codes, (name, result.output)
        out[name] = result.stdout
        out[name + " stderr"] = result.stderr
        return result.stdout

    date = ["--as-of", "2023-12-31"]
    for fmt in ("text", "github"):
        run(f"validate {fmt}", "validate", "strategi.yaml", "andet.yaml", *date, "-f", fmt)
    Path("tabel.yaml").write_text(TABLE, encoding="utf-8")
    for fmt in ("table", "csv", "markdown"):
        run(f"table {fmt}", "table", "show", "tabel.yaml", "-f", fmt)
    for fmt in ("table", "json", "csv", "markdown"):
        run(f"budget {fmt}", "budget", "show", "strategi.yaml", "-f", fmt)
        for by in ("line", "year", "quarter", "priority"):
            run(f"disbursement {by} {fmt}", "disbursement", "strategi.yaml", *date, "--by", by,
                "-f", fmt)  # fmt: skip
        run(f"disbursement portfolio {fmt}", "disbursement", "strategi.yaml", "andet.yaml", *date,
            "-f", fmt)  # fmt: skip
    run("disbursement usd table", "disbursement", "strategi.yaml", *date, "--currency", "USD")
    for fmt in ("table", "markdown", "json"):
        run(f"diff {fmt}", "diff", "strategi.yaml", "ny.yaml", *date, "-f", fmt)
    run("budget xlsx", "budget", "show", "strategi.yaml", "-f", "xlsx", "-o", "b.xlsx")
    out["budget xlsx"] = _xlsx_words(Path("b.xlsx"))
    run("disbursement xlsx", "disbursement", "strategi.yaml", "andet.yaml", *date, "-f", "xlsx",
        "-o", "d.xlsx")  # fmt: skip
    out["disbursement xlsx"] = _xlsx_words(Path("d.xlsx"))
    run("report", "report", "strategi.yaml", "andet.yaml", *date, "-o", "r.html")
    # the exports' notices and findings (their files are in the formats' own terms), and a
    # usage error: each on stderr in Danish
    run("export hledger", "export", "hledger", "strategi.yaml", "-o", "j.journal")
    run("export iati", "export", "iati", "strategi.yaml", "-o", "a.xml", exit_codes=(2,))
    run("usage", "disbursement", "strategi.yaml", "--currency", "XYZ", exit_codes=(2,))
    run("usage output", "budget", "show", "strategi.yaml", "-o", "strategi.yaml", exit_codes=(2,))
    scaffold = ("init", "ny_strategi.yaml", "--organisation", "Dansk Organisation", "--start",
                "2024", "--end", "2025", "--finance-act-code", "§06.32.10.14", "--line",
                "kerne:Kerne:core:10")  # fmt: skip
    run("init", *scaffold)
    run("init exists", *scaffold, exit_codes=(2,))
    # the command line's own mistakes, which click finds before the command runs
    run("click by", "disbursement", "strategi.yaml", "--by", "dialog", exit_codes=(2,))
    run("click missing", "report", "strategi.yaml", exit_codes=(2,))
    run("click unknown", "validate", "strategi.yaml", "--formt", "json", exit_codes=(2,))
    run("click extra", "budget", "show", "strategi.yaml", "ny.yaml", exit_codes=(2,))
    run("click date", "validate", "strategi.yaml", "--as-of", "2024-13-01", exit_codes=(2,))
    run("click whole", "init", "x.yaml", "--organisation", "X", "--start", "to", exit_codes=(2,))
    # an option without its value last (run() puts --locale last)
    last = runner.invoke(app, ["validate", "strategi.yaml", "--locale", "da", "--as-of"])
    out["click no value"], out["click no value stderr"] = last.stdout, last.stderr
    run("click a value", "validate", "strategi.yaml", "--strict=1", exit_codes=(2,))
    run("click command", "budget", "vis", exit_codes=(2,))
    Path("eksport.csv").write_text(LEDGER, encoding="utf-8")
    run("ledger inspect", "ledger", "inspect", "eksport.csv", "--strategy", "strategi.yaml")
    # its bad rows to the commands of figures: findings, and the banner over the terminal table
    entry = (
        "{path: eksport.csv, columns: {date: Bogføringsdato, line: Finanskonto, amount: Beløb, "
        "currency: Valuta, voucher: Bilagsnr., exchange_rate: Kurs}, delimiter: ';', "
        "decimal: ',', thousands: '.', date_format: '%d-%m-%Y'}"
    )
    run("ledger validate", "validate", "strategi.yaml", "--ledger", entry, *date)
    run("ledger disbursement", "disbursement", "strategi.yaml", "--ledger", entry, *date)
    run("ledger inspect entry", "ledger", "inspect", "{path: eksport.csv, columns: {date: Dato}}",
        exit_codes=(2,))  # fmt: skip
    page = _Text()
    page.feed(Path("r.html").read_text(encoding="utf-8"))
    out["report"] = " ".join(page.parts)
    for name, text in list(out.items()):
        if name.startswith("ledger inspect"):  # the entry to paste and its keys are YAML's
            text = re.sub(r"^  - \{.*$|\b\w+ <- ", "", text, flags=re.M)
            out[name] = text
        if name == "validate github":  # `::warning file=…::` is a workflow command, not words
            out[name] = re.sub(r"^::\w+ [^\n]*?::", "", text, flags=re.M)
        if name.endswith(" json"):
            out[name] = _json_words(json.loads(text))
        elif name.endswith(" csv"):  # column names and machine columns are for scripts
            rows = csv.DictReader(io.StringIO(text), delimiter=";")
            out[name] = " ".join(
                v for row in rows for k, v in row.items() if k not in MACHINE_KEYS and v
            )
    return out


def _words_of(name: str, text: str) -> str:
    """An output's words: of the command line's errors, without the command, the option and
    the values they quote ('iomstrat report --help', 'priority')."""
    return re.sub(r"'[^']*'", "", text) if name.startswith("click ") else text


def test_danish_output_has_no_english_word_of_the_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outputs = _outputs(tmp_path)
    english = _english()
    assert {"Planned", "Approved", "Remaining", "million", "Total", "Disbursed"} <= english
    found = {
        name: sorted(_tokens(_words_of(name, text)) & english) for name, text in outputs.items()
    }
    assert {name: words for name, words in found.items() if words} == {}, found
    # and the Danish is there: the words a ministry reads
    assert "Bevilget på finansloven" in outputs["budget table"]
    assert (
        "| (mio. kr.) | Finanslovskonto | Bevilget 2023 | Planlagt 2024* | I alt 2023-2024 |"
        in (outputs["budget markdown"])
    )
    assert "endnu ikke vedtaget" in outputs["report"] and "4. kvt. 2023" in outputs["report"]
    assert "Restbeløb" in outputs["disbursement line markdown"]
    assert "omregnet til ECB's referencekurs" in outputs["disbursement usd table"]
    assert "+ ny.yaml:32:30: advarsel IOM102 " in outputs["diff table"]
    assert "I alt" in outputs["table table"] and "Vækst (%)" in outputs["table table"]
    assert "Beregnet" in outputs["table markdown"]
    assert (
        "fejl IOM101 totalen sammenholdt med rækkesummerne: angivet 36"
        in outputs["table table stderr"]
    )
    assert "2 filer kontrolleret: 0 fejl, 1 advarsel" in outputs["validate text stderr"]
    assert outputs["export iati stderr"].startswith(
        "iomstrat: mangler strategy.donor.iati_identifier (fx XM-DAC-3-1 for Udenrigsministeriet)"
    )
    assert outputs["usage stderr"] == (
        "iomstrat: valutaen 'XYZ' har ingen ECB-referencekurs (fx DKK, USD)\n"
    )
    assert outputs["ledger inspect"].splitlines()[:8] == [
        "oversigt: eksport.csv",
        "format: utf-8, skilletegn semikolon ';', datoer dag-måned-år, decimaltegn ',', "
        "tusindtalsskilletegn '.'",
        "overskrift: 'Bogføringsdato', 'Finanskonto', 'Beløb', 'Valuta', 'Bilagsnr.', 'Kurs'",
        "kolonner: 'Bogføringsdato', 'Finanskonto', 'Beløb', 'Valuta', 'Bilagsnr.', 'Kurs'",
        "kontoværdier, der skal oversættes til linje-id'er: 10.14.03",
        "de første rækker, der er læst:",
        "  linje 2: 2023-04-13 kerne 24.000.000,50 DKK DK-1",
        "de første problemer:",
    ]
    assert (
        "  eksport.csv:3:1: fejl IOM422 række i oversigten: linjen '10.14.03'"
        in (outputs["ledger inspect"])
    )
    assert (
        "post under `ledgers:` (stien er relativ til strategi.yaml):" in (outputs["ledger inspect"])
    )
    assert outputs["ledger disbursement"].startswith(
        "UFULDSTÆNDIG: 4 fejl i udbetalingerne (eksport.csv); 2 rækker i oversigter udeladt; "
        "tallene udelader eller fejlangiver det, fejlene nævner\n"
    )
    # DK-1 again (IOM410), 24 000 000.50 more on the core line (IOM411), two rows not read
    assert (
        "bringer linjen 'kerne' (kernebidrag) for 2023 op på 48.000.001,00\xa0kr."
        in (outputs["ledger validate"])
    )
    # the places to fill in of an entry to paste, in the finding that gives it
    assert 'line: "<overskriften på kolonnen line>", ' in (outputs["ledger inspect entry"])
    assert outputs["init stderr"] == (
        "skrev ny_strategi.yaml; kontrollér den med: iomstrat validate ny_strategi.yaml\n"
    )
    assert outputs["init exists stderr"] == (
        "iomstrat: ny_strategi.yaml: findes allerede; iomstrat init overskriver ikke (vælg en "
        "anden PATH)\n"
    )
    assert outputs["click by stderr"] == (
        "iomstrat: ugyldig værdi for '--by': 'dialog' er ikke en af 'line', 'year', 'quarter', "
        "'priority', 'place'; se 'iomstrat disbursement --help'\n"
    )
    assert outputs["click missing stderr"] == (
        "iomstrat: mangler tilvalget '--output' / '-o'; se 'iomstrat report --help'\n"
    )
    assert outputs["click unknown stderr"] == (
        "iomstrat: intet tilvalg '--formt'; mente du '--format'? Se 'iomstrat validate --help'\n"
    )
    assert outputs["click whole stderr"] == (
        "iomstrat: ugyldig værdi for '--start': 'to' er ikke et helt tal; se 'iomstrat init "
        "--help'\n"
    )
    assert outputs["click extra stderr"] == (
        "iomstrat: ikke forstået: ny.yaml; se 'iomstrat budget show --help'\n"
    )
    assert outputs["click no value stderr"] == (
        "iomstrat: tilvalget '--as-of' skal have en værdi; se 'iomstrat validate --help'\n"
    )
    assert outputs["click a value stderr"] == (
        "iomstrat: tilvalget '--strict' tager ingen værdi; se 'iomstrat validate --help'\n"
    )
    assert outputs["click command stderr"] == (
        "iomstrat: ingen kommando 'vis'; se 'iomstrat budget --help'\n"
    )
    assert outputs["click date stderr"] == (
        "iomstrat: --as-of '2024-13-01' er ikke en dato (ÅÅÅÅ-MM-DD)\n"
    )
    assert outputs["usage output stderr"] == (
        "iomstrat: strategi.yaml: er en inddatafil (strategi.yaml); vælg en anden --output, "
        "intet er skrevet\n"
    )


@pytest.mark.parametrize(
    ("place", "english"),
    [("Tchad", "Chad"), ("Etiopien", "Ethiopia"), ("Elfenbenskysten", "Côte d\u2019Ivoire")],
)
def test_an_allocation_to_a_place_named_in_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str, english: str
) -> None:
    """'Tchad' is Chad: no unknown-place finding, nothing outside the African focus; the Danish
    report names it as the file does, the English one as Chad."""
    monkeypatch.chdir(tmp_path)
    Path("s.yaml").write_text(STRATEGY.replace("country: Niger", f"country: {place}"), "utf-8")
    runner = CliRunner()
    run = runner.invoke(app, ["validate", "s.yaml", "--as-of", "2023-12-31"])
    assert run.exit_code == 0 and "IOM40" not in run.output, run.output
    for locale, name, amount in (("da", place, "12.000.000"), ("en", english, "12,000,000")):
        args = ["report", "s.yaml", "--as-of", "2023-12-31", "-l", locale, "-o", "r.html"]
        assert runner.invoke(app, args).exit_code == 0
        html = Path("r.html").read_text(encoding="utf-8")
        assert f'<tr><td>{name}</td><td class="num">{amount}</td></tr>' in html


@settings(max_examples=400, deadline=None)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15),
    st.booleans(),
)
def test_english_figures_are_babels_to_the_character(value: Decimal, grouping: bool) -> None:
    # English figures are Python's own so that an English report loads no babel
    from babel.numbers import format_decimal

    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    expected = format_decimal(value, format=pattern, locale="en", decimal_quantization=False)
    assert figure(value, "en", grouping=grouping) == expected


def test_english_dates_and_decimal_mark_are_babels() -> None:
    from babel.dates import format_date
    from babel.numbers import get_decimal_symbol

    for month in range(1, 13):
        day = dt.date(2024, month, 30 if month != 2 else 29)
        assert date(day, "en") == format_date(day, "d MMMM y", locale="en")
    assert date(dt.date(2026, 6, 1), "en") == "1 June 2026"
    assert decimal_symbol("en") == get_decimal_symbol("en") == "."


@settings(max_examples=400, deadline=None)
@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9),
    st.sampled_from([0, 1, 6]),
)
def test_english_rounded_figures_are_babels(value: Decimal, places: int) -> None:
    from babel.numbers import format_decimal

    pattern = "0." + "0" * places if places else "0"
    assert rounded(value, places, "en") == format_decimal(value, format=pattern, locale="en")
