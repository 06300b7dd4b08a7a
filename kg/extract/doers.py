"""Who did an act that a phrase around it names, read from the parse alone: whom an act is blamed on or credited
to ('blamed the attack on X', 'thanked X for the aid'), whom an appeal asks to act ('an appeal to X to halt'),
who leaves in 'the withdrawal of X from Y', the verbs that scale an act ('tightened sanctions'), whom a charge is
against ('arrested X on charges of spying'), and a gerund of time or manner on a verb of saying ('said after
meeting X'). The argument finder (:mod:`kg.extract.arguments`) resolves the tokens these readers return."""

from __future__ import annotations

__all__ = [
    "CHARGE_NOUNS",
    "RESTATING_PREPS",
    "RESTATING_VERBS",
    "SCALING_VERBS",
    "addressees",
    "adjunct",
    "authors",
    "bare_definite",
    "blamed_on",
    "charged",
    "companions",
    "credited",
    "departure",
    "infinitive_clause",
    "infinitive_host",
    "participle_on",
    "ranked_predicate",
    "same_act_word",
    "texts",
]

# verbs that credit or blame their object for an act ('blamed X for', 'thanked X for', 'accused X of', 'sanctioned X
# over'): the object did the act the phrase names
_CREDITING_VERBS = frozenset(
    """blame accuse thank praise commend credit fault criticise criticize condemn denounce punish sanction reward
    congratulate applaud hail suspect convict penalise penalize rebuke reprimand""".split()
)
_CREDIT_PREPS = frozenset({"for", "of", "over"})
# verbs that scale an act their object names, whose subject does the act: 'tightened sanctions', 'ramped up aid'
SCALING_VERBS = frozenset(
    """increase boost expand tighten strengthen bolster redouble accelerate ramp double triple maintain sustain
    deepen broaden enhance toughen widen speed step""".split()
)
# verbs that restate or keep up an act their object names, whose subject does it again: 'renewed its threats',
# 'repeated accusations that X lied'; and those that do so through a preposition: 'doubled down on accusations',
# 'stood by its demand', 'insisted on demands', 'persisted in its refusal'
RESTATING_VERBS = frozenset("renew repeat reiterate restate reaffirm reissue".split())
RESTATING_PREPS = {"double": "on", "stand": "by", "insist": "on", "persist": "in"}
# nouns of leaving a place, whose 'of' phrase names who leaves and whose 'from' phrase the place left
_DEPARTURES = frozenset({"withdrawal", "pullout", "pull-out", "pullback", "retreat", "departure", "exit", "drawdown"})
# nouns that ask someone to act, and the prepositions that name whom: 'an appeal to X', 'a call on X'
_REQUEST_NOUNS = frozenset({"appeal", "call", "demand", "request", "plea", "invitation", "ultimatum", "urging"})
_ADDRESS_PREPS = frozenset({"to", "on", "upon"})
# grounds of an arrest or a warrant: whom they are against did the act they name ('on charges of spying')
CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "suspicion", "count"})
_CASE_NOUNS = frozenset({"warrant", "case", "indictment", "lawsuit", "complaint"})
_ADJUNCT_PREPS = frozenset({"since", "after", "before", "upon", "while", "by", "without"})


def companions(head) -> list:
    """Who acts with a party, by a phrase on its noun or on its verb: 'Russia, along with China, vetoed', 'Britain,
    alongside France, imposed', 'troops, together with allied fighters, attacked', 'imposed sanctions along with
    France', 'Joined by France, Britain imposed sanctions'. A bare 'with' is no companion ('clashed with police',
    'Russia with its tanks')."""
    out = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "alongside":
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "along":
            out += [p for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children]
        elif c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ == "together" for a in c.children):
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "advcl" and c.lemma_.lower() == "join" and c.tag_ == "VBN" and c.i < head.i:
            out += [p for a in c.children if a.dep_ == "agent" for p in a.children]
    return [p for p in out if p.dep_ == "pobj"]


# texts a body adopts besides those that report what someone said ('a resolution calls on', 'the draft demands')
_ADOPTED_TEXTS = frozenset({"resolution", "declaration", "draft", "decree", "motion", "petition", "communiqué"})


def texts(nouns, source_nouns: frozenset[str]) -> list:
    """The nouns that name a text, whose authors act through it ('the statement condemned', 'a resolution calls
    on'): a source noun of the cue lexicon (``source_nouns``) or a text a body adopts."""
    return [n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in source_nouns | _ADOPTED_TEXTS]


def authors(text) -> list:
    """Whom a participle on a text names as its author: 'the resolution, drafted by France,', 'a letter signed by'."""
    by = [a for v in text.children if v.dep_ == "acl" and v.tag_ == "VBN" for a in v.children]
    return [p for a in by if a.dep_ == "agent" or a.lower_ == "by" for p in a.children if p.dep_ == "pobj"]


def participle_on(noun, participle) -> bool:
    """Whether ``participle`` is a present participle with no subject of its own that modifies ``noun`` ('a Security
    Council resolution demanding a truce', 'Russian strikes targeting the grid'): what the noun names, or its
    author or owner, does the act, not the subject of the clause the noun is in."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBG"
        and participle.head.i == noun.i
        and noun.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children)
    )


def credited(noun) -> list | None:
    """The objects of a verb that blames, thanks or punishes someone for the act a noun names ('blamed Kyiv for
    the attack', 'thanked Japan for the aid', 'sanctioned Iran over the strikes'), or whom the act is blamed on
    ('blamed the attack on Kyiv', 'the strike, which it blamed on Kyiv'): who did the act; else None."""
    blamed = blamed_on(noun)
    if blamed:
        return blamed
    if noun.dep_ != "pobj" or noun.head.lower_ not in _CREDIT_PREPS or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CREDITING_VERBS:
        return None
    return [c for c in verb.children if c.dep_ == "dobj"] or None


def blamed_on(noun) -> list:
    """Whom the act a noun names is blamed on: 'blamed the attack on Kyiv' (spaCy may hang 'on Kyiv' on the
    noun), 'the strike, which it blamed on Kyiv'; [] otherwise."""
    blaming = [noun.head] if noun.dep_ == "dobj" else []
    blaming += [r for r in noun.children if r.dep_ == "relcl" and any(c.dep_ == "dobj" for c in r.children)]
    blaming = [v for v in blaming if v.lemma_.lower() in ("blame", "pin")]
    preps = [c for v in blaming for c in v.children if c.dep_ == "prep" and c.lower_ == "on"]
    if not preps and blaming and noun.dep_ == "dobj":
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"]
    return [p for c in preps for p in c.children if p.dep_ == "pobj"]


def addressees(node, came_from) -> list:
    """Who an appeal, a call or an invitation is addressed to, when ``came_from`` is the infinitive it asks for:
    'an appeal to X to cease', 'our call on X to release', 'sent a request to X to deliver' (the parser hangs the
    infinitive on the noun or on its verb); [] when none is named."""
    if came_from is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in came_from.children):
        return []
    if node.pos_ == "NOUN" and came_from.dep_ == "acl":
        asks = [node] if node.lemma_.lower() in _REQUEST_NOUNS else []
    elif node.pos_ == "VERB" and came_from.dep_ in ("advcl", "xcomp"):
        asks = [o for o in node.children if o.dep_ == "dobj" and o.lemma_.lower() in _REQUEST_NOUNS]
        asks += [node] if asks else []  # "sent a request to X to deliver": 'to X' may hang on the verb
    else:
        return []
    whom = [c for a in asks for c in a.children if c.dep_ in ("prep", "dative") and c.lower_ in _ADDRESS_PREPS]
    return [p for c in whom for p in c.children if p.dep_ == "pobj"]


def departure(noun) -> bool:
    """'the withdrawal of X from Y': a noun of leaving a place."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _DEPARTURES


def bare_definite(noun) -> bool:
    """'the attack': a noun with only the definite article, which takes up an act told before ('these attacks',
    'that pledge' restate an act, which news gold does not count again)."""
    if noun.pos_ != "NOUN":
        return False
    mods = [c for c in noun.children if c.i < noun.i]
    return len(mods) == 1 and mods[0].dep_ == "det" and mods[0].lower_ == "the"


def same_act_word(earlier, noun) -> bool:
    """Whether an earlier word names the act of the same word as ``noun``: 'attacked' / 'the attack', 'shelled' /
    'the shelling', 'a strike' / 'the strike' (not 'invaded' / 'the war': another word may be another act)."""
    a, b = earlier.lemma_.lower(), noun.lemma_.lower()
    return a == b or (len(a) >= 4 and b.startswith(a))


def charged(charge) -> list:
    """Who a charge is against: the object of the verb it is the ground of ('arrested X on charges of ...'), or
    whom the warrant or case that verb names is for ('issued a warrant for X on charges of ...'); else no one."""
    verb = charge.head.head if charge.dep_ == "pobj" and charge.head.lower_ in ("on", "over", "for") else None
    if verb is None or verb.pos_ != "VERB":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    whom = [
        p
        for o in objects
        for c in o.children
        if c.dep_ == "prep" and c.lower_ in ("for", "against")
        for p in c.children
    ]
    return [p for p in whom if p.dep_ == "pobj"] or [o for o in objects if o.lemma_.lower() not in _CASE_NOUNS]


def adjunct(node) -> bool:
    """'announced his escalation since invading Ukraine', 'said after meeting X': a gerund in a phrase of time or
    manner on a verb of saying is the speaker's own act, not the content of the speech."""
    return node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS and any(c.dep_ == "pcomp" for c in node.children)


def infinitive_clause(verb) -> bool:
    """'efforts to secure the release', 'works to secure a ceasefire': a to-infinitive with no subject of its own,
    whose doer is the controller's (found as for any event verb)."""
    return verb.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# words that rank the one a predicate noun describes among those who did an act: 'the first leader to visit'
_RANKS = frozenset({"first", "second", "third", "last", "only", "latest"})
_BECOMING = frozenset({"be", "become", "remain"})


def infinitive_host(node) -> bool:
    """Whether the doer of an infinitive below ``node`` is sought above it: a relative clause that is an
    infinitive, or a predicate noun that ranks its subject (:func:`ranked_predicate`)."""
    if node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return True
    return ranked_predicate(node)


def ranked_predicate(noun) -> bool:
    """'Macron became the first leader to visit Kyiv', 'Japan is the only country to send tanks': a predicate noun
    that ranks its subject among those who did the act of its infinitive; the subject did it."""
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in _BECOMING:
        return False
    return any(c.dep_ == "amod" and c.lower_ in _RANKS for c in noun.children)
