"""Outputs never cost a file: `-o` onto an input is refused before anything is read, and a write
that fails midway leaves the previous output byte-identical. Spreadsheet cells stay inert."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.cli import output as output_module
from iomstrat.render.tabular import inert_cell

from .conftest import ROOT

app = build()

EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"
LEDGER = ROOT / "examples" / "illustrative_2023_ledger.csv"
PREVIOUS = b"the previous output, which must survive\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "strategy.yaml")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    shutil.copy(LEDGER, tmp_path / "extra.csv")
    (tmp_path / "out.txt").write_bytes(PREVIOUS)
    return tmp_path


@pytest.fixture
def nothing_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal comes before the pipeline checks any input."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an input was read")

    from iomstrat.core.pipeline import Run

    monkeypatch.setattr(Run, "__init__", refuse)  # every command starts its pipeline with a Run


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["validate", "{t}/strategy.yaml"], "{t}/strategy.yaml"),
        (["validate", "{t}"], "{t}/strategy.yaml"),  # a folder stands for its YAML files
        (["validate", "{t}/strategy.yaml"], "{t}/./sub/../strategy.yaml"),
        (["validate", "{t}/strategy.yaml"], "{t}/link.yaml"),  # a symbolic link to the input
        (["validate", "{t}/strategy.yaml"], "{t}/hard.yaml"),  # a hard link: same inode
        (["validate", "{t}/strategy.yaml", "--ledger", "{t}/extra.csv"], "{t}/extra.csv"),
        (["validate", "{t}/strategy.yaml"], "{t}/illustrative_2023_ledger.csv"),  # it names it
        (["budget", "show", "{t}/strategy.yaml", "-f", "csv"], "{t}/strategy.yaml"),
        (["budget", "show", "{t}/strategy.yaml", "-f", "xlsx"], "{t}/link.yaml"),
        (["disbursement", "{t}/strategy.yaml", "--ledger", "{t}/extra.csv"], "{t}/extra.csv"),
        (["disbursement", "{t}/strategy.yaml", "-f", "xlsx"], "{t}/hard.yaml"),
        (["diff", "{t}/strategy.yaml", "{t}/copy.yaml"], "{t}/copy.yaml"),
        (["report", "{t}/strategy.yaml"], "{t}/strategy.yaml"),
        (["export", "iati", "{t}/strategy.yaml"], "{t}/illustrative_2023_ledger.csv"),
        (["export", "hledger", "{t}/strategy.yaml"], "{t}/link.yaml"),
        (["table", "show", "{t}/table.yaml"], "{t}/table.yaml"),
    ],
)
def test_an_output_that_is_an_input_is_refused_before_reading(
    tree: Path, nothing_read: None, args: list[str], output: str
) -> None:
    (tree / "sub").mkdir()
    (tree / "link.yaml").symlink_to(tree / "strategy.yaml")
    os.link(tree / "strategy.yaml", tree / "hard.yaml")
    shutil.copy(EXAMPLE, tree / "copy.yaml")
    shutil.copy(ROOT / "data" / "annex3_unearmarked_donors.yaml", tree / "table.yaml")
    before = {p.name: p.read_bytes() for p in tree.iterdir() if p.is_file()}

    code, printed = run(*(a.format(t=tree) for a in args), "-o", output.format(t=tree))

    assert code == 2
    assert "is an input" in printed and "nothing was written" in printed
    assert {p.name: p.read_bytes() for p in tree.iterdir() if p.is_file()} == before


def test_a_renderer_that_fails_leaves_the_previous_output(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr("iomstrat.render.budget.render", broken)
    with pytest.raises(RuntimeError):
        run("budget", "show", str(tree / "strategy.yaml"), "-o", str(tree / "out.txt"))
    assert (tree / "out.txt").read_bytes() == PREVIOUS
    assert not list(tree.glob(".out.txt.*"))


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_write_that_fails_midway_leaves_the_previous_output(
    tree: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    real = getattr(os, step)
    calls = []

    def failing(*args: object) -> object:
        calls.append(args)
        if step == "write" and len(calls) == 1:  # the first chunk lands, then the disk is full
            return real(args[0], bytes(args[1])[:10])  # type: ignore[call-overload]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_module.os, step, failing)
    code, printed = run(
        "budget", "show", str(tree / "strategy.yaml"), "-f", "json", "-o", str(tree / "out.txt")
    )
    monkeypatch.undo()
    assert code == 2
    assert "cannot write: No space left on device" in printed
    assert (tree / "out.txt").read_bytes() == PREVIOUS
    assert not list(tree.glob(".out.txt.*"))  # the temporary file is removed


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_leaves_the_previous_output(tree: Path) -> None:
    folder = tree / "locked"
    folder.mkdir()
    (folder / "out.txt").write_bytes(PREVIOUS)
    folder.chmod(0o555)
    try:
        code, printed = run(
            "budget", "show", str(tree / "strategy.yaml"), "-o", str(folder / "out.txt")
        )
    finally:
        folder.chmod(0o755)
    assert code == 2 and "cannot write" in printed
    assert (folder / "out.txt").read_bytes() == PREVIOUS


@pytest.mark.parametrize(
    ("command", "options"),
    [
        (["disbursement"], ["--as-of", "2023-12-31", "-f", "csv"]),
        (["disbursement"], ["--as-of", "2023-12-31", "-f", "xlsx"]),
        (["validate"], ["--as-of", "2023-12-31"]),
        (["budget", "show"], ["-f", "json"]),
    ],
    ids=["csv", "xlsx", "validate", "budget"],
)
def test_an_output_that_is_a_fifo_is_not_replaced_by_a_file(
    tree: Path, command: list[str], options: list[str]
) -> None:
    """`-o` onto a FIFO (or, as root, a device: `/dev/full`, `/dev/null`) renamed a regular file
    over it, exit 0: the reader waiting on the FIFO got nothing, the device was gone from the
    machine. It is refused, nothing written; `-` is standard output."""
    fifo = tree / "pipe"
    os.mkfifo(fifo)
    code, said = run(*command, str(tree / "strategy.yaml"), *options, "-o", str(fifo))
    assert (code, said) == (
        2,
        f"iomstrat: {fifo}: is not a regular file (a device, a FIFO or a socket) and is not "
        "replaced by one; give a file, or - for standard output; nothing was written\n",
    )
    assert fifo.is_fifo()
    assert sorted(p.name for p in tree.iterdir()) == sorted(
        ["strategy.yaml", LEDGER.name, "extra.csv", "out.txt", "pipe"]
    )


def test_a_write_replaces_the_file_a_link_names_and_keeps_its_mode(tree: Path) -> None:
    target = tree / "out.txt"
    target.chmod(0o640)
    (tree / "out-link.txt").symlink_to(target)

    code, _ = run(
        "budget",
        "show",
        str(tree / "strategy.yaml"),
        "-f",
        "json",
        "-o",
        str(tree / "out-link.txt"),
    )

    assert code == 0
    assert (tree / "out-link.txt").is_symlink()
    assert target.read_bytes().startswith(b'{\n  "complete": true,\n  "title"')
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tree.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("validate", ["--format", "sarif"]),
        ("validate", ["--format", "json"]),
        ("validate", ["--format", "github"]),
        ("validate", []),
        ("budget show", ["-f", "xlsx"]),
        ("budget show", ["-f", "csv"]),
        ("disbursement", ["-f", "xlsx"]),
        ("export hledger", []),
    ],
)
def test_a_file_name_that_is_not_utf8_is_no_traceback(
    tree: Path, command: str, options: list[str]
) -> None:
    name = os.fsdecode(b"strat\xffegy.yaml")  # a lone surrogate, as Python reads such a name
    os.rename(tree / "strategy.yaml", tree / name)
    out = os.fsdecode(b"out\xfe.txt")
    code, printed = run(*command.split(), str(tree / name), *options, "-o", str(tree / out))
    assert code in (0, 1), printed
    assert (tree / out).exists()
    if options[-1:] == ["sarif"]:
        assert "strat%FFegy.yaml" in (tree / out).read_text(encoding="utf-8")


def test_a_findings_line_never_holds_a_file_names_control_characters(tree: Path) -> None:
    name = "evil\n::error file=x::INJECTED\x1b[2J.yaml"
    os.rename(tree / "strategy.yaml", tree / name)
    (tree / name).write_text("schema_version: 2\n", encoding="utf-8")
    code, printed = run("validate", str(tree / name))
    assert code == 1
    assert not any(line.startswith("::") for line in printed.splitlines())
    assert "\x1b" not in printed


# --- spreadsheets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-1234.50", "-1234.50"),  # our own figures stay numbers
        ("-1234,50", "-1234,50"),
        ("-", "-"),  # printed for "nothing"
        ("4.10*", "4.10*"),
        ("Core funding", "Core funding"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cells_that_start_like_a_formula_get_a_quote(cell: str, written: str) -> None:
    assert inert_cell(cell) == written


def test_xlsx_text_that_starts_like_a_formula_is_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    strategy = EXAMPLE.read_text(encoding="utf-8").replace(
        "name: Personnel support\n", "name: '=1+2'\n", 1
    )
    (tmp_path / "s.yaml").write_text(strategy, encoding="utf-8")
    shutil.copy(LEDGER, tmp_path / LEDGER.name)
    code, _ = run(
        "budget", "show", str(tmp_path / "s.yaml"), "-f", "xlsx", "-o", str(tmp_path / "b.xlsx")
    )
    assert code == 0
    with zipfile.ZipFile(tmp_path / "b.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"=1+2" in sheet
    cells = [
        c
        for row in load_workbook(io.BytesIO((tmp_path / "b.xlsx").read_bytes())).active.iter_rows()
        for c in row
    ]
    formula = [c for c in cells if c.value == "=1+2"] or [
        c for c in cells if str(c.value).endswith("=1+2")
    ]
    assert formula and all(c.data_type == "s" for c in formula)


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "{t}/strategy.yaml", "{n}", "--as-of", "2023-12-31"],
        ["diff", "{t}/strategy.yaml", "{n}", "-f", "markdown", "--as-of", "2023-12-31"],
        ["disbursement", "{n}", "--as-of", "2023-12-31"],
        ["disbursement", "{n}", "-f", "csv", "--as-of", "2023-12-31"],
        ["disbursement", "{n}", "-f", "json", "--as-of", "2023-12-31"],
        ["validate", "{n}", "-f", "sarif"],
        ["export", "iati", "{n}", "--as-of", "2023-12-31"],
    ],
)
def test_a_file_name_with_escapes_never_reaches_the_terminal(tree: Path, args: list[str]) -> None:
    name = tree / "e\x1b]8;;evil.example\x07vil\u202e\x9b2J.yaml"  # no "/": one file
    shutil.copy(tree / "strategy.yaml", name)
    code, printed = run(*(a.format(t=tree, n=name) for a in args))
    assert code in (0, 1), printed
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e]", printed)


def test_without_path_the_strategy_found_in_the_folder_is_an_input(
    tree: Path, monkeypatch: pytest.MonkeyPatch, nothing_read: None
) -> None:
    monkeypatch.chdir(tree)
    before = (tree / "strategy.yaml").read_bytes()
    code, printed = run("validate", "-o", "strategy.yaml")
    assert code == 2 and "is an input" in printed
    assert (tree / "strategy.yaml").read_bytes() == before
