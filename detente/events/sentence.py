"""Code the sentences of an article: find triggers, run the constructions on each, keep one event per act.

Per sentence: verbs whose lemma has patterns are tried head-first (so "offered to restore ties" is one
AGREE, not also a SUPPORT), with the reported demands and refusal predicates found beside them; each
becomes a draft that the verb constructions decide on, in their documented order. Then event nouns code
when their phrase names an actor and no coded verb governs them. docs/coding.md describes every
construction with an example.
"""

from __future__ import annotations

from detente.actors.memory import ArticleMemory
from detente.actors.resolve import ArticleActors
from detente.events.constructions import NOUN_CONSTRUCTIONS, VERB_CONSTRUCTIONS, run_constructions
from detente.events.constructions.clauses import alleged_by_nouns
from detente.events.constructions.protests import without_protest_topics
from detente.events.constructions.reported import (
    REFUSAL_RULE,
    Trigger,
    note_speaker,
    quoted_demand,
    refusal,
    refusal_predicates,
    reported_demands,
)
from detente.events.constructions.rewriting import apply_rewrites
from detente.events.context import EventContext
from detente.events.cues import context_patterns, mode_cues
from detente.events.draft import Candidate, Draft
from detente.events.lexicon import NOT_AN_EVENT, Lexicon, Pattern
from detente.events.syntax import charged_acts, clause_words, depth, lemma, phrase, xcomp_chain
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span

# A context is the article's when its cue words occur this often in the article (PLOVER: contexts are
# usually coded at paragraph or document level).
ARTICLE_CONTEXT_HITS = 3


class SentenceCoder(EventContext):
    """Codes the sentences of one article, in order."""

    def __init__(self, lexicon: Lexicon, actors: ArticleActors, memory: ArticleMemory):
        super().__init__(lexicon, actors, memory)
        self._context_res = context_patterns(lexicon)
        self.article_counts: dict[str, int] = {}  # context -> cue words in the sentences coded so far

    def code(self, sent: Span) -> list[Candidate]:
        tokens = list(sent)  # Token objects are built on each access: build them once
        consumed = alleged_by_nouns(self, tokens)
        candidates = self._verb_events(tokens, consumed)
        note_speaker(self, sent)
        judging = {c.trigger.i: c for c in candidates if self.roles.has("presupposes", c.event, c.mode)}
        candidates += self._noun_events(tokens, consumed, {c.trigger.i for c in candidates} | consumed, judging)
        candidates = without_protest_topics(self, candidates)
        candidates.sort(key=lambda c: c.trigger.i)
        cued = self._context_res.counts(sent.text)
        for name, count in cued.items():
            self.article_counts[name] = self.article_counts.get(name, 0) + count
        sentence_contexts = list(cued)
        for candidate in candidates:
            candidate.context = list(dict.fromkeys([*candidate.pattern.context, *sentence_contexts]))
            self._mode_from_cues(candidate)
            apply_rewrites(self, "sentence", candidate)
        return _distinct(candidates)

    # ---- verbs ----

    def _triggers(self, tokens: list[Token]) -> list[Trigger]:
        """Verbs with a pattern, reported demands and refusal predicates, outer clauses first."""
        matched: list[Trigger] = []
        for token in tokens:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
                found = self.match_verb(token)
                if found:
                    matched.append((token, *found))
        matched += reported_demands(self, tokens, {m[0].i for m in matched})
        matched += refusal_predicates(self, tokens)
        matched.sort(key=lambda m: (depth(m[0]), m[0].i))
        return matched

    def _verb_events(self, tokens: list[Token], consumed: set[int]) -> list[Candidate]:
        candidates = []
        for token, pattern, obj, comp in self._triggers(tokens):
            if token.i in consumed:
                continue
            candidate = quoted_demand(self, token, pattern, consumed)
            if candidate is None and pattern is REFUSAL_RULE and comp is not None:
                candidate = refusal(self, token, comp, consumed)
            elif candidate is None:
                candidate = self.verb_event(token, pattern, obj, comp, consumed)
            if candidate:
                candidates.append(candidate)
                continue
            if comp is not None:
                # "declined to resign" with no resolvable actor: the resignation still did not happen.
                consumed.update(t.i for t in xcomp_chain(comp))
            if self.roles.has("charge", pattern.type, pattern.mode):
                # "a citizen accused of plotting to kill the president": charged, though no accuser is named
                consumed.update(t.i for t in charged_acts(token))
        return candidates

    def verb_event(
        self, token: Token, pattern: Pattern, obj: Token | None, comp: Token | None, consumed: set[int]
    ) -> Candidate | None:
        """The event of a verb trigger, as the verb constructions decide it, or None (a miss, noted)."""
        words = [token] + [
            c for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in pattern.particles)
        ]
        if pattern.objects and obj is not None:
            words.append(obj)
        mode = f"{':' + pattern.mode if pattern.mode else ''}"
        draft = Draft(
            pattern,
            token,
            obj,
            comp,
            consumed,
            event=pattern.type,
            mode=pattern.mode,
            words=words,
            notes=[f"pattern {pattern.source} {pattern.text!r} -> {pattern.type}{mode}"],
            scope=[token],
        )
        run_constructions(VERB_CONSTRUCTIONS, self, draft)
        return draft.candidate() if self._kept(draft) else None

    def _kept(self, draft: Draft) -> bool:
        """Whether the constructions kept the draft. A stopped one's miss is recorded (detente explain); a kept
        one goes into the article's memory, unless it is a backer named in passing, whom the next sentences do
        not go on about."""
        if draft.stopped:
            if draft.miss is not None:
                draft.miss.trace = draft.trace
                self.misses.append(draft.miss)
            return False
        if not draft.background:
            event = "" if draft.negated else draft.event
            reached = [f.entity for f in draft.recipients]
            self.memory.note_event(draft.token, [f.entity for f in draft.actors], event, draft.mode, reached)
        return True

    # ---- nouns ----

    def _noun_events(
        self, tokens: list[Token], consumed: set[int], triggers: set[int], judging: dict[int, Candidate]
    ) -> list[Candidate]:
        """Event nouns, outer ones first: an event noun inside another's phrase is its topic ("talks on the
        ceasefire", "the suspension of talks"), not an event of its own; but an act that a verb judges has
        taken place ("condemned Ethiopia's offensive": types.tsv presupposes, judged) is coded too."""
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and t.i not in consumed and self.is_noun_head(t)]
        candidates = []
        for token in sorted(nouns, key=lambda t: (depth(t), t.i)) if len(nouns) > 1 else nouns:
            candidate = self.noun_event(token, triggers, judging)
            if candidate:
                candidates.append(candidate)
                triggers.add(token.i)
        return candidates

    def _governing(self, token: Token) -> list[Token]:
        """The words above a noun whose event it may be the topic of: up to an adjunct gerund, whose clause is an
        act of its own ("launched the operation after gaining Moscow's approval"); none for a noun of standing
        support, which describes a name ("Russia, Assad's main ally, urged ..."), not what a verb is about."""
        if lemma(token) in self.words.ally_noun:
            return []
        above = []
        for ancestor in token.ancestors:
            above.append(ancestor)
            if ancestor.dep_ == "pcomp" and ancestor.head.lower_ in self.words.adjunct_gerund:
                break
        return above

    def noun_event(
        self, token: Token, governed: set[int], judging: dict[int, Candidate] | None = None
    ) -> Candidate | None:
        """The event of an event noun, as the noun constructions decide it, or None. A judged act's noun
        (types.tsv judged) is not governed by the verb that judges it, which its draft keeps as its judge."""
        patterns = self.noun_patterns(token)
        if not patterns or patterns[0].type == NOT_AN_EVENT:
            return None
        judging = judging if judging and patterns[0].type in self.roles.types("judged") else {}
        if any(a.i in governed and a.i not in judging for a in self._governing(token)):
            return None
        pattern = patterns[0]
        draft = Draft(
            pattern,
            token,
            None,
            None,
            governed,
            event=pattern.type,
            mode=pattern.mode,
            notes=[f"pattern {pattern.source} noun {pattern.lemma!r} -> {pattern.type}"],
            rivals=patterns,
            judge=next((judging[a.i] for a in token.ancestors if a.i in judging), None),
        )
        run_constructions(NOUN_CONSTRUCTIONS, self, draft)
        if not self._kept(draft):
            return None
        if draft.light is not None:
            draft.notes.append(f"light verb {draft.light.text!r}: its subject is the actor")
        return Candidate(
            draft.pattern,
            token,
            draft.event,
            draft.mode,
            draft.actors,
            draft.recipients,
            [token],
            phrase(token),
            draft.negated,
            draft.hypothetical,
            draft.future,
            notes=draft.notes,
            trace=draft.trace,
            background=draft.background,
        )

    # ---- the sentence's and the article's contexts and modes ----

    def _mode_from_cues(self, candidate: Candidate) -> None:
        """The weapon or method named in the trigger's clause gives the mode ("wounded two soldiers in a
        bomb attack": explosives), unless the trigger's own mode is more specific (modes.tsv)."""
        cues = mode_cues(self.lexicon).get(candidate.event)
        if not cues:
            return
        modes = [mode for mode, _ in self.lexicon.mode_cues[candidate.event]]
        if candidate.mode and candidate.mode not in modes:
            return  # a mode of another kind ("abduct", "targeted"): the trigger said it
        found = cues.counts(" ".join(t.lower_ for t in clause_words(candidate.trigger)))
        if not found:
            return
        row = min(int(key) for key in found)
        if candidate.mode and modes.index(candidate.mode) <= row:
            return
        candidate.notes.append(f"{modes[row]!r} named in the clause (modes.tsv): mode {modes[row]}")
        candidate.mode = modes[row]

    def article_contexts(self) -> list[str]:
        """The contexts the article is about: those whose cue words occur at least three times in it."""
        counts = self.article_counts
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        return [name for name, count in ranked if count >= ARTICLE_CONTEXT_HITS][:2]


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """One event per type and dyad in a sentence: the first trigger. Sectors tell dyads apart: troops shelling
    a town and rebels shooting soldiers in one sentence are two attacks within one state."""
    seen: set[tuple] = set()
    kept = []
    for c in candidates:
        key = (
            c.event,
            tuple(sorted((a.entity.code, a.entity.sector) for a in c.actors)),
            tuple(sorted((r.entity.code, r.entity.sector) for r in c.recipients)),
        )
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept
