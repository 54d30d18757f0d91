"""Behaviours added after scoring the engine on the 37th and 38th held-out batches
(r456-r479), written together by writers who had not seen the engine.

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import dated, metrics_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The NIS said some 1,200 North Korean soldiers had healed and been sent back to"
            " frontline duty.",
            [("returned_to_duty", 1200, 1200)],
            id="sent-back-to-front-line-duty",
        ),
        pytest.param(
            "The NIS said 2,400 North Korean troops had been killed. The rouble, meanwhile, has"
            " fallen past 105 to the dollar.",
            [("killed", 2400, 2400)],
            id="an-exchange-rate-is-not-a-count",
        ),
        pytest.param(
            "A NATO diplomat said North Korea might, in principle, send up to 60,000 soldiers"
            " a year.",
            [],
            id="a-modal-with-an-aside-is-speculation",
        ),
        pytest.param(
            "The captain said his unit repelled a North Korean assault at dawn. Our own losses"
            " that morning were three wounded.",
            [],
            id="the-speakers-own-losses",
        ),
        pytest.param(
            "North Korean troops adapt fast. I commanded some 3,000 soldiers in Basra, and it"
            " took us a year.",
            [],
            id="the-writers-own-command",
        ),
    ],
)
def test_figures_from_the_37th_and_38th_batches(text: str, expected: list[tuple]) -> None:
    assert metrics_of(text) == expected


def test_a_timelines_year_headings_date_its_rows() -> None:
    """Published 2025-03-05: without the headings, "November 2" and "December 20" would be
    the latest before publication, which are in 2024 anyway, but "March 1" under "2024"
    would be read as March 2025."""
    text = (
        "Timeline of the deployment\n\n"
        "2024\n\n"
        "March 1 - HUR says 200 North Korean soldiers are already in Russia.\n\n"
        "November 2 - The NIS says 10,000 North Korean troops are in Russia.\n\n"
        "2025\n\n"
        "January 14 - The NIS says 300 North Korean soldiers have been killed.\n"
    )
    assert dated(text) == [(200, "2024-03-01"), (10000, "2024-11-02"), (300, "2025-01-14")]


def test_a_new_total_holds_when_reported_not_in_the_months_added() -> None:
    text = (
        "The NIS told lawmakers on Tuesday that North Korea had rotated about 2,000 fresh"
        " soldiers into Russia's Kursk region in January and February, bringing the total it"
        " has sent since 2024 to roughly 16,000."
    )
    # published 2025-03-05, a Wednesday: the total holds on Tuesday, March 4
    assert dated(text) == [(2000, "2025-01"), (16000, "2025-03-04")]
