"""Entity resolution across the corpus: merge records, `kg entities`, the override file, persons kept apart."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.derive.entities import list_entities, settle_labels
from kg.graph.namespace import KG
from kg.graph.rdf import record_graph
from kg.graph.records import RESOLUTION_RULES
from kg.graph.store import Store
from kg.interfaces.cli import main
from kg.pipeline import build
from kg.quality.validate import validate
from kg.read.overrides import OverrideError, parse_overrides

ARTICLES = {  # short texts written for these tests
    "envoy": "Ukraine's ambassador Olena Petrenko said on Monday that Moscow had rejected the offer. "
    "The Kremlin said Russian troops would stay. Ms Petrenko said Moscow was lying.",
    "talks": "The Kremlin said on Monday that Russia would not attend the talks in Geneva.",
    "nato": "NATO ministers met in Brussels on Friday to discuss aid to Ukraine.",
    "warsaw": "Ukraine's ambassador Olena Petrenko met the foreign minister in Warsaw on Friday.",
    "variant": "Ukraine's ambassador Olena Petrenco said on Monday that the talks had failed.",
    "bare": "Petrenko told reporters in Kyiv on Tuesday that the talks had failed.",
    "titled": "Ms Petrenko said on Wednesday that the Kremlin was lying.",
    "accent": "Ukraine's ambassador Olena Petrénko said on Tuesday that the talks had failed.",
    "accent2": "Ukraine's ambassador Olena Petrénko met the defence minister in Vilnius on Thursday.",
    "accent3": "Ukraine's ambassador Olena Petrénko said on Sunday that Moscow had lied.",
}


def write(folder, *ids):
    folder.mkdir(exist_ok=True)
    for i in ids:
        (folder / f"{i}.txt").write_text(ARTICLES[i] + "\n", encoding="utf-8")
    return folder


def built(tmp_path, extractor, *ids, overrides=None):
    """A store of the articles ``ids``; returns (store path, build summary)."""
    from kg.extract import Extractor

    path = tmp_path / "store"
    with Store(path) as store:
        summary = build(
            [write(tmp_path / "articles", *ids)], store=store, extractor=Extractor(extractor.nlp, overrides=overrides)
        )
    return path, summary


def overrides_file(tmp_path, *lines: str):
    path = tmp_path / "kg-overrides.csv"
    path.write_text("\n".join(["action,surface,entity,type,article,note", *lines]) + "\n", encoding="utf-8")
    return path


def listing(path, **kwargs):
    with Store(path, read_only=True) as store:
        return {e.label: e for e in list_entities(store, **kwargs)}


def rules(entity) -> set[tuple[str, str]]:
    return {(s.text, s.rule) for s in entity.surface_forms}


# -- merge records ----------------------------------------------------------------------------------


def test_each_mention_carries_the_rule_that_resolved_it(extract_text):
    record = extract_text(ARTICLES["envoy"], article_id="envoy")
    found = {e.name: {(m.text, m.rule) for m in e.mentions} for e in record.entities}
    assert found["Russia"] == {("Moscow", "alias"), ("Kremlin", "alias")}
    assert found["Olena Petrenko"] == {("Olena Petrenko", "name"), ("Petrenko", "surname")}
    assert found["Russian Armed Forces"] == {("Russian troops", "armed-forces")}
    assert found["Ukraine"] == {("Ukraine", "wikidata")}
    assert {"text", "start", "end", "rule"} <= set(record.to_dict()["entities"][0]["mentions"][0])


def test_merge_records_are_one_node_per_entity_surface_form_and_rule(extract_text):
    record = extract_text(ARTICLES["envoy"], article_id="envoy")
    g = record_graph(record)
    rows = {
        (str(r.surface), str(r.rule), int(r.n))
        for r in g.query(
            """SELECT ?surface ?rule ?n WHERE { ?r a kg:Resolution ; kg:resolvedTo ?e ; kg:surfaceForm ?surface ;
           kg:rule ?rule ; kg:mentionCount ?n ; kg:article ?a . ?a kg:text ?text }""",
            initNs={"kg": KG._NS},
            initBindings={"e": URIRef("https://w3id.org/kgct/resource/entity/Q159")},
        )
    }
    assert rows == {("Moscow", "alias", 2), ("Kremlin", "alias", 1)}
    assert validate(g).conforms, validate(g).to_text()


def test_the_rule_vocabulary_is_the_same_in_code_shapes_and_ontology():
    from kg.graph.ontology import ontology_text
    from kg.quality.validate import shapes_text

    assert all(f'"{rule}"' in shapes_text() for rule in RESOLUTION_RULES)
    comment = str(
        Graph()
        .parse(data=ontology_text(), format="turtle")
        .value(KG.rule, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))
    )
    assert all(f"'{rule}'" in comment for rule in RESOLUTION_RULES)


# -- kg entities ------------------------------------------------------------------------------------


def test_kg_entities_merged_lists_each_surface_form_with_its_rule_and_articles(tmp_path, extractor, capsys):
    path, _ = built(tmp_path, extractor, "envoy", "talks", "nato")
    assert main(["entities", "--store", str(path), "--merged", "--format", "json"]) == 0
    merged = {e["label"]: e for e in json.loads(capsys.readouterr().out)}
    assert "NATO" not in merged and "Brussels" not in merged  # one surface form, its own name
    russia = {(s["surface"], s["rule"]): s for s in merged["Russia"]["surface_forms"]}
    assert russia[("Kremlin", "alias")]["articles"] == 2
    assert russia[("Kremlin", "alias")]["examples"] == ["envoy", "talks"]
    assert russia[("Moscow", "alias")] == {
        "surface": "Moscow",
        "rule": "alias",
        "articles": 1,
        "mentions": 2,
        "examples": ["envoy"],
    }
    assert merged["Russia"]["joined_by"] == "wikidata" and merged["Russia"]["wikidata"] == "Q159"
    assert ("Petrenko", "surname") in {(s["surface"], s["rule"]) for s in merged["Olena Petrenko"]["surface_forms"]}

    assert main(["entities", "--store", str(path), "--merged"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:6] == ["label", "type", "wikidata", "joined_by", "surface", "rule"]
    assert any(line.split()[:2] == ["Russia", "Country"] and "alias" in line.split() for line in table)


def test_kg_entities_lists_every_node_and_filters_by_name(tmp_path, extractor, capsys):
    path, _ = built(tmp_path, extractor, "talks", "nato")
    assert main(["entities", "--store", str(path), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "label,type,wikidata,articles,surface_forms,entity"
    assert any(line.startswith("NATO,Organization,Q7184,1,NATO (wikidata),") for line in lines)
    assert main(["entities", "--store", str(path), "--entity", "kremlin", "--format", "json"]) == 0
    assert [e["label"] for e in json.loads(capsys.readouterr().out)] == ["Russia"]


def names_in_store(path, iri):
    from rdflib.namespace import RDFS

    from kg.graph.rdf import ENTITIES_GRAPH

    with Store(path, read_only=True) as store:

        def values(p):
            return sorted(t[2].toPython() for t in store.triples(ENTITIES_GRAPH, URIRef(iri), p))

        return values(RDFS.label), values(SKOS.hiddenLabel), values(KG.sortKey)


def test_a_node_named_two_ways_is_shown_by_the_name_most_articles_write(tmp_path, extractor):
    from kg.graph.rdf import sort_key

    path, _ = built(tmp_path, extractor, "envoy", "warsaw", "accent")
    (node,) = [e for e in listing(path, entity="Olena Petrenko").values() if e.type == "Person"]
    assert node.label == "Olena Petrenko" and node.labels == ("Olena Petrenko", "Olena Petrénko")
    assert node.joined_by == "normalised-name"
    assert names_in_store(path, node.iri) == (["Olena Petrenko"], ["Olena Petrénko"], [sort_key("Olena Petrenko")])
    # two more articles write the accented name: the choice is made again over every name the node was given
    with Store(path) as store:
        build([write(tmp_path / "articles", "accent2", "accent3")], store=store, extractor=extractor)
    assert names_in_store(path, node.iri)[:2] == (["Olena Petrénko"], ["Olena Petrenko"])
    with Store(path) as store:  # settled: choosing again changes nothing
        before = sorted(map(str, store.quads()))
        settle_labels(store)
        assert sorted(map(str, store.quads())) == before
    (node,) = [e for e in listing(path, entity="Olena Petrenko").values() if e.type == "Person"]
    assert node.label == "Olena Petrénko" and node.articles == 5


# -- the override file ------------------------------------------------------------------------------


def test_a_split_undoes_an_alias_merge_and_the_rebuild_reextracts_only_the_articles_concerned(
    tmp_path, extractor, capsys
):
    path, _ = built(tmp_path, extractor, "talks", "nato")
    assert ("Kremlin", "alias") in rules(listing(path)["Russia"])
    overrides = overrides_file(tmp_path, 'split,the Kremlin,Russia,Organization,,"the presidential office, here"')

    assert main(["entities", "--store", str(path), "--overrides", str(overrides)]) == 0
    assert "kg-overrides.csv:2: split 'the Kremlin' from 'Russia' is not applied" in capsys.readouterr().err

    path, summary = built(tmp_path, extractor, "talks", "nato", overrides=overrides)
    assert (summary.updated, summary.unchanged) == (1, 1)  # "nato" does not say Kremlin
    entities = listing(path)
    assert rules(entities["Russia"]) == {("Russia", "wikidata")}
    assert rules(entities["Kremlin"]) == {("Kremlin", "override-split")} and entities["Kremlin"].type == "Organization"
    with Store(path, read_only=True) as store:  # the shared entity graph forgot the old alternative label
        assert (None, SKOS.altLabel, Literal("Kremlin")) not in store.graph()
        assert validate(store.dataset()).conforms
    assert main(["entities", "--store", str(path), "--overrides", str(overrides)]) == 0
    assert capsys.readouterr().err == ""

    _, again = built(tmp_path, extractor, "talks", "nato", overrides=overrides)
    assert (again.updated, again.unchanged) == (0, 2)


def test_a_merge_joins_two_nodes(tmp_path, extractor):
    path, _ = built(tmp_path, extractor, "warsaw", "variant")
    assert "Olena Petrenco" in listing(path)  # the small model even calls it an Organization
    overrides = overrides_file(tmp_path, "merge,Olena Petrenco,Olena Petrenko,Person,,transliteration")
    path, summary = built(tmp_path, extractor, "warsaw", "variant", overrides=overrides)
    assert (summary.updated, summary.unchanged) == (1, 1)
    merged = listing(path, merged=True)
    petrenko = merged["Olena Petrenko"]
    assert petrenko.articles == 2 and petrenko.type == "Person" and "Olena Petrenco" not in listing(path)
    assert rules(petrenko) == {("Olena Petrenko", "name"), ("Olena Petrenco", "override-merge")}


def test_a_merge_into_a_wikidata_id_and_an_article_scoped_split(extract_text, extractor):
    from kg.extract import Extractor
    from kg.graph.records import Article

    overrides = parse_overrides(
        "action,surface,entity,type,article\nmerge,Olena Petrenco,Q999999999,Person\n"
        "split,Petrenko,Olena Petrenko,,envoy\n"
    )
    custom = Extractor(extractor.nlp, overrides=overrides)
    variant = custom.extract(Article("variant", ARTICLES["variant"]))
    assert [(e.name, e.wikidata) for e in variant.entities if e.type == "Person"] == [("Olena Petrenco", "Q999999999")]
    envoy = custom.extract(Article("envoy", ARTICLES["envoy"]))
    people = {e.name: {m.rule for m in e.mentions} for e in envoy.entities if e.type == "Person"}
    assert people == {"Olena Petrenko": {"name"}, "Petrenko": {"override-split"}}
    assert custom.fingerprint_for(Article("nato", ARTICLES["nato"])) == custom.fingerprint


@pytest.mark.parametrize(
    ("lines", "where", "fix"),
    [
        (["split,Kremlin,Russia", "splitt,Moscow,Russia"], ":3:", "use split or merge"),
        (["merge,Kremlin,"], ":2:", "write a Wikidata id"),
        (["merge,Kremlin,Russia,Army"], ":2:", "use one of Person"),
        (["split,Kremlin,Russia", "merge,the kremlin,Russia"], ":3:", "one entry per surface form"),
        (["split,Kremlin,Russia,,,a note, with a comma"], ":2:", "quote fields that contain commas"),
    ],
)
def test_a_bad_override_file_is_one_line_naming_the_file_the_line_and_the_fix(tmp_path, capsys, lines, where, fix):
    bad = overrides_file(tmp_path, *lines)
    assert main(["entities", "--store", str(tmp_path / "none"), "--overrides", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and f"kg-overrides.csv{where}" in err and fix in err


def test_a_bad_header_or_a_missing_file_is_reported_too(tmp_path):
    from kg.read.overrides import load_overrides

    with pytest.raises(OverrideError, match=r"o\.csv:3: the header is 'surface,action'; write action,surface,entity"):
        parse_overrides("# a comment\n\nsurface,action\n", "o.csv")
    with pytest.raises(OverrideError, match="missing.csv: cannot read the override file"):
        load_overrides(tmp_path / "missing.csv")


@given(st.lists(st.text(alphabet="abc,\"' \tQ1#", max_size=30), max_size=5))
def test_any_override_text_parses_or_raises_a_one_line_override_error(lines):
    try:
        parse_overrides("\n".join(["action,surface,entity,type,article,note", *lines]), "f.csv")
    except OverrideError as err:
        assert str(err).startswith("f.csv:") and "\n" not in str(err)


# -- persons ----------------------------------------------------------------------------------------


def test_persons_join_across_articles_by_full_name_never_by_surname_alone(tmp_path, extractor):
    path, _ = built(tmp_path, extractor, "envoy", "warsaw", "bare", "titled")
    with Store(path, read_only=True) as store:
        people = [e for e in list_entities(store, entity="Petrenko") if e.type == "Person"]
    full = [e for e in people if e.label == "Olena Petrenko"]
    assert len(full) == 1 and full[0].articles == 2 and full[0].joined_by == "name"
    alone = [e for e in people if e.label == "Petrenko"]
    assert len(alone) == 2 and len({e.iri for e in alone}) == 2 and all(e.articles == 1 for e in alone)
