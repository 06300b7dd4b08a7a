"""Definite descriptions that take up a state or body named before them: 'the country', 'the group', 'the
alliance', 'the bloc' (the resolver ranks the antecedents: :meth:`kg.extract.resolver.Resolver.the_country`).
A description's kind is an entity type and, for bodies, the sectors that fit its noun: an alliance or a bloc is
an intergovernmental body (NATO, the EU), never a militia, and a group is no alliance nor a ministry."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KINDS", "Kind", "kind_of"]

_DETERMINERS = frozenset({"the", "this"})
# sectors of bodies that are no armed or political group of their own ('the group' is not NATO, nor a ministry)
_NOT_GROUPS = frozenset({"IGO", "GOV", "MED", "LEG", "JUD", "SPY", "COP", "MIL"})


@dataclass(frozen=True)
class Kind:
    """What a description may take up: an entity type, and the sectors a body must (or must not) have."""

    type: str
    sectors: frozenset[str] | None = None  # None: any
    not_sectors: frozenset[str] = frozenset()

    def fits(self, etype: str, sector: str | None = None) -> bool:
        if etype != self.type:
            return False
        if self.sectors is not None and sector not in self.sectors:
            return False
        return sector not in self.not_sectors


_COUNTRY = Kind("Country")
_GROUP = Kind("Organization", not_sectors=_NOT_GROUPS)
_BLOC = Kind("Organization", sectors=frozenset({"IGO"}))
KINDS = {
    "country": _COUNTRY,
    "nation": _COUNTRY,
    "group": _GROUP,
    "movement": _GROUP,
    "militia": _GROUP,
    "alliance": _BLOC,
    "bloc": _BLOC,
}


def kind_of(tok) -> Kind | None:
    """The kind a definite description stands for ('the alliance', 'this bloc'), or None: not one with other
    modifiers ('the Western alliance', 'the group of experts' name a body of their own)."""
    kind = KINDS.get(tok.lower_)
    if kind is None or tok.tag_ != "NN":
        return None
    children = [c for c in tok.children if c.dep_ != "case"]  # "the group's"
    if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ not in _DETERMINERS:
        return None
    return kind
