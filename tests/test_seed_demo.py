"""The seed article's demo: what `kg query timeline` must show, asserted from the graph."""

from __future__ import annotations

import pytest

from kg.api import run_query


@pytest.fixture(scope="module")
def timeline(seed_store):
    return run_query("timeline", store=seed_store).to_python()


def find(rows, **conditions):
    def ok(row):
        return all(_contains(row.get(k), v) for k, v in conditions.items())

    return [r for r in rows if ok(r)]


def _contains(value, wanted) -> bool:
    if callable(wanted):
        return wanted(value)
    return value is not None and str(wanted).lower() in str(value).lower()


def test_planned_european_deployment_of_10000_troops_to_ukraine(timeline):
    rows = find(
        timeline,
        type="MOBILIZE",
        modality="planned",
        actors="European",
        places="Ukraine",
        quantity=lambda q: q is not None and "10,000" in q,
    )
    assert rows, "a planned MOBILIZE by European actors to Ukraine with 10,000 troops"


def test_plan_crafted_with_us_generals_is_attributed_to_the_wsj(timeline):
    assert find(timeline, type="COOPERATE", actors="U.S. generals", sources="Wall Street Journal")


def test_air_patrol_is_planned_and_attributed_to_the_anonymous_diplomat(timeline):
    assert find(
        timeline,
        type="MOBILIZE",
        trigger="patrol",
        modality="planned",
        actors="air forces",
        sources="anonymous European diplomat",
    )


def test_new_york_times_reports_hesitation_as_a_negated_deployment(timeline):
    assert find(timeline, type="MOBILIZE", modality="negated", actors="European countries", sources="New York Times")


def test_yermak_calls_for_security_guarantees(timeline):
    assert find(timeline, type="REQUEST", actors="Yermak", evidence="security guarantees")


def test_russian_winter_offensive_is_possible_and_keeps_its_season(timeline):
    assert find(timeline, type="ASSAULT", modality="possible", actors="Russian Armed Forces", time="winter")


def test_undated_article_gets_no_invented_dates(timeline):
    assert all(r["published"] is None for r in timeline)
    assert all(r["start"] is None for r in timeline)


def test_nato_and_the_united_states_are_allied(seed_store):
    rows = run_query("relations", store=seed_store).to_python()
    pairs = {(r["subjectLabel"], r["objectLabel"]) for r in rows if r["type"].endswith("allied_with")}
    assert ("NATO", "United States") in pairs or ("United States", "NATO") in pairs


def test_every_claim_has_evidence_that_is_in_the_article(seed_store):
    from conftest import SEED

    from kg.read.articles import read_articles

    text = read_articles([SEED])[0].text
    rows = seed_store.query("""
        PREFIX kg: <https://w3id.org/kgct/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact ?start ?end WHERE { ?c kg:evidence/oa:hasSelector ?q, ?p .
          ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end }""").to_python()
    assert rows
    for r in rows:
        assert text[int(r["start"]) : int(r["end"])] == r["exact"]
