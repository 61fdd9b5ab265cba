"""Quotation marks: where each quotation opens and closes, in one pass over the text.

News writes double quotation marks in many ways: straight ``"``, curly ``“ ”``, low ``„``,
guillemets ``« »``, two apostrophes ``''`` (NYT style, for opening and closing alike),
two backticks ````…''`` (TeX style), and doubled curly singles ``\u2018\u2018 \u2019\u2019``. Single marks are
left alone: they are apostrophes or nested quotations, and a nested quotation belongs to
the one around it.

Straight marks do not say which way they face, so the characters beside them decide; when
those do not, the mark closes an open quotation and opens otherwise. A quotation still open
at the end of its paragraph runs to the paragraph end; if the next paragraph opens with a
mark, the two pieces are one quotation over several paragraphs (news repeats the opening
mark on each paragraph of a long quotation and closes only the last one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from copydesk_quotes.work import WorkCounter

#: Marks, longest first so ``''`` is not read as two single marks. Each alternative opens
#: with a literal character, not a class: then the engine finds the next possible mark in C
#: from the set of those characters instead of trying the alternatives at every position
#: (half the time of the whole pass).
_MARK = re.compile(r"``|''|\u2018\u2018|\u2019\u2019|,,|\"|“|”|„|«|»|‟")
_OPENING = frozenset({"``", "\u2018\u2018", "“", "„", "«", "‟"})
_CLOSING = frozenset({"\u2019\u2019", "”", "»"})
#: Characters after which a straight mark opens: start of text, blanks, brackets, dashes.
_BEFORE_OPENING = frozenset(" \t\n\u00a0([{—\u2013-/:")
#: Characters before which a straight mark closes.
_AFTER_CLOSING = frozenset(" \t\n\u00a0)]},.;:?!—\u2013-/")


@attrs.frozen
class Quotation:
    """One quoted piece inside one paragraph: ``text[start:end]`` with its marks.

    `closed` is False when the paragraph ended before a closing mark; `chain` numbers the
    pieces of one quotation that runs over several paragraphs (None for a one-piece quote).
    """

    start: int
    end: int
    closed: bool
    chain: int | None = None


def _facing(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close' or '' (unknown) for the mark at text[start:end]."""
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING:
        return "close"
    if mark == ",,":
        return ""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before in _BEFORE_OPENING and after not in " \t\n\u00a0"
    closes = after in _AFTER_CLOSING and before not in " \t\n\u00a0"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return ""


def _blank(text: str, start: int, end: int) -> bool:
    return end - start < 4 and not text[start:end].strip()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotations(
    text: str, paragraphs: Sequence[tuple[int, int]], work: WorkCounter | None = None
) -> list[Quotation]:
    """The quotations of `paragraphs` (sorted (start, end) ranges of `text`), in order."""
    found: list[Quotation] = []
    chain_count = 0
    pending_chain: int | None = None  # chain id if the previous paragraph ended inside a quotation
    for p_start, p_end in paragraphs:
        opened: int | None = None
        first_mark = True
        chain_here = None
        for match in _MARK.finditer(text, p_start, p_end):
            if work is not None:
                work.tick()
            mark = match.group()
            if mark == ",,":
                continue
            facing = _facing(text, match.start(), match.end(), mark)
            if mark == "“" and opened is not None and text.startswith("„", opened):
                facing = "close"  # „German style“
            if first_mark and pending_chain is not None and facing != "close" and _blank(text, p_start, match.start()):
                # The paragraph continues the quotation left open in the one before.
                chain_here = pending_chain
            first_mark = False
            if facing == "open" or (facing == "" and opened is None):
                if opened is not None:
                    # A second opening mark: the first quotation was never closed.
                    end = _trim_end(text, opened, match.start())
                    if end > opened + 1:
                        found.append(Quotation(opened, end, closed=False, chain=chain_here))
                    chain_here = None
                opened = match.start()
            elif opened is not None:
                found.append(Quotation(opened, match.end(), closed=True, chain=chain_here))
                chain_here = None
                opened = None
            # A closing mark with nothing open is stray (inches, a typo): ignored.
        pending_chain = None
        if opened is not None:
            end = _trim_end(text, opened, p_end)
            if end > opened + 1:
                if chain_here is None:
                    chain_count += 1
                    chain_here = chain_count
                found.append(Quotation(opened, end, closed=False, chain=chain_here))
                pending_chain = chain_here
    return _drop_lone_chains(found)


def _drop_lone_chains(quotations: list[Quotation]) -> list[Quotation]:
    """A chain with one piece is just an unclosed quotation."""
    sizes: dict[int, int] = {}
    for q in quotations:
        if q.chain is not None:
            sizes[q.chain] = sizes.get(q.chain, 0) + 1
    return [attrs.evolve(q, chain=None) if q.chain is not None and sizes[q.chain] < 2 else q for q in quotations]


def quotations_by_paragraph(
    paragraphs: Sequence[tuple[int, int]], quotations: Sequence[Quotation]
) -> Iterator[list[Quotation]]:
    """For each of `paragraphs` (sorted, non-overlapping), the `quotations` (sorted) that start
    in it: one walk over both lists."""
    q = 0
    for p_start, p_end in paragraphs:
        while q < len(quotations) and quotations[q].start < p_start:
            q += 1
        here = q
        while here < len(quotations) and quotations[here].start < p_end:
            here += 1
        yield list(quotations[q:here])
        q = here
