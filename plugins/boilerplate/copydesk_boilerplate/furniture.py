"""Rules that label page furniture by its markup: the element it sits in, or a link list.

They run after :class:`~copydesk_boilerplate.main_content.MainContent` and catch the
furniture *inside* the article's element (share bars, related-story boxes, comment threads,
newsletter boxes, ad slots) and link lists. They need the ``html`` parser's features and
do nothing on plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from copydesk_boilerplate.main_content import LINK_LIST_DENSITY, layout_of
from copydesk_boilerplate.page import DESCRIPTOR_CACHE, Page, Verdict, tokens_in_order
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
        words_of, trails = page.word_counts, page.markup.trails
        for index in page.kept():
            words = words_of[index]
            if words > MAX_CAPTION_WORDS:
                continue
            for step in reversed(trails[index][-META_ANCESTORS:]):
                reason = metadata_mark(step)
                if reason is IN_ARTICLE:  # "post entry author-jane": the article itself
                    break
                if reason is not None:
                    if reason == "caption" or words <= MAX_META_WORDS:
                        yield Verdict(index, reason, "in an element marked as a byline, date or caption")
                    break


#: What :func:`metadata_mark` says of an element whose tokens name the article itself.
IN_ARTICLE = "in the article"


@lru_cache(maxsize=DESCRIPTOR_CACHE)
def metadata_mark(descriptor: str) -> str | None:
    """The metadata an element's tokens name (``byline``, ``timestamp``, ``caption``), the first
    token as written deciding; :data:`IN_ARTICLE` if they name article content; else None."""
    tokens = tokens_in_order(descriptor)
    if not CONTENT_TOKENS.isdisjoint(tokens):
        return IN_ARTICLE
    for token in tokens:
        reason = META_TOKENS.get(token)
        if reason is not None:
            return reason
    for token in tokens:
        for end, reason in META_SUFFIXES.items():
            if token.endswith(end):
                return reason
    return None


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
