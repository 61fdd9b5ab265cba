"""copydesk ``jsonl`` plugin: documents from JSON Lines files, one document per line.

Corpora are often shipped as JSONL (a crawl exported by a scraper, a news dataset): each
line an object with the page's HTML or text, an id and a URL. Which fields hold those is
configured; files are read line by line (``.gz`` too, and ``-`` for stdin), so a corpus of
any size streams through in constant memory. A line that is not JSON, or lacks the content
or id field, becomes a failed input naming the file and line; the other lines go on.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import copydesk
from copydesk import InputFile, RawInput, Register, file_source_schema, read_each

__version__ = "0.1.0"

#: Longest line read (bytes); a longer line fails alone.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

SOURCE_SCHEMA = file_source_schema(
    content={
        "type": "string",
        "minLength": 1,
        "description": "field holding the document (HTML or text); dotted for nested fields (default: text)",
    },
    id={"type": "string", "minLength": 1, "description": "field holding the document id (default: id)"},
    url={"type": "string", "minLength": 1, "description": "field holding the URL, to meta url (default: url)"},
    media_type={
        "type": "string",
        "pattern": "^[a-z]+/[a-z0-9.+-]+$",
        "description": "media type of the content (default: sniffed from the content)",
    },
    media_type_field={
        "type": "string",
        "minLength": 1,
        "description": "field holding each line's media type, overriding media_type",
    },
    meta={
        "type": "object",
        "additionalProperties": {"type": "string", "minLength": 1},
        "description": "document metadata from fields: { title = 'headline', published = 'date' }",
    },
    line_ids={
        "type": "boolean",
        "description": "ids from file name and line number (name-L12) instead of an id field",
    },
)


class JsonlSource:
    """One document per line of JSON Lines files (files, directories, globs, .gz, stdin)."""

    def __init__(
        self,
        content: str = "text",
        id: str = "id",  # the config key users write
        url: str = "url",
        media_type: str | None = None,
        media_type_field: str | None = None,
        meta: Mapping[str, str] | None = None,
        line_ids: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        include_hidden: bool = False,
    ) -> None:
        self.content = content
        self.id_field = id
        self.url = url
        self.media_type = media_type
        self.media_type_field = media_type_field
        self.meta = dict(meta or {})
        self.line_ids = line_ids
        self.max_bytes = max_bytes
        self.include_hidden = include_hidden
        self._content, self._id, self._url = _path(content), _path(id), _path(url)
        self._media_type = _path(media_type_field) if media_type_field else None
        self._meta = {key: _path(field) for key, field in self.meta.items()}

    def read(self, inputs: Iterable[str]) -> Iterator[RawInput]:
        return read_each(inputs, self._lines, self.include_hidden)

    def _lines(self, found: InputFile) -> Iterator[RawInput]:
        number = 0
        try:
            fh = found.open()
            try:
                while True:
                    line = fh.readline(self.max_bytes + 1)
                    if not line:
                        return
                    number += 1
                    if len(line) > self.max_bytes and not line.endswith(b"\n"):
                        yield self._failed(found, number, f"line longer than the limit of {self.max_bytes} bytes")
                        while line and not line.endswith(b"\n"):  # skip the rest of it
                            line = fh.readline(self.max_bytes + 1)
                        continue
                    if line.strip():
                        yield self._document(found, number, line)
            finally:
                if found.path is not None:
                    fh.close()
        except (OSError, EOFError, zlib.error) as exc:
            yield self._failed(found, number + 1, f"cannot read: {exc}")

    def _document(self, found: InputFile, number: int, line: bytes) -> RawInput:
        try:
            record = json.loads(line)
        except ValueError as exc:
            return self._failed(found, number, f"not JSON: {exc}")
        if not isinstance(record, dict):
            return self._failed(found, number, f"a JSON {type(record).__name__}, not an object")
        doc_id = self._line_id(found, number) if self.line_ids else _field(record, self._id)
        if doc_id is None or isinstance(doc_id, dict | list) or str(doc_id) == "":
            return self._failed(found, number, f"no {self.id_field!r} field holding an id (set line_ids = true?)")
        uri = f"{found.uri}#L{number}"
        content = _field(record, self._content)
        if not isinstance(content, str):
            problem = "no" if content is None else f"a {type(content).__name__} in the"
            return RawInput(id=str(doc_id), uri=uri, error=f"{problem} {self.content!r} field holding the document")
        meta: dict[str, Any] = {}
        url = _field(record, self._url)
        if isinstance(url, str) and url:
            meta["url"] = url
        for key, field in self._meta.items():
            value = _field(record, field)
            if value is not None:
                meta[key] = value
        media_type = self.media_type
        if self._media_type:
            found_type = _field(record, self._media_type)
            if isinstance(found_type, str) and found_type:
                media_type = found_type.split(";", 1)[0].strip().lower()
        return RawInput(id=str(doc_id), uri=uri, data=content.encode("utf-8"), media_type=media_type, meta=meta)

    def _line_id(self, found: InputFile, number: int) -> str:
        return f"{found.id}-L{number}"

    def _failed(self, found: InputFile, number: int, problem: str) -> RawInput:
        uri = f"{found.uri}#L{number}"
        return RawInput(id=self._line_id(found, number), uri=uri, error=f"line {number}: {problem}")


def _path(field: str) -> tuple[str, ...]:
    return tuple(field.split("."))


def _field(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    """The value at a dotted field name, split (``("page", "html")``), or None."""
    value: Any = record
    for part in path:
        if type(value) is not dict:
            return None
        value = value.get(part)
    return value


@copydesk.hookimpl
def copydesk_register_sources(register: Register) -> None:
    register(
        "jsonl.lines",
        JsonlSource,
        config_schema=SOURCE_SCHEMA,
        description="one document per line of JSON Lines files; fields for content, id and URL configurable",
    )
