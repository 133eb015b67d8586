# Guestlist: build, preview, test and publish the blog.
# Every target that needs Python makes .venv from the pinned requirements the
# first time; after that the stamp files below say there is nothing to install.

PYTHON3 ?= python3
VENV ?= .venv
PY = $(VENV)/bin/python
PELICAN = $(VENV)/bin/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py

HOST ?= 127.0.0.1
PORT ?= 8000

# Where `make rsync_upload` and `make github` deploy: set them in the
# environment, on the command line, or in deploy.mk (see docs/publishing.md).
-include deploy.mk
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
GITHUB_PAGES_BRANCH ?= gh-pages

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

# JOBS=1 builds and checks in one process; empty: GUEST_SERIES_PROCESSES
# from the settings, which by default is every core.
JOBS ?=
ifneq ($(JOBS),)
	PELICANOPTS += -e GUEST_SERIES_PROCESSES=$(JOBS)
	CHECKOPTS = -j $(JOBS)
endif

RUNTIME_STAMP = $(VENV)/.installed-runtime
TEST_STAMP = $(VENV)/.installed-test

# `make bench`: configuration C runs in a venv of its own, with the PyPI
# plugins Guestlist is compared with. QUICK=1: 200 and 1,000 posts, 3 and 2
# rounds, the dev servers' edit-to-reload at 200 posts only.
BENCH_VENV ?= .venv-bench
BENCH_STAMP = $(BENCH_VENV)/.installed
QUICK ?= 0
ifeq ($(QUICK), 1)
	BENCHOPTS ?= --quick
else
	BENCHOPTS ?= --markdown docs/benchmark.md
endif

.DEFAULT_GOAL := help

help: ## List every target, one line each.
	@echo 'Guestlist: make <target> [VARIABLE=value]'
	@echo
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  %-14s %s\n", $$1, $$2}'
	@echo
	@echo 'Variables: PORT=8000 HOST=127.0.0.1 DEBUG=1 RELATIVE=1 JOBS=1 PELICANOPTS=...'
	@echo 'Deploy: SSH_HOST SSH_PORT SSH_USER SSH_TARGET_DIR GITHUB_PAGES_BRANCH (docs/publishing.md)'

# The project itself is installed too, editable and without dependencies (the
# pinned requirements are those), for its commands: guestlist-check, guestlist-newpost.
$(RUNTIME_STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(TEST_STAMP): requirements-test.txt $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

venv: $(RUNTIME_STAMP) ## Create .venv from the pinned requirements (done by any target that needs it).

html: $(RUNTIME_STAMP) ## Build the site into output/ with the development settings.
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

clean: ## Remove output/, the content cache and Python caches.
	rm -rf $(OUTPUTDIR) $(BASEDIR)/cache
	find $(BASEDIR)/plugins $(BASEDIR)/tests -name __pycache__ -type d -prune -exec rm -rf {} +

regenerate: $(RUNTIME_STAMP) ## Rebuild whenever content, theme or settings change (no server; restart it after a plugin change).
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: $(RUNTIME_STAMP) ## Serve output/ at http://$(HOST):$(PORT)/ without rebuilding.
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -b $(HOST) -p $(PORT)

devserver: $(RUNTIME_STAMP) ## Build, serve, rebuild what changed on each save and reload the browser; code changes restart the builder.
	$(PY) tools/devserver.py --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE) --host $(HOST) --port $(PORT)

publish: $(RUNTIME_STAMP) ## Build for the web with publishconf.py; replace output/ only if the build had no errors.
	$(PY) tools/publish.py --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(PUBLISHCONF) $(PELICANOPTS)

check: $(RUNTIME_STAMP) ## Check the content without building; FILES="content/posts/a.md" checks only those.
	$(VENV)/bin/guestlist-check -s $(CONFFILE) --content $(INPUTDIR) $(CHECKOPTS) $(FILES)

newpost: $(RUNTIME_STAMP) ## Start a post: NAME="…" TITLE="…" [SERIES="…"]; asks for them in a terminal.
	$(VENV)/bin/guestlist-newpost -s $(CONFFILE) --content $(INPUTDIR) \
		$(if $(filter command line,$(origin NAME)),--name "$$NAME") \
		$(if $(filter command line,$(origin TITLE)),--title "$$TITLE") \
		$(if $(filter command line,$(origin SERIES)),--series "$$SERIES")

rsync_upload: $(RUNTIME_STAMP) ## Publish, then copy output/ to SSH_HOST:SSH_TARGET_DIR with rsync.
	@test -n "$(SSH_HOST)" -a -n "$(SSH_TARGET_DIR)" || { \
		echo "make rsync_upload: set SSH_HOST and SSH_TARGET_DIR, in the environment or in deploy.mk (see docs/publishing.md)"; \
		exit 2; }
	$(MAKE) --no-print-directory publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --cvs-exclude --delete-after \
		$(OUTPUTDIR)/ "$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR)"

github: $(RUNTIME_STAMP) ## Publish, then commit output/ to the gh-pages branch with ghp-import and push it.
	$(MAKE) --no-print-directory publish
	$(VENV)/bin/ghp-import -m "Publish the site" -b $(GITHUB_PAGES_BRANCH) -n -p $(OUTPUTDIR)

# The fast tier: what a machine with only python3 and make can check. Its last
# line says what it left out, and the one command that checks that too.
FAST_TIER = not tools and not bench and not slow
test: $(TEST_STAMP) ## Run the unit and site tests (no browser, validator or Lighthouse): the fast tier.
	$(PY) -m pytest -m "$(FAST_TIER)" $(PYTEST_ARGS)
	@echo "make test did not check: the browser, accessibility, HTML-validator and Lighthouse tests, the bench smoke test and the slow tests; make test-all checks them (needs Chromium, Java and Node: bash .ci/install-tools)."

test-all: $(TEST_STAMP) $(BENCH_STAMP) ## Run every test; fails, never skips, when Chromium, Java or Lighthouse is missing.
	@$(PY) tools/require_tools.py
	GUESTLIST_REQUIRE_TOOLS=1 $(PY) -m pytest $(PYTEST_ARGS)

golden: $(RUNTIME_STAMP) ## Write the demo's golden snapshot (tests/golden/) from content/: review its diff.
	$(PY) tools/golden.py

settings-doc: $(RUNTIME_STAMP) ## Write the table of settings in docs/settings.md from the code's schemas.
	$(PY) tools/settings_doc.py

lint: $(TEST_STAMP) ## Check code style with ruff.
	$(VENV)/bin/ruff check plugins tests tools bench pelicanconf.py publishconf.py
	$(VENV)/bin/ruff format --check plugins tests tools bench pelicanconf.py publishconf.py

$(BENCH_STAMP): requirements.txt bench/requirements-c.txt
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON3) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r bench/requirements-c.txt
	@touch $@

bench: $(RUNTIME_STAMP) $(BENCH_STAMP) ## Time builds and the dev server against plain Pelican (QUICK=1: a 5-minute run); writes docs/benchmark.md.
	$(PY) -m bench --bench-python $(BENCH_VENV)/bin/python $(BENCHOPTS)

.PHONY: help venv html clean regenerate serve devserver publish check newpost rsync_upload github test test-all golden settings-doc lint bench
