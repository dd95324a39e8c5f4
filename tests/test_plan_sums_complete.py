"""A stated total (IOM101) or the cover table (IOM103) that the budget lines contradict beyond
rounding makes the figures incomplete: withheld in a travelling format unless --partial, which
marks them. Within rounding (IOM102) nothing is marked. Figures of the illustrative strategy
computed by hand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import ROOT, run_cli

STRATEGY = ROOT / "examples" / "illustrative_2023.yaml"
LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"
PROJECTED = """  projected_disbursement:                    # "Projected ann. Disb."
    by_year: {2023: 100, 2024: 100, 2025: 100, 2026: 100}"""
STATED = "      stated: {2023: 98, 2024: 98, 2025: 98, 2026: 98}"


def edited(tmp_path: Path, old: str, new: str) -> str:
    text = STRATEGY.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "s.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    return str(tmp_path / "s.yaml")


def disbursement(path: str, *more: str) -> tuple[int, str, str]:
    run = run_cli("disbursement", path, "--as-of", "2024-06-30", "--format", "json", *more)
    return run.exit_code, run.stdout, run.stderr


def test_a_cover_projection_the_lines_contradict_withholds_the_schedule_it_gives(
    tmp_path: Path,
) -> None:
    path = edited(tmp_path, PROJECTED, PROJECTED.replace("2024: 100", "2024: 120"))
    code, out, err = disbursement(path)
    assert (code, out) == (1, "") and "error IOM103" in err and "no figures written" in err
    code, out, _ = disbursement(path, "--partial")
    data = json.loads(out)
    assert code == 1 and data["complete"] is False
    assert [f["code"] for f in data["findings"]] == ["IOM103"]
    # 2024 is not decided: core's tranches are the cover's 120 million split as the plan
    # (48 of 100): 57.6 million a year, 14.4 a quarter, two quarters due by 30 June
    rows = {(r["key"], r["year"]): r for r in data["reports"][0]["rows"]}
    assert rows["core", 2024]["scheduled"] == "28800000"
    csv = run_cli("disbursement", path, "--as-of", "2024-06-30", "--format", "csv", "--partial")
    assert csv.stdout.splitlines()[1].endswith(",false")


def test_a_stated_total_off_by_more_than_rounding_withholds(tmp_path: Path) -> None:
    path = edited(tmp_path, STATED, STATED.replace("2023: 98", "2023: 99"))
    code, out, err = disbursement(path)
    assert (code, out) == (1, "") and "error IOM101" in err
    data = json.loads(disbursement(path, "--partial")[1])
    assert data["complete"] is False and [f["code"] for f in data["findings"]] == ["IOM101"]


def test_within_rounding_nothing_is_marked(tmp_path: Path) -> None:
    path = edited(tmp_path, STATED, STATED.replace("2023: 98", "2023: 98.4"))
    code, out, err = disbursement(path)
    assert "warning IOM102" in err and "IOM101" not in err
    data = json.loads(out)
    assert code == 0 and data["complete"] is True
