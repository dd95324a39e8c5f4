"""Strategy files are read as ledgers are (issue 24): regular files only, opened so that a FIFO,
a socket or a device cannot block; a folder's walk passes them by with a note (IOM012) and
checks the other files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, real_text, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def iomstrat(*args: str) -> subprocess.CompletedProcess[str]:
    """In a process of its own, with a deadline: a read that blocks fails the test."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "iomstrat", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_a_folder_with_a_fifo_is_checked_without_it(tmp_path: Path) -> None:
    (tmp_path / "a_strategy.yaml").write_text(real_text(), encoding="utf-8")
    os.mkfifo(tmp_path / "b_pipe.yaml")  # nothing ever writes to it
    (tmp_path / "c_strategy.yaml").write_text(
        real_text().replace("amounts: {2023: 48,", "amounts: {2023: 47,"), encoding="utf-8"
    )
    done = iomstrat("validate", str(tmp_path), "--as-of", "2023-01-01")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    note = "note IOM012 skipped: a FIFO (named pipe), not a regular file"
    assert f"{tmp_path / 'b_pipe.yaml'}:1:1: {note}" in lines
    # c's core line no longer adds up to its totals: the other files were checked.
    assert any(
        line.startswith(f"{tmp_path / 'c_strategy.yaml'}:") and " IOM101 " in line for line in lines
    )
    assert done.stderr.startswith("2 files checked: "), done.stderr


def test_a_broken_link_or_a_loop_in_a_folder_is_passed_by_as_a_fifo_is(tmp_path: Path) -> None:
    (tmp_path / "a_strategy.yaml").write_text(
        real_text().replace("amounts: {2023: 48,", "amounts: {2023: 47,"), encoding="utf-8"
    )
    os.symlink(tmp_path / "gone.yaml", tmp_path / "b_broken.yaml")
    os.symlink(tmp_path / "c_loop.yaml", tmp_path / "c_loop.yaml")
    done = iomstrat("validate", str(tmp_path), "--as-of", "2023-01-01")
    assert done.returncode == 1, done.stdout  # a's IOM101: the other file was checked
    lines = done.stdout.splitlines()
    broken = "note IOM012 skipped: a symbolic link to a file that does not exist, not a regular"
    assert f"{tmp_path / 'b_broken.yaml'}:1:1: {broken} file" in lines
    loop = "note IOM012 skipped: a symbolic link loop, not a regular file"
    assert f"{tmp_path / 'c_loop.yaml'}:1:1: {loop}" in lines
    assert any(line.startswith(f"{tmp_path / 'a_strategy.yaml'}:") for line in lines)
    assert "fatal" not in done.stdout and done.stderr.startswith("1 file checked: ")
    # named itself, a broken link stays a fatal one-line finding, exit 2
    named = iomstrat("validate", str(tmp_path / "b_broken.yaml"))
    assert named.returncode == 2
    assert named.stdout == (
        f"{tmp_path / 'b_broken.yaml'}:1:1: fatal IOM001 symbolic link to a file that does not "
        "exist\n"
    )


def test_a_fifo_named_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    done = iomstrat("validate", str(tmp_path / "pipe.yaml"))
    assert done.returncode == 2
    assert done.stdout == (
        f"{tmp_path / 'pipe.yaml'}:1:1: fatal IOM001 is a FIFO (named pipe), not a regular file\n"
    )


def test_a_socket_in_a_folder_is_passed_by(tmp_path: Path) -> None:
    (tmp_path / "strategy.yaml").write_text(real_text(), encoding="utf-8")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "s.yaml"))
        run = run_cli("validate", str(tmp_path), "--as-of", "2022-06-30")
    finally:
        server.close()
    assert run.exit_code == 0, run.stdout
    assert (
        f"{tmp_path / 's.yaml'}:1:1: note IOM012 skipped: a socket, not a regular file"
        in run.stdout
    )
    assert run.stderr.startswith("1 file checked: 0 errors")


def test_a_device_is_not_read_as_a_strategy() -> None:
    run = run_cli("validate", os.devnull)
    assert run.exit_code == 2
    assert run.stdout == f"{os.devnull}:1:1: fatal IOM001 is a device, not a regular file\n"
