"""Bad pages through the news pipeline: a record with an empty body and a reason, or a
rejected document with a clear error; never a crashed run."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from copydesk import Document, InputError, SourceInfo
from copydesk_html import ParseHtml

PIPELINE = (Path(__file__).resolve().parents[3] / "pipelines" / "news.toml").read_text("utf-8")


class Ctx:
    step = "html.parse"


def run(run_pipeline_toml, tmp_path: Path, name: str, data: bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    result = run_pipeline_toml(PIPELINE, [path], output=tmp_path / "out.jsonl")
    summary = result.summary
    assert summary.read == 1 == summary.written + summary.dropped + summary.failed
    return result


def test_not_html_binary_is_rejected_with_a_clear_error(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(run_pipeline_toml, tmp_path, "page.html", bytes(range(256)) * 20)
    assert result.summary.failed == 1
    [reject] = result.rejects
    assert reject["step"] == "html.parse"
    assert "page.html" in reject["error"] and "binary" in reject["error"]


def test_empty_page_is_dropped_as_empty(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(run_pipeline_toml, tmp_path, "empty.html", b"   \n")
    assert result.summary.dropped == 1
    assert result.rejects[0]["reason"] == "empty: the page is empty"


def test_page_with_an_empty_body_is_dropped_as_without_text(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = b"<html><head><title>T</title></head><body><script>x()</script></body></html>"
    result = run(run_pipeline_toml, tmp_path, "blank.html", page)
    assert result.summary.dropped == 1
    assert result.rejects[0]["reason"] == "no_text: the page has no visible text"


def test_frameset_is_dropped_with_its_reason(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = b'<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>'
    result = run(run_pipeline_toml, tmp_path, "frames.html", page)
    assert result.summary.dropped == 1
    assert result.rejects[0]["reason"].startswith("frameset: ")


def test_all_navigation_page_gives_an_empty_body_with_every_block_explained(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    links = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30))
    page = f"<html><body><nav><ul>{links}</ul></nav><footer><p>About us</p></footer></body></html>".encode()
    [record] = run(run_pipeline_toml, tmp_path, "nav.html", page).records
    assert record["text"] == ""
    assert len(record["removed"]) == 31
    assert {r["reason"] for r in record["removed"]} <= {"navigation", "footer", "related_links"}


def test_broken_markup_is_read(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = (
        b"<html><body><div><p>The council met on Monday and agreed the budget for next year after a long"
        b" debate.<p>Unclosed <b>bold <i>and</b> italic</i> text that goes on for a while here.</div></span>"
        b"</table><p>Last words of the story, which ends with a full stop."
    )
    [record] = run(run_pipeline_toml, tmp_path, "broken.html", page).records
    assert "agreed the budget" in record["text"] and "Last words of the story" in record["text"]


def test_deeply_nested_page_is_rejected_clearly(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep text.</p>" + b"</div>" * 100_000 + b"</body></html>"
    result = run(run_pipeline_toml, tmp_path, "deep.html", page)
    assert result.summary.failed == 1
    assert "deep.html" in result.rejects[0]["error"] and "nested too deeply" in result.rejects[0]["error"]


def test_page_with_too_many_elements_is_rejected_clearly() -> None:
    page = b"<html><body>" + b"<span>x</span>" * 50 + b"</body></html>"
    doc = Document(id="big", source=SourceInfo("test://big.html", "text/html", ""), raw=page)
    with pytest.raises(InputError, match=r"big\.html.*more than 20 elements"):
        ParseHtml(max_elements=20)(doc, Ctx())


def test_gzipped_page_is_read_transparently(run_pipeline_toml, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = b"<html><body><article><p>The story of the day, told in one sentence that is long enough.</p></article>"
    [record] = run(run_pipeline_toml, tmp_path, "page.html.gz", gzip.compress(page)).records
    assert record["text"] == "The story of the day, told in one sentence that is long enough."


def test_external_entities_are_never_loaded_or_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", "utf-8")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY boom "ha">]><html><body><p>Value: &xxe; &boom;</p></body></html>'
    ).encode()
    doc = ParseHtml()(Document(id="x", source=SourceInfo("test://x.html", "text/html", ""), raw=page), Ctx())
    assert isinstance(doc, Document)
    assert "TOP-SECRET" not in doc.text and "ha ha" not in doc.text
