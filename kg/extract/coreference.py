"""Which mentions of an article are one referent: surnames, definite titles and descriptions, armed forces.

The rules work on :class:`kg.extract.entities.Mention` objects (their ``key`` is what makes them one entity) and
record the rule that joined them in ``rule`` (:data:`kg.graph.records.RESOLUTION_RULES`).
"""

from __future__ import annotations

import re

from kg.extract import words
from kg.extract.speakers import is_given_name
from kg.read.overrides import surface_key

__all__ = [
    "armed_forces",
    "link_abbreviations",
    "link_anaphors",
    "link_armed_members",
    "link_appositions",
    "link_first_names",
    "link_short_names",
    "link_owned_bodies",
    "link_forces",
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


# office titles that say a lone surname after them is an office holder ('Vice President Harris'); honorifics
# ('Mr', 'Dr') do not: 'Mr Harris' may be anyone
OFFICE_TITLES = frozenset(
    "president chancellor minister secretary general premier senator speaker ambassador admiral governor".split()
)


def link_titled_surnames(doc, mentions: list, gazetteer) -> None:
    """'Vice President Harris said' in a statement that never gives her full name: a lone surname after an office
    title is the one current office holder (a hand-made gazetteer person) with that surname, so that she is one
    entity across articles, not a new 'Harris' in each. A full name with that surname in the article itself
    decides instead (:func:`link_surnames`); a linked surname takes the full name, so that the bare 'Harris'
    later joins her too."""
    in_full = {m.name.split()[-1].lower() for m in mentions if m.type == "Person" and len(m.name.split()) > 1}
    for m in mentions:
        if m.kind != "ner" or m.type != "Person" or m.entry is not None or m.rule or m.end - m.start != 1:
            continue
        if m.start == 0 or doc[m.start - 1].lower_ not in OFFICE_TITLES or not doc[m.start - 1].text[:1].isupper():
            continue
        entry = None if m.name.lower() in in_full else gazetteer.titled_person(m.name)
        if entry is not None:
            m.key, m.entry, m.rule, m.name = f"gz:{entry.name}", entry, "surname", entry.name


def link_first_names(doc, mentions: list) -> None:
    """'Bill has always given me ...' after 'Bill Burns', 'Aleksey's widow' after 'Aleksey Navalny': a first name
    alone joins the one person of the article named in full with it (two such persons: it joins neither). A person
    the gazetteer knows is named in full by its row ('CHANCELLOR SCHOLZ' is Olaf Scholz), and a common first name
    the tagger labelled a body or a place ('welcome back, Olaf') is still the person's."""
    keys: dict[str, set[str]] = {}
    entries: dict[str, object] = {}  # a full name's key -> its gazetteer row, which the first name joins with it
    for m in mentions:
        if m.type == "Person" and m.kind in ("ner", "gazetteer") and (m.end - m.start > 1 or m.entry is not None):
            for first in {doc[m.start].text, m.name.split()[0]} if m.end - m.start > 1 else {m.name.split()[0]}:
                keys.setdefault(first.lower(), set()).add(m.key)
            entries.setdefault(m.key, m.entry)
    for m in mentions:
        if m.kind == "ner" and _lone_first_name(m):
            found = keys.get(m.name.lower(), set()) - {m.key}
            if len(found) == 1 and not any(k == m.key for k in keys.get(m.name.lower(), ())):
                m.key, m.rule, m.type = found.pop(), "first-name", "Person"
                m.entry = entries.get(m.key)


def _lone_first_name(m) -> bool:
    if m.entry is not None or m.rule or len(m.name.split()) != 1:
        return False
    return m.type == "Person" or is_given_name(m.name)


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


def link_titles(doc, mentions: list) -> list:
    """'Vice President Kamala Harris met ... The Vice President urged ...': a definite title ('the Vice President',
    'the prime minister', 'the secretary') refers to the person last named with a title holding its words;
    'the President' is not a 'Vice President', nor 'the minister' a 'Prime Minister'. A bare capitalised title
    that joins nobody leaves the mentions and is returned: :func:`kg.extract.sole_holders.link_sole_holders`
    gives it a second chance, else it is dropped (it names no one we know)."""
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
    unlinked = [m for m in mentions if m.kind == "title"]
    mentions[:] = [m for m in mentions if m.kind != "title"]
    return unlinked


def _same_office(anaphor: set[str], title: set[str], role: str | None) -> bool:
    return role in title and anaphor <= title and not (title - anaphor) & _OTHER_OFFICE


def _title_lemmas(doc, m) -> set[str]:
    """The title words written just before a name ('Defense Secretary Ash Carter' -> defense, secretary), or in an
    apposition after it ('Ben Roe, the former defence secretary,' -> former, defence, secretary)."""
    out = set()
    i = m.start - 1
    first = doc[m.start].sent.start
    while i >= first and doc[i].is_alpha and (doc[i].lower_ in words.TITLE_WORDS or doc[i].text[:1].isupper()):
        if doc[i].is_stop and doc[i].lower_ not in words.TITLE_WORDS and not _of_in_title(doc, i, first):
            break
        out.add(doc[i].lemma_.lower())
        i -= 1
    for role in doc[m.head].children:
        if (
            role.dep_ == "appos"
            and role.pos_ == "NOUN"
            and role.i >= m.end
            and role.lemma_.lower() in words.PERSON_ROLES
        ):
            out |= {t.lemma_.lower() for t in _own_words(role) if t.is_alpha and t.lower_ not in words.LEADING_DROP}
    return out


def _of_in_title(doc, i: int, first: int) -> bool:
    """'Minister of Foreign Affairs of Ukraine X': an 'of' between capitalised words runs through a title."""
    return doc[i].lower_ == "of" and i > first and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()


def _own_words(role) -> list:
    """A role's words with its 'of' phrase ('the head of the X Committee'), not whom it serves ('an adviser to the
    president' names no president)."""
    out = [role]
    for c in role.children:
        if c.dep_ != "prep" or c.lower_ == "of":
            out.extend(c.subtree)
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


def link_armed_members(doc, mentions: list) -> None:
    """'Hezbollah fighters attacked': an armed group's members named by the group's name alone are the group, as a
    state's troops are its forces (annotators and PLOVER give the group as the actor); 'Hezbollah supporters' and
    'two Hezbollah fighters' stay a group of their own."""
    armed = [
        m for m in mentions if m.kind in ("gazetteer", "ner") and m.entry and m.entry.sector in words.ARMED_SECTORS
    ]
    for m in mentions:
        head = doc[m.head]
        if m.kind != "np" or m.type != "Group" or m.rule or head.lemma_.lower() not in words.ARMED_MEMBERS:
            continue
        group = next(
            (g for g in armed if g.end == m.head and all(t.dep_ == "det" for t in doc[m.start : g.start])), None
        )
        if group is not None and head.tag_ in ("NNS", "NNPS"):
            m.type, m.key, m.name, m.entry, m.rule = group.type, group.key, group.name, group.entry, "armed-forces"


def _forces_state(doc, m, gazetteer):
    """The state whose forces a phrase names: by a demonym ('Russian troops') or the state's name, abbreviation or
    capital ('U.S. forces', "Moscow's forces"); not in a prefixed compound ('pro-Russian', 'Russian-backed'), and
    not two states' ('British and French troops')."""
    found = {}
    for t in doc[m.start : m.end]:
        if t.i == m.head or words.hyphened(doc, t):
            continue
        entry = gazetteer.demonym(t.text) or gazetteer.entry_for(gazetteer.key_for(t.text))
        if entry is not None and entry.type == "Country":
            found[entry.name] = entry
    return next(iter(found.values())) if len(found) == 1 else None


def _demonym_written(doc, m, gazetteer, country) -> str:
    written = [t.text for t in doc[m.start : m.end] if gazetteer.demonym(t.text) == country]
    return written[0] if written else (country.demonyms or (country.name,))[0]


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
    only one named after it with that very title (or untitled, for a leader's office, when he is the only person of
    that government the article names). Two candidates: it joins neither (the gazetteer gives no office)."""
    people = [
        m
        for m in mentions
        if m.type == "Person" and m.kind in ("ner", "gazetteer") and m.entry is not None and m.entry.country
    ]
    people = [m for m in people if m.entry.sector in _STATE_SECTORS]
    # a demonym the tagger took for a name ('The Moldovan president') is still the state's
    states_written = {i for m in mentions if m.type == "Country" for i in range(m.start, m.end)}
    for i, m in enumerate(mentions):
        if m.rule or m.kind != "np" or m.type != "Person" or m.role not in _STATE_OFFICES or len(m.countries) != 1:
            continue
        span = doc[m.start : m.end]
        if not (m.definite or any(t.tag_ == "POS" for t in span)) or _other_office(span):
            continue
        if any(t.ent_type_ == "PERSON" and t.i not in states_written for t in span):
            continue  # "the leader of the party X Sergey Aksyonov": the title of the name inside it
        if any(p.kind == "np" and p.role == m.role and p.type == "Person" for p in mentions[:i]):
            continue  # an earlier phrase with that office: link_anaphors' business
        state = next(iter(m.countries))
        office = {t.lemma_.lower() for t in span if t.is_alpha}
        # 'X, an adviser to the Ukrainian president,': an office inside a person's own apposition is someone else's
        fits = [p for p in people if p.entry.country == state and not _inside_phrase_of(doc, p, m)]
        # a lead that names the office before the name ('The president of X accused ... Jane Roe said'): a leader's
        # office is also the untitled person named after it when he is the only one of that government named at all
        alone = _leads(m.role, office) and len({p.key for p in fits}) == 1
        before = {p.key for p in fits if p.start < m.start and _holds(doc, p, m.role, office, untitled=True)}
        after = {p.key for p in fits if p.start > m.start and _holds(doc, p, m.role, office, untitled=alone)}
        found = before or after
        if len(found) == 1:
            holder = next(p for p in fits if p.key in found)
            m.key, m.name, m.entry, m.rule = holder.key, holder.name, holder.entry, "definite-description"


def _inside_phrase_of(doc, person, m) -> bool:
    head = doc[person.head]
    return head.left_edge.i <= m.start and m.end - 1 <= head.right_edge.i


def _leads(role: str, office: set[str]) -> bool:
    return role in _LEADERS or (role == "minister" and "prime" in office)


def _other_office(span) -> bool:
    return any(t.lower_ in _OTHER_OFFICE - {"prime", "foreign", "defence"} for t in span)


def _holds(doc, person, role: str, office: set[str], *, untitled: bool) -> bool:
    """Whether the person's title before the name is that office: 'Prime Minister X' for 'the prime minister' (not
    'Foreign Minister X'); with ``untitled`` a leader's office also fits a person named without a title."""
    title = _title_lemmas(doc, person)
    if not title & (_STATE_OFFICES | {"prime", "foreign", "defence", "defense"}):
        return untitled and _leads(role, office)
    if role == "leader":
        return bool(title & _LEADERS) or {"prime", "minister"} <= title
    return role in title and ("prime" in office) == ("prime" in title)


def link_anaphors(doc, mentions: list) -> None:
    """'the diplomat', 'the US official' join the most recent earlier role phrase with the same
    head noun, unless the two name different states or different offices."""
    names_someone = any(p.type == "Person" and p.kind in ("ner", "gazetteer") for p in mentions)
    for i, m in enumerate(mentions):
        if m.rule or not (m.kind == "anaphor" or (m.kind == "np" and m.definite and m.type == "Person")):
            continue
        antecedent = next(
            (
                p
                for p in reversed(mentions[:i])
                if p.kind == "np"
                and p.role == m.role
                and p.type == "Person"
                and _compatible(p, m)
                and not _other_offices(doc, p, m)
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


def _other_offices(doc, a, b) -> bool:
    """'the Secretary of the Treasury' and 'the Secretary of State': one role noun, each with whose office it is
    after it written with a capital, and those differ ('the head of the agency' may be 'the head of the IAEA')."""
    whose_a, whose_b = (_whose(doc, m) for m in (a, b))
    return bool(whose_a and whose_b) and whose_a != whose_b


def _whose(doc, m) -> str:
    """'of the Treasury' and 'of Treasury' are one office's."""
    after = [t.lower_ for t in doc[m.head + 1 : m.end] if t.lower_ not in words.LEADING_DROP]
    return " ".join(after) if any(t.text[:1].isupper() for t in doc[m.head + 1 : m.end]) else ""


def link_owned_bodies(doc, mentions: list) -> None:
    """ "Lebanon's Parliament convened a session of Parliament": a body written bare is the one the article names
    with its state's possessive ('Lebanese Parliament'), when that text has one owner in the article."""
    owners: dict[str, set[str]] = {}
    bare = []
    for m in mentions:
        if m.kind not in ("ner", "gazetteer") or m.type != "Organization" or m.rule:
            continue
        surface = _norm(doc[m.start : m.end].text)
        if m.kind == "ner" and m.start >= 2 and doc[m.start - 1].tag_ == "POS" and _norm(m.name) != surface:
            owners.setdefault(surface, set()).add(m.key)
        else:  # 'the Senate' after "Chile's Senate" is Chile's, whatever Senate the gazetteer knows
            bare.append((surface, m))
    for surface, m in bare:
        keys = owners.get(surface, set())
        if len(keys) == 1 and m.key not in keys:
            owned = next(o for o in mentions if o.key in keys)
            m.key, m.name, m.entry, m.rule = owned.key, owned.name, owned.entry, "definite-description"


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


# a body's last noun that stands for the whole name once the article has given it: 'the Alliance' (the North
# Atlantic Alliance), 'the Union' (the European Union), 'the Commission'
_SHORT_HEADS = frozenset({"alliance", "union", "commission", "council", "bloc", "pact", "coalition", "assembly"})


def link_short_names(doc, mentions: list, gazetteer) -> None:
    """'NATO ... the Alliance', 'the Atlantic Alliance'; 'the House of Representatives ... the House': a name the
    gazetteer does not know that is the end of exactly one body's longer name in the article (ending in a noun such
    as 'Alliance' or 'Union'), or its first word before 'of', is that body. Longer short names first: 'the Atlantic
    Alliance' joins NATO before 'the Alliance' is read."""
    short_forms = [
        m for m in mentions if m.kind == "ner" and m.entry is None and not m.rule and m.type == "Organization"
    ]
    for m in sorted(short_forms, key=lambda m: -len(m.name.split())):
        bodies: dict[str, set[str]] = {}  # key -> the names it goes by in this article
        for o in mentions:
            if o.type == "Organization" and o.key and o.key != m.key:
                forms = (o.entry.name, *o.entry.aliases) if o.entry is not None else (o.name,)
                bodies.setdefault(o.key, set()).update(_norm(f) for f in forms)
        short = _norm(m.name)
        if not short or any(short in names for names in bodies.values()):
            continue  # another body's own name
        last = short.split()[-1]
        keys = {
            key
            for key, names in bodies.items()
            if any(
                (last in _SHORT_HEADS and n.endswith(" " + short))
                or (" " not in short and n.startswith(short + " of "))
                for n in names
            )
        }
        if len(keys) == 1:
            key = keys.pop()
            owner = next(o for o in mentions if o.key == key)
            for same in (o for o in short_forms if o.key == m.key):
                same.key, same.name, same.type, same.entry = key, owner.name, owner.type, owner.entry
                same.rule = "definite-description"
