"""docs/ontology.md is generated from kg.ttl: it cannot rot, and it leaves nothing out."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from kg.graph.namespace import KG, PLOVER
from kg.graph.ontology.docs import example_turtle, main, namespaces, ontology_graph, render
from kg.quality.validate import validate

PAGE = Path(__file__).resolve().parents[1] / "docs" / "ontology.md"


def compact(g: Graph, term: URIRef) -> str:
    prefix, ns = max(((p, ns) for p, ns in namespaces(g) if str(term).startswith(ns)), key=lambda pn: len(pn[1]))
    return f"`{prefix}:{str(term)[len(ns) :]}`"


def test_the_committed_page_is_what_the_generator_writes():
    assert PAGE.read_text(encoding="utf-8") == render(), "regenerate it: python -m kg.graph.ontology.docs"


def test_the_page_is_deterministic():
    assert render() == render(ontology_graph())


def test_every_class_and_property_of_the_ontology_is_on_the_page():
    g, page = ontology_graph(), render()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, KG.Modality, KG.RelationType, SKOS.Concept)
    terms = {t for kind in kinds for t in g.subjects(RDF.type, kind) if isinstance(t, URIRef)}
    assert len(terms) > 60
    missing = sorted(compact(g, t) for t in terms if f"| {compact(g, t)} |" not in page and compact(g, t) not in page)
    assert missing == []


def test_every_term_has_its_own_row():
    g, page = ontology_graph(), render()
    for kind in (OWL.Class, OWL.DatatypeProperty, KG.Modality, KG.RelationType):
        for term in g.subjects(RDF.type, kind):
            assert f"\n| {compact(g, term)} |" in page, term


def test_the_plover_section_lists_each_top_concept_with_its_event_types():
    g, page = ontology_graph(), render()
    for top in g.subjects(SKOS.topConceptOf, PLOVER.scheme):
        row = next(line for line in page.splitlines() if line.startswith(f"| {compact(g, top)} |"))
        for concept in g.subjects(SKOS.broader, top):
            assert compact(g, concept) in row


def test_the_example_is_valid_kg():
    g = Graph().parse(data=example_turtle(), format="turtle")
    assert (None, RDF.type, KG.Claim) in g
    report = validate(g)
    assert report.conforms, report.to_text()


def test_check_mode_reports_a_stale_page(tmp_path, capsys):
    page = tmp_path / "ontology.md"
    assert main(["--out", str(page), "--check"]) == 1
    assert main(["--out", str(page)]) == 0
    assert main(["--out", str(page), "--check"]) == 0
    page.write_text(render() + "edited by hand\n", encoding="utf-8")
    assert main(["--out", str(page), "--check"]) == 1
    assert "stale" in capsys.readouterr().err
