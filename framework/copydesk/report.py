"""The run report: one self-contained HTML page showing what a pipeline did.

A :class:`RunReport` observes a run outcome by outcome (``run_pipeline(on_outcome=...)``)
and writes a static page with no network access at all: styles and script are inlined
from ``report_page/``, the data is embedded as JSON. Each document's data sits in its own
``<script type="application/json">`` element that the page parses only when the document
is opened, so a report of thousands of documents opens as fast as its list.

The page shows record fields, not the document model: ``text``, ``removed`` (with ``at``,
where a block stood in ``text``), ``quotes`` and ``speakers`` when a record has them, and
any other top-level scalar field as metadata. Nothing here knows about news beyond those
field names, which are the article record's.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import IO, Any

from copydesk.runner import WRITTEN, Outcome, RunSummary

#: Record fields the page draws itself; other scalar fields are listed as metadata.
DRAWN_FIELDS = ("text", "removed", "quotes", "speakers")
#: Record fields the page shows elsewhere (title as the heading) or that say nothing about the content.
SKIPPED_FIELDS = ("id", "source", "pipeline", "title")


def embed_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_part(name: str) -> str:
    return resources.files("copydesk").joinpath("report_page", name).read_text("utf-8")


class RunReport:
    """Collects outcomes as a run goes; :meth:`write` turns them into the HTML page.

    Documents are spooled to a temporary file as they arrive, so memory stays flat however
    long the run; only a short index entry per document is kept in memory.
    """

    def __init__(self, title: str = "copydesk run report") -> None:
        self.title = title
        self.summary: RunSummary | None = None
        self._index: list[dict[str, Any]] = []
        # Lives as long as the report (closed by close()), so no context manager.
        self._documents: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def add(self, outcome: Outcome, summary: RunSummary | None = None) -> None:
        """Take one input's outcome; fits ``run_pipeline(on_outcome=report.add)``.

        The run's `summary` is kept, so a run that stops on an error can still be reported.
        """
        if summary is not None:
            self.summary = summary
        entry: dict[str, Any] = {"id": outcome.id, "uri": outcome.uri, "status": outcome.status}
        data: dict[str, Any] = {**entry, "seconds": {k: round(v, 6) for k, v in outcome.seconds.items()}}
        if outcome.failures:
            data["failures"] = [f.describe() for f in outcome.failures]
        if outcome.status == WRITTEN and outcome.line is not None:
            record = json.loads(outcome.line)
            title = record.get("title")
            if isinstance(title, str) and title:
                entry["title"] = title
            data["record"] = {k: record[k] for k in DRAWN_FIELDS if k in record}
            data["fields"] = _scalar_fields(record)
        else:
            entry["step"], entry["reason"] = outcome.step, outcome.reason
            data.update(step=outcome.step, reason=outcome.reason)
        number = len(self._index)
        self._index.append(entry)
        self._documents.write(f'<script type="application/json" id="d{number}">{embed_json(data)}</script>\n')

    def write(self, path: str | os.PathLike[str], summary: RunSummary | None = None) -> Path:
        """Write the page to `path` (atomically: a ``.partial`` file renamed at the end).

        `summary` defaults to the one the outcomes came with.
        """
        summary = summary or self.summary or RunSummary(pipeline="")
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        head, tail = _page_part("page.html").split("<!-- documents -->")
        parts = {
            "title": html.escape(self.title),
            "style": _page_part("report.css"),
            "script": _page_part("report.js"),
            "summary": embed_json({"title": self.title, **summary.as_dict()}),
            "index": embed_json(self._index),
        }
        with partial.open("w", encoding="utf-8") as out:
            out.write(_fill(head, parts))
            self._documents.seek(0)
            for line in self._documents:
                out.write(line)
            self._documents.seek(0, os.SEEK_END)
            out.write(_fill(tail, parts))
        os.replace(partial, target)
        return target

    def close(self) -> None:
        self._documents.close()


def _scalar_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """Top-level fields worth a line each: strings, numbers, and lists of them."""
    fields: dict[str, Any] = {}
    for key, value in record.items():
        if key in DRAWN_FIELDS or key in SKIPPED_FIELDS or value is None or value == []:
            continue
        if isinstance(value, str | int | float | bool):
            fields[key] = value
        elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            fields[key] = ", ".join(str(v) for v in value)
    return fields


_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _fill(template: str, parts: Mapping[str, str]) -> str:
    """Replace ``{{name}}`` placeholders in one pass, so inserted text is never re-read."""
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], template)
