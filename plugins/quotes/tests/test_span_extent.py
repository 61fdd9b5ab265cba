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


def test_a_relative_clause_whose_subject_was_said_about_is_the_content(found: Found) -> None:
    text = "The new rules, which officials said will take effect in March, will not cover students."
    assert found(text) == [("indirect", "which officials said will take effect in March", "officials")]
    text = "Mr. Hale's vote on the dam, which he has repeatedly said was a mistake, hurt him in the primary."
    assert found(text) == [("indirect", "which he has repeatedly said was a mistake", "he")]
    # a restrictive clause runs on over the commas of a list
    text = "She has helped towns adapt to what she said is growing demand for parks, pools and bike lanes."
    assert found(text) == [("indirect", "what she said is growing demand for parks, pools and bike lanes", "she")]
    # "What we know is that ...": a cleft, not a relative clause with a missing subject
    text = "What is clear is that the council will vote in June."
    assert all(not quote.startswith("What") for _, quote, _ in found(text))


def test_a_participle_cue_in_an_apposition_leaves_the_main_cue_its_subject(found: Found) -> None:
    text = "The Tribune, citing internal memos, reported that the company is losing money."
    assert found(text) == [
        ("indirect", "internal memos", "The Tribune"),
        ("indirect", "the company is losing money", "The Tribune"),
    ]
    # the comma closing the apposition may stand inside the quotation
    text = "Ms. Park, citing ''the strength of the ground game,'' said the party could win in Ohio."
    assert found(text) == [
        ("direct", "''the strength of the ground game,''", "Ms. Park"),
        ("indirect", "the party could win in Ohio", "Ms. Park"),
    ]


def test_a_participle_cue_in_an_absolute_clause_takes_the_noun_before_it(found: Found) -> None:
    text = "The candidates sharpened their language, with Ms. Lane recently promising to \"tear up the deal.\""
    assert found(text) == [("direct", '"tear up the deal."', "Ms. Lane")]
    text = 'Thousands lined the route, many walkers and onlookers chanting "We are one."'
    assert found(text) == [("direct", '"We are one."', "many walkers and onlookers")]
    assert found("The board met on Monday, with members backing the plan.") == [("indirect", "the plan", "members")]
    # two hyphens are a dash, as an em dash is
    for dash in ("\u2014", "--"):
        text = f"The board approved the plan {dash} Ms. Ortiz saying she was pleased."
        assert found(text) == [("indirect", "she was pleased", "Ms. Ortiz")], dash
        text = f"They campaigned in a county seen as pivotal {dash} and Ortiz knows it."
        assert found(text) == [("indirect", "a county seen as pivotal", None)], dash


def test_a_parenthetical_between_dashes_may_stand_between_speaker_and_cue(found: Found) -> None:
    assert found("Dana Kirk — after a long pause — told me she had never expected to win.") == [
        ("indirect", "she had never expected to win", "Dana Kirk")
    ]
    text = 'A former mayor -- Jo Hale, who lost the 2010 race to Mr. Ruiz -- said the council "has no plan at all."'
    assert found(text) == [("mixed", 'the council "has no plan at all."', "A former mayor")]
    assert found("Democrats — and some Republicans — say the deal is dead.") == [
        ("indirect", "the deal is dead", "Democrats")
    ]


def test_a_pronoun_with_a_contracted_auxiliary_is_the_speaker(found: Found) -> None:
    assert found("He's said the new bridge is unsafe.") == [("indirect", "the new bridge is unsafe", "He")]
    assert found("More recently, she\u2019s spoken out against the state's new voting law.") == [
        ("indirect", "the state's new voting law", "she")
    ]
    assert found("I've always believed that the city can do better.") == [
        ("indirect", "the city can do better", "I")
    ]
    assert found("We'll support whoever wins the primary.") == [("indirect", "whoever wins the primary", "We")]
    # a possessive is still a noun's, not an auxiliary
    assert found("The mayor's pledge drew cheers.") == []


def test_a_noun_like_cue_after_its_subject_s_apposition_is_a_verb(found: Found) -> None:
    assert found("Jane Ortiz, the former mayor, hopes her campaign can recover.") == [
        ("indirect", "her campaign can recover", "Jane Ortiz")
    ]
    assert found("Jane Ortiz, who has raised more money, hopes her campaign can recover.") == [
        ("indirect", "her campaign can recover", "Jane Ortiz")
    ]
    assert found('Yang Li, director of the institute, calls the port "a mistake."') == [
        ("mixed", 'the port "a mistake."', "Yang Li")
    ]
    # a noun in a list is not a cue
    assert found("The agency handles permits, reports and hearings.") == []


def test_a_semicolon_after_the_cue_ends_the_attribution(found: Found) -> None:
    text = "Turnout in the suburbs will decide the race, analysts say; in 2012 it was lower."
    assert found(text) == [("indirect", "Turnout in the suburbs will decide the race", "analysts")]


def test_a_time_clause_after_the_addressee_is_not_what_was_said(found: Found) -> None:
    text = "This is about the town, the governor told her staff as she worked on the speech."
    assert found(text) == [("indirect", "This is about the town", "the governor")]
    text = "This is about the town, the governor told her senior staff as she worked on the speech."
    assert found(text) == [("indirect", "This is about the town", "the governor")]
    # "her" before a clause or a determiner is the person told
    assert found("The mayor told her that the deal was off.") == [("indirect", "the deal was off", "The mayor")]
    assert found("The mayor told her the deal was off.") == [("indirect", "the deal was off", "The mayor")]
    text = "We have to finish the job, the coach told his players before the final."
    assert found(text) == [("indirect", "We have to finish the job", "the coach")]
    assert found("The governor told her the deal was dead.") == [("indirect", "the deal was dead", "The governor")]


def test_a_quoted_show_name_in_the_adverbial_before_that_is_skipped(found: Found) -> None:
    text = 'The senator said on WXYZ\'s "Morning Line" that he would "take a look" at the bill.'
    assert found(text) == [("mixed", 'he would "take a look" at the bill', "The senator")]


def test_a_bare_noun_like_cue_after_a_plural_subject_and_before_its_object_is_a_verb(found: Found) -> None:
    assert found("Nineteen percent of the students polled support Ruiz.") == [
        ("indirect", "Ruiz", "Nineteen percent of the students polled")
    ]
    assert found("A growing number of senators support changing the school calendar.") == [
        ("indirect", "changing the school calendar", "A growing number of senators")
    ]
    # a compound noun stays a noun
    assert found("The plan won farm support in the spring.") == []
    # things are not sources: only people (plurals of speaker nouns and titles) take a stance
    assert found("Higher prices challenge the budget.") == []
    assert found("Rising rents attack the savings of young families.") == []


def test_an_adverbial_after_a_closing_cue_is_not_content(found: Found) -> None:
    text = "In Dayton on March 1, Ms. Ruiz was shocked by the crowd, she said in an interview later."
    assert found(text) == [("indirect", "In Dayton on March 1, Ms. Ruiz was shocked by the crowd", "she")]
    text = 'The plan would "end the program," Jane Ortiz declared in an interview Thursday, in her latest attack.'
    assert found(text) == [("mixed", 'The plan would "end the program,"', "Jane Ortiz")]
    # a quotation after the medium and its comma is what was said
    for text in (
        'The union said in a statement, "We will strike."',
        'The union said in a statement Thursday, "We will strike."',
        'Ms. Hale wrote on Twitter, "We will strike."',
    ):
        assert [q[:2] for q in found(text)] == [("direct", '"We will strike."')], text


def test_a_noun_seen_or_known_as_something_is_reported_with_no_source(found: Found) -> None:
    assert found("The two leaders won the run of primaries known as Lantern Week.") == [
        ("indirect", "the run of primaries known as Lantern Week", None)
    ]
    text = "The campaign spent $2 million in Ohio, a county widely seen as pivotal for the party."
    assert found(text) == [("indirect", "a county widely seen as pivotal for the party", None)]
    # a labelled subject ends before its verb
    assert found("The plan billed as a fresh start collapsed in May.") == [
        ("indirect", "The plan billed as a fresh start", None)
    ]
    assert found("The bill known as the Harbor Act was passed on Friday.") == [
        ("indirect", "The bill known as the Harbor Act", None)
    ]
    # nouns in -ly are nouns: "rally", "family", "assembly"
    assert found("Thousands came to the rally billed as a celebration of the harbor.") == [
        ("indirect", "the rally billed as a celebration of the harbor", None)
    ]
    text = 'At an event billed as "Hard Hats for Ruiz," the mayor unveiled a plan.'
    assert ("mixed", 'an event billed as "Hard Hats for Ruiz,"', None) in found(text)
    # a passive or a clause with its own subject is not a noun's label
    assert found("They see him as the favorite.") == [("indirect", "him as the favorite", "They")]


def test_a_quotation_then_a_name_and_any_past_tense_verb_is_that_speaker_s(found: Found) -> None:
    text = "\u201cIt was the only bill with support,\u201d Ms. Vance fumed on Tuesday. \u201cThat would have shown good faith.\u201d"
    assert found(text) == [
        ("direct", "\u201cIt was the only bill with support,\u201d", "Ms. Vance"),
        ("direct", "\u201cThat would have shown good faith.\u201d", "Ms. Vance"),
    ]
    text = "\u201cThis is fantastic!\u201d beamed Dana Hill of Dayton, who had driven all night."
    assert found(text) == [("direct", "\u201cThis is fantastic!\u201d", "Dana Hill")]
    assert found("\u201cThis is a big win for me,\u201d I confessed.") == [
        ("direct", "\u201cThis is a big win for me,\u201d", "I")
    ]
    # a quoted name followed by a participle is no one's words
    assert found('"Hard Hats," organized by the union, drew a crowd.') == []


def test_a_closing_according_to_sources_the_last_clause_before_it(found: Found) -> None:
    text = (
        "Part of that is money: she is one of the poorest members of the chamber, with a net worth "
        "estimated at less than $90,000, according to financial filings."
    )
    assert found(text) == [("indirect", "a net worth estimated at less than $90,000", "financial filings")]
    # an absolute clause with a participle stays part of the finding, and a time's colon is no break
    text = "Revenue fell in October, with betting dipping 1.3 percent, according to state figures."
    assert found(text) == [("indirect", "Revenue fell in October, with betting dipping 1.3 percent", "state figures")]
    text = "About 10:03 p.m., according to a timeline, the guards left."
    assert found(text)[0][1].startswith("About 10:03")
