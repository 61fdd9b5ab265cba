"""Executors: how a run spreads documents over CPUs. The core has ``serial`` and ``processes``.

An executor's ``map(job, items)`` yields one result per item, in any order. The job is a
:class:`Job`: calling it processes one item, and ``job.lost(item, reason)`` makes the result
for an item whose worker died, so a parallel executor never loses an input silently.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol, TypeVar

from copydesk.errors import CopydeskError, ExecutorError

T = TypeVar("T")
R = TypeVar("R")
T_contra = TypeVar("T_contra", contravariant=True)
R_co = TypeVar("R_co", covariant=True)

#: Inputs sent to a worker at once: large enough that messaging costs little per input.
DEFAULT_CHUNK_SIZE = 16

#: Chunks in flight per worker: enough to keep each busy, few enough that memory stays flat.
DEFAULT_CHUNKS_PER_WORKER = 2

LOST_REASON = (
    "the worker process died while processing this input (killed, out of memory, or crashed "
    "in native code); retried alone, it killed its worker again"
)


class Job(Protocol[T_contra, R_co]):
    """What executors run: one call per item, and the result for an item lost with its worker."""

    def __call__(self, item: T_contra) -> R_co: ...

    def lost(self, item: T_contra, reason: str) -> R_co: ...


def default_workers() -> int:
    """The CPUs this process may use (respecting affinity and container limits where known)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items, read lazily from `items`."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class SerialExecutor:
    """One document after another, in this process: simplest to debug, the reference output."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = 1

    def map(self, process: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield process(item)

    def describe(self) -> str:
        return "serial"


class ProcessExecutor:
    """A pool of worker processes, each building the pipeline once from its config.

    Inputs go to workers in chunks, at most ``chunks_per_worker`` per worker in flight, so
    the source is never read far ahead of the workers. When a worker dies, the chunks in
    flight are retried one input at a time in a fresh pool: an input that kills its worker
    again is reported lost (failed), every other input is processed exactly once.
    """

    def __init__(
        self,
        workers: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        chunks_per_worker: int = DEFAULT_CHUNKS_PER_WORKER,
        start_method: str | None = None,
    ) -> None:
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        self.window = self.workers * chunks_per_worker
        methods = multiprocessing.get_all_start_methods()
        if start_method is not None and start_method not in methods:
            raise CopydeskError(f"start method {start_method!r} is not available here (available: {methods})")
        # forkserver (the default from Python 3.14 on) is safe in a process with threads
        self.start_method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
        self._pool: ProcessPoolExecutor | None = None

    def describe(self) -> str:
        return f"processes: {self.workers} workers ({self.start_method}), chunks of {self.chunk_size}"

    def map(self, job: Job[T, R], items: Iterable[T]) -> Iterator[R]:
        chunks = chunked(items, self.chunk_size)
        pending: dict[Future[list[R]], list[T]] = {}
        more = True
        try:
            while True:
                while more and len(pending) < self.window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        more = False
                        break
                    pending[self._submit(job, chunk)] = chunk
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                lost: list[T] = []
                for future in done:
                    chunk = pending.pop(future)
                    results = self._results(future)
                    if results is None:
                        lost.extend(chunk)
                    else:
                        yield from results
                if lost:
                    # the pool is broken: every other chunk in flight fails with it
                    wait(pending)
                    for future, chunk in pending.items():
                        results = self._results(future)
                        if results is None:
                            lost.extend(chunk)
                        else:
                            yield from results
                    pending.clear()
                    self._discard_pool()
                    yield from self._one_by_one(job, lost)
        finally:
            for future in pending:
                future.cancel()

    def _one_by_one(self, job: Job[T, R], items: list[T]) -> Iterator[R]:
        """Run each item alone in a fresh pool, so a worker's death names its input."""
        for item in items:
            future = self._submit(job, [item])
            results = self._results(future)
            if results is None:
                self._discard_pool()
                yield job.lost(item, LOST_REASON)
            else:
                yield from results

    def _results(self, future: Future[list[R]]) -> list[R] | None:
        """The chunk's results; None when its worker died."""
        try:
            return future.result()
        except BrokenProcessPool:
            return None
        except CopydeskError:
            raise
        except Exception as exc:
            raise ExecutorError(f"a worker process failed: {type(exc).__name__}: {exc}") from exc

    def _submit(self, job: Job[T, R], chunk: list[T]) -> Future[list[R]]:
        if self._pool is None:
            context = multiprocessing.get_context(self.start_method)
            if self.start_method == "forkserver":
                context.set_forkserver_preload(["copydesk"])
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(job, os.getpid())
            )
            try:  # a worker that cannot even start would make every input look like a killer
                self._pool.submit(_ready).result()
            except BrokenProcessPool:
                self._discard_pool()
                raise ExecutorError(
                    f"worker processes die as they start ({self.start_method}); see the messages above"
                ) from None
        return self._pool.submit(_run_chunk, chunk)

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        self._discard_pool()


# -- in the worker processes --------------------------------------------------------------

_worker_job: Any = None

#: How often a worker checks that the run that started it is still alive (seconds).
PARENT_CHECK_INTERVAL = 0.5


def _start_worker(job: Any, run_pid: int) -> None:
    global _worker_job
    _worker_job = job
    # Ctrl-C is the main process's to handle: it stops the pool and keeps what was written
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watcher = threading.Thread(target=_exit_with_run, args=(run_pid,), daemon=True)
    watcher.start()


def _exit_with_run(run_pid: int) -> None:
    """Exit when the run that started this worker is gone (e.g. it was SIGKILLed).

    The run's own pid is watched, not the parent's: under forkserver the parent is the
    fork server, which itself waits for its workers to exit before it does.
    """
    while _running(run_pid):
        time.sleep(PARENT_CHECK_INTERVAL)
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed run not yet reaped by its parent is a zombie: gone all the same
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True


def _ready() -> bool:
    return True


def _run_chunk(chunk: list[Any]) -> list[Any]:
    return [_worker_job(item) for item in chunk]


def process_executor_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "chunk_size": {"type": "integer", "minimum": 1, "description": "inputs sent to a worker at once"},
            "chunks_per_worker": {"type": "integer", "minimum": 1, "description": "chunks in flight per worker"},
            "start_method": {
                "enum": ["fork", "forkserver", "spawn"],
                "description": "how workers start (default: forkserver where available, else spawn)",
            },
        },
    }
