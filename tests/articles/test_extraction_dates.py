"""The date each figure holds for, resolved against the publication date."""

import datetime as dt

import pytest

from articles.extraction import extract

# A Wednesday.
PUBLISHED = dt.date(2025, 3, 5)


def dated(text: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    return [(c.as_of, c.as_of_precision, c.period_end) for c in extract(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "As of Feb. 26, about 400 North Korean soldiers had been killed.",
            [("2025-02-26", "day", None)],
            id="as-of-day",
        ),
        pytest.param(
            "In January, the NIS said 300 North Korean soldiers had been killed.",
            [("2025-01", "month", None)],
            id="month-without-year-is-latest-before-publication",
        ),
        pytest.param(
            "North Korea sent 11,000 soldiers to Russia in October last year.",
            [("2024-10", "month", None)],
            id="month-last-year",
        ),
        pytest.param(
            "North Korea sent 11,000 soldiers to Russia in October 2023.",
            [("2023-10", "month", None)],
            id="wrong-year-kept-as-written",
        ),
        pytest.param(
            "A further 1,500 North Korean troops were sent between January and February.",
            [("2025-01", "month", "2025-02")],
            id="month-period",
        ),
        pytest.param(
            "Seoul said last week that 3,000 North Korean troops had reached Kursk.",
            [("2025-02-26", "day", None)],
            id="last-week",
        ),
        pytest.param(
            "The NIS said on Monday that 12,000 North Korean troops were in Russia.",
            [("2025-03-03", "day", None)],
            id="weekday-before-publication",
        ),
        pytest.param(
            "The NIS said 12,000 North Korean troops were in Russia.",
            [("2025-03-05", "day", None)],
            id="no-date-holds-at-publication",
        ),
        pytest.param(
            "Zelensky said 4,000 North Korean soldiers were killed or wounded in 2024.",
            [("2024", "year", None)],
            id="year-precision",
        ),
    ],
)
def test_figure_date(text, expected):
    assert dated(text) == expected


def test_no_date_and_no_publication_gives_unknown_date():
    assert dated("The NIS said 12,000 North Korean troops were in Russia.", published=None) == [
        (None, None, None)
    ]


def test_as_of_carries_to_the_next_sentence_of_its_paragraph():
    text = (
        "As of Feb. 26, about 3,600 North Korean soldiers had been wounded. "
        "Of those, about 300 returned to the front."
    )
    assert [c.as_of for c in extract(text, published=PUBLISHED)] == ["2025-02-26", "2025-02-26"]
