"""The strategy's payments, the pipeline's first step for money: its own `disbursements`, the
ledgers it declares (read by `loader.ledgers` with the dialect and mapping its file gives),
ledgers given on the command line, and YAML ledgers validated as the model's payments. Findings
about unreadable ledgers or bad rows are collected, not raised."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from iomstrat.findings import Diagnostic, Severity, finding, phrase
from iomstrat.loader import documents as loader
from iomstrat.loader import ledger_files as files
from iomstrat.loader.payments import Payment, Payments
from iomstrat.model.errors import validate_as
from iomstrat.model.strategy import Disbursement, LedgerSource, Model, Strategy

if TYPE_CHECKING:
    from iomstrat.loader.dialect import Declared


class LedgerFile(Model):
    """A YAML ledger: a top-level `disbursements:` list of the strategy file's mappings."""

    disbursements: list[Disbursement]


def declared(entry: LedgerSource, path: str, entry_path: str | None = None) -> Declared:
    """A strategy's `ledgers:` entry as the reader takes it, at `path`."""
    from iomstrat.loader.dialect import Declared

    columns = entry.columns.model_dump(exclude_none=True) if entry.columns else None
    return Declared(
        path,
        columns,
        entry.delimiter,
        entry.decimal,
        entry.thousands,
        entry.date_format,
        entry.encoding,
        dict(entry.lines) if entry.lines else None,
        entry.sheet,
        entry_path or entry.path,
    )


def read_ledger(
    ledger: Declared | str,
    payments: Payments,
    *,
    seen: set[tuple[int, int]] | None = None,
    budget: int = files.MAX_TOTAL_LEDGER_BYTES,
    optional: bool = False,
) -> int:
    """One ledger of any kind (`loader.ledgers.read_ledger`), YAML ones validated here."""
    # Imported here: a strategy without ledgers (most validations) does not load the readers.
    from iomstrat.loader.ledgers import read_ledger as read_one

    return read_one(
        ledger, payments, read_yaml=_read_yaml, seen=seen, budget=budget, optional=optional
    )


def collect_payments(
    strategy: Strategy,
    document: loader.Document,
    strategy_file: str,
    extra_ledgers: Iterable[str] = (),
    *,
    figures: bool = True,
) -> Payments:
    """The strategy's own `disbursements`, then its `ledgers`, then ledgers given on the
    command line; findings about unreadable ledgers or bad rows are collected, not raised.
    Where no figures are wanted (`validate`: a gitignored ledger in a fresh clone, where the
    pre-commit hook and CI still check the strategy), a ledger named under `ledgers:` that does
    not exist is a warning (IOM420 `absent`); a `--ledger` given and absent stays fatal, as
    every ledger does for the commands that give figures."""
    payments = Payments(sources=[document.name])
    for index, item in enumerate(strategy.disbursements):
        _add(payments, item, 0, document, index)
    if not strategy.ledgers and not extra_ledgers:
        return payments

    wanted: list[Declared] = []
    root = files.repository_root(strategy_file) if strategy.ledgers else ""
    for index, entry in enumerate(strategy.ledgers):
        try:
            path = files.named_path(strategy_file, entry.path, root)
        except files.Refused as refused:
            payments.diagnostics.append(
                document.finding(
                    files.LEDGER_REFUSED,
                    ("ledgers", index, "path"),  # a bare path: the list item itself
                    kind="named",
                    path=loader.echo(entry.path),
                    problem=refused.why,
                )
            )
            continue
        wanted.append(declared(entry, path))
    named = len(wanted)  # wanted[:named]: the `ledgers:` entries; then the `--ledger` ones
    for given in extra_ledgers:
        ledger = command_line_ledger(given, strategy_file, payments.diagnostics)
        if ledger is not None:
            wanted.append(ledger)
    seen: set[tuple[int, int]] = set()
    total = 0
    for count, ledger in enumerate(wanted, 1):
        if count > files.MAX_LEDGERS:
            payments.diagnostics.append(
                finding(
                    document.name,
                    document.position(("ledgers",)).line,
                    1,
                    files.LEDGER_REFUSED,
                    kind="too_many",
                    count=len(wanted) - files.MAX_LEDGERS,
                    most=files.MAX_LEDGERS,
                )
            )
            break
        total += read_ledger(
            ledger,
            payments,
            seen=seen,
            budget=files.MAX_TOTAL_LEDGER_BYTES - total,
            optional=not figures and count <= named,
        )
    return payments


LEDGER_OPTION = "IOM428"
"""A `--ledger` mapping that cannot be read as a `ledgers:` entry."""


def command_line_ledger(
    given: str, strategy_file: str, diagnostics: list[Diagnostic]
) -> Declared | None:
    """A `--ledger` value: a path, or a `ledgers:` entry in YAML flow style
    (`{path: finance.csv, columns: {date: Bogføringsdato, …}}`), its path relative to the
    working folder as any path typed on the command line; None after a finding."""
    from iomstrat.loader.dialect import Declared

    if not given.lstrip().startswith("{"):
        return Declared(given, entry_path=files.entry_path(given, strategy_file))
    document = loader.load_bytes("--ledger", given.encode("utf-8"))
    entry = validate_as(document, LedgerSource)
    if entry is None:
        said = tuple(d for d in document.diagnostics if d.severity >= Severity.ERROR)
        diagnostics.append(
            finding("--ledger", 1, 1, LEDGER_OPTION, severity=Severity.FATAL, problems=said[:3])
        )
        return None
    return declared(entry, entry.path, files.entry_path(entry.path, strategy_file))


def _from_model(item: Disbursement, source: int, row: int) -> Payment:
    return Payment(
        item.date,
        item.line,
        item.amount,
        item.currency,
        item.voucher,
        item.exchange_rate,
        item.year if item.year is not None else item.date.year,
        item.allocation,
        source,
        row,
        item.refund,
    )


def _read_yaml(handle: BinaryIO, path: str, source: int, payments: Payments) -> None:
    data = handle.read(loader.Limits().max_bytes + 1)
    # positions of records only, unless a finding asks
    document = loader.load_bytes(path, data, lean=True)
    ledger = validate_as(document, LedgerFile)
    payments.diagnostics += document.diagnostics
    if ledger is None:
        # None of its payments is read (the model takes the file whole): it cannot be read, as a
        # CSV ledger whose header matches nothing, not findings beside figures called complete.
        from iomstrat.loader.ledgers import LEDGER_UNREADABLE  # loaded: it called this reader

        payments.diagnostics.append(finding(path, 1, 1, LEDGER_UNREADABLE, kind="yaml"))
        return
    for index, item in enumerate(ledger.disbursements):
        _add(payments, item, source, document, index)


PAYMENT_DECIMALS = 2
"""Decimals of a payment's amount, whole currency units and øre or cents, as a CSV ledger reads
them: a third is most likely a thousands point (`amount: 24.000`, which YAML reads as 24)."""


def _add(
    payments: Payments, item: Disbursement, source: int, document: loader.Document, index: int
) -> None:
    """A YAML payment (a strategy's own or a YAML ledger's) to the payments, or, with more
    decimals than an øre, to a finding that leaves it out, as a CSV ledger's row is."""
    exponent = item.amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PAYMENT_DECIMALS:
        from iomstrat.loader.ledgers import LEDGER_VALUE

        problem = phrase("ledger.amount_decimals", text=str(item.amount))
        at = ("disbursements", index, "amount")
        payments.diagnostics.append(document.finding(LEDGER_VALUE, at, kind="row", problem=problem))
        return
    row = document.position(("disbursements", index)).line
    payments.add(_from_model(item, source, row))
