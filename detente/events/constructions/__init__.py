"""The constructions, in the order the drivers run them (docs/coding.md, "Constructions").

A verb trigger's draft runs VERB_CONSTRUCTIONS; an event noun's runs NOUN_CONSTRUCTIONS. Each stops the
run when it decides the trigger is no event. The order matters: each reads what the ones before decided.
"""

from __future__ import annotations

from detente.events.constructions import (  # noqa: F401  (importing registers them)
    attacks,
    clauses,
    complements,
    conditions,
    documents,
    forces,
    nouns,
    passives,
    protests,
    recipients,
    rewriting,
    threats,
    usage,
)
from detente.events.constructions.registry import REGISTRY, Construction, ordered, run_constructions

VERB_ORDER = (
    # what the trigger is
    "not-an-event",
    "enacted-text",
    "to-clause",
    "vow-of-force",
    "asked-mode",
    # who acts
    "hyphen-agent",
    "verdict",
    "subject",
    "passive",
    "actors",
    "attack-owner",
    "unidentified-attacker",
    "guessed-actor",
    "no-actor",
    "actor-kind",
    "rewrites:actors",
    # whom it reaches
    "attack-noun-subject",
    "recipient-phrases",
    "charged-acts",
    "that-clause",
    "own-objects",
    "state-forces",
    "protest-defied",
    "after-talks",
    "despite-pressure",
    "named-before",
    "shelter",
    "threat-condition",
    "place-of-act",
    "talks-parties",
    "own-forces",
    "rewrites:forces",
    # whether and when it happened
    "flags",
    "condition",
    "document-content",
    "threat-mode",
    "rewrites:tense",
    "rewrites:negation",
    "not-coded-apart",
)
NOUN_ORDER = (
    "standing-ally",
    "noun-owner",
    "light-verb",
    "noun-phrase-actors",
    "received",
    "noun-actors",
    "armed-owner",
    "noun-recipients",
    "noun-state-forces",
    "noun-protest-target",
    "noun-clause",
    "noun-place",
    "judge-reached",
    "noun-flags",
    "noun-kind",
    "rewrites:noun",
)
VERB_CONSTRUCTIONS = ordered(VERB_ORDER)
NOUN_CONSTRUCTIONS = ordered(NOUN_ORDER)

__all__ = ["REGISTRY", "Construction", "NOUN_CONSTRUCTIONS", "VERB_CONSTRUCTIONS", "run_constructions"]
