"""Disapproval told as a judgment: 'Scholz said the strikes were unacceptable', 'the ministry called the report a
lie', 'Moscow described the claims as baseless'. Calling someone's act unacceptable, false or a lie is to criticise
it (PLOVER ACCUSE, disapprove): the judge is who says or calls it so, the judged is the owner of what is judged.

The words are trigger rows (``triggers.tsv``, ACCUSE with a ``head`` requirement on the copula or the verb of
calling); this module says who judges whom. A judgment nobody is said to make (the article's own adjective) is
no event: it has no judge."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.lexicons import Trigger

__all__ = ["CALLING_VERBS", "is_judgment", "parties"]

# verbs whose object is called what their complement says: 'called the vote a sham', 'described it as false'
CALLING_VERBS = frozenset({"call", "describe", "label", "brand", "deem", "consider", "term"})
_COPULAS = frozenset({"be", "remain", "seem"})
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp", "pobj", "dobj"})


def is_judgment(tok, entry: Trigger) -> bool:
    """Whether ``tok`` is an ACCUSE word said of something as its predicate ('... were unacceptable', 'called it a
    lie', 'described them as baseless'), not a word of an accusation ('the accusation', 'condemned'); or a right
    said to be someone's ('Kyiv has the right to strike back, she said'): backing them (SUPPORT)."""
    if entry.type == "SUPPORT" and tok.lemma_.lower() == "right":
        return tok.dep_ == "dobj" and not any(c.lower_ == "no" for c in tok.children) and _verb(tok) is not None
    if entry.type != "ACCUSE" or tok.pos_ == "VERB" or tok.dep_ not in _PREDICATE_DEPS:
        return False
    verb = _verb(tok)
    if verb is None or verb.lemma_.lower() not in _COPULAS | CALLING_VERBS:
        return False
    # "it would be a mistake to send troops": a judgment of what may be done criticises no one's act; "let there
    # be no mistake": no one's act at all
    return not any((c.dep_ == "aux" and c.tag_ == "MD") or c.dep_ == "expl" for c in verb.children)


def parties(
    tok, *, speaker_of: Callable, sources_of: Callable, resolve: Callable, owners: Callable, author_at: Callable
):
    """(judges, judged) as entity ids: who calls it so, and whom the judged thing is of; no judge, no judgment.
    ``speaker_of(verb)``: the ids of a verb's subject; ``sources_of(tok)``: who the article has tell the word,
    outermost first; ``owners(noun)``: the ids a noun's modifiers name ('Russia's claims'); ``author_at(tok)``: who
    speaks in the text's own voice there ('It's unconscionable.' in remarks by President Roe: Roe judges)."""
    verb = _verb(tok)
    if verb is None:
        return [], []
    if verb.lemma_.lower() in CALLING_VERBS:  # "Moscow called the report a lie": Moscow judges the report
        judged = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        judges = speaker_of(verb)
    else:  # "the strikes were unacceptable, Scholz said", "X has the right to ...": who tells it judges
        judged = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "what Hamas did was pure evil": the doer of the act the subject clause tells
        judged += [s for c in verb.children if c.dep_ == "csubj" for s in c.children if s.dep_ == "nsubj"]
        judges = sources_of(tok)[-1:] or author_at(tok)
    if not judges:
        return [], []
    whom = [i for t in judged for i in resolve(t) or owners(t)]
    return judges, [i for i in dict.fromkeys(whom) if i not in judges]


def _verb(tok):
    """The copula or the verb of calling the predicate hangs on ('described ... as baseless': through 'as')."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None
