"""Locale-aware figures: babel formats Decimals without ever passing through float.

babel is imported when a figure is formatted, not with this module: commands that print no
figures (validate, --help) do not pay for loading it.
"""

from __future__ import annotations

from decimal import Decimal

LOCALES = ("en", "da")


def figure(value: Decimal, locale: str, *, grouping: bool = True) -> str:
    """A figure as the locale writes it, with exactly the decimals the value has. English is
    Python's own (babel's digits to the character, a test compares them; a report in English
    loads no babel)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    if locale == "en":
        return format(value, f"{',' if grouping else ''}.{places}f")
    from babel.numbers import format_decimal

    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=False)


def rounded(value: Decimal, places: int, locale: str) -> str:
    """A figure rounded to `places` decimals, not grouped (a rate, a percentage). English is
    Python's own, babel's to the character (a test compares)."""
    if locale == "en":
        return format(value, f".{places}f")
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="0." + "0" * places if places else "0", locale=locale))


def digits(value: Decimal, locale: str, *, signed: bool = False) -> str:
    """Every digit of the figure, trailing zeros kept, grouped as the locale writes it:
    2,055.50 / 2.055,50. English is Python's own (the same digits as babel's; `validate` loads
    no babel for it)."""
    if locale == "en":
        text = f"{value:,f}"
    else:
        from babel.numbers import format_decimal

        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        pattern = "#,##0." + "0" * places if places else "#,##0"
        text = str(format_decimal(value, pattern, locale=locale, decimal_quantization=False))
    return "+" + text if signed and value > 0 else text


def decimal_symbol(locale: str) -> str:
    if locale == "en":
        return "."
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(locale))


def plain(value: Decimal) -> str:
    """Machine form: no grouping, '.' as decimal point, no exponent."""
    text = format(value.normalize(), "f")
    return text
