"""Event words that name an act the clause does not tell as done: 'we have a lot to talk about' (a topic left to
discuss, no talks held), 'would not rule out sending troops' (left open, nothing refused),
'we made good on our promise' (a promise kept was made before: keeping it makes none), 'suspended military aid'
(aid stopped is no aid given), 'ordered its military to hold drills' (a state acts through its own forces), 'during the summit, Wallace admitted'
(a meeting told before, taken up as the time of another act), 'offering to discuss a treaty' (the offered act is
the event, planned), 'as may be determined by the Secretary' (a ruling, no commitment), 'was flown to Pennsylvania'
(carried, no journey).

Each check looks at the trigger and its neighbours only: one test per candidate trigger, no pass over the doc."""

from __future__ import annotations

from kg.extract import words

__all__ = ["names_no_act", "without_offers"]

# what is left to do in 'a lot to talk about', 'much to discuss', 'nothing to negotiate': the head names how much of
# a topic there is, and the infinitive's missing object (or its stranded 'about') is that topic
_AMOUNTS = frozenset(
    """lot much plenty something anything nothing everything more little deal thing issue matter question
    topic""".split()
)


# refusals whose negation leaves the thing open: 'does not rule out a freeze', 'did not exclude talks'
_RULING_OUT = frozenset({"rule", "exclude"})
# keeping one's word: 'kept its promise', 'fulfilled its pledge', 'honoured the commitment'; and with 'on': 'delivered
# on', 'made good on', 'followed through on' it
_KEEPING = frozenset({"keep", "fulfil", "fulfill", "honor", "honour", "redeem"})
_KEEPING_ON = frozenset({"deliver", "make", "follow", "act"})
# what an offer may hold that is itself the event the news tells: talks, help, joint work ('offering to discuss',
# 'offering military support')
_OFFERED = frozenset({"AID", "CONSULT", "COOPERATE"})
# a leader's instruments enacted alone: 'signed a decree', 'issued an executive order', 'a presidential memorandum'
_ENACTING = frozenset({"sign", "issue"})
_DECREES = frozenset({"decree", "order", "directive", "proclamation", "ordinance", "edict"})
_EXECUTIVE = frozenset({"executive", "presidential"})
_FRAMES = frozenset({"during", "throughout", "amid"})  # 'during the summit': the time of the clause's act
_VERB_OF = {"meeting": "meet", "talk": "talk", "visit": "visit", "call": "call", "negotiation": "negotiate"}
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ORDERING = frozenset({"order", "direct", "instruct", "command"})
_PARTS = frozenset({"most", "all", "some", "part", "rest", "half", "many"})  # 'most of its staff'
_HELPING = frozenset({"help", "assist"})
_THING_PRONOUNS = frozenset({"it", "which", "this", "that"})  # 'it will help us', 'which could assist Russia'
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_MODALS = words.MODALS | {"wo", "ca"}  # and the auxiliaries of "won't" and "can't"
# what stops aid ('suspended aid', 'threatened to withhold aid', 'stop providing support'): the stopping is the act
# (SANCTION, COERCE, REJECT by its own row), the aid is not given
_STOPPING = frozenset(
    """suspend halt stop cut freeze withhold block cancel end cease pause delay terminate deny""".split()
)


def names_no_act(tok, etype: str) -> bool:
    """Whether the event word ``tok`` (typed ``etype``) names an act its clause does not tell as done."""
    if etype == "AGREE" and tok.pos_ == "NOUN":
        return _kept(tok)
    if etype == "AGREE" and tok.lemma_.lower() in ("determine", "fly"):
        return _passive(tok)  # 'as may be determined by the Secretary', 'Zelensky was flown to Pennsylvania'
    if etype == "AID":
        return _stopped(tok) or _a_thing_helps(tok)
    if etype == "REQUEST" and _orders_its_own(tok):
        return True
    if etype in ("REQUEST", "SUPPORT") and tok.pos_ == "VERB" and tok.lemma_.lower() in _ENACTING:
        return _enacts_a_decree(tok)
    if etype == "CONSULT" and tok.pos_ == "NOUN":
        return _meeting_as_a_time(tok)
    return _a_topic_left(tok) or (etype == "REJECT" and _left_open(tok))


def _orders_its_own(verb) -> bool:
    """'Russia ordered its military to hold drills', 'was ordering most of its embassy staff to leave', 'directed my
    team to stay in contact': an order to one's own forces or staff asks no other party anything; the ordered act
    is the orderer's, done through them ('ordered Russia to withdraw' asks Russia)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ORDERING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        p for o in objects if o.lemma_.lower() in _PARTS for c in o.children if c.dep_ == "prep" for p in c.children
    ]
    return any(c.dep_ == "poss" and c.lower_ in words.POSSESSIVE_DETERMINERS for o in objects for c in o.children)


def without_offers(pairs):
    """``pairs`` ((trigger token, event)) without the offers whose offered act is an event of its own: 'Washington
    offered to discuss a new treaty', 'Poles offering military support to their neighbour' tell the talks (planned)
    or the help (given) by their own word, and the offer is no second event. An offer of what no event tells
    ('offered its troops to help', 'offered talks' where the talks name no one) stays an AGREE."""
    told = {tok.i for tok, e in pairs if e.type in _OFFERED}
    return [(tok, e) for tok, e in pairs if not (e.type == "AGREE" and _offers(tok, told))]


def _offers(verb, told: set[int]) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "offer":
        return False
    return any(c.dep_ in ("dobj", "xcomp") and c.i in told for c in verb.children)


def _meeting_as_a_time(noun) -> bool:
    """'During the summit, Wallace admitted ...', 'throughout his meetings in Ramallah, Gordon emphasized ...': a
    meeting the text told before, taken up by a definite or possessive phrase as the time of another act, is no
    new meeting; 'during a call with his counterpart', 'during their call on Monday' (first told there) tell one."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _FRAMES:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
        return False
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    told = {lemma, _VERB_OF.get(lemma, lemma)}  # 'met with Abbas' ... 'throughout his meetings'
    return any(t.lemma_.lower() in told for t in noun.doc[: noun.sent.start])


def _enacts_a_decree(verb) -> bool:
    """'Zelensky signed a decree to declare the day Europe Day', 'I have issued an Executive Order', 'Trump signed a
    National Security Presidential Memorandum restoring pressure': a decree one leader enacts asks nobody anything
    and backs nobody; what it orders is the act ('signed a memorandum with Poland' is a deal between parties)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(_a_decree(o) for o in objects)


def _a_decree(noun) -> bool:
    lemma = noun.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
        return False
    kinds = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    return lemma in _DECREES or bool(kinds & _EXECUTIVE)


def _passive(verb) -> bool:
    """'Any other products as may be determined by the Secretary', 'it was determined that': a passive 'determine'
    is a finding or a ruling left to an official, no commitment to anyone ('Russia is determined to win' is an
    adjective, no trigger); 'he was flown to Pennsylvania' is carried there, no journey of his own (CAMEO's 'fly
    to' is an intent to meet)."""
    return verb.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in verb.children)


def _a_thing_helps(verb) -> bool:
    """'I hope it will help us to see the beauty', 'the network, which could assist Russia in circumventing
    sanctions': what helps is a thing the clause talks of, no party giving aid ('Germany helped Ukraine' gives it)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _HELPING:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _THING_PRONOUNS]
    if verb.dep_ == "relcl" and (verb.head.pos_ == "PROPN" or verb.head.ent_type_ in _PARTY_ENTS):
        return False  # "Poland, which helped Ukraine": the relative stands for a party
    return bool(subjects)


def _stopped(tok) -> bool:
    """'The US suspended military aid', 'cut funding for Ukraine', 'to stop providing support': aid that a verb
    stops, withholds or blocks is not given; the stopping verb tells the act ('suspended aid' is a sanction). Aid
    whose end is negated or only possible ('will not stop its deliveries', 'could be cut') goes on."""
    stopping = tok.dep_ == "xcomp" if tok.pos_ == "VERB" else tok.dep_ in ("dobj", "nsubjpass")
    verb = tok.head
    if not stopping or verb.lemma_.lower() not in _STOPPING:
        return False
    # "will not stop its deliveries", "the current aid could be cut": the aid goes on, only its end is in doubt
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in verb.children)


def _kept(noun) -> bool:
    """'We made good on our promise', 'kept its pledge', 'delivered on its commitments': the promise kept was made
    before; keeping it tells no new one ('renewed its commitment', 'made a promise' make one)."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in _KEEPING
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.head.lemma_.lower() not in _KEEPING_ON:
        return False
    verb = prep.head
    return verb.lemma_.lower() != "make" or any(c.lower_ == "good" for c in verb.children)


def _left_open(verb) -> bool:
    """'He would not rule out sending troops', 'does not exclude a freeze': not ruling a thing out refuses nothing;
    it says the thing may come (the content's modality, not a refusal that did not happen)."""
    return verb.lemma_.lower() in _RULING_OUT and any(c.dep_ == "neg" for c in verb.children)


def _a_topic_left(verb) -> bool:
    """'We have a lot to talk about', 'there is much to discuss': an infinitive that says what an amount of topics
    is there for tells no act; 'the first leader to visit Kyiv' (the head does the visiting) is one."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl") or verb.head.lemma_.lower() not in _AMOUNTS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.head.head.lemma_.lower() == "do":  # "did everything to endorse X": what was done for it, a purpose
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]  # "to endorse and embrace the campaign"
    return not any(c.dep_ in ("dobj", "nsubj", "ccomp") for v in verbs for c in v.children)
