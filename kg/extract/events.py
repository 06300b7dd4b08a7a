"""PLOVER events: triggers from the lexicon, and their actors, recipients, locations,
quantity and time from the dependency parse."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kg.extract import (
    background,
    claims,
    commitments,
    condemnations,
    factuality,
    judgments,
    nominal,
    participants,
    quotes,
    readouts,
    repeats,
    senses,
    unheld,
    weapons,
    words,
)
from kg.extract.arguments import agents as _agents
from kg.extract.arguments import arguments as _arguments
from kg.extract.arguments import shared_passive_subject as _shared_passive_subject
from kg.extract.arguments import support_verb as _support_verb
from kg.extract.arguments import verb_actors as _verb_actors
from kg.extract.event_time import event_time
from kg.extract.lexicons import Trigger
from kg.extract.quantities import event_quantity
from kg.extract.ties import tokens_of
from kg.extract.triggers import TriggerIndex, fights_for_a_cause
from kg.graph.records import Event, Span, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.entities import EntityTable

_NEEDS_RECIPIENT = {"SUPPORT"}
_VICTIM_TYPES = {"ASSAULT", "COERCE"}
_MOVED_TYPES = _VICTIM_TYPES | {"MOBILIZE"}  # acts whose passive subject states them: the victims, the forces moved
_VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
_NAMING_ENTS = {"NORP", "ORG", "PERSON", "GPE", "FAC"}
_PERSONAL_PRONOUNS = {"he", "she", "they", "we"}  # not "it": often a state kg already failed to resolve
_POLITY_NOUNS = {"country", "nation"}  # "his country would not hesitate": the speaker's state
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# a doer told by a pronoun ('she met', 'our march'); not "it", often a state kg already failed to resolve
_DOER_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "my", "our", "your", "his", "her", "their"})
_NUMBER_WORDS = {"thousands", "hundreds", "dozens", "millions", "billions", "tens"}
# acts whose doers news names by a bare plural ("gunmen opened fire", "protesters blocked roads", "police arrested"):
# there the plural is the stated agent, not the vague "troops arrived" / "historians agree"
_FORCE_TYPES = {"ASSAULT", "COERCE"}
_BARE_AGENT_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
_HAPPENING_TYPES = {"ASSAULT", "PROTEST"}  # what may be told to happen with no party named
# military exercises, which PLOVER codes COOPERATE when held jointly (by two or more actors), MOBILIZE when alone
# words of a demand: 'Y must / should', and a statement's own 'Y needs to / has to' (commitments.demands)
_DEMANDING = frozenset({"must", "should", "need", "needs", "needed", "have", "has", "had"})
_COURTESIES = frozenset({"honor", "honour", "pleasure", "privilege"})  # "it is an honor to welcome you"
_EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "game", "wargame"})


class Resolver(Protocol):
    """Which entities a token stands for (kg.extract's resolver: mentions, pronouns, demonyms, groups)."""

    def resolve(self, tok) -> list[str]: ...

    def resolve_modifier(self, tok) -> list[str]: ...

    def bloc(self, tok) -> list[str]: ...

    def resolve_source(self, tok) -> list[str]: ...

    def addressee(self, actors: list[str]) -> list[str]: ...

    def side_of(self, eid: str) -> list[str]: ...

    def own_voice(self, tok) -> list[str]: ...
    def author_at(self, tok) -> list[str]: ...


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

    def tellers(self, tok) -> list[str]:
        """Who tells ``tok``, outermost first: its sources, else the speaker of a statement's own words there."""
        return claims.sources(tok, self.resolve_source, self.cues)[0] or self.resolver.own_voice(tok)[:1]


def find_events(ctx: Context, triggers: TriggerIndex) -> list[Event]:
    seen = set()
    # the lexicon first (one lookup per token), the sentence (costly per token) only for the words it knows
    candidates = [
        (tok, weapons.retyped(tok, commitments.restated_stance(tok, senses.retyped(tok, t))))
        for tok in ctx.doc
        if (t := triggers.match(tok)) is not None
    ]
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
        if tok.pos_ != "VERB" and by_index.get(getattr(participants.renamed(tok), "i", -1)) == entry.type:
            continue  # "described its invasion as a special operation": one act, named twice
        addressed = lambda you: bool(ctx.resolve(you))  # noqa: E731
        if (
            _names_a_kind(ctx, tok)
            or readouts.not_an_event(tok, entry)
            or background.names_no_act(tok, entry.type)
            or senses.names_no_event(tok, entry, by_index, addressed=addressed)
            or unheld.names_no_act(tok, entry.type)
        ):
            continue
        if entry.type == "ASSAULT" and fights_for_a_cause(tok):
            continue
        # the participants first: modality and sources (costly) only for the words that make an event
        actors, recipients, locations = args = _arguments(ctx, tok, entry, by_index)
        if not actors and _speakers_own(tok):  # "Welcome back to the White House.": the speaker welcomes
            actors = ctx.resolver.own_voice(tok)[:1]
            args = (actors, recipients, locations)
        recipients = [r for r in recipients if r not in actors]
        verb_at_place = locations and (
            tok.pos_ == "VERB" or nominal.an_attack(tok, entry.type) or nominal.happening_verb(tok) is not None
        )
        if not (actors or recipients or verb_at_place or _told_to_happen(tok, entry.type)) and not _stated_agent(
            ctx, tok, entry.type
        ):
            continue  # an event word with no participant in the text ("the war", "aid") is not a claim about anyone
        if not actors and judgments.is_judgment(tok, entry):
            continue  # "Orban made a mistake" in the article's voice: a judgment with no judge
        if not actors and entry.type in _VERBAL_TYPES and not _agent_in_view(ctx, tok, entry.type):
            # "the support for Ukraine is being maintained", "a call for restraint": a stance, a promise or a demand
            # is someone's; told of no one, it states no one's act
            continue
        if not actors and entry.type not in _VICTIM_TYPES and _unresolved_doer(tok):
            continue  # "she had met survivors", "we will discuss it": the doer is stated, kg does not know who
        if entry.type in _NEEDS_RECIPIENT and not recipients and len(actors) < 2:
            # "support the claim": support needs someone supported ("A and B upgraded ties": each other); a
            # readout's "he expressed his condolences" is addressed to the other party of the call
            recipients = ctx.resolver.addressee(actors)
            if not recipients and not nominal.backs_an_act(tok, by_index):
                continue  # "backed the ceasefire", "affirmed its support for the deal": a stance on a stated act
            args = (actors, recipients, locations)
        if entry.type == "MOBILIZE" and tok.lemma_.lower() in _EXERCISES and len(set(actors)) > 1:
            entry = dataclasses.replace(entry, type="COOPERATE", mode="military")  # "A and B held drills": joint
        if readouts.journey_of_nobody(entry, actors, lambda eid: ctx.table.get(eid).type):
            continue
        if readouts.speech_not_talks(entry, actors, recipients, lambda eid: ctx.table.get(eid).type):
            continue  # "spoke to President Herzog" is a call; "spoke to reporters", "Biden spoke" are speech
        key = (entry.type, tok.idx)
        if key not in seen:
            seen.add(key)
            pairs.append((tok, _event(ctx, tok, entry, args)))
    pairs = [(tok, _as_refusal(ctx, e) if senses.refuses_acceptance(tok, e) else e) for tok, e in pairs]
    speaker_of = lambda verb: _verb_actors(ctx, verb)  # noqa: E731
    time_of = lambda tok: event_time(ctx.doc, ctx.date, tok, future=False)  # noqa: E731
    speech = {
        "speaker_of": speaker_of,
        "is_speech": ctx.cues.is_speech,
        "time_of": time_of,
        "support_verb": _support_verb,
        "speaks_for": lambda verb, actors: commitments.speaks_for(ctx.table.entries, verb, actors),
    }
    pairs = commitments.with_contents_folded(commitments.without_restated(pairs))
    telling_word = lambda tok: claims.telling_word(tok, ctx.cues)  # noqa: E731
    pairs = senses.allegations(repeats.known_doers(repeats.once(pairs)), telling_word)
    pairs = condemnations.condemnations(pairs, telling_word, lambda tok: _quotation_verb(ctx, tok))
    pairs = commitments.with_speech_acts(pairs, **speech)
    # refusals: also of acts kept as no event for want of a named participant ("would not recognise the new
    # government"); the few negated futures are built again here, the rest cost one check each
    declined = [
        (tok, _event(ctx, tok, entry, _arguments(ctx, tok, entry, by_index)))
        for tok, entry in candidates
        if entry.type in commitments.REFUSABLE and commitments.refusing_verb(tok, _support_verb) is not None
    ]
    pairs = commitments.with_refusals(pairs, declined, stated_agent=lambda v: _stated_agent(ctx, v, "REJECT"), **speech)
    asked = commitments.demands(
        list(tokens_of(ctx, lowers=_DEMANDING)),
        resolve=ctx.resolve,
        speaker_of=speaker_of,
        is_speech=ctx.cues.is_speech,
        sources_of=lambda tok: claims.sources(tok, ctx.resolve_source, ctx.cues)[0],
        time_of=time_of,
        article_id=ctx.article_id,
        voiced=ctx.resolver.own_voice,
    )
    pairs = unheld.without_offers(pairs)
    taken = {(e.type, e.evidence.start) for _tok, e in pairs}
    pairs += [(tok, e) for tok, e in asked if (e.type, e.evidence.start) not in taken]
    return [_restated_by_holder(ctx, tok, e) for tok, e in sorted(pairs, key=lambda p: p[0].i)]


def _quotation_verb(ctx: Context, tok):
    """The speech verb of the quotation ``tok`` is in ('"... its war of aggression," Borrell wrote'), or None."""
    quote = quotes.quote_at(ctx.doc, ctx.cues, tok.idx)
    return ctx.doc[quote.verb] if quote is not None and quote.verb is not None else None


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


def _as_refusal(ctx: Context, event: Event) -> Event:
    """A negated acceptance told as what it is: the refusal, asserted (see senses.refuses_acceptance)."""
    return dataclasses.replace(
        event,
        id="v" + content_id(ctx.article_id, "REJECT", event.trigger.start, length=10),
        type="REJECT",
        mode=None,
        modality="asserted",
        explain=(*event.explain, "refusal: a negated acceptance -> REJECT"),
    )


def _names_a_kind(ctx: Context, tok) -> bool:
    """'aid groups', 'war games', 'war crimes', 'protest leaders', 'attack helicopters': an event noun that says
    what kind of actor or thing its head is names no event ('aid package' keeps its aid: a package is no kind).
    So does a hyphened participle whose first part names no one: 'military-trained saboteurs' ('Russian-backed
    rebels' names who backs them)."""
    if tok.tag_ == "VBN" and tok.dep_ == "amod" and any(c.tag_ == "HYPH" for c in tok.children):
        return not any(ctx.resolve_modifier(c) for c in tok.lefts if c.dep_ in ("npadvmod", "compound", "amod"))
    if tok.pos_ != "NOUN" or tok.dep_ != "compound" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head.lemma_.lower()
    return head in words.ACTOR_NOUNS or head in ctx.agent_nouns or head in words.KIND_NOUNS


def _stated_agent(ctx: Context, tok, etype: str) -> bool:
    """Whether a verb's subject names someone kg has no entity for ("the radical Islamic Jihad movement
    rejected ...", "doctors from two American aid groups donated ...", "the junta imposed ..."), or the weapon
    of an attack whose user is not stated ("a car bomb exploded, killing three"): the event is stated, its
    agent unknown to kg, so it keeps its type with no actor. "Troops arrived" names nobody."""
    if etype in _MOVED_TYPES and tok.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in tok.children):
        # "five people were killed", "the convoy was shelled", "two battalions were deployed": who undergoes it is
        # stated, the agent not
        return True
    if etype in _VICTIM_TYPES and _undergoes(tok):
        return True  # "the convoy came under fire": the subject is the victim, as a passive's is
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


def _agent_in_view(ctx: Context, tok, etype: str) -> bool:
    """Whether the text has someone in view as the doer though kg has no entity for them: an agent it names ('the
    radical movement rejected'), the noun a participle describes ('a group backing Clinton'), a pronoun ('we will
    not end our support'), or, in a passive, the party it is done to ('Lewandowski would be charged')."""
    if tok.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in tok.children):
        return True
    doers = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
    return any(d.lower_ in _DOER_PRONOUNS for d in doers) or _stated_agent(ctx, tok, etype)


def _speakers_own(verb) -> bool:
    """'Welcome back to the Oval Office.', 'it is an honor to welcome you': a verb with no subject of its own that is
    its speaker's act, as an imperative of greeting or an infinitive of courtesy ('an honor to', 'a pleasure to')."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return verb.tag_ in ("VB", "VBP")  # the parser takes a sentence-opening imperative for a present
    head = verb.head
    return verb.dep_ in ("advcl", "xcomp", "acl", "relcl") and any(
        c.dep_ == "attr" and c.lemma_.lower() in _COURTESIES for c in [head, *head.children]
    )


def _undergoes(verb) -> bool:
    """'came under fire', 'fell under attack': a verb of undergoing whose subject suffers the act."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in ("come", "fall")
        and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _told_to_happen(tok, etype: str) -> bool:
    """'war could break out', 'fighting erupted', 'there is a fierce battle': a clause whose whole news is that the
    fighting or the protest happens states it, whoever its parties are (kept with no actor, never guessed)."""
    if tok.pos_ == "VERB" or etype not in _HAPPENING_TYPES:
        return False
    verb = nominal.happening_verb(tok)
    if verb is None and tok.dep_ == "attr" and tok.head.lemma_ == "be":
        verb = tok.head if any(c.dep_ == "expl" for c in tok.head.children) else None
    if verb is None or verb.dep_ == "advcl":
        return False
    # "since the war started", "should fighting begin": a time or a condition, not news of it
    return not any(c.dep_ == "mark" and c.lower_ != "that" or c.dep_ == "aux" and c.i < tok.i for c in verb.children)


def _unresolved_doer(tok) -> bool:
    """Whether the event's doer is a pronoun ('she', 'they', 'we', 'our march') that kg could not resolve though
    the text before it names who it is: the doer is stated, so an actor-less event would say it is not. A
    pronoun in a text's first sentence ("He rejected the demand.") names no one the text states: kept."""
    if tok.sent.start == 0:
        return False
    if tok.pos_ == "VERB":
        doers = [c for c in tok.children if c.dep_ == "nsubj"]
        if not doers and tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "the pontiff praised X and condemned Y"
            doers = [c for c in tok.head.children if c.dep_ == "nsubj"]
    else:
        doers = [c for c in tok.children if c.dep_ == "poss"]
    return any(d.lower_ in _DOER_PRONOUNS or _anaphoric_description(d) for d in doers)


def _anaphoric_description(head) -> bool:
    """'the pontiff', 'the two sides', 'this coalition': a definite description of no name takes up someone
    named before ("doctors from two aid groups", a name kg lacks, is new: kept)."""
    # a people's adjective describes ('the Argentinian pontiff'); a name in the phrase may be one kg lacks
    named = [t for t in head.subtree if t.pos_ == "PROPN" or t.ent_type_ in _NAMING_ENTS - {"NORP"}]
    if head.pos_ != "NOUN" or named:
        return False
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)


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
        if _kin(triggers.get(node.i), etype):  # "used water cannon to disperse the crowd": one use of force
            return True
        if node.pos_ in ("VERB", "AUX"):  # "announced ... aid to Ukraine to help": the aid the verb governs
            own = {t.i for t in tok.subtree}
            objects = [c for c in node.children if c.dep_ in ("dobj", "attr") and c.i not in own]
            return any(triggers.get(t.i) == etype for o in objects for t in o.subtree if t.i not in own)
    return False


def _kin(other: str | None, etype: str) -> bool:
    """Whether an event of type ``other`` tells the same act as one of ``etype`` when one is the other's purpose:
    the same type, or force used to coerce ('fired tear gas to disperse', 'shelled the town to drive them out')."""
    return other == etype or {other, etype} == _FORCE_TYPES


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
    modality, why_mod = factuality.modality(tok, ctx.cues)
    if modality == "negated" and any(dep == "neg" for dep, _ in entry.requires):
        modality, why_mod = "asserted", "the negation is the act ('will not tolerate')"
    happened = nominal.happening_verb(tok) if tok.pos_ != "VERB" else None
    if happened is not None and modality == "asserted":  # "war could break out": as the verb tells it happens
        modality, why_mod = factuality.modality(happened, ctx.cues)
    bodies = [a for a in actors if _acts_by_policy(ctx.table.get(a))]
    source_ids, why_src = claims.sources(tok, ctx.resolve_source, ctx.cues, bodies=bodies)
    if entry.type in _VERBAL_TYPES and (
        claims.performative(tok)
        or (ctx.cues.is_speech(tok) and not claims.told_within(tok, ctx.cues))
        or judgments.is_judgment(tok, entry)
    ):
        # '"We call for a ceasefire," Blinken said': saying it is the act, and the caller is its actor, not its
        # source; 'Cuban said he supports Obama' stays Cuban's claim; 'Yellen spoke to X': speaking is the talks,
        # but 'Reid said he had spoken with Y' (or said so in a quotation) is Reid's account of talks held before
        source_ids = [s for s in source_ids if s not in actors]
    quantity = event_quantity(ctx.doc, tok)
    time = event_time(ctx.doc, ctx.date, tok, future=modality in ("planned", "possible"))
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


# Nouns that name a collective of states or bodies, whose intention is policy ('most European countries plan to')
_BODY_COLLECTIVES = (
    words.STATE_NOUNS
    | words.ORG_NOUNS
    | frozenset(
        """country nation ally partner power capital neighbor neighbour institution organization organisation agency
        authority force troop army navy member bloc alliance delegation proxy""".split()
    )
)


def _acts_by_policy(entity) -> bool:
    """A state, an organisation, or a collective of them: its own intention is its policy (docs/attribution.md). A
    collective of people ('Democrats', 'the demonstrators', 'Sanders supporters') holds an intention as a person
    does: only they vouch for it."""
    if entity.type == "Person":
        return False
    if entity.type != "Group":
        return True
    parts = entity.name.lower().split()
    head = parts[-1] if parts else ""
    return head in _BODY_COLLECTIVES or words.singular(head) in _BODY_COLLECTIVES


def _sentence_span(doc, sent) -> Span:
    # sent.text builds only this sentence; doc.text would rebuild the whole article once per event
    text = sent.text
    stripped = text.lstrip()
    start = sent.start_char + len(text) - len(stripped)
    stripped = stripped.rstrip()
    return Span(stripped, start, start + len(stripped))
