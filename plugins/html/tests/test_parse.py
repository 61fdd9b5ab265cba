"""html.parse on small real-shaped pages: blocks, provenance, features, metadata, encodings."""

from __future__ import annotations

import codecs
import json

import pytest

from copydesk import Document, Drop, SourceInfo
from copydesk_html import ParseHtml


class Ctx:
    step = "html.parse"


def parse(html: bytes | str, **config: int) -> Document | Drop:
    raw = html.encode("utf-8") if isinstance(html, str) else html
    return ParseHtml(**config)(Document(id="p", source=SourceInfo("test://p.html", "text/html", ""), raw=raw), Ctx())


def parsed(html: bytes | str) -> Document:
    doc = parse(html)
    assert isinstance(doc, Document)
    return doc


PAGE = """<!doctype html><html lang="en-GB"><head><title>Talks resume | The Daily</title>
<meta property="og:title" content="Talks resume on the border">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/talks">
<meta property="article:published_time" content="2019-11-19T10:28:00Z">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li></ul></nav>
<article><h1>Talks   resume</h1>
<p class="byline">By <a rel="author" href="/a">Jane Doe</a></p>
<p>First   paragraph with <a href="/x">a link</a> and
more text.</p>
<blockquote><p>A quoted line.</p></blockquote>
<ul><li>Item one</li><li>Item two</li></ul>
<figure><img src="x.jpg" alt="alt text"><figcaption>A caption.</figcaption></figure>
<table><tr><td>Cell</td></tr></table>
<pre>code   line</pre>
<div hidden>Hidden text</div><div style="display: none">Also hidden</div>
<p>Line one<br>line two<br><br>Second block</p>
</article></body></html>"""


def test_blocks_are_the_visible_text_in_order_with_kinds() -> None:
    doc = parsed(PAGE)
    found = [(b.kind, doc.block_text(b)) for b in doc.blocks]
    assert found == [
        ("list_item", "Home"),
        ("heading", "Talks resume"),
        ("paragraph", "By Jane Doe"),
        ("paragraph", "First paragraph with a link and more text."),
        ("blockquote", "A quoted line."),
        ("list_item", "Item one"),
        ("list_item", "Item two"),
        ("caption", "A caption."),
        ("table_cell", "Cell"),
        ("preformatted", "code line"),
        ("paragraph", "Line one line two"),
        ("paragraph", "Second block"),
    ]
    assert doc.text == "\n\n".join(text for _, text in found)


def test_provenance_is_an_xpath_and_features_describe_the_block() -> None:
    doc = parsed(PAGE)
    block = doc.blocks[3]
    assert block.provenance == "/html/body/article/p[2]"
    features = block.features
    assert features["tag"] == "p"
    assert features["tag_path"] == "html/body/article/p"
    assert features["link_chars"] == len("a link")
    assert features["link_density"] == round(len("a link") / len(doc.block_text(block)), 3)
    assert features["landmarks"] == ("article",)
    assert doc.blocks[0].features["landmarks"] == ("nav",)
    assert doc.blocks[2].features["trail"][-1] == "p.byline"
    assert doc.blocks[0].features["position"] == 0.0 and doc.blocks[-1].features["position"] == 1.0
    assert doc.blocks[1].features["heading_level"] == 1


def test_metadata_from_opengraph_article_meta_and_byline() -> None:
    meta = parsed(PAGE).meta
    assert meta["title"] == "Talks resume on the border"
    assert meta["publisher"] == "The Daily"
    assert meta["url"] == "https://daily.example/talks"
    assert meta["published"] == "2019-11-19T10:28:00+00:00"
    assert meta["authors"] == ["Jane Doe"]
    assert meta["language"] == "en-GB"


def test_metadata_from_json_ld_news_article_first() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "headline": "From JSON-LD",
                "datePublished": "2011-10-24",
                "author": [{"@type": "Person", "name": "A. Writer"}, {"@type": "Person", "name": "B. Writer"}],
                "publisher": {"@type": "Organization", "name": "Wire"},
            },
        ],
    }
    html = f"""<html><head><meta property="og:title" content="OG title">
    <script type="application/ld+json">{json.dumps(ld)}</script></head><body><p>Text.</p></body></html>"""
    meta = parsed(html).meta
    assert (meta["title"], meta["authors"], meta["publisher"], meta["published"]) == (
        "From JSON-LD",
        ["A. Writer", "B. Writer"],
        "Wire",
        "2011-10-24",
    )


def test_published_from_a_time_element_in_words() -> None:
    html = "<html><body><time>October 21, 2010 09:43</time><p>Text.</p></body></html>"
    assert parsed(html).meta["published"] == "2010-10-21T09:43:00"


def test_declared_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 \x93quoted\x94</p></body></html>'
    doc = parsed(html.encode("latin-1"))
    assert doc.block_text(doc.blocks[0]) == "caf\u00e9 \u201cquoted\u201d"
    assert doc.meta["encoding"] == "cp1252"


def test_byte_order_mark_wins() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>\u0416\u0443\u0440</p></body></html>'
    doc = parsed(page.encode("utf-16"))
    assert doc.block_text(doc.blocks[0]) == "\u0416\u0443\u0440"


def test_undeclared_legacy_encoding_is_detected() -> None:
    """libxml2 reads an undeclared page as UTF-8 first; a byte that is not UTF-8 sends the page
    to the detector."""
    text = "<html><body><p>" + "Le caf\u00e9 \u00e9tait d\u00e9j\u00e0 ferm\u00e9 quand nous sommes arriv\u00e9s. " * 5
    doc = parsed((text + "</p></body></html>").encode("latin-1"))
    assert "caf\u00e9" in doc.text
    assert "\ufffd" not in doc.text and doc.meta["encoding"] == "cp1252"


def test_legacy_bytes_after_many_markup_errors_are_still_detected() -> None:
    """libxml2 stops logging after 100 errors; a bad byte after them must not pass as UTF-8."""
    junk = "</stray>" * 150
    text = "<html><body>" + junk + "<p>" + "Le caf\u00e9 \u00e9tait d\u00e9j\u00e0 ferm\u00e9. " * 5
    doc = parsed((text + "</p></body></html>").encode("latin-1"))
    assert "\ufffd" not in doc.text and "caf\u00e9" in doc.text
    assert doc.meta["encoding"] == "cp1252"


def test_step_pickles() -> None:
    import pickle

    step = pickle.loads(pickle.dumps(ParseHtml(max_elements=500)))
    assert step.max_elements == 500
    assert isinstance(
        step(Document(id="p", source=SourceInfo("t", "text/html", ""), raw=PAGE.encode()), Ctx()), Document
    )


def test_undeclared_cyrillic_is_not_read_as_western() -> None:
    government = "Правительство"
    announced = "заявило о новых мерах"  # noqa: RUF001
    text = "<html><body><p>" + f"{government} " * 3 + f"{announced}. " * 5
    doc = parsed((text + "</p></body></html>").encode("cp1251"))
    assert government in doc.text


def test_paragraphs_of_zero_width_spaces_are_no_blocks() -> None:
    doc = parsed("<html><body><p>First line.</p><p>&#8203;</p><p>\u200b \ufeff</p><p>Second\u200bline.</p></body></html>")
    assert [doc.block_text(b) for b in doc.blocks] == ["First line.", "Second\u200bline."]


def test_xpaths_are_those_libxml2_gives() -> None:
    from lxml import etree

    html = (
        "<html><body><div><p>One.</p><img src='a.png'><p>Two.</p></div><div><ul><li>A</li></ul>"
        "<section><h2>Head</h2><p>Only.</p></section><script>skip()</script><p>Tail.</p></div></body></html>"
    )
    doc = parsed(html)
    tree = etree.fromstring(html, etree.HTMLParser()).getroottree()
    expected = [tree.getpath(e) for e in tree.iter("p", "li", "h2")]
    assert [b.provenance for b in doc.blocks] == expected


@pytest.mark.parametrize(
    ("page", "encoding"),
    [
        # UTF-8 as declared: libxml2 decodes the bytes, once
        ('<html><head><meta charset="utf-8"></head><body><p>caf\u00e9</p></body></html>'.encode(), "utf-8"),
        # a UTF-32 byte-order mark: not read as UTF-8, though its bytes would pass as such
        (codecs.BOM_UTF32_LE + "<html><body><p>caf\u00e9</p></body></html>".encode("utf-32-le"), "utf-32-le"),
        # bytes that are not UTF-8 only in the doctype, which holds no text and libxml2 does not check
        (b"<!DOCTYPE html \xe9><html><body><p>caf\xc3\xa9</p></body></html>", "utf-8"),
    ],
)
def test_page_bytes_to_text(page: bytes, encoding: str) -> None:
    doc = parsed(page)
    assert doc.block_text(doc.blocks[0]) == "caf\u00e9"
    assert doc.meta["encoding"] == encoding
