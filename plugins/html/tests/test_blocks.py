"""The block walk's shortcuts give what the plain computation gives."""

from __future__ import annotations

import pytest

from copydesk_html.blocks import rounded_ratio


@pytest.mark.parametrize("digits", [2, 3, 4])
def test_rounded_ratio_is_round_of_the_float_ratio(digits: int) -> None:
    # every ratio of small numbers, ties included (1/8 = 0.125 at two digits, 1/160 at four)
    for whole in range(1, 400):
        for part in range(0, 3 * whole + 1):
            assert rounded_ratio(part, whole, digits) == round(part / whole, digits), (part, whole)


def test_rounded_ratio_of_large_numbers_is_round_of_the_float_ratio() -> None:
    for part, whole in [(2**60 + 1, 3), (10**15 + 7, 10**15 + 11), (123_456_789, 987_654_321)]:
        assert rounded_ratio(part, whole, 4) == round(part / whole, 4)
