"""What boilerplate rules look at: a document's blocks, their texts, and the verdicts so far."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from typing import Any, NamedTuple, Protocol

from copydesk import REMOVALS, Document, FrozenData, Span
from copydesk_boilerplate.vocabulary import LANDMARK_REASONS

#: Block kinds that can be article text (others, like ``title`` and ``caption``, never are).
TEXT_KINDS = frozenset(("paragraph", "heading", "list_item", "blockquote", "preformatted", "table_cell"))

_TOKEN = re.compile(r"[a-z0-9]+")

#: Every byte but ASCII lower-case letters and digits (what ``_TOKEN`` leaves out), as a space.
_TOKEN_BYTES = bytes(byte if byte in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))


class Verdict(NamedTuple):
    """One block labelled by one rule (a named tuple: a page makes one per removed block)."""

    index: int
    reason: str
    detail: str


class MarkupFacts:
    """The tree features of every block of a page from markup, read once and shared by the rules.

    Each is a list by block index. Reading a feature is a mapping lookup; the markup rules
    read these few features of nearly every block again and again, so they read them here
    (features that rules read for a few blocks only are read where they are needed).
    """

    def __init__(self, features: list[Mapping[str, Any]]) -> None:
        self.ancestors: list[tuple[int, ...]] = [f.get("ancestors", ()) for f in features]
        self.trails: list[tuple[str, ...]] = [f.get("trail", ()) for f in features]
        self.heading_levels: list[int | None] = [f.get("heading_level") for f in features]
        #: The removal reason of the first landmark around a block that names one (nav, footer, ...).
        #: Looked up landmark by landmark: a block sits in one to three, fewer look-ups than a cache
        #: of their runs costs (a tuple of them and its hash per block).
        reasons: list[str | None] = []
        for f in features:
            reason: str | None = None
            for landmark in f.get("landmarks") or ():
                reason = LANDMARK_REASONS.get(landmark)
                if reason is not None:
                    break
            reasons.append(reason)
        self.landmarks = reasons


class Page:
    """A document seen block by block; rules read it and add verdicts, in rule order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        blocks = self.blocks = doc.blocks
        text = doc.text
        self.texts = [text[b.start : b.end] for b in blocks]
        #: Verdicts so far: removals already in the document (from earlier steps), then the rules'.
        self.removed: dict[int, Verdict] = {}
        if doc.spans:
            for span in doc.layer(REMOVALS):
                index = span.data.get("block")
                if isinstance(index, int) and 0 <= index < len(blocks):
                    self.removed[index] = Verdict(index, span.label, str(span.data.get("detail", "")))
        self.earlier = frozenset(self.removed)
        #: Per block, by index: kind, word count and link density (what most rules read).
        self.kinds = [b.kind for b in blocks]
        #: Each block's features (``Block.features``).
        self.feature_maps: list[Mapping[str, Any]] = [b.features for b in blocks]
        self._kept = [i for i, kind in enumerate(self.kinds) if kind in TEXT_KINDS]
        self._kept_for = -1
        self.word_counts = [int(f.get("words", -1)) for f in self.feature_maps]
        if min(self.word_counts, default=0) < 0:  # blocks without the feature (plain text)
            for i, count in enumerate(self.word_counts):
                if count < 0:  # counted here, once
                    self.word_counts[i] = len(self.texts[i].split())
        self.link_densities = [float(f.get("link_density", 0.0)) for f in self.feature_maps]
        #: Results rules share within one page (computed by the first rule that needs them).
        self.memo: dict[str, object] = {}

    def __len__(self) -> int:
        return len(self.blocks)

    @cached_property
    def is_markup(self) -> bool:
        """Whether the blocks carry tree features (from the ``html`` parser)."""
        return any("ancestors" in f for f in self.feature_maps)

    @cached_property
    def markup(self) -> MarkupFacts:
        """The tree features of every block, read by the first markup rule that asks."""
        return MarkupFacts(self.feature_maps)

    def features(self, index: int) -> Mapping[str, Any]:
        return self.feature_maps[index]

    def kept(self) -> list[int]:
        """Indexes of the text blocks no rule has labelled yet (a fresh list; verdicts only grow,
        so each call filters the list of the call before)."""
        removed = self.removed
        if self._kept_for != len(removed):
            self._kept = [i for i in self._kept if i not in removed]
            self._kept_for = len(removed)
        return list(self._kept)

    def words(self, index: int) -> int:
        return self.word_counts[index]

    def kept_short(self, max_words: int) -> list[int]:
        """The kept text blocks of at most `max_words` words: where line-shaped furniture can be."""
        words = self.word_counts
        return [i for i in self.kept() if words[i] <= max_words]

    def link_density(self, index: int) -> float:
        return self.link_densities[index]


#: Entries of the descriptor caches: more than the distinct descriptors of a few hundred pages.
DESCRIPTOR_CACHE = 1 << 15


@lru_cache(maxsize=DESCRIPTOR_CACHE)
def tokens_in_order(step: str) -> tuple[str, ...]:
    """The tokens of one ``tag#id.class@itemprop`` descriptor as written, each once, without the
    tag name. Rules that take the first token naming some furniture read them in this order: a
    set's order changes with Python's string hashing, from one run to the next.

    A page brings a few dozen descriptors not seen before; an ASCII one (nearly all) is split
    at every byte outside ``[a-z0-9]`` by a byte table in C, at half what the pattern costs.
    """
    words = step.encode().translate(_TOKEN_BYTES).decode().split() if step.isascii() else _TOKEN.findall(step)
    tokens = dict.fromkeys(words)  # each once, in the order first written
    tokens.pop(step.partition("#")[0].partition(".")[0].partition("@")[0], None)
    return tuple(tokens)


class BoilerplateRule(Protocol):
    """One named rule: finds blocks of one kind of page furniture.

    `name` is what ``with.rules`` lists; `reason` the code written on each removal.
    `find` may read `page.removed` (the verdicts of the rules before it) and yields new ones.
    """

    name: str
    description: str

    def find(self, page: Page) -> Iterable[Verdict]: ...


def removal_spans(page: Page, by: str) -> list[Span]:
    """A removal span for each block the rules labelled on `page` (not those removed before this
    step), in block order: its reason as the label, the block's index and the verdict's detail
    as data, and `by`, the step that removed it."""
    removed, blocks = page.removed, page.blocks
    spans = []
    for index in sorted(removed.keys() - page.earlier if page.earlier else removed):
        verdict = removed[index]
        block = blocks[index]
        # FrozenData already: Span's converter then copies nothing.
        data = FrozenData({"block": index, "detail": verdict.detail, "by": by})
        spans.append(Span(block.start, block.end, verdict.reason, REMOVALS, data))
    return spans
