"""Real ledgers in (issue 14): the same payments as the documented CSV, as Danish CSV (as
iomstrat's own `--locale da` CSV writes it), as a cp1252 finance-system export with a
`columns:` mapping, and as an xlsx sheet give the same `disbursement` figures to the øre; the
dialect is told from the file or declared, and findings say what to declare."""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iomstrat.core.payments import read_ledger
from iomstrat.core.pipeline import Run, check_file
from iomstrat.engine.disbursement import disbursement_report
from iomstrat.loader import dialect
from iomstrat.loader.dialect import Declared, Numbers
from iomstrat.loader.payments import Payments
from iomstrat.rates import EcbRates
from iomstrat.render.messages import text as message_text
from iomstrat.render.tabular import CsvStyle

from .conftest import run_cli
from .disbursement_helpers import LEDGER, YEAR_END, edit, example_text, write_example

RATES = EcbRates()

# date, line, amount, currency, voucher, exchange rate, allocation
PAYMENTS = [
    (dt.date(2023, 3, 31), "personnel", "499999.45", "DKK", "DK-2023-P01", "", ""),
    (dt.date(2023, 6, 30), "personnel", "500000.55", "DKK", "DK-2023-P02", "", ""),
    (dt.date(2023, 9, 29), "personnel", "500000.00", "DKK", "DK-2023-P03", "", ""),
    (
        dt.date(2023, 12, 1),
        "soft_earmarked",
        "5000000.00",
        "DKK",
        "DK-2023-006",
        "",
        "ethiopia_protection",
    ),
    (dt.date(2023, 12, 15), "personnel", "500000.00", "DKK", "DK-2023-P04", "", ""),
    (dt.date(2023, 10, 2), "soft_earmarked", "1234567.89", "USD", "DK-2023-007", "6.8123", ""),
]
ACCOUNTS = {"personnel": "10.14.03", "soft_earmarked": "10.14.02"}
AS_OF = "2024-01-01"


def documented_csv() -> bytes:
    lines = ["date,line,amount,currency,voucher,exchange_rate,allocation,note"]
    lines += [f"{d.isoformat()},{ln},{a},{c},{v},{r},{al}," for d, ln, a, c, v, r, al in PAYMENTS]
    return ("\n".join(lines) + "\n").encode()


def danish_csv() -> bytes:
    """As iomstrat's own Danish CSV: ';', decimal comma, dd-mm-yyyy, a BOM, CRLF."""
    style = CsvStyle("da")
    out = io.StringIO()
    writer = style.writer(out)
    writer.writerow(
        ["date", "line", "amount", "currency", "voucher", "exchange_rate", "allocation"]
    )
    for d, ln, a, c, v, r, al in PAYMENTS:
        rate = style.number(Decimal(r)) if r else ""
        writer.writerow([d.strftime("%d-%m-%Y"), ln, style.number(Decimal(a)), c, v, rate, al])
    assert "\r\n" in out.getvalue() and ";" in out.getvalue()
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def finance_export() -> bytes:
    """The finance system's own headers and accounts, thousands dots, saved by Excel as cp1252."""
    lines = ["Bogføringsdato;Finanskonto;Beløb;Valuta;Bilagsnr.;Kurs;Tekst;Afdeling"]
    for d, ln, a, c, v, r, _ in PAYMENTS:
        units, ore = a.split(".")
        amount = f"{int(units):,}".replace(",", ".") + "," + ore
        lines.append(
            f"{d.strftime('%d.%m.%Y')};{ACCOUNTS[ln]};{amount};{c};{v};{r.replace('.', ',')};"
            "Udbetaling til IOM \u2013 ø;MNS"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


FINANCE_ENTRY = """\
  - path: finance.csv
    columns: {date: Bogføringsdato, line: Finanskonto, amount: Beløb, currency: Valuta,
              voucher: Bilagsnr., exchange_rate: Kurs, note: Tekst}
    lines: {"10.14.02": soft_earmarked, "10.14.03": personnel}
"""


def xlsx_sheet(path: Path) -> None:
    """Real date and number cells, some text cells (a Danish amount, a text date)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Udbetalinger"
    sheet.append(["date", "line", "amount", "currency", "voucher", "exchange_rate", "allocation"])
    for i, (d, ln, a, c, v, r, al) in enumerate(PAYMENTS):
        amount: object = float(a) if i != 2 else a.replace(".", ",")  # one text cell, Danish
        date: object = d if i != 4 else d.strftime("%d-%m-%Y")  # one text date
        sheet.append([date, ln, amount, c, v, float(r) if r else None, al or None])
    workbook.save(path)


def figures(folder: Path, entry: str, name: str, data: bytes | None) -> list[str]:
    """`disbursement -f csv` of the example with its ledger replaced, without the file column."""
    if data is not None:
        (folder / name).write_bytes(data)
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers:\n" + entry)
    strategy = folder / "strategy.yaml"
    strategy.write_text(text, encoding="utf-8")
    # --partial: DK-2023-007 brings soft-earmarked above its allocations (IOM404) in every form
    run = run_cli("disbursement", str(strategy), "--as-of", AS_OF, "-f", "csv", "--partial")
    assert run.exit_code in (0, 1), run.stderr
    assert "IOM42" not in run.stderr, run.stderr
    return [line.split(",", 1)[1] for line in run.stdout.splitlines()]


def test_four_forms_of_one_ledger_give_the_same_figures_to_the_ore(tmp_path: Path) -> None:
    documented = figures(tmp_path, "  - ledger.csv\n", "ledger.csv", documented_csv())
    danish = figures(tmp_path, "  - danish.csv\n", "danish.csv", danish_csv())
    finance = figures(tmp_path, FINANCE_ENTRY, "finance.csv", finance_export())
    xlsx_sheet(tmp_path / "ledger.xlsx")
    xlsx = figures(tmp_path, "  - {path: ledger.xlsx, sheet: Udbetalinger}\n", "", None)
    assert documented == danish == finance == xlsx
    # By hand: personnel 499 999.45 + 500 000.55 + 500 000 + 500 000 in 2023.
    personnel = next(
        row for row in documented if row.startswith("rows,personnel,") and ",2023," in row
    )
    assert ",2000000.00," in personnel or ",2000000," in personnel, personnel


def test_danish_csv_reads_back_to_the_same_records(tmp_path: Path) -> None:
    plain, danish = tmp_path / "plain.csv", tmp_path / "danish.csv"
    plain.write_bytes(documented_csv())
    danish.write_bytes(danish_csv())
    read = []
    for path in (plain, danish):
        payments = Payments(["strategy"])
        read_ledger(str(path), payments)
        assert payments.diagnostics == []
        read.append(
            [
                (p.date, p.line, p.amount, p.currency, p.voucher, p.exchange_rate)
                for p in payments.records
            ]
        )
    assert read[0] == read[1]
    assert read[1][5][2:6] == (Decimal("1234567.89"), "USD", "DK-2023-007", Decimal("6.8123"))


@pytest.mark.parametrize(
    ("samples", "decimal", "thousands"),
    [
        (["24.000.000,00"], ",", "."),
        (["24,000,000.00"], ".", ","),
        (["24000000.00"], ".", ","),
        (["24000000,5"], ",", "."),
        (["1.250"], ",", "."),  # amounts have at most 2 decimals: a thousands dot
        (["24000000", "1250"], ".", ","),  # whole numbers read alike either way
    ],
)
def test_number_style_is_told_from_the_amounts(
    samples: list[str], decimal: str, thousands: str
) -> None:
    assert dialect.numbers_of(samples, [], None, None) == Numbers(decimal, thousands)


def test_a_rate_tells_the_decimal_mark_when_the_amounts_cannot() -> None:
    assert dialect.numbers_of(["500000"], ["6.800"], None, None) == Numbers(".", ",")
    assert dialect.numbers_of(["500000"], ["7,4536"], None, None) == Numbers(",", ".")
    assert dialect.numbers_of(["1.250,00"], ["6.800"], None, None) == Numbers(",", ".")


@pytest.mark.parametrize(
    ("numbers", "text", "value"),
    [
        (Numbers(",", "."), "24.000.000,00", Decimal("24000000.00")),
        (Numbers(",", "."), "-1250,5", Decimal("-1250.5")),
        (Numbers(".", ","), "24,000,000.00", Decimal("24000000.00")),
        (Numbers(".", ","), "24000000.00", Decimal("24000000.00")),
        (Numbers(",", " "), "24\u00a0000\u00a0000,00", Decimal("24000000.00")),
        (Numbers(".", ","), "5e5", None),
        (Numbers(".", ","), "24,00,000.00", None),
        (Numbers(",", "."), "1,234", None),
        (Numbers(".", ","), "NaN", None),
    ],
)
def test_amounts_in_a_style(numbers: Numbers, text: str, value: Decimal | None) -> None:
    assert dialect.amount_parser(numbers)(text) == value


STYLES = [Numbers(".", ""), Numbers(".", ","), Numbers(",", "."), Numbers(",", "'")]


@st.composite
def near_amounts(draw: st.DrawFn) -> str:
    """Amounts as a finance system might write them, and near misses: too many digits or
    decimals, groups of the wrong size, marks in the wrong place."""
    sign = draw(st.sampled_from(["", "-", "+", "--"]))
    whole = draw(st.text(alphabet="0123456789", min_size=0, max_size=17))
    if draw(st.booleans()) and whole:
        size = draw(st.sampled_from([3, 3, 3, 2, 4]))
        mark = draw(st.sampled_from([".", ",", "'"]))
        head = len(whole) % size or size
        parts = [whole[:head]] + [whole[i : i + size] for i in range(head, len(whole), size)]
        whole = mark.join(parts)
    decimals = ""
    if draw(st.booleans()):
        mark = draw(st.sampled_from([".", ","]))
        decimals = mark + draw(st.text(alphabet="0123456789", max_size=3))
    return sign + whole + decimals


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(STYLES),
    st.lists(
        st.one_of(near_amounts(), st.text(alphabet="0123456789.,'-", max_size=22)),
        min_size=1,
        max_size=4,
    ),
)
@example(Numbers(".", ","), ["1.234"])
@example(Numbers(",", "."), ["1234.567"])
@example(Numbers(".", ","), ["1234567890123456"])
def test_a_column_of_amounts_is_checked_as_each_amount_is(
    numbers: Numbers, column: list[str]
) -> None:
    """The whole-column check (one regex over the column, possessive quantifiers) accepts a
    column exactly when the one-amount parser accepts every cell of it."""
    texts = dialect.amount_column(numbers)(list(column))
    parsed = [dialect.amount_parser(numbers)(cell) for cell in column]
    if None in parsed:
        assert texts is None
    else:
        assert texts is not None
        assert [Decimal(t) for t in texts] == parsed


@pytest.mark.parametrize(
    ("samples", "found"),
    [
        (["2023-02-01"], "%Y-%m-%d"),
        (["01-02-2023", "29-09-2023"], "%d-%m-%Y"),
        (["29.09.2023"], "%d.%m.%Y"),
        (["01/02/2023", "13/02/2023"], "%d/%m/%Y"),
        (["01/02/2023", "02/13/2023"], "%m/%d/%Y"),
    ],
)
def test_date_format_is_told_from_the_dates(samples: list[str], found: str) -> None:
    assert dialect.date_format_of(samples, None) == found


def test_dates_no_day_above_12_tells_apart_are_ambiguous() -> None:
    with pytest.raises(dialect.AmbiguousDates) as caught:
        dialect.date_format_of(["01.02.2023", "12.11.2023"], None)
    assert caught.value.choices == ("%d.%m.%Y", "%m.%d.%Y")
    assert dialect.date_format_of(["01.02.2023"], "%d.%m.%Y") == "%d.%m.%Y"


def read(tmp_path: Path, name: str, data: bytes, **declared: object) -> Payments:
    path = tmp_path / name
    path.write_bytes(data)
    payments = Payments(["strategy"])
    read_ledger(Declared(str(path), **declared), payments)  # type: ignore[arg-type]
    return payments


def messages(payments: Payments) -> list[str]:
    return [f"{d.line}:{d.code} {message_text(d)}" for d in payments.diagnostics]


HEADER = "date;line;amount;currency;voucher;exchange_rate\n"


def test_ambiguous_dates_say_what_to_declare(tmp_path: Path) -> None:
    data = (HEADER + "01.02.2023;core;10,00;DKK;A;\n02.03.2023;core;10,00;DKK;B;\n").encode()
    found = read(tmp_path, "l.csv", data)
    assert list(found.records) == []
    [message] = messages(found)
    assert message.startswith(
        "1:IOM423 dates such as '01.02.2023' read as DD.MM.YYYY or MM.DD.YYYY"
    )
    assert 'declare `date_format: "%d.%m.%Y"`' in message
    declared = read(tmp_path, "l.csv", data, date_format="%d.%m.%Y")
    assert [(p.date, p.amount) for p in declared.records] == [
        (dt.date(2023, 2, 1), Decimal("10.00")),
        (dt.date(2023, 3, 2), Decimal("10.00")),
    ]


def test_a_day_above_12_after_the_first_rows_decides(tmp_path: Path) -> None:
    rows = "".join(f"01.02.2023;core;1;DKK;V{i};\n" for i in range(1500))
    found = read(tmp_path, "l.csv", (HEADER + rows + "13.02.2023;core;1;DKK;W;\n").encode())
    assert found.diagnostics == []
    assert found.records[0].date == dt.date(2023, 2, 1)
    assert (found.records[-1].date, found.records[-1].row) == (dt.date(2023, 2, 13), 1502)


def test_a_danish_amount_in_a_file_declared_otherwise_says_what_to_declare(tmp_path: Path) -> None:
    data = (HEADER + "2023-02-01;core;1.25;DKK;A;\n2023-02-01;core;24.000.000,00;DKK;B;\n").encode()
    [message] = messages(read(tmp_path, "l.csv", data, decimal="."))
    assert message.startswith("3:IOM422 ledger row: amount '24.000.000,00' is not a number")
    assert "it reads as 24000000.00 with decimal ',', thousands '.'" in message
    assert 'declare `decimal: ","`' in message
    [row] = read(tmp_path, "l.csv", data, decimal=".").diagnostics
    assert message_text(row, "da").startswith(
        "række i oversigten: beløbet '24.000.000,00' er ikke et tal i hele valutaenheder med højst "
        "2 decimaler skrevet med decimaltegn '.', tusindtalsskilletegn ',' (fx 1,250,000.00); det "
        "læses som 24000000.00 med decimaltegn ',', tusindtalsskilletegn '.'"
    )


def test_an_amount_grouped_by_spaces_says_to_declare_the_space(tmp_path: Path) -> None:
    # The decimal comma is already the file's: declaring `decimal: ","` alone, as the finding
    # said, read the row the same way and gave the same finding again.
    data = (HEADER + "2023-02-01;core;1 234,56;DKK;A;\n").encode()
    [message] = messages(read(tmp_path, "l.csv", data))
    assert message.startswith("2:IOM422 ledger row: amount '1 234,56' is not a number")
    assert "it reads as 1234.56 with decimal ',', thousands space" in message
    assert 'declare `decimal: ",", thousands: " "` in its `ledgers:` entry' in message
    declared = read(tmp_path, "l.csv", data, decimal=",", thousands=" ")
    assert declared.diagnostics == []
    assert [p.amount for p in declared.records] == [Decimal("1234.56")]


def test_a_danish_date_in_a_file_declared_iso_says_what_to_declare(tmp_path: Path) -> None:
    data = (HEADER + "29.09.2023;core;10;DKK;A;\n").encode()
    [message] = messages(read(tmp_path, "l.csv", data, date_format="%Y-%m-%d"))
    assert message == (
        "2:IOM422 ledger row: date '29.09.2023' is not a date (YYYY-MM-DD); it reads as "
        'DD.MM.YYYY: if the ledger writes its dates so, declare `date_format: "%d.%m.%Y"` in '
        "its `ledgers:` entry"
    )


def test_an_unmapped_export_names_its_headers_the_delimiter_and_the_mapping(tmp_path: Path) -> None:
    [message] = messages(read(tmp_path, "finance.csv", finance_export()))
    assert message == (
        "1:IOM421 ledger header: no column date, line, amount, currency, voucher, exchange_rate; "
        "the header (cp1252, delimiter semicolon ';', dates day.month.year, decimal ',', "
        "thousands '.') has 'Bogføringsdato', 'Finanskonto', 'Beløb', 'Valuta', 'Bilagsnr.', "
        "'Kurs', 'Tekst', 'Afdeling'; columns it could match: date <- 'Bogføringsdato', "
        "line <- 'Finanskonto', amount <- 'Beløb', currency <- 'Valuta', voucher <- 'Bilagsnr.', "
        "exchange_rate <- 'Kurs', note <- 'Tekst'; nothing of this ledger is read. Map its "
        "columns in the strategy file: ledgers: [{path: finance.csv, columns: {date: "
        "Bogføringsdato, line: Finanskonto, amount: Beløb, currency: Valuta, voucher: Bilagsnr., "
        'exchange_rate: Kurs, note: Tekst}, lines: {"10.14.03": <line id>, "10.14.02": '
        '<line id>}, delimiter: ";", decimal: ",", thousands: ".", date_format: "%d.%m.%Y", '
        "encoding: cp1252}]"
    )


def test_an_unmapped_export_through_the_cli_is_one_finding_without_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "finance.csv").write_bytes(finance_export())
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers: [finance.csv]")
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    run = run_cli("disbursement", str(tmp_path / "s.yaml"), "--as-of", AS_OF)
    assert run.exit_code in (1, 2)
    assert [line for line in run.stderr.splitlines() if "IOM42" in line] == [
        line for line in run.stderr.splitlines() if "finance.csv:1:1: fatal IOM421" in line
    ]


def test_a_wrong_declared_delimiter_is_named(tmp_path: Path) -> None:
    data = (HEADER + "2023-02-01;core;10;DKK;A;\n").encode()
    [message] = messages(read(tmp_path, "l.csv", data, delimiter=","))
    assert "read with delimiter comma ','" in message
    assert "which holds semicolon ';': declare `delimiter: \";\"`" in message
    assert "<-" not in message  # no column mapped to the whole header line


def test_encodings_bom_crlf(tmp_path: Path) -> None:
    text = (
        "date,line,amount,currency,voucher,exchange_rate,note\r\n"
        "2023-02-01,core,10,DKK,Bilag ø,,Løn\r\n"
    )
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        found = read(tmp_path, "l.csv", text.encode(encoding))
        assert found.diagnostics == [], encoding
        assert [p.voucher for p in found.records] == ["Bilag ø"], encoding
    declared = read(tmp_path, "l.csv", text.encode("utf-8-sig"), encoding="utf-8")
    assert [p.voucher for p in declared.records] == ["Bilag ø"]  # the BOM is not a header


def test_an_undefined_cp1252_byte_asks_for_the_encoding(tmp_path: Path) -> None:
    data = b"date,line,amount,currency,voucher,exchange_rate\n2023-02-01,core,10,DKK,A\x81,\n"
    [message] = messages(read(tmp_path, "l.csv", data))
    assert message.startswith("2:IOM423 a byte that is not cp1252 text")
    # Declared Latin-1, the byte is U+0081, a control character no text may hold.
    [declared] = messages(read(tmp_path, "l.csv", data, encoding="latin-1"))
    assert declared.startswith("2:IOM422 ") and "U+0081" in declared


def test_excel_unicode_text_is_named_as_utf16_not_as_a_broken_file(tmp_path: Path) -> None:
    text = "date\tline\tamount\tcurrency\tvoucher\n2023-02-01\tcore\t10\tDKK\tA\n"
    expected = (
        '1:IOM420 UTF-16 text (Excel\'s "Unicode Text"); iomstrat reads UTF-8 and cp1252: save '
        'the ledger as "CSV UTF-8" or "CSV (semikolonsepareret)"'
    )
    for name in ("unicode.txt", "unicode.tsv", "unicode.csv"):
        for encoding in ("utf-16", "utf-16-be"):
            data = text.encode(encoding)
            if encoding == "utf-16-be":
                data = b"\xfe\xff" + data
            found = read(tmp_path, name, data)
            assert messages(found) == [expected], (name, encoding)
            assert len(found) == 0
    # `ledger inspect` shows the finding, not a header and a cp1252 entry read from its bytes.
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode("utf-16"))
    run = run_cli("ledger", "inspect", str(path))
    assert run.exit_code == 2
    assert run.stdout.splitlines() == [
        f"ledger: {path}",
        "first problems:",
        f"  {path}:1:1: fatal {expected.removeprefix('1:')}",
        "ledgers: entry (path relative to the working folder):",
        f"  - {{path: {os.path.relpath(path)}}}",
    ]


def test_tsv_is_csv_with_tabs(tmp_path: Path) -> None:
    data = (
        b"date\tline\tamount\tcurrency\tvoucher\texchange_rate\n2023-02-01\tcore\t10.5\tDKK\tA\t\n"
    )
    found = read(tmp_path, "l.tsv", data)
    assert found.diagnostics == []
    assert [(p.amount, p.row) for p in found.records] == [(Decimal("10.5"), 2)]


def test_a_file_of_unknown_kind_gets_one_line(tmp_path: Path) -> None:
    assert messages(read(tmp_path, "ledger.dat", b"anything")) == [
        "1:IOM420 cannot tell what kind of ledger this is from its name; read are CSV (.csv, "
        ".txt), TSV (.tsv, .tab), xlsx (.xlsx, .xlsm) or YAML (.yaml, .yml)"
    ]
    workbook = tmp_path / "book.xlsx"
    xlsx_sheet(workbook)
    assert messages(read(tmp_path, "ledger.csv", workbook.read_bytes())) == [
        "1:IOM420 this is a zip file (an xlsx workbook?), not CSV; name it .xlsx if it is one"
    ]


def test_xlsx_findings_name_sheet_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Udbetalinger"
    sheet.append(["date", "line", "amount", "currency", "voucher", "exchange_rate"])
    sheet.append([dt.date(2023, 2, 1), "core", 0.1 + 0.2, "DKK", "A", None])
    sheet.append([dt.datetime(2023, 2, 2, 12, 0), "core", 1234567.891, "DKK", 4711, 7.4536])
    sheet.append([dt.date(2023, 2, 3), "core", "ti kroner", "DKK", "C", None])
    workbook.save(path)
    found = Payments(["strategy"])
    read_ledger(str(path), found)
    assert [(p.date, p.amount, p.voucher, p.exchange_rate, p.row) for p in found.records] == [
        (dt.date(2023, 2, 1), Decimal("0.30"), "A", None, 2),
        (dt.date(2023, 2, 2), Decimal("1234567.89"), "4711", Decimal("7.4536"), 3),
    ]
    [finding] = found.diagnostics
    assert (finding.line, finding.column, finding.code) == (4, 3, "IOM422")
    assert message_text(finding).startswith(
        "ledger row: ledger.xlsx[Udbetalinger]!C4: amount 'ti kroner'"
    )
    missing = Payments(["strategy"])
    read_ledger(Declared(str(path), sheet="Ark2"), missing)
    assert messages(missing) == ["1:IOM420 the workbook has no sheet 'Ark2' (sheets: Udbetalinger)"]


def test_mapping_keys_are_checked_with_positions(tmp_path: Path) -> None:
    entry = '  - path: finance.csv\n    colums: {date: Dato}\n    delimiter: "|"\n'
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers:\n" + entry)
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    run = run_cli("validate", str(tmp_path / "s.yaml"), "--as-of", AS_OF)
    assert run.exit_code == 1
    line = text.splitlines().index("    colums: {date: Dato}") + 1
    assert (
        f"s.yaml:{line}:5: error IOM021 ledgers[0]: unknown key 'colums'; did you mean 'columns'?"
        in run.stdout
    )
    assert f"s.yaml:{line + 1}:16: error IOM020 ledgers[0].delimiter:" in run.stdout


def test_a_broken_workbook_is_one_finding(tmp_path: Path) -> None:
    workbook = tmp_path / "book.xlsx"
    xlsx_sheet(workbook)
    broken = workbook.read_bytes()[:2000]  # cut short, as an interrupted copy
    assert messages(read(tmp_path, "ledger.xlsx", broken)) == [
        "1:IOM420 not a readable xlsx workbook (BadZipFile)"
    ]
    assert messages(read(tmp_path, "ledger.xlsx", b"PK\x03\x04" + b"x" * 100)) == [
        "1:IOM420 not a readable xlsx workbook (BadZipFile)"
    ]


def test_the_refund_column_in_both_row_paths(tmp_path: Path) -> None:
    header = "date;line;amount;currency;voucher;exchange_rate;refund\n"
    good = "2023-02-01;core;-10,50;DKK;R-1;;yes\n2023-02-02;core;20,00;DKK;A;;\n"
    clean = read(tmp_path, "l.csv", (header + good).encode())  # a chunk read column-wise
    assert clean.diagnostics == []
    assert [(p.amount, p.refund, p.row) for p in clean.records] == [
        (Decimal("-10.50"), True, 2),
        (Decimal("20.00"), False, 3),
    ]
    mixed = read(tmp_path, "l.csv", (header + good + "2023-02-03;core;5;DKK;B;;maybe\n").encode())
    assert [(p.amount, p.refund, p.row) for p in mixed.records] == [
        (Decimal("-10.50"), True, 2),
        (Decimal("20.00"), False, 3),
    ]
    assert messages(mixed) == ["4:IOM422 ledger row: refund 'maybe' is not yes or no (ja or nej)"]


@pytest.mark.parametrize(("yes", "no"), [("ja", "nej"), ("Ja", "Nej"), ("JA", "NEJ")])
def test_a_danish_refund_column_says_ja_or_nej_in_both_row_paths(
    tmp_path: Path, yes: str, no: str
) -> None:
    header = "date;line;amount;currency;voucher;exchange_rate;refund\n"
    rows = f"2023-02-01;core;-10,50;DKK;R-1;;{yes}\n2023-02-02;core;20,00;DKK;A;;{no}\n"
    clean = read(tmp_path, "l.csv", (header + rows).encode())  # a chunk read column-wise
    mixed = read(tmp_path, "m.csv", (header + rows + "2023-02-03;core;5;DKK;B;;ok\n").encode())
    assert clean.diagnostics == []
    assert messages(mixed) == ["4:IOM422 ledger row: refund 'ok' is not yes or no (ja or nej)"]
    for found in (clean, mixed):  # the row path too, as one bad row sends the chunk there
        assert [(p.amount, p.refund, p.row) for p in found.records] == [
            (Decimal("-10.50"), True, 2),
            (Decimal("20.00"), False, 3),
        ]


def test_a_ja_refund_is_taken_off_the_line_and_a_nej_one_is_an_error(tmp_path: Path) -> None:
    # Personnel 2023: 4 x 500,000 = 2,000,000 paid in the example ledger; a refund of 100,000
    # marked `ja` leaves 1,900,000 paid, 100,000 remaining, and no finding; marked `nej` it is
    # a negative payment not marked as a refund (IOM418) on its row, 7.
    head, *lines = LEDGER.read_text(encoding="utf-8").splitlines()
    ledger = [head + ",refund", *(line + "," for line in lines)]
    refund = "2023-12-21,personnel,-100000.00,DKK,DK-2023-R01,,,,"
    checked = {}
    for mark in ("ja", "nej"):
        (tmp_path / mark).mkdir()
        path = write_example(tmp_path / mark, ledger="\n".join([*ledger, refund + mark]) + "\n")
        result = check_file(str(path), Run(YEAR_END, rates=RATES))
        checked[mark] = [(d.line, d.code) for d in result.diagnostics if d.code.startswith("IOM4")]
        if mark == "ja":
            assert result.strategy is not None and result.book is not None
            report = disbursement_report(
                result.strategy, result.book, file="s", as_of=YEAR_END, by="line", rates=RATES
            )
            [staff] = [r.figures for r in report.rows if r.key == "personnel" and r.year == 2023]
    assert checked == {"ja": [], "nej": [(7, "IOM418")]}
    assert (staff.approved, staff.disbursed, staff.remaining) == (
        Decimal(2_000_000),
        Decimal(1_900_000),
        Decimal(100_000),
    )


def test_without_openpyxl_an_xlsx_ledger_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "book.xlsx"
    xlsx_sheet(workbook)
    monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)  # import fails
    assert messages(read(tmp_path, "ledger.xlsx", workbook.read_bytes())) == [
        "1:IOM420 install iomstrat[xlsx] (openpyxl) to read xlsx ledgers"
    ]


@pytest.mark.parametrize(
    ("samples", "found"),
    [
        # a bad first date decides nothing: the valid ones do
        (["2024-13-01", "15.01.2024", "20.02.2024"], "%d.%m.%Y"),
        (["32.01.2024", "01.15.2024"], "%m.%d.%Y"),
        # one odd date among many is outvoted (read until five agree)
        (["01.15.2024", *(f"{d}.01.2024" for d in range(13, 18))], "%d.%m.%Y"),
    ],
)
def test_only_valid_dates_decide_the_order(samples: list[str], found: str) -> None:
    assert dialect.date_format_of(samples, None) == found


def test_a_bad_first_date_is_the_one_finding(tmp_path: Path) -> None:
    data = (
        HEADER
        + "2024-13-01;core;1,00;DKK;A;\n"
        + "15.01.2024;core;10,00;DKK;B;\n"
        + "20.02.2024;core;20,50;DKK;C;\n"
        + "01.03.2024;core;30,25;DKK;D;\n"
    ).encode()
    found = read(tmp_path, "l.csv", data)
    assert [(d.line, d.code) for d in found.diagnostics] == [(2, "IOM422")]
    assert [(p.date, p.amount, p.row) for p in found.records] == [
        (dt.date(2024, 1, 15), Decimal("10.00"), 3),
        (dt.date(2024, 2, 20), Decimal("20.50"), 4),
        (dt.date(2024, 3, 1), Decimal("30.25"), 5),
    ]
    assert sum(p.amount for p in found.records) == Decimal("60.75")
