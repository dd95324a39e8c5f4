"""Whether the figures of a run rest on every payment read and accepted: the errors on the money
path (none: complete). Renderers mark figures written with `--partial` from it."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.findings import Diagnostic, stands_for

ROW_NOT_READ = "IOM422"
"""A ledger row with a bad value: left out of the figures."""


CAUSES = ("plan", "approvals", "payments", "rates", "allocations", "schedule", "published",
          "left_out")  # fmt: skip
"""What the errors that make figures incomplete are about, in the order a banner names them."""

_ABOUT: dict[str, tuple[str, ...]] = {
    "plan": ("IOM1", "IOM3"),  # a stated total, a version's change, the budget lines
    "approvals": ("IOM2", "IOM451"),  # parliament's decisions and their records
    "rates": ("IOM414", "IOM415"),  # ECB reference rates
    "allocations": ("IOM403", "IOM404", "IOM405", "IOM406", "IOM407", "IOM408", "IOM412", "IOM44"),
    "schedule": ("IOM416", "IOM417"),
    "left_out": ("IOM460",),  # one strategy given twice: the later file left out
    "payments": ("IOM4",),  # every other IOM4: payments, their ledgers, the rates they state
    "published": ("IOM902", "IOM915"),  # `reconcile`'s published IATI values
}
"""A code's cause by its prefix, the first that matches (so `payments` after the other IOM4
causes); any other code is the error of a file left out of the figures (`left_out`)."""


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
    def causes(self) -> tuple[str, ...]:
        """What the errors are about, each once, in `CAUSES`' order."""
        found = {_cause(d.code) for d in self.withheld}
        return tuple(name for name in CAUSES if name in found)

    @property
    def rows_left_out(self) -> int:
        """Ledger rows not read (a bad date, amount, line…)."""
        return sum(stands_for(d) for d in self.withheld if d.code == ROW_NOT_READ)

    @property
    def errors(self) -> int:
        """The errors that make the figures incomplete, those a `more` finding counts too."""
        return sum(map(stands_for, self.withheld))


def _cause(code: str) -> str:
    return next(
        (name for name, prefixes in _ABOUT.items() if code.startswith(prefixes)), "left_out"
    )


COMPLETE = Completeness()
