"""A generator of broken and hostile inputs, kept with the tests that feed them to copydesk.

Each case is ``(file name, bytes)``; the file name's extension says what the input claims to
be. The cases are deterministic (seeded), so a failure can be reproduced by name.
"""

from __future__ import annotations

import codecs
import gzip
import io
import random
from collections.abc import Iterator

SECRET = "copydesk-canary-7f3a9c"

ARTICLE = (
    "Minister says talks will go on\n\n"
    "ISLAMABAD: The foreign minister said on Tuesday that talks \u201cwill go on\u201d, officials said.\n\n"
    "\u201cWe are ready,\u201d he said. \u201cThe other side must be ready too.\u201d\n"
)

HTML_ARTICLE = (
    "<html><head><title>Talks go on</title></head><body><article><h1>Talks go on</h1>"
    "<p>The minister said on Tuesday that the talks \u201cwill go on\u201d for another week.</p>"
    "<p>\u201cWe are ready,\u201d he said.</p></article></body></html>"
)


def gzip_bomb(uncompressed: int) -> bytes:
    """A small gzip that expands to `uncompressed` zero bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(uncompressed // len(chunk)):
            fh.write(chunk)
    return buffer.getvalue()


def cases(secret_path: str, big: int = 5 * 1024 * 1024) -> Iterator[tuple[str, bytes]]:
    """Every pathological input; `secret_path` is a local file that must never leak."""
    rng = random.Random(20261127)
    yield "random_bytes.txt", bytes(rng.randrange(256) for _ in range(4096))
    yield "random_bytes.html", bytes(rng.randrange(256) for _ in range(4096))
    yield "empty.txt", b""
    yield "blank.txt", b" \n\t\n  \n"
    yield "nul_bytes.txt", ARTICLE.encode("utf-8").replace(b" ", b"\0", 5)
    yield "invalid_utf8.txt", ARTICLE.encode("utf-8") + b"\xc3\x28\xa0\xa1\xe2\x28\xa1"
    yield "truncated_utf8.txt", ARTICLE.encode("utf-8")[:-2]
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"):
        yield f"article_{encoding}.txt", ARTICLE.encode(encoding)
    yield "utf16_bom_odd_length.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x00"
    yield "mislabelled_cp1252.html", HTML_ARTICLE.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252")
    yield "mislabelled_sjis.html", HTML_ARTICLE.replace("<head>", '<head><meta charset="shift_jis">').encode("utf-8")
    yield "bogus_charset.html", HTML_ARTICLE.replace("<head>", '<head><meta charset="x-no-such-charset">').encode()
    yield "long_line.txt", b"Title\n\n" + (b"word \xe2\x80\x9cquote " * (big // 16))[:big]
    yield "long_line.html", b"<html><body><p>" + (b"a " * (big // 2)) + b"</p></body></html>"
    yield "no_punctuation.txt", b"Title\n\n" + b" ".join(b"word" for _ in range(200_000))
    yield "unbalanced_quotes.txt", ("Title\n\n" + "He said \u201cyes and \u201d no \" maybe \u2018 " * 400).encode()
    yield "deep_nesting.html", b"<html><body>" + b"<div>" * 200_000 + b"deep text" + b"</div>" * 200_000 + b"</body></html>"
    yield "deep_unclosed.html", b"<html><body>" + b"<span><b><i>" * 70_000 + b"text"
    yield "soup.html", b"<html><p>one<p>two<div><table><td>cell</p></div><li>item<b><i>x</b></i><p>\"unclosed"
    yield "frameset.html", b'<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>'
    yield "all_navigation.html", b"<html><body><nav>" + b'<a href="/x">Home</a> ' * 300 + b"</nav></body></html>"
    yield "markup_only.html", b"<html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>"
    yield "not_html.html", bytes(rng.randrange(256) for _ in range(2048))
    external = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret_path}">]>'
        "<html><body><p>Before &leak; after, the minister said.</p></body></html>"
    )
    yield "external_entity.html", external.encode()
    yield "external_entity.txt", external.encode()
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    for i in range(1, 10):
        previous = "lol" if i == 1 else f"lol{i - 1}"
        laughs += f'<!ENTITY lol{i} "{("&" + previous + ";") * 10}">'
    laughs += "]><html><body><p>&lol9;</p></body></html>"
    yield "billion_laughs.html", laughs.encode()
    yield "truncated.txt.gz", gzip.compress(ARTICLE.encode() * 50)[:-40]
    yield "not_gzip.txt.gz", b"this is not gzip data at all"
    yield "gzip_bomb.html.gz", gzip_bomb(200 * 1024 * 1024)


def warc_record(url: str, body: bytes, *, length: int | None = None, version: str = "WARC/1.0") -> bytes:
    """One WARC response record; `length` may lie about the block's size."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    header = (
        f"{version}\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2026-11-27T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) if length is None else length}\r\n\r\n"
    ).encode()
    return header + http + b"\r\n\r\n"


def warc_cases() -> Iterator[tuple[str, bytes]]:
    """Broken and hostile web archives; most start with a good record that must still be read."""

    def good(name: str) -> bytes:
        return warc_record(f"https://news.example/good/{name}", HTML_ARTICLE.encode())

    yield "truncated_record.warc", good("t") + warc_record("https://news.example/cut", HTML_ARTICLE.encode())[:-120]
    yield "lying_length.warc", good("l") + warc_record("https://news.example/lie", b"<p>short</p>", length=10_000)
    yield "garbage_header.warc", good("g") + b"NOT-A-WARC 9.9\r\njunk: yes\r\n\r\n" + bytes(range(256))
    yield "not_a_warc.warc", bytes(random.Random(7).randrange(256) for _ in range(3000))
    yield "empty.warc", b""
    yield "truncated.warc.gz", gzip.compress(good("z1") + good("z2") + good("z3"))[:-30]
    yield "bad_version.warc", warc_record("https://news.example/v", HTML_ARTICLE.encode(), version="WARC/9.9") + good("v")
    yield "hostile_payload.warc", warc_record("https://news.example/bomb", b"<div>" * 100_000 + b"deep")
