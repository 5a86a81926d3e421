# PACE Desktop. `make run` and `make test` are the only commands a fresh machine needs.
SHELL := /bin/bash
# The first interpreter that really runs and is 3.12+ (pyenv shims exist for versions that
# are not selected, so `command -v` alone is not enough; .python-version selects 3.12).
PYTHON ?= $(shell for p in python3 python3.13 python3.12; do \
  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test soak lint bench dist clean python-check postgres-check

python-check:
	@test -n "$(PYTHON)" && $(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { \
	  echo "PACE Desktop needs Python 3.12 or newer; found $$($(or $(PYTHON),python3) --version 2>&1) ($(or $(PYTHON),no 3.12+ interpreter on the PATH))."; \
	  echo "PySide6 crashes the interpreter on 3.11. Install 3.12+ or run: make PYTHON=/path/to/python3.12"; \
	  exit 1; }

$(STAMP): pyproject.toml | python-check
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m pace_desktop gui

lint: $(STAMP)
	$(VENV)/bin/ruff check pace_desktop tests benchmarks
	$(VENV)/bin/lint-imports

# The hub's tests start a throwaway PostgreSQL of their own (tests/pg_server.py); on a clean
# Debian machine run as root (CI), Debian's postgresql package is installed first.
postgres-check:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing PostgreSQL for the hub's tests (apt-get install postgresql)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL 15+ is not installed: the hub's tests will be skipped (install Debian's postgresql package)."; \
	  fi; \
	fi

test: lint postgres-check
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

# The long robustness runs (tests marked slow), printing their figures (docs/RELIABILITY.md).
# Counts can be lowered for a quick look: PACE_SOAK_KILLS_EACH, PACE_SOAK_REKEY,
# PACE_SOAK_MALFORMED.
soak: $(STAMP)
	set -o pipefail; QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -s -m slow -p no:cacheprovider \
	  tests/test_soak.py tests/test_rekey_atomic.py tests/test_hub_faults.py tests/test_hub_concurrent.py 2>&1 | tee soak.log | grep -E "^SOAK|passed|failed"

DIST_STAMP := $(VENV)/.installed-dist

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	@touch $(DIST_STAMP)

# The desktop bundle, built from the spec, then made to prove itself: its own self-test runs
# offscreen with no network and no Python on the path.
dist: $(DIST_STAMP)
	rm -rf build/pace-desktop dist/pace-desktop
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@# Debug symbols of Python, SQLCipher, Qt and pdfium are a third of the bundle; numpy's and
	@# Pillow's own libraries are left alone (stripping those breaks them: NOTES.md).
	-find dist/pace-desktop/_internal -type f \( -name 'libpython3*.so*' \
	  -o -path '*/lib-dynload/*.so' -o -path '*/sqlcipher3/*.so' -o -path '*/PySide6/*.so*' \
	  -o -path '*/pypdfium2_raw/*.so' \) \
	  -exec strip --strip-unneeded {} +
	env -i HOME="$$(mktemp -d)" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen PATH=/usr/bin:/bin \
	  dist/pace-desktop/pace-desktop self-test
	@du -sh dist/pace-desktop

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
