"""The README's command examples are true: every `iomstrat …` line of its shell blocks names
only options its command has, and every one whose files are in the repository runs (from the
repository's top, writing to a temporary folder) and ends with 0 or 1, never "cannot run"."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest
import typer

from iomstrat.cli import build

from .conftest import ROOT, run_cli

FILE_LIKE = re.compile(r"/|\.(yaml|yml|csv|tsv|xlsx|xml|json|html|journal|md|sarif)$")
OUTPUT = ("--output", "-o")


def _commands_in_readme() -> list[list[str]]:
    """Each `iomstrat` command of the README's ```sh blocks as words (quotes, line
    continuations and comments as the shell reads them), up to a pipe, `&&` or redirection."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        pending = ""
        for line in block.replace("\\\n", " ").splitlines():
            pending += line + "\n"
            try:
                words = shlex.split(pending, comments=True)
            except ValueError:  # a quotation goes on over the next line
                continue
            pending = ""
            command: list[str] = []
            for word in [*words, "&&"]:
                if word != "&&":
                    command.append(word)
                    continue
                for end in ("|", ">"):
                    command = command[: command.index(end)] if end in command else command
                if command[:1] == ["iomstrat"]:
                    found.append(command[1:])
                command = []
    return found


COMMANDS = _commands_in_readme()


def _command_and_options(words: list[str]) -> tuple[tuple[str, ...], set[str]]:
    group = typer.main.get_command(build())
    path: tuple[str, ...] = ()
    command = group
    for word in words:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command, path = sub, (*path, word)
    options = {o for param in command.params for o in param.opts if o.startswith("-")}
    return path, options | {"--help", "--no-color", "--install-completion"}


def test_the_readme_has_examples_of_every_command() -> None:
    named = {_command_and_options(words)[0] for words in COMMANDS}
    assert {("validate",), ("disbursement",), ("export", "hledger"), ("report",)} <= named
    assert any("--ledger" in words for words in COMMANDS if words[:2] == ["export", "hledger"])


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(w)[:60])
def test_a_readme_example_names_only_options_its_command_has(words: list[str]) -> None:
    path, options = _command_and_options(words)
    assert path, words
    for word in words:
        if word.startswith("-") and word != "-":
            assert word.split("=")[0] in options, (path, word)


def _runnable(words: list[str], folder: Path) -> list[str] | None:
    """The command with its output in `folder`, its globs expanded; None when it names a
    file the repository does not hold (a placeholder such as strategy.yaml), needs git
    history, or writes a file of its own choosing."""
    if words[:1] == ["init"] or "--rev" in words or "--install-completion" in words:
        return None
    out: list[str] = []
    for before, word in zip(["", *words], words, strict=False):
        if before in OUTPUT:
            out.append(str(folder / Path(word).name) if word != "-" else word)
        elif word.startswith(("-", "{")) or before in ("--as-of", "--locale", "-l", "-f"):
            out.append(word)
        elif "*" in word:
            out += sorted(glob.glob(word, root_dir=ROOT))
        elif word in ("FILE", "PATH", "FOLDER"):  # the reader's own
            return None
        elif FILE_LIKE.search(word) or word == ".":
            if not (ROOT / word).exists():
                return None
            out.append(word)
        else:
            out.append(word)
    return out


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(w)[:60])
def test_a_readme_example_runs(
    words: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = _runnable(words, tmp_path)
    if command is None:
        pytest.skip("names a file of the reader's own, git history, or writes where it likes")
    if command[:1] == ["report"] or "xlsx" in command:
        pytest.importorskip("matplotlib" if command[:1] == ["report"] else "openpyxl")
    if "--iati" in command or command[:2] == ["export", "iati"]:
        pytest.importorskip("lxml")
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    run = run_cli(*command)
    assert run.exit_code in (0, 1), (command, run.stderr[-2000:])
