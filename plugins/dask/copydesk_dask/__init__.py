"""copydesk ``dask`` plugin: the ``dask`` executor, on a Dask distributed cluster.

``--executor dask`` starts a LocalCluster on this machine (one single-threaded worker
process per core); ``--scheduler ADDRESS`` joins a running cluster instead. Each task is a
chunk of inputs and the pipeline's config: a worker builds the pipeline from the config
the first time (from the plugins installed on it, which must be the versions the client
has) and reuses it. At most a few chunks per worker thread are in flight, so the inputs
are read only as fast as the cluster processes them.

Why Dask distributed: it is the engine many Python data teams already run (on Kubernetes,
HPC batch systems, cloud VMs), its scheduler handles worker loss, and it needs nothing of
copydesk but picklable jobs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from typing import Any

import copydesk
from copydesk import CopydeskError, ExecutorError, Job, Register, chunked, default_workers

__version__ = "0.1.0"

DEFAULT_CHUNK_SIZE = 64  # a task costs the scheduler ~1 ms: larger chunks than the process pool
DEFAULT_CHUNKS_PER_THREAD = 2

LOST_REASON = (
    "the Dask worker died while processing this input (killed, out of memory, or crashed in "
    "native code); retried alone, it killed its worker again"
)

EXECUTOR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "scheduler": {
            "type": "string",
            "minLength": 1,
            "description": "address of a running scheduler (tcp://host:8786); default: start a LocalCluster",
        },
        "chunk_size": {"type": "integer", "minimum": 1, "description": "inputs per task"},
        "chunks_per_thread": {"type": "integer", "minimum": 1, "description": "tasks in flight per worker thread"},
        "processes": {
            "type": "boolean",
            "description": "LocalCluster workers are processes (default true); false runs threads in this process",
        },
        "connect_timeout": {"type": "number", "exclusiveMinimum": 0, "description": "seconds to reach the scheduler"},
        "dashboard_address": {"type": "string", "description": "LocalCluster dashboard address (default: none)"},
        "allowed_failures": {
            "type": "integer",
            "minimum": 0,
            "description": "LocalCluster: worker deaths a task may cause before it is retried input by input",
        },
    },
}


class DaskExecutor:
    """Runs chunks of inputs as Dask tasks, a bounded number at a time, results as they finish."""

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        chunks_per_thread: int = DEFAULT_CHUNKS_PER_THREAD,
        processes: bool = True,
        connect_timeout: float = 10.0,
        dashboard_address: str | None = None,
        allowed_failures: int = 1,
    ) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.chunk_size = chunk_size
        self.chunks_per_thread = chunks_per_thread
        self.processes = processes
        self.connect_timeout = connect_timeout
        self.dashboard_address = dashboard_address
        self.allowed_failures = allowed_failures
        self._client: Any = None
        self._cluster: Any = None
        self.connect()  # before any input is read: an unreachable scheduler stops the run at once

    def describe(self) -> str:
        where = f"scheduler {self.scheduler}" if self.scheduler else "LocalCluster"
        return f"dask: {where}, chunks of {self.chunk_size}"

    def connect(self) -> Any:
        """The Dask client: joined to the given scheduler, or to a LocalCluster started here."""
        if self._client is not None:
            return self._client
        import dask
        from distributed import Client, LocalCluster

        # Dask keeps the last N messages of each connection for debugging (1,000 by default):
        # with chunks of documents in them, that is hundreds of MB, so keep none.
        quiet = {"distributed.admin.low-level-log-length": 0}
        if self.scheduler:
            try:
                with dask.config.set(quiet):
                    self._client = Client(self.scheduler, timeout=self.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise ExecutorError(
                    f"cannot reach the Dask scheduler at {self.scheduler} (waited {self.connect_timeout:g}s): {exc}"
                ) from None
            return self._client
        local = {
            **quiet,
            "distributed.scheduler.allowed-failures": self.allowed_failures,
            # the workers' sampling profiler walks every thread's stack 100 times a second:
            # on pure-Python steps that costs a third more CPU than the steps themselves
            "distributed.worker.profile.enabled": False,
            # the 20 ms watchdog of each event loop costs the client, which shares the cores
            "distributed.admin.tick.interval": "1s",
        }
        with dask.config.set(local):
            self._cluster = LocalCluster(
                n_workers=self.workers or default_workers(),
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=self.dashboard_address,
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)
        return self._client

    def map(self, job: Job[Any, Any], items: Iterable[Any]) -> Iterator[Any]:
        from distributed import as_completed

        client = self.connect()
        threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        window = max(2, threads * self.chunks_per_thread)
        chunks = chunked(items, self.chunk_size)
        running = as_completed()
        tasks: dict[Any, list[Any]] = {}
        quarantine: list[Any] = []
        solo: Any = None  # the one input retried alone, if any
        more = True
        try:
            while True:
                if solo is None and quarantine:
                    item = quarantine.pop(0)
                    solo = client.submit(_run_chunk, job, [item], pure=False)
                    tasks[solo] = [item]
                    running.add(solo)
                while more and len(tasks) < window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        more = False
                        break
                    future = client.submit(_run_chunk, job, chunk, pure=False)
                    tasks[future] = chunk
                    running.add(future)
                if not tasks:
                    return
                future = next(running)
                chunk = tasks.pop(future)
                results = self._results(future)
                if future is solo:
                    solo = None
                    if results is None:
                        yield job.lost(chunk[0], LOST_REASON)
                        continue
                if results is None:
                    quarantine.extend(chunk)
                else:
                    yield from results
        finally:
            for future in tasks:
                future.cancel()

    def _results(self, future: Any) -> list[Any] | None:
        """The chunk's outcomes; None when the chunk's workers kept dying under it."""
        from distributed import KilledWorker

        try:
            results: list[Any] = future.result()
        except KilledWorker:
            return None
        except CopydeskError:
            raise
        except (CancelledError, OSError, TimeoutError) as exc:
            raise ExecutorError(f"lost the Dask cluster: {type(exc).__name__}: {exc}") from None
        except Exception as exc:
            raise ExecutorError(f"a Dask task failed: {type(exc).__name__}: {exc}") from exc
        return results

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _run_chunk(job: Job[Any, Any], chunk: list[Any]) -> list[Any]:
    return [job(item) for item in chunk]


@copydesk.hookimpl
def copydesk_register_executors(register: Register) -> None:
    register(
        "dask",
        DaskExecutor,
        config_schema=EXECUTOR_SCHEMA,
        description="a Dask distributed cluster: a LocalCluster, or a running one (--scheduler)",
    )
