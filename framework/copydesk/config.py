"""Pipeline configs: TOML read, checked against ``pipeline.schema.json``, problems located.

Every problem is reported with its place in the config (``steps[2] (quotes.attribute)
with.verbs``) and the line it is on, so a user can go straight to it.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema

from copydesk.errors import ConfigError

ON_ERROR = ("raise", "skip", "keep")


@cache
def pipeline_schema() -> dict[str, Any]:
    """The JSON Schema every pipeline config is checked against."""
    text = resources.files("copydesk").joinpath("schemas/pipeline.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\" ]+?)\s*=")
_INLINE_KEY = re.compile(r"([A-Za-z0-9_\-]+)\s*=")


class TomlLocator:
    """Maps places in a TOML document (``("steps", 2, "with", "rules")``) to line numbers.

    tomllib gives values, not positions; this reads the lines once, following table
    headers, array-of-tables counts, dotted keys and keys inside inline tables.
    """

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                parts = tuple(p.strip().strip('"') for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    index = counts.get(parts, 0)
                    counts[parts] = index + 1
                    table = (*parts, index)
                else:
                    table = self._resolve(parts, counts)
                self.lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                parts = tuple(p.strip().strip('"') for p in key.group(1).split("."))
                place = (*table, *parts)
                self.lines.setdefault(place, number)
                rest = line[key.end() :]
                if "{" in rest:
                    for inner in _INLINE_KEY.finditer(rest):
                        self.lines.setdefault((*place, inner.group(1)), number)

    @staticmethod
    def _resolve(parts: tuple[str, ...], counts: dict[tuple[str | int, ...], int]) -> tuple[str | int, ...]:
        # [steps.with] after [[steps]] refers to the latest steps entry
        for cut in range(len(parts), 0, -1):
            prefix = parts[:cut]
            if prefix in counts:
                return (*prefix, counts[prefix] - 1, *parts[cut:])
        return parts

    def line_of(self, place: Sequence[str | int]) -> int | None:
        path = tuple(place)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


@attrs.frozen
class PipelineConfig:
    """A pipeline config as read: the TOML data, and where it came from."""

    data: Mapping[str, Any]
    source: str
    text: str = attrs.field(repr=False)
    #: Set by the user (``--allow-local-plugins``), never by the config itself.
    allow_local_plugins: bool = False

    @property
    def local_plugins(self) -> dict[str, str]:
        """Plugins loaded from a file path (``[pipeline] local_plugins``), by name."""
        return dict(self.data.get("pipeline", {}).get("local_plugins", {}))

    @property
    def name(self) -> str:
        return str(self.data.get("pipeline", {}).get("name", ""))

    @property
    def plugins(self) -> list[str]:
        return list(self.data.get("pipeline", {}).get("plugins", []))

    @property
    def steps(self) -> list[Mapping[str, Any]]:
        return list(self.data.get("steps", []))

    @property
    def output(self) -> Mapping[str, Any]:
        return dict(self.data.get("output", {}))

    @property
    def input(self) -> Mapping[str, Any]:
        return dict(self.data.get("input", {}))

    @property
    def run(self) -> Mapping[str, Any]:
        return dict(self.data.get("run", {}))

    @property
    def on_error(self) -> str:
        return str(self.data.get("pipeline", {}).get("on_error", "skip"))

    def locate(self, place: Sequence[str | int]) -> str:
        """``path:line`` for a place in this config (just the path if the line is unknown)."""
        line = TomlLocator(self.text).line_of(place)
        return f"{self.source}:{line}" if line else self.source

    def problem(self, place: Sequence[str | int], message: str) -> str:
        return f"{self.locate(place)}: {describe_place(self.data, place)}: {message}"


def describe_place(data: Mapping[str, Any], place: Sequence[str | int]) -> str:
    """``steps[2] (quotes.attribute) with.verbs`` for ``("steps", 2, "with", "verbs")``."""
    if not place:
        return "(top level)"
    head = str(place[0])
    rest = list(place[1:])
    node = data.get(str(place[0])) if isinstance(data, Mapping) else None
    first = rest[0] if rest else None
    if isinstance(first, int):
        index = first
        rest.pop(0)
        head += f"[{index}]"
        node = node[index] if isinstance(node, list) and 0 <= index < len(node) else None
    if rest and isinstance(node, Mapping) and isinstance(node.get("use"), str):
        head += f" ({node['use']})"
    tail = ""
    for part in rest:
        tail += f"[{part}]" if isinstance(part, int) else (f".{part}" if tail else str(part))
    return f"{head} {tail}" if tail else head


def read_config(path: str | Path) -> PipelineConfig:
    """Read and check a config file against the pipeline schema (not yet against plugins)."""
    source = str(path)
    p = Path(path)
    if p.is_dir():
        raise ConfigError(source, ["is a directory; give the path of a pipeline TOML file"])
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(source, ["no such file"]) from None
    except OSError as exc:
        raise ConfigError(source, [f"cannot read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(source, [f"not UTF-8 text (byte {exc.start}); TOML files are UTF-8"]) from None
    return parse_config(text, source)


def parse_config(text: str, source: str = "<config>") -> PipelineConfig:
    """Parse TOML text and check it against the pipeline schema."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, [f"not valid TOML: {exc}"]) from None
    config = PipelineConfig(data=data, source=source, text=text)
    problems = schema_problems(config, pipeline_schema(), data, ())
    if problems:
        raise ConfigError(source, problems)
    return config


def schema_problems(
    config: PipelineConfig, schema: Mapping[str, Any], instance: Any, place: Sequence[str | int]
) -> list[str]:
    """Every way `instance` (found at `place` in `config`) breaks `schema`, located."""
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        where = (*place, *error.absolute_path)
        problems.append(config.problem(where, _explain(error)))
    return problems


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties" and isinstance(error.schema, Mapping):
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, Mapping) else []
        names = ", ".join(repr(e) for e in extra)
        return f"unknown key {names}; allowed: {', '.join(allowed) or 'none'}"
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is required")
    return str(error.message)


def closest(name: str, choices: Iterable[str]) -> str:
    """`, did you mean 'x'?` when one of `choices` is close to `name`."""
    import difflib

    match = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""
