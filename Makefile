# copydesk developer commands. Needs only Python 3.11 and access to PyPI.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PLUGIN_DIRS := $(sort $(dir $(wildcard plugins/*/pyproject.toml)))
STAMP := $(VENV)/.installed

.PHONY: demo test lint types unit docs report-screenshot clean

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

# The docs site in out/site/; the record schema page is generated from schemas/ first.
docs: $(STAMP)
	$(BIN)/python scripts/schema_reference.py
	$(BIN)/mkdocs build --strict

# docs/img/report.png: the run report of pipelines/news.toml on the seeds, in headless Chromium.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
report-screenshot: $(STAMP)
	@test -n "$(CHROMIUM)" || { echo "no Chromium found: apt-get install chromium"; exit 1; }
	$(BIN)/copydesk run pipelines/news.toml seeds/*.txt -o out/report-seeds.jsonl --report out/report.html --no-progress
	mkdir -p docs/img out/chromium-profile
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars --user-data-dir=out/chromium-profile \
		--window-size=1280,860 --screenshot=docs/img/report.png "file://$(CURDIR)/out/report.html"

# Also what wheel builds of the compiled plugins (html, boilerplate, quotes) leave in their folders.
clean:
	rm -rf $(VENV) out build dist .mypy_cache .ruff_cache
	rm -rf plugins/*/build plugins/*/*.egg-info plugins/*/copydesk_*/*.c plugins/*/copydesk_*/*.so
