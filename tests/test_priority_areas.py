"""The priority areas and SRF codes of the shipped strategy, traced to Annex 4 of the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from iomstrat.model.errors import read_strategy

from .conftest import DATA_FILE, ROOT

SOURCE = ROOT.parent / "shared" / "seeds" / "002_7e386ff0198ca301.txt"


def strategy():  # type: ignore[no-untyped-def]
    reading = read_strategy(str(DATA_FILE))
    assert reading.strategy is not None
    return reading.strategy


def test_four_priority_areas_and_their_codes() -> None:
    areas = {a.id: a for a in strategy().priority_areas}
    assert sorted(areas) == [1, 2, 3, 4]
    assert areas[1].outputs == []  # "Under development by IOM"
    assert areas[2].outputs == ["4a.1.1", "4a.1.2", "4a.2.1", "4a.2.2", "4b.2.1", "4b.2.2"]
    assert "3b.4.2" in areas[3].outputs and len(areas[3].outputs) == 11
    assert areas[4].outcomes == ["2a", "2a.1", "2a.2"]
    assert areas[4].outputs == ["2a.1.1", "2a.1.2", "2a.2.1", "2a.2.3"]


def test_the_shipped_file_records_no_actuals() -> None:
    shipped = strategy()
    assert (shipped.allocations, shipped.disbursements, shipped.ledgers) == ([], [], [])


@pytest.mark.skipif(not SOURCE.exists(), reason="source document not beside the checkout")
def test_every_code_is_printed_in_annex_4() -> None:
    text = Path(SOURCE).read_text(encoding="utf-8")
    annex = text[text.index("## Annex 4") :]
    for area in strategy().priority_areas:
        assert f"Danish priority Area {area.id}:" in annex
        for code in area.outputs:
            assert f"{code}:" in annex, code
        for code in area.outcomes:
            assert f"{code}:" in annex or f"{code}.:" in annex, code


@pytest.mark.skipif(not SOURCE.exists(), reason="source document not beside the checkout")
def test_every_code_annex_4_prints_is_in_the_data() -> None:
    import re

    text = Path(SOURCE).read_text(encoding="utf-8")
    annex = text[text.index("## Annex 4") :]
    areas = strategy().priority_areas
    printed_outputs = set(re.findall(r"\b(\d[a-z]\.\d\.\d):", annex))
    printed_outcomes = set(re.findall(r"\b(\d[a-z](?:\.\d)?)\.?:", annex))
    assert printed_outputs == {code for area in areas for code in area.outputs}
    assert printed_outcomes == {code for area in areas for code in area.outcomes}
