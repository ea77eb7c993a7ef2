# The two set-up commands are `make demo` and `make test`; both are idempotent.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip -q --disable-pip-version-check

.PHONY: demo test install install-test browser soak bench evaluate serve clean lock

$(PY):
	$(PYTHON) -m venv $(VENV)

# Exactly the locked versions (hash-checked), then the project itself without
# dependencies; re-install only when pyproject.toml or a lock changes (stamp files).
# `make lock` rewrites the locks after a dependency change (scripts/lock.py).
RUNTIME_LOCK := requirements/runtime.lock
TEST_LOCK    := requirements/test.lock

$(VENV)/.core: pyproject.toml $(RUNTIME_LOCK) | $(PY)
	$(PIP) install --require-hashes -r $(RUNTIME_LOCK)
	$(PIP) install --no-deps -e .
	@$(PY) -m pip check >/dev/null || { $(PY) -m pip check; \
	  echo "pyproject.toml asks for what $(RUNTIME_LOCK) lacks: run make lock" >&2; exit 1; }
	touch $@

$(VENV)/.test: pyproject.toml $(TEST_LOCK) $(VENV)/.core
	$(PIP) install --require-hashes -r $(TEST_LOCK)
	@$(PY) -m pip check >/dev/null || { $(PY) -m pip check; \
	  echo "pyproject.toml asks for what $(TEST_LOCK) lacks: run make lock" >&2; exit 1; }
	touch $@

lock: | $(PY)
	$(PIP) install "pip-tools==7.6.2"
	$(PY) scripts/lock.py

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
