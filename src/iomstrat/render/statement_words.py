"""The values of the document's statements (IOM800-IOM811) in words, English and Danish: a
statement quoted with its place, where a figure stands, the figure as printed, the bounds a
wording allows, ranks as ordinals. `render.messages` calls these by the value's name."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from iomstrat.findings import echo
from iomstrat.model.statements import Place, Statement
from iomstrat.render.numbers import digits
from iomstrat.render.words import column
from iomstrat.results.statements import Bounds, Found

QUOTE = 240
"""Characters of a statement's words quoted in a finding."""

_WORDS: Mapping[str, tuple[str, str]] = {
    "paragraph": ("paragraph '{}'", "afsnittet '{}'"),
    "page": ("p. {}", "s. {}"),
    "line": ("transcription line {}", "transskriptionslinje {}"),
    "part.period_years": ("years of the period", "periodens år"),
    "part.priority_areas": ("priority areas", "prioritetsområder"),
    "part.budget_lines": ("budget lines", "budgetlinjer"),
    "budget": ("budget {}", "budgettet {}"),
    "row": ("row '{}'", "rækken '{}'"),
    "grand_total": (", grand total", ", i alt"),
    "total": (" total", " i alt"),
    "nothing": ("nothing", "ingenting"),
    "stated": ("the figure stated", "det angivne tal"),
    "between": ("{} to {}", "{} til {}"),
    "above": ("above {}", "over {}"),
    "at_least": ("at least {}", "mindst {}"),
    "below": ("below {}", "under {}"),
    "at_most": ("at most {}", "højst {}"),
    "any": ("any figure", "ethvert tal"),
    "per_cent": ("{} per cent", "{} pct."),
    "failing": ("{}: {}", "{}: {}"),
    "over": ("{} at {} above {} at {}", "{} med {} over {} med {}"),
    "ranked": ("{} {} ({})", "{} som {} ({})"),
    "claim": ("{} {}", "{} som {}"),
    # how the text qualifies a figure (model/statements.py `Wording`)
    "wording.about": ("about", "omkring"),
    "wording.around": ("around", "omkring"),
    "wording.approximately": ("approximately", "cirka"),
    "wording.some": ("some", "omkring"),
    "wording.more_than": ("more than", "mere end"),
    "wording.at_least": ("at least", "mindst"),
    "wording.almost": ("almost", "næsten"),
    "wording.nearly": ("nearly", "næsten"),
    "wording.less_than": ("less than", "mindre end"),
    "wording.up_to": ("up to", "op til"),
}
_ORDINALS = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth"),
    "da": ("første", "anden", "tredje", "fjerde", "femte", "sjette"),
}
_UNITS = {
    "en": {
        "billion": "{c} {n} billion",
        "million": "{c} {n} million",
        "thousand": "{c} {n} thousand",
    },
    "da": {"billion": "{n} mia. {c}", "million": "{n} mio. {c}", "thousand": "{n} tusind {c}"},
}
_PLAIN = {"en": "{c} {n}", "da": "{n} {c}"}


def _w(key: str, locale: str) -> str:
    en, da = _WORDS[key]
    return da if locale == "da" else en


def place(at: Place, locale: str = "en") -> str:
    """Where a statement stands: '2. Funding, paragraph 'Donors', p. 4, transcription line 9'."""
    parts = [at.section]
    for key, value in (("paragraph", at.paragraph), ("page", at.page), ("line", at.line)):
        if value:
            parts.append(_w(key, locale).format(value))
    return ", ".join(parts)


def quoted(statement: Statement, locale: str = "en") -> str:
    return f"'{echo(statement.text, QUOTE)}' ({place(statement.at, locale)})"


def computed(value: Decimal, locale: str = "en") -> str:
    """A computed figure (a bound, a difference) without trailing zeros: 10.80 -> 10.8."""
    text = digits(value, locale)
    point = "," if locale == "da" else "."
    return text.rstrip("0").rstrip(point) if point in text else text


def _amount(currency: str | None, number: str, unit: str | None, locale: str) -> str:
    """An amount with its currency and unit: 'USD 5.50 million' / '5,50 mio. USD'."""
    lang = "da" if locale == "da" else "en"
    if unit in _UNITS[lang]:
        return _UNITS[lang][unit].format(c=currency or "", n=number).strip()
    return _PLAIN[lang].format(c=currency, n=number).strip() if currency else number


def where(found: Found, locale: str = "en") -> str:
    """Where a figure stands: 'ANNEX 3 - Donor overview (UNEARMARKED FUNDING OVERVIEW), row
    'Denmark', column 2021' or 'budget line core, 2023'."""
    if found.table is None and found.year is None and f"part.{found.line}" in _WORDS:
        return _w(f"part.{found.line}", locale)
    if found.table is None and found.year is None and found.line == "dialogue.every_months":
        return found.line
    if found.table is None:
        return _w("budget", locale).format(found.line) + (f", {found.year}" if found.year else "")
    text = found.section or found.table
    if found.title and found.title != found.section:
        text += f" ({found.title})"
    if found.row:
        text += ", " + _w("row", locale).format(found.row)
    if found.column:
        text += ", " + column(found.column, locale)
    if not found.row and not found.column:
        text += _w("grand_total", locale)
    elif not found.row:
        text += _w("total", locale)
    return text


def holder(found: Found) -> str:
    """The section (and title) a reference's matter is in."""
    text = found.section or found.table or ""
    return text + (f" ({found.title})" if found.title else "")


def figure(found: Found, locale: str = "en") -> str:
    """The figure as printed, with its currency and unit: 'USD 5.50 million', 'DKK 48 million'."""
    if found.printed is None:
        return digits(found.amount, locale) if found.amount is not None else _w("nothing", locale)
    unit = None if found.unit in (None, "units", "kroner") else found.unit
    return _amount(found.currency, digits(found.printed, locale), unit, locale)


def allowed(bounds: Bounds | None, locale: str = "en") -> str:
    """The figures a wording allows: '4,500,000 to 5,500,000', 'at least 5'."""
    if bounds is None:
        return _w("stated", locale)
    low, high = bounds.low, bounds.high
    if low is not None and high is not None:
        return _w("between", locale).format(computed(low, locale), computed(high, locale))
    if low is not None:
        return _w("above" if bounds.open_low else "at_least", locale).format(computed(low, locale))
    if high is not None:
        return _w("below" if bounds.open_high else "at_most", locale).format(computed(high, locale))
    return _w("any", locale)


def stated(statement: Statement, locale: str = "en") -> str:
    """What the text states, as it qualifies it: 'around USD 5 million', '175'."""
    if statement.stated is None:
        return ""
    wording = "" if statement.wording == "exactly" else _w(f"wording.{statement.wording}", locale)
    number = digits(statement.stated, locale)
    if statement.kind == "amount":
        figure_ = _amount(statement.currency, number, statement.unit, locale)
    elif statement.kind == "share":
        figure_ = _w("per_cent", locale).format(number)
    else:
        figure_ = number
    return f"{wording} {figure_}" if wording else figure_


def ordinal(rank: int, locale: str = "en") -> str:
    lang = "da" if locale == "da" else "en"
    if 1 <= rank <= len(_ORDINALS[lang]):
        return _ORDINALS[lang][rank - 1]
    return f"{rank}." if lang == "da" else f"{rank}th"


VALUES = frozenset(
    {
        "statement",
        "earlier",
        "swapped",
        "states",
        "earlier_states",
        "failing",
        "allowed",
        "where",
        "holder",
        "one",
        "other",
        "one_figure",
        "other_figure",
        "figure",
        "rank",
        "actual",
        "claims",
        "above",
        "ranks",
        "gap",
    }
)
"""The value names worded here (a value of another type under one of them, e.g. a tolerance
named `allowed` of another code, is worded by `render.messages`)."""

_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "statement": Statement,
    "earlier": Statement,
    "swapped": Statement,
    "states": Statement,
    "earlier_states": Statement,
    "failing": tuple,
    "allowed": (Bounds, type(None)),
    "where": Found,
    "holder": Found,
    "one": Found,
    "other": Found,
    "one_figure": Found,
    "other_figure": Found,
    "figure": Found,
    "rank": int,
    "actual": int,
    "claims": tuple,
    "above": tuple,
    "ranks": tuple,
    "gap": Decimal,
}


def applies(name: str, value: Any) -> bool:
    """Whether `value`, named `name`, is one of a statement's values worded here."""
    return name in VALUES and isinstance(value, _TYPES[name])


def value(name: str, value: Any, locale: str) -> str:
    """One value of an IOM8xx finding in `locale`."""
    if name in ("statement", "earlier", "swapped"):
        return quoted(value, locale)
    if name in ("states", "earlier_states"):
        return stated(value, locale)
    if name == "failing":
        shown = (_w("failing", locale).format(where(f, locale), figure(f, locale)) for f in value)
        return ", ".join(shown)
    if name == "allowed":
        return allowed(value, locale)
    if name in ("where", "one", "other"):
        return where(value, locale)
    if name == "holder":
        return holder(value)
    if name in ("figure", "one_figure", "other_figure"):
        return figure(value, locale)
    if name in ("rank", "actual"):
        return ordinal(value, locale)
    if name == "claims":
        return ", ".join(_w("claim", locale).format(n, ordinal(r, locale)) for n, r in value)
    if name == "above":
        pairs = (
            _w("over", locale).format(high.row, figure(high, locale), low.row, figure(low, locale))
            for high, low in value
        )
        return "; ".join(pairs)
    if name == "ranks":
        ranked = (
            _w("ranked", locale).format(
                f.row, ordinal(int(f.amount or 0), locale), figure(f, locale)
            )
            for f in value
        )
        return ", ".join(ranked)
    assert name == "gap"
    return computed(value, locale)
