"""The PLOVER sector a phrase names: its head noun and title words ("foreign ministry" GOV, "Taliban
commander" REB), by sectors.tsv."""

from __future__ import annotations

from detente.actors.entities import STATE_WORD_KINDS
from detente.actors.gazetteer import Gazetteer
from detente.actors.mentions import Mention
from detente.sentences.words import Word as Token
from detente.sentences.words import hyphen_prefix


def sector_word(gaz: Gazetteer, token: Token) -> bool:
    """Whether a word names a sector on its own ("minister", "army")."""
    return bool(gaz.sector_of((token.lower_,)) or gaz.sector_of((token.lemma_.lower(),)))


def title_of(gaz: Gazetteer, by_token: dict[int, Mention], head: Token) -> tuple[str, str]:
    """Sector and country from the title words before a name ("Georgian Deputy Foreign Minister Nino
    Kalandadze": GOV, GEO); an armed group's title is REB ("Hamas leader Ismail Haniyeh")."""
    words = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "poss", "nmod")]
    sector, code, armed_group = "", "", False
    for t in words:
        mention = by_token.get(t.i)
        if mention and mention.name.kind in STATE_WORD_KINDS:
            code = mention.name.code
        elif mention and mention.name.kind == "organisation" and mention.name.sector == "REB":
            code, armed_group = mention.name.code, True  # "Hamas leader Ismail Haniyeh"
    title_words = tuple(t.lower_ for t in words if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.i not in by_token)
    for size in range(len(title_words), 0, -1):
        sector = gaz.sector_of(title_words[-size:]) or gaz.sector_of(title_words[:size])
        if sector:
            break
    if armed_group and sector in ("MIL", "GOV"):
        sector = "REB"
    return sector, code


def head_sector(gaz: Gazetteer, by_token: dict[int, Mention], token: Token) -> str:
    """The sector that the head noun and its compound/adjective words name ("foreign ministry")."""
    return (
        _role_in_body(gaz, by_token, token)
        or _phrase_sector(gaz, by_token, token)
        or _modifier_sector(gaz, by_token, token)
        or _name_of_phrase_sector(gaz, token)
    )


def _role_in_body(gaz: Gazetteer, by_token: dict[int, Mention], token: Token) -> str:
    """ "the leader of the main opposition party" is OPP, "members of the ruling party" PTY."""
    if token.lemma_.lower() not in gaz.words.role_noun:
        return ""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            sector = head_sector(gaz, by_token, inner) if inner is not None else ""
            if sector:
                return sector
    return ""


def _modifier_words(by_token: dict[int, Mention], token: Token) -> list[Token]:
    return [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.i not in by_token]


def _phrase_sector(gaz: Gazetteer, by_token: dict[int, Mention], token: Token) -> str:
    """The longest phrase of modifier words and the head that sectors.tsv lists ("deputy foreign minister")."""
    lemmas = [t.lower_ for t in _modifier_words(by_token, token)]
    for head in (token.lemma_.lower(), token.lower_):
        for size in range(len(lemmas), -1, -1):
            sector = gaz.sector_of((*lemmas[len(lemmas) - size :], head))
            if sector:
                return sector
    return ""


def _modifier_sector(gaz: Gazetteer, by_token: dict[int, Mention], token: Token) -> str:
    """A generic head takes its modifier's sector: "opposition candidates", "army officers"; the end of a
    hyphenated adjective is no modifier of its own ("multi-party elections", "cross-party group")."""
    for word in reversed(_modifier_words(by_token, token)):
        if hyphen_prefix(word):
            continue
        sector = gaz.sector_of((word.lower_,)) or gaz.sector_of((word.lemma_.lower(),))
        if sector:
            return sector
    return ""


def _name_of_phrase_sector(gaz: Gazetteer, token: Token) -> str:
    """A name's of-phrase: "the Nigerian Union of Teachers" (EDU)."""
    if token.pos_ != "PROPN":
        return ""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            for word in (w for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN" for w in p.subtree):
                forms = (word.lemma_.lower(), word.lower_.removesuffix("s"))  # "Teachers": a name's plural
                sector = next((s for f in forms if (s := gaz.sector_of((f,)))), "")
                if sector:
                    return sector
    return ""
