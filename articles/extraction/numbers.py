"""Finding the figures in a sentence: digits, number words, ranges and their qualifiers.

Only precise figures are returned: vague amounts ("hundreds", "tens of thousands") never
match because the plural forms are not number words. Money, percentages, years, ordinals,
decimals without a scale word and model numbers (Su-34) are left out here; whether a figure
counts people is decided later from the words around it.
"""

from __future__ import annotations

import bisect
import re

from .patterns import word_trie

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million"

# Digits with thousands separators (comma or space), or plain digits, with an optional
# decimal part; or a run of number words. Either may carry a scale word: 1.5 thousand,
# 25-thousand, six-thousand, two hundred and fifty.
_NUMBER = re.compile(
    rf"""(?<!\d:)(?<!\d/)(?:(?<![\w.$€£/#\[])|(?<=(?<![\w.])[cC]\.))(?<![A-Za-z]-)(?<!\d,)
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:\ \d{{3}})+(?![\d,])|\d+(?:\.\d+)?)
      | (?P<words>(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}|{_SCALE})\b)*
                  |a(?=\s+(?:hundred|thousand)\b))  # "about a thousand"
    )
    (?P<half>\s+and\s+a\s+half(?=\s*-?\s*(?:thousand|million)\b))?  # "one and a half thousand"
    (?P<scale>\s*-?\s*(?:{_SCALE}|k)\b)?
    (?![\w%$]|\.\d|:\d\d|/\d|-(?:year|day|week|month|hour|mile|km|kilomet)|\s*(?:%|percent|per\s*cent))
    """,
    re.I | re.X,
)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
# "aged 26", "aged 20 and 26": every number of the list is an age.
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+(?:\d{1,2}\s*(?:,|and|or|to|-)\s*){0,3}$", re.I)
_PERSON_COMMA = re.compile(
    r"\b(?:soldier|man|woman|prisoner|defector|POW|private|sergeant|officer|boy|girl|son"
    r"|[A-Z][a-z]+(?:-[a-z]+)?),\s$"
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_MONEY_AFTER = re.compile(r"\s*(?:-\s*)?(?:billion|bn|trillion)\b", re.I)

# The qualifier patterns are searched over the words before a figure; each opens with a
# lookahead on its phrases' first letters, so most positions fail after one test.
_APPROX = re.compile(
    r"(?=[arncesju~])(?:\b(?:about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|closer\s+to"
    r"|near(?:ing)?|an?\s+estimated"
    r"|estimated|an\s+approximate|circa|c\.|just\s+(?:under|over))|~)\s*$",
    re.I,
)
_AT_LEAST = re.compile(
    # ("no more than" is a ceiling: see `_AT_MOST`)
    r"(?=[moauinewbstp])(?:\b(?:(?<!no\s)(?<!not\s)more\s+than|(?<!no\s)(?<!not\s)over|at\s+least|upwards?\s+of|in\s+excess\s+of|no[t]?\s+(?:fewer|less)\s+than"
    r"|exceeding|well\s+over|above|north\s+of|a\s+minimum\s+of|beyond|(?<!not\s)(?<!never\s)exceed(?:ed|s)?|surpass(?:ed|es)?"
    r"|top(?:ped|s)?|passed)\s*)$",
    re.I,
)
_AT_MOST = re.compile(
    r"(?=[uaflnb])(?:\b(?:up\s+to|as\s+many\s+as|as\s+high\s+as|fewer\s+than|less\s+than|at\s+most|no\s+more\s+than|under"
    r"|below|a\s+maximum\s+of|not\s+more\s+than)\s*)$",
    re.I,
)
# "had not exceeded about 12,000", "never surpassed 10,000": a ceiling, however qualified
_NOT_EXCEEDING = re.compile(
    r"\b(?:not|never)\s+(?:exceed(?:ed|ing|s)?|surpass(?:ed|es|ing)?|top(?:ped)?|gone\s+above)"
    r"(?:\s+(?:about|around|roughly|some|approximately))?\s*$",
    re.I,
)
# Filler allowed between a qualifier and its number: "about an additional 3,000".
_FILLER = re.compile(
    r"(?:(?=[atef])\b(?:an?|the|additional|extra|further|another|total\s+of)\s+)*$", re.I
)
_THE_FILLER = re.compile(r"the\s", re.I)
_PLUS_AFTER = re.compile(r"^(?:\s*\+|-plus\b|\s+or\s+more\b|\s+plus\b)", re.I)
_OR_SO_AFTER = re.compile(r"^\s+or\s+so\b", re.I)  # "1,500 or so": about 1,500
_RANGE_JOIN = re.compile(r"^\s*(?:-|to|and|or)\s*$", re.I)
_BETWEEN = re.compile(
    r"\b(?:between|from)\s+(?:an?\s+estimated\s+|some\s+|about\s+|around\s+)?$", re.I
)


class Figure:
    """A figure as written: its span, value(s) and qualifier.

    A plain class rather than a dataclass: compiled, `numbers.pxd` makes it a C struct
    (which a dataclass cannot be), and nothing compares or prints figures.
    """

    __slots__ = ("best", "end", "high", "low", "qualifier", "start", "value", "worded",
                 "year_like")  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        low: int | None,
        best: int | None,
        high: int | None,
        qualifier: str,
        value: int,  # the figure's own size, for plausibility checks
        worded: bool,  # written in words ("five"), more often not a count of troops
        year_like: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.low = low
        self.best = best
        self.high = high
        self.qualifier = qualifier
        self.value = value
        self.worded = worded
        self.year_like = year_like


def _words_value(words: str) -> int | None:
    total, current = 0, 0
    for token in re.split(r"[\s-]+", words.lower()):
        if token in ("", "and"):
            continue
        if token == "a":  # noqa: S105 - "a thousand" ("a" matches only before a scale word)
            current += 1
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":  # noqa: S105 - a number word, not a password
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
        else:
            return None
    return total + current


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        raw = match.group("digits").replace(",", "").replace(" ", "")
        value: float | None = float(raw)
    else:
        value = _words_value(match.group("words"))
    if value is None:
        return None
    if match.group("half"):
        value += 0.5
    scale = (match.group("scale") or "").strip(" -").lower()
    if scale:
        value *= 1_000 if scale == "k" else _SCALES[scale]
    return value


# The last word of every qualifier and filler phrase: a figure whose preceding word is none
# of these is "exact" without running the (end-anchored, so slow to search) patterns.
_QUALIFIER_LAST = frozenset(
    [
        "near",
        "nearing",
        "about",
        "around",
        "approximately",
        "approx.",
        "roughly",
        "some",
        "nearly",
        "almost",
        "to",
        "estimated",
        "approximate",
        "circa",
        "c.",
        "under",
        "over",
        "of",
        "~",
        "than",
        "least",
        "exceeding",
        "above",
        "beyond",
        "as",
        "most",
        "below",
        "a",
        "an",
        "the",
        "additional",
        "extra",
        "further",
        "another",
        "exceed",
        "exceeds",
        "exceeded",
        "surpass",
        "surpasses",
        "surpassed",
        "top",
        "tops",
        "topped",
        "passed",
    ]
)


def _qualifier(before: str) -> tuple[str, int]:
    """The qualifier written before a figure, and how many characters it takes."""
    # 'total "no fewer than" 8,500': the qualifier quoted
    before = (
        before.rstrip().rstrip("\"'\u201d") + " " if before.endswith(('" ', "\u201d ")) else before
    )
    words = before.split()
    last = words[-1].lower().strip("([\"'-\u201c\u201d") if words else ""
    if last not in _QUALIFIER_LAST and not last.endswith("~"):
        return "exact", 0
    filler = _FILLER.search(before)
    head = before[: filler.start()] if filler else before
    if filler is not None and _THE_FILLER.match(before, filler.start()):
        # "slightly above the 2,000 it gave in September": a comparison with a figure
        # named before, not a floor
        return "exact", 0
    # Each qualifier phrase is at most three words, so a match lies in the last three
    # tokens: searching from there finds the same (leftmost) match.
    parts = head.rsplit(None, 3)
    tail = len(parts[0]) if len(parts) > 3 else 0
    negated = _NOT_EXCEEDING.search(head, max(0, tail - 8))
    if negated is not None:
        return "at_most", len(before) - negated.start()
    for name, pattern in (("approx", _APPROX), ("at_least", _AT_LEAST), ("at_most", _AT_MOST)):
        found = pattern.search(head, tail)
        if found:
            return name, len(before) - found.start()
    return "exact", 0


def _single(norm: str, match: re.Match[str], lower_bound: int) -> Figure | None:
    value = _value(match)
    if value is None or value != int(value) or value <= 0:
        return None  # 52.8, 1.55 thousand... not a head count
    mstart, mend = match.start(), match.end()
    after = norm[mend : mend + 12]
    if _ORDINAL_AFTER.match(after) or _MONEY_AFTER.match(after):
        return None
    if value == 1 and _OF_AFTER.match(after):
        return None  # "one of the captured men": an individual, not a count
    if after[:1] == "]":
        return None  # a footnote mark: "[2]"
    if (
        value < 100
        and after[:1] == ","
        and _PERSON_COMMA.search(norm, max(lower_bound, mstart - 30), mstart)
    ):
        return None  # "The second soldier, 20, was wounded": his age
    if _AGE_BEFORE.search(norm[max(lower_bound, mstart - 12) : mstart]):
        return None  # "aged 26"
    digits = match.group("digits") or ""
    year_like = (
        len(digits) == 4
        and digits.isdigit()
        and digits[:2] in ("19", "20")
        and not match.group("scale")
    )
    before = norm[max(lower_bound, mstart - 40) : mstart]
    qualifier, taken = _qualifier(before)
    if qualifier == "exact" and _PLUS_AFTER.match(norm[mend : mend + 10]):
        qualifier = "at_least"
    elif qualifier == "exact" and _OR_SO_AFTER.match(norm[mend : mend + 10]):
        qualifier = "approx"
    n = int(value)
    low, best, high = _bounds(qualifier, n)
    return Figure(mstart - taken, mend, low, best, high, qualifier, n,
                  bool(match.group("words")), year_like)  # fmt: skip


def _bounds(qualifier: str, n: int) -> tuple[int | None, int | None, int | None]:
    if qualifier == "at_least":
        return n, None, None
    if qualifier == "at_most":
        return None, None, n
    return n, n, n


# The number words as a trie: a trie tries "seven" before "seventeen", unlike `_WORD`, but
# only the start of a hit is used (the full pattern is matched there) and a shorter hit's
# end lies inside the same run of letters, where no later hit can start: same candidates.
_START = re.compile(
    rf"\d+|\b(?=[otfsenhOTFSENH])(?:{word_trie([*_UNITS, *_TENS], fold=True)})"
    r"|\ba(?=\s+(?:hundred|thousand)\b)",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_WORD_SET = frozenset([*_UNITS, *_TENS])
_WORD_LIST = tuple(sorted([*_WORD_SET, "a hundred", "a thousand"]))
# Any number word as a substring: one scan in C instead of one `in` test per word in Python
# (a trie: two comparisons at most positions instead of one per word).
_ANY_WORD = re.compile(word_trie(_WORD_LIST))


def has_number_word(lower: str) -> bool:
    """Whether a lower-case text holds a number word anywhere (even inside a word)."""
    return _ANY_WORD.search(lower) is not None


# The word right before a number that makes it a label: "Episode 214", "Ep. 198", "Article
# 4", "Views 1,482", "Day 1,055". A set looked up with the word, not a pattern scanned.
_LABELS = ("episode", "ep.", "issue", "vol.", "volume", "chapter", "season", "article", "section",
           "resolution", "resolutions", "flight", "page", "ep", "episode", "chart", "table", "map",
           "graphic",
           "graph", "exhibit")  # fmt: skip
_YEAR_AFTER = re.compile(r" \((?:19|20)\d\d\)")
_LABEL_WORDS = frozenset(
    [*_LABELS, *(w.capitalize() for w in _LABELS), *(w.upper() for w in _LABELS), "No.", "Views",
     "Hits", "Comments", "Likes",
     "Shares", "Day"]
)  # fmt: skip


def _candidates(norm: str, start: int, end: int, words: bool = True) -> list[re.Match[str]]:
    """Matches of the figure pattern, tried only where a digit run or number word starts.

    Anchoring the (slow) full pattern at a few candidate positions is several times faster
    than letting it scan every position of the sentence. A list, not a generator: a
    sentence has a few, and a compiled generator costs more than the list.
    """
    out = []
    pos = start
    starts = _START if words else _DIGITS
    while pos < end:
        hit = starts.search(norm, pos, end)
        if hit is None:
            break
        match = _NUMBER.match(norm, hit.start(), end)
        if match is not None and match.end() > match.start():
            out.append(match)
            pos = match.end()
        else:
            pos = hit.end()
    return out


def find_figures(
    norm: str, start: int, end: int, excluded: list[tuple[int, int]], words: bool = True
) -> list[Figure]:
    """The figures in norm[start:end], ranges merged, none inside an excluded span (dates).

    `words=False` says the text holds no number word (see `has_number_word`): only digits
    are looked for, which is much faster.
    """
    raw: list[tuple[re.Match[str], Figure]] = []
    # Whether a position lies in an excluded span, by bisection over the spans' starts and
    # the furthest end reached so far: a sentence of thousands of dates and figures would
    # otherwise test every span for every figure.
    spans = sorted(excluded)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    furthest = -1
    for _, b in spans:
        furthest = max(furthest, b)
        reach.append(furthest)
    for match in _candidates(norm, start, end, words):
        k = bisect.bisect_right(starts, match.start())
        if k > 0 and reach[k - 1] > match.start():
            continue
        at = match.start()
        if at - 5 >= start and norm[at - 1] in "-\u2013/" and norm[at - 5 : at - 1].isdigit():
            continue  # "the winter of 2024-25": the end of a span of years
        if at - 3 >= start and norm[at - 1] == " ":
            previous = norm[max(start, at - 12) : at - 1].rsplit(None, 1)
            if previous and previous[-1].lstrip("([\"'") in _LABEL_WORDS:
                continue  # "Episode 214", "Ep. 198", "Article 4": a label, not a count
        if norm.startswith(" (", match.end()) and _YEAR_AFTER.match(norm, match.end()):
            continue  # "resolutions 2270 (2016), 2321 (2016)": a numbered text and its year
        figure = _single(norm, match, start)
        if figure is not None:
            raw.append((match, figure))
    return _merge_ranges(norm, raw)


def _merge_ranges(norm: str, raw: list[tuple[re.Match[str], Figure]]) -> list[Figure]:
    """Join "10,000 to 12,000", "between 1,000 and 3,000", "25,000-30,000" into one range."""
    out: list[Figure] = []
    i, n = 0, len(raw)
    while i < n:
        match, first = raw[i]
        if i + 1 < n:
            next_match, second = raw[i + 1]
            joiner = norm[match.end() : next_match.start()]
            lead = norm[max(0, first.start - 20) : first.start]
            is_and = joiner.strip().lower() in ("and", "or")
            if _RANGE_JOIN.match(joiner) and (not is_and or _BETWEEN.search(lead)):
                low = first.value
                if not match.group("scale") and next_match.group("scale"):
                    # "10 to 12 thousand": the scale word covers both ends.
                    scale = _value(next_match) / _words_or_digits(next_match)  # type: ignore[operator]
                    low = int(low * scale)
                elif low < 1000 <= second.value and not match.group("scale"):
                    # "eleven to twelve thousand": the number words' scale covers both ends
                    tail = norm[next_match.start() : next_match.end()].lower().rstrip()
                    for word, factor in (("thousand", 1000), ("hundred", 100)):
                        if tail.endswith(word) and low * factor < second.value * 10:
                            low = int(low * factor)
                            break
                if 0 < low < second.value:
                    start = first.start
                    between = _BETWEEN.search(lead)
                    if between:
                        start = first.start - (len(lead) - between.start())
                    out.append(
                        Figure(start, second.end, low, None, second.value, "range", second.value,
                               first.worded, False)
                    )  # fmt: skip
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


def _words_or_digits(match: re.Match[str]) -> float:
    if match.group("digits"):
        return float(match.group("digits").replace(",", "").replace(" ", ""))
    return float(_words_value(match.group("words")) or 1)
