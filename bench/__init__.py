"""Benchmark suite of iomstrat: synthetic portfolios, commands measured against references."""
