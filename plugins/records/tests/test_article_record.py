"""The article record: body derivation, removals, offset translation, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from copydesk import REMOVALS, RunInfo, Span
from copydesk.testing import make_document
from copydesk_records import article_schema
from copydesk_records.article import QUOTES_LAYER, SPEAKERS_META, Body, build_article

RUN = RunInfo("test", {"records": "0.1.0"})
TEXT = "Headline\n\nShare this story\n\nKasuri said the deal \u201cwill hold\u201d.\n\nHe added: \u201cWe are ready.\u201d"


def _bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split("\n\n"):
        out.append((start, start + len(part)))
        start += len(part) + 2
    return out


BLOCKS = _bounds(TEXT)
KINDS = ["title", "paragraph", "paragraph", "paragraph"]


def document():  # type: ignore[no-untyped-def]
    doc = make_document(TEXT, blocks=[(*bounds, kind) for bounds, kind in zip(BLOCKS, KINDS, strict=True)])
    return doc.remove_block(1, "share_bar", detail="share prompt", by="test")


def test_body_leaves_out_title_and_removed_blocks():
    body, removed = Body.of(document())
    assert body.text == "Kasuri said the deal \u201cwill hold\u201d.\n\nHe added: \u201cWe are ready.\u201d"
    assert removed == [{"text": "Share this story", "reason": "share_bar", "detail": "share prompt", "at": 0}]


def test_body_follows_the_text_order_of_blocks_listed_out_of_order():
    listed = [3, 1, 0, 2]  # a parser may list its blocks in any order
    doc = make_document(TEXT, blocks=[(*BLOCKS[i], KINDS[i]) for i in listed]).remove_block(1, "share_bar")
    assert doc.blocks[1].start == BLOCKS[1][0]
    body, removed = Body.of(doc)
    assert body.text == TEXT[slice(*BLOCKS[2])] + "\n\n" + TEXT[slice(*BLOCKS[3])]
    assert removed == [{"text": "Share this story", "reason": "share_bar", "at": 0}]


def test_removed_blocks_say_where_they_stood_in_the_body():
    doc = document().remove_block(3, "comments")
    record = build_article(doc, RUN)
    jsonschema.Draft202012Validator(article_schema()).validate(record)
    text = record["text"]
    first_paragraph = TEXT[slice(*BLOCKS[2])]
    assert text == first_paragraph
    assert [(r["reason"], r["at"]) for r in record["removed"]] == [("share_bar", 0), ("comments", len(text))]
    # Put back in place, the removed blocks give the document's body blocks in their order.
    restored = text
    for entry in reversed(record["removed"]):
        restored = restored[: entry["at"]] + "|" + entry["text"] + "|" + restored[entry["at"] :]
    assert restored == "|Share this story|" + first_paragraph + "|" + TEXT[slice(*BLOCKS[3])] + "|"


def test_quote_offsets_are_translated_into_the_body():
    doc = document()
    quote_start = TEXT.index("\u201cWe")
    speaker_start = TEXT.index("He added")
    span = Span(
        quote_start, quote_start + len("\u201cWe are ready.\u201d"), "direct", QUOTES_LAYER,
        {"speaker": {"name": "Khurshid Kasuri", "role": "Foreign Minister", "start": speaker_start, "end": speaker_start + 2},
         "cue": {"start": speaker_start + 3, "end": speaker_start + 8}, "group": "g1", "confidence": 0.9},
    )
    doc = doc.with_spans([span]).with_meta(**{SPEAKERS_META: [
        {"name": "Khurshid Kasuri", "role": "Foreign Minister", "kind": "person",
         "mentions": [[BLOCKS[2][0], BLOCKS[2][0] + 6], [speaker_start, speaker_start + 2]]}
    ]})
    record = build_article(doc, RUN)
    jsonschema.Draft202012Validator(article_schema()).validate(record)
    [quote] = record["quotes"]
    text = record["text"]
    assert text[quote["start"] : quote["end"]] == quote["text"] == "\u201cWe are ready.\u201d"
    assert quote["speaker"]["mention"] == "He" and quote["speaker"]["name"] == "Khurshid Kasuri"
    assert text[quote["cue"]["start"] : quote["cue"]["end"]] == "added"
    assert record["speakers"][0]["mentions"] == [[0, 6], [text.index("He"), text.index("He") + 2]]


def test_quotes_in_removed_blocks_are_left_out():
    doc = document().with_spans([Span(*BLOCKS[1], "direct", QUOTES_LAYER, {})])
    assert build_article(doc, RUN)["quotes"] == []


def test_removal_spans_from_any_step_count():
    doc = document().with_spans([Span(*BLOCKS[3], "comments", REMOVALS, {"detail": "reader comment"})])
    body, removed = Body.of(doc)
    assert "He added" not in body.text
    assert [r["reason"] for r in removed] == ["share_bar", "comments"]


def test_schema_file_in_schemas_is_the_one_the_plugin_ships():
    root = Path(__file__).resolve().parents[3]
    assert json.loads((root / "schemas" / "article.schema.json").read_text("utf-8")) == article_schema()


def test_schema_refuses_unknown_fields_and_bad_dates():
    record = build_article(document(), RUN)
    validator = jsonschema.Draft202012Validator(article_schema())
    assert validator.is_valid(record)
    assert not validator.is_valid({**record, "extra": 1})
    assert not validator.is_valid({**record, "published": "last Tuesday"})
    assert validator.is_valid({**record, "published": "2011-10-24T09:43:00+05:30"})


def test_a_block_removed_between_paragraphs_stands_at_the_end_of_the_first():
    doc = make_document("First paragraph.\n\nRead more: other story\n\nSecond paragraph.").remove_block(1, "related_links")
    record = build_article(doc, RUN)
    [entry] = record["removed"]
    assert entry["at"] == len("First paragraph.")
    assert record["text"][entry["at"] :] == "\n\nSecond paragraph."
