"""Where the embedded default strategy file is, in a checkout and after a plain install."""

from __future__ import annotations

import os
import re

DEFAULT_FILE = "strategy_2023_2026.yaml"
SCHEMA_FILE = "schema/strategy.schema.json"
"""Where the repository keeps the emitted schema; the data file's `$schema` comment points here."""


SHIPPED_DATA = "iomstrat/data"
"""How the files shipped with iomstrat are named wherever this machine keeps them."""


def default_strategy_path() -> str:
    """Path of the strategy shipped with iomstrat (its annex tables beside it). The repository
    holds it once, in data/; a wheel carries that folder inside the package (pyproject's
    force-include), and a checkout or an editable install reads the repository's own."""
    # Installed as files, so the data sits beside this module; importlib.resources would give
    # the same path for a millisecond more of every start-up.
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    packaged = os.path.join(package, "data", DEFAULT_FILE)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(package)), "data", DEFAULT_FILE)


_STRATEGY_KEY = re.compile(rb"^strategy[ \t]*:", re.M)
MAX_SNIFF = 2 * 2**20


def strategies_in(folder: str) -> list[str]:
    """The strategy files directly in `folder` (YAML whose text has a top-level `strategy:`
    key), sorted: what commands without PATH use there. Unreadable files are left out (their
    own command, given the path, reports them)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not name.endswith((".yaml", ".yml")) or not os.path.isfile(path):
            continue
        try:
            with open(path, "rb") as handle:
                head = handle.read(MAX_SNIFF)
        except OSError:
            continue
        if _STRATEGY_KEY.search(head):
            found.append(os.path.relpath(path))
    return found
