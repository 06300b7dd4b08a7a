"""The records that flow between kg's stages.

Every stage after NLP speaks in these frozen dataclasses; nothing downstream of
:mod:`kg.extract.nlp` sees a spaCy object. ``Record.to_dict`` gives the extraction record
``kg extract`` prints (JSON-ready; fields in docs/records.md, JSON Schema in :func:`json_schema`),
``from_dict`` reads it back.

>>> s = Span("deploy", 10, 16)
>>> Span.from_dict(s.to_dict()) == s
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from typing import Any

__all__ = [
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "IDENTITY_RULES",
    "MODALITIES",
    "RELATION_TYPES",
    "RESOLUTION_RULES",
    "Article",
    "Entity",
    "Event",
    "Mention",
    "Quantity",
    "Record",
    "Relation",
    "SkipReason",
    "Span",
    "TimeValue",
    "content_id",
    "ingest_key",
    "json_schema",
]

ENTITY_TYPES = ("Person", "Organization", "NewsOutlet", "Country", "Place", "Group")
EVENT_TYPES = (
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
MODALITIES = ("asserted", "planned", "possible", "negated")
RELATION_TYPES = ("allied_with", "member_of", "leader_of", "affiliated_with", "supports", "opposes")
# Why a mention was resolved to its entity (kg:rule in the graph). The first four say the mention *is* the
# entity's name; the others join a different surface form to it and are what `kg entities --merged` lists.
RESOLUTION_RULES = {
    "name": "the entity's own name in the article (the same text, up to case, a determiner, a possessive)",
    "wikidata": "the canonical name of a gazetteer entry with a Wikidata id (the node is that id)",
    "gazetteer": "the canonical name of a gazetteer entry without a Wikidata id",
    "override-split": "split off by the override file: its own node",
    "alias": "an alias of a gazetteer entry (Kremlin -> Russia, U.S. -> United States)",
    "normalised-name": "a gazetteer name written differently (case, punctuation)",
    "surname": "a person's surname, after the full name in the same article (Petrenko -> Olena Petrenko)",
    "demonym": "a demonym standing for its state (Russian missiles -> Russia)",
    "state-body": "a phrase naming a state's government (the Ukrainian government -> Ukraine)",
    "armed-forces": "a state's troops or forces (Russian troops -> Russian forces)",
    "definite-description": "a definite description of an earlier role phrase (the diplomat -> an anonymous diplomat)",
    "apposition": "a role phrase set before a name by a comma (Oman's emir, Sheikh Said -> Said)",
    "author": "a first-person pronoun of a statement or readout, standing for the author its title names (I -> Jane Roe)",
    "patronymic": "a first name and patronymic, after the full name in the same article (Alexander Grigoryevich "
    "-> Alexander Lukashenko)",
    "first-name": "a first name alone, after the one person named in full with it in the same article (Bill -> Bill "
    "Burns)",
    "abbreviation": "an abbreviation given in brackets after the name, and its later uses (the Ukraine Recovery "
    "Conference (URC) -> Ukraine Recovery Conference)",
    "newsroom": "an outlet's own reporter reporting (an Ukrinform correspondent -> Ukrinform)",
    "override-merge": "joined by the override file",
}
IDENTITY_RULES = ("name", "wikidata", "gazetteer", "override-split")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the record ``Record.to_dict`` gives, shipped beside this module.

    >>> sorted(json_schema()["required"])
    ['article', 'entities', 'events', 'relations']
    """
    text = resources.files(__package__).joinpath("records.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def content_id(*parts: object, length: int = 12) -> str:
    """A short deterministic id from content: the same parts always give the same id.

    >>> content_id("seed", 10, "deploy")
    '6aec1a9d9813'
    """
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def ingest_key(article: Article, extractor_fingerprint: str) -> str:
    """Same article text and metadata, same extractor (code, lexicons, model): nothing to redo."""
    return content_id(article.content_hash, extractor_fingerprint, length=40)


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> Span:
        return cls(d["text"], int(d["start"]), int(d["end"]))


@dataclass(frozen=True)
class Mention(Span):
    """A span that mentions an entity, with the rule that resolved it to the entity (:data:`RESOLUTION_RULES`).

    >>> m = Mention("Kremlin", 4, 11, "alias")
    >>> Mention.from_dict(m.to_dict()) == m, Mention.from_dict({"text": "x", "start": 0, "end": 1}).rule
    (True, 'name')
    """

    rule: str = "name"

    def to_dict(self) -> dict:
        return {**super().to_dict(), "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict) -> Mention:
        return cls(d["text"], int(d["start"]), int(d["end"]), d.get("rule") or "name")


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is the body exactly as offsets count it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, never invented
    source: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from, for messages

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "date": self.date, "source": self.source, "url": self.url}

    @property
    def content_hash(self) -> str:
        return content_id(self.id, self.title, self.date, self.source, self.url, self.text, length=40)


@dataclass(frozen=True)
class Quantity:
    """A structured amount: ``over 10,000 troops`` -> 10000, troops, approximate, qualifier 'over'."""

    value: float
    unit: str
    approximate: bool = False
    qualifier: str | None = None  # over | about | up to | nearly | at least | ...
    text: str | None = None

    def to_dict(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        d = {"value": value, "unit": self.unit, "approximate": self.approximate}
        if self.qualifier:
            d["qualifier"] = self.qualifier
        if self.text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict | None) -> Quantity | None:
        if not d:
            return None
        return cls(d["value"], d["unit"], bool(d.get("approximate")), d.get("qualifier"), d.get("text"))


@dataclass(frozen=True)
class TimeValue:
    """A time expression normalised against the article date.

    ``start``/``end`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or None when the text
    gives a time that cannot be placed, e.g. "winter" in an undated article).
    ``granularity`` is one of day, month, year, season, week, interval, unknown.
    """

    text: str
    start: str | None = None
    end: str | None = None
    granularity: str = "unknown"

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "granularity": self.granularity}

    @classmethod
    def from_dict(cls, d: dict | None) -> TimeValue | None:
        if not d:
            return None
        return cls(d.get("text") or "", d.get("start"), d.get("end"), d.get("granularity", "unknown"))


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()  # Mention records from the extractor; a plain Span counts as rule "name"
    sector: str | None = None  # PLOVER-style actor sector code from the gazetteer or the agent nouns
    # the id of the Country entity (in the same record) a collective or an office holder belongs to:
    # "Hungarian officials" -> Hungary; a dictionary's office holder when the offices' dates cover the article's
    country: str | None = None
    # a compound collective's states, each a Country entity id ("Senior Hungarian and Romanian officials" ->
    # Hungary, Romania); set instead of ``country`` when the phrase names more than one
    countries: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d: dict = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "wikidata": self.wikidata,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.sector:
            d["sector"] = self.sector
        if self.country:
            d["country"] = self.country
        if self.countries:
            d["countries"] = list(self.countries)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Entity:
        mentions = tuple(Mention.from_dict(m) for m in d.get("mentions", ()))
        return cls(
            d["id"],
            d["name"],
            d["type"],
            d.get("wikidata"),
            mentions,
            d.get("sector"),
            d.get("country"),
            tuple(d.get("countries", ())),
        )


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    trigger: Span
    evidence: Span
    modality: str = "asserted"
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    quantity: Quantity | None = None
    time: TimeValue | None = None
    sources: tuple[str, ...] = ()  # entity ids, outermost first; () is the article's own voice
    confidence: float = 0.5
    explain: tuple[str, ...] = field(default=(), compare=False)  # why: lexicon entry, modality cue, source cue

    def to_dict(self, *, explain: bool = False) -> dict:
        d = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_dict(),
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "locations": list(self.locations),
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "modality": self.modality,
            "time": self.time.to_dict() if self.time else None,
            "sources": list(self.sources),
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }
        if explain:
            d["explain"] = list(self.explain)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            trigger=Span.from_dict(d["trigger"]),
            evidence=Span.from_dict(d["evidence"]),
            modality=d.get("modality", "asserted"),
            mode=d.get("mode"),
            actors=tuple(d.get("actors", ())),
            recipients=tuple(d.get("recipients", ())),
            locations=tuple(d.get("locations", ())),
            quantity=Quantity.from_dict(d.get("quantity")),
            time=TimeValue.from_dict(d.get("time")),
            sources=tuple(d.get("sources", ())),
            confidence=float(d.get("confidence", 0.5)),
            explain=tuple(d.get("explain", ())),
        )


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    subject: str
    object: str
    evidence: Span
    modality: str = "asserted"
    sources: tuple[str, ...] = ()
    confidence: float = 0.5

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "modality": self.modality,
            "sources": list(self.sources),
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Relation:
        return cls(
            d["id"],
            d["type"],
            d["subject"],
            d["object"],
            Span.from_dict(d["evidence"]),
            d.get("modality", "asserted"),
            tuple(d.get("sources", ())),
            float(d.get("confidence", 0.5)),
        )


class SkipReason(str, Enum):
    """Why kg extracted nothing from an article it read (a build counts each by its value)."""

    NOT_ENGLISH = "not-english"  # the text does not read as English


@dataclass(frozen=True)
class Record:
    """Everything kg extracted from one article; ``skipped`` says why it is empty when kg passed it over."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    extractor: str = field(default="", compare=False)  # fingerprint of the extractor that made it
    skipped: SkipReason | None = field(default=None, compare=False)

    @property
    def ingest_key(self) -> str:
        """What the store compares to skip unchanged work: the article's content and the extractor."""
        return ingest_key(self.article, self.extractor)

    def to_dict(self, *, explain: bool = False) -> dict:
        d = {
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict(explain=explain) for e in self.events],
            "relations": [r.to_dict() for r in self.relations],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, d: dict, *, text: str = "") -> Record:
        a = d["article"]
        article = Article(a["id"], text, a.get("title"), a.get("date"), a.get("source"), a.get("url"))
        return cls(
            article,
            tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            tuple(Event.from_dict(e) for e in d.get("events", ())),
            tuple(Relation.from_dict(r) for r in d.get("relations", ())),
            tuple(d.get("warnings", ())),
        )

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)
