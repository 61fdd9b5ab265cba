"""Words, punctuation and whole quotations as tokens, and sentences made of them.

A quotation is one opaque token: what is inside it is the speaker's, so its words are
never read as a cue or a speaker, and its full stops never end the reporting sentence.

``token_scan.pyx`` has ``tokenise`` and the walks of ``sentences``, ``word_indices`` and
``lower_words`` in C, used where it is built; this module is its reference
(tests/test_token_scan.py compares them), and a change here is made there too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from copydesk_quotes.marks import Quotation
from copydesk_quotes.work import WorkCounter

#: A word with inner apostrophes, hyphens, ampersands or dots ("O'Rourke", "R-S.C", "AT&T", "U.S").
WORD_PATTERN = r"\w+(?:[\u2019'\-&.]\w+)*"
#: A number with thousands separators ("34,000") is one word too, and two hyphens or more
#: ("--") are one dash, as typewritten news writes the em dash.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|" + WORD_PATTERN + r"|--+|[^\w\s]")
#: A token with the whitespace before it. Every character is whitespace or starts a token, so
#: ``findall`` cuts a range into these pieces end to end, and the positions follow from their
#: lengths: no match object, ``group()`` and ``span()`` call per token (a fifth of tokenising).
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")

#: Straight and curly apostrophes.
APOSTROPHES = "'\u2019"
#: Contracted auxiliaries as written after a word ("'s", "\u2019ve", "'d", ...).
CONTRACTED_AUXILIARIES = frozenset(
    f"{mark}{ending}" for mark in APOSTROPHES for ending in ("s", "ve", "d", "ll", "re", "m")
)

#: A pronoun with a contracted auxiliary ("he's", "they'd"), and where the auxiliary starts:
#: read as two words, the pronoun a speaker and the auxiliary between it and the cue.
CONTRACTED_PRONOUNS = {
    f"{pronoun}{auxiliary}": len(pronoun)
    for pronoun in ("he", "she", "it", "they", "we", "i", "you", "who", "that")
    for auxiliary in CONTRACTED_AUXILIARIES
}

#: Words before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "adm",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "v",
        "inc",
        "co",
        "corp",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "rev",
        "ft",
        "mt",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "etc",
    ]
)

#: Dotted abbreviations written before a name, never at a sentence end.
TITLE_ABBREVIATIONS = frozenset(["e.g", "i.e"])
#: Words that open a sentence and rarely follow "U.S." inside one ("the U.S. They ...").
SENTENCE_STARTERS = frozenset(
    ["they", "he", "she", "it", "we", "i", "the", "but", "and", "this", "that", "these", "there", "in", "a", "an"]
)

#: Closing quotation marks (and spaces) after a quotation's own last character.
CLOSING_MARKS = "\"'\u201d\u2019\u00bb` "

WORD = "w"
PUNCT = "p"
QUOTE = "q"


class Token(NamedTuple):
    """A word (``w``), a punctuation mark (``p``) or a whole quotation (``q``).

    A named tuple, not an attrs class: articles make tens of thousands of tokens.
    """

    start: int
    end: int
    kind: str
    text: str
    #: The text lower-cased once (rules compare words case-insensitively many times).
    lower: str
    quotation: Quotation | None = None

    def is_capitalised(self) -> bool:
        return self.kind == WORD and self.text[:1].isupper()


def quotation_ending(token: Token) -> str:
    """The quotation's text without its closing marks: what its last character is ("...," he said)."""
    return token.text.rstrip(CLOSING_MARKS)


def tokenise(
    text: str, start: int, end: int, quotations: Sequence[Quotation], work: WorkCounter | None = None
) -> list[Token]:
    """Tokens of text[start:end]; `quotations` are those lying in that range, in order."""
    tokens: list[Token] = []
    append = tokens.append
    # tuple.__new__ skips the named tuple's Python-level constructor: tokens are made by the
    # hundred thousand, and this loop is the attributor's hottest.
    make = tuple.__new__
    position = start
    for quotation in (*quotations, None):
        stop = end if quotation is None else quotation.start
        if work is not None:
            work.tick(max(0, stop - position))
        for space, word in _SPACED_TOKEN.findall(text, position, stop):
            s = position + len(space)
            position = e = s + len(word)
            kind = WORD if (word[0].isalnum() or word[0] == "_") else PUNCT
            lower = word.lower()
            if lower in CONTRACTED_PRONOUNS:
                # "he's said": the pronoun and its auxiliary are two words
                cut = s + CONTRACTED_PRONOUNS[lower]
                append(make(Token, (s, cut, WORD, text[s:cut], lower[: cut - s], None)))
                append(make(Token, (cut, e, WORD, text[cut:e], lower[cut - s :], None)))
                continue
            append(make(Token, (s, e, kind, word, lower, None)))
        if quotation is None:
            break
        quoted = text[quotation.start : quotation.end]
        append(Token(quotation.start, quotation.end, QUOTE, quoted, "", quotation))
        position = quotation.end
    return tokens


#: Punctuation that may end a sentence (a quotation may too).
_SENTENCE_MARKS = frozenset(".?!")


def _ends_sentence(text: str, tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if token.kind == QUOTE:
        inner = token.text.rstrip(CLOSING_MARKS + "\u201c")
        return inner.endswith((".", "?", "!"))
    if token.text not in _SENTENCE_MARKS:
        return False
    if token.text == "." and i > 0:
        before = tokens[i - 1]
        if before.end == token.start and before.kind == WORD:
            word = before.lower
            if "." in word and word not in TITLE_ABBREVIATIONS and i + 1 < len(tokens):
                # "... flights into the U.S. They will ...": a place abbreviation ends the
                # sentence when a word that only opens one follows it.
                return tokens[i + 1].lower in SENTENCE_STARTERS
            if word in ABBREVIATIONS or (len(word) == 1 and before.text.isupper()) or "." in word:
                return False
    return True


def _starts_sentence(token: Token) -> bool:
    if token.kind == QUOTE:
        return True
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in "(["


def sentences(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentences as half-open token index ranges."""
    # only a sentence mark or a quotation may end one (the test _ends_sentence starts with)
    ends = [i for i in range(len(tokens) - 1) if tokens[i].kind == QUOTE or tokens[i].text in _SENTENCE_MARKS]
    return sentences_ending(text, tokens, ends)


def sentences_ending(text: str, tokens: Sequence[Token], ends: Sequence[int]) -> list[tuple[int, int]]:
    """Sentences as half-open token index ranges, given the tokens that may end one: the
    indices of the sentence marks and quotations before the last token, in order."""
    found: list[tuple[int, int]] = []
    begin = 0
    for i in ends:
        if _ends_sentence(text, tokens, i) and _starts_sentence(tokens[i + 1]):
            # A quotation ending in "?" or "!" followed by its attribution does not end the sentence.
            if tokens[i].kind == QUOTE and tokens[i + 1].kind == WORD and not quotation_ending(tokens[i]).endswith("."):
                continue
            found.append((begin, i + 1))
            begin = i + 1
    if begin < len(tokens):
        found.append((begin, len(tokens)))
    return found


def word_indices(tokens: Sequence[Token], a: int, b: int, words: frozenset[str]) -> list[int]:
    """The indices of tokens[a:b] whose lower-cased text is one of `words`."""
    return [i for i in range(a, b) if tokens[i].lower in words]


def lower_words(tokens: Sequence[Token], a: int, b: int) -> frozenset[str]:
    """The lower-cased texts of tokens[a:b], as a set."""
    return frozenset(token.lower for token in tokens[a:b])
