"""The removal spans the step makes from its rules' verdicts, and the same spans made in C."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copydesk import REMOVALS, Document, FrozenData, SourceInfo, Span
from copydesk.testing import make_document
from copydesk_boilerplate import StripBoilerplate
from copydesk_boilerplate.page import removal_spans
from copydesk_html import ParseHtml
from copydesk_text import ParseText

ROOT = Path(__file__).resolve().parents[3]

PROSE = "The minister said on Tuesday that the talks would continue next week, and that both sides agreed."
MORE = "Officials from both countries will meet again in the capital to discuss trade and the border."

try:
    from copydesk_boilerplate.removals import removal_spans as native_removal_spans
except ImportError:
    native_removal_spans = None

needs_c_spans = pytest.mark.skipif(
    native_removal_spans is None, reason="the C spans are not built (no C compiler when the plugin was installed)"
)


class Ctx:
    step = "html.parse"


def html_page(body: str) -> Document:
    html = f"<html><head><title>T</title></head><body>{body}</body></html>".encode()
    parsed = ParseHtml()(Document(id="p", source=SourceInfo("test://p", "text/html", ""), raw=html), Ctx())
    assert isinstance(parsed, Document)
    return parsed


def test_a_span_for_each_block_the_rules_labelled_in_block_order() -> None:
    doc = make_document("\n\n".join(["Share:", PROSE, "Advertisement", MORE, "12 comments"]))
    # an earlier step removed block 2 already: the step keeps that removal and adds none of its own
    earlier = doc.remove_block(2, "by_hand", detail="a person", by="review")
    page = StripBoilerplate().label(earlier)
    assert page.earlier == {2}
    spans = removal_spans(page, "boilerplate.strip")
    assert [(s.label, earlier.span_text(s)) for s in spans] == [("share_bar", "Share:"), ("comments", "12 comments")]
    assert [dict(s.data) for s in spans] == [
        {"block": 0, "detail": page.removed[0].detail, "by": "boilerplate.strip"},
        {"block": 4, "detail": page.removed[4].detail, "by": "boilerplate.strip"},
    ]
    assert all(s.layer == REMOVALS and type(s.data) is FrozenData for s in spans)


def pages() -> list[Document]:
    """The seeds as text, and pages of markup with furniture around an article."""
    docs = []
    parse_text = ParseText()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        raw = Document(id=path.stem, source=SourceInfo(str(path), "text/plain", ""), raw=path.read_bytes())
        parsed = parse_text(raw, Ctx())
        assert isinstance(parsed, Document)
        docs.append(parsed)
    article = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(6))
    docs.append(html_page(f"<nav><a href='/'>Home</a><a href='/w'>World</a></nav><article>{article}</article>"))
    docs.append(html_page(f"<div>Share:</div><main>{article}</main><footer>About us. Contact.</footer>"))
    return docs


def spans_both(page: Any, by: str) -> list[Span]:
    reference, native = removal_spans(page, by), native_removal_spans(page, by)
    assert native == reference
    # the same attributes of the same types (equal is not enough: 1 == 1.0, a dict == FrozenData)
    fields = ("start", "end", "label", "layer", "data")
    assert [[type(getattr(s, f)) for f in fields] for s in native] == [
        [type(getattr(s, f)) for f in fields] for s in reference
    ]
    return reference


@needs_c_spans
def test_the_c_spans_are_the_reference_spans() -> None:
    made = 0
    for doc in pages():
        made += len(spans_both(StripBoilerplate().label(doc), "boilerplate.strip"))
    assert made > 20


@needs_c_spans
def test_the_c_spans_keep_earlier_removals_out_as_the_reference_does() -> None:
    doc = make_document("\n\n".join(["Share:", PROSE, "Advertisement"])).remove_block(0, "by_hand", by="review")
    assert [s.label for s in spans_both(StripBoilerplate().label(doc), "strip")] == ["advertisement"]


@needs_c_spans
def test_the_c_spans_know_the_attributes_of_span(monkeypatch: pytest.MonkeyPatch) -> None:
    """They set Span's attributes themselves, so they must know all of them; a Span of other
    attributes (a newer core) is left to Span's own constructor."""
    import attrs

    from copydesk_boilerplate import page, removals

    assert tuple(field.name for field in attrs.fields(Span)) == removals._SPAN_FIELDS
    assert removals._span_fields_known
    handed_on = []
    monkeypatch.setattr(removals, "_span_fields_known", False)
    monkeypatch.setattr(page, "removal_spans", lambda labelled, by: handed_on.append((labelled, by)) or [])
    labelled = StripBoilerplate().label(make_document("Share:"))
    assert removals.removal_spans(labelled, "strip") == [] and handed_on == [(labelled, "strip")]
