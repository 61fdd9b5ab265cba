"""Precision and span extent (fifth pass): lists as a stance's object, noun-like cue forms
after a quotation, the second piece after an aside, infinitives and "in" phrases that report
nothing, and common-noun subjects of participle cues.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


# What a stance is on when it is a list: "insulted farmers, nurses and teachers".
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
    assert found("The mayor opposed the plan, and the council dropped it.") == [("indirect", "the plan", "The mayor")]
    # an adverbial after the comma
    assert found("Mr. Ruiz backed the bill, however, in the final vote on roads and bridges.") == [
        ("indirect", "the bill", "Mr. Ruiz")
    ]


# A noun-like cue form closing a quotation's attribution: "“...,” Ms. Ruiz notes."
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


# A quotation split by its attribution with a short aside after the cue.
def test_the_second_piece_after_a_short_aside_is_the_same_speakers(found: Found) -> None:
    assert found("“They will agree,” she said of Lee and Ortiz, “because each needs the other.”") == [
        ("direct", "“They will agree,”", "she"),
        ("direct", "“because each needs the other.”", "she"),
    ]
    assert found('"The port is busy," said Dana Hill, director of the harbor board, "but it is costly."') == [
        ("direct", '"The port is busy,"', "Dana Hill"),
        ("direct", '"but it is costly."', "Dana Hill"),
    ]
    assert found("“We are safe here,” he said two days after the vote, “which is what matters.”") == [
        ("direct", "“We are safe here,”", "he"),
        ("direct", "“which is what matters.”", "he"),
    ]


def test_a_quotation_after_another_cue_or_clause_is_not_a_second_piece(found: Found) -> None:
    # another cue in between: the crowd's words
    assert found('"It is over," he said, and the crowd chanted, "Go home."') == [
        ("direct", '"It is over,"', "he"),
        ("direct", '"Go home."', "the crowd"),
    ]


# Words that look like cues but report nothing.
def test_an_infinitive_of_purpose_or_difficulty_is_not_a_report(found: Found) -> None:
    assert found("The town hall in Dover is a good place to present the budget.") == []
    assert found("Whether the strike will end soon is hard to say.") == []
    assert found("For Ms. Ruiz, the debate was an opportunity to criticize the council.") == []
    assert found("It is all but impossible to identify the donors.") == []


def test_an_infinitive_after_a_verb_still_reports_for_the_subject(found: Found) -> None:
    assert found("The senator traveled to Ohio to announce her plan.") == [("indirect", "her plan", "The senator")]


def test_in_as_part_of_a_longer_preposition_is_not_where_a_finding_was_found(found: Found) -> None:
    assert found("Ms. Lane, in the wake of the county poll, canceled her trip to Dover.") == []
    assert found("The mayor is popular, in part because of the county survey.") == []
    assert found("The race ended in a month in which the campaign fell in the polls.") == []
    # the finding cue itself still reads
    assert found("In the latest Harbor Institute poll, Ms. Lane leads by six points.") == [
        ("indirect", "Ms. Lane leads by six points", "the latest Harbor Institute poll")
    ]


# A common-noun subject for a participle cue after the main clause, or a cue joined by "and".
def test_a_participle_cue_after_a_comma_takes_a_common_noun_subject(found: Found) -> None:
    text = 'The trade journal has been critical of the harbor plan, arguing it is "a gift to developers."'
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
