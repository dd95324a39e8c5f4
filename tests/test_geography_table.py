"""The table of places answers as `country_converter` does, and spares loading it."""

from __future__ import annotations

import pytest

from iomstrat import geography_table
from iomstrat.geography import Geography
from iomstrat.tools import geography_table as tool

PLACES = [
    "Niger",
    "niger",
    "NER",
    "Ethiopia",
    "Morocco",
    "Denmark",
    "Brazil",
    "Niger Republic",  # not in the table: asked of the converter
    "Atlantis",  # known to neither
    "Côte d'Ivoire",
]
REGIONS = ["Sahel", "Horn of Africa", "Eastern Africa", "western  asia", "Europe", "Mars"]


def test_table_is_generated_from_the_installed_converter() -> None:
    from importlib.metadata import version

    installed = (version("country_converter"), version("pandas"))
    made_with = (geography_table.COUNTRY_CONVERTER, geography_table.PANDAS)
    if installed != made_with:  # then Geography asks the converter itself: slower, not wrong
        pytest.skip(f"table made with {made_with}, installed {installed}: regenerate it")
    assert tool.main([]) == 0, "run python -m iomstrat.tools.geography_table --write"


@pytest.fixture(scope="module")
def converter() -> Geography:
    return Geography(table=False)


@pytest.mark.parametrize("place", PLACES)
def test_countries_answer_as_the_converter(converter: Geography, place: str) -> None:
    assert Geography().country_continent(place) == converter.country_continent(place)


@pytest.mark.parametrize("region", REGIONS)
def test_regions_answer_as_the_converter(converter: Geography, region: str) -> None:
    assert Geography().region_continents(region) == converter.region_continents(region)


def test_known_places_do_not_load_the_converter() -> None:
    geography = Geography()
    assert geography.country_continent("Niger") == "Africa"
    assert geography.country_continent("ETH") == "Africa"
    assert geography.region_continents("Sahel") == {"Africa"}
    assert geography.region_continents("South America") == {"America"}
    assert geography._coco is None
    assert geography.country_continent("Niger Republic") == "Africa"  # the converter's regex
    assert geography._coco is not None


@pytest.mark.parametrize("made_with", ["COUNTRY_CONVERTER", "PANDAS"])
def test_other_versions_are_asked_directly(monkeypatch: pytest.MonkeyPatch, made_with: str) -> None:
    monkeypatch.setattr(geography_table, made_with, "0.0")
    geography = Geography()
    assert geography._coco is not None
    assert geography.country_continent("Niger") == "Africa"
