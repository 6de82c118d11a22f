#!/usr/bin/env bash
# The determinism promise across every version the package admits: install the LOWEST version of each direct
# dependency that pyproject.toml allows (its ">=" floors), then run the golden-digest and CLI tests against them.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${LOWEST_VENV:-.venv-lowest}

pins=$("$PYTHON" - <<'PY'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
wanted = project["dependencies"] + [d for d in project["optional-dependencies"]["dev"] if d.startswith(("pytest", "hypothesis"))]
for requirement in wanted:
    name, floor = re.match(r"^([A-Za-z0-9_.\[\]-]+)\s*>=\s*([^,;\s]+)", requirement).groups()
    print(f"{name}=={floor}")
PY
)
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# shellcheck disable=SC2086
"$VENV/bin/python" -m pip install --quiet $pins
"$VENV/bin/python" -m pip install --quiet --no-deps -e .
echo "lowest allowed versions:"
"$VENV/bin/python" -m pip list --format=freeze | grep -iE '^(numpy|pandas|pydantic|sqlalchemy|psycopg|typer|rich|alembic|phonenumbers|tomlkit|pytest)=='
"$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/test_determinism.py tests/test_cli.py
