"""Generate ``docs/ontology.md``, the reference page of the kg ontology, from ``kg.ttl``.

The page is derived, never edited: ``python -m kg.graph.ontology.docs`` rewrites it and
``python -m kg.graph.ontology.docs --check`` fails when it is stale (a test does the same).

>>> page = render()
>>> page.startswith("# The kg ontology")
True
>>> "| `kg:Claim` |" in page
True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.graph.namespace import KG, ONTOLOGY, PLOVER, RES
from kg.graph.ontology import ontology_text
from kg.graph.rdf import sort_key
from kg.graph.records import Article

__all__ = ["DEFAULT_OUT", "EXAMPLE", "example_turtle", "main", "render", "write"]

DEFAULT_OUT = Path("docs") / "ontology.md"

_EXAMPLE_TEXT = "Ukraine's defence ministry said Russia fired about 20 rockets at Kharkiv on 5 May."
_EXAMPLE_ARTICLE = Article("example", _EXAMPLE_TEXT, title="An example statement", date="2022-05-06")

# A hand-written, made-up example (not taken from any article): one claim with everything a claim can carry.
EXAMPLE = f"""\
<article/example> a kg:Article ;
    dcterms:identifier "example" ;
    rdfs:label "An example statement" ;
    dcterms:title "An example statement" ;
    dcterms:issued "2022-05-06"^^xsd:date ;
    kg:contentHash "{_EXAMPLE_ARTICLE.content_hash}" ;
    kg:text "{_EXAMPLE_TEXT}" .

<event/example> a kg:Event ;
    rdfs:label "ASSAULT: fired" ;
    kg:sortKey {sort_key("ASSAULT: fired")} ;    # the label's order, as a number: for sorting
    kg:eventType plover:ASSAULT ;
    sem:hasActor <entity/Q159> ;
    sem:hasPlace <entity/place-kharkiv> .    # what the event is: in the shared graph res:graph/events

<claim/example> a kg:Claim ;    # the article's report of the event, in the article's graph
    kg:timeStatus "stated" ;    # the time as this report gives it
    kg:timeText "5 May" ;
    kg:timeGranularity "day" ;
    kg:timeStart "2022-05-05"^^xsd:date ;    # the datatype is the granularity
    kg:timeEnd "2022-05-05"^^xsd:date ;
    kg:timelineKey 20220505720919841139.000000039 ;    # day, hash of the article id, trigger offset: for sorting
    rdfs:label "ASSAULT 'fired' as reported in example" ;
    kg:about <event/example> ;
    kg:article <article/example> ;
    kg:modality kg:asserted ;
    kg:trigger "fired" ;
    kg:confidence 0.8 ;
    kg:sourceCount 1 ;
    prov:wasAttributedTo <entity/organization-ukrainian-defence-ministry> ;
    prov:qualifiedAttribution [ a prov:Attribution ;
        prov:agent <entity/organization-ukrainian-defence-ministry> ;
        kg:position 1 ] ;    # 1 = the outermost source
    kg:quantity [ a kg:Quantity ;
        kg:value "20"^^xsd:decimal ; kg:unit "rockets" ; kg:approximate true ; kg:qualifier "about" ] ;
    kg:evidence [ a oa:SpecificResource ;
        oa:hasSource <article/example> ;
        oa:hasSelector [ a oa:TextPositionSelector ; oa:start 0 ; oa:end {len(_EXAMPLE_TEXT)} ] ,
            [ a oa:TextQuoteSelector ; oa:exact "{_EXAMPLE_TEXT}" ] ] .

<entity/Q159> a kg:Country ;
    rdfs:label "Russia" ;
    kg:sortKey {sort_key("Russia")} ;
    kg:wikidata <http://www.wikidata.org/entity/Q159> ;
    kg:mentionedIn <article/example> .
<entity/place-kharkiv> a kg:Place ;
    rdfs:label "Kharkiv" ;
    kg:sortKey {sort_key("Kharkiv")} ;
    kg:mentionedIn <article/example> .
<entity/organization-ukrainian-defence-ministry> a kg:Organization ;
    rdfs:label "Ukrainian defence ministry" ;
    kg:sortKey {sort_key("Ukrainian defence ministry")} ;
    kg:mentionedIn <article/example> .
"""


def ontology_graph() -> Graph:
    """kg.ttl, parsed, with only the prefixes it declares."""
    return Graph(bind_namespaces="none").parse(data=ontology_text(), format="turtle")


def namespaces(g: Graph) -> list[tuple[str, str]]:
    """(prefix, namespace) pairs declared in kg.ttl, plus ``res:`` for the IRIs kg mints."""
    declared = {p: str(ns) for p, ns in g.namespaces() if p and p not in ("xml", "brick")}
    declared["res"] = str(RES)
    return sorted(declared.items())


class _Names:
    """Compact names (``kg:Claim``) for the namespaces of the page."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self._pairs = sorted(pairs, key=lambda p: -len(p[1]))

    def __call__(self, term) -> str:
        text = str(term)
        for prefix, ns in self._pairs:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns) :]}"
        return f"<{text}>"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _text(g: Graph, node, prop) -> str:
    """One literal value (the English one first), or ''."""
    values = sorted(
        g.objects(node, prop), key=lambda v: (not isinstance(v, Literal) or v.language not in (None, "en"), str(v))
    )
    return str(values[0]) if values else ""


def _codes(names: _Names, terms: Iterable) -> str:
    return ", ".join(f"`{names(t)}`" for t in sorted(terms, key=names))


def _table(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _of_type(g: Graph, cls: URIRef, names: _Names) -> list[URIRef]:
    return sorted((s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)), key=names)


def _header(g: Graph) -> list[str]:
    title = _text(g, ONTOLOGY, RDFS.label)
    version = _text(g, ONTOLOGY, OWL.versionInfo)
    return [
        "# The kg ontology",
        "",
        "<!-- Generated from kg/graph/ontology/kg.ttl by `python -m kg.graph.ontology.docs`; do not edit by hand. -->",
        "",
        f"{title}, version {version}: `{ONTOLOGY}`.",
        "",
        _text(g, ONTOLOGY, DCTERMS.description),
        "",
        "What happened (`kg:Event`) is kept apart from what a source says about it (`kg:Claim`): a claim is "
        "about one event, comes from one article and has its own modality, source chain, quantity and evidence "
        "span. The SHACL shapes in `kg/graph/ontology/shapes.ttl` say what every graph kg writes guarantees; check a "
        "graph with `kg.quality.validate.validate`.",
    ]


def _namespaces_section(g: Graph) -> list[str]:
    return ["## Namespaces", "", *_table(("prefix", "namespace"), ((f"`{p}:`", f"`{ns}`") for p, ns in namespaces(g)))]


def _classes_section(g: Graph, names: _Names) -> list[str]:
    rows = (
        (
            f"`{names(c)}`",
            _text(g, c, RDFS.label),
            _codes(names, g.objects(c, RDFS.subClassOf)),
            _text(g, c, RDFS.comment),
        )
        for c in _of_type(g, OWL.Class, names)
    )
    return ["## Classes", "", *_table(("class", "label", "subclass of", "description"), rows)]


def _property_rows(g: Graph, props: list[URIRef], names: _Names) -> Iterator[tuple[str, ...]]:
    for p in props:
        parents = list(g.objects(p, RDFS.subPropertyOf))
        comment = _text(g, p, RDFS.comment)
        if parents:
            comment = f"{comment} Sub-property of {_codes(names, parents)}.".strip()
        domain, range_ = _codes(names, g.objects(p, RDFS.domain)), _codes(names, g.objects(p, RDFS.range))
        yield f"`{names(p)}`", _text(g, p, RDFS.label), domain, range_, comment


def _properties_section(g: Graph, names: _Names) -> list[str]:
    relation_types = set(g.subjects(RDF.type, KG.RelationType))
    header = ("property", "label", "domain", "range", "description")
    objects = [p for p in _of_type(g, OWL.ObjectProperty, names) if p not in relation_types]
    datatypes = _of_type(g, OWL.DatatypeProperty, names)
    return [
        "## Object properties",
        "",
        *_table(header, _property_rows(g, objects, names)),
        "",
        "The relation types below are object properties too: an asserted relation is also written as a direct "
        "triple (`?a kg:allied_with ?b`).",
        "",
        "## Datatype properties",
        "",
        *_table(header, _property_rows(g, datatypes, names)),
    ]


def _individuals_section(g: Graph, names: _Names) -> list[str]:
    modalities = (
        (f"`{names(m)}`", _text(g, m, RDFS.label), _text(g, m, RDFS.comment)) for m in _of_type(g, KG.Modality, names)
    )
    relation_types = (
        (
            f"`{names(r)}`",
            _text(g, r, RDFS.label),
            "yes" if (r, RDF.type, OWL.SymmetricProperty) in g else "no",
            _codes(names, g.objects(r, RDFS.domain)),
            _codes(names, g.objects(r, RDFS.range)),
        )
        for r in _of_type(g, KG.RelationType, names)
    )
    return [
        "## Individuals",
        "",
        "### Modalities (`kg:Modality`), the values of `kg:modality`",
        "",
        *_table(("modality", "label", "description"), modalities),
        "",
        "### Relation types (`kg:RelationType`), the values of `kg:relationType`",
        "",
        *_table(("relation type", "label", "symmetric", "domain", "range"), relation_types),
    ]


def _plover_section(g: Graph, names: _Names) -> list[str]:
    scheme = PLOVER.scheme
    tops = sorted(g.subjects(SKOS.topConceptOf, scheme), key=names)
    rows = (
        (f"`{names(top)}`", _text(g, top, SKOS.prefLabel), _codes(names, g.subjects(SKOS.broader, top))) for top in tops
    )
    return [
        "## PLOVER event types",
        "",
        f"`{names(scheme)}` ({_text(g, scheme, SKOS.prefLabel)}) is a `skos:ConceptScheme`. The values of "
        "`kg:eventType` are its 16 event types, each `skos:broader` one of four top concepts:",
        "",
        *_table(("top concept", "label", "event types"), rows),
    ]


def _example_prefixes(g: Graph) -> list[str]:
    """The prefixes the example uses; its own IRIs are relative to ``res:`` (Turtle names cannot hold a '/')."""
    used = [f"@prefix {p}: <{ns}> ." for p, ns in namespaces(g) if f"{p}:" in EXAMPLE]
    return [f"@base <{RES}> .", *used]


def _example_section(g: Graph) -> list[str]:
    return [
        "## How a claim looks",
        "",
        "A made-up statement, *\u201c" + _EXAMPLE_TEXT + "\u201d*, as kg would write it in the article's named "
        "graph. Its IRIs are relative to `res:`; kg mints event and claim IRIs from content hashes, shortened to `example` here:",
        "",
        "```turtle",
        *_example_prefixes(g),
        "",
        EXAMPLE.rstrip("\n"),
        "```",
    ]


def render(g: Graph | None = None) -> str:
    """The Markdown reference page for the ontology ``g`` (kg.ttl by default); the same input gives the same text."""
    g = g if g is not None else ontology_graph()
    names = _Names(namespaces(g))
    sections = [
        _header(g),
        _namespaces_section(g),
        _classes_section(g, names),
        _properties_section(g, names),
        _individuals_section(g, names),
        _plover_section(g, names),
        _example_section(g),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def example_turtle() -> str:
    """The example of the page as a complete Turtle document (its prefixes included)."""
    return "\n".join(_example_prefixes(ontology_graph())) + "\n\n" + EXAMPLE


def write(path: str | Path = DEFAULT_OUT) -> Path:
    """Write the page to ``path``; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.graph.ontology.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help=f"where to write the page (default: {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the page is missing or stale")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else None
        if current != render():
            print(f"{out} is stale; regenerate it with `python -m kg.graph.ontology.docs --out {out}`", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    print(f"wrote {write(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
