# The whole set-up on a fresh machine is `make serve` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
FORMAT ?= text
export NO_MKDOCS_2_WARNING := 1
# The engine's modules are compiled once and kept (in __pycache__, which git ignores), as pip
# does for an installed engine: a machine that sets PYTHONDONTWRITEBYTECODE otherwise
# compiles the whole lmo package again in every build, check and test's build.
unexport PYTHONDONTWRITEBYTECODE

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t20

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chromium:  ## install Debian's Chromium and its headless shell (the sweep's) when missing or of two versions (never downloaded)
	@{ test -x /usr/bin/chromium && test -x /usr/bin/chromium-headless-shell && \
	  test "$$(/usr/bin/chromium --version 2>/dev/null | cut -d' ' -f2)" = \
	       "$$(/usr/bin/chromium-headless-shell --version 2>/dev/null | cut -d' ' -f2)"; } || { \
	  echo "installing Debian's chromium and chromium-headless-shell"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell) \
	  || { echo "could not install chromium: run 'sudo apt-get install -y chromium chromium-headless-shell'"; exit 1; }; }

nginx:  ## install Debian's nginx with brotli_static when missing (the serving tests use it)
	@{ test -x /usr/sbin/nginx && test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so; } || { \
	  echo "installing Debian's nginx-light and libnginx-mod-http-brotli-static"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    nginx-light libnginx-mod-http-brotli-static) \
	  || { echo "could not install nginx: run 'sudo apt-get install -y nginx-light libnginx-mod-http-brotli-static'"; exit 1; }; }

deps: $(VENV)/.installed node_modules/.installed

serve: deps  ## build the example site and serve it on http://127.0.0.1:8000 with live reload
	$(VENV)/bin/mkdocs serve --strict -a $(HOST)

site: deps  ## strict build of the site into site/
	$(VENV)/bin/mkdocs build --strict

new-site: $(VENV)/.installed  ## a new LMNS's site in its own folder: make new-site DIR=../northshire NAME="Northshire LMNS" LANGS=en,ur
	$(PY) -m lmo new "$(DIR)" --name "$(NAME)" --languages "$(or $(LANGS),en)"

check: $(VENV)/.installed  ## validate data/ and content/ only (FORMAT=github for PR annotations, STRICT=1)
	$(PY) -m lmo --format $(FORMAT) check

schemas: $(VENV)/.installed  ## regenerate schemas/*.json and docs/data-reference.md from the schema
	$(PY) -m lmo schemas --out schemas --reference docs/data-reference.md

translations: $(VENV)/.installed  ## translation coverage per language: pages, data fields, interface text
	$(PY) -m lmo translations

translations-todo: $(VENV)/.installed  ## what is left to translate, as YAML to fill in (LANG=pl, ONLY='hubs.*')
	$(PY) -m lmo translations-todo --lang $(LANG) --only "$(ONLY)"

messages: $(VENV)/.installed  ## extract interface text into locales/messages.pot and update each catalogue
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
	  -o locales/messages.pot . >/dev/null
	$(PY) -m lmo messages

review-report: $(VENV)/.installed  ## what falls due for review in the next 30 days, by owner (DAYS=30)
	$(PY) -m lmo review-report --days $(or $(DAYS),30)

feedback: $(VENV)/.installed  ## summarise raw survey exports: IN=<file or folder> [OUT=data/feedback] [MAPPING=<file>] [STAFF=<file>]
	@test -n "$(IN)" || { echo "usage: make feedback IN=<export file or folder> [OUT=<folder>]" >&2; exit 2; }
	$(PY) -m lmo feedback "$(IN)" $(if $(OUT),--out "$(OUT)") $(if $(MAPPING),--mapping "$(MAPPING)") $(if $(STAFF),--staff-names "$(STAFF)")

feedback-example: $(VENV)/.installed  ## regenerate the example's synthetic survey export and its summaries
	$(PY) scripts/synthetic_feedback.py .feedback-example
	$(PY) -m lmo feedback .feedback-example

screenshots: deps chromium nginx  ## 360 px screenshots of the example's main pages, English and Urdu, into docs/screenshots/
	$(PY) scripts/screenshots.py

audit: deps chromium nginx  ## Lighthouse (mobile) on one page of each type, served by nginx; fails below 95/100/100/100
	$(PY) scripts/audit.py

lint: $(VENV)/.installed  ## ruff, mypy, the import contracts (.importlinter), and zizmor on the workflows
	$(VENV)/bin/ruff check lmo hooks tests scripts widgets
	$(VENV)/bin/ruff format --check lmo hooks tests scripts widgets
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/zizmor --offline --min-severity high --no-progress .github/workflows

test: deps chromium nginx lint  ## install what the tests need and run the whole suite (in two processes: the browser tests in one, the rest in the other)
	$(VENV)/bin/pytest -q -n 2

test-unit: $(VENV)/.installed  ## only the fast tier: plain Python, no builds, no browser (under a minute)
	$(VENV)/bin/pytest -q -m unit

test-build: deps  ## only the tests that build or check a site or run another program
	$(VENV)/bin/pytest -q -m build

test-browser: deps chromium nginx  ## only the browser tests (Chromium against nginx)
	$(VENV)/bin/pytest -q -m browser

bench: deps chromium nginx  ## every benchmark, then one table of each figure beside its goal (SKIP_TESTS=1: not the suite; asserts nothing)
	$(PY) scripts/bench_report.py $(if $(SKIP_TESTS),--skip-tests)

clean:  ## remove build output and generated pages
	rm -rf site
	test ! -x $(PY) || $(PY) -m lmo clean

postcode-districts: $(VENV)/.installed  ## build data/postcode_districts.yml from the ONS Postcode Directory (ONSPD=<csv or zip> DISTRICTS=HR,WR,...)
	@test -n "$(ONSPD)" || { echo "usage: make postcode-districts ONSPD=<ONSPD zip or csv> [DISTRICTS=HR,WR,DY10,...] [AUTHORITIES=E06000019,...]" >&2; exit 2; }
	$(PY) scripts/import_postcode_districts.py --onspd "$(ONSPD)" --out data/postcode_districts.yml \
	  $(if $(DISTRICTS),--districts "$(DISTRICTS)") $(if $(AUTHORITIES),--authorities "$(AUTHORITIES)")


.PHONY: help chromium deps serve site check schemas translations translations-todo messages review-report feedback feedback-example nginx audit lint test test-unit test-build test-browser bench clean postcode-districts
