"""Participants of an event word that its own subject, objects and modifiers do not name, read from the phrases
around it: the owner of the things given or moved ('supplies of Western weapons'), the captor who releases
('the release of hostages held by Hamas'), who undergoes an act they face or receive ('Russia faces new
sanctions', 'Ukraine received military aid'), and the agent of a participle that belongs to the event noun's
phrase ('the aid package approved by Congress', '... the war of aggression waged by Russia'). Each reader
returns tokens; the argument finder (:mod:`kg.extract.arguments`) resolves them."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import nominal

__all__ = [
    "GIVING_TYPES",
    "captors",
    "completed",
    "receiving_verb",
    "renamed",
    "stray_preps",
    "stray_to",
    "takes",
    "undergoing_verb",
]

# acts of giving or moving things, whose things' owner gives or moves them: 'supplies of Western weapons'
GIVING_TYPES = frozenset({"AID", "MOBILIZE"})
# participles that say someone holds captives: 'hostages held by Hamas', 'soldiers captured by the rebels'
_HOLDING = frozenset("hold take kidnap abduct capture seize detain imprison jail keep".split())
_RELEASING = frozenset("release free freeing releasing liberate liberation".split())
# verbs whose subject undergoes the act their object names: 'faced criticism', 'suffered attacks', 'drew condemnation'
_UNDERGOING = frozenset("face suffer endure undergo incur draw attract earn receive weather withstand".split())
_UNDERGONE_TYPES = frozenset({"ACCUSE", "SANCTION", "COERCE", "ASSAULT", "THREATEN", "REJECT"})
# verbs of taking something from someone, whose 'from' phrase names whom it is taken from: 'seized arms from X'
_TAKING = frozenset("capture seize take grab confiscate wrest snatch steal".split())
# verbs that name an act as something: 'terms its action a special operation', 'described its war as X'
_NAMING = frozenset("call term describe label brand dub characterize characterise portray present".split())
# prepositions that name whom an act is against or for ('raids on X', 'aid to Y')
_ACT_PREPS = frozenset({"on", "against", "at", "to", "for", "into", "toward", "towards"})
# verbs whose subject is given what their object names: 'received military aid', 'got weapons'
_RECEIVING = frozenset("receive get obtain accept".split())


def captors(act) -> list:
    """Who holds the captives an act of release frees ('the release of hostages held by Hamas', 'release the
    soldiers captured by the rebels'): the captor releases them; [] when no captor is named."""
    if act.lemma_.lower() not in _RELEASING and act.lower_ not in _RELEASING:
        return []
    freed = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    freed += nominal.of_objects(act) if act.pos_ == "NOUN" else []
    freed += [c for f in freed for c in f.children if c.dep_ == "conj"]
    holding = [
        v for f in freed for v in f.children if v.dep_ == "acl" and v.tag_ == "VBN" and nominal.stems(v) & _HOLDING
    ]
    return [p for v in holding for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def undergoing_verb(noun, etype: str):
    """The verb whose subject undergoes the act its object names ('Russia faces new sanctions', 'the pope faced
    criticism', 'the convoy came under attack'), or None."""
    if etype not in _UNDERGONE_TYPES or nominal.of_objects(noun):
        return None  # "faces the threat of an invasion": the threat frames the invasion, no one threatens yet
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and nominal.stems(noun.head) & _UNDERGOING:
        return noun.head
    under = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "under" else None
    verb = under.head if under is not None else None
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in ("come", "be", "fall"):
        return verb
    return None


def receiving_verb(word):
    """For an act of giving told from the receiver's side, the receiving verb: the word itself ('Belarus received
    the weapons') or the verb whose object it is ('Ukraine continues to receive the support it needs'); else
    None. Its subject is given the things, its 'from' phrase names the giver."""
    verb = word if word.pos_ == "VERB" else word.head if word.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or not nominal.stems(verb) & _RECEIVING:
        return None
    # "get more aid to the people": getting things to someone is giving them
    heads = [verb, *(o for o in verb.children if o.dep_ == "dobj")]
    return None if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for h in heads for c in h.children) else verb


def completed(
    tok,
    etype: str,
    actors: list[str],
    recipients: list[str],
    *,
    ids: Callable[[list], list[str]],
    doers: Callable[[object], list[str]],
    owners: Callable[[list], list[str]],
) -> tuple[list[str], list[str]]:
    """``actors`` and ``recipients`` of the event word ``tok`` with what the phrases around it add: ``ids``
    resolves tokens, ``doers`` gives a verb's doers (through control), ``owners`` the states or bodies whose
    things some nouns name."""
    held_by = ids(captors(tok)) if etype == "RETREAT" else []
    if held_by:  # "the release of hostages held by Hamas": Hamas releases them, whoever pressed for it
        actors = held_by
    verb = receiving_verb(tok) if etype == "AID" else None
    if verb is not None:  # "Belarus received weapons from Russia": Russia gives, Belarus is given
        # "received weapons from Russia", "received aid from Germany" (spaCy may hang 'from' on the object)
        heads = [verb, *(o for o in verb.children if o.dep_ == "dobj")]
        givers = ids(
            [
                p
                for h in heads
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for p in nominal.prep_objects(c)
            ]
        )
        takers = doers(verb)
        actors = givers if verb is tok else actors or givers
        recipients = recipients + [t for t in takers if t not in actors]
    if tok.pos_ == "NOUN" and etype in GIVING_TYPES and not actors:
        # "supplies of Western weapons", "the deployment of Russian troops": whose things they are gives or moves them
        things = nominal.of_objects(tok)
        moved = ids(things) if etype == "MOBILIZE" else []
        actors = moved or owners(things)
        recipients = [r for r in recipients if r not in actors]
    if tok.pos_ == "NOUN" and etype == "AID" and not recipients:
        recipients = [i for i in ids([p for c in stray_to(tok) for p in nominal.prep_objects(c)]) if i not in actors]
    if tok.pos_ == "NOUN" and etype in ("ACCUSE", "REQUEST") and not recipients:
        # "accusations that NATO provoked the war", "demands that Israel withdraw": who is accused or asked
        clauses = [
            c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
        ]
        recipients = [i for i in ids([s for c in clauses for s in c.children if s.dep_ == "nsubj"]) if i not in actors]
    verb = undergoing_verb(tok, etype) if tok.pos_ == "NOUN" else None
    if verb is not None:  # "Russia faces new sanctions": Russia undergoes them
        actors = actors or ids(_from_phrases(verb))  # "drew criticism from Italy": Italy criticises
        # "Roe's comments drew criticism": whose comments they are
        undergo = doers(verb) or owners([c for c in verb.children if c.dep_ == "nsubj"])
        recipients = recipients + [t for t in undergo if t not in actors]
    elif tok.pos_ == "NOUN" and etype in _UNDERGONE_TYPES and _comes(tok):
        actors = actors or ids(_from_phrases(tok.head))  # "the harshest rebuke came from Salvini"
    return actors, recipients


def _from_phrases(verb) -> list:
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in nominal.prep_objects(c)]


def _comes(noun) -> bool:
    """'The harshest rebuke came from X': an act noun that comes from someone, its doer."""
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() == "come"


def stray_to(noun) -> list:
    """The 'to' phrase of an act of giving that spaCy hung on the things given or on the clause's verb ('condemned
    supplies of British missiles to Ukraine'): right after the noun's phrase, it names whom they go to."""
    things = nominal.of_objects(noun)
    whom = [c for t in things for c in t.children if c.dep_ == "prep" and c.lower_ == "to"]
    after = noun.right_edge.i + 1
    if things and not whom and after < len(noun.doc):  # not "scale back aid to X": the verb's own
        word = noun.doc[after]
        whom = [word] if word.lower_ == "to" and word.dep_ in ("prep", "dative") and word.head.pos_ == "VERB" else []
    return whom


def takes(verb) -> bool:
    """Whether an act is told by a verb of taking, whose 'from' phrase names whom it is taken from."""
    return verb.pos_ == "VERB" and bool(nominal.stems(verb) & _TAKING)


def renamed(noun):
    """The noun an event noun renames, whose owner does the act: 'terms its action a "special operation"' (spaCy
    makes the name an apposition or an object predicate), 'described its war as a special operation'; else None."""
    if noun.dep_ == "appos" and noun.head.pos_ == "NOUN":
        return noun.head
    verb = (
        noun.head
        if noun.dep_ == "oprd"
        else noun.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "as"
        else None
    )
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return objects[0] if objects else None


def stray_preps(noun) -> list:
    """The phrase right after an act noun that spaCy hung on the verb of a stance taken on the act ('condemned the
    raids on Rafah', 'welcomed the aid to Gaza'): whom the act is against or for, not a phrase of the stance.
    Not 'blamed the attack on X' (whom it is blamed on)."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    after = noun.right_edge.i + 1
    if verb is None or after >= len(noun.doc) or verb.lemma_.lower() in ("blame", "pin"):
        return []
    word = noun.doc[after]
    return [word] if word.dep_ in ("prep", "dative") and word.head.i == verb.i and word.lower_ in _ACT_PREPS else []
