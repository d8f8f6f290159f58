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
	$(PY) -m pip install -q -e ".[dev,ray]"
	touch $@

demo: $(STAMP)  ## ingest the bundled samples (history + a week) into a demo workspace, report on it, serve the dashboard
	$(VENV)/bin/spendscope demo

CHROMIUM := /usr/bin/chromium

# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser).
$(CHROMIUM):
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
		echo "note: $(CHROMIUM) is missing and cannot be installed here (needs root and apt-get): browser tests will be skipped"; \
	fi

test: $(STAMP) $(CHROMIUM)  ## run the test suite (installs Debian's chromium for the browser tests)
	$(PY) -m pytest -q

bench: $(STAMP)  ## run the benchmarks and print their figures
	$(PY) bench/run.py

samples: $(STAMP)  ## regenerate sample_logs/week and sample_logs/history deterministically
	$(PY) sample_logs/generate.py && $(PY) sample_logs/generate.py --history
