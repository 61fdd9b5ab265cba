"""Bytes of a web page to text: byte-order mark, then the page's own charset, then a detector.

A page's declared charset (``<meta charset>`` or ``http-equiv``) is trusted when the bytes
decode under it; otherwise strict UTF-8 is tried, and charset-normalizer (well kept, pure
Python fallback) makes the last guess, with windows-1252 preferred as browsers do.
"""

from __future__ import annotations

import codecs
import re

from copydesk import InputError

#: Byte-order marks, longest first so UTF-32 is not mistaken for UTF-16.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The byte-order marks alone.
BYTE_ORDER_MARKS = tuple(mark for mark, _ in _BYTE_ORDER_MARKS)

#: How far into the page a charset declaration is looked for (the HTML standard says 1024).
PRESCAN_BYTES = 4096

_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""", re.I)

#: Labels pages declare that browsers read as a wider encoding (WHATWG encoding standard).
_WIDER = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


#: What browsers read undeclared legacy pages as (WHATWG); preferred when the detector finds
#: it as coherent as its best guess, since short Western texts otherwise pass for rarer code pages.
WEB_DEFAULT = "cp1252"


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes, if Python knows it."""
    head = data[:PRESCAN_BYTES]
    match = _XML_DECLARED.match(head) or _DECLARED.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_page(data: bytes, uri: str) -> tuple[str, str]:
    """The text of a page and the encoding it was read with; InputError when it is no text."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data[len(mark) :].decode(encoding, errors="replace"), encoding
    declared = declared_charset(data)
    for candidate in (declared, "utf-8"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 256 * 1024])
    best = matches.best()
    for match in matches:
        if match.encoding == WEB_DEFAULT and best is not None and match.coherence >= best.coherence:
            return data.decode(WEB_DEFAULT, errors="replace"), WEB_DEFAULT
    if best is None or best.encoding is None:
        raise InputError(uri, "is binary or in no text encoding that could be detected")
    return data.decode(best.encoding, errors="replace"), best.encoding
