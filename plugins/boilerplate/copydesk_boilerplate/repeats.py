"""Rules about the order of blocks: repeated text, and reader text after the article's end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk_boilerplate.lines import CommentLines
from copydesk_boilerplate.page import Page, Verdict

_WORD = re.compile(r"\w+")

#: How many kept blocks from the top may be a standfirst repeated further down.
STANDFIRST_WINDOW = 3

#: Fewest words of a block compared as a repeat (short lines like "Photos" repeat harmlessly).
MIN_REPEAT_WORDS = 5


#: Every ASCII byte that ``\w`` does not match, as a space (see :func:`normalised`).
_ASCII_NON_WORD = bytes(byte if byte < 128 and _WORD.match(chr(byte)) else 32 for byte in range(256))

#: The non-ASCII characters of most English news text: typographic quotes and apostrophes,
#: dashes, the ellipsis and the no-break space. None is a word character, and each is its own
#: casefold, so a text whose only non-ASCII characters these are reads as ASCII without them.
TYPOGRAPHY = ("\u2019", "\u201c", "\u201d", "\u2018", "\u2014", "\u2013", "\u2026", "\u00a0")


def normalised(text: str) -> str:
    r"""Lower-cased words joined by single spaces: what two copies of a line have in common.

    The words are ``\w+`` of the casefolded text. ASCII text (and text that is ASCII but for
    `TYPOGRAPHY`, which separates words as a space does) is split by a byte table in C: ASCII
    ``\w`` is ``[A-Za-z0-9_]`` and casefold() is lower(); that is half of the pattern's cost.
    """
    plain = _ascii(text)
    if plain is None:
        return " ".join(_WORD.findall(text.casefold()))
    return b" ".join(plain.encode().lower().translate(_ASCII_NON_WORD).split()).decode()


def run_together(text: str) -> str:
    """`normalised` without its spaces. Equal, or one inside the other, whenever the normalised
    texts are, so it rules out repeats first: it makes no object per word, a few in all."""
    plain = _ascii(text)
    if plain is None:
        return "".join(_WORD.findall(text.casefold()))
    return plain.encode().lower().translate(None, _ASCII_NON_WORD_BYTES).decode()


def _ascii(text: str) -> str | None:
    """The text with `TYPOGRAPHY` as spaces, if that leaves it ASCII (else None)."""
    if text.isascii():
        return text
    for mark in TYPOGRAPHY:
        if mark in text:
            text = text.replace(mark, " ")
    return text if text.isascii() else None


#: The ASCII bytes that ``\w`` does not match (what `run_together` deletes).
_ASCII_NON_WORD_BYTES = bytes(byte for byte in range(128) if _ASCII_NON_WORD[byte] == 32)


class Duplicate:
    """Label a title repeated as a line, a standfirst repeated in the body, and a block repeated at once.

    The title is ``meta["title"]`` or a ``title`` block. A standfirst (one of the first kept
    blocks) is labelled when a later block contains its words; a dateline such as
    "ISLAMABAD:" before the repeat is allowed. A block that repeats the one before it is
    labelled; repeats further apart are left alone (recipes and lists repeat lines on purpose).
    """

    name = "duplicate"
    description = "a title or standfirst repeated in the body, and a block repeated at once"

    def find(self, page: Page) -> Iterator[Verdict]:
        titles = {normalised(str(page.doc.meta.get("title", "")))}
        titles |= {normalised(page.texts[i]) for i, kind in enumerate(page.kinds) if kind == "title"}
        titles.discard("")
        title_keys = {title.replace(" ", "") for title in titles}
        kept = page.kept()
        # Blocks are compared by their run-together words first; the normalised text, which
        # costs an object per word, is made only for a block that may repeat another.
        keys = {i: run_together(page.texts[i]) for i in kept}
        norms = _NormalisedTexts(page.texts)

        for position, index in enumerate(kept):
            key = keys[index]
            heading = page.kinds[index] == "heading"
            if key in title_keys or heading:
                text = norms[index]
                if text in titles or (heading and _within_title(text, titles)):
                    yield Verdict(index, "duplicate", "repeats the title")
                    continue
            if position and key == keys[kept[position - 1]]:
                text = norms[index]
                if _words(text) >= MIN_REPEAT_WORDS and text == norms[kept[position - 1]]:
                    yield Verdict(index, "duplicate", "repeats the block before it")
                    continue
            if position < STANDFIRST_WINDOW:
                holders = [later for later in kept[position + 1 :] if key in keys[later]]
                if holders:
                    text = norms[index]
                    if _words(text) >= MIN_REPEAT_WORDS and any(
                        text in norms[later] and len(norms[later]) > len(text) for later in holders
                    ):
                        yield Verdict(index, "duplicate", "a standfirst repeated in the body")


class _NormalisedTexts(dict[int, str]):
    """`normalised` block texts by index, each made when first asked for.

    A dict rather than a closure over one: a compiled generator keeps its closures in its own
    scope, and that loop would leave the page to the cyclic collector instead of freeing it.
    """

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, index: int) -> str:
        text = self[index] = normalised(self.texts[index])
        return text


def _words(normalised_text: str) -> int:
    return normalised_text.count(" ") + 1


#: Fewest words of a headline found inside a longer page title ("Headline | Site name").
MIN_TITLE_WORDS = 3


#: Share of a heading's words that a title must have for the heading to be that title, reworded.
MIN_TITLE_OVERLAP = 0.7


def _within_title(text: str, titles: set[str]) -> bool:
    """A heading that is the title with a site name, a prefix or a few words changed."""
    words = text.split()
    if len(words) < MIN_TITLE_WORDS:
        return False
    for title in titles:
        if title.startswith(text) or text.startswith(title):
            return True
        title_words = set(title.split())
        if sum(w in title_words for w in words) >= MIN_TITLE_OVERLAP * max(len(words), len(title_words)):
            return True
    return False


#: Reasons that mark the end of an article when they follow its text.
END_REASONS = frozenset(("click_here", "related_links", "newsletter", "share_bar", "comments"))

#: Most text after the end marker, as a share of the text before it, for it to be a trailer.
MAX_TRAILER_SHARE = 0.25


class Comments:
    """Label comment furniture ("Post a Comment", "12 comments", "Reply") and reader comments.

    Once the article has ended (a "click here", a story list, a newsletter promo, a
    comment heading), prose that is followed by more furniture belongs to the page, not to
    the article. That applies only when the trailer is small next to the article before it.
    """

    name = "comments"
    description = "comment headings, forms and counts, and reader comments after the end of the article"

    def find(self, page: Page) -> Iterator[Verdict]:
        lines = list(CommentLines().find(page))
        yield from lines
        if page.is_markup:  # pages mark their comment sections; marked_furniture labels those
            return
        removed = {**page.removed, **{v.index: v for v in lines}}
        ends = [i for i, verdict in removed.items() if verdict.reason in END_REASONS]
        if not ends:
            return
        kept = [i for i in page.kept() if i not in removed]
        for end in sorted(ends):
            before = sum(len(page.texts[i]) for i in kept if i < end)
            after = [i for i in kept if i > end]
            if not after or before == 0:
                continue
            if sum(len(page.texts[i]) for i in after) > MAX_TRAILER_SHARE * before:
                continue
            last_removed = max(removed)
            for index in after:
                if index < last_removed:
                    yield Verdict(index, "comments", "text between furniture after the end of the article")
            return
