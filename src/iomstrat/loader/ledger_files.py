"""Which files a strategy may name as ledgers, and opening a ledger without following it into a
device or a FIFO.

A strategy file comes from a repository anyone may send a pull request to, so the ledgers it
names are relative paths that stay inside that repository (its git work tree, else its folder):
an absolute path, `..` out of it, a symbolic link that leads out, a device, a FIFO or a folder
is refused before a byte of it is read, and the finding quotes only the path. A ledger named
twice is read once; the number and total size of ledgers per run are bounded. Paths typed on
the command line (`--ledger`) are the user's own choice: only the regular-file rule applies.
"""

from __future__ import annotations

import os
from typing import Any, BinaryIO

from iomstrat.findings import phrase
from iomstrat.loader import files, git

MAX_LEDGERS = 1000
"""Ledgers read per strategy (named in the file and given with --ledger)."""
MAX_LEDGER_BYTES = 512 * 2**20
"""Largest ledger read; a million CSV payments take about 70 MB."""
MAX_TOTAL_LEDGER_BYTES = 1024 * 2**20
"""All ledgers of one strategy together."""


def entry_path(ledger: str, strategy_file: str) -> str:
    """A ledger's path as a strategy file must write it: relative to the strategy's folder
    (to the working folder for a strategy read from standard input), `/` between folders."""
    base = os.getcwd() if strategy_file == "-" else os.path.dirname(os.path.abspath(strategy_file))
    relative = os.path.relpath(os.path.abspath(ledger), base)
    return relative.replace(os.sep, "/")


LEDGER_REFUSED = "IOM424"
"""The finding of a ledger that is not read (a path outside the repository, not a file…)."""


class Refused(Exception):
    """A ledger that is not read: why, as a `refused.*` phrase the renderer words (it names
    the path only, never the content)."""

    def __init__(self, kind: str, **values: Any) -> None:
        super().__init__(kind)
        self.why = phrase(f"refused.{kind}", **values)


def repository_root(strategy_file: str) -> str:
    """The git work tree holding the strategy file, else the file's folder; standard input's
    strategy names ledgers relative to the working folder."""
    start = os.getcwd() if strategy_file == "-" else os.path.dirname(os.path.abspath(strategy_file))
    start = os.path.realpath(start)
    return git.repository_root(start) or start


def named_path(strategy_file: str, ledger: str, root: str) -> str:
    """Where a ledger a strategy names lies, relative to the strategy file; Refused if it may
    not be read."""
    if os.path.isabs(ledger) or ledger.startswith("~"):
        raise Refused("absolute")
    if "\x00" in ledger:
        raise Refused("nul")
    base = os.getcwd() if strategy_file == "-" else os.path.dirname(strategy_file)
    path = os.path.join(base, ledger)
    real = os.path.realpath(path)
    if os.path.commonpath([real, root]) != root:
        raise Refused("outside", root=root)
    return path


def open_regular(path: str) -> tuple[BinaryIO, os.stat_result]:
    """Open a file for reading only if it is a regular file (never blocks on a FIFO, never
    reads a device); OSError for a file that cannot be opened, Refused for one not regular."""
    try:
        handle, info = files.open_regular(path)
    except files.NotRegular as error:
        raise Refused("not_regular", is_a=error.kind) from None
    if info.st_size > MAX_LEDGER_BYTES:
        handle.close()
        raise Refused("too_large", mib=round(info.st_size / 2**20), most_mib=MAX_LEDGER_BYTES >> 20)
    return handle, info
