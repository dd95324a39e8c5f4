"""Maintenance tools run with `python -m iomstrat.tools.NAME`; not part of the command line."""
