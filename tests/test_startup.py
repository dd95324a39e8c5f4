"""What each command loads: `--version` and `--help` need no pydantic, YAML or babel, and
`validate` needs neither babel nor rich. Start-up time itself is measured in bench/, not here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[1] / "examples" / "illustrative_2023.yaml"

WATCHED = (
    "pydantic",
    "yaml",
    "babel",
    "rich",
    "iomstrat.model.strategy",
    "iomstrat.loader.documents",
    "iomstrat.model.table",
    "json",
    "logging",
    "pandas",
    "currency_converter",
    "iomstrat.places",
)

# Plain Python only (no json): the probe must not load what it watches for.
PROBE = """
import contextlib, io, sys
watched = sys.argv[1].split(",")
sys.argv = ["iomstrat", *sys.argv[2:]]
before = set(sys.modules)
from iomstrat.cli import main
out = io.StringIO()
code = None
try:
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main()
except SystemExit as stop:
    code = stop.code
loaded = [name for name in watched if name in sys.modules and name not in before]
sys.stdout.write(repr((code, loaded, out.getvalue())))
"""


def loaded_by(*args: str) -> tuple[int, set[str], str]:
    """Modules among WATCHED that running `iomstrat ARGS` imports, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(WATCHED), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    code, loaded, out = ast.literal_eval(done.stdout)
    loaded = set(loaded)
    if "pydantic" in loaded:  # what pydantic itself imports varies with its version
        loaded -= BROUGHT_BY_PYDANTIC
    return code, loaded, out


def _brought_by_pydantic() -> set[str]:
    probe = (
        "import sys; before = set(sys.modules); from pydantic import BaseModel; "
        f"print(','.join(n for n in {WATCHED!r} if n in sys.modules and n not in before))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.strip().split(",")) - {"pydantic", ""}


BROUGHT_BY_PYDANTIC = _brought_by_pydantic()


def test_version_loads_nothing_heavy() -> None:
    code, loaded, out = loaded_by("--version")
    assert (code, out) == (0, "iomstrat 0.1.0\n")
    assert loaded == set()


def test_help_loads_nothing_heavy() -> None:
    code, loaded, out = loaded_by("--help")
    assert code == 0
    assert "Usage:" in out
    assert loaded == set()


@pytest.mark.parametrize("args", [["validate", "--help"], ["budget", "show", "--help"]])
def test_command_help_loads_no_core(args: list[str]) -> None:
    # typer (0.29) coerces a command's options with pydantic before it prints the help.
    code, loaded, out = loaded_by(*args)
    assert code == 0
    assert "Usage:" in out
    assert loaded <= {"pydantic"}


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_loads_neither_babel_nor_rich(fmt: str) -> None:
    code, loaded, _ = loaded_by("validate", "--format", fmt, "--as-of", "2022-06-01")
    assert code == 0
    assert {"pydantic", "yaml", "iomstrat.model.strategy", "iomstrat.loader.documents"} <= loaded
    assert not loaded & {"babel", "rich", "logging", "pandas"}
    # the default strategy names its annex tables (issue 28): it reads them as tables
    assert "iomstrat.model.table" in loaded
    assert "currency_converter" not in loaded  # the default file has no foreign payments
    assert ("json" in loaded) == (fmt == "json")


def test_validate_places_allocations_without_babel_or_pandas() -> None:
    # The example's allocations name countries and regions; the places table is plain CSV.
    _, loaded, _ = loaded_by("validate", str(EXAMPLE), "--as-of", "2024-06-01")
    assert "iomstrat.places" in loaded
    assert not loaded & {"babel", "pandas"}
    assert (
        "iomstrat.model.table" not in loaded
    )  # a strategy naming no tables builds no table models


def test_budget_table_loads_rich_and_babel_for_danish_only() -> None:
    # English figures and dates are Python's own (tests/test_words.py compares them with babel's)
    code, loaded, out = loaded_by("budget", "show", "--format", "table")
    assert code == 0
    assert "Core funding" in out
    assert "rich" in loaded and "babel" not in loaded
    code, loaded, out = loaded_by("budget", "show", "--format", "table", "--locale", "da")
    assert code == 0
    assert "Kernebidrag" in out or "Core funding" in out
    assert {"babel", "rich"} <= loaded


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "--help"],
        ["init", "--help"],
        ["schema", "--help"],
        ["disbursement", "--help"],
        ["report", "--help"],
        ["export", "iati", "--help"],
        ["table", "show", "--help"],
    ],
)
def test_other_commands_help_loads_no_core(args: list[str]) -> None:
    code, loaded, out = loaded_by(*args)
    assert code == 0
    assert "Usage:" in out
    assert loaded <= {"pydantic"}


def test_validate_compiles_no_tokenize_patterns() -> None:
    # `Field(default_factory=list)` makes pydantic inspect the builtin's signature, which
    # compiles tokenize's regular expressions: 6 ms of every start-up. Models use default=[].
    probe = (
        "import contextlib, io, sys, tokenize\n"
        "sys.argv = ['iomstrat', 'validate']\n"
        "from iomstrat.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "print(tokenize._compile.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
