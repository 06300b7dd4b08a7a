"""Plans over time: a planned event gets a status as later reports arrive (carried out, abandoned, or
still planned), kept in its own derived graph and recomputed by every build."""

from __future__ import annotations

from kg.api import run_query
from kg.graph.store import Store
from kg.pipeline import build


def write(folder, name: str, date: str, text: str):
    path = folder / f"{name}.md"
    path.write_text(f"---\ndate: {date}\nsource: {name} wire\n---\n{text}\n", encoding="utf-8")
    return path


def statuses(store) -> dict[str, tuple]:
    rows = run_query("plan-status", store=store).to_python()
    return {
        r["label"].split(" (")[0]: (r["status"], str(r["plannedSince"]), str(r["statusSince"]), r["article"])
        for r in rows
    }


def test_a_plan_is_carried_out_abandoned_or_still_planned_as_later_reports_say(tmp_path, extractor):
    news = tmp_path / "news"
    news.mkdir()
    write(news, "a1", "2024-01-10", "Germany plans to send tanks to Ukraine, officials said.")
    write(news, "a2", "2024-03-02", "Germany sent tanks to Ukraine on Friday.")
    write(news, "b1", "2024-01-15", "Poland plans to deploy troops to Lithuania.")
    write(news, "b2", "2024-02-20", "Poland abandoned plans to deploy troops to Lithuania.")
    write(news, "c1", "2024-01-20", "France intends to send fighter jets to Ukraine.")
    write(news, "d1", "2024-01-05", "Britain plans to send missiles to Ukraine.")
    write(news, "d2", "2025-06-01", "Britain sent missiles to Ukraine.")  # 17 months on: another act, not the plan
    store = Store(tmp_path / "store")
    build([news], store=store, extractor=extractor)
    got = statuses(store)
    assert got["AID: Germany -> Ukraine"] == ("carried out", "2024-01-10", "2024-03-02", "a2")
    assert got["MOBILIZE: Poland in Lithuania"] == ("abandoned", "2024-01-15", "2024-02-20", "b2")
    assert got["AID: France -> Ukraine"] == ("planned", "2024-01-20", "None", None)
    assert got["AID: United Kingdom -> Ukraine"] == ("planned", "2024-01-05", "None", None)
    only = run_query("plan-status", {"status": "abandoned"}, store=store).to_python()
    assert [r["article"] for r in only] == ["b2"]
    # the views show it in the event's panel
    from kg.views.model import view_model

    plans = {e["plan"] for e in view_model(store)["events"] if e["plan"]}
    assert "carried out (reported 2024-03-02)" in plans and "abandoned (reported 2024-02-20)" in plans
    from kg.quality.validate import validate

    report = validate(store)
    assert report.conforms, report.to_text()


def test_a_later_report_updates_the_status_on_the_next_build(tmp_path, extractor):
    news = tmp_path / "news"
    news.mkdir()
    write(news, "c1", "2024-01-20", "France intends to send fighter jets to Ukraine.")
    store = Store(tmp_path / "store")
    build([news], store=store, extractor=extractor)
    assert statuses(store)["AID: France -> Ukraine"][0] == "planned"
    write(news, "c2", "2024-04-02", "France delivered fighter jets to Ukraine.")
    summary = build([news], store=store, extractor=extractor)
    assert (summary.added, summary.unchanged) == (1, 1)
    assert statuses(store)["AID: France -> Ukraine"] == ("carried out", "2024-01-20", "2024-04-02", "c2")
    # the status is derived: it lives in its own graph, apart from what the articles say
    assert store.query("ASK { GRAPH <https://w3id.org/kgct/resource/graph/plans> { ?e ?p ?o } }") is True


def test_only_a_later_report_of_a_later_act_carries_a_plan_out(tmp_path, extractor):
    news = tmp_path / "news"
    news.mkdir()
    write(news, "a1", "2024-01-10", "Poland plans to send tanks to Ukraine, officials said.")
    # published later, but of an act done before the plan: not the plan carried out
    write(news, "a2", "2024-02-20", "Poland sent tanks to Ukraine in 2023, the ministry said.")
    # the plan's own article asserts an act of the same kind beside it: one it already knew
    write(news, "b1", "2024-01-12", "Germany has sent tanks to Ukraine. Germany plans to send tanks to Ukraine.")
    write(news, "c1", "2024-01-15", "Norway plans to send missiles to Ukraine.")
    write(news, "c2", "2024-02-01", "Norway sent missiles to Ukraine on Monday, the defence ministry said.")
    store = Store(tmp_path / "store")
    build([news], store=store, extractor=extractor)
    asserted = {
        (r["actors"], r["article"])
        for r in run_query("timeline", store=store).to_python()
        if r["modality"] == "asserted"
    }
    assert {("Poland", "a2"), ("Germany", "b1")} <= asserted  # what the rule is about is in the graph
    rows = {r["label"].split(" (")[0]: r for r in run_query("plan-status", store=store).to_python()}
    assert rows["AID: Poland -> Ukraine"]["status"] == "planned"
    assert rows["AID: Germany -> Ukraine"]["status"] == "planned"
    norway = rows["AID: Norway -> Ukraine"]
    assert norway["status"] == "carried out"
    # each row shows the sentence that gives the plan and the one that says it was carried out, with their words
    assert (norway["planArticle"], norway["planTrigger"], norway["planEvidence"]) == (
        "c1",
        "send",
        "Norway plans to send missiles to Ukraine.",
    )
    assert (norway["article"], norway["trigger"], norway["evidence"]) == (
        "c2",
        "sent",
        "Norway sent missiles to Ukraine on Monday, the defence ministry said.",
    )
    poland = rows["AID: Poland -> Ukraine"]
    assert (poland["planArticle"], poland["evidence"]) == ("a1", None)
    assert poland["planEvidence"] == "Poland plans to send tanks to Ukraine, officials said."


def test_the_query_plans_are_decided_from_is_part_of_the_derivation_version(monkeypatch):
    # a store derived with another plan-reports.rq is derived again by the next build
    from pathlib import Path

    from kg.derive import derivation_version

    before = derivation_version()
    read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: read(p) + (b"\n" if p.name == "plan-reports.rq" else b""))
    derivation_version.cache_clear()
    try:
        assert derivation_version() != before
    finally:
        monkeypatch.undo()
        derivation_version.cache_clear()
    assert derivation_version() == before
