# The two set-up commands are `make demo` and `make test`; both are idempotent.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip -q --disable-pip-version-check

.PHONY: demo test install install-test browser soak bench evaluate serve clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changes (stamp files).
$(VENV)/.core: pyproject.toml | $(PY)
	$(PIP) install -e ".[web,dask]"
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.core
	$(PIP) install -e ".[web,dask,build,test]"
	touch $@

install: $(VENV)/.core
install-test: $(VENV)/.test

# Debian's Chromium for the end-to-end browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }

demo: install
	$(VENV)/bin/newsevents extract examples/ --published 2025-03-14 --format table

test: install-test browser
	$(PY) -m pytest -q -m "not slow"

soak: install-test
	$(PY) -m pytest -q -m slow

evaluate: install-test
	$(VENV)/bin/newsevents evaluate

bench: install-test
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/scaling.py

serve: install
	$(VENV)/bin/newsevents ingest examples/ --published 2025-03-14 --db examples.duckdb
	$(VENV)/bin/newsevents serve --db examples.duckdb

clean:
	rm -rf $(VENV) build *.egg-info
