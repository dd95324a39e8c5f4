"""The records every payment reader produces: one `Payment` per disbursement as recorded, and
`Payments`, a strategy's records with the files they come from and the findings of reading
them. Light on purpose: the engine and the checks need these types for every file, the ledger
readers only for a strategy that names ledgers.

`Payments` keeps its records by column, a list per field: a ledger of a million payments is
read a column at a time, and the checks and sums ask a column at a time (every line, every
voucher, every amount) at C speed. A `Payment` is made when one is asked for."""

from __future__ import annotations

import datetime as dt
import heapq
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import repeat
from typing import Any, NamedTuple, TypeVar, overload

from iomstrat.findings import MAX_PER_CODE, Diagnostic, finding, more

K = TypeVar("K")
V = TypeVar("V")


def grouped(keys: Iterable[K], values: Iterable[V]) -> dict[K, list[V]]:
    """Each value appended to the list of its key, in one C-level map: no Python statement per
    payment."""
    groups: defaultdict[K, list[V]] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), values), maxlen=0)
    return groups


class Payment(NamedTuple):
    """One disbursement as recorded: amount in whole units of its own currency."""

    date: dt.date
    line: str
    amount: Decimal
    currency: str
    voucher: str
    exchange_rate: Decimal | None
    year: int  # appropriation year
    allocation: str | None
    source: int  # index into Payments.sources
    row: int  # 1-based line in that source
    refund: bool = False  # money returned: the amount is negative


class Columns(NamedTuple):
    """The payments' fields, one sequence per field of `Payment`, all of one length."""

    date: list[dt.date]
    line: list[str]
    amount: list[Decimal]
    currency: list[str]
    voucher: list[str]
    exchange_rate: list[Decimal | None]
    year: list[int]
    allocation: list[str | None]
    source: array[int]
    row: array[int]
    refund: list[bool]


def _columns() -> Columns:
    return Columns([], [], [], [], [], [], [], [], array("q"), array("q"), [])


_new_payment = tuple.__new__


class Records(Sequence[Payment]):
    """The payments as `Payment` records, each made when asked for."""

    def __init__(self, columns: Columns) -> None:
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns.date)

    @overload
    def __getitem__(self, index: int) -> Payment: ...
    @overload
    def __getitem__(self, index: slice) -> list[Payment]: ...
    def __getitem__(self, index: int | slice) -> Payment | list[Payment]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return _new_payment(Payment, [column[index] for column in self._columns])

    def __iter__(self) -> Iterator[Payment]:
        return map(_new_payment, repeat(Payment), zip(*self._columns, strict=True))


class Payments:
    """Every payment of one strategy: the files they come from, the records (by column), and
    the findings of reading them."""

    def __init__(self, sources: list[str] | None = None, records: Iterable[Payment] = ()) -> None:
        self.sources: list[str] = sources if sources is not None else []
        self.diagnostics: list[Diagnostic] = []
        self.columns = _columns()
        for payment in records:
            self.add(payment)

    @property
    def records(self) -> Records:
        return Records(self.columns)

    def __len__(self) -> int:
        return len(self.columns.date)

    def add(self, payment: Payment) -> None:
        columns: tuple[Any, ...] = self.columns
        for column, value in zip(columns, payment, strict=True):
            column.append(value)

    def extend(self, columns: Sequence[Iterable[Any]]) -> None:
        """Add records given by column, in the order of `Payment`'s fields."""
        mine: tuple[Any, ...] = self.columns
        for column, values in zip(mine, columns, strict=True):
            column.extend(values)

    def truncate(self, count: int) -> None:
        """Keep the first `count` records (a reader taking back what it read of a file)."""
        for column in self.columns:
            del column[count:]

    def replace(self, records: Iterable[Payment]) -> None:
        """Hold these records instead."""
        self.truncate(0)
        for payment in records:
            self.add(payment)

    def findings_at(
        self, rows: Iterable[int], make: Callable[[Payment], Diagnostic]
    ) -> list[Diagnostic]:
        """The findings `make` gives for the payments at `rows` (findings of one code): of each
        file's payments, those of its first `MAX_PER_CODE` rows, and one `more` finding
        counting the others, which are made neither into findings nor into records (a ledger
        whose every row is wrong in one way costs a thousand findings, not a million)."""
        records, sources = self.records, self.columns.source
        by_file: dict[int, Sequence[int]] = {}
        if len(self.sources) == 1:  # rows as given: a list or an array of a million stays one
            by_file[0] = rows if isinstance(rows, (list, array)) else list(rows)
        else:  # each row to its file's list, by C-level maps
            rows = list(rows)
            by_file.update(grouped(map(sources.__getitem__, rows), rows))
        found: list[Diagnostic] = []
        for indices in by_file.values():
            if len(indices) > MAX_PER_CODE:  # a file's payments are held in its order
                listed = heapq.nsmallest(MAX_PER_CODE + 1, indices)
                first = make(records[listed.pop()])
                count = len(indices) - MAX_PER_CODE
                found.append(more(first.file, first.line, first.code, count, first.severity))
                indices = listed
            found += map(make, map(records.__getitem__, indices))
        return found

    def where(self, payment: Payment) -> tuple[str, int]:
        return self.sources[payment.source], payment.row

    def finding(
        self, payment: Payment, code: str, /, *, kind: str = "", **values: Any
    ) -> Diagnostic:
        """A catalogued finding at the payment's file and row (see `findings.finding`)."""
        return finding(self.sources[payment.source], payment.row, 1, code, kind=kind, **values)
