"""Anaphors whose antecedent the sentence itself states: 'if Russia wins, it could invade Poland' (the subject of
a clause the pronoun's clause leans on), and 'her country' / 'his government' (the state of the person the
pronoun stands for). Each rule reads only the parse and the resolver's callbacks; where the antecedent is not
plain it gives nothing: an empty actor is better than a guessed one."""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = [
    "claimant",
    "clause_antecedent",
    "nearest_subject",
    "part_of_group",
    "polity_of_person",
    "reporting_verb",
    "speech_subjects",
    "title_words",
]

# clauses a subordinate clause may lean on while keeping its subject in view ('if A won, it ...', 'A signed
# the deal and it ...', 'the areas they invaded'); a reported clause ('ccomp') speaks of others
_LEANS = frozenset({"advcl", "conj", "relcl", "xcomp", "dobj", "pobj", "prep", "pcomp", "acl"})
_SINGULAR_KINDS = frozenset({"Country", "Organization"})
_PLURAL_KINDS = frozenset({"Country", "Organization", "Group"})
_POLITY_NOUNS = frozenset({"country", "nation", "government", "administration"})
_PERSON_POSSESSIVES = frozenset({"his", "her"})


def clause_antecedent(pronoun, resolve: Callable, type_of: Callable) -> list[str] | None:
    """What a subject 'it' or 'they' stands for when an earlier clause of its own sentence names a state or body
    as its subject: the subject of a subordinate clause before it ('if Russia won the war, it could invade
    Poland'), or of a clause it is coordinated with or subordinate to ('Russian forces must leave the areas
    they invaded'). 'it' takes a singular state or body, 'they' a plural one or a coordination. Where the
    pronoun's clause follows a clause with an object ('Ukraine shot down a drone after it attacked'), subject
    and object are both in view: None, and nothing may be guessed then, not even from sentences before (pass
    the answer on to :func:`nearest_subject`)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in ("it", "they"):
        return []
    plural = pronoun.lower_ == "they"
    node, below = pronoun.head, None
    for _ in range(6):
        earlier = [
            c for c in node.children if c.dep_ == "advcl" and c.i < pronoun.i and (below is None or c.i != below.i)
        ]
        candidates = [s for c in earlier for s in _subjects(c)]
        if below is not None and node.pos_ in ("VERB", "AUX"):
            if below.dep_ == "advcl" and below.i > node.i and any(c.dep_ == "dobj" for c in node.children):
                return None
            if any(_many(o) == plural for o in _other_parties(node, below)):
                return None  # "A sent a reminder to B that it must ...": the one addressed is as near as A
            candidates += _subjects(node)
        for subject in sorted(candidates, key=lambda t: -t.i):
            found = _fitting(subject, plural, resolve, type_of)
            if found:
                return found
        if node.dep_ not in _LEANS or node.head.i == node.i:
            return []
        node, below = node.head, node
    return []


def claimant(pronoun, nouns: frozenset[str], resolve: Callable, type_of: Callable) -> list[str]:
    """'Serbia's claim that it was pulling its troops back', 'the assertion by Iran that it has no such plans': a
    subject 'it' or 'they' of what a noun of saying (one of ``nouns``) tells is the noun's owner, when number and
    kind fit; [] where the noun has no owner or the pronoun is no such subject."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in ("it", "they") or clause.dep_ != "acl":
        return []
    noun = clause.head
    if noun.lemma_.lower() not in nouns:
        return []
    by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"] + by
    return [e for o in owners[:1] for e in _fitting(o, pronoun.lower_ == "they", resolve, type_of)]


def _other_parties(verb, below) -> list:
    """The objects a verb and the argument on the pronoun's path name besides that path: 'to Slovakia' in 'sent
    a reminder to Slovakia that it must ...'."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "dative", "prep") and c.i != below.i]
    heads += [c for c in below.children if c.dep_ == "prep"] if below.pos_ in ("NOUN", "PROPN") else []
    found = [p for h in heads for p in ([h] if h.dep_ == "dobj" else h.children) if p.dep_ in ("dobj", "pobj")]
    return [p for p in found if p.pos_ in ("NOUN", "PROPN")]


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]


def _many(noun) -> bool:
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def _fitting(subject, plural: bool, resolve: Callable, type_of: Callable) -> list[str]:
    """The entities of ``subject`` when their number and kind fit the pronoun, else []."""
    if _many(subject) != plural:
        return []
    ids = list(resolve(subject))
    for c in subject.children:
        if c.dep_ == "conj":
            ids += [i for i in resolve(c) if i not in ids]
    kinds = _PLURAL_KINDS if plural else _SINGULAR_KINDS
    return ids if ids and all(type_of(i) in kinds for i in ids) else []


def polity_of_person(noun, resolve: Callable, type_of: Callable, states_of: Callable[[str], list[str]]) -> list[str]:
    """'her country intends to continue its aid', 'his government rejected': the state of the person the
    possessive stands for, as a title names it ('French Foreign Minister Catherine Colonna'); else nothing."""
    if noun.lemma_.lower() not in _POLITY_NOUNS or noun.tag_ != "NN":
        return []
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in _PERSON_POSSESSIVES]
    if not owners or any(c.dep_ in ("amod", "compound") for c in noun.children):
        return []  # 'his new government' may be one he formed, 'his home country' one he left: only the plain word
    people = [e for e in resolve(owners[0]) if type_of(e) == "Person"]
    states = states_of(people[0]) if len(people) == 1 else []
    return states if len(states) == 1 else []


def title_words(head) -> Iterable:
    """The words of a person's title around a mention's head: 'French Foreign Minister Catherine Colonna',
    'Colonna, France's foreign minister,', 'France's foreign minister, Catherine Colonna,'."""
    yield from (t for t in head.subtree if t.i < head.i)
    for c in head.children:
        if c.dep_ == "appos":
            yield from c.subtree
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":  # "the UK foreign secretary, Liz Truss,": the title before
        yield from (t for t in head.head.subtree if t.i <= head.head.i)


def speech_subjects(speech) -> list:
    """Who says what a verb of saying reports: its subject, else, for a participle with none ('Poland condemned
    the strike, saying it would ...'), the subject of the clause it hangs on."""
    own = [c for c in speech.children if c.dep_ == "nsubj"]
    if own or speech.dep_ not in ("advcl", "conj") or (speech.dep_ == "advcl" and speech.tag_ != "VBG"):
        return own
    if any(c.dep_ in ("mark", "nsubjpass") for c in speech.children):
        return []  # "while being asked ...": a clause of its own
    return [c for c in speech.head.children if c.dep_ == "nsubj"]


def reporting_verb(pronoun):
    """The verb of saying whose reported clause holds the pronoun's clause as a subordinate or coordinate one ('said
    that if it were attacked, it would ...'): None when a clause of its own subject lies between."""
    node = pronoun.head
    for _ in range(3):
        if node.dep_ not in ("advcl", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if _subjects(node) or any(c.dep_ in ("dobj", "dative") for c in node.children):
            return None  # "said Russia would attack Latvia if it were provoked": others are in view
        if node.dep_ == "ccomp":
            return node.head
    return None


_PARTS = frozenset({"some", "many", "most", "several"})


def part_of_group(word, entity_at: Callable, type_of: Callable) -> list[str]:
    """'Many Serbs back Russia, with some going to fight': a bare 'some', 'many' or 'most' as a subject is part of
    the last group of people its sentence named before it (and acts for it); none named: nothing."""
    if word.lower_ not in _PARTS or word.dep_ not in ("nsubj", "nsubjpass") or any(True for _ in word.children):
        return []
    for i in range(word.i - 1, word.sent.start - 1, -1):
        eid = entity_at(i)
        if eid is not None and type_of(eid) == "Group" and word.doc[i].tag_ in ("NNS", "NNPS"):
            return [eid]
    return []


# verbs whose subject 'it' is mostly empty: 'it is important to', 'it seems that', 'it takes time'
_EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "become", "remain", "happen", "matter", "take", "make", "mean"})


def nearest_subject(pronoun, resolve: Callable, type_of: Callable, in_clause: list[str] | None) -> list[str]:
    """'Beijing says it wants peace while it threatens war', 'Turkey condemned the raid. Diplomats said it had also
    closed the border': a subject 'it' that no clause around it explains takes up the nearest singular subject
    before it, in its sentence or the one before in the same paragraph, when that subject is a state or body
    (people, who are no 'it', are passed over): subjects are in focus more than objects. A nearer subject that is
    no state or body ('the proposal') may be what 'it' takes up, and a state or body named nearer as an object
    ('sent a reminder to Slovakia that it must') is as near: nothing then. Not the empty 'it' of 'it is important to', 'it seems that'.
    ``in_clause``: :func:`clause_antecedent`'s answer for the pronoun (None: nothing may be guessed)."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = pronoun.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _EMPTY_IT_VERBS:
        return []
    if in_clause is None:
        return []  # 'Estonia shot down a drone after it attacked': the drone is as near
    doc, sent = pronoun.doc, pronoun.sent
    start = sent.start
    if start > 0:
        before = doc[start - 1].sent
        if not any(t.is_space and "\n" in t.text for t in doc[before.start : start]):  # a paragraph ends there
            start = before.start
    for i in range(pronoun.i - 1, start - 1, -1):
        subject = doc[i]
        if subject.dep_ in ("dobj", "dative", "pobj") and subject.pos_ in ("PROPN", "NOUN"):
            if any(type_of(e) in _SINGULAR_KINDS for e in resolve(subject)):
                return []  # 'Austria sent a reminder to Slovakia that it must ...': whom it named is as near
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.tag_ in ("NNS", "NNPS"):
            continue
        if subject.head.dep_ in ("relcl", "acl"):
            continue  # 'the funding that Congress appropriated': a clause on a noun, out of focus
        if subject.pos_ == "PRON" and subject.lower_ != "it":
            continue  # 'he', 'we', 'who': someone else
        found = list(resolve(subject))
        kinds = {type_of(e) for e in found}
        if found and kinds <= {"Person"}:
            continue
        return found if len(found) == 1 and kinds <= _SINGULAR_KINDS else []
    return []
