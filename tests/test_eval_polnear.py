"""`kg eval --polnear`: attribution scored as shared/eval/polnear/README.md says, on hand-made articles."""

from __future__ import annotations

import json

import pytest

from kg.graph.records import Entity, Event, Mention, Record, Span
from kg.quality.eval_polnear import load_split, parse_ann, score_article, spacy_heads
from kg.quality.gold import EvalError

TEXT = (
    "Campaign spokesman Jason Miller said the senator attacked the plan. "
    "Ukraine signed the deal. "
    "He said the army would withdraw. "
    "Officials, who said rebels shelled the town, left."
)


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def _ann() -> str:
    lines, n = [], 0

    def attribution(source: str | None, cue: str, content: str, nth: int = 0) -> None:
        nonlocal n
        ids = {}
        for label, word in (("Source", source), ("Cue", cue), ("Content", content), ("Attribution", cue)):
            if word is None:
                continue
            n += 1
            s, e = _at(word, nth if word == cue else 0)
            lines.append(f"T{n}\t{label} {s} {e}\t{word}")
            ids[label] = f"T{n}"
        kind = "Attribution" if source else "Attribution-no-source"
        args = [f"{kind}:{ids['Attribution']}", f"Content:{ids['Content']}", f"Cue:{ids['Cue']}"]
        lines.append(f"E{n}\t" + " ".join(args + ([f"Source:{ids['Source']}"] if source else [])))

    attribution("Campaign spokesman Jason Miller", "said", "the senator attacked the plan")
    attribution("He", "said", "the army would withdraw", nth=1)
    attribution("who", "said", "rebels shelled the town", nth=2)
    return "\n".join(lines) + "\n"


@pytest.fixture
def split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "outlet_2016-01-02_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "outlet_2016-01-02_story_b2.ann").write_text("T1\tSource 0 1\tC\n", encoding="utf-8")
    (tmp_path / "attributions" / "outlet_2016-01-02_story_a1.ann").write_text(_ann(), encoding="utf-8")
    return tmp_path


def _entity(eid: str, name: str, *words: tuple[str, int]) -> Entity:
    spans = [_at(w, n) for w, n in words]
    return Entity(eid, name, "Person", mentions=tuple(Mention(TEXT[s:e], s, e) for s, e in spans))


def _event(word: str, sources: tuple[str, ...], nth: int = 0) -> Event:
    s, e = _at(word, nth)
    return Event("v" + word, "ASSAULT", Span(word, s, e), Span(TEXT, 0, len(TEXT)), sources=sources)


ENTITIES = (
    _entity("miller", "Jason Miller", ("Jason Miller", 0)),
    _entity("campaign", "Campaign", ("Campaign", 0)),
    _entity("officials", "Officials", ("Officials", 0)),
)


def _scores(split, extractor, events):
    gold = load_split(split)[0]
    record = Record(gold.article(), ENTITIES, tuple(events))
    return {s.event.split("'")[1]: s for s in score_article(gold, record, spacy_heads(extractor.nlp))}


def test_first_annotator_file_and_date_from_name(split):
    gold = load_split(split)[0]
    assert gold.date == "2016-01-02" and len(gold.attributions) == 3


def test_head_word_of_the_source_not_its_modifier(split, extractor):
    s = _scores(split, extractor, [_event("attacked", ("miller",)), _event("signed", ()), _event("withdraw", ())])
    assert s["attacked"].kind == "attributed" and s["attacked"].correct
    s = _scores(split, extractor, [_event("attacked", ("campaign",))])
    assert not s["attacked"].correct  # "Campaign" modifies the source; its head is "Jason Miller"


def test_own_voice_is_right_with_an_empty_chain(split, extractor):
    s = _scores(split, extractor, [_event("signed", ())])
    assert s["signed"].kind == "own" and s["signed"].correct
    assert not _scores(split, extractor, [_event("signed", ("miller",))])["signed"].correct


def test_pronoun_source_through_the_name_it_refers_to(split, extractor):
    assert _scores(split, extractor, [_event("withdraw", ("miller",))])["withdraw"].correct
    assert not _scores(split, extractor, [_event("withdraw", ("officials",))])["withdraw"].correct


def test_relative_pronoun_refers_to_the_words_before_it(split, extractor):
    assert _scores(split, extractor, [_event("shelled", ("officials",))])["shelled"].correct
    assert not _scores(split, extractor, [_event("shelled", ("miller",))])["shelled"].correct


def test_events_in_cues_and_sources_are_not_scored(split, extractor):
    assert _scores(split, extractor, [_event("said", ("miller",)), _event("Jason", ())]) == {}


def test_source_less_attribution_is_not_scored():
    atts, blocked = parse_ann(
        "T1\tCue 0 4\tsaid\nT2\tContent 5 9\tthat\nT3\tAttribution 0 4\tsaid\n"
        "E1\tAttribution-no-source:T3 Content:T2 Cue:T1\n"
    )
    assert atts[0].contents == ((5, 9),) and not atts[0].has_source and blocked == ((0, 4),)


def test_discontinuous_spans_and_repeated_content():
    atts, _ = parse_ann(
        "T1\tSource 0 2\tWe\nT2\tCue 3 7\tsaid\nT3\tContent 8 10;12 14\tab cd\nT4\tContent 20 22\tef\n"
        "T5\tAttribution 3 7\tsaid\nE1\tAttribution:T5 Cue:T2 Source:T1 Content:T3 Content2:T4\n"
    )
    assert atts[0].contents == ((8, 10), (12, 14), (20, 22))


def test_a_folder_that_is_not_a_split_is_a_one_line_error(tmp_path):
    with pytest.raises(EvalError, match="text/ and attributions/"):
        load_split(tmp_path)


def test_an_article_that_is_not_utf8_names_the_file_and_the_fix(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_bytes("Kyiv said café.".encode("latin-1"))
    (tmp_path / "attributions" / "a_1.ann").write_text("", encoding="utf-8")
    with pytest.raises(EvalError, match=r"a.txt: is not UTF-8 .*; save it as UTF-8"):
        load_split(tmp_path)


def test_cli_reports_both_classes_with_counts(split, capsys):
    from kg.interfaces.cli import main

    assert main(["eval", "--polnear", str(split), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    figures = report["figures"]
    assert report["articles"] == 1 and {"attributed_events", "own_voice_events"} <= figures.keys()
    assert figures["attributed_events"] + figures["own_voice_events"] >= 1


def test_cli_wants_one_of_gold_dir_or_polnear(split, capsys):
    from kg.interfaces.cli import main

    assert main(["eval"]) == 2
    assert "--polnear" in capsys.readouterr().err


def test_limit_spreads_over_the_split(split):
    assert len(load_split(split, limit=1)) == 1


def test_split_keeps_one_fixed_half_of_the_articles(tmp_path):
    from kg.quality.gold import split_of

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    names = [f"outlet_2016-01-02_story{i}" for i in range(12)]
    for name in names:
        (tmp_path / "text" / f"{name}.txt").write_text("Kyiv said it rained.", encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_a1.ann").write_text("", encoding="utf-8")
    tune = {a.name for a in load_split(tmp_path, half="tune")}
    check = {a.name for a in load_split(tmp_path, half="check")}
    assert tune == {n for n in names if split_of(n) == "tune"} and tune.isdisjoint(check)
    assert tune | check == set(names) and tune and check
    assert len(load_split(tmp_path, half="tune", limit=2)) == 2
    with pytest.raises(EvalError, match="--split half: unknown"):
        load_split(tmp_path, half="half")
