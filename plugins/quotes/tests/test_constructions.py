"""More constructions news uses to attribute: questions put, findings of records, long
subjects and inverted speakers, Title Case headlines, passives with agents, shares of those
polled, relative clauses, and the lexicon's newer verbs.

Each test is a sentence written in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_a_question_put_with_no_asker_is_reported_without_a_speaker(found: Found) -> None:
    text = "Asked whether the deal would survive the vote, the senator said he was hopeful."
    assert found(text) == [
        ("indirect", "whether the deal would survive the vote", None),
        ("indirect", "he was hopeful", "the senator"),
    ]
    text = "“Nobody gets it right every time,” the mayor said when asked about the new budget, which passed in May."
    assert ("indirect", "the new budget", None) in found(text)


def test_an_adverbial_may_stand_between_asked_and_the_question(found: Found) -> None:
    text = "Asked during a radio interview why turnout fell, the governor blamed the weather."
    assert found(text)[0] == ("indirect", "why turnout fell", None)


def test_asked_with_a_subject_is_an_ordinary_cue(found: Found) -> None:
    # the subject asked the question: the speaker is named, the question is the content
    [(kind, _, speaker)] = found("The chairman asked whether the hearing could be delayed.")
    assert (kind, speaker) == ("indirect", "The chairman")


def test_findings_of_records_and_filings_are_attributed(found: Found) -> None:
    assert found("Court records show the company paid no federal tax in 2014.") == [
        ("indirect", "the company paid no federal tax in 2014", "Court records")
    ]
    assert found("New filings show the campaign has less than $2 million on hand.") == [
        ("indirect", "the campaign has less than $2 million on hand", "New filings")
    ]


def test_verbs_of_expressing_pointing_and_offering_are_cues(found: Found) -> None:
    assert found("The senator made clear that she would not back the bill.") == [
        ("indirect", "she would not back the bill", "The senator")
    ]
    assert found("Aides pointed to his record on trade.") == [("indirect", "his record on trade", "Aides")]
    assert found("The governor expressed doubts about the merger.") == [
        ("indirect", "doubts about the merger", "The governor")
    ]
    assert found("Republicans voted against the measure in committee.") == [
        ("indirect", "the measure in committee", "Republicans")
    ]


def test_a_subject_with_a_relative_clause_keeps_its_head_as_speaker(found: Found) -> None:
    text = (
        "Some voters who have heard the former president speak over the decades, on television or at "
        "small events, said he had less energy than they remembered."
    )
    assert found(text) == [("indirect", "he had less energy than they remembered", "Some voters")]
    text = (
        "Ms. Ortiz, whose family moved to the city in 2009 after being priced out of their old "
        "apartment, said the neighborhood had changed beyond recognition."
    )
    assert found(text) == [("indirect", "the neighborhood had changed beyond recognition", "Ms. Ortiz")]


def test_said_after_content_and_a_relative_clause_takes_the_name_after_it(found: Found) -> None:
    text = (
        "The senator also lacks allies in Congress, whom he has alienated with his rhetoric, said "
        "Martin Hale, director of the Institute for Public Affairs."
    )
    assert found(text) == [
        (
            "indirect",
            "The senator also lacks allies in Congress, whom he has alienated with his rhetoric",
            "Martin Hale",
        )
    ]


def test_a_clause_after_said_is_content_not_an_inverted_speaker(found: Found) -> None:
    assert found("Jeb Bush, the former governor, said the plan would fail.") == [
        ("indirect", "the plan would fail", "Jeb Bush")
    ]
    # an addressee after "told" is not the speaker
    assert found("“We will win,” Jeb Bush, the former Florida governor, told CNN.") == [
        ("direct", "“We will win,”", "Jeb Bush")
    ]


def test_a_title_case_headline_capitalises_its_cue(found: Found) -> None:
    assert found("Another GOP Senator Endorses Hillary Clinton") == [
        ("indirect", "Hillary Clinton", "Another GOP Senator")
    ]
    assert found("Governor Says State Will Appeal Ruling On Voter Maps") == [
        ("indirect", "State Will Appeal Ruling On Voter Maps", "Governor")
    ]
    # in running text a capitalised cue word is a name or starts a sentence, not a cue
    assert found("Mr. Wants and his brother run the family store in Dayton.") == []


def test_maintain_reports_only_before_a_clause(found: Found) -> None:
    assert found("The campaign has maintained that the donations were legal.") == [
        ("indirect", "the donations were legal", "The campaign")
    ]
    assert found("Rubio still maintains an overwhelming lead in congressional endorsements.") == []


def test_a_cue_word_with_a_particle_is_another_verb(found: Found) -> None:
    assert found("Facing blowback from the unions, the government backed off within a week.") == []
    assert found("The governor backed the measure within a week.") == [
        ("indirect", "the measure within a week", "The governor")
    ]


def test_a_raised_passive_reports_the_whole_clause(found: Found) -> None:
    text = "All three candidates are expected to speak at the gala on Thursday night."
    assert found(text) == [
        ("indirect", "All three candidates are expected to speak at the gala on Thursday night", None)
    ]
    # after "was told that" the subject is the addressee, not part of what was said
    assert found("The delegation was told that the talks would resume.") == [
        ("indirect", "the talks would resume", None)
    ]


def test_shares_written_as_fractions_or_x_in_y_are_subjects(found: Found) -> None:
    text = (
        "Six in 10 primary voters said the governor is honest, and three-quarters said the same of "
        "the mayor, while nearly three in five said they were undecided."
    )
    assert found(text) == [
        ("indirect", "the governor is honest", "Six in 10 primary voters"),
        ("indirect", "the same of the mayor", "three-quarters"),
        ("indirect", "they were undecided", "nearly three in five"),
    ]


def test_a_sentence_may_end_with_a_dotted_abbreviation(found: Found) -> None:
    text = "The rules will not apply to cargo arriving by sea in the U.S. They will expand one program, officials said."
    assert found(text) == [("indirect", "They will expand one program", "officials")]


def test_saying_after_an_object_takes_the_sentence_subject(found: Found) -> None:
    text = "The Vermont senator rallied supporters saying the campaign would go on to the convention."
    assert found(text) == [("indirect", "the campaign would go on to the convention", "The Vermont senator")]
    # after a cue with an addressee, "saying" is part of that cue
    text = "The Vermont senator emailed supporters saying the campaign would go on to the convention."
    assert found(text) == [("indirect", "the campaign would go on to the convention", "The Vermont senator")]


def test_according_to_closing_a_sentence_owns_the_cues_before_it(found: Found) -> None:
    text = "Some 61 percent of likely voters view the mayor unfavorably, according to a new city poll."
    assert found(text) == [
        ("indirect", "Some 61 percent of likely voters view the mayor unfavorably", "a new city poll")
    ]
    text = "Most Democratic voters said the economy was their top concern, according to preliminary exit polls."
    assert found(text) == [
        ("indirect", "Most Democratic voters said the economy was their top concern", "preliminary exit polls")
    ]


def test_according_to_with_no_comma_before_it_closes_only_its_clause(found: Found) -> None:
    text = (
        "Entering the final contests in June, the governor leads by 271 pledged delegates according to "
        "a count by The Harbor Ledger, but his rival has vowed to fight on."
    )
    assert found(text)[0] == (
        "indirect",
        "the governor leads by 271 pledged delegates",
        "a count by The Harbor Ledger",
    )


def test_a_paraphrase_finished_by_a_quotation_around_the_cue_is_one_mixed_quote(found: Found) -> None:
    text = 'Sooner or later, the governor told reporters, "it starts to pay off."'
    assert found(text) == [("mixed", text, "the governor")]
    # an adverbial before the cue is not content: the quotation alone is direct
    assert found('On Monday, the governor said, "it starts to pay off."') == [
        ("direct", '"it starts to pay off."', "the governor")
    ]


def test_a_name_does_not_run_over_a_full_stop_after_a_word() -> None:
    text = "He flew to Chicago on Tuesday to meet the candidate at Union Station. Whitaker told reporters the campaign was united."
    doc: Document = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    [quote] = doc.layer("quotes")
    assert quote.data["speaker"]["name"] == "Whitaker"


def test_a_gerund_cue_after_a_preposition_takes_the_sentence_subject(found: Found) -> None:
    text = "The senator has been the most aggressive in the field in denouncing the trade deal."
    assert found(text) == [("indirect", "the trade deal", "The senator")]


def test_a_gerund_cue_after_a_verb_taking_a_gerund_or_a_manner_adverb_takes_the_subject(found: Found) -> None:
    assert found("The senator kept denouncing the trade deal.") == [("indirect", "the trade deal", "The senator")]
    assert found("The governor avoided publicly denouncing the trade deal.") == [
        ("indirect", "the trade deal", "The governor")
    ]


def test_a_relative_that_is_a_speaker_and_its_clause_ends_the_content(found: Found) -> None:
    text = "An activist group that endorsed Sanders in the primary, launched a petition on Wednesday."
    assert found(text) == [("indirect", "Sanders in the primary", "that")]
    text = "Jane Smith, who endorsed Sanders in the primary, launched a petition on Wednesday."
    assert found(text) == [("indirect", "Sanders in the primary", "who")]
    # "that" after a reporting verb is a conjunction, not a speaker
    assert found("He said that endorsed candidates would win.") == [("indirect", "endorsed candidates would win", "He")]


def test_content_after_an_adverbial_may_start_with_a_pronoun_and_no_that(found: Found) -> None:
    text = 'The senator said on Thursday he "hand-delivered a letter" to the attorney general.'
    assert found(text) == [("mixed", 'he "hand-delivered a letter" to the attorney general', "The senator")]
    text = "The seller wrote in both listings he was honored to announce the sale."
    assert found(text) == [("indirect", "he was honored to announce the sale", "The seller")]


def test_most_before_said_is_a_subject_not_a_degree(found: Found) -> None:
    assert found("Most Republicans were worried about the economy; most said they were very worried.") == [
        ("indirect", "they were very worried", "most")
    ]


def test_a_manner_adverb_may_stand_between_speaker_and_cue(found: Found) -> None:
    assert found("Both of his home-state senators strongly supported him.") == [
        ("indirect", "him", "Both of his home-state senators")
    ]
    assert found("The governor dutifully recounts the achievements of the health law.") == [
        ("indirect", "the achievements of the health law", "The governor")
    ]
    # a noun in -ly is not an adverb
    assert found("The family said it was grateful.") == [("indirect", "it was grateful", "The family")]


def test_most_opening_a_clause_is_a_subject(found: Found) -> None:
    assert found("Most believe that the economy has improved since he was elected.") == [
        ("indirect", "the economy has improved since he was elected", "Most")
    ]


def test_a_stance_participle_after_a_plural_noun_is_that_group_s(found: Found) -> None:
    text = "He has poured thousands of dollars into groups backing Senator Ana Ruiz of Nevada."
    assert found(text) == [("indirect", "Senator Ana Ruiz of Nevada", "groups")]


def test_an_adverb_may_stand_between_asked_and_the_question(found: Found) -> None:
    text = "The senator, when asked specifically what was wrong with the plan, responded that it cost too much."
    assert found(text)[0] == ("indirect", "what was wrong with the plan", None)


def test_a_pronoun_after_said_opens_content_not_an_inverted_speaker(found: Found) -> None:
    text = (
        "Other prominent trustees, like two former board chairs \u2015 both big names in the club "
        "\u2015 have also said they're not voting for him."
    )
    assert found(text) == [("indirect", "they're not voting for him", "Other prominent trustees")]


def test_verbs_of_likening_portraying_and_emailing_are_cues(found: Found) -> None:
    assert found("The governor likened the tax to a toll on working families.") == [
        ("indirect", "the tax to a toll on working families", "The governor")
    ]
    assert found("Her campaign emailed supporters that the race was tightening.") == [
        ("indirect", "the race was tightening", "Her campaign")
    ]
    assert found("The council voted to pay $5 million to the victims.") == [
        ("indirect", "pay $5 million to the victims", "The council")
    ]


def test_verbs_of_disputing_and_belittling_are_cues(found: Found) -> None:
    assert found("The mayor disputed the account given by the police union.") == [
        ("indirect", "the account given by the police union", "The mayor")
    ]
    assert found("The senator ruled out a run for governor next year.") == [
        ("indirect", "a run for governor next year", "The senator")
    ]
    assert found("The challenger belittled the incumbent's record on jobs.") == [
        ("indirect", "the incumbent's record on jobs", "The challenger")
    ]


def test_firing_and_hitting_back_are_cues(found: Found) -> None:
    assert found("The governor fired back that the state had balanced its budget.") == [
        ("indirect", "the state had balanced its budget", "The governor")
    ]
    assert found("Clinton hit back at the senator over his record on guns.") == [
        ("indirect", "the senator over his record on guns", "Clinton")
    ]


def test_a_plural_noun_before_a_comma_is_not_a_cue(found: Found) -> None:
    text = (
        "Beijing's influence has provoked mixed feelings in many Asian states, and it has used a soft "
        "touch with its neighbours, said Nargis Kassenova, an expert at a university in Almaty."
    )
    assert found(text) == [
        (
            "indirect",
            "Beijing's influence has provoked mixed feelings in many Asian states, and it has used a soft "
            "touch with its neighbours",
            "Nargis Kassenova",
        )
    ]


def test_by_and_a_gerund_after_a_cue_is_a_means_not_an_agent(found: Found) -> None:
    text = "He concluded by implying that some government insurance would be needed."
    assert found(text) == [("indirect", "by implying that some government insurance would be needed", "He")]


def test_a_passive_with_an_agent_reports_its_subject_whatever_its_shape(found: Found) -> None:
    assert found("The senator's stridency was echoed by former Maryland Gov. Martin O'Malley.") == [
        ("indirect", "The senator's stridency", "former Maryland Gov. Martin O'Malley")
    ]
    assert found("The app's ban of the user was first reported by BuzzFeed.") == [
        ("indirect", "The app's ban of the user", "BuzzFeed")
    ]
    # after "was told by X that", the subject is the addressee and the content follows
    [(kind, quote, _)] = found("The delegation was told by officials that the talks would resume.")
    assert (kind, quote) == ("indirect", "the talks would resume")


def test_a_quotation_after_a_sentence_ending_in_a_question_put_continues_the_speaker(found: Found) -> None:
    text = (
        "“Nobody gets it perfect,” the mayor said when asked about the budget. “The job is to keep making it better.”"
    )
    assert found(text) == [
        ("direct", "“Nobody gets it perfect,”", "the mayor"),
        ("indirect", "the budget", None),
        ("direct", "“The job is to keep making it better.”", "the mayor"),
    ]


def test_said_may_open_a_sentence_before_its_speaker(found: Found) -> None:
    text = 'Said the director, "An error on our part is very painful to us."'
    assert found(text) == [("direct", '"An error on our part is very painful to us."', "the director")]
    text = 'Says the director, "An error on our part is very painful to us."'
    assert found(text) == [("direct", '"An error on our part is very painful to us."', "the director")]


def test_a_quotation_right_after_a_cue_with_an_addressee_is_what_was_said(found: Found) -> None:
    text = "The governor cautioned “let's not celebrate too early,” before predicting a win in May."
    assert found(text) == [
        ("direct", "“let's not celebrate too early,”", "The governor"),
        ("indirect", "a win in May", "The governor"),
    ]


def test_a_person_named_right_before_a_colon_speaks_the_quotation_after_it() -> None:
    text = (
        "The timing of the surge does not surprise Republican pollster Rosa Delgado: "
        "“Historically, lesser-known candidates have seen the biggest boost.”"
    )
    doc: Document = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    [quote] = doc.layer("quotes")
    assert doc.text[quote.start : quote.end].startswith("“Historically")
    assert quote.data["speaker"]["name"] == "Rosa Delgado"
    assert quote.data["speaker"]["role"] == "Republican pollster"


def test_as_someone_put_it_introduces_a_quotation(found: Found) -> None:
    assert found("As one strategist put it, “The voters have spoken.”") == [
        ("direct", "“The voters have spoken.”", "one strategist")
    ]


def test_a_belief_participle_after_a_comma_is_its_own_attribution(found: Found) -> None:
    text = "Allies say that he sees no need to engage either man, believing that the nominee can handle them."
    assert found(text) == [
        ("indirect", "he sees no need to engage either man", "Allies"),
        ("indirect", "the nominee can handle them", "Allies"),
    ]


def test_a_clause_joined_by_as_with_its_own_speaker_and_cue_is_a_new_attribution(found: Found) -> None:
    text = "The pope said the rich must share their wealth, as he called for greater ethics in business."
    assert found(text) == [
        ("indirect", "the rich must share their wealth", "The pope"),
        ("indirect", "greater ethics in business", "he"),
    ]
