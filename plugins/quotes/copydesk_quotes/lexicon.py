"""The words the attributor looks for: reporting verbs, speaker nouns, titles, pronouns.

Everything here is configurable from the step's ``with`` table (see docs/plugins/quotes.md),
so a user can add the verbs of their own beat without touching code. Verbs are given as
lemmas; their inflected forms (says, said, saying) are derived here.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

#: Verbs news uses to report speech or writing. Their subject is the speaker.
SPEECH_VERBS = (
    "say",
    "tell",
    "add",
    "note",
    "stress",
    "warn",
    "urge",
    "concede",
    "insist",
    "explain",
    "argue",
    "claim",
    "state",
    "declare",
    "announce",
    "acknowledge",
    "admit",
    "assert",
    "reply",
    "respond",
    "answer",
    "ask",
    "write",
    "tweet",
    "report",
    "recall",
    "predict",
    "promise",
    "pledge",
    "vow",
    "suggest",
    "complain",
    "confirm",
    "deny",
    "emphasize",
    "emphasise",
    "observe",
    "remark",
    "comment",
    "continue",
    "conclude",
    "contend",
    "maintain",
    "point out",
    "caution",
    "allege",
    "charge",
    "counter",
    "joke",
    "quip",
    "boast",
    "mention",
    "reiterate",
    "repeat",
    "reveal",
    "disclose",
    "indicate",
    "signal",
    "testify",
    "underline",
    "underscore",
    "assure",
    "inform",
    "advise",
    "recommend",
    "propose",
    "demand",
    "threaten",
    "agree",
    "disagree",
    "estimate",
    "hint",
    "lament",
    "speculate",
    "shout",
    "cry",
    "exclaim",
    "whisper",
    "yell",
    "muse",
    "retort",
    "concur",
    "object",
    "protest",
    "affirm",
    "highlight",
    "clarify",
    "specify",
    "describe",
    "post",
    "wonder",
    "go on to say",
    "blog",
    "interject",
    "scoff",
    "snap",
    "shoot back",
    "call for",
    "scream",
    "chant",
    "plead",
    "elaborate",
    "jeer",
    "call on",
    "speak out against",
    "speak about",
    "speak of",
    "call out",
    "weigh in on",
    "touch on",
    "open up about",
    "refer to",
    "talk about",
    "discuss",
    "remind",
    "recount",
    "express",
    "point to",
    "make clear",
    "make it clear",
    "liken",
    "portray",
    "attribute",
    "email",
    "reaffirm",
    "dispute",
    "rebut",
    "refute",
    "forecast",
    "guarantee",
    "downplay",
    "play down",
    "rule out",
    "fire back",
    "fire back at",
    "hit back",
    "hit back at",
    "push back",
    "weigh in",
    "speak up",
    "sound off on",
    "put it",
    "quote",
    "lay out",
    "make the point",
    "make no secret of",
    "hint at",
)

#: Verbs that name or label ("called the plan “a disaster”"): a quote only with a quotation.
NAMING_VERBS = ("call", "dub", "label", "brand", "term", "read")

#: Verbs of stance news attributes like speech ("Trump criticized the deal", "Ryan backed
#: the bill"); PolNeAR-style annotation counts them, a speech-only user can turn them off.
STANCE_VERBS = (
    "support",
    "endorse",
    "criticize",
    "criticise",
    "accuse",
    "decline",
    "refuse",
    "want",
    "seek",
    "favor",
    "favour",
    "prefer",
    "vote for",
    "push for",
    "embrace",
    "champion",
    "tout",
    "denounce",
    "decry",
    "echo",
    "hail",
    "bemoan",
    "deride",
    "lambaste",
    "assail",
    "ridicule",
    "rebuke",
    "chide",
    "castigate",
    "disparage",
    "fault",
    "rail against",
    "lash out at",
    "take aim at",
    "laugh off",
    "brush off",
    "shrug off",
    "heap praise on",
    "defend",
    "oppose",
    "reject",
    "praise",
    "back",
    "cite",
    "blame",
    "condemn",
    "dismiss",
    "question",
    "challenge",
    "applaud",
    "welcome",
    "attack",
    "slam",
    "blast",
    "mock",
    "thank",
    "credit",
    "offer",
    "plan",
    "vote against",
    "vote to",
    "campaign for",
    "campaign against",
    "taunt",
    "hammer",
    "bash",
    "scold",
    "berate",
    "chastise",
    "denigrate",
    "insult",
    "smear",
    "belittle",
    "order",
    "identify",
    "nominate",
    "take issue with",
    "apologize for",
    "reference",
    "invoke",
)

#: Verbs of thought and finding that news attributes like speech ("polls show", "he believes").
BELIEF_VERBS = (
    "believe",
    "think",
    "show",
    "find",
    "hope",
    "fear",
    "expect",
    "worry",
    "feel",
    "know",
    "doubt",
    "reckon",
    "see",
    "view",
    "learn",
    "remember",
    "understand",
    "consider",
    "recognize",
    "suspect",
    "realize",
    "assume",
)

#: Irregular past forms; every other verb is inflected by rule.
IRREGULAR_PAST = {
    "take": "took",
    "shoot": "shot",
    "hit": "hit",
    "put": "put",
    "speak": "spoke",
    "shake": "shook",
    "seek": "sought",
    "see": "saw",
    "understand": "understood",
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "think": "thought",
    "find": "found",
    "feel": "felt",
    "know": "knew",
    "show": "showed",
    "cry": "cried",
    "go on to say": "went on to say",
    "make": "made",
    "forecast": "forecast",
}
#: Irregular participles besides the past form (written, shown, known).
IRREGULAR_PARTICIPLE = {
    "take": "taken",
    "speak": "spoken",
    "shake": "shaken",
    "see": "seen",
    "write": "written",
    "show": "shown",
    "know": "known",
    "go on to say": "gone on to say",
}

#: Verbs whose first object is the addressee, not the content ("told reporters that ...").
ADDRESSEE_VERBS = ("tell", "assure", "inform", "advise", "warn", "urge", "remind", "ask", "promise", "caution", "email")

#: Nouns and adjectives whose infinitive is a purpose or a difficulty, not a report: "a good
#: place to present the budget", "an opportunity to criticize", "hard to say", "a way to
#: acknowledge": a cue after one of them and "to" reports nothing.
NOT_REPORTING_BEFORE_INFINITIVE = (
    "way",
    "time",
    "chance",
    "opportunity",
    "place",
    "hard",
    "difficult",
    "easy",
    "impossible",
    "tough",
)

#: Verbs whose participle with "as" tells how a thing is seen or called, by no one named:
#: "a county seen as pivotal", "the run of primaries known as Lantern Week".
LABELLING_VERBS = ("know", "see", "view", "regard", "describe", "consider", "perceive", "bill", "dub", "tout")

#: Nouns that make a speaker when they head the subject of a cue ("an official said").
SPEAKER_NOUNS = (
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "source",
    "sources",
    "ministry",
    "ministers",
    "minister",
    "office",
    "department",
    "statement",
    "report",
    "reports",
    "poll",
    "polls",
    "survey",
    "study",
    "studies",
    "analysis",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "campaign",
    "government",
    "administration",
    "agency",
    "police",
    "military",
    "army",
    "diplomat",
    "diplomats",
    "lawmakers",
    "lawmaker",
    "leader",
    "leaders",
    "secretary",
    "president",
    "chairman",
    "chief",
    "director",
    "officer",
    "officers",
    "governor",
    "senator",
    "candidate",
    "people",
    "residents",
    "witnesses",
    "voters",
    "respondents",
    "supporters",
    "critics",
    "observers",
    "members",
    "committee",
    "council",
    "court",
    "judge",
    "company",
    "firm",
    "group",
    "party",
    "data",
    "figures",
    "records",
    "filings",
    "polling",
    "numbers",
    "results",
    "surveys",
    "estimates",
    "statistics",
    "returns",
    "projections",
    "document",
    "documents",
    "letter",
    "memo",
    "filing",
    "prosecutors",
    "lawyer",
    "lawyers",
    "attorney",
    "economists",
    "economist",
    "researchers",
    "scientists",
    "democrats",
    "republicans",
    "team",
    "embassy",
    "organization",
    "organisation",
    "commission",
    "board",
    "union",
    "newspaper",
    "website",
    "side",
)

#: Titles and roles written before a name ("Foreign Minister Khurshid Kasuri").
TITLES = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "gen",
    "general",
    "admiral",
    "adm",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "sgt",
    "major",
    "commander",
    "chief",
    "judge",
    "justice",
    "mayor",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "reverend",
    "sheikh",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "ambassador",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "deputy",
    "assistant",
    "state",
    "senior",
    "former",
    "acting",
    "candidate",
    "leader",
    "aide",
    "adviser",
    "advisor",
    "envoy",
    "official",
    "head",
    "executive",
    "attorney",
    "speaker",
    "host",
    "author",
    "editor",
    "reporter",
    "correspondent",
    "analyst",
    "contributor",
    "nominee",
    "frontrunner",
    "front-runner",
    "presidential",
    "democratic",
    "republican",
    "strategist",
    "manager",
    "commissioner",
    "sheriff",
    "officer",
    "pollster",
    "columnist",
    "economist",
    "historian",
    "activist",
    "lawyer",
)


#: Verbs that double their last consonant before -ed and -ing (admitted, preferred, snapped).
DOUBLED_FINAL = frozenset(
    [
        "put",
        "admit",
        "quip",
        "refer",
        "prefer",
        "regret",
        "concur",
        "blog",
        "commit",
        "submit",
        "plan",
        "snap",
        "rebut",
        "jab",
        "dub",
        "shrug",
        "slam",
        "hit",
    ]
)


def _regular_forms(lemma: str) -> tuple[str, str, str]:
    """(third person, past, -ing) of a regular verb: note -> notes, noted, noting."""
    if lemma.endswith("ee"):
        return lemma + "s", lemma + "d", lemma + "ing"  # agree -> agrees, agreed, agreeing
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")) or (lemma.endswith("o") and not lemma.endswith("oo")):
        return lemma + "es", lemma + "ed", lemma + "ing"
    if lemma in DOUBLED_FINAL:
        return lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    return lemma + "s", lemma + "ed", lemma + "ing"


def past_participle(lemma: str) -> str:
    """The participle of a one-word verb: its irregular participle, else its past form (seen, billed)."""
    return IRREGULAR_PARTICIPLE.get(lemma) or IRREGULAR_PAST.get(lemma) or _regular_forms(lemma)[1]


def verb_forms(lemma: str) -> dict[str, str]:
    """Every written form of a (possibly multi-word) verb, mapped to its tense class.

    Classes: ``finite`` (says, said, say), ``participle`` (saying: a cue whose subject is the
    speaker of the clause it hangs on) and ``perfect`` (written after has/have).
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    third, past, ing = _regular_forms(head)
    # a phrasal verb inflects its head: "take aim at" -> "took aim at", "taken aim at"
    past_form = IRREGULAR_PAST.get(lemma) or (IRREGULAR_PAST[head] + tail if head in IRREGULAR_PAST else past + tail)
    forms = {
        lemma: "finite",
        third + tail: "finite",
        past_form: "finite",
        ing + tail: "participle",
    }
    if lemma in IRREGULAR_PARTICIPLE:
        forms[IRREGULAR_PARTICIPLE[lemma]] = "perfect"
    elif head in IRREGULAR_PARTICIPLE and rest:
        forms.setdefault(IRREGULAR_PARTICIPLE[head] + tail, "perfect")  # "shot back" stays finite
    return forms


@attrs.frozen
class Lexicon:
    """The word lists one attributor uses, lower-cased."""

    verbs: frozenset[str]
    belief_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    titles: frozenset[str]
    #: The stance verbs among `verbs`: their content may be a bare name ("endorsed Clinton").
    stance_verbs: frozenset[str] = frozenset()
    #: Nouns and adjectives whose infinitive reports nothing ("hard to say").
    infinitive_purposes: frozenset[str] = frozenset(NOT_REPORTING_BEFORE_INFINITIVE)
    #: Participles that label a noun with "as" ("known as", "seen as").
    labelling_participles: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        verbs: Iterable[str] | None = None,
        extra_verbs: Iterable[str] = (),
        beliefs: bool = True,
        belief_verbs: Iterable[str] | None = None,
        naming_verbs: Iterable[str] | None = None,
        stances: bool = True,
        stance_verbs: Iterable[str] | None = None,
        speaker_nouns: Iterable[str] | None = None,
        extra_speaker_nouns: Iterable[str] = (),
        titles: Iterable[str] | None = None,
        extra_titles: Iterable[str] = (),
    ) -> Lexicon:
        """A lexicon from the defaults, replaced or extended as the step config says."""
        speech = {v.strip().lower() for v in (SPEECH_VERBS if verbs is None else verbs)}
        speech |= {v.strip().lower() for v in extra_verbs}
        stance: set[str] = set()
        if stances:
            stance = {v.strip().lower() for v in (STANCE_VERBS if stance_verbs is None else stance_verbs)} - speech
            speech |= stance
        belief = (
            {v.strip().lower() for v in (BELIEF_VERBS if belief_verbs is None else belief_verbs)} if beliefs else set()
        )
        nouns = {n.lower() for n in (SPEAKER_NOUNS if speaker_nouns is None else speaker_nouns)}
        nouns |= {n.lower() for n in extra_speaker_nouns}
        title_set = {t.lower() for t in (TITLES if titles is None else titles)} | {t.lower() for t in extra_titles}
        return cls(
            verbs=frozenset(v for v in speech if v),
            belief_verbs=frozenset(v for v in belief if v and v not in speech),
            naming_verbs=frozenset(
                v.strip().lower() for v in (NAMING_VERBS if naming_verbs is None else naming_verbs) if v.strip()
            ),
            addressee_verbs=frozenset(ADDRESSEE_VERBS),
            speaker_nouns=frozenset(nouns),
            titles=frozenset(title_set),
            stance_verbs=frozenset(v for v in stance if v),
            labelling_participles=frozenset(past_participle(v) for v in LABELLING_VERBS),
        )

    def cue_forms(self) -> dict[str, tuple[str, str, bool]]:
        """Each written cue form -> (lemma, tense class, is a belief verb)."""
        table: dict[str, tuple[str, str, bool]] = {}
        for belief, lemmas in ((True, self.belief_verbs), (False, self.naming_verbs | self.verbs)):
            for lemma in sorted(lemmas):
                for form, tense in verb_forms(lemma).items():
                    table[form] = (lemma, tense, belief)
        return table
