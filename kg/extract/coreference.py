"""Which mentions of an article are one referent: surnames, definite titles and descriptions, armed forces.

The rules work on :class:`kg.extract.entities.Mention` objects (their ``key`` is what makes them one entity) and
record the rule that joined them in ``rule`` (:data:`kg.graph.records.RESOLUTION_RULES`).
"""

from __future__ import annotations

import re

from kg.extract import words
from kg.read.overrides import surface_key

__all__ = [
    "armed_forces",
    "link_abbreviations",
    "link_anaphors",
    "link_appositions",
    "link_first_names",
    "link_forces",
    "link_leaders_named_later",
    "link_state_offices",
    "link_surnames",
    "link_titles",
    "one_type_per_name",
]


def link_surnames(mentions: list) -> None:
    """'Yermak' and 'Mr Putin' join the person whose full name ends with that surname."""
    full: dict[str, str] = {}  # surname -> the full name's resolution key
    for m in mentions:
        if m.type == "Person" and m.kind in ("ner", "gazetteer") and len(m.name.split()) > 1:
            full.setdefault(m.name.split()[-1].lower(), m.key)
    _link_patronymics(mentions)
    for m in mentions:
        # a surname the tagger labelled a place or a body ("Deripaska owns ...") is still the person's
        if m.kind == "ner" and (m.type == "Person" or m.entry is None) and len(m.name.split()) == 1 and not m.rule:
            key = full.get(m.name.lower())
            if key is not None and key != m.key:
                m.key, m.rule, m.type = key, "surname", "Person"


def link_first_names(doc, mentions: list) -> None:
    """'Bill has always given me ...' after 'Bill Burns', 'Aleksey's widow' after 'Aleksey Navalny': a first name
    alone joins the one person of the article named in full with it (two such persons: it joins neither)."""
    keys: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "Person" and m.kind in ("ner", "gazetteer") and m.end - m.start > 1:
            for first in {doc[m.start].text, m.name.split()[0]}:
                keys.setdefault(first.lower(), set()).add(m.key)
    for m in mentions:
        if m.kind == "ner" and m.type == "Person" and m.entry is None and not m.rule and len(m.name.split()) == 1:
            found = keys.get(m.name.lower(), set()) - {m.key}
            if len(found) == 1 and not any(k == m.key for k in keys.get(m.name.lower(), ())):
                m.key, m.rule = found.pop(), "first-name"


_PATRONYMIC = re.compile(r"(ovich|evich|ovych|ich|ovna|evna|ivna|ichna)$")


def _link_patronymics(mentions: list) -> None:
    """'Alexander Grigoryevich will consider ...' after 'Alexander Lukashenko': a first name and a patronymic
    (the Russian and Belarusian polite form) join the one person of the article with that first name."""
    people = [m for m in mentions if m.type == "Person" and m.kind in ("ner", "gazetteer") and not m.rule]
    for m in people:
        first, *rest = m.name.split()
        if len(rest) != 1 or not _PATRONYMIC.search(rest[0]) or m.entry is not None:
            continue
        keys = {p.key for p in people if p.key != m.key and len(p.name.split()) > 1 and p.name.split()[0] == first}
        if len(keys) == 1:
            m.key, m.rule = keys.pop(), "patronymic"


# Title words that make another office: a 'Vice President' is not 'the President'.
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "acting", "former", "prime", "under", "foreign", "defence"})


def link_titles(doc, mentions: list) -> None:
    """'Vice President Kamala Harris met ... The Vice President urged ...': a definite title ('the Vice President',
    'the prime minister', 'the secretary') refers to the person last named with a title holding its words;
    'the President' is not a 'Vice President', nor 'the minister' a 'Prime Minister'. A bare capitalised title
    that joins nobody is dropped (it names no one we know)."""
    titled = []  # (title lemmas, mention) of named persons, in text order
    for m in mentions:
        if m.type == "Person" and m.kind in ("ner", "gazetteer"):
            titled.append((_title_lemmas(doc, m), m))
            continue
        if not (m.kind in ("title", "anaphor") or (m.kind == "np" and m.definite and m.type == "Person")):
            continue
        words_ = {t.lemma_.lower() for t in doc[m.start : m.end] if t.is_alpha and t.lower_ not in words.LEADING_DROP}
        person = next(
            (p for title, p in reversed(titled) if p.start < m.start and _same_office(words_, title, m.role)), None
        )
        if person is not None:
            m.key, m.name, m.entry, m.rule, m.kind = (
                person.key,
                person.name,
                person.entry,
                "definite-description",
                "anaphor",
            )
    mentions[:] = [m for m in mentions if m.kind != "title"]


def _same_office(anaphor: set[str], title: set[str], role: str | None) -> bool:
    return role in title and anaphor <= title and not (title - anaphor) & _OTHER_OFFICE


def _title_lemmas(doc, m) -> set[str]:
    """The title words written just before a name ('Defense Secretary Ash Carter' -> defense, secretary)."""
    out = set()
    i = m.start - 1
    first = doc[m.start].sent.start
    while i >= first and doc[i].is_alpha and (doc[i].lower_ in words.TITLE_WORDS or doc[i].text[:1].isupper()):
        if doc[i].is_stop and doc[i].lower_ not in words.TITLE_WORDS:
            break
        out.add(doc[i].lemma_.lower())
        i -= 1
    return out


def link_forces(doc, mentions: list, gazetteer) -> None:
    """'Russian forces', 'Russian troops', 'the Russian military', "Moscow's forces", 'U.S. troops' are one
    Organization: the state's armed forces, named in every article as the gazetteer names them ('Russian Armed
    Forces', the row its '<demonym> forces' alias finds), so that one state's forces are one node across articles;
    else '<demonym> forces' (the demonym written, or the state's first). 'pro-Russian forces' are not Russia's."""
    for m in mentions:
        if m.kind != "np" or m.type not in ("Group", "Organization") or m.role not in words.FORCE_NOUNS or m.rule:
            continue
        country = _forces_state(doc, m, gazetteer)
        if country is None:
            continue
        canonical = armed_forces(gazetteer, country)
        m.type, m.kind, m.key, m.entry = "Organization", "np", f"forces:{country.name}", canonical
        m.name = canonical.name if canonical else f"{_demonym_written(doc, m, gazetteer, country)} forces"
        if surface_key(doc[m.start : m.end].text) != surface_key(m.name):
            m.rule = "armed-forces"
    # "the Russian forces ... the Russian Armed Forces": the gazetteer row of the state's armed forces is that body
    for m in mentions:
        entry = m.entry if m.kind == "gazetteer" else None
        if entry is not None and entry.sector == "MIL" and entry.country:
            country = gazetteer.entry_for(gazetteer.key_for(entry.country))
            if country is not None and armed_forces(gazetteer, country) == entry:
                m.key = f"forces:{entry.country}"


def _forces_state(doc, m, gazetteer):
    """The state whose forces a phrase names: by a demonym ('Russian troops') or the state's name, abbreviation or
    capital ('U.S. forces', "Moscow's forces"); not in a prefixed compound ('pro-Russian', 'Russian-backed'), and
    not two states' ('British and French troops')."""
    found = {}
    for t in doc[m.start : m.end]:
        if t.i == m.head or _hyphened(doc, t):
            continue
        entry = gazetteer.demonym(t.text) or gazetteer.entry_for(gazetteer.key_for(t.text))
        if entry is not None and entry.type == "Country":
            found[entry.name] = entry
    return next(iter(found.values())) if len(found) == 1 else None


def _demonym_written(doc, m, gazetteer, country) -> str:
    written = [t.text for t in doc[m.start : m.end] if gazetteer.demonym(t.text) == country]
    return written[0] if written else (country.demonyms or (country.name,))[0]


def _hyphened(doc, t) -> bool:
    return (t.i > 0 and doc[t.i - 1].text == "-") or (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")


_FORCE_FORMS = ("{} forces", "{} armed forces", "{} military", "{} troops", "{} army")


def armed_forces(gazetteer, country):
    """The gazetteer row of a state's armed forces: the military body its '<demonym> forces' names, or None."""
    for demonym in country.demonyms[:1]:
        for form in _FORCE_FORMS:
            entry = gazetteer.entry_for(gazetteer.key_for(form.format(demonym)))
            if entry is not None and entry.sector == "MIL" and entry.country == country.name:
                return entry
    return None


# Offices of a state's government that a definite description names its holder by
_LEADERS = frozenset({"president", "leader", "premier", "chancellor", "king", "queen", "monarch", "emir", "sultan"})
_STATE_OFFICES = _LEADERS | frozenset({"minister", "secretary", "ambassador", "envoy", "governor"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def link_state_offices(doc, mentions: list) -> None:
    """'Vladimir Putin ... The Russian leader ordered', "Ukraine's prime minister warned ... Ukrainian Prime Minister
    Shmyhal said": a definite office of one state is the person the gazetteer places in that state's government
    whose title agrees (a leader's office also the untitled one): the only such person named before it, else the
    only one named after it with that very title. Two candidates: it joins neither (the gazetteer gives no office)."""
    people = [
        m
        for m in mentions
        if m.type == "Person" and m.kind in ("ner", "gazetteer") and m.entry is not None and m.entry.country
    ]
    people = [m for m in people if m.entry.sector in _STATE_SECTORS]
    for i, m in enumerate(mentions):
        if m.rule or m.kind != "np" or m.type != "Person" or m.role not in _STATE_OFFICES or len(m.countries) != 1:
            continue
        span = doc[m.start : m.end]
        if not (m.definite or any(t.tag_ == "POS" for t in span)) or _other_office(span):
            continue
        if any(t.ent_type_ == "PERSON" for t in span):
            continue  # "the leader of the party X Sergey Aksyonov": the title of the name inside it
        if any(p.kind == "np" and p.role == m.role and p.type == "Person" for p in mentions[:i]):
            continue  # an earlier phrase with that office: link_anaphors' business
        state = next(iter(m.countries))
        office = {t.lemma_.lower() for t in span if t.is_alpha}
        fits = [p for p in people if p.entry.country == state]
        before = {p.key for p in fits if p.start < m.start and _holds(doc, p, m.role, office, untitled=True)}
        after = {p.key for p in fits if p.start > m.start and _holds(doc, p, m.role, office, untitled=False)}
        found = before or after
        if len(found) == 1:
            holder = next(p for p in fits if p.key in found)
            m.key, m.name, m.entry, m.rule = holder.key, holder.name, holder.entry, "definite-description"


def link_leaders_named_later(doc, mentions: list, countries_after) -> None:
    """'The president of Moldova has accused Russia ... , said Maia Sandu': a news lead may name a state's leader by
    office first and by name only later. A definite leader's office of one state ('the president of X', 'the X
    president') that joined no one is the one person named after it whom the gazetteer places in that state's
    government, when no mention of that person carries a title (a titled one is linked by her title elsewhere);
    two such persons: neither. Later bare mentions of the office ('the president said') are her too."""
    people = [m for m in mentions if m.type == "Person" and m.kind in ("ner", "gazetteer") and m.entry is not None]
    for m in mentions:
        unjoined = (m.kind == "anaphor" and not m.key) or (m.kind == "np" and m.definite and m.type == "Person")
        if not unjoined or m.rule or m.role not in _LEADERS:
            continue
        states = m.countries or frozenset(countries_after(doc[m.head]))
        if len(states) != 1 or _other_office(doc[m.start : m.end]):
            continue
        state = next(iter(states))
        fits = [p for p in people if p.entry.country == state and p.entry.sector == "GOV" and p.start > m.end]
        keys = {p.key for p in fits}
        titled = {p.key for p in people if p.key in keys and (_title_lemmas(doc, p) or _described(doc[p.head]))}
        if len(keys) != 1 or titled:
            continue
        holder = fits[0]
        later = [n for n in mentions if n.start > m.start and n.kind == "anaphor" and n.role == m.role]
        for same in [m] + [n for n in later if not n.key and not n.rule and n.countries <= states]:
            same.key, same.name, same.entry, same.rule = holder.key, holder.name, holder.entry, "definite-description"


def _described(name) -> bool:
    """'Dmitry Peskov, the Kremlin spokesman,': a name with a description set beside it."""
    return any(c.dep_ == "appos" for c in name.children) or name.dep_ == "appos"


def _other_office(span) -> bool:
    return any(t.lower_ in _OTHER_OFFICE - {"prime", "foreign", "defence"} for t in span)


def _holds(doc, person, role: str, office: set[str], *, untitled: bool) -> bool:
    """Whether the person's title before the name is that office: 'Prime Minister X' for 'the prime minister' (not
    'Foreign Minister X'); with ``untitled`` a leader's office also fits a person named without a title."""
    title = _title_lemmas(doc, person)
    if not title & (_STATE_OFFICES | {"prime", "foreign", "defence", "defense"}):
        return untitled and role in _LEADERS
    if role == "leader":
        return bool(title & _LEADERS) or {"prime", "minister"} <= title
    return role in title and ("prime" in office) == ("prime" in title)


def link_anaphors(mentions: list) -> None:
    """'the diplomat', 'the US official' join the most recent earlier role phrase with the same
    head noun, unless the two name different states."""
    names_someone = any(p.type == "Person" and p.kind in ("ner", "gazetteer") for p in mentions)
    for i, m in enumerate(mentions):
        if m.rule or not (m.kind == "anaphor" or (m.kind == "np" and m.definite and m.type == "Person")):
            continue
        antecedent = next(
            (
                p
                for p in reversed(mentions[:i])
                if p.kind == "np" and p.role == m.role and p.type == "Person" and _compatible(p, m)
            ),
            None,
        )
        if antecedent is not None:
            m.key, m.rule = antecedent.key, "definite-description"
        elif m.kind == "anaphor" and m.role in _HEADS_OF_STATE and names_someone:
            continue  # "the president" joining no one: a head of state the article names otherwise, no new person
        elif m.kind == "anaphor":
            m.key = f"Person:{m.role}"
            m.name = m.role
            m.kind = "np"


_HEADS_OF_STATE = frozenset({"president", "king", "queen", "monarch", "emir", "sultan", "chancellor", "premier"})


def _compatible(a, b) -> bool:
    return not a.countries or not b.countries or bool(a.countries & b.countries)


def link_appositions(mentions: list) -> None:
    """'Qatar's emir, Sheikh Hamad,', 'A member of the Syrian parliament, Mohammed Mamoun,': a role phrase set
    before a name by a comma is a mention of that person (``apposition``); one whose name is no person is dropped."""
    people = [m for m in mentions if m.type == "Person" and m.kind in ("ner", "gazetteer")]
    for m in mentions:
        if m.kind != "appos":
            continue
        person = next((p for p in people if p.start <= m.names < p.end), None)
        if person is not None:
            m.key, m.name, m.entry, m.rule, m.kind = person.key, person.name, person.entry, "apposition", "anaphor"
    mentions[:] = [m for m in mentions if m.kind != "appos"]


# Which label wins when spaCy labels one unknown name differently across an article: a body's name read once as
# a place ("aid workers from World Central Kitchen") is still the body.
_TYPE_PREFERENCE = ("NewsOutlet", "Organization", "Person", "Place")
_PREFERENCE = {t: i for i, t in enumerate(_TYPE_PREFERENCE)}


def one_type_per_name(mentions: list) -> None:
    """One name, one entity: spaCy's mentions of a name the gazetteer does not know take the type most of them
    have (ties: :data:`_TYPE_PREFERENCE`)."""
    by_name: dict[str, list] = {}
    for m in mentions:
        if m.kind == "ner" and m.entry is None and m.key == f"{m.type}:{_norm(m.name)}":
            by_name.setdefault(_norm(m.name), []).append(m)
    for norm, ms in by_name.items():
        types = [m.type for m in ms]
        if len(set(types)) < 2:
            continue
        etype = max(set(types), key=lambda t: (types.count(t), -_PREFERENCE.get(t, len(_PREFERENCE))))
        for m in ms:
            m.type, m.key = etype, f"{etype}:{norm}"


def _norm(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


def link_abbreviations(doc, mentions: list) -> None:
    """'the Ukraine Recovery Conference (URC)': an upper-case name in brackets right after a name of several words
    whose capitalised words start with its letters is that name, there and wherever the article uses it again."""
    joined: dict = {}
    for m in mentions:
        short = doc[m.start : m.end].text
        if m.end - m.start != 1 or not short[:2].isupper() or m.kind not in ("ner", "gazetteer") or m.start < 2:
            continue
        if doc[m.start - 1].text != "(" or m.end >= len(doc) or doc[m.end].text != ")":
            continue
        full = next((n for n in mentions if n.end == m.start - 1 and n.key and n.end - n.start > 1), None)
        if full is not None and _initials(doc[full.start : full.end]).startswith(short[:2].lower()):
            joined[m.key] = full
    for m in mentions:
        full = joined.get(m.key)
        if full is not None and m is not full and m.entry is None:
            m.key, m.name, m.type, m.entry, m.rule = full.key, full.name, full.type, full.entry, "abbreviation"


def _initials(span) -> str:
    """'Ukraine Recovery Conference' -> 'urc', 'international financial institutions' -> 'ifi'."""
    return "".join(t.lower_[0] for t in span if t.is_alpha and not t.is_stop)
