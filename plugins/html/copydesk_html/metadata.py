"""Article metadata of a page: title, authors, publisher, published date, url, language.

Sources, most specific first: JSON-LD ``NewsArticle``/``Article`` objects, OpenGraph and
``article:*`` meta tags, other common ``<meta>`` names, ``<link rel=canonical>``, the
``<html lang>`` attribute, ``<time datetime>`` elements and byline elements, ``<title>``.
Dates that are not ISO 8601 are read with dateparser (a well-kept library) rather than
with hand-written patterns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any, NamedTuple

#: JSON-LD ``@type`` values that describe an article.
ARTICLE_TYPES = frozenset(
    [
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "TechArticle",
        "Report",
        "WebPage",
    ]
)

#: Longest text read as a date by dateparser (longer strings are not dates).
MAX_DATE_TEXT = 80

#: Class names of byline elements, looked for when the page's metadata names no author.
_BYLINE_CLASS = re.compile("[Bb]yline|[Aa]uthor")

#: How many byline-class elements are read for author names.
MAX_BYLINE_ELEMENTS = 5


#: The elements metadata is read from, collected in one pass over the tree.
_METADATA_TAGS = ("meta", "script", "time", "link", "h1", "title")

#: Longest text of a byline element read for author names.
MAX_BYLINE_CHARS = 80
_BY_PREFIX = re.compile(r"^\s*(?:written\s+|posted\s+|reported\s+)?by\s*:?\s+", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*")


@cache
def _dateparser() -> Any:
    import dateparser

    return dateparser


#: Month names and abbreviations in English, the language of the standard date forms below.
_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTHS = {name: number for number, month in enumerate(_MONTH_NAMES, start=1) for name in (month, month[:3])}
#: RFC 5322 / HTTP dates: "Tue, 19 Nov 2019 03:05:46 +0000", "19 Nov 2019 07:09 GMT".
_MAIL_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?"
    r" (?:GMT|UTC|([+-])(\d{2})([0-5]\d))"
)
#: ISO 8601 with the zone written as a name: "2019-11-18 17:19:53 GMT".
_ISO_NAMED_UTC = re.compile(r"(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?) ?(?:GMT|UTC)")
#: English dates in words without a zone: "November 19, 2019", "Nov 20, 2019 12:32".
_WORDY_DATE = re.compile(r"([A-Z][a-z]{2,8}) (\d{1,2}), (\d{4})(?: (\d{2}):(\d{2}))?")


def standard_date(value: str) -> datetime | None:
    """The date of `value` when it is in one of three common machine-written forms (mail and HTTP
    dates, ISO 8601 with a "GMT" zone, "Month D, YYYY [HH:MM]"), as dateparser reads them; None
    for anything else. dateparser takes milliseconds a date, for these forms mostly to find out
    which language they are in."""
    try:
        if match := _MAIL_DATE.fullmatch(value):
            day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
            if month.lower() not in _MONTHS:
                return None
            offset = timedelta(hours=int(zone_hours or 0), minutes=int(zone_minutes or 0))
            return datetime(
                int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute), int(second or 0),
                tzinfo=timezone(-offset if sign == "-" else offset),
            )
        if match := _ISO_NAMED_UTC.fullmatch(value):
            return datetime.fromisoformat(match.group(1)).replace(tzinfo=UTC)
        if match := _WORDY_DATE.fullmatch(value):
            month, day, year, hour, minute = match.groups()
            if month.lower() not in _MONTHS:
                return None
            return datetime(int(year), _MONTHS[month.lower()], int(day), int(hour or 0), int(minute or 0))
    except ValueError:  # a day, hour or zone out of range
        return None
    return None


def iso_date(value: str) -> str | None:
    """An ISO 8601 date or date-time for a date string, or None if it is not a date."""
    value = value.strip()
    if not value or len(value) > MAX_DATE_TEXT:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        standard = standard_date(value)
        if standard is not None:
            return _iso(standard, value)
        settings = {"PREFER_DAY_OF_MONTH": "first", "PARSERS": ["timestamp", "absolute-time"]}
        try:
            parsed = _dateparser().parse(value, settings=settings)
        except (ValueError, OverflowError, TypeError):
            return None
        if parsed is None:
            return None
    return _iso(parsed, value)


def _iso(parsed: datetime, value: str) -> str:
    """A date alone when `value` was one ("2019-11-19"), else the date and time."""
    if parsed.hour == parsed.minute == parsed.second == 0 and parsed.tzinfo is None and len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def warm_up_dates() -> None:
    """Read one date in words, so dateparser compiles its patterns before the first page needs them."""
    iso_date("Tuesday, November 19, 2019 10:28 AM EST")


def _json_ld_objects(scripts: list[Any]) -> Iterator[dict[str, Any]]:
    for script in scripts:
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    pending.append(item["@graph"])
                yield item


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _text_of(element: Any) -> str:
    return "".join(element.itertext())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def byline_names(text: str) -> list[str]:
    """Author names in a byline text ("By A and B"), without the "By"."""
    text = _BY_PREFIX.sub("", _clean(text))
    names = [n.strip(" .,;:|") for n in _NAME_SPLIT.split(text)]
    return [n for n in names if n and len(n.split()) <= 5 and n[0].isupper()]


class PageElements(NamedTuple):
    """What `page_metadata` reads of a page's elements, each list in document order."""

    #: (name, content) of each ``<meta>`` with both; its name is its first non-empty property,
    #: name, itemprop or http-equiv
    meta: list[tuple[str, str]]
    #: the ``<script type="application/ld+json">`` elements
    json_ld: list[Any]
    #: the href (None where there is none) of each ``<link rel="canonical">``
    canonical: list[str | None]
    title: list[Any]
    h1: list[Any]
    time: list[Any]


def page_elements(root: Any) -> PageElements:
    """The `PageElements` of the tree under `root`, in one pass (``libxml_metadata`` does it in C)."""
    found = PageElements([], [], [], [], [], [])
    for element in root.iter(*_METADATA_TAGS):
        tag = element.tag
        if tag == "meta":
            name = (
                element.get(b"property")
                or element.get(b"name")
                or element.get(b"itemprop")
                or element.get(b"http-equiv")
            )
            content = element.get(b"content")
            if name and content:
                found.meta.append((name, content))
        elif tag == "script":
            if (element.get(b"type") or "").strip().lower() == "application/ld+json":
                found.json_ld.append(element)
        elif tag == "link":
            if element.get(b"rel") == "canonical":
                found.canonical.append(element.get(b"href"))
        else:
            getattr(found, tag).append(element)
    return found


def byline_elements(root: Any, max_by_class: int) -> tuple[list[Any], list[Any]]:
    """The elements under `root` with ``rel="author"``, and the first `max_by_class` whose class
    names a byline or author, in document order (``libxml_metadata`` does it in C)."""
    by_rel: list[Any] = []
    by_class: list[Any] = []
    for element in root.iter():
        if element.get(b"rel") == "author":  # bytes names: see blocks_of
            by_rel.append(element)
        if len(by_class) < max_by_class:
            classes = element.get(b"class")
            if classes and _BYLINE_CLASS.search(classes):
                by_class.append(element)
    return by_rel, by_class


try:  # the same searches in C, built with the plugin where a C compiler was at hand
    from copydesk_html.libxml_metadata import byline_elements as find_byline_elements
    from copydesk_html.libxml_metadata import page_elements as find_page_elements
except (ImportError, ValueError):  # not built, or built against an lxml of another layout
    find_byline_elements = byline_elements
    find_page_elements = page_elements


def _byline_authors(root: Any) -> list[str]:
    """Author names from a byline: the first ``rel="author"`` element that gives any, else the
    first of the first few elements whose class names a byline or author."""
    by_rel, by_class = find_byline_elements(root, MAX_BYLINE_ELEMENTS)
    for element in by_rel:
        authors = byline_names(_text_of(element))
        if authors:
            return authors
    for element in by_class:
        text = _clean(_text_of(element))
        if 0 < len(text) <= MAX_BYLINE_CHARS:
            authors = byline_names(text)
            if authors:
                return authors
    return []


def page_metadata(root: Any) -> dict[str, Any]:
    """The metadata found in the tree under `root` (keys are left out when nothing is found)."""
    elements = find_page_elements(root)
    meta_tags: dict[str, str] = {}
    for name, content in elements.meta:
        key = name.lower()
        if key not in meta_tags:
            meta_tags[key] = _clean(content)
    found: dict[str, Any] = {}
    article: dict[str, Any] = {}
    for item in _json_ld_objects(elements.json_ld):
        if _types(item) & ARTICLE_TYPES and ("headline" in item or "datePublished" in item):
            article = item
            break

    title = _clean(article.get("headline") if isinstance(article.get("headline"), str) else None)
    title = title or meta_tags.get("og:title") or meta_tags.get("twitter:title") or ""
    if not title:
        title = _clean(_text_of(elements.h1[0])) if elements.h1 else ""
    if not title:
        title = _clean(elements.title[0].text) if elements.title else ""
    if title:
        found["title"] = title

    authors = _names(article.get("author"))
    if not authors:
        for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"):
            if key in meta_tags and not meta_tags[key].startswith("http"):
                authors = byline_names(meta_tags[key])
                break
    if not authors:
        authors = _byline_authors(root)
    if authors:
        found["authors"] = list(dict.fromkeys(_clean(a) for a in authors))

    publisher = _names(article.get("publisher"))
    if publisher:
        found["publisher"] = _clean(publisher[0])
    elif "og:site_name" in meta_tags:
        found["publisher"] = meta_tags["og:site_name"]

    for value in (
        article.get("datePublished") if isinstance(article.get("datePublished"), str) else None,
        meta_tags.get("article:published_time"),
        meta_tags.get("datepublished"),
        meta_tags.get("pubdate"),
        meta_tags.get("publishdate"),
        meta_tags.get("date"),
        meta_tags.get("dc.date"),
        *(t.get("datetime") or _clean(_text_of(t)) for t in elements.time),
    ):
        if value:
            published = iso_date(value)
            if published:
                found["published"] = published
                break

    url = meta_tags.get("og:url")
    if not url:
        url = elements.canonical[0] if elements.canonical else None
    if url and url.startswith(("http://", "https://")):
        found["url"] = url

    language = (
        root.get("lang") or root.get("xml:lang") or meta_tags.get("content-language") or meta_tags.get("og:locale")
    )
    if language:
        found["language"] = language.strip().replace("_", "-").split(",")[0]
    return found
