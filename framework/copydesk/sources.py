"""Inputs: what a source yields, and the core's file reader."""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, cast

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


@attrs.frozen
class InputFile:
    """One file an input spec names (``path`` None for stdin), or why the spec names none."""

    uri: str
    path: Path | None = None
    error: str | None = None

    @property
    def id(self) -> str:
        return "stdin" if self.path is None and self.error is None else id_from_path(self.uri)

    def open(self) -> BinaryIO:
        """A binary stream of the file's content, ``.gz`` decompressed as it is read."""
        if self.path is None:
            return sys.stdin.buffer
        if self.path.name.endswith(".gz"):
            return cast(BinaryIO, gzip.open(self.path, "rb"))
        return self.path.open("rb")


def expand_inputs(specs: Iterable[str], include_hidden: bool = False) -> Iterator[InputFile]:
    """The files that input specs name, lazily: files, directories (recursively, sorted), globs, ``-``.

    A spec that names nothing yields an :class:`InputFile` with an ``error``, so the
    run can report it as a failed input and go on. Sources of every format share this.
    """
    for spec in specs:
        if spec == "-":
            yield InputFile("stdin")
            continue
        path = Path(spec)
        if path.is_dir():
            yield from (InputFile(str(p), p) for p in _walk(path, include_hidden))
        elif path.exists():
            yield InputFile(spec, path)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield InputFile(spec, error="no file matches this pattern")
            for match in matches:
                if Path(match).is_file():
                    yield InputFile(match, Path(match))
        else:
            yield InputFile(spec, error="no such file or directory")


def read_each(
    specs: Iterable[str], read_file: Callable[[InputFile], Iterable[RawInput]], include_hidden: bool = False
) -> Iterator[RawInput]:
    """The documents of every file `specs` name, as `read_file` reads them; a spec naming none fails."""
    for found in expand_inputs(specs, include_hidden):
        if found.error is not None:
            yield RawInput(id=found.id, uri=found.uri, error=found.error)
        else:
            yield from read_file(found)


def count_input_files(specs: Iterable[str], include_hidden: bool = False) -> int | None:
    """How many files `specs` name (None when stdin is one): a total for progress bars."""
    specs = list(specs)
    if "-" in specs:
        return None
    return sum(1 for _ in expand_inputs(specs, include_hidden))


def _walk(root: Path, include_hidden: bool) -> Iterator[Path]:
    """Files under `root`, depth first in name order, without holding the whole tree."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if not include_hidden and entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=True):
            yield from _walk(Path(entry.path), include_hidden)
        elif entry.is_file(follow_symlinks=True):
            yield Path(entry.path)


class FileSource:
    """Reads files, directories (recursively) and globs; ``.gz`` is decompressed; ``-`` is stdin."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, include_hidden: bool = False) -> None:
        self.max_bytes = max_bytes
        self.include_hidden = include_hidden

    def read(self, inputs: Iterable[str]) -> Iterator[RawInput]:
        return read_each(inputs, lambda found: [self._read_file(found)], self.include_hidden)

    def count(self, inputs: Iterable[str]) -> int | None:
        """The number of documents `inputs` hold (one per file), for a progress bar's total."""
        return count_input_files(inputs, self.include_hidden)

    def _read_file(self, found: InputFile) -> RawInput:
        try:
            if found.path is not None and found.path.name.endswith(".gz"):
                data = _gunzip(found.path, self.max_bytes)
            else:
                fh = found.open()
                try:
                    data = _read_limited(fh, self.max_bytes)
                finally:
                    if found.path is not None:  # stdin stays open for whoever reads it next
                        fh.close()
        except PermissionError:
            return RawInput(id=found.id, uri=found.uri, error="permission denied")
        except (OSError, EOFError, zlib.error) as exc:
            return RawInput(id=found.id, uri=found.uri, error=f"cannot read: {exc}")
        return self._from_bytes(found.id, found.uri, data)

    def _from_bytes(self, doc_id: str, uri: str, data: bytes) -> RawInput:
        if len(data) > self.max_bytes:
            return RawInput(id=doc_id, uri=uri, error=f"larger than the input limit of {self.max_bytes} bytes")
        return RawInput(id=doc_id, uri=uri, data=data, media_type=media_type_from_name(uri))


def _read_limited(fh: BinaryIO, max_bytes: int) -> bytes:
    """At most `max_bytes` + 1 bytes of `fh`.

    ``read(n)`` sets aside all n bytes before it reads, so a file's own size is asked first:
    reading a 150 kB page under a 50 MB limit then costs a quarter as much. Pipes (no size)
    and files that grow while read are read up to the limit.
    """
    try:
        size = os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError, io.UnsupportedOperation):
        size = 0
    data = fh.read(min(size, max_bytes) + 1) if size else b""
    if not size or len(data) > size:
        data += fh.read(max_bytes + 1 - len(data))
    return data


#: Compressed bytes read from a ``.gz`` file at a time.
GZIP_CHUNK = 1 << 20


def _gunzip(path: Path, max_bytes: int) -> bytes:
    """Decompress at most `max_bytes` + 1 bytes, so a gzip bomb stops at the limit.

    zlib reads the gzip framing itself (``wbits=31``: header, CRC and length checked), which
    saves the per-file cost of ``gzip.open``'s file object and its Python-level read loop.
    Like ``gzip``, it reads concatenated members and skips zero padding after a member; a
    stream that stops inside a member is an EOFError, damaged data a ``zlib.error``.
    """
    limit = max_bytes + 1
    out = bytearray()
    decompressor = zlib.decompressobj(wbits=31)
    fed = False  # whether the current member has had any input
    pending = b""
    with path.open("rb") as fh:
        while len(out) < limit:
            if not pending:
                pending = fh.read(GZIP_CHUNK)
                if not pending:
                    break
            if not fed:
                pending = pending.lstrip(b"\0")  # padding between or after members
                if not pending:
                    continue
                fed = True
            out += decompressor.decompress(pending, limit - len(out))
            pending = decompressor.unconsumed_tail
            if decompressor.eof:
                pending = decompressor.unused_data
                decompressor = zlib.decompressobj(wbits=31)
                fed = False
    if fed and len(out) < limit:
        raise EOFError("the compressed stream ends before its end-of-stream marker")
    return bytes(out)


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


def file_source_schema(**properties: Any) -> dict[str, Any]:
    """The ``[input] with`` schema of a source reading files: ``max_bytes``, ``include_hidden`` and `properties`."""
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "max_bytes": {"type": "integer", "minimum": 1, "description": "largest input read, after decompression"},
            "include_hidden": {"type": "boolean", "description": "read files whose path has a dot-folder or name"},
            **properties,
        },
    }
