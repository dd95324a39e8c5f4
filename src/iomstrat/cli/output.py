"""Where a command's result goes: standard output, or a file written whole or not at all.

An `--output` file is written to a temporary file in the target's folder, flushed to disk and
renamed over the target (`os.replace`, atomic on one file system), so a write that fails or is
killed midway leaves the previous file byte-identical (a kill may leave the temporary
`.NAME.*.tmp` beside it). An output that is one of the command's inputs (same resolved path, or
same device and inode: symbolic and hard links too) is refused with exit 2 before any input is
checked: the strategy files, the ledgers given with --ledger and the ledgers the strategy files
name (their `ledgers:` list, read for this alone).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterable

from iomstrat.findings import BIDI_AND_INVISIBLE


def is_stdout(output: str | None) -> bool:
    return output is None or output == "-"


def same_file(output: str, inputs: Iterable[str]) -> str | None:
    """The input that `output` would overwrite, or None."""
    target = os.path.realpath(output)
    try:
        target_stat: os.stat_result | None = os.stat(output)
    except (OSError, ValueError):
        target_stat = None
    for given in _files(inputs):
        if os.path.realpath(given) == target:
            return given
        if target_stat is None:
            continue
        try:
            source = os.stat(given)
        except (OSError, ValueError):
            continue
        if (source.st_dev, source.st_ino) == (target_stat.st_dev, target_stat.st_ino):
            return given
    return None


def _files(inputs: Iterable[str]) -> Iterable[str]:
    """The files the inputs stand for: a folder for the YAML files directly inside it, a
    strategy file for itself and the ledgers it names."""
    from iomstrat.core.pipeline import YAML_SUFFIXES  # what a folder given as input stands for

    for given in inputs:
        if given == "-":
            continue
        if os.path.isdir(given):
            with contextlib.suppress(OSError):
                for name in os.listdir(given):
                    if name.endswith(YAML_SUFFIXES):
                        yield from _with_ledgers(os.path.join(given, name))
            continue
        yield from _with_ledgers(given) if given.endswith(YAML_SUFFIXES) else (given,)


def _with_ledgers(strategy_file: str) -> Iterable[str]:
    """A strategy file and the ledgers it names (read with the loader's limits; a file that
    cannot be read names none here and gets its finding later)."""
    from iomstrat.loader.documents import load
    from iomstrat.loader.ledger_files import Refused, named_path, repository_root
    from iomstrat.model.errors import STRATEGY_LIMITS

    yield strategy_file
    data = (
        load(strategy_file, limits=STRATEGY_LIMITS).data if os.path.isfile(strategy_file) else None
    )
    ledgers = data.get("ledgers") if isinstance(data, dict) else None
    if not isinstance(ledgers, list):
        return
    root = repository_root(strategy_file)
    for entry in ledgers:
        name = entry.get("path") if isinstance(entry, dict) else entry
        if isinstance(name, str):
            try:
                yield named_path(strategy_file, name, root)
            except Refused:
                continue  # not read either: its finding comes from the pipeline


# The last line of defence for text results: the model refuses these characters in content,
# but a file name can hold anything. Kept: tab, line feed, carriage return (CSV line ends), the
# byte-order mark a spreadsheet CSV starts with, and colour (SGR: ESC [ digits m).
_INERT = re.compile(
    f"\x1b(?!\\[[0-9;]*m)|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f{BIDI_AND_INVISIBLE}]"
)


def inert(text: str) -> str:
    """`text` with nothing a terminal would act on but colour: other escape sequences, control,
    bidi and invisible characters become '?'."""
    return _INERT.sub("?", text)


def to_stdout(text: str) -> None:
    """Text to standard output, inert; a character UTF-8 cannot hold (a lone surrogate from a
    file name that is not UTF-8) is written as its \\udcXX escape, never a traceback."""
    sys.stdout.write(encode(text).decode("utf-8"))


def encode(text: str) -> bytes:
    return inert(text).encode("utf-8", "backslashreplace")


class NotRegularOutput(OSError):
    """An --output that is a device, a FIFO or a socket: renamed over, it would be replaced by a
    regular file (`/dev/full` as root, a FIFO a reader waits on), the write reported done."""


def replace_file(output: str, data: bytes) -> None:
    """Write `data` to `output` whole or not at all (raises OSError, the target untouched).
    A symbolic link is followed: the file it names is replaced, the link stays."""
    target = os.path.realpath(output)
    folder, name = os.path.split(target)
    import secrets  # here, not above: only a command writing a file needs it (3 ms)

    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        found = os.stat(output).st_mode  # `/dev/stdout` too: its link leads to a pipe or a tty
    except (OSError, ValueError):
        found = None
    if found is not None and not (stat.S_ISREG(found) or stat.S_ISDIR(found)):
        raise NotRegularOutput(output)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if mode is not None:
                os.fchmod(handle, mode)  # replacing a file keeps its permissions
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every file system lets a folder be opened."""
    try:
        handle = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(handle)
    os.close(handle)
