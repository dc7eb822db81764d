"""Reading the dependency tree: subjects, objects, clauses and phrases of a trigger.

The functions here know English grammar and the parser's habits, not PLOVER: which words are a verb's
subject and objects, its to-clause and that-clause, the clauses that set a condition. Closed-class words
(pronouns, modals, negators, subordinating marks, prepositions) are grammar and live here; open-class
word lists (control verbs, text nouns, quantities) are data (events/data/words.tsv) that `Syntax` reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from detente.events.classes import WordClasses
from detente.sentences.words import Word as Token
from detente.sentences.words import hyphen_prefix

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"})
RECIPIENT_PREPS = frozenset(
    "to with against on at from for toward towards into over between upon onto about of near along".split()
)
OBJECT_DEPS = ("dobj", "dative", "iobj", "attr", "oprd", "acomp")
MODAL_HYPOTHETICAL = frozenset("would could might may should".split())
MODAL_FUTURE = frozenset("will shall 'll".split())
# "X said Y must Z" is a demand of X on Y (the modal makes the report a request).
DEMAND_MODALS = frozenset({"must", "should", "ought"})
CONDITIONAL_MARKS = frozenset("if unless whether".split())
# Marks of a clause that sets a condition on a demanded or promised act ("... before they demobilize").
CONDITION_MARKS = CONDITIONAL_MARKS | {"before", "until", "till", "once"}
NEGATORS = frozenset("not n't never no".split())
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
AGAINST = frozenset({"against", "at", "over", "of"})
TO_FIRST = frozenset({"to", "into"})
# Prepositions of what an accusation or request is about ("protested to the council about the shelling").
TARGET_PREPS = frozenset({"about", "over", "against"})
FINITE_TAGS = ("VBD", "VBZ", "VBP")


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def first_person(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in FIRST_PERSON  # not "the US"


def phrase(token: Token) -> str:
    """The text of a token's subtree, cut at 120 characters."""
    words = list(token.subtree)
    text = token.doc[words[0].i : words[-1].i + 1].text
    return text if len(text) <= 120 else text[:117] + "..."


def verb_forms(token: Token) -> list[str]:
    """The lemma, then the word itself and plain de-inflections: the lemmatizer errs ("waged" -> "wag")."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    prefix = hyphen_prefix(token)
    if prefix:  # "test-fired", "co-operated": the tokenizer cut the word at its hyphen
        forms = [f"{prefix}-{forms[0]}", f"{prefix}{forms[0]}", *forms]
    if lower.endswith("ied"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
    if lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    if lower.endswith("es"):
        forms += [lower[:-1], lower[:-2]]
    elif lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def clause_words(trigger: Token) -> list[Token]:
    """The trigger's phrase or clause: its subtree without coordinated clauses (events of their own), and
    for an event noun, the clause of the verb that governs it ("killed in a suicide truck bombing")."""
    top = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    words: list[Token] = []
    stack = [top]
    while stack:
        word = stack.pop()
        words.append(word)
        stack += [c for c in word.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return sorted(words, key=lambda t: t.i)


# ---- clauses ------------------------------------------------------------------------------------


def xcomp_chain(comp: Token) -> list[Token]:
    """A to-clause verb and the to-clause verbs below it ("agreed to begin to withdraw")."""
    chain = [comp]
    while True:
        nxt = next((c for c in chain[-1].children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def clause_verbs(comp: Token) -> list[Token]:
    """A to-clause's verbs: its chain of to-clauses and the verbs coordinated with them that share their
    subject ("vowed to strike and destroy the bases": strike, destroy)."""
    verbs: list[Token] = []
    for verb in xcomp_chain(comp):
        verbs.append(verb)
        for conj in verb.children:
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and not own_subject:
                verbs += clause_verbs(conj)
    return verbs


def _before_hyphen(word: Token) -> bool:
    """Whether a word is a hyphen or comes right before one ("re" of "re-open")."""
    return word.text == "-" or (word.i + 1 < len(word.doc) and word.doc[word.i + 1].text == "-")


def _has_to(verb: Token) -> bool:
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in verb.children)


def complement(token: Token) -> Token | None:
    """The verb of the token's to-clause ("offered to restore" -> restore), through adjectives ("ready to")."""
    verbs = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if verbs:
        # "agreed to re-open": the parser may cut a hyphenated verb into xcomps "re", "-", "open"
        while len(verbs) > 1 and verbs[1].i <= verbs[0].i + 2 and _before_hyphen(verbs[0]):
            verbs.pop(0)
        return verbs[0]
    for child in token.children:  # "threatened on Monday to expel ...", parsed as a purpose clause
        if (
            child.dep_ == "advcl"
            and child.pos_ == "VERB"
            and _has_to(child)
            and not any(g.dep_ in ("nsubj", "mark") for g in child.children)
        ):
            return child
    holders = [c for c in token.children if c.dep_ in ("acomp", "dobj", "attr", "dative")]
    holders += [
        p for prep in token.children if prep.dep_ in ("prep", "prt") for p in prep.children if p.dep_ == "pobj"
    ]  # "called on Belarus to release ..."
    for child in holders:
        for grand in child.children:
            if grand.dep_ in ("xcomp", "acl", "relcl", "ccomp") and grand.pos_ == "VERB" and _has_to(grand):
                return grand
    return None


def subject_to_clause(token: Token) -> Token | None:
    """A to-clause with a subject of its own, which the parser makes a ccomp: "allowed aid trucks to enter"."""
    return next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and _has_to(c)), None)


def hyphen_agents(participle: Token) -> list[Token]:
    """The words a participle's hyphen joins it to ("US" of "US-backed", "rebel" of "rebel-held"), when it has
    one."""
    if not hyphen_prefix(participle):
        return []
    return [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod") and c.i < participle.i]


def sentence_start_before(token: Token, sentences: int) -> int:
    """The index of the first word of the sentence that many sentences before the token's."""
    start = token.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def that_clause(token: Token) -> Token | None:
    """The verb of a clause that a verb reports or demands ("demanded that Iran stop")."""
    return next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)


def noun_that_clauses(noun: Token) -> list[Token]:
    """The verbs of that-clauses a noun takes ("reports that X shelled", "an admission that X murdered")."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def noun_clauses(noun: Token) -> list[Token]:
    """The verbs of the clauses a noun takes that say what it asks or claims: that-clauses ("the demand that
    Israel withdraw") and for-to clauses ("its call for Israel to halt ...")."""
    found = noun_that_clauses(noun)
    found += [
        c
        for c in noun.children
        if c.dep_ in ("acl", "advcl", "relcl")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        and _has_to(c)
    ]
    return found


def own_subject(verb: Token) -> Token | None:
    """The subject the verb's own clause names (not one it inherits from a verb above)."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _marked(clause: Token, marks: frozenset[str]) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)


def content(clause: Token) -> list[Token]:
    """The verbs of a demanded, alleged or denied clause: its to-clauses and the conditions it sets ("must
    agree to changes before they demobilize": neither the agreeing nor the demobilizing has happened)."""
    chain = clause_verbs(clause)
    for verb in list(chain):
        for child in verb.children:
            if child.dep_ == "advcl" and _marked(child, CONDITION_MARKS):
                chain += clause_verbs(child)
    return chain


def condition(token: Token) -> str:
    """'if' or 'unless' when a conditional clause hangs on the verb ("will withdraw unless ...")."""
    for child in token.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in ("if", "unless"):
                    return mark.lower_
    return ""


def condition_clauses(token: Token, scope: list[Token]) -> list[Token]:
    """The verbs of if/unless clauses hanging on the verb or its to-clause."""
    return [
        clause
        for verb in [token, *scope]
        for clause in verb.children
        if clause.dep_ == "advcl" and _marked(clause, frozenset({"if", "unless"}))
    ]


def condition_subjects(token: Token, scope: list[Token]) -> list[Token]:
    """Subjects of if/unless clauses hanging on the verb or its to-clause."""
    clauses = condition_clauses(token, scope)
    return [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def awaited_clauses(token: Token) -> list[Token]:
    """Clauses on the verb that wait on it: "before/until/unless/if ..." as a clause or a gerund phrase."""
    found = []
    for child in token.children:
        if child.dep_ == "advcl" and _marked(child, CONDITION_MARKS):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in CONDITION_MARKS:
            found += [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    return found


def in_condition(token: Token) -> bool:
    """Whether the verb stands inside an if/unless/whether clause (it is then the condition, not the promise)."""
    return any(a.dep_ == "advcl" and _marked(a, CONDITIONAL_MARKS) for a in [token, *token.ancestors])


def modal(token: Token, scope: list[Token]) -> bool:
    """A would/could/might/may/should on the verb or the verbs it folds in (not "tried to")."""
    return any(c.dep_ == "aux" and c.lower_ in MODAL_HYPOTHETICAL for v in [token, *scope] for c in v.children)


def neither_subject(token: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" for d in c.children) for c in token.children
    )


def of_the_question(token: Token) -> bool:
    return any(c.lower_ == "of" and any(g.lower_ == "question" for g in c.subtree) for c in token.children)


def charged_acts(token: Token) -> list[Token]:
    """The acts a charge names ("accused X of violating ... and ignoring ...", "arrested for collaborating
    with Israel"): alleged, so not events of their own."""
    acts = [
        act
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "with", "over")
        for act in prep.children
        if act.dep_ == "pcomp" and act.pos_ == "VERB"
    ]
    if acts:
        # "of violating human rights, ignoring the law ...": the parser may hang the next acts of the list
        # on the charging verb; they follow the first act with only punctuation between.
        end = max(a.right_edge.i for a in acts)
        for clause in token.rights:
            if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > end:
                between = clause.doc[end + 1 : clause.left_edge.i]
                if all(t.is_punct for t in between) and not any(c.dep_ == "nsubj" for c in clause.children):
                    acts.append(clause)
                    end = clause.right_edge.i
    return [t for act in acts for verb in [act, *act.conjuncts] for t in xcomp_chain(verb)]


# ---- phrases --------------------------------------------------------------------------------------


def agent_objects(verb: Token) -> list[Token]:
    """Whom a verb's by-agent names: "was attacked by rebels", "aid donated by Japan"."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def reduced_passive(token: Token) -> bool:
    """A participle with a by-agent on a noun: "sanctions imposed by the United States"."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through a verb form ("to neighbouring Iraq" parsed as pcomp)."""
    found = [p for p in prep.children if p.dep_ == "pobj"]
    for pcomp in prep.children:
        if pcomp.dep_ == "pcomp":
            found += [o for o in pcomp.children if o.dep_ in ("dobj", "pobj")]
    if not found and next(iter(prep.children), None) is None:
        # "granted asylum to five officers holed up in the embassy": the parser may leave the preposition
        # bare and make its object the subject of the clause that follows; that phrase starts right after it.
        found = [
            subject
            for clause in prep.head.rights
            if clause.i > prep.i and clause.pos_ in ("VERB", "AUX")
            for subject in clause.lefts
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.left_edge.i == prep.i + 1
        ][:1]
    return found


def place_heads(token: Token) -> list[Token]:
    """The objects of the token's in-phrases ("arrested in Lebanon")."""
    return [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "in" for p in _pobjs(prep)]


def _pobjs(prep: Token) -> Iterator[Token]:
    return (p for p in prep.children if p.dep_ == "pobj")


def against(word: Token) -> list[Token]:
    """X of "against X", "at X", "over X", "of X" on a word."""
    return [p for c in word.children if c.dep_ == "prep" and c.lower_ in AGAINST for p in prep_objects(c)]


def in_noun_against(word: Token, nouns: frozenset[str], preps: tuple[str, ...] = ("in",)) -> list[Token]:
    """X of "in protest at X", "during demonstrations against X", "in defiance of X" on a word."""
    return [
        h
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for noun in prep_objects(prep)
        if noun.lemma_.lower() in nouns
        for h in against(noun)
    ]


def subject_left_of(verb: Token) -> tuple[Token | None, bool]:
    """The noun phrase right before a finite main verb the parser left without a subject.

    "With the signing of an accord, the government and the rebels have agreed to ...": the parser
    hangs the real subject on the opening phrase. The phrase ending just before the verb's
    auxiliaries is taken, back to the start of its coordination, never across a comma.
    """
    before = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    finite = verb.tag_ in FINITE_TAGS or any(c.tag_ in (*FINITE_TAGS, "MD") for c in before)
    start = min([verb.i, *(c.i for c in before)])
    if not finite or start == verb.sent.start:
        return None, False
    noun = verb.doc[start - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("conj", "appos", "pobj", "compound"):
        return None, False
    while noun.dep_ == "compound" and noun.head.i < start:
        noun = noun.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        between = verb.doc[noun.head.i + 1 : noun.i]
        if any(t.lower_ in (",", ";", ":") for t in between):
            break
        noun = noun.head
    return noun, any(c.dep_ == "auxpass" for c in before)


Subject = tuple[Token | None, bool]  # the subject and whether the verb is passive


class Syntax:
    """The grammar that needs word lists: subjects, objects, particles, reported speech, enacted texts."""

    def __init__(self, words: WordClasses, speech_verbs: frozenset[str]):
        self.words = words
        self.speech_verbs = speech_verbs
        self.reporting = speech_verbs | words.announcing

    # ---- objects ----

    def object_forms(self, token: Token) -> list[str]:
        """The words an object may match in a pattern: its lemma; the word as written ("data", which the
        lemmatizer makes "datum"); the singular of a capitalised plural, which the lemmatizer leaves as written
        ("the Geneva Conventions"); the modifiers of a collective or generic head ("a carrier strike group",
        "mediation efforts"); the object of an of-head's of-phrase ("a state of emergency", "a round of talks")."""
        lower = token.lemma_.lower()
        forms = [lower]
        if token.lower_ != lower:
            forms.append(token.lower_)
        if token.tag_ == "NNPS" and lower.endswith("s"):
            forms.append(lower[:-1])
        if lower in self.words.collective_head:
            forms += [lemma(c) for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        if lower in self.words.of_head:  # "a state of emergency", "a new round of talks"
            inner = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in _pobjs(prep)]
            forms += [f for p in inner for f in self.object_forms(p)]
        return forms

    def object_lemmas(self, token: Token) -> frozenset[str]:
        return frozenset(lemma(o) for o in self.objects(token))

    def objects(self, token: Token) -> list[Token]:
        """The verb's object-like dependents (object, passive subject, predicate adjective), and their conjuncts."""
        found = _direct_objects(token) + _predicates(token) + _misparsed_objects(token) + _prepositional_objects(token)
        found += [c for f in list(found) for c in f.conjuncts]
        # "25,000 tons of food aid", "$50,000 worth of goods", "800 million dollars in weapons"
        found += [
            p
            for f in list(found)
            for prep in f.children
            if prep.dep_ == "prep"
            and prep.lower_ in ("of", "in")
            and (f.pos_ == "NUM" or f.lemma_.lower() in self.words.quantity)
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        return found

    def has_particles(self, token: Token, particles: tuple[str, ...]) -> bool:
        """Whether the particle/preposition words hang on the verb ("pull out of": "of" may hang on "out");
        a preposition of time ("called Erdogan on Tuesday") is no particle."""
        children = [
            c
            for c in token.children
            if c.dep_ in ("prt", "prep", "advmod", "agent", "dobj") and not self.is_time_phrase(c)
        ]
        children += [
            g
            for c in children
            if c.dep_ in ("prt", "advmod", "prep")
            for g in c.children
            if g.dep_ == "prep" and not self.is_time_phrase(g)
        ]
        words = {c.lower_ for c in children} | {c.lemma_.lower() for c in children}
        return all(p in words for p in particles)

    def is_time_phrase(self, prep: Token) -> bool:
        return prep.dep_ == "prep" and any(p.dep_ == "pobj" and self._time_word(p.text) for p in prep.children)

    def _time_word(self, text: str) -> bool:
        return text.lower() in self.words.time_word or (len(text) == 4 and text.isdigit() and text.isascii())

    def recipient_heads(self, token: Token, first_preps: frozenset[str] = frozenset()) -> list[Token]:
        """Phrases that may name the recipient: objects, then prepositional objects (first_preps first)."""
        heads = [
            c for c in token.children if c.dep_ in ("dobj", "dative", "iobj", "attr") or self._named_object(token, c)
        ]
        # "send weapons to Ukraine": the parser may label the preposition itself the dative
        heads = [p for h in heads for p in (prep_objects(h) if h.pos_ == "ADP" else [h])]
        # "found the journalist guilty": the subject of the predicate adjective
        heads += [
            n
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
            for n in c.children
            if n.dep_ == "nsubj"
        ]
        preferred = [
            p
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in first_preps
            for p in prep_objects(prep)
        ]
        heads = preferred + heads + self._prepositional_recipients(token, first_preps)
        if token.dep_ == "relcl" and token.head in _direct_objects(token) and token.head not in heads:
            heads.append(token.head)  # "a request Mogadishu rejected": whose request it was
        if not heads and not any(c.dep_ in ("dobj", "prep", "dative", "ccomp", "xcomp") for c in token.children):
            # "donated and delivered goods to the school": a verb with nothing after it shares its conjunct's
            for conj in token.children:
                own_subject = any(c.dep_.startswith("nsubj") for c in conj.children)
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not own_subject:
                    return self.recipient_heads(conj, first_preps)
        return heads

    def _named_object(self, verb: Token, child: Token) -> bool:
        """ "which supports Damascus": a name right after a verb that the parser took for an adverb of time."""
        return (
            child.dep_ in ("npadvmod", "advmod")
            and child.pos_ == "PROPN"
            and child.i == verb.i + 1
            and child.lower_ not in self.words.time_word
        )

    def _prepositional_recipients(self, token: Token, first_preps: frozenset[str]) -> list[Token]:
        heads = []
        # "remains opposed to the pact": the phrases of a predicate adjective are the verb's
        predicates = [c for c in token.children if c.dep_ == "acomp" and c.pos_ in ("ADJ", "VERB")]
        for prep in [*token.children, *(p for a in predicates for p in a.children)]:
            if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS and prep.lower_ not in first_preps:
                heads += prep_objects(prep)
            # "pulled out of Syria", "handed the villages back to Azerbaijan": the preposition hangs on a particle
            if prep.dep_ == "prt" or (prep.dep_ == "advmod" and prep.lower_ in self.words.particle_adverb):
                for grand in prep.children:
                    if grand.dep_ == "prep" and grand.lower_ in RECIPIENT_PREPS:
                        heads += [p for p in grand.children if p.dep_ == "pobj"]
        return heads

    # ---- reported speech and texts ----

    def reported(self, verb: Token) -> bool:
        """Whether a verb stands in a clause reported by a speech verb ("X said it would ...")."""
        head = verb
        while head.dep_ in ("xcomp", "conj") and head.head is not head:
            head = head.head
        return head.dep_ == "ccomp" and head.head.lemma_ in self.reporting

    def enacted(self, text: Token) -> bool:
        """Whether a text is the object of a verb that puts it into force or out ("passed a law")."""
        return text.dep_ in ("dobj", "nsubjpass") and lemma(text.head) in self.words.enacting

    def enacted_text(self, verb: Token) -> Token | None:
        """The text a relative clause is on, when the text is the object of enacting it ("adopted a resolution
        that imposes ...", "passed a law which bans ..."), else None."""
        text = verb.head
        if verb.dep_ != "relcl" or lemma(text) not in self.words.enactable:
            return None
        return text if self.enacted(text) else None

    def document_content(self, token: Token) -> bool:
        """Whether the verb is a participle telling what a text does ("signed a pact allowing their troops to
        train ...", "a law banning ..."): the text's content, not a reported act."""
        while token.dep_ in ("xcomp", "conj", "ccomp") and token.head is not token:
            token = token.head
        text = token.head
        if token.dep_ != "acl" or token.tag_ != "VBG" or lemma(text) not in self.words.document:
            return False
        # "passed a law banning ...": who enacts a law acts by it; what an agreement allows is still to come
        return not self.enacted(text) or lemma(text) in self.words.agreement

    def document_aim(self, token: Token) -> bool:
        """Whether the verb is in a relative clause on a text ("a bill that would ban ...", "a resolution that
        aims to ..."), through to-clauses and coordination."""
        while token.dep_ in ("xcomp", "conj") and token.head is not token:
            token = token.head
        return token.dep_ == "relcl" and lemma(token.head) in self.words.document

    # ---- subjects ----

    def subject(self, token: Token, depth: int = 0) -> Subject:
        """The subject of a verb, following to-clauses, coordination and participles up to their controller."""
        own = self._own_subject(token, depth)
        if own is not None:
            return own
        if token.head is token:
            return subject_left_of(token)
        if depth > 6:
            return None, False
        for inherited in (
            self._reduced_passive_subject,
            self._controller_subject,
            self._turned_to_subject,
            self._conjunct_subject,
            self._predicate_subject,
            self._noun_clause_subject,
        ):
            found = inherited(token, depth)
            if found is not None:
                return found
        if token.dep_ in ("xcomp", "ccomp") and token.head.pos_ == "ADJ":
            return self.subject(token.head.head, depth + 1)
        return None, False

    def _own_subject(self, token: Token, depth: int) -> Subject | None:
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                enacted = self.enacted_text(token) if child.lower_ in ("that", "which") else None
                if enacted is not None:
                    # "the Council adopted a resolution that imposes sanctions": who adopts the text acts by it
                    return self.subject(enacted.head, depth + 1)[0], False
                if child.tag_ == "VBG" and child.dep_ == "nsubj":
                    # "The Red Cross operating in Libya said": the parser made the participle the subject
                    inner = next((c for c in child.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
                    if inner is not None:
                        return inner, False
                return child, False
        for child in token.children:
            if child.dep_ == "nsubjpass":
                return child, True
        for aux in token.children:  # "Hungary is opposed to ...": the parser may hang the subject on "is"
            if aux.dep_ in ("aux", "auxpass"):
                hung = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if hung is not None:
                    return hung, aux.dep_ == "auxpass"
        return None

    def _reduced_passive_subject(self, token: Token, depth: int) -> Subject | None:
        """ "sanctions imposed by the United States", "aid donated by Japan": a participle with a by-agent on a
        noun is a passive whose subject is the noun."""
        if reduced_passive(token):
            return token.head, True
        return None

    def _controller_subject(self, token: Token, depth: int) -> Subject | None:
        """A to-clause, or a clause on a verb, has its controller's subject; "urged Iran to halt": Iran."""
        head = token.head
        if not (token.dep_ == "xcomp" or (token.dep_ in ("acl", "relcl", "advcl") and head.pos_ in ("VERB", "AUX"))):
            return None
        if token.dep_ == "xcomp" and head.lemma_.lower() in self.words.object_control:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj, False
        if token.dep_ == "xcomp" and head.pos_ == "ADJ":
            return self.subject(head.head, depth + 1)[0], False
        return self.subject(head, depth + 1)[0], False

    def _turned_to_subject(self, token: Token, depth: int) -> Subject | None:
        """ "youths resorted to throwing stones", "Russia retaliated by expelling diplomats": the subject's act."""
        head = token.head
        if token.dep_ != "pcomp" or head.dep_ != "prep":
            return None
        if head.lower_ == "to" and lemma(head.head) in self.words.turn_to:
            return self.subject(head.head, depth + 1)[0], False
        if head.lower_ == "by" and head.head.pos_ == "VERB":
            return self.subject(head.head, depth + 1)[0], False
        if head.lower_ in self.words.adjunct_gerund and token.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
            # "began the offensive after winning Moscow's approval": the gerund is the beginner's act
            return self.subject(head.head, depth + 1)[0], False
        return None

    def _conjunct_subject(self, token: Token, depth: int) -> Subject | None:
        """Coordinated verbs share a subject ("secured ... and later recognized ...")."""
        if token.dep_ != "conj":
            return None
        head = token.head
        reporter = head.head
        if (
            head.dep_ == "ccomp"
            and reporter.lemma_ in self.speech_verbs
            and any(c.dep_ == "auxpass" for c in head.children)
            and token.tag_ == "VBD"
            and not any(c.dep_ == "aux" for c in token.children)
        ):
            # "the ministry said the drivers had been held since Thursday and demanded their release": an
            # active past tense coordinated with a reported passive is the reporter's second act
            return self.subject(reporter, depth + 1)[0], False
        subject, passive = self.subject(head, depth + 1)
        if passive and (token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in token.children)):
            passive = any(c.dep_ == "auxpass" for c in token.children)  # "was indicted and will resign"
        return subject, passive

    def _predicate_subject(self, token: Token, depth: int) -> Subject | None:
        """ "Ghana is committed to ...": parsed as a predicate of "is"."""
        if token.dep_ in ("acomp", "attr") and token.head.pos_ in ("AUX", "VERB"):
            return self.subject(token.head, depth + 1)
        return None

    def _noun_clause_subject(self, token: Token, depth: int) -> Subject | None:
        """A participle or clause on a noun: the noun's owner, the noun itself as a misparsed subject, or
        whoever issued the statement it is on."""
        head = token.head
        if token.dep_ != "acl" or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if head.dep_ in ("nsubj", "dep") and any(c.dep_ == "nsubj" and c is not head for c in head.head.children):
            # "Kashmiri youths resorted to ..., police said": a noun hung as a second subject (or loose)
            # on a verb that has its own shows the parser took the main verb for a reduced relative on it.
            return head, False
        for child in head.children:  # "a proposal from X to offer ..." -> X
            if child.dep_ == "poss":
                return child, False
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, False
        root = next(a for a in [head, *head.ancestors] if a.head is a)
        finite = [v for v in [token, *token.conjuncts] if v.tag_ in FINITE_TAGS]
        if head is root and token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].text == ",":
            finite.append(token)  # "Turkey, which trains Somali troops, offered to host talks": a past tense
        if root.pos_ in ("NOUN", "PROPN") and finite and not any(c.dep_ == "agent" for c in token.children):
            # "Doctors from two aid groups donated ...": with a noun for the sentence's root, a finite verb
            # hung on a noun as if it were a reduced relative is the main verb; the root is its subject.
            return root, False
        statement = head.lemma_.lower() in self.words.statement and head.dep_ in ("dobj", "nsubjpass")
        if (statement or (head.lemma_.lower() in self.words.document and self.enacted(head))) and head.head is not head:
            # "issued a statement condemning the attack", "passed a law banning ...": whoever issued it acts
            return self.subject(head.head, depth + 1)[0], False
        return None


def _direct_objects(token: Token) -> list[Token]:
    """Object, passive subject and relative pronoun objects ("relations, which Mogadishu cut")."""
    found = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if any(c.dep_ == "auxpass" for c in token.children):
        found += [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "relcl":  # "relations, which Mogadishu cut", "a helicopter that was captured"
        found = [token.head if c.lower_ in ("which", "that", "whom") else c for c in found]
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        adverb_gap = any(c.lower_ in ("where", "when", "why", "how") for c in token.children)
        if (
            not found
            and subject
            and not adverb_gap
            and token.head.pos_ in ("NOUN", "PROPN")
            and not _has_prep_gap(token)
        ):
            found = [token.head]  # "a request Mogadishu rejected": the noun is the object the clause leaves out
    if token.lemma_ == "be":
        found += [c for c in token.children if c.dep_ == "acomp"]
    if reduced_passive(token):
        found.append(token.head)  # "sanctions imposed by the United States": the noun is what was imposed
    return found


def _has_prep_gap(token: Token) -> bool:
    """A clause whose gap is a preposition's object ("the town the rebels fled from") leaves no direct object."""
    return any(c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in token.children)


def _predicates(token: Token) -> list[Token]:
    """ "found him guilty", "held them captive": the predicate adjective counts as the object."""
    found = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"]
    found += [g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "acomp"]
    return found


def _misparsed_objects(token: Token) -> list[Token]:
    """Objects the parser hung elsewhere: the subject of a participle ("allowed a UN convoy carrying food into
    the town"), and the object of "by" in an active verb ("abided by the truce")."""
    found = [
        g
        for c in token.children
        if c.dep_ == "ccomp" and c.tag_ == "VBG"
        for g in c.children
        if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN") and g.i < c.i
    ]
    if not any(a.dep_ == "auxpass" for a in token.children):
        found += agent_objects(token)
    return found


# Prepositions of time and circumstance: what they take is when or despite what it happened, never what the
# verb acts on ("suspended peace talks after a bombing" suspends no bombing).
ADJUNCT_PREPS = frozenset({"after", "before", "since", "during", "despite", "following", "amid", "amidst", "until"})


def _prepositional_objects(token: Token) -> list[Token]:
    """ "go on strike", "lay down arms", "put on alert"; "pulled out of the bloc" ("of" hangs on "out")."""
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ not in ADJUNCT_PREPS:
            found += [p for p in prep.children if p.dep_ == "pobj"]
            found += [p for g in prep.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    return found
