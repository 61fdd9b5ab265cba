"""Shared fixtures for the core tests: small test plugins registered without installing."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def seeds() -> list[Path]:
    assert len(SEEDS) == 5, "seeds/ must hold the five seed articles"
    return SEEDS


@pytest.fixture
def news_toml() -> str:
    return (ROOT / "pipelines" / "news.toml").read_text("utf-8")
