"""A file as it was at a git revision (`git show REV:PATH`), for `iomstrat diff --rev`."""

from __future__ import annotations

import os
import subprocess
from typing import NamedTuple

from iomstrat.findings import Usage, usage

GIT_TIMEOUT = 60
"""Seconds git may take to hand over one file."""


class Revision(NamedTuple):
    """The file's bytes at `rev`, or why they could not be had."""

    name: str  # shown in findings, e.g. HEAD~1:data/strategy.yaml
    data: bytes | None
    error: Usage | None  # why the file cannot be had, worded by render/usage.py


def file_at(rev: str, path: str) -> Revision:
    """Ask git in the file's own folder, so the working directory does not matter; a symlinked
    file is followed to the file git tracks."""
    real = os.path.realpath(path)
    folder, base = os.path.split(real)
    name = f"{rev}:{path}"
    if rev.startswith("-"):
        return Revision(name, None, usage("git_not_revision", file=name, rev=rev[:40]))
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
            kind = "git_range" if ".." in rev else "git_unknown"
            return Revision(name, None, usage(kind, file=name, rev=rev[:40]))
        done = subprocess.run(
            ["git", "-C", folder or ".", "show", f"{rev}:./{base}"],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        return Revision(name, None, usage("git_missing", file=name))
    except (OSError, subprocess.TimeoutExpired) as error:
        return Revision(name, None, usage("git_failed", file=name, reason=str(error)))
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if not reason:
            return Revision(name, None, usage("git_exit", file=name, status=done.returncode))
        said = reason[-1].removeprefix("fatal: ")
        return Revision(name, None, usage("git_said", file=name, reason=said))
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
