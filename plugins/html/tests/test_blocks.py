"""The block walk: its blocks on tricky markup, its shortcuts against the plain computation,
and the walk in C against the reference walk."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from lxml import etree

from copydesk_html import parse_tree
from copydesk_html.blocks import _tokens, rounded_ratio


@pytest.mark.parametrize("digits", [2, 3, 4])
def test_rounded_ratio_is_round_of_the_float_ratio(digits: int) -> None:
    # every ratio of small numbers, ties included (1/8 = 0.125 at two digits, 1/160 at four)
    for whole in range(1, 400):
        for part in range(0, 3 * whole + 1):
            assert rounded_ratio(part, whole, digits) == round(part / whole, digits), (part, whole)


def test_rounded_ratio_of_large_numbers_is_round_of_the_float_ratio() -> None:
    for part, whole in [(2**60 + 1, 3), (10**15 + 7, 10**15 + 11), (123_456_789, 987_654_321)]:
        assert rounded_ratio(part, whole, 4) == round(part / whole, 4)


def test_tokens_are_the_lower_cased_alphanumeric_runs() -> None:
    assert _tokens("Article-Body  entry_content\tclearfix") == "article.body.entry.content.clearfix"
    assert _tokens("--") == ""
    # non-ASCII letters separate tokens, as in the pattern; the Kelvin sign lower-cases to "k"
    assert _tokens("caf\u00e9-Main \u212aey") == "caf.main.key"


def test_tokens_of_any_text_are_those_of_the_pattern() -> None:
    pattern = re.compile("[a-z0-9]+")
    alphabet = "aZ09 -_.:/\t\n\x1c\x7f\u00e9\u212a\u0130"
    values = random.Random(7)
    for _ in range(3000):
        value = "".join(values.choice(alphabet) for _ in range(values.randint(0, 12)))
        assert _tokens(value) == ".".join(pattern.findall(value.lower())), value


def test_sentence_marks_are_the_matches_of_the_pattern() -> None:
    from copydesk_html.blocks import _SENTENCE_END, sentence_marks

    alphabet = "a .!?,\u3002\uff01\uff1f\u061f\u0964\u00e9"
    values = random.Random(11)
    for _ in range(3000):
        value = "".join(values.choice(alphabet) for _ in range(values.randint(0, 12)))
        assert sentence_marks(value) == len(_SENTENCE_END.findall(value)), value


TRICKY_PAGE = """<html><head><title>T</title><script>x()</script></head><body>Loose text
<div class="a"><a href="/1"><div>Card <b>one</b></div></a><a href="/2"><div>Card two</div></a> after cards</div>
<p>Lead <span style="display:none">secret <p>nested</p></span>tail of hidden <svg><g><text>no</text></g></svg>tail
of svg</p>
<ul><li>One<ul><li>Deep <a href="#">link <i>in</i></a> end</li></ul>back in one</li><li hidden>gone</li><li>Two</li></ul>
<p>A<br>B<br><br><br>C <noscript><p>no</p></noscript>D</p>
<section><div><div><p>Closing three</p></div></div>after three</section>
<table><tr><td>x</td><td><div>y</div>z</td></tr></table>
</body></html>"""


def test_blocks_of_tricky_markup() -> None:
    """Blocks inside links, tails after skipped and hidden subtrees, several elements ending at
    once, runs of line breaks: each block's text, kind, xpath, containers and link counts."""
    from copydesk_html import parse_tree
    from copydesk_html.blocks import blocks_of

    found = [
        (b.text, b.kind, b.xpath, b.features["ancestors"], b.features["links"], b.features["link_chars"])
        for b in blocks_of(parse_tree(TRICKY_PAGE, "test://tricky.html"), 1000)
    ]
    assert found == [
        ("Loose text", "paragraph", "/html/body", (1, 3), 0, 0),
        ("Card one", "paragraph", "/html/body/div/a[1]/div", (1, 3, 4, 6), 0, 7),
        ("Card two", "paragraph", "/html/body/div/a[2]/div", (1, 3, 4, 9), 0, 8),
        ("after cards", "paragraph", "/html/body/div", (1, 3, 4), 0, 0),
        ("Lead tail of hidden tail of svg", "paragraph", "/html/body/p[1]", (1, 3, 10), 0, 0),
        ("One", "list_item", "/html/body/ul/li[1]", (1, 3, 13, 14), 0, 0),
        ("Deep link in end", "list_item", "/html/body/ul/li[1]/ul/li", (1, 3, 13, 14, 15, 16), 1, 6),
        ("back in one", "list_item", "/html/body/ul/li[1]", (1, 3, 13, 14), 0, 0),
        ("Two", "list_item", "/html/body/ul/li[3]", (1, 3, 13, 20), 0, 0),
        ("A B", "paragraph", "/html/body/p[2]", (1, 3, 21), 0, 0),
        ("C D", "paragraph", "/html/body/p[2]", (1, 3, 21), 0, 0),
        ("Closing three", "paragraph", "/html/body/section/div/div/p", (1, 3, 27, 28, 29, 30), 0, 0),
        ("after three", "paragraph", "/html/body/section", (1, 3, 27), 0, 0),
        ("x", "table_cell", "/html/body/table/tr/td[1]", (1, 3, 31, 32, 33), 0, 0),
        ("y", "paragraph", "/html/body/table/tr/td[2]/div", (1, 3, 31, 32, 34, 35), 0, 0),
        ("z", "table_cell", "/html/body/table/tr/td[2]", (1, 3, 31, 32, 34), 0, 0),
    ]


def test_a_comment_tail_is_text_in_a_walked_tree() -> None:
    """The plugin's parser drops comments, yet the walk reads any tree: a comment's own text is
    no block text, its tail is."""
    from lxml import etree

    from copydesk_html.blocks import blocks_of

    root = etree.fromstring("<html><body><p>One <!-- not text --> two</p></body></html>", etree.HTMLParser())
    assert [b.text for b in blocks_of(root, 1000)] == ["One two"]


def test_trail_uses_the_first_of_repeated_attributes() -> None:
    from copydesk_html import parse_tree
    from copydesk_html.blocks import blocks_of

    root = parse_tree('<html><body><div class="story" id="Main-1" CLASS="promo"><p>x</p></div></body></html>', "t")
    [block] = blocks_of(root, 1000)
    assert block.features["trail"] == ("html", "body", "div#main.1.story", "p")


SKIPPED_PAGE = """<html><head><title>T</title><script type="application/ld+json">{"headline": "H"}</script></head>
<body><p>First <a href="/a">foo <svg><path d="M0"/><text>icon</text></svg> bar</a> rest</p><script>w("<p>no</p>")</script> after
<p>Second<style>p{}</style> para <a href="/b"><span>in</span> <script>x</script> <b>link</b></a></p>
<div><button class="author">By Someone</button><select><option>o1</option></select>after select</div>
<noscript><iframe src="x"></iframe><p>noscript para</p></noscript><template><p>template</p></template>
<p hidden><script>y</script>hidden p</p><div style="display:none"><svg></svg><p>hidden div</p></div>
<p>Last<br><svg></svg><br>line <video><source src="v"><p>fallback</p></video>after video</p>
</body></html>"""


def test_blocks_around_skipped_elements() -> None:
    """Script, svg, style, form controls, media and hidden elements between and inside
    paragraphs and links: the text around them (link text counted piece by piece on either side
    of an icon), xpaths, element numbers (a skipped element counts, what it holds does not)."""
    from copydesk_html import parse_tree
    from copydesk_html.blocks import blocks_of

    found = list(blocks_of(parse_tree(SKIPPED_PAGE, "test://skipped.html"), 1000))
    # numbered: html 1, head 2 (nothing under it), body 3, p 4, ..., div 14, ..., the last p 21;
    # an svg between two <br> does not join the lines around them
    assert [(b.text, b.xpath, b.features["link_chars"], b.features["ancestors"]) for b in found] == [
        ("First foo bar rest", "/html/body/p[1]", 6, (1, 3, 4)),
        ("after", "/html/body", 0, (1, 3)),
        ("Second para in link", "/html/body/p[2]", 6, (1, 3, 8)),
        ("after select", "/html/body/div[1]", 0, (1, 3, 14)),
        ("Last", "/html/body/p[4]", 0, (1, 3, 21)),
        ("line after video", "/html/body/p[4]", 0, (1, 3, 21)),
    ]


def test_max_elements_counts_a_skipped_element_not_what_it_holds() -> None:
    from copydesk import Document, SourceInfo
    from copydesk_html import ParseHtml

    page = "<html><body><p>Text.</p><svg>" + "<g><path/></g>" * 50 + "</svg></body></html>"

    class Ctx:
        step = "html.parse"

    doc = ParseHtml(max_elements=5)(Document(id="s", source=SourceInfo("t://s", "text/html", ""), raw=page.encode()), Ctx())
    assert isinstance(doc, Document) and doc.text == "Text."


# The walk in C (``libxml_blocks``) must give exactly the blocks of the reference walk above. It
# is built where a C compiler is at hand (editable installs build it too); without one the
# plugin runs the reference walk and these tests are skipped, saying why.

try:
    from copydesk_html.libxml_blocks import blocks_of as native_blocks_of
except ImportError:
    native_blocks_of = None

needs_c_walk = pytest.mark.skipif(
    native_blocks_of is None, reason="the C walk is not built (no C compiler when the plugin was installed)"
)

BLOCK_TAGS = ["div", "p", "li", "ul", "h2", "td", "tr", "table", "blockquote", "section", "article", "nav", "footer"]
INLINE_TAGS = ["span", "b", "i", "em", "a", "a", "br", "br", "script", "svg", "button", "time", "strong"]
ATTRIBUTES = [
    'class="story body"',
    'id="Main-1"',
    'id="--"',
    'class="--" itemprop=""',
    'class="Caf\u00e9-Main \u212aey" id="x"',
    'itemprop="\u0130tem Body"',
    'role="navigation"',
    'itemprop="articleBody"',
    'class="share" role="Banner"',
    "hidden",
    'style="display: none"',
    'style="color: red"',
    'style=""',
    'CLASS="promo" class="x"',
    'id=""',
    'href="/x"',
    'rel="author"',
    'rel="Author"',
    'class="byline"',
    'class="post-Author name"',
    'class="co-authored"',
    'rel="author" class="Byline"',
]
WORDS = ["Talks", "went", "on", "late.", "The", "minister", "said", "&amp;", "&nbsp;", "\u201cyes\u201d", "  ", "\n", "\u200b"]
WORDS += ["\t", "\r\n ", "\x0b", "\x0c", "\u2003", " \u3000 "]  # whitespace that is ASCII and that is not


def random_page(rng: random.Random, size: int) -> str:
    """A page of random nesting, attributes, text, comments and loose end tags: libxml2's
    recovering parser turns any of it into some tree, which is what both walks must agree on."""
    out = ["<html><head><title>T</title></head><body>"]
    open_tags: list[str] = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.3:
            tag = rng.choice(BLOCK_TAGS + INLINE_TAGS)
            attributes = " ".join(rng.sample(ATTRIBUTES, rng.randint(0, 2)))
            out.append(f"<{tag} {attributes}>" if attributes else f"<{tag}>")
            if tag != "br":
                open_tags.append(tag)
        elif roll < 0.45 and open_tags:
            out.append(f"</{open_tags.pop()}>")
        elif roll < 0.5:
            out.append("<!-- a comment -->")
        elif roll < 0.52:
            out.append(f"</{rng.choice(BLOCK_TAGS)}>")  # a stray end tag
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))))
    return "".join(out)


def both(root: Any, max_elements: int = 100_000) -> tuple[list[Any], list[Any]]:
    from copydesk_html.blocks import blocks_of

    reference, native = list(blocks_of(root, max_elements)), list(native_blocks_of(root, max_elements))
    # equal dicts may differ in order, which shows wherever features are listed
    assert [list(block.features) for block in native] == [list(block.features) for block in reference]
    return reference, native


@needs_c_walk
@pytest.mark.parametrize("page", [TRICKY_PAGE, SKIPPED_PAGE], ids=["tricky", "skipped"])
def test_the_c_walk_gives_the_reference_blocks_of_the_test_pages(page: str) -> None:
    reference, native = both(parse_tree(page, "test://page.html"))
    assert reference  # the pages have blocks to compare
    assert native == reference


@needs_c_walk
def test_the_c_walk_gives_the_reference_blocks_of_random_pages() -> None:
    """Random pages through the plugin's parser and through one that keeps comments."""
    rng = random.Random(20261207)
    keeping_comments = etree.HTMLParser()
    compared = 0
    for n in range(300):
        page = random_page(rng, rng.randint(5, 120))
        root = parse_tree(page, f"test://random-{n}.html") if n % 2 else etree.fromstring(page, keeping_comments)
        reference, native = both(root)
        assert native == reference, page
        compared += len(reference)
    assert compared > 1000


@needs_c_walk
def test_the_c_walk_of_a_subtree_and_of_a_namespaced_tree() -> None:
    root = parse_tree(TRICKY_PAGE, "test://tricky.html")
    section = root.find(".//section")
    reference, native = both(section)
    assert native == reference and reference
    # An XML tree: namespaced tags, an attribute and a style holding an entity reference (not one
    # text node), CDATA beside text, a <br> with text and children of its own.
    xml = (
        '<!DOCTYPE r [<!ENTITY e "ent"><!ENTITY h "display:none">]><r xmlns:x="urn:x">'
        '<x:div class="a &e;" id="i"><p>one</p>tail</x:div><div><?pi data?>two &e; three</div>'
        "<p><![CDATA[four]]> five <![CDATA[six]]><br>own <b>seven</b> eight</br>nine<span style='&h;'>no</span>ten</p></r>"
    )
    tree = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, strip_cdata=False))
    reference, native = both(tree)
    assert native == reference and reference


@needs_c_walk
def test_the_c_walk_reads_runs_of_whitespace_as_the_reference_does() -> None:
    # Runs the C walk does not decode (ASCII whitespace, split over text and CDATA nodes), an
    # empty CDATA section (no text at all: no space), and whitespace that is not ASCII.
    xml = (
        "<r><p><b>one</b><![CDATA[]]><i>two</i> \t<![CDATA[\n ]]>\r<i>three</i><![CDATA[ ]]></p>"
        "<p><b>four</b>\u00a0<i>five</i>\u2003 \n<i>six</i>\r\n<i>seven</i></p><p> \n </p><p><![CDATA[]]></p></r>"
    )
    tree = etree.fromstring(xml, etree.XMLParser(strip_cdata=False))
    reference, native = both(tree)
    assert [block.text for block in reference] == ["onetwo three", "four five six seven"]
    assert native == reference


@needs_c_walk
def test_the_c_walk_stops_at_the_element_limit_as_the_reference_does() -> None:
    root = parse_tree("<html><body>" + "<p>x</p>" * 50 + "</body></html>", "test://many.html")
    from copydesk_html.blocks import blocks_of

    for walk in (blocks_of, native_blocks_of):
        with pytest.raises(ValueError, match="has more than 20 elements"):
            list(walk(root, 20))
    assert both(root, 53)[1] == both(root, 53)[0]  # html, body and 50 paragraphs fit in 53


def test_assemble_joins_the_texts_and_gives_each_block_its_offsets() -> None:
    from copydesk import Block, FrozenData
    from copydesk_html.blocks import BLOCK_SEPARATOR, RawBlock, assemble

    raw = [RawBlock("One.", "paragraph", "/p[1]", {"chars": 4}), RawBlock("Two words", "heading", "/h2", {})]
    text, blocks = assemble(raw)
    assert text == "One." + BLOCK_SEPARATOR + "Two words"
    assert blocks == (Block(0, 4, "paragraph", "/p[1]", {"chars": 4}), Block(6, 15, "heading", "/h2"))
    assert [text[b.start : b.end] for b in blocks] == ["One.", "Two words"]
    assert all(type(b.features) is FrozenData for b in blocks)
    assert assemble([]) == ("", ())


def assembled_both(raw: list[Any]) -> tuple[Any, Any]:
    from copydesk_html.blocks import assemble
    from copydesk_html.libxml_blocks import assemble as native_assemble

    reference, native = assemble(raw), native_assemble(raw)
    # the same text and blocks, each attribute of the same type (equal is not enough: 1 == 1.0)
    assert native == reference
    fields = ("start", "end", "kind", "provenance", "features")
    assert [[type(getattr(b, f)) for f in fields] for b in native[1]] == [
        [type(getattr(b, f)) for f in fields] for b in reference[1]
    ]
    return reference, native


@needs_c_walk
def test_the_c_assemble_gives_the_reference_blocks_of_the_test_and_random_pages() -> None:
    rng = random.Random(2026)
    pages = [TRICKY_PAGE, SKIPPED_PAGE] + [random_page(rng, rng.randint(5, 120)) for _ in range(100)]
    compared = 0
    for n, page in enumerate(pages):
        raw = list(native_blocks_of(parse_tree(page, f"test://page-{n}.html"), 100_000))
        reference, _ = assembled_both(raw)
        compared += len(reference[1])
    assert compared > 300


@needs_c_walk
def test_the_c_assemble_takes_any_raw_blocks_the_reference_takes() -> None:
    from copydesk import FrozenData

    # plain tuples and lists, features as a dict, as None and as FrozenData, an empty text
    raw: list[Any] = [("a", "paragraph", "/p", {"x": 1}), ["", "heading", "/h1", None], ("b c", "x", "", FrozenData())]
    _, native = assembled_both(raw)
    assert native[0] == "a\n\n\n\nb c"
    assert assembled_both([]) == (("", ()), ("", ()))


@needs_c_walk
def test_the_c_assemble_knows_the_attributes_of_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """It sets Block's attributes itself, so it must know all of them; a Block of other
    attributes (a newer core) is left to Block's own constructor."""
    import attrs

    from copydesk import Block
    from copydesk_html import blocks, libxml_blocks

    assert tuple(field.name for field in attrs.fields(Block)) == libxml_blocks._BLOCK_FIELDS
    assert libxml_blocks._block_fields_known
    handed_on = []
    monkeypatch.setattr(libxml_blocks, "_block_fields_known", False)
    monkeypatch.setattr(blocks, "assemble", lambda raw: handed_on.append(raw) or ("", ()))
    raw = [("a", "paragraph", "/p", {})]
    assert libxml_blocks.assemble(raw) == ("", ()) and handed_on == [raw]


@needs_c_walk
@pytest.mark.parametrize("digits", [2, 3, 4])
def test_the_c_walk_rounds_ratios_as_the_reference_does(digits: int) -> None:
    from copydesk_html.libxml_blocks import rounded

    # ties included (1/8 at two digits, 1/160 at four), and numbers past the C integers' limit
    pairs = [(part, whole) for whole in range(1, 300) for part in range(0, 2 * whole + 1)]
    pairs += [(2**40 + 1, 3), (2**45, 2**45 + 7), (10**12 + 7, 10**12 + 11)]
    for part, whole in pairs:
        assert rounded(part, whole, digits) == rounded_ratio(part, whole, digits), (part, whole)


@needs_c_walk
def test_the_c_walk_normalises_whitespace_and_counts_as_the_reference_does() -> None:
    from copydesk_html.blocks import _Blocks
    from copydesk_html.libxml_blocks import normalised

    # every kind of str storage (Latin-1, two and four bytes) and of Unicode whitespace
    alphabet = "ab .!?\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\xe9\u0964\u1680\u2003\u2028\u200b\u3000\u3002\uff01\uff1f\u061f\U0001f600"
    values = random.Random(5)
    for _ in range(3000):
        parts = ["".join(values.choice(alphabet) for _ in range(values.randint(0, 6))) for _ in range(values.randint(0, 4))]
        assert normalised(parts) == _Blocks.normalise(parts), parts


@needs_c_walk
def test_the_byline_search_in_c_finds_the_elements_of_the_reference() -> None:
    from copydesk_html.libxml_metadata import byline_elements as native_byline_elements
    from copydesk_html.metadata import byline_elements

    rng = random.Random(1127)
    found = 0
    for n in range(200):
        root = parse_tree(random_page(rng, rng.randint(5, 120)), f"test://random-{n}.html")
        for limit in (1, 5):
            reference = byline_elements(root, limit)
            assert native_byline_elements(root, limit) == reference
            found += len(reference[0]) + len(reference[1])
    # a subtree, and an XML tree whose attribute values hold entity references
    xml = '<!DOCTYPE r [<!ENTITY a "author">]><r><p rel="&a;">x</p><p class="by-&a;">y</p><p rel="author"/></r>'
    tree = etree.fromstring(xml, etree.XMLParser(resolve_entities=False))
    assert native_byline_elements(tree, 5) == byline_elements(tree, 5)
    assert len(byline_elements(tree, 5)[0]) == 2
    section = parse_tree(TRICKY_PAGE, "test://tricky.html").find(".//section")
    assert native_byline_elements(section, 5) == byline_elements(section, 5)
    assert found > 100


META_ELEMENTS = [
    '<meta property="og:title" content="Talks &amp; more">',
    '<meta name="author" content="A. Writer">',
    '<meta itemprop="datePublished" content="2019-11-19">',
    '<meta http-equiv="Content-Language" content="en">',
    '<meta property="" name="Description" content="first non-empty name">',
    '<meta name="keywords" content="">',
    '<meta content="no name">',
    '<meta name="twitter:title" NAME="second" content=" spaced  out ">',
    '<meta property="og:url" content="https://news.example/a">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>',
    '<script type=" Application/LD+JSON ">[]</script>',
    '<script type="text/javascript">var x = 1;</script>',
    "<script>var y = 2;</script>",
    '<link rel="canonical" href="https://news.example/c">',
    '<link rel="canonical">',
    '<link rel="stylesheet" href="/s.css">',
    '<link rel="Canonical" href="/not-quite">',
    "<title>Page title</title>",
    "<h1>Heading <b>one</b></h1>",
    '<time datetime="2019-11-19T10:00:00Z">Nov 19</time>',
    "<time>19 November 2019</time>",
    "<p>text</p>",
]


@needs_c_walk
def test_the_metadata_search_in_c_finds_what_the_reference_finds() -> None:
    from copydesk_html.libxml_metadata import page_elements as native_page_elements
    from copydesk_html.metadata import page_elements

    rng = random.Random(20261208)
    found = 0
    for n in range(200):
        head = "".join(rng.choice(META_ELEMENTS) for _ in range(rng.randint(0, 12)))
        body = "".join(rng.choice(META_ELEMENTS) for _ in range(rng.randint(0, 6)))
        root = parse_tree(f"<html><head>{head}</head><body>{body}</body></html>", f"test://meta-{n}.html")
        reference = page_elements(root)
        assert native_page_elements(root) == reference
        found += sum(map(len, reference))
    assert found > 1000
    # attribute values holding entity references (not one text node), and namespaced
    # elements, which lxml's iter("meta", ...) does not match
    xml = (
        '<!DOCTYPE r [<!ENTITY t "og:title">]><r xmlns:x="urn:x"><meta property="&t;" content="A &t; B"/>'
        '<x:meta name="n" content="c"/><link rel="canonical" href="&t;"/><x:title>no</x:title><title>yes</title></r>'
    )
    tree = etree.fromstring(xml, etree.XMLParser(resolve_entities=False))
    reference = page_elements(tree)
    assert native_page_elements(tree) == reference
    assert reference.meta == [("og:title", "A og:title B")] and len(reference.title) == 1


@needs_c_walk
def test_the_plugin_walks_with_the_c_walk_when_it_is_built() -> None:
    import copydesk_html
    from copydesk_html import metadata
    from copydesk_html.libxml_metadata import byline_elements, page_elements

    assert copydesk_html.blocks_of is native_blocks_of
    assert metadata.find_byline_elements is byline_elements
    assert metadata.find_page_elements is page_elements
