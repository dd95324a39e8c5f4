"""The core of `iomstrat validate`: every file through the one pipeline; findings as data."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.core.pipeline import Checked, Run, check_file, exit_status, expand_paths
from iomstrat.findings import Diagnostic


@dataclass(frozen=True)
class Validation:
    files: tuple[Checked, ...]
    strict: bool

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for checked in self.files for d in checked.diagnostics]

    @property
    def exit_status(self) -> int:
        return exit_status(self.diagnostics, strict=self.strict)


def validate(paths: list[str], run: Run, *, strict: bool = False) -> Validation:
    """Check each file (a folder stands for the YAML files in it)."""
    return Validation(tuple(check_file(path, run) for path in expand_paths(paths)), strict)
