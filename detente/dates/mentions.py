"""Find date mentions in a parsed sentence with precompiled regular expressions (no NER needed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "mar.": 3,
    "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}
# Holidays on a fixed day of the year: (month, day). Movable feasts (Easter, Ramadan, Eid) need their own
# calendars and are not read.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}

# Month and weekday names stay case-sensitive so that "may", "march" (the verbs) are not dates.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![\w-])"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_NUM = r"(?P<n>\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen" \
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty))"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\w-]|\.\d)"
_PREP = r"(?:\b(?P<prep>(?i:on|in|since|by|until|till|from|during|before|after|through|of|around))\s+)?"
_PART = (
    r"(?:\b(?P<part>(?i:early|late|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of))"
    r"[\s-]+)?"
)

# A cheap test per kind: the full pattern only runs when its core words occur in the sentence. Cores of
# words in any case are searched in the lowercased sentence: (?i:...) is several times slower.
_LOWER = {
    "deictic": r"today|tonight|yesterday|tomorrow|morning|afternoon|evening",
    "relative_period": r"week|month|year", "same_period": r"day|week|month|year",
    "neighbour_day": r"day", "ago": r"\bago\b", "offset": r"after|before|later|earlier",
    "recent": r"weekend|recent|past|last",
}
_HOLIDAY = (
    r"(?P<holiday>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day|New\s+Year"
    r"|Boxing\s+Day)"
)
_DIGIT = re.compile(r"\d")
_CORES: dict[str, re.Pattern[str]] = {kind: re.compile(core) for kind, core in {
    "iso": r"\d{4}-\d\d-\d\d",
    "month_day_year": _MONTH, "day_month_year": _MONTH, "month_day": _MONTH, "day_month": _MONTH,
    "month_year": _MONTH, "month": _MONTH,
    "decade": r"\d0s\b",
    "year": r"(?:1[89]|20)\d\d",
    "weekday": _WEEKDAY,
    "holiday": r"Christmas|New Year|Boxing Day",
    **_LOWER,
}.items()}

_LOWER_CORES = frozenset(_CORES[kind] for kind in _LOWER)
_DIGIT_CORES = frozenset(_CORES[kind] for kind in ("iso", "decade", "year"))
# Lower-case strings one of which every match of a core holds: `in` tests on the lowercased sentence
# cost a fraction of a regex search, so a core's regex runs only when one is there. A core that is
# nothing but such words ("week|month|year") needs no regex at all.
_MONTH_CLUES = tuple(dict.fromkeys(name[:3] for name in MONTHS))
_PLAIN_WORDS = {kind: words for kind, words in _LOWER.items() if re.fullmatch(r"[a-z|]+", words)}
_CLUES: dict[re.Pattern[str], tuple[str, ...]] = {
    _CORES["iso"]: ("-",),
    _CORES["month"]: _MONTH_CLUES,
    _CORES["decade"]: ("0s",),
    _CORES["year"]: ("18", "19", "20"),
    _CORES["weekday"]: ("day",),
    _CORES["holiday"]: ("christmas", "new year", "boxing day"),
    _CORES["ago"]: ("ago",),
    **{_CORES[kind]: tuple(words.split("|")) for kind, words in _PLAIN_WORDS.items()},
}
_PLAIN_CORES = frozenset(_CORES[kind] for kind in _PLAIN_WORDS)

# (kind, pattern); earlier and longer matches win where two overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(pattern)) for kind, pattern in [
    ("iso", r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    ("month_day_year", _PREP + r"\b" + _MONTH + r"\s+" + _DAY + r"\b,?\s+" + _YEAR),
    ("day_month_year", _PREP + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR),
    ("month_day", _PREP + r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*[,:.]?\d)"),
    ("day_month", _PREP + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH),
    ("month_year", _PREP + _PART + r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR),
    ("month", r"\b(?P<prep>(?i:in|since|by|until|till|from|during|before|after|through|last|next|this|early|"
              r"late|mid))[\s-]+" + _MONTH + r"(?!\s+\d)"),
    ("decade", r"(?:\b(?i:in|since|during|through|by|of)\s+)?(?:\b(?i:the)\s+)?"
               r"(?:\b(?i:early|late|mid)[\s-]+)?\b(?P<decade>(?:1[89]|20)\d)0s\b"),
    ("year", _PREP + _PART + r"\b" + _YEAR + r"(?!\s*(?:%|(?i:percent)\b))"),
    ("weekday", r"(?:\b(?P<prep>(?i:on|last|next|this|since|by|until|before|after|from|early|late))\s+)?\b"
                + _WEEKDAY),
    # "on Christmas Day", "just before Christmas", "over the New Year": a fixed holiday, the latest one (or next)
    ("holiday", r"(?:\b(?P<prep>(?i:on|at|over|before|after|since|until|by|around|during))\s+(?:(?i:the)\s+)?)?\b"
                + _HOLIDAY + r"(?!\s+(?i:tree|card|message|address|party|gift|truce)s?\b)"),
    ("deictic", r"\b(?P<word>(?i:today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon"
                r"|this\s+evening))\b"),
    ("relative_period", r"\b(?P<modifier>(?i:(?:earlier|later|early|late)\s+this"
                        r"|(?:early|late)\s+(?:last|next)|last|this|next))\s+(?P<unit>(?i:week|month|year))\b"),
    ("same_period", r"\b(?P<modifier>(?i:(?:that|the)\s+(?:very\s+)?same|that))\s+"
                    r"(?P<unit>(?i:day|week|month|year))\b"),
    ("neighbour_day", r"\b(?P<modifier>(?i:the\s+(?:previous|next|following)))\s+(?P<unit>(?i:day))\b"),
    ("ago", r"\b" + _NUM + r"\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b"),
    ("offset", r"\b" + _NUM + r"\s+(?P<unit>(?i:day|week|month|year))s?\s+"
               r"(?P<relation>(?i:after|before|later|earlier))\b"),
    ("offset", r"\b(?P<n>(?i:the))\s+(?P<unit>(?i:day))\s+(?P<relation>(?i:after|before))\b"),
    # "over the weekend", "in recent days", "in the past few weeks": the days just before publication
    ("recent", r"\b(?i:over|during|at|on)\s+the\s+(?P<unit>(?i:weekend))\b"),
    ("recent", r"\b(?i:in|over|during)\s+(?:the\s+)?(?i:recent|past|last)\s+(?:(?i:few|several)\s+)?"
               r"(?P<unit>(?i:day|week))s\b"),
    # "just weeks after", "a few days later", "several months before": a count the text does not give
    ("offset", r"\b(?P<vague>(?i:(?:just|only|mere|a\s+few|few|several|some)\s+)?)"
               r"(?P<unit>(?i:day|week|month))s\s+(?P<relation>(?i:after|before|later|earlier))\b"),
]]

# Words before a weekday that make it a name, not a date ("Good Friday agreement").
_NOT_WEEKDAY_BEFORE = frozenset({"good", "black", "bloody", "cyber", "super"})
# Plural nouns and units after a bare number show it is a quantity, not a year ("2000 troops").
_QUANTITY_TAGS = frozenset({"NNS", "NNPS"})


@dataclass(frozen=True)
class Mention:
    """A date expression found in a sentence: its kind, its tokens and the parts the regex captured."""

    kind: str
    span: Span
    parts: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        """The date words as written."""
        return self.span.text

    def part(self, name: str) -> str:
        """A captured part ("" when absent), lower-cased."""
        return dict(self.parts).get(name, "").lower()

    @property
    def relation_token(self) -> Token | None:
        """The 'after'/'before' token of an offset mention ("three months after ...")."""
        if self.kind != "offset":
            return None
        relation = self.part("relation")
        for token in self.span:
            if token.lower_ == relation:
                return token
        return None


def find_mentions(sent: Span) -> list[Mention]:
    """All date mentions in a sentence, in text order, none overlapping."""
    text = sent.text
    lower = text.lower()
    found: list[tuple[int, int, str, re.Match[str]]] = []
    cored: dict[re.Pattern[str], bool] = {}  # kinds share cores: search each once
    if not _DIGIT.search(text):
        cored.update(dict.fromkeys(_DIGIT_CORES, False))  # years, decades, ISO dates all need a digit
    for kind, pattern in _PATTERNS:
        core = _CORES[kind]
        if core not in cored:
            cored[core] = _core_found(core, text, lower)
        if not cored[core]:
            continue
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[Mention] = []
    taken_until = -1
    for start, end, kind, match in found:
        if start < taken_until:
            continue
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or not _plausible(kind, match, span):
            continue
        parts = tuple((k, v) for k, v in match.groupdict().items() if v)
        mentions.append(Mention(kind, span, parts))
        taken_until = end
    return mentions


def _core_found(core: re.Pattern[str], text: str, lower: str) -> bool:
    """Whether a kind's core words occur in the sentence (`lower` is the sentence lowercased)."""
    if not any(clue in lower for clue in _CLUES[core]):
        return False
    return core in _PLAIN_CORES or core.search(lower if core in _LOWER_CORES else text) is not None


def _plausible(kind: str, match: re.Match[str], span: Span) -> bool:
    """Token checks a regex cannot make: quantities that look like years, weekday names in titles."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if kind == "weekday" and before is not None and before.lower_ in _NOT_WEEKDAY_BEFORE:
        return False
    if kind == "year":
        if after is not None and (after.tag_ in _QUANTITY_TAGS or after.like_num):
            return False
        bare = not match.group("prep") and not match.group("part")
        # "Resolution 2012", "Copyright (c) 2012": a year right after a name is a number, not a date.
        if bare and before is not None and before.tag_ in ("NN", "NNP", "NNPS", "SYM", "$"):
            return False
    if kind in ("month_day", "day_month"):
        month, day_text = MONTHS[match.group("month").lower()], match.group("day")
        if not 1 <= int(day_text) <= _MONTH_DAYS[month]:
            return False
    return True


_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
