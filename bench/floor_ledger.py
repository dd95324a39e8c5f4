"""The floor a CSV ledger is measured against (issue 14): a plain stdlib `csv` + `Decimal` pass
that sums the file's amounts per line and appropriation year, and nothing else.

Usage: python -m bench.floor_ledger LEDGER.csv
"""

from __future__ import annotations

import csv
import sys
from decimal import Decimal


def sums(path: str) -> dict[tuple[str, str], Decimal]:
    totals: dict[tuple[str, str], Decimal] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        i_date, i_line, i_amount = (header.index(c) for c in ("date", "line", "amount"))
        for cells in reader:
            key = (cells[i_line], cells[i_date][:4])
            totals[key] = totals.get(key, Decimal(0)) + Decimal(cells[i_amount])
    return totals


def main(argv: list[str]) -> int:
    for (line, year), total in sorted(sums(argv[0]).items()):
        sys.stdout.write(f"{line} {year} {total}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
