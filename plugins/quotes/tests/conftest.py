"""Fixtures of the quotes plugin's tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes

Found = Callable[[str], list[tuple[str, str, str | None]]]


def _found(text: str) -> list[tuple[str, str, str | None]]:
    """(type, quoted text, speaker mention as written) of each quote found in `text`."""
    doc: Document = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    out = []
    for s in doc.layer("quotes"):
        speaker = s.data["speaker"]
        mention = None if speaker is None else doc.text[speaker["start"] : speaker["end"]]
        out.append((s.label, doc.text[s.start : s.end], mention))
    return out


@pytest.fixture
def found() -> Found:
    """The quotes the step finds in a text with the default lexicon, one block per line."""
    return _found


_PIPELINE = """
[pipeline]
name = "quotes-test"
plugins = ["text", "quotes", "records"]

[[steps]]
use = "text.parse"

[[steps]]
use = "quotes.attribute"
with = {WITH}

[output]
use = "records.jsonl"
"""


@pytest.fixture
def quotes_toml() -> Callable[[str], str]:
    """A text -> quotes -> records pipeline whose quotes step has the given `with` table (TOML)."""
    return lambda with_table: _PIPELINE.replace("{WITH}", with_table)
