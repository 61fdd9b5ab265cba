"""The plugin README (docs/plugins/boilerplate.md) documents every rule, with an example."""

from __future__ import annotations

import re
from pathlib import Path

from copydesk_boilerplate import RULES

DOC = Path(__file__).resolve().parents[1] / "README.md"


def test_every_rule_has_a_section_with_an_example() -> None:
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^### |^## |\Z)", DOC.read_text("utf-8"), re.M | re.S))
    assert set(sections) == set(RULES)
    for name, text in sections.items():
        assert "Example" in text, f"the section on {name} has no example"
