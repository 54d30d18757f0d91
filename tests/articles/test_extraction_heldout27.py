"""Behaviours added after scoring the engine on the 27th to 36th held-out batches
(r336-r455), written two at a time by writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import datetime as dt

import pytest

from articles.extraction import KnownSource, SourceIndex, extract
from tests.articles.heldout_cases import NIS, SOURCES, claims, cpu_seconds, dated, metrics_of

# The shared registry and the US officials, whom several of these reports quote.
WITH_US_OFFICIALS = SourceIndex(
    [*SOURCES.sources, KnownSource("US officials", ("U.S. officials",), kind="government")]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Army hospital records list 900 injured North Korean soldiers; 350 of them were"
            " discharged back to their units.",
            [("wounded", 900, 900), ("returned_to_duty", 350, 350)],
            id="discharged-back-to-their-units",
        ),
        pytest.param(
            "A local official said about 300 bodies of North Korean soldiers were flown home.",
            [("killed", 300, 300)],
            id="bodies-are-the-dead",
        ),
        pytest.param(
            'An engineer put their number at "about two and a half thousand" North Korean'
            " builders.",
            [("deployed", 2500, 2500)],
            id="two-and-a-half-thousand",
        ),
        pytest.param(
            "HUR said in January that 3,000 North Koreans had been killed or wounded; the NIS"
            " put the dead at around 500 a month later.",
            [("casualties", 3000, 3000), ("killed", 500, 500)],
            id="a-month-later-is-not-a-rate",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_month_later_counts_on_from_the_date_before() -> None:
    text = (
        "HUR said in January that 3,000 North Koreans had been killed or wounded; the NIS"
        " put the dead at around 500 a month later."
    )
    assert dated(text) == [(3000, "2025-01"), (500, "2025-02")]


def test_a_month_without_its_year_follows_the_paragraph_story() -> None:
    """Published in June 2026, a paragraph retelling 2025: its months are 2025's."""
    text = (
        "The toll has grown. The NIS said in January 2025 that 300 North Korean soldiers had"
        " been killed; in late February it spoke of 600 dead. In April, the agency put the"
        " dead at 1,100.\n\n"
        "In May, the NIS said 2,000 North Korean soldiers had died."
    )
    found = extract(text, published=dt.date(2026, 6, 20), sources=SOURCES)
    assert [(c.low, c.as_of) for c in found] == [
        (300, "2025-01"),
        (600, "2025-02"),
        (1100, "2025-04"),
        # a paragraph of its own, with no year given before: the latest May
        (2000, "2026-05"),
    ]


def test_a_month_after_a_running_total_start_is_not_that_year() -> None:
    text = (
        "The NIS believes 15,000 North Korean troops have been sent since October 2024. In"
        " January the agency said 2,000 of them had been killed."
    )
    found = extract(text, published=dt.date(2026, 2, 10), sources=SOURCES)
    assert [(c.low, c.as_of) for c in found] == [(15000, "2026-02-10"), (2000, "2026-01")]


def test_a_day_someone_declined_to_comment_is_not_when_the_figures_were_given() -> None:
    text = (
        "About 2,000 North Korean soldiers have been killed, according to the NIS, a lawmaker"
        " of the ruling party said Tuesday.\n\n"
        "An NIS official reached on Wednesday declined to comment.\n\n"
        "The lawmaker also cited the agency as saying about 9,000 North Korean troops remain"
        " in Kursk."
    )
    found = claims(text)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (2000, NIS, "2025-03-04"),
        (9000, NIS, "2025-03-04"),
    ]


def test_speaking_on_a_day_and_today_in_the_speakers_words() -> None:
    """An interview given on Monday (published Wednesday): the speaker's figures, his
    "today" among them, hold on Monday; the figures he gave before hold when given."""
    text = (
        "Zelensky says Pyongyang has now lost more than 5,000 soldiers killed, a revision of"
        " the figures Kyiv gave last year.\n\n"
        "Speaking to reporters in Kyiv on Monday, Zelensky said Ukraine's estimate had grown."
        ' "Today we count more than 5,000 dead," he said. "And some 8,000 wounded."'
    )
    found = claims(text)
    assert [(c.low, c.as_of) for c in found] == [(5000, "2025-03-03"), (8000, "2025-03-03")]


def test_an_agency_telling_a_committee_on_a_day() -> None:
    text = (
        "The NIS told the parliamentary intelligence committee on Monday that about 2,000 more"
        " North Korean troops had arrived in Russia.\n\n"
        "1. Rep. Yu said the agency estimates that about 12,000 North Korean troops are in"
        " Russia.\n\n"
        "2. The agency also said 300 of them had returned to the front."
    )
    assert dated(text) == [(2000, "2025-03-03"), (12000, "2025-03-03"), (300, "2025-03-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"More than 9,000 North Korean troops are in Russia," Rep. Yu quoted the NIS as'
            " saying.",
            [(9000, NIS, "Yu Yong-weon")],
            id="quoted-the-agency-as-saying",
        ),
        pytest.param(
            'Lawmakers were briefed by the NIS on Monday.\n\n"The agency assesses that North'
            ' Korea has sent 4,000 more troops," Rep. Yu said.',
            [(4000, NIS, "Yu Yong-weon")],
            id="a-lawmaker-quoting-the-agency",
        ),
        pytest.param(
            "Citing U.S. officials, The New York Times reported that Russia had assembled a force"
            " of 50,000 troops, including North Koreans.",
            [(50000, "US officials", "New York Times")],
            id="the-new-york-times",
        ),
    ],
)
def test_relays(text: str, expected: list[tuple]) -> None:
    found = extract(text, published=dt.date(2025, 3, 5), sources=WITH_US_OFFICIALS)
    assert [(c.low, c.source, c.via) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "HUR said about 1,000 North Korean artillerymen were operating near Kharkiv.",
            [("deployed", 1000, 1000)],
            id="artillerymen",
        ),
        pytest.param(
            "He said the NIS believed North Korean troops in Kursk now numbered around 11,000,"
            " and that Pyongyang was preparing to rotate some units home.",
            [("deployed", 11000, 11000)],
            id="a-count-and-then-a-plan",
        ),
    ],
)
def test_more_figures_that_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Kyiv\'s commander said North Korea had sent "some 9,000 soldiers to Kursk" and that'
            ' "one in four of them is now dead or wounded".',
            [("deployed", 9000, 9000)],
            id="a-quotation-opening-on-the-figure",
        ),
        pytest.param(
            '"The real toll could be as high as 6,000 North Korean dead," a defector said.',
            [("killed", None, 6000)],
            id="as-high-as-is-a-ceiling",
        ),
        pytest.param(
            "About 2,500 North Korean soldiers were killed, UK Defence Intelligence said. Russia's"
            " average daily casualties fell to about 1,300 in March.",
            [("killed", 2500, 2500)],
            id="a-daily-rate-is-not-a-toll",
        ),
        pytest.param(
            '"The agency sees North Korean casualties, the killed and the wounded together,'
            ' reaching some 2,500 since the troops were committed to combat," Rep. Yu said.',
            [("casualties", 2500, 2500)],
            id="a-count-since-the-troops-were-committed",
        ),
        pytest.param(
            "The NIS estimates 4,000 North Korean soldiers were wounded; about 1,500 of the"
            " wounded returned to the front after treatment.",
            [("wounded", 4000, 4000), ("returned_to_duty", 1500, 1500)],
            id="of-the-wounded-returned",
        ),
        pytest.param(
            "Ukrainian drone units destroyed more than forty North Korean soldiers near Sudzha,"
            " the General Staff said. The 5,000 North Korean builders sent to Kursk will repair"
            " the roads destroyed in the fighting.",
            [("killed", 40, None), ("deployed", 5000, 5000)],
            id="destroyed-soldiers-not-roads",
        ),
    ],
)
def test_figures_from_the_28th_batch(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_lawmaker_who_serves_on_a_committee_relays_on_a_day() -> None:
    text = (
        "Around 400 North Korean soldiers have been killed, South Korea's spy agency has"
        " estimated, according to a lawmaker.\n\n"
        "Rep. Yu of the ruling party, who serves as secretary of the National Assembly's"
        " intelligence committee, relayed the assessment to reporters on Monday.\n\n"
        '"The NIS sees North Korean casualties reaching some 2,000," Rep. Yu quoted the agency'
        " as saying."
    )
    found = claims(text)
    assert [(c.low, c.source, c.via, c.as_of) for c in found] == [
        (400, NIS, "Yu Yong-weon", "2025-03-03"),
        (2000, NIS, "Yu Yong-weon", "2025-03-03"),
    ]


def test_a_member_of_a_committee_is_the_name_before() -> None:
    text = (
        "Rep. Yu Yong-weon, a member of the National Assembly's defence committee, told"
        " reporters that 1,200 more North Korean troops had arrived in Russia."
    )
    assert [c.source for c in claims(text)] == ["Yu Yong-weon"]


def test_a_head_of_state_citing_intelligence_once_keeps_his_own_figures() -> None:
    text = (
        "Our soldiers eliminated more than sixty North Korean soldiers near Sudzha yesterday,"
        " President Zelensky said.\n\n"
        "Citing Ukraine's military intelligence, Zelensky said more than 3,500 North Koreans"
        " had been killed or wounded.\n\n"
        '"This week alone, nearly 900 of them were killed or wounded," the President said.'
    )
    sources = SourceIndex(
        [
            *SOURCES.sources,
            KnownSource("Volodymyr Zelenskyy", ("Zelensky",), kind="head_of_state"),
        ]
    )
    found = extract(text, published=dt.date(2025, 3, 5), sources=sources)
    assert [(c.low, c.source, c.via) for c in found] == [
        (60, "Volodymyr Zelenskyy", None),
        (3500, "Defence Intelligence of Ukraine (HUR)", "Volodymyr Zelenskyy"),
        (900, "Volodymyr Zelenskyy", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korean losses are rising. Overnight Russia launched 60 attack drones; air"
            ' defence forces shot down 41 of them, while 15 were "lost" locally as a result of'
            " electronic warfare.",
            [],
            id="drones-shot-down-and-lost",
        ),
        pytest.param(
            "The number of North Korean servicemen put out of action since they were first"
            " committed to combat has exceeded 300, the General Staff said.",
            [("casualties", 300, None)],
            id="put-out-of-action-since-committed",
        ),
        pytest.param(
            "The three wounded prisoners that the SBU captured in Kursk are North Koreans.",
            [("captured", 3, 3)],
            id="wounded-prisoners-are-prisoners",
        ),
        pytest.param(
            "10:15 GMT - Three killed in Russian missile strike on Odesa\n\nThe NIS says 2,000"
            " North Korean soldiers have been killed.",
            [("killed", 2000, 2000)],
            id="an-attacks-toll",
        ),
        pytest.param(
            "Kyiv said the dead and wounded numbered more than 3,000 North Koreans.",
            [("casualties", 3000, None)],
            id="the-dead-and-wounded-numbered",
        ),
        pytest.param(
            "The NIS says 2,000 North Korean soldiers have been killed. Russia itself loses"
            " something like 1,200 men killed or wounded on a bad day.",
            [("killed", 2000, 2000)],
            id="on-a-bad-day",
        ),
    ],
)
def test_figures_from_the_32nd_batch(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_the_days_of_a_briefing_a_hearing_and_a_running_total() -> None:
    text = (
        "South Korea's spy agency says North Korea has sent more troops, bringing the total"
        " deployed since 2024 to around 20,000. Here are the key points from Monday's"
        " closed-door briefing.\n\n"
        "- Deaths: At least 2,500 North Korean soldiers have been killed.\n\n"
        "Gen. Xavier Brunson, who heads U.S. Forces Korea, told the Senate Armed Services"
        " Committee on Tuesday that roughly 9,000 North Korean troops remain in Russia today."
    )
    assert dated(text) == [(20000, "2025-03-03"), (2500, "2025-03-03"), (9000, "2025-03-04")]


def test_by_someones_count_and_a_blogger_described_with_a_figure() -> None:
    text = (
        "By Seoul's count, upwards of 3,000 North Koreans were killed or wounded in their"
        " first months of combat.\n\n"
        "A pro-war blogger, Ivan Petrov, who runs a channel with some 300,000 subscribers,"
        " reported that at least 15 North Korean sappers had been killed."
    )
    assert [(c.low, c.source) for c in claims(text)] == [(3000, "Seoul"), (15, "Ivan Petrov")]


def test_another_thing_said_has_its_own_words() -> None:
    text = (
        "The NIS has said that about 2,000 North Korean soldiers were killed, and that the"
        " number of North Korean personnel in Russia now exceeds 11,000."
    )
    assert metrics_of(text) == [("killed", 2000, 2000), ("deployed", 11000, None)]


def test_our_korean_friends_and_a_date_after_an_aside_about_the_speaker() -> None:
    text = (
        "North Korean engineers are at work in Kursk. Governor Ivan Petrov, who took office"
        " in December 2024, wrote on Telegram on"
        ' February 10 that "about 1,000 of our Korean friends" were clearing mines in Kursk.'
    )
    found = extract(text, published=dt.date(2026, 2, 12), sources=SOURCES)
    assert [(c.metric, c.low, c.as_of) for c in found] == [("deployed", 1000, "2026-02-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A March study by the Center for Strategic and International Studies (CSIS) went"
            " further, estimating that as many as 7,000 North Koreans had been killed or wounded.",
            [(7000, "Center for Strategic and International Studies")],
            id="a-study-by-a-name-with-and-went-further",
        ),
        pytest.param(
            "Russian Chief of the General Staff Valery Gerasimov said 9,000 North Korean troops"
            " had fought in Kursk.",
            [(9000, "Valery Gerasimov")],
            id="chief-of-the-general-staff-is-a-title",
        ),
        pytest.param(
            "Reports first emerged in October.\n\nAround 11,000 North Korean troops are thought to"
            " be in Kursk, according to Kyiv and Western governments.",
            [(11000, "Kyiv and Western governments")],
            id="kyiv-and-western-governments",
        ),
        pytest.param(
            "If confirmed, the new deployment of 6,000 North Korean troops would be the largest"
            " since the first.",
            [(6000, None)],
            id="if-confirmed-is-nobody",
        ),
    ],
)
def test_names_as_written(text: str, expected: list[tuple]) -> None:
    found = extract(text, published=dt.date(2025, 3, 5), sources=SourceIndex([]))
    assert [(c.low or c.high, c.source) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "By the numbers:\n - 14,000: Roughly how many North Korean troops have been sent to"
            " Russia, the NIS said.\n - ~4,500: Killed or wounded, per the same briefing,"
            " including about 500 dead.\n - 1/3: The share of the force hit.",
            [("deployed", 14000, 14000), ("casualties", 4500, 4500), ("killed", 500, 500)],
            id="by-the-numbers",
        ),
        pytest.param(
            "The NIS says 12,000 North Korean troops are in Russia. More than 1,500 servicemen of"
            " the Korean People's Army have been awarded Russian medals.",
            [("deployed", 12000, 12000)],
            id="servicemen-of-the-army-awarded",
        ),
        pytest.param(
            "The NIS says 12,000 North Korean troops are in Russia, while Japan's Self-Defense"
            " Forces have roughly 247,000 members.",
            [("deployed", 12000, 12000)],
            id="another-countrys-forces",
        ),
        pytest.param(
            "The NIS says 12,000 North Korean troops are in Russia. Imagery captured on July 3"
            " shows roughly 150 shipping containers at the port.",
            [("deployed", 12000, 12000)],
            id="shipping-containers",
        ),
        pytest.param(
            "Fact check: Are 90,000 North Korean soldiers fighting in Ukraine?\n\nNo. The NIS"
            " says about 12,000 North Korean troops are in Russia.",
            [("deployed", 12000, 12000)],
            id="a-yes-no-question",
        ),
    ],
)
def test_figures_from_the_33rd_and_34th_batches(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_timeline_entry_dates_its_paragraph() -> None:
    text = (
        "Here are the main milestones.\n\n"
        "October 2024 — The NIS says North Korea has begun moving troops. The first group,"
        " some 1,500 North Korean special forces soldiers, is ferried to Vladivostok.\n\n"
        "June 2025 — Sergei Shoigu, visiting Pyongyang, announces that North Korea will send"
        " 1,000 North Korean sappers to Kursk."
    )
    found = extract(text, published=dt.date(2026, 3, 10), sources=SOURCES)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (1500, NIS, "2024-10"),
        (1000, "Sergei Shoigu", "2025-06"),
    ]


def test_days_given_without_on_and_in_a_source_line() -> None:
    text = (
        "The NIS gave the assessment during a closed-door briefing to the intelligence"
        " committee Monday, according to Rep. Yu.\n\n"
        "Rep. Yu said the agency now puts the number of North Korean dead at about 2,000,"
        " sharply up from its estimate in January of around 600.\n\n"
        "Kyrylo Budanov has said that North Korea keeps a sizeable force in Kursk.\n\n"
        "Source: Budanov in an interview for a television channel, aired on Tuesday evening\n\n"
        'Quote: "As of today, there are about 11,000 North Korean soldiers in Kursk."'
    )
    sources = SourceIndex(
        [*SOURCES.sources, KnownSource("Kyrylo Budanov (HUR)", ("Kyrylo Budanov", "Budanov"))]
    )
    found = extract(text, published=dt.date(2025, 3, 5), sources=sources)
    assert [(c.low, c.as_of) for c in found] == [
        (2000, "2025-03-03"),
        (600, "2025-01"),
        (11000, "2025-03-04"),
    ]


def test_the_same_two_prisoners_told_twice() -> None:
    text = (
        "The families of two North Korean prisoners of war held in Ukraine are under watch,"
        " the NIS said on Thursday.\n\n"
        "Rep. Yu said the NIS told lawmakers that the two North Korean soldiers captured by"
        " Ukrainian forces in January are in stable condition."
    )
    found = extract(text, published=dt.date(2025, 9, 5), sources=SOURCES)
    assert [(c.metric, c.low, c.as_of) for c in found] == [("captured", 2, "2025-09-04")]


def test_the_us_side_and_a_table_cell_naming_the_agency_in_brackets() -> None:
    text = (
        "Japan's defence minister spoke on Friday. He said that according to the US side,"
        " about 11,000 North Korean soldiers remain in Russia.\n\n"
        "Source             | Sent          | Killed\n"
        "South Korea (NIS)  | about 15,000  | about 2,600\n"
        "Ukraine (HUR)      | over 18,000   | 4,000-5,000\n"
    )
    found = extract(text, published=dt.date(2026, 11, 9), sources=WITH_US_OFFICIALS)
    assert [(c.low, c.source) for c in found] == [
        (11000, "US officials"),
        (15000, NIS),
        (2600, NIS),
        (18000, "Defence Intelligence of Ukraine (HUR)"),
        (4000, "Defence Intelligence of Ukraine (HUR)"),
    ]


def test_a_blogger_named_by_his_channel_and_a_visit_day() -> None:
    text = (
        "The plan was announced by Sergei Shoigu, who flew to Pyongyang on Tuesday. Shoigu told"
        " state television that North Korea would send 1,000 sappers to Kursk.\n\n"
        '"No fewer than 11,000 Korean fighters passed through the Kursk front," the author of'
        " the Telegram channel Severny Veter (North Wind), who has some 380,000 subscribers,"
        " claimed in a post."
    )
    sources = SourceIndex([*SOURCES.sources, KnownSource("Sergei Shoigu", ("Shoigu",))])
    found = extract(text, published=dt.date(2025, 6, 20), sources=sources)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (1000, "Sergei Shoigu", "2025-06-17"),
        (11000, "Severny Veter", "2025-06-20"),
    ]


def test_one_official_of_known_officials_and_a_leak() -> None:
    text = (
        "About 9,000 North Korean troops remain in Russia, a U.S. official said.\n\n"
        "Leaked Defense Ministry records show 1,200 North Korean soldiers were treated for"
        " wounds."
    )
    found = extract(text, published=dt.date(2025, 3, 5), sources=WITH_US_OFFICIALS)
    assert [(c.low, c.source) for c in found] == [
        (9000, "US officials"),
        (1200, "Defense Ministry"),
    ]


def test_a_document_seen_by_a_paper_speaks_for_its_authors() -> None:
    text = (
        "North Korea has lost more soldiers than ministers admit, according to a leaked Defence"
        " Intelligence briefing.\n\n"
        'The document, marked "Secret" and seen by The Telegraph, estimates that between 20,000'
        " and 25,000 North Koreans have been deployed to Russia.\n\n"
        "A classified U.S. intelligence assessment puts the North Korean dead at 4,000."
    )
    found = extract(text, published=dt.date(2026, 11, 18), sources=WITH_US_OFFICIALS)
    assert [(c.low, c.source) for c in found] == [
        (20000, "Defence Intelligence"),
        (4000, "US officials"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Earlier, Secretary of the Security Council of Russia Sergei Shoigu, following talks in"
            " Pyongyang, announced that North Korea would send 1,000 sappers to Kursk.",
            [(1000, "Sergei Shoigu")],
            id="earlier-is-nobody",
        ),
        pytest.param(
            "Ukraine's special operations forces, in a separate statement on Telegram on Tuesday,"
            " said they had killed 40 North Korean troops.",
            [(40, "Ukraine's special operations forces")],
            id="in-a-statement-on-telegram-on-tuesday",
        ),
    ],
)
def test_more_names_as_written(text: str, expected: list[tuple]) -> None:
    found = extract(text, published=dt.date(2025, 3, 5), sources=SourceIndex([]))
    assert [(c.low, c.source) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korean troops fought in Kursk. According to the Russian Ministry of Defence,"
            " the enemy lost more than 70 thousand servicemen in the Kursk direction.",
            [],
            id="the-enemy-lost",
        ),
        pytest.param(
            "The North has shipped around 25,000 containers of munitions to Russia, an increase of"
            " some 3,000 from the previous estimate.",
            [],
            id="an-increase-of-containers",
        ),
    ],
)
def test_figures_from_the_35th_batch(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_post_uploaded_on_a_day_dates_the_writers_figures() -> None:
    text = (
        "North Korea will send 6,000 more troops to Russia, according to Rep. Yu, who cited the"
        " NIS.\n\n"
        "In a post uploaded to his Facebook account Monday, Yu wrote that the agency assessed"
        " the North would send around 1,000 deminers."
    )
    assert dated(text) == [(6000, "2025-03-03"), (1000, "2025-03-03")]


def test_a_related_link_a_table_title_and_a_briefing_behind_closed_doors() -> None:
    text = (
        "The NIS briefed members of the intelligence committee behind closed doors on Monday."
        " The roughly 11,000 North Korean troops sent had been used as expendable assets, Rep."
        " Yu quoted the agency as saying.\n\n"
        "The NIS also said on Sunday that it had confirmed two North Korean soldiers were"
        " captured.\n\n"
        "Related: How Ukraine Captured Three North Korean Soldiers\n\n"
        "North Korean personnel in Russia: HUR estimates as of Feb. 28, 2025\n"
        "Category | Number\n"
        "Killed | 3,400\n"
        "Missing | 350\n"
    )
    assert dated(text) == [
        (11000, "2025-03-03"),
        (2, "2025-03-02"),
        (3400, "2025-02-28"),
        (350, "2025-02-28"),
    ]


def test_an_official_reporting_another_bodys_estimate_once_keeps_her_own_figures() -> None:
    text = (
        '"More than 20,000 North Korean soldiers have been sent to help Russia," Kaja Kallas'
        " told reporters.\n\n"
        "Kallas also said the EU estimated that Russia's own casualties had passed one million."
    )
    found = extract(text, published=dt.date(2026, 11, 10), sources=SourceIndex([]))
    assert [(c.low, c.source, c.via) for c in found] == [(20000, "Kaja Kallas", None)]


def test_the_answers_of_an_interview_are_the_one_spoken_with() -> None:
    text = (
        "North Korea's Kursk contingent is now a rotating garrison, says US analyst\n\n"
        "To understand the latest move, VOA spoke with Daniel Whitcomb, a senior fellow at a"
        " Washington think tank.\n\n"
        "Q: How many North Korean troops are in Russia now?\n\n"
        "A: Our best estimate is between 11,000 and 13,000 North Korean combat troops."
    )
    found = extract(text, published=dt.date(2026, 10, 8), sources=SourceIndex([]))
    assert [(c.low, c.source) for c in found] == [(11000, "Daniel Whitcomb")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "About 4,700 North Korean soldiers have been killed or wounded, while the number of"
            " wounded soldiers flown or transported home by rail reached about 2,000.",
            [("casualties", 4700, 4700), ("wounded", 2000, 2000)],
            id="the-number-of-wounded",
        ),
        pytest.param(
            "Zelenskyy said the number of killed or wounded North Korean soldiers exceeded 3,000.",
            [("casualties", 3000, None)],
            id="the-number-of-killed-or-wounded",
        ),
    ],
)
def test_the_number_of(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_the_officials_are_the_officials_named_last() -> None:
    text = (
        "Ukrainian drone operators described the North Koreans as easy targets.\n\n"
        "About 14,000 North Korean troops have been sent to Russia, according to American and"
        " South Korean officials. Of those, the officials estimate, roughly 6,000 have been killed"
        " or wounded."
    )
    found = extract(text, published=dt.date(2025, 7, 16), sources=SourceIndex([]))
    assert [(c.low, c.source) for c in found] == [
        (14000, "American and South Korean officials"),
        (6000, "American and South Korean officials"),
    ]


def test_a_compared_figure_and_a_window_ending_now() -> None:
    text = (
        "As of last week, more than 10,000 North Korean soldiers had been moved into Kursk,"
        " Ryder said, up sharply from the roughly 8,000 he described to reporters on Feb. 20.\n\n"
        "About 1,500 more North Korean troops arrived over the past month, Yusov said on"
        " Monday."
    )
    assert dated(text) == [(10000, "2025-02-26"), (8000, "2025-02-20"), (1500, "2025-03-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A NATO official said the estimate of North Koreans killed or wounded was"
            ' "north of 5,000."',
            [("casualties", 5000, None)],
            id="north-of",
        ),
        pytest.param(
            "The NIS now puts North Korean casualties at roughly 7,000. The spy agency's estimate"
            " stood at about 4,700 in April last year, he said.",
            [("casualties", 7000, 7000), ("casualties", 4700, 4700)],
            id="the-estimate-stood-at",
        ),
        pytest.param(
            "The document says roughly 900 of the wounded North Koreans had been patched up at"
            " field hospitals and sent back to their units.",
            [("returned_to_duty", 900, 900)],
            id="of-the-wounded-patched-up-and-sent-back",
        ),
    ],
)
def test_figures_from_the_36th_batch(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_resident_and_the_resident() -> None:
    text = (
        "A wounded North Korean soldier has returned to his hometown, a resident told Radio"
        " Free Asia.\n\n"
        "According to the resident, at least 15 young North Korean men from the county have"
        " died in Russia."
    )
    found = extract(text, published=dt.date(2026, 4, 9), sources=SourceIndex([]))
    assert [(c.low, c.source) for c in found] == [(15, "a resident")]


def test_told_the_outlet_in_an_interview_published_on_a_day() -> None:
    text = (
        "Around 11,000 North Korean soldiers are training in Russia's Far East, Kyrylo Budanov"
        " told The War Zone in an interview published on Feb. 25."
    )
    found = claims(text)
    assert [(c.low, c.source, c.via) for c in found] == [
        (11000, "Defence Intelligence of Ukraine (HUR)", None)
    ]


def test_figures_relayed_after_a_briefing_on_a_day_and_a_north_korean_source() -> None:
    text = (
        "The NIS believes around 2,000 North Korean soldiers have died in Russia. The figures"
        " were relayed by Rep. Yu after a closed-door briefing on Monday.\n\n"
        "A North Korean source told the Daily NK that about 300 injured North Korean soldiers"
        " were flown home."
    )
    found = claims(text)
    assert [(c.low, c.source, c.as_of) for c in found] == [
        (2000, NIS, "2025-03-03"),
        (300, "a North Korean source", "2025-03-05"),
    ]


def test_an_agencys_dated_assessment_dates_its_figures() -> None:
    text = (
        "The NIS's February 26 assessment indicates that North Korea keeps rotating forces.\n\n"
        "Rep. Yu added that the NIS estimates the total number of North Korean personnel sent"
        " to Russia has reached approximately 20,000."
    )
    assert dated(text) == [(20000, "2025-02-26")]


def test_troops_that_finished_weeks_of_training_are_deployed() -> None:
    text = (
        "The NIS put the first contingent's size at between 11,000 and 12,000 North Korean"
        " troops in November, after they had finished a few weeks of training in Russia's Far"
        " East."
    )
    assert metrics_of(text) == [("deployed", 11000, 12000)]


def test_a_long_speculating_clause_costs_time_in_proportion() -> None:
    """Whether a plan is said only after ", and that" is read once per clause, not once per
    figure to the clause's end."""

    def seconds(size: int) -> float:
        unit = "1,000 North Korean troops and "
        return cpu_seconds("Pyongyang could send " + unit * (size // len(unit)) + " more.")

    # 16 times the text: linear is about 16, quadratic 256 (the per-figure reading was 70).
    short = max(seconds(25_000), seconds(25_000), 0.01)
    long = seconds(400_000)
    assert long < 32 * short
