"""Tests for kg.quality (evaluate, gold, align, report): the scoring rules of shared/eval/SCHEMA.md on small hand-made records."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.quality.align import score_article
from kg.quality.evaluate import evaluate, score
from kg.quality.gold import EvalError, GoldArticle, load_gold, normalise
from kg.quality.report import FIGURES, Counts, Report

DEV = Path(__file__).parents[2] / "shared" / "eval" / "dev"

TEXT = (
    "Russia's army attacked Kyiv on 3 March 2022, officials said.\n"
    "The United States sent 500 troops to Poland.\n"
    "NATO and Washington are close allies, the BBC reported.\n"
    "Kyiv said the army attacked again."
)


# --------------------------------------------------------------------------- helpers


def span(text: str, quote: str, nth: int = 0) -> dict:
    """The evidence span of the nth occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return {"text": quote, "start": start, "end": start + len(quote)}


def gold_record(entities=(), events=(), relations=(), article_id: str = "a1") -> dict:
    """A gold record (deep-copied, so tests may mutate it freely)."""
    return copy.deepcopy(
        {
            "article": {"id": article_id, "file": f"{article_id}.txt"},
            "entities": list(entities),
            "events": list(events),
            "relations": list(relations),
        }
    )


def pred_record(entities=(), events=(), relations=(), article_id: str = "a1") -> dict:
    """A predicted record (deep-copied, so tests may mutate it freely)."""
    return copy.deepcopy(
        {
            "article": {"id": article_id},
            "entities": list(entities),
            "events": list(events),
            "relations": list(relations),
        }
    )


def gent(name: str, type_: str = "Country", **extra) -> dict:
    return {"name": name, "type": type_, **extra}


def pent(id_: str, name: str, type_: str = "Country", mentions=(), wikidata=None) -> dict:
    return {
        "id": id_,
        "name": name,
        "type": type_,
        "wikidata": wikidata,
        "mentions": [{"text": m, "start": 0, "end": 0} for m in mentions],
    }


def gevt(type_, evidence, actors=(), recipients=(), modality="asserted", **extra) -> dict:
    return {
        "type": type_,
        "evidence": evidence,
        "actors": list(actors),
        "recipients": list(recipients),
        "modality": modality,
        "sources": [],
        **extra,
    }


def pevt(id_, type_, evidence, actors=(), recipients=(), modality="asserted", **extra) -> dict:
    return {
        "id": id_,
        "type": type_,
        "evidence": span(TEXT, evidence),
        "actors": list(actors),
        "recipients": list(recipients),
        "modality": modality,
        "sources": [],
        **extra,
    }


def one(predicted: dict, gold: dict, text: str = TEXT):
    return score_article(predicted, gold, text)


RUSSIA_G = gent("Russia", wikidata="Q159", aliases=["Moscow"])
US_G = gent("United States", wikidata="Q30", aliases=["Washington", "U.S."])
UKRAINE_G = gent("Ukraine", wikidata="Q212", aliases=["Kyiv"])
RUSSIA_P = pent("r", "Russia", mentions=["Russia's"])
US_P = pent("u", "United States")
UKRAINE_P = pent("k", "Kyiv")
ATTACK = "Russia's army attacked Kyiv on 3 March 2022"


def attack_gold(**extra) -> dict:
    event = gevt(["ASSAULT"], ATTACK, actors=["Russia"], recipients=["Ukraine"], **extra)
    return gold_record([RUSSIA_G, UKRAINE_G, US_G], [event])


def attack_pred(**extra) -> dict:
    event = pevt("e1", "ASSAULT", ATTACK, actors=["r"], recipients=["k"], **extra)
    return pred_record([RUSSIA_P, UKRAINE_P, US_P], [event])


# --------------------------------------------------------------------------- names and entities


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The United States", "united states"),
        ("an anonymous European diplomat", "anonymous european diplomat"),
        ("A Nato official", "nato official"),
        ("Russia's", "russia"),
        ("NATO\u2019s Europe Command", "nato europe command"),
        ("U.S.  officials ", "us officials"),
        ("  Gert-Jan\tKoopman ", "gertjan koopman"),
        ("Theresa May", "theresa may"),  # only a whole leading word "the" goes
        ("Ukraine Recovery Conference (URC)", "ukraine recovery conference urc"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@given(st.text())
def test_normalise_leaves_no_punctuation_or_stray_space(raw: str) -> None:
    out = normalise(raw)
    assert out == out.strip() and "  " not in out and "\n" not in out
    assert not any(unicodedata.category(ch).startswith("P") for ch in out)


def test_entity_matches_by_normalised_name_alias_mention_or_wikidata() -> None:
    gold = gold_record(
        [
            gent("United States", aliases=["Washington"]),
            gent("Russia", wikidata="Q159"),
            gent("The Wall Street Journal", "NewsOutlet"),
            gent("Ukraine", aliases=["Kyiv"]),
        ]
    )
    pred = pred_record(
        [
            pent("1", "Washington"),  # name equals an alias
            pent("2", "Russian Federation", wikidata="Q159"),  # same Wikidata id
            pent("3", "wall street journal", "NewsOutlet"),  # normalised name
            pent("4", "Ukrainian government", mentions=["Kyiv"]),  # a mention equals an alias
        ]
    )
    s = one(pred, gold)
    assert (s.counts.entity_tp, s.counts.entity_predicted, s.counts.entity_gold) == (4, 4, 4)
    assert s.figures["entity_f1"] == 1.0
    assert not s.misses and not s.false_findings


def test_wikidata_none_on_both_sides_is_no_match() -> None:
    s = one(pred_record([pent("1", "Spain")]), gold_record([gent("Russia")]))
    assert s.counts.entity_tp == 0 and len(s.misses) == 1 and len(s.false_findings) == 1


def test_entity_type_accuracy_uses_coarse_classes() -> None:
    gold = gold_record([gent("NATO", "Organization"), gent("Kyiv", "Place"), gent("Biden", "Person")])
    pred = pred_record([pent("1", "NATO", "Group"), pent("2", "Kyiv", "Country"), pent("3", "Biden", "Group")])
    s = one(pred, gold)
    assert (s.counts.type_correct, s.counts.type_total) == (2, 3)
    [wrong] = s.wrong
    assert wrong.what == "type" and "predicted Group, gold Person" in wrong.detail


def test_optional_entities_are_neither_missed_nor_false() -> None:
    gold = gold_record([gent("Russia"), gent("Spain", optional=True), gent("Poland", optional=True)])
    pred = pred_record([pent("1", "Russia"), pent("2", "Spain"), pent("3", "Germany")])
    s = one(pred, gold)
    # Spain is dropped from both sides; Poland unfound is fine; Germany is a false finding.
    assert (s.counts.entity_tp, s.counts.entity_predicted, s.counts.entity_gold) == (1, 2, 1)
    assert [f.summary for f in s.false_findings] == ["Country 'Germany' (id 3)"]
    assert not s.misses


def test_required_gold_is_matched_before_optional_gold() -> None:
    # The one predicted entity matches both; the required gold item gets it although it comes second.
    gold = gold_record(
        [
            gent("US officials", "Group", optional=True, aliases=["officials"]),
            gent("European officials", "Group", aliases=["officials"]),
        ]
    )
    s = one(pred_record([pent("1", "officials", "Group")]), gold)
    assert (s.counts.entity_tp, s.counts.entity_predicted, s.counts.entity_gold) == (1, 1, 1)


def test_one_to_one_duplicates_are_false_and_one_prediction_serves_one_gold() -> None:
    gold = gold_record([gent("Russia", aliases=["Moscow"])])
    dup = one(pred_record([pent("1", "Russia"), pent("2", "Moscow")]), gold)
    assert (dup.counts.entity_tp, dup.counts.entity_predicted, dup.counts.entity_gold) == (1, 2, 1)
    assert [f.summary for f in dup.false_findings] == ["Country 'Moscow' (id 2)"]

    two_gold = gold_record([gent("Russia", aliases=["Moscow"]), gent("Moscow", "Place")])
    shared = one(pred_record([pent("1", "Moscow", "Place")]), two_gold)
    # greedy in gold file order: the first gold item (Russia) takes the only prediction
    assert (shared.counts.entity_tp, shared.counts.entity_gold) == (1, 2)
    assert [f.summary for f in shared.misses] == ["Place 'Moscow'"]


def test_misses_and_false_findings_carry_evidence() -> None:
    s = one(pred_record([pent("1", "Germany")]), gold_record([gent("Poland")]))
    [miss], [false] = s.misses, s.false_findings
    assert miss.what == "entity" and "Poland" in miss.evidence and TEXT[slice(*miss.span)] == "Poland"
    assert false.what == "entity" and false.article == "a1"


# --------------------------------------------------------------------------- events


def test_event_matches_with_evidence_given_as_string() -> None:
    s = one(attack_pred(), attack_gold())
    assert (s.counts.event_tp, s.counts.event_predicted, s.counts.event_gold) == (1, 1, 1)


def test_event_evidence_only_needs_to_overlap() -> None:
    pred = attack_pred()
    pred["events"][0]["evidence"] = span(TEXT, "attacked Kyiv on 3 March 2022, officials said.")
    assert one(pred, attack_gold()).counts.event_tp == 1
    pred["events"][0]["evidence"] = span(TEXT, "The United States sent 500 troops")
    assert one(pred, attack_gold()).counts.event_tp == 0


def test_repeated_gold_evidence_overlapping_any_occurrence_counts() -> None:
    gold = gold_record([RUSSIA_G], [gevt("ASSAULT", "the army attacked", actors=[])])
    pred = pred_record([], [{"id": "e", "type": "ASSAULT", "evidence": span(TEXT, "army attacked again", 0)}])
    assert TEXT.count("the army attacked") == 1 and TEXT.count("army attacked") == 2
    assert one(pred, gold).counts.event_tp == 1


def test_event_type_may_be_any_gold_type() -> None:
    gold = attack_gold()
    gold["events"][0]["type"] = ["COERCE", "ASSAULT"]
    pred = attack_pred()
    assert one(pred, gold).counts.event_tp == 1
    pred["events"][0]["type"] = "THREATEN"
    s = one(pred, gold)
    assert s.counts.event_tp == 0
    assert [f.what for f in s.misses] == ["event"] and s.misses[0].evidence == ATTACK
    assert [f.what for f in s.false_findings] == ["event"]


def test_event_actor_requirement() -> None:
    pred = attack_pred()
    pred["events"][0]["actors"] = ["u"]  # United States is not the gold actor
    assert one(pred, attack_gold()).counts.event_tp == 0
    pred["events"][0]["actors"] = ["u", "r"]  # one matching actor is enough
    assert one(pred, attack_gold()).counts.event_tp == 1
    pred["events"][0]["actors"] = ["nonexistent-id"]  # a dangling id matches nothing
    assert one(pred, attack_gold()).counts.event_tp == 0
    gold = attack_gold()
    gold["events"][0]["actors"] = []  # no gold actors: no requirement
    pred["events"][0]["actors"] = []
    assert one(pred, gold).counts.event_tp == 1


def test_event_actor_matches_through_alias_and_wikidata() -> None:
    gold = attack_gold()
    pred = attack_pred()
    pred["entities"][0] = pent("r", "the Kremlin", mentions=["Moscow"])  # alias of the gold actor
    assert one(pred, gold).counts.event_tp == 1
    pred["entities"][0] = pent("r", "Russian Federation", wikidata="Q159")
    assert one(pred, gold).counts.event_tp == 1


def test_events_one_to_one_and_optional() -> None:
    gold = attack_gold()
    gold["events"].append(gevt("ASSAULT", "Kyiv said the army attacked again", ["Russia"], optional=True))
    pred = attack_pred()
    pred["events"].append(dict(pred["events"][0], id="e2"))  # a duplicate of the first
    pred["events"].append(pevt("e3", "ASSAULT", "the army attacked again", actors=["r"]))  # the optional one
    s = one(pred, gold)
    assert (s.counts.event_tp, s.counts.event_predicted, s.counts.event_gold) == (1, 2, 1)
    assert len(s.false_findings) == 1 and not s.misses
    assert s.counts.modality_total == 1  # the optional pair is not scored further


# --------------------------------------------------------------------------- accuracies over matched events


def test_modality_accuracy() -> None:
    assert (
        one(attack_pred(modality="planned"), attack_gold(modality=["possible", "planned"])).figures["modality_accuracy"]
        == 1.0
    )
    s = one(attack_pred(modality="asserted"), attack_gold(modality="negated"))
    assert (s.counts.modality_correct, s.counts.modality_total) == (0, 1)
    [wrong] = s.wrong
    assert wrong.what == "modality" and wrong.evidence == ATTACK and "predicted asserted" in wrong.detail


@pytest.mark.parametrize(
    ("gold_sources", "pred_sources", "ok"),
    [
        ([], [], True),
        (["United States"], [], False),
        ([], ["u"], False),
        (["United States", "Russia"], ["r"], True),
        (["United States"], ["u2"], True),  # a different predicted entity that matches by alias
        (["United States"], ["k"], False),
    ],
)
def test_attribution_accuracy(gold_sources: list, pred_sources: list, ok: bool) -> None:
    pred = attack_pred(sources=pred_sources)
    pred["entities"].append(pent("u2", "Washington"))
    s = one(pred, attack_gold(sources=gold_sources))
    assert (s.counts.attribution_correct, s.counts.attribution_total) == (int(ok), 1)
    assert [f.what for f in s.wrong] == ([] if ok else ["attribution"])


def test_argument_scores_are_role_sensitive() -> None:
    s = one(attack_pred(), attack_gold())
    assert (s.counts.argument_tp, s.counts.argument_predicted, s.counts.argument_gold) == (2, 2, 2)
    swapped = attack_pred()
    swapped["events"][0]["recipients"] = ["r"]
    swapped["events"][0]["actors"] = ["r", "k"]  # Kyiv as actor, not as recipient
    s = one(swapped, attack_gold())
    assert (s.counts.argument_tp, s.counts.argument_predicted, s.counts.argument_gold) == (1, 3, 2)
    assert s.figures["argument_precision"] == pytest.approx(1 / 3)
    assert s.figures["argument_recall"] == pytest.approx(1 / 2)
    assert s.figures["argument_f1"] == pytest.approx(2 / 5)


def test_argument_naming_an_optional_entity_is_optional() -> None:
    gold = attack_gold()
    gold["entities"].append(gent("Kyiv residents", "Group", optional=True))
    gold["events"][0]["recipients"].append("Kyiv residents")
    pred = attack_pred()
    assert one(pred, gold).counts.argument_gold == 2  # not found: not a miss
    pred["entities"].append(pent("kr", "Kyiv residents", "Group"))
    pred["events"][0]["recipients"].append("kr")
    s = one(pred, gold)
    assert (s.counts.argument_tp, s.counts.argument_predicted, s.counts.argument_gold) == (2, 2, 2)


@pytest.mark.parametrize(
    ("pred_quantity", "ok"),
    [
        ({"value": 500.0, "unit": "troops"}, True),
        ({"value": "500", "unit": "troops"}, True),
        ({"value": 5000, "unit": "troops"}, False),
        (None, False),
    ],
)
def test_quantity_accuracy(pred_quantity: dict | None, ok: bool) -> None:
    quote = "The United States sent 500 troops to Poland."
    gold = gold_record(
        [US_G],
        [
            gevt(
                "MOBILIZE",
                quote,
                ["United States"],
                quantity={"value": 500, "unit": "troops", "approximate": False},
            )
        ],
    )
    pred = pred_record([US_P], [pevt("e", "MOBILIZE", quote, ["u"], quantity=pred_quantity)])
    s = one(pred, gold)
    assert (s.counts.quantity_correct, s.counts.quantity_total) == (int(ok), 1)


def test_quantity_not_scored_where_gold_has_none() -> None:
    s = one(attack_pred(quantity={"value": 3, "unit": "x"}), attack_gold(quantity=None))
    assert s.counts.quantity_total == 0 and s.figures["quantity_accuracy"] is None


@pytest.mark.parametrize(
    ("gold_time", "pred_time", "ok"),
    [
        ({"start": "2022-03-03", "end": "2022-03-03"}, {"start": "2022-03", "end": None}, True),
        ({"start": "2022-03-03", "end": None}, {"start": "2022", "end": "2022"}, True),
        ({"start": "2022-02", "end": "2022-03-01"}, {"start": "2022-03-01", "end": "2022-03-05"}, True),
        ({"start": "2022-03", "end": "2022-03"}, {"start": "2022-02-28", "end": "2022-02-28"}, False),
        ({"start": "2022-02", "end": "2022-02"}, {"start": "2022-02-29"}, False),  # not a date
        ({"start": "2022-03-03", "end": None}, None, False),
        ({"start": "2022-03-03", "end": None}, {"start": None, "end": None}, False),
    ],
)
def test_time_accuracy(gold_time: dict, pred_time: dict | None, ok: bool) -> None:
    s = one(attack_pred(time=pred_time), attack_gold(time=gold_time))
    assert (s.counts.time_correct, s.counts.time_total) == (int(ok), 1)
    assert [f.what for f in s.wrong] == ([] if ok else ["time"])


def test_time_not_scored_without_gold_start() -> None:
    s = one(attack_pred(time=None), attack_gold(time={"text": "winter", "start": None, "end": None}))
    assert s.counts.time_total == 0 and s.figures["time_accuracy"] is None


# --------------------------------------------------------------------------- relations


def test_allied_with_is_symmetric_other_relations_are_not() -> None:
    nato_g, nato_p = gent("NATO", "Organization"), pent("n", "NATO", "Organization")
    evidence = "NATO and Washington are close allies"
    gold = gold_record(
        [nato_g, US_G],
        relations=[
            {"type": "allied_with", "subject": "NATO", "object": "United States", "evidence": evidence},
            {"type": "supports", "subject": "NATO", "object": "United States", "evidence": evidence},
        ],
    )
    pred = pred_record(
        [nato_p, pent("w", "Washington")],
        relations=[
            {
                "id": "r1",
                "type": "allied_with",
                "subject": "w",
                "object": "n",
                "evidence": span(TEXT, evidence),
            },
            {"id": "r2", "type": "supports", "subject": "w", "object": "n", "evidence": span(TEXT, evidence)},
        ],
    )
    s = one(pred, gold)
    assert (s.counts.relation_tp, s.counts.relation_predicted, s.counts.relation_gold) == (1, 2, 2)
    assert [f.summary for f in s.misses if f.what == "relation"] == ["supports(NATO, United States)"]
    assert [f.summary for f in s.false_findings] == ["supports(Washington, NATO)"]


def test_optional_relation() -> None:
    gold = gold_record(
        [RUSSIA_G, UKRAINE_G],
        relations=[
            {
                "type": "opposes",
                "subject": "Russia",
                "object": "Ukraine",
                "optional": True,
                "evidence": ATTACK,
            },
        ],
    )
    pred = pred_record(
        [RUSSIA_P, UKRAINE_P],
        relations=[{"id": "r", "type": "opposes", "subject": "r", "object": "k", "evidence": span(TEXT, ATTACK)}],
    )
    s = one(pred, gold)
    assert (s.counts.relation_tp, s.counts.relation_predicted, s.counts.relation_gold) == (0, 0, 0)
    assert s.figures["relation_f1"] is None
    assert one(pred_record([RUSSIA_P, UKRAINE_P]), gold).misses == ()


# --------------------------------------------------------------------------- reports


def test_micro_averaging_across_two_articles() -> None:
    text_b = "Moscow and Kyiv met. Poland watched."
    gold_b = gold_record(
        [gent("Russia", aliases=["Moscow"]), gent("Ukraine", aliases=["Kyiv"]), gent("Poland")],
        article_id="b",
    )
    gold_a = gold_record([gent("Russia")], article_id="a")
    pairs = [
        (
            pred_record([pent("1", "Russia"), pent("2", "Spain"), pent("3", "France")]),
            GoldArticle.of(gold_a, TEXT),
        ),
        (pred_record([pent("1", "Moscow"), pent("2", "Kyiv")]), GoldArticle.of(gold_b, text_b)),
    ]
    report = score(pairs)
    assert [a.article for a in report.articles] == ["a", "b"]
    assert report.counts == report.articles[0].counts + report.articles[1].counts
    c = report.counts
    assert (c.entity_tp, c.entity_predicted, c.entity_gold) == (3, 5, 4)
    assert report.figures["entity_precision"] == pytest.approx(3 / 5)
    assert report.figures["entity_recall"] == pytest.approx(3 / 4)
    assert report.figures["entity_f1"] == pytest.approx(6 / 9)
    macro = (report.articles[0].figures["entity_precision"] + report.articles[1].figures["entity_precision"]) / 2
    assert macro == pytest.approx(2 / 3) != report.figures["entity_precision"]


def test_empty_denominators_are_none_not_one() -> None:
    s = one(pred_record(), gold_record())
    assert all(value is None for value in s.figures.values())
    assert set(s.figures) == set(FIGURES)
    s = one(pred_record(), gold_record([gent("Russia")]))
    assert s.figures["entity_precision"] is None
    assert s.figures["entity_recall"] == 0.0 and s.figures["entity_f1"] == 0.0


def test_report_meets_to_dict_and_to_text() -> None:
    report = score([(attack_pred(modality="planned"), GoldArticle.of(attack_gold(), TEXT))])
    assert report.meets({"entity_f1": 0.7, "event_f1": 0.5}) == []
    failed = report.meets({"modality_accuracy": 0.5, "quantity_accuracy": 0.1, "event_f1": 1.0})
    assert failed == [
        "modality_accuracy: 0.000 < 0.500",
        "quantity_accuracy: not measured (no cases), bar 0.100",
    ]
    with pytest.raises(EvalError, match="unknown figure 'entity_f2'"):
        report.meets({"entity_f2": 0.5})

    d = json.loads(json.dumps(report.to_dict()))
    assert d["overall"]["figures"]["event_f1"] == 1.0
    assert d["overall"]["counts"]["modality_total"] == 1
    assert d["articles"][0]["wrong"][0]["what"] == "modality"
    assert d["articles"][0]["wrong"][0]["evidence"] == ATTACK

    text = report.to_text()
    assert text.index("Overall") < text.index("Per article") < text.index("== a1 ==")
    assert "Wrong modality" in text and ATTACK in text and "1/1" in text


def test_report_of_nothing() -> None:
    report = Report(())
    assert report.counts == Counts() and report.meets({"entity_f1": 0.1}) == [
        "entity_f1: not measured (no cases), bar 0.100"
    ]
    assert "Overall (0 articles" in report.to_text()


@given(st.sets(st.sampled_from(["Russia", "Moscow", "Ukraine", "Kyiv", "Poland", "Spain"]), max_size=6))
def test_figures_stay_in_range(names: set[str]) -> None:
    gold = gold_record([RUSSIA_G, UKRAINE_G, gent("Poland")])
    pred = pred_record([pent(str(i), n) for i, n in enumerate(sorted(names))])
    s = one(pred, gold)
    assert s.counts.entity_tp <= min(s.counts.entity_predicted, s.counts.entity_gold)
    assert all(v is None or 0.0 <= v <= 1.0 for v in s.figures.values())


# --------------------------------------------------------------------------- gold files and errors


def write_gold(folder: Path, gold: dict | str, text: str = TEXT, article_id: str = "a1") -> Path:
    (folder / f"{article_id}.txt").write_bytes(text.encode("utf-8"))
    path = folder / f"{article_id}.gold.json"
    path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    return path


def test_load_gold_reads_text_exactly_and_sorts_by_id(tmp_path: Path) -> None:
    text = "Line one\r\nRussia\u2019s army.\n"
    write_gold(tmp_path, gold_record([RUSSIA_G], article_id="zz"), text, "zz")
    write_gold(tmp_path, gold_record([RUSSIA_G], article_id="aa"), TEXT, "aa")
    golds = load_gold(tmp_path)
    assert [g.article.id for g in golds] == ["aa", "zz"]
    assert golds[1].article.text == text  # \r\n kept: offsets count exactly these characters
    assert golds[1].path == tmp_path / "zz.gold.json"
    assert golds[1].article.path == str(tmp_path / "zz.txt")


def test_evaluate_runs_the_extractor(tmp_path: Path) -> None:
    write_gold(tmp_path, attack_gold())
    seen = []

    def extract(article):
        seen.append(article.id)
        return attack_pred()

    report = evaluate(tmp_path, extract)
    assert seen == ["a1"]
    assert report.figures["event_f1"] == 1.0 and report.figures["entity_f1"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda g: "{not json", "is not valid JSON"),
        (lambda g: g["events"][0].update(evidence="Russia invaded Kyiv") or g, "events[0].evidence"),
        (lambda g: g["events"][0].update(actors=["Moscow"]) or g, "events[0].actors names 'Moscow'"),
        (lambda g: g["events"][0].update(type="INVADE") or g, "events[0].type is 'INVADE'"),
        (lambda g: g["events"][0].update(modality="maybe") or g, "events[0].modality"),
        (lambda g: g["events"][0].update(time={"start": "March 2022"}) or g, "events[0].time.start"),
        (lambda g: g["events"][0].update(quantity={"value": "many"}) or g, "events[0].quantity"),
        (lambda g: g["entities"][0].update(type="Nation") or g, "entities[0].type"),
        (lambda g: g["entities"].append(gent("Russia")) or g, "entities[3].name 'Russia' is used twice"),
        (
            lambda g: g.update(relations=[{"type": "friends", "subject": "Russia", "object": "Ukraine"}]) or g,
            "relations[0].type",
        ),
        (lambda g: g["article"].update(id="b2") or g, "article.id is 'b2'"),
        (lambda g: g["article"].update(file="missing.txt") or g, "article.file names"),
    ],
)
def test_broken_gold_raises_one_line_eval_error_naming_the_file(tmp_path: Path, mutate, message: str) -> None:
    path = write_gold(tmp_path, mutate(attack_gold()))
    with pytest.raises(EvalError) as info:
        load_gold(tmp_path)
    text = str(info.value)
    assert isinstance(info.value, ValueError)
    assert text.startswith(str(path)) and message in text and "\n" not in text
    assert ";" in text  # the part after ';' says what to fix


def test_folder_without_gold_files(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"no \*\.gold\.json files"):
        load_gold(tmp_path)
    with pytest.raises(EvalError, match="is not a folder"):
        load_gold(tmp_path / "nope")


def test_score_article_names_the_gold_when_evidence_is_absent() -> None:
    gold = attack_gold()
    gold["events"][0]["evidence"] = "not in the text"
    with pytest.raises(EvalError, match=r"^a1\.txt: events\[0\]\.evidence 'not in the text' does not occur"):
        score_article(attack_pred(), gold, TEXT)
    with pytest.raises(EvalError, match=r"^my/gold\.json: "):
        score_article(attack_pred(), gold, TEXT, where="my/gold.json")


# ------------------------------------------------------------------ the dev gold scores itself perfectly


def gold_as_predicted(gold: dict, text: str) -> dict:
    """The gold record as an extractor would print it: ids instead of names, spans instead of strings."""
    ids = {e["name"]: f"ent{i}" for i, e in enumerate(gold["entities"])}

    def as_span(evidence) -> dict:
        if isinstance(evidence, dict):
            return evidence
        start = text.index(evidence)
        return {"text": evidence, "start": start, "end": start + len(evidence)}

    def first(value):
        return value[0] if isinstance(value, list) else value

    entities = [
        {
            "id": ids[e["name"]],
            "name": e["name"],
            "type": e["type"],
            "wikidata": e.get("wikidata"),
            "mentions": [{"text": m, "start": 0, "end": 0} for m in [e["name"], *e.get("aliases", [])]],
        }
        for e in gold["entities"]
    ]
    events = [
        {
            "id": f"ev{i}",
            "type": first(e["type"]),
            "mode": e.get("mode"),
            "trigger": {"text": e.get("trigger") or "", "start": 0, "end": 0},
            "actors": [ids[n] for n in e.get("actors", [])],
            "recipients": [ids[n] for n in e.get("recipients", [])],
            "locations": [ids[n] for n in e.get("locations", [])],
            "quantity": e.get("quantity"),
            "modality": first(e["modality"]),
            "time": e.get("time"),
            "sources": [ids[n] for n in e.get("sources", [])],
            "evidence": as_span(e["evidence"]),
            "confidence": 1.0,
        }
        for i, e in enumerate(gold["events"])
    ]
    relations = [
        {
            "id": f"rel{i}",
            "type": r["type"],
            "subject": ids[r["subject"]],
            "object": ids[r["object"]],
            "modality": r.get("modality", "asserted"),
            "sources": [ids[n] for n in r.get("sources", [])],
            "evidence": as_span(r["evidence"]),
            "confidence": 1.0,
        }
        for i, r in enumerate(gold["relations"])
    ]
    return {"article": gold["article"], "entities": entities, "events": events, "relations": relations}


@pytest.mark.skipif(not DEV.is_dir(), reason=f"no dev gold at {DEV}")
def test_dev_gold_against_itself_scores_one_everywhere() -> None:
    golds = load_gold(DEV)
    assert golds
    report = score((gold_as_predicted(g.gold, g.article.text), g) for g in golds)
    assert report.figures == {name: 1.0 for name in FIGURES}
    for article in report.articles:
        assert all(v in (None, 1.0) for v in article.figures.values()), article.article
    assert report.misses == report.false_findings == report.wrong == ()
    assert report.meets({name: 1.0 for name in FIGURES}) == []
    by_id = {g.article.id: g for g in golds}
    assert evaluate(DEV, lambda a: gold_as_predicted(by_id[a.id].gold, a.text)).figures == report.figures
