"""The pre-commit hook definition: its entry runs on a good file (exit 0) and a bad one (exit 1)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "strategy_2023_2026.yaml"


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "iomstrat-validate"]
    return dict(hook)


def _run_entry(*files: Path) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry as pre-commit does: the entry's words, then the staged file names."""
    entry = shlex.split(str(_hook()["entry"]))
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    return subprocess.run(
        [*entry, *map(str, files)], capture_output=True, text=True, env=env, check=False
    )


def test_hook_definition(tmp_path: Path) -> None:
    """Every YAML file, by pre-commit's own file type, whatever its name or case."""
    from identify.identify import tags_from_path

    hook = _hook()
    assert hook["entry"] == "iomstrat validate --skip-other-yaml"
    assert hook["language"] == "python"
    assert hook["types"] == ["yaml"] and "files" not in hook
    for name in ["IOM_Strategy_2023-2026.yaml", "unhcr.YML", "annex2.yml"]:
        (tmp_path / name).write_text("a: 1\n")
        assert "yaml" in tags_from_path(str(tmp_path / name))


WORKFLOW = """\
name: ci
on:
  push:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo yes
"""
PRE_COMMIT_CONFIG = """\
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v5.0.0
    hooks:
      - id: check-yaml
"""


def test_entry_checks_strategies_by_their_key_and_skips_other_yaml(tmp_path: Path) -> None:
    """A strategy under any name, a table, a workflow and pre-commit's own config, as staged
    files: the strategy and the table are checked, the others skipped with one note each."""
    strategy = tmp_path / "IOM_Strategy_2023-2026.yaml"
    strategy.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "annex.YML"
    table.write_text((ROOT / "data" / "annex2_funding_2021.yaml").read_text(encoding="utf-8"))
    workflow = tmp_path / "ci.yml"
    workflow.write_text(WORKFLOW)
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(PRE_COMMIT_CONFIG)
    hooks = ROOT / ".pre-commit-hooks.yaml"  # a list: this repository's own hook manifest
    result = _run_entry(strategy, table, workflow, config, hooks)
    assert result.returncode == 0, result.stdout + result.stderr
    notes = [line for line in result.stderr.splitlines() if ": skipped" in line]
    assert notes == [
        f"iomstrat: {path}: skipped, no top-level strategy: or table: key (another tool's YAML)"
        for path in (workflow, config, hooks)
    ]
    assert "2 files checked (3 other YAML files skipped): 0 errors" in result.stderr
    # The same strategy under a name without "strategy" in it is still checked.
    bad = tmp_path / "unhcr.yml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace("{2023: 48,", "{2023: 49,"))
    failed = _run_entry(bad, workflow)
    assert failed.returncode == 1 and " error IOM101 " in failed.stdout


def test_entry_passes_the_good_file() -> None:
    result = _run_entry(DATA)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stderr


def test_entry_fails_a_bad_total(tmp_path: Path) -> None:
    bad = tmp_path / "strategy_bad.yaml"
    text = DATA.read_text(encoding="utf-8")
    # The core line says 49 in 2023 while the stated totals still say 98 and 100.
    text = text.replace("amounts: {2023: 48,", "amounts: {2023: 49,")
    bad.write_text(text, encoding="utf-8")
    result = _run_entry(DATA, bad)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if " error IOM101 " in line]
    assert errors and all(line.startswith(str(bad) + ":") for line in errors)


def test_entry_reports_broken_yaml(tmp_path: Path) -> None:
    broken = tmp_path / "strategy_broken.yaml"
    broken.write_text(
        textwrap.dedent("""\
        schema_version: 1
        strategy: [unclosed
        """),
        encoding="utf-8",
    )
    result = _run_entry(broken)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{broken}:3:1: error IOM003 YAML syntax")


def test_manifest_is_valid_for_pre_commit() -> None:
    """pre-commit's own check of a hook manifest (offline; `try-repo` would need an index to
    install the hook's environment)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "validate-manifest",
            str(ROOT / ".pre-commit-hooks.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_gitignored_ledger_absent_in_a_fresh_clone_is_a_warning(tmp_path: Path) -> None:
    """CI checks the strategy though its ledger is not committed; figures still need it."""
    example = ROOT / "examples" / "illustrative_2023.yaml"
    strategy = tmp_path / example.name  # names illustrative_2023_ledger.csv, not copied
    strategy.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    done = _run_entry(strategy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        f"{tmp_path / 'illustrative_2023_ledger.csv'}:1:1: warning IOM420 no such ledger file "
        "(named under `ledgers:`; not committed, or ignored by git?): the strategy is checked "
        "without its payments"
    ) in done.stdout.splitlines()
    # the strategy's own checks still run: a total that does not add up is an error, exit 1
    bad = tmp_path / "bad_strategy.yaml"
    bad.write_text(
        example.read_text(encoding="utf-8").replace("total: 400", "total: 401", 1), "utf-8"
    )
    failed = _run_entry(bad)
    assert failed.returncode == 1 and " error IOM10" in failed.stdout, failed.stdout
    env = dict(os.environ)
    # --strict fails on the warning; disbursement cannot give figures without it: exit 2
    strict = subprocess.run(
        [sys.executable, "-m", "iomstrat", "validate", "--strict", str(strategy)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert strict.returncode == 1
    figures = subprocess.run(
        [sys.executable, "-m", "iomstrat", "disbursement", str(strategy)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert figures.returncode == 2 and figures.stdout == ""
    assert "fatal IOM420 no such ledger file\n" in figures.stderr
