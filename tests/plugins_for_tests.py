"""Tiny plugins used by the core tests, registered per test with ``copydesk_plugin``."""

from __future__ import annotations

import re
import time
from typing import Any

import attrs

import copydesk
from copydesk import Document, Drop, Register, Span, StepContext


class Explode:
    """Raises on documents whose text contains `word`."""

    def __init__(self, word: str = "boom") -> None:
        self.word = word

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        if self.word in doc.text:
            raise RuntimeError(f"found {self.word!r}")
        return doc


class Spin:
    """Loops for `seconds` on documents whose text contains `word` (a stand-in for a runaway step)."""

    def __init__(self, word: str = "slow", seconds: float = 30.0) -> None:
        self.word = word
        self.seconds = seconds

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        if self.word in doc.text:
            deadline = time.monotonic() + self.seconds
            while time.monotonic() < deadline:
                pass
        return doc


class DropShort:
    """Drops documents shorter than `min_chars`."""

    def __init__(self, min_chars: int = 10) -> None:
        self.min_chars = min_chars

    def __call__(self, doc: Document, ctx: StepContext) -> Document | Drop:
        if len(doc.text) < self.min_chars:
            return Drop("too_short", f"{len(doc.text)} characters")
        return doc


class RewriteText:
    """Breaks the rule that text is fixed after parsing."""

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        return attrs.evolve(doc, text=doc.text.upper())


class BadTitle:
    """Puts a value into the metadata that the record schema refuses."""

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        return doc.with_meta(title=42)


class Noop:
    """Returns the document unchanged."""

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        return doc


class StepsForTests:
    """Registers the test steps under the plugin name ``t``."""

    @copydesk.hookimpl
    def copydesk_register_steps(self, register: Register) -> None:
        register("t.explode", Explode, config_schema=_schema(word={"type": "string"}))
        register("t.drop_short", DropShort, config_schema=_schema(min_chars={"type": "integer", "minimum": 0}))
        register("t.rewrite", RewriteText)
        register("t.bad_title", BadTitle)
        register("t.noop", Noop)
        register("t.spin", Spin, config_schema=_schema(word={"type": "string"}, seconds={"type": "number"}))


def _schema(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": properties}


class WordCount:
    """Adds a declared `word_count` record field."""

    @copydesk.hookimpl
    def copydesk_record_schema(self) -> dict[str, Any]:
        return {"properties": {"word_count": {"type": "integer", "minimum": 0}}, "required": ["word_count"]}

    @copydesk.hookimpl
    def copydesk_record_fields(self, document: Document) -> dict[str, Any]:
        return {"word_count": len(document.text.split())}


class UndeclaredField:
    """Adds a record field without declaring it: validation must refuse it."""

    @copydesk.hookimpl
    def copydesk_record_fields(self, document: Document) -> dict[str, Any]:
        return {"sneaky": True}


class MarkUp:
    """Adds what a boilerplate stripper and a quote attributor would, by simple means.

    Paragraphs shorter than `min_words` are removed (reason ``short``); every text in
    double quotes becomes a quote span, its speaker the first ``Name Name said/told/added``
    of the same block, following the quotes convention of the records plugin.
    """

    QUOTE = re.compile(r"[\u201c\"][^\u201c\u201d\"]+[\u201d\"]")
    SAYS = re.compile(r"\b(?P<name>[A-Z][a-z]+ [A-Z][a-z]+) (?P<cue>said|told|added)\b")

    def __init__(self, min_words: int = 4) -> None:
        self.min_words = min_words

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        for i, block in enumerate(doc.blocks):
            if block.kind == "paragraph" and len(doc.block_text(block).split()) < self.min_words:
                doc = doc.remove_block(i, "short", detail=f"fewer than {self.min_words} words", by=ctx.step)
        spans, mentions = [], {}
        for block in doc.blocks:
            text = doc.block_text(block)
            says = self.SAYS.search(text)
            speaker = cue = None
            if says:
                name_start, cue_start = block.start + says.start("name"), block.start + says.start("cue")
                speaker = {"name": says["name"], "role": None, "start": name_start, "end": name_start + len(says["name"])}
                cue = {"start": cue_start, "end": cue_start + len(says["cue"])}
                mentions.setdefault(says["name"], []).append([speaker["start"], speaker["end"]])
            for quote in self.QUOTE.finditer(text):
                data = {"speaker": speaker, "cue": cue, **({"confidence": 0.875} if speaker else {})}
                spans.append(Span(block.start + quote.start(), block.start + quote.end(), "direct", "quotes", data))
        speakers = [{"name": n, "role": None, "kind": "person", "mentions": m} for n, m in mentions.items()]
        return doc.with_spans(spans).with_meta(**{"quotes.speakers": speakers})


class MarkUpForTests:
    """Registers `MarkUp` as ``mark.up``."""

    @copydesk.hookimpl
    def copydesk_register_steps(self, register: Register) -> None:
        register("mark.up", MarkUp, config_schema=_schema(min_words={"type": "integer", "minimum": 1}))
