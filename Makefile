# copydesk developer commands. Needs only Python 3.11 and access to PyPI.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PLUGIN_DIRS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
STAMP := $(VENV)/.installed

.PHONY: demo test lint types unit clean

# (Re)install whenever a pyproject or the dev requirements change.
$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml) requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e . $(foreach p,$(PLUGIN_DIRS),-e $(p)) -r requirements-dev.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/copydesk run pipelines/news.toml seeds/*.txt -o out/demo.jsonl --stats out/demo.stats.json

test: unit lint types

unit: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

types: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out build dist .mypy_cache .ruff_cache
