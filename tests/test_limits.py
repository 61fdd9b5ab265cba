"""Step time limits interrupt a runaway step and leave the process usable."""

from __future__ import annotations

import threading
import time

import pytest

from copydesk.limits import StepTimeLimit, StepTimeout, enforced, time_limit


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


def test_a_document_limit_arms_each_step_afresh_and_disarms_between_steps():
    with StepTimeLimit(0.3) as limit:
        for _ in range(3):  # three quick steps of 0.2 s: 0.6 s in all, none past its own limit
            limit.arm()
            spin_until(time.monotonic() + 0.2)
            limit.disarm()
        spin_until(time.monotonic() + 0.4)  # the runner's own time between steps is not limited
        started = time.monotonic()
        with pytest.raises(StepTimeout):
            limit.arm()
            spin_until(started + 30)
        limit.disarm()
    assert time.monotonic() - started < 29
    spin_until(time.monotonic() + 0.4)  # nothing left armed after the document


def test_a_document_limit_off_the_main_thread_is_inactive():
    seen: list[bool] = []

    def run() -> None:
        with StepTimeLimit(0.1) as limit:
            limit.arm()
            seen.append(limit.active)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [False]
