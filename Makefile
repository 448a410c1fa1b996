# The two commands: `make site` and `make test`. Both set up everything themselves.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: site serve test check status bench clean

site: $(READY)
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old && { [ ! -d site ] || mv site site.old; } && mv site.new site && rm -rf site.old

serve: $(READY)
	$(BIN)/mkdocs serve --livereload

test: $(READY)
	$(BIN)/python -m pytest

check: $(READY)
	$(BIN)/onegoal check

bench: $(READY)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/build.py --synthetic

$(READY): requirements.lock pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf site site.new site.old $(VENV)
