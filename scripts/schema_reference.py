"""Render schemas/article.schema.json as the docs page docs/reference/record-schema.md.

The page is generated, never edited: ``python scripts/schema_reference.py`` (``make docs``)
writes it, and tests/test_docs.py fails when the committed page differs from what this
renders, so the reference cannot drift from the schema.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "article.schema.json"
PAGE = ROOT / "docs" / "reference" / "record-schema.md"

Schema = Mapping[str, Any]


def resolve(schema: Schema, root: Schema) -> Schema:
    """Follow a local ``$ref`` (``#/$defs/name``)."""
    ref = schema.get("$ref")
    if not isinstance(ref, str):
        return schema
    target: Any = root
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return resolve(target, root)


def type_of(schema: Schema, root: Schema) -> str:
    """A short, human reading of what values a schema allows."""
    schema = resolve(schema, root)
    if "enum" in schema:
        return "one of " + ", ".join(f"`{json.dumps(v)}`" for v in schema["enum"])
    if "oneOf" in schema:
        return " or ".join(type_of(option, root) for option in schema["oneOf"])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return " or ".join(type_of({**schema, "type": kind}, root) for kind in kinds)
    if kinds == "array":
        if "prefixItems" in schema:
            return "[" + ", ".join(type_of(item, root) for item in schema["prefixItems"]) + "]"
        return "array of " + type_of(schema.get("items", {}), root)
    if kinds == "object" and isinstance(schema.get("additionalProperties"), Mapping):
        return "object of " + type_of(schema["additionalProperties"], root)
    return str(kinds or "any value")


def note(schema: Schema, root: Schema) -> str:
    schema = resolve(schema, root)
    words = [str(schema.get("description", ""))]
    if "pattern" in schema:
        words.append(f"Pattern: `{schema['pattern']}`.")
    if "minimum" in schema and "maximum" in schema:
        words.append(f"From {schema['minimum']} to {schema['maximum']}.")
    elif "minimum" in schema:
        words.append(f"At least {schema['minimum']}.")
    if schema.get("minLength") == 1:
        words.append("Not empty.")
    return " ".join(w for w in words if w).replace("|", "\\|").replace("\n", " ")


def nested(schema: Schema, root: Schema) -> Iterator[tuple[str, Schema]]:
    """The object schemas inside `schema` that have fields of their own, with a path suffix."""
    schema = resolve(schema, root)
    if "properties" in schema:
        yield "", schema
    if schema.get("type") == "array" and "items" in schema:
        for suffix, inner in nested(schema["items"], root):
            yield "[]" + suffix, inner
    for option in schema.get("oneOf", ()):
        yield from nested(option, root)


def sections(path: str, schema: Schema, root: Schema) -> Iterator[str]:
    required = set(schema.get("required", ()))
    lines = [f"## `{path}`", ""]
    if path != "record" and schema.get("description"):
        lines += [str(schema["description"]), ""]
    lines += ["| field | type | required | meaning |", "|---|---|---|---|"]
    children: list[tuple[str, Schema]] = []
    for name, field in schema["properties"].items():
        flag = "yes" if name in required else "no"
        lines.append(f"| `{name}` | {type_of(field, root)} | {flag} | {note(field, root)} |")
        for suffix, inner in nested(field, root):
            children.append((f"{name}{suffix}" if path == "record" else f"{path}.{name}{suffix}", inner))
    if schema.get("additionalProperties") is False:
        lines += ["", "No other field is allowed" + (" unless a plugin declares it." if path == "record" else "."), ""]
    else:
        lines.append("")
    yield "\n".join(lines)
    for child_path, child in children:
        yield from sections(child_path, child, root)


def render(schema: Schema) -> str:
    head = [
        "# Record schema",
        "",
        "<!-- Generated from schemas/article.schema.json by scripts/schema_reference.py; do not edit. -->",
        "",
        f"`{schema['$id']}` · JSON Schema 2020-12 · file `schemas/article.schema.json`",
        "",
        str(schema.get("description", "")),
        "",
        "Plugins may add fields they declare (`copydesk_record_schema`); `copydesk schema CONFIG`",
        "prints the schema with them merged in. This page is generated from the schema file by",
        "`scripts/schema_reference.py` (`make docs`), and a test fails when they disagree.",
        "",
    ]
    return "\n".join([*head, *sections("record", schema, schema)])


def main(argv: list[str]) -> int:
    text = render(json.loads(SCHEMA.read_text("utf-8")))
    if "--check" in argv:
        if PAGE.read_text("utf-8") != text:
            print(f"{PAGE} is stale: run python scripts/schema_reference.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
