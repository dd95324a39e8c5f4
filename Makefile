.PHONY: install test lint format bench readme

install:
	python3 -m pip install -e '.[test]'

test:
	python3 -m pytest

lint:
	ruff check src tests
	ruff format --check src tests
	mypy --strict src

format:
	ruff format src tests
	ruff check --fix src tests

readme:
	python3 -m iomstrat.tools.readme --write
