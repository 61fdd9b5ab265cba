"""Main-content selection for pages parsed from markup, from block features alone.

Every element around a block is a candidate container of the article. Prose blocks (long
enough, few links, sentence punctuation) count for the containers they are in; link lists,
landmark blocks and blocks inside furniture elements count against them. An element is
furniture when its class, id or itemprop tokens name furniture (``comments``, ``related``,
``share``, ...) and it holds less than half of the page's prose, so a layout class such as
``non-ad-column`` around the article never sinks it. The container with the best balance
wins (the deepest, on a tie), and every text block outside it is labelled, with the reason
its surroundings suggest.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache

from copydesk_boilerplate.page import Page, Verdict, tokens_in_order, tokens_of
from copydesk_boilerplate.vocabulary import (
    ARTICLE_BODY_PAIRS,
    ARTICLE_BODY_TOKENS,
    CONTENT_TOKENS,
    FURNITURE_PREFIXES,
    FURNITURE_TOKENS,
    LANDMARK_REASONS,
)

#: Fewest words of a prose block (space-separated scripts).
MIN_PROSE_WORDS = 8

#: Fewest characters of a prose block written without spaces between words (Chinese, Japanese, ...).
MIN_PROSE_CHARS_UNSPACED = 25

#: Most link text a prose block may have, as a share of its characters.
MAX_PROSE_LINK_DENSITY = 0.3

#: Link density from which a block counts as a link list.
LINK_LIST_DENSITY = 0.5

#: How much a block counts for each level further up: far-off text counts less, so a wrapper
#: around the article and a column of story teasers does not beat the article's own element.
LEVEL_DECAY = 0.85

#: Most non-prose blocks stepped over when taking prose next to the container.
MAX_GAP = 2

#: Furniture that sits inside an article's run of text (an ad break), rather than ending it.
INLINE_FURNITURE = frozenset(("advertisement", "share_bar", "newsletter"))

#: Most link text of a long block of sentences that still counts as prose.
MAX_LISTED_LINK_DENSITY = 0.7

#: Largest share of the page's prose a furniture element may hold and still be furniture.
MAX_FURNITURE_PROSE_SHARE = 0.5


def landmark_reason(page: Page, index: int) -> str | None:
    for landmark in page.features(index).get("landmarks", ()):
        reason = LANDMARK_REASONS.get(landmark)
        if reason is not None:
            return reason
    return None


def is_prose(page: Page, index: int) -> bool:
    """Whether a block reads like article text: long enough, few links, ends sentences."""
    if page.link_density(index) > MAX_PROSE_LINK_DENSITY:
        return False
    words = page.words(index)
    long_enough = words >= MIN_PROSE_WORDS or (words < 4 and len(page.texts[index]) >= MIN_PROSE_CHARS_UNSPACED)
    return long_enough and int(page.features(index).get("sentences", 1)) > 0


def _sentences(page: Page, index: int) -> bool:
    """A long block of sentences: prose even when many of its words are links (a news digest)."""
    return page.words(index) >= 2 * MIN_PROSE_WORDS and int(page.features(index).get("sentences", 0)) > 0


@lru_cache(maxsize=8192)
def marks_article_body(descriptor: str) -> bool:
    """Whether an element's class, id or itemprop says it holds the article's text."""
    if "@articlebody" in descriptor:
        return True
    tokens = tokens_of(descriptor)
    return bool(tokens & ARTICLE_BODY_TOKENS) or any(pair <= tokens for pair in ARTICLE_BODY_PAIRS)


@lru_cache(maxsize=8192)
def descriptor_reason(descriptor: str) -> str | None:
    """The furniture an element's tokens name, unless they also name article content."""
    tokens = tokens_in_order(descriptor)  # the first token as written decides, in every run
    if not CONTENT_TOKENS.isdisjoint(tokens):
        return None
    for token in tokens:
        reason = FURNITURE_TOKENS.get(token)
        if reason is not None:
            return reason
    for token in tokens:  # run-together names: "relatedposts", "commentlist", "sharebuttons"
        if token.startswith(_PREFIXES):  # one C call rules most tokens out
            for prefix, reason in FURNITURE_PREFIXES.items():
                if token.startswith(prefix):
                    return reason
    return None


_PREFIXES = tuple(FURNITURE_PREFIXES)


class PageLayout:
    """Prose per element and the furniture elements of a page (computed once per page).

    Elements are known by their ``ancestors`` numbers, which follow document order, so a
    parent's number is below its children's: sums over a subtree are made once per element,
    children before parents, rather than once per block and ancestor.
    """

    def __init__(self, page: Page) -> None:
        #: Each element's parent (None for the outermost) and its depth.
        self.parent: dict[int, int | None] = {}
        self.depth: dict[int, int] = {}
        descriptors: dict[int, str] = {}
        #: Prose of each kept block, and the owner element and landmark reason of each.
        self.block_prose: dict[int, float] = {}
        self.owner: dict[int, int] = {}
        self.landmark: dict[int, str | None] = {}
        own_prose: dict[int, float] = {}
        for index in page.kept():
            features = page.features(index)
            chars = len(page.texts[index])
            density = page.link_density(index)
            prose = chars * (1.0 - density) if is_prose(page, index) else 0.0
            if not prose and density < MAX_LISTED_LINK_DENSITY and _sentences(page, index):
                prose = chars * (1.0 - density)
            landmark = self.landmark[index] = landmark_reason(page, index)
            if landmark is not None:
                prose = 0.0
            self.block_prose[index] = prose
            ancestors = features.get("ancestors", ())
            if not ancestors:
                continue
            trail = features.get("trail", ())
            owner = self.owner[index] = ancestors[-1]
            own_prose[owner] = own_prose.get(owner, 0.0) + prose
            for level in range(min(len(ancestors), len(trail)) - 1, -1, -1):
                node = ancestors[level]
                if node in self.depth:  # and so are all elements above it
                    break
                self.depth[node] = level
                self.parent[node] = ancestors[level - 1] if level else None
                descriptors[node] = trail[level]
        #: Elements innermost first: every child comes before its parent.
        self.bottom_up = sorted(self.depth, reverse=True)
        self.prose: dict[int, float] = dict.fromkeys(self.bottom_up, 0.0)
        for node in self.bottom_up:
            self.prose[node] += own_prose.get(node, 0.0)
            parent = self.parent[node]
            if parent is not None:
                self.prose[parent] += self.prose[node]
        total = max(self.prose.values(), default=0.0)
        self.total_prose = total
        self.furniture: dict[int, str] = {}
        self.article_bodies = [node for node, step in descriptors.items() if marks_article_body(step)]
        for node, step in descriptors.items():
            reason = descriptor_reason(step)
            if reason is not None and self.prose[node] <= MAX_FURNITURE_PROSE_SHARE * total:
                self.furniture[node] = reason
        holds_body: set[int] = set()  # elements marked as the article body, and those around them
        for node in self.article_bodies:
            around: int | None = node
            while around is not None and around not in holds_body:
                holds_body.add(around)
                around = self.parent[around]
        self.furniture.update(titled_sections(page, self.owner, holds_body))
        #: The nearest furniture element at or around each element, parents first.
        self.nearest_furniture: dict[int, tuple[int, str] | None] = {}
        for node in reversed(self.bottom_up):
            reason = self.furniture.get(node)
            parent = self.parent[node]
            self.nearest_furniture[node] = (
                (node, reason) if reason is not None else self.nearest_furniture[parent] if parent is not None else None
            )

    def marked_body_around(self, page: Page, node: int) -> int:
        """The nearest element around `node` (or itself) that the page marks as the article body,
        else `node`: the page's own word on where its article is beats a part of it."""
        marked = set(self.article_bodies)
        candidate: int | None = node
        while candidate is not None and candidate in self.parent:
            if candidate in marked:
                return candidate
            candidate = self.parent[candidate]
        return node

    def furniture_of(self, page: Page, index: int) -> tuple[int, str] | None:
        """The nearest furniture element around a block, and what furniture it is."""
        owner = self.owner.get(index)
        if owner is None:
            return None
        return self.nearest_furniture.get(owner)

    def landmark_of(self, page: Page, index: int) -> str | None:
        """The landmark reason of a block (see :func:`landmark_reason`), looked up once per page."""
        if index in self.landmark:
            return self.landmark[index]
        return landmark_reason(page, index)


#: Furniture that comes as a section opened by its own heading ("You may also like", "Comments").
SECTION_REASONS = frozenset(("related_links", "comments"))


def titled_sections(
    page: Page, owners: dict[int, int], holds_body: AbstractSet[int] = frozenset()
) -> dict[int, str]:
    """Elements opened by a heading whose class or id names a story list or a comment thread.

    A heading titles the element it opens: ``<section><h3 class="related-posts-title">You may
    also like</h3><article>...</article>...</section>`` is a list of other stories however
    much teaser prose it holds (so the share-of-prose limit of other furniture does not
    apply). The heading must be the first text of that element, and the element must not
    hold a top-level heading (``h1``) or an element marked as the article body (nor be one):
    the section with the page's headline or its marked body is the article. Pages without an
    ``h1`` are left to the other rules.
    """
    kept = page.kept()
    with_headline: set[int] = set()
    for index in kept:
        if page.features(index).get("heading_level") == 1:
            with_headline.update(page.features(index).get("ancestors", ()))
    if not with_headline:
        return {}
    found: dict[int, str] = {}
    previous: tuple[int, ...] = ()
    for index in kept:
        features = page.features(index)
        ancestors = features.get("ancestors", ())
        trail = features.get("trail", ())
        if page.blocks[index].kind == "heading" and len(ancestors) >= 2 and trail and index in owners:
            reason = descriptor_reason(trail[-1])
            section = ancestors[-2]
            if (
                reason in SECTION_REASONS
                and section not in previous
                and section not in with_headline
                and section not in holds_body
            ):
                found[section] = str(reason)
        previous = ancestors
    return found


def layout_of(page: Page) -> PageLayout:
    """The page's layout, computed by the first rule that asks for it."""
    layout = page.memo.get("layout")
    if not isinstance(layout, PageLayout):
        layout = PageLayout(page)
        page.memo["layout"] = layout
    return layout


class MainContent:
    """Label the text blocks outside the element that holds the article."""

    name = "main_content"
    description = "for pages from markup: keep the element with the most prose and the least furniture"

    def container(self, page: Page) -> int | None:
        """The ``ancestors`` number of the element that best holds the article, if any prose.

        Balance = text outside links of prose blocks, minus link text, minus all text of
        furniture and landmark blocks; an element marked as the article body (itemprop
        ``articleBody``, ``article-body``, ``entry-content``, ...) counts its prose twice.
        """
        layout = layout_of(page)
        own: dict[int, float] = {}
        for index in page.kept():
            owner = layout.owner.get(index)
            if owner is None:
                continue
            chars = float(len(page.texts[index]))
            good = layout.block_prose.get(index, 0.0)
            if layout.furniture_of(page, index) is not None or layout.landmark_of(page, index):
                good, bad = 0.0, chars
            else:
                bad = float(page.features(index).get("link_chars", 0))
            if not good and not bad:
                continue
            own[owner] = own.get(owner, 0.0) + good - bad
        if not own:
            return None
        # A block's weight counts fully in its owner and LEVEL_DECAY times less each level up.
        balance: dict[int, float] = {}
        below: dict[int, float] = {}
        counted: set[int] = set(own)
        for node in layout.bottom_up:
            if node not in counted:
                continue
            balance[node] = own.get(node, 0.0) + below.get(node, 0.0)
            parent = layout.parent[node]
            if parent is not None:
                below[parent] = below.get(parent, 0.0) + LEVEL_DECAY * balance[node]
                counted.add(parent)
        for node in layout.article_bodies:
            if node in balance:
                balance[node] += layout.prose.get(node, 0.0)
        best = max(balance, key=lambda node: (balance[node], layout.depth[node]))
        if balance[best] <= 0:
            return None
        return layout.marked_body_around(page, best)

    def find(self, page: Page) -> Iterator[Verdict]:
        if not page.is_markup:
            return
        best = self.container(page)
        if best is None:
            return
        layout = layout_of(page)
        kept = page.kept()
        inside = {i for i in kept if best in page.features(i).get("ancestors", ())}
        inside |= self.adjacent_prose(page, kept, inside)
        for index in kept:
            if index in inside:
                continue
            found = layout.furniture_of(page, index)
            reason = layout.landmark_of(page, index) or (found[1] if found else "outside_main_content")
            yield Verdict(index, reason, "outside the element that holds the article text")

    def adjacent_prose(self, page: Page, kept: list[int], inside: set[int]) -> set[int]:
        """Prose just before or after the container: an article split by an ad break or a layout grid.

        Walks outwards from the container's first and last prose blocks while blocks are prose,
        stepping over at most ``MAX_GAP`` other blocks (ads and share bars among them), and stops
        at other furniture or a landmark.
        """
        layout = layout_of(page)
        positions = [p for p, i in enumerate(kept) if i in inside and layout.block_prose.get(i)]
        if not positions:
            return set()
        extra: set[int] = set()
        for start, step in ((positions[0] - 1, -1), (positions[-1] + 1, 1)):
            gap = 0
            position = start
            while 0 <= position < len(kept) and gap <= MAX_GAP:
                index = kept[position]
                if index in inside:
                    break
                found = layout.furniture_of(page, index)
                if layout.landmark_of(page, index) or (found is not None and found[1] not in INLINE_FURNITURE):
                    break
                if found is None and is_prose(page, index):
                    extra.add(index)
                    gap = 0
                else:
                    gap += 1
                position += step
        return extra
