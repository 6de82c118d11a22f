# Bootstraps its own virtual environment; needs only python3 (>= 3.11) on the PATH.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

MARKETS ?= US GB DE FR ES IT NL BR MX JP IN AU CA

.PHONY: run test lint format bench locales clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[app,dev,bench]'
	touch $@

## run: the tuning app on the embedded SQLite default, at http://localhost:8501
run: $(BIN)/.installed
	$(BIN)/streamlit run app.py

## test: lint, format check and the whole test suite
test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: demogen against Faker and Mimesis, written to benchmarks/results.md
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py --out benchmarks/results.md

## reports: the reliability and security suites in full, their figures written to docs/RELIABILITY.md and docs/SECURITY.md
.PHONY: reports
reports: $(BIN)/.installed
	$(BIN)/python tools/write_reports.py

## locales: rebuild locales/ from the public sources (heavy build-only packages, own venv; not part of CI)
locales:
	$(PYTHON) -m venv .venv-build
	.venv-build/bin/python -m pip install --quiet -r tools/requirements-locales.txt
	.venv-build/bin/python -m tools.build_locales.markets $(MARKETS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
