"""Names read once per document: repeated runs keep their own offsets, nothing carries over."""

from __future__ import annotations

from typing import Any

from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes

FIRST = (
    "Foreign Minister Ana Ruiz said the talks would go on.\n\n"
    "Officials said Foreign Minister Ana Ruiz had met them twice.\n\n"
    "Ruiz added that a deal was close."
)
SECOND = (
    "Mr. Tom Hale, the harbour master, said the port would reopen.\n\n"
    "Foreign Minister Ana Ruiz was not there, Mr. Tom Hale said."
)


def speakers(step: AttributeQuotes, text: str) -> list[dict[str, Any]]:
    doc = step(make_document(text), None)  # type: ignore[arg-type]
    return [dict(s) for s in doc.meta["quotes.speakers"]]


def test_a_repeated_name_run_gives_each_mention_its_own_offsets() -> None:
    (ruiz,) = [s for s in speakers(AttributeQuotes(), FIRST) if s["name"] == "Ana Ruiz"]
    assert ruiz["role"] == "Foreign Minister"
    first = FIRST.index("Ana Ruiz")
    again = FIRST.index("Ana Ruiz", first + 1)
    # the run "Foreign Minister Ana Ruiz" twice: each name at its own place
    assert [first, first + 8] in ruiz["mentions"]
    assert [again, again + 8] in ruiz["mentions"]


def test_two_documents_in_a_row_read_as_each_alone() -> None:
    step = AttributeQuotes()
    first = speakers(step, FIRST)
    second = speakers(step, SECOND)
    assert second == speakers(AttributeQuotes(), SECOND)
    assert first == speakers(AttributeQuotes(), FIRST)
    (hale,) = second  # Ruiz, named in both, is not a speaker of the second
    assert (hale["name"], hale["role"]) == ("Tom Hale", "Mr.")
    names = [[s, e] for s, e in hale["mentions"] if SECOND[s:e] == "Tom Hale"]
    assert names == [[4, 12], [SECOND.rindex("Tom Hale"), SECOND.rindex("Tom Hale") + 8]]
