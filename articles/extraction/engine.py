"""The extraction pipeline: text → sentences → figures → (metric, date, source) → claims."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import metrics
from .attribution import Attribution, Attributor, Mention, find_mentions
from .dates import DateMention, find_dates, format_date
from .model import Claim, ExtractionError, KnownSource
from .numbers import Figure, find_figures
from .registry import SourceIndex, source_index
from .segment import Paragraph, Sentence, normalise, segment

# Texts longer than this are refused rather than scanned: a news report is a few tens of
# kilobytes; two million characters is a book, or a mistake upstream (a binary, a dump).
MAX_TEXT_CHARS = 2_000_000
# A publication date this far after today is a data error, not a time zone difference.
FUTURE_TOLERANCE = dt.timedelta(days=2)
# Figures above this are armies or budgets, never the size of the deployed force or its losses.
MAX_PLAUSIBLE = 500_000
# Deployed, training and combined figures smaller than this are anecdotes ("five soldiers").
MIN_FORCE = 50

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_CLAUSE_SPLIT = re.compile(
    r";|,\s+(?:while|whereas|but|although|though|followed\s+by|with|and\s+(?:the|a|an|of)\b)\s*"
    r"|\s+while\s+|\s+whereas\s+|,\s+(?:of\s+(?:those|them|whom)|among\s+them)"
)
_RATIO = re.compile(
    r"\b(?:equivalent|equal|equals|equates|match(?:es|ing)?|worth|for\s+every|per|ratio|times|as\s+strong\s+as)\b",
    re.I,
)
_OTHER_FORCE = re.compile(
    r"\b(?:Russian|Ukrainian|Russia's|Ukraine's|American|Belarusian|Chechen|Kyiv's|Moscow's)\s+"
    r"(?:\w+\s+)?(?:troops|soldiers|forces|servicemen|army|losses|casualties|units|personnel|dead|fighters|military)\b"
    r"|\b(?:Russia|Ukraine|Moscow|Kyiv|the\s+Kremlin)\s+(?:has\s+|had\s+|have\s+)?(?:\w+\s+)?"
    r"(?:lost|deployed|sent|dispatched|suffered|mobili[sz]ed)\b"
)
# Speculation, not a report: "could send 25,000 more". Announcements ("will send",
# "would send" in reported speech) are kept: they are what a government said it does.
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|possibly|ready\s+to|willing\s+to|threatened\s+to|prepared\s+to|able\s+to)"
    r"\s+(?:\w+\s+)?(?:be\s+)?(?:send|sent|deploy|deployed|dispatch|dispatched|provide|commit)\b",
    re.I,
)
# Another country's forces acting on the figure: "Russia lost 1,540", "Ukraine has deployed 20,000".
_OTHER_ACTOR = re.compile(
    r"\b(?:Russia|Ukraine|Moscow|Kyiv|the\s+Kremlin)(?:'s)?\s+(?:forces\s+|army\s+|military\s+)?"
    r"(?:has\s+|had\s+|have\s+)?(?:also\s+|now\s+|already\s+)?(?:lost|loses|losing|deployed|sent|dispatched"
    r"|suffered|mobili[sz]ed|massed|masses|gathered)\s+(?:\w+\s+){0,3}$"
)
_CONTINGENT = re.compile(
    r"\b(?P<n>first|initial|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:\w+\s+){0,2}?"
    r"(?:wave|contingent|deployment|batch|group|rotation|phase|dispatch|tranche|echelon|round)s?\b"
    r"|\bthe\s+(?P<m>first|second|third|fourth)\b(?!\s+(?:time|day|week|month|year|half|quarter|of|such))"
    r"|\b(?P<i>initially|originally|at\s+first|first)\s+(?:\w+\s+)?(?:sent|deployed|dispatched)",
    re.I,
)
_ORDINALS = {"first": 1, "initial": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}  # fmt: skip
_AUDIENCE = re.compile(
    r"\b(?:spoke\s+(?:with|to)|talked\s+(?:with|to)|met(?:\s+with)?|interviewed|visited|questioned)\s+"
    r"(?:with\s+)?(?:the\s+)?$",
    re.I,
)
_DIGIT = re.compile(r"\d")
_PUNCTUATION = ".,;:!?\"'()[]"
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
    ]
)
_SINCE_TOTAL = re.compile(r"\b(?:a\s+)?total\b", re.I)
_FORCE_METRICS = frozenset({"deployed", "in_training", "combined_force"})


@dataclass
class _Candidate:
    claim: Claim
    heading: bool
    explicit: bool  # attributed within its own sentence


def _check(text: str, published: dt.date | None) -> None:
    if not isinstance(text, str):
        raise ExtractionError(f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"text is too long to be a news report: {len(text):,} characters "
            f"(limit {MAX_TEXT_CHARS:,})"
        )
    sample = text[:20_000]
    if "\x00" in text or (sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 200)):
        raise ExtractionError(
            "text looks binary or mis-decoded (NUL, control or replacement characters)"
        )
    if published is not None and published > dt.date.today() + FUTURE_TOLERANCE:
        raise ExtractionError(f"publication date {published.isoformat()} is in the future")


def _clauses(norm: str, sentence: Sentence) -> list[tuple[int, int]]:
    out, cursor = [], sentence.start
    for m in _CLAUSE_SPLIT.finditer(norm, sentence.start, sentence.end):
        out.append((cursor, m.start()))
        cursor = m.start()
    out.append((cursor, sentence.end))
    return out


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in clauses:
        if s <= pos < e:
            return s, e
    return clauses[-1]


@dataclass
class _SentenceView:
    sentence: Sentence
    heading: bool
    dates: list[DateMention]
    figures: list[Figure]
    mentions: list[Mention]
    clauses: list[tuple[int, int]]
    cues: list[tuple[int, int, str]] = field(default_factory=list)  # filled when it has figures
    heads: dict[int, metrics.Head] = field(default_factory=dict)  # figure start → its head


class _Extraction:
    """One report's extraction; holds the state carried from sentence to sentence."""

    def __init__(
        self, text: str, published: dt.date | None, outlet: str | None, index: SourceIndex
    ) -> None:
        self.text = text
        self.norm = normalise(text)
        self.published = published
        self.outlet = outlet
        self.index = index
        self.attributor = Attributor(index)

    def run(self) -> list[Claim]:
        views = [self._view(p, s) for p in segment(self.norm) for s in p.sentences]
        for view in views:
            self.attributor.learn(view.mentions)
        carried = self._first_attribution(views)
        as_of_carry: tuple[int, DateMention] | None = None
        candidates: list[_Candidate] = []
        for view in views:
            own = self.attributor.attribute(view.mentions)
            if as_of_carry and as_of_carry[0] != view.sentence.paragraph:
                as_of_carry = None
            for figure in self._usable(view):
                candidate = self._claim(view, figure, own or carried, own is not None, as_of_carry)
                if candidate is not None:
                    candidates.append(candidate)
            if own is not None:
                carried = own
            sentence_as_of = next(
                (d for d in view.dates if d.as_of and d.precision != "none"), None
            )
            if sentence_as_of is not None:
                as_of_carry = (view.sentence.paragraph, sentence_as_of)
        return _dedupe(candidates)

    def _view(self, paragraph: Paragraph, sentence: Sentence) -> _SentenceView:
        s, e = sentence.start, sentence.end
        lower = self.norm[s:e].lower()
        words = {w.strip(_PUNCTUATION) for w in lower.replace("-", " ").split()}
        has_digit = _DIGIT.search(self.norm, s, e) is not None
        numeric = has_digit or not _NUMBER_WORDS.isdisjoint(words)
        # Sentences without any figure only matter for their "as of" date and attribution.
        dates = (
            find_dates(self.norm, s, e, self.published, words, has_digit)
            if numeric or "as of" in lower
            else []
        )
        figures = (
            find_figures(self.norm, s, e, [(d.start, d.end) for d in dates]) if numeric else []
        )
        mentions = find_mentions(self.norm, s, e, self.index, words)
        return _SentenceView(
            sentence, paragraph.heading, dates, figures, mentions, _clauses(self.norm, sentence)
        )

    def _first_attribution(self, views: list[_SentenceView]) -> Attribution | None:
        for view in views:
            found = self.attributor.attribute(view.mentions)
            if found is not None:
                return found
        if self.outlet:
            known = self.index.find(self.outlet)
            return Attribution(known.name if known else self.outlet, None)
        return None

    def _usable(self, view: _SentenceView) -> list[Figure]:
        """Figures that may count people: not "five locations", not a ratio's terms.

        The sentence's view keeps only these, so that the stretch of words each figure owns
        runs from one such figure to the next.
        """
        figures = view.figures
        ratio: set[int] = set()
        for i in range(len(figures) - 1):
            between = self.norm[figures[i].end : figures[i + 1].start]
            if _RATIO.search(between):
                ratio.update((i, i + 1))
        live = []
        for i, figure in enumerate(figures):
            head = metrics.read_head(self.norm, figure.end, view.sentence.end)
            view.heads[figure.start] = head
            if i in ratio or head.rejected:
                continue
            if figure.year_like and not head.people and head.metric is None:
                continue
            if figure.worded and not head.people and head.metric is None:
                continue  # "the last one standing": words without a noun are rarely counts
            if _AUDIENCE.search(
                self.norm[max(view.sentence.start, figure.start - 30) : figure.start]
            ):
                continue  # "spoke with two soldiers": people met, not a count of the force
            live.append(figure)
        view.figures = live
        if live:
            view.cues = metrics.cues(self.norm, view.sentence.start, view.sentence.end)
        return live

    def _claim(
        self,
        view: _SentenceView,
        figure: Figure,
        carried: Attribution | None,
        explicit: bool,
        as_of_carry: tuple[int, DateMention] | None,
    ) -> _Candidate | None:
        clause = _clause_of(view.clauses, figure.start)
        metric = self._metric(view, figure, clause)
        if metric is None:
            return None
        if metric in _FORCE_METRICS and (
            figure.value < MIN_FORCE or _HYPOTHETICAL.search(self.norm[clause[0] : clause[1]])
        ):
            return None
        if figure.value > MAX_PLAUSIBLE or _INCIDENT.search(self.norm[figure.end : clause[1]]):
            return None  # an army, a budget; or one incident's toll ("50 in one morning")
        attribution = (
            self._attribution(view, clause) or carried or self.attributor.weak(view.mentions)
        )
        date = self._date(view, figure, clause, as_of_carry)
        contingent = self._contingent(clause, figure, metric, date)
        as_of = date.written() if date else (self.published.isoformat() if self.published else None)
        precision = date.precision if date else ("day" if self.published else None)
        qs, qe = self._quote_span(clause, figure)
        claim = Claim(
            metric=metric,
            low=figure.low,
            best=figure.best,
            high=figure.high,
            qualifier=figure.qualifier,
            as_of=as_of,
            as_of_precision=precision,
            period_end=date.written_end() if date else None,
            contingent=contingent,
            source=attribution.source if attribution else None,
            via=attribution.via if attribution else None,
            quote=self.text[qs:qe],
            start=qs,
            end=qe,
        )
        return _Candidate(claim, view.heading, explicit)

    def _attribution(self, view: _SentenceView, clause: tuple[int, int]) -> Attribution | None:
        inside = [m for m in view.mentions if clause[0] <= m.start < clause[1]]
        if inside:
            found = self.attributor.attribute(inside)
            if found is not None:
                return found
        return self.attributor.attribute(view.mentions)

    def _metric(self, view: _SentenceView, figure: Figure, clause: tuple[int, int]) -> str | None:
        norm = self.norm
        head = view.heads[figure.start]
        if head.foreign and not head.korean:
            return None  # ten Russian soldiers, 1,500 Ukrainian troops
        if head.combined:
            return "combined_force"
        if not head.korean and (
            self._other_force(view, clause) or _OTHER_ACTOR.search(norm[clause[0] : figure.start])
        ):
            return None
        if head.metric is not None:
            return head.metric
        index = view.figures.index(figure) if figure in view.figures else -1
        prev_end = view.figures[index - 1].end if index > 0 else clause[0]
        next_start = (
            view.figures[index + 1].start if 0 <= index < len(view.figures) - 1 else clause[1]
        )
        seg_before = (max(clause[0], prev_end), figure.start)
        seg_after = (figure.end, min(clause[1], next_start))
        before = [c for c in view.cues if seg_before[0] <= c[0] and c[1] <= seg_before[1]]
        # "2,000 of the casualties were deaths": a cue after "of the" names the set, not the count.
        after = [
            c
            for c in view.cues
            if seg_after[0] <= c[0]
            and c[1] <= seg_after[1]
            and not _PARTITIVE.search(norm[seg_after[0] : c[0]])
        ]
        after_metrics = [c[2] for c in after]
        metric: str | None = None
        if after and _noun_then_cue(norm[figure.end : after[0][0]]):
            metric = after[0][2]  # "lost 300 soldiers killed": the participle after the noun
        elif before and _governs(norm[before[-1][1] : figure.start]):
            metric = before[-1][2]
        elif after:
            metric = after[0][2]
        elif before:
            metric = before[-1][2]
        if metric == "deployed" and "in_training" in after_metrics:
            metric = "in_training"
        if "returned_to_duty" in after_metrics:
            metric = "returned_to_duty"  # "300 of those wounded returned to the front"
        if metric is None:
            if head.people:
                sentence_cues = {c[2] for c in view.cues}
                metric = "combined_force" if "combined_force" in sentence_cues else "deployed"
            elif not figure.worded:
                metric = _nearest(view.cues, figure)
        return metric

    def _other_force(self, view: _SentenceView, clause: tuple[int, int]) -> bool:
        """The clause speaks of Russian or Ukrainian forces and not of North Korean ones."""
        text = self.norm[clause[0] : clause[1]]
        if metrics._NK.search(text):
            return False
        for m in _OTHER_FORCE.finditer(self.norm, clause[0], clause[1]):
            if not any(x.start <= m.start() < x.end for x in view.mentions):
                return True
        return False

    def _date(
        self,
        view: _SentenceView,
        figure: Figure,
        clause: tuple[int, int],
        as_of_carry: tuple[int, DateMention] | None,
    ) -> DateMention | None:
        usable = [d for d in view.dates if d.precision != "none"]
        in_clause = [d for d in usable if clause[0] <= d.start < clause[1]]
        as_of_in_clause = [d for d in in_clause if d.as_of]
        if as_of_in_clause:
            return as_of_in_clause[0]
        if in_clause:
            return min(
                in_clause,
                key=lambda d: abs(d.start - figure.start) + (0 if d.start > figure.start else 1),
            )
        as_of = next((d for d in usable if d.as_of), None)
        if as_of is not None:
            return as_of
        leading = [d for d in usable if d.start - view.sentence.start < 12]
        if leading:
            return leading[0]
        if as_of_carry is not None and as_of_carry[0] == view.sentence.paragraph:
            return as_of_carry[1]
        return None

    def _contingent(
        self, clause: tuple[int, int], figure: Figure, metric: str, date: DateMention | None
    ) -> int | None:
        if metric not in ("deployed", "in_training"):
            return None
        best: tuple[int, int] | None = None
        for m in _CONTINGENT.finditer(self.norm, clause[0], clause[1]):
            word = (m.group("n") or m.group("m") or "first").lower()
            if m.group("i"):
                word = "first"
            distance = abs(m.start() - figure.start)
            if best is None or distance < best[0]:
                best = (distance, _ORDINALS.get(word, 1))
        if best is not None:
            return best[1]
        if (
            date is not None
            and date.since
            and _SINCE_TOTAL.search(self.norm[clause[0] : clause[1]])
        ):
            return 1  # "a total of 11,000 since October": the first contingent's count
        return None

    def _quote_span(self, clause: tuple[int, int], figure: Figure) -> tuple[int, int]:
        s, e = clause
        while s < e and (self.norm[s] in " ,;:\n" or self.norm[s : s + 1] == "-"):
            s += 1
        while e > s and self.norm[e - 1] in " ,;:\n":
            e -= 1
        if e - s > 400:  # a very long clause: a window around the figure, cut at spaces
            ws = max(s, self.norm.rfind(" ", s, max(s, figure.start - 150)) + 1)
            we = self.norm.find(" ", min(e, figure.end + 150), e)
            s, e = ws, (we if we != -1 else e)
        s, e = min(s, figure.start), max(e, figure.end)
        return s, e


_GOVERNED = re.compile(
    r"^(?:\s+|an?\b|the\b|some\b|about\b|around\b|approximately\b|roughly\b|nearly\b|almost\b"
    r"|more\s+than\b|over\b|at\s+least\b|up\s+to\b|as\s+many\s+as\b|estimated\b|additional\b"
    r"|another\b|total\s+of\b|further\b|fewer\s+than\b|less\s+than\b|close\s+to\b|just\b|well\b"
    r"|of\b|at\b|to\b|by\b|reached\b|stood\s+at\b|rose\s+to\b|number(?:ed)?\b|is\b|was\b|at\b)*$",
    re.I,
)


def _governs(between: str) -> bool:
    """Whether a cue right before a figure acts on it: "killed 400", "sent around 11,000"."""
    return bool(_GOVERNED.match(between))


_PARTITIVE = re.compile(
    r"^\s*(?:\w+\s+)?of\s+(?:the|those|these|them|whom)\s+(?:\w+\s+){0,3}$", re.I
)
_INCIDENT = re.compile(
    r"^[^.;]{0,40}?\b(?:in|on|during)\s+(?:one|a\s+single|a)\s+(?:morning|day|night|attack|assault|battle|raid|strike)\b"
    r"|^\s*(?:\w+\s+){0,2}(?:a|per)\s+day\b",
    re.I,
)
_NOUN_THEN = re.compile(
    r"^\s*(?:[A-Z][\w'-]*\s+|(?:more|additional|other|of\s+them|of\s+its)\s+)*"
    r"(?:troops|soldiers|servicemen|personnel|fighters|men|North\s+Koreans|others)\s+$"
)


def _noun_then_cue(between: str) -> bool:
    """Whether only the counted noun stands between a figure and a cue: "300 soldiers killed"."""
    return bool(_NOUN_THEN.match(between))


def _nearest(cues: list[tuple[int, int, str]], figure: Figure) -> str | None:
    if not cues:
        return None
    return min(cues, key=lambda c: min(abs(c[0] - figure.end), abs(c[1] - figure.start)))[2]


def _rank(candidate: _Candidate) -> tuple[int, int, int]:
    c = candidate.claim
    return (int(not candidate.heading), int(candidate.explicit), int(c.source is not None))


def _dedupe(candidates: list[_Candidate]) -> list[Claim]:
    """One claim per figure: a headline and body stating it, or the body twice, are one claim.

    Two explicit attributions to different sources stay two claims (two estimates).
    """
    kept: list[_Candidate] = []
    for candidate in candidates:
        c = candidate.claim
        twin = None
        for i, other in enumerate(kept):
            o = other.claim
            if (o.metric, o.low, o.high) != (c.metric, c.low, c.high):
                continue
            if candidate.explicit and other.explicit and o.source != c.source and o.via != c.via:
                continue
            twin = i
            break
        if twin is None:
            kept.append(candidate)
        elif _rank(candidate) > _rank(kept[twin]):
            kept[twin] = candidate
    return sorted((k.claim for k in kept), key=lambda c: (c.start, c.end))


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    sources: Sequence[KnownSource] | SourceIndex = (),
) -> list[Claim]:
    """The claims a report makes about the deployed force; see the package docstring."""
    _check(text, published)
    if not text.strip():
        return []
    if not metrics._NK.search(normalise(text)):
        return []  # not about the deployment at all
    return _Extraction(text, published, outlet, source_index(sources)).run()


__all__ = ["MAX_TEXT_CHARS", "extract", "format_date"]
