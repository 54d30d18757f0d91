"""Behaviours added after scoring the engine on the eleventh and twelfth held-out batches
(r144-r167), and on causes left over from the earlier ones.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import (
    HUR,
    JCS,
    NIS,
    PUBLISHED,
    attributed,
    claims,
    dated,
    metrics_of,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Close to a thousand North Korean soldiers have died in the fighting, the NIS"
            " told lawmakers.",
            [("killed", 1000, 1000)],
            id="a-thousand",
        ),
        pytest.param(
            "More than a hundred North Korean troops were wounded in the shelling, the NIS said.",
            [("wounded", 100, None)],
            id="more-than-a-hundred",
        ),
        pytest.param(
            "No more than 800 of the North Korean soldiers sent to the front remain fit to"
            " fight, the NIS said.",
            [("deployed", None, 800)],
            id="no-more-than-is-a-ceiling",
        ),
        pytest.param(
            "Not more than 800 North Korean soldiers were captured, the NIS said.",
            [("captured", None, 800)],
            id="not-more-than-is-a-ceiling",
        ),
        pytest.param(
            "No fewer than 2,500 North Korean soldiers were killed, the NIS said.",
            [("killed", 2500, None)],
            id="no-fewer-than-is-a-floor",
        ),
        pytest.param(
            "Just over 3,000 North Korean soldiers were killed, the NIS said.",
            [("killed", 3000, 3000)],
            id="just-over-is-approximate",
        ),
    ],
)
def test_qualifiers_and_worded_scales(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_thousand_times_is_no_count() -> None:
    assert metrics_of("The NIS said the drones flew a thousand kilometres on the night.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "South Korean officials said 11,000 North Korean soldiers were in the Kursk region.",
            [(11000, "South Korean officials", None)],
            id="nationality-and-officials",
        ),
        pytest.param(
            "Western and South Korean officials put the North Korean contingent at 12,000.",
            [(12000, "Western and South Korean officials", None)],
            id="two-nationalities-and-officials",
        ),
        pytest.param(
            "Ukraine says it captured two North Korean soldiers, the first taken from a force"
            " that US and South Korean officials say Pyongyang sent last year.",
            [(2, "Ukraine", None)],
            id="officials-in-a-later-relative-clause-do-not-take-the-figure",
        ),
        pytest.param(
            "South Korean weapons makers rallied after the NIS said 3,000 North Korean"
            " soldiers had been sent to Russia.",
            [(3000, NIS, None)],
            id="a-nationality-and-a-trade-is-no-source",
        ),
    ],
)
def test_officials_named_by_nationality(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "About 300 North Korean soldiers have died and 2,700 have been wounded, the NIS"
            " said. Analysts said the implied ratio, nine wounded for each fatality, looked"
            " implausible.",
            [("killed", 300, 300), ("wounded", 2700, 2700)],
            id="for-each-is-a-ratio",
        ),
        pytest.param(
            "The NIS said the first of an expected 6,000 North Korean builders had begun to"
            " arrive.",
            [],
            id="an-expected-number-is-a-plan",
        ),
        pytest.param(
            "A Ukrainian official said Pyongyang was capable of sending as many as 80,000"
            " soldiers.",
            [],
            id="capable-of-sending-is-a-capacity",
        ),
        pytest.param(
            "North Korean troops in Russia, key numbers\n\n"
            "c.400           Killed (NIS, February 3)\n"
            "15,000+         Containers of shells shipped to Russia",
            [("killed", 400, 400)],
            id="a-fact-box-circa-and-capitalised-things",
        ),
        pytest.param(
            "Zelenskyy released video of two North Korean soldiers held in Kyiv.",
            [("captured", 2, 2)],
            id="held-in-kyiv",
        ),
    ],
)
def test_ratios_plans_and_fact_boxes(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_commanders_estimating_are_a_source_as_written() -> None:
    text = (
        "The NIS told lawmakers that 300 North Korean soldiers had been killed.\n\n"
        "Ukrainian commanders estimate that Russian and North Korean forces in the region"
        " together number about 60,000."
    )
    assert attributed(text)[-1] == (60000, "Ukrainian commanders", None)


def test_a_fact_box_gives_the_day_of_a_figure_the_body_dates_by_month() -> None:
    text = (
        "The NIS told lawmakers last month that about 300 North Korean soldiers had died.\n\n"
        "Key figures\n\n"
        "c.300           Killed (NIS, February 11)"
    )
    assert dated(text) == [(300, "2025-02-11")]


def test_a_date_after_an_including_figure_is_that_figures() -> None:
    text = (
        "The NIS said North Korea has sent about 15,000 troops to Russia so far, including"
        " roughly 3,000 reinforcements sent in January."
    )
    assert dated(text) == [(15000, PUBLISHED.isoformat()), (3000, "2025-01")]


def test_a_vague_source_keeps_the_day_it_spoke() -> None:
    text = (
        "Western officials said on Tuesday that 11,000 North Korean soldiers were in Kursk."
        " Western officials also estimate that 3,000 of them have been killed or wounded."
    )
    assert dated(text) == [(11000, "2025-03-04"), (3000, "2025-03-04")]


def test_a_briefing_transcripts_answers_are_the_briefers() -> None:
    text = (
        "Briefing by the Joint Chiefs of Staff\n\n"
        "Posted 2025.03.05 | Views 2,318 | Print\n\n"
        "The JCS assesses that North Korean troops have suffered about 1,100 casualties.\n\n"
        "Q (Yonhap): Last Thursday the NIS told lawmakers that about 100 North Korean"
        " soldiers had died. Is that consistent?\n\n"
        "A: Broadly. Our assessment remains that more than 10,000 have been sent.\n\n"
        "Q (AFP): Will more be sent?\n\n"
        "A: We will not speculate."
    )
    assert attributed(text) == [(1100, JCS, None), (100, NIS, None), (10000, JCS, None)]


def test_the_same_figure_said_a_year_apart_is_two_statements() -> None:
    text = (
        "The NIS said on Wednesday that about 5,000 North Korean soldiers had arrived in a"
        " new rotation.\n\n"
        "The agency had said in October last year that about 5,000 construction troops were"
        " on their way to Russia."
    )
    assert dated(text) == [(5000, "2025-03-05"), (5000, "2024-10")]


def test_the_same_figure_restated_within_weeks_is_one_claim() -> None:
    text = (
        "The NIS said on Wednesday that about 5,000 North Korean soldiers had arrived.\n\n"
        "Lawmakers briefed in February had heard that 5,000 North Korean soldiers had arrived."
    )
    assert [low for low, _ in dated(text)] == [5000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Around 4,000 soldiers, most of them from the first contingent, have been sent"
            " home, the NIS said, while 10,000 North Korean troops remain in Russia.",
            [("deployed", 10000, 10000)],
            id="sent-home",
        ),
        pytest.param(
            "The NIS says about 5,000 North Korean soldiers are still in Russia, rotated but"
            " not brought home.",
            [("deployed", 5000, 5000)],
            id="not-brought-home",
        ),
    ],
)
def test_troops_sent_home(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_an_institution_named_with_a_country_and_an_appositive_speaks() -> None:
    text = (
        "The NIS said 300 North Korean soldiers had died.\n\n"
        "Britain's Defence Intelligence, the only Western government that posts a running"
        " count, estimated that North Korean casualties had reached about 7,000."
    )
    assert attributed(text)[-1] == (7000, "Britain's Defence Intelligence", None)


def test_officials_describing_a_force_are_its_source() -> None:
    text = (
        "Budanov said the troops were poorly trained.\n\n"
        "US officials described a Russian grouping of around 50,000 troops in Kursk, North"
        " Koreans included."
    )
    assert attributed(text)[-1] == (50000, "US officials", None)


def test_a_figure_compared_with_an_earlier_one_keeps_its_own_date() -> None:
    text = (
        "In its February 11 briefing, the NIS put the number of North Korean troops sent"
        " at about 14,000 - slightly down from the 15,000 it gave last October."
    )
    assert dated(text) == [(14000, "2025-02-11"), (15000, "2024-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The toll the NIS gave in February, about 2,100 killed, is only slightly above the"
            " 2,000 North Korean soldiers it said had died by September.",
            [("killed", 2100, 2100), ("killed", 2000, 2000)],
            id="above-the-figure-before-is-a-comparison",
        ),
        pytest.param(
            "Some analysts reckon North Korean casualties could pass 10,000 by the end of the"
            " year.",
            [],
            id="could-pass-is-a-projection",
        ),
        pytest.param(
            'Budanov said "about 1,500" North Korean wounded had been treated in Russian'
            " hospitals and sent back to their units.",
            [("returned_to_duty", 1500, 1500)],
            id="a-quoted-figure-keeps-its-noun",
        ),
        pytest.param(
            'A Telegram channel claimed that "over 30,000 North Koreans" had died. It has no'
            " basis, and HUR disowned it.",
            [],
            id="debunked-in-the-next-sentence",
        ),
    ],
)
def test_comparisons_projections_and_debunked_posts(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zelenskyy said in January that more than 4,000 North Koreans had been killed or"
            " wounded, a level Seoul did not reach until April.",
            [(4000, "2025-01")],
            id="not-until-dates-something-else",
        ),
        pytest.param(
            "The NIS estimates that about 11,000 North Korean soldiers had arrived in Russia by"
            " the end of last year, and that about 3,000 more were sent in January.",
            [(11000, "2024-12"), (3000, "2025-01")],
            id="the-end-of-last-year-and-a-later-clause",
        ),
    ],
)
def test_dates_of_clauses(text: str, expected: list[tuple]) -> None:
    assert dated(text) == expected


def test_the_counted_noun_then_its_reporter() -> None:
    text = (
        "The NIS said 2,000 North Korean soldiers have now died. That is more than three times"
        " the roughly 600 deaths the agency reported in April, and it brings Seoul closer to"
        " estimates that others publish."
    )
    assert attributed(text) == [(2000, NIS, None), (600, NIS, None)]


def test_a_role_held_then_is_a_description_of_the_speaker() -> None:
    text = (
        "John Kirby, then the National Security Council spokesman, said more than 1,000 North"
        " Korean soldiers had been killed or wounded in a week."
    )
    assert attributed(text) == [(1000, "John Kirby", None)]


def test_troops_sent_then_most_of_them_to_training_grounds_are_deployed() -> None:
    text = (
        "The Pentagon has said roughly 10,000 North Korean soldiers were sent to Russia in all,"
        " most of them initially to training grounds in the Far East."
    )
    assert metrics_of(text) == [("deployed", 10000, 10000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS said 3,000 North Korean soldiers had been moved so far, adding that the"
            " total was expected to reach 10,000 by December.",
            [("deployed", 3000, 3000)],
            id="expected-to-reach-is-a-forecast",
        ),
        pytest.param(
            "Zelenskyy said North Korea was preparing to send 10,000 soldiers to fight for Russia.",
            [],
            id="preparing-to-send-is-a-plan",
        ),
        pytest.param(
            "North Korean troops are in Kursk, the NIS said. Senators asked whether the 28,500"
            " U.S. troops stationed in South Korea would be cut.",
            [],
            id="us-troops-are-another-force",
        ),
        pytest.param(
            "North Korean troops are in Kursk, the NIS said.\n\n"
            "13:05 A drone hit a substation in Odesa Oblast, the governor said.",
            [],
            id="a-clock-time-is-no-figure",
        ),
        pytest.param(
            "North Korean troops are in Kursk, the NIS said.\n\n"
            "One person was killed and 11 injured in Kharkiv, the regional governor said.",
            [],
            id="a-civilian-toll-in-a-live-blog",
        ),
        pytest.param(
            "The NIS estimated that North Korean casualties had reached some 6,000, up from about"
            " 4,700 it had estimated in April.",
            [("casualties", 6000, 6000), ("casualties", 4700, 4700)],
            id="up-from-counts-what-the-figure-before-counts",
        ),
        pytest.param(
            "The NIS said roughly 2,000 North Korean soldiers had been killed, more than triple"
            " its estimate of 600 in April, after heavy losses in the spring.",
            [("killed", 2000, 2000), ("killed", 600, 600)],
            id="its-estimate-of-counts-the-same",
        ),
        pytest.param(
            "The NIS said about 1,000 North Korean deminers were operating in the Kursk region,"
            " and that several had been killed in accidents.",
            [("deployed", 1000, 1000)],
            id="operating-in-a-region",
        ),
        pytest.param(
            "About 9,000 North Korean soldiers remain in Russia, the NIS said. Roughly 4,000"
            " others have gone home since March.",
            [("deployed", 9000, 9000)],
            id="others-gone-home",
        ),
    ],
)
def test_forecasts_other_forces_and_comparisons(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_related_posts_list_is_clutter() -> None:
    text = (
        "North Korean troops are in Kursk, the NIS said.\n\n"
        "Related posts\n- What the two North Korean POWs tell us\n- Three scenarios for Kursk"
    )
    assert metrics_of(text) == []


def test_an_agency_that_made_the_assessment_is_the_source_of_what_follows() -> None:
    text = (
        "North Korea keeps about 10,000 troops in Russian border areas, the state spy agency"
        " said, according to lawmakers.\n\n"
        "The NIS made the assessment during a closed-door audit, Rep. Yu told reporters.\n\n"
        "The agency estimated that North Korean casualties had reached some 6,000."
    )
    assert [source for _, source, _ in attributed(text)] == [NIS, NIS]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "More details: According to HUR, 1,500 new North Korean servicemen arrived in"
            " February.",
            [(1500, HUR, None)],
            id="a-details-label-names-nobody",
        ),
        pytest.param(
            "All told, the NIS estimated that about 20,000 North Korean soldiers had rotated"
            " through Russia.",
            [(20000, NIS, None)],
            id="all-told-is-no-speaker",
        ),
        pytest.param(
            "Shoigu, secretary of Russia's Security Council, said North Korea was sending 1,000"
            " North Korean deminers to Kursk.",
            [(1000, "Shoigu", None)],
            id="a-role-after-a-name-is-a-description",
        ),
        pytest.param(
            "KCNA, the state news agency, reported that nine North Korean soldiers of an"
            " engineering regiment had died clearing mines in Kursk.",
            [(9, "KCNA", None)],
            id="a-description-after-an-agency-name",
        ),
        pytest.param(
            "Gen. Xavier Brunson testified on Thursday. Brunson's written statement put the"
            " number of North Korean troops sent to Russia at about 14,000.",
            [(14000, "Xavier Brunson", None)],
            id="a-possessive-written-statement",
        ),
    ],
)
def test_labels_asides_and_descriptions(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'HUR said: "The North Korean grouping in the Kursk direction now numbers more than'
            ' 10,000 people."',
            [("deployed", 10000, None)],
            id="a-north-korean-grouping-is-the-force-alone",
        ),
        pytest.param(
            "Zelenskyy said Ukrainian special forces had captured two wounded North Korean"
            " soldiers in Kursk.",
            [("captured", 2, 2)],
            id="captured-wounded-soldiers-are-prisoners",
        ),
        pytest.param(
            "Of the more than 34,000 North Koreans who have resettled in the South since the"
            " 1990s, few were soldiers, the NIS said.",
            [],
            id="defectors-are-not-the-force",
        ),
    ],
)
def test_groupings_prisoners_and_defectors(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS said roughly 2,000 North Korean soldiers had been killed, more than triple"
            " its estimate of 600 in January.",
            [(2000, PUBLISHED.isoformat()), (600, "2025-01")],
            id="its-estimate-of-has-its-own-date",
        ),
        pytest.param(
            'The statement put the number of North Korean troops sent at "approximately 14,000,"'
            " including roughly 3,000 dispatched in February, the NIS said.",
            [(14000, PUBLISHED.isoformat()), (3000, "2025-02")],
            id="including-after-a-closing-quote",
        ),
        pytest.param(
            "About 3,000 more North Korean soldiers followed in January and February 2024,"
            " according to the NIS.",
            [(3000, "2024-01")],
            id="two-months-and-their-year",
        ),
    ],
)
def test_dates_of_compared_and_ranged_figures(text: str, expected: list[tuple]) -> None:
    assert dated(text) == expected


def test_a_date_in_an_aside_about_the_speaker_dates_no_figure() -> None:
    text = (
        "Gen. Xavier Brunson, who took command of US forces in Korea in December, told senators"
        " that North Korean units had taken about 4,000 casualties."
    )
    assert dated(text) == [(4000, PUBLISHED.isoformat())]


def test_a_current_strength_holds_when_it_is_given() -> None:
    text = (
        "The NIS said on Tuesday that about 3,000 North Korean troops arrived in Russia in"
        " February, putting the contingent's current strength at around 9,000."
    )
    assert dated(text) == [(3000, "2025-02"), (9000, "2025-03-04")]


def test_the_agency_also_said_in_the_same_briefing() -> None:
    text = (
        "The NIS told lawmakers last month that about 4,700 North Korean troops had been killed"
        " or wounded. The agency also estimated that about 15,000 North Korean soldiers had"
        " been deployed in total."
    )
    assert dated(text) == [(4700, "2025-02"), (15000, "2025-02")]


def test_an_older_estimate_then_also_said_keeps_the_new_statement_undated() -> None:
    text = (
        "In January, the NIS had estimated that about 2,400 North Korean soldiers had been"
        " killed. The NIS also said 2 North Korean prisoners remain in good health."
    )
    assert dated(text) == [(2400, "2025-01"), (2, PUBLISHED.isoformat())]


TABLE = (
    "How the estimates of North Korea's losses compare\n\n"
    "Source | Date given | Troops sent | Killed | Killed + wounded\n"
    "NIS (via Rep. Yu) | Jan. 13, 2025 | ~11,000 | ~300 | ~3,000\n"
    "HUR chief Kyrylo Budanov | February 2025 | 12,000+ | \u2013 | \u2013\n"
    "Figures as each source gave them."
)


def test_a_text_table_gives_each_cell_its_column_row_source_and_date() -> None:
    got = [(c.metric, c.low, c.high, c.source, c.via, c.as_of) for c in claims(TABLE)]
    assert got == [
        ("deployed", 11000, 11000, NIS, "Yu Yong-weon", "2025-01-13"),
        ("killed", 300, 300, NIS, "Yu Yong-weon", "2025-01-13"),
        ("casualties", 3000, 3000, NIS, "Yu Yong-weon", "2025-01-13"),
        ("deployed", 12000, None, HUR, None, "2025-02"),
    ]
    for c in claims(TABLE):
        assert TABLE[c.start : c.end] == c.quote and " | " in c.quote


def test_a_table_about_something_else_or_without_counts_gives_nothing() -> None:
    prices = "Item | Price | Stock\nShells | 1,200 | 40\nDrones | 3,000 | 7\n"
    assert claims(prices) == []
    schedule = (
        "North Korean troops remain in Kursk.\n\n"
        "Day | Place | Speaker\nMonday | Seoul | Yu\nTuesday | Kyiv | Budanov\n"
    )
    assert claims(schedule) == []


def test_a_footnoted_figure_takes_its_notes_day_within_its_month() -> None:
    text = (
        "The death toll the NIS gave in its February briefing, about 2,100,[1] is only"
        " slightly above the 2,000 North Korean dead it gave in January.[2] The NIS put the"
        " number sent at 14,000 in a March update.[3]\n\n"
        "Notes\n\n"
        "[1] NIS briefing to the Intelligence Committee, 11 February 2025.\n"
        "[2] NIS briefing, 4 December 2024.\n"
        "[3] NIS update, 2 March 2025."
    )
    assert [(c.low, c.as_of) for c in claims(text)] == [
        (2100, "2025-02-11"),
        # the note marked is of another month: the figure keeps its own
        (2000, "2025-01"),
        (14000, "2025-03-02"),
    ]


def test_he_is_the_titled_person_named_earlier_in_his_sentence() -> None:
    text = (
        '"They salute and say nothing," says Valentina Orlova, a pensioner.\n\n'
        "Kursk governor Alexander Khinshtein is the only official who has given numbers: in"
        ' January, he told a television channel that "about two thousand" North Korean'
        " builders were working in the region."
    )
    assert attributed(text) == [(2000, "Alexander Khinshtein", None)]


def test_a_ministry_in_an_intelligence_update_is_the_speaker() -> None:
    text = (
        "The JCS said 14,000 North Korean troops had been sent.\n\n"
        "The UK's Ministry of Defence, in an intelligence update in February, estimated that"
        " North Korean forces had suffered more than 4,000 casualties."
    )
    assert attributed(text)[-1][1] == "UK Ministry of Defence"


def test_what_each_one_has_is_not_what_the_figure_counts() -> None:
    text = (
        "Zelenskyy announced the capture on Jan. 11, publishing photos of the two North Korean"
        " men, one with a bandaged jaw and the other with injured hands."
    )
    assert metrics_of(text) == []


def test_soldiers_at_the_inter_korean_border_are_not_the_force_in_russia() -> None:
    text = (
        "The JCS said more than 10,000 North Korean soldiers have been sent to Russia.\n\n"
        "North Korea is also fortifying areas near the MDL. About 2,000 North Korean soldiers"
        " were seen laying mines there in recent weeks, the JCS said."
    )
    assert metrics_of(text) == [("deployed", 10000, None)]


def test_a_name_its_possessive_role_and_a_time_aside() -> None:
    text = (
        "Volodymyr Zelenskyy, Ukraine's president, last month released video of two North"
        " Korean soldiers held in Kyiv."
    )
    assert attributed(text) == [(2, "Volodymyr Zelenskyy", None)]


def test_commanders_are_a_source_over_one_carried_from_another_paragraph() -> None:
    text = (
        "Zelenskyy said 3,000 North Korean soldiers had been killed or wounded.\n\n"
        "Ukrainian commanders estimate that Russian and North Korean forces in the region"
        " together number about 60,000."
    )
    assert attributed(text)[-1] == (60000, "Ukrainian commanders", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Total North Korean casualties, counting the wounded, stood at about 4,700, the NIS"
            " said.",
            [("casualties", 4700, 4700)],
            id="counting-the-wounded-is-an-aside",
        ),
        pytest.param(
            "Two wounded North Korean soldiers were taken prisoner by Ukrainian forces in"
            " January, the NIS said.",
            [("captured", 2, 2)],
            id="wounded-soldiers-taken-prisoner",
        ),
        pytest.param(
            "LIVE UPDATES: Day 1,055 of the war. Zelenskyy offers to swap two North Korean"
            " prisoners.",
            [("captured", 2, 2)],
            id="day-1055-is-a-label",
        ),
        pytest.param(
            "The NIS said it had found notes on the body of one dead North Korean soldier.",
            [],
            id="one-dead-soldier-is-a-man",
        ),
        pytest.param(
            "Two North Korean soldiers are held in Kyiv, the SBU said. The second soldier, 20,"
            " was wounded in the jaw.",
            [("captured", 2, 2)],
            id="an-age-between-commas",
        ),
        pytest.param(
            "North Korean troops helped retake Kursk, the ministry said. Ukrainian armed"
            " formations lost more than 76,000 servicemen killed and wounded, it said.",
            [],
            id="ukrainian-armed-formations-are-another-force",
        ),
    ],
)
def test_asides_prisoners_labels_and_ages(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_the_ministry_estimating_a_north_korean_contingent_is_the_source() -> None:
    text = (
        "In its latest update, the Ministry of Defence said that the North Korean contingent,"
        " which it estimates at 11,000 to 12,000 men, had suffered more than 4,000 casualties."
    )
    assert {source for _, source, _ in attributed(text)} == {"Ministry of Defence"}


def test_one_of_the_western_sources() -> None:
    text = (
        "The NIS said 3,000 North Korean soldiers had arrived.\n\n"
        "One of the Western sources put the total number of North Korean personnel in Russia"
        " at between 10,000 and 12,000."
    )
    assert attributed(text)[-1] == (10000, "Western sources", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korea has begun moving at least 2,000 of its soldiers from training camps in"
            " the Far East toward Kursk, Western sources said.",
            [("deployed", 2000, None)],
            id="from-training-camps-is-leaving-training",
        ),
        pytest.param(
            "The assessment said Pyongyang had sent replacements to make up some of the losses,"
            " probably between 1,000 and 3,000 North Korean men.",
            [("deployed", 1000, 3000)],
            id="losses-to-make-up-are-not-what-is-counted",
        ),
        pytest.param(
            'Yusov said North Korean casualties total "no fewer than" 8,500 killed and wounded.',
            [("casualties", 8500, None)],
            id="a-quoted-qualifier",
        ),
        pytest.param(
            'Kim said that nine North Korean soldiers of the regiment had "laid down their'
            ' precious lives" in Kursk.',
            [("killed", 9, 9)],
            id="laid-down-their-lives",
        ),
    ],
)
def test_training_camps_replacements_and_quoted_words(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_when_the_wounded_were_hurt_is_not_when_they_returned() -> None:
    text = (
        "Yusov said on Monday that roughly 2,500 North Korean personnel wounded in 2024 had"
        " returned to duty, and that 500 were killed and wounded this month."
    )
    assert dated(text) == [(2500, "2025-03-03"), (500, "2025-03")]


def test_a_korean_surname_alone_is_the_full_name_written_before() -> None:
    text = (
        "The defector spoke on condition that he be identified only as Ri Chol-min.\n\n"
        "Ri said that by his comrades' account about 11,000 North Korean men went in the"
        " first group."
    )
    assert attributed(text) == [(11000, "Ri Chol-min", None)]


def test_the_most_cited_figures_come_from_an_agency_named_for_the_agency() -> None:
    text = (
        "The most widely cited figures come from South Korea's National Intelligence Service."
        " At a closed briefing in September, the agency said roughly 2,600 North Korean"
        " soldiers had been killed, according to lawmaker Yu Yong-weon."
    )
    assert attributed(text) == [(2600, NIS, "Yu Yong-weon")]


def test_a_deadline_to_come_dates_no_figure() -> None:
    text = (
        "Budanov told a US outlet earlier this month that some 11,000 North Korean infantrymen"
        " were training in eastern Russia and would be ready by Apr. 1."
    )
    assert dated(text) == [(11000, "2025-03")]


def test_an_agency_that_posted_its_statement_on_a_day_holds_its_figures_then() -> None:
    text = (
        "Ukraine's military intelligence says North Korean units are back in Kursk.\n\n"
        "Details: The intelligence agency posted the statement on the evening of 2 March.\n\n"
        'Quote: "In February, 1,500 new North Korean servicemen arrived. The North Korean'
        ' grouping now numbers more than 10,000 people."'
    )
    assert dated(text) == [(1500, "2025-02"), (10000, "2025-03-02")]


def test_a_table_of_thousands_of_rows_reads_only_its_first_ones() -> None:
    from articles.extraction.tables import MAX_ROWS

    rows = "".join(
        f"NIS (via Rep. Yu) | Jan. 13, 2025 | {1000 + i:,} | 300 | 3,000\n" for i in range(5000)
    )
    text = (
        "North Korean losses\n\nSource | Date given | Troops sent | Killed | Killed + wounded\n"
        + rows
    )
    deployed = [c for c in claims(text) if c.metric == "deployed"]
    assert len(deployed) == MAX_ROWS
    assert deployed[0].low == 1000


def test_a_part_of_the_force_and_the_force() -> None:
    text = (
        "The NIS told lawmakers that about 4,700 of the roughly 15,000 North Korean troops sent"
        " to Russia had been killed or wounded."
    )
    assert metrics_of(text) == [("casualties", 4700, 4700), ("deployed", 15000, 15000)]


@pytest.mark.parametrize(
    "text",
    [
        "N. Korea Brings Home 3,000 Troops from Russia",
        "North Korea has brought home around 3,000 of the soldiers it sent to Russia, the NIS"
        " said.",
        "About 3,000 North Korean personnel who had served in Kursk were repatriated in"
        " February, the NIS said.",
    ],
)
def test_troops_brought_home_or_repatriated_are_no_longer_counted(text: str) -> None:
    assert metrics_of(text) == []
