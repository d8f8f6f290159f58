"""spendscope's analysis engine: ingest, classify, price, simulate, aggregate.

Nothing in this package imports dash or plotly; the dashboard calls these functions.
"""

import os

# polars allocates through jemalloc, which by default keeps freed pages for about ten
# seconds: a long ingest's peak memory then grows with its length (1M OpenAI lines: +30 %
# over 200k). Handing them back within a quarter second keeps it flat at no measured cost.
# Read when polars loads, so it takes effect where this package is imported first (the
# command line, the dashboard); a value the user set wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:250,muzzy_decay_ms:0")

__version__ = "0.1.0"
