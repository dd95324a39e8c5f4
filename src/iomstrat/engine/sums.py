"""Stated totals against computed sums, for any table of figures with printed totals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.findings import DataPath, Diagnostic, Severity
from iomstrat.loader.documents import Document

TOTAL_MISMATCH = "IOM101"
ROUNDING_DIFFERENCE = "IOM102"


@dataclass(frozen=True)
class Term:
    label: str
    value: Decimal
    path: DataPath | None = None  # where the figure stands, to name its line in messages


@dataclass(frozen=True)
class SumCheck:
    """A figure the document states, the figures it should add up, and what rounding explains."""

    subject: str
    path: DataPath
    stated: Decimal
    terms: tuple[Term, ...]
    tolerance: Decimal

    @property
    def computed(self) -> Decimal:
        return sum((term.value for term in self.terms), Decimal(0))

    @property
    def difference(self) -> Decimal:
        return self.stated - self.computed


def rounding_tolerance(step: Decimal, rounded_terms: int) -> Decimal:
    """Largest gap rounding can explain: half a printed step for the total itself and for
    every term that is itself a rounded figure (exact planned amounts count as 0)."""
    return step / 2 * (rounded_terms + 1)


def check_sums(
    document: Document,
    checks: Iterable[SumCheck],
    *,
    error_code: str = TOTAL_MISMATCH,
    warning_code: str = ROUNDING_DIFFERENCE,
) -> list[Diagnostic]:
    """An error where a stated figure is off by more than rounding, a warning where rounding
    explains the gap; nothing where the figures agree exactly."""
    found: list[Diagnostic] = []
    for check in checks:
        difference = check.difference
        if difference == 0:
            continue
        terms = " + ".join(_term(document, t) for t in check.terms) or "nothing"
        detail = (
            f"{check.subject}: stated {check.stated}, computed {check.computed} ({terms}); "
            f"differs by {_signed(difference)}"
        )
        if abs(difference) <= check.tolerance:
            message = f"{detail}, within the rounding of printed figures (±{check.tolerance})"
            found.append(document.diagnostic(check.path, warning_code, Severity.WARNING, message))
        else:
            message = f"{detail}, more than rounding explains (±{check.tolerance})"
            found.append(document.diagnostic(check.path, error_code, Severity.ERROR, message))
    return found


def _signed(value: Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def _term(document: Document, term: Term) -> str:
    if term.path is None:
        return f"{term.label} {term.value}"
    return f"{term.label} {term.value} at line {document.position(term.path).line}"
