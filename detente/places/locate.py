"""Locate an event: a state, capital or region named in an in/at/near phrase on its trigger."""

from __future__ import annotations

from detente.actors.mentions import Mention
from detente.actors.resolve import STATE_PLACE_KINDS, ArticleActors
from detente.sentences.words import Word as Token

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})
PLACE_KINDS = frozenset({*STATE_PLACE_KINDS, "place"})  # "place": a named place that is no actor


def event_location(trigger: Token, actors: ArticleActors) -> str:
    """The place named on the trigger ("protested in Tbilisi" -> "Tbilisi"), or ""."""
    mention = trigger_place(trigger, actors)
    return mention.text if mention is not None else ""


def trigger_place(trigger: Token, actors: ArticleActors, *, strict: bool = False) -> Mention | None:
    """The gazetteer mention of the place named on the trigger, or None. Strict, a place inside another phrase
    of the object is not the trigger's ("in protest at the war in Ukraine"), but one after "of" is."""
    for head in (trigger, *[c for c in trigger.children if c.dep_ in ("dobj", "xcomp")]):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in prep.children:
                mention = actors.by_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                if mention is None and pobj.dep_ == "pobj":
                    # "in the capital city of Nairobi", "in central Baghdad"
                    inside = [t for t in pobj.subtree if t.i in actors.by_token and not (strict and _nested(t, pobj))]
                    if strict:  # "in Russia's Ryazan region": the region, not the state
                        inside.sort(key=lambda t: actors.by_token[t.i].name.kind == "country")
                    mention = actors.by_token[inside[0].i] if inside else None
                if mention is not None and mention.name.kind in PLACE_KINDS:
                    return mention
    return None


def _nested(token: Token, top: Token) -> bool:
    """The token hangs from `top` through a preposition other than "of"."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ != "of":
            return True
        token = token.head
    return False
