"""Behaviours added after scoring the engine on the 27th and 28th held-out batches
(r336-r359), written together by two writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import datetime as dt

import pytest

from articles.extraction import extract
from tests.articles.heldout_cases import NIS, SOURCES, claims, dated, metrics_of


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
