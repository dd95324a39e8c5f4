"""Places that allocations and a strategy's geographic focus name: countries and areas, UN M49
regions and continents, and regions M49 has not (Sahel), by name or code in English or Danish;
and which countries each covers. Pure: the table ships with the package (`SOURCES.md`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import cached_property
from typing import Literal, NamedTuple

from iomstrat.places.named_regions import NAMED_REGIONS
from iomstrat.places.table import Table, read_table, region_names

Kind = Literal["country", "region", "continent", "named_region"]


class Place(NamedTuple):
    """What a name stands for. `code` is the ISO 3166 alpha-2 code of a country or area, the
    M49 code of a region or continent ("014"), or a named region's own ("horn-of-africa");
    `countries` are the alpha-2 codes it covers, a country's own among them."""

    kind: Kind
    code: str
    countries: frozenset[str]


class Places:
    """Names and codes to places. The table is read on the first question, once per instance:
    make one per run, not one per lookup."""

    @cached_property
    def _index(self) -> _Index:
        return _Index(read_table())

    @cached_property
    def _region_keys(self) -> frozenset[str]:
        named = [n for r in NAMED_REGIONS for n in (r.code, r.en, r.da, *r.aliases)]
        return frozenset(fold(name) for name in (*region_names(), *named))

    def is_region(self, name: str) -> bool:
        """Whether a name is, as written, that of a region, continent or named region: a
        quick answer that reads no country (a strategy's focus is mostly a continent); False
        may still be a region written loosely, or a country (ask `resolve`)."""
        return fold(name) in self._region_keys

    def country(self, name: str) -> Place | None:
        """The country or area a name or ISO/M49 code stands for ("Tchad", "TCD", "148")."""
        code = self._index.find_country(name)
        return self._index.places[code] if code else None

    def region(self, name: str) -> Place | None:
        """The M49 region or continent, or the named region, a name or M49 code stands for."""
        code = self._index.find_region(name)
        return self._index.places[code] if code else None

    def resolve(self, name: str) -> Place | None:
        """Any place by name or code; a region before a country of the same name ("Micronesia"
        is M49's region, "Micronesia (Federated States of)" the country)."""
        return self.region(name) or self.country(name)

    def country_continent(self, name: str) -> str | None:
        """The continent of a country or area ("Africa", "Americas", "Asia", "Europe",
        "Oceania"; Antarctica is its own); None if the name is unknown."""
        place = self.country(name)
        return self._index.continent[place.code] if place else None

    def region_continents(self, name: str) -> set[str] | None:
        """The continents a region, continent or named region lies in; None if unknown."""
        place = self.region(name)
        if place is None:
            return None
        return {self._index.continent[country] for country in place.countries}

    def within(self, place_name: str, focus_names: Iterable[str]) -> bool | None:
        """Whether a place lies wholly within the union of the focus places (a strategy's
        `geographic_focus`); None if any of the names is unknown."""
        place = self.resolve(place_name)
        covered: set[str] = set()
        for name in focus_names:
            focus = self.resolve(name)
            if focus is None:
                return None
            covered |= focus.countries
        return None if place is None else place.countries <= covered

    def suggest(
        self, name: str, *, kinds: Collection[Kind] | None = None, limit: int = 3
    ) -> tuple[str, ...]:
        """Known names close to an unknown one, as the table writes them, best first; only of
        places of `kinds` when given ("Etiopia": Etiopien, Ethiopia)."""
        import difflib  # here: only an unknown name needs it

        index = self._index
        candidates = {
            key: written
            for key, (written, code) in index.spellings.items()
            if kinds is None or index.places[code].kind in kinds
        }
        typed = loose(fold(name))
        # A known name written inside the unknown one ("Sahel region") is the likeliest meant.
        inside = [key for key in candidates if f" {key} " in f" {typed} "]
        close = difflib.get_close_matches(typed, candidates, n=4 * limit)
        found: list[str] = []
        for key in sorted(inside, key=len, reverse=True) + close:
            if candidates[key] not in found:
                found.append(candidates[key])
        return tuple(found[:limit])

    def name(self, code: str, locale: str = "en") -> str | None:
        """The name of the place with this code (any of ISO alpha-2 or alpha-3, M49, a named
        region's) in `locale`: English and Danish from the table, other languages from babel,
        English where babel has none; None for an unknown code. English names regions as M49
        does ("South-eastern Asia"), countries as CLDR does ("Congo - Kinshasa")."""
        index = self._index
        found = index.codes.get(code.strip().casefold())
        if found is None:
            return None
        names = index.names[found]
        language = locale.replace("-", "_").split("_")[0]
        if language in names:
            return names[language]
        if index.places[found].kind != "named_region":
            # Here, not above: babel takes about 40 ms to load a language's names.
            from babel import Locale, UnknownLocaleError

            try:
                other = Locale.parse(locale.replace("-", "_")).territories.get(found)
            except (ValueError, UnknownLocaleError):
                other = None
            if isinstance(other, str):
                return other
        return names["en"]


# Apostrophes: CLDR writes U+2019, keyboards U+0027.
_FOLD = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "&": " and ", ".": " "}
)
_HYPHEN = re.compile(r"\s*-\s*")
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "\u0131": "i", "þ": "th"}
)
_LOOSE = str.maketrans({"-": " ", "'": None})


def fold(name: str) -> str:
    """A name as matched: case, spacing, the kind of apostrophe, "&" for "and", full stops and
    the spaces around a hyphen do not count ("Congo - Kinshasa" is "congo-kinshasa")."""
    text = unicodedata.normalize("NFC", name).casefold().translate(_FOLD)
    return _HYPHEN.sub("-", " ".join(text.split()))


def loose(key: str) -> str:
    """A folded name without accents, apostrophes or hyphens ("cote divoire", "ostafrika"),
    matched only where it is unambiguous."""
    letters = unicodedata.normalize("NFKD", key.translate(_LETTERS))
    plain = "".join(c for c in letters if not unicodedata.combining(c))
    return " ".join(plain.translate(_LOOSE).split())


class _Index:
    """The table as lookups: folded names and codes to place codes, for countries and for
    regions apart, since `country:` and `region:` of an allocation are asked apart."""

    def __init__(self, table: Table) -> None:
        self.places: dict[str, Place] = {}
        self.continent: dict[str, str] = {}  # alpha-2 -> continent name
        self.names: dict[str, dict[str, str]] = {}  # place code -> locale -> name
        self.codes: dict[str, str] = {}  # any code, folded -> place code
        self.countries: dict[str, str] = {}  # folded name or code -> alpha-2
        self.regions: dict[str, str] = {}  # folded name or code -> M49 or named region code
        self._written: list[tuple[str, str]] = []  # (name as written, place code)

        regions = {region.m49: region for region in table.regions}
        members: dict[str, set[str]] = {code: set() for code in regions}
        for area in table.areas:
            code = area.alpha2
            self.places[code] = Place("country", code, frozenset({code}))
            # M49 puts Antarctica, its one area outside every region, on no continent.
            first = area.regions[0] if area.regions else ""
            self.continent[code] = regions[first].m49_name if first else area.names["en"]
            self.names[code] = dict(area.names)
            for containing in area.regions:
                members[containing].add(code)
            self._codes(self.countries, code, area.alpha2, area.alpha3, area.m49)
            self._names(self.countries, code, *area.names.values(), *area.alternatives)
        for region in table.regions:
            code = region.m49
            kind: Kind = "region" if region.parent else "continent"
            self.places[code] = Place(kind, code, frozenset(members[code]))
            self.names[code] = {**region.names, "en": region.m49_name}
            self._codes(self.regions, code, code)
            self._names(self.regions, code, region.m49_name, *region.names.values())
        for alias_of, alias in table.aliases:
            kept = self.countries if alias_of in self.continent else self.regions
            self._names(kept, alias_of, alias)
        # After M49's, so that where both have a name the standard's region keeps it.
        for named in NAMED_REGIONS:
            code = named.code
            self.places[code] = Place("named_region", code, frozenset(named.members))
            self.names[code] = {"en": named.en, "da": named.da}
            self._codes(self.regions, code, code)
            self._names(self.regions, code, named.en, named.da, *named.aliases)

    def _codes(self, keys: dict[str, str], code: str, *codes: str) -> None:
        for given in filter(None, codes):  # Kosovo has no M49 code
            keys.setdefault(given.casefold(), code)
            self.codes.setdefault(given.casefold(), code)

    def _names(self, keys: dict[str, str], code: str, *names: str) -> None:
        for written in names:
            keys.setdefault(fold(written), code)  # the first place to take a name keeps it
            self._written.append((written, code))

    def find_country(self, name: str) -> str | None:
        key = fold(name)
        return self.countries.get(key) or self.loose_countries.get(loose(key))

    def find_region(self, name: str) -> str | None:
        key = fold(name)
        return self.regions.get(key) or self.loose_regions.get(loose(key))

    # Built on the first name not found as written: most files spell every place as CLDR does.
    @cached_property
    def loose_countries(self) -> dict[str, str | None]:
        return _unambiguous(self.countries)

    @cached_property
    def loose_regions(self) -> dict[str, str | None]:
        return _unambiguous(self.regions)

    @cached_property
    def spellings(self) -> dict[str, tuple[str, str]]:
        """Every name as written, by its loose key: what a suggestion offers."""
        found: dict[str, tuple[str, str]] = {}
        for written, code in self._written:
            found.setdefault(loose(fold(written)), (written, code))
        return found


def _unambiguous(keys: dict[str, str]) -> dict[str, str | None]:
    """Folded names by their loose form; None where two places share it."""
    found: dict[str, str | None] = {}
    for key, code in keys.items():
        plain = loose(key)
        found[plain] = code if found.get(plain, code) == code else None
    return found
