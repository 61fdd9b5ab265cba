"""The run report: what the page embeds, and how it looks in a real headless browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from copydesk.report import RunReport, embed_json
from copydesk.runner import Outcome, RunSummary
from tests.chromium import Browser, find_chromium
from tests.plugins_for_tests import MarkUpForTests, StepsForTests

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "out" / "test-artifacts"

PIPELINE = """
[pipeline]
name = "report-test"
plugins = ["text", "records", "mark", "t"]

[[steps]]
use = "text.parse"

[[steps]]
use = "t.drop_short"
with = { min_chars = 40 }

[[steps]]
use = "t.explode"

[[steps]]
use = "mark.up"

[output]
use = "records.jsonl"
"""

ARTICLES = {
    "talks": (
        "Ministers meet over the river dispute\n\n"
        "Share this story\n\n"
        "Officials from both countries met on Tuesday to discuss the river.\n\n"
        "Anna Berg said the talks were \u201cthe best chance in a decade\u201d for a deal.\n\n"
        "Read more\n\n"
        "Omar Haddad told reporters: \u201cWe will not sign anything this week.\u201d\n\n"
        "Later, Anna Berg added \u201cthe door stays open\u201d and left."
    ),
    "markup": (
        "A title with </script><script>alert(1)</script> in it\n\n"
        "Plain words <b>that look like markup</b> & ampersands, said nobody in particular today."
    ),
    "boom": "Loud title\n\nThe boom was heard across the whole river valley on Monday night.",
    "tiny": "T\n\nx",
}


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for name, text in ARTICLES.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def report_page(copydesk_plugin, run_pipeline_toml, articles, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    copydesk_plugin("mark", MarkUpForTests())
    copydesk_plugin("t", StepsForTests())
    page = RunReport(title="report test")
    result = run_pipeline_toml(PIPELINE, articles, on_outcome=page.add)
    assert (result.summary.written, result.summary.dropped, result.summary.failed) == (2, 1, 1)
    assert page.summary is result.summary
    return page.write(tmp_path / "report.html")


def embedded(html: str, element_id: str) -> object:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, f"no embedded {element_id}"
    return json.loads(match.group(1))


def test_the_page_embeds_the_run_and_every_document(report_page: Path):
    html = report_page.read_text("utf-8")
    summary = embedded(html, "summary")
    assert isinstance(summary, dict)
    assert (summary["read"], summary["written"], summary["dropped"], summary["failed"]) == (4, 2, 1, 1)
    assert set(summary["step_seconds"]) >= {"text.parse", "t.explode", "mark.up", "record"}
    index = embedded(html, "index")
    assert isinstance(index, list)
    assert [(e["id"], e["status"]) for e in index] == [("talks", "written"), ("markup", "written"), ("boom", "failed"), ("tiny", "dropped")]
    assert index[2]["step"] == "t.explode" and "found 'boom'" in index[2]["reason"]
    assert index[3]["reason"].startswith("too_short")
    talks = embedded(html, "d0")
    assert isinstance(talks, dict)
    record = talks["record"]
    assert [(r["reason"], r["text"]) for r in record["removed"]] == [("short", "Share this story"), ("short", "Read more")]
    share, more = (entry["at"] for entry in record["removed"])
    assert share == 0, "the share bar came before the first paragraph"
    assert record["text"][:more].endswith("for a deal.") and record["text"][more:].startswith("\n\nOmar Haddad")
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Anna Berg", "Omar Haddad", "Anna Berg"]
    assert index[0]["title"] == "Ministers meet over the river dispute"
    assert "title" not in talks["fields"], "the title is the heading, not a field row"


def test_nothing_in_the_data_can_close_its_script_element(report_page: Path):
    html = report_page.read_text("utf-8")
    assert html.count("</script>") == html.count("<script")
    assert "alert(1)" in html and "<script>alert(1)" not in html
    assert embed_json("</script><!--&") == '"\\u003c/script\\u003e\\u003c!--\\u0026"'


def test_the_page_needs_no_network(report_page: Path):
    html = report_page.read_text("utf-8")
    assert "default-src 'none'" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the page must not load anything"


def test_run_report_option_writes_the_page(tmp_path: Path, seeds: list[Path]):
    out, page = tmp_path / "o.jsonl", tmp_path / "pages" / "run.html"
    result = CliRunner().invoke(main, ["run", str(ROOT / "pipelines" / "news.toml"), *map(str, seeds), "-o", str(out), "--report", str(page)])
    assert result.exit_code == 0, result.stderr
    assert f"report: {page}" in result.stderr
    html = page.read_text("utf-8")
    index = embedded(html, "index")
    assert isinstance(index, list)
    assert [e["id"] for e in index] == [p.name.split(".")[0] for p in seeds]
    assert all(e["status"] == "written" for e in index)
    assert not list(page.parent.glob("*.partial"))


CHROMIUM = find_chromium()


def show(browser: Browser, doc_id: str) -> None:
    """Open a document through the page's address, as a link or the user would."""
    browser.evaluate(f"location.hash = '#doc={doc_id}'")
    browser.wait_until(f"document.getElementById('doc').dataset.doc === '{doc_id}'")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); the browser test of the report is skipped"
)


@needs_chromium
def test_report_in_a_headless_browser(report_page: Path, capsys: pytest.CaptureFixture[str]):
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as browser:
        browser.open(report_page.as_uri() + "#doc=talks")
        assert browser.evaluate("document.body.dataset.ready") == "true"
        assert browser.errors() == []
        assert browser.evaluate("document.querySelector('#doc h2').textContent") == "Ministers meet over the river dispute"

        quotes = browser.evaluate(
            "[...document.querySelectorAll('mark.quote')].map(m => [m.dataset.quote, m.textContent, m.title, getComputedStyle(m).backgroundColor])"
        )
        assert [q[1] for q in quotes] == ["\u201cthe best chance in a decade\u201d", "\u201cWe will not sign anything this week.\u201d", "\u201cthe door stays open\u201d"]
        assert all(title.startswith("direct quote") for _, _, title, _ in quotes)
        assert "Anna Berg" in quotes[0][2] and "cue: said" in quotes[0][2] and "confidence 0.88" in quotes[0][2]
        colours = [q[3] for q in quotes]
        assert colours[0] == colours[2] != colours[1], "one colour per speaker"

        struck = browser.evaluate(
            "[...document.querySelectorAll('del.removed')].map(d => [d.firstChild.textContent, d.title, getComputedStyle(d).textDecorationLine])"
        )
        assert struck == [
            ["Share this story", "removed \u00b7 short: fewer than 4 words", "line-through"],
            ["Read more", "removed \u00b7 short: fewer than 4 words", "line-through"],
        ]
        order = browser.evaluate("document.querySelector('.article').textContent")
        assert order.index("Share this story") < order.index("Officials") < order.index("for a deal.") < order.index("Read more") < order.index("Omar Haddad")
        assert browser.evaluate("[...document.querySelectorAll('.speakers b')].map(b => b.textContent)") == ["Anna Berg", "Omar Haddad"]
        shot = browser.screenshot(ARTEFACTS / "report.png")
        with capsys.disabled():
            print(f"\nreport screenshot: {shot}")
        assert shot.stat().st_size > 10_000

        browser.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j'}))")
        browser.wait_until("document.getElementById('doc').dataset.doc === 'markup'")
        show(browser, "boom")
        assert browser.evaluate("document.querySelector('#doc .error').textContent").startswith("t.explode: RuntimeError")
        assert browser.evaluate("document.querySelectorAll('#failures li').length") == 1

        listed = "[...document.querySelectorAll('#list a')].map(a => a.getAttribute('href'))"
        assert browser.evaluate(listed) == ["#doc=talks", "#doc=markup", "#doc=boom", "#doc=tiny"]
        set_search = "{{ const s = document.getElementById('search'); s.value = '{}'; s.dispatchEvent(new Event('input')) }}"
        browser.evaluate(set_search.format("river"))
        assert browser.evaluate(listed) == ["#doc=talks"]
        assert browser.evaluate("document.getElementById('list-count').textContent") == "1 of 4 documents"
        browser.evaluate("{ const t = document.getElementById('status'); t.value = 'dropped'; t.dispatchEvent(new Event('change')) }")
        assert browser.evaluate(listed) == []
        browser.evaluate(set_search.format(""))
        assert browser.evaluate(listed) == ["#doc=tiny"]

        show(browser, "markup")
        assert "</script><script>alert(1)</script>" in browser.evaluate("document.querySelector('#doc h2').textContent")
        assert browser.errors() == []


@needs_chromium
def test_records_of_other_shapes_are_drawn_with_what_they_have(tmp_path: Path):
    """The page knows record fields, not news: a record with only some of them is drawn too."""
    assert CHROMIUM is not None
    page = RunReport(title="other shapes")
    bare = {"id": "bare", "text": "Just some text.", "removed": [{"text": "old block", "reason": "legacy"}], "word_count": 3}
    page.add(Outcome("bare", "x://bare", "written", line=json.dumps(bare).encode()))
    page.add(Outcome("empty", "x://empty", "written", line=json.dumps({"id": "empty"}).encode()))
    summary = RunSummary(pipeline="other")
    path = page.write(tmp_path / "other.html", summary)
    with Browser(CHROMIUM) as browser:
        browser.open(path.as_uri() + "#doc=bare")
        assert browser.evaluate("document.querySelector('.article').textContent") == "Just some text."
        assert browser.evaluate("[...document.querySelectorAll('.side del.removed')].map(d => d.title)") == ["removed \u00b7 legacy"]
        assert browser.evaluate("[...document.querySelectorAll('.fields td')].map(td => td.textContent)")[:2] == ["word_count", "3"]
        show(browser, "empty")
        assert browser.evaluate("document.querySelector('.article').textContent") == ""
        assert browser.evaluate("document.querySelectorAll('mark.quote, del.removed').length") == 0
        assert browser.errors() == []


@needs_chromium
def test_browser_errors_are_seen(tmp_path: Path):
    """The check above can fail: a page that throws is caught."""
    assert CHROMIUM is not None
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><title>x</title><script>console.error('bad'); null.x;</script>", encoding="utf-8")
    with Browser(CHROMIUM) as browser:
        browser.open(page.as_uri())
        errors = browser.errors()
    assert any("bad" in e for e in errors) and any("TypeError" in e for e in errors)


def test_a_run_stopped_by_an_error_still_leaves_its_report(tmp_path: Path, seeds: list[Path]):
    config = tmp_path / "strict.toml"
    config.write_text(
        '[pipeline]\nname = "strict"\nplugins = ["text", "records"]\non_error = "raise"\n\n'
        '[[steps]]\nuse = "text.parse"\n\n[output]\nuse = "records.jsonl"\n',
        encoding="utf-8",
    )
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    page = tmp_path / "stopped.html"
    result = CliRunner().invoke(main, ["run", str(config), str(seeds[0]), str(binary), str(seeds[1]), "-o", str(tmp_path / "o.jsonl"), "--report", str(page)])
    assert result.exit_code == 1 and "run stopped" in result.stderr
    html = page.read_text("utf-8")
    summary = embedded(html, "summary")
    assert isinstance(summary, dict)
    assert summary["aborted"] and "binary.txt" in summary["aborted"]
    index = embedded(html, "index")
    assert isinstance(index, list)
    assert [(e["id"], e["status"]) for e in index] == [(seeds[0].name.split(".")[0], "written"), ("binary", "failed")]
