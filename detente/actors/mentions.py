"""Find gazetteer names in a parsed article, and track who speaks inside quotes."""

from __future__ import annotations

from dataclasses import dataclass

from detente.actors.gazetteer import Gazetteer, Name
from detente.sentences.words import ParsedDoc as Doc
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span

QUOTE_OPEN = {'"', "“", "«", "``"}
# Lower-case articles that begin names in transliteration ("al-Shabaab", "el-Sisi"): a name may start with one.
ARTICLE_PREFIXES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
QUOTE_CLOSE = {'"', "”", "»", "''"}


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in the text: tokens [start, end) of the doc."""

    start: int
    end: int
    name: Name
    text: str

    @property
    def head(self) -> int:
        return self.end - 1


def find_mentions(doc: Doc, gaz: Gazetteer, when: str = "") -> list[Mention]:
    """Longest-first gazetteer matches, left to right, without overlaps."""
    texts = [t.text for t in doc]  # one pass over the words: slicing spans per candidate is the slow part
    starts = [t.idx for t in doc]
    ends = [start + len(text) for start, text in zip(starts, texts, strict=True)]
    text = doc.text
    mentions: list[Mention] = []
    i = 0
    n = len(texts)
    while i < n:
        start = i + 1 if texts[i] == "The" and i + 1 < n else i  # names are stored without "the"
        first = texts[start]
        words = gaz.first_words.get(first, 0)
        if not words or not (first[:1].isupper() or first[:1].isdigit() or first in ARTICLE_PREFIXES):
            misspelt = gaz.misspelt_country(first) if start == i and not words else None
            if misspelt is not None and doc[i].pos_ == "PROPN":  # "Ethopia has agreed": a typo in a country
                mentions.append(Mention(i, i + 1, misspelt, first))
            i += 1
            continue
        found = None
        # a name of k words spans up to 3k tokens ("Greek-Cypriot", "U.N.-backed"); "the" adds one
        for length in range(min(3 * words + (start - i), n - i), 0, -1):
            surface = text[starts[i] : ends[i + length - 1]]
            if "\n" in surface:
                continue
            candidates = gaz.lookup(surface)
            if surface in gaz.house_styled and _opens_sentence(texts, i) and _read_as_word(doc, i):
                candidates = []  # "Pace of reform slowed": a word at the start, not PACE; "Isis fighters" is Isis
            if (
                candidates
                and any(c.kind == "city" for c in candidates)
                and not _place_before(texts, start)
                and not _place_object(doc, i + length - 1, gaz.words.place_taking)
            ):
                candidates = [c for c in candidates if c.kind != "city"]  # "Jackson said" is a person
            if candidates:
                found = (i + length, surface, pick_candidate(candidates, when))
                break
        if found and _stance_prefix(texts, i):
            i = found[0]  # "pro-Russian separatists" are not Russian
        elif found:
            end, surface, name = found
            mentions.append(Mention(i, end, name, surface))
            i = end
        else:
            i += 1
    return mentions


# A city is read as such only where the text says it is a place: after a place preposition ("in Mosul",
# "near Samarra", "dropped bombs on Aleppo"), "the city of" ("the town of Jaffna"), or as the object of a verb
# of force done to places (words.tsv place-taking: "shelled Idlib"). Many cities share
# their name with people and words ("Jackson", "Mobile"); the states, capitals and regions of the other
# files need no such clue.
CITY_PREPOSITIONS = frozenset("in from at near outside inside around across throughout into on toward towards".split())
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "capital", "suburb", "suburbs", "outskirts"})


def _read_as_word(doc: Doc, i: int) -> bool:
    """Whether the parser reads a capitalised word as a common one: a verb, adjective or adverb, or a noun
    heading a phrase of its own ("Pace of the talks", "Mend the fences")."""
    token = doc[i]
    after = doc[i + 1].pos_ if i + 1 < len(doc) else ""
    return token.pos_ in ("VERB", "ADJ", "ADV", "AUX") or (token.pos_ == "NOUN" and after in ("ADP", "DET", "PART"))


def _opens_sentence(texts: list[str], i: int) -> bool:
    return i == 0 or texts[i - 1].strip() in ("", ".", "!", "?", '"', "“", "‘", "'")


def _place_before(texts: list[str], start: int) -> bool:
    before = texts[start - 1].lower() if start >= 1 else ""
    if before in CITY_PREPOSITIONS:
        return True
    return before == "of" and start >= 2 and texts[start - 2].lower() in SETTLEMENT_NOUNS


def _place_object(doc: Doc, last: int, verbs: frozenset[str]) -> bool:
    """ "shelled Idlib", "captured Tal Abyad": the name is the object of a verb of force done to a place."""
    token = doc[last]
    return token.dep_ == "dobj" and token.head.lemma_.lower() in verbs


def _stance_prefix(texts: list[str], start: int) -> bool:
    return start >= 2 and texts[start - 1] == "-" and texts[start - 2].lower() in ("pro", "anti")


def pick_candidate(candidates: list[Name], when: str) -> Name:
    """Among names with one surface form, the person in office at `when`, else a country, else the first."""
    if len(candidates) == 1:
        return candidates[0]
    people = [c for c in candidates if c.kind == "person"]
    others = [c for c in candidates if c.kind != "person"]
    if people and when:
        in_office = [
            p
            for p in people
            if (not p.start or p.start[: len(when)] <= when) and (not p.end or when[: len(p.end)] <= p.end)
        ]
        if in_office:
            return in_office[-1]
        if not others:
            return _former(people, when)
    if others:
        return others[0]
    return people[-1]


def _former(people: list[Name], when: str) -> Name:
    """A person out of office at `when`: after an office ended they are a former official (PLOVER ELI)."""
    ended = [p for p in people if p.end and p.end[: len(when)] < when]
    if ended:
        last = max(ended, key=lambda p: p.end)
        return Name(last.code, "ELI", last.name, "person", last.start, last.end)
    return people[-1]


def quote_flags(doc: Doc) -> list[bool]:
    """For each token, whether it stands inside quotation marks.

    Wire style: a quote that runs over several paragraphs leaves each paragraph open and reopens
    the next one with a quote mark, so an opening mark at the start of a paragraph never closes.
    """
    inside = [False] * len(doc)
    state = False
    paragraph_start = True
    for token in doc:
        text = token.text
        if token.is_space and "\n" in text:
            paragraph_start = True
            continue
        if text in QUOTE_OPEN or text in QUOTE_CLOSE:
            if paragraph_start:
                state = True
            elif text in QUOTE_OPEN and text not in QUOTE_CLOSE:
                state = True
            elif text in QUOTE_CLOSE and text not in QUOTE_OPEN:
                state = False
            else:
                state = not state
            inside[token.i] = True
        else:
            inside[token.i] = state
        paragraph_start = False
        if "\n" in token.whitespace_:
            paragraph_start = True
    return inside


def speech_head(sent: Span, inside: list[bool], speech_verbs: frozenset[str]) -> Token | None:
    """The speech verb outside quotes whose words the quoted part of this sentence are (words.tsv
    `speech-verb`)."""
    for token in sent:
        if token.lemma_ in speech_verbs and token.pos_ == "VERB" and not inside[token.i]:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                return token
    return None
