"""What a figure counts: the words around it that say killed, wounded, sent, trained...

Three kinds of evidence, strongest first:
1. the word right after the figure ("400 killed", "3,600 wounded", "4,000 casualties");
2. a verb or noun phrase in the figure's own stretch of the sentence (after it, then before
   it): "400 soldiers had been killed", "dispatched around 11,000 troops";
3. a cue anywhere in the sentence, for a bare figure (a second, lower tally such as "while
   Washington's count was near 1,200" following a "dead or wounded" figure).

Judgement calls, kept consistent: "lost"/"losses" count as casualties (military usage counts
the wounded in losses); troops sent "for training" or "undergoing training" count as
in_training, troops that "completed" their training as deployed; a count of soldiers with no
other cue is deployed.
"""

from __future__ import annotations

import re

from .patterns import word_trie

# "The regiment lost nine men": a unit that lost a few men (under a thousand) lost them dead;
# "lost around 4,000 soldiers", a bare "lost" or "losses" count killed and wounded (see above).
_LOST_MEN = (
    r"\s+(?:about\s+|nearly\s+|some\s+|around\s+|at\s+least\s+)?(?:\d{1,3}(?![\d,])|[a-z]+(?:-[a-z]+)?)"
    r"\s+(?:of\s+(?:its|their)\s+)?"
    r"(?:men|soldiers|troops|servicemen|sappers|engineers)\b(?!\s+(?:killed|wounded|dead|injured))"
)

# (metric, pattern). Order matters inside one position: longer phrases first.
_CUES: list[tuple[str, str]] = [
    ("casualties", r"killed\s+(?:or|and|and/or)\s+(?:the\s+)?(?:wounded|injured|hurt)"
     r"|dead\s+(?:or|and)\s+(?:wounded|injured|hurt)|(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)"
     r"|died\s+or\s+(?:were\s+)?(?:wounded|injured|hurt)"
     r"|casualt(?:y|ies)|losses|lost(?!\s+their\s+lives)(?!" + _LOST_MEN + ")"
     r"|los(?:e|es|ing)\b|killed,\s+wounded|put\s+out\s+of\s+action|out\s+of\s+action"),
    ("returned_to_duty", r"return(?:ed|ing)?\s+to\s+(?:the\s+|their\s+|active\s+)?"
     r"(?:front(?:[\s-]?lines?)?|frontlines?|battlefield|duty|combat|fight(?:ing)?|units?|service|ranks)|back\s+(?:to|on|at|in)\s+the\s+"
     r"(?:front(?:[\s-]?lines?)?|battlefield|line|fight|trenches)|back\s+in\s+(?:action|combat)"
     + "".join(
         rf"|{verb}\s+back\s+(?:in)?to\s+(?:combat|battle|the\s+front|the\s+fight(?:ing)?)"
         for verb in ("gone", "went", "going", "sent", "returned")
     )
     + r"|rejoin(?:ed)?|sent\s+back\s+to\s+(?:the\s+|their\s+)?"
     r"(?:front(?:[\s-]?lines?)?(?:\s+duty)?|units?|positions|duty)"
     # "412 of them were discharged back to their units"
     + "".join(
         rf"|{verb}\s+back\s+(?:in)?to\s+(?:the\s+|their\s+)?(?:front|units?|positions|duty)"
         for verb in ("discharged", "released")
     )),
    ("killed", r"killed(?:\s+in\s+action)?|killing|dead|deaths?|died|fatalit(?:y|ies)"
     r"|irrecoverable(?:\s+losses)?|irretrievable(?:\s+losses)?|fatally"
     r"|lost(?=" + _LOST_MEN + r")|will\s+not\s+be\s+coming\s+home|won't\s+be\s+coming\s+home"
     r"|never\s+(?:came|come|coming)\s+home|will\s+not\s+return|will\s+never\s+return|never\s+returned"
     r"|lost\s+their\s+lives|death\s+toll|perished|slain|KIA|fallen|eliminated|liquidated"
     # "paratroopers destroyed more than seventy North Korean soldiers" (not the roads and
     # bridges destroyed): only right before a figure
     r"|destroyed(?=\s+(?:(?:more\s+than|over|about|around|nearly|some|at\s+least)\s+)?"
     r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty"
     r"|seventy|eighty|ninety|a)\b))"
     r"|bodies|corpses|laid\s+down\s+their\s+(?:\w+\s+)?lives|gave\s+their\s+lives|sacrificed\s+their\s+lives"),
    ("wounded", r"wounded|wounding|injured|injuries|injury|hurt|wounds"),
    ("captured", r"captured|capturing|captives?|prisoners?(?:\s+of\s+war)?|POWs?"
     r"|taken\s+(?:prisoner|captive)|in\s+captivity|surrendered|detained"
     r"|held\s+(?:captive|prisoner|by\s+(?:Ukraine|Ukrainian\s+forces|Kyiv))"
     r"|in\s+(?:Ukrainian\s+|Ukraine's\s+)?custody|held\s+in\s+(?:Kyiv|Ukraine)"),
    ("missing", r"missing(?:\s+in\s+action)?|unaccounted\s+for|MIA"
     r"|remains\s+unknown|remain\s+unknown|remained\s+unknown|is\s+unknown|are\s+unknown"
     r"|were\s+unknown|was\s+unknown"),
    ("combined_force", r"combined\s+(?:\w+\s+)?force"
     r"|joint\s+(?:\w+\s+)?(?:force|units|grouping|group)"
     r"|Russian\s+and\s+(?:North\s+)?Korean|North\s+Korean\s+and\s+Russian|integrated\s+into"
     r"|including\s+(?:the\s+)?North\s+Korean?s?"
     r"|that\s+include[sd]?\s+(?:the\s+)?North\s+Korean?s?|which\s+include[sd]?\s+(?:the\s+)?North\s+Korean?s?"
     # "about 50,000 troops, including soldiers sent by North Korea"
     r"|including\s+(?:\w+\s+){1,3}?(?:sent|provided|supplied)\s+by\s+(?:North\s+Korea|Pyongyang)"
     r"|North\s+Koreans?\s+(?:among|with)\s+them|among\s+them\s+(?:\w+\s+)?North\s+Korean"),
    # "moving 2,000 soldiers from training camps": leaving training, not in it
    # (not "a train carrying 1,600 soldiers", the carriage)
    ("in_training", r"(?<!from\s)training|trained"
     r"|(?<!by\s)(?<!from\s)(?<!\ba\s)(?<!the\s)train(?!s\b)(?:ing)?"
     # "trains" the verb ("Russia trains them"), not the carriages ("put aboard trains")
     r"|(?<!by\s)(?<!on\s)(?<!aboard\s)(?<!onto\s)(?<!via\s)(?<!in\s)(?<!freight\s)(?<!military\s)trains"
     r"|readied|drills|drilling|drilled"
     r"|acclimati[sz]ation|adaptation"
     r"|(?:military|boot)\s+camps?"),
    ("deployed", r"deploy(?:ed|s|ing|ment|ments)?|redeploy(?:ed|ment)?|sen[dt]|sending|sends"
     r"|dispatch(?:ed|es|ing)?|stationed|arrived|transferred|posted|shipped|serving|contingent|reinforcements?"
     # ("fighting", not "the fighting": a noun, the war)
     r"|fighting(?<!\bthe\sfighting)(?<!\bof\sfighting)|fought"
     r"|operating|working\s+in"
     r"|moved|relocated|rushed|positioned|massed|amassed|joined|transported|ferried|airlifted"
     r"|carried\s+(?:from|to|into|across)"
     r"|involving|consisting\s+of|comprising|numbering|numbers|numbered|-strong|strong\s+(?:force|contingent)|wave|batch"
     # (each alternative opens with its letters: see _CUE_PREFIXES)
     + "".join(
         rf"|{ordinal}\s+(?:group|tranche|echelon)"
         for ordinal in ("first", "second", "third", "fourth", "fifth", "initial", "fresh")
     )
     + r"|rotation|troops\s+in\s+(?:Russia|Kursk)|in\s+(?:Russia|Kursk|the\s+Kursk\s+region)"
     r"|on\s+the\s+front(?:[\s-]?lines?)?"
     r"|at\s+the\s+front|mobili[sz]ed|committed|total\s+of|reached\s+the\s+front"),
]  # fmt: skip
_CUE = re.compile(
    "|".join(f"(?P<{m}>\\b(?:{p})\\b)" for m, p in _CUES).replace("\\b(?:-strong", "(?:-strong"),
    re.I,
)
# Training that is over: the troops are deployed, not in training.
_TRAINING_DONE = re.compile(
    r"\b(?:after|completed|(?<!still\s)completing|finished|(?<!still\s)finishing|having|following)\s+(?:\w+\s+){0,5}$"
    r"|\bhad\s+(?:already\s+)?been\s+$",
    re.I,
)

# Words that count people, and nouns after a figure that mean it counts something else.
_PEOPLE = re.compile(
    r"(?:troops?|soldiers?|personnel|servicem[ae]n|service\s*(?:members|men)|fighters|men|forces"
    r"|military\s+personnel|North\s+Koreans|Koreans|conscripts|recruits|infantry(?:men)?|commandos"
    r"|special\s+forces|sappers|deminers|engineers|builders"
    r"|workers|marines|paratroopers|officers|artillerymen|riflemen|snipers|scouts|crewmen"
    r"|comrades|friends"  # '"about 1,000 of our Korean friends" are clearing mines'
    r"|generals|specialists|operators|gunners|others|persons|people|members|replacements|reinforcements"
    r"|-strong|strong)\b",
    re.I,
)
_NUMBER_OF_ROW = re.compile(
    r"\s*(?:the\s+)?(?:(?:approximate|estimated|rough|total|reported|confirmed)\s+)?"
    r"(?:number|count|total|tally)\s+of\s+"
    # "15,000: Roughly how many North Korean troops have been sent"
    r"|\s*(?:(?:roughly|about|around|approximately|nearly)\s+)?how\s+many\s+",
    re.I,
)
_ROW_FIGURE = re.compile(r"[\s~+]*[\d.,]+")  # a line opening with the figure alone
_MILITARY_WORKERS = re.compile(r"military|construction|army|engineering|troops", re.I)
_DIRECT = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed",
    "fatalities": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded", "hurt": "wounded",
    "casualties": "casualties", "losses": "casualties",
    "captured": "captured", "prisoners": "captured", "pows": "captured", "captives": "captured",
    "missing": "missing",
    "bodies": "killed", "corpses": "killed",
}  # fmt: skip
_TIME_LATER = re.compile(
    r"\s+(?:a|one)\s+(?:day|week|fortnight|month|year)\s+(?:later|earlier|after|before)\b", re.I
)
# Modifiers that may stand between a figure and its noun.
_MODIFIER = re.compile(
    r"(?:additional|more|extra|further|new|fresh|elite|regular|combat|military|army|ground|active"
    r"|young|north|korean|dprk|kpa|kpa's|of|its|their|our|the|his|pyongyang's|korea's|other|well|trained"
    r"|armed|strong|highly|special|operations?|-strong|a|an|total|nearly|some|about|and|them|those"
    r"|these|whom|whose|construction|engineering|support|medical|logistics|technical|rear"
    r"|replacement|reserve|assault|front-line|frontline)$",
    re.I,
)
_NATION = re.compile(
    r"\b(?:Russians?|Ukrainians?|Americans?|US|Chinese|Belarusians?|Chechens?|Wagner|British|NATO|Western|South\s+Koreans?|ROK)\b"
    r"|\bU\.S(?:\.|\b)"
)
# North Korea named: "North Korean(s)", "North Korea's", "N. Korean", "Pyongyang('s)", "DPRK",
# "KPA", "Korean People's Army", "Kim Jong Un('s)", as whole words. Written to open with
# the names' first letters (a character class, which `re` scans for in C) and then to check
# that no word character comes before: the same as a leading `\b` before a capital.
_NK = re.compile(
    r"[NPDK](?<!\w.)(?:(?<=N)(?:orth\s+Korean?s?|orth\s+Korea's|\.\s*Korean?)|(?<=P)yongyang(?:'s)?"
    r"|(?<=D)PRK|(?<=K)(?:PA|orean\s+People's\s+Army|im\s+Jong[\s-]+Un(?:'s)?))\b"
)
# A word (letters, digits, apostrophes, hyphens, and dots inside: "U.S") or one other
# character. Written as runs (`[\w'-]*` between the dots) rather than one alternation per
# character, which `re` steps through far more slowly; the same longest word either way.
_ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+$")
# Counted things that a table row or heading may capitalise ("20,000+  Containers of shells").
_THINGS = frozenset(["containers", "shells", "rounds", "missiles", "drones", "tanks", "vehicles",
                     "villages", "settlements", "days", "weeks", "months", "years", "km",
                     "kilometres", "kilometers", "miles", "dollars", "tons", "tonnes"])  # fmt: skip
_THING_AFTER = re.compile(
    r"\s+[a-z]+(?:-[a-z]+)?\s+(?:"
    + "|".join(sorted(_THINGS - {"days", "weeks", "months", "years"}))
    + r")\b"
)
_EXCHANGE_RATE = re.compile(
    r"\s+(?:to|per|against)\s+(?:the|one|a|each)\s+(?:(?:US|U\.S\.|American)\s+)?"
    r"(?:dollars?|euros?|yuan|won|rouble|ruble|pounds?|greenback)\b",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z][\w'-]*(?:\.(?=[A-Za-z])[\w'-]*)*|\S")
# A word right after a figure that lets the figure stand alone ("400 have been killed").
_BARE_NEXT = re.compile(
    r"(?:have|has|had|were|was|are|is|been|being|will|would|could|may|might|remain|remained|more"
    r"|of|in|at|to|on|from|by|since|with|among|as|during|near|for|who|which|that|so|or|and|a|per"
    r"|it|they|he|she|we|despite|after|before|until|across|inside|along|there|now|still|then"
    r"|but|including|against|over|under|into|within|while|when|if|this|last|each|both|all"
    r"|sent|lost|held|taken|left|fought|brought|\w+ed|\w+ing|\w+ly"
    # "raising its count to about 3,000 later that month"
    r"|later|earlier|soon|afterwards?|also|already|alone|altogether|overall|because|due|amid"
    r"|than|yet|came|come|went|gone|got|began|stood|fell|rose|made|gave|saw|ran)$",
    re.I,
)


def _top_level(alternation: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in alternation:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _prefix(alternative: str) -> str:
    letters = re.match(r"[A-Za-z]*", alternative)
    return (letters.group(0) if letters else "").lower()[:4]


# The first letters of every cue: the big cue pattern is only tried where a word starts
# with one of them, because scanning it over every position costs a millisecond a report.
_CUE_PREFIXES = frozenset(_prefix(a) for _, p in _CUES for a in _top_level(p)) - {""}
_WORD_START = re.compile(r"[A-Za-z]+")
# The two-letter prefixes come from "in Russia", "on the front", "at the front": only the
# word itself can start them ("into", "attack" cannot), so they are matched as whole words.
_CUE_WORDS_2 = frozenset(p for p in _CUE_PREFIXES if len(p) == 2)


def _cue_starts() -> re.Pattern[str]:
    """Where a word (a run of ASCII letters) starts with a cue's first letters.

    The same test as looking up each word's first three or four letters in `_CUE_PREFIXES`
    (and the two-letter words whole), but run by the regex engine over the sentence instead
    of once per word in Python. ASCII-only case folding, like str.lower() on [A-Za-z].
    """
    long = sorted((p for p in _CUE_PREFIXES if len(p) >= 3), key=len, reverse=True)
    short = sorted(p for p in _CUE_PREFIXES if len(p) < 3)
    body = word_trie(long, fold=True)
    if short:
        body += "|(?:" + "|".join(map(re.escape, short)) + ")(?![A-Za-z])"
    # The lookahead on first letters (a set test) fails most positions before the lookbehind.
    first = "".join(sorted({p[0] for p in _CUE_PREFIXES}))
    return re.compile(rf"(?=[{first}])(?<![A-Za-z])(?:{body})", re.I | re.A)


_CUE_START = _cue_starts()
# The same word starts in the lower-cased text, found from the character before them: a
# pattern that opens with a character class is scanned for in C, while `_CUE_START` (which
# must open with assertions) is tried at every position. Every match of this pattern is a
# non-letter then letters, so no start it would find lies inside an earlier match; a start
# at the very start of the scanned range has no character before it in that range and is
# tested with `_CUE_START` itself.
_CUE_AFTER = re.compile(
    "[^a-z](?:"
    + word_trie(sorted((p for p in _CUE_PREFIXES if len(p) >= 3), key=len, reverse=True))
    + "|(?:"
    + "|".join(map(re.escape, sorted(p for p in _CUE_PREFIXES if len(p) < 3)))
    + ")(?![a-z]))"
)


def _cues_by_letter() -> dict[str, re.Pattern[str]]:
    """`_CUE` with only the alternatives that can start with each letter, in the same order.

    Cues are matched at word starts, so the first letter is known: trying only the
    alternatives that can begin there gives the same match as the whole pattern, sooner.
    Alternatives that start with no letter ("(?:wounded|injured)...") are kept in each.
    """
    out = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        groups = []
        for metric, pattern in _CUES:
            kept = [a for a in _top_level(pattern) if _prefix(a)[:1] in ("", letter)]
            if kept:
                groups.append(f"(?P<{metric}>\\b(?:{'|'.join(kept)})\\b)")
        out[letter] = re.compile("|".join(groups), re.I)
    return out


_CUE_AT = _cues_by_letter()


def _starts_cue_word(word: str) -> bool:
    w = word.lower()
    return w[:4] in _CUE_PREFIXES or w[:3] in _CUE_PREFIXES or w in _CUE_WORDS_2


def cues(norm: str, start: int, end: int, lower: str | None = None) -> list[tuple[int, int, str]]:
    """Every metric cue in norm[start:end] as (start, end, metric), in text order.

    `lower`: `norm.lower()`, when its ASCII letters are exactly those of `norm` lower-cased
    at the same offsets (see `engine._cue_lower`), to find the cue words' starts faster.
    """
    out: list[tuple[int, int, str]] = []
    taken = start
    if lower is None:
        positions = [m.start() for m in _CUE_START.finditer(norm, start, end)]
    else:
        positions = [m.start() + 1 for m in _CUE_AFTER.finditer(lower, start, end)]
        if _CUE_START.match(lower, start, end) is not None:
            positions.insert(0, start)
    if (
        start > 0
        and norm[start - 1 : start + 1].isascii()
        and norm[start - 1 : start + 1].isalpha()
    ):
        # A span starting inside a word: that word still counts as starting at `start`.
        first = _WORD_START.match(norm, start, end)
        if first is not None and _starts_cue_word(first.group(0)):
            positions.insert(0, start)
    for position in positions:
        if position < taken:
            continue  # inside the previous cue: "wounded" in "killed or wounded"
        m = _CUE_AT.get(norm[position].lower(), _CUE).match(norm, position, end)
        if m is None:
            continue
        metric = m.lastgroup or ""
        taken = m.end()
        if metric == "in_training" and _TRAINING_DONE.search(
            norm[max(start, m.start() - 40) : m.start()]
        ):
            metric = "deployed"
        out.append((m.start(), m.end(), metric))
    return out


_AND = re.compile(r"\band\b")
_WHO_WERE = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|are)\s+(\w+)")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;!?]|$)")


class Head:
    """What follows a figure: a direct metric word, a people noun, or nothing (bare)."""

    __slots__ = ("combined", "foreign", "korean", "metric", "others", "people", "rejected", "vague")

    def __init__(self) -> None:
        self.metric: str | None = None
        self.people = False
        self.rejected = False
        self.foreign = False
        self.korean = False
        self.combined = False
        self.vague = False  # "people": troops only where the sentence is about them
        self.others = False  # "38 others": of whatever the sentence counted before


def read_head(norm: str, end: int, limit: int) -> Head:
    """Classify the words after a figure ending at `end` (up to `limit`)."""
    head = Head()
    window = norm[end : min(limit, end + 80)]
    if window.startswith("-strong") or window.lower().startswith(" strong"):
        head.people = True
        # "the roughly 450,000-strong ROK military": another country's force
        head.foreign = _NATION.match(window.lstrip(" -")[6:].lstrip()) is not None
        return head
    if window.startswith((" - ", " \u2013 ", " \u2014 ")) and _ROW_FIGURE.fullmatch(
        norm, norm.rfind("\n", 0, end) + 1, end
    ):
        window = window[2:]  # "28,500 - US troops stationed in South Korea", a box's row
    if window.startswith(": "):
        window = window[1:]  # "26: people killed in the attack", a list's row: its noun
        number_of = _NUMBER_OF_ROW.match(window)
        if number_of is not None:
            # "14,000: Approximate number of North Korean combat troops sent": what is counted
            window = " " + window[number_of.end() :]
    if _THING_AFTER.match(window):
        head.rejected = True  # "roughly 180 shipping containers", "40 armoured vehicles"
        return head
    if _EXCHANGE_RATE.match(window):
        head.rejected = True  # "the rouble has fallen past 110 to the dollar": a price
        return head
    if _TIME_LATER.match(window):
        return head  # "put the dead at 600 a month later": when, not a rate ("600 a month")
    phrase = ""
    partitive = False  # "1,000 of the wounded": the noun names the set, not what is counted
    for i, m in enumerate(_TOKEN.finditer(window)):
        word = m.group(0)
        lower = word.lower().rstrip(".")
        if i >= 6:
            break
        if not word[0].isalpha():
            if word == "'" or (word == "-" and not window[m.start() - 1 : m.start()].isspace()):
                continue
            if word in ("+", '"', "\u201d") and i == 0:
                continue  # "20,000+ containers", '"about 1,500" wounded': the figure's own
            if word == "." and _ABBREVIATION_END.search(phrase):
                continue  # "28,500 U.S. troops": the abbreviation's last dot
            # A dash between spaces ("exceed 8,000 - a figure that...") ends the figure.
            break  # punctuation or another figure: this one stands alone
        phrase += " " + word
        if lower == "of":
            partitive = True
        if lower in _DIRECT and i <= 3 and partitive:
            # "1,000 of the wounded had been patched up ... and sent back": people, of a set
            head.people = lower in ("wounded", "injured")
            break
        if lower in _DIRECT and i <= 3:
            head.metric = _DIRECT[lower]
            if lower in ("killed", "dead") and re.match(
                r"\s*(?:or|and)\s+(?:wounded|injured)", window[m.end() :], re.I
            ):
                head.metric = "casualties"
            break
        if _PEOPLE.fullmatch(word) or (
            lower == "military"
            and (
                window[m.end() :].lstrip().lower().startswith("personnel")
                or _CLAUSE_ENDS.match(window, m.end()) is not None
            )
        ):  # "12 thousand North Korean military." as the translated "military personnel"
            if lower == "workers" and _MILITARY_WORKERS.search(phrase) is None:
                # "5,000 military construction workers"; not "50,000 workers on student
                # visas", labourers sent to earn money
                head.rejected = True
                break
            head.people = True
            head.vague = lower == "people"
            head.others = lower == "others"
            break
        if word[0].isupper() and lower not in _THINGS:
            continue  # North Korean, DPRK, Russian: nationality is read from the phrase
        if _MODIFIER.fullmatch(word) or (partitive and lower.endswith(("'s", "s'"))):
            continue  # "nine of the regiment's soldiers": whose, then the noun
        if i == 0 and lower == "who":
            # "the two who were captured in January": the relative clause says what they are
            said = _WHO_WERE.match(window, m.end())
            if said is not None and said.group(1).lower() in _DIRECT:
                head.metric = _DIRECT[said.group(1).lower()]
                break
        if i == 0 and not _BARE_NEXT.fullmatch(word):
            head.rejected = True  # five locations, 3,000 containers, 20 missiles
        if i > 0 and not _BARE_NEXT.fullmatch(word):
            head.rejected = True
        break
    head.korean = bool(_NK.search(phrase))
    head.foreign = bool(_NATION.search(phrase))
    if not head.korean and head.foreign and " and Korean" in phrase:
        head.korean = True  # "70 thousand Russian and Korean servicemen": the North's
    head.combined = head.korean and head.foreign and bool(_AND.search(phrase))
    return head
