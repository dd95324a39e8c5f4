"""Locale-aware figures: babel formats Decimals without ever passing through float.

babel is imported when a figure is formatted, not with this module: commands that print no
figures (validate, --help) do not pay for loading it.
"""

from __future__ import annotations

from decimal import Decimal

LOCALES = ("en", "da")


def figure(value: Decimal, locale: str, *, grouping: bool = True) -> str:
    """A figure as the locale writes it, with exactly the decimals the value has."""
    from babel.numbers import format_decimal

    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=False)


def decimal_symbol(locale: str) -> str:
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(locale))


def plain(value: Decimal) -> str:
    """Machine form: no grouping, '.' as decimal point, no exponent."""
    text = format(value.normalize(), "f")
    return text
