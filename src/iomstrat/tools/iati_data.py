"""IATI's own rules, shipped with iomstrat for `export iati --check` (no network at run time):
the standard ruleset copied from IATI-Rulesets, and the codelists that IATI-Codelists' mapping
names, compacted to their codes, from IATI-Codelists and IATI-Codelists-NonEmbedded.

    python -m iomstrat.tools.iati_data RULESETS CODELISTS NONEMBEDDED   # checkouts of the three

writes `src/iomstrat/export/iati_data/{standard.json,codelists.json}`; record the commits in
that folder's SOURCES.md.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from lxml import etree

TARGET = Path(__file__).resolve().parent.parent / "export" / "iati_data"
EXTRA = ("OrganisationRegistrationAgency",)
"""Not in the mapping, but the ruleset's ORG-ID-PREFIX: agencies an organisation id starts with."""
NAMED = {"Country", "Region"}
"""Codelists whose English names are kept: allocations name countries and regions in words."""


def _codelist(path: Path) -> dict[str, Any]:
    root = etree.parse(str(path)).getroot()
    codes, withdrawn, names = [], [], {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        codes.append(code)
        if item.get("status") == "withdrawn":
            withdrawn.append(code)
        name = item.find("name/narrative")
        if root.get("name") in NAMED and name is not None and name.text:
            names[code] = name.text.strip()
    found: dict[str, Any] = {"complete": root.get("complete") == "1", "codes": codes}
    if withdrawn:
        found["withdrawn"] = withdrawn
    if names:
        found["names"] = names
    return found


def build(rulesets: Path, codelists: Path, nonembedded: Path) -> dict[str, Any]:
    mapping = []
    for element in etree.parse(str(codelists / "mapping.xml")).getroot().iter("mapping"):
        ref = element.find("codelist")
        assert ref is not None
        mapping.append(
            {
                "path": (element.findtext("path") or "").strip(),
                "codelist": ref.get("ref"),
                "condition": (element.findtext("condition") or "").strip() or None,
            }
        )
    files = {p.stem: p for p in (nonembedded / "xml").glob("*.xml")}
    files |= {p.stem: p for p in (codelists / "xml").glob("*.xml")}
    wanted = sorted({m["codelist"] for m in mapping if m["codelist"] in files} | set(EXTRA))
    lists = {name: _codelist(files[name]) for name in wanted}
    shutil.copyfile(rulesets / "rulesets" / "standard.json", TARGET / "standard.json")
    return {"mapping": [m for m in mapping if m["codelist"] in lists], "codelists": lists}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write(__doc__ or "")
        return 2
    data = build(*(Path(a) for a in argv))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (TARGET / "codelists.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
