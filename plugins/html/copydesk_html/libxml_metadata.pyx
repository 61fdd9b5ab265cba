# cython: language_level=3
"""``metadata.py``'s searches of a page's elements, reading libxml2's nodes directly.

Every page's metadata starts from its ``<meta>``, ``<script>``, ``<link>``, ``<title>``,
``<h1>`` and ``<time>`` elements, and a page whose metadata names no author is searched for a
byline: every element is asked for two attributes. Through lxml each element found is a proxy
object and each attribute a lookup; here the walk is over libxml2's structs, and the
attributes of ``<meta>`` and ``<link>`` elements are read there too, without proxies.
``metadata.py`` keeps the references, and tests compare the two.
"""

from libc.string cimport strcmp, strlen, strstr
from lxml.includes cimport etreepublic as cetree
from lxml.includes.tree cimport XML_ELEMENT_NODE, XML_TEXT_NODE, xmlAttr, xmlNode

from copydesk_html import metadata as reference

cetree.import_lxml__etree()

cdef enum Found:
    ABSENT, MATCHES, DIFFERS, ASK_LXML


cdef const char* _first_value(xmlNode* c_node, const char* name, Found* found):
    """The value of the first attribute `name` without a namespace (the one lxml's ``get``
    reads) when it is one text node; `found` says ABSENT, or ASK_LXML for any other value."""
    cdef xmlAttr* c_attr = c_node.properties
    cdef xmlNode* c_text
    while c_attr is not NULL:
        if c_attr.ns is NULL and c_attr.name is not NULL and strcmp(<const char*>c_attr.name, name) == 0:
            c_text = c_attr.children
            if c_text is NULL:
                return b""
            if c_text.type != XML_TEXT_NODE or c_text.next is not NULL or c_text.content is NULL:
                found[0] = ASK_LXML
                return NULL
            return <const char*>c_text.content
        c_attr = c_attr.next
    found[0] = ABSENT
    return NULL


cdef Found _rel_is_author(xmlNode* c_node):
    cdef Found found
    cdef const char* value = _first_value(c_node, b"rel", &found)
    if value is NULL:
        return found
    return MATCHES if strcmp(value, b"author") == 0 else DIFFERS


cdef Found _class_names_byline(xmlNode* c_node):
    """Whether the first class attribute holds "byline" or "author" (capital first letter or
    not), as ``metadata._BYLINE_CLASS`` searches it: ASCII words, found the same in UTF-8."""
    cdef Found found
    cdef const char* text = _first_value(c_node, b"class", &found)
    if text is NULL:
        return found
    if (
        strstr(text, b"byline") != NULL
        or strstr(text, b"Byline") != NULL
        or strstr(text, b"author") != NULL
        or strstr(text, b"Author") != NULL
    ):
        return MATCHES
    return DIFFERS


cdef object _value(cetree._Document document, xmlNode* c_node, const char* name):
    """lxml's ``get(name)`` of the element: its first attribute `name` without a namespace,
    decoded, or None; lxml reads a value that is not one text node."""
    cdef Found found
    cdef const char* value = _first_value(c_node, name, &found)
    if value is not NULL:
        return value[: strlen(value)].decode("utf-8")
    if found == ASK_LXML:
        return cetree.elementFactory(document, c_node).get(name)
    return None


cdef object _meta_name(cetree._Document document, xmlNode* c_node):
    """What ``metadata.page_elements`` names a ``<meta>`` by: its first non-empty property,
    name, itemprop or http-equiv."""
    return (
        _value(document, c_node, b"property")
        or _value(document, c_node, b"name")
        or _value(document, c_node, b"itemprop")
        or _value(document, c_node, b"http-equiv")
    )


def page_elements(root):
    """``metadata.page_elements``: what page metadata is read from, in one pass in document order."""
    if not isinstance(root, cetree._Element) or (<cetree._Element>root)._c_node.type != XML_ELEMENT_NODE:
        return reference.page_elements(root)
    cdef cetree._Element top = <cetree._Element>root
    cdef cetree._Document document = top._doc
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* c_node = c_root
    cdef const char* name
    found = reference.PageElements([], [], [], [], [], [])
    while c_node is not NULL:
        # lxml's iter("meta", ...) matches elements without a namespace only
        # the first letter rules out most elements (div, a, p, span, ...) at once
        if (
            c_node.type == XML_ELEMENT_NODE
            and c_node.ns is NULL
            and c_node.name is not NULL
            and c_node.name[0] in b"mslth"
        ):
            name = <const char*>c_node.name
            if strcmp(name, b"meta") == 0:
                meta_name = _meta_name(document, c_node)
                content = _value(document, c_node, b"content")
                if meta_name and content:
                    found.meta.append((meta_name, content))
            elif strcmp(name, b"script") == 0:
                kind = _value(document, c_node, b"type")
                if kind and kind.strip().lower() == "application/ld+json":
                    found.json_ld.append(cetree.elementFactory(document, c_node))
            elif strcmp(name, b"link") == 0:
                if _value(document, c_node, b"rel") == "canonical":
                    found.canonical.append(_value(document, c_node, b"href"))
            elif strcmp(name, b"title") == 0:
                found.title.append(cetree.elementFactory(document, c_node))
            elif strcmp(name, b"h1") == 0:
                found.h1.append(cetree.elementFactory(document, c_node))
            elif strcmp(name, b"time") == 0:
                found.time.append(cetree.elementFactory(document, c_node))
        c_node = _next_in_order(c_node, c_root)
    return found


cdef inline xmlNode* _next_in_order(xmlNode* c_node, xmlNode* c_root):
    """The node after `c_node` in document order under `c_root` (NULL at the end): the first
    child of an element, else the next sibling of the nearest node, this one or an ancestor
    below the root, that has one."""
    if c_node.type == XML_ELEMENT_NODE and c_node.children is not NULL:
        return c_node.children
    while c_node != c_root and c_node.next == NULL:
        c_node = c_node.parent
    return NULL if c_node == c_root else c_node.next


def byline_elements(root, Py_ssize_t max_by_class):
    """``metadata.byline_elements``: the ``rel="author"`` elements, and the first `max_by_class`
    elements whose class names a byline or author, in document order."""
    if not isinstance(root, cetree._Element) or (<cetree._Element>root)._c_node.type != XML_ELEMENT_NODE:
        return reference.byline_elements(root, max_by_class)
    cdef cetree._Element top = <cetree._Element>root
    cdef cetree._Document document = top._doc
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* c_node = c_root
    cdef Found found
    by_rel, by_class = [], []
    while c_node is not NULL:
        if c_node.type == XML_ELEMENT_NODE:
            found = _rel_is_author(c_node)
            if found == ASK_LXML:
                found = MATCHES if cetree.elementFactory(document, c_node).get(b"rel") == "author" else DIFFERS
            if found == MATCHES:
                by_rel.append(cetree.elementFactory(document, c_node))
            if len(by_class) < max_by_class:
                found = _class_names_byline(c_node)
                if found == ASK_LXML:
                    classes = cetree.elementFactory(document, c_node).get(b"class")
                    found = MATCHES if classes and reference._BYLINE_CLASS.search(classes) else DIFFERS
                if found == MATCHES:
                    by_class.append(cetree.elementFactory(document, c_node))
        c_node = _next_in_order(c_node, c_root)
    return by_rel, by_class
