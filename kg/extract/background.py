"""Event words that tell no new act, whatever row matched them: a class of doers described by its habit ('those
who commit war crimes', 'those that fight against him': a generic relative clause in the simple present names
no one and tells nothing that happened); a war named as what is to be ended, won or lost, with no party of its
own ('bring the two leaders to the table and end the war', 'does not want to lose the war'); a war that someone
would end or stop without it being theirs ('he would stop Russia's war in 24 hours', 'efforts to end the fighting'):
a mediator's aim, no ceasefire of the subject's (PLOVER RETREAT is the fighter's own de-escalation); a war whose
existence is denied ('there is no full-scale war in X'): a state of affairs, no act of anyone's.

Each check looks at the trigger, its head and its children only: one test per candidate trigger."""

from __future__ import annotations

from kg.extract import words

__all__ = ["names_no_act"]

# pronouns that stand for a class of people described by a relative clause ('those who', 'anyone who')
_CLASS_PRONOUNS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody", "whomever"})
_SIMPLE_PRESENT = frozenset({"VBP", "VBZ"})
# what one does to a war as a whole: its outcome or its end, said of whoever brings them about
_OUTCOME_VERBS = frozenset({"end", "win", "lose", "finish"})
# prepositions that name a party of an attack ('the war against Ukraine', 'attacks by militants', 'the attack from X')
_PARTY_PREPS = frozenset({"against", "on", "by", "between", "with", "of", "from"})
_NAMING = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_CEASING_VERBS = frozenset({"end", "stop", "halt", "cease"})
# subjects that are the war's own sides: 'the two sides agreed to end the fighting'
_SIDES = frozenset({"side", "party", "belligerent", "combatant", "warring"})


def names_no_act(tok, etype: str) -> bool:
    """Whether the trigger ``tok`` (of type ``etype``) tells no act of anyone in particular (see the module's
    docstring)."""
    if etype == "RETREAT" and tok.pos_ == "VERB" and tok.lemma_.lower() in _CEASING_VERBS:
        return not _ends_its_own_fight(tok)
    if etype == "ASSAULT" and (_war_as_an_outcome(tok) or _denied_existence(tok)):
        return True
    return _habit_of_a_class(tok)


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


def _ends_its_own_fight(verb) -> bool:
    """'Russia ends its aggression', 'the two sides agreed to end the fighting', 'Israel and Hamas halted the
    fighting': the fight ended is the subject's own (a possessive taking it up, or the war's sides as subject)."""
    fights = [c for c in verb.children if c.dep_ == "dobj"]
    if any(p.dep_ == "poss" and p.lower_ in words.POSSESSIVE_DETERMINERS for f in fights for p in f.children):
        return True
    subject = _subject(verb)
    if subject is None or subject.dep_ in ("dobj", "pobj"):
        # "urged Russia to end the war": one asks a party to stop fighting; "his appeal to Sudan to halt the
        # offensive": whoever is asked, kg cannot say who ends it
        return not any(p.dep_ == "poss" for f in fights for p in f.children)
    sides = subject.lemma_.lower() in _SIDES or any(c.lemma_.lower() in _SIDES for c in subject.children)
    return sides or any(c.dep_ == "conj" for c in subject.children)


def _subject(verb):
    """The verb's subject, or its controller's ('agreed to end', 'urged Russia to end'), or its conjunct head's
    ('met and ended')."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        asked = _asked(verb.head) if verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB" else []
        if asked:
            return asked[0]
        verb = verb.head
    return None


def _denied_existence(noun) -> bool:
    """'there is no full-scale war in X', 'there was no fighting': the noun whose existence 'there is no' denies."""
    if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    there = any(c.dep_ == "expl" for c in noun.head.children)
    return there and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _asked(verb) -> list:
    """Whom a verb asks to act: 'urged Russia to end', 'called on Russia to stop', 'appealed to Sudan to halt'."""
    asked = [c for c in verb.children if c.dep_ == "dobj"]
    return asked or [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "to")
        for o in c.children
        if o.dep_ == "pobj"
    ]
