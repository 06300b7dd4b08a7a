"""The closed Python namespace mirrors kg.ttl exactly, in both directions."""

from rdflib import Graph

from kg.graph.namespace import KG
from kg.graph.ontology import ontology_text


def test_namespace_and_ontology_define_the_same_terms():
    g = Graph().parse(data=ontology_text(), format="turtle")
    base = str(KG._NS)
    in_ontology = {str(s)[len(base) :] for s in set(g.subjects()) if str(s).startswith(base)}
    in_python = set(KG.__annotations__)
    assert in_ontology == in_python


def test_unknown_term_is_refused():
    import pytest

    with pytest.raises(AttributeError):
        KG.notATerm  # noqa: B018
