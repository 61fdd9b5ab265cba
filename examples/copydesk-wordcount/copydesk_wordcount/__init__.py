"""Example copydesk plugin: counts the words of the article body.

It shows the three things most plugins do: register a step with a config schema, keep its
result in its own metadata namespace, and add a declared field to the record.
"""

from __future__ import annotations

import re
from typing import Any

import copydesk
from copydesk import Document, Register, StepContext

__version__ = "0.1.0"

META_KEY = "wordcount.words"
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


class CountWords:
    """Counts words in the body blocks no earlier step removed."""

    def __init__(self, kinds: list[str] | None = None) -> None:
        self.kinds = frozenset(kinds or ["paragraph", "heading", "list_item", "blockquote"])

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        removals = doc.removal_index()
        words = sum(
            len(_WORD.findall(doc.block_text(block)))
            for block in doc.blocks
            if block.kind in self.kinds and removals.of(block) is None
        )
        return doc.with_meta(**{META_KEY: words})


@copydesk.hookimpl
def copydesk_register_steps(register: Register) -> None:
    register(
        "wordcount.count",
        CountWords,
        config_schema={
            "type": "object",
            "additionalProperties": False,
            "properties": {"kinds": {"type": "array", "items": {"type": "string"}, "minItems": 1}},
        },
        description="count the words of the article body",
    )


@copydesk.hookimpl
def copydesk_record_schema() -> dict[str, Any]:
    return {"properties": {"word_count": {"type": "integer", "minimum": 0, "description": "Words in the body."}}}


@copydesk.hookimpl
def copydesk_record_fields(document: Document) -> dict[str, Any] | None:
    if META_KEY not in document.meta:
        return None
    return {"word_count": int(document.meta[META_KEY])}
