# Two commands do everything on a fresh Debian/Ubuntu machine with Python 3.11:
#   make run    install into .venv, initialise the DB, start the dashboard
#   make test   install into .venv (with test tools and Chromium), lint, run every test
#   make check  the quick loop while coding (target < 1 min): lint and types, then every test that needs no browser,
#               server, deployment tooling, PostgreSQL or long pipeline runs, on all cores
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

# Tests and tools may cache compiled modules (__pycache__ is git-ignored): with PYTHONDONTWRITEBYTECODE set, as on
# some machines, every run recompiles and pytest re-rewrites every test module (8 s of CPU in `make check`)
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test check init lint bench demo screenshots wheelhouse install-offline clean
WHEELHOUSE ?= wheelhouse

$(BIN)/python:
	sh scripts/system-deps.sh venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q --require-hashes -r requirements-dev.txt
	touch $@

init: $(VENV)/.runtime
	sh scripts/system-deps.sh browser
	$(BIN)/python -m shanhe init

run: init
	$(BIN)/python -m shanhe.ui.serve --server.port $(PORT)

demo: $(VENV)/.runtime
	sh scripts/system-deps.sh browser
	$(BIN)/python -m shanhe demo
	SHANHE_DB=data/shanhe-demo.duckdb $(BIN)/python -m shanhe.ui.serve --server.port $(PORT)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: lint
	$(BIN)/python -m pytest -q -n auto -m "not (browser or server or deploy or slow or postgres)"

# every test, on all cores: browser and server tests use free ports and their own temp folders
test: lint
	sh scripts/system-deps.sh test
	$(BIN)/python -m pytest -n auto

bench: $(VENV)/.dev
	sh scripts/system-deps.sh browser
	$(BIN)/python benchmarks/import_export.py
	$(BIN)/python benchmarks/pages.py
	$(BIN)/python benchmarks/reports.py

# PNGs of every page and presenter slide at 1366×768, 1920×1080 and 1280×720 in screenshots/ (git-ignored)
screenshots: $(VENV)/.dev
	sh scripts/system-deps.sh browser
	$(BIN)/python scripts/screenshots.py

# Offline install: on a machine with internet, `make wheelhouse` (same Debian and Python 3.11 as the
# target); copy the repo with wheelhouse/ to the server; there `make install-offline` needs no network.
wheelhouse:
	$(PYTHON) -m pip download --only-binary=:all: -r requirements.txt -d $(WHEELHOUSE)
	$(PYTHON) -m pip download --only-binary=:all: -d $(WHEELHOUSE) pip

install-offline:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --no-index --find-links $(WHEELHOUSE) --upgrade pip
	$(BIN)/pip install --no-index --find-links $(WHEELHOUSE) --require-hashes -r requirements.txt
	touch $(VENV)/.runtime

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
