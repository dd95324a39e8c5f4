"""Where the embedded default strategy file is, in a checkout and after a plain install."""

from __future__ import annotations

from importlib import resources

DEFAULT_FILE = "strategy_2023_2026.yaml"


def default_strategy_path() -> str:
    """Path of the strategy shipped inside the package (a copy of data/strategy_2023_2026.yaml)."""
    return str(resources.files("iomstrat") / "data" / DEFAULT_FILE)
