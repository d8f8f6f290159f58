"""The Dash app over a spendscope workspace (issue 6). Holds no business logic: every
number it shows comes from ``analyzer``."""
