"""Attributions beyond quoted speech: long sources, findings, beliefs, and where content ends.

PolNeAR-style news annotation counts every attribution (statements, beliefs, findings of
polls); these tests pin the shapes the rules read, on news-like sentences.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_according_to_takes_a_long_or_lower_case_source(found: Found) -> None:
    text = (
        "According to early returns of exit polls conducted for several television networks by "
        "a polling firm, most voters in both states feel angry at Washington."
    )
    assert found(text) == [
        (
            "indirect",
            "most voters in both states feel angry at Washington",
            "early returns of exit polls conducted for several television networks by a polling firm",
        )
    ]
    text = "Voters without a college degree made up a third of the electorate, according to exit polls."
    assert found(text) == [
        ("indirect", "Voters without a college degree made up a third of the electorate", "exit polls")
    ]


def test_inverted_cue_after_a_quotation_takes_a_long_speaker(found: Found) -> None:
    text = (
        "“It is going to be hard to do in a quick turnaround,” said a longtime data expert who has "
        "worked for one of the rival campaigns in Iowa and New Hampshire."
    )
    [(kind, quote, speaker)] = found(text)
    assert (kind, quote) == ("direct", "“It is going to be hard to do in a quick turnaround,”")
    assert speaker is not None and speaker.startswith("a longtime data expert")


def test_agree_and_doubled_consonant_forms_are_cues(found: Found) -> None:
    assert found("But most trustees agreed they had no real say in the matter at this stage.") == [
        ("indirect", "they had no real say in the matter at this stage", "most trustees")
    ]
    assert found("The governor preferred a toll-free bridge akin to expanding the ferry service.") == [
        ("indirect", "a toll-free bridge akin to expanding the ferry service", "The governor")
    ]


def test_stances_preferences_and_votes_are_attributed(found: Found) -> None:
    assert found("Among Democrats, 56 percent would vote for Ortiz for president.") == [
        ("indirect", "Ortiz for president", "56 percent")
    ]
    assert found("In 2008 she sought to counter Mr. Obama's appeal to young voters.") == [
        ("indirect", "to counter Mr. Obama's appeal to young voters", "she")
    ]


def test_beliefs_of_seeing_and_viewing_are_attributed(found: Found) -> None:
    assert found("Team Trump sees the convention as a second chance to win over women.") == [
        ("indirect", "the convention as a second chance to win over women", "Team Trump")
    ]


def test_referring_to_after_a_quotation_is_the_speaker_gloss(found: Found) -> None:
    text = "“We will get something done sooner or later,” Manchin said, referring to the seats Democrats hold."
    assert found(text) == [
        ("direct", "“We will get something done sooner or later,”", "Manchin"),
        ("indirect", "the seats Democrats hold", "Manchin"),
    ]


def test_addressee_after_remind_is_skipped(found: Found) -> None:
    assert found("Mr. Ryan reminded reporters that the House had passed the bill.") == [
        ("indirect", "the House had passed the bill", "Mr. Ryan")
    ]


def test_finding_reported_in_a_poll(found: Found) -> None:
    assert found("In the latest Quinnipiac poll, the senator leads his rival by 5 points.") == [
        ("indirect", "the senator leads his rival by 5 points", "the latest Quinnipiac poll")
    ]
    text = "The governor finished ahead of Clinton in hypothetical matchups, in recent polls from two networks."
    assert found(text) == [
        (
            "indirect",
            "The governor finished ahead of Clinton in hypothetical matchups",
            "recent polls from two networks",
        )
    ]
    # "in" before anything that is not a finding is just a preposition
    assert found("In a speech on Monday, the governor attacked the deal.") == [("indirect", "the deal", "the governor")]


def test_passive_of_an_event_verb_reports_nothing(found: Found) -> None:
    assert found("The judge was confirmed 92 to 0 last year.") == []
    assert found("The delegation was told that the talks would resume.") == [
        ("indirect", "the talks would resume", None)
    ]


def test_transcript_turn_is_the_labelled_speakers(found: Found) -> None:
    text = (
        "Senators spoke on the Sunday shows.\n"
        "TAPPER: Do you think the nominee has campaigned as a healer? Some say he has not.\n"
        "UPDATE: The interview aired on Sunday and was watched by millions."
    )
    assert found(text) == [
        ("indirect", "Do you think the nominee has campaigned as a healer? Some say he has not", "TAPPER")
    ]


def test_headline_name_with_audience_before_the_colon(found: Found) -> None:
    assert found("Ruiz to Teachers Union: Moreno will repeal the pension reform") == [
        ("indirect", "Moreno will repeal the pension reform", "Ruiz")
    ]
    assert found("Trump has won several states on Tuesday: Georgia, Alabama and Tennessee.") == []


def test_what_seems_so_is_an_impression_with_no_source(found: Found) -> None:
    text = "Indeed, a wider group of harbor workers appears to be moving behind Ruiz, despite holdouts."
    assert found(text) == [("indirect", "a wider group of harbor workers appears to be moving behind Ruiz", None)]
    assert found("But he seemed rattled by attacks from the governor at the final debate.") == [
        ("indirect", "he seemed rattled by attacks from the governor at the final debate", None)
    ]
    assert found("Although nothing is certain, it seems the party has too many superdelegates.") == [
        ("indirect", "the party has too many superdelegates", None)
    ]
    # a literal appearance reports nothing
    assert found("The governor appeared on Fox News on Sunday.") == []


def test_relative_clause_naming_is_its_own_attribution(found: Found) -> None:
    text = (
        "Okafor said he has backed legislation aimed at ticket resellers, which he called "
        "“a racket for live music.”"
    )
    assert found(text) == [
        ("indirect", "he has backed legislation aimed at ticket resellers", "Okafor"),
        ("mixed", "which he called “a racket for live music.”", "he"),
    ]


def test_criticism_verbs_are_stances(found: Found) -> None:
    assert found("Rubio also bemoaned the political climate in which people “hate each other.”") == [
        ("mixed", "the political climate in which people “hate each other.”", "Rubio")
    ]
    assert found("The senator took aim at the trade deal.") == [("indirect", "the trade deal", "The senator")]


def test_while_starts_a_new_attribution(found: Found) -> None:
    text = (
        "Mr. Lund argued it was both a zoning dispute and a budget fight, while the program's host "
        "sought to draw a line between the two."
    )
    assert found(text) == [
        ("indirect", "it was both a zoning dispute and a budget fight", "Mr. Lund"),
        ("indirect", "to draw a line between the two", "the program's host"),
    ]


def test_poll_source_keeps_its_day_and_is_not_a_person() -> None:
    text = "In a statewide Tribune/KVX poll released Monday, 31% of commuters said they were satisfied."
    doc: Document = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    [span] = doc.layer("quotes")
    assert doc.text[span.start : span.end] == "31% of commuters said they were satisfied"
    assert span.data["speaker"]["name"] == "a statewide Tribune/KVX poll released Monday"


def test_possessive_stating_noun_with_a_clause(found: Found) -> None:
    text = "After several controversies, including Mr. Trump's assertion that Russia should hack the emails, the party split."
    assert found(text) == [("indirect", "that Russia should hack the emails", "Mr. Trump's")]
    text = "A second-place finish would bolster Rubio's claim to be the strongest alternative to Trump."
    assert found(text) == [("indirect", "to be the strongest alternative to Trump", "Rubio's")]
    # inside what someone said, the noun's clause is part of that content
    assert found("He said his plan to cut taxes would work.") == [
        ("indirect", "his plan to cut taxes would work", "He")
    ]
    # no possessive, no source
    assert found("The plan to cut taxes failed in the Senate.") == []


def test_participle_after_a_quotation_with_its_comma_is_a_new_clause(found: Found) -> None:
    text = "Ruiz said things “should be settled by Easton,” referring to the union's June congress."
    assert found(text) == [
        ("mixed", "things “should be settled by Easton,”", "Ruiz"),
        ("indirect", "the union's June congress", "Ruiz"),
    ]


def test_mixed_content_ends_with_its_quotation(found: Found) -> None:
    text = 'Cruz knocked Rubio on trade and called him a "moderate," a subtle dig at a former tea party darling.'
    assert found(text) == [("mixed", 'him a "moderate,"', "Cruz")]
    assert found("He later said her tone was “aggressive” and boycotted one of the debates.") == [
        ("mixed", "her tone was “aggressive”", "He")
    ]


def test_phrasal_cues_inflect_their_head(found: Found) -> None:
    assert found("The mayor spoke out against the plan to close the clinics.") == [
        ("indirect", "the plan to close the clinics", "The mayor")
    ]
    assert found("In an interview, Clinton laughed off the attack ad.") == [("indirect", "the attack ad", "Clinton")]
    assert found("The senator echoes the concerns of many in her party.") == [
        ("indirect", "the concerns of many in her party", "The senator")
    ]


def test_content_around_according_to_is_one_span(found: Found) -> None:
    text = "About 9:41 p.m., according to a county timeline, the crew left for the depot."
    assert found(text) == [
        (
            "indirect",
            "About 9:41 p.m., according to a county timeline, the crew left for the depot",
            "a county timeline",
        )
    ]


def test_relative_pronoun_object_joins_the_content(found: Found) -> None:
    assert found("The tribunal ruled against the claims, which Northvale has vowed to ignore.") == [
        ("indirect", "which Northvale has vowed to ignore", "Northvale")
    ]


def test_impression_runs_over_abbreviated_titles(found: Found) -> None:
    text = "In another letter, the trust appeared to push aides to Mrs. Ruiz to help find a venue."
    assert found(text) == [
        ("indirect", "the trust appeared to push aides to Mrs. Ruiz to help find a venue", None)
    ]


def test_a_yes_or_no_answer_is_content(found: Found) -> None:
    text = "Asked whether she has the integrity to serve, 75 percent of Democrats said yes."
    # the question put is an attribution of its own, with no one named as asking it
    assert found(text) == [
        ("indirect", "whether she has the integrity to serve", None),
        ("indirect", "yes", "75 percent of Democrats"),
    ]
    assert found("The governor said Monday.") == []


def test_inverted_speaker_after_a_quotation_may_start_lower_case(found: Found) -> None:
    text = (
        '"It is his best role," said veteran organizer Dana Pike, who is not with a campaign. "It is a hot item."'
    )
    assert found(text) == [
        ("direct", '"It is his best role,"', "veteran organizer Dana Pike"),
        ("direct", '"It is a hot item."', "veteran organizer Dana Pike"),
    ]


def test_shot_back_is_a_cue(found: Found) -> None:
    assert found("“They are here for the free stuff,” Bennett shot back with a laugh.") == [
        ("direct", "“They are here for the free stuff,”", "Bennett")
    ]


def test_belief_verb_after_a_modal_is_not_a_report(found: Found) -> None:
    assert found("Mr. Halloran could still find a way to the final.") == []
    assert found("Mr. Halloran found the final was out of reach.") == [
        ("indirect", "the final was out of reach", "Mr. Halloran")
    ]


def test_thousands_are_one_number_and_a_stance_may_be_on_one_name(found: Found) -> None:
    assert found("In the state's Republican caucuses, 34,000 people supported Trump.") == [
        ("indirect", "Trump", "34,000 people")
    ]


def test_abbreviated_title_in_an_addressee_is_skipped(found: Found) -> None:
    assert found("He has advised Sen. John McCain that the plan would fail.") == [
        ("indirect", "the plan would fail", "He")
    ]


def test_noun_with_a_participle_and_its_agent(found: Found) -> None:
    text = "The United States urged countries to back the ruling, a call echoed by Japan on Saturday."
    assert found(text) == [
        ("indirect", "to back the ruling", "The United States"),
        ("indirect", "a call", "Japan"),
    ]


def test_passive_stance_with_its_agent(found: Found) -> None:
    assert found("In Vermont, Bernie Sanders was supported by large majorities of both men and women.") == [
        ("indirect", "Bernie Sanders", "large majorities of both men and women")
    ]
