"""The JSON Schema of a strategy file, generated from the pydantic models, for editors and CI."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from iomstrat.loader.embedded import SCHEMA_FILE as SCHEMA_FILE  # kept here too: tests import it
from iomstrat.model.strategy import Strategy

YEAR_KEY = "^[0-9]{4}$"


class StrategySchema(GenerateJsonSchema):
    """Pydantic's generator, except that year-keyed mappings (int keys in YAML, which a JSON
    view of the file turns into strings) admit four-digit keys only, and mappings with
    constrained keys admit no others."""

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


def strategy_schema() -> dict[str, Any]:
    generated = Strategy.model_json_schema(schema_generator=StrategySchema)
    return {
        "$schema": StrategySchema.schema_dialect,
        **{key: value for key, value in generated.items() if key != "title"},
        "title": "iomstrat organisation strategy file",
        "description": (
            "A multi-year donor organisation strategy: the organisation, the period, the budget "
            "lines by year with their Finance Act codes, the totals as printed, and the yearly "
            "parliamentary approvals. Amounts are numbers in the file's unit."
        ),
    }


def schema_text() -> str:
    return json.dumps(strategy_schema(), ensure_ascii=False, indent=2) + "\n"
