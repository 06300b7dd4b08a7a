"""Who leads or works for a body, as a verb or a role beside the name says it: 'X commands the task force', 'the
task force, led by X', 'X, a researcher at the Brookings Institution', 'X served in the Navy'."""

from __future__ import annotations

from kg.extract import factuality
from kg.extract.ties import conj_ids, subjects, tokens_of
from kg.extract.ties import relation as _relation

__all__ = ["bodies_after", "leading_verbs", "workplaces"]


# verbs whose subject leads their object ('Burns commands the task force', 'the task force, led by Burns');
# 'represent' makes the subject the body's affiliate
_LEADING_VERBS = {"lead": "leader_of", "head": "leader_of", "command": "leader_of", "chair": "leader_of"}
_LEADING_VERBS["represent"] = "affiliated_with"


def leading_verbs(ctx):
    """'X leads / heads / commands Y', 'Y, led by X,', 'Y is chaired by X', 'Y, represented by X' -> X leader_of Y
    (affiliated_with for 'represent'), where Y is a body (or a state a person leads)."""
    table = ctx.table
    for tok in tokens_of(ctx, frozenset(_LEADING_VERBS)):
        rtype = _LEADING_VERBS.get(tok.lemma_.lower())
        if rtype is None or tok.pos_ != "VERB":
            continue
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            leaders = conj_ids(ctx, agents)
            led = [c for c in tok.children if c.dep_ == "nsubjpass"] or ([tok.head] if tok.dep_ == "acl" else [])
        else:
            leaders = subjects(ctx, tok)
            led = [c for c in tok.children if c.dep_ == "dobj"]
        modality, _ = factuality.modality(tok, ctx.cues)
        for body in conj_ids(ctx, led):
            btype = table.get(body).type
            for leader in leaders:
                ltype = table.get(leader).type
                if (
                    btype == "Organization"
                    and ltype in ("Person", "Country", "Organization")
                    or (btype == "Country" and ltype == "Person")
                ):
                    yield _relation(ctx, rtype, leader, body, list(tok.subtree), modality=modality, confidence=0.55)


# prepositions that place a person in a body: 'a researcher at X', 'a spokesman for X', 'a gunner with X'
_WORKPLACE_PREPS = frozenset({"at", "for", "with", "in"})


def workplaces(ctx, mentions):
    """'Mary Jones, a researcher at the Brookings Institution', 'X worked for the KGB', 'X served in the Navy',
    "CNN's X": the person is affiliated with the body he works at or serves in, or reports for."""
    table = ctx.table
    for m, eid in mentions:  # (mention, entity id) pairs of the kept sentences
        if table.get(eid).type != "Person" or m.kind not in ("ner", "gazetteer"):
            continue
        head = ctx.doc[m.head]
        for role in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
            for body in bodies_after(ctx, role, _WORKPLACE_PREPS):
                yield _relation(ctx, "affiliated_with", eid, body, list(role.subtree), confidence=0.55)
            for served in _served(ctx, role):
                if served != eid:
                    yield _relation(ctx, "affiliated_with", eid, served, list(role.subtree), confidence=0.55)
        for outlet, owner in _outlets_owning(ctx, head, m):
            # the evidence holds the outlet's name, not only its "'s": "CNN's Jake Tapper"
            stated = list(ctx.doc[owner.left_edge.i : m.end])
            yield _relation(ctx, "affiliated_with", eid, outlet, stated, confidence=0.55)
    for tok in tokens_of(ctx, frozenset({"work", "serve"})):
        if tok.pos_ != "VERB":
            continue
        people = [e for e in subjects(ctx, tok) if table.get(e).type == "Person"]
        for body in bodies_after(ctx, tok, {"for", "at", "in"}):
            for person in people:
                yield _relation(ctx, "affiliated_with", person, body, list(tok.subtree), confidence=0.55)


def _outlets_owning(ctx, name, m) -> list[tuple]:
    """ "Reuters' Jane Roe", "the Times's X": a news outlet written as the owner of a name is the reporter's; (outlet,
    the owner's token) pairs."""
    owners = [c for c in name.children if c.dep_ == "poss" and c.i < m.start]
    return [(e, c) for c in owners for e in ctx.resolve_modifier(c) if ctx.table.get(e).type == "NewsOutlet"]


# roles that serve a person or a state: 'X, an adviser to Zelenskyy,', 'Y, a spokesman for the president,'
_AIDES = frozenset({"adviser", "advisor", "aide", "assistant", "spokesman", "spokeswoman", "spokesperson"})


def _served(ctx, role) -> list[str]:
    """Whom an aide's role serves: a person or a state after 'to' / 'for' ('an adviser to Zelenskyy')."""
    if role.lemma_.lower() not in _AIDES:
        return []
    pobjs = [p for c in role.children if c.dep_ == "prep" and c.lower_ in ("to", "for") for p in c.children]
    found = conj_ids(ctx, [p for p in pobjs if p.dep_ == "pobj"])
    return [e for e in found if ctx.table.get(e).type in ("Person", "Country")]


def bodies_after(ctx, node, preps) -> list[str]:
    """The bodies a word's prepositions name: 'at the Brookings Institution'."""
    pobjs = [p for c in node.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
    return [e for e in conj_ids(ctx, [p for p in pobjs if p.dep_ == "pobj"]) if ctx.table.get(e).type == "Organization"]
