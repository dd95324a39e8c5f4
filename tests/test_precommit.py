"""The pre-commit hook definition: its entry runs on a good file (exit 0) and a bad one (exit 1)."""

from __future__ import annotations

import os
import re
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


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["entry"] == "iomstrat validate"
    assert hook["language"] == "python"
    pattern = re.compile(str(hook["files"]))
    assert pattern.search("data/strategy_2023_2026.yaml")
    assert pattern.search("strategies.yml")
    assert pattern.search("budgets/iom_strategy_2023.yaml")
    assert not pattern.search("strategy/notes.yaml")
    assert not pattern.search(".pre-commit-config.yaml")
    assert not pattern.search("docs/github-workflow.yml")


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
