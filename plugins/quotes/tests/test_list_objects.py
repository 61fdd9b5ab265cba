"""What a stance is on when it is a list (precision pass): ``insulted farmers, nurses and
teachers`` is one object, while an apposition, the next thing the subject did or a clause
joined by ``, and`` after the first comma is not part of it.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_a_list_after_a_stance_verb_is_the_whole_object(found: Found) -> None:
    assert found("Mr. Hale has insulted farmers, nurses and teachers.") == [
        ("indirect", "farmers, nurses and teachers", "Mr. Hale")
    ]
    assert found("Ms. Ortiz touted her plans to repave roads, expand bus lines, and cut fares.") == [
        ("indirect", "her plans to repave roads, expand bus lines, and cut fares", "Ms. Ortiz")
    ]
    assert found("The council opposed the tax, the fee or the toll, and adjourned early.") == [
        ("indirect", "the tax, the fee or the toll", "The council")
    ]


def test_an_apposition_or_a_next_clause_after_the_comma_is_not_the_object(found: Found) -> None:
    # an apposition, then no list
    assert found("Ms. Vance endorsed Mr. Lee, the party's nominee, on Monday.") == [
        ("indirect", "Mr. Lee", "Ms. Vance")
    ]
    # the next thing the subject did
    assert found("The judge rejected both appeals, ruled the case closed and sent it back.") == [
        ("indirect", "both appeals", "The judge")
    ]
    # a clause joined by ", and"
    assert found("The mayor opposed the plan, and the council dropped it.") == [
        ("indirect", "the plan", "The mayor")
    ]
    # an adverbial after the comma
    assert found("Mr. Ruiz backed the bill, however, in the final vote on roads and bridges.") == [
        ("indirect", "the bill", "Mr. Ruiz")
    ]
