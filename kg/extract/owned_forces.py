"""Forces a pronoun or a description owns: 'Russia said its forces had struck a depot', '"Our troops took the
village," the Ukrainian army said', 'Israel said its aircraft hit the camp', "Armenia said the country's forces". The troops or war machines of a state act for its
armed forces, as 'Russian forces' do; the pronoun says whose they are once it is resolved. Where it stands for a
body that is no state's ('NATO said its forces'), the body acts; where it stands for no one, nothing is guessed."""

from __future__ import annotations

from kg.extract import coreference, words

__all__ = ["owned_forces"]

# 'its fighters', 'their soldiers', 'its air defence units': members or units of a force, as the force itself
_MACHINES = words.FORCE_NOUNS | words.MILITARY_EQUIPMENT | frozenset({"soldier", "fighter", "unit", "jet"})


def owned_forces(resolver, tok) -> list[str]:
    """The armed forces (else the state or body) whose troops or war machines ``tok`` names by a possessive
    pronoun; [] where ``tok`` is no such noun or the pronoun stands for no one."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _MACHINES:
        return []
    owners = [c for c in tok.children if c.dep_ == "poss" and (c.pos_ == "PRON" or _described(c))]
    if len(owners) != 1 or any(resolver.gazetteer.demonym(c.text) for c in tok.children if c.dep_ == "amod"):
        return []  # 'its Belarusian allies' troops', 'their British forces': whose, the adjective says
    found = resolver.resolve_owner(owners[0])
    states = [e for e in found if resolver.table.get(e).type == "Country"]  # 'we': the speaker and her state
    return list(dict.fromkeys(f for e in (states or found) for f in _forces_of(resolver, e, tok)))


_ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "RAD"})


def _described(owner) -> bool:
    """'the country's forces', "the group's fighters": an owner a definite description names."""
    return owner.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)


def _forces_of(resolver, eid: str, tok) -> list[str]:
    """The armed forces of the state ``eid`` is or acts for (a person by her title, a body by the article or the
    gazetteer), ``tok`` their mention; the state where the gazetteer names no forces of it; an army, an armed group,
    or a body that no state owns ('NATO said its forces'), is itself."""
    table, gazetteer = resolver.table, resolver.gazetteer
    entity, entry = table.get(eid), table.entries.get(eid)
    if entity.type == "Person":
        states = resolver.states_of(eid)
        return _forces_of(resolver, states[0], tok) if len(states) == 1 else []
    if entity.type == "Group" and entity.sector in _ARMED_SECTORS:
        return [eid]  # 'the rebels said their fighters': the rebels, whatever state they are in
    if entity.type == "Group":  # 'Ukrainian officials said their soldiers': the officials' state
        return _forces_of(resolver, entity.country, tok) if entity.country and entity.sector == "GOV" else []
    if entity.type == "Organization" and entity.country and (entry is None or entry.sector != "MIL"):
        return _forces_of(resolver, entity.country, tok)
    if entity.type == "Organization" and entry is not None and entry.sector == "MIL":
        return [eid]  # an army's troops are the army
    if entity.type not in ("Country", "Organization"):
        return []
    if entity.type == "Country":
        country = entry or gazetteer.entry_for(gazetteer.key_for(entity.name))
    else:
        country = _named_state(gazetteer, entity, entry)  # 'the Pentagon said its forces'
    row = coreference.armed_forces(gazetteer, country) if country is not None else None
    return [resolver.add_demonym(row, tok)] if row is not None else [eid]


def _named_state(gazetteer, entity, entry):
    """The state a body belongs to by the gazetteer ('the Pentagon') or by its name ('the Russian defence
    ministry'), when just one; else None."""
    if entry is not None and entry.country:
        return gazetteer.entry_for(gazetteer.key_for(entry.country))
    found = {}
    for word in entity.name.split():
        row = gazetteer.demonym(word) or gazetteer.entry_for(gazetteer.key_for(word))
        if row is not None and row.type == "Country":
            found[row.name] = row
    return next(iter(found.values())) if len(found) == 1 else None
