"""Plural anaphors: 'they', 'the two leaders', 'both sides' after a sentence that names a pair or more of
parties ('Biden and Macron spoke ... The leaders agreed'; 'Carter met with Abadi ... the two leaders
discussed'). Readouts and joint statements tell most of their events this way."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import misparses

__all__ = ["antecedents", "collective_subject", "group_antecedent", "is_plural_anaphor", "of_coordination"]

_PRONOUNS = frozenset({"they", "their"})
# heads of a definite plural that takes up the parties just named: 'the leaders' are people, 'the two sides'
# states or bodies
_PERSON_NOUNS = frozenset({"leader", "president", "minister", "counterpart", "official", "man", "head", "chief"})
_BODY_NOUNS = frozenset(
    {"side", "country", "nation", "government", "party", "delegation", "ally", "neighbour", "neighbor", "rival"}
    | {"power", "state", "capital"}
)
_PARTY_NOUNS = _PERSON_NOUNS | _BODY_NOUNS
# who attended the meeting just told: people and bodies alike
_ATTENDEE_NOUNS = frozenset({"participant", "attendee"})
_DEFINITE = frozenset({"the", "both", "these", "those"})  # 'these nations', 'those governments' take up a pair too
_COUNTS = frozenset({"two", "three", "four", "both", "all"})
# verbs that bring one party together with another: 'met with Abadi', 'hosted Hanegbi', 'spoke with Herzog'
_MEETING_VERBS = frozenset({"meet", "host", "speak", "talk", "phone", "call", "receive", "visit", "welcome", "join"})
# what a clause's subject holds with another party: 'held talks with B', 'had a meeting with B'
_MEETING_NOUNS = frozenset({"meeting", "talk", "call", "conversation", "discussion", "negotiation", "consultation"})
# singular nouns of a collective that a 'they' takes up: 'The delegation affirmed ... They expressed appreciation'
_COLLECTIVE_HEADS = frozenset({"delegation", "team", "committee", "panel", "mission", "crew", "family"})
_PARTY_TYPES = ("Person", "Country", "Organization")
_SENTENCES_BACK = 5
# 'the two leaders', 'both sides' name a pair outright, and readouts take it up long after naming it
_NOUNS_BACK = 10


def is_plural_anaphor(tok) -> bool:
    """'they' as a subject, 'their' as an owner, or 'the (two) leaders' / 'both sides' as a subject."""
    lower = tok.lower_
    if lower in _PRONOUNS:
        return tok.dep_ in ("nsubj", "nsubjpass", "poss")
    if tok.tag_ in ("NNS", "NNPS") and _lemma(tok) in _ATTENDEE_NOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
        # 'Participants discussed ...', 'the participants agreed': those of the meeting just told, with or
        # without 'the'; not 'Crimea Platform participants' (the body's own)
        return not any(c.dep_ in ("amod", "compound") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    # 'the two officials condemned X' where the parser made 'officials' the root (misparses.root_subject)
    subject = tok.dep_ in ("nsubj", "nsubjpass") or any(misparses.root_subject(c) == tok for c in tok.children)
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in _PARTY_NOUNS or not subject:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
    # 'the leaders', 'the two leaders', 'both leaders', 'these nations'; not 'Western leaders' or 'two officials said'
    return bool(mods & _DEFINITE) and not any(c.dep_ in ("amod", "compound") for c in tok.children)


def antecedents(tok, resolve: Callable, type_of: Callable) -> list[str]:
    """The parties of the nearest earlier clause (this sentence, then up to five before for a pronoun, ten for
    'the two leaders') that names two or more of the same kind: a coordinated subject ('A and B spoke'), or a
    subject and whom it met ('A met with B', 'A hosted B and C'). Empty where there is none: never a guess among
    unrelated names."""
    doc = tok.doc
    sent = tok.sent
    for _ in range((_SENTENCES_BACK if tok.pos_ == "PRON" else _NOUNS_BACK) + 1):
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.i < tok.i]
        for verb in reversed(verbs):
            found = _parties(verb, resolve, type_of, tok.i, sides=_lemma(tok) == "side")
            if len(found) >= 2 and _fits(tok, {type_of(i) for i in found}):
                return found
        if sent.start == 0:
            return []
        sent = doc[sent.start - 1].sent
    return []


def _fits(anaphor, kinds: set[str]) -> bool:
    """'the two leaders' are people, 'the two countries' states or bodies; 'both sides' and 'they' either (a side
    of talks may be a team of officials)."""
    lemma = anaphor.lemma_.lower()
    if lemma == "side":
        return True
    if lemma in _PERSON_NOUNS:
        return kinds == {"Person"}
    if lemma in _BODY_NOUNS:
        return "Person" not in kinds
    return True


def _parties(verb, resolve: Callable, type_of: Callable, before: int, *, sides: bool = False) -> list[str]:
    """The parties a clause names: its coordinated subjects, or its subject and whom it met. With ``sides`` ('both
    sides'), whom a team met as well: 'A, B and C held talks with D' has two sides, A-B-C and D."""
    # "They were joined by ...": a passive 'they' that takes up the pair carries it on to the next 'they'
    subjects = [c for c in verb.children if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and is_plural_anaphor(c)]
    # "A intends to send X, and B intends to send Y. Both countries ...": the subjects of coordinated clauses
    subjects += [
        s
        for v in verb.children
        if v.dep_ == "conj" and v.pos_ in ("VERB", "AUX")
        for s in v.children
        if s.dep_ == "nsubj"
    ]
    ids = _with_conjuncts(subjects, resolve, before)
    if not ids:  # "The talks between A and B collapsed. The two sides ...": the parties the talks name
        ids = _with_conjuncts([p for s in subjects for p in _between(s)], resolve, before)
    if len(ids) == 1 or (sides and ids):
        ids += [i for i in _with_conjuncts(_met(verb), resolve, before) if i not in ids]
    kinds = {type_of(i) for i in ids}
    if len(ids) < 2 or not kinds <= set(_PARTY_TYPES) or len(kinds - {"Organization"}) > 1:
        return []  # a person and a state are no pair of 'leaders'
    return ids


def _met(verb) -> list:
    """Whom a clause's subject meets: 'met (with) B', 'hosted B', 'held talks / a meeting with B'."""
    meets = verb.lemma_.lower() in _MEETING_VERBS
    held = [o for o in verb.children if o.dep_ == "dobj" and _lemma(o) in _MEETING_NOUNS]
    heads = ([verb] if meets else []) + held
    met = [c for c in verb.children if c.dep_ == "dobj"] if meets else []
    return met + [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]


def _between(noun) -> list:
    """The parties a noun names with 'between' or 'among': 'the talks between A and B' -> A (with its conjuncts)."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    return [p for c in preps for p in c.children if p.dep_ == "pobj"]


def _lemma(tok) -> str:
    """The noun's lemma, also where the tagger took a capitalised plural for a name ('the Leaders of')."""
    lemma = tok.lemma_.lower()
    return lemma[:-1] if tok.pos_ == "PROPN" and lemma.endswith("s") else lemma


def _with_conjuncts(tokens, resolve: Callable, before: int) -> list[str]:
    """The entities of ``tokens`` and their conjuncts, only words before the anaphor (which never stands for
    itself, nor for an anaphor after it)."""
    out: list[str] = []
    for t in tokens:
        stack = [t]
        while stack:
            node = stack.pop(0)
            if node.i >= before:
                continue
            members = [p for c in node.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            if _lemma(node) in _PERSON_NOUNS and members:  # "the leaders of A, B and C": A, B, C
                stack += [p for p in members if p.dep_ == "pobj"]
                continue
            out += [i for i in resolve(node) if i not in out]
            # 'A, B of Canada, and C': spaCy hangs a list of names partly as appositions
            stack += [c for c in node.children if c.dep_ in ("conj", "appos")]
    return out


# people and bodies that act for the states an 'of' phrase names: 'the leaders of A and B', 'envoys of A and B'
_ACTING_FOR = _PARTY_NOUNS | frozenset({"representative", "envoy", "diplomat", "delegate", "force", "army", "troop"})


def of_coordination(tok) -> list:
    """The coordinated names of an 'of' (or 'from') phrase on a plural noun of people or bodies that act for them: 'the
    leaders of France and Germany' -> [France, Germany] (tokens); [] when the phrase names no coordination."""
    if _lemma(tok) not in _ACTING_FOR:
        return []
    of = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("of", "from")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if len(of) != 1 or not any(c.dep_ == "conj" for c in of[0].children):
        return []
    return [of[0], *(d for d in of[0].subtree if d.dep_ == "conj" and d.pos_ == "PROPN")]


def group_antecedent(pronoun, resolve: Callable, type_of: Callable) -> list[str]:
    """'NATO members take part in the war. They finance the regime': a subject 'they' with no pair of parties
    before it takes up one collective (or one body its members name: 'Russian troops'), when the nearest subject before it (this sentence or the one before)
    that could be plural is that collective. A plural subject that is no collective ('the weapons') is in view
    as much, and so is a state or body: nothing then."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ != "they" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    doc = pronoun.doc
    start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    for i in range(pronoun.i - 1, start - 1, -1):
        subject = doc[i]
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ == "PRON":
            continue
        if subject.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in subject.children):
            continue  # 'the spokeswoman said': no 'they'
        found = resolve(subject)
        # 'Russian troops shelled X. They also ...': a body named by its members in the plural is one too
        plural_body = subject.tag_ in ("NNS", "NNPS") and found and type_of(found[0]) == "Organization"
        return found if len(found) == 1 and (type_of(found[0]) == "Group" or plural_body) else []
    return []


def collective_subject(pronoun, resolve: Callable, type_of: Callable) -> list[str]:
    """'The Georgian delegation affirmed that their concerns were met. They expressed appreciation': a 'they' or
    'their' whose nearest main-clause subject before it (this sentence or the one before) is one collective named
    by a singular noun ('delegation', 'team') takes up that collective, though a pair was named further back. Any
    other nearest main-clause subject: nothing (the pair, if any, is for :func:`antecedents`)."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in _PRONOUNS:
        return []
    doc = pronoun.doc
    start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    for i in range(pronoun.i - 1, start - 1, -1):
        subject = doc[i]
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.dep_ != "ROOT":
            continue
        if _lemma(subject) not in _COLLECTIVE_HEADS or subject.tag_ != "NN":
            return []
        if any(c.dep_ == "conj" for c in subject.children):
            return []
        found = resolve(subject)
        return found if len(found) == 1 and type_of(found[0]) in ("Group", "Organization") else []
    return []
