"""Shared fixtures for the core tests: small test plugins registered without installing."""

from __future__ import annotations

import venv
from pathlib import Path

import pytest

from tests.wheels import WheelEnv, run_checked

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def seeds() -> list[Path]:
    assert len(SEEDS) == 5, "seeds/ must hold the five seed articles"
    return SEEDS


@pytest.fixture
def news_toml() -> str:
    return (ROOT / "pipelines" / "news.toml").read_text("utf-8")


@pytest.fixture(scope="session")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> WheelEnv:
    """Built once per test session: building wheels and a venv is the slow part of such tests."""
    env = WheelEnv(tmp_path_factory.mktemp("wheel-env"))
    venv.EnvBuilder(with_pip=True).create(env.dir)
    run_checked(env.python, "-m", "pip", "install", "--quiet", "pytest")
    env.install(ROOT, ROOT / "plugins" / "text", ROOT / "plugins" / "records")
    return env
