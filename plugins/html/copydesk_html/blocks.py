"""An lxml tree to text blocks: one block per run of inline content, with classifier features.

A block ends where a block-level element (``p``, ``div``, ``li``, ``h2``, ``td``, ...) opens
or closes, and at two ``<br>`` in a row. Its *owner* is the innermost block-level element
around it; the owner's xpath is the block's provenance. Features describe the block and the
elements around it, so boilerplate rules can judge it without the tree:

- ``tag``, ``tag_path`` (owner and ancestors' tag names), ``depth``, ``heading_level``
- ``ancestors``: document-order numbers of the owner and its ancestors (root first), so rules
  can group blocks by a shared container; ``trail``: one ``tag#id.class@itemprop`` descriptor per
  ancestor (tokens lower-cased, split at non-alphanumerics)
- ``landmarks``: sectioning elements and ARIA roles around the block (``nav``, ``footer``, ...)
- ``chars``, ``words``, ``link_chars``, ``link_density``, ``links``, ``sentences``,
  ``text_density`` (words per 80-character line)
- ``position``: index of the block over the number of blocks (0 to 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import Any, NamedTuple

from lxml import etree

from copydesk import Block

#: Elements whose content is never visible text.
SKIPPED = frozenset(
    [
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "map",
        "area",
        "applet",
        "frameset",
        "frame",
        "title",
    ]
)

#: Elements that begin and end a block.
BLOCK_LEVEL = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "legend",
    ]
)

_KIND_OF_TAG = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "blockquote",
    "pre": "preformatted",
    "td": "table_cell",
    "th": "table_cell",
    "figcaption": "caption",
    "caption": "caption",
}

#: Ancestors that decide a block's kind when its owner is a plain paragraph or division.
_ENCLOSING_KIND = {"blockquote": "blockquote", "figcaption": "caption", "caption": "caption", "pre": "preformatted"}

LANDMARK_TAGS = frozenset(["nav", "footer", "header", "aside", "form", "article", "main", "figure", "menu"])

_ROLES = frozenset(
    ["navigation", "contentinfo", "banner", "complementary", "main", "article", "search", "menu", "menubar", "dialog"]
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u061f\u0964]")

#: Characters that take no room on screen yet are not whitespace to Python: zero-width space,
#: joiners, word joiner, byte-order mark. A run of nothing but these (editors leave ``<p>&#8203;</p>``
#: between paragraphs) is no block. Only short runs are checked.
_INVISIBLE = " \u200b\u200c\u200d\u2060\ufeff"
MAX_INVISIBLE_CHARS = 16

#: Characters of one "line" for the text-density feature (Kohlschuetter et al. wrap at 80).
LINE_WIDTH = 80


#: Text placed between blocks in ``Document.text``.
BLOCK_SEPARATOR = "\n\n"


class RawBlock(NamedTuple):
    """A block before it has offsets in the document text (a named tuple: one is made per block,
    and a tuple is the cheapest object to make)."""

    text: str
    kind: str
    xpath: str
    features: dict[str, Any]


#: Bytes that separate tokens, as spaces: all but ASCII lower-case letters and digits.
_TOKEN_BYTES = bytes(byte if byte in b"abcdefghijklmnopqrstuvwxyz0123456789" else 32 for byte in range(256))


def _tokens(value: str) -> str:
    """`value`'s lower-cased alphanumeric runs (``[a-z0-9]+``), joined by dots.

    Attribute values are nearly always ASCII; for those, a byte table turns every other
    character into a space in one C call, at half what the pattern's ``findall`` costs.
    """
    if value.isascii():
        return b".".join(value.encode().lower().translate(_TOKEN_BYTES).split()).decode()
    return ".".join(_TOKEN.findall(value.lower()))


@lru_cache(maxsize=4096)
def _descriptor_of(tag: str, ident: str | None, classes: str | None, itemprop: str | None) -> str:
    """The ``tag#id.class@itemprop`` descriptor of an element's attributes. Pages repeat the same
    few attribute sets on most of their elements, so each is tokenised once (cached)."""
    out = tag
    if ident:
        out += "#" + _tokens(ident)
    if classes:
        tokens = _tokens(classes)
        if tokens:
            out += "." + tokens
    if itemprop:
        out += "@" + _tokens(itemprop)
    return out


def _hidden(element: Any) -> bool:
    if element.get(b"hidden") is not None:
        return True
    style = element.get(b"style")
    return bool(style and _HIDDEN_STYLE.search(style))


#: One element on the path from the root, for its xpath ``tag[n]``: [parent step, tag, n,
#: children seen so far by tag (None until the first), the xpath once made].
_Step = list[Any]


def _xpath(step: _Step) -> str:
    """The xpath of a step, as libxml2's ``getpath`` writes it.

    ``getpath`` rescans the siblings of every ancestor for each call; counting the children of
    each open element once during the walk gives the same xpath for a fraction of the work.
    Whether ``[n]`` is written depends on later siblings too (it is left out for an only child
    of its name), so the text is made when the walk is over.
    """
    xpath: str | None = step[4]
    if xpath is None:
        parent, tag = step[0], step[1]
        if parent is None:
            xpath = "/" + tag
        else:
            # most parents have theirs already (a sibling block's): no call to ask
            above = parent[4] if parent[4] is not None else _xpath(parent)
            xpath = f"{above}/{tag}[{step[2]}]" if parent[3][tag] > 1 else f"{above}/{tag}"
        step[4] = xpath
    return xpath


#: What a block needs about its open ancestors, built once per element and shared by every
#: block under it: (ancestors, trail, tag path, landmarks so far, sorted landmarks, kind).
_Context = tuple[tuple[int, ...], tuple[str, ...], str, tuple[str, ...], tuple[str, ...], str]

_ROOT_CONTEXT: _Context = ((), (), "", (), (), "paragraph")

#: One open block-level element: [element, tag, document-order number, context once built,
#: xpath step]. The walk keeps them on one stack, root first.
_Frame = list[Any]


class _Blocks:
    """The blocks found so far, and how one is made from the text since the last boundary."""

    def __init__(self, frames: list[_Frame]) -> None:
        self.frames = frames
        #: Text, kind and features of each block; the xpath is added when the walk is over.
        self.found: list[tuple[str, str, dict[str, Any]]] = []
        self.steps: list[_Step | None] = []

    def context(self) -> _Context:
        """The context of the innermost open element, filling in the entries not built yet."""
        frames = self.frames
        first = len(frames) - 1
        while frames[first][3] is None:
            first -= 1
        built: _Context = frames[first][3]
        for frame in frames[first + 1 :]:
            built = frame[3] = enclosed_context(built, frame[1], frame[2], *described(frame[0], frame[1]))
        return built

    @staticmethod
    def normalise(parts: list[str]) -> tuple[str, int, int]:
        """The text of `parts`, each run of whitespace one space and none at either end, with
        its number of words and of sentence marks."""
        text = " ".join("".join(parts).split())
        return text, text.count(" ") + 1, sentence_marks(text)

    def add(self, parts: list[str], link_chars: int, links: int) -> None:
        """A block of the inline text `parts` (nothing if it is all whitespace)."""
        text, words, sentences = self.normalise(parts)
        if not text or (len(text) <= MAX_INVISIBLE_CHARS and not text.strip(_INVISIBLE)):
            return
        frame = self.frames[-1]
        ids, trail, path, _, landmarks, enclosing_kind = frame[3] if frame[3] is not None else self.context()
        owner_tag = frame[1] if len(self.frames) > 1 else "html"
        features = block_features(
            owner_tag, ids, trail, path, landmarks, len(text), words, sentences, link_chars, links
        )
        self.found.append((text, _KIND_OF_TAG.get(owner_tag, enclosing_kind), features))
        self.steps.append(frame[4])


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def block_features(
    owner_tag: str,
    ids: tuple[int, ...],
    trail: tuple[str, ...],
    path: str,
    landmarks: tuple[str, ...],
    chars: int,
    words: int,
    sentences: int,
    link_chars: int,
    links: int,
) -> dict[str, Any]:
    """A block's features (the module docstring lists them), ``position`` aside: that one is
    known when the walk is over."""
    if link_chars > chars:
        link_chars = chars
    features: dict[str, Any] = {
        "tag": owner_tag,
        "tag_path": path,
        "depth": len(ids),
        "ancestors": ids,
        "trail": trail,
        "landmarks": landmarks,  # a tuple shared by the blocks of one element, as ancestors and trail
        "chars": chars,
        "words": words,
        "link_chars": link_chars,
        # most blocks are all link text or none, and most are one line long
        "link_density": 0.0 if not link_chars else 1.0 if link_chars == chars else rounded_ratio(link_chars, chars, 3),
        "links": links,
        "sentences": sentences,
        "text_density": float(words) if chars <= LINE_WIDTH else rounded_ratio(words, -(-chars // LINE_WIDTH), 2),
    }
    if owner_tag in _HEADINGS:
        features["heading_level"] = int(owner_tag[1])
    return features


def enclosed_context(built: _Context, tag: str, number: int, descriptor: str, role: str | None) -> _Context:
    """The context of an element inside one whose context is `built`: `tag` its tag, `number`
    its document-order number."""
    ids, trail, path, landmarks, landmark_set, kind = built
    if tag in LANDMARK_TAGS:
        landmarks = (*landmarks, tag)
        landmark_set = tuple(sorted(set(landmarks)))
    elif role and role.lower() in _ROLES:
        landmarks = (*landmarks, "role:" + role.lower())
        landmark_set = tuple(sorted(set(landmarks)))
    # concatenation makes the tuple at once, where unpacking builds a list first
    return (
        ids + (number,),  # noqa: RUF005
        trail + (descriptor,),  # noqa: RUF005
        f"{path}/{tag}" if path else tag,
        landmarks,
        landmark_set,
        _ENCLOSING_KIND.get(tag, kind),
    )


def described(element: Any, tag: str) -> tuple[str, str | None]:
    """The ``tag#id.class@itemprop`` descriptor and the ARIA role of an lxml element.

    One call for all attributes (a quarter of these elements have none) costs less than asking
    the element for each of four names.
    """
    attributes = element.items()
    if not attributes:
        return tag, None
    named = dict(attributes)
    return _descriptor_of(tag, named.get("id"), named.get("class"), named.get("itemprop")), named.get("role")


def sentence_marks(text: str) -> int:
    """How many sentence-ending marks `text` has (``_SENTENCE_END``'s matches). An ASCII text can
    hold only the first three, and counting each costs a tenth of the pattern's scan."""
    if text.isascii():
        return text.count(".") + text.count("!") + text.count("?")
    return len(_SENTENCE_END.findall(text))


def rounded_ratio(part: int, whole: int, digits: int) -> float:
    """``round(part / whole, digits)`` for integers ``part >= 0`` and ``whole >= 1``, in integer
    arithmetic: ``round`` of a float goes through a decimal string, the dearest step of a
    block's features, and every block has three such ratios.

    The float ``part / whole`` is within a relative 2**-53 of the exact ratio, and a ratio that is
    not a tie lies at least ``1 / (2 * whole)`` (in units of the last digit) from one, so rounding
    the exact ratio gives ``round``'s digits. At a tie ``round`` decides on the float's binary
    value (half to even), so ties, and numbers too large for the argument, go to ``round`` itself.
    """
    scale = _SCALES[digits]
    twice = 2 * part * scale
    if (twice % whole == 0 and (twice // whole) % 2 == 1) or part * scale >= _EXACT_LIMIT:
        return round(part / whole, digits)
    # Python's int / int is correctly rounded, as is the float that round() makes of its digits.
    return ((twice + whole) // (2 * whole)) / scale


_SCALES = (1, 10, 100, 1000, 10_000, 100_000)
_EXACT_LIMIT = 2**52


#: What the walk does at an element, by its tag; inline elements (the rest) only give text.
_BLOCK, _SKIP, _BREAK, _LINK, _INLINE, _MARKUP, _IGNORED = range(7)
_ACTIONS: dict[Any, int] = {
    **dict.fromkeys(SKIPPED, _SKIP),
    **dict.fromkeys(BLOCK_LEVEL, _BLOCK),
    "br": _BREAK,
    "a": _LINK,
    # comments, processing instructions, entities: their tails are text, their own text is not
    etree.Comment: _MARKUP,
    etree.ProcessingInstruction: _MARKUP,
    etree.Entity: _MARKUP,
}


def blocks_of(root: Any, max_elements: int) -> Iterator[RawBlock]:
    """The blocks of the tree under `root`, in document order.

    One pass of lxml's ``iter()`` (elements in document order, one C step each) with the walk's
    state in local variables. An element's end is not an event of its own: it is the moment the
    next element's parent is an element further up the stack of open ones, so each element costs
    one step of the iteration and a ``getparent()``, about half of what ``iterwalk``'s pair of
    start and end events costs. The elements under a skipped one (``script``, ``svg``, hidden
    ones, ...) are passed over without a look at their text.
    """
    tree = root.getroottree()
    frames: list[_Frame] = [[tree.getroot(), "#root", 0, _ROOT_CONTEXT, None]]
    blocks = _Blocks(frames)
    actions = _ACTIONS
    root_action = _BLOCK if root.tag in BLOCK_LEVEL else _INLINE
    #: The open elements, root first: their xpath steps [parent step, tag, n, children seen so far
    #: by tag (None until the first), the xpath once made], then the element and its action.
    root_step = [None, root.tag if isinstance(root.tag, str) else "*", 1, None, None, root, root_action]
    # under the root, an entry for the root's parent (None), which no element closes
    path: list[_Step] = [[None, "", 0, None, None, None, _IGNORED], root_step]
    parts: list[str] = []  # inline text since the last block boundary
    link_chars = links = 0
    link_depth = breaks = 0
    skipping = False  # inside a skipped element
    counter = 1
    if root_action == _BLOCK:
        frames.append([root, root.tag, counter, None, root_step])
    elements = root.iter()
    next(elements)  # the root: its step is on the path already
    pending = root.text  # the own text of the element started last, read when the next one comes
    # after the last element, None: its "parent" None closes every open element
    for element in chain(elements, (None,)):
        parent = element.getparent() if element is not None else None
        text, pending = pending, None
        # In document order: the text of the element started last, then each element that ended
        # before this one (innermost first) with its tail.
        while True:
            if text:
                if parts or not text.isspace():
                    parts.append(text)
                    if link_depth:
                        link_chars += len(text.strip())
                if breaks and not text.isspace():
                    breaks = 0
            if path[-1][5] is parent:
                break
            closed = path.pop()
            action = closed[6]
            if action == _IGNORED:
                text = None
                continue
            if action == _SKIP:
                skipping = False
            elif action == _BLOCK:
                if parts:
                    blocks.add(parts, link_chars, links)
                    parts, link_chars = [], 0
                links = breaks = 0
                frames.pop()
            elif action == _LINK:
                link_depth -= 1
            text = closed[5].tail
        if element is None:
            break
        tag = element.tag
        # libxml2's HTML parser gives tag names in lower case already
        action = actions.get(tag, _INLINE)
        if skipping:
            path.append([None, tag, 0, None, None, element, _IGNORED])
            continue
        if action == _MARKUP:  # a comment's own text is no text, its tail is
            path.append([None, tag, 0, None, None, element, _MARKUP])
            continue
        counter += 1
        if counter > max_elements:
            raise ValueError(f"has more than {max_elements} elements")
        parent_step = path[-1]
        siblings = parent_step[3]
        if siblings is None:
            siblings = parent_step[3] = {}
        index = siblings[tag] = siblings.get(tag, 0) + 1
        # Attribute names as bytes: lxml encodes a str name to UTF-8 bytes on every call first,
        # and these two questions, asked of every element, are half of what lxml costs per element.
        if action == _SKIP or ((element.get(b"hidden") is not None or element.get(b"style")) and _hidden(element)):
            path.append([parent_step, tag, index, None, None, element, _SKIP])
            skipping = True
            continue
        step = [parent_step, tag, index, None, None, element, action]
        path.append(step)
        if action == _BREAK:
            breaks += 1
            if breaks >= 2:
                if parts:
                    blocks.add(parts, link_chars, links)
                    parts, link_chars = [], 0
                links = 0
            elif parts:
                parts.append("\n")
            continue
        if action == _BLOCK:
            if parts:
                blocks.add(parts, link_chars, links)
                parts, link_chars = [], 0
            links = breaks = 0
            frames.append([element, tag, counter, None, step])
        elif action == _LINK:
            link_depth += 1
            links += 1
        pending = element.text
    if parts:
        blocks.add(parts, link_chars, links)
    root_xpath = tree.getpath(frames[0][0])
    last = max(1, len(blocks.found) - 1)
    # tuple.__new__ is what RawBlock(...) calls, less the Python-level __new__ in between
    new = tuple.__new__
    for i, ((text, kind, features), step) in enumerate(zip(blocks.found, blocks.steps, strict=True)):
        features["position"] = rounded_ratio(i, last, 4)
        yield new(RawBlock, (text, kind, _xpath(step) if step is not None else root_xpath, features))


def assemble(raw_blocks: Iterable[RawBlock]) -> tuple[str, tuple[Block, ...]]:
    """The document text, the blocks' texts joined by `BLOCK_SEPARATOR`, and a `Block` for each
    raw block at its offsets in that text."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for text, kind, xpath, features in raw_blocks:
        if parts:
            offset += len(BLOCK_SEPARATOR)
        parts.append(text)
        blocks.append(Block(offset, offset + len(text), kind, xpath, features))
        offset += len(text)
    return BLOCK_SEPARATOR.join(parts), tuple(blocks)
