"""SHACL validation: kg's own graphs conform, and each broken invariant is caught with a readable message."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SH, SKOS

from kg.graph.namespace import KG, OA, PLOVER, SEM
from kg.graph.ontology import ontology_text
from kg.graph.rdf import record_graph as article_graph
from kg.graph.records import Article, Entity, Event, Quantity, Record, Relation, Span, TimeValue
from kg.quality.validate import ValidationReport, Violation, shapes_graph, validate

TEXT = (
    "Reuters reported that Russia attacked Kharkiv on 3 March 2022 with about 12 missiles, an official said. "
    "NATO is allied with the United States."
)
DCTERMS_ISSUED = URIRef("http://purl.org/dc/terms/issued")
FIRST = TEXT[: TEXT.index(" NATO")]
SECOND = TEXT[TEXT.index("NATO") :]


def typed(text: str, datatype: str) -> Literal:
    """A literal of an XML Schema datatype, e.g. ``typed("2022-13-45", "date")`` (ill-typed on purpose)."""
    return Literal(text, datatype=URIRef(f"http://www.w3.org/2001/XMLSchema#{datatype}"))


def span(quote: str) -> Span:
    start = TEXT.index(quote)
    return Span(quote, start, start + len(quote))


def tiny_record() -> Record:
    """One article with every kind of node kg writes: entities, an event claim, a quantity, a relation."""
    entities = (
        Entity("e1", "Reuters", "NewsOutlet", "Q130879", (span("Reuters"),), "MED"),
        Entity("e2", "Russia", "Country", "Q159", (span("Russia"),), "RUS"),
        Entity("e3", "Kharkiv", "Place", "Q42308", (span("Kharkiv"),)),
        Entity("e4", "an official", "Person", None, (span("an official"),)),
        Entity("e5", "NATO", "Organization", "Q7184", (span("NATO"),)),
        Entity("e6", "United States", "Country", "Q30", (span("United States"),)),
    )
    event = Event(
        "v1",
        "ASSAULT",
        span("attacked"),
        span(FIRST),
        actors=("e2",),
        locations=("e3",),
        time=TimeValue("3 March 2022", "2022-03-03", "2022-03-03", "day"),
        sources=("e1", "e4"),
        quantity=Quantity(12, "missiles", True, "about", "about 12 missiles"),
        confidence=0.8,
        explain=("trigger 'attacked'",),
    )
    relation = Relation("r1", "allied_with", "e5", "e6", span(SECOND), confidence=0.7)
    article = Article("tiny", TEXT, title="Tiny", date="2022-03-04", source="Reuters", url="https://example.org/t")
    return Record(article, entities, (event,), (relation,))


@pytest.fixture
def tiny() -> Graph:
    return article_graph(tiny_record())


# --------------------------------------------------------------------------- finding nodes to break


def the(g: Graph, cls: URIRef) -> URIRef:
    return next(iter(sorted(g.subjects(RDF.type, cls))))


def event_claim(g: Graph) -> URIRef:
    return next(c for c in g.subjects(RDF.type, KG.Claim) if (c, RDF.type, KG.Relation) not in g)


def position_selector(g: Graph, claim: URIRef):
    evidence = g.value(claim, KG.evidence)
    return next(s for s in g.objects(evidence, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in g)


# --------------------------------------------------------------------------- kg's graphs conform


def test_the_seed_graph_conforms(seed_store):
    # how long validation takes is measured by benchmarks/validate_scale.py, never by a timed unit test
    report = validate(seed_store)
    assert report.conforms, report.to_text()
    assert report.violations == [] and report.to_text() == "conforms: no violations"


def test_a_dataset_and_a_graph_validate_as_the_store_does(seed_store):
    assert validate(seed_store.dataset()).conforms
    assert validate(seed_store.graph()).conforms


def test_a_hand_made_article_with_every_kind_of_node_conforms(tiny):
    assert {KG.Event, KG.Claim, KG.Relation, KG.Quantity, KG.NewsOutlet, KG.Place} <= set(tiny.objects(None, RDF.type))
    report = validate(tiny)
    assert report.conforms, report.to_text()


@pytest.mark.corpus
def test_a_corpus_sample_conforms(shared, tmp_path, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build
    from kg.read.articles import read_articles

    corpus = shared / "corpus" / "ukraine_official_statements.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not present")
    sample = tmp_path / "sample.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        sample.write_text("".join(islice(lines, 20)), encoding="utf-8")
    assert len(read_articles([sample], on_problem=lambda p: None)) >= 15
    store = Store(tmp_path / "store")
    build([sample], store=store, extractor=extractor)
    report = validate(store)
    assert report.conforms, report.to_text()


# --------------------------------------------------------------------------- each broken invariant is caught

Break = Callable[[Graph], None]


def two_event_types(g: Graph) -> None:
    g.add((the(g, KG.Event), KG.eventType, PLOVER.AGREE))


def unknown_plover_type(g: Graph) -> None:
    g.set((the(g, KG.Event), KG.eventType, PLOVER.PARTY))


def ill_typed_date(g: Graph) -> None:
    g.set((event_claim(g), KG.timeStart, typed("2022-13-45", "date")))


def ill_typed_year_month(g: Graph) -> None:
    g.set((event_claim(g), KG.timeEnd, typed("2022-13", "gYearMonth")))


def untyped_time(g: Graph) -> None:
    g.set((event_claim(g), KG.timeStart, Literal("2022-03-03")))


def time_on_an_unknown_time(g: Graph) -> None:
    g.set((event_claim(g), KG.timeStatus, Literal("unknown")))


def end_before_start(g: Graph) -> None:
    g.set((event_claim(g), KG.timeEnd, typed("2022-02", "gYearMonth")))


def actor_not_an_entity(g: Graph) -> None:
    g.add((the(g, KG.Event), SEM.hasActor, the(g, KG.Article)))


def evidence_start_after_end(g: Graph) -> None:
    g.set((position_selector(g, event_claim(g)), OA.start, Literal(500)))


def evidence_off_by_one(g: Graph) -> None:
    selector = position_selector(g, event_claim(g))
    g.set((selector, OA.start, Literal(int(g.value(selector, OA.start)) + 1)))


def two_position_selectors(g: Graph) -> None:
    evidence, extra = g.value(event_claim(g), KG.evidence), BNode()
    g += [(evidence, OA.hasSelector, extra), (extra, RDF.type, OA.TextPositionSelector)]
    g += [(extra, OA.start, Literal(0)), (extra, OA.end, Literal(7))]


def no_quote_selector(g: Graph) -> None:
    evidence = g.value(event_claim(g), KG.evidence)
    for selector in list(g.objects(evidence, OA.hasSelector)):
        if (selector, RDF.type, OA.TextQuoteSelector) in g:
            g.remove((evidence, OA.hasSelector, selector))


def untyped_position_selector(g: Graph) -> None:
    g.remove((position_selector(g, event_claim(g)), RDF.type, OA.TextPositionSelector))


def modality_outside_the_four(g: Graph) -> None:
    g.set((event_claim(g), KG.modality, URIRef(KG._NS + "rumoured")))


def duplicate_source_positions(g: Graph) -> None:
    for attribution in g.objects(event_claim(g), PROV.qualifiedAttribution):
        g.set((attribution, KG.position, Literal(1)))


def position_beyond_the_chain(g: Graph) -> None:
    last = max(g.objects(event_claim(g), PROV.qualifiedAttribution), key=lambda a: int(g.value(a, KG.position)))
    g.set((last, KG.position, Literal(3)))


def source_count_mismatch(g: Graph) -> None:
    g.set((event_claim(g), KG.sourceCount, Literal(3)))


def source_missing_from_attributed_to(g: Graph) -> None:
    g.remove((event_claim(g), PROV.wasAttributedTo, None))


def confidence_above_one(g: Graph) -> None:
    g.set((event_claim(g), KG.confidence, typed("1.5", "decimal")))


def claim_without_evidence(g: Graph) -> None:
    g.remove((event_claim(g), KG.evidence, None))


def claim_about_nothing(g: Graph) -> None:
    g.remove((event_claim(g), KG.about, None))


def relation_without_subject(g: Graph) -> None:
    g.remove((the(g, KG.Relation), KG.subject, None))


def unknown_relation_type(g: Graph) -> None:
    g.set((the(g, KG.Relation), KG.relationType, URIRef(KG._NS + "friends_with")))


def asserted_relation_without_its_triple(g: Graph) -> None:
    g.remove((None, KG.allied_with, None))


def bad_wikidata_iri(g: Graph) -> None:
    russia = URIRef("https://w3id.org/kgct/resource/entity/Q159")
    g.set((russia, KG.wikidata, URIRef("https://www.wikidata.org/wiki/Q159")))


def article_without_text(g: Graph) -> None:
    g.remove((the(g, KG.Article), KG.text, None))


def impossible_issue_date(g: Graph) -> None:
    g.set((the(g, KG.Article), DCTERMS_ISSUED, typed("2022-02-30", "date")))


def quantity_value_not_a_number(g: Graph) -> None:
    g.set((the(g, KG.Quantity), KG.value, Literal("a dozen")))


CASES: list[tuple[Break, str, str, str]] = [
    # (how to break the graph, the path reported, the constraint, words of the message)
    (two_event_types, "kg:eventType", "maxCount", "exactly one kg:eventType"),
    (unknown_plover_type, "kg:eventType", "in", "one of the 16 PLOVER event types"),
    (ill_typed_date, "kg:timeStart", "or", "valid xsd:date, xsd:gYearMonth or xsd:gYear"),
    (ill_typed_year_month, "kg:timeEnd", "or", "valid xsd:date, xsd:gYearMonth or xsd:gYear"),
    (untyped_time, "kg:timeStart", "or", "valid xsd:date, xsd:gYearMonth or xsd:gYear"),
    (time_on_an_unknown_time, "kg:timeStart", "sparql", 'kg:timeStatus is "unknown" but the claim has a kg:timeStart'),
    (end_before_start, "kg:timeEnd", "sparql", "kg:timeStart 2022-03-03 is after kg:timeEnd 2022-02"),
    (actor_not_an_entity, "sem:hasActor", "class", "sem:hasActor points to an entity"),
    (evidence_start_after_end, "oa:start", "lessThanOrEquals", "oa:start is after oa:end"),
    (evidence_off_by_one, "kg:evidence", "sparql", "quote is not the article's kg:text at characters 1.."),
    (two_position_selectors, "kg:evidence", "sparql", "more than one oa:TextPositionSelector"),
    (no_quote_selector, "oa:hasSelector/rdf:type", "hasValue", "an oa:TextQuoteSelector"),
    (untyped_position_selector, "", "class", "is an oa:TextPositionSelector"),
    (modality_outside_the_four, "kg:modality", "in", "kg:asserted, kg:planned, kg:possible or kg:negated"),
    (duplicate_source_positions, "prov:qualifiedAttribution", "sparql", "kg:position 1 is repeated"),
    (
        position_beyond_the_chain,
        "prov:qualifiedAttribution",
        "sparql",
        "kg:position 3 is repeated or above kg:sourceCount 2",
    ),
    (source_count_mismatch, "kg:sourceCount", "sparql", "kg:sourceCount is 3 but the claim has 2"),
    (source_missing_from_attributed_to, "prov:qualifiedAttribution/prov:agent", "equals", "prov:wasAttributedTo"),
    (confidence_above_one, "kg:confidence", "maxInclusive", "between 0 and 1"),
    (claim_without_evidence, "kg:evidence", "minCount", "exactly one kg:evidence"),
    (claim_about_nothing, "kg:about", "sparql", "must be kg:about a kg:Event"),
    (relation_without_subject, "kg:subject", "minCount", "exactly one kg:subject"),
    (unknown_relation_type, "kg:relationType", "in", "kg:allied_with, kg:member_of"),
    (asserted_relation_without_its_triple, "kg:relationType", "sparql", "lacks its direct triple res:entity/Q7184"),
    (bad_wikidata_iri, "kg:wikidata", "pattern", "http://www.wikidata.org/entity/Q<digits>"),
    (article_without_text, "kg:text", "minCount", "exactly one kg:text"),
    (impossible_issue_date, "dcterms:issued", "node", "valid xsd:date"),
    (quantity_value_not_a_number, "kg:value", "datatype", "an xsd:decimal"),
]


@pytest.mark.parametrize("break_graph,path,constraint,words", CASES, ids=[c[0].__name__ for c in CASES])
def test_a_broken_graph_is_caught_with_a_readable_message(tiny, break_graph, path, constraint, words):
    break_graph(tiny)
    report = validate(tiny)
    assert not report.conforms
    found = [v for v in report.violations if v.path == path and v.constraint == constraint]
    assert found, f"expected a [{constraint}] violation on {path!r}; got:\n{report.to_text()}"
    assert any(words in v.message for v in found), "\n".join(v.message for v in found)
    line = found[0].to_text()
    assert line.startswith("Violation: ") and "\n" not in line and "http" not in line.split(": ", 1)[1].split(" ")[0]


def test_the_report_names_the_offending_value_and_the_owner_of_a_blank_node(tiny):
    ill_typed_date(tiny)
    evidence_start_after_end(tiny)
    lines = validate(tiny).to_text().splitlines()
    assert any(line.startswith("Violation: res:claim/") and '(got "2022-13-45"^^xsd:date)' in line for line in lines)
    assert any(
        line.startswith("Violation: [res:claim/") and "kg:evidence/oa:hasSelector] oa:start" in line for line in lines
    )


def test_the_report_text_is_one_sorted_line_per_violation(tiny):
    two_event_types(tiny)
    modality_outside_the_four(tiny)
    relation_without_subject(tiny)
    report = validate(tiny)
    lines = report.to_text().splitlines()
    assert len(lines) == len(report.violations) >= 3
    assert lines == sorted(lines)


def test_validate_copies_its_input_and_refuses_what_is_not_a_graph(tiny):
    size = len(tiny)
    validate(tiny)
    assert len(tiny) == size
    with pytest.raises(TypeError, match="rdflib Graph or Dataset or a kg Store"):
        validate("graph.ttl")


def test_other_shapes_can_be_given():
    report = validate(Graph().add((URIRef("urn:x"), RDF.type, KG.Event)), shapes=Graph())
    assert report == ValidationReport(True, [])


def test_a_violation_is_a_frozen_value():
    v = Violation("res:event/e1", "kg:eventType", "an event has exactly one kg:eventType", constraint="minCount")
    assert v.to_text() == "Violation: res:event/e1 kg:eventType [minCount]: an event has exactly one kg:eventType"
    with pytest.raises(AttributeError):
        v.message = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------- the shapes agree with the ontology


def _ontology() -> Graph:
    return Graph().parse(data=ontology_text(), format="turtle")


def _allowed(path: URIRef) -> set:
    shapes = shapes_graph()
    (shape,) = [s for s in shapes.subjects(SH.path, path) if shapes.value(s, SH["in"]) is not None]
    return set(shapes.items(shapes.value(shape, SH["in"])))


def test_the_allowed_event_types_are_the_plover_leaf_concepts_of_the_ontology():
    ontology = _ontology()
    leaves = {c for c in ontology.subjects(SKOS.inScheme, PLOVER.scheme) if ontology.value(c, SKOS.broader)}
    assert _allowed(KG.eventType) == leaves and len(leaves) == 16


def test_the_allowed_modalities_and_relation_types_are_those_of_the_ontology():
    ontology = _ontology()
    assert _allowed(KG.modality) == set(ontology.subjects(RDF.type, KG.Modality))
    assert _allowed(KG.relationType) == set(ontology.subjects(RDF.type, KG.RelationType))


def test_every_class_kg_writes_has_a_shape():
    shapes = shapes_graph()
    targeted = set(shapes.objects(None, SH.targetClass))
    written = {
        KG.Article,
        KG.Person,
        KG.Organization,
        KG.NewsOutlet,
        KG.Country,
        KG.Place,
        KG.Group,
        KG.Event,
        KG.Claim,
        KG.Relation,
        KG.Quantity,
    }
    assert written <= targeted


def test_each_sparql_target_runs_the_same_query_as_its_constraint():
    """A cross-node check is written twice (a target to find, a constraint to report); they must not drift."""
    shapes = shapes_graph()

    def body(select: str) -> str:
        where = select[select.index("WHERE") :].replace("$this", "?this")
        return re.sub(r"\s+", " ", where)

    pairs = 0
    for shape, target in shapes.subject_objects(SH.target):
        constraint = shapes.value(shape, SH.sparql)
        assert constraint is not None, f"{shape} has a SPARQL target but no constraint"
        assert body(str(shapes.value(target, SH.select))) == body(str(shapes.value(constraint, SH.select))), shape
        assert shapes.value(constraint, SH.message) is not None
        pairs += 1
    assert pairs >= 7


def test_every_shape_says_what_is_expected():
    shapes = shapes_graph()
    checked = set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    checked |= {s for s in shapes.subjects(SH.targetClass, None) if (s, SH["or"], None) in shapes}
    silent = [shapes.value(s, SH.path) or s for s in checked if shapes.value(s, SH.message) is None]
    assert silent == []


def test_each_shape_is_written_once():
    """Two shapes under one IRI merge: a SPARQL constraint meant for the few nodes its target finds then
    runs once per node of the other's target (it made `kg validate` three times slower on a corpus)."""
    from rdflib import RDFS

    shapes = shapes_graph()
    twice = [s for s in set(shapes.subjects(RDF.type, SH.NodeShape)) if len(list(shapes.objects(s, RDFS.comment))) > 1]
    assert twice == []
