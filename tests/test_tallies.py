"""Tallies: the counts `coordination`, `disputed` and `between` rank by are derived once per build into
res:graph/tallies, agree with the graph they are counted from, and follow it when articles change."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import permutations

from kg.api import run_query
from kg.derive.tallies import TALLIES_GRAPH, stored_version, tallies_current, version
from kg.graph.namespace import KG, SEM
from kg.graph.store import Store
from kg.pipeline import build

_ROLES = (SEM.hasActor, KG.hasRecipient, SEM.hasPlace, KG.subject, KG.object)
_TIES = """
PREFIX kg: <https://w3id.org/kgct/ontology#>
SELECT ?x ?y ?kind ?support WHERE { GRAPH <https://w3id.org/kgct/resource/graph/tallies> { ?t a kg:Tie ; kg:tieFrom ?x ; kg:tieTo ?y ; kg:tieKind ?kind ; kg:support ?support } }
"""


def write(tmp_path, name: str, date: str, text: str):
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\ndate: {date}\nsource: {name} wire\n---\n{text}\n", encoding="utf-8")
    return path


def _ties(store: Store, kind: str) -> dict[tuple[str, str], int]:
    rows = store.query(_TIES).to_python()
    return {(r["x"], r["y"]): r["support"] for r in rows if r["kind"] == kind}


def _linked_in_python(store: Store) -> dict[tuple[str, str], int]:
    """The 'linked' ties counted another way: in Python, from the store's quads."""
    roles, parts = {str(r) for r in _ROLES}, defaultdict(set)
    for q in store.quads():
        if q.predicate.value in roles:
            parts[q.subject.value].add(q.object.value)
    counts = Counter(pair for members in parts.values() for pair in permutations(sorted(members), 2))
    return dict(counts)


def test_linked_ties_count_what_the_graph_says_as_an_independent_count_does(seed_store):
    ties = _ties(seed_store, "linked")
    assert ties and ties == _linked_in_python(seed_store)
    assert tallies_current(seed_store)


def test_coordination_rows_are_the_coordination_ties(seed_store):
    rows = run_query("coordination", store=seed_store).to_python()
    ties = {
        k: v
        for kind in ("COOPERATE", "CONSULT", "AGREE", "allied_with")
        for k, v in ((k + (kind,), v) for k, v in _ties(seed_store, kind).items())
    }
    assert rows and {(r["a"], r["b"], r["how"]): r["support"] for r in rows} == ties


def test_tallies_follow_an_updated_article(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia attacked Kharkiv on Monday, Ukrainian officials said.")
    b = write(tmp_path, "beta", "2024-03-06", "Russia did not attack Kharkiv on Monday, the Kremlin said.")
    store = Store(tmp_path / "store")
    build([a, b], store=store, extractor=extractor)
    [row] = run_query("disputed", store=store).to_python()
    assert (row["claims"], row["articles"]) == (2, 2)
    assert _ties(store, "linked") == _linked_in_python(store)

    write(tmp_path, "beta", "2024-03-06", "Poland sent troops to Lithuania on Monday, officials said.")
    build([a, b], store=store, extractor=extractor)
    assert run_query("disputed", store=store).to_python() == []
    # no count of the old report lingers: the dispute is gone from the tallies graph, the ties are recounted
    assert not store.query(f"ASK {{ GRAPH <{TALLIES_GRAPH}> {{ ?e <{KG.disputedOn}> ?on }} }}")
    assert _ties(store, "linked") == _linked_in_python(store)


def test_tallies_made_by_other_rules_are_recomputed_by_the_next_build(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia and Belarus agreed to cooperate on air defence.")
    store = Store(tmp_path / "store")
    build([a], store=store, extractor=extractor)
    expected = _ties(store, "linked")
    # as an older kg would have left it: other rules' version, a count that is wrong now
    store.update(f"""DELETE {{ GRAPH <{TALLIES_GRAPH}> {{ <{TALLIES_GRAPH}> ?p ?v . ?t <{KG.support}> ?n }} }}
                     INSERT {{ GRAPH <{TALLIES_GRAPH}> {{ <{TALLIES_GRAPH}> ?p "old" . ?t <{KG.support}> 99 }} }}
                     WHERE {{ GRAPH <{TALLIES_GRAPH}> {{ <{TALLIES_GRAPH}> ?p ?v . ?t <{KG.support}> ?n }} }}""")
    assert not tallies_current(store)
    summary = build([a], store=store, extractor=extractor)
    assert summary.unchanged == 1 and tallies_current(store)
    assert _ties(store, "linked") == expected
    assert stored_version(store) == version()


def test_a_store_without_tallies_gets_them_on_the_next_build(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia and Belarus agreed to cooperate on air defence.")
    store = Store(tmp_path / "store")
    build([a], store=store, extractor=extractor)
    store.update(f"DROP GRAPH <{TALLIES_GRAPH}>")
    assert run_query("coordination", store=store).rows == ()
    build([a], store=store, extractor=extractor)
    rows = run_query("coordination", store=store).to_python()
    assert {frozenset((r["aLabel"], r["bLabel"])) for r in rows} == {frozenset(("Russia", "Belarus"))}


def _statement(tmp_path, name: str, title: str, body: str):
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\ndate: 2024-03-05\nsource: The White House\ntitle: {title}\n---\n{body}\n", encoding="utf-8")
    return path


def test_a_person_and_the_state_he_speaks_for_are_not_a_coordinating_pair(tmp_path, extractor):
    # "we" in a leader's statement or remarks stands for him and his state: both are actors of what "we" did
    stated = _statement(
        tmp_path,
        "statement",
        "Statement from President Joe Biden",
        "President Joe Biden reaffirmed the support of the United States for Ukraine. We will continue to consult "
        "closely with our allies. Ukrainian officials met with Polish officials in Warsaw.",
    )
    # no title in the text ties the speaker to her state: only "we" does
    remarks = _statement(
        tmp_path,
        "remarks",
        "Remarks by Vice President Jane Doe Before a Meeting",
        "Good morning. The United States stands with the people of Ukraine. We will discuss many issues today. "
        "I met with Polish officials yesterday, and we talked about energy.",
    )
    store = Store(tmp_path / "store")
    build([stated, remarks], store=store, extractor=extractor)
    co_actors = store.query("""PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?x ?y WHERE { ?e sem:hasActor ?a , ?b . ?a rdfs:label ?x . ?b rdfs:label ?y }""").to_python()
    # what the rule is about is in the graph
    assert {"x": "Joe Biden", "y": "United States"} in co_actors
    assert {"x": "Jane Doe", "y": "United States"} in co_actors
    pairs = {frozenset((r["aLabel"], r["bLabel"])) for r in run_query("coordination", store=store).to_python()}
    for person in ("Joe Biden", "Jane Doe"):
        assert frozenset((person, "United States")) not in pairs
    # two states' officials, a speaker and whom she met, and whom "we" consult with (in the very event "we" made
    # a person and a state co-actors of) still coordinate
    assert {
        frozenset(("Ukrainian officials", "Polish officials")),
        frozenset(("Jane Doe", "Polish officials")),
    } <= pairs
    assert {frozenset(("Joe Biden", "allies")), frozenset(("United States", "allies"))} <= pairs
    assert all(a != b for a, b in pairs)


def test_coordinating_pairs_are_unordered(tmp_path, extractor):
    # co-actors are one pair, and "A met B" and "B met A" are two events of that one pair, not mirrored rows
    a = write(tmp_path, "alpha", "2024-03-05", "Poland and Lithuania agreed to cooperate on air defence.")
    b = write(tmp_path, "beta", "2024-03-06", "Lithuania met Poland in Vilnius on Tuesday.")
    c = write(tmp_path, "gamma", "2024-03-07", "Poland met Lithuania in Warsaw on Thursday.")
    store = Store(tmp_path / "store")
    build([a, b, c], store=store, extractor=extractor)
    rows = run_query("coordination", store=store).to_python()
    keys = [(frozenset((r["a"], r["b"])), r["how"]) for r in rows]
    assert rows and len(keys) == len(set(keys))
    consult = [r for r in rows if r["how"] == "CONSULT"]
    assert [(frozenset((r["aLabel"], r["bLabel"])), r["support"], r["articles"]) for r in consult] == [
        (frozenset(("Poland", "Lithuania")), 2, 2)
    ]
