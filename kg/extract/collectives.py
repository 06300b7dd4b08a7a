"""Collective actors as PLOVER codes them: agents qualified by a country, an ethnicity or a sector.

"Thousands of Iraqi Kurds demonstrated", "ethnic Albanians", "Swiss doctors handed over medicine", "Turkish
police prevented ...": when an event's argument is such a phrase and no entity covers it, it becomes a Group
named by the phrase, with the sector of its agent noun (``agents.phoenix.tsv``: student -> EDU, police -> COP)
and the state its demonym names (``Entity.country``). A number or a collective noun in front ("thousands of",
"a group of", "tens of thousands of") hands over to what it counts. Only arguments of events are made into
groups this way: a plural noun elsewhere in the text ("civilians" in passing) is not an entity.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.extract import entities, names, peoples, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.lexicons import GazetteerEntry

__all__ = ["bloc", "collective", "qualify_groups"]

# Role nouns of state officials: "Hungarian officials" are a group of Hungary's government sector.
_GOVERNMENT_ROLES = frozenset(
    {
        "official",
        "minister",
        "diplomat",
        "leader",
        "lawmaker",
        "senator",
        "legislator",
        "negotiator",
        "envoy",
        "representative",
        "ambassador",
        "authority",
        "government",
    }
)

_COUNTING = frozenset(
    {
        "thousands",
        "hundreds",
        "dozens",
        "millions",
        "tens",
        "scores",
        "group",
        "groups",
        "number",
        "crowd",
        "crowds",
        "band",
        "bands",
        "handful",
        "majority",
        "some",
        "many",
        "most",
        "all",
    }
)
_ANAPHORIC = frozenset({"the", "these", "those", "their", "its", "his", "her", "our"})
_NAME_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})


def collective(resolver, tok, counted: bool = False) -> list[str]:
    """The Group entity ``tok`` heads as an event argument, made on first use; [] if it names no collective."""
    if tok.lower_ in _COUNTING or (tok.like_num and tok.pos_ == "NUM"):
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not of and tok.lower_ == "groups" and _stated_doer(tok, "group", None):
            return [_group(resolver, tok, [c for c in tok.lefts if c.dep_ in _NAME_DEPS], [], None, None)]
        if not of:
            return _named_body(resolver, tok, tok.lemma_.lower())  # "the Hizbollah group": no count, a body
        return (
            resolver.table.by_token.get(of[0].i)
            and resolver.resolve(of[0])
            or collective(resolver, of[0], counted=True)
        )
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    lemma = _lemma(tok)
    named = _named_body(resolver, tok, lemma) or _members_of(resolver, tok, lemma)
    if named:
        return named
    if lemma in _NOT_PEOPLE:
        return []
    sector = resolver.agents.get(lemma) or ("MIL" if lemma in words.MILITARY_EQUIPMENT else None)
    doer = _stated_doer(tok, lemma, sector)
    first = words.first_conjunct(tok)
    if first is not tok and lemma in _CAMP_NOUNS and _lemma(first) in _CAMP_NOUNS:
        return collective(resolver, first)  # 'other Allies and partners': one camp, named by the whole phrase
    determiners = [c for t in {tok, first} for c in t.lefts if c.dep_ in ("det", "poss")]  # 'our allies and partners'
    defined = doer or _restricted(tok)
    if any(c.lower_ in _ANAPHORIC and not (defined and c.lower_ == "the") for c in determiners):
        return []  # "the two leaders", "their supporters": people named before, not a new collective
    if tok.left_edge.tag_ in ("WRB", "WDT", "WP", "WP$"):
        return []  # "in terms of how many aid workers were killed": a question about them, not a group
    counted = counted or any(c.dep_ == "nummod" or c.lower_ in _COUNTING for c in tok.lefts)
    if lemma in words.FORCE_NOUNS or lemma in words.MILITARY_EQUIPMENT:
        counted = False  # "7,000 extra troops": whose troops, a count does not say
    plural = tok.tag_ in ("NNS", "NNPS")
    gazetteer = resolver.gazetteer
    head_state = gazetteer.demonym(tok.text) if plural else None
    mods = [c for c in tok.lefts if c.dep_ in _NAME_DEPS]
    mod_states = [(m, e) for m in mods if (e := gazetteer.demonym(m.text)) is not None and e.type == "Country"]
    if lemma in words.MILITARY_EQUIPMENT and not (tok.dep_ == "nsubj" or tok.head.dep_ == "agent"):
        return []  # aircraft stand for their forces when they act ("British aircraft killed"), not when sent
    kind = (
        sector
        or lemma in words.GROUP_NOUNS
        or (plural and lemma in _BODY_NOUNS)  # "seven opposition parties in Nepal", "two rebel factions"
        or lemma in words.PEOPLE_NOUNS
        or lemma in _ATTENDEES  # "Crimea Platform participants": those a name in front says whose
        or head_state is not None
        or tok.ent_type_ == "NORP"
        or doer
    )
    if not kind or (not plural and not (sector and mod_states) and not doer):
        return []  # a singular agent noun is a collective only with its country: "Turkish police"
    if not plural and tok.tag_ == "NNP" and tok.text[:1].isupper():
        # 'French Diplomatic Counselor to the President X': a capitalised singular role is a title, not a collective;
        # the state it names is still named
        for modifier, state in mod_states:
            resolver.add_demonym(state, modifier)
        return []
    if not (
        mod_states
        or head_state
        or tok.ent_type_ == "NORP"
        or counted
        or _placed(resolver, tok)
        or any(m.text[:1].isupper() for m in mods)
        or any(t.i in resolver.table.by_token for m in mods for t in m.subtree)  # "EU member states"
        or doer
    ):
        return []  # "troops", "extra troops", "victims": whose or where, the text does not say
    return [_group(resolver, tok, mods, mod_states, head_state, sector)]


# Sectors whose agents news names bare as the doers of an act ("rebels attacked", "police detained", "lawmakers
# passed"); civilians, victims, officials and experts named bare are too vague to be an actor of their own.
_DOER_SECTORS = frozenset({"CRM", "UAF", "REB", "OPP", "RAD", "COP", "SPY", "MIL", "LEG", "JUD"})
# Bodies that a kind word in front makes a collective when they act: 'rights groups condemned', 'aid agencies
# delivered', 'armed groups attacked'.
_KINDED_BODIES = frozenset({"group", "organization", "organisation", "agency"})
# Phoenix agent nouns that name where people live, not the people: 'a Palestinian village' is no collective actor
# (a school, an embassy or a newspaper may act for its people: 'the embassy said').
_NOT_PEOPLE = frozenset({"village", "neighborhood", "neighbourhood"})
_DOER_NOUNS = frozenset({"partner", "ally"})
_ATTENDEES = frozenset({"participant", "attendee"})
_MASS_AGENTS = frozenset({"police", "militia"})  # singular nouns that name a body of members


def _stated_doer(tok, lemma: str, sector: str | None) -> bool:
    """'Rebels attacked a base', 'the police detained dozens', 'saboteurs attacked', 'clashes with police': a bare
    plural agent noun is the stated doer of an act (its subject, its 'by' agent, or its partner 'with'), and so a
    collective of its own even when the text does not say whose; 'extra troops arrived' does not say (forces and
    equipment need their state)."""
    if lemma in words.FORCE_NOUNS or lemma in words.MILITARY_EQUIPMENT:
        return False
    kinded = lemma in _KINDED_BODIES and any(c.dep_ in ("compound", "amod") for c in tok.lefts)
    if not (kinded or sector in _DOER_SECTORS or lemma in _DOER_NOUNS or lemma in words.PEOPLE_NOUNS and sector):
        return False
    if tok.tag_ not in ("NNS", "NNPS") and lemma not in _MASS_AGENTS:
        return False
    head = words.first_conjunct(tok)
    if any(
        c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ in ("WP", "WDT") for s in c.children)
        for c in head.rights
    ):
        return True  # 'rebels who attacked the town': the relative clause's doer
    if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in head.rights):
        return True  # 'saboteurs attacking state institutions': the participle's doer
    if head.dep_ == "nsubj":
        return head.head.pos_ == "VERB"
    return head.dep_ == "pobj" and (head.head.dep_ == "agent" or head.head.lower_ in ("with", "between"))


# Nouns of one camp that news coordinates as one collective: 'allies and partners'.
_CAMP_NOUNS = frozenset({"ally", "partner"})


def _restricted(tok) -> bool:
    """'the 141 nations that voted', 'the countries that signed the pact': a definite plural that a restrictive
    relative clause defines names its members itself; it takes up no one named before."""
    return tok.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "relcl" and c.left_edge.lower_ in ("that", "who") and tok.doc[c.left_edge.i - 1].text != ","
        for c in tok.rights
    )


def _lemma(tok) -> str:
    """The noun's lemma, also where the tagger took a capitalised plural for a name ('Allies and partners')."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NNPS" or not lemma.endswith("s") or any(c.pos_ == "PROPN" for c in tok.lefts):
        return lemma  # 'G7 Members of the Steering Committee': capitalised after a name, a title of the body
    return words.singular(lemma)


# Nouns of a body that a name in front of them identifies: "the Hizbollah group", "the U.N. war crimes court".
_BODY_NOUNS = words.ACTOR_NOUNS - words.PERSON_ROLES - words.PEOPLE_NOUNS - words.STATE_NOUNS - words.GROUP_NOUNS


def _named_body(resolver, tok, lemma: str) -> list[str]:
    """A singular body noun whose modifier is a named organisation stands for it: 'indicted by the U.N. war
    crimes court' (the United Nations), 'the Hizbollah (Party of God) group declared' (Hezbollah); so do an armed
    group's members named by its name alone ('massacred by Hamas terrorists', 'Wagner mercenaries took the
    town'), as a state's troops stand for its forces ('Hamas supporters' are not Hamas)."""
    members = lemma in words.ARMED_MEMBERS and tok.tag_ in ("NNS", "NNPS")
    if not (members or (lemma in _BODY_NOUNS and tok.tag_ in ("NN", "NNP"))):
        return []
    table = resolver.table
    for c in tok.lefts:
        eid = table.by_token.get(c.i) if c.dep_ in _NAME_DEPS else None
        if eid is None or table.get(eid).type != "Organization":
            continue
        entry = table.entries.get(eid)
        if not members or (entry is not None and entry.sector in words.ARMED_SECTORS and _name_only(tok, c)):
            return [eid]
    return []


def _members_of(resolver, tok, lemma: str) -> list[str]:
    """'spoken with members of Congress', 'members of the SAF and the RSF have committed war crimes': the members of
    named bodies, as an act's party, are those bodies (annotators give the bodies as the actors, 'members of
    Congress' as an alias of Congress); members of anything else stay a group of their own."""
    if lemma != "member" or tok.tag_ not in ("NNS", "NNPS"):
        return []
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    bodies = [t for p in of for t in (p, *p.conjuncts) if resolver.table.by_token.get(t.i)]
    ids = list(dict.fromkeys(resolver.table.by_token[t.i] for t in bodies))
    named = ids and all(resolver.table.get(i).type == "Organization" for i in ids)
    return ids if named else []


def _name_only(tok, name) -> bool:
    """The name is all that qualifies the members ('Hamas fighters', not 'former Hamas fighters' nor 'two Hamas
    fighters')."""
    return all(c.i == name.i or c.dep_ == "det" for c in tok.lefts)


_PLACING = frozenset({"in", "of", "from", "throughout"})


def _placing(resolver, tok):
    """The phrase after ``tok`` that names a place or body: 'rebels in the Ivory Coast', 'members of the
    Association of African Jurists', 'militants loyal to Al-Qaeda'; None if there is none."""
    table = resolver.table
    for right in tok.rights:
        if right.dep_ == "conj":
            return None  # 'the police and protesters in Georgia': the place is the coordination's, not this noun's
        fits = (right.dep_ == "prep" and right.lower_ in _PLACING) or right.dep_ == "amod"
        if fits and any(table.by_token.get(t.i) for t in right.subtree):
            return right
    return None


def _placing_end(placing) -> int:
    """Where a place phrase ends: at a comma ('leaders throughout the region, including Egypt and Qatar': what
    follows lists who they are, not where)."""
    return next((t.i for t in placing.subtree if t.text == ","), placing.right_edge.i + 1)


def _placed(resolver, tok) -> bool:
    return _placing(resolver, tok) is not None


def _group(resolver, tok, mods, mod_states, head_state, sector) -> str:
    doc, table = resolver.doc, resolver.table
    start = min([tok.i, *(m.left_edge.i for m in mods)])
    end = tok.i + 1
    placing = _placing(resolver, tok)
    if placing is not None:  # "members of the Association of ...", "students throughout Indonesia"
        end = _placing_end(placing)
    if _lemma(tok) in _CAMP_NOUNS:  # 'other Allies and partners'
        end = max([end, *(c.i + 1 for c in tok.rights if c.dep_ == "conj" and _lemma(c) in _CAMP_NOUNS)])
    start, end = names.trim(doc, start, end)
    name = entities.clean_name(doc[start:end].text)
    key = f"Group:{entities._norm(name)}"
    country = None
    if mod_states:
        modifier, state = mod_states[0]
        country = resolver.add_demonym(state, modifier)
    elif head_state is not None and head_state.type == "Country":
        country = resolver.add_demonym(head_state, tok)
    for e in table.entities:
        if e.type == "Group" and entities._norm(e.name) == entities._norm(name):
            return e.id
    # "141 nations", "more than 70 Americans": the mention keeps the count, the name does not (a count says how
    # many took part this time, not who they are)
    counts = [c.left_edge.i for c in tok.lefts if c.dep_ == "nummod" and c.left_edge.i < start]
    start = min([start, *counts])
    mention = entities.Mention(start, end, "Group", key, name, tok.i, "np", role=tok.lemma_.lower())
    entity = dataclasses.replace(
        entities._entity(doc, key, [mention], resolver.article_id), sector=sector, country=country
    )
    table.entities.append(entity)
    table.mentions.append(mention)
    table.roles[entity.id] = tok.lemma_.lower()
    for t in range(start, end):
        if t not in table.by_token or table.by_token[t] == country:
            table.by_token[t] = entity.id
    return entity.id


def bloc(resolver, tok) -> list[str]:
    """'Western sanctions', 'Western support for Kyiv': the bloc adjective that owns an act names the West, the
    collective the article calls 'the West' (made from the adjective where the article does not)."""
    if tok.text != "Western" or tok.dep_ != "amod":
        return []
    table = resolver.table
    west = next((e.id for e in table.entities if e.type == "Group" and entities._norm(e.name) in _WEST), None)
    if west is not None:
        return [west]
    mention = entities.Mention(tok.i, tok.i + 1, "Group", "Group:west", "West", tok.i, "np", rule="demonym")
    table.entities.append(entities._entity(resolver.doc, "Group:west", [mention], resolver.article_id))
    table.mentions.append(mention)
    return [table.entities[-1].id]


_WEST = frozenset({"west", "the west"})


def qualify_groups(resolver) -> None:
    """The groups the entity rules found ("Senior Hungarian officials", "Ukrainian soldiers") take the sector of
    their noun and the state their demonym names, when it names exactly one."""
    table, doc = resolver.table, resolver.doc
    _place_bodies(resolver)
    mentions_of: dict[str | None, list[entities.Mention]] = {}  # the loop below adds entities, never mentions
    for m in table.mentions:
        mentions_of.setdefault(table.by_token.get(m.head), []).append(m)
    for i, e in enumerate(list(table.entities)):
        role = table.roles.get(e.id)
        if e.type == "Group" and not e.country and role is None:
            _tie_a_states_people(resolver, i, e, mentions_of.get(e.id, []))
        if e.type != "Group" or e.country or role is None or e.id not in mentions_of:
            continue
        mention = mentions_of[e.id][0]
        states: dict[str, tuple[GazetteerEntry, Token]] = {}  # state name -> its entry, the demonym's token
        for t in doc[mention.start : mention.end]:
            entry = resolver.gazetteer.demonym(t.text)
            # the head itself only as a people's plural ("Syrians") whose state the article names: "aid to
            # Palestinians" does not make Palestine an actor of the article
            if entry is None or entry.type != "Country":
                continue
            if t.i != mention.head or (t.tag_ in ("NNS", "NNPS") and any(s.name == entry.name for s in table.entities)):
                states.setdefault(entry.name, (entry, t))
        sector = resolver.agents.get(role) or ("GOV" if role in _GOVERNMENT_ROLES else None)
        country, countries = None, ()
        if len(states) == 1:
            entry, token = next(iter(states.values()))
            country = resolver.add_demonym(entry, token)
        elif states and all(_coordinated(t, doc[mention.head]) for _, t in states.values()):
            countries = tuple(dict.fromkeys(resolver.add_demonym(entry, t) for entry, t in states.values()))
        if country or countries or sector:
            table.entities[i] = dataclasses.replace(
                e, country=country, countries=countries if len(countries) > 1 else (), sector=e.sector or sector
            )


def _tie_a_states_people(resolver, i: int, group, mentions: list[entities.Mention]) -> None:
    """'the Ukrainian people', 'the people of Israel': the people of one state the article names is that state's,
    as 'Ukrainian soldiers' are (the group stays a group of its own: a people is not its government). 'The
    American people' alone does not bring the United States into an article that names it nowhere else.
    ``mentions``: the group's."""
    table, doc = resolver.table, resolver.doc
    for mention in mentions:
        head = doc[mention.head]
        if head.lower_ != "people":
            continue
        found = peoples.state_of_people(doc, head, resolver.gazetteer)
        if found is not None and any(e.name == found[0].name for e in table.entities if e.type == "Country"):
            table.entities[i] = dataclasses.replace(group, country=resolver.add_demonym(*found))
            return


def _coordinated(demonym, head) -> bool:
    """'Senior Hungarian and Romanian officials': each demonym qualifies the head itself, or is coordinated with
    one that does; a demonym deeper in the phrase ('officials of the Hungarian-led mission') qualifies something
    else."""
    tok = words.first_conjunct(demonym)
    return tok.head == head and tok.dep_ in ("amod", "compound", "nmod")


def _place_bodies(resolver) -> None:
    """Bodies whose mention names their state: 'Iraqi forces', 'the Iraqi military' (a body named by what it is),
    'the US State Department' (a gazetteer body of that state, its state written in the name). Recorded in
    ``table.states`` for the relation rules; a body whose name does not say its state ('the White House') is
    left alone."""
    table, doc, gazetteer = resolver.table, resolver.doc, resolver.gazetteer
    for m in table.mentions:
        eid = table.by_token.get(m.head)
        if eid is None or eid in table.states:
            continue
        entity = table.get(eid)
        if entity.type != "Organization":
            continue
        owner = _possessive_state(resolver, doc[m.head])
        if owner is not None:  # "Lebanon's Hezbollah movement", "Russia's Wagner Group": the text says whose
            table.states[eid] = owner
            continue
        entry = table.entries.get(eid)
        if m.kind == "gazetteer" and not (entry and entry.country and entry.sector in _STATE_SECTORS):
            continue
        # a name with a demonym in it ('the American Conservative') is no state's body, unless its own noun is a
        # state's body ('the United States Embassy', 'the Armed Forces of the Republic of Belarus'); a 'US-led' one led
        ner_body = m.kind == "ner" and _state_body_noun(resolver, doc[m.head]) and not _named_after_body(table, eid)
        if m.kind not in ("gazetteer", "np") and not ner_body or any(c.lower_ == "led" for c in doc[m.head].lefts):
            continue
        for t, state in _states_written(gazetteer, _with_demonym(doc, m)):
            if state.type != "Country" or (entry is not None and entry.country != state.name):
                continue
            named = next((e.id for e in table.entities if e.type == "Country" and e.name == state.name), None)
            # the state as the article names it elsewhere; made from the demonym only when it is named nowhere else
            table.states[eid] = named or resolver.add_demonym(state, t)
            break


# the noun of a state's armed forces, which the agent dictionaries (bare agents of acts) do not hold
_FORCES = frozenset({"force", "forces"})


def _with_demonym(doc, m):
    """A mention's tokens with a demonym written just before it and qualifying its head: 'the Russian Duma' where
    the name found is 'Duma'."""
    before = doc[m.start - 1] if m.start > 0 else None
    own = before is not None and before.head.i == m.head and before.dep_ in ("amod", "compound")
    return doc[m.start - 1 if own else m.start : m.end]


def _state_body_noun(resolver, head) -> bool:
    """A name's own noun is a body of a state: an agent noun of a state's sector in the dictionaries ('embassy',
    'ministry', 'parliament', 'army') or the state's forces."""
    lemma = head.lemma_.lower()
    return lemma in _FORCES or resolver.agents.get(lemma) in _STATE_SECTORS


def _named_after_body(table, eid: str) -> bool:
    """'Palestinian Authority Security Forces': a body whose name begins with another body's is that body's, not the
    state's its demonym names."""
    return bool(bodies_named_in(table, eid))


def bodies_named_in(table, eid: str) -> list[str]:
    """The other bodies of the article whose name begins the body's own name, the rest naming a part of it
    ('Security Forces'; not 'of the Multi-agency', which is the same body cut short). A one-word name the
    gazetteer does not know may be a piece of a longer name ('Kastus' of 'Kastus Kalinouski Regiment')."""
    name = table.get(eid).name.lower()
    found = []
    for e in table.entities:
        if e.type != "Organization" or e.id == eid or not name.startswith(e.name.lower() + " "):
            continue
        rest = name[len(e.name) + 1 :].split()
        known = e.id in table.entries or len(e.name.split()) > 1
        if known and rest and rest[0] not in _GLUE:
            found.append(e.id)
    return found


_GLUE = frozenset({"of", "for", "on", "to", "in", "and", "at"})


def _states_written(gazetteer, tokens):
    """(token, state) for each state a span writes by demonym or by name, a name of up to three words ('United
    States') as one."""
    for k, t in enumerate(tokens):
        state = gazetteer.demonym(t.text) or _written_state(gazetteer, t.text)
        if state is None:
            wider = (tokens[k : k + n] for n in (3, 2) if k + n <= len(tokens))
            state = next((s for w in wider if (s := _written_state(gazetteer, w.text)) is not None), None)
        if state is not None:
            yield t, state


_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _possessive_state(resolver, head) -> str | None:
    """The state written as the possessive owner of a body's name, of the noun the name qualifies, or of the noun
    written before the name ("Lithuania's state news agency BNS")."""
    table = resolver.table
    nodes = [head, head.head] if head.dep_ == "compound" else [head]
    for node in nodes + [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]:
        for c in node.children:
            eid = table.by_token.get(c.i) if c.dep_ == "poss" else None
            if eid is not None and table.get(eid).type == "Country":
                return eid
    return None


def _written_state(gazetteer, text: str):
    """The state a word names by its name or an abbreviation ('US', 'U.K.'), not by its capital ('the Kyiv
    embassy' is the embassy in Kyiv)."""
    entry = gazetteer.entry_for(gazetteer.key_for(text))
    if entry is None or not (text == entry.name or text.replace(".", "").isupper()):
        return None
    return entry
