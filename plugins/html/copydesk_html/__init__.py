"""copydesk ``html`` plugin: reads news pages (HTML) with lxml.

The page is decoded (byte-order mark, declared charset, then charset-normalizer), parsed
by libxml2's forgiving HTML parser with the network, entity expansion and huge-tree mode
all off, and turned into text blocks with xpath provenance and the features that
boilerplate rules need. ``Document.text`` is the block texts joined by a blank line.
Metadata comes from JSON-LD, OpenGraph and other meta tags, ``<time>`` and bylines.
"""

from __future__ import annotations

import codecs
from typing import Any

from lxml import etree

import copydesk
from copydesk import Document, Drop, InputError, RawInput, Register, StepContext

try:  # the walk in C, built with the plugin where a C compiler was at hand
    from copydesk_html.libxml_blocks import assemble, blocks_of
except (ImportError, ValueError):  # not built, or built against an lxml of another layout
    from copydesk_html.blocks import assemble, blocks_of
from copydesk_html.decoding import BYTE_ORDER_MARKS, declared_charset, decode_page
from copydesk_html.metadata import page_metadata, warm_up_dates

__version__ = "0.1.0"

MEDIA_TYPES = ("text/html",)

#: Most elements a page may have; beyond it the page is rejected rather than walked.
DEFAULT_MAX_ELEMENTS = 200_000


def html_parser() -> etree.HTMLParser:
    """libxml2's HTML parser, safe by construction: no network access, no huge-tree mode
    (libxml2 then refuses absurd depths and sizes itself). The HTML parser reads no DTD, so
    external and declared entities are never loaded or expanded; only HTML's own named
    character references are decoded."""
    return etree.HTMLParser(
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
    )


def parse_tree(text: str | bytes, uri: str, parser: etree.HTMLParser | None = None) -> Any:
    """The lxml root element of a page's text (or of its UTF-8 bytes); InputError when there is
    no markup to read. `parser` (a fresh `html_parser()` if not given) keeps the error log."""
    parser = parser if parser is not None else html_parser()
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(uri, f"is not readable HTML: {exc}") from None
    if root is None:
        raise InputError(uri, "is not readable HTML: the parser found no elements")
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise InputError(uri, f"is nested too deeply to read safely (line {entry.line}: {entry.message.strip()})")
    return root


def read_page(raw: bytes, uri: str) -> tuple[Any, str]:
    """The parsed page and the encoding it was read with (see `decode_page`).

    A page that declares UTF-8, or nothing, is read as UTF-8 first, its bytes handed to libxml2
    as they are: libxml2 decodes them as it parses and logs any bytes that are not UTF-8, so the
    page is not decoded twice (Python's check alone costs about a tenth of the step). Only when
    libxml2 finds such bytes is the page decoded in Python (declared charset, then detection) and
    parsed again.
    """
    if not raw.startswith(BYTE_ORDER_MARKS) and declared_charset(raw) in (None, "utf-8"):
        parser = html_parser()
        try:
            root = parse_tree(raw, uri, parser)
        except InputError:
            root = None  # read again below, where undecodable input has its own error
        log = parser.error_log
        # A full log may have stopped before the first bad byte: then nothing is known.
        if root is not None and len(log) < MAX_LOGGED_ERRORS and not any(e.type == _INVALID_ENCODING for e in log):
            return root, "utf-8"
    page, encoding = decode_page(raw, uri)
    # Bytes that decoded as UTF-8 go to the parser as they are: encoding the text again
    # would give the same bytes back (a byte-order mark is left to the text path).
    utf8 = encoding == "utf-8" and not raw.startswith(codecs.BOM_UTF8)
    return parse_tree(raw if utf8 else page, uri), encoding


_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING
#: Errors libxml2 reports for one parse before it stops reporting them.
MAX_LOGGED_ERRORS = 100


class ParseHtml:
    """Decodes a page, parses it, and turns it into blocks and metadata."""

    def __init__(self, max_elements: int = DEFAULT_MAX_ELEMENTS) -> None:
        self.max_elements = max_elements

    def setup(self) -> None:
        """Load dateparser's data now, once per process, rather than inside the first page with a
        date in words (its time-zone patterns alone take a good part of a second to compile)."""
        warm_up_dates()

    def __call__(self, doc: Document, ctx: StepContext) -> Document | Drop:
        raw = doc.raw or b""
        if not raw.strip():
            return Drop("empty", "the page is empty")
        root, encoding = read_page(raw, doc.source.uri)
        if root.find(".//frameset") is not None and root.find(".//body") is None:
            return Drop("frameset", "the page is a frameset: its text is in other documents")
        try:
            raw_blocks = list(blocks_of(root, self.max_elements))
        except ValueError as exc:
            raise InputError(doc.source.uri, str(exc)) from None
        if not raw_blocks:
            return Drop("no_text", "the page has no visible text")
        meta: dict[str, Any] = {"encoding": encoding, **page_metadata(root)}
        text, blocks = assemble(raw_blocks)
        return Document(
            id=doc.id,
            source=doc.source,
            raw=None,
            text=text,
            parsed_by=ctx.step,
            blocks=blocks,
            meta=doc.meta.merged(meta),
        )


@copydesk.hookimpl
def copydesk_sniff_media_type(source: RawInput) -> str | None:
    """Markup sent without a telling file name (``.gz`` streams, WARC payloads) is HTML."""
    if source.media_type or not source.data:
        return None
    head = source.data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return None


@copydesk.hookimpl
def copydesk_register_steps(register: Register) -> None:
    register(
        "html.parse",
        ParseHtml,
        config_schema={
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "max_elements": {
                    "type": "integer",
                    "minimum": 1,
                    "description": f"Most elements a page may have (default {DEFAULT_MAX_ELEMENTS}).",
                }
            },
        },
        description="parse news pages (HTML): blocks with xpath provenance and features, metadata",
        media_types=MEDIA_TYPES,
    )
