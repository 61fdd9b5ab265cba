"""Each rule on its own, on text and on parsed pages: what it labels and what it leaves."""

from __future__ import annotations

import pytest

from copydesk import Document, SourceInfo
from copydesk.testing import make_document
from copydesk_boilerplate import RULES, StripBoilerplate
from copydesk_html import ParseHtml

PROSE = (
    "The minister said on Tuesday that the talks would continue next week, and that both sides "
    "had agreed to share more information about the border."
)


def labels(rule: str, doc: Document) -> dict[str, str]:
    """Block text -> reason, for the blocks `rule` labels (alone) in `doc`."""
    page = StripBoilerplate(rules=[rule]).label(doc)
    return {page.texts[i]: v.reason for i, v in page.removed.items() if i not in page.earlier}


def text_doc(*paragraphs: str, title: str | None = None) -> Document:
    return make_document("\n\n".join(paragraphs), meta={"title": title} if title else None)


class Ctx:
    step = "html.parse"


def page(body: str, head: str = "") -> Document:
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    parsed = ParseHtml()(Document(id="p", source=SourceInfo("test://p", "text/html", ""), raw=html), Ctx())
    assert isinstance(parsed, Document)
    return parsed


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        ("share_bar", "Share:"),
        ("share_bar", "Facebook Twitter WhatsApp Email"),
        ("share_bar", "Sharing is caring!"),
        ("newsletter", "Get Daily News in your Inbox:"),
        ("newsletter", "Sign up for our morning newsletter"),
        ("click_here", "For complete article, click here"),
        ("click_here", "Continue reading"),
        ("byline", "By Jane Doe and John Roe, Reuters"),
        ("byline", "Written By Web Desk | Updated:"),
        ("timestamp", "November 19, 2019 10:28 AM EST"),
        ("timestamp", "Updated: 19 Nov 2019"),
        ("comments", "Post a Comment"),
        ("comments", "12 comments"),
        ("timestamp", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"),
        ("timestamp", "Updated at 1:23 p.m."),
        ("caption_line", "In this Dec. 12, 2006, file photo, made available by NASA, two astronauts work."),
        ("caption_line", "The protests kicked off in June and have grown in size (Image: GETTY)"),
        ("bare_url", "https://news.example.com/world/article/Talks-resume-14848382.php"),
        ("advertisement", "Advertisement"),
        ("advertisement", "Story continues below advertisement"),
        ("cookie_banner", "We use cookies to improve your browsing experience. By continuing you accept them."),
        ("footer", "\u00a9 2019 Example Media Group. All rights reserved."),
    ],
)
def test_wording_rule_labels_its_line(rule: str, line: str) -> None:
    reason = getattr(RULES[rule], "reason", rule)
    assert labels(rule, text_doc(PROSE, line, PROSE + " Again.")) == {line: reason}


@pytest.mark.parametrize("rule", ["share_bar", "newsletter", "click_here", "byline", "timestamp", "comments"])
def test_wording_rules_leave_prose_that_mentions_their_words(rule: str) -> None:
    prose = (
        "By the time the newsletter was shared on Twitter and Facebook, readers could click here and there "
        "in comments, and on November 19, 2019 the editor said subscribers would read more soon."
    )
    assert labels(rule, text_doc(prose, PROSE)) == {}


def test_related_links_takes_the_heading_and_its_list_until_prose() -> None:
    doc = text_doc(
        PROSE,
        "Related: From the Regional Press",
        "Minister says talks will go on - The Daily",
        "Border trade reopens after a month - Morning Post",
        PROSE + " It ended there.",
    )
    assert labels("related_links", doc) == {
        "Related: From the Regional Press": "related_links",
        "Minister says talks will go on - The Daily": "related_links",
        "Border trade reopens after a month - Morning Post": "related_links",
    }


def test_related_links_takes_popular_posts_lists_ending_in_questions() -> None:
    doc = text_doc(PROSE, "Popular posts from this blog", "Why did the talks fail?", "What the minister said")
    assert set(labels("related_links", doc)) == {
        "Popular posts from this blog",
        "Why did the talks fail?",
        "What the minister said",
    }


def test_comments_labels_text_between_furniture_after_the_end() -> None:
    comment = "Our country should be treated as an equal partner, not a servant of others."
    doc = text_doc(
        PROSE,
        PROSE,
        PROSE,
        "Related: Other stories",
        "Talks resume - The Daily",
        comment,
        "Popular posts from this blog",
        "Why did the talks fail?",
    )
    found = labels("comments", StripBoilerplate(rules=["related_links"])(doc, None))
    assert found == {comment: "comments"}


def test_comments_leaves_the_article_after_an_inline_related_line() -> None:
    doc = text_doc(PROSE, "Related: Talks resume", PROSE + " One.", PROSE + " Two.", PROSE + " Three.", "Share:")
    labelled = StripBoilerplate(rules=["related_links", "share_bar"])(doc, None)
    assert labels("comments", labelled) == {}


def test_duplicate_labels_a_repeated_title_and_a_standfirst() -> None:
    standfirst = "Officials met on Wednesday to discuss the growing threat on the border."
    doc = text_doc("Talks on the border", standfirst, "ISLAMABAD: " + standfirst, PROSE, title="Talks on the border")
    assert labels("duplicate", doc) == {"Talks on the border": "duplicate", standfirst: "duplicate"}


def test_duplicate_labels_a_headline_that_is_the_title_with_a_site_name() -> None:
    doc = text_doc("Talks on the border resume", PROSE, title="Talks on the border resume | The Daily Example")
    doc = make_document(doc.text, blocks=[(0, 26, "heading"), (28, len(doc.text), "paragraph")], meta=dict(doc.meta))
    assert labels("duplicate", doc) == {"Talks on the border resume": "duplicate"}


def test_duplicate_leaves_distinct_paragraphs() -> None:
    assert labels("duplicate", text_doc(PROSE, PROSE.replace("Tuesday", "Monday"), title="Other")) == {}


ARTICLE = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(6))


def test_main_content_keeps_the_article_element_and_labels_the_rest() -> None:
    doc = page(
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
        f"<div class='story'><h1>Talks</h1>{ARTICLE}</div>"
        "<div class='sidebar'><p>A long sidebar paragraph about something else entirely, with words.</p></div>"
        "<footer><p>About us</p></footer>"
    )
    found = labels("main_content", doc)
    assert found == {
        "Home": "navigation",
        "World": "navigation",
        "A long sidebar paragraph about something else entirely, with words.": "sidebar",
        "About us": "footer",
    }


def test_main_content_is_not_fooled_by_a_layout_class_naming_furniture() -> None:
    doc = page(f"<div class='non-ad-column'><article>{ARTICLE}</article></div><div class='ads'><p>Buy now</p></div>")
    found = labels("main_content", doc)
    assert found == {"Buy now": "advertisement"}


def test_main_content_does_nothing_on_plain_text() -> None:
    assert labels("main_content", text_doc(PROSE, "Home", PROSE)) == {}


def test_marked_furniture_inside_the_article() -> None:
    doc = page(
        f"<article>{ARTICLE}<div class='share-tools'><span>Tweet this story now please</span></div>"
        "<section id='comments'><p>I disagree with every word of this article and its author.</p></section>"
        "</article>"
    )
    found = labels("marked_furniture", doc)
    assert found == {
        "Tweet this story now please": "share_bar",
        "I disagree with every word of this article and its author.": "comments",
    }


def test_link_lists_label_runs_of_links_but_not_a_linked_sentence() -> None:
    doc = page(
        f"<article>{ARTICLE}<p>He said <a href='/x'>the talks</a> would go on for a long time yet.</p>"
        "<ul><li><a href='/a'>First other story headline</a></li>"
        "<li><a href='/b'>Second other story headline</a></li></ul>"
        "</article>"
    )
    assert labels("link_lists", doc) == {
        "First other story headline": "related_links",
        "Second other story headline": "related_links",
    }


def test_every_rule_is_registered_with_a_description() -> None:
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.description
        assert rule.__doc__


def test_strip_records_removals_and_deletes_nothing() -> None:
    doc = text_doc(PROSE, "Share:", "Nothing else was said about the border on Tuesday by anyone at all.")
    out = StripBoilerplate()(doc, None)
    assert out.text == doc.text and out.blocks == doc.blocks
    [span] = out.layer("removals")
    assert (span.label, out.span_text(span), span.data["block"]) == ("share_bar", "Share:", 1)


def test_step_pickles_with_its_rules() -> None:
    import pickle

    step = StripBoilerplate(rules=["share_bar", "duplicate"])
    copy = pickle.loads(pickle.dumps(step))
    assert copy.rule_names == ("share_bar", "duplicate")
    doc = text_doc(PROSE, "Share:", "Nothing else was said about the border on Tuesday by anyone at all.")
    assert copy(doc, None).layer("removals") == step(doc, None).layer("removals")


def test_main_content_takes_the_element_marked_as_the_article_body() -> None:
    schedule = "Round 1: 10 March - Interlagos Round 2: 8 April - Curitiba Round 3: 22 April - Velopark"
    doc = page(
        f"<div class='main'><div itemprop='articleBody'><p>{schedule}</p><p>{PROSE}</p>"
        + "".join(f"<span class='tag'><a href='/{i}'>stock car racing season {i}</a></span> " for i in range(10))
        + f"</div></div><aside><p>{PROSE} Elsewhere.</p></aside>"
    )
    found = labels("main_content", doc)
    assert schedule not in found and PROSE not in found
    assert found[PROSE + " Elsewhere."] == "sidebar"


def test_timestamp_reads_date_words_of_the_page_language() -> None:
    line = "segunda-feira, 22 de janeiro de 2018 \u00e0s 0:13"
    prose = "O governo anunciou em 22 de janeiro de 2018 novas medidas para a economia do pa\u00eds."
    doc = make_document(f"{PROSE}\n\n{line}\n\n{prose}", meta={"language": "pt-BR"})
    assert labels("timestamp", doc) == {line: "timestamp"}
    assert labels("timestamp", make_document(f"{PROSE}\n\n{line}", meta={"language": "en"})) == {}


def test_timestamp_tries_common_news_languages_when_the_page_does_not_say() -> None:
    line = "segunda-feira, 22 de janeiro de 2018 \u00e0s 0:13"
    prose = "O governo anunciou em 22 de janeiro de 2018 novas medidas para a economia do pa\u00eds."
    doc = make_document(f"{PROSE}\n\n{line}\n\n{prose}\n\nOs 2 de 3 jogos foram adiados")
    assert labels("timestamp", doc) == {line: "timestamp"}


TEASERS = "".join(f"<article class='post'><p>{PROSE} Teaser {i}.</p></article>" for i in range(5))


def test_main_content_labels_a_section_opened_by_a_story_list_heading() -> None:
    doc = page(
        f"<div class='wrap'><article class='post'><h1>Talks resume</h1><p>{PROSE}</p></article>"
        f"<article class='post'><h3 class='related-posts-title'>You may also like</h3>{TEASERS}</article></div>"
    )
    found = labels("main_content", doc)
    assert PROSE not in found
    assert {found[f"{PROSE} Teaser {i}."] for i in range(5)} == {"related_links"}


def test_a_story_list_heading_inside_the_article_or_on_a_page_without_h1_opens_no_section() -> None:
    inside = page(
        f"<article class='post'><h1>Talks resume</h1>{ARTICLE}"
        "<h3 class='related-title'>Related</h3><ul><li><a href='/a'>Other story</a></li></ul></article>"
    )
    assert not any(text.startswith(PROSE) for text in labels("main_content", inside))
    no_headline = page(f"<div><h3 class='related-posts-title'>More</h3>{TEASERS}</div>")
    assert labels("main_content", no_headline) == {}
    marked_body = page(
        "<header><h1>Talks resume</h1></header><div itemprop='articleBody'><h3 class='related-title'>Related</h3>"
        f"<ul><li><a href='/a'>Other story</a></li></ul>{ARTICLE}</div>"
    )
    for rule in ("main_content", "marked_furniture"):
        assert not any(text.startswith(PROSE) for text in labels(rule, marked_body))


def test_link_lists_leave_a_linked_sentence_paragraph_next_to_a_story_link() -> None:
    sentence = "The treasurer, Nora Quill, was cleared by the ethics panel after a two-day hearing."
    linked = "The treasurer, <a href='/quill'>Nora Quill, was cleared by the ethics panel</a> after a two-day hearing."
    doc = page(
        f"<article>{ARTICLE}<p>{linked}</p>"
        "<ul><li><a href='/a'>First other story headline</a></li></ul><p>More article text follows here.</p></article>"
    )
    found = labels("link_lists", doc)
    assert sentence not in found
    assert found == {"First other story headline": "related_links"}


def test_setup_loads_the_date_words_of_the_news_languages_once() -> None:
    from copydesk_boilerplate.lines import NEWS_LANGUAGES, date_words

    date_words.cache_clear()
    StripBoilerplate(rules=["share_bar", "timestamp"]).setup()
    assert date_words.cache_info().currsize == len(NEWS_LANGUAGES)


def test_prose_per_element_sums_prose_up_to_every_element_around_it() -> None:
    from copydesk_boilerplate.main_content import prose_per_element

    # 1 > 2 > (3, 4); 1 > 5 (no prose under it); 9 is an owner the layout never saw (depth -1).
    parent: list[int | None] = [None, None, 1, 2, 2, 1, None, None, None, None]
    depth = [-1, 0, 1, 2, 2, 1, -1, -1, -1, -1]
    prose = prose_per_element({3: 10.5, 4: 2.25, 2: 1.0, 9: 7.0}, parent, depth)
    assert prose == {3: 10.5, 4: 2.25, 2: 13.75, 1: 13.75}


def test_page_layout_prose_matches_the_prose_of_the_blocks_under_each_element() -> None:
    from copydesk_boilerplate import Page
    from copydesk_boilerplate.main_content import PageLayout

    doc = page(
        f"<div class='wrap'><article><p>{PROSE}</p><div class='inner'><p>{PROSE} Again.</p></div></article>"
        f"<div class='related'><p>{PROSE} Also.</p><a href='/x'>Other story</a></div></div>"
        "<footer><p>Short line</p></footer>"
    )
    layout = PageLayout(Page(doc))
    owners = layout.owner
    assert layout.bottom_up  # the elements the layout knows, each with a depth
    assert all(layout.depth[node] >= 0 for node in layout.bottom_up)
    for node in layout.bottom_up:
        under = [
            prose
            for index, prose in enumerate(layout.block_prose)
            if owners[index] is not None and node in doc.blocks[index].features["ancestors"]
        ]
        assert layout.prose.get(node, 0.0) == pytest.approx(sum(under))
    assert layout.total_prose == pytest.approx(sum(layout.block_prose))
    assert len([prose for prose in layout.block_prose if prose]) == 3


def test_descriptor_tokens_in_order_are_the_pattern_tokens_without_the_tag() -> None:
    import random
    import re

    from copydesk_boilerplate.page import tokens_in_order

    assert tokens_in_order("div#main.story.body.main@articlebody") == ("main", "story", "body", "articlebody")
    assert tokens_in_order("section.div.section.promo") == ("div", "promo")  # the tag's own name goes
    assert tokens_in_order("my-widget.my.widget") == ("my", "widget")  # a tag that is no token stays
    pattern = re.compile("[a-z0-9]+")
    alphabet = "ab09#.@-_ Z\u00e9\u212a"
    values = random.Random(5)
    for _ in range(3000):
        step = "".join(values.choice(alphabet) for _ in range(values.randint(0, 14)))
        tokens = dict.fromkeys(pattern.findall(step))
        tokens.pop(re.match("[^#.@]*", step).group(), None)  # type: ignore[union-attr]
        assert tokens_in_order(step) == tuple(tokens), step


@pytest.mark.parametrize(
    ("descriptor", "facts"),
    [
        ("div.menu.item", ("navigation", False)),  # a furniture word
        ("div.relatedposts.widget", ("related_links", False)),  # a run-together furniture name
        ("aside.widget.sharebuttons", ("share_bar", False)),  # one without a furniture word beside it
        ("footer.copyright", ("footer", False)),  # the tag's name is no token
        ("div.article.related", (None, False)),  # article content outweighs furniture
        ("div#story.body.text", (None, True)),  # a pair of words marks the article body
        ("div.entry.content.comment", (None, True)),
        ("div@articlebody", (None, True)),
        ("div.layout.grid", (None, False)),  # no word of the vocabulary
    ],
)
def test_descriptor_facts_name_furniture_and_the_article_body(descriptor: str, facts: tuple[str | None, bool]) -> None:
    from copydesk_boilerplate.main_content import descriptor_facts

    assert descriptor_facts(descriptor) == facts


def test_normalised_words_are_the_pattern_words_of_the_casefolded_text() -> None:
    import random
    import re

    from copydesk_boilerplate.repeats import TYPOGRAPHY, normalised

    word = re.compile(r"\w+")
    assert all(word.match(mark) is None and mark.casefold() == mark for mark in TYPOGRAPHY)
    assert normalised("It\u2019s \u201cDone\u201d\u2014twice\u2026 A_b\u00a0C") == "it s done twice a_b c"
    assert normalised("Stra\u00dfe \u2019Na\u00efve\u2019") == "strasse na\u00efve"  # casefold, not lower
    alphabet = "aZ09_ .,-'\t\n\x1c" + "".join(TYPOGRAPHY) + "\u00df\u00e9\u0416\u212a\u00b2"
    values = random.Random(3)
    for _ in range(3000):
        text = "".join(values.choice(alphabet) for _ in range(values.randint(0, 14)))
        assert normalised(text) == " ".join(word.findall(text.casefold())), text


def test_run_together_is_the_normalised_text_without_its_spaces() -> None:
    import random

    from copydesk_boilerplate.repeats import TYPOGRAPHY, normalised, run_together

    assert run_together("It\u2019s \u201cDone\u201d\u2014twice\u2026 A_b") == "itsdonetwicea_b"
    assert run_together("Stra\u00dfe \u2019Na\u00efve\u2019") == "strassena\u00efve"
    alphabet = "aZ09_ .,-'\t\n\x1c" + "".join(TYPOGRAPHY) + "\u00df\u00e9\u0416\u212a\u00b2"
    values = random.Random(4)
    for _ in range(3000):
        text = "".join(values.choice(alphabet) for _ in range(values.randint(0, 14)))
        assert run_together(text) == normalised(text).replace(" ", ""), text


def test_duplicate_finds_repeats_that_differ_only_in_case_and_punctuation() -> None:
    lines = [
        "Harbour Town Opens A New Ferry Pier",
        "The new pier opens on Monday, the council said.",
        "Harbour town opens a new ferry pier!",
        "The ferry runs twice a day from the old quay to the island.",
        "The ferry runs twice a day -- from the old quay to the island",
        "THE NEW PIER OPENS ON MONDAY: the council said. Builders finished it in March after two years.",
    ]
    kinds = ["title", "paragraph", "heading", "paragraph", "paragraph", "paragraph"]
    spans, offset = [], 0
    for line, kind in zip(lines, kinds, strict=True):
        spans.append((offset, offset + len(line), kind))
        offset += len(line) + 2
    doc = make_document("\n\n".join(lines), blocks=spans)
    found = {v.index: v.detail for v in StripBoilerplate(["duplicate"]).label(doc).removed.values()}
    assert found == {
        1: "a standfirst repeated in the body",
        2: "repeats the title",
        4: "repeats the block before it",
    }


def test_newsletter_pieces_never_hide_a_match_of_the_pattern() -> None:
    import random

    from copydesk_boilerplate.lines import _NEWSLETTER, Newsletter

    rule = Newsletter()
    for line in [
        "Newsletters",
        "Straight to your inbox",
        "SIGN UP NOW",
        "Subscribe today",
        "Download our weather app",
        "Get the app",
        "Follow us on the radio",
        "Join our reading community",
        "Already a subscriber?",
        "Subscribers only",
        "\u017fubscribe here",  # long s: matches "s" when case is ignored
        "S\u0130GN UP HERE",  # dotted capital I
        "JO\u0130N OUR CHANNEL",
    ]:
        assert _NEWSLETTER.search(line), line
        assert rule.matches(line), line
    letters = "newsLETTERinboxyourINBOXsignupSIGNsubscribeSUBdownloadtheourappgetfollowusonjoinalreadyonly  "
    values = random.Random(6)
    alphabet = letters + "\u0130\u0131\u017f\u212a"
    for _ in range(5000):
        text = "".join(values.choice(alphabet) for _ in range(values.randint(0, 30)))
        assert rule.matches(text) == bool(_NEWSLETTER.search(text)), text
    assert not rule.matches("The river rose by a metre overnight.")
