"""The name-run pattern of speakers.py, written capital-first for speed, finds what its plain form finds."""

from __future__ import annotations

import random
import re

import pytest

from copydesk_quotes.speakers import _NAME, _NAME_WORD

#: The plain form: no letter or apostrophe before the first word, then name words.
PLAIN = re.compile(
    rf"(?<![\w\u2019']){_NAME_WORD}(?:[ \u00a0](?:(?:bin|al|de|van|von|da|del|la|le)[ \u00a0])?{_NAME_WORD})*"
)

SENTENCES = [
    "Sen. Tom Udall of New Mexico said Mr. Hale and Mrs. Ortiz would vote.",
    "The U.S. Capt. J. R. Lowe met Osama bin Laden's envoy, Dr. Ana de la Vega.",
    "O'Brien told McDonald\u2019s staff that St. Louis and Jr. players met at 10 A.M. Monday.",
    "an iPhone, eBay and X-ray; Mrs.Jones, Lt.Col. Park and Prof.\u00a0Kim Sung.",
    "Rev. Al Sharpton, Gov. Sgt. Adm. Gen. Rep. Col. Ms. Mr. Dr. Sr. all came.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_name_runs_are_those_of_the_plain_pattern(text: str) -> None:
    found = [(m.span(), m.group()) for m in _NAME.finditer(text)]
    assert found == [(m.span(), m.group()) for m in PLAIN.finditer(text)]
    assert found  # every sentence names someone
    for start in range(len(text)):  # a paragraph may start anywhere, even inside a word
        assert [m.span() for m in _NAME.finditer(text, start)] == [m.span() for m in PLAIN.finditer(text, start)]


def test_the_name_runs_are_those_of_the_plain_pattern_on_random_text() -> None:
    rng = random.Random(7)
    alphabet = "AMSDrsJ.'\u2019 \u00a0-abl_\u00e9\u00c91,\nPGCRoe"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        expected = [(m.span(), m.group()) for m in PLAIN.finditer(text, start)]
        assert [(m.span(), m.group()) for m in _NAME.finditer(text, start)] == expected, text
