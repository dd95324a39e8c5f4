"""The annex tables as data: every difference a reader with a calculator finds, pinned with its
computed amount and its class (rounding or real), and each table check failing and passing."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

from iomstrat.core.pipeline import Run, check_file
from iomstrat.engine.annex import figure_table, growth_percent
from iomstrat.loader import documents as loader
from iomstrat.model.errors import STRATEGY_LIMITS
from iomstrat.render.messages import text as message_text

from .conftest import ROOT, line_of, run_cli

ANNEX2 = ROOT / "data" / "annex2_funding_2021.yaml"
ANNEX3 = ROOT / "data" / "annex3_unearmarked_donors.yaml"
EARMARKED = ROOT / "data" / "annex3_earmarked_donors_2021.yaml"
AS_OF = dt.date(2022, 12, 1)


def found(path: Path) -> list[tuple[int, str, str]]:
    result = check_file(str(path), Run(AS_OF))
    return [(d.line, d.code, message_text(d)) for d in result.diagnostics]


def codes(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "table.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return [f"{d.line}:{d.code}" for d in check_file(str(path), Run(AS_OF)).diagnostics]


# -- Annex 2: Danish funding for IOM 2021, whole USD ------------------------------------------


def test_annex2_the_earmarked_total_is_2_dollars_above_the_printed_one() -> None:
    text = ANNEX2.read_text(encoding="utf-8")
    (finding,) = found(ANNEX2)
    line, code, message = finding
    assert (line, code) == (line_of(text, "cells: [4101050, 17394700]"), "IOM102")
    # 17 projects add up to 17 554 584, 7 refunds to -159 882: 17 394 702 against 17 394 700.
    assert "column earmarked total: stated 17,394,700, computed 17,394,702" in message
    assert "(17 figures 17,554,584 + 7 negative figures -159,882)" in message
    assert "differs by -2, within the rounding of printed figures (±12.5)" in message


def test_annex2_refunds_are_the_seven_negative_rows() -> None:
    table = check_file(str(ANNEX2), Run(AS_OF)).table
    assert table is not None
    refunds = [row.cells[1].amount for row in table.rows if row.refund and row.cells[1]]
    assert refunds == [Decimal(n) for n in (-21, -572, -1039, -11483, -12947, -28253, -105567)]
    assert sum(refunds, Decimal(0)) == Decimal(-159882)
    assert len(table.rows) == 25


# -- Annex 3: unearmarked funding by donor, USD million --------------------------------------

ANNEX3_DIFFERENCES = [
    # (where, stated, computed, difference, tolerance): all within rounding of 2-decimal figures
    ("row 'Sweden'", "47.25", "47.26", "-0.01", "0.03"),
    ("row 'United Kingdom'", "26.12", "26.13", "-0.01", "0.03"),
    ("row 'Denmark'", "19.35", "19.34", "+0.01", "0.03"),
    ("row 'Switzerland'", "2.64", "2.63", "+0.01", "0.025"),
    ("row 'Portugal'", "0.86", "0.87", "-0.01", "0.03"),
    ("column 2018 total", "30.06", "30.07", "-0.01", "0.055"),
    ("column 2019 total", "28.55", "28.53", "+0.02", "0.06"),
    ("column 2020 total", "31.29", "31.28", "+0.01", "0.07"),
    ("column 2021 total", "38.79", "38.80", "-0.01", "0.08"),
    ("column 2022 total", "12.03", "12.04", "-0.01", "0.04"),
    ("grand total against the column totals", "157.83", "157.84", "-0.01", "0.045"),
]


def test_annex3_every_difference_is_pinned_and_within_rounding() -> None:
    findings = [f for f in found(ANNEX3) if f[1] != "IOM603"]
    assert [code for _, code, _ in findings] == ["IOM102"] * len(ANNEX3_DIFFERENCES)
    for (_, _, message), (where, stated, computed, diff, tol) in zip(
        findings, ANNEX3_DIFFERENCES, strict=True
    ):
        assert message.startswith(where), message
        assert f"stated {stated}, computed {computed}" in message
        assert f"differs by {diff}, within the rounding of printed figures (±{tol})" in message


def test_annex3_differences_stand_on_their_lines() -> None:
    text = ANNEX3.read_text(encoding="utf-8")
    lines = [line for line, code, _ in found(ANNEX3) if code == "IOM102"]
    rows = [line_of(text, f'name: "{name}"') for name in ("Sweden", "United Kingdom", "Denmark")]
    assert lines[:3] == rows
    assert lines[-1] == line_of(text, "total: 157.83")


def test_annex3_exact_agreements_make_no_finding() -> None:
    messages = " ".join(message for _, _, message in found(ANNEX3))
    for clean in ("Netherlands'", "Belgium'", "column 2017", "column 2023", "row totals"):
        assert clean not in messages
    # Row totals add up to the grand total exactly: 157.83.


def test_annex3_growth_percentages_match_the_column_totals() -> None:
    assert growth_percent(Decimal("14.88"), Decimal("30.06")) == Decimal("102.0161")
    assert growth_percent(Decimal("30.06"), Decimal("28.55")) == Decimal("-5.0233")
    assert growth_percent(Decimal("28.55"), Decimal("31.29")) == Decimal("9.5972")
    assert growth_percent(Decimal("31.29"), Decimal("38.79")) == Decimal("23.9693")
    assert not [f for f in found(ANNEX3) if f[1] in {"IOM605", "IOM606"}]


def test_annex3_the_preliminary_footnote_marks_nothing() -> None:
    text = ANNEX3.read_text(encoding="utf-8")
    notes = [(line, code) for line, code, _ in found(ANNEX3) if code == "IOM603"]
    assert notes == [(line_of(text, '"**": 2021 figures'), "IOM603")]


def test_annex3_earmarked_top_20_is_clean() -> None:
    assert found(EARMARKED) == []


def test_validate_data_folder_dispatches_by_kind() -> None:
    result = run_cli("validate", str(ROOT / "data"), "--as-of", "2022-12-01")
    assert result.exit_code == 0  # warnings only
    assert result.stdout.count("IOM102") == 12
    assert "IOM020" not in result.stdout and "IOM021" not in result.stdout
    # and the document against itself (tests/test_statements.py): 7 warnings, 6 notes
    assert "4 files checked: 0 errors, 19 warnings, 12 notes" in result.stderr


# -- each table check, failing and passing ---------------------------------------------------

SMALL = """\
    schema_version: 1
    table:
      title: Small
      currency: USD
      unit: million
      printed_step: 0.1
      columns: [2020, 2021*]
      markers: {"*": pledged}
    rows:
      - {name: A, cells: [1.0, 2.0*], total: 3.0}
      - {name: B, cells: [-, 4.0], total: 4.0}
    column_totals:
      cells: [1.0, 6.0]
      total: 7.0
    growth:
      percent: [~, 500]
    """


def test_small_table_is_clean(tmp_path: Path) -> None:
    assert codes(tmp_path, SMALL) == []


def test_iom101_a_real_difference_is_an_error(tmp_path: Path) -> None:
    # 1.0 + 2.0 = 3.0, stated 3.5: off by 0.5 where rounding explains ±0.15.
    text = SMALL.replace("total: 3.0}", "total: 3.5}")
    assert codes(tmp_path, text) == ["10:IOM101", "14:IOM101"]  # the row, and the grand total


def test_iom102_a_rounding_size_difference_is_a_warning(tmp_path: Path) -> None:
    text = SMALL.replace("cells: [1.0, 6.0]", "cells: [1.0, 6.1]").replace("7.0", "7.1")
    # 6.1 over 1.0 is 510%: the printed 500% is now a rounding matter too.
    assert codes(tmp_path, text) == ["13:IOM102", "14:IOM102", "16:IOM606"]


def test_iom601_cell_count(tmp_path: Path) -> None:
    text = SMALL.replace("cells: [-, 4.0]", "cells: [-, 4.0, 1.0]")
    assert codes(tmp_path, text) == ["11:IOM601"]


def test_iom602_unknown_marker(tmp_path: Path) -> None:
    assert codes(tmp_path, SMALL.replace("2.0*]", "2.0**]")) == ["10:IOM602"]


def test_iom603_unused_footnote(tmp_path: Path) -> None:
    text = SMALL.replace("2.0*]", "2.0]").replace("2021*]", "2021]")
    assert codes(tmp_path, text) == ["8:IOM603"]


def test_iom604_refund_sign(tmp_path: Path) -> None:
    assert codes(tmp_path, SMALL.replace("[-, 4.0]", "[-, -4.0]").replace("4.0}", "-4.0}")) == [
        "11:IOM604",
        "13:IOM101",
        "14:IOM101",
    ]
    refund = SMALL.replace("total: 4.0}", "total: 4.0, refund: true}")
    assert codes(tmp_path, refund) == ["11:IOM604"]


def test_iom605_growth_off_by_more_than_rounding(tmp_path: Path) -> None:
    assert codes(tmp_path, SMALL.replace("[~, 500]", "[~, 450]")) == ["16:IOM605"]
    assert codes(tmp_path, SMALL.replace("[~, 500]", "[500, ~]")) == ["16:IOM605"]


def test_iom606_growth_within_rounding_of_the_totals(tmp_path: Path) -> None:
    # 1.0 -> 6.0 is 500%, but 1.05 -> 5.95 is 467% and 0.95 -> 6.05 is 537%.
    assert codes(tmp_path, SMALL.replace("[~, 500]", "[~, 520]")) == ["16:IOM606"]


def test_bad_cell_text_names_its_line(tmp_path: Path) -> None:
    assert codes(tmp_path, SMALL.replace("2.0*]", "two]")) == ["10:IOM020"]


# -- table show -----------------------------------------------------------------------------


def test_figure_table_has_the_computed_row() -> None:
    table = check_file(str(ANNEX3), Run(AS_OF)).table
    assert table is not None
    view = figure_table(table)
    computed = view.lines[-1]
    assert computed.kind == "computed"
    assert [c.amount for c in computed.cells if c] == [
        Decimal(x) for x in ("14.88", "30.07", "28.53", "31.28", "38.80", "12.04", "1.12", "1.12")
    ]
    assert computed.total is not None and computed.total.amount == Decimal("157.84")
    denmark = next(line for line in view.lines if line.name == "Denmark")
    assert denmark.computed_total == Decimal("19.34")


def test_table_show_prints_figures_as_printed() -> None:
    result = run_cli("table", "show", str(ANNEX3), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("name,kind,2017,2018,")
    assert "Denmark,row,-,3.81,3.68,3.65,4.10,4.10*,,,19.35,19.34" in rows
    assert rows[-1] == "Computed,computed,14.88,30.07,28.53,31.28,38.80,12.04,1.12,1.12,157.84,"


def test_table_csv_in_danish_has_decimal_commas() -> None:
    result = run_cli("table", "show", str(ANNEX3), "--format", "csv", "--locale", "da")
    rows = result.stdout.splitlines()
    assert rows[0].startswith("name;kind;2017;2018;")
    assert "Denmark;row;-;3,81;3,68;3,65;4,10;4,10*;;;19,35;19,34" in rows


def test_table_show_writes_refunds_in_parentheses() -> None:
    result = run_cli("table", "show", str(ANNEX2), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "| Junior professional officer \N{EN DASH} for refund |  | (11,483) |" in result.stdout
    assert "17,394,700" in result.stdout


def test_table_show_refuses_a_strategy_file() -> None:
    result = run_cli("table", "show", str(ROOT / "data" / "strategy_2023_2026.yaml"))
    assert result.exit_code == 2
    assert "is a strategy file" in result.stderr


def test_budget_show_points_a_table_file_to_table_show() -> None:
    result = run_cli("budget", "show", str(ANNEX3))
    assert result.exit_code == 2
    assert (
        "not a strategy; `iomstrat budget show` reads strategies: show the table with "
        "`iomstrat table show" in result.stderr
    )


def test_table_show_on_a_broken_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "table.yaml"
    path.write_text(textwrap.dedent(SMALL).replace("2.0*]", "two]"), encoding="utf-8")
    broken = run_cli("table", "show", str(path))
    assert broken.exit_code == 1
    assert f"{path}:10:" in broken.stderr and "IOM020" in broken.stderr
    missing = run_cli("table", "show", str(tmp_path / "nothing.yaml"))
    assert missing.exit_code == 2
    assert "IOM001" in missing.stderr


def test_the_data_files_read_cleanly_as_yaml_1_2() -> None:
    """YAML 1.2 lets no plain scalar be a lone `-`, `?` or `:` (the editors' yaml-language-server
    reads `[-, 3.81]` as an error); the data files quote the printed dash, read the same."""
    import yaml

    bare = [
        f"{path.name}:{token.start_mark.line + 1}"
        for path in sorted([*(ROOT / "data").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")])
        for token in yaml.scan(path.read_text(encoding="utf-8"))
        if isinstance(token, yaml.ScalarToken) and token.plain and token.value in {"-", "?", ":"}
    ]
    assert bare == []
    for text in ("cells: [-, 1]", 'cells: ["-", 1]'):
        assert loader.load_bytes("t.yaml", text.encode(), STRATEGY_LIMITS).data == {
            "cells": ["-", 1]
        }


UNHEADED = textwrap.dedent("""\
    schema_version: 1
    table:
      title: Funding
      currency: USD
      unit: million
      printed_step: 1
      columns: [2021, ~]
    rows:
      - {name: A, cells: [1, 2], total: 3}
    column_totals:
      cells: [1, 3]
      total: 3
    """)
"""A table whose second column is printed without a heading, and whose second column total
is off by one (2 printed as 3, within the rounding of whole figures: IOM102)."""


def test_a_column_without_a_heading_is_numbered_in_the_readers_language(tmp_path: Path) -> None:
    from .conftest import run_cli

    path = tmp_path / "funding.yaml"
    path.write_text(UNHEADED, encoding="utf-8")
    english = run_cli("table", "show", str(path), "-f", "markdown")
    danish = run_cli("table", "show", str(path), "-f", "markdown", "--locale", "da")
    assert "| 2021 | column 2 |" in english.stdout
    assert "| 2021 | kolonne 2 |" in danish.stdout
    found = check_file(str(path), Run(dt.date(2024, 1, 1))).diagnostics
    column, grand = [d for d in found if d.code == "IOM102"]
    assert message_text(column).startswith("column 2 total: stated 3, computed 2 ")
    assert message_text(column, "da").startswith("kolonne 2 i alt: angivet 3, beregnet 2 ")
    assert "computed 4 (2021 1 + column 2 3)" in message_text(grand)
    assert "beregnet 4 (2021 1 + kolonne 2 3)" in message_text(grand, "da")


UNHEADED_GROWTH = textwrap.dedent("""\
    schema_version: 1
    table:
      title: Funding
      currency: USD
      unit: million
      printed_step: 1
      columns: [~, 2021, ~]
    rows:
      - {name: A, cells: [10, 20, 30], total: 60}
    column_totals:
      cells: [10, 20, 30]
      total: 60
    growth:
      percent: [5, 100, 40]
    """)
"""Growth printed under a first column without a heading (nothing to grow from), under a named
one (20 on 10: 100%, as printed) and under a third without a heading (30 on 20 is 50%, printed
40%: more than the rounding of whole totals explains: 29.5 on 20.5 to 30.5 on 19.5, 44% to 56%)."""


def test_growth_under_a_column_without_a_heading_reads_once_column(tmp_path: Path) -> None:
    path = tmp_path / "funding.yaml"
    path.write_text(UNHEADED_GROWTH, encoding="utf-8")
    first, third = check_file(str(path), Run(dt.date(2024, 1, 1))).diagnostics
    assert (first.code, third.code) == ("IOM605", "IOM605")
    assert message_text(first) == (
        "growth 5% under column 1 has no previous column total to grow from"
    )
    assert message_text(first, "da") == (
        "væksten 5 % under kolonne 1 har ingen foregående kolonnesum at vokse fra"
    )
    assert message_text(third) == (
        "growth in column 3: printed 40%, computed 50% from the column totals 20 -> 30 (rounds "
        "to 50%); more than the rounding of the printed totals explains (44% to 56%)"
    )
    assert message_text(third, "da") == (
        "vækst i kolonne 3: trykt 40 %, beregnet 50 % ud fra kolonnesummerne 20 -> 30 (afrundet "
        "50 %); mere end afrundingen af de trykte summer kan forklare (44 % til 56 %)"
    )
    named = UNHEADED_GROWTH.replace("[~, 2021, ~]", "[2020, 2021, 2022]")
    path.write_text(named, encoding="utf-8")
    first, third = check_file(str(path), Run(dt.date(2024, 1, 1))).diagnostics
    assert message_text(first, "da").startswith("væksten 5 % under kolonnen 2020 har ingen")
    assert message_text(third).startswith("growth in column 2022: printed 40%")
