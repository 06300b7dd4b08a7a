"""``kg eval --re3d FILE``: score the extractor on re3d's Syria/Iraq gold (text kg was never tuned on).

The file is re3d's gold (dstl/re3d's documents with their annotations) as JSON Lines, one document a line:
``{id, text, entities: [{start, end, type, text, confidence}], relations: [{type, arg1: {start, end, text},
arg2: {...}, confidence}]}``.
Only annotations with ``confidence >= 0.5`` (the adjudicated label) are gold. The rules:

**Entities**, scored on re3d's ``Person``, ``Organisation`` and ``Location`` spans against the mentions of every kg
entity (all kg types: Person, Organization, NewsOutlet, Group, Country, Place).

* *mentions*: a kg mention matches a gold span it overlaps, one-to-one, exact spans first, then the longest
  overlap. A kg mention that matches nothing but overlaps a re3d ``Nationality`` span ("Iraqi", which kg may
  resolve to Iraq) or a Person/Organisation/Location span below the confidence bar is *neutral*: neither right
  nor wrong, because re3d does not say it is an entity, nor that it is not. Gold ``Nationality`` spans are not
  required: kg's schema has no nationality entities; demonyms become a country only when they act for it.
  Pronoun spans ("we", "its": :data:`PRONOUNS`) are neutral too: the dev scorer compares names, and a pronoun is
  never one (a relation whose re3d argument is a pronoun still needs kg's mention on it).
* *entities*: as the dev scorer compares names, not mentions: a gold entity is one distinct normalised name
  (per document and type); it is found when some kg mention overlaps one of its spans. A kg entity is right
  when one of its mentions overlaps a gold span, neutral when it only overlaps neutral spans. Not one-to-one,
  so that kg merging "ISIL" and "Daesh" (re3d: two names, an ``IsSynonymOf``) is not punished.
* *type accuracy* over matched mentions, on coarse classes: Person; Organisation = Organization, NewsOutlet,
  Group; Location = Country, Place.

**Relations**: re3d's types map to kg's (``SCHEMA.md``) as :data:`RELATION_MAP` says. A gold relation is in the
score only when its type maps and its arguments' gold types are the ones the mapping names (:func:`_in_scope`);
``InChargeOf`` of a body over a place, a weapon or a platform (territorial or equipment control), ``BelongsTo`` of a weapon,
``CommWith`` (talks are CONSULT events, not relations), ``CoLocated``, ``Apart``, ``HasAttrOf`` (quantities,
nationalities) and ``IsSynonymOf`` (coreference) have no kg relation and are left out rather than counted as
misses. A kg relation matches a gold one of its class when its subject matches ``arg1`` and its object ``arg2``
(either order for ``allied_with``); a kg entity matches an argument when one of its mentions overlaps the
argument's span, or its name equals the argument's text, normalised. One-to-one, greedy in text order. Every kg
relation counts for precision (re3d annotates relations sparsely, so precision is a lower bound); the report also
gives precision over the kg relations whose two entities re3d ties by a confident relation of any type (an upper
bound: a false kg relation between untied entities is not counted there; IsSynonymOf ties nothing).

**Split**: a document is in ``tune`` when the first byte of the SHA-1 of its ``id`` is even, else in ``check``
(53 and 45 of the 98 documents); tune on ``tune``, keep ``check`` for the estimate.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.graph.records import Article
from kg.quality.gold import EvalError, check_split, in_split, normalise

__all__ = [
    "RELATION_MAP",
    "Re3dReport",
    "evaluate_re3d",
    "read_re3d",
    "score_document",
]

Span = tuple[int, int]
FIGURE_TITLES = {"entity": "entities (distinct names)", "mention": "mentions", "relation": "relations"}
CONFIDENT = 0.5
SCORED_TYPES = ("Person", "Organisation", "Location")
_COARSE = {
    "Person": "Person",
    "Organization": "Organisation",
    "NewsOutlet": "Organisation",
    "Group": "Organisation",
    "Country": "Location",
    "Place": "Location",
}
# Pronouns are never an entity's name in kg's records (SCHEMA.md scores names), so re3d's pronoun spans are neutral.
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself "
    "it its itself they them their theirs themselves".split()
)
_AGENTS = frozenset({"Person", "Organisation"})
_PLACES = frozenset({"Location", "Nationality"})
_ANY = _AGENTS | _PLACES


def _pairs(first: frozenset[str], second: frozenset[str]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for a in first for b in second)


# re3d type -> (kg class, the (arg1, arg2) gold type pairs it covers). The kg class is named after kg's types.
RELATION_MAP: dict[str, tuple[str, frozenset[tuple[str, str]]]] = {
    # a person or body in charge of a body ("commander of X"), or a person of a country ("President of Syria");
    # a body in charge of a place, a weapon or a platform is control, which kg has no relation for
    "InChargeOf": ("leader_of", _pairs(_AGENTS, _AGENTS) | _pairs(frozenset({"Person"}), _PLACES)),
    # a member of a body, or a body or person serving a country
    "BelongsTo": ("member_of|affiliated_with", _pairs(_AGENTS, _ANY)),
    "AlliesOf": ("allied_with", _pairs(_ANY, _ANY)),
    "FightingAgainst": ("opposes", _pairs(_ANY, _ANY)),
    "Dislikes": ("opposes", _pairs(_ANY, _ANY)),
    "Likes": ("supports", _pairs(_ANY, _ANY)),
}
_KG_CLASS = {
    "leader_of": "leader_of",
    "member_of": "member_of|affiliated_with",
    "affiliated_with": "member_of|affiliated_with",
    "allied_with": "allied_with",
    "opposes": "opposes",
    "supports": "supports",
}


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str
    text: str
    confident: bool


@dataclass(frozen=True)
class GoldRelation:
    type: str  # re3d's
    kg_class: str
    arg1: GoldSpan
    arg2: GoldSpan


@dataclass(frozen=True)
class Re3dDoc:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    relations: tuple[GoldRelation, ...]  # in scope only
    left_out: tuple[str, ...]  # re3d types of the confident relations left out of the score
    pairs: tuple[tuple[str, GoldSpan, GoldSpan], ...] = ()  # confident relations but IsSynonymOf: (type, arg1, arg2)


def _span(d: object, text: str, where: str) -> tuple[int, int, str]:
    if not isinstance(d, Mapping) or not isinstance(d.get("start"), int) or not isinstance(d.get("end"), int):
        raise EvalError(f"{where}: a span needs integer start and end; fix the record")
    start, end = d["start"], d["end"]
    if not 0 <= start < end <= len(text):
        raise EvalError(f"{where}: span {start}-{end} lies outside the text; fix the record")
    return start, end, str(d.get("text") or text[start:end])


def _gold_type(spans: Sequence[GoldSpan], start: int, end: int) -> str | None:
    """An argument's gold type: the confident annotation on exactly its span, else any annotation on it."""
    on = [s for s in spans if (s.start, s.end) == (start, end)]
    confident = [s for s in on if s.confident]
    return (confident or on)[0].type if on else None


def _in_scope(rtype: str, t1: str | None, t2: str | None) -> bool:
    if rtype not in RELATION_MAP:
        return False
    return (str(t1), str(t2)) in RELATION_MAP[rtype][1]


def _parse_doc(rec: object, where: str) -> Re3dDoc:
    if not isinstance(rec, Mapping) or not isinstance(rec.get("text"), str) or "id" not in rec:
        raise EvalError(f"{where}: not a re3d record; each line needs id, text, entities and relations")
    text = rec["text"]
    spans = []
    for i, e in enumerate(rec.get("entities") or []):
        start, end, etext = _span(e, text, f"{where} entity {i}")
        conf = e.get("confidence", 1)
        spans.append(
            GoldSpan(start, end, str(e.get("type")), etext, isinstance(conf, int | float) and conf >= CONFIDENT)
        )
    relations, left_out, pairs = [], [], []
    for i, r in enumerate(rec.get("relations") or []):
        if not isinstance(r, Mapping) or (r.get("confidence", 1) or 0) < CONFIDENT:
            continue
        a1 = _span(r.get("arg1"), text, f"{where} relation {i} arg1")
        a2 = _span(r.get("arg2"), text, f"{where} relation {i} arg2")
        t1, t2 = _gold_type(spans, *a1[:2]), _gold_type(spans, *a2[:2])
        rtype = str(r.get("type"))
        if rtype != "IsSynonymOf":  # coreference says nothing of a tie; its spans nest each other's names
            pairs.append((rtype, GoldSpan(*a1[:2], str(t1), a1[2], True), GoldSpan(*a2[:2], str(t2), a2[2], True)))
        if not _in_scope(rtype, t1, t2):
            left_out.append(rtype)
            continue
        relations.append(
            GoldRelation(
                rtype,
                RELATION_MAP[rtype][0],
                GoldSpan(a1[0], a1[1], str(t1), a1[2], True),
                GoldSpan(a2[0], a2[1], str(t2), a2[2], True),
            )
        )
    relations.sort(key=lambda g: (g.arg1.start, g.arg2.start))
    return Re3dDoc(str(rec["id"]), text, tuple(spans), tuple(relations), tuple(left_out), tuple(pairs))


def read_re3d(path: str | Path, split: str = "all") -> list[Re3dDoc]:
    """The documents of a re3d gold file in ``split``; a bad line or split is an :class:`EvalError`."""
    path = Path(path)
    check_split(split)
    if not path.is_file():
        raise EvalError(f"{path}: not a file; give the re3d gold JSON Lines file (gold_re3d.jsonl)")
    docs = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as err:
                raise EvalError(f"{path}:{lineno}: not JSON ({err}); give the re3d gold JSON Lines file") from err
            doc = _parse_doc(rec, f"{path}:{lineno}")
            if in_split(doc.id, split):
                docs.append(doc)
    return docs


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Finding:
    kind: str  # missed-mention, false-mention, missed-entity, false-entity, missed-relation, false-relation
    doc: str
    what: str
    context: str


@dataclass(frozen=True)
class DocScore:
    doc: str
    counts: Counter  # "<figure>.<type>.<tp|pred|gold>" and "type.<ok|all>"
    findings: tuple[Finding, ...]
    left_out: tuple[str, ...]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _context(text: str, span: Span, width: int = 60) -> str:
    start, end = max(0, span[0] - width), min(len(text), span[1] + width)
    body = text[start : span[0]] + "[" + text[span[0] : span[1]] + "]" + text[span[1] : end]
    return " ".join(body.split())


@dataclass(frozen=True)
class _Mention:
    entity: str  # kg entity id
    name: str
    coarse: str
    span: Span


def _mentions(record: Mapping[str, Any]) -> list[_Mention]:
    out = []
    for e in record.get("entities", []):
        coarse = _COARSE.get(e.get("type"), "Organisation")
        for m in e.get("mentions", []):
            out.append(_Mention(e["id"], e["name"], coarse, (m["start"], m["end"])))
    return out


def _scored(span: GoldSpan) -> bool:
    return span.confident and span.type in SCORED_TYPES and normalise(span.text) not in PRONOUNS | {""}


def _neutral(spans: Iterable[GoldSpan]) -> list[GoldSpan]:
    """The spans a kg mention may overlap without being right or wrong."""
    return [s for s in spans if s.type == "Nationality" or (s.type in SCORED_TYPES and not _scored(s))]


def _score_mentions(doc: Re3dDoc, mentions: Sequence[_Mention], counts: Counter, findings: list[Finding]) -> None:
    gold = [s for s in doc.spans if _scored(s)]
    neutral = _neutral(doc.spans)
    pairs = [
        (m.span != (g.start, g.end), -_overlap(m.span, (g.start, g.end)), g.start, mi, gi)
        for mi, m in enumerate(mentions)
        for gi, g in enumerate(gold)
        if _overlap(m.span, (g.start, g.end))
    ]
    used_m: dict[int, int] = {}
    used_g: set[int] = set()
    for *_, mi, gi in sorted(pairs):
        if mi not in used_m and gi not in used_g:
            used_m[mi] = gi
            used_g.add(gi)
    for gi, g in enumerate(gold):
        counts[f"mention.{g.type}.gold"] += 1
        if gi not in used_g:
            findings.append(
                Finding("missed-mention", doc.id, f"{g.type} '{g.text}'", _context(doc.text, (g.start, g.end)))
            )
    for mi, m in enumerate(mentions):
        if mi in used_m:
            g = gold[used_m[mi]]
            counts[f"mention.{g.type}.tp"] += 1
            counts[f"mention.{m.coarse}.pred"] += 1
            counts[f"mention.{m.coarse}.pred_ok"] += 1
            counts["type.all"] += 1
            counts["type.ok"] += m.coarse == g.type
        elif not any(_overlap(m.span, (n.start, n.end)) for n in neutral):
            counts[f"mention.{m.coarse}.pred"] += 1
            what = f"{m.coarse} '{doc.text[m.span[0] : m.span[1]]}' (kg entity '{m.name}')"
            findings.append(Finding("false-mention", doc.id, what, _context(doc.text, m.span)))


def _score_entities(doc: Re3dDoc, mentions: Sequence[_Mention], counts: Counter, findings: list[Finding]) -> None:
    groups: dict[tuple[str, str], list[GoldSpan]] = {}
    for s in doc.spans:
        if _scored(s):
            groups.setdefault((s.type, normalise(s.text)), []).append(s)
    neutral = _neutral(doc.spans)
    gold_spans = [(s.start, s.end) for ss in groups.values() for s in ss]
    for (gtype, _), spans in groups.items():
        counts[f"entity.{gtype}.gold"] += 1
        if any(_overlap(m.span, (s.start, s.end)) for m in mentions for s in spans):
            counts[f"entity.{gtype}.tp"] += 1
        else:
            findings.append(
                Finding(
                    "missed-entity",
                    doc.id,
                    f"{gtype} '{spans[0].text}'",
                    _context(doc.text, (spans[0].start, spans[0].end)),
                )
            )
    by_entity: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_entity.setdefault(m.entity, []).append(m)
    for ms in by_entity.values():
        coarse = ms[0].coarse
        if any(_overlap(m.span, g) for m in ms for g in gold_spans):
            counts[f"entity.{coarse}.pred"] += 1
            counts[f"entity.{coarse}.pred_ok"] += 1
        elif not all(any(_overlap(m.span, (n.start, n.end)) for n in neutral) for m in ms):
            counts[f"entity.{coarse}.pred"] += 1
            findings.append(Finding("false-entity", doc.id, f"{coarse} '{ms[0].name}'", _context(doc.text, ms[0].span)))


def _arg_matches(entity: str, arg: GoldSpan, mentions: Sequence[_Mention], names: Mapping[str, str]) -> bool:
    if normalise(names.get(entity, "")) == normalise(arg.text) != "":
        return True
    return any(m.entity == entity and _overlap(m.span, (arg.start, arg.end)) for m in mentions)


def _ties(
    ends: set[tuple[str, str]], a1: GoldSpan, a2: GoldSpan, mentions: Sequence[_Mention], names: Mapping[str, str]
) -> bool:
    return any(_arg_matches(s, a1, mentions, names) and _arg_matches(o, a2, mentions, names) for s, o in ends)


def _score_relations(
    doc: Re3dDoc, record: Mapping[str, Any], mentions: Sequence[_Mention], counts: Counter, findings: list[Finding]
) -> None:
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    predicted = [r for r in record.get("relations", []) if r.get("type") in _KG_CLASS]
    predicted.sort(key=lambda r: (r.get("evidence") or {}).get("start", 0))
    used: set[int] = set()
    for g in doc.relations:
        counts[f"relation.{g.kg_class}.gold"] += 1
        for pi, p in enumerate(predicted):
            if pi in used or _KG_CLASS[p["type"]] != g.kg_class:
                continue
            s, o = p["subject"], p["object"]
            forward = _arg_matches(s, g.arg1, mentions, names) and _arg_matches(o, g.arg2, mentions, names)
            backward = p["type"] == "allied_with" and (
                _arg_matches(o, g.arg1, mentions, names) and _arg_matches(s, g.arg2, mentions, names)
            )
            if forward or backward:
                used.add(pi)
                counts[f"relation.{g.kg_class}.tp"] += 1
                break
        else:
            span = (min(g.arg1.start, g.arg2.start), max(g.arg1.end, g.arg2.end))
            what = f"{g.type} -> {g.kg_class}: '{g.arg1.text}' -> '{g.arg2.text}'"
            findings.append(Finding("missed-relation", doc.id, what, _context(doc.text, span, 30)))
    for pi, p in enumerate(predicted):
        kg_class = _KG_CLASS[p["type"]]
        counts[f"relation.{kg_class}.pred"] += 1
        if pi not in used:
            ev = p.get("evidence") or {}
            span = (ev.get("start", 0), ev.get("end", 0))
            what = f"{p['type']}: '{names.get(p['subject'], '?')}' -> '{names.get(p['object'], '?')}'"
            # re3d annotates relations sparsely: a false finding counts as judged only when re3d tied the pair
            ends = {(p["subject"], p["object"]), (p["object"], p["subject"])}
            judged = [t for t, a1, a2 in doc.pairs if _ties(ends, a1, a2, mentions, names)]
            if judged:
                counts["relation_judged.false"] += 1
                what += f" (re3d ties the pair: {', '.join(sorted(set(judged)))})"
            findings.append(Finding("false-relation", doc.id, what, _context(doc.text, span, 0)))


def score_document(doc: Re3dDoc, record: Mapping[str, Any]) -> DocScore:
    """Score one extraction record (``Record.to_dict()``) against one re3d document."""
    counts: Counter = Counter()
    findings: list[Finding] = []
    mentions = _mentions(record)
    _score_mentions(doc, mentions, counts, findings)
    _score_entities(doc, mentions, counts, findings)
    _score_relations(doc, record, mentions, counts, findings)
    return DocScore(doc.id, counts, tuple(findings), doc.left_out)


# --------------------------------------------------------------------------- report


def _prf(tp: int, pred: int, gold: int, pred_ok: int | None = None) -> dict[str, Any]:
    p_ok = tp if pred_ok is None else pred_ok
    p = p_ok / pred if pred else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": pred, "gold": gold}


@dataclass(frozen=True)
class Re3dReport:
    scores: tuple[DocScore, ...]
    path: str = ""
    split: str = "all"

    def _total(self) -> Counter:
        total: Counter = Counter()
        for s in self.scores:
            total.update(s.counts)
        return total

    def figure(self, figure: str, kind: str | None = None) -> dict[str, Any]:
        """P/R/F1 of ``mention``, ``entity`` or ``relation``, for one type (``kind``) or all. For mentions and
        entities, recall counts gold of that re3d type found, precision kg items of that coarse class right."""
        c = self._total()
        kinds = sorted({k.split(".")[1] for k in c if k.startswith(figure + ".")}) if kind is None else [kind]
        tp, pred, gold, ok = (sum(c[f"{figure}.{k}.{x}"] for k in kinds) for x in ("tp", "pred", "gold", "pred_ok"))
        return _prf(tp, pred, gold, None if figure == "relation" else ok)

    def to_dict(self) -> dict[str, Any]:
        c = self._total()
        out: dict[str, Any] = {"file": self.path, "split": self.split, "documents": len(self.scores)}
        for figure in ("entity", "mention", "relation"):
            kinds = sorted({k.split(".")[1] for k in c if k.startswith(figure + ".")})
            out[figure] = {"all": self.figure(figure), **{k: self.figure(figure, k) for k in kinds}}
        tp, judged_false = out["relation"]["all"]["tp"], c["relation_judged.false"]
        # precision over the kg relations whose two entities re3d ties by some relation (any type): an upper bound
        out["relation_precision_annotated_pairs"] = tp / (tp + judged_false) if tp + judged_false else None
        out["type_accuracy"] = c["type.ok"] / c["type.all"] if c["type.all"] else None
        out["relations_left_out"] = dict(Counter(t for s in self.scores for t in s.left_out).most_common())
        out["findings"] = [f.__dict__ for s in self.scores for f in s.findings]
        return out

    def to_text(self) -> str:
        d = self.to_dict()

        def row(label: str, f: Mapping[str, Any]) -> str:
            fmt = lambda x: "  -  " if x is None else f"{x:.3f}"  # noqa: E731
            return (
                f"{label:<28} {fmt(f['precision'])}  {fmt(f['recall'])}  {fmt(f['f1'])}"
                f"  {f['tp']:>5} {f['predicted']:>5} {f['gold']:>5}"
            )

        lines = [f"re3d gold: {self.path} (split {self.split}, {len(self.scores)} documents)", ""]
        for figure in ("entity", "mention", "relation"):
            lines.append(f"{FIGURE_TITLES[figure]:<28} P      R      F1       tp  pred  gold")
            lines += [row(k, f) for k, f in d[figure].items()]
            lines.append("")
        ta = d["type_accuracy"]
        lines.append(f"type accuracy over matched mentions: {'-' if ta is None else f'{ta:.3f}'}")
        pj = d["relation_precision_annotated_pairs"]
        lines.append(f"relation precision over pairs re3d ties (any type): {'-' if pj is None else f'{pj:.3f}'}")
        left = ", ".join(f"{k} {v}" for k, v in d["relations_left_out"].items()) or "none"
        lines += [f"re3d relations left out (no kg counterpart): {left}", ""]
        for s in self.scores:
            for f in s.findings:
                lines.append(f"{f.kind}: {f.doc} {f.what}  -- {f.context}")
        return "\n".join(lines)


def evaluate_re3d(
    path: str | Path, extract_many: Callable[[Iterable[Article]], Iterable[Any]], *, split: str = "all"
) -> Re3dReport:
    """Score ``extract_many`` (articles -> records with ``to_dict``) on the re3d documents of ``split``."""
    docs = read_re3d(path, split)
    articles = [Article(d.id, d.text) for d in docs]
    scores = tuple(score_document(d, r.to_dict()) for d, r in zip(docs, extract_many(articles), strict=True))
    return Re3dReport(scores, str(path), split)
