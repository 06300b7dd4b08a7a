"""The voice of an official statement, remarks or readout: who 'I' and 'we' are, and who a readout's 'he' and 'they'
are, read from the article's title.

"Statement by President Jane Roe on ...": in the body, "I condemn ..." is Roe's act and "we condemn ..." is Roe's and
her state's. "Readout of Minister Roe's Call with Prime Minister Doe": "He expressed his condolences" is the
principal's (Roe's), "They discussed ..." is both parties'. The author named only by the title is made an entity
whose mentions are the first-person pronouns (rule ``author``): the pronoun is where the text names its author.
Quoted words are someone else's, and a transcript's turns belong to the speaker its label names ("Q:" is a reporter).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kg.extract import entities, nlp, quotes, speakers, words
from kg.extract.coreference import OFFICE_TITLES
from kg.graph.records import Event

__all__ = [
    "FIRST_PERSON",
    "FIRST_SINGULAR",
    "TitleVoice",
    "Voice",
    "parse_title",
    "signed",
    "turn_label_starts",
    "voice_of",
]

FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_PERSON = FIRST_SINGULAR | FIRST_PLURAL
_PARTY_PRONOUNS = frozenset({"he", "she", "they"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})
# words of a title phrase that are an office, not a name ("White House Press Secretary Jane Roe")
_ROLE_WORDS = words.PERSON_ROLES | frozenset(
    """vice prime foreign defense defence national security advisor adviser press white house senior principal
    first lady nsc communications strategic special presidential deputy under assistant state treasury commerce
    homeland united nations of the for and on u.s. us un eu nato administration acting his her royal highness
    majesty excellency lt. gen. col. maj. adm. capt. sgt. brig. cmdr. lt gen col maj adm capt""".split()
)
_LINKS = frozenset({"of", "the", "for", "and", "on"})
_PREFIX = re.compile(r"^(?:corrected|updated|revised)\s*:\s*", re.I)
# what follows the speaker's name in a title: 'on ...', 'at ...', 'Marking One Year ...', 'Welcoming ...'
_GERUNDS = (
    "welcoming|marking|thanking|commemorating|honoring|honouring|announcing|celebrating|congratulating|condemning|"
    "recognizing|recognising|concerning|supporting|praising|mourning|remembering|calling|urging|applauding"
)
_CONNECTORS = (
    r"(?:\s+(?:on|at|in|to|regarding|before|during|ahead|following|after|for|about|upon|" + _GERUNDS + r")\s"
    r"|\s+[–—|-]\s|:|$)"
)
_SPOKEN = re.compile(
    r"^(?:joint\s+)?(?P<kind>statement|remarks|press briefing|press gaggle|message|letter)s?"
    r"(?:\s+as\s+prepared\s+for\s+delivery)?(?:\s+and\s+q&a)?\s+(?:by|from|of)\s+(?P<who>.+?)" + _CONNECTORS,
    re.I,
)
_READOUT = re.compile(
    r"^readout\s+of\s+(?P<who>.+?)['’]s?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:call|meeting|conversation|visit|talks?|discussion|engagement)s?\s+with\s+(?P<with>.+?)" + _CONNECTORS,
    re.I,
)
# a readout of a trip names no counterpart: "Readout of Secretary Roe's Travel to the Region"
_JOURNEY = re.compile(r"^readout\s+of\s+(?P<who>.+?)['’]s?\s+(?:travel|trip|visit)\s+to\s+(?P<with>)", re.I)
_COLLECTIVE = re.compile(r"^(?P<who>[^:]+?)\s+(?:joint\s+)?(?:leaders['’]?\s+)?(?:joint\s+)?statement\b", re.I)
# a transcript's turn: 'THE PRESIDENT:', 'PRIME MINISTER DOE:', 'Q:' or a bare 'Q Mr. President, ...'
_LABEL = re.compile(r"^[ \t]*(?:(?P<label>Q|[A-Z][A-Z.'’ -]{1,40}[A-Z.])[ \t]*:|(?P<q>Q)[ \t]+(?=\S))", re.M)
# a turn run on into the paragraph before it ('... our conversation. CHANCELLOR DOE: Thank you.'): counted only
# where the label names an author, so that a stray 'NOTE:' in a sentence starts no one's turn
_RUN_ON_LABEL = re.compile(r"(?<=[.?!”\"] )(?P<label>[A-Z][A-Z.'’ -]{1,40}[A-Z.]):")
_PARTY_NOUNS = frozenset({"leader", "side", "president", "minister", "official", "delegation", "counterpart"})


@dataclass(frozen=True)
class Voice:
    """What a title says about who speaks: ``kind`` is 'statement' (also remarks, briefings, letters), 'readout'
    or 'collective' (a body's or several states' joint statement); ``authors`` are the title's phrases for who
    speaks (a readout's principal), ``counterparts`` a readout's other party."""

    kind: str
    authors: tuple[str, ...]
    counterparts: tuple[str, ...] = ()


def parse_title(title: str | None) -> Voice | None:
    """The voice a title names, or None for a title that names none (news headlines).

    >>> parse_title("Statement from President Jane Roe on the Summit")
    Voice(kind='statement', authors=('President Jane Roe',), counterparts=())
    >>> parse_title("Readout of Minister Roe’s Call with Prime Minister Doe of Ruritania")
    Voice(kind='readout', authors=('Minister Roe',), counterparts=('Prime Minister Doe of Ruritania',))
    """
    if not title:
        return None
    title = _PREFIX.sub("", title.strip())
    m = _READOUT.match(title) or _JOURNEY.match(title)
    if m:
        return Voice("readout", _split_parties(m["who"]), _split_parties(m["with"] or ""))
    m = _SPOKEN.match(title)
    if m:
        return Voice("statement", _split_parties(m["who"]))
    m = _COLLECTIVE.match(title)
    if m is None or m["who"].lower().startswith(("readout", "fact sheet", "joint")):
        return None
    who = m["who"]
    if _person_name(who) or who.split()[-1].lower() in words.PERSON_ROLES:  # "Foreign Secretary statement on ..."
        return Voice("statement", (who,))
    return Voice("collective", tuple(p for p in re.split(r"\s*(?:-|–|,|\band\b)\s*", who) if p))


# a signature closing a letter or a proclamation: 'JOSEPH R. BIDEN JR.' alone on the last line
_SIGNATURE = re.compile(r"\n[ \t]*(?P<name>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){1,4})[ \t]*\s*$")
_SUFFIXES = frozenset({"JR.", "JR", "SR.", "SR", "II", "III"})


def signed(text: str) -> Voice | None:
    """The voice of a text signed by a person on its last line ('Sincerely,\\n\\nJOSEPH R. BIDEN JR.'), whose 'I'
    is the signer, or None.

    >>> signed("I have extended the emergency.\\n\\nSincerely,\\n\\nJANE Q. ROE")
    Voice(kind='statement', authors=('Jane Q. Roe',), counterparts=())
    >>> signed("The talks ended.\\n\\nWASHINGTON") is None
    True
    """
    m = _SIGNATURE.search(text)
    if m is None:
        return None
    words = [w for w in m["name"].split() if w not in _SUFFIXES]
    if len(words) < 2 or words[0].lower() not in speakers._given_names():
        return None  # 'UNITED STATES', 'END', a dateline: no one signs
    return Voice("statement", (" ".join(w.capitalize() for w in words),))


def _split_parties(phrase: str) -> tuple[str, ...]:
    phrase = re.sub(r"^(?:the\s+)", "", phrase.strip(), flags=re.I)
    return tuple(p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase) if p.strip())


def _person_name(phrase: str) -> str | None:
    """The name in a title's phrase for a person: 'National Security Advisor Jane Roe' -> 'Jane Roe', 'Vice
    President Roe' -> 'Roe'; None when it names an office only ('the President')."""
    phrase = _without_state(phrase)
    tokens = phrase.replace("’s", "").split()
    given = speakers._given_names()
    first = next((i for i, w in enumerate(tokens) if w.lower() in given and i < len(tokens) - 1), None)
    if first is not None:  # the given name and what follows it, up to a lower-case or an office word
        rest = tokens[first:]
        end = next(
            (k for k, w in enumerate(rest) if k and (not w[:1].isupper() or w.lower() in _ROLE_WORDS)), len(rest)
        )
        return " ".join(rest[: min(end, 4)])
    run: list[str] = []
    for w in reversed(tokens):
        if not w[:1].isupper() or w.lower() in _ROLE_WORDS or len(run) == 3:
            break
        run.insert(0, w)
    before = tokens[len(tokens) - len(run) - 1].lower() if len(run) < len(tokens) else ""
    # a name follows an office ('Vice President Roe'); 'the Second Gentleman Marking One Year' names no one
    return " ".join(run) if run and before in _ROLE_WORDS - _LINKS else None


def _without_state(phrase: str) -> str:
    """'Prime Minister Doe of Ruritania' -> 'Prime Minister Doe', 'Doe of the Republic of Ruritania' -> 'Doe'; not
    'Secretary of State Jane Roe' (an office follows the 'of') nor 'Director of National Security Min Ho Park'."""
    while True:
        head, of, tail = phrase.rpartition(" of ")
        tail_words = tail.removeprefix("the ").split()
        if (
            not of
            or not tail_words
            or any(w.lower() in _ROLE_WORDS - _LINKS or not w[:1].isupper() for w in tail_words)
        ):
            return phrase
        phrase = head


def _office(phrase: str) -> str:
    """The office words of a title's phrase: 'Vice President Jane Roe of Ruritania' -> 'vice president'."""
    name = _person_name(phrase) or ""
    head = phrase[: phrase.find(name)] if name and name in phrase else re.sub(r"\s+of\s+.*$", "", phrase)
    return " ".join(w for w in head.lower().split() if w not in ("the", "a")).strip()


@dataclass
class TitleVoice:
    """The title's voice bound to one article's entities: which pronoun tokens stand for whom."""

    voice: Voice
    table: entities.EntityTable
    cues: Any
    turn_of: Callable[[int], int | None]  # which author speaks at a character offset (a transcript's turns)
    authors: list[str] = field(default_factory=list)  # entity ids: who 'I' is (a readout's principal)
    states: list[str] = field(default_factory=list)  # entity ids of the authors' state or body: who 'we' is too
    counterparts: list[str] = field(default_factory=list)  # a readout's other party
    plural: dict[int, list[str]] = field(default_factory=dict)  # 'we', 'our' ... (token index) -> who they are
    firsts: set[int] = field(default_factory=set)  # the first-person tokens that are the authors'
    speakers: dict[int, str] = field(default_factory=dict)  # a statement's author (index in the title) -> entity id
    sides: dict[str, list[str]] = field(default_factory=dict)  # a speaker -> herself and the state she speaks for

    def resolve(self, tok) -> list[str]:
        """The entities a first-person pronoun (or a readout's 'he', 'they', 'the two leaders', a two-party
        transcript's 'you') stands for, or []."""
        if tok.i in self.plural:
            return self.plural[tok.i]
        if tok.lower_ in _SECOND_PERSON:
            return self._addressed(tok)
        if self.voice.kind != "readout" or not self.authors or not self._main_subject(tok):
            return []
        lower = tok.lower_
        if lower in ("he", "she") and len(self.authors) == 1:
            return self.authors if speakers.agrees(tok, nlp.doc_text(tok.doc), self.table.get(self.authors[0])) else []
        both = lower == "they" or (
            tok.tag_ == "NNS"
            and tok.lemma_.lower() in _PARTY_NOUNS
            and any(c.lower_ in ("two", "both", "the") for c in tok.children)
            and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children)
        )
        return _unique([*self.authors, *self.counterparts]) if both and self.counterparts else []

    def _addressed(self, tok) -> list[str]:
        """'Remarks by President Roe and Chancellor Doe': in Roe's turn, 'you' ('I want to thank you, Olaf', 'you
        helped Ukraine') is Doe, and in Doe's turn Roe; outside a turn, or with more than two speakers, no one."""
        if self.voice.kind != "statement" or len(self.voice.authors) != 2 or not self._open(tok):
            return []
        turn = self.turn_of(tok.idx)
        other = self.speakers.get(1 - turn) if turn is not None else None
        return [other] if other is not None else []

    def author_at(self, tok) -> list[str]:
        """Who speaks in the text's own voice at ``tok``: a statement's author (in a transcript, the one whose turn
        it is), a joint statement's states; [] in a quotation, in a reporter's turn, or in a readout (the office's
        voice tells what its principal said)."""
        if self.voice.kind == "collective":
            return list(self.states) if not quotes.in_quote(tok.doc, self.cues, tok.idx) else []
        if self.voice.kind != "statement" or not self._open(tok):
            return []
        turn = self.turn_of(tok.idx)
        return [self.speakers[turn]] if turn in self.speakers else []

    def speaks(self, tok) -> bool:
        """Whether ``tok`` is the statement's own first person: what 'I' or 'we' say is the article's voice."""
        return self.voice.kind != "readout" and tok.lower_ in FIRST_PERSON and tok.i in self.firsts

    def own_voice(self, tok) -> list[str]:
        """Who says a statement's own words at ``tok`` (outside quotations, in a speaker's turn): she and the state
        she speaks for, or [] in a readout (told of its principal, not by her) or where no speaker is known."""
        if self.voice.kind != "statement":
            return []
        return [e for speaker in self.author_at(tok) for e in self.sides.get(speaker, [])]

    def _main_subject(self, tok) -> bool:
        """A readout's 'he' and 'they' stand for its parties as the subject of a main clause, outside quotations:
        'Mr. Doe confirmed that he ...' is Doe's own."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not self._open(tok):
            return False
        verb = tok.head
        return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")

    def _open(self, tok) -> bool:
        """Outside quotations, in the authors' turns."""
        return self.turn_of(tok.idx) is not None and not quotes.in_quote(tok.doc, self.cues, tok.idx)

    def addressee(self, actors: list[str]) -> list[str]:
        """A readout's principal expressing condolences, support or thanks with no one named addresses the other
        party of the call ('He expressed his condolences', 'She reaffirmed her support')."""
        if self.voice.kind != "readout" or not self.authors or actors != self.authors[:1]:
            return []
        return list(self.counterparts)

    def side_of(self, eid: str) -> list[str]:
        """The state an author speaks for beside herself ('President Roe reaffirmed Ruritania's support'), or []."""
        return list(self.states) if eid in self.authors else []

    def joint(self, events: list[Event]) -> list[Event]:
        """A readout's talks are both parties' acts: 'He discussed the situation' has the counterpart as actor too."""
        if self.voice.kind != "readout" or not self.authors or not self.counterparts:
            return events
        parties = _unique([*self.authors, *self.counterparts])
        out = []
        for e in events:
            if e.type == "CONSULT" and set(e.actors) & set(parties) and not set(parties) <= set(e.actors):
                actors = _unique([*e.actors, *parties])
                e = dataclasses.replace(
                    e, actors=tuple(actors), recipients=tuple(r for r in e.recipients if r not in actors)
                )
            out.append(e)
        return out


def voice_of(doc, table: entities.EntityTable, title: str | None, source: str | None, gazetteer, cues, article_id: str):
    """The title's voice bound to ``table``; first-person pronouns become mentions of their author (rule ``author``,
    an entity made from the title's name when the body never names the author). A letter or proclamation whose
    title names no one speaks in the voice of whoever signs it. None when neither names a voice."""
    voice = parse_title(title) or signed(nlp.doc_text(doc))
    if voice is None:
        return None
    if voice.kind == "statement" and all(_body_entry(gazetteer, p) for p in voice.authors):
        voice = Voice("collective", voice.authors)  # "Joint Statement of the United States and Japan"
    bound = TitleVoice(voice, table, cues, _turns(nlp.doc_text(doc), voice))
    firsts = [t for t in doc if t.lower_ in FIRST_PERSON and bound._open(t)]
    bound.firsts = {t.i for t in firsts}
    if voice.kind == "collective":
        bound.states = _unique([e for p in voice.authors for e in _body(doc, table, gazetteer, p, firsts, article_id)])
        bound.plural = {t.i: bound.states for t in firsts if t.lower_ in FIRST_PLURAL} if bound.states else {}
        return bound
    if voice.kind == "readout":
        eid = _person(doc, table, gazetteer, voice.authors[0], [], article_id)
        bound.authors = [eid] if eid else []
        state = _state_of(voice.authors[0], source, gazetteer)
        bound.states = [e.id for e in table.entities if state and e.name == state]
        bound.counterparts = [e for p in voice.counterparts if (e := _person(doc, table, gazetteer, p, [], article_id))]
        # the readout's own 'we' and 'our' ("He underscored our commitment"): its principal's side, as she speaks for it
        side = _unique([*bound.authors, *bound.states])
        bound.plural = {t.i: side for t in firsts if t.lower_ in FIRST_PLURAL} if bound.authors else {}
        _offices(doc, table, [(eid, voice.authors[0])] if eid else [], bound.counterparts, voice)
        return bound
    parties = []
    for k, phrase in enumerate(voice.authors):  # each speaker of a statement or a transcript, in her own turns
        mine = [t for t in firsts if bound.turn_of(t.idx) == k]
        eid = None if _body_entry(gazetteer, phrase) else _person(doc, table, gazetteer, phrase, mine, article_id)
        if eid is None:  # "Joint Statement of the United States and Japan": a state or a body speaks
            bodies = _body(doc, table, gazetteer, phrase, mine, article_id)
            bound.plural.update((t.i, bodies) for t in mine if t.lower_ in FIRST_PLURAL and bodies)
            continue
        parties.append((eid, phrase))
        bound.speakers[k] = eid
        state = _state_of(phrase, source if k == 0 else None, gazetteer)
        states = [e.id for e in table.entities if state and e.name == state]
        bound.sides[eid] = _unique([eid, *states])
        bound.plural.update((t.i, bound.sides[eid]) for t in mine if t.lower_ in FIRST_PLURAL)
        if k == 0:
            bound.authors, bound.states = [eid], states
    bound.firsts = {t.i for t in firsts if t.i in table.by_token or t.i in bound.plural}
    _offices(doc, table, parties, [], voice)
    return bound


def turn_label_starts(text: str) -> list[int]:
    """Where a transcript's turn labels stand ('THE PRESIDENT:', '... our talks. CHANCELLOR DOE:'), in order."""
    return sorted(m.start() for pattern in (_LABEL, _RUN_ON_LABEL) for m in pattern.finditer(text))


def _turns(text: str, voice: Voice) -> Callable[[int], int | None]:
    """Which author speaks at a character offset: in a transcript, the one its turn's label names ('THE
    PRESIDENT:', 'PRIME MINISTER DOE:'), none in another speaker's turn ('Q:'); elsewhere the only author."""
    labels = [(m.start(), m["label"] or m["q"]) for m in _LABEL.finditer(text)]
    alone = 0 if len(voice.authors) == 1 or voice.kind != "statement" else None
    if not labels:
        return lambda _char: alone
    names = [(_person_name(a) or "").split()[-1:] for a in voice.authors]
    offices = [" ".join(w for w in a.split() if w.lower() in _ROLE_WORDS).upper() for a in voice.authors]
    run_on = [(m.start(), m["label"]) for m in _RUN_ON_LABEL.finditer(text)]
    labels = sorted(labels + [(s, label) for s, label in run_on if _labelled(label, names, offices) is not None])
    starts = [s for s, _ in labels]
    owners = [_labelled(label, names, offices) for _, label in labels]

    def speaker(char: int) -> int | None:
        k = bisect.bisect_right(starts, char) - 1
        return alone if k < 0 else owners[k]

    return speaker


def _labelled(label: str, names: list[list[str]], offices: list[str]) -> int | None:
    """The author a turn's label names, by surname or (for 'THE PRESIDENT:') by office; None for anyone else."""
    label = label.upper().removeprefix("THE ").strip()
    for k, surname in enumerate(names):
        if surname and surname[0].upper() in label.split():
            return k
    return next((k for k, office in enumerate(offices) if office and label == office), None)


def _person(doc, table, gazetteer, phrase: str, firsts: list, article_id: str) -> str | None:
    """The entity a title's phrase names: a person the body names by the same surname, a gazetteer person, or,
    when the body speaks as 'I' or 'we', a person made from the title's name with those pronouns as mentions."""
    found = _named_in_body(doc, table, phrase)
    name = _person_name(phrase)
    if not name:  # 'Statement of the Vice President': whom the body gives the office
        if found is None:
            return None
        ms = [entities.Mention(t.i, t.i + 1, "Person", "", found.name, t.i, "anaphor", rule="author") for t in firsts]
        return _attach(doc, table, found, "", ms, article_id)
    surname = name.split()[-1].lower()
    found = found or next(
        (
            e
            for e in table.entities
            if e.type == "Person" and not e.name.isupper() and e.name.split()[-1].lower() == surname
        ),
        None,
    )
    key = gazetteer.key_for(name)
    entry = gazetteer.entry_for(key) or _office_holder(gazetteer, phrase, name)
    key = f"gz:{entry.name}" if entry is not None else key
    if found is None and entry is not None and entry.type == "Person":
        found = next((e for e in table.entities if e.name == entry.name), None)
    if found is None and not firsts:
        return None
    if entry is None or entry.type != "Person":
        key, entry = f"author:{name.lower()}", None
    ms = [entities.Mention(t.i, t.i + 1, "Person", key, name, t.i, "anaphor", entry, rule="author") for t in firsts]
    eid = _attach(doc, table, found, key, ms, article_id)
    if eid is not None and entry is not None and entry.name in gazetteer.hand_made:
        table.current.add(eid)  # a hand-made row holds his office now, as for a person the body names
    return eid


def _office_holder(gazetteer, phrase: str, name: str):
    """'Remarks by Vice President Harris': a lone surname after an office title is the one current office holder
    of that surname (see :func:`coreference.link_titled_surnames`), else None."""
    words_before = phrase.replace("’s", "").split()
    if " " in name or name not in words_before:
        return None
    at = words_before.index(name)
    return gazetteer.titled_person(name) if at and words_before[at - 1].lower() in OFFICE_TITLES else None


def _named_in_body(doc, table, phrase: str):
    """The person of the body whose surname the title's phrase names ('Director Shin Wonsik of Korea' -> 'Shin
    Wonsik'), or, for a phrase naming an office only ('the Vice President'), whom the body gives that office
    ('Vice President Jane Roe')."""
    name = _person_name(phrase)
    said = {w.lower() for w in re.findall(r"[\w’'-]+", name or "")}  # not its office: 'President' names no one
    people = [
        e
        for e in table.entities
        if e.type == "Person" and e.id not in table.roles and not e.name.isupper()  # not a transcript's label
    ]
    by_surname = [e for e in people if e.name.split()[-1].lower() in said]
    if by_surname:
        return by_surname[0]
    office = _office(phrase)
    if name or not office:
        return None
    text = nlp.doc_text(doc).lower()
    held = [
        e
        for e in people
        if any(text[max(0, m.start - len(office) - 1) : m.start].strip() == office for m in e.mentions)
    ]
    return held[0] if len(held) == 1 else None


def _offices(doc, table, parties: list[tuple[str, str]], counterparts: list[str], voice: Voice) -> None:
    """'The President' in a statement or readout from the President's office is the title's President, not the
    last president the body named: a definite description of a party's office joins that party."""
    owners: dict[str, str] = {}
    for eid, phrase in [*parties, *zip(counterparts, voice.counterparts, strict=False)]:
        owners.setdefault(_office(phrase), eid)  # the principal's office first: 'the President' is hers
    for m in table.mentions:
        if m.rule != "definite-description":
            continue
        owner = owners.get(" ".join(t.lower_ for t in doc[m.start : m.end] if t.lower_ not in ("the", "a")))
        old = table.by_token.get(m.head)
        if owner is None or old is None or old == owner:
            continue
        span = entities._record(doc, m)
        i = next(k for k, e in enumerate(table.entities) if e.id == old)
        left = tuple(x for x in table.entities[i].mentions if (x.start, x.end) != (span.start, span.end))
        if not left:
            continue
        table.entities[i] = dataclasses.replace(table.entities[i], mentions=left)
        j = next(k for k, e in enumerate(table.entities) if e.id == owner)
        spans = tuple(sorted((*table.entities[j].mentions, span), key=lambda x: x.start))
        table.entities[j] = dataclasses.replace(table.entities[j], mentions=spans)
        for k in range(m.start, m.end):
            if table.by_token.get(k) == old:
                table.by_token[k] = owner


def _body(doc, table, gazetteer, phrase: str, firsts: list, article_id: str) -> list[str]:
    """A collective author (a state, an alliance) as an entity: the body's own, else one whose mentions are 'we'."""
    entry = _body_entry(gazetteer, phrase)
    if entry is None:
        return []
    key = f"gz:{entry.name}"
    found = next((e for e in table.entities if e.name == entry.name), None)
    plural = [t for t in firsts if t.lower_ in FIRST_PLURAL]
    if found is None and not plural:
        return []
    ms = [
        entities.Mention(t.i, t.i + 1, entry.type, key, entry.name, t.i, "anaphor", entry, rule="author")
        for t in plural
    ]
    eid = _attach(doc, table, found, key, ms, article_id, shared=True)
    return [eid] if eid else []


def _body_entry(gazetteer, phrase: str):
    """The state or organisation a title's phrase names ('the United States', 'Leaders of the G7'), or None."""
    phrase = re.sub(r"^(?:the\s+)?leaders?\s+of\s+(?:the\s+)?", "", phrase, flags=re.I)  # their state speaks
    entry = gazetteer.entry_for(gazetteer.key_for(phrase))
    return entry if entry is not None and entry.type in ("Country", "Organization") else None


def _attach(doc, table, found, key: str, ms: list, article_id: str, *, shared: bool = False) -> str | None:
    """Join the pronoun mentions ``ms`` to ``found``, or make an entity of them; a 'we' of several states or bodies
    (``shared``) is a mention of each, and the token resolves to the first."""
    free = [m for m in ms if m.start not in table.by_token]
    kept = ms if shared else free
    if found is None and not kept:
        return None
    if found is None:
        table.entities.append(entities._entity(doc, key, kept, article_id))
        if kept[0].entry is not None:
            table.entries[table.entities[-1].id] = kept[0].entry
        eid = table.entities[-1].id
    else:
        eid = found.id
        i = table.entities.index(found)
        spans = sorted((*found.mentions, *(entities._record(doc, m) for m in kept)), key=lambda s: s.start)
        table.entities[i] = dataclasses.replace(found, mentions=tuple(spans))
    for m in free:
        table.by_token[m.start] = eid
    return eid


def _state_of(phrase: str, source: str | None, gazetteer) -> str | None:
    """The state an author serves: named in the title's phrase ('Prime Minister Doe of Ruritania', 'Israeli
    National Security Advisor'), else the publisher's ('The White House' is the United States')."""
    for w in re.findall(r"[\w.’'-]+", phrase):
        entry = gazetteer.demonym(w) or gazetteer.entry_for(gazetteer.key_for(w) if w[:1].isupper() else None)
        if entry is not None and entry.type == "Country":
            return entry.name
    entry = gazetteer.entry_for(gazetteer.key_for(re.sub(r"^the\s+", "", source or "", flags=re.I)))
    if entry is None:
        return None
    return entry.name if entry.type == "Country" else entry.country


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))
