# WDHS kennisplatform. Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# uv installs the dependencies from uv.lock. It lives in a small venv of its own (pip from PyPI is all
# a fresh machine needs), because `uv sync` removes from .venv whatever uv.lock does not list.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_STAMP := $(TOOLS)/.uv-$(UV_VERSION)

# Every manage.py and pytest call gets DATABASE_URL: yours when you set one, else the embedded server's
# (evaluated when a recipe runs, after `install` made .venv).
ifeq ($(strip $(DATABASE_URL)),)
WITH_DB = DATABASE_URL='$(shell $(PY) -m wdhs.pgembed url)'
endif
MANAGE_DEV = $(WITH_DB) DJANGO_ENV=development $(PY) manage.py
MANAGE_TEST = $(WITH_DB) DJANGO_ENV=test $(PY) manage.py

NPM_STAMP := node_modules/.installed

.PHONY: help install lock browser db db-stop setup run serve test screenshots lint check bench clean

help:
	@echo "make run   - installeert alles en start het portaal op http://127.0.0.1:8000"
	@echo "make test  - installeert alles en draait alle controles en tests"
	@echo "make serve - het portaal zoals in productie (gunicorn, productie-instellingen; zie docs/deploy.md)"
	@echo "make screenshots - draait de browsertests en bewaart schermafbeeldingen in test-artifacts/"
	@echo "make bench - meet de snelheid van de belangrijkste pagina's"
	@echo "make db-stop - stopt de ingebouwde PostgreSQL"
	@echo "make lock  - werkt uv.lock bij na een wijziging van de afhankelijkheden in pyproject.toml"

# Find a Python 3.12+: plain names first, then pyenv versions (its shims need PYENV_VERSION).
# Sets $base to the interpreter itself (not a pyenv shim), so uv and venv get a stable path.
FIND_PYTHON = ok='import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; base=""; \
	for c in python3.13 python3.12 python3; do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c "$$ok" >/dev/null 2>&1; then \
	    base=$$($$c -c 'import sys; print(sys.executable)'); break; \
	  fi; \
	done; \
	if [ -z "$$base" ] && command -v pyenv >/dev/null 2>&1; then \
	  for v in $$(pyenv versions --bare 2>/dev/null | sort -rV); do \
	    p=$$(PYENV_VERSION=$$v pyenv which python 2>/dev/null || true); \
	    if [ -n "$$p" ] && "$$p" -c "$$ok" >/dev/null 2>&1; then base=$$p; break; fi; \
	  done; \
	fi; \
	if [ -z "$$base" ]; then \
	  echo "Geen Python 3.12 of nieuwer gevonden. Installeer python3.12 of python3.13 (bijvoorbeeld 'apt-get install python3.12-venv' of via pyenv) en probeer opnieuw." >&2; \
	  exit 1; \
	fi

$(UV_STAMP):
	@set -e; $(FIND_PYTHON); \
	echo "uv $(UV_VERSION) installeren in $(TOOLS)/ (met $$base)."; \
	rm -rf $(TOOLS); "$$base" -m venv $(TOOLS); \
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"; \
	touch $(UV_STAMP)

# uv makes .venv with the Python found here (and remakes it when that Python changed), then installs
# exactly what uv.lock lists: the dependencies and the dev group, not the project itself.
$(STAMP): pyproject.toml uv.lock $(UV_STAMP)
	@set -e; $(FIND_PYTHON); \
	echo "Python gevonden: $$base ($$($$base -V))"; \
	if ! $(UV) sync --locked --quiet --python "$$base"; then \
	  echo "Installeren uit uv.lock is mislukt. Zegt uv hierboven dat uv.lock niet bij pyproject.toml past? Voer dan 'make lock' uit en commit uv.lock." >&2; \
	  exit 1; \
	fi; \
	touch $(STAMP)

install: $(STAMP)

# After changing the dependencies in pyproject.toml (plain `uv lock` does the same when uv is on your PATH).
lock: $(UV_STAMP)
	@set -e; $(FIND_PYTHON); $(UV) lock --python "$$base"

# What the browser tests need: axe-core and the W3C HTML checker from npm (package-lock.json), Chromium and Java
# from Debian. --ignore-scripts: vnu-jar's install script would try to download a Java of its own.
$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NPM_STAMP) \
	    || echo "LET OP: npm ci mislukte; de browsertests worden overgeslagen (in CI: fout)." >&2; \
	else echo "LET OP: npm ontbreekt, dus axe-core en de HTML-checker ook (apt-get install npm)." >&2; fi

browser: install $(NPM_STAMP)
	@need=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need="$$need chromium"; \
	command -v java >/dev/null 2>&1 || need="$$need openjdk-17-jre-headless"; \
	if [ -n "$$need" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installeren voor de browsertests:$$need"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq $$need >/dev/null || echo "Installeren van$$need mislukt." >&2; \
	fi; \
	if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	  echo "!! GEEN CHROMIUM: de browsertests (toegankelijkheid, HTML, routes) worden OVERGESLAGEN.        !!" >&2; \
	  echo "!! Installeer Chromium (apt-get install chromium, als root). In CI (CI=true) faalt de build.   !!" >&2; \
	  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	fi

# The embedded PostgreSQL, unless DATABASE_URL points to a server of your own.
db: install
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m wdhs.pgembed start; else echo "DATABASE_URL is gezet: de ingebouwde database wordt niet gestart."; fi

db-stop: install
	@$(PY) -m wdhs.pgembed stop

setup: db
	$(MANAGE_DEV) migrate --noinput
	$(MANAGE_DEV) createcachetable
	$(MANAGE_DEV) load_places
	$(MANAGE_DEV) load_demo

# The task worker (mail, search words, daily jobs) runs beside the web server and, like it, restarts once when
# code changes. Ctrl-C reaches both; the worker finishes its task first. When the web server stops for another
# reason, the worker gets a few seconds, then is stopped.
run: setup
	@echo "Het portaal draait op http://127.0.0.1:8000, de taakverwerker ernaast (stoppen met Ctrl-C)."
	@trap 'for n in 1 2 3 4 5; do kill -0 $$worker 2>/dev/null || break; sleep 1; done; \
	       kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(MANAGE_DEV) db_worker & worker=$$!; \
	$(MANAGE_DEV) runserver 127.0.0.1:8000

# The portal as in production on this machine: production settings under gunicorn on 127.0.0.1:8000, the task
# worker beside it. Needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (in .env or the environment); uses the
# embedded database when DATABASE_URL is unset. deploy/serve.sh does the work; docs/deploy.md explains it.
serve: install
	@bash deploy/serve.sh

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# mypy's django-stubs plugin loads the settings, so it runs here, where DATABASE_URL is set.
check: db
	$(WITH_DB) DJANGO_ENV=test $(PY) -m mypy
	$(MANAGE_TEST) check --fail-level WARNING
	$(MANAGE_TEST) makemigrations --check --dry-run
	$(WITH_DB) DJANGO_ENV=production DJANGO_SECRET_KEY="check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
	  DJANGO_ALLOWED_HOSTS=kennisplatform.example.nl $(PY) manage.py check --deploy --fail-level WARNING

# Two workers (pytest-xdist): the browser tests in one (they keep Chromium busy on both cores), the rest in
# the other, so the fast tests fit in the time of the slow ones.
test: lint check browser
	$(WITH_DB) DJANGO_ENV=test $(PY) -m pytest -n 2 --dist loadgroup

# The browser tests again, saving screenshots of every key page at 1280 and 360 px in test-artifacts/.
screenshots: install browser db
	$(WITH_DB) DJANGO_ENV=test WDHS_SCREENSHOTS=1 $(PY) -m pytest -m browser

# Seeds national-size data (or reuses it), runs the portal under gunicorn with production settings and drives
# it with wrk (from Debian); writes docs/benchmarks.md. About 8 minutes. See tests/bench/run.py.
bench: setup
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
	  { echo "wrk ontbreekt: installeer het met 'apt-get install wrk'." >&2; exit 1; }
	$(WITH_DB) $(PY) -m tests.bench.run

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles node_modules test-artifacts .mypy_cache
