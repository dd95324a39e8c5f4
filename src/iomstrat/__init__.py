"""iomstrat: budget and disbursement calculator for donor organisation strategies."""

__version__ = "0.1.0"
