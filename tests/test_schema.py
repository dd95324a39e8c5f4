"""`iomstrat schema`: the emitted JSON Schema describes every field of both file kinds, matches
the committed copy, and a real Draft 2020-12 validator accepts our data files and refuses broken
ones (tests/test_schema_verdicts.py compares it with `validate` on many more)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from check_jsonschema.parsers import ParserSet
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.core.schema import SCHEMA_FILE
from iomstrat.model.table import is_table_data

app = build()

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "strategy_2023_2026.yaml"
READ_YAML = ParserSet().get("file.yaml", "yaml")
OUR_FILES = sorted([*ROOT.glob("data/*.yaml"), *ROOT.glob("examples/*.yaml")])


def emitted() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


def as_json(text: str) -> Any:
    """The YAML as CI and editors see it: check-jsonschema's own reader (YAML 1.2; dates and
    keys as text, so `NO` is text and `2023: 48` is keyed "2023")."""
    return READ_YAML(io.BytesIO(text.encode("utf-8")))


def errors(instance: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        emitted(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return sorted(
        "/".join(map(str, e.absolute_path)) + ": " + e.message
        for e in validator.iter_errors(instance)
    )


def test_committed_schema_is_the_emitted_one() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["schema"])
    assert committed == result.stdout, f"run: iomstrat schema --output {SCHEMA_FILE}"


@pytest.mark.parametrize("path", OUR_FILES, ids=lambda p: p.name)
def test_data_files_point_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/strategy.schema.json"
    assert (path.parent / "../schema/strategy.schema.json").resolve() == ROOT / SCHEMA_FILE


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = emitted()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_has_a_description() -> None:
    schema = emitted()
    objects = [schema, *schema["$defs"].values()]
    missing = [
        f"{obj.get('title')}.{name}"
        for obj in objects
        for name, field in obj.get("properties", {}).items()
        if not field.get("description")
    ]
    assert missing == []
    assert len([n for obj in objects for n in obj.get("properties", {})]) > 50


@pytest.mark.parametrize("path", OUR_FILES, ids=lambda p: p.name)
def test_our_data_files_validate(path: Path) -> None:
    assert errors(as_json(path.read_text(encoding="utf-8"))) == []


def test_check_jsonschema_accepts_every_data_and_example_file() -> None:
    """As CI runs it (.ci/run), tables and strategies alike, by their top-level key."""
    assert any(is_table_data(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in OUR_FILES)
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(ROOT / SCHEMA_FILE)]
        + [str(p) for p in OUR_FILES],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_one_schema_for_both_kinds_told_by_the_top_level_key() -> None:
    schema = emitted()
    assert schema["$id"] == "urn:iomstrat:schema:file:1"
    assert schema["if"] == {"required": ["table"], "not": {"required": ["strategy"]}}
    assert (schema["then"], schema["else"]) == (
        {"$ref": "#/$defs/Table"},
        {"$ref": "#/$defs/Strategy"},
    )
    table = as_json(TABLE)
    assert errors(table) == []
    table["rows"][0]["cells"][0] = "4.10"  # a figure as text, without its marker
    assert set(errors(table)) == {
        "rows/0/cells/0: '4.10' is not valid under any of the given schemas"
    }


def test_printed_step_defaults_to_a_number() -> None:
    step = emitted()["$defs"]["Budget"]["properties"]["printed_step"]
    assert step["default"] == 1 and step["exclusiveMinimum"] == 0


def test_money_is_a_number_and_years_are_four_digits() -> None:
    line = emitted()["$defs"]["BudgetLine"]["properties"]["amounts"]
    amount = {"type": "number", "minimum": 0, "exclusiveMaximum": 10**15}
    assert line["patternProperties"] == {"^[0-9]{4}$": amount}
    assert line["additionalProperties"] is False


BASE = textwrap.dedent("""\
    schema_version: 1
    strategy:
      title: Strategy for X
      organisation: {name: Example Organisation}
      period: {start: 2024, end: 2025}
      currency: DKK
      unit: million
      finance_act_code: "§06.32.10.14"
    budget:
      title: Contributions
      lines:
        - id: core
          name: Core funding
          kind: core
          finance_act_code: "§06.32.10.14"
          amounts: {2024: 10, 2025: 10.5}
    approvals:
      - {year: 2024, status: approved, finance_act: Finance Act 2024, decided_on: 2023-12-19}
    """)


def test_minimal_file_validates() -> None:
    assert errors(as_json(BASE)) == []


AMOUNTS = "{2024: 10, 2025: 10.5}"


TABLE = textwrap.dedent("""\
    schema_version: 1
    table:
      title: Funding 2021
      currency: USD
      unit: units
      printed_step: 1
      columns: [~, "2021*"]
      markers: {"*": estimate}
    rows:
      - {name: Core, cells: ["4.10*", 3]}
      - {name: Returned, cells: [-21, "-"], refund: true}
    """)


@pytest.mark.parametrize(
    ("was", "now", "expected"),
    [
        ("{2024: 10,", "{2024: -10,",
         "budget/lines/0/amounts/2024: -10 is less than the minimum of 0"),
        ('code: "§06.32.10.14"\nbudget', 'code: "§6.32.10.14"\nbudget',
         "strategy/finance_act_code: '§6.32.10.14' does not match"),
        ("status: approved, finance_act", "status: reduced, finance_act",
         "approvals/0: 'amount' is a required property"),
        ("name: Example Organisation", "name: Example Organisation, acronym: NO",
         "strategy/organisation/acronym: 'NO' is not valid under any"),
        ("name: Core funding", "name: 2024-01-01",
         "budget/lines/0/name: '2024-01-01' should not be"),
        ("title: Contributions", "title: Contributions\n  printed_step: 0",
         "budget/printed_step: 0 is less than or equal to the minimum of 0"),
        ("{2024: 10,", "{2024: 1000000000000000,",
         "budget/lines/0/amounts/2024: 1000000000000000 is"),
    ],
)  # fmt: skip
def test_what_validate_refuses_of_single_values(was: str, now: str, expected: str) -> None:
    """Refused at schema level by validate too: IOM303, IOM301, IOM203, IOM005, IOM020."""
    text = BASE.replace(was, now)
    assert text != BASE
    found = errors(as_json(text))
    assert [e for e in found if e.startswith(expected)], found


@pytest.mark.parametrize(
    ("was", "now", "expected"),
    [
        ("-21", "21", "rows/1/cells/0: 21 is not valid under any of the given schemas"),
        ('cells: ["4.10*", 3]', 'cells: ["4.10*", -3]', "rows/0/cells/1: -3 is not valid"),
    ],
)
def test_refunds_are_negative_and_only_refunds(was: str, now: str, expected: str) -> None:
    """IOM604, as validate says it of a table file."""
    text = TABLE.replace(was, now)
    assert text != TABLE
    found = errors(as_json(text))
    assert found and all(e.startswith(expected) for e in found), found


def test_quoted_ambiguous_text_is_the_one_known_stricter_case() -> None:
    """`acronym: "NO"` quoted is text to validate; a JSON view cannot tell quotes, so the schema
    refuses it (tests/test_schema_verdicts.py lists what the schema cannot see)."""
    text = BASE.replace("name: Example Organisation", 'name: Example Organisation, acronym: "NO"')
    assert errors(as_json(text)) != []


@pytest.mark.parametrize(
    ("was", "now", "expected"),
    [
        (AMOUNTS, "{2024: '10', 2025: 10.5}", "budget/lines/0/amounts/2024: '10' is not of type"),
        (AMOUNTS, "{2024: 10, 24: 10.5}", "budget/lines/0/amounts: '24' does not match any"),
        ("kind: core", "kind: Core", "budget/lines/0/kind: 'Core' does not match"),
        ("currency: DKK", "curency: DKK", "strategy: Additional properties are not allowed"),
        ("status: approved", "status: aproved", "approvals/0/status: 'aproved' is not one of"),
        ("schema_version: 1", "schema_version: 2", "schema_version: 1 was expected"),
        ("on: 2023-12-19", "on: '2023-19-12'", "approvals/0/decided_on: '2023-19-12' is not valid"),
    ],
)
def test_broken_files_are_refused(was: str, now: str, expected: str) -> None:
    text = BASE.replace(was, now)
    assert text != BASE
    found = errors(as_json(text))
    assert [e for e in found if e.startswith(expected)], found


APPROVED = """  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
"""
PLANNED = """  - year: 2023
    status: planned
"""


@pytest.mark.parametrize(
    ("case", "old", "new", "code"),
    [
        ("approved without a decision date", "", "    decided_on: 2023-03-15\n", "IOM451"),
        ("approved without a Finance Act", "", "    finance_act: Finance Act 2023\n", "IOM451"),
        (
            "planned with an amount",
            "  - year: 2024\n    status: planned\n",
            "  - year: 2024\n    status: planned\n    amount: 100\n",
            "IOM451",
        ),
        ("a period that ends before it starts", "end: 2026", "end: 2022", "IOM020"),
    ],
)
def test_the_schema_refuses_what_validate_refuses(
    tmp_path: Path, case: str, old: str, new: str, code: str
) -> None:
    """The four cases `validate` refused and the schema let through (issue 27)."""
    text = DATA.read_text(encoding="utf-8")
    text = text.replace("  - year: 2023\n    status: planned\n", APPROVED, 1)
    assert as_json(text) and not errors(as_json(text))  # the approval as it should be
    edited = text.replace(new, old, 1) if old == "" else text.replace(old, new, 1)
    assert edited != text, case
    assert errors(as_json(edited)), case
    path = tmp_path / "strategy.yaml"
    path.write_text(edited, encoding="utf-8")
    checked = run_cli_codes(path)
    assert code in checked, (case, checked)


def run_cli_codes(path: Path) -> set[str]:
    result = CliRunner().invoke(app, ["validate", str(path), "-f", "json"], catch_exceptions=False)
    return {item["code"] for item in json.loads(result.stdout) if item["severity"] == "error"}
