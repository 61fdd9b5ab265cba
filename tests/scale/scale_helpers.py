"""Helpers for the scale tests: corpora made from the seeds, records read back, the real command."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NEWS_TOML = ROOT / "pipelines" / "news.toml"


def make_corpus(folder: Path, count: int) -> list[Path]:
    """`count` text articles with unique ids, cycling through the seeds, each a little different."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"{i:05d}_{seed.stem}.txt"
        path.write_text(seed.read_text("utf-8") + f"\n\nCorrection {i}: an earlier version misspelt a name.\n", "utf-8")
        paths.append(path)
    return paths


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records by id; fails the test if an id is written twice."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        assert record["id"] not in records, f"{record['id']} written twice"
        records[record["id"]] = record
    return records


def copydesk_command(*args: str | Path) -> list[str]:
    """The installed ``copydesk`` command of this environment, with `args`."""
    return [str(Path(sys.executable).with_name("copydesk")), *map(str, args)]


def command_env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}
