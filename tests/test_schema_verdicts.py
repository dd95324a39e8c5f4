"""The JSON Schema says what `validate` says of a file's single values and shape: the same
mutated files as tests/test_hostile.py and tests/test_mutations.py get the same verdict from
both. The schema reads the file as CI does (check-jsonschema's own YAML 1.2 reader: dates and
keys as text); `validate`'s verdict here is its findings of the codes a schema can express.
Where a JSON Schema cannot see what `validate` sees, the case is named with the reason."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from check_jsonschema.parsers import ParserSet
from hypothesis import event, given, settings

from iomstrat.core.pipeline import Run, check_bytes
from iomstrat.core.schema import file_schema
from iomstrat.loader import documents as loader
from iomstrat.loader.documents import YAML11_BOOLEANS

from .test_hostile import BAD, GOOD
from .test_mutations import SETTINGS, dump, mutated_data

SCHEMA_LEVEL = {
    "IOM005": "ambiguous scalars (YAML 1.1 booleans as text, dates where text is meant)",
    "IOM010": "numbers beyond every bound",
    "IOM011": "a top level that is not a mapping",
    "IOM020": "types, enumerations, patterns, lengths, bounds, a period in order",
    "IOM021": "unknown keys",
    "IOM022": "required keys",
    "IOM203": "a reduction needs its amount",
    "IOM301": "Finance Act codes §NN.NN.NN.NN",
    "IOM451": "a decision's Finance Act and date; no amount of an approval",
    "IOM303": "amounts not negative",
    "IOM604": "refund rows negative, other rows not",
}
"""Codes of what a schema can say. Left to validate (a JSON Schema compares no two values):
sums IOM101-IOM103, years against the period IOM201/IOM202/IOM302, a year's status against
its amounts IOM204, ids unique and references IOM304/IOM305/IOM4xx, the øre IOM306 (it
depends on the file's unit), table shapes and markers IOM601-IOM606 other than IOM604."""

READER_LEVEL = {"IOM001", "IOM002", "IOM003", "IOM004", "IOM006", "IOM007", "IOM008", "IOM009"}
"""Where iomstrat's reader refuses the bytes, the schema's reader reads them otherwise or not
at all (duplicate keys, tags, tabs); there is no schema verdict to compare."""

CANNOT_SAY = {
    "year-as-text": 'every key of a JSON view is text: `"2023": 48` looks like `2023: 48`',
    "thousands-underscore": "a YAML 1.2 reader has made 1_000 the number 1000 already",
    "nan": "NaN is no JSON value; Python's jsonschema lets it through every bound",
    "underflow": "the reader has rounded 1e-400 to 0 before the schema sees it",
}
TOO_BIG_TO_READ = {
    "billion-laughs", "file-of-50-MB", "200-000-values", "5000-digits",
    "nested-10000-flow-lists", "nested-10000-flow-mappings", "nested-10000-block-lists",
}  # fmt: skip
"""iomstrat stops at its limits (tests/test_hostile.py); a schema validator is not for these."""

VALIDATOR = jsonschema.Draft202012Validator(
    file_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
READ_YAML = ParserSet().get("file.yaml", "yaml")
RUN = Run(dt.date(2022, 12, 1))


def schema_errors(data: bytes) -> list[jsonschema.ValidationError] | None:
    """None when check-jsonschema's reader cannot read the bytes."""
    try:
        instance = READ_YAML(io.BytesIO(data))
    except Exception:  # whatever the reader raises: ruamel's errors, Python's int limit
        return None
    return list(VALIDATOR.iter_errors(instance))


def validate_codes(data: bytes) -> set[str]:
    return {d.code for d in check_bytes("strategy.yaml", data, RUN).errors}


def verdicts(data: bytes) -> tuple[bool, bool] | None:
    """(schema accepts, validate accepts at schema level); None if there is none to compare."""
    errors = schema_errors(data)
    codes = validate_codes(data)
    if errors is None or codes & READER_LEVEL:
        return None
    return not errors, not codes & set(SCHEMA_LEVEL)


@pytest.mark.parametrize(
    ("case", "build"),
    [pytest.param(p.id, p.values[0], id=p.id) for p in BAD + GOOD if p.id not in TOO_BIG_TO_READ],
)
def test_hostile_files_get_the_same_verdict(case: str, build: Any) -> None:
    found = verdicts(build())
    if found is None:
        return
    schema_ok, validate_ok = found
    if case in CANNOT_SAY:
        assert schema_ok != validate_ok, f"{case} is listed as a difference but is none"
        assert schema_ok  # the schema is the one that cannot see it
        return
    assert schema_ok == validate_ok


def ambiguous(value: Any) -> bool:
    return isinstance(value, str) and (value in YAML11_BOOLEANS or loader._DATE.fullmatch(value))


def without_invisible(node: Any) -> Any:
    """The data with what a JSON view cannot show made plain: year keys written as text become
    numbers, NaN becomes 0."""
    if isinstance(node, dict):
        return {
            int(k) if isinstance(k, str) and k.isdigit() else k: without_invisible(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [without_invisible(child) for child in node]
    if isinstance(node, Decimal) and node.is_nan():
        return Decimal(0)
    return node


def explained(data: Any, errors: list[jsonschema.ValidationError], validate_ok: bool) -> str:
    """Why a mutated file may get another verdict from the schema: only what a JSON Schema
    cannot see. Empty if nothing explains it."""
    if not validate_ok and not errors:
        plain = without_invisible(data)
        if plain != data and verdicts(dump(plain)) in ((True, True), (False, False), None):
            return "a year key written as text, or NaN"
    if validate_ok and all(
        ambiguous(e.instance)
        or any(ambiguous(c.instance) for c in e.context or ())
        or (e.validator == "propertyNames" and any(map(ambiguous, e.instance)))
        for e in errors
    ):
        # The dumper quotes `no` and dates it writes as text: iomstrat reads text then.
        return "ambiguous text, quoted"
    return ""


@pytest.mark.filterwarnings("ignore::ruamel.yaml.error.MantissaNoDotYAML1_1Warning")
@settings(SETTINGS, max_examples=60)  # each example runs validate and the schema
@given(mutated_data())
def test_mutated_files_get_the_same_verdict(data: Any) -> None:
    text = dump(data)
    errors = schema_errors(text)
    codes = validate_codes(text)
    if errors is None or codes & READER_LEVEL:
        event("no schema verdict")
        return
    schema_ok, validate_ok = not errors, not codes & set(SCHEMA_LEVEL)
    event(f"schema {'accepts' if schema_ok else 'refuses'}")
    if schema_ok != validate_ok:
        reason = explained(data, errors, validate_ok)
        event(f"differs: {reason}")
        assert reason, (sorted(codes), [e.message for e in errors][:3])


def test_a_weaker_schema_would_be_caught() -> None:
    """The comparison is not vacuous: without the sign rule, a negative amount differs."""
    negative = next(p for p in BAD if p.id == "negative").values[0]()
    assert verdicts(negative) == (False, False)
    instance = READ_YAML(io.BytesIO(negative))
    weak = file_schema()
    weak["$defs"]["BudgetLine"]["properties"]["amounts"]["patternProperties"]["^[0-9]{4}$"].pop(
        "minimum"
    )
    assert jsonschema.Draft202012Validator(weak).is_valid(instance)
