"""Behaviours added after scoring the engine on the third held-out batch (r48-r59).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import HUR, JCS, NIS, STAFF, claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "North Korean units have taken upward of 2,500 casualties, the NIS said.",
            [("casualties", 2500, None)],
            id="upward-of-is-at-least",
        ),
        pytest.param(
            "The North Korean soldiers were spread across a grouping of about 45,000 troops.",
            [("combined_force", 45000, 45000)],
            id="a-grouping-named-before-the-figure-is-the-joint-force",
        ),
        pytest.param(
            "Ukraine's military intelligence says the North Koreans joined a combined grouping of"
            " Russian and North Korean troops numbering up to 45,000.",
            [("combined_force", None, 45000)],
            id="a-combined-grouping-numbering-is-the-joint-force",
        ),
        pytest.param(
            "The North Korean contingent still numbers about 10,500 despite its losses.",
            [("deployed", 10500, 10500)],
            id="numbers-and-despite",
        ),
        pytest.param(
            "North Korea has sent 4,000 military construction workers to Kursk.",
            [("deployed", 4000, 4000)],
            id="construction-workers-are-counted",
        ),
        pytest.param(
            "North Korea sent its troops in waves.\n\nThe second wave of roughly 3,000 soldiers,"
            " sent in January, was used to push Ukrainian troops back.",
            [("deployed", 3000, 3000)],
            id="another-force-far-after-the-figure-is-not-its-subject",
        ),
        pytest.param(
            "North Korean troops trained in the Far East.\n\nBy Nov. 4, roughly 7,000 of them had"
            " been moved to the border region.",
            [("deployed", 7000, 7000)],
            id="moved-is-deployed",
        ),
    ],
)
def test_figure_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.metric, c.low, c.high) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS told lawmakers on Thursday that North Korea had sent more troops.\n\n"
            "About 400 North Korean soldiers had been killed, the agency said.",
            [(400, "2025-02-27")],
            id="a-source-that-spoke-on-a-weekday-dates-its-undated-figures",
        ),
        pytest.param(
            "Budanov made the statement on Friday in a television interview.\n\n"
            "He said 1,100 North Korean soldiers had died.\n\n"
            "Yusov said on Tuesday that Ukraine expected more North Korean assaults.",
            [(1100, "2025-02-28")],
            id="each-speaker-keeps-his-own-day",
        ),
        pytest.param(
            "The NIS said on Monday that North Korea had sent more soldiers.\n\n"
            "The NIS said on Tuesday that its count would be revised.\n\n"
            "About 500 North Korean soldiers have been killed, the NIS said.",
            [(500, "2025-03-05")],
            id="a-source-that-spoke-on-two-days-leaves-the-publication-date",
        ),
        pytest.param(
            "According to the NIS, as of February 20, about 300 North Korean soldiers had died."
            "\n\nThe NIS also said 2,700 had been wounded.",
            [(300, "2025-02-20"), (2700, "2025-03-05")],
            id="as-of-is-no-statement-day",
        ),
        pytest.param(
            "Live: North Korean troops in Russia\n\n"
            "Monday 3 March, 14:10 GMT\n\n"
            "Zelensky says 12,000 North Korean troops are now in Kursk.\n\n"
            "Wednesday 5 March, 09:00 GMT\n\n"
            "The NIS says 300 North Korean soldiers have died.",
            [(12000, "2025-03-03"), (300, "2025-03-05")],
            id="live-blog-entries-are-dated-by-their-headings",
        ),
        pytest.param(
            "North Korean soldiers joined a joint force of some 40,000 troops that Moscow gathered"
            " to retake the land Ukraine captured in August.",
            [(40000, "2025-03-05")],
            id="a-date-far-inside-a-relative-clause-dates-something-else",
        ),
    ],
)
def test_date_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.low, c.as_of) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "South Korea's Joint Chiefs of Staff (JCS) stated on Monday that North Korea had sent"
            " about 3,000 more troops.",
            [(JCS, None)],
            id="a-speaker-after-a-parenthesis",
        ),
        pytest.param(
            "The NIS briefed lawmakers on the war.\n\n"
            "About 600 North Korean soldiers have died, Rep. Yu said, citing the agency.",
            [(NIS, "Yu Yong-weon")],
            id="citing-the-agency-with-its-full-stop",
        ),
        pytest.param(
            "KYIV, March 4 (Reuters) - Ukraine's border guard service said 30 North Korean"
            " soldiers had been killed.",
            [("Ukraine's border guard service", None)],
            id="a-dateline-is-cut-at-its-dash",
        ),
        pytest.param(
            "Ukraine's General Staff reported heavy fighting.\n\n"
            "North Korean units have lost about 900 men killed or wounded, the General Staff said.",
            [(STAFF, None)],
            id="a-short-name-is-the-known-source-before-that-holds-it",
        ),
        pytest.param(
            "Ukraine's General Staff did not confirm the figure but said 150 North Korean soldiers"
            " had been captured.",
            [(STAFF, None)],
            id="the-subject-before-but-is-the-name-opening-the-clause",
        ),
        pytest.param(
            "The NIS, for its part, told lawmakers that 250 North Korean soldiers had died.",
            [(NIS, None)],
            id="an-aside-is-no-subject",
        ),
        pytest.param(
            "Rep. Kim Min-ho, the committee's other secretary, said 700 North Korean soldiers had"
            " died.",
            [("Kim Min-ho", None)],
            id="a-lower-case-description-stands-for-the-name-before-it",
        ),
        pytest.param(
            "By February, Zelensky was putting North Korean losses at 4,000.",
            [("Zelensky", None)],
            id="a-progressive-speaker-verb",
        ),
        pytest.param(
            "Rep. Yu, who relayed the NIS's assessment to reporters, said 11,000 North Korean"
            " troops remained in Kursk.",
            [(NIS, "Yu Yong-weon")],
            id="relayed-names-the-origin",
        ),
        pytest.param(
            "The NIS briefed lawmakers.\n\n"
            "Rep. Yu said the agency estimates that 12,000 North Korean troops are in Russia.",
            [(NIS, "Yu Yong-weon")],
            id="said-the-agency-estimates-relays-the-agency",
        ),
        pytest.param(
            "Ukraine's military intelligence alleged that 2,000 North Korean soldiers were moving"
            " to Kursk.",
            [(HUR, None)],
            id="alleged-is-a-speaker-verb",
        ),
        pytest.param(
            "The NIS gave a death toll of about 350 North Korean soldiers.",
            [(NIS, None)],
            id="gave-is-a-speaker-verb",
        ),
    ],
)
def test_attribution_rules(text: str, expected: list[tuple]) -> None:
    assert [(c.source, c.via) for c in claims(text)] == expected
