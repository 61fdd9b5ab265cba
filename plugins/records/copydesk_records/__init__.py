"""copydesk ``records`` plugin: article records, validated, written as JSON Lines."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import copydesk
from copydesk import Document, JsonlFile, Register, RunInfo
from copydesk_records.article import DEFAULT_BODY_KINDS, build_article

__version__ = "0.1.0"

DEFAULT_PATH = "out/articles.jsonl"


def article_schema() -> dict[str, Any]:
    """The article record schema (also at ``schemas/article.schema.json`` in the repository)."""
    schema: dict[str, Any] = json.loads(
        resources.files("copydesk_records").joinpath("article.schema.json").read_text("utf-8")
    )
    return schema


class JsonlSink:
    """Writes one article record per line, atomically (see ``copydesk.JsonlFile``)."""

    def __init__(self, path: str = DEFAULT_PATH, body_kinds: list[str] | None = None) -> None:
        self._path = path
        self.body_kinds = tuple(body_kinds or DEFAULT_BODY_KINDS)
        self._file: JsonlFile | None = None

    @property
    def path(self) -> str:
        return self._path

    def build(self, doc: Document, run: RunInfo) -> dict[str, Any]:
        return build_article(doc, run, self.body_kinds)

    def open(self, path: str | None, resume: bool) -> set[str]:
        if path:
            self._path = path
        self._file = JsonlFile(self._path)
        return self._file.open(resume)

    def write(self, doc_id: str, line: bytes) -> None:
        assert self._file is not None, "sink not open"
        self._file.write_line(line)

    def close(self, complete: bool) -> None:
        if self._file is not None:
            self._file.close(commit=complete)

    def __getstate__(self) -> dict[str, Any]:
        return {"_path": self._path, "body_kinds": self.body_kinds, "_file": None}


SINK_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "path": {"type": "string", "minLength": 1, "description": "The records file; `-o` overrides it."},
        "body_kinds": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 1,
            "description": f"Block kinds that make the body (default: {', '.join(DEFAULT_BODY_KINDS)}).",
        },
    },
}


@copydesk.hookimpl
def copydesk_register_sinks(register: Register) -> None:
    register(
        "records.jsonl",
        JsonlSink,
        config_schema=SINK_SCHEMA,
        description="article records as JSON Lines, written atomically",
        record_schema=article_schema(),
    )
