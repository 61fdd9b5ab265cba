"""The default pipeline on seeds/: every article paragraph kept, furniture removed, right title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = ROOT / "seeds" / "expected"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    from copydesk import read_config, run_pipeline
    from copydesk.pipeline import build_pipeline

    out = tmp_path_factory.mktemp("seeds") / "records.jsonl"
    pipeline = build_pipeline(read_config(str(ROOT / "pipelines" / "news.toml")))
    summary = run_pipeline(pipeline, [str(p) for p in SEEDS], output=str(out))
    assert summary.written == len(SEEDS)
    found = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    return {r["id"]: r for r in found}


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_body_is_the_expected_body(records: dict[str, dict], seed: str) -> None:
    expected = (EXPECTED / f"{seed}.txt").read_text("utf-8").strip()
    assert records[seed]["text"] == expected


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_title_is_the_expected_title(records: dict[str, dict], seed: str) -> None:
    titles = json.loads((EXPECTED / "titles.json").read_text("utf-8"))
    assert records[seed]["title"] == titles[seed]


def test_removals_carry_the_reason_of_what_they_are(records: dict[str, dict]) -> None:
    def reasons(seed: str) -> dict[str, str]:
        return {r["text"]: r["reason"] for r in records[seed]["removed"]}

    assert reasons("001_c8f8171ffc279a20")["Share:"] == "share_bar"
    assert reasons("001_c8f8171ffc279a20")["October 21, 2010 09:43 IST"] == "timestamp"
    clinton = reasons("003_f879872a2367e060")
    assert clinton["For complete article, click here"] == "click_here"
    assert clinton["Popular posts from this blog"] == "related_links"
    comment = next(text for text in clinton if text.startswith("Our relationship with USA"))
    assert clinton[comment] == "comments"
    assert reasons("002_7b40fffef38cf50c")["Pakistan in touch with US over unilateral action threats"] == "duplicate"
