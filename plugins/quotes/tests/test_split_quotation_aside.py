"""A quotation split by its attribution with an aside after the cue (precision pass):
``"Q1," he said of the two men, "Q2."`` gives both pieces, one group.

Each test is an invented sentence in the style of news; the expectation is what the
annotation conventions of the shared bench (README) say the attribution is.
"""

from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], list[tuple[str, str, str | None]]]


def test_the_second_piece_after_a_short_aside_is_the_same_speakers(found: Found) -> None:
    assert found("“They will agree,” she said of Lee and Ortiz, “because each needs the other.”") == [
        ("direct", "“They will agree,”", "she"),
        ("direct", "“because each needs the other.”", "she"),
    ]
    assert found('"The port is busy," said Dana Hill, director of the harbor board, "but it is costly."') == [
        ("direct", '"The port is busy,"', "Dana Hill"),
        ('direct', '"but it is costly."', "Dana Hill"),
    ]
    assert found("“We are safe here,” he said two days after the vote, “which is what matters.”") == [
        ("direct", "“We are safe here,”", "he"),
        ("direct", "“which is what matters.”", "he"),
    ]


def test_a_quotation_after_another_cue_or_clause_is_not_a_second_piece(found: Found) -> None:
    # another cue in between: the crowd's words
    assert found('"It is over," he said, and the crowd chanted, "Go home."') == [
        ("direct", '"It is over,"', "he"),
        ("direct", '"Go home."', "the crowd"),
    ]
