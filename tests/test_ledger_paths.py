"""Files a strategy may name as ledgers (issue 15.2): relative paths inside the strategy's
repository, regular files only, each read once; nothing of a refused file reaches the output.
`--ledger` on the command line is the user's choice: any regular file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from iomstrat.loader import ledger_files

from .conftest import run_cli
from .disbursement_helpers import LEDGER, edit, example_text

AS_OF = "2024-01-01"
SECRET = "root:$6$secret-hash:19000:0:99999:7:::"


def strategy_naming(folder: Path, ledgers: str) -> Path:
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", f"ledgers: {ledgers}")
    path = folder / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def lines(run_stdout: str, code: str) -> list[str]:
    return [line for line in run_stdout.splitlines() if code in line]


def test_absolute_escaping_and_symlinked_paths_are_refused_quoting_nothing(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "shadow"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "strategies").mkdir(parents=True)
    (repo / ".git").mkdir()  # the repository's root: ../ inside it is allowed
    (repo / "ledger.csv").write_bytes(LEDGER.read_bytes())
    (repo / "strategies" / "link.csv").symlink_to(secret)
    strategy = strategy_naming(
        repo / "strategies",
        f"[{secret}, ../../outside/shadow, link.csv, ../ledger.csv, ../ledger.csv, "
        "./../ledger.csv]",
    )
    run = run_cli("validate", str(strategy), "--as-of", AS_OF)
    assert run.exit_code == 2
    assert "secret-hash" not in run.stdout + run.stderr
    assert [line.split(": fatal IOM424 ")[1] for line in lines(run.stdout, "IOM424")] == [
        f"ledger '{secret}' is not read: a ledger a strategy names is a path relative to the "
        "strategy file",
        f"ledger '../../outside/shadow' is not read: the ledger leads outside the strategy's "
        f"repository ({repo.resolve()})",
        f"ledger 'link.csv' is not read: the ledger leads outside the strategy's repository "
        f"({repo.resolve()})",
    ]
    # The one ledger named three ways is read once: no voucher is "already used".
    assert lines(run.stdout, "IOM410") == []


def test_without_git_the_strategy_folder_is_the_limit(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (tmp_path / "ledger.csv").write_bytes(LEDGER.read_bytes())
    run = run_cli("validate", str(strategy_naming(folder, "[../ledger.csv]")), "--as-of", AS_OF)
    assert run.exit_code == 2
    assert "IOM424 ledger '../ledger.csv' is not read: the ledger leads outside" in run.stdout


def test_devices_fifos_and_folders_are_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.csv")
    (tmp_path / "folder.csv").mkdir()
    strategy = strategy_naming(tmp_path, "[fifo.csv, folder.csv]")
    run = run_cli("validate", str(strategy), "--as-of", AS_OF)  # returns: never blocks
    assert run.exit_code == 2
    assert [line.split(" fatal ")[1] for line in lines(run.stdout, "IOM424")] == [
        "IOM424 ledger is a FIFO (named pipe), not a regular file",
        "IOM424 ledger is a directory, not a regular file",
    ]
    # On the command line any path is the user's choice, but still a regular file only.
    device = run_cli("validate", str(strategy), "--as-of", AS_OF, "--ledger", "/dev/zero")
    assert "zero:1:1: fatal IOM424 ledger is a device, not a regular file" in device.stdout


def test_a_ledger_given_on_the_command_line_may_be_anywhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "extra.csv"
    elsewhere.parent.mkdir()
    elsewhere.write_text(
        "date,line,amount,currency,voucher,exchange_rate\n2023-12-20,personnel,10.00,DKK,X-1,\n",
        encoding="utf-8",
    )
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / LEDGER.name).write_bytes(LEDGER.read_bytes())
    strategy = strategy_naming(folder, f"[{LEDGER.name}]")
    run = run_cli("validate", str(strategy), "--as-of", AS_OF, "--ledger", str(elsewhere))
    assert "IOM424" not in run.stdout
    assert f"{elsewhere}:2:1: error IOM411" in run.stdout


def test_limits_on_the_number_of_ledgers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger_files, "MAX_LEDGERS", 2)
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.csv").write_text("date,line,amount,currency,voucher,exchange_rate\n")
    run = run_cli("validate", str(strategy_naming(tmp_path, "[a.csv, b.csv, c.csv, d.csv]")))
    assert run.exit_code == 2
    assert "fatal IOM424 2 ledgers beyond the limit of 2 per strategy are not read" in run.stdout


def test_limits_on_the_total_size_of_ledgers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = LEDGER.read_bytes()
    monkeypatch.setattr(ledger_files, "MAX_TOTAL_LEDGER_BYTES", len(ledger) + 10)
    (tmp_path / "a.csv").write_bytes(ledger)
    (tmp_path / "b.csv").write_bytes(ledger.replace(b"DK-2023-", b"DK-2024-"))
    run = run_cli("validate", str(strategy_naming(tmp_path, "[a.csv, b.csv]")), "--as-of", AS_OF)
    assert run.exit_code == 2
    assert [line.split(":1:1: ")[1] for line in lines(run.stdout, "IOM424")] == [
        "fatal IOM424 the ledgers of this strategy add up to more than 0 MiB; this one is not read"
    ]


def test_git_work_tree_root(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert ledger_files.repository_root(str(tmp_path / "a" / "b" / "s.yaml")) == str(
        tmp_path.resolve()
    )
