"""Behaviours added after scoring the engine on the sixth held-out batch (r84-r95).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, JCS, NIS, attributed, cpu_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to Yu, the NIS told the committee that 700 North Korean soldiers had"
            " died.\n\nThe NIS also said 1,500 more North Korean troops had been sent.",
            [(700, NIS, "Yu Yong-weon"), (1500, NIS, "Yu Yong-weon")],
            id="according-to-a-lawmaker-the-agency-said-is-the-agency-relayed",
        ),
        pytest.param(
            "North Korea has sent about 2,000 more soldiers, the JCS said in an assessment of"
            " Pyongyang's ties with Russia released to reporters.\n\n"
            "The JCS put North Korean casualties at 4,500.",
            [(2000, JCS, None), (4500, JCS, None)],
            id="a-phrase-after-the-verb-opening-with-a-preposition-is-no-speaker",
        ),
        pytest.param(
            "South Korea's spy agency said 300 North Korean soldiers had been killed.\n\n"
            "Ukrainian officials put North Korean losses at more than 4,000.",
            [(300, NIS, None), (4000, "Ukrainian officials", None)],
            id="vague-speakers-of-another-side-are-their-own-source",
        ),
        pytest.param(
            "Ukraine's military intelligence said 300 North Korean soldiers had been killed.\n\n"
            "Ukrainian officials put North Korean losses at more than 4,000.",
            [(300, HUR, None), (4000, HUR, None)],
            id="vague-speakers-of-the-same-side-restate-the-carried-source",
        ),
    ],
)
def test_attribution_rules(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("SEOUL, June 18 ", id="thousands-of-dates-among-figures"),
        pytest.param("reported by the agency ", id="thousands-of-passive-agents"),
        pytest.param("said Budanov ", id="thousands-of-inverted-speakers"),
        pytest.param("Western officials said ", id="thousands-of-vague-speakers"),
    ],
)
def test_a_long_sentence_costs_time_in_proportion_to_its_length(unit: str) -> None:
    # Before, each date tested every date span for each figure, and each speaker copied the
    # rest of its sentence: four times the text took about sixteen times as long.
    def seconds(size: int) -> float:
        text = "North Korean troops. " + unit * (size // len(unit)) + " 300 were killed."
        return cpu_seconds(text)

    # The shared host's speed drifts: the shorter text is timed on both sides of the longer
    # one and its slower run kept. Linear is about 4 here, quadratic about 16 or more.
    before = seconds(300_000)
    long = seconds(1_200_000)
    short = max(before, seconds(300_000), 0.01)
    assert long < 10 * short
