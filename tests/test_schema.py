"""`iomstrat schema`: the emitted JSON Schema describes every field, matches the committed copy,
and a real Draft 2020-12 validator accepts our data file and refuses broken ones."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from iomstrat.cli import app
from iomstrat.core.schema import SCHEMA_FILE
from iomstrat.model.table import is_table_data

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "strategy_2023_2026.yaml"


def emitted() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


def as_json(text: str) -> Any:
    """The YAML as an editor's JSON view sees it: int year keys become strings, dates text."""

    def default(value: object) -> str:
        assert isinstance(value, dt.date)
        return value.isoformat()

    return json.loads(json.dumps(yaml.safe_load(text), default=default))


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


def test_data_file_points_at_the_schema() -> None:
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/strategy.schema.json"
    assert (DATA.parent / "../schema/strategy.schema.json").resolve() == ROOT / SCHEMA_FILE


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


@pytest.mark.parametrize(
    "path",
    sorted(
        path
        for path in [*ROOT.glob("data/*.yaml"), *ROOT.glob("examples/*.yaml")]
        if not is_table_data(yaml.safe_load(path.read_text(encoding="utf-8")))  # annex tables
    ),
    ids=lambda p: p.name,
)
def test_our_data_files_validate(path: Path) -> None:
    assert errors(as_json(path.read_text(encoding="utf-8"))) == []


def test_money_is_a_number_and_years_are_four_digits() -> None:
    line = emitted()["$defs"]["BudgetLine"]["properties"]["amounts"]
    assert line["patternProperties"] == {"^[0-9]{4}$": {"type": "number"}}
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
      - {year: 2024, status: approved, decided_on: 2023-12-19}
    """)


def test_minimal_file_validates() -> None:
    assert errors(as_json(BASE)) == []


AMOUNTS = "{2024: 10, 2025: 10.5}"


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
