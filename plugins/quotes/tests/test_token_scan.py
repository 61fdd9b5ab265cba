"""The tokeniser in C (``token_scan``) against the reference tokeniser of ``tokens.py``: the same
tokens, fields, order and work ticks on the seeds, on random strings of tricky characters, and
the same character classes on every code point; and its walks over tokens (``sentences``,
``word_indices``, ``lower_words``) against theirs in ``tokens.py``."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from copydesk_quotes.marks import Quotation, find_quotations
from copydesk_quotes.tokens import CONTRACTED_PRONOUNS, Token, lower_words, sentences, tokenise, word_indices
from copydesk_quotes.work import WorkCounter

# Built where a C compiler is at hand (editable installs build it too); without one the
# plugin runs the reference tokeniser and these tests are skipped, saying why.
try:
    from copydesk_quotes.token_scan import lower_words as native_lower_words
    from copydesk_quotes.token_scan import sentences as native_sentences
    from copydesk_quotes.token_scan import tokenise as native_tokenise
    from copydesk_quotes.token_scan import word_indices as native_word_indices
except ImportError:
    native_tokenise = native_sentences = native_word_indices = native_lower_words = None

needs_c_scan = pytest.mark.skipif(
    native_tokenise is None, reason="the C tokeniser is not built (no C compiler when the plugin was installed)"
)

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def both(text: str, start: int, end: int, quotations: list[Quotation]) -> tuple[list[Token], list[Token]]:
    """Both tokenisers' tokens, once their work ticks are shown to agree."""
    assert native_tokenise is not None
    reference_work, native_work = WorkCounter(), WorkCounter()
    reference = tokenise(text, start, end, quotations, reference_work)
    native = native_tokenise(text, start, end, quotations, native_work)
    assert native_work.steps == reference_work.steps, (text, start, end)
    return reference, native


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


@needs_c_scan
def test_invented_sentences_give_the_reference_tokens() -> None:
    text = (
        "He\u2019s said O'Rourke's AT&T deal, worth 34,000 or 1,234,5678 (not 1234,567), was \u201cdone.\u201d "
        "They'd -- she'll --- U.S. e.g. R-S.C. re_use caf\u00e9\u0301 \u4e2d\u6587 \U0001f600 \u00bd\u2163 "
        "\u0661,\u0662\u0663\u0664 a\u00a0b it'S I'M \u0130'm \u212a"
    )
    reference, native = both(text, 0, len(text), [])
    assert native == reference
    assert [t.text for t in native[:5]] == ["He", "\u2019s", "said", "O'Rourke's", "AT&T"]
    assert [type(t) for t in native] == [Token] * len(native)


@needs_c_scan
def test_quotations_are_single_tokens_as_in_the_reference() -> None:
    text = '"We will win," she said. "It is done" -- and \u201cno more\u201d.'
    paragraphs = paragraphs_of(text)
    quotations = find_quotations(text, paragraphs)
    assert len(quotations) == 3
    reference, native = both(text, 0, len(text), quotations)
    assert native == reference
    assert [t.kind for t in native].count("q") == 3


@needs_c_scan
def test_seed_paragraphs_give_the_reference_tokens() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paragraphs = paragraphs_of(text)
        quotations = find_quotations(text, paragraphs)
        for (start, end), here in zip(paragraphs, _by_paragraph(paragraphs, quotations), strict=True):
            reference, native = both(text, start, end, here)
            assert native == reference, (seed.name, start)


def _by_paragraph(paragraphs: list[tuple[int, int]], quotations: list[Quotation]) -> list[list[Quotation]]:
    return [[q for q in quotations if start <= q.start < end] for start, end in paragraphs]


#: Every class the scan decides: apostrophes, joiners, digits (ASCII and not), commas, spaces
#: (ASCII and not), combining marks, CJK, emoji, "_", dashes, letters that lower-case to more
#: than one character or to ASCII, and the start of each contracted pronoun.
ALPHABET = [
    "a", "Z", "he", "I", "it", "who", "'", "\u2019", "-", "--", "&", ".", ",", "1", "23", "456", "_", " ", "\n",
    "\u00a0", "\u2009", "\u0301", "\u4e2d", "\U0001f600", "\u0660", "\u00bd", "\u2163", "\u0130", "\u212a", "s",
    "ve", "m", "ll", "\t", "\u2013", "!", "\u201c", "\u00c9", "\ud800",
]  # fmt: skip


@needs_c_scan
def test_random_strings_give_the_reference_tokens() -> None:
    values = random.Random(5)
    for _ in range(20000):
        text = "".join(values.choice(ALPHABET) for _ in range(values.randint(0, 16)))
        # bounds past either end of the text too: the reference cuts them to the text
        start = values.randint(0, len(text) + 1)
        end = values.randint(start - 1, len(text) + 2)
        quotations = []
        if values.random() < 0.3 and end - start > 2:
            q_start = values.randint(start, end - 2)
            quotations = [Quotation(q_start, values.randint(q_start + 1, end), closed=True)]
        reference, native = both(text, start, end, quotations)
        assert native == reference, (text, start, end, quotations)


@needs_c_scan
def test_character_classes_on_every_code_point() -> None:
    """\\w, \\d and \\s as the scan decides them are ``re``'s, on every code point."""
    from copydesk_quotes.token_scan import character_classes

    text = "".join(map(chr, range(0x110000)))
    expected = bytearray(len(text))
    for bit, pattern in ((1, r"\w"), (2, r"\d"), (4, r"\s")):
        for match in re.finditer(pattern, text):
            expected[match.start()] |= bit
    found = character_classes(text)
    assert found == expected, [hex(c) for c in range(len(text)) if found[c] != expected[c]][:10]
    assert sum(b & 1 for b in found) > 100_000  # letters of many scripts are words


def test_lower_casing_makes_no_apostrophe() -> None:
    """The C scan looks a word up among the contracted pronouns only when it has an apostrophe:
    lower-casing never makes one, and the pronouns are ASCII."""
    assert all(k.isascii() or "\u2019" in k for k in CONTRACTED_PRONOUNS)
    assert not [
        c for c in map(chr, range(0x110000)) if c not in "'\u2019" and ("'" in c.lower() or "\u2019" in c.lower())
    ]


#: Words and marks that end sentences or do not: abbreviations, initials, quotations ending in
#: each mark, capitals and lower case after them.
SENTENCE_PIECES = [
    "He", "said", "so", ".", "?", "!", "U.S.", "Mr.", "J.", "e.g.", "They", "the", "(", "7", ",", "“",
    "”", '"', "Is it?", "No.", "she", "asked", ":", "--",
]  # fmt: skip


@needs_c_scan
def test_sentences_of_an_invented_paragraph() -> None:
    assert native_sentences is not None
    text = "Mr. Ruiz said so. “Is it?” he asked. The U.S. They left!"
    tokens = tokenise(text, 0, len(text), find_quotations(text, paragraphs_of(text)))
    found = native_sentences(text, tokens)
    assert [" ".join(t.text for t in tokens[a:b]) for a, b in found] == [
        "Mr . Ruiz said so .",
        "“Is it?” he asked .",
        "The U.S .",
        "They left !",
    ]
    assert found == sentences(text, tokens)


@needs_c_scan
def test_sentences_word_indices_and_lower_words_give_the_reference_results() -> None:
    """On every seed paragraph and on random strings of words, marks and quotations."""
    assert native_sentences is not None and native_word_indices is not None and native_lower_words is not None
    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    values = random.Random(7)
    texts += [" ".join(values.choice(SENTENCE_PIECES) for _ in range(values.randint(0, 30))) for _ in range(3000)]
    words = frozenset({"said", "asked", "the", "in", "u.s", "."})
    several = 0
    for text in texts:
        paragraphs = paragraphs_of(text)
        quotations = _by_paragraph(paragraphs, find_quotations(text, paragraphs))
        for (start, end), here in zip(paragraphs, quotations, strict=True):
            tokens = tokenise(text, start, end, here)
            found = native_sentences(text, tokens)
            assert found == sentences(text, tokens), text[start:end]
            several += len(found) > 1
            for a, b in [*found, (0, len(tokens))]:
                assert native_word_indices(tokens, a, b, words) == word_indices(tokens, a, b, words)
                assert native_lower_words(tokens, a, b) == lower_words(tokens, a, b)
    assert several > 100


@needs_c_scan
def test_the_walks_read_a_range_of_the_tokens_and_refuse_one_past_them() -> None:
    assert native_word_indices is not None and native_lower_words is not None
    tokens = tokenise("He said So.", 0, 11, [])
    assert native_word_indices(tokens, 1, 3, frozenset({"said", "so"})) == [1, 2]
    assert native_lower_words(tokens, 1, 4) == frozenset({"said", "so", "."})
    with pytest.raises(IndexError):
        native_word_indices(tokens, 0, len(tokens) + 1, frozenset({"nothing"}))
    with pytest.raises(IndexError):
        native_lower_words(tokens, -1, 2)
