"""The article record: a document turned into the public JSON shape, at the edge.

The body is derived, never stored: the text of the document's body blocks that no step
removed, joined by a blank line. Annotations are stand-off on ``Document.text``, so each
offset is translated into the body here, once, when the record is built.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from copydesk import Block, Document, RunInfo, Span

#: Span layer of quotations (see docs/plugins/records.md for the data each span carries).
QUOTES_LAYER = "quotes"
#: Metadata key holding the speaker list a quote attributor builds.
SPEAKERS_META = "quotes.speakers"

#: Block kinds that make up an article body unless a step removed them.
DEFAULT_BODY_KINDS = ("paragraph", "heading", "list_item", "blockquote", "preformatted", "table_cell")

PARAGRAPH_SEPARATOR = "\n\n"

#: Blocks in the order of their text (a C-level sort key: records are built for every document).
_BLOCK_ORDER = operator.attrgetter("start", "end")


@attrs.frozen
class Body:
    """The body text and how its offsets map back to the document's text."""

    text: str
    doc_starts: tuple[int, ...]
    doc_ends: tuple[int, ...]
    body_starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Document, kinds: Iterable[str] = DEFAULT_BODY_KINDS) -> tuple[Body, list[dict[str, Any]]]:
        """The body of `doc`, and the removed blocks as ``{text, reason, detail, at}``.

        ``at`` is where a removed block stood in the body: the end of the body text before
        it (0 when none), so a viewer can show it in place.
        """
        wanted = frozenset(kinds)
        blocks: Sequence[Block] = sorted(doc.blocks, key=_BLOCK_ORDER)
        if all(map(operator.is_, blocks, doc.blocks)):
            # in text order already, as parsers make them: the document's own tuple, which the
            # removal index answered for once already if the quotes step asked
            blocks = doc.blocks
        doc_text = doc.text
        parts: list[str] = []
        doc_starts: list[int] = []
        doc_ends: list[int] = []
        body_starts: list[int] = []
        removed: list[dict[str, Any]] = []
        position = 0
        for block, span in zip(blocks, doc.removal_index().of_each(blocks), strict=True):
            start, end = block.start, block.end
            text = doc_text[start:end]
            if span is not None:
                entry: dict[str, Any] = {"text": text, "reason": span.label}
                detail = span.data.get("detail")
                if detail:
                    entry["detail"] = str(detail)
                entry["at"] = position
                removed.append(entry)
                continue
            if block.kind not in wanted or not text.strip():
                continue
            if parts:
                position += len(PARAGRAPH_SEPARATOR)
            parts.append(text.replace("\n", " "))
            doc_starts.append(start)
            doc_ends.append(end)
            body_starts.append(position)
            position += len(text)
        body = cls(PARAGRAPH_SEPARATOR.join(parts), tuple(doc_starts), tuple(doc_ends), tuple(body_starts))
        return body, removed

    def offset(self, doc_offset: int, *, is_end: bool = False) -> int | None:
        """The body offset of a document offset, or None if it is not in the body."""
        i = bisect.bisect_right(self.doc_starts, doc_offset - 1 if is_end else doc_offset) - 1
        if i < 0:
            return None
        if is_end and not self.doc_starts[i] < doc_offset <= self.doc_ends[i]:
            return None
        if not is_end and not self.doc_starts[i] <= doc_offset < self.doc_ends[i]:
            return None
        return self.body_starts[i] + doc_offset - self.doc_starts[i]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        s, e = self.offset(start), self.offset(end, is_end=True)
        if s is None or e is None or e <= s:
            return None
        return s, e


def build_article(doc: Document, run: RunInfo, body_kinds: Iterable[str] = DEFAULT_BODY_KINDS) -> dict[str, Any]:
    """The article record of `doc` (see schemas/article.schema.json)."""
    body, removed = Body.of(doc, body_kinds)
    meta = doc.meta
    quotes = [q for q in (_quote(span, body) for span in doc.layer(QUOTES_LAYER)) if q is not None]
    return {
        "id": doc.id,
        "source": {"uri": doc.source.uri, "media_type": doc.source.media_type, "sha256": doc.source.sha256},
        "url": meta.get("url"),
        "title": meta.get("title"),
        "authors": [str(a) for a in meta.get("authors", ()) if str(a).strip()],
        "publisher": meta.get("publisher"),
        "published": meta.get("published"),
        "dateline": meta.get("dateline"),
        "language": meta.get("language"),
        "text": body.text,
        "removed": removed,
        "quotes": quotes,
        "speakers": _speakers(meta.get(SPEAKERS_META, ()), body),
        "pipeline": {"name": run.pipeline, "plugins": dict(run.plugins)},
    }


def _quote(span: Span, body: Body) -> dict[str, Any] | None:
    where = body.span(span.start, span.end)
    if where is None:
        return None
    start, end = where
    data = span.data
    quote: dict[str, Any] = {
        "text": body.text[start:end],
        "start": start,
        "end": end,
        "type": span.label,
        "speaker": None,
        "cue": None,
    }
    speaker = data.get("speaker")
    if isinstance(speaker, Mapping):
        mention = body.span(int(speaker["start"]), int(speaker["end"]))
        if mention is not None:
            quote["speaker"] = {
                "name": str(speaker["name"]),
                "mention": body.text[mention[0] : mention[1]],
                "start": mention[0],
                "end": mention[1],
                "role": speaker.get("role"),
            }
    cue = data.get("cue")
    if isinstance(cue, Mapping):
        where_cue = body.span(int(cue["start"]), int(cue["end"]))
        if where_cue is not None:
            quote["cue"] = {"text": body.text[where_cue[0] : where_cue[1]], "start": where_cue[0], "end": where_cue[1]}
    if data.get("group"):
        quote["group"] = str(data["group"])
    segments = [body.span(int(s), int(e)) for s, e in data.get("segments", ())]
    if segments and all(seg is not None for seg in segments):
        quote["segments"] = [list(seg) for seg in segments if seg is not None]
    if "confidence" in data:
        quote["confidence"] = round(float(data["confidence"]), 4)
    return quote


def _speakers(entries: Iterable[Mapping[str, Any]], body: Body) -> list[dict[str, Any]]:
    speakers = []
    for entry in entries:
        mentions = [body.span(int(s), int(e)) for s, e in entry.get("mentions", ())]
        kept = [list(m) for m in mentions if m is not None]
        if not kept:
            continue
        speaker = {"name": str(entry["name"]), "role": entry.get("role"), "mentions": kept}
        if entry.get("kind"):
            speaker["kind"] = entry["kind"]
        speakers.append(speaker)
    return speakers
