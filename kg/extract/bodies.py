"""Relations a body's own name states: the leader written before '-led' ("the US-led coalition") and the state
a body's name gives ("Iraqi forces", "the US State Department")."""

from __future__ import annotations

from kg.extract.collectives import bodies_named_in
from kg.extract.membership import is_unit
from kg.extract.ties import relation


def led_bodies(ctx):
    """'the US-led coalition': the leader named before '-led' leads the body."""
    table = ctx.table
    for m in table.mentions:
        body = table.by_token.get(m.head)
        if m.kind != "np" or body is None or table.get(body).type != "Organization":
            continue
        for led in ctx.doc[m.head].lefts:
            if led.dep_ != "amod" or led.lower_ != "led":
                continue
            for leader in {e for c in led.lefts for e in ctx.resolve_modifier(c) if e != body}:
                yield relation(ctx, "leader_of", leader, body, list(ctx.doc[m.start : m.end]), confidence=0.6)


def state_bodies(ctx):
    """A state's own body is affiliated with the state when its name says so: 'Iraqi forces', 'the Iraqi
    military', 'the US State Department' (``EntityTable.states``)."""
    table = ctx.table
    for body, state in table.states.items():
        mention = next((m for m in table.mentions if table.by_token.get(m.head) == body), None)
        if mention is None or ctx.doc[mention.start].sent.start in ctx.skip_sents:
            continue
        tokens = list(ctx.doc[mention.start : mention.end])
        yield relation(ctx, "affiliated_with", body, state, tokens, confidence=0.6)


def bodies_of_bodies(ctx):
    """A body another body's name or possessive owns: 'the Palestinian Authority Security Forces' (the Palestinian
    Authority's), "the Bank of Russia's National Card Payment System" -> affiliated_with the owning body."""
    table = ctx.table
    seen = set()
    for m in table.mentions:
        body = table.by_token.get(m.head)
        if body is None or body in seen or table.get(body).type != "Organization":
            continue
        if ctx.doc[m.start].sent.start in ctx.skip_sents or is_unit(ctx, body):
            continue  # "the Army's 82nd Division" is a member of the army (membership's units)
        seen.add(body)
        head = ctx.doc[m.head]
        named = (head, head.head) if head.dep_ == "appos" else (head,)  # "X's Payment System (NSPK)"
        owners = [e for n in named for c in n.children if c.dep_ == "poss" for e in ctx.resolve(c)]
        owners = [e for e in owners if e != body and table.get(e).type == "Organization"]
        tokens = list(ctx.doc[m.start : m.end])
        for owner in owners or bodies_named_in(table, body):
            yield relation(ctx, "affiliated_with", body, owner, tokens, confidence=0.55)
