"""Constructions added in the third recall pass: appositions with verbs in them, and the
cues and shapes listed in the README's "What is detected" since then.

Each test is a sentence written in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.lexicon import verb_forms

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


def test_content_may_follow_a_time_adverbial_or_open_with_this(found: Found) -> None:
    assert found("The mayor said last week the budget would be balanced.") == [
        ("indirect", "the budget would be balanced", "The mayor")
    ]
    assert found("The mayor said Monday the budget would be balanced.") == [
        ("indirect", "the budget would be balanced", "The mayor")
    ]
    assert found("Supporters of the plan said this is only the first step.") == [
        ("indirect", "this is only the first step", "Supporters of the plan")
    ]
    # a lower-case "may" or "march" after this/last is a verb, not the month
    assert found("The senator said this may be his last campaign.") == [
        ("indirect", "this may be his last campaign", "The senator")
    ]
    assert found("Organisers said this march will be peaceful.") == [
        ("indirect", "this march will be peaceful", "Organisers")
    ]


def test_a_bare_plural_noun_may_be_the_speaker(found: Found) -> None:
    text = "If prices keep rising, economists say the central bank will act in March."
    assert found(text) == [("indirect", "the central bank will act in March", "economists")]


def test_a_finding_verb_after_a_long_subject_naming_a_poll_or_record_is_a_cue(found: Found) -> None:
    text = "A state university poll, conducted by phone over four days, shows the governor with a narrow lead."
    assert found(text) == [("indirect", "the governor with a narrow lead", "A state university poll")]
    assert found("A video of the rally shows protesters being pushed toward the exit.") == [
        ("indirect", "protesters being pushed toward the exit", "A video of the rally")
    ]
    assert found("Polls there show the incumbent trailing by six points.") == [
        ("indirect", "the incumbent trailing by six points", "Polls there")
    ]
    # a plural noun before "shows" with no finding in its clause is still a noun
    assert found("The talk shows on Sunday ignored the vote.") == []


def test_a_stance_is_on_the_object_up_to_the_first_comma(found: Found) -> None:
    text = "The union endorsed Ms. Alvarez, the city's former housing director, in a vote on Friday."
    assert found(text) == [("indirect", "Ms. Alvarez", "The union")]
    text = "The judge rejected both motions, ruled the ballot valid and ordered a recount."
    assert ("indirect", "both motions", "The judge") in found(text)
    # with a quotation in it the content is the speaker's words, kept whole
    text = "The mayor criticized the plan, calling it “a giveaway to developers, plain and simple.”"
    assert found(text)[0] == ("indirect", "the plan", "The mayor")
    text = "The mayor criticized “the giveaway, plain and simple” in the plan."
    assert found(text) == [("mixed", "“the giveaway, plain and simple” in the plan", "The mayor")]


def test_quoting_ordering_and_nominating_are_cues(found: Found) -> None:
    assert found("The judge ordered a review of the county's voter rolls.") == [
        ("indirect", "a review of the county's voter rolls", "The judge")
    ]
    text = "The governor nominated Ms. Park, a former prosecutor, to the state supreme court."
    assert found(text) == [("indirect", "Ms. Park", "The governor")]
    text = "An early post quoted the mayor as saying the curfew would end on Friday."
    assert found(text)[0][0::2] == ("indirect", "An early post")


def test_verbs_ending_in_a_short_vowel_and_consonant_double_it() -> None:
    assert {"slammed", "slamming"} <= set(verb_forms("slam"))
    assert {"dubbed", "dubbing"} <= set(verb_forms("dub"))
    assert {"shrugged off", "shrugging off"} <= set(verb_forms("shrug off"))


def test_a_speaker_may_hold_a_to_phrase_a_bracket_or_a_time_clause_before_the_cue(found: Found) -> None:
    text = "The head of the city's delegation to the summit said the talks had stalled."
    assert found(text) == [("indirect", "the talks had stalled", "The head of the city's delegation to the summit")]
    text = "Rep. Dana Cole (D-Ore.), who chairs the panel, said in a statement that the vote was overdue."
    assert found(text) == [("indirect", "the vote was overdue", "Rep. Dana Cole")]
    text = "The senator, when asked about the deficit, replied that spending would fall."
    assert ("indirect", "spending would fall", "The senator") in found(text)


def test_a_stating_noun_may_follow_adjectives_or_an_article(found: Found) -> None:
    text = "The mayor's repeated unfounded assertion that crime had doubled, aired on radio, drew a rebuke."
    assert found(text)[0] == ("indirect", "that crime had doubled", "The mayor's")
    text = "Yet the notion that the plant was unsafe, once a fringe view, has spread."
    assert found(text) == [("indirect", "that the plant was unsafe", None)]
    # "the decision to ...": whose decision an article does not say
    assert found("The decision to close the plant, made in March, stood.") == []


def test_referencing_invoking_and_making_a_point_are_cues(found: Found) -> None:
    assert found("The senator referenced the 2008 bailout in her closing remarks.") == [
        ("indirect", "the 2008 bailout in her closing remarks", "The senator")
    ]
    assert found("The coach made the point that the schedule had been brutal.") == [
        ("indirect", "the schedule had been brutal", "The coach")
    ]
    # a noun after an article is not a cue
    assert found("The reference to the bailout drew applause.") == []


def test_a_stance_noun_after_a_possessive_is_an_attribution(found: Found) -> None:
    text = "The governor's sharp criticism of the transit board, aired on Monday, surprised aides."
    assert found(text) == [("indirect", "the transit board", "The governor's")]
    text = "His calls for an independent audit, first made in May, went unanswered."
    assert found(text) == [("indirect", "an independent audit", "His")]
    # an article tells nothing about whose criticism it is
    assert found("The criticism of the transit board grew louder.") == []


def test_a_noun_like_cue_after_a_modal_or_an_adverb_is_a_verb(found: Found) -> None:
    text = "If elected, the candidate would support tying school funding to test scores."
    assert ("indirect", "tying school funding to test scores", "the candidate") in found(text)
    assert found("Rural voters overwhelmingly support the incumbent.") == [
        ("indirect", "the incumbent", "Rural voters")
    ]
    # without such a word before it, "support" after an adjective is still a noun
    assert found("Strong rural support helped the incumbent.") == []


def test_a_hyphenated_age_before_a_cue_is_a_speaker_not_a_number(found: Found) -> None:
    text = "“Why not ask the neighbors?” the 43-year-old asked in a post."
    assert found(text) == [("direct", "“Why not ask the neighbors?”", "the 43-year-old")]


def test_an_addressee_noun_phrase_is_skipped_whole(found: Found) -> None:
    text = "The plant will stay open, the governor told a state Senate panel Wednesday."
    assert found(text) == [("indirect", "The plant will stay open", "the governor")]


def test_an_infinitive_cue_takes_the_sentence_subject(found: Found) -> None:
    text = "The senator traveled to Ohio on Friday to announce her plan for the steel industry."
    assert found(text) == [("indirect", "her plan for the steel industry", "The senator")]
    # a belief in the infinitive ("it is important to remember") is not the subject's report,
    # unless a question follows it
    assert found("Voters went to the polls to remember the fallen.") == []
    assert found("Investors waited to see whether the bank would cut rates.") == [
        ("indirect", "whether the bank would cut rates", "Investors")
    ]


def test_a_joint_source_opening_the_sentence_is_kept_as_written() -> None:
    text = "Lopez and Brandt used a joint appearance on Monday to reiterate their opposition to the levy."
    doc: Document = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    [span] = doc.layer("quotes")
    assert doc.text[span.start : span.end] == "their opposition to the levy"
    assert span.data["speaker"]["name"] == "Lopez and Brandt"
    assert [s["kind"] for s in doc.meta["quotes.speakers"]] == ["other"]


def test_a_relative_clause_with_its_own_cue_does_not_swallow_the_main_cue(found: Found) -> None:
    text = "Former mayor Ann Ruiz, who on Tuesday endorsed Mr. Park, said Wednesday she expects a close race."
    assert found(text) == [
        ("indirect", "Mr. Park", "who"),
        ("indirect", "she expects a close race", "Former mayor Ann Ruiz"),
    ]


def test_a_stance_may_be_on_one_lower_case_noun(found: Found) -> None:
    assert found("The governor opposes abortion.") == [("indirect", "abortion", "The governor")]
    # an adverb after the cue is not an object
    assert found("The governor backed down again.") == []


def test_since_may_stand_between_an_auxiliary_and_the_cue(found: Found) -> None:
    assert found("The company has since acknowledged that the data was exposed.") == [
        ("indirect", "the data was exposed", "The company")
    ]


def test_a_long_subject_headed_by_those_may_take_a_bare_cue(found: Found) -> None:
    text = "Even those who have drawn up plans for a recount acknowledge that the odds are long."
    assert found(text) == [("indirect", "the odds are long", "Even those")]


def test_continue_to_and_hint_at_keep_the_subject_and_the_object(found: Found) -> None:
    assert found("I continue to believe that the tax will be repealed.") == [
        ("indirect", "the tax will be repealed", "I")
    ]
    assert found("The mayor hints at a run for governor.") == [("indirect", "a run for governor", "The mayor")]


def test_a_participle_cue_after_and_takes_the_sentence_subject(found: Found) -> None:
    text = "The senator has been making the rounds and boldly claiming that the seat is hers to lose."
    assert found(text) == [("indirect", "the seat is hers to lose", "The senator")]


def test_participle_cues_joined_by_and_are_attributions_each(found: Found) -> None:
    text = "The mayor criticized the plan on Monday, calling it “reckless” and insisting that the council vote again."
    assert found(text)[1:] == [
        ("mixed", "it “reckless”", "The mayor"),
        ("indirect", "the council vote again", "The mayor"),
    ]
    # after a finite cue, a participle after "and" is part of what was said
    text = "The minister said the office had sent a letter rejecting the charges and warning against delays."
    assert len(found(text)) == 1


def test_a_long_subject_between_a_comma_and_a_closing_cue_is_the_speaker(found: Found) -> None:
    text = "The fund spent $3 million on ads, state election records compiled by a watchdog group show."
    assert found(text) == [
        ("indirect", "The fund spent $3 million on ads", "state election records compiled by a watchdog group")
    ]


def test_according_to_a_source_with_an_apposition_or_inside_a_bracket(found: Found) -> None:
    text = (
        "Turnout fell in every county that the storm hit, according to an analysis by Ann Ho, "
        "a political scientist at the state university."
    )
    assert found(text) == [("indirect", "Turnout fell in every county that the storm hit", "an analysis by Ann Ho")]
    text = "He repeated the figure of 81 percent (the real share is near 15 percent, according to the agency)."
    assert found(text) == [("indirect", "the real share is near 15 percent", "the agency")]


def test_a_speech_verb_that_takes_an_object_may_have_one_noun_as_content(found: Found) -> None:
    assert found("The challenger claimed victory.") == [("indirect", "victory", "The challenger")]
    # "said" and "responded" take no one-word object: the word is an adverb
    assert found("The challenger responded immediately.") == []
    assert found("The challenger said today.") == []


def test_after_a_causative_the_infinitive_cue_takes_its_object_as_speaker(found: Found) -> None:
    text = "The ruling prompted several county clerks to say that they would appeal."
    assert found(text) == [("indirect", "they would appeal", "several county clerks")]


def test_a_question_put_may_open_with_whom_and_its_cues_are_part_of_it(found: Found) -> None:
    text = "When asked whom she would back, the mayor smiled."
    assert found(text) == [("indirect", "whom she would back", None)]
    text = "When asked whom she supported, Ms. Lane smiled and said, “I'm still listening.”"
    assert found(text) == [
        ("indirect", "whom she supported", None),
        ("direct", "“I'm still listening.”", "Ms. Lane"),
    ]


def test_a_noun_and_its_participle_cue_may_have_an_adverb_between(found: Found) -> None:
    text = "The clinic had closed in May - a fact first reported by a local radio station."
    assert found(text) == [("indirect", "a fact", "a local radio station")]


def test_back_and_forth_is_no_stance(found: Found) -> None:
    assert found("The debate swung wildly back and forth all night.") == []


def test_a_stance_verb_after_a_comma_is_not_inverted(found: Found) -> None:
    text = "Ms. Ortiz, a longtime strategist who took over the campaign in May, offered an olive branch to the union."
    assert found(text)[-1] == ("indirect", "an olive branch to the union", "Ms. Ortiz")


def test_so_may_be_the_whole_content(found: Found) -> None:
    assert found("His rivals never thought so.") == [("indirect", "so", "His rivals")]


def test_a_cue_after_a_comma_and_and_begins_a_new_attribution(found: Found) -> None:
    text = "The jet was insured for $35 million in 2011, records show, and brokers say it is now worth half that."
    assert found(text) == [
        ("indirect", "The jet was insured for $35 million in 2011", "records"),
        ("indirect", "it is now worth half that", "brokers"),
    ]


def test_a_that_after_an_auxiliary_in_the_content_is_a_pronoun(found: Found) -> None:
    assert found("Brokers say it is now worth half that.") == [("indirect", "it is now worth half that", "Brokers")]
