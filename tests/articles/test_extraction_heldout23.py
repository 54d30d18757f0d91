"""Behaviours added after scoring the engine on the 23rd and 24th held-out batches
(r288-r311), written together by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import attributed, claims, dated, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS said about 4,100 North Korean soldiers died or were hurt.",
            [("casualties", 4100, 4100)],
            id="died-or-were-hurt",
        ),
        pytest.param(
            "The NIS says 1,900 North Korean soldiers have died.\n\n"
            "Read also: Russians lose 1,210 troops in past day",
            [("killed", 1900, 1900)],
            id="a-read-also-link",
        ),
        pytest.param(
            "The NIS says 1,900 North Korean soldiers have died. Kyiv says Russia continues to"
            " lose around 1,100 soldiers killed or wounded a day.",
            [("killed", 1900, 1900)],
            id="russia-continues-to-lose",
        ),
        pytest.param(
            "About 1,800 North Korean troops who had served in Kursk returned to North Korea in"
            " July, the NIS said.",
            [],
            id="returned-to-north-korea",
        ),
        pytest.param(
            "The 1,700 young North Korean men who will not return are a tragedy.",
            [("killed", 1700, 1700)],
            id="who-will-not-return",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_government_source_and_the_source_after_it() -> None:
    text = (
        "About 1,200 North Korean sappers have already arrived in Kursk and the rest will"
        " follow in stages through October, a government source said.\n\n"
        "Russian officials say much of Kursk remains mined.\n\n"
        "The source also said North Korean casualties now stand at around 5,200, higher than"
        " previous estimates released by Seoul."
    )
    found = claims(text)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (1200, "a government source", "2025-03-05"),
        (5200, "a government source", "2025-03-05"),
    ]


def test_said_at_the_time_of_the_day_before() -> None:
    text = (
        "The deployment was announced by Sergei Shoigu after he met Kim Jong Un in Pyongyang"
        " on June 17, 2024. Shoigu said at the time that the North would send 1,000 North"
        " Korean deminers."
    )
    assert dated(text) == [(1000, "2024-06-17")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Since January our battalion has eliminated 170 North Korean soldiers, the commander"
            " wrote.",
            [("killed", 170, 170)],
            id="eliminated",
        ),
        pytest.param(
            'The NIS says 2,800 North Korean soldiers were killed. "If 3,000 have been killed,'
            ' that is one in five," an analyst said.',
            [("killed", 2800, 2800)],
            id="if-so-many-have-been-killed",
        ),
        pytest.param(
            "The NIS says 2,800 North Korean soldiers were killed. A Russian drone attack on"
            " Kharkiv overnight killed two people and wounded 14, the regional governor said.",
            [("killed", 2800, 2800)],
            id="an-attack-on-a-city",
        ),
    ],
)
def test_more_figures_that_count_or_not(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_surname_alone_is_the_full_name_written_before() -> None:
    text = (
        "Taras Melnyk commands a battalion in Kursk. On Facebook, Melnyk wrote that 170 North"
        " Korean soldiers had been killed in his sector."
    )
    assert [(c.low, c.source) for c in claims(text)] == [(170, "Taras Melnyk")]


def test_a_bracket_cut_short_is_closed() -> None:
    text = (
        "About 28,000 North Korean soldiers were sent, according to a confidential report by"
        " the Baltic Defence Office (BDO) seen by a German magazine."
    )
    assert [c.source for c in claims(text)] == ["Baltic Defence Office"]


def test_the_fighting_is_the_war_and_a_toll_verb_takes_its_figure() -> None:
    text = (
        "North Korean casualties from the fighting in Russia's Kursk region now exceed 3,400,"
        " a lawmaker said, citing the NIS, as North Korean soldiers take part in large numbers."
    )
    assert metrics_of(text) == [("casualties", 3400, None)]


def test_soldiers_decorated_are_no_count_of_the_force() -> None:
    text = (
        "The NIS says 12,000 North Korean troops went. More than 1,800 Korean servicemen have"
        " been awarded Russian state decorations."
    )
    assert metrics_of(text) == [("deployed", 12000, 12000)]


def test_the_spy_agency_named_before_without_a_statement() -> None:
    text = (
        "The National Intelligence Service (NIS) has been the main public source of numbers."
        " By December, about 11,000 North Korean troops had been deployed to Russia, according"
        " to the spy agency."
    )
    assert [(c.low, c.source) for c in claims(text)] == [
        (11000, "National Intelligence Service (NIS)")
    ]


def test_a_middle_initial_is_dropped() -> None:
    text = "Retired colonel John Q. Harlan said 1,100 North Korean soldiers had died."
    assert [c.source for c in claims(text)] == ["John Harlan"]


def test_a_lawmaker_of_his_party_is_the_lawmaker() -> None:
    text = (
        "The NIS told lawmakers on Monday that 2,300 North Korean soldiers had died, according"
        " to Kim Tae-ho of the Democratic Party."
    )
    assert attributed(text) == [(2300, "National Intelligence Service (NIS)", "Kim Tae-ho")]


def test_defence_sources_a_capitalised_title_and_the_estimate_of() -> None:
    text = (
        "North Korean troops have suffered around 4,200 casualties, British defence sources"
        " have said. The estimate of 4,200 included at least 1,100 dead, the sources added.\n\n"
        "On 17 June, Sergei Shoigu, Secretary of the Russian Security Council, said North Korea"
        " would send 1,000 North Korean sappers."
    )
    found = claims(text)
    assert [(c.metric, c.low, c.source) for c in found] == [
        ("casualties", 4200, "British defence sources"),
        ("killed", 1100, "British defence sources"),
        ("deployed", 1000, "Sergei Shoigu"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A train carrying around 1,400 North Korean soldiers left Vladivostok for Kursk.",
            [("deployed", 1400, 1400)],
            id="a-train-is-a-carriage",
        ),
        pytest.param(
            "Zelenskyy said Russia had assembled a 45,000-strong force in Kursk that included"
            " North Korean troops.",
            [("combined_force", 45000, 45000)],
            id="a-force-that-included",
        ),
    ],
)
def test_the_force_and_its_carriages(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_raised_that_to_is_the_count_before() -> None:
    text = (
        "In January the NIS put the North Korean dead at about 1,800. In its May briefing, the"
        " agency raised that to roughly 2,200."
    )
    assert metrics_of(text) == [("killed", 1800, 1800), ("killed", 2200, 2200)]


def test_wounded_soldiers_captured_by_ukraine_are_prisoners() -> None:
    text = "Two wounded North Korean soldiers captured by Ukraine in January are still in Kyiv."
    assert metrics_of(text) == [("captured", 2, 2)]


def test_an_agency_quoting_a_minister_does_not_speak_for_him_after() -> None:
    text = (
        "The NIS said about 1,000 North Korean engineers had arrived, the first of the 6,000"
        " builders that Sergei Shoigu said in June Pyongyang would send.\n\n"
        "The NIS told lawmakers that about 2,100 North Korean soldiers had been killed."
    )
    found = claims(text)
    assert (2100, "National Intelligence Service (NIS)", None) in [
        (c.low, c.source, c.via) for c in found
    ]


def test_a_commander_in_chief_after_his_name() -> None:
    text = (
        "General Oleksandr Syrskyi, the commander-in-chief of Ukraine's armed forces, estimated"
        " that North Korean losses exceeded 4,100 killed and wounded."
    )
    assert [c.source for c in claims(text)] == ["Oleksandr Syrskyi"]
