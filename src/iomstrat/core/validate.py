"""The core of `iomstrat validate`: every file through the one pipeline; findings as data."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    def checked(self) -> tuple[Checked, ...]:
        """The files checked: strategies and tables, not other tools' YAML."""
        return tuple(c for c in self.files if not c.skipped)

    @property
    def exit_status(self) -> int:
        return exit_status(self.diagnostics, strict=self.strict)


def validate(paths: list[str], run: Run, *, strict: bool = False) -> Validation:
    """Check each file (a folder stands for the YAML files in it and its subfolders); YAML of
    other tools (no top-level strategy:, table: or schema_version: key) is skipped."""
    run = replace(run, skip_other=True)
    return Validation(tuple(check_file(path, run) for path in expand_paths(paths)), strict)
