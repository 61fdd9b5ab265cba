"""Metadata lines of news text: bylines, date lines and the dateline.

Dates are read with dateparser (a well-kept library), only on lines that name a month
or carry a numeric date, so prose with "30 minutes" in it is never taken for a date.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Any

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"(?:\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)?",
)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
_DATE_LABEL = re.compile(r"^\s*(?:(?:last\s+)?updated|published|posted|first published|date)\s*:?\s*", re.I)
_BYLINE = re.compile(r"^\s*(?:written\s+|story\s+|words\s+|reported\s+)?by\s*:?\s+(?P<rest>\S.*)$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3}"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?P<sep>\s*:\s+|\s+[-\u2013\u2014]{1,2}\s+|\s*\([A-Za-z. ]+\)\s*[-\u2013\u2014:]\s+)"
)

#: Longest line read as a byline or a date line.
MAX_META_LINE = 120


@cache
def _date_parser() -> Any:
    import dateparser

    return dateparser


def parse_date(text: str) -> str | None:
    """ISO 8601 date (or date-time with offset, when the text gives a time) in `text`, or None."""
    match = _DATE.search(text)
    if match is None:
        return None
    value = match.group(0)
    settings = {"PREFER_DAY_OF_MONTH": "first", "PARSERS": ["absolute-time"], "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed: datetime | None = _date_parser().parse(value, settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    if _TIME.search(value):
        return parsed.isoformat(timespec="minutes")
    return parsed.date().isoformat()


def date_line(text: str) -> str | None:
    """The date, if `text` is a line that says nothing but a date (after an "Updated:" label)."""
    if len(text) > MAX_META_LINE:
        return None
    rest = _DATE_LABEL.sub("", text)
    match = _DATE.search(rest)
    if match is None:
        return None
    leftover = (rest[: match.start()] + rest[match.end() :]).strip(" ,|-\u2013\u2014:;")
    if len(leftover.split()) > 2:
        return None
    return parse_date(rest)


def byline(text: str) -> dict[str, Any] | None:
    """Authors, publisher and date of a byline line ("By A and B, Agency, Oct 24, 2011")."""
    if len(text) > MAX_META_LINE:
        return None
    match = _BYLINE.match(text)
    if match is None:
        return None
    rest = match.group("rest")
    published = parse_date(rest)
    rest = _DATE.sub("", rest)
    parts = [p.strip() for p in re.split(r"\s*\|\s*", rest)]
    head = parts[0]
    pieces = [p for p in (x.strip(" .,;:") for x in re.split(r"\s*,\s*", head)) if p]
    if not pieces:
        return None
    authors = [a for a in _NAME_SPLIT.split(pieces[0]) if a and _looks_like_name(a)]
    if not authors:
        return None
    publisher = pieces[1] if len(pieces) > 1 and _looks_like_name(pieces[1]) else None
    return {"authors": authors, "publisher": publisher, "published": published}


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or not w[0].isalpha() for w in words)


def dateline(text: str) -> str | None:
    """The place a story was filed from, when `text` opens with one ("ISLAMABAD: ...")."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place")
    # a title-case word before a colon is a dateline only when prose follows it
    if not place.isupper() and ":" not in match.group("sep"):
        return None
    return place
