"""Regions that strategies name but the UN M49 scheme has not (Sahel, Horn of Africa): each
stands for its member countries. No single definition exists for any of them; these are the
ones the Danish IOM strategy 2023-2026 reads with (sections 1 and 3)."""

from __future__ import annotations

from typing import NamedTuple


class NamedRegion(NamedTuple):
    code: str  # its English name in lower case, words joined by "-"
    en: str
    da: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]  # ISO 3166 alpha-2


NAMED_REGIONS: tuple[NamedRegion, ...] = (
    # The five G5 Sahel states; wider definitions add Senegal, Gambia, Nigeria, Sudan, Eritrea.
    NamedRegion("sahel", "Sahel", "Sahel", (), ("BF", "ML", "MR", "NE", "TD")),
    NamedRegion("horn-of-africa", "Horn of Africa", "Afrikas Horn", (), ("DJ", "ER", "ET", "SO")),
    NamedRegion(
        "lake-chad-basin",
        "Lake Chad Basin",
        "Tchadsøbassinet",
        ("Lake Chad", "Lake Chad region", "Tchadsøen", "Tchadsøområdet"),
        ("CM", "NE", "NG", "TD"),
    ),
    # In Danish these three are also CLDR's names of the M49 regions Northern, Western and
    # Eastern Africa, which those words resolve to; the English names stay the strategy's.
    NamedRegion("north-africa", "North Africa", "Nordafrika", (), ("DZ", "EG", "LY", "MA", "TN")),
    NamedRegion(
        "west-africa",
        "West Africa",
        "Vestafrika",
        (),
        ("BF", "BJ", "GH", "ML", "NE", "NG", "SN"),
    ),
    NamedRegion(
        "east-africa",
        "East Africa",
        "Østafrika",
        (),
        ("ET", "KE", "SO", "SS", "TZ", "UG"),
    ),
    # Egypt, Iran, Türkiye and the states of Western Asia from Iraq to Yemen, with Israel and
    # Palestine; not the Caucasus or Cyprus. It lies in Africa and in Asia.
    NamedRegion(
        "middle-east",
        "Middle East",
        "Mellemøsten",
        (),
        (
            "AE",
            "BH",
            "EG",
            "IL",
            "IQ",
            "IR",
            "JO",
            "KW",
            "LB",
            "OM",
            "PS",
            "QA",
            "SA",
            "SY",
            "TR",
            "YE",
        ),
    ),
)
