"""The README's test command passes on a machine without hledger, Chromium or LibreOffice:
every test of an external program finds it through the one helper, `conftest.require_tool`,
which skips with the reason (and fails under CI)."""

from __future__ import annotations

import re

from .conftest import ROOT

OWN_LOOKUP = re.compile(r"shutil\.which\(|/usr/bin/|/usr/local/bin/")


def test_no_test_looks_for_a_program_itself() -> None:
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if path.name not in {"conftest.py", "test_bare_machine.py"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_LOOKUP.search(line)
    ]
    assert offenders == [], "use conftest.require_tool: " + ", ".join(offenders)
