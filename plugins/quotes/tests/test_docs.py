"""The plugin README (docs/plugins/quotes.md) stays in step with the code: every option and default word is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copydesk import build_pipeline, parse_config
from copydesk_quotes import CONFIG_SCHEMA
from copydesk_quotes.lexicon import (
    ADDRESSEE_VERBS,
    BELIEF_VERBS,
    NAMING_VERBS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
)

REPO = Path(__file__).resolve().parents[3]
DOC = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _listed(section: str) -> str:
    """The paragraph of the doc that starts with the bold `section` heading."""
    match = re.search(rf"\*\*{re.escape(section)}\*\*(.*?)\n\n", DOC, re.S)
    assert match, section
    return " ".join(match.group(1).split())


@pytest.mark.parametrize("option", sorted(CONFIG_SCHEMA["properties"]))
def test_every_option_is_documented(option: str) -> None:
    assert f"`{option}`" in DOC


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ("Speech verbs", SPEECH_VERBS),
        ("Belief verbs", BELIEF_VERBS),
        ("Verbs with an addressee", ADDRESSEE_VERBS),
        ("Naming verbs", NAMING_VERBS),
        ("Stance verbs", STANCE_VERBS),
    ],
)
def test_every_default_verb_is_listed(section: str, words: tuple[str, ...]) -> None:
    listed = {w.strip() for w in re.split(r"[,.:]", _listed(section).split(":", 1)[1])}
    assert set(words) <= listed, set(words) - listed


def test_every_speaker_noun_is_listed() -> None:
    text = _listed("Speaker nouns")
    missing = [n for n in SPEAKER_NOUNS if not re.search(rf"\b{re.escape(n.rstrip('s'))}", text)]
    assert not missing


def test_pipeline_example_builds() -> None:
    examples = [body for lang, body in re.findall(r"```(\w*)\n(.*?)```", DOC, re.S) if lang == "toml"]
    assert examples
    for body in examples:
        build_pipeline(parse_config(body, source="docs/plugins/quotes.md"))
