"""The HTML report in a real browser: Debian's headless Chromium, network off, opens the file,
draws every chart at a visible size, loads nothing, logs no error, and prints to A4.

Needs `chromium` and `chromedriver` on PATH, or where IOMSTRAT_CHROMIUM and
IOMSTRAT_CHROMEDRIVER say (Debian packages `chromium`, `chromium-driver`; `.ci/run` installs
them). Without them the test is skipped loudly on a workstation and fails under CI (the one
helper, conftest.require_tool), so it can never pass by not running."""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build

from .conftest import not_run, require_tool

app = build()

ROOT = Path(__file__).parent.parent
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"

FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
    # No network: every host name fails to resolve, and any request would hit a dead proxy.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--window-size=1100,1400",
)


INSTALL = "apt-get install chromium chromium-driver (.ci/run does)"


def _program(variable: str, name: str) -> str:
    """The program the environment variable names, else `name` on PATH, else a skip."""
    return os.environ.get(variable) or require_tool(name, INSTALL)


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    chromium = _program("IOMSTRAT_CHROMIUM", "chromium")
    chromedriver = _program("IOMSTRAT_CHROMEDRIVER", "chromedriver")
    try:
        from selenium import webdriver
    except ImportError:
        not_run("BROWSER TEST NOT RUN: selenium is not installed; pip install -e '.[test]'")
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download anything
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        options=options, service=Service(executable_path=chromedriver, log_output=os.devnull)
    )
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        yield driver
    finally:
        driver.quit()


CHART_BOXES = """
return Array.from(document.querySelectorAll('svg.chart')).map(function (svg) {
  var box = svg.getBoundingClientRect(), style = getComputedStyle(svg), inner = svg.getBBox();
  return {label: svg.getAttribute('aria-label'), width: box.width, height: box.height,
          innerWidth: inner.width, innerHeight: inner.height,
          visible: style.visibility === 'visible' && style.display !== 'none'
                   && parseFloat(style.opacity) > 0};
});
"""


def _open(driver: Any, page: Path) -> None:
    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"


def _check_page(driver: Any, charts: int) -> None:
    boxes = driver.execute_script(CHART_BOXES)
    assert len(boxes) == charts, boxes
    for box in boxes:
        assert box["visible"], box
        assert box["width"] > 200 and box["height"] > 100, box
        assert box["innerWidth"] > 0 and box["innerHeight"] > 0, box
    # Nothing was fetched at all (a self-contained page has no resources), and nothing failed.
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []


def _render(tmp_path: Path, *args: str) -> Path:
    page = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", *args, "--as-of", "2024-06-01", "-o", str(page)], catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return page


def test_report_in_headless_chromium(browser: Any, tmp_path: Path) -> None:
    paths = [str(EXAMPLE)] if EXAMPLE.exists() else []
    page = _render(tmp_path, *paths)
    _open(browser, page)
    charts = len(browser.find_elements("css selector", "svg.chart"))
    assert charts >= 3
    _check_page(browser, charts)
    # The findings (or the all-clear) are on the first screen, above the budget table.
    first_screen = browser.execute_script("return window.innerHeight")
    status = browser.find_element("css selector", ".findings, .ok")
    assert status.is_displayed() and status.location["y"] < first_screen

    ARTIFACTS.mkdir(exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1100, min(height + 100, 8000))
    assert browser.save_screenshot(str(ARTIFACTS / "report.png"))
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000

    pdf = base64.b64decode(browser.execute_cdp_cmd(
        "Page.printToPDF",
        {"paperWidth": 8.5, "paperHeight": 11, "preferCSSPageSize": True,  # Letter, unless CSS
         "printBackground": True},
    )["data"])  # fmt: skip
    assert pdf.startswith(b"%PDF")
    # Every page A4 (595 x 842 pt), from the stylesheet's @page rule, and a handful of them.
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    assert 2 <= len(boxes) <= 8
    assert all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes), boxes
    (ARTIFACTS / "report.pdf").write_bytes(pdf)


def test_two_strategies_on_one_page(browser: Any, tmp_path: Path) -> None:
    """Charts of two briefings share a document: their ids must not cross (clip paths)."""
    from iomstrat.loader.embedded import default_strategy_path

    copy = tmp_path / "copy.yaml"  # another strategy (a file_no of its own), the same figures
    text = Path(default_strategy_path()).read_text(encoding="utf-8")
    copy.write_text(text.replace('file_no: "2022-18394"', 'file_no: "2023-90001"'), "utf-8")
    page = _render(tmp_path, default_strategy_path(), str(copy))
    _open(browser, page)
    _check_page(browser, 6)


def test_a_word_of_2000_characters_stays_within_the_page(browser: Any, tmp_path: Path) -> None:
    """A budget line's name and the title as one word of 1 980 letters (the longest text a
    strategy holds is 2 000 characters): the page is never wider than the window."""
    word = "Udbetalingstilskud" * 110  # 1 980 letters, no space
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("name: Core funding", f"name: {word}", 1)
    title = "  title: Danish contributions to IOM (core, soft earmarked and personnel support)"
    assert title in text
    text = text.replace(title, f"  title: {word}", 1)
    strategy = tmp_path / "long.yaml"
    strategy.write_text(text, encoding="utf-8")
    (tmp_path / "illustrative_2023_ledger.csv").write_bytes(
        (EXAMPLE.parent / "illustrative_2023_ledger.csv").read_bytes()
    )
    page = _render(tmp_path, str(strategy))
    assert word in page.read_text(encoding="utf-8")
    _open(browser, page)
    widths = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[1], widths
