"""An act told twice in one clause is one event: 'the attacks that killed 1,000 people' (a relative clause
telling the act's result), 'arrested, convicted them and sentenced them' (the same act continued by the same
doers on the same people), 'killed and wounded dozens' (one attack's harms), 'invited X to visit' (the visit is
what the invitation offers), 'threatened to invade X', 'threats to use nuclear weapons' (the threatened act is the
threat's content, PLOVER's THREATEN mode: it is not told to happen), 'condemned X, noting that its rhetoric is
abhorrent' (a judgment restating the accusation), 'its invasion and continuing war against Ukraine' (one attack
named twice)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.extract import nominal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.graph.records import Event

__all__ = ["known_doers", "once"]

# stances and speech acts: each is about its own object
_SAID = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "AGREE", "CONSULT", "THREATEN", "CONCEDE"})
_INVITED = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # what an invitation offers: a visit, talks, joining
_THREAT_WORDS = frozenset({"threaten", "threat"})
# acts whose later mention by a noun ('the invasion of Ukraine') is the act the article already told with its doer
_TOLD_AGAIN = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})


def once(pairs) -> list[tuple[Token, Event]]:
    """``pairs`` ((trigger token, event)) with each act told twice kept once, the first telling taking what the
    second adds of whom, where and how much."""
    at: dict[int, list[int]] = {}
    for n, (tok, _event) in enumerate(pairs):
        at.setdefault(tok.i, []).append(n)
    out = list(pairs)
    dropped: set[int] = set()
    for n, (tok, event) in enumerate(pairs):
        m = _told_before(tok, event, pairs, at)
        if m is None or m in dropped:
            continue
        word, first = out[m]
        out[m] = (word, _joined(first, event))
        dropped.add(n)
    return [p for n, p in enumerate(out) if n not in dropped]


def _told_before(tok, event: Event, pairs, at) -> int | None:
    """The index of the pair that tells ``event``'s act already, or None."""
    head = tok.head
    if event.type == "ACCUSE" and tok.pos_ != "VERB":
        return _judged_again(tok, event, pairs, at)
    if event.type == "ASSAULT" and tok.pos_ == "NOUN" and tok.dep_ == "conj":
        # "its invasion and continuing war against Ukraine", "the war of choice and attacks on Ukraine": one attack
        # named twice in one phrase
        return next((m for m in at.get(head.i, ()) if pairs[m][1].type == event.type), None)
    if tok.pos_ != "VERB" or head.i == tok.i:
        return None
    for m in at.get(head.i, ()):
        other = pairs[m][1]
        if tok.dep_ == "relcl" and head.pos_ == "NOUN" and other.type == event.type:
            return m  # "attacks that killed over 1,000 Israelis"
        if tok.dep_ == "conj" and other.type == event.type and _continues(tok, event, other):
            return m  # "convicted them ... and sentenced them"
        if tok.dep_ == "xcomp" and head.lemma_.lower() == "invite" and event.type in _INVITED:
            return m  # "invited the governor to visit"
        if tok.dep_ in ("xcomp", "acl") and head.lemma_.lower() in _THREAT_WORDS and other.type == "THREATEN":
            return m  # "threatened to invade Latvia", "threats to use nuclear weapons": the threat, to whom
    return None


def _judged_again(tok, event: Event, pairs, at) -> int | None:
    """'condemned Hamas, noting that its rhetoric is abhorrent': a judgment told in the clause of an accusation by
    the same judge restates it."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        for m in at.get(node.i, ()):
            other = pairs[m][1]
            if other.type == "ACCUSE" and set(other.actors) == set(event.actors):
                return m
    return None


def _continues(tok, event: Event, first: Event) -> bool:
    """A conjoined verb with no subject of its own, by the same doers on the same people ("convicted them and
    sentenced them") and nowhere new; a stance or speech act is about its object, and conjoined ones about
    different objects are different acts ("endorsed the plan and welcomed the donations")."""
    if event.type in _SAID or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if set(event.actors) != set(first.actors):
        return False
    if event.type == "ASSAULT":
        return _one_attack(tok, event, first)
    if not set(event.locations) <= set(first.locations):
        return False
    if event.recipients:
        return set(event.recipients) == set(first.recipients)
    objects = {c.lower_ for c in tok.children if c.dep_ == "dobj"}
    return bool(objects) and objects <= {c.lower_ for c in tok.head.children if c.dep_ == "dobj"}


def _one_attack(verb, event: Event, first: Event) -> bool:
    """'killed and wounded dozens of soldiers', 'captured, harmed or killed citizens', 'killed and wounded in
    action': the harms of one attack by the same doers, whose shared target (or place) one conjunct carries alone;
    'shelled X and bombed Y' (each verb with its own target) are two attacks."""
    if any(c.dep_ == "dobj" for c in verb.children) and any(c.dep_ == "dobj" for c in verb.head.children):
        return False
    places = not event.locations or not first.locations or set(event.locations) == set(first.locations)
    targets = not event.recipients or not first.recipients or set(event.recipients) == set(first.recipients)
    return places and targets


def _joined(first: Event, second: Event) -> Event:
    recipients = tuple(r for r in dict.fromkeys((*first.recipients, *second.recipients)) if r not in first.actors)
    return dataclasses.replace(
        first,
        recipients=recipients,
        locations=tuple(dict.fromkeys((*first.locations, *second.locations))),
        quantity=first.quantity or second.quantity,
        explain=(*first.explain, f"told again: {second.type} '{second.trigger.text}', one act"),
    )


def known_doers(pairs) -> list[tuple[Token, Event]]:
    """``pairs`` with a doerless act noun that names an act the article told before ("Russia invaded Ukraine ...
    during the invasion of Ukraine", "Russia's war against Ukraine ... the war against Ukraine") taking that
    act's doers: same type, same target, the earlier telling naming who did it. Only nouns with no owner of
    their own and no determiner other than 'the': "an invasion of Poland" is a new one; verbs keep the doer
    their clause states or none. So does an act foreseen to happen with no party of its own ("Russia massed troops
    ... an invasion could start at any moment")."""
    out = []
    for n, (tok, event) in enumerate(pairs):
        told_again = event.recipients and _definite_noun(tok) or not event.recipients and _foreseen(tok, event)
        if event.actors or event.type not in _TOLD_AGAIN or not told_again:
            out.append((tok, event))
            continue
        earlier = next(
            (
                e
                for _, e in reversed(pairs[:n])
                if e.type == event.type and e.actors and set(event.recipients) <= set(e.recipients)
            ),
            None,
        )
        if earlier is None:
            out.append((tok, event))
            continue
        why = f"the act told before ('{earlier.trigger.text}'): its doers"
        actors = tuple(a for a in earlier.actors if a not in event.recipients)
        out.append((tok, dataclasses.replace(event, actors=actors, explain=(*event.explain, why))))
    return out


def _foreseen(tok, event: Event) -> bool:
    """'an invasion could start at any moment', 'an attack may happen soon': an act foreseen to happen, with no
    party of its own, is the one the article's doers are said to prepare (its doers told before)."""
    return tok.pos_ == "NOUN" and event.modality in ("possible", "planned") and nominal.happening_verb(tok) is not None


def _definite_noun(tok) -> bool:
    if tok.pos_ != "NOUN":
        return False
    kids = [c for c in tok.children if c.dep_ in ("det", "poss", "compound", "amod", "nmod")]
    return all(c.dep_ == "det" and c.lower_ == "the" for c in kids if c.dep_ in ("det", "poss"))
