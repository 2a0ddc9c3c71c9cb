# Two entry points, as the README says: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install browser validators messages lint

run: install messages  ## Install, migrate, load demo data and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: install messages browser validators lint  ## The whole suite (PostgreSQL when DATABASE_URL is set), on both cores
	$(PY) -m pytest -n 2 --durations=25

install: $(VENV)/.installed

$(VENV)/.installed: requirements-test.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)/bin/uv pip sync --quiet --python $(PY) requirements-test.lock
	touch $@

messages: install
	if [ -d locale ]; then $(VENV)/bin/pybabel compile -d locale -D django; fi

browser:  ## Debian's Chromium for the end-to-end tests (Playwright cannot download its own here)
	test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

PACKAGES := storefront api feeds reports reviews checkout search traceability tradefairs salespoints pagecache catalogue \
	access places formats gs1 uploads

validators: node_modules/.installed  ## GS1's digital-link.js and the Nu Html Checker (Java), run by the tests

node_modules/.installed: package-lock.json
	command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)
	npm ci --no-audit --no-fund --ignore-scripts  # vnu-jar's script would fetch a Java we already have
	touch $@

lint: install  ## ruff, the layers' import contracts, and bandit failing on any high-severity finding
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -q -r $(PACKAGES) -lll \
		-x "*/migrations/*,*/tests/*"
