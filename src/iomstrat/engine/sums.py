"""Stated totals against computed sums, for any table of figures with printed totals."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from iomstrat.findings import DataPath, Diagnostic, Phrase
from iomstrat.loader.documents import Document

TOTAL_MISMATCH = "IOM101"
ROUNDING_DIFFERENCE = "IOM102"
ACKNOWLEDGED_ERRATUM = "IOM104"

Errata = Mapping[DataPath, str]
"""Figures the file acknowledges as misprints of the source: data path -> the reason."""


class Term(NamedTuple):
    label: str | int | Phrase  # a line id, a row or column name (an unnamed column: its number)
    value: Decimal
    path: DataPath | None = None  # where the figure stands, to name its line in messages


class SumCheck(NamedTuple):
    """A figure the document states, the figures it should add up, and what rounding explains."""

    subject: Phrase  # what the stated figure is the total of
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
        sum_of: dict[str, Any] = {
            "subject": check.subject,
            "stated": check.stated,
            "computed": check.computed,
            "terms": tuple(_term(document, t) for t in check.terms),
            "difference": difference,
        }
        reason = acknowledged(errata, check.path, *(t.path for t in check.terms), *check.figures)
        if reason is not None:
            found.append(
                document.finding(ACKNOWLEDGED_ERRATUM, check.path, **sum_of, reason=reason)
            )
        elif abs(difference) <= check.tolerance:
            found.append(
                document.finding(warning_code, check.path, **sum_of, tolerance=check.tolerance)
            )
        else:
            found.append(
                document.finding(
                    error_code, check.path, **sum_of, tolerance=check.tolerance, at=check.path
                )
            )
    return found


def acknowledged(errata: Errata | None, *paths: DataPath | None) -> str | None:
    """The reason of the first erratum among `paths`, None if none is one."""
    if errata:
        for path in paths:
            if path is not None and path in errata:
                return errata[path]
    return None


def _term(document: Document, term: Term) -> tuple[str | int | Phrase, Decimal, int | None]:
    """A term as its message quotes it: label, value and the line it stands on (if known)."""
    line = None if term.path is None else document.position(term.path).line
    return term.label, term.value, line
