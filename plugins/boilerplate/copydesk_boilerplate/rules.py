"""The rule registry: every rule by name, in the default order.

Order matters: markup rules first (main content, then marked furniture and link lists),
then wording rules, then the rules that read earlier verdicts (comments after the end of
the article) and the duplicate rule.
"""

from __future__ import annotations

from copydesk_boilerplate.furniture import LinkLists, MarkedFurniture, MarkedMetadata
from copydesk_boilerplate.lines import (
    Advertisement,
    BareUrl,
    Byline,
    CaptionLine,
    ClickHere,
    CookieBanner,
    Footer,
    Newsletter,
    RelatedLinks,
    ShareBar,
    Timestamp,
)
from copydesk_boilerplate.main_content import MainContent
from copydesk_boilerplate.page import BoilerplateRule
from copydesk_boilerplate.repeats import Comments, Duplicate

RULES: dict[str, type[BoilerplateRule]] = {
    rule.name: rule
    for rule in (
        MainContent,
        MarkedFurniture,
        MarkedMetadata,
        LinkLists,
        ShareBar,
        Newsletter,
        ClickHere,
        RelatedLinks,
        Byline,
        Timestamp,
        Advertisement,
        BareUrl,
        CaptionLine,
        CookieBanner,
        Footer,
        Comments,
        Duplicate,
    )
}

DEFAULT_RULES: tuple[str, ...] = tuple(RULES)
