# One command for every habit: `make test`, `make lint`, `make bench`.
PYTHON ?= .venv/bin/python

.PHONY: test lint bench bench-full

test:
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check src tests bench
	$(PYTHON) -m ruff format --check src tests bench
	$(PYTHON) -m mypy --strict src

bench:
	$(PYTHON) -m bench

bench-full:
	$(PYTHON) -m bench --full
