"""Which word names which event: the trigger lexicon (hand-made rows, then derived ones) indexed for one lookup
per token, and the syntactic requirements a row puts on the word's neighbours."""

from __future__ import annotations

from kg.extract.giving import handing_over
from kg.extract.lexicons import Trigger
from kg.extract.words import MEASURE_NOUNS

__all__ = ["TriggerIndex", "fights_for_a_cause", "place_words"]

_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_PARTS = frozenset({"part", "portion", "half", "bulk", "share", "most", "some", "all", "much", "rest"})
# nouns that hold a kind of act or good named by their compound: 'the aid program', 'a loan scheme'
_SCHEMES = frozenset({"program", "programme", "package", "scheme", "project"})
# object words of a row that a named town or region satisfies, and the entity types of such names
_SETTLEMENTS = frozenset({"city", "town", "village", "territory", "region"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# ills a government or a society fights without fighting anyone ('fight corruption', 'fight the pandemic')
_ILLS = frozenset(
    """corruption poverty crime hunger famine disease pandemic epidemic virus inflation fraud impunity
    antisemitism racism discrimination hate misinformation disinformation fire wildfire drought""".split()
)


class TriggerIndex:
    """Lexicon entries by (lemma, pos), so that a token is matched by one lookup whatever the lexicon's size;
    entries with requirements are tried first.

    ``derived`` rows (from the CAMEO dictionary) come after the hand-made ones of the same word, which win: a
    derived row without requirements is dropped where the hand-made rows name the word (they are either
    unconditional already, or constrain the word on purpose), and where the word is a modality or speech
    cue (``cue_lemmas``: "expect", "claim" say how an event is told, not which event).
    """

    def __init__(
        self,
        triggers: tuple[Trigger, ...],
        derived: tuple[Trigger, ...] = (),
        cue_lemmas: frozenset[str] = frozenset(),
        place_words: frozenset[str] = frozenset(),
        state_words: frozenset[str] = frozenset(),
    ):
        self._place_words = place_words  # known towns and regions, where the tagger does not know them
        self._state_words = state_words  # words of state names: a state is no town a missile hits
        self._by_key: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self._by_key.setdefault((t.lemma, t.pos), []).append(t)
        for entries in self._by_key.values():
            entries.sort(key=lambda t: -len(t.requires))
        extra: dict[tuple[str, str], list[Trigger]] = {}
        for t in derived:
            key = (t.lemma, t.pos)
            if not t.requires and (key in self._by_key or t.lemma in cue_lemmas):
                continue
            extra.setdefault(key, []).append(t)
        for key, entries in extra.items():
            entries.sort(key=lambda t: -len(t.requires))
            self._by_key.setdefault(key, []).extend(entries)

    def match(self, tok) -> Trigger | None:
        pos = _POS.get(tok.pos_)
        if pos is None:
            return None
        entries = self._by_key.get((tok.lemma_.lower(), pos))
        near: dict[str, frozenset[str]] = {}  # requirement -> the words around the token that may meet it
        found = self._first(tok, entries or (), near)
        if found is None and pos == "VERB" and (entries is None or _again(tok)):
            # a wrong model lemma ('staged' -> 'stag'): the regular stems; 'reimposed blockades': the act again
            # is the act, whose rows apply when the word's own fail
            stems = _verb_stems(tok)
            found = next((f for k in stems if (f := self._first(tok, self._by_key.get(k, ()), near))), None)
        if found is None and pos == "VERB":  # "provided Ukraine with spare parts": goods no row lists are aid too
            found = handing_over(tok)
        return found

    def _first(self, tok, entries, near: dict[str, frozenset[str]]) -> Trigger | None:
        for entry in entries:
            if all(self._holds(tok, dep, lemmas, near) for dep, lemmas in entry.requires):
                return entry
        return None

    def _holds(self, tok, dep: str, lemmas: frozenset[str], near: dict[str, frozenset[str]]) -> bool:
        """``near``: the words each requirement reads around ``tok``, read once for all the rows of the token (a
        word may have dozens of rows that each require an object)."""
        found = near.get(dep)
        if found is None:
            found = near[dep] = _words_for(tok, dep)
        if not lemmas.isdisjoint(found):
            return True
        # "missiles hit Kyiv", "rebels seized Goma": a named town or region is what a row's 'city' or 'territory'
        # names; a state is not ("sanctions hit Russia")
        return dep == "obj" and bool(lemmas & _SETTLEMENTS) and any(self._named_place(o) for o in _objects(tok))

    def _named_place(self, tok) -> bool:
        if tok.pos_ != "PROPN" or tok.lower_ in self._state_words:
            return False
        return tok.ent_type_ in _PLACE_ENTS or tok.lower_ in self._place_words


def place_words(entries) -> dict[str, frozenset[str]]:
    """From gazetteer entries, the words of towns and regions (places, and a state's one-word other names: its
    capital) and the words of states' names, as TriggerIndex takes them."""
    places = {f for e in entries if e.type == "Place" for f in e.surface_forms}
    places |= {f for e in entries if e.type == "Country" for f in e.aliases if " " not in f and f[:1].isupper()}
    states = {w for e in entries if e.type == "Country" for w in e.name.split()}
    return {
        "place_words": frozenset(w.lower() for f in places for w in f.split()) - {w.lower() for w in states},
        "state_words": frozenset(w.lower() for w in states),
    }


def _again(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lemma.startswith("re") and len(lemma) > 5


def _verb_stems(tok) -> list[tuple[str, str]]:
    """Where the model's lemma of an inflected verb is wrong ('staged' -> 'stag'), the regular stems of its
    form: 'staged' -> stage, stag; 'blocking' -> block, blocke."""
    form = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and form.endswith("ed"):
        stems = [form[:-1], form[:-2]]
    elif tok.tag_ == "VBG" and form.endswith("ing"):
        stems = [form[:-3], form[:-3] + "e"]
    elif tok.tag_ == "VBZ" and form.endswith("s"):
        stems = [form[:-1]]
    else:
        stems = []
    lemma = tok.lemma_.lower()
    if lemma.startswith("re") and len(lemma) > 5:  # 'reimposed blockades': the act again is the act
        stems.append(lemma[2:].lstrip("-"))
    return [(s, "VERB") for s in stems if s != lemma]


def _words_for(tok, dep: str) -> frozenset[str]:
    """The lemmas and forms of the words around ``tok`` that a row's requirement ``dep`` reads."""
    kids = list(tok.children)
    if dep == "subj":
        cands = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        # "several thousand Ukrainians": a people counted by a number word is a crowd ("two thousand soldiers" is not)
        cands += [n for c in cands if c.ent_type_ == "NORP" for n in c.children if n.dep_ == "nummod"]
    elif dep == "advmod":
        cands = [c for c in kids if c.dep_ in ("advmod", "prt")] + _stranded_particles(kids)
    elif dep == "obj":
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative")]
        # "allowed refugees to return": the parse makes the allowed the subject of an infinitive clause
        objects += [s for c in kids if c.dep_ == "ccomp" and _infinitive(c) for s in c.children if s.dep_ == "nsubj"]
        objects += [c for c in kids if c.dep_ == "xcomp" and c.pos_ == "NOUN"]  # "took 240 people hostage"
        if any(c.dep_ == "dobj" for c in kids):  # "provide Ukraine with tanks": the thing given comes after 'with'
            objects += [
                g for c in kids if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
            ]
        cands = _contents(objects)
    elif dep == "objmod":
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        cands = [m for o in objects for m in o.children if m.dep_ in ("compound", "amod", "nmod")]
    elif dep == "prep":
        cands = [c for c in kids if c.dep_ in ("prep", "agent", "dative")] + _for_to_marks(kids)
    elif dep == "prt":
        cands = [c for c in kids if c.dep_ == "prt"] + _stranded_particles(kids)
    elif dep == "compound":
        cands = [c for c in kids if c.dep_ in ("compound", "amod", "nmod")]
    elif dep == "head":  # "went on strike", "called a strike": the word the noun hangs on
        cands = [tok.head, tok.head.head] if tok.head.dep_ in ("prep", "agent") else [tok.head]
        cands = [c for c in cands if c.i != tok.i]
    elif dep == "neg":  # "will not tolerate": a word whose negation is the act
        cands = [c for c in kids if c.dep_ == "neg"]
    elif dep == "xcomp":  # "told civilians to flee": the 'to' of an infinitive complement
        cands = [a for c in kids if c.dep_ in ("xcomp", "ccomp") for a in c.children if a.dep_ == "aux"]
    elif dep == "pobj":
        cands = [g for c in kids if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    else:
        return frozenset()
    return frozenset(w for c in cands for w in (c.lemma_.lower(), c.lower_))


def _for_to_marks(kids) -> list:
    """'calling for corridors to evacuate people', 'called for the mission to be allowed': the parse makes the 'for'
    of a for-to infinitive the mark of the verb's clause, not a preposition of the verb."""
    return [
        m for c in kids if c.dep_ in ("advcl", "ccomp") for m in c.children if m.dep_ == "mark" and m.lower_ == "for"
    ]


def _stranded_particles(kids) -> list:
    """'pulled their diplomats out', 'called the talks off': a phrasal verb's particle after its object, which the
    parser may take for a preposition with no object of its own."""
    return [c for c in kids if c.dep_ == "prep" and c.pos_ == "ADP" and not any(True for _ in c.children)]


def _objects(verb) -> list:
    """A verb's direct objects and their conjuncts ('hit Kharkiv and Odesa')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]


def _contents(objects) -> list:
    """The objects, their conjuncts ("tents and blankets"), and what a measure holds ("700 kg of medicine",
    "a team of surgeons"): the things a verb acts on, for a row's object requirement."""
    out = []
    for o in objects:
        group = [o, *(c for c in o.children if c.dep_ == "conj")]
        for g in group:
            out.append(g)
            if g.pos_ == "PROPN":  # "released dissident Wei Jingsheng": a title before a name says who
                out += [c for c in g.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")]
            lemma = g.lemma_.lower()
            if lemma in MEASURE_NOUNS or lemma in _PARTS or g.pos_ == "NUM":  # "part of its aid"
                held = [p for c in g.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
                out += held + [m for p in held if p.lemma_.lower() in _SCHEMES for m in _kinds(p)]
            if lemma in _SCHEMES:  # "suspended the military aid program": the program's kind is what is suspended
                out += _kinds(g)
    return out


def _kinds(noun) -> list:
    return [c for c in noun.children if c.dep_ == "compound"]


def _infinitive(clause) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def fights_for_a_cause(tok) -> bool:
    """'we never stopped fighting for their release', 'as they fight for their freedom', 'will fight for the people
    to realize their rights': a fight *for* something, against no one named and with no object, is a cause pursued,
    not an armed assault; so is a fight against an ill ('reforms to fight corruption')."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("fight", "battle", "struggle"):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _ILLS for c in tok.children):
        return True  # "reforms to fight corruption": a society's ill fought, no one attacked
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"} | {m.lower_ for m in _for_to_marks(tok.children)}
    return (
        "for" in preps
        and not preps & {"against", "with", "in", "on", "at"}
        and not any(c.dep_ == "dobj" for c in tok.children)
    )
