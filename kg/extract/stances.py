"""Sides taken in the text: who supports whom (one way: "X backed Y", "in support of Y", "Iranian-backed
groups"), who opposes whom ("X condemned Y", "strikes against Y", "a war with Y") and who is allied with whom
("X and its allies", "a coalition of A and B")."""

from __future__ import annotations

from kg.extract import alliances, factuality, support, waged, words
from kg.extract.ties import (
    acting_subjects,
    antecedent,
    clause_subject,
    conj_ids,
    named_by,
    owner,
    owner_of_act,
    party,
    relation,
    states_of_leaders,
    subjects,
    tokens_of,
)

# Verbs whose subject takes a side on their object. Supporting is one way (SCHEMA's `supports`): arming,
# funding or backing a side is support of it. Opposing covers a stated fight or war, and the verbs of a
# standing hostility: condemning a party, sanctioning it, attacking or invading it.
_SUPPORT_VERBS = {
    "support": "supports",
    "back": "supports",
    "arm": "supports",
    "fund": "supports",
    "finance": "supports",
    "bankroll": "supports",
    "sponsor": "supports",
    "assist": "supports",
    "aid": "supports",
    "help": "supports",
    "enable": "supports",
    "supply": "supports",
    "provide": "supports",
    "equip": "supports",
    "oppose": "opposes",
    "fight": "opposes",
    "combat": "opposes",
    "defeat": "opposes",
    "condemn": "opposes",
    "denounce": "opposes",
    "sanction": "opposes",
    "attack": "opposes",
    "invade": "opposes",
    "bomb": "opposes",
    "shell": "opposes",
}
# verbs of handing over: 'supply Ukraine with missiles', 'provide Israel with aid' support the party supplied (only
# with a 'with': 'provide Ukraine' alone, 'provide information to X' take no side)
_PROVIDING_VERBS = frozenset({"supply", "provide", "equip"})
# 'condemned Iran's attack', 'denounced the Russian invasion': the owner of what is condemned is the one opposed
_BLAME_VERBS = frozenset({"condemn", "denounce"})
# a stated attack is a hostility; one that may come ('could invade') is not yet
_ATTACK_VERBS = frozenset({"attack", "invade", "bomb", "shell"})
# Words that, followed by "against Y", state that their subject or owner stands against Y: "strikes against Y",
# "its campaign against Y", "fought against Y". SCHEMA's `opposes` is a standing hostility, and a stated fight,
# campaign or war against Y is one (the dev gold marks Russia opposes Ukraine from their war).
_AGAINST_WORDS = frozenset(
    """fight battle campaign struggle war offensive strike airstrike operation rebel rebellion insurgency attack
    assault aggression threat sanction invasion protest resistance defense defence self-defense self-defence
    coup""".split()
)
# the same words with 'on' ('strikes on Y', 'sanctions on Y', 'a war on Y') or 'of' ('the invasion of Y')
_ON_WORDS = frozenset({"strike", "airstrike", "attack", "assault", "sanction", "war", "raid", "offensive"})
_OF_WORDS = frozenset({"invasion", "occupation", "bombardment", "bombing", "shelling"})
# a war or conflict 'with Y' sets both sides against each other
_WITH_WORDS = frozenset({"war", "conflict", "clash", "hostility", "hostilities"})
# verbs that take a side with their object against a third: 'supporting Iraq against ISIL', 'defend Y against Z'
_DEFENDING_VERBS = frozenset({"support", "back", "help", "assist", "aid", "defend", "protect"})
_SUBJECTS = ("nsubj", "nsubjpass")
_HARM_VERBS = frozenset({"degrade", "destroy", "dismantle", "defeat", "combat", "fight", "weaken", "counter"})
_ALLIANCE_NOUNS = frozenset({"alliance", "partnership", "coalition"})
# nouns that describe a named body of states ('AUKUS, a defence pact of A, B and C'): its members, not allies
# ('a grain pact between Russia and Ukraine' makes no alliance)
_BODY_OF_STATES_NOUNS = _ALLIANCE_NOUNS | {"pact", "bloc"}
_ALLY_NOUNS = frozenset({"ally", "partner"})
# nouns of one-way support said of a named party: 'Germany, Ukraine's biggest backer', 'Iran, the main sponsor of X'
_BACKER_NOUNS = frozenset({"backer", "supporter", "sponsor", "patron", "benefactor"})
# nouns of a standing hostility said of a named party: 'his political rival Joe Biden', "Iran, Israel's arch-enemy,",
# 'the West (Russia's self-defined adversary)'
_FOE_NOUNS = frozenset({"adversary", "enemy", "foe", "rival", "opponent", "nemesis", "archenemy", "archrival"})


def find_stances(ctx, served: dict[str, str] | None = None, led: dict[str, str] | None = None):
    """The sides taken in the text. ``served`` maps a person to the one state his title places him in, ``led`` a
    person to the state he leads: 'our support' announced by a state's official is his state's, and a leader's
    invasion or war is his state's ('Putin's invasion of Ukraine': Russia opposes Ukraine)."""
    served, led = served or {}, led or {}
    yield from _alliance_relations(ctx)
    yield from _verb_relations(ctx, led)
    yield from _backed_bodies(ctx)
    yield from support.support_nouns(ctx, served, led)
    yield from support.committed_to(ctx, led)
    yield from _against_relations(ctx, led)
    yield from waged.waged_against(ctx, _AGAINST_WORDS, _WAGING_VERBS)


def _alliance_relations(ctx):
    for tok in tokens_of(ctx, _BODY_OF_STATES_NOUNS | _ALLY_NOUNS | _BACKER_NOUNS | _FOE_NOUNS):
        lemma = tok.lemma_.lower()
        if lemma in _BACKER_NOUNS or lemma in _FOE_NOUNS:
            yield from _backers(ctx, tok) if tok.pos_ == "NOUN" else ()
        elif lemma in _BODY_OF_STATES_NOUNS:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("between", "of"):
                    # 'the alliance between NATO and Washington', 'a coalition of France and Germany'
                    listed = [p for p in prep.children if p.dep_ == "pobj"]
                    # 'of Australia, New Zealand and Britain': the parser may make the second name an apposition
                    listed += [a for p in listed for a in p.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                    ids = [e for e in conj_ids(ctx, listed) if party(ctx, e)]
                    for i, one in enumerate(ids if lemma in _ALLIANCE_NOUNS else []):
                        for other in ids[i + 1 :]:
                            yield relation(ctx, "allied_with", one, other, list(tok.subtree))
                    for body in _alliance_named(ctx, tok):
                        for member in ids:
                            yield relation(ctx, "member_of", member, body, list(tok.subtree))
            if lemma in _ALLIANCE_NOUNS and tok.pos_ == "NOUN":
                yield from _alliance_with(ctx, tok)
        elif tok.pos_ == "NOUN":
            yield from _allies(ctx, tok)


# verbs whose subject holds the alliance their object names: 'we have a closer alliance with Russia'
_HOLDING_VERBS = frozenset(
    """have form forge build seek sign strengthen deepen enter maintain keep cement conclude announce""".split()
)


def _alliance_with(ctx, tok):
    """ "Russia's alliance with China", 'X forged a partnership with Y', 'we have a closer alliance with Russia': the
    noun's owner, or the subject of the verb that holds it, is allied with the party after 'with'."""
    partners = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    others = [e for e in conj_ids(ctx, [p for p in partners if p.dep_ == "pobj"]) if party(ctx, e)]
    if not others:
        return
    holders = owner(ctx, tok)
    if not holders and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOLDING_VERBS:
        holders = subjects(ctx, tok.head)
    modality, _ = factuality.modality(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok, ctx.cues)
    for one in (h for h in holders if party(ctx, h) and ctx.table.get(h).type != "Person"):
        for other in others:
            if one != other:
                yield relation(ctx, "allied_with", one, other, list(tok.subtree), modality=modality, confidence=0.55)


def _alliance_named(ctx, tok) -> list[str]:
    """The body an alliance noun describes: 'AUKUS, a defence pact of A, B and C', 'the Quad is an alliance of ...'."""
    if tok.dep_ == "appos":
        named = [tok.head]
    elif tok.dep_ == "attr":
        named = [c for c in tok.head.children if c.dep_ == "nsubj"]
    else:
        return []
    return [e for n in named for e in ctx.resolve(n) if ctx.table.get(e).type == "Organization"]


def _allies(ctx, tok):
    """'the US and its allies', "Russia's allies", 'allies of Kyiv', 'Israel and its partners'; who the ally is
    when the text names it: 'Hungary, a close ally of Russia,', 'Belarus is Russia's closest ally', "Russia's ally
    Belarus"; 'Russia and Belarus are allies'."""
    named = _the_ally(ctx, tok)
    group = named if named is not None else ctx.resolve(tok) if tok.tag_ == "NNS" else []
    owners = []
    if tok.dep_ == "conj" and not _signatories(ctx, tok.head):
        owners = ctx.resolve(tok.head)
    # 'our allies' are the writer's state's, not the person who signs the statement
    for c in (c for c in tok.children if c.dep_ == "poss" and not _signatories(ctx, c)):
        first_person = c.lower_ in ("our", "my")
        owners += [e for e in ctx.resolve(c) if not first_person or ctx.table.get(e).type != "Person"]
    owners += _of_owners(ctx, tok)
    # 'a traditional Serbian ally', 'a key US ally': a state written before the noun; a body there says where the
    # allies are ('NATO allies' are members, not allies of NATO)
    owners += [
        e
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
        for e in ctx.resolve_modifier(c)
        if ctx.table.get(e).type == "Country"
    ]
    if tok.lemma_.lower() != "ally":
        group = [g for g in group if party(ctx, g)]  # 'its partners' alone names nobody; 'its allies' is the camp
    group = _examples(ctx, tok) or group  # "Russia's allies such as Belarus": the allies the text names
    if not owners and tok.lemma_.lower() == "ally" and _examples(ctx, tok):  # 'X looked to allies like Y'
        owners = alliances.clause_owners(ctx, tok)
    if not owners and tok.tag_ == "NNS" and tok.dep_ == "attr":  # 'Russia and Belarus are allies'
        owners = group[:1]
        group = group[1:]
    stated = list(tok.head.subtree if tok.dep_ in ("conj", "appos", "attr") else tok.subtree)
    for own in owners:
        for g in group:
            if g != own:
                yield relation(ctx, "allied_with", own, g, stated)
    yield from _members_by_allies(ctx, tok, owners, stated)


def _signatories(ctx, tok) -> bool:
    """'we, as well as our other allies': a joint statement's 'we' or 'our' stands for several states, whose allies
    are the camp the signatories share, not each signatory's own."""
    if tok.lower_ not in ("we", "us", "our"):
        return False
    return len([e for e in ctx.resolve(tok) if ctx.table.get(e).type != "Person"]) > 1


def _examples(ctx, tok) -> list[str]:
    """The parties a plural noun names after 'such as', 'like' or 'including' ("Russia's allies like Belarus")."""
    listed = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("as", "like", "including")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return [e for e in conj_ids(ctx, listed) if party(ctx, e)] if tok.tag_ == "NNS" else []


def _members_by_allies(ctx, tok, owners: list[str], stated: list):
    """'The US and its NATO allies', 'the US, UK and their Nato allies': who has allies in a body is a member of it
    (a possessive pronoun says the allies are the owner's fellows; 'the US and NATO allies' does not)."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return
    bodies = [
        e
        for c in tok.children
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
        for e in ctx.resolve_modifier(c)
        if ctx.table.get(e).type == "Organization"
    ]
    members = [e for e in owners if ctx.table.get(e).type == "Country"]
    if tok.dep_ == "conj":  # 'the US, UK and their allies': every state of the list
        first = words.first_conjunct(tok.head)
        members += [e for e in conj_ids(ctx, [first]) if ctx.table.get(e).type == "Country" and e not in members]
    for member in members:
        for body in bodies:
            yield relation(ctx, "member_of", member, body, stated)


def _of_owners(ctx, tok) -> list[str]:
    """Whose allies or backers an 'of' phrase names: 'allies of Kyiv', 'the main sponsor of Hezbollah'."""
    return [
        e
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for e in ctx.resolve(p)
    ]


def _backers(ctx, tok):
    """'Germany, Ukraine's biggest backer,', 'Iran is the main sponsor of Hezbollah', 'Poland, one of Kyiv's staunchest
    supporters,': the named party supports the noun's owner. 'Its backers' alone names nobody. A foe noun turns the
    relation round: in 'his rival Joe Biden', "Iran, Israel's enemy," the owner is the one who opposes."""
    named = _the_ally(ctx, tok)
    owners = [
        e
        for c in tok.children
        if c.dep_ == "poss" and c.lower_ not in ("our", "my")
        for e in ctx.resolve(c) or (antecedent(ctx, c) if c.lower_ in ("its", "their") else [])
    ]
    owners += _of_owners(ctx, tok)
    # a list, not the subtree generator: every backer-owner pair states its relation on the same words
    stated = list(tok.head.subtree if tok.dep_ in ("appos", "attr", "pobj") else tok.subtree)
    deemers = _deemer(ctx, tok)
    if deemers and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in tok.children):
        owners, stated = deemers, list(tok.head.head.subtree)  # 'Moscow sees NATO as its adversary': the subject's
    foe = tok.lemma_.lower() in _FOE_NOUNS
    if named and tok.tag_ == "NN":  # 'his rival Joe Biden and his son, Hunter': a singular noun names one party
        named = named[:1]
    for backer in named or []:
        for own in owners:
            if backer != own and party(ctx, own):
                pair = (own, backer) if foe else (backer, own)
                yield relation(ctx, "opposes" if foe else "supports", *pair, stated, confidence=0.6)


def _the_ally(ctx, tok) -> list[str] | None:
    """The party an ally noun describes, when the text names it: the name it is set beside ('Hungary, an ally of
    Russia,'; "Russia's ally Belarus"), the subject it is said of ('Belarus is an ally of Russia'), through 'one of'
    ('Poland, one of its closest allies,')."""
    one = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if one is not None and one.lower_ == "one" and one.dep_ in ("appos", "attr"):
        tok = one
    if tok.dep_ == "appos":
        return conj_ids(ctx, [tok.head])
    if tok.dep_ == "attr":
        return conj_ids(ctx, [c for c in tok.head.children if c.dep_ == "nsubj"])
    deemed = _deemed_of(tok)
    if deemed:
        return conj_ids(ctx, deemed)
    beside = [c for c in tok.children if c.dep_ == "appos"]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and ctx.table.by_token.get(nxt.i) is not None:
        beside.append(nxt)  # "Russia's ally Belarus": the parser may hang the name anywhere
    found = [e for e in conj_ids(ctx, beside) if party(ctx, e)]
    return found or None


# verbs that say what others take someone for: 'X is seen as Russia's key ally', 'X, considered a Serbian ally,'
_DEEMING = frozenset({"see", "regard", "view", "consider", "describe", "call", "know", "deem"})


def _deemer(ctx, tok) -> list[str]:
    """Who takes the named party for what the noun says, when an active verb of regarding says so: 'Russia regards
    the US as an adversary', 'Moscow sees NATO as its main adversary'."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else None
    if verb is None or verb.lemma_.lower() not in _DEEMING or verb.tag_ == "VBN":
        return []
    return subjects(ctx, verb)


def _deemed_of(tok) -> list:
    """Whom an ally noun is said of through a verb of regarding: the passive's subject ('Lukashenko is seen as
    Russia's key ally', 'Poland is considered a key US ally') or the name a reduced clause after a comma qualifies
    ('Russia, considered a traditional Serbian ally,', 'Hungary, regarded as a close ally of Moscow,'; the parser
    reads such a clause anyhow, so the name is the word before the comma)."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    if tok.dep_ not in ("pobj", "oprd", "dobj") or verb.lemma_.lower() not in _DEEMING or verb.i > tok.i:
        return []
    doc = tok.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "," and verb.tag_ in ("VBN", "VBD"):
        return [doc[verb.i - 2]]
    if verb.tag_ != "VBN":  # 'Moscow sees NATO as its adversary': the active verb's object
        return [c for c in verb.children if c.dep_ == "dobj"] if tok.dep_ == "pobj" else []
    if verb.dep_ == "acl":
        return [verb.head]
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def _verb_relations(ctx, led: dict[str, str]):
    for tok in tokens_of(ctx, frozenset(_SUPPORT_VERBS) | {"join", "stand"} | frozenset(_SIDING_VERBS)):
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        if lemma == "stand" or lemma in _SIDING_VERBS:
            yield from _standing_by(ctx, tok)
            continue
        if lemma in _PROVIDING_VERBS and not support.provides_with_arms_or_aid(tok):
            continue
        if lemma in _SUPPORT_VERBS or lemma == "join":
            subj, obj = _verb_sides(ctx, tok, lemma)
            rtype = "member_of" if lemma == "join" else _SUPPORT_VERBS[lemma]
            if rtype == "opposes" and not obj and tok.dep_ == "conj" and tok.head.lemma_.lower() in _HARM_VERBS:
                # 'degrade and defeat ISIL' shares its object; 'join the SDF and fight' does not
                obj = conj_ids(ctx, [c for c in tok.head.children if c.dep_ == "dobj"])
            if rtype in ("opposes", "supports") and not subj and not any(c.dep_ in _SUBJECTS for c in tok.children):
                # 'X is working to defeat Y', 'X is committed to supporting Y', 'X will continue to back Y'
                subj = _controller(ctx, tok) or clause_subject(ctx, tok)
            modality, _ = factuality.modality(tok, ctx.cues)
            if lemma in _ATTACK_VERBS and modality != "asserted":
                continue
            if lemma in _ATTACK_VERBS:
                subj = states_of_leaders(subj, led)
            for s in subj:
                for o in obj:
                    if rtype == "member_of" and ctx.table.get(o).type != "Organization":
                        continue
                    if (
                        rtype != "member_of"
                        and lemma not in ("support", "back", "oppose", "fight")
                        and not (party(ctx, s) and party(ctx, o))
                    ):
                        continue  # 'helped the economy', 'attacked the town': no side taken
                    yield relation(ctx, rtype, s, o, list(tok.sent), modality=modality, confidence=0.55)


# verbs that take a side with the party after 'with': 'X sided with Russia' supports it, 'X aligns itself with
# Russia' and 'X allied itself with Y' make allies
_SIDING_VERBS = {"side": "supports", "align": "allied_with", "ally": "allied_with"}


def _standing_by(ctx, verb):
    """'X stands by Y', 'X will stand with Y', 'X sided with Y' -> X supports Y; 'X aligned itself with Y' -> X
    allied_with Y."""
    rtype = _SIDING_VERBS.get(verb.lemma_.lower(), "supports")
    preps = ("with",) if verb.lemma_.lower() in _SIDING_VERBS else ("by", "with")
    sides = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
    modality, _ = factuality.modality(verb, ctx.cues)
    doers = subjects(ctx, verb)
    if not doers and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":  # 'much of the world siding with Y'
        doers = conj_ids(ctx, [verb.head])
    if not doers and verb.dep_ in ("xcomp", "conj"):  # "We will continue to stand with Y", "We act and stand with Y"
        doers = _controller(ctx, verb)
    for s in doers:
        for o in [e for p in sides if p.dep_ == "pobj" for e in named_by(ctx, p)]:
            if s != o and party(ctx, s) and party(ctx, o) and ctx.table.get(s).type != "Person":
                yield relation(ctx, rtype, s, o, list(verb.subtree), modality=modality, confidence=0.55)


def _verb_sides(ctx, verb, lemma: str) -> tuple[list[str], list[str]]:
    """(who acts, whom it concerns): the active 'X backed Y', the passive 'Y was backed by X', and a participle
    after its noun ('the rebels, backed by X,')."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        subj = conj_ids(ctx, agents)
        obj = conj_ids(ctx, [c for c in verb.children if c.dep_ == "nsubjpass"])
        if not obj and _SUPPORT_VERBS.get(lemma) == "supports":  # 'the Houthi attacks were enabled by Iran'
            obj = [e for c in verb.children if c.dep_ == "nsubjpass" for e in owner_of_act(ctx, c)]
        if not obj and verb.dep_ == "acl":
            obj = conj_ids(ctx, [verb.head])
        elif not obj and verb.dep_ == "advcl" and verb.i >= 2 and ctx.doc[verb.i - 1].text == ",":
            obj = conj_ids(ctx, [ctx.doc[verb.i - 2]])  # 'he blamed Ukraine, backed by the US': the noun before
        return subj, obj
    subj = acting_subjects(ctx, verb)
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl":  # "Russia's aggression, which France condemns": the object is the noun the clause is of
        dobjs = [_relative_object(verb, lemma) if d.lower_ in ("which", "that", "whom") else d for d in dobjs]
    obj = [e for d in dobjs for e in named_by(ctx, d)] if lemma in _SUPPORT_VERBS else conj_ids(ctx, dobjs)
    if not obj and lemma in _BLAME_VERBS:  # 'condemned Iran's attack', 'condemned the Russian invasion'
        # not 'condemned Mr Z's proposal': blaming what someone said or planned takes no side against him
        obj = [e for d in dobjs if d.lemma_.lower() not in _WORDS_AND_PLANS for e in _act_owners(ctx, d)]
    if not obj and _SUPPORT_VERBS.get(lemma) == "supports":  # "backed Ukraine's counteroffensive"
        obj = [e for d in dobjs for e in owner_of_act(ctx, d)]
    return subj, obj


# acts only a state wages: 'Putin's war' is Russia's
_STATE_ACTS = frozenset({"war", "invasion", "aggression", "occupation", "annexation"})


def _act_owners(ctx, act) -> list[str]:
    """Whose act is blamed: its owner; a state's war, invasion or occupation its owner wages for his state ("condemn
    Putin's war of choice": Russia, when the dictionaries give Putin's state and the article names it)."""
    found = owner(ctx, act)
    if act.lemma_.lower() not in _STATE_ACTS:
        return found
    return list(dict.fromkeys(_state_of_official(ctx, e) or e for e in found))


def _state_of_official(ctx, eid: str) -> str | None:
    """The state a person serves as the dictionaries know him (a government official's country), if the article
    names it."""
    entry = ctx.table.entries.get(eid)
    if ctx.table.get(eid).type != "Person" or entry is None or entry.sector != "GOV" or not entry.country:
        return None
    return next((e.id for e in ctx.table.entities if e.type == "Country" and e.name == entry.country), None)


# what someone says or plans: condemning it is no standing hostility to him
_WORDS_AND_PLANS = frozenset(
    """proposal plan idea suggestion offer initiative remark comment statement speech word call decision visit
    claim""".split()
)


def _relative_object(verb, lemma: str):
    """What a relative pronoun object stands for: the noun the clause is of; for a blamed act the parser hangs the
    clause on the act's target ("Russia's aggression against Ukraine, which France condemns": the aggression)."""
    noun = verb.head
    prep = noun.head if noun.dep_ == "pobj" else None
    if lemma in _BLAME_VERBS and prep is not None and prep.lower_ in ("against", "on", "of"):
        if prep.head.lemma_.lower() in _AGAINST_WORDS | _ON_WORDS | _OF_WORDS:
            return prep.head
    return noun


def _controller(ctx, verb, depth: int = 0) -> list[str]:
    """Who an infinitive's or a conjunct's action belongs to: 'X is working to defeat Y' (the governing verb's
    subject), "X's strategy to defeat Y" / 'the coalition to defeat Y' (the noun's owner or the noun itself), 'X adopted
    a strategy to defeat Y'."""
    head = verb.head
    if depth > 2 or head is verb:
        return []
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
        return []  # 'X urged Y to defeat Z': Y is to act
    if verb.dep_ in ("xcomp", "advcl", "conj") and head.pos_ in ("VERB", "AUX"):
        found = acting_subjects(ctx, head)
        return found or _controller(ctx, head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        found = ctx.resolve(head) if ctx.table.by_token.get(head.i) is not None else []
        found = found or owner(ctx, head)
        if not found and head.dep_ == "dobj":  # 'X adopted a strategy to defeat Y'
            found = acting_subjects(ctx, head.head)
        return found
    return []


_BACKING_WORDS = frozenset({"backed", "supported", "funded", "armed", "sponsored", "financed"})


def _backed_bodies(ctx):
    """'Iranian-backed groups, including Hamas', 'Iran-backed terrorists like Hamas', 'the Russia-backed
    separatists': the backer written before '-backed' supports the body, and the bodies the phrase then names."""
    for tok in tokens_of(ctx, lowers=_BACKING_WORDS):
        if tok.dep_ != "amod":
            continue
        backers = [
            e for c in tok.lefts if c.dep_ in ("npadvmod", "compound", "nmod", "amod") for e in _modifier(ctx, c)
        ]
        if not backers:
            continue
        noun = tok.head
        backed = ctx.resolve(noun) if ctx.table.by_token.get(noun.i) is not None else []
        if not backed and noun.dep_ == "appos":  # 'Hezbollah, an Iran-backed militant group,': the named body
            backed = ctx.resolve(noun.head)
        examples = [p for c in _example_preps(noun) for p in c.children if p.dep_ == "pobj"]
        backed += conj_ids(ctx, examples)
        stated = [*noun.subtree, *(t for p in examples for t in p.subtree)]
        for s in backers:
            for o in backed:
                if s != o and party(ctx, o):
                    yield relation(ctx, "supports", s, o, stated, confidence=0.6)


def _example_preps(noun) -> list:
    """The noun's 'including', 'like' or 'such as', also written right after it where the parser hangs it on the verb
    ('defend itself against Iran-backed terrorists like Hamas')."""
    found = [c for c in noun.children if _names_examples(c)]
    after = noun.right_edge.i + 1
    if not found and after < len(noun.doc) and _names_examples(noun.doc[after]):
        found.append(noun.doc[after])
    return found


def _names_examples(prep) -> bool:
    """'including', 'like', 'such as': a preposition after which a noun names some of what it stands for."""
    if prep.dep_ != "prep":
        return False
    such = prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
    return prep.lower_ in ("including", "like") or (prep.lower_ == "as" and such)


def _modifier(ctx, tok) -> list[str]:
    """The backer a modifier names; inside a collective's own name ('all Iranian-backed groups') the state the
    entity rules gave the collective."""
    if tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
        return []
    found = ctx.resolve_modifier(tok)
    own = ctx.table.by_token.get(tok.head.i)
    if found == [own] and own is not None:
        entity = ctx.table.get(own)
        return list(entity.countries or ((entity.country,) if entity.country else ()))
    return found


def _against_relations(ctx, led: dict[str, str]):
    """'X fought against Y', "X's campaign against Y", 'X launched strikes against Y', 'sanctions on Y', 'the
    invasion of Y' -> X opposes Y; 'X fought a war with Y' -> each opposes the other."""
    heads = _AGAINST_WORDS | _ON_WORDS | _OF_WORDS | _WITH_WORDS | _DEFENDING_VERBS
    preps = [t for w in tokens_of(ctx, heads) for t in w.children if t.dep_ == "prep"]
    for tok in (t for t in preps if t.lower_ in ("against", "on", "of", "with")):
        word = tok.head
        lemma = word.lemma_.lower()
        heads_for = {"against": _AGAINST_WORDS, "on": _ON_WORDS, "of": _OF_WORDS, "with": _WITH_WORDS}[tok.lower_]
        if lemma not in heads_for and not (
            tok.lower_ == "against" and lemma in _DEFENDING_VERBS and word.pos_ == "VERB"
        ):
            continue
        if tok.lower_ != "against" and word.pos_ != "NOUN":
            continue
        targets = [p for p in tok.children if p.dep_ == "pobj"]
        objects = conj_ids(ctx, targets) or [  # 'strikes against ISIL targets' -> against ISIL
            e for p in targets for c in p.children if c.dep_ == "compound" for e in ctx.resolve_modifier(c)
        ]
        objects = [o for o in objects if party(ctx, o)]
        if not objects:
            continue
        modality, _ = factuality.modality(word if word.pos_ == "VERB" else word.head, ctx.cues)
        for s in states_of_leaders(_against_owners(ctx, word), led):
            for o in objects:
                if s == o:
                    continue
                yield relation(ctx, "opposes", s, o, list(word.subtree), modality=modality, confidence=0.55)
                if tok.lower_ == "with":
                    yield relation(ctx, "opposes", o, s, list(word.subtree), modality=modality, confidence=0.55)


def _against_owners(ctx, word) -> list[str]:
    """Who fights: the verb's subject; the noun's owner ('its', 'US', 'by X'), else the subject of the verb whose
    object the noun is ('X launched strikes')."""
    if word.pos_ == "VERB" and word.lemma_.lower() in _DEFENDING_VERBS:
        # 'X is committed to supporting Y against Z': X and Y both stand against Z
        defended = [e for c in word.children if c.dep_ == "dobj" for e in named_by(ctx, c)]
        stated = any(c.dep_ in _SUBJECTS for c in word.children)  # a subject kg does not know
        doers = subjects(ctx, word) if stated else clause_subject(ctx, word)
        return list(dict.fromkeys([*doers, *defended]))
    if word.pos_ == "VERB":
        return subjects(ctx, word)
    owners = owner(ctx, word)
    if not owners and word.dep_ == "dobj" and word.head.lemma_.lower() in _WAGING_VERBS:
        owners = subjects(ctx, word.head)
    return owners


# verbs whose subject carries out the fight their object names ('X launched strikes against Y'); one who condemns,
# fears or repels attacks does not make them ('wag': the model's lemma of 'waged')
_WAGING_VERBS = frozenset(
    """launch conduct carry wage fly mount impose stage step continue intensify escalate begin start lead pursue
    unleash order renew expand announce make take plan threaten prepare join fight coordinate wag""".split()
)
