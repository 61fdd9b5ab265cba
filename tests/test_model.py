"""The document model's own guarantees: offsets are checked when a block or span is made."""

from __future__ import annotations

import pytest

from copydesk import Block, FrozenData, Span


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 4, "start must be >= 0, got -1"),
        (-3, -1, "start must be >= 0, got -3"),
        (0, -1, "end must be >= 0, got -1"),
        (5, 2, "end 2 is before start 5"),
    ],
)
def test_bad_offsets_are_refused_with_the_offending_value(start: int, end: int, message: str) -> None:
    with pytest.raises(ValueError, match=f"^Block.?{message}$"):
        Block(start, end, "paragraph")
    with pytest.raises(ValueError, match=f"^Span.?{message}$"):
        Span(start, end, "share_bar", "removals")


def test_an_empty_or_ordinary_range_is_accepted() -> None:
    assert Block(0, 0, "paragraph").end == 0
    span = Span(3, 9, "share_bar", "removals", {"block": 1})
    assert (span.start, span.end, span.data) == (3, 9, FrozenData({"block": 1}))


def test_blocks_and_spans_stay_frozen_and_copy_what_they_are_given() -> None:
    import pickle

    import attrs

    given = {"words": 3}
    block = Block(2, 7, "paragraph", "/html/body/p", given)
    given["words"] = 4  # the caller's dict is not the block's
    assert block.features == {"words": 3} and isinstance(block.features, FrozenData)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        block.start = 0  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(block)) == block
    assert attrs.evolve(block, end=9) == Block(2, 9, "paragraph", "/html/body/p", {"words": 3})
    with pytest.raises(ValueError, match="end 1 is before start 2"):
        attrs.evolve(block, end=1)
    span = Span(1, 2, "byline", "removals")
    assert span.data == {} and Block(0, 1, "title").features == {} and Block(0, 1, "title").provenance == ""
    assert pickle.loads(pickle.dumps(span)) == span and hash(span) == hash(Span(1, 2, "byline", "removals", {}))


def test_frozen_data_reads_as_a_dict_and_refuses_every_change() -> None:
    import copy
    import pickle
    import types

    data = FrozenData({"words": 3, "trail": ("div", "p")})
    assert data.get("words") == 3 and data["trail"] == ("div", "p") and "words" in data and len(data) == 2
    assert data == {"words": 3, "trail": ("div", "p")} == data
    assert data == types.MappingProxyType({"words": 3, "trail": ("div", "p")})  # any mapping with its items
    assert data != {"words": 4} and data != types.MappingProxyType({"words": 4})
    changes = [
        lambda: data.__setitem__("words", 4),
        lambda: data.__delitem__("words"),
        lambda: data.update(words=4),
        lambda: data.__ior__({"words": 4}),
        lambda: data.pop("words"),
        lambda: data.popitem(),
        lambda: data.setdefault("links", 0),
        lambda: data.clear(),
    ]
    for change in changes:
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert data == {"words": 3, "trail": ("div", "p")}
    for copied in (pickle.loads(pickle.dumps(data)), copy.deepcopy(data), data.merged({})):
        assert type(copied) is FrozenData and copied == data and hash(copied) == hash(data)
    assert data.merged({"words": 4}) == {"words": 4, "trail": ("div", "p")} and data["words"] == 3
    assert repr(FrozenData({"a": 1})) == "FrozenData({'a': 1})"
