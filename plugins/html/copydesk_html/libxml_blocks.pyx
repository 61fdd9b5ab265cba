# cython: language_level=3
"""``blocks_of`` reading libxml2's nodes directly: the walk of ``blocks.py``, in C.

``blocks.py`` is the reference and the fallback; this module gives the same blocks (tests
compare them) for a fraction of the cost. The Python walk pays for an lxml proxy object,
a tag string, a parent lookup and two attribute questions at each of a page's ~740
elements; here those are reads of libxml2's structs. A block's text is cleaned up in one
pass, its containers' descriptors are written from the attribute bytes, and its features and
its containers' context are made as ``block_features`` and ``enclosed_context`` make them, with
the ratios in C integers; its xpath is made by ``blocks.py``'s own ``_xpath``.

The tree is only read, never changed, and only while its lxml root is held, so the nodes
stay alive for the whole walk.
"""

from cpython.dict cimport PyDict_SetItem
from cpython.object cimport PyObject_GenericSetAttr
from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.stdlib cimport free, malloc
from libc.string cimport memset, strcmp, strlen
from lxml.includes cimport etreepublic as cetree
from lxml.includes.tree cimport (
    XML_CDATA_SECTION_NODE,
    XML_COMMENT_NODE,
    XML_ELEMENT_NODE,
    XML_ENTITY_REF_NODE,
    XML_PI_NODE,
    XML_TEXT_NODE,
    xmlAttr,
    xmlNode,
)

import attrs

from copydesk import Block, FrozenData

from copydesk_html import blocks as reference
from copydesk_html.blocks import (
    BLOCK_SEPARATOR,
    _ENCLOSING_KIND,
    _HEADINGS,
    _HIDDEN_STYLE,
    _INVISIBLE,
    _KIND_OF_TAG,
    _ROLES,
    _ROOT_CONTEXT,
    BLOCK_LEVEL,
    LANDMARK_TAGS,
    LINE_WIDTH,
    MAX_INVISIBLE_CHARS,
    RawBlock,
    _descriptor_of,
    _xpath,
    described,
    rounded_ratio,
)

cetree.import_lxml__etree()

cdef enum Action:
    BLOCK, SKIP, BREAK, LINK, INLINE

# the reference's action codes, for the same table of tags
if (reference._BLOCK, reference._SKIP, reference._BREAK, reference._LINK, reference._INLINE) != (0, 1, 2, 3, 4):
    raise ImportError("copydesk_html.blocks changed its action codes; rebuild libxml_blocks")

cdef dict _ACTIONS = {tag: action for tag, action in reference._ACTIONS.items() if isinstance(tag, str)}


cdef inline str _utf8(const char* value):
    return value[: strlen(value)].decode("utf-8") if value is not NULL else ""


cdef str _tag(xmlNode* c_node):
    """The node's tag as lxml writes it: ``{namespace}name`` or the bare name."""
    name = _utf8(<const char*>c_node.name)
    if c_node.ns is not NULL and c_node.ns.href is not NULL:
        return "{" + _utf8(<const char*>c_node.ns.href) + "}" + name
    return name


cdef xmlAttr* _first_attribute(xmlNode* c_node, const char* name):
    """The first attribute `name` without a namespace: the one lxml's ``get`` reads."""
    cdef xmlAttr* c_attr = c_node.properties
    while c_attr is not NULL:
        if c_attr.ns is NULL and c_attr.name is not NULL and strcmp(<const char*>c_attr.name, name) == 0:
            return c_attr
        c_attr = c_attr.next
    return NULL


cdef int _described_index(const char* name):
    """Where an attribute of this name goes in ``describe``'s values (-1: it is not read)."""
    if name is NULL:
        return -1
    if strcmp(name, b"id") == 0:
        return 0
    if strcmp(name, b"class") == 0:
        return 1
    if strcmp(name, b"itemprop") == 0:
        return 2
    if strcmp(name, b"role") == 0:
        return 3
    return -1


cdef const char* _EMPTY = b""


cdef const char* _attribute_text(xmlAttr* c_attr):
    """An attribute's value when it is one text node (as the HTML parser makes them), else NULL."""
    cdef xmlNode* c_text = c_attr.children
    if c_text is NULL:
        return _EMPTY
    if c_text.type == XML_TEXT_NODE and c_text.next is NULL:
        return <const char*>c_text.content if c_text.content is not NULL else _EMPTY
    return NULL


cdef bint _write_tokens(const char* value, char* out, size_t* length):
    """`value`'s lower-cased ``[a-z0-9]`` runs joined by dots (``blocks._tokens``), written at
    ``out[length]``; False, with nothing to use, at a byte that is not ASCII."""
    cdef size_t i = 0
    cdef unsigned char c
    cdef bint gap = False, wrote = False
    while value[i]:
        c = value[i]
        if c >= 0x80:
            return False
        if c >= b"A" and c <= b"Z":
            c += 32
        if (c >= b"a" and c <= b"z") or (c >= b"0" and c <= b"9"):
            if gap and wrote:
                out[length[0]] = b"."
                length[0] += 1
            out[length[0]] = c
            length[0] += 1
            wrote = True
            gap = False
        else:
            gap = True
        i += 1
    return True


cdef object _descriptor_suffix(const char* ident, const char* classes, const char* itemprop):
    """What ``blocks._descriptor_of`` adds to the tag (``#id.class@itemprop``) for ASCII values;
    None when one is not ASCII."""
    cdef size_t size = 4
    if ident is not NULL:
        size += strlen(ident)
    if classes is not NULL:
        size += strlen(classes)
    if itemprop is not NULL:
        size += strlen(itemprop)
    cdef char* out = <char*>malloc(size)
    cdef size_t length = 0, start
    if out is NULL:
        raise MemoryError()
    try:
        if ident is not NULL and ident[0]:
            out[length] = b"#"
            length += 1
            if not _write_tokens(ident, out, &length):
                return None
        if classes is not NULL and classes[0]:
            start = length
            out[length] = b"."
            length += 1
            if not _write_tokens(classes, out, &length):
                return None
            if length == start + 1:  # no tokens, no class part
                length = start
        if itemprop is not NULL and itemprop[0]:
            out[length] = b"@"
            length += 1
            if not _write_tokens(itemprop, out, &length):
                return None
        return out[:length].decode("ascii")
    finally:
        free(out)


cdef long long _SCALES[5]
_SCALES[:] = [1, 10, 100, 1000, 10_000]

cdef Py_ssize_t _LINE_WIDTH = LINE_WIDTH

#: Largest `part` done in C integers: 2 * part * 10**4 stays far inside 64 bits.
cdef long long _C_PART_LIMIT = 1 << 40


cdef object _rounded(long long part, long long whole, int digits):
    """``blocks.rounded_ratio`` in C integers (its argument holds for any exact integer
    arithmetic, and a 64-bit division of numbers below 2**53 is as correctly rounded as
    Python's); ties and very large numbers go to the reference."""
    if part >= _C_PART_LIMIT or digits > 4:
        return rounded_ratio(part, whole, digits)
    cdef long long scale = _SCALES[digits]
    cdef long long twice = 2 * part * scale
    if twice % whole == 0 and (twice // whole) % 2 == 1:
        return rounded_ratio(part, whole, digits)
    return <double>((twice + whole) // (2 * whole)) / <double>scale


def rounded(long long part, long long whole, int digits):
    """`_rounded`, for the tests."""
    return _rounded(part, whole, digits)


cdef inline int _put(object data, str key, object value) except -1:
    """Set `key` of a `FrozenData` being made (the C API: its ``__setitem__`` refuses)."""
    return PyDict_SetItem(data, key, value)


cdef object _features(
    str owner_tag,
    tuple ids,
    tuple trail,
    str path,
    tuple landmarks,
    Py_ssize_t chars,
    Py_ssize_t words,
    Py_ssize_t sentences,
    Py_ssize_t link_chars,
    Py_ssize_t links,
):
    """``blocks.block_features``, its ratios in C integers, as the `FrozenData` the block keeps:
    filled in here through the C API (``PyDict_SetItem``, which its read-only ``__setitem__``
    does not guard) before anyone sees it, rather than made as a dict and copied."""
    if link_chars > chars:
        link_chars = chars
    features = FrozenData()
    _put(features, "tag", owner_tag)
    _put(features, "tag_path", path)
    _put(features, "depth", len(ids))
    _put(features, "ancestors", ids)
    _put(features, "trail", trail)
    _put(features, "landmarks", landmarks)
    _put(features, "chars", chars)
    _put(features, "words", words)
    _put(features, "link_chars", link_chars)
    _put(features, "link_density", 0.0 if not link_chars else 1.0 if link_chars == chars else _rounded(link_chars, chars, 3))
    _put(features, "links", links)
    _put(features, "sentences", sentences)
    _put(
        features,
        "text_density",
        <double>words if chars <= _LINE_WIDTH else _rounded(words, (chars + _LINE_WIDTH - 1) // _LINE_WIDTH, 2),
    )
    if owner_tag in _HEADINGS:
        _put(features, "heading_level", int(owner_tag[1]))
    return features


cdef tuple _enclosed(tuple built, str tag, Py_ssize_t number, str descriptor, object role):
    """``blocks.enclosed_context``."""
    cdef tuple ids = built[0], trail = built[1], landmarks = built[3], landmark_set = built[4]
    cdef str path = built[2]
    if tag in LANDMARK_TAGS:
        landmarks = landmarks + (tag,)
        landmark_set = tuple(sorted(set(landmarks)))
    elif role and role.lower() in _ROLES:
        landmarks = landmarks + ("role:" + role.lower(),)
        landmark_set = tuple(sorted(set(landmarks)))
    return (
        ids + (number,),
        trail + (descriptor,),
        path + "/" + tag if path else tag,
        landmarks,
        landmark_set,
        _ENCLOSING_KIND.get(tag, built[5]),
    )


cdef class _Elements:
    """What the walk asks of an element's attributes, read from libxml2's list; an lxml proxy
    is made only for a value that is not one text node (never, from the HTML parser)."""

    cdef cetree._Document document

    def __init__(self, cetree._Element root):
        self.document = root._doc

    cpdef tuple describe(self, size_t address, str tag):
        """``blocks.described`` of the element at `address` (a node of this document the walk
        handed out), from libxml2's attribute list."""
        cdef xmlNode* c_node = <xmlNode*>address
        cdef xmlAttr* c_attr = c_node.properties
        # the text of the first id, class, itemprop and role attributes, NULL where there is none
        cdef const char* values[4]
        cdef int which
        values[0] = values[1] = values[2] = values[3] = NULL
        while c_attr is not NULL:
            if c_attr.ns is NULL:
                which = _described_index(<const char*>c_attr.name)
                if which >= 0 and values[which] is NULL:
                    values[which] = _attribute_text(c_attr)
                    if values[which] is NULL:  # not one text node: lxml reads it
                        return described(cetree.elementFactory(self.document, c_node), tag)
            c_attr = c_attr.next
        role = _utf8(values[3]) if values[3] is not NULL else None
        if values[0] is NULL and values[1] is NULL and values[2] is NULL:
            return tag, role
        suffix = _descriptor_suffix(values[0], values[1], values[2])
        if suffix is None:  # a value that is not ASCII: blocks.py's Unicode rules
            named = [_utf8(value) if value is not NULL else None for value in values[:3]]
            return _descriptor_of(tag, *named), role
        return tag + suffix, role

    cdef bint hidden(self, xmlNode* c_node) except -1:
        """The test of ``blocks.py``: a ``hidden`` attribute, or a style that hides."""
        if _first_attribute(c_node, b"hidden") is not NULL:
            return True
        cdef xmlAttr* c_style = _first_attribute(c_node, b"style")
        if c_style is NULL:
            return False
        cdef const char* text = _attribute_text(c_style)
        style = _utf8(text) if text is not NULL else cetree.elementFactory(self.document, c_node).get(b"style")
        return bool(style and _HIDDEN_STYLE.search(style))


cdef class _Walk:
    """The walk's state, as in ``blocks.blocks_of``: inline text since the last block boundary,
    link counts, the run of line breaks, and the blocks made so far, made as ``blocks._Blocks``
    makes them (``context`` and ``add``, here in C)."""

    cdef _Elements elements
    cdef list frames
    cdef list parts
    cdef Py_ssize_t link_chars, links, link_depth, breaks
    #: text, kind and features of each block, and its xpath step (as ``_Blocks.found``, ``steps``)
    cdef public list found, steps

    def __init__(self, _Elements elements, list frames):
        self.elements = elements
        self.frames = frames
        self.parts = []
        self.link_chars = self.links = self.link_depth = self.breaks = 0
        self.found = []
        self.steps = []

    cdef int text(self, str text) except -1:
        if not text:
            return 0
        cdef bint blank = text.isspace()
        if self.parts or not blank:
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())
        if self.breaks and not blank:
            self.breaks = 0
        return 0

    cdef tuple context(self):
        """``_Blocks.context``: the context of the innermost open element
        (`_enclosed` for each open element that has none yet)."""
        frames = self.frames
        cdef Py_ssize_t first = len(frames) - 1
        while frames[first][3] is None:
            first -= 1
        cdef tuple built = frames[first][3]
        cdef Py_ssize_t i
        for i in range(first + 1, len(frames)):
            frame = frames[i]
            descriptor, role = self.elements.describe(frame[0], frame[1])
            built = frame[3] = _enclosed(built, frame[1], frame[2], descriptor, role)
        return built

    cdef int flush(self) except -1:
        """``_Blocks.add``: a block of the text since the last boundary, if there is any."""
        if not self.parts:
            return 0
        cdef Py_ssize_t words, sentences, link_chars = self.link_chars
        text = _normalise(self.parts, &words, &sentences)
        self.parts = []
        self.link_chars = 0
        if not text or (len(text) <= MAX_INVISIBLE_CHARS and not text.strip(_INVISIBLE)):
            return 0
        frame = self.frames[-1]
        context = frame[3] if frame[3] is not None else self.context()
        ids, trail, path, _, landmarks, enclosing_kind = context
        owner_tag = frame[1] if len(self.frames) > 1 else "html"
        features = _features(owner_tag, ids, trail, path, landmarks, len(text), words, sentences, link_chars, self.links)
        self.found.append((text, _KIND_OF_TAG.get(owner_tag, enclosing_kind), features))
        self.steps.append(frame[4])
        return 0

    cdef int open(self, Action action, object frame) except -1:
        if action == BLOCK:
            self.flush()
            self.links = self.breaks = 0
            self.frames.append(frame)
        elif action == LINK:
            self.link_depth += 1
            self.links += 1
        elif action == BREAK:
            self.breaks += 1
            if self.breaks >= 2:
                self.flush()
                self.links = 0
            elif self.parts:
                self.parts.append("\n")
        return 0

    cdef int close(self, Action action) except -1:
        if action == BLOCK:
            self.flush()
            self.links = self.breaks = 0
            self.frames.pop()
        elif action == LINK:
            self.link_depth -= 1
        return 0


#: What the walk reads for a run of ASCII whitespace: the run itself only ever becomes one
#: space of a block's text, or nothing, so it is not decoded (a page's indentation between
#: tags is about half of its text nodes).
cdef str _BLANK = " "


cdef str _text_run(xmlNode** c_ptr):
    """The text of the run of text nodes at ``*c_ptr`` (lxml's ``text`` or ``tail``), leaving
    ``*c_ptr`` at the node after the run; `_BLANK` for a run of ASCII whitespace."""
    cdef xmlNode* c_node = c_ptr[0]
    cdef const unsigned char* c_text
    cdef bint blank = False
    while c_node is not NULL and _is_text(c_node):
        c_text = <const unsigned char*>c_node.content
        if c_text is not NULL:
            while c_text[0] == 32 or 9 <= c_text[0] <= 13:  # space, \t \n \v \f \r
                blank = True
                c_text += 1
            if c_text[0]:  # a character that is not ASCII whitespace: the run is read
                break
        c_node = c_node.next
    else:
        c_ptr[0] = c_node
        return _BLANK if blank else ""
    c_node = c_ptr[0]
    text = _utf8(<const char*>c_node.content)
    c_node = c_node.next
    while c_node is not NULL and (c_node.type == XML_TEXT_NODE or c_node.type == XML_CDATA_SECTION_NODE):
        text += _utf8(<const char*>c_node.content)
        c_node = c_node.next
    c_ptr[0] = c_node
    return text


cdef extern from "Python.h":
    # the code points of a str, in the storage it has (one, two or four bytes each)
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_1BYTE_KIND
    int PyUnicode_2BYTE_KIND


ctypedef fused _CodeUnit:
    Py_UCS1
    Py_UCS2
    Py_UCS4


def normalised(list parts):
    """``_Blocks.normalise``, done as the walk does it."""
    cdef Py_ssize_t words, marks
    text = _normalise(parts, &words, &marks)
    return text, words, marks


cdef str _normalise(list parts, Py_ssize_t* words, Py_ssize_t* marks):
    """The text of `parts`, each run of whitespace one space and none at either end, in one
    pass over the code points that also counts its words and sentence marks: ``split()``
    would make a string of every word only for ``join`` to copy them again. The pass reads
    and writes the text's own storage: the result needs no wider one."""
    text = "".join(parts)
    cdef Py_ssize_t size = len(text), length, spaces = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* out = malloc(max(size, 1) * kind)
    if out is NULL:
        raise MemoryError()
    try:
        if kind == PyUnicode_1BYTE_KIND:
            length = _collapse(<Py_UCS1*>PyUnicode_DATA(text), size, <Py_UCS1*>out, &spaces, marks)
        elif kind == PyUnicode_2BYTE_KIND:
            length = _collapse(<Py_UCS2*>PyUnicode_DATA(text), size, <Py_UCS2*>out, &spaces, marks)
        else:
            length = _collapse(<Py_UCS4*>PyUnicode_DATA(text), size, <Py_UCS4*>out, &spaces, marks)
        words[0] = spaces + 1
        return PyUnicode_FromKindAndData(kind, out, length)
    finally:
        free(out)


cdef Py_ssize_t _collapse(
    const _CodeUnit* data, Py_ssize_t size, _CodeUnit* out, Py_ssize_t* spaces, Py_ssize_t* marks
) noexcept:
    """`_normalise`'s pass: the length written to `out`, with the spaces put between words
    and the sentence marks (those of ``blocks.sentence_marks``) counted."""
    cdef Py_ssize_t i, length = 0, found = 0
    cdef Py_UCS4 ch
    cdef bint space = False
    for i in range(size):
        ch = data[i]
        if Py_UNICODE_ISSPACE(ch):
            space = length > 0
        else:
            if space:
                out[length] = 32
                length += 1
                spaces[0] += 1
                space = False
            out[length] = <_CodeUnit>ch
            length += 1
            if ch in (0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F, 0x061F, 0x0964):
                found += 1
    marks[0] = found
    return length


cdef enum:
    _TAG_SLOTS = 128  # entries of the walk's table of tag strings (see `blocks_of`)


cdef inline bint _is_text(xmlNode* c_node):
    return c_node.type == XML_TEXT_NODE or c_node.type == XML_CDATA_SECTION_NODE


def blocks_of(root, Py_ssize_t max_elements):
    """The blocks of the tree under `root`, as ``blocks.blocks_of`` gives them.

    Every run of text nodes is read once, in document order: the run at the start of an
    element's children is its ``text``, the run after it its ``tail``. A skipped or hidden
    element is not entered; a ``<br>``'s own text is not read (its children are).
    """
    if not isinstance(root, cetree._Element) or (<cetree._Element>root)._c_node.type != XML_ELEMENT_NODE:
        return reference.blocks_of(root, max_elements)
    cdef cetree._Element top = <cetree._Element>root
    cdef xmlNode* c_root = top._c_node
    cdef _Elements elements = _Elements(top)
    frames = [[None, "#root", 0, _ROOT_CONTEXT, None]]
    cdef _Walk walk = _Walk(elements, frames)
    root_tag = _tag(c_root)
    cdef Action action = BLOCK if root_tag in BLOCK_LEVEL else INLINE
    root_step = [None, root_tag, 1, None, None]
    cdef Py_ssize_t counter = 1
    if action == BLOCK:
        frames.append([<size_t>c_root, root_tag, counter, None, root_step])
    # Tag strings and actions by the address of their name: libxml2 keeps one copy of each name per
    # document, so a page's few dozen names fill a small table, indexed by address bits.
    cdef const void* tag_names[_TAG_SLOTS]
    memset(tag_names, 0, sizeof(tag_names))
    cdef list tag_strings = [None] * _TAG_SLOTS
    cdef Action tag_actions[_TAG_SLOTS]  # and their actions
    cdef size_t slot
    cdef dict siblings
    # the open elements below the root: their xpath steps and actions
    steps = [root_step]
    actions = [action]
    cdef xmlNode* c_parent = c_root
    cdef xmlNode* c_node = c_root.children
    cdef bint own_text = True  # the run at the start of c_parent's children is text to read
    cdef bint read_run = True  # the run at c_node is somebody's text or tail
    while True:
        while c_node is not NULL:
            if _is_text(c_node):
                text = _text_run(&c_node)
                if read_run and own_text:
                    walk.text(text)
                read_run = own_text = True
                continue
            own_text = True
            if c_node.type != XML_ELEMENT_NODE:
                # comments, processing instructions, entities: their tails are text, their own
                # text is not; lxml gives no other node a tail
                read_run = c_node.type in (XML_COMMENT_NODE, XML_PI_NODE, XML_ENTITY_REF_NODE)
                c_node = c_node.next
                continue
            read_run = True
            if c_node.ns is NULL:
                slot = ((<size_t>c_node.name) >> 3) % _TAG_SLOTS
                if tag_names[slot] == <const void*>c_node.name:
                    tag = tag_strings[slot]
                    action = tag_actions[slot]
                else:
                    tag = tag_strings[slot] = _tag(c_node)
                    action = tag_actions[slot] = _ACTIONS.get(tag, INLINE)
                    tag_names[slot] = <const void*>c_node.name
            else:
                tag = _tag(c_node)
                action = _ACTIONS.get(tag, INLINE)
            counter += 1
            if counter > max_elements:
                raise ValueError(f"has more than {max_elements} elements")
            parent_step = steps[-1]
            siblings = parent_step[3]
            if siblings is None:
                siblings = parent_step[3] = {}
            index = siblings[tag] = siblings.get(tag, 0) + 1
            if action == SKIP or elements.hidden(c_node):
                c_node = c_node.next
                continue
            step = [parent_step, tag, index, None, None]
            walk.open(action, [<size_t>c_node, tag, counter, None, step] if action == BLOCK else None)
            if c_node.children is NULL:
                walk.close(action)
                c_node = c_node.next
                continue
            steps.append(step)
            actions.append(action)
            own_text = action != BREAK
            c_parent = c_node
            c_node = c_node.children
        # the end of c_parent's children: it closes, and its tail follows
        steps.pop()
        walk.close(actions.pop())
        own_text = read_run = True
        if c_parent == c_root:
            if c_root.next is not NULL and _is_text(c_root.next):
                c_node = c_root.next
                walk.text(_text_run(&c_node))
            break
        c_node = c_parent.next
        c_parent = c_parent.parent
    walk.flush()
    tree = top.getroottree()
    root_xpath = tree.getpath(tree.getroot())
    last = max(1, len(walk.found) - 1)
    made = []
    for i, ((text, kind, features), step) in enumerate(zip(walk.found, walk.steps)):
        _put(features, "position", _rounded(i, last, 4))
        # tuple.__new__: the named tuple's own __new__ is Python code
        made.append(tuple.__new__(RawBlock, (text, kind, _xpath(step) if step is not None else root_xpath, features)))
    return iter(made)


#: `Block`'s attributes, in the order `assemble` sets them.
_BLOCK_FIELDS = ("start", "end", "kind", "provenance", "features")
#: Whether `Block` still has exactly those attributes: if the core's model changes, `assemble`
#: leaves the blocks to `Block`'s own constructor.
_block_fields_known = tuple(field.name for field in attrs.fields(Block)) == _BLOCK_FIELDS


def assemble(raw_blocks):
    """``blocks.assemble``, each `Block` made in C: its attributes set as ``object.__setattr__``
    sets them (``PyObject_GenericSetAttr``, past the frozen class's refusal, as attrs' own
    constructors do) rather than through its Python ``__init__``, a page's most called one. The
    offsets are right by construction and the walk's features are `FrozenData` already."""
    if not _block_fields_known:
        return reference.assemble(raw_blocks)
    cdef Py_ssize_t offset = 0, length, separator = len(BLOCK_SEPARATOR)
    cdef list parts = []
    cdef list blocks = []
    cdef tuple raw
    new = Block.__new__
    for item in raw_blocks:
        raw = <tuple>item if isinstance(item, tuple) else tuple(item)
        text = <str?>raw[0]
        features = raw[3]
        if not isinstance(features, FrozenData):
            features = FrozenData(features or {})
        if parts:
            offset += separator
        parts.append(text)
        length = len(text)
        block = new(Block)
        PyObject_GenericSetAttr(block, "start", offset)
        PyObject_GenericSetAttr(block, "end", offset + length)
        PyObject_GenericSetAttr(block, "kind", raw[1])
        PyObject_GenericSetAttr(block, "provenance", raw[2])
        PyObject_GenericSetAttr(block, "features", features)
        blocks.append(block)
        offset += length
    return BLOCK_SEPARATOR.join(parts), tuple(blocks)
