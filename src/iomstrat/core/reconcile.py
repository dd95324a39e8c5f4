"""The core of `iomstrat reconcile`: the strategy and its ledgers through the one pipeline, the
IATI files streamed for what concerns the strategy, the published record matched against it,
and the differences as findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.checks.currencies import NOT_ISO_4217
from iomstrat.checks.published import check_published
from iomstrat.core.pipeline import Run, check_file, completeness, figures_leave, shown_status
from iomstrat.engine.book import CONVERTED_BEYOND_BOUND, NO_RATE
from iomstrat.engine.published import Parties, reconcile_published
from iomstrat.findings import Diagnostic, Severity, Usage, usage
from iomstrat.loader.iati import Activity, read_activities
from iomstrat.results.completeness import ROW_NOT_READ, Completeness
from iomstrat.results.published import Reconciliation

PAYMENT_LOST = frozenset({ROW_NOT_READ, NO_RATE, NOT_ISO_4217, CONVERTED_BEYOND_BOUND})
"""The one test of a payment lost: a row not read (IOM422), or a payment without an amount in
the strategy's currency (no rate IOM414, a currency that does not exist IOM425, a converted
amount beyond the bound IOM431): every match and sum would be wrong, so none is shown."""


@dataclass(frozen=True)
class ReconcileResult:
    """The reconciliation, or none where an input could not be read (a figure from half a
    file would mislead)."""

    reconciliation: Reconciliation | None
    diagnostics: tuple[Diagnostic, ...]
    problem: Usage | None = None

    @property
    def exit_status(self) -> int:
        return shown_status(
            self.diagnostics, shown=self.reconciliation is not None, problem=self.problem
        )

    @property
    def completeness(self) -> Completeness:
        """Whether every payment and every published value was read and priced."""
        return completeness(self.diagnostics)

    def figures_leave(self, *, travels: bool, partial: bool) -> bool:
        """Whether the figures may be shown or written (pipeline.figures_leave)."""
        return self.reconciliation is not None and figures_leave(
            self.diagnostics, travels=travels, partial=partial
        )


def reconcile(
    path: str, iati: Sequence[str], *, as_of: dt.date, ledgers: Sequence[str] = ()
) -> ReconcileResult:
    run = Run(as_of, ledgers=tuple(ledgers))
    checked = check_file(path, run)
    found = [d for d in checked.diagnostics if d.severity >= Severity.WARNING]
    strategy, book = checked.strategy, checked.book
    if strategy is None or book is None or any(d.code in PAYMENT_LOST for d in found):
        return ReconcileResult(None, tuple(found))
    parties = Parties(strategy)
    if not parties.donor or not parties.organisation:
        return ReconcileResult(
            None,
            tuple(found),
            usage("reconcile_identifiers", file=checked.name),
        )
    activities: list[Activity] = []
    read = 0
    for name in iati:
        got = read_activities(name, parties.interest())
        activities += got.activities
        read += got.read
        found += got.diagnostics
    if any(d.severity is Severity.FATAL for d in found):
        return ReconcileResult(None, tuple(sorted(found)))
    result = reconcile_published(
        strategy,
        book,
        activities,
        file=checked.name,
        files=iati,
        read=read,
        as_of=as_of,
        rates=run.rates,
    )
    approvals = {
        approval.year: checked.document.position(("approvals", index)).line
        for index, approval in enumerate(strategy.approvals)
    }
    found += check_published(result, approvals)
    return ReconcileResult(result, tuple(sorted(found)))
