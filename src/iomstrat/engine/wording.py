"""What a statement's wording allows: the figure as rounded in print, a tenth either side for
'about', up to a tenth below for 'almost', open or closed bounds for 'more than' and 'up to';
and whether two such bounds can both hold. Figures only."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from iomstrat.results.statements import Bounds

APPROXIMATE = Decimal("0.10")
"""How far 'about', 'around', 'almost' and 'nearly' reach: a tenth of the figure stated."""
ZERO = Decimal(0)


def printed_step(stated: Decimal) -> Decimal:
    """The step a figure is printed to: 21.5 -> 0.1, 85 -> 1, 18000 -> 1."""
    exponent = stated.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0)) if isinstance(exponent, int) else Decimal(1)


def bounds(
    stated: Decimal, wording: str, factor: Decimal = Decimal(1), *, whole: bool = False
) -> Bounds:
    """The values `wording` allows for `stated` (times `factor`, the currency units one figure
    stands for): exactly means as rounded in print (a `whole` number - a count, a rank, a
    year - exactly itself); the approximate words reach a tenth."""
    value = stated * factor
    half = ZERO if whole else printed_step(stated) * factor / 2
    reach = max(half, abs(value) * APPROXIMATE)
    if wording in ("about", "around", "approximately", "some"):
        return Bounds(value - reach, value + reach)
    if wording in ("almost", "nearly"):
        return Bounds(value - reach, value)
    if wording == "more_than":
        return Bounds(value, None, open_low=True)
    if wording == "at_least":
        return Bounds(value, None)
    if wording == "less_than":
        return Bounds(None, value, open_high=True)
    if wording == "up_to":
        return Bounds(None, value)
    return Bounds(value - half, value + half)


def holds(allowed: Bounds, value: Decimal) -> bool:
    low, high = allowed.low, allowed.high
    if low is not None and (value < low or (allowed.open_low and value == low)):
        return False
    return not (high is not None and (value > high or (allowed.open_high and value == high)))


def meet(a: Bounds, b: Bounds) -> bool:
    """Whether some value satisfies both bounds."""
    low, open_low = _tighter(a.low, a.open_low, b.low, b.open_low, max)
    high, open_high = _tighter(a.high, a.open_high, b.high, b.open_high, min)
    if low is None or high is None:
        return True
    return low < high or (low == high and not (open_low or open_high))


def _tighter(
    a: Decimal | None,
    open_a: bool,
    b: Decimal | None,
    open_b: bool,
    pick: Callable[[Decimal, Decimal], Decimal],
) -> tuple[Decimal | None, bool]:
    if a is None:
        return b, open_b
    if b is None:
        return a, open_a
    if a == b:
        return a, open_a or open_b
    chosen = pick(a, b)
    return chosen, open_a if chosen == a else open_b
