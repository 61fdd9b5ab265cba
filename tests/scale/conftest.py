"""Fixtures for the scale tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.scale.scale_helpers import make_corpus


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Callable[[int], Path]:
    """``seed_corpus(n)``: a folder of `n` articles made from the seeds, with unique ids."""

    def make(count: int) -> Path:
        folder = tmp_path / f"corpus{count}"
        make_corpus(folder, count)
        return folder

    return make
