"""Where the embedded default strategy file is, in a checkout and after a plain install."""

from __future__ import annotations

import os

DEFAULT_FILE = "strategy_2023_2026.yaml"
SCHEMA_FILE = "schema/strategy.schema.json"
"""Where the repository keeps the emitted schema; the data file's `$schema` comment points here."""


def default_strategy_path() -> str:
    """Path of the strategy shipped inside the package (a copy of data/strategy_2023_2026.yaml)."""
    # The package is installed as files (wheel or editable), so the data sits beside this module;
    # importlib.resources would give the same path for a millisecond more of every start-up.
    return os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", DEFAULT_FILE
    )
