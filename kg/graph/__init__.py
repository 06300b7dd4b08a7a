"""The graph: extraction records (:mod:`kg.graph.records`, frozen dataclasses) become RDF under kg's ontology
(:mod:`kg.graph.rdf`, :mod:`kg.graph.namespace`, :mod:`kg.graph.ontology`) and are kept in an Oxigraph store
on disk, one named graph per article (:mod:`kg.graph.store`)."""
