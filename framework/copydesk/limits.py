"""Per-document time limits for steps: a step that runs too long fails its document, not the run.

The limit is a real-time interval timer (``SIGALRM``), armed around each step call. Signals
reach only a process's main thread, which is where the serial and process-pool executors run
steps; in other threads (a Dask worker's task threads) the limit is not enforced, and
``enforced()`` says so. A step stuck inside C code is interrupted when control returns to
Python.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: Default seconds a step may spend on one document.
DEFAULT_STEP_TIME_LIMIT = 60.0


class StepTimeout(Exception):
    """A step ran past its time limit on one document."""


_installed = False


def enforced() -> bool:
    """Whether time limits can be enforced in the calling thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise StepTimeout


class StepTimeLimit:
    """The limit of each step over one document: checked once per document, armed per step.

    Entering it checks, once, that the limit can be enforced here and that its handler is
    installed, so each step pays for one timer call to arm and one to disarm. The timer is
    disarmed right after each step: the runner's own code between steps is never interrupted.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = float(seconds or 0.0)
        self.active = False

    def __enter__(self) -> StepTimeLimit:
        global _installed
        self.active = self.seconds > 0 and enforced()
        if self.active and (not _installed or signal.getsignal(signal.SIGALRM) is not _on_alarm):
            signal.signal(signal.SIGALRM, _on_alarm)
            _installed = True
        return self

    def arm(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __exit__(self, *exc_info: object) -> None:
        self.disarm()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise StepTimeout in the block if it runs longer than `seconds` (None or 0: no limit)."""
    with StepTimeLimit(seconds) as limit:
        limit.arm()
        yield
