"""Pronouns and speakers: whom "it", "she", "they" and "we" stand for, and who speaks a quote.

The antecedent rules (docs/actors.md, P1-P9) are tried in order; the first that decides wins. They read
the article's memory of the events coded so far, so "it" in a later sentence is the latest actor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from detente.actors.classes import code_kind
from detente.actors.entities import (
    FIRST_PERSON,
    NO_ONE,
    PERSONAL,
    PLURAL,
    REFLEXIVE,
    THIRD_SINGULAR_NEUTER,
    Found,
)
from detente.model import Entity
from detente.sentences.words import Word as Token
from detente.sentences.words import Words as Span


class PronounResolution:
    """The pronoun rules of ArticleActors, which provides the article (doc, mentions, memory, people)."""

    def _pronoun(self, token: Token) -> Found | None:
        found = self._antecedent(token)
        if found is not None:
            found.pronoun = True
        return found

    def _antecedent(self, token: Token) -> Found | None:
        for rule in self._antecedent_rules():
            found = rule(token)
            if found is not None:
                return None if found is NO_ONE else found
        return None

    def _antecedent_rules(self) -> tuple[Callable[[Token], Found | None], ...]:
        return (
            self._speaker_as_first_person,
            self._bound_to_subject,
            self._coordinated_object,
            self._reported_speaker,
            self._plural_noun_before,
            self._latest_person,
            self._nearest_name_before,
            self._latest_actor,
            self._latest_country_named,
        )

    def _speaker_as_first_person(self, token: Token) -> Found | None:
        """P1. First person inside a quote is the quote's speaker (also when the quote runs over several
        sentences); "our countries" is the main pair (rule 5); outside a quote "we" names no one."""
        lower = token.lower_
        if lower not in FIRST_PERSON:
            return None
        speaker = self.speaker_of(token)
        if not speaker:
            return NO_ONE
        head = token.head
        if lower in ("our", "we") and head.lemma_.lower() in self.gaz.words.pair_noun and head.tag_ == "NNS":
            return NO_ONE  # "our countries" is handled as the main pair
        return Found(self._pronoun_entity(token, speaker[0]), f"{token.text!r} inside a quote: the speaker")

    def _bound_to_subject(self, token: Token) -> Found | None:
        """P2. A reflexive ("blew himself up") is its clause's subject, and so is "their" owning a phrase of a
        clause whose subject names several ("Lebanon and Cyprus resumed talks on their border")."""
        lower = token.lower_
        subject = self._subject_outside(token)
        if subject is None:
            return None
        if lower not in REFLEXIVE and not (lower == "their" and token.dep_ == "poss" and subject.conjuncts):
            return None
        plural = bool(subject.conjuncts) or subject.tag_ in ("NNS", "NNPS")
        if plural != (lower in PLURAL) and lower not in ("himself", "herself"):
            return None
        found = [f for s in [subject, *subject.conjuncts] for f in self.entities(s)]
        if not found:
            return NO_ONE if lower in REFLEXIVE else None
        return Found(self._pronoun_entity(token, found[0].entity), f"{token.text!r}: its clause's subject")

    def _coordinated_object(self, token: Token) -> Found | None:
        """P3. The object pronoun of a verb coordinated with an earlier one stands for that verb's object when
        their number agrees ("convicted a French researcher and sentenced her")."""
        earlier = self._earlier_object(token)
        if earlier is None:
            return None
        return Found(self._pronoun_entity(token, earlier.entity), f"{token.text!r}: {earlier.why}")

    def _reported_speaker(self, token: Token) -> Found | None:
        """P4. In reported speech ("X said it/she ...") the speaker, when person and pronoun agree."""
        reporter = self.reporting_subject(token)
        if reporter is None:
            return None
        found = self.entities(reporter)
        person = bool(found) and (
            found[0].why.startswith("person")
            or "person" in found[0].why
            or reporter.lemma_.lower() in self.gaz.words.person_noun  # "the EU envoy": a person of the EU
        )
        if found and person == (token.lower_ in PERSONAL):
            return Found(
                self._pronoun_entity(token, found[0].entity), f"{token.text!r}: the subject of {reporter.head.text!r}"
            )
        return None

    def _plural_noun_before(self, token: Token) -> Found | None:
        """P5. "they" may stand for a plural noun before it in the sentence ("expel UN investigators if they
        tried to visit")."""
        if token.lower_ not in PLURAL:
            return None
        nouns = [
            t for t in token.sent if t.i < token.i and t.tag_ in ("NNS", "NNPS") and t.dep_ not in ("compound", "poss")
        ]
        for noun in reversed(nouns):
            found = self._resolve_head(noun, allow_context=False)
            if found is not None:
                return Found(self._pronoun_entity(token, found.entity), f"{token.text!r}: {noun.text!r} before it")
        return None

    def _latest_person(self, token: Token) -> Found | None:
        """P6. "he" and "she" are the latest person named, outside the subject of their own clause when they
        stand in its object ("Ruto welcomed his visit": someone else's)."""
        if token.lower_ not in PERSONAL:
            return None
        subject_codes = self._clause_subject_codes(token)
        for person in self._people_before(token):
            if person.code in subject_codes:
                continue  # "Ruto welcomed his visit": his is another's, or the actor's own would say so
            return Found(self._pronoun_entity(token, person), f"{token.text!r}: latest person")
        return None

    @staticmethod
    def _clause_subject(token: Token) -> Token | None:
        """The subject of the clause a pronoun stands in (of the nearest verb above it), unless a pronoun."""
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        return None if subject is None or subject.pos_ == "PRON" else subject

    def _subject_outside(self, token: Token) -> Token | None:
        """The subject of the pronoun's clause, when the pronoun stands outside that subject."""
        subject = self._clause_subject(token)
        return None if subject is None or token.i in {t.i for t in subject.subtree} else subject

    def _clause_subject_codes(self, token: Token) -> set[str]:
        """The codes of the subject of the pronoun's clause, when the pronoun stands outside that subject."""
        subject = self._subject_outside(token)
        return {f.entity.code for f in self.entities(subject)} if subject is not None else set()

    def _object_subject_codes(self, token: Token) -> set[tuple[str, str]]:
        """An object pronoun is not its own clause's subject, or it would be "itself": "Qatar urged it to
        attend" is someone else."""
        subject = self._clause_subject(token) if token.dep_ in ("dobj", "iobj", "dative", "pobj") else None
        if subject is None:
            return set()
        return {(f.entity.code, f.entity.sector) for f in self.entities(subject)}

    def _nearest_name_before(self, token: Token) -> Found | None:
        """P7. "it" takes the nearest state or organisation named before it in the sentence: "Ukraine broke
        off relations with Russia after it annexed ..."; as an object, not its clause's subject."""
        if token.lower_ not in THIRD_SINGULAR_NEUTER:
            return None
        subject_codes = self._object_subject_codes(token)
        before = [
            m
            for m in self.mentions
            if token.sent.start <= m.start < token.i
            and m.name.code
            and m.name.kind in ("country", "capital", "organisation")
            and (m.name.code, m.name.sector) not in subject_codes
        ]
        for mention in reversed(before):
            entity = Entity(
                text=token.text,
                code=mention.name.code,
                sector=mention.name.sector,
                name=mention.name.name if mention.name.kind == "organisation" else "",
                start=token.idx,
                end=token.idx + len(token.text),
            )
            return Found(entity, f"{token.text!r}: nearest name before it, {mention.text!r}")
        return None

    def _latest_actor(self, token: Token) -> Found | None:
        """P8. Else the latest actor of an event (for "it", a state, government or organisation); as an
        object, not its clause's subject."""
        subject_codes = self._object_subject_codes(token)
        for _, actors in self.memory.latest(token.i):
            candidates = [a for a in actors if (a.code, a.sector) not in subject_codes]
            if token.lower_ in THIRD_SINGULAR_NEUTER:
                candidates = [a for a in candidates if _is_body(a)]
            if candidates:
                return Found(self._pronoun_entity(token, candidates[0]), f"{token.text!r}: latest actor")
        return None

    def _latest_country_named(self, token: Token) -> Found | None:
        """P9. Else the latest country named."""
        code = self._latest_country(token.i)
        if not code:
            return None
        return Found(
            Entity(text=token.text, code=code, start=token.idx, end=token.idx + len(token.text)),
            f"{token.text!r}: latest country named",
        )

    def _earlier_object(self, token: Token) -> Found | None:
        """ "convicted a Danish citizen and sentenced him": the object pronoun of a verb coordinated with
        an earlier one stands for that verb's object, when their number agrees; "others" stands for more of
        its kind ("killed one soldier and wounded two others")."""
        verb = token.head
        if token.dep_ != "dobj" or verb.dep_ != "conj":
            return None
        first = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if first is None or first.pos_ == "PRON":
            return None
        plural = first.tag_ in ("NNS", "NNPS") or bool(first.conjuncts)
        if plural != (token.lower_ in PLURAL) and token.lower_ != "others":
            return None
        found = self._resolve_head(first, allow_context=False)
        if found is None:
            return None
        return Found(found.entity, f"the object of {verb.head.text!r} before it, {first.text!r}")

    def reporting_subject(self, token: Token) -> Token | None:
        """For a pronoun in reported speech ("X said it/she ..."), the subject X of the speech verb."""
        for ancestor in token.ancestors:
            if ancestor.lemma_ in self.gaz.words.speech_verb and ancestor.pos_ == "VERB":
                speaker = ancestor
                while speaker.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in speaker.children):
                    speaker = speaker.head  # "Germany recognized ... and said it would ..."
                subject = next((c for c in speaker.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i < token.i and subject.pos_ != "PRON":
                    return subject
                return None
        return None

    def _people_before(self, token: Token) -> list[Entity]:
        """People named before a token, nearest first (same sentence first)."""
        found: list[Entity] = []
        for i in reversed(self.proper_nouns[: bisect_left(self.proper_nouns, token.i)]):
            other = self.doc[i]
            mention = self.by_token.get(i)
            person = mention.name if mention and mention.name.kind == "person" else self.people.get(other.text)
            if person and person.kind == "person" and not person.code:
                person = self._place_person(person, other)
            if person and person.kind == "person" and person.code:
                found.append(Entity(text=other.text, code=person.code, sector=person.sector, name=person.name))
                break
        for index, actors in self.memory.latest(token.i):  # whom the events told of, as actors or recipients
            found += [a for a in self.memory.parties(index, actors) if self._a_person(a)]
        return found

    def _a_person(self, entity: Entity) -> bool:
        """A named person of a state, or one a person noun stands for ("the leader of the opposition party")."""
        if entity.name and entity.sector in ("GOV", "LEG", "JUD", "OPP", "ELI", "MIL"):
            return True
        words = entity.text.split()
        return bool(words) and words[-1].lower() in self.gaz.words.person_noun

    def _pronoun_entity(self, token: Token, antecedent: Entity) -> Entity:
        """The pronoun's mention, standing for its antecedent: whose name (or, for a state or a sector noun,
        whose words) it carries in `name` ("it" -> "Russia")."""
        return Entity(
            text=token.text,
            code=antecedent.code,
            sector=antecedent.sector,
            name=antecedent.name or (antecedent.text if antecedent.text != token.text else ""),
            start=token.idx,
            end=token.idx + len(token.text),
        )

    def speaker_of(self, token: Token) -> list[Entity]:
        """Who says the quoted words a token stands in, if it stands inside a quote."""
        if not self.inside_quote or not self.inside_quote[token.i]:
            return []
        sent = token.sent
        speaker = self._sentence_speaker(sent)
        if speaker:
            return speaker
        # A quote running on from earlier sentences keeps its speaker: the nearest quoting sentence of the run
        # before it that names one ('"There is no blockade," a spokesman said. "Armenia must stop ..."').
        earlier = [s for s in self.doc.sents if s.start < sent.start]
        for before in reversed(earlier):
            if not any(self.inside_quote[t.i] for t in before):
                break  # narrative between: the run of quotes ended
            found = self._sentence_speaker(before)
            if found:
                return found
        for start in sorted(self.speakers, reverse=True):
            if start < sent.start:
                return self.speakers[start]
        # The speaker may come after the quote: 'said X.' in a later sentence.
        for later in self.doc.sents:
            if later.start > sent.start:
                found = self._sentence_speaker(later)
                if found:
                    return found
                if not any(self.inside_quote[t.i] for t in later):
                    break
        return []

    def _sentence_speaker(self, sent: Span) -> list[Entity]:
        if sent.start in self.speakers:
            return self.speakers[sent.start]
        verb = self.speech_head(sent)
        if verb is None:
            return []
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if subject.lower_ in FIRST_PERSON:
            return []
        found = [f.entity for f in self.entities(subject)] or self._spokesperson_of_latest(subject)
        if found:
            self.speakers[sent.start] = found
        return found

    def _spokesperson_of_latest(self, subject: Token) -> list[Entity]:
        """ "a spokesman said", "the official added": a person named only by office speaks for the body that
        acted just before (the latest actor, a state, government or organisation)."""
        if subject.lemma_.lower() not in self.gaz.words.person_noun | self.gaz.words.role_noun:
            return []
        if any(c.dep_ in ("poss", "compound", "amod", "prep", "appos") for c in subject.children):
            return []  # "a Kenyan spokesman", "the spokesman of the party": the phrase says whose
        for _, actors in self.memory.latest(subject.i):
            bodies = [a for a in actors if _is_body(a)]
            if bodies:
                return [self._pronoun_entity(subject, bodies[0])]
        return []


def _is_body(entity: Entity) -> bool:
    """A state, its government or an organisation: what "it" and a bare spokesman stand for."""
    return entity.sector in ("", "GOV") or code_kind(entity.code) in ("IGO", "NGO", "MNC")
