"""Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import unicodedata

from copydesk import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of control characters (other than tab and newlines) above which input is binary.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, uri: str) -> tuple[str, str]:
    """The text of `data` and the encoding it was read with; InputError if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding), uri), encoding
            except UnicodeDecodeError as exc:
                problem = f"has a {encoding} byte-order mark but is not {encoding} (byte {exc.start})"
                raise InputError(uri, problem) from None
    if b"\x00" not in data:
        try:
            return _checked(data.decode("utf-8"), uri), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(uri, "is binary or in no text encoding that could be detected")
    return _checked(str(best), uri), best.encoding


def _checked(text: str, uri: str) -> str:
    if not text:
        return text
    controls = sum(1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise InputError(uri, f"looks binary: {controls} control characters in {len(text)}")
    return text
