"""The docs say what the code does: hooks, CLI options, config keys, examples, links."""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from copydesk import build_pipeline, hookspecs, parse_config
from copydesk.cli import main
from copydesk.config import pipeline_schema
from copydesk.plugins import available_plugins

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
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
    page = (REFERENCE / "hooks.md").read_text("utf-8")
    documented = set(re.findall(r"^### (copydesk_\w+)$", page, re.M))
    specs = hookspec_signatures()
    assert documented == set(specs), "docs/reference/hooks.md and hookspecs.py list different hooks"
    for name, signature in specs.items():
        assert f"```python\n{signature}\n```" in page, f"docs/reference/hooks.md has a stale signature for {name}"


def test_every_hookspec_is_documented_in_code_too():
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("copydesk_"):
            doc = fn.__doc__ or ""
            assert "Called" in doc, f"{name} must say when it is called"


def test_cli_reference_lists_every_command_and_option():
    page = (REFERENCE / "cli.md").read_text("utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"## `copydesk {name}" in page, f"docs/reference/cli.md lacks command {name}"
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--"):
                        assert opt in page, f"docs/reference/cli.md lacks {opt} of {name}"


def test_configuration_reference_lists_every_key():
    page = (REFERENCE / "configuration.md").read_text("utf-8")
    schema = pipeline_schema()
    for table, spec in schema["properties"].items():
        heading = f"## `[[{table}]]`" if spec.get("type") == "array" else f"## `[{table}]`"
        assert heading in page, f"docs/reference/configuration.md lacks {heading}"
        keys = spec.get("items", spec).get("properties", {})
        for key in keys:
            assert f"| `{key}` |" in page, f"docs/reference/configuration.md lacks key {table}.{key}"


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


def test_record_schema_reference_is_generated_from_the_schema():
    spec = importlib.util.spec_from_file_location("schema_reference", ROOT / "scripts" / "schema_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))
    page = (REFERENCE / "record-schema.md").read_text("utf-8")
    assert page == module.render(schema), "docs/reference/record-schema.md is stale: run python scripts/schema_reference.py"
    for name in schema["properties"]:
        assert f"| `{name}` |" in page


def test_the_docs_site_builds_strictly(tmp_path: Path):
    """mkdocs --strict fails on a broken link or anchor, and on a page missing from the nav.

    Not --quiet: mkdocs then stops counting warnings, and --strict lets everything pass.
    """
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html")}
    for page in PAGES:
        relative = page.relative_to(DOCS).with_suffix("").as_posix()
        expected = "index.html" if relative == "index" else f"{relative}/index.html"
        assert expected in built, f"{page.relative_to(ROOT)} is not in the site"


def test_the_docs_home_page_links_every_page():
    """docs/index.md is the map of the docs: a page it does not link is a page nobody finds."""
    index = DOCS / "index.md"
    linked = {(DOCS / target).resolve() for target in re.findall(r"\]\(([^)#:]+\.md)", index.read_text("utf-8"))}
    for page in PAGES:
        if page != index:
            assert page.resolve() in linked, f"docs/index.md does not link {page.relative_to(DOCS)}"
