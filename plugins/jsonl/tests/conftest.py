"""Records of the seeds as text files: what the same articles must give from JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


# The same steps as the JSONL test pipeline, reading the seeds as files instead.
FILES_PIPELINE = """
[pipeline]
name = "files"
plugins = ["text", "records"]

[[steps]]
use = "text.parse"

[output]
use = "records.jsonl"
"""


@pytest.fixture
def news_records(run_pipeline_toml, tmp_path: Path) -> dict[str, dict[str, Any]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    result = run_pipeline_toml(FILES_PIPELINE, seeds, output=tmp_path / "seed-records.jsonl")
    return {r["id"]: r for r in result.records}
