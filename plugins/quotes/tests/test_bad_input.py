"""Bad input finishes in linear time with a sensible result.

Linear time is shown without a clock: the Python lines the plugin executes (counted with
``sys.settrace``) plus the characters its patterns are run over (a `WorkCounter`) are
measured on an input of size n and of size 2n; the work may at most double, with a
margin for the constant part. A quadratic loop would quadruple it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import copydesk_quotes
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.work import WorkCounter

PACKAGE = str(Path(copydesk_quotes.__file__).parent)

#: Repeating units of three kinds of bad input.
BAD_INPUTS = {
    "unbalanced quotation marks": 'He said "yes and the minister said "no while “others asked” why” ',
    "no sentence punctuation": "officials said the plan would work and the minister told reporters that Smith ",
    "news text on one line": '"We will win," Smith said. The talks failed, an official said. According to Mr. Jones, '
    "it was over. ",
}


def one_line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def work_for(text: str) -> int:
    """Lines executed in the plugin plus characters scanned by its patterns, for one document."""
    doc = make_document(text, blocks=[(0, len(text), "paragraph")])
    step = AttributeQuotes()
    counter = WorkCounter()
    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        step.find(doc, counter)
    finally:
        sys.settrace(previous)
    return lines + counter.steps


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_work_grows_linearly(kind: str) -> None:
    unit = BAD_INPUTS[kind]
    small = work_for(one_line(unit, 20_000))
    large = work_for(one_line(unit, 40_000))
    assert small > 0
    assert large <= 2.1 * small, (small, large)


def test_five_megabyte_line_of_unbalanced_marks_finishes_with_short_quotes() -> None:
    text = one_line(BAD_INPUTS["unbalanced quotation marks"], 5_000_000)
    doc = AttributeQuotes()(make_document(text, blocks=[(0, len(text), "paragraph")]), None)  # type: ignore[arg-type]
    quotes = doc.layer("quotes")
    assert quotes, "the first, attributed quotation is found"
    assert all(q.end - q.start < 100 for q in quotes), "a stray mark never swallows the line"


def test_long_line_of_news_gives_every_quote() -> None:
    unit = BAD_INPUTS["news text on one line"]
    text = one_line(unit, 1_000_000)
    doc = AttributeQuotes()(make_document(text, blocks=[(0, len(text), "paragraph")]), None)  # type: ignore[arg-type]
    quotes = doc.layer("quotes")
    units = len(text) // len(unit)
    # Each unit holds one direct and two indirect quotes.
    assert abs(len(quotes) - 3 * units) <= 3
    assert {q.label for q in quotes} == {"direct", "indirect"}
    assert quotes[0].data["speaker"]["name"] == "Smith"


def test_unbalanced_marks_keep_quotations_inside_their_paragraph() -> None:
    text = 'He said "yes and no.\nThe minister said the talks failed.\n"Another one," she said.'
    doc = AttributeQuotes()(
        make_document(text, blocks=[(0, 20, "paragraph"), (21, 56, "paragraph"), (57, len(text), "paragraph")]),
        None,  # type: ignore[arg-type]
    )
    texts = [doc.text[s.start : s.end] for s in doc.layer("quotes")]
    assert texts == ['"yes and no.', "the talks failed", '"Another one,"']


@pytest.mark.parametrize("text", ["", "   ", '"', "”“", "said said said", "According to", "He said:", "''"])
def test_degenerate_text_gives_no_error(text: str) -> None:
    blocks = [(0, len(text), "paragraph")] if text.strip() else []
    doc = AttributeQuotes()(make_document(text, blocks=blocks), None)  # type: ignore[arg-type]
    for span in doc.layer("quotes"):
        assert 0 <= span.start < span.end <= len(text)
    assert isinstance(doc.meta["quotes.speakers"], list)
