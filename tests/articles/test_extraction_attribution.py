"""Who a figure is attributed to: source, intermediary, carried attribution, relays."""

import datetime as dt

import pytest

from articles.extraction import KnownSource, SourceIndex, extract

HUR = "Defence Intelligence of Ukraine (HUR)"
NIS = "National Intelligence Service (NIS)"
SOURCES = SourceIndex(
    [
        KnownSource(
            HUR,
            ("Ukraine's military intelligence", "Ukrainian intelligence", "HUR"),
            kind="intelligence",
        ),
        KnownSource("Kyrylo Budanov", ("Budanov",), parent=HUR, kind="intelligence"),
        KnownSource(
            NIS,
            ("NIS", "National Intelligence Service", "South Korea's spy agency"),
            kind="intelligence",
        ),
        KnownSource("Yu Yong-weon", ("Rep. Yu",), kind="lawmaker"),
        KnownSource("JoongAng Ilbo", ("JoongAng",), kind="media"),
    ]
)


def attributed(text: str, sources=SOURCES) -> list[tuple]:
    return [
        (c.source, c.via) for c in extract(text, published=dt.date(2025, 3, 5), sources=sources)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to the NIS, about 11,000 North Korean troops are in Russia.",
            [(NIS, None)],
            id="according-to",
        ),
        pytest.param(
            "South Korea's spy agency said 11,000 North Korean troops were in Russia.",
            [(NIS, None)],
            id="alias-said",
        ),
        pytest.param(
            "The JoongAng newspaper, citing unnamed sources, reported that 3,000 more "
            "North Korean troops were sent.",
            [("JoongAng Ilbo", None)],
            id="vague-origin-leaves-speaker",
        ),
        pytest.param(
            "Budanov said about 4,000 North Korean soldiers had been killed or wounded.",
            [(HUR, None)],
            id="person-stands-for-organisation",
        ),
        pytest.param(
            "Rep. Yu, citing Ukraine's military intelligence, said 400 North Korean soldiers "
            "had been killed.",
            [(HUR, "Yu Yong-weon")],
            id="lawmaker-relays-agency",
        ),
        pytest.param(
            "Citing a briefing by Budanov, Rep. Yu said 400 North Korean soldiers had been killed.",
            [(HUR, "Yu Yong-weon")],
            id="lawmaker-relays-person-of-agency",
        ),
        pytest.param(
            "The NIS's figures show 600 North Korean soldiers have died.",
            [(NIS, None)],
            id="possessive-figures",
        ),
    ],
)
def test_attribution(text, expected):
    assert attributed(text) == expected


def test_attribution_carries_to_the_next_sentence():
    text = "The NIS said 300 North Korean soldiers had been killed. Another 2,700 were wounded."
    assert attributed(text) == [(NIS, None), (NIS, None)]


def test_relay_learned_in_one_sentence_applies_to_the_speaker_later():
    text = (
        "Rep. Yu cited a briefing by Ukraine's military intelligence. "
        "Yu said 3,600 North Korean soldiers had been wounded."
    )
    assert attributed(text) == [(HUR, "Yu Yong-weon")]


def test_unknown_source_is_reported_as_written():
    text = "Estonian intelligence chief Kaupo Rosin said 12,000 North Korean troops were in Russia."
    assert attributed(text, sources=()) == [("Kaupo Rosin", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The UK's Ministry of Defence said at least 6,000 North Korean soldiers had been "
            "killed or wounded.",
            [("UK Ministry of Defence", None)],
            id="abbreviated-country-possessive",
        ),
        pytest.param(
            "The report added that Pyongyang had decided to send 12,000 North Korean troops.",
            [(None, None)],
            id="clause-after-inverted-verb",
        ),
        pytest.param(
            "Officials said North Korean units made up much of the Russian force; about 3,000 "
            "North Korean soldiers were killed.",
            [("Officials", None)],
            id="clause-is-no-speaker",
        ),
    ],
)
def test_a_clause_is_not_reported_as_a_source(text, expected):
    assert attributed(text, sources=()) == expected


def test_headline_and_body_with_the_same_figure_are_one_claim():
    text = (
        "North Korea has 12,000 troops in Russia, NIS says\n\n"
        "The NIS said 12,000 North Korean troops were in Russia."
    )
    claims = extract(text, published=dt.date(2025, 3, 5), sources=SOURCES)
    assert [(c.metric, c.low, c.source) for c in claims] == [("deployed", 12000, NIS)]
    assert claims[0].start > text.index("\n")


def test_quote_is_the_exact_text_at_the_offsets():
    text = (
        "Seoul\u2019s spy agency said \u201cabout 11,000\u201d North Korean troops were in Russia."
    )
    for claim in extract(text, published=dt.date(2025, 3, 5), sources=SOURCES):
        assert text[claim.start : claim.end] == claim.quote
        assert "11,000" in claim.quote


def test_known_source_index_is_cached_for_equal_source_tuples():
    from articles.extraction import source_index

    sources = (KnownSource("X agency", ("X",)),)
    assert source_index(sources) is source_index(tuple(sources))
