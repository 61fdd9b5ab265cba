"""copydesk ``quotes`` plugin: every quotation with its speaker (step ``quotes.attribute``).

Rule-based and model-free: quotation marks, a lexicon of reporting verbs, and the
sentence shapes news uses to report speech (see docs/plugins/quotes.md). Quotes become
spans in layer ``quotes``; the speakers, each once with all mentions, go to
``doc.meta["quotes.speakers"]``. An opt-in parser mode (``parser = "spacy"``, the extra
``copydesk-quotes[spacy]``) adds the attributions a dependency parse shows and the rules
missed (``parsed.py``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import copydesk
from copydesk import Document, Register, Span, StepContext
from copydesk_quotes.attribution import Attribution, Attributor
from copydesk_quotes.calibration import ConfidenceTable
from copydesk_quotes.lexicon import Lexicon
from copydesk_quotes.marks import find_quotations
from copydesk_quotes.parsed import (
    DEFAULT_MODEL,
    PARSERS,
    ParseReader,
    check_installed,
    load,
    merge,
    parsable,
    parse_paragraphs,
)
from copydesk_quotes.speakers import Entity, Speaker, SpeakerResolver, speaker_data
from copydesk_quotes.work import WorkCounter

__version__ = "0.1.0"

LAYER = "quotes"
SPEAKERS_META = "quotes.speakers"

#: Block kinds read for quotations unless the config says otherwise.
DEFAULT_KINDS = ("title", "paragraph", "blockquote", "list_item", "caption", "heading")

_WORD_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "verbs": {**_WORD_LIST, "description": "Reporting verbs (lemmas), replacing the default list."},
        "extra_verbs": {**_WORD_LIST, "description": "Reporting verbs (lemmas) added to the default list."},
        "beliefs": {"type": "boolean", "description": "Also attribute thoughts and findings (believe, think, show)."},
        "belief_verbs": {**_WORD_LIST, "description": "Verbs of belief and finding (lemmas), replacing the default."},
        "naming_verbs": {**_WORD_LIST, "description": "Verbs that label (call, dub): quotes only with a quotation."},
        "stances": {"type": "boolean", "description": "Also attribute stances (criticized, backed, endorsed)."},
        "stance_verbs": {**_WORD_LIST, "description": "Verbs of stance (lemmas), replacing the default list."},
        "speaker_nouns": {**_WORD_LIST, "description": "Nouns that make a speaker (official, ministry), replacing."},
        "extra_speaker_nouns": {**_WORD_LIST, "description": "Nouns that make a speaker, added to the default."},
        "titles": {**_WORD_LIST, "description": "Title and role words written before names, replacing the default."},
        "extra_titles": {**_WORD_LIST, "description": "Title and role words added to the default."},
        "kinds": {**_WORD_LIST, "description": "Block kinds to read (default: title, paragraph, blockquote, ...)."},
        "min_confidence": {"type": "number", "minimum": 0, "maximum": 1, "description": "Drop quotes below this."},
        "parser": {
            "enum": [*PARSERS, None],
            "description": "Opt-in parser mode: 'spacy' adds attributions read off a dependency parse "
            '(pip install "copydesk-quotes[spacy]"); null (default): rules only.',
        },
        "model": {
            "type": "string",
            "minLength": 1,
            "description": f"spaCy pipeline (package name or folder) for parser = 'spacy' (default {DEFAULT_MODEL}).",
        },
    },
    "dependentRequired": {"model": ["parser"]},
}


class AttributeQuotes:
    """Finds direct, indirect and mixed quotes in a document's blocks and names their speakers."""

    def __init__(
        self,
        verbs: list[str] | None = None,
        extra_verbs: tuple[str, ...] | list[str] = (),
        beliefs: bool = True,
        belief_verbs: list[str] | None = None,
        naming_verbs: list[str] | None = None,
        stances: bool = True,
        stance_verbs: list[str] | None = None,
        speaker_nouns: list[str] | None = None,
        extra_speaker_nouns: tuple[str, ...] | list[str] = (),
        titles: list[str] | None = None,
        extra_titles: tuple[str, ...] | list[str] = (),
        kinds: tuple[str, ...] | list[str] = DEFAULT_KINDS,
        min_confidence: float = 0.0,
        parser: str | None = None,
        model: str = DEFAULT_MODEL,
    ) -> None:
        self.lexicon = Lexicon.build(
            verbs=verbs,
            extra_verbs=extra_verbs,
            beliefs=beliefs,
            belief_verbs=belief_verbs,
            naming_verbs=naming_verbs,
            stances=stances,
            stance_verbs=stance_verbs,
            speaker_nouns=speaker_nouns,
            extra_speaker_nouns=extra_speaker_nouns,
            titles=titles,
            extra_titles=extra_titles,
        )
        self.kinds = frozenset(kinds)
        self.min_confidence = min_confidence
        self.attributor = Attributor(self.lexicon, beliefs=beliefs)
        self.resolver = SpeakerResolver(self.lexicon)
        self.confidences = ConfidenceTable.shipped()
        self.parser = parser
        self.model = model
        self.reader = None if parser is None else ParseReader(self.lexicon)
        self._nlp: Any = None
        if parser is not None:
            check_installed(parser, model)  # before any input is read: name the extra to install

    def setup(self) -> None:
        """Load the parser's model (parser mode only), once per worker."""
        if self.parser is not None and self._nlp is None:
            self._nlp = load(self.model)

    def __getstate__(self) -> dict[str, Any]:
        # A loaded spaCy pipeline is not sent to workers: each one loads its own in setup().
        return {**self.__dict__, "_nlp": None}

    def paragraphs(self, doc: Document) -> list[tuple[int, int]]:
        """The ranges of the blocks to read: wanted kinds, not removed, in text order."""
        removed = doc.removal_index().of_each(doc.blocks)
        wanted = [b for b, removal in zip(doc.blocks, removed, strict=True) if removal is None and b.kind in self.kinds]
        return sorted({(b.start, b.end) for b in wanted if b.end > b.start})

    def attributions(
        self, doc: Document, work: WorkCounter | None = None
    ) -> tuple[list[tuple[Attribution, Entity | None]], list[Speaker]]:
        """Every quote of `doc` with its speaker entity, before confidences, and the speakers."""
        paragraphs = self.paragraphs(doc)
        quotations = find_quotations(doc.text, paragraphs, work)
        found = self.attributor.attribute(doc.text, paragraphs, quotations, work)
        if self.reader is not None:
            self.setup()
            parsed = parsable(paragraphs)
            parses = parse_paragraphs(self._nlp, doc.text, parsed)
            found = merge(found, self.reader.attributions(doc.text, parsed, parses, quotations))
        return self.resolver.resolve(doc.text, paragraphs, found, work)

    def find(self, doc: Document, work: WorkCounter | None = None) -> tuple[list[Span], list[dict[str, Any]]]:
        """The quote spans and the speaker list of `doc`."""
        resolved, speakers = self.attributions(doc, work)
        # Every quote takes part in resolving speakers; the confident ones are kept.
        scored = [(a, e, self.confidences.confidence(doc.text, a, e)) for a, e in resolved]
        kept = [(a, e, c) for a, e, c in scored if c >= self.min_confidence]
        pieces = Counter(a.group for a, _, _ in kept if a.group is not None)
        spans = [_span(doc.id, a, e, a.group is not None and pieces[a.group] > 1, c) for a, e, c in kept]
        spans.sort(key=lambda s: (s.start, s.end))
        quoted = {(e.name, e.kind) for _, e, _ in kept if e is not None}
        speaker_list = [
            {"name": s.name, "role": s.role, "kind": s.kind, "mentions": [list(m) for m in s.mentions]}
            for s in speakers
            if (s.name, s.kind) in quoted
        ]
        return spans, speaker_list

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        spans, speakers = self.find(doc)
        return doc.with_spans(spans).with_meta(**{SPEAKERS_META: speakers})


def _span(doc_id: str, attribution: Attribution, entity: Any, grouped: bool, confidence: float) -> Span:
    data: dict[str, Any] = {
        "speaker": None if attribution.speaker is None else speaker_data(attribution.speaker, entity),
        "cue": None if attribution.cue is None else {"start": attribution.cue[0], "end": attribution.cue[1]},
        "confidence": round(confidence, 3),
    }
    if grouped:
        data["group"] = f"{doc_id}#q{attribution.group}"
    if attribution.segments:
        data["segments"] = [list(segment) for segment in attribution.segments]
    return Span(attribution.start, attribution.end, attribution.kind, LAYER, data)


@copydesk.hookimpl
def copydesk_register_steps(register: Register) -> None:
    register(
        "quotes.attribute",
        AttributeQuotes,
        config_schema=CONFIG_SCHEMA,
        description="quotations (direct, indirect, mixed) with their speakers, cues and groups",
    )
