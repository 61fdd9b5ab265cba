"""Where reported content starts and ends (fourth recall pass): the adverbial clause after a
stance's object, and a relative clause whose subject is what was said about.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_a_stance_object_ends_before_an_adverbial_clause(found: Found) -> None:
    assert found("Ms. Vance endorsed Gov. Tom Reed after the second debate.") == [
        ("indirect", "Gov. Tom Reed", "Ms. Vance")
    ]
    assert found("Mr. Hale opposed the dam because it would flood two villages.") == [
        ("indirect", "the dam", "Mr. Hale")
    ]
    assert found("Ms. Ruiz backed the measure until the cost estimates were released.") == [
        ("indirect", "the measure", "Ms. Ruiz")
    ]
    # "before" and "during" often belong to the object's noun phrase: kept
    assert found("The group criticized the years before the 1990 reform.") == [
        ("indirect", "the years before the 1990 reform", "The group")
    ]
