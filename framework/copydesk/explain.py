"""``copydesk explain``: one document after the pipeline, in the terminal.

The same view as the run report, for the document model rather than the record: every
block with its kind and what steps said about it (removed, with the reason and the step;
labels from other layers), the quotes with their speakers and cues, and the speakers.
Quotes and speakers follow the convention the records plugin reads (layer ``quotes``,
``meta["quotes.speakers"]``); a pipeline without them simply shows none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from copydesk.model import REMOVALS, Document, Span
from copydesk.runner import WRITTEN, Outcome

QUOTES_LAYER = "quotes"
SPEAKERS_META = "quotes.speakers"
PREVIEW = 72
STATUS_STYLE = {"written": "bold green", "dropped": "bold yellow", "failed": "bold red"}


def preview(text: str, limit: int = PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def header(doc: Document | None, outcome: Outcome) -> Panel:
    lines = Text()
    lines.append(outcome.status, style=STATUS_STYLE.get(outcome.status, "bold"))
    lines.append(f"  {outcome.id}  {outcome.uri}\n")
    if doc is not None:
        lines.append(f"media type {doc.source.media_type}, parsed by {doc.parsed_by or 'nothing'}, ")
        lines.append(f"{len(doc.text)} characters, {len(doc.blocks)} blocks, {len(doc.spans)} spans\n")
    if outcome.status != WRITTEN:
        lines.append(f"{outcome.status} at {outcome.step}: {outcome.reason}\n", style="red")
    # A failed outcome's last failure is the one that stopped it, already said above.
    kept = outcome.failures if outcome.status == WRITTEN else outcome.failures[:-1]
    for failure in kept:
        lines.append(f"kept after a failure: {failure.describe()}\n", style="red")
    lines.rstrip()
    title = doc.meta.get("title") if doc is not None else None
    return Panel(lines, title=str(title) if title else outcome.id, title_align="left")


def metadata(doc: Document) -> Table:
    table = Table(title="metadata", title_justify="left", show_header=False, box=None)
    for key, value in doc.meta.items():
        if key == SPEAKERS_META:
            continue
        table.add_row(Text(key, style="cyan"), preview(value if isinstance(value, str) else repr(value), 120))
    return table


def blocks(doc: Document) -> Table:
    """Each block: kind, offsets, removal (reason, detail, step) and labels of other layers."""
    removals = {int(s.data["block"]): s for s in doc.layer(REMOVALS) if isinstance(s.data.get("block"), int)}
    labels: dict[tuple[int, int], list[str]] = {}
    for span in doc.spans:
        if span.layer not in (REMOVALS, QUOTES_LAYER):
            labels.setdefault((span.start, span.end), []).append(f"{span.layer}:{span.label}")
    table = Table(title="blocks", title_justify="left", expand=True)
    table.add_column("#", justify="right")
    table.add_column("kind")
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("removed / labels", max_width=44)
    table.add_column("text", ratio=1)
    covering = doc.removal_index().of_each(doc.blocks)
    for i, block in enumerate(doc.blocks):
        removal = removals.get(i) or covering[i]
        said = Text()
        if removal is not None:
            said.append(removal.label, style="bold red")
            if removal.data.get("detail"):
                said.append(f" ({removal.data['detail']})")
            if removal.data.get("by"):
                said.append(f" by {removal.data['by']}", style="dim")
        extra = labels.get((block.start, block.end), [])
        if extra:
            said.append(("\n" if said else "") + ", ".join(extra), style="magenta")
        text = Text(preview(doc.block_text(block)), "strike dim" if removal is not None else "")
        table.add_row(str(i), block.kind, f"{block.start}:{block.end}", said, text)
    return table


def _offsets(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Mapping) and "start" in value and "end" in value:
        return int(value["start"]), int(value["end"])
    return None


def quotes(doc: Document) -> Table:
    table = Table(title="quotes", title_justify="left", expand=True)
    table.add_column("type")
    table.add_column("quote", ratio=2)
    table.add_column("speaker", ratio=1)
    table.add_column("cue")
    table.add_column("conf", justify="right")
    for span in doc.layer(QUOTES_LAYER):
        quote = Text(preview(doc.span_text(span)), style="yellow")
        table.add_row(span.label, quote, _speaker(doc, span), _cue(doc, span), _confidence(span))
    return table


def _confidence(span: Span) -> str:
    value = span.data.get("confidence")
    return f"{value:.2f}" if isinstance(value, int | float) else ""


def _speaker(doc: Document, span: Span) -> Text:
    speaker = span.data.get("speaker")
    if not isinstance(speaker, Mapping):
        return Text("none", style="dim")
    text = Text(str(speaker.get("name", "?")), style="bold")
    if speaker.get("role"):
        text.append(f", {speaker['role']}")
    where = _offsets(speaker)
    if where is not None:
        text.append(f' ("{doc.text[where[0] : where[1]]}" at {where[0]})', style="dim")
    return text


def _cue(doc: Document, span: Span) -> str:
    where = _offsets(span.data.get("cue"))
    return doc.text[where[0] : where[1]] if where is not None else ""


def speakers(doc: Document) -> Table:
    table = Table(title="speakers", title_justify="left", expand=True)
    table.add_column("name")
    table.add_column("role")
    table.add_column("kind")
    table.add_column("mentions", ratio=1)
    quoted = Counter(
        str(s.data["speaker"].get("name"))
        for s in doc.layer(QUOTES_LAYER)
        if isinstance(s.data.get("speaker"), Mapping)
    )
    for entry in doc.meta.get(SPEAKERS_META, ()):
        mentions = [doc.text[int(s) : int(e)] for s, e in entry.get("mentions", ())]
        name = str(entry.get("name"))
        table.add_row(
            Text(name, style="bold"),
            str(entry.get("role") or ""),
            str(entry.get("kind") or ""),
            f"{quoted[name]} quote(s); " + ", ".join(f'"{m}"' for m in mentions),
        )
    return table


def layers(doc: Document) -> Text:
    counts = Counter(f"{s.layer}:{s.label}" for s in doc.spans)
    return Text("spans: " + (", ".join(f"{k} \u00d7{n}" for k, n in sorted(counts.items())) or "none"), style="dim")


def explanation(doc: Document | None, outcome: Outcome) -> Group:
    """Everything `copydesk explain` prints about one document."""
    parts: list[Any] = [header(doc, outcome)]
    if doc is not None and doc.parsed:
        parts += [metadata(doc), blocks(doc), layers(doc)]
        if doc.layer(QUOTES_LAYER):
            parts.append(quotes(doc))
        if doc.meta.get(SPEAKERS_META):
            parts.append(speakers(doc))
    return Group(*parts)


def print_explanation(doc: Document | None, outcome: Outcome, console: Console | None = None) -> None:
    (console or Console()).print(explanation(doc, outcome))
