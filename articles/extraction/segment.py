"""Cutting a report into paragraphs and sentences, and dropping page clutter.

Everything works on spans of the original text so that quotes and offsets stay exact.
Matching runs on a normalised copy of the text of the same length (curly quotes, dashes and
odd spaces folded to ASCII one character for one), so offsets carry over unchanged.
"""

from __future__ import annotations

import re

# One character for one: offsets in the normalised text are offsets in the original.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\r": "\n",
    }
)


_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def normalise(text: str) -> str:
    """The text with typography folded to ASCII, same length as the input.

    str.replace per character is far faster than str.translate with a mapping here.
    """
    if text.isascii():
        return text.replace("\t", " ").replace("\r", "\n")
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


# Plain classes rather than dataclasses: compiled, `segment.pxd` makes them C structs
# (which a dataclass cannot be); nothing compares or prints them.
class Sentence:
    __slots__ = ("end", "paragraph", "start")

    def __init__(self, start: int, end: int, paragraph: int) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph


class Paragraph:
    __slots__ = ("end", "heading", "index", "sentences", "start")

    def __init__(self, index: int, start: int, end: int, heading: bool) -> None:
        self.index = index
        self.start = start
        self.end = end
        # A headline or section heading: a short line with no closing punctuation.
        self.heading = heading
        self.sentences: list[Sentence] = []


# Lines that are page furniture, never report text.
_CLUTTER = re.compile(
    r"""^\s*(?:
        -?\d+(?:\.\d+)?\s*°?\s*[FC]                        # weather: 52.8 F
      | \d+\s+min(?:ute)?s?\s+read                          # 3 min read
      | (?:loading\s+now|post\s+comment|advertisement|share(?:\s+this)?|print|subscribe.*
         |sign\s+up.*|skip\s+to\s+content|listen\s+to\s+this\s+article.*|comments?)
      | original\s+source:.*
      | (?:read\s+(?:also|more)|see\s+also|also\s+read)\s*:\s+.*   # a link on one line
      | (?:photo|image|video)(?:\s+credit)?:.*
      | by\s+[A-Z][^.!?]{0,80}                              # byline
      | (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
        (?:\s+\d{1,2}:\d{2}.*)?                             # dateline with no text
      | (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}\s+
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}
        (?:\s+\d{1,2}[:.]\d{2}.*)?                          # the same, day first
      | updated:?.*\d{4}.*
      | \((?:attn|eds?|editors?|lead|update|refile|recasts?|corrects?|adds|wrapup)\b[^)]*\)
                                                            # a wire's note to editors
      | \[\d{1,3}\]\s*["\u201c][^"\u201d\n]{5,300}["\u201d].*  # a note citing a headline
    )\s*$""",
    re.I | re.X,
)
_RELATED = re.compile(
    r"^\s*\[?(?:related(?:\s+(?:articles|stories|news|coverage|episodes|links|reading|videos"
    r"|podcasts|content|topics|posts|reports|analysis))?|read\s+(?:more|also|next)|see\s+also|also\s+read|further\s+reading"
    r"|more\s+(?:on\s+this(?:\s+story)?|stories|episodes|like\s+this|from\s+\w+(?:\s+\w+)?)"
    r"|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|latest\s+(?:news|stories|episodes)"
    r"|most\s+(?:read|popular|viewed)|popular|trending|top\s+stories|editor'?s\s+picks)\]?\s*:?\s*$",
    re.I,
)
_RELATED_INLINE = re.compile(
    r"\s*\[?(?:related|read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+on\s+this"
    r"|watch|listen|go\s+deeper)\]?\s*:\s+\S",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa>]|\d+\.)\s+")
_CAPTION = re.compile(
    r"(?:\[(?:YONHAP|AP|AFP|REUTERS|EPA|GETTY[^\]]*|[A-Z ]+PHOTO[^\]]*)\]|\((?:AP|AFP|Reuters|EPA)"
    r"\s+Photo[^)]*\)|(?:Photo|Image):\s*[A-Z][^.]*|/\s*(?:AFP|Getty Images|Reuters|AP)\s*)\s*$",
)
_BIO = re.compile(
    r"\b(?:is|was|has been|serves as)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,8}"
    r"(?:journalist|editor|reporter|correspondent|writer|columnist|contributor|freelancer)\b"
    r"|@[\w-]+\.(?:com|org|net)|\bfollow\s+(?:him|her|them)\s+on\b",
    re.I,
)


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with closing punctuation (then maybe quotes, brackets, spaces)."""
    return line.rstrip().rstrip("\"')]").endswith((".", "!", "?", ":"))


# A full stop followed by space and what looks like a new sentence.
# (Footnote marks after the stop, as think tanks write: "... in Kursk Oblast.[5] ISW ...")
_BOUNDARY = re.compile(r"[.!?]+(?:\[\d{1,3}\])*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_ABBREVIATIONS = frozenset(
    [
        "ep",  # "Ep. 81": an episode's number follows
        "vol",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "cmdr",
        "rep",
        "reps",
        "sen",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "gov't",
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
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "c",
        "ca",
        "est",
        "fig",
        "mt",
        "ft",
        "rev",
        "hon",
        "amb",
        "brig",
        "cpl",
        "pvt",
        "lieut",
        "supt",
    ]
)


def _is_abbreviation(before: str) -> bool:
    """Whether the word ending at a full stop is an abbreviation, not a sentence end."""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    if "." in word.strip("."):
        return True  # U.S., U.N., e.g. — dotted acronyms
    if len(word) == 1 and word.isupper():
        return True  # an initial: Kim J. Un
    return word.lower().rstrip(".") in _ABBREVIATIONS


def _sentences(norm: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(norm, start, end):
        if match.group(0).startswith(".") and _is_abbreviation(
            norm[max(cursor, match.start() - 20) : match.start()]
        ):
            continue
        out.append(Sentence(cursor, match.end(), paragraph))
        cursor = match.end()
        while cursor < end and norm[cursor].isspace():
            cursor += 1
    if cursor < end:
        out.append(Sentence(cursor, end, paragraph))
    return [s for s in out if norm[s.start : s.end].strip()]


_BIO_WORDS = (
    "journalist",
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "columnist",
    "contributor",
    "freelancer",
    "@",
    "follow ",
)


def _is_caption(line: str) -> bool:
    # Cheap gates first: the caption pattern is anchored at the end and slow to scan.
    if (
        line[-1:] not in "])"
        and "photo" not in line.lower()
        and "/" not in line
        and ":" not in line
    ):
        return False
    return bool(_CAPTION.search(line))


def _is_bio(lower: str, words: tuple[str, ...] = _BIO_WORDS) -> bool:
    """`words`: the bio words that can be in the line (those of the report, see `segment`)."""
    return any(w in lower for w in words) and bool(_BIO.search(lower))


def segment(norm: str) -> list[Paragraph]:
    """Paragraphs (one per line) with their sentences, clutter removed.

    Repeated lines (captions printed twice, a headline echoed) are kept once; related-link
    lists, bylines, bios, weather and datelines are dropped.
    """
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    in_related = False
    offset = 0
    # The bio words the report holds, from a few substring tests of the whole text: most
    # lines then need none ("follow " in a line's key is "follow" and a space in the text).
    lower = norm.lower()
    bio_words = tuple([w for w in _BIO_WORDS if w.strip() in lower])  # no generator: see .pxd
    for line in norm.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            in_related = False
            continue
        if _RELATED.match(line):
            in_related = True
            continue
        if in_related and (_BULLET.match(line) or not _ends_sentence(line)):
            continue
        if _RELATED_INLINE.match(line) and not _ends_sentence(line):
            continue  # "Related: How Ukraine Captured Two North Korean Soldiers": a link
        in_related = False
        key = " ".join(stripped.lower().split())
        if (
            key in seen
            or _CLUTTER.match(line)
            or _is_caption(stripped)
            or (bool(bio_words) and _is_bio(key, bio_words))
        ):
            continue
        seen.add(key)
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        heading = len(stripped) < 250 and not _ends_sentence(stripped)
        paragraph = Paragraph(len(paragraphs), start, end, heading)
        paragraph.sentences = _sentences(norm, start, end, paragraph.index)
        paragraphs.append(paragraph)
    return paragraphs
