"""Titles as offices: the words that make a leader or an affiliate, and the state an office holder serves when his
title writes none ('Defence Minister Pierre Joxe said', 'Attorney General X', 'the Russian president'), or the
place a mayor leads ('Missiles struck Kharkiv, said the mayor, Ihor Terekhov')."""

from __future__ import annotations

from kg.extract import words
from kg.extract.ties import relation as _relation

__all__ = [
    "AFFILIATE_TITLES",
    "FORMER",
    "LEADER_TITLES",
    "OUTSIDE_THE_STATE",
    "PAST_OFFICE",
    "SECRETARY_GENERAL",
    "TITLES",
    "deputy",
    "PLACE_LEADERS",
    "described_holders",
    "local_leaders",
    "stateless_titles",
]

# "the Task Force Commander": a commander leads the unit his title names; "Wagner boss X" leads Wagner
LEADER_TITLES = words.LEADER_TITLES | {"commander", "boss"}
# "Italian PM X" leads; "House Speaker Y", 'the Speaker of the Knesset, Z' leads the chamber (capitalised only: 'a
# speaker at the forum' is no office)
LEADER_TITLES |= {"pm", "speaker"}
# "Fox News anchor X": a newsroom's titles affiliate a person with the outlet; "Wagner founder X"
AFFILIATE_TITLES = words.AFFILIATE_TITLES | {"counterpart", "anchor", "host", "columnist", "editor", "presenter"}
AFFILIATE_TITLES |= {"founder", "co-founder", "commissioner", "fm", "candidate", "nominee"}
# words that put a leader outside the state's offices: a 'Russian opposition leader' leads no state
OUTSIDE_THE_STATE = frozenset(
    """opposition rebel separatist militia party union community religious business student tribal civil
    resistance insurgent militant""".split()
)
# a faith's offices: "Russia's Chief Rabbi X" leads a community of the state, not the state
OUTSIDE_THE_STATE |= {"rabbi", "mufti", "imam", "patriarch", "bishop", "archbishop", "cardinal", "cleric"}
TITLES = LEADER_TITLES | AFFILIATE_TITLES
# "Florida Governor X", "Kharkiv Mayor Y": titles that lead a region or a city
PLACE_LEADERS = frozenset({"governor", "mayor"})
SECRETARY_GENERAL = frozenset({"secretary", "general"})


def deputy(lemmas: set[str]) -> bool:
    return bool(lemmas & {"deputy", "vice", "former", "acting", "assistant"})


# Titles that are offices of a state: a 'Defence Minister' serves a state, a 'spokesman' or 'director' may not.
STATE_OFFICES = frozenset(
    """president premier chancellor minister secretary ambassador envoy adviser advisor governor senator pm fm
    congressman congresswoman lawmaker legislator king queen monarch emperor sultan emir""".split()
)
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# words before an office that say it was held: "the former president", "the ex-president" (the tokenizer cuts
# "ex" off); inside a title also "the late president", "then-President"
PAST_OFFICE = frozenset({"former", "ex"})
FORMER = PAST_OFFICE | {"late", "then"}


def stateless_titles(ctx, titles, stated, offices=None):
    """'Defence Minister Pierre Joxe said': a state office whose title names no state or body. The state is the
    one the hand-made gazetteer (kept current) gives for the person, else the one a dated office of the dictionaries
    (``offices``, a :class:`kg.extract.offices.OfficeIndex`) places him in on the article's day, else the only
    state the article names; none when the article names several and neither says anything (never a guess)."""
    table = ctx.table
    placed = {r.subject for r in stated if table.get(r.object).type in ("Country", "Organization")}
    tied = {r.subject for r in stated}  # 'Zelenskyy's chief of staff, X' serves a person
    states = table.country_ids()
    # a state named in another person's title is that person's ('Trade Minister of Chile, Ana Soto')
    owned = {r.object for r in stated if table.get(r.subject).type == "Person"}
    free = [s for s in states.values() if s not in owned]
    done = set()
    for title in titles:
        if title.person in placed or title.person in done or SECRETARY_GENERAL <= title.lemmas:
            continue  # 'Secretary-General': of an organisation, not a state
        entry = table.entries.get(title.person) if title.person in table.current else None
        served = entry is not None and entry.sector in STATE_SECTORS and bool(entry.country)
        dated = None if served else _dated_state(ctx, offices, title.person)
        office = bool(title.lemmas & STATE_OFFICES)
        # 'Attorney General X', 'Chief of the General Staff Y': a title no state office word makes, held by one the
        # gazetteer places in a state's government or forces, is an office of that state; it says whom he serves,
        # not that he leads the state ('chief' of the staff). A former office says nothing of today.
        if not office and not ((served or dated) and title.person not in tied and not former(title)):
            continue
        if served:
            state = states.get(entry.country)
        elif dated is not None:
            state = dated
        else:
            state = free[0] if len(free) == 1 and len(states) == 1 else None
        if state is None or _named_inside(ctx, title, state):
            continue  # 'Ambassador to Ukraine X': a state the title names and does not serve is not his
        done.add(title.person)
        rtype = "leader_of" if title.leader and office else "affiliated_with"
        yield _relation(ctx, rtype, title.person, state, list(title.tokens), confidence=0.55)


def _dated_state(ctx, offices, person: str) -> str | None:
    """The one state named in the article whose government a dated office of the dictionaries has the person serve
    on the article's day ('President Arpad Goncz' in a 1995 article: Hungary's)."""
    if offices is None:
        return None
    states = ctx.table.country_ids()
    found = {states[o.country] for o in offices.held(ctx.table.get(person).name, ctx.date) if o.country in states}
    return found.pop() if len(found) == 1 else None


def _named_inside(ctx, title, state: str) -> bool:
    """Whether the state is written within the title's words (the parser may leave it out of them)."""
    doc = ctx.doc
    span = doc[title.tokens[0].i : title.tokens[-1].i + 1]
    return any(state in ctx.resolve_modifier(t) for t in span if ctx.table.by_token.get(t.i) != title.person)


def former(title) -> bool:
    """'former Attorney General X', 'ex-Chief of Staff Y': the title says what he was ('former' is a stop word, so it
    may stand just before the tokens read as the title)."""
    first = title.tokens[0]
    before = {t.lower_ for t in first.doc[max(first.sent.start, first.i - 2) : first.i]}
    return bool((title.lemmas | before) & FORMER)


def described_holders(ctx, mentions):
    """'Vladimir Putin said ... The Russian president's comments': a definite office with a state ('the Russian
    president', 'the Iranian foreign minister') that the entity rules left unlinked describes the person named before
    it whom the gazetteer places in that state's government, when there is exactly one."""
    table, doc = ctx.table, ctx.doc
    named = [
        (m.start, eid) for m, eid in mentions if m.kind in ("ner", "gazetteer") and table.get(eid).type == "Person"
    ]
    for m, eid in mentions:
        if m.kind != "np" or not m.definite or m.role not in STATE_OFFICES or table.get(eid).type != "Person":
            continue
        # the demonym is inside the phrase's own mention, so it is read off the gazetteer, not the token table
        countries = table.country_ids()
        entries = [ctx.resolver.gazetteer.demonym(t.text) for t in doc[m.start : m.end] if t.i != m.head]
        states = list(dict.fromkeys(countries[e.name] for e in entries if e is not None and e.name in countries))
        if len(states) != 1:
            continue
        state = table.get(states[0]).name
        holders = {
            p
            for start, p in named
            if start < m.start
            and (entry := table.entries.get(p)) is not None
            and entry.country == state
            and entry.sector in STATE_SECTORS
        }
        if len(holders) == 1:  # two of that state's officials named before: the gazetteer does not say which office
            holder = holders.pop()
            rtype = (
                "leader_of"
                if m.role in LEADER_TITLES and not deputy({t.lemma_.lower() for t in doc[m.start : m.end]})
                else "affiliated_with"
            )
            yield _relation(ctx, rtype, holder, states[0], list(doc[m.start : m.end]), confidence=0.55)


def local_leaders(ctx, titles, stated) -> list:
    """'Russian missiles struck Kharkiv, said the mayor, Ihor Terekhov': a mayor or governor whose title names no
    place leads the one place (no state) his sentence names."""
    found = []
    led = {r.subject for r in stated if r.type == "leader_of"}
    for title in titles:
        if title.head not in PLACE_LEADERS or title.person in led:
            continue
        if any(ctx.table.by_token.get(t.i) not in (None, title.person) for t in title.tokens):
            continue  # 'the Kharkiv mayor', 'the mayor of Melitopol': his title names his place or another
        sent = title.tokens[0].sent
        named = {ctx.table.by_token.get(t.i) for t in sent} - {None}
        places = [p for p in named if ctx.table.get(p).type == "Place"]
        if len(places) == 1:
            found.append(_relation(ctx, "leader_of", title.person, places[0], list(title.tokens), confidence=0.5))
    return found
