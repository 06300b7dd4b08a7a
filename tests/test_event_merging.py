"""The same event reported by several articles is one event node with one claim per report; where the
reports disagree (modality, quantity), the `disputed` query shows it."""

from __future__ import annotations

from rdflib import URIRef

from kg.api import run_query
from kg.graph.store import Store
from kg.pipeline import build


def write(tmp_path, name: str, date: str, text: str):
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\ndate: {date}\nsource: {name} wire\n---\n{text}\n", encoding="utf-8")
    return path


def test_two_reports_of_one_attack_are_one_event_and_their_disagreement_is_listed(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia attacked Kharkiv on Monday, Ukrainian officials said.")
    b = write(tmp_path, "beta", "2024-03-06", "Russia did not attack Kharkiv on Monday, the Kremlin said.")
    c = write(tmp_path, "gamma", "2024-07-02", "Poland deployed troops to Lithuania.")
    store = Store(tmp_path / "store")
    build([a, b, c], store=store, extractor=extractor)
    rows = run_query("timeline", store=store).to_python()
    attacks = [r for r in rows if r["type"] == "ASSAULT"]
    assert len(attacks) == 2 and len({r["event"] for r in attacks}) == 1
    disputed = run_query("disputed", store=store).to_python()
    assert len(disputed) == 1
    assert disputed[0]["articles"] == 2
    assert set(disputed[0]["modalities"].split(" | ")) == {"asserted", "negated"}
    sources = run_query("sources-of", {"event": attacks[0]["event"]}, store=store).to_python()
    assert sorted(r["article"] for r in sources) == ["alpha", "beta"]
    from kg.quality.validate import validate

    report = validate(store)
    assert report.conforms, report.to_text()


def test_reports_a_year_apart_or_with_unnamed_actors_stay_apart(tmp_path, extractor):
    a = write(tmp_path, "one", "2022-03-05", "Russia attacked Kharkiv.")
    b = write(tmp_path, "two", "2023-03-05", "Russia attacked Kharkiv.")
    c = write(tmp_path, "three", "2022-03-06", "Western officials urged Russia to stop.")
    d = write(tmp_path, "four", "2022-03-07", "Western officials urged Russia to stop.")
    store = Store(tmp_path / "store")
    build([a, b, c, d], store=store, extractor=extractor)
    rows = run_query("timeline", store=store).to_python()
    assert len({r["event"] for r in rows}) == len(rows)


def test_updating_one_report_keeps_the_other(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia attacked Kharkiv on Monday.")
    b = write(tmp_path, "beta", "2024-03-06", "Russia attacked Kharkiv on Monday, officials said.")
    store = Store(tmp_path / "store")
    build([a, b], store=store, extractor=extractor)
    write(tmp_path, "alpha", "2024-03-05", "Nothing happened on Monday.")
    build([a], store=store, extractor=extractor)
    rows = [r for r in run_query("timeline", store=store).to_python() if r["type"] == "ASSAULT"]
    assert [r["article"] for r in rows] == ["beta"]


def _event_quads(store: Store, event: str) -> int:
    """How many quads, in all graphs, have the event as subject."""
    return len(store.query("SELECT ?e ?p ?o ?g WHERE { GRAPH ?g { ?e ?p ?o } }", {"e": URIRef(event)}))


def test_an_event_reported_many_times_is_described_once_and_each_report_keeps_its_own_time(tmp_path, extractor):
    texts = [
        "Russia attacked Kharkiv on Monday.",
        "Russia attacked Kharkiv on 4 March, officials said.",
        "Russia attacked Kharkiv, Reuters reported.",
    ]
    paths = [write(tmp_path, f"r{i}", f"2024-03-0{5 + i}", t) for i, t in enumerate(texts)]
    store = Store(tmp_path / "store")
    build(paths, store=store, extractor=extractor)
    rows = [r for r in run_query("timeline", store=store).to_python() if r["type"] == "ASSAULT"]
    assert len(rows) == 3 and len({r["event"] for r in rows}) == 1
    event = rows[0]["event"]
    # the union of graphs holds the event's type, label and participants once, not once per report
    described = store.query("SELECT ?e ?p ?o WHERE { ?e ?p ?o }", {"e": event})
    assert len(described) == len(set(described.rows)) == _event_quads(store, event)
    # the time is per report: stated by two of them (differently), unknown in the third
    assert sorted(str(r["time"] or "") for r in rows) == ["", "on 4 March", "on Monday"]


def test_re_extracting_or_removing_the_only_report_removes_its_event(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia attacked Kharkiv on Monday.")
    b = write(tmp_path, "beta", "2024-03-06", "Poland deployed troops to Lithuania.")
    store = Store(tmp_path / "store")
    build([a, b], store=store, extractor=extractor)
    events = {str(r["event"]): r["type"] for r in run_query("timeline", store=store).to_python()}
    attack = next(e for e, t in events.items() if t == "ASSAULT")
    write(tmp_path, "alpha", "2024-03-05", "Russia threatened Kharkiv on Monday.")
    build([a], store=store, extractor=extractor)
    assert _event_quads(store, attack) == 0
    assert {r["type"] for r in run_query("timeline", store=store).to_python()} == {"THREATEN", "MOBILIZE"}
    store.remove("alpha")
    assert {r["type"] for r in run_query("timeline", store=store).to_python()} == {"MOBILIZE"}
    assert (
        store.query(
            "ASK { ?e a <https://w3id.org/kgct/ontology#Event> ; "
            "<https://w3id.org/kgct/ontology#eventType> <https://w3id.org/kgct/plover/THREATEN> }"
        )
        is False
    )


def test_reports_that_disagree_on_who_did_it_are_shown_as_an_actor_dispute(tmp_path, extractor):
    a = write(tmp_path, "alpha", "2024-03-05", "Russia shelled Kharkiv on Monday, Ukrainian officials said.")
    b = write(tmp_path, "beta", "2024-03-06", "Ukraine shelled Kharkiv on Monday, the Kremlin said.")
    c = write(tmp_path, "gamma", "2024-03-07", "Poland deployed troops to Lithuania.")
    store = Store(tmp_path / "store")
    build([a, b, c], store=store, extractor=extractor)
    from kg.views.model import view_model

    disputes = {e["id"]: e["actor_dispute"] for e in view_model(store)["events"]}
    assert sorted(d for d in disputes.values() if d) == ["other reports name Russia", "other reports name Ukraine"]
    rows = [r for r in run_query("disputed", store=store).to_python() if r["actors"]]
    assert len(rows) == 2 and [sorted(r["actors"].split(" | ")) for r in rows] == [["Russia", "Ukraine"]] * 2


def test_a_recipient_that_is_also_the_place_links_once_and_its_label_tells_the_roles_apart(tmp_path, extractor):
    # "an invasion into Ukraine": Ukraine is the recipient and the place of one merged event
    a = write(tmp_path, "alpha", "2024-03-05", "Russia launched a large-scale invasion into Ukraine on Monday.")
    b = write(
        tmp_path, "beta", "2024-03-06", "Russia launched a large-scale invasion into Ukraine on Monday, officials said."
    )
    store = Store(tmp_path / "store")
    build([a, b], store=store, extractor=extractor)
    [event] = {r["event"] for r in run_query("timeline", store=store).to_python() if r["type"] == "ASSAULT"}
    roles = store.query(
        "SELECT ?e ?p WHERE { ?e ?p <https://w3id.org/kgct/resource/entity/Q212> }", {"e": URIRef(event)}
    ).to_python()
    assert len(roles) == 2  # what the rule is about is in the graph: recipient and place
    rows = run_query(
        "between",
        {"a": "https://w3id.org/kgct/resource/entity/Q159", "b": "https://w3id.org/kgct/resource/entity/Q212"},
        store=store,
    ).to_python()
    assert [(r["via"], r["viaLabel"]) for r in rows if r["hops"] == 1] == [
        (event, "ASSAULT: Russia -> Ukraine in Ukraine (2024-03)")
    ]
