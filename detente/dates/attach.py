"""Which date mention belongs to which trigger, read off the dependency tree, and the tense of a trigger."""

from __future__ import annotations

from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span

# Dependencies that open a clause of their own; a date inside one does not date the clause above it.
SUBORDINATE = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"})
# Words that relate an event to another time rather than date it ("since the war in 2008").
RELATIONAL = frozenset({"since", "until", "till", "after", "before", "following", "prior", "ahead"})
# Past-tense verbs of reporting are news of the day, not narrative of the past.
REPORTING = frozenset({
    "say", "tell", "announce", "add", "report", "state", "confirm", "note", "stress", "insist", "explain",
    "write", "comment", "reiterate", "quote", "remark", "indicate", "describe",
})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Words that open a span of time: "since Thursday" dates the state its verb began, nothing else.
SPAN_STARTS = frozenset({"since", "until", "till"})

# Words after which an event comes before the time of the clause it hangs from ("following the arrest").
EARLIER_SIDE = frozenset({"after", "following"})
LATER_SIDE = frozenset({"before", "prior", "ahead"})

# Scores of how a mention attaches to a trigger; lower wins, None means it does not apply.
# RELATED: the trigger sits behind "after"/"before" in the dated clause; only a month or year carries over.
DIRECT, SAME_CLAUSE, GOVERNING_CLAUSE, RELATED = 0, 1, 2, 10


def attachment(mention: Span, trigger: Token) -> int | None:
    """How closely a date phrase attaches to a trigger (0 direct, 1 same clause, 2+ further), or None."""
    if mention.start <= trigger.i < mention.end:
        return DIRECT
    depth = {token.i: n for n, token in enumerate(_chain(trigger))}
    inside = range(mention.start, mention.end)
    node, own_conj, anchor = mention.root, False, None
    while node.i not in depth:
        if node.i not in inside:
            if anchor is None and node.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
                anchor = node
            if _accompanying(node):
                own_conj = True  # "Speaking to reporters on Thursday, Lavrov said ...": the same occasion
            elif _since_on(node, trigger):
                return GOVERNING_CLAUSE  # "has recognised them since fighting a war in August 2008": it began then
            elif (node.dep_ in SUBORDINATE and not _object_clause(node)) or _relational(node):
                return None  # the date sits in a clause or phrase the trigger is not part of
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
                own_conj = True
        if node.head.i == node.i:
            return None  # different trees: not the same sentence
        node = node.head
    meeting = node
    if anchor is None:
        anchor = meeting if meeting.pos_ in ("VERB", "AUX", "NOUN", "PROPN") else None
    crossings, related = 0, False
    for token in _chain(trigger)[: depth[meeting.i]]:
        if _relational(token):
            if _relation_word(token) not in EARLIER_SIDE | LATER_SIDE:
                return None  # the trigger is the "since"/"until" side, which the date does not date
            related = True
        if token.dep_ in SUBORDINATE or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            crossings += 1
    if related:
        return RELATED + crossings
    if anchor is not None and anchor.i == trigger.i:
        return DIRECT
    if mention[0].lower_ in SPAN_STARTS:
        return None  # "held since Thursday and demanded ...": a span's start dates only the verb it is on
    if crossings == 0 and not own_conj:
        return SAME_CLAUSE
    return GOVERNING_CLAUSE + crossings + int(own_conj)


def _since_on(node: Token, trigger: Token) -> bool:
    """A since-phrase or since-clause on the trigger itself (or the clause such a "since" takes): the time in it
    is when the trigger's state began."""
    if node.dep_ == "pcomp" and node.head.lower_ == "since":
        node = node.head
    return node.head.i == trigger.i and _relational(node) and _relation_word(node) == "since"


def _object_clause(node: Token) -> bool:
    """A participle the parser made a clause with the verb's object as its subject ("allowed a convoy carrying
    food into the town on Monday"): it is part of the verb's own clause."""
    return (
        node.dep_ == "ccomp"
        and node.tag_ == "VBG"
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.i < node.i for c in node.children)
    )


def inside_relation(relation: Token, trigger: Token) -> bool:
    """Whether a trigger lies in what an 'after'/'before' introduces (the clause or the noun phrase)."""
    complement = relation.head if relation.dep_ == "mark" else relation
    if complement.i == trigger.i:
        return relation.dep_ == "mark"
    return any(token.i == complement.i for token in trigger.ancestors)


def main_of_relation(relation: Token) -> Token:
    """The token whose clause an 'after'/'before' phrase hangs from ("came" in "came three months after")."""
    complement = relation.head if relation.dep_ == "mark" else relation
    return complement.head


def tense(trigger: Token) -> str:
    """The tense of the trigger's clause: future, present, present_perfect, past, past_perfect or news."""
    verb = finite_verb(trigger)
    if verb is None:
        return "present"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    lemmas = {a.lower_ for a in auxiliaries} | {a.lemma_.lower() for a in auxiliaries}
    if lemmas & FUTURE_AUX:
        return "future"
    if verb.tag_ == "MD" and verb.lower_ in FUTURE_AUX:
        return "future"
    perfect = [a for a in auxiliaries if a.lemma_ == "have"]
    if perfect:
        return "past_perfect" if perfect[0].tag_ == "VBD" else "present_perfect"
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
    if past:
        return "news" if verb.lemma_.lower() in REPORTING else "past"
    return "present"


def finite_verb(token: Token) -> Token | None:
    """The verb that carries tense for a trigger: itself, or up through xcomp chains and noun phrases."""
    for node in _chain(token):
        if node.pos_ in ("VERB", "AUX"):
            if node.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return node
            if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in node.children):
                return node
            if node.dep_ in SUBORDINATE - {"pcomp"}:
                return node  # a non-finite clause of its own ("stationed ... since the war")
    return None


QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_OPENING = frozenset({"\u201c", "``"})
_CLOSING = frozenset({"\u201d", "''"})


def inside_quote(sent: Span, position: int, open_at_start: bool) -> bool:
    """Whether the token at POSITION (a doc index) is inside a direct quotation.

    Quote marks open and close by their form or tag; a paragraph break ends a quotation unless the next
    paragraph opens with a quote mark (the run-on convention of wire copy).
    """
    inside = open_at_start
    for token in sent.doc[sent.start : max(sent.start, min(position, sent.end))]:
        if "\n" in token.text or "\n" in token.whitespace_:
            inside = False
        elif token.text in QUOTES:
            if token.text in _OPENING or token.tag_ == "``":
                inside = True
            elif token.text in _CLOSING or token.tag_ == "''":
                inside = False
            else:
                inside = not inside
    return inside


def clause_root(sent: Span) -> Token:
    """The main verb of a sentence."""
    return sent.root


def _accompanying(token: Token) -> bool:
    """A subjectless -ing clause beside the main verb ("Speaking on Thursday, ...") shares its occasion."""
    if token.dep_ not in ("advcl", "acl") or token.tag_ != "VBG":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def _relation_word(token: Token) -> str:
    if token.dep_ == "advcl":
        return next((c.lower_ for c in token.children if c.dep_ == "mark" and c.lower_ in RELATIONAL), "")
    return token.lower_


def _relational(token: Token) -> bool:
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in RELATIONAL for c in token.children)
    return token.dep_ in ("prep", "mark") and token.lower_ in RELATIONAL


def _chain(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain
