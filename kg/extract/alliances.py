"""Alliances a name or a compound states: 'the US-Japan alliance', 'the U.S.-ROK Alliance' (the two states
written before the noun are allied)."""

from __future__ import annotations

import re

from kg.extract.ties import relation, tokens_of

_DASHES = re.compile(r"[-–—]")


def find_alliances(ctx):
    yield from _paired_alliances(ctx)


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
