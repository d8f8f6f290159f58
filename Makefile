# The two commands a new machine needs: `make demo` and `make test`. Each sets itself up.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test bench samples help

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

demo: $(STAMP)  ## ingest the bundled sample week into a demo workspace and report on it
	$(VENV)/bin/spendscope demo

test: $(STAMP)  ## run the test suite
	$(PY) -m pytest -q

bench: $(STAMP)  ## run the benchmarks and print their figures
	$(PY) bench/run.py

samples: $(STAMP)  ## regenerate sample_logs/week deterministically
	$(PY) sample_logs/generate.py
