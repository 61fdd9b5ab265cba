"""An infinitive after a noun or adjective of purpose or difficulty reports nothing
(precision pass): ``a good place to offer a preview``, ``hard to say``.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_an_infinitive_of_purpose_or_difficulty_is_not_a_report(found: Found) -> None:
    assert found("The town hall in Dover is a good place to offer a preview of the plan.") == []
    assert found("Whether the strike will end soon is hard to say.") == []
    assert found("For Ms. Ruiz, the debate was an opportunity to criticize the council.") == []
    assert found("It is all but impossible to identify the donors.") == []


def test_an_infinitive_after_a_verb_still_reports_for_the_subject(found: Found) -> None:
    assert found("The senator traveled to Ohio to announce her plan.") == [
        ("indirect", "her plan", "The senator")
    ]
