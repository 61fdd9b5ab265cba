# cython: language_level=3
"""``page.removal_spans`` in C: the removal span of each labelled block, made without Python code.

Most of a web page's blocks are furniture, so the step makes a span for nearly every block of a
page. ``page.py`` is the reference and the fallback (tests compare the two); here each span's
data is filled in before anyone sees it (``PyDict_SetItem``, which the read-only `FrozenData`
does not guard) and each `Span`'s attributes are set as ``object.__setattr__`` sets them
(``PyObject_GenericSetAttr``, past the frozen class's refusal, as attrs' own constructors do)
rather than through its Python ``__init__``. A block's offsets are valid already, so a span's are.
"""

from cpython.dict cimport PyDict_SetItem
from cpython.object cimport PyObject_GenericSetAttr

import attrs

from copydesk import REMOVALS, FrozenData, Span

from copydesk_boilerplate import page as reference

#: `Span`'s attributes, in the order `removal_spans` sets them.
_SPAN_FIELDS = ("start", "end", "label", "layer", "data")
#: Whether `Span` still has exactly those attributes: if the core's model changes, the spans
#: are left to `Span`'s own constructor.
_span_fields_known = tuple(field.name for field in attrs.fields(Span)) == _SPAN_FIELDS


def removal_spans(page, by):
    """``page.removal_spans``."""
    if not _span_fields_known:
        return reference.removal_spans(page, by)
    cdef dict removed = page.removed
    blocks = page.blocks
    earlier = page.earlier
    cdef list spans = []
    new = Span.__new__
    for index in sorted(removed.keys() - earlier if earlier else removed):
        verdict = removed[index]
        block = blocks[index]
        data = FrozenData()
        PyDict_SetItem(data, "block", index)
        PyDict_SetItem(data, "detail", verdict.detail)
        PyDict_SetItem(data, "by", by)
        span = new(Span)
        PyObject_GenericSetAttr(span, "start", block.start)
        PyObject_GenericSetAttr(span, "end", block.end)
        PyObject_GenericSetAttr(span, "label", verdict.reason)
        PyObject_GenericSetAttr(span, "layer", REMOVALS)
        PyObject_GenericSetAttr(span, "data", data)
        spans.append(span)
    return spans
