"""A state's servants: who leads or works in a state's own body serves that state.

"German Chancellery adviser Jens Ploetner", "CIA Director William Burns", "the head of Britain's foreign
intelligence service, Richard Moore": the title names a body, not the state, yet the person serves the state the
body belongs to, as "German adviser" or "US official" would say outright (SCHEMA.md's affiliated_with: a person's
state, government or organisation). The body's state is the one its name writes ("the German Chancellery",
``EntityTable.states``) or, for a body the hand-made or derived gazetteer places in a state's government, forces or
intelligence, that state, when the article names it (a state the article never names is no entity of it).
"""

from __future__ import annotations

import dataclasses

from kg.graph.records import Relation, content_id

__all__ = ["state_servants"]

# the sectors of a state's own bodies: government, forces, parliament, courts, police, intelligence
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def state_servants(ctx, found: list[Relation]) -> list[Relation]:
    """affiliated_with(person, state) for each person who leads or is affiliated with a body of that state and
    has no tie to the state yet; the evidence, modality and sources are those of the person's tie to the body."""
    table = ctx.table
    kinds = {e.id: e.type for e in table.entities}
    states = table.country_ids()
    body_state = {r.subject: r.object for r in found if r.type == "affiliated_with" and _state_body(kinds, r)}
    tied = {(r.subject, r.object) for r in found}
    out: list[Relation] = []
    for r in found:
        if r.type not in ("leader_of", "affiliated_with") or kinds.get(r.subject) != "Person":
            continue
        if kinds.get(r.object) != "Organization":
            continue
        state = body_state.get(r.object) or _gazetteer_state(table, r.object, states)
        if state is None and table.entries.get(r.object) is None:
            state = _servant_state(table, r.subject, states)
        if state is None or (r.subject, state) in tied or (state, r.subject) in tied:
            continue
        tied.add((r.subject, state))
        rid = "r" + content_id(ctx.article_id, "affiliated_with", r.subject, state, length=10)
        out.append(dataclasses.replace(r, id=rid, type="affiliated_with", object=state, confidence=0.5))
    return out


def _state_body(kinds: dict, r: Relation) -> bool:
    return kinds.get(r.subject) == "Organization" and kinds.get(r.object) == "Country"


def _servant_state(table, person: str, states: dict) -> str | None:
    """'Chief of the General Staff X': a body the gazetteer does not know says no state, but the hand-made gazetteer
    (kept current) may place its head or member in a state's government or forces."""
    if person not in table.current:
        return None
    return _gazetteer_state(table, person, states)


def _gazetteer_state(table, body: str, states: dict) -> str | None:
    entry = table.entries.get(body)
    if entry is None or entry.sector not in _STATE_SECTORS or not entry.country:
        return None
    return states.get(entry.country)
