"""Wheels and a virtual environment, for tests that install copydesk as a user would."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_checked(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output if it fails."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
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
