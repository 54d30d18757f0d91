"""Behaviours added after scoring the engine on the eighth held-out batch (r108-r119).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, NIS, STAFF, attributed, claims, metrics_of


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "At least 900 replacement soldiers are thought to have joined the North Korean"
            " contingent.",
            [("deployed", 900, None)],
            id="replacement-soldiers",
        ),
        pytest.param(
            "A military source put the number of North Korean replacements at up to 2,500.",
            [("deployed", None, 2500)],
            id="the-number-of-a-people-noun-at",
        ),
        pytest.param(
            "North Korean troops have suffered 4,200 killed and wounded, including the deaths"
            " of some 500.",
            [("casualties", 4200, 4200), ("killed", 500, 500)],
            id="the-deaths-of-some",
        ),
        pytest.param(
            "About 250 North Korean soldiers sent to Russia have been killed, the NIS says.",
            [("killed", 250, 250)],
            id="soldiers-sent-to-russia-who-were-killed",
        ),
        pytest.param(
            "About 2,000 replacements reached Russia in February, many of them sent to fill"
            " gaps left by North Korean losses.",
            [("deployed", 2000, 2000)],
            id="sent-later-in-the-sentence-stays-with-the-figure",
        ),
    ],
)
def test_metric_rules(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_an_unnamed_source_keeps_its_kind() -> None:
    text = "A military source in Seoul put North Korean losses at 4,000."
    assert attributed(text) == [(4000, "a military source in Seoul", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS said 2,000 North Korean troops were in Russia and predicted that the total"
            " would reach 8,000 by December.",
            [("deployed", 2000, 2000)],
            id="a-total-that-would-reach",
        ),
        pytest.param(
            "North Korean troops are in Kursk. One US official said Russia was losing around"
            " 1,100 soldiers killed or wounded every day.",
            [],
            id="russia-was-losing",
        ),
        pytest.param(
            "North Korean losses near 5,000, Seoul says\n\nNorth Korean troops have suffered a"
            " combined 4,800 killed and wounded, the NIS said.",
            [("casualties", 4800, 4800)],
            id="a-headline-rounding-the-body",
        ),
    ],
)
def test_forecasts_other_forces_and_rounded_headlines(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_description_after_an_unnamed_official_is_not_the_name() -> None:
    text = (
        "A US official familiar with the intelligence said up to 1,800 North Korean troops moved."
    )
    assert attributed(text) == [(None, "US official", None)]


def test_people_counted_are_no_speaker() -> None:
    text = (
        "Budanov said 3,000 North Korean soldiers had been killed.\n\n"
        "One of two North Korean soldiers captured by Ukraine in Russia's Kursk region has told"
        " a lawmaker that he wants to go south."
    )
    assert [c.source for c in claims(text)] == [HUR, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Two weeks ago, Budanov said 3,500 North Korean soldiers had been killed.",
            [(3500, "2025-02-19")],
            id="two-weeks-ago",
        ),
        pytest.param(
            "Three days ago the NIS said 1,200 North Korean soldiers had died.",
            [(1200, "2025-03-02")],
            id="three-days-ago",
        ),
        pytest.param(
            "A month ago the NIS said 10,000 North Korean troops were in Kursk.",
            [(10000, "2025-02")],
            id="a-month-ago",
        ),
    ],
)
def test_time_ago(text: str, expected: list[tuple]) -> None:
    assert [(c.low, c.as_of) for c in claims(text)] == expected


def test_a_relative_clause_saying_when_troops_were_sent_dates_them() -> None:
    text = (
        "They replace men lost in Kursk, where the roughly 12,000 North Korean soldiers that"
        " the NIS says were dispatched from October of last year have fought."
    )
    assert [(c.low, c.as_of) for c in claims(text)] == [(12000, "2024-10")]


def test_a_person_familiar_with_the_matter_is_a_source() -> None:
    text = (
        "A person familiar with the matter told The Associated Press that 2,500 North Korean"
        " builders had reached Kursk."
    )
    assert attributed(text) == [(2500, "a person familiar with the matter", None)]
