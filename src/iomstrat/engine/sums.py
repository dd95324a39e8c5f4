"""Stated totals against computed sums, for any table of figures with printed totals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from iomstrat.findings import DataPath, Diagnostic, Severity
from iomstrat.loader.documents import Document
from iomstrat.model.errors import format_path

TOTAL_MISMATCH = "IOM101"
ROUNDING_DIFFERENCE = "IOM102"
ACKNOWLEDGED_ERRATUM = "IOM104"

Errata = Mapping[DataPath, str]
"""Figures the file acknowledges as misprints of the source: data path -> the reason."""


class Term(NamedTuple):
    label: str
    value: Decimal
    path: DataPath | None = None  # where the figure stands, to name its line in messages


class SumCheck(NamedTuple):
    """A figure the document states, the figures it should add up, and what rounding explains."""

    subject: str
    path: DataPath
    stated: Decimal
    terms: tuple[Term, ...]
    tolerance: Decimal
    figures: tuple[DataPath, ...] = ()  # where terms without a path come from (for errata)

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
    errata: Errata | None = None,
) -> list[Diagnostic]:
    """An error where a stated figure is off by more than rounding, a warning where rounding
    explains the gap; nothing where the figures agree exactly. Where the stated figure or one
    of its terms is an acknowledged erratum of the source, the gap is a note with the reason."""
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
        reason = acknowledged(errata, check.path, *(t.path for t in check.terms), *check.figures)
        if reason is not None:
            message = f"{detail}; an erratum of the source, acknowledged: {reason}"
            found.append(
                document.diagnostic(check.path, ACKNOWLEDGED_ERRATUM, Severity.INFO, message)
            )
        elif abs(difference) <= check.tolerance:
            message = f"{detail}, within the rounding of printed figures (±{check.tolerance})"
            found.append(document.diagnostic(check.path, warning_code, Severity.WARNING, message))
        else:
            message = (
                f"{detail}, more than rounding explains (±{check.tolerance}); if the source "
                f"prints it so, acknowledge it under `errata:` at {format_path(check.path)}"
            )
            found.append(document.diagnostic(check.path, error_code, Severity.ERROR, message))
    return found


def acknowledged(errata: Errata | None, *paths: DataPath | None) -> str | None:
    """The reason of the first erratum among `paths`, None if none is one."""
    if errata:
        for path in paths:
            if path is not None and path in errata:
                return errata[path]
    return None


def _signed(value: Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def _term(document: Document, term: Term) -> str:
    if term.path is None:
        return f"{term.label} {term.value}"
    return f"{term.label} {term.value} at line {document.position(term.path).line}"
