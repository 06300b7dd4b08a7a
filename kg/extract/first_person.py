"""Whom a first-person pronoun stands for: the title's voice (kg.extract.voice), else, inside a quotation, its
speaker and the body or state she speaks for ('"We condemn the attack," Ruritanian Foreign Minister Jane Roe said':
'we' is Roe and Ruritania; 'I' is Roe)."""

from __future__ import annotations

from kg.extract import quotes, words
from kg.extract.voice import FIRST_PERSON, FIRST_SINGULAR

__all__ = ["first_person"]


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def first_person(resolver, tok) -> list[str]:
    """Whom a first-person pronoun (or a readout's 'he', 'they') stands for: the title's voice, else, inside a
    quotation, its speaker ('"We condemn the attack," Ruritanian Foreign Minister Jane Roe said': 'we' is Roe and
    Ruritania, the state her title names; 'I' is Roe). [] when neither says."""
    title = resolver.voice
    if title is not None:
        found = title.resolve(tok)
        if found:
            return found
    lower = tok.lower_
    if lower not in FIRST_PERSON or tok.i in resolver.table.by_token:
        return []
    doc = tok.doc
    quote = quotes.quote_at(doc, resolver.cues, tok.idx)
    if quote is None or quote.verb is None:
        return []
    verb = doc[quote.verb]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON]
    said = _unique([e for c in subjects for e in resolver.resolve_source(c)])
    if len(said) != 1:
        return []
    if lower in FIRST_SINGULAR:
        return said if resolver.table.get(said[0]).type == "Person" else []
    body = _spoken_for(resolver, subjects)
    if body:  # '"We reject it," a spokesman for the foreign ministry said': 'we' is the ministry
        return _unique([*said, *body])
    # else the state any of her titles names ('the UK foreign secretary, Liz Truss,'), when just one
    states = _speakers_state(resolver, said[0]) or resolver.states_of(said[0])
    return _unique([*said, *(states if len(states) == 1 else [])])


_SPEAKS_FOR = frozenset({"for", "of", "at"})


def _spoken_for(resolver, subjects) -> list[str]:
    """The one body an unnamed speaker's role noun says she speaks for: 'a spokesman for the ministry', 'an official
    at the Pentagon', 'a Hamas spokesman' (a state only by its own name: 'an official of Ruritania')."""
    roles = [s for s in subjects if s.pos_ == "NOUN" and s.lemma_.lower() in words.PERSON_ROLES]
    heads = [p for s in roles for c in s.children if c.dep_ == "prep" and c.lower_ in _SPEAKS_FOR for p in c.children]
    heads = [p for p in heads if p.dep_ == "pobj"] + [c for s in roles for c in s.children if c.dep_ in _NAMING]
    table = resolver.table
    found = _unique([e for h in heads for e in resolver.resolve(h) if table.get(e).type == "Organization"])
    found = found or _unique(
        [e for h in heads if h.pos_ == "PROPN" for e in resolver.resolve(h) if table.get(e).type == "Country"]
    )
    return found if len(found) == 1 else []


_NAMING = frozenset({"compound", "poss", "nmod"})


def _speakers_state(resolver, eid: str) -> list[str]:
    """The state a person's title names where the article first names her ('Ruritanian Foreign Minister Jane
    Roe', 'Foreign Minister of Ruritania Jane Roe'), for the 'we' she speaks for."""
    table, doc = resolver.table, resolver.doc
    entity = table.get(eid)
    if entity.type != "Person" or not entity.mentions:
        return []
    span = doc.char_span(entity.mentions[0].start, entity.mentions[0].end, alignment_mode="expand")
    if span is None:
        return []
    found: list[str] = []
    for t in doc[max(span.sent.start, span.start - 8) : span.start]:
        if t.is_punct or t.pos_ == "VERB":
            found = []
        elif t.dep_ == "prep" and t.lower_ != "of":  # "Ruritania's Ambassador to the United States": not hers
            break
        else:
            states = [e for e in resolver.resolve_modifier(t) if table.get(e).type == "Country"]
            named = table.by_token.get(t.i)  # "Ukraine's Ambassador": a name, not a phrase to make an entity of
            states = states or ([named] if named is not None and table.get(named).type == "Country" else [])
            found = states or found
    return found[:1]
