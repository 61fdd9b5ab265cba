"""A step counter, so tests can show the attributor's work grows linearly with its input.

Timing a test is flaky on a shared machine; counting the units of work each loop does is
deterministic. Production code passes None and pays nothing.
"""

from __future__ import annotations


class WorkCounter:
    """Counts units of work (loop iterations, characters a pattern is run over)."""

    __slots__ = ("steps",)

    def __init__(self) -> None:
        self.steps = 0

    def tick(self, units: int = 1) -> None:
        self.steps += units
