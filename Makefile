# The tracker's verbs. `make run` and `make test` work from a fresh clone: they install
# what they need first (a pinned uv in var/uv, the locked Python packages in .venv, the
# locked npm packages in node_modules) and do nothing more when that is already done.
SHELL := /bin/bash
# Debian's python3.11 when there is one: it is built with profile-guided optimisation and
# LTO, and runs this project's Python about 1.3× as fast as a plain source build (pyenv's).
# The production image's python:3.11 is built the same way.
PYTHON ?= $(shell [ -x /usr/bin/python3.11 ] && /usr/bin/python3.11 -c "import ensurepip" 2>/dev/null \
	&& echo /usr/bin/python3.11 || echo python3.11)
UV_VERSION := 0.13.9
UV := var/uv/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000


.PHONY: install chromium run worker test lint format bench eval check-deploy clean

$(UV):
	@mkdir -p var
	$(PYTHON) -m venv var/uv
	var/uv/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON) --quiet
	@touch $@

# The extraction engine compiled with Cython (articles/extraction/build.py); the package
# falls back to its sources whenever they differ from what was compiled.
EXTRACTION_SOURCES := $(filter-out %/__init__.py %/build.py %/evaluate.py,$(wildcard articles/extraction/*.py))
EXTRACTION_SOURCES += $(wildcard articles/extraction/*.pxd)
var/compiled/.built: $(VENV)/.synced $(EXTRACTION_SOURCES) articles/extraction/build.py
	$(PY) -m articles.extraction.build
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium and its driver, for the browser tests (a browser that downloads
# itself cannot work here). Installed when missing and we may use apt.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver); } || \
	  echo "warning: chromium is not installed; the browser tests will fail (apt-get install chromium)"

install: $(VENV)/.synced node_modules/.installed var/compiled/.built

# The embedded default: SQLite under var/, tasks in-process, demo data, a demo editor.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_editor
	$(PY) manage.py runserver $(HOST):$(PORT)

# Only needed when REDIS_URL is set: a worker and the beat scheduler for the feeds.
worker: install
	$(VENV)/bin/celery -A tracker worker --beat --loglevel=info

# The whole suite. SQLite and in-process tasks by default; with DATABASE_URL and
# REDIS_URL set, the same suite on PostgreSQL and Redis (that is what .ci/run does).
test: install chromium
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-deploy: install
	DEBUG=0 SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=tracker.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

# Every benchmarks/bench_*.py against PostgreSQL (DATABASE_URL's server; bench_* databases
# of 10k, 100k and 1M synthetic estimates are made once and reused) and Redis (REDIS_URL);
# writes docs/benchmarks.md. Smaller run: make bench BENCH_ARGS="--sizes 10000 --only queries"
bench: install
	$(PY) -m benchmarks $(BENCH_ARGS)

eval: install
	$(PY) -m articles.extraction.evaluate $(SEEDS)

clean:
	rm -rf $(VENV) node_modules var/uv staticfiles
