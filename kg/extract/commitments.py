"""Commitments as PLOVER codes them: the promise is an event of its own.

kg keeps a promised act as what it is, with modality ``planned`` ("promised to send aid" is AID, planned).
PLOVER codes the promise itself: "promise, offer ... willingness or commitment to cooperate" and "cooperative
actions reported in future tense" are AGREE; threats (CAMEO 13, "threaten to boycott, sanction, attack") are
THREATEN, whose mode is the content of the threat. So beside the promised act kg also emits the speech act,
with the promised act's recipients, when the text makes the commitment explicit:

* a commissive word governs the act: "promised / pledged / vowed to X", "is willing / ready to X";
* the actor says it will do it: "Iraq said it would allow ...", "they said they would boycott ..." (the
  subject of the reported clause is the speaker, and the clause is in the future);
* a source reports a named actor's cooperation in the future tense ("the UN will provide aid, the WFP said").

A demand is the same speech act turned to someone else (CAMEO 10): "X said Y must ..." is X's REQUEST to Y,
whatever Y is asked to do.

A bare future in the article's voice ("the committee will meet in June") is a planned event, not a promise:
nobody committed to anything in the text. A negated act ("said it would not attack") commits to nothing.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.graph.records import Event, Span, content_id

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.lexicons import Trigger

__all__ = [
    "COMMISSIVE_VERBS",
    "LITOTES_VERBS",
    "REFUSABLE",
    "demands",
    "refusals",
    "refusing_verb",
    "speaks_for",
    "with_refusals",
    "with_contents_folded",
    "with_speech_acts",
    "without_restated",
]

# Verbs whose xcomp is what their subject commits to (CAMEO's PROMISE, PLEDGE and VOW blocks).
COMMISSIVE_VERBS = frozenset({"promise", "pledge", "vow", "swear", "guarantee", "undertake", "commit"})
# Verbs that state a commitment or a stance again (CAMEO 05x "reaffirm"): their object noun is what they state.
RESTATING_VERBS = frozenset(
    {"affirm", "reaffirm", "reiterate", "restate", "renew", "confirm", "repeat", "underscore", "underline", "express"}
)
_STATED_STANCES = frozenset({"AGREE", "SUPPORT"})
_COMMITMENT_NOUNS = frozenset({"commitment", "pledge", "promise", "vow", "undertaking"})
# Adjectives of a declared willingness: "is willing to withdraw", "stands ready to help".
WILLING_ADJECTIVES = frozenset({"willing", "ready", "prepared"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_DEONTIC_AUX = frozenset({"must", "should"})
# Besides the speech verbs, what frames a demand: "Biden and Scholz agreed Russia must ...", "insisted".
_DEMAND_VERBS = frozenset({"agree", "insist", "demand", "warn", "remind"})
_DEMAND_NOUNS = frozenset({"reminder", "warning", "message", "ultimatum", "demand", "letter", "statement"})
# CAMEO 03 (express intent to cooperate, aid, meet, settle) is AGREE; a promised retreat or concession is also
# CONCEDE (the manual: "announced ... would withdraw troops" is CONCEDE; CONCEDE + future does not reduce to AGREE).
_AGREE_CONTENT = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
_CONCEDE_CONTENT = frozenset({"CONCEDE", "RETREAT"})
# what one commits (resources, forces, a joint course) rather than promises
_ALLOCATED = frozenset({"AID", "COOPERATE", "MOBILIZE"})
# What a refusal declines: cooperation its own actor says it will not give ("said it would not attend the talks").
REFUSABLE = _AGREE_CONTENT | _CONCEDE_CONTENT
# A negated verb that commits: "would not hesitate to use force".
LITOTES_VERBS = frozenset({"hesitate"})
_OWN = frozenset({"his", "her", "its", "their", "our"})
# An unresolved subject pronoun is the speaker's own side only in the first person ("we will boycott," they
# said); "they will exchange views," Peskov said names someone else, whom kg could not find.
_FIRST_PERSON = frozenset({"we", "i"})
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_PEOPLES = frozenset({"people", "population", "ally", "partner"})
_POLITIES = frozenset({"country", "nation"})
# The manual's list for a bare reported future ("RETREAT + future and CONCEDE + future ... do not reduce to AGREE").
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# CAMEO 13 (threaten): the threatened act's type gives the threat's mode (PLOVER's THREATEN modes).
_THREAT_MODE = {"ASSAULT": "violence", "PROTEST": "restrict", "SANCTION": "relations", "COERCE": None}
_COERCE_THREAT_MODE = {
    "arrest": "arrest",
    "seize": "territory",
    "deport": "expel",
    "restrict": "restrict",
    "curfew": "restrict",
    "martial-law": "restrict",
}


def with_speech_acts(
    pairs, *, speaker_of, is_speech, time_of, support_verb, speaks_for=lambda verb, actors: False
) -> list[tuple[Token, Event]]:
    """``pairs`` ((trigger token, event), in text order) with the promises and threats their events are the
    content of: an act the lexicon already typed at the committing word ("offered", "promised") takes the
    content's recipients; a commissive word whose content is a threat ("vowed to strike") is no AGREE.

    A promise made with a commissive word and the cooperation it promises are one event, the promise ("pledged
    to send aid to Kyiv" is one AGREE to Kyiv, as the news gold and PLOVER code it). The act stays beside its
    speech act where the commitment is only said ("Iraq said it would allow ...": news codes the act, with the
    speaker as source; PLOVER the AGREE) or reported ("the UN will provide aid, the WFP said"), and beside a
    threat (the threatened act gives its mode)."""
    at_word = {(e.type, tok.i): n for n, (tok, e) in enumerate(pairs)}
    out = list(pairs)
    added = []
    promised = set()  # contents folded into their promise
    decided = set()  # committing words whose content is told as the act itself
    for m, (tok, event) in enumerate(pairs):
        kinds = _speech_act_types(event) if event.modality == "planned" else []
        if not kinds:
            continue
        found = _commitment(tok, event, speaker_of, is_speech, speaks_for)
        explicit = found is not None and _commissive(found[0])
        if found is None and kinds[0][0] == "AGREE":
            found = _reported_future(tok, event, support_verb)
        if found is None:
            continue
        word, actors = found
        if explicit and kinds[0][0] == "AGREE" and _allocates(word, event):
            decided.add(word.i)
            if not event.actors and actors:
                out[m] = (tok, dataclasses.replace(event, actors=tuple(actors)))
            continue
        if explicit and kinds[0][0] == "AGREE":
            promised.add(m)
        for etype, mode in kinds:
            n = at_word.get((etype, word.i))
            if n is not None:
                word_tok, known = out[n]
                out[n] = (word_tok, _folded(known, event) if explicit else _addressed(known, event))
                continue
            at_word[(etype, word.i)] = -1
            act = _speech_act(event, word, etype, mode, actors, time_of(word))
            added.append((word, _folded(act, event) if explicit and etype == "AGREE" else act))
    threats = {word.i for word, e in added if e.type == "THREATEN"}
    out = [(tok, e) for m, (tok, e) in enumerate(out) if m not in promised]
    out = [(tok, e) for tok, e in out if not (e.type == "AGREE" and tok.i in decided)]
    out = [(tok, e) for tok, e in out if not (e.type == "AGREE" and tok.i in threats)]
    return sorted(out + added, key=lambda p: p[0].i)


def _allocates(word, content: Event) -> bool:
    """'committed to sending $9 billion', 'committed to deliver drones', 'committed to coordinate closely': news
    tells a commitment of resources or of a joint course as the act decided, planned (the news gold codes the AID
    or the COOPERATE, not a promise); promising, pledging and vowing stay promises (AGREE), as does a committed
    stance."""
    return word.lemma_.lower() == "commit" and content.type in _ALLOCATED


def _commissive(word) -> bool:
    """'promised', 'vowed', 'willing', 'would not hesitate': a word whose meaning is the commitment."""
    return word.lemma_.lower() in COMMISSIVE_VERBS or word.lower_ in WILLING_ADJECTIVES or word.lemma_ in LITOTES_VERBS


def _addressed(known: Event, content: Event) -> Event:
    """The speech act ``known`` with the recipients of its content."""
    recipients = tuple(dict.fromkeys((*known.recipients, *content.recipients)))
    return dataclasses.replace(known, recipients=tuple(r for r in recipients if r not in known.actors))


def _folded(promise: Event, content: Event) -> Event:
    """The promise with what its content says of whom, where and how much: one event for both. A promised
    stance is that stance ("willing to forgive X and back him" is SUPPORT: declaring it is giving it); a
    promised act is an AGREE."""
    promise = _addressed(promise, content)
    return dataclasses.replace(
        promise,
        type="SUPPORT" if content.type == "SUPPORT" else promise.type,
        locations=tuple(dict.fromkeys((*promise.locations, *content.locations))),
        quantity=promise.quantity or content.quantity,
        explain=(*promise.explain, f"promised: {content.type} '{content.trigger.text}', folded into the promise"),
    )


def with_contents_folded(pairs) -> list[tuple[Token, Event]]:
    """``pairs`` with the cooperation a commitment noun states folded into the commitment's event: "reaffirmed
    my commitment that the United States will stand by Ukraine", "their commitment to achieving a deal" are
    one stance each (the commitment's own event, or the restating verb's that took it). Only the noun's own
    clause: a second act joined to it ("... and support the people") stays its own event."""
    stance_at = {tok.i: n for n, (tok, e) in enumerate(pairs) if e.type in _STATED_STANCES}
    out = list(pairs)
    folded = set()
    for n, (tok, event) in enumerate(pairs):
        if event.type not in REFUSABLE or event.modality != "planned":
            continue
        noun = _committing_noun(tok)
        if noun is None:
            continue
        m = stance_at.get(noun.i)
        if m is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RESTATING_VERBS:
            m = stance_at.get(noun.head.i)
        if m is None or m in folded:
            continue
        word, stance = out[m]
        actors = tuple(dict.fromkeys((*stance.actors, *event.actors)))  # "my commitment that the US will"
        out[m] = (word, _folded(dataclasses.replace(stance, actors=actors), event))
        folded.add(n)
    return [p for n, p in enumerate(out) if n not in folded]


def _committing_noun(tok):
    """The commitment noun whose own clause ``tok`` heads ("commitment that X will", "commitment to doing"), or
    None."""
    head = tok.head
    if tok.dep_ in ("acl", "ccomp") and head.lemma_.lower() in _COMMITMENT_NOUNS:
        return head
    if tok.dep_ == "pcomp" and head.lower_ == "to" and head.head.lemma_.lower() in _COMMITMENT_NOUNS:
        return head.head
    return None


def without_restated(pairs) -> list[tuple[Token, Event]]:
    """``pairs`` without the stance noun that a restating verb's own event states again: "affirmed the US
    commitment to Israel", "reiterated their support for Kyiv" is one stance, the verb's, which takes the noun's
    holder and addressee; "welcomed Ukraine's commitment" is two (a stance on someone else's act)."""
    at_verb = {tok.i: n for n, (tok, e) in enumerate(pairs) if tok.pos_ == "VERB" and e.type in _STATED_STANCES}
    out = list(pairs)
    dropped = set()
    for n, (tok, event) in enumerate(pairs):
        verb = tok.head
        if event.type not in _STATED_STANCES or tok.pos_ != "NOUN" or tok.dep_ != "dobj" or verb.i not in at_verb:
            continue
        if verb.lemma_.lower() not in RESTATING_VERBS:
            continue
        m = at_verb[verb.i]
        word, stance = out[m]
        actors = tuple(dict.fromkeys((*stance.actors, *event.actors)))
        recipients = tuple(r for r in dict.fromkeys((*stance.recipients, *event.recipients)) if r not in actors)
        # "reaffirmed our commitment to stay out of the war": restating a commitment to an act commits (AGREE);
        # "affirmed the commitment to Israel's security" restates a stance on someone (SUPPORT)
        etype = "AGREE" if event.type == "AGREE" and _commits_to_an_act(tok) else stance.type
        out[m] = (word, dataclasses.replace(stance, type=etype, actors=actors, recipients=recipients))
        dropped.add(n)
    return [p for n, p in enumerate(out) if n not in dropped]


def restated_stance(tok, entry: Trigger) -> Trigger:
    """'Sullivan reiterated the US ironclad commitment to the ROK': restating a commitment to a party, not to an act,
    states a stance on that party (PLOVER SUPPORT), though a row for restating a commitment typed it AGREE; and
    restating what one will do ('reaffirmed that they will maintain ...') is a commitment (AGREE)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in RESTATING_VERBS:
        return entry
    if entry.type == "SUPPORT" and any(c.dep_ == "ccomp" and _future(c) for c in tok.children):
        # "reaffirmed that the US and the ROK will maintain a combined posture": what they will do, restated, is a
        # commitment (PLOVER AGREE), not a stance on someone
        return dataclasses.replace(entry, type="AGREE", mode=None, note="a future course restated")
    if entry.type != "AGREE":
        return entry
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _COMMITMENT_NOUNS]
    if not objects or _commits_to_an_act(objects[0]) or not _committed_to_someone(objects[0]):
        return entry
    return dataclasses.replace(entry, type="SUPPORT", mode=None, note="a commitment to a party restated")


def _committed_to_someone(noun) -> bool:
    """'commitment to the ROK', 'to Ukraine's security', 'to the people of Sudan': committed to a party or its good,
    not to an act ('commitment to sending aid', 'to the establishment of a state')."""
    objects = [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"
    ]
    return any(_a_party(o) or any(c.dep_ == "poss" and _a_party(c) for c in o.children) for o in objects)


def _a_party(tok) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in _PARTY_ENTS or tok.lemma_.lower() in _PEOPLES


def _commits_to_an_act(noun) -> bool:
    """'commitment to bring home the remains', 'to achieving a deal', 'that the US will stand by Ukraine'."""
    for child in noun.children:
        if (
            child.dep_ in ("acl", "relcl")
            and child.pos_ == "VERB"
            and any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in child.children)
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(c.dep_ == "pcomp" for c in child.children):
            return True
    return False


def _speech_act_types(event: Event) -> list[tuple[str, str | None]]:
    """The speech act (type, mode) a committed act makes: one. A promised retreat or concession is AGREE, as
    the PLOVER gold codes "said it would allow the inspectors back" (CAMEO 03) and the news gold codes "ready to
    pursue arms control" (AGREE or RETREAT); the 2021 manual's CONCEDE reading of "announced ... would withdraw
    troops" is the same single commitment, not a second event."""
    if event.type in _AGREE_CONTENT or event.type in _CONCEDE_CONTENT:
        return [("AGREE", None)]
    if event.type in _THREAT_MODE:
        mode = _THREAT_MODE[event.type]
        if event.type == "COERCE":
            mode = _COERCE_THREAT_MODE.get(event.mode or "")
        return [("THREATEN", mode)]
    return []


def _commitment(tok, event: Event, speaker_of, is_speech, speaks_for=lambda verb, actors: False):
    """(the word that commits, the committed actors) above the trigger ``tok``, or None."""
    node = tok
    if tok.pos_ != "VERB":  # "promised more aid", "promised to continue aid": the noun is a verb's object
        if tok.dep_ != "dobj":
            return None
        node = tok.head
        if node.lemma_.lower() in COMMISSIVE_VERBS:
            return node, speaker_of(node)
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return None
        if _infinitive_of(node) and head.lemma_.lower() in COMMISSIVE_VERBS:
            return head, speaker_of(head)  # "vowed to fight"; "vowed on Sunday to fight" parses an advcl
        if _gerund_of(node) and head.head.lemma_.lower() in COMMISSIVE_VERBS and event.type in REFUSABLE:
            return head.head, speaker_of(head.head)  # "committed to sending aid": the gerund after 'to'
        if node.dep_ == "xcomp" and head.lemma_.lower() in LITOTES_VERBS and _negated(head):
            return head, speaker_of(head)  # "would not hesitate to use force"
        if node.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in WILLING_ADJECTIVES:
            if head.dep_ != "acomp" or _modal(head.head, _DEONTIC_AUX):
                return None  # "the US must be ready to mediate": someone else's demand, not a willingness
            return head, speaker_of(head.head)
        if node.dep_ == "ccomp" and is_speech(head) and _future(node):
            speakers = speaker_of(head)
            if speakers and event.actors and set(event.actors) <= set(speakers):
                return head, speakers  # "Iraq said it would allow ...": the speaker commits itself
            if _own_side(node, event):
                return head, speakers  # "said his fighters would attack", "said they would boycott" (unresolved)
            if event.actors and speaks_for(head, event.actors):
                return head, list(event.actors)  # "the Iranian foreign minister said Iran would retaliate"
            return None
        if node.dep_ not in ("xcomp", "conj"):
            return None
        node = head
    return None


def _reported_future(tok, event: Event, support_verb):
    """'The United Nations will provide food aid, the WFP said': a named actor's cooperation reported in the
    future tense is its announced intention (PLOVER codes it AGREE); the auxiliary is the commitment's word."""
    if not event.actors or not event.sources or event.type not in _FUTURE_AGREE:
        return None
    verb = tok if tok.pos_ == "VERB" else support_verb(tok)  # "will provide food aid"
    if verb is None:
        return None
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _FUTURE_AUX), None)
    if aux is None or not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "will be distributed": a passive says who receives, not who commits
    return aux, list(event.actors)


def _own_side(verb, event: Event) -> bool:
    """Whether a reported clause's subject is the speaker's own: "his fighters", "its army", or an unresolved
    first-person pronoun ("we will boycott")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    own = any(c.dep_ == "poss" and c.lower_ in _OWN for s in subjects for c in s.children)
    own = own or any(  # "state media said the country would launch": the speaker's own state
        s.lemma_.lower() in _POLITIES and any(c.dep_ == "det" and c.lower_ == "the" for c in s.children)
        for s in subjects
    )
    return own or (not event.actors and any(s.lower_ in _FIRST_PERSON for s in subjects))


def _infinitive_of(node) -> bool:
    return node.dep_ == "xcomp" or (
        node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def _gerund_of(node) -> bool:
    """'committed to sending', 'pledged to providing': a gerund after the commissive verb's 'to' (a cooperative
    content only: 'commit to imposing sanctions' is no threat)."""
    return node.dep_ == "pcomp" and node.head.lower_ == "to" and node.head.dep_ == "prep"


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def with_refusals(pairs, declined, **speech) -> list[tuple[Token, Event]]:
    """``pairs`` with the refusals of the ``declined`` acts (:func:`refusals`), one REJECT per refusing word."""
    rejected = {tok.i for tok, e in pairs if e.type == "REJECT"}
    out = list(pairs)
    for tok, e in refusals(declined, **speech):
        if tok.i not in rejected:
            rejected.add(tok.i)
            out.append((tok, e))
    return out


def speaks_for(entries, verb, actors) -> bool:
    """Whether a speech verb's speaker is named by the states ``actors`` are (``entries``: entity id ->
    gazetteer entry): "the Iranian foreign minister", "Syria's defence minister", "Serbian officials" speak
    for Iran, Syria, Serbia."""
    found = [entries.get(a) for a in actors]
    if not found or any(e is None or e.type != "Country" for e in found):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        before = " " + " ".join(t.lower_ for t in subject.subtree if t.i < subject.i) + " "
        if all(any(f" {f.lower()} " in before for f in (*e.surface_forms, *e.demonyms)) for e in found):
            return True
    return False


def refusing_verb(tok, support_verb):
    """The verb that says its subject will not do the act ``tok`` names ("would not attend", "will not take part
    in the talks", "vowed never to accept"), or None."""
    verb = tok if tok.pos_ == "VERB" else support_verb(tok)
    if verb is None or not _negated(verb):
        return None
    vowed = _infinitive_of(verb) and verb.head.lemma_.lower() in COMMISSIVE_VERBS  # "vowed never to accept"
    return verb if vowed or _future(verb) else None


def refusals(
    declined, *, speaker_of, is_speech, time_of, support_verb, stated_agent, speaks_for=lambda verb, actors: False
) -> list[tuple[Token, Event]]:
    """REJECT events for cooperation its own actor says it will not give: "X said it would not attend the
    talks", "X will not sign the accord", "X vowed never to accept" (PLOVER REJECT: all refusals). ``declined``: (trigger, event) of the
    cooperative acts, also those kg keeps no event for (no participant named: "would not recognise the new
    government"); a declined act kept as an event stays, negated."""
    out = []
    for tok, event in declined:
        verb = refusing_verb(tok, support_verb) if event.type in REFUSABLE else None
        if verb is None:
            continue
        head = verb.head
        if _infinitive_of(verb) and head.lemma_.lower() in COMMISSIVE_VERBS:
            actors = speaker_of(head)  # "the rebels vowed never to lay down their arms"
            verb = head
        elif verb.dep_ == "ccomp" and is_speech(head):
            speakers = speaker_of(head)
            if event.actors and speaks_for(head, event.actors):
                speakers = list(event.actors)  # "Serbian officials said Serbia would never accept"
            if event.actors and not set(event.actors) <= set(speakers) and not _own_side(verb, event):
                continue  # "the minister said Iraq would not attend": a report about someone else
            actors = list(speakers or event.actors)
        elif verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children):
            actors = speaker_of(verb)  # "Iran will not attend the talks with Iraq": Iran refuses
        else:
            continue
        if not actors and not stated_agent(verb):
            continue  # nobody refuses: "there would be no talks"; "the rebels vowed never to ..." keeps no actor
        refusal = _speech_act(event, verb, "REJECT", None, actors, time_of(verb))
        why = (f"refusal: '{verb.text}' negated in the future -> REJECT", f"declined: {event.type} (negated)")
        out.append((verb, dataclasses.replace(refusal, explain=why)))
    return out


def _future(verb) -> bool:
    return _modal(verb, _FUTURE_AUX)


def _modal(verb, words) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def demands(
    tokens, *, resolve, speaker_of, is_speech, sources_of, time_of, article_id: str, voiced=lambda _tok: []
) -> list[tuple[Token, Event]]:
    """REQUEST events for "X said / agreed / issued a reminder that Y must (should) ...": the speaker demands
    of Y, with the modal as the trigger; Y's own act keeps its type. A statement's own main clause ("The militia
    must stop its assault.") is its author's demand: ``voiced`` gives who says the words at a token."""
    out = []
    for aux in tokens:
        needs = _needs_to(aux)  # "Both parties need to allow access.": a main clause's 'need to', 'have to'
        if not needs and (aux.dep_ != "aux" or aux.lower_ not in _DEONTIC_AUX):
            continue
        clause = aux if needs else aux.head
        frame = None if needs else _demand_frame(clause, is_speech)
        authors = voiced(aux) if frame is None and clause.dep_ == "ROOT" else []
        if frame is None and not authors:
            continue
        frame = frame or clause
        speakers = authors or speaker_of(frame)
        subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        targets = [e for s in subjects for e in resolve(s)]
        if not targets and any(s.pos_ == "PRON" for s in subjects):
            targets = _addressees(frame, resolve)  # "reminded Iraq that it must", "a reminder to Iraq that it must"
        if not speakers or not targets or set(targets) <= set(speakers):
            continue  # "we must act, she said": an exhortation of one's own side is no demand of someone
        trigger = Span(aux.text, aux.idx, aux.idx + len(aux.text))
        sentence = aux.sent
        text = sentence.text.strip()
        start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        out.append(
            (
                aux,
                Event(
                    id="v" + content_id(article_id, "REQUEST", aux.idx, length=10),
                    type="REQUEST",
                    trigger=trigger,
                    evidence=Span(text, start, start + len(text)),
                    modality="asserted",
                    actors=tuple(dict.fromkeys(speakers)),
                    recipients=tuple(t for t in dict.fromkeys(targets) if t not in speakers),
                    # what Y must do is X's word; a statement's own demand is its voice's act, told by no one else
                    sources=() if authors else tuple(dict.fromkeys((*sources_of(frame), *speakers))),
                    time=time_of(frame),
                    confidence=0.55,
                    explain=(f"demand: '{frame.text}' ... '{aux.text}' -> REQUEST",),
                ),
            )
        )
    return out


def _needs_to(verb) -> bool:
    """'Y needs to / has to <act>' as a main clause (a statement's own words may make it a demand of Y)."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in ("need", "have"):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _addressees(verb, resolve) -> list[str]:
    kids = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    kids += [p for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to" for p in c.children]
    return [e for k in kids for e in resolve(k)]


def _demand_frame(clause, is_speech):
    """The verb (or the speaker's noun's verb) a 'must' clause is said under, or None."""
    head = clause.head
    if clause.dep_ == "ccomp" and head.pos_ == "VERB" and (is_speech(head) or head.lemma_.lower() in _DEMAND_VERBS):
        return head
    if clause.dep_ == "acl" and head.lemma_.lower() in _DEMAND_NOUNS and head.dep_ == "dobj":
        return head.head  # "issued a stern reminder to Iraq that it must cooperate"
    return None


def _speech_act(content: Event, word, etype: str, mode: str | None, actors: list[str], time) -> Event:
    trigger = Span(word.text, word.idx, word.idx + len(word.text))
    committed = tuple(dict.fromkeys(actors or content.actors))
    return Event(
        id="v" + content_id(content.id, etype, word.idx, length=10),
        type=etype,
        mode=mode,
        trigger=trigger,
        evidence=content.evidence,
        modality="asserted",  # the promise or threat is made; what it promises stays planned
        actors=committed,
        recipients=tuple(r for r in content.recipients if r not in committed),
        locations=content.locations,
        time=time,  # when the promise was made ("said on Monday it would"), not when it is to be kept
        sources=tuple(s for s in content.sources if s not in committed),  # the speaker is the one who commits
        confidence=max(0.4, content.confidence - 0.1),
        explain=(
            f"commitment '{word.text}' -> {etype}" + (f"/{mode}" if mode else ""),
            f"content: {content.type} '{content.trigger.text}' (planned), kept as its own event",
        ),
    )
