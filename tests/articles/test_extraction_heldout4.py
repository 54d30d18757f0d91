"""Behaviours added after scoring the engine on the fourth held-out batch (r60-r71).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, JCS, NIS, claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kyiv says the enemy lost not less than 900 servicemen of the DPRK killed.",
            [("killed", 900, None)],
            id="not-less-than-is-at-least-and-servicemen-of-the-dprk-killed",
        ),
        pytest.param(
            "North Korean units lost in the amount of 60 persons killed and wounded.",
            [("casualties", 60, 60)],
            id="persons-are-counted",
        ),
        pytest.param(
            "The fate of 14 more North Korean soldiers remains unknown.",
            [("missing", 14, 14)],
            id="fate-unknown-is-missing",
        ),
        pytest.param(
            "Roughly one in four of the North Korean soldiers sent has been wounded.",
            [],
            id="one-in-four-is-a-ratio",
        ),
        pytest.param(
            "A further 1,200 or so North Koreans are being readied at ranges in the Far East.",
            [("in_training", 1200, 1200)],
            id="or-so-is-about-and-readied-is-training",
        ),
        pytest.param(
            "The two North Korean prisoners, aged 21 and 25, were taken in January.",
            [("captured", 2, 2)],
            id="every-number-after-aged-is-an-age",
        ),
        pytest.param(
            "About 3,000 North Korean troops were hurt by the end of January, upwards of 800 of"
            " them killed.",
            [("wounded", 3000, 3000), ("killed", 800, None)],
            id="of-them-killed-counts-the-killed",
        ),
        pytest.param(
            "Analysts expect a fourth North Korean wave, possibly as large as 25,000 soldiers.",
            [],
            id="a-forecast-is-no-claim",
        ),
        pytest.param(
            "The North Korean brigade, about 4,000 strong, was moved by train to the border.",
            [("deployed", 4000, 4000)],
            id="moved-by-train-is-no-training",
        ),
        pytest.param(
            "Ukraine says at least 1,000 new North Korean troops had joined them to replace men"
            " killed and wounded.",
            [("deployed", 1000, None)],
            id="troops-who-joined-are-deployed",
        ),
        pytest.param(
            "North Korea's army said about 2,500 replacements reached Russia in February.",
            [("deployed", 2500, 2500)],
            id="replacements-are-counted",
        ),
    ],
)
def test_figure_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.high) for c in claims(text)] == expected


def test_c_dot_is_no_sentence_end() -> None:
    (claim,) = claims("North Korea has sent c. 11,000 soldiers to Kursk, the NIS said.")
    assert (claim.metric, claim.low, claim.source) == ("deployed", 11000, NIS)
    assert claim.quote.startswith("North Korea has sent c. 11,000")


def test_a_headline_figure_the_body_counts_otherwise_is_dropped() -> None:
    text = (
        "Kim's 12k: North Korean losses mount\n\n"
        "North Korea has sent some 12,000 soldiers to Russia, the NIS said."
    )
    assert [(c.metric, c.low) for c in claims(text)] == [("deployed", 12000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "NORTH KOREAN TROOPS: THE COUNT\n\n"
            "- Sent in the autumn: c. 11,000 troops (NIS, November 2024)\n"
            "- Reinforcements: about 2,500 (JCS, February)\n\n"
            "Ukrainian soldiers say the North Koreans now move in small groups.",
            [(NIS, None, "2024-11"), (JCS, None, "2025-02")],
            id="a-known-source-in-brackets-after-a-figure",
        ),
        pytest.param(
            "Transcript of the interview.\n\n"
            "HOST: How many North Korean soldiers are there?\n\n"
            "ANDRIY YUSOV: About 11,000 North Korean soldiers are in Kursk. More than 1,000 of"
            " them have been killed.\n\n"
            "HOST: The NIS said on Monday that 300 North Korean soldiers had died.",
            [(HUR, None, "2025-03-05"), (HUR, None, "2025-03-05"), (NIS, None, "2025-03-03")],
            id="transcript-speaker-labels",
        ),
        pytest.param(
            "Pyongyang confirmed the deployment.\n\n"
            "About 9,000 North Korean soldiers are still in Russia, and 2,000 have been killed.\n\n"
            "The figures came from the NIS, which briefed lawmakers on March 3, according to"
            " Rep. Yu.",
            [(NIS, "Yu Yong-weon", "2025-03-03"), (NIS, "Yu Yong-weon", "2025-03-03")],
            id="the-figures-came-from-attributes-and-dates-the-figures-before",
        ),
        pytest.param(
            "This was reported by the Main Directorate of Intelligence in its Telegram channel."
            "\n\nSince December, 800 North Korean soldiers have been killed, the statement says.",
            [(HUR, None, "2025-03-05")],
            id="the-agent-of-a-passive",
        ),
        pytest.param(
            "Our estimate is that about 11,000 North Korean soldiers are in Kursk, Yusov said.",
            [(HUR, None, "2025-03-05")],
            id="our-estimate-names-nobody",
        ),
        pytest.param(
            "In the same update, the Ministry of Defence said some 4,000 North Korean troops had"
            " become casualties.",
            [("Ministry of Defence", None, "2025-03-05")],
            id="a-capitalised-name-is-no-appositive",
        ),
        pytest.param(
            "About 11,000 North Korean soldiers are in Kursk, according to a British defence"
            " intelligence assessment published on Sunday.",
            [("British defence intelligence", None, "2025-03-02")],
            id="the-document-word-is-cut-from-the-name-and-its-day-kept",
        ),
    ],
)
def test_attribution_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.source, c.via, c.as_of) for c in claims(text)] == expected
