"""Words that look like cues but report nothing (precision pass): an infinitive after a noun
or adjective of purpose or difficulty (``a good place to offer a preview``, ``hard to say``),
and ``in`` as part of a longer preposition (``in the wake of a new poll``).

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


def test_in_as_part_of_a_longer_preposition_is_not_where_a_finding_was_found(found: Found) -> None:
    assert found("Ms. Lane, in the wake of a new poll, canceled her trip to Dover.") == []
    assert found("The mayor is popular, in part because of the county survey.") == []
    assert found("The race ended in a month in which the campaign fell in the polls.") == []
    # the finding cue itself still reads
    assert found("In the latest Harbor Institute poll, Ms. Lane leads by six points.") == [
        ("indirect", "Ms. Lane leads by six points", "the latest Harbor Institute poll")
    ]
