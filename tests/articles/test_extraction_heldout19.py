"""Behaviours added after scoring the engine on the nineteenth and twentieth held-out
batches (r240-r263), written together by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import NIS, attributed, claims, dated, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Moscow has massed some 45,000 troops, including soldiers sent by North Korea,"
            " near Sudzha.",
            [("combined_force", 45000, 45000)],
            id="a-force-including-troops-sent-by-the-north",
        ),
        pytest.param(
            "The NIS said 11,000 North Korean troops went. Even if Pyongyang sent 40,000 men,"
            " the front would hold.",
            [("deployed", 11000, 11000)],
            id="even-if-it-sent",
        ),
        pytest.param(
            "North Korean losses, by the NIS count:\n\n"
            "Jan. 13, 2025: about 3,400 (300 killed, 3,100 wounded)",
            [("casualties", 3400, 3400), ("killed", 300, 300), ("wounded", 3100, 3100)],
            id="a-total-and-its-parts-in-brackets",
        ),
        pytest.param(
            "CHART 2: NORTH KOREAN DEAD\n\nThe NIS put the North Korean dead at about 1,900.",
            [("killed", 1900, 1900)],
            id="a-charts-number-is-a-label",
        ),
        pytest.param(
            "The NIS says 12,500 North Korean troops were sent.\n\n"
            "Correction: An earlier version of this article stated that about 14,000 North"
            " Korean soldiers had been sent.",
            [("deployed", 12500, 12500)],
            id="an-earlier-version-stated",
        ),
        pytest.param(
            "Updated May 3: Removed a figure of 35,000 North Korean dead that some outlets"
            " attributed to Kyiv. The NIS estimates about 2,500 North Korean soldiers died.",
            [("killed", 2500, 2500)],
            id="a-tracker-removed-a-figure",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_as_estimated_by_is_the_agent() -> None:
    text = (
        "[Line chart: running North Korean casualties as estimated by South Korea's NIS]\n\n"
        "Feb. 2, 2025: about 3,200 North Korean casualties"
    )
    assert attributed(text) == [(3200, NIS, None)]


def test_did_not_say_whether_denies_nothing() -> None:
    text = (
        "The NIS said about 4,000 North Korean builders had gone to Russia since June. It did"
        " not say whether the 4,000 included deminers."
    )
    assert metrics_of(text) == [("deployed", 4000, 4000)]


def test_what_the_force_will_be_made_of() -> None:
    text = (
        "On Tuesday Sergei Shoigu said Kim Jong Un had agreed to send 7,000 more North Korean"
        " personnel to Kursk. According to Mr. Shoigu, 2,000 of them will be sappers, and"
        " 5,000 will be military builders."
    )
    found = claims(text)
    assert [(c.metric, c.low, c.as_of) for c in found] == [
        ("deployed", 7000, "2025-03-04"),
        ("deployed", 2000, "2025-03-04"),
        ("deployed", 5000, "2025-03-04"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Citing assessments shared by South Korea's spy agency, the general said some 2,200"
            " North Korean soldiers had died.",
            [(2200, NIS, None)],
            id="citing-what-an-agency-shared",
        ),
        pytest.param(
            "Gen. Ann Moreau, who leads Allied Land Command, NATO Rapid Deployable Corps and"
            " the Eastern Flank Group, said 12,000 North Korean troops were in Russia. Moreau"
            " said 2,000 had died.",
            [(12000, "Ann Moreau", None), (2000, "Ann Moreau", None)],
            id="a-name-before-a-who-clause-listing-names",
        ),
    ],
)
def test_who_gave_the_figure(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


def test_more_what_ifs_and_other_armies() -> None:
    text = (
        "The NIS said 11,000 North Korean troops went. The general said South Korea's"
        " military of about 500,000 was ready. Asked what would happen if North Korea sent"
        " another 9,000 soldiers, he declined to speculate."
    )
    assert metrics_of(text) == [("deployed", 11000, 11000)]


def test_a_joint_grouping_of_russian_and_korean_servicemen() -> None:
    text = (
        "The blogger described a joint grouping of up to 60 thousand Russian and Korean"
        " servicemen near Sudzha, North Korean units among them."
    )
    assert metrics_of(text) == [("combined_force", None, 60000)]


def test_said_last_month_dates_what_was_said() -> None:
    text = (
        "The NIS said last month that about 11,000 North Korean soldiers had been deployed,"
        " with another 1,000 to 3,000 arriving since January."
    )
    assert dated(text) == [(11000, "2025-02"), (1000, "2025-02")]


def test_drones_shot_down_and_civilians_killed_are_no_troops() -> None:
    text = (
        "The NIS says 11,000 North Korean troops are in Russia.\n\n"
        "Overnight, Russia launched 85 drones at Ukraine. Air defences shot down 58 of them,"
        " and 27 were lost to electronic warfare.\n\n"
        "The number of people killed in a Russian missile attack on Sumy has risen to nine."
    )
    assert metrics_of(text) == [("deployed", 11000, 11000)]


def test_ratio_terms_and_things_after_a_second_number() -> None:
    text = (
        "The NIS says 2,500 North Korean soldiers died. For every one killed, they have two or"
        " three wounded. One day of heavy fighting can use 300 or 400 drones in a brigade."
    )
    assert metrics_of(text) == [("killed", 2500, 2500)]
