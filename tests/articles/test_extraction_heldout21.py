"""Behaviours added after scoring the engine on the 21st and 22nd held-out batches
(r264-r287), written together by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import NIS, attributed, claims, dated, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "About 350 North Korean soldiers fighting for Russia have been killed and 2,900"
            " wounded, the NIS said.",
            [("killed", 350, 350), ("wounded", 2900, 2900)],
            id="soldiers-fighting-for-russia-killed",
        ),
        pytest.param(
            "The NIS said 11,000 North Korean troops went. What if North Korea sent, say,"
            " 25,000 more?",
            [("deployed", 11000, 11000)],
            id="what-if-say",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_my_own_estimate_is_the_speakers() -> None:
    text = (
        "HOST: The NIS says 2,000 North Korean soldiers have died.\n\n"
        "KIM MIN-JUN: The NIS counts what it can confirm. My own estimate is somewhere"
        " between 2,400 and 2,800 North Korean dead."
    )
    assert attributed(text) == [(2000, NIS, None), (2400, "Kim Min-Jun", None)]


def test_a_value_false_for_one_metric_stands_for_another() -> None:
    text = (
        "The NIS said in October that 3,000 North Korean troops had been sent.\n\n"
        "A claim that 3,000 North Koreans were killed in a single day, shared on YouTube this"
        " week, is false."
    )
    assert metrics_of(text) == [("deployed", 3000, 3000)]


def test_it_spoke_of_the_same_count() -> None:
    text = (
        "The NIS first said 1,500 North Korean troops had been shipped to Vladivostok. By the"
        " end of October it spoke of 3,000, and in November of more than 10,000."
    )
    assert metrics_of(text) == [
        ("deployed", 1500, 1500),
        ("deployed", 3000, 3000),
        ("deployed", 10000, None),
    ]


def test_not_that_figure() -> None:
    text = "Ukraine captured two North Korean soldiers, not 200, Zelenskyy said in January."
    assert metrics_of(text) == [("captured", 2, 2)]


def test_a_title_holding_a_list_and_numbered_resolutions() -> None:
    text = (
        "Briefing the Council, Mari Tanaka, Assistant Secretary-General for Europe, Central"
        " Asia and the Americas, said 12,000 North Korean troops were in Russia, in breach of"
        " resolutions 2270 (2016), 2321 (2016) and 2397 (2017)."
    )
    assert attributed(text) == [(12000, "Mari Tanaka", None)]


def test_a_countrys_ministry_is_not_its_spy_agency() -> None:
    text = (
        "14 January 2025\n\n"
        "About 300 North Korean soldiers have been killed, South Korea's spy agency has said.\n\n"
        "The NIS gave the figures to MPs at a closed-door session on Monday.\n\n"
        "South Korea's foreign ministry said on Tuesday it would consider a request by the two"
        " captured men to come to the South."
    )
    found = claims(text)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (300, NIS, "2025-03-03"),
        (2, "South Korea's foreign ministry", "2025-03-04"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS told lawmakers in January that 11,000 North Korean troops were in Russia."
            " Seoul's allies disagree. The same NIS assessment put North Korean casualties at"
            " about 3,500.",
            [(11000, "2025-01"), (3500, "2025-01")],
            id="the-same-assessment",
        ),
        pytest.param(
            "The JCS said in December that 1,200 North Korean soldiers had died. Kyiv's count"
            " is higher. North Korea suffered about 3,000 casualties, the JCS said at the time.",
            [(1200, "2024-12"), (3000, "2024-12")],
            id="said-at-the-time",
        ),
        pytest.param(
            "LEE: It is three times what the agency said back in October. Then, the NIS put"
            " the North Korean dead at about 900.",
            [(900, "2024-10")],
            id="then",
        ),
    ],
)
def test_dates_pointed_back_to(text: str, expected: list[tuple]) -> None:
    assert dated(text) == expected


def test_unnamed_officials_are_one_source_for_their_day() -> None:
    text = (
        "North Korea has sent about 2,500 fresh troops to Russia, government officials said"
        " Monday. About 9,000 remain in Kursk, a senior government official said. Ukrainian"
        " officials put the North Korean dead at 2,900."
    )
    assert dated(text) == [(2500, "2025-03-03"), (9000, "2025-03-03"), (2900, "2025-03-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Defence Intelligence, the intelligence arm of the Ministry of Defence, said about"
            " 10,500 North Korean troops were in Kursk.",
            [(10500, "Defence Intelligence", None)],
            id="the-arm-of-a-ministry",
        ),
        pytest.param(
            "The move follows an announcement by Sergei Shoigu, the secretary of Russia's"
            " security council, who said that North Korea would send 2,000 North Korean"
            " builders.",
            [(2000, "Sergei Shoigu", None)],
            id="a-name-its-title-and-who-said",
        ),
    ],
)
def test_who_gave_the_figure(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


def test_the_figure_spoken_of_and_a_what_if_gerund() -> None:
    text = (
        "Ukraine's military intelligence said in September that more than 4,000 North Korean"
        " soldiers had been killed. Russia plays down its losses: a Russian parliamentarian last"
        " month claimed the figure was closer to 650.\n\n"
        "But sending 90,000 North Korean soldiers would be a huge task."
    )
    found = claims(text)
    assert [(c.metric, c.low, c.source) for c in found] == [
        ("killed", 4000, "Defence Intelligence of Ukraine (HUR)"),
        ("killed", 650, "Russian parliamentarian"),
    ]
