"""The core ``files`` source: folders (recursive), globs, ``.gz``, stdin, read lazily."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

from copydesk.sources import FileSource, count_input_files, expand_inputs
from tests.scale.scale_helpers import NEWS_TOML, SEEDS, command_env, copydesk_command, read_records


def _tree(root: Path) -> None:
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("A\n\nalpha article body.\n")
    (root / "b" / "deep" / "c.txt.gz").write_bytes(gzip.compress(b"C\n\ngamma article body.\n"))
    (root / "b" / "b.txt").write_text("B\n\nbeta article body.\n")
    (root / ".hidden" / "x.txt").write_text("hidden")
    (root / "b" / ".dot.txt").write_text("hidden too")


def test_folders_are_walked_in_name_order_without_hidden_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(FileSource().read([str(tmp_path)]))
    assert [i.id for i in items] == ["a", "b", "c"]
    assert items[2].data == b"C\n\ngamma article body.\n"  # .gz decompressed
    assert items[2].media_type == "text/plain"
    assert count_input_files([str(tmp_path)]) == 3
    assert [i.id for i in FileSource(include_hidden=True).read([str(tmp_path)])] == ["x", "a", ".dot", "b", "c"]


def test_globs_and_missing_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = list(expand_inputs([f"{tmp_path}/**/*.gz", f"{tmp_path}/none*.txt", str(tmp_path / "gone.txt")]))
    assert [(f.id, f.error) for f in found] == [
        ("c", None),
        ("none*", "no file matches this pattern"),
        ("gone", "no such file or directory"),
    ]


def test_inputs_are_read_one_at_a_time(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = FileSource().read([str(tmp_path)])
    first = next(items)
    (tmp_path / "b" / "b.txt").write_text("B\n\nchanged after the first was read.\n")
    assert first.id == "a"
    assert next(items).data == b"B\n\nchanged after the first was read.\n"


def test_stdin_is_one_document(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = subprocess.run(
        copydesk_command("run", NEWS_TOML, "-", "-o", out),
        input=SEEDS[0].read_bytes(),
        env=command_env(),
        capture_output=True,
    )
    assert run.returncode == 0, run.stderr
    (record,) = read_records(out).values()
    assert record["id"] == "stdin"
    assert record["source"]["uri"] == "stdin"


def test_progress_bar_with_a_process_pool(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "empty.txt").write_text("\n")
    run = subprocess.run(
        copydesk_command("run", NEWS_TOML, corpus, "-o", tmp_path / "o.jsonl", "--progress", "--executor", "processes"),
        env=command_env(),
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1  # the empty input is dropped
    bar = run.stderr.split("\r")[-1]
    assert "6/6" in bar  # the total is known before the run: the ETA can be shown
    assert "doc/s" in bar
    assert "dropped=1" in bar
    assert "empty.txt: dropped: empty" in run.stderr


def test_a_file_is_read_whole_up_to_the_limit_and_refused_past_it(tmp_path: Path) -> None:
    (tmp_path / "at.txt").write_bytes(b"x" * 64)
    (tmp_path / "past.txt").write_bytes(b"x" * 65)
    (tmp_path / "empty.txt").write_bytes(b"")
    items = {i.id: i for i in FileSource(max_bytes=64).read([str(tmp_path)])}
    assert items["at"].data == b"x" * 64 and items["at"].error is None
    assert items["past"].data is None and "larger than the input limit of 64 bytes" in str(items["past"].error)
    assert items["empty"].data == b""


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_the_limit(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from copydesk import sources

    (tmp_path / "grown.txt").write_bytes(b"a" * 10 + b"b" * 10)
    monkeypatch.setattr(sources.os, "fstat", lambda fd: SimpleNamespace(st_size=10))
    assert next(FileSource(max_bytes=100).read([str(tmp_path)])).data == b"a" * 10 + b"b" * 10
    assert next(FileSource(max_bytes=15).read([str(tmp_path)])).error is not None

