"""Entity mentions in a parsed article and their resolution into one entity per referent.

Sources of mentions, strongest first: the gazetteer (names and aliases, with Wikidata
ids), spaCy's named entities, and noun phrases headed by a role or collective noun
("an anonymous European diplomat", "most European countries"). Definite descriptions
("the diplomat") and surnames ("Yermak", "Mr Putin") join the entity they refer to. Each mention
keeps the rule that resolved it (:data:`kg.graph.records.RESOLUTION_RULES`), and the analyst's override file
(:mod:`kg.read.overrides`) can force a merge or undo one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract import cataphora, coreference, names, short_forms, sole_holders, words
from kg.extract.lexicons import GazetteerEntry
from kg.extract.mention import Mention, clean_name
from kg.extract.mention import norm as _norm
from kg.extract.names import RANK as _RANK
from kg.extract.names import names_a_document, names_a_format, names_a_site, person_tails, places_in_bodies
from kg.extract.phrases import BODY_HEADS, addressees, names_an_office, np_mentions
from kg.graph import records
from kg.graph.records import Entity, content_id
from kg.read.overrides import Overrides, surface_key

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass
class EntityTable:
    """The article's entities and which tokens mention which entity."""

    entities: list[Entity] = field(default_factory=list)
    by_token: dict[int, str] = field(default_factory=dict)  # token index -> entity id
    mentions: list[Mention] = field(default_factory=list)
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)  # entity id -> gazetteer entry
    roles: dict[str, str] = field(default_factory=dict)  # entity id -> role lemma
    states: dict[str, str] = field(default_factory=dict)  # body's entity id -> the state it belongs to, as written
    current: set[str] = field(default_factory=set)  # entities of hand-made gazetteer rows (current office holders)
    # entity id -> position of its first entity in ``entities``; rebuilt when a position no longer holds that id
    _positions: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def at(self, token) -> str | None:
        return self.by_token.get(token.i)

    def get(self, entity_id: str) -> Entity:
        """The first entity with this id (StopIteration if none): looked up by position, not by a walk over all of
        them, since the rules ask for an entity thousands of times an article."""
        i = self._positions.get(entity_id)
        if i is None or i >= len(self.entities) or self.entities[i].id != entity_id:
            self._positions = {}
            for n, e in enumerate(self.entities):
                self._positions.setdefault(e.id, n)
            i = self._positions.get(entity_id)
            if i is None:
                raise StopIteration(entity_id)
        return self.entities[i]

    def country_ids(self) -> dict[str, str]:
        """The article's states by name: 'Ukraine' -> its entity id."""
        return {e.name: e.id for e in self.entities if e.type == "Country"}


_RANK_ABBREVIATIONS = ("Capt.", "Lt.", "Col.", "Maj.", "Sgt.", "Cmdr.", "Cdr.", "Brig.", "Cpl.", "Pvt.")


_RANKS_COMPONENT = "kg_rank_abbreviations"


def add_rank_abbreviations(nlp) -> None:
    """'Navy Capt. Jeff Davis said': a rank's full stop ends no sentence (spaCy knows 'Gen.' and 'Adm.' only), and
    the name after a rank starts none."""
    from spacy.symbols import ORTH

    from kg.extract.nlp import add_before_parser

    for form in _RANK_ABBREVIATIONS:
        for written in (form, form.upper()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    add_before_parser(nlp, _RANKS_COMPONENT, _name_after_rank)


def _name_after_rank(doc):
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text.endswith(".") and _RANK.match(prev.text) and tok.text[:1].isupper():
            tok.is_sent_start = False
    return doc


def find_mentions(
    doc, gazetteer, debris: set[int], headlines: set[int], peoples: Iterable[Mention] = ()
) -> list[Mention]:
    """All entity mentions. Role phrases may contain names ("a senior White House official"
    holds "White House"); otherwise mentions do not overlap, longest and strongest first. ``peoples``: the
    collectives :mod:`kg.extract.peoples` found ("Syrians", "Swiss doctors")."""
    found = [*gazetteer.mentions(doc), *_ner_mentions(doc, gazetteer), *np_mentions(doc, gazetteer), *peoples]
    found += addressees(doc)
    found = [
        _owned_body(doc, m, gazetteer)
        for m in found
        if not (names_a_document(doc, m) or names_a_site(doc, m) or names_a_format(doc, m))
    ]
    found += _surname_mentions(doc, found)
    person_tails(doc, found)
    found = places_in_bodies(doc, found)
    sentence_of = _sentence_start_of(doc)
    found = [m for m in found if sentence_of(m.start) not in debris or _signature(doc, m)]
    found = [m for m in found if sentence_of(m.start) not in headlines or m.kind == "gazetteer"]
    phrases = _non_overlapping(m for m in found if m.kind in ("np", "anaphor", "title"))
    names = _non_overlapping(m for m in found if m.kind in ("gazetteer", "ner"))
    # a role phrase before a name may hold a body ('a member of the Chilean parliament, X'): both are kept; one
    # holding another person ("Zelenskyy's chief of staff, Yermak") is a title, not a mention
    phrases += [
        a
        for a in found
        if a.kind == "appos"
        and all(_nested_or_apart(p, a) for p in phrases)
        and not any(n.type == "Person" and a.start <= n.start < a.end for n in names)
    ]
    # "AFP news agency", "the NATO command": a generic body noun after a named body is that body
    phrases = [
        p
        for p in phrases
        if not (
            p.type == "Organization"
            and not doc[p.head].text[:1].isupper()  # "the EU Military Committee" is its own body
            and p.role in words.ORG_NOUNS | words.FORCE_NOUNS
            and any(p.start <= n.start and n.end <= p.end and n.type in ("Organization", "NewsOutlet") for n in names)
        )
    ]
    phrases = [p for p in phrases if not _title_before_name(doc, p, names)]
    for p in phrases:
        _newsroom(p, names)
    # "the Islamic State of Iraq and the Levant fighters" misparsed: a phrase cutting through a name the
    # gazetteer knows loses to the name
    known = [n for n in names if n.kind == "gazetteer" and n.end - n.start > 1]
    phrases = [p for p in phrases if not any(_crosses(p, n) for n in known)]
    kept = [*phrases]
    for m in names:
        if all(_nested_or_apart(m, p) and not _named_after(m, p) and not _portfolio(doc, m, p) for p in phrases):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def _sentence_start_of(doc):
    """A function from a token's position to its sentence's start (``doc[i].sent.start``), from the sentence starts
    found once: ``Token.sent`` walks the sentence out from the token each time."""
    starts = [s.start for s in doc.sents]
    return lambda i: starts[bisect.bisect_right(starts, i) - 1]


# the key of a people named by the word 'people' (kg.extract.peoples): 'the Ukrainian people', 'the people of Gaza'
PEOPLE_KEY = "Group:people of "

_NEWSROOM_ROLES = frozenset({"correspondent", "reporter"})


# bodies named after the person who leads them: 'the Biden administration' names a government, not Biden
_NAMED_AFTER_LEADER = frozenset({"administration", "government", "cabinet", "campaign", "camp", "team", "era"})


def _newsroom(phrase: Mention, names: list[Mention]) -> None:
    """'an Ukrinform correspondent reports': an outlet's own reporter is the outlet reporting (annotators and readers
    take the report as the outlet's), no person of his own; the phrase joins the outlet."""
    if phrase.type != "Person" or phrase.role not in _NEWSROOM_ROLES:
        return
    outlet = next(
        (n for n in names if phrase.start <= n.start and n.end <= phrase.end and n.type == "NewsOutlet"), None
    )
    if outlet is not None:
        phrase.key, phrase.name, phrase.type, phrase.entry = outlet.key, outlet.name, outlet.type, outlet.entry
        phrase.rule = "newsroom"


def _named_after(m: Mention, phrase: Mention) -> bool:
    """A person's name inside a body's phrase named after him ('the Biden administration', "the Netanyahu
    government") is no mention of the person: the body is meant."""
    inside = phrase.start <= m.start and m.end <= phrase.end and m.end <= phrase.head
    return m.type == "Person" and phrase.type == "Organization" and phrase.role in _NAMED_AFTER_LEADER and inside


def _portfolio(doc, m: Mention, phrase: Mention) -> bool:
    """'the Secretary of the Treasury', 'the Secretary of Commerce': a body no dictionary knows, named in an office's
    title as whose office it is and not by a body's noun, is the office's portfolio, no body the article speaks
    of."""
    if not (phrase.head < m.start and m.end <= phrase.end and m.type == "Organization" and m.entry is None):
        return False  # checked first: this runs for every name and phrase of the article
    body = doc[m.start : m.end].root.lemma_.lower() in BODY_HEADS  # 'the Chairman of the EU Military Committee'
    return not body and names_an_office(doc, phrase)


def _signature(doc, m: Mention) -> bool:
    """'JOSEPH R. BIDEN JR.' closing a proclamation: a line in capitals (debris) that is only the name of a person the
    gazetteer knows signs the text; he is named in it."""
    if m.type != "Person" or m.entry is None:
        return False
    sent = doc[m.start].sent
    return all(m.start <= t.i < m.end for t in sent if t.is_alpha)


def _title_before_name(doc, phrase: Mention, names: list[Mention]) -> bool:
    """'Pentagon press director Navy Capt. Jeff Davis said': a role phrase written right before a person's name,
    across a rank or a service the parser cut off, is that person's title, not another person."""
    if phrase.type != "Person" or phrase.kind != "np":
        return False
    i = phrase.end
    # 'General' is no rank in _RANK (the 'general staff'), but capitalised right before a name it is one
    while (
        i < len(doc)
        and i - phrase.end < 3
        and (_RANK.match(doc[i].text) or doc[i].text == "General" or doc[i].ent_type_ == "ORG")
    ):
        i += 1
    return any(n.start == i and n.type == "Person" for n in names)


def _crosses(a: Mention, b: Mention) -> bool:
    """The two spans overlap and neither holds the other."""
    overlap = a.start < b.end and b.start < a.end
    return overlap and not (a.start <= b.start and b.end <= a.end) and not (b.start <= a.start and a.end <= b.end)


def _non_overlapping(mentions) -> list[Mention]:
    taken: set[int] = set()
    kept = []
    for m in sorted(mentions, key=lambda m: (m.kind != "gazetteer", -(m.end - m.start), m.start)):
        if not any(i in taken for i in range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return kept


def _nested_or_apart(m: Mention, outer: Mention) -> bool:
    inside = outer.start <= m.start and m.end <= outer.end and outer.head not in range(m.start, m.end)
    return inside or m.end <= outer.start or outer.end <= m.start


_TITLES_BEFORE_SURNAME = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "chancellor",
    "minister",
    "secretary",
    "general",
    "premier",
}


# How a surname the tagger took for a common noun stands as a name: a subject, an object or an owner, not a modifier
# of the noun after it ('Price increases' beside a Tom Price)
_NOUN_SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "pobj", "dobj", "conj", "appos", "ROOT"})


def _surname_as_noun(tok, surnames: set[str]) -> bool:
    """'Sanders says ...' after 'Bernie Sanders' was named: the tagger may take a surname that is also a plural
    noun for one at a sentence's start; it is the person's surname when it stands as a name would."""
    return tok.pos_ == "NOUN" and tok.text in surnames and not tok.text.isupper() and tok.dep_ in _NOUN_SURNAME_DEPS


def _name_like(tok, surnames: set[str]) -> bool:
    """A capitalised proper noun, or a surname the tagger took for a common noun."""
    return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or _surname_as_noun(tok, surnames))


def _may_be_surname(tok) -> bool:
    """A word after a title that may be a surname: no title or honorific of its own ('General Sir Richard X'), and
    no word of a body's name the tagger found ('the General Staff', 'the General Intelligence Services')."""
    return tok.lower_ not in _TITLES_BEFORE_SURNAME and tok.lower_ not in words.HONORIFICS and tok.ent_type_ != "ORG"


def _surname_mentions(doc, found: list[Mention]) -> list[Mention]:
    """Surnames the NER missed: 'Ms Petrenko' or 'Petrenko' after 'Olena Petrenko' was named (a role phrase has no
    surname: 'State' is none after 'the Secretary of State')."""
    surnames = {m.name.split()[-1] for m in found if m.type == "Person" and len(m.name.split()) > 1 and m.kind != "np"}
    covered = {i for m in found for i in range(m.start, m.end)}
    out = []
    for tok in doc:
        if tok.i in covered or not _name_like(tok, surnames):
            continue
        after_title = tok.i > 0 and doc[tok.i - 1].lower_ in _TITLES_BEFORE_SURNAME and _may_be_surname(tok)
        if tok.text in surnames or (after_title and doc[tok.i - 1].text[:1].isupper() and len(tok.text) > 2):
            out.append(Mention(tok.i, tok.i + 1, "Person", f"Person:{_norm(tok.text)}", tok.text, tok.i, "ner"))
    return out


def _ner_mentions(doc, gazetteer) -> list[Mention]:
    out = []
    for ent in doc.ents:
        etype = NER_TYPES.get(ent.label_)
        span = names.name_span(doc, ent, etype, gazetteer) if etype else None
        if span is None:
            continue
        start, end, etype = span
        end = _possessive_name_end(doc, start, end, etype, gazetteer)
        name = clean_name(doc[start:end].text)
        if etype == "Organization" and set(name.lower().split()) & words.OUTLET_WORDS:
            etype = "NewsOutlet"
        if etype == "Organization":
            name = _named_with_owner(doc, start, end, name, gazetteer)
        key = gazetteer.key_for(name) or _demonym_key(gazetteer, name) or f"{etype}:{_norm(name)}"
        entry = gazetteer.entry_for(key)
        mention = Mention(
            start, end, entry.type if entry else etype, key, entry.name if entry else name, doc[start:end].root.i, "ner"
        )
        mention.entry = entry
        if key.startswith("gz:") and not gazetteer.key_for(name):
            mention.rule = "demonym"
        out.append(mention)
    return out


def _possessive_name_end(doc, start: int, end: int, etype: str, gazetteer) -> int:
    """ "Samaritan's Purse", "St. Peter's Square": a name the tagger cut at its possessive goes on through the
    capitalised words the possessive qualifies, when the owner is no person and nothing the gazetteer knows
    ("Russia's Defence Ministry" is Russia's body) and those words are no name of their own ("Gaza's Al-Shifa
    Hospital")."""
    owner = doc[end - 1] if doc[end - 1].tag_ != "POS" else doc[end - 2]
    after = owner.i + 2
    if etype == "Person" or owner.dep_ != "poss" or after >= len(doc) or doc[owner.i + 1].tag_ != "POS":
        return end
    head = owner.head
    if head.i < after or gazetteer.key_for(doc[start : owner.i + 1].text) or gazetteer.demonym(owner.text):
        return end
    if all(t.is_alpha and t.text[:1].isupper() and not t.ent_type_ for t in doc[after : head.i + 1]):
        return head.i + 1
    return end


# heads of a state's own bodies, which its possessive names ("Chile's Senate", "Russia's Defence Ministry")
_STATE_BODY_NOUNS = words.ORG_NOUNS | frozenset({"senate", "congress", "assembly", "legislature"})


def _owned_body(doc, m: Mention, gazetteer) -> Mention:
    """ "Russia's Security Council", "Chile's Senate": a gazetteer body of another state or of no state, written
    with a state's possessive, is that state's own body, named with the state (the gazetteer's row when it has one)."""
    if m.kind != "gazetteer" or m.entry is None or m.type != "Organization":
        return m
    written = doc[m.start : m.end].text
    name = _named_with_owner(doc, m.start, m.end, written, gazetteer)
    if name == written:
        return m
    key = gazetteer.key_for(name)
    entry = gazetteer.entry_for(key)
    owned = Mention(m.start, m.end, "Organization", key or f"Organization:{_norm(name)}", name, m.head, "ner", entry)
    if entry is not None:
        owned.name = entry.name
    return owned


def _named_with_owner(doc, start: int, end: int, name: str, gazetteer) -> str:
    """ "Russia's Defence Ministry": a state's body the tagger named without its owner takes the state's demonym
    ('Russian Defence Ministry'), so that two states' ministries stay two bodies and the gazetteer's row is found;
    "Chile's Senate" is not the body the gazetteer knows as 'Senate' (another state's)."""
    if start < 2 or doc[start - 1].tag_ != "POS" or doc[start:end].root.lemma_.lower() not in _STATE_BODY_NOUNS:
        return name
    owner = gazetteer.entry_for(gazetteer.key_for(doc[start - 2].text))
    if owner is None or owner.type != "Country" or not owner.demonyms:
        return name
    known = gazetteer.entry_for(gazetteer.key_for(name))
    if known is not None and known.country == owner.name:
        return name  # the state's own body by its bare name ('Russia's Duma')
    return f"{owner.demonyms[0]} {name}"  # not another state's 'Senate' nor the UN's 'Security Council'


def _demonym_key(gazetteer, name: str) -> str | None:
    """'Moldovan', 'Ukrainian' labelled as a person or a place: a state's demonym standing alone is that state; a
    movement's ('Houthi' attacks) is that movement."""
    entry = gazetteer.demonym(name)
    named = entry is not None and entry.type in ("Country", "Organization")
    return f"gz:{entry.name}" if named and " " not in name else None


def resolve(
    doc, mentions: list[Mention], article_id: str, gazetteer, overrides: Overrides | None = None
) -> EntityTable:
    """Cluster mentions into entities: same key, surname of a full name, definite description. The override
    file's merges come first (the rules after them see the merged name), its splits last (they undo the rules)."""
    if overrides:
        _apply_merges(doc, mentions, overrides, article_id, gazetteer)
    coreference.one_type_per_name(mentions)
    coreference.link_abbreviations(doc, mentions)
    coreference.link_short_names(doc, mentions, gazetteer)
    coreference.link_titled_surnames(doc, mentions, gazetteer)
    coreference.link_surnames(mentions)
    coreference.link_first_names(doc, mentions)
    coreference.link_owned_bodies(doc, mentions)
    coreference.link_appositions(mentions)
    bare_titles = coreference.link_titles(doc, mentions)
    coreference.link_forces(doc, mentions, gazetteer)
    coreference.link_armed_members(doc, mentions)
    short_forms.link_bare_heads(doc, mentions)  # after the forces, which name 'the British army'
    short_forms.link_initials(doc, mentions)
    short_forms.link_split_prefixes(doc, mentions)
    for m in mentions:
        if m.kind in ("np", "anaphor"):
            m.countries = frozenset(gazetteer.countries_in(doc[m.start : m.end]))
    coreference.link_state_offices(doc, mentions)
    cataphora.link_descriptions_ahead(doc, mentions)
    coreference.link_anaphors(doc, mentions)
    sole_holders.link_sole_holders(doc, mentions, gazetteer, bare_titles)
    sole_holders.link_former_holders(doc, mentions, gazetteer)
    if overrides:
        _apply_splits(doc, mentions, overrides, article_id)
    table = EntityTable()
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.key:
            groups.setdefault(m.key, []).append(m)
    owner: dict[int, str] = {}
    for key, ms in groups.items():
        entity = _entity(doc, key, ms, article_id)
        table.entities.append(entity)
        table.mentions.extend(ms)
        if ms[0].entry:
            table.entries[entity.id] = ms[0].entry
            if ms[0].entry.name in gazetteer.hand_made:
                table.current.add(entity.id)
        if ms[0].role:
            table.roles[entity.id] = ms[0].role
        owner.update((id(m), entity.id) for m in ms)
    # outer phrases first, so that names nested in a role phrase keep their own tokens; an apposition's role
    # phrase stands for its person by its head only ('Jordanian' in 'Jordanian planning minister, X' is Jordan)
    for m in sorted(table.mentions, key=lambda m: m.start - m.end):
        for i in (m.head,) if m.rule == "apposition" else range(m.start, m.end):
            table.by_token[i] = owner[id(m)]
    table.entities.sort(key=lambda e: e.mentions[0].start)
    return table


def _entity(doc, key: str, ms: list[Mention], article_id: str) -> Entity:
    entry = next((m.entry for m in ms if m.entry), None)
    named = [m for m in ms if m.kind != "anaphor"] or ms
    etype = entry.type if entry else _vote_type(named)
    name = entry.name if entry else max(named, key=lambda m: (len(m.name.split()), -m.start)).name
    spans = tuple(_record(doc, m) for m in ms)
    return Entity(
        id="e" + content_id(article_id, key, length=10),
        name=name,
        type=etype,
        wikidata=entry.wikidata if entry else None,
        mentions=spans,
        sector=entry.sector if entry else None,
    )


def _record(doc, m: Mention) -> records.Mention:
    text = doc[m.start : m.end].text
    end = doc[m.end - 1].idx + len(doc[m.end - 1])
    rule = m.rule or (_gazetteer_rule(text, m.entry) if m.entry is not None else "name")
    return records.Mention(text, doc[m.start].idx, end, rule)


def _gazetteer_rule(text: str, entry: GazetteerEntry) -> str:
    """How a gazetteer entry's mention is written: its name, an alias, or its name written differently."""
    written = {text, clean_name(text)}
    if entry.name in written:
        return "wikidata" if entry.wikidata else "gazetteer"
    if written & set(entry.aliases):
        return "alias"
    return "normalised-name" if surface_key(text) == surface_key(entry.name) else "alias"


def _vote_type(ms: list[Mention]) -> str:
    types = [m.type for m in ms]
    return max(set(types), key=lambda t: (types.count(t), t))


def _apply_merges(doc, mentions: list[Mention], overrides: Overrides, article_id: str, gazetteer) -> None:
    """'merge,Azov Brigade,Azov Regiment': the mention takes the key of the entity the override names."""
    for m in mentions:
        text = doc[m.start : m.end].text
        o = overrides.find(text, article_id)
        if o is None or o.action != "merge":
            continue
        entry = gazetteer.by_qid(o.qid) if o.qid else gazetteer.entry_for(gazetteer.key_for(o.entity))
        if entry is None and o.qid:  # a Wikidata id the gazetteer does not list: the node is that id
            entry = GazetteerEntry(clean_name(text), o.type or m.type, o.qid, None, None, (), ())
            m.key = f"qid:{o.qid}"
        elif entry is not None:
            m.key = f"gz:{entry.name}"
        else:
            etype = o.type or m.type
            m.key, m.name, m.type = f"{etype}:{_norm(o.entity)}", o.entity, etype
        if entry is not None:
            m.name, m.type = entry.name, entry.type
        m.entry, m.rule = entry, "override-merge"
        m.kind = "np" if m.kind == "anaphor" else m.kind


def _apply_splits(doc, mentions: list[Mention], overrides: Overrides, article_id: str) -> None:
    """'split,Kremlin,Russia': the mention leaves the entity the override names and becomes its own."""
    names = _group_names(mentions)
    for m in mentions:
        text = doc[m.start : m.end].text
        o = overrides.find(text, article_id)
        if o is None or o.action != "split" or not m.key or not o.names(names.get(m.key, ())):
            continue
        surface = clean_name(text)
        etype = o.type or m.type
        m.key, m.name, m.type, m.entry, m.rule = (
            f"split:{etype}:{_norm(surface)}",
            surface,
            etype,
            None,
            "override-split",
        )
        m.kind = "np" if m.kind == "anaphor" else m.kind


def _group_names(mentions: list[Mention]) -> dict[str, set[str]]:
    """What each key's entity answers to: its gazetteer name, aliases and Wikidata id, or its mentions' names."""
    names: dict[str, set[str]] = {}
    for m in mentions:
        if not m.key:
            continue
        found = names.setdefault(m.key, set())
        if m.entry is not None:
            found.update((m.entry.name, *m.entry.aliases, m.entry.wikidata or ""))
        elif m.kind != "anaphor":
            found.add(m.name)
    return names


# an unnamed phrase of these types is a bystander when it takes part in nothing ('allies', 'a diplomat')
_UNNAMED_TYPES = frozenset({"Group", "Person"})


def without_bystanders(doc, table: EntityTable, events, relations, cues, listed=frozenset()) -> tuple[Entity, ...]:
    """The article's entities less the unnamed collectives and persons that take part in no event or relation
    and are no source ('Countries have raised spending', 'our allies'): a graph node for them links to nothing,
    and annotators list an unnamed collective only when it acts, is acted on or speaks. Named entities stay, and
    so does the subject of a verb of saying ('Western officials say ...') whose content held no event. A state
    named only by its adjective ('against the German occupiers') is named by nothing of its own: it stays when it
    takes part, or when an entity that stays belongs to it ('Russian officials accused ...'). ``listed`` are ids
    that stay whatever they do (kg.extract.membership.state_officials)."""
    named = {
        table.by_token.get(m.head)
        for m in table.mentions
        if m.kind in ("gazetteer", "ner") or names_an_office(doc, m) or _a_people(doc, m)
    }
    named -= {e.id for e in table.entities if _adjective_only(e)}
    speakers = {
        table.by_token.get(m.head)
        for m in table.mentions
        if doc[m.head].dep_ == "nsubj" and cues.attributing(doc[m.head].head) == "speech"
    }
    used = {e for ev in events for e in (*ev.actors, *ev.recipients, *ev.locations, *ev.sources)}
    used.update(e for r in relations for e in (r.subject, r.object, *r.sources))
    kept = named | speakers | used | set(listed)
    staying = [e for e in table.entities if not (_adjective_only(e) or e.type in _UNNAMED_TYPES or _unnamed_body(e))]
    staying += [e for e in table.entities if e.id in kept and e not in staying]
    kept.update(c for e in staying for c in (e.country, *e.countries) if c)
    return tuple(e for e in table.entities if e in staying or e.id in kept)


def _a_people(doc, m: Mention) -> bool:
    """'the Israeli people', 'the people of Ukraine': a people named by the word 'people' and the state or people it
    is (kg.extract.peoples), which annotators list wherever the article speaks of it, as they list a state."""
    return m.type == "Group" and m.kind == "np" and doc[m.head].lower_ == "people" and m.key.startswith(PEOPLE_KEY)


def _adjective_only(e: Entity) -> bool:
    """A state every mention of which is a demonym ('Iranian', 'German'): the article names no such state itself.
    A body's adjective ('Congressional action') names the body."""
    return e.type == "Country" and all(getattr(m, "rule", "name") == "demonym" for m in e.mentions)


def _unnamed_body(e: Entity) -> bool:
    """'the statement', 'a very capable military', 'our court': a body written all in lower case that no dictionary
    knows names no particular body, and is kept only when it takes part in something; a state's own body its owner
    names ('its defence ministry', 'their government') is that particular body. 'Our military', 'our embassy' in a
    speaker's words are the speaker's side's, which the record cannot name apart from the speaker: kept only when
    they take part."""
    if e.type != "Organization" or e.wikidata or any(ch.isupper() for ch in e.name):
        return False
    owned = [m.text.lower().split() for m in e.mentions]
    return not any(w[0] in _POSSESSIVES and w[-1] in _OWNED_BODIES for w in owned if len(w) > 1)


_POSSESSIVES = frozenset({"its", "their", "his", "her"})
_OWNED_BODIES = frozenset(
    """ministry department government administration parliament cabinet army navy military embassy agency council
    commission committee""".split()
)
