"""Records -> RDF, under the kg ontology, one named graph per article.

IRIs are minted from content, so a rebuild gives the same graph. Named actors (states,
organisations, outlets, places, people named in full) get one IRI across all articles (from their
Wikidata id when known, else from type and normalised name); unnamed ones ("an anonymous European
diplomat", "Western officials") and lone surnames ("Petrenko") are scoped to their article: two
articles' anonymous diplomats, or two articles' Petrenkos, are not assumed to be the same person.

>>> from kg.graph.records import Article, Record
>>> ds = record_dataset([Record(Article("a1", "Nothing happened."))])
>>> len(list(ds.graphs())) >= 1
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.graph.namespace import KG, OA, PLOVER, PREFIXES, RES, SEM, WIKIDATA
from kg.graph.records import Entity, Event, Quantity, Record, Relation, content_id

__all__ = [
    "ENTITIES_GRAPH",
    "EVENTS_GRAPH",
    "article_graph",
    "article_iri",
    "entity_graph",
    "entity_iri",
    "event_graph",
    "graph_iri",
    "new_dataset",
    "record_dataset",
    "record_graph",
    "time_literal",
]

ENTITY_CLASSES = {t: KG[t] for t in ("Person", "Organization", "NewsOutlet", "Country", "Place", "Group")}


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    return ds


def _plain(text: str) -> str:
    """``text`` as lowercase ASCII words, one space apart: no case, accents or punctuation."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def _slug(text: str) -> str:
    return _plain(text).replace(" ", "-")[:60] or content_id(text, length=8)


def article_iri(article_id: str) -> URIRef:
    return RES[f"article/{quote(article_id, safe='')}"]


def graph_iri(article_id: str) -> URIRef:
    return RES[f"graph/{quote(article_id, safe='')}"]


# Who an entity is (type, label, aliases, Wikidata id) is stated once, in this shared graph, not in every
# article that mentions it: the union of the article graphs then holds each fact once, and joins stay small.
ENTITIES_GRAPH = RES["graph/entities"]
# What an event is (type, participants, label) is fixed by its IRI (see event_key), so it too is stated once,
# in a shared graph; what each report says of it (modality, time, mode, quantity, sources) stays on the
# report's claim, in the report's article graph. An event reported by 50 articles is then 50 claims about
# one event node, not 50 copies of the node that every join would multiply.
EVENTS_GRAPH = RES["graph/events"]


def is_named(entity: Entity) -> bool:
    """Named actors are shared across articles; role phrases, collectives and lone surnames are not.

    >>> is_named(Entity("e", "Russia", "Country", "Q159")), is_named(Entity("e", "defence ministry", "Organization"))
    (True, False)
    >>> is_named(Entity("e", "Olena Petrenko", "Person")), is_named(Entity("e", "Petrenko", "Person"))
    (True, False)
    """
    if entity.wikidata:
        return True
    if entity.type == "Group":
        return False
    words = [w for w in entity.name.split() if w[:1].isalpha()]
    if entity.type == "Person":  # a full name: a surname alone ("Petrenko") may be anyone's, so it stays local
        return len(words) > 1 and all(w[:1].isupper() for w in words)
    return any(w[:1].isupper() for w in words)


def entity_iri(entity: Entity, article_id: str) -> URIRef:
    if entity.wikidata:
        return RES[f"entity/{entity.wikidata}"]
    slug = f"{entity.type.lower()}-{_slug(entity.name)}"
    if is_named(entity):
        return RES[f"entity/{slug}"]
    return RES[f"entity/{slug}-{content_id(article_id, entity.name, length=8)}"]


def event_iri(record: Record, event: Event, key: str | None = None) -> URIRef:
    """Reports of the same event share one IRI across articles (see :func:`event_key`); others are per article."""
    key = key if key is not None else event_key(record, event)
    if key is not None:
        return RES[f"event/{key}"]
    return RES[f"event/{content_id(record.article.id, event.id, length=16)}"]


def event_key(record: Record, event: Event) -> str | None:
    """What makes two reports the same event: type, the same named actors, recipients and places, and the
    same month (the event's stated time, else the publication month). Conservative on purpose: reports
    that name different participants, or an unnamed one ("Western officials"), stay apart; so do events
    of undated articles with no stated time.

    >>> from kg.graph.records import Article, Span
    >>> e = Entity("e1", "Russia", "Country", "Q159"); u = Entity("e2", "Ukraine", "Country", "Q212")
    >>> ev = Event("v1", "ASSAULT", Span("x", 0, 1), Span("x", 0, 1), actors=("e1",), recipients=("e2",))
    >>> a = Record(Article("a", "x", date="2022-02-24"), (e, u), (ev,)); b = Record(Article("b", "y", date="2022-02-25"), (e, u), (ev,))
    >>> event_key(a, ev) == event_key(b, ev) is not None
    True
    """
    window = (event.time.start if event.time and event.time.start else record.article.date or "")[:7]
    groups = _named_participants(record, event)
    if len(window) < 7 or groups is None:
        return None
    return content_id(event.type, *groups, window, length=16)


def event_signature(record: Record, event: Event) -> str | None:
    """Type and named participants, whatever the month: a plan and the later report of it being carried
    out share it (see :mod:`kg.derive.plans`). None where :func:`event_key` would not merge the event."""
    groups = _named_participants(record, event)
    return None if groups is None else content_id(event.type, *groups, length=16)


# Acts whose author is contested when reports differ on it ("Russia shelled Kharkiv" / "Ukraine shelled
# Kharkiv"); for the others (AID, CONSULT...) several actors doing the same on one day is the normal case.
CONTESTED_TYPES = frozenset({"ASSAULT", "COERCE"})


def event_situation(record: Record, event: Event) -> str | None:
    """Type, named recipients and places, and the day the report gives, without the actors: two events
    that share it are reports that disagree on who did it ("Russia shelled Kharkiv on Monday" / "Ukraine
    shelled Kharkiv on Monday"). Only for :data:`CONTESTED_TYPES` with a stated day; else None.

    >>> from kg.graph.records import Article, Span, TimeValue
    >>> e = Entity("e1", "Russia", "Country", "Q159"); k = Entity("e2", "Kharkiv", "Place", "Q42308")
    >>> ev = Event("v1", "ASSAULT", Span("x", 0, 1), Span("x", 0, 1), actors=("e1",), locations=("e2",),
    ...            time=TimeValue("on Monday", "2024-03-04", "2024-03-04", "day"))
    >>> event_situation(Record(Article("a", "x"), (e, k), (ev,)), ev) is not None
    True
    """
    day = event.time.start if event.time and event.time.start else ""
    groups = _named_participants(record, event)
    if event.type not in CONTESTED_TYPES or len(day) < 10 or groups is None:
        return None
    return content_id(event.type, *groups[1:], day, length=16)


def _named_participants(record: Record, event: Event) -> list[str] | None:
    """The event's actors, recipients and places as three sorted IRI lists, if all are named and it has
    an actor and a recipient or place; else None."""
    if not event.actors or not (event.recipients or event.locations):
        return None
    entities = {e.id: e for e in record.entities}
    groups = []
    for ids in (event.actors, event.recipients, event.locations):
        members = [entities[i] for i in ids]
        if not all(is_named(m) for m in members):
            return None
        groups.append(",".join(sorted(str(entity_iri(m, record.article.id)) for m in members)))
    return groups


_TIME_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)


def time_literal(value: str) -> Literal:
    """A typed literal whose datatype is the granularity: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> time_literal("2022-02").datatype == XSD.gYearMonth
    True
    """
    for pattern, datatype in _TIME_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    raise ValueError(f"time {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def record_dataset(records: Iterable[Record], *, ds: Dataset | None = None) -> Dataset:
    """A Dataset with one named graph per article and the shared entity and event graphs."""
    ds = ds if ds is not None else new_dataset()
    for record in records:
        article_graph(record, ds.graph(graph_iri(record.article.id)))
        entity_graph(record, ds.graph(ENTITIES_GRAPH))
        event_graph(record, ds.graph(EVENTS_GRAPH))
    return ds


def record_graph(record: Record) -> Graph:
    """Everything about one article as one graph: its facts and its entities' and events' descriptions."""
    g = article_graph(record)
    entity_graph(record, g)
    event_graph(record, g)
    return g


def entity_graph(record: Record, g: Graph | None = None) -> Graph:
    """Who the article's entities are: type, label, aliases, Wikidata id, sector (the shared graph's part)."""
    g = g if g is not None else Graph(bind_namespaces="core")
    iris = {e.id: entity_iri(e, record.article.id) for e in record.entities}
    for e in record.entities:
        _entity(g, e, iris[e.id])
        for state in (e.country, *e.countries):
            if state in iris:
                g.add((iris[e.id], KG.country, iris[state]))
    return g


def event_graph(record: Record, g: Graph | None = None) -> Graph:
    """What the article's events are: type, label, actors, recipients, places (the shared graph's part).
    All of it follows from the event's IRI, so every report of one event writes the same triples."""
    g = g if g is not None else Graph(bind_namespaces="core")
    iris = {e.id: entity_iri(e, record.article.id) for e in record.entities}
    for ev in record.events:
        key = event_key(record, ev)
        node = event_iri(record, ev, key)
        g.add((node, RDF.type, KG.Event))
        g.add((node, KG.eventType, PLOVER[ev.type]))
        label = _event_label(record, ev, merged=key is not None)
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, KG.sortKey, Literal(sort_key(label), datatype=XSD.decimal)))
        signature = event_signature(record, ev)
        if signature:
            g.add((node, KG.signature, Literal(signature)))
        for a in ev.actors:
            g.add((node, SEM.hasActor, iris[a]))
        for r in ev.recipients:
            g.add((node, KG.hasRecipient, iris[r]))
        for p in ev.locations:
            g.add((node, SEM.hasPlace, iris[p]))
    return g


def article_graph(record: Record, g: Graph | None = None) -> Graph:
    """What one article says, into ``g`` (a new graph by default): the article, where each entity is
    mentioned, its claims and relations. Entity and event descriptions go to :func:`entity_graph` and
    :func:`event_graph`."""
    g = g if g is not None else Graph(bind_namespaces="core")
    art = article_iri(record.article.id)
    _article(g, record, art)
    iris = {e.id: entity_iri(e, record.article.id) for e in record.entities}
    for e in record.entities:
        g.add((iris[e.id], KG.mentionedIn, art))
    _resolutions(g, record, iris, art)
    for ev in record.events:
        _event(g, record, ev, iris, art)
    for rel in record.relations:
        _relation(g, record, rel, iris, art)
    return g


def _resolutions(g: Graph, record: Record, iris: dict[str, URIRef], art: URIRef) -> None:
    """How the article's mentions were resolved: one kg:Resolution per (entity, surface form, rule), with
    the number of mentions, so that merges can be listed (``kg entities --merged``) and undone."""
    counts = Counter((iris[e.id], m.text, getattr(m, "rule", "name")) for e in record.entities for m in e.mentions)
    for (iri, text, rule), n in counts.items():
        node = RES[f"resolution/{content_id(record.article.id, iri, text, rule, length=16)}"]
        g.add((node, RDF.type, KG.Resolution))
        g.add((node, KG.resolvedTo, iri))
        g.add((node, KG.surfaceForm, Literal(text)))
        g.add((node, KG.rule, Literal(rule)))
        g.add((node, KG.article, art))
        g.add((node, KG.mentionCount, Literal(n)))


def _article(g: Graph, record: Record, art: URIRef) -> None:
    a = record.article
    g.add((art, RDF.type, KG.Article))
    g.add((art, DCTERMS.identifier, Literal(a.id)))
    g.add((art, RDFS.label, Literal(a.title or f"article {a.id}")))
    g.add((art, KG.contentHash, Literal(record.ingest_key)))
    g.add((art, KG.text, Literal(a.text)))
    if a.title:
        g.add((art, DCTERMS.title, Literal(a.title)))
    if a.date:
        g.add((art, DCTERMS.issued, Literal(a.date, datatype=XSD.date)))
    if a.source:
        g.add((art, KG.outlet, Literal(a.source)))
    if a.url:
        g.add((art, KG.url, Literal(a.url, datatype=XSD.anyURI)))


def _entity(g: Graph, e: Entity, iri: URIRef) -> None:
    g.add((iri, RDF.type, ENTITY_CLASSES[e.type]))
    g.add((iri, RDFS.label, Literal(e.name)))
    g.add((iri, KG.sortKey, Literal(sort_key(e.name), datatype=XSD.decimal)))
    if e.wikidata:
        g.add((iri, KG.wikidata, WIKIDATA[e.wikidata]))
    if e.sector:
        g.add((iri, KG.sector, Literal(e.sector)))
    for m in {m.text for m in e.mentions} - {e.name}:
        g.add((iri, SKOS.altLabel, Literal(m)))


def _evidence(g: Graph, node, text: str, start: int, end: int, art: URIRef) -> None:
    ev, pos, quote_sel = BNode(), BNode(), BNode()
    g.add((node, KG.evidence, ev))
    g.add((ev, RDF.type, OA.SpecificResource))
    g.add((ev, OA.hasSource, art))
    g.add((ev, OA.hasSelector, pos))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(start)))
    g.add((pos, OA.end, Literal(end)))
    g.add((ev, OA.hasSelector, quote_sel))
    g.add((quote_sel, RDF.type, OA.TextQuoteSelector))
    g.add((quote_sel, OA.exact, Literal(text)))


def _sources(g: Graph, claim, sources: tuple[str, ...], iris: dict[str, URIRef]) -> None:
    g.add((claim, KG.sourceCount, Literal(len(sources))))
    for position, sid in enumerate(sources, start=1):
        agent = iris[sid]
        g.add((claim, PROV.wasAttributedTo, agent))
        qa = BNode()
        g.add((claim, PROV.qualifiedAttribution, qa))
        g.add((qa, RDF.type, PROV.Attribution))
        g.add((qa, PROV.agent, agent))
        g.add((qa, KG.position, Literal(position)))


def _event(g: Graph, record: Record, ev: Event, iris: dict[str, URIRef], art: URIRef) -> None:
    """One report of an event: the claim, with what this article says of the event."""
    node = event_iri(record, ev)
    claim = RES[f"claim/{content_id(record.article.id, ev.id, 'claim', length=16)}"]
    g.add((claim, RDF.type, KG.Claim))
    g.add((claim, RDFS.label, Literal(f"{ev.type} '{ev.trigger.text}' as reported in {record.article.id}")))
    g.add((claim, KG.about, node))
    g.add((claim, KG.article, art))
    g.add((claim, KG.modality, KG[ev.modality]))
    g.add((claim, KG.trigger, Literal(ev.trigger.text)))
    g.add((claim, KG.confidence, _decimal(ev.confidence)))
    if ev.mode:
        g.add((claim, KG.mode, Literal(ev.mode)))
    _time(g, claim, ev)
    g.add((claim, KG.timelineKey, Literal(timeline_key(record, ev), datatype=XSD.decimal)))
    _sources(g, claim, ev.sources, iris)
    _evidence(g, claim, ev.evidence.text, ev.evidence.start, ev.evidence.end, art)
    if ev.explain:
        g.add((claim, KG.explanation, Literal(" | ".join(ev.explain))))
    if ev.quantity:
        _quantity(g, claim, ev.quantity)
    # The day is this report's (an event merged by month may be reported on several days), so the situation
    # is a fact of the claim, like its time: the event stays described once, and an update that drops the day
    # drops it too.
    situation = event_situation(record, ev)
    if situation:
        g.add((claim, KG.situation, Literal(situation)))


def timeline_key(record: Record, ev: Event) -> Decimal:
    """Where a report sits on the timeline, as one number that sorts right: the day of the event's start as
    the report states it (``YYYYMMDD``; a month is ``YYYYMM00``, a year ``YYYY0000``), else of the article's
    publication, else 99999999 (undated, last); then 12 digits of a hash of the article id, to keep an
    article's reports together; then, after the point, the character offset of the trigger. Stored on
    the claim as an xsd:decimal, which the store compares without reading strings, so a page of the
    timeline is one index scan and a sort of numbers instead of joins over every claim.

    >>> from kg.graph.records import Article, Span
    >>> ev = Event("v1", "ASSAULT", Span("x", 42, 43), Span("x", 0, 50))
    >>> key = timeline_key(Record(Article("a7", "x", date="2022-02-24")), ev)
    >>> str(key)[:8], str(key).split(".")[1]
    ('20220224', '000000042')
    """
    return _time_key(record, ev.time.start if ev.time and ev.time.start else record.article.date, ev.trigger.start)


def _time_key(record: Record, when: str | None, offset: int) -> Decimal:
    day = int((when.replace("-", "") + "0000")[:8]) if when else 99_999_999
    article = int(hashlib.sha1(record.article.id.encode("utf-8")).hexdigest()[:12], 16) % 10**12
    return Decimal(f"{day:08d}{article:012d}.{offset:09d}")


def sort_key(label: str) -> Decimal:
    """Where ``label`` sorts, as one number: its first 15 characters with case, accents and punctuation
    taken out (as entity IRIs are made, so "Asia-Pacific" and "Asia Pacific", one entity, get one key),
    read as a base-256 number. Stored on entities and events as an xsd:decimal, which the
    store compares without reading strings: a query sorts thousands of rows by name through one index
    and reads the labels of the rows it returns only. Names alike in those 15 characters tie (queries
    then order them by IRI).

    >>> sort_key("Russia") < sort_key("russian Armed Forces") < sort_key("Ukraine") < sort_key("Ümit")
    True
    >>> sort_key("Asia-Pacific") == sort_key("Asia Pacific") == sort_key("ASIA PACIFIC")
    True
    """
    plain = _plain(label) or label.casefold()  # a name in another script: as it is
    n = int.from_bytes(plain.encode("utf-8")[:15].ljust(15, b"\0"), "big")  # < 2**120: fits the decimal
    return Decimal(f"{n // 10**18}.{n % 10**18:018d}")


def _event_label(record: Record, ev: Event, *, merged: bool) -> str:
    """'ASSAULT: Russia -> Ukraine (2022-02)' for events merged across articles, 'ASSAULT: invaded' otherwise.
    Places follow "in" ('ASSAULT: Russia -> Ukraine in Kharkiv', 'ASSAULT: Russia in Ukraine'): events that differ
    only in whether a participant is the recipient or the place are different events, with different labels.

    >>> from kg.graph.records import Article, Span
    >>> r, u = Entity("e1", "Russia", "Country", "Q159"), Entity("e2", "Ukraine", "Country", "Q212")
    >>> rec = Record(Article("a", "x", date="2022-02-24"), (r, u), ())
    >>> def ev(**roles): return Event("v", "ASSAULT", Span("x", 0, 1), Span("x", 0, 1), actors=("e1",), **roles)
    >>> [_event_label(rec, ev(**roles), merged=True) for roles in
    ...  ({"recipients": ("e2",)}, {"locations": ("e2",)}, {"recipients": ("e2",), "locations": ("e2",)})]
    ['ASSAULT: Russia -> Ukraine (2022-02)', 'ASSAULT: Russia in Ukraine (2022-02)', 'ASSAULT: Russia -> Ukraine in Ukraine (2022-02)']
    """
    if not merged:
        return f"{ev.type}: {ev.trigger.text}"
    names = {e.id: e.name for e in record.entities}

    def listed(ids: tuple[str, ...]) -> str:
        return ", ".join(sorted({names[i] for i in ids}))

    label = f"{ev.type}: {listed(ev.actors)}"
    if ev.recipients:
        label += f" -> {listed(ev.recipients)}"
    if ev.locations:
        label += f" in {listed(ev.locations)}"
    window = (ev.time.start if ev.time and ev.time.start else record.article.date or "")[:7]
    return f"{label} ({window})"


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _time(g: Graph, node, ev: Event) -> None:
    t = ev.time
    if t is None:
        g.add((node, KG.timeStatus, Literal("unknown")))
        return
    g.add((node, KG.timeStatus, Literal("stated")))
    g.add((node, KG.timeText, Literal(t.text)))
    g.add((node, KG.timeGranularity, Literal(t.granularity)))
    if t.start:
        g.add((node, KG.timeStart, time_literal(t.start)))
    if t.end:
        g.add((node, KG.timeEnd, time_literal(t.end)))


def _quantity(g: Graph, claim, q: Quantity) -> None:
    node = BNode()
    g.add((claim, KG.quantity, node))
    g.add((node, RDF.type, KG.Quantity))
    g.add(
        (
            node,
            KG.value,
            Literal(str(q.value if not float(q.value).is_integer() else int(q.value)), datatype=XSD.decimal),
        )
    )
    g.add((node, KG.unit, Literal(q.unit)))
    g.add((node, KG.approximate, Literal(bool(q.approximate))))
    if q.qualifier:
        g.add((node, KG.qualifier, Literal(q.qualifier)))
    g.add((node, RDFS.label, Literal(q.text or f"{q.value} {q.unit}")))


def _relation(g: Graph, record: Record, rel: Relation, iris: dict[str, URIRef], art: URIRef) -> None:
    node = RES[f"relation/{content_id(record.article.id, rel.id, length=16)}"]
    subj, obj = iris[rel.subject], iris[rel.object]
    g.add((node, RDF.type, KG.Relation))
    g.add((node, RDF.type, KG.Claim))
    g.add((node, KG.relationType, KG[rel.type]))
    g.add((node, KG.subject, subj))
    g.add((node, KG.object, obj))
    g.add((node, KG.article, art))
    g.add((node, KG.modality, KG[rel.modality]))
    g.add((node, KG.confidence, _decimal(rel.confidence)))
    g.add((node, RDFS.label, Literal(f"{rel.type} ({record.article.id})")))
    # a relation has no name to sort by: its key is where it is stated in time (as kg:timelineKey)
    g.add((node, KG.sortKey, Literal(_time_key(record, record.article.date, rel.evidence.start), datatype=XSD.decimal)))
    _sources(g, node, rel.sources, iris)
    _evidence(g, node, rel.evidence.text, rel.evidence.start, rel.evidence.end, art)
    if rel.modality == "asserted":
        g.add((subj, KG[rel.type], obj))
