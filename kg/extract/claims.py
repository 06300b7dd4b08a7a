"""What a claim's wording says about it: attribution (who it is said by, outermost first), read off the dependency
tree, and the cue index that it and the modality (:mod:`kg.extract.factuality`) read their words from.

Both walk from the event's trigger up to the sentence root and stop at the first cue, so the nearest cue wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract import asides, quotes, words
from kg.extract.lexicons import Cue
from kg.extract.tellers import speakers_of

_CLAUSE_DEPS = {
    "ccomp",
    "xcomp",
    "advcl",
    "parataxis",
    "conj",
    "acl",
    "relcl",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "acomp",
    "attr",
    "amod",
    "nsubj",
    "nsubjpass",
    "appos",
    "npadvmod",
    "oprd",
    "dep",
    "dative",  # 'gave money to a group backing Y, the paper found': spaCy may hang 'to' as a dative
    "csubj",  # 'said that attacking Iran would be a mistake': a clause that is the subject of what is told
    "csubjpass",
    "ROOT",
}


# How the second word of a two-word cue hangs off its verb: 'lash out' (prt), 'go after' (prep), 'make clear'
# (ccomp, acomp or oprd, as spaCy parses the adjective), 'shoot back' (advmod).
_PHRASE_DEPS = frozenset({"prt", "prep", "ccomp", "acomp", "oprd", "advmod"})


@dataclass(frozen=True)
class CueIndex:
    modality: dict[tuple[str, str], str]  # (lemma, pos) -> planned|possible|negated
    speech: frozenset[str]
    source_nouns: frozenset[str]
    conditionals: frozenset[str]
    belief: frozenset[str] = frozenset()
    intention: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()
    stance_nouns: frozenset[str] = frozenset()
    phrase_heads: frozenset[str] = frozenset()  # verbs that head a two-word cue ('make' of 'make clear')
    belief_adjectives: frozenset[str] = frozenset()  # 'X is convinced / worried / hopeful that ...'

    @classmethod
    def from_cues(cls, cues: tuple[Cue, ...]) -> CueIndex:
        modality = {(c.lemma, c.pos): c.value for c in cues if c.kind == "modality"}

        def attribution(value: str) -> frozenset[str]:
            return frozenset(c.lemma for c in cues if c.kind == "attribution" and c.value == value)

        conditionals = frozenset(c.lemma for c in cues if c.kind == "conditional")
        heads = frozenset(
            c.lemma.split()[0] for c in cues if c.kind == "attribution" and c.pos == "VERB" and " " in c.lemma
        )
        adjectives = frozenset(
            c.lemma for c in cues if c.kind == "attribution" and c.value == "belief" and c.pos == "ADJ"
        )
        return cls(
            modality,
            attribution("speech"),
            attribution("source_noun"),
            conditionals,
            attribution("belief"),
            attribution("intention"),
            attribution("speaker"),
            attribution("stance"),
            attribution("stance_noun"),
            heads,
            adjectives,
        )

    def may_name_a_source(self, tok) -> bool:
        """'the campaign', 'several friends', 'the poll', 'Democrats': a noun that can stand for an unnamed source."""
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return True
        if tok.text[:1].isupper() and tok.text[1:].islower() and not tok.is_sent_start and tok.tag_ == "NN":
            return True  # '"...," Hannity said': a surname the tagger took for a common noun, capitalised mid-sentence
        lemma = tok.lemma_.lower()
        return (
            lemma in self.speaker_nouns
            or lemma in self.source_nouns
            or lemma in words.PERSON_ROLES
            or (lemma in words.GROUP_NOUNS or lemma in words.ORG_NOUNS or lemma in words.STATE_NOUNS)
        )

    def modal_value(self, tok, *pos_options: str) -> str | None:
        lemma = cue_lemma(tok)
        for pos in pos_options or (cue_pos(tok),):
            value = self.modality.get((lemma, pos))
            if value:
                return value
        return None

    def is_speech(self, tok) -> bool:
        return tok.pos_ == "VERB" and cue_lemma(tok) in self.speech

    def attributing(self, tok) -> str | None:
        """speech | belief | intention | stance: how a verb makes its subject the source of what it governs."""
        if tok.pos_ == "ADJ":  # 'X is convinced that ...', 'X was worried about ...': the copula's subject holds it
            if tok.dep_ == "acomp" and tok.lemma_.lower() in self.belief_adjectives:
                return "belief"
            return None
        if tok.pos_ != "VERB":
            return None
        lemma = cue_lemma(tok)
        kinds = (
            ("speech", self.speech),
            ("belief", self.belief),
            ("intention", self.intention),
            ("stance", self.stance),
        )
        if lemma in self.phrase_heads:
            # two-word cues first, so that the phrase wins over its head: the verb and its particle, preposition
            # or predicate adjective ('went after Y over ...', 'ripped into', 'made (it) clear that ...', 'spoke
            # out against' beside 'spoke about')
            for child in tok.children:
                if child.dep_ in _PHRASE_DEPS:
                    phrase = f"{lemma} {child.lower_}"
                    for kind, lemmas in kinds:
                        if phrase in lemmas:
                            return kind
        for kind, lemmas in kinds:
            if lemma in lemmas:
                return kind
        return None


# Words spaCy's lemmatiser gets wrong in a way that hides a cue: 'hoping', 'hoped', 'hopes' -> 'hop'
_LEMMA_FIXES = {"hope": "hope", "hopes": "hope", "hoped": "hope", "hoping": "hope"}


def cue_lemma(tok) -> str:
    """The lemma a cue is looked up by: spaCy's, except where it is known to be wrong ('hoping' is not 'hop')."""
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


# Verbs through which a first person still does the act by saying it: 'we continue to call for', 'we keep urging'
_ASPECTUAL = frozenset({"continue", "keep", "remain"})
# Clauses that only set the scene of a saying ('when I visit', 'the deal we signed'): no act is done by them
_SCENE_DEPS = frozenset({"advcl", "relcl", "acl", "csubj", "pcomp"})


def performative(verb) -> bool:
    """'We call for', 'I support', 'we continue to urge': a first person saying so does the act. Not 'we need to
    consult', 'we cannot ignore', 'I would support', 'when I visit': a need, an ability, a negation, a condition or a
    scene only tells of the act, so the speaker stays its source."""
    node = verb
    for _ in range(3):
        if _hedged(node) or node.dep_ in _SCENE_DEPS:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in node.children):
            return node.tag_ in ("VBP", "VBZ", "VB") or verb.tag_ in ("VBP", "VBZ", "VB")
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        if node.dep_ == "xcomp" and node.head.lemma_.lower() not in _ASPECTUAL:
            return False
        node = node.head
    return False


def _hedged(verb) -> bool:
    """A modal ('can', 'would', 'must') or a negation on the verb."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def cue_pos(tok) -> str:
    return {"PROPN": "NOUN", "AUX": "AUX"}.get(tok.pos_, tok.pos_)


def path_up(trigger):
    """The trigger and its ancestors within the sentence, nearest first."""
    node = trigger
    yield node
    while node.head.i != node.i and node.dep_ in _CLAUSE_DEPS:
        node = node.head
        yield node


def sources(trigger, resolve, cues: CueIndex, *, bodies=()) -> tuple[list[str], list[str]]:
    """(entity ids of who the claim is attributed to, outermost first; why for each). ``bodies`` are the event's
    actors that are states, organisations or groups: a body's own intention ('Germany plans to send tanks') is its
    policy, told by whoever tells of it, not by the body (docs/attribution.md)."""
    found: list[tuple[str, str]] = []
    came_from = below = None
    teller_act = None  # the saying whose own second act the path came up through
    presumed = _restating_above(trigger, cues)  # up to here a named happening is held as known, not told
    for node in path_up(trigger):
        kind = cues.attributing(node) if node is not trigger and presumed is None else None
        # 'said at the rally': where or when something was said is the article's, not the speaker's (a setting
        # prep never governs content); a saying further up still tells it ('the White House said that during their
        # call the two leaders reaffirmed ...': the call is the White House's account)
        own_act = teller_act is not None and node.i == teller_act.i
        if (
            kind
            and _governs_content(node, came_from, kind, below)
            and not _another_saying(came_from, cues)
            and not own_act
        ):
            held = kind == "intention" and node.lemma_.lower() not in _SAID_INTENTIONS
            for eid in speakers_of(node, resolve, cues):
                if held and eid in bodies:
                    continue
                found.append((eid, f"{kind} verb '{node.text}'"))
        below, came_from = came_from, node
        if presumed is not None and node.i == presumed.i:
            presumed = None  # above the restating verb, whoever tells of it tells it ('the White House said ...')
        teller_act = teller_act or _second_act_of(node) or scene_of_saying(node, cues)
        for child in node.children:
            # spaCy makes a new Token object on each access: compare positions, not identities
            off_path = below is None or child.i != below.i
            if off_path:  # 'according to X, a tool that monitors Y': the source phrase tells nothing of itself
                found.extend(asides.according_to(child, resolve))
            found.extend(asides.described_by(child, resolve, cues))
            if child.i != trigger.i:  # also one the path came through: 'If X, Taylor warned, Y will ...'
                found.extend(asides.said_aside(child, resolve, cues))
        if node is not trigger and node.pos_ == "NOUN" and presumed is None and _owned_content(node, below, cues):
            for c in node.children:
                if c.dep_ == "poss" and resolve(c):
                    found.extend((eid, f"'{c.text}'s {node.text}'") for eid in resolve(c))
        if node is not trigger and presumed is None and below is not None:
            found.extend(_copular_content(node, below, resolve, cues))
    found.extend(asides.framing_according_to(trigger, resolve))
    found.extend(asides.quoted_by(trigger, resolve, cues))
    found.extend(asides.headline_speaker(trigger, resolve))
    found.extend(asides.pointed_back(trigger, resolve, cues))
    ids, why, seen = [], [], set()
    for eid, reason in reversed(found):
        if eid not in seen:
            seen.add(eid)
            ids.append(eid)
            why.append(reason)
    return ids, why


def telling_word(trigger, cues: CueIndex):
    """The word of saying or believing that makes ``trigger`` told ('said' in "Y had violated the Charter, X said",
    'responded' in "X responded that Y had violated it"): the nearest one governing the trigger's clause, else one
    set aside in it; None when the article tells it."""
    below = None
    for node in path_up(trigger):
        kind = cues.attributing(node) if node is not trigger else None
        if kind in ("speech", "belief") and below is not None and _governs_content(node, below, kind):
            return node
        for child in node.children:
            if (below is None or child.i != below.i) and child.i != trigger.i and asides.sets_aside(child, cues):
                return child
        below = node
    return None


def told_within(trigger, cues: CueIndex) -> bool:
    """'Reid said he had spoken with Y', 'X said that if he had told Y to stop ...', '"When I spoke with him, he was
    sad," X said': a speech act told inside what someone says is the teller's account of it (past talks, a past
    telling), not the act the article reports ('Yellen spoke to X')."""
    if trigger.dep_ == "ccomp":
        return True
    word = telling_word(trigger, cues)
    if word is not None and word.i != trigger.i:
        return True
    quote = quotes.quote_at(trigger.doc, cues, trigger.idx)
    return quote is not None and quote.verb != trigger.i and trigger.tag_ in ("VBD", "VBN")


# Intentions said to someone: the sayer vouches for the act ('X vowed to fight' is X's word). The rest are only held
# (wants, plans, decisions, refusals); a body's own act under them is its policy, told by whoever tells of the
# intention ('the United States intends to supply tanks': the article's; the event is planned).
_SAID_INTENTIONS = frozenset({"promise", "vow", "pledge", "threaten", "propose"})


# Verbs by which someone states again a position they hold: restating a demand, a charge or support is making it
_RESTATING = frozenset(
    "reiterate underscore emphasize emphasise stress reaffirm highlight underline repeat restate express voice".split()
)


def _restating_above(trigger, cues: CueIndex):
    """'He reaffirmed his support for Israel's right to defend itself against attacks from Iran', 'she expressed
    sadness at the war that Hamas unleashed': a happening named by a noun inside a position its holder restates is
    known to the article, which tells the restating (docs/attribution.md); the restating verb, else None."""
    if trigger.pos_ != "NOUN" or trigger.dep_ == "dobj":  # 'reiterated his call': the restated act itself
        return None
    for above in path_up(trigger):
        if above.i == trigger.i or above.pos_ != "VERB":
            continue
        lemma = above.lemma_.lower()
        if lemma in _RESTATING and lemma not in ("repeat", "voice") and above.tag_ != "VBG":
            return above
        if cues.attributing(above) in ("speech", "belief") or any(c.dep_ == "nsubj" for c in above.children):
            return None  # 'said Israel may defend ...', 'concern that he was encouraging violence at his rallies':
            # a saying, or a clause with a subject of its own, tells what is said
    return None


def restated(trigger) -> bool:
    """'He reiterated the need for a ceasefire', 'she underscored that Y must withdraw': a verb above the act restates
    a position its subject holds now (not 'repeating a claim that he opposed it': a past act is reported)."""
    if trigger.tag_ in ("VBD", "VBN"):
        return False
    node = trigger.head if trigger.dep_ == "aux" else trigger
    for above in path_up(node):
        if above.i != trigger.i and above.pos_ == "VERB":
            lemma = above.lemma_.lower()
            if lemma in _RESTATING or (lemma == "make" and any(c.lower_ in ("clear", "plain") for c in above.children)):
                return True
    return False


def _copular_content(copula, clause, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    """'Obama's position is that Russia must withdraw', 'the Kremlin's claim was that ...': a clause that a copula
    states of an owned noun of saying or stance is its owner's content."""
    if copula.lemma_ != "be" or clause.dep_ not in ("ccomp", "attr") or clause.pos_ not in ("VERB", "AUX"):
        return []
    out: list[tuple[str, str]] = []
    for noun in (c for c in copula.children if c.dep_ == "nsubj"):
        if noun.lemma_.lower() in cues.source_nouns or noun.lemma_.lower() in cues.stance_nouns:
            for owner in (c for c in noun.children if c.dep_ == "poss"):
                out.extend((eid, f"'{owner.text}'s {noun.text} is'") for eid in resolve(owner))
    return out


# How content hangs off a noun of stance: 'X's call for a ban', 'his proposal to deport', 'her claim that'.
_NOUN_CONTENT = {"prep", "acl", "ccomp"}


def _owned_content(noun, below, cues: CueIndex) -> bool:
    """Whether the path came up to ``noun`` through what its owner says: a source noun ('Russia's claim that
    ...') governs any of its phrases, a noun of stance ('Trump's call for a ban', 'her refusal to debate') only
    its complement, not its setting ('at his call', 'his proposal in May')."""
    lemma = noun.lemma_.lower()
    if lemma in cues.source_nouns:
        return True
    if lemma not in cues.stance_nouns or below is None or below.dep_ not in _NOUN_CONTENT:
        return False
    return below.dep_ != "prep" or below.lower_ in _STANCE_PREPS


# How reported content hangs off a speech verb: "X said (that) ...", '"...," X said', "X told Y to ...".
_SPEECH_CONTENT = {"ccomp", "parataxis", "xcomp", "conj"}


# Beside clauses, a verb of belief governs a gerund or an 'of'/'about' phrase: 'accused Y of planning to attack',
# 'denied planning', 'complained about the attacks'.
_BELIEF_PREPS = {"of", "about", "for", "on", "over", "against"}
# An adjective of feeling also takes what it is felt at, by, with or in: 'alarmed at the attacks', 'appalled by the
# shelling', 'unhappy with the plan to', 'vocal in opposing the deal'.
_FEELING_PREPS = _BELIEF_PREPS | {"at", "by", "with", "in"}


# A verb of stance governs its object and the phrase it takes a position through: 'rejected the offer to ...',
# 'pushed for talks', 'railed against the deal', 'agreed with the decision to ...'.
_STANCE_DEPS = {"dobj", "ccomp", "xcomp"}
_STANCE_PREPS = {"for", "about", "against", "on", "over", "with", "to", "of"}


# Verbs that take something as something: what the 'as' phrase says is the subject's view ('see Y as the one to beat
# Z', 'cast her rival as offering ...'); not 'welcomed Turkey as a player in the war' (a stance on Turkey's entry)
_TAKEN_AS = frozenset({"see", "regard", "view", "cast", "paint", "portray", "depict", "describe", "brand"})


# Verbs whose object is not what is reported: the speaker's own act ('announced $200 million in aid') or
# whom they address ('told a rally that', 'urged the meeting to', 'accused the government of').
_OBJECT_NOT_CONTENT = frozenset(
    "announce declare tell inform brief assure remind warn notify address ask urge accuse blame charge call question read".split()
)


def _object_content(verb, obj, below) -> bool:
    """Whether the object of a verb of speech or belief is what it reports ('cited the attack', 'polls show
    support for', 'denied the attack'), not a thing a relative clause then tells of ('accuse Y of something
    Y has denied': the denial is Y's) nor the speaker's own act ('announced new aid')."""
    if obj.pos_ == "VERB":
        return True
    if verb.lemma_.lower() == "question" and not _names_someone(obj):
        return below is None or below.dep_ != "relcl"  # 'questioned Israel's commitment to peace': doubts it
    return verb.lemma_.lower() not in _OBJECT_NOT_CONTENT and (below is None or below.dep_ != "relcl")


def _names_someone(noun) -> bool:
    """'questioned the witness', 'questioned him', 'questioned Roe': whom one asks, not what one doubts."""
    return (
        noun.pos_ in ("PRON", "PROPN")
        or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or (noun.lemma_.lower() in words.PERSON_ROLES)
    )


def _governs_content(verb, came_from, kind: str, below=None) -> bool:
    dep = came_from.dep_
    if dep == "prep" and came_from.lower_ == "as" and verb.lemma_.lower() in _TAKEN_AS:
        return True
    if came_from.i < verb.i and any(t.text == ":" for t in verb.doc[came_from.i : verb.i]):
        return False  # '... cites the crowds as an example: He says ...': what a colon hands on follows it
    if dep == "dobj" and kind in ("speech", "belief"):
        return _object_content(verb, came_from, below)
    if dep == "nsubjpass" and kind != "intention" and any(c.dep_ == "agent" for c in verb.children):
        # 'Russia's attacks were condemned by Germany', 'the claim that ... was denied by the Kremlin': a passive's
        # subject is what the active's object would be (not whom one tells, asks or accuses: 'was told by')
        return _object_content(verb, came_from, below)
    if kind == "speech":  # what is said, and what it is said as or about: 'cited it as evidence that ...'
        return dep in _SPEECH_CONTENT or (dep == "prep" and _speech_topic(verb, came_from))
    for_clause = dep == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in came_from.children
    )  # 'for Y to'
    if kind == "stance":
        return dep in _STANCE_DEPS or (dep == "prep" and came_from.lower_ in _STANCE_PREPS) or for_clause
    clause = (
        dep in _SPEECH_CONTENT - {"conj"}
        or (dep == "dobj" and came_from.pos_ == "VERB")
        or (dep == "prep" and came_from.lower_ in (_FEELING_PREPS if verb.pos_ == "ADJ" else _BELIEF_PREPS))
        or (dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in came_from.children))
    )  # 'for Y to
    # intention: 'wants Y to go', 'hopes that Y wins', the holder's own intended act ('vowed to fight', 'refused to
    # concede': PolNeAR annotates what a source intends as attributed, whoever is to act) and what they want
    # ('wants a deal', 'is considering a run')
    return clause or (kind == "intention" and (dep == "dobj" or _infinitive(came_from)))


# Verbs of saying whose topic also hangs on 'on': 'commenting on the shootings', 'remarked on the attack'
_ON_TOPIC = frozenset({"comment", "remark"})


def _speech_topic(verb, prep) -> bool:
    """What a saying is about ('said about', 'cited it as'), and what a comment is on ('commenting on the
    shootings'); not where or when it was said ('said on Tuesday', 'spoke on television')."""
    return prep.lower_ in ("as", "about") or (prep.lower_ == "on" and verb.lemma_.lower() in _ON_TOPIC)


def _another_saying(clause, cues: CueIndex) -> bool:
    """'He underscored that X, and he urged Y to ...', 'The envoy said X and thanked Y': a saying, or a verb sharing
    the subject, joined to another is a second act, not its content; so is a clause of its own joined by 'but' ('X
    said it was done, but Y was furious'), unless a 'that' makes it said too."""
    if clause.dep_ != "conj":
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    if own_subject and not any(c.dep_ == "mark" for c in clause.children) and _contrasted(clause):
        return True  # 'X assured him it was done, but Obama was furious': the article's clause, not X's
    shared = clause.pos_ == "VERB" and not own_subject
    return shared or cues.attributing(clause) in ("speech", "belief")


def _contrasted(clause) -> bool:
    """A 'but' or 'yet' joins the clause to the one before it."""
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < clause.i for c in clause.head.children)


def _second_act_of(verb):
    """'He emphasized that Israel has a right to defend itself, and affirmed U.S. support': spaCy joins 'affirmed' to
    the reported 'has', but a past verb with no subject of its own beside a present one is the teller's second act,
    joined to the past saying above ('emphasized'). That saying, else None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if head.tag_ not in ("VBZ", "VBP") or head.dep_ != "ccomp" or head.head.tag_ != "VBD":
        return None
    return head.head


def scene_of_saying(clause, cues: CueIndex):
    """'The minister has told the BBC there will be war if Ukraine loses, as he urged Congress to pass the bill':
    spaCy hangs 'as he urged' inside what is told, but a past act of 'he' beside it is the teller's own, the scene of
    the saying. The saying it sets, else None."""
    if (
        clause.dep_ != "advcl"
        or clause.tag_ != "VBD"
        or not any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children)
    ):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in clause.children):
        return None
    for above in path_up(clause.head):
        if cues.attributing(above) in ("speech", "belief"):
            return above if above.tag_ in ("VBD", "VBN") else None
    return None


def _infinitive(clause) -> bool:
    """'Rabbis vow to boycott the speech': an infinitive spaCy hangs as an adverbial clause of purpose, with no
    subject of its own, is what an intention verb intends."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)
    )
