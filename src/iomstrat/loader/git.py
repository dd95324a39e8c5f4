"""A file as it was at a git revision (`git show REV:PATH`), for `iomstrat diff --rev`."""

from __future__ import annotations

import os
import subprocess
from typing import NamedTuple

GIT_TIMEOUT = 60
"""Seconds git may take to hand over one file."""


class Revision(NamedTuple):
    """The file's bytes at `rev`, or why they could not be had."""

    name: str  # shown in findings, e.g. HEAD~1:data/strategy.yaml
    data: bytes | None
    error: str | None


def file_at(rev: str, path: str) -> Revision:
    """Ask git in the file's own folder, so the working directory does not matter; a symlinked
    file is followed to the file git tracks."""
    real = os.path.realpath(path)
    folder, base = os.path.split(real)
    name = f"{rev}:{path}"
    if rev.startswith("-"):
        return Revision(name, None, f"'{rev[:40]}' is not a git revision")
    try:
        # One commit, told apart first: `git show A..B:file` shows a range and prints nothing
        # of the file, which then read as an empty file.
        commit = subprocess.run(
            ["git", "-C", folder or ".", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
        if commit.returncode != 0:
            hint = " (a range such as A..B is not one: name one commit)" if ".." in rev else ""
            return Revision(name, None, f"'{rev[:40]}' is not a revision of this repository{hint}")
        done = subprocess.run(
            ["git", "-C", folder or ".", "show", f"{rev}:./{base}"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        return Revision(name, None, "git is not installed")
    except (OSError, subprocess.TimeoutExpired) as error:
        return Revision(name, None, f"git could not run: {error}")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        message = reason[-1].removeprefix("fatal: ") if reason else f"git exited {done.returncode}"
        return Revision(name, None, message)
    return Revision(name, done.stdout, None)


def repository_root(start: str) -> str | None:
    """The top folder of the git work tree holding `start` (the nearest folder upwards with a
    `.git` folder or, in a worktree or submodule, a `.git` file); None outside any. Read from
    the file system, without running git."""
    folder = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
