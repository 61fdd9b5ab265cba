"""The docs say what the code does: hooks, CLI options, config keys, examples, links."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest

from copydesk import build_pipeline, hookspecs, parse_config
from copydesk.cli import main
from copydesk.config import pipeline_schema
from copydesk.plugins import available_plugins

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def hookspec_signatures() -> dict[str, str]:
    found = {}
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("copydesk_"):
            sig = inspect.signature(fn)
            params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
            found[name] = f"def {name}({params}) -> {sig.return_annotation}"
    return found


def test_hook_reference_matches_the_hookspecs():
    page = (DOCS / "hooks.md").read_text("utf-8")
    documented = set(re.findall(r"^### (copydesk_\w+)$", page, re.M))
    specs = hookspec_signatures()
    assert documented == set(specs), "docs/hooks.md and hookspecs.py list different hooks"
    for name, signature in specs.items():
        assert f"```python\n{signature}\n```" in page, f"docs/hooks.md has a stale signature for {name}"


def test_every_hookspec_is_documented_in_code_too():
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("copydesk_"):
            doc = fn.__doc__ or ""
            assert "Called" in doc, f"{name} must say when it is called"


def test_cli_reference_lists_every_command_and_option():
    page = (DOCS / "cli.md").read_text("utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"## `copydesk {name}" in page, f"docs/cli.md lacks command {name}"
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--"):
                        assert opt in page, f"docs/cli.md lacks {opt} of {name}"


def test_configuration_reference_lists_every_key():
    page = (DOCS / "configuration.md").read_text("utf-8")
    schema = pipeline_schema()
    for table, spec in schema["properties"].items():
        heading = f"## `[[{table}]]`" if spec.get("type") == "array" else f"## `[{table}]`"
        assert heading in page, f"docs/configuration.md lacks {heading}"
        keys = spec.get("items", spec).get("properties", {})
        for key in keys:
            assert f"| `{key}` |" in page, f"docs/configuration.md lacks key {table}.{key}"


def pipeline_examples() -> list[tuple[str, str]]:
    examples = []
    for page in PAGES:
        for lang, body in FENCE.findall(page.read_text("utf-8")):
            if lang == "toml" and "[pipeline]" in body:
                examples.append((str(page.relative_to(ROOT)), body))
    return examples


@pytest.mark.parametrize(("page", "toml"), pipeline_examples())
def test_pipeline_examples_in_the_docs_are_valid(page: str, toml: str):
    config = parse_config(toml, source=page)
    if set(config.plugins) <= set(available_plugins()):
        build_pipeline(config)


def test_python_examples_in_the_docs_compile():
    for page in PAGES:
        for lang, body in FENCE.findall(page.read_text("utf-8")):
            if lang == "python" and not re.fullmatch(r"def \w+\(.*\) -> .+\n", body):
                compile(body, str(page), "exec")


def test_links_between_pages_resolve():
    for page in [*PAGES, ROOT / "README.md"]:
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", page.read_text("utf-8")):
            assert (page.parent / target).resolve().exists(), f"{page.relative_to(ROOT)} links to missing {target}"


def test_every_plugin_has_a_docs_page():
    for project in sorted((ROOT / "plugins").glob("*/pyproject.toml")):
        name = project.parent.name
        assert (DOCS / "plugins" / f"{name}.md").exists(), f"docs/plugins/{name}.md is missing"
