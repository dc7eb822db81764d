"""The records of the events stage: a draft while constructions run on it, the candidate it becomes, the
trigger that did not (a miss), and the trace of which constructions fired and which declined."""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.actors.resolve import Found
from detente.events.lexicon import Pattern
from detente.events.syntax import phrase
from detente.sentences.words import Word as Token


@dataclass(frozen=True)
class Step:
    """One construction's outcome on a trigger, for `detente explain`."""

    rule: str
    fired: bool
    reason: str

    def __str__(self) -> str:
        return f"{self.rule}: {'fired' if self.fired else 'declined'} ({self.reason})"


@dataclass
class Candidate:
    """A coded event before dates and ids: what fired, on which words, with whom."""

    pattern: Pattern
    trigger: Token
    event: str
    mode: str
    actors: list[Found]
    recipients: list[Found] = field(default_factory=list)
    words: list[Token] = field(default_factory=list)  # trigger words, for the record and highlighting
    object_text: str = ""
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    context: list[str] = field(default_factory=list)
    location: str = ""
    notes: list[str] = field(default_factory=list)
    trace: list[Step] = field(default_factory=list)
    subject: Token | None = None  # the trigger's subject, and whether it is passive, as the draft found them
    passive: bool = False
    scope: list[Token] = field(default_factory=list)
    said: bool = False  # the event is the saying of its clause ("will not lift": a refusal made now)
    actor_guessed: bool = False  # the actor's state was guessed from the context (guessed-actor)
    background: bool = False  # a standing relation told in passing ("US-backed forces"), not news of the day

    @property
    def token(self) -> Token:
        return self.trigger


@dataclass
class Miss:
    """A trigger word that did not become an event, and why (for `detente explain`)."""

    token: Token
    reason: str
    patterns: list[Pattern] = field(default_factory=list)
    trace: list[Step] = field(default_factory=list)


@dataclass
class Draft:
    """A trigger's event while the constructions run on it, in their documented order: each reads what
    the ones before decided and adds its own decision, with a note of why."""

    pattern: Pattern
    token: Token
    obj: Token | None  # the object the pattern matched (or the first one)
    comp: Token | None  # the verb of the trigger's to-clause
    consumed: set[int]  # the sentence's words that are no event of their own (shared by its drafts)
    event: str = ""
    mode: str = ""
    words: list[Token] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    scope: list[Token] = field(default_factory=list)  # the trigger and the to-clause verbs folded into it
    comp_pattern: Pattern | None = None  # the pattern of the folded to-clause verb
    rivals: list[Pattern] = field(default_factory=list)  # an event noun's patterns (rival rows)
    light: Token | None = None  # the light verb an event noun is the object of ("staged a strike")
    judge: Candidate | None = None  # the event of the verb that judges this act ("condemned the embargo")
    subject: Token | None = None
    passive: bool = False
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    own_heads: list[Token] = field(default_factory=list)  # the trigger's own recipient phrases
    first_preps: frozenset[str] = frozenset()
    actors: list[Found] = field(default_factory=list)
    recipients: list[Found] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    said: bool = False  # see Candidate.said
    actor_guessed: bool = False  # see Candidate.actor_guessed
    background: bool = False  # see Candidate.background
    stopped: bool = False
    miss: Miss | None = None
    trace: list[Step] = field(default_factory=list)

    def stop(self, reason: str, patterns: list[Pattern] | None = None, record: bool = True) -> None:
        """This trigger is no event; with record, `detente explain` lists it with the reason."""
        self.stopped = True
        if record:
            self.miss = Miss(self.token, reason, patterns if patterns is not None else [self.pattern])

    def candidate(self) -> Candidate:
        return Candidate(
            self.pattern,
            self.token,
            self.event,
            self.mode,
            self.actors,
            self.recipients,
            sorted(set(self.words), key=lambda t: t.i),
            phrase(self.obj) if self.obj is not None else "",
            self.negated,
            self.hypothetical,
            self.future,
            notes=self.notes,
            trace=self.trace,
            subject=self.subject,
            passive=self.passive,
            scope=self.scope,
            said=self.said,
            actor_guessed=self.actor_guessed,
            background=self.background,
        )
