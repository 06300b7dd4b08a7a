"""Office holders the dictionaries know, on the article's date: "Arpad Goncz" in a 1995 article serves
Hungary's government. The person carries that country (``Entity.country``) and the record states the office as
``affiliated_with`` (the dictionaries do not tell a head from a minister; a title in the text does), when the dates of a derived
office (``offices.phoenix.tsv``) cover the article's date and the country is named in the article: an undated
article, or an office outside the dictionary's dates (nothing after 2015), gives nothing.
"""

from __future__ import annotations

import dataclasses

from kg.extract import ties
from kg.extract.lexicons import Office

__all__ = ["OfficeIndex"]

_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


class OfficeIndex:
    """Offices by office holder's name."""

    def __init__(self, offices: tuple[Office, ...]):
        self._by_name: dict[str, list[Office]] = {}
        for o in offices:
            self._by_name.setdefault(o.name, []).append(o)
        # the last day the dictionaries know anything about: an office still open then may have ended since
        self.horizon = max((d for o in offices for d in (o.start, o.end) if d), default=None)

    def held(self, name: str, day: str | None) -> list[Office]:
        """The state offices (not the dictionary's ELI 'elite' or opposition roles) ``name`` held on ``day``; an
        office left open counts only up to the dictionaries' horizon (a 2013 defence minister is not one in 2022)."""
        return [
            o
            for o in self._by_name.get(name, ())
            if o.sector in _STATE_SECTORS and o.covers(day) and (o.end or not day or self._known(day))
        ]

    def _known(self, day: str) -> bool:
        return self.horizon is not None and day[:10] <= self.horizon

    def apply(self, ctx, date: str | None) -> list:
        """Set each office holder's country and return the office relations (the table is updated in place)."""
        if not date or not self._by_name:
            return []
        table = ctx.table
        states = table.country_ids()
        found = []
        for i, e in enumerate(table.entities):
            if e.type != "Person":
                continue
            for office in self.held(e.name, date):
                country = states.get(office.country)
                if country is None:
                    continue
                if table.entities[i].country is None:
                    table.entities[i] = dataclasses.replace(table.entities[i], country=country)
                mention = next((m for m in table.mentions if table.by_token.get(m.head) == e.id), None)
                if mention is None:
                    continue
                tokens = list(ctx.doc[mention.start : mention.end])
                # the dictionaries' GOV sector holds ministers and heads alike: serving the state is all they say
                found.append(ties.relation(ctx, "affiliated_with", e.id, country, tokens, confidence=0.6))
        return found
