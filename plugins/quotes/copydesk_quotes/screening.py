"""A quick test that tells which paragraphs cannot hold an attribution, before they are tokenised.

Most paragraphs of a web page hold no quotation mark, no colon near their start and no
word that could start a cue ("said", "according to", "his claim that"); reading them word by
word finds nothing. One regular expression over the lower-cased paragraph, built from the
attributor's own words (`Attributor.trigger_phrases`), finds out in C what the rules would
look at; a paragraph it does not match is skipped.

Why lower-casing is safe: a token matches a cue word when ``token.lower()`` equals it, and
for ASCII words that is the same as the word standing in the lower-cased paragraph between
characters that cannot belong to a word (every character that is not a word character, or
is a digit, stays so when lower-cased; the tests check all of Unicode), and two word tokens
in a row have only whitespace between them. Phrases that are not ASCII words as the tokeniser
cuts them ("déclarer", "say:") turn the screen off (every paragraph is read): ``lower()``
depends on context outside ASCII, and a punctuation token may touch its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from copydesk_quotes.tokens import WORD_PATTERN

#: How far into a paragraph (in tokens) the headline rule looks for a colon.
MAX_COLON_TOKENS = 12

#: A colon among the first MAX_COLON_TOKENS whitespace-separated chunks of a paragraph: the only
#: colons a paragraph without a quotation or a cue is read for ("Name: what they said"
#: headlines, "TAPPER: ..." transcript turns; a chunk holds one token at least).
_EARLY_COLON = re.compile(rf"\s*(?:[^\s:]+\s+){{0,{MAX_COLON_TOKENS - 1}}}[^\s:]*:")

_WORD = re.compile(WORD_PATTERN)

#: A trie of phrases: each character leads to the rest; "" marks the end of a phrase.
_Trie = dict[str, "_Trie"]


class ParagraphScreen:
    """Tells whether a paragraph holds any of the attributor's trigger phrases or an early colon."""

    def __init__(self, phrases: Iterable[str]) -> None:
        wanted = sorted({" ".join(p.lower().split()) for p in phrases} - {""})
        plain = all(p.isascii() and all(_WORD.fullmatch(w) for w in p.split()) for p in wanted)
        #: None when the screen is off: some phrase is not ASCII words.
        self._pattern = _phrase_pattern(wanted) if plain else None

    def may_hold(self, text: str, start: int, end: int) -> bool:
        """False only if text[start:end] has no trigger phrase as whole words and no early colon."""
        if self._pattern is None:
            return True
        paragraph = text[start:end]
        if ":" in paragraph and _EARLY_COLON.match(paragraph):
            return True
        return self._pattern.search(paragraph.lower()) is not None


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word matches of `phrases`, words separated by any whitespace, as one trie.

    A trie, not a flat alternation: the engine tries the branches in turn at every
    position, and hundreds of flat branches cost more than tokenising the paragraph.
    Before a match no letter may stand (a digit may: "1,000said" is two tokens), after it no
    word character.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(r"(?<![^\W\d])" + _alternation(trie) + r"(?!\w)")


def _alternation(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _alternation(node[char]) for char in sorted(node) if char
    ]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return group
    return f"(?:{group})?" if len(branches) == 1 and len(group) > 1 else group + "?"
