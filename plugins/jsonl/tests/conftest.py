"""Records of the seeds as text files: what the same articles must give from JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def news_records(run_pipeline_toml, tmp_path: Path) -> dict[str, dict[str, Any]]:
    toml = (ROOT / "pipelines" / "news.toml").read_text("utf-8")
    result = run_pipeline_toml(toml, [ROOT / "seeds"], output=tmp_path / "seed-records.jsonl")
    return {r["id"]: r for r in result.records}
