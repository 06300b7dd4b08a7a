"""Finding gazetteer actors in a Doc: names and aliases, demonyms, capitals standing for states."""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher

from kg.extract import words
from kg.extract.lexicons import GazetteerEntry


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


class Gazetteer:
    """The gazetteer compiled for one spaCy vocabulary."""

    def __init__(self, nlp, entries: tuple[GazetteerEntry, ...]):
        self.entries = {e.name: e for e in entries}
        self._by_alias: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, GazetteerEntry] = {}
        for e in entries:
            for alias in (e.name, *e.aliases):
                self._by_alias.setdefault(alias, []).append(e)
            for d in e.demonyms:
                self._demonyms.setdefault(d.lower(), e)
        self._by_norm = {_norm(a): es for a, es in self._by_alias.items()}
        self._by_qid = {e.wikidata: e for e in entries if e.wikidata}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for alias in self._by_alias:
            self.matcher.add(alias, [nlp.make_doc(alias)])

    def key_for(self, name: str) -> str | None:
        entries = self._by_norm.get(_norm(name))
        return f"gz:{_prefer_state(entries).name}" if entries else None

    def entry_for(self, key: str | None) -> GazetteerEntry | None:
        if key and key.startswith("gz:"):
            return self.entries.get(key[3:])
        return None

    def by_qid(self, qid: str | None) -> GazetteerEntry | None:
        return self._by_qid.get(qid) if qid else None

    def demonym(self, text: str) -> GazetteerEntry | None:
        return self._demonyms.get(text.lower().rstrip("-"))

    def countries_in(self, span) -> set[str]:
        """Names of the states a span names or implies ("US official", "White House official")."""
        found = set()
        for t in span:
            entry = self.demonym(t.text)
            if entry is not None:
                found.add(entry.name)
        for match_id, _start, _end in self.matcher(span.as_doc()):
            for e in self._by_alias[span.doc.vocab.strings[match_id]]:
                found.add(e.name if e.type == "Country" else e.country or e.name)
        return {f for f in found if f}

    def mentions(self, doc):
        from kg.extract.entities import Mention

        for match_id, start, end in self.matcher(doc):
            alias = doc.vocab.strings[match_id]
            entry = self._choose(self._by_alias[alias], doc[start:end])
            span = doc[start:end]
            yield Mention(start, end, entry.type, f"gz:{entry.name}", entry.name, span.root.i, "gazetteer", entry)

    def _choose(self, entries: list[GazetteerEntry], span) -> GazetteerEntry:
        """A capital is its state when it acts or owns ("Moscow says", "Moscow's"), a place after 'in'."""
        if len(entries) == 1:
            return entries[0]
        root = span.root
        locative = root.dep_ == "pobj" and root.head.lower_ in words.LOCATIVE_PREPS
        places = [e for e in entries if e.type == "Place"]
        if locative and places:
            return places[0]
        return _prefer_state(entries)


def _prefer_state(entries: list[GazetteerEntry]) -> GazetteerEntry:
    return next((e for e in entries if e.type == "Country"), entries[0])
