"""Counterparts: 'Putin told his French counterpart Emmanuel Macron' -- a counterpart holds the office its owner
holds."""

from __future__ import annotations

import dataclasses

from kg.graph.records import Relation, content_id

__all__ = ["counterparts"]


def counterparts(ctx, titles, stated) -> list[Relation]:
    """'Putin told his French counterpart Emmanuel Macron': a counterpart holds the office its owner holds, so the
    counterpart of a state's leader leads his own state (affiliated_with becomes leader_of). One who heads a body
    ('his US counterpart CIA Director X') holds that office, not his state's lead."""
    leaders = {r.subject for r in stated if r.type == "leader_of" and ctx.table.get(r.object).type == "Country"}
    heads = {r.subject for r in stated if r.type == "leader_of" and ctx.table.get(r.object).type == "Organization"}
    led = set()
    for title in titles:
        if title.head != "counterpart":
            continue
        owners = [
            e
            for t in title.tokens
            if t.lemma_.lower() == "counterpart"
            for c in t.children
            if c.dep_ == "poss"
            for e in ctx.resolve(c)
        ]
        if set(owners) & leaders and title.person not in heads:
            led.add(title.person)
    out = []
    for r in stated:
        if r.type == "affiliated_with" and r.subject in led and ctx.table.get(r.object).type == "Country":
            rid = "r" + content_id(ctx.article_id, "leader_of", r.subject, r.object, length=10)
            r = dataclasses.replace(r, id=rid, type="leader_of")
        out.append(r)
    return out
