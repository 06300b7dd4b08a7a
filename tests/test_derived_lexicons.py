"""Lexicon rows derived from the PETRARCH2 / Phoenix dictionaries: reproducible, in kg's formats, an underlay."""

from __future__ import annotations

import pytest

from kg.extract import dictionaries, lexicons
from kg.extract.dictionaries import phoenix
from kg.extract.lexicons import Trigger


def test_committed_derived_files_are_the_scripts_output(shared):
    reference = shared / "reference"
    if not (reference / "petrarch2" / "CAMEO.2.0.txt").is_file():
        pytest.skip("../shared/reference/petrarch2 is not present: nothing to re-derive from")
    produced = dictionaries.derive_all(reference)
    assert sorted(produced) == sorted(lexicons.DERIVED_FILES.values())
    for name, text in produced.items():
        committed = (lexicons.DATA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} differs from the script's output: run python -m kg.extract.dictionaries"


def test_derived_files_record_provenance_and_licence():
    for name in lexicons.DERIVED_FILES.values():
        head = (lexicons.DATA_DIR / name).read_text(encoding="utf-8")[:3000]
        assert "openeventdata/petrarch2 at commit 676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
        assert "MIT License" in head


def test_derived_files_load_in_kg_formats():
    assert len(lexicons.load_derived_triggers()) > 2000
    assert any(e.name == "Revolutionary United Front" and e.sector == "REB" for e in lexicons.load_derived_gazetteer())
    assert lexicons.load_agents()["student"] == "EDU"
    assert all(o.country for o in lexicons.load_offices())


def test_cameo_codes_map_through_the_plover_table():
    table = {"18": ("ASSAULT", None), "182": ("ASSAULT", "beat"), "173": ("COERCE", "arrest")}
    assert dictionaries.plover_of("1823", table) == ("ASSAULT", "beat")
    assert dictionaries.plover_of("173:174", table) == ("COERCE", "arrest")
    assert dictionaries.plover_of("010", table) is None  # statements are dropped by PLOVER


def test_dated_codes_and_names():
    role = dictionaries.parse_code("HUNGOV 891023-900502")
    assert (role.country, role.sectors, role.start, role.end) == ("HUN", ("GOV",), "1989-10-23", "1990-05-02")
    assert dictionaries.display_name("REVOLUTIONARY_UNITED_FRONT_") == "Revolutionary United Front"
    assert dictionaries.display_name("SPLA") == "SPLA"
    assert phoenix._titled("President of the United States")


def test_office_covers_the_article_date_only_when_dated():
    office = lexicons.Office("Ann Example", "Hungary", "GOV", "1990-05-02", "2000-08-04")
    assert office.covers("1995-01-01") and not office.covers("2001-01-01") and not office.covers(None)


def _t(lemma, etype, requires=()):
    return Trigger(lemma, "VERB", etype, None, requires, "")


def test_hand_made_rows_win_over_derived_ones(extractor):
    from kg.extract.triggers import TriggerIndex

    index = TriggerIndex(
        (_t("send", "AID", (("obj", frozenset({"aid"})),)),),
        (_t("send", "MOBILIZE"), _t("blockade", "COERCE"), _t("expect", "AGREE")),
        cue_lemmas=frozenset({"expect"}),
    )
    doc = extractor.nlp("They sent letters. They blockaded the port. They expect rain.")
    by_text = {t.text: index.match(t) for t in doc if t.pos_ == "VERB"}
    assert by_text["sent"] is None  # the hand-made rows constrain 'send' on purpose
    assert by_text["blockaded"].type == "COERCE"
    assert by_text["expect"] is None  # a modality cue is not an event


def test_derived_names_match_in_any_case_and_hand_made_names_win(extractor):
    from kg.graph.records import Article

    record = extractor.extract(Article("t", "The REVOLUTIONARY UNITED FRONT attacked a village. Russia denied it."))
    names = {e.name: e for e in record.entities}
    assert names["Revolutionary United Front"].sector == "REB"
    assert names["Russia"].wikidata == "Q159"  # the hand-made row, not a derived one


def test_an_office_holder_serves_his_country_on_the_articles_date_only(extract_text):
    text = "Arpad Goncz spoke in Budapest. Hungary hosted the summit."
    dated = extract_text(text, date="1995-03-01")
    names = {e.id: e.name for e in dated.entities}
    goncz = next(e for e in dated.entities if e.name == "Arpad Goncz")
    assert names[goncz.country] == "Hungary"
    assert ("affiliated_with", "Arpad Goncz", "Hungary") in {
        (r.type, names[r.subject], names[r.object]) for r in dated.relations
    }
    later = extract_text(text, date="2012-03-01")
    assert next(e for e in later.entities if e.name == "Arpad Goncz").country is None
    assert not extract_text(text).relations  # undated: no office is known to cover it


def test_a_wrong_model_lemma_falls_back_to_the_regular_stem(extractor):
    from kg.extract.triggers import TriggerIndex

    index = TriggerIndex((_t("stage", "PROTEST"),))
    doc = extractor.nlp("The farmers staged a sit-in.")
    staged = next(t for t in doc if t.text == "staged")
    assert index.match(staged) is not None and index.match(staged).type == "PROTEST"


def test_a_states_other_spellings_join_the_hand_made_state(extract_text):
    r = extract_text("Ethopia has agreed to reopen its borders.")
    assert any(e.name == "Ethiopia" and e.wikidata for e in r.entities)


CAMEO_SNIPPET = """####### VERB PATTERNS #######

---  ASSAIL   [180]  ---
ASSAIL
BATTER {BATTERED BATTERS}
- * DOOR                                              [180]         # BATTERED
- * WALLS                                             [190]         # DEMOLISH
- * &ARMS                                             [190]         # ASSAIL
- POLICE *                                            [173]         # ASSAIL
- * {CAR BOMB}                                        [183]         # BATTER
- * (WITH ROCKETS)                                    [195]         # BATTER
- * (WITH {HEAVY GUNS})                               [195]         # BATTER

---  GREET   [---]  ---
GREET
HAIL [051]
######## TRANSFORMATIONS ##########
"""


def test_cameo_patterns_convert_by_class(tmp_path):
    cameo = tmp_path / "CAMEO.txt"
    cameo.write_text("&ARMS\n+GUN\n+RIFLE\n\n" + CAMEO_SNIPPET, encoding="latin-1")
    table = {
        "18": ("ASSAULT", None),
        "19": ("ASSAULT", None),
        "195": ("ASSAULT", "heavy-weapons"),
        "17": ("COERCE", None),
        "05": ("SUPPORT", None),
    }
    tally = dictionaries.Tally()
    rows = {r.tsv() for r in dictionaries.derive_triggers(cameo, table, tally)}
    assert "assail\tVERB\tASSAULT\t-\t-\tCAMEO 180 assail" in rows  # the block's own verb keeps its code
    assert not any(r.startswith("batter\tVERB\tASSAULT\t-\t-") for r in rows)  # a synonym needs a pattern
    assert "assail\tVERB\tASSAULT\t-\tobj:gun|rifle\tCAMEO 190 pattern of assail" in rows  # bound to its verb
    assert "batter\tVERB\tASSAULT\theavy-weapons\tprep:with;pobj:rockets\tCAMEO 195 pattern of batter" in rows
    assert "hail\tVERB\tSUPPORT\t-\t-\tCAMEO 051 hail" in rows
    assert not any(r.startswith("greet") for r in rows)  # '---': no event
    counts = dict(tally.counts)
    # a comment names the verb a pattern was written for, inflected or not; another block's verb drops it
    assert "batter\tVERB\tASSAULT\t-\tobj:door\tCAMEO 180 pattern of batter" in rows
    assert not any("obj:door" in r for r in rows if r.startswith("assail"))
    assert not any("obj:walls" in r for r in rows)
    assert counts["patterns dropped: written for a verb outside its block"] == 1
    assert counts["patterns dropped: words before the verb (kg takes actors from the parse)"] == 1
    # a two-word object is its head and the word modifying it, both required
    assert "batter\tVERB\tASSAULT\t-\tobj:bomb;objmod:car\tCAMEO 183 pattern of batter" in rows
    assert counts["patterns kept: two-word object phrase as object + modifier"] == 1
    assert counts["patterns dropped: multiword phrases in a prepositional phrase, or several"] == 1


def test_a_two_word_object_requires_both_words(extractor):
    from kg.extract.triggers import TriggerIndex

    index = TriggerIndex(
        (_t("sever", "SANCTION", (("obj", frozenset({"relations"})), ("objmod", frozenset({"diplomatic"})))),)
    )
    doc = extractor.nlp("Chile severed diplomatic relations with Peru. Chile severed its relations with Peru.")
    first, second = (t for t in doc if t.text == "severed")
    assert index.match(first) is not None and index.match(second) is None


def test_an_open_office_counts_only_up_to_the_dictionaries_horizon(extract_text):
    from kg.extract.lexicons import load_offices
    from kg.extract.offices import OfficeIndex

    index = OfficeIndex(load_offices())
    assert index.horizon and index.horizon < "2016"
    open_ended = next(o for o in load_offices() if o.end is None and o.start and o.sector == "GOV")
    assert index.held(open_ended.name, index.horizon) and not index.held(open_ended.name, "2022-03-01")


def test_a_derived_person_has_no_first_name_alone_as_alias():
    assert phoenix._first_name_alone("William", "William Perry")
    assert not phoenix._first_name_alone("Perry", "William Perry")
    people = [e for e in lexicons.load_derived_gazetteer() if e.type == "Person"]
    assert not any(a.lower() == e.name.split()[0].lower() for e in people for a in e.aliases)


def test_a_first_name_does_not_call_up_another_bearer(extract_text):
    record = extract_text("President William Otieno of Kenya arrived in Paris on Monday.")
    assert "William Otieno" in {e.name for e in record.entities if e.type == "Person"}


CAMEO_FORCE_BLOCKS = """####### VERB PATTERNS #######
---  DISAGREE   [110]  ---
DISAGREE
DISPUTE

---  SHOOTING_ACTS   [190]  ---
SNIPE
GRAPPLE
+GUN_DOWN {+GUNNED_DOWN }

---  QUARRELLING   [110]  ---
BICKER

---  TOPPLED   [180]---  ---
TOPPLE  {TOPPLES TOPPLING TOPPLED }
######## TRANSFORMATIONS ##########
"""


def test_blocks_named_for_a_use_of_force_give_each_verb_its_code(tmp_path):
    cameo = tmp_path / "CAMEO.txt"
    cameo.write_text(CAMEO_FORCE_BLOCKS, encoding="latin-1")
    table = {"18": ("ASSAULT", None), "19": ("ASSAULT", None), "11": ("ACCUSE", "disapprove")}
    rows = {r.tsv() for r in dictionaries.derive_triggers(cameo, table, dictionaries.Tally())}
    # a block named for a kind of force lists its ways: each verb is the act (an everyday sense is left out)
    assert "snipe\tVERB\tASSAULT\t-\t-\tCAMEO 190 snipe" in rows
    assert "gun\tVERB\tASSAULT\t-\tprt:down\tCAMEO 190 gun_down" in rows
    assert not any(r.startswith("grapple") for r in rows)
    # a verbal block named so is a loose list; a block named for its verb keeps only that verb
    assert not any(r.startswith("bicker") for r in rows)
    assert not any(r.startswith("dispute") for r in rows)
    # a header written without the space after its code, naming its verb by an inflection, still heads the block
    assert "topple\tVERB\tASSAULT\t-\t-\tCAMEO 180 topple" in rows


def test_derived_force_verbs_name_events(extract_text):
    record = extract_text("Militants torched the police station in Kirova on Monday.")
    assert [(e.type, e.trigger.text) for e in record.events] == [("ASSAULT", "torched")]
