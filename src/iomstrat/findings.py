"""Findings as data: the `Diagnostic` every check returns, its `Severity`, and data paths.

Computed tables live beside it: `report_budget`, `report_table`, `report_disbursement`,
`report_diff` (commands that print no table do not build their classes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

DataPath = tuple[str | int, ...]


EXIT_OK = 0
EXIT_FINDINGS = 1  # errors (warnings too under --strict)
EXIT_CANNOT_RUN = 2  # bad usage, or an input that cannot be read


class Severity(enum.IntEnum):
    """Ordered so that `max()` gives the worst; FATAL means the input could not be read."""

    INFO = 0
    WARNING = 1
    ERROR = 2
    FATAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one input file, pinned to a position in it."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: DataPath = field(default=(), compare=False)

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"
