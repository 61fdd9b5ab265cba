"""MkDocs hook: list every plugin page (docs/plugins/*.md) under Reference in the site nav.

Each plugin's docs live in plugins/<name>/README.md, linked as docs/plugins/<name>.md; with
this hook a new plugin's page appears in the site without editing mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SECTION = "Reference"


def on_config(config: Any) -> Any:
    docs = Path(config["docs_dir"])
    pages = [{f"Plugin: {page.stem}": f"plugins/{page.name}"} for page in sorted((docs / "plugins").glob("*.md"))]
    for entry in config["nav"]:
        if isinstance(entry, dict) and SECTION in entry:
            entry[SECTION] = [*entry[SECTION], *pages]
            return config
    raise ValueError(f"mkdocs.yml nav has no {SECTION!r} section for the plugin pages")
