"""A real ``copydesk run`` killed with SIGKILL, then resumed: every input written exactly once.

To kill a run at a known point, its inputs end with a named pipe (FIFO) that nobody writes:
the run processes the files before it, writes their records, then blocks reading the pipe.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from copydesk import JsonlFile
from tests.scale.scale_helpers import NEWS_TOML, command_env, copydesk_command, make_corpus, read_records


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Runs a test starts; any still running when it ends (a failed test) are killed."""
    runs: list[subprocess.Popen[bytes]] = []
    yield runs
    for run in runs:
        if run.poll() is None:
            _kill(run)


def _kill(run: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """SIGKILL the run; return its child processes (workers), which must exit by themselves."""
    children = psutil.Process(run.pid).children(recursive=True)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=10)
    return children


def _assert_children_exit(children: list[psutil.Process]) -> None:
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"worker processes outlived the killed run: {alive}"


#: For `processes`, one input per chunk: when the run blocks on the pipe, at most the
#: chunks in flight (2 workers x 2) are unwritten.
RUN_TABLES = {
    "serial": "",
    "processes": '\n[run]\nexecutor = "processes"\nworkers = 2\nwith = { chunk_size = 1 }\n',
}


@pytest.mark.parametrize("executor", ["serial", "processes"])
def test_killed_while_blocked_then_resumed(tmp_path: Path, executor: str, started) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus / "a", 40)
    fifo = corpus / "b" / "99999_late.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    config = tmp_path / "news.toml"
    config.write_text(NEWS_TOML.read_text("utf-8") + RUN_TABLES[executor], "utf-8")
    out = tmp_path / "out" / "records.jsonl"
    partial = out.with_name(out.name + ".partial")
    inputs = (corpus / "a", fifo)  # a directory walk skips pipes; named, it is read as a file
    command = copydesk_command("run", config, *inputs, "-o", out)
    run = subprocess.Popen(command, env=command_env(), stderr=subprocess.DEVNULL)
    started.append(run)
    _wait_for(lambda: _lines(partial) >= (40 if executor == "serial" else 40 - 4))
    time.sleep(0.2)  # let the in-flight ones finish in the workers: their records are lost with the run
    children = _kill(run)
    if executor == "processes":
        assert len(children) >= 2
    _assert_children_exit(children)
    assert not out.exists(), "a killed run must not leave a records file that looks finished"
    done_before = _lines(partial)

    fifo.unlink()
    fifo.write_text("Late news\n\nA late article arrived after the run was killed.\n", "utf-8")
    resumed = subprocess.run([*command, "--resume"], env=command_env(), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{41 - done_before} read: {41 - done_before} written" in resumed.stderr
    assert f"{done_before} already done, skipped" in resumed.stderr
    records = read_records(out)
    assert sorted(records) == sorted(p.stem for p in corpus.rglob("*.txt"))
    assert not partial.exists()

    fresh = tmp_path / "fresh.jsonl"
    subprocess.run(copydesk_command("run", NEWS_TOML, *inputs, "-o", fresh), env=command_env(), check=True)
    assert records == read_records(fresh), "a resumed run writes what an uninterrupted run writes"


def test_killed_at_random_points_then_resumed(tmp_path: Path, started) -> None:
    corpus = tmp_path / "corpus"
    paths = make_corpus(corpus, 1000)
    out = tmp_path / "records.jsonl"
    command = copydesk_command("run", NEWS_TOML, corpus, "-o", out, "--executor", "processes", "--workers", "2")
    partial = out.with_name(out.name + ".partial")
    chance = random.Random(5)
    kills = 0
    for attempt in range(3):
        args = command if attempt == 0 else [*command, "--resume"]
        run = subprocess.Popen(args, env=command_env(), stderr=subprocess.DEVNULL)
        started.append(run)
        before = _lines(partial)
        _wait_for(lambda run=run, before=before: _lines(partial) > before or run.poll() is not None)
        time.sleep(chance.uniform(0.0, 0.3))
        if run.poll() is None:
            _assert_children_exit(_kill(run))
            kills += 1
    final = subprocess.run([*command, "--resume"], env=command_env(), capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert kills >= 1, "the corpus was too small to kill the run while it was working"
    records = read_records(out)
    assert sorted(records) == sorted(p.stem for p in paths)


def test_resume_cuts_a_torn_last_line(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    partial = target.with_name(target.name + ".partial")
    whole = [json.dumps({"id": f"doc{i}", "text": "x" * 50}) for i in range(3)]
    partial.write_text("\n".join(whole) + "\n" + whole[0][:20], "utf-8")
    out = JsonlFile(target)
    assert out.open(resume=True) == {"doc0", "doc1", "doc2"}
    out.write_line(json.dumps({"id": "doc3"}).encode())
    out.close()
    lines = target.read_text("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["doc0", "doc1", "doc2", "doc3"]
    assert not partial.exists()


def test_sigterm_stops_cleanly_and_resume_finishes(tmp_path: Path, started) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 10)
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    config = tmp_path / "news.toml"
    config.write_text(NEWS_TOML.read_text("utf-8") + RUN_TABLES["processes"], "utf-8")
    out = tmp_path / "records.jsonl"
    partial = out.with_name(out.name + ".partial")
    command = copydesk_command("run", config, corpus, fifo, "-o", out)
    run = subprocess.Popen(command, env=command_env(), stderr=subprocess.PIPE, text=True)
    started.append(run)
    _wait_for(lambda: _lines(partial) >= 10 - 4)  # blocked on the pipe, workers running
    children = psutil.Process(run.pid).children(recursive=True)
    run.send_signal(signal.SIGTERM)
    _, errors = run.communicate(timeout=30)
    assert run.returncode == 130
    assert "interrupted" in errors and "--resume" in errors
    assert "Traceback" not in errors
    assert partial.exists() and not out.exists()
    _assert_children_exit(children)
    fifo.unlink()
    fifo.write_text("Late\n\nA late article.\n", "utf-8")
    subprocess.run([*command, "--resume"], env=command_env(), check=True, capture_output=True)
    assert sorted(read_records(out)) == sorted([*(p.stem for p in corpus.iterdir()), "late"])
