"""Which figures become claims, and with what metric, values and qualifier.

Sentences are the project's own; each row is one behaviour.
"""

import datetime as dt

import pytest

from articles.extraction import extract

PUBLISHED = dt.date(2025, 3, 5)


def figures(text: str) -> list[tuple]:
    return [
        (c.metric, c.low, c.best, c.high, c.qualifier) for c in extract(text, published=PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Seoul says North Korea has dispatched 1,500 soldiers to Russia.",
            [("deployed", 1500, 1500, 1500, "exact")],
            id="comma-thousands-deployed",
        ),
        pytest.param(
            "North Korea has sent 12 000 troops to Russia, the agency said.",
            [("deployed", 12000, 12000, 12000, "exact")],
            id="space-thousands",
        ),
        pytest.param(
            "Pyongyang sent 3000 North Korean soldiers to the front.",
            [("deployed", 3000, 3000, 3000, "exact")],
            id="plain-digits",
        ),
        pytest.param(
            "Russia said North Korea would send six-thousand military builders to Kursk.",
            [("deployed", 6000, 6000, 6000, "exact")],
            id="hyphenated-number-words",
        ),
        pytest.param(
            "The agency said 25-thousand North Korean troops were stationed in Kursk.",
            [("deployed", 25000, 25000, 25000, "exact")],
            id="digits-hyphen-thousand",
        ),
        pytest.param(
            "About 1.5 thousand North Korean soldiers returned to the front after treatment.",
            [("returned_to_duty", 1500, 1500, 1500, "approx")],
            id="decimal-thousand",
        ),
        pytest.param(
            "Officials say between 10,000 and 12,000 North Korean troops were deployed to Russia.",
            [("deployed", 10000, None, 12000, "range")],
            id="between-and-range",
        ),
        pytest.param(
            "An extra 1,000 to 3,000 North Korean soldiers were sent in the spring.",
            [("deployed", 1000, None, 3000, "range")],
            id="to-range",
        ),
        pytest.param(
            "North Korea is thought to have deployed 25,000-30,000 troops to Russia.",
            [("deployed", 25000, None, 30000, "range")],
            id="dash-range",
        ),
        pytest.param(
            "More than 3,500 North Korean soldiers are undergoing training in the Far East.",
            [("in_training", 3500, None, None, "at_least")],
            id="more-than-is-at-least",
        ),
        pytest.param(
            "As many as 1,500 North Korean soldiers may have died in Kursk.",
            [("killed", None, None, 1500, "at_most")],
            id="as-many-as-is-at-most",
        ),
        pytest.param(
            "Nearly 600 North Korean soldiers have been killed, the agency said.",
            [("killed", 600, 600, 600, "approx")],
            id="nearly-is-approx",
        ),
        pytest.param(
            "North Korean units lost 300 soldiers killed and 2,700 wounded in Kursk.",
            [("killed", 300, 300, 300, "exact"), ("wounded", 2700, 2700, 2700, "exact")],
            id="two-figures-one-sentence",
        ),
        pytest.param(
            "Zelensky said 4,000 North Korean soldiers had been killed or wounded.",
            [("casualties", 4000, 4000, 4000, "exact")],
            id="killed-or-wounded-is-casualties",
        ),
        pytest.param(
            "North Korea has suffered about 4,700 casualties in Russia.",
            [("casualties", 4700, 4700, 4700, "approx")],
            id="casualties-noun",
        ),
        pytest.param(
            "Ukrainian forces have taken about 40 North Korean soldiers prisoner in Kursk.",
            [("captured", 40, 40, 40, "approx")],
            id="prisoner-is-captured",
        ),
        pytest.param(
            "Some 200 North Korean soldiers were missing after the battle.",
            [("missing", 200, 200, 200, "approx")],
            id="missing",
        ),
        pytest.param(
            "North Korea has lost 3,600 troops wounded; of those, 300 have returned to duty.",
            [("wounded", 3600, 3600, 3600, "exact"), ("returned_to_duty", 300, 300, 300, "exact")],
            id="of-those-returned",
        ),
        pytest.param(
            "Kyiv estimates a combined force of 63,000 Russian and North Korean soldiers in Kursk.",
            [("combined_force", 63000, 63000, 63000, "exact")],
            id="combined-force",
        ),
        pytest.param(
            "North Korea has sent an additional 3,500 soldiers to Russia for training.",
            [("in_training", 3500, 3500, 3500, "exact")],
            id="sent-for-training-is-in-training",
        ),
        pytest.param(
            "Some 1,500 North Korean soldiers reached Kursk after completing their training.",
            [("deployed", 1500, 1500, 1500, "approx")],
            id="training-completed-is-deployed",
        ),
    ],
)
def test_figure_is_read_as_claim(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "One North Korean soldier is worth three Russian conscripts, a commander said.",
            id="ratio",
        ),
        pytest.param("About ten percent of the North Korean wounded later died.", id="percentage"),
        pytest.param(
            "The North Korean troops trained at five locations in the Far East.",
            id="count-of-places",
        ),
        pytest.param("North Korean units attacked for four days in a row near Kursk.", id="days"),
        pytest.param(
            "North Korea fired 20 missiles during the North Korean drills.", id="missiles"
        ),
        pytest.param(
            "North Korea shipped tens of thousands of containers of shells.", id="vague-containers"
        ),
        pytest.param("A captured North Korean soldier, aged 26, spoke to reporters.", id="age"),
        pytest.param("North Korea signed the treaty with Russia in June 2024.", id="year"),
        pytest.param(
            "Lawmakers visited Kyiv from Feb. 23-26 to meet North Korean prisoners.",
            id="date-range",
        ),
        pytest.param(
            "Russia lost 1,540 soldiers in the past day, Ukraine said of the North Korean front.",
            id="russian-losses",
        ),
        pytest.param(
            "Ukraine has deployed around 20,000 troops against the North Koreans.",
            id="ukrainian-troops",
        ),
        pytest.param(
            "North Korea has sent hundreds of soldiers and thousands of shells.", id="vague-amounts"
        ),
        pytest.param(
            "North Korea could send 25,000 more soldiers, an analyst said.", id="speculation"
        ),
        pytest.param("North Korea has an army of 1.2 million soldiers.", id="whole-army"),
        pytest.param("A North Korean crypto theft reached $1.5 billion, the FBI said.", id="money"),
    ],
)
def test_non_claim_gives_nothing(text):
    assert figures(text) == []
