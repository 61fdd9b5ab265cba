"""Bytes to text: BOMs first, then strict UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import codecs
import re
import unicodedata

from copydesk import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Letters of scripts other than Latin: when a detector's reading has them, it is not cp1252 text.
_NON_LATIN = re.compile("[\u0370-\u07ff\u0900-\u0dff\u0e00-\u0fff\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

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
    guess = str(best)
    if not _NON_LATIN.search(guess):
        # Short Western text fits many single-byte code pages equally well; like browsers,
        # take windows-1252 then, which is what undeclared Western news text nearly always is.
        try:
            return _checked(data.decode("cp1252"), uri), "cp1252"
        except UnicodeDecodeError:
            pass
    return _checked(guess, uri), best.encoding


def _checked(text: str, uri: str) -> str:
    if not text:
        return text
    controls = sum(1 for ch in text if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise InputError(uri, f"looks binary: {controls} control characters in {len(text)}")
    return text
