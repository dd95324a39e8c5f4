"""A finding's file as CI tools name it: relative to the repository's top folder."""

from __future__ import annotations

import os
from pathlib import PurePath


def under_root(file: str, root: str | None) -> str | None:
    """`file` relative to `root`, with `/` and without `./` (`budgets/x.yaml`), when it lies
    inside `root` (as given or through links); else None."""
    if root is None or file == "-":
        return None
    absolute = os.path.abspath(file)
    for base, full in ((root, absolute), (os.path.realpath(root), os.path.realpath(file))):
        relative = os.path.relpath(full, base)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return PurePath(relative).as_posix()
    return None
