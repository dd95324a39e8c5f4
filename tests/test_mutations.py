"""Property: however the real data file is mutated, `validate` answers with 0, 1 or 2 and
well-formed findings, never a traceback; and a file it passes really adds up, recomputed here
from PyYAML's own reading of the text, not from iomstrat's."""

from __future__ import annotations

import copy
import datetime as dt
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.loader import documents as loader

from .conftest import real_text
from .test_hostile import FINDING, echoes

app = build()

REAL = real_text()
PLAIN = loader.load_text("plain", REAL).data
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- mutating the plain data, then writing it back as YAML ----------------------------------

Path_ = tuple[Any, ...]

ODD_VALUES = st.sampled_from(
    ["yes", "no", "NO", "on", "Off", "06.32", "1,000", "1_000", "2023", ".nan", "-.inf", "",
     "~", "48 million", "§06.32.10.14", "core", "planned", "<<"]
)  # fmt: skip
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True, places=3),
    st.decimals(min_value=-1000, max_value=1000, places=9),
    st.text(max_size=12),
    ODD_VALUES,
    st.dates(),
    st.lists(st.integers(0, 100), max_size=3),
    st.dictionaries(st.sampled_from([2023, 2024, 2027, "id", "amounts"]), st.integers(0, 99)),
)
NUDGES = st.sampled_from([1, -1, 2, Decimal("0.1"), Decimal("-0.5"), Decimal("0.001"), 100])


def node_paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    found: list[Path_] = []
    if isinstance(node, (dict, list)):
        for key, child in node.items() if isinstance(node, dict) else enumerate(node):
            found.append((*prefix, key))
            found += node_paths(child, (*prefix, key))
    return found


def parent_of(data: Any, path: Path_) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def nudge(value: Any, by: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, Decimal) and not value.is_finite():
        return -value if not value.is_nan() else Decimal(0)
    if isinstance(value, (int, Decimal)):
        return Decimal(value) + by if isinstance(by, Decimal) else value + by
    if isinstance(value, str):
        return value[:-1] if value and by == -1 else value + "x" if by == 1 else value.upper()
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, list):
        return list(reversed(value))
    return value


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(PLAIN)
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = parent_of(data, path), path[-1]
        operation = draw(st.sampled_from(["delete", "duplicate", "retype", "perturb", "rekey"]))
        if operation == "delete":
            del parent[key]
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif operation == "duplicate":
            siblings = [k for k in parent if k != key] or [f"{key}_copy"]
            parent[draw(st.sampled_from(siblings))] = copy.deepcopy(parent[key])
        elif operation == "retype":
            parent[key] = draw(VALUES)
        elif operation == "perturb":
            parent[key] = nudge(parent[key], draw(NUDGES))
        elif isinstance(parent, dict):  # rekey: a year one off, a name misspelt, a year as text
            new = draw(st.sampled_from([nudge(key, 1), nudge(key, -1), str(key)]))
            parent[new] = parent.pop(key)
    return data


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode()


# --- mutating the raw text -------------------------------------------------------------------

FRAGMENTS = st.one_of(
    st.sampled_from(
        ["\t", ": ", "- ", "#", "&a ", "*a", "!!python/object:os.system ", "!x ", "<<: ", "{",
         "}", "[", "]", '"', "'", "yes", "NO", "06.32", "1,000", ".nan", "1e400", "9" * 40,
         "\x00", "\ufeff", "é", "\\", "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n", ">-\n",
         "~", ",", "\r", "\n", "  ", "2023", "ammounts"]
    ),
    st.text(max_size=6),
)  # fmt: skip


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    lines = REAL.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "indent":
            lines[index] = draw(st.sampled_from([" ", "  ", "\t"])) + lines[index]
        else:
            at = draw(st.integers(0, len(lines[index])))
            cut = draw(st.integers(0, 3))
            lines[index] = lines[index][:at] + draw(FRAGMENTS) + lines[index][at + cut :]
        if not lines:
            break
    data = "".join(lines).encode()
    ending = draw(st.sampled_from(["plain", "bom", "crlf", "truncated", "byte"]))
    if ending == "bom":
        data = b"\xef\xbb\xbf" + data
    elif ending == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif ending == "truncated":
        data = data[: draw(st.integers(0, len(data)))]
    elif ending == "byte" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


# --- the property ----------------------------------------------------------------------------


class _TextLoader(yaml.SafeLoader):
    """PyYAML reading every plain scalar as text (merge keys still merge): the test's own,
    independent reading of the figures."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class-level registry


class _TextCLoader(yaml.CSafeLoader):
    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class-level registry


for _loader in (_TextLoader, _TextCLoader):
    _loader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


def read_independently(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_TextLoader)  # a SafeLoader, fewer resolvers
    except yaml.YAMLError:
        if "\t" not in text:
            raise
        # PyYAML's Python scanner refuses tabs that YAML allows as separators (`key:\t48`);
        # libyaml, which iomstrat uses, reads them as spaces.
        return yaml.load(text, Loader=_TextCLoader)


def absent(value: Any) -> bool:
    """An empty value, which this reading keeps as text."""
    return value is None or value in ("", "~", "null", "Null", "NULL")


def figure(value: Any) -> Decimal:
    return Decimal(str(value))


def assert_adds_up(data: bytes) -> None:
    """Every stated total and cover figure equals the sum of its lines, to the printed step."""
    text = (
        data.decode("utf-8-sig")
        if not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        else (data.decode("utf-16"))
    )
    doc = read_independently(text)
    budget = doc["budget"]
    period = doc["strategy"]["period"]
    years = range(int(period["start"]), int(period["end"]) + 1)
    half_step = figure(budget.get("printed_step", 1)) / 2
    lines = {
        line["id"]: {int(y): figure(v) for y, v in line["amounts"].items()}
        for line in budget["lines"]
    }

    def total(ids: list[str], year: int) -> Decimal:
        return sum((lines[i].get(year, Decimal(0)) for i in ids), Decimal(0))

    for stated in budget.get("totals", []):
        for year, value in stated["stated"].items():
            assert abs(figure(value) - total(stated["lines"], int(year))) <= half_step
    cover = doc.get("cover")
    for row in ({} if absent(cover) else cover).values():
        if absent(row):
            continue
        for year, value in row["by_year"].items():
            assert abs(figure(value) - total(list(lines), int(year))) <= half_step
        if not absent(row.get("total")):
            whole = sum((total(list(lines), y) for y in years), Decimal(0))
            assert abs(figure(row["total"]) - whole) <= half_step


def check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "strategy.yaml"
        path.write_bytes(data)
        result = CliRunner().invoke(
            app, ["validate", str(path), "--as-of", "2022-12-01"], catch_exceptions=False
        )
    assert result.exit_code in (0, 1, 2)
    event(f"exit {result.exit_code}")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    findings = [FINDING.match(line) for line in result.stdout.splitlines()]
    assert all(f is not None and f["file"] == str(path) for f in findings), result.stdout[:1000]
    assert not echoes(result.stdout, data.decode("utf-8", errors="replace"))
    severities = {f["severity"] for f in findings if f is not None}
    if result.exit_code == 0 and "skipped, no top-level strategy: or table: key" in output:
        # Every key that makes a file ours mutated away: another tool's YAML, not checked.
        assert not result.stdout
        doc = read_independently(data.decode("utf-8-sig", errors="replace"))
        assert isinstance(doc, dict) and not {"strategy", "table", "schema_version"} & set(doc)
    elif result.exit_code == 0:
        assert not severities & {"error", "fatal"}
        assert_adds_up(data)
    else:
        assert severities & {"error", "fatal"}
        assert (result.exit_code == 2) == ("fatal" in severities)


@SETTINGS
@given(mutated_data())
def test_mutated_data_never_crashes_and_passes_only_if_it_adds_up(data: Any) -> None:
    check(dump(data))


@SETTINGS
@given(mutated_text())
def test_mutated_text_never_crashes_and_passes_only_if_it_adds_up(data: bytes) -> None:
    check(data)


@pytest.mark.parametrize(
    ("old", "new"),
    [("stated: {2023: 98,", "stated: {2023: 99,"), ("    total: 400", "    total: 401")],
)
def test_the_recomputation_can_fail(old: str, new: str) -> None:
    """The independent check above is not vacuous: it rejects a total that is off by one."""
    with pytest.raises(AssertionError):
        assert_adds_up(REAL.replace(old, new).encode())
    assert_adds_up(REAL.encode())
