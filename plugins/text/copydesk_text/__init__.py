"""copydesk ``text`` plugin: reads news as plain text (the shape of ``seeds/``).

Only line structure is interpreted: the characters of the article are kept as they are.
The first line is the title; bylines, date lines and a dateline feed the metadata and
stay in the text as blocks, for boilerplate rules to label.
"""

from __future__ import annotations

from typing import Any

import copydesk
from copydesk import Block, Document, Drop, InputError, Register, StepContext
from copydesk_text.decoding import decode
from copydesk_text.metadata import byline, date_line, dateline
from copydesk_text.reader import normalise_newlines, paragraphs

__version__ = "0.1.0"

MEDIA_TYPES = ("text/plain",)

#: Longest first line still read as a title.
MAX_TITLE = 300

#: Longest line read (a news paragraph is a few thousand characters; 0 lifts the limit).
DEFAULT_MAX_LINE_CHARS = 1_000_000

#: How many paragraphs from the top are searched for bylines, date lines and a dateline.
HEAD_PARAGRAPHS = 6


class ParseText:
    """Decodes the input, finds paragraphs and the title, and reads metadata lines."""

    def __init__(self, title: bool = True, max_line_chars: int = DEFAULT_MAX_LINE_CHARS) -> None:
        self.title = title
        self.max_line_chars = max_line_chars

    def __call__(self, doc: Document, ctx: StepContext) -> Document | Drop:
        raw = doc.raw or b""
        try:
            text, encoding = decode(raw, doc.source.uri)
        except InputError:
            raise
        text = normalise_newlines(text)
        longest = max(map(len, text.split("\n")))
        if self.max_line_chars and longest > self.max_line_chars:
            raise InputError(
                doc.source.uri,
                f"has a line of {longest} characters, over the limit of {self.max_line_chars} "
                "(text.parse max_line_chars)",
            )
        spans = list(paragraphs(text))
        if not spans:
            return Drop("empty", "the input has no text")
        blocks = []
        for i, (start, end) in enumerate(spans):
            kind = "title" if i == 0 and self.title and end - start <= MAX_TITLE and len(spans) > 1 else "paragraph"
            blocks.append(Block(start, end, kind, provenance=_lines(text, start, end), features={"index": i}))
        meta: dict[str, Any] = {"encoding": encoding}
        if blocks[0].kind == "title":
            meta["title"] = text[blocks[0].start : blocks[0].end]
        meta.update(_head_metadata(text, blocks))
        return Document(
            id=doc.id,
            source=doc.source,
            raw=None,
            text=text,
            parsed_by=ctx.step,
            blocks=tuple(blocks),
            meta=doc.meta.merged(meta),
        )


def _lines(text: str, start: int, end: int) -> str:
    first = text.count("\n", 0, start) + 1
    last = first + text.count("\n", start, end)
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _head_metadata(text: str, blocks: list[Block]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    prose_seen = 0
    for block in blocks[1 : 1 + HEAD_PARAGRAPHS]:
        line = text[block.start : block.end]
        found = byline(line)
        if found is not None and "authors" not in meta:
            meta["authors"] = found["authors"]
            if found["publisher"]:
                meta["publisher"] = found["publisher"]
            if found["published"]:
                meta.setdefault("published", found["published"])
            continue
        when = date_line(line)
        if when is not None:
            meta.setdefault("published", when)
            continue
        place = dateline(line)
        if place is not None and "dateline" not in meta:
            meta["dateline"] = place
        prose_seen += 1
        if prose_seen >= 3:
            break
    return meta


@copydesk.hookimpl
def copydesk_register_steps(register: Register) -> None:
    register(
        "text.parse",
        ParseText,
        config_schema={
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "title": {"type": "boolean", "description": "Read the first line as the title (default true)."},
                "max_line_chars": {
                    "type": "integer",
                    "minimum": 0,
                    "description": f"Longest line read (default {DEFAULT_MAX_LINE_CHARS}; 0: no limit).",
                },
            },
        },
        description="read news as plain text: paragraphs, title, byline, date and dateline",
        media_types=MEDIA_TYPES,
    )
