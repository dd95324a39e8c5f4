"""Opening a file to read without blocking on it: regular files only. A FIFO (named pipe) opened
for reading waits for a writer, a device may never end, a socket cannot be read as a file; each
is opened non-blocking and refused once `fstat` tells what it is, before a byte is read."""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO


class NotRegular(Exception):
    """A path that is not a regular file; `kind` says what it is (`files.kind`: "fifo")."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def open_regular(path: str) -> tuple[BinaryIO, os.stat_result]:
    """Open a file for reading only if it is a regular file: OSError for one that cannot be
    opened, NotRegular for one that is not regular (a folder, a FIFO, a device)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(kind(info.st_mode))
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return handle, info


def not_regular(path: str) -> str | None:
    """What a path that a folder's walk found is, when not a regular file (None for a regular
    file, or one that cannot be looked at otherwise: reading it reports why): a symbolic link
    to nothing or in a loop is passed by as a FIFO is. `stat` never blocks."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if not os.path.islink(path):
            return None
        return "link_loop" if error.errno == errno.ELOOP else "broken_link"
    return None if stat.S_ISREG(mode) else kind(mode)


def kind(mode: int) -> str:
    """What a file that is not regular is, as a key the renderer words: directory, fifo,
    device, socket or other."""
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"
