"""The records detente reads and writes: Article in, Event out (documented in docs/events.md)."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# PLOVER manual, "Quad category" of each event type.
QUAD: dict[str, str] = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}

# PLOVER manual, table "PLOVER conflict--cooperation scores" (type, then type: mode).
# The manual prints ACCUSE as 3, which contradicts its own modes (-2 to -3.5) and the quad
# category; we use -3 and say so in docs/events.md.
INTENSITY: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5,
    "CONSULT:visit": 4,
    "CONSULT:third-party": 1,
    "CONSULT:multilateral": 4,
    "CONSULT:phone": 1.5,
    "SUPPORT": 5,
    "CONCEDE": 4.5,
    "COOPERATE": 9.5,
    "AID": 10,
    "RETREAT": 6.5,
    "RETREAT:withdraw": 8,
    "RETREAT:release": 6.5,
    "RETREAT:disarm": 10,
    "RETREAT:ceasefire": 7.5,
    "RETREAT:access": 6.5,
    "RETREAT:resign": 4.5,
    "REQUEST": 0,
    "REQUEST:assist": 0.5,
    "REQUEST:change": -1,
    "REQUEST:yield": -1,
    "REQUEST:meet": 0,
    "ACCUSE": -3,
    "ACCUSE:disapprove": -2,
    "ACCUSE:investigate": -3.5,
    "ACCUSE:allege": -3.5,
    "REJECT": -2,
    "REJECT:assist": -1.5,
    "REJECT:change": -2,
    "REJECT:yield": -2,
    "REJECT:meet": -2,
    "THREATEN": -3.5,
    "THREATEN:restrict": -3,
    "THREATEN:arrest": -3.5,
    "THREATEN:relations": -3.5,
    "THREATEN:expel": -3.5,
    "THREATEN:territory": -4,
    "THREATEN:violence": -3.5,
    "PROTEST": -5,
    "PROTEST:demo": -5,
    "PROTEST:riot": -7,
    "PROTEST:strike": -5,
    "PROTEST:hunger": -4.5,
    "PROTEST:boycott": -4.5,
    "PROTEST:obstruct": -4.5,
    "PROTEST:vandalize": -5,
    "SANCTION": -6,
    "SANCTION:convict": -6,
    "SANCTION:expel": -5.5,
    "SANCTION:withdraw": -6,
    "SANCTION:discontinue": -6,
    "MOBILIZE": -5.5,
    "MOBILIZE:troops": -6.5,
    "MOBILIZE:weapons": -6.5,
    "MOBILIZE:police": -5.5,
    "MOBILIZE:militia": -6,
    "COERCE": -7,
    "COERCE:seize": -7,
    "COERCE:restrict": -7,
    "COERCE:censor": -6.5,
    "COERCE:curfew": -6.5,
    "COERCE:martial-law": -7.5,
    "COERCE:arrest": -7,
    "COERCE:deport": -7,
    "COERCE:withhold": -7,
    "COERCE:misinformation": -6.5,
    "COERCE:cyber": -7,
    "ASSAULT": -9,
    "ASSAULT:abduct": -8.5,
    "ASSAULT:beat": -7.5,
    "ASSAULT:torture": -8.5,
    "ASSAULT:sexual": -8.5,
    "ASSAULT:targeted": -9.5,
    "ASSAULT:destroy": -8.5,
    "ASSAULT:primitive": -8,
    "ASSAULT:firearms": -9,
    "ASSAULT:explosives": -9,
    "ASSAULT:suicide-attack": -9.5,
    "ASSAULT:aerial": -9.5,
    "ASSAULT:drone": -9.5,
    "ASSAULT:heavy-weapons": -9.5,
    "ASSAULT:crowd-control": -7.5,
    "ASSAULT:unconventional": -10,
}

# Modes per type, from the PLOVER manual's mode tables.
MODES: dict[str, frozenset[str]] = {
    t: frozenset(k.split(":", 1)[1] for k in INTENSITY if k.startswith(t + ":")) for t in PLOVER_TYPES
}

CONTEXTS: frozenset[str] = frozenset(
    """military intelligence executive legislative election political_institutions pro_democracy
    pro_autocracy economic legal reparations human_rights rights_freedoms repression human_security
    gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration
    disasters natural_resource environment technology terrorism cbrn cyber misinformation crime
    corruption illegal_drugs trafficking""".split()
)

SECTORS: frozenset[str] = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)

DatePrecision = Literal["day", "week", "month", "year", "none"]


def intensity_of(event_type: str, mode: str = "") -> float:
    """The PLOVER conflict-cooperation score of a type and mode."""
    return float(INTENSITY.get(f"{event_type}:{mode}", INTENSITY[event_type]))


class Article(BaseModel):
    """One news article to code."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    text: str
    date: dt.date | None = None
    title: str = ""
    url: str = ""
    summary_only: bool = False  # a feed entry that carried only its summary: the summary is what was coded

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("text", mode="before")
    @classmethod
    def _plain_text(cls, value: object) -> object:
        return plain_text(value) if isinstance(value, str) else value

    @field_validator("date", mode="before")
    @classmethod
    def _publication_day(cls, value: object) -> object:
        return publication_day(value)

    def content_hash(self) -> str:
        """A hash of everything that changes the coding of this article."""
        payload = json.dumps([self.text, self.date.isoformat() if self.date else None, self.title])
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def plain_text(text: str) -> str:
    """A leading byte-order mark removed, and NUL characters made line breaks (a line break ends a sentence),
    so that neither hides the first sentence's event nor glues two sentences into one (issue 18)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", "\n")


_COMPACT_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{6})?$")  # GDELT: 20230510, 20230510100000


def publication_day(value: object) -> object:
    """The day of a publication date given as a date, a datetime, an ISO date or date-time (with or without
    a zone: the day as the zone gives it), a compact GDELT stamp, or an e-mail/RSS date; anything else as it
    was, for the model to reject."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, int) and not isinstance(value, bool) and 10_000_000 <= value <= 99_991_231:
        value = str(value)  # 20230510 as a number (GDELT SQLDATE)
    if not isinstance(value, str):
        return value
    text = value.strip()
    compact = _COMPACT_STAMP.match(text)
    if compact:
        text = "-".join(compact.groups()[:3])
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.fromisoformat(t).date(), _rfc2822_day):
        try:
            return parse(text)
        except (ValueError, TypeError, IndexError):
            continue
    return value


def _rfc2822_day(text: str) -> dt.date:
    if not text[:1].isalpha():  # "Wed, 10 May 2023 ..." or "10 May 2023 ...": parsedate guesses at anything
        if not re.match(r"^\d{1,2} [A-Z][a-z]{2} \d{4}", text):
            raise ValueError(text)
    return email.utils.parsedate_to_datetime(text).date()


class Entity(BaseModel):
    """An actor or recipient: a state (ISO alpha-3), or an IGO/NGO/MNC, with its PLOVER sector."""

    model_config = ConfigDict(extra="ignore")

    text: str
    code: str
    sector: str = ""
    name: str = ""
    start: int | None = None  # character offsets of the mention in the article text
    end: int | None = None
    # The code came from the article, not from a name in the event's own words: a pronoun, "the country", an
    # earlier sentence's phrase, the state a place lies in, the one who condemns a measure aimed at no one named.
    inferred: bool = False


LocationPrecision = Literal["city", "adm1", "country", "none"]


class Location(BaseModel):
    """Where an event happened, resolved against GeoNames (docs/events.md, "Locations")."""

    model_config = ConfigDict(extra="ignore")

    name: str = ""  # the place ("Tripoli"), an ADM1 ("Crimea") or the state's name at country precision
    country: str = ""  # ISO 3166-1 alpha-3
    adm1: str = ""  # first-level division's name ("Liban-Nord"), where GeoNames gives one
    adm1_code: str = ""  # GeoNames admin1 code, ISO2 and code ("LB.09")
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: LocationPrecision = "none"
    why: str = ""  # how it was chosen: trigger, sentence, dateline, actor, recipient, ...


class Mention(BaseModel):
    """One place where an article tells an act: the sentence and the trigger words' character offsets."""

    model_config = ConfigDict(extra="ignore")

    sentence_index: int
    trigger_start: int
    trigger_end: int


class Event(BaseModel):
    """One coded PLOVER event, traceable to its sentence and trigger words."""

    model_config = ConfigDict(extra="ignore")

    doc_id: str
    event_id: str
    event: str
    mode: str = ""
    context: list[str] = Field(default_factory=list)
    actor: list[Entity] = Field(default_factory=list)
    recipient: list[Entity] = Field(default_factory=list)
    date: str | None = None
    date_precision: DatePrecision = "none"
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    actor_guessed: bool = False  # the actor's state was guessed from the article (docs/coding.md, guessed-actor)
    background: bool = False  # a standing relation told in passing ("US-backed forces"), not news of the day
    intensity: float = 0.0
    quad: str = ""
    # The CAMEO event code and root that type, mode and context map to (events/data/cameo.tsv), for joins with
    # GDELT, ICEWS and PETRARCH data; "" for an event no coder gave one.
    cameo_code: str = ""
    cameo_root: str = ""
    object: str = ""  # what the event is about: "diplomatic ties", "the import of Georgian wine"
    location: str = ""  # the place named on the trigger, as written; `place` says where the event happened
    place: Location = Field(default_factory=Location)
    sentence_index: int = 0
    sentence: str = ""
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    pattern: str = ""  # the lexicon entry that fired, as "file:line"
    url: str = ""
    # Every place the article tells this act, in text order: the lead, a quote and a recap of one act are one
    # event (detente/acts.py). The first is the record's own sentence and trigger.
    mentions: list[Mention] = Field(default_factory=list)

    @field_validator("event")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in PLOVER_TYPES:
            raise ValueError(f"not a PLOVER event type: {value!r}")
        return value

    @model_validator(mode="after")
    def _told_at_least_once(self) -> Event:
        # An event made without mentions (by hand, or read from an older store) is told once: by its own trigger.
        if not self.mentions:
            self.mentions = [
                Mention(
                    sentence_index=self.sentence_index, trigger_start=self.trigger_start, trigger_end=self.trigger_end
                )
            ]
        return self

    def dedup_key(self) -> tuple:
        """What makes two reports the same event (type, mode, actors, recipients, date), as GDELT counts mentions."""
        return (
            self.event,
            self.mode,
            tuple(sorted({e.code for e in self.actor})),
            tuple(sorted({e.code for e in self.recipient})),
            self.date or "",
        )

    def dyad(self) -> tuple[str, str]:
        """First actor and recipient codes, as (actor, recipient); '' where absent."""
        return (self.actor[0].code if self.actor else "", self.recipient[0].code if self.recipient else "")


def make_event_id(doc_id: str, sentence_index: int, trigger_start: int, event_type: str) -> str:
    """A deterministic event id: the same article coded again gives the same ids."""
    digest = hashlib.sha1(f"{doc_id}\x1f{sentence_index}\x1f{trigger_start}\x1f{event_type}".encode())
    return digest.hexdigest()[:16]
