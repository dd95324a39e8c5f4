"""Correct or nothing (issue 22): a ledger that yields no payment it should cannot be read (exit
2, nothing written, a hint with an entry to paste); figures leave the tool only when every
payment was read and accepted, or marked as incomplete on purpose (`--partial`)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .conftest import run_cli
from .disbursement_helpers import edit, example_text

AS_OF = "2024-01-01"
NO_LEDGER = "ledgers: []"


def strategy(folder: Path, ledgers: str = NO_LEDGER) -> Path:
    """The illustrative example without its CSV ledger (its own five payments), or with
    `ledgers`."""
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", ledgers)
    path = folder / "strategy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


FINANCE_EXPORT = (
    "Bogføringsdato;Finanskonto;Beløb;Valuta;Bilagsnr.;Kurs;Tekst;Afdeling\r\n"
    "31.03.2023;10.14.03;499.999,45;DKK;DK-2023-P01;;Udbetaling til IOM \u2013 ø;MNS\r\n"
    "30.06.2023;10.14.03;500.000,55;DKK;DK-2023-P02;;Udbetaling til IOM \u2013 ø;MNS\r\n"
    "29.09.2023;10.14.03;500.000,00;DKK;DK-2023-P03;;Udbetaling til IOM \u2013 ø;MNS\r\n"
    "01.12.2023;10.14.02;5.000.000,00;DKK;DK-2023-006;;Udbetaling til IOM \u2013 ø;MNS\r\n"
    "15.12.2023;10.14.03;500.000,00;DKK;DK-2023-P04;;Udbetaling til IOM \u2013 ø;MNS\r\n"
).encode("cp1252")
"""A finance system's export as Excel saves it: its own headers and accounts, cp1252, `;`,
thousands points and decimal commas, day.month.year dates."""


def rows(text: str) -> dict[tuple[str, str], dict[str, str]]:
    """`disbursement -f csv` rows by (key, year)."""
    return {(r["key"], r["year"]): r for r in csv.DictReader(io.StringIO(text))}


def test_an_unknown_delimiter_cannot_be_read_and_no_figure_is_printed(tmp_path: Path) -> None:
    ledger = tmp_path / "u.csv"
    ledger.write_text("Dato|Konto|Beløb\n01-02-2024|x|3\n", encoding="utf-8")
    run = run_cli("disbursement", str(strategy(tmp_path)), "--ledger", str(ledger), "-f", "csv")
    assert run.exit_code == 2
    assert run.stdout == ""
    [finding] = [line for line in run.stderr.splitlines() if "IOM421" in line]
    assert "u.csv:1:1: fatal IOM421" in finding
    assert "one column 'Dato|Konto|Beløb' split by '|'" in finding
    assert "<-" not in finding and "columns:" not in finding  # no field mapped to the whole line


def test_a_finance_export_without_mapping_writes_nothing_and_its_hint_reads_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "exports").mkdir()
    export = tmp_path / "exports" / "finance.csv"
    export.write_bytes(FINANCE_EXPORT)
    path = strategy(tmp_path)
    out = tmp_path / "out.csv"
    command = ("disbursement", str(path), "--ledger", str(export), "--as-of", AS_OF, "-f", "csv")
    run = run_cli(*command, "-o", str(out))
    assert run.exit_code == 2
    assert not out.exists() and run.stdout == ""
    [finding] = [line for line in run.stderr.splitlines() if "IOM421" in line]
    assert "cp1252, delimiter semicolon ';', dates day.month.year, decimal ','" in finding
    assert "columns it could match: date <- 'Bogføringsdato', line <- 'Finanskonto'" in finding
    entry = finding.split("ledgers: [", 1)[1][:-1]
    # The path as the strategy file writes it: relative to the strategy's folder.
    assert entry.startswith("{path: exports/finance.csv, columns: {date: Bogføringsdato,")
    # The accounts found are listed to be mapped to line ids: the one thing left to fill in.
    assert 'lines: {"10.14.03": <line id>, "10.14.02": <line id>}' in entry
    filled = entry.replace('"10.14.03": <line id>', '"10.14.03": personnel').replace(
        '"10.14.02": <line id>', '"10.14.02": soft_earmarked'
    )
    before = rows(run_cli("disbursement", str(path), "--as-of", AS_OF, "-f", "csv").stdout)
    strategy(tmp_path, f"ledgers: [{filled}]")
    run = run_cli(*command, "-o", str(out))
    assert run.exit_code == 0, run.stderr
    after = rows(out.read_text(encoding="utf-8"))
    # By hand: personnel 499 999.45 + 500 000.55 + 500 000 + 500 000 = 2 000 000.00 in 2023;
    # soft-earmarked gains the 5 000 000.00 of DK-2023-006.
    assert after["personnel", "2023"]["disbursed"] == "2000000"
    assert before["personnel", "2023"]["disbursed"] == "0"
    assert after["core", "2023"]["disbursed"] == before["core", "2023"]["disbursed"] == "48000000"
    gained = float(after["soft_earmarked", "2023"]["disbursed"]) - float(
        before["soft_earmarked", "2023"]["disbursed"]
    )
    assert round(gained, 2) == 5_000_000.00


def test_a_declared_ledger_with_an_unknown_header_stops_validate_too(tmp_path: Path) -> None:
    (tmp_path / "l.csv").write_text("Dato;Konto;Beløb\n01-02-2024;x;3\n", encoding="utf-8")
    run = run_cli("validate", str(strategy(tmp_path, "ledgers: [l.csv]")))
    assert run.exit_code == 2
    assert re.search(r"l\.csv:1:1: fatal IOM421 .*ledgers: \[\{path: l\.csv, ", run.stdout)
