"""Behaviours added after scoring the engine on the seventeenth and eighteenth held-out
batches (r216-r239), written by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from articles.extraction import extract
from tests.articles.heldout_cases import (
    NIS,
    PUBLISHED,
    SOURCES,
    attributed,
    claims,
    dated,
    metrics_of,
)


def test_a_fact_checks_claim_headings_are_the_posts_not_estimates() -> None:
    text = (
        "Fact check: posts multiply North Korean losses\n\n"
        'CLAIM 1: "25,000 North Koreans killed in Kursk"\n\n'
        "The NIS told lawmakers that about 400 North Korean soldiers had been killed.\n\n"
        "Rating: False.\n\n"
        'CLAIM 3: "Ukraine holds 150 North Korean POWs"\n\n'
        "Kyiv has shown two captured North Korean soldiers, Reuters found."
    )
    assert metrics_of(text) == [("killed", 400, 400), ("captured", 2, 2)]


def test_a_verdict_after_a_semicolon_is_no_post() -> None:
    text = (
        "Fact check: a viral video on North Korean troops\n\n"
        "The NIS says about 600 North Korean soldiers died.\n\n"
        "VERDICT: the death toll is far below the figure in the posts; Zelenskyy said three"
        " North Korean soldiers had been captured."
    )
    assert metrics_of(text) == [("killed", 600, 600), ("captured", 3, 3)]


def test_a_corrected_figure_stands_for_what_it_was_corrected_to() -> None:
    text = (
        "The NIS said 1,900 North Korean soldiers had been wounded.\n\n"
        "Correction: An earlier version of this story incorrectly reported that the NIS said"
        " 1,900 North Korean soldiers had been killed. The NIS said 1,900 had been wounded."
    )
    assert metrics_of(text) == [("wounded", 1900, 1900)]


def test_a_lawmaker_after_the_reports_briefing_relays_the_agency() -> None:
    text = (
        "South Korea's spy agency told lawmakers on Monday that about 500 North Korean"
        " soldiers had been killed.\n\n"
        "The session lasted two hours. Russia has not commented.\n\n"
        "The total of casualties has reached about 3,100, Rep. Yu said."
    )
    assert attributed(text) == [(500, NIS, None), (3100, NIS, "Yu Yong-weon")]
    assert [c.metric for c in claims(text)] == ["killed", "casualties"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Bankers have drawn up scenarios in which Pyongyang sends as many as 80,000 North"
            " Korean soldiers.",
            id="a-scenario",
        ),
        pytest.param(
            "If North Korea were to commit, say, 40,000 more soldiers, Seoul would react.",
            id="were-to-commit",
        ),
        pytest.param(
            "Even were the North to lose 60,000 soldiers, its army would barely notice.",
            id="were-to-lose",
        ),
        pytest.param(
            "Russia launched 30 attack drones at Ukraine overnight, according to Ukraine's air"
            " force, which said 19 were shot down and several others were lost to jamming.",
            id="shot-down",
        ),
    ],
)
def test_what_is_no_count(text: str) -> None:
    assert metrics_of("The NIS said 12,000 North Korean troops went. " + text) == [
        ("deployed", 12000, 12000)
    ]


def test_a_press_release_states_its_own_findings() -> None:
    text = (
        "PRESS RELEASE\nFOR IMMEDIATE RELEASE\n\nNew study on North Korean losses\n\n"
        "Drawing on Russian and Korean-language social media and leaked documents, the"
        " authors count the dead.\n\n"
        "- About 2,600 North Korean soldiers have been killed.\n\n"
        "That is more than the NIS, which told lawmakers in May that 2,000 had died."
    )
    found = extract(text, published=PUBLISHED, outlet="Baltic Defence Forum", sources=SOURCES)
    assert [(c.low, c.source) for c in found] == [(2600, "Baltic Defence Forum"), (2000, NIS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kyiv's spies put the number of North Koreans in Russia at about 7,500, down from"
            " the peak because many units have rotated home.",
            [("deployed", 7500, 7500)],
            id="others-rotated-home-because",
        ),
        pytest.param(
            "The NIS said Pyongyang sent about 2,500 more North Korean troops in May to replace"
            " units that had been rotated home.",
            [("deployed", 2500, 2500)],
            id="sent-to-replace-those-sent-home",
        ),
    ],
)
def test_who_went_home_is_not_the_figure(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_time_before_the_subject_without_a_comma() -> None:
    text = (
        "The NIS said on Monday that 11,000 North Korean troops were in Russia. In January"
        " the agency told lawmakers that about 2,300 of them had been killed."
    )
    assert attributed(text) == [(11000, NIS, None), (2300, NIS, None)]


def test_the_source_named_again_goes_on_with_its_statement() -> None:
    text = (
        "About 9,000 North Korean troops remain in Kursk, South Korea's spy agency told"
        " lawmakers this month. The spy agency said about 4,000 North Korean builders had"
        " been sent as well. In the same briefing, the NIS put the dead at about 2,100."
    )
    assert dated(text) == [(9000, "2025-03"), (4000, "2025-03"), (2100, "2025-03")]


def test_whom_it_was_told_is_not_who_told_and_it_is_the_agency() -> None:
    text = (
        "The NIS said on Monday that 11,000 North Korean troops were in Russia.\n\n"
        "On January 13 it told the National Assembly's intelligence committee that about 350"
        " North Korean soldiers had been killed, according to committee member Rep. Yu."
    )
    assert attributed(text) == [(11000, NIS, None), (350, NIS, "Yu Yong-weon")]


def test_a_second_group_is_sent_and_a_second_statement_is_its_own_clause() -> None:
    text = (
        "In April the NIS told lawmakers that a second group of about 2,500 had followed,"
        " and it put North Korean casualties at about 4,200."
    )
    assert metrics_of(text) == [("deployed", 2500, 2500), ("casualties", 4200, 4200)]


def test_a_note_citing_a_headline_is_a_reference_not_a_report() -> None:
    text = (
        "The NIS said on Monday that about 1,800 North Korean soldiers had died.[4]\n\n"
        "Notes\n\n"
        '[4] "Spy agency says 1,800 N. Korean troops dead," Example Daily, March 3, 2025.'
    )
    found = claims(text)
    assert [(c.low, c.source, c.quote[:7]) for c in found] == [(1800, NIS, "The NIS")]
