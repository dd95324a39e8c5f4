"""The UN M49 table shipped beside this module, read into plain records: countries and areas
(`m49.csv`), regions and continents (`regions.csv`), and names people type that CLDR spells
otherwise (`aliases.csv`). Where the data come from: `SOURCES.md`."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).parent
LOCALES = ("en", "da")
"""The languages the table names places in; babel names them in any other."""

# Rows are named tuples, not dataclasses: defining a frozen dataclass costs about 0.8 ms of
# start-up, and making one of them per row another 1.5 ms for the table.


class Area(NamedTuple):
    """A country or area: its ISO 3166 codes, M49 code and regions, and names."""

    alpha2: str
    alpha3: str
    m49: str  # empty for Kosovo, which M49 does not list
    regions: tuple[str, ...]  # M49 codes, the continent first; none for Antarctica
    names: dict[str, str]  # by locale
    alternatives: tuple[str, ...]  # CLDR's short and variant names ("Ivory Coast")


class Region(NamedTuple):
    """An M49 region: a continent when it has no parent."""

    m49: str
    parent: str
    m49_name: str  # the UN's English name ("South-eastern Asia"; CLDR says "Southeast Asia")
    names: dict[str, str]  # CLDR's, by locale


class Table(NamedTuple):
    areas: tuple[Area, ...]
    regions: tuple[Region, ...]
    aliases: tuple[tuple[str, str], ...]  # (code, name)


def read_table(folder: Path = HERE) -> Table:
    """The three files of `folder`."""
    return Table(
        areas=tuple(
            Area(
                alpha2=row["alpha2"],
                alpha3=row["alpha3"],
                m49=row["m49"],
                regions=tuple(
                    code
                    for code in (row["region"], row["sub_region"], row["intermediate_region"])
                    if code
                ),
                names={locale: row[locale] for locale in LOCALES},
                alternatives=tuple(
                    name for locale in LOCALES for name in row[f"{locale}_alt"].split("|") if name
                ),
            )
            for row in _rows(folder / "m49.csv")
        ),
        regions=tuple(
            Region(
                m49=row["m49"],
                parent=row["parent"],
                m49_name=row["m49_name"],
                names={locale: row[locale] for locale in LOCALES},
            )
            for row in _rows(folder / "regions.csv")
        ),
        aliases=tuple((row["code"], row["name"]) for row in _rows(folder / "aliases.csv")),
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


def region_names(folder: Path = HERE) -> list[str]:
    """Every name and code of the M49 regions and continents, from the small regions file
    alone: enough to tell that a name is a region without reading every country."""
    names: list[str] = []
    for row in _rows(folder / "regions.csv"):
        names += [row["m49"], row["m49_name"], *(row[locale] for locale in LOCALES)]
    return [name for name in names if name]
