"""Strip outputs, execution counts and run metadata from Jupyter notebooks, in place.

Notebooks are committed without outputs (tests/test_notebooks.py fails otherwise, and executes them instead).
Run it before committing a notebook you have run:

    .venv/bin/python tools/strip_notebooks.py              # every notebook under notebooks/
    .venv/bin/python tools/strip_notebooks.py path.ipynb   # just these
    .venv/bin/python tools/strip_notebooks.py --check      # exit 1 and name the notebooks that carry outputs

A make target can call it as is, for example `strip: ; $(BIN)/python tools/strip_notebooks.py`. Only the JSON
standard library is used, and the file is rewritten in nbformat's own layout (one-space indent, sorted keys),
so stripping a clean notebook changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")
NOTEBOOK_RUN_METADATA = ("widgets",)


def stripped(notebook: dict) -> dict:
    """The notebook without outputs, execution counts, per-run metadata or the kernel's version."""
    out = dict(notebook)
    metadata = {k: v for k, v in notebook.get("metadata", {}).items() if k not in NOTEBOOK_RUN_METADATA}
    if "language_info" in metadata:  # the kernel fills in its version on every run; keep the language only
        metadata["language_info"] = {"name": metadata["language_info"].get("name", "python")}
    out["metadata"] = metadata
    cells = []
    for original in notebook.get("cells", []):
        cell = dict(original)
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k not in RUN_METADATA}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cells.append(cell)
    out["cells"] = cells
    return out


def notebook_text(notebook: dict) -> str:
    """nbformat's on-disk layout."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def strip_file(path: Path, *, check: bool = False) -> bool:
    """Strip one notebook (or, with check, only report); True when it carried something to strip."""
    text = path.read_text(encoding="utf-8")
    clean = stripped(json.loads(text))
    dirty = clean != json.loads(text)
    if dirty and not check:
        path.write_text(notebook_text(clean), encoding="utf-8")
    return dirty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: every notebook under notebooks/)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook has outputs")
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").rglob("*.ipynb"))
    dirty = [path for path in paths if ".ipynb_checkpoints" not in path.parts and strip_file(path, check=args.check)]
    for path in dirty:
        print(f"{'has outputs' if args.check else 'stripped'}: {path}")
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
