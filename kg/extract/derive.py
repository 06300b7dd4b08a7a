"""Derive kg's lexicon rows from the field's dictionaries (PETRARCH2 / Phoenix, MIT licence).

``python -m kg.extract.derive REFERENCE_DIR [--out DIR]`` reads ``REFERENCE_DIR/petrarch2`` (the CAMEO verb
dictionary and the Phoenix actor and agent dictionaries) and ``REFERENCE_DIR/plover/CAMEO2PLOVER-2021.txt``
and writes, in kg's own formats (:mod:`kg.extract.lexicons`):

* ``triggers.cameo.tsv``: verbs and verb patterns whose CAMEO code maps to a PLOVER type (and mode);
* ``gazetteer.phoenix.csv``: international bodies, armed non-state groups, and the people the country
  dictionary lists, each with its sector and country;
* ``offices.phoenix.tsv``: who held which office of which state or body, and when (the dated roles);
* ``agents.phoenix.tsv``: generic agent nouns and their sector ("student" -> EDU, "police" -> COP).

Each file's header records the source repository, commit and file, and the MIT licence. The hand-made files
(``triggers.tsv``, ``gazetteer.csv``) are an overlay that wins over these (see the loaders). The conversion is
selective by class, never by sentence; each dropped class is counted in the header (:class:`Tally`).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import lexicons, words

__all__ = ["derive_all", "main"]

PETRARCH = ("openeventdata/petrarch2", "676801cd9cb2924bbbad09f86d15c9323e7097bf", "petrarch2/data/dictionaries")
PLOVER = ("openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f", "")
LICENCE = (
    "The MIT License (MIT). Copyright (c) 2014, 2015 Open Event Data Alliance. Permission is hereby granted, "
    "free of charge, to any person obtaining a copy of this software and associated documentation files, to "
    "deal in them without restriction, subject to including this notice; provided AS IS, without warranty "
    "of any kind (full text: LICENSE in the source repository)."
)
OUTPUTS = ("triggers.cameo.tsv", "gazetteer.phoenix.csv", "offices.phoenix.tsv", "agents.phoenix.tsv")

_PARTICLES = {"out", "up", "down", "off", "back", "on", "in", "over", "away", "through", "aside", "forward"}
_PREPS = {
    "to",
    "with",
    "against",
    "from",
    "for",
    "on",
    "of",
    "in",
    "into",
    "at",
    "by",
    "over",
    "about",
    "upon",
    "toward",
    "towards",
    "between",
    "among",
    "as",
    "under",
    "within",
    "across",
    "through",
    "onto",
}
# Verbs too general to signal an event whatever their object: kg's light verbs and the commonest English verbs.
# A CAMEO pattern on them is kept only with a constraint (an object or a preposition).
_GENERIC_VERBS = {
    "be",
    "have",
    "do",
    "say",
    "make",
    "take",
    "give",
    "get",
    "go",
    "come",
    "put",
    "see",
    "set",
    "keep",
    "let",
    "use",
    "find",
    "show",
    "tell",
    "call",
    "ask",
    "hold",
    "bring",
    "run",
    "move",
    "turn",
    "leave",
    "meet",
    "play",
    "hear",
    "think",
    "know",
    "look",
    "seem",
    "want",
    "become",
    "include",
    "continue",
    "start",
    "begin",
    "open",
    "close",
    "raise",
    "carry",
    "send",
    "provide",
    "offer",
    "launch",
    "receive",
    "pass",
    "remain",
    "stand",
    "stay",
    "follow",
    "work",
    "report",
    "express",
    "issue",
    "state",
    "note",
    "add",
    "mark",
    "face",
    "end",
    "form",
    "reach",
    "draw",
    "lead",
}
# A verb that only has its block's code and whose patterns name this many PLOVER types says nothing by itself:
# only its patterns are kept (a verb's own code, DEMONSTRATE [141], is its first meaning and stays).
_AMBIGUOUS_TYPES = 3
_FUNCTION_WORDS = {
    "it",
    "them",
    "him",
    "her",
    "this",
    "that",
    "these",
    "those",
    "all",
    "one",
    "some",
    "any",
    "way",
    "thing",
    "things",
    "place",
    "part",
    "time",
    "what",
    "which",
    "up",
    "out",
    "down",
}


@dataclass
class Tally:
    """What the conversion kept and dropped, by class; printed in each derived file's header."""

    counts: Counter = field(default_factory=Counter)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def lines(self) -> list[str]:
        return [f"{k}: {v}" for k, v in sorted(self.counts.items())]


# ---------------------------------------------------------------- CAMEO -> PLOVER


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None) from the conversion table (modes kg does not know become None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", line)
        if not m or m.group(2) not in lexicons.PLOVER_TYPES:
            continue
        ptype, mode = m.group(2), (m.group(3) or "").strip() or None
        table.setdefault(m.group(1), (ptype, mode if mode in lexicons.MODES[ptype] else None))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """A CAMEO code's PLOVER type and mode: the code itself, else its shorter parents ('1823' -> '182')."""
    code = code.split(":")[0].strip()
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


# ---------------------------------------------------------------- CAMEO verb dictionary


def _word(token: str) -> str:
    return token.strip().strip("_").replace("_", " ").lower()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(_word(line[1:]))
        elif not line:
            continue
        else:
            current = None
    return sets


@dataclass(frozen=True)
class _Row:
    lemma: str
    type: str
    mode: str | None
    requires: tuple[tuple[str, tuple[str, ...]], ...]
    note: str
    own: bool = False  # a verb's own code (DEMONSTRATE [141]), not its block's

    def tsv(self) -> str:
        req = ";".join(f"{d}:{'|'.join(ws)}" for d, ws in self.requires) or "-"
        return "\t".join((self.lemma, "VERB", self.type, self.mode or "-", req, self.note))


def _verb_lemma(token: str) -> tuple[str, str | None] | None:
    """'DISMISS' -> ('dismiss', None); '+BRING_OUT' -> ('bring', 'out'); other multiword verbs -> None."""
    parts = [p for p in token.strip("+").strip("_").lower().split("_") if p]
    if len(parts) == 1 and re.match(r"^[a-z][a-z'\-]*$", parts[0]):
        return parts[0], None
    if len(parts) == 2 and parts[1] in _PARTICLES and re.match(r"^[a-z]+$", parts[0]):
        return parts[0], parts[1]
    return None


def _object_words(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The words an object slot accepts: a word, or a synonym set's one-word members; None if unusable."""
    if token.startswith("&"):
        members = synsets.get(token.rstrip("_"), [])
        words = [w for w in members if re.match(r"^[a-z][a-z'\-]*$", w)]
    else:
        w = _word(token)
        words = [w] if re.match(r"^[a-z][a-z'\-]*$", w) else []
    words = [w for w in dict.fromkeys(words) if w not in _FUNCTION_WORDS]
    return words or None


def _parse_pattern(text: str, synsets, tally: Tally) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """'* &WEAPON (TO +)' -> (('obj', weapons...), ('prep', ('to',))); None for the classes kg does not take."""
    pre, star, post = text.partition("*")
    if not star:
        tally.add("patterns dropped: no verb slot")
        return None
    if pre.strip():
        tally.add("patterns dropped: words before the verb (kg takes actors from the parse)")
        return None
    if "{" in post:
        tally.add("patterns dropped: multiword object phrases")
        return None
    post = re.sub(r"[+$%^]", " ", post)
    requires: list[tuple[str, tuple[str, ...]]] = []
    groups = re.findall(r"\(([^)]*)\)", post)
    if len(groups) > 1:
        tally.add("patterns narrowed: only the first prepositional phrase kept")
    for group in groups[:1]:
        words = group.split()
        if not words or _word(words[0]) not in _PREPS:
            tally.add("patterns dropped: unreadable prepositional phrase")
            return None
        requires.append(("prep", (_word(words[0]),)))
        if len(words) > 1:
            objs = _object_words(words[-1], synsets)
            if objs is None:
                tally.add("patterns dropped: prepositional object kg cannot state as one word")
                return None
            requires.append(("pobj", tuple(objs)))
    bare = re.sub(r"\([^)]*\)", " ", post).split()
    if len(bare) > 1:
        tally.add("patterns dropped: more than one object word")
        return None
    if bare:
        objs = _object_words(bare[0], synsets)
        if objs is None:
            tally.add("patterns dropped: object is a function word or a phrase")
            return None
        requires.insert(0, ("obj", tuple(objs)))
    return tuple(requires)


def derive_triggers(cameo: Path, table: dict, tally: Tally) -> list[_Row]:
    lines = cameo.read_text(encoding="latin-1").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")), len(lines))
    synsets = read_synsets(lines[:start])
    rows: list[_Row] = []
    block_code = block_head = None
    verbs: dict[str, tuple[tuple[str, str | None], str | None]] = {}  # VERB token -> (lemma, particle), own code

    def emit(lemma_prt, code, requires, note, own=False):
        if code is None or code.strip("-") == "":
            tally.add("rows dropped: CAMEO code '---' (no event)")
            return
        mapped = plover_of(code, table)
        if mapped is None:
            tally.add("rows dropped: CAMEO code without PLOVER type (01 statements, 02 appeals)")
            return
        lemma, prt = lemma_prt
        req = tuple(requires) + ((("prt", (prt,)),) if prt else ())
        if not req and lemma in _GENERIC_VERBS:
            tally.add("rows dropped: generic verb without a constraint")
            return
        rows.append(_Row(lemma, mapped[0], mapped[1], req, f"CAMEO {code.split(':')[0]} {note}".strip(), own))

    def flush():
        for tok, (lp, own) in verbs.items():
            if own is not None:
                emit(lp, own, (), tok.strip("+_").lower(), own=True)
            elif block_code is not None and block_code.strip("-") and tok.strip("+_").upper() != block_head:
                # WordNet synonyms of the block's verb ('counter' beside 'disagree') inherit its code only
                # through a pattern: alone they over-fire (PETRARCH's known weakness)
                tally.add("rows dropped: synonym inheriting its block's code without a pattern")
            elif block_code is not None:
                emit(lp, block_code, (), tok.strip("+_").lower())

    for raw in lines[start + 1 : end]:
        line = raw.rstrip()
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if head:
            flush()
            verbs, block_code, block_head = {}, head.group(2).strip(), head.group(1).strip("+_").upper()
            continue
        body = line.split("#", 1)
        text, comment = body[0].strip(), (body[1].strip() if len(body) > 1 else "")
        if not text:
            continue
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if not m:
                tally.add("patterns dropped: no code")
                continue
            requires = _parse_pattern(m.group(1), synsets, tally)
            if requires is None:
                continue
            # a pattern binds to the verb it was written for (named in its comment), not to its whole synonym set
            owner = comment.split()[0].upper() if comment else ""
            targets = [lp for tok, (lp, _) in verbs.items() if tok.strip("+_").upper() == owner] or [
                lp for lp, _ in verbs.values()
            ]
            if not requires:
                tally.add("patterns folded: '*' alone is the verb's own code")
            for lp in dict.fromkeys(targets):
                emit(lp, m.group(2), requires, f"pattern of {lp[0]}")
            continue
        m = re.match(r"^(\+?[A-Z][A-Z_'\-]*)\s*(?:\[([^\]]*)\])?", text)
        if not m:
            continue
        lp = _verb_lemma(m.group(1))
        if lp is None:
            tally.add("verbs dropped: multiword verb that is not verb + particle")
            continue
        verbs[m.group(1)] = (lp, m.group(2).strip() if m.group(2) else None)
    flush()
    return _dedupe(rows, tally)


def _dedupe(rows: list[_Row], tally: Tally) -> list[_Row]:
    """One row per (lemma, requirements): the first (an own code before a block's) wins; conflicting types drop."""
    by_key: dict[tuple, list[_Row]] = {}
    for r in rows:
        by_key.setdefault((r.lemma, frozenset((d, frozenset(w)) for d, w in r.requires)), []).append(r)
    types_of: dict[str, set[str]] = {}
    for r in rows:
        types_of.setdefault(r.lemma, set()).add(r.type)
    out = []
    for rs in by_key.values():
        types = {r.type for r in rs}
        if len(types) > 1 and not rs[0].requires:
            tally.add("rows dropped: bare verb with conflicting types")
            continue
        if not rs[0].requires and not rs[0].own and len(types_of[rs[0].lemma]) >= _AMBIGUOUS_TYPES:
            tally.add(f"rows dropped: bare verb whose patterns give {_AMBIGUOUS_TYPES} or more types (ambiguous alone)")
            continue
        out.append(rs[0])
        tally.add("rows kept", 1)
    return sorted(out, key=lambda r: (r.lemma, r.tsv()))


# ---------------------------------------------------------------- Phoenix actors


_CODE = re.compile(r"\[([^\]]*)\]")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .'&\-]*$")
# Words that make a name a body, whatever its codes say ("Sudan People's Liberation Army" has dated codes too).
_BODY_WORDS = {
    "army",
    "movement",
    "front",
    "party",
    "council",
    "forces",
    "force",
    "liberation",
    "union",
    "league",
    "committee",
    "organization",
    "organisation",
    "group",
    "brigade",
    "brigades",
    "government",
    "ministry",
    "association",
    "alliance",
    "federation",
    "congress",
    "commission",
    "agency",
    "court",
    "assembly",
    "police",
    "guard",
    "militia",
    "bank",
    "fund",
    "institute",
    "network",
    "authority",
}
_TITLE_WORDS = (
    words.PERSON_ROLES
    | words.LEADER_TITLES
    | {"secretary-general", "bundeskanzler", "potus", "commander-in-chief", "ministry", "ministers"}
)
_SPELLING_SIMILARITY = 0.8
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_LOWER_WORDS = {
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "de",
    "du",
    "la",
    "le",
    "del",
    "der",
    "van",
    "von",
    "bin",
    "al",
    "el",
    "ibn",
    "to",
    "at",
    "a",
}


def display_name(token: str) -> str:
    """'REVOLUTIONARY_UNITED_FRONT_' -> 'Revolutionary United Front'; short single words stay acronyms."""
    words = [w for w in token.strip().strip("_").split("_") if w]
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]  # "THE_UN": the article is not part of the name
    if len(words) == 1 and (len(words[0]) <= 5 or not re.search(r"[AEIOU]", words[0])):
        return words[0]
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in _LOWER_WORDS:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


@dataclass
class _Actor:
    token: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""


def read_actors(path: Path) -> list[_Actor]:
    """Entries of a TABARI/PETRARCH .actors file: name line, '+alias' lines, '[CODE dates]' lines."""
    actors: list[_Actor] = []
    for raw in path.read_text(encoding="latin-1").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        text, _, comment = raw.partition("#")
        codes = _CODE.findall(text)
        bare = _CODE.sub(" ", text).strip()
        if raw[0] in " \t" and not bare:
            if actors:
                actors[-1].codes += codes
            continue
        if bare.startswith("+"):
            if actors:
                actors[-1].aliases.append(bare[1:].strip())
                actors[-1].codes += codes
            continue
        if bare:
            actors.append(
                _Actor(
                    bare.split()[0] if " " not in bare.strip() else bare.replace(" ", "_"), [], codes, comment.strip()
                )
            )
    return actors


_DATE = re.compile(r"^\d{6}$|^\d{8}$")


def _date(s: str) -> str | None:
    s = s.strip()
    if not _DATE.match(s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = (f"20{s[:2]}" if yy <= 30 else f"19{s[:2]}") + s[2:]
    y, m, d = s[:4], s[4:6], s[6:8]
    m = m if "01" <= m <= "12" else "01"
    d = d if "01" <= d <= "31" else "01"
    return f"{y}-{m}-{d}"


@dataclass(frozen=True)
class _Role:
    country: str  # ISO alpha-3 or a Phoenix body code (IGO...)
    sectors: tuple[str, ...]
    start: str | None
    end: str | None


def parse_code(code: str) -> _Role | None:
    """'HUNGOV 891023-900502' -> Role('HUN', ('GOV',), '1989-10-23', '1990-05-02'); '~EDU' (an agent) -> None."""
    parts = code.split()
    if not parts or not re.match(r"^[A-Z]{3,}$", parts[0]):
        return None
    body = parts[0]
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]
    start = end = None
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = _date(span[1:])
        elif span.startswith("<"):
            end = _date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = _date(a), _date(b)
    return _Role(chunks[0], tuple(chunks[1:]), start, end)


def _sector(role: _Role) -> str:
    return next((s for s in role.sectors if s in lexicons.SECTORS), "")


def _titled(name: str) -> bool:
    """Whether a name holds an office title ("President of the United States", "German Chancellor")."""
    return bool(set(re.split(r"[\s\-]+", name.lower())) & _TITLE_WORDS)


def _split_bracket(token: str) -> tuple[str, list[str]]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('ADEN_ABYAN_ISLAMIC_ARMY', ['AAIA'])."""
    inner = re.findall(r"\(([^)]*)\)", token)
    return re.sub(r"_*\([^)]*\)_*", "_", token).strip("_"), [i for i in inner if i.strip("_")]


def _state_variants(actor: _Actor, code: str, iso3: dict[str, str], tally: Tally) -> list[str] | None:
    """A state's spellings ('ETHOPIA', 'ETIOPIA' for Ethiopia) as a Country row the hand-made row of the same
    ISO code takes in; the other variants are cities and regions, which kg reads as places, not states."""
    if code not in iso3:
        tally.add("country: states without a hand-made row not taken")
        return None
    name = iso3[code]
    variants = []
    for a in actor.aliases:
        form = display_name(_split_bracket(a.split()[0] if a.split() else a)[0])
        similar = difflib.SequenceMatcher(None, form.lower(), name.lower()).ratio() >= _SPELLING_SIMILARITY
        if similar and form.lower() != name.lower() and _NAME.match(form) and len(form) >= 4:
            variants.append(form)
        else:
            tally.add("country: variants not taken (cities, regions, other names)")
    tally.add("country: spelling variants kept", len(variants))
    return [name, "Country", "", code, "", "|".join(dict.fromkeys(variants)), ""] if variants else None


def derive_actors(ref: Path, iso3: dict[str, str], tally: Tally) -> tuple[list[list[str]], list[list[str]]]:
    """(gazetteer rows, office rows) from the three actor dictionaries."""
    gaz: dict[str, list[str]] = {}
    offices: list[list[str]] = []
    taken: set[str] = {name.lower() for name in iso3.values()}  # a state's name belongs to the state's row
    sources = (
        ("Phoenix.Countries.actors.txt", "country"),
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "nonstate"),
    )
    for fname, kind in sources:
        for actor in read_actors(ref / fname):
            roles = [r for r in (parse_code(c) for c in actor.codes) if r is not None]
            if not roles:
                tally.add(f"{kind}: entries dropped: no code")
                continue
            token, bracketed = _split_bracket(actor.token)
            name = display_name(token)
            actor.aliases += bracketed
            if kind == "country" and len(roles) == 1 and not roles[0].sectors and roles[0].start is None:
                row = _state_variants(actor, roles[0].country, iso3, tally)
                if row is not None and row[0] not in gaz:
                    variants = [v for v in row[5].split("|") if v.lower() not in taken]
                    taken.update(v.lower() for v in variants)
                    if variants:
                        gaz[row[0]] = [*row[:5], "|".join(variants), ""]
                continue
            if any(r.country in ("MNC", "BUS") or "BUS" in r.sectors or "MNC" in r.sectors for r in roles):
                tally.add(f"{kind}: companies dropped (not conflict actors)")
                continue
            if len(name) < 3 or not re.search(r"[A-Za-z]{2}", name):
                tally.add(f"{kind}: entries dropped: name too short")
                continue
            if not _NAME.match(name):
                tally.add(f"{kind}: entries dropped: unreadable name")
                continue
            if _titled(name):
                tally.add(f"{kind}: entries dropped: an office title, not a name (kg reads titles from the parse)")
                continue
            if set(name.lower().split()) & _MONTHS:
                tally.add(f"{kind}: entries dropped: name reads as a date")
                continue
            dated = [r for r in roles if r.start or r.end]
            person = (
                kind == "country"
                and ("CountryInfo" in actor.comment or bool(dated))
                or (kind == "international" and bool(dated))
            )
            etype = "Person" if person and not set(name.lower().split()) & _BODY_WORDS else "Organization"
            if etype == "Person" and len(name.split()) < 2:
                tally.add(f"{kind}: people dropped: one name alone (a first name matches too much)")
                continue
            if etype == "Organization" and len(name.split()) == 1 and len(name) <= 2:
                continue
            main = max(roles, key=lambda r: (r.start or "", r.end or "9999"))
            country = iso3.get(main.country, "")
            sector = _sector(main) or ("IGO" if main.country == "IGO" else "")
            if main.country in ("IGO", "NGO", "IMG") and not sector:
                sector = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB"}[main.country]
            aliases = []
            for a in actor.aliases:
                alias = display_name(_split_bracket(a.split()[0] if a.split() else a)[0])
                if alias and alias != name and alias.lower() not in taken and len(alias) >= 3 and not _titled(alias):
                    aliases.append(alias)
            key = name.lower()
            if key in taken:
                tally.add(f"{kind}: entries dropped: name already derived")
                continue
            taken.add(key)
            taken.update(a.lower() for a in aliases)
            gaz[name] = [name, etype, "", sector, country, "|".join(dict.fromkeys(aliases)), ""]
            tally.add(f"{kind}: {etype} rows kept")
            for r in dated:
                office_country = iso3.get(r.country, "")
                if not office_country:
                    continue
                offices.append([name, office_country, _sector(r) or "-", r.start or "-", r.end or "-"])
    return sorted(gaz.values()), sorted(offices)


def derive_agents(path: Path, tally: Tally) -> list[list[str]]:
    """Generic agent nouns with their sector: 'STUDENT [~EDU]' -> student, EDU."""
    rows: dict[str, list[str]] = {}
    persons = []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^!PERSON!\s*=\s*(.*)$", line)
        if m:
            persons = [w.strip().lower() for w in m.group(1).split(",") if w.strip()]
            continue
        m = re.match(r"^([A-Z!][A-Z_!'\-]*)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        code = m.group(2)
        sector = next((code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3] in lexicons.SECTORS), "")
        if not sector:
            tally.add("agents dropped: sector kg does not list")
            continue
        forms = [m.group(1)]
        if "!PERSON!" in forms[0]:
            forms = [forms[0].replace("!PERSON!", p) for p in persons]
        for form in forms:
            if "!" in form:
                continue
            noun = form.strip("_").replace("_", " ").lower()
            if not re.match(r"^[a-z][a-z'\- ]*$", noun):
                continue
            if noun not in rows:
                rows[noun] = [noun, sector]
                tally.add("agents kept")
    return sorted(rows.values())


# ---------------------------------------------------------------- writing


def _header(kind: str, files: list[str], tally: Tally, columns: str) -> str:
    lines = [
        f"# {kind}: DERIVED by kg.extract.derive -- do not edit by hand; edit the hand-made file, which wins.",
        f"# Source: {PETRARCH[0]} at commit {PETRARCH[1]}, {', '.join(f'{PETRARCH[2]}/{f}' for f in files)}",
    ]
    if "triggers" in kind:
        lines.append(
            f"# and {PLOVER[0]} at commit {PLOVER[1]}, CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode)"
        )
    lines += [f"# Licence: {LICENCE}", f"# Columns: {columns}", "# Conversion tally:"]
    lines += [f"#   {t}" for t in tally.lines()]
    return "\n".join(lines) + "\n"


def derive_all(reference: str | Path) -> dict[str, str]:
    """The derived files' text by file name (nothing written)."""
    reference = Path(reference)
    pet, plo = reference / "petrarch2", reference / "plover"
    for need in (pet / "CAMEO.2.0.txt", plo / "CAMEO2PLOVER-2021.txt", pet / "Phoenix.agents.txt"):
        if not need.is_file():
            raise lexicons.LexiconError(need, 0, "missing", "give the folder holding petrarch2/ and plover/")
    table = read_cameo2plover(plo / "CAMEO2PLOVER-2021.txt")
    out = {}
    t = Tally()
    rows = derive_triggers(pet / "CAMEO.2.0.txt", table, t)
    header = "\t".join(("lemma", "pos", "type", "mode", "requires", "note"))
    out["triggers.cameo.tsv"] = (
        _header("triggers.cameo.tsv", ["CAMEO.2.0.txt"], t, "as triggers.tsv")
        + header
        + "\n"
        + "".join(r.tsv() + "\n" for r in rows)
    )
    iso3 = {
        e.sector: e.name
        for e in lexicons.load_gazetteer(lexicons.DATA_DIR / "gazetteer.csv")
        if e.type == "Country" and e.sector
    }
    t = Tally()
    gaz, offices = derive_actors(pet, iso3, t)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [["name", "type", "wikidata", "sector", "country", "aliases", "demonyms"], *gaz]
    )
    actor_files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
    out["gazetteer.phoenix.csv"] = _header("gazetteer.phoenix.csv", actor_files, t, "as gazetteer.csv") + buf.getvalue()
    out["offices.phoenix.tsv"] = (
        _header(
            "offices.phoenix.tsv",
            actor_files,
            Tally(Counter({"offices": len(offices)})),
            "name (a gazetteer.phoenix.csv row), country, sector, start, end (YYYY-MM-DD or '-': open)",
        )
        + "name\tcountry\tsector\tstart\tend\n"
        + "".join("\t".join(r) + "\n" for r in offices)
    )
    t = Tally()
    agents = derive_agents(pet / "Phoenix.agents.txt", t)
    out["agents.phoenix.tsv"] = (
        _header(
            "agents.phoenix.tsv",
            ["Phoenix.agents.txt"],
            t,
            "noun (lower case, singular as the dictionary gives it), sector",
        )
        + "noun\tsector\n"
        + "".join("\t".join(r) + "\n" for r in agents)
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.extract.derive", description=__doc__.split("\n\n")[0])
    ap.add_argument("reference", help="folder holding petrarch2/ and plover/ (shared/reference)")
    ap.add_argument("--out", default=str(lexicons.DATA_DIR), help="where to write (default: kg/extract/data)")
    args = ap.parse_args(argv)
    for name, text in derive_all(args.reference).items():
        Path(args.out, name).write_text(text, encoding="utf-8")
        print(f"wrote {Path(args.out, name)} ({text.count(chr(10))} lines)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
