"""The CSV ledger reader splits blocks of unquoted lines itself and leaves the rest to
csv.reader (loader/ledgers.py `_csv_rows`). Whatever a file holds, the two must agree: the
same payments with the same rows, the same findings at the same lines. Each file here is read
three ways: in the reader's blocks (128 KiB), in blocks of a few dozen characters (block
boundaries fall all over the file), and by csv.reader alone; the three must be equal."""

from __future__ import annotations

from pathlib import Path

import pytest

from iomstrat.core.payments import read_ledger
from iomstrat.loader import ledgers
from iomstrat.loader.dialect import Declared
from iomstrat.loader.payments import Payments

HEADER = "date,line,amount,currency,voucher,exchange_rate"
ROWS = [f"2023-03-{day:02d},core,{day}.25,DKK,V-{day:03d}," for day in range(1, 29)]


def text(*rows: str, end: str = "\n", header: str = HEADER) -> str:
    return end.join([header, *rows]) + end


FILES = {
    "plain": text(*ROWS),
    "crlf": text(*ROWS, end="\r\n"),
    "no final line end": text(*ROWS).removesuffix("\n"),
    "blank lines": text(*ROWS[:5], "", *ROWS[5:10], "", "", *ROWS[10:]),
    "blank line at the end": text(*ROWS) + "\n",
    "a short row": text(*ROWS[:7], "2023-03-08,core,8.25,DKK", *ROWS[8:]),
    "a long row": text(*ROWS[:7], ROWS[7] + ",extra", *ROWS[8:]),
    "a bad amount and a bad date": text(
        *ROWS[:3], "2023-03-04,core,4.2.5,DKK,V-004,", *ROWS[4:20], "2023-02-30,core,1,DKK,X,"
    ),
    "quotes from row 12": text(*ROWS[:11], '2023-03-12,core,12.25,DKK,"V-012, split",', *ROWS[12:]),
    "a quoted line break": text(*ROWS[:15], '2023-03-16,core,1,DKK,"V\n16",', *ROWS[16:]),
    "a quoted header": text(
        *ROWS, header='"date","line","amount","currency","voucher","exchange_rate"'
    ),
    "a lone carriage return": text(*ROWS[:9]) + "2023-03-10,core,1,DKK,V-X,\r" + text(*ROWS[10:]),
    "carriage returns only (CSV for old Macs)": text(*ROWS, end="\r"),
    "a header ending in CR CR LF": text(*ROWS).replace("\n", "\r\r\n", 1),
    "a NUL byte late": text(*ROWS * 100, "2023-03-21,core,1,DKK,V\x0021,", *ROWS[21:]),
    "a semicolon export": text(
        *(row.replace(",", ";").replace(".25", ",25") for row in ROWS),
        header=HEADER.replace(",", ";"),
    ),
    "a Danish export in CRLF": text(
        *(row.replace(",", ";").replace(".25", ",25") for row in ROWS),
        header=HEADER.replace(",", ";"),
        end="\r\n",
    ),
}


MAPPING = {
    "date": "Bogføringsdato",
    "line": "Konto",
    "amount": "Beløb",
    "currency": "Valuta",
    "voucher": "Bilag",
}
EXPORT = "Bogføringsdato;Konto;Beløb;Valuta;Bilag;Tekst"
"""A finance system's export, read with a `columns:` mapping; its rows end in a `;`."""
MAPPED = {
    "a mapped export with a trailing delimiter": text(
        *(f"{row.replace(',', ';').replace('.25', ',25')}betaling;" for row in ROWS),
        header=EXPORT,
    ),
    "a mapped export, one row without it": text(
        *(f"{row.replace(',', ';').replace('.25', ',25')}betaling;" for row in ROWS[:9]),
        ROWS[9].replace(",", ";").replace(".25", ",25") + "betaling",
        *(f"{row.replace(',', ';').replace('.25', ',25')}betaling;" for row in ROWS[10:]),
        header=EXPORT,
    ),
}


def read(path: Path) -> Payments:
    payments = Payments(["strategy.yaml"])
    mapped = path.name.startswith("mapped")
    read_ledger(Declared(str(path), MAPPING if mapped else None), payments)
    return payments


def result(payments: Payments) -> tuple[list[tuple[object, ...]], list[str]]:
    return [tuple(p) for p in payments.records], [str(d) for d in payments.diagnostics]


@pytest.mark.parametrize("name", sorted([*FILES, *MAPPED]))
def test_blocks_and_csv_reader_agree(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / ("mapped.csv" if name in MAPPED else "ledger.csv")
    path.write_bytes({**FILES, **MAPPED}[name].encode("utf-8"))
    whole = result(read(path))
    monkeypatch.setattr(ledgers, "BLOCK_CHARS", 37)
    small = result(read(path))
    monkeypatch.setattr(ledgers._Rows, "split", lambda *args: False)  # csv.reader alone
    reference = result(read(path))
    assert whole == reference
    assert small == reference


def test_the_files_read_as_meant(tmp_path: Path) -> None:
    """What the reference reading says of some of them, so that agreement is not on nothing."""
    found = {}
    for name in (
        "plain",
        "crlf",
        "blank lines",
        "a short row",
        "a quoted line break",
        "a NUL byte late",
    ):
        path = tmp_path / f"{len(found)}.csv"
        path.write_bytes(FILES[name].encode("utf-8"))
        found[name] = read(path)
    assert [p.row for p in found["plain"].records] == list(range(2, 30))
    assert found["plain"].records[27].amount == ledgers.Decimal("28.25")
    assert result(found["crlf"]) == result(found["plain"])
    blank = found["blank lines"]
    assert [p.row for p in blank.records][4:6] == [6, 8]  # line 7 is blank
    assert blank.diagnostics == []
    assert [(d.line, d.code) for d in found["a short row"].diagnostics] == [(9, "IOM422")]
    assert len(found["a short row"].records) == 27
    broken = found["a quoted line break"]
    assert [p.row for p in broken.records][14:16] == [16, 19]  # lines 17-18: one row
    assert [(d.line, d.code) for d in broken.diagnostics] == [(17, "IOM422")]  # a line break
    # Beyond the first 64 KiB (searched at once: IOM420), a finding for the row that has it.
    assert [(d.line, d.code) for d in found["a NUL byte late"].diagnostics] == [(2802, "IOM422")]


def test_a_mapped_export_with_trailing_delimiters_is_read_column_by_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mapped.csv"
    path.write_bytes(MAPPED["a mapped export with a trailing delimiter"].encode("utf-8"))
    one_by_one = []
    monkeypatch.setattr(ledgers._Rows, "one_by_one", lambda self, rows: one_by_one.append(rows))
    found = read(path)
    assert one_by_one == []  # no row needed reading on its own
    assert [(p.row, p.amount, p.voucher) for p in found.records][:2] == [
        (2, ledgers.Decimal("1.25"), "V-001"),
        (3, ledgers.Decimal("2.25"), "V-002"),
    ]
    assert len(found.records) == 28 and found.diagnostics == []


def test_what_only_csv_reader_reads_is_read(tmp_path: Path) -> None:
    """Files csv.reader reads from their first line: all three readings go that way, so their
    agreement above says nothing of whether the rows are there."""
    expected = [p.row for p in read_text(tmp_path, FILES["plain"]).records]
    assert expected == list(range(2, 30))
    for name in ("a quoted header", "carriage returns only (CSV for old Macs)"):
        found = read_text(tmp_path, FILES[name])
        assert found.diagnostics == [], name
        assert [p.row for p in found.records] == expected, name
    shifted = read_text(tmp_path, FILES["a header ending in CR CR LF"])
    assert shifted.diagnostics == []
    assert [p.row for p in shifted.records] == list(range(3, 31))  # the extra CR is line 2


def test_a_line_longer_than_any_csv_cell_stops_the_file_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledgers, "MAX_LINE_BYTES", 2000)
    monkeypatch.setattr(ledgers, "BLOCK_CHARS", 100)
    long_line = "2023-03-10,core,1,DKK," + "x" * 5000
    for rows, at in ((ROWS[:9], 11), ([], 2)):
        found = read_text(tmp_path, text(*rows, long_line, *ROWS[10:]))
        assert [(d.line, d.code) for d in found.diagnostics] == [(at, "IOM420")]
        from iomstrat.render.messages import text as worded

        # the limit set to 2000 bytes here: 0 MiB as the message rounds it
        assert worded(found.diagnostics[0]) == "CSV: a line longer than 0 MiB"
        assert worded(found.diagnostics[0], "da") == "CSV: en linje længere end 0 MiB"
    quoted = text(*ROWS[:3], '2023-03-04,core,4,DKK,"V 4",', *ROWS[4:9], long_line)
    found = read_text(tmp_path, quoted)  # csv.reader's part of the file
    assert [(d.line, d.code) for d in found.diagnostics] == [(11, "IOM420")]


def read_text(tmp_path: Path, content: str) -> Payments:
    path = tmp_path / "ledger.csv"
    path.write_bytes(content.encode("utf-8"))
    return read(path)


SPACED = {
    "capitals": text(*ROWS, header="Date,Line,Amount,Currency,Voucher,Exchange_Rate"),
    "spaces after the commas": text(
        *(row.replace(",", ", ") for row in ROWS),
        header="date, line, amount, currency, voucher, exchange_rate",
    ),
    "spaces around a Danish export's cells, one allocation": text(
        *(f" {row.replace(',', ' ; ').replace('.25', ',25')} ; x " for row in ROWS),
        header=" DATE ; Line ; amount ; currency ; voucher ; exchange_rate ; Allocation ",
    ),
}


@pytest.mark.parametrize("name", sorted(SPACED))
def test_header_names_in_any_case_and_cells_with_spaces_read_as_plain(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes(SPACED[name].encode("utf-8"))
    found = read(path)
    assert found.diagnostics == []
    # the 28 rows of 1.25 ... 28.25 on 1-28 March: 28 * 29 / 2 + 28 * 0.25 = 413
    assert sum(p.amount for p in found.records) == ledgers.Decimal("413.00")
    plain = tmp_path / "plain.csv"
    plain.write_bytes(FILES["plain"].encode("utf-8"))
    expected = [
        (p.date, p.line, p.amount, p.currency, p.voucher, p.row) for p in read(plain).records
    ]
    got = [(p.date, p.line, p.amount, p.currency, p.voucher, p.row) for p in found.records]
    assert got == expected
    if "allocation" in name:
        assert {p.allocation for p in found.records} == {"x"}
    # the row path alone reads them the same
    whole = result(found)
    monkeypatch.setattr(ledgers._Rows, "by_columns", lambda *args: False)
    assert result(read(path)) == whole
