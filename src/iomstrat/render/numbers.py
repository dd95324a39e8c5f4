"""Locale-aware figures: babel formats Decimals without ever passing through float."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, get_decimal_symbol

LOCALES = ("en", "da")


def figure(value: Decimal, locale: str, *, grouping: bool = True) -> str:
    """A figure as the locale writes it, with exactly the decimals the value has."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=False)


def decimal_symbol(locale: str) -> str:
    return str(get_decimal_symbol(locale))


def plain(value: Decimal) -> str:
    """Machine form: no grouping, '.' as decimal point, no exponent."""
    text = format(value.normalize(), "f")
    return text
