"""Behaviours added after scoring the engine on the fifteenth and sixteenth held-out
batches (r192-r215), written together by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, NIS, attributed, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Pentagon said nine to ten thousand North Korean troops were sent.",
            [("deployed", 9000, 10000)],
            id="a-worded-range-shares-its-scale",
        ),
        pytest.param(
            "The NIS said roughly two thousand more North Korean soldiers were killed.\n\n"
            'Related episodes: Ep. 64 "Prisoners of Kursk"',
            [("killed", 2000, 2000)],
            id="an-episode-number-is-a-label",
        ),
        pytest.param(
            "The NIS said 11,000 North Korean troops were sent. For the 28,500 US troops in"
            " Korea and the roughly 450,000-strong ROK military, it is a warning.",
            [("deployed", 11000, 11000)],
            id="another-countrys-strong-military",
        ),
        pytest.param(
            "North Korea in numbers\n\n12,000 - North Korean troops sent to Russia\n\n"
            "28,500 - US troops stationed in South Korea",
            [("deployed", 12000, 12000)],
            id="a-box-row-after-a-dash",
        ),
        pytest.param(
            "The NIS says 2,100 North Korean soldiers have died. (A figure of 90,000 dead that"
            " spread on Telegram can be safely ignored.)",
            [("killed", 2100, 2100)],
            id="a-figure-to-be-ignored",
        ),
        pytest.param(
            "The NIS says 12,000 North Korean troops went. Were Mr Kim to send another 25,000"
            " soldiers, the case for sanctions would be overwhelming.",
            [("deployed", 12000, 12000)],
            id="were-he-to-send",
        ),
        pytest.param(
            "Kyiv counts 4,100 North Korean losses so far, of which upwards of 1,200 are"
            " irretrievable. Another 600 are irrecoverable, its officers say.",
            [("casualties", 4100, 4100), ("killed", 1200, None), ("killed", 600, 600)],
            id="irretrievable-losses-are-the-dead",
        ),
        pytest.param(
            "Kyiv said 2,500 North Korean recruits were still drilling near Vladivostok.",
            [("in_training", 2500, 2500)],
            id="drilling-is-training",
        ),
        pytest.param(
            "The NIS said 11,000 North Korean troops went. I would not be surprised if another"
            " 8,000 North Korean soldiers were sent in the spring.",
            [("deployed", 11000, 11000)],
            id="if-more-were-sent",
        ),
    ],
)
def test_what_figures_count(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "South Korea's spies reckon some 14,000 North Korean troops have been sent.",
            [(14000, NIS, None)],
            id="a-countrys-spies",
        ),
        pytest.param(
            "OLEKSANDR PETRENKO (Ukraine) said that, according to Ukraine's military"
            " intelligence, more than 14,000 North Korean soldiers have been deployed.",
            [(14000, HUR, "Oleksandr Petrenko")],
            id="said-that-according-to-is-relayed",
        ),
        pytest.param(
            "The representative of Canada, ANNE DUBOIS, said her Government assessed that"
            " roughly 9,000 North Korean troops remain in Russia.",
            [(9000, "Anne Dubois", None)],
            id="a-name-in-capitals",
        ),
        pytest.param(
            "PETER MWANGI (United Kingdom) said his Government's assessment is that around 250"
            " North Korean soldiers are listed as missing.",
            [(250, "Peter Mwangi", None)],
            id="a-delegate-and-country",
        ),
        pytest.param(
            "PARK JI-HOON (Republic of Korea), citing his country's National Intelligence"
            " Service, said about 2,300 North Korean soldiers had been killed.",
            [(2300, NIS, "Park Ji-hoon")],
            id="a-delegate-citing-an-agency",
        ),
        pytest.param(
            "Grant Shapps, the Defence Secretary, said some 1,800 North Korean soldiers had"
            " been killed. In March, the Prime Minister said 9,500 remained in Russia.",
            [(1800, "Grant Shapps", None), (9500, "Prime Minister", None)],
            id="a-capitalised-title-after-a-name",
        ),
    ],
)
def test_who_gave_the_figure(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A senior U.S. official said about 40,000 Russian and North Korean troops had"
            " massed near Kursk.",
            [(40000, "senior U.S. official", None)],
            id="a-senior-official-keeps-senior",
        ),
        pytest.param(
            "When Russia's Sergei Shoigu visited Pyongyang in June, he said 1,200 North"
            " Korean deminers would go to Kursk.",
            [(1200, "Sergei Shoigu", None)],
            id="he-after-a-countrys-man",
        ),
        pytest.param(
            "DELCOURT: My own view is that the North Korean death toll is higher than the NIS's"
            " figure, perhaps 2,600 to 3,100.\n\nHOST: Thank you.",
            [(2600, "Delcourt", None)],
            id="a-figure-compared-with-is-not-the-source",
        ),
    ],
)
def test_speakers_in_transcripts_and_asides(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


def test_an_interviews_answers_are_the_interviewees() -> None:
    text = (
        "Han Seung-woo, a former NIS analyst, spoke to us in Seoul. Below are excerpts.\n\n"
        "Q. The NIS said last year that 11,000 North Korean troops went. Is that right?\n\n"
        "A. Roughly. By my count about 4,000 North Korean soldiers have been killed since.\n\n"
        "Q. Will more go?\n\nA. Yes. Han expects the rotations to go on."
    )
    assert attributed(text) == [(11000, NIS, None), (4000, "Han Seung-woo", None)]
