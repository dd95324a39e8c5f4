"""Everyday CLI conventions: the README's usage section is the real --help, every command's help
has an example, --version, shell completion, NO_COLOR / --no-color, stdout vs stderr."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from iomstrat import __version__
from iomstrat.cli import build, common
from iomstrat.tools import readme

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_readme_usage_section_is_the_real_help() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.updated(text) == text, "run: python -m iomstrat.tools.readme --write"


def test_readme_lists_every_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = list(readme.command_paths())
    assert {("validate",), ("budget", "show"), ("diff",), ("init",), ("schema",)} <= set(paths)
    for path in paths:
        assert f"#### `{' '.join(('iomstrat', *path, '--help'))}`" in text


def test_readme_tool_reports_a_stale_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(f"# x\n\n{readme.BEGIN}\nold\n{readme.END}\n", encoding="utf-8")
    monkeypatch.setattr(readme, "README", stale)
    assert readme.main([]) == 1
    assert readme.main(["--write"]) == 0
    assert readme.main([]) == 0
    assert "Usage: iomstrat validate [OPTIONS]" in stale.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", list(readme.command_paths()), ids=lambda p: " ".join(p) or "root")
def test_every_help_has_an_example(path: tuple[str, ...]) -> None:
    assert "Example" in readme.help_text(path)


def test_version() -> None:
    run = run_cli("--version")
    assert (run.exit_code, run.stdout) == (0, f"iomstrat {__version__}\n")


def test_shell_completion() -> None:
    # The console script of this install: beside the interpreter in a venv, else on PATH.
    folders = [Path(sys.executable).parent, *map(Path, os.environ["PATH"].split(os.pathsep))]
    script = next((f / "iomstrat" for f in folders if (f / "iomstrat").is_file()), None)
    assert script is not None
    env = dict(
        os.environ, _IOMSTRAT_COMPLETE="complete_bash", COMP_WORDS="iomstrat va", COMP_CWORD="1"
    )
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["validate"]
    env.update(COMP_WORDS="iomstrat budget show --format x", COMP_CWORD="4")
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["xlsx"]


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(common.state, "no_color", False)
    assert common.use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not common.use_color()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(common.state, "no_color", True)
    assert not common.use_color()
    monkeypatch.setattr(common.state, "no_color", False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert not common.use_color()


def test_no_color_option_reaches_the_state() -> None:
    run_cli("--no-color", "budget", "show")
    assert common.state.no_color
    run_cli("budget", "show")
    assert not common.state.no_color


def test_results_on_stdout_diagnostics_on_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "s.yaml"
    text = (ROOT / "data" / "strategy_2023_2026.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("{2023: 48,", "{2023: 49,"), encoding="utf-8")
    run = run_cli("budget", "show", str(broken), "-f", "csv", "--partial")
    assert run.exit_code == 1
    assert run.stdout.startswith("id,label,name")  # the table still comes out, marked
    assert run.stdout.splitlines()[1].endswith(",false")
    assert " error IOM101 " in run.stderr and "IOM101" not in run.stdout
    withheld = run_cli("budget", "show", str(broken), "-f", "csv")
    assert withheld.exit_code == 1 and withheld.stdout == ""
    assert "iomstrat: no figures written: 6 errors in the plan (s.yaml)" in withheld.stderr


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["report", "-o", "r.html"], "report"),
        (["export", "iati"], "iati"),
        (["budget", "show", "-f", "xlsx", "-o", "b.xlsx"], "xlsx"),
        (["disbursement", "-f", "xlsx", "-o", "d.xlsx"], "xlsx"),
    ],
)
def test_a_missing_extra_is_one_line_and_exit_2(
    args: list[str], extra: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The core install has no matplotlib, lxml or openpyxl: a command that needs them says
    what to install, writes nothing."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(common, "find_spec", lambda name: None)
    run = run_cli(*args)
    assert run.exit_code == 2
    assert run.stderr.endswith(f"pip install 'iomstrat[{extra}]'\n")
    assert len(run.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_without_path_the_strategy_in_this_folder_or_the_embedded_one_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    embedded = run_cli("validate")
    assert "using the embedded example" in embedded.stderr
    own = ROOT / "examples" / "illustrative_unhcr_2024.yaml"
    (tmp_path / "unhcr.yaml").write_text(own.read_text(encoding="utf-8"), encoding="utf-8")
    mine = run_cli("budget", "show", "-f", "json")
    assert mine.exit_code == 0, mine.stderr
    assert "using unhcr.yaml from this folder" in mine.stderr
    assert "UNHCR 2024" in mine.stdout
    (tmp_path / "second.yml").write_text("strategy: {}\n", encoding="utf-8")
    several = run_cli("budget", "show")
    assert several.exit_code == 2 and "2 strategy files in this folder" in several.stderr


def _commands() -> list[tuple[tuple[str, ...], Any]]:
    """Every command and group of the command line, with its path."""
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(path: tuple[str, ...], command: Any) -> None:
        found.append((path, command))
        if hasattr(command, "commands"):  # a group (typer bundles its own click)
            for name, sub in command.commands.items():
                walk((*path, name), sub)

    walk((), typer.main.get_command(build()))
    return found


def _options(command: Any) -> set[str]:
    return {name for param in command.params for name in param.opts if name.startswith("-")}


def _texts(command: Any) -> list[str]:
    texts = [command.help or "", command.epilog or "", command.short_help or ""]
    return texts + [getattr(param, "help", None) or "" for param in command.params]


@pytest.mark.parametrize("path", [p for p, _ in _commands()], ids=lambda p: " ".join(p) or "root")
def test_every_option_a_help_text_names_exists(path: tuple[str, ...]) -> None:
    """An option named in a help text is one of the command's own (or the root's); within an
    example (`iomstrat CMD … --option`), one of CMD's."""
    by_path = dict(_commands())
    command = by_path[path]
    root = _options(by_path[()])
    for text in _texts(command):
        for sentence in re.split(r"[;.]\s|\n", text):
            for option in re.finditer(r"(?<![\w-])--[a-z][a-z-]*", sentence):
                before = sentence[: option.start()]
                programs = re.findall(
                    r"\b(iomstrat|hledger|check-jsonschema)((?: [a-z]+)*)", before
                )
                owner = path
                if programs and programs[-1][0] != "iomstrat":
                    continue  # another program's option, in an example of piping to it
                # "`--ledger` of `validate`, `disbursement` and `export hledger`": each one's
                named = re.match(r"`? of ((?:`[a-z ]+`(?:, | and )?)+)", sentence[option.end() :])
                if named:
                    for listed in re.findall(r"`([a-z ]+)`", named[1]):
                        owner = tuple(listed.split())
                        assert option.group() in _options(by_path[owner]), (path, sentence)
                    continue
                if programs:
                    words = tuple(programs[-1][1].split())
                    while words not in by_path:
                        words = words[:-1]
                    owner = words
                assert option.group() in _options(by_path[owner]) | root, (path, sentence)


@pytest.mark.parametrize("path", [(), ("budget",), ("table",), ("export",), ("ledger",)])
def test_lists_of_commands_cut_no_description_mid_sentence(path: tuple[str, ...]) -> None:
    """Click cuts a command's help to fit its list (`Tables of figures with stated totals,
    such as a...`): every command gives a whole sentence of its own to show there."""
    listed = readme.help_text(path)
    rows = listed[listed.index("Commands:") :].split("\n\n")[0].splitlines()[1:]
    described: dict[str, str] = {}
    for row in rows:  # a description too long for the width goes on below its command
        command = re.match(r"  (\S+)\s+(.*)", row)
        if command:
            described[command[1]] = command[2]
        else:
            described[list(described)[-1]] += " " + row.strip()
    expected = {p[len(path)] for p, _ in _commands() if len(p) == len(path) + 1 and p[:-1] == path}
    assert set(described) == expected
    for name, text in described.items():
        assert text.endswith(".") and not text.endswith("..."), (path, name, text)
        assert text.count("(") == text.count(")"), (path, name, text)


def test_budget_show_withholds_a_plan_an_error_made_wrong(tmp_path: Path) -> None:
    # core has no 2025 amount (read as 0): its 2025 total 52 is wrong, so no format that
    # travels gets the figures, unless --partial, which marks them in each
    path = tmp_path / "s.yaml"
    text = (ROOT / "examples" / "illustrative_unhcr_2024.yaml").read_text(encoding="utf-8")
    old = "amounts: {2024: 150, 2025: 150, 2026: 150, 2027: 150}"
    path.write_text(text.replace(old, "amounts: {2024: 150, 2026: 150, 2027: 150}"), "utf-8")
    for fmt in ("csv", "json", "markdown"):
        withheld = run_cli("budget", "show", str(path), "-f", fmt)
        assert withheld.exit_code == 1 and withheld.stdout == ""
        assert "iomstrat: no figures written: " in withheld.stderr
    marked = json.loads(run_cli("budget", "show", str(path), "-f", "json", "--partial").stdout)
    assert marked["complete"] is False and marked["findings"]
    core = next(row for row in marked["rows"] if row["id"] == "core")
    assert core["amounts"]["2025"] == "0" and core["total"] == "450"  # 150 x 3, as read
    markdown = run_cli("budget", "show", str(path), "-f", "markdown", "--partial").stdout
    assert markdown.startswith("> **INCOMPLETE: ")
    table = run_cli("budget", "show", str(path))  # the terminal table: shown, under the banner
    assert table.exit_code == 1 and table.stdout.startswith("INCOMPLETE: ")
    clean = json.loads(run_cli("budget", "show", "-f", "json").stdout)
    assert clean["complete"] is True and "findings" not in clean
