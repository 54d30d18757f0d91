"""Dates in a sentence, resolved against the publication date to the precision written.

"as of February 26" → a day; "in January" → a month; "in 2023" → a year; "last week" and
"on Wednesday" → a day counted back from publication. A month written without a year is
the latest such month not after publication. A year written wrongly stays as written:
discrepancy detection catches it later, the extractor does not correct its sources.
"""

from __future__ import annotations

import datetime as dt
import re

from .patterns import word_trie

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Capitalised only, so the modal "may" and the verb "march" are not months.
_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_REL_YEAR = r"(?:,?\s+(?:of\s+)?(?:last|the\s+previous|this|the\s+same|the\s+following)\s+year)"
_PART = (
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of)[\s-]+)?"
)

# Each pattern that can start at many positions opens with a lookahead on the characters
# its first word can start with: the same matches, but most positions fail after one test
# instead of after trying every alternative.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + _Y + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # A day of the month alone, as Japanese wires write: "announced on the 17th" (this month).
    (
        "nth",
        re.compile(
            r"(?<=\b[Oo]n\s)the\s+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:day|days|week|month|year|wave|contingent|batch|rotation|anniversary|floor|time"
            r"|round|century|brigade|corps|army|division|regiment|battalion|of)\b)"
        ),
    ),
    # Day first with dots, as Ukrainian and Russian outlets write: "as of 01.02.2024".
    (
        "dotted",
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>" + _Y + r")(?![\d.]\d)"),
    ),
    (
        "day_range",
        re.compile(
            rf"(?P<m>{_M})\s+(?P<d>{_D})\s*(?:-|to|through|and|until)\s*(?:(?P<m2>{_M})\s+)?"
            rf"(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?(?!\d)"
        ),
    ),
    ("month_day", re.compile(rf"(?P<m>{_M})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?(?![\d,]\d)")),
    ("day_month", re.compile(rf"\b(?=[0-9])(?P<d>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?")),
    (
        "month_range",
        re.compile(
            rf"(?i:(?=[bfi])(?:between|from|in))\s+{_PART}(?P<m>{_M})(?:\s+(?P<y>{_Y}))?(?P<rel>{_REL_YEAR})?"
            rf"\s*(?:and|to|through|-|until)\s*{_PART}(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?(?P<rel2>{_REL_YEAR})?"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?=[eltmJFMASOND]){_PART}(?P<m>{_M})(?:,?\s+(?P<y>{_Y})|(?P<rel>{_REL_YEAR}))?(?![\w-])"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?i:\b(?=[isdbtoelm])(?:in|since|during|by|throughout|of|early|late|mid-?|end\s+of)\s+)"
            rf"(?P<y>{_Y})\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?=[ltey])(?P<rel>last\s+week|this\s+week|earlier\s+this\s+week|yesterday"
            r"|today|this\s+morning|last\s+month|this\s+month|earlier\s+this\s+month"
            r"|last\s+year|the\s+previous\s+year|this\s+year|earlier\s+this\s+year)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
            r"(?P<unit>days?|weeks?|months?)\s+ago\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?=[ltosbMTWFS])(?P<last>(?:last|this|on|since|by)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday"
            r"|Friday|Saturday|Sunday)\b"
        ),
    ),
]
_AS_OF = re.compile(
    r"(?:\bas\s+(?:of|at)|\bby|\buntil|\bup\s+to|\bthrough|\bas\s+of\s+the\s+end\s+of)\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
# "since October", "since it entered combat in December": the start of a running total.
# "a counteroffensive before Donald Trump takes office on Jan. 20": the day of something
# still to come, not of any figure.
_BEFORE_EVENT = re.compile(r"\b(?:before|ahead\s+of)\s+(?:[\w.'-]+\s+){0,5}?(?:on\s+)?$", re.I)
_BY_DEADLINE = re.compile(r"\b(?:by|until|before|ahead\s+of)\s+$", re.I)
_FOUR_DIGITS = re.compile(r"\d{4}")
_DEADLINE_DAYS = 120
_END_OF = re.compile(r"\bend\s+of\s+(?:the\s+)?$", re.I)
_NOT_UNTIL = re.compile(r"\b(?:not|never|n't)\b[^,.;]*\buntil\s+$", re.I)
_SO_FAR = re.compile(r"\b(?:so|thus)\s+far\s+$", re.I)
_SINCE = re.compile(r"\bsince\b[^,.;:]{0,120}$", re.I)


class DateMention:
    """A date as written in a sentence, resolved.

    A plain class rather than a dataclass: compiled, `dates.pxd` makes it a C struct (which
    a dataclass cannot be), and nothing compares or prints date mentions.
    """

    __slots__ = ("as_of", "end", "period_end", "precision", "since", "start", "value")

    def __init__(
        self,
        start: int,
        end: int,
        value: dt.date,
        precision: str,  # day, month, year
        period_end: dt.date | None,
        as_of: bool,  # "as of ...": holds for every figure of its sentence
        since: bool,  # "since October": the start of a running total
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.precision = precision
        self.period_end = period_end
        self.as_of = as_of
        self.since = since

    def written(self) -> str:
        return format_date(self.value, self.precision)

    def written_end(self) -> str | None:
        return format_date(self.period_end, self.precision) if self.period_end else None


def format_date(value: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _month(text: str) -> int:
    return _MONTHS[text[:3].lower()]


def _year_of(month: int, day: int, published: dt.date | None, rel: str | None) -> int | None:
    """The year of a month (and day) written without one."""
    if published is None:
        return None
    if rel:
        words = rel.lower()
        if "last" in words or "previous" in words:
            return published.year - 1
        if "following" in words:
            return None
        return published.year
    if (month, day) > (published.month, published.day):
        return published.year - 1
    return published.year


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _resolve(kind: str, m: re.Match[str], published: dt.date | None):
    """(date, precision, period_end) for one match, or None when it cannot be placed."""
    g = m.groupdict()
    if kind in ("iso", "dotted"):
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day", None) if d else None
    if kind in ("month_day", "day_month", "day_range"):
        month, day = _month(g["m"]), _day(g["d"])
        year = int(g["y"]) if g.get("y") else _year_of(month, day, published, None)
        start = _safe_date(year, month, day)
        if start is None:
            return None
        end = None
        if kind == "day_range":
            month2 = _month(g["m2"]) if g.get("m2") else month
            end = _safe_date(year, month2, _day(g["d2"]))
        return start, "day", end
    if kind == "month_range":
        month, month2 = _month(g["m"]), _month(g["m2"])
        year2 = int(g["y2"]) if g.get("y2") else _year_of(month2, 1, published, g.get("rel2"))
        if g.get("y"):
            year = int(g["y"])
        elif g.get("rel"):
            year = _year_of(month, 1, published, g["rel"])
        elif year2 is not None:
            year = year2 if month <= month2 else year2 - 1
        else:
            year = None
        start, end = _safe_date(year, month, 1), _safe_date(year2, month2, 1)
        return (start, "month", end) if start else None
    if kind == "month":
        month = _month(g["m"])
        year = int(g["y"]) if g.get("y") else _year_of(month, 1, published, g.get("rel"))
        d = _safe_date(year, month, 1)
        return (d, "month", None) if d else None
    if kind == "year":
        return dt.date(int(g["y"]), 1, 1), "year", None
    if published is None:
        return None
    if kind == "nth":
        day = int(g["d"])
        year, month = published.year, published.month
        if day > published.day:  # the 28th, read on the 3rd: last month's
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        d = _safe_date(year, month, day)
        return (d, "day", None) if d else None
    if kind == "ago":
        # "two weeks ago": that many days or weeks before publication, or that month.
        n = g["n"].lower()
        count = int(n) if n.isdigit() else _AGO_NUMBERS.get(n, 1)
        unit = g["unit"].lower()
        if unit.startswith("month"):
            month = published.month - count
            year = published.year + (month - 1) // 12
            return dt.date(year, (month - 1) % 12 + 1, 1), "month", None
        days = count * (7 if unit.startswith("week") else 1)
        return published - dt.timedelta(days=days), "day", None
    if kind == "weekday":
        back = (published.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
        if back == 0 and g.get("last") and g["last"].strip().lower() == "last":
            back = 7
        return published - dt.timedelta(days=back), "day", None
    return _relative(" ".join(g["rel"].lower().split()), published)


def _relative(words: str, published: dt.date):
    if words.endswith("week"):
        back = 0 if "this" in words and "earlier" not in words else 7
        return published - dt.timedelta(days=back), "day", None
    if words == "yesterday":
        return published - dt.timedelta(days=1), "day", None
    if words in ("today", "this morning"):
        return published, "day", None
    if words.endswith("month"):
        if words.startswith(("last", "the past", "past")):
            first = published.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), "month", None
        return published.replace(day=1), "month", None
    if "last" in words or "previous" in words:
        return dt.date(published.year - 1, 1, 1), "year", None
    return dt.date(published.year, 1, 1), "year", None


_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_AGO_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_RELATIVE_WORDS = frozenset(["week", "month", "year", "yesterday", "today", "morning"])
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)


_MONTH_PREFIXES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Substring tests as single scans (same answers as `any(x in text for x in names)`).
_ANY_MONTH_PREFIX = re.compile(word_trie(_MONTH_PREFIXES))
_ANY_WEEKDAY = re.compile("|".join(map(re.escape, _WEEKDAY_NAMES)))


def _wanted_kinds(
    text: str, words: frozenset[str] | set[str] | None, has_digit: bool, lower: str | None = None
) -> frozenset[str]:
    """The patterns that can match at all, judged from cheap substring tests on the text.

    Scanning a date pattern over a sentence costs far more than these tests.
    """
    kinds = set()
    month = _ANY_MONTH_PREFIX.search(text) is not None and (
        words is None or not _MONTH_WORDS.isdisjoint(words)
    )
    year = has_digit and ("19" in text or "20" in text)
    if year:
        kinds.add("year")
        if "-" in text:
            kinds.add("iso")
        if "." in text:
            kinds.add("dotted")
    if (
        has_digit
        and "the " in text
        and ("th" in text or "st" in text or "nd" in text or "rd" in text)
    ):
        kinds.add("nth")
    if month:
        kinds.update(("month_range", "month"))
        if has_digit:
            kinds.update(("day_range", "month_day", "day_month"))
    if lower is None:
        lower = text.lower()
    if (words is None or not _RELATIVE_WORDS.isdisjoint(words)) and (
        "yesterday" in lower
        or "today" in lower
        or "morning" in lower
        or (
            ("week" in lower or "month" in lower or "year" in lower)
            and ("last" in lower or "this" in lower or "past" in lower or "previous" in lower)
        )
    ):
        kinds.add("relative")
    if " ago" in lower:
        kinds.add("ago")
    if (words is None or not _WEEKDAY_WORDS.isdisjoint(words)) and _ANY_WEEKDAY.search(
        text
    ) is not None:
        kinds.add("weekday")
    return frozenset(kinds)


def _longest_first(found: tuple[int, int, str, re.Match[str]]) -> tuple[int, int]:
    # A function, not a lambda: Cython compiles no closure in a typed function.
    return found[0], found[0] - found[1]


def find_dates(
    norm: str,
    start: int,
    end: int,
    published: dt.date | None,
    words: frozenset[str] | set[str] | None = None,
    has_digit: bool = True,
    lower: str | None = None,
) -> list[DateMention]:
    """Date mentions in norm[start:end], longest first where they overlap, in text order.

    `words` (the sentence's lower-case words) lets patterns that cannot match be skipped;
    `lower`, norm[start:end].lower() if the caller has it.
    """
    found: list[tuple[int, int, str, re.Match[str]]] = []
    kinds = _wanted_kinds(norm[start:end], words, has_digit, lower)
    if not kinds:
        return []
    for kind, pattern in _PATTERNS:
        if kind not in kinds:
            continue
        for m in pattern.finditer(norm, start, end):
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=_longest_first)
    out: list[DateMention] = []
    taken_until = -1
    for s, e, kind, m in found:
        if s < taken_until:
            continue
        resolved = _resolve(kind, m, published)
        taken_until = e  # an unresolvable date still hides its digits from the figures
        if resolved is None:
            out.append(DateMention(s, e, dt.date.min, "none", None, False, False))
            continue
        value, precision, period_end = resolved
        if _BEFORE_EVENT.search(norm, max(start, s - 60), s) or _SO_FAR.search(
            norm, max(start, s - 12), s
        ):
            # (and "so far this month": a running total, which holds when it is reported)
            out.append(DateMention(s, e, dt.date.min, "none", None, False, False))
            continue
        lead = norm[max(start, s - 25) : s]
        if (
            published is not None
            and precision == "day"
            and value.year == published.year - 1
            and _BY_DEADLINE.search(lead)
            and _FOUR_DIGITS.search(norm, s, e) is None
            and 0
            < (_safe_date(published.year, value.month, value.day) or published).toordinal()
            - published.toordinal()
            <= _DEADLINE_DAYS
        ):
            # "would be ready for deployment by Nov. 1", written in late October: a day to
            # come, not one of last year
            out.append(DateMention(s, e, dt.date.min, "none", None, False, False))
            continue
        if precision == "year" and _END_OF.search(lead):
            # "by the end of last year": its last month
            value, precision = dt.date(value.year, 12, 1), "month"
        as_of = bool(_AS_OF.search(lead))
        if as_of and "until" in lead and _NOT_UNTIL.search(norm, max(start, s - 60), s):
            as_of = False  # "a level Seoul did not reach until April": when Seoul did
        out.append(
            DateMention(
                s,
                e,
                value,
                precision,
                period_end,
                as_of,
                # ("since 2024": the year pattern takes its preposition in)
                bool(_SINCE.search(norm, max(start, s - 130), s))
                or norm.startswith(("since ", "Since "), s),
            )
        )
    return out
