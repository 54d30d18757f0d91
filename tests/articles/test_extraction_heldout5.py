"""Behaviours added after scoring the engine on the fifth held-out batch (r72-r83).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, NIS, claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korean troops fight in Kursk.\n\n"
            "More than 3,500 Ukrainians have been taken prisoner since 2022.",
            [],
            id="ukrainians-are-another-force",
        ),
        pytest.param(
            "North Korean troops fight in Kursk.\n\n"
            "Mediators have arranged exchanges that returned more than 4,000 captives to both"
            " sides.",
            [],
            id="prisoner-exchanges-name-no-north-koreans",
        ),
        pytest.param(
            "North Korean troops fight in Kursk.\n\n"
            "Parliament voted 190 to 95 on Friday to remove the prime minister from office, and"
            " his deputy is now serving as acting head of government.",
            [],
            id="a-cue-far-after-a-bare-figure-counts-nothing",
        ),
        pytest.param(
            "About 900 North Korean soldiers are still completing training in the Far East.",
            [("in_training", 900, 900)],
            id="still-completing-training-is-training",
        ),
        pytest.param(
            "About 700 lightly injured North Korean soldiers were sent back to their units.",
            [("returned_to_duty", 700, 700)],
            id="sent-back-to-their-units-is-returned-to-duty",
        ),
        pytest.param(
            "The NIS said about 500 North Korean soldiers had been killed and that casualties,"
            " including the wounded, stood at around 3,900.",
            [("killed", 500, 500), ("casualties", 3900, 3900)],
            id="including-the-wounded-does-not-name-the-total",
        ),
    ],
)
def test_figure_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.high) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ukraine's military intelligence said the North Koreans were regrouping.\n\n"
            "A US official, speaking on condition of anonymity, told reporters that about 1,000"
            " North Korean soldiers had been killed.",
            [("US official", None, "2025-03-05")],
            id="one-unnamed-official-in-the-sentence-beats-the-carried-source",
        ),
        pytest.param(
            "About 11,000 North Korean soldiers remain in Russia, Rep. Yu told reporters after a"
            " closed-door NIS briefing.",
            [(NIS, "Yu Yong-weon", "2025-03-05")],
            id="whose-briefing-it-was-names-the-origin",
        ),
        pytest.param(
            "MOSCOW, March 5 (Reuters) - North Korea will send 2,000 more soldiers to Kursk,"
            " Ukraine's military intelligence said on Monday.",
            [(HUR, None, "2025-03-03")],
            id="a-dateline-does-not-date-the-figure",
        ),
    ],
)
def test_attribution_and_date_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.source, c.via, c.as_of) for c in claims(text)] == expected
