"""A quote's confidence is the measured precision of quotes like it, and min_confidence keeps the confident ones."""

from __future__ import annotations

import re

import pytest

from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.attribution import Attribution, Mention
from copydesk_quotes.calibration import ConfidenceTable, key_of
from copydesk_quotes.speakers import Entity

TEXT = 'Mayor Dana Pell said the bridge would reopen in May. "We are not done," Pell said.'
SAID = (TEXT.index("said"), TEXT.index("said") + len("said"))


def _attribution(
    kind: str, prior: float, speaker: str | None = "Dana Pell", cue: tuple[int, int] | None = SAID
) -> Attribution:
    mention = None if speaker is None else Mention(6, 6 + len(speaker), speaker)
    return Attribution(kind, 20, 50, mention, cue, prior)


PERSON = Entity("Dana Pell", "Mayor", "person", surname="pell")


def test_quotes_are_grouped_by_type_prior_speaker_and_cue() -> None:
    assert key_of(TEXT, _attribution("indirect", 0.85), PERSON) == "indirect|0.85|person|plain"
    assert key_of(TEXT, _attribution("indirect", 0.6, speaker="she"), PERSON) == "indirect|0.60|pronoun|plain"
    assert key_of(TEXT, _attribution("direct", 0.95, speaker=None, cue=None), None) == "direct|0.95|none|none"
    assert key_of(TEXT, _attribution("mixed", 0.75, cue=(6, 10)), PERSON) == "mixed|0.75|person|other"


def test_confidence_is_the_group_precision_drawn_towards_its_type() -> None:
    table = ConfidenceTable(
        by_key={"indirect|0.85|person|plain": (45, 50)}, by_type={"indirect": (60, 100)}, prior_weight=20.0
    )
    # 45 right of 50, plus 20 quotes at the type's 0.6
    assert table.confidence(TEXT, _attribution("indirect", 0.85), PERSON) == pytest.approx((45 + 12) / 70)
    # a group never measured: the type's precision
    assert table.confidence(TEXT, _attribution("indirect", 0.6, speaker="she"), PERSON) == pytest.approx(0.6)
    # a type never measured: the rules' own prior
    assert table.confidence(TEXT, _attribution("mixed", 0.75), PERSON) == 0.75


def test_the_shipped_table_is_well_formed_and_ranks_quoted_speech_above_other_reports() -> None:
    table = ConfidenceTable.shipped()
    assert set(table.by_type) == {"direct", "indirect", "mixed"}
    for key, (right, predicted) in table.by_key.items():
        assert re.fullmatch(
            r"(direct|indirect|mixed)\|[01]\.\d\d\|(none|pronoun|person|organisation|anonymous|other)\|(none|plain|other)",
            key,
        ), key
        assert 0 <= right <= predicted
    for kind in table.by_type:
        assert sum(p for k, (_, p) in table.by_key.items() if k.startswith(kind + "|")) == table.by_type[kind][1]
    # what the measurements say about news: a quotation its named speaker "said" is right far more
    # often than a belief reported with some other verb
    direct = table.confidence(TEXT, _attribution("direct", 0.95), PERSON)
    belief = table.confidence(TEXT, _attribution("indirect", 0.6, cue=(6, 10)), PERSON)
    assert direct > 0.9 > belief


def test_min_confidence_keeps_the_confident_quotes_and_their_speakers_only() -> None:
    text = (
        'Mayor Dana Pell said: "The bridge reopens in May."\n'
        "Senator Ravi Osei believes the repairs will cost more than planned.\n"
    )
    doc = make_document(text, blocks="lines")
    every = AttributeQuotes()(doc, None)  # type: ignore[arg-type]
    confidences = {s.label: s.data["confidence"] for s in every.layer("quotes")}
    assert set(confidences) == {"direct", "indirect"}
    assert confidences["direct"] > confidences["indirect"]
    between = (confidences["direct"] + confidences["indirect"]) / 2
    kept = AttributeQuotes(min_confidence=between)(doc, None)  # type: ignore[arg-type]
    assert [s.label for s in kept.layer("quotes")] == ["direct"]
    assert [s["name"] for s in kept.meta["quotes.speakers"]] == ["Dana Pell"]
    assert {s["name"] for s in every.meta["quotes.speakers"]} == {"Dana Pell", "Ravi Osei"}
