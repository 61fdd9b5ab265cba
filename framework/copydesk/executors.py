"""Executors: how a run spreads documents over CPUs. The core has ``serial``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class SerialExecutor:
    """One document after another, in this process: simplest to debug, the reference output."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = 1

    def map(self, process: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield process(item)
