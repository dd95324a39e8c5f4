.PHONY: install test lint format bench bench-full readme

install:
	python3 -m pip install -e '.[test,bench]'

test:
	python3 -m pytest

lint:
	ruff check src tests bench
	ruff format --check src tests bench
	mypy --strict src

format:
	ruff format src tests bench
	ruff check --fix src tests bench

readme:
	python3 -m iomstrat.tools.readme --write

# Speed, measured side by side with the reference tools (bench/RESULTS.md); a few minutes.
bench:
	python3 -m bench

# Also the 1 000 000-record ledger.
bench-full:
	python3 -m bench --full
