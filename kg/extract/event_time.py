"""When an event happened or is planned: the date or time expression its sentence attaches to its trigger."""

from __future__ import annotations

from kg.extract import words
from kg.extract.timex import normalise_time
from kg.graph.records import TimeValue

__all__ = ["event_time"]


def event_time(doc, date: str | None, tok, *, future: bool) -> TimeValue | None:
    """The time a trigger's clause gives it: a date or time expression attached to the trigger or its verb,
    else a season naming it ("a winter offensive"); relative expressions are read against ``date``."""
    clause = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), tok)
    best = None
    for ent in _sentence_times(doc, tok.sent):
        anchor = _attachment(ent.root, tok)
        if anchor is not None and anchor.i in (tok.i, clause.i):
            if best is None or abs(ent.start - tok.i) < abs(best.start - tok.i):
                best = ent
    if best is not None:
        start = best.start - 1 if best.start > 0 and doc[best.start - 1].dep_ == "prep" else best.start
        return normalise_time(doc[start : best.end].text, date, future=future)
    for c in tok.children:  # "a winter offensive"
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words.SEASONS:
            return normalise_time(c.text, date, future=future)
    return None


def _sentence_times(doc, sent) -> list:
    """The DATE and TIME entities of ``sent``. ``Span.ents`` reads the whole ``doc.ents`` on every call (work
    in the article's length once per event), so they are indexed by sentence once per Doc."""
    index = doc.user_data.get("kg.sentence_times")
    if index is None:
        index = {}
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                index.setdefault(doc[ent.start].sent.start, []).append(ent)
        doc.user_data["kg.sentence_times"] = index
    return [ent for ent in index.get(sent.start, ()) if ent.end <= sent.end]  # as Span.ents: wholly inside


def _attachment(root, trigger):
    """The trigger, or the first verb, above a time expression: what the time is the time of."""
    node = root
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.i == trigger.i or node.pos_ in ("VERB", "AUX"):
            return node
    return None
