"""Step time limits interrupt a runaway step and leave the process usable."""

from __future__ import annotations

import threading
import time

import pytest

from copydesk.limits import StepTimeout, enforced, time_limit


def spin_until(deadline: float) -> int:
    count = 0
    while time.monotonic() < deadline:
        count += 1
    return count


def test_a_runaway_block_is_interrupted():
    started = time.monotonic()
    with pytest.raises(StepTimeout), time_limit(0.2):
        spin_until(started + 30)
    assert time.monotonic() - started < 29, "the limit did not interrupt the loop"


def test_a_quick_block_is_untouched_and_the_timer_is_disarmed():
    with time_limit(5):
        value = sum(range(1000))
    assert value == 499500
    # no alarm left armed: a later long computation is not interrupted
    spin_until(time.monotonic() + 0.3)


def test_no_limit_when_zero_or_none():
    for seconds in (0, None):
        with time_limit(seconds):
            spin_until(time.monotonic() + 0.05)


def test_not_enforced_off_the_main_thread():
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(enforced()))
    thread.start()
    thread.join()
    assert seen == [False]
    assert enforced()
