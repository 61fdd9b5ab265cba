"""Rules that recognise furniture by its words: they work on plain text and on pages alike.

Each looks only at short blocks (a line of furniture is short; an article paragraph that
happens to mention "newsletter" is not), and only at wording that news sites share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from copydesk_boilerplate.page import Page, Verdict

#: Most words of a block that a wording rule may label.
MAX_LINE_WORDS = 25

_SHARE = re.compile(
    r"^(?:share(?:\s+(?:this|on|via|the|article|story|post))?(?:\s+\w+)?\s*:?|sharing\s+is\s+caring\W*|"
    r"like\s+this\s*:|like\s+loading\W*|"
    r"(?:(?:share|tweet|email|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|pocket|flipboard"
    r"|messenger|copy\s+link|comment)\b[\s|:,.]*){2,})\s*$",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|in\s+your\s+inbox|to\s+your\s+inbox|sign\s+up\s+(?:for|to|now|here)|subscribe\s+(?:to|now|for"
    r"|today|here)|download\s+(?:the|our)\s+(?:\w+\s+)?app|get\s+(?:the|our)\s+(?:\w+\s+)?app|follow\s+us\s+on"
    r"|join\s+our\s+(?:\w+\s+)?(?:channel|community|mailing)|already\s+a\s+subscriber|subscribers?\s+only)\b",
    re.I,
)
_CLICK_HERE = re.compile(
    r"\b(?:click\s+here|(?:read|see|view)\s+(?:the\s+)?(?:full|complete|whole|original|more)\b|continue\s+reading"
    r"|read\s+more\b|full\s+story\s+(?:here|at)|for\s+(?:the\s+)?(?:complete|full)\s+(?:article|story|report))",
    re.I,
)
_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:stories|articles|news|posts|content|coverage|links|reading|topics))?|"
    r"(?:more|other|latest|top|recent|trending|popular|recommended|suggested)\s+(?:\w+\s+){0,3}"
    r"(?:stories|articles|news|posts|reads|videos|headlines|from\s+\w+(?:\s+\w+)?)|"
    r"(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)|"
    r"(?:read|see)\s+also|also\s+read|read\s+next|most\s+(?:read|popular|viewed|shared)|"
    r"popular\s+(?:posts|stories)(?:\s+from\s+(?:this|the)\s+\w+)?|recommended(?:\s+for\s+you)?|"
    r"what\s+to\s+read\s+next|don'?t\s+miss|in\s+(?:other|case\s+you\s+missed)\s*\w*))\s*[:\-\u2013\u2014]?"
    r"(?:\s*(?:from|on|in)\s+.{0,40})?$",
    re.I,
)
_RELATED_INLINE = re.compile(r"^(?:related|also\s+read|read\s+also|see\s+also|read\s+more|more)\s*:\s*\S", re.I)
_BYLINE = re.compile(
    r"^(?:(?:written|posted|reported|compiled|edited|story|words|text|photos?)\s+)?by\s*:?\s+[\w\u00c0-\u024f.'\- ]+"
    r"(?:\s*(?:,|\||and|&|\u2022|\u00b7)\s*.{0,80})?$",
    re.I,
)
_DATE_LINE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted|modified|first\s+published|date)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:[,\s|\-\u2013\u2014]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?)?"
    r"(?:\s*[|\-\u2013\u2014]\s*(?:updated|modified)?.{0,40})?\s*$",
    re.I,
)
_UPDATED_LABEL = re.compile(r"^(?:(?:last\s+)?updated|published|posted)\s*:?\s*$", re.I)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies)\s*(?:\(\d+\))?:?$|^(?:post|leave|add|write|view|show|load|see)\s+"
    r"(?:a|your|all|\d+)?\s*(?:comments?|reply|replies|responses?)\b|^(?:reply|report\s+abuse|report\s+comment)$"
    r"|^comments?\s+(?:are\s+closed|policy)|^you\s+must\s+be\s+logged\s+in\s+to\s+(?:post|comment)|"
    r"^join\s+the\s+(?:conversation|discussion)",
    re.I,
)
_ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|advert|sponsored(?:\s+content)?|ad|ads|story\s+continues\s+below(?:\s+advertisement)?"
    r"|article\s+continues\s+below(?:\s+advertisement)?|continue\s+reading\s+(?:the\s+main\s+story|below)"
    r"|scroll\s+to\s+continue(?:\s+with\s+content)?)\s*[:.]?$",
    re.I,
)
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:consent|accept|privacy|agree|browsing|experience|settings)\b", re.I)
_FOOTER = re.compile(
    r"(?:\u00a9|\(c\)|copyright)\s*(?:\d{4}|[a-z])|\ball\s+rights\s+reserved\b|^(?:privacy\s+policy|terms\s+of\s+"
    r"(?:use|service)|contact\s+us|about\s+us)\b",
    re.I,
)


def _short(page: Page, index: int, limit: int = MAX_LINE_WORDS) -> bool:
    return page.words(index) <= limit


class WordingRule:
    """A rule that labels short blocks matching a pattern of furniture wording."""

    name = ""
    description = ""
    reason = ""
    pattern: re.Pattern[str] = re.compile("(?!)")
    max_words = MAX_LINE_WORDS
    search = True
    #: Lower-case pieces of which every match has one, if given: a line with none skips the
    #: pattern. None may hold "i", "k" or "s", which ignoring case also match non-ASCII letters.
    pieces: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        if self.pieces:  # Cython runs this any() as a loop, without a generator
            lowered = text.lower()
            if not any(piece in lowered for piece in self.pieces):
                return False
        return bool(self.pattern.search(text) if self.search else self.pattern.match(text))

    def find(self, page: Page) -> Iterator[Verdict]:
        texts, matches = page.texts, self.matches  # looked up once, not once per line
        for index in page.kept_short(self.max_words):
            text = texts[index]
            if matches(text):
                yield Verdict(index, self.reason, f"{self.description}: {text[:60]!r}")


class ShareBar(WordingRule):
    """``Share:``, ``Share this article``, ``Facebook Twitter WhatsApp Email``."""

    name = reason = "share_bar"
    description = "share buttons and their labels"
    pattern = _SHARE
    max_words = 12


class Newsletter(WordingRule):
    """``Get Rediff News in your Inbox:``, ``Sign up for our newsletter``, ``Download the app``."""

    name = reason = "newsletter"
    description = "newsletter, subscription and app promotions"
    pattern = _NEWSLETTER
    max_words = 20

    # Every form of the pattern has one: "letter" of newsletter, "nbox", si"gn" up, s"ub"scribe(r),
    # "app", "follow", "jo"in. Nine short lines in ten have none.
    pieces = ("letter", "nbox", "gn", "ub", "app", "follow", "jo")


class ClickHere(WordingRule):
    """``For complete article, click here``, ``Read more``, ``Continue reading``."""

    name = reason = "click_here"
    description = "pointers to the article elsewhere"
    pattern = _CLICK_HERE
    max_words = 12


class Byline(WordingRule):
    """``By Jane Doe, Reuters``, ``Written By DNA Web Team | Updated:``."""

    name = reason = "byline"
    description = "author lines"
    pattern = _BYLINE
    max_words = 16
    search = False


class Timestamp(WordingRule):
    """``October 21, 2010 09:43 IST``, ``Updated: 19 Nov 2019``, ``segunda-feira, 22 de janeiro de 2018 às 0:13``."""

    name = reason = "timestamp"
    description = "date and time lines"
    max_words = 14

    def setup(self) -> None:
        """Read the date words of the common news languages now rather than on the first page
        that names no language."""
        for code in NEWS_LANGUAGES:
            date_words(code)

    def find(self, page: Page) -> Iterator[Verdict]:
        language = str(page.doc.meta.get("language", "")).strip()
        vocabularies = [date_words(language)] if language else [date_words(code) for code in NEWS_LANGUAGES]
        for index in page.kept_short(self.max_words):
            text = page.texts[index]
            if (
                _DATE_LINE.match(text)
                or _UPDATED_LABEL.match(text)
                or (_DIGIT.search(text) and date_only(text, vocabularies))
            ):
                yield Verdict(index, self.reason, f"{self.description}: {text[:60]!r}")


#: Languages whose date words are tried on pages that do not say their language (the most
#: common languages of news on the web; dateparser's locale data supplies the words).
NEWS_LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl", "ru", "pl", "tr", "id", "sv", "da", "nb", "ro")

#: A digit: what every date-only line has (a cheap test before the word test).
_DIGIT = re.compile(r"\d")


#: Words a date-and-time line is made of in English, besides numbers: months, weekdays,
#: labels, clock words and time zones.
_DATE_WORDS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "published",
        "updated",
        "posted",
        "modified",
        "last",
        "first",
        "on",
        "at",
        "edt",
        "est",
        "cst",
        "cet",
        "gmt",
        "bst",
        "pst",
        "pdt",
        "cdt",
        "mdt",
        "mst",
        "utc",
        "ist",
        "hrs",
        "h",
        "st",
        "nd",
        "rd",
        "th",
    ]
)

#: Keys of dateparser's locale data whose words make up dates.
_LOCALE_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "am",
    "pm",
    "skip",
]

_WORDS = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=64)
def date_words(language: str) -> frozenset[str]:
    """English date words plus those of a page's language, from dateparser's locale data."""
    code = language.split("-")[0].split("_")[0].lower()
    if not code or code == "en":
        return _DATE_WORDS
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except (ImportError, KeyError, ValueError):
        return _DATE_WORDS
    words = set(_DATE_WORDS)
    for key in _LOCALE_KEYS:
        for entry in info.get(key, ()):
            words.update(_WORDS.findall(str(entry).casefold()))
    return frozenset(words)


def date_only(text: str, vocabularies: Iterable[frozenset[str]]) -> bool:
    """Whether a line says nothing but a date and time in the words of any of `vocabularies`
    ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ...")."""
    words = _WORDS.findall(text.casefold())
    numbers = sum(w.isdigit() for w in words)
    if not numbers or (numbers < 2 and "updated" not in words):
        return False
    others = {w for w in words if not w.isdigit()}
    return any(others <= vocabulary for vocabulary in vocabularies)


#: A credit in brackets ending the line: ``... (Image: GETTY)``.
_CAPTION_CREDIT = (
    r"\((?:image|images|photo|photos|picture|pictures|pic|credit|video|ap\s+photo|reuters|getty)\b[^()]{0,60}\)\s*$"
)
#: A line opening as a caption: ``In this ... file photo``, ``Photo: ...``.
_CAPTION_LEAD = (
    r"^(?:in\s+this\s+(?:[\w.,]+\s+){0,8}(?:file\s+)?(?:photo|image|picture|handout|screenshot|screengrab)\b)"
    r"|^(?:photo|image|picture|credit|photograph)\s*(?:by|credit)?\s*:\s*\S.{0,60}$"
)
_CAPTION = re.compile(f"{_CAPTION_CREDIT}|{_CAPTION_LEAD}", re.I)
_CAPTION_LEAD_ONLY = re.compile(_CAPTION_LEAD, re.I)


class CaptionLine(WordingRule):
    """``In this Dec. 12, 2006, file photo, made available by NASA, ...``, ``... (Image: GETTY)``."""

    name = "caption_line"
    reason = "caption"
    description = "picture captions and credits written as paragraphs"
    pattern = _CAPTION
    max_words = 60

    def matches(self, text: str) -> bool:
        # Only a line ending in ")" can end in a credit; the other forms open the line.
        if text.rstrip().endswith(")"):
            return bool(_CAPTION.search(text))
        return bool(_CAPTION_LEAD_ONLY.match(text))


class BareUrl(WordingRule):
    """``https://www.example.com/news/article/Story-123.php``: an address printed as a line."""

    name = reason = "bare_url"
    description = "addresses printed on their own line"
    pattern = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
    max_words = 1
    search = False


class CommentLines(WordingRule):
    """``Post a Comment``, ``12 comments``, ``Reply``, ``Comments are closed`` (part of the ``comments`` rule)."""

    name = "comment_lines"
    reason = "comments"
    description = "comment counts, forms and threads"
    pattern = _COMMENTS
    max_words = 12
    search = False


class Advertisement(WordingRule):
    """``Advertisement``, ``Story continues below advertisement``."""

    name = reason = "advertisement"
    description = "advertisement labels"
    pattern = _ADVERTISEMENT
    max_words = 8
    search = False


class CookieBanner(WordingRule):
    """``We use cookies to improve your experience. By continuing you accept ...``."""

    name = reason = "cookie_banner"
    description = "cookie and consent notices"
    pattern = _COOKIES
    max_words = 60

    def matches(self, text: str) -> bool:
        # A match has "cookie"; ignoring case, only "i" of it also matches non-ASCII letters
        # ("\u0130", "\u0131"), and lower() turns every other form into "cook".
        return "cook" in text.lower() and bool(_COOKIES.search(text))


class Footer(WordingRule):
    """``© 2019 Example Media. All rights reserved.``, ``Privacy Policy``."""

    name = reason = "footer"
    description = "copyright and legal lines"
    pattern = _FOOTER
    max_words = 30

    def matches(self, text: str) -> bool:
        # Every form of the pattern has one of these pieces: ignoring case, "i" and "s" also
        # match non-ASCII letters ("\u0130", "\u0131", "\u017f"), so no piece has them.
        lowered = text.lower()
        if not (
            "\u00a9" in text
            or "(c)" in lowered
            or "copyr" in lowered
            or "erved" in lowered
            or lowered.startswith(_FOOTER_OPENINGS)
        ):
            return False
        return bool(_FOOTER.search(text))


#: How the legal lines :data:`_FOOTER` takes by their opening begin (privacy, terms, contact, about).
_FOOTER_OPENINGS = ("pr", "term", "contact", "about")


class RelatedLinks:
    """A "Related"/"More stories"/"Popular posts" heading line and the short, title-like lines after it.

    Also lines of the form ``Related: <headline>``. The list ends at the first line
    that reads like prose (a long line ending a sentence).
    """

    name = "related_links"
    description = "related, recommended and popular story lists"

    def find(self, page: Page) -> Iterator[Verdict]:
        kept = page.kept()
        position = 0
        while position < len(kept):
            index = kept[position]
            text = page.texts[index]
            heading = _short(page, index, 12) and _RELATED_HEADING.match(text)
            if heading or (_short(page, index, 30) and _RELATED_INLINE.match(text)):
                what = "heading of a story list" if heading else "a pointer to other stories"
                yield Verdict(index, "related_links", f"{what}: {text[:60]!r}")
                position += 1
                while position < len(kept) and _title_like(page, kept[position]):
                    yield Verdict(kept[position], "related_links", "an entry of a story list")
                    position += 1
                continue
            position += 1


def _title_like(page: Page, index: int) -> bool:
    """A headline-like line: short, one sentence at most, not ending in a full stop (or a link)."""
    text = page.texts[index].rstrip()
    if page.link_density(index) >= 0.5 and page.words(index) <= 30:
        return True
    if page.words(index) > 20 or text.endswith((".", ".\u201d", '."', ";")):
        return False
    return len(re.findall(r"[.!?](?:\s|$)", text)) <= 1
