"""How the app feels: the redraw after a parameter change, and the first page in a real browser (warm server).

1. Redraw: what one rerun of the Deals page's amount fragment does after the user changes the Pareto alpha on a
   10,000-deal preview — validate the edited recipe, generate the sample (uncached: the recipe is new), build the
   amount and Lorenz figures — timed over several distinct alphas. Target: <= 0.5 s.
2. A whole AppTest run of the Deals page (every fragment and chart), warm.
3. First page: `streamlit run app.py` headless, one page load to warm it, then a fresh browser context; the time
   from navigation until the first chart is drawn and no script is running, beside the same for a one-chart
   Streamlit page (the floor, measured in the same run). Target: <= 3 s. Needs Debian's
   Chromium (skipped, and said so, without it).

    python benchmarks/app_feel.py --out benchmarks/app_results.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
AS_OF = dt.date(2026, 11, 28)
SERVER_FLAGS = ("--server.address", "127.0.0.1", "--server.headless", "true")


def redraw_seconds(repeats: int = 7) -> dict:
    from demogen import charts
    from demogen.dataset import build_plan, iter_blocks
    from demogen.export import collect_frames
    from demogen.recipe import load_recipe
    from demogen.tuning import sample_recipe, with_value

    recipe = with_value(load_recipe(ROOT / "configs" / "default.toml", as_of=AS_OF), "volume.companies", 40_000)
    times, deals = [], 0
    for k in range(repeats + 1):
        start = time.perf_counter()
        edited = with_value(recipe, "deals.amount.alpha", 1.1 + 0.05 * k)
        frames = collect_frames(iter_blocks(build_plan(sample_recipe(edited))))
        sample = {"sample": frames}
        charts.deal_amounts(sample, law=edited.deals.amount.law)
        charts.lorenz(sample)
        elapsed = time.perf_counter() - start
        deals = len(frames["deals"])
        if k:  # the first run pays for imports and the locale load
            times.append(elapsed)
    return {"median": statistics.median(times), "worst": max(times), "deals": deals}


def apptest_seconds(repeats: int = 3) -> dict:
    from streamlit.testing.v1 import AppTest

    times = []
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        for k in range(repeats + 1):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            start = time.perf_counter()
            at.run()
            if k:
                times.append(time.perf_counter() - start)
            assert not at.exception
    os.chdir(ROOT)
    return {"median": statistics.median(times)}


def _first_chart(context, url: str) -> float:
    """Seconds from navigation until the first chart is drawn and no script is running."""
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


PEER_APP = """
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="peer", layout="wide")
st.title("One chart")
st.plotly_chart(go.Figure(go.Bar(x=list(range(20)), y=list(range(20)))))
"""
"""The floor: the smallest Streamlit page that draws one plotly chart, served and loaded the same way."""


def browser_first_page_seconds(app: Path, repeats: int = 3) -> dict | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / ".streamlit", folder / ".streamlit", ignore=shutil.ignore_patterns("secrets.toml"))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port), *SERVER_FLAGS],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        times = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
            )
            returning = browser.new_context(viewport={"width": 1440, "height": 1000})
            for _ in range(repeats + 1):
                fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
                # the first load warms the server (imports, locale data, the sample cache)
                times.append((_first_chart(fresh, url), _first_chart(returning, url)))
                fresh.close()
            browser.close()
        return {
            "fresh": statistics.median(t[0] for t in times[1:]),
            "returning": statistics.median(t[1] for t in times[1:]),
        }
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def peer_first_page_seconds() -> dict | None:
    folder = Path(tempfile.mkdtemp())
    peer = folder / "peer_app.py"
    peer.write_text(PEER_APP, encoding="utf-8")
    try:
        return browser_first_page_seconds(peer)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "app_results.md")
    args = parser.parse_args()
    redraw, apptest = redraw_seconds(), apptest_seconds()
    browser, peer = browser_first_page_seconds(ROOT / "app.py"), peer_first_page_seconds()
    lines = [
        "# How the app feels",
        "",
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}; `python benchmarks/app_feel.py`.",
        "",
        "| what | measured | target | share of the target | floor, same run | ratio to the floor |",
        "|---|---:|---:|---:|---:|---:|",
        f"| redraw after an alpha change, {redraw['deals']:,}-deal preview (median; worst {redraw['worst']:.2f} s) "
        f"| {redraw['median']:.2f} s | 0.5 s | {redraw['median'] / 0.5:.0%} | — | — |",
        f"| AppTest run of the whole Deals page, warm | {apptest['median']:.2f} s | — | — | — | — |",
    ]
    if browser is None or peer is None:
        lines.append("| first page in Chromium, warm server | not measured (no chromium) | 3 s | — | — | — |")
    else:
        for kind, words in (("fresh", "a fresh browser (empty cache)"), ("returning", "a returning browser")):
            lines.append(
                f"| first page in Chromium, warm server, {words}: navigation to first chart drawn "
                f"| {browser[kind]:.2f} s | 3 s | {browser[kind] / 3:.0%} | {peer[kind]:.2f} s "
                f"| {browser[kind] / peer[kind]:.2f}x |"
            )
        lines += [
            "",
            "The floor is the smallest Streamlit page that draws one plotly chart (`PEER_APP` in the script), served",
            "and loaded the same way in the same run: what Streamlit and plotly themselves cost in this browser.",
        ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
