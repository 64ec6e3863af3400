# CreditGraph: one small command surface. CI calls `make test` (through .ci/run).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := tools/cypherlint/node_modules/.installed
AUDIT_STAMP := tools/graphql-http-audit/node_modules/.installed
# Web pages (the explorer, GraphiQL): built into api/static and committed, so serving needs no
# Node; the tests rebuild them and compare. The system Chromium drives the browser tests.
BROWSER_STAMP := $(VENV)/.chromium
EXPLORER_STAMP := web/explorer/node_modules/.built
EXPLORER_SOURCES := web/explorer/package.json web/explorer/package-lock.json web/explorer/build.mjs $(wildcard web/explorer/src/*)
GRAPHIQL_STAMP := web/graphiql/node_modules/.built
GRAPHIQL_SOURCES := web/graphiql/package.json web/graphiql/package-lock.json web/graphiql/build.mjs $(wildcard web/graphiql/src/*)
SCALE ?= 100000

.PHONY: setup setup-run setup-test run test lint typecheck schema seed bench clean db-stop web

# setup-run: what serving needs (Python only). setup-test adds the test-only tools (Node, Chromium).
setup-run: $(PY_STAMP)

setup-test: $(NODE_STAMP) $(AUDIT_STAMP) $(BROWSER_STAMP) $(EXPLORER_STAMP) $(GRAPHIQL_STAMP)

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

## web: rebuild the explorer and GraphiQL (web/* → api/static/*, committed: serving needs no Node)
web: $(EXPLORER_STAMP) $(GRAPHIQL_STAMP)

$(EXPLORER_STAMP): $(EXPLORER_SOURCES)
	npm ci --prefix web/explorer --no-audit --no-fund --loglevel=error
	npm run --prefix web/explorer --silent build
	touch $@

$(GRAPHIQL_STAMP): $(GRAPHIQL_SOURCES)
	npm ci --prefix web/graphiql --no-audit --no-fund --loglevel=error
	npm run --prefix web/graphiql --silent build
	touch $@

# The browser tests drive Debian's Chromium (Playwright's own download does not work here) and
# need a CJK font to draw the page's text.
$(BROWSER_STAMP): $(PY_STAMP)
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh | grep -q .; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	fi
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
	rm -rf $(VENV) tools/cypherlint/node_modules tools/graphql-http-audit/node_modules web/explorer/node_modules web/graphiql/node_modules .mypy_cache .ruff_cache .pytest_cache
