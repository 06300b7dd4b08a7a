"""Weapons whose deployment is their use: 'accused Russia of deploying chemical weapons in Ukraine' tells an attack
with weapons of mass destruction (PLOVER ASSAULT, mode unconventional; CAMEO 2041 'use chemical, biological, or
radiological weapons'), not forces readied (MOBILIZE): such weapons are not stationed in the news, they are used.
'Deploy nuclear missiles to Belarus' (stationing) stays MOBILIZE."""

from __future__ import annotations

import dataclasses

from kg.extract.lexicons import Trigger

__all__ = ["retyped"]

_DEPLOYING = frozenset({"deploy", "deployment"})
# the kinds of weapon whose deployment in a war is their use; nuclear arms are stationed, and so left out
_USED_KINDS = frozenset({"chemical", "biological", "radiological", "toxic"})


def retyped(tok, entry: Trigger) -> Trigger:
    """The row ``entry`` as the trigger ``tok`` uses it: deploying chemical or biological weapons is their use."""
    if entry.type != "MOBILIZE" or tok.lemma_.lower() not in _DEPLOYING:
        return entry
    weapons = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
    weapons += [p for c in weapons if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if not any(m.lower_ in _USED_KINDS for w in weapons for m in w.children if m.dep_ in ("amod", "compound")):
        return entry
    return dataclasses.replace(entry, type="ASSAULT", mode="unconventional", note="weapons of mass harm deployed: used")
