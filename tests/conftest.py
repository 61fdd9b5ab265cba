"""Shared fixtures for the core tests: small test plugins registered without installing."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
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


def run_checked(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output if it fails."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


class WheelEnv:
    """A fresh virtual environment with the core and the text and records plugins installed
    from their wheels (no editable installs), as a user who pip-installs copydesk has them."""

    def __init__(self, base: Path) -> None:
        self.wheels = base / "wheels"
        self.dir = base / "venv"
        self.bin = self.dir / "bin"
        self.python = self.bin / "python"

    def install(self, *projects: Path) -> None:
        """Build wheels of `projects` and install them (their dependencies from the wheels or PyPI)."""
        run_checked(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", self.wheels, *projects)
        names = [tomllib.loads((p / "pyproject.toml").read_text("utf-8"))["project"]["name"] for p in projects]
        run_checked(self.python, "-m", "pip", "install", "--quiet", "--find-links", self.wheels, *names)


@pytest.fixture(scope="session")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> WheelEnv:
    """Built once per test session: building wheels and a venv is the slow part of such tests."""
    env = WheelEnv(tmp_path_factory.mktemp("wheel-env"))
    venv.EnvBuilder(with_pip=True).create(env.dir)
    run_checked(env.python, "-m", "pip", "install", "--quiet", "pytest")
    env.install(ROOT, ROOT / "plugins" / "text", ROOT / "plugins" / "records")
    return env
