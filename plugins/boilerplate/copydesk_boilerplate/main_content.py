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

from copydesk_boilerplate.page import DESCRIPTOR_CACHE, Page, Verdict, tokens_in_order
from copydesk_boilerplate.vocabulary import (
    ARTICLE_BODY_PAIRS,
    ARTICLE_BODY_TOKENS,
    CONTENT_TOKENS,
    FURNITURE_PREFIXES,
    FURNITURE_TOKENS,
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


def reads_as_prose(words: int, chars: int, link_density: float, sentences: int | None) -> bool:
    """Whether a block of these measures reads like article text: long enough, few links, ends
    sentences (a block without the sentence count, from plain text, is given the benefit)."""
    long_enough = words >= MIN_PROSE_WORDS or (words < 4 and chars >= MIN_PROSE_CHARS_UNSPACED)
    return long_enough and link_density <= MAX_PROSE_LINK_DENSITY and (sentences is None or int(sentences) > 0)


def is_prose(page: Page, index: int) -> bool:
    """Whether a block reads like article text (see :func:`reads_as_prose`)."""
    return reads_as_prose(
        page.word_counts[index],
        len(page.texts[index]),
        page.link_densities[index],
        page.feature_maps[index].get("sentences"),
    )


@lru_cache(maxsize=DESCRIPTOR_CACHE)
def descriptor_facts(descriptor: str) -> tuple[str | None, bool]:
    """What an element's class, id and itemprop tokens say: the furniture they name, unless they
    also name article content (the first token as written decides, in every run), and whether
    they mark the element holding the article's text. One cached look-up per element: a page
    has hundreds, and most descriptors recur within a page and across a site.
    """
    tokens = tokens_in_order(descriptor)
    if _KNOWN_WORDS.isdisjoint(tokens) and "@articlebody" not in descriptor:
        return prefix_reason(tokens), False  # most descriptors: no word of the vocabulary
    pair_words = _PAIR_WORDS.intersection(tokens)  # a pair is in the tokens if it is in these
    body = (
        "@articlebody" in descriptor
        or not ARTICLE_BODY_TOKENS.isdisjoint(tokens)
        or (bool(pair_words) and any(pair <= pair_words for pair in ARTICLE_BODY_PAIRS))
    )
    if not tokens or not CONTENT_TOKENS.isdisjoint(tokens):
        return None, body
    if not _FURNITURE_WORDS.isdisjoint(tokens):
        for token in tokens:
            reason = FURNITURE_TOKENS.get(token)
            if reason is not None:
                return reason, body
    return prefix_reason(tokens), body


def prefix_reason(tokens: tuple[str, ...]) -> str | None:
    """The furniture named by the first token that starts with a furniture prefix: run-together
    names such as "relatedposts", "commentlist", "sharebuttons"."""
    for token in tokens:
        if token.startswith(_PREFIXES):  # one C call rules most tokens out
            for prefix, reason in FURNITURE_PREFIXES.items():
                if token.startswith(prefix):
                    return reason
    return None


_FURNITURE_WORDS = frozenset(FURNITURE_TOKENS)
_PAIR_WORDS = frozenset().union(*ARTICLE_BODY_PAIRS)
_PREFIXES = tuple(FURNITURE_PREFIXES)
#: Every word `descriptor_facts` looks for: tokens with none of them name only by a prefix.
_KNOWN_WORDS = ARTICLE_BODY_TOKENS | _PAIR_WORDS | CONTENT_TOKENS | _FURNITURE_WORDS


class PageLayout:
    """Prose per element and the furniture elements of a page (computed once per page).

    Elements are known by their ``ancestors`` numbers, which follow document order, so a
    parent's number is below its children's: sums over a subtree are made once per element,
    children before parents, rather than once per block and ancestor.
    """

    def __init__(self, page: Page) -> None:
        facts = page.markup
        texts, words, densities = page.texts, page.word_counts, page.link_densities
        ancestors_of, trails, landmarks, features = facts.ancestors, facts.trails, facts.landmarks, page.feature_maps
        # Per element, lists indexed by element number (small ints: a list index is far cheaper
        # than a dict look-up); a block's owner, its innermost element, has the highest number.
        #: One more than the highest element number: the length of the lists by element.
        self.size = size = 1 + max((ancestors[-1] for ancestors in ancestors_of if ancestors), default=-1)
        #: Each element's parent (None for the outermost) and its depth (-1: an element no kept block
        #: is in, or one without a descriptor).
        parent: list[int | None] = [None] * size
        depth = [-1] * size
        #: The elements with a depth.
        known: list[int] = []
        #: The furniture each element's descriptor names (before the share-of-prose limit).
        named: dict[int, str] = {}
        self.article_bodies: list[int] = []
        #: Per block: the prose of the kept blocks that have any (0.0 for most), and the owner
        #: element of each kept block that is in one (None for the others).
        block_prose = [0.0] * len(texts)
        owner_of: list[int | None] = [None] * len(texts)
        own_prose: dict[int, float] = {}
        kept = page.kept()
        for index in kept:
            prose = 0.0
            density = densities[index]
            # Prose, or a long block of sentences (a news digest); both need fewer links than
            # MAX_LISTED_LINK_DENSITY, which rules most blocks out before anything else is read.
            if landmarks[index] is None and density < MAX_LISTED_LINK_DENSITY:
                chars, count = len(texts[index]), words[index]
                said = features[index].get("sentences")
                if reads_as_prose(count, chars, density, said) or (
                    count >= 2 * MIN_PROSE_WORDS and said is not None and int(said) > 0
                ):
                    prose = block_prose[index] = chars * (1.0 - density)
            ancestors = ancestors_of[index]
            if not ancestors:
                continue
            owner = owner_of[index] = ancestors[-1]
            if prose:
                own_prose[owner] = own_prose.get(owner, 0.0) + prose
            if depth[owner] >= 0:  # a block beside an earlier one: its elements are all known already
                continue
            trail = trails[index]
            level = min(len(ancestors), len(trail)) - 1
            while level >= 0:
                node = ancestors[level]
                if depth[node] >= 0:  # and so are all elements above it
                    break
                depth[node] = level
                known.append(node)
                parent[node] = ancestors[level - 1] if level else None
                reason, body = descriptor_facts(trail[level])
                if reason is not None:
                    named[node] = reason
                if body:
                    self.article_bodies.append(node)
                level -= 1
        self.parent, self.depth, self.block_prose, self.owner = parent, depth, block_prose, owner_of
        #: Elements innermost first: every child comes before its parent.
        bottom_up = self.bottom_up = sorted(known, reverse=True)
        #: Prose under each element that holds any (the others hold none).
        prose_of = self.prose = prose_per_element(own_prose, parent, depth)
        self.total_prose = max(prose_of.values(), default=0.0)
        limit = MAX_FURNITURE_PROSE_SHARE * self.total_prose
        furniture = {node: reason for node, reason in named.items() if prose_of.get(node, 0.0) <= limit}
        holds_body: set[int] = set()  # elements marked as the article body, and those around them
        for node in self.article_bodies:
            around: int | None = node
            while around is not None and around not in holds_body:
                holds_body.add(around)
                around = parent[around]
        furniture.update(titled_sections(page, owner_of, holds_body))
        self.furniture = furniture
        #: The nearest furniture element at or around each element with a depth, parents first
        #: (None for the others).
        nearest: list[tuple[int, str] | None] = [None] * size
        for node, reason in furniture.items():
            if depth[node] >= 0:
                nearest[node] = (node, reason)
        for node in reversed(bottom_up):
            if nearest[node] is None:
                up = parent[node]
                if up is not None:
                    nearest[node] = nearest[up]
        self.nearest_furniture = nearest

    def marked_body_around(self, page: Page, node: int) -> int:
        """The nearest element around `node` (or itself) that the page marks as the article body,
        else `node`: the page's own word on where its article is beats a part of it."""
        marked = set(self.article_bodies)
        candidate: int | None = node
        while candidate is not None and self.depth[candidate] >= 0:
            if candidate in marked:
                return candidate
            candidate = self.parent[candidate]
        return node

    def furniture_of(self, page: Page, index: int) -> tuple[int, str] | None:
        """The nearest furniture element around a block, and what furniture it is."""
        owner = self.owner[index]
        if owner is None:
            return None
        return self.nearest_furniture[owner]

    def landmark_of(self, page: Page, index: int) -> str | None:
        """The removal reason of the first landmark around a block that names one (nav, footer, ...)."""
        return page.markup.landmarks[index]


def prose_per_element(own_prose: dict[int, float], parent: list[int | None], depth: list[int]) -> dict[int, float]:
    """The prose under each element around a prose block, from the prose of each block's owner.

    A page has a few dozen prose blocks but hundreds of elements, so the sums run over the
    elements around prose only; the rest hold none. They are summed children before parents
    (the highest number first), as over every element, so each total is the same float.
    `parent` and `depth` are by element number; an element of depth -1 is one the layout does
    not know.
    """
    holding: set[int] = set()
    for owner in own_prose:
        if depth[owner] < 0:  # an owner the layout does not know (no descriptor for it): no element
            continue
        node: int | None = owner
        while node is not None and node not in holding:
            holding.add(node)
            node = parent[node]
    prose_of = dict.fromkeys(holding, 0.0)
    for node in sorted(holding, reverse=True):
        total = prose_of[node] + own_prose.get(node, 0.0)
        prose_of[node] = total
        up = parent[node]
        if up is not None:
            prose_of[up] += total
    return prose_of


#: Furniture that comes as a section opened by its own heading ("You may also like", "Comments").
SECTION_REASONS = frozenset(("related_links", "comments"))


def titled_sections(
    page: Page, owners: list[int | None], holds_body: AbstractSet[int] = frozenset()
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
    facts = page.markup
    ancestors_of, levels = facts.ancestors, facts.heading_levels
    with_headline: set[int] = set()
    for index in kept:
        if levels[index] == 1:
            with_headline.update(ancestors_of[index])
    if not with_headline:
        return {}
    kinds, trails = page.kinds, facts.trails
    found: dict[int, str] = {}
    previous: tuple[int, ...] = ()
    for index in kept:
        ancestors = ancestors_of[index]
        if kinds[index] == "heading" and len(ancestors) >= 2 and trails[index] and owners[index] is not None:
            reason = descriptor_facts(trails[index][-1])[0]
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
        owner_of, nearest, block_prose = layout.owner, layout.nearest_furniture, layout.block_prose
        landmarks, features, texts = page.markup.landmarks, page.feature_maps, page.texts
        # By element number: the weight of each element's own blocks, then its balance; `held`:
        # whether the element holds any weighed block (only those have a balance).
        balance = [0.0] * layout.size
        held = [False] * layout.size
        weighed = False
        for index in page.kept():
            owner = owner_of[index]
            if owner is None:
                continue
            chars = float(len(texts[index]))
            good = block_prose[index]
            if landmarks[index] or nearest[owner] is not None:
                good, bad = 0.0, chars
            else:
                bad = float(features[index].get("link_chars", 0))
            if not good and not bad:
                continue
            balance[owner] = balance[owner] + good - bad
            held[owner] = weighed = True
        if not weighed:
            return None
        # A block's weight counts fully in its owner and LEVEL_DECAY times less each level up.
        parent, bottom_up = layout.parent, layout.bottom_up
        below = [0.0] * layout.size
        for node in bottom_up:
            if not held[node]:
                continue
            weight = balance[node] = balance[node] + below[node]
            up = parent[node]
            if up is not None:
                below[up] = below[up] + LEVEL_DECAY * weight
                held[up] = True
        for node in layout.article_bodies:
            if held[node]:
                balance[node] = balance[node] + layout.prose.get(node, 0.0)
        # The best balance, then the deepest; among equals the first in bottom_up order, which
        # is the highest element number. Balances are sums of character counts (never NaN), so
        # the elements of the best one are found by equality, and only those few are compared.
        top = max(balance[node] for node in bottom_up if held[node])
        if top <= 0:
            return None
        depth = layout.depth
        _, best = max((depth[node], node) for node in bottom_up if held[node] and balance[node] == top)
        return layout.marked_body_around(page, best)

    def find(self, page: Page) -> Iterator[Verdict]:
        if not page.is_markup:
            return
        best = self.container(page)
        if best is None:
            return
        layout = layout_of(page)
        kept = page.kept()
        # An element sits at the same place in the ``ancestors`` of every block under it.
        level = layout.depth[best]
        ancestors_of = page.markup.ancestors
        inside = {i for i in kept if len(ancestors_of[i]) > level and ancestors_of[i][level] == best}
        inside |= self.adjacent_prose(page, kept, inside)
        owner_of, nearest, landmarks = layout.owner, layout.nearest_furniture, page.markup.landmarks
        detail = "outside the element that holds the article text"
        new = tuple.__new__
        for index in kept:
            if index in inside:
                continue
            reason = landmarks[index]
            if reason is None:
                owner = owner_of[index]
                found = nearest[owner] if owner is not None else None
                reason = found[1] if found else "outside_main_content"
            # tuple.__new__: the named tuple's own __new__ is Python code, and most of a page's
            # blocks are outside its article
            yield new(Verdict, (index, reason, detail))

    def adjacent_prose(self, page: Page, kept: list[int], inside: set[int]) -> set[int]:
        """Prose just before or after the container: an article split by an ad break or a layout grid.

        Walks outwards from the container's first and last prose blocks while blocks are prose,
        stepping over at most ``MAX_GAP`` other blocks (ads and share bars among them), and stops
        at other furniture or a landmark.
        """
        layout = layout_of(page)
        positions = [p for p, i in enumerate(kept) if i in inside and layout.block_prose[i]]
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
