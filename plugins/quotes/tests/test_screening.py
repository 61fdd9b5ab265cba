"""The paragraph screen: paragraphs (and sentences) skipped unread change nothing in the output.

Each text below is read twice, with the screen and without it, and must give the same
quotes, speakers and offsets; the paragraphs the rules need (colon headlines, transcript
turns, continuations, stating nouns, polls, pronouns named in a skipped paragraph) must
still give their quotes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.attribution import Attributor
from copydesk_quotes.screening import ParagraphScreen

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _step(screen: bool, **config: Any) -> AttributeQuotes:
    step = AttributeQuotes(**config)
    step.attributor = Attributor(step.lexicon, beliefs=step.attributor.beliefs, screen=screen)
    return step


def _quotes(doc: Document, screen: bool, **config: Any) -> tuple[list[Any], list[Any]]:
    """Every quote span (offsets, type, data) and the speaker list, as the step writes them."""
    spans, speakers = _step(screen, **config).find(doc)
    return [(s.start, s.end, s.label, dict(s.data)) for s in spans], speakers


def _same_either_way(text: str, **config: Any) -> list[tuple[str, str, str | None]]:
    """(type, quote, speaker name) of each quote, after checking the screen changes nothing."""
    doc = make_document(text, blocks="lines")
    screened = _quotes(doc, True, **config)
    assert screened == _quotes(doc, False, **config)
    spans, _ = screened
    return [(label, text[s:e], None if d["speaker"] is None else d["speaker"]["name"]) for s, e, label, d in spans]


def test_a_paragraph_without_cue_words_is_skipped_and_one_with_them_is_not() -> None:
    screen = ParagraphScreen(Attributor(AttributeQuotes().lexicon).trigger_phrases())
    text = "The bridge reopened on Tuesday after three weeks of repairs."
    assert not screen.may_hold(text, 0, len(text))
    for held in [
        "Officials SAID the bridge was safe.",
        "Said the engineer, the bridge is safe.",
        "The engineer will point\n out that the bridge is safe.",  # a phrase over a line break
        "The bridge is safe, according to the engineer.",
        "Sales rose 1,000said the report.",  # "1,000" and "said" are two tokens
        "Her assertion that the bridge was safe drew criticism.",
    ]:
        assert screen.may_hold(held, 0, len(held)), held
    for not_held in ["Essays on the bridge were unsaid.", "Her assertion went nowhere."]:
        assert not screen.may_hold(not_held, 0, len(not_held)), not_held


def test_the_screen_reads_only_its_paragraph() -> None:
    screen = ParagraphScreen(["say"])
    text = "essay"
    assert not screen.may_hold(text, 0, 5)
    assert screen.may_hold(text, 2, 5)  # "say" as a paragraph of its own, right after a letter


def test_a_cue_left_waiting_is_forgotten_after_a_skipped_paragraph() -> None:
    # The quotation right after "said in a statement." is the statement; one paragraph later it is not.
    assert _same_either_way("Sam Lau said in a statement.\n“We will appeal the ruling.”") == [
        ("direct", "“We will appeal the ruling.”", "Sam Lau")
    ]
    assert (
        _same_either_way(
            "Sam Lau said in a statement.\nThe ruling came after a two-week trial.\n“We will appeal the ruling.”"
        )
        == []
    )
    # the same with the sentence between in the cue's paragraph: a sentence is skipped the same way
    assert (
        _same_either_way(
            "Sam Lau said in a statement. The ruling came after a two-week trial.\n“We will appeal the ruling.”"
        )
        == []
    )


def test_a_continuation_stops_at_a_skipped_paragraph() -> None:
    assert _same_either_way("“We will appeal,” Ms. Ortiz said.\n“The verdict ignores the evidence.”") == [
        ("direct", "“We will appeal,”", "Ortiz"),
        ("direct", "“The verdict ignores the evidence.”", "Ortiz"),
    ]
    assert _same_either_way(
        "“We will appeal,” Ms. Ortiz said.\nThe jury deliberated for six hours.\n“The verdict ignores the evidence.”"
    ) == [("direct", "“We will appeal,”", "Ortiz")]


def test_a_person_named_in_a_skipped_paragraph_is_who_a_pronoun_means() -> None:
    assert _same_either_way(
        "Senator Maria Okafor toured the flooded district on Monday.\nShe said the state would pay for repairs."
    ) == [("indirect", "the state would pay for repairs", "Maria Okafor")]


def test_colon_headlines_and_transcript_turns_are_read() -> None:
    assert _same_either_way("Graham: The party is losing young voters fast\nThe senator spoke in Columbia.") == [
        ("indirect", "The party is losing young voters fast", "Graham")
    ]
    assert _same_either_way(
        "TAPPER: Where were you on the night of the vote?\nMORALES: At home with my family, watching the returns."
    ) == [
        ("indirect", "Where were you on the night of the vote", "TAPPER"),
        ("indirect", "At home with my family, watching the returns", "MORALES"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Nobody pays for it.” The treasurer said.", ("direct", "“Nobody pays for it.”", "The treasurer")),
        (
            "Mr. Okafor's claim that the levee was sound drew criticism from engineers.",
            ("indirect", "that the levee was sound drew criticism from engineers", "Okafor"),
        ),
        (
            "In the latest Marist poll, Okafor leads by nine points.",
            ("indirect", "Okafor leads by nine points", "the latest Marist poll"),
        ),
        (
            "The governor appeared unready for the size of the storm.",
            ("indirect", "The governor appeared unready for the size of the storm", None),
        ),
    ],
)
def test_quotations_stating_nouns_polls_and_impressions_are_read(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert _same_either_way(text) == [expected]


def test_an_impression_is_not_read_with_beliefs_off() -> None:
    assert _same_either_way("The governor appeared unready for the size of the storm.", beliefs=False) == []


def test_a_verb_added_in_the_config_is_screened_for() -> None:
    text = "The mayor grumbled that the budget was too small."
    assert _same_either_way(text) == []
    assert _same_either_way(text, extra_verbs=["grumble"]) == [("indirect", "the budget was too small", "The mayor")]


def test_a_blank_paragraph_leaves_the_state_alone() -> None:
    text = "Sam Lau said in a statement.\n   \n“We will appeal the ruling.”"
    doc = make_document(text, blocks=[(0, 28, "paragraph"), (29, 32, "paragraph"), (33, len(text), "paragraph")])
    assert _quotes(doc, True) == _quotes(doc, False)
    spans, _ = _quotes(doc, True)
    assert [(text[s:e], d["speaker"]["name"]) for s, e, _label, d in spans] == [
        ("“We will appeal the ruling.”", "Sam Lau")
    ]


@pytest.mark.parametrize("phrase", ["déclarer", "say:", "-ize"])
def test_phrases_that_are_not_ascii_words_turn_the_screen_off(phrase: str) -> None:
    assert not ParagraphScreen(["say"]).may_hold("Nothing to see here.", 0, 20)
    assert ParagraphScreen(["say", phrase]).may_hold("Nothing to see here.", 0, 20)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_seeds_give_the_same_quotes_with_and_without_the_screen(seed: str) -> None:
    doc = make_document((SEEDS / seed).read_text("utf-8"), blocks="lines")
    screened = _quotes(doc, True)
    assert screened[0]
    assert screened == _quotes(doc, False)


def test_lower_casing_keeps_what_may_stand_around_a_word() -> None:
    """Why the screen may search the lower-cased paragraph: across all of Unicode, a character
    that may stand before a word token (not a letter) and one that may stand after it (not a
    word character) stay so when lower-cased, and whitespace stays whitespace."""
    word, digit, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if word.match(char) and not digit.match(char):
            continue
        lower = char.lower()
        last = lower[-1]
        assert not word.match(last) or digit.match(last), hex(code)
        if not word.match(char):
            assert not word.match(lower[0]), hex(code)
        if space.match(char):
            assert all(space.match(c) for c in lower), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "The senator's criticism of the budget drew applause from the crowd.",
        "Her endorsement of the mayor came late in the race.",
        "Their opposition to the new levy grew over the summer.",
    ],
)
def test_stance_nouns_give_the_same_quotes_with_and_without_the_screen(text: str) -> None:
    """A possessive, a noun of stance and its preposition hold no cue verb: a rule that reads
    them as an attribution must put the noun and preposition among
    ``Attributor.trigger_phrases``, or the screen skips the sentence and this fails."""
    _same_either_way(text)
