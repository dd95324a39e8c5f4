"""Dialogue periods as a strategy file names them: `2024` (a year), `2024-H1` (a half-year),
`2024-Q3` (a quarter); their first and last day and their length in months."""

from __future__ import annotations

import datetime as dt
import re

PERIOD_PATTERN = r"^[0-9]{4}(-H[12]|-Q[1-4])?$"
_PERIOD = re.compile(PERIOD_PATTERN)

MONTHS = {"": 12, "H": 6, "Q": 3}
"""Length in months of a period by its kind: year, half-year, quarter."""
KIND_OF_MONTHS = {months: kind for kind, months in MONTHS.items()}
"""The period kind a dialogue meeting every so many months names (12, 6 or 3)."""


def valid(label: str) -> bool:
    return _PERIOD.fullmatch(label) is not None


def kind(label: str) -> str:
    """`` for a year, `H` for a half-year, `Q` for a quarter."""
    return label[5] if len(label) > 4 else ""


def months(label: str) -> int:
    return MONTHS[kind(label)]


def year(label: str) -> int:
    return int(label[:4])


def bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period."""
    length = months(label)
    first_month = 1 + (int(label[6]) - 1) * length if length != 12 else 1
    start = dt.date(year(label), first_month, 1)
    after = add_months(start, length)
    return start, after - dt.timedelta(days=1)


def add_months(day: dt.date, count: int) -> dt.date:
    """`day` moved by `count` months, on the month's last day where it is shorter."""
    month = day.month - 1 + count
    y, m = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(y, m, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def label_for(day: dt.date, every_months: int) -> str:
    """The period of a dialogue meeting every `every_months` months (12, 6, 3) that holds `day`."""
    length = every_months if every_months in KIND_OF_MONTHS else 12
    kind_ = KIND_OF_MONTHS[length]
    if not kind_:
        return str(day.year)
    return f"{day.year}-{kind_}{(day.month - 1) // length + 1}"
