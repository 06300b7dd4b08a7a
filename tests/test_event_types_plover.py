"""Event types as the PLOVER manual gives them where a CAMEO row's code says something else (the manual is the
authority: REJECT is all rejections and refusals, THREATEN a warning of coercion, SANCTION a cut in relations)."""

from __future__ import annotations


def _types(record) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in record.events]


def test_breaking_with_someone_rejects_their_position_and_threatens_no_one(extract_text):
    record = extract_text("Senator Ann Roe broke with the leaders of the Liberal Party over the budget on Monday.")
    assert ("REJECT", "broke") in _types(record)
    assert not [e for e in record.events if e.type == "THREATEN"]


def test_breaking_off_relations_stays_a_cut_in_relations(extract_text):
    record = extract_text("Ruritania broke off diplomatic relations with Freedonia on Monday.")
    assert ("SANCTION", "broke") in _types(record)


def test_betraying_is_a_judgement_not_a_cut_in_relations(extract_text):
    # CAMEO files 'betray' under reduced relations (160); said of someone, it judges an act: no SANCTION
    record = extract_text("Pressing Georgia to betray its allies would be wrong, the minister said.")
    assert not [e for e in record.events if e.type == "SANCTION"]
