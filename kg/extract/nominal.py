"""Who takes part in an event named by a noun, where the noun's own modifiers do not say it: the phrases that
name its parties ('the agreement between Iraq and Turkey', 'attacks on Israel by Hezbollah'), and the noun
that names the act a passive verb reports ('five people were killed in Russian strikes')."""

from __future__ import annotations

__all__ = [
    "a_press_appearance",
    "about_an_intent",
    "attempts",
    "backs_an_act",
    "an_attack",
    "asks_an_act",
    "companions",
    "doer_of",
    "happening_verb",
    "held_in",
    "participle_phrases",
    "in_objects",
    "included_in",
    "intent_before",
    "intent_object",
    "of_objects",
    "party_phrases",
    "passive_cause",
    "reduced_passive",
    "restated_stances",
    "stance_objects",
    "stranded_possessor",
    "stray_modifiers",
]

# nouns of one attack at one place: 'the bombings in Istanbul' tells an event even with its attacker unknown
# (not 'the explosion in X': whether it was an attack is often what the story asks; but an explosion that does harm,
# 'a blast in Kabul killed six', is told to happen, _BLASTS)
# ('the war in Ukraine', 'the fighting in the east' name a war, whose parties the story gives elsewhere)
_BLASTS = frozenset({"explosion", "blast"})
_ATTACK_NOUNS = frozenset(
    {"attack", "bombing", "shelling", "strike", "airstrike", "raid", "shooting", "massacre"}
    | {"ambush", "assault", "assassination", "bombardment"}
)

# verbs that restate a stance someone holds ("reiterated his concerns", "reaffirmed the U.S. commitment"), and the
# stance nouns they restate: the owner of the stance holds it, it is not done to him
_RESTATING_VERBS = frozenset(
    "reiterate reaffirm affirm restate express convey voice underscore underline stress emphasize emphasise renew repeat".split()
)
_STANCE_NOUNS = frozenset(
    """commitment support concern condolence solidarity determination intention resolve opposition position stance
    demand call readiness willingness desire pledge gratitude appreciation backing objection rejection criticism
    condemnation sympathy""".split()
)
_STANCE_PREPS = frozenset({"to", "for", "with", "toward", "towards", "about", "over", "against"})
# nouns of an intent, an attempt or a shirking that name who does the act they are about: 'Poland's efforts to
# coordinate', 'the decision of the parliament to send', 'his hesitation in providing'
_INTENT_NOUNS = frozenset(
    """effort attempt decision plan bid move push drive hesitation reluctance refusal readiness willingness
    intention determination commitment promise pledge offer threat ability failure campaign initiative order
    resolve desire intent role right capacity capability""".split()
)
_INTENT_PREPS = frozenset({"in", "to", "on", "toward", "towards", "for"})
_PARTY_PREPS = ("between", "among", "amongst")  # 'talks between A and B': both take part
_CAUSE_PREPS = ("in", "during", "by")  # 'killed in / during / by strikes'
_PRESS = frozenset({"press", "news", "media", "journalist", "reporter"})
# verbs whose subject starts or carries out the act its object names: 'the war that Hamas unleashed'
# verbs that carry out, give or aim the act a noun names, whose participle on the noun states its parties
_CARRYING_VERBS = frozenset(
    """launch wage carry conduct commit mount perpetrate stage unleash direct aim provide give deliver send supply
    offer grant allocate pledge extend announce make issue impose approve adopt authorize authorise earmark""".split()
)
# verbs that say an event noun happened or went on ('protests erupted in X', 'fighting broke out in Y')
# attack nouns whose 'of' phrase names the doer, their target taking 'against'
_DOER_OF_NOUNS = frozenset({"aggression", "atrocity", "brutality", "provocation", "terrorism", "barbarism"})
_HAPPENING = frozenset("erupt break occur happen unfold rage spread resume flare begin start hold".split())
_DOER_VERBS = frozenset("unleash wage launch start begin mount conduct carry commit perpetrate continue".split())


def party_phrases(noun) -> list:
    """The phrases naming who acts in an event noun through a preposition: 'between A and B' (each of them, the
    caller follows conjuncts), 'by X'. spaCy hangs the 'by' of a noun that is an active verb's object on the
    verb ('condemned the attacks against Israel by Hezbollah'): an active verb has no agent of its own, so its
    'by' after the noun is the noun's."""
    found = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS for p in prep_objects(c)]
    happened = happening_verb(noun)  # "fighting erupted in Sudan between the army and the RSF"
    if happened is not None:
        found += [
            p for c in happened.children if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS for p in prep_objects(c)
        ]
    found += [p for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in prep_objects(c)]
    # "the war that Hamas unleashed", "the offensive Russia launched": who starts it in a relative clause
    # "the commitment that Netanyahu has made", "the aid Japan provided": who carries it out, gives or makes it
    found += [
        s
        for v in noun.children
        if v.dep_ in ("relcl", "acl") and _carried_in_relative(v)
        for s in v.children
        if s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP")
    ]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and not _passive(verb):
        found += [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i for p in prep_objects(c)
        ]
    return found


def _carried_in_relative(verb) -> bool:
    """Whether a relative clause on an act noun tells who does the act: an active verb that starts, carries out or
    gives it, whose object is the noun itself (no object of its own but the relative pronoun)."""
    if _passive(verb) or not (verb.lemma_.lower() in _DOER_VERBS or _carrying(verb)):
        return False
    return not any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in verb.children)


def participle_phrases(noun) -> list:
    """The prepositional phrases of a past participle that modifies an event noun ('the strikes launched against
    Moldova', 'the aid provided by Japan to Ukraine', 'the war waged by Russia'): a reduced passive relative
    clause, whose agent and objects are the noun's own. A participle that is itself an event verb ('the
    people killed in the strikes') is left to that verb."""
    heads = [noun, noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else [noun]  # "aid package"
    participles = [v for h in heads for v in h.children if v.dep_ == "acl" and _past_participle(v)]
    stray = _stray_participle(noun)
    participles += [stray] if stray is not None else []
    # "the aid that Germany sent to Ukraine", "the sanctions the EU imposed on Moscow": the relative clause's phrases
    participles += [v for v in noun.children if v.dep_ == "relcl" and _carried_in_relative(v)]
    return [c for v in participles if _carrying(v) for c in v.children if c.dep_ in ("prep", "agent")]


def _stray_participle(noun):
    """A past participle right after an event noun's phrase that spaCy hung on the clause's verb instead of on the
    noun ('spoke to discuss the war of aggression waged by Russia against Ukraine': 'waged' is the war's), with
    its own 'by' agent and no subject; else None."""
    end = noun.right_edge.i + 1
    if end >= len(noun.doc) or noun.right_edge.is_punct:
        return None
    verb = noun.doc[end]
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "conj") or verb.head.i == noun.i:
        return None
    if verb.head.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb if any(c.dep_ == "agent" for c in verb.children) else None


def reduced_passive(verb) -> bool:
    """'the soldiers killed in the battle', 'a militia backed by Moscow': a past participle on a noun is a passive
    relative clause, whose noun undergoes the act and whose doer only its own 'by' phrase names."""
    return verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON") and verb.tag_ == "VBN"


def _past_participle(verb) -> bool:
    """A past participle, also where the tagger calls it a past tense ('the war of aggression waged by X'): a
    clause on a noun with no subject of its own, ending in -ed, is a reduced passive."""
    if verb.tag_ == "VBN":
        return True
    return verb.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _carrying(participle) -> bool:
    """Whether a past participle is of a carrying verb, also where the model's lemma is wrong ('waged' -> 'wag')."""
    return bool(stems(participle) & _CARRYING_VERBS)


def passive_cause(verb, event_nouns: dict[int, str], etype: str):
    """For a passive verb ('were killed', 'was destroyed'), the noun of the same event type in its 'in' /
    'during' / 'by' phrase ('in Russian rocket strikes', 'by a Ukrainian drone strike'), whose modifiers name who
    did it; else None.
    The phrase may hang on a conjunct ('five killed and 18 injured in strikes')."""
    if not (_passive(verb) or reduced_passive(verb)):
        return None
    near = [
        verb,
        *(c for c in verb.children if c.dep_ in ("conj", "acl")),
        *(g for c in verb.children if c.dep_ == "conj" for g in c.children if g.dep_ == "acl"),
    ]
    for node in near:
        for prep in node.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in _CAUSE_PREPS:
                for noun in prep_objects(prep):
                    if event_nouns.get(noun.i) == etype:
                        return noun
    return None


def prep_objects(prep) -> list:
    """The objects of a preposition: 'Kyiv' in 'to Kyiv'."""
    return [p for p in prep.children if p.dep_ == "pobj"]


def stems(verb) -> set[str]:
    """The verb's lemma and the stems of its -ed form (the model's lemma may be wrong: 'waged' -> 'wag')."""
    form = verb.lower_
    return {verb.lemma_.lower(), form[:-1], form[:-2]} if form.endswith("ed") else {verb.lemma_.lower()}


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def an_attack(noun, etype: str) -> bool:
    """Whether an event noun names one attack (a bombing, a raid), which its place alone makes a stated event."""
    if etype != "ASSAULT" or noun.pos_ != "NOUN":
        return False
    # "a blast in Kabul killed six": an explosion that does harm is told to happen; "discussed the explosion in X" is not
    return noun.lemma_.lower() in _ATTACK_NOUNS or noun.lemma_.lower() in _BLASTS and noun.dep_ == "nsubj"


def a_press_appearance(noun) -> bool:
    """'said at a press conference', 'a call with journalists': where someone speaks, not a meeting of parties;
    'a joint press conference', 'a press conference with his counterpart' bring two together and stay events."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ("conference", "briefing", "call"):
        return False
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    partners = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for p in prep_objects(c)]
    if any(p.lemma_.lower() in _PRESS for p in partners):
        return True  # "during a regular call with journalists"
    return bool(mods & _PRESS) and not ("joint" in mods or partners)


def stranded_possessor(noun):
    """'called Russia's "unprovoked attack on X" a crime': spaCy may hang the possessor and its 's on the verb, beside
    the quoted phrase of the noun; the possessor owns the noun. None where the noun keeps its own."""
    doc, start = noun.doc, noun.left_edge.i
    if start < 2 or doc[start - 1].lower_ not in ("'s", "’s") or noun.head.i == noun.i:
        return None
    owner = doc[start - 2]
    stranded = owner.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and noun.dep_ not in ("compound", "amod", "nmod")
    return owner if stranded and owner.pos_ in ("PROPN", "NOUN") and owner.head.i == noun.head.i else None


def stray_modifiers(noun) -> list:
    """'Russia's brutal and unprovoked war against Ukraine': spaCy may make the first adjective the head of the
    phrase, with the noun as its conjunct; the adjective's owner and prepositions are then the noun's."""
    if noun.dep_ != "conj" or noun.head.pos_ != "ADJ" or noun.head.i > noun.i:
        return []
    return [c for c in noun.head.children if c.dep_ in ("poss", "prep")]


def happening_verb(noun):
    """'Protests erupted in Tehran', 'fighting broke out near the border', 'talks took place in Geneva': the verb
    that says an event noun happened, whose place is the event's; else None."""
    verb = noun.head
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ != "place"]  # "took place"
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or objects:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _HAPPENING or (lemma == "take" and any(c.lower_ == "place" for c in verb.children)):
        return verb
    return None


def asks_an_act(noun) -> bool:
    """'the need to close the gaps', 'the need for Israel to act': a need that names an act to do."""
    return any(
        c.dep_ in ("acl", "advcl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in noun.children
    )


def companions(sent, resolve) -> list[str]:
    """Whom a subject of the sentence acts together with: 'A, together with B, co-chaired the meeting',
    'A, along with B, met ...', 'A, alongside B, pledged ...' (for joint acts only: the caller decides)."""
    found: list[str] = []
    for prep in sent:
        together = prep.lower_ == "with" and prep.head.dep_ in ("nsubj", "nsubjpass")
        together = together and any(c.dep_ == "advmod" and c.lower_ in ("together", "along") for c in prep.children)
        if together or prep.lower_ == "alongside":  # "our pledge, alongside Canada and Japan, to invest"
            found += [i for p in prep_objects(prep) for i in resolve(p) if i not in found]
    return found


def restated_stances(verb, objects) -> list:
    """The objects of a restating verb that name a stance: 'reiterated his concerns', 'reaffirmed the U.S.
    commitment' (whose owner holds the stance), not 'reaffirmed Ukraine's sovereignty' (which is no stance)."""
    if verb.lemma_.lower() not in _RESTATING_VERBS:
        return []
    return [o for o in objects if o.lemma_.lower() in _STANCE_NOUNS]


def stance_objects(stance) -> list[tuple]:
    """What a stance is toward, each with the words that own it: 'commitment to Estonia' (Estonia), '... to
    Estonia's security', '... to the security of Estonia' (security, owned by Estonia), 'solidarity with X'."""
    found = []
    for prep in stance.children:
        if prep.dep_ == "prep" and prep.lower_ in _STANCE_PREPS:
            for obj in (o for p in prep_objects(prep) for o in (p, *(c for c in p.children if c.dep_ == "conj"))):
                owners = [c for c in obj.children if c.dep_ == "poss"]
                owners += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in prep_objects(c)]
                found.append((obj, owners))
    return found


def about_an_intent(noun, clause) -> bool:
    """Whether ``clause`` (an infinitive or a prepositional phrase on ``noun``) is the act an intent noun is about:
    'efforts to coordinate', 'hesitation in providing', 'commitment to sending'."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _INTENT_NOUNS or clause.head.i != noun.i:
        return False
    if clause.dep_ == "acl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return clause.dep_ == "prep" and clause.lower_ in _INTENT_PREPS


def intent_before(prep):
    """The intent noun right before a gerund's phrase that spaCy hung on the verb instead ('slammed X for his
    hesitation in providing aid': 'in providing' belongs to 'hesitation'), or None."""
    if prep.dep_ != "prep" or prep.lower_ not in _INTENT_PREPS or prep.i == 0:
        return None
    noun = prep.doc[prep.i - 1]
    if (
        noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in _INTENT_NOUNS
        or not any(c.dep_ == "pcomp" for c in prep.children)
    ):
        return None
    return noun if noun.head.i != prep.head.i or noun.dep_ == "pobj" else None


def intent_object(verb, clause):
    """The intent noun an infinitive is about where spaCy hangs the infinitive on the verb whose object the noun is
    ('discussed X's efforts in Brussels to coordinate ...'): the object, when it stands before the infinitive."""
    if clause.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _INTENT_NOUNS and c.i < clause.i]
    return nouns[0] if nouns else None


def doer_of(noun) -> bool:
    """Whether the noun's 'of' phrase names its doer: an attack noun whose target takes 'against' ('the aggression
    of Russia against Ukraine', 'atrocities of the regime'), unlike 'the invasion of Ukraine'."""
    return noun.lemma_.lower() in _DOER_OF_NOUNS


def of_objects(noun) -> list:
    """The objects of a noun's 'of' phrases: 'the decision of the parliament'."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in prep_objects(c)]


def backs_an_act(word, event_words: dict) -> bool:
    """Whether a word of support has an act for its object: 'backed the ceasefire', 'support for the deal',
    'affirmed its full support for the agreement', 'welcomed efforts to mobilize aid' (the act is a stated event or an
    attempt at one; whom it favours may go unnamed)."""
    objects = [c for c in word.children if c.dep_ == "dobj"] if word.pos_ == "VERB" else [word]
    objects += [
        p
        for o in objects
        for c in o.children
        if c.dep_ == "prep" and c.lower_ in ("for", "of")
        for p in prep_objects(c)
    ]
    return any(o.i in event_words and o.i != word.i for o in objects) or bool(attempts(o for o in objects if o != word))


def attempts(nouns) -> list:
    """The nouns among ``nouns`` of an attempt at an act told by an infinitive: 'efforts to investigate', 'a bid to
    end the war' (who backs an attempt backs an act, whoever it favours)."""
    return [n for n in nouns if any(c.dep_ == "acl" and about_an_intent(n, c) for c in n.children)]


def in_objects(noun) -> list:
    """The objects of a noun's 'in' phrases: '$1 billion in security assistance'."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for p in prep_objects(c)]


def held_in(verb) -> list:
    """What a verb or its complement adjective holds to with 'in': 'stood firm in its support for X' -> support."""
    return [o for h in [verb, *(a for a in verb.children if a.dep_ == "acomp")] for o in in_objects(h)]


def included_in(noun) -> list:
    """'condemned Iran's support to Russia, including the transfer of drones (and the training of pilots)': an act
    named as part of another noun's ('including ...') is done by whom that noun's possessive names ('Iran's'); none
    named, or the act with an owner of its own ('and Russia's use of them'): nothing."""
    if any(c.dep_ == "poss" for c in noun.children) or noun.i > 0 and noun.doc[noun.i - 1].tag_ == "POS":
        return []  # "and Russia's use of them", also where the parser hung "Russia's" on a name before it
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "including" or prep.dep_ != "prep" or prep.head.pos_ != "NOUN":
        return []
    return [c for c in prep.head.children if c.dep_ == "poss"]
