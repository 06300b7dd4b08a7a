"""The Phoenix actor and agent dictionaries: kg's derived gazetteer, office and agent rows."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import lexicons, speakers, words
from kg.extract.dictionaries.common import Tally

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
            if kind == "country" and dated and all(not r.sectors for r in roles):
                # 'SERBIA_AND_MONTENEGRO [SCG 920428-060605]', 'LEIPZIG_ [DDR ...]': a state, or a city of one,
                # between two dates; never a person
                tally.add(f"{kind}: entries dropped: a state or its city by dates, not a person")
                continue
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
            if etype == "Person":
                first_names = [a for a in aliases if _first_name_alone(a, name)]
                for _ in first_names:
                    tally.add(f"{kind}: aliases dropped: a first name alone (any 'William ...' would match)")
                aliases = [a for a in aliases if a not in first_names]
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


def _first_name_alone(alias: str, name: str) -> bool:
    """'William' for William Perry: one word that is the person's first name, or a common given name, names
    whoever else bears it ('William Ruto') as much as him."""
    if " " in alias:
        return False
    return alias.lower() == name.split()[0].lower() or speakers.is_given_name(alias)


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
