# GluteMap: every target bootstraps what it needs (a virtualenv, Python packages, Debian's chromium).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= 127.0.0.1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint unit browser chromium fonts screenshots kiosk bench clean serve haproxy test-scale test-long upgrade lighthouse

$(BIN)/python:
	@echo "Creating the virtualenv $(VENV)"
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Installing Debian's python3-venv to create $(VENV)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }

# Python packages come from the lock (requirements/*.txt: exact versions with hashes), so every machine
# installs the same thing; `make upgrade` refreshes the lock. GluteMap itself installs without dependencies.
LOCK_INSTALL = $(BIN)/pip install -q --disable-pip-version-check --require-hashes --no-deps
$(VENV)/.run-installed: requirements/run.txt pyproject.toml | $(BIN)/python
	@echo "Installing the locked runtime packages into $(VENV) (a few minutes the first time)"
	$(LOCK_INSTALL) -r requirements/run.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

$(VENV)/.test-installed: requirements/test.txt pyproject.toml | $(BIN)/python
	@echo "Installing the locked runtime and test packages into $(VENV) (a few minutes the first time)"
	$(LOCK_INSTALL) -r requirements/test.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@ $(VENV)/.run-installed

# Refresh the lock to the newest releases pyproject.toml allows, then run the tests against them.
PIP_COMPILE = $(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --upgrade
upgrade: | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check pip-tools
	$(PIP_COMPILE) -o requirements/run.txt pyproject.toml
	$(PIP_COMPILE) --extra test -o requirements/test.txt pyproject.toml
	rm -f $(VENV)/.run-installed $(VENV)/.test-installed
	$(MAKE) test

# Browser tests drive Debian's chromium; no test tool ever downloads a browser.
# The handout PDF uses Debian's DejaVu font (full Unicode punctuation).
DEBIAN_PACKAGES := chromium fonts-dejavu-core
fonts:
	@dpkg -s fonts-dejavu-core >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-dejavu-core; }

chromium:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

run: $(VENV)/.run-installed fonts
	$(BIN)/streamlit run server.py --server.address $(ADDRESS) --server.port $(PORT)

# Kiosk: the app in kiosk mode on loopback and, where a display exists, Debian's chromium full screen on it,
# locked by a managed policy (deploy/kiosk/chromium-policy.json: only the app's origin opens; no DevTools,
# downloads, printing or file dialogs), installed for this machine's Chromium by scripts/kiosk_policy.py.
IDLE ?= 90
KIOSK_PROFILE ?= /tmp/glutemap-kiosk-profile
KIOSK_ORIGIN = http://127.0.0.1:$(PORT)
kiosk: $(VENV)/.run-installed chromium
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BIN)/python scripts/kiosk_policy.py --origin $(KIOSK_ORIGIN) 2>/dev/null || \
	  $(SUDO) $(BIN)/python scripts/kiosk_policy.py --origin $(KIOSK_ORIGIN) || exit 1; fi
	@GLUTEMAP_KIOSK=1 GLUTEMAP_IDLE_SECONDS=$(IDLE) $(BIN)/streamlit run server.py \
	  --server.address 127.0.0.1 --server.port $(PORT) --theme.baseFontSize 20 & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	for i in $$(seq 60); do $(BIN)/python -c "import urllib.request as u; u.urlopen('$(KIOSK_ORIGIN)/_stcore/health', timeout=1)" 2>/dev/null && break; sleep 0.5; done; \
	if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  rm -rf $(KIOSK_PROFILE); \
	  chromium $(KIOSK_CHROMIUM_FLAGS) --user-data-dir=$(KIOSK_PROFILE) $(KIOSK_ORIGIN)/; \
	else \
	  echo "No display: kiosk server running at $(KIOSK_ORIGIN)/ (Ctrl-C to stop)"; wait $$server; \
	fi

# No swipe-back (overscroll history navigation), no pinch zoom, no first-run or error dialogs.
KIOSK_CHROMIUM_FLAGS = --kiosk --incognito --no-first-run --disable-sync --disable-background-networking \
  --disable-component-update --noerrdialogs --disable-translate --disable-features=Translate \
  --overscroll-history-navigation=0 --disable-pinch --disable-session-crashed-bubble

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: $(VENV)/.test-installed chromium lint
	GLUTEMAP_REQUIRE_BROWSER=1 $(BIN)/pytest --durations=15

unit: $(VENV)/.test-installed
	$(BIN)/pytest -m "not browser and not long and not scale"

browser: $(VENV)/.test-installed chromium
	GLUTEMAP_REQUIRE_BROWSER=1 $(BIN)/pytest -m "browser and not long and not scale"

# Benchmarks: every figure as a ratio to a hello-world Streamlit app measured in the same run (bench/README.md).
bench: $(VENV)/.test-installed chromium haproxy
	$(BIN)/glutemap eval tests/eval/*.jsonl
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.scale_bench

# Many visitors: REPLICAS app processes on 127.0.0.1 behind Debian's HAProxy on ADDRESS:PORT
# (default 127.0.0.1:8080; ADDRESS=0.0.0.0 listens on every network). Ctrl-C stops them all.
REPLICAS ?= 2
serve: PORT = 8080
haproxy:
	@[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null 2>&1 || { echo "Installing Debian's haproxy"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq haproxy && \
	  { $(SUDO) systemctl disable --now haproxy >/dev/null 2>&1 || true; }; }

serve: $(VENV)/.run-installed fonts haproxy
	$(BIN)/python scripts/serve.py --replicas $(REPLICAS) --port $(PORT) --address $(ADDRESS)

# Long runs, not part of `make test`: a 15-minute kiosk soak, an 8-session load test (loopback only) and
# the exhaustive browser sweep that taps every body-map area.
# A longer soak: make test-long GLUTEMAP_SOAK_SECONDS=14400 (4 hours).
test-long: $(VENV)/.test-installed chromium
	GLUTEMAP_REQUIRE_BROWSER=1 $(BIN)/pytest -m long tests/long tests/e2e

# Replicas behind the balancer, driven by concurrent browsers (a few minutes; .ci/run calls it).
test-scale: $(VENV)/.test-installed chromium haproxy
	GLUTEMAP_REQUIRE_BROWSER=1 $(BIN)/pytest -m scale tests/scale

# Lighthouse (mobile) on every screen: accessibility and best practices must be 95 or more. An audit, not a test:
# it installs Lighthouse 12.2.3 from npm into .tools/ once (13.x wants Node 22) and drives Debian's chromium.
LIGHTHOUSE_VERSION := 12.2.3
.tools/node_modules/.bin/lighthouse:
	npm install --prefix .tools --no-audit --no-fund --silent -E lighthouse@$(LIGHTHOUSE_VERSION)

lighthouse: $(VENV)/.test-installed chromium .tools/node_modules/.bin/lighthouse
	$(BIN)/python scripts/lighthouse.py

clean:
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
