"""The same event reported by several articles is one event node with one claim per report; where the
reports disagree (modality, quantity), the `disputed` query shows it."""

from __future__ import annotations

from kg.api import run_query
from kg.pipeline import build
from kg.store import Store


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
    from kg.validate import validate

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
