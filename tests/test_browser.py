"""The app in a real browser: `streamlit run app.py` headless, driven by Debian's Chromium through Playwright.

Moves a slider and sees the chart change, downloads the recipe, pushes the tenant into SQLite and sees the success
with the digest of the downloaded recipe; writes the README's screenshots (docs/screenshots/). Without Chromium the
test skips, and `DEMOGEN_REQUIRE_BROWSER=1` (set by CI) turns that skip into a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT, cli_digest

SCREENSHOTS = ROOT / "docs" / "screenshots"
SERVER_FLAGS = ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        message = "Chromium is not installed: `apt-get install -y chromium` enables the browser tests"
        if os.environ.get("DEMOGEN_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(tmp_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port in a fresh folder (its embedded SQLite default and recipe shelf live
    there, and the project's theme is copied in); yields the URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DEMOGEN_DATABASE_URL", "DEMOGEN_RECIPES_DIR"}}
    shutil.copytree(ROOT / ".streamlit", tmp_path / ".streamlit", ignore=shutil.ignore_patterns("secrets.toml"))
    log = (tmp_path / "streamlit.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port), *SERVER_FLAGS],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def settle(page) -> None:
    """Wait until the app is connected and no script (or fragment) is running."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


def plot_data(page) -> str:
    return page.evaluate("() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(p => p.data))")


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator('[data-testid="stException"]')


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    settle(page)
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    no_exception(page)


def test_tune_download_and_push_in_a_real_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    chromium = _chromium()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server(tmp_path) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        page.goto(url)
        settle(page)
        page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
        no_exception(page)
        page.screenshot(path=str(SCREENSHOTS / "deals.png"))

        before = plot_data(page)
        win_rate = page.get_by_role("slider", name="Win rate")
        win_rate.focus()
        for _ in range(15):
            win_rate.press("ArrowRight")
        settle(page)
        page.wait_for_function(
            "(before) => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')].map(p => p.data)) !== before",
            arg=before,
            timeout=30_000,
        )
        assert plot_data(page) != before
        assert "recipe=" in page.url, "the URL carries the recipe"
        no_exception(page)

        for title, shot in (("Names and markets", "names"), ("Preview", "preview"), ("Compare", "compare")):
            open_page(page, title)
            page.screenshot(path=str(SCREENSHOTS / f"{shot}.png"))

        open_page(page, "Recipes")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download recipe (.toml)").click()
        recipe_file = tmp_path / "downloaded.toml"
        download.value.save_as(recipe_file)

        open_page(page, "Push")
        page.get_by_role("button", name="Push tenant…").click()
        page.get_by_role("button", name="Push now").click()
        page.get_by_text("succeeded").first.wait_for(timeout=120_000)
        settle(page)
        no_exception(page)
        page.screenshot(path=str(SCREENSHOTS / "push.png"))
        shown = page.get_by_text("Data digest").first.inner_text()
        browser.close()

    expected = cli_digest(recipe_file)
    assert expected and expected in shown, (expected, shown)
