"""Start-up, market loading and worker processes, each against its limit measured in the same run.

Whole processes are timed as a user runs them (median of several runs): `demogen --help` and a 10-company export
against `python -c pass`; loading the US market from the binary cache (warm) and building it (cold) against
parsing its CSV files alone; exports of about 200k and 1M rows with two workers against one, beside two CPU-bound
processes at once against one (how much of a second core is free at the time). Ratios, not seconds, carry over
to another machine; the load average is recorded because other work on the machine slows every process alike.

    python benchmarks/startup.py --out benchmarks/startup_results.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = '[tenant]\nname = "Acme"\nas_of = "2026-11-28"\n[volume]\ncompanies = 10\n'
LARGE = (
    '[tenant]\nname = "Northwind Traders"\nas_of = "2026-11-28"\n'
    "[locales]\nUS = 0.6\nGB = 0.25\nDE = 0.15\n[volume]\nusers = 12\ncompanies = {companies}\n"
)
BURN = [sys.executable, "-c", "sum(range(60_000_000))"]
"""A CPU-bound process of about a second: two at once show how much of a second core is free right now."""
EXPORT_WITH_WORKERS = """
import sys
from pathlib import Path
from demogen import parallel
from demogen.dataset import build_plan
from demogen.export import export_blocks
from demogen.recipe import load_recipe
if __name__ == "__main__":
    workers = int(sys.argv[3])
    plan = build_plan(load_recipe(Path(sys.argv[1])))
    export_blocks(parallel.iter_csv(plan, workers), Path(sys.argv[2]))
"""


def demogen_command() -> list[str]:
    script = Path(sys.executable).with_name("demogen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "demogen"]


def timed_runs(command: list[str], runs: int, env: dict | None = None, before=None) -> tuple[float, float, str]:
    """Median wall time and median CPU time (user + system) of `runs` whole processes, and the last one's stdout.

    CPU time counts the process itself (and children it waited for), so it is steadier than wall time when other
    work shares the machine; worker processes started through a fork server are not counted.
    """
    walls, cpus, out = [], [], ""
    for _ in range(runs):
        if before is not None:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        out = result.stdout
    return statistics.median(walls), statistics.median(cpus), out


def in_process(code: str, runs: int, env: dict) -> float:
    """Median of `runs` timings printed by `code` (one fresh process each, so nothing is memoised)."""
    seconds = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        seconds.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(seconds)


LOAD = """
import time
from demogen.locales import load_locale
start = time.perf_counter()
load_locale("US")
print(time.perf_counter() - start)
"""
COLD = """
import os, shutil
shutil.rmtree(os.environ["DEMOGEN_CACHE_DIR"], ignore_errors=True)
"""
PARSE = """
import time
from pathlib import Path
from demogen.locales import FILES, STORY_FILES, OPTIONAL_FILES, _read_csv, locales_root
folder = locales_root() / "US"
start = time.perf_counter()
for name, header in {**FILES, **STORY_FILES, **OPTIONAL_FILES}.items():
    if (folder / name).is_file():
        _read_csv(folder / name, header)
print(time.perf_counter() - start)
"""


def export_command(demogen: list[str], script: Path, recipe: Path, out: Path, workers: int) -> list[str]:
    """`demogen export --workers N` once the command has the flag; until then the same library calls."""
    help_text = subprocess.run([*demogen, "export", "--help"], capture_output=True, text=True, check=True).stdout
    if "--workers" in help_text:
        return [*demogen, "export", "--config", str(recipe), "--out", str(out), "--workers", str(workers)]
    return [sys.executable, str(script), str(recipe), str(out), str(workers)]


def measure(runs: int) -> dict:
    cache = Path(tempfile.mkdtemp(prefix="demogen-bench-cache-"))
    env = {**os.environ, "DEMOGEN_CACHE_DIR": str(cache)}
    work = Path(tempfile.mkdtemp(prefix="demogen-bench-"))
    small, script = work / "small.toml", work / "export_workers.py"
    small.write_text(SMALL, encoding="utf-8")
    script.write_text(EXPORT_WITH_WORKERS, encoding="utf-8")
    demogen = demogen_command()
    few = max(3, runs // 2)

    def clear_cache() -> None:
        for entry in cache.glob("*.npz"):
            entry.unlink()

    out = {"python": timed_runs([sys.executable, "-c", "pass"], runs, env)}
    out["help"] = timed_runs([*demogen, "--help"], runs, env)
    export_small = [*demogen, "export", "--config", str(small), "--out", str(work / "small")]
    out["export_cold"] = timed_runs(export_small, few, env, before=clear_cache)
    out["export_warm"] = timed_runs(export_small, runs, env)
    out["parse"] = in_process(PARSE, runs, env)
    out["load_cold"] = in_process(COLD + LOAD, runs, env)
    out["load_warm"] = in_process(LOAD, runs, env)
    for size, companies in (("200k", 12_800), ("1M", 64_000)):
        recipe = work / f"{size}.toml"
        recipe.write_text(LARGE.format(companies=companies), encoding="utf-8")
        folders = {workers: work / f"{size}-{workers}" for workers in (1, 2)}
        commands = {
            workers: export_command(demogen, script, recipe, folder, workers) for workers, folder in folders.items()
        }
        walls: dict[str, list[float]] = {key: [] for key in ("1", "2", "burn1", "burn2")}
        cpus: dict[str, list[float]] = {"1": [], "2": []}
        for _ in range(few):  # interleaved, so that other work drifting on the machine weighs on both alike
            for workers, command in commands.items():
                wall, cpu, _ = timed_runs(command, 1, env)
                walls[str(workers)].append(wall)
                cpus[str(workers)].append(cpu)
            for processes in (1, 2):
                walls[f"burn{processes}"].append(concurrent_runs(BURN, processes))
        for key, values in walls.items():
            out[f"{size}-{key}"] = statistics.median(values)
        for key, values in cpus.items():
            out[f"{size}-{key}"] = (out[f"{size}-{key}"], statistics.median(values))
        out[f"{size}-rows"] = sum(len(path.read_bytes().splitlines()) - 1 for path in folders[1].iterdir())
        out[f"{size}-same"] = all(
            path.read_bytes() == (folders[2] / path.name).read_bytes() for path in folders[1].iterdir()
        )
    out["via_cli"] = commands[2][0] != sys.executable
    return out


def concurrent_runs(command: list[str], processes: int) -> float:
    """Wall time until `processes` copies of a command started together have all finished."""
    start = time.perf_counter()
    running = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for _ in range(processes)]
    for process in running:
        process.wait()
    return time.perf_counter() - start


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def report(m: dict, runs: int, load_before: float, load_after: float) -> str:
    import numpy  # versions for the record only

    def ratio(value: float) -> str:
        return f"{value:.0f}x" if value >= 10 else f"{value:.2g}x"

    def row(what: str, measured, limit_name: str, limit, target: str = "") -> str:
        wall, cpu = (measured[0], f"{measured[1]:.3f}") if isinstance(measured, tuple) else (measured, "")
        limit_wall = limit[0] if isinstance(limit, tuple) else limit
        return (
            f"| {what} | {wall:.3f} | {cpu} | {limit_name} | {limit_wall:.3f} | {ratio(wall / limit_wall)} | {target} |"
        )

    def wall(measured) -> float:
        return measured[0] if isinstance(measured, tuple) else measured

    one_worker = wall(m["1M-1"])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    how = "`demogen export --workers N`" if m["via_cli"] else "`parallel.iter_csv` into `export_blocks`"
    lines = [
        "# Start-up and parallel generation",
        "",
        f"Measured {dt.date.today().isoformat()} on {cpu_model()} ({platform.machine()}, {cores} cores), Python"
        f" {platform.python_version()}, numpy {numpy.__version__}; median of {runs} runs"
        f" (cold runs and the large exports, interleaved: {max(3, runs // 2)}). Load average {load_before:.1f} before"
        f" and {load_after:.1f} after: other work on the machine slows every row, so compare the ratios. CPU is the"
        " process's own user + system time. Reproduce with `python benchmarks/startup.py`.",
        "",
        "| what | wall s | CPU s | limit measured in the same run | wall s | ratio | target |",
        "|---|---:|---:|---|---:|---:|---|",
        row("`demogen --help`, whole process", m["help"], "`python -c pass`", m["python"], "<= 0.25 s"),
        row(
            "`demogen export`, 10 companies, cache warm", m["export_warm"], "`python -c pass`", m["python"], "<= 0.6 s"
        ),
        row("`demogen export`, 10 companies, cache cold", m["export_cold"], "`python -c pass`", m["python"]),
        row("load the US market, cache warm", m["load_warm"], "parse its CSV files", m["parse"], "milliseconds"),
        row("load the US market, cache cold (parse, fold, write)", m["load_cold"], "parse its CSV files", m["parse"]),
        row(f"export {m['200k-rows']:,} rows, `--workers 2`", m["200k-2"], "the same, 1 worker", m["200k-1"], "<= 1x"),
        row("  meanwhile: two CPU-bound processes at once", m["200k-burn2"], "one alone", m["200k-burn1"], "1x"),
        row(f"export {m['1M-rows']:,} rows, `--workers 2`", m["1M-2"], "the same, 1 worker", m["1M-1"], "< 1x"),
        row("  meanwhile: two CPU-bound processes at once", m["1M-burn2"], "one alone", m["1M-burn1"], "1x"),
        "",
        f"The large exports run as whole processes through {how}; with 2 workers they are byte-identical to 1"
        f" worker: {'yes' if m['200k-same'] and m['1M-same'] else 'NO'}. Below 16 company blocks (about 250,000"
        " rows) no worker process is started (`parallel.BLOCKS_PER_WORKER`): one costs about a second of CPU to"
        " start. Each export row is followed by the machine's spare capacity measured between its runs: at 1x a second"
        " core was free, at 2x none was, and two workers can at best tie.",
        "",
        f"The {m['1M-rows']:,}-row export on one worker makes {m['1M-rows'] / one_worker:,.0f} rows/s, whole process"
        f" (target >= 250,000: {'met' if m['1M-rows'] / one_worker >= 250_000 else 'not met'}); rows/s depend on the"
        f" machine: here the CPU-bound reference process took {wall(m['1M-burn1']):.3f} s alone.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "startup_results.md")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    measured = measure(args.runs)
    text = report(measured, args.runs, load_before, os.getloadavg()[0])
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
