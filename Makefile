# The two commands of the README: `make site` and `make test`. Both install the Debian
# packages the build needs (when run as root) and build the engine in release mode, which
# chapter programs link.
SWIFT ?= swift
DEBIAN_PACKAGES := pkg-config libcmark-dev libopenblas-dev fonts-lmodern
MLBOOK := .build/release/mlbook

.PHONY: site test check engine deps format bench

site: engine
	$(MLBOOK) build

test: engine
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(MLBOOK) check

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
