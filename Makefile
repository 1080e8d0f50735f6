# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup site serve test golden clean

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

## Run every test (unit, real seeds, end-to-end MkDocs build).
test: setup
	$(BIN)/python -m pytest

## After an intended change to the generated pages: rewrite tests/golden/, then review `git diff`.
golden: setup
	REFRESH_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

clean:
	rm -rf site .cache
