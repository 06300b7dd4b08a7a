"""The packaged lexicons load, are internally consistent, and broken rows are reported by file and line."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from kg.extract import lexicons as L
from kg.extract.lexicons import LexiconError

GAZ_HEADER = "name,type,wikidata,sector,country,aliases,demonyms\n"
TRIG_HEADER = "lemma\tpos\ttype\tmode\trequires\tnote\n"
CUE_HEADER = "lemma\tpos\tkind\tvalue\tnote\n"


@pytest.fixture(autouse=True)
def _no_env_overrides(monkeypatch):
    for var in L.ENV_VARS.values():
        monkeypatch.delenv(var, raising=False)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ packaged files


def test_packaged_files_load():
    gaz, trig, cues = L.load_gazetteer(), L.load_triggers(), L.load_cues()
    assert len(gaz) >= 300 and len(trig) >= 300 and len(cues) >= 50
    assert all(isinstance(e, L.GazetteerEntry) for e in gaz)
    assert all(isinstance(t, L.Trigger) for t in trig)
    assert all(isinstance(c, L.Cue) for c in cues)


def test_default_loads_are_cached():
    assert L.load_triggers() is L.load_triggers()
    assert L.load_gazetteer() is L.load_gazetteer()
    assert L.load_cues() is L.load_cues()


def test_every_plover_type_has_verbs_and_nouns():
    by_type = collections.defaultdict(list)
    for t in L.load_triggers():
        by_type[t.type].append(t)
    assert set(by_type) == set(L.PLOVER_TYPES)
    for etype in L.PLOVER_TYPES:
        entries = by_type[etype]
        assert len(entries) >= 3, etype
        pos = {t.pos for t in entries}
        assert {"VERB", "NOUN"} <= pos, f"{etype} lacks verbs or nouns: {pos}"


def test_trigger_keys_unique_and_modes_valid():
    seen = set()
    for t in L.load_triggers():
        key = (t.lemma, t.pos, frozenset(t.requires))
        assert key not in seen, key
        seen.add(key)
        assert t.mode is None or t.mode in L.MODES[t.type], t
        assert all(dep in L.REQUIRE_DEPS and lemmas for dep, lemmas in t.requires), t


def test_lemmas_are_lower_case_single_tokens_or_known_multiword():
    lemma = re.compile(r"^[a-z][a-z'\-]*$")
    words = [t.lemma for t in L.load_triggers()] + [c.lemma for c in L.load_cues()]
    words += [w for t in L.load_triggers() for _, ls in t.requires for w in ls]
    for w in words:
        assert lemma.match(w) or w in L.MULTIWORD_OK, w


def test_light_verbs_only_with_requirements():
    light = {"send", "make", "take", "give", "get", "have", "hold", "provide", "launch", "call", "move", "put", "do"}
    for t in L.load_triggers():
        if t.pos == "VERB" and t.lemma in light:
            assert t.requires, f"bare light verb {t.lemma!r} would fire on everything"


def test_reporting_verbs_are_not_triggers():
    # only a directive is: "told civilians to flee" (tell with an infinitive complement); saying never is
    for t in L.load_triggers():
        if t.pos == "VERB" and t.lemma in ("say", "tell", "report", "reveal", "add", "state", "claim", "note"):
            assert t.lemma == "tell" and [dep for dep, _ in t.requires] == ["xcomp"], t


def test_brief_examples_resolve_as_specified():
    def pick(lemma, pos, neighbours):
        entries = [t for t in L.load_triggers() if (t.lemma, t.pos) == (lemma, pos)]
        entries.sort(key=lambda t: -len(t.requires))
        return next((t for t in entries if t.accepts(neighbours)), None)

    assert pick("send", "VERB", {"obj": {"troop"}}).type == "MOBILIZE"
    assert (pick("send", "VERB", {"obj": {"weapon"}}).type, pick("send", "VERB", {"obj": {"weapon"}}).mode) == (
        "AID",
        "military",
    )
    assert pick("send", "VERB", {}) is None
    assert pick("call", "VERB", {"prep": {"for"}}).type == "REQUEST"
    assert (pick("call", "NOUN", {"compound": {"phone"}}).type, pick("call", "NOUN", {"compound": {"phone"}}).mode) == (
        "CONSULT",
        "phone",
    )
    assert pick("strike", "VERB", {"obj": {"deal"}}).type == "AGREE"
    assert pick("strike", "VERB", {"obj": {"target"}}).type == "ASSAULT"
    assert pick("impose", "VERB", {"obj": {"sanction"}}).type == "SANCTION"
    assert pick("deploy", "VERB", {}).type == "MOBILIZE"
    assert pick("train", "VERB", {}).type == "AID"
    assert pick("offensive", "NOUN", {}).type == "ASSAULT"


def test_cue_values():
    cues = {(c.lemma, c.pos, c.kind): c.value for c in L.load_cues()}
    assert cues[("will", "AUX", "modality")] == "planned"
    assert cues[("could", "AUX", "modality")] == "possible"
    assert cues[("potential", "ADJ", "modality")] == "possible"
    assert cues[("hesitant", "ADJ", "modality")] == "negated"
    assert cues[("refuse", "VERB", "modality")] == "negated"
    assert cues[("say", "VERB", "attribution")] == "speech"
    assert cues[("accord", "VERB", "attribution")] == "according"
    assert cues[("report", "NOUN", "attribution")] == "source_noun"
    assert cues[("if", "SCONJ", "conditional")] == "possible"


def test_gazetteer_qids_and_countries():
    gaz = L.load_gazetteer()
    qids = [e.wikidata for e in gaz if e.wikidata]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids)), "one QID per entity"
    countries = {e.name for e in gaz if e.type == "Country"}
    for e in gaz:
        assert e.type in L.ENTITY_TYPES
        if e.type == "Country":
            assert re.fullmatch(r"[A-Z]{3}", e.sector or ""), e.name
            assert e.country is None
        elif e.country is not None:
            assert e.country in countries, (e.name, e.country)
    known = {e.name: e.wikidata for e in gaz}
    for name, qid in {
        "Russia": "Q159",
        "Ukraine": "Q212",
        "United States": "Q30",
        "NATO": "Q7184",
        "European Union": "Q458",
        "Volodymyr Zelenskyy": "Q3881417",
        "Vladimir Putin": "Q7747",
        "The Wall Street Journal": "Q164746",
        "London": "Q84",
    }.items():
        assert known[name] == qid


def test_aliases_do_not_collide_except_capitals():
    owners = collections.defaultdict(list)
    for e in L.load_gazetteer():
        for form in e.surface_forms:
            owners[form].append(e)
    for form, es in owners.items():
        if len(es) > 1:
            kinds = sorted(e.type == "Place" for e in es)
            assert kinds == [False, True], f"{form!r} names {[e.name for e in es]}"
    demonyms = collections.Counter(d for e in L.load_gazetteer() for d in e.demonyms)
    assert not [d for d, n in demonyms.items() if n > 1]


def test_capital_metonyms_have_place_rows():
    gaz = {e.name: e for e in L.load_gazetteer()}
    places = {form for e in gaz.values() if e.type == "Place" for form in e.surface_forms}
    assert "Moscow" in gaz["Russia"].aliases and gaz["Moscow"].type == "Place"
    assert "Kremlin" in gaz["Russia"].aliases
    assert {"Kyiv", "Kiev"} <= set(gaz["Ukraine"].aliases)
    assert "Washington" in gaz["United States"].aliases and "Washington" in places
    for country in (e for e in gaz.values() if e.type == "Country"):
        for alias in country.aliases:
            if alias in {"Moscow", "Kyiv", "Washington", "Beijing", "Berlin", "Paris", "London", "Tehran", "Minsk"}:
                assert alias in places, alias


def test_key_entities_present():
    gaz = {e.name: e for e in L.load_gazetteer()}
    for name, etype in {
        "Andriy Yermak": "Person",
        "Antony Blinken": "Person",
        "Dmitry Peskov": "Person",
        "Hamas": "Organization",
        "Rapid Support Forces": "Organization",
        "Islamic State": "Organization",
        "BBC": "NewsOutlet",
        "TASS": "NewsOutlet",
        "Gaza Strip": "Place",
        "Sudan": "Country",
    }.items():
        assert gaz[name].type == etype
    assert "Zelensky" in gaz["Volodymyr Zelenskyy"].aliases
    assert "Russian" in gaz["Russia"].demonyms


# ------------------------------------------------------------------ errors name file and line


@pytest.mark.parametrize(
    "name, text, line, fragment",
    [
        ("g.csv", GAZ_HEADER + "Russia,Country,Q159,RUS,,,\nFoo,Planet,,,,,\n", 3, "unknown type 'Planet'"),
        ("g.csv", GAZ_HEADER + "Foo,Person,,GOV,Atlantis,,\n", 2, "country 'Atlantis' is not a Country row"),
        ("g.csv", "# comment\n" + GAZ_HEADER + "Foo,Person,,GOV,\n", 3, "columns"),
        ("g.csv", GAZ_HEADER + "Foo,Person,159,,,,\n", 2, "not a QID"),
        ("g.csv", GAZ_HEADER + "A,Person,,,,X,\nB,Person,,,,X,\n", 3, "'X' already names 'A'"),
        (
            "t.tsv",
            TRIG_HEADER + "deploy\tVERB\tMOBILIZE\ttroops\t-\tok\nsend\tVERB\tAID\t-\tfoo:troop\tbad\n",
            3,
            "unknown dep 'foo'",
        ),
        ("t.tsv", TRIG_HEADER + "deploy\tVERB\tDEPLOY\t-\t-\tbad\n", 2, "unknown PLOVER type"),
        ("t.tsv", TRIG_HEADER + "deploy\tVERB\tMOBILIZE\tphone\t-\tbad\n", 2, "mode 'phone' is not a mode of MOBILIZE"),
        ("t.tsv", TRIG_HEADER + "deploy\tVERB\tMOBILIZE\n", 2, "3 tab-separated columns, expected 6"),
        ("t.tsv", TRIG_HEADER + "a\tVERB\tAID\t-\t-\tx\na\tVERB\tAID\t-\t-\ty\n", 3, "already on line 2"),
        ("t.tsv", TRIG_HEADER + "Deploy\tVERB\tMOBILIZE\t-\t-\tx\n", 2, "not a lower-case single word"),
        ("c.tsv", CUE_HEADER + "plan\tVERB\tmodality\tmaybe\tx\n", 2, "value 'maybe' is not a modality value"),
        ("c.tsv", "lemma\tpos\tkind\n", 1, "header"),
    ],
)
def test_errors_name_file_and_line(tmp_path, name, text, line, fragment):
    path = _write(tmp_path, name, text)
    loader = {"g": L.load_gazetteer, "t": L.load_triggers, "c": L.load_cues}[name[0]]
    with pytest.raises(LexiconError) as info:
        loader(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message
    assert "; " in message and "\n" not in message


def test_env_var_overrides_default(tmp_path, monkeypatch):
    gaz = _write(tmp_path, "g.csv", GAZ_HEADER + "Atlantis,Country,,ATL,,Poseidonia,Atlantean\n")
    trig = _write(tmp_path, "t.tsv", TRIG_HEADER + "# mine\nzap\tVERB\tASSAULT\t-\t-\ttest\n")
    cues = _write(tmp_path, "c.tsv", CUE_HEADER + "perchance\tADV\tmodality\tpossible\ttest\n")
    monkeypatch.setenv("KG_GAZETTEER", str(gaz))
    monkeypatch.setenv("KG_TRIGGERS", str(trig))
    monkeypatch.setenv("KG_CUES", str(cues))
    assert [e.name for e in L.load_gazetteer()] == ["Atlantis"]
    assert L.load_gazetteer()[0].demonyms == ("Atlantean",)
    assert [t.lemma for t in L.load_triggers()] == ["zap"]
    assert [c.lemma for c in L.load_cues()] == ["perchance"]
    # an explicit path still wins over the variable
    assert len(L.load_triggers(L.DATA_DIR / "triggers.tsv")) > 300


def test_edited_file_is_reread(tmp_path):
    path = _write(tmp_path, "t.tsv", TRIG_HEADER + "zap\tVERB\tASSAULT\t-\t-\tx\n")
    assert len(L.load_triggers(path)) == 1
    path.write_text(
        TRIG_HEADER + "zap\tVERB\tASSAULT\t-\t-\tx\nzip\tNOUN\tASSAULT\t-\tcompound:air\ty\n", encoding="utf-8"
    )
    triggers = L.load_triggers(path)
    assert [t.lemma for t in triggers] == ["zap", "zip"]
    assert triggers[1].requires == (("compound", frozenset({"air"})),)


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        L.load_cues(tmp_path / "nope.tsv")
