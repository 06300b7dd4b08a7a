"""Event words used in a sense that names no event, whatever row matched them: 'meeting Ukraine's needs' (to
satisfy), 'concern for the hostages' (sympathy), 'the alleged plan' (a hedge), 'warned that it had intercepted a
plan' (a warning of what happened is information, not a threat of force).

Each check looks at the trigger and its children only: one test per candidate trigger, no pass over the doc."""

from __future__ import annotations

from kg.extract.lexicons import Trigger

__all__ = ["names_no_event"]

# 'meet the needs / the deadline / its obligations': to satisfy or fulfil something, not to hold talks
_SATISFIED = frozenset(
    {
        "need",
        "requirement",
        "target",
        "goal",
        "deadline",
        "standard",
        "criterion",
        "criteria",
        "expectation",
        "obligation",
        "commitment",
        "threshold",
        "challenge",
        "cost",
        "demand",
        "condition",
    }
)
_SYMPATHY = frozenset({"concern", "worry", "fear"})  # 'concern for the hostages': care for someone
_MODALS = frozenset({"will", "would", "shall", "'ll", "could", "can", "may", "might", "must", "should"})
_PERFECT = frozenset({"had", "has", "have", "'d", "was", "were"})


def names_no_event(tok, entry: Trigger) -> bool:
    """Whether the trigger ``tok`` (matched by ``entry``) is used in a sense that names no event."""
    lemma = tok.lemma_.lower()
    if entry.type == "CONSULT" and lemma == "meet":
        return _meets_a_need(tok)
    if entry.type == "ACCUSE" and lemma == "allege":
        return tok.dep_ == "amod"  # "Moscow's alleged plan": the article hedges, nobody accuses
    if entry.type == "ACCUSE":
        return _concern_for(tok)
    if entry.type == "THREATEN" and lemma == "warn":
        return _warns_of_the_past(tok)
    return False


def _meets_a_need(verb) -> bool:
    """'meeting Ukraine's urgent needs', 'met the deadline' (the CONCEDE row takes 'meet their demands')."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _SATISFIED for c in verb.children)


def _concern_for(verb) -> bool:
    """'expressed his deep concern for the hostages': sympathy with someone, not disapproval of anyone."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _SYMPATHY]
    return any(p.dep_ == "prep" and p.lower_ == "for" for o in objects for p in o.children)


def _warns_of_the_past(verb) -> bool:
    """'Ukraine warned that it had intercepted a plan', 'warned that troops were massing': a warning whose
    content is what happened or is happening, with no modal, reports; 'warned it would strike' threatens."""
    contents = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not contents or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "warned Russia that ...", "warned of consequences": addressed to someone, kept
    for clause in contents:
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if aux & _MODALS or not (aux & _PERFECT or clause.tag_ == "VBD"):
            return False
    return True
