"""The step inside a pipeline: registered, configured from TOML, and mapped into records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copydesk import ConfigError, build_pipeline, parse_config

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def test_records_carry_quotes_with_speakers(run_pipeline_toml: Any, quotes_toml: Any) -> None:
    result = run_pipeline_toml(quotes_toml('{ extra_verbs = ["grumble"] }'), [SEEDS / "001_c8f8171ffc279a20.txt"])
    assert not result.rejects
    (record,) = result.records
    quotes = record["quotes"]
    assert quotes
    for quote in quotes:
        assert record["text"][quote["start"] : quote["end"]] == quote["text"]
        if quote["speaker"] is not None:
            speaker = quote["speaker"]
            assert record["text"][speaker["start"] : speaker["end"]] == speaker["mention"]
    crowley = [q for q in quotes if q["speaker"] and q["speaker"]["name"] == "P J Crowley"]
    assert {q["speaker"]["mention"] for q in crowley} >= {"State Department spokesman P J Crowley", "he"}
    assert all(q["speaker"]["role"] == "State Department spokesman" for q in crowley)
    names = [s["name"] for s in record["speakers"]]
    assert len(names) == len(set(names)), "each speaker once"
    assert "P J Crowley" in names


def test_bad_config_is_reported_before_any_input(quotes_toml: Any) -> None:
    config = parse_config(quotes_toml("{ verbs = 3 }"))
    with pytest.raises(ConfigError) as error:
        build_pipeline(config)
    assert "with.verbs" in str(error.value)
