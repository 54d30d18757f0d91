"""Behaviours added after scoring the engine on the seventh held-out batch (r96-r107).

Each row is a general cause found there, written as a new sentence of the project's own.
"""

import pytest

from tests.articles.heldout_cases import NIS, claims


def attributed(text: str) -> list[tuple]:
    return [(c.low, c.source, c.via) for c in claims(text)]


def dated(text: str) -> list[tuple]:
    return [(c.low, c.as_of) for c in claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "About 200 North Korean soldiers have died, a South Korean lawmaker said on"
            " Monday, citing the country's spy agency.",
            [(200, NIS, None)],
            id="the-country's-agency-is-the-country-named-before",
        ),
        pytest.param(
            "Yu said after the session that the NIS believed 900 North Korean soldiers had"
            " been wounded.",
            [(900, NIS, "Yu Yong-weon")],
            id="an-agency-that-believes-is-the-origin",
        ),
        pytest.param(
            "The number of North Korean troops believed to have been sent to Russia, 12,000,"
            " is far below the claim.",
            [(12000, None, None)],
            id="believed-to-is-no-speaker",
        ),
    ],
)
def test_attribution_rules(text: str, expected: list[tuple]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Some 400 North Korean soldiers have been killed since their units were sent into"
            " the fighting against Ukraine's forces in Kursk in February, the NIS said on"
            " Monday.",
            [(400, "2025-03-03")],
            id="a-month-inside-a-long-since-clause-starts-the-count",
        ),
    ],
)
def test_date_rules(text: str, expected: list[tuple]) -> None:
    assert dated(text) == expected
