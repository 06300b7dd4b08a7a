"""kg eval --re3d: entity and relation P/R/F1 on re3d-format gold (hand-written texts), the fixed split, misses."""

from __future__ import annotations

import json

import pytest

from kg.quality.eval_re3d import Re3dReport, _parse_doc, evaluate_re3d, read_re3d, score_document
from kg.quality.gold import EvalError, split_of

TEXT = "General Tom Baker, commander of the Northern Legion, met Lisbonian envoys in Valdora."


def _span(text, part, kind=None, confidence=1.0):
    start = text.index(part)
    out = {"start": start, "end": start + len(part), "text": part}
    if kind is not None:
        out.update(type=kind, confidence=confidence)
    return out


def _gold(doc_id="d1", text=TEXT):
    return {
        "id": doc_id,
        "text": text,
        "entities": [
            _span(text, "General Tom Baker", "Person"),
            _span(text, "Northern Legion", "Organisation"),
            _span(text, "Northern Legion", "Location", 0.2),  # the unadjudicated label of the same span
            _span(text, "Lisbonian", "Nationality"),
            _span(text, "Valdora", "Location"),
        ],
        "relations": [
            {"type": "InChargeOf", "arg1": _span(text, "General Tom Baker"), "arg2": _span(text, "Northern Legion")},
            {"type": "CoLocated", "arg1": _span(text, "Northern Legion"), "arg2": _span(text, "Valdora")},
            {"type": "BelongsTo", "arg1": _span(text, "General Tom Baker"), "arg2": _span(text, "Northern Legion")},
            {
                "type": "Likes",
                "arg1": _span(text, "Valdora"),
                "arg2": _span(text, "Northern Legion"),
                "confidence": 0.1,
            },
        ],
    }


def _entity(eid, name, kind, *parts, text=TEXT):
    return {"id": eid, "name": name, "type": kind, "mentions": [_span(text, p) for p in parts]}


def _record(relations):
    return {
        "entities": [
            _entity("p", "Tom Baker", "Person", "Tom Baker"),
            _entity("o", "Northern Legion", "Organization", "Northern Legion"),
            _entity("c", "Lisbonia", "Country", "Lisbonian"),
            _entity("v", "Valdora", "Place", "Valdora"),
        ],
        "relations": relations,
    }


def _doc():
    return _parse_doc(_gold(), "test")


def _report(score):
    return Re3dReport((score,), "test")


def test_overlap_matches_and_nationality_is_neutral():
    report = _report(score_document(_doc(), _record([])))
    mentions = report.figure("mention")
    # "Tom Baker" overlaps "General Tom Baker"; "Lisbonian" is a Nationality: neither right nor wrong
    assert (mentions["tp"], mentions["predicted"], mentions["gold"]) == (3, 3, 3)
    assert report.figure("entity")["f1"] == 1.0
    assert report.to_dict()["type_accuracy"] == 1.0


def test_relations_in_scope_follow_the_mapping():
    doc = _doc()
    # CoLocated has no kg counterpart; the Likes is below the confidence bar
    assert [(g.type, g.kg_class) for g in doc.relations] == [
        ("InChargeOf", "leader_of"),
        ("BelongsTo", "member_of|affiliated_with"),
    ]
    assert doc.left_out == ("CoLocated",)


def test_right_relations_score_one():
    rels = [
        {"id": "r1", "type": "leader_of", "subject": "p", "object": "o"},
        {"id": "r2", "type": "affiliated_with", "subject": "p", "object": "o"},
    ]
    assert _report(score_document(_doc(), _record(rels))).figure("relation")["f1"] == 1.0


def test_a_wrong_extraction_lowers_the_figures():
    right = _report(score_document(_doc(), _record([{"id": "r1", "type": "leader_of", "subject": "p", "object": "o"}])))
    reversed_ = [{"id": "r1", "type": "leader_of", "subject": "o", "object": "p"}]  # direction matters
    wrong = _report(score_document(_doc(), _record(reversed_)))
    assert right.figure("relation")["f1"] > wrong.figure("relation")["f1"] == 0.0
    assert "false-relation: d1 leader_of: 'Northern Legion' -> 'Tom Baker'" in wrong.to_text()
    assert "missed-relation: d1 InChargeOf -> leader_of: 'General Tom Baker' -> 'Northern Legion'" in wrong.to_text()
    # a spurious entity on plain words, and a missed one, lower the entity figures
    record = _record([])
    record["entities"] = record["entities"][:2] + [_entity("x", "met", "Person", "met")]
    bad = _report(score_document(_doc(), record))
    assert bad.figure("entity")["precision"] < 1.0 and bad.figure("entity")["recall"] < 1.0
    assert "missed-entity: d1 Location 'Valdora'" in bad.to_text()
    assert "false-mention: d1 Person 'met'" in bad.to_text()


def test_split_is_fixed_and_covers_every_document(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(_gold(f"doc{i}")) + "\n" for i in range(20)), encoding="utf-8")
    tune, check = read_re3d(path, "tune"), read_re3d(path, "check")
    assert len(tune) + len(check) == 20 and tune and check
    assert {d.id for d in tune} == {f"doc{i}" for i in range(20) if split_of(f"doc{i}") == "tune"}
    assert split_of("doc0") == split_of("doc0")


def test_bad_input_is_a_one_line_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "x", "text": "abc", "entities": [{"start": 2, "end": 9}]}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="outside the text"):
        read_re3d(path)
    with pytest.raises(EvalError, match="unknown"):
        read_re3d(path, "half")
    with pytest.raises(EvalError, match="not a file"):
        read_re3d(tmp_path / "none.jsonl")


def test_the_extractor_end_to_end(tmp_path, extractor):
    text = "Vladimir Putin met Emmanuel Macron in Paris on Monday."
    gold = {
        "id": "e1",
        "text": text,
        "entities": [
            _span(text, n, t)
            for n, t in [("Vladimir Putin", "Person"), ("Emmanuel Macron", "Person"), ("Paris", "Location")]
        ],
        "relations": [],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    report = evaluate_re3d(path, extractor.extract_many)
    assert report.figure("entity")["recall"] == 1.0
    assert json.loads(json.dumps(report.to_dict()))["documents"] == 1


def test_cli_scores_one_split_as_json(tmp_path, capsys):
    from kg.interfaces.cli import main

    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(_gold(f"doc{i}")) + "\n" for i in range(6)), encoding="utf-8")
    assert main(["eval", "--re3d", str(path), "--split", "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["split"] == "check"
    assert out["documents"] == sum(split_of(f"doc{i}") == "check" for i in range(6))
    assert out["relations_left_out"] == {"CoLocated": out["documents"]}


def test_pronoun_spans_are_neither_required_nor_wrong():
    text = "Ana Lopes said she would stay in Porto."
    gold = {"id": "p1", "text": text, "entities": [_span(text, "Ana Lopes", "Person"), _span(text, "she", "Person")]}
    record = {"entities": [_entity("a", "Ana Lopes", "Person", "Ana Lopes", "she", text=text)], "relations": []}
    report = _report(score_document(_parse_doc(gold, "test"), record))
    assert (report.figure("mention")["gold"], report.figure("mention")["predicted"]) == (1, 1)
    assert report.figure("entity")["f1"] == 1.0
    # a kg entity on a word re3d does not mark is still wrong
    record["entities"].append(_entity("b", "Porto", "Place", "Porto", text=text))
    assert _report(score_document(_parse_doc(gold, "test"), record)).figure("entity")["precision"] == 0.5


def test_precision_over_pairs_re3d_ties_counts_only_tied_pairs():
    reversed_ = [{"id": "r1", "type": "leader_of", "subject": "o", "object": "p"}]  # re3d ties Baker and the Legion
    tied = _report(score_document(_doc(), _record(reversed_)))
    assert tied.to_dict()["relation_precision_annotated_pairs"] == 0.0
    assert "(re3d ties the pair: BelongsTo, InChargeOf)" in tied.to_text()
    untied = [{"id": "r2", "type": "allied_with", "subject": "c", "object": "p"}]  # re3d says nothing of the pair
    report = _report(score_document(_doc(), _record(untied)))
    assert report.to_dict()["relation_precision_annotated_pairs"] is None
    assert report.figure("relation")["precision"] == 0.0
