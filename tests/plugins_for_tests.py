"""Tiny plugins used by the core tests, registered per test with ``copydesk_plugin``."""

from __future__ import annotations

from typing import Any

import attrs

import copydesk
from copydesk import Document, Drop, Register, StepContext


class Explode:
    """Raises on documents whose text contains `word`."""

    def __init__(self, word: str = "boom") -> None:
        self.word = word

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        if self.word in doc.text:
            raise RuntimeError(f"found {self.word!r}")
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
