"""Line structure of news text: where paragraphs begin and end.

Paragraphs are separated by blank lines, or by single newlines when the text has no
blank lines between paragraphs (common in copied news text). A run of lines is read as
one hard-wrapped paragraph only when each line is filled up to the wrap width, i.e. the
next line's first word would not have fitted; lists and short lines stay separate.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

_BLANK_RUN = re.compile(r"\n[ \t\u00a0\u2000-\u200b\u3000]*\n[\s\u00a0]*")
_EDGE_SPACE = frozenset(" \t\n\r\f\v\u00a0\u202f\u205f\u3000\ufeff") | {chr(c) for c in range(0x2000, 0x200C)}

#: Longest line still taken for a hard-wrapped line of prose.
MAX_WRAP_WIDTH = 120
#: Narrower text is not wrapped prose (short lines are lists, titles, captions).
MIN_WRAP_WIDTH = 40


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Half-open (start, end) of each paragraph, edges trimmed of blanks."""
    position = 0
    for match in _BLANK_RUN.finditer(text):
        yield from _chunk(text, position, match.start())
        position = match.end()
    yield from _chunk(text, position, len(text))


def _chunk(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    lines = []
    offset = start
    for line in text[start:end].split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    trimmed = [t for t in (_trim(text, s, e) for s, e in lines) if t is not None]
    if not trimmed:
        return
    if _hard_wrapped([text[s:e] for s, e in trimmed]):
        yield trimmed[0][0], trimmed[-1][1]
    else:
        yield from trimmed


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return (start, end) if end > start else None


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return False
    for line, following in itertools.pairwise(lines):
        next_word = following.split(" ", 1)[0]
        if len(line) + 1 + len(next_word) <= width:
            return False
    return True
