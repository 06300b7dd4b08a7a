"""What a few words that name no one by themselves stand for: a relative pronoun whose clause the parser hung on
the wrong noun ('the contender for the nomination, who ...') or that opens the clause of a cleft ('it was Ruritania
that closed the border'), and a state's 'side' ('the Israeli side'). Each rule
takes the resolver's callbacks, so that it stays a function of the parse."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["cleft_focus", "listed", "relative", "state_side"]

_CLIMB = ("pobj", "prep", "appos")
_LIST_MARKS = frozenset({":", "-", "–", "—"})


def relative(tok, resolve: Callable, type_of: Callable) -> list[str]:
    """What a relative pronoun stands for: its clause's noun, or the noun that one is in apposition to ('Mary
    Smith, the senator from Ohio, who said'). 'who' is a person: where the parser hung the clause on a noun that
    is none ('the leading contender for the nomination, who has opposed'), the person the phrase belongs to."""
    antecedent = tok.head.head
    found = resolve(antecedent)
    if not found and antecedent.dep_ == "appos":
        found = resolve(antecedent.head)
    if not found:  # "Hamas is a group that attacked Israel", "described Hamas as a group that ...": Hamas
        found = [e for t in _described(antecedent) for e in resolve(t)]
    if found or tok.lower_ != "who":
        return found
    node = antecedent
    for _ in range(4):
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            break
        node = node.head
        people = [e for e in resolve(node) if type_of(e) == "Person"]
        if people:
            return people
    return []


def cleft_focus(tok) -> list:
    """The focus of a cleft whose clause a relative pronoun opens: 'it was Ruritania who closed the border' (spaCy
    makes the clause a complement of 'was'), 'it is Ruritania that has attacked': [Ruritania]; else []."""
    verb = tok.head
    be = verb.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" or be.lemma_ != "be" or be.i > tok.i:
        return []
    expletive = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)
    return [c for c in be.children if c.dep_ == "attr" and c.i < tok.i] if expletive else []


def listed(tok) -> list:
    """The names a plural or counted word is given by a list in apposition: 'two states, Ruritania and Freedonia,
    voted against', 'four states sided with X: A, B, C and D', 'only three chose to abstain - A, B and C' (spaCy
    may hang a list after a colon or a dash on the verb); [] when none follows. Each item, in text order."""
    if tok.tag_ not in ("NNS", "NNPS", "CD"):
        return []
    heads = [c for c in tok.children if c.dep_ == "appos"]
    if not heads and tok.dep_ in ("nsubj", "nsubjpass"):  # the list after a colon or a dash that ends the clause
        heads = [
            c
            for c in tok.head.children
            if c.dep_ in ("appos", "npadvmod") and c.i > tok.i and c.i > 0 and tok.doc[c.i - 1].text in _LIST_MARKS
        ]
    # the items, however spaCy chained them ('Belarus, the Republic of Korea, Nicaragua': a conj under 'Korea')
    return [t for h in heads[:1] for t in h.subtree if t is h or t.dep_ in ("conj", "appos")]


def _described(noun) -> list:
    """What a predicate noun describes: the subject of 'is' ('X is a group'), the object a verb calls or designates
    as it ('called X a group', 'designated X as a group'), the subject of such a passive ('X was listed as a group')."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
    elif noun.dep_ == "attr" and verb.lemma_ == "be":
        # not "he is the one who ...": a cleft on a pronoun, whose 'one' is someone else
        return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    elif noun.dep_ != "oprd":
        return []
    if verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def state_side(tok, resolve_modifier: Callable, type_of: Callable) -> list[str]:
    """'the Israeli side affirmed', 'talks with the Ukrainian side': in diplomacy a state's side is the state; so is
    a state's nation as a whole ('the Polish nation has stood firm', 'the nation of Belarus does not support')."""
    lemma = tok.lemma_.lower()
    if lemma not in ("side", "nation") or tok.tag_ != "NN":
        return []
    named = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if lemma == "nation":  # 'the nation of Belarus': the state the 'of' phrase names
        named += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    ids = [e for c in named for e in resolve_modifier(c)]
    return [e for e in ids if type_of(e) == "Country"][:1]


def name_after_title(tok) -> list:
    """'met with Director of National Security Park Jisoo': a capitalised title whose 'of' phrase the parser ended
    in the holder's name (the name's head tagged a person); the name's head, else nothing."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
        return []
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return [p for p in of[:1] if p.pos_ == "PROPN" and p.ent_type_ == "PERSON"]
