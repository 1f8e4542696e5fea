# Two commands for a fresh machine with Python 3.11 and make:
#   make serve   set everything up and serve the site with live reload
#   make test    set everything up and run the whole test suite
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Material >= 9.7.2 prints an end-of-life banner on every run; see requirements.txt.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install serve preview build check test article bench search-report audit insights stale import mutation clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# The stamp is newer than requirements.txt and pyproject.toml once they are
# installed, so a second run does nothing. The help centre itself is a plugin
# (scripts/helpcentre/), installed editable so its entry point is registered.
$(VENV)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON_BIN) >/dev/null || { echo "error: $(PYTHON_BIN) not found; install Python 3.11 (or set PYTHON_BIN=/path/to/python3.11)" >&2; exit 2; }
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# axe-core (browser tests), Lighthouse and the Nu HTML Checker (make audit),
# pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed ## create .venv/ and node_modules/ with the pinned versions

# The writers' preview (scripts/helpcentre/preview.py): a saved page is back
# in the browser in a second or two, even at thousands of articles.
serve: install ## the writers' preview at http://127.0.0.1:8000 (saved pages reload in a second or two)
	$(PY) scripts/serve.py --config-file mkdocs.yml --dev-addr 127.0.0.1:8000

# make preview PAGE=docs/account/reset-password.zh.md
preview: install ## one article in every language, with the theme and the checks (PAGE=docs/...)
	@test -n "$(PAGE)" || { echo "usage: make preview PAGE=docs/<category>/<slug>.<lang>.md" >&2; exit 2; }
	$(PY) scripts/serve.py --config-file mkdocs.yml --dev-addr 127.0.0.1:8000 --page "$(PAGE)"

CHECKS := scripts/check_content.py scripts/check_contact_links.py scripts/translation_status.py scripts/check_links.py \
	scripts/check_held_out.py

check: install ## all content checks: front matter, registry, contacts, translations, links, held-out search queries, Markdown lint
	@status=0; \
	for check in $(CHECKS); do $(PY) $$check || status=1; done; \
	node_modules/.bin/markdownlint-cli2 || status=1; \
	exit $$status

# Build into a scratch folder and swap it in only on success, so a failed
# build never leaves a half-built site/ behind.
build: install check ## strict build into site/
	rm -rf .site-build
	$(PY) -m properdocs build --config-file mkdocs.yml --strict --quiet --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Built site/ ($$(find site -name '*.html' | wc -l) HTML files)"

# Two processes, one test file each at a time; PYTEST_WORKERS=0 runs in one.
PYTEST_WORKERS ?= 2
test: install check ## run the whole test suite (checks, builds, tests)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# make article CATEGORY=account SLUG=card-declined TYPE=troubleshooting [TITLES="zh=银行卡被拒;en=Card declined"]
article: install ## new article in every language from its type's template (CATEGORY= SLUG= TYPE= [TITLES=])
	$(PY) scripts/new_article.py "$(CATEGORY)" "$(SLUG)" --type "$(TYPE)" $(if $(TITLES),--title "$(TITLES)")

search-report: build ## search quality: top-1/top-3 per language and misses, offline and in Chromium
	$(PY) scripts/search_report.py --browser

audit: build ## Lighthouse on key pages in both languages and the Nu HTML Checker on every page
	$(PY) scripts/audit.py

bench: install ## benchmarks that print numbers (not part of make test): scale, preview, search, contact checker
	$(PY) scripts/bench.py --articles 100 1000 3000
	$(PY) scripts/bench_preview.py --articles 1000 3000
	$(PY) scripts/bench_search.py --articles 100 1000 3000
	$(PY) scripts/bench_contact_links.py --files 2000
	$(PY) scripts/bench_insights.py

# make insights LOG='/var/log/nginx/help-insights.log*'   (plain and .gz mixed; README "Insights")
# make import SOURCE=zendesk EXPORT=zendesk-export/ [MAPPING=zendesk-import.yml]
import: install ## import a hosted help centre's export into docs/ (SOURCE=zendesk EXPORT=folder; README, "Moving from Zendesk")
	$(PY) scripts/import_help_centre.py --source $(SOURCE) --export $(EXPORT) $(if $(MAPPING),--mapping $(MAPPING))

stale: install ## articles due for review, by owner, with the translations that trail them
	$(PY) scripts/stale.py

insights: install ## the insights report from access logs: what customers searched and could not find (LOG=file or glob)
	@test -n "$(LOG)" || { echo "usage: make insights LOG='/var/log/nginx/help-insights.log*'" >&2; exit 2; }
	$(PY) scripts/insights.py $(LOG)

# mutmut and what it needs, pinned in their own file: only this target uses them.
$(VENV)/.mutation-installed: $(VENV)/.installed requirements-mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt -c requirements.txt
	touch $@

mutation: $(VENV)/.mutation-installed ## mutation score of the modules that enforce the mission and the registry (not part of make test)
	$(PY) scripts/mutation.py

clean: ## remove the build output and caches (keeps .venv/)
	rm -rf site .site-build .pytest_cache test-artifacts .mutation
