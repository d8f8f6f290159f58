"""The test behind a quality alert, against hand-computed values."""

from __future__ import annotations

import pytest

from analyzer.quality.significance import drop_p_value


def test_a_real_drop_is_significant() -> None:
    # 180/200 = 0.90 before, 150/200 = 0.75 now; pooled 330/400 = 0.825
    # se = sqrt(0.825 x 0.175 x (1/200 + 1/200)) = sqrt(0.00144375) = 0.037997
    # z = 0.15 / 0.037997 = 3.9477; p = erfc(3.9477 / sqrt 2) / 2 = 3.94e-5
    assert drop_p_value(180, 200, 150, 200) == pytest.approx(3.94e-5, rel=0.01)


def test_a_small_sample_is_not() -> None:
    # 9/10 then 7/10: pooled 0.8, se = sqrt(0.8 x 0.2 x 0.2) = 0.17889, z = 0.2 / 0.17889 = 1.118
    # p = erfc(1.118 / sqrt 2) / 2 = 0.1318
    assert drop_p_value(9, 10, 7, 10) == pytest.approx(0.1318, abs=5e-4)


def test_a_rise_and_nothing_to_test() -> None:
    assert drop_p_value(150, 200, 180, 200) > 0.99  # the rate went up: no drop
    assert drop_p_value(0, 0, 5, 10) == 1.0
    assert drop_p_value(10, 10, 10, 10) == 1.0  # all passed on both sides
