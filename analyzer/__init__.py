"""spendscope's analysis engine: ingest, classify, price, simulate, aggregate.

Nothing in this package imports dash or plotly; the dashboard calls these functions.
"""

__version__ = "0.1.0"
