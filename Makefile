# The two commands: `make site` and `make test`. Both set up everything themselves.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Chromium prints the PDFs and runs the browser tests; Arabic and Ge'ez text need the Noto
# fonts; the tests read PDFs with poppler-utils, serve a company's copy with nginx and check
# the exported PO files with gettext's msgfmt.
DEBIAN_PACKAGES := chromium fonts-noto-core poppler-utils nginx-light gettext
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The site generator: MkDocs 1.6, or its maintained fork with `make site MKDOCS=properdocs`.
MKDOCS ?= mkdocs

.PHONY: site serve test browser check status bench clean corporate

site: $(READY) browser
	rm -rf site.new
	$(BIN)/$(MKDOCS) build --strict --site-dir site.new
	rm -rf site.old && { [ ! -d site ] || mv site site.old; } && mv site.new site && rm -rf site.old

# make serve previews Swedish; make serve LANG=en English (with Swedish, the root). Only
# that language is rebuilt on a save, and a content problem shows on the page.
# make serve REVIEW=1 LANG=so adds /so/review/: each step beside its Swedish source.
PREVIEW_LANGUAGE := $(if $(filter command line,$(origin LANG)),$(LANG),sv)
serve: $(READY)
	LANG=C.UTF-8 ONEGOAL_PREVIEW_LANGUAGE=$(PREVIEW_LANGUAGE) ONEGOAL_REVIEW=$(if $(REVIEW),$(PREVIEW_LANGUAGE)) \
	  $(BIN)/$(MKDOCS) serve --livereload

# The tests on every core (pytest-xdist): each worker builds the session's fixture sites once.
test: $(READY) browser
	$(BIN)/python -m pytest -n auto

browser:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# A company's own copy of the corporate manuals: make corporate BRAND=path/to/brand.yml
corporate: $(READY) browser
	@[ -n "$(BRAND)" ] || { echo "Name the company's brand file: make corporate BRAND=path/to/brand.yml"; exit 2; }
	$(BIN)/onegoal corporate --brand "$(BRAND)"

# make check AGAINST=origin/main: also refuse a published step or checklist id that is gone
# without a record of where it went; make check STRICT=1: the content rules' warnings fail too.
check: $(READY)
	$(BIN)/onegoal check $(if $(AGAINST),--against "$(AGAINST)") $(if $(STRICT),--strict)

status: $(READY)
	$(BIN)/onegoal status

bench: $(READY) browser site
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/build.py --scale 1,2,4
	$(BIN)/python benchmarks/pdf.py
	$(BIN)/python benchmarks/preview.py
	$(BIN)/python benchmarks/search_index.py
	$(BIN)/python benchmarks/first_visit.py
	$(BIN)/python benchmarks/phone.py
	$(BIN)/python benchmarks/lighthouse.py site

$(READY): requirements.lock pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

clean:
	rm -rf site site.new site.old site-corporate site-corporate.new site-corporate.zip .cache $(VENV)
