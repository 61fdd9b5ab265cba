"""The ``jsonl.lines`` source: one document per line, fields configurable, bad lines isolated."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from copydesk_jsonl import JsonlSource

SEEDS = sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt"))

PIPELINE = """
[pipeline]
name = "news"
plugins = ["text", "records", "jsonl"]

[input]
use = "jsonl.lines"
with = { content = "page.body", id = "key", url = "link", media_type = "text/plain", meta = { language = "lang" } }

[[steps]]
use = "text.parse"

[output]
use = "records.jsonl"
"""


def _write_corpus(path: Path) -> list[str]:
    """The seeds as JSONL lines in a nested shape, then three broken lines."""
    lines = [
        json.dumps(
            {
                "key": seed.stem,
                "link": f"https://news.example/{i}",
                "lang": "en",
                "page": {"body": seed.read_text("utf-8")},
            }
        )
        for i, seed in enumerate(SEEDS)
    ]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"key": "no-body", "page": {}}))
    lines.append(json.dumps({"page": {"body": "an article without an id"}}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return lines


def test_records_equal_those_of_the_text_files(run_pipeline_toml, tmp_path: Path, news_records) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus)
    result = run_pipeline_toml(PIPELINE, [corpus])
    assert result.summary.read == 8
    assert result.summary.written == 5
    by_id = {r["id"]: r for r in result.records}
    for i, seed in enumerate(SEEDS):
        record = by_id[seed.stem]
        assert record["url"] == f"https://news.example/{i}"
        assert record["language"] == "en"
        expected = news_records[seed.stem]
        assert record["text"] == expected["text"]
        assert record["title"] == expected["title"]
    errors = {r["id"]: r["error"] for r in result.rejects}
    assert errors["corpus-L3"].startswith("line 3: not JSON")
    assert errors["no-body"] == "no 'page.body' field holding the document"
    assert errors["corpus-L8"].startswith("line 8: no 'key' field holding an id")
    assert all(r["uri"].startswith(str(corpus) + "#L") for r in result.rejects)


def test_reads_gzip_and_line_ids_and_stdin_lazily(tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "crawl.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"text": f"article {i}"}) + "\n\n")  # blank lines are skipped
    items = JsonlSource(line_ids=True).read([str(corpus)])
    first = next(items)  # a generator: nothing is read before it is asked for
    assert (first.id, first.data, first.uri) == ("crawl-L1", b"article 0", f"{corpus}#L1")
    assert [i.id for i in items] == ["crawl-L3", "crawl-L5"]


def test_overlong_line_fails_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "x" * 500}) + "\n" + json.dumps({"id": "b", "text": "y"}) + "\n")
    items = list(JsonlSource(max_bytes=100).read([str(corpus)]))
    assert [(i.id, i.error is None) for i in items] == [("c-L1", False), ("b", True)]
    assert "longer than the limit of 100 bytes" in (items[0].error or "")


def test_missing_file_is_a_failed_input() -> None:
    (item,) = JsonlSource().read(["/nonexistent/x.jsonl"])
    assert item.error == "no such file or directory"
