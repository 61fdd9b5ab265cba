"""Who the speakers are: one entry per person or body, with every mention of it.

News names a person in full once ("Foreign Minister Khurshid Kasuri") and then by surname
("Kasuri"), title ("Ms Janjua"), description ("the foreign minister") or pronoun ("he").
Resolution here follows that habit:

- a name is clustered with the fullest name in the article that ends with the same surname;
  the title words written before any of its mentions become the role;
- a description ("the foreign minister", "the State Department spokesman") goes to the
  latest person whose role contains its words;
- he / she / I go to the latest person who spoke before, or else the latest person named;
  they / we go to the latest group or organisation that spoke;
- organisations ("the Pentagon", "the foreign ministry") and anonymous sources ("an
  official", "officials familiar with the discussions") are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from copydesk_quotes.attribution import Attribution, Mention
from copydesk_quotes.lexicon import Lexicon
from copydesk_quotes.work import WorkCounter

#: A capitalised name of one or more words, initials allowed ("P J Crowley", "George W. Bush").
_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)(?:[ \u00a0](?:(?:bin|al|de|van|von|da|del|la|le)[ \u00a0])?"
    r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.?))*"
)
_POSSESSIVE = re.compile(r"[’']s$")

#: How many earlier speakers a description ("the minister") is compared with.
RECENT_ENTITIES = 50

PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we"})
ANONYMOUS_HEADS = frozenset(
    "official officials source sources aide aides diplomat diplomats people person insiders insider "
    "advisers adviser advisors advisor someone one observers analysts experts witnesses residents".split()
)
INDEFINITE = frozenset({"a", "an", "one", "two", "three", "several", "some", "many", "other", "senior", "most"})
ORGANISATION_WORDS = frozenset(
    "ministry department office government administration pentagon campaign agency committee council "
    "court commission party company embassy police military army board union statement report poll "
    "survey study newspaper website group team house senate congress white".split()
)
#: Words that start a sentence capitalised without being part of a name.
_NOT_NAME_START = frozenset(
    "the a an but and however so he she they it we i in on at as if this that these those there "
    "when while after before for with from by of to".split()
)


@attrs.frozen
class Speaker:
    """A speaker as the record shows it."""

    name: str
    role: str | None
    kind: str  # person, organisation, anonymous, unresolved
    mentions: tuple[tuple[int, int], ...]


@attrs.define
class _Entity:
    name: str
    surname: str
    role: str | None
    kind: str
    mentions: list[tuple[int, int]] = attrs.field(factory=list)
    plural: bool = False

    def as_speaker(self) -> Speaker:
        return Speaker(self.name, self.role, self.kind, tuple(sorted(set(self.mentions))))


@attrs.define
class _Named:
    """A name found in the text, with the title words written before it."""

    start: int
    end: int
    words: list[str]
    title: list[str]


class SpeakerResolver:
    """Clusters speaker mentions of one document and resolves pronouns and descriptions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.titles = lexicon.titles
        self.nouns = lexicon.speaker_nouns

    def resolve(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        found: Sequence[Attribution],
        work: WorkCounter | None = None,
    ) -> tuple[list[tuple[Attribution, _Entity | None]], list[Speaker]]:
        names = self._names(text, paragraphs, work)
        by_surname: dict[str, _Entity] = {}
        for named in names:
            self._person(by_surname, named)
        entities: list[_Entity] = []
        seen: set[int] = set()
        resolved: list[tuple[Attribution, _Entity | None]] = []
        latest_person: _Entity | None = None
        latest_group: _Entity | None = None
        by_mention: dict[tuple[int, int], _Entity | None] = {}
        name_pointer = 0
        for attribution in sorted(found, key=lambda f: (f.speaker.start if f.speaker else f.start)):
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
            # The latest person named before this mention, for pronouns with no earlier speaker.
            latest_named: _Entity | None = None
            while name_pointer < len(names) and names[name_pointer].start < mention.start:
                entity_named = by_surname.get(names[name_pointer].words[-1].lower())
                if entity_named is not None:
                    latest_named = entity_named
                name_pointer += 1
            entity = self._entity_for(text, mention, by_surname, latest_person, latest_group, latest_named, entities)
            by_mention[key] = entity
            if entity is not None:
                entity.mentions.append(key)
                if id(entity) not in seen:
                    seen.add(id(entity))
                    entities.append(entity)
                if entity.kind == "person":
                    latest_person = entity
                elif entity.plural or entity.kind == "organisation":
                    latest_group = entity
            resolved.append((attribution, entity))
        named_by_surname: dict[str, list[tuple[int, int]]] = {}
        for named in names:
            named_by_surname.setdefault(named.words[-1].lower(), []).append((named.start, named.end))
        for entity in entities:
            if entity.kind == "person":
                entity.mentions.extend(named_by_surname.get(entity.surname, ()))
        return resolved, [e.as_speaker() for e in entities]

    # ------------------------------------------------------------------ names in the text
    def _names(self, text: str, paragraphs: Sequence[tuple[int, int]], work: WorkCounter | None) -> list[_Named]:
        found: list[_Named] = []
        for p_start, p_end in paragraphs:
            if work is not None:
                work.tick(p_end - p_start)
            for match in _NAME.finditer(text, p_start, p_end):
                named = self._split_title(match.start(), match.group())
                if named is not None:
                    found.append(named)
        return found

    def _split_title(self, start: int, written: str) -> _Named | None:
        words = written.replace("\u00a0", " ").split(" ")
        title: list[str] = []
        while words and (words[0].rstrip(".").lower() in self.titles or words[0].lower() in _NOT_NAME_START):
            word = words.pop(0)
            if word.lower() not in _NOT_NAME_START:
                title.append(word)
        if not words:
            return None
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if not words[-1] or not words[-1][0].isupper():
            return None
        offset = len(written) - len(" ".join(words)) - (0 if not written.endswith(("’s", "'s")) else -2)
        return _Named(start + max(0, offset), start + len(written), words, title)

    def _person(self, by_surname: dict[str, _Entity], named: _Named) -> None:
        """Record a name; the fullest name and the longest title per surname win."""
        if len(named.words) < 2 and not named.title:
            return
        surname = named.words[-1].lower()
        full = " ".join(named.words)
        role = " ".join(named.title) or None
        entity = by_surname.get(surname)
        if entity is None:
            by_surname[surname] = _Entity(full, surname, _role(role), "person")
            return
        if len(named.words) > len(entity.name.split()):
            entity.name = full
        if role and (entity.role is None or len(role) > len(entity.role)) and _role(role):
            entity.role = _role(role)

    # ------------------------------------------------------------------ one mention
    def _entity_for(
        self,
        text: str,
        mention: Mention,
        by_surname: dict[str, _Entity],
        latest_person: _Entity | None,
        latest_group: _Entity | None,
        latest_named: _Entity | None,
        entities: list[_Entity],
    ) -> _Entity | None:
        written = mention.text.strip()
        lower = written.lower()
        if lower in PERSON_PRONOUNS:
            return latest_person or latest_named
        if lower in GROUP_PRONOUNS:
            return latest_group
        if lower in ("it", "who", "which"):
            return None
        words = [_POSSESSIVE.sub("", w) for w in written.replace(",", " ").split()]
        capitalised = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAME_START]
        # A name: cluster by surname.
        if capitalised:
            last_cap = capitalised[-1]
            entity = by_surname.get(last_cap.lower())
            if entity is not None and words and words[-1] == last_cap:
                if entity.role is None:
                    entity.role = _role(" ".join(words[: len(words) - len(entity.name.split())]))
                return entity
        # A description: "the foreign minister" -> the latest person with that role.
        content = [w.lower() for w in words if w.lower() not in ("the", "a", "an")]
        if words and words[0].lower() == "the" and content and all(w in self.titles or w in self.nouns or w.istitle()
                                                                   for w in content):
            for entity in reversed(entities[-RECENT_ENTITIES:]):
                if entity.kind == "person" and entity.role and set(content) <= set(entity.role.lower().split()):
                    return entity
        # Organisation, anonymous source or a person named once: kept as written.
        head = words[-1].lower() if words else lower
        kind = "person"
        plural = head.endswith("s") and not head.endswith("ss")
        if head in ANONYMOUS_HEADS and (words[0].lower() in INDEFINITE or plural or len(words) == 1):
            kind = "anonymous"
        elif head in ORGANISATION_WORDS or any(w.lower() in ORGANISATION_WORDS for w in words) or not capitalised:
            kind = "organisation"
        elif len(capitalised) == 1 and len(words) == 1:
            kind = "person" if last_cap_is_surname(written, by_surname) else "organisation"
        entity = _Entity(written.rstrip(","), head, None, kind, plural=plural or kind != "person")
        if kind == "person" and capitalised:
            surname = capitalised[-1].lower()
            by_surname.setdefault(surname, entity)
            role_words = words[: len(words) - len(capitalised)] if words[-1] == capitalised[-1] else []
            entity.role = _role(" ".join(role_words))
            entity.name = " ".join(_name_part(words, self.titles))
            entity.surname = surname
        return entity


def last_cap_is_surname(written: str, by_surname: dict[str, _Entity]) -> bool:
    return written.lower() in by_surname


def _name_part(words: Iterable[str], titles: frozenset[str]) -> list[str]:
    """The words of a person's mention after its title and role words."""
    kept = list(words)
    while len(kept) > 1 and (kept[0].rstrip(".").lower() in titles or not kept[0][:1].isupper()):
        kept.pop(0)
    return kept


def _role(written: str | None) -> str | None:
    """A role as written, without courtesy titles (Mr, Ms) that say nothing of the job."""
    if not written:
        return None
    words = [w for w in written.split() if w.rstrip(".").lower() not in ("mr", "mrs", "ms", "miss", "dr", "the")]
    return " ".join(words) or None


def speaker_data(mention: Mention, entity: _Entity | None) -> dict[str, Any]:
    """The ``speaker`` entry of a quote span's data."""
    if entity is None:
        return {"name": mention.text.strip().rstrip(","), "role": None, "start": mention.start, "end": mention.end}
    return {"name": entity.name, "role": entity.role, "start": mention.start, "end": mention.end}
