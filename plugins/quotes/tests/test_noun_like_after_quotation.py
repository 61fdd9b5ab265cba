"""A cue form that could be a noun (notes, states, reports) closing a quotation's
attribution (precision pass): ``“...,” Ms. Ruiz notes.`` is the quotation's speaker and verb.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_a_noun_like_cue_after_a_quotation_and_its_subject_is_a_verb(found: Found) -> None:
    assert found('"The ferry will run all winter," Ms. Ruiz notes.') == [
        ("direct", '"The ferry will run all winter,"', "Ms. Ruiz")
    ]
    assert found("“Vote for the bridge,” a voice-over in the new ad states.") == [
        ("direct", "“Vote for the bridge,”", "a voice-over in the new ad")
    ]


def test_the_same_form_elsewhere_stays_a_noun(found: Found) -> None:
    # the quotation does not close with a comma: a title, not an attribution
    assert found("The “Harbor Plan” Ruiz drafted answering questions from residents was long.") == []
    # the form does not end the clause: a noun ("notes from the meeting")
    assert found("“It was late,” Ms. Ruiz said, reading notes from the meeting.") == [
        ("direct", "“It was late,”", "Ms. Ruiz")
    ]
