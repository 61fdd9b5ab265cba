"""Finding attributions: a cue (a reporting verb), its speaker, and what was said.

News reports speech in a handful of shapes, and these rules follow them, sentence by
sentence, with each quotation read as one opaque token (Q):

- ``Q, SPEAKER CUE.`` / ``Q, CUE SPEAKER.`` / ``SPEAKER CUE: Q`` -> a direct quote;
  ``Q1, SPEAKER CUE, Q2`` -> two direct pieces sharing a group.
- ``SPEAKER CUE (ADDRESSEE) (that) CONTENT`` -> indirect, or mixed if CONTENT has a Q.
- ``CONTENT, SPEAKER CUE.`` and ``CONTENT, according to SPEAKER.`` / ``According to
  SPEAKER, CONTENT`` -> indirect or mixed.
- ``A, SPEAKER CUE, B`` -> one span over both pieces, with ``segments``.
- ``..., adding (that) CONTENT`` -> the speaker of the clause it hangs on.
- A sentence that is only a quotation, right after a direct quote (or continuing a
  quotation over paragraphs), belongs to the same speaker and group.

Every loop below looks at a bounded window of tokens around a cue, so the work is linear
in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from copydesk_quotes.lexicon import Lexicon
from copydesk_quotes.marks import Quotation, quotations_by_paragraph
from copydesk_quotes.screening import MAX_COLON_TOKENS, ParagraphScreen
from copydesk_quotes.tokens import (
    ABBREVIATIONS,
    CONTRACTED_AUXILIARIES,
    PUNCT,
    QUOTE,
    WORD,
    Token,
    quotation_ending,
)
from copydesk_quotes.work import WorkCounter

try:  # the tokeniser in C, built with the plugin where a C compiler was at hand
    from copydesk_quotes.token_scan import lower_words, sentences, tokenise, word_indices
except ImportError:
    from copydesk_quotes.tokens import lower_words, sentences, tokenise, word_indices

#: Longest subject phrase (in tokens) read as a speaker.
MAX_SUBJECT = 12
#: Longest appositive or relative clause skipped between a speaker and its cue.
MAX_APPOSITIVE = 20
#: Longest line (in tokens) read as a headline "Name: what they said".
MAX_HEADLINE = 30

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who", "which", "you"})
#: Pronouns that can open a sentence as the speaker.
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you", "it"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"})
#: Negated auxiliaries, with straight and curly apostrophes.
NEGATED_AUXILIARIES = frozenset(
    [
        "isn\u2019t",
        "isn't",
        "wasn\u2019t",
        "wasn't",
        "doesn\u2019t",
        "doesn't",
        "didn\u2019t",
        "didn't",
        "hasn\u2019t",
        "hasn't",
        "haven\u2019t",
        "haven't",
        "won\u2019t",
        "won't",
        "can\u2019t",
        "can't",
        "couldn\u2019t",
        "couldn't",
        "wouldn\u2019t",
        "wouldn't",
    ]
)
#: Auxiliaries: a speaker phrase ends before one ("The Pentagon had in a report ... said").
AUXILIARIES = (
    frozenset(
        [
            "had",
            "has",
            "have",
            "would",
            "will",
            "could",
            "may",
            "might",
            "should",
            "is",
            "was",
            "are",
            "were",
            "did",
            "does",
            "can",
            "must",
            "shall",
        ]
    )
    | NEGATED_AUXILIARIES
    | CONTRACTED_AUXILIARIES
)
#: Words that may stand between a speaker and the cue: auxiliaries, adverbs, negation.
BETWEEN_SUBJECT_AND_CUE = AUXILIARIES | frozenset(
    [
        "also",
        "'s",
        "\u2019s",
        "later",
        "then",
        "previously",
        "again",
        "once",
        "recently",
        "earlier",
        "repeatedly",
        "reportedly",
        "publicly",
        "privately",
        "already",
        "often",
        "never",
        "not",
        "do",
        "been",
        "being",
        "first",
        "initially",
        "subsequently",
        "quickly",
        "only",
        "even",
        "still",
        "just",
        "flatly",
        "further",
        "frequently",
        "openly",
        "now",
        "long",
        "widely",
        "generally",
        "clearly",
        "specifically",
        "explicitly",
        "actually",
        "simply",
        "immediately",
        "separately",
        "sharply",
        "angrily",
        "quietly",
    ]
)
#: Cue lemmas whose passive still reports words or beliefs with no source named: "was told
#: that", "is expected to", "was asked whether", "is believed to". Other passives ("was
#: confirmed", "was endorsed by") tell of an event.
PASSIVE_REPORTS = frozenset(
    ["tell", "ask", "expect", "report", "say", "assure", "inform", "believe", "think", "know", "fear", "warn", "urge"]
)
#: Forms of "be": a cue after one is passive ("was told that"), its subject the addressee.
BE_FORMS = frozenset(["be", "been", "being", "is", "was", "are", "were"])
#: Cue lemmas whose bare and -s forms are more often nouns ("a claim", "the state", "shows").
NOUN_LIKE = frozenset(
    [
        "tweet",
        "email",
        "back",
        "support",
        "question",
        "challenge",
        "attack",
        "credit",
        "welcome",
        "praise",
        "blast",
        "slam",
        "state",
        "claim",
        "comment",
        "report",
        "charge",
        "pledge",
        "promise",
        "counter",
        "post",
        "signal",
        "demand",
        "estimate",
        "protest",
        "highlight",
        "hint",
        "object",
        "repeat",
        "cry",
        "shout",
        "joke",
        "note",
        "show",
        "fear",
        "hope",
        "doubt",
        "reply",
        "remark",
        "vow",
        "answer",
        "concern",
        "order",
        "view",
        "plan",
        "favor",
        "call",
    ]
)
#: Words before an adjective: a cue word after one is not a verb ("the most elaborate").
DEGREE_WORDS = frozenset(["most", "more", "less", "least", "very", "too"])
#: Cue lemmas that are not reporting when "to" follows ("continued to rise", "added to").
NOT_BEFORE_TO = frozenset(["continue", "add", "find", "feel", "know", "think", "show", "thank"])
#: Words before a past participle (written, known, shown) that make it a verb form.
PERFECT_AUXILIARIES = frozenset(["has", "have", "had", "been", "be", "is", "was", "are", "were", "also"]) | frozenset(
    a for a in CONTRACTED_AUXILIARIES if a[1:] in ("s", "ve", "d")  # "he's spoken", "they'd said"
)
#: Words after which a cue word is a noun ("reports of", "reports have warned").
NOUN_FOLLOWERS = frozenset(["of", "have", "has", "had", "is", "are", "was", "were", "will", "would"])
PERIODS = frozenset(["week", "month", "year", "night", "weekend", "morning", "evening"])
WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight"]
)
#: Verbs that take a reporting verb in the infinitive ("plans to tell", "refused to say").
GOVERNING_VERBS = frozenset(
    [
        "poised",
        "prepared",
        "eager",
        "willing",
        "scheduled",
        "plan",
        "plans",
        "planned",
        "want",
        "wants",
        "wanted",
        "going",
        "expected",
        "set",
        "tried",
        "decided",
        "refused",
        "declined",
        "sought",
        "seeks",
        "hopes",
        "hoped",
        "intends",
        "intended",
        "promised",
        "vowed",
        "threatened",
        "agreed",
        "continue",
        "continued",
        "continues",
        "needs",
        "needed",
        "used",
        "appeared",
        "appears",
        "seemed",
        "seems",
        "likely",
        "unlikely",
        "able",
        "ready",
        "due",
        "went",
        "goes",
    ]
)
QUANTIFIERS = frozenset(
    ["one", "two", "three", "four", "five", "several", "some", "many", "most", "few", "other", "another"]
)
#: Words that make a share of people a subject ("56 percent said", "a majority support").
SHARE_WORDS = frozenset(
    ["percent", "%", "majority", "plurality", "minority", "half", "third", "thirds", "quarter", "quarters", "fifths"]
)
#: Number words that count people in a share ("three in five").
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
)


def _is_number(token: Token) -> bool:
    return token.text[:1].isdigit() or token.lower in NUMBER_WORDS


#: Words that stand for a group of people as a subject ("others have said", "both said").
GROUP_WORDS = frozenset(["others", "both", "all", "each", "everyone", "nobody", "none", "somebody", "someone"])
#: Words that end a subject phrase on its left.
CLAUSE_WORDS = frozenset(
    [
        "that",
        "because",
        "while",
        "when",
        "as",
        "but",
        "if",
        "since",
        "after",
        "before",
        "although",
        "though",
        "so",
        "where",
        "whom",
        "whether",
        "than",
        "or",
        "then",
        "what",
        "how",
        "why",
        "whose",
        "once",
        "until",
        "unless",
    ]
)
#: Sentence adverbs at the start of a subject phrase that are not part of the speaker.
LEADING_ADVERBS = frozenset(
    [
        "but",
        "and",
        "however",
        "so",
        "still",
        "also",
        "yet",
        "meanwhile",
        "instead",
        "now",
        "then",
        "thus",
        "indeed",
        "later",
        "earlier",
        "separately",
        "similarly",
        "moreover",
        "furthermore",
        "nonetheless",
        "nevertheless",
        "finally",
        "again",
        "besides",
    ]
)
#: Prepositions that open an adverbial right after a cue ("said on Monday", "said in a statement").
ADVERBIAL_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "last",
        "this",
        "earlier",
        "late",
        "from",
        "via",
        "through",
        "for",
        "with",
    ]
)
#: Words that cannot end a speaker phrase.
NOT_SPEAKER_END = frozenset(DETERMINERS | {"of", "for", "to", "in", "on", "at", "by", "with", "and", "or", "from"})


class Mention(NamedTuple):
    """Where a speaker is named: text[start:end], as written.

    Mention, Attribution and _Cue are named tuples, not frozen attrs classes: those set each
    field through ``object.__setattr__`` in a Python-level ``__init__``, which costs twice a
    tuple's construction, and every sentence with a cue makes some."""

    start: int
    end: int
    text: str


class Attribution(NamedTuple):
    """One quote as found: its span, type, pieces, speaker mention and cue."""

    kind: str
    start: int
    end: int
    speaker: Mention | None
    cue: tuple[int, int] | None
    confidence: float
    segments: tuple[tuple[int, int], ...] = ()
    group: int | None = None
    #: How the speaker was found: subject, inverted, according, inherited, continuation.
    speaker_from: str = "subject"
    #: The multi-paragraph quotation this piece belongs to, if any.
    chain: int | None = None
    #: For a pronoun speaker: the person the sentence named as speaker before it.
    antecedent: Mention | None = None


class _Cue(NamedTuple):
    """A cue found in a sentence (a named tuple, as Mention says why)."""

    i: int  # first token
    j: int  # one past the last token
    lemma: str
    tense: str
    belief: bool
    speaker: tuple[int, int] | None = None  # token range
    speaker_side: str = ""  # "left", "right", "inherited"
    clause_start: int = 0  # token index where the cue's clause begins

    def placed(self, *, speaker_side: str, clause_start: int, speaker: tuple[int, int] | None = None) -> _Cue:
        """This cue, as ``_cue_at`` found it, with its speaker and clause."""
        return _Cue(self.i, self.j, self.lemma, self.tense, self.belief, speaker, speaker_side, clause_start)


class Attributor:
    """Finds attributions in paragraphs of a text, with the words of one `Lexicon`."""

    def __init__(self, lexicon: Lexicon, beliefs: bool = True, *, screen: bool = True) -> None:
        """`screen`: skip the paragraphs a quick test shows cannot hold an attribution (the
        output is the same either way; tests turn it off to prove that)."""
        self.lexicon = lexicon
        self.beliefs = beliefs
        forms: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
        for form, (lemma, tense, belief) in lexicon.cue_forms().items():
            words = tuple(form.split())
            forms.setdefault(words[0], []).append((words[1:], lemma, tense, belief))
        for options in forms.values():
            options.sort(key=lambda option: -len(option[0]))
        self._forms = forms
        #: The words a cue may start with (``_cue_at`` reads no other word).
        self._cue_starts = frozenset(forms) | {"according", "in"}
        phrases = self.trigger_phrases()
        self._screen = ParagraphScreen(phrases) if screen else None
        #: The words a sentence with no quotation needs one of to be read: the first word of
        #: each trigger phrase, and a colon (None with the screen off).
        self._sentence_triggers = frozenset(p.split()[0] for p in phrases) | {":"} if screen else None

    def trigger_phrases(self) -> set[str]:
        """The words and phrases without which a sentence with no quotation and no early colon
        yields nothing: each cue form in full ("point out"), "according to", the nouns that make
        "in" a cue ("in the latest poll"), a stating noun before "that"/"to", a stance noun before
        its preposition ("opposition to"), and with beliefs the verbs of seeming. A rule that
        fires on other words must add them here."""
        phrases = {" ".join(words) for first, options in self._forms.items() for words in _form_words(first, options)}
        phrases.add("according to")
        phrases |= FINDING_NOUNS
        phrases |= {f"{noun} {preposition}" for noun, preposition in STANCE_NOUNS.items()}
        phrases |= {f"{noun} {joiner}" for noun in PROPOSITION_NOUNS for joiner in ("that", "to")}
        if self.beliefs:
            phrases |= APPEARANCE_FORMS
            phrases |= {f"{participle} as" for participle in self.lexicon.labelling_participles}
        return phrases

    # ------------------------------------------------------------------ entry point
    def attribute(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        quotations: Sequence[Quotation],
        work: WorkCounter | None = None,
    ) -> list[Attribution]:
        """All attributions in `paragraphs` (sorted, non-overlapping ranges of `text`), whose
        quotations ``find_quotations`` gave."""
        found: list[Attribution] = []
        state = _State()
        # A transcript labels turn after turn; one capitalised label is a dateline ("ISLAMABAD: ...").
        transcript = sum(1 for p_start, _ in paragraphs if _TURN_LABEL.match(text, p_start)) >= 2
        screen = self._screen
        for (p_start, p_end), here in zip(paragraphs, quotations_by_paragraph(paragraphs, quotations), strict=True):
            if not here and screen is not None and not screen.may_hold(text, p_start, p_end):
                # Nothing here can be attributed; its sentences would only have ended the
                # cross-sentence state (a blank paragraph has no sentence).
                if work is not None:
                    work.tick(p_end - p_start)
                if not text[p_start:p_end].isspace():
                    state.sentence_done([], None)
                continue
            tokens = tokenise(text, p_start, p_end, here, work)
            spoken = self._transcript(text, tokens, state) if transcript else None
            if spoken is not None:
                found.append(spoken)  # "TAPPER: Do you think ...?": the paragraph is what the label's speaker said
                continue
            triggers = None if here else self._sentence_triggers
            for a, b in sentences(text, tokens):
                if work is not None:
                    work.tick(b - a)
                words = lower_words(tokens, a, b)
                if triggers is not None and triggers.isdisjoint(words):
                    state.sentence_done([], None)  # as for a skipped paragraph: nothing here
                    continue
                found.extend(self._sentence(text, tokens, a, b, words, state, work))
        return found

    def _transcript(self, text: str, tokens: Sequence[Token], state: _State) -> Attribution | None:
        """A transcript paragraph, ``HOLLIS: Do you expect ...?``: an all-caps name, a colon, the words.

        Broadcast transcripts in news label each turn with the speaker's surname in capitals;
        the whole paragraph after the colon is that speaker's. Labels that are sections, not
        people (``UPDATE:``, ``EDITORIAL:``), are not speakers.
        """
        colon = next((m for m in range(1, min(len(tokens), 4)) if tokens[m].text == ":"), None)
        if colon is None or len(tokens) - colon < 4:
            return None
        label = tokens[:colon]
        if not all(t.kind == WORD and t.text.isupper() and t.text.isalpha() for t in label):
            return None
        if len(label[-1].text) < 3 or any(t.lower in SECTION_LABELS for t in label):
            return None
        where = _trim_range(tokens, colon + 1, len(tokens))
        if where is None:
            return None
        speaker = self._mention(text, tokens, (0, colon))
        mark = tokens[colon]
        spoken = self._reported(text, tokens, [where], speaker, (mark.start, mark.end), 0.6)
        state.sentence_done([spoken], None)
        return spoken

    # ------------------------------------------------------------------ one sentence
    def _sentence(
        self,
        text: str,
        tokens: Sequence[Token],
        a: int,
        b: int,
        words: frozenset[str],
        state: _State,
        work: WorkCounter | None,
    ) -> list[Attribution]:
        """The attributions of the sentence tokens[a:b], whose lower-cased words are `words`.

        The rules that look for one of a few words (a stating noun, "seems", "known as")
        first ask `words`, in C, whether the sentence has any: most sentences have none,
        and their tokens are then not walked in Python once per rule.
        """
        cues = self._cues(tokens, a, b, work)
        antecedent = None
        if len(cues) > 1 and self._trailing(tokens, a, b, cues[-1]):
            # "Kasuri told Boucher that ..., the foreign ministry said.": the sentence is what
            # the last speaker said; the cues before are part of it. In "Gilani urged ...,
            # he said", "he" is the speaker named before.
            first = cues[0]
            if (
                first.speaker is not None
                and first.speaker_side == "left"
                and first.speaker[0] == _after_adverbs(tokens, a)
            ):
                antecedent = self._mention(text, tokens, first.speaker)
            cues = cues[-1:]
        found: list[Attribution] = []
        consumed_until = a  # tokens before this index already belong to an attribution
        for k, cue in enumerate(cues):
            next_clause = cues[k + 1].clause_start if k + 1 < len(cues) else b
            if next_clause <= cue.i:
                next_clause = cues[
                    k + 1
                ].i  # "Sanders, who endorsed Clinton, said": the next cue's subject holds this one
            made = self._attribution(text, tokens, a, b, cue, consumed_until, next_clause, state)
            if cue.lemma in self.lexicon.naming_verbs and not any(m.kind != "indirect" for m in made):
                made = []  # "called him" names nobody's words; "called it “a disaster”" quotes them
            before = antecedent or self._relative_antecedent(text, tokens, a, cue)
            if made and before is not None and made[0].speaker is not None:
                made = [m._replace(antecedent=before) for m in made]
            if made:
                found.extend(made)
                consumed_until = max(consumed_until, cue.j, _token_index_after(tokens, made[-1].end, a, b))
                state.last = made[-1]
        if found and tokens[b - 1].text == "?":
            # "Think you're going to find that good job?": a question reports nobody's words.
            found = [f for f in found if f.kind == "direct"]
        orphan = None
        if not found:
            found.extend(self._colon(text, tokens, a, b, state))
        if not found:
            found.extend(self._quotation_then_speaker(text, tokens, a, b, state))
        if not found and self.beliefs and not cues and not APPEARANCE_FORMS.isdisjoint(words):
            found.extend(self._appearance(text, tokens, a, b))
        if not NOUN_CUES.isdisjoint(words):
            found.extend(self._stated_nouns(text, tokens, a, b, found))
        if self.beliefs and "as" in words and not self.lexicon.labelling_participles.isdisjoint(words):
            found.extend(self._labelled_nouns(text, tokens, a, b, found))
        if not found:
            found.extend(self._continuation(tokens, a, b, state))
            if not found and _only_quote(tokens, a, b):
                orphan = next(t for t in tokens[a:b] if t.kind == QUOTE)
        state.sentence_done(found, orphan)
        return found

    # ------------------------------------------------------------------ cues
    def _cues(self, tokens: Sequence[Token], a: int, b: int, work: WorkCounter | None) -> list[_Cue]:
        cues: list[_Cue] = []
        if work is not None:
            work.tick(b - a)
        starts = self._cue_starts
        # The few words a cue can start with, found in one pass: the rules run only there.
        candidates = word_indices(tokens, a, b, starts)
        after_cue = a  # a cue's own words start no other cue
        for i in candidates:
            if i < after_cue or tokens[i].kind != WORD:
                continue
            cue = self._cue_at(tokens, a, b, i)
            if cue is None:
                continue
            cue = self._with_speaker(tokens, a, b, cue, cues)
            if cue is not None and cues and _nested(tokens, cues[-1], cue):
                cue = None
            if cue is not None:
                cues.append(cue)
                after_cue = cue.j
        return cues

    def _verb_only(self, word: str) -> bool:
        """True for a cue form that cannot be a noun (said, told, added; not state, report)."""
        # one-word forms only: "speaking" alone is not "speaking out against"
        return any(
            not rest and lemma not in NOUN_LIKE and word != lemma for rest, lemma, _, _ in self._forms.get(word, ())
        )

    def _cue_at(self, tokens: Sequence[Token], a: int, b: int, i: int) -> _Cue | None:
        word = tokens[i].text
        lower = word.lower()
        if lower == "according" and i + 1 < b and tokens[i + 1].lower == "to":
            return _Cue(i, i + 2, "according to", "according", False)
        if lower == "in":
            # "In the latest CNN poll, Clinton leads" / "Trump leads, in the survey taken ...":
            # a finding reported by where it was found; the cue is "in".
            return _Cue(i, i + 1, "in", "according", False) if _opens_clause(tokens, a, i) else None
        if word != lower and not (
            word[0].isupper()
            and word[1:].islower()
            and ((i == a and lower in ("asked", "said", "says")) or _in_title_case(tokens, a, b, i))
        ):
            return None
        options = self._forms.get(lower)
        if not options:
            return None
        for rest, lemma, tense, belief in options:
            n = len(rest)
            if n and (i + 1 + n > b or tuple(t.lower for t in tokens[i + 1 : i + 1 + n]) != rest):
                continue
            if belief and not self.beliefs:
                return None
            if belief and i > a and _after_modal(tokens, a, i):
                return None  # "could still find a way", "would never know it": ability, not a report
            before = tokens[i - 1] if i > a else None
            if before is not None and (
                before.lower in DETERMINERS
                or ((before.lower in QUANTIFIERS or before.text[:1].isdigit()) and form_is_plural(word))
                or (before.lower.endswith(("'s", "\u2019s")) and before.lower not in AUXILIARIES)
            ):
                return None  # "the report", "three states", "Berlin's pledge": a noun, not a cue
            following = tokens[i + 1 + n] if i + 1 + n < b else None
            if (
                lemma in NOUN_LIKE
                and word in (lemma, _third_person(lemma))
                and not (
                    following is not None
                    and (following.lower == "that" or following.text == ":" or following.kind == QUOTE)
                )
            ):
                # "state legislative chambers", "unconditional support,": a cue only before
                # that/:/Q or after a name or pronoun
                previous = tokens[i - 1] if i > a else None
                if previous is None or not (
                    previous.lower in PRONOUNS
                    or previous.lower in self.lexicon.speaker_nouns  # "polls show"
                    or (lemma in FINDING_VERBS and self._finding_subject(tokens, a, i))  # "A poll out this week shows"
                    or _verb_before(previous)  # "would support", "overwhelmingly support"
                    or (  # "19 percent of those polled support Ruiz", "most senators support changing it"
                        word == lemma
                        and (previous.lower in POLLED or self._plural_of_speaker_noun(previous))
                        and following is not None
                        and _opens_object(following)
                    )
                    or (  # "Jane Ortiz, the former mayor, hopes ...": a verb after its subject's apposition
                        word != lemma
                        and previous.text == ","
                        and following is not None
                        and following.kind != PUNCT
                        and self._subject_before_apposition(tokens, a, i - 1) is not None
                    )
                    or (
                        word != lemma
                        and previous.is_capitalised()
                        and "-" not in previous.text
                        and following is not None
                        and following.kind == WORD  # "many Asian states,": a noun
                    )
                    or (word != lemma and _subject_after_quotation(tokens, a, i))  # '“...,” Ms. Ruiz notes.'
                ):
                    return None
            if following is not None and following.lower == "to" and lemma in NOT_BEFORE_TO:
                return None  # "continued to rebuff", "adding to his wins"
            if _infinitive_after(tokens, a, i, self.lexicon.infinitive_purposes):
                return None  # "hard to say", "a good place to present the budget": no one reports
            if lemma in CLAUSE_ONLY and following is not None and not _clause_follows(tokens, i + 1 + n, b):
                return None  # "maintains a lead", "added a rule": an object, not what was said
            if not n and following is not None and following.lower in PARTICLES:
                return None  # "backed off", "was shouted down": a phrasal verb, not a report
            if word == "back" and i + 2 < b and tokens[i + 2].lower == "forth":
                return None  # "careened back and forth"
            if before is not None and (
                (
                    before.lower in DEGREE_WORDS
                    and not self._verb_only(lower)  # not "most said"
                    and not (before.lower == "most" and _opens_clause(tokens, a, i - 1))  # "Most believe"
                )
                or (_is_numeral(before) and tense != "participle")  # not "the 43-year-old asked"
            ):
                return None  # "the most elaborate", "270 pledged delegates": an adjective
            if tense == "perfect" and not (i > a and tokens[i - 1].lower in PERFECT_AUXILIARIES):
                return None  # "primaries known as Lantern Week": a participle, not a report
            if (
                i + 1 + n < b
                and tokens[i + 1 + n].lower in NOUN_FOLLOWERS
                and tense == "finite"
                and form_is_plural(word)
            ):
                return None  # "reports of ...", "reports have warned"
            return _Cue(i, i + 1 + n, lemma, tense, belief)
        return None

    def _plural_of_speaker_noun(self, token: Token) -> bool:
        """A lower-case plural of a speaker noun or title ("senators", "voters"): people who can
        take a stance, where "higher prices" or "new rules" cannot."""
        if not (_plural_noun(token) and token.text.islower()):
            return False
        singular = token.lower[:-1]
        return singular in self.lexicon.speaker_nouns or singular in self.lexicon.titles

    def _finding_subject(self, tokens: Sequence[Token], a: int, i: int) -> bool:
        """True if the clause before a finding verb names what finds (``A University poll out
        this week shows``, ``A video of the council meeting shows``, ``A poll, conducted by ..., shows``)."""
        k = i - 1
        while k >= a and k >= i - MAX_APPOSITIVE and (tokens[k].kind == WORD or tokens[k].text in ",.()"):
            if tokens[k].lower in self.lexicon.speaker_nouns or tokens[k].lower in FINDING_SOURCES:
                return True
            if tokens[k].lower in CLAUSE_WORDS or tokens[k].lower in AUXILIARIES:
                return False
            k -= 1
        return False

    def _with_speaker(self, tokens: Sequence[Token], a: int, b: int, cue: _Cue, earlier: list[_Cue]) -> _Cue | None:
        if cue.lemma == "ask" and _question_put(tokens, a, b, cue):
            # "Asked about the deal, Ryan said ...", "... he said when asked whether ...":
            # the question put to someone, reported with no one named as asking it.
            return cue.placed(speaker_side="question", clause_start=cue.i)
        if cue.i == a and tokens[cue.i].text in ("Said", "Says"):
            # 'Said the mayor, "The thought that ..."': a cue opening the sentence, its speaker after it
            right = _noun_phrase_right(tokens, cue.j, b, self.lexicon.speaker_nouns)
            if right is None or right[1] >= b or tokens[right[1]].text not in (",", ":"):
                return None
            return cue.placed(speaker=right, speaker_side="right", clause_start=cue.i)
        if cue.tense == "according":
            if cue.lemma == "in":
                if _complex_preposition(tokens, cue.j, b):
                    return None  # "in the wake of the county poll", "in part because of ...", "in which ..."
                right = _according_source(tokens, cue.j, b)
                if right is None or not any(t.lower in FINDING_NOUNS for t in tokens[right[0] : right[1]]):
                    return None
            else:
                right = _according_source(tokens, cue.j, b) or _noun_phrase_right(
                    tokens, cue.j, b, self.lexicon.speaker_nouns
                )
            if right is None:
                return None
            return cue.placed(speaker=right, speaker_side="right", clause_start=_clause_start(tokens, a, cue.i))
        passive = _passive_at(tokens, a, cue.i)
        # "was first reported by BuzzFeed": the agent reports the subject; but after "was told
        # by officials that" the subject is the addressee and the content follows.
        by_agent = cue.j < b and tokens[cue.j].lower == "by" and cue.lemma not in self.lexicon.addressee_verbs
        if passive is not None and (cue.lemma not in PASSIVE_REPORTS or by_agent):
            # "Sanders was supported by overwhelming majorities of women": the agent after "by"
            # is the source, the subject what the stance is on. Without an agent ("he was
            # confirmed 92 to 0") a passive tells of an event, not a report.
            agent = _agent_after_by(tokens, cue.j + 1, b) if cue.j < b and tokens[cue.j].lower == "by" else None
            subject = self._passive_subject(tokens, a, passive) if agent is not None else None
            if agent is None or subject is None:
                return None
            return cue.placed(speaker=agent, speaker_side="agent", clause_start=_clause_start(tokens, a, subject[0]))
        if passive is not None:
            # "The delegation was told that ...": no speaker is named; the clause starts at the subject.
            subject = self._subject(tokens, a, passive)
            start = subject[0] if subject is not None else passive
            return cue.placed(speaker_side="passive", clause_start=_clause_start(tokens, a, start))
        if cue.tense == "participle" and not cue.belief and cue.i > a and tokens[cue.i - 1].lower not in BE_FORMS:
            # "Trump issued a statement saying ...": not "a statement" but the sentence's subject
            left = None
        else:
            left = self._subject(tokens, a, cue.i)
        if left is not None and left[1] < cue.i and tokens[left[1]].text == ",":
            inverted = self._inverted_after_content(tokens, a, b, cue)
            if inverted is not None:
                return inverted
        if left is not None:
            return cue.placed(speaker=left, speaker_side="left", clause_start=_clause_start(tokens, a, left[0]))
        if (
            cue.i - 1 > a
            and tokens[cue.i - 1].lower == "to"
            and cue.tense == "finite"
            and (not cue.belief or (cue.j < b and tokens[cue.j].lower in ("if", "whether", "how", "what", "why")))
            and tokens[cue.i].lower == cue.lemma.split()[0]
        ):
            # "became the first members of Congress to endorse Trump": the infinitive's subject
            # is the sentence's; after a causative it is the object ("prompted some US
            # politicians to say")
            subject = _causative_object(tokens, a, cue.i - 1) or self._sentence_subject(tokens, a, cue.i - 1)
            if subject is not None:
                return cue.placed(speaker=subject, speaker_side="left", clause_start=cue.i - 1)
        before = _skip_left(tokens, a, cue.i)
        before_token = tokens[before - 1] if before > a else None
        if before_token is not None and before_token.lower in ("and", "but") and cue.tense == "finite":
            if earlier and earlier[-1].speaker_side == "question":
                # "When asked whom she supported, Ms. Sherry smiled and said, ...": the subject
                # after the question, who was asked
                asked = _question_content(tokens, earlier[-1].j, b)
                start = asked[1] if asked is not None else before - 1
                while start < before - 1 and tokens[start].kind == PUNCT:
                    start += 1
                subject = self._leading_name(tokens, start, before - 1) if start < before - 1 else None
                if subject is not None:
                    return cue.placed(speaker=subject, speaker_side="left", clause_start=before - 1)
            elif earlier:
                # "De Blasio said the move was made by Bratton and said, ...": the same speaker
                return cue.placed(speaker_side="inherited", clause_start=before - 1)
            subject = self._sentence_subject(tokens, a, before - 1) or _noun_subject(tokens, a, before - 1)
            if subject is not None:
                # "CITIC runs an oil field in Kazakhstan and says it has ...": the sentence's subject
                return cue.placed(speaker=subject, speaker_side="left", clause_start=before - 1)
        if (
            cue.tense == "participle"
            and cue.lemma in self.lexicon.stance_verbs
            and before_token is not None
            and before == cue.i
            and before_token.kind == WORD
            and before_token.lower.endswith("s")
            and before_token.lower not in AUXILIARIES
        ):
            # "groups backing Senator Ted Cruz", "super PACs supporting him": the noun the
            # participle describes takes the stance.
            start = _noun_phrase_left(tokens, a, before)
            return cue.placed(speaker=(start, before), speaker_side="left", clause_start=start)
        absolute = self._absolute_subject(tokens, a, before) if cue.tense == "participle" else None
        if absolute is not None:
            # "..., with Ms. Lane recently promising to ...", "— Ms. Ortiz saying she was ...":
            # the noun phrase the participle hangs on is its subject.
            return cue.placed(speaker=absolute, speaker_side="left", clause_start=absolute[0])
        if cue.tense == "participle" and (
            not cue.belief or (before_token is not None and before_token.text == ",")  # ", believing that"
        ):
            boundary = before_token is not None and (
                before_token.text == ","
                or before_token.lower in ("while", "by", "before", "after")
                or _ends_with_comma(before_token)  # 'said things “should be wrapped up,” referring to'
                # "has been making the rounds and boldly claiming that", "calling it “disqualifying”
                # and asserting ...": with no cue before it or after another participle cue (after
                # "said the office had issued ... and cautioning ...", it is that cue's content)
                or (before_token.lower == "and" and (not earlier or earlier[-1].tense == "participle"))
            )
            # the clause starts at the comma, or after a quotation that holds it
            clause = before if before_token is not None and before_token.kind == QUOTE else before - 1
            if earlier and boundary:
                return cue.placed(speaker_side="inherited", clause_start=clause)
            medium = before_token is not None and (
                before_token.lower in MEDIA  # "issued a statement saying"
                or (
                    before_token.kind == WORD
                    and (cue.lemma == "say" or before_token.lower in GERUND_LEADS or _manner_adverb(before_token))
                )
            )
            subject = self._sentence_subject(tokens, a, cue.i) if boundary or medium else None
            if subject is None and before_token is not None and before_token.text == ",":
                subject = _noun_subject(tokens, a, cue.i)  # "The publication ..., arguing he is ..."
            if subject is not None:
                start = clause if boundary else cue.i
                return cue.placed(speaker=subject, speaker_side="left", clause_start=start)
            return None
        if cue.belief or cue.tense != "finite":
            return self._closing_subject(tokens, a, b, cue) if cue.lemma in FINDING_VERBS else None
        if (
            before_token is not None
            and (before_token.text == "," or before_token.kind == QUOTE)
            and cue.lemma not in self.lexicon.stance_verbs  # "..., offered an olive branch": not inverted
        ):
            # '"...," said a longtime port authority engineer who has worked for ...' / '"...," said
            # conservative activist Bob Klaus': after a quotation the inverted cue's subject is
            # the speaker, however it starts and goes on.
            after_quote = before_token.kind == QUOTE or (before - 2 >= a and tokens[before - 2].kind == QUOTE)
            right = _noun_phrase_right(tokens, cue.j, b, self.lexicon.speaker_nouns, any_start=after_quote)
            quote_at = before - 1 if before_token.kind == QUOTE else before - 2
            embedded = after_quote and quote_at > a and tokens[quote_at - 1].kind == WORD
            if right is not None and (not after_quote or embedded) and self._clause_inside(tokens, right):
                # "..., said Mr. Trump was a candidate", "Ms. Park, citing “...,” said the party
                # could win": content, not a speaker (the quotation is an object, not what was said)
                right = None
            if right is not None and (
                after_quote
                or right[1] >= b
                or tokens[right[1]].kind != WORD
                or tokens[right[1]].lower in ADVERBIAL_PREPOSITIONS | WEEKDAYS | {"to", "who", "whose"}
            ):
                # '"...," said Smith.' -- not '..., said the candidate could be ...'
                return cue.placed(speaker=right, speaker_side="right", clause_start=before)
        return self._long_subject(tokens, a, b, cue) or self._closing_subject(tokens, a, b, cue)

    def _absolute_subject(self, tokens: Sequence[Token], a: int, end: int) -> tuple[int, int] | None:
        """The subject of a participle cue in an absolute clause, ``with Ms. Lane recently
        promising to ...`` / ``— Ms. Ortiz saying she was ...`` / ``, many marchers chanting
        ...``: a name or a plural noun phrase right before the participle, after ``with``, a
        comma or a dash."""
        if end <= a or tokens[end - 1].kind != WORD:
            return None
        last = tokens[end - 1]
        if not (last.is_capitalised() or _plural_head(last)):
            return None
        phrase = self._phrase_ending_at(tokens, a, end)
        starts = [_noun_phrase_left(tokens, a, end)]  # "with Ortiz", "many marchers"
        if phrase is not None and phrase[1] == end:
            starts.append(phrase[0])  # "with Ms. Lane": a name with its title
        for start in starts:
            if tokens[start].lower == "with":
                start += 1
            if a < start < end and tokens[start - 1].lower in ABSOLUTE_OPENERS:
                return start, end
        return None

    def _closing_subject(self, tokens: Sequence[Token], a: int, b: int, cue: _Cue) -> _Cue | None:
        """``CONTENT, Federal Election Commission records compiled by the Center for Responsive
        Politics show.``: a cue closing its sentence after a comma; the words between the comma
        and the cue, however long, are its subject."""
        if cue.tense != "finite" or _trim_range(tokens, cue.j, b) is not None:
            return None
        comma = next(
            (m for m in range(cue.i - 1, max(a, cue.i - MAX_APPOSITIVE) - 1, -1) if tokens[m].kind != WORD), None
        )
        if comma is None or tokens[comma].text != "," or comma - a < 3 or cue.i - comma < 2:
            return None
        start = comma + 1
        if any(
            t.lower in CLAUSE_WORDS or t.lower in RELATIVES or t.lower in self._forms for t in tokens[start : cue.i]
        ):
            return None
        first = tokens[start]
        if not (first.is_capitalised() or first.lower in DETERMINERS | QUANTIFIERS or _plural_head(tokens[cue.i - 1])):
            return None
        return cue.placed(speaker=(start, cue.i), speaker_side="left", clause_start=comma)

    def _inverted_after_content(self, tokens: Sequence[Token], a: int, b: int, cue: _Cue) -> _Cue | None:
        """``CONTENT, whom he has alienated, said Martin Hale, director of ...``: inverted.

        A comma before the cue makes the words before it look like an apposition of a
        subject; when a name with nothing but its own apposition follows the cue, that
        name is the speaker and what stands before is the content.
        """
        if cue.tense != "finite" or cue.lemma not in PLAIN_SPEECH or cue.i <= a or tokens[cue.i - 1].text != ",":
            return None
        if not self._verb_only(tokens[cue.i].lower):
            return None
        right = _noun_phrase_right(tokens, cue.j, b, self.lexicon.speaker_nouns)
        if right is None or not (tokens[right[0]].is_capitalised() or tokens[right[0]].lower in DETERMINERS):
            return None
        if right[1] < b and not (tokens[right[1]].text == "," or _trim_range(tokens, right[1], b) is None):
            return None
        if self._clause_inside(tokens, right) or any(t.lower in RELATIVES for t in tokens[right[0] : right[1]]):
            return None  # "..., said the plan would fail", "said the staff member who succeeded him": content
        if _verb_after_apposition(tokens, right[1], b):
            return None  # "..., said the staff member, Paul Manafort, should be fired": a clause's subject
        return cue.placed(speaker=right, speaker_side="right", clause_start=cue.i - 1)

    def _passive_subject(self, tokens: Sequence[Token], a: int, k: int) -> tuple[int, int] | None:
        """The subject of a passive with an agent, which is what the stance is on: any noun
        phrase, not only one shaped like a speaker (``Jonas' impatience was echoed by ...``)."""
        subject = self._subject(tokens, a, k)
        if subject is not None:
            return subject
        end = _skip_left(tokens, a, k)
        start = end
        while start > max(a, end - MAX_SUBJECT) and (
            tokens[start - 1].kind == WORD
            or (tokens[start - 1].text in "'\u2019" and start - 2 >= a and tokens[start - 2].kind == WORD)
        ):
            if tokens[start - 1].lower in CLAUSE_WORDS or tokens[start - 1].lower in RELATIVES:
                break
            start -= 1
        while start < end and tokens[start].lower in LEADING_ADVERBS:
            start += 1
        return (start, end) if end - start >= 2 else None

    def _clause_inside(self, tokens: Sequence[Token], where: tuple[int, int]) -> bool:
        """True if an auxiliary or a reporting verb stands in the phrase: a clause, not a name."""
        return any(t.lower in AUXILIARIES or self._verb_only(t.lower) for t in tokens[where[0] : where[1]])

    def _long_subject(self, tokens: Sequence[Token], a: int, b: int, cue: _Cue) -> _Cue | None:
        """``Some residents who have attended his meetings ..., said he had less patience``.

        A subject with a relative clause or several appositions is too long to read back
        from the cue; for a verb that can only be a reporting verb (said, told), its head,
        the noun phrase the sentence opens with, is the speaker.
        """
        if cue.tense != "finite" or cue.lemma not in PLAIN_SPEECH:
            return None
        # a bare form ("acknowledge") only with a plural head, checked below
        bare = tokens[cue.i].lower == cue.lemma and cue.lemma not in NOUN_LIKE and tokens[cue.i - 1].lower != "to"
        if not (self._verb_only(tokens[cue.i].lower) or bare):
            return None
        if tokens[cue.i - 1].lower in ("that", "which", "who") or (cue.i - 2 > a and tokens[cue.i - 2].text == ","):
            return None  # "a message that said", "..., respondents said, ...": the subject is right there
        k = _after_adverbs(tokens, a)
        opener = tokens[k] if k < cue.i else None
        if opener is None or opener.lower in SENTENCE_OPENERS or opener.lower.endswith(("ed", "ing")):
            return None  # "On his website, Jones alleged", "Reached by phone, she said": not a subject
        end = k
        while end < cue.i and end - k < MAX_SUBJECT - 4:
            token = tokens[end]
            if token.kind != WORD and not (token.text == "." and end > k and _abbreviation(tokens[end - 1], token)):
                break
            if token.lower in CLAUSE_WORDS or token.lower in AUXILIARIES or token.lower in ("who", "which", "whose"):
                break
            if token.lower in self._forms:
                return None  # another verb stands between: not one long subject
            end += 1
        if (
            end >= cue.i
            or tokens[end].kind == QUOTE
            or not (tokens[end].text == "," or tokens[end].lower in ("who", "which", "whose"))
        ):
            return None  # the head must be followed by what makes the subject long
        while end > k and tokens[end - 1].lower in NOT_SPEAKER_END and tokens[end - 1].lower not in ("those", "these"):
            end -= 1  # (but "those who ..." is a head)
        if end == k:
            return None
        words = tokens[k:end]
        first = words[0]
        if bare and not self._verb_only(tokens[cue.i].lower) and not _plural_head(words[-1]):
            return None  # "Even those who ... acknowledge that": a bare form agrees with a plural head
        if not (
            first.is_capitalised()
            or first.lower in DETERMINERS | QUANTIFIERS | GROUP_WORDS
            or any(t.lower in self.lexicon.speaker_nouns for t in words)
        ):
            return None
        if any(self._verb_only(t.lower) and not form_is_plural(t.lower) for t in tokens[end : cue.i]):
            return None  # another reporting verb ("brands" may be a noun, "branded" is not)
        right = _noun_phrase_right(tokens, cue.j, b, self.lexicon.speaker_nouns, any_start=True)
        if (
            right is not None
            and not self._clause_inside(tokens, right)
            and tokens[right[0]].lower not in PRONOUNS  # "said they're not ...": "they" is a token of its own
            and (right[1] >= b or tokens[right[1]].kind != WORD or tokens[right[1]].lower in ADVERBIAL_PREPOSITIONS)
        ):
            return None  # "..., says political scientist Dossym Satpayev in Almaty.": inverted
        return cue.placed(speaker=(k, end), speaker_side="left", clause_start=k)

    def _subject(self, tokens: Sequence[Token], a: int, i: int) -> tuple[int, int] | None:
        """Token range of the speaker written before the cue at `i`, if there is one."""
        if i - 2 > a and tokens[i - 1].lower == "to" and tokens[i - 2].lower in GOVERNING_VERBS:
            i -= 2  # "Pakistan plans to tell ...": the speaker is the subject of "plans"
        end = _skip_left(tokens, a, i)
        if end <= a:
            return None
        last = tokens[end - 1]
        if last.text == "," and end - 1 > a:
            return self._subject_before_apposition(tokens, a, end - 1)
        dash = _dash_ending_at(tokens, a, end)
        if dash:
            # "Dana Kirk — after a long pause — told", "A former mayor -- Jo Hale, who ... -- said":
            # the speaker before a parenthetical between dashes
            opening = next(
                (
                    m
                    for m in range(end - dash - 1, max(a, end - dash - MAX_APPOSITIVE), -1)
                    if _dash_ending_at(tokens, a, m + 1) == dash
                ),
                None,
            )
            if opening is None or opening - dash + 1 <= a:
                return None
            return self._phrase_ending_at(tokens, a, opening - dash + 1)
        if last.kind == QUOTE and _ends_with_comma(last) and end - 1 > a:
            # "Ms. Park, citing “the ground game,” said": the comma closing the apposition is
            # inside the quotation
            return self._subject_before_apposition(tokens, a, end)
        if last.lower == "that" and end - 2 >= a and self._relative_that(tokens[end - 2]):
            return end - 1, end  # "an activist group that endorsed Sanders": the relative pronoun
        return self._phrase_ending_at(tokens, a, end)

    def _relative_that(self, before: Token) -> bool:
        """True if "that" after `before` is a relative pronoun ("a group that"), not a
        conjunction after a verb ("said that", "is that", "so that")."""
        return (
            before.kind == WORD
            and before.lower not in self._forms
            and before.lower not in AUXILIARIES
            and before.lower not in CLAUSE_WORDS
            and before.lower not in NOT_SPEAKER_END
            and not before.lower.endswith(("ed", "ly"))
            and before.lower not in ("now", "given", "such", "means", "mean", "meant", "so", "say", "says")
        )

    def _subject_before_apposition(
        self, tokens: Sequence[Token], a: int, comma: int, depth: int = 2
    ) -> tuple[int, int] | None:
        """``Jeb Bush, the former governor, said``: the speaker before a parenthetical.

        Up to two parentheticals: ``Sen. Lindsey Graham, R-S.C., a long-shot candidate, said``.
        """
        k = comma - 1
        limit = max(a, comma - MAX_APPOSITIVE)
        opening = _apposition_opening(tokens, limit, k)
        while k >= limit and not (tokens[k].kind == PUNCT and tokens[k].text in ",—\u2013"):
            if tokens[k].kind == QUOTE and opening != "participle":
                return None  # a quotation: not an apposition (but "Manafort, citing “...,” said" is one)
            if (
                self._verb_only(tokens[k].lower)
                and not _verb_in_apposition(tokens[k], opening)
                and not (k > a and tokens[k - 1].lower in ("who", "which", "also", "are", "is"))
            ):
                return None  # another cue: not an apposition (but "who are also seeking" is one)
            if tokens[k].text == ")":
                while k > limit and tokens[k].text != "(":
                    k -= 1
            elif tokens[k].lower in ("while", "after", "before", "when") and k > a:
                # "Tehmina Janjua while speaking at a meeting, said" / "Trump, while unveiling ..., said"
                end = k - 1 if tokens[k - 1].text == "," else k
                return self._phrase_ending_at(tokens, a, end) if end > a else None
            k -= 1
        if k < limit or k <= a:
            return None
        end = k
        if tokens[end - 1].text == ")":
            # "Rep. Zoe Lofgren (D-Calif.), who ..., said": the name before its bracket
            end = next((m for m in range(end - 2, max(a, end - 10) - 1, -1) if tokens[m].text == "("), end)
        phrase = self._phrase_ending_at(tokens, a, end) if end > a else None
        if phrase is not None and phrase[1] != end:
            phrase = None  # "Influence has provoked ... states, and it has ..., said": a clause, not a name
        if phrase is None and depth > 1 and tokens[k].text == ",":
            return self._subject_before_apposition(tokens, a, k, depth - 1)
        return phrase

    def _phrase_ending_at(self, tokens: Sequence[Token], a: int, end: int) -> tuple[int, int] | None:
        last = tokens[end - 1]
        if last.text == "." and end - 2 >= a and _abbreviation(tokens[end - 2], last):
            end -= 1  # "the F.B.I. has said"
            last = tokens[end - 1]
        if last.kind != WORD or last.lower in NOT_SPEAKER_END or last.lower in CLAUSE_WORDS:
            return None
        if last.lower in PRONOUNS:
            return end - 1, end
        start = end - 1
        limit = max(a, end - MAX_SUBJECT)
        while start > limit:
            previous = tokens[start - 1]
            if previous.kind != WORD:
                if previous.text in "-'\u2019&" and previous.end == tokens[start].start:
                    start -= 1
                    continue
                if previous.text == "." and start - 2 >= a and _abbreviation(tokens[start - 2], previous):
                    start -= 2
                    continue
                break
            lower = previous.lower
            if lower in CLAUSE_WORDS or lower in ("which", "who"):
                break  # "..., which Beijing has vowed": the speaker is Beijing
            if lower == "and" and not (start - 2 >= a and tokens[start - 2].is_capitalised()):
                break
            start -= 1
        while start < end - 1 and (tokens[start].lower in LEADING_ADVERBS or tokens[start].lower in WEEKDAYS):
            start += 1
        for m in range(start + 1, end):
            if tokens[m].lower in AUXILIARIES:
                # "The Pentagon had in a report this week said": the speaker ends before "had".
                end = m
                last = tokens[end - 1]
                break
        words = tokens[start:end]
        if words[0].lower in AUXILIARIES:
            return None  # "who have heard him speak over the decades": a verb phrase, not a speaker
        if any(
            t.lower == "to"
            and (m + 1 >= len(words) or not _opens_noun_phrase(words[m + 1]) or not _opens_noun_phrase(words[0]))
            for m, t in enumerate(words)
        ):
            return None  # "prompted some politicians to": an infinitive clause, not a speaker (but "head of
            # the delegation to the forum" is one)
        if len(words) > MAX_SUBJECT - 2:
            return None
        capitalised = any(t.is_capitalised() and t.lower not in DETERMINERS for t in words)
        nouns = any(t.lower in self.lexicon.speaker_nouns or t.lower in self.lexicon.titles for t in words)
        # "the mayor", "a new poll": a short phrase opened by a determiner.
        determined = words[0].lower in DETERMINERS | QUANTIFIERS | GROUP_WORDS and len(words) <= 6
        # "56 percent would vote for Ortiz", "nearly three in five said": a share of those polled.
        share = len(words) <= 6 and (
            any(t.lower.rpartition("-")[2] in SHARE_WORDS for t in words)  # "two-thirds", "three-quarters"
            or any(  # "nearly three in five", "six in 10"
                words[m].lower == "in" and _is_number(words[m - 1]) and _is_number(words[m + 1])
                for m in range(1, len(words) - 1)
            )
        )
        # "forecasters say", "some conservatives argue": people named by a plural noun.
        plural = len(words) <= 3 and _plural_noun(last) and all(t.text.islower() for t in words)
        if not (capitalised or nouns or determined or share or plural):
            return None
        if start == a and len(words) == 1 and last.lower in ("it", "this", "there"):
            return None
        return start, end

    # ------------------------------------------------------------------ content
    def _attribution(
        self,
        text: str,
        tokens: Sequence[Token],
        a: int,
        b: int,
        cue: _Cue,
        consumed_until: int,
        next_clause: int,
        state: _State,
    ) -> list[Attribution]:
        speaker = self._speaker(text, tokens, cue, state)
        cue_span = (tokens[cue.i].start, tokens[cue.j - 1].end)
        if cue.speaker_side == "agent":
            passive = _passive_at(tokens, a, cue.i)
            subject = self._passive_subject(tokens, a, passive) if passive is not None else None
            if subject is None:
                return []
            return [self._reported(text, tokens, [subject], speaker, cue_span, confidence_of(cue) - 0.1)]
        if cue.speaker_side == "question":
            asked = _question_content(tokens, cue.j, b)
            return [] if asked is None else [self._reported(text, tokens, [asked], None, cue_span, confidence_of(cue))]
        after = cue.j if cue.speaker_side != "right" else cue.speaker[1] if cue.speaker else cue.j
        right = self._right_content(tokens, cue, after, min(b, next_clause))
        if cue.speaker_side == "passive" and right is not None and cue.j < b and tokens[cue.j].lower in RAISED:
            # "All three candidates are expected to speak at the gala": what is expected is the
            # whole clause, its subject included.
            passive = _passive_at(tokens, a, cue.i)
            subject = self._subject(tokens, a, passive) if passive is not None else None
            if subject is not None:
                return [self._reported(text, tokens, [(subject[0], right[1])], None, cue_span, confidence_of(cue))]
        if cue.speaker_side == "right" and right is not None and not _only_quote(tokens, *right):
            right = None  # '"...," said Hollande, who returned to Paris': an apposition, not content
        left_end = cue.clause_start
        if cue.speaker_side == "left" and cue.speaker is not None:
            left_end = cue.speaker[0]
        left = _trim_range(tokens, max(consumed_until, a), left_end)
        if left is not None and all(t.lower in LEADING_ADVERBS for t in tokens[left[0] : left[1]]):
            left = None  # "But, she said, ...": an adverb is not what was said
        left_is_quote = left is not None and _only_quote(tokens, *left)
        confidence = confidence_of(cue)

        # "Q1," he said, "Q2."  /  "Q," he said.  /  "Q," said the official.
        if left_is_quote and left is not None:
            group = state.new_group()
            pieces = [self._direct(tokens, left, speaker, cue_span, group, confidence + 0.1, cue)]
            if right is not None and _only_quote(tokens, *right):
                pieces.append(self._direct(tokens, right, speaker, cue_span, group, confidence + 0.1, cue))
            elif _ends_with_comma(tokens[left[1] - 1]):
                second = self._piece_after_aside(tokens, after, min(b, next_clause))
                if second is not None:
                    pieces.append(self._direct(tokens, second, speaker, cue_span, group, confidence + 0.1, cue))
            return pieces
        if cue.tense == "according" and cue.speaker is not None:
            # According to X, CONTENT.   /   CONTENT, according to X.
            if left is not None and cue.clause_start > a:
                if tokens[cue.i - 1].kind == WORD:
                    # "Clinton leads by 271 delegates according to a count by the AP": with no
                    # comma before the cue, the finding is the clause it closes.
                    comma = next((m for m in range(left[1] - 1, left[0], -1) if tokens[m].text in (",", ";")), None)
                    left = left if comma is None else _trim_range(tokens, comma + 1, left[1]) or left
                left = _after_open_bracket(tokens, *left)  # "(the actual number is 15 percent, according to X)"
                left = _last_clause_for_source(tokens, *left)
                rest = _trim_range(tokens, cue.speaker[1], min(b, next_clause))
                if (
                    left[0] == _after_adverbs(tokens, a)
                    and left[1] - left[0] <= MAX_OPENING_ADVERBIAL
                    and rest is not None
                    and tokens[cue.speaker[1]].text == ","
                ):
                    # "About 10:03 p.m., according to a congressional timeline, the contractors left":
                    # the content runs on after the source, one span over both pieces.
                    return [self._reported(text, tokens, [left, rest], speaker, cue_span, confidence)]
                return [self._reported(text, tokens, [left], speaker, cue_span, confidence)]
            content = _trim_range(tokens, cue.speaker[1], min(b, next_clause))
            if content is not None:
                return [self._reported(text, tokens, [content], speaker, cue_span, confidence)]
            return []
        if (
            right is not None
            and cue.speaker_side == "left"
            and cue.speaker is not None
            and all(  # "a fact later confirmed by the department": adverbs may stand between
                t.lower in ("first", "later", "earlier", "since", "also", "widely") or _manner_adverb(t)
                for t in tokens[cue.speaker[1] : cue.i]
            )
            and cue.j - cue.speaker[1] <= 3
            and tokens[cue.i].lower.endswith("ed")
            and tokens[right[0]].lower == "by"
            and tokens[cue.speaker[0]].lower not in PRONOUNS  # "He concluded by implying ...": a means
            and not (right[0] + 1 < right[1] and tokens[right[0] + 1].lower.endswith("ing"))
        ):
            # "a call echoed by Japan on Saturday", "an allegation rejected by a series of
            # inquiries": a participle after a noun, its agent after "by" -- the noun is what
            # was said, the agent who said it.
            agent = _agent_after_by(tokens, right[0] + 1, right[1])
            if agent is not None:
                return [
                    self._reported(
                        text, tokens, [cue.speaker], self._mention(text, tokens, agent), cue_span, confidence - 0.1
                    )
                ]
        relative = _relative_gap(tokens, a, cue, right) if right is not None else None
        if relative is not None and right is not None and cue.speaker is not None:
            # "the new rules, which officials said will take effect in March, will ...": what
            # was said is the relative clause, its pronoun the missing subject of the content.
            return [
                self._reported(
                    text, tokens, [(relative, cue.speaker[0]), _relative_clause_end(tokens, relative, *right)],
                    speaker, cue_span, confidence,
                )
            ]
        if (
            right is not None
            and cue.speaker_side == "left"
            and cue.speaker is not None
            and _relative_after_comma(tokens, cue.speaker[0])
        ):
            # "..., which he called “a cartel”", "..., which Beijing has vowed to ignore": the
            # relative pronoun is what was said about; one span over both pieces.
            relative = cue.speaker[0] - 1
            return [self._reported(text, tokens, [(relative, relative + 1), right], speaker, cue_span, confidence)]
        if right is not None:
            # "For decades, Mr. de Vos noted, the United States has ...": content cut by the cue.
            cut = (
                left is not None
                and cue.speaker_side == "left"
                and tokens[right[0] - 1].text == ","
                and left[0] == a
                and tokens[left[1]].text == ","
            )
            if _only_quote(tokens, *right):
                if cut and left is not None and tokens[left[0]].lower not in SENTENCE_OPENERS:
                    # 'Sooner or later, the governor told reporters, "it starts to pay off."': a
                    # paraphrase finished by a quotation, one mixed span over both pieces.
                    return [self._reported(text, tokens, [left, right], speaker, cue_span, confidence)]
                group = state.new_group()
                return [self._direct(tokens, right, speaker, cue_span, group, confidence + 0.1, cue)]
            right = _content_to_quotation_end(tokens, *right)
            if _only_quote(tokens, *right):
                return [self._direct(tokens, right, speaker, cue_span, state.new_group(), confidence + 0.1, cue)]
            if (
                cue.speaker is not None
                and cue.speaker[1] - cue.speaker[0] == 1
                and tokens[cue.speaker[0]].lower in RELATIVES
            ):
                right = _to_first_break(tokens, *right)
            ranges: list[tuple[int, int]] = [right]
            if cut and left is not None:
                ranges = [left, right]
            return [self._reported(text, tokens, ranges, speaker, cue_span, confidence)]
        if (
            left is not None
            and cue.speaker_side in ("left", "right")
            and (tokens[left[1]].text == "," or tokens[left[1] - 1].kind == QUOTE)
        ):
            return [self._reported(text, tokens, [left], speaker, cue_span, confidence)]
        orphan = state.orphan
        if left is None and right is None and orphan is not None and a > 0 and tokens[a - 1] is orphan:
            # "Why?" Trump asked.  -- the quotation was the sentence before.
            return [self._direct(tokens, (a - 1, a), speaker, cue_span, state.new_group(), confidence, cue)]
        if right is None and speaker is not None and cue.speaker_side == "left" and not cue.belief:
            # "Sam Lau said in a statement." / "Hannity interjected:" -- the quotation follows.
            state.expect_quote(
                Attribution("direct", 0, 0, speaker, cue_span, confidence, speaker_from=_speaker_from(cue))
            )
        return []

    def _colon(self, text: str, tokens: Sequence[Token], a: int, b: int, state: _State) -> list[Attribution]:
        """``Republican pollster Rosa Delgado: “...”`` / ``Clinton has since apologized: “...”``.

        With no cue in the sentence, a quotation after a colon that ends the sentence is the
        words of the person the sentence begins with.
        """
        end = b
        while end > a and tokens[end - 1].kind == PUNCT:
            end -= 1
        if end - a < 3:
            return []
        if tokens[end - 1].kind != QUOTE or tokens[end - 2].text != ":":
            return self._headline(text, tokens, a, end)
        subject = self._leading_name(tokens, a, end - 2) or self._name_before(tokens, a, end - 2)
        if subject is None:
            return []
        speaker = self._mention(text, tokens, subject)
        colon = tokens[end - 2]
        found = _Cue(end - 2, end - 1, ":", "finite", False, subject, "left")
        return [self._direct(tokens, (end - 1, end), speaker, (colon.start, colon.end), state.new_group(), 0.6, found)]

    def _headline(self, text: str, tokens: Sequence[Token], a: int, end: int) -> list[Attribution]:
        """``Graham: Trump's rhetoric destroying GOP's chance``: a short line, a name, a colon."""
        if a != 0 or end > MAX_HEADLINE or len(tokens) > MAX_HEADLINE + 2:
            return []
        colon = next((m for m in range(a + 1, min(end, a + MAX_COLON_TOKENS)) if tokens[m].text == ":"), None)
        if colon is None or colon + 2 > end:
            return []
        subject = self._leading_name(tokens, a, colon)
        # "Clinton to Planned Parenthood: ...", "Obama To Asians Worried About U.S. Election: ...":
        # the name may be followed by whom or where it spoke.
        if subject is None or (
            subject[1] != colon and tokens[subject[1]].lower not in ("to", "at", "on", "in", "before", "for")
        ):
            return []
        if any(t.lower.endswith(("'s", "\u2019s")) for t in tokens[subject[0] : subject[1]]):
            return []  # "Secretary Clinton's Message to Pakistan: ...": a thing, not a speaker
        if all(t.text.isupper() and len(t.text) > 2 for t in tokens[subject[0] : subject[1]] if t.kind == WORD):
            return []  # "EDITORIAL: ...", "UPDATE: ...": a label, not a speaker
        speaker = self._mention(text, tokens, subject)
        where = _trim_range(tokens, colon + 1, end)
        if where is None or sum(t.kind == WORD for t in tokens[where[0] : where[1]]) < 3:
            return []  # "Pledged: 781", "Twitter: Milbank": a label and a value
        mark = tokens[colon]
        return [self._reported(text, tokens, [where], speaker, (mark.start, mark.end), 0.5)]

    def _appearance(self, text: str, tokens: Sequence[Token], a: int, b: int) -> list[Attribution]:
        """``The speaker appeared closer to an endorsement``: an impression the writer reports.

        News attributes such a judgement to no one named; what seems so is the whole clause,
        its subject included, up to the next comma (``Trump seems to be the classic New York
        personality``, but ...). After an impersonal ``it seems`` the content follows the cue.
        """
        i = next((m for m in range(a + 1, b - 1) if tokens[m].lower in APPEARANCE_FORMS), None)
        if i is None:
            return []
        following = tokens[i + 1]
        if following.kind != WORD or following.lower in NOT_AFTER_APPEARANCE or following.is_capitalised():
            return []  # "appeared on Fox News", "appeared before the committee": a literal appearance
        stop = next(
            (m for m in range(i + 1, b) if tokens[m].kind != WORD and not _abbreviation(tokens[m - 1], tokens[m])), b
        )
        if tokens[i - 1].lower == "it":
            start = i + 2 if following.lower == "that" else i + 1
            where = _trim_range(tokens, start, stop)
        else:
            start = i
            limit = max(a, i - MAX_SUBJECT)
            while start > limit and tokens[start - 1].kind == WORD and tokens[start - 1].lower not in CLAUSE_WORDS:
                start -= 1
            while start < i and tokens[start].lower in LEADING_ADVERBS:
                start += 1
            if start == i:
                return []
            where = _trim_range(tokens, start, stop)
        if where is None or where[1] - where[0] < 3:
            return []
        cue = tokens[i]
        return [self._reported(text, tokens, [where], None, (cue.start, cue.end), 0.5)]

    def _stated_nouns(
        self, text: str, tokens: Sequence[Token], a: int, b: int, found: Sequence[Attribution]
    ) -> list[Attribution]:
        """``Mr. Okafor's assertion that the council should sell ...``, ``his pledge to ...``.

        News reports claims, plans and fears with a noun as often as with a verb; with a
        possessive before it the possessor is the source and the ``that`` or ``to`` clause
        after it the content (``that`` included, as it is part of the clause); adjectives may
        stand between (``Okafor's recent unsupported assertion that``). With an article
        instead (``the claim that ...``) the ``that`` clause is reported with no source.
        Outside the content of another attribution only (a token belongs to one attribution).
        """
        made: list[Attribution] = []
        taken = [(f.start, f.end) for f in found]
        for m in range(a + 1, b - 2):
            noun = tokens[m]
            if noun.lower not in NOUN_CUES:
                continue
            # "Clinton's aggressive attack on Trump", "his calls for a special prosecutor"
            stance = STANCE_NOUNS.get(noun.lower) == tokens[m + 1].lower
            if not stance and (noun.lower not in PROPOSITION_NOUNS or tokens[m + 1].lower not in ("that", "to")):
                continue
            owner = m - 1
            while owner > a and owner > m - 3 and _noun_modifier(tokens[owner]):
                owner -= 1  # "Trump's recent assertion", "his repeated calls"
            possessor = tokens[owner]
            source: tuple[int, int] | None = None
            if possessor.lower in ("the", "a", "an"):
                if stance or tokens[m + 1].lower != "that":
                    continue  # "the decision to ...": whose decision is not said
            elif not (possessor.lower in POSSESSIVES or possessor.lower.endswith(("'s", "\u2019s"))):
                continue
            elif possessor.lower in POSSESSIVES:
                source = (owner, owner + 1)
            else:
                start = owner
                while start > a and (
                    tokens[start - 1].is_capitalised() or (tokens[start - 1].text == "." and start - 2 >= a)
                ):
                    start -= 1
                source = (start, owner + 1)
            stop = next((k for k in range(m + 2, b) if tokens[k].text in STATEMENT_ENDS), b)
            where = _trim_range(tokens, m + 2 if stance else m + 1, stop)
            if where is None or (where[1] - where[0] < 3 and not stance) or not _unclaimed(tokens, where, taken):
                continue
            speaker = None if source is None else self._mention(text, tokens, source)
            made.append(self._reported(text, tokens, [where], speaker, (noun.start, noun.end), 0.5))
        return made

    def _quotation_then_speaker(
        self, text: str, tokens: Sequence[Token], a: int, b: int, state: _State
    ) -> list[Attribution]:
        """``“It was the only bill with support,” Ms. Vance fumed on Tuesday.`` / ``“This is
        fantastic!” beamed Ms. Vance``: a sentence that opens with a quotation closed by a
        comma, ``!`` or ``?``, then a name or pronoun and a past-tense verb (or the verb, then a
        name) is that speaker's quotation, whatever the verb (news varies them: fumed, beamed,
        confessed, went on).
        """
        first = tokens[a] if a < b else None
        if first is None or first.kind != QUOTE or a + 2 >= b:
            return []
        inner = quotation_ending(first)
        if not inner.endswith((",", "!", "?")):
            return []
        k = a + 1
        verb_first = _past_verb(tokens[k]) and k + 1 < b and tokens[k + 1].is_capitalised()
        if verb_first:
            where = self._name_after(tokens, k + 1, b)
        elif tokens[k].lower in SUBJECT_PRONOUNS:
            where = (k, k + 1)
        else:
            where = self._name_after(tokens, k, b)
        if where is None:
            return []
        verb = k if verb_first else where[1]
        if verb >= b or not _past_verb(tokens[verb]):
            return []
        speaker = self._mention(text, tokens, where)
        cue = (tokens[verb].start, tokens[verb].end)
        return [
            Attribution(
                "direct", first.start, first.end, speaker, cue, 0.6, group=state.new_group(), speaker_from="left",
                chain=None if first.quotation is None else first.quotation.chain,
            )
        ]

    def _name_after(self, tokens: Sequence[Token], k: int, b: int) -> tuple[int, int] | None:
        """A capitalised name (titles and initials in it) starting at `k`, if one does."""
        end = self._name_run(tokens, k, b, nouns=False)
        if end <= k or not tokens[end - 1].is_capitalised():
            return None
        return k, end

    def _labelled_nouns(
        self, text: str, tokens: Sequence[Token], a: int, b: int, found: Sequence[Attribution]
    ) -> list[Attribution]:
        """``the run of primaries known as Lantern Week``, ``a county widely seen as pivotal``.

        A noun with a participle of seeing or naming and ``as`` reports how it is seen or
        called, by no one named: the noun phrase with what follows up to the clause's end.
        Outside the content of another attribution only.
        """
        made: list[Attribution] = []
        taken = [(f.start, f.end) for f in found]
        for m in range(a + 1, b - 2):
            if tokens[m].lower not in self.lexicon.labelling_participles or tokens[m + 1].lower != "as":
                continue
            j = m - 1
            while j > a and (tokens[j].lower in LABEL_ADVERBS or _manner_adverb(tokens[j])):
                j -= 1  # "widely seen as", "derisively known as"
            noun = tokens[j]
            if noun.kind != WORD or noun.lower in NOT_LABELLED:
                continue  # "is seen as", "they see it as": a clause, not a noun with a participle
            start = _noun_phrase_left(tokens, a, j + 1)
            while start - 2 > a and tokens[start - 1].lower == "of":
                start = _noun_phrase_left(tokens, a, start - 1)  # "the run of primaries known as"
            stop = next(
                (
                    k + (tokens[k].kind == QUOTE)  # 'billed as “Hard Hats for Ruiz,”': the quotation ends it
                    for k in range(m + 2, b)
                    if tokens[k].text in LABEL_ENDS or _ends_with_comma(tokens[k])
                ),
                b,
            )
            if start == a:
                # the sentence's subject: its verb ends the label ("The plan billed as a fresh start collapsed")
                stop = next(
                    (k for k in range(m + 3, stop) if _past_verb(tokens[k]) or tokens[k].lower in AUXILIARIES), stop
                )
            where = _trim_range(tokens, start, stop)
            if where is None or stop - m < 3 or not _unclaimed(tokens, where, taken):
                continue
            made.append(self._reported(text, tokens, [where], None, (tokens[m].start, tokens[m + 1].end), 0.5))
        return made

    def _sentence_subject(self, tokens: Sequence[Token], a: int, stop: int) -> tuple[int, int] | None:
        """The noun phrase a sentence opens with, if it looks like a speaker."""
        k = a
        if tokens[k].lower in ADVERBIAL_PREPOSITIONS | {"as", "after", "before", "despite", "amid"}:
            # "In a statement released Thursday, Rep. Jeffries ...": the subject follows the comma
            comma = next((m for m in range(k + 1, min(stop, k + MAX_APPOSITIVE)) if tokens[m].text == ","), None)
            if comma is None:
                return None
            k = comma + 1
        while k < stop and (tokens[k].lower in LEADING_ADVERBS or tokens[k].text == ","):
            k += 1
        if k >= stop:
            return None
        if tokens[k].lower in SUBJECT_PRONOUNS:
            return k, k + 1
        end = self._name_run(tokens, k, stop, nouns=True)
        while end > k and (tokens[end - 1].lower in DETERMINERS or tokens[end - 1].kind != WORD):
            end -= 1
        if end == k or tokens[end - 1].lower in DETERMINERS:
            return None
        last = tokens[end - 1]
        if not (last.is_capitalised() or last.lower in self.lexicon.speaker_nouns):
            return None
        return k, end

    def _name_run(self, tokens: Sequence[Token], k: int, stop: int, *, nouns: bool) -> int:
        """End of the run of name words from `k`: capitalised words, titles, "Mr." dots, and
        with `nouns` also determiners and speaker nouns ("the foreign ministry")."""
        end = k
        limit = min(stop, k + MAX_SUBJECT)
        while end < limit:
            token = tokens[end]
            if not (
                token.is_capitalised()
                or token.lower in self.lexicon.titles
                or (nouns and (token.lower in DETERMINERS or token.lower in self.lexicon.speaker_nouns))
                or (token.text == "." and end > k and _abbreviation(tokens[end - 1], token))
                or (  # "Musharraf and Aziz": a joint source
                    nouns
                    and token.lower == "and"
                    and end > k
                    and tokens[end - 1].is_capitalised()
                    and end + 1 < limit
                    and tokens[end + 1].is_capitalised()
                )
            ):
                break
            end += 1
        return end

    def _name_before(self, tokens: Sequence[Token], a: int, colon: int) -> tuple[int, int] | None:
        """``... doesn't surprise Republican pollster Rosa Delgado: “...”``: the person named
        right before a colon, by two capitalised words at least (role words may precede)."""
        start = colon
        while (
            start > a
            and start > colon - MAX_SUBJECT
            and (
                tokens[start - 1].is_capitalised()
                or (
                    tokens[start - 1].text == "."
                    and start - 2 >= a
                    and _abbreviation(tokens[start - 2], tokens[start - 1])
                )
            )
        ):
            start -= 1
        if sum(t.is_capitalised() for t in tokens[start:colon]) < 2:
            return None
        while start > a and start > colon - MAX_SUBJECT and tokens[start - 1].lower in self.lexicon.titles:
            start -= 1  # "Republican pollster Rosa Delgado"
        return start, colon

    def _leading_name(self, tokens: Sequence[Token], a: int, stop: int) -> tuple[int, int] | None:
        """The name or pronoun a sentence starts with (titles and roles allowed before it)."""
        if tokens[a].lower in SUBJECT_PRONOUNS:
            return a, a + 1
        k = self._name_run(tokens, a, stop, nouns=False)
        if k == a or not tokens[k - 1].is_capitalised() or tokens[a].lower in DETERMINERS | LEADING_ADVERBS:
            return None
        return a, k

    def _relative_antecedent(self, text: str, tokens: Sequence[Token], a: int, cue: _Cue) -> Mention | None:
        """For "voters who said" / "Trump, who said": the phrase "who" stands for."""
        if cue.speaker is None or cue.speaker_side != "left" or tokens[cue.speaker[0]].lower not in RELATIVES:
            return None
        k = cue.speaker[0]
        if k > a and tokens[k - 1].text == ",":
            k -= 1
        phrase = self._phrase_ending_at(tokens, a, k) if k > a else None
        return None if phrase is None else self._mention(text, tokens, phrase)

    def _trailing(self, tokens: Sequence[Token], a: int, b: int, cue: _Cue) -> bool:
        """True if `cue` closes its sentence (", the ministry said.") with nothing said after it."""
        if cue.tense == "according" and cue.lemma == "according to" and cue.speaker is not None:
            # "Some 59 percent view her unfavorably, according to a new poll.": the source
            # closes the sentence; what stands before it, cues and all, is its content.
            return cue.i > a and tokens[cue.i - 1].text == "," and _trim_range(tokens, cue.speaker[1], b) is None
        if cue.speaker is None or cue.speaker_side not in ("left", "right") or cue.tense == "according":
            return False
        first = cue.speaker[0] if cue.speaker_side == "left" else cue.i
        if first <= a or not (tokens[first - 1].text == "," or tokens[first - 1].kind == QUOTE):
            return False
        after = cue.j if cue.speaker_side == "left" else cue.speaker[1]
        return self._right_content(tokens, cue, after, b) is None

    def _speaker(self, text: str, tokens: Sequence[Token], cue: _Cue, state: _State) -> Mention | None:
        if cue.speaker is not None:
            return self._mention(text, tokens, cue.speaker)
        if cue.speaker_side == "inherited" and state.last is not None:
            return state.last.speaker
        return None

    @staticmethod
    def _mention(text: str, tokens: Sequence[Token], where: tuple[int, int]) -> Mention:
        start, end = tokens[where[0]].start, tokens[where[1] - 1].end
        return Mention(start, end, text[start:end])

    def _right_content(self, tokens: Sequence[Token], cue: _Cue, start: int, end: int) -> tuple[int, int] | None:
        """Token range of what follows the cue and its addressee or adverbials."""
        k = start
        if cue.tense == "according":
            return None
        if k < end and tokens[k].text == ";":
            return None  # "..., analysts say; in 2012 ...": a semicolon ends the attribution
        # Adverbials and addressees up to a "that" nearby: "told reporters on Monday that".
        timed = _time_adverbial_end(tokens, k, end)
        if k < timed < end and tokens[timed].kind == WORD and tokens[timed].lower not in ADVERBIAL_PREPOSITIONS:
            k = timed  # "said last week the bill would pass", "said Monday the talks had failed"
        prepositional = (
            k < end and tokens[k].lower in ADVERBIAL_PREPOSITIONS and not _determiner_of_content(tokens, k, end)
        )
        window = min(end, k + (16 if prepositional else 9))
        for m in range(k, window):
            token = tokens[m]
            if token.kind != WORD and not (prepositional and (token.text == "," or token.kind == QUOTE)):
                break  # (a quotation may name the show or paper: 'said on “Meet the Press” that')
            if token.lower in AUXILIARIES:
                break  # "say it is now worth half that": a clause has begun, its "that" is a pronoun
            if token.lower == "that" and m > k:
                if self._adverbial_or_addressee(tokens, cue, k):
                    return _trim_range(tokens, m + 1, end)
                break
        if prepositional:
            for m in range(k, window):
                if tokens[m].text == ":":
                    return _trim_range(tokens, m + 1, end)  # "tweeted in response: Q"
            after = _skip_medium(tokens, k, end)
            if (
                k < after < end - 1
                and tokens[after].text == ","
                and tokens[after + 1].lower in ADVERBIAL_PREPOSITIONS
            ):
                return None  # "declared in an interview Thursday, in the latest attack": the medium ends the cue
            if (
                k < after < end
                and tokens[after].kind == WORD
                and tokens[after].lower not in ADVERBIAL_PREPOSITIONS | {"to", "of", "with", "published", "aired"}
            ):
                return _trim_range(tokens, after, end)  # "said in a statement Thursday night they pulled ..."
            for m in range(k + 2, min(window, k + 7)):
                if tokens[m].kind != WORD:
                    break
                if tokens[m].lower in SUBJECT_PRONOUNS:
                    # "said on Thursday he hand-delivered", "wrote in both listings he was"
                    return _trim_range(tokens, m, end)
        if prepositional and not any(t.text == "," for t in tokens[k:window]):
            return None  # "said in an interview with Bloomberg News following ...": no content here
        if cue.lemma in self.lexicon.addressee_verbs and k < end:
            k = _skip_addressee(tokens, k, end)
            if k < end and tokens[k].lower == "saying":
                k += 1  # "emailed supporters saying the campaign would go on"
            if (
                k > start
                and k + 1 < end
                and tokens[k].lower in TIME_CLAUSE_OPENERS
                and (tokens[k + 1].lower in SUBJECT_PRONOUNS or tokens[k + 1].is_capitalised())
            ):
                return None  # "..., the governor told her staff as she worked on the speech": when, not what
        k = _skip_adverbial(tokens, k, end)
        if k < end and tokens[k].lower == "that":
            k += 1
        while k < end and tokens[k].kind == PUNCT and tokens[k].text in ",:":
            k += 1
        content = _trim_range(tokens, k, end)
        if content is None:
            return None
        s, e = content
        if e - s == 1 and tokens[s].kind == WORD and not self._one_word_content(cue, tokens[s]):
            return None  # "said Monday": no content
        if tokens[s].lower == "to" and all(t.is_capitalised() for t in tokens[s + 1 : e]):
            return None  # "should make clear to Washington.": whom it was said to, not what
        if cue.lemma in self.lexicon.stance_verbs:
            return _stance_object(tokens, s, e)
        return content

    def _piece_after_aside(self, tokens: Sequence[Token], k: int, end: int) -> tuple[int, int] | None:
        """The second piece of ``"Q1," he said of the two men, "Q2."``: a quotation ending the
        sentence after a comma, with only a short aside after the cue (whom or when it was
        said of, an apposition of the speaker: ``said Dana Hill, director of the port
        authority,``); the aside holds no other cue, quotation or clause joiner but ``and``
        (``he said of Ortiz and Hale,``)."""
        last = end - 1
        while last > k and tokens[last].kind == PUNCT and tokens[last].text in ".!?":
            last -= 1
        if last - 1 <= k or tokens[last].kind != QUOTE or tokens[last - 1].text != ",":
            return None
        if last - 1 - k > MAX_APPOSITIVE:
            return None
        for m in range(k, last - 1):
            t = tokens[m]
            if t.kind == QUOTE or t.lower in CLAUSE_JOINERS_BUT_AND or t.text in (";", ":"):
                return None
            if t.lower in self._forms and tokens[m - 1].lower not in DETERMINERS:
                return None  # '"...," he said, adding, "..."': another cue (not "after the vote")
        return last, last + 1

    def _one_word_content(self, cue: _Cue, word: Token) -> bool:
        """An answer ("75 percent said yes", "thought so"), the name a stance is on ("34,000 people supported
        Trump") or the object of a speech verb that takes one ("claimed victory")."""
        if word.lower in ("yes", "no", "so"):
            return True
        if cue.lemma not in self.lexicon.stance_verbs:
            # "claimed victory", "denied wrongdoing": a verb that takes an object; not "said
            # today", "responded quickly", "testified twice", where the word is an adverb
            return (
                cue.lemma not in NO_ONE_WORD_OBJECT
                and not cue.belief
                and _bare_noun(word)
                and not word.lower.endswith("ed")
            )
        return (
            (word.is_capitalised() and word.lower not in WEEKDAYS)
            or word.lower in ("him", "her", "them", "it")
            or _bare_noun(word)  # "Rubio opposes abortion", "he will seek help"
        )

    def _adverbial_or_addressee(self, tokens: Sequence[Token], cue: _Cue, k: int) -> bool:
        first = tokens[k]
        return (
            cue.lemma in self.lexicon.addressee_verbs
            or first.lower in ADVERBIAL_PREPOSITIONS
            or first.lower == "to"
            or first.lower in WEEKDAYS
            or first.lower in OBJECT_PRONOUNS
            or first.is_capitalised()
        )

    # ------------------------------------------------------------------ building quotes
    def _direct(
        self,
        tokens: Sequence[Token],
        where: tuple[int, int],
        speaker: Mention | None,
        cue: tuple[int, int],
        group: int,
        confidence: float,
        found: _Cue,
    ) -> Attribution:
        token = next(t for t in tokens[where[0] : where[1]] if t.kind == QUOTE)
        quotation = token.quotation
        closed = quotation is None or quotation.closed
        return Attribution(
            "direct",
            token.start,
            token.end,
            speaker,
            cue,
            min(0.95, confidence if closed else confidence - 0.15),
            group=group,
            speaker_from=_speaker_from(found),
            chain=None if quotation is None else quotation.chain,
        )

    def _reported(
        self,
        text: str,
        tokens: Sequence[Token],
        pieces: list[tuple[int, int]],
        speaker: Mention | None,
        cue: tuple[int, int],
        confidence: float,
    ) -> Attribution:
        spans = [(tokens[s].start, tokens[e - 1].end) for s, e in pieces]
        quoted = any(t.kind == QUOTE for s, e in pieces for t in tokens[s:e])
        return Attribution(
            "mixed" if quoted else "indirect",
            spans[0][0],
            spans[-1][1],
            speaker,
            cue,
            confidence,
            segments=tuple(spans) if len(spans) > 1 else (),
        )

    def _continuation(self, tokens: Sequence[Token], a: int, b: int, state: _State) -> list[Attribution]:
        """A sentence that is only a quotation, following a direct quote or continuing one."""
        if not _only_quote(tokens, a, b):
            return []
        token = next(t for t in tokens[a:b] if t.kind == QUOTE)
        quotation = token.quotation
        source = state.previous_direct or state.expected
        if quotation is not None and quotation.chain is not None and quotation.chain in state.chains:
            source = state.chains[quotation.chain]
        if source is None:
            return []
        group = source.group if source.group is not None else state.new_group()
        return [
            Attribution(
                "direct",
                token.start,
                token.end,
                source.speaker,
                source.cue,
                0.7,
                group=group,
                speaker_from="continuation",
                chain=None if quotation is None else quotation.chain,
            )
        ]


def _form_words(first: str, options: list[tuple[tuple[str, ...], str, str, bool]]) -> list[tuple[str, ...]]:
    """The cue forms that start with `first`, each as its words."""
    return [(first, *rest) for rest, _lemma, _tense, _belief in options]


@attrs.define
class _State:
    """What later sentences need from earlier ones."""

    last: Attribution | None = None
    #: The direct quote the previous sentence ended with (a following quotation continues it).
    previous_direct: Attribution | None = None
    #: A quotation alone in the previous sentence with no speaker yet ("Why?" Trump asked.).
    orphan: Token | None = None
    #: A cue with a speaker and nothing said yet: the next quotation is theirs.
    expected: Attribution | None = None
    expected_fresh: bool = False
    groups: int = 0
    chains: dict[int, Attribution] = attrs.field(factory=dict)

    def expect_quote(self, cue: Attribution) -> None:
        self.expected = cue
        self.expected_fresh = True

    def new_group(self) -> int:
        self.groups += 1
        return self.groups

    def sentence_done(self, found: list[Attribution], orphan: Token | None) -> None:
        direct = [f for f in found if f.kind == "direct"]
        # "Ms Janjua said the US understood. “So we hope ...”": a quotation after any
        # attribution continues the speaker's words.
        # (the last one with a speaker: "..., he said when asked about the budget." names him)
        self.previous_direct = next((f for f in reversed(found) if f.speaker is not None), None)
        self.orphan = orphan
        if not self.expected_fresh:
            self.expected = None
        self.expected_fresh = False
        for piece in direct:
            self.remember_chain(piece)

    def remember_chain(self, piece: Attribution) -> None:
        chain = piece.chain
        if chain is not None and chain not in self.chains:
            self.chains[chain] = piece


def _speaker_from(cue: _Cue) -> str:
    if cue.tense == "according":
        return "according"
    return {"left": "subject", "right": "inverted", "inherited": "inherited"}.get(cue.speaker_side, "subject")


#: Prepositions a short noun phrase does not reach back over ("into groups backing ...").
PREPOSITIONS = ADVERBIAL_PREPOSITIONS | frozenset(["into", "to", "of", "by", "about", "against", "over", "among"])


def _noun_phrase_left(tokens: Sequence[Token], a: int, end: int) -> int:
    """Start of the short noun phrase ending at `end`: back to a determiner, at most five
    words, stopping before a preposition, an auxiliary, a clause word or a past form."""
    start = end - 1
    while start > a and start > end - 5:
        previous = tokens[start - 1]
        lower = previous.lower
        if (
            previous.kind != WORD
            or lower in PREPOSITIONS
            or lower in AUXILIARIES
            or lower in CLAUSE_WORDS
            or lower.endswith("ed")
        ):
            break
        start -= 1
        if lower in DETERMINERS or lower in QUANTIFIERS:
            break
    return start


def _skip_left(tokens: Sequence[Token], a: int, i: int) -> int:
    """Index after the speaker: auxiliaries, adverbs and weekdays before the cue skipped."""
    k = i
    limit = max(a, i - MAX_SUBJECT)
    while k > limit:
        lower = tokens[k - 1].lower
        if (
            lower in BETWEEN_SUBJECT_AND_CUE
            or _manner_adverb(tokens[k - 1])
            or (lower == "since" and k - 2 >= a and tokens[k - 2].lower in ("has", "have", "had"))  # "has since said"
            or lower in WEEKDAYS
            or (lower == "on" and k < i and tokens[k].lower in WEEKDAYS)
        ):
            k -= 1
        elif lower in PERIODS and k - 1 > a and tokens[k - 2].lower in ("last", "this", "next", "earlier", "later"):
            k -= 2  # "Bush last week urged"
        elif tokens[k - 1].text == ")":
            # "Sen. John Cornyn (R-Texas) told": a parenthesis after the name
            opening = next((m for m in range(k - 2, max(a, k - 10) - 1, -1) if tokens[m].text == "("), None)
            if opening is None or opening <= a:
                break
            k = opening
        else:
            break
    return k


#: Words in -ly that are not adverbs ("the family said").
NOT_ADVERBS = frozenset(
    ["family", "rally", "ally", "assembly", "supply", "reply", "early", "daily", "weekly", "monthly", "belly", "bully"]
)


def _manner_adverb(token: Token) -> bool:
    """True for an adverb in -ly between a subject and its cue ("strongly supported")."""
    return (
        token.kind == WORD
        and token.text.islower()
        and len(token.text) > 4
        and token.lower.endswith("ly")
        and token.lower not in NOT_ADVERBS
    )


PAST_PARTICIPLES = frozenset(["told", "said", "written", "shown", "known", "thought", "found", "felt"])


def _passive_at(tokens: Sequence[Token], a: int, i: int) -> int | None:
    """Index of the "be" before a cue in the passive ("was told", "is expected"), if any."""
    word = tokens[i].lower
    if not (word.endswith("ed") or word in PAST_PARTICIPLES):
        return None
    k = i - 1
    limit = max(a, i - MAX_SUBJECT)
    while k >= limit and tokens[k].lower in BETWEEN_SUBJECT_AND_CUE and tokens[k].lower not in BE_FORMS:
        k -= 1
    if (
        k >= a
        and tokens[k].lower in BE_FORMS
        and not (k > a and tokens[k - 1].lower in ("has", "have", "had") and tokens[k].lower != "been")
    ):
        return k
    return None


def _third_person(lemma: str) -> str:
    return (
        lemma[:-1] + "ies"
        if lemma.endswith("y")
        else lemma + "es"
        if lemma.endswith(("s", "sh", "ch"))
        else lemma + "s"
    )


def form_is_plural(word: str) -> bool:
    """True for a cue form that could be a plural noun (reports, claims, charges)."""
    return word.endswith("s") and not word.endswith("ss")


def _nested(tokens: Sequence[Token], outer: _Cue, inner: _Cue) -> bool:
    """True if `inner` reports inside what `outer` reports ("warned that X has found ...").

    By the news convention (and PolNeAR's) a token belongs to one attribution, so a cue in
    the content of another is part of that content: its speaker directly follows the outer
    cue's words ("told Boucher that X said"), or a word that embeds it ("whom he called",
    "given that polls show", "when a young man asked"). After punctuation or "and"/"but"
    a new attribution begins.
    """
    if outer.tense == "according" and outer.speaker is not None:
        # "According to exit polls, most voters feel ...": what follows the source is its content.
        end = outer.speaker[1]
        return end < len(tokens) and tokens[end].text == "," and inner.i > end
    if outer.speaker_side == "question":
        # "When asked whom she supported, Ms. Sherry smiled": a cue in the question is part of it
        asked = _question_content(tokens, outer.j, len(tokens))
        return asked is not None and asked[0] <= inner.i < asked[1]
    if outer.speaker_side != "left" or inner.speaker_side not in ("left", "passive"):
        return False
    inner_start = inner.speaker[0] if inner.speaker is not None else inner.clause_start
    if _relative_of(tokens, outer, inner):
        return False  # "Sanders, who on Tuesday endorsed Clinton, said ...": the outer cue is in the subject's clause
    if (
        outer.tense == "participle"
        and inner.speaker is not None
        and inner.speaker[1] == outer.i - 1
        and tokens[outer.i - 1].text == ","
    ):
        return False  # "The Tribune, citing internal memos, reported ...": the outer cue is in an apposition
    between = tokens[outer.j : inner_start]
    if between and between[0].text == ",":
        between = between[1:]
        if between and between[0].lower in CLAUSE_JOINERS:
            return False  # "..., records show, and harbour engineers say ...": a new attribution
    if len(between) <= 8 and all(t.kind == WORD for t in between):
        return True
    before = tokens[inner_start - 1] if inner_start > outer.j else None
    if _relative_after_comma(tokens, inner_start):
        return False  # "..., which he called “a cartel”": the relative clause is its own attribution
    return before is not None and before.kind == WORD and before.lower not in CLAUSE_JOINERS


def _relative_of(tokens: Sequence[Token], outer: _Cue, inner: _Cue) -> bool:
    """True if `outer` is the cue of a relative clause on `inner`'s speaker: ``Sanders, who
    on Tuesday endorsed Clinton, said`` (the relative pronoun right after the speaker and a comma)."""
    if outer.speaker is None or inner.speaker is None or inner.speaker_side != "left":
        return False
    who = outer.speaker[0]
    return (
        outer.speaker[1] == who + 1
        and tokens[who].lower in ("who", "which")
        and inner.speaker[1] == who - 1
        and tokens[who - 1].text == ","
    )


def _content_to_quotation_end(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int]:
    """Reported content that ends with its quotation, not with the writer's comment after it.

    ``called him a “pragmatist,” a thinly veiled jab at ...`` -> ``him a “pragmatist,”``; ``called her
    “third-rate” and boycotted one of the debates`` -> ``her “third-rate”``: an appositive
    or a second verb after the quoted words is the writer's, not the speaker's. So is a
    clause after a quotation that opens the content: ``cautioned “let's not get ahead of
    ourselves,” before optimistically predicting ...`` -> the quotation.
    """
    if tokens[s].kind == QUOTE and _ends_with_comma(tokens[s]) and s + 1 < e:
        after = tokens[s + 1]
        if after.kind == WORD and (
            after.lower in CLAUSE_WORDS or (after.lower.endswith("ing") and after.text.islower())
        ):
            return s, s + 1
    for m in range(s + 1, e - 1):
        if tokens[m].kind != QUOTE:
            continue
        k = m + 1
        if tokens[k].text == ",":
            k += 1
        elif not _ends_with_comma(tokens[m]) and tokens[k].lower != "and":
            continue
        if k >= e:
            break
        nxt = tokens[k]
        if nxt.lower in ("a", "an") and (k > m + 1 or _ends_with_comma(tokens[m])):
            return s, m + 1  # an appositive comment on what was said
        if nxt.lower == "and" and k + 1 < e:
            verb = tokens[k + 1]
            if verb.kind == WORD and not verb.is_capitalised() and verb.lower.endswith("ed"):
                return s, m + 1  # a second thing the subject did
    return s, e


#: Cues of plain speech with no addressee: an inverted or long subject is read only for these.
PLAIN_SPEECH = frozenset(
    ["say", "add", "note", "write", "explain", "argue", "insist", "contend", "acknowledge", "predict", "warn"]
)
#: Words that open an adverbial, not a subject, at the start of a sentence.
SENTENCE_OPENERS = ADVERBIAL_PREPOSITIONS | frozenset(
    ["as", "despite", "amid", "to", "by", "under", "without", "like", "unlike", "among", "over", "since", "if"]
)
#: Words that open the question after "asked" ("asked about", "asked whether").
QUESTION_OPENERS = frozenset(
    ["about", "whether", "if", "what", "why", "how", "who", "whom", "whose", "when", "where", "which"]
)
#: Words before a subject-less "asked" that make it a question put ("when asked about").
QUESTION_LEADS = frozenset(["when", "after", "before", "once", "if", "while", "as"])


#: Cue lemmas that report speech only before a clause ("maintained that", "added:", ", he
#: added."), never before an object ("maintains a lead", "added a new rule").
CLAUSE_ONLY = frozenset(["maintain"])


def _clause_follows(tokens: Sequence[Token], k: int, b: int) -> bool:
    """True if what follows a cue at `k` opens a clause: ``that``, a quotation, punctuation,
    or an adverbial before one of them (``maintained in a statement that``)."""
    first = tokens[k]
    if first.kind != WORD or first.lower == "that":
        return True
    if first.lower not in ADVERBIAL_PREPOSITIONS and first.lower not in WEEKDAYS:
        return False
    return any(t.lower == "that" or t.kind == QUOTE or t.text == ":" for t in tokens[k + 1 : min(b, k + 9)])


#: Particles that make a cue word part of another phrasal verb ("backed off", "shouted down").
PARTICLES = frozenset(["off", "down", "up", "away"])


#: Words after a passive cue that make its subject part of what is reported ("is expected
#: to", "was asked about"), unlike "was told that", whose subject is the addressee.
RAISED = frozenset(["to", "about", "as"])


#: Words before a gerund cue whose subject is the sentence's ("focused on criticizing",
#: "the most aggressive in denouncing", "pivoted to arguing"), and verbs that take a gerund
#: ("has avoided criticizing", "kept insisting"); a manner adverb does too ("openly criticizing").
GERUND_LEADS = frozenset(
    [
        "in",
        "on",
        "to",
        "of",
        "for",
        "about",
        "from",
        "without",
        "avoided",
        "began",
        "started",
        "kept",
        "stopped",
        "continued",
        "resumed",
        "quit",
    ]
)


#: Finite auxiliaries: content after a cue that opens with one lacks its subject.
GAP_AUXILIARIES = frozenset(
    ["is", "was", "are", "were", "will", "would", "could", "can", "may", "might", "should", "must", "has", "had"]
)
#: Pronouns that open a relative clause whose subject is what was said about.
GAP_RELATIVES = frozenset(["which", "that", "what", "whom"])


def _relative_gap(tokens: Sequence[Token], a: int, cue: _Cue, right: tuple[int, int]) -> int | None:
    """Start of what was said when the speaker and cue stand inside a relative clause whose
    subject is missing from the content: ``which officials said will take effect``, ``what she
    said is growing demand`` (the relative pronoun opens the content, which ends with the
    clause). None for any other shape."""
    if (
        cue.speaker_side != "left"
        or cue.speaker is None
        or cue.tense != "finite"
        or right[0] != cue.j
        or tokens[right[0]].lower not in GAP_AUXILIARIES
        or (right[0] + 1 < right[1] and tokens[right[0] + 1].lower == "that")  # "What we know is that ..."
        or cue.speaker[0] <= a
    ):
        return None
    before = tokens[cue.speaker[0] - 1]
    if before.lower not in GAP_RELATIVES or tokens[cue.speaker[0]].lower in RELATIVES:
        return None
    return cue.speaker[0] - 1


def _relative_clause_end(tokens: Sequence[Token], relative: int, s: int, e: int) -> tuple[int, int]:
    """The content of a relative clause: a non-restrictive one (after a comma) ends at the
    next clause break (``, which officials said will take effect in March, will ...``); a
    restrictive one runs on (``what she said is growing demand for parks, pools and ...``)."""
    if relative > 0 and tokens[relative - 1].text in CLAUSE_BREAKS:
        return _to_first_break(tokens, s, e)
    return s, e


#: Participles that close a phrase naming those polled: "voters surveyed support ...".
POLLED = frozenset(["polled", "surveyed", "questioned", "interviewed", "sampled"])


def _opens_object(token: Token) -> bool:
    """True if `token` can open the object of a verb: a name, a determiner, a pronoun or a
    gerund (``support Ruiz``, ``support the plan``, ``support reforming``)."""
    return token.kind == WORD and (
        token.is_capitalised()
        or token.lower in DETERMINERS
        or token.lower in OBJECT_PRONOUNS
        or (token.lower.endswith("ing") and len(token.lower) > 5)
    )


#: What ends what a stating noun states ("his claim that ..."): a clause break or a colon.
STATEMENT_ENDS = frozenset([",", ";", "\u2014", "--", ":"])
#: What ends the name or view given: a clause break, a colon or a bracket.
LABEL_ENDS = STATEMENT_ENDS | frozenset(["(", ")"])
#: Adverbs between the noun and such a participle: "widely seen as".
LABEL_ADVERBS = frozenset(["also", "widely", "long", "often", "now", "increasingly", "generally", "largely"])
#: Words before such a participle that make it a verb of a clause, not a noun's modifier.
NOT_LABELLED = (
    AUXILIARIES
    | BE_FORMS
    | PRONOUNS
    | OBJECT_PRONOUNS
    | DETERMINERS
    | PREPOSITIONS
    | CLAUSE_WORDS
    | frozenset(["been", "being", "not", "get", "gets", "got", "become", "became", "becomes", "who", "which", "that"])
)


#: Past tenses of speaking that do not end in -ed: '"...," Trump went on'.
PAST_WITHOUT_ED = frozenset(["went", "shot", "broke", "spoke", "wrote", "began", "sang"])



def _infinitive_after(tokens: Sequence[Token], a: int, i: int, words: frozenset[str]) -> bool:
    """True if tokens[i] is an infinitive after one of `words` (``a chance to explain``, ``hard
    to say``; an adverb may stand between ``to`` and the verb)."""
    k = i - 1
    if k > a and _manner_adverb(tokens[k]):
        k -= 1
    return k > a and tokens[k].lower == "to" and tokens[k - 1].lower in words


#: Most words of a common-noun subject ("The conservative publication").
MAX_NOUN_SUBJECT = 5


def _noun_subject(tokens: Sequence[Token], a: int, stop: int) -> tuple[int, int] | None:
    """The common-noun phrase a sentence opens with, when a verb follows it: ``The
    conservative publication has been outspoken ..., arguing ...`` gives ``The conservative
    publication``, the subject of a participle cue after the main clause."""
    k = _after_adverbs(tokens, a)
    if k >= stop or tokens[k].lower not in DETERMINERS:
        return None
    end = k + 1
    while end < stop and end - k <= MAX_NOUN_SUBJECT and tokens[end].kind == WORD:
        token = tokens[end]
        if token.lower in AUXILIARIES or _past_verb(token):
            return (k, end) if end > k + 1 else None
        if token.lower in CLAUSE_WORDS or token.lower in RELATIVES or token.lower in ADVERBIAL_PREPOSITIONS:
            return None
        end += 1
    return None


def _subject_after_quotation(tokens: Sequence[Token], a: int, i: int) -> bool:
    """True if a short subject stands between a quotation closed by a comma, ``?`` or ``!``
    and tokens[i], which ends the clause (``“...,” Ms. Ruiz notes.``, ``“...,” a voice-over in
    the ad states.``): the quotation's attribution, so a form that could be a noun (notes,
    states, reports) is its verb."""
    if i + 1 < len(tokens) and tokens[i + 1].text not in (".", ",", ";"):
        return False
    k = i - 1
    while (
        k >= a
        and i - k <= MAX_QUOTED_SUBJECT
        and (tokens[k].kind == WORD or (tokens[k].text == "." and k > a and _abbreviation(tokens[k - 1], tokens[k])))
    ):
        k -= 1
    if k < a or k == i - 1:
        return False
    if tokens[k].text == "," and k > a:
        k -= 1
    return tokens[k].kind == QUOTE and quotation_ending(tokens[k])[-1:] in (",", "?", "!")


#: Most words of the subject in ``“...,” SUBJECT notes``.
MAX_QUOTED_SUBJECT = 6


def _past_verb(token: Token) -> bool:
    """True for a lower-case past-tense form (``fumed``, ``confessed``, ``went``)."""
    word = token.text
    return (
        token.kind == WORD
        and word.islower()
        and ((word.endswith("ed") and len(word) > 4) or word in PAST_WITHOUT_ED)
    )


#: Dashes that set off a parenthetical.
DASHES = frozenset(["\u2014", "\u2013", "--"])


def _dash_ending_at(tokens: Sequence[Token], a: int, end: int) -> int:
    """1 if a dash (em, en, or two hyphens or more) ends at `end`, else 0."""
    if end <= a or tokens[end - 1].kind == WORD:
        return 0
    text = tokens[end - 1].text
    return 1 if text in DASHES or text.startswith("--") else 0

#: What stands before the subject of an absolute participle clause.
ABSOLUTE_OPENERS = frozenset(["with", ",", "\u2014", "\u2013", "--"])


def _last_clause_for_source(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int]:
    """Where the finding a closing ``according to`` sources starts: after the last colon, or
    at the last ``, which`` or after the last ``, with`` and a noun phrase (``..., with a net
    worth estimated at $90,000, according to filings`` -> ``a net worth estimated at
    $90,000``); the words before are the writer's. An absolute clause (``, with revenue
    dipping 1.3 percent``) stays part of the finding."""
    for m in range(e - 2, s, -1):
        token = tokens[m]
        if token.text == ":" and token.end < tokens[m + 1].start:  # not "10:03"
            return m + 1, e
        if token.text == "," and tokens[m + 1].lower == "which":
            return m + 1, e
        if (
            token.text == ","
            and tokens[m + 1].lower == "with"
            and not any(t.lower.endswith("ing") for t in tokens[m + 2 : e])  # not "with revenue dipping 1.3 percent"
        ):
            return m + 2, e
    return s, e


def _stance_object(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int]:
    """What a stance is on ends at the first comma or dash, unless a list runs on from it, and
    before an adverbial clause: ``endorsed Mr. Lee, the party's nominee,`` -> ``Mr. Lee``;
    ``rejected both appeals, ruled ... and ordered ...`` -> ``both appeals`` (an apposition or
    the next thing the subject did is not the stance); ``has insulted farmers, nurses and
    teachers`` keeps the list; ``endorsed Reed after the debate`` -> ``Reed``. A quotation
    keeps the content whole (it is the speaker's words)."""
    if any(t.kind == QUOTE for t in tokens[s:e]):
        return s, e
    whole = e
    s, e = _to_first_break(tokens, s, e)
    e = _list_end(tokens, e, whole)
    return s, next((m for m in range(s + 1, e) if tokens[m].lower in STANCE_OBJECT_ENDS), e)


#: Most words in one item of a list of things a stance is on (``farmers, nurses and teachers``).
MAX_LIST_ITEM = 8
#: Words that join the last item of a list.
LIST_JOINERS = frozenset(["and", "or"])
CLAUSE_WORDS_BUT_LIST_JOINERS = CLAUSE_WORDS - LIST_JOINERS


def _list_end(tokens: Sequence[Token], comma: int, e: int) -> int:
    """Where a list that starts at the comma after a stance's first object ends, or `comma`.

    ``has insulted farmers, nurses and teachers``, ``touted her plans to build roads, expand
    benefits and cut fees``: the comma joins more of the same, so the object runs over the
    whole list. A list is short items (no verb in the past tense, no clause word, no
    quotation) separated by commas, the last one opened by ``and``/``or`` and closed by the
    sentence end or a clause break; anything else after the comma (an apposition, the next
    thing the subject did: ``rejected both appeals, ruled ... and ordered ...``, a clause
    joined by ``, and``, an adverbial: ``, however,``, ``, in 2012 ...``) is not.
    """
    if comma + 1 >= e or tokens[comma].text != ",":
        return comma
    first = tokens[comma + 1]
    if first.lower in LIST_JOINERS or first.lower in LEADING_ADVERBS or first.lower in ADVERBIAL_PREPOSITIONS:
        return comma  # "refused to intervene, and the rebellion ...", "declined to weigh in, however, ..."
    m = comma + 1
    item = 0
    joined = False
    while m < e:
        token = tokens[m]
        if token.text == ",":
            if item == 0:
                return comma
            if joined:
                break  # "opposed the tax, the fee or the toll, and ...": the list ends here
            item = 0
        elif token.kind != WORD or token.lower in CLAUSE_WORDS_BUT_LIST_JOINERS or token.lower in RELATIVES:
            break
        elif token.lower in LIST_JOINERS and (item > 0 or tokens[m - 1].text == ","):
            if joined:
                return comma
            joined = True
            item = 0
        else:
            if item == 0 and _past_verb(token):
                return comma  # "..., ruled the matter closed": the next thing done, not an item
            item += 1
            if item > MAX_LIST_ITEM:
                return comma
        m += 1
    if not joined or item == 0 or (m < e and tokens[m].text not in CLAUSE_BREAKS):
        return comma
    return m


#: Words that open an adverbial clause or phrase after a stance's object: ``endorsed Ruiz
#: after the debate``, ``praised the board while ...`` (when or why, not what the stance is on).
STANCE_OBJECT_ENDS = frozenset(
    ["after", "when", "while", "because", "since", "until", "amid", "despite"]
)


#: Punctuation that ends a clause inside a sentence.
CLAUSE_BREAKS = frozenset([",", ";", "\u2014", "--"])


def _to_first_break(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int]:
    """`s` and the first clause break after it (or `e`): where content in a relative clause
    ends (``Jane Smith, who endorsed Ruiz in the runoff, launched a petition`` -> ``Ruiz in the
    runoff``)."""
    return s, next((m for m in range(s + 1, e) if tokens[m].text in CLAUSE_BREAKS), e)


#: Relative pronouns that stand for the phrase before them as a speaker.
RELATIVES = frozenset(["who", "which", "that"])


#: Short words a Title Case headline leaves in lower case ("Clinton Calls for a Truce").
TITLE_CASE_SMALL = frozenset(["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with"])


def _in_title_case(tokens: Sequence[Token], a: int, b: int, i: int) -> bool:
    """True if tokens[i] stands in a Title Case headline (``Another Party Figure Endorses the Mayor``).

    Headlines capitalise their verbs too, so a capitalised cue there is still a cue. The
    words around it (a bounded window, for linear time) must all be capitalised, but for
    the short words headlines leave in lower case.
    """
    if i == a:
        return False
    words = [t for t in tokens[max(a, i - 6) : min(b, i + 7)] if t.kind == WORD and t.lower not in TITLE_CASE_SMALL]
    return len(words) >= 4 and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words)


def _question_put(tokens: Sequence[Token], a: int, b: int, cue: _Cue) -> bool:
    """True for a subject-less "asked" that reports a question: ``Asked whether ..., she said``.

    The cue opens its clause (the sentence, or after a comma or ``when``) and the question
    follows it, maybe after an adverbial or the asker (``asked during a debate why``,
    ``asked by a host if``).
    """
    i = cue.i
    if tokens[i].lower != "asked":
        return False
    before = tokens[i - 1] if i > a else None
    opens = i == _after_adverbs(tokens, a) or (
        before is not None and (before.text == "," or before.lower in QUESTION_LEADS)
    )
    if not opens:
        return False
    return _question_start(tokens, cue.j, b) is not None


def _question_start(tokens: Sequence[Token], k: int, b: int) -> int | None:
    """Index of the question's first word after "asked" (an adverbial before it skipped)."""
    for m in range(k, min(b, k + 10)):
        token = tokens[m]
        if token.kind != WORD:
            return None
        if token.lower in QUESTION_OPENERS:
            return m + 1 if token.lower == "about" else m
        if m == k and token.lower not in ADVERBIAL_PREPOSITIONS and token.lower != "by" and not _manner_adverb(token):
            return None  # "asked specifically what", "asked during a debate why", "asked by a host if"
    return None


def _question_content(tokens: Sequence[Token], k: int, b: int) -> tuple[int, int] | None:
    """The question after "asked": up to the comma that closes it, or the sentence end."""
    start = _question_start(tokens, k, b)
    if start is None:
        return None
    end = start
    while end < b and tokens[end].text not in (",", ";", "\u2014") and tokens[end].text not in ".?!":
        end += 1
        if tokens[end - 1].kind == QUOTE and _ends_with_comma(tokens[end - 1]):
            break
    return _trim_range(tokens, start, end)


def _ends_with_comma(token: Token) -> bool:
    """True for a quotation whose last word is followed by a comma inside the marks (“...,”)."""
    return token.kind == QUOTE and quotation_ending(token).endswith(",")


#: Modal auxiliaries: a belief verb after one tells what could be, not what is believed.
MODALS = frozenset(["can", "could", "would", "might", "may", "will", "should", "must", "can't", "cannot", "couldn't"])


def _after_modal(tokens: Sequence[Token], a: int, i: int) -> bool:
    """True if a modal stands before tokens[i], adverbs allowed between ("could still find")."""
    k = i - 1
    while k > a and tokens[k].lower in ("still", "never", "not", "also", "even", "ever", "easily", "quickly", "soon"):
        k -= 1
    return tokens[k].lower in MODALS or tokens[k].lower.replace("\u2019", "'") in MODALS


def confidence_of(cue: _Cue) -> float:
    """Base confidence of a cue's quote: lower for beliefs, lower again for an inherited speaker."""
    confidence = 0.6 if cue.belief else 0.85
    return confidence - 0.1 if cue.speaker_side == "inherited" else confidence


def _agent_after_by(tokens: Sequence[Token], k: int, e: int) -> tuple[int, int] | None:
    """The agent phrase after "by": words up to a time or place adverbial or the end."""
    end = k
    while (
        end < e
        and (tokens[end].kind == WORD or (tokens[end].text == "." and _abbreviation(tokens[end - 1], tokens[end])))
        and not (
            end > k
            and (
                tokens[end].lower in ("on", "in", "at", "during", "after", "before", "last")
                or tokens[end].lower in WEEKDAYS
            )
        )
    ):
        end += 1
    return (k, end) if end > k else None


def _verb_after_apposition(tokens: Sequence[Token], k: int, b: int) -> bool:
    """True if an auxiliary follows the apposition that starts at `k` (``, Paul Manafort, should``)."""
    if k >= b or tokens[k].text != ",":
        return False
    close = next((m for m in range(k + 1, min(b, k + MAX_APPOSITIVE)) if tokens[m].text == ","), None)
    return close is not None and close + 1 < b and tokens[close + 1].lower in AUXILIARIES


def _apposition_opening(tokens: Sequence[Token], limit: int, k: int) -> str | None:
    """How the apposition ending at `k` opens: ``relative`` (``..., a member who now wants ...,``),
    ``participle`` (``Manafort, citing ...,``), ``noun`` (``Sexton, a creative writing
    professor,``) or None. A verb inside a relative clause or a participle parenthetical does
    not end the apposition; in a noun phrase only an -ing modifier (``writing``) is read so."""
    m = k
    while m > limit and not (tokens[m - 1].kind == PUNCT and tokens[m - 1].text in ",\u2014\u2013"):
        m -= 1
    if m == limit or m > k:
        return None
    words = tokens[m : k + 1]
    if any(t.lower in ("who", "whose", "which") for t in words):
        return "relative"
    first = words[0]
    if first.kind == WORD and first.text.islower() and first.lower.endswith(("ing", "ed")):
        return "participle"
    if first.lower in ("when", "while", "after", "before", "as", "if"):
        return "participle"  # "Ted Cruz, when asked what ..., responded": a time clause"
    if first.lower in DETERMINERS or first.lower in ("another", "one"):
        return "noun"
    return None


def _verb_in_apposition(token: Token, opening: str | None) -> bool:
    """True if a cue word inside an apposition is part of it (see `_apposition_opening`)."""
    return opening in ("relative", "participle") or (opening == "noun" and token.lower.endswith("ing"))


def _relative_after_comma(tokens: Sequence[Token], k: int) -> bool:
    """True if tokens[k] follows ", which" / ", whom" (a non-restrictive relative clause)."""
    return k >= 2 and tokens[k - 1].lower in ("which", "whom") and tokens[k - 2].text == ","


def _after_adverbs(tokens: Sequence[Token], a: int) -> int:
    """Index of the first word of a sentence after "But", "However," and the like."""
    k = a
    while k < len(tokens) and (tokens[k].lower in LEADING_ADVERBS or tokens[k].text == ","):
        k += 1
    return k


def _abbreviation(word: Token, dot: Token) -> bool:
    """True for "Mr.", "J." or "F.B.I." written in a name."""
    if word.kind != WORD or word.end != dot.start:
        return False
    return word.lower in ABBREVIATIONS or (len(word.text) == 1 and word.text.isupper()) or "." in word.text


def _clause_start(tokens: Sequence[Token], a: int, k: int) -> int:
    """Where the clause of a speaker starting at `k` begins: before a comma or "and"."""
    if k - 2 > a and _relative_after_comma(tokens, k):
        k -= 1  # "..., which he called": the clause begins at "which"
    while k > a and (tokens[k - 1].text in (",", ";", ":") or tokens[k - 1].lower in ("and", "while", "but", "as")):
        k -= 1
    return k


#: Longest source (in tokens) after "according to": polls and records are named at length.
MAX_ACCORDING_SOURCE = 30
#: Punctuation that may stand inside the source of "according to" ("CNN/ORC", "AT&T").
SOURCE_JOINERS = frozenset(["/", "&", "-", "'", "\u2019", "."])


#: The start of a paragraph that may be a transcript turn: "TAPPER: ", "JAKE TAPPER: ".
_TURN_LABEL = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,}){0,2}:\s")
#: All-caps labels that head a section, not a speaker's turn ("UPDATE: ...").
SECTION_LABELS = frozenset(
    [
        "update",
        "updated",
        "editorial",
        "note",
        "breaking",
        "correction",
        "watch",
        "related",
        "video",
        "photos",
        "exclusive",
        "opinion",
        "analysis",
        "review",
        "read",
        "more",
        "see",
        "also",
        "source",
        "sources",
        "warning",
        "spoiler",
        "live",
        "full",
        "text",
        "transcript",
        "the",
    ]
)
#: Verbs of seeming: the writer reports an impression with no source ("appeared to ...").
APPEARANCE_FORMS = frozenset(["seem", "seems", "seemed", "appear", "appears", "appeared"])
#: Words after "appeared" that make it literal ("appeared on television") or not a report.
NOT_AFTER_APPEARANCE = frozenset(["on", "in", "at", "before", "with", "alongside", "onstage", "for", "and", "as"])
#: Words that join a new clause, and with it a new attribution ("argued X, while the host sought Y",
#: "said ..., as he called for greater ethics in business").
CLAUSE_JOINERS = frozenset(["and", "but", "or", "so", "yet", "while", "whereas", "although", "though", "as"])
CLAUSE_JOINERS_BUT_AND = CLAUSE_JOINERS - {"and"}
#: Nouns that state a proposition, plan or feeling: with a possessive before them and a
#: "that" or "to" clause after them, an attribution ("his claim that", "her pledge to").
PROPOSITION_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "assertion",
        "assertions",
        "argument",
        "belief",
        "view",
        "contention",
        "insistence",
        "suggestion",
        "promise",
        "promises",
        "pledge",
        "vow",
        "threat",
        "warning",
        "call",
        "calls",
        "demand",
        "demands",
        "plan",
        "plans",
        "proposal",
        "hope",
        "hopes",
        "fear",
        "fears",
        "concern",
        "complaint",
        "accusation",
        "allegation",
        "allegations",
        "prediction",
        "statement",
        "declaration",
        "announcement",
        "admission",
        "denial",
        "decision",
        "refusal",
        "desire",
        "assurance",
        "insinuation",
        "conclusion",
        "notion",
        "assumption",
    ]
)
#: Nouns of stance and the preposition before what they are on: with a possessive before
#: them, an attribution ("Clinton's attack on Trump", "his calls for a special prosecutor").
STANCE_NOUNS = {
    "call": "for",
    "calls": "for",
    "attack": "on",
    "attacks": "on",
    "criticism": "of",
    "criticisms": "of",
    "condemnation": "of",
    "opposition": "to",
    "endorsement": "of",
    "defense": "of",
    "rejection": "of",
    "embrace": "of",
}
#: Every noun `_stated_nouns` looks at.
NOUN_CUES = PROPOSITION_NOUNS | frozenset(STANCE_NOUNS)
#: Possessive determiners before a stating noun ("his claim that").
POSSESSIVES = frozenset(["his", "her", "their", "its", "our", "my"])
#: Words between a possessive and its stating noun ("Trump's recent assertion").
NOUN_MODIFIERS = frozenset(
    ["recent", "repeated", "latest", "new", "earlier", "initial", "first", "public", "frequent", "oft-repeated", "own"]
)
#: Verbs whose subject is a finding's source even when they look like nouns ("the poll shows").
FINDING_VERBS = frozenset(["show", "find", "suggest", "indicate"])
#: Records that show things ("A video of the episode shows", "An email shows").
EVIDENCE_NOUNS = frozenset(
    ["video", "footage", "email", "emails", "e-mail", "e-mails", "photo", "photos", "tally", "tallies", "map", "chart"]
)
#: Where findings are reported: "in the latest poll", "in a survey released Tuesday".
FINDING_NOUNS = frozenset(["poll", "polls", "survey", "surveys", "study", "studies", "analysis", "report"])
#: Subjects whose show/find/suggest report a finding.
FINDING_SOURCES = FINDING_NOUNS | EVIDENCE_NOUNS


def _opens_clause(tokens: Sequence[Token], a: int, i: int) -> bool:
    """True if tokens[i] starts its sentence (after adverbs) or follows a comma."""
    return i == _after_adverbs(tokens, a) or (i > a and tokens[i - 1].text == ",")


#: Words that make "in" part of a longer preposition or a relative clause ("in the wake of",
#: "in part because", "in light of", "in which"): not where a finding was found.
NOT_FINDING_AFTER_IN = frozenset(
    ["wake", "part", "light", "addition", "response", "spite", "terms", "which", "whom", "what", "turn", "fact"]
)


def _complex_preposition(tokens: Sequence[Token], k: int, b: int) -> bool:
    """True if the words after "in" at `k` (after "the") make a longer preposition or open a
    relative clause: "in the wake of a poll showing ..." is when, not where it was found."""
    if k < b and tokens[k].lower == "the":
        k += 1
    return k < b and tokens[k].lower in NOT_FINDING_AFTER_IN


def _according_source(tokens: Sequence[Token], k: int, b: int) -> tuple[int, int] | None:
    """The source after "according to", up to the punctuation that closes it.

    Whatever stands there is the source, capitalised or not and however long: "according
    to exit polls", "According to early results of exit polls conducted for The Associated
    Press and television networks by Edison Research, ...". A short quotation may name it
    (`her "clawback" plan`). None if no punctuation closes it soon enough.
    """
    end = k
    limit = min(b, k + MAX_ACCORDING_SOURCE)
    while end < limit:
        token = tokens[end]
        if token.kind == PUNCT and token.text not in SOURCE_JOINERS:
            break
        if token.kind == QUOTE and (end == k or len(token.text) > 40):
            break
        end += 1
    if end == limit and end < b:
        return None
    while end > k and (tokens[end - 1].kind == PUNCT or tokens[end - 1].lower in NOT_SPEAKER_END):
        end -= 1  # "a poll released Monday," keeps its day: what follows the comma is the content
    return (k, end) if end > k else None


def _noun_phrase_right(
    tokens: Sequence[Token], k: int, b: int, nouns: frozenset[str], *, any_start: bool = False
) -> tuple[int, int] | None:
    """The speaker after an inverted cue or "according to": up to a comma or the sentence end."""
    end = k
    limit = min(b, k + MAX_SUBJECT)
    while end < limit and (
        tokens[end].kind == WORD
        or (tokens[end].text == "." and end > k and _abbreviation(tokens[end - 1], tokens[end]))
    ):
        if end > k and tokens[end].lower in CLAUSE_WORDS | {"in", "on", "at", "during", "to"}:
            break
        end += 1
    while end > k and tokens[end - 1].lower in NOT_SPEAKER_END | WEEKDAYS:
        end -= 1
    if end == k:
        return None
    first = tokens[k]
    if not (
        any_start
        or first.text[:1].isupper()
        or first.lower in PRONOUNS
        or first.lower in DETERMINERS
        or first.lower in QUANTIFIERS
        or first.lower in nouns
    ):
        return None  # "said in a television interview": an adverbial, not a speaker
    return k, end


#: Words that end an addressee's noun phrase ("told a Senate panel Wednesday that").
_ADDRESSEE_ENDS = CLAUSE_WORDS | PREPOSITIONS | WEEKDAYS | frozenset(["that", "who", "which"])


def _skip_addressee(tokens: Sequence[Token], k: int, end: int) -> int:
    """Index after the person told: a pronoun, a name, or a short noun phrase."""
    first = tokens[k]
    if first.kind == QUOTE:
        return k  # 'cautioned “let's not get ahead of ourselves”': what was said, not to whom
    if first.lower in OBJECT_PRONOUNS and not (first.lower == "her" and k + 1 < end and _owned(tokens[k + 1])):
        return k + 1
    if first.is_capitalised():
        m = k
        limit = min(end, k + MAX_SUBJECT)
        while m < limit and (
            tokens[m].is_capitalised()
            or tokens[m].text in ("-", "'s", "\u2019s")
            or (tokens[m].text == "." and _abbreviation(tokens[m - 1], tokens[m]))  # "Arizona Sen. John McCain"
        ):
            m += 1
        if m + 1 < end and tokens[m].text == "," and tokens[m + 1].lower in ("who", "which"):
            # "urged Musharraf, who seized power in 1999, to move ...": skip the relative clause.
            for n in range(m + 2, min(end, m + 2 + MAX_APPOSITIVE)):
                if tokens[n].text == ",":
                    return n + 1
        return m
    rest = end - k
    if rest <= 3 and not any(t.kind == QUOTE for t in tokens[k:end]):
        return end
    if first.lower in DETERMINERS:
        # "told his closest advisers as ...", "told a Senate panel Wednesday", "told her staff as
        # ...": the noun phrase
        m = k + 1
        while m < min(end, k + 6) and tokens[m].kind == WORD and tokens[m].lower not in _ADDRESSEE_ENDS:
            m += 1
        return m
    return k + 1


def _owned(token: Token) -> bool:
    """True if `token` after "her" makes it a possessive ("told her staff", "her closest aides"),
    not the person told ("told her that", "told her the plan", "told her Monday")."""
    word = token.lower
    return (
        token.kind == WORD
        and token.text.islower()
        and word not in DETERMINERS
        and word not in PRONOUNS
        and word not in AUXILIARIES
        and word not in _ADDRESSEE_ENDS
        and word != "to"
        and not _manner_adverb(token)
    )


#: Words that open a clause of time or manner after the addressee: "told his aides as he
#: worked on the speech" tells when it was said, not what.
TIME_CLAUSE_OPENERS = frozenset(["as", "when", "while", "before", "after", "because", "since", "until"])


#: Where words are said or written: "said in a statement", "wrote on Twitter".
MEDIA = frozenset(
    [
        "statement",
        "interview",
        "tweet",
        "tweets",
        "email",
        "letter",
        "post",
        "speech",
        "release",
        "op-ed",
        "column",
        "video",
        "radio",
        "television",
        "tv",
        "twitter",
        "facebook",
        "call",
        "conference",
        "briefing",
        "remarks",
        "memo",
        "blog",
        "book",
        "message",
        "podcast",
        "appearance",
    ]
)


#: Time words that may follow the medium: "said in an interview later", "on Twitter early today".
MEDIUM_TIMES = (
    WEEKDAYS
    | PERIODS
    | frozenset(["last", "this", "on", "later", "earlier", "early", "today", "yesterday", "again"])
)
#: Words before the medium: "in a written statement", "in a radio interview".
MEDIUM_MODIFIERS = DETERMINERS | frozenset(["written", "televised", "radio", "phone"])


def _skip_medium(tokens: Sequence[Token], k: int, end: int) -> int:
    """Index after "in a statement (Thursday night)" / "on Twitter" after a cue, or `k`."""
    if tokens[k].lower not in ("in", "on", "during"):
        return k
    m = k + 1
    while m < end and m < k + 4 and tokens[m].lower in MEDIUM_MODIFIERS:
        m += 1
    if m >= end or tokens[m].lower not in MEDIA:
        return k
    m += 1
    while m < end and tokens[m].lower in MEDIUM_TIMES:
        m += 1
    if m < end and tokens[m].lower == "that":
        m += 1
    return m


def _skip_adverbial(tokens: Sequence[Token], k: int, end: int) -> int:
    """Index after "on Monday", "in a statement," and the like right after a cue."""
    while end > k and tokens[end - 1].kind == PUNCT:
        end -= 1
    if k < end and tokens[k].lower in WEEKDAYS:
        k += 1
    if k < end and tokens[k].lower in ADVERBIAL_PREPOSITIONS and not _determiner_of_content(tokens, k, end):
        limit = min(end, k + 8)
        for m in range(k + 1, limit):
            if tokens[m].kind == PUNCT and tokens[m].text == ",":
                return m + 1
            if tokens[m].kind != WORD:
                break
        if limit >= end and all(t.kind == WORD and t.lower not in AUXILIARIES for t in tokens[k:end]) and end - k <= 6:
            return end
    return k


#: Words of ADVERBIAL_PREPOSITIONS that are determiners too: "said this week" is an
#: adverbial, "say this is just a rough patch" is content.
TIME_DETERMINERS = frozenset(["this", "last", "late", "earlier"])
#: Month names (English; not calendar.month_name, which follows the process locale).
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


#: Words in -s that are not plural nouns of people or bodies.
NOT_PLURAL_NOUNS = frozenset(["this", "its", "his", "hers", "yes", "us", "was", "has", "is", "does", "news", "always"])


def _noun_modifier(token: Token) -> bool:
    """True for a word between a possessive and its noun ("recent", "evidence-free", "repeated")."""
    return token.lower in NOUN_MODIFIERS or (
        token.kind == WORD
        and token.text.islower()
        and token.lower not in DETERMINERS
        and token.lower not in POSSESSIVES
        and token.lower not in PREPOSITIONS
        and not token.lower.endswith(("'s", "\u2019s"))
    )


#: Speech verbs whose one-word complement is an adverb ("said today", "responded quickly"),
#: never what was said.
NO_ONE_WORD_OBJECT = PLAIN_SPEECH | frozenset(
    ["say", "tell", "ask", "report", "continue", "respond", "reply", "comment", "answer", "testify"]
)
#: Words in the place of a stance's object that are adverbs, not what the stance is on.
NOT_OBJECTS = frozenset(
    ["again", "too", "also", "back", "out", "up", "down", "today", "now", "then", "here", "there", "instead", "anyway"]
)


_NOT_BARE_NOUNS = NOT_OBJECTS | WEEKDAYS | PERIODS | PRONOUNS


def _bare_noun(token: Token) -> bool:
    """True for a lower-case word that may be a stance's whole object ("abortion", "help")."""
    word = token.lower
    return token.kind == WORD and token.text.isalpha() and word not in _NOT_BARE_NOUNS and not word.endswith("ly")


#: Longest opening phrase (in tokens) that content may run on from over "according to X,"
#: ("About 10:03 p.m., according to a timeline, the contractors left"); a longer one is a
#: clause, and what follows the source is its apposition.
MAX_OPENING_ADVERBIAL = 8


def _after_open_bracket(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int]:
    """Content inside a bracket that is still open starts after it."""
    for m in range(e - 1, s - 1, -1):
        if tokens[m].text == ")":
            break
        if tokens[m].text == "(":
            return _trim_range(tokens, m + 1, e) or (s, e)
    return s, e


#: Verbs whose object is the subject of the infinitive after it ("prompted X to say",
#: "forced X to admit"), as past forms.
CAUSATIVES = frozenset(
    [
        "prompted",
        "forced",
        "led",
        "caused",
        "pushed",
        "pressed",
        "urged",
        "encouraged",
        "inspired",
        "persuaded",
        "convinced",
        "invited",
        "allowed",
        "drove",
        "compelled",
        "spurred",
    ]
)


def _causative_object(tokens: Sequence[Token], a: int, to: int) -> tuple[int, int] | None:
    """The object of a causative before an infinitive's "to" ("prompted some US politicians to")."""
    for m in range(to - 1, max(a, to - 7) - 1, -1):
        if tokens[m].kind != WORD:
            return None
        if tokens[m].lower in CAUSATIVES:
            return (m + 1, to) if m + 1 < to else None
    return None


def _is_numeral(token: Token) -> bool:
    """True for a number written in digits ("270", "1,237"), not a compound ("43-year-old")."""
    return token.text[:1].isdigit() and not any(c.isalpha() for c in token.text)


def _verb_before(token: Token) -> bool:
    """True if a word before a noun-like cue form makes it a verb: a modal or "do" ("would
    support", "did not back"), "not", or a manner adverb ("overwhelmingly support")."""
    word = token.lower.replace("\u2019", "'")
    return (
        word in MODALS
        or word in NEGATED_AUXILIARIES
        or word in ("do", "does", "did", "not", "never", "also", "still", "often", "'ll", "'d")  # "we'll support"
        or _manner_adverb(token)
    )


def _opens_noun_phrase(token: Token) -> bool:
    """True for a word that opens a noun phrase after "to" (a determiner or a name), not a verb."""
    return token.lower in DETERMINERS or token.lower in QUANTIFIERS or token.is_capitalised()


def _plural_head(token: Token) -> bool:
    """True for the head of a plural subject ("voters", "those", "others", "many")."""
    return _plural_noun(token) or token.lower in ("those", "these", "many", "some", "others", "both", "people")


def _plural_noun(token: Token) -> bool:
    """True for a lower-case word that may be a plural noun (forecasters, economists)."""
    word = token.lower
    return (
        token.kind == WORD
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "ous", "'s", "\u2019s"))
        and word not in NOT_PLURAL_NOUNS
        and word not in AUXILIARIES
    )


_PERIOD_DETERMINERS = TIME_DETERMINERS | frozenset(["next"])
#: Words after this/last that make it a time ("this week", "last May"), not content.
_TIMES_AFTER_DETERMINER = PERIODS | WEEKDAYS | frozenset(["year's", "time", "fall", "spring", "summer", "winter"])


def _time_adverbial_end(tokens: Sequence[Token], k: int, end: int) -> int:
    """Index after a time adverbial at `k` ("last week", "on Monday", "Tuesday night"), or `k`."""
    m = k
    if m < end and tokens[m].lower == "on":
        m += 1
    if m < end and tokens[m].lower in _PERIOD_DETERMINERS and m + 1 < end and tokens[m + 1].lower in PERIODS:
        return m + 2
    if m < end and tokens[m].lower in WEEKDAYS:
        m += 1
        return m + 1 if m < end and tokens[m].lower in PERIODS else m
    return k


def _determiner_of_content(tokens: Sequence[Token], k: int, end: int) -> bool:
    """True if tokens[k] ("this", "last") opens content, not a time ("this week", "last month")."""
    if tokens[k].lower not in TIME_DETERMINERS:
        return False
    if k + 1 >= end:
        return True
    following = tokens[k + 1]
    if following.lower in MONTHS:
        # "last May" is a time; "this may be his last campaign" is content
        return not following.text[:1].isupper()
    return following.lower not in _TIMES_AFTER_DETERMINER


def _unclaimed(tokens: Sequence[Token], where: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """True, and `where` claimed in `taken`, if its text overlaps no quote found before it."""
    span = (tokens[where[0]].start, tokens[where[1] - 1].end)
    if any(s < span[1] and span[0] < e for s, e in taken):
        return False
    taken.append(span)
    return True


def _trim_range(tokens: Sequence[Token], s: int, e: int) -> tuple[int, int] | None:
    """The range without punctuation at its edges (quotations are kept), or None if empty."""
    while s < e and tokens[s].kind == PUNCT:
        s += 1
    while e > s and tokens[e - 1].kind == PUNCT:
        e -= 1
    return (s, e) if e > s else None


def _only_quote(tokens: Sequence[Token], s: int, e: int) -> bool:
    """True if tokens[s:e] are one quotation and punctuation."""
    quotes = 0
    for t in tokens[s:e]:
        if t.kind == QUOTE:
            quotes += 1
        elif t.kind != PUNCT:
            return False
    return quotes == 1


def _token_index_after(tokens: Sequence[Token], offset: int, a: int, b: int) -> int:
    return bisect.bisect_left(tokens, offset, a, b, key=_token_start)


def _token_start(token: Token) -> int:
    return token.start
