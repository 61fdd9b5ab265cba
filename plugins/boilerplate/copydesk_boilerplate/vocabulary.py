"""Class and id tokens that pages across the web give to their furniture.

These are the words of front-end conventions (WordPress, Drupal, Bootstrap, Disqus, share
widgets, ad servers), not of any one site: ``comment`` in ``comment-list``, ``share`` in
``share-bar``, ``related`` in ``related-stories``. Tokens are the lower-cased alphanumeric
runs of ``class``, ``id`` and ``itemprop`` values.
"""

from __future__ import annotations

#: Tokens that mark a container of one kind of furniture, with the removal reason.
FURNITURE_TOKENS: dict[str, str] = {
    **dict.fromkeys(
        [
            "comment",
            "comments",
            "commentlist",
            "disqus",
            "respond",
            "replies",
            "discussion",
            "discussions",
            "responses",
        ],
        "comments",
    ),
    **dict.fromkeys(
        [
            "related",
            "recommended",
            "recommendations",
            "recommend",
            "popular",
            "trending",
            "mostread",
            "mostpopular",
            "outbrain",
            "taboola",
            "readmore",
            "readnext",
            "nextread",
            "suggested",
            "moreon",
            "morestories",
            "morenews",
        ],
        "related_links",
    ),
    **dict.fromkeys(
        ["share", "sharing", "sharebar", "socialbar", "socialshare", "addthis", "sharethis", "shareaholic"], "share_bar"
    ),
    **dict.fromkeys(["newsletter", "newsletters", "subscribe", "subscription", "signup", "optin"], "newsletter"),
    **dict.fromkeys(
        [
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menubar",
            "breadcrumb",
            "breadcrumbs",
            "pagination",
            "pager",
            "skiplink",
        ],
        "navigation",
    ),
    **dict.fromkeys(["footer", "copyright", "colophon"], "footer"),
    **dict.fromkeys(["sidebar", "sidebars"], "sidebar"),
    **dict.fromkeys(
        ["ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "dfp", "adslot"],
        "advertisement",
    ),
    **dict.fromkeys(["cookie", "cookies", "consent", "gdpr"], "cookie_banner"),
    **dict.fromkeys(["tags", "tagged", "tagcloud", "topics", "keywords"], "tags"),
}

#: Beginnings of run-together class names that name furniture ("relatedposts", "commentlist").
FURNITURE_PREFIXES: dict[str, str] = {
    "related": "related_links",
    "recommend": "related_links",
    "comment": "comments",
    "disqus": "comments",
    "sharebutton": "share_bar",
    "socialshar": "share_bar",
    "newsletter": "newsletter",
    "outbrain": "related_links",
    "taboola": "related_links",
    "breadcrumb": "navigation",
    "sidebar": "sidebar",
    "footer": "footer",
    "cookie": "cookie_banner",
}

#: Tokens that mark short metadata lines and picture furniture inside the article container.
META_TOKENS: dict[str, str] = {
    **dict.fromkeys(["byline", "bylines", "author", "authors", "contributor", "contributors", "writer"], "byline"),
    **dict.fromkeys(
        ["date", "dateline", "timestamp", "published", "updated", "pubdate", "datemodified", "datepublished"],
        "timestamp",
    ),
    **dict.fromkeys(
        ["caption", "captions", "credit", "credits", "photocredit", "figcaption", "gallery", "slideshow"], "caption"
    ),
}

#: Endings of run-together class names of picture furniture ("imageembedcaption", "photocredit").
META_SUFFIXES: dict[str, str] = {"caption": "caption", "credit": "caption", "byline": "byline"}

#: Tokens that mark the element holding an article's text.
CONTENT_TOKENS = frozenset(
    [
        "article",
        "articlebody",
        "articletext",
        "articlecontent",
        "story",
        "storybody",
        "storytext",
        "content",
        "entry",
        "entrycontent",
        "body",
        "post",
        "postbody",
        "postcontent",
        "text",
        "main",
        "maincontent",
    ]
)

#: Tokens, and pairs of tokens, that mark the element holding the article body itself.
ARTICLE_BODY_TOKENS = frozenset(
    [
        "articlebody",
        "articletext",
        "articlecontent",
        "storybody",
        "storytext",
        "storycontent",
        "entrycontent",
        "postcontent",
        "postbody",
        "bodytext",
        "maintext",
    ]
)
ARTICLE_BODY_PAIRS = (
    frozenset(("article", "body")),
    frozenset(("article", "text")),
    frozenset(("article", "content")),
    frozenset(("story", "body")),
    frozenset(("story", "text")),
    frozenset(("entry", "content")),
    frozenset(("post", "content")),
    frozenset(("post", "body")),
)

#: Landmark elements and ARIA roles (from the ``html`` parser's ``landmarks``) that are never the article.
LANDMARK_REASONS = {
    "nav": "navigation",
    "role:navigation": "navigation",
    "menu": "navigation",
    "role:menubar": "navigation",
    "role:menu": "navigation",
    "footer": "footer",
    "role:contentinfo": "footer",
    "aside": "sidebar",
    "role:complementary": "sidebar",
    "role:search": "navigation",
    "role:dialog": "cookie_banner",
}
