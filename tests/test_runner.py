"""The runner: per-document isolation, accounting, rejects, atomic output, resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk import RunAborted
from copydesk.output import json_line
from tests.plugins_for_tests import StepsForTests, UndeclaredField, WordCount

PIPELINE = """
[pipeline]
name = "t"
plugins = ["text", "records", "t"]
on_error = "{on_error}"

[[steps]]
use = "text.parse"

[[steps]]
use = "{step}"
{with_}

[output]
use = "records.jsonl"
"""


def toml(step: str = "t.noop", on_error: str = "skip", with_: str = "") -> str:
    return PIPELINE.format(step=step, on_error=on_error, with_=with_)


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    texts = {
        "calm": "Calm title\n\nA quiet day in the city, officials said.",
        "boom": "Loud title\n\nThe boom was heard across the river.",
        "tiny": "T\n\nx",
        "also_calm": "Another title\n\nNothing happened here either.",
    }
    paths = []
    for name, text in texts.items():
        path = tmp_path / "in" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def plugins(copydesk_plugin):  # type: ignore[no-untyped-def]
    copydesk_plugin("t", StepsForTests())


def test_failing_step_fails_only_its_document(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml("t.explode"), corpus)
    assert sorted(r["id"] for r in result.records) == ["also_calm", "calm", "tiny"]
    assert [(r["id"], r["status"], r["step"]) for r in result.rejects] == [("boom", "failed", "t.explode")]
    assert "RuntimeError: found 'boom'" in result.rejects[0]["error"]
    s = result.summary
    assert (s.read, s.written, s.dropped, s.failed) == (4, 3, 0, 1)


def test_keep_writes_the_document_with_the_failure_recorded(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml("t.explode", on_error="keep"), corpus)
    assert len(result.records) == 4
    assert result.rejects == []
    assert result.summary.kept_errors == 1


def test_raise_stops_the_run_and_commits_nothing(plugins, run_pipeline_toml, corpus, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "stop" / "records.jsonl"
    with pytest.raises(RunAborted, match="boom"):
        run_pipeline_toml(toml("t.explode", on_error="raise"), corpus, output=out)
    assert not out.exists(), "an aborted run must not leave a finished-looking output"
    assert (out.parent / "records.jsonl.partial").exists()


def test_drop_has_a_reason_in_the_rejects(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml("t.drop_short", with_="with = { min_chars = 10 }"), corpus)
    assert [(r["id"], r["status"], r["reason"]) for r in result.rejects] == [
        ("tiny", "dropped", "too_short: 4 characters")
    ]
    assert result.summary.dropped == 1
    assert result.summary.read == result.summary.written + result.summary.dropped + result.summary.failed


def test_a_step_that_changes_the_text_fails(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml("t.rewrite"), corpus)
    assert result.records == []
    assert all("Document.text" in r["error"] for r in result.rejects)


def test_schema_invalid_record_goes_to_rejects_with_json_path(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml("t.bad_title"), corpus)
    assert result.records == []
    assert {r["step"] for r in result.rejects} == {"validate"}
    assert {r["json_path"] for r in result.rejects} == {"$.title"}


def test_plugin_fields_are_declared_and_validated(copydesk_plugin, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    copydesk_plugin("t", StepsForTests())
    copydesk_plugin("wc", WordCount())
    config = toml().replace('plugins = ["text", "records", "t"]', 'plugins = ["text", "records", "t", "wc"]')
    result = run_pipeline_toml(config, corpus)
    counts = {r["id"]: r["word_count"] for r in result.records}
    assert counts["calm"] == len(["Calm", "title", "A", "quiet", "day", "in", "the", "city,", "officials", "said."])


def test_undeclared_field_fails_validation(copydesk_plugin, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    copydesk_plugin("t", StepsForTests())
    copydesk_plugin("sneak", UndeclaredField())
    config = toml().replace('"t"]', '"t", "sneak"]')
    result = run_pipeline_toml(config, corpus)
    assert result.records == []
    assert all("sneaky" in r["error"] for r in result.rejects)


def test_missing_input_is_failed_and_the_rest_goes_on(plugins, run_pipeline_toml, corpus, tmp_path):  # type: ignore[no-untyped-def]
    result = run_pipeline_toml(toml(), [*corpus, tmp_path / "nope.txt"])
    assert len(result.records) == 4
    assert result.rejects == [
        {"id": "nope", "uri": str(tmp_path / "nope.txt"), "status": "failed", "step": "read",
         "error": "no such file or directory"}
    ]


def test_duplicate_ids_fail_the_second_input(plugins, run_pipeline_toml, corpus, tmp_path):  # type: ignore[no-untyped-def]
    twin = tmp_path / "other" / "calm.txt"
    twin.parent.mkdir()
    twin.write_text("Twin\n\nSame name, other folder.", encoding="utf-8")
    result = run_pipeline_toml(toml(), [*corpus, twin])
    assert [r["id"] for r in result.records].count("calm") == 1
    assert "duplicate id 'calm'" in result.rejects[0]["error"]


def test_output_is_committed_whole_and_resume_skips_done_ids(plugins, run_pipeline_toml, corpus, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "r" / "records.jsonl"
    first = run_pipeline_toml(toml(), corpus[:2], output=out)
    assert first.summary.written == 2
    assert not (out.parent / "records.jsonl.partial").exists()
    second = run_pipeline_toml(toml(), corpus, output=out, resume=True)
    assert second.summary.resumed == 2
    assert second.summary.written == 2
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert sorted(ids) == sorted(p.stem for p in corpus)


def test_resume_cuts_a_torn_last_line(plugins, run_pipeline_toml, corpus, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "torn" / "records.jsonl"
    run_pipeline_toml(toml(), corpus[:1], output=out)
    partial = out.parent / "records.jsonl.partial"
    partial.write_text(out.read_text("utf-8") + '{"id": "half', encoding="utf-8")
    out.unlink()
    result = run_pipeline_toml(toml(), corpus, output=out, resume=True)
    assert result.summary.resumed == 1
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 4
    assert all(json.loads(line)["id"] for line in lines)


def test_observers_see_every_document(plugins, run_pipeline_toml, corpus, hook_calls):  # type: ignore[no-untyped-def]
    run_pipeline_toml(toml("t.explode"), corpus)
    done = hook_calls.named("copydesk_document_done")
    assert sorted((c["doc_id"], c["outcome"]) for c in done) == [
        ("also_calm", "written"), ("boom", "failed"), ("calm", "written"), ("tiny", "written")
    ]
    assert len(hook_calls.named("copydesk_run_started")) == 1
    finished = hook_calls.named("copydesk_run_finished")
    assert finished[0]["summary"].read == 4


def test_the_collector_runs_less_often_during_a_run_and_as_before_after(  # type: ignore[no-untyped-def]
    plugins, copydesk_plugin, run_pipeline_toml, corpus
):
    import gc

    import copydesk
    from copydesk.runner import RUN_GC_THRESHOLD

    class Watcher:
        seen: list[int] = []

        @copydesk.hookimpl
        def copydesk_document_done(self, doc_id: str) -> None:
            self.seen.append(gc.get_threshold()[0])

    watcher = Watcher()
    copydesk_plugin("watcher", watcher)
    before = gc.get_threshold()
    run_pipeline_toml(toml(), corpus)
    assert watcher.seen and min(watcher.seen) >= RUN_GC_THRESHOLD
    assert gc.get_threshold() == before


def test_a_step_past_its_time_limit_fails_only_its_document(plugins, run_pipeline_toml, corpus):  # type: ignore[no-untyped-def]
    config = toml("t.spin", with_='with = { word = "boom", seconds = 30 }') + "\n[run]\nstep_time_limit = 0.3\n"
    result = run_pipeline_toml(config, corpus)
    assert sorted(r["id"] for r in result.records) == ["also_calm", "calm", "tiny"]
    [reject] = result.rejects
    assert (reject["id"], reject["step"]) == ("boom", "t.spin")
    assert "StepTimeout: took longer than 0.3 s on this document" in reject["error"]


def test_removal_index_answers_like_a_scan_of_every_span():
    from copydesk import REMOVALS, Span
    from copydesk.testing import make_document

    doc = make_document("a\n\nbb\n\nccc\n\ndddd\n\neeeee")
    doc = doc.remove_block(1, "x").with_spans([Span(doc.blocks[2].start, doc.blocks[3].end, "wide", REMOVALS, {})])
    index = doc.removal_index()

    def scan(block):  # type: ignore[no-untyped-def]
        covering = [s for s in doc.spans if s.layer == REMOVALS and s.start <= block.start and block.end <= s.end]
        return covering[0].label if covering else None

    assert [(r.label if (r := index.of(b)) else None) for b in doc.blocks] == [scan(b) for b in doc.blocks]
    assert [scan(b) for b in doc.blocks] == [None, "x", "wide", "wide", None]
    assert index.of_each(doc.blocks) == [index.of(b) for b in doc.blocks]
    assert make_document("a\n\nbb").removal_index().of_each(doc.blocks[:2]) == [None, None]


def test_a_removal_index_answers_again_about_the_same_blocks_from_memory():
    from copydesk.testing import make_document

    doc = make_document("a\n\nbb\n\nccc").remove_block(1, "x")
    index = doc.removal_index()
    first = index.of_each(doc.blocks)
    assert [s.label if s else None for s in first] == [None, "x", None]
    first[0] = first[1]  # each answer is the caller's own list
    calls = []
    original = index._covering
    index._covering = lambda blocks: calls.append(blocks) or original(blocks)  # type: ignore[method-assign]
    again = index.of_each(doc.blocks)
    assert [s.label if s else None for s in again] == [None, "x", None] and calls == []
    assert index.of(doc.blocks[1]).label == "x" and index.of_each(doc.blocks) == again  # `of` keeps the memory
    assert calls == [(doc.blocks[1],)]
    # a list can change between two questions: it is answered afresh each time
    blocks = list(doc.blocks)
    assert index.of_each(blocks) == again and index.of_each(blocks) == again
    assert calls[1:] == [blocks, blocks]
    assert index.of_each(doc.blocks[:2]) == again[:2]  # another tuple: answered, and remembered instead
    assert index.of_each(doc.blocks) == again and len(calls) == 5


def test_a_removal_index_is_handed_on_only_while_the_removals_stay_the_same():
    import attrs

    from copydesk import REMOVALS, Span
    from copydesk.testing import make_document

    doc = make_document("a\n\nbb\n\nccc").remove_block(0, "x")
    index = doc.removal_index()
    assert doc.removal_index() is index
    quoted = doc.with_spans([Span(doc.blocks[1].start, doc.blocks[1].end, "direct", "quotes")]).with_meta(n=1)
    assert quoted.removal_index() is index and quoted == attrs.evolve(quoted)
    removed = quoted.with_spans([Span(doc.blocks[2].start, doc.blocks[2].end, "y", REMOVALS)])
    assert [(r.label if (r := removed.removal_index().of(b)) else None) for b in removed.blocks] == ["x", None, "y"]
    assert quoted.removal_index().of(quoted.blocks[2]) is None  # the earlier document's index is unchanged
    evolved = attrs.evolve(quoted, spans=quoted.spans[:1])  # any other new document indexes its own spans
    assert evolved.removal_index() is not index and evolved.removal_index().of(evolved.blocks[0]) is not None


@pytest.mark.parametrize(
    "value",
    [
        {"text": "Zoë said “no” — 東京 \u2028 end", "n": 3, "x": 0.1, "ok": True, "none": None, "list": [1, [2.5e-7]]},
        {"removed": [{"text": "Share this", "reason": "share_bar", "at": 0}], "quotes": []},
    ],
)
def test_a_json_line_reads_back_as_the_value_it_was_made_of(value):  # type: ignore[no-untyped-def]
    line = json_line(value)
    assert b"\n" not in line
    assert json.loads(line) == value


def test_a_record_line_is_what_the_standard_library_writes():  # type: ignore[no-untyped-def]
    record = {"text": "Zoë said “no” — 東京", "removed": [{"text": "Share", "reason": "share_bar", "at": 0}], "p": 0.25}
    assert json_line(record) == json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()


def test_a_json_line_takes_what_only_the_standard_library_writes():  # type: ignore[no-untyped-def]
    big = {"count": 2**70, 3: "an integer key"}
    assert json.loads(json_line(big)) == {"count": 2**70, "3": "an integer key"}
