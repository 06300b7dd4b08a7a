"""What a few words that name no one by themselves stand for: a relative pronoun whose clause the parser hung on
the wrong noun ('the contender for the nomination, who ...') and a state's 'side' ('the Israeli side'). Each rule
takes the resolver's callbacks, so that it stays a function of the parse."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["relative", "state_side"]

_CLIMB = ("pobj", "prep", "appos")


def relative(tok, resolve: Callable, type_of: Callable) -> list[str]:
    """What a relative pronoun stands for: its clause's noun, or the noun that one is in apposition to ('Mary
    Smith, the senator from Ohio, who said'). 'who' is a person: where the parser hung the clause on a noun that
    is none ('the leading contender for the nomination, who has opposed'), the person the phrase belongs to."""
    antecedent = tok.head.head
    found = resolve(antecedent)
    if not found and antecedent.dep_ == "appos":
        found = resolve(antecedent.head)
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


def state_side(tok, resolve_modifier: Callable, type_of: Callable) -> list[str]:
    """'the Israeli side affirmed', 'talks with the Ukrainian side': in diplomacy a state's side is the state."""
    if tok.lemma_.lower() != "side" or tok.tag_ != "NN":
        return []
    ids = [e for c in tok.children if c.dep_ in ("amod", "compound") for e in resolve_modifier(c)]
    return [e for e in ids if type_of(e) == "Country"][:1]
