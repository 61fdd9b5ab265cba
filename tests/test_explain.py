"""``copydesk explain``: one document's blocks, removals, quotes and speakers in the terminal."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from copydesk import Outcome, Span, build_pipeline, parse_config
from copydesk.cli import main
from copydesk.explain import explanation
from copydesk.runner import DocumentProcessor
from copydesk.sources import FileSource
from copydesk.testing import make_document
from tests.plugins_for_tests import MarkUpForTests, StepsForTests

ROOT = Path(__file__).resolve().parent.parent

PIPELINE = """
[pipeline]
name = "explain-test"
plugins = ["text", "records", "mark", "t"]

[[steps]]
use = "text.parse"

[[steps]]
use = "mark.up"

[[steps]]
use = "t.explode"
on_error = "{on_error}"

[output]
use = "records.jsonl"
"""

ARTICLE = (
    "Ministers meet over the river dispute\n\n"
    "Share this story\n\n"
    "Anna Berg said the talks were \u201cthe best chance in a decade\u201d for a deal.\n\n"
    "Omar Haddad told reporters: \u201cWe will not sign anything this week.\u201d"
)


def explained(tmp_path: Path, text: str, on_error: str = "skip") -> tuple[str, str]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    config = parse_config(PIPELINE.format(on_error=on_error), source="<explain test>")
    pipeline = build_pipeline(config, extra_plugins=[("mark", MarkUpForTests()), ("t", StepsForTests())])
    [item] = FileSource().read([str(path)])
    doc, outcome = DocumentProcessor(pipeline).run_document(item)
    console = Console(record=True, width=160)
    console.print(explanation(doc, outcome))
    return console.export_text(), outcome.status


def test_blocks_removals_quotes_and_speakers_are_shown(tmp_path: Path):
    shown, status = explained(tmp_path, ARTICLE)
    assert status == "written"
    rows = {line.split("\u2502")[1].strip(): line for line in shown.splitlines() if line.count("\u2502") >= 5}
    assert "title" in rows["0"] and "Ministers meet over the river dispute" in rows["0"]
    assert "short (fewer than 4 words) by mark.up" in rows["1"] and "Share this story" in rows["1"]
    assert "short" not in rows["2"] and "short" not in rows["3"]
    quote_rows = [line for line in shown.splitlines() if "\u201c" in line and "direct" in line]
    assert len(quote_rows) == 2
    assert "Anna Berg" in quote_rows[0] and "said" in quote_rows[0] and '("Anna Berg" at' in quote_rows[0]
    assert "Omar Haddad" in quote_rows[1] and "told" in quote_rows[1]
    assert all(row.split("\u2502")[-2].strip() == "0.88" for row in quote_rows), "each quote's confidence"
    speakers = shown[shown.rindex("\nspeakers") :]
    assert '1 quote(s); "Anna Berg"' in speakers and '1 quote(s); "Omar Haddad"' in speakers
    assert "quotes:direct \u00d72" in shown and "removals:short \u00d71" in shown


def test_a_failed_document_is_shown_with_its_error(tmp_path: Path):
    shown, status = explained(tmp_path, ARTICLE + "\n\nThen came the boom.")
    assert status == "failed"
    assert "failed at t.explode: t.explode: RuntimeError: found 'boom'" in shown
    assert "short (fewer than 4 words)" in shown, "the document as the failing step got it is shown"
    assert "kept after a failure" not in shown


def test_a_kept_failure_is_shown(tmp_path: Path):
    shown, status = explained(tmp_path, ARTICLE + "\n\nThen came the boom.", on_error="keep")
    assert status == "written"
    assert "kept after a failure: t.explode: RuntimeError: found 'boom'" in shown


def test_explain_command_on_a_seed(seeds: list[Path]):
    result = CliRunner().invoke(main, ["explain", str(seeds[0]), str(ROOT / "pipelines" / "news.toml")])
    assert result.exit_code == 0, result.output
    assert "written" in result.stdout and seeds[0].name in result.stdout
    assert "US presses Pakistan on militant threat" in result.stdout
    assert "parsed by text.parse" in result.stdout


def test_explain_command_wants_one_readable_input(tmp_path: Path, seeds: list[Path]):
    news = str(ROOT / "pipelines" / "news.toml")
    many = CliRunner().invoke(main, ["explain", str(seeds[0].parent), news])
    assert many.exit_code == 2 and "names more than one input" in many.stderr
    missing = CliRunner().invoke(main, ["explain", str(tmp_path / "nope.txt"), news])
    assert missing.exit_code == 1
    assert "failed at read: no such file or directory" in missing.stdout


def test_run_document_returns_the_last_document_with_the_outcome(tmp_path: Path):
    config = parse_config(PIPELINE.format(on_error="skip"), source="<explain test>")
    processor = DocumentProcessor(build_pipeline(config, extra_plugins=[("mark", MarkUpForTests()), ("t", StepsForTests())]))
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    [item] = FileSource().read([str(article)])
    doc, outcome = processor.run_document(item)
    assert outcome.status == "written"
    again = processor.process(item)  # what a run writes is what run_document reports
    assert (again.status, again.line) == (outcome.status, outcome.line)
    assert doc is not None and doc.parsed_by == "text.parse"
    assert [s.label for s in doc.layer("quotes")] == ["direct", "direct"]
    [missing] = FileSource().read([str(tmp_path / "nope.txt")])
    nothing, failed = processor.run_document(missing)
    assert nothing is None and (failed.status, failed.step) == ("failed", "read")


def test_labels_of_other_layers_are_shown_on_their_blocks():
    doc = make_document("Headline here\n\nShare on social media\n\nThe body paragraph of the story.")
    share = doc.blocks[1]
    doc = doc.with_spans([Span(share.start, share.end, "share_bar", "boilerplate", {"score": 0.9})])
    doc = doc.remove_block(1, "share_bar", detail="share words", by="boilerplate.strip")
    console = Console(record=True, width=160)
    console.print(explanation(doc, Outcome(doc.id, doc.source.uri, "written")))
    lines = console.export_text().splitlines()
    [at] = [i for i, line in enumerate(lines) if "Share on social media" in line]
    assert "share_bar (share words) by boilerplate.strip" in lines[at]
    assert "boilerplate:share_bar" in lines[at + 1], "labels of other layers follow the removal"
    assert any("spans: boilerplate:share_bar \u00d71, removals:share_bar \u00d71" in line for line in lines)
