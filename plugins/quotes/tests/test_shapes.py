"""How news writes quotations: marks, split quotations, reported speech, cues and speakers."""

from __future__ import annotations

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.marks import find_quotations
from copydesk_quotes.tokens import tokenise


def lines_document(text: str):  # type: ignore[no-untyped-def]
    return make_document(text, blocks="lines")


def quotes_of(text: str, **config: object) -> list[tuple[str, str, str | None]]:
    """(type, quoted text, speaker name) of each quote found in `text`."""
    doc: Document = AttributeQuotes(**config)(lines_document(text), None)  # type: ignore[arg-type]
    return [
        (s.label, doc.text[s.start : s.end], s.data["speaker"]["name"] if s.data["speaker"] else None)
        for s in doc.layer("quotes")
    ]


def marks(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text, [(0, len(text))])]


def test_every_double_mark_style_is_read() -> None:
    assert marks('He said "one" and “two” and „three“ and «four».') == ['"one"', "“two”", "„three“", "«four»"]
    assert marks("''We will win,'' he said, ``as always.''") == ["''We will win,''", "``as always.''"]
    assert marks('"We can go after couriers,\u2019\u2019 she said.') == ['"We can go after couriers,\u2019\u2019']


def test_single_marks_and_apostrophes_stay_inside() -> None:
    assert marks("“When Donald Trump says \u2018build a wall,\u2019 people cheer,” she said.") == [
        "“When Donald Trump says \u2018build a wall,\u2019 people cheer,”"
    ]
    assert marks('The shooter\'s 5\'10" frame, he said, was "unusual".') == ['"unusual"']


def test_unclosed_quotation_runs_to_the_paragraph_end() -> None:
    text = 'He said "we will win the vote and more'
    assert marks(text) == ['"we will win the vote and more']


def test_quotation_over_paragraphs_is_chained() -> None:
    text = '"The first paragraph of a long statement,\n"and the second one,\n"and the end."'
    quotations = find_quotations(text, [(0, 41), (42, 62), (63, len(text))])
    assert [q.closed for q in quotations] == [False, False, True]
    assert len({q.chain for q in quotations}) == 1 and quotations[0].chain is not None


def test_quotation_split_around_its_attribution_is_two_pieces_of_one_group() -> None:
    text = '"We have done much better," he said, "but there is more work to be done."'
    doc = AttributeQuotes()(lines_document(text), None)  # type: ignore[arg-type]
    pieces = doc.layer("quotes")
    assert [doc.text[p.start : p.end] for p in pieces] == [
        '"We have done much better,"',
        '"but there is more work to be done."',
    ]
    assert pieces[0].data["group"] == pieces[1].data["group"]
    assert all(p.label == "direct" for p in pieces)


def test_inverted_attribution_with_apposition() -> None:
    text = '"All of France is under threat," said Hollande, who returned to Paris on Friday.'
    assert quotes_of(text) == [("direct", '"All of France is under threat,"', "Hollande")]


def test_mixed_quote_is_the_reported_content_with_its_fragment() -> None:
    text = 'Kasuri said the relationship "should be based on mutual trust and confidence".'
    assert quotes_of(text) == [("mixed", 'the relationship "should be based on mutual trust and confidence"', "Kasuri")]


def test_indirect_shapes() -> None:
    assert quotes_of("The minister told reporters that the talks had failed.") == [
        ("indirect", "the talks had failed", "The minister")
    ]
    assert quotes_of("The talks had failed, an official said.") == [("indirect", "The talks had failed", "an official")]
    assert quotes_of("According to the police, the driver fled the scene.") == [
        ("indirect", "the driver fled the scene", "the police")
    ]
    assert quotes_of("The driver fled the scene, according to the police.") == [
        ("indirect", "The driver fled the scene", "the police")
    ]


def test_reported_speech_cut_by_its_cue_is_one_span_with_segments() -> None:
    text = "For years, Ms. van Dalen noted, the port authority has hired inspectors."
    doc = AttributeQuotes()(lines_document(text), None)  # type: ignore[arg-type]
    (span,) = doc.layer("quotes")
    assert doc.text[span.start : span.end] == "For years, Ms. van Dalen noted, the port authority has hired inspectors"
    assert [doc.text[s:e] for s, e in span.data["segments"]] == [
        "For years",
        "the port authority has hired inspectors",
    ]
    assert doc.text[span.data["cue"]["start"] : span.data["cue"]["end"]] == "noted"


def test_participle_cue_keeps_the_speaker() -> None:
    text = "The plan will work, Smith said, adding that the money was already there."
    assert quotes_of(text) == [
        ("indirect", "The plan will work", "Smith"),
        ("indirect", "the money was already there", "Smith"),
    ]


def test_lexicon_is_configurable() -> None:
    text = "The mayor grumbled that the budget was too small."
    assert quotes_of(text) == []
    assert quotes_of(text, extra_verbs=["grumble"]) == [("indirect", "the budget was too small", "The mayor")]
    assert quotes_of("The mayor said that the budget was too small.", verbs=["grumble"]) == []


def test_noun_readings_of_cue_words_are_not_cues() -> None:
    assert quotes_of("The report of the committee was published on Monday.") == []
    assert quotes_of("His statement was short.") == []


def test_removed_blocks_are_not_read() -> None:
    doc = lines_document('Share this: "Great article," said Bob.\nThe minister said the talks failed.')
    doc = doc.remove_block(0, "share_bar")
    done = AttributeQuotes()(doc, None)  # type: ignore[arg-type]
    assert [s.label for s in done.layer("quotes")] == ["indirect"]


def test_naming_verb_quotes_only_with_a_quotation() -> None:
    assert quotes_of('Bolton called the decision "disrespectful to the troops."') == [
        ("mixed", 'the decision "disrespectful to the troops."', "Bolton")
    ]
    assert quotes_of("Bolton called him on Monday about the plan.") == []


def test_stances_are_attributed_unless_turned_off() -> None:
    text = "Senator Smith criticized the deal with Iran."
    assert quotes_of(text) == [("indirect", "the deal with Iran", "Smith")]
    assert quotes_of(text, stances=False) == []


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = "Mrs. Jones met Mr. Smith on Monday. She said the talks had failed."
    assert quotes_of(text) == [("indirect", "the talks had failed", "Jones")]


def test_relative_pronoun_speaker_is_the_phrase_before_it() -> None:
    doc = AttributeQuotes()(lines_document("Mr. Smith, who said the plan would fail, left early."), None)  # type: ignore[arg-type]
    (span,) = doc.layer("quotes")
    speaker = span.data["speaker"]
    assert doc.text[speaker["start"] : speaker["end"]] == "who"
    assert speaker["name"] == "Smith"


def test_quotation_after_a_colon_belongs_to_the_person_named_before_it() -> None:
    # the sentence's subject when it is a name, else the person named right before the colon
    text = "The timing does not surprise pollster Rosa Delgado: “Surges come late.”\nRosa Delgado: “Surges come late.”"
    assert quotes_of(text) == [
        ("direct", "“Surges come late.”", "Rosa Delgado"),
        ("direct", "“Surges come late.”", "Rosa Delgado"),
    ]
    assert quotes_of("The timing does not surprise anyone: “Surges come late.”") == []


def test_party_and_state_in_brackets_after_the_name() -> None:
    text = "Sen. John Cornyn (R-Texas) told reporters that the vote would be close."
    assert quotes_of(text) == [("indirect", "the vote would be close", "John Cornyn")]


def test_coordinated_cue_takes_the_sentence_subject() -> None:
    text = "The company runs an oil field in Kazakhstan and says it has set up a fund."
    assert quotes_of(text) == [("indirect", "it has set up a fund", "The company")]


def test_medium_after_the_cue_is_not_content() -> None:
    text = "United Gun Group said in a statement Thursday night they pulled the listing."
    assert quotes_of(text) == [("indirect", "they pulled the listing", "United Gun Group")]


def test_headline_name_colon_reports_what_follows() -> None:
    assert quotes_of("Graham: Trump's rhetoric is destroying the party's chances") == [
        ("indirect", "Trump's rhetoric is destroying the party's chances", "Graham")
    ]
    long_line = "Graham: " + " ".join(["word"] * 40)
    assert quotes_of(long_line) == []


def test_quotation_over_two_paragraphs_keeps_speaker_and_group() -> None:
    text = (
        '"We will fight on," Smith said. "The people have spoken and we will listen to them\n'
        '"And we will come back stronger next year."'
    )
    doc = AttributeQuotes()(lines_document(text), None)  # type: ignore[arg-type]
    quotes = doc.layer("quotes")
    assert [q.data["speaker"]["name"] for q in quotes] == ["Smith", "Smith", "Smith"]
    assert len({q.data["group"] for q in quotes}) == 1
    assert doc.text[quotes[1].start : quotes[1].end] == '"The people have spoken and we will listen to them'


def test_a_pronoun_and_its_contracted_auxiliary_are_two_tokens() -> None:
    text = "He's said O'Rourke's plan won't pass; they\u2019d agreed."
    words = [t.text for t in tokenise(text, 0, len(text), [])]
    assert words == ["He", "'s", "said", "O'Rourke's", "plan", "won't", "pass", ";", "they", "\u2019d", "agreed", "."]
