"""Alliances a name or a compound states: 'the US-Japan alliance', 'the U.S.-ROK Alliance' (the two states
written before the noun are allied), and a state called a body's ally ('fellow NATO ally Italy', 'Turkey, a NATO
ally,'), which is a member of the body."""

from __future__ import annotations

import re

from kg.extract.ties import conj_ids, relation, tokens_of

_DASHES = re.compile(r"[-–—]")


def find_alliances(ctx):
    yield from _paired_alliances(ctx)
    yield from _body_allies(ctx)


def _paired_alliances(ctx):
    """'The US-Japan alliance', 'the U.S.-ROK Alliance': an alliance noun whose modifiers name two states, joined
    by a dash, allies them."""
    for tok in tokens_of(ctx, frozenset({"alliance"})):
        before = [t for t in tok.subtree if t.i < tok.i]
        if not any(_DASHES.search(t.text) for t in before):
            continue
        states = _states_in(ctx, before)
        if len(states) == 2:
            yield relation(ctx, "allied_with", states[0], states[1], [*before, tok], confidence=0.6)


def _states_in(ctx, tokens) -> list[str]:
    """The states named by the tokens, in order; a token the tokenizer left whole ('U.S.-ROK') is read by parts."""
    table, gazetteer = ctx.table, ctx.resolver.gazetteer
    states = table.country_ids()
    found: list[str] = []
    for t in tokens:
        ids = [e for e in ctx.resolve_modifier(t) if table.get(e).type == "Country"]
        if not ids and _DASHES.search(t.text):
            entries = [gazetteer.entry_for(gazetteer.key_for(p)) for p in _DASHES.split(t.text) if p]
            ids = [states[e.name] for e in entries if e is not None and e.name in states]
        found += [e for e in ids if e not in found]
    return found


# words that deny what follows: 'a major non-NATO ally' is no member
_NOT = frozenset({"non", "non-", "former", "ex", "ex-"})


def _body_allies(ctx):
    """'fellow NATO ally and EU member state Italy', 'NATO ally Turkey', 'Turkey, a NATO ally,', 'Turkey is a NATO
    ally': the state called a body's ally is one of its members (not a 'non-NATO ally')."""
    table = ctx.table
    for tok in tokens_of(ctx, frozenset({"ally"})):
        if tok.tag_ != "NN":
            continue
        mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i]
        if any(t.lower_ in _NOT for t in tok.doc[tok.left_edge.i : tok.i]):
            continue
        bodies = [e for c in mods for e in ctx.resolve_modifier(c) if table.get(e).type == "Organization"]
        if not bodies:
            continue
        described = _described(tok)
        states = [e for e in conj_ids(ctx, described) if table.get(e).type == "Country"]
        for state in states:
            for body in bodies:
                yield relation(ctx, "member_of", state, body, [*tok.subtree, *described], confidence=0.55)


def _described(tok) -> list:
    """The name an ally noun describes: the name it is set beside ('Turkey, a NATO ally'), the subject it is said of
    ('Turkey is a NATO ally'), the name right after it ('NATO ally Turkey'), or a name coordinated with it that
    carries a description of its own ('fellow NATO ally and EU member state Italy')."""
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "attr":
        return [c for c in tok.head.children if c.dep_ == "nsubj"]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ == "GPE":
        return [nxt]
    return [
        c
        for c in tok.children
        if c.dep_ == "conj" and c.pos_ == "PROPN" and any(g.dep_ == "compound" and g.pos_ == "NOUN" for g in c.children)
    ]


# verbs by which a party turns to its own allies ('looks to', 'relies on', 'urged', 'works with'); one who threatens
# or attacks 'allies like Poland' threatens someone else's
_TURNING_TO = frozenset("look turn rely count lean call urge ask consult work coordinate reassure join".split())


def clause_owners(ctx, allies) -> list[str]:
    """Whose bare allies a clause names ('Russia is looking to allies like Belarus', 'the US urged allies such as
    Germany to act'): the subject of the verb the allies are the object of, when it is a state or a body; allies
    with an article or an owner of their own ('the allies', 'Iran's allies') are not his, nor those a verb outside
    ``_TURNING_TO`` acts on ('Moscow threatened allies like Poland')."""
    if any(c.dep_ in ("det", "poss") for c in allies.children):
        return []
    verb = allies.head.head if allies.dep_ == "pobj" and allies.head.dep_ == "prep" else allies.head
    if allies.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in _TURNING_TO:
        return []
    found = conj_ids(ctx, [c for c in verb.children if c.dep_ == "nsubj"])
    return [e for e in found if ctx.table.get(e).type in ("Country", "Organization")]
