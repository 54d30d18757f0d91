"""Behaviours added after scoring the engine on the ninth and tenth held-out batches
(r120-r143), and on causes left over from the earlier ones.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import datetime as dt

import pytest

from articles.extraction import KnownSource, SourceIndex, extract
from tests.articles.heldout_cases import HUR, NIS, PUBLISHED, claims, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The air force said 51 of the drones were downed and 20 others were jammed or"
            " lost, while 300 North Korean soldiers were killed in Kursk, Kyiv said.",
            [("killed", 300, 300)],
            id="others-of-the-drones-are-drones",
        ),
        pytest.param(
            "Some observers think Pyongyang could in time rotate up to 25,000 more soldiers"
            " through the region. About 11,000 North Korean troops are there now.",
            [("deployed", 11000, 11000)],
            id="could-rotate-is-speculation",
        ),
    ],
)
def test_counts_that_are_not_the_force(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


ZELENSKYY = "Volodymyr Zelenskyy"
US = "US officials"
REGISTRY = SourceIndex(
    [
        KnownSource(ZELENSKYY, ("Zelensky", "Zelenskyy"), kind="head_of_state"),
        KnownSource(NIS, ("NIS",), kind="intelligence"),
        KnownSource(US, ("U.S. officials", "Washington"), kind="government"),
    ]
)


def claims_of(text: str, outlet: str | None = None) -> list:
    return extract(text, published=PUBLISHED, sources=REGISTRY, outlet=outlet)


def sourced(text: str, outlet: str | None = None) -> list[tuple]:
    return [(c.low, c.source, c.via, c.as_of) for c in claims_of(text, outlet)]


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        pytest.param(
            "U.S. officials said 10,000 North Korean soldiers were in Russia. The Ukrainian"
            " leader Zelensky went further on Feb. 20, saying 12,000 North Korean soldiers"
            " remain in Kursk.",
            None,
            [(10000, US, None, PUBLISHED.isoformat()), (12000, ZELENSKYY, None, "2025-02-20")],
            id="a-name-then-saying",
        ),
        pytest.param(
            "Later, according to U.S. officials who spoke to reporters, Moscow gathered"
            " about 45,000 troops, North Koreans among them, for a push.",
            None,
            [(45000, US, None, PUBLISHED.isoformat())],
            id="who-spoke-inside-according-to",
        ),
        pytest.param(
            "About 45,000 troops, North Koreans among them, have been massed to retake the"
            " region before the new president takes office on Jan. 20, U.S. officials said.",
            None,
            [(45000, US, None, PUBLISHED.isoformat())],
            id="a-day-still-to-come-dates-nothing",
        ),
        pytest.param(
            "About 9,000 North Korean soldiers are in Kursk.",
            "The Washington Post",
            [(9000, "The Washington Post", None, PUBLISHED.isoformat())],
            id="an-unattributed-figure-is-the-outlet's",
        ),
    ],
)
def test_attribution_and_dates(text: str, outlet: str | None, expected: list[tuple]) -> None:
    assert sourced(text, outlet) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A rumour that went round last week -- that 50,000 North Korean soldiers had"
            " reached Kursk -- was false, officials said. About 11,000 North Korean troops"
            " are there.",
            [("deployed", 11000, 11000)],
            id="a-claim-then-its-verdict-in-one-sentence",
        ),
        pytest.param(
            "At least 9,000 North Korean troops are now inside Kursk, a figure that would mean"
            " most of those who trained in the east have moved.",
            [("deployed", 9000, None)],
            id="a-comment-on-the-figure-is-not-its-metric",
        ),
    ],
)
def test_verdicts_and_comments(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_episode_numbers_and_related_episode_lists_are_no_figures() -> None:
    text = (
        "World Affairs Cast | Episode 88: What Kim Gets\n\n"
        "About 11,000 North Korean troops are in Kursk, Zelensky said.\n\n"
        "Related episodes\n"
        "- Ep. 80: After 500 Deaths, a Rethink in Pyongyang\n"
        "- Ep. 75: Inside a 40,000-Strong Offensive\n"
    )
    assert [(c.metric, c.low) for c in claims_of(text)] == [("deployed", 11000)]


def test_timeline_rows_are_dated_by_their_opening_date() -> None:
    text = (
        "Key dates\n"
        "- October 18, 2024 - The NIS says about 1,500 North Korean soldiers were shipped"
        " to Vladivostok.\n"
        "- April 30, 2025 - The NIS puts North Korean casualties at about 4,700.\n"
        "November 13, 2024 - The NIS says 11,000 North Korean troops are in Russia.\n"
    )
    assert [(c.low, c.as_of) for c in claims_of(text)] == [
        (1500, "2024-10-18"),
        (4700, "2025-04-30"),
        (11000, "2024-11-13"),
    ]


def test_a_wire_dateline_still_dates_nothing() -> None:
    text = "Dec 17 (Reuters) - About 12,000 North Korean troops are in Russia, the NIS said."
    assert [(c.low, c.as_of) for c in claims_of(text)] == [(12000, PUBLISHED.isoformat())]


def test_a_source_opening_a_sentence_with_a_weekday_spoke_that_day() -> None:
    text = (
        "Zelensky was in Brussels on Monday, his third visit this year. According to"
        " Zelensky, about 4,000 North Korean soldiers have been killed or wounded."
    )
    assert [(c.low, c.source, c.as_of) for c in claims_of(text)] == [
        (4000, ZELENSKYY, "2025-03-03")
    ]


def test_an_interview_labels_its_speakers_in_full_then_by_initials() -> None:
    text = (
        "World Desk: How many did you face?\n\n"
        "Anna Koval: In January there were about 2,000 North Koreans in our sector.\n\n"
        "WD: And now?\n\n"
        "AK: Now, about 900 North Korean troops, no more.\n"
    )
    assert [(c.low, c.source) for c in claims_of(text)] == [
        (2000, "Anna Koval"),
        (900, "Anna Koval"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "About 7,000 North Korean troops remained in Kursk after weeks of heavy losses,"
            " HUR said.",
            [("deployed", 7000, 7000)],
            id="what-befell-them-is-not-what-they-count",
        ),
        pytest.param(
            "Some 150 North Korean soldiers who were wounded in the winter are back on the"
            " line now, HUR said.",
            [("returned_to_duty", 150, 150)],
            id="back-on-the-line",
        ),
        pytest.param(
            "The two who were captured near Kursk are North Korean soldiers, HUR said.",
            [("captured", 2, 2)],
            id="a-number-word-with-who-were-captured",
        ),
        pytest.param(
            "Join 12,000 members who support our journalism. About 11,000 North Korean troops"
            " are in Russia, HUR said.",
            [("deployed", 11000, 11000)],
            id="a-call-to-readers-counts-no-troops",
        ),
    ],
)
def test_interview_metrics(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_list_after_an_as_of_lead_holds_on_the_leads_date() -> None:
    text = (
        "According to HUR, as of May 31, 2025:\n"
        "- about 11,000 North Korean troops are in Russia;\n"
        "- at least 200 North Korean soldiers are missing.\n"
        "\n"
        "Separately, 300 North Korean soldiers were killed, HUR said.\n"
    )
    assert [(c.low, c.as_of) for c in claims_of(text)] == [
        (11000, "2025-05-31"),
        (200, "2025-05-31"),
        (300, PUBLISHED.isoformat()),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "HUR reported that as of 01.02.2025, the irrecoverable losses of the North Korean"
            " contingent stood at about 900 people.",
            [("killed", 900, "2025-02-01")],
            id="irrecoverable-losses-as-of-a-dotted-day",
        ),
        pytest.param(
            "The total combat losses of the Russian Federation reached 850,000, including 1,200"
            " over the past day, while 300 North Korean soldiers were killed, HUR said.",
            [("killed", 300, PUBLISHED.isoformat())],
            id="losses-of-the-russian-federation",
        ),
        pytest.param(
            "The North Korean contingent has lost more than 4 thousand people killed and"
            " wounded.\n\nThis was stated by HUR chief Budanov in a TV interview on Sunday.",
            [("casualties", 4000, "2025-03-02")],
            id="this-was-stated-by-on-a-weekday",
        ),
    ],
)
def test_translated_reports(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.as_of) for c in claims(text)] == expected


def test_a_bracketed_related_articles_heading_hides_its_list() -> None:
    text = (
        "About 11,000 North Korean troops are in Russia, the NIS said.\n\n"
        "[RELATED ARTICLES]\n"
        "- Two North Korean POWs ask to come south\n"
        "- Kyiv says 3,000 North Korean troops killed or wounded\n"
    )
    assert [(c.metric, c.low) for c in claims_of(text)] == [("deployed", 11000)]


def test_troops_carried_to_a_port_are_sent_not_training() -> None:
    text = (
        "The NIS said that about 1,500 North Korean soldiers had been carried to Vladivostok"
        " aboard Russian ships, and released images of troops at training grounds."
    )
    assert [(c.metric, c.low) for c in claims_of(text)] == [("deployed", 1500)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korea has sent some 3,000 soldiers to Russia so far this month, the NIS told"
            " lawmakers on Monday.",
            [(3000, NIS, "2025-03-03")],
            id="so-far-this-month-is-a-running-total",
        ),
        pytest.param(
            "At a briefing on Tuesday, the NIS said 4,000 North Korean soldiers had been killed"
            " or wounded. The same briefing put the total sent at roughly 14,000 troops.",
            [(4000, NIS, "2025-03-04"), (14000, NIS, "2025-03-04")],
            id="the-same-briefing",
        ),
        pytest.param(
            "On Saturday, the NIS published a report on the deployment.\n\nThe NIS admitted"
            " 9 North Korean soldiers had died.",
            [(9, NIS, "2025-03-01")],
            id="a-leading-weekday-dates-the-speaker",
        ),
    ],
)
def test_statement_days(text: str, expected: list[tuple]) -> None:
    assert [(c.low, c.source, c.as_of) for c in claims_of(text)] == expected


def test_our_sources_are_the_outlets() -> None:
    text = "According to our sources in Kursk, at least 300 North Korean sappers remain there."
    found = claims_of(text, "Front Watch")
    assert [(c.low, c.source, c.via, c.as_of) for c in found] == [
        (300, "Front Watch", None, PUBLISHED.isoformat())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The head of Ukraine's military intelligence, Kyrylo Budanov, who spoke to a US"
            " outlet, went further, alleging that as many as 11,000 North Korean troops are"
            " training in Russia.",
            [(11000, HUR)],
            id="alleging-after-an-appositive",
        ),
        pytest.param(
            "The NIS's current estimate puts the North Korean force at about 11,000, most of them"
            " from elite units.",
            [(11000, NIS)],
            id="puts-the-force-at",
        ),
        pytest.param(
            "A blogger's claim that fewer than 50 North Koreans had died was deleted within a"
            " day. About 11,000 North Korean troops are in Russia, the NIS said.",
            [(11000, NIS)],
            id="a-deleted-claim",
        ),
    ],
)
def test_participles_forces_and_deleted_claims(text: str, expected: list[tuple]) -> None:
    assert [(c.low or c.high, c.source) for c in claims(text)] == expected


def test_a_figure_announced_on_a_day_by_a_source_holds_on_that_day() -> None:
    text = (
        "A third contingent was announced on June 17 by the NIS after a closed session. North"
        " Korea will send 6,000 more North Korean troops, the NIS said."
    )
    assert [(c.low, c.source, c.as_of) for c in claims_of(text)] == [(6000, NIS, "2024-06-17")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Around 1,000 more North Korean soldiers were put aboard trains and sent to Russia.",
            [("deployed", 1000, 1000)],
            id="aboard-trains-is-no-training",
        ),
        pytest.param(
            "Russia trains 1,000 North Korean soldiers a month.",
            [("in_training", 1000, 1000)],
            id="trains-the-verb-still-is",
        ),
        pytest.param(
            "The NIS puts the North Korean dead at around 2,000; Ukraine's military"
            " intelligence reckons close to 4,000.",
            [("killed", 2000, 2000), ("killed", 4000, 4000)],
            id="the-same-count-after-a-semicolon",
        ),
    ],
)
def test_vehicles_and_parallel_counts(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_lawmaker_after_an_agency_briefing_relays_it() -> None:
    text = (
        "The NIS briefed lawmakers on Monday. About 300 North Korean soldiers have been killed,"
        " according to Rep. Yu, who sat in on the session."
    )
    assert [(c.low, c.source, c.via, c.as_of) for c in claims(text)] == [
        (300, NIS, "Yu Yong-weon", "2025-03-03")
    ]


def test_a_far_training_word_does_not_make_troops_trainees() -> None:
    text = (
        "The NIS estimates that around 11,000 North Korean soldiers are in Russia, most of"
        " them drawn from the elite Storm Corps, a special operations unit trained for raids."
    )
    assert metrics_of(text) == [("deployed", 11000, 11000)]


def test_a_newsletter_item() -> None:
    text = (
        "Seoul put numbers on it on Tuesday. The NIS told lawmakers that some 15,000 North"
        " Korean soldiers have been sent. About 4,700 of them have been killed or wounded, it"
        " said, roughly 600 of them fatally.\n\n"
        "HUR said that as of March 3, about 4,000 North Koreans had been killed or wounded. A"
        " Ukrainian military source told us that as many as 300 North Korean soldiers remain"
        " unaccounted for.\n\n"
        "BY THE NUMBERS\n"
        "15,000: North Korean troops sent to Russia, per the NIS\n"
        "26: people killed in a bombing elsewhere\n"
    )
    assert [(c.metric, c.low or c.high, c.source, c.as_of) for c in claims(text)] == [
        ("deployed", 15000, NIS, "2025-03-04"),
        ("casualties", 4700, NIS, "2025-03-04"),
        ("killed", 600, NIS, "2025-03-04"),
        ("casualties", 4000, HUR, "2025-03-03"),
        ("missing", 300, "a Ukrainian military source", PUBLISHED.isoformat()),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Of the North Korean troops, the NIS estimates about eleven thousand are in Russia.",
            [("deployed", 11000, NIS)],
            id="a-large-worded-figure-without-a-noun",
        ),
        pytest.param(
            "Budanov said around 1,000 of the wounded North Korean soldiers had already gone"
            " back into combat.",
            [("returned_to_duty", 1000, HUR)],
            id="gone-back-into-combat",
        ),
        pytest.param(
            "The NIS's figure from January was lower - roughly three hundred North Korean dead.",
            [("killed", 300, NIS)],
            id="a-source's-figure-singular",
        ),
        pytest.param(
            "HUR said 11,000 North Korean troops were in Russia. In December, Zelensky was"
            " already saying more than 3,000 North Koreans had been killed or wounded.",
            [("deployed", 11000, HUR), ("casualties", 3000, "Zelensky")],
            id="was-already-saying",
        ),
        pytest.param(
            "Commanders said they were losing about one of their own for every ten North"
            " Koreans. HUR said 300 North Korean soldiers were killed.",
            [("killed", 300, HUR)],
            id="for-every-ten-is-a-ratio",
        ),
    ],
)
def test_a_radio_transcript(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.source) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A fundraiser raised $12,400 for medical kits. About 11,000 North Korean troops are"
            " in Russia, the NIS said.",
            [("deployed", 11000, NIS)],
            id="no-figure-inside-a-sum-of-money",
        ),
        pytest.param(
            "According to the Russian Defense Ministry, the Ukrainian Armed Forces have lost over"
            " 25-thousand servicemen. HUR said 300 North Korean soldiers were killed.",
            [("killed", 300, HUR)],
            id="the-ukrainian-armed-forces-are-another-force",
        ),
        pytest.param(
            "North Korean engineers came home. Nine of the regiment's soldiers died during the"
            " mission, the NIS said.",
            [("killed", 9, NIS)],
            id="of-the-regiment's-soldiers",
        ),
        pytest.param(
            "Correction: an earlier version misstated the NIS estimate of North Korean deaths as"
            " 20,000; the NIS estimated about 2,000 North Korean soldiers had been killed.",
            [("killed", 2000, NIS)],
            id="a-correction-debunks-only-the-misstated-figure",
        ),
    ],
)
def test_money_other_armies_and_corrections(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.source) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The NIS announced on the 17th that North Korea will send 1,000 North Korean deminers.",
            dt.date(2025, 6, 18),
            [(1000, NIS, "2025-06-17")],
            id="on-the-17th-of-this-month",
        ),
        pytest.param(
            "The NIS said on the 28th that 1,000 North Korean deminers had been sent.",
            dt.date(2025, 7, 3),
            [(1000, NIS, "2025-06-28")],
            id="on-the-28th-read-on-the-3rd-is-last-month's",
        ),
        pytest.param(
            "On the 2nd day of fighting, 300 North Korean soldiers were killed, the NIS said.",
            dt.date(2025, 6, 18),
            [(300, NIS, "2025-06-18")],
            id="the-2nd-day-is-no-date",
        ),
        pytest.param(
            "Zelensky, in his nightly video address Monday, said some 11,000 North Korean"
            " soldiers were now in the region.",
            dt.date(2025, 6, 18),
            [(11000, ZELENSKYY, "2025-06-16")],
            id="an-aside-on-where-he-spoke",
        ),
    ],
)
def test_days_of_the_month_and_asides(text: str, published: dt.date, expected: list[tuple]) -> None:
    found = extract(text, published=published, sources=REGISTRY)
    assert [(c.low, c.source, c.as_of) for c in found] == expected


def test_a_country_speaking_is_a_vague_source_of_its_own() -> None:
    text = (
        "The NIS said 11,000 North Korean troops were in Russia.\n\n"
        "Kyiv says it has captured two North Korean soldiers in the Kursk region."
    )
    assert [(c.low, c.source) for c in claims(text)] == [(11000, NIS), (2, "Kyiv")]


def test_footnote_marks_end_sentences_and_a_speaker_keeps_his_day() -> None:
    text = (
        "Rep. Yu stated on September 4 that the NIS assessed around 2,000 North Korean"
        " soldiers had been killed.[3] Rep. Yu stated that the NIS assessed roughly 11,000"
        " North Korean troops are in Kursk.[4] ISW previously observed reports that 12,000"
        " North Korean troops had been sent.[5]"
    )
    found = claims(text)
    assert [(c.low, c.source, c.as_of) for c in found[:2]] == [
        (2000, NIS, "2024-09-04"),
        (11000, NIS, "2024-09-04"),
    ]
    # "ISW previously observed reports": no speaker named "ISW previously observed"
    assert [(c.low, c.source) for c in found[2:]] == [(12000, NIS)]
    assert found[1].quote.startswith("Rep. Yu stated that")
