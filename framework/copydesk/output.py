"""JSON Lines files that are never left half-written.

Lines go to ``NAME.partial`` next to the target, each flushed whole; a finished run
renames it over the target in one step. A killed run leaves the partial file, whose
complete lines a resumed run keeps (a torn last line is cut off).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, BinaryIO

import orjson


def json_line(value: Any) -> bytes:
    """`value` as one compact line of JSON in UTF-8, non-ASCII text written as it is.

    orjson writes an article record about ten times faster than ``json.dumps``, and the same
    text for every record of the benchmark pages. What it refuses and the standard library
    accepts (integers beyond 64 bits) goes to ``json.dumps``. Bytes, as orjson makes them and
    files take them: a str would be decoded here only to be encoded again when written.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class JsonlFile:
    """One JSONL output, written through a ``.partial`` file and committed atomically."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self._fh: BinaryIO | None = None
        self.count = 0

    def open(self, resume: bool = False) -> set[str]:
        """Start writing; with `resume`, keep what an earlier run wrote and return its ids."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        done: set[str] = set()
        if resume:
            if not self.partial.exists() and self.path.exists():
                os.replace(self.path, self.partial)
            if self.partial.exists():
                done = _complete_ids(self.partial)
        elif self.partial.exists():
            self.partial.unlink()
        self._fh = self.partial.open("ab")
        self.count = len(done)
        return done

    def write_line(self, line: bytes) -> None:
        """Add `line` (one line of UTF-8 JSON, without its newline) and flush it."""
        if self._fh is None:
            raise RuntimeError(f"{self.path} is not open")
        self._fh.write(line + b"\n")
        self._fh.flush()
        self.count += 1

    def close(self, commit: bool = True) -> None:
        """Close; with `commit`, make the partial file the output in one rename."""
        if self._fh is None:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        if commit:
            os.replace(self.partial, self.path)
            _sync_directory(self.path.parent)


def _sync_directory(path: Path) -> None:
    """Make a rename in `path` durable (a crash of the machine right after it keeps it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # not possible everywhere (Windows); the rename itself is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _complete_ids(path: Path) -> set[str]:
    """Ids of the whole lines in `path`; a torn last line is cut off the file."""
    ids: set[str] = set()
    good = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            good += len(raw)
    with path.open("r+b") as fh:
        fh.truncate(good)
    return ids
