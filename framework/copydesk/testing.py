"""``copydesk.testing``: pytest fixtures for plugin authors (entry point ``pytest11``).

- ``make_document``: build a parsed :class:`~copydesk.Document` from text and blocks.
- ``run_pipeline_toml``: run a pipeline written as TOML text over files, get the records.
- ``copydesk_plugin``: register a plugin object (a module or class with hookimpls) for
  one test, without installing it.
- ``hook_calls``: record every hook call of a run made with ``run_pipeline_toml``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import pluggy
import pytest

from copydesk.config import parse_config
from copydesk.model import Block, Document, SourceInfo
from copydesk.pipeline import build_pipeline
from copydesk.runner import RunSummary, rejects_path, run_pipeline


def make_document(
    text: str,
    *,
    doc_id: str = "doc",
    blocks: Sequence[tuple[int, int, str]] | Literal["paragraphs", "lines"] | None = "paragraphs",
    media_type: str = "text/plain",
    meta: dict[str, Any] | None = None,
) -> Document:
    """A parsed document.

    `blocks` gives (start, end, kind) triples, or says how to find paragraph blocks:
    ``"paragraphs"`` or None (chunks between blank lines) or ``"lines"`` (each non-blank line).
    """
    if blocks is None or isinstance(blocks, str):
        separator = "\n" if blocks == "lines" else "\n\n"
        found: list[tuple[int, int, str]] = []
        offset = 0
        for chunk in text.split(separator):
            stripped = chunk.strip()
            if stripped:
                start = offset + chunk.index(stripped)
                found.append((start, start + len(stripped), "paragraph"))
            offset += len(chunk) + len(separator)
        blocks = found
    return Document(
        id=doc_id,
        source=SourceInfo(
            uri=f"test://{doc_id}", media_type=media_type, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
        ),
        text=text,
        parsed_by="test",
        blocks=[Block(s, e, kind, provenance=f"test block {i}") for i, (s, e, kind) in enumerate(blocks)],
        meta=meta or {},
    )


@attrs.frozen
class PipelineResult:
    """What a test run produced: the summary, the records and the rejects, parsed."""

    summary: RunSummary
    records: list[dict[str, Any]]
    rejects: list[dict[str, Any]]


class HookCalls:
    """Every hook call of a run, as ``(hook name, kwargs)``, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def attach(self, pm: pluggy.PluginManager) -> None:
        def before(name: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
            self.calls.append((name, dict(kwargs)))

        def after(
            outcome: pluggy.Result[Any], name: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
        ) -> None:
            return None

        pm.add_hookcall_monitoring(before, after)

    def named(self, name: str) -> list[dict[str, Any]]:
        return [kwargs for hook, kwargs in self.calls if hook == name]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture
def copydesk_plugin() -> Iterator[Callable[[str, object], None]]:
    """Call ``copydesk_plugin(name, obj)`` to make `obj` available as plugin `name` in this test."""
    registered: list[tuple[str, object]] = []
    _EXTRA.append(registered)
    yield lambda name, obj: registered.append((name, obj))
    _EXTRA.remove(registered)


_EXTRA: list[list[tuple[str, object]]] = []


@pytest.fixture
def hook_calls() -> HookCalls:
    return HookCalls()


@pytest.fixture
def run_pipeline_toml(tmp_path: Path, request: pytest.FixtureRequest) -> Callable[..., PipelineResult]:
    """Run TOML text over `inputs`; records go to a temporary folder unless the TOML says otherwise."""

    def run(
        toml: str, inputs: Sequence[str | Path], *, output: str | Path | None = None, **kwargs: Any
    ) -> PipelineResult:
        extra = [pair for group in _EXTRA for pair in group]
        config = parse_config(toml, source="<test pipeline>")
        pipeline = build_pipeline(config, extra_plugins=extra)
        if "hook_calls" in request.fixturenames:
            request.getfixturevalue("hook_calls").attach(pipeline.host.pm)
        out = Path(output) if output else tmp_path / "out" / "records.jsonl"
        summary = run_pipeline(pipeline, [str(i) for i in inputs], output=str(out), extra_plugins=extra, **kwargs)
        return PipelineResult(summary, _read_jsonl(out), _read_jsonl(rejects_path(out)))

    return run


__all__ = ["HookCalls", "PipelineResult", "make_document"]
