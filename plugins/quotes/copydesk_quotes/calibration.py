"""A quote's confidence: how often quotes like it were right, measured.

The rules give each quote a prior from its construction (a speech verb or a belief verb, a
closed quotation or not, a speaker of its own or one carried over). On its own that number
orders quotes badly: an indirect quote with prior 0.85 was right less often than a direct one
with 0.7. So the confidence a quote gets is the precision that quotes of the same type, prior,
kind of speaker and kind of cue had on annotated news (``confidence.json``, written by
``benchmarks/quotes.py --calibrate``), drawn towards the precision of their type when few such
quotes were seen. ``min_confidence`` then trades recall for precision as the README's table
shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

from copydesk_quotes.attribution import Attribution
from copydesk_quotes.lexicon import verb_forms
from copydesk_quotes.speakers import Entity

#: The measurements the step ships with.
TABLE_FILE = "confidence.json"

#: Speaker mentions that say nothing of who the speaker is until resolved.
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who", "which", "you"})


def speaker_class(attribution: Attribution, entity: Entity | None) -> str:
    """``none``, ``pronoun``, or the resolved speaker's kind (person, organisation, anonymous, other)."""
    if attribution.speaker is None:
        return "none"
    if attribution.speaker.text.strip().lower() in PRONOUNS:
        return "pronoun"
    return entity.kind if entity is not None else "other"


#: The plain cues of reported speech: whatever else a report says, these are attributions.
PLAIN_CUES = frozenset([*verb_forms("say"), *verb_forms("tell"), "according to"])


def cue_class(attribution: Attribution, text: str) -> str:
    """``none``, ``plain`` (a form of say or tell, or "according to") or ``other``."""
    if attribution.cue is None:
        return "none"
    cue = " ".join(text[attribution.cue[0] : attribution.cue[1]].lower().split())
    return "plain" if cue in PLAIN_CUES else "other"


def key_of(text: str, attribution: Attribution, entity: Entity | None) -> str:
    """What quotes are grouped by when their precision is measured: ``type|prior|speaker|cue``."""
    speaker, cue = speaker_class(attribution, entity), cue_class(attribution, text)
    return f"{attribution.kind}|{attribution.confidence:.2f}|{speaker}|{cue}"


@attrs.frozen
class ConfidenceTable:
    """Quotes predicted and right, by group and by type, and how strongly small groups lean on their type."""

    by_key: Mapping[str, tuple[int, int]]
    by_type: Mapping[str, tuple[int, int]]
    #: A group counts as this many quotes of its type's precision besides its own.
    prior_weight: float = 20.0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConfidenceTable:
        def counts(table: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
            return {k: (int(v["right"]), int(v["predicted"])) for k, v in table.items()}

        return cls(counts(data["by_key"]), counts(data["by_type"]), float(data["prior_weight"]))

    @classmethod
    def shipped(cls) -> ConfidenceTable:
        text = resources.files("copydesk_quotes").joinpath(TABLE_FILE).read_text("utf-8")
        return cls.from_json(json.loads(text))

    def confidence(self, text: str, attribution: Attribution, entity: Entity | None) -> float:
        """The measured precision of quotes like this one; its prior when nothing like it was measured."""
        right_type, seen_type = self.by_type.get(attribution.kind, (0, 0))
        if not seen_type:
            return attribution.confidence
        type_precision = right_type / seen_type
        right, seen = self.by_key.get(key_of(text, attribution, entity), (0, 0))
        return (right + self.prior_weight * type_precision) / (seen + self.prior_weight)
