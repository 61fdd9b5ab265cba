"""The example plugin's own tests, written with copydesk.testing as a plugin author would."""

from __future__ import annotations

from copydesk.testing import make_document
from copydesk_wordcount import META_KEY, CountWords

PIPELINE = """
[pipeline]
name = "wc"
plugins = ["text", "records", "wordcount"]

[[steps]]
use = "text.parse"

[[steps]]
use = "wordcount.count"

[output]
use = "records.jsonl"
"""


def test_counts_body_words_only():
    doc = make_document("Title words here\n\nOne two three.\n\nFour, five-six.")
    doc = doc.remove_block(0, "test")
    counted = CountWords()(doc, None)  # type: ignore[arg-type]
    assert counted.meta[META_KEY] == 5


def test_field_is_in_valid_records(run_pipeline_toml, tmp_path):  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe minister said it was over.\n\nNobody agreed.", encoding="utf-8")
    result = run_pipeline_toml(PIPELINE, [article])
    [record] = result.records
    assert record["word_count"] == 8
    assert result.summary.failed == 0
