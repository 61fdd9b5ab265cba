"""The ``dask`` executor: a real LocalCluster gives the serial executor's records."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import copydesk

ROOT = Path(__file__).resolve().parents[3]
NEWS_TOML = ROOT / "pipelines" / "news.toml"


def _corpus(folder: Path, count: int) -> Path:
    """`count` articles with unique ids: the seeds again and again, each with its own last line."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    folder.mkdir()
    for i in range(count):
        text = seeds[i % len(seeds)].read_text("utf-8")
        (folder / f"article-{i:03d}.txt").write_text(f"{text}\n\nUpdated {i} times.\n", "utf-8")
    return folder


def _records(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    by_id = {line.split('"id":"', 1)[1].split('"', 1)[0]: line for line in lines}
    assert len(by_id) == len(lines), "an id was written twice"
    return by_id


def test_local_cluster_writes_the_serial_records(run_pipeline_toml, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 40)
    toml = NEWS_TOML.read_text("utf-8")
    serial = run_pipeline_toml(toml, [corpus], output=tmp_path / "serial.jsonl")
    # real worker processes, so the job and the documents cross process boundaries
    dask = run_pipeline_toml(
        toml,
        [corpus],
        output=tmp_path / "dask.jsonl",
        executor="dask",
        workers=2,
        executor_options={"chunk_size": 3},
    )
    assert dask.summary.read == dask.summary.written == serial.summary.written == 40
    assert _records(tmp_path / "dask.jsonl") == _records(tmp_path / "serial.jsonl")


def test_unreachable_scheduler_stops_before_reading(tmp_path: Path) -> None:
    config = tmp_path / "news.toml"
    config.write_text(NEWS_TOML.read_text("utf-8") + "\n[run]\nwith = { connect_timeout = 0.5 }\n", "utf-8")
    out = tmp_path / "out.jsonl"
    command = [str(Path(sys.executable).with_name("copydesk")), "run", str(config), str(ROOT / "seeds")]
    started = time.monotonic()
    run = subprocess.run([*command, "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists() and not out.with_name("out.jsonl.partial").exists()
    assert time.monotonic() - started < 30


def test_joins_a_running_cluster(tmp_path: Path) -> None:
    """A scheduler and a worker started as on a real cluster (``dask scheduler``, ``dask worker``)."""
    dask = str(Path(sys.executable).with_name("dask"))
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    address = f"tcp://127.0.0.1:{port}"
    cluster = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        cluster.append(
            subprocess.Popen(
                [dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        corpus = _corpus(tmp_path / "corpus", 20)
        copydesk = str(Path(sys.executable).with_name("copydesk"))
        serial = tmp_path / "serial.jsonl"
        subprocess.run(
            [copydesk, "run", str(NEWS_TOML), str(corpus), "-o", str(serial)], check=True, capture_output=True
        )
        out = tmp_path / "cluster.jsonl"
        run = subprocess.run(
            [copydesk, "run", str(NEWS_TOML), str(corpus), "-o", str(out), "--scheduler", address],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        assert _records(out) == _records(serial)
    finally:
        for process in reversed(cluster):
            process.terminate()
            process.wait(timeout=30)


class KillOnMarker:
    """A test plugin: step ``killer.step`` kills its worker process on a marked document."""

    @staticmethod
    @copydesk.hookimpl
    def copydesk_register_steps(register: copydesk.Register) -> None:
        register("killer.step", KillStep)


class KillStep:
    def __call__(self, doc: copydesk.Document, ctx: copydesk.StepContext) -> copydesk.Document:
        if "KILL-WORKER" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


def test_a_document_that_kills_its_workers_fails_alone(run_pipeline_toml, copydesk_plugin, tmp_path: Path) -> None:
    copydesk_plugin("killer", KillOnMarker)
    corpus = _corpus(tmp_path / "corpus", 12)
    victim = corpus / "article-005.txt"
    victim.write_text(victim.read_text("utf-8") + "\nKILL-WORKER\n", "utf-8")
    toml = NEWS_TOML.read_text("utf-8").replace('"records"]', '"records", "killer"]')
    toml = toml.replace('use = "text.parse"\n', 'use = "text.parse"\n\n[[steps]]\nuse = "killer.step"\n')
    result = run_pipeline_toml(
        toml, [corpus], executor="dask", workers=2, executor_options={"chunk_size": 3, "allowed_failures": 0}
    )
    assert result.summary.read == 12
    assert sorted(r["id"] for r in result.records) == sorted(p.stem for p in corpus.iterdir() if p != victim)
    (reject,) = result.rejects
    assert (reject["id"], reject["step"]) == ("article-005", "worker")
    assert "Dask worker died" in reject["error"]
