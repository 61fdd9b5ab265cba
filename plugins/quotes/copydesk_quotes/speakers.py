"""Who the speakers are: one entry per person or body, with every mention of it.

News names a person in full once ("Foreign Minister Khurshid Kasuri") and then by surname
("Kasuri"), title ("Ms Janjua"), description ("the foreign minister") or pronoun ("he").
Resolution follows that habit:

- a person's name is the capitalised words after the last title word of a mention
  ("Pakistan Foreign Secretary | Tehmina Janjua"); the words before are the role;
- mentions are clustered by surname with the fullest name written in the article;
- a description ("the foreign minister", "the State Department spokesman") goes to the
  latest person speaker whose role contains its words;
- he / she / I go to the latest person who spoke, or else the latest person named;
  they / we go to the latest group or organisation that spoke;
- organisations ("the Pentagon", "the foreign ministry") and anonymous sources ("an
  official", "officials familiar with the discussions") are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from copydesk_quotes.attribution import WEEKDAYS, Attribution, Mention
from copydesk_quotes.lexicon import Lexicon
from copydesk_quotes.work import WorkCounter

#: Titles abbreviated with a full stop in a name ("Sen. Tom Udall").
_DOTTED_TITLES = (
    *("Mrs", "Mr", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen"),
    *("Lt", "Col", "Capt", "Sgt", "Adm", "Rev", "St", "Jr", "Sr"),
)
#: One capitalised word of a name; a full stop belongs to it only after an initial ("J.",
#: "U.S.") or an abbreviated title ("Sen."), so "Union Station. Whitaker" is two runs.
_NAME_WORD = rf"(?:[A-Z](?:\.[A-Z])*\.|(?:{'|'.join(_DOTTED_TITLES)})\.|[A-Z][\w\u2019'\-]*)"
#: The first word of a run: _NAME_WORD, not after a letter or apostrophe, written with its
#: capital first (then each branch: initials, a dotted title, a word) so that the engine
#: scans for capitals in C instead of trying every position (a third of the name scan).
#: A dotted title's branch reads the rest of the title before looking back at its capital:
#: a branch that opens with a letter is passed over at once where that letter is not next,
#: and a lookbehind first would be run for every title at every capital.
_FIRST_NAME_WORD = (
    r"[A-Z](?<![\w\u2019'].)(?:(?:\.[A-Z])*\.|"
    + "|".join(rf"{title[1:]}\.(?<={title}\.)" for title in _DOTTED_TITLES)
    + r"|[\w\u2019'\-]*)"
)
#: A run of capitalised words, initials and name particles ("P J Crowley", "Osama bin Laden").
_NAME = re.compile(rf"{_FIRST_NAME_WORD}(?:[ \u00a0](?:(?:bin|al|de|van|von|da|del|la|le)[ \u00a0])?{_NAME_WORD})*")
_POSSESSIVE = re.compile(r"[\u2019']s$")

#: How many earlier speakers a description ("the minister") is compared with.
RECENT_ENTITIES = 50
#: Longest run of capitalised words taken for a person's name with its title.
MAX_NAME_WORDS = 7

PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
PRONOUNS_WITH_ANTECEDENT = frozenset({"he", "she", "i", "they", "we", "who", "which"})
GROUP_PRONOUNS = frozenset({"they", "we"})
ANONYMOUS_HEADS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "aide",
        "aides",
        "diplomat",
        "diplomats",
        "people",
        "person",
        "insiders",
        "insider",
        "advisers",
        "adviser",
        "advisors",
        "advisor",
        "someone",
        "observers",
        "analysts",
        "experts",
        "witnesses",
        "residents",
    ]
)
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "many", "other", "senior", "most"})
#: Words that make a capitalised run an organisation or place, not a person.
ORGANISATION_WORDS = frozenset(
    [
        "ministry",
        "department",
        "office",
        "government",
        "administration",
        "pentagon",
        "campaign",
        "agency",
        "committee",
        "council",
        "court",
        "commission",
        "party",
        "company",
        "embassy",
        "police",
        "military",
        "army",
        "board",
        "union",
        "statement",
        "report",
        "poll",
        "survey",
        "study",
        "newspaper",
        "website",
        "group",
        "team",
        "house",
        "senate",
        "congress",
        "states",
        "nations",
        "news",
        "times",
        "post",
        "network",
        "association",
        "institute",
        "university",
        "center",
        "centre",
        "foundation",
        "bank",
        "force",
        "republic",
        "kingdom",
        "strategy",
        "service",
        "services",
        "corporation",
        "inc",
        "fund",
        "organization",
        "organisation",
        "bureau",
        "program",
        "programme",
        "channel",
        "magazine",
        "journal",
        "press",
        "tribune",
        "herald",
        "daily",
        "media",
    ]
)
#: Capitalised words that begin sentences without being part of a name.
_NOT_NAME = WEEKDAYS | frozenset(  # days end a source ("a poll released Monday"), never a name
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "however",
        "so",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "in",
        "on",
        "at",
        "as",
        "if",
        "this",
        "that",
        "these",
        "those",
        "there",
        "when",
        "while",
        "after",
        "before",
        "for",
        "with",
        "from",
        "by",
        "of",
        "to",
        "his",
        "her",
        "their",
        "its",
        "our",
    ]
)
_PREPOSITIONS = frozenset({"of", "from", "in", "at", "with", "for"})
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "dr", "the", "a", "an"})


@attrs.frozen
class Speaker:
    """A speaker as the record lists it."""

    name: str
    role: str | None
    kind: str  # person, organisation, anonymous, other (a joint source)
    mentions: tuple[tuple[int, int], ...]


@attrs.define
class Entity:
    """A speaker being built: its best name and role so far, and its mentions."""

    name: str
    role: str | None
    kind: str
    surname: str = ""
    plural: bool = False
    #: "m" or "f" when a courtesy title (Mr, Ms) or a resolved pronoun has told; else None.
    gender: str | None = None
    mentions: list[tuple[int, int]] = attrs.field(factory=list)

    def as_speaker(self) -> Speaker:
        return Speaker(self.name, self.role, self.kind, tuple(sorted(set(self.mentions))))


def split_name(words: Sequence[str], titles: frozenset[str]) -> tuple[list[str], list[str]] | None:
    """(role words, name words) of a person's mention, or None if it names no person.

    The name is the capitalised words at the end after the last title word: "State
    Department spokesman P J Crowley" -> (State Department spokesman, P J Crowley),
    "Secretary of State Ana Ruiz" -> (Secretary of State, Ana Ruiz).
    A phrase like "Sen. Dana Pell of North Haven" is read up to its preposition.
    """
    words = [_without_possessive(w.strip(",")) for w in words if w.strip(",")]
    for i, word in enumerate(words):
        if word.lower() in _PREPOSITIONS and i > 0 and words[i - 1].rstrip(".").lower() not in titles:
            words = words[:i]
            break
    if not words or not words[-1][:1].isupper() or words[-1].lower() in ORGANISATION_WORDS:
        return None
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].rstrip(".").lower() not in titles:
        if words[k - 1].lower() in _NOT_NAME:
            break
        k -= 1
    name = words[k:]
    if not name or any(w.lower() in ORGANISATION_WORDS or (len(w) > 2 and w.isupper()) for w in name):
        return None  # "FULL TEXT", "NATO": headers and acronyms are not people
    role = [w for w in words[:k] if w.lower() not in _COURTESY]
    return role, name


def _without_possessive(word: str) -> str:
    """The word without a possessive 's (Crowley's -> Crowley). Words here come from splits at
    spaces, so they never end in a line break."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


class SpeakerResolver:
    """Clusters the speaker mentions of one document; resolves pronouns and descriptions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.titles = lexicon.titles
        self.nouns = lexicon.speaker_nouns

    def resolve(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        found: Sequence[Attribution],
        work: WorkCounter | None = None,
    ) -> tuple[list[tuple[Attribution, Entity | None]], list[Speaker]]:
        """Each attribution with its speaker entity (None if it has no speaker), and the speakers."""
        # Names only help to resolve a speaker: with none to resolve, they change nothing.
        names = self._names(text, paragraphs, work) if any(f.speaker is not None for f in found) else []
        people: dict[str, Entity] = {}
        bodies: dict[str, Entity] = {}
        for _start, _end, role, name, gender in names:
            self._person(people, role, name, gender)
        entities: list[Entity] = []
        seen: set[int] = set()
        resolved: list[tuple[Attribution, Entity | None]] = []
        recent_people: list[Entity] = []
        latest_group: Entity | None = None
        named_people: list[Entity] = []
        by_mention: dict[tuple[int, int], Entity | None] = {}
        pointer = 0
        for attribution in sorted(found, key=lambda f: f.speaker.start if f.speaker else f.start):
            mention = attribution.speaker
            if work is not None:
                work.tick()
            if mention is None:
                resolved.append((attribution, None))
                continue
            key = (mention.start, mention.end)
            if key in by_mention:
                resolved.append((attribution, by_mention[key]))
                continue
            while pointer < len(names) and names[pointer][0] < mention.start:
                named = people.get(names[pointer][3][-1].lower())
                if named is not None:
                    named_people.append(named)
                pointer += 1
            if attribution.antecedent is not None and mention.text.lower() in PRONOUNS_WITH_ANTECEDENT:
                mention = attribution.antecedent
            entity = self._entity(
                mention,
                people,
                _latest_compatible(mention.text, recent_people) or _latest_compatible(mention.text, named_people),
                latest_group,
                entities,
                names[max(0, pointer - RECENT_ENTITIES) : pointer],
                bodies,
            )
            by_mention[key] = entity
            if entity is not None:
                entity.mentions.append(key)
                if id(entity) not in seen:
                    seen.add(id(entity))
                    entities.append(entity)
                if entity.kind == "person":
                    recent_people.append(entity)
                    _learn_gender(entity, mention.text)
                elif entity.plural or entity.kind == "organisation":
                    latest_group = entity
            resolved.append((attribution, entity))
        by_surname: dict[str, list[tuple[int, int]]] = {}
        for start, end, _role, name, _gender in names:
            by_surname.setdefault(name[-1].lower(), []).append((start, end))
        for entity in entities:
            if entity.kind == "person":
                entity.mentions.extend(by_surname.get(entity.surname, ()))
        return resolved, [e.as_speaker() for e in entities]

    # ------------------------------------------------------------------ names in the text
    def _names(
        self, text: str, paragraphs: Sequence[tuple[int, int]], work: WorkCounter | None
    ) -> list[tuple[int, int, list[str], list[str], str | None]]:
        """(start, end, role words, name words, gender) of each person named in running text."""
        found: list[tuple[int, int, list[str], list[str], str | None]] = []
        # An article names its people again and again in the same words: each run is read
        # once per document (the lists are shared between its mentions, and never changed).
        read: dict[str, tuple[int, list[str], list[str], str | None] | None] = {}
        for p_start, p_end in paragraphs:
            if work is not None:
                work.tick(p_end - p_start)
            runs = list(_NAME.finditer(text, p_start, p_end))
            named: list[tuple[re.Match[str], tuple[int, list[str], list[str], str | None]]] = []
            for match in runs:
                run = match.group()
                if " " not in run and "\u00a0" not in run and run.rstrip(".").lower() not in self.titles:
                    # most runs are one word (a sentence's first word): no title, nobody on its own
                    continue
                if run in read:
                    person = read[run]
                else:
                    person = read[run] = self._run_name(run)
                if person is not None:
                    named.append((match, person))
            if not named or _headline(text, p_start, p_end, runs):
                continue  # nobody named; or a Title Case line, where every word looks like a name
            for match, (offset, role, name, gender) in named:
                found.append((match.start() + offset, match.end(), role, name, gender))
        return found

    def _run_name(self, run: str) -> tuple[int, list[str], list[str], str | None] | None:
        """(where the name starts in `run`, role words, name words, gender) of a run of
        capitalised words that names a person, or None."""
        words = run.replace("\u00a0", " ").split(" ")
        if len(words) > MAX_NAME_WORDS:
            return None
        parsed = split_name(words, self.titles)
        if parsed is None or (len(parsed[1]) < 2 and not parsed[0]):
            return None
        role, name = parsed
        return max(0, run.rfind(name[0])), role, name, _gender(words)

    def _person(self, people: dict[str, Entity], role: list[str], name: list[str], gender: str | None = None) -> Entity:
        """The person with this surname; the fullest name and the longest role win."""
        surname = name[-1].lower()
        entity = people.get(surname)
        if entity is None:
            entity = Entity(" ".join(name), " ".join(role) or None, "person", surname=surname, gender=gender)
            people[surname] = entity
            return entity
        if entity.gender is None:
            entity.gender = gender
        if len(name) > len(entity.name.split()):
            entity.name = " ".join(name)
        if role and (entity.role is None or len(" ".join(role)) > len(entity.role)):
            entity.role = " ".join(role)
        return entity

    # ------------------------------------------------------------------ one mention
    def _entity(
        self,
        mention: Mention,
        people: dict[str, Entity],
        latest_person: Entity | None,
        latest_group: Entity | None,
        entities: list[Entity],
        named_before: Sequence[tuple[int, int, list[str], list[str], str | None]],
        bodies: dict[str, Entity],
    ) -> Entity | None:
        written = mention.text.strip().rstrip(",")
        lower = written.lower()
        if lower in PERSON_PRONOUNS:
            return latest_person
        if lower in GROUP_PRONOUNS:
            return latest_group
        if lower == "it":
            return latest_group if latest_group is not None and not latest_group.plural else None
        if lower in ("who", "which", "you"):
            return None
        words = written.split()
        if _joint(words):
            # "Musharraf and Aziz", "Mr. Smith and Mr. Allen": a joint source, kept as written
            known = bodies.get(lower)
            if known is None:
                known = bodies[lower] = Entity(written, None, "other", surname=lower, plural=True)
            return known
        parsed = split_name(words, self.titles)
        if parsed is not None:
            role, name = parsed
            if len(name) > 1 or role or name[-1].lower() in people:
                return self._person(people, role, name, _gender(words))
        content = [w.lower() for w in words if w.lower() not in ("the", "a", "an")]
        if words[0].lower() == "the" and content:
            for entity in reversed(entities[-RECENT_ENTITIES:]):
                if entity.kind == "person" and entity.role and set(content) <= set(entity.role.lower().split()):
                    return entity
            for _start, _end, role, name, _gender_of in reversed(named_before):
                if role and set(content) <= {w.lower() for w in role}:
                    return self._person(people, role, name)
        head = _head(words).lower()
        plural = head.endswith("s") and not head.endswith("ss")
        if head in ANONYMOUS_HEADS and (words[0].lower() in INDEFINITE or plural or len(words) == 1):
            kind = "anonymous"
        elif parsed is not None and len(words) == 1 and head not in ORGANISATION_WORDS and not head.isupper():
            kind = "person"  # a surname named once
        else:
            kind = (
                "organisation"
                if head in ORGANISATION_WORDS or head[:1].isupper() or words[0][:1].isupper()
                else ("anonymous" if plural else "organisation")
            )
        if kind != "person" and words[0].lower() not in INDEFINITE:
            # "the foreign ministry" named twice is one body; "an official" twice may be two people.
            known = bodies.get(lower)
            if known is not None:
                return known
        entity = Entity(written, None, kind, surname=head, plural=plural)
        if kind == "person":
            people.setdefault(head, entity)
        else:
            bodies.setdefault(lower, entity)
        return entity


def _joint(words: Sequence[str]) -> bool:
    """True for a source naming two people or bodies joined by "and" ("Musharraf and Aziz")."""
    return any(
        w == "and" and 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        for i, w in enumerate(words)
    )


def _gender(words: Sequence[str]) -> str | None:
    """What a courtesy title says: Mr -> "m"; Mrs, Ms, Miss -> "f"."""
    for word in words:
        title = word.rstrip(".").lower()
        if title == "mr":
            return "m"
        if title in ("mrs", "ms", "miss"):
            return "f"
    return None


def _latest_compatible(pronoun: str, people: Sequence[Entity]) -> Entity | None:
    """The latest of `people` a pronoun can refer to: "he" skips women, "she" men (when known)."""
    lower = pronoun.lower()
    excluded = "f" if lower in ("he", "him", "his") else "m" if lower in ("she", "her") else ""
    for entity in reversed(people[-RECENT_ENTITIES:]):
        if entity.gender != excluded or not excluded:
            return entity
    return None


def _learn_gender(entity: Entity, pronoun: str) -> None:
    lower = pronoun.lower()
    if entity.gender is None and lower in ("he", "she"):
        entity.gender = "m" if lower == "he" else "f"


def _head(words: Sequence[str]) -> str:
    """The head noun of a phrase: its last word before a preposition ("officials in Islamabad")."""
    for i, word in enumerate(words):
        if word.lower() in _PREPOSITIONS and i > 0:
            return _POSSESSIVE.sub("", words[i - 1].strip(","))
    return _POSSESSIVE.sub("", words[-1].strip(","))


def _headline(text: str, start: int, end: int, runs: Sequence[re.Match[str]]) -> bool:
    """True for a Title Case line (most words capitalised)."""
    words = text.count(" ", start, end) + 1
    if words < 4:
        return False
    capitalised = sum(m.group().count(" ") + 1 for m in runs)
    return capitalised > 0.7 * words


def speaker_data(mention: Mention, entity: Entity | None) -> dict[str, Any]:
    """The ``speaker`` entry of a quote span's data."""
    if entity is None:
        return {"name": mention.text.strip().rstrip(","), "role": None, "start": mention.start, "end": mention.end}
    return {"name": entity.name, "role": entity.role, "start": mention.start, "end": mention.end}
