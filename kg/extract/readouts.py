"""Where the words of readouts and statements name talks and requests, and where only speech: 'spoke to
President X' is a call, 'spoke to reporters' is not; 'A and B spoke' are talks, 'A spoke' is a speech; 'a press
conference' is where someone speaks; 'stressed the need for X to act' asks X, 'the need for a framework' asks
no one."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import nominal
from kg.extract.lexicons import Trigger

__all__ = ["SPOKEN_TO", "carried", "journey_of_nobody", "mutual", "not_an_event", "speech_not_talks"]

SPOKEN_TO = ("prep", frozenset({"to"}))  # a row for talking to someone: a meeting only with a party
_PARTIES = ("Person", "Country", "Organization")
_TOLD = frozenset({"brief"})  # meeting verbs that are speech unless their partner is a party
_JOURNEYS = frozenset({"travel"})  # verbs of going that are a visit when a party goes
_HOSTING = frozenset({"welcome"})  # "welcome (X) to Washington": a guest received in a place, no speech
_MUTUAL = frozenset({"speak", "talk"})  # talks when two or more speak (no partner named)
_CHAT = frozenset({"converse", "chat"})  # "conversing with journalists": speech when the partner is the press
_TELL = frozenset({"tell", "say"})  # "told reporters", only to tell where the press was addressed
_PRESS = frozenset({"press", "media", "journalist", "reporter", "correspondent", "newsman", "newsmen"})


def mutual(entry: Trigger) -> bool:
    """A bare 'spoke' / 'talked' row: talks only with two speakers or more."""
    return entry.type == "CONSULT" and entry.lemma in _MUTUAL and not entry.requires


def carried(entry: Trigger) -> bool:
    """A row for a noun whose event the word it hangs on carries ('went on strike', 'stressed the need')."""
    return any(dep == "head" for dep, _ in entry.requires)


def not_an_event(tok, entry: Trigger) -> bool:
    """'said at a press conference', 'spoke with journalists'; 'stressed the need for a framework' (a need named,
    no one asked to act)."""
    if nominal.a_press_appearance(tok) or (entry.type == "CONSULT" and (_to_the_press(tok) or _told_in(tok))):
        return True
    if _courtesy_thanks(tok):
        return True
    return entry.type == "REQUEST" and tok.pos_ == "NOUN" and carried(entry) and not nominal.asks_an_act(tok)


def _courtesy_thanks(verb) -> bool:
    """'Thank you for having me.', 'So, Olaf, thank you very much.': thanks with no one saying them are a courtesy
    of speech, not a stance; 'I want to thank you for your leadership' and 'she thanked Japan' are stances."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "thank" or verb.dep_ not in ("ROOT", "parataxis"):
        return False
    # a transcript's turn label ('PRESIDENT ROE: Thank you') is no subject, though the parser may take it for one
    return not any(c.dep_ in ("nsubj", "nsubjpass") and not _labels_a_turn(c) for c in verb.children)


def _labels_a_turn(tok) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"


def _to_the_press(verb) -> bool:
    """'who spoke with journalists', 'talked to reporters': speaking to the press is speech, not talks."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MUTUAL | _TOLD | _TELL | _CHAT:
        return False
    partners = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for p in c.children]
    partners += [c for c in verb.children if c.dep_ in ("dobj", "dative")]  # "briefed reporters", "told reporters"
    return any(p.lemma_.lower() in _PRESS for p in partners)


def _told_in(noun) -> bool:
    """'the official told reporters during a phone call': the call is where the press was told, no talks."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    verb = noun.head.head
    return verb.pos_ == "VERB" and _to_the_press(verb)


def journey_of_nobody(entry: Trigger, actors: list[str], type_of: Callable) -> bool:
    """'Thousands of refugees travelled to the border': a journey is a visit only by a party, a person, state or
    body ('Burns travelled to Kyiv')."""
    return entry.type == "CONSULT" and entry.lemma in _JOURNEYS and not any(type_of(a) in _PARTIES for a in actors)


def speech_not_talks(entry: Trigger, actors: list[str], recipients: list[str], type_of: Callable) -> bool:
    """'Biden spoke about the economy', 'spoke to reporters / to the BBC', 'briefed journalists': speech."""
    if mutual(entry) and len(actors) < 2:
        return True
    told = entry.type == "CONSULT" and entry.lemma not in _JOURNEYS | _HOSTING  # 'travelled to Kyiv' goes to a place
    told = told and (SPOKEN_TO in entry.requires or entry.lemma in _TOLD)
    return told and not any(type_of(r) in _PARTIES for r in [*recipients, *actors[1:]])
