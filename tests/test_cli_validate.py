"""`iomstrat validate` end to end: exit codes, formats, strict, as-of, several files, stdin."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .conftest import DATA_FILE, ROOT, edited, line_of, real_text, run_cli

BROKEN = edited("amounts: {2023: 48, 2024: 48,", "amounts: {2023: 48, 2024: 47,")
ROUNDED = edited("stated: {2023: 98,", "stated: {2023: 98.4,")


def test_default_file_is_valid_before_the_period() -> None:
    run = run_cli("validate", "--as-of", "2022-06-01")
    assert run.exit_code == 0
    # the warnings and 6 of the notes: the document against itself (tests/test_statements.py);
    # four years planned (IOM206) and the signed version's 2023 apportioned (IOM107)
    assert "0 errors, 7 warnings, 11 notes" in run.stderr


def test_default_file_warns_about_started_years_without_approval() -> None:
    run = run_cli("validate", "--as-of", "2024-02-01")
    assert run.exit_code == 0
    assert run.stdout.count("warning IOM205") == 2
    assert run_cli("validate", "--as-of", "2024-02-01", "--strict").exit_code == 1


def test_changed_amount_fails_naming_lines_and_totals(write) -> None:  # type: ignore[no-untyped-def]
    path = write(BROKEN)
    run = run_cli("validate", path, "--as-of", "2022-06-01")
    assert run.exit_code == 1
    subtotal = line_of(BROKEN, "stated: {2023: 98")
    core = line_of(BROKEN, "2024: 47")
    first = run.stdout.splitlines()[0]
    assert first.startswith(f"{path}:{subtotal}:")
    assert "error IOM101" in first and "Total core incl. soft earmarked" in first
    assert f"core 47 at line {core}" in first
    assert "stated 98, computed 97" in first


def test_rounding_difference_warns_and_fails_only_under_strict(write) -> None:  # type: ignore[no-untyped-def]
    path = write(ROUNDED)
    run = run_cli("validate", path, "--as-of", "2022-06-01")
    assert run.exit_code == 0
    assert "warning IOM102" in run.stdout and "differs by +0.4" in run.stdout
    assert run_cli("validate", path, "--as-of", "2022-06-01", "--strict").exit_code == 1


def test_json_format(write) -> None:  # type: ignore[no-untyped-def]
    path = write(BROKEN)
    items = json.loads(run_cli("validate", path, "-f", "json", "--as-of", "2022-06-01").stdout)
    errors = [i for i in items if i["severity"] == "error"]
    assert errors[0]["code"] == "IOM101"
    assert errors[0]["line"] == line_of(BROKEN, "stated: {2023: 98")
    assert errors[0]["path"] == ["budget", "totals", 0, "stated", 2024]


def test_github_format(write) -> None:  # type: ignore[no-untyped-def]
    path = write(BROKEN)
    out = run_cli("validate", path, "-f", "github", "--as-of", "2022-06-01").stdout
    line = line_of(BROKEN, "stated: {2023: 98")
    assert out.splitlines()[0].startswith(f"::error file={path},line={line},col=")
    assert "title=IOM101::" in out


def test_several_files_and_worst_exit(write) -> None:  # type: ignore[no-untyped-def]
    good = write(real_text(), "good.yaml")
    bad = write(BROKEN, "bad.yaml")
    run = run_cli("validate", good, bad, "--as-of", "2022-06-01")
    assert run.exit_code == 1
    assert "2 files checked" in run.stderr
    missing = run_cli("validate", good, bad, "/nonexistent.yaml")
    assert missing.exit_code == 2
    assert "/nonexistent.yaml:1:1: fatal IOM001 no such file" in missing.stdout


def test_directory_means_its_yaml_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text(real_text())
    (tmp_path / "b.yml").write_text(BROKEN)
    (tmp_path / "notes.txt").write_text("not yaml")
    run = run_cli("validate", str(tmp_path), "--as-of", "2022-06-01")
    assert run.exit_code == 1 and "2 files checked" in run.stderr


def test_a_repository_of_strategies(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`iomstrat validate .` at the top of a repository: subfolders are searched; other tools'
    YAML is skipped with one note each; hidden folders (.git, .github) are not entered."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "strategy.yaml").write_text(BROKEN)  # never looked at
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Strategies\nnav: [index.md]\n")
    (tmp_path / "unhcr" / "2024").mkdir(parents=True)
    (tmp_path / "unhcr" / "2024" / "Strategy.YAML").write_text(real_text())
    monkeypatch.chdir(tmp_path)
    run = run_cli("validate", ".", "--as-of", "2022-06-01")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert run.stderr.splitlines() == [
        "iomstrat: ./mkdocs.yml: skipped, no top-level strategy: or table: key (another tool's "
        "YAML)",
        # the document against itself (tests/test_statements.py), 2023 as signed (IOM107),
        # its annex tables not beside it
        "1 file checked (1 other YAML file skipped): 0 errors, 6 warnings, 11 notes",
    ]
    assert run.stdout.startswith("./unhcr/2024/Strategy.YAML:")
    # Not one mapping: another tool's (a list, several documents, nothing) unless the text has
    # a key of ours at the start of a line or the name says strategy; then it is reported.
    (tmp_path / "hooks.yaml").write_text("- id: check-yaml\n  entry: check-yaml\n")
    (tmp_path / "k8s.yaml").write_text("kind: Service\n---\nkind: Deployment\n")
    (tmp_path / "empty.yml").write_text("")
    other = run_cli("validate", "--skip-other-yaml", "hooks.yaml", "k8s.yaml", "empty.yml")
    assert other.exit_code == 1 and other.stdout.startswith("empty.yml:1:1: error IOM011")
    assert other.stderr.count(": skipped") == 2
    assert "1 file checked (2 other YAML files skipped)" in other.stderr
    # Named without --skip-other-yaml, a file is checked whatever it holds.
    named = run_cli("validate", "hooks.yaml")
    assert named.exit_code == 1 and "IOM011" in named.stdout and "skipped" not in named.stderr
    (tmp_path / "unhcr.yml").write_text("schema_version: 1\nstrategy: [unclosed\n")
    (tmp_path / "strategy_2025.yaml").write_text("")
    broken = run_cli("validate", "unhcr.yml", "strategy_2025.yaml")
    assert broken.exit_code == 1 and "skipped" not in broken.stderr
    assert [line.split(" ")[:3] for line in broken.stdout.splitlines()] == [
        ["unhcr.yml:3:1:", "error", "IOM003"],
        ["strategy_2025.yaml:1:1:", "error", "IOM011"],
    ]
    # A hidden folder named on the command line is searched; its workflow is skipped.
    hidden = run_cli("validate", ".github", ".git")
    assert hidden.exit_code == 1 and "IOM101" in hidden.stdout
    assert "ci.yml: skipped" in hidden.stderr


def test_github_annotations_name_files_from_the_repository_top(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """GitHub attaches an annotation to a pull request's file only by its repository-relative
    path, without `./`; from a subfolder too."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "budgets").mkdir()
    (tmp_path / "budgets" / "bad.yaml").write_text(BROKEN)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(tmp_path)
    line = line_of(BROKEN, "stated: {2023: 98")
    out = run_cli("validate", ".", "--as-of", "2022-06-01").stdout
    assert out.startswith(f"::error file=budgets/bad.yaml,line={line},col=")
    assert "file=./" not in out
    monkeypatch.chdir(tmp_path / "budgets")
    below = run_cli("validate", "./bad.yaml", "--as-of", "2022-06-01").stdout

    def files(text: str) -> list[str]:  # the annotations (past ten notices, a count follows)
        return [line.split(",")[0] for line in text.splitlines() if line.startswith("::")]

    assert files(below) == files(out)
    assert all(f.endswith(" file=budgets/bad.yaml") for f in files(out))


def test_the_repository_lists_each_data_file_finding_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`validate .` at this repository's top, as its CI runs it: the data files live once
    (data/; the wheel carries them, tests/test_packaging.py), so each finding appears once,
    named from the top without `./`."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(ROOT)
    run = run_cli("validate", ".", "--as-of", "2024-06-01")
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    # The example is the data file's strategy (one file_no) with invented payments: each file
    # is checked on its own (summed together they would count twice: IOM460, where summed)
    assert run.exit_code == 0 and not [a for a in annotations if a.startswith("::error ")]
    assert 0 < len(annotations) <= 20  # at most 10 warnings and 10 notices shown
    files = [line.split(",")[0].split(" file=")[1] for line in annotations]
    assert "data/strategy_2023_2026.yaml" in files
    assert all(f.startswith(("data/", "examples/")) for f in files), files
    # The same finding (place and words) under no second name.
    said = [line.split(",", 1)[1] for line in annotations]
    assert len(said) == len(set(said))
    # The rest are counted by file: each file named once per level.
    counted = [line for line in run.stdout.splitlines() if not line.startswith("::")]
    for level in re.findall(r"\d+ more \w+ \(([^)]*)\)", "".join(counted)):
        named = [part.split(": ")[0] for part in level.split(", ")]
        assert len(named) == len(set(named)), level
        assert all(f.startswith(("data/", "examples/")) for f in named), level


def test_an_empty_folder_says_what_to_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("not yaml")
    run = run_cli("validate", str(tmp_path))
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"iomstrat: {tmp_path}: no YAML file in this folder or its subfolders; give the folder "
        "or files of your strategies (*.yaml), or write one with `iomstrat init`\n"
    )


def test_a_folder_of_other_yaml_says_what_was_skipped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mkdocs.yml").write_text("site_name: Strategies\n")
    (tmp_path / "ci.yaml").write_text("on: push\n")
    run = run_cli("validate", str(tmp_path))
    assert run.exit_code == 0
    assert run.stderr.count("another tool's YAML") == 2
    assert run.stderr.endswith(
        "0 files checked (2 other YAML files skipped): 0 errors, 0 warnings, 0 notes\n"
    )


def test_stdin() -> None:
    run = run_cli("validate", "-", "--as-of", "2022-06-01", input=BROKEN)
    assert run.exit_code == 1 and run.stdout.startswith("-:")


def test_bad_date_is_a_usage_error() -> None:
    run = run_cli("validate", "--as-of", "yesterday")
    assert run.exit_code == 2


def test_help_documents_exit_codes() -> None:
    out = run_cli("validate", "--help").stdout
    assert "Exit codes: 0 ok; 1 error findings" in " ".join(out.split())


def test_console_script_and_module_entry_points() -> None:
    for command in (["iomstrat"], [sys.executable, "-m", "iomstrat"]):
        done = subprocess.run(
            [*command, "validate", str(DATA_FILE), "--as-of", "2022-06-01"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "1 file checked: 0 errors" in done.stderr
