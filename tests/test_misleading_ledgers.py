"""Ledgers that once gave wrong figures with exit 0 (issue 23): each case is a file, and each
gives the right figures or a finding with exit 1 or 2, never a traceback."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from iomstrat.core.payments import read_ledger
from iomstrat.engine.book import book_payments, converted
from iomstrat.loader import dialect
from iomstrat.loader.dialect import Declared, Numbers
from iomstrat.loader.payments import Payment, Payments

from .conftest import run_cli
from .disbursement_helpers import edit, example_text
from .test_ledgers_dialect import messages
from .test_ledgers_dialect import read as read_in

HEADER = "date,line,amount,currency,voucher,exchange_rate\n"


def read(path: Path, data: bytes, **declared: object) -> Payments:
    return read_in(path.parent, path.name, data, **declared)


def strategy_with(folder: Path, entry: str) -> Path:
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers:\n" + entry)
    path = folder / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. settings checked as a whole -----------------------------------------------------------


def test_a_thousands_point_on_a_file_of_decimal_points_is_a_finding_not_a_hundredfold(
    tmp_path: Path,
) -> None:
    # A blank line sends the block to the row path, which read 250.25 as 25025.
    data = HEADER + "2023-03-31,personnel,250.25,DKK,V1,\n\n2023-06-30,personnel,1.5,DKK,V2,\n"
    found = read(tmp_path / "l.csv", data.encode(), thousands=".")
    assert list(found.records) == []
    assert messages(found) == [
        "1:IOM430 the `ledgers:` entry declares thousands '.', but amounts such as '250.25' in "
        "the file are written with decimal '.'; declare `decimal: \".\"` (and a thousands "
        "separator other than '.')"
    ]
    path = strategy_with(tmp_path, '  - {path: l.csv, thousands: "."}\n')
    run = run_cli("disbursement", str(path), "--as-of", "2024-01-01", "-f", "csv")
    assert run.exit_code == 2, run.stdout
    assert "IOM430" in run.stdout + run.stderr


def test_the_same_mark_declared_for_decimals_and_thousands_is_refused(tmp_path: Path) -> None:
    data = HEADER + "2023-03-31,personnel,250,DKK,V1,\n"
    found = read(tmp_path / "l.csv", data.encode(), decimal=".", thousands=".")
    assert messages(found) == [
        "1:IOM430 the `ledgers:` entry declares decimal '.' and thousands '.': the decimal mark "
        "and the thousands separator must differ"
    ]
    with pytest.raises(dialect.Contradiction):
        dialect.numbers_of([], [], ",", ",")


def test_a_declared_thousands_mark_alone_implies_the_other_decimal_mark(tmp_path: Path) -> None:
    assert dialect.numbers_of(["250"], [], None, ".") == Numbers(",", ".")
    assert dialect.numbers_of(["250"], ["7.45"], None, ".") == Numbers(",", ".")
    assert dialect.numbers_of(["1.250,50"], [], None, ".") == Numbers(",", ".")
    found = read(
        tmp_path / "l.csv",
        (HEADER + '2023-03-31,personnel,"1.250,50",DKK,V1,\n').encode(),
        thousands=".",
    )
    assert [p.amount for p in found.records] == [Decimal("1250.50")]


def test_a_declared_decimal_mark_the_file_contradicts_names_both(tmp_path: Path) -> None:
    data = "date;line;amount;currency;voucher;exchange_rate\n2023-03-31;personnel;1,250.50;DKK;V;\n"
    [message] = messages(read(tmp_path / "l.csv", data.encode(), decimal=","))
    assert message.startswith(
        "1:IOM430 the `ledgers:` entry declares decimal ',', but amounts such as '1,250.50' in "
        "the file are written with decimal '.'"
    )


# --- 2. one bound for an amount, whatever its spelling ----------------------------------------


@pytest.mark.parametrize(
    ("numbers", "text"),
    [
        (Numbers(".", ","), "1000000000000000"),
        (Numbers(".", ","), "1,000,000,000,000,000"),
        (Numbers(".", ","), "1,000,000,000,000,000.01"),
        (Numbers(",", "."), "-1.000.000.000.000.000.000.000.000.000.000"),
        (Numbers(",", " "), "1 000 000 000 000 000,00"),
    ],
)
def test_an_amount_of_16_whole_digits_is_refused_however_written(
    numbers: Numbers, text: str
) -> None:
    assert dialect.amount_parser(numbers)(text) is None
    assert dialect.amount_column(numbers)([text]) is None
    assert dialect.beyond_bound(text)


@pytest.mark.parametrize(
    ("numbers", "text", "value"),
    [
        (Numbers(".", ","), "999,999,999,999,999.99", Decimal("999999999999999.99")),
        (Numbers(".", ","), "999999999999999.99", Decimal("999999999999999.99")),
        (Numbers(",", "."), "-999.999.999.999.999,99", Decimal("-999999999999999.99")),
    ],
)
def test_the_largest_amount_reads_on_both_paths(
    numbers: Numbers, text: str, value: Decimal
) -> None:
    assert dialect.amount_parser(numbers)(text) == value
    assert dialect.amount_column(numbers)([text]) == [str(value).replace(",", "")]
    assert not dialect.beyond_bound(text)


def test_a_grouped_amount_beyond_the_bound_is_a_bad_row(tmp_path: Path) -> None:
    data = (
        HEADER
        + '2023-03-31,personnel,"1,000,000,000,000,000",DKK,V1,\n'
        + '2023-03-31,personnel,"-1,000,000,000,000,000,000,000,000,000,000",DKK,V2,\n'
        + '2023-03-31,personnel,"1,000,000,000,000,000,000,000,000,000,000.01",DKK,V3,\n'
        + "2023-03-31,personnel,1.00,DKK,V4,\n"
    )
    found = read(tmp_path / "l.csv", data.encode())
    assert [p.amount for p in found.records] == [Decimal("1.00")]
    found_at = [m.split(" ledger row")[0] for m in messages(found)]
    assert found_at == ["2:IOM422", "3:IOM422", "4:IOM422"]
    assert "beyond the limit of an amount" in messages(found)[0]


def test_a_converted_amount_of_27_digits_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    # 10^14 USD at 10^9 - 1 DKK per USD: both within their bounds, the product is not.
    ledger = HEADER + "2023-03-31,personnel,100000000000000,USD,V1,999999999\n"
    (tmp_path / "l.csv").write_text(ledger, encoding="utf-8")
    path = strategy_with(tmp_path, "  - l.csv\n")
    for command in ("validate", "disbursement"):
        run = run_cli(command, str(path), "--as-of", "2024-01-01")
        assert run.exit_code in (1, 2), (command, run.stdout)
        said = run.stdout + run.stderr
        assert "IOM431" in said and "Traceback" not in said, said


def test_conversion_is_exact_then_rounded_once() -> None:
    assert converted(Decimal("0.01"), Decimal("0.5")) == Decimal("0.01")  # 0.005: half up
    # Exactly 100 005 000 000 099.99499999999999: 99.99. Rounded to Decimal's 28 digits first
    # it became ...099.995, then 100.00: a cent made up.
    amount, rate = Decimal("100004999999999.99"), Decimal("1.000000000001")
    assert converted(amount, rate) == Decimal("100005000000099.99")
    assert converted(Decimal("999999999999999.99"), Decimal("999999999.999999999999")) is None
    assert converted(Decimal("-999999999999999.99"), Decimal("1.000000000001")) is None


def test_a_payment_beyond_the_bound_is_not_counted_and_the_book_says_so() -> None:
    payments = Payments(["s"])
    payments.add(
        Payment(
            dt.date(2023, 3, 31),
            "core",
            Decimal("1E14"),
            "USD",
            "V",
            Decimal("1E12"),
            2023,
            None,
            0,
            2,
        )
    )
    book = book_payments(payments, "DKK", rates=None)  # type: ignore[arg-type]
    assert book.amounts == [None]
    assert [d.code for d in book.diagnostics] == ["IOM431"]


def test_a_yaml_ledger_at_a_rate_of_a_trillion_is_a_finding_in_every_command(
    tmp_path: Path,
) -> None:
    """10^14 USD at 10^12 DKK per USD, each within the strategy file's bounds: 27 digits, which
    once ended every command in decimal.InvalidOperation."""
    (tmp_path / "l.yaml").write_text(
        "disbursements:\n"
        "  - {date: 2023-03-31, line: personnel, amount: 100000000000000, currency: USD,"
        " voucher: V1, exchange_rate: 1000000000000}\n",
        encoding="utf-8",
    )
    path = strategy_with(tmp_path, "  - l.yaml\n")
    for command in (("validate",), ("disbursement",), ("report", "-o", str(tmp_path / "r.html"))):
        run = run_cli(*command, str(path), "--as-of", "2024-01-01")
        said = run.stdout + run.stderr
        assert run.exit_code in (1, 2), (command, said)
        assert "l.yaml:2:" in said and "IOM431" in said, said


# --- 3. xlsx: the sheet a person sees, blank rows, bombs --------------------------------------

XLSX_HEADER = ["date", "line", "amount", "currency", "voucher", "exchange_rate"]


def workbook_bytes(path: Path, build: object) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    build(workbook)  # type: ignore[operator]
    workbook.save(path)
    return path


def payments_sheet(sheet: object, rows: int, amount: str = "10.00") -> None:
    sheet.append(XLSX_HEADER)  # type: ignore[attr-defined]
    for i in range(rows):
        sheet.append([dt.date(2023, 3, 31), "personnel", amount, "DKK", f"V{i}", None])  # type: ignore[attr-defined]


def read_xlsx(path: Path, **declared: object) -> Payments:
    payments = Payments(["strategy"])
    read_ledger(Declared(str(path), **declared), payments)  # type: ignore[arg-type]
    return payments


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_first_sheet_is_not_read_in_place_of_the_visible_one(
    tmp_path: Path, state: str
) -> None:
    def build(workbook: object) -> None:
        hidden = workbook.active  # type: ignore[attr-defined]
        hidden.title = "Gammel"
        payments_sheet(hidden, 40, "1000.00")
        hidden.sheet_state = state
        shown = workbook.create_sheet("Udbetalinger")  # type: ignore[attr-defined]
        payments_sheet(shown, 3)
        workbook.active = 1  # type: ignore[attr-defined]

    path = workbook_bytes(tmp_path / "l.xlsx", build)
    found = read_xlsx(path)
    assert [p.amount for p in found.records] == [Decimal("10.00")] * 3
    word = "very hidden" if state == "veryHidden" else "hidden"
    assert messages(found) == [
        f"1:IOM432 the workbook's first sheet 'Gammel' is {word}; read is 'Udbetalinger', the "
        "sheet shown on opening it; name another with `sheet:` in the ledger's `ledgers:` entry"
    ]
    from iomstrat.render.messages import text

    danish = "meget skjult" if state == "veryHidden" else "skjult"
    assert text(found.diagnostics[0], "da") == (
        f"projektmappens første ark 'Gammel' er {danish}; læst er 'Udbetalinger', arket, der "
        "vises, når den åbnes; angiv et andet med `sheet:` i oversigtens post under `ledgers:`"
    )
    named = read_xlsx(path, sheet="Gammel")
    assert (len(named.records), named.diagnostics) == (40, [])


def test_blank_and_formatted_empty_rows_are_skipped_as_blank_csv_lines_are(
    tmp_path: Path,
) -> None:
    from openpyxl.styles import Font, PatternFill

    def build(workbook: object) -> None:
        sheet = workbook.active  # type: ignore[attr-defined]
        payments_sheet(sheet, 2)
        sheet.append([])  # a blank row in the middle, then two more payments
        sheet.append([dt.date(2023, 6, 30), "personnel", "5.25", "DKK", "W1", None])
        sheet.append([dt.date(2023, 6, 30), "personnel", "5.25", "DKK", "W2", None])
        for row in range(6, 9):  # formatted, but empty: bold, filled
            for column in range(1, 7):
                cell = sheet.cell(row=row, column=column)
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="FFFF00")
        sheet.cell(row=20, column=2).value = ""  # an empty text

    found = read_xlsx(workbook_bytes(tmp_path / "l.xlsx", build))
    assert found.diagnostics == []
    assert [(p.voucher, p.amount, p.row) for p in found.records] == [
        ("V0", Decimal("10.00"), 2),
        ("V1", Decimal("10.00"), 3),
        ("W1", Decimal("5.25"), 5),
        ("W2", Decimal("5.25"), 6),
    ]


def rewritten(path: Path, part: str, change: object) -> Path:
    """The workbook at `path` with one part's XML changed by `change(bytes) -> bytes`."""
    import zipfile

    out = path.with_name("bomb.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            z.writestr(item, change(data) if item.filename == part else data)  # type: ignore[operator]
    return out


def test_a_row_bomb_of_empty_rows_is_read_in_seconds(tmp_path: Path) -> None:
    """10 MiB of `<row/>` in a file of a few KB: once 40 s and 516 MB."""
    import time

    path = workbook_bytes(tmp_path / "l.xlsx", lambda wb: payments_sheet(wb.active, 3))
    bomb = b"<row/>" * (10 * 2**20 // 6) + b'<row r="2000000" s="1" customFormat="1"/>'
    out = rewritten(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b"</sheetData>", bomb + b"</sheetData>"),
    )
    assert out.stat().st_size < 64 * 1024
    started = time.process_time()
    found = read_xlsx(out)
    assert time.process_time() - started < 10  # a few seconds even under load; once 40
    assert [(p.voucher, p.row) for p in found.records] == [("V0", 2), ("V1", 3), ("V2", 4)]
    assert found.diagnostics == []


def test_a_sheet_of_more_rows_than_excel_allows_is_refused_at_once(tmp_path: Path) -> None:
    path = workbook_bytes(tmp_path / "l.xlsx", lambda wb: payments_sheet(wb.active, 3))
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    bomb = row * 1_048_574
    out = rewritten(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b"</sheetData>", bomb + b"</sheetData>"),
    )
    found = read_xlsx(out)
    assert list(found.records) == []
    assert messages(found) == [
        "1:IOM433 the sheet 'Sheet' has more than 1,048,576 rows (Excel's own limit)"
    ]


def with_shared_strings(path: Path, strings: bytes) -> Path:
    """The workbook with its vouchers' first cell (V0) taken from a shared-strings part."""
    import zipfile

    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    out = path.with_name("strings.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b't="inlineStr"><is><t>V0</t></is>', b't="s"><v>0</v>')
            z.writestr(item, data)
        z.writestr("xl/sharedStrings.xml", b'<sst xmlns="' + main + b'">' + strings + b"</sst>")
    return out


def test_shared_strings_are_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    path = workbook_bytes(tmp_path / "l.xlsx", lambda wb: payments_sheet(wb.active, 3))
    rich = (
        b"<si><t>V</t><r><t>-</t></r><r><rPr><b/></rPr><t>0</t></r>"
        b'<rPh sb="0" eb="1"><t>x</t></rPh></si>'
    )
    found = read_xlsx(with_shared_strings(path, rich))
    assert [p.voucher for p in found.records] == ["V-0", "V1", "V2"]


def test_too_many_shared_strings_are_refused_before_they_are_read(tmp_path: Path) -> None:
    """A few KB of `<si/>` unpacking to 10 million strings: once 75 s for a 3-row ledger."""
    import time

    path = workbook_bytes(tmp_path / "l.xlsx", lambda wb: payments_sheet(wb.active, 3))
    out = with_shared_strings(path, b"<si><t>V-0</t></si>" + b"<si/>" * 2_000_000)
    assert out.stat().st_size < 64 * 1024
    started = time.process_time()
    found = read_xlsx(out)
    assert time.process_time() - started < 10
    assert list(found.records) == []
    assert messages(found) == [
        "1:IOM433 the workbook holds more than 2,000,000 shared strings (texts); a ledger sheet "
        "of a million payments holds about a million"
    ]


def test_a_chart_sheet_first_is_passed_over_with_a_finding(tmp_path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    def build(workbook: object) -> None:
        sheet = workbook.active  # type: ignore[attr-defined]
        sheet.title = "Udbetalinger"
        payments_sheet(sheet, 2)
        chart_sheet = workbook.create_chartsheet("Graf", 0)  # type: ignore[attr-defined]
        chart = BarChart()
        chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=3))
        chart_sheet.add_chart(chart)
        workbook.active = 1  # type: ignore[attr-defined]

    path = workbook_bytes(tmp_path / "l.xlsx", build)
    found = read_xlsx(path)
    assert len(found.records) == 2
    assert messages(found) == [
        "1:IOM432 the workbook's first sheet 'Graf' is a chart sheet; read is 'Udbetalinger', "
        "the sheet shown on opening it; name another with `sheet:` in the ledger's `ledgers:` "
        "entry"
    ]
    assert messages(read_xlsx(path, sheet="Graf")) == [
        "1:IOM420 the sheet 'Graf' is a chart sheet, not a worksheet"
    ]


def test_openpyxl_warnings_do_not_reach_stderr(tmp_path: Path) -> None:
    import warnings

    import openpyxl

    path = workbook_bytes(tmp_path / "l.xlsx", lambda wb: payments_sheet(wb.active, 2))
    extension = b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"/></extLst>'
    out = rewritten(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b"</worksheet>", extension + b"</worksheet>"),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(openpyxl.load_workbook(out, read_only=True).active.values)  # openpyxl warns
        assert [str(w.message) for w in caught] == [
            "Data Validation extension is not supported and will be removed"
        ]
        del caught[:]
        found = read_xlsx(out)
    assert caught == []
    assert (len(found.records), found.diagnostics) == (2, [])


# --- 4. the dialect from the header line; one file read ----------------------------------------


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_the_delimiter_is_told_by_the_header_line_whatever_ends_it(
    tmp_path: Path, end: str
) -> None:
    """Notes full of `;` in a `,` file: a CR-only file once had its delimiter counted over its
    first 64 KiB, and was refused."""
    note = ";".join(["Udbetaling"] * 12)
    lines = [HEADER.strip() + ",note"]
    lines += [f"2023-03-{d:02d},personnel,{d}.50,DKK,V{d},,{note}" for d in range(1, 21)]
    found = read(tmp_path / "l.csv", (end.join(lines) + end).encode())
    assert found.diagnostics == []
    assert sum(p.amount for p in found.records) == Decimal(sum(range(1, 21))) + Decimal("10.00")


def test_a_ledger_rewritten_while_it_is_read_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in passes (the dialect, then the rows): a file rewritten between them, here with
    its columns in another order, is not read as half of one and half of the other."""
    from iomstrat.loader import ledgers

    path = tmp_path / "l.csv"
    rows = "".join(f"2023-03-31,personnel,{i}.00,DKK,V{i},\n" for i in range(1, 4))
    plan = ledgers._plan

    def rewrite_then_plan(*args: object, **kwargs: object) -> object:
        planned = plan(*args, **kwargs)  # type: ignore[arg-type]
        with path.open("r+b") as handle:  # in place: the reader's open file sees it
            handle.write(b"line,date,amount,currency,voucher,exchange_rate\n")
            handle.write(
                b"".join(f"personnel,2023-03-31,9{i}.00,DKK,V{i},\n".encode() for i in range(1, 5))
            )
        return planned

    monkeypatch.setattr(ledgers, "_plan", rewrite_then_plan)
    found = read(path, (HEADER + rows).encode())
    assert list(found.records) == []
    assert messages(found) == [
        "1:IOM434 the ledger changed while it was read (its size or modification time); read it "
        "again when nothing writes to it"
    ]


def test_inspecting_a_ledger_whose_settings_contradict_it_says_so(tmp_path: Path) -> None:
    """The hint for an unmatched header inspects the file's dialect: a contradiction is one of
    its problems, not an exception."""
    from iomstrat.loader import ledger_inspect

    path = tmp_path / "l.csv"
    path.write_bytes(b"Dato;Konto;Bel\xc3\xb8b\r2023-03-31;core;250.25\r")
    inspection = ledger_inspect.inspect(Declared(str(path), thousands="."))
    assert inspection.delimiter == ";"
    assert inspection.problems == ("numbers.thousands",)


# --- 6. a delimiter inside an unquoted text ---------------------------------------------------

BALANCE = {"date": "Dato", "line": "Konto", "currency": "Valuta", "voucher": "Bilag"}
BALANCE_HEADER = "Dato;Konto;Valuta;Bilag;Tekst;Beløb;Saldo\r\n"


@pytest.mark.parametrize("quoted", [False, True], ids=["column path", "csv.reader path"])
def test_a_semicolon_in_a_text_that_moves_the_balance_into_the_amount_is_a_finding(
    tmp_path: Path, quoted: bool
) -> None:
    """An export with a running balance after the amount, whose text holds an unquoted `;`:
    the row has one cell more than the header, the year after the `;` stands where the amount
    should, the amount where the balance should. Read as the header says it would be a payment
    of DKK 2,023.00 instead of 24,000,000.00; it is a bad row instead. A trailing `;` (an empty
    cell beyond the header) is still read."""
    text = '"Bidrag"' if quoted else "Bidrag"
    rows = (
        f"15.04.2023;core;DKK;V-1;{text};24.000.000,00;24.000.000,00;\r\n"
        f"16.05.2023;core;DKK;V-2;{text} 2023;2023;24.000.000,00;48.000.000,00\r\n"
    )
    path = tmp_path / "saldo.csv"
    found = read(
        path, (BALANCE_HEADER + rows).encode("cp1252"), columns={**BALANCE, "amount": "Beløb"}
    )
    assert [(p.row, p.amount, p.voucher) for p in found.records] == [
        (2, Decimal("24000000.00"), "V-1")
    ]
    assert messages(found) == ["3:IOM422 ledger row: 8 fields, the header has 7"]
    # Every row moved (the column path's whole block): every row a finding, none read.
    moved = BALANCE_HEADER + rows.splitlines(keepends=True)[1] * 3
    found = read(path, moved.encode("cp1252"), columns={**BALANCE, "amount": "Beløb"})
    assert len(found.records) == 0
    bad = "IOM422 ledger row: 8 fields, the header has 7"
    assert messages(found) == [f"{n}:{bad}" for n in (2, 3, 4)]


def test_a_column_read_by_a_name_the_header_gives_twice_is_not_guessed(tmp_path: Path) -> None:
    """Mapped by name, `Beløb` read from the first of two columns so named would give 100.00
    where the other says 999.00: the ledger cannot be read (IOM421) until one is renamed. A
    name the mapping does not read may stand twice (two `Tekst` columns)."""
    mapping = {**BALANCE, "amount": "Beløb"}
    header = "Dato;Konto;Valuta;Bilag;Beløb;Tekst;beløb;Tekst\r\n"
    row = "15.04.2023;core;DKK;V-1;100,00;a;999,00;b\r\n"
    found = read(tmp_path / "twice.csv", (header + row).encode("cp1252"), columns=mapping)
    assert len(found.records) == 0
    assert messages(found) == [
        "1:IOM421 ledger header: a column it reads is named twice: amount <- 'Beløb' (columns 5 "
        "and 7); which one to read cannot be told: give one of them another name in the export"
    ]
    header = "Dato;Konto;Valuta;Bilag;Beløb;Tekst;Saldo;Tekst\r\n"
    found = read(tmp_path / "texts.csv", (header + row).encode("cp1252"), columns=mapping)
    assert found.diagnostics == []
    assert [(p.amount, p.voucher) for p in found.records] == [(Decimal("100.00"), "V-1")]


@pytest.mark.parametrize("quoted", [False, True], ids=["column path", "csv.reader path"])
def test_a_ledger_of_the_documented_names_may_end_its_lines_in_a_semicolon(
    tmp_path: Path, quoted: bool
) -> None:
    """Danish Excel and finance systems end every line in `;`: the header's last name is then
    empty, each row one cell wider. Unmapped, this was IOM421 (unknown column '', exit 2) for
    the header and IOM422 for every row; it reads as a mapped export does. Text beyond the
    header is still a bad row, and so is a row wider than the header with its trailing `;`."""
    note = '"a"' if quoted else "a"
    text = (
        "\ufeffdate;line;amount;currency;voucher;exchange_rate;\r\n"
        f"31.03.2023;core;1.234,56;DKK;V1;;\r\n"
        "\r\n"
        f"15.04.2023;core;234,56;DKK;V2;;\r\n"
        f"30.04.2023;core;1,00;DKK;V3;;{note}\r\n"
        f"30.04.2023;core;2,00;DKK;V4;;;\r\n"
    )
    found = read(tmp_path / "l.csv", text.encode())
    assert [(p.row, p.date, p.amount) for p in found.records] == [
        (2, dt.date(2023, 3, 31), Decimal("1234.56")),
        (4, dt.date(2023, 4, 15), Decimal("234.56")),
    ]
    assert messages(found) == [
        "5:IOM422 ledger row: 7 fields, the header has 6",
        "6:IOM422 ledger row: 8 fields, the header has 6",
    ]
    from iomstrat.loader import ledger_inspect

    inspection = ledger_inspect.inspect(Declared(str(tmp_path / "l.csv")))
    assert inspection.header == ("date", "line", "amount", "currency", "voucher", "exchange_rate")
    assert inspection.own_header


def test_a_row_shifted_by_an_unquoted_comma_is_a_bad_row_not_a_smaller_amount(
    tmp_path: Path,
) -> None:
    # `1,234.50` unquoted: the row has one field more than the header; its amount would read
    # as 1 and 234.50 would fall into `note` (review of 5c135f3)
    text = (
        "date,line,currency,voucher,exchange_rate,amount,note\n"
        "2023-05-01,personnel,DKK,V1,,1,234.50,\n"
        "2023-05-02,personnel,DKK,V2,,10.00,ok\n"
    )
    found = read(tmp_path / "l.csv", text.encode())
    assert [(p.row, p.amount) for p in found.records] == [(3, Decimal("10.00"))]
    assert messages(found) == ["2:IOM422 ledger row: 8 fields, the header has 7"]
