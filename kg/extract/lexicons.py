"""kg's domain lexicons: the gazetteer of known actors, the PLOVER event triggers and the
modality/attribution cues, read from plain-text files and checked row by row.

Files (UTF-8, in ``kg/extract/data/``; lines starting with ``#`` and blank lines are ignored;
the first other line is the header and must be exactly as below):

``gazetteer.csv`` -- comma-separated, fields with commas double-quoted::

    name,type,wikidata,sector,country,aliases,demonyms

* ``type`` is one of Person, Organization, NewsOutlet, Country, Place (a Group is unnamed,
  so it is never listed).
* ``wikidata`` is empty or a QID (``Q159``). Only ids checked against a published source
  belong here: an entity without one simply stays unlinked.
* ``sector``: for a Country the ISO 3166-1 alpha-3 code (``RUS``); otherwise a CAMEO-style
  sector code from :data:`SECTORS` (``GOV``, ``MIL``, ``IGO``, ``MED`` ...) or empty.
* ``country``: empty for a Country; otherwise empty or the ``name`` of a Country row.
* ``aliases`` and ``demonyms``: ``|``-separated surface forms (case-sensitive: ``WHO`` is
  not ``who``). A surface form (name or alias) belongs to one entry only, except that a
  Place may share it with one non-Place entry: a capital is both a Place row and an alias of
  the state it stands for ("Moscow said ..."), and the extractor decides by context.
  A demonym belongs to one entry only.

``triggers.tsv`` -- tab-separated::

    lemma	pos	type	mode	requires	note

* ``lemma``: a spaCy lemma, lower case (one token; a space-separated phrase is allowed for
  a fixed multiword expression, see :data:`MULTIWORD_OK`).
* ``pos``: VERB, NOUN or ADJ. ``type``: one of the 16 PLOVER types (:data:`PLOVER_TYPES`).
* ``mode``: ``-`` or a mode of that type (:data:`MODES`: PLOVER's modes, plus CAMEO's
  aid/cooperation kinds -- military, economic, humanitarian ... -- for AID and COOPERATE).
* ``requires``: ``-`` or ``;``-separated constraints ``dep:lemma1|lemma2`` on the trigger's
  syntactic neighbours, ``dep`` one of :data:`REQUIRE_DEPS`:
  ``obj`` (direct object), ``prep`` (a preposition child: "call for"), ``prt`` (a particle:
  "step up"), ``compound`` (a compound or adjective modifier of a noun trigger: "phone call"),
  ``pobj`` (the object of a preposition child: "take part in talks" -> ``pobj:talk``),
  ``objmod`` (a compound or adjective modifier of the direct object: "sever diplomatic relations" ->
  ``obj:relations;objmod:diplomatic``), ``head`` (the word a noun trigger hangs on, through a preposition:
  "went on strike" -> ``head:go``), ``neg`` (a negation on the word: "will not tolerate" -> ``neg:not|never|n't``),
  ``xcomp`` (the marker of an infinitive complement: "told civilians to flee" -> ``xcomp:to``).
  All constraints of an entry must hold; entries with more constraints are tried first, so
  ``send VERB ... obj:troop`` wins over ``send VERB ... obj:weapon`` and a bare light verb
  (send, make, take, give, provide, launch, call ...) is no trigger at all.
* ``(lemma, pos, requires)`` is unique.

``cues.tsv`` -- tab-separated::

    lemma	pos	kind	value	note

* ``kind`` ``modality`` with ``value`` planned, possible or negated: words that, governing or
  modifying an event, set its modality ("plans to deploy", "a potential offensive",
  "refused to send").
* ``kind`` ``attribution`` with ``value`` ``speech`` (reporting verbs), ``according``
  ("according to", lemmatised by spaCy as ``accord``) or ``source_noun`` (report, statement).
* ``kind`` ``conditional`` with ``value`` ``possible`` (if, unless ...).
* ``pos`` is a Universal POS tag (VERB, NOUN, ADJ, ADV, AUX, PART, SCONJ, ADP, DET).
* ``(lemma, pos, kind)`` is unique.

Extending: edit the packaged files, or copy them, edit the copies and point the environment
variables ``KG_GAZETTEER``, ``KG_TRIGGERS`` and ``KG_CUES`` at them (a path given to a loader
wins over the variable, the variable over the packaged file). Every loader checks each row and
raises :class:`LexiconError` with a one-line message ``FILE:LINE: what is wrong; the fix``.
Loads are cached per file path and modification time, so an edited file is read again.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.extract.vocabulary import MODES, PLOVER_TYPES, SECTORS

__all__ = [
    "CUE_KINDS",
    "DATA_DIR",
    "ENTITY_TYPES",
    "MODES",
    "MULTIWORD_OK",
    "PLOVER_TYPES",
    "REQUIRE_DEPS",
    "SECTORS",
    "Cue",
    "GazetteerEntry",
    "LexiconError",
    "Office",
    "Trigger",
    "fingerprint",
    "load_agents",
    "load_cues",
    "load_derived_gazetteer",
    "load_derived_triggers",
    "load_offices",
    "load_gazetteer",
    "load_triggers",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
ENV_VARS = {"gazetteer": "KG_GAZETTEER", "triggers": "KG_TRIGGERS", "cues": "KG_CUES"}
DEFAULT_FILES = {"gazetteer": "gazetteer.csv", "triggers": "triggers.tsv", "cues": "cues.tsv"}
# Rows derived from the PETRARCH2 / Phoenix dictionaries by kg.extract.dictionaries; the hand-made files win over them.
DERIVED_FILES = {
    "triggers": "triggers.cameo.tsv",
    "gazetteer": "gazetteer.phoenix.csv",
    "offices": "offices.phoenix.tsv",
    "agents": "agents.phoenix.tsv",
}

ENTITY_TYPES = ("Person", "Organization", "NewsOutlet", "Country", "Place")

REQUIRE_DEPS = ("obj", "objmod", "subj", "prep", "prt", "advmod", "compound", "pobj", "head", "neg", "xcomp")
TRIGGER_POS = ("VERB", "NOUN", "ADJ")
CUE_POS = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PART", "SCONJ", "ADP", "DET")
CUE_KINDS: dict[str, frozenset[str]] = {
    "modality": frozenset({"planned", "possible", "negated"}),
    "attribution": frozenset(
        {"speech", "belief", "intention", "stance", "stance_noun", "according", "source_noun", "speaker"}
    ),
    "conditional": frozenset({"possible"}),
}
# Fixed multiword expressions a lemma column may hold (matched by the extractor as a phrase
# or as head + particle/preposition child).
MULTIWORD_OK = frozenset(
    (
        "rule out,according to,in case,as long as,provided that,on condition that,in the event,cease fire,pull out,"
        "pull back,step up,step down,call off,make clear,make plain,make known,go after,rip into,lash out,hit out,"
        "play down,speak out,point to,shoot back,fire back,chime in,see as,regard as,cast as,paint as"
    ).split(",")
)

_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_LEMMA = re.compile(r"^[a-z][a-z'\-]*$")
_HEADERS = {
    "gazetteer": ["name", "type", "wikidata", "sector", "country", "aliases", "demonyms"],
    "triggers": ["lemma", "pos", "type", "mode", "requires", "note"],
    "cues": ["lemma", "pos", "kind", "value", "note"],
    "offices": ["name", "country", "sector", "start", "end"],
    "agents": ["noun", "sector"],
}


class LexiconError(KgError, ValueError):
    """A lexicon row is malformed; the message is ``FILE:LINE: what is wrong; the fix``."""

    def __init__(self, path: Path | str, line: int, problem: str, fix: str):
        self.path, self.line, self.problem, self.fix = str(path), line, problem, fix
        super().__init__(f"{path}:{line}: {problem}; {fix}")


@dataclass(frozen=True)
class GazetteerEntry:
    """A known named entity."""

    name: str
    type: str
    wikidata: str | None
    sector: str | None
    country: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name and its aliases (not the demonyms)."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Trigger:
    """A word that names a PLOVER event when its requirements on its neighbours hold."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    requires: tuple[tuple[str, frozenset[str]], ...]
    note: str

    def accepts(self, neighbours: dict[str, set[str] | frozenset[str]]) -> bool:
        """Whether every requirement is met by ``neighbours`` (dep -> lemmas found there)."""
        return all(lemmas & set(neighbours.get(dep, ())) for dep, lemmas in self.requires)


@dataclass(frozen=True)
class Cue:
    """A word that sets an event's modality, attributes a claim, or makes it conditional."""

    lemma: str
    pos: str
    kind: str
    value: str


@dataclass(frozen=True)
class Office:
    """Who held an office of which state, and when (``None``: open at that end); dates are YYYY-MM-DD."""

    name: str  # a derived gazetteer row's name
    country: str  # a Country row's name
    sector: str | None
    start: str | None
    end: str | None

    def covers(self, day: str | None) -> bool:
        """Whether the office was held on ``day`` (an undated article is covered by no office)."""
        if not day or (self.start is None and self.end is None):
            return False
        return (self.start is None or self.start <= day[:10]) and (self.end is None or day[:10] <= self.end)


# ---------------------------------------------------------------- public loaders


def load_gazetteer(path: str | os.PathLike | None = None) -> tuple[GazetteerEntry, ...]:
    """The gazetteer entries, in file order (``path``, else ``$KG_GAZETTEER``, else the packaged file)."""
    return _cached("gazetteer", _resolve("gazetteer", path))


def load_triggers(path: str | os.PathLike | None = None) -> tuple[Trigger, ...]:
    """The event triggers, in file order (``path``, else ``$KG_TRIGGERS``, else the packaged file)."""
    return _cached("triggers", _resolve("triggers", path))


def load_cues(path: str | os.PathLike | None = None) -> tuple[Cue, ...]:
    """The modality/attribution/conditional cues (``path``, else ``$KG_CUES``, else the packaged file)."""
    return _cached("cues", _resolve("cues", path))


def _derived(kind: str) -> Path | None:
    """The derived file of ``kind``, or None when ``$KG_DERIVED`` is ``off`` (hand-made rows only)."""
    if os.environ.get("KG_DERIVED", "").lower() in ("off", "0", "no"):
        return None
    return DATA_DIR / DERIVED_FILES[kind]


def load_derived_triggers() -> tuple[Trigger, ...]:
    """Trigger rows derived from the CAMEO verb dictionary (empty with ``KG_DERIVED=off``)."""
    path = _derived("triggers")
    return _cached("triggers", path) if path else ()


def load_derived_gazetteer() -> tuple[GazetteerEntry, ...]:
    """Gazetteer rows derived from the Phoenix actor dictionaries (their countries are hand-made Country rows)."""
    path = _derived("gazetteer")
    return _cached("derived_gazetteer", path) if path else ()


def load_offices() -> tuple[Office, ...]:
    """Dated offices of the derived gazetteer's people."""
    path = _derived("offices")
    return _cached("offices", path) if path else ()


HAND_AGENTS = "agents.tsv"


def load_agents() -> dict[str, str]:
    """Generic agent nouns (lower case) and their sector: 'student' -> 'EDU'. The hand-made rows of
    ``agents.tsv`` (agents the Phoenix dictionary lacks: 'saboteur') win over the derived ones."""
    path = _derived("agents")
    derived = dict(_cached("agents", path)) if path else {}
    return derived | dict(_cached("agents", DATA_DIR / HAND_AGENTS))


# ---------------------------------------------------------------- file handling


def fingerprint() -> str:
    """A digest of the gazetteer, trigger and cue files in use (their paths and contents): it changes when one
    is edited or another is chosen by ``$KG_GAZETTEER``, ``$KG_TRIGGERS`` or ``$KG_CUES``."""
    digest = hashlib.sha1()
    for kind in ("gazetteer", "triggers", "cues"):
        path = _resolve(kind, None)
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _resolve(kind: str, path) -> Path:
    if path is None:
        path = os.environ.get(ENV_VARS[kind]) or DATA_DIR / DEFAULT_FILES[kind]
    return Path(path)


def _cached(kind: str, path: Path):
    try:
        st = path.stat()
    except OSError as err:
        raise LexiconError(
            path, 0, f"cannot read the {kind} file ({err.strerror})", f"check the path, or unset ${ENV_VARS[kind]}"
        ) from err
    return _parse_cached(kind, str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=32)
def _parse_cached(kind: str, path: str, _mtime: int, _size: int):
    parsers: dict[str, Callable[[Path], object]] = {
        "gazetteer": _parse_gazetteer,
        "triggers": _parse_triggers,
        "cues": _parse_cues,
        "derived_gazetteer": _parse_derived_gazetteer,
        "offices": _parse_offices,
        "agents": _parse_agents,
    }
    return parsers[kind](Path(path))


def _rows(path: Path, kind: str):
    """(line number, fields) for each data row, after checking the header."""
    header_seen = False
    expected = _HEADERS["gazetteer" if kind == "derived_gazetteer" else kind]
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if lineno == 1:
                line = line.lstrip("\ufeff")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if kind in ("gazetteer", "derived_gazetteer"):
                try:
                    fields = next(csv.reader([line], strict=True))
                except csv.Error as err:
                    raise LexiconError(
                        path, lineno, f"not a valid CSV row ({err})", 'quote fields that contain commas with "..."'
                    ) from err
                sep = ","
            else:
                fields = line.split("\t")
                sep = "tab"
            fields = [f.strip() for f in fields]
            if not header_seen:
                if fields != expected:
                    raise LexiconError(
                        path,
                        lineno,
                        f"header is {fields!r}",
                        f"the first non-comment line must be the {sep}-separated header {','.join(expected)}",
                    )
                header_seen = True
                continue
            if len(fields) != len(expected):
                raise LexiconError(
                    path,
                    lineno,
                    f"{len(fields)} {sep}-separated columns, expected {len(expected)}",
                    f"give exactly {', '.join(expected)} (use '-' or leave a field empty rather than dropping it)",
                )
            yield lineno, fields
    if not header_seen:
        raise LexiconError(path, 1, "no header row", f"start the file with {','.join(expected)}")


def _split_list(path: Path, lineno: int, value: str, column: str) -> tuple[str, ...]:
    if not value:
        return ()
    items = [v.strip() for v in value.split("|")]
    if any(not v for v in items):
        raise LexiconError(path, lineno, f"empty item in {column} {value!r}", "remove the stray '|'")
    dupes = {v for v in items if items.count(v) > 1}
    if dupes:
        raise LexiconError(path, lineno, f"{column} repeat {sorted(dupes)}", "list each form once")
    return tuple(items)


def _check_lemma(path: Path, lineno: int, lemma: str) -> None:
    if lemma in MULTIWORD_OK:
        return
    if not _LEMMA.match(lemma):
        raise LexiconError(
            path,
            lineno,
            f"lemma {lemma!r} is not a lower-case single word",
            "write the spaCy lemma in lower case (a phrasal verb is the verb plus a 'prt:' requirement)",
        )


# ---------------------------------------------------------------- gazetteer


def _parse_derived_gazetteer(path: Path) -> tuple[GazetteerEntry, ...]:
    countries = frozenset(e.name for e in load_gazetteer(DATA_DIR / DEFAULT_FILES["gazetteer"]) if e.type == "Country")
    return _parse_gazetteer(path, countries, kind="derived_gazetteer")


def _parse_offices(path: Path) -> tuple[Office, ...]:
    out = []
    for lineno, (name, country, sector, start, end) in _rows(path, "offices"):
        dates = [None if d in ("", "-") else d for d in (start, end)]
        if any(d is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", d) for d in dates):
            raise LexiconError(path, lineno, f"dates {start!r}, {end!r} are not YYYY-MM-DD", "write YYYY-MM-DD or '-'")
        out.append(Office(name, country, None if sector in ("", "-") else sector, dates[0], dates[1]))
    return tuple(out)


def _parse_agents(path: Path) -> tuple[tuple[str, str], ...]:
    out = []
    for lineno, (noun, sector) in _rows(path, "agents"):
        if sector not in SECTORS:
            raise LexiconError(path, lineno, f"unknown sector {sector!r}", f"use one of {' '.join(sorted(SECTORS))}")
        out.append((noun, sector))
    return tuple(out)


def _parse_gazetteer(
    path: Path, known_countries: frozenset[str] = frozenset(), kind: str = "gazetteer"
) -> tuple[GazetteerEntry, ...]:
    entries: list[GazetteerEntry] = []
    lines: dict[str, int] = {}
    qids: dict[str, str] = {}
    for lineno, (name, etype, qid, sector, country, aliases, demonyms) in _rows(path, kind):
        if not name:
            raise LexiconError(path, lineno, "empty name", "give the canonical English name")
        if name in lines:
            raise LexiconError(path, lineno, f"{name!r} is already defined on line {lines[name]}", "merge the two rows")
        if etype not in ENTITY_TYPES:
            raise LexiconError(path, lineno, f"unknown type {etype!r}", f"use one of {', '.join(ENTITY_TYPES)}")
        if qid:
            if not _QID.match(qid):
                raise LexiconError(
                    path, lineno, f"wikidata {qid!r} is not a QID", "write Q followed by digits, or leave it empty"
                )
            if qid in qids:
                raise LexiconError(
                    path,
                    lineno,
                    f"wikidata {qid} is already used by {qids[qid]!r}",
                    "one QID names one entity; fix or drop one",
                )
            qids[qid] = name
        if etype == "Country":
            if not _ISO3.match(sector):
                raise LexiconError(
                    path,
                    lineno,
                    f"sector {sector!r} of a Country is not an ISO alpha-3 code",
                    "use the three capital letters, e.g. RUS",
                )
            if country:
                raise LexiconError(path, lineno, "a Country row has a country", "leave the country column empty")
        elif sector and sector not in SECTORS:
            raise LexiconError(
                path, lineno, f"unknown sector {sector!r}", f"use one of {' '.join(sorted(SECTORS))}, or leave it empty"
            )
        alias_t = _split_list(path, lineno, aliases, "aliases")
        if name in alias_t:
            raise LexiconError(path, lineno, f"alias {name!r} repeats the name", "drop it from the aliases")
        entries.append(
            GazetteerEntry(
                name,
                etype,
                qid or None,
                sector or None,
                country or None,
                alias_t,
                _split_list(path, lineno, demonyms, "demonyms"),
            )
        )
        lines[name] = lineno
    countries = {e.name for e in entries if e.type == "Country"} | known_countries
    for e in entries:
        if e.country and e.country not in countries:
            raise LexiconError(
                path,
                lines[e.name],
                f"country {e.country!r} is not a Country row",
                "use the name of a Country row, or add that country",
            )
    _check_collisions(path, entries, lines)
    return tuple(entries)


def _check_collisions(path: Path, entries: list[GazetteerEntry], lines: dict[str, int]) -> None:
    owners: dict[str, list[GazetteerEntry]] = {}
    for e in entries:
        for form in e.surface_forms:
            owners.setdefault(form, []).append(e)
    for form, es in owners.items():
        non_place = [e for e in es if e.type != "Place"]
        place = [e for e in es if e.type == "Place"]
        if len(non_place) > 1 or len(place) > 1:
            clash = non_place if len(non_place) > 1 else place
            first, second = sorted(clash, key=lambda e: lines[e.name])[:2]
            raise LexiconError(
                path,
                lines[second.name],
                f"{form!r} already names {first.name!r} (line {lines[first.name]})",
                "a surface form belongs to one entry (a capital may also be one Place); remove it from one row",
            )
    demonyms: dict[str, GazetteerEntry] = {}
    for e in entries:
        for d in e.demonyms:
            if d in demonyms:
                raise LexiconError(
                    path,
                    lines[e.name],
                    f"demonym {d!r} already belongs to {demonyms[d].name!r}",
                    "a demonym denotes one entry; remove it from one row",
                )
            demonyms[d] = e


# ---------------------------------------------------------------- triggers


def _parse_requires(path: Path, lineno: int, text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if text in ("", "-"):
        return ()
    out: list[tuple[str, frozenset[str]]] = []
    for part in text.split(";"):
        part = part.strip()
        dep, sep, lemmas = part.partition(":")
        if not sep or not dep or not lemmas:
            raise LexiconError(
                path, lineno, f"requirement {part!r} is not dep:lemma|lemma", "write e.g. obj:troop|soldier"
            )
        if dep not in REQUIRE_DEPS:
            raise LexiconError(
                path, lineno, f"unknown dep {dep!r} in requires", f"use one of {', '.join(REQUIRE_DEPS)}"
            )
        if dep in dict(out):
            raise LexiconError(path, lineno, f"dep {dep!r} appears twice in requires", "merge the lemma lists with '|'")
        words = [w.strip() for w in lemmas.split("|")]
        for w in words:
            if not w or w != w.lower() or " " in w:
                raise LexiconError(
                    path,
                    lineno,
                    f"requirement lemma {w!r} in {part!r} is not a lower-case word",
                    "write spaCy lemmas in lower case, '|'-separated",
                )
        out.append((dep, frozenset(words)))
    return tuple(out)


def _parse_triggers(path: Path) -> tuple[Trigger, ...]:
    triggers: list[Trigger] = []
    seen: dict[tuple, int] = {}
    for lineno, (lemma, pos, etype, mode, requires, note) in _rows(path, "triggers"):
        _check_lemma(path, lineno, lemma)
        if pos not in TRIGGER_POS:
            raise LexiconError(path, lineno, f"unknown pos {pos!r}", f"use one of {', '.join(TRIGGER_POS)}")
        if etype not in PLOVER_TYPES:
            raise LexiconError(path, lineno, f"unknown PLOVER type {etype!r}", f"use one of {', '.join(PLOVER_TYPES)}")
        if mode in ("", "-"):
            mode = None
        elif mode not in MODES[etype]:
            allowed = ", ".join(sorted(MODES[etype])) or "none"
            raise LexiconError(path, lineno, f"mode {mode!r} is not a mode of {etype}", f"use '-' or one of: {allowed}")
        req = _parse_requires(path, lineno, requires)
        key = (lemma, pos, frozenset(req))
        if key in seen:
            raise LexiconError(
                path,
                lineno,
                f"{lemma} {pos} with the same requirements is already on line {seen[key]}",
                "delete one of the two rows",
            )
        seen[key] = lineno
        triggers.append(Trigger(lemma, pos, etype, mode, req, "" if note == "-" else note))
    return tuple(triggers)


# ---------------------------------------------------------------- cues


def _parse_cues(path: Path) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    seen: dict[tuple, int] = {}
    for lineno, (lemma, pos, kind, value, _note) in _rows(path, "cues"):
        _check_lemma(path, lineno, lemma)
        if pos not in CUE_POS:
            raise LexiconError(path, lineno, f"unknown pos {pos!r}", f"use one of {', '.join(CUE_POS)}")
        if kind not in CUE_KINDS:
            raise LexiconError(path, lineno, f"unknown kind {kind!r}", f"use one of {', '.join(CUE_KINDS)}")
        if value not in CUE_KINDS[kind]:
            raise LexiconError(
                path,
                lineno,
                f"value {value!r} is not a {kind} value",
                f"use one of {', '.join(sorted(CUE_KINDS[kind]))}",
            )
        key = (lemma, pos, kind)
        if key in seen:
            raise LexiconError(
                path, lineno, f"{lemma} {pos} {kind} is already on line {seen[key]}", "delete one of the two rows"
            )
        seen[key] = lineno
        cues.append(Cue(lemma, pos, kind, value))
    return tuple(cues)
