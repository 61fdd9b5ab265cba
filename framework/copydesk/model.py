"""The document model: frozen attrs classes with stand-off annotation.

A `Document`'s `text` is fixed once a parser has set it; everything learned about the
text afterwards is stand-off: `Block`s for its structure and `Span`s for annotations,
both as half-open code-point offsets into `text`. Steps return new documents
(`attrs.evolve` or the helpers below); nothing is mutated, so offsets never go stale.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

import attrs

#: Span layer whose spans mark text left out of a document's body. Any step may add one
#: (label = a short reason code); the span is the record of the removal, nothing is deleted.
REMOVALS = "removals"


class FrozenData(dict[str, Any]):
    """A read-only, picklable mapping for annotation data and metadata.

    A dict whose changing methods refuse: reading it (``get``, ``[]``, ``in``, iteration)
    runs at dict speed, and rules read the features of every block of a page several times.
    `types.MappingProxyType` would do, but it cannot be pickled, and documents cross process
    boundaries. ``dict.__setitem__(data, ...)`` still gets through, as any Python object can
    be changed by one who insists; what the model guards against is changing it by mistake.
    """

    __slots__ = ()

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        _refuse_change()

    def __delitem__(self, key: str) -> NoReturn:
        _refuse_change()

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        _refuse_change()

    def clear(self) -> NoReturn:
        _refuse_change()

    def pop(self, *args: Any) -> NoReturn:
        _refuse_change()

    def popitem(self) -> NoReturn:
        _refuse_change()

    def setdefault(self, *args: Any) -> NoReturn:
        _refuse_change()

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse_change()

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenData, (dict(self),))

    def __repr__(self) -> str:
        return f"FrozenData({dict.__repr__(self)})"

    # Equal to any mapping with the same items, as a Mapping is (a dict alone is equal to dicts only).
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict.__eq__(self, other if isinstance(other, dict) else dict(other))
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted((k, repr(v)) for k, v in self.items())))

    def merged(self, other: Mapping[str, Any]) -> FrozenData:
        """A copy with `other`'s items added (or replacing existing ones)."""
        return FrozenData({**self, **other})


def _refuse_change() -> NoReturn:
    raise TypeError("FrozenData is read-only")


def _frozen(value: Mapping[str, Any] | None) -> FrozenData:
    if isinstance(value, FrozenData):
        return value
    return FrozenData(value or {})


def _refuse_offsets(kind: str, start: int, end: int) -> NoReturn:
    """The error for offsets that are not ``0 <= start <= end``."""
    if start < 0:
        raise ValueError(f"{kind}.start must be >= 0, got {start}")
    if end < 0:
        raise ValueError(f"{kind}.end must be >= 0, got {end}")
    raise ValueError(f"{kind} end {end} is before start {start}")


@attrs.frozen(init=False)
class Span:
    """An annotation over `text[start:end]`, owned by one plugin's `layer`."""

    start: int
    end: int
    label: str
    layer: str
    data: FrozenData = attrs.field(factory=FrozenData)

    def __init__(
        self, start: int, end: int, label: str, layer: str, data: Mapping[str, Any] | None = None
    ) -> None:
        if not 0 <= start <= end:
            _refuse_offsets(type(self).__name__, start, end)
        set_start, set_end, set_label, set_layer, set_data = _SPAN_SLOTS
        set_start(self, start)
        set_end(self, end)
        set_label(self, label)
        set_layer(self, layer)
        set_data(self, data if isinstance(data, FrozenData) else FrozenData(data or {}))  # as _frozen, inline


@attrs.frozen(init=False)
class Block:
    """A structural unit of the text (paragraph, heading, list item, ...).

    `provenance` says where it came from in the source (an xpath, a line range), so a
    user can find it again; `features` carries what classifiers need (link density, ...).
    """

    start: int
    end: int
    kind: str
    provenance: str = ""
    features: FrozenData = attrs.field(factory=FrozenData)

    def __init__(
        self, start: int, end: int, kind: str, provenance: str = "", features: Mapping[str, Any] | None = None
    ) -> None:
        if not 0 <= start <= end:
            _refuse_offsets(type(self).__name__, start, end)
        set_start, set_end, set_kind, set_provenance, set_features = _BLOCK_SLOTS
        set_start(self, start)
        set_end(self, end)
        set_kind(self, kind)
        set_provenance(self, provenance)
        set_features(self, features if isinstance(features, FrozenData) else FrozenData(features or {}))  # as _frozen


def _slot_setters(cls: type) -> tuple[Any, ...]:
    """The ``__set__`` of each field's slot descriptor, in field order."""
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))


#: The slot setters of `Span` and `Block`, in field order.
#: Their constructors set each slot through its descriptor: the way around a frozen class's
#: ``__setattr__`` that costs least (``object.__setattr__`` looks the name up first). A page
#: makes a Block per paragraph and a Span per removed block, so the constructors are hot.
_SPAN_SLOTS = _slot_setters(Span)
_BLOCK_SLOTS = _slot_setters(Block)


@attrs.frozen
class SourceInfo:
    """Where a document came from: enough to find and verify the input again."""

    uri: str
    media_type: str
    sha256: str


@attrs.frozen
class StepFailure:
    """A step that raised on this document, kept as data like pytest keeps a failed test."""

    step: str
    error_type: str
    message: str

    def describe(self) -> str:
        return f"{self.step}: {self.error_type}: {self.message}"


def _tuple_of_blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _tuple_of_spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _tuple_of_failures(value: Iterable[StepFailure]) -> tuple[StepFailure, ...]:
    return tuple(value)


@attrs.frozen
class Document:
    """One input on its way through a pipeline.

    Before parsing, `raw` holds the input's bytes and `text` is empty; a parser step sets
    `text` (and `parsed_by`), after which the runner refuses any step that changes it.
    """

    id: str
    source: SourceInfo
    raw: bytes | None = attrs.field(default=None, repr=False)
    text: str = attrs.field(default="", repr=False)
    parsed_by: str | None = None
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_tuple_of_blocks)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple_of_spans)
    meta: FrozenData = attrs.field(factory=FrozenData, converter=_frozen)
    failures: tuple[StepFailure, ...] = attrs.field(default=(), converter=_tuple_of_failures)
    #: The removal index once asked for (see `removal_index`); not part of the document's value.
    _removals: RemovalIndex | None = attrs.field(default=None, init=False, repr=False, eq=False)

    @property
    def parsed(self) -> bool:
        return self.parsed_by is not None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def layer(self, name: str) -> tuple[Span, ...]:
        """The spans of one layer, in document order."""
        return tuple(sorted((s for s in self.spans if s.layer == name), key=_SPAN_ORDER))

    def with_spans(self, spans: Iterable[Span]) -> Document:
        """A new document with `spans` added; offsets are checked against `text`."""
        new = tuple(spans)
        limit = len(self.text)
        removes = False
        for span in new:
            if span.end > limit:
                raise ValueError(f"span {span.start}:{span.end} runs past the text ({limit} characters)")
            removes = removes or span.layer == REMOVALS
        return self._keeping_removals(attrs.evolve(self, spans=self.spans + new), not removes)

    def with_meta(self, **items: Any) -> Document:
        return self._keeping_removals(attrs.evolve(self, meta=self.meta.merged(items)), True)

    def removal_index(self) -> RemovalIndex:
        """The removal spans, indexed: ask it about every block of a document.

        Made once per document and handed on by `with_spans` (when it adds no removal) and
        `with_meta`: the quotes step and the record both ask, about the same removals.
        """
        index = self._removals
        if index is None:
            index = RemovalIndex(s for s in self.spans if s.layer == REMOVALS)
            _set_removals(self, index)
        return index

    def _keeping_removals(self, new: Document, same_removals: bool) -> Document:
        if same_removals and self._removals is not None:
            _set_removals(new, self._removals)
        return new

    def removal_of(self, block: Block) -> Span | None:
        """The removal span covering `block`, if any step removed it (in a loop over blocks,
        ``removal_index().of_each(blocks)`` answers for all of them in one call)."""
        return self.removal_index().of(block)

    def remove_block(self, index: int, reason: str, *, detail: str = "", by: str = "") -> Document:
        """Mark block `index` as removed with a reason code; the block itself stays."""
        block = self.blocks[index]
        span = Span(block.start, block.end, reason, REMOVALS, {"block": index, "detail": detail, "by": by})
        return attrs.evolve(self, spans=(*self.spans, span))


#: Spans in the order of their text, ``(start, end)`` (a C-level sort key: every document's
#: removal spans are sorted once for its quotes and once for its record).
_SPAN_ORDER = operator.attrgetter("start", "end")


class RemovalIndex:
    """Which removal span covers a block, in log time.

    A span removing exactly the block wins; otherwise, among the spans starting at or before
    the block, the one reaching furthest covers it if any does.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=_SPAN_ORDER)
        self._exact = {(s.start, s.end): s for s in ordered}
        self._starts = [s.start for s in ordered]
        #: By position in `ordered`: the first span reaching furthest among those up to there.
        self._furthest: list[Span] = []
        reach: Span | None = None
        for span in ordered:
            if reach is None or span.end > reach.end:
                reach = span
            self._furthest.append(reach)
        #: The last tuple of blocks `of_each` answered for, and its answer.
        self._asked: tuple[Block, ...] | None = None
        self._answer: list[Span | None] = []

    def of(self, block: Block) -> Span | None:
        return self._covering((block,))[0]

    def of_each(self, blocks: Sequence[Block]) -> list[Span | None]:
        """`of` each block, in their order: one call for a loop over a document's blocks. The
        quotes step and the record each ask about all of them: asked again about the same tuple
        (a document's blocks, which cannot change), it answers from memory."""
        if blocks is self._asked:
            return list(self._answer)
        found = self._covering(blocks)
        if type(blocks) is tuple:
            self._asked, self._answer = blocks, found
            return list(found)
        return found

    def _covering(self, blocks: Sequence[Block]) -> list[Span | None]:
        if not self._starts:
            return [None] * len(blocks)
        exact, starts, furthest = self._exact.get, self._starts, self._furthest
        found: list[Span | None] = []
        for block in blocks:
            start, end = block.start, block.end
            span = exact((start, end))
            if span is None:
                i = bisect.bisect_right(starts, start) - 1
                if i >= 0 and furthest[i].end >= end:
                    span = furthest[i]
            found.append(span)
        return found


@attrs.frozen
class Drop:
    """Returned by a step instead of a document: leave this input out, for `reason`."""

    reason: str
    detail: str = ""


#: Sets a document's memo of its removal index (a frozen class refuses ordinary assignment).
_set_removals = Document.__dict__["_removals"].__set__
