"""Places by name or code, in English and Danish: countries, M49 regions and continents, named
regions; a strategy's geographic focus; suggestions for unknown names; the shipped table."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from iomstrat.places import Kind, Place, Places
from iomstrat.places.named_regions import NAMED_REGIONS
from iomstrat.places.table import HERE, read_table

CLDR_APOSTROPHE = "\u2019"


@pytest.fixture(scope="module")
def places() -> Places:
    return Places()


COUNTRIES = [
    # name or code as an allocation may give it -> ISO alpha-2, continent
    ("Chad", "TD", "Africa"),
    ("Tchad", "TD", "Africa"),
    ("TCD", "TD", "Africa"),
    ("td", "TD", "Africa"),
    ("148", "TD", "Africa"),
    ("Ethiopia", "ET", "Africa"),
    ("Etiopien", "ET", "Africa"),
    ("ETH", "ET", "Africa"),
    (f"Côte d{CLDR_APOSTROPHE}Ivoire", "CI", "Africa"),
    ("Côte d'Ivoire", "CI", "Africa"),
    ("cote d'ivoire", "CI", "Africa"),
    ("Ivory Coast", "CI", "Africa"),
    ("Elfenbenskysten", "CI", "Africa"),
    ("NA", "NA", "Africa"),  # Namibia, not a missing value
    ("Congo - Kinshasa", "CD", "Africa"),
    ("Congo-Kinshasa", "CD", "Africa"),
    ("Democratic Republic of the Congo", "CD", "Africa"),
    ("DRC", "CD", "Africa"),
    ("Congo", "CG", "Africa"),  # M49's name of Congo-Brazzaville
    ("Tanzania", "TZ", "Africa"),
    ("United Republic of Tanzania", "TZ", "Africa"),
    ("Guinea Bissau", "GW", "Africa"),
    ("Sao Tome and Principe", "ST", "Africa"),
    ("  south   SUDAN ", "SS", "Africa"),
    ("Sydsudan", "SS", "Africa"),
    ("Marokko", "MA", "Africa"),
    ("Jordan", "JO", "Asia"),
    ("Lebanon", "LB", "Asia"),
    ("Libanon", "LB", "Asia"),
    ("Türkiye", "TR", "Asia"),
    ("Turkey", "TR", "Asia"),
    ("Turkiye", "TR", "Asia"),
    ("Tyrkiet", "TR", "Asia"),
    ("Afghanistan", "AF", "Asia"),
    ("Syrian Arab Republic", "SY", "Asia"),
    ("Danmark", "DK", "Europe"),
    ("Bosnia and Herzegovina", "BA", "Europe"),
    ("Kosovo", "XK", "Europe"),
    ("Mexico", "MX", "Americas"),
    ("USA", "US", "Americas"),
    ("Micronesia", "FM", "Oceania"),
    ("Antarctica", "AQ", "Antarctica"),
]


@pytest.mark.parametrize(("name", "code", "continent"), COUNTRIES)
def test_countries(places: Places, name: str, code: str, continent: str) -> None:
    assert places.country(name) == Place("country", code, frozenset({code}))
    assert places.country_continent(name) == continent


REGIONS = [
    # name as an allocation or a focus may give it -> kind, code, number of countries, continents
    ("Africa", "continent", "002", 60, {"Africa"}),
    ("Afrika", "continent", "002", 60, {"Africa"}),
    ("Americas", "continent", "019", 57, {"Americas"}),
    ("Amerika", "continent", "019", 57, {"Americas"}),
    ("Asien", "continent", "142", 51, {"Asia"}),
    ("Eastern Africa", "region", "014", 22, {"Africa"}),
    ("Østafrika", "region", "014", 22, {"Africa"}),
    ("ostafrika", "region", "014", 22, {"Africa"}),
    ("014", "region", "014", 22, {"Africa"}),
    ("Northern Africa", "region", "015", 7, {"Africa"}),
    ("Nordafrika", "region", "015", 7, {"Africa"}),  # CLDR's Danish name of M49's region
    ("Sub-Saharan Africa", "region", "202", 53, {"Africa"}),
    ("Subsaharisk Afrika", "region", "202", 53, {"Africa"}),
    ("Afrika syd for Sahara", "region", "202", 53, {"Africa"}),
    ("Western Asia", "region", "145", 18, {"Asia"}),
    ("South-eastern Asia", "region", "035", 11, {"Asia"}),
    ("Southeast Asia", "region", "035", 11, {"Asia"}),
    ("Latin America and the Caribbean", "region", "419", 52, {"Americas"}),
    ("Micronesia", "region", "057", 8, {"Oceania"}),  # M49's region; the country as a country
    ("Sahel", "named_region", "sahel", 5, {"Africa"}),
    ("Horn of Africa", "named_region", "horn-of-africa", 4, {"Africa"}),
    ("Afrikas Horn", "named_region", "horn-of-africa", 4, {"Africa"}),
    ("Lake Chad Basin", "named_region", "lake-chad-basin", 4, {"Africa"}),
    ("Tchadsøen", "named_region", "lake-chad-basin", 4, {"Africa"}),
    ("North Africa", "named_region", "north-africa", 5, {"Africa"}),
    ("West Africa", "named_region", "west-africa", 7, {"Africa"}),
    ("East Africa", "named_region", "east-africa", 6, {"Africa"}),
    ("Middle East", "named_region", "middle-east", 16, {"Africa", "Asia"}),  # Egypt
    ("Mellemøsten", "named_region", "middle-east", 16, {"Africa", "Asia"}),
]


@pytest.mark.parametrize(("name", "kind", "code", "size", "continents"), REGIONS)
def test_regions(
    places: Places, name: str, kind: str, code: str, size: int, continents: set[str]
) -> None:
    place = places.region(name)
    assert place is not None
    assert (place.kind, place.code, len(place.countries)) == (kind, code, size)
    assert places.region_continents(name) == continents
    assert places.resolve(name) == place


def test_named_regions_are_their_members(places: Places) -> None:
    assert places.region("Sahel") == Place(
        "named_region", "sahel", frozenset({"BF", "ML", "MR", "NE", "TD"})
    )
    assert places.region("Horn of Africa") == Place(
        "named_region", "horn-of-africa", frozenset({"DJ", "ER", "ET", "SO"})
    )


def test_m49_regions_hold_their_countries(places: Places) -> None:
    eastern_africa = places.region("Eastern Africa")
    assert eastern_africa is not None
    assert {"ET", "KE", "SO", "SS", "TZ", "UG", "DJ", "ER"} <= eastern_africa.countries
    assert "SD" not in eastern_africa.countries  # Sudan is Northern Africa in M49
    western_asia = places.region("Western Asia")
    assert western_asia is not None
    assert {"JO", "LB", "SY", "IQ", "TR", "IL", "PS", "YE"} <= western_asia.countries


@pytest.mark.parametrize(
    "name", ["Atlantis", "Middle Earth", "", "   ", "Africa!", "XX", "XXX", "999"]
)
def test_unknown_names(places: Places, name: str) -> None:
    assert places.resolve(name) is None
    assert places.country_continent(name) is None
    assert places.region_continents(name) is None


def test_a_country_is_no_region_and_a_region_no_country(places: Places) -> None:
    assert places.region_continents("Ethiopia") is None
    assert places.country_continent("Sahel") is None
    assert places.country_continent("Eastern Africa") is None
    assert places.resolve("Ethiopia") == Place("country", "ET", frozenset({"ET"}))


@pytest.mark.parametrize(
    ("name", "kinds", "suggestions"),
    [
        ("Etiopia", None, ("Ethiopia", "Etiopien", "Estonia")),
        ("Sahel region", None, ("Sahel",)),
        ("Middle Earth", None, ("Middle East", "Middle Africa")),
        ("Middle Earth", ("country",), ()),
        ("Republic of Chad", ("country",), ("Chad", "Republic of Korea", "Republic of Moldova")),
        ("Tchadsø", None, ("Tchadsøen", "Tchad", "Chad")),
        ("Horn of Afrika", ("named_region",), ("Horn of Africa", "North Africa")),
    ],
)
def test_unknown_names_get_suggestions(
    places: Places, name: str, kinds: tuple[Kind, ...] | None, suggestions: tuple[str, ...]
) -> None:
    assert places.suggest(name, kinds=kinds) == suggestions


FOCUS = ["Africa"]


@pytest.mark.parametrize(
    ("place", "focus", "within"),
    [
        ("Ethiopia", FOCUS, True),
        ("Tchad", FOCUS, True),
        ("Sahel", FOCUS, True),
        ("Østafrika", FOCUS, True),
        ("Jordan", FOCUS, False),
        ("Middle East", FOCUS, False),  # Egypt is in it, the rest is not
        ("Egypt", ["Middle East"], True),
        ("Jordan", ["Africa", "Mellemøsten"], True),
        ("Lebanon", ["Sahel", "Western Asia"], True),
        ("Sahel", ["Western Africa"], False),  # Chad is Middle Africa
        ("Sahel", ["Western Africa", "Middle Africa"], True),
        ("Eastern Africa", ["Sub-Saharan Africa"], True),
        ("Africa", ["Sub-Saharan Africa"], False),
        ("Horn of Africa", ["Ethiopia", "Eritrea", "Djibouti", "Somalia"], True),
        ("Atlantis", FOCUS, None),
        ("Chad", ["Africa", "Atlantis"], None),
        ("Chad", [], False),
    ],
)
def test_within_a_geographic_focus(
    places: Places, place: str, focus: list[str], within: bool | None
) -> None:
    assert places.within(place, focus) is within


@pytest.mark.parametrize(
    ("code", "en", "da", "fr"),
    [
        ("TD", "Chad", "Tchad", "Tchad"),
        ("TCD", "Chad", "Tchad", "Tchad"),
        ("et", "Ethiopia", "Etiopien", "Éthiopie"),
        (
            "CI",
            f"Côte d{CLDR_APOSTROPHE}Ivoire",
            "Elfenbenskysten",
            f"Côte d{CLDR_APOSTROPHE}Ivoire",
        ),
        ("002", "Africa", "Afrika", "Afrique"),
        ("015", "Northern Africa", "Nordafrika", "Afrique septentrionale"),
        ("035", "South-eastern Asia", "Sydøstasien", "Asie du Sud-Est"),  # M49's English
        ("sahel", "Sahel", "Sahel", "Sahel"),
        ("horn-of-africa", "Horn of Africa", "Afrikas Horn", "Horn of Africa"),  # no French
    ],
)
def test_names(places: Places, code: str, en: str, da: str, fr: str) -> None:
    assert (places.name(code), places.name(code, "da"), places.name(code, "fr")) == (en, da, fr)
    assert places.name(code, "da_DK") == da


def test_unknown_code_or_language(places: Places) -> None:
    assert places.name("XX") is None
    assert places.name("Chad") is None  # a name, not a code
    assert places.name("TD", "xx") == "Chad"


# The shipped table


def test_table_holds_every_m49_area() -> None:
    table = read_table()
    assert len(table.areas) == 250  # M49's 249 and Kosovo
    assert len({area.alpha2 for area in table.areas}) == 250
    assert len({area.alpha3 for area in table.areas}) == 250
    by_code = {area.alpha2: area for area in table.areas}
    assert by_code["TD"] == (
        "TD",
        "TCD",
        "148",
        ("002", "202", "017"),
        {"en": "Chad", "da": "Tchad"},
        (),
    )
    assert by_code["JO"].regions == ("142", "145")
    assert by_code["AQ"].regions == ()
    regions = {region.m49 for region in table.regions}
    assert all(set(area.regions) <= regions for area in table.areas)


def test_aliases_and_named_regions_name_known_places() -> None:
    table = read_table()
    known = {area.alpha2 for area in table.areas} | {region.m49 for region in table.regions}
    assert {code for code, _ in table.aliases} <= known
    assert {member for named in NAMED_REGIONS for member in named.members} <= known


def test_names_are_babels() -> None:
    """The table's names are those of the installed babel's CLDR; when it names places
    otherwise, remake the table (`SOURCES.md`)."""
    import babel

    for path, code_column in ((HERE / "m49.csv", "alpha2"), (HERE / "regions.csv", "m49")):
        with path.open(encoding="utf-8", newline="") as text:
            rows = list(csv.DictReader(text))
        for locale in ("en", "da"):
            names = babel.Locale(locale).territories
            assert {row[code_column]: row[locale] for row in rows} == {
                row[code_column]: names[row[code_column]] for row in rows
            }


def test_first_lookup_loads_nothing_heavy() -> None:
    # Its time (about 6 ms) is measured by hand, not here: see docs/DESIGN.md.
    probe = (
        "import sys\n"
        "from iomstrat.places import Places\n"
        "assert Places().country_continent('Tchad') == 'Africa'\n"
        "print(sorted(m for m in ('babel', 'pandas', 'difflib') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_region_is_told_without_reading_the_countries() -> None:
    places = Places()
    assert places.is_region("Africa") and places.is_region("afrika")
    assert places.is_region("Horn of Africa") and places.is_region("002")
    assert "_index" not in vars(places)  # the table of countries was not read
    assert not places.is_region("Chad") and places.resolve("Chad") is not None
