"""The text reader on real seed articles and on the encodings users meet."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from copydesk import Document, Drop, InputError, RunInfo, SourceInfo, StepContext
from copydesk_text import ParseText
from copydesk_text.metadata import byline, date_line, dateline, parse_date
from copydesk_text.reader import paragraphs

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
CTX = StepContext("text.parse", RunInfo("t", {}))


def parse(data: bytes, uri: str = "t.txt") -> Document:
    doc = Document(id="t", source=SourceInfo(uri, "text/plain", ""), raw=data)
    result = ParseText()(doc, CTX)
    assert isinstance(result, Document)
    return result


def seed(prefix: str) -> Document:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return parse(path.read_bytes(), str(path))


def texts(doc: Document) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks]


def test_seed_000_title_byline_and_dateline():
    doc = seed("000")
    assert doc.meta["title"] == "US presses Pakistan on militant threat"
    assert doc.blocks[0].kind == "title"
    assert doc.meta["authors"] == ["DNA Web Team"]
    assert doc.meta["dateline"] == "ISLAMABAD"
    [path] = SEEDS.glob("000_*.txt")
    nonblank_lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert texts(doc) == [line.strip(" \u00a0") for line in nonblank_lines]
    # characters kept as they are: the trailing no-break spaces are outside the block, not rewritten
    assert "\u00a0" in doc.text
    assert not any(t.endswith("\u00a0") for t in texts(doc))


def test_seed_001_date_line_is_read_as_published():
    doc = seed("001")
    assert doc.meta["published"] == "2010-10-21T09:43"
    assert "Share:" in texts(doc)


def test_seed_003_byline_gives_author_publisher_and_date():
    doc = seed("003")
    assert doc.meta["authors"] == ["Indira A.R. Lakshmanan"]
    assert doc.meta["publisher"] == "Bloomberg"
    assert doc.meta["published"] == "2011-10-24"
    # single-newline paragraphs and list lines stay separate blocks
    assert "Related: From Pakistan Press" in texts(doc)
    assert "EDITORIAL: Beginning of a charm offensive - Daily Times" in texts(doc)


def test_seed_004_paragraphs_separated_by_single_newlines():
    doc = seed("004")
    assert doc.meta["title"] == "Pakistan not ready' for joint anti-terror ops with US"
    assert doc.meta["dateline"] == "Islamabad"
    assert len(doc.blocks) == 12
    assert all("\n" not in t for t in texts(doc))


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Title here\n\n"
        "The minister said on Tuesday that the talks would go on for\n"
        "another week, and that both sides had agreed to meet again\n"
        "in the capital before the end of the month.\n\n"
        "Second paragraph."
    )
    blocks = list(paragraphs(text))
    assert [text[s:e].split("\n")[0] for s, e in blocks] == [
        "Title here", "The minister said on Tuesday that the talks would go on for", "Second paragraph."
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "utf-32"])
def test_encodings(encoding: str):
    text = "Caf\u00e9 owners \u201cangry\u201d\n\nThey said prices rose \u2014 again, by 5\u20ac."
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else b""
    data = bom + text.encode(encoding)
    doc = parse(data)
    assert doc.text == text
    assert doc.meta["title"] == "Caf\u00e9 owners \u201cangry\u201d"


def test_cp1252_without_bom_or_declaration_is_detected():
    text = "Minister\u2019s visit \u201cpostponed\u201d\n\n" + "The minister\u2019s office said the visit was off. " * 5
    doc = parse(text.encode("cp1252"))
    assert doc.text == text


def test_empty_and_blank_inputs_are_dropped_with_a_reason():
    doc = Document(id="e", source=SourceInfo("e.txt", "text/plain", ""), raw=b"  \n\n \t\n")
    result = ParseText()(doc, CTX)
    assert isinstance(result, Drop) and result.reason == "empty"


def test_binary_input_is_an_error_naming_the_input():
    with pytest.raises(InputError, match=r"^blob\.txt: "):
        parse(bytes(range(256)) * 20, "blob.txt")


def test_crlf_is_read_as_newlines():
    doc = parse(b"Title\r\n\r\nBody line one.\r\nBody line two.")
    assert "\r" not in doc.text
    assert texts(doc) == ["Title", "Body line one.", "Body line two."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe and John Roe, Reuters", {"authors": ["Jane Doe", "John Roe"], "publisher": "Reuters", "published": None}),
        ("Written By DNA Web Team | Updated:", {"authors": ["DNA Web Team"], "publisher": None, "published": None}),
        ("By the time the talks ended, nothing was agreed.", None),
    ],
)
def test_bylines(line: str, expected: dict | None):
    assert byline(line) == expected


def test_date_lines_and_prose_with_numbers():
    assert date_line("Updated: 3 March 2021") == "2021-03-03"
    assert date_line("The meeting lasted for 30 minutes.") is None
    assert date_line("On October 21, 2010 the delegation met officials at the State Department for talks.") is None
    assert parse_date("2017-10-17") == "2017-10-17"


def test_datelines():
    assert dateline("ISLAMABAD: Talks began.") == "ISLAMABAD"
    assert dateline("NEW DELHI - Talks began.") == "NEW DELHI"
    assert dateline("Islamabad: Talks began.") == "Islamabad"
    assert dateline("Similarly, Pentagon spokesman said") is None
    assert dateline("The talks began.") is None


def test_a_line_over_the_limit_is_an_error_naming_the_input():
    doc = Document(id="l", source=SourceInfo("long.txt", "text/plain", ""), raw=b"Title\n\n" + b"word " * 400)
    with pytest.raises(InputError, match=r"^long\.txt: has a line of 2000 characters, over the limit of 1000"):
        ParseText(max_line_chars=1000)(doc, CTX)
    assert isinstance(ParseText(max_line_chars=0)(doc, CTX), Document)
