"""copydesk ``boilerplate`` plugin: one step, ``boilerplate.strip``, made of named rules.

Each rule (see :mod:`copydesk_boilerplate.rules`) finds one kind of page furniture and
labels those blocks with a reason; nothing is deleted from the document. Rules run in the
configured order and see the verdicts of the rules before them.
"""

from __future__ import annotations

from collections.abc import Sequence

import copydesk
from copydesk import Document, Register, StepContext
from copydesk_boilerplate.page import BoilerplateRule, Page, Verdict
from copydesk_boilerplate.rules import DEFAULT_RULES, RULES

try:  # the spans made in C, built with the plugin where a C compiler was at hand
    from copydesk_boilerplate.removals import removal_spans
except ImportError:
    from copydesk_boilerplate.page import removal_spans

__version__ = "0.1.0"

__all__ = ["DEFAULT_RULES", "RULES", "BoilerplateRule", "Page", "StripBoilerplate", "Verdict"]


class StripBoilerplate:
    """Runs the configured rules over a document and records one removal per labelled block."""

    def __init__(self, rules: Sequence[str] = DEFAULT_RULES) -> None:
        self.rule_names = tuple(rules)
        self.rules: tuple[BoilerplateRule, ...] = tuple(RULES[name]() for name in self.rule_names)

    def setup(self) -> None:
        """Load what rules read from data files (dateparser's locale words) once per process."""
        for rule in self.rules:
            setup = getattr(rule, "setup", None)
            if callable(setup):
                setup()

    def __reduce__(self) -> tuple[type[StripBoilerplate], tuple[tuple[str, ...]]]:
        return (StripBoilerplate, (self.rule_names,))

    def label(self, doc: Document) -> Page:
        """The page with every rule's verdicts (for tests and tools that want them without a run)."""
        page = Page(doc)
        for rule in self.rules:
            for verdict in list(rule.find(page)):
                page.removed.setdefault(verdict.index, verdict)
        return page

    def __call__(self, doc: Document, ctx: StepContext) -> Document:
        page = self.label(doc)
        by = ctx.step if ctx is not None else "boilerplate.strip"
        return doc.with_spans(removal_spans(page, by))


@copydesk.hookimpl
def copydesk_register_steps(register: Register) -> None:
    register(
        "boilerplate.strip",
        StripBoilerplate,
        config_schema={
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "rules": {
                    "type": "array",
                    "items": {"enum": list(RULES)},
                    "uniqueItems": True,
                    "description": "The rules to run, in order (default: all, in the documented order).",
                }
            },
        },
        description="label page furniture (share bars, related links, promos, bylines, comments, ...) with a reason",
    )
