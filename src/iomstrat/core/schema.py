"""The JSON Schema of both file kinds, a strategy or a table (told by the top-level key), for
editors and CI: generated from the pydantic models, then tightened with what `validate` refuses
of single values (negative amounts, Finance Act codes without §, a reduction without an amount,
YAML 1.1 booleans). What a JSON Schema cannot say (sums, years against the period, references
between parts) is left to `validate`; docs/DESIGN.md lists it."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import textwrap
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema

from iomstrat.loader.documents import YAML11_BOOLEANS
from iomstrat.loader.embedded import SCHEMA_FILE as SCHEMA_FILE  # kept here too: tests import it
from iomstrat.model.base import MAX_AMOUNT
from iomstrat.model.statements import NEEDS as STATEMENT_NEEDS
from iomstrat.model.strategy import FINANCE_ACT_PATTERN, Strategy
from iomstrat.model.table import Table

SCHEMA_ID = "urn:iomstrat:schema:file:1"
"""The schema's `$id`: a name, not an address (the schema travels with the files, see
SCHEMA_FILE); its last part is the file format's `schema_version`."""
YEAR_KEY = "^[0-9]{4}$"
FINANCE_ACT_CODE = "^" + FINANCE_ACT_PATTERN.pattern.replace(r"\d", "[0-9]") + "$"
AMBIGUOUS = {"$ref": "#/$defs/AmbiguousText"}
DATE_TEXT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""An unquoted date: the loader reads a date (refused where text is meant), YAML 1.2 text."""

NON_NEGATIVE = (
    ("BudgetLine", "amounts"),
    ("StatedTotal", "stated"),
    ("CoverRow", "by_year"),
    ("CoverRow", "total"),
    ("Approval", "amount"),
    ("Approval", "lines"),
)
"""The amounts IOM303 refuses below zero (checks/budget_lines.py); payments may be negative."""


class FileSchema(GenerateJsonSchema):
    """Pydantic's generator, except that year-keyed mappings (int keys in YAML, which a JSON
    view of the file turns into strings) admit four-digit keys only, mappings with constrained
    keys admit no others, and a Decimal default is the number it is."""

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        generated = super().dict_schema(schema)
        keys = schema.get("keys_schema")
        if keys is not None and keys.get("type") == "int":
            values = generated.pop("additionalProperties", {})
            generated.pop("propertyNames", None)
            generated["patternProperties"] = {YEAR_KEY: values}
            generated["additionalProperties"] = False
        elif "patternProperties" in generated:
            # Keys of a constrained type (ids): pydantic refuses the others, and so do we.
            generated.setdefault("additionalProperties", False)
        return generated

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        generated = super().model_schema(schema)
        properties = generated.get("properties", {})
        for name, text in field_descriptions(schema["cls"]).items():
            if name in properties:
                properties[name]["description"] = text
        return generated

    def encode_default(self, dft: Any) -> Any:
        if isinstance(dft, Decimal):
            return int(dft) if dft == dft.to_integral_value() else float(dft)
        return super().encode_default(dft)


def field_descriptions(model: type) -> dict[str, str]:
    """The docstring under each field of a model class (`name: T` then `\"\"\"What it is.\"\"\"`),
    read from its source: what a field means costs nothing when a file is validated, only when
    the schema is written (a `Field(description=...)` cost 6 ms of every start-up)."""
    try:
        source = inspect.getsource(model)
    except (OSError, TypeError):  # installed without its sources: a schema without them
        return {}
    tree = ast.parse(textwrap.dedent(source))
    found: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.target.id] = " ".join(after.value.value.split())
    return found


def _subschemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside `node`, itself first (not into `$defs` of another)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value)


def _tighten(defs: dict[str, Any]) -> None:
    """What `validate` refuses of a single value, said in the schema."""
    for name, field in (("StrategyInfo", "finance_act_code"), ("BudgetLine", "finance_act_code")):
        defs[name]["properties"][field]["pattern"] = FINANCE_ACT_CODE  # IOM301
    for name, field in NON_NEGATIVE:  # IOM303
        for node in _subschemas(defs[name]["properties"][field]):
            if node.get("type") == "number":
                node["minimum"] = 0
    defs["Approval"]["allOf"] = [  # IOM203
        {
            "if": {"properties": {"status": {"const": "reduced"}}, "required": ["status"]},
            "then": {"required": ["amount"], "properties": {"amount": {"type": "number"}}},
        },
        {  # IOM451: a decision has its Finance Act and date
            "if": {
                "properties": {"status": {"enum": ["approved", "reduced", "withheld"]}},
                "required": ["status"],
            },
            "then": {
                "required": ["finance_act", "decided_on"],
                "properties": {
                    "finance_act": {"not": {"type": "null"}},
                    "decided_on": {"not": {"type": "null"}},
                },
            },
        },
        {  # IOM451: a planned year records no decision
            "if": {"properties": {"status": {"const": "planned"}}, "required": ["status"]},
            "then": {
                "properties": {
                    key: {"type": "null"}
                    for key in ("finance_act", "decided_on", "amount", "lines")
                }
            },
        },
    ]
    defs["Period"]["allOf"] = _in_order(defs["Period"]["properties"]["start"])  # IOM020
    defs["Statement"]["allOf"] = [  # IOM020: what each kind of statement must give
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {
                "required": list(needs),
                "properties": {name: {"not": {"enum": [None, []]}} for name in needs},
            },
        }
        for kind, needs in STATEMENT_NEEDS.items()
    ]
    given = {"not": {"type": "null"}}
    defs["Target"]["allOf"] = [  # IOM020: one thing a statement speaks of
        {
            "oneOf": [
                {"required": [name], "properties": {name: given}}
                for name in ("table", "line", "total", "part")
            ]
        },
        {  # a table's year is its column; row, column and top belong to a table
            "if": {"required": ["table"], "properties": {"table": given}},
            "then": {"properties": {"year": {"type": "null"}}},
            "else": {"properties": {name: {"type": "null"} for name in ("row", "column", "top")}},
        },
    ]
    defs["Budget"]["properties"]["printed_step"]["exclusiveMinimum"] = 0
    # The models' own "give exactly one of" rules.
    defs["Tranche"]["allOf"] = [
        _one_of(("quarter", "integer"), ("date", "string")),
        _one_of(("share", "number"), ("amount", "number")),
    ]
    defs["AllocationItem"]["allOf"] = [_one_of(("country", "string"), ("region", "string"))]
    defs["TableRow"]["allOf"] = [_refund_signs()]  # IOM604
    for node in _subschemas(defs):
        if node.get("type") == "number":  # `_money`: implausibly large
            node.setdefault("exclusiveMaximum", int(MAX_AMOUNT))
            if "minimum" not in node and "exclusiveMinimum" not in node:
                node["exclusiveMinimum"] = -int(MAX_AMOUNT)
        elif node.get("type") == "string" and _may_be_ambiguous(node):
            node["not"] = AMBIGUOUS  # IOM005, or a date where text is meant
        elif node.get("type") == "object" and "properties" not in node:
            keys = node.get("patternProperties", {})
            if not keys or any(_may_be_ambiguous({"pattern": p}) for p in keys):
                node["propertyNames"] = {"not": AMBIGUOUS}  # keys of any names
    defs["AmbiguousText"] = {
        "description": (
            "Text that iomstrat reads as something else when it is not quoted: words YAML 1.1 "
            "readers take for true/false (refused, IOM005) and dates (refused where text is "
            "meant, IOM020). A YAML 1.2 reader gives this schema text either way, so the "
            "schema refuses them even quoted."
        ),
        "anyOf": [{"enum": sorted(YAML11_BOOLEANS)}, {"type": "string", "pattern": DATE_TEXT}],
    }


def _in_order(year: dict[str, Any]) -> list[dict[str, Any]]:
    """A period that ends before it starts, refused: a JSON Schema compares no two values, so
    each possible start year says its end's least value (the model's 1900-2200)."""
    first, last = year["minimum"], year["maximum"]
    return [
        {
            "if": {"properties": {"start": {"const": y}}},
            "then": {"properties": {"end": {"minimum": y}}},
        }
        for y in range(first + 1, last + 1)
    ]


def _one_of(*fields: tuple[str, str]) -> dict[str, Any]:
    """Exactly one of the fields, given and not empty (~)."""
    return {
        "oneOf": [
            {"required": [name], "properties": {name: {"type": kind}}} for name, kind in fields
        ]
    }


def _may_be_ambiguous(node: dict[str, Any]) -> bool:
    """Whether a string schema admits ambiguous text (`NO` as an acronym, a date as a name)."""
    if {"enum", "const", "format"} & set(node):
        return False
    pattern = node.get("pattern")
    samples = [*YAML11_BOOLEANS, "2023-12-19"]
    return pattern is None or any(re.search(pattern, word) for word in samples)


def _referenced(schema: dict[str, Any]) -> set[str]:
    """Names of the `$defs` reachable from the schema's top."""
    seen: set[str] = set()
    todo = [schema]
    while todo:
        for node in _subschemas({k: v for k, v in todo.pop().items() if k != "$defs"}):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in seen:
                    seen.add(name)
                    todo.append(schema["$defs"][name])
    return seen


def _refund_signs() -> dict[str, Any]:
    """A refund row's figures are zero or negative, any other row's zero or positive."""

    def cells(number: dict[str, Any], marked: str) -> dict[str, Any]:
        figure = [
            {"type": "number", **number},
            {"const": "-"},
            {"type": "string", "pattern": marked},
        ]
        return {"properties": {"cells": {"items": {"anyOf": [*figure, {"type": "null"}]}}}}

    zero = r"0+(\.0+)?"
    number = r"[0-9]+(\.[0-9]+)?"
    return {
        "if": {"properties": {"refund": {"const": True}}, "required": ["refund"]},
        "then": cells({"maximum": 0}, rf"^\s*(-{number}|{zero})\*+\s*$"),
        "else": cells({"minimum": 0}, rf"^\s*(-{zero}|{number})\*+\s*$"),
    }


def file_schema() -> dict[str, Any]:
    _, generated = models_json_schema(
        [(Strategy, "validation"), (Table, "validation")], schema_generator=FileSchema
    )
    defs: dict[str, Any] = generated["$defs"]
    _tighten(defs)
    defs["Strategy"]["description"] = "An organisation strategy file (top-level `strategy:`)."
    defs["Table"]["description"] = "A table file, e.g. an annex (top-level `table:`)."
    schema: dict[str, Any] = {
        "$schema": FileSchema.schema_dialect,
        "$id": SCHEMA_ID,
        "title": "iomstrat strategy or table file",
        "description": (
            "A multi-year donor organisation strategy (top-level `strategy:`): the organisation, "
            "the period, the budget lines by year with their Finance Act codes, the totals as "
            "printed, and the yearly parliamentary approvals; or a table of the document, such "
            "as an annex (top-level `table:`). Amounts are numbers in the file's unit. Sums, "
            "years against the period and references between parts are checked by "
            "`iomstrat validate`, not here."
        ),
        "type": "object",
        "if": {"required": ["table"], "not": {"required": ["strategy"]}},
        "then": {"$ref": "#/$defs/Table"},
        "else": {"$ref": "#/$defs/Strategy"},
        "$defs": dict(sorted(defs.items())),
    }
    used = _referenced(schema)  # pydantic also describes the dataclass a cell becomes
    schema["$defs"] = {name: value for name, value in schema["$defs"].items() if name in used}
    return schema


def schema_text() -> str:
    return json.dumps(file_schema(), ensure_ascii=False, indent=2) + "\n"
