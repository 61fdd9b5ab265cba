"""copydesk ``warc`` plugin: HTTP responses from WARC archives (news crawls such as CC-NEWS).

Each ``response`` record (and each ``resource`` record) is one document: its payload, with
chunked transfer and gzip/deflate/brotli content encoding undone by warcio, its media type
from the HTTP ``Content-Type``, its URL in the document's ``url`` metadata. Archives are
read record by record, plain or ``.warc.gz``, so a crawl of any size streams through.

Why warcio: it is Webrecorder's reference WARC library, pure Python (installs anywhere),
reads the per-record gzip members crawls are written in, and decodes HTTP payloads.

A broken record stops the reading of its archive (a WARC cannot be re-synchronised safely)
and becomes a failed input naming the archive and the byte offset; other archives go on.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

import copydesk
from copydesk import InputFile, RawInput, Register, file_source_schema, read_each

__version__ = "0.1.0"

#: Largest payload read; a larger one fails alone.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

SOURCE_SCHEMA = file_source_schema(
    id={
        "enum": ["record-id", "url"],
        "description": "what a document's id is: the WARC-Record-ID (default) or the target URL",
    },
    statuses={
        "type": "array",
        "items": {"type": "integer", "minimum": 100, "maximum": 599},
        "minItems": 1,
        "description": "HTTP statuses read as documents (default [200]); others are failed inputs",
    },
)

DOCUMENT_RECORDS = ("response", "resource")


class WarcSource:
    """HTTP response records of WARC / WARC.gz archives (files, directories, globs, stdin)."""

    def __init__(
        self,
        id: str = "record-id",  # the config key users write
        statuses: list[int] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        include_hidden: bool = False,
    ) -> None:
        self.id_from = id
        self.statuses = frozenset(statuses or [200])
        self.max_bytes = max_bytes
        self.include_hidden = include_hidden

    def read(self, inputs: Iterable[str]) -> Iterator[RawInput]:
        return read_each(inputs, self._records, self.include_hidden)

    def _records(self, found: InputFile) -> Iterator[RawInput]:
        offset = 0
        try:
            fh = found.path.open("rb") if found.path is not None else found.open()
        except OSError as exc:
            yield RawInput(id=found.id, uri=found.uri, error=f"cannot read: {exc}")
            return
        try:
            records = ArchiveIterator(fh)
            for record in records:
                offset = records.offset  # where this record starts (before its payload is read)
                if record.rec_type in DOCUMENT_RECORDS:
                    item = self._document(found, offset, record)
                    if item is not None:
                        yield item
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
            at = records.offset if "records" in locals() else offset
            problem = _printable(str(exc)) or type(exc).__name__
            yield RawInput(
                id=f"{found.id}@{at}",
                uri=f"{found.uri}@{at}",
                error=f"broken WARC record at byte {at}: {problem}; the rest of this archive cannot be read",
            )
        finally:
            if found.path is not None:
                fh.close()

    def _document(self, found: InputFile, offset: int, record: ArcWarcRecord) -> RawInput | None:
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or ""
        record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
        if record_id.startswith("urn:uuid:"):
            record_id = record_id[len("urn:uuid:") :]
        doc_id = (url if self.id_from == "url" else record_id) or f"{found.id}@{offset}"
        uri = f"{found.uri}@{offset}"
        warc = {"record_id": record_id, "date": headers.get_header("WARC-Date"), "offset": offset}
        meta: dict[str, Any] = {"warc": warc}
        if url:
            meta["url"] = url
        if record.rec_type == "response":
            if record.http_headers is None:  # dns: and other non-HTTP responses hold no page
                return None
            status = record.http_headers.get_statuscode()
            if not status.isdigit() or int(status) not in self.statuses:
                read = ", ".join(map(str, sorted(self.statuses)))
                return RawInput(id=doc_id, uri=uri, meta=meta, error=f"HTTP status {status} (statuses read: {read})")
            content_type = record.http_headers.get_header("Content-Type") or ""
        else:
            content_type = headers.get_header("Content-Type") or ""
        if content_type:
            warc["content_type"] = content_type
        media_type = content_type.split(";", 1)[0].strip().lower() or None
        try:
            data = record.content_stream().read(self.max_bytes + 1)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            return RawInput(id=doc_id, uri=uri, meta=meta, error=f"cannot decode the HTTP payload: {exc}")
        if len(data) > self.max_bytes:
            return RawInput(id=doc_id, uri=uri, meta=meta, error=f"payload larger than {self.max_bytes} bytes")
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:  # the archive ends inside this record
            return RawInput(id=doc_id, uri=uri, meta=meta, error=f"truncated WARC record: {missing} bytes missing")
        return RawInput(id=doc_id, uri=uri, data=data, media_type=media_type, meta=meta)


def _printable(message: str, limit: int = 160) -> str:
    """An error message fit for a terminal: the bytes of a broken record shown as ``?``."""
    text = "".join(c if c.isascii() and c.isprintable() else "?" for c in " ".join(message.split()))
    return text if len(text) <= limit else text[: limit - 3] + "..."


@copydesk.hookimpl
def copydesk_register_sources(register: Register) -> None:
    register(
        "warc.records",
        WarcSource,
        config_schema=SOURCE_SCHEMA,
        description="HTTP response records of WARC / WARC.gz archives, one document each",
    )
