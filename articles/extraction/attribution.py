"""Who gave a figure: attribution phrases in a sentence, and how they compose.

A sentence may name a speaker ("Yu said", "according to the NIS") and an origin the speaker
relays ("citing Ukraine's intelligence", "a briefing by Budanov"). The origin is the source
and the speaker the `via`. A person standing for an organisation (a known source with a
parent) gives the organisation. A speaker seen relaying an origin anywhere in the report
keeps relaying it ("Yu cited HUR... Yu said 400 were killed" → HUR via Yu). Phrases that
name nobody in particular ("officials", "reports", "Ukrainian assessments") do not count as
attribution: the figure keeps the attribution carried from earlier in the report.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from .model import KnownSource
from .patterns import word_trie
from .registry import SourceIndex

_VERBS = (
    r"said|says|say|stated|states|told|tells|estimated|estimates|estimate|estimating|reported|reports"
    r"|revealed|reveals|claimed|claims|claim|noted|notes|added|adds|assessed|assesses|assess|believed|believes"
    r"|believe|placed|places|put|puts|confirmed|confirms|indicated|indicates|indicate|suggested|suggests"
    r"|suggest|announced|announces|wrote|writes|disclosed|discloses|cited|cites|quoted|relayed|conveyed|highlighted|highlights"
    r"|briefed|informed|counted|counts|calculated|calculates|tallied|shared|explained|warned|testified"
    r"|acknowledged|admitted|concluded|showed|shows|show|detailed|details|released|released|stressed"
    r"|pointed\s+out|based|told\s+reporters|told\s+lawmakers|has\s+said|have\s+said|had\s+said"
    r"|spoke|made\s+the\s+statement|made\s+the\s+remarks|made\s+the\s+comments|gave|published"
    r"|made\s+the\s+assessment|made\s+the\s+estimate|presented"
    r"|alleged|alleges|asserted|asserts|insisted|insists|maintained|maintains|argued|argues"
    r"|reckons|reckoned|reckon|judges|judged|thinks|described|describes|posted"
    # "German security circles consider a number of up to 3,000 killed to be realistic"
    r"|consider|considers|considered|regard|regards|regarded"
    # "Zelenskyy was putting losses at", "officials are saying": the progressive, written out
    # (an auxiliary alone before the verb would read "Ukraine is estimated to" as a speaker).
    + "".join(
        rf"|{aux}\s+{adverb}{verb}"
        for aux in ("was", "were", "is", "are")
        for adverb in ("", r"already\s+", r"also\s+", r"now\s+", r"still\s+")
        for verb in ("saying", "putting", "claiming", "reporting", "estimating")
    )
)
_VERB_LIST = _VERBS.replace(r"\s+", " ").split("|")
_SPEAKER_ADVERBS = ["has", "have", "had", "also", "earlier", "previously", "now", "separately",
                    "recently", "further", "publicly", "officially", "reportedly", "repeatedly",
                    "privately", "initially", "later", "again", "already", "jointly",
                    "first"]  # fmt: skip
# At most this many adverbs or "on <word>" pairs before the verb ("has also earlier said"):
# real text has two or three; the bound keeps "on said on said …" linear.
_CHAIN_MAX = 6
# After a word, maybe a closing quote or comma, then spaces: adverbs, then the verb. The same
# as `(?<=\w)["',]?\s+(?:has\s+|...|on\s+\w+\s+){0,6}(?:said|...)\b`, but written to start
# with a character class (which `re` scans for in C) and with the verbs as a trie.
_SPEAKER_VERB = re.compile(
    r"[\"',\s](?<=[\w)][\"',\s])(?:(?<=[\"',])\s+|(?<=\s)\s*)"
    rf"(?:(?:{word_trie(_SPEAKER_ADVERBS)})\s+|on\s+\w+\s+){{0,{_CHAIN_MAX}}}"
    rf"(?:{word_trie(_VERB_LIST)})\b"
)
# White space then a speaker verb: every `_SPEAKER_VERB` match ends with one, and this
# simpler pattern is found several times faster (see `_speaker_verbs`).
_VERB_AFTER_SPACE = re.compile(rf"\s(?:{word_trie(_VERB_LIST)})\b")
_CHAIN_WORDS = frozenset([*_SPEAKER_ADVERBS, "on"])
_ENDS_IN_PAST = re.compile(r"\s[a-z]{2,}ed$")
_WHO_BEFORE = re.compile(r"\b(?:who|which)\s*$")
_NAME_TAIL = re.compile(r"(?<![\w'-])[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w.'-]*)*$")
_CITED_NOUN = re.compile(
    r"\b(?:intelligence|services?|officials?|sources?|agenc(?:y|ies)|estimates?|figures?"
    r"|assessments?|data)\s+$"
)
_SAID_THAT_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|stated|added|noted)\s+(?:that\s*,\s*|that\s+|,\s*)$"
)
_COMPARED_WITH = re.compile(r"\b(?:than|above|below|exceeds?|exceeding)\s+(?:the\s+)?$")
_REPORTED = re.compile(r"\bthat\s+$")
# "higher than previous estimates released": the figures a figure is compared with
_COMPARED_NOUN = re.compile(
    r"\b(?:than|above|below)\s+(?:the\s+|its\s+|their\s+)?(?:previous\s+|earlier\s+|official\s+|latest\s+)?"
    r"(?:estimates?|figures?|numbers|counts?|tallies|assessments?)\s+(?:\w+\s+){0,2}$"
)
# "relayed by lawmaker Lee", "was relayed to reporters by Park Sun-won"
# "estimates by Western intelligence services cited by the Reuters news agency": Reuters
# relays them; "the number of builders cited by Khinshtein": his, relayed by nobody
_RELAYED_BY = re.compile(
    r"(?:as\s+)?(?:relayed|cited|quoted)\s+(?:to\s+(?:[\w-]+\s+){1,3}?)?by\s+", re.I
)
_BELIEVED_PASSIVE = re.compile(r"\s+to\b")
_ACCORDING_WORDS = frozenset(
    ["count", "reckoning", "tally", "estimate", "estimates", "figures", "assessment",
     "view", "calculation", "calculations"]
)  # fmt: skip
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.I)
_BY_POSSESSIVE_COUNT = re.compile(
    r"\b(?:[Bb]y|[Ii]n)\s+(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})['\u2019]s\s+"
    r"(?:own\s+|latest\s+|new\s+)?(?:count|reckoning|tally|estimates?|figures|assessment"
    r"|calculations?)\b"
)
# "By the count of our own National Intelligence Service": the same as "according to".
_BY_THE_COUNT = re.compile(
    r"\b(?:by|in)\s+the\s+(?:latest\s+|own\s+)?(?:count|reckoning|tally|estimate|estimates"
    r"|figures|assessment|view|calculations?)\s+of\s+(?:our\s+own\s+|its\s+own\s+)?",
    re.I,
)
_ORIGIN = re.compile(
    r"\b(?:citing|quoting|quoted(?!\s+by\b)|cited|cites|cite|relayed|relaying|relays|based\s+(?:\w+\s+){0,3}?on|relying\s+on|drawing\s+on|briefed\s+by"
    r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|report)\s+(?:by|from)"
    # "a lawmaker who briefed reporters after a closed-door session with the NIS"
    r"|(?:closed-door|private|parliamentary)\s+(?:session|meeting|briefing)\s+with)\s+",
    re.I,
)
# An inverted attribution ("..., said Yu", "\"...\" added the NIS") is
# `(?:[,"]\s*|\s)(?:said|...)\s+(?=[A-Z])`; `_inverted` finds the verb part alone, which
# opens with the verbs' first letters (a character class, which `re` scans for in C), and
# checks the character before it (see there).
# ("told the National Assembly's committee" is whom it was told, not who told)
_INVERTED_VERB = re.compile(
    # ("told reporters Yu"; not "a resident told Radio Free Asia", whom he told)
    r"(?:said|says|according\s+to|told\s+(?!(?:the|a|an|its|his|her|their)\s)[a-z]\w*|added|wrote)"
    r"\s+(?=[A-Z])"
)
_INVERTED_AFTER = re.compile(r"[,\"\s]")
_POSSESSIVE = re.compile(
    r"(?P<x>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)'s?\s+(?:latest\s+|own\s+|new\s+|updated\s+|official\s+)?"
    r"(?:figures?|estimates?|data|assessments?|count|tally|numbers|intelligence\s+assessment)\b"
)
_FIGURES_FROM = re.compile(
    r"\b(?:figures|estimates?|data|assessments?|numbers|a\s+tally)\s+(?:from|by|released\s+by|published\s+by"
    r"|come\s+from|comes\s+from|came\s+from"
    r"|provided\s+by|compiled\s+by)\s+",
    re.I,
)
_BARE_ESTIMATE = re.compile(
    r"(?P<x>(?:[A-Z][\w.'-]*\s+){1,3}(?:intelligence\s+)?(?:assessments?|estimates?|figures|counts?|tally))"
    r"\s+(?:were|was|are|is|of|put|puts|placed|stood|stand|showed|show)\b"
)
# A subject ending in one of these is no speaker: "X has said" is matched from "X", and
# "Pyongyang is estimated to" is a passive with no one named.
_NOT_SUBJECT_ENDS = ["also", "has", "have", "had", "a", "an", "the", "that", "this", "its", "is",
                     "are", "was", "were", "be", "been", "being",
                     # "closer to estimates that ...": after a preposition the word is a noun
                     "to", "of", "from", "with", "at"]  # fmt: skip
# "Ukraine's General Staff did not confirm the loss but said": the subject before "and" or
# "but" is the name that opens the clause, if a name does.
_THAT_LEAD = re.compile(r"\s*(?:that\s+)?")
# A time opening a subject without a comma: "In January the agency", "On Tuesday the NIS".
_WHEN_FIRST = re.compile(
    r"(?:In|On|By|During|Since|Until|Last|This|Early|Late)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4}|week|month|year"
    r"|spring|summer|autumn|fall|winter)\s+(?=(?:the|a|an|its|his|her|their|it|he|she|they|[A-Z])\b)"
)
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whose|whom)\b")
_CLAUSE_TAIL = re.compile(r"\b[a-z]+ed\s+(?:to|in|from|into|at|for)\b")
_WHEN_LAST = re.compile(
    r"\s+(?:(?:last|this|earlier\s+this)\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)|yesterday|earlier|recently|previously)$"
)
_PREPOSITION_FIRST = re.compile(r"(?:in|on|at|by|for|with|from|during|after|before|to|of|as)\b")
_LAST_THE = re.compile(r"(?<=[a-z] )the\s+(?:\w+\s+){0,2}\w+$")
_COORDINATED = re.compile(r"\s(?:and|but)$")
_OPENING_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,5}(?=\s+[a-z])"
)
_ENDS_IN_VERB = re.compile(
    rf"\b(?:{word_trie(_VERB_LIST + _NOT_SUBJECT_ENDS, fold=True)})$",
    re.I,
)
_APPOSITIVE = re.compile(
    # (a figure's comma inside: "who runs a channel with some 400,000 subscribers,")
    r",\s*(?:who|which|whose|the\s+[a-z]\w*\s+(?:of|for))\b(?:[^,]|(?<=\d),(?=\d{3}))*,?\s*$"
    # "Gen. Xavier Brunson, who leads U.S. Forces Korea, United Nations Command and Combined
    # Forces Command, said": a list of names inside
    r"|,\s*(?:who|which)\s+[a-z]+\s+[^,]*(?:,\s*[A-Z][^,]*){1,4},?\s*$"
    # "Britain's Defence Intelligence, the only government that posts a total, estimated"
    r"|,\s*(?:the|a|an)\s+[^,]*?\b(?:that|which|who)\s+[a-z][^,]*,?\s*$"
)
# A name right before a comma: "The Multilateral Sanctions Monitoring Team (MSMT)"; not
# "North Korea will send 6,000 personnel" before ", made up of 1,000 deminers"
_NAME_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:the|The)\s)[A-Z][\w.'-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)*"
    r"(?:[A-Z][\w.'-]*|\([A-Z][\w-]*\)))*\s*$"
)
_PAST_APPOSITIVE = re.compile(
    r",\s*(?:set\s+up|founded|created|formed|established|launched|backed|funded|made\s+up"
    r"|composed|comprising|headquartered|appointed)\s+(?:by|in|of|with|from|after|under)\b"
)
_RELATIVE_SUBJECT = re.compile(r",\s*(?:which|whom)\s+(?=(?:the\s+)?[A-Z])")
# ("The document, marked secret and seen by The Telegraph, estimates": a past participle's
# phrase between commas too)
_SEEN_BY = re.compile(r"(?:seen|obtained|reviewed|viewed|read|shared\s+with)\s+by\s")
_ING_PHRASE = re.compile(r"\s*(?:[a-z]+ing|[a-z]+ed|seen|given|shown|written|drawn)\s")
_PARTICIPLE = re.compile(
    r"\s*(?:citing|quoting|according|based|relying|drawing|who|which|speaking|writing|relayed"
    r"|as\s+relayed|in\s+a\s+(?:[\w-]+\s+){0,2}?briefing)\b",
    re.I,
)
_CLAUSE_END = re.compile(
    r"[,;:()\"]|\s(?:on|in|that|who|which|during|after|before|as|when|to|from|for|while|with"
    r"|published|released|issued|obtained|seen|compiled|shared)\s"
)
_SUBJECT_OPENERS = ["that", "and", "but", "while", "whereas", "as", "when", "because", "which",
                    "who"]  # fmt: skip
# A dash between spaces ends a dateline: "KYIV, March 13 (Reuters) - Russia's ministry said".
_SUBJECT_START = re.compile(
    # "(" opens an aside, except the bracketed abbreviation closing a name just before the
    # verb: "Ukraine's Special Operations Forces (SSO) said".
    # "JAMES KARIUKI (United Kingdom) said": the delegate's country, closing the name
    r"[;:\"]|\((?![A-Z][A-Za-z]{1,7}\)\s*$)(?!(?:the\s+)?[A-Z][\w .'-]{2,40}\)(?:[,\s]*$|,))"
    r"|\s-+\s|\b(?:" + word_trie(_SUBJECT_OPENERS, fold=True) + r")\s",
    re.I,
)
# The last of those in a text, as one match from the text's start: `.*` runs to the end and
# gives back a character at a time, so the opener nearest the verb is found first. (No two
# `_SUBJECT_START` matches can overlap, so the last match of a scan is the rightmost one.)
_LAST_SUBJECT_START = re.compile(r"(?s:.*)(?:" + _SUBJECT_START.pattern + ")", re.I)
_ADJECTIVE_AND = re.compile(
    r"(?<![\w.])(?:Western|US|U\.S\.|American|Ukrainian|South\s+Korean|Korean|British|Japanese"
    r"|European|Allied|NATO|Russian)\s+and\s$"
)

_LEADING = re.compile(
    r"^(?:(?:the|a|an|and|but|also|that|while|with|as|moreover|meanwhile|however|separately|in|its|his|her"
    # (not "New" in "The New York Times", a name's own word)
    r"|their|latest|recent|(?!(?-i:New\s+[A-Z]))new|unnamed|anonymous|leaked|classified)\s+)+",
    re.I,
)
_DETAIL = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:recent|latest|new|classified|closed-door|confidential|intelligence|private"
    r"|leaked|January|February|March|April|May|June|July|August|September|October|November|December)\s+)*"
    r"(?:briefing|report|assessment|statement|estimate|estimates|data|figures|information|intelligence"
    r"|study|survey|analysis|update|findings|evaluations?)(?:\s+received)?\s+(?:by|from|of)\s+",
    re.I,
)
_ROLE_OF = re.compile(
    r"^(?:the\s+)?(?:head|chief|director|leader|spokesperson|spokesman|commander)\s+of\s+", re.I
)
_TITLES = frozenset(
    [
        "president",
        "rep.",
        "rep",
        "sen.",
        "sen",
        "senator",
        "representative",
        "gen.",
        "gen",
        "lt.",
        "lt",
        "col.",
        "col",
        "maj.",
        "maj",
        "minister",
        "chief",
        "director",
        "spokesman",
        "spokesperson",
        "secretary",
        "prime",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "admiral",
        "general",
        "lieutenant",
        "commander",
        "lawmaker",
        "legislator",
        "analyst",
        "official",
        "head",
        "leader",
        "ambassador",
        "envoy",
        "colonel",
        "major",
        "captain",
        "mp",
        "deputy",
        "vice",
        "governor",
        "mayor",
        "spokeswoman",
        "chairman",
        "adviser",
        "advisor",
        "professor",
        # "Correspondent Anton Lebedev reported": the reporter, named
        "correspondent",
        "reporter",
        "presenter",
        "anchor",
    ]
)
_WEAK_WORDS = frozenset(
    [
        "intelligence",
        "officials",
        "official",
        "sources",
        "source",
        "reports",
        "report",
        "estimates",
        "estimate",
        "assessments",
        "assessment",
        "figures",
        "data",
        "authorities",
        "military",
        "defense",
        "defence",
        "analysts",
        "observers",
        "experts",
        "media",
        "government",
        "agencies",
        "agency",
        "forces",
        "a",
        "the",
        "some",
        "other",
        "unidentified",
        "unnamed",
        "anonymous",
        "senior",
        "high-ranking",
        "western",
        "ukrainian",
        "ukraine's",
        "ukraine",
        "u.s.",
        "u.s",  # "U.S." with its last stop stripped, as _is_weak reads words
        "us",
        "american",
        "american's",
        "british",
        "britain's",
        "south",
        "korean",
        "korea's",
        "seoul's",
        "kyiv's",
        "russian",
        "russia's",
        "he",
        "she",
        "our",
        "my",
        "their",
        "his",
        "her",
        "its",
        "your",
        "they",
        "it",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "who",
        "officers",
        "army",
        "insiders",
        "people",
        "kyiv",
        "seoul",
        "washington",
        "moscow",
        "observers",
        "services",
        "service",
        "evaluations",
        "counts",
        "count",
        "tally",
        "numbers",
        "estimates",
        "intelligence-sharing",
        "allied",
        "nato's",
        "allies",
        "diplomats",
    ]
)
_WORD = re.compile(r"[\w.'-]+")


@dataclass(frozen=True)
class Entity:
    """A source as named in one phrase: a known source, or a name as written."""

    name: str
    known: KnownSource | None
    # Names nobody in particular ("Ukrainian officials"): used only when nothing better is known.
    weak: bool = False


# Mentions and attributions are made by the dozen per report and only read: named tuples,
# which are built faster than frozen dataclasses.
class Mention(NamedTuple):
    start: int
    end: int
    role: str  # "speaker" or "origin"
    entity: Entity | None  # None: a phrase that names nobody in particular
    cue: str = "verb"  # which pattern found it: verb, according, origin, possessive...


class Attribution(NamedTuple):
    source: str | None
    via: str | None
    # Who was heard, when it is neither: "Budanov said" gives HUR as the source, and
    # Budanov's statement day is his, not that of every HUR spokesman in the report.
    speaker: str | None = None


def _object_phrase(norm: str, start: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `start`: up to punctuation or a clause-opening word.

    Only the next `_OBJECT_WINDOW` characters are read: the phrase is at most 120, and a
    sentence of thousands of "said X" must not be copied once for each."""
    text = norm[start : min(limit, start + _OBJECT_WINDOW)]
    text = _DETAIL.sub(lambda m: " " * len(m.group(0)), text, count=1)
    text = _ROLE_OF.sub(lambda m: " " * len(m.group(0)), text.lstrip(), count=1).rjust(len(text))
    body = text.lstrip()
    s = start + len(text) - len(body)
    stop = len(body)
    for m in _CLAUSE_END.finditer(body):
        # Keep "(NIS)" and "Directorate of Intelligence": parentheses and "of" followed by a name.
        if m.group(0) == "(" and re.match(r"\([A-Z]{2,6}\)", body[m.start() :]):
            continue
        stop = m.start()
        break
    return s, s + min(stop, 120)


SUBJECT_REACH = 1_000
_OBJECT_WINDOW = 400
_ASIDE = re.compile(
    # "Zelenskyy, Ukraine's president, last month released": when, not who
    r"\s*(?:(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(?:week|month|year|Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|for\s+(?:its|his|her|their)\s+part"
    r"|in\s+turn|however|meanwhile|too|though|moreover"
    r"|instead|likewise|nevertheless|in\s+(?:a|its|his|her|their)\s+(?:statement|report|update|briefing)"
    # "Zelenskyy, in his nightly video address Monday, said": where, not who
    r"|(?:in|at|during|on)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?(?:address|speech"
    r"|interview|statement|remarks|briefing|conference|post|message|appearance|update|report"
    # ("in a separate statement on Telegram on Tuesday", "in an update published by the
    # Ministry of Defence on Wednesday")
    r"|assessment|analysis)(?:\s+[\w'-]+){0,7})\s*$",
    re.I,
)
_LEAD_ADVERB = re.compile(
    r"Earlier|Later|Meanwhile|Separately|Previously|However|Now|Then|Still|Also|Last\s+year"
    r"|Last\s+month|Last\s+week|In\s+addition|Moreover|Similarly|Likewise"
)
_ROLE_WORDS = (
    r"(?:secretary|minister|director|chief|head|spokes(?:man|woman|person)|commander|chairman"
    r"|chair|president|leader|deputy|governor|ambassador|envoy|adviser|advisor|lawmaker|member)"
)
_ROLE = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_ROLE_WORDS}(?:-in-chief)?\s+(?:of|for|at)"
    # ("a member of the National Assembly's intelligence committee")
    r"\s+(?:the\s+)?[A-Z]"
    # "Volodymyr Zelenskyy, Ukraine's president, said"
    rf"|\s*[A-Z][\w.-]*'s\s+(?:[a-z][\w-]*\s+){{0,2}}?{_ROLE_WORDS}\s*$"
)
_TITLE_LIST = re.compile(
    r"(?:^|,\s*)(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}),\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}"
    rf"(?i:{_ROLE_WORDS})(?:-[A-Z]\w*)?\s+(?:of|for)\s+[^,]{{1,60}}(?:,\s*[^,]{{1,60}}){{0,3}}?"
    r",?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3},?\s*$"
)
# "Sergei Shoigu, Secretary of the Russian Security Council, said": a title capitalised
_CAP_TITLE = re.compile(
    rf"\s*(?:the\s+)?(?=[A-Z])(?i:{_ROLE_WORDS})(?:-[A-Z]\w*)?\s+(?:of|for)\s+the\s+[A-Z]"
)
# "Yvette Cooper, the Foreign Secretary, said": a capitalised title after a name
_TITLE_AFTER = re.compile(rf"\s*the\s+(?:[A-Z][\w.-]*\s+){{0,3}}(?i:{_ROLE_WORDS})\s*$")
_BARE_NAME = re.compile(r"(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}")
_FORMER_ROLE = re.compile(
    r"\s*(?:then|formerly|at\s+the\s+time|now|still)\s+(?:the\s+|a\s+|an\s+)?\S"
)
_DESCRIPTION = re.compile(r"\s*(?:the|a|an)\s+[^A-Z]*")
_SOURCE_NOUN = re.compile(
    r"\b(?:agency|service|ministry|department|military|directorate|office|government|army|command"
    r"|intelligence|officials?|spokes(?:man|woman|person)|sources?"
    # "in violation of U.N. sanctions, an 11-nation monitoring group said"
    r"|group|team|panel|body|monitors|institute|commission|committee|watchdog|organi[sz]ation"
    r"|think\s+tank|council|mission|report|statement)\s*$",
    re.I,
)


def _subject_phrase(norm: str, lower: int, verb_start: int) -> tuple[int, int]:
    """The subject before a speaker verb, skipping appositives ("Yu, who visited Kyiv, said").

    Only the last SUBJECT_REACH characters before the verb are read (from a word's start):
    a subject further back is no name anyway, and a sentence of thousands of speaker verbs
    ("on said on said …") would otherwise cost time quadratic in its length."""
    if verb_start - lower > SUBJECT_REACH:
        space = norm.find(" ", verb_start - SUBJECT_REACH, verb_start)
        lower = verb_start - SUBJECT_REACH if space < 0 else space + 1
    region = norm[lower:verb_start]
    appositive = _APPOSITIVE.search(region) if "," in region else None
    if appositive:
        relative = _RELATIVE_SUBJECT.match(region, appositive.start())
        if relative is not None and not region.rstrip().endswith(","):
            # "The first contingent, which Ukraine's military intelligence put at 11,000": the
            # relative clause's own subject speaks
            lower += relative.end()
            region = region[relative.end() :]
        else:
            region = region[: appositive.start()]
    elif "," in region:
        # "The Multilateral Sanctions Monitoring Team (MSMT), set up by the United States,
        # South Korea, Japan and eight other countries in 2024, said": the body, described
        described = _PAST_APPOSITIVE.search(region)
        if described is not None and _NAME_BEFORE.search(
            region, max(0, described.start() - 120), described.start()
        ):
            region = region[: described.start()]
    if region.count(",") >= 3 and " and " in region:
        titled = _TITLE_LIST.search(region)
        if titled is not None:
            # "Hiroshi Aramaki, Assistant Secretary-General for the Middle East, Asia and the
            # Pacific, said": the name before a title holding a list
            return lower + titled.start("name"), lower + titled.end("name")
    last = _LAST_SUBJECT_START.match(region)  # match, not search: linear without an opener
    cut = last.end() if last else 0
    if _SEEN_BY.match(region, cut):
        # "The document, marked secret and seen by The Telegraph, estimates": the document
        # speaks, not the paper that saw it
        comma = region.rfind(",", 0, cut)
        if comma > 0:
            region = region[:comma]
            last = _LAST_SUBJECT_START.match(region)
            cut = last.end() if last else 0
    if cut >= 4 and region[cut - 4 : cut - 1].lower() == "and" and region[cut : cut + 1].isupper():
        # "US and South Korean officials said": the "and" joins two adjectives of one subject.
        joined = _ADJECTIVE_AND.search(region, 0, cut)
        if joined is not None:
            cut = joined.start()
    if cut >= 4 and region[cut - 4 : cut - 1].lower() == "and" and region[cut : cut + 1].isupper():
        # "the Center for Strategic and International Studies (CSIS)": one name
        named = _NAME_WITH_AND.search(region, 0, cut)
        if named is not None:
            cut = named.start()
    parts = region[cut:].split(",")
    if len(parts) > 1 and _LEAD_ADVERB.fullmatch(parts[0].strip()):
        # "Earlier, Secretary of the Security Council Sergei Shoigu, ..., announced": no name
        cut += len(parts[0]) + 1
        parts = parts[1:]
    # "In January, the NIS said": the last part; "X, citing Y, said": the first.
    index = len(parts) - 1
    while index > 0 and (
        not parts[index].strip()
        or _PARTICIPLE.match(parts[index])
        # "Sergei Shoigu, visiting Pyongyang, announced": a participle's phrase between commas
        or (
            (
                index < len(parts) - 1
                or region.rstrip().endswith(",")
                or norm.startswith(",", verb_start)
            )
            and _ING_PHRASE.match(parts[index])
        )
    ):
        index -= 1
    # "The NIS, for its part, told": an aside is no subject. "Rep. Park, the committee's
    # other secretary, said": a description in lower case stands for the name before it
    # ("In January, the agency said" keeps the agency: it names a source).
    while (
        index > 0
        # ("..., a resident told RFA": an unnamed person is the subject, not a description)
        and _UNNAMED_PERSON.fullmatch(parts[index].strip()) is None
    ) and (
        _ASIDE.match(parts[index])
        # "John Kirby, then the National Security Council spokesman, said": his role then;
        # "Shoigu, secretary of Russia's Security Council, said": his role
        or (
            (_FORMER_ROLE.match(parts[index]) or _ROLE.match(parts[index]))
            and _UPPER.search(parts[index - 1]) is not None
        )
        # "KCNA, the state news agency, reported": a description of the name before;
        # "Defence Intelligence, the intelligence arm of the Ministry of Defence, said"
        or (
            (
                _DESCRIPTION.fullmatch(parts[index])
                or _TITLE_AFTER.match(parts[index])
                or _PART_OF.match(parts[index])
                or _CAP_TITLE.match(parts[index])
            )
            and _BARE_NAME.fullmatch(parts[index - 1].strip()) is not None
            and _PREPOSITION_FIRST.match(parts[index - 1].strip().lower()) is None
        )
        or (
            _DESCRIPTION.fullmatch(parts[index])
            and _SOURCE_NOUN.search(parts[index]) is None
            and _ASIDE.match(parts[index - 1]) is None
            # "Citing member-state assessments, the report put": the report's source
            and _PARTICIPLE.match(parts[index - 1]) is None
            and _UPPER.search(parts[index - 1]) is not None
        )
    ):
        index -= 1
    offset = cut
    for part in parts[:index]:  # a loop, not sum() over a generator: see attribution.pxd
        offset += len(part) + 1
    chosen = parts[index]
    s = lower + offset + (len(chosen) - len(chosen.lstrip()))
    e = lower + offset + len(chosen.rstrip())
    when = _WHEN_FIRST.match(norm, s, e)
    if when is not None:
        s = when.end()  # "In January the agency told lawmakers": the agency
    if e - s > 12 and _RELATIVE_WORD.search(norm, s, e) is None:
        # (not "escaped to South Korea last year", a clause's tail, whose place is nobody)
        later = _WHEN_LAST.search(norm, s, e) if _CLAUSE_TAIL.search(norm, s, e) is None else None
        if later is not None:
            e = later.start()  # "a Russian parliamentarian last month claimed": who
    return s, max(s, e)


_LONG_TITLE = re.compile(
    r"\b(Secretary|Minister)\s+(?:of|for)\s+(?:State|Defen[cs]e|Foreign\s+Affairs|War|the\s+Interior)"
    r"(?=\s+[A-Z])"
    # "Russian Chief of the General Staff Valery Gerasimov"
    r"|\b(Chief)\s+of\s+(?:the\s+)?(?:General|Defen[cs]e|Naval|Air)\s+Staff(?=\s+[A-Z])"
    # "Secretary of the Security Council of Russia Sergei Shoigu"
    r"|\b(Secretary)\s+of\s+(?:the\s+)?(?:Russian\s+)?Security\s+Council"
    r"(?:\s+of\s+(?:Russia|the\s+Russian\s+Federation))?(?=\s+[A-Z])"
)
_CONNECTORS = frozenset(["of", "for", "and", "on"])
_DOCUMENT_WORDS = frozenset(["assessment", "assessments", "report", "update", "briefing",
                             "estimate", "estimates", "analysis", "statement",
                             "figures", "data", "numbers", "count", "tally"])  # fmt: skip
_TRAILING_WHEN = re.compile(
    r"\s+(?:on|last|this|late\s+on|early\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$"
)
_TRAILING_GLOSS = re.compile(r"(?<=[A-Za-z])\s+\([A-Z][\w' -]{1,40}\)$")
_OF_DESCRIPTION = re.compile(
    r"(?<=[a-z])\s+of\s+the\s+[a-z].*$"
    # "a US official familiar with the intelligence": who it is, not part of the name
    r"|\s+(?:familiar\s+with|with\s+knowledge\s+of|briefed\s+on|close\s+to)\s+.*$"
    # "Western intelligence services cited by the Reuters news agency": who relayed it
    r"|\s+(?:cited|quoted|reported|relayed)\s+by\s+.*$"
)


def clean_name(phrase: str) -> str:
    """A name as written, without articles, titles and role words: "Rep. Yu" → "Yu"."""
    phrase = _LEADING.sub("", phrase.strip(" ,.'\"\u2022\u25aa*>-")).strip()
    phrase = _POSSESSIVE_END.sub("", phrase)
    # "Secretary of State Antony Blinken": a title of several words is one title.
    phrase = _LONG_TITLE.sub(lambda m: m.group(1) or m.group(2) or m.group(3), phrase)
    # "Park Sun-won of the main opposition Democratic Party": the party is a description.
    # "Severny Veter (North Wind)": a gloss in brackets after the name
    phrase = _TRAILING_GLOSS.sub("", phrase)
    # "the Ministry of Defence on Wednesday": when, not who
    phrase = _TRAILING_WHEN.sub("", phrase)
    description = _OF_DESCRIPTION.search(phrase)
    if description is not None and (
        # "the author of the popular Telegram channel Severny Veter": the name is after "of"
        not phrase.startswith(" of", description.start())
        or _UPPER.search(phrase, 0, description.start()) is not None
    ):
        phrase = phrase[: description.start()]
    tokens = phrase.split()
    # The proper name after the last title or role word: "South Korean lawmaker Yu Yong-weon".
    last_title = -1
    for i, token in enumerate(tokens):
        connector = (
            (
                token in _CONNECTORS
                and 0 < i < len(tokens) - 1
                and tokens[i - 1][:1].isupper()
                and (
                    tokens[i + 1][:1].isupper()
                    or (
                        tokens[i + 1] == "the"
                        and i < len(tokens) - 2
                        and tokens[i + 2][:1].isupper()
                    )
                )
            )
            or (
                # "Institute for the Study of War": "the" inside a name
                token == "the"  # noqa: S105 (a word, not a secret)
                and 1 < i < len(tokens) - 1
                and tokens[i - 1] in _CONNECTORS
                and tokens[i - 2][:1].isupper()
                and tokens[i + 1][:1].isupper()
            )
        )  # "Ministry of Defence": part of the name
        # "the General Staff" is an institution, not a general called Staff.
        institution = i < len(tokens) - 1 and " ".join(tokens[i : i + 2]) == "General Staff"
        if (token.lower() in _TITLES and not institution) or (
            token[:1].islower() and i < len(tokens) - 1 and not connector
        ):
            last_title = i
    if 0 <= last_title < len(tokens) - 1 and tokens[last_title + 1][:1].isupper():
        tokens = tokens[last_title + 1 :]
    # "a British defence intelligence assessment": who made it, not the document.
    while len(tokens) > 1 and tokens[-1].lower() in _DOCUMENT_WORDS:
        tokens = tokens[:-1]
        # "Brunson's written statement": the owner's
        while len(tokens) > 1 and tokens[-1].islower() and tokens[-2].endswith(("'s", "s'")):
            tokens = tokens[:-1]
    # Drop trailing descriptors when a proper name remains: "JoongAng Ilbo newspaper".
    while (
        len(tokens) > 2
        and tokens[-1][:1].islower()
        and sum(t[:1].isupper() for t in tokens[:-1]) >= 2
        # "South Korean officials" keeps its noun: "South Korean" alone names nobody.
        and not (tokens[-1] in _OFFICIAL_NOUNS and _is_weak(" ".join(tokens[:-1])))
    ):
        tokens = tokens[:-1]
    # "Daily NK's sources": the owner is the name.
    return _POSSESSIVE_END.sub("", " ".join(tokens))


_INSTITUTION_WORD = re.compile(
    r"(?<=\S\s)(?:Defen[cs]e|Intelligence|Ministry|Army|Forces|Staff|Service|Office|Council"
    r"|Command|Department|Directorate|Agency|Government)\b"
)
_OFFICIAL_NOUNS = frozenset(["officials", "official", "intelligence", "military", "government",
                             "diplomats", "sources", "authorities"])  # fmt: skip


def _is_weak(phrase: str) -> bool:
    words = [w.lower().strip(".,'\"") for w in _WORD.findall(phrase)]
    words = [w for w in words if w and w != "and"]  # "US and South Korean officials"
    return not words or all(w in _WEAK_WORDS or w.rstrip("'s") in _WEAK_WORDS for w in words)


# Capitalised words that are never a source: days, months, and the countries the figures are
# about ("said Monday", "In October, ...", "North Korea has sent...").
_NOT_A_NAME = re.compile(
    r"^(?:(?:on|in|by|since|last|this|early|late|mid|the)\s+)*(?:Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Today|Yesterday"
    r"|North\s+Korean?|North|South|Pyongyang|DPRK|Kim\s+Jong[\s-]+Un"
    # "More details: According to ...", "All told, the NIS estimated": no one named
    r"|More(?:\s+details)?|Details|Quote|All|Some|Many|Most|Others|Both)(?:'s)?\.?(?:\s+\d{1,2})?$"
    # "If confirmed, ...", "It's now more than two months since": a clause's opening words
    r"|^(?:If|It's|It\s+is|When|While|Although|Though|Unless|Whether|There|Here)\b",
    re.I,
)


# Lower-case words that make a phrase a clause: auxiliaries, pronouns, relatives.
_CLAUSE_WORD = re.compile(
    r"\s(?:had|has|have|would|could|will|shall|should|might|must|was|were|is|are|been|did|does"
    r"|can|may|they|he|she|we|it|you|that|which|who|whom|decided|came|like|wanted|believes?"
    r"|made|makes?|sent|sends?|fought|took|lost|suffered|killed|died|joined|arrived|deployed"
    r"|remain(?:ed|s)?)(?:\s|$)"
)
_NEGATED = re.compile(
    r"(?:No|Not|Neither|None|Nobody)\s"
    # "One of two North Korean soldiers captured ... has told": people counted, not a source
    r"|(?:One|Two|Three|Some|Many|Most|Several|Both|All|Each|Either|Half)\s+of\s"
)
_ABBREVIATED_OWNER = re.compile(r"^([A-Z]{2,4})'s\s+(?=[A-Z])")
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)[.,;:!?'\"]*$")
_FAMILIAR_PERSON = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal)\s+(?:person|people|persons|officials?|sources?)\s+"
    r"(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|close\s+to)\s+the\s+"
    r"(?:matter|situation|discussions|intelligence|talks|assessment|deliberations|case)"
    r"(?=[.,;:!?'\"]*$)"
)
# People a report quotes without naming them ("a resident told RFA"), then "the resident"
UNNAMED_PERSON_NOUNS = "resident|villager|witness|defector"
_UNNAMED_PERSON = re.compile(
    rf"(?:[Aa]n?|[Oo]ne)\s+(?P<who>(?:local\s+)?(?:{UNNAMED_PERSON_NOUNS})"
    r"(?:\s+(?:of|in|from)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?)[.,;:!?'\"]*"
)
_UNNAMED_SOURCE = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:separate\s+|second\s+|other\s+)?"
    r"(?P<kind>(?:local\s+|military\s+|government\s+|senior\s+|informed\s+)*)"
    r"sources?\s+(?P<where>(?:in|inside|within|close\s+to|from)\s+"
    r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})[.,;:!?'\"]*$"
)
_ONE_OF_SOURCES = re.compile(
    r"(?:[Oo]ne|[Tt]wo|[Bb]oth|[Aa]nother)\s+of\s+(?:the|those|these)\s+"
    r"(?P<who>(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?:sources|officials))"
)
_KIND_SOURCE = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<kind>(?:(?:senior|Ukrainian|South\s+Korean|North\s+Korean|Russian|US|U\.S\."
    r"|American|Western|European|Japanese|military|intelligence|government|security|diplomatic"
    r"|defen[cs]e|informed|well-placed|high-ranking)\s+){1,3})source"
)
# "British defence sources have said": sources of a kind, as written
_KIND_SOURCES = re.compile(
    r"(?P<kind>(?:British|UK|Ukrainian|South\s+Korean|Russian|US|U\.S\.|American|Western|European"
    r"|Japanese|French|German|NATO)\s+(?:defen[cs]e|military|intelligence|security|government"
    r"|diplomatic)\s+sources)"
)
_COUNTRY_SPEAKER = re.compile(
    r"Ukraine|Kyiv|Kiev|Seoul|South\s+Korea|Washington|Moscow|Russia|Tokyo"
)
# "For years the regime said nothing": a time, then the subject
_PREPOSITION_OPENS = re.compile(
    r"(?i:by|on|at|after|before|since|during|from|to|for|with|until)\s(?!the\s+[A-Z])"
)
_STATE_MEDIA = re.compile(
    r"(?:(?:North\s+Korean|Russian|Chinese|Pyongyang's|Moscow's)\s+)?(?:state|official|state-run)"
    r"\s+(?:media|television|TV|news\s+agency|broadcaster)(?=[.,;:!?'\"]*$)"
)
_LOWER_OFFICIALS = re.compile(
    r"(?:(?i:a|an|the|two|three|several|some|other|another)\s+)?"
    r"(?P<who>(?:(?:senior|top|high-ranking|military|government|defen[cs]e|intelligence|security"
    r"|presidential|administration|western|allied|european)\s+){1,3}officials?)"
    r"(?:\s+(?:familiar\s+with|with\s+knowledge\s+of|briefed\s+on)\s+[\w\s-]+)?[.,;:!?'\"]*"
)
_THE_SIDE = re.compile(
    r"(?:[Tt]he\s+)?(US|U\.S\.|American|Ukrainian|Russian|South\s+Korean|North\s+Korean|Japanese"
    r"|British|Chinese)\s+side"
)
_GOVERNMENTS = re.compile(
    r"(?:(?i:the)\s+)?(?P<who>(?:(?!The\b)[A-Z][\w-]*,?\s+(?:and\s+)?)+(?:governments|capitals"
    r"|allies))[.,;:!?'\"]*"
)
_CAPITAL_COUNTRY = {"Kyiv": "Ukraine", "Kiev": "Ukraine", "Seoul": "South Korea",
                    "Tokyo": "Japan", "London": "Britain", "Moscow": "Russia"}  # fmt: skip
_CAPITAL_OWNER = re.compile(r"\b(Kyiv|Kiev|Seoul|Tokyo|London|Moscow)'s\s")
_DELEGATE = re.compile(
    r"(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\s+\((?:the\s+)?[A-Z][\w .'-]{2,40}\)[.,;:]?"
)
_CAPS_NAME = re.compile(r"[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'.-]*){1,3}")
_UPPER = re.compile(r"[A-Z]")
_DIGIT = re.compile(r"\d")
_POSSESSIVE_END = re.compile(r"'s?$")


# Pure in (phrase, index) and returning a frozen value: the same attribution phrases ("the
# NIS", "Ukraine's military intelligence") recur from report to report.
@functools.lru_cache(maxsize=4096)
def _entity(phrase: str, index: SourceIndex) -> Entity | None:
    known = index.find(phrase)
    if known is not None:
        return Entity(known.name, known)
    delegate = _DELEGATE.fullmatch(phrase.strip())
    if delegate is not None:
        # "ANDRIY MELNYK (Ukraine) said", as a UN meeting's summary writes a speaker
        name = delegate.group("name")
        if name.isupper():
            name = _title_name(name)
        return _entity(name, index)
    if _CAPS_NAME.fullmatch(phrase.strip(" ,.;:")) is not None:
        # "The representative of the United States, MIKE WALTZ, said": a name in capitals
        return _entity(_title_name(phrase.strip(" ,.;:")), index)
    if phrase.rstrip(" .,;:").endswith(("spies", "spooks")):
        # "South Korea's spies reckon": its spy agency
        known = index.find(phrase.rstrip(" .,;:")[:-6].rstrip() + " spy agency")
        if known is not None:
            return Entity(known.name, known)
    capital = _CAPITAL_OWNER.search(phrase)
    if capital is not None:
        # "Kyiv's military intelligence" is Ukraine's, "Seoul's spy agency" South Korea's
        country = _CAPITAL_COUNTRY[capital.group(1)]
        known = index.find(phrase[: capital.start(1)] + country + phrase[capital.end(1) :])
        if known is not None:
            return Entity(known.name, known)
    if "(" in phrase and ")" not in phrase:
        # "Germany's Federal Intelligence Service (BND": a bracket cut by the clause's end
        phrase = phrase + ")"
    bracketed = _ABBREVIATION_AFTER.search(phrase)
    if bracketed is not None:
        # "Ukraine's Special Operations Forces (SSO)": the name or its abbreviation known,
        # else the name as written without the abbreviation.
        known = index.find(bracketed.group(1)) or index.find(phrase[: bracketed.start()])
        if known is not None:
            return Entity(known.name, known)
        phrase = phrase[: bracketed.start()]
    if _FIRST_PERSON.match(phrase.strip()):
        return None  # "My own working estimate is": the one speaking, named elsewhere
    owned = _OWNED_INSTITUTION.fullmatch(phrase.strip())
    if owned is not None:
        # "South Korea's foreign ministry said": that ministry as written, not the country
        # (which would stand for whichever of its agencies the report quoted last)
        return Entity(" ".join(owned.group(0).split()), None)
    familiar = _FAMILIAR_PERSON.match(phrase.strip())
    if familiar is not None:
        # "A person familiar with the matter told AP": nobody named, but an editor records it.
        return Entity(" ".join(familiar.group(0).split()).lower(), None)
    one_of = _ONE_OF_SOURCES.fullmatch(phrase.strip())
    if one_of is not None:
        # "One of the Western sources put the total at": those sources, as written
        return Entity(" ".join(one_of.group("who").split()), None, True)
    kind_sources = _KIND_SOURCES.fullmatch(phrase.strip())
    if kind_sources is not None:
        # "British defence sources said": nobody named, but sources of a kind an editor records
        return Entity(" ".join(kind_sources.group("kind").split()), None)
    kind_source = _KIND_SOURCE.fullmatch(phrase.strip())
    if kind_source is not None:
        # "A Ukrainian military source told us": nobody named, but a source of a kind
        return Entity("a " + " ".join(kind_source.group("kind").split()) + " source", None)
    person = _UNNAMED_PERSON.fullmatch(phrase.strip())
    if person is not None:
        # "a resident told Radio Free Asia": nobody named, but someone an editor records
        return Entity("a " + " ".join(person.group("who").split()), None)
    unnamed = _UNNAMED_SOURCE.match(phrase.strip())
    if unnamed is not None:
        # "A separate source in Ryanggang Province": an unnamed source, named by its place.
        kind = " ".join(unnamed.group("kind").split())
        where = " ".join(unnamed.group("where").split())
        return Entity(f"a {kind} source {where}" if kind else f"a source {where}", None)
    media = _STATE_MEDIA.search(phrase)
    if media is not None:
        # "according to state media": nobody named, but a source an editor records.
        return Entity(" ".join(media.group(0).split()), None)
    side = _THE_SIDE.fullmatch(phrase.strip(" ,.;:"))
    if side is not None:
        # "according to the US side": that country's officials, if known
        officials = index.find(side.group(1) + " officials")
        if officials is not None:
            return Entity(officials.name, officials)
    governments = _GOVERNMENTS.fullmatch(phrase.strip())
    if governments is not None:
        # "according to Kyiv and Western governments", "Western intelligence agencies"
        return Entity(" ".join(governments.group("who").split()), None)
    officials = _LOWER_OFFICIALS.fullmatch(phrase.strip())
    if officials is not None:
        # "government officials said", "a senior government official said": nobody named,
        # but the kind of speaker, as an editor records it
        return Entity(" ".join(officials.group("who").split()), None, True)
    if _UPPER.search(phrase) is None or _DIGIT.search(phrase) is not None:
        return None  # a clause holding a figure or a date is not a name
    name = clean_name(phrase)
    if not name or len(name) > 80 or _UPPER.search(name) is None or _NOT_A_NAME.match(name):
        return None
    if name.endswith(" intelligence") and " " in name:
        # "a classified U.S. intelligence assessment": that country's officials, if known
        # (a country's named agency is found above, by its aliases)
        known = index.find(name[: -len("intelligence")] + "officials")
        if known is not None:
            return Entity(known.name, known)
    if name.endswith(" official"):
        # "a U.S. official said": one of the known officials ("U.S. officials")
        known = index.find(name + "s")
        if known is not None:
            return Entity(known.name, known)
    if name != phrase:
        known = index.find(name)  # "DIU data", "the agency's latest figures"
        if known is not None:
            return Entity(known.name, known)
        stripped = phrase.strip()
        if (
            stripped.startswith(name)
            and _ADJECTIVES_ONLY.fullmatch(name)
            and _MATERIAL.match(stripped, len(name))
        ):
            # "Drawing on Russian and Korean-language social media, satellite imagery ...":
            # what an analysis read, named by adjectives only, is nobody's statement
            return None
    if (
        _CLAUSE_WORD.search(phrase)
        or _NEGATED.match(name)
        or _NEGATED.match(phrase.strip())
        or _PREPOSITION_OPENS.match(name)
    ):
        # "Pyongyang had decided", "Korean media they would like": a clause, not a name;
        # "No government or intelligence agency": a denial that anyone counted.
        return None
    if _WH_OPENS.match(name):
        return None  # "What the documents show", "Where a document records": a clause
    party = _PERSON_OF.fullmatch(name)
    if (
        party is not None
        and "'" not in party.group("name")
        and _INSTITUTION_WORD.search(party.group("name")) is None
        and party.group("name").split()[-1] not in _NOT_SURNAMES
    ):
        # "Park Sun-won of the Democratic Party": the person, as named elsewhere
        return _entity(party.group("name"), index)
    # "UK's Ministry of Defence" is the UK Ministry of Defence.
    name = _ABBREVIATED_OWNER.sub(r"\1 ", name)
    # "John F. Kirby" is John Kirby, as people are named from report to report
    name = _MIDDLE_INITIAL.sub(r"\1 \2", name)
    # "Britain's Defence Intelligence", "Ukraine's Defence Ministry": capitalised words that
    # name an institution make a name of words otherwise vague.
    weak = (_is_weak(phrase) or _is_weak(name)) and _INSTITUTION_WORD.search(name) is None
    if weak and _COUNTRY_SPEAKER.fullmatch(name):
        # "Ukraine says it has captured two": the country's government, named only vaguely
        return Entity(name, None, True)
    if weak and not re.search(
        r"\b(?:intelligence|military|government|ministry|officials?|forces|commanders)\b",
        name,
        re.I,
    ):
        return None  # "Reports", "Intelligence", "Ukrainian assessments": nobody to name
    return Entity(name, None, weak)


_FIRST_PERSON = re.compile(r"(?:[Mm]y|[Oo]ur|[Yy]our)\b")
_NOT_SURNAMES = frozenset(["Forces", "Staff", "Council", "Committee", "Command", "Office", "Party",
                          "Service", "Ministry", "Agency", "Government", "Army", "Navy",
                          "Corps"])  # fmt: skip
_PERSON_OF = re.compile(
    r"(?P<name>[A-Z][a-z'-]+(?: [A-Z][a-z'-]+(?:-[a-z]+)?){1,2}) of (?:the )?(?:[A-Z][\w'-]*\s*)+"
)
_WH_OPENS = re.compile(r"(?:What|Where|When|How|Why|Which|Whether)\b")
_MIDDLE_INITIAL = re.compile(r"^([A-Z][a-z'-]+) [A-Z]\. ([A-Z][a-z'-]+)$")
_OWNED_INSTITUTION = re.compile(
    r"(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*'s\s+(?:(?:foreign|defen[cs]e|unification|interior|home"
    r"|justice|finance)\s+ministry|ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e|unification)"
    r"|presidential\s+office|foreign\s+office|state\s+department)"
)
_SHARED_AFTER = re.compile(
    r"\s+(?:shared|provided|released|published|compiled|given|supplied|gathered)\s+by\s+"
)
# Words that only qualify: "Russian", "Korean-language", "North Korean and Ukrainian".
_ADJECTIVES_ONLY = re.compile(
    r"(?:(?:Secret|Leaked|Internal|Classified|Confidential)\s+)?"
    r"(?:North\s+|South\s+)?[A-Z][\w-]*(?:an|ese|ish|language)"
    r"(?:(?:\s+(?:and|or)\s+|,\s*)(?:North\s+|South\s+)?[A-Z][\w-]*(?:an|ese|ish|language))*"
)
# What an analyst reads rather than who speaks: "social media", "satellite imagery".
_MATERIAL = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:social\s+media|imagery|footage|documents?|records|interviews"
    r"|obituaries|posts|channels|sources)\b"
)


def _title_name(name: str) -> str:
    """ "CHA JI-HOON" → "Cha Ji-hoon": each word capitalised, as names are written."""
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def entity_of(phrase: str, index: SourceIndex) -> Entity | None:
    """The source a phrase names, known or as written; None if it names nobody."""
    return _entity(phrase, index)


_VERB_WORDS = frozenset(re.sub(r"\\s\+\w+", "", _VERBS).split("|")) - {"has", "have", "had"}
_ORIGIN_WORDS = frozenset(
    [
        "citing",
        "quoting",
        "quoted",
        "cited",
        "cites",
        "cite",
        "relayed",
        "relaying",
        "relays",
        "based",
        "relying",
        "drawing",
        "briefed",
        "briefing",
        "assessment",
        "report",
    ]
)
_INVERTED_WORDS = frozenset(["said", "says", "according", "told", "added", "wrote"])
_ESTIMATE_WORDS = frozenset(
    [
        "figures",
        "figure",
        "estimate",
        "estimates",
        "data",
        "assessment",
        "assessments",
        "count",
        "counts",
        "tally",
        "numbers",
    ]
)


def find_mentions(
    norm: str,
    start: int,
    end: int,
    index: SourceIndex,
    words: frozenset[str] | set[str] | None = None,
) -> list[Mention]:
    """Attribution phrases in norm[start:end], in text order.

    `words` (the sentence's lower-case words) lets patterns that cannot match be skipped.
    """
    if words is None:
        words = set(norm[start:end].lower().split())
    spans: list[tuple[int, int, str, str]] = []
    if "according" in words:
        spans.extend(_according(norm, start, end, _ACCORDING))
    if not _ACCORDING_WORDS.isdisjoint(words) and ("by" in words or "in" in words):
        spans.extend(_according(norm, start, end, _BY_THE_COUNT))
        # "By Seoul's count, upwards of 4,000": whose count it is
        for m in _BY_POSSESSIVE_COUNT.finditer(norm, start, end):
            spans.append((m.start("who"), m.end("who"), "speaker", "according"))
    if not _ORIGIN_WORDS.isdisjoint(words):
        spans.extend(_origins(norm, start, end))
    if not _ESTIMATE_WORDS.isdisjoint(words):
        spans.extend(_estimates(norm, start, end, words))
    if not _INVERTED_WORDS.isdisjoint(words):
        spans.extend(_inverted(norm, start, end))
    if not _VERB_WORDS.isdisjoint(words):
        spans.extend(_speakers(norm, start, end))
    if not spans and not _SAYING_WORDS.isdisjoint(words):
        spans.extend(_saying(norm, start, end))
    if "(" in norm[start:end]:
        spans.extend(_parenthesised(norm, start, end))
    if "by" in words:
        spans.extend(_agents(norm, start, end))
    mentions = []
    relayed = False
    for s, e, role, cue in sorted(spans):
        if e <= s:
            continue
        entity = _entity(norm[s:e], index)
        if cue == "paren" and (entity is None or entity.known is None):
            continue  # "(Reuters)", "(pictured)": only a known source is a source here
        if role == "relay":
            relayed = True
        mentions.append(Mention(s, e, role, entity, cue))
    if relayed:
        # The relay speaks for the others named: they are its origins.
        mentions = [
            Mention(m.start, m.end, "speaker", m.entity, "relay")
            if m.role == "relay"
            else Mention(m.start, m.end, "origin", m.entity, m.cue)
            if m.role == "speaker" and not _inside_relay(m, mentions)
            else m
            for m in mentions
        ]
        mentions = [m for m in mentions if not (m.role == "origin" and _inside_relay(m, mentions))]
    return mentions


_NAME_WITH_AND = re.compile(
    r"(?<![\w'])[A-Z][\w-]*(?:\s+(?:for|of|on|the)?\s*[A-Z][\w-]*)*\s+and\s+$"
)
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:interview|report|statement|article|post|video|assessment|update|paper)\s*$"
)
_FINITE_BEFORE = re.compile(
    r"(?<=\s)(?:went|goes|was|were|is|are|came|comes|offered|published|issued|gave|put|took)"
    r"\s[^,]{0,30},?\s*$"
)
_SAYING_WORDS = frozenset(["saying", "alleging", "claiming", "estimating", "stating"])
_SAYING = re.compile(r",\s+(?:saying|alleging|claiming|estimating|stating)\b")
# Where a sentence's subject ends: at an appositive clause ("Budanov, who has ...") or at its
# verb ("Zelensky went further on Nov. 4, saying ...").
_SUBJECT_END = re.compile(
    r",\s+(?:who|which|whose)\b|\s+(?:went|was|is|has|had|made|gave|spoke|repeated|offered|came"
    r"|returned|appeared|doubled|raised|struck|took|weighed|chimed)\b"
)


def _saying(norm: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The sentence's opening name, where a participle reports its words: "President
    Zelensky went further on Nov. 4, saying 11,000 North Korean troops were in Kursk"."""
    said = _SAYING.search(norm, start, end)
    if said is None:
        return []
    cut = _SUBJECT_END.search(norm, start, said.start())
    if cut is None or cut.start() - start > 100 or not norm[start : start + 1].isupper():
        return []
    return [(start, cut.start(), "speaker", "verb")]


def _inside_relay(m: Mention, mentions: list[Mention]) -> bool:
    """Whether a mention lies inside (or holds) the relay's phrase: "in a briefing relayed
    by lawmaker Lee" found as a speaker too."""
    for r in mentions:
        if r.cue == "relay" and r is not m and (r.start >= m.start and r.end <= m.end):
            return True
    return False


# A source in brackets after a figure, as lists and tables give them: "Killed: about 600
# (NIS, April)", "c. 11,000 troops (NIS, November 2024)".
_PARENTHESISED = re.compile(r"\((?P<x>[A-Z][^(),;]{0,60}?)(?:,[^()]{0,40})?\)")
_FIGURE_BEFORE = re.compile(r"\d[^.;:!?]{0,60}$")


# The agent of a passive: "This was reported by the Main Directorate of Intelligence",
# "the 600 dead reported by the Joint Chiefs of Staff".
_BY_AGENT = re.compile(
    r"\b(?:reported|announced|stated|said|confirmed|disclosed|estimated|given|released|published"
    r"|provided|cited|claimed|counted|assessed)\s+by\s+"
)


def _agents(norm: str, start: int, end: int) -> list[_Span]:
    spans = []
    for m in _BY_AGENT.finditer(norm, start, end):
        if _COMPARED_NOUN.search(norm, max(start, m.start() - 40), m.start()):
            continue  # "higher than previous estimates released by Seoul": the ones compared
        s, e = _object_phrase(norm, m.end(), end)
        spans.append((s, e, "speaker", "agent"))
    return spans


def _parenthesised(norm: str, start: int, end: int) -> list[_Span]:
    spans = []
    for m in _PARENTHESISED.finditer(norm, start, end):
        if _FIGURE_BEFORE.search(norm, max(start, m.start() - 61), m.start()):
            spans.append((m.start("x"), m.end("x"), "speaker", "paren"))
    return spans


_Span = tuple[int, int, str, str]


def _according(norm: str, start: int, end: int, pattern: re.Pattern[str]) -> list[_Span]:
    spans = []
    for m in pattern.finditer(norm, start, end):
        s, e = _object_phrase(norm, m.end(), end)
        if _SAID_THAT_BEFORE.search(norm, max(start, m.start() - 24), m.start()):
            # "Melnyk said that, according to the Defence Intelligence of Ukraine, ...": the
            # speaker relays the agency
            spans.append((s, e, "origin", "origin"))
            continue
        spans.append((s, e, "speaker", "according"))
    return spans


def _origins(norm: str, start: int, end: int) -> list[_Span]:
    spans = []
    for m in _ORIGIN.finditer(norm, start, end):
        s, e = _object_phrase(norm, m.end(), end)
        relayed = _RELAYED_BY.match(norm, m.start(), e)
        if relayed is not None:
            if not norm.startswith("relayed", m.start()) and not _CITED_NOUN.search(
                norm, max(start, m.start() - 30), m.start()
            ):
                # "the number of builders cited by Khinshtein": his (see _agents)
                continue
            # "the NIS, in a briefing relayed by lawmaker Lee, said": Lee relays, the one
            # who speaks is the origin (see find_mentions).
            spans.append((max(s, relayed.end()), e, "relay", "relay"))
            continue
        shared = _SHARED_AFTER.match(norm, e, end)
        if shared is not None:
            # "citing assessments shared by South Korea's spy agency": the body that shared
            s, e = _object_phrase(norm, shared.end(), end)
        spans.append((s, e, "origin", "origin"))
    for m in _NAMED_BRIEFING.finditer(norm, start, end):
        spans.append((m.start("x"), m.end("x"), "origin", "origin"))
    return spans


# "after a closed-door NIS briefing": whose briefing it was.
_NAMED_BRIEFING = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:closed-door\s+|private\s+|parliamentary\s+|recent\s+|latest\s+)*"
    r"(?P<x>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s+(?:briefing|report|assessment)\b"
)


# Words each estimate pattern needs whole (between spaces), tested on the sentence's words
# before the pattern is scanned: "figures from", "the agency's estimates", "NIS estimates were".
_FROM_WORDS = frozenset(["from", "by"])
_BARE_ESTIMATE_WORDS = frozenset(["assessment", "assessments", "estimate", "estimates", "figures",
                                  "count", "counts", "tally"])  # fmt: skip


def _estimates(norm: str, start: int, end: int, words: frozenset[str] | set[str]) -> list[_Span]:
    spans = []
    if not _FROM_WORDS.isdisjoint(words):
        for m in _FIGURES_FROM.finditer(norm, start, end):
            if _COMPARED_WITH.search(norm, max(start, m.start() - 30), m.start()) or (
                _COMPARED_NOUN.search(norm, max(start, m.start() - 40), m.end())
            ):
                continue  # "higher than previous estimates released by Seoul"
            s, e = _object_phrase(norm, m.end(), end)
            spans.append((s, e, "speaker", "figures"))
    patterns = []
    if "'" in norm[start:end]:
        patterns.append(_POSSESSIVE)
    if not _BARE_ESTIMATE_WORDS.isdisjoint(words):
        patterns.append(_BARE_ESTIMATE)
    for pattern in patterns:
        for m in pattern.finditer(norm, start, end):
            if _COMPARED_WITH.search(norm, max(start, m.start("x") - 12), m.start("x")):
                continue  # "higher than Seoul's figure": the figure compared with, not this one's
            spans.append((m.start("x"), m.end("x"), "speaker", "possessive"))
    return spans


def _inverted(norm: str, start: int, end: int) -> list[_Span]:
    """Inverted attributions in norm[start:end]: the same matches (as far as their ends,
    all that is used) as the full pattern's finditer.

    A full match is a comma, quote or white space, maybe more white space, then the verb
    part; so it exists exactly where the verb part follows one of those characters (inside
    the range: never at `start`), and it ends where the verb part does. Its leftmost match
    is at the leftmost such verb (what comes between the first character and the verb is
    no letter), and after a match (which is followed by a capital) the scans go on alike.
    """
    spans = []
    pos = start + 1
    while pos < end:
        m = _INVERTED_VERB.search(norm, pos, end)
        if m is None:
            break
        if _INVERTED_AFTER.match(norm, m.start() - 1) is None:
            pos = m.start() + 1  # "unsaid": a later verb may still start inside this match
            continue
        s, e = _object_phrase(norm, m.end(), end)
        spans.append((s, e, "speaker", "inverted"))
        pos = m.end()
    return spans


def _chain_start(norm: str, lower: int, space: int) -> int:
    """A position no `_SPEAKER_VERB` match whose verb follows `space` starts before.

    Such a match is a separator right after a word, white space, then adverbs and "on <word>"
    pairs (each a whole token between spaces), then the verb. Walking back over the tokens
    that can be part of that chain (an adverb, "on", or a word after "on") finds where it
    can begin at the earliest.
    """
    x = space
    while x > lower and norm[x - 1].isspace():
        x -= 1
    tokens = 0
    while x > lower and tokens < 2 * _CHAIN_MAX:  # a pair is two tokens
        tokens += 1
        j = x
        while j > lower and not norm[j - 1].isspace():
            j -= 1
        k = j
        while k > lower and norm[k - 1].isspace():
            k -= 1
        # The token is a chain word, or the word of a pair: the token before it is "on".
        after_on = (
            k - 2 >= lower and norm[k - 2 : k] == "on" and (k - 2 == lower or norm[k - 3].isspace())
        )
        if not (after_on or norm[j:x] in _CHAIN_WORDS):
            break
        if k == j:
            return lower  # the token starts the searched range
        x = k
    return max(lower, x - 1)


def _speaker_verbs(norm: str, start: int, end: int) -> list[re.Match[str]]:
    """The same matches as `_SPEAKER_VERB.finditer(norm, start, end)`, found faster.

    The pattern tries its adverbs and verbs at every space; instead, the next space-then-verb
    is found with a plain pattern, and the full one is searched only from where a match
    ending at that verb (or later) can start at the earliest. A list, not a generator: a
    sentence has a few, and a compiled generator costs more than the list.
    """
    out = []
    pos = start
    while pos < end:
        verb = _VERB_AFTER_SPACE.search(norm, pos, end)
        if verb is None:
            break
        match = _SPEAKER_VERB.search(norm, _chain_start(norm, pos, verb.start()), end)
        if match is None:
            break
        out.append(match)
        pos = match.end()
    return out


_PART_OF = re.compile(
    r"\s*(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}(?:arm|branch|wing|division|agency|service|body"
    r"|department|office|unit|directorate)\s+of\s+(?:the\s+)?[A-Z]"
)
# ", the secretary of Russia's security council, " between a name and its "who said"
_DESCRIBED = re.compile(r",\s*(?:the|a|an)\s+[^,]{3,80},\s*")
_BY_AFTER = re.compile(
    r"\s+by\s+(?!(?:phone|telephone|video|videolink|e-?mail|text|letter|satellite|radio)\b)"
)


def _speakers(norm: str, start: int, end: int) -> list[_Span]:
    spans = []
    previous = -1  # where the last speaker verb ended
    for m in _speaker_verbs(norm, start, end):
        if norm.endswith("believed", m.start(), m.end()) and _BELIEVED_PASSIVE.match(
            norm, m.end(), end
        ):
            continue  # "the troops believed to have been sent": nobody believes here
        if _DOCUMENT_BEFORE.search(norm, max(start, m.start() - 14), m.start()) and norm.startswith(
            ("published", "released", "posted", "given", "aired"),
            m.start() + (1 if norm[m.start()] in ' ,"' else 0),
        ):
            continue  # "told The War Zone in an interview published on Oct. 25": a participle
        if _BY_AFTER.match(norm, m.end(), end):
            # "casualties as estimated by the NIS", "assessments shared by the NIS": a
            # passive, whose agent after "by" speaks
            continue
        verb_start = m.start()
        if norm.endswith("ing", m.start(), m.end()) and (
            "," in norm[max(0, m.start() - 2) : m.start() + 2]
        ):
            # "A January study by CSIS went further, estimating that ...": the subject of the
            # verb before the participle
            for finite in _FINITE_BEFORE.finditer(norm, max(start, m.start() - 60), m.start()):
                verb_start = finite.start()
        s, e = _subject_phrase(norm, start, verb_start)
        who = _WHO_BEFORE.search(norm, max(start, m.start() - 8), m.start())
        if (
            who is not None
            and e <= who.start()
            and norm[e : who.start()].strip(" ,")
            and _DESCRIBED.fullmatch(norm, e, who.start()) is None
        ):
            # "Now, according to two U.S. officials who spoke on condition of anonymity": the
            # verb's subject is "who", inside the phrase already read; not "Now". (Right
            # before it, "the NIS, which briefed", the subject is who or which.)
            continue
        if who is not None and e - s > 40:
            # "broadcast an interview with Kursk Governor Alexander Khinshtein, who said":
            # "who" is the name just before it
            # from the last 120 characters only: a run of a thousand capitalised words
            # would otherwise cost time quadratic in its length
            tail = _NAME_TAIL.search(norm, max(s, e - 120), e)
            if tail is not None:
                s = tail.start()
        # "Park said the agency estimates": the subject of "estimates" starts after "said".
        after_verb = previous > s
        if after_verb:
            said = _THAT_LEAD.match(norm, previous, e)
            s = said.end() if said is not None else previous
        previous = m.end()
        if after_verb and _PREPOSITION_FIRST.match(norm, s, e):
            continue  # "the JCS said in an assessment ... released to reporters": no speaker
        subject = norm[s:e]
        if _DIGIT.search(subject) is not None:
            # "three times the 600 deaths the agency reported": the reduced relative clause's
            # own subject, after the counted noun
            tail = _LAST_THE.search(subject)
            if tail is not None:
                s += tail.start()
                subject = norm[s:e]
        if _COORDINATED.search(subject):
            opening = _OPENING_NAME.match(subject)
            if opening is None:
                continue
            e = s + opening.end()
            subject = norm[s:e]
        # The verb pattern can only match the last 30 characters: search just those.
        if (
            e > s
            and len(subject.split()) <= 14
            and not _ENDS_IN_VERB.search(subject, max(0, len(subject) - 30))
            # "ISW previously observed reports that ...": "reports" is a noun after a verb
            and not _ENDS_IN_PAST.search(subject, max(0, len(subject) - 20))
        ):
            # "Lee told reporters that the agency had confirmed...": the agency speaks
            # inside what Lee reports, so it is the origin and Lee the relay. So it does
            # in "Park said the agency estimates".
            reported = after_verb or _REPORTED.search(norm, max(start, s - 8), s) is not None
            spans.append((s, e, "speaker", "reported" if reported else "verb"))
    return spans


_AGENCY_KINDS = frozenset(["intelligence", "military", "government"])


def _is_agency(entity: Entity | None) -> bool:
    """A known organisation that gathers figures (not a person speaking for one)."""
    known = entity.known if entity is not None else None
    return known is not None and known.parent is None and known.kind in _AGENCY_KINDS


def _is_full_name(tokens: list[str]) -> bool:
    # A loop, not all() over a generator: see attribution.pxd.
    for t in tokens:  # noqa: SIM110
        if not t[:1].isupper() or "'" in t:
            return False
    return True


class Attributor:
    """Composes speaker and origin into (source, via), remembering relays across a report."""

    def __init__(self, index: SourceIndex) -> None:
        self.index = index
        self.relays: dict[str, Entity] = {}
        self.full_names: dict[str, str] = {}

    def canonical(self, entity: Entity) -> Entity:
        """An unknown person's surname alone ("Yu") becomes the full name seen earlier."""
        if entity.known is not None:
            return entity
        tokens = entity.name.split()
        if len(tokens) == 1:
            return Entity(self.full_names.get(tokens[0], entity.name), None)
        if 2 <= len(tokens) <= 4 and _is_full_name(tokens):
            for token in (tokens[0], tokens[-1]):
                self.full_names.setdefault(token, entity.name)
        return entity

    def _organisation(self, entity: Entity) -> Entity:
        if entity.known is not None:
            parent = self.index.parent_of(entity.known)
            if parent is not None:
                return Entity(parent.name, parent)
        return entity

    def learn(self, mentions: list[Mention]) -> None:
        """Record the names and relays a sentence shows (first pass over the report)."""
        if not mentions:
            return  # most sentences name nobody
        for m in mentions:
            if m.entity is not None:
                self.canonical(m.entity)
        speaker, origin = self._pick(mentions)
        if speaker and origin:
            speaker, origin = self.canonical(speaker), self.canonical(origin)
            if (
                speaker.name != origin.name
                and self._organisation(speaker).name != self._organisation(origin).name
                # an agency quoting someone ("the NIS said ... the 6,000 builders Shoigu
                # promised") does not speak for them in every other sentence
                and not _is_agency(speaker)
            ):
                relayed = self._organisation(origin)
                current = self.relays.get(speaker.name)
                if current is None or (current.known is None and relayed.known is not None):
                    self.relays[speaker.name] = relayed

    def _pick(self, mentions: list[Mention]) -> tuple[Entity | None, Entity | None]:
        # One pass: the first named speaker and origin, and every named speaker.
        speaker: Entity | None = None
        origin: Entity | None = None
        named: list[Mention] = []
        weak_origin: Entity | None = None
        for m in mentions:
            entity = m.entity
            if entity is not None and entity.weak and m.cue != "relay" and weak_origin is None:
                weak_origin = entity
            if entity is None or entity.weak:
                continue
            if m.role == "speaker":
                if speaker is None:
                    speaker = entity
                named.append(m)
            elif m.role == "origin" and origin is None:
                origin = entity
        if origin is None and weak_origin is not None and speaker is not None:
            for m in named:
                if m.cue == "relay":
                    # "estimates by Western intelligence services cited by Reuters": the
                    # services, however vaguely named, relayed by Reuters
                    return speaker, weak_origin
        if origin is None:
            # "According to X, ... Y said": the one named after "according to" is relayed,
            # unless Y is an agency and X is not: "According to Lee, the NIS told the
            # committee" is the NIS, relayed by Lee.
            names = {m.entity.name for m in named if m.entity}
            if len(names) >= 2 and named[0].cue == "according":
                if _is_agency(named[-1].entity) and not _is_agency(named[0].entity):
                    return named[0].entity, named[-1].entity
                return named[-1].entity, named[0].entity
            if len(names) >= 2 and named[0].cue == "verb" and named[-1].cue == "reported":
                return named[0].entity, named[-1].entity
            if (
                len(names) >= 2
                and named[0].cue == "verb"
                and named[-1].cue == "verb"
                and _is_agency(named[0].entity)
                and named[-1].entity.known is not None
                and named[-1].entity.known.kind == "lawmaker"
            ):
                # '"The agency assesses that ...," Lee said': the lawmaker quoting it
                return named[-1].entity, named[0].entity
            if len(names) >= 2 and named[0].cue == "verb":
                # "Hrytsenko said Ukraine's General Staff now estimates ...": a known source
                # reported, though named again after it ("... now estimates").
                for m in named[1:]:
                    if (
                        m.cue == "reported"
                        and m.entity.known is not None
                        and m.entity.name != named[0].entity.name
                    ):
                        return named[0].entity, m.entity
            # "The NIS told lawmakers ..., according to Rep. Yu": Yu relays the NIS.
            if len(names) >= 2 and named[0].cue == "verb":
                for m in named:
                    if m.cue == "according" and m.entity.name != named[0].entity.name:
                        return m.entity, named[0].entity
        return speaker, origin

    def relayed_by(self, source: str) -> str | None:
        """The one speaker known to relay this source in the report, if exactly one does."""
        speakers = [name for name, origin in self.relays.items() if origin.name == source]
        return speakers[0] if len(speakers) == 1 else None

    def attribute(self, mentions: list[Mention]) -> Attribution | None:
        """(source, via) for the mentions of a clause or sentence; None if they name nobody."""
        if not mentions:
            return None
        speaker, origin = self._pick(mentions)
        if origin is not None:
            source = self._organisation(self.canonical(origin))
            via = self.canonical(speaker) if speaker else None
            if via is not None and (
                via.name == source.name or self._organisation(via).name == source.name
            ):
                via = None
            return Attribution(source.name, via.name if via else self.relayed_by(source.name))
        if speaker is not None:
            speaker = self.canonical(speaker)
            relayed = self.relays.get(speaker.name)
            if (
                relayed is not None
                # (a known source relayed: "Kallas also said the EU estimated ..." leaves her
                # other figures hers)
                and relayed.known is not None
                and not (
                    # a head of state citing his intelligence once still gives his own
                    # figures ("our paratroopers eliminated seventy")
                    speaker.known is not None and speaker.known.kind == "head_of_state"
                )
            ):
                return Attribution(relayed.name, speaker.name)
            organisation = self._organisation(speaker)
            return Attribution(organisation.name, self.relayed_by(organisation.name), speaker.name)
        return None

    def weak(self, mentions: list[Mention]) -> Attribution | None:
        """A vague attribution as written ("Ukrainian officials"), for want of anything better."""
        for m in mentions:  # a loop, not next() over a generator: see attribution.pxd
            if m.entity and m.entity.weak:
                return Attribution(m.entity.name, None)
        return None
