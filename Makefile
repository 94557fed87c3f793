# SMILE: `make run` serves the demo at http://127.0.0.1:8000; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint typecheck bench messages clean prepare chromium

$(BIN)/python:
	@PY=$$(scripts/find-python) || exit 1; echo "Using $$PY"; "$$PY" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed-run

# The browser tests drive Debian's Chromium (Playwright cannot download a browser here).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null; \
	fi

prepare: $(VENV)/.installed-run
	$(MANAGE) compiletranslations
	$(MANAGE) createcachetable
	$(MANAGE) migrate --noinput
	$(MANAGE) demo

# The background worker (matching runs, e-mail, reminders) and the scheduler that enqueues the
# periodic jobs run beside the web server and stop with it.
# Debug pages are off (people see SMILE's own error pages; DEBUG=true make run turns them on), and
# links in e-mails point at the port served unless SITE_URL says otherwise.
run: prepare
	@echo "SMILE is at http://$(HOST):$(PORT)/ (demo accounts in README.md; e-mail is printed here; Ctrl-C stops)"
	@export DEBUG="$${DEBUG:-false}" SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	  $(MANAGE) db_worker --interval 1 & worker=$$!; \
	  $(MANAGE) scheduler & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test chromium
	$(MANAGE) compiletranslations
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-fast: $(VENV)/.installed-test
	$(MANAGE) compiletranslations
	$(BIN)/python -m pytest -q -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy smile

bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_solver.py
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_mentoring.py --pairs 200
	$(BIN)/python bench/bench_mentoring.py --pairs 2000
	$(BIN)/python bench/bench_jobs.py --pairs 2000
	$(BIN)/python bench/bench_jobs.py --pairs 20000
	$(BIN)/python bench/bench_homes.py
	$(BIN)/python bench/bench_upload.py
	$(BIN)/python bench/bench_manager_page.py

# Re-extract every string into the catalogues (needs GNU gettext's xgettext).
messages: $(VENV)/.installed-test
	$(MANAGE) makemessages --no-obsolete --no-location -l sv -l en -l ar -l uk -l ti -l so -l prs -l fa -i ".venv/*" -i "var/*" -i "bench/*"

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
