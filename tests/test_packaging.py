"""The repository holds the data files once (data/), and the package built from it carries them:
a wheel built with the project's own backend holds them and the schema their modeline names, and
iomstrat run from that wheel finds its embedded strategy and the annex tables beside it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from iomstrat.loader.embedded import DEFAULT_FILE, default_strategy_path

from .conftest import not_run

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(p.name for p in (ROOT / "data").glob("*.yaml"))
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def build(target: str, folder: Path) -> Path:
    """The wheel or sdist of the repository, built by hatchling (pyproject's build backend)."""
    try:
        from hatchling.builders.sdist import SdistBuilder
        from hatchling.builders.wheel import WheelBuilder
    except ImportError:
        not_run("PACKAGING TEST NOT RUN: hatchling is not installed; pip install hatchling")
    builder = WheelBuilder if target == "wheel" else SdistBuilder
    (built,) = builder(str(ROOT)).build(directory=str(folder), versions=["standard"])
    return Path(built)


def test_no_copy_or_link_of_the_data_under_src() -> None:
    assert DATA_FILES == [
        "annex2_funding_2021.yaml",
        "annex3_earmarked_donors_2021.yaml",
        "annex3_unearmarked_donors.yaml",
        "strategy_2023_2026.yaml",
    ]
    assert [p for p in (ROOT / "src").rglob("*") if p.suffix in (".yaml", ".yml")] == []


def test_a_checkout_reads_the_repository_data() -> None:
    """PYTHONPATH=src and an editable install (which maps the package to src/) alike."""
    assert Path(default_strategy_path()) == ROOT / "data" / DEFAULT_FILE


def test_the_wheel_carries_the_data_and_the_schema_its_modeline_names(tmp_path: Path) -> None:
    wheel = build("wheel", tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in DATA_FILES:
            inside = f"iomstrat/data/{name}"
            text = archive.read(inside)
            assert text == (ROOT / "data" / name).read_bytes(), name
            modeline = MODELINE.match(text.decode("utf-8"))
            assert modeline is not None, name
            schema = os.path.normpath(os.path.join("iomstrat/data", modeline.group(1)))
            assert schema == "iomstrat/schema/strategy.schema.json"
            assert archive.read(schema) == (ROOT / "schema/strategy.schema.json").read_bytes()
        archive.extractall(tmp_path / "site")
    assert not any(n.endswith((".yaml", ".yml")) and "/data/" not in n for n in names)

    def iomstrat(*args: str) -> subprocess.CompletedProcess[str]:
        """Run from the unpacked wheel alone, in a folder with no strategy of its own."""
        (tmp_path / "work").mkdir(exist_ok=True)
        env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
        env.pop("GITHUB_ACTIONS", None)
        return subprocess.run(
            [sys.executable, "-m", "iomstrat", *args],
            cwd=tmp_path / "work",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    where = iomstrat("budget", "show")
    assert where.returncode == 0, where.stderr
    assert "using the embedded example" in where.stderr
    assert "Total" in where.stdout
    packaged = tmp_path / "site" / "iomstrat" / "data" / DEFAULT_FILE
    shipped = iomstrat("validate", str(packaged), "--as-of", "2024-06-01")
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr
    # The annex tables the strategy names are beside it: the findings are the repository's own.
    repository = iomstrat("validate", str(ROOT / "data" / DEFAULT_FILE), "--as-of", "2024-06-01")
    assert shipped.stdout.replace(str(packaged), "F") == repository.stdout.replace(
        str(ROOT / "data" / DEFAULT_FILE), "F"
    )
    assert shipped.stderr == repository.stderr
    tables = iomstrat("validate", *(str(packaged.parent / n) for n in DATA_FILES))
    assert tables.returncode == 0, tables.stdout + tables.stderr
    assert f"{len(DATA_FILES)} files checked" in tables.stderr


@pytest.mark.parametrize("folder", ["data", "schema"])
def test_the_sdist_carries_the_data_folders(tmp_path: Path, folder: str) -> None:
    sdist = build("sdist", tmp_path)
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    top = sdist.name.removesuffix(".tar.gz")
    expected = {f"{top}/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / folder).iterdir()}
    assert expected <= set(names)
    assert not any(n.startswith(f"{top}/src/") and n.endswith(".yaml") for n in names)
