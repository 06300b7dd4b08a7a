"""Finding gazetteer actors in a Doc: names and aliases, demonyms, capitals standing for states."""

from __future__ import annotations

import dataclasses
import re

from spacy.matcher import PhraseMatcher

from kg.extract import words
from kg.extract.lexicons import GazetteerEntry

_WORDS = re.compile(r"'s|\w+|[^\w\s]")


def _split(form: str) -> list[str]:
    """A lower-cased name split as spaCy's tokenizer splits names ("people's" -> people, 's; "al-qaeda" ->
    al, -, qaeda).

    >>> _split("Sudan People's Liberation Army")
    ['sudan', 'people', "'s", 'liberation', 'army']
    """
    return _WORDS.findall(form.lower())


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


class Gazetteer:
    """The gazetteer compiled for one spaCy vocabulary: one PhraseMatcher pass finds every name.

    ``derived`` rows (from the Phoenix dictionaries) are an underlay: a derived row whose name the hand-made
    rows already use (in any case) is dropped, and so is a derived alias they use. Hand-made forms match
    as written (``US`` is not ``us``); derived names of several words match in any case ("the Revolutionary
    United Front", "REVOLUTIONARY UNITED FRONT"), derived one-word names as written or capitalised.
    """

    def __init__(self, nlp, entries: tuple[GazetteerEntry, ...], derived: tuple[GazetteerEntry, ...] = ()):
        self._by_alias: dict[str, list[GazetteerEntry]] = {}
        self._demonyms: dict[str, GazetteerEntry] = {}
        for e in entries:
            for alias in (e.name, *e.aliases):
                self._by_alias.setdefault(alias, []).append(e)
            for d in e.demonyms:
                self._demonyms.setdefault(d.lower(), e)
        # the words of a party's members ('republican', 'democrat'): the relation rules look them up by index
        self.party_words = frozenset(d for d, e in self._demonyms.items() if e.sector == "PTY")
        taken = {a.lower() for a in self._by_alias} | set(self._demonyms)
        states = {e.sector: e for e in entries if e.type == "Country" and e.sector}
        kept = []
        for e in derived:
            if e.type == "Country":  # a state's other spellings join the hand-made state of the same code
                if e.sector in states:
                    for form in e.aliases:
                        if form.lower() not in taken:
                            self._by_alias[form] = [states[e.sector]]
                            taken.add(form.lower())
                continue
            if e.name.lower() in taken:
                continue
            aliases = tuple(a for a in e.aliases if a.lower() not in taken)
            kept.append(e if aliases == e.aliases else dataclasses.replace(e, aliases=aliases))
        self.entries = {e.name: e for e in (*entries, *kept)}
        self.hand_made = frozenset(e.name for e in entries)  # kept current by hand; the derived rows stop in 2015
        # 'Vice President Harris': the hand-made persons by surname (those rows are current office holders)
        self._by_surname: dict[str, list[GazetteerEntry]] = {}
        for e in entries:
            if e.type == "Person" and len(e.name.split()) > 1:
                self._by_surname.setdefault(e.name.split()[-1].lower(), []).append(e)
        ci_forms: dict[str, list[GazetteerEntry]] = {}  # lower-cased multiword form -> entries
        for e in kept:
            for alias in (e.name, *e.aliases):
                if " " in alias:
                    ci_forms.setdefault(alias.lower(), []).append(e)
                else:
                    # "HAMAS" also as "Hamas"; a short acronym only as written ("ISA" is not "Isa")
                    variants = (alias, alias[:1].upper() + alias[1:].lower()) if len(alias) >= 5 else (alias,)
                    for form in dict.fromkeys(variants):
                        if form not in self._by_alias:
                            self._by_alias[form] = [e]
        # "Da’esh" as "Da'esh", "People’s Republic of China": news writes the typographic apostrophe where the
        # dictionaries write the plain one (a known name's possessive, "NATO's X", is matched as the text writes
        # it, like other possessives)
        for alias in [a for a in self._by_alias if "'" in a and not _known_owner(a, self._by_alias)]:
            self._by_alias.setdefault(alias.replace("'", "’"), self._by_alias[alias])
        # a name the NER found joins a derived entry by its normalised form only when that form is not a short
        # acronym ("Isa" the person is not ISA the party)
        hand_made = set(entries)
        self._by_norm = {
            _norm(a): es
            for a, es in (*self._by_alias.items(), *ci_forms.items())
            if len(a) >= 5 or any(e in hand_made for e in es)
        }
        self._ci_forms = ci_forms
        self._by_qid = {e.wikidata: e for e in entries if e.wikidata}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for alias, doc in zip(self._by_alias, nlp.tokenizer.pipe(list(self._by_alias)), strict=True):
            self.matcher.add(alias, [doc])
        # The 20,000 derived multiword forms are not tokenised by spaCy (that alone takes seconds, each new word
        # growing the vocabulary): they are split the way spaCy splits names and looked up by their first word,
        # so a Doc is matched in one pass over its tokens. They are looked up by their first two words (None for a
        # one-word form): a common first word ('international', 'john') begins hundreds of forms.
        self._ci_index: dict[str, dict[str | None, list[tuple[tuple[str, ...], str]]]] = {}
        for form in ci_forms:
            parts = tuple(_split(form))
            second = parts[1] if len(parts) > 1 else None
            self._ci_index.setdefault(parts[0], {}).setdefault(second, []).append((parts, form))
        for by_second in self._ci_index.values():
            for cands in by_second.values():
                cands.sort(key=lambda c: -len(c[0]))

    def _ci_candidates(self, lower: list[str], i: int) -> list[tuple[tuple[str, ...], str]]:
        """The derived multiword forms that may start at word ``i``, longest first."""
        by_second = self._ci_index.get(lower[i])
        if by_second is None:
            return []
        longer = by_second.get(lower[i + 1], []) if i + 1 < len(lower) else []
        return [*longer, *by_second.get(None, ())]

    def _matches(self, doc):
        """(alias, start, end) of every gazetteer name in ``doc``."""
        out = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        lower = [t.lower_ for t in doc]
        starts = [i for i, word in enumerate(lower) if word in self._ci_index]
        for i in starts:
            for parts, form in self._ci_candidates(lower, i):
                if tuple(lower[i : i + len(parts)]) == parts:
                    # "Israel's immediate action": a derived name written all in lower case is ordinary words
                    if any(not t.is_lower for t in doc[i : i + len(parts)] if t.is_alpha):
                        out.append((form, i, i + len(parts)))
                    break
        return out

    def _entries_for(self, alias: str) -> list[GazetteerEntry]:
        return self._by_alias.get(alias) or self._ci_forms[alias]

    def key_for(self, name: str) -> str | None:
        entries = self._by_norm.get(_norm(name))
        return f"gz:{_prefer_state(entries).name}" if entries else None

    def entry_for(self, key: str | None) -> GazetteerEntry | None:
        if key and key.startswith("gz:"):
            return self.entries.get(key[3:])
        return None

    def titled_person(self, surname: str) -> GazetteerEntry | None:
        """The one hand-made person with this surname, for a surname after an office title; None if there are
        none or several (two Bushes: the title alone does not say which)."""
        found = self._by_surname.get(surname.lower(), [])
        return found[0] if len(found) == 1 else None

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
        for alias, _start, _end in self._matches(span):  # the span itself: as_doc() copies the whole doc's arrays
            for e in self._entries_for(alias):
                found.add(e.name if e.type == "Country" else e.country or e.name)
        return {f for f in found if f}

    def mentions(self, doc):
        from kg.extract.entities import Mention

        for alias, start, end in self._matches(doc):
            entry = self._choose(self._entries_for(alias), doc[start:end])
            span = doc[start:end]
            if entry.sector == "MIL" and _military_adjective(doc, start, end):
                continue
            yield Mention(start, end, entry.type, f"gz:{entry.name}", entry.name, span.root.i, "gazetteer", entry)

    def _choose(self, entries: list[GazetteerEntry], span) -> GazetteerEntry:
        """A capital is its state when it acts or owns ("Moscow says", "Moscow's"), a place after 'in'; after an
        adjective's preposition it is the state again ("unfavourable to Kyiv", "closer to Moscow")."""
        if len(entries) == 1:
            return entries[0]
        root = span.root
        locative = _locative(_first_conjunct(root))
        # "the streets of the capital, Tbilisi": a capital set beside 'the capital' or 'the city' is the place
        beside_a_city = root.dep_ == "appos" and root.head.lemma_.lower() in ("capital", "city")
        places = [e for e in entries if e.type == "Place"]
        if (locative or beside_a_city or _city_as_ground(root)) and places:
            return places[0]
        return _prefer_state(entries)


def _first_conjunct(tok):
    """'into Darfur and Khartoum': the first of the names a conjunction joins, which holds their place in the clause."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _locative(tok) -> bool:
    """The object of a preposition of place ('in London'), not of an adjective's ('closer to Moscow')."""
    return tok.dep_ == "pobj" and tok.head.lower_ in words.LOCATIVE_PREPS and tok.head.head.pos_ != "ADJ"


# what a state's military may qualify and still be the body: its spokesman, its chief, its command
_MILITARY_OFFICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "chief", "commander", "head", "command"})


def _military_adjective(doc, start: int, end: int) -> bool:
    """'Russian military bloggers', 'a Ukrainian military official', 'US military aid': a state's forces named by
    '<demonym> military' before the noun they qualify are an adjective, not the body (its spokesman is the body's)."""
    if doc[end - 1].lower_ != "military" or end >= len(doc):
        return False
    after = doc[end]
    return after.pos_ == "NOUN" and doc[end - 1].head.i == after.i and after.lemma_.lower() not in _MILITARY_OFFICES


# a part of a city: 'the densely populated areas of Beirut', 'the outskirts of Kyiv' (a city taken, 'capturing Kyiv',
# stays its state: an attack's recipient is the state, as annotators give it)
_CITY_PARTS = frozenset(
    "area outskirt suburb centre center street part district neighbourhood neighborhood edge".split()
)


def _city_as_ground(root) -> bool:
    """'the outskirts of Kyiv', 'the densely populated areas of Beirut': a capital whose parts are meant is the city."""
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _CITY_PARTS


def _known_owner(alias: str, names) -> bool:
    """'NATO's Europe Command': the name is a known name's possessive."""
    return "'s " in alias and alias.split("'s ")[0] in names


def _prefer_state(entries: list[GazetteerEntry]) -> GazetteerEntry:
    return next((e for e in entries if e.type == "Country"), entries[0])
