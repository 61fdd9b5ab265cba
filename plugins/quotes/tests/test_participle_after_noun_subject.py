"""A participle cue after the main clause takes the sentence's subject even when that is a
common noun phrase, not a name (precision pass): ``The trade journal has been critical of
the plan, arguing it is ...``.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_a_participle_cue_after_a_comma_takes_a_common_noun_subject(found: Found) -> None:
    text = "The trade journal has been critical of the harbor plan, arguing it is \"a gift to developers.\""
    assert ("mixed", 'it is "a gift to developers."', "The trade journal") in found(text)
    text = "The veteran senator appeared on two radio programs, saying the bill would pass in May."
    assert found(text) == [("indirect", "the bill would pass in May", "The veteran senator")]


def test_a_noun_subject_needs_a_verb_right_after_it(found: Found) -> None:
    # "The plan for the harbor ..." is no subject phrase of at most five words before a verb
    text = "The plan for the harbor in the north of the county, once approved, saying little, is gone."
    assert all(speaker != "The plan" for _, _, speaker in found(text))


def test_a_cue_joined_by_and_takes_a_common_noun_subject(found: Found) -> None:
    text = "The port authority released its budget on Monday and welcomed Dana Hill to the board."
    assert found(text) == [("indirect", "Dana Hill to the board", "The port authority")]
