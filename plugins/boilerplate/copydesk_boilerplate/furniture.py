"""Rules that label page furniture by its markup: the element it sits in, or a link list.

They run after :class:`~copydesk_boilerplate.main_content.MainContent` and catch the
furniture *inside* the article's element (share bars, related-story boxes, comment threads,
newsletter boxes, ad slots) and link lists. They need the ``html`` parser's features and
do nothing on plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk_boilerplate.main_content import LINK_LIST_DENSITY, layout_of
from copydesk_boilerplate.page import Page, Verdict
from copydesk_boilerplate.vocabulary import CONTENT_TOKENS, META_SUFFIXES, META_TOKENS


class MarkedFurniture:
    """Label blocks inside an element whose class/id names furniture (``share-bar``, ``comments``, ...)."""

    name = "marked_furniture"
    description = "for pages from markup: blocks in elements whose class or id names furniture, or in landmarks"

    def find(self, page: Page) -> Iterator[Verdict]:
        if not page.is_markup:
            return
        layout = layout_of(page)
        for index in page.kept():
            found = layout.furniture_of(page, index)
            if found is not None:
                yield Verdict(index, found[1], "inside an element marked as furniture by its class or id")
                continue
            reason = layout.landmark_of(page, index)
            if reason is not None:
                yield Verdict(index, reason, "inside a navigation, footer or aside landmark")


#: Link density from which a block on its own (not in a run) is a link.
SINGLE_LINK_DENSITY = 0.85


def _digest_item(page: Page, index: int) -> bool:
    """A long block of sentences with links in it (a news digest item), or a paragraph that is
    a whole sentence with a link in it: text, not a link list entry."""
    if page.link_density(index) >= 0.75 or page.features(index).get("sentences", 0) == 0:
        return False
    if page.words(index) >= 16:
        return True
    return (
        page.features(index).get("tag") == "p"
        and page.words(index) >= MIN_SENTENCE_WORDS
        and _SENTENCE.search(page.texts[index]) is not None
    )


#: Fewest words of a ``<p>`` sentence that stays text however much of it is linked.
MIN_SENTENCE_WORDS = 8

#: A block that ends a sentence: a full stop, question or exclamation mark, maybe inside closing quotes.
_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019')]*\s*$")


#: Most words of a block labelled for sitting in a byline or date element.
MAX_META_WORDS = 40

#: Most words of a block labelled for sitting in a caption or credit element.
MAX_CAPTION_WORDS = 80

#: How many ancestors of a block are searched for metadata and caption tokens.
META_ANCESTORS = 3


class MarkedMetadata:
    """Label short blocks in elements marked as bylines, dates or picture captions and credits."""

    name = "marked_metadata"
    description = "for pages from markup: short blocks in byline, date, caption and credit elements"

    def find(self, page: Page) -> Iterator[Verdict]:
        if not page.is_markup:
            return
        for index in page.kept():
            words = page.words(index)
            if words > MAX_CAPTION_WORDS:
                continue
            for tokens in reversed(page.trail_tokens(index, META_ANCESTORS)):
                if not CONTENT_TOKENS.isdisjoint(tokens):  # "post entry author-jane": the article itself
                    break
                reason = next((META_TOKENS[t] for t in tokens if t in META_TOKENS), None) or next(
                    (r for t in tokens for end, r in META_SUFFIXES.items() if t.endswith(end)), None
                )
                if reason is not None:
                    if reason == "caption" or words <= MAX_META_WORDS:
                        yield Verdict(index, reason, "in an element marked as a byline, date or caption")
                    break


class LinkLists:
    """Label runs of short, mostly-linked blocks: menus, tag lists, lists of other stories.

    A lone linked sentence inside prose stays; it takes a run of two or more linked
    blocks, or one block that is nearly all link text and short.
    """

    name = "link_lists"
    description = "blocks that are mostly link text: menus, tag lists, lists of stories"

    def find(self, page: Page) -> Iterator[Verdict]:
        if not page.is_markup:
            return
        kept = page.kept()
        linky = [page.link_density(i) >= LINK_LIST_DENSITY and not _digest_item(page, i) for i in kept]
        for position, index in enumerate(kept):
            if not linky[position]:
                continue
            in_run = (position > 0 and linky[position - 1]) or (position + 1 < len(kept) and linky[position + 1])
            if in_run or page.link_density(index) >= SINGLE_LINK_DENSITY or page.words(index) < 6:
                reason = "navigation" if page.words(index) <= 3 else "related_links"
                yield Verdict(index, reason, f"link text is {page.link_density(index):.0%} of the block")
