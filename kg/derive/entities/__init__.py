"""Entity nodes across the corpus, and the merges that made them (``kg entities``).

Each article's graph records how its mentions were resolved (one ``kg:Resolution`` per entity,
surface form and rule; see :data:`kg.graph.records.RESOLUTION_RULES`). Across articles, nodes are joined
by their IRI: the Wikidata id when the gazetteer knows it, else type and normalised name (persons
only by their full name; a lone surname stays in its article). This module reads both back:
:func:`list_entities` lists the nodes with their surface forms, ``merged=True`` only those that
joined different surface forms (or different names across articles), and :func:`pending_overrides`
says which entries of an override file the store does not reflect yet.

The queries are ``.rq`` files beside this module, with a comment header as the named queries have.
"""

from __future__ import annotations

import difflib
import warnings
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import RDFS, SKOS, XSD, Literal, URIRef

from kg.errors import KgError
from kg.graph.namespace import KG, wikidata_id
from kg.graph.rdf import ENTITIES_GRAPH, sort_key
from kg.graph.records import IDENTITY_RULES
from kg.queries.files import sparql_file
from kg.read.overrides import Override, Overrides, surface_key

if TYPE_CHECKING:
    from kg.graph.store import GraphChange

__all__ = [
    "EXAMPLES",
    "EntityListing",
    "SurfaceForm",
    "UnknownEntity",
    "close_names",
    "find_entity",
    "find_in_store",
    "label_changes",
    "list_entities",
    "pending_overrides",
    "preferred_label",
    "prune_entity_graph",
    "settle_labels",
    "table_rows",
]

EXAMPLES = 3  # article ids shown per surface form
_RULE_ORDER = {rule: i for i, rule in enumerate(IDENTITY_RULES)}


def _query(name: str) -> str:
    return sparql_file(__name__, name)


@dataclass(frozen=True)
class SurfaceForm:
    """One surface form of an entity node, the rule that resolved it, and where."""

    text: str
    rule: str
    mentions: int
    article_ids: tuple[str, ...]  # sorted

    @property
    def articles(self) -> int:
        return len(self.article_ids)

    def to_dict(self) -> dict:
        return {
            "surface": self.text,
            "rule": self.rule,
            "articles": self.articles,
            "mentions": self.mentions,
            "examples": list(self.article_ids[:EXAMPLES]),
        }


@dataclass(frozen=True)
class EntityListing:
    """One entity node: its labels, type, Wikidata id, articles and surface forms."""

    iri: str
    labels: tuple[str, ...]  # the names articles gave it: the one shown (rdfs:label) first, then the others sorted
    type: str
    wikidata: str | None
    articles: int
    surface_forms: tuple[SurfaceForm, ...]

    @property
    def label(self) -> str:
        return self.labels[0] if self.labels else ""

    @property
    def joined_by(self) -> str:
        """How articles were joined into this node: 'wikidata', 'name' (the same name), 'normalised-name'
        (names that differ only in case, accents or punctuation); '' when one article mentions it."""
        if self.articles < 2:
            return ""
        if self.wikidata:
            return "wikidata"
        return "normalised-name" if len(set(self.labels)) > 1 else "name"

    @property
    def merged(self) -> bool:
        """Whether the node joined different surface forms, or different names across articles."""
        different = len({surface_key(s.text) for s in self.surface_forms}) > 1
        by_rule = any(s.rule not in IDENTITY_RULES for s in self.surface_forms)
        return different or by_rule or self.joined_by == "normalised-name"

    def names(self) -> set[str]:
        """Everything the node answers to: labels, surface forms, Wikidata id."""
        return {*self.labels, *(s.text for s in self.surface_forms), self.wikidata or ""}

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "type": self.type,
            "entity": self.iri,
            "wikidata": self.wikidata,
            "articles": self.articles,
            "joined_by": self.joined_by,
            "merged": self.merged,
            "labels": list(self.labels),
            "surface_forms": [s.to_dict() for s in self.surface_forms],
        }


def list_entities(store, *, merged: bool = False, entity: str | None = None) -> list[EntityListing]:
    """The entity nodes of ``store`` (a :class:`~kg.graph.store.Store`), most mentioned first; ``merged`` keeps
    those that joined more than one surface form or name, ``entity`` those whose label, a surface form, Wikidata
    id or IRI matches (case-insensitive; a part of a name is enough)."""
    forms = _surface_forms(store)
    nodes: dict[str, dict] = {}
    for r in store.query(_query("entities.rq")).to_python():
        node = nodes.setdefault(
            r["entity"],
            {
                "labels": set(),
                "hidden": set(),
                "type": r["type"],
                "wikidata": r["wikidata"],
                "articles": int(r["articles"]),
            },
        )
        node["labels" if r["shown"] else "hidden"].add(r["label"])
    if nodes and not forms:
        warnings.warn(
            "this store has no resolution records (it was built by an older kg); rebuild it with "
            "`kg build` to see surface forms and merges",
            stacklevel=2,
        )
    listings = [_listing(iri, node, forms.get(iri, ())) for iri, node in nodes.items()]
    listings = [e for e in listings if (not merged or e.merged) and (entity is None or _matches(e, entity))]
    return sorted(listings, key=lambda e: (-e.articles, e.label.lower(), e.iri))


def _surface_forms(store) -> dict[str, list[SurfaceForm]]:
    found: dict[tuple[str, str, str], dict] = defaultdict(lambda: {"mentions": 0, "articles": set()})
    for r in store.query(_query("surface-forms.rq")).to_python():
        f = found[(r["entity"], r["surface"], r["rule"])]
        f["mentions"] += int(r["mentions"])
        f["articles"].add(r["article"])
    by_entity: dict[str, list[SurfaceForm]] = defaultdict(list)
    for (iri, text, rule), f in found.items():
        by_entity[iri].append(SurfaceForm(text, rule, f["mentions"], tuple(sorted(f["articles"]))))
    return by_entity


def _listing(iri: str, node: dict, forms) -> EntityListing:
    qid = wikidata_id(node["wikidata"])
    ordered = sorted(forms, key=lambda s: (_RULE_ORDER.get(s.rule, len(_RULE_ORDER)), -s.mentions, s.text))
    labels = (*sorted(node["labels"]), *sorted(node["hidden"] - node["labels"]))
    return EntityListing(iri, labels, node["type"], qid, node["articles"], tuple(ordered))


def _matches(e: EntityListing, wanted: str) -> bool:
    if wanted in (e.iri, e.wikidata):
        return True
    key = surface_key(wanted)
    return bool(key) and any(key in surface_key(n) for n in e.names() if n)


def table_rows(listings: list[EntityListing], *, merged: bool = False) -> tuple[tuple[str, ...], list[dict]]:
    """Flat rows for a table or CSV: one per node, or with ``merged`` one per surface form and rule."""
    columns: tuple[str, ...]
    if not merged:
        columns = ("label", "type", "wikidata", "articles", "surface_forms", "entity")
        rows = [
            {
                "label": e.label,
                "type": e.type,
                "wikidata": e.wikidata,
                "articles": e.articles,
                "surface_forms": "; ".join(f"{s.text} ({s.rule})" for s in e.surface_forms),
                "entity": e.iri,
            }
            for e in listings
        ]
        return columns, rows
    columns = (
        "label",
        "type",
        "wikidata",
        "joined_by",
        "surface",
        "rule",
        "articles",
        "mentions",
        "examples",
        "entity",
    )
    rows = [
        {
            "label": e.label,
            "type": e.type,
            "wikidata": e.wikidata,
            "joined_by": e.joined_by,
            "surface": s.text,
            "rule": s.rule,
            "articles": s.articles,
            "mentions": s.mentions,
            "examples": " ".join(s.article_ids[:EXAMPLES]) + (" …" if s.articles > EXAMPLES else ""),
            "entity": e.iri,
        }
        for e in listings
        for s in e.surface_forms
    ]
    return columns, rows


def pending_overrides(store, overrides: Overrides) -> list[tuple[Override, int]]:
    """The override entries the store does not reflect yet, each with the number of articles where it
    would change something: rebuild with the file (``kg build ... --overrides FILE``) to apply them."""
    listings = list_entities(store)
    pending = []
    for o in overrides.entries:
        articles = {
            a
            for e in listings
            for s in e.surface_forms
            if _still_resolved(o, e, s)
            for a in s.article_ids
            if not o.article or a == o.article
        }
        if articles:
            pending.append((o, len(articles)))
    return pending


def _still_resolved(o: Override, e: EntityListing, s: SurfaceForm) -> bool:
    """Whether the surface form ``s`` of node ``e`` is resolved as the entry ``o`` says it must not be."""
    if surface_key(s.text) != o.key or s.rule == f"override-{o.action}":
        return False
    names_target = o.names(e.names())
    return names_target if o.action == "split" else not names_target


def preferred_label(uses: Mapping[str, int]) -> str:
    """The name an entity node is shown by, among those articles gave it (``uses``: name -> number of
    articles that write it so): the most used; then one that begins and ends with a letter or digit (not
    an extraction's stray quote or hyphen); then not all capitals (a headline's "AIR FORCE ONE"); then the
    one that keeps more accented letters; then the first in code-point order. It depends on the names and
    their uses only, never on the order in which articles arrived.

    >>> preferred_label({"Asia-Pacific": 4, "Asia Pacific": 0})
    'Asia-Pacific'
    >>> preferred_label({"HIMARS": 28, "Himars": 4})
    'HIMARS'
    >>> preferred_label({"AIR FORCE ONE": 2, "Air Force One": 2})
    'Air Force One'
    >>> preferred_label({"Edgars Rinkevics": 2, "Edgars Rinkēvičs": 2})
    'Edgars Rinkēvičs'
    >>> preferred_label({"Border Patrol union": 0, "Border Patrol Union": 0})
    'Border Patrol Union'
    >>> preferred_label({"“Covered Regions": 0, "Covered Regions": 0, "Covered Regions-": 0})
    'Covered Regions'
    """

    def rank(name: str) -> tuple:
        tidy = name[:1].isalnum() and name[-1:].isalnum()
        return -uses[name], not tidy, name.isupper(), -sum(c.isalpha() and not c.isascii() for c in name), name

    return min(uses, key=rank)


def settle_labels(store) -> int:
    """Give every entity node one ``rdfs:label`` (and the ``kg:sortKey`` made from it): articles that
    write a name differently ("Asia Pacific", "Asia-Pacific") each add theirs to the shared entity graph.
    The :func:`preferred_label` stays; the others become ``skos:hiddenLabel`` (found by search, not shown),
    and stay candidates: every build chooses again over all the names. Returns the nodes looked at."""
    looked_at, change = label_changes(store)
    store.apply([change])
    return looked_at


def label_changes(store) -> tuple[int, GraphChange]:
    """What :func:`settle_labels` changes in the shared entity graph (a ``kg.graph.store.GraphChange``), with the
    number of nodes looked at, without writing it (a derivation writes all its changes in one update)."""
    from kg.graph.store import GraphChange

    uses: dict[str, dict[str, int]] = defaultdict(dict)
    for r in store.query(_query("labels.rq")).to_python():
        uses[r["entity"]][r["label"]] = int(r["uses"])
    remove: list[tuple] = []
    add: list[tuple] = []
    for iri, names in uses.items():
        node, label = URIRef(iri), preferred_label(names)
        want = {(node, RDFS.label, Literal(label))} | {
            (node, SKOS.hiddenLabel, Literal(n)) for n in names if n != label
        }
        have = {t for p in (RDFS.label, SKOS.hiddenLabel) for t in store.triples(ENTITIES_GRAPH, node, p)}
        keys = store.triples(ENTITIES_GRAPH, node, KG.sortKey)
        key = sort_key(label)  # compared as numbers: the store may write a decimal in another form
        remove += [*(have - want), *(t for t in keys if t[2].toPython() != key)]
        add += want - have
        if all(t[2].toPython() != key for t in keys):
            add.append((node, KG.sortKey, Literal(key, datatype=XSD.decimal)))
    return len(uses), GraphChange(ENTITIES_GRAPH, frozenset(remove), frozenset(add))


def prune_entity_graph(store) -> None:
    """Forget, in the shared entity graph, the nodes no article mentions any more and the alternative
    labels no article resolves to them (they linger after an article is re-extracted, e.g. after an
    override split 'Kremlin' from Russia)."""
    store.update(_query("prune.ru"))


class UnknownEntity(KgError, LookupError):
    """No entity node by that IRI or name."""

    def __str__(self) -> str:
        return self.args[0]


def find_entity(run, wanted, *, suggest=None) -> URIRef:
    """The entity node ``wanted`` names: an IRI (``URIRef``, pyoxigraph ``NamedNode``, or text starting with
    http(s):// or urn:) that an article mentions, or a name (its shown label or another name articles gave
    it, without case; the most mentioned node when several share it). ``run(sparql, bindings)`` runs a
    query (on the store or a server); ``suggest(name)`` gives names close to an unknown one. Raises
    :class:`UnknownEntity` naming the fix."""
    iri = _as_iri(wanted)
    if iri is not None:
        if run(_query("known.rq"), {"entity": iri}).rows:
            return iri
        raise UnknownEntity(
            f"no entity {iri} in the store; list them with `kg entities` (graph.entities() in Python) or give its name"
        )
    name = str(wanted).strip()
    rows = ()
    if name:  # the shown label as written first (an index lookup), then any name without case (a scan)
        rows = run(_query("named-exactly.rq"), {"wanted": Literal(name)}).rows
        rows = rows or run(_query("named.rq"), {"wanted": Literal(name)}).rows
    if rows:
        return rows[0][1]
    close = suggest(name) if suggest and name else []
    hint = f"; did you mean {', '.join(repr(c) for c in close[:5])}?" if close else ""
    raise UnknownEntity(
        f"no entity named {name!r} in the store{hint} (`kg entities --entity NAME` finds names; an IRI works too)"
    )


def find_in_store(store, wanted) -> URIRef:
    """:func:`find_entity` on a local store (a :class:`~kg.graph.store.Store`), an unknown name answered with the
    :func:`close_names` the store has: the one lookup behind every ``entity`` parameter and ``--entity``."""
    return find_entity(store.query, wanted, suggest=lambda name: close_names(store, name))


def close_names(store, name: str, *, n: int = 5) -> list[str]:
    """The labels of entities a mistyped or partial ``name`` may mean: those with a name spelt alike (difflib:
    "Rusia" finds Russia), then those with a name it is a part of (as ``kg entities --entity`` matches; their
    shown label first: "Putin" finds Vladimir Putin before Putin's forces), most mentioned first."""
    with warnings.catch_warnings():  # a store without resolution records still has labels to suggest
        warnings.simplefilter("ignore")
        listings = list_entities(store)
    by_name: dict[str, str] = {}
    for e in listings:  # most mentioned first: that node keeps a name several share
        for other in filter(None, e.names()):
            by_name.setdefault(other.lower(), e.label)
    alike = [by_name[a] for a in difflib.get_close_matches(name.lower(), list(by_name), n=n * 2, cutoff=0.75)]
    key = surface_key(name)
    part = sorted((e for e in listings if _matches(e, name)), key=lambda e: key not in surface_key(e.label))
    return list(dict.fromkeys([*alike, *(e.label for e in part)]))[:n]


def _as_iri(value) -> URIRef | None:
    if isinstance(value, URIRef):
        return value
    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, str) and not isinstance(value, Literal) and value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    return None
