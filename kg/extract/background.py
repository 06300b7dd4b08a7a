"""Event words that tell no new act, whatever row matched them: a class of doers described by its habit ('those
who commit war crimes', 'those that fight against him': a generic relative clause in the simple present names
no one and tells nothing that happened); a war named as what is to be ended, won or lost, with no party of its
own ('bring the two leaders to the table and end the war', 'does not want to lose the war').

Each check looks at the trigger, its head and its children only: one test per candidate trigger."""

from __future__ import annotations

__all__ = ["names_no_act"]

# pronouns that stand for a class of people described by a relative clause ('those who', 'anyone who')
_CLASS_PRONOUNS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody", "whomever"})
_SIMPLE_PRESENT = frozenset({"VBP", "VBZ"})
# what one does to a war as a whole: its outcome or its end, said of whoever brings them about
_OUTCOME_VERBS = frozenset({"end", "win", "lose", "finish"})
# prepositions that name a party of an attack ('the war against Ukraine', 'attacks by militants', 'war on')
_PARTY_PREPS = frozenset({"against", "on", "by", "between", "with", "of"})
_NAMING = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def names_no_act(tok, etype: str) -> bool:
    """Whether the trigger ``tok`` (of type ``etype``) tells no act of anyone in particular (see the module's
    docstring)."""
    return _habit_of_a_class(tok) or (etype == "ASSAULT" and _war_as_an_outcome(tok))


def _habit_of_a_class(verb) -> bool:
    """'those who commit war crimes', 'anyone who attacks us': a relative clause in the simple present on a
    pronoun standing for a class says what its members do, as a rule; 'those who murdered him' (a past act done
    by someone) tells the act."""
    if verb.dep_ != "relcl" or verb.head.lower_ not in _CLASS_PRONOUNS or verb.tag_ not in _SIMPLE_PRESENT:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _war_as_an_outcome(noun) -> bool:
    """'end the war', 'lose the war', 'win this war': the war is what the verb's subject would end or win, named
    with no party of its own; the subject is no attacker ('Trump said he would end the war'). A war with its own
    party ('stop Russia's war on Ukraine', 'end its aggression') is kept."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _OUTCOME_VERBS:
        return False
    return not any(_names_a_party(c) for c in noun.children)


def _names_a_party(child) -> bool:
    if child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ in _PARTY_PREPS:
        return True
    return child.dep_ in ("amod", "compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_ in _NAMING)
