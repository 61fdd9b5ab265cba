"""The command line as a user runs it: exit codes, messages, outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from copydesk.cli import main
from copydesk.sources import FileSource

ROOT = Path(__file__).resolve().parent.parent
NEWS = str(ROOT / "pipelines" / "news.toml")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def article_schema() -> dict:
    return json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))


def test_run_on_the_seeds_writes_five_valid_records(tmp_path: Path, seeds: list[Path]):
    out, stats = tmp_path / "demo.jsonl", tmp_path / "stats.json"
    code, _, err = invoke("run", NEWS, *map(str, seeds), "-o", str(out), "--stats", str(stats))
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == [p.name.split(".")[0] for p in seeds]
    validator = jsonschema.Draft202012Validator(article_schema())
    for record in records:
        validator.validate(record)
        assert record["text"] and record["title"]
        assert record["text"].count("\n\n") >= 8, "paragraphs are joined by a blank line"
    counts = json.loads(stats.read_text("utf-8"))
    assert {k: counts[k] for k in ("read", "written", "dropped", "failed")} == {
        "read": 5, "written": 5, "dropped": 0, "failed": 0,
    }
    assert "5 read: 5 written, 0 dropped, 0 failed" in err


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_written(tmp_path: Path, seeds: list[Path]):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50 + b"\x00\x00\xff\xfe\x00" * 40)
    out = tmp_path / "o.jsonl"
    code, _, err = invoke("run", NEWS, str(seeds[0]), str(bad), str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == 1
    assert len(out.read_text("utf-8").splitlines()) == 1
    lines = [line for line in err.splitlines() if str(tmp_path) in line and ": " in line and "records:" not in line]
    messages = {Path(line.split(":", 1)[0]).name: line for line in lines if not line.startswith(("records", "rejects"))}
    assert "dropped: empty" in messages["empty.txt"]
    assert "failed" in messages["binary.txt"] and "binary" in messages["binary.txt"]
    assert "failed" in messages["undecodable.txt"]
    assert "no such file or directory" in messages["missing.txt"]
    rejects = [json.loads(line) for line in (tmp_path / "o.rejects.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in rejects) == ["binary", "empty", "missing", "undecodable"]


def test_unreadable_file_is_a_failed_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "locked.txt"
    path.write_text("x")

    def deny(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    [item] = list(FileSource().read([str(path)]))
    assert (item.id, item.error) == ("locked", "permission denied")


def test_gzip_inputs_are_read_transparently(tmp_path: Path, seeds: list[Path]):
    import gzip

    packed = tmp_path / f"{seeds[1].name}.gz"
    packed.write_bytes(gzip.compress(seeds[1].read_bytes()))
    out = tmp_path / "gz.jsonl"
    code, _, err = invoke("run", NEWS, str(packed), "-o", str(out))
    assert code == 0, err
    record = json.loads(out.read_text("utf-8"))
    assert record["id"] == seeds[1].name.split(".")[0]
    assert record["source"]["media_type"] == "text/plain"


def test_glob_and_directory_inputs(tmp_path: Path, seeds: list[Path]):
    out = tmp_path / "g.jsonl"
    code, _, err = invoke("run", NEWS, str(ROOT / "seeds" / "00[01]_*.txt"), "-o", str(out))
    assert code == 0, err
    assert len(out.read_text("utf-8").splitlines()) == 2
    folder = tmp_path / "news" / "deeper"
    folder.mkdir(parents=True)
    for seed in seeds[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / ".hidden.txt").write_text("Hidden\n\nNot read.", encoding="utf-8")
    code, _, err = invoke("run", NEWS, str(tmp_path / "news"), "-o", str(out))
    assert code == 0, err
    assert sorted(json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()) == sorted(
        s.name.split(".")[0] for s in seeds[:3]
    )


def test_check_names_an_unknown_step_and_exits_2(tmp_path: Path):
    config = tmp_path / "p.toml"
    config.write_text(Path(NEWS).read_text("utf-8").replace('use = "text.parse"', 'use = "text.nope"'))
    code, _, err = invoke("check", str(config))
    assert code == 2
    assert "unknown step 'text.nope'" in err and f"{config}:" in err


def test_check_prints_the_resolved_pipeline():
    code, out, _ = invoke("check", NEWS)
    assert code == 0
    assert "step 0: text.parse" in out and out.strip().endswith("ok")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", str(ROOT / "pipelines")], "no inputs given"),
        (["run", str(ROOT / "pipelines"), "x.txt"], "is a directory"),
        (["check", str(ROOT / "seeds" / "000_b2aba391273e9b9d.txt")], "not valid TOML"),
        (["check", "no/such/config.toml"], "no such file"),
    ],
)
def test_usage_and_config_errors_exit_2(args: list[str], message: str):
    code, _, err = invoke(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_plugins_lists_what_each_provides():
    code, out, _ = invoke("plugins")
    assert code == 0
    assert "text (copydesk-text 0.1.0)" in out
    assert "step     text.parse [reads text/plain]" in out
    assert "sink     records.jsonl" in out


def test_schema_prints_the_composed_record_schema():
    code, out, _ = invoke("schema", NEWS)
    assert code == 0
    schema = json.loads(out)
    assert schema["$id"] == article_schema()["$id"]
    assert set(schema["required"]) >= {"id", "text", "quotes", "removed", "pipeline"}


def test_the_installed_command_runs(tmp_path: Path, seeds: list[Path]):
    exe = Path(sys.executable).parent / "copydesk"
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        [str(exe), "run", NEWS, str(seeds[2]), "-o", str(tmp_path / "x.jsonl")],
        capture_output=True, text=True, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 read: 1 written" in done.stderr
