"""The extraction pipeline: text → sentences → figures → (metric, date, source) → claims."""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence

from . import metrics
from .attribution import (
    _OPENING_NAME,
    _TITLES,
    UNNAMED_PERSON_NOUNS,
    Attribution,
    Attributor,
    Entity,
    Mention,
    entity_of,
    find_mentions,
)
from .dates import DateMention, find_dates, format_date
from .model import Claim, ExtractionError, KnownSource
from .numbers import Figure, find_figures, has_number_word
from .patterns import word_trie
from .registry import SourceIndex, source_index
from .segment import Paragraph, Sentence, normalise, segment
from .tables import column_roles, find_tables, source_cell

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
# Where a sentence's clauses part: at punctuation (and the words after it), and, where the
# sentence has them, at "while" and "whereas" between spaces.
_CLAUSE_BREAKS = (
    r";|,\s+(?:while|whereas|but|although|though|followed\s+by|with|and\s+(?:the|a|an|of)\b)\s*"
    r"|,\s+(?:of\s+(?:those|them|whom)|among\s+them)"
    # "..., and released satellite images of troops at training grounds": a second verb of
    # the same subject says what else it did
    r"|,\s+and\s+(?=(?:released|published|showed|added|noted|warned|said|told)\b)"
    # "..., and it put North Korean casualties at 4,700": a second statement
    r"|,\s+and\s+(?=(?:it|he|she|they|we)\s+(?:also\s+)?(?:put|puts|said|says|estimated|estimates"
    r"|told|added|reported|believes|assessed|counted)\b)"
    # "at least 10,000 soldiers are in Kursk, a figure that would mean the force that trained
    # in the Far East has moved": a comment on the figure, whose words are not its metric
    r"|,\s+(?:a|the)\s+(?:figure|number|total|estimate|tally|count)\s+(?:that|which)\s+would\b"
)
_CLAUSE_SPLIT = re.compile(_CLAUSE_BREAKS + r"|\s+while\s+|\s+whereas\s+")
_CLAUSE_SPLIT_PUNCT = re.compile(_CLAUSE_BREAKS)
_RATIO = re.compile(
    # ("per the same briefing" is a source, not a rate)
    r"\b(?:equivalent|equal|equals|equates|match(?:es|ing)?|worth|for\s+every|per(?!\s+(?:the|a|an|its|their)\b)"
    r"|ratio|times|as\s+strong\s+as)\b"
    r"|^\s+(?:in|out\s+of)\s+(?:every\s+)?$",
    re.I,
)
_MULTIPLIER = re.compile(
    r"\s+times\s+(?:the|more\s+than|higher\s+than|larger\s+than|as\s+many\s+as|as\s+high\s+as"
    r"|greater\s+than)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_OTHER_FORCE = re.compile(
    r"\b(?:Russian|Ukrainian|Russia's|Ukraine's|American|Belarusian|Chechen|Kyiv's|Moscow's"
    r"|South\s+Korea's|South\s+Korean|Seoul's|Japan's|Japanese|China's|Chinese|Britain's|British"
    r"|Germany's|German|France's|French|Poland's|Polish|NATO's|Taiwan's|America's)\s+"
    r"(?:\w+\s+)?(?:troops|soldiers|forces|[Aa]rmed\s+[Ff]orces|Forces|servicemen|army|Army|losses|casualties"
    r"|formations"
    r"|units|personnel|dead|fighters|military|Self-Defense\s+Forces|Self-Defence\s+Forces)\b"
    # "the head of Ukraine's military intelligence": an agency, not a force
    r"(?!\s+(?:intelligence|spokes|command(?!ers)|leadership|chief|officials?|sources?))"
    r"|\b(?:Russia|Ukraine|Moscow|Kyiv|the\s+Kremlin|the\s+enemy)\s+(?:has\s+|had\s+|have\s+)?(?:\w+\s+)?"
    r"(?:lost|deployed|sent|dispatched|suffered|mobili[sz]ed)\b"
    r"|\blosses\s+of\s+(?:the\s+)?(?:Russian\s+Federation|Russia|Ukraine"
    r"|(?:Russian|Ukrainian)\s+(?:army|forces|troops))\b"
    # a speaker's own side: "Our own losses that day were two wounded", "Our own army, now
    # barely 70,000 strong", a retired general's "I commanded some 4,000 soldiers"
    r"|\b(?:[Oo]ur|[Mm]y)\s+own\s+(?:\w+\s+)?(?:troops|soldiers|forces|army|losses|casualties|men"
    r"|units|personnel|dead|wounded)\b|\bI\s+(?:once\s+)?(?:commanded|led)\b"
)
# Speculation, not a report: "could send 25,000 more". Announcements ("will send",
# "would send" in reported speech) are kept: they are what a government said it does.
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|possibly|ready\s+to|willing\s+to|threatened\s+to|prepared\s+to|able\s+to"
    r"|preparing\s+to|planning\s+to)"
    # "could, in theory, rotate as many as 100,000": an aside between the modal and its verb
    r"(?:,\s+(?:in\s+)?\w+,)?\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:send|sent|deploy|deployed|dispatch|dispatched|provide|commit"
    r"|rotate|rotated|field|fielded|contribute|supply|transfer|move)\b"
    # "analysts expect a fourth wave, possibly as large as 30,000": a forecast.
    r"|\bpossibly\s+(?:as\s+(?:large|many|big)\s+as|up\s+to)"
    # "Were Mr Kim to send another 30,000 soldiers": a condition, not a count
    r"|(?:^|(?<=[.;:]\s)|\b)(?:Were|Should|If)\s+(?:[\w.'-]+\s+){1,3}?to\s+(?:send|dispatch|deploy"
    r"|commit)\b"
    # "scenarios in which Pyongyang commits as many as 100,000": a what-if
    r"|\bscenarios?\s+(?:in\s+which|where|under\s+which)\b"
    # "capable of sending as many as 100,000": what could be, not what is
    r"|\bcapable\s+of\s+(?:\w+\s+){0,2}?(?:sending|deploying|dispatching|providing|fielding"
    r"|committing|mobili[sz]ing|supplying)\b"
    r"|\bexpect(?:s|ed)?\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:wave|deployment|contingent|rotation|batch)\b"
    # "If Pyongyang sends the 30,000 more troops that some fear": a condition.
    r"|(?:^|[,;]\s*|\b)(?<![\w-])[Ii]f\s+(?:[\w'-]+\s+){1,3}(?:sends|send|deploys|dispatches|commits)\b"
    # "sending 100,000 soldiers would be a huge logistical task": a what-if
    r"|\b[Ss]ending\s+(?:another\s+|more\s+than\s+|up\s+to\s+)?[\d,.]+\s+(?:[\w-]+\s+){0,3}?(?:would|could|might)\b"
    # "what would happen if North Korea sent another 10,000 soldiers": a what-if
    r"|\bwhat\s+(?:would|might|could)\s+happen\s+if\b|\b[Ww]hat\s+if\b"
    # "if Pyongyang sent, say, 30,000 more": a number picked for the argument
    r"|,\s+say,\s"
    # "Even if Pyongyang sent 50,000 men, it would not change the balance"
    r"|\b[Ee]ven\s+if\s+(?:[\w'-]+\s+){1,3}(?:sent|deployed|dispatched|committed)\b"
    # "I would not be surprised if another 10,000 were sent next year": a condition too
    r"|(?<![\w-])[Ii]f\s+(?:[\w'-]+\s+){0,3}?\d[\d,.]*\s+(?:[\w'-]+\s+){0,4}?were\s+(?:to\s+be\s+)?"
    r"(?:sent|dispatched|deployed)\b",
    re.I,
)
# Another country's forces acting on the figure: "Russia lost 1,540", "Ukraine has deployed 20,000".
_OTHER_ACTOR = re.compile(
    # not "troops deployed to Russia have suffered 3,000 casualties": a place there
    r"(?<!\bto\s)(?<!\bin\s)(?<!\bfor\s)(?<!from\s)(?<!with\s)"
    r"\b(?:Russia|Ukraine|Moscow|Kyiv|the\s+Kremlin)(?:'s)?(?:,\s+which)?\s+(?:forces\s+|army\s+|military\s+)?"
    r"(?:has\s+|had\s+|have\s+|was\s+|is\s+|were\s+)?(?:also\s+|now\s+|already\s+)?"
    r"(?:continues\s+to\s+|continued\s+to\s+|continue\s+to\s+)?(?:lose|lost|loses|losing|deployed|sent|dispatched"
    r"|suffered|mobili[sz]ed|massed|masses|gathered)\s+(?:\w+\s+){0,3}$"
)
_CONTINGENT = re.compile(
    r"\b(?P<n>first|initial|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:\w+\s+){0,2}?"
    r"(?:wave|contingent|deployment|batch|group|rotation|phase|dispatch|tranche|echelon|round)s?\b"
    r"|\bthe\s+(?P<m>first|second|third|fourth)\b(?!\s+(?:time|day|week|month|year|half|quarter|of|such))"
    r"|\b(?P<i>initially|originally|at\s+first|first)\s+(?:\w+\s+)?(?:sent|deployed|dispatched)",
    re.I,
)
# Every contingent phrase holds one of these (cheap to test before the pattern's scan).
_ORDINAL_WORDS = ("first", "initial", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd",
                  "4th", "5th", "originally")  # fmt: skip
_ORDINALS = {"first": 1, "initial": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}  # fmt: skip
_AUDIENCE = re.compile(
    r"\b(?:spoke\s+(?:with|to)|talked\s+(?:with|to)|met(?:\s+with)?|interviewed|visited|questioned)\s+"
    r"(?:with\s+)?(?:the\s+)?$",
    re.I,
)
_DIGIT = re.compile(r"\d")
_PUNCTUATION = ".,;:!?\"'()[]"
# The sentence's words for cheap "can this pattern match at all" tests: punctuation and
# hyphens become spaces (str.translate runs in C; stripping each word in Python does not).
_WORD_BREAKS = str.maketrans(dict.fromkeys(_PUNCTUATION + "-", " "))
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
_UNIT_WORDS = ("unit", "brigade", "battalion", "company", "platoon", "squad", "detachment",
               "regiment", "team")  # fmt: skip
_AUDIENCE_WORDS = ("spoke", "talked", "met", "interviewed", "visited", "questioned")
# The same substring tests as `any(w in lower for w in ...)`, each as one scan in C.
_ANY_UNIT_WORD = re.compile("|".join(_UNIT_WORDS))
_ANY_AUDIENCE_WORD = re.compile("|".join(_AUDIENCE_WORDS))
_UNIT_OF = re.compile(
    r"\b(?:unit|brigade|battalion|company|platoon|squad|detachment|regiment|team)s?\b"
    r"(?:,?\s+(?:which|that|who)\s+(?:has|had|have|numbers|numbered)|\s+(?:of|with|numbering))"
    r"\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|only\s+|just\s+)?$",
    re.I,
)
_EQUIPMENT = re.compile(
    r"\b(?:launchers?|howitzers?|guns|missiles?|shells?|drones?|vehicles?|tanks?|rockets?"
    r"|artillery|weapons|containers?|systems)\b",
    re.I,
)
_SAME_PERIOD = re.compile(
    r"\b(?:the\s+same|that)\s+(?:day|week|month)\b"
    # "The same briefing put the total at 15,000": the briefing dated just before
    r"|^(?:The|That)\s+same\s+(?:briefing|report|assessment|statement|session|meeting|update)\b",
    re.I,
)
_TOTAL_AT = re.compile(
    r"\b(?:total|number|figure|tally|count|toll|estimate)\s+(?:at|to|of)\s+$", re.I
)
_THAT = re.compile(r"\bthat\b")
_OF_FIGURE = re.compile(
    r"\s+of\s+(?:some|about|around|nearly|roughly|almost|more\s+than|at\s+least|up\s+to|over"
    r"|an\s+estimated|approximately)?\s*"
)
_SENT_TO = re.compile(
    r"(?:sent|deployed|dispatched)\s+(?:to|into)\b|(?:fighting|fought|serving)\s+(?:for|alongside|with|in)\b"
)
_NOUN_PHRASE_ONLY = re.compile(r"(?:\s+[\w'-]+){1,4}\s+")
_NUMBER_OF = re.compile(
    r"\b(?:number|total|figure|tally|count|toll)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<noun>[\w-]+(?:\s+[\w-]+){0,2})\s+(?:at|to)\s+$",
    re.I,
)
_FORCE_AT = re.compile(
    r"\b(?:puts?|putting|placed?|placing|estimates?|estimated|pegs?|pegged)\s+(?:the\s+|its\s+)"
    r"(?:size\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?(?:force|contingent|deployment|expeditionary\s+force)"
    r"\s+at\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more\s+than\s+|over\s+|up\s+to\s+)?$",
    re.I,
)
_LOCATION_CUE = re.compile(r"(?:in|on|at|troops\s+in)\b", re.I)
_AGENCY_KINDS = frozenset({"intelligence", "government", "military"})
_ANAPHOR = re.compile(
    r"^(?:the|this|that)\s+(?:(?:spy|intelligence|military|defen[cs]e|government)\s+)?"
    r"(?:agency|service|ministry|department|military|intelligence|directorate)[.,;:!?'\"]*$",
    re.I,
)
# "an 11-nation monitoring group said": a body described, to be named in what follows
_BODY_DESCRIBED = re.compile(
    r"(?:a|an|the)\s+(?:[\w.-]+\s+){0,3}(?:group|team|panel|body|monitors|commission|committee"
    r"|watchdog|organi[sz]ation|institute|council|mission|coalition)[.,;:!?'\"]*"
)
_BODY_WORDS = frozenset(["group", "team", "panel", "monitors", "commission", "committee",
                         "watchdog", "organisation", "organization", "institute", "council",
                         "mission", "coalition", "nation", "based", "member", "international",
                         "independent"])  # fmt: skip
_WORD_RE = re.compile(r"[a-z]+")
_OWNED_NAME = re.compile(
    r"\b[A-Z][a-z]+'s\s+(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})"
    r"(?=\s+(?:[a-z]+ed|told|met|went|gave|made|said|wrote|spoke)\b)"
)
_OF_THEM_ARE = re.compile(
    r"\s+of\s+(?:them|those|these)\s+(?:are|were)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b"
)
# An embedded post: "@ZelenskyyUa" on its own line, after the author's name
_HANDLE_LINE = re.compile(r"\s*@\w{2,30}\s*")
_AUTHOR_LINE = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}")
_POST_STAMP = re.compile(r"\s*\d{1,2}:\d\d\s*(?:AM|PM|am|pm)?\s*[\u00b7|-]")
# "The statement also says", "the report said": the document of the source named last
_DOCUMENT_ANAPHOR = re.compile(
    r"(?:the|this|that|its|their)\s+(?:(?:same|new|latest|full|written|daily|weekly|monthly)\s+)?"
    r"(?:statement|report|update|document|release|communiqu\u00e9|communique|summary|bulletin)"
    r"[.,;:!?'\"]*",
    re.I,
)
# A report that calls figures false (see `_Extraction._debunked`).
_FALSE_NEXT = re.compile(
    r"(?:but\s+)?(?:this|that|it|such\s+(?:a\s+)?\w+|the\s+(?:[\w-]+\s+)?(?:claims?|figures?|numbers?"
    r"|reports?|estimates?|statements?|posts?|videos?|quotes?|assertions?|captions?))\s+"
    r"(?:is|was|are|were)\s+(?:completely\s+|entirely\s+|also\s+)?(?:false|fake|untrue|fabricated"
    r"|baseless|not\s+true|incorrect|inaccurate|wrong|not\s+correct)(?=\s*(?:[.,;:!]|$))"
    # "It has no basis, and even Kyiv disowned it."
    r"|(?:this|that|it|the\s+(?:claim|figure|post|report))\s+(?:has|had)\s+no\s+(?:basis|foundation"
    r"|factual\s+basis)\b|(?:this|that|it)\s+(?:was|has\s+been)\s+(?:debunked|disowned|refuted)\b",
    re.I,
)
_DENIED = re.compile(
    r"\b(?:falsely|wrongly|incorrectly|erroneously|mistakenly)\s+(?:claim|claims|claimed|say|says"
    r"|said|state[sd]?|reports?|reported|gave|put)\b"
    r"|\b(?:did\s+not|didn't|never)\s+(?:say|said|claim|claimed|state|admit|admitted)\b"
    # "did not say whether the group is part of those 5,000": a question left, no denial
    r"(?!\s+(?:whether|if|how|when|where|why|what|which|who)\b)"
    # a correction: "An earlier version misstated the estimate of deaths as 20,000"
    r"|\b(?:misstated|misreported|misquoted)\b"
    r"|\b[Aa]n\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|post|page)\s+(?:\w+\s+){0,2}?"
    r"(?:stated|said|reported|gave|put|described|included)\b"
    # a tracker's log: "Removed a figure of 40,000 that some outlets attributed to ..."
    r"|\b(?:[Rr]emoved|[Dd]eleted|[Ww]ithdrew|[Rr]etracted)\s+(?:a|the)\s+(?:\w+\s+)?"
    r"(?:figure|estimate|claim|number|entry)\s+of\b",
    re.I,
)
_CORRECTION = re.compile(
    r"(?:incorrectly|erroneously|mistakenly|misstated|misreported|an\s+earlier\s+version)", re.I
)
_NOT_BEFORE = re.compile(
    r"\b(?:nowhere\s+(?:near|close\s+to)|never\s+(?:near|close\s+to)|not\s+(?:even\s+)?"
    r"(?:near|close\s+to)|anywhere\s+near|rather\s+than|instead\s+of"
    # "nowhere near 40,000": "near" read as the figure's own qualifier
    r"|nowhere|never|not\s+(?:even\s+)?anywhere"
    # "the capture of two soldiers, not 200"
    r"|,\s*not)\s+(?:the\s+)?$",
    re.I,
)
_FALSE_LATER = re.compile(
    r"\b(?:was|is|were|are|proved|proven|has\s+been\s+shown\s+to\s+be|turned\s+out\s+to\s+be)"
    r"\s+(?:completely\s+|entirely\s+|also\s+|later\s+|quickly\s+|since\s+been\s+)?(?:false|untrue"
    r"|fake|fabricated|baseless|bogus|a\s+hoax|deleted|retracted|withdrawn|taken\s+down)\b"
    # "A figure of 100,000 dead that circulated on Telegram can be safely ignored"
    r"|\b(?:can|could|should|may)\s+(?:\w+\s+)?be\s+(?:safely\s+)?(?:ignored|dismissed|discounted"
    r"|disregarded)\b|\bis\s+not\s+credible\b",
    re.I,
)
_CLAIM_NOUN = re.compile(
    r"\b(?:claims?|rumou?rs?|reports?|posts?|stor(?:y|ies)|allegations?|figure\s+of)\b", re.I
)
_FALSE_WORDS = ("false", "untrue", "fake", "fabricated", "baseless", "bogus", "hoax", "deleted",
                "retracted", "withdrawn", "taken down", "ignored", "dismissed", "discounted",
                "disregarded", "not credible")  # fmt: skip
_DENIED_WORDS = ("falsely", "wrongly", "incorrectly", "erroneously", "mistakenly", "not ", "n't",
                 "never", "misstated", "misreported", "misquoted", "earlier version", "emoved",
                 "eleted", "ithdrew", "etracted")  # fmt: skip
_NOT_BEFORE_WORDS = ("near", "close", "rather", "instead", "nowhere", "never", "anywhere", ", not")
_FACT_CHECK = re.compile(r"\bfact[\s-]?check", re.I)
_FACT_CHECK_REACH = 400
_PRESS_RELEASE = re.compile(
    r"\b(?:press|news|media)\s+release\b|\bfor\s+immediate\s+release\b", re.I
)
_PRESS_RELEASE_REACH = 400
# A fact-check's heading for the claim it checks: "CLAIM 1:", "Claim:", "Claim II -".
_CHECKED_CLAIM = re.compile(
    r"(?:CLAIM|Claim)(?:\s+(?:\d{1,2}|[IVX]{1,4}))?\s*(?::|\s[-\u2013\u2014])\s"
)
# In a fact-check, a figure in what a post, video or caption says is the claim checked.
_CLAIMED_IN_POST = re.compile(
    r"\b(?:posts?|video|clip|caption|meme|tweet|claims?\s+that|assertion|reads)\b", re.I
)
# Another war's places and parties, for a roundup's other items (see `_off_topic`).
_OTHER_CONFLICT = re.compile(
    r"\b(?:"
    + word_trie(
        ["Gaza", "Israel", "Israeli", "Israelis", "Hamas", "Hezbollah", "Palestinian",
         "Palestinians", "West Bank", "Sudan", "Sudanese", "Darfur", "Khartoum", "Syria",
         "Syrian", "Yemen", "Houthi", "Houthis", "Lebanon", "Iran", "Iranian", "Taiwan",
         "Myanmar", "Ethiopia", "Tigray", "Somalia", "Congo", "Afghanistan", "Taliban", "Sahel",
         "Mali", "Haiti"]
    )
    + r")\b"
)  # fmt: skip
_CONFLICT_STEMS = ("gaza", "israel", "hamas", "hezbollah", "palestin", "west bank", "sudan",
                   "darfur", "khartoum", "syria", "yemen", "houthi", "lebanon", "iran", "taiwan",
                   "myanmar", "ethiopia", "tigray", "somalia", "congo", "afghan", "taliban",
                   "sahel", "mali", "haiti")  # fmt: skip
_KOREAN = re.compile(r"\bKorean?s?\b|\bKPA\b")
_OF_THE_FORCE = re.compile(r"\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}$")
_THIS_CONCERNS = re.compile(
    r"\b(?:this|that|these|those)\s+(?:concerns?|amounts?\s+to|applies\s+to|refers\s+to|involves?"
    r"|means)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_PARADE = re.compile(r"\b(?:parades?|rehears(?:al|als|ing|ed|e))\b", re.I)
# A bare figure's nearest cue is looked for this far before it first: a cue starting further
# back ends at least this far less the longest cue's length away (`_NEAREST_SLACK`), so one
# found within the difference is the nearest of the whole sentence.
_NEAREST_WINDOW = 600
_NEAREST_SLACK = 120
_ORGANISATION_NAME = re.compile(r"\b(?:Ministry|Agency|Service|Department|Directorate|Office)\b")
_SOURCE_ANAPHOR = re.compile(
    rf"(?:the|that|this|our|the\s+same)\s+(?:source|official|senior\s+official|{UNNAMED_PERSON_NOUNS})"
    r"[.,;:!?'\"]*$",
    re.I,
)
_UNNAMED_PERSON_NAME = re.compile(rf"a (?:local )?(?:{UNNAMED_PERSON_NOUNS})\b")
_PRONOUN = re.compile(r"(?:He|She|he|she)\s*$")
_NAME_RUN = re.compile(r"(?<![\w'-])[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}(?![\w'-])")
# Two or three capitalised words, none an organisation's: "Andriy Yusov", "Kim Yong-hyun".
_PERSON_NAME = re.compile(r"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}$")
_ORGANISATION_WORDS = frozenset(
    ["Ministry", "Service", "Agency", "Office", "Staff", "Forces", "Department", "Council",
     "Institute", "Command", "Intelligence", "Army", "Committee", "Directorate", "Government",
     "Media", "News", "Post", "Times", "Daily", "Ilbo"]
)  # fmt: skip
# What makes "people" civilians rather than troops.
# Munitions counted in a sentence or the one before ("launched 85 drones ... 58 of them").
_MUNITION = re.compile(r"\b(?:drones?|missiles?|Shaheds?|UAVs?|rockets?|glide\s+bombs?)\b", re.I)
# "58 of them", "27 were lost to electronic warfare": a share of the drones just counted
_MUNITION_SHARE = re.compile(
    r"\s+of\s+them\b|\s+(?:were|was)\s+[\"\u201c]?(?:lost|jammed|suppressed|downed)[\"\u201d]?\s+"
    # ('14 were "lost" locally as a result of electronic warfare')
    r"(?:\w+\s+)?(?:to|by|as\s+a\s+result\s+of|due\s+to|because\s+of)\s+"
    r"(?:electronic|jamming|EW|radio|air\s+defen)"
)
_PEOPLE_TOLL = re.compile(
    r"\bpeople\s+(?:were\s+)?(?:killed|injured|wounded|hurt|dead)\s+(?:in|by|after)\s+(?:a|an|the)\s+"
    r"(?:\w+\s+){0,4}?(?:attack|strike|shelling|bombing|explosion)"
    # "A Russian drone attack on Kharkiv killed two people and wounded 12"
    r"|\b(?:attack|strike|shelling|bombing|bombardment)\b[^.;]{0,80}?\b(?:killed|injured|wounded)\s+"
    r"(?:\w+\s+){0,2}?(?:people|civilians|residents)\b"
)
_PERSON_WORD = re.compile(r"\b(?:person|people|civilians?|residents?|governor|children|child)\b")
_CIVILIAN = re.compile(
    r"\b(?:civilians?|residents?|strikes?|attacks?|missiles?|drones?|debris|city|cities|trapped"
    r"|hospitals?|homes?|buildings?|refugees|population|rally|rallies|crowds?|gathered|ceremony"
    r"|celebrat\w*|audience|spectators|students|visitors)\b",
    re.I,
)
# "the country's spy agency", "its military intelligence": whose, from the sentence.
_COUNTRY_ANAPHOR = re.compile(r"(?:the\s+country's|its)\s+(?P<rest>[a-z][\w\s-]*?)[.,;:!?'\"]*$")
_COUNTRY_NAMED = re.compile(
    r"\b(?:South\s+Korean?|Seoul|Ukrainian|Ukraine|Kyiv|British|Britain|UK|U\.S\.|US|American"
    r"|Washington|Japanese|Japan|Tokyo)\b"
)
_COUNTRY_OWNERS = (
    ("south korea", "south korean", "seoul"),
    ("ukraine", "ukrainian", "kyiv"),
    ("britain", "british", "uk"),
    ("us", "american", "washington"),
    ("japan", "japanese", "tokyo"),
)
_SINCE_TOTAL = re.compile(r"\b(?:a\s+)?total\b", re.I)
# What a live blog's entry heading holds besides its date: "Thursday 7 November, 10:15 GMT".
# One alternative per position (no two quantifiers over the same characters), so that a
# long line fails in linear time.
_DATE_LINE_REST = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|at|\d{1,2}[:.]\d{2}"
    r"|[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EET|EEST|KST|JST|EST|EDT|ET|PT|local\s+time|[\s,.|:()-])*",
    re.I,
)
# Statement days are read from weekdays only ("said Tuesday"): "said last week" or "said on
# January 11" more often recalls an earlier statement than dates the report's figures.
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday", re.I)
_WEEKDAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
     "today"]
)  # fmt: skip
# How far after a speaker's name the date of their statement may begin: "the agency told
# lawmakers Thursday", "Budanov made the statement on Friday evening".
_STATEMENT_REACH = 40
_FORCE_METRICS = frozenset({"deployed", "in_training", "combined_force"})
# Another force named after a figure is the figure's only when near it ("1,500, Ukraine's
# forces said" is an attribution; "11,000 soldiers, sent in 2024, were thrown in to push
# Ukrainian troops out" is not about Ukrainian troops).
_OTHER_FORCE_AFTER = 30
# A joint force named as a noun ("a combined grouping", "the joint force", "a grouping") and
# how far before a figure it may stand: "a grouping of about 50,000 troops".
_COMBINED_NOUN = re.compile(
    r"\b(?:(?:combined|joint|mixed)\s+(?:[\w-]+\s+){0,2}?(?:force|forces|grouping|group)"
    r"|(?<!Korean\s)(?<!DPRK\s)(?<!KPA\s)grouping)\b",
    re.I,
)
_COMBINED_REACH = 90
_NEAREST_REACH = 60
_DATELINE_REACH = 40
# "3,000 since the troops were committed to combat": when the count began
_SINCE_EVENT_PATTERN = r"\bsince\s+(?:the|they|their|its|it|being)\s+(?:[\w-]+\s+){0,2}$"
_SINCE_EVENT = re.compile(_SINCE_EVENT_PATTERN)
_AFTER_EVENT = re.compile(
    r"\b(?:after|despite|following)\s+(?:[\w-]+\s+){0,3}$|" + _SINCE_EVENT_PATTERN
)
# "Join 15,000 members who support independent journalism": a call to readers.
_JOIN = re.compile(
    r"\b(?:[Jj]oin|[Bb]ecome\s+one\s+of)\s+(?:(?:more|over|than|nearly|some|the|our)\s+)*$"
)
_STATED_BY = re.compile(
    r"(?:This|That|It|These\s+figures|The\s+(?:figure|statement|estimate))\s+(?:was|were)\s+"
    r"(?:stated|said|announced|reported|disclosed|given|made\s+public)\s+by\b"
)
# "An NIS official reached on Wednesday declined to comment": a day it said nothing on
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused|did\s+not|didn't|would\s+not|wouldn't)\s+(?:to\s+)?"
    r"(?:comment|respond|confirm|answer)|\bcould\s+not\s+be\s+reached\b|\bno\s+comment\b"
)
# "600 a month later", "two weeks later": counted on from the date written before
_LATER_BY = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+later\b",
    re.I,
)
_LATER_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_LATER_REACH = 60
_OTHER_FIGURES_GIVEN = re.compile(
    r"\b(?:the|its|their|his|her|earlier|previous|old|first)\s+(?:\w+\s+)?"
    r"(?:figures?|estimates?|numbers|counts?|tally|toll|assessments?)\s+(?:\w+\s+){0,3}?"
    r"(?:gave|given|released|published|issued|put\s+out|announced|offered|reported|made)"
    r"(?:\s+(?:in|on|at))?\s+$"
    # "about 2,000, sharply up from its estimate in late April of around 600"
    r"|\b(?:up|down)\s+from\s+(?:its|the|their|his|her|an?)\s+(?:\w+\s+)?"
    r"(?:estimate|figure|count|assessment|tally)s?\s+(?:(?:in|of|from|on)\s+)?$",
    re.I,
)
_OTHER_FIGURES_REACH = 70
_DATED_DOCUMENT = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:assessment|briefing|report|statement|update|estimate|testimony)\b"
)
_TRAVELLED_ON = re.compile(
    r"\b(?:flew|travell?ed|arrived|was\s+back|returned)\s+(?:to|in)\s+[A-Z][\w-]+\s+(?:on\s+)?$"
)
_TOLD_AUDIENCE = re.compile(
    # ("Gen. Brunson, who heads U.S. Forces Korea, told the Senate committee on Tuesday")
    r"\)?(?:,\s+(?:who|which)\s+[^,]{1,80},)?,?\s+(?:told|briefed|informed|testified\s+(?:to|before))"
    r"\s+(?:the\s+|a\s+)?"
    r"(?:[\w'-]+\s+){0,4}?(?:committee|lawmakers|legislators|parliament|reporters|journalists"
    r"|MPs|assembly|senators|Congress|session|hearing)"
    r"(?:\s+(?:behind\s+closed\s+doors|in\s+(?:a\s+)?(?:closed-door|private)\s+(?:session|meeting)"
    r"|in\s+private))?\s+(?:on\s+)?",
    re.I,
)
_SPEAKING_OPENS = re.compile(
    r"(?:Speaking|Talking|Writing|Testifying|Briefing\s+reporters|In\s+an\s+interview"
    r"|In\s+remarks|Addressing"
    # "In a post uploaded to his Facebook account Sunday, Yu wrote"
    r"|In\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:post|statement|message|update"
    r"|letter|video|address|interview))\b"
)
_UNNAMED_SAID_ON = re.compile(r",?\s+(?:said|says|told\s+reporters)\s+(?:on\s+)?(?=[A-Z])")
_ANNOUNCED_BY = re.compile(
    r"\b(?:announced|disclosed|revealed|confirmed|unveiled|stated|made\s+public)\s+on\s+"
    r"(?P<date>[^,;]{3,25}?)\s+by\s+(?:the\s+)?(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})"
)
_BRIEFED = re.compile(
    r"\s+(?:\w+\s+)?(?:briefed|told|informed)\s+(?:(?:South\s+Korean|the|a|parliament's|national)\s+)*"
    r"(?:MPs|lawmakers|legislators|parliament|parliamentarians|deputies|committee|assembly)\b",
    re.I,
)
_TRAINING_REACH = 90
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WRITTEN_DAY = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}")
# The same figure from the same source, dated this many months apart or more, is two
# statements ("5,000 were sent, it said on Wednesday" after "it had said in October last
# year that 5,000 were on their way"), not one restated.
_RESTATED_MONTHS = 3
_HOME_REACH = 120
# "North Korea has brought home around 3,000 of the soldiers": the figure's own verb, before it
_HOME_BEFORE = re.compile(
    r"\b(?:brought|brings|bringing|sent|sends|flown|returned|rotated)\s+(?:back\s+)?home\s+"
    r"(?:about|around|some|roughly|nearly)?\s*$",
    re.I,
)
_SENT_HOME = re.compile(
    r"\b(?:sent|brought|gone|went|returned|returning|flown|rotated|shipped|headed)\s+(?:back\s+)?home\b"
    r"|\b(?:returned|went\s+back|gone\s+back|were\s+withdrawn)\s+to\s+(?:North\s+Korea|Pyongyang)\b"
    r"|\brepatriated\b"
)
_NOT_THEM = re.compile(
    r"\b(?:not|never|while|whereas|but|rather|because|replac(?:e|es|ed|ing)|reliev(?:e|es|ed|ing))\b"
)
_EACH_ONE = re.compile(r",\s+(?:one|each)\s+(?:with|of\s+them\s+with|had|has|was|is)\b")
_SOME_OF_THEM = re.compile(r",\s+(?:most|many|some|half|all|several|part)\s+of\s+them\b")
_DEFECTORS = re.compile(
    r"\s+(?:North\s+Korean\s+)?(?:defectors|escapees|refugees)\b"
    r"|\s+(?:\w+\s+){0,2}?(?:who|that)\s+(?:have\s+|had\s+)?(?:since\s+)?(?:resettled|defected|fled"
    r"|escaped)\b"
)
_TAKEN_PRISONER = re.compile(
    r"\s+(?:[\w-]+\s+){1,4}?(?:were|was|have\s+been|had\s+been)\s+(?:taken\s+(?:prisoner|captive)"
    r"|captured)\b"
    # "Two wounded soldiers captured by Ukraine in January"
    r"|\s+(?:[\w-]+\s+){1,4}?(?:captured|taken\s+prisoner|held)\s+by\s+(?:Ukrain|Kyiv)"
)
_CAPTURED_BEFORE = re.compile(r"\b(?:captured|capturing|took|taken|seized|detained)\s+$")
_PRESENT_BEFORE = re.compile(
    r"\b(?:current|currently|at\s+present|presently)\s+(?:[\w'-]+\s+){0,4}$", re.I
)
_ALSO_SAID = re.compile(
    r"\balso\s+(?:said|estimated|estimates|told|reported|believes|assessed|put|puts|noted)\b"
)
_BORDER_STEMS = ("mdl", "dmz", "demarcation", "demilitari")
_INTER_KOREAN = re.compile(
    r"\b(?:MDL|DMZ|Military\s+Demarcation\s+Line|[Dd]emilitari[sz]ed\s+[Zz]one)\b"
)
_RUSSIA_WAR = re.compile(r"\b(?:Russia|Russian|Kursk|Ukraine|Ukrainian|Moscow|Kyiv)\b")
_KOREAN_SURNAMES = ["Ri", "Kim", "Lee", "Park", "Choi", "Yu", "Jung", "Jeong", "Kang", "Cho",
                    "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn",
                    "Song", "Hong", "Moon", "Yang", "Ko", "Son", "Bae", "Baek", "Heo", "Nam", "Noh",
                    "Ha", "Kwak", "Sung", "Cha", "Joo", "Woo", "Min"]  # fmt: skip
_KOREAN_SURNAME_SET = frozenset(_KOREAN_SURNAMES)


@functools.lru_cache(maxsize=64)
def _korean_name(surname: str) -> re.Pattern[str]:
    """The surname followed by a given name ("Ri Chol-min", "Kim Jong Un")."""
    return re.compile(
        rf"(?<![\w'-]){surname}\s+(?:[A-Z][a-z]+-[a-z]+|[A-Z][a-z]+\s+[A-Z][a-z]+)(?![\w'-])"
    )


_RELEASED_ON = re.compile(
    r"\b(?:report|statement|assessment|study|update|findings|paper)\s+(?:\w+\s+){0,2}?"
    r"(?:released|published|issued|made\s+public|dated|circulated)\s+(?:on\s+|late\s+on\s+|last\s+)?$"
)
_POSTED_ON = re.compile(
    r"\b(?:posted|published|issued|released|made)\s+(?:the|its|this|a)\s+(?:statement|update|post"
    r"|report|assessment|figures?)\s+(?:on|late\s+on)\s"
    # "Source: Budanov in an interview for the news telethon, aired on Monday evening"
    r"|\b(?:interview|address|speech|remarks|appearance)\b[^.;]{0,80}?\b(?:aired|broadcast"
    r"|published|posted|given|recorded|held)\s+(?:on|late\s+on)\s"
    # "In its daily update on the war, published on Sunday, Defence Intelligence said"
    r"|\b(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:update|report|statement|assessment|bulletin)"
    r"\b[^.;,]{0,30},\s+(?:published|released|issued|posted)\s+(?:on|late\s+on)\s"
    # "The NIS gave the figures to MPs at a closed-door session ... on Monday"
    r"|\b(?:gave|presented|shared|disclosed|provided|delivered|relayed|conveyed|passed\s+on)"
    r"\s+(?:the|its|these|those)\s+"
    r"(?:figures?|estimates?|numbers|assessment|findings)\b[^.;]{0,100}?"
    # ("during a closed-door briefing to the committee Thursday")
    r"(?:\bon\s|\s(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))"
)
_NOTE_LINE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+(?P<text>[^\n]{1,400})", re.M)
_NOTE_MARK = re.compile(r"\[(\d{1,3})\]")
_SENTENCE_END = re.compile(r"[.!?](?:\[\d{1,3}\])*[\"')\]]*(?:\s|$)|\n")
# A speaker's own figure: "my own working estimate", "our count", "I reckon".
_OWN_ESTIMATE = re.compile(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:estimate|count|reckoning|assessment|guess"
    r"|figure|tally)\b|\bI\s+(?:would\s+|'d\s+)?(?:estimate|reckon|guess|put\s+it)\b"
)
_SPOKE_OF = re.compile(
    r"\b(?:spoke|speaks|talked|talks|wrote|writes)\s+of\s+(?:(?:some|about|around|roughly|nearly"
    r"|more\s+than|over|up\s+to|at\s+least)\s+)?$|\b(?:and|then)\s+(?:in\s+\w+\s+)?of\s+"
    r"(?:(?:some|about|around|roughly|nearly|more\s+than|over|up\s+to|at\s+least)\s+)?$"
)
_SPOKE_OF_REACH = 300
_ESTIMATE_OF = re.compile(r"\b[Tt]he\s+(?:estimate|figure)\s+of\s+$")
_FIGURE_WAS = re.compile(
    # "In its May briefing, the agency raised that to roughly 2,300": the count before
    r"\b(?:raised|lowered|revised|increased|cut|pushed)\s+(?:that|it|this|the\s+(?:figure|estimate|toll"
    r"|number|count|total))\s+(?:up\s+|down\s+)?to\s+$|"
    # "... around 4,000 casualties ... The estimate of 4,000 included at least 1,000 dead"
    r"\bthe\s+(?:real\s+|true\s+|actual\s+)?(?:figure|number|toll|total|tally|count)\s+(?:was|is|were"
    r"|stood|stands)\s+(?:(?:closer\s+to|nearer(?:\s+to)?|only|just|barely)\s+)?(?:(?:about|around|some)\s+)?$"
    # "The spy agency's estimate stood at about 4,700 in April last year"
    r"|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w']+\s+){0,2}?(?:estimate|figure|count|tally|toll)\s+"
    r"(?:stood|stands|was|had\s+been)\s+at\s+(?:(?:about|around|some|roughly|nearly)\s+)?$"
)
_UNTIL_BEFORE = re.compile(r"\b(?:through|until|till|into)\s+$")
# Capitalised words before a surname that are no given name: "Mr Hnatiuk", "Gen. Brunson".
_NOT_GIVEN_NAMES = frozenset(
    [*_TITLES, "the", "mr", "mrs", "ms", "dr", "gen", "general", "president", "minister", "said",
     "says", "rep", "sen", "colonel", "col", "lt", "major", "captain", "commander", "chief",
     "north", "south", "by", "and", "with", "when", "as", "but", "if", "that", "according"]
)  # fmt: skip
_THEN_OPENS = re.compile(r"(?:Then|Back\s+then|At\s+that\s+time|At\s+the\s+time),\s")
_BACK_THEN = re.compile(
    r"\b(?:the|that)\s+same\s+(?:[\w-]+\s+){0,2}?(?:briefing|session|meeting|report|statement|update"
    r"|assessment|estimate|hearing|address|interview)\b|\b(?:said|told\s+\w+|estimated|put\s+it)\s+at"
    r"\s+the\s+time\b|,\s+at\s+the\s+time\b",
    re.I,
)
_SAME_OCCASION = re.compile(
    r"\b(?:in|at|during)\s+the\s+same\s+(?:closed-door\s+|closed\s+)?(?:briefing|session|meeting"
    r"|report|statement|update|address|interview|hearing)\b",
    re.I,
)
# "The spy agency said ...": the source of the sentence before, named again.
_AGENCY_AGAIN = re.compile(
    r"(?:The|That|This)\s+(?:spy\s+|intelligence\s+|same\s+)?(?:agency|service|ministry)"
    r"\s+(?:also\s+)?(?:said|told|estimated|added|reported|believes|assessed|put)\b"
)
_HAD_SAID = re.compile(r"\bhad\s+(?:\w+\s+)?(?:estimated|said|put|reported|told|given|cited)\b")
_ASIDE_REACH = 80
_ASIDE_OPENER = re.compile(r",\s+(?:who|which|whose)\s")
_N_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|those)\s+(?:\w+\s+)?")
_COMPARED_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|falling|revised)\s+(?:\w+\s+)?from|(?:its|their|the)\s+(?:earlier\s+"
    r"|previous\s+|own\s+)?(?:estimate|figure|count|tally)\s+of"
    # "said 1,500 had been shipped, before raising its count to about 3,000"
    r"|(?:rais|revis|lift|increas|updat|lower|cut|bump|push)\w*\s+(?:its|their|the|that|this)\s+"
    r"(?:\w+\s+)?(?:estimate|figure|count|tally|number|total)\s+to)\s+(?:the\s+)?$"
)
_QUOTE_CLOSED = re.compile(r"(?:[.,]\"|\",)\s+(?:the\s+|a\s+|an\s+)?[A-Za-z]")
_DAILY_BEFORE = re.compile(
    r"\b(?:average\s+)?daily\s+(?:casualt(?:y|ies)|losses|toll|death\s+toll|casualty\s+rate)\b"
    r"(?:(?!,\s+(?:and|but|while)\s)[^;.])*$"
)
_DAILY_REACH = 100
_DAY_OCCASION = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:briefing|session|hearing|statement|report|update|meeting|address|press\s+conference"
    r"|announcement|testimony|interview)\b"
)
_CHANGE_OF = re.compile(
    r"\b(?:increase|rise|jump|drop|decrease|fall|decline|addition)\s+of\s+"
    r"(?:(?:some|about|around|nearly|roughly|more\s+than|over)\s+)?$",
    re.I,
)
_CELL_BRACKET = re.compile(r"\(([^()]{2,60})\)")
_ENTRY_DASH = re.compile(r"\s*(?:\u2014|\u2013|--?|:)\s")
_YES_NO_QUESTION = re.compile(
    r"(?:[\w ]{1,30}:\s+)?[\"'\u201c]?"
    r"(?:Are|Is|Were|Was|Did|Do|Does|Have|Has|Had|Could|Can|Will|Would)\s"
)
_ATTACK_TOLL = re.compile(
    r"\s+(?:people\s+|civilians\s+|residents\s+)?(?:were\s+|have\s+been\s+)?(?:killed|dead"
    r"|injured|wounded|hurt)\s+(?:in|by|after|during)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:attacks?|strikes?|shelling|bombing|bombardment|raids?|barrage)\b",
    re.I,
)
_WOUNDED_PRISONERS = re.compile(
    r"\s+(?:wounded|injured)\s+(?:North\s+Korean\s+|DPRK\s+|Korean\s+)?(?:prisoners|captives|POWs)\b"
)
_DEFENCE_FORCES = re.compile(r"\bdefen[cs]e\s+$", re.I)
_UP_FROM_BEFORE = re.compile(
    r"\b(?:up|down|rising|risen|falling|fallen)\s+(?:sharply\s+|slightly\s+|markedly\s+)?from\s+"
    r"(?:the\s+|an?\s+|its\s+|his\s+|their\s+)?(?:\w+\s+)?$"
)
_THE_OFFICIALS = re.compile(r"[Tt]he\s+(?:same\s+|two\s+|three\s+)?officials")
_THE_PRESIDENT = re.compile(
    r"(?:[Tt]he\s+)?(?:[Pp]resident|[Hh]ead\s+of\s+[Ss]tate|Ukrainian\s+(?:leader|president))"
)
_AND_THAT = re.compile(r",\s+and\s+that\s")  # "He said ..., and that ...": another thing said
_JOINED_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s")
_SUBSET_AFTER = re.compile(
    r",[\"'\u201d]?\s+(?:including|among\s+them|of\s+whom)\s"
    # "2,000 killed, more than triple its estimate of 600 in April"; "15,000 in total since
    # the roughly 11,000 that arrived in late 2024"
    r"|\b(?:times|triple|double|than|since\s+the)\s|\b(?:its|their)\s+(?:earlier\s+|previous\s+)?estimate\s+of\s"
    # "about 14,000 - slightly down from the 15,000 it gave last April"
    r"|\b(?:up|down|rising|falling|revised|lower|higher)\s+(?:\w+\s+)?from\s|\bcompared\s+(?:with|to)\s"
)
_FOR_EVERY = re.compile(r"\b(?:for|in|to)\s+(?:every|each)\s+(?:about\s+|some\s+)?$")
_AWARDED = re.compile(
    r"\s+(?:[\w'-]+\s+){0,6}?(?:have\s+been|had\s+been|were|was|received|got)\s+(?:\w+\s+)?"
    r"(?:awarded|decorated|honou?red)\b|\s+(?:[\w-]+\s+){0,3}?(?:received|got)\s+(?:\w+\s+){0,2}?awards?\b"
)
_OR_NUMBER = re.compile(r"\s+(?:or|to)\s+\d[\d,.]*")
_FOR_EVERY_OPENS = re.compile(r"[\"\u201c]?(?:For|for)\s+(?:every|each)\s+[^.;]{0,40}$")
# "nine wounded for each one killed": the first term of a ratio.
_FOR_EACH_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:for|per)\s+(?:each|every)\s", re.I)
# "the first of an expected 5,000 builders": a number still to come.
_EXPECTED_BEFORE = re.compile(r"\b(?:an?|the)\s+(?:further\s+)?expected\s+$", re.I)
_LEAD_DAY_MAX = 100
_OUR_OWN = re.compile(
    r"[Oo]ur\s+(?:own\s+)?(?:sources?|correspondents?|reporters?|journalists?|team)\b"
)
_BULLET_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u25aa]|\d{1,2}[.)])\s")
_BULLET_START = re.compile(r"[-*\u2022\u25aa]\s+$")
# Past this many characters between a date and a figure, a comma is taken to lie between:
# the text is not read, so that a sentence of thousands of dates stays linear.
_DISTANCE_WINDOW = 300
_DATE_LINE_MAX = 80  # a live blog's entry heading is short
# Matched over the few characters after a date only (`_DATELINE_REACH`).
_DATELINE_AFTER = re.compile(
    r"(?:,?\s+\d{4})?(?:\s*(?:\([^()\n]{1,30}\)|[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,2}))?\s*-{1,2}\s"
)
_SIDES = ("ukrain", "kyiv", "korea", "seoul", "russia", "moscow", "kremlin", "americ", "u.s.",
          "us ", "washington", "pentagon", "british", "britain", "uk ", "london", "western",
          "nato", "japan", "european")  # fmt: skip
_ONE_OFFICIAL = re.compile(r"\b(?:official|spokes(?:man|woman|person))$", re.I)
# Prisoner exchanges are between Russia and Ukraine: "returned more than 4,000 captives to
# both sides" counts no North Korean unless the clause names them.
_EXCHANGE = re.compile(r"\b(?:exchanges?|swaps?|swapped|exchanged|freed|both\s+sides)\b", re.I)
# "casualties, including the wounded, stood at 4,700": the cue says what the total holds.
_WOUNDED_IN = re.compile(r"\b(?:wounded|injured|hurt)\s+(?:(?:in|during)\s+)?$")
_MAKE_UP = re.compile(
    r"\b(?:make\s+up|made\s+up|making\s+up|replace|replacing|replenish|replenishing|offset"
    r"|compensate\s+for)\s+(?:some\s+of\s+|part\s+of\s+|for\s+)?(?:the|its|their)?\s*$",
    re.I,
)
_INCLUDING = re.compile(r"\b(?:including|counting|excluding|plus)\s+(?:the\s+)?$", re.I)
_BACKWARD = re.compile(
    r"(?:The|These|Those|Both|All)\s+(?:\w+\s+){0,3}?(?:figures|numbers|estimates|data|counts|tallies)"
    r"\s+(?:(?:came|come|are|were|was)\s+from|(?:were|are|was)\s+(?:provided|given|compiled|released"
    r"|supplied|relayed|disclosed|passed\s+on)\s+by)\b"
)
# "ANDRIY YUSOV:", "FERNANDEZ, HOST:": a transcript's speaker, in capitals, then a colon.
_SPEAKER_LABEL = re.compile(
    r"(?P<x>[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}"
    # or a name of two or three words in title case: "Oleh Dovhyi: In mid-December ..."
    r"|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})(?:,\s+[A-Z][A-Z ]{1,30})?:\s"
)
# A question and an answer in a briefing's transcript: "Q (Yonhap): ...", "A: ...".
# An interview's "Q. ..." and "A. ..." are the same.
_NUMBER_OF_CUE = re.compile(
    r"\bnumber\s+of\s+(?:the\s+)?(?:North\s+Korean\s+)?(wounded|injured|dead|killed|captured"
    r"|missing)\b(?!\s+(?:or|and|and/or)\s+(?:the\s+)?(?:wounded|injured|killed|dead)\b)"
    r"(?![^,;]*\b(?:returned|sent\s+back)\b)",
    re.I,
)
_NUMBER_OF_METRIC = {"wounded": "wounded", "injured": "wounded", "dead": "killed",
                     "killed": "killed", "captured": "captured", "missing": "missing"}  # fmt: skip
_SPOKE_WITH = re.compile(
    r"\b(?:spoke|talked|sat\s+down)\s+(?:with|to)\s+"
    r"(?P<who>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})(?=,|\s+(?:about|on|to|for|in)\b)"
)
_QA_LABEL = re.compile(r"(?:(?P<q>Q|Question)|(?P<a>A|Answer))(?:\s*\([^()\n]{1,40}\))?[:.]\s")
_NOT_LABELS = frozenset(["update", "updated", "breaking", "watch", "read more", "exclusive",
                         "analysis", "note", "photo", "video", "live", "editor's note", "related",
                         "correction", "clarification", "source", "sources", "listen",
                         "opinion"])  # fmt: skip
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|where)\b")
_RELATIVE_REACH = 60
_YEAR = re.compile(r"\d{4}")
_NEW_TOTAL_BEFORE = re.compile(
    r",\s+(?:bringing|taking|raising|pushing|lifting)\s+(?:the|its|their|North\s+Korea's)\s+"
    r"(?:[\w'-]+\s+){0,8}?to\s+(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than"
    r"|an\s+estimated|approximately|at\s+least)\s+)?$"
)
_YEAR_HEADING = re.compile(r"(?m)^[ \t]*((?:19|20)\d\d)[ \t]*$")
# A month (and maybe a day) written alone, for `_narrative_years`: "in late February",
# "April", "on March 3", "by mid-May"
_ASIDE_OPENS = re.compile(r",\s+(?:who|which|whose)\b")
_BARE_MONTH = re.compile(
    r"(?:(?:in|on|by|from|during|until|through|of|around|early|late|mid|the|end|start"
    r"|beginning|middle)[\s-]+)*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
    r"(?:\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?"
)
# Table cells: runs of two or more spaces, tabs or bars between them.
_CELL_BREAK = re.compile(r"[ \t]{2,}|\t|\s*\|\s*")
_VIA_CELL = re.compile(r".+?(?P<via>\s*\(via\s+(?P<who>[^()]+)\))")
_WOULD_WORDS = ("would", "will", "could", "may", "might", "expected", "likely", "set to",
                "projected")  # fmt: skip
_WOULD_REACH = re.compile(
    r"(?=[wcmia])\b(?:would|will|could|may|might|(?:is|was|are|were)\s+(?:expected|likely|set|projected)\s+to)"
    r"\s+(?:soon\s+|eventually\s+)?(?:reach|rise\s+to|grow\s+to"
    r"|climb\s+to|top|exceed|hit|swell\s+to|double\s+to|pass|surpass)\s+(?:\w+\s+){0,2}$"
)
_HEADLINE_ROUNDING = 0.1  # how far a headline's "near N" may round the body's figure
# A total's parts in brackets after it: "(about 100 killed, around 1,000 wounded)".
_BREAKDOWN = re.compile(
    r"\s\((?=[^()\n]{0,80}\b(?:killed|dead|deaths)\b)(?=[^()\n]{0,80}\b(?:wounded|injured)\b)"
    r"[^()\n]{0,80}\)"
)
_WILL_BE_PEOPLE = re.compile(
    r"\s+(?:of\s+(?:them|those|whom)\s+)?(?:will|would|are\s+to|were\s+to)\s+be\s+(?:\w+\s+){0,2}?"
    r"(?:sappers|deminers|engineers|builders|infantry|troops|soldiers|specialists|workers)\b"
)
_EACH = re.compile(r"\s+(?:troops\s+|soldiers\s+|men\s+)?(?:each|apiece)\b")
# "34 drones, of which 21 were shot down": what is shot down is no person.
_SHOT_DOWN = re.compile(
    r"\s+(?:of\s+them\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:shot\s+down|intercepted|downed)\b"
)
# "Zelensky said on Nov. 11": the day a source spoke, written right after its verb.
_SAID_ON = re.compile(r"\b(?:said|told\s+\w+|stated|announced|wrote|added)\s+(?:on\s+)?$")
_ARRIVED = re.compile(
    r"[^,;]{0,60}?\b(?:reached|arrived|landed|sent|deployed|dispatched|crossed|shipped)\b"
)
_NO_BREAK = re.compile(r"[^,;:.()]*")


def _lower_and_broken(norm: str) -> tuple[str | None, str | None]:
    """The whole text in lower case, and that with `_WORD_BREAKS` applied, for slicing per
    sentence; (None, None) when a slice of the lower-cased text might not be the lower case
    of the slice (a character that lowers to two, or a capital sigma, which lowers by context).
    """
    lower = norm.lower()
    if len(lower) != len(norm) or "\u03a3" in norm:
        return None, None
    broken = lower
    for ch in _PUNCTUATION + "-":  # one C scan per character: faster than str.translate
        broken = broken.replace(ch, " ")
    return lower, broken


# The engine's internal classes are plain classes, not dataclasses: compiled, `engine.pxd`
# makes them C structs (which a dataclass cannot be), and nothing compares or prints them.
# For the same reason typed functions hold no generator or closure (Cython compiles none
# there): loops instead of any(...)/next(...) over generators, and no lambdas.
class _Candidate:
    __slots__ = ("claim", "dated", "explicit", "heading")

    def __init__(self, claim: Claim, heading: bool, explicit: bool, dated: bool) -> None:
        self.claim = claim
        self.heading = heading
        self.explicit = explicit  # attributed within its own sentence
        self.dated = dated  # dated by words of the report, not by its publication


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


# The same split without the two alternatives that start at any space: when the sentence has
# no "while" and no "whereas", this one gives the same clauses and scans far faster.


def _clauses(norm: str, sentence: Sentence) -> list[tuple[int, int]]:
    out, cursor = [], sentence.start
    text = norm[sentence.start : sentence.end]
    if "while" in text or "whereas" in text:
        splitter = _CLAUSE_SPLIT
    elif ";" in text or "," in text:
        splitter = _CLAUSE_SPLIT_PUNCT
    else:
        return [(sentence.start, sentence.end)]
    for m in splitter.finditer(norm, sentence.start, sentence.end):
        out.append((cursor, m.start()))
        cursor = m.start()
    out.append((cursor, sentence.end))
    return out


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in clauses:
        if s <= pos < e:
            return s, e
    return clauses[-1]


class _SentenceView:
    __slots__ = ("as_of_dates", "clause_tests", "clauses", "cue_metrics", "cue_starts", "cues",
                 "date_starts", "dates", "figures", "heading", "heads", "mentions", "positions",
                 "sentence")  # fmt: skip

    def __init__(
        self,
        sentence: Sentence,
        heading: bool,
        dates: list[DateMention],
        figures: list[Figure],
        mentions: list[Mention],
    ) -> None:
        self.sentence = sentence
        self.heading = heading
        self.dates = dates
        self.figures = figures
        self.mentions = mentions
        self.clauses: list[tuple[int, int]] = []  # filled when it has figures
        self.cues: list[tuple[int, int, str]] = []  # filled when it has figures
        self.heads: dict[int, metrics.Head] = {}  # figure start → its head
        self.positions: dict[int, int] = {}  # figure start → its index
        self.clause_tests: dict[tuple, bool] = {}
        self.date_starts: list[int] | None = None  # the dates' starts, once needed
        self.cue_starts: list[int] = []  # the cues' starts
        self.cue_metrics: set[str] = set()  # the metrics the cues name
        self.as_of_dates: list[int] = []  # the indices of the "as of" dates


class _Extraction:
    """One report's extraction; holds the state carried from sentence to sentence."""

    def __init__(
        self,
        text: str,
        published: dt.date | None,
        outlet: str | None,
        index: SourceIndex,
        norm: str | None = None,
    ) -> None:
        self.text = text
        self.norm = normalise(text) if norm is None else norm
        self.lower, self.broken = _lower_and_broken(self.norm)
        # `metrics.cues` reads ASCII letters from the lower-cased text. The Kelvin sign is
        # the one character outside ASCII that lowers to an ASCII letter ("k"); U+0130,
        # which lowers to two characters, makes `lower` None already.
        self.cue_lower = self.lower if "\u212a" not in self.norm else None
        self.published = published
        self.outlet = outlet
        self.index = index
        self.attributor = Attributor(index)
        self.last_date: DateMention | None = None  # the last date written, for "the same day"
        self.last_metric: str | None = None  # the last claim's metric, for "put the total at"
        self.value_metrics: dict[int, str] = {}  # each value's last claim's metric
        self.last_metric_at = -1  # where that claim's figure is
        self.section_date: DateMention | None = None  # a live blog entry's date
        self.backward_date: DateMention | None = None  # "The figures came from X on May 4"
        self.statements: dict[str, list[tuple[int, DateMention]]] = {}
        self.paragraph_statements: dict[tuple[int, str], DateMention] = {}
        # Each source's last date written with one of its figures (and where the sentence
        # starts), for "The agency also said" in the next sentence
        self.source_dates: dict[str, tuple[int, DateMention]] = {}
        self.off_topic: set[int] = set()  # paragraphs about another war
        self.carried_at = -1  # the paragraph of the last attribution carried
        self.publisher: Attribution | None = None  # an agency's own statement's source
        self.previous: Sentence | None = None  # the sentence before the one read
        # the vague speakers named last ("government officials said") while no source has
        # been carried yet
        self.last_weak: Attribution | None = None

    def run(self) -> list[Claim]:
        paragraphs = segment(self.norm)
        self.off_topic = self._off_topic(paragraphs)
        views = [self._view(p, s) for p in paragraphs for s in p.sentences]
        self._narrative_years(views)
        self._korean_full_names(views)
        self._speaker_labels(views)
        self._resolve_anaphora(views)
        for view in views:
            self.attributor.learn(view.mentions)
        # Once every sentence is learnt, attributing changes no state: each sentence's own
        # attribution is worked out once, for the first one found and for the loop below.
        owns = [self.attributor.attribute(view.mentions) for view in views]
        carried = self._first_attribution(owns)
        self.publisher = self._publisher()
        self._statement_dates(views, owns)
        sections = self._section_dates(views)
        backward = self._backward_attributions(views, owns)
        as_of_carry: tuple[int, DateMention] | None = None
        candidates: list[_Candidate] = []
        tables = find_tables(self.norm) if metrics._NK.search(self.norm) is not None else []
        table_spans = [(t.start, t.end) for t in tables]
        self.previous = None
        self.previous_view = None
        self.briefing_agency = None
        list_lead = False  # the carried "as of" date's sentence leads a list ("as of May 1:")
        carry_source: str | None = None  # the source of the sentence giving that date
        for i, (view, own) in enumerate(zip(views, owns, strict=True)):
            if (
                as_of_carry
                and own is not None
                and carry_source is not None
                and own.source != carry_source
            ):
                as_of_carry = None  # "HUR said that as of March 3 ... A military source told us"
            if as_of_carry and as_of_carry[0] != view.sentence.paragraph:
                if list_lead and (
                    _BULLET_LINE.match(self.norm, view.sentence.start)
                    # a table's rows under its title: "HUR estimates as of Aug. 31, 2026"
                    or self.norm.find("|", view.sentence.start, view.sentence.end) >= 0
                ):
                    # "According to HUR, as of August 31:" then "- about 11,000 ...;": the
                    # list's items hold on the lead's date
                    as_of_carry = (view.sentence.paragraph, as_of_carry[1])
                else:
                    as_of_carry, list_lead = None, False
            self.section_date = sections.get(view.sentence.paragraph)
            later = backward.get(i)
            self.backward_date = later[1] if later is not None else None
            given = own or (later[0] if later is not None else carried)
            in_table = bool(table_spans) and _inside(table_spans, view.sentence.start)
            for figure in [] if in_table else self._usable(view):
                candidate = self._claim(view, figure, given, own is not None, as_of_carry)
                if candidate is not None:
                    candidates.append(candidate)
            self.previous = view.sentence
            self.previous_view = view
            if view.mentions and self.briefing_agency is None:
                self.briefing_agency = self._briefing_agency(view, True)
            if own is not None:
                carried = own
                self.carried_at = view.sentence.paragraph
            elif self.carried_at < 0 and view.mentions:
                weak = self.attributor.weak(view.mentions)
                if weak is not None:
                    self.last_weak = weak
            for date in reversed(view.dates):
                if date.precision != "none" and not date.since:
                    self.last_date = date
                    break
            for date in view.dates:
                if date.as_of and date.precision != "none":
                    as_of_carry = (view.sentence.paragraph, date)
                    carry_source = own.source if own is not None else None
                    lead = self.norm[view.sentence.start : view.sentence.end].rstrip()
                    list_lead = lead.endswith(":") or (
                        view.heading
                        and self.norm.find("|", view.sentence.end, view.sentence.end + 200) >= 0
                    )
                    break
        for table in tables:
            candidates.extend(self._table_claims(table))
        if "[" in self.norm:
            self._footnote_days(candidates)
        return _dedupe(self._drop_false(candidates, views))

    def _drop_false(self, candidates: list[_Candidate], views: list[_SentenceView]) -> list:
        """The candidates less the figures the report calls false (see `_debunked`) and a
        fact-check's claim headings (see `_checked_lines`)."""
        false, spans = self._debunked(views)
        if false:
            candidates = self._drop_false_values(candidates, false)
        checked = self._checked_lines(views) + spans
        if checked:
            candidates = [
                c for c in candidates if not any(a <= c.claim.start < b for a, b in checked)
            ]
        return candidates

    def _drop_false_values(self, candidates: list[_Candidate], false: dict) -> list:
        """The candidates less those of a false value. A value said false for one metric
        stands in a figure of another metric that a source gives in its own sentence: "A
        claim that 3,000 were killed in a day is false" leaves "By October the agency spoke
        of 3,000 sent" standing; a false figure repeated, or of unknown metric, goes."""
        metrics_of = {value: set(found) for value, found in false.items()}
        kept = []
        for c in candidates:
            drop = False
            for v in (c.claim.low, c.claim.high):
                if v in metrics_of:
                    seen = metrics_of[v]
                    if None in seen or c.claim.metric in seen or not c.explicit:
                        drop = True
            if not drop:
                kept.append(c)
        return kept

    def _checked_lines(self, views: list[_SentenceView]) -> list[tuple[int, int]]:
        """A fact-check's headings that state the claim checked ("CLAIM 3: 'Zelenskiy says
        4,000 North Koreans killed'"): their figures are the posts', not anyone's estimate.
        Only these lines are dropped: the heading's number ("CLAIM 2") and a figure the
        body finds true are not false values."""
        norm = self.norm
        if _FACT_CHECK.search(norm, 0, min(len(norm), _FACT_CHECK_REACH)) is None:
            return []
        out = []
        for view in views:
            s = view.sentence.start
            if (
                view.figures
                and (s == 0 or norm[s - 1] == "\n")
                and _CHECKED_CLAIM.match(norm, s, view.sentence.end) is not None
            ):
                end = norm.find("\n", s)
                out.append((s, end if end >= 0 else len(norm)))
        return out

    def _footnote_days(self, candidates: list[_Candidate]) -> None:
        """An analyst's notes: "... about 2,100,[1] ..." and, below, "[1] NIS briefing, 11
        February 2026". A claim dated only by month ("the February briefing") takes the day
        of a note marked after its figure in the same sentence, when that day is in its
        month."""
        norm = self.norm
        days: dict[str, str] = {}
        for note in _NOTE_LINE.finditer(norm):
            for d in find_dates(norm, note.start("text"), note.end("text"), self.published):
                if d.precision == "day":
                    days.setdefault(note.group("n"), d.written())
                    break
        if not days:
            return
        for candidate in candidates:
            c = candidate.claim
            if c.as_of_precision not in ("month", "year") or c.as_of is None or c.period_end:
                continue
            stop = _SENTENCE_END.search(norm, c.start)
            end = stop.end() if stop is not None else len(norm)
            for mark in _NOTE_MARK.finditer(norm, c.start, end):
                day = days.get(mark.group(1))
                if day is not None and day.startswith(c.as_of):
                    candidate.claim = dataclasses.replace(c, as_of=day, as_of_precision="day")
                    break

    def _table_claims(self, table) -> list[_Candidate]:
        """A table's figures: each cell under a metric's column, attributed to its row's
        source and dated by its row's date (see `tables`)."""
        norm = self.norm
        roles = column_roles(table.header, _header_metric)
        if not any(r not in (None, "source", "date") for r in roles):
            return []
        out = []
        for row_start, row_end, cells in table.rows:
            attribution, date = None, None
            for role, (s, e) in zip(roles, cells, strict=False):
                if role == "source" and attribution is None:
                    name, via = source_cell(norm[s:e])
                    mentions = []
                    origin = entity_of(name, self.index) if name else None
                    bracket = _CELL_BRACKET.search(norm, s, e)
                    if bracket is not None and (origin is None or origin.known is None):
                        # "South Korea (NIS)": the body in brackets, when it is a known source
                        known = self.index.find(bracket.group(1))
                        if known is not None:
                            origin = Entity(known.name, known)
                    relay = entity_of(via, self.index) if via else None
                    if origin is not None:
                        mentions.append(Mention(s, e, "origin" if relay else "speaker", origin))
                    if relay is not None and not relay.weak:
                        mentions.append(Mention(s, e, "speaker", relay))
                    attribution = self.attributor.attribute(mentions) or self.attributor.weak(
                        mentions
                    )
                elif role == "date" and date is None:
                    found = [
                        d for d in find_dates(norm, s, e, self.published) if d.precision != "none"
                    ]
                    date = found[0] if found else None
            start, end = row_start, row_end
            while start < end and norm[start].isspace():
                start += 1
            while end > start and norm[end - 1].isspace():
                end -= 1
            for role, (s, e) in zip(roles, cells, strict=False):
                if role in (None, "source", "date") or s == e:
                    continue
                figures = find_figures(norm, s, e, [], True)
                if not figures or figures[0].value < 1:
                    continue
                figure = figures[0]
                claim = Claim(
                    metric=role,
                    low=figure.low,
                    best=figure.best,
                    high=figure.high,
                    qualifier=figure.qualifier,
                    as_of=date.written()
                    if date
                    else (self.published.isoformat() if self.published else None),
                    as_of_precision=date.precision if date else ("day" if self.published else None),
                    period_end=date.written_end() if date else None,
                    contingent=None,
                    source=attribution.source if attribution else None,
                    via=attribution.via if attribution else None,
                    quote=self.text[start:end],
                    start=start,
                    end=end,
                )
                out.append(_Candidate(claim, False, attribution is not None, date is not None))
        return out

    def _debunked(self, views: list[_SentenceView]) -> tuple[dict, list[tuple[int, int]]]:
        """Figures the report itself calls false (a fact-check's subject): "Posts claim that
        40,000 were killed. This is false.", "did not say 40,000", "nowhere close to 40,000",
        "11,000 rather than 100,000". Every figure of the same value in the report is the
        same false claim repeated, and none is an estimate of anyone's (see
        `_drop_false_values`): each value with what its false figures count. Also the
        sentences whose figures are dropped where they stand (a correction's: see below)."""
        false: dict[int, list[int]] = {}
        spans: list[tuple[int, int]] = []
        norm = self.norm
        lower = self.lower  # None when offsets in it would not be the text's: no prefilter
        checked = _FACT_CHECK.search(norm, 0, min(len(norm), _FACT_CHECK_REACH)) is not None
        for i, view in enumerate(views):
            if not view.figures:
                continue
            s, e = view.sentence.start, view.sentence.end
            if (
                checked
                and (s == 0 or norm[s - 1] == "\n")
                and _CHECKED_CLAIM.match(norm, s, e) is not None
            ):
                continue  # "CLAIM 2: ...": see `_checked_lines`
            after = -1  # figures after this position (and before `until`) are debunked
            until = e
            nxt = views[i + 1] if i + 1 < len(views) else None
            if (
                nxt is not None
                and nxt.sentence.paragraph == view.sentence.paragraph
                and _FALSE_NEXT.match(norm, nxt.sentence.start, nxt.sentence.end)
            ):
                after = s
            else:
                # The patterns only where their words are: most sentences have none.
                denied = (
                    _DENIED.search(norm, s, e)
                    if lower is None or _any_at(lower, s, e, _DENIED_WORDS)
                    else None
                )
                if denied is not None:
                    after = denied.end()
                    # "misstated the estimate as 20,000; the agency estimated about 2,000"
                    semicolon = norm.find(";", after, e)
                    until = semicolon if semicolon >= 0 else e
                    if (
                        _CORRECTION.match(denied.group(0)) is not None
                        and nxt is not None
                        and nxt.sentence.paragraph == view.sentence.paragraph
                    ):
                        # "An earlier version incorrectly reported that 2,700 were killed.
                        # The agency said 2,700 had been wounded": the value stands, corrected
                        restated = {f.value for f in nxt.figures}
                        for f in view.figures:
                            if after <= f.start < until and f.value not in restated:
                                false.setdefault(f.value, []).append(self._false_metric(view, f))
                        spans.append((s, e))  # the correction's own figures go all the same
                        continue
                else:
                    post = _CLAIMED_IN_POST.search(norm, s, e) if checked else None
                    if post is not None:
                        after = post.end()
                        # "far above the figures in the posts; Zelenskiy has announced the
                        # capture of two": the clause after a semicolon is the verdict's
                        semicolon = norm.find(";", after, e)
                        until = semicolon if semicolon >= 0 else e
            # "A claim ... -- that 40,000 soldiers had landed -- was false": the figures
            # between the claim and its verdict, in one sentence.
            between = (-1, -1)
            if lower is None or _any_at(lower, s, e, _FALSE_WORDS):
                verdict = _FALSE_LATER.search(norm, s, e)
                if verdict is not None:
                    claim = _CLAIM_NOUN.search(norm, s, verdict.start())
                    if claim is not None:
                        between = (claim.end(), verdict.start())
            for f in view.figures:
                w = max(s, f.start - 24)
                if (
                    (0 <= after <= f.start < until)
                    or (between[0] <= f.start < between[1])
                    or (
                        (lower is None or _any_at(lower, w, f.start, _NOT_BEFORE_WORDS))
                        and _NOT_BEFORE.search(norm, w, f.start)
                    )
                ):
                    false.setdefault(f.value, []).append(self._false_metric(view, f))
        return false, spans

    def _false_metric(self, view: _SentenceView, figure: Figure) -> str | None:
        """What a false figure counts, as a claim would read it."""
        if not view.clauses or figure.start not in view.heads:
            return None
        return self._metric(view, figure, _clause_of(view.clauses, figure.start))

    def _cell_sources(self, s: int, e: int) -> list[Mention]:
        """A table row ("2024-11-13   NIS   some 11,000 deployed"): a cell that is exactly a
        known source names the source of the row's figures; "NIS (via Lee Seong-kweun)" its
        relay too."""
        out: list[Mention] = []
        norm = self.norm
        start = s
        for sep in [*_CELL_BREAK.finditer(norm, s, e), None]:
            end = sep.start() if sep is not None else e
            a, b = start, end
            while a < b and norm[a].isspace():
                a += 1
            while b > a and norm[b - 1].isspace():
                b -= 1
            if a < b and b - a <= 80:
                via = _VIA_CELL.fullmatch(norm, a, b)
                name_end = via.start("via") if via is not None else b
                known = self.index.find(norm[a:name_end].strip())
                if known is not None:
                    out.append(Mention(a, name_end, "origin" if via else "speaker",
                                       Entity(known.name, known), "cell"))  # fmt: skip
                    if via is not None:
                        relay = entity_of(via.group("who"), self.index)
                        if relay is not None:
                            out.append(Mention(via.start("who"), via.end("who"), "speaker",
                                               relay, "cell"))  # fmt: skip
                    break
            if sep is None:
                break
            start = sep.end()
        return out

    def _off_topic(self, paragraphs: list[Paragraph]) -> set[int]:
        """Paragraphs about another war (a news roundup's Gaza or Sudan item): they name
        neither North Korea nor Koreans, and name another conflict's places or parties."""
        out: set[int] = set()
        norm, lower = self.norm, self.lower
        if lower is None or _any_at(lower, 0, len(lower), _BORDER_STEMS):
            # "North Korea is fortifying areas near the MDL ... 2,000 soldiers were seen
            # doing such work": the inter-Korean border, not the force in Russia
            for p in paragraphs:
                if (
                    p.sentences
                    and _INTER_KOREAN.search(norm, p.start, p.end) is not None
                    and _RUSSIA_WAR.search(norm, p.start, p.end) is None
                ):
                    out.add(p.index)
        # The names' stems first, as plain substring scans (far cheaper than the pattern):
        # most reports hold none, and most paragraphs of those that do hold none.
        if lower is not None and not _any_at(lower, 0, len(lower), _CONFLICT_STEMS):
            return out
        for p in paragraphs:
            if (
                p.sentences
                and (lower is None or _any_at(lower, p.start, p.end, _CONFLICT_STEMS))
                and metrics._NK.search(norm, p.start, p.end) is None
                and _KOREAN.search(norm, p.start, p.end) is None
                and _OTHER_CONFLICT.search(norm, p.start, p.end) is not None
            ):
                out.add(p.index)
        return out

    def _view(self, paragraph: Paragraph, sentence: Sentence) -> _SentenceView:
        s, e = sentence.start, sentence.end
        if self.lower is not None and self.broken is not None:
            lower, words = self.lower[s:e], set(self.broken[s:e].split())
        else:
            lower = self.norm[s:e].lower()
            words = set(lower.translate(_WORD_BREAKS).split())
        has_digit = _DIGIT.search(self.norm, s, e) is not None
        numeric = has_digit or not _NUMBER_WORDS.isdisjoint(words)
        # Sentences without any figure only matter for their "as of" date and attribution.
        dates = (
            find_dates(self.norm, s, e, self.published, words, has_digit, lower)
            if numeric or "as of" in lower
            else []
        )
        if (
            len(dates) > 1
            and dates[0].start - s < 12
            and dates[0].precision == "day"
            and _YEAR.search(self.norm, dates[0].start, dates[0].end) is not None
            and dates[0].value != self.published
        ):
            # "2025-03-27  JCS  3,000 more sent since January": a table row or an entry that
            # opens with its own full date; the row's relative dates are read against it.
            dates = [
                dates[0],
                *find_dates(self.norm, dates[0].end, e, dates[0].value, words, has_digit, lower),
            ]
        figures = (
            find_figures(self.norm, s, e, [(d.start, d.end) for d in dates], has_number_word(lower))
            if numeric and paragraph.index not in self.off_topic
            else []
        )
        if dates and (s == 0 or self.norm[s - 1] == "\n") and not self._timeline_row(s, dates[0]):
            # "SEOUL, June 18 (Yonhap) -": a dateline dates the report, not its figures.
            dates = [
                d
                for d in dates
                if d.start - s > _DATELINE_REACH
                or _DATELINE_AFTER.match(self.norm, d.end, d.end + _DATELINE_REACH) is None
            ]
        mentions = find_mentions(self.norm, s, e, self.index, words)
        if (
            figures
            and not mentions
            and (
                self.norm.find("  ", s, e) >= 0
                or self.norm.find("\t", s, e) >= 0
                or self.norm.find("|", s, e) >= 0
            )
        ):
            mentions = self._cell_sources(s, e)
        if not dates and not _WEEKDAY_WORDS.isdisjoint(words):
            # "Budanov made the statement on Friday", "Shoigu was in Pyongyang on Tuesday":
            # when a source spoke, for its figures.
            dates = find_dates(self.norm, s, e, self.published, words, has_digit, lower)
        return _SentenceView(sentence, paragraph.heading, dates, figures, mentions)

    def _narrative_years(self, views: list[_SentenceView]) -> None:
        """ "Zelenskyy said in January 2025 that ...; in late February, Yu cited ... In
        April, the NIS put ...": a month written without its year, in a paragraph that has
        just given a year, follows on from that date (February and April 2025), not the
        latest such month before publication. The paragraph's dates are read in order,
        each one so resolved continuing the story."""
        if self.published is None:
            return
        norm = self.norm
        anchor: DateMention | None = None
        paragraph = -1
        # A timeline's year heading ("2024" alone on its line): the rows under it, "October
        # 18 - the NIS says ...", are of that year, not the latest October before publication.
        headings = [(m.start(), int(m.group(1))) for m in _YEAR_HEADING.finditer(norm)]
        for view in views:
            if view.sentence.paragraph != paragraph:
                anchor, paragraph = None, view.sentence.paragraph
                if headings:
                    anchor = self._heading_anchor(headings, view)
            for d in view.dates:
                if d.precision not in ("day", "month"):
                    continue
                if _YEAR.search(norm, d.start, d.end) is not None:
                    # (not "sent since October 2024. In January ...": the count's start; nor
                    # "Khinshtein, who became governor in December 2024, wrote on February
                    # 10": an aside about him)
                    comma = norm.rfind(",", max(view.sentence.start, d.start - 100), d.start)
                    aside = comma >= 0 and _ASIDE_OPENS.match(norm, comma) is not None
                    anchor = None if d.since or aside else d
                    continue
                if anchor is None or _BARE_MONTH.fullmatch(norm, d.start, d.end) is None:
                    continue
                value = d.value
                year = anchor.value.year + (value.month < anchor.value.month)
                if year != value.year:
                    moved = _on_day(year, value.month, value.day)
                    if moved > self.published:
                        continue
                    d.value = moved
                    if d.period_end is not None:
                        end = d.period_end
                        d.period_end = _on_day(end.year + year - value.year, end.month, end.day)
                anchor = d

    def _heading_anchor(
        self, headings: list[tuple[int, int]], view: _SentenceView
    ) -> DateMention | None:
        """A January 1 of the year heading the paragraph of `view`, for `_narrative_years`."""
        at = bisect.bisect_left(headings, (view.sentence.start, 0)) - 1
        if at < 0:
            return None
        year = headings[at][1]
        if self.published is None or year > self.published.year:
            return None
        return DateMention(-1, -1, dt.date(year, 1, 1), "year", None, False, False)

    def _timeline_row(self, s: int, first: DateMention) -> bool:
        """A line of a timeline, "- October 18, 2024 - the NIS says about 1,500 ...": a
        bullet, or the line opening with the date (a dateline names a place or a wire first,
        "SEOUL, June 18 (Yonhap) -", "Dec 17 (Reuters) -")."""
        norm = self.norm
        if _BULLET_START.match(norm, s, first.start) is not None:
            return True
        return first.start == s and "(" not in norm[first.end : first.end + 12]

    def _backward_attributions(
        self, views: list[_SentenceView], owns: list
    ) -> dict[int, tuple[Attribution, DateMention | None]]:
        """ "The figures came from the NIS, which briefed lawmakers on November 4": the
        sentence attributes the figures before it that name no source of their own, back
        to the last sentence that names one. Its day, if it gives one, dates them."""
        out: dict[int, tuple[Attribution, DateMention | None]] = {}
        for i, view in enumerate(views):
            own = owns[i]
            if own is None or not _BACKWARD.match(
                self.norm, view.sentence.start, view.sentence.end
            ):
                continue
            days = [d for d in view.dates if d.precision == "day" and not d.as_of and not d.since]
            day = days[0] if days else None
            j = i - 1
            if j >= 0 and owns[j] is not None and day is not None:
                # "The NIS believes 2,000 have died ... The figures were relayed by Rep. Park
                # after a briefing on Wednesday": named already, dated by the relay
                out[j] = (owns[j], day)
            while j >= 0 and owns[j] is None:
                out[j] = (own, day)
                j -= 1
        return out

    def _statement_dates(self, views: list[_SentenceView], owns: list) -> None:
        """When each source spoke, where the report says so: a day written just after the
        speaker's name ("the Pentagon said Tuesday", "Budanov made the statement on Friday
        evening"). A figure of that source with no date of its own holds on that day rather
        than on the publication date."""
        self.statements: dict[str, list[tuple[int, DateMention]]] = {}
        released: dict[str, tuple[int, DateMention]] = {}
        last_source: str | None = None  # the source of the last sentence that named one
        for view, own in zip(views, owns, strict=True):
            if own is not None and own.source is not None:
                last_source = own.source
            if (
                view.dates
                and not view.figures
                and _NO_COMMENT.search(self.norm, view.sentence.start, view.sentence.end)
            ):
                continue
            if (
                not view.figures
                and last_source is not None
                and "'s" in self.norm[view.sentence.start : view.sentence.end]
            ):
                # "Here are the key points from Tuesday's closed-door briefing": the day of
                # the occasion whose figures follow, for the source just named
                occasion = _DAY_OCCASION.search(self.norm, view.sentence.start, view.sentence.end)
                days = [d for d in view.dates if d.precision == "day" and not d.since]
                if occasion is not None and len(days) == 1 and days[0].start == occasion.start():
                    self.statements.setdefault(last_source, []).append((days[0].start, days[0]))
                    continue
            if own is None and view.dates:
                self._visit_date(view)
                # "South Korea's intelligence agency said Wednesday": a vague name, its day
                own = self.attributor.weak(view.mentions) if view.figures else None
            if (
                own is None
                and last_source is not None
                and not view.figures
                and view.dates
                and _POSTED_ON.search(self.norm, view.sentence.start, view.sentence.end)
            ):
                # "Source: Budanov in an interview ..., aired on Monday evening": a line
                # naming no speaker the pattern knows tells when the one just named spoke
                days = [d for d in view.dates if d.precision == "day" and not d.since]
                if len(days) == 1:
                    self.statements.setdefault(last_source, []).append((days[0].start, days[0]))
                continue
            if own is None or own.source is None or not view.dates:
                continue
            if not view.figures and "'s " in self.norm[view.sentence.start : view.sentence.end]:
                # "The NIS's October 30 assessment indicates ...": the day of its assessment
                dated = [
                    d
                    for d in view.dates
                    if d.precision == "day"
                    and not d.since
                    and _DATED_DOCUMENT.match(self.norm, d.end) is not None
                    and self.norm.endswith("'s ", max(0, d.start - 3), d.start)
                ]
                if len(dated) == 1:
                    for key in {own.source, own.speaker or own.source}:
                        self.statements.setdefault(key, []).append((dated[0].start, dated[0]))
                    continue
            if not view.figures:
                # "announced by Sergei Shoigu, who flew to Pyongyang on Tuesday": the day he
                # was there is the day he spoke
                days = [d for d in view.dates if d.precision == "day" and not d.since]
                if (
                    len(days) == 1
                    and _WEEKDAY.search(self.norm, days[0].start, days[0].end) is not None
                    and _TRAVELLED_ON.search(
                        self.norm, max(view.sentence.start, days[0].start - 40), days[0].start
                    )
                    is not None
                ):
                    for key in {own.source, own.speaker or own.source}:
                        self.statements.setdefault(key, []).append((days[0].start, days[0]))
                    continue
            for d in view.dates:
                if (
                    d.precision == "day"
                    and not d.as_of
                    and not d.since
                    and own.source not in released
                    and _RELEASED_ON.search(
                        self.norm, max(view.sentence.start, d.start - 50), d.start
                    )
                ):
                    # "said in its report released on Friday": the report's day, whatever
                    # day it was discussed on
                    released[own.source] = (d.start, d)
                    break
            if not view.figures and _POSTED_ON.search(
                self.norm, view.sentence.start, view.sentence.end
            ):
                # "The intelligence agency posted the statement on the evening of 6 March":
                # its statement's day, for its figures with no date of their own
                days = [d for d in view.dates if d.precision == "day" and not d.since]
                if len(days) == 1:
                    for key in {own.source, own.speaker or own.source}:
                        self.statements.setdefault(key, []).append((days[0].start, days[0]))
                    continue
            if not view.figures and _STATED_BY.match(self.norm, view.sentence.start):
                # "This was stated by ... Budanov, in an interview ... on Sunday": the
                # statement before, and its day
                days = [d for d in view.dates if d.precision == "day" and not d.since]
                if len(days) == 1 and _WEEKDAY.search(self.norm, days[0].start, days[0].end):
                    for key in {own.source, own.speaker or own.source}:
                        self.statements.setdefault(key, []).append((days[0].start, days[0]))
                    continue
            for m in view.mentions:
                if m.role != "speaker":
                    continue
                if m.entity is None:
                    # "..., according to the NIS, a lawmaker of the ruling party said
                    # Tuesday": an unnamed relayer's day is the day the source's figures
                    # in the sentence were told
                    said = _UNNAMED_SAID_ON.match(self.norm, m.end)
                    if view.figures and said is not None:
                        for d in view.dates:
                            if d.start == said.end() and d.precision == "day" and not d.since:
                                self.statements.setdefault(own.source, []).append((d.start, d))
                    continue
                for d in view.dates:
                    if (
                        d.precision == "day"
                        and not d.as_of
                        and not d.since
                        and d.period_end is None
                        and (
                            0 <= d.start - m.end <= _STATEMENT_REACH
                            # "The NIS told the parliamentary intelligence committee on
                            # Tuesday": the day after its audience
                            or (
                                0 <= d.start - m.end <= 4 * _STATEMENT_REACH
                                and _TOLD_AUDIENCE.fullmatch(self.norm, m.end, d.start) is not None
                            )
                            # "On Saturday, the state agency KCNA published ...": leading
                            or (d.end <= m.start and d.start - view.sentence.start < 12)
                            # "Speaking to CNN in Kyiv on Wednesday, Zelensky said": the
                            # opening phrase's day is the speaker's just after it
                            or (
                                0 <= m.start - d.end <= 3
                                and _SPEAKING_OPENS.match(self.norm, view.sentence.start)
                                is not None
                            )
                        )
                        and not any(
                            min(m.end, d.end) <= f.start < max(d.start, m.start)
                            for f in view.figures
                        )
                    ):
                        if _WEEKDAY.search(self.norm, d.start, d.end) is not None:
                            for key in {own.source, own.speaker or own.source}:
                                self.statements.setdefault(key, []).append((d.start, d))
                        elif _SAID_ON.search(
                            self.norm, max(view.sentence.start, d.start - 30), d.start
                        ):
                            # "Lee stated on September 4 that ... Lee stated that ...": the
                            # day holds for the speaker's other words in the paragraph
                            key = (view.sentence.paragraph, own.speaker or own.source)
                            self.paragraph_statements.setdefault(key, d)
                        break
        for key, day in released.items():
            self.statements[key] = [day]

    def _visit_date(self, view: _SentenceView) -> None:
        """ "Sergei Shoigu was back in Pyongyang on Tuesday ... According to Shoigu, ...": a
        sentence opening with a known source and giving one weekday tells when it spoke."""
        s, e = view.sentence.start, view.sentence.end
        days = [d for d in view.dates if d.precision == "day" and not d.as_of and not d.since]
        if len(days) != 1:
            return
        announced = _ANNOUNCED_BY.search(self.norm, s, e) if "by" in self.norm[s:e] else None
        if announced is not None and announced.start("date") == days[0].start:
            # "A third batch was announced on June 17 by Sergei Shoigu": any day, so said
            known = self.index.find(announced.group("who"))
            if known is not None:
                self.statements.setdefault(known.name, []).append((days[0].start, days[0]))
            return
        if _WEEKDAY.search(self.norm, days[0].start, days[0].end) is None:
            return
        opening = _OPENING_NAME.match(self.norm, s, e)  # "Sergei Shoigu" was back
        if opening is None:
            return
        known = self.index.find(opening.group(0))
        if known is not None:
            self.statements.setdefault(known.name, []).append((days[0].start, days[0]))

    def _statement_date(self, source: str | None) -> DateMention | None:
        """The day the source spoke, if the report gives one day only (a source that spoke
        on two days leaves its undated figures at the publication date)."""
        said = self.statements.get(source) if source is not None else None
        if not said and source is not None and "official" in source:
            # "government officials said Monday ... the official said": unnamed officials
            # are one source when the report dates only one statement of theirs
            said = []
            side = {w for w in source.split() if w[:1].isupper()}
            for key, days in self.statements.items():
                # the same side only: not "Ukrainian officials" for "US officials"
                if "official" in key and {w for w in key.split() if w[:1].isupper()} == side:
                    said.extend(days)
        if not said:
            return None
        if len({d.value for _, d in said}) > 1:
            return None
        return said[0][1]

    def _section_dates(self, views: list[_SentenceView]) -> dict[int, DateMention]:
        """A live blog's entries: from a paragraph that is only a day (and maybe a weekday
        and a time), each paragraph after it up to the next such heading is dated by it."""
        count: dict[int, int] = {}
        for view in views:
            count[view.sentence.paragraph] = count.get(view.sentence.paragraph, 0) + 1
        sections: dict[int, DateMention] = {}
        current: DateMention | None = None
        for view in views:
            paragraph = view.sentence.paragraph
            days = [d for d in view.dates if d.precision == "day" and d.period_end is None]
            line_length = view.sentence.end - view.sentence.start
            if count[paragraph] == 1 and days and line_length <= _DATE_LINE_MAX:
                line = self.norm[view.sentence.start : view.sentence.end]
                rest = line
                for d in view.dates:
                    offset = d.start - view.sentence.start
                    rest = (
                        rest[:offset] + " " * (d.end - d.start) + rest[offset + d.end - d.start :]
                    )
                if _DATE_LINE_REST.fullmatch(rest):
                    current = days[-1]
                    continue
            if current is not None:
                sections[paragraph] = current
        # "Seoul put numbers on it on Wednesday. South Korea's spy agency told ...": a short
        # opening sentence with one weekday and no figure dates its paragraph's figures.
        first = -1
        for view in views:
            paragraph = view.sentence.paragraph
            if paragraph == first or paragraph in sections:
                continue
            first = paragraph
            days = [d for d in view.dates if d.precision == "day" and d.period_end is None]
            if (
                len(days) == 1
                and len(view.dates) == 1
                and not view.figures
                and count[paragraph] > 1
                and view.sentence.end - view.sentence.start <= _LEAD_DAY_MAX
                and _WEEKDAY.search(self.norm, days[0].start, days[0].end) is not None
            ):
                sections[paragraph] = days[0]
            elif (
                view.dates
                and view.dates[0].start == view.sentence.start
                and view.dates[0].precision in ("day", "month", "year")
                and _ENTRY_DASH.match(self.norm, view.dates[0].end) is not None
            ):
                # "October 2024 — The NIS says ... The first group, some 1,500 ...": a
                # timeline's entry, dated by its opening date
                sections[paragraph] = view.dates[0]
        return sections

    def _speaker_labels(self, views: list[_SentenceView]) -> None:
        """A transcript's speakers: paragraphs opening with a name in capitals and a colon
        ("YUSOV: ..."), when the report has at least two, speak for that name until the
        next label or attribution."""
        labels = []
        for view in views:
            s = view.sentence.start
            if s > 0 and self.norm[s - 1] != "\n":
                continue  # not a paragraph's first sentence
            m = _SPEAKER_LABEL.match(self.norm, s, view.sentence.end)
            if m is not None and m.group("x").lower() not in _NOT_LABELS:
                labels.append((view, m))
        self._answer_labels(views)
        if "\n@" in self.norm:
            self._embedded_posts(views)
        if len(labels) < 2:
            return
        # "Oleh Dovhyi: ..." then "OD: ...": initials stand for the name labelled in full.
        by_initials = {}
        for _, m in labels:
            words = m.group("x").split()
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words).upper(), m.group("x"))
        speaking: dict[int, tuple] = {}  # paragraph → (its label's entity, label span)
        for view, m in labels:
            label = m.group("x")
            if len(label) <= 3 and label.isupper():
                label = by_initials.get(label, label)
            entity = _label_entity(label, self.index)
            named = [x for x in view.mentions if x.entity is not None and not x.entity.weak]
            if entity is not None:
                speaking[view.sentence.paragraph] = (entity, m.start("x"), m.end("x"))
            # "HOST: The spy agency gave lower figures": a source the speaker names wins.
            if entity is not None and not named:
                view.mentions.insert(
                    0, Mention(m.start("x"), m.end("x"), "speaker", entity, "label")
                )
        for view in views:
            # "SOHN: ... The NIS counts what it can corroborate. My own working estimate is
            # 2,500 to 3,000": the speaker's own figure, later in the answer
            said = speaking.get(view.sentence.paragraph)
            if (
                said is not None
                and view.figures
                and not any(x.cue == "label" for x in view.mentions)
                and _OWN_ESTIMATE.search(self.norm, view.sentence.start, view.sentence.end)
            ):
                view.mentions.insert(0, Mention(said[1], said[2], "speaker", said[0], "label"))

    def _civilian_tests(self, view: _SentenceView) -> tuple:
        """Whether the sentence names the North, names people, and tells a toll of an attack
        on people: found once per sentence (one of thousands of figures would otherwise scan
        the sentence each)."""
        found = view.clause_tests.get("civilian")
        if found is None:
            s, e = view.sentence.start, view.sentence.end
            found = (
                metrics._NK.search(self.norm, s, e) is not None,
                _PERSON_WORD.search(self.norm, s, e) is not None,
                "people" in self.norm[s:e] and _PEOPLE_TOLL.search(self.norm, s, e) is not None,
            )
            view.clause_tests["civilian"] = found
        return found

    def _munitions_before(self, figure: Figure) -> bool:
        """Whether drones or missiles are the last things counted before the figure, within
        150 characters ("launched 85 drones at Ukraine ... shot down 58 of them")."""
        last = None
        for m in _MUNITION.finditer(self.norm, max(0, figure.start - 150), figure.start):
            last = m
        if last is None:
            return False
        for people in metrics._PEOPLE.finditer(self.norm, last.end(), figure.start):
            # ("Ukrainian air defense forces shot down 31 of them": who shot, not what)
            if (
                _DEFENCE_FORCES.search(self.norm, max(0, people.start() - 12), people.start())
                is None
            ):
                return False
        return True

    def _sent_home(self, view: _SentenceView, figure: Figure) -> bool:
        """Whether the figure's own verb, before the next figure, sends them home."""
        index = view.positions.get(figure.start, -1)
        stop = min(view.sentence.end, figure.end + _HOME_REACH)
        if 0 <= index < len(view.figures) - 1:
            stop = min(stop, view.figures[index + 1].start)
        home = _SENT_HOME.search(self.norm, figure.end, stop)
        # "still in Russia, ... not brought home", "while others have rotated home"
        return home is not None and not _NOT_THEM.search(self.norm, figure.end, home.start())

    def _embedded_posts(self, views: list[_SentenceView]) -> None:
        """A social media post embedded in the page: the author's name on one line, the
        handle on the next ("@ZelenskyyUa"), then the post until its time stamp. What the
        post says, its author says."""
        author: Entity | None = None
        span = (0, 0)
        for i, view in enumerate(views):
            s, e = view.sentence.start, view.sentence.end
            if _HANDLE_LINE.fullmatch(self.norm, s, e) is not None and i > 0:
                line = views[i - 1].sentence
                name = _AUTHOR_LINE.match(self.norm, line.start, line.end)
                author = entity_of(name.group(0), self.index) if name is not None else None
                span = (line.start, line.start + len(name.group(0))) if name else (0, 0)
                continue
            if author is None:
                continue
            if _POST_STAMP.match(self.norm, s, e) is not None:
                author = None  # "4:12 PM · Jan 20, 2026": the post ends
                continue
            if not any(x.entity is not None and not x.entity.weak for x in view.mentions):
                view.mentions.insert(0, Mention(span[0], span[1], "speaker", author, "label"))

    def _answer_labels(self, views: list[_SentenceView]) -> None:
        """A briefing's transcript: "Q (Reuters): ..." then "A: ...". The answers are the
        briefer's, the source who spoke before the first question (the opening remarks),
        not a source the question named."""
        questions, answers = [], []
        for view in views:
            s = view.sentence.start
            if s > 0 and self.norm[s - 1] != "\n":
                continue
            m = _QA_LABEL.match(self.norm, s, view.sentence.end)
            if m is not None:
                (answers if m.group("a") else questions).append((view, m))
        if not questions or not answers:
            return
        first_question = questions[0][0].sentence.start
        briefer = None
        for view in views:
            if view.sentence.start >= first_question:
                break
            for x in view.mentions:
                if x.role == "speaker" and x.entity is not None and not x.entity.weak:
                    briefer = x.entity
                    break
            if briefer is not None:
                break
        spoke = None
        for m in _SPOKE_WITH.finditer(self.norm, max(0, first_question - 1500), first_question):
            spoke = m
        if spoke is not None:
            # "VOA Korean spoke with Daniel Whitcomb, a senior fellow at ...": the answers are
            # his, whoever the headline or the lead quoted
            interviewee = entity_of(spoke.group("who"), self.index)
            if interviewee is not None and not interviewee.weak:
                briefer = interviewee
        interview = self.norm[questions[0][1].end() - 2] == "."  # "Q. ...", not "Q: ..."
        if interview and (briefer is None or not _is_person(briefer)):
            # An interview: the answers are the person it is with, named before the first
            # question and most often in the report ("Choi Jae-hyun, 64, served as ...",
            # "Choi said"), not an agency the lead quoted.
            briefer = self._interviewee(first_question) or briefer
        if briefer is None:
            return
        for view, m in answers:
            if not any(x.entity is not None and not x.entity.weak for x in view.mentions):
                view.mentions.insert(0, Mention(m.start(), m.end(), "speaker", briefer, "label"))

    def _interviewee(self, first_question: int) -> Entity | None:
        """The person's name written before `first_question` that the report repeats most
        (by its words: "Choi" counts for "Choi Jae-hyun"), if it is written twice or more."""
        best, best_count = None, 1
        seen = set()
        for m in _NAME_RUN.finditer(self.norm, 0, first_question):
            name = m.group(0)
            if name in seen or "'" in name or not _person_name(name):
                continue
            seen.add(name)
            entity = entity_of(name, self.index)
            if entity is None or not _is_person(entity):
                continue
            count = 0
            for word in name.split():
                if len(word) > 2:
                    found = re.findall(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", self.norm)
                    count = max(count, len(found))
            if count > best_count:
                best, best_count = entity, count
        return best

    def _korean_full_names(self, views: list[_SentenceView]) -> None:
        """ "the pseudonym Ri Chol-min ... Ri said": a speaker named by a Korean surname alone
        is the full name written anywhere before, surname first (looked for only for such
        speakers: most reports have none)."""
        full_names = self.attributor.full_names
        # How far the text was searched for each surname: a report of thousands of "Moreau
        # said" searches each stretch once, not the whole text once per mention.
        searched: dict[str, int] = {}
        for view in views:
            for m in view.mentions:
                entity = m.entity
                if (
                    entity is not None
                    and entity.known is None
                    and entity.name in _KOREAN_SURNAME_SET
                    and entity.name not in full_names
                ):
                    found = _korean_name(entity.name).search(self.norm, 0, m.start)
                    if found is not None:
                        full_names[entity.name] = " ".join(found.group(0).split())
                elif (
                    entity is not None
                    and entity.known is None
                    and " " not in entity.name
                    and len(entity.name) >= 3
                    and entity.name[:1].isupper()
                    and entity.name[1:].islower()
                    and entity.name not in full_names
                    and searched.get(entity.name, 0) < m.start
                ):
                    # "Taras Hnatiuk, a battalion commander, ... Hnatiuk wrote": the full name
                    # written before, given name first
                    since = max(0, searched.get(entity.name, 0) - 40)
                    searched[entity.name] = m.start
                    pattern = rf"(?<![\w'-])([A-Z][a-z'-]+) {re.escape(entity.name)}(?![\w'-])"
                    for found in re.finditer(pattern, self.norm[since : m.start]):
                        if found.group(1).lower() not in _NOT_GIVEN_NAMES:
                            full_names[entity.name] = found.group(1) + " " + entity.name
                            break

    def _person_before(self, start: int, end: int) -> Entity | None:
        """The last person's name written in norm[start:end], if any."""
        found = None
        for m in _NAME_RUN.finditer(self.norm, start, end):
            found = m
        if found is None:
            return None
        owned = None
        if "'s " in self.norm[start:end]:
            for m in _OWNED_NAME.finditer(self.norm, start, end):
                owned = m
        if owned is not None and owned.end() >= found.end() - 1:
            # "When Russia's Sergei Shoigu visited Pyongyang, he said": the country's man
            entity = entity_of(owned.group("name"), self.index)
            if entity is not None and (_is_person(entity) or _person_name(entity.name)):
                return entity
            return None
        entity = entity_of(found.group(0), self.index)
        if entity is None or not _is_person(entity):
            return None
        if entity.known is not None:
            return entity
        # A name as written is a person's only after a title: "Kursk governor Alexander
        # Khinshtein", not "Russia's Far East" or "Kursk Oblast".
        words = self.norm[max(start, found.start() - 20) : found.start()].split()
        return entity if words and words[-1].lower() in _TITLES else None

    def _resolve_anaphora(self, views: list[_SentenceView]) -> None:
        """ "The agency", "the spy agency": the organisation named last before, if known.
        A shortened name ("the General Staff" after "Ukraine's General Staff") is the known
        source named last before whose name or alias holds it."""
        last: Entity | None = None
        person: Entity | None = None  # the person named last, for "He said"
        unnamed: Entity | None = None  # the unnamed source named last, for "the source said"
        named: dict[str, Entity] = {}  # known sources by name, the latest named last
        recent: Entity | None = None  # the source named last, for "the statement says"
        holders: dict = {}  # see _named_holder
        names_of_people: set[str] = set()  # the words of the people's names seen
        head_of_state: Entity | None = None  # the head of state named last, for "the President"
        officials: Entity | None = None  # the officials named last, for "the officials"
        for k, view in enumerate(views):
            for m in view.mentions:
                if m.entity is not None and not m.entity.weak:
                    recent = m.entity
                    break
            for i, m in enumerate(view.mentions):
                entity = m.entity
                if (
                    entity is None
                    and m.role == "speaker"
                    and _BODY_DESCRIBED.fullmatch(self.norm, m.start, m.end)
                ):
                    # "an 11-nation monitoring group said" in the lead, named just after:
                    # "The Multilateral Sanctions Monitoring Team (MSMT), set up by ..."
                    entity = self._named_after(views, k, self.norm[m.start : m.end])
                    if entity is not None:
                        view.mentions[i] = Mention(m.start, m.end, m.role, entity, m.cue)
                        continue
                if entity is None and self.outlet and _OUR_OWN.match(self.norm, m.start, m.end):
                    # "according to our sources in Kursk": the outlet's own reporting
                    known = self.index.named(self.outlet)
                    entity = Entity(known.name if known else self.outlet, known)
                    view.mentions[i] = Mention(m.start, m.end, m.role, entity, m.cue)
                    continue
                if (
                    entity is None
                    and m.role == "speaker"
                    and _PRONOUN.match(self.norm, m.start, m.end)
                ):
                    # "Governor Alexander Khinshtein is the only one who spoke: in January, he
                    # told ...": a person named earlier in the sentence, else the last one
                    here = self._person_before(view.sentence.start, m.start)
                    if here is not None or person is not None:
                        view.mentions[i] = Mention(m.start, m.end, m.role, here or person, m.cue)
                        continue
                if (
                    entity is None
                    and officials is not None
                    and _THE_OFFICIALS.fullmatch(self.norm, m.start, m.end) is not None
                ):
                    # "American and South Korean officials ... Of those, the officials
                    # estimate": the officials named last
                    view.mentions[i] = Mention(m.start, m.end, m.role, officials, m.cue)
                    continue
                if (
                    head_of_state is not None
                    and (entity is None or entity.known is None)
                    and _THE_PRESIDENT.fullmatch(self.norm, m.start, m.end) is not None
                ):
                    # "President Volodymyr Zelensky has said ... According to the President":
                    # the head of state named before
                    view.mentions[i] = Mention(m.start, m.end, m.role, head_of_state, m.cue)
                    continue
                if (
                    entity is not None
                    and entity.known is not None
                    and entity.known.kind == "head_of_state"
                ):
                    head_of_state = entity
                if entity is not None and _is_person(entity):
                    person = entity
                    names_of_people.update(entity.name.split())
                elif entity is not None and entity.name in names_of_people:
                    person = entity  # "Choi Song-min, a defector, ..." then "Choi, who ...,"
                if (
                    entity is not None
                    and entity.known is None
                    and entity.name.startswith("a ")
                    and (
                        " source " in entity.name
                        or entity.name.endswith(" source")
                        or _UNNAMED_PERSON_NAME.match(entity.name) is not None
                    )
                ):
                    unnamed = entity  # "a military source in Kursk", "a government source"
                if (
                    entity is not None
                    and entity.known is None
                    and entity.name.endswith(("official", "officials"))
                ):
                    if entity.name[:1].islower() and self.norm.startswith(
                        ("the ", "The "), m.start
                    ):
                        # "a senior U.S. defense official ..." then "The senior defense
                        # official said": the one named before, else whoever spoke before;
                        # "American and South Korean officials ... the officials estimate":
                        # the officials named last
                        before = (
                            officials
                            if officials is not None and entity.name.endswith("officials")
                            else unnamed
                        )
                        view.mentions[i] = Mention(m.start, m.end, m.role, before, m.cue)
                        continue
                    officials = entity
                    if not (entity.name[:1].isupper() and entity.name.endswith("officials")):
                        # "a senior government official", then "the official"; not "Russian
                        # officials say", who are no "source" spoken of after
                        unnamed = entity
                if entity is not None:
                    if (
                        entity.known is None
                        and not entity.weak
                        and _ORGANISATION_NAME.search(entity.name)
                    ):
                        last = entity  # "Japan's Defense Ministry ... the ministry estimates"
                    if entity.known is not None:
                        parent = self.index.parent_of(entity.known)
                        if parent is not None:
                            # "Kyrylo Budanov, Chief of the Defence Intelligence of Ukraine":
                            # his agency is named too, for "the head of Defence Intelligence"
                            named.pop(parent.name, None)
                            named[parent.name] = Entity(parent.name, parent)
                        named.pop(entity.name, None)
                        named[entity.name] = entity
                        if entity.known.kind in _AGENCY_KINDS:
                            last = entity
                    elif not entity.weak and " " in entity.name:
                        earlier = _holding(list(named.values()), entity.name) if named else None
                        if earlier is not None:
                            view.mentions[i] = Mention(m.start, m.end, m.role, earlier, m.cue)
                elif last is not None and _ANAPHOR.match(self.norm[m.start : m.end]):
                    view.mentions[i] = Mention(m.start, m.end, m.role, last, m.cue)
                elif last is None and _ANAPHOR.match(self.norm[m.start : m.end]):
                    # "The National Intelligence Service (NIS) has been the main source of
                    # numbers. ..., according to the spy agency": the one known source whose
                    # names hold the words and which the report has named before
                    found = self._named_holder(self.norm[m.start : m.end], m.start, holders)
                    if found is not None:
                        view.mentions[i] = Mention(m.start, m.end, m.role, found, m.cue)
                elif (
                    recent is not None
                    and m.role == "speaker"
                    and _DOCUMENT_ANAPHOR.fullmatch(self.norm, m.start, m.end)
                ):
                    view.mentions[i] = Mention(m.start, m.end, m.role, recent, m.cue)
                elif unnamed is not None and _SOURCE_ANAPHOR.match(self.norm, m.start, m.end):
                    # "the source said": the unnamed source named last.
                    view.mentions[i] = Mention(m.start, m.end, m.role, unnamed, m.cue)
                else:
                    found = self._country_anaphor(view.sentence.start, m)
                    if found is not None:
                        view.mentions[i] = Mention(m.start, m.end, m.role, found, m.cue)

    def _named_holder(self, phrase: str, before: int, cache: dict) -> Entity | None:
        """The one known source whose names hold the phrase's noun ("spy agency"), if the
        report names it before `before`. `cache` keeps, per noun, that source and how far
        the text was searched: a report of thousands of "the spy agency said" reads each
        stretch of its text once."""
        words = phrase.split(None, 1)
        if len(words) < 2:
            return None
        noun = words[1].strip(".,;:!?'\"")
        entry = cache.get(noun)
        if entry is None:
            holders = [
                k for k in self.index.by_name.values() if k.parent is None and _holds(k, noun)
            ]
            known = holders[0] if len(holders) == 1 else None
            entry = [known, 0, None]  # the source, searched up to, found
            cache[noun] = entry
        known = entry[0]
        if known is None:
            return None
        if entry[2] is None and before > entry[1]:
            names = [n for n in (known.name, *known.aliases) if len(n) >= 3]
            since = max(0, entry[1] - max(len(n) for n in names))
            if any(self.norm.find(n, since, before) >= 0 for n in names):
                entry[2] = Entity(known.name, known)
            entry[1] = before
        return entry[2]

    def _named_after(self, views: list[_SentenceView], k: int, phrase: str) -> Entity | None:
        """The source named in the next few sentences whose name holds a word of the
        description ("monitoring" in "an 11-nation monitoring group")."""
        words = [
            w for w in _WORD_RE.findall(phrase.lower()) if len(w) >= 5 and w not in _BODY_WORDS
        ]
        if not words:
            return None
        for view in views[k + 1 : k + 4]:
            for m in view.mentions:
                if m.entity is None or m.entity.weak:
                    continue
                name = m.entity.name.lower()
                for w in words:
                    if w in name:
                        return m.entity
        return None

    def _country_anaphor(self, lower: int, m: Mention) -> Entity | None:
        """ "a South Korean lawmaker ..., citing the country's spy agency": the known source
        named by the phrase with the country written before it in the sentence."""
        phrase = _COUNTRY_ANAPHOR.match(self.norm, m.start, m.end)
        if phrase is None:
            return None
        countries = list(_COUNTRY_NAMED.finditer(self.norm, lower, m.start))
        if not countries:
            return None
        named = countries[-1].group(0).lower().replace(".", "")
        for owner in _COUNTRY_OWNERS:
            if named in owner:
                for form in owner:
                    entity = entity_of(f"{form}'s {phrase.group('rest')}", self.index)
                    if entity is not None and entity.known is not None:
                        return entity
                return None
        return None

    def _publisher(self) -> Attribution | None:
        """An agency publishing its own statement (the outlet is a known intelligence,
        military or government source): what it states unattributed, it states itself."""
        known = self.index.named(self.outlet) if self.outlet else None
        if known is None or known.parent is not None or known.kind not in _AGENCY_KINDS:
            if self.outlet and _PRESS_RELEASE.search(self.norm, 0, _PRESS_RELEASE_REACH):
                # A press release: what any body (a think tank, a ministry) states unattributed
                # in its own release, it states itself.
                return Attribution(known.name if known else self.outlet, None)
            return None
        return Attribution(known.name, None)

    def _first_attribution(self, owns: list[Attribution | None]) -> Attribution | None:
        for found in owns:
            if found is not None:
                return found
        if self.outlet:
            known = self.index.named(self.outlet)
            return Attribution(known.name if known else self.outlet, None)
        return None

    def _usable(self, view: _SentenceView) -> list[Figure]:
        """Figures that may count people: not "five locations", not a ratio's terms.

        The sentence's view keeps only these, so that the stretch of words each figure owns
        runs from one such figure to the next.
        """
        figures = view.figures
        if not figures:
            return figures  # most sentences: nothing to read, no cues or clauses needed
        ratio: set[int] = set()
        for i in range(len(figures) - 1):
            between = self.norm[figures[i].end : figures[i + 1].start]
            if _MULTIPLIER.match(between):
                ratio.add(i)  # "three times the roughly 600 deaths": 600 is a figure
            elif _RATIO.search(between):
                ratio.update((i, i + 1))
        live = []
        people_are_troops = -1  # whether "people" here are troops: unknown until needed
        for i, figure in enumerate(figures):
            head = metrics.read_head(self.norm, figure.end, view.sentence.end)
            if head.metric is None and not head.people:
                other = _OR_NUMBER.match(self.norm, figure.end, view.sentence.end)
                if other is not None:
                    # "can use 300 or 400 drones": the noun after the second number is both's
                    later = metrics.read_head(self.norm, other.end(), view.sentence.end)
                    if later.rejected:
                        head = later
            view.heads[figure.start] = head
            if head.vague:
                if people_are_troops < 0:  # once per sentence: it may hold thousands
                    s, e = view.sentence.start, view.sentence.end
                    people_are_troops = int(
                        metrics._NK.search(self.norm, s, e) is not None
                        and _CIVILIAN.search(self.norm, s, e) is None
                    )
                if not people_are_troops:
                    continue  # "Two people were injured in Odesa": people, not the force
            elif not head.people and not head.korean:
                # "One person was killed and 11 injured in Kharkiv, the governor said": a
                # bare toll in a sentence about people, not naming the force, is civilians';
                # "Air defences shot down 58 of them; 27 were lost to jamming": drones
                tests = self._civilian_tests(view)  # once per sentence: (NK, person, toll)
                if not tests[0] and (
                    (head.metric is not None and tests[1])
                    # "The number of people killed in a missile attack has risen to 11"
                    or tests[2]
                    or (
                        _MUNITION_SHARE.match(self.norm, figure.end) is not None
                        and self._munitions_before(figure)
                    )
                ):
                    continue
            if i in ratio or head.rejected:
                continue
            if (
                i > 0
                and view.heads[figures[i - 1].start].rejected
                and _CHANGE_OF.search(
                    self.norm, max(view.sentence.start, figure.start - 30), figure.start
                )
            ):
                continue  # "28,000 containers ..., an increase of some 4,000": more containers
            if figure.value == 1 and figure.worded:
                continue  # "notes on the body of one dead soldier": one man, not a count
            if figure.year_like and not head.people and head.metric is None:
                continue
            if figure.worded and not head.people and head.metric is None and figure.value < 1000:
                # "the last one standing": words without a noun are rarely counts; "about
                # eleven thousand are in Russia" is one
                continue
            if _FOR_EVERY.search(
                self.norm, max(view.sentence.start, figure.start - 14), figure.start
            ) or _FOR_EVERY_OPENS.match(
                self.norm, view.sentence.start, max(view.sentence.start, figure.start)
            ):
                # "one of their own for every ten North Koreans", "For every one killed, they
                # have two or three wounded": a ratio's terms
                continue
            after = self.norm[figure.end : figure.end + 60]
            if (
                "defect" in after
                or "settl" in after
                or "fled" in after
                or "scap" in after
                or "refugee" in after
            ) and _DEFECTORS.match(self.norm, figure.end, min(view.sentence.end, figure.end + 60)):
                continue  # "34,000 North Koreans who have resettled in the South": defectors
            later = self.norm[figure.end : figure.end + _HOME_REACH]
            if (
                (
                    ("home" in later or "repatriat" in later or "to North Korea" in later)
                    # "300 bodies ... were flown home", "300 injured soldiers flown home": the
                    # dead and the wounded, not troops withdrawn
                    and head.metric not in ("killed", "wounded")
                    and self._sent_home(view, figure)
                )
                or (
                    "home"
                    in self.norm[max(view.sentence.start, figure.start - 30) : figure.start].lower()
                    and _HOME_BEFORE.search(
                        self.norm, max(view.sentence.start, figure.start - 30), figure.start
                    )
                )
            ):
                continue  # "4,000 soldiers ... have been sent home": no longer deployed
            if ("each" in after[:40] or "every" in after[:40]) and _FOR_EACH_AFTER.match(
                self.norm, figure.end, min(view.sentence.end, figure.end + 40)
            ):
                continue  # "nine wounded for each fatality": the other term
            before = self.norm[max(view.sentence.start, figure.start - 60) : figure.start]
            lower = before.lower()  # cheap substring gates before each (slow to search) pattern
            if "expected" in lower[-20:] and _EXPECTED_BEFORE.search(before):
                continue  # "the first of an expected 5,000": a plan, not a count
            if ("join" in lower[-30:] or "become" in lower[-30:]) and _JOIN.search(before):
                continue  # "Join 15,000 members who support our journalism"
            if _ANY_UNIT_WORD.search(lower) and _UNIT_OF.search(before):
                continue  # "a Ukrainian unit of 120 men": the size of one unit
            if (head.others or (not head.people and head.metric is None)) and _EQUIPMENT.search(
                before
            ):
                # "200 of the 240 mm type" after "rocket launchers"; "74 of the drones were
                # shot down and 38 others were lost": others of the drones
                continue
            if _ANY_AUDIENCE_WORD.search(lower, max(0, len(lower) - 30)) and _AUDIENCE.search(
                before[-30:]
            ):
                continue  # "spoke with two soldiers": people met, not a count of the force
            live.append(figure)
        view.figures = live
        view.positions = {f.start: i for i, f in enumerate(live)}
        if live:
            view.cues = metrics.cues(
                self.norm, view.sentence.start, view.sentence.end, self.cue_lower
            )
            # Cues are in text order: the ones in a stretch are read by bisection, so that a
            # sentence of thousands of figures and cues is not scanned once per figure.
            view.cue_starts = [c[0] for c in view.cues]
            view.cue_metrics = {c[2] for c in view.cues}
            view.clauses = _clauses(self.norm, view.sentence)  # only claims look at clauses
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
            figure.value < MIN_FORCE
            or (
                self._per_clause(view, clause, "hypothetical")
                and not self._hypothetical_after(view, figure, clause)
            )
        ):
            return None
        lead = self.norm[max(clause[0], figure.start - 40) : figure.start]
        if (
            metric not in _FORCE_METRICS
            and ("ere " in lead or "hould " in lead or "f " in lead)
            and _LOSS_CONDITION.search(lead)
        ):
            return None  # "Even were the North to lose 50,000 soldiers": a condition
        if _any_in(_WOULD_WORDS, lead) and _WOULD_REACH.search(lead):
            return None  # "predicted that the total would reach 10,000 by December"
        if _EACH.match(self.norm, figure.end, clause[1]):
            return None  # "two contingents of roughly 2,500 each": a share, not a count
        if _SHOT_DOWN.match(self.norm, figure.end, clause[1]):
            return None
        if "award" in self.norm[figure.end : figure.end + 80] and _AWARDED.match(
            self.norm, figure.end, clause[1]
        ):
            return None  # "More than 2,000 Korean servicemen have been awarded medals": honours
        if "daily" in self.norm[max(clause[0], figure.start - _DAILY_REACH) : figure.start] and (
            _DAILY_BEFORE.search(
                self.norm, max(clause[0], figure.start - _DAILY_REACH), figure.start
            )
        ):
            return None  # "Russia's average daily casualties fell to about 1,520": a rate
        if self.norm[max(view.sentence.start, view.sentence.end - 8) : view.sentence.end].rstrip(
            " \"'\u201d)\n"
        ).endswith("?") and _YES_NO_QUESTION.match(self.norm, view.sentence.start, figure.start):
            return None  # "Fact check: Are 100,000 North Korean soldiers fighting ...?"
        if (
            figure.value < 1000
            and _ATTACK_TOLL.match(self.norm, figure.end, clause[1])
            and metrics._NK.search(self.norm, clause[0], clause[1]) is None
        ):
            return None  # "Two killed in Russian glide bomb attack on Kharkiv": an attack's toll
        if figure.value > MAX_PLAUSIBLE or _INCIDENT.match(self.norm, figure.end, clause[1]):
            return None  # an army, a budget; or one incident's toll ("50 in one morning")
        if metric in _FORCE_METRICS and self._per_clause(view, clause, "parade"):
            return None  # "15,000 troops rehearsing for a parade": an army at home

        if (
            metric == "captured"
            and _EXCHANGE.search(self.norm, clause[0], clause[1])
            and not metrics._NK.search(self.norm, clause[0], clause[1])
        ):
            return None
        # One unnamed official speaking in the figure's own sentence ("a US official told
        # AFP") is its source rather than the one carried from an earlier sentence; a vague
        # plural ("Ukrainian officials") more often restates the carried source.
        attribution = self._attribution(view, clause, carried if explicit else None)
        if explicit and attribution is not None and len(view.mentions) >= 2:
            nearer = self._nearest_speaker(view, figure)
            if nearer is not None:
                attribution = nearer
        if attribution is None and self.publisher is not None:
            attribution = self.publisher
        if attribution is None:
            weak = self.attributor.weak(view.mentions)
            if weak is not None and (
                _ONE_OFFICIAL.search(weak.source or "")
                or not self._same_side(weak, carried)
                # "government officials said Monday" in the lead, the NIS named only further
                # down: the vague speakers, not a source not yet named
                or self.carried_at < 0
            ):
                attribution = weak
            elif weak is None and self.carried_at < 0 and self.last_weak is not None:
                # '"Around 2,000 new troops have gone," he went on': the quotation's speaker
                attribution = self.last_weak
            elif (
                metric == "captured"
                and carried is not None
                and self.carried_at != view.sentence.paragraph
            ):
                # "Ukraine is holding two North Korean prisoners": the count of prisoners is
                # a known fact a writer states as their own, not the earlier paragraph's
                # casualty source restated.
                attribution = weak
            else:
                attribution = carried or weak
        if attribution is not None and attribution.via is None and self.previous_view is not None:
            attribution = self._briefed_before(view, attribution)
        date = self._date(view, figure, clause, as_of_carry, metric)
        if date is None:
            has_later = view.clause_tests.get("later")  # once per sentence, not per figure
            if has_later is None:
                has_later = self.norm.find("later", view.sentence.start, view.sentence.end) >= 0
                view.clause_tests["later"] = has_later
            if has_later:
                date = self._later_than(view, figure)
        if date is None:
            date = self._said_on(view)
        if attribution is not None and attribution.source is not None:
            if date is not None:
                if not date.as_of:  # "as of February 20" is when it held, not when it was said
                    self.source_dates[attribution.source] = (view.sentence.start, date)
            elif self.previous_view is not None and (
                self._goes_on(view) or self._spoke_on_a_day(attribution.source)
            ):
                # "The agency also estimated that ...", "The spy agency said ...", "In the
                # same briefing, the NIS put ...": in what it said the sentence before
                said = self.source_dates.get(attribution.source)
                before = self.previous_view.sentence
                if (
                    said is not None
                    and said[0] in (before.start, view.sentence.start)
                    # "In February, the NIS had estimated 2,400. The NIS also said": not then
                    and _HAD_SAID.search(self.norm, before.start, before.end) is None
                ):
                    date = said[1]
                    self.source_dates[attribution.source] = (view.sentence.start, date)
            if date is None and _THEN_OPENS.match(self.norm, view.sentence.start):
                # "It's three times what the agency said back in April. Then, the NIS put
                # the death toll at about 600": the date of the sentence before
                date = self._date_before()
            if date is None and self._back_then(view):
                # "The same NIS assessment put ...", "the JCS said at the time": when that
                # source last spoke in the report, however far back; else the date of the
                # sentence before ("announced by Shoigu ... on June 17. Shoigu said at the
                # time that ...")
                said = self.source_dates.get(attribution.source)
                if said is not None and said[0] < view.sentence.start:
                    date = said[1]
                else:
                    date = self._date_before()
        if (
            date is not None
            and attribution is not None
            and date.value == self.published
            and date.precision == "day"
            and "today" in self.norm[date.start : date.end].lower()
        ):
            # '"Today we are talking about more than 6,000 dead," he said in the interview
            # on Wednesday': a speaker's "today" is the day they spoke
            stated = self._statement_date(attribution.speaker) or self._statement_date(
                attribution.source
            )
            if stated is not None and stated.value < date.value:
                date = stated
        if date is None and attribution is not None:
            date = self._statement_date(attribution.speaker) or self._statement_date(
                attribution.source
            )
            if date is None:
                date = self.paragraph_statements.get(
                    (view.sentence.paragraph, attribution.speaker or attribution.source or "")
                )
        if date is None:
            date = self.backward_date or self.section_date
        contingent = self._contingent(view, clause, figure, metric)
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
        self.last_metric = metric
        self.last_metric_at = figure.start
        self.value_metrics[figure.value] = metric
        return _Candidate(claim, view.heading, explicit, date is not None)

    def _last_dated_agency(self) -> KnownSource | None:
        last, at = None, -1
        for name, (start, _) in self.source_dates.items():
            known = self.index.by_name.get(name)
            if (
                known is not None
                and known.kind in ("intelligence", "military")  # "it": no minister
                and known.parent is None
                and start > at
            ):
                last, at = known, start
        return last

    def _hypothetical_after(
        self, view: _SentenceView, figure: Figure, clause: tuple[int, int]
    ) -> bool:
        """Whether the clause's speculation is only in a clause joined after the figure:
        "troops in Kursk now numbered around 11,000, and that Pyongyang was preparing to
        rotate some units home" is a count, then a plan.

        The clause's ", and that" joins and where its speculation first comes are found once
        per clause: a clause of thousands of figures is not read to its end for each."""
        key = (clause, "and_that")
        found = view.clause_tests.get(key)
        if found is None:
            joins = [m.start() for m in _AND_THAT.finditer(self.norm, clause[0], clause[1])]
            speculation = _HYPOTHETICAL.search(self.norm, clause[0], clause[1])
            found = (joins, speculation.start() if speculation is not None else clause[1])
            view.clause_tests[key] = found
        joins, first_speculation = found
        # the first join after the figure, and no speculation before it
        i = bisect.bisect_left(joins, figure.end)
        return i < len(joins) and first_speculation >= joins[i]

    def _later_than(self, view: _SentenceView, figure: Figure) -> DateMention | None:
        """ "HUR said in March 2025 that 4,000 had been hit; the NIS put the dead at around
        600 a month later": a date counted on from the last one written before it (in the
        sentence, else the sentence before), at that date's precision. Days and weeks count
        on from a day only."""
        s, e = view.sentence.start, view.sentence.end
        # read near the figure only, and the dates before it by bisection: a sentence of
        # thousands of figures must not be read to its end for each
        later = _LATER_BY.search(
            self.norm, max(s, figure.start - _LATER_REACH), min(e, figure.end + 2 * _LATER_REACH)
        )
        if later is None or later.start() > figure.end + _LATER_REACH:
            return None
        if view.date_starts is None:
            view.date_starts = [d.start for d in view.dates]
        anchor = None
        i = bisect.bisect_left(view.date_starts, later.start())
        while i > 0:
            i -= 1
            d = view.dates[i]
            if d.end <= later.start() and d.precision != "none" and not d.as_of:
                anchor = d
                break
        if anchor is None:
            anchor = self._date_before()
        if anchor is None:
            return None
        count = _LATER_COUNTS.get(later.group("n").lower(), 0)
        unit = later.group("unit").lower()
        value = anchor.value
        if unit in ("day", "week", "fortnight"):
            if anchor.precision != "day":
                return None
            days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
            value = value + dt.timedelta(days=days)
        else:
            months = count * (12 if unit == "year" else 1)
            if anchor.precision == "year" and unit != "year":
                return None
            year, month = divmod(value.year * 12 + value.month - 1 + months, 12)
            value = _on_day(year, month + 1, value.day)
        if self.published is not None and value > self.published:
            return None
        return DateMention(later.start(), later.end(), value, anchor.precision, None, False, False)

    def _date_before(self) -> DateMention | None:
        """The last date the sentence before writes that may date a figure, if any."""
        if self.previous_view is None:
            return None
        for d in reversed(self.previous_view.dates):
            if d.precision != "none" and not d.since and not d.as_of:
                return d
        return None

    def _back_then(self, view: _SentenceView) -> bool:
        """Whether the sentence points back to an occasion already dated: "the same
        assessment", "said at the time"."""
        found = view.clause_tests.get("back_then")  # once per sentence (see _said_on)
        if found is None:
            s, e = view.sentence.start, view.sentence.end
            text = self.norm[s:e]
            found = ("same" in text or "at the time" in text) and _BACK_THEN.search(
                self.norm, s, e
            ) is not None
            view.clause_tests["back_then"] = found
        return found

    def _spoke_on_a_day(self, source: str) -> bool:
        """Whether the source's last dated figure was dated by a day ("Shoigu said on June
        17 ... According to Mr. Shoigu, 1,000 will be sappers": the same statement). A day
        only: "dispatched last year, Lee said. ..., he added" is no statement of last year."""
        said = self.source_dates.get(source)
        return said is not None and said[1].precision == "day"

    def _goes_on(self, view: _SentenceView) -> bool:
        """Whether the sentence goes on with what its source said in the sentence before:
        "also said", "In the same briefing", or a sentence opening with the source named
        again by a common noun ("The spy agency said")."""
        found = view.clause_tests.get("goes_on")  # once per sentence (see _said_on)
        if found is None:
            s, e = view.sentence.start, view.sentence.end
            text = self.norm[s:e]
            found = bool(
                ("also" in text and _ALSO_SAID.search(self.norm, s, e))
                or ("same" in text and _SAME_OCCASION.search(self.norm, s, e))
                or _AGENCY_AGAIN.match(self.norm, s, e)
            )
            view.clause_tests["goes_on"] = found
        return found

    def _briefed_before(self, view: _SentenceView, found: Attribution) -> Attribution:
        """ "The NIS briefed MPs on Monday. About 300 ... had been killed, according to MP
        Lee": a lawmaker reporting right after an agency's briefing relays the agency."""
        known = self.index.by_name.get(found.source or "")
        if known is None or known.kind != "lawmaker":
            return found
        # The briefing in the sentence before, else the report's first: "South Korea's spy
        # agency told lawmakers Monday ..." then, paragraphs on, "..., Lee said".
        agency = (
            self._briefing_agency(view, True)
            or self._briefing_agency(self.previous_view)
            or self.briefing_agency
        )
        if agency is not None:
            return Attribution(agency.name, found.source, found.speaker)
        return found

    def _briefing_agency(self, view: _SentenceView, pronoun: bool = False) -> KnownSource | None:
        """The agency the sentence says briefed lawmakers ("The NIS told MPs on Monday"); with
        `pronoun`, also "it told the committee ...": the agency last dated in the report."""
        for m in view.mentions:
            agency = m.entity.known if m.entity is not None else None
            if (
                pronoun
                and agency is None
                and m.role == "speaker"
                and self.norm[m.start : m.end].lower() == "it"
                and _BRIEFED.match(self.norm, m.end, m.end + 40)
            ):
                agency = self._last_dated_agency()
                if agency is not None:
                    return agency
            if (
                m.role == "speaker"
                and agency is not None
                and agency.kind in _AGENCY_KINDS
                and agency.parent is None
                and _BRIEFED.match(self.norm, m.end, m.end + 40)
            ):
                return agency
        return None

    def _same_side(self, weak: Attribution, carried: Attribution | None) -> bool:
        """Whether vague speakers ("Ukrainian officials") may be the carried source
        restated: they name no country, or the carried source's names hold theirs.
        "Western officials" or "Ukrainian officials" after the NIS are someone else."""
        if carried is None or carried.source is None:
            return False
        name = (weak.source or "").lower()
        sides = [side for side in _SIDES if side in name]
        if not sides:
            return True
        known = self.index.find(carried.source)
        names = [carried.source, *(known.aliases if known is not None else ())]
        text = " ".join(names).lower()
        # "U.S. and Ukrainian officials" after the Pentagon: two sides, more than the one
        return all(side in text for side in sides)

    def _nearest_speaker(self, view: _SentenceView, figure: Figure) -> Attribution | None:
        """ "While the NIS, which put the dead at 2,000 in September, has not updated it,
        German security circles consider up to 3,000 realistic": of two sources that each
        speak in the sentence, the one whose verb comes just before the figure."""
        speakers = []
        for m in view.mentions:
            if m.role != "speaker" or m.cue != "verb":
                return None  # relays, origins and "according to": left to attribute()
            if m.entity is None or m.entity.weak:
                continue
            speakers.append(m)
        if len(speakers) < 2 or speakers[0].entity.name == speakers[-1].entity.name:
            return None
        nearest = None
        for m in speakers:
            if m.end <= figure.start:
                nearest = m
        if nearest is None or nearest is speakers[0]:
            return None
        return self.attributor.attribute([nearest])

    def _attribution(
        self, view: _SentenceView, clause: tuple[int, int], sentence: Attribution | None
    ) -> Attribution | None:
        """The clause's own attribution, else the sentence's (`sentence`: what
        `attribute(view.mentions)` gave in `run`; attributing changes no state once every
        sentence has been learnt, so it is not worked out again for each figure)."""
        inside = [m for m in view.mentions if clause[0] <= m.start < clause[1]]
        if inside:
            found = self.attributor.attribute(inside)
            if found is not None:
                return found
            weak = self.attributor.weak(inside)
            if (
                weak is not None
                and sentence is not None
                and not self._same_side(weak, sentence)
                and _ONE_OFFICIAL.search(weak.source or "") is None
            ):
                # "Seoul's spy agency estimates 2,000 died; Ukrainian officials put losses at
                # 7,000": the clause's own vague speakers, not the other clause's source
                return weak
        return sentence

    def _metric(self, view: _SentenceView, figure: Figure, clause: tuple[int, int]) -> str | None:
        norm = self.norm
        head = view.heads[figure.start]
        if head.foreign and not head.korean:
            return None  # ten Russian soldiers, 1,500 Ukrainian troops
        if head.combined:
            return "combined_force"
        if norm.startswith(" (", figure.end) and _BREAKDOWN.match(norm, figure.end):
            return "casualties"  # "about 3,000 (300 killed, 2,700 wounded)": their sum
        if figure.value in self.value_metrics and _ESTIMATE_OF.search(
            norm, max(clause[0], figure.start - 30), figure.start
        ):
            # "around 4,000 casualties ... The estimate of 4,000 included at least 1,000
            # dead": the figure of that value spoken of before
            return self.value_metrics[figure.value]
        if (
            self.last_metric is not None
            and figure.start - self.last_metric_at < _SPOKE_OF_REACH
            and _FIGURE_WAS.search(norm, max(clause[0], figure.start - 50), figure.start)
        ):
            # "more than 4,000 had been killed. ... a Russian MP claimed the figure was closer
            # to 700": the figure spoken of before
            return self.last_metric
        reach = min(clause[1], figure.end + 80)
        for c in _cues_in(view, figure.end, reach):
            if c[2] == "combined_force":
                return "combined_force"  # "a force of about 50,000, including North Korean troops"
        if not head.korean and self._in_combined_noun(view, clause, figure):
            return "combined_force"  # "a combined grouping of ... troops numbering up to 50,000"
        if not head.korean and (
            0 <= self._other_force_at(view, clause) < figure.end + _OTHER_FORCE_AFTER
            or _OTHER_ACTOR.search(norm, max(clause[0], figure.start - 150), figure.start)
        ):
            return None
        index = view.positions.get(figure.start, -1)
        if head.metric is None and 0 <= index < len(view.figures) - 1:
            nxt = view.figures[index + 1]
            if _N_OF_THE.fullmatch(norm, figure.end, nxt.start) and view.heads[nxt.start].people:
                # "about 4,700 of the roughly 15,000 troops sent had been killed or wounded":
                # the first counts what befell them, the second the force they belong to
                for c in _cues_in(view, nxt.end, clause[1]):
                    if c[2] not in _FORCE_METRICS:
                        return c[2]
        if index > 0 and head.people:
            earlier = view.figures[index - 1]
            if _N_OF_THE.fullmatch(norm, earlier.end, figure.start):
                return "deployed"  # the force the figure before is a part of
        if (
            head.metric is None
            and not head.people
            and index > 0
            and _COMPARED_BEFORE.search(
                norm, max(view.figures[index - 1].end, figure.start - 40), figure.start
            )
        ):
            # "casualties had reached 6,000, up from about 4,700": what the figure it is
            # compared with counts
            earlier = view.figures[index - 1]
            return self._metric(view, earlier, _clause_of(view.clauses, earlier.start))
        if head.metric is not None:
            if head.metric == "wounded" and (
                _CAPTURED_BEFORE.search(norm, max(clause[0], figure.start - 30), figure.start)
                or _TAKEN_PRISONER.match(norm, figure.end, min(clause[1], figure.end + 60))
                # "The two wounded prisoners that Ukraine captured"
                or _WOUNDED_PRISONERS.match(norm, figure.end, min(clause[1], figure.end + 60))
            ):
                # "had captured two wounded North Korean soldiers", "Two wounded soldiers
                # were taken prisoner"
                return "captured"
            if head.metric == "wounded" and any(
                c[2] == "returned_to_duty" for c in _cues_in(view, figure.end, reach)
            ):
                # "600 wounded soldiers have returned to duty"; looked for near the figure,
                # not to the clause's end (a clause of thousands of figures)
                return "returned_to_duty"
            return head.metric
        index = view.positions.get(figure.start, -1)
        prev_end = view.figures[index - 1].end if index > 0 else clause[0]
        next_start = (
            view.figures[index + 1].start if 0 <= index < len(view.figures) - 1 else clause[1]
        )
        seg_before = (max(clause[0], prev_end), figure.start)
        joined = norm.find(", and that ", seg_before[0], figure.start)
        if joined >= 0:
            # "about 2,000 were killed ..., and that the number of personnel in Russia now
            # exceeds 10,000": another thing said, with its own words
            seg_before = (joined + 11, figure.start)
        seg_after = (figure.end, min(clause[1], next_start))
        for c in _cues_in(view, seg_before[0], seg_before[1]):
            if c[2] not in _FORCE_METRICS and _OF_FIGURE.fullmatch(norm, c[1], figure.start):
                return c[2]  # "including the deaths of some 600": the noun the figure is of
        if "number of" in norm[seg_before[0] : seg_before[1]]:
            counted = _NUMBER_OF_CUE.search(norm, seg_before[0], seg_before[1])
            if counted is not None:
                # "the number of wounded soldiers flown home by rail reached about 2,000"
                return _NUMBER_OF_METRIC[counted.group(1).lower()]
        before = [
            c
            for c in _cues_in(view, seg_before[0], seg_before[1])
            if c[1] <= seg_before[1]
            and not _INCLUDING.search(norm, max(0, c[0] - 16), c[0])
            # "sent replacements to make up some of the losses, probably 1,000 to 3,000 men"
            and not _MAKE_UP.search(norm, max(0, c[0] - 24), c[0])
            # "put out of action since they were first committed to combat ... exceeded
            # 200": when the count began
            and not _SINCE_EVENT.search(norm, max(0, c[0] - 30), c[0])
        ]
        if (
            len(before) >= 2
            and before[-1][2] == "deployed"
            and before[-2][2] != "deployed"
            and _OF_THE_FORCE.match(norm, before[-2][1], before[-1][0])
        ):
            before.pop()  # "the total losses of the North Korean contingent are put at"
        if (
            len(before) >= 2
            and before[-1][2] == "deployed"
            and before[-2][2] not in _FORCE_METRICS
            and norm.startswith("number", before[-1][0])
            and _NO_BREAK_80.fullmatch(norm, before[-2][1], before[-1][0]) is not None
        ):
            before.pop()  # "the dead and wounded numbered more than 4,000": a toll's count
        # "2,000 of the casualties were deaths": a cue after "of the" names the set, not the count.
        # A figure with no noun of its own ("voted 204 to 85") takes a cue after it only
        # from near it.
        reach_after = seg_after[1] if head.people else figure.end + _NEAREST_REACH
        after = [
            c
            for c in _cues_in(view, seg_after[0], min(seg_after[1], reach_after + 1))
            if c[1] <= seg_after[1]
            # "10,000 soldiers sent to the east of Russia for training"; not "11,000 are in
            # Russia, most of them from the Storm Corps, a special unit trained for raids"
            and (
                c[2] != "in_training"
                or (
                    c[0] - figure.end <= _TRAINING_REACH
                    # "10,000 were sent in all, most of them initially to training grounds"
                    and _SOME_OF_THEM.search(norm, figure.end, c[0]) is None
                )
            )
            # ("3,000 of the wounded returned to the front": what became of the set)
            and (c[2] == "returned_to_duty" or not _partitive(norm[seg_after[0] : c[0]]))
            # "photos of the two men, one with a bandaged jaw and the other with injured
            # hands": what each one has, not what the figure counts
            and not (
                "," in norm[seg_after[0] : c[0]]
                and _EACH_ONE.search(norm, seg_after[0], c[0]) is not None
            )
            # "8,000 troops remained in Kursk after weeks of heavy losses": what befell them
            and not _AFTER_EVENT.search(norm, max(seg_after[0], c[0] - 30), c[0])
            # '"... exceeded 3,000," the JCS said in a text message sent to reporters': the
            # quotation ended, and what follows is about the speaker
            and not ('"' in norm[seg_after[0] : c[0]] and _QUOTE_CLOSED.match(norm, figure.end))
        ]
        if (
            len(after) >= 2
            and after[0][2] == "deployed"
            and after[1][2] != "deployed"
            and _SENT_TO.match(norm, after[0][0], after[0][1] + 12)
            and _NOUN_PHRASE_ONLY.fullmatch(norm, figure.end, after[0][0])
        ):
            after.pop(0)  # "300 soldiers sent to Russia have been killed": who they are
        # "casualties in Kursk had reached 4,000": a place says deployed only when nothing
        # else in the figure's stretch says what it counts.
        located = [c for c in before + after if _LOCATION_CUE.match(norm, c[0], c[1])]
        if located and len(located) < len(before) + len(after):
            before = [c for c in before if c not in located]
            after = [c for c in after if c not in located]
        after_metrics = [c[2] for c in after]
        metric: str | None = None
        if after and _noun_then_cue(norm[figure.end : after[0][0]]):
            metric = after[0][2]  # "lost 300 soldiers killed": the participle after the noun
        elif before and (
            _governs(norm[before[-1][1] : figure.start])
            or (
                before[-1][2] not in _FORCE_METRICS
                and (
                    _TOLL_VERB.match(norm, before[-1][1], figure.start) is not None
                    or (
                        norm.startswith(("exceed", "top", "surpass"), figure.start)
                        and _NO_BREAK_80.fullmatch(norm, before[-1][1], figure.start) is not None
                    )
                )
            )
        ):
            # "killed 400"; "casualties from the fighting in Kursk now exceed 3,000": the
            # toll's verb takes the figure, whatever stands after it
            metric = before[-1][2]
        elif after:
            metric = after[0][2]
        elif before:
            metric = before[-1][2]
        if metric == "deployed" and "in_training" in after_metrics:
            metric = "in_training"
        if "returned_to_duty" in after_metrics:
            metric = "returned_to_duty"  # "300 of those wounded returned to the front"
        if (
            metric is None
            and self.previous is not None
            and _THIS_CONCERNS.search(norm, max(clause[0], figure.start - 40), figure.start)
        ):
            # "Many of the wounded have returned to service. This concerns more than 1,200
            # servicemen": what the sentence before counts.
            before_cues = metrics.cues(norm, self.previous.start, self.previous.end)
            if before_cues:
                metric = before_cues[-1][2]
        if metric is None and _WILL_BE_PEOPLE.match(norm, figure.end, clause[1]):
            # "1,000 of them will be sappers, and 5,000 military builders": what the force
            # is made of
            metric = "deployed"
        if metric is None:
            if head.people:
                sentence_cues = view.cue_metrics
                metric = "combined_force" if "combined_force" in sentence_cues else "deployed"
            elif not figure.worded:
                near = _cues_in(
                    view, figure.start - _NEAREST_WINDOW, figure.end + _NEAREST_REACH + 1
                )
                metric = _nearest(near, figure, _NEAREST_WINDOW - _NEAREST_SLACK)
                if metric is None:
                    metric = _nearest(view.cues, figure, -1)
        if metric is None:
            # "put the number of replacements at up to 3,000": what the number is of.
            of = _NUMBER_OF.search(norm, max(clause[0], figure.start - 60), figure.start)
            if of is not None:
                noun = of.group("noun")
                cue = metrics._CUE.search(noun)
                if cue is not None:
                    metric = cue.lastgroup
                elif metrics._PEOPLE.search(noun):
                    metric = "deployed"
        if metric is None and _TOTAL_AT.search(
            norm, max(clause[0], figure.start - 40), figure.start
        ):
            metric = self.last_metric  # "the agency put the total at roughly 11,000"
        if metric is None and _FORCE_AT.search(
            norm, max(clause[0], figure.start - 60), figure.start
        ):
            metric = "deployed"  # "the estimate puts the force at about 11,000"
        if (
            metric is None
            and norm[clause[0]] == ";"
            and view.sentence.start <= self.last_metric_at < clause[0]
        ):
            # "Seoul puts the dead at around 2,000; Kyiv reckons close to 4,000": the same
            # count, by another source
            metric = self.last_metric
        if metric is None and "of" in norm[figure.end : figure.end + 5]:
            part = _OF_THEM_ARE.match(norm, figure.end, min(clause[1], figure.end + 60))
            if part is not None and metrics._PEOPLE.fullmatch(part.group("noun")):
                metric = "deployed"  # "Roughly 1,000 of them are sappers": part of the force
        if (
            metric is None
            and self.last_metric is not None
            and self.last_metric_at >= 0
            and figure.start - self.last_metric_at < _SPOKE_OF_REACH
            and _SPOKE_OF.search(norm, max(clause[0], figure.start - 40), figure.start)
        ):
            # "... 1,500 troops had been shipped. By the end of October it spoke of 3,000, and
            # in November of more than 10,000": the count the figure before was of
            metric = self.last_metric
        return metric

    def _in_combined_noun(
        self, view: _SentenceView, clause: tuple[int, int], figure: Figure
    ) -> bool:
        """Whether the figure counts a joint force named just before it in its clause, with
        no comma and no other figure between."""
        low = max(clause[0], figure.start - _COMBINED_REACH)
        index = view.positions.get(figure.start, -1)
        if index > 0:
            low = max(low, view.figures[index - 1].end)
        before = self.norm[low : figure.start].lower()
        if "group" not in before and "force" not in before:
            return False  # a substring test first: no "group(ing)" nor "force(s)" before it
        last = None  # the nearest such noun before the figure
        for m in _COMBINED_NOUN.finditer(self.norm, low, figure.start):
            last = m
        if last is None:
            return False
        return _NO_BREAK.fullmatch(self.norm, last.end(), figure.start) is not None

    def _per_clause(self, view: _SentenceView, clause: tuple[int, int], test: str) -> bool:
        """A test that depends only on the clause, run once per clause (a sentence of
        thousands of figures must not scan its clause once per figure)."""
        key = (clause, test)
        if key not in view.clause_tests:
            text = self.norm[clause[0] : clause[1]]
            if test == "hypothetical":
                view.clause_tests[key] = _hypothetical(text)
            elif test == "since_total":
                view.clause_tests[key] = _SINCE_TOTAL.search(text) is not None
            elif test == "parade":
                lowered = text.lower()  # the words first: most clauses have neither
                view.clause_tests[key] = (
                    "parade" in lowered or "rehears" in lowered
                ) and _PARADE.search(text) is not None
            elif test == "same_period":
                view.clause_tests[key] = _SAME_PERIOD.search(text) is not None
            elif test == "ordinal":
                view.clause_tests[key] = _any_in(_ORDINAL_WORDS, text.lower())
        return view.clause_tests[key]

    def _other_force_at(self, view: _SentenceView, clause: tuple[int, int]) -> int:
        """Where the clause first speaks of Russian or Ukrainian forces (outside an
        attribution), if it does not speak of North Korean ones; else -1. Once per clause."""
        key = (clause, "other_force")
        found = view.clause_tests.get(key)
        if found is None:
            found = -1
            if not metrics._NK.search(self.norm, clause[0], clause[1]):
                for m in _OTHER_FORCE.finditer(self.norm, clause[0], clause[1]):
                    at = m.start()
                    for x in view.mentions:
                        if x.start <= at < x.end:
                            break
                    else:
                        found = at
                        break
            view.clause_tests[key] = found
        return found

    def _figure_between(self, view: _SentenceView, figure: Figure, date: DateMention) -> bool:
        """Whether another figure stands between a figure and a later "since" date: "keeps
        10,000 troops there and has sent 3,000 more since July" dates the 3,000 only."""
        index = view.positions.get(figure.start, -1)
        if 0 <= index < len(view.figures) - 1:  # figures are in text order: the next one
            nxt = view.figures[index + 1]
            return figure.end <= nxt.start < date.start
        return False

    def _date(
        self,
        view: _SentenceView,
        figure: Figure,
        clause: tuple[int, int],
        as_of_carry: tuple[int, DateMention] | None,
        metric: str,
    ) -> DateMention | None:
        """The date a figure holds for, from its sentence's dates: an "as of" date in its
        clause, else the nearest date in its clause, else an "as of" date or a leading date
        of the sentence, else the paragraph's "as of" date carried.

        The sentence's dates are in text order and read by bisection from the figure, so
        that a sentence of thousands of dates and figures costs time in proportion to its
        length (a scan of every date for every figure did not).
        """
        # "killed since December", "sent since October": a running total holds when it is
        # reported, not when it began, so a "since" date dates nothing. They are left out
        # here, once per sentence: a walk past thousands of them for every figure was
        # quadratic.
        kept = view.clause_tests.get("datable")
        if kept is None:
            dates = [d for d in view.dates if not d.since]
            kept = (dates, [d.start for d in dates], [i for i, d in enumerate(dates) if d.as_of])
            view.clause_tests["datable"] = kept
        dates, starts, as_of_dates = kept
        if not dates:
            return self._carried_date(view, figure, as_of_carry, metric)
        first = bisect.bisect_left(starts, clause[0])
        stop = bisect.bisect_left(starts, clause[1])
        for i in as_of_dates:  # an "as of" date in the clause, the first one
            if i < first:
                continue
            if i >= stop:
                break
            d = dates[i]
            if d.end <= figure.start and _JOINED_CLAUSE.search(self.norm, d.end, figure.start):
                continue  # "11,000 by the end of last year, and that 3,000 more in January"
            if d.end <= figure.start and _UP_FROM_BEFORE.search(
                self.norm, max(clause[0], figure.start - 40), figure.start
            ):
                continue  # "As of last week, 10,000 ..., up sharply from the roughly 8,000"
            if self._usable_date(view, figure, d, metric) and not self._in_far_relative(d, figure):
                return d
        if "ing " in self.norm[max(clause[0], figure.start - 100) : figure.start]:
            total = _NEW_TOTAL_BEFORE.search(
                self.norm, max(clause[0], figure.start - 100), figure.start
            )
            if total is not None:
                # "3,000 more in July and August, bringing the total to roughly 18,000": the
                # new total holds when it is reported, not in the months of the addition
                first = max(first, bisect.bisect_left(starts, total.start()))
        window = self.norm[max(clause[0], figure.start - 40) : figure.start]
        if ("urrent" in window or "resent" in window) and _PRESENT_BEFORE.search(window):
            # "putting the contingent's current strength at around 9,000": it holds when said
            return None
        # The nearest date in the clause (the first of the nearest, as min() picks). A date's
        # distance is at least its characters from the figure, so the walk outwards from
        # the figure stops once that alone exceeds the nearest found.
        nearest, distance = None, 0
        at = bisect.bisect_left(starts, figure.start)
        i = at - 1
        while i >= first:
            d = dates[i]
            if nearest is not None and figure.start - d.start > distance:
                break
            if (
                self._usable_date(view, figure, d, metric)
                and not self._in_far_relative(d, figure)
                and not self._in_aside_before(view, d, figure)
            ):
                d_distance = self._date_distance(d, figure)
                if nearest is None or d_distance <= distance:
                    nearest, distance = d, d_distance
            i -= 1
        i = at
        while i < stop:
            d = dates[i]
            if nearest is not None and d.start - figure.start >= distance:
                break
            if (
                self._usable_date(view, figure, d, metric)
                and not self._in_far_relative(d, figure)
                # "more than 6,000, a sharp revision of the figures Kyiv gave last year":
                # when the other figures were given
                and _OTHER_FIGURES_GIVEN.search(
                    self.norm, max(figure.end, d.start - _OTHER_FIGURES_REACH), d.start
                )
                is None
            ):
                d_distance = self._date_distance(d, figure)
                if nearest is None or d_distance < distance:
                    nearest, distance = d, d_distance
            i += 1
        if nearest is not None:
            return nearest
        for i in as_of_dates:
            d = dates[i]
            if self._usable_date(view, figure, d, metric):
                return d
        for d in dates:
            if d.start - view.sentence.start >= 12:
                break
            if self._usable_date(view, figure, d, metric):
                return d  # a leading date: "On Monday, ..."
        return self._carried_date(view, figure, as_of_carry, metric)

    def _said_on(self, view: _SentenceView) -> DateMention | None:
        """ "..., President Zelensky said on Nov. 11": the day written right after a speaker
        verb dates the sentence's figures that have no date of their own."""
        key = "said_on"  # once per sentence: a sentence of thousands of figures asks each time
        if key in view.clause_tests:
            return view.clause_tests[key]
        view.clause_tests[key] = None
        for d in view.dates:
            if (
                d.precision in ("day", "month")
                and not d.as_of
                and not d.since
                and _WEEKDAY.search(self.norm, d.start, d.end) is None  # see _statement_dates
                and _SAID_ON.search(self.norm, max(view.sentence.start, d.start - 30), d.start)
            ):
                view.clause_tests[key] = d
                return d
        return None

    def _usable_date(
        self, view: _SentenceView, figure: Figure, d: DateMention, metric: str
    ) -> bool:
        """Whether a date may date the figure, which counts `metric`."""
        return (
            d.precision != "none"
            and not d.since
            # "the rest will follow in stages through September": an end, not a date
            and not (
                d.precision != "day"  # ("a ledger current through Oct. 31" holds then)
                and d.start >= 8
                and _UNTIL_BEFORE.search(self.norm, d.start - 8, d.start) is not None
            )
            # "2,500 personnel wounded in 2025 had returned to duty": when they were hurt
            # (the figure's own date in "2,000 wounded in 2025", "500 killed and wounded
            # this month")
            and not (
                _WOUNDED_IN.search(self.norm, max(view.sentence.start, d.start - 14), d.start)
                is not None
                and not (
                    d.start > figure.end
                    and metric in ("wounded", "casualties", "killed")
                    and not self._figure_between(view, figure, d)
                )
            )
            and not (
                # "15,000 so far, including 3,000 reinforcements sent between January and
                # February": a later date past another figure is that figure's.
                d.start > figure.end
                and self._figure_between(view, figure, d)
                and _SUBSET_AFTER.search(self.norm, figure.end, d.start) is not None
            )
        )

    def _carried_date(
        self,
        view: _SentenceView,
        figure: Figure,
        as_of_carry: tuple[int, DateMention] | None,
        metric: str,
    ) -> DateMention | None:
        if as_of_carry is not None and as_of_carry[0] == view.sentence.paragraph:
            return as_of_carry[1]
        whole = (view.sentence.start, view.sentence.end)
        if self._per_clause(view, whole, "same_period"):
            # "on the same day", "in the same week": the date last written before the figure.
            dates = view.dates
            i = bisect.bisect_left(view.date_starts or [d.start for d in dates], figure.start)
            while i > 0:
                i -= 1
                d = dates[i]
                if d.end <= figure.start and self._usable_date(view, figure, d, metric):
                    return d
            return self.last_date
        return None

    def _in_aside_before(self, view: _SentenceView, date: DateMention, figure: Figure) -> bool:
        """A date in a relative clause set off by commas before the figure dates something
        else: "Brunson, who took command in December, said about 4,000 ..."."""
        norm = self.norm
        if norm.find(",", date.end, figure.start) < 0:
            return False
        low = max(view.sentence.start, date.start - _ASIDE_REACH)
        opened = norm.rfind(",", low, date.start)
        return opened >= 0 and _ASIDE_OPENER.match(norm, opened) is not None

    def _in_far_relative(self, date: DateMention, figure: Figure) -> bool:
        """A date well after the figure, inside a relative clause, dates something else:
        "a force of 50,000 troops that Moscow assembled to push Ukraine out of the land it
        seized in August". (Near the figure it is the figure's: "11,000 who arrived in
        November".)"""
        if date.start - figure.end <= _RELATIVE_REACH:
            return False
        relative = _RELATIVE.search(self.norm, figure.end, date.start)
        # "11,000 troops made up the first contingent, which reached Russia in October": a
        # clause telling when the troops arrived dates them.
        return relative is not None and (
            _ARRIVED.match(self.norm, relative.end(), date.start) is None
        )

    def _date_distance(self, date: DateMention, figure: Figure) -> int:
        """How far a date is from a figure. A comma between them counts as 40 characters
        ("sent since October, including about 3,000 who arrived this year"), and so does a
        "that" after the date: "told lawmakers last month that 1,000 were killed in December"
        dates the telling, not the figure."""
        norm = self.norm
        if date.start > figure.start:
            far = date.start - figure.end > _DISTANCE_WINDOW  # read no further than that
            comma = far or norm.find(",", figure.end, date.start) >= 0
            return date.start - figure.start + (40 if comma else 0)
        far = figure.start - date.end > _DISTANCE_WINDOW
        penalty = (
            40
            if far
            or norm.find(",", date.end, figure.start) >= 0
            or _THAT.search(norm, date.end, figure.start)
            else 0
        )
        return figure.start - date.start + 1 + penalty

    def _contingent(
        self, view: _SentenceView, clause: tuple[int, int], figure: Figure, metric: str
    ) -> int | None:
        if metric not in ("deployed", "in_training"):
            return None
        if self._per_clause(view, clause, "ordinal"):
            # The ordinal words of the clause, found once per clause; the nearest one counts
            # (the first of the nearest).
            key = (clause, "contingents")
            found = view.clause_tests.get(key)
            if found is None:
                found = []
                for m in _CONTINGENT.finditer(self.norm, clause[0], clause[1]):
                    word = (m.group("n") or m.group("m") or "first").lower()
                    if m.group("i"):
                        word = "first"
                    found.append((m.start(), _ORDINALS.get(word, 1)))
                view.clause_tests[key] = found
            if found:
                at = bisect.bisect_left(found, (figure.start, -1))
                if at == len(found) or (
                    at > 0 and figure.start - found[at - 1][0] <= found[at][0] - figure.start
                ):
                    at -= 1  # the one before is as near or nearer
                return found[at][1]
        if view.dates:
            if view.date_starts is None:
                view.date_starts = [d.start for d in view.dates]
                view.as_of_dates = [i for i, d in enumerate(view.dates) if d.as_of]
            i = bisect.bisect_left(view.date_starts, clause[0])
            dates = view.dates
            while i < len(dates) and dates[i].start < clause[1]:
                if dates[i].since:
                    if self._per_clause(view, clause, "since_total"):
                        return 1  # "a total of 11,000 since October": the first contingent's count
                    return None
                i += 1
        return None

    def _quote_span(self, clause: tuple[int, int], figure: Figure) -> tuple[int, int]:
        s, e = clause
        while s < e and (self.norm[s] in " ,;:\n" or self.norm[s : s + 1] == "-"):
            s += 1
        while e > s and self.norm[e - 1] in " ,;:\n":
            e -= 1
        if e - s > 400:  # a very long clause: a window around the figure, cut at spaces
            # Searches bounded to 250 characters: a huge clause must not cost a scan a figure.
            cut = max(s, figure.start - 150)
            ws = self.norm.rfind(" ", max(s, cut - 250), cut) + 1 or cut
            ws = max(s, ws)
            we = self.norm.find(" ", min(e, figure.end + 150), min(e, figure.end + 400))
            s, e = ws, (we if we != -1 else e)
        s, e = min(s, figure.start), max(e, figure.end)
        return s, e


_NO_BREAK_80 = re.compile(r"[^,;.]{0,80}")
_TOLL_VERB = re.compile(
    r"[^,;.]{0,80}?\b(?:now\s+|already\s+)?(?:exceeds?|exceeded|top(?:s|ped)?|surpass(?:es|ed)?"
    r"|(?:have\s+|has\s+|had\s+)?reach(?:es|ed)?|stand\s+at|stood\s+at|rose\s+to|risen\s+to|total(?:s|led|ed)?"
    r"|amount(?:s|ed)?\s+to|passed)\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|over\s+|nearly\s+"
    r"|roughly\s+|almost\s+)?$"
)
_GOVERNED = re.compile(
    # ('had sent "some 12,000 soldiers ...": a quotation opening on the figure)
    r"^(?:\s+|[\"\u201c]|an?\b|the\b|some\b|about\b|around\b|approximately\b|roughly\b|nearly\b|almost\b"
    r"|more\s+than\b|over\b|at\s+least\b|up\s+to\b|as\s+many\s+as\b|estimated\b|additional\b"
    r"|another\b|total\s+of\b|further\b|fewer\s+than\b|less\s+than\b|close\s+to\b|just\b|well\b"
    r"|of\b|at\b|to\b|by\b|reached\b|stood\s+at\b|rose\s+to\b|number(?:ed)?\b|is\b|was\b|at\b)*$",
    re.I,
)


# A condition on losses: "Even were the North to lose 50,000 soldiers", "if it were to lose".
_LOSS_CONDITION = re.compile(
    r"(?:^|(?<=[.;:]\s)|\b)(?:Were|Should|If)\s+(?:[\w.'-]+\s+){1,3}?to\s+(?:lose|suffer)\b"
    # '"If 3,000 have been killed, that is one in five"': a figure supposed
    r"|(?:^|[\"\u201c]|\b)If\s+(?:[\w'-]+\s+){0,2}?$",
    re.I,
)
_MODAL_WORDS = ("could", "might", "may", "possibly", "ready", "willing", "threatened", "prepared",
                "able", "expect", "if ", "capable", "preparing", "planning", "were ",
                "should ", "scenario", "say,", "ending ")  # fmt: skip


def _is_person(entity: Entity) -> bool:
    """A person speaking: a known source who is a person (one with an organisation, a
    lawmaker, a head of state), or a name as written that reads as a person's."""
    known = entity.known
    if known is not None:
        return known.parent is not None or known.kind in ("lawmaker", "head_of_state")
    return not entity.weak and _person_name(entity.name)


@functools.lru_cache(maxsize=4096)
def _person_name(name: str) -> bool:
    # Names recur from sentence to sentence and report to report.
    return _PERSON_NAME.match(name) is not None and _ORGANISATION_WORDS.isdisjoint(name.split())


def _label_entity(label: str, index: SourceIndex) -> Entity | None:
    return entity_of(label.title(), index)


def _holding(named: list[Entity], name: str) -> Entity | None:
    """The latest of the known sources `named` whose name or an alias holds `name` as
    whole words."""
    for entity in reversed(named):
        if entity.known is not None and _holds(entity.known, name):
            return entity
    return None


@functools.lru_cache(maxsize=4096)
def _holds(known: KnownSource, name: str) -> bool:
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    return any(pattern.search(n) for n in (known.name, *known.aliases))


def _on_day(year: int, month: int, day: int) -> dt.date:
    """The day in that month, or its last day if the month is shorter: a month after
    January 31 is February 28 (the two month shifts above need no more than this, so no
    date library is taken on for it)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _hypothetical(clause: str) -> bool:
    """Speculation ("could send 25,000 more"); substring tests first, the pattern only then."""
    return _any_in(_MODAL_WORDS, clause.lower()) and bool(_HYPOTHETICAL.search(clause))


def _any_at(lower: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether any of the words occurs in lower[start:end] (lower-case), without a copy; a
    loop, not any() over a generator (see `_Candidate`)."""
    for word in words:  # noqa: SIM110
        if lower.find(word, start, end) >= 0:
            return True
    return False


def _any_in(words: tuple[str, ...], text: str) -> bool:
    """`any(w in text for w in words)`, as a loop (see `_Candidate`)."""
    for w in words:  # noqa: SIM110
        if w in text:
            return True
    return False


def _governs(between: str) -> bool:
    """Whether a cue right before a figure acts on it: "killed 400", "sent around 11,000"."""
    return bool(_GOVERNED.match(between))


# "of the wounded", "of those killed" name the set; "of them killed" says what they were, and
# "servicemen of the DPRK killed" names the country.
_PARTITIVE = re.compile(
    r"^\s*(?:\w+\s+)?of\s+(?:(?:the|those|these)\s+(?:[a-z][\w-]*\s+){0,3}|(?:them|whom)\s+(?:[a-z][\w-]*\s+){1,3})$"
)
_INCIDENT = re.compile(
    # Used with .match at the figure's end (so anchored there).
    r"[^.;]{0,40}?\b(?:in|on|during)\s+(?:one|a\s+single|a)\s+(?:(?:bad|good|typical|quiet|busy)\s+)?"
    r"(?:morning|day|night|attack|assault|battle|raid|strike)\b"
    r"|\s*(?:\w+\s+){0,2}(?:a|per)\s+day\b",
    re.I,
)
_NOUN_THEN = re.compile(
    r"^\s*(?:[A-Z][\w'-]*\s+|(?:more|additional|other|of\s+them|of\s+its)\s+)*"
    r"(?:troops|soldiers|servicemen|personnel|fighters|men|persons|North\s+Koreans|others)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w']*)?\s+$"
)


def _partitive(between: str) -> bool:
    """ "2,000 of the casualties were deaths": the cue right after "of the" names the set.

    Not when a verb comes between: "4,700 of them were killed" counts the killed.
    """
    return bool(_PARTITIVE.search(between)) and not _FINITE.search(between)


_FINITE = re.compile(r"\b(?:were|was|are|is|have|has|had|been)\b", re.I)


def _noun_then_cue(between: str) -> bool:
    """Whether only the counted noun stands between a figure and a cue: "300 soldiers killed"."""
    return bool(_NOUN_THEN.match(between))


def _nearest(cues: list[tuple[int, int, str]], figure: Figure, within: int) -> str | None:
    """The cue nearest a bare figure; one after it only if near ("voted 204 to 85 ..., and
    the prime minister is serving as acting president" counts nobody). With `within` >= 0,
    only a nearest one at most that far is returned (see `_NEAREST_WINDOW`)."""
    nearest, distance = None, 0
    for c in cues:  # the first of the nearest, as min() picks
        d = min(abs(c[0] - figure.end), abs(c[1] - figure.start))
        if c[0] >= figure.end and d > _NEAREST_REACH:
            continue
        if nearest is None or d < distance:
            nearest, distance = c, d
    if nearest is None or (within >= 0 and distance > within):
        return None
    return nearest[2]


def _cues_in(view: _SentenceView, start: int, end: int) -> list[tuple[int, int, str]]:
    """The sentence's cues starting in [start, end), by bisection."""
    starts = view.cue_starts
    return view.cues[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _rank(candidate: _Candidate) -> tuple[int, int, int, int]:
    c = candidate.claim
    return (
        int(not candidate.heading),
        int(candidate.explicit),
        int(candidate.dated),
        int(c.source is not None),
    )


def _dedupe(candidates: list[_Candidate]) -> list[Claim]:
    """One claim per figure: a headline and body stating it, or the body twice, are one claim.

    Two explicit attributions to different sources stay two claims (two estimates). Claims
    are compared only with those of the same (metric, low, high), so that a report of
    thousands of figures is not compared pair by pair.
    """
    kept: list[_Candidate] = []
    slots: dict[tuple, list[int]] = {}
    for candidate in candidates:
        c = candidate.claim
        key = (c.metric, c.low, c.high)
        twin = None
        for i in slots.get(key, ()):
            o = kept[i].claim
            if candidate.explicit and kept[i].explicit and o.source != c.source and o.via != c.via:
                continue
            if (
                candidate.dated
                and kept[i].dated
                and not candidate.heading
                and not kept[i].heading
                # (the same two prisoners, "captured in January", are still the two held)
                and c.metric != "captured"
                and _months_apart(o.as_of, c.as_of) > _RESTATED_MONTHS
            ):
                continue  # "5,000 said on Wednesday" and "5,000 said in October last year"
            twin = i
            break
        if twin is None:
            slots.setdefault(key, []).append(len(kept))
            kept.append(candidate)
            continue
        if _rank(candidate) > _rank(kept[twin]):
            candidate, other = kept[twin], candidate
            kept[twin] = other
        _take_finer_date(kept[twin], candidate)
    body: dict[str, set[int | None]] = {}
    for k in kept:
        if not k.heading:
            body.setdefault(k.claim.metric, set()).update((k.claim.low, k.claim.best, k.claim.high))
    kept = [k for k in kept if not (k.heading and _restated(k.claim, body))]
    return sorted([k.claim for k in kept], key=_span)


def _months_apart(a: str | None, b: str | None) -> int:
    """How many months lie between two dates as written ("2025-10", "2026-11-18"); 0 if
    either is unknown or only a year (a year holds any of its months)."""
    if not a or not b or len(a) < 7 or len(b) < 7:
        return 0
    return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether a position lies in one of a few spans (a function of its own: `run`, a
    cpdef method, may hold no generator)."""
    return any(a <= at < b for a, b in spans)


def _header_metric(text: str) -> str | None:
    """The metric a table column's header names ("Killed + wounded": casualties)."""
    found = metrics.cues(text, 0, len(text))
    return found[0][2] if found else None


def _take_finer_date(kept: _Candidate, other: _Candidate) -> None:
    """The body's "last month" and a fact box's "January 13" for the same figure from the
    same source: the claim kept takes the day written, which lies in its month."""
    c, twin = kept.claim, other.claim
    if (
        other.dated
        and c.as_of_precision in ("month", "year")
        and twin.as_of_precision == "day"
        and twin.source == c.source
        and c.as_of is not None
        and twin.as_of is not None
        and twin.as_of.startswith(c.as_of)
        and c.period_end is None
        and _WRITTEN_DAY.search(twin.quote) is not None  # not a headline's statement day
    ):
        kept.claim = dataclasses.replace(c, as_of=twin.as_of, as_of_precision="day")


def _span(claim: Claim) -> tuple[int, int]:
    return claim.start, claim.end


def _restated(claim: Claim, body: dict[str, set[int | None]]) -> bool:
    """A headline's figure that the body gives more precisely: "up to 12,000" over a body's
    "11,000-12,000", "losses top 4,000" over "about 4,000"; or that the body gives as
    another metric ("Kim's 11k: losses mount" over the body's "sent 11,000 soldiers"): a
    headline is too short to say what it counts as surely as the body does."""
    numbers = {n for n in (claim.low, claim.high) if n is not None}
    if any(numbers & values for values in body.values()):
        return True
    # "Losses near 5,000, Seoul says" over the body's "a combined 4,700": a headline rounds.
    if claim.qualifier == "approx" and claim.best:
        near = claim.best * _HEADLINE_ROUNDING
        return any(
            v is not None and abs(v - claim.best) <= near for v in body.get(claim.metric, ())
        )
    return False


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
    norm = normalise(text)
    if not metrics._NK.search(norm):
        return []  # not about the deployment at all
    return _Extraction(text, published, outlet, source_index(sources), norm).run()


__all__ = ["MAX_TEXT_CHARS", "extract", "format_date"]
