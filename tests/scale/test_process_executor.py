"""The ``processes`` executor: same records as serial, bounded read-ahead, dead workers handled."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

import copydesk
from copydesk.executors import LOST_REASON, ProcessExecutor, SerialExecutor
from tests.scale.scale_helpers import NEWS_TOML, read_records


class Square:
    """A picklable job: squares an int; kills its own worker process on `killer`."""

    def __init__(self, killer: int | None = None) -> None:
        self.killer = killer

    def __call__(self, item: int) -> tuple[int, int]:
        if item == self.killer:
            os.kill(os.getpid(), signal.SIGKILL)
        return item, item * item

    def lost(self, item: int, reason: str) -> tuple[int, str]:
        return item, reason


def test_results_match_serial_in_any_order() -> None:
    items = list(range(100))
    pool = ProcessExecutor(workers=2, chunk_size=7)
    try:
        found = sorted(pool.map(Square(), items))
    finally:
        pool.close()
    assert found == sorted(SerialExecutor().map(Square(), items))


def test_reads_inputs_only_a_few_chunks_ahead() -> None:
    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield i

    pool = ProcessExecutor(workers=2, chunk_size=5, chunks_per_worker=2)
    ahead = []
    try:
        for done, _ in enumerate(pool.map(Square(), items()), start=1):
            ahead.append(pulled - done)
    finally:
        pool.close()
    assert len(ahead) == 200
    # 2 workers x 2 chunks of 5 in flight, plus the chunk being cut
    assert max(ahead) <= 2 * 2 * 5 + 5
    assert max(ahead) >= 5  # it does read ahead, to keep the workers busy


def test_a_worker_that_dies_loses_only_its_input() -> None:
    pool = ProcessExecutor(workers=2, chunk_size=4)
    try:
        found = list(pool.map(Square(killer=13), range(40)))
    finally:
        pool.close()
    by_item = dict(found)
    assert len(found) == 40, "every input gives exactly one result"
    assert sorted(by_item) == list(range(40))
    assert by_item[13] == LOST_REASON
    assert all(by_item[i] == i * i for i in range(40) if i != 13)


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_pipeline_records_equal_serial(run_pipeline_toml, seed_corpus, tmp_path: Path, start_method: str) -> None:
    corpus = seed_corpus(30)
    toml = NEWS_TOML.read_text("utf-8")
    serial = run_pipeline_toml(toml, [corpus], output=tmp_path / "serial.jsonl")
    parallel = run_pipeline_toml(
        toml,
        [corpus],
        output=tmp_path / "processes.jsonl",
        executor="processes",
        workers=2,
        executor_options={"chunk_size": 4, "start_method": start_method},
    )
    assert parallel.summary.written == serial.summary.written == 30
    assert read_records(tmp_path / "processes.jsonl") == read_records(tmp_path / "serial.jsonl")


class KillOnMarker:
    """A test plugin: step ``killer.step`` kills its worker process on a marked document."""

    @staticmethod
    @copydesk.hookimpl
    def copydesk_register_steps(register: copydesk.Register) -> None:
        register("killer.step", KillStep, description="kills the process on documents saying KILL-WORKER")


class KillStep:
    def __call__(self, doc: copydesk.Document, ctx: copydesk.StepContext) -> copydesk.Document:
        if "KILL-WORKER" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


def test_pipeline_worker_death_is_a_failed_input(run_pipeline_toml, copydesk_plugin, seed_corpus) -> None:
    copydesk_plugin("killer", KillOnMarker)
    corpus = seed_corpus(12)
    victim = sorted(corpus.iterdir())[5]
    victim.write_text(victim.read_text("utf-8") + "\nKILL-WORKER\n", "utf-8")
    toml = NEWS_TOML.read_text("utf-8")
    toml = toml.replace('plugins = ["text", "records"]', 'plugins = ["text", "records", "killer"]')
    toml = toml.replace('use = "text.parse"\n', 'use = "text.parse"\n\n[[steps]]\nuse = "killer.step"\n')
    result = run_pipeline_toml(toml, [corpus], executor="processes", workers=2, executor_options={"chunk_size": 3})
    assert result.summary.read == 12
    assert result.summary.written == 11
    assert [r["id"] for r in result.records if r["id"] == victim.stem] == []
    (reject,) = result.rejects
    assert reject["id"] == victim.stem
    assert reject["step"] == "worker"
    assert "worker process died" in reject["error"]


def test_unknown_executor_option_is_named(run_pipeline_toml, seed_corpus) -> None:
    with pytest.raises(copydesk.CopydeskError, match=r"executor 'serial'.*'scheduler'"):
        run_pipeline_toml(NEWS_TOML.read_text("utf-8"), [seed_corpus(1)], executor_options={"scheduler": "tcp://x:1"})


class DiesOnArrival(Square):
    """A job that kills the worker process it is unpickled in, as a broken install would."""

    def __setstate__(self, state: dict[str, object]) -> None:
        os._exit(3)


def test_workers_that_die_as_they_start_stop_the_run() -> None:
    pool = ProcessExecutor(workers=2, start_method="spawn")
    try:
        with pytest.raises(copydesk.ExecutorError, match="worker processes die as they start"):
            list(pool.map(DiesOnArrival(), range(10)))
    finally:
        pool.close()
