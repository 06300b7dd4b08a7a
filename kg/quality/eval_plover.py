"""``kg eval --plover FILE``: score the extractor on PLOVER's one-sentence gold standard records.

The rules:

* the records' older labels map to the 16 types of the 2021 manual (:data:`OLD_LABELS`);
* **type accuracy**: the share of sentences where some extracted event has the gold type;
* **actor accuracy**: over sentences with a source ``actorText``, the share where an event of the gold type
  has an actor whose name or one of whose mention texts contains an ``actorText``, or is contained in it,
  compared lower-cased, without a possessive ``'s``, punctuation turned into spaces.

Each sentence is extracted on its own, undated and untitled, as ``kg extract`` would read
``{"id", "title": null, "date": null, "text"}``. Every miss is listed with what was found instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.graph.records import Article
from kg.quality.gold import EvalError

__all__ = ["OLD_LABELS", "PloverReport", "PloverScore", "evaluate_plover", "match_key", "read_plover"]

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_PUNCT = re.compile(r"[^\w\s]+")


def match_key(text: str) -> str:
    """The form actor names are compared in.

    >>> match_key("Iraq's  Kurds-")
    'iraq kurds'
    """
    return " ".join(_PUNCT.sub(" ", _POSSESSIVE.sub("", text.lower())).split())


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    type: str
    actor_texts: tuple[str, ...]


@dataclass(frozen=True)
class PloverScore:
    """One sentence: the gold, what was extracted (type, actor names and mention texts per event), the verdicts."""

    gold: GoldSentence
    found: tuple[tuple[str, tuple[str, ...]], ...]  # (type, actor names + mention texts) per event
    type_ok: bool
    actor_ok: bool | None  # None: the gold has no source actor text

    def describe(self) -> str:
        events = "; ".join(f"{t} [{', '.join(dict.fromkeys(a)) or '-'}]" for t, a in self.found) or "no event"
        return f"found: {events}"


@dataclass(frozen=True)
class PloverReport:
    scores: tuple[PloverScore, ...]
    path: str = ""

    @property
    def type_counts(self) -> tuple[int, int]:
        return sum(s.type_ok for s in self.scores), len(self.scores)

    @property
    def actor_counts(self) -> tuple[int, int]:
        judged = [s for s in self.scores if s.actor_ok is not None]
        return sum(bool(s.actor_ok) for s in judged), len(judged)

    def to_dict(self) -> dict[str, Any]:
        (tn, td), (an, ad) = self.type_counts, self.actor_counts
        return {
            "file": self.path,
            "type_accuracy": tn / td if td else None,
            "type_counts": [tn, td],
            "actor_accuracy": an / ad if ad else None,
            "actor_counts": [an, ad],
            "no_event": sum(not s.found for s in self.scores),
            "misses": [
                {
                    "id": s.gold.id,
                    "gold_type": s.gold.type,
                    "gold_actors": list(s.gold.actor_texts),
                    "type_ok": s.type_ok,
                    "actor_ok": s.actor_ok,
                    "text": s.gold.text,
                    "found": [{"type": t, "actors": list(a)} for t, a in s.found],
                }
                for s in self.scores
                if not s.type_ok or s.actor_ok is False
            ],
        }

    def to_text(self) -> str:
        (tn, td), (an, ad) = self.type_counts, self.actor_counts
        by_type: dict[str, list[PloverScore]] = {}
        for s in self.scores:
            by_type.setdefault(s.gold.type, []).append(s)
        lines = [
            f"PLOVER gold sentences: {self.path} ({td} sentences)",
            "",
            f"type accuracy   {tn / td if td else 0:.3f}  {tn}/{td}",
            f"actor accuracy  {an / ad if ad else 0:.3f}  {an}/{ad}",
            f"no event at all {sum(not s.found for s in self.scores)}",
            "",
            "type        sentences  type_ok  actor_ok",
        ]
        for t in sorted(by_type):
            ss = by_type[t]
            judged = [s for s in ss if s.actor_ok is not None]
            lines.append(
                f"{t:<11} {len(ss):>9}  {sum(s.type_ok for s in ss):>7}  "
                f"{sum(bool(s.actor_ok) for s in judged):>4}/{len(judged)}"
            )
        lines.append("")
        for s in self.scores:
            if s.type_ok and s.actor_ok is not False:
                continue
            what = "Missed type" if not s.type_ok else "Missed actor"
            actors = ", ".join(s.gold.actor_texts) or "-"
            lines += [
                f"{what}: {s.gold.id} gold {s.gold.type} actor [{actors}] -- {s.describe()}",
                f"    {s.gold.text}",
            ]
        return "\n".join(lines)


def read_plover(path: str | Path) -> list[GoldSentence]:
    """The gold sentences of a PLOVER JSON Lines file, older labels mapped; bad lines are an :class:`EvalError`."""
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"{path}: not a file; give the PLOVER gold JSON Lines file (plover_gsr_dev.jsonl)")
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as err:  # a ValueError, but no user error by itself: say which file and the fix
        raise EvalError(f"{path}: is not UTF-8 ({err.reason} at byte {err.start}); save it as UTF-8") from err
    out = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text, label, rid = rec["text"], rec["event"], str(rec["id"])
        except (ValueError, KeyError, TypeError) as err:
            raise EvalError(
                f"{path}:{lineno}: not a PLOVER gold record ({err}); each line needs id, text and event"
            ) from err
        sources = rec.get("source") if isinstance(rec.get("source"), list) else []
        actors = tuple(s["actorText"] for s in sources if isinstance(s, Mapping) and s.get("actorText"))
        out.append(GoldSentence(rid, text, OLD_LABELS.get(label, label), actors))
    return out


def _actor_matches(names: Iterable[str], gold_texts: Iterable[str]) -> bool:
    keys = [k for k in (match_key(n) for n in names) if k]
    golds = [g for g in (match_key(t) for t in gold_texts) if g]
    return any(g in k or k in g for g in golds for k in keys)


def _found(record: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    entities = {e["id"]: e for e in record.get("entities", [])}
    out = []
    for ev in record.get("events", []):
        names: list[str] = []
        for a in ev.get("actors", []):
            e = entities.get(a)
            if e is not None:
                names += [e["name"], *(m["text"] for m in e.get("mentions", []))]
        out.append((ev["type"], tuple(names)))
    return tuple(out)


def score_sentence(gold: GoldSentence, record: Mapping[str, Any]) -> PloverScore:
    found = _found(record)
    typed = [names for etype, names in found if etype == gold.type]
    actor_ok = any(_actor_matches(names, gold.actor_texts) for names in typed) if gold.actor_texts else None
    return PloverScore(gold, found, bool(typed), actor_ok)


def evaluate_plover(path: str | Path, extract_many: Callable[[Iterable[Article]], Iterable[Any]]) -> PloverReport:
    """Score ``extract_many`` (articles -> records with ``to_dict``) on the gold sentences of ``path``."""
    golds = read_plover(path)
    articles = [Article(g.id, g.text) for g in golds]
    scores = tuple(score_sentence(g, r.to_dict()) for g, r in zip(golds, extract_many(articles), strict=True))
    return PloverReport(scores, str(path))
