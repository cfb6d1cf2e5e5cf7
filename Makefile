# Two entry points for a newcomer: `make demo` and `make test`.
# Both create .venv on first use; torch is pinned to the CPU build first so
# that pip never pulls a multi-GB CUDA wheel on a machine without a GPU.
VENV ?= .venv
PY := $(VENV)/bin/python
TORCH ?= torch==2.13.0
EXTRAS ?= dev,fast,ray

.PHONY: setup demo test lint clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(VENV)/bin/summarizer run examples/page.txt --format md

test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check summarizer training tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
