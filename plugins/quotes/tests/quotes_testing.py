"""Helpers shared by the quotes plugin tests (a uniquely named module, not a conftest)."""

from __future__ import annotations

import re
from pathlib import Path

from copydesk import Document
from copydesk.testing import make_document

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"

_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "the", "a", "an", "president", "secretary", "minister", "foreign", "senator", "sen"]
)


def line_document(text: str, doc_id: str = "doc") -> Document:
    """A document with one paragraph block per non-empty line, as the text reader makes them."""
    blocks = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            blocks.append((start, start + len(stripped), "paragraph"))
        offset += len(line) + 1
    return make_document(text, doc_id=doc_id, blocks=blocks)


def name_tokens(name: str) -> list[str]:
    words = re.sub(r"[\u2019']s\b", "", name.lower())
    return [w for w in re.split(r"[^\w]+", words) if w and w not in _TITLES]


def same_speaker(expected: str, found: str) -> bool:
    """Names match when equal, or when the shorter is a subset of the longer holding its surname."""
    a, b = name_tokens(expected), name_tokens(found)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (set(short) <= set(long_) and long_[-1] in short)


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))
