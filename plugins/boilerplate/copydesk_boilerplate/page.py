"""What boilerplate rules look at: a document's blocks, their texts, and the verdicts so far."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from typing import Any, Protocol

import attrs

from copydesk import REMOVALS, Document

#: Block kinds that can be article text (others, like ``title`` and ``caption``, never are).
TEXT_KINDS = frozenset(("paragraph", "heading", "list_item", "blockquote", "preformatted", "table_cell"))

_TOKEN = re.compile(r"[a-z0-9]+")


@attrs.frozen
class Verdict:
    """One block labelled by one rule."""

    index: int
    reason: str
    detail: str


class Page:
    """A document seen block by block; rules read it and add verdicts, in rule order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.blocks = doc.blocks
        self.texts = [doc.text[b.start : b.end] for b in doc.blocks]
        #: Verdicts so far: removals already in the document (from earlier steps), then the rules'.
        self.removed: dict[int, Verdict] = {}
        for span in doc.layer(REMOVALS):
            index = span.data.get("block")
            if isinstance(index, int) and 0 <= index < len(self.blocks):
                self.removed[index] = Verdict(index, span.label, str(span.data.get("detail", "")))
        self.earlier = frozenset(self.removed)
        self._text_blocks = [i for i, b in enumerate(self.blocks) if b.kind in TEXT_KINDS]
        self._kept: list[int] = []
        self._kept_for = -1
        self._words = [int(b.features.get("words", -1)) for b in self.blocks]
        for i, count in enumerate(self._words):
            if count < 0:  # blocks without the feature (plain text): counted here, once
                self._words[i] = len(self.texts[i].split())
        self._link_density = [float(b.features.get("link_density", 0.0)) for b in self.blocks]
        #: Results rules share within one page (computed by the first rule that needs them).
        self.memo: dict[str, object] = {}

    def __len__(self) -> int:
        return len(self.blocks)

    @cached_property
    def is_markup(self) -> bool:
        """Whether the blocks carry tree features (from the ``html`` parser)."""
        return any("ancestors" in b.features for b in self.blocks)

    def features(self, index: int) -> Mapping[str, Any]:
        return self.blocks[index].features

    def kept(self) -> list[int]:
        """Indexes of the text blocks no rule has labelled yet (a fresh list; verdicts only grow)."""
        if self._kept_for != len(self.removed):
            self._kept = [i for i in self._text_blocks if i not in self.removed]
            self._kept_for = len(self.removed)
        return list(self._kept)

    def words(self, index: int) -> int:
        return self._words[index]

    def kept_short(self, max_words: int) -> list[int]:
        """The kept text blocks of at most `max_words` words: where line-shaped furniture can be."""
        words = self._words
        return [i for i in self.kept() if words[i] <= max_words]

    def link_density(self, index: int) -> float:
        return self._link_density[index]

    def trail_tokens(self, index: int, nearest: int) -> list[tuple[str, ...]]:
        """Class, id and itemprop tokens of the `nearest` ancestors of a block, nearest last
        (each ancestor's tokens in the order of :func:`tokens_in_order`)."""
        trail = self.blocks[index].features.get("trail", ())
        return [tokens_in_order(step) for step in trail[-nearest:]]


@lru_cache(maxsize=8192)
def tokens_in_order(step: str) -> tuple[str, ...]:
    """The tokens of one ``tag#id.class@itemprop`` descriptor as written, each once, without the
    tag name. Rules that take the first token naming some furniture read them in this order: a
    set's order changes with Python's string hashing, from one run to the next."""
    tag = step.partition("#")[0].partition(".")[0].partition("@")[0]
    return tuple(dict.fromkeys(token for token in _TOKEN.findall(step) if token != tag))


@lru_cache(maxsize=8192)
def tokens_of(step: str) -> frozenset[str]:
    """The tokens of one ``tag#id.class@itemprop`` descriptor, without the tag name."""
    return frozenset(tokens_in_order(step))


class BoilerplateRule(Protocol):
    """One named rule: finds blocks of one kind of page furniture.

    `name` is what ``with.rules`` lists; `reason` the code written on each removal.
    `find` may read `page.removed` (the verdicts of the rules before it) and yields new ones.
    """

    name: str
    description: str

    def find(self, page: Page) -> Iterable[Verdict]: ...
