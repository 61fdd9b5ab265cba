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
from collections.abc import Iterator
from typing import Any

import attrs
from lxml import etree

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
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u061f\u0964]")

#: Characters of one "line" for the text-density feature (Kohlschuetter et al. wrap at 80).
LINE_WIDTH = 80


@attrs.frozen
class RawBlock:
    """A block before it has offsets in the document text."""

    text: str
    kind: str
    xpath: str
    features: dict[str, Any]


def _descriptor(element: Any, tag: str) -> str:
    ident = element.get("id")
    classes = element.get("class")
    out = tag
    if ident:
        out += "#" + ".".join(t for t in _TOKEN_SPLIT.split(ident.lower()) if t)
    if classes:
        tokens = [t for t in _TOKEN_SPLIT.split(classes.lower()) if t]
        if tokens:
            out += "." + ".".join(tokens)
    itemprop = element.get("itemprop")
    if itemprop:
        out += "@" + ".".join(t for t in _TOKEN_SPLIT.split(itemprop.lower()) if t)
    return out


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
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
    if step[4] is None:
        parent, tag = step[0], step[1]
        if parent is None:
            step[4] = "/" + tag
        else:
            step[4] = f"{_xpath(parent)}/{tag}[{step[2]}]" if parent[3][tag] > 1 else f"{_xpath(parent)}/{tag}"
    return str(step[4])


#: What a block needs about its open ancestors, built once per element and shared by every
#: block under it: (ancestors, trail, tag path, landmarks so far, sorted landmarks, kind).
_Context = tuple[tuple[int, ...], tuple[str, ...], str, tuple[str, ...], list[str], str]


class _Walk:
    """The open block-level elements around the walker and the inline text since the last boundary."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.elements: list[Any] = [tree.getroot()]
        self.tags: list[str] = ["#root"]
        self.numbers: list[int] = [0]
        self.context: list[_Context | None] = [((), (), "", (), [], "paragraph")]
        self.parts: list[str] = []
        self.link_chars = 0
        self.links = 0
        #: Text, kind and features of each block so far; the xpath is added when the walk is over.
        self.blocks: list[tuple[str, str, dict[str, Any]]] = []
        #: The xpath step of every open element (block-level or not), root first.
        self.path: list[_Step] = []
        #: The xpath step of each open block-level element (parallel to `elements`).
        self.owner_steps: list[_Step | None] = [None]
        self.block_steps: list[_Step | None] = []

    def add(self, text: str, in_link: bool) -> None:
        """Inline text; whitespace before any text of a block is dropped at once (it would be anyway)."""
        if self.parts or not text.isspace():
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def open(self, element: Any, tag: str, number: int) -> None:
        if self.parts:
            self.flush()
        self.links = 0
        self.elements.append(element)
        self.tags.append(tag)
        self.numbers.append(number)
        self.context.append(None)
        self.owner_steps.append(self.path[-1])

    def close(self) -> None:
        if self.parts:
            self.flush()
        self.links = 0
        self.elements.pop()
        self.tags.pop()
        self.numbers.pop()
        self.context.pop()
        self.owner_steps.pop()

    def _context(self) -> _Context:
        """The context of the innermost open element, filling in the entries not built yet."""
        context = self.context
        depth = len(context) - 1
        first = depth
        while context[first] is None:
            first -= 1
        built = context[first]
        assert built is not None
        for level in range(first + 1, depth + 1):
            ids, trail, path, landmarks, _, kind = built
            element, tag = self.elements[level], self.tags[level]
            role = element.get("role")
            if tag in LANDMARK_TAGS:
                landmarks = (*landmarks, tag)
            elif role and role.lower() in _ROLES:
                landmarks = (*landmarks, "role:" + role.lower())
            kind = _ENCLOSING_KIND.get(tag, kind)
            built = (
                (*ids, self.numbers[level]),
                (*trail, _descriptor(element, tag)),
                f"{path}/{tag}" if path else tag,
                landmarks,
                sorted(set(landmarks)),
                kind,
            )
            context[level] = built
        return built

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        link_chars, links = self.link_chars, self.links
        self.parts, self.link_chars, self.links = [], 0, 0
        if not text:
            return
        ids, trail, path, _, landmarks, enclosing_kind = self._context()
        owner_tag = self.tags[-1] if len(self.tags) > 1 else "html"
        kind = _KIND_OF_TAG.get(owner_tag, enclosing_kind)
        chars = len(text)
        words = text.count(" ") + 1
        link_chars = min(link_chars, chars)
        features: dict[str, Any] = {
            "tag": owner_tag,
            "tag_path": path,
            "depth": len(ids),
            "ancestors": ids,
            "trail": trail,
            "landmarks": list(landmarks),
            "chars": chars,
            "words": words,
            "link_chars": link_chars,
            "link_density": round(link_chars / chars, 3),
            "links": links,
            "sentences": len(_SENTENCE_END.findall(text)),
            "text_density": round(words / max(1, -(-chars // LINE_WIDTH)), 2),
        }
        if owner_tag in _HEADINGS:
            features["heading_level"] = int(owner_tag[1])
        self.blocks.append((text, kind, features))
        self.block_steps.append(self.owner_steps[-1])

    def xpaths(self) -> list[str]:
        """The xpath of each block's owner (as ``getpath`` writes it), once the walk is over."""
        root = self.tree.getpath(self.elements[0])
        return [_xpath(step) if step is not None else root for step in self.block_steps]


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def blocks_of(root: Any, max_elements: int) -> Iterator[RawBlock]:
    """The blocks of the tree under `root`, in document order."""
    walk = _Walk(root.getroottree())
    path = walk.path
    path.append([None, root.tag if isinstance(root.tag, str) else "*", 1, None, None])
    add = walk.add
    counter = 0
    link_depth = 0
    breaks = 0
    skipping = False
    walker = etree.iterwalk(root, events=("start", "end"))
    next(walker)  # the root's own start: its step is on the path already
    counter = 1
    if root.tag in BLOCK_LEVEL:
        walk.open(root, root.tag, counter)
    if root.text:
        add(root.text, False)
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            if event == "end" and element.tail:
                add(element.tail, link_depth > 0)
            continue
        # libxml2's HTML parser gives tag names in lower case already
        if event == "start":
            counter += 1
            if counter > max_elements:
                raise ValueError(f"has more than {max_elements} elements")
            parent = path[-1]
            siblings = parent[3]
            if siblings is None:
                siblings = parent[3] = {}
            index = siblings[tag] = siblings.get(tag, 0) + 1
            path.append([parent, tag, index, None, None])
            if tag in SKIPPED or (
                (element.get("hidden") is not None or element.get("style")) and _hidden(element)
            ):
                walker.skip_subtree()
                skipping = True  # the next event is this element's "end"
                continue
            if tag == "br":
                breaks += 1
                if breaks >= 2:
                    if walk.parts:
                        walk.flush()
                    walk.links = 0
                else:
                    add("\n", False)
                continue
            if tag in BLOCK_LEVEL:
                walk.open(element, tag, counter)
                breaks = 0
            elif tag == "a":
                link_depth += 1
                walk.links += 1
            text = element.text
            if text:
                add(text, link_depth > 0)
                if breaks and not text.isspace():
                    breaks = 0
        else:
            path.pop()
            if skipping:
                skipping = False
            elif tag in BLOCK_LEVEL:
                walk.close()
                breaks = 0
            elif tag == "a":
                link_depth -= 1
            tail = element.tail
            if tail:
                add(tail, link_depth > 0)
                if breaks and not tail.isspace():
                    breaks = 0
    if walk.parts:
        walk.flush()
    total = len(walk.blocks)
    for i, ((text, kind, features), xpath) in enumerate(zip(walk.blocks, walk.xpaths(), strict=True)):
        features["position"] = round(i / max(1, total - 1), 4)
        yield RawBlock(text, kind, xpath, features)
