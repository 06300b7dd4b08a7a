"""How far a claim's wording tells its event as fact: asserted, planned, possible or negated, read off the
dependency tree from the trigger up to the root of its claim. The nearest cue wins ("preventing a possible invasion"
is possible because "possible" is nearer than "preventing"), except where the wording takes the act as given: an act
to be ended is going on, an act a third party owns is presupposed.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract import words
from kg.extract.claims import cue_pos, path_up, scene_of_saying

if TYPE_CHECKING:
    from kg.extract.claims import CueIndex

# Prepositions through which a governing word's modality reaches its complement
# ("plan for an attack", "hesitant to send") or the means it is done by ("will respond by imposing sanctions");
# not adjuncts ("agreed in a phone call", "despite having amassed").
_COMPLEMENT_PREPS = {"to", "for", "of", "on", "toward", "towards", "about", "into", "by"}
_COMPLEMENT_DEPS = {
    "xcomp",
    "ccomp",
    "acl",
    "relcl",
    "pcomp",
    "dobj",
    "pobj",
    "acomp",
    "attr",
    "oprd",
    "nsubjpass",
    "conj",
    "amod",
    "appos",
    "advcl",
    "ROOT",
}


def claim_path(trigger):
    """Like path_up, but stops where the trigger is only an adjunct of what governs it, and where its clause tells a
    fact of its own: a relative clause ('will prosecute groups that have killed citizens': only its noun's own word
    reaches it, 'a plan that calls for ...') or a clause of time or reason ('weeks after Moscow launched its
    invasion, Biden vowed ...')."""
    for node in path_up(trigger):
        yield node
        if node.dep_ == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            yield node.head  # an infinitive on a noun is its content, not a relative clause: 'a pretext to invade'
            return
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in node.children):
            return
        if node.dep_ == "prep" and node.lower_ not in _COMPLEMENT_PREPS:
            return
        if node.dep_ not in _COMPLEMENT_DEPS | {"prep"}:
            return


# Subordinators of a clause that tells its own fact, not a condition or a purpose ('before', 'when' and 'once' may
# tell what is still to come)
_FACT_MARKS = frozenset({"after", "since", "because", "although", "though", "whereas", "while"})

# Verbs that call a plan off: "abandoned plans to deploy", "scrapped the planned visit" are negated plans.
# Verbs whose negation commits: "would not hesitate to use force" is a plan to.
_LITOTES = {"hesitate"}
_CALL_OFF = {"abandon", "scrap", "shelve", "cancel", "drop", "ditch", "axe", "kill"}


def modality(trigger, cues: CueIndex) -> tuple[str, str]:
    """(modality, why): the nearest cue on the way from the trigger to the root of its claim; a plan
    that a verb above it calls off ("abandoned plans to ...") is negated. What is said of ending an act is not said
    of the act (:func:`going_on`), nor what is said above an act a third party owns (:func:`presupposed`)."""
    found = _modality_on_path(trigger, cues)
    if found[0] == "asserted" or _cue_at(trigger, trigger, cues) is not None:
        return found
    if going_on(trigger):
        return "asserted", f"'{trigger.text}' is going on; what is said above it ({found[1]}) is not said of it"
    if presupposed(trigger, cues) or done_by_participle(trigger, cues):
        return "asserted", f"'{trigger.text}' is presupposed: what is said above it ({found[1]}) is of something else"
    return found


def done_by_participle(trigger, cues: CueIndex) -> bool:
    """'helping it evade sanctions imposed on Russia', 'could undo the aid delivered last year': a past participle
    on an act's noun tells it as done, whatever is said above it. Not a participle that is itself a cue ('the aid
    promised to Kyiv', 'the planned deployment')."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and cues.modal_value(c, "VERB") is None for c in trigger.children
    )


def _modality_on_path(trigger, cues: CueIndex) -> tuple[str, str]:
    path = list(claim_path(trigger))
    for i, node in enumerate(path):
        if node is not trigger and cues.is_speech(node):
            break
        found = _cue_at(node, trigger, cues)
        if found and found[0] == "planned":
            for below, above in pairwise(path[i:]):
                if cues.is_speech(above) or below.dep_ == "conj":  # 'killed citizens and seek their arrest'
                    break
                if above.pos_ == "VERB" and above.lemma_.lower() in _CALL_OFF:
                    return "negated", f"plan called off: '{above.text}'"
        if found:
            return found
        if scene_of_saying(node, cues) is not None:  # 'as he urged Y': the teller's act, beside what is told
            break
    return "asserted", "no modality cue: told as fact"


def going_on(trigger) -> bool:
    """'must stop the rocket attacks', 'efforts to end the war', 'refused to halt its offensive', 'calls for an end to
    the fighting': what is to be ended is going on, so whatever is said of the ending (planned, possible, negated) is
    not said of it; so is an act called current or ongoing. Not 'stop an invasion' (an act not yet begun is
    prevented, not ended)."""
    if any(c.dep_ == "amod" and c.lower_ in _ONGOING for c in trigger.children):
        return True  # 'the current military support for Ukraine could be replaced'
    ender = trigger.head
    if trigger.dep_ == "pobj" and ender.lower_ in ("to", "of") and ender.head.pos_ == "NOUN":
        ender = ender.head  # 'an end to the fighting', 'a cessation of hostilities'
    elif trigger.dep_ != "dobj" or ender.pos_ != "VERB":
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in trigger.children)
    return ender.lemma_.lower() in _ENDING and not indefinite


# Words that end what they govern, verbs and nouns; 'prevent', 'avert' and 'deter' keep it from happening instead
_ENDING = frozenset({"end", "stop", "halt", "cease", "suspend", "cessation", "suspension"})
_INDEFINITE = frozenset({"a", "an", "any", "another", "no"})
# Cue verbs that do their act when they take an object: 'committed war crimes', 'offering military support'; with an
# infinitive they pledge it: 'committed to providing', 'offered to mediate'
_DONE_WITH_OBJECT = frozenset({"commit", "offer"})
# Modifiers that tell an act is going on
_ONGOING = frozenset({"current", "ongoing", "continuing", "continued", "existing"})


def presupposed(trigger, cues: CueIndex) -> bool:
    """'Russia's invasion', 'its war against Ukraine', 'Israel's offer of a truce': an act named by a noun that a third
    party owns is taken as done, and a negation, modal or plan above it is of something else ('sanctions could not stop
    Russia's invasion', 'Hamas rejected Israel's offer', 'wants to hold Moscow accountable for its invasion'). Not an
    act without an owner ('failed to prevent an invasion'), nor the speaker's own ('we will not renew our sanctions'),
    nor one its owner undergoes ('seek their arrest'), nor a noun that is itself a plan or a stance ('rejected China's
    proposal') or what a plan is of ('preparations for his summit'), nor the object of a verb that does the act ('has
    not launched its offensive', 'threatened to resume its attacks') or that calls its owner's act off or denies it
    ('cancelled its visit', 'denied its attack'), nor an act asked for ('has not called for the governor's
    resignation')."""
    if trigger.pos_ != "NOUN" or cues.modal_value(trigger, "NOUN") is not None:
        return False
    if trigger.dep_ == "pobj" and cues.modal_value(trigger.head.head, "NOUN") is not None:
        return False  # what a plan, a fear or a denial is of: 'preparations for his summit'
    owner = _owner(trigger, cues)
    if owner is None or owner.lower_ in _SPEAKERS_OWN or trigger.lemma_.lower() in _UNDERGONE_BY_OWNER:
        return False
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None and verb.lemma_.lower() in words.SUPPORT_VERBS:
        return False
    if any(cues.attributing(node) == "belief" for node in claim_path(trigger)):
        return False  # asked for, not done: 'has not called for the governor's resignation'
    return verb is None or owner.pos_ != "PRON" or verb.lemma_.lower() not in _DISOWN


# Acts whose owner is who undergoes them ('seek their arrest', 'his release'), not who does them
_UNDERGONE_BY_OWNER = frozenset(
    """arrest detention release extradition capture execution killing murder assassination expulsion deportation
    removal ouster impeachment prosecution trial conviction""".split()
)
# Possessives of the speaker and the addressee: what they own may be what they plan or refuse
_SPEAKERS_OWN = frozenset({"my", "our", "your"})
# Verbs whose subject calls off or disowns an act of its own ('cancelled its visit', 'denied its attack')
_DISOWN = frozenset(_CALL_OFF | {"deny"})


def _owner(noun, cues: CueIndex):
    """The possessive of the noun, or of the act an 'of' phrase of it hangs on ('its war of aggression'; not 'its
    denial of the attack')."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    outer = noun.head.head
    if owner is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and outer.pos_ == "NOUN":
        return None if cues.modal_value(outer, "NOUN") else _owner(outer, cues)
    return owner


def _cue_at(node, trigger, cues: CueIndex) -> tuple[str, str] | None:
    for child in node.children:
        if child.dep_ == "neg" and node is not trigger and node.lemma_.lower() in _LITOTES:
            return "planned", f"'{child.text} {node.text}': a negated doubt commits"  # "would not hesitate to"
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and node is trigger):
            return "negated", f"negation '{child.text}' on '{node.text}'"
    for child in node.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            value = cues.modal_value(child, "AUX")
            if value:
                return value, f"modal '{child.text}' on '{node.text}'"
    for child in node.children if node is trigger else ():
        if child.dep_ in ("amod", "compound", "advmod") and child.i < node.i:
            value = cues.modal_value(child, "ADJ", "VERB", "ADV", "NOUN")
            if value:
                return value, f"modifier '{child.text}' of '{node.text}'"
    if node is not trigger:
        value = cues.modal_value(node, cue_pos(node), "VERB", "NOUN", "ADJ")
        if value and node.lemma_.lower() in _DONE_WITH_OBJECT and any(c.dep_ == "dobj" for c in node.children):
            value = None  # "committed rights violations": done, not pledged ("committed to providing" pledges)
        if value:
            return value, f"governed by '{node.text}'"
        for child in node.children:  # "The plan divides the force: one unit for training": the plan's content
            if child.dep_ in ("nsubj", "nsubjpass") and cues.modality.get((child.lemma_.lower(), "NOUN")) == "planned":
                return "planned", f"content of '{child.text}'"
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.conditionals for c in node.children):
        return "possible", f"conditional clause '{node.text}'"
    return None
