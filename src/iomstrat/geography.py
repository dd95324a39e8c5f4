"""Where an allocation goes: countries and regions to continents with `country_converter`'s
offline classification (ISO codes, names, UN regions); a few named African regions it does not
know are defined here by their member countries, which are classified like any other."""

from __future__ import annotations

from importlib import metadata
from typing import Any

NAMED_REGIONS: dict[str, tuple[str, ...]] = {
    # The five G5 Sahel states; wider definitions add Senegal, Gambia, Nigeria, Sudan, Eritrea.
    "sahel": ("Burkina Faso", "Chad", "Mali", "Mauritania", "Niger"),
    "horn of africa": ("Djibouti", "Eritrea", "Ethiopia", "Somalia"),
    "lake chad basin": ("Cameroon", "Chad", "Niger", "Nigeria"),
    "north africa": ("Algeria", "Egypt", "Libya", "Morocco", "Tunisia"),
    "west africa": ("Benin", "Burkina Faso", "Ghana", "Mali", "Niger", "Nigeria", "Senegal"),
    "east africa": ("Ethiopia", "Kenya", "Somalia", "South Sudan", "Tanzania", "Uganda"),
}
"""Regions the strategy names (Sahel, Horn of Africa, North Africa: sections 1 and 3) that
are not UN geoscheme regions; each stands for its member countries."""


class Geography:
    """Continent of a country name or code, or of a region; loaded once per run.

    `country_converter` loads pandas and its country table (about 0.35 s). What it answers for
    the names and codes in its own table, and its regions and continents, are kept in
    `iomstrat.geography_table`, generated from it; they are used while the installed version is
    the one they came from (and pandas too), and the converter is loaded only for a place they
    do not know."""

    def __init__(self, *, table: bool = True) -> None:
        # Imported here: 1 ms of loading, for the runs that place allocations only.
        from iomstrat import geography_table

        self._coco: Any = None
        self._countries: dict[str, str] = {}
        if table and _installed_versions() == (
            geography_table.COUNTRY_CONVERTER,
            geography_table.PANDAS,
        ):
            self._countries = geography_table.COUNTRY_CONTINENT
            self._region_continent = dict(geography_table.REGION_CONTINENT)
            self._continents = set(geography_table.CONTINENTS)
        else:
            self._region_continent, self._continents = regions_and_continents(self._converter())

    def _converter(self) -> Any:
        if self._coco is None:
            import country_converter

            self._coco = country_converter.CountryConverter()
        return self._coco

    def country_continent(self, name: str) -> str | None:
        """The continent of a country given by name or ISO code; None if unknown."""
        known = self._countries.get(name)
        if known is not None:
            return known
        import logging  # here, not above: 2 ms of every start-up, for a rare case

        coco_log = logging.getLogger("country_converter")
        level = coco_log.level
        coco_log.setLevel(logging.ERROR)  # it warns on stderr for every name it cannot match
        try:
            found = self._converter().convert(names=name, to="continent", not_found=None)
        finally:
            coco_log.setLevel(level)
        return found if found in self._continents else None

    def region_continents(self, name: str) -> set[str] | None:
        """The continents a region lies in; None if the region is unknown."""
        key = " ".join(name.lower().split())
        if key in self._region_continent:
            return {self._region_continent[key]}
        members = NAMED_REGIONS.get(key)
        if members is None:
            return None
        continents = {self.country_continent(member) for member in members}
        return {c for c in continents if c is not None} or None


def regions_and_continents(coco: Any) -> tuple[dict[str, str], set[str]]:
    """From `country_converter`'s table: UN region (lower case) and continent to continent, and
    the continents."""
    data = coco.data
    region_continent: dict[str, str] = {}
    for region, continent in zip(data["UNregion"], data["continent"], strict=True):
        if isinstance(region, str) and isinstance(continent, str):
            region_continent[region.lower()] = continent
    continents = {c for c in set(data["continent"]) if isinstance(c, str)}
    for continent in continents:
        region_continent[continent.lower()] = continent
    return region_continent, continents


def _installed_versions() -> tuple[str, str] | None:
    """The versions of `country_converter` and of pandas, which reads its table (pandas 3 reads
    Namibia's code "NA" as missing)."""
    try:
        return metadata.version("country_converter"), metadata.version("pandas")
    except metadata.PackageNotFoundError:  # pragma: no cover - dependencies
        return None
