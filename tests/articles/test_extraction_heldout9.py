"""Behaviours added after scoring the engine on the ninth and tenth held-out batches
(r120-r143), and on causes left over from the earlier ones.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import metrics_of


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
