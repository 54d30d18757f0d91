"""Behaviours added after scoring the engine on the eleventh and twelfth held-out batches
(r144-r167), and on causes left over from the earlier ones.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import NIS, attributed, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Close to a thousand North Korean soldiers have died in the fighting, the NIS"
            " told lawmakers.",
            [("killed", 1000, 1000)],
            id="a-thousand",
        ),
        pytest.param(
            "More than a hundred North Korean troops were wounded in the shelling, the NIS said.",
            [("wounded", 100, None)],
            id="more-than-a-hundred",
        ),
        pytest.param(
            "No more than 800 of the North Korean soldiers sent to the front remain fit to"
            " fight, the NIS said.",
            [("deployed", None, 800)],
            id="no-more-than-is-a-ceiling",
        ),
        pytest.param(
            "Not more than 800 North Korean soldiers were captured, the NIS said.",
            [("captured", None, 800)],
            id="not-more-than-is-a-ceiling",
        ),
        pytest.param(
            "No fewer than 2,500 North Korean soldiers were killed, the NIS said.",
            [("killed", 2500, None)],
            id="no-fewer-than-is-a-floor",
        ),
        pytest.param(
            "Just over 3,000 North Korean soldiers were killed, the NIS said.",
            [("killed", 3000, 3000)],
            id="just-over-is-approximate",
        ),
    ],
)
def test_qualifiers_and_worded_scales(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_thousand_times_is_no_count() -> None:
    assert metrics_of("The NIS said the drones flew a thousand kilometres on the night.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "South Korean officials said 11,000 North Korean soldiers were in the Kursk region.",
            [(11000, "South Korean officials", None)],
            id="nationality-and-officials",
        ),
        pytest.param(
            "Western and South Korean officials put the North Korean contingent at 12,000.",
            [(12000, "Western and South Korean officials", None)],
            id="two-nationalities-and-officials",
        ),
        pytest.param(
            "Ukraine says it captured two North Korean soldiers, the first taken from a force"
            " that US and South Korean officials say Pyongyang sent last year.",
            [(2, "Ukraine", None)],
            id="officials-in-a-later-relative-clause-do-not-take-the-figure",
        ),
        pytest.param(
            "South Korean weapons makers rallied after the NIS said 3,000 North Korean"
            " soldiers had been sent to Russia.",
            [(3000, NIS, None)],
            id="a-nationality-and-a-trade-is-no-source",
        ),
    ],
)
def test_officials_named_by_nationality(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected
