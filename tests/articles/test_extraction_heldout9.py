"""Behaviours added after scoring the engine on the ninth and tenth held-out batches
(r120-r143), and on causes left over from the earlier ones.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from articles.extraction import KnownSource, SourceIndex, extract
from tests.articles.heldout_cases import PUBLISHED, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The air force said 51 of the drones were downed and 20 others were jammed or"
            " lost, while 300 North Korean soldiers were killed in Kursk, Kyiv said.",
            [("killed", 300, 300)],
            id="others-of-the-drones-are-drones",
        ),
        pytest.param(
            "Some observers think Pyongyang could in time rotate up to 25,000 more soldiers"
            " through the region. About 11,000 North Korean troops are there now.",
            [("deployed", 11000, 11000)],
            id="could-rotate-is-speculation",
        ),
    ],
)
def test_counts_that_are_not_the_force(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


ZELENSKYY = "Volodymyr Zelenskyy"
US = "US officials"
REGISTRY = SourceIndex(
    [
        KnownSource(ZELENSKYY, ("Zelensky", "Zelenskyy"), kind="head_of_state"),
        KnownSource(US, ("U.S. officials", "Washington"), kind="government"),
    ]
)


def sourced(text: str, outlet: str | None = None) -> list[tuple]:
    found = extract(text, published=PUBLISHED, sources=REGISTRY, outlet=outlet)
    return [(c.low, c.source, c.via, c.as_of) for c in found]


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        pytest.param(
            "U.S. officials said 10,000 North Korean soldiers were in Russia. The Ukrainian"
            " leader Zelensky went further on Feb. 20, saying 12,000 North Korean soldiers"
            " remain in Kursk.",
            None,
            [(10000, US, None, PUBLISHED.isoformat()), (12000, ZELENSKYY, None, "2025-02-20")],
            id="a-name-then-saying",
        ),
        pytest.param(
            "Later, according to U.S. officials who spoke to reporters, Moscow gathered"
            " about 45,000 troops, North Koreans among them, for a push.",
            None,
            [(45000, US, None, PUBLISHED.isoformat())],
            id="who-spoke-inside-according-to",
        ),
        pytest.param(
            "About 45,000 troops, North Koreans among them, have been massed to retake the"
            " region before the new president takes office on Jan. 20, U.S. officials said.",
            None,
            [(45000, US, None, PUBLISHED.isoformat())],
            id="a-day-still-to-come-dates-nothing",
        ),
        pytest.param(
            "About 9,000 North Korean soldiers are in Kursk.",
            "The Washington Post",
            [(9000, "The Washington Post", None, PUBLISHED.isoformat())],
            id="an-unattributed-figure-is-the-outlet's",
        ),
    ],
)
def test_attribution_and_dates(text: str, outlet: str | None, expected: list[tuple]) -> None:
    assert sourced(text, outlet) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A rumour that went round last week -- that 50,000 North Korean soldiers had"
            " reached Kursk -- was false, officials said. About 11,000 North Korean troops"
            " are there.",
            [("deployed", 11000, 11000)],
            id="a-claim-then-its-verdict-in-one-sentence",
        ),
        pytest.param(
            "At least 9,000 North Korean troops are now inside Kursk, a figure that would mean"
            " most of those who trained in the east have moved.",
            [("deployed", 9000, None)],
            id="a-comment-on-the-figure-is-not-its-metric",
        ),
    ],
)
def test_verdicts_and_comments(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected
