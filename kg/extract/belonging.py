"""A person's state without an office: 'Russian billionaire Oleg Tinkov', 'Polish survivor Jan Nowak'.

A demonym qualifying the common noun set before a name says which state the person belongs to, as a title's does
('Russian Foreign Minister X'), though the noun is no office of it: SCHEMA.md's affiliated_with is a person's state,
government or organisation, and annotators mark it for such descriptions. A title noun ('minister', 'leader') is
:mod:`kg.extract.relations`' business; a hyphened demonym ('pro-Russian blogger', 'British-Iranian aid worker') says
a leaning or a mixed origin, not one state.
"""

from __future__ import annotations

from kg.extract import words
from kg.extract.holders import TITLES
from kg.extract.ties import relation

__all__ = ["nationals"]


def nationals(ctx, mentions):
    """affiliated_with(person, state) for each named person described by '<demonym> <noun>' just before the name,
    when the article names the state."""
    table, doc = ctx.table, ctx.doc
    states = table.country_ids()
    for m, eid in mentions:  # (mention, entity id) pairs of the kept sentences
        if m.kind not in ("ner", "gazetteer") or table.get(eid).type != "Person":
            continue
        for noun in doc[m.head].children:
            if noun.i >= m.start or not _describing_noun(noun):
                continue
            for adj in (c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i):
                state = states.get(_demonym_state(ctx, adj) or "")
                if state is not None:
                    yield relation(ctx, "affiliated_with", eid, state, list(doc[adj.i : m.end]), confidence=0.5)


def _describing_noun(noun) -> bool:
    """'billionaire', 'survivor': a lower-case common noun, not a title (titles name an office of their own)."""
    return (
        noun.dep_ in ("compound", "nmod", "amod")
        and noun.pos_ == "NOUN"
        and noun.text.islower()
        and noun.lemma_.lower() not in TITLES
    )


def _demonym_state(ctx, adj) -> str | None:
    """The state a capitalised demonym names ('Russian'), unless it is hyphened to another word."""
    doc = adj.doc
    if not adj.text[:1].isupper() or adj.pos_ not in ("ADJ", "PROPN"):
        return None
    if words.hyphened(doc, adj):
        return None
    entry = ctx.resolver.gazetteer.demonym(adj.text)
    return entry.name if entry is not None else None
