"""The core of `iomstrat validate`: every file through the one pipeline; findings as data."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import NamedTuple

from iomstrat.core.pipeline import (
    Checked,
    Run,
    check_file,
    exit_status,
    expand_paths,
    not_regular,
)
from iomstrat.findings import EXIT_CANNOT_RUN, Diagnostic


class Validation(NamedTuple):
    files: tuple[Checked, ...]
    strict: bool
    empty_folder: str | None = None  # nothing checked: this folder holds no YAML file

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for checked in self.files for d in checked.diagnostics]

    @property
    def checked(self) -> tuple[Checked, ...]:
        """The files checked: strategies and tables, not other tools' YAML."""
        return tuple(c for c in self.files if not c.skipped)

    @property
    def skipped(self) -> tuple[Checked, ...]:
        """Other tools' YAML, left alone (not what a folder held that is not a regular file:
        its note says)."""
        return tuple(c for c in self.files if c.skipped and not c.diagnostics)

    @property
    def exit_status(self) -> int:
        if self.empty_folder is not None:
            return EXIT_CANNOT_RUN
        return exit_status(self.diagnostics, strict=self.strict)


def validate(
    paths: list[str], run: Run, *, strict: bool = False, skip_other: bool = False
) -> Validation:
    """Check each file; a folder stands for the YAML files in it and its subfolders, of which
    other tools' YAML (no top-level strategy:, table: or schema_version: key) is skipped. A
    file named is checked whatever it holds, unless `skip_other` (the pre-commit hook, which
    hands over every staged YAML file): then another tool's clean YAML is skipped, an empty or
    broken file still reported. What a folder holds that is not a regular file (a FIFO, a
    socket, a device) is passed by with a note. Each file is checked on its own: one strategy
    in two files (a repository's example of its own strategy, a draft beside the signed copy)
    is an error only where figures are summed over the files (`counted_once`)."""
    named = replace(run, skip_other=skip_other, figures=False)
    found = replace(run, skip_other=True, skip_broken_other=True, figures=False)
    files: list[Checked] = []
    for path in paths:
        walked = path != "-" and os.path.isdir(path)
        skipped: list[tuple[str, str]] = []
        expanded = expand_paths([path], skipped)
        if walked and expanded == [path]:
            return Validation((), strict, empty_folder=path)
        files += [check_file(p, found if walked else named) for p in expanded]
        files += [not_regular(p, kind) for p, kind in skipped]
    return Validation(tuple(files), strict)
