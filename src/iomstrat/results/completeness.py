"""Whether the figures of a run rest on every payment read and accepted: the errors on the money
path (none: complete). Renderers mark figures written with `--partial` from it."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.findings import Diagnostic

ROW_NOT_READ = "IOM422"
"""A ledger row with a bad value: left out of the figures."""


@dataclass(frozen=True)
class Completeness:
    """The errors on the money path of a run; none: every payment was read and accepted."""

    withheld: tuple[Diagnostic, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.withheld

    @property
    def files(self) -> tuple[str, ...]:
        """The files (strategies, ledgers) the errors are in, in order of first mention."""
        return tuple(dict.fromkeys(d.file for d in self.withheld))

    @property
    def rows_left_out(self) -> int:
        """Ledger rows not read (a bad date, amount, line…)."""
        return sum(d.code == ROW_NOT_READ for d in self.withheld)


COMPLETE = Completeness()
