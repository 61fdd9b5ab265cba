"""The five seed articles against quotes written down by hand (tests/data/seed_quotes.json)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from copydesk import Document
from copydesk.testing import make_document
from copydesk_quotes import AttributeQuotes

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"

_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "the", "a", "an", "president", "secretary", "minister", "foreign", "senator", "sen"]
)


def name_tokens(name: str) -> list[str]:
    words = re.sub(r"[\u2019']s\b", "", name.lower())
    return [w for w in re.split(r"[^\w]+", words) if w and w not in _TITLES]


def same_speaker(expected: str, found: str) -> bool:
    """Names match when equal, or when the shorter is a subset of the longer holding its surname."""
    a, b = name_tokens(expected), name_tokens(found)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (set(short) <= set(long_) and long_[-1] in short)


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


EXPECTED: list[dict[str, Any]] = json.loads((DATA / "seed_quotes.json").read_text("utf-8"))["quotes"]

#: Expected quotes the rules do not find yet, each with the reason; strict, so a fix shows up.
KNOWN_GAPS = {
    "to accelerate the pace and take strong action against terrorist safe havens there": (
        "addressee with a participle clause ('Pakistani leaders participating in ...') is not skipped"
    ),
}


@cache
def _attributed(seed: str) -> Document:
    text = (SEEDS / seed).read_text("utf-8")
    return AttributeQuotes()(make_document(text, doc_id=seed, blocks="lines"), None)  # type: ignore[arg-type]


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place `quote` is written (a seed repeats its standfirst in the body)."""
    found = []
    start = text.find(quote)
    while start >= 0:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def _params() -> list[Any]:
    params = []
    for item in EXPECTED:
        marks = (
            [pytest.mark.xfail(reason=KNOWN_GAPS[item["quote"]], strict=True)] if item["quote"] in KNOWN_GAPS else []
        )
        params.append(pytest.param(item, id=f"{item['seed'][:3]}:{item['quote'][:40]}", marks=marks))
    return params


@pytest.mark.parametrize("expected", _params())
def test_expected_quote_is_found_with_type_and_speaker(expected: dict[str, Any]) -> None:
    doc = _attributed(expected["seed"])
    start = doc.text.index(expected["quote"])
    where = (start, start + len(expected["quote"]))
    matches = [s for s in doc.layer("quotes") if iou(where, (s.start, s.end)) >= 0.5]
    assert matches, f"no quote found over {expected['quote'][:60]!r}"
    span = max(matches, key=lambda s: iou(where, (s.start, s.end)))
    assert span.label == expected["type"]
    speaker = span.data["speaker"]
    if expected["speaker"] is None:
        assert speaker is None
    else:
        assert speaker is not None, "no speaker"
        assert same_speaker(expected["speaker"], speaker["name"]), speaker["name"]


def test_few_quotes_beyond_the_expected_ones() -> None:
    """Precision on the seeds: predicted quotes that match no expected quote stay rare."""
    extra = []
    total = 0
    for seed in sorted({e["seed"] for e in EXPECTED}):
        doc = _attributed(seed)
        wanted = []
        for item in EXPECTED:
            if item["seed"] == seed:
                wanted.extend(_occurrences(doc.text, item["quote"]))
        for span in doc.layer("quotes"):
            total += 1
            if not any(iou(w, (span.start, span.end)) >= 0.5 for w in wanted):
                extra.append(doc.text[span.start : span.end])
    assert len(extra) <= 0.1 * total, extra


def test_speakers_are_clustered_with_fullest_name_and_role() -> None:
    doc = _attributed("000_b2aba391273e9b9d.txt")
    speakers = {s["name"]: s for s in doc.meta["quotes.speakers"]}
    kasuri = speakers["Khurshid Kasuri"]
    assert kasuri["role"] == "Foreign Minister"
    assert kasuri["kind"] == "person"
    mentioned = {doc.text[s:e] for s, e in kasuri["mentions"]}
    assert {"Kasuri", "Khurshid Kasuri"} <= mentioned
    assert speakers["an official"]["kind"] == "anonymous"
    assert speakers["the foreign ministry"]["kind"] == "organisation"


def test_description_and_pronoun_resolve_to_the_person() -> None:
    doc = _attributed("001_c8f8171ffc279a20.txt")
    by_mention = {
        doc.text[q.data["speaker"]["start"] : q.data["speaker"]["end"]]: q.data["speaker"]
        for q in doc.layer("quotes")
        if q.data["speaker"]
    }
    assert by_mention["the State Department spokesman"]["name"] == "P J Crowley"
    assert by_mention["the State Department spokesman"]["role"] == "State Department spokesman"
    assert by_mention["The Defence Secretary"]["name"] == "Robert Gates"


def test_split_quotation_shares_a_group() -> None:
    doc = _attributed("001_c8f8171ffc279a20.txt")
    pieces = [
        q
        for q in doc.layer("quotes")
        if (q.data["speaker"] or {}).get("name") == "Jeoff Morrell" and q.label == "direct"
    ]
    assert len(pieces) == 2
    assert pieces[0].data["group"] == pieces[1].data["group"]
