"""Inputs: what a source yields, and the core's file reader."""

from __future__ import annotations

import glob
import gzip
import hashlib
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from copydesk.model import FrozenData

#: Largest input (after decompression) the file source reads; larger inputs fail alone.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

COMPRESSED_SUFFIXES = (".gz",)


@attrs.frozen
class RawInput:
    """One document's input as a source delivers it.

    `data` is None when the input could not be read; `error` then says why, and the
    runner counts the input as failed without stopping.
    """

    id: str
    uri: str
    data: bytes | None = attrs.field(default=None, repr=False)
    media_type: str | None = None
    meta: FrozenData = attrs.field(factory=FrozenData, converter=FrozenData)
    error: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data or b"").hexdigest()


def id_from_path(path: str | os.PathLike[str]) -> str:
    """A document id from a file name: the name without its extensions.

    ``seeds/000_x.txt`` gives ``000_x``; ``page.html.gz`` gives ``page``.
    """
    name = Path(path).name
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    stem, _ = os.path.splitext(name)
    return stem or name


class FileSource:
    """Reads files, directories (recursively) and globs; ``.gz`` is decompressed; ``-`` is stdin."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, include_hidden: bool = False) -> None:
        self.max_bytes = max_bytes
        self.include_hidden = include_hidden

    def read(self, inputs: Iterable[str]) -> Iterator[RawInput]:
        for spec in inputs:
            yield from self._expand(spec)

    def _expand(self, spec: str) -> Iterator[RawInput]:
        if spec == "-":
            yield self._from_bytes("stdin", "stdin", sys.stdin.buffer.read(self.max_bytes + 1))
            return
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if self.include_hidden or not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield self._read_file(child)
        elif path.exists():
            yield self._read_file(path)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield RawInput(id=id_from_path(spec), uri=spec, error="no file matches this pattern")
            for match in matches:
                if Path(match).is_file():
                    yield self._read_file(Path(match))
        else:
            yield RawInput(id=id_from_path(spec), uri=spec, error="no such file or directory")

    def _read_file(self, path: Path) -> RawInput:
        uri = str(path)
        doc_id = id_from_path(path)
        try:
            if path.name.endswith(".gz"):
                data = _gunzip(path, self.max_bytes)
            else:
                with path.open("rb") as fh:
                    data = fh.read(self.max_bytes + 1)
        except PermissionError:
            return RawInput(id=doc_id, uri=uri, error="permission denied")
        except (OSError, EOFError, zlib.error) as exc:
            return RawInput(id=doc_id, uri=uri, error=f"cannot read: {exc}")
        return self._from_bytes(doc_id, uri, data)

    def _from_bytes(self, doc_id: str, uri: str, data: bytes) -> RawInput:
        if len(data) > self.max_bytes:
            return RawInput(id=doc_id, uri=uri, error=f"larger than the input limit of {self.max_bytes} bytes")
        return RawInput(id=doc_id, uri=uri, data=data, media_type=media_type_from_name(uri))


def _gunzip(path: Path, max_bytes: int) -> bytes:
    """Decompress at most `max_bytes` + 1 bytes, so a gzip bomb stops at the limit."""
    with gzip.open(path, "rb") as fh:
        return fh.read(max_bytes + 1)


_EXTENSION_TYPES: Mapping[str, str] = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
    ".text": "text/plain",
}


def media_type_from_name(name: str) -> str | None:
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return _EXTENSION_TYPES.get(os.path.splitext(name)[1].lower())


def sniff_content(data: bytes) -> str | None:
    """A media type from the first bytes: markup looks like HTML, NUL-free bytes like text."""
    head = data[:2048].lstrip().lower()
    for marker in (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>", b"<title"):
        if head.startswith(marker) or (marker in head[:512] and head.startswith(b"<")):
            return "text/html"
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text/plain"
    if b"\x00" in data[:4096]:
        return "application/octet-stream"
    return "text/plain"


def file_source_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_bytes": {"type": "integer", "minimum": 1, "description": "largest input read, after decompression"},
            "include_hidden": {"type": "boolean", "description": "read files whose path has a dot-folder or name"},
        },
    }
