"""The second chance of a definite title: 'Belarusian Minister of Foreign Affairs X began ... the minister said',
'Olaf Scholz, the Chancellor of Germany, ... the German Chancellor said', 'President X ... the head of state'.

:func:`kg.extract.coreference.link_titles` links a title only to a person whose written title holds all its words
and no other office's ('the minister' is not a 'Foreign Minister', for an article may name two ministers).
What it leaves unlinked is a person of its own, and annotators never count it apart from the named holder: the
article names the office once, with the name, and then writes the office alone. So a definite title that joined
nobody joins the one person the article names with that office; two such persons, or none, and it stays apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract import words
from kg.extract.holders import PAST_OFFICE

__all__ = ["link_former_holders", "link_sole_holders"]

# offices a definite title names one holder of; 'the official', 'the spokesman' are often several people
_OFFICES = frozenset(
    """minister secretary president chancellor premier leader head king queen emir sultan governor mayor
    ambassador envoy commander chief pope""".split()
)
# 'the head of state', 'the Russian leader': the state's president, chancellor, prime minister or monarch
_LEADER_WORDS = frozenset({"leader", "head"})
_HEADS_OF_STATE = frozenset({"president", "king", "queen", "emir", "sultan", "monarch"})
_HEADS_OF_GOVERNMENT = frozenset({"chancellor", "premier", "prime"})
# a title word that names another office than the bare one ('the minister' is no 'deputy minister')
_LESSER = frozenset({"vice", "deputy", "assistant", "acting", "former", "under", "junior", "ex"})
# offices a state has one holder of, whom a reader takes the article's one untitled person of that state for
_TOP_OFFICES = _LEADER_WORDS | _HEADS_OF_STATE | _HEADS_OF_GOVERNMENT
# words that give a named person an office of his own ('Foreign Minister X', 'X, a senator')
_ROLES = words.PERSON_ROLES | words.LEADER_TITLES | {"counterpart", "prime", "foreign", "defence", "defense"}
# words of a title that say whose office it is, not which ('the head of the government')
_FILLER = frozenset({"of", "the", "state", "government", "country", "nation"})


def link_sole_holders(doc, mentions: list, gazetteer, bare_titles: Sequence = ()) -> None:
    """Join each unnamed definite title (all its mentions unnamed persons) to the only named person whose title
    fits it; run after the rules that link titles by their full words, so that it only fills their gaps.
    ``bare_titles``: the capitalised titles :func:`kg.extract.coreference.link_titles` left ('the German
    Chancellor said'); each one that joins a holder here becomes a mention of that holder."""
    named: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "Person" and m.kind in ("ner", "gazetteer"):
            named.setdefault(m.key, set()).update(_written_title(doc, m, gazetteer))
    if not named:
        return
    states = {m.key: m.entry.country.lower() for m in mentions if m.key in named and m.entry and m.entry.country}
    groups: dict[str, list] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    unnamed = [ms for key, ms in groups.items() if key and key not in named]
    unnamed += [[m] for m in groups.get("", ())] + [[m] for m in bare_titles]
    for ms in unnamed:
        if not all(m.type == "Person" and m.kind in ("np", "anaphor", "title") for m in ms):
            continue
        holder = _holder(doc, ms[0], mentions, named, states, gazetteer)
        for m in ms if holder is not None else ():
            m.key, m.name, m.entry, m.rule = holder.key, holder.name, holder.entry, "definite-description"
            if m.kind == "title":
                m.kind = "anaphor"
                mentions.append(m)
    mentions.sort(key=lambda m: (m.start, -m.end))


def _holder(doc, first, mentions: list, named: dict[str, set[str]], states: dict[str, str], gazetteer):
    """The named person a definite title stands for, or None."""
    # a bare 'the minister' is an anaphor that joined nobody: its phrase is definite too
    if not (first.definite or doc[first.start].lower_ == "the") or first.role not in _OFFICES:
        return None
    wanted = _title_words(doc, first, gazetteer)
    if wanted is None:
        return None
    titles = {k: title | ({states[k]} if k in states else set()) for k, title in named.items()}
    fits = {k for k, title in titles.items() if _fits(wanted, first.role, title)}
    if not fits:
        fits = _state_leader(wanted, first.role, named, states)
    if len(fits) > 1:  # several holders: the one named last before it, as a reader takes it
        before = [m for m in mentions if m.key in fits and m.end <= first.start]
        fits = {before[-1].key} if before else set()
    return next((m for m in mentions if m.key in fits), None)


def _state_leader(wanted: set[str], role: str, named: dict[str, set[str]], states: dict[str, str]) -> set[str]:
    """'Emmanuel Macron told ... The French President said': a state's top office ('the Russian leader', 'the
    German Chancellor') whose holder the article names with no title is the one person it names of that state
    (as the dictionaries know him) with no written title; with a second such person of that state, nobody."""
    if role not in _TOP_OFFICES:
        return set()
    untitled = {k for k, title in named.items() if states.get(k) in wanted and not title & _ROLES}
    return untitled if len(untitled) == 1 else set()


def _title_words(doc, m, gazetteer) -> set[str] | None:
    """The title's words, its state written as the state's name ('the German Chancellor' -> chancellor, germany);
    None for a lesser office ('the deputy minister')."""
    out = set()
    for t in doc[m.start : m.end]:
        if not t.is_alpha or t.lower_ in words.LEADING_DROP:
            continue
        if t.lower_ in _LESSER:
            return None
        out.add(_word(t, gazetteer))
    return out


def _fits(wanted: set[str], role: str, title: set[str]) -> bool:
    """The title holds the office ('the head of state': a president's or a monarch's; 'the head of the government':
    a prime minister's or a chancellor's; 'the leader': either) and every other word asked for."""
    if title & _LESSER:
        return False
    if role in _LEADER_WORDS:
        heads = _HEADS_OF_STATE if "state" in wanted else set()
        heads |= _HEADS_OF_GOVERNMENT if "government" in wanted else set()
        if not title & (heads or _HEADS_OF_STATE | _HEADS_OF_GOVERNMENT | {"leader"}):
            return False
        wanted = wanted - _LEADER_WORDS
    return wanted - _FILLER <= title


def _written_title(doc, m, gazetteer) -> set[str]:
    """The words of a named person's title, lower case (states by name): written right before the name
    ('Belarusian Minister of Foreign Affairs X'), or in an apposition either side ('X, the Chancellor of Germany,';
    'The UK foreign secretary, X,')."""
    out: set = set()  # tokens
    i = m.start - 1
    first = doc[m.start].sent.start
    while i >= first and doc[i].is_alpha and (doc[i].lower_ in words.TITLE_WORDS or doc[i].text[:1].isupper()):
        out.add(doc[i])
        i -= 1
    head = doc[m.head]
    roles = [c for c in head.children if c.dep_ == "appos" and c.i >= m.end]
    if head.dep_ == "appos" and head.head.i < m.start:
        roles.append(head.head)
    for role in roles:
        if role.lemma_.lower() in words.PERSON_ROLES or role.lower_ in words.PERSON_ROLES:
            out.update(t for t in _own_words(role) if t.is_alpha and not m.start <= t.i < m.end)
    return {_word(t, gazetteer) for t in out}


def _own_words(role) -> list:
    """A role's words with its 'of' phrase ('the Chancellor of Germany'), not whom it serves ('an adviser to the
    president' holds no president's office)."""
    out = [role]
    for c in role.children:
        out.extend(c.subtree if c.i < role.i or (c.dep_ == "prep" and c.lower_ == "of") else ())
    return out


def _word(t, gazetteer) -> str:
    """A title's word as compared: a state by its name ('German', 'Germany' -> 'germany'), else its lemma."""
    if t.text[:1].isupper():
        state = gazetteer.demonym(t.text) or gazetteer.entry_for(gazetteer.key_for(t.text))
        if state is not None and state.type == "Country":
            return state.name.lower()
    return t.lemma_.lower()


# words that make an office a past one: 'the former president', 'the ex-president of Poland'
# offices a state has, whose past holder a description names by the state alone
_STATE_OFFICES = _TOP_OFFICES | {"minister", "secretary"}


def link_former_holders(doc, mentions: list, gazetteer) -> None:
    """'Alexander X ... the former Polish leader said', 'David Y ... the former British prime minister told
    Reuters': a description of a state's past office that joined nobody is a person the article named before it, as
    a reader takes it: of those who hold no such office now by their written title and are of no other state, the
    one named most often so far (the last named on a tie). Without a state ('the former president') the article's
    other persons are too many candidates, and it stays apart."""
    for m in mentions:
        if m.type != "Person" or m.kind not in ("np", "anaphor") or m.rule or not _former(doc, m):
            continue
        holder = _former_holder(doc, m, mentions, gazetteer)
        if holder is None or holder.key == m.key:
            continue
        old = m.key  # 'the former Polish leader' again later joined this one as a definite description
        for d in [d for d in mentions if d.key == old]:
            d.key, d.name, d.entry, d.rule = holder.key, holder.name, holder.entry, "definite-description"


def _former(doc, m) -> bool:
    """'the former Polish leader', 'the ex-president' (the tokenizer cuts 'ex' off before the role): a state's
    office, not a body's ('the former head of Britain's Joint Forces Command'), with no name after it whose title it
    is ('the former British prime minister Jan X')."""
    start = max(m.start - 2, doc[m.start].sent.start)
    if m.role not in _STATE_OFFICES or not any(t.lower_ in PAST_OFFICE for t in doc[start : m.head]):
        return False
    after = m.end + 1 if m.end < len(doc) and doc[m.end].text == "," else m.end
    return not (after < len(doc) and doc[after].ent_type_ == "PERSON")


def _former_holder(doc, m, mentions: list, gazetteer):
    words_ = {_word(t, gazetteer) for t in doc[m.start : m.end] if t.is_alpha and t.lower_ not in PAST_OFFICE}
    states = _states(words_, gazetteer)
    names = {t.text for t in doc[m.start : m.end] if t.text[:1].isupper() and t.i != m.head and not t.is_stop}
    if not states or len(names) > len(states):
        return None  # 'the former head of Britain's Joint Forces Command': a body's office, not the state's
    counts: dict[str, int] = {}
    last: dict = {}  # key -> the person's last mention before the description
    for p in mentions:
        if p.type == "Person" and p.kind in ("ner", "gazetteer") and p.end <= m.start:
            counts[p.key] = counts.get(p.key, 0) + 1
            last[p.key] = p
    fits = [k for k in counts if _may_have_held(doc, last[k], m.role, states, mentions, gazetteer)]
    return last[max(fits, key=lambda k: (counts[k], last[k].start))] if fits else None


def _may_have_held(doc, person, role: str, states: set[str], mentions: list, gazetteer) -> bool:
    """No written title gives the person the office now ('President Biden' is no former president), and no state
    of his is another than the description's."""
    titles = set().union(*(_written_title(doc, p, gazetteer) for p in mentions if p.key == person.key))
    if role in titles and not titles & _LESSER:
        return False
    own = {person.entry.country.lower()} if person.entry is not None and person.entry.country else set()
    own |= _states(titles, gazetteer)
    return not states or not own or bool(own & states)


def _states(words_: set[str], gazetteer) -> set[str]:
    """The words of a title that name a state (as :func:`_word` writes them: 'germany')."""
    entries = {w: gazetteer.entry_for(gazetteer.key_for(w.title())) for w in words_}
    return {w for w, e in entries.items() if e is not None and e.type == "Country"}
