"""The CSV ledger reader against a plain reference: `csv.reader` and `Decimal`, one row at a
time, the rules written out here from the README. Generated ledgers (good rows, bad cells,
blank lines, short and long rows, quoted delimiters and line breaks, grouped amounts, LF, CR LF
or CR line ends) must give the same payments on the same rows and findings on the same rows,
read in the reader's blocks and in blocks of a few dozen bytes (so block edges fall
everywhere). A bounded number of files per run: the next speed work cannot break agreement."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iomstrat.core.payments import read_ledger
from iomstrat.loader import ledgers
from iomstrat.loader.dialect import Declared
from iomstrat.loader.payments import Payments

HEADER = ["date", "line", "amount", "currency", "voucher", "exchange_rate"]

# --- the reference ----------------------------------------------------------------------------

_AMOUNT = re.compile(r"-?(?:[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})(?:\.[0-9]{1,2})?")
_RATE = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,12})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_CURRENCY = re.compile(r"[A-Z]{3}")

Row = tuple[dt.date, str, Decimal, str, str, Decimal | None, int]


def reference(text: str, delimiter: str) -> tuple[list[Row], list[int]]:
    """Payments and the rows of findings, as the README says a ledger is read (decimal point,
    thousands comma, ISO dates): every record of csv.reader, one at a time."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    assert next(reader) == HEADER
    payments: list[Row] = []
    bad: list[int] = []
    while True:
        row = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return payments, bad
        if len(cells) != len(HEADER):
            if not all(cell == "" for cell in cells):
                bad.append(row)
            continue
        date, line, amount, currency, voucher, rate = cells
        try:
            day = dt.date.fromisoformat(date) if _DATE.fullmatch(date) else None
        except ValueError:
            day = None
        good = (
            day is not None
            and _AMOUNT.fullmatch(amount) is not None
            and _LINE.fullmatch(line) is not None
            and _CURRENCY.fullmatch(currency) is not None
            and voucher.strip() != ""
            and voucher.isprintable()
            and (rate == "" or (_RATE.fullmatch(rate) is not None and Decimal(rate) > 0))
        )
        if not good:
            bad.append(row)
            continue
        value = Decimal(amount.replace(",", ""))
        assert day is not None
        payments.append((day, line, value, currency, voucher, Decimal(rate) if rate else None, row))


# --- generated ledgers ------------------------------------------------------------------------

GOOD_AMOUNTS = st.one_of(
    st.decimals(min_value=-(10**15) + 1, max_value=10**15 - 1, places=2).map(str),
    st.integers(min_value=0, max_value=10**15 - 1).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}.50"),
    st.sampled_from(["0", "1", "-1.5", "250.25", "999999999999999.99"]),
)
CELLS = {
    "date": st.one_of(
        st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
        st.sampled_from(["2023-02-30", "2023-13-01", "", "20230101", "2023-1-01"]),
    ),
    "line": st.sampled_from(["core", "personnel", "soft_earmarked", "Core", "", "x-y"]),
    "amount": st.one_of(
        GOOD_AMOUNTS,
        st.sampled_from(["abc", "5e5", "", "1_000", "1234567890123456", "1,000,000,000,000,000"]),
    ),
    "currency": st.sampled_from(["DKK", "DKK", "USD", "dkk", "DK", ""]),
    "voucher": st.one_of(
        st.text(alphabet="ABCxyz0123456789-/ ", min_size=1, max_size=12),
        st.sampled_from(["", " ", "V;1", "V,1", 'V"1', "V\n1", "æøå-Ø1"]),
    ),
    "exchange_rate": st.sampled_from(["", "", "", "7.4536", "6.8", "0", "-1", "abc", "1e3"]),
}
RECORDS = st.one_of(
    st.fixed_dictionaries(CELLS).map(lambda cells: [cells[name] for name in HEADER]),
    st.just([]),  # a blank line
    st.fixed_dictionaries(CELLS).map(lambda cells: [cells[name] for name in HEADER][:4]),
    st.fixed_dictionaries(CELLS).map(lambda cells: [*(cells[name] for name in HEADER), "x"]),
)
GOOD_RECORDS = st.fixed_dictionaries(
    {
        **CELLS,
        "date": st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
        "line": st.just("core"),
        "amount": GOOD_AMOUNTS,
        "currency": st.just("DKK"),
        "voucher": st.text(alphabet="ABC0123456789-", min_size=1, max_size=8),
        "exchange_rate": st.just(""),
    }
).map(lambda cells: [cells[name] for name in HEADER])


@st.composite
def ledger_files(draw: st.DrawFn) -> tuple[str, str]:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    # Long runs of good rows (the block path), with bad ones among them (the row path).
    records = draw(st.lists(st.one_of(GOOD_RECORDS, GOOD_RECORDS, RECORDS), max_size=120))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=end)
    writer.writerow(HEADER)
    for record in records:
        if record:
            writer.writerow(record)
        else:
            out.write(end)
    text = out.getvalue()
    if draw(st.booleans()):
        text = text.removesuffix(end)  # no final line end
    return text, delimiter


def read(path: Path, delimiter: str) -> tuple[list[Row], list[int], list[str]]:
    payments = Payments(["strategy.yaml"])
    declared = Declared(
        str(path), delimiter=delimiter, decimal=".", thousands=",", date_format="%Y-%m-%d"
    )
    read_ledger(declared, payments)
    rows = [
        (p.date, p.line, p.amount, p.currency, p.voucher, p.exchange_rate, p.row)
        for p in payments.records
    ]
    codes = sorted({d.code for d in payments.diagnostics})
    return rows, [d.line for d in payments.diagnostics if d.code == "IOM422"], codes


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ledger_files())
def test_the_reader_agrees_with_the_reference(tmp_path: Path, ledger: tuple[str, str]) -> None:
    text, delimiter = ledger
    path = tmp_path / "ledger.csv"
    path.write_bytes(text.encode("utf-8"))
    expected_payments, expected_bad = reference(text, delimiter)
    expected = (expected_payments, expected_bad, ["IOM422"] if expected_bad else [])
    assert read(path, delimiter) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ledgers, "BLOCK_CHARS", 37)
        assert read(path, delimiter) == expected
