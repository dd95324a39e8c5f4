"""`python -m iomstrat` runs the command line."""

from iomstrat.cli import main

main()
