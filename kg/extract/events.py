"""PLOVER events: triggers from the lexicon, and their actors, recipients, locations,
quantity and time from the dependency parse."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kg.extract import claims, commitments, nominal, readouts, repeats, senses, ties, words
from kg.extract.event_time import event_time
from kg.extract.lexicons import Trigger
from kg.extract.quantities import event_quantity
from kg.extract.triggers import TriggerIndex, fights_for_a_cause
from kg.graph.records import Event, Span, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.entities import EntityTable

_RECIPIENT_PREPS = {"against", "on", "upon", "at", "toward", "towards", "over"}
_SIDE_PREPS = {"with", "behind", "by"}  # whom one stands with, behind, by
_GIVE_TYPES = {"AID", "SUPPORT", "CONCEDE", "REQUEST", "THREATEN", "ACCUSE", "SANCTION", "COERCE", "ASSAULT"}
_JOINT_TYPES = {"COOPERATE", "CONSULT", "AGREE"}
_NEEDS_RECIPIENT = {"SUPPORT"}
_STANCE_TYPES = {"AGREE"}
_STANCE_ON_ACTS = {"SUPPORT", "ACCUSE", "REJECT"}  # verbs whose object may be someone's act
_VICTIM_TYPES = {"ASSAULT", "COERCE"}
_TRAVEL = frozenset({"arrive", "come", "travel", "fly", "head", "go", "gather", "convene", "return"})  # "for talks"
_MEETING_VERBS = frozenset({"meet", "host", "receive"})  # whom one meets, hosts or receives is a party of the talks
_VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
_NAMING_ENTS = {"NORP", "ORG", "PERSON", "GPE", "FAC"}
_PERSONAL_PRONOUNS = {"he", "she", "they", "we"}  # not "it": often a state kg already failed to resolve
_POLITY_NOUNS = {"country", "nation"}  # "his country would not hesitate": the speaker's state
_NUMBER_WORDS = {"thousands", "hundreds", "dozens", "millions", "billions", "tens"}
# acts whose doers news names by a bare plural ("gunmen opened fire", "protesters blocked roads", "police arrested"):
# there the plural is the stated agent, not the vague "troops arrived" / "historians agree"
_BARE_AGENT_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
_ADJUNCT_PREPS = frozenset({"since", "after", "before", "upon", "while", "by", "without"})


class Resolver(Protocol):
    """Which entities a token stands for (kg.extract's resolver: mentions, pronouns, demonyms, groups)."""

    def resolve(self, tok) -> list[str]: ...

    def resolve_modifier(self, tok) -> list[str]: ...

    def resolve_source(self, tok) -> list[str]: ...

    def addressee(self, actors: list[str]) -> list[str]: ...

    def side_of(self, eid: str) -> list[str]: ...


@dataclass(frozen=True)
class Context:
    """What the event and relation rules need about one article, whole before they run."""

    doc: Doc
    table: EntityTable
    resolver: Resolver
    cues: claims.CueIndex
    article_id: str
    date: str | None
    skip_sents: frozenset[int]  # sentence starts to leave out: boilerplate and headlines
    agent_nouns: frozenset[str] = frozenset()  # generic agents ('student', 'doctor'): nouns that name actors

    def resolve(self, tok) -> list[str]:
        """The entity ids ``tok`` stands for."""
        return self.resolver.resolve(tok)

    def resolve_modifier(self, tok) -> list[str]:
        """The entity ids a modifier stands for ("Russian" -> Russia)."""
        return self.resolver.resolve_modifier(tok)

    def resolve_source(self, tok) -> list[str]:
        """The entity ids of a speaker; an unnamed one ('the poll') is made an entity."""
        return self.resolver.resolve_source(tok)


def find_events(ctx: Context, triggers: TriggerIndex) -> list[Event]:
    seen = set()
    # the lexicon first (one lookup per token), the sentence (costly per token) only for the words it knows
    candidates = [(tok, t) for tok in ctx.doc if (t := triggers.match(tok)) is not None]
    candidates = [
        (tok, t) for tok, t in candidates if tok.sent.start not in ctx.skip_sents and not _inside_name(ctx, tok)
    ]
    # a bare 'spoke' is talks only with two speakers: it does not swallow 'spoke at a joint briefing'
    verbs = {tok.i: t.type for tok, t in candidates if tok.pos_ == "VERB" and not readouts.mutual(t)}
    by_index = {tok.i: t.type for tok, t in candidates}
    pairs = []
    for tok, entry in candidates:
        if tok.pos_ != "VERB" and _governed_by_same(tok, entry.type, verbs):
            continue
        if tok.pos_ == "VERB" and _purpose_of_same(tok, entry.type, by_index):
            continue
        if tok.pos_ != "VERB" and any(by_index.get(p.i) == entry.type for p in nominal.of_objects(tok)):
            continue  # "its war of aggression": one act, told by the inner noun (which takes the outer's owner)
        if _names_a_kind(ctx, tok) or readouts.not_an_event(tok, entry) or senses.names_no_event(tok, entry):
            continue
        if entry.type == "ASSAULT" and fights_for_a_cause(tok):
            continue
        # the participants first: modality and sources (costly) only for the words that make an event
        actors, recipients, locations = args = _arguments(ctx, tok, entry, by_index)
        recipients = [r for r in recipients if r not in actors]
        verb_at_place = locations and (tok.pos_ == "VERB" or nominal.an_attack(tok, entry.type))
        if not (actors or recipients or verb_at_place or _stated_agent(ctx, tok, entry.type)):
            continue  # an event word with no participant in the text ("the war", "aid") is not a claim about anyone
        if entry.type in _NEEDS_RECIPIENT and not recipients and len(actors) < 2:
            # "support the claim": support needs someone supported ("A and B upgraded ties": each other); a
            # readout's "he expressed his condolences" is addressed to the other party of the call
            recipients = ctx.resolver.addressee(actors)
            if not recipients and not nominal.backs_an_act(tok, by_index):
                continue  # "backed the ceasefire", "affirmed its support for the deal": a stance on a stated act
            args = (actors, recipients, locations)
        if readouts.speech_not_talks(entry, actors, recipients, lambda eid: ctx.table.get(eid).type):
            continue  # "spoke to President Herzog" is a call; "spoke to reporters", "Biden spoke" are speech
        key = (entry.type, tok.idx)
        if key not in seen:
            seen.add(key)
            pairs.append((tok, _event(ctx, tok, entry, args)))
    speaker_of = lambda verb: _verb_actors(ctx, verb)  # noqa: E731
    time_of = lambda tok: event_time(ctx.doc, ctx.date, tok, future=False)  # noqa: E731
    speech = {
        "speaker_of": speaker_of,
        "is_speech": ctx.cues.is_speech,
        "time_of": time_of,
        "support_verb": _support_verb,
        "speaks_for": lambda verb, actors: commitments.speaks_for(ctx.table.entries, verb, actors),
    }
    pairs = commitments.with_speech_acts(repeats.once(commitments.without_restated(pairs)), **speech)
    # refusals: also of acts kept as no event for want of a named participant ("would not recognise the new
    # government"); the few negated futures are built again here, the rest cost one check each
    declined = [
        (tok, _event(ctx, tok, entry, _arguments(ctx, tok, entry, by_index)))
        for tok, entry in candidates
        if entry.type in commitments.REFUSABLE and commitments.refusing_verb(tok, _support_verb) is not None
    ]
    pairs = commitments.with_refusals(pairs, declined, stated_agent=lambda v: _stated_agent(ctx, v, "REJECT"), **speech)
    asked = commitments.demands(
        [t for t in ctx.doc if t.lower_ in ("must", "should") and t.sent.start not in ctx.skip_sents],
        resolve=ctx.resolve,
        speaker_of=speaker_of,
        is_speech=ctx.cues.is_speech,
        sources_of=lambda tok: claims.sources(tok, ctx.resolve_source, ctx.cues)[0],
        time_of=time_of,
        article_id=ctx.article_id,
    )
    taken = {(e.type, e.evidence.start) for _tok, e in pairs}
    pairs += [(tok, e) for tok, e in asked if (e.type, e.evidence.start) not in taken]
    return [_restated_by_holder(ctx, tok, e) for tok, e in sorted(pairs, key=lambda p: p[0].i)]


def _restated_by_holder(ctx: Context, tok, event: Event) -> Event:
    """'He reiterated the need for a ceasefire', 'she underscored that Y must withdraw': restating a position is
    taking it, so the holder is the act's actor and the article tells it (docs/attribution.md); an outer source
    stays ('the chancellery said Biden reiterated ...'). A readout's principal restates her state's position too
    ('President Roe underscored Ruritania's support'). Meetings are acts, not positions."""
    if event.type not in _VERBAL_TYPES - {"CONSULT"} or event.modality != "asserted" or not claims.restated(tok):
        return event
    holders = set(event.actors)
    kept = tuple(s for s in event.sources if s not in holders and not holders & set(ctx.resolver.side_of(s)))
    return event if kept == event.sources else dataclasses.replace(event, sources=kept)


def _names_a_kind(ctx: Context, tok) -> bool:
    """'aid groups', 'war games', 'war crimes', 'protest leaders', 'attack helicopters': an event noun that says
    what kind of actor or thing its head is names no event ('aid package' keeps its aid: a package is no kind)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "compound" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head.lemma_.lower()
    return head in words.ACTOR_NOUNS or head in ctx.agent_nouns or head in words.KIND_NOUNS


def _stated_agent(ctx: Context, tok, etype: str) -> bool:
    """Whether a verb's subject names someone kg has no entity for ("the radical Islamic Jihad movement
    rejected ...", "doctors from two American aid groups donated ...", "the junta imposed ..."), or the weapon
    of an attack whose user is not stated ("a car bomb exploded, killing three"): the event is stated, its
    agent unknown to kg, so it keeps its type with no actor. "Troops arrived" names nobody."""
    if etype in _VICTIM_TYPES and tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children):
        return True  # "five people were killed", "the convoy was shelled": the victims are stated, the agent not
    if tok.pos_ != "VERB":  # "the guerrillas' threat", "the rejection by the junta": the noun's own agent
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
        if any(_names_someone(ctx, o) for o in owners):
            return True
    verb = tok if tok.pos_ == "VERB" else _support_verb(tok)  # "X organized a general strike"
    for _ in range(3):  # "the rebels vowed to continue fighting": the controller's subject
        if verb is None:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] + _agents(verb)  # a passive's subject undergoes it
        if not subjects and verb.dep_ == "conj":  # "... has been indicted and will resign"
            subjects = _shared_passive_subject(verb.head, verb)
        if not subjects and verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "the party boycotted ... and rejected"
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subjects:
            weapon = etype == "ASSAULT" and any(s.lemma_.lower() in words.WEAPON_NOUNS for s in subjects)
            bare = etype in _BARE_AGENT_TYPES and any(_bare_agent(ctx, s) for s in subjects)
            return weapon or bare or any(_names_someone(ctx, s) for s in subjects)
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.pos_ != "VERB":
            return False
        verb = verb.head
    return False


def _names_someone(ctx: Context, head) -> bool:
    if head.pos_ == "PROPN" or head.ent_type_ in _NAMING_ENTS:
        return True
    if head.lower_ in _PERSONAL_PRONOUNS:  # "he rejected the demand": someone the story has in view
        return True
    counted = head.lower_ in _NUMBER_WORDS  # "thousands of farmers"
    if counted:
        head = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children), head)
        if head.ent_type_ == "NORP" or head.pos_ == "PROPN":  # "thousands of Ukrainians": a people
            return True
    lemma = head.lemma_.lower()
    if not (lemma in ctx.agent_nouns or lemma in words.ACTOR_NOUNS or lemma in _POLITY_NOUNS):
        return False
    named = any(t.pos_ == "PROPN" or t.ent_type_ in _NAMING_ENTS for t in head.subtree)
    # "the junta", "the two sides", "his country": someone the story has in view; a bare plural ("scholars
    # agree", "7,000 extra troops arrived") names nobody in particular
    definite = any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in head.children)
    return named or definite or counted


def _bare_agent(ctx: Context, head) -> bool:
    """'militants', 'riot police', 'protesters': a plural (or mass) noun kg knows as a kind of actor."""
    return head.lemma_.lower() in ctx.agent_nouns and (head.tag_ == "NNS" or head.lower_ == "police")


def _inside_name(ctx: Context, tok) -> bool:
    eid = ctx.table.by_token.get(tok.i)
    return eid is not None and eid not in ctx.table.roles


def _purpose_of_same(tok, etype: str, triggers: dict[int, str]) -> bool:
    """'$205 million in aid to Ukraine to help the country': a clause saying what an event of the same type is
    for is that event again, not another one."""
    if tok.dep_ not in ("advcl", "acl", "xcomp", "relcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return False
    for node in _heads(tok, 3):
        if triggers.get(node.i) == etype:
            return True
        if node.pos_ in ("VERB", "AUX"):  # "announced ... aid to Ukraine to help": the aid the verb governs
            own = {t.i for t in tok.subtree}
            objects = [c for c in node.children if c.dep_ in ("dobj", "attr") and c.i not in own]
            return any(triggers.get(t.i) == etype for o in objects for t in o.subtree if t.i not in own)
    return False


def _governed_by_same(tok, etype: str, verbs: dict[int, str]) -> bool:
    """'provide aid': the noun repeats the verb's event; keep only the verb."""
    for node in _heads(tok, 3):
        if verbs.get(node.i) == etype:
            return True
        if node.pos_ == "VERB":
            return False
    return False


def _heads(tok, most: int):
    """The token's head, its head's head... up to ``most`` of them, stopping at the root."""
    for _ in range(most):
        if tok.head.i == tok.i:
            return
        tok = tok.head
        yield tok


def _event(ctx: Context, tok, entry: Trigger, arguments: tuple[list[str], list[str], list[str]]) -> Event:
    sent = tok.sent
    actors, recipients, locations = arguments
    modality, why_mod = claims.modality(tok, ctx.cues)
    bodies = [a for a in actors if ctx.table.get(a).type != "Person"]
    source_ids, why_src = claims.sources(tok, ctx.resolve_source, ctx.cues, bodies=bodies)
    if entry.type in _VERBAL_TYPES and (claims.performative(tok) or ctx.cues.is_speech(tok)):
        # '"We call for a ceasefire," Blinken said': saying it is the act, and the caller is its actor, not its
        # source; 'Cuban said he supports Obama' stays Cuban's claim; 'Yellen spoke to X': speaking is the talks
        source_ids = [s for s in source_ids if s not in actors]
    quantity = event_quantity(ctx.doc, tok)
    time = event_time(ctx.doc, ctx.date, tok, future=modality == "planned")
    evidence = _sentence_span(ctx.doc, sent)
    trigger = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    explain = (
        f"trigger '{tok.text}' = {entry.lemma}/{entry.pos} -> {entry.type}"
        + (f"/{entry.mode}" if entry.mode else "")
        + (
            f" (requires {'; '.join(d + ':' + '|'.join(sorted(ls)) for d, ls in entry.requires)})"
            if entry.requires
            else ""
        ),
        f"modality {modality}: {why_mod}",
        "sources: " + ("; ".join(why_src) if source_ids else "none (the article's own voice)"),
    )
    confidence = 0.4 + 0.15 * (tok.pos_ == "VERB") + 0.15 * bool(actors) + 0.1 * bool(entry.requires)
    confidence += 0.1 * bool(recipients or locations)
    return Event(
        id="v" + content_id(ctx.article_id, entry.type, tok.idx, length=10),
        type=entry.type,
        mode=entry.mode,
        trigger=trigger,
        evidence=evidence,
        modality=modality,
        actors=tuple(actors),
        recipients=tuple(r for r in recipients if r not in actors),
        locations=tuple(locations),
        quantity=quantity,
        time=time,
        sources=tuple(source_ids),
        confidence=min(confidence, 0.95),
        explain=explain,
    )


def _sentence_span(doc, sent) -> Span:
    # sent.text builds only this sentence; doc.text would rebuild the whole article once per event
    text = sent.text
    stripped = text.lstrip()
    start = sent.start_char + len(text) - len(stripped)
    stripped = stripped.rstrip()
    return Span(stripped, start, start + len(stripped))


# -- arguments ---------------------------------------------------------------------------------


def _arguments(
    ctx: Context, tok, entry: Trigger, event_words: dict[int, str]
) -> tuple[list[str], list[str], list[str]]:
    if tok.pos_ == "VERB":
        actors = _verb_actors(ctx, tok)
        cause = None if actors else nominal.passive_cause(tok, event_words, entry.type)
        if cause is not None:  # "five people were killed in Russian strikes": the strikes' owner did it
            actors = _noun_actors(ctx, cause, entry)
        if not actors and entry.type in _STANCE_TYPES and not _agents(tok):
            # "the US was committed to preventing a conflict": a passive of stance holds its subject's stance
            actors = _ids(ctx, [c for c in tok.children if c.dep_ == "nsubjpass"])
        objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        if tok.dep_ == "amod" and tok.tag_ == "VBN":
            objects = [tok.head]
        if not objects and entry.type in _GIVE_TYPES:
            # "civilians were killed in a bombing": the passive subject undergoes the act, and the event keeps
            # its type with no actor when the text names none (never guessed); not "was committed to"
            objects = [c for c in tok.children if c.dep_ == "nsubjpass"]
        recipients = _ids(ctx, objects)
        restated = nominal.restated_stances(tok, objects)
        if restated:
            # "reiterated President Biden's concerns", "affirmed the U.S. commitment to Israel's security": a
            # stance restated is its owner's (who holds it with the speaker), and is toward whom it is for
            actors = _unique(actors + [i for o in restated for i in _noun_modifier_actors(ctx, o)])
            recipients = _unique(recipients + [i for o in restated for i in _stance_targets(ctx, o)])
        elif not recipients:  # "welcomed Ukraine's commitment": the owner of the object
            owners = [p for o in objects for p in o.children if p.dep_ == "poss"]
            # "dismissed comments made by Scholz": the author a participle names owns the object
            owners += [
                p for o in objects for c in nominal.participle_phrases(o) if c.lower_ == "by" for p in c.children
            ]
            recipients = _ids(ctx, [p for p in owners if p.lower_ not in ("my", "our")])
            if not _subjects(tok) and tok.dep_ not in ("xcomp", "advcl"):  # "..., and reiterate our support"
                actors = actors or _ids(ctx, [p for p in owners if p.lower_ in ("my", "our")])  # its owner's stance
        if not recipients and entry.type == "SUPPORT":  # "reaffirmed our support for Ukraine": whom it is for
            stances = [o for o in objects if event_words.get(o.i) == "SUPPORT"]
            whom = [p for o in stances for c in o.children if c.lower_ in ("for", "to") for p in c.children]
            recipients = _ids(ctx, [p for p in whom if p.dep_ == "pobj"])
        if not recipients and entry.type == "REQUEST":  # "demanded that Iran cease": who is asked to act
            recipients = _ids(ctx, [s for c in tok.children if c.dep_ == "ccomp" for s in _subjects(c)])
        if not recipients and entry.type in _STANCE_ON_ACTS:
            # "welcomed the agreement between Iraq and Turkey", "condemned Russian strikes": the parties of the
            # act taken a stance on
            acts = [o for o in objects if o.i in event_words]
            recipients = _ids(ctx, [p for o in acts for p in nominal.party_phrases(o)])
            recipients = recipients or [i for o in acts for i in _noun_modifier_actors(ctx, o)]
        if entry.type == "MOBILIZE":
            recipients = []
        if entry.type == "CONSULT" and tok.lemma_.lower() in _MEETING_VERBS:  # "hosted X", "met X": X meets too
            actors, recipients = _unique(actors + recipients), []
    else:
        actors = _noun_actors(ctx, tok, entry)
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if not actors and head is not None and event_words.get(head.i) == entry.type:  # "its war of aggression"
            actors = _noun_actors(ctx, head, entry)
        # "the need for Israel to act": who is to act, in a clause the parser marks with 'for'
        asked = [c for c in tok.children if c.dep_ in ("advcl", "acl") and any(m.lower_ == "for" for m in c.children)]
        recipients = _ids(ctx, [s for c in asked for s in _subjects(c)]) if entry.type == "REQUEST" else []
    if entry.type in _JOINT_TYPES and actors:  # "A, together with B, co-chaired the meeting": B too
        actors += nominal.companions(tok.sent, lambda t: _ids(ctx, [t]))
    preps = [c for c in [*tok.children, *nominal.stray_modifiers(tok)] if c.dep_ in ("prep", "dative")]
    if tok.pos_ != "VERB":  # "the strikes launched against X", "aid provided to Y": the participle's are the noun's
        preps += [c for c in nominal.participle_phrases(tok) if c.lower_ != "by"]
    if tok.pos_ == "VERB":  # "reiterated their support for Israel": the verb's object is the same event
        same = [o for o in tok.children if o.dep_ == "dobj" and event_words.get(o.i) == entry.type]
        preps += [c for o in same for c in o.children if c.dep_ == "prep" and c.i > o.i]
    verb = _support_verb(tok) if tok.pos_ != "VERB" else None
    if verb is not None and entry.type in _GIVE_TYPES:  # "provided $2 billion in aid to Ukraine"
        preps += [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")]
    if entry.type == "MOBILIZE":  # "deploy troops to Ukraine": the place, the troops' destination
        preps += [c for o in tok.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"]
    locations = []
    for prep in preps:
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        # "support for Ukraine's fight": the owner of what the preposition names, where that is no one
        ids = _ids(ctx, objs) or _ids(ctx, [p for o in objs for p in o.children if p.dep_ == "poss"])
        word = prep.lower_
        if tok.pos_ != "VERB" and word == "of" and entry.type not in _JOINT_TYPES:
            recipients += ids
        elif word == "with" and (entry.type == "CONSULT" or entry.type in _JOINT_TYPES and tok.pos_ != "VERB"):
            # "spoke / met with X": talks are both sides' act (PLOVER codes CONSULT's parties as actors)
            actors += [i for i in ids if i not in actors]
        elif word in _SIDE_PREPS and entry.type == "SUPPORT" and tok.pos_ == "VERB":  # "stands with / behind X"
            recipients += ids
        elif word == "with" and entry.type in _JOINT_TYPES:
            recipients += ids
        elif word == "to" and entry.type == "CONSULT" and readouts.SPOKEN_TO in entry.requires:
            actors += [i for i in ids if i not in actors]  # "spoke to X" as "spoke with X": both talk
        elif word == "of" and entry.type == "CONSULT":  # "a meeting of the council": the council meets
            actors += [i for i in ids if i not in actors]
        elif word in ("to", "for") and entry.type in _GIVE_TYPES:
            recipients += ids
        elif word in _RECIPIENT_PREPS:
            recipients += ids
        elif word in words.LOCATIVE_PREPS and word != "from":
            locations += [i for i in ids if ctx.table.get(i).type in ("Place", "Country")]
    return _unique(actors), _unique(recipients), _unique(locations)


def _stance_targets(ctx: Context, stance) -> list[str]:
    """Whom a stance is toward: the entity named, else the owner of what is named ('to Estonia's security')."""
    return _unique([i for obj, owners in nominal.stance_objects(stance) for i in _ids(ctx, [obj]) or _ids(ctx, owners)])


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _ids(ctx: Context, tokens) -> list[str]:
    out = []
    for t in tokens:
        for head in [t, *_conjuncts(t)]:
            out.extend(ctx.resolve(head))
    return _unique(out)


def _conjuncts(tok):
    for c in tok.children:
        if c.dep_ == "conj":
            yield c
            yield from _conjuncts(c)


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]


def _agents(verb) -> list:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _verb_actors(ctx: Context, verb) -> list[str]:
    if verb.dep_ == "amod" and verb.tag_ == "VBN":  # "Russian-occupied Ukraine": Ukraine undergoes it
        return [i for c in verb.children if c.dep_ in ("npadvmod", "compound", "amod") for i in ctx.resolve(c)]
    if verb.dep_ == "amod":  # "occupying Russian forces": the forces occupy
        return _ids(ctx, [verb.head])
    node, came_from = verb, None
    for _ in range(5):
        controller = _object_controller(ctx, node, came_from)
        if controller:
            return controller
        if came_from is not None and came_from.lower_ == "in" and node.lemma_.lower() == "join":  # "A joined B in"
            return _ids(ctx, _subjects(node) + [c for c in node.children if c.dep_ == "dobj"])
        shared = _shared_passive_subject(node, came_from)
        if shared:  # "the minister has been indicted and will resign": the indicted one resigns
            return _ids(ctx, shared)
        if came_from is not None and came_from.dep_ == "xcomp" and not _subjects(node):
            # "X is expected / was asked / was forced to arrive": the passive's subject does the act
            raised = [c for c in node.children if c.dep_ == "nsubjpass"]
            if raised:
                return _ids(ctx, raised)
        if came_from is not None and nominal.about_an_intent(node, came_from):  # "Poland's efforts to coordinate"
            owners = _noun_modifier_actors(ctx, node) + _ids(ctx, nominal.of_objects(node))
            if owners:
                return _unique(owners)
        found = _ids(ctx, _subjects(node) + _agents(node))
        if _agents(node):  # "areas besieged by the regime": the agent is stated, known or not (never guessed)
            return found
        if found or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and node is not verb:
            return found
        infinitival_relcl = node.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if (
            node.dep_ not in ("xcomp", "acomp", "conj", "acl", "pcomp", "prep", "pobj", "advcl", "dobj", "ccomp")
            and not infinitival_relcl
        ):
            return []
        if node.dep_ == "ccomp" or (node is not verb and ctx.cues.is_speech(node.head) and not _adjunct(node)):
            return []
        if node.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return []  # "when the dam was blown up, he blamed Ukraine": a clause with its own subject
        node, came_from = node.head, node
    return []


def _adjunct(node) -> bool:
    """'announced his escalation since invading Ukraine', 'said after meeting X': a gerund in a phrase of time or
    manner on a verb of saying is the speaker's own act, not the content of the speech."""
    return node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS and any(c.dep_ == "pcomp" for c in node.children)


def _shared_passive_subject(node, came_from) -> list:
    """The passive subject of a verb that an active conjunct (not a participle) shares."""
    if came_from is None or came_from.dep_ != "conj" or came_from.tag_ == "VBN" or _subjects(node):
        return []
    return [c for c in node.children if c.dep_ == "nsubjpass"]


def _object_controller(ctx: Context, node, came_from) -> list[str]:
    """'urge Russia to withdraw', 'accuse Russia of planning': the object does the embedded act."""
    if came_from is None or node.pos_ != "VERB" or came_from.dep_ not in ("xcomp", "prep", "advcl"):
        return []
    if came_from.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in came_from.children):
        return []  # "X shelled Y, killing five": a participle's understood subject is the main clause's, not Y
    if came_from.dep_ == "prep" and came_from.lower_ not in ("of", "to", "into", "for"):  # "thank X for helping"
        return []
    objects = [c for c in node.children if c.dep_ == "dobj"]
    if not objects and came_from.dep_ in ("xcomp", "advcl"):  # "call on Russia to withdraw": who is called on
        objects = [p for c in node.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for p in c.children]
        objects = [p for p in objects if p.dep_ == "pobj"]
    return _ids(ctx, objects)


def _governing_verb(noun):
    """(verb, first preposition on the way) for an event noun that is an object or prepositional object
    within three steps of a verb: 'provided ... aid' -> (provided, 'in'); else (None, None)."""
    node, prep = noun, None
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "launched a mediation effort"
        node = noun.head
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "conj") or node.head.i == node.i:
            return None, None
        node = node.head
        if node.dep_ == "prep" and prep is None:
            prep = node.lower_
        if node.pos_ in ("VERB", "AUX"):
            return node, prep
    return None, None


def _support_verb(noun):
    """The light verb an event noun is the object of: 'provided ... aid', 'launched an offensive'."""
    verb, _ = _governing_verb(noun)
    return verb if verb is not None and _supports(verb, noun) else None


def _supports(verb, noun) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in words.SUPPORT_VERBS and (lemma not in words.OBJECT_SUPPORT_VERBS or noun.head.i == verb.i)


def _noun_modifier_actors(ctx: Context, noun) -> list[str]:
    """Who the modifiers of an event noun name: 'Russia's / Russian strikes', 'strikes from Russia'."""
    ids = []
    for c in [*noun.children, *nominal.stray_modifiers(noun)]:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i:
            ids += ctx.resolve(c) or (ties.antecedent(ctx, c) if c.lower_ == "its" else [])  # "Russia ... its war"
            if c.dep_ in ("compound", "nmod") and not ids:  # "Russian / Russia's missile strikes": the weapon's owner
                ids += [i for m in c.children if m.dep_ in ("amod", "poss") for i in ctx.resolve(m)]
        elif c.dep_ == "amod":
            ids += ctx.resolve(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            ids += _ids(ctx, [p for p in c.children if p.dep_ == "pobj"])
    # "the war waged by Russia", "the support provided by Japan": the agent of a participle on the noun
    by = [c for c in nominal.participle_phrases(noun) if c.lower_ == "by"]
    ids += _ids(ctx, [p for c in by for p in c.children if p.dep_ == "pobj"])
    return _unique(ids)


def _noun_actors(ctx: Context, noun, entry: Trigger) -> list[str]:
    # "talks between A and B", "attacks on Israel by Hezbollah": the parties named by a preposition
    ids = _noun_modifier_actors(ctx, noun) + _ids(ctx, nominal.party_phrases(noun))
    if ids:
        return _unique(ids)
    if readouts.carried(entry):  # "stressed the need for X to ...": the stresser asks
        head = noun.head.head if noun.head.dep_ in ("prep", "agent") else noun.head
        return _verb_actors(ctx, head) if head.pos_ in ("VERB", "AUX") else []
    # "announced $205 million in aid": the announcer gives the aid; "agreed in a phone call": the callers
    verb, prep = _governing_verb(noun)
    if verb is None:
        return []
    setting = entry.type in _JOINT_TYPES and prep in ("in", "at", "during", "on", "after")
    setting = setting or (entry.type in _JOINT_TYPES and prep == "for" and verb.lemma_.lower() in _TRAVEL)
    if not _supports(verb, noun) and not setting:
        return []  # "outlined his vision for guarantees": the speaker is not the guarantor
    found = _ids(ctx, _subjects(verb) + _agents(verb))
    if not found and (verb.dep_ == "conj" or _participle_clause(verb)):
        # "massed troops and launched an offensive", "X invaded Y, continuing the aggression": the shared subject
        found = _verb_actors(ctx, verb)
    return found


def _participle_clause(verb) -> bool:
    """'..., continuing the aggression': a clause of a present participle with no subject of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not _subjects(verb)
