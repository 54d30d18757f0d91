"""Report texts written for these tests (own words), about one imagined briefing day."""

import datetime as dt

PUBLISHED = dt.date(2025, 3, 5)

# A lawmaker relays a Ukrainian intelligence count.
RELAY = (
    "Seoul, March 5. Rep. Yu Yong-weon, back from a visit to Kyiv, told reporters on "
    "Wednesday that Ukraine's military intelligence now counts roughly 400 "
    "North Korean soldiers killed as of February 26, with about 3,600 wounded. The figures "
    "came from a closed briefing, he said, and could not be checked independently. "
    "Officials in Pyongyang have never acknowledged that their troops are fighting in "
    "Russia, and Moscow has given no numbers of its own."
)

# The same report, picked up by a second outlet that changed its opening and its end.
RELAY_SYNDICATED = (
    "SEOUL — Rep. Yu Yong-weon, back from a visit to Kyiv, told reporters on "
    "Wednesday that Ukraine's military intelligence now counts roughly 400 "
    "North Korean soldiers killed as of February 26, with about 3,600 wounded. The figures "
    "came from a closed briefing, he said, and could not be checked independently. "
    "Officials in Pyongyang have never acknowledged that their troops are fighting in "
    "Russia. This story was shared by a partner agency."
)

# A report quoting a source the tracker does not know yet.
UNKNOWN_SOURCE = (
    "About 900 North Korean soldiers have been killed in the Kursk region so far, "
    "according to the Baltic Conflict Monitor, a volunteer research group. The group did "
    "not say how it arrived at the figure."
)

# Nothing to extract: no figures about the force.
NO_FIGURES = (
    "Diplomats met in Geneva on Monday to discuss humanitarian corridors. No agreement "
    "was announced and the talks will resume next month."
)


_WORDS = tuple(
    [
        "amber",
        "birch",
        "cedar",
        "delta",
        "ember",
        "falcon",
        "granite",
        "harbor",
        "island",
        "juniper",
        "kestrel",
        "lantern",
        "meadow",
        "nectar",
        "orchard",
        "pebble",
        "quarry",
        "raven",
        "saddle",
        "timber",
        "umber",
        "valley",
        "willow",
        "yarrow",
    ]
)


def _phrase(n: int, salt: int) -> str:
    """Words that make each numbered report different text (numbers would be extracted)."""
    words = []
    value = n * 7919 + salt * 104_729
    for _ in range(4):
        value, digit = divmod(value, len(_WORDS))
        words.append(_WORDS[digit])
    return " ".join(words)


def numbered_report(n: int) -> str:
    """A distinct short report with its own killed figure (for many-article runs)."""
    killed = 1000 + 7 * n
    return (
        f"Notes from the {_phrase(n, 1)} desk. Ukraine's military intelligence said on "
        f"Monday that {killed:,} North Korean soldiers had been killed so far. The "
        f"{_phrase(n, 2)} analysts called the count cautious, and the {_phrase(n, 3)} "
        "team expects another update within days."
    )
