"""Membership stated in the text: units inside larger units ("the 82nd Airborne Division of the U.S. Army",
"Abel Battery, 3rd Battalion, 41st Field Artillery Regiment"), parts of a whole ("as part of the Global
Coalition", "Hamas is part of the axis", "Poland, a member of NATO,"), lists of members ("the coalition includes
A and B"), and the officials of states a collective names ("Senior Hungarian and Romanian
officials")."""

from __future__ import annotations

import re

from kg.extract import factuality, words
from kg.extract.ties import clause_subject, conj_ids, party, relation, tokens_of

_MEMBER_NOUNS = frozenset({"member", "part", "partner"})
# The echelons of armed forces, smallest first: a unit written before a larger one ('Abel Battery, 3rd Battalion')
# or owned by one ('the 82nd Airborne Division of the U.S. Army', "the Army's 82nd Division") belongs to it.
_ECHELONS = {
    **dict.fromkeys(("team", "squad", "section", "crew"), 1),
    **dict.fromkeys(("platoon", "detachment", "flight"), 2),
    **dict.fromkeys(("company", "battery", "troop"), 3),
    **dict.fromkeys(("battalion", "squadron"), 4),
    **dict.fromkeys(("regiment", "brigade", "group", "wing", "task force"), 5),
    **dict.fromkeys(("division", "fleet"), 6),
    **dict.fromkeys(("corps",), 7),
    **dict.fromkeys(("army", "navy", "air force", "marine corps", "command", "forces", "armed forces"), 8),
}
_ECHELON_AT_END = re.compile(r"\b(" + "|".join(sorted(_ECHELONS, key=len, reverse=True)) + r")$", re.I)
# the sectors whose members hold a state's offices: officials, diplomats, lawmakers, judges. Soldiers and police
# named by a demonym ('Ukrainian soldiers') say where they come from more than whom they serve: the dev gold
# marks no such tie.
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
# words that put a collective's leaders or officials outside the state's offices
_OUTSIDE_THE_STATE = frozenset(
    """business community religious civil society tribal opposition rebel student union party militia""".split()
)


def find_memberships(ctx):
    yield from _party_members(ctx)
    yield from _include_relations(ctx)
    yield from _unit_relations(ctx)
    yield from _part_of_relations(ctx)
    yield from _members_listed_by_kind(ctx)
    yield from _collective_states(ctx)


def is_unit(ctx, eid: str) -> bool:
    """Whether a body is a military unit below an armed force ('3rd Battalion', '82nd Airborne Division'), whose
    place in a larger body is membership ('Security Forces', an armed force, is not)."""
    return (_echelon(ctx, eid) or _ECHELONS["army"]) < _ECHELONS["army"]


def _echelon(ctx, eid: str) -> int | None:
    """How large a unit is by the word its name ends with ('3rd Battalion' 4); None for what is no unit."""
    entity = ctx.table.get(eid)
    if entity.type != "Organization":
        return None
    found = _ECHELON_AT_END.search(entity.name.strip())
    return _ECHELONS[found.group(1).lower()] if found else None


def _unit_relations(ctx):
    """A unit named with a larger body: 'the 82nd Airborne Division of the U.S. Army', "the Army's 82nd Airborne
    Division", and a chain of designations from the smallest ('Abel Battery, 3rd Battalion, 41st Regiment')."""
    table = ctx.table
    by_start = {m.start: m for m in table.mentions}
    seen = set()
    for m in table.mentions:
        unit = table.by_token.get(m.head)
        if unit is None or unit in seen:
            continue
        seen.add(unit)  # the first mention names the unit with what it belongs to
        size = _echelon(ctx, unit)
        if size is None or ctx.doc[m.start].sent.start in ctx.skip_sents:
            continue
        head = ctx.doc[m.head]
        owners = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        owners += [c for c in head.children if c.dep_ == "poss"]
        bodies = [e for o in owners for e in ctx.resolve(o) if e != unit and table.get(e).type == "Organization"]
        nxt = _next_designation(ctx, m, by_start)
        if nxt is not None and (_echelon(ctx, nxt) or 0) > size:
            bodies.append(nxt)
        for body in bodies:
            yield relation(ctx, "member_of", unit, body, list(ctx.doc[m.start : m.end]), confidence=0.6)


def _next_designation(ctx, m, by_start) -> str | None:
    """The unit named right after this one and a comma: 'Abel Battery, 3rd Battalion'."""
    doc = ctx.doc
    if m.end + 1 >= len(doc) or doc[m.end].text != ",":
        return None
    nxt = by_start.get(m.end + 1)
    return ctx.table.by_token.get(nxt.head) if nxt is not None else None


# nouns that a 'member' before them makes a member: 'an EU member state'
_MEMBER_KINDS = frozenset({"state", "country", "nation"})


def _part_of_relations(ctx):
    """'X, as part of Y,', 'X is part of Y', 'X, a member of Y,' -> X member_of Y, where Y is a body; also the body
    written before 'member' ('Finland, a NATO member,', 'NATO members Latvia and Estonia', 'an EU member state')."""
    for tok in tokens_of(ctx, frozenset({"part", "member"})):
        if tok.pos_ != "NOUN":
            continue
        wholes = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if tok.lemma_.lower() == "member":
            wholes += [c for c in tok.children if c.dep_ in ("compound", "nmod", "poss") and c.i < tok.i]
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in _MEMBER_KINDS:
                tok = tok.head  # 'an EU member state': the state is the apposition
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":  # 'NATO members Latvia': both hang on the name
                wholes += [c for c in tok.head.children if c.dep_ == "compound" and c.i < tok.i]
        bodies = [e for e in conj_ids(ctx, wholes) if ctx.table.get(e).type == "Organization"]
        if not bodies:
            continue
        named = [c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1]
        if named or tok.dep_ == "compound" and tok.head.pos_ == "PROPN":  # 'NATO members Latvia and Estonia'
            for member in conj_ids(ctx, named or [tok.head]):
                if ctx.table.get(member).type in ("Country", "Organization"):
                    for body in bodies:
                        yield relation(ctx, "member_of", member, body, [tok, tok.head], confidence=0.55)
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            members = clause_subject(ctx, tok)
        elif tok.dep_ == "attr":
            members = conj_ids(ctx, [c for c in tok.head.children if c.dep_ == "nsubj"])
        elif tok.dep_ == "appos":
            members = conj_ids(ctx, [tok.head])
        else:
            continue
        modality, _ = factuality.modality(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok, ctx.cues)
        for member in members:
            if ctx.table.get(member).type == "Person" and tok.dep_ != "attr" or not party(ctx, member):
                continue  # 'X, a member of parliament,' is a title: the title rules' business; 'X is a member of' is not
            for body in bodies:
                yield relation(ctx, "member_of", member, body, list(tok.subtree), modality=modality, confidence=0.55)


# plural nouns for the states of a body written before them: 'EU states', 'NATO members', 'G7 countries'
_MEMBERS_OF_A_BODY = frozenset({"state", "country", "nation", "member", "ally"})
_EXAMPLE_PREPS = frozenset({"like", "as", "including"})


def _members_listed_by_kind(ctx):
    """'France and some other EU states', 'Poland and other NATO allies', 'EU member states such as Hungary', 'NATO
    countries like Poland and Estonia' -> each named state is a member of the body written before the noun."""
    for tok in tokens_of(ctx, _MEMBERS_OF_A_BODY):
        if tok.tag_ != "NNS":
            continue
        bodies = [e for e in _bodies_before(ctx, tok) if ctx.table.get(e).type == "Organization"]
        if not bodies:
            continue
        listed = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in _EXAMPLE_PREPS for p in c.children]
        listed = [p for p in listed if p.dep_ == "pobj"]
        if tok.dep_ == "conj" and any(c.lower_ == "other" for c in tok.children):
            listed.append(words.first_conjunct(tok.head))
        states = [e for e in conj_ids(ctx, listed) if ctx.table.get(e).type == "Country"]
        stated = [*tok.subtree, *listed]
        for state in states:
            for body in bodies:
                yield relation(ctx, "member_of", state, body, stated, confidence=0.55)


def _bodies_before(ctx, tok) -> list[str]:
    """The bodies named by the modifiers before a noun, also through 'member' ('EU member states')."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i]
    mods += [g for c in mods if c.lower_ == "member" for g in c.children if g.dep_ in ("compound", "nmod")]
    return [e for c in mods for e in ctx.resolve_modifier(c)]


# nouns of a collective a state sends to act for it: 'the Ukrainian delegation', 'representatives of Russia'
_SENT_BY_A_STATE = frozenset({"delegation", "delegate", "representative", "envoy", "negotiator", "emissary"})


def _collective_states(ctx):
    """'The Ukrainian delegation', 'representatives of the Russian Federation': a collective a state sends to act
    for it (its sector, set by the entity rules, a state's offices) is affiliated with each state its name gives;
    "Kenya's officials", 'its officials' with the state its possessive names. 'Russian officials', 'Belarussian
    authorities' only say whose officials speak or act: no tie is stated."""
    for entity, mention, states in _office_collectives(ctx):
        if states and ctx.doc[mention.head].lemma_.lower() not in _SENT_BY_A_STATE:
            continue  # 'Russian officials': a demonym says whose, not that a tie is stated
        if not states:  # 'Ukraine ... its officials': the state the possessive stands for
            states = tuple(_possessive_states(ctx, ctx.doc[mention.head]))
        for state in states:
            tokens = list(ctx.doc[mention.start : mention.end])
            yield relation(ctx, "affiliated_with", entity.id, state, tokens, confidence=0.55)


def state_officials(ctx) -> set[str]:
    """The collectives of a state's officials named by its demonym ('Russian officials'): they get no tie, but
    annotators list them as they list a state, so they stay in the record."""
    return {entity.id for entity, _m, states in _office_collectives(ctx) if states}


def _office_collectives(ctx):
    """(entity, first mention, the states its name gives) for each collective of officials, lawmakers or judges
    in the kept sentences, less those outside the state's offices ('Syrian opposition officials')."""
    first: dict = {}
    for m in ctx.table.mentions:
        first.setdefault(ctx.table.by_token.get(m.head), m)
    for entity in ctx.table.entities:
        if entity.type != "Group" or entity.sector not in _OFFICE_SECTORS:
            continue
        mention = first.get(entity.id)
        if mention is None or ctx.doc[mention.start].sent.start in ctx.skip_sents:
            continue
        if any(t.lower_ in _OUTSIDE_THE_STATE for t in ctx.doc[mention.start : mention.end]):
            continue  # 'Palestinian business leaders', 'Syrian opposition officials': no office of the state
        yield entity, mention, entity.countries or ((entity.country,) if entity.country else ())


def _possessive_states(ctx, head) -> list[str]:
    """The state a collective's possessive names: "Ukraine's officials"; 'its officials' after a state named in its
    sentence or the one before (the pronoun lies inside the collective's own mention, so it is read here)."""
    found = []
    for c in head.children:
        if c.dep_ != "poss" or c.lower_ in ("our", "my", "their"):
            continue
        found += ctx.resolver.the_country(c) if c.lower_ == "its" else ctx.resolve(c)
    return [e for e in found if ctx.table.get(e).type == "Country"]


def _include_relations(ctx):
    """'The coalition includes A, B and C', 'members of the coalition include A and B' -> each member_of it."""
    for tok in tokens_of(ctx, frozenset({"include"})):
        if tok.pos_ != "VERB":
            continue
        bodies = []
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            if subj.lemma_.lower() in _MEMBER_NOUNS:
                subj = next(
                    (p for c in subj.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), subj
                )
            found = [e for e in ctx.resolve(subj) if ctx.table.get(e).type == "Organization"]
            found = found or [  # 'coalition nations which ... include A' -> the coalition's members
                e for c in subj.children if c.dep_ == "compound" for e in ctx.resolve_modifier(c)
            ]
            bodies += [e for e in found if ctx.table.get(e).type == "Organization"] or [
                e
                for e in ctx.resolve(subj)
                if ctx.table.get(e).type == "Group"  # 'coalition nations include A'
            ]
        members = conj_ids(ctx, [c for c in tok.children if c.dep_ == "dobj"])
        members = [e for e in members if ctx.table.get(e).type in ("Country", "Organization", "Group")]
        modality, _ = factuality.modality(tok, ctx.cues)
        for body in bodies:
            for member in members:
                if ctx.table.get(body).type == "Group" and ctx.table.get(member).type == "Group":
                    continue  # 'the saboteurs would include covert operatives': one collective described, no body
                yield relation(ctx, "member_of", member, body, list(tok.sent), modality=modality, confidence=0.55)


def _party_members(ctx):
    """'Senator Jane Roe, a Republican,', 'Roe is a Democrat': a person set beside or called a party's member word is
    affiliated with the party."""
    for tok in tokens_of(ctx, lowers=ctx.resolver.gazetteer.party_words):
        if tok.dep_ not in ("appos", "attr") or tok.tag_ not in ("NNP", "NN"):
            continue
        party_ids = ctx.resolver.party_of(tok)
        if not party_ids:
            continue
        people = [tok.head] if tok.dep_ == "appos" else [c for c in tok.head.children if c.dep_ == "nsubj"]
        for person in (e for e in conj_ids(ctx, people) if ctx.table.get(e).type == "Person"):
            yield relation(ctx, "affiliated_with", person, party_ids[0], [tok.head, tok], confidence=0.55)
