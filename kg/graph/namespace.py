"""Closed Python namespaces mirroring ``kg/graph/ontology/kg.ttl`` (a test keeps them equal).

Using a term that the ontology does not define raises ``AttributeError`` at import or
call time instead of silently minting a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["GENID", "KG", "OA", "ONTOLOGY", "PLOVER", "PREFIXES", "RES", "SEM", "WIKIDATA", "wikidata_id"]

RES = Namespace("https://w3id.org/kgct/resource/")
PLOVER = Namespace("https://w3id.org/kgct/plover/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")  # items: WIKIDATA["Q159"]
# skolem IRIs of blank nodes (``kg push``), as RDF 1.1 names them: .well-known/genid/
GENID = Namespace(RES[".well-known/genid/"])


class KG(DefinedNamespace):
    """The kg ontology: classes, properties and individuals."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgct/ontology#")

    # classes
    Article: URIRef
    Claim: URIRef
    Country: URIRef
    Entity: URIRef
    Event: URIRef
    Group: URIRef
    Modality: URIRef
    NewsOutlet: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Quantity: URIRef
    Relation: URIRef
    RelationType: URIRef
    Resolution: URIRef
    Tie: URIRef
    # properties
    about: URIRef
    approximate: URIRef
    article: URIRef
    articleCount: URIRef
    claimCount: URIRef
    confidence: URIRef
    contentHash: URIRef
    disputedOn: URIRef
    eventType: URIRef
    evidence: URIRef
    explanation: URIRef
    hasRecipient: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
    modality: URIRef
    mode: URIRef
    object: URIRef
    outlet: URIRef
    plannedSince: URIRef
    planOutcome: URIRef
    planReport: URIRef
    planStatus: URIRef
    planStatusSince: URIRef
    position: URIRef
    qualifier: URIRef
    quantity: URIRef
    relationType: URIRef
    resolvedTo: URIRef
    rule: URIRef
    sector: URIRef
    country: URIRef
    signature: URIRef
    situation: URIRef
    sortKey: URIRef
    sourceCount: URIRef
    subject: URIRef
    support: URIRef
    surfaceForm: URIRef
    text: URIRef
    tieFrom: URIRef
    tieKind: URIRef
    tieTo: URIRef
    timeEnd: URIRef
    timeGranularity: URIRef
    timelineKey: URIRef
    timeStart: URIRef
    timeStatus: URIRef
    timeText: URIRef
    trigger: URIRef
    unit: URIRef
    url: URIRef
    value: URIRef
    wikidata: URIRef
    # individuals: modalities and relation types
    asserted: URIRef
    planned: URIRef
    possible: URIRef
    negated: URIRef
    affiliated_with: URIRef
    allied_with: URIRef
    leader_of: URIRef
    member_of: URIRef
    opposes: URIRef
    supports: URIRef


ONTOLOGY = URIRef(str(KG._NS).removesuffix("#"))  # the ontology itself (its version, its content hash)

# The prefixes kg writes Turtle and TriG with, and reads prefixed names by (``--param type=kg:allied_with``)
PREFIXES = {
    "kg": KG._NS,
    "plover": PLOVER,
    "res": RES,
    "prov": PROV,
    "dcterms": DCTERMS,
    "sem": SEM,
    "oa": OA,
    "skos": SKOS,
    "xsd": XSD,
    "rdfs": RDFS,
    "rdf": RDF,
}


def wikidata_id(iri: str | None) -> str | None:
    """The id of a Wikidata item from its IRI (None for None).

    >>> wikidata_id(WIKIDATA["Q159"])
    'Q159'
    """
    return str(iri).removeprefix(str(WIKIDATA)) if iri else None
