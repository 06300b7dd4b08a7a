"""Handing a party a thing: 'provided Ukraine with spare parts', 'is surging generators to Ukraine', 'gave the
army fuel'. The light verbs of giving are aid (PLOVER AID, CAMEO 07) whatever concrete thing they hand over, when
the text names the state, body or people that receives it; the trigger rows list aid nouns for these verbs, and
what no list names (parts, generators, vehicles of a kind) is the same act. Words, chances and standing handed over
are not aid (a message, a pretext, an edge), nor are people sent (an envoy), nor what one person is given.
TriggerIndex.match asks this when no row of the word holds."""

from __future__ import annotations

from kg.extract.lexicons import Trigger
from kg.extract.words import ACTOR_NOUNS, GROUP_NOUNS, ORG_NOUNS, STATE_NOUNS

__all__ = ["handing_over"]

_GIVING_VERBS = frozenset({"provide", "give", "send", "supply", "deliver", "ship", "surge"})
_ROWS = {
    v: Trigger(v, "VERB", "AID", None, (), "light verb of giving with a named receiver and a concrete thing")
    for v in _GIVING_VERBS
}
# what is handed over but is no good: words, knowledge, chances and standing ("gave Moscow a pretext", "sent
# Kyiv a signal", "provided reporters with details", "gave the party an edge")
_NOT_GOODS = frozenset(
    """message letter memo email e-mail mail signal sign note statement word greeting condolence invitation reply
    answer response warning assurance guarantee explanation account update briefing report detail information
    intelligence data content proposal offer request demand ultimatum notice reminder instruction order impression
    opportunity chance shot opening option time excuse pretext reason voice hope confidence power right mandate
    authority permission approval light go-ahead boost lift push impetus momentum edge advantage lead leverage
    leeway ability capacity platform airtime mileage scale start look read example lesson advice view opinion idea
    thought speech address interview testimony evidence proof priority attention credit thanks praise blessing
    recognition status title name award prize medal deadline sense way floor hearing benefit consideration insight
    context clarity feedback coverage overview picture list copy text document draft invite nod backing
    endorsement welcome reception treatment exit rise headache trouble problem lock grip hold control victory
    win vote seat role say stake""".split()
)
# who receives aid is a state, a body or a people, not one person ("gave the senator a boost")
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP"})
_PARTY_PRONOUNS = frozenset({"them", "us"})
_PARTY_NOUNS = (GROUP_NOUNS | ORG_NOUNS | STATE_NOUNS | frozenset({"army", "military", "ally", "partner"})) - {
    "source",
    "analyst",
    "expert",
}
# the people sent to a place are a visit or a deployment, not goods ('sent an envoy to Kyiv')
_ENVOYS = ACTOR_NOUNS | frozenset(
    "delegate candidate operator specialist instructor personnel team mission unit".split()
)


def handing_over(tok) -> Trigger | None:
    """The AID row for a verb of giving that hands a named party a concrete thing, else None."""
    lemma = tok.lemma_.lower()
    if lemma not in _GIVING_VERBS or tok.pos_ != "VERB":
        return None
    kids = list(tok.children)
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in kids if c.dep_ in ("prep", "dative")}
    objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    datives = [c for c in kids if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if datives:  # "gave the army fuel"
        pairs = [(d, o) for d in datives for o in objects]
    elif "with" in preps:  # "provided Ukraine with parts", "Ukraine was provided with parts"
        pairs = [(o, g) for o in objects for g in preps["with"]]
    else:  # "surging generators to Ukraine", "parts were sent to Kyiv"; the parse may hang 'to' on the thing
        pairs = [(r, o) for p in ("to", "into") for r in preps.get(p, ()) for o in objects]
        pairs += [(r, o) for o in objects for r in _to_phrases(o)]
    return _ROWS[lemma] if any(_party(r) and _goods(t) for r, t in pairs) else None


def _to_phrases(noun) -> list:
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("to", "into")
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _party(tok) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in _PARTY_PRONOUNS
    return tok.ent_type_ in _PARTY_ENTS or tok.ent_type_ == "" and tok.lemma_.lower() in _PARTY_NOUNS


def _goods(tok) -> bool:
    if tok.ent_type_ == "MONEY":
        return True
    held = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if held and tok.lemma_.lower() not in _NOT_GOODS:  # "a contingent of troops", "a shipment of fuel": what is held
        return _goods(held[0])
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or lemma in _NOT_GOODS or lemma in _ENVOYS:
        return False
    return tok.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG")
