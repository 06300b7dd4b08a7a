"""Score attribution against PolNeAR's attribution annotations: does an event told in someone's
words carry that someone as a source, and does an event in the article's own voice carry none?

A PolNeAR split folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann`` (BRAT
standoff; the first annotator in sorted order is used). :func:`load_split` reads it, :func:`score_article`
scores one record against one article's annotations, :func:`evaluate_polnear` runs an extractor over a
split and returns a :class:`PolnearReport` with both accuracies, the number of events in each class and
every miss.

The rules, including the choices the README leaves open:

* An event's **anchor** is its trigger's start offset.
* An anchor inside a Cue, Source, Discard or Discuss span is **not scored**.
* Otherwise, of the Content spans that contain the anchor, the **innermost** (shortest) decides: with a
  Source the event is **attributed** (to that source), without one it is not scored. An anchor in no
  Content is in the article's **own voice**: right when the event's ``sources`` is empty.
* An attributed event is right when one entity of its chain matches the Source: a mention of the entity
  overlaps the source's **head word(s)** (the root of the source phrase as spaCy parses it, widened to
  the proper name it belongs to, and to a name in apposition: "Jason Miller" in "Trump campaign spokesman
  Jason Miller", "Jason Miller" in "his spokesman, Jason Miller"), or the entity's name equals the source
  text after :func:`normalise_source`.
* A **pronoun source** is right through offsets (a mention overlapping the pronoun) or through what it
  refers to: a relative pronoun ("Trump, who said") or a lone possessive ("Trump['s] plan") the words just
  before it; "he", "she", "I" the nearest earlier annotated Source that is a proper name; "they", "we",
  "it" the nearest earlier annotated Source that is not a pronoun; "you" only through offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph.records import Article, Record
from kg.quality.gold import EvalError, check_split, in_split, normalise
from kg.quality.report import ratio

__all__ = [
    "GoldAttribution",
    "PolnearArticle",
    "PolnearReport",
    "Scored",
    "evaluate_polnear",
    "load_split",
    "normalise_source",
    "parse_ann",
    "score_article",
    "spread_sample",
]

Span = tuple[int, int]

_BLOCKING = ("Cue", "Source", "Discard", "Discuss")
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sen|senator|rep|representative|gov|governor|president|vice president|secretary|"
    r"gen|general|prof|professor|rev|speaker|judge|justice|former|candidate|gop|democratic|republican)\b\.?\s*)+"
)
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
_NAMED_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my", "himself", "herself"})
_OTHER_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "it", "its", "themselves", "ourselves"})
_OFFSET_ONLY = frozenset({"you", "your", "yourself", "one", "someone", "somebody", "anyone"})
PRONOUNS = _RELATIVE | _NAMED_PRONOUNS | _OTHER_PRONOUNS | _OFFSET_ONLY


def normalise_source(text: str) -> str:
    """A source's text as names are compared: :func:`kg.quality.gold.normalise`, then titles dropped.

    >>> normalise_source("Sen. Ted Cruz's"), normalise_source("the Mr. Trump"), normalise_source("President Obama")
    ('ted cruz', 'trump', 'obama')
    """
    return _TITLES.sub("", normalise(text).strip()).strip()


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its source (empty spans when it has none), cue and content spans."""

    source: tuple[Span, ...]
    source_text: str
    contents: tuple[Span, ...]

    @property
    def has_source(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    blocked: tuple[Span, ...]  # cues, sources, Discard and Discuss spans: events there are not scored
    date: str | None = None
    path: str = ""

    def article(self) -> Article:
        return Article(self.name, self.text, date=self.date, path=self.path)


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def _spans(field_text: str, where: str) -> tuple[Span, ...]:
    out = []
    for part in field_text.split(";"):
        try:
            start, end = (int(x) for x in part.split())
        except ValueError as err:
            raise EvalError(f"{where}: bad offsets {field_text!r}; a BRAT span is 'START END[;START END...]'") from err
        out.append((start, end))
    return tuple(out)


def parse_ann(ann: str, where: str = "<ann>") -> tuple[tuple[GoldAttribution, ...], tuple[Span, ...]]:
    """The attributions and the blocked spans of one BRAT ``.ann`` text.

    >>> atts, blocked = parse_ann("T1\\tSource 0 5\\tTrump\\nT2\\tCue 6 10\\tsaid\\nT3\\tContent 11 20\\tit rained\\n"
    ...                           "T4\\tAttribution 6 10\\tsaid\\nE1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1")
    >>> atts[0], blocked
    (GoldAttribution(source=((0, 5),), source_text='Trump', contents=((11, 20),)), ((0, 5), (6, 10)))
    """
    spans: dict[str, tuple[str, tuple[Span, ...], str]] = {}
    links = []
    for n, line in enumerate(ann.splitlines(), 1):
        if m := _T_LINE.match(line):
            spans[m[1]] = (m[2], _spans(m[3], f"{where}:{n}"), m[4])
        elif m := _E_LINE.match(line):
            links.append((f"{where}:{n}", dict(arg.split(":", 1) for arg in m[2].split() if ":" in arg)))
    attributions = []
    for loc, args in links:
        try:
            source = spans[args["Source"]] if "Source" in args else None
            contents = [s for key, ref in args.items() if key.startswith("Content") for s in spans[ref][1]]
        except KeyError as err:
            raise EvalError(f"{loc}: the link names {err.args[0]}, which the file does not define") from err
        attributions.append(GoldAttribution(source[1] if source else (), source[2] if source else "", tuple(contents)))
    blocked = tuple(s for label, ss, _ in spans.values() if label in _BLOCKING for s in ss)
    return tuple(attributions), blocked


_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def spread_sample(items: Sequence, limit: int | None) -> list:
    """``limit`` items spread evenly over ``items`` (every outlet of a sorted PolNeAR split is in the sample).

    >>> spread_sample(list(range(10)), 3), spread_sample([1, 2], 5)
    ([0, 3, 6], [1, 2])
    """
    if limit is None or limit >= len(items):
        return list(items)
    return [items[i * len(items) // limit] for i in range(limit)]


def load_split(folder: str | Path, *, limit: int | None = None, half: str = "all") -> list[PolnearArticle]:
    """The articles of a PolNeAR split folder (``text/`` and ``attributions/``) in the fixed ``half`` (all, tune or
    check, by :func:`kg.quality.gold.split_of` of the article's name), ``limit`` spread evenly over it."""
    check_split(half)
    folder = Path(folder)
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalError(
            f"{folder}: no text/ and attributions/ folders; give a PolNeAR split folder, "
            "e.g. kg eval --polnear polnear/train"
        )
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # the first annotator in sorted order
    names = sorted(n for n in anns if (text_dir / f"{n}.txt").is_file())
    if not names:
        raise EvalError(f"{folder}: no article has both text/<name>.txt and attributions/<name>_<annotator>.ann")
    names = [n for n in names if in_split(n, half)]
    out = []
    for name in spread_sample(names, limit):
        text = _utf8(text_dir / f"{name}.txt")
        attributions, blocked = parse_ann(_utf8(anns[name]), str(anns[name]))
        date = m[1] if (m := _DATE.search(name)) else None
        out.append(PolnearArticle(name, text, attributions, blocked, date, str(text_dir / f"{name}.txt")))
    return out


def _utf8(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise EvalError(f"{path}: is not UTF-8 ({err.reason} at byte {err.start}); save it as UTF-8") from err


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Scored:
    """One scored event: its class (attributed | own), whether it is right, and what a reader needs to see."""

    article: str
    kind: str
    correct: bool
    event: str  # type and trigger
    anchor: int
    context: str
    gold_source: str = ""  # attributed: the source text (and what a pronoun refers to)
    predicted: tuple[str, ...] = ()  # the event's source chain, by entity name

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "kind": self.kind,
            "correct": self.correct,
            "event": self.event,
            "anchor": self.anchor,
            "context": self.context,
            "gold_source": self.gold_source,
            "predicted": list(self.predicted),
        }

    def to_text(self) -> str:
        want = f"source {self.gold_source!r}" if self.kind == "attributed" else "no source (own voice)"
        got = "[" + ", ".join(self.predicted) + "]" if self.predicted else "no source"
        return f"{self.kind}: {self.event} @{self.anchor}: wanted {want}, got {got}\n    {self.context!r}"


def _inside(pos: int, spans: Iterable[Span]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _innermost(pos: int, attributions: Iterable[GoldAttribution]) -> GoldAttribution | None:
    best, best_len = None, None
    for att in attributions:
        for start, end in att.contents:
            if start <= pos < end and (best_len is None or end - start < best_len):
                best, best_len = att, end - start
    return best


def _context(text: str, pos: int, width: int = 90) -> str:
    left, right = max(0, pos - width), min(len(text), pos + width)
    return ("..." if left else "") + " ".join(text[left:right].split()) + ("..." if right < len(text) else "")


HeadFinder = Callable[[str, GoldAttribution], tuple[Span, ...]]


def score_article(gold: PolnearArticle, record: Record, heads: HeadFinder) -> list[Scored]:
    """Every scored event of ``record`` against ``gold``; ``heads(text, attribution)`` gives a source's head
    word spans (article offsets)."""
    entities = {e.id: e for e in record.entities}
    out = []
    for event in record.events:
        anchor = event.trigger.start
        if _inside(anchor, gold.blocked):
            continue
        att = _innermost(anchor, gold.attributions)
        if att is not None and not att.has_source:
            continue
        chain = [entities[s] for s in event.sources if s in entities]
        label, context = f"{event.type} {event.trigger.text!r}", _context(gold.text, anchor)
        names = tuple(e.name for e in chain)
        if att is None:
            out.append(Scored(gold.name, "own", not chain, label, anchor, context, predicted=names))
            continue
        targets, shown = _targets(gold, att, heads)
        ok = any(_matches(e, targets) for e in chain)
        out.append(Scored(gold.name, "attributed", ok, label, anchor, context, shown, names))
    return out


@dataclass(frozen=True)
class _Target:
    spans: tuple[Span, ...]  # head words (or a pronoun's span) a mention may overlap
    name: str  # a normalised name the entity's name may equal ("" for none)


def _targets(gold: PolnearArticle, att: GoldAttribution, heads: HeadFinder) -> tuple[list[_Target], str]:
    """What a chain entity may match for this attribution's source, and how the source reads in a report."""
    word = normalise(att.source_text)
    if word and word not in PRONOUNS:
        return [_Target(heads(gold.text, att), normalise_source(att.source_text))], att.source_text
    own = _Target(att.source, "")
    referent = _referent(gold, att, word, heads)
    if referent is None:
        return [own], f"{att.source_text} (refers to nothing scored)"
    spans, text = referent
    return [own, _Target(spans, normalise_source(text))], f"{att.source_text} -> {text}"


_WORD_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*|[\w'’-]+)[\s,]*$")


def _referent(
    gold: PolnearArticle, att: GoldAttribution, word: str, heads: HeadFinder
) -> tuple[tuple[Span, ...], str] | None:
    start = att.source[0][0]
    if word in _RELATIVE or not word:  # "Trump, who said", "Trump['s] plan": the words just before it
        m = _WORD_BEFORE.search(gold.text, max(0, start - 80), start)
        return (((m.start(1), m.end(1)),), m[1]) if m else None
    if word in _OFFSET_ONLY:
        return None
    earlier = sorted(
        (
            a
            for a in gold.attributions
            if a.has_source and a.source[0][0] < start and normalise(a.source_text) not in PRONOUNS
        ),
        key=lambda a: a.source[0][0],
    )
    for cand in reversed(earlier):
        spans = heads(gold.text, cand)
        if word in _OTHER_PRONOUNS or any(gold.text[s:e][:1].isupper() for s, e in spans):
            return spans, cand.source_text
    return None


def _matches(entity, targets: list[_Target]) -> bool:
    name = normalise_source(entity.name)
    for t in targets:
        if t.name and name == t.name:
            return True
        if any(m.start < e and s < m.end for m in entity.mentions for s, e in t.spans):
            return True
    return False


# --------------------------------------------------------------------------- head words


def spacy_heads(nlp) -> HeadFinder:
    """A head finder parsing each source phrase with ``nlp`` (memoised per article text and span)."""
    cache: dict[tuple[int, tuple[Span, ...]], tuple[Span, ...]] = {}

    def heads(text: str, att: GoldAttribution) -> tuple[Span, ...]:
        key = (id(text), att.source)
        if key not in cache:
            cache[key] = _head_spans(nlp, text, att.source)
        return cache[key]

    return heads


def _head_spans(nlp, text: str, source: tuple[Span, ...]) -> tuple[Span, ...]:
    start, end = source[0]
    doc = nlp(text[start:end])
    roots = [t for t in doc if t.head.i == t.i and not t.is_punct]
    if not roots:
        return (source[0],)
    root = roots[0]
    tokens = [
        *_name_run(root),
        *(t for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN" for t in _name_run(c)),
    ]
    return tuple((start + t.idx, start + t.idx + len(t.text)) for t in tokens)


def _name_run(tok) -> list:
    """A proper noun with the proper nouns next to it ('Jason Miller'); any other word alone."""
    if tok.pos_ != "PROPN":
        return [tok]
    doc, lo, hi = tok.doc, tok.i, tok.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN":
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    return list(doc[lo : hi + 1])


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class PolnearReport:
    articles: int
    scored: tuple[Scored, ...] = field(default=())

    def _count(self, kind: str) -> tuple[int, int]:
        items = [s for s in self.scored if s.kind == kind]
        return sum(s.correct for s in items), len(items)

    @property
    def figures(self) -> dict[str, Any]:
        (ac, an), (oc, on) = self._count("attributed"), self._count("own")
        return {
            "attributed_accuracy": ratio(ac, an),
            "attributed_correct": ac,
            "attributed_events": an,
            "own_voice_accuracy": ratio(oc, on),
            "own_voice_correct": oc,
            "own_voice_events": on,
        }

    @property
    def misses(self) -> tuple[Scored, ...]:
        return tuple(s for s in self.scored if not s.correct)

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "figures": self.figures, "misses": [m.to_dict() for m in self.misses]}

    def to_text(self) -> str:
        f = self.figures
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        attributed_empty = sum(1 for m in self.misses if m.kind == "attributed" and not m.predicted)
        lines = [
            f"PolNeAR attribution ({self.articles} articles)",
            "",
            f"attributed content  {fmt(f['attributed_accuracy'])}  {f['attributed_correct']}/{f['attributed_events']}"
            f"  (misses: {attributed_empty} with no source, "
            f"{f['attributed_events'] - f['attributed_correct'] - attributed_empty} with another source)",
            f"own voice           {fmt(f['own_voice_accuracy'])}  {f['own_voice_correct']}/{f['own_voice_events']}",
        ]
        article = None
        for m in self.misses:
            if m.article != article:
                article = m.article
                lines += ["", f"== {article} =="]
            lines.append(m.to_text())
        return "\n".join(lines) + "\n"


def evaluate_polnear(
    folder: str | Path, *, limit: int | None = None, half: str = "all", jobs: int = 1, extractor=None
) -> PolnearReport:
    """Run the extractor over a PolNeAR split (its fixed ``half``, ``limit`` articles spread evenly over it) and
    score it."""
    from kg.extract import Extractor

    articles = load_split(folder, limit=limit, half=half)
    extractor = extractor or Extractor()
    heads = spacy_heads(extractor.nlp)
    scored: list[Scored] = []
    for gold, record in zip(articles, extractor.extract_many((a.article() for a in articles), jobs=jobs), strict=True):
        scored.extend(score_article(gold, record, heads))
    return PolnearReport(len(articles), tuple(scored))
