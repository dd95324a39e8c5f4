"""`iomstrat/places/m49.csv` and `regions.csv`, made from Unicode CLDR.

    git clone --depth 1 https://github.com/unicode-org/cldr-json
    python -m iomstrat.tools.places_table cldr-json    # rewrite both files

Countries, codes and regions come from the CLDR's copy of the UN M49 scheme (its
territoryContainment and codeMappings), their names in English and Danish from the installed
babel, which carries the same CLDR, and their alternative names ("Ivory Coast") from the
checkout, as babel has none. `places/SOURCES.md` says what differs from M49 and why. Run at
development time only; nothing here is needed to use the files.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import babel

PLACES = Path(__file__).resolve().parents[1] / "places"

# The UN's own English names of its regions (CLDR's are shorter: "East Asia", "Australasia").
M49_NAMES = {
    "002": "Africa",
    "015": "Northern Africa",
    "202": "Sub-Saharan Africa",
    "011": "Western Africa",
    "014": "Eastern Africa",
    "017": "Middle Africa",
    "018": "Southern Africa",
    "019": "Americas",
    "419": "Latin America and the Caribbean",
    "005": "South America",
    "013": "Central America",
    "029": "Caribbean",
    "021": "Northern America",
    "142": "Asia",
    "143": "Central Asia",
    "030": "Eastern Asia",
    "034": "Southern Asia",
    "035": "South-eastern Asia",
    "145": "Western Asia",
    "150": "Europe",
    "151": "Eastern Europe",
    "154": "Northern Europe",
    "155": "Western Europe",
    "039": "Southern Europe",
    "009": "Oceania",
    "053": "Australia and New Zealand",
    "054": "Melanesia",
    "057": "Micronesia",
    "061": "Polynesia",
}

# Two M49 sub-regions that CLDR lists only as groupings, its intermediate regions hanging from
# the continent; M49 puts them in between.
GROUPINGS = {"202": "002", "419": "019"}

# CLDR's own region of Antarctica and four islands; M49 puts Antarctica in no region.
OUTLYING_OCEANIA = "QO"
ANTARCTICA = "AQ"

LEVELS = ("region", "sub_region", "intermediate_region")
LOCALES = ("en", "da")


def _supplemental(cldr: Path, name: str) -> dict[str, dict[str, str | list[str]]]:
    path = cldr / "cldr-json" / "cldr-core" / "supplemental" / f"{name}.json"
    data: dict[str, dict[str, str | list[str]]] = json.loads(path.read_text("utf-8"))[
        "supplemental"
    ][name]
    return data


def _alternatives(cldr: Path, locale: str) -> dict[str, list[str]]:
    path = cldr / "cldr-json" / "cldr-localenames-full" / "main" / locale / "territories.json"
    names = json.loads(path.read_text("utf-8"))["main"][locale]["localeDisplayNames"]
    found: dict[str, list[str]] = {}
    for key, name in names["territories"].items():
        code, _, alt = key.partition("-alt-")
        if alt:
            found.setdefault(code, []).append(name)
    return found


def tables(cldr: Path) -> tuple[str, str]:
    """The text of m49.csv and regions.csv."""
    containment = _supplemental(cldr, "territoryContainment")
    codes = _supplemental(cldr, "codeMappings")
    parent: dict[str, str] = {}
    for region in [*M49_NAMES.keys() - GROUPINGS.keys(), *GROUPINGS]:  # groupings last
        for member in containment[region]["_contains"]:
            if member != OUTLYING_OCEANIA:
                parent[member] = region
    parent.update(GROUPINGS)
    names = {locale: babel.Locale(locale).territories for locale in LOCALES}
    alternatives = {locale: _alternatives(cldr, locale) for locale in LOCALES}

    regions = io.StringIO()
    out = csv.writer(regions, lineterminator="\n")
    out.writerow(["m49", "parent", "m49_name", "en", "da"])
    for code in sorted(M49_NAMES):
        out.writerow(
            [code, parent.get(code, ""), M49_NAMES[code], *(names[x][code] for x in LOCALES)]
        )

    countries = io.StringIO()
    out = csv.writer(countries, lineterminator="\n")
    out.writerow(["alpha2", "alpha3", "m49", *LEVELS, *LOCALES, *(f"{x}_alt" for x in LOCALES)])
    areas = {code for code in parent if code not in M49_NAMES} | {ANTARCTICA}
    for code in sorted(areas):
        mapping = codes.get(code, {})
        numeric = str(mapping.get("_numeric", ""))
        if not numeric:
            continue  # parts of a country CLDR names apart: Canary Islands, Ceuta and Melilla, Sark
        chain = []
        above = parent.get(code)
        while above is not None:
            chain.append(above)
            above = parent.get(above)
        levels = list(reversed(chain)) + [""] * (len(LEVELS) - len(chain))
        out.writerow(
            [
                code,
                mapping["_alpha3"],
                numeric if numeric < "900" else "",  # 900-999 are user-assigned, not M49
                *levels,
                *(names[x][code] for x in LOCALES),
                *("|".join(alternatives[x].get(code, ())) for x in LOCALES),
            ]
        )
    return countries.getvalue(), regions.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    countries, regions = tables(Path(argv[0]))
    (PLACES / "m49.csv").write_text(countries, "utf-8")
    (PLACES / "regions.csv").write_text(regions, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
