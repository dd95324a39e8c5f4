"""What the benchmark runs: iomstrat's commands and the reference tools, found on this machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.generate import AS_OF, LINE_COUNTS, MAX_YAML_SIZE, Portfolio, label
from bench.measure import Case
from iomstrat.loader.embedded import default_strategy_path

FLOOR_CODE = "import typer, pydantic, yaml\nclass M(pydantic.BaseModel):\n    a: int\n"
"""The floor of iomstrat's own stack: its libraries imported and one pydantic model built."""
FLOOR_LEDGER = Path(__file__).resolve().parent / "floor_ledger.py"
"""The floor of a CSV ledger: stdlib csv + Decimal sums per line and year (issue 14)."""


@dataclass(frozen=True)
class Tools:
    """Commands found on this machine; None where a tool or feature is not available."""

    iomstrat: tuple[str, ...]
    check_jsonschema: str | None
    hledger: str | None
    ledger: str | None  # ledger-cli, reading the same journal
    disbursement_ledger: bool  # `iomstrat disbursement --ledger FILE`
    validate_ledger: bool  # `iomstrat validate --ledger FILE`
    strategy_ledgers: bool  # the strategy key `ledgers: [files]`


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _help(iomstrat: tuple[str, ...], *command: str) -> str:
    done = subprocess.run(
        [*iomstrat, *command, "--help"], capture_output=True, text=True, check=False
    )
    return done.stdout if done.returncode == 0 else ""


def find_tools() -> Tools:
    script = _tool("iomstrat")
    iomstrat = (script,) if script else (sys.executable, "-m", "iomstrat")
    try:
        from iomstrat.model.strategy import Strategy

        strategy_ledgers = "ledgers" in Strategy.model_fields
    except ImportError:  # pragma: no cover - the model is part of iomstrat
        strategy_ledgers = False
    return Tools(
        iomstrat=iomstrat,
        check_jsonschema=_tool("check-jsonschema"),
        hledger=shutil.which("hledger"),
        ledger=shutil.which("ledger"),
        disbursement_ledger="--ledger" in _help(iomstrat, "disbursement"),
        validate_ledger="--ledger" in _help(iomstrat, "validate"),
        strategy_ledgers=strategy_ledgers,
    )


def startup_cases(tools: Tools, portfolio: Portfolio) -> list[Case]:
    default = default_strategy_path()
    cases = [
        Case("floor: import typer, pydantic, yaml", (sys.executable, "-c", FLOOR_CODE), "startup"),
        Case("iomstrat --version", (*tools.iomstrat, "--version"), "startup"),
        Case("iomstrat validate (default file)", (*tools.iomstrat, "validate"), "startup"),
        Case(
            "iomstrat validate --format json (default file)",
            (*tools.iomstrat, "validate", "--format", "json"),
            "startup",
        ),
        Case(
            f"iomstrat validate ({len(list(portfolio.strategies.iterdir()))} strategies)",
            (*tools.iomstrat, "validate", str(portfolio.strategies)),
            "startup",
        ),
    ]
    if tools.check_jsonschema:
        cases.append(
            Case(
                "check-jsonschema (default file)",
                (tools.check_jsonschema, "--schemafile", str(portfolio.schema), default),
                "startup",
            )
        )
    return cases


def ledger_cases(tools: Tools, portfolio: Portfolio, size: int) -> tuple[list[Case], list[str]]:
    """The cases for one ledger size, and a line for each case that cannot run here."""
    cases: list[Case] = []
    skipped: list[str] = []
    strategy = str(portfolio.strategy)
    for kind in ("csv", "yaml"):
        if kind == "yaml" and size > MAX_YAML_SIZE:
            continue
        ledger = str(portfolio.csv(size) if kind == "csv" else portfolio.yaml(size))
        name = f"{kind.upper()} {label(size)}"
        if tools.validate_ledger:
            argv: tuple[str, ...] | None = (
                *tools.iomstrat,
                "validate",
                strategy,
                "--ledger",
                ledger,
                "--as-of",
                AS_OF,
            )
        elif tools.strategy_ledgers:
            linked = str(portfolio.linked_strategy(size, kind))
            argv = (*tools.iomstrat, "validate", linked, "--as-of", AS_OF)
        else:
            argv = None
        if argv is None:
            skipped.append(f"validate {name}: not available (no ledger support in this iomstrat)")
        else:
            cases.append(Case(f"validate {name}", argv, "ledger", size, size, kind))
        if tools.disbursement_ledger:
            argv = (
                *tools.iomstrat,
                "disbursement",
                strategy,
                "--ledger",
                ledger,
                "--as-of",
                AS_OF,
            )
            cases.append(Case(f"disbursement {name}", argv, "ledger", size, size, kind))
        else:
            skipped.append(
                f"disbursement {name}: not available (no `iomstrat disbursement --ledger`)"
            )
    if tools.validate_ledger:  # the slowest path: a finding on every soft-earmarked payment
        # The repository's own file records no allocation: each payment on its dialogue line
        # is IOM403, and those of the years not yet approved IOM401 (the first thousand of a
        # code listed, the rest counted).
        argv = (*tools.iomstrat, "validate", str(default_strategy_path()), "--ledger")
        argv += (str(portfolio.csv(size)), "--as-of", AS_OF)
        name = f"validate data file + CSV {label(size)}"
        cases.append(Case(name, argv, "ledger", size, size, "csv", note="findings on most rows"))
    if tools.strategy_ledgers:  # the same payments as a Danish finance system exports them
        danish = str(portfolio.danish_strategy(size))
        argv = (*tools.iomstrat, "validate", danish, "--as-of", AS_OF)
        cases.append(Case(f"validate Danish CSV {label(size)}", argv, "ledger", size, size, "csv"))
    floor = (sys.executable, "-m", "bench.floor_ledger", str(portfolio.csv(size)))
    cases.append(
        Case(f"floor: csv + Decimal sums {label(size)}", floor, "ledger", size, size, "csv")
    )
    if tools.hledger:
        argv = (tools.hledger, "check", "-f", str(portfolio.journal(size)))
        cases.append(Case(f"hledger check {label(size)}", argv, "ledger", size, size, "journal"))
    else:
        skipped.append(f"hledger check {label(size)}: not available (hledger not installed)")
    if tools.ledger:
        argv = (tools.ledger, "-f", str(portfolio.journal(size)), "bal")
        cases.append(Case(f"ledger bal {label(size)}", argv, "ledger", size, size, "journal"))
    else:
        skipped.append(f"ledger bal {label(size)}: not available (ledger-cli not installed)")
    return cases, skipped


def line_cases(tools: Tools, portfolio: Portfolio) -> list[Case]:
    """`validate` and `disbursement` of strategies with many budget lines and a cover table,
    no ledger: a look-up by key per line and year keeps ten times the lines within about ten
    times the time."""
    cases = []
    for count in LINE_COUNTS:
        path = str(portfolio.many_lines(count))
        for command in ("validate", "disbursement"):
            argv = (*tools.iomstrat, command, path, "--as-of", AS_OF)
            cases.append(Case(f"{command} {count} lines", argv, "lines", size=count))
    return cases
