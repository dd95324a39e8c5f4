"""Where an allocation goes: countries and regions to continents with `country_converter`'s
offline classification (ISO codes, names, UN regions); a few named African regions it does not
know are defined here by their member countries, which are classified like any other."""

from __future__ import annotations

import logging
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
    """Continent of a country name or code, or of a region; loaded once per run."""

    def __init__(self) -> None:
        import country_converter

        self._coco: Any = country_converter.CountryConverter()
        data = self._coco.data
        self._region_continent: dict[str, str] = {}
        for region, continent in zip(data["UNregion"], data["continent"], strict=True):
            if isinstance(region, str) and isinstance(continent, str):
                self._region_continent[region.lower()] = continent
        self._continents = {c for c in set(data["continent"]) if isinstance(c, str)}
        for continent in self._continents:
            self._region_continent[continent.lower()] = continent

    def country_continent(self, name: str) -> str | None:
        """The continent of a country given by name or ISO code; None if unknown."""
        coco_log = logging.getLogger("country_converter")
        level = coco_log.level
        coco_log.setLevel(logging.ERROR)  # it warns on stderr for every name it cannot match
        try:
            found = self._coco.convert(names=name, to="continent", not_found=None)
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
