# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup site serve offline test check lint golden browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Generate the pages from seeds/ and build the site into site/.
site: setup
	$(BIN)/briefing build

## Build, then serve with live reload on http://127.0.0.1:8000.
serve: setup
	$(BIN)/briefing build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## A copy of the site that works from the file system, search included: site-offline/.
offline: setup
	$(BIN)/briefing build --offline

## Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium not found and cannot be installed here: browser tests will be skipped (they fail under CI=true)"; \
	  fi; }

## Run every test (unit, real seeds, end-to-end MkDocs build, real browser).
test: setup browser lint
	$(BIN)/python -m pytest

## The quick part, under a minute: no browser, no real site build (`make test` runs everything).
check: setup lint
	$(BIN)/python -m pytest -q -m "not slow and not browser"

## The code's own checks: ruff (errors, likely bugs, sorted imports, docstrings) and mypy (the records).
lint: setup
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy

## After an intended change to the generated pages: rewrite tests/golden/, then review `git diff`.
golden: setup
	REFRESH_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

clean:
	rm -rf site site-offline .cache screenshots
