"""Constructions added in the third recall pass: appositions with verbs in them, and the
cues and shapes listed in the README's "What is detected" since then.

Each test is a sentence written in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_an_apposition_may_hold_an_ing_modifier_or_a_relative_clause(found: Found) -> None:
    text = "Dale Porter, a retired teaching assistant, said the school board had ignored parents."
    assert found(text) == [("indirect", "the school board had ignored parents", "Dale Porter")]
    text = "Rep. Ann Vogel, a member of the caucus who now backs the rival bill, said she had not been consulted."
    assert ("indirect", "she had not been consulted", "Rep. Ann Vogel") in found(text)


def test_a_noun_phrase_after_said_with_a_clause_in_it_is_content(found: Found) -> None:
    text = (
        "The chain's former finance chief, Tom Reyes, said the manager who replaced him, "
        "Lena Ortiz, should resign over the audit."
    )
    assert found(text) == [
        (
            "indirect",
            "the manager who replaced him, Lena Ortiz, should resign over the audit",
            "The chain's former finance chief",
        )
    ]
