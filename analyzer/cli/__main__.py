"""``python -m analyzer.cli``: the console script."""

from analyzer.cli import main

main()
