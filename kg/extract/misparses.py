"""Parser mis-attachments that decide who did what, read back from the parse as it is: in "Chile sent troops to
the border and Peru withdrew its forces" spaCy hangs "Peru" on "border" as a conjunct and leaves "withdrew" with
no subject of its own, so the withdrawal would inherit Chile. Each reader looks only at the few tokens around one
word (no pass over the document). In "Russia shelled Kharkiv and Ukraine struck Belgorod" it makes "Kharkiv and
Ukraine" the subject of "struck" (a clause "shelled" would report): Kharkiv is the shelling's object."""

from __future__ import annotations

__all__ = ["is_split", "is_stranded", "root_subject", "split_subject", "stranded_subject"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})  # 'Peru has withdrawn', 'Peru then withdrew'
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_CLAUSE_LINKS = frozenset({"and", "but", "while", "whereas"})


def stranded_subject(verb):
    """The noun that is a coordinated clause's subject though the parser hung it on the first clause's object
    as a conjunct: 'sent troops to the border and Peru withdrew' -> Peru. The verb is a finite conjunct with
    no subject of its own, and the word right before it (past its auxiliaries and adverbs) is a noun conjunct
    just after the 'and'. None where the parse shows no such thing."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    before = [c for c in verb.children if c.i < verb.i]
    if any(c.dep_ not in _BEFORE_VERB for c in before):
        return None
    if verb.tag_ not in _FINITE and not any(c.dep_ in ("aux", "auxpass") for c in before):
        return None  # 'and Peru withdrawing': no clause of its own
    first = min([verb.i, *(c.i for c in before)])
    if first < 1:
        return None
    noun = verb.doc[first - 1]
    if noun.dep_ != "conj" or noun.pos_ not in ("PROPN", "NOUN") or noun.head.pos_ not in ("PROPN", "NOUN"):
        return None
    if noun.right_edge.i != noun.i or noun.left_edge.i < 1:
        return None
    link = verb.doc[noun.left_edge.i - 1]
    if link.dep_ != "cc" or link.head.i != noun.head.i or link.lower_ not in _CLAUSE_LINKS:
        return None
    return noun if verb.head.is_ancestor(noun.head) else None


def is_stranded(noun) -> bool:
    """Whether a noun conjunct is really the subject of the clause after it (see :func:`stranded_subject`)."""
    if noun.dep_ != "conj" or noun.i + 1 >= len(noun.doc):
        return False
    nxt = noun.doc[noun.i + 1]
    verb = nxt.head if nxt.dep_ in _BEFORE_VERB else nxt
    found = stranded_subject(verb)
    return found is not None and found.i == noun.i


def split_subject(verb, takes_clause):
    """(object, subject) where the parser made a clause of a verb that takes none: 'Russia shelled Kharkiv and
    Ukraine struck Belgorod' parses 'Kharkiv and Ukraine struck' as what 'shelled' reports; Kharkiv is the
    object of 'shelled' and Ukraine the subject of 'struck'. ``takes_clause(verb)``: whether a verb may report a
    clause ('said', 'believes'), where the parse stands. None where the parse shows no such thing."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.pos_ != "VERB" or head.i > verb.i or takes_clause(head):
        return None
    if verb.tag_ != head.tag_ or verb.tag_ not in _FINITE:
        return None  # coordinated clauses of news keep their tense ('shelled ... struck'); 'hopes X and Y agree'
    if any(c.dep_ in ("dobj", "dative", "ccomp") and c.i != verb.i for c in head.children):
        return None  # 'shelled the city and ...': the object is there
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # '... that X and Y struck': a clause reported
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].left_edge.i != head.i + 1 or subjects[0].pos_ != "PROPN":
        return None
    first = subjects[0]
    conjs = [c for c in first.children if c.dep_ == "conj"]
    links = [c for c in first.children if c.dep_ == "cc" and c.lower_ in _CLAUSE_LINKS]
    if len(conjs) != 1 or not links or conjs[0].right_edge.i + 1 != _first_before(verb):
        return None
    return first, conjs[0]


def _first_before(verb) -> int:
    """Where a verb's clause starts past its subject: the verb, or its auxiliaries and adverbs before it."""
    return min([verb.i, *(c.i for c in verb.children if c.dep_ in _BEFORE_VERB and c.i < verb.i)])


def is_split(noun, takes_clause) -> bool:
    """Whether a noun conjunct is really the subject of the clause after it (see :func:`split_subject`)."""
    if noun.dep_ != "conj" or noun.head.dep_ != "nsubj":
        return False
    found = split_subject(noun.head.head, takes_clause)
    return found is not None and found[1].i == noun.i


def root_subject(verb):
    """The subject the parser made the sentence's root, hanging the main verb on it as a clause: 'The two officials
    condemned in the strongest terms the attack' -> officials. The verb follows the noun right away and has a
    direct object, which a reduced passive ('the soldiers killed in the battle') cannot have. None otherwise."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN") or verb.i != noun.i + 1:
        return None
    return noun if any(c.dep_ == "dobj" for c in verb.children) else None
