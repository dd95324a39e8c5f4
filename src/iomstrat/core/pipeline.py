"""The one pipeline every command goes through: read a file (a strategy with its ledgers, or a
table), run every check, book the payments; findings are collected, never raised. What a run
needs once (the date, the ECB rates, the command line's ledgers) is loaded once, in `Run`, and
shared by every file and by both sides of a diff. The exit status is decided here too."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from iomstrat.checks import check_versions_in_force, run_checks
from iomstrat.checks.context import Context
from iomstrat.core.payments import collect_payments
from iomstrat.engine.book import Book, Rates, book_payments
from iomstrat.engine.targets import Tables
from iomstrat.engine.versions import latest
from iomstrat.findings import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    Diagnostic,
    Severity,
    Usage,
    finding,
    limit,
    usage,
)
from iomstrat.loader import documents as loader
from iomstrat.loader import files
from iomstrat.loader.gcpause import collector_paused
from iomstrat.model.errors import STRATEGY_LIMITS, validate_as
from iomstrat.model.strategy import Strategy
from iomstrat.rates import EcbRates
from iomstrat.results.completeness import Completeness

if TYPE_CHECKING:
    from iomstrat.model.table import Table
    from iomstrat.results.versions import History

YAML_SUFFIXES = (".yaml", ".yml")
NOT_REGULAR = "IOM012"  # in a folder: a FIFO, a socket, a device
NOT_ONE_MAPPING = "IOM011"  # a list, several documents: another tool's YAML may be so
OUR_KEYS = ("strategy", "table", "schema_version")
"""Top-level keys that make a YAML file ours: a strategy, a table (or either, half-written)."""


@dataclass(frozen=True)
class Run:
    """What one command run shares across its files: the as-of date, the rates (the ECB table
    loads on first use, once), ledgers given on the command line, and whether payments are
    needed at all (`budget show` and `table show` print the plan only)."""

    as_of: dt.date
    rates: Rates = field(default_factory=EcbRates)
    ledgers: tuple[str, ...] = ()
    payments: bool = True
    skip_other: bool = False  # another tool's YAML is skipped, not reported (`validate`)
    figures: bool = True  # False (`validate`): checks only, a ledger named and absent a warning
    skip_broken_other: bool = False  # broken YAML not ours too (files found in a folder)


class Checked(NamedTuple):
    """One file through the pipeline: what was read, the strategy or the table it is (None
    where it could not be read or validated), its booked payments, and every finding."""

    document: loader.Document
    diagnostics: tuple[Diagnostic, ...]
    strategy: Strategy | None = None
    table: Table | None = None
    book: Book | None = None
    data: bytes | None = None  # the bytes the figures come from (`report` hashes them)
    skipped: bool = False  # another tool's YAML (a workflow, a pre-commit config), or a FIFO
    # in a folder (its one finding a note): not checked
    tables: Tables | None = None  # the strategy's `tables:`, read (None: it names none)
    history: History | None = None  # the document's versions the figures follow, if recorded
    written: Strategy | None = None  # the file as written, where a later version changes it

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity >= Severity.ERROR)


TABLE_GIVEN = "IOM450"


def table_given(checked: Checked, command: str) -> Usage:
    """The one line for a table file given to a command of strategies: what to run instead."""
    return usage("table_given", file=checked.name, command=command)


def table_left_out(checked: Checked) -> Diagnostic:
    """A table file given beside strategies: left out of the figures, with a finding saying so."""
    return checked.document.finding(TABLE_GIVEN, ("table",), key=True, table=checked.name)


def expand_paths(paths: list[str], skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Files as given; a directory stands for the YAML files in it and its subfolders, sorted,
    leaving out hidden files and folders (.git, .github) unless named themselves, and what is
    not a regular file (a FIFO, a socket, a device: reading one could wait forever), which is
    added to `skipped` with what it is."""
    expanded: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found: list[str] = []
            passed = False
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(names):
                    if not name.lower().endswith(YAML_SUFFIXES) or name.startswith("."):
                        continue
                    full = os.path.join(folder, name)
                    kind = files.not_regular(full)
                    if kind is None:
                        found.append(full)
                        continue
                    passed = True
                    if skipped is not None:
                        skipped.append((full, kind))
            # A folder without YAML files is reported, not silently passed.
            expanded += found or ([] if passed else [path])
        else:
            expanded.append(path)
    return expanded


def check_files(paths: Sequence[str], run: Run) -> Iterator[Checked]:
    """Each file through the pipeline (`check_file`), a folder standing for the YAML files in
    it (`expand_paths`). Of the files a folder holds, other tools' YAML (a workflow, a
    pre-commit config, a docker-compose file) is skipped by `validate`'s rule (`is_other_yaml`,
    broken ones too): a `Checked` marked `skipped`, without findings, that a command of figures
    leaves out with a note. A file named is read as a strategy whatever it holds. A strategy
    given twice (two files, one `file_no`) is counted once (`counted_once`)."""
    return counted_once(_each_file(paths, run))


def _each_file(paths: Sequence[str], run: Run) -> Iterator[Checked]:
    walked = replace(run, skip_other=True, skip_broken_other=True)
    seen: set[tuple[int, int]] = set()
    for path in paths:
        in_folder = path != "-" and os.path.isdir(path)
        for found in expand_paths([path]):
            # One file named twice (`a.yaml ./a.yaml`, a link to it in a folder given) is read
            # once: its figures would count twice in every sum over the files.
            same = _file_identity(found)
            if same is not None:
                if same in seen:
                    continue
                seen.add(same)
            yield check_file(found, walked if in_folder and found != path else run)


SAME_STRATEGY = "IOM460"


def counted_once(files: Iterable[Checked]) -> Iterator[Checked]:
    """Strategies given together (a portfolio: `disbursement`, `report`, `export`) each once.
    A file whose `strategy.file_no` (without one: its title and period) is that of a file
    before it is the same strategy, its figures counted twice in every sum over the files (its
    vouchers are unique within each file only): an error naming the first file, and the file
    left out of the figures (`left_out`), which are incomplete (`completeness`). One file
    named twice is read once already (`check_files`). `validate` checks each file alone."""
    first: dict[tuple[object, ...], Checked] = {}
    for checked in files:
        strategy = checked.written or checked.strategy
        if strategy is None:
            yield checked
            continue
        info = strategy.strategy
        if info.file_no is not None:
            key: tuple[object, ...] = (" ".join(info.file_no.split()).casefold(),)
        else:
            key = (" ".join(info.title.split()).casefold(), info.period.start, info.period.end)
        before = first.setdefault(key, checked)
        same = _file_identity(before.name)  # one file named twice (`validate` reads it twice)
        if before is checked or (same is not None and same == _file_identity(checked.name)):
            yield checked
            continue
        if info.file_no is not None:
            twice = checked.document.finding(
                SAME_STRATEGY, ("strategy", "file_no"), first=before.name, file_no=info.file_no
            )
        else:
            twice = checked.document.finding(
                SAME_STRATEGY,
                ("strategy", "title"),
                kind="titled",
                first=before.name,
                title=info.title,
                start=info.period.start,
                end=info.period.end,
            )
        yield checked._replace(
            diagnostics=tuple(sorted((*checked.diagnostics, twice))),
            strategy=None,
            book=None,
            tables=None,
            history=None,
            written=None,
        )


def _file_identity(path: str) -> tuple[int, int] | None:
    """The device and inode of the file a path leads to (through links); None for standard
    input and what cannot be looked at (its own finding follows when it is read)."""
    if path == "-":
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def not_regular(path: str, kind: str) -> Checked:
    """A file a folder's walk passed by, with a note saying why."""
    note = finding(path, 1, 1, NOT_REGULAR, is_a=kind)
    return Checked(loader.Document(path), (note,), skipped=True)


_OUR_KEY_LINE = re.compile(rb"^(?:" + b"|".join(k.encode() for k in OUR_KEYS) + rb")[ \t]*:", re.M)


def is_other_yaml(document: loader.Document, data: bytes, *, broken_too: bool = False) -> bool:
    """Some other tool's YAML: a mapping without any of our top-level keys, or another clean
    document (a hook manifest is a list). A file that is empty or broken is ours, to report,
    when it was named (`broken_too` False); found in a folder, it is ours only if its text has
    one of our keys at the start of a line or its name mentions a strategy (a Kubernetes file
    holds several documents). Standard input and a file that is not text are always reported."""
    if isinstance(document.data, dict):
        return not any(key in document.data for key in OUR_KEYS)
    if document.name == "-" or any(d.severity is Severity.FATAL for d in document.diagnostics):
        return False
    broken = not data.strip() or any(
        d.severity >= Severity.ERROR and d.code != NOT_ONE_MAPPING for d in document.diagnostics
    )
    if broken and not broken_too:
        return False
    named = "strateg" in os.path.basename(document.name).lower()
    return not named and _OUR_KEY_LINE.search(data) is None


def check_file(path: str, run: Run, *, display_name: str | None = None) -> Checked:
    """Read and check one file (`-` is standard input) as what its top-level key says it is."""
    name = display_name or ("-" if path == "-" else path)
    data, problem = loader.read_bytes(path, STRATEGY_LIMITS, name=name)
    if data is None:
        assert problem is not None
        return Checked(loader.Document(name), (problem,))
    return check_bytes(name, data, run, path=path)


def check_bytes(name: str, data: bytes, run: Run, *, path: str | None = None) -> Checked:
    """Check a file's bytes already read (a file at a git revision, standard input). `path` is
    where its ledgers are resolved from: the file's place in the work tree."""
    document = loader.load_bytes(name, data, STRATEGY_LIMITS)
    if run.skip_other and is_other_yaml(document, data, broken_too=run.skip_broken_other):
        return Checked(document, (), data=data, skipped=True)
    if isinstance(document.data, dict) and "table" in document.data:
        # Imported here: only a file that may be a table pays for building the table models.
        from iomstrat.checks.annex import TableContext, run_table_checks
        from iomstrat.model.table import Table, is_table_data

        if is_table_data(document.data):
            table = validate_as(document, Table)
            found = list(document.diagnostics)
            if table is not None:
                found += run_table_checks(TableContext(table, document))
            return Checked(document, tuple(sorted(found)), table=table, data=data)
    strategy = validate_as(document, Strategy)
    found = list(document.diagnostics)
    book = history = written = None
    tables: Tables | None = None
    if strategy is not None and strategy.tables:
        # Imported here: only a strategy naming tables pays for building the table models.
        from iomstrat.core.tables import read_tables

        tables, problems = read_tables(strategy, document, path or name)
        found += problems
    if strategy is not None:
        # The figures follow the document's latest recorded version (the file's own if none).
        written = strategy
        strategy, history = latest(strategy)
        if run.payments:
            with collector_paused():  # ledgers: a million payments booked and checked, no cycles
                payments = collect_payments(
                    strategy, document, path or name, run.ledgers, figures=run.figures
                )
                book = book_payments(payments, strategy.strategy.currency, run.rates)
                found += payments.diagnostics + book.diagnostics
                found += _checks(
                    written, Context(strategy, document, run.as_of, book, tables, run.rates)
                )
        else:
            found += _checks(written, Context(strategy, document, run.as_of, tables=tables))
    return Checked(
        document,
        limit(found),
        strategy,
        book=book,
        data=data,
        tables=tables,
        history=history,
        written=written if history is not None else None,
    )


def _checks(written: Strategy, ctx: Context) -> list[Diagnostic]:
    if written is ctx.strategy:
        return run_checks(ctx)
    return check_versions_in_force(ctx._replace(strategy=written), ctx)


def exit_status(findings: Iterable[Diagnostic], *, strict: bool = False) -> int:
    """The one rule of every command: 2 an input could not be read, 1 errors (warnings too
    under --strict), else 0."""
    worst = max((d.severity for d in findings), default=None)
    if worst is None:
        return EXIT_OK
    if worst is Severity.FATAL:
        return EXIT_CANNOT_RUN
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return EXIT_FINDINGS
    return EXIT_OK


MONEY_PATH = ("IOM106", "IOM2", "IOM3", "IOM4", "IOM902", "IOM915")
"""The findings on the money path: the plan every figure is computed from (IOM3: a line's
amount missing for a year, read as 0, or negative, a line id used twice, a line named that the
budget lacks, a Finance Act code a portfolio groups by; IOM106: a version's change the figures
in force do not take), parliament's approvals (IOM2); payments, ledgers, rates, allocations
and the schedule (IOM4); in `reconcile`, a published value not read (IOM902) or without a rate
(IOM915), left out of the published totals. An error of these makes the figures incomplete.
The differences `reconcile` finds (IOM903-IOM914) are its figures, not gaps in them."""


PLAN_SUMS = ("IOM101", "IOM103")
"""A stated total (IOM101) or the cover table (IOM103) that differs from the budget lines by
more than rounding, in a strategy's own `budget:` or `cover:`: a line amount every planned
figure rests on may be mistranscribed, and before a year is decided its scheduled tranches are
the cover's projection (engine/plan.py `schedule`), which the lines contradict. Errors: the
figures are incomplete. Within rounding (IOM102) or acknowledged under `errata:` (IOM104),
they are not; a table file's own sums are not a strategy's figures."""


def _on_money_path(d: Diagnostic) -> bool:
    if d.code.startswith(MONEY_PATH):
        return True
    return d.code in PLAN_SUMS and d.path[:1] in (("budget",), ("cover",))


def left_out(checked: Checked) -> tuple[Diagnostic, ...]:
    """The errors of a file given as a strategy that gives none (not a table): whatever their
    codes (IOM003, IOM020 are not on the money path), its figures are missing from every total,
    so each of them makes the run's figures incomplete."""
    if checked.table is not None or (checked.strategy is not None and checked.book is not None):
        return ()
    return checked.errors


def completeness(
    findings: Iterable[Diagnostic], *, left_out: Iterable[Diagnostic] = ()
) -> Completeness:
    """The one rule of what makes a run's figures incomplete: the errors of `findings` on the
    money path, and those of a file left out of the figures (`left_out`)."""
    found = [d for d in findings if d.severity >= Severity.ERROR and _on_money_path(d)]
    return Completeness(tuple(dict.fromkeys([*found, *left_out])))


def figures_leave(
    findings: Iterable[Diagnostic],
    *,
    travels: bool,
    partial: bool,
    left_out: Iterable[Diagnostic] = (),
) -> bool:
    """The one rule of every command that writes figures: never after a file or a ledger that
    cannot be read; in a format meant to travel (csv, json, markdown, xlsx, html, a journal,
    IATI, any file), only when the figures are complete (`completeness`), or on `--partial`,
    which marks them incomplete."""
    found = list(findings)
    if any(d.severity is Severity.FATAL for d in found):
        return False
    return partial or not travels or completeness(found, left_out=left_out).complete


def shown_status(errors: Iterable[Diagnostic], *, shown: bool, problem: Usage | None) -> int:
    """The exit of a command that shows one result: 2 a usage problem; when nothing could be
    shown, 1 at least (2 where a file could not be read); else as the findings say."""
    if problem is not None:
        return EXIT_CANNOT_RUN
    status = exit_status(errors)
    return status if shown else max(status, EXIT_FINDINGS)
