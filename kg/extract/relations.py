"""Standing relations stated in the text: roles from titles ("US President Joe Biden" ->
leader_of), affiliations ("President Putin's spokesman Dmitry Peskov"), alliances,
membership, support and opposition."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract import alliances, belonging, counterparts, labels, membership, servants, stances, words, workplaces
from kg.extract import bodies as bodies_of
from kg.extract.holders import AFFILIATE_TITLES as _AFFILIATE_TITLES
from kg.extract.holders import FORMER as _FORMER
from kg.extract.holders import LEADER_TITLES as _LEADER_TITLES
from kg.extract.holders import OUTSIDE_THE_STATE as _OUTSIDE_THE_STATE
from kg.extract.holders import PAST_OFFICE as _PAST_OFFICE
from kg.extract.holders import PLACE_LEADERS as _PLACE_LEADERS
from kg.extract.holders import SECRETARY_GENERAL as _SECRETARY_GENERAL
from kg.extract.holders import TITLES as _TITLES
from kg.extract.holders import deputy as _deputy
from kg.extract.holders import described_holders, local_leaders, stateless_titles
from kg.extract.ties import conj_ids, tokens_of
from kg.extract.ties import relation as _relation
from kg.graph.records import Relation

if TYPE_CHECKING:
    from kg.extract.offices import OfficeIndex


def find_relations(ctx, *, offices: OfficeIndex | None = None) -> list[Relation]:
    """The relations the article states; ``offices`` (the dictionaries' dated offices) tells which state a title that
    names none belongs to ('President X said', X a head of state on the article's day)."""
    found: dict[tuple, Relation] = {}
    titles = [*_person_titles(ctx), *_label_titles(ctx)]
    stated = [r for t in titles for r in _title_owners(ctx, t)] + list(_role_relations(ctx))
    stated += local_leaders(ctx, titles, stated)
    stated = [*stated, *stateless_titles(ctx, titles, stated, offices), *described_holders(ctx, _entity_mentions(ctx))]
    stated = counterparts.counterparts(ctx, titles, stated)
    bodies = [
        *bodies_of.state_bodies(ctx),
        *bodies_of.led_bodies(ctx),
        *bodies_of.bodies_of_bodies(ctx),
        *workplaces.leading_verbs(ctx),
        *_roles_taken(ctx),
    ]
    bodies += workplaces.workplaces(ctx, _entity_mentions(ctx))
    bodies += belonging.nationals(ctx, _entity_mentions(ctx))
    found_rels = [*stances.find_stances(ctx, *_states_served(ctx, stated)), *membership.find_memberships(ctx)]
    found_rels += alliances.find_alliances(ctx)
    for rel in [*stated, *bodies, *found_rels]:
        key = (rel.type, rel.subject, rel.object)
        if rel.subject != rel.object and key not in found and rel.modality != "negated":
            found[key] = rel
    # "Prime Minister X ... the country's prime minister": who leads a body is not also merely affiliated with it
    kept = [r for r in found.values() if r.type != "affiliated_with" or ("leader_of", r.subject, r.object) not in found]
    return kept + servants.state_servants(ctx, kept)


def _states_served(ctx, stated) -> tuple[dict[str, str], dict[str, str]]:
    """(person -> the one state his titles place him in, person -> the state he leads), from the title relations."""
    kinds = {e.id: e.type for e in ctx.table.entities}
    states: dict[str, set[str]] = {}
    led: dict[str, str] = {}
    for r in stated:
        if kinds.get(r.subject) == "Person" and kinds.get(r.object) == "Country":
            states.setdefault(r.subject, set()).add(r.object)
            if r.type == "leader_of":
                led[r.subject] = r.object
    served = {p: next(iter(s)) for p, s in states.items() if len(s) == 1}
    return served, {p: s for p, s in led.items() if len(states[p]) == 1}


def _person_titles(ctx):
    for m, eid in _entity_mentions(ctx):
        if ctx.table.get(eid).type == "Person" and m.kind in ("ner", "gazetteer"):
            yield from _named_person_titles(ctx, eid, ctx.doc[m.head], m)


def _label_titles(ctx):
    """'THE PRESIDENT: Good afternoon.': a transcript's speaker label is its speaker's title."""
    for person, label in labels.speaker_labels(ctx, _TITLES):
        title = _title(ctx, person, label, [])
        if title is not None:
            yield title


def _role_relations(ctx):
    for m, eid in _entity_mentions(ctx):
        if m.kind == "np" and m.role:
            yield from _role_phrase_relations(ctx, eid, m)


def _entity_mentions(ctx) -> list:
    """Each mention that names an entity, with its entity id, outside the sentences extraction skips; kept on the
    Doc while the mentions stay the same (several rules walk them, and finding a token's sentence is costly)."""
    mentions = ctx.table.mentions
    cached = ctx.doc.user_data.get(_MENTIONS)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]
    found = []
    for m in mentions:
        eid = ctx.table.by_token.get(m.head)
        if eid is not None and ctx.doc[m.start].sent.start not in ctx.skip_sents:
            found.append((m, eid))
    ctx.doc.user_data[_MENTIONS] = (len(mentions), found)
    return found


_MENTIONS = "kg.relations.entity_mentions"


@dataclass(frozen=True)
class _Title:
    """A title a named person holds in the text ('Defence Minister', 'Finance Minister of Ukraine')."""

    person: str
    tokens: tuple  # the title's tokens and the name's
    lemmas: frozenset
    leader: bool
    head: str | None = None  # the title's own noun ('member' in 'War Cabinet Member')


def _named_person_titles(ctx, eid: str, head, m):
    """Modifiers before the name and appositions around it: 'German Chancellor Olaf Scholz',
    'Finance Minister of Ukraine, Sergii Marchenko', "Zelenskyy's chief of staff, Yermak",
    'Prime Minister Mohammed Shia al-Sudani of Iraq'."""
    title_nodes = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < m.start]
    if head.dep_ == "appos" and _own_title(ctx, head.head, m):
        title_nodes.append(head.head)
    role = _role_of_body(head)
    if role is not None and _own_title(ctx, role, m):
        title_nodes.append(role)
    title_nodes += [c for c in head.children if c.dep_ == "appos" and _title_noun(c) and _no_other_holder(ctx, c, m)]
    title_nodes += _relative_titles(head)
    name = list(ctx.doc[m.start : m.end])
    for node in title_nodes:
        title = _title(ctx, eid, _title_tokens(ctx, node, m), name)
        if title is not None:
            # "Prime Minister X of Iraq": the state follows the name
            yield dataclasses.replace(title, tokens=(*title.tokens, *_of_after_name(ctx, head, m)))
    surface = _title(ctx, eid, _title_before(ctx, m), name)
    if surface is not None:
        # 'met with Director of National Security X of Korea': the parser hangs the name inside the title's 'of'
        yield dataclasses.replace(surface, tokens=(*surface.tokens, *_of_after_name(ctx, head, m)))
    bracketed = _title(ctx, eid, _bracketed_after(ctx, m), name)
    if bracketed is not None:
        yield bracketed


def _bracketed_after(ctx, m) -> list:
    """'Sergey Lavrov [Russian Foreign Minister]': an editor's title in square brackets right after the name."""
    doc = ctx.doc
    if m.end >= len(doc) or doc[m.end].text != "[":
        return []
    close = next((i for i in range(m.end + 1, min(m.end + 8, len(doc))) if doc[i].text == "]"), None)
    return list(doc[m.end + 1 : close]) if close is not None else []


def _title_noun(node) -> bool:
    """A common noun, or a capitalised title the tagger reads as a name ('X, President of the European Commission')."""
    return node.pos_ == "NOUN" or (node.pos_ == "PROPN" and node.lemma_.lower() in _TITLES)


def _relative_titles(name) -> list:
    """'X, who is Ukraine's defence minister,', 'Y, who serves as Israel's envoy,': a title the name's relative
    clause says it holds now (not 'who was', a past office)."""
    found = []
    for verb in (c for c in name.children if c.dep_ == "relcl" and _present(c)):
        if verb.lemma_ == "be":
            found += [a for a in verb.children if a.dep_ == "attr" and a.lemma_.lower() in _TITLES]
        elif verb.lemma_ == "serve":
            found += [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in _TITLES
            ]
    return found


def _present(verb) -> bool:
    """'is', 'serves', 'has been': the clause says what holds now."""
    return verb.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in verb.children)


def _role_of_body(name):
    """'The head of the Atomic Agency, Jan Roe,': the parser hangs the name on the body; a person's name is no
    apposition of a body, so the role whose 'of' / 'for' phrase holds the body is the name's title."""
    body = name.head
    if name.dep_ != "appos" or body.dep_ != "pobj" or body.head.lower_ not in ("of", "for"):
        return None
    role = body.head.head
    return role if role.lemma_.lower() in _TITLES and role.i < body.i else None


def _title(ctx, eid: str, tokens, name):
    lemmas = frozenset(t.lemma_.lower() for t in tokens)
    held = lemmas & (_LEADER_TITLES | _AFFILIATE_TITLES)
    if not held or (held == {"speaker"} and not any(t.text == "Speaker" for t in tokens)):
        return None
    return _Title(
        eid, tuple(sorted({*tokens, *name}, key=lambda t: t.i)), lemmas, _leads(tokens, lemmas), _head(tokens)
    )


def _title_head(tokens):
    """The title's own noun: the last title noun before its 'of'/'for' complement ('commander' of
    'commander-in-chief')."""
    head = None
    for t in tokens:
        if t.lower_ in ("of", "for", "to", "in") and head is not None:
            break
        if t.lemma_.lower() in _TITLES:
            head = t
    return head


def _head(tokens) -> str | None:
    head = _title_head(tokens)
    return head.lemma_.lower() if head is not None else None


def _leads(tokens, lemmas) -> bool:
    """Whether the title's own noun is a leader's. 'President and White House Coordinator for ...' coordinates;
    'Prime Minister of Iraq' leads; an 'ex-President' led."""
    if _deputy(lemmas) or "ex" in lemmas:
        return False
    if _SECRETARY_GENERAL <= lemmas:
        return True  # 'the NATO Secretary-General' heads the body; its 'general' is no rank
    head = _title_head(tokens)
    if head is None:
        return False
    before = head.doc[head.i - 1].lower_ if head.i > 0 else ""
    if head.lemma_.lower() == "director":
        return _directs_body(head)
    return head.lemma_.lower() in _LEADER_TITLES or (head.lemma_.lower() == "minister" and before == "prime")


def _directs_body(director) -> bool:
    """'CIA Director X', 'the Director of the FBI': a director written right after or before a body's name heads
    it; a 'communications director' directs a function, not the body."""
    doc = director.doc
    before = director.i > 0 and doc[director.i - 1].ent_type_ == "ORG" and doc[director.i - 1].text[:1].isupper()
    after = [t for t in doc[director.i + 1 : director.i + 4] if t.lower_ != "the"]
    of_body = len(after) >= 2 and after[0].lower_ == "of" and after[1].ent_type_ == "ORG"
    return before != of_body  # 'the U.N. director of the Crisis Group' directs a portfolio of the group


# Titles of people who report on or study a place, not serve it: 'our Moscow correspondent', 'a Kyiv analyst'.
_OBSERVERS = frozenset({"correspondent", "reporter", "journalist", "analyst", "expert", "observer", "source"})


def _title_owners(ctx, title: _Title):
    others = _entities_in(ctx, [t for t in title.tokens if ctx.table.by_token.get(t.i) != title.person])
    # "Russia's army chief X", 'X, commander of Ukraine's ground forces': a leader's title that names a body leads
    # the body; the state beside it is the one he serves, not leads. An opposition leader leads no state.
    body_led = any(ctx.table.get(o).type == "Organization" for o in others)
    portfolio = _portfolio_head(ctx, title)
    serves_state = body_led or bool(title.lemmas & _OUTSIDE_THE_STATE) or portfolio is not None
    led_elsewhere = _leads_something_else(ctx, title)
    serves_state = serves_state or title.head == "commander" or led_elsewhere
    received = _received(ctx, title)
    for other in others:
        otype = ctx.table.get(other).type
        if otype == "Country" and title.lemmas & _OBSERVERS or other in received:
            continue
        if otype == "Person":
            yield _relation(ctx, "affiliated_with", title.person, other, list(title.tokens))
        elif otype == "Place" and title.head in _PLACE_LEADERS | _PLACE_HEADS and _titles_place(ctx, title, other):
            yield _relation(ctx, "leader_of", title.person, other, list(title.tokens))
        elif otype == "NewsOutlet":
            yield _relation(ctx, "affiliated_with", title.person, other, list(title.tokens))
        elif otype in ("Country", "Organization"):
            rtype = "leader_of" if title.leader and not _placed_in(ctx, title, other) else "affiliated_with"
            if otype == "Country" and (title.head == "director" or serves_state or _SECRETARY_GENERAL <= title.lemmas):
                rtype = "affiliated_with"  # a director heads a body, not the state his body's name holds
            if otype == "Organization" and portfolio not in (None, other):
                rtype = "affiliated_with"  # 'EU foreign policy chief X' leads the EU's foreign policy, not the EU
            if title.head == "member" and otype == "Organization":
                rtype = "member_of"  # 'War Cabinet Member Benny Gantz', 'a member of the Syrian parliament, X'
            if otype == "Organization" and (_party_member(ctx, title, other) or _holds_the_body_led(ctx, title, other)):
                rtype = "affiliated_with"
            yield _relation(ctx, rtype, title.person, other, list(title.tokens))


# envoys whose 'to' names where they are sent: 'the UK ambassador to Ukraine' serves the UK, not Ukraine
_ENVOYS = frozenset({"ambassador", "envoy", "emissary", "representative", "delegate", "consul", "attache"})


def _received(ctx, title: _Title) -> set[str]:
    """The parties an envoy's title says he is sent to ('ambassador to Ukraine', 'envoy to the UN'): what the title
    writes after an envoy's 'to' (the parser may hang it on the name)."""
    tokens = list(title.tokens)
    after = next(
        (k + 1 for k, t in enumerate(tokens[1:], 1) if t.lower_ == "to" and tokens[k - 1].lemma_.lower() in _ENVOYS),
        None,
    )
    if after is None:
        return set()
    named = [t for t in tokens[after:] if ctx.table.by_token.get(t.i) != title.person]
    return set(_entities_in(ctx, named))


def _party_member(ctx, title: _Title, body: str) -> bool:
    """'Republican Speaker X', 'Democrat Senator Y': a party named by its member's word sits in the title of one of
    its members, whatever office the title holds."""
    entry = ctx.table.entries.get(body)
    if entry is None or entry.sector != "PTY":
        return False
    return any(t.text in entry.demonyms for t in title.tokens)


def _holds_the_body_led(ctx, title: _Title, body: str) -> bool:
    """'Secretary General of the Executive Committee of the League', 'commander of the 3rd Brigade of the army': a
    body written after another body's 'of' holds the body the title leads; the holder serves it, he does not lead it.
    Read off the surface: before a name the parser may make the body a compound of the name."""
    doc, table = ctx.doc, ctx.table
    i = next((t.i for t in title.tokens if table.by_token.get(t.i) == body), 0) - 1
    while i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    owner = table.by_token.get(i - 1)
    return owner not in (None, body, title.person) and table.get(owner).type == "Organization"


def _leads_something_else(ctx, title: _Title) -> bool:
    """'X, the head of Ukraine's National Security Council': a leader's 'of' names something that is not the state
    beside it (a council the tagger did not name); only 'the President of Ukraine' leads the state itself. (A body's
    'head of its political bureau' is still read as its leader, as annotators do.)"""
    head = _title_head(title.tokens)
    if head is None or head.lemma_.lower() not in _LEADER_TITLES:
        return False
    led = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    led = [p for p in led if ctx.table.by_token.get(p.i) != title.person]  # the parser may hang the name there
    return any(_type_at(ctx, p) not in ("Country", "Organization") for p in led)


def _type_at(ctx, tok) -> str | None:
    eid = ctx.table.by_token.get(tok.i)
    return ctx.table.get(eid).type if eid is not None else None


def _portfolio_head(ctx, title: _Title) -> str | None:
    """ "Sudan's army chief", 'EU foreign policy chief': a lower-case noun right before a leader's noun names what he
    leads (the army, the foreign policy), not the state or the body beside it. Returns what the noun names (the
    entity of 'army' in "Russia's army chief", which he does lead), '' when it names no entity, or None."""
    head = _title_head(title.tokens)
    if head is None or head.lemma_.lower() not in _LEADER_TITLES or head.i == 0:
        return None
    before = head.doc[head.i - 1]
    if before.pos_ != "NOUN" or not before.text.islower() or before not in title.tokens:
        return None
    return ctx.table.by_token.get(before.i) or ""


# 'X, head of occupied Crimea': a head or leader leads a region only through his title's 'of' ('a Crimea leader' may
# lead a party there)
_PLACE_HEADS = frozenset({"head", "leader"})


def _titles_place(ctx, title: _Title, place: str) -> bool:
    """The place is the title's own: written right before the title noun ('Kharkiv regional governor') or after its
    'of' ('the mayor of Melitopol'), not in a description beside it ('the mayor of X, a city close to Crimea')."""
    nouns = [t for t in title.tokens if t.lemma_.lower() in _PLACE_LEADERS | _PLACE_HEADS]
    for t in title.tokens:
        if ctx.table.by_token.get(t.i) != place:
            continue
        for noun in nouns:
            between = ctx.doc[t.i + 1 : noun.i]
            before = noun.lemma_.lower() in _PLACE_LEADERS and t.i < noun.i
            if before and len(between) <= 3 and not any(b.is_punct for b in between):
                return True
            if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == noun.i:
                return True
    return False


def _placed_in(ctx, title: _Title, body: str) -> bool:
    """'a crew chief in the 3rd Battalion', 'bureau chief at X': a leader's title that names its body through 'in',
    'at' or 'with' leads something inside the body (the crew, the bureau), not the body."""
    for t in title.tokens:
        if ctx.table.by_token.get(t.i) == body:
            node = t
            for _ in range(4):
                node = node.head
                if node.dep_ == "prep" and node.lower_ in ("in", "at", "with"):
                    return True
                if node.lemma_.lower() in _TITLES or ctx.table.by_token.get(node.i) == title.person:
                    return False  # reached the title or its holder first: 'Prime Minister X of Iraq
    return False


def _no_other_holder(ctx, node, m) -> bool:
    """'Marise Payne, Indian foreign minister S. Jaishankar': an apposition holding another name is his title."""
    return _own_title(ctx, node, m, before=False)


def _own_title(ctx, node, m, before: bool = True) -> bool:
    """'Finance Minister of Ukraine, Sergii Marchenko': the apposition's head is the name's title, unless it is
    another named person's title (a parser's long-range apposition: "Advisor Mike Pyle, together with ...,
    Koopman"); a possessive owner ("Zelenskyy's chief of staff, Yermak") does not make it another's."""
    if before and node.i >= m.start:
        return False
    table = ctx.table
    holder = table.by_token.get(m.head)
    for t in _without_conjuncts(node):
        eid = table.by_token.get(t.i)
        if m.start <= t.i < m.end or eid in (None, holder) or table.get(eid).type != "Person":
            continue
        if _mention_head(ctx, t) != t.i:
            continue
        if t.dep_ != "poss" and not any(c.tag_ == "POS" for c in t.children):
            return False
    return True


def _without_conjuncts(node) -> list:
    """A phrase's tokens less the items coordinated with it: in 'Vladimir Putin, the president, and Sergei Shoigu,
    the defence minister' the parser hangs Shoigu on 'president', whose office is still Putin's alone."""
    out, stack = [], [node]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "cc"))
    return out


_TITLE_GLUE = frozenset({"of", "for", "and", "-", "–", "'s", "’s", "the", "&"})


def _title_before(ctx, m) -> list:
    """The capitalised title phrase written just before a name, read off the surface where the parser splits it:
    'European Commission Director-General for Enlargement, Gert Jan Koopman', 'Defence Minister Pierre Joxe'."""
    doc, table = ctx.doc, ctx.table
    first = doc[m.start].sent.start
    i = m.start - 1
    if i > first and doc[i].text == "," and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in words.PERSON_ROLES):
        i -= 1
    out: list = []
    while i >= first:
        t = doc[i]
        eid = table.by_token.get(i)
        if eid is not None and table.get(eid).type == "Person":
            break
        glue = t.lower_ in _TITLE_GLUE
        # 'Ambassador to Ukraine X': an envoy's 'to' is part of his title
        glue = glue or t.lower_ == "to" and i > first and doc[i - 1].lemma_.lower() in _ENVOYS
        # 'GOP candidate and former Vice President X': 'former' (a stop word) is part of the title it qualifies
        glue = glue or t.lower_ == "former" and bool(out)
        common = t.dep_ == "compound" and t.pos_ == "NOUN"  # 'Pentagon press operations director'
        # "Ukraine's military intelligence chief X": a lower-case adjective inside a title already begun
        common = common or (t.dep_ == "amod" and t.pos_ == "ADJ" and t.text.islower() and bool(out))
        if t.is_stop and not glue or not (t.text[:1].isupper() or glue or common or t.lemma_.lower() in _TITLES):
            break  # 'In Turkey Minister Ellwood met': a preposition ends the title
        out.append(t)
        i -= 1
    out.reverse()
    if i >= first and doc[i].lower_ == "to" and out and out[0].lower_ == "the":
        # 'Assistant to the President and White House Coordinator X': the President is whom he assists
        cut = next((k for k, t in enumerate(out) if t.lower_ == "and"), len(out))
        out = out[cut + 1 :]
    while out and (out[0].lower_ in _TITLE_GLUE or out[0].is_punct):
        out = out[1:]
    ands = [k for k, t in enumerate(out) if t.lower_ == "and"]
    if ands and not any(t.lemma_.lower() in _TITLES for t in out[: ands[-1]]):
        out = out[ands[-1] + 1 :]  # 'the State Department and President Joe Biden': two things, one title
    return out


def _of_after_name(ctx, head, m) -> list:
    ofs = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == m.end]
    return [t for c in ofs for t in c.subtree]


def _title_tokens(ctx, node, m) -> list:
    """The title phrase without the person and without what modifies another person in it
    ("Zelenskyy's chief of staff": Yermak is Zelenskyy's aide, not Ukraine's leader)."""
    out, stack = [], [node]
    holder = ctx.table.by_token.get(m.head)  # the title may be a mention of the holder ("Oman's emir, X")
    while stack:
        t = stack.pop()
        if m.start <= t.i < m.end:
            continue
        out.append(t)
        eid = ctx.table.by_token.get(t.i)
        if eid not in (None, holder) and ctx.table.get(eid).type == "Person" and t.i == _mention_head(ctx, t):
            continue
        # other items of a list ("X, together with Y and Z") are not part of this title
        stack.extend(
            c
            for c in t.children
            if c.dep_ not in ("conj", "cc", "punct", "relcl", "acl", "advcl")
            and not (c.dep_ == "prep" and c.lower_ in ("with", "together"))
        )
    return sorted(out, key=lambda t: t.i)


def _mention_head(ctx, t) -> int:
    return next((mm.head for mm in ctx.table.mentions if mm.start <= t.i < mm.end), t.i)


def _entities_in(ctx, tokens) -> list[str]:
    ids: list[str] = []
    for t in tokens:
        ids.extend(e for e in ctx.resolve_modifier(t) if e not in ids)
    return ids


def _role_phrase_relations(ctx, eid: str, m):
    """'a senior White House official' -> affiliated_with White House; 'the head of X' -> leader_of X."""
    tokens = list(ctx.doc[m.start : m.end])
    head = ctx.doc[m.head]
    owners = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < head.i]
    owners += [g for c in owners for g in c.children if g.dep_ in ("compound", "amod")]
    owners += [
        p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]
    others = [o for o in [*_entities_in(ctx, owners), *_demonym_states(ctx, owners)] if o != eid]
    entity = ctx.table.get(eid)
    for other in others:
        if ctx.table.get(other).type not in ("Country", "Organization"):
            continue
        # 'the former Polish leader', 'the ex-president of Poland': who held an office no longer leads
        leader = entity.type == "Person" and _leads([head], {m.role}) and not _former(ctx, m)
        before = ctx.doc[head.i - 1] if head.i > m.start else None
        if before is not None and before.pos_ == "NOUN" and before.text.islower():
            leader = leader and ctx.table.by_token.get(before.i) == other  # 'Chad's army chief' leads the army
        # 'a Belarusian commander' commands troops of the state, as a titled commander does; he does not lead it
        leader = leader and not (m.role == "commander" and ctx.table.get(other).type == "Country")
        rtype = "leader_of" if leader else ("member_of" if entity.type == "Group" else "affiliated_with")
        if entity.type == "Group":
            continue
        yield _relation(ctx, rtype, eid, other, tokens, confidence=0.6)


def _former(ctx, m) -> bool:
    """The phrase, or the words just before it ('ex-' the tagger leaves out: 'the ex-president of Poland'), say the
    office was held."""
    first = max(ctx.doc[m.start].sent.start, m.start - 2)
    before = ctx.doc[first : m.start]  # not 'then' there: '..., then the president said'
    return any(t.lower_ in _FORMER for t in ctx.doc[m.start : m.end]) or any(t.lower_ in _PAST_OFFICE for t in before)


def _demonym_states(ctx, tokens) -> list[str]:
    """'The Russian leader' joined to the person it describes: its demonym is inside the person's own mention, so
    the state is read off the gazetteer (the article must name the state)."""
    states, gazetteer = ctx.table.country_ids(), ctx.resolver.gazetteer
    found = [gazetteer.demonym(t.text) for t in tokens if t.pos_ in ("ADJ", "PROPN")]
    # a state's name of several words ('the United States Permanent Representative'): the name ending at the token
    names = [ctx.doc[t.left_edge.i : t.i + 1].text for t in tokens if t.pos_ == "PROPN" and t.left_edge.i < t.i]
    found += [gazetteer.entry_for(gazetteer.key_for(n)) for n in names]
    return [states[e.name] for e in found if e is not None and e.type == "Country" and e.name in states]


# nouns whose owner takes the role after 'as' ('his election as President of X')
_APPOINTING_NOUNS = frozenset({"election", "appointment", "nomination", "inauguration", "reelection", "confirmation"})
# verbs that give their object a role ('appointed X as head of Y'); with any other verb the subject takes it
_APPOINTING_VERBS = frozenset({"appoint", "name", "elect", "choose", "nominate", "install", "confirm"})


def _roles_taken(ctx):
    """'He replaced him as head of the FSB', 'X served as defence minister of Ghana', 'they appointed X as envoy to Y'
    less the envoy: a title after 'as' is held by the verb's subject (its object after 'appoint', 'elect'); after an
    appointing noun, by the noun's owner ('his election as President of Lebanon')."""
    table = ctx.table
    for tok in tokens_of(ctx, lowers=frozenset({"as"})):
        appointing_noun = tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _APPOINTING_NOUNS
        if tok.dep_ != "prep" or (tok.head.pos_ != "VERB" and not appointing_noun):
            continue
        verb = tok.head
        for title in (p for p in tok.children if p.dep_ == "pobj" and p.lemma_.lower() in _TITLES):
            holders_of = [c for c in verb.children if c.dep_ == "dobj"]
            if appointing_noun:
                holders_of = [c for c in verb.children if c.dep_ == "poss"]
            elif verb.lemma_.lower() not in _APPOINTING_VERBS:
                holders_of = [c for c in verb.children if c.dep_ == "nsubj"]
            holders = [e for e in conj_ids(ctx, holders_of) if table.get(e).type == "Person"]
            lemmas = {t.lemma_.lower() for t in title.subtree}
            leads = _leads(list(title.subtree), lemmas)
            of = [p for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            named = [c for c in title.children if c.dep_ == "appos"]  # 'head of its successor, the FSB'
            bodies = [e for e in conj_ids(ctx, of + named) if table.get(e).type in ("Country", "Organization")]
            for body in bodies:
                for person in holders:
                    rtype = "leader_of" if leads else "affiliated_with"
                    yield _relation(ctx, rtype, person, body, [verb, *title.subtree], confidence=0.55)
