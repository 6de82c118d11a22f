"""Analyst notebooks are committed without outputs and run top to bottom on the current interpreter.

The kernel is the interpreter running the tests (`sys.executable`), resolved through ipykernel's built-in spec
rather than any installed kernelspec: a `python3` kernelspec left in ~/.local/share/jupyter by another Python
cannot hijack the run, and a clean machine needs nothing beyond `pip install -e '.[app,dev,bench]'`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
TIMEOUT_SECONDS = 120
STRIP = ROOT / "tools" / "strip_notebooks.py"


def ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


def current_interpreter_kernel() -> KernelManager:
    """A kernel manager whose `python3` spec is ipykernel's own: [sys.executable, -m, ipykernel_launcher, ...]."""
    return KernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=[]))


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ should hold the analyst notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_committed_notebook_has_no_outputs(path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"cells {dirty} carry outputs or execution counts: run {STRIP.relative_to(ROOT)} {path.name}"


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids(NOTEBOOKS))
def executed(request) -> tuple[Path, nbformat.NotebookNode]:
    path = request.param
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        km=current_interpreter_kernel(),
        timeout=TIMEOUT_SECONDS,
        startup_timeout=60,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError naming the failing cell
    return path, notebook


@pytest.mark.slow
def test_notebook_runs_top_to_bottom_on_this_interpreter(executed):
    _, notebook = executed
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    assert not [out for cell in code for out in cell.outputs if out.output_type == "error"]
    kernel_python = notebook.metadata["language_info"]["version"]
    assert kernel_python == ".".join(map(str, sys.version_info[:3]))


@pytest.mark.slow
def test_strip_tool_restores_the_committed_notebook(executed, tmp_path):
    path, notebook = executed
    run = tmp_path / path.name
    nbformat.write(notebook, run)
    check = subprocess.run([sys.executable, STRIP, "--check", run], capture_output=True, text=True, check=False)
    assert check.returncode == 1 and "has outputs" in check.stdout
    subprocess.run([sys.executable, STRIP, run], check=True, capture_output=True)
    assert json.loads(run.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))
    again = subprocess.run([sys.executable, STRIP, "--check", run], capture_output=True, text=True, check=False)
    assert again.returncode == 0 and not again.stdout
