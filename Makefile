# smguard — developer and user entry points. `make demo` and `make test` are part of the contract
# (see docs/dataset-format.md and README.md); keep them working from a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= reports/demo

.PHONY: demo test install install-test lint format models teacher bench docs clean serve

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "smguard needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install only when the package metadata changed.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/smguard demo --out $(OUT)

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install-test
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

docs: install
	$(BIN)/python -m smguard.rules.docs > docs/rules.md

models: install-test
	$(BIN)/python -m smguard.text.train --data ../shared/data

# the complaint teacher's soft labels (training/teacher_complaint_en.npz, committed); needs torch, ~20 min on 2 cores
teacher: install-test
	$(BIN)/pip install -q -e '.[test,teacher]'
	$(BIN)/python training/teacher.py --data ../shared/data

bench: install-test
	$(BIN)/python bench/audit_scale.py

serve: install
	$(BIN)/smguard serve

clean:
	rm -rf $(VENV) reports build dist .pytest_cache .ruff_cache
