"""Behaviours added after scoring the engine on the fourteenth held-out batch (r180-r191)
and on the batches written after it.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, NIS, STAFF, attributed, claims, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "In November the NIS said 7,000 North Korean troops had reached Kursk, before"
            " raising its count to about 9,000 later that month.",
            [("deployed", 7000, 7000), ("deployed", 9000, 9000)],
            id="raising-its-count-to",
        ),
        pytest.param(
            "North Korea has sent troops to Russia. Budanov, the head of Ukraine's military"
            " intelligence, said on Monday that 9,500 had arrived there.",
            [("deployed", 9500, 9500)],
            id="an-agency-named-with-its-country-is-no-other-force",
        ),
        pytest.param(
            "North Korean soldiers sent to Russia have suffered more than 2,200 casualties"
            " while fighting Ukrainian forces, the NIS said.",
            [("casualties", 2200, None)],
            id="sent-to-russia-have-suffered",
        ),
        pytest.param(
            '"The number of North Korean casualties has passed 2,200," the NIS said in a'
            " message sent to reporters.",
            [("casualties", 2200, None)],
            id="a-quotation-ends-what-the-figure-counts",
        ),
        pytest.param(
            'Healey told MPs that "well over 1,200" North Korean soldiers had been killed.',
            [("killed", 1200, None)],
            id="a-quoted-figure-keeps-the-noun-after-the-quote",
        ),
        pytest.param(
            "The NIS said the North Korean troops in Russia at any one time had not exceeded"
            " about 11,500 because of rotations.",
            [("deployed", None, 11500)],
            id="not-exceeded-is-a-ceiling",
        ),
        pytest.param(
            "North Korean deployments did not exceed 11,500 North Korean troops, the NIS said.",
            [("deployed", None, 11500)],
            id="did-not-exceed-is-a-ceiling",
        ),
        pytest.param(
            "The NIS said North Korea had also sent more than 40,000 workers to Russia on"
            " student visas, and 4,000 military construction workers to Kursk.",
            [("deployed", 4000, 4000)],
            id="labourers-are-no-troops",
        ),
        pytest.param(
            "North Korea in numbers:\n\n- 12,500: Approximate number of North Korean troops"
            " sent to Russia, according to the NIS.",
            [("deployed", 12500, 12500)],
            id="a-list-row-counting-a-number-of",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Pentagon said 9,000 North Korean troops were in Kursk. U.S. and Ukrainian"
            " officials say Russia has massed a force of about 45,000 troops, including the"
            " North Koreans.",
            [(9000, "Pentagon", None), (45000, "U.S. and Ukrainian officials", None)],
            id="officials-of-two-sides-are-not-the-one-before",
        ),
        pytest.param(
            "Correspondent Irina Volkova reported that 1,200 North Korean sappers had"
            " arrived in Kursk.",
            [(1200, "Irina Volkova", None)],
            id="a-correspondent-is-named-without-the-title",
        ),
        pytest.param(
            "The NIS estimate of about 1,800 North Korean deaths was relayed to reporters by"
            " Rep. Yu.",
            [(1800, NIS, "Yu Yong-weon")],
            id="relayed-to-reporters-by",
        ),
        pytest.param(
            "North Korea's losses, which Ukraine's military intelligence put at 4,100"
            " soldiers, grew in January.",
            [(4100, HUR, None)],
            id="the-subject-of-a-relative-clause-speaks",
        ),
    ],
)
def test_who_gave_the_figure(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


def test_a_body_described_in_the_lead_is_the_one_named_after() -> None:
    text = (
        "North Korea has sent about 18,000 military personnel to Russia, in breach of"
        " sanctions, a nine-nation monitoring coalition said on Monday.\n\n"
        "The Sanctions Monitoring Coalition, formed by Japan, South Korea and seven other"
        " countries in 2025, said in its report that the personnel included roughly 13,000"
        " combat troops.\n\n"
        "Citing member-state assessments, the report put North Korean casualties at"
        " around 6,500."
    )
    assert attributed(text) == [
        (18000, "Sanctions Monitoring Coalition", None),
        (13000, "Sanctions Monitoring Coalition", None),
        (6500, "Sanctions Monitoring Coalition", None),
    ]


def test_the_statement_also_says_is_the_statements_source() -> None:
    text = (
        "Ukraine's General Staff said 3,400 North Korean soldiers had been killed.\n\n"
        "The statement also says that the three North Korean soldiers captured in"
        " February are being questioned."
    )
    assert [(c.metric, c.low, c.source) for c in claims(text)] == [
        ("killed", 3400, STAFF),
        ("captured", 3, STAFF),
    ]


def test_officials_in_the_lead_are_not_a_source_named_further_down() -> None:
    text = (
        "North Korea has sent about 2,500 fresh troops to Russia, government officials"
        " said.\n\n"
        '"We have no count of the earlier contingent yet," a senior'
        ' government official said. "Some 2,100 new soldiers have gone since January."\n\n'
        "About 9,000 North Korean troops remain in Russia, the official said.\n\n"
        "That is more than the 8,000 troops the NIS reported last year."
    )
    assert attributed(text) == [
        (2500, "government officials", None),
        (2100, "senior government official", None),
        (9000, "senior government official", None),
        (8000, NIS, None),
    ]


def test_a_capitals_agency_is_its_countrys() -> None:
    text = (
        "Seoul's spy agency estimates that about 1,900 North Korean soldiers died; Kyiv's"
        " military intelligence puts North Korean losses at closer to 6,500."
    )
    assert attributed(text) == [(1900, NIS, None), (6500, HUR, None)]


def test_a_clause_of_its_own_vague_speakers_is_theirs() -> None:
    text = (
        "The NIS estimates that about 1,900 North Korean soldiers died; Ukrainian"
        " officials put North Korean losses at closer to 6,500."
    )
    assert attributed(text) == [(1900, NIS, None), (6500, "Ukrainian officials", None)]


def test_one_unnamed_official_in_lower_case_speaks_for_the_figure() -> None:
    text = (
        "The NIS said 11,000 North Korean troops had been sent.\n\n"
        "A senior western official said some 9,500 North Korean troops remain in Russia."
    )
    assert attributed(text) == [(11000, NIS, None), (9500, "senior western official", None)]


def test_a_report_released_on_a_day_holds_its_figures_on_that_day() -> None:
    # Published on a Wednesday: "Friday" is 28 February, "Monday" 3 March.
    text = (
        "North Korea has sent about 16,000 troops to Russia, a monitoring group said in a"
        " report discussed at the Security Council on Monday.\n\n"
        "The Sanctions Monitoring Coalition, formed by Japan and seven other countries in"
        " 2025, said in its report released on Friday that about 5,500 engineers had"
        " followed.\n\n"
        "Citing member-state assessments, the report put North Korean casualties at"
        " around 6,800."
    )
    assert [(c.low, c.as_of) for c in claims(text)][1:] == [
        (5500, "2025-02-28"),
        (6800, "2025-02-28"),
    ]


def test_who_said_after_a_name_is_that_name() -> None:
    text = (
        "North Korea has sent builders to Kursk. A state channel on 20 February aired an"
        " interview with Kursk Governor Alexander"
        ' Khinshtein, who said "around 4,000 Korean builders" were at work in the region.'
    )
    assert attributed(text) == [(4000, "Alexander Khinshtein", None)]


def test_a_figure_cited_by_someone_is_not_cited_by_its_noun() -> None:
    text = (
        "North Korea has sent builders to Kursk. Governor Alexander Khinshtein said 4,000"
        " Korean builders were at work there.\n\n"
        "An earlier version of this story gave the number of Korean builders cited by"
        " Khinshtein as 14,000. The correct figure is 4,000."
    )
    assert attributed(text) == [(4000, "Alexander Khinshtein", None)]


def test_an_embedded_post_is_its_authors() -> None:
    text = (
        "Ukraine's military intelligence said 10,500 North Korean troops were in Kursk.\n\n"
        "The president also posted on X:\n\n"
        "Volodymyr Zelenskyy\n"
        "@ZelenskyyUa\n"
        "North Korea has sent about 3,500 more soldiers to Russia this winter.\n"
        "9:40 AM · Mar 4, 2025\n\n"
        "Seoul's estimate is lower."
    )
    assert attributed(text) == [(10500, HUR, None), (3500, "Volodymyr Zelenskyy", None)]


def test_part_of_them_are_a_kind_of_troops() -> None:
    text = (
        "Ukraine's military intelligence said about 10,500 North Korean troops are in"
        " Kursk. Roughly 900 of them are sappers clearing mines along the border."
    )
    assert metrics_of(text) == [("deployed", 10500, 10500), ("deployed", 900, 900)]


def test_vague_services_cited_by_an_agency_are_the_source_it_relays() -> None:
    text = (
        "In all, about 14,500 North Korean soldiers have gone to Russia, according to"
        " estimates by Western intelligence services cited by the Kyodo news agency."
    )
    assert attributed(text) == [(14500, "Western intelligence services", "Kyodo news agency")]


def test_of_two_speakers_in_a_sentence_the_figure_takes_the_nearer() -> None:
    text = (
        "While the NIS, which in January put North Korean deaths at around 1,900, has not"
        " updated its figure, French security circles consider up to 2,800 killed to be"
        " realistic."
    )
    assert attributed(text) == [(1900, NIS, None), (None, "French security circles", None)]


def test_as_an_outlet_reported_the_speaker_after_it_speaks() -> None:
    text = (
        "As Ukrinform reported, on February 3 the HUR representative Andriy Yusov said that"
        " North Korean losses had reached about 3,800 killed and wounded."
    )
    assert attributed(text) == [(3800, HUR, None)]
