# cython: language_level=3, boundscheck=False, wraparound=False
"""``tokenise`` as one C pass over the code points: the tokeniser of ``tokens.py``, in C
(and its walks over the tokens: ``sentences``, ``word_indices`` and ``lower_words``).

``tokens.py`` is the reference and the fallback; this module gives the same tokens (a test
compares them, and the character classes on every code point). The reference runs a regular
expression over each stretch between quotations; here each token's end is found by reading
the characters, with CPython's own tests for ``\\w``, ``\\d`` and ``\\s`` (those ``re`` uses),
and the pieces of the pattern are:

- a number with thousands separators, ``\\d{1,3}(?:,\\d{3})+(?!\\d)``;
- a word, ``\\w+(?:[\u2019'\\-&.]\\w+)*``;
- a dash, ``--+``;
- any other character that is not whitespace, alone.
"""

from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.tuple cimport PyTuple_Check, PyTuple_SET_ITEM
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISSPACE

from copydesk_quotes import tokens as reference
from copydesk_quotes.tokens import CONTRACTED_PRONOUNS, PUNCT, QUOTE, WORD, Token, sentences_ending

# the pattern this scan was written from; another one falls back to the reference tokeniser
if reference._SPACED_TOKEN.pattern != r"(\s*)(\d{1,3}(?:,\d{3})+(?!\d)|\w+(?:[\u2019'\-&.]\w+)*|--+|[^\w\s])":
    raise ImportError("copydesk_quotes.tokens changed its token pattern; update token_scan.pyx")


cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    const void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, const void* data, Py_ssize_t index)
    str PyUnicode_Substring(object text, Py_ssize_t start, Py_ssize_t end)
    # a borrowed item of any tuple (cpython.tuple's takes only an exact tuple, not a Token)
    PyObject* PyTuple_GET_ITEM(object token, Py_ssize_t index)

    ctypedef struct PyTypeObject:
        PyObject* tp_alloc(PyTypeObject* type, Py_ssize_t items) except NULL


cdef dict _PRONOUNS = CONTRACTED_PRONOUNS
cdef str _WORD = WORD
cdef str _PUNCT = PUNCT
cdef str _QUOTE = QUOTE
cdef PyTypeObject* _TOKEN_TYPE = <PyTypeObject*>Token
cdef frozenset _SENTENCE_MARKS = reference._SENTENCE_MARKS
#: Where a token's kind, text and lower case stand in its tuple.
cdef Py_ssize_t _KIND = Token._fields.index("kind"), _TEXT = Token._fields.index("text")
cdef Py_ssize_t _LOWER = Token._fields.index("lower")

#: ASCII characters that are ``\w``: letters, digits and "_".
cdef bint _ASCII_WORD[128]
for _c in range(128):
    _ASCII_WORD[_c] = chr(_c).isalnum() or _c == ord("_")


cdef inline void _put(object token, Py_ssize_t index, object value):
    Py_INCREF(value)  # PyTuple_SET_ITEM takes the reference over
    PyTuple_SET_ITEM(token, index, value)


cdef object _token(Py_ssize_t start, Py_ssize_t end, str kind, str word, str lower):
    """``tuple.__new__(Token, (start, end, kind, word, lower, None))`` without the call: the
    type's own allocation (what that call does after making and checking the argument tuple),
    then the fields. Half of the scan's cost was that call."""
    cdef object start_ = start, end_ = end
    token = <object>_TOKEN_TYPE.tp_alloc(_TOKEN_TYPE, 6)
    Py_DECREF(token)  # the cast took a second reference to the new token
    _put(token, 0, start_)
    _put(token, 1, end_)
    _put(token, 2, kind)
    _put(token, 3, word)
    _put(token, 4, lower)
    _put(token, 5, None)
    return token


cdef inline object _field(object token, Py_ssize_t index):
    """A field of a token, read as a tuple item: a Token is a tuple."""
    if not PyTuple_Check(token):
        raise TypeError(f"a token is a Token, not {type(token).__name__}")
    return <object>PyTuple_GET_ITEM(token, index)


cdef inline bint _is_word(Py_UCS4 ch) noexcept:
    """``re``'s ``\\w`` for str: a character ``str.isalnum`` accepts, or "_"."""
    if ch < 128:
        return _ASCII_WORD[ch]
    return Py_UNICODE_ISALNUM(ch)


cdef inline bint _is_digit(Py_UCS4 ch) noexcept:
    """``re``'s ``\\d`` for str: a decimal digit (``str.isdecimal``)."""
    if ch < 128:
        return 48 <= ch <= 57
    return Py_UNICODE_ISDECIMAL(ch)


cdef inline bint _is_joiner(Py_UCS4 ch) noexcept:
    """The characters that may join two runs of a word: \u2019 ' - & ."""
    return ch == 0x2019 or ch == 39 or ch == 45 or ch == 38 or ch == 46


cdef Py_ssize_t _number_end(int kind, const void* data, Py_ssize_t s, Py_ssize_t stop) noexcept:
    """Where the number with thousands separators starting at `s` ends, or -1 if none does."""
    cdef Py_ssize_t j = s
    while j < stop and j - s < 4 and _is_digit(PyUnicode_READ(kind, data, j)):
        j += 1
    if j - s > 3 or j >= stop or PyUnicode_READ(kind, data, j) != 44:
        return -1
    cdef Py_ssize_t groups = 0
    while (
        j + 4 <= stop
        and PyUnicode_READ(kind, data, j) == 44
        and _is_digit(PyUnicode_READ(kind, data, j + 1))
        and _is_digit(PyUnicode_READ(kind, data, j + 2))
        and _is_digit(PyUnicode_READ(kind, data, j + 3))
    ):
        j += 4
        groups += 1
    if groups == 0:
        return -1
    if j < stop and _is_digit(PyUnicode_READ(kind, data, j)):
        # (?!\d) fails after the last group; the one before it is followed by a comma
        return j - 4 if groups > 1 else -1
    return j


cdef Py_ssize_t _word_end(int kind, const void* data, Py_ssize_t s, Py_ssize_t stop) noexcept:
    """Where the word starting at `s` (a ``\\w`` character) ends."""
    cdef Py_ssize_t j = s + 1
    while j < stop and _is_word(PyUnicode_READ(kind, data, j)):
        j += 1
    while j + 1 < stop and _is_joiner(PyUnicode_READ(kind, data, j)) and _is_word(PyUnicode_READ(kind, data, j + 1)):
        j += 2
        while j < stop and _is_word(PyUnicode_READ(kind, data, j)):
            j += 1
    return j


cdef Py_ssize_t _scan(str text, Py_ssize_t position, Py_ssize_t stop, list tokens) except -1:
    """Appends the tokens of text[position:stop] to `tokens`."""
    # out-of-range bounds are cut to the text, as ``re`` cuts its pos and endpos
    position = max(0, position)
    stop = min(stop, len(text))
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t s, e, cut, i
    cdef Py_UCS4 ch
    cdef bint is_word, plain, apostrophe
    cdef str word, lower
    while position < stop:
        ch = PyUnicode_READ(kind, data, position)
        if Py_UNICODE_ISSPACE(ch):
            position += 1
            continue
        s = position
        is_word = _is_word(ch)
        if is_word:
            e = _number_end(kind, data, s, stop) if _is_digit(ch) else -1
            if e < 0:
                e = _word_end(kind, data, s, stop)
        elif ch == 45 and s + 1 < stop and PyUnicode_READ(kind, data, s + 1) == 45:
            e = s + 2
            while e < stop and PyUnicode_READ(kind, data, e) == 45:
                e += 1
        else:
            e = s + 1
        position = e
        word = PyUnicode_Substring(text, s, e)
        # An ASCII token without capitals is its own lower case; only a word with an
        # apostrophe may be a contracted pronoun.
        plain = True
        apostrophe = False
        for i in range(s, e):
            ch = PyUnicode_READ(kind, data, i)
            if ch >= 128 or 65 <= ch <= 90:
                plain = False
            if ch == 39 or ch == 0x2019:
                apostrophe = True
        lower = word if plain else word.lower()
        if not is_word:
            tokens.append(_token(s, e, _PUNCT, word, lower))
            continue
        if apostrophe:
            found = _PRONOUNS.get(lower)
            if found is not None:
                # "he's said": the pronoun and its auxiliary are two words
                cut = s + <Py_ssize_t>found
                tokens.append(_token(s, cut, _WORD, PyUnicode_Substring(text, s, cut), lower[: cut - s]))
                tokens.append(_token(cut, e, _WORD, PyUnicode_Substring(text, cut, e), lower[cut - s :]))
                continue
        tokens.append(_token(s, e, _WORD, word, lower))
    return 0


def tokenise(str text, Py_ssize_t start, Py_ssize_t end, quotations, work=None):
    """Tokens of text[start:end]; `quotations` are those lying in that range, in order."""
    cdef list tokens = []
    cdef Py_ssize_t position = start, stop
    for quotation in quotations:
        stop = quotation.start
        if work is not None:
            work.tick(max(0, stop - position))
        _scan(text, position, stop, tokens)
        tokens.append(Token(quotation.start, quotation.end, QUOTE, text[quotation.start : quotation.end], "", quotation))
        position = quotation.end
    if work is not None:
        work.tick(max(0, end - position))
    _scan(text, position, end, tokens)
    return tokens


def sentences(str text, list tokens):
    """Sentences as half-open token index ranges: ``tokens.sentences``, with the tokens that may
    end one (sentence marks and quotations) found in C, reading each token's kind and text as
    tuple items; ``tokens.sentences_ending`` decides at those few."""
    cdef Py_ssize_t i
    ends = [
        i
        for i in range(len(tokens) - 1)
        if _field(tokens[i], _KIND) == _QUOTE or _field(tokens[i], _TEXT) in _SENTENCE_MARKS
    ]
    return sentences_ending(text, tokens, ends)


cdef int _check_range(list tokens, Py_ssize_t a, Py_ssize_t b) except -1:
    """The walks read tokens[a:b] without bounds checks: a range past either end is refused."""
    if a < 0 or b > len(tokens):
        raise IndexError(f"tokens {a}:{b} of {len(tokens)}")
    return 0


def word_indices(list tokens, Py_ssize_t a, Py_ssize_t b, frozenset words):
    """The indices of tokens[a:b] whose lower-cased text is one of `words` (``tokens.word_indices``,
    reading each token's lower case as a tuple item)."""
    _check_range(tokens, a, b)
    cdef list found = []
    cdef Py_ssize_t i
    for i in range(a, b):
        if _field(tokens[i], _LOWER) in words:
            found.append(i)
    return found


def lower_words(list tokens, Py_ssize_t a, Py_ssize_t b):
    """The lower-cased texts of tokens[a:b], as a set (``tokens.lower_words``, reading each
    token's lower case as a tuple item)."""
    _check_range(tokens, a, b)
    cdef Py_ssize_t i
    return frozenset([_field(tokens[i], _LOWER) for i in range(a, b)])


def character_classes(str text):
    """The scan's own character tests on each character of `text`, for the test that compares
    them with ``re`` on every code point: per character, 1 if ``\\w``, 2 if ``\\d``, 4 if ``\\s``."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef bytearray classes = bytearray(len(text))
    cdef Py_ssize_t i
    cdef Py_UCS4 ch
    for i in range(len(text)):
        ch = PyUnicode_READ(kind, data, i)
        classes[i] = _is_word(ch) | _is_digit(ch) << 1 | Py_UNICODE_ISSPACE(ch) << 2
    return classes
