# CreditGraph: one small command surface. CI calls `make test` (through .ci/run).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := tools/cypherlint/node_modules/.installed
AUDIT_STAMP := tools/graphql-http-audit/node_modules/.installed
# Web assets (GraphiQL, the explorer) and the system Chromium for browser tests: see their rules below.
WEB_STAMP :=
BROWSER_STAMP :=
SCALE ?= 100000

.PHONY: setup setup-run setup-test run test lint typecheck schema seed bench clean db-stop

# setup-run: what serving needs (Python only). setup-test adds the test-only tools (Node, Chromium).
setup-run: $(PY_STAMP) $(WEB_STAMP)

setup-test: $(NODE_STAMP) $(AUDIT_STAMP) $(BROWSER_STAMP)

setup: setup-run setup-test

$(PY_STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[embedded,dev]'
	touch $@

$(NODE_STAMP): tools/cypherlint/package.json tools/cypherlint/package-lock.json
	npm ci --prefix tools/cypherlint --no-audit --no-fund --loglevel=error
	touch $@

$(AUDIT_STAMP): tools/graphql-http-audit/package.json tools/graphql-http-audit/package-lock.json
	npm ci --prefix tools/graphql-http-audit --no-audit --no-fund --loglevel=error
	touch $@

## run: install everything, start the embedded graph server, load the demo data, serve GraphQL
run: setup-run
	$(BIN)/creditgraph serve --demo

## test: lint, type-check and the whole test suite on a throwaway embedded database
test: setup lint typecheck
	$(PY) -m pytest

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(PY_STAMP)
	$(BIN)/mypy

## schema: regenerate the committed artefacts (schema.graphql, generated constraints)
schema: $(PY_STAMP)
	$(BIN)/creditgraph export-schema

seed: $(PY_STAMP)
	$(BIN)/creditgraph seed

## bench: generate a synthetic city at SCALE enterprises and record figures in BENCHMARKS.md
bench: $(PY_STAMP)
	$(PY) -m bench --scale $(SCALE)

db-stop: $(PY_STAMP)
	$(BIN)/creditgraph db stop

clean:
	rm -rf $(VENV) tools/cypherlint/node_modules tools/graphql-http-audit/node_modules .mypy_cache .ruff_cache .pytest_cache
