"""Behaviours added after scoring the engine on the eighth held-out batch (r108-r119).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import NIS, STAFF, claims


def attributed(text: str) -> list[tuple]:
    return [(c.low, c.source, c.via) for c in claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "On 3 March, South Korea's spy agency, in a briefing relayed by Rep. Yu, said 200"
            " North Korean soldiers had been killed.",
            [(200, NIS, "Yu Yong-weon")],
            id="an-agency-in-a-briefing-relayed-by-a-lawmaker",
        ),
        pytest.param(
            "North Korean losses reached 4,100, according to Rep. Yu, a lawmaker who briefed"
            " reporters after a closed-door session with the NIS.",
            [(4100, NIS, "Yu Yong-weon")],
            id="a-lawmaker-after-a-session-with-the-agency",
        ),
        pytest.param(
            "Analysts at the Institute for the Study of War counted 1,200 North Korean troops"
            " in Kursk, the Institute for the Study of War said.",
            [(1200, "Institute for the Study of War", None)],
            id="the-inside-a-name",
        ),
        pytest.param(
            "A separate source in Chagang Province said that about 150 wounded North"
            " Korean soldiers had come home.\n\nThe source said 30 North Korean soldiers had"
            " died.",
            [
                (150, "a source in Chagang Province", None),
                (30, "a source in Chagang Province", None),
            ],
            id="an-unnamed-source-by-its-place-and-the-source-again",
        ),
        pytest.param(
            "According to the source, by late March the army had told families that 20 North"
            " Korean soldiers had died.",
            [(20, None, None)],
            id="a-phrase-opening-with-a-preposition-is-no-name",
        ),
        pytest.param(
            "An official at Japan's Defense Ministry told NHK that the ministry estimates more"
            " than 9,000 North Korean soldiers are in Russia.",
            [(9000, "Japan's Defense Ministry", None)],
            id="the-ministry-is-the-unknown-ministry-named-before",
        ),
        pytest.param(
            "Hrytsenko said Ukraine's General Staff now estimates 1,500 North Korean"
            " casualties this year.",
            [(1500, STAFF, "Hrytsenko")],
            id="a-guest-reporting-a-known-source",
        ),
    ],
)
def test_attribution_rules(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Correction: An earlier version of this story incorrectly said Ukraine is holding"
            " four North Korean prisoners of war.",
            id="incorrectly-said",
        ),
        pytest.param(
            'Our guest said the North Korean toll was "more than 9,000." That is incorrect.',
            id="that-is-incorrect",
        ),
    ],
)
def test_corrected_figures_are_no_claims(text: str) -> None:
    assert claims(text) == []


def test_a_figure_before_it_was_wrong_to_is_kept() -> None:
    text = "Budanov said 1,000 North Korean soldiers were killed. It was wrong to send them."
    assert [c.low for c in claims(text)] == [1000]
