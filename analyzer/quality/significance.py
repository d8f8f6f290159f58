"""Is a rate really lower than its baseline, or is it noise? (for quality alerts)"""

from __future__ import annotations

import math


def drop_p_value(base_passed: int, base_total: int, now_passed: int, now_total: int) -> float:
    """One-sided p-value that the pass rate fell from ``base_passed / base_total`` to
    ``now_passed / now_total`` (two-proportion z-test with the pooled rate; a normal
    approximation, fair from a few dozen requests on each side). 1.0 when there is nothing to
    test: an empty side, or a pooled rate of 0 or 1."""
    if base_total <= 0 or now_total <= 0:
        return 1.0
    pooled = (base_passed + now_passed) / (base_total + now_total)
    variance = pooled * (1 - pooled) * (1 / base_total + 1 / now_total)
    if variance <= 0:
        return 1.0
    z = (base_passed / base_total - now_passed / now_total) / math.sqrt(variance)
    return 0.5 * math.erfc(z / math.sqrt(2))
