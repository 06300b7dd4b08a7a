"""Who takes part in an event, where: the actors, recipients and locations of an event word, read from the
dependency parse (its subject and objects, the phrases of an event noun, the light verb that governs it, the
clause that controls it), resolved to entities through the article's resolver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import doers, judgments, misparses, nominal, participants, readouts, ties, words
from kg.extract.lexicons import Trigger

if TYPE_CHECKING:
    from kg.extract.events import Context

__all__ = ["agents", "arguments", "shared_passive_subject", "support_verb", "verb_actors"]

_RECIPIENT_PREPS = {"against", "on", "upon", "at", "toward", "towards", "over"}
_SIDE_PREPS = {"with", "behind", "by"}  # whom one stands with, behind, by
_GIVE_TYPES = {"AID", "SUPPORT", "CONCEDE", "REQUEST", "THREATEN", "ACCUSE", "SANCTION", "COERCE", "ASSAULT"}
_JOINT_TYPES = {"COOPERATE", "CONSULT", "AGREE"}
_STANCE_TYPES = {"AGREE"}
# passives that are a stance their subject holds ("was committed to"); "was invited" is done to its subject
_HELD_STANCES = frozenset({"commit", "dedicate", "determine", "resolve", "prepare", "bind", "oblige", "obligate"})
_UNDERGONE = frozenset({"die", "perish"})  # verbs whose subject undergoes the act: "soldiers died in the shelling"
_STANCE_ON_ACTS = {"SUPPORT", "ACCUSE", "REJECT"}  # verbs whose object may be someone's act
_OWN_ACT_TYPES = frozenset({"PROTEST", "REQUEST"})  # nouns whose 'of' phrase names who protests or demands
_TRAVEL = frozenset({"arrive", "come", "travel", "fly", "head", "go", "gather", "convene", "return"})  # "for talks"
# nouns of a decision or a step taken, whose 'of' phrase names who took it
_DECISIONS = frozenset({"decision", "move", "step", "initiative", "announcement", "vote", "choice", "resolve"})
_MEETING_VERBS = frozenset({"meet", "host", "receive"})  # whom one meets, hosts or receives is a party of the talks
# nouns that frame an act without being one: 'in the face of attacks', 'a wave of strikes', 'the threat of raids'
_FRAME_NOUNS = frozenset({"face", "wake", "aftermath", "midst", "wave", "series", "spate", "string", "threat", "risk"})
# what a state's stated aim is, is its own act: "Britain's goal was to impose tariffs", "its aim is to seize X"
_AIM_NOUNS = frozenset({"goal", "aim", "objective", "purpose", "intention", "plan", "mission", "task", "strategy"})
_AUTHORITY_NOUNS = frozenset(
    {"order", "orders", "instruction", "behalf", "command", "request", "initiative", "direction"}
)
_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})  # acts whose target's owner undergoes them
_RESPONDING_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer"})
# prepositions whose gerund is the act of the verb's object: 'accuse X of', 'thank X for', 'warn X against'
_CONTROL_PREPS = frozenset({"of", "to", "into", "for", "against", "from"})


def arguments(ctx: Context, tok, entry: Trigger, event_words: dict[int, str]) -> tuple[list[str], list[str], list[str]]:
    """(actors, recipients, locations) of the event ``tok`` names; ``event_words``: the article's event words by index."""
    if judgments.is_judgment(tok, entry):  # "Scholz said the strikes were unacceptable": Scholz criticises
        judges, judged = judgments.parties(
            tok,
            speaker_of=lambda verb: verb_actors(ctx, verb),
            sources_of=ctx.tellers,
            resolve=ctx.resolve,
            owners=lambda noun: _noun_modifier_actors(ctx, noun),
            author_at=ctx.resolver.author_at,
        )
        return judges, judged, []
    if tok.pos_ == "VERB":
        actors = verb_actors(ctx, tok)
        cause = None if actors else nominal.passive_cause(tok, event_words, entry.type)
        if cause is None and not actors:  # "Russian strikes killed five people": the act that did it, as subject
            cause = next((s for s in _subjects(tok) if s.pos_ == "NOUN" and event_words.get(s.i) == entry.type), None)
        if cause is not None:  # "five people were killed in Russian strikes": the strikes' owner did it
            actors = _noun_actors(ctx, cause, entry) or _told_before(ctx, cause, entry, event_words)
        if not actors and entry.type in _STANCE_TYPES and not agents(tok) and tok.lemma_.lower() in _HELD_STANCES:
            # "the US was committed to preventing a conflict": a passive of stance holds its subject's stance
            actors = _ids(ctx, [c for c in tok.children if c.dep_ == "nsubjpass"])
        objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        # "Russia shelled Kharkiv and Ukraine struck ...": the parser took the object for the next clause's subject
        objects += [s[0] for c in tok.children if (s := misparses.split_subject(c, lambda v: _takes_clause(ctx, v)))]
        if (tok.dep_ == "amod" and tok.tag_ == "VBN") or (not objects and nominal.reduced_passive(tok)):
            objects = [tok.head]  # "a militia backed by Rwanda": the militia is backed
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
            # "welcomed the decision of the House": the author an act noun's 'of' names owns it
            owners += [p for o in objects if o.lemma_.lower() in _DECISIONS for p in nominal.of_objects(o)]
            # "dismissed comments made by Scholz": the author a participle names owns the object
            owners += [
                p for o in objects for c in nominal.participle_phrases(o) if c.lower_ == "by" for p in c.children
            ]
            recipients = _ids(ctx, [p for p in owners if p.lower_ not in ("my", "our")])
            # "championed U.S. efforts to investigate", "welcomed efforts by donors to mobilize aid": who attempts it
            recipients = recipients or [i for o in nominal.attempts(objects) for i in _noun_modifier_actors(ctx, o)]
            if not recipients and entry.type in _TARGET_TYPES:  # "struck Houthi radar sites": whose they are
                recipients = _owners_named(ctx, objects, possessive=False)
            if not _subjects(tok) and tok.dep_ not in ("xcomp", "advcl"):  # "..., and reiterate our support"
                actors = actors or _ids(ctx, [p for p in owners if p.lower_ in ("my", "our")])  # its owner's stance
        if not recipients and entry.type == "SUPPORT":  # "reaffirmed our support for Ukraine", "stood firm in it"
            stances = [o for o in [*objects, *nominal.held_in(tok)] if event_words.get(o.i) == "SUPPORT"]
            whom = [p for o in stances for c in o.children if c.lower_ in ("for", "to") for p in c.children]
            recipients = _ids(ctx, [p for p in whom if p.dep_ == "pobj"])
            # "stood on the side of Ukraine": whose side one takes
            sides = [s for c in tok.children if c.dep_ == "prep" for s in c.children if s.lemma_.lower() == "side"]
            recipients = recipients or _ids(ctx, [p for s in sides for p in nominal.of_objects(s)])
        if not recipients and entry.type == "REQUEST":  # "demanded an apology from Ankara": who is asked
            # the parser may hang it on the object; not on an act ('demanded the withdrawal of troops from X')
            heads = [tok, *(o for o in tok.children if o.dep_ == "dobj" and o.i not in event_words)]
            asked = [
                p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
            ]
            recipients = _ids(ctx, [p for p in asked if p.dep_ == "pobj"])
        if not recipients and entry.type in ("REQUEST", "ACCUSE"):  # "demanded that Iran cease": who is asked to
            # act; "alleged that Russia plotted", "... that the plan was backed by X": who is accused
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
            recipients = _ids(ctx, [s for c in clauses for s in _subjects(c) + agents(c)])
        if not recipients and entry.type == "ACCUSE":  # "blamed the attack on X": X is blamed
            recipients = _ids(ctx, [p for o in objects for p in doers.blamed_on(o)])
        if not recipients and entry.type in _STANCE_ON_ACTS:
            # "welcomed the agreement between Iraq and Turkey", "condemned Russian strikes": the parties of the
            # act taken a stance on
            acts = [o for o in objects if o.i in event_words]
            recipients = _ids(ctx, [p for o in acts for p in nominal.party_phrases(o)])
            recipients = recipients or [i for o in acts for i in _noun_modifier_actors(ctx, o)]
            # "condemned supplies of British arms": whose arms they are
            gifts = [o for o in acts if event_words[o.i] in participants.GIVING_TYPES]
            recipients = recipients or _owners_named(ctx, [t for o in gifts for t in nominal.of_objects(o)], blocs=True)
            # "welcomed the pullout of Ethiopian troops": who leaves
            recipients = recipients or _leavers(ctx, acts)
            # "X raided the camp. The raid was condemned by Y": the raid told before, and its doer
            recipients = recipients or [i for o in acts for i in _told_before(ctx, o, None, event_words)]
        if not recipients and entry.type == "REQUEST":  # "demanded Russia's withdrawal / the pullout of X": X
            acts = [o for o in objects if o.i in event_words]
            recipients = [i for o in acts for i in _noun_modifier_actors(ctx, o)]
            recipients = recipients or _leavers(ctx, acts)
        if entry.type == "MOBILIZE":
            recipients = []
        if entry.type == "CONSULT" and tok.lemma_.lower() in _MEETING_VERBS:  # "hosted X", "met X": X meets too
            actors, recipients = _unique(actors + recipients), []
        if entry.type == "ASSAULT" and tok.lemma_.lower() == "come":  # "the convoy came under fire from X": X
            # attacks, the convoy (or whose it is) undergoes it
            undergo = _subjects(tok)
            recipients = _unique(_ids(ctx, undergo) or _owners_named(ctx, undergo, possessive=False) or recipients)
            heads = [tok, *(p for c in tok.children if c.lower_ == "under" for p in c.children)]
            froms = [p for h in heads for c in h.children if c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
            actors = _agent_ids(ctx, froms)
        if tok.lemma_.lower() in _UNDERGONE:  # "three soldiers died in the shelling": the dead are its victims,
            # and whoever shelled did it ("died in Russian shelling")
            causes = [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("in", "from", "during", "by")
                for p in c.children
                if p.dep_ == "pobj" and event_words.get(p.i) == entry.type
            ]
            victims = _unique(actors + recipients)
            actors = [a for a in _noun_actors(ctx, causes[0], entry) if a not in victims] if causes else []
            recipients = victims
    elif entry.type == "RETREAT" and doers.departure(tok):
        # "the withdrawal of Russian troops from X": who leaves is the 'of' phrase (or the owner), not the place
        mods = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound") and c.i < tok.i]
        actors = _ids(ctx, nominal.of_objects(tok)) or [i for c in mods for i in ctx.resolve(c)]
        recipients = []
    else:
        actors = _noun_actors(ctx, tok, entry)
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if not actors and head is not None and event_words.get(head.i) == entry.type:  # "its war of aggression"
            actors = _noun_actors(ctx, head, entry)
        renamed = participants.renamed(tok)  # "Moscow terms its action a special operation": the action's owner
        actors = actors or (_noun_modifier_actors(ctx, renamed) if renamed is not None else [])
        actors = actors or _told_before(ctx, tok, entry, event_words)
        # "the need for Israel to act": who is to act, in a clause the parser marks with 'for'
        asked = [c for c in tok.children if c.dep_ in ("advcl", "acl") and any(m.lower_ == "for" for m in c.children)]
        recipients = _ids(ctx, [s for c in asked for s in _subjects(c)]) if entry.type == "REQUEST" else []
    if entry.type in _JOINT_TYPES and actors:  # "A, together with B, co-chaired the meeting": B too
        actors += nominal.companions(tok.sent, lambda t: _ids(ctx, [t]))
    preps = [c for c in [*tok.children, *nominal.stray_modifiers(tok)] if c.dep_ in ("prep", "dative")]
    if tok.pos_ == "VERB" and entry.type in _STANCE_ON_ACTS:  # "condemned the raids on X": the raids' phrase
        # not "expressed his condolences to X": an object of the verb's own type is the verb's act, its phrase the verb's
        acts = [o for o in tok.children if o.dep_ == "dobj" and event_words.get(o.i, entry.type) != entry.type]
        taken = [c for o in acts for c in participants.stray_preps(o) + participants.stray_to(o)]
        preps = [c for c in preps if c not in taken]
    if tok.pos_ != "VERB":  # "the strikes launched against X", "aid provided to Y": the participle's are the noun's
        preps += [c for c in nominal.participle_phrases(tok) if c.lower_ != "by"]
        stance = tok.dep_ == "dobj" and event_words.get(tok.head.i) in _STANCE_ON_ACTS
        preps += participants.stray_preps(tok) if stance and tok.head.pos_ == "VERB" else []
        happened = nominal.happening_verb(tok)  # "protests erupted in Tehran": where it broke out
        preps += [c for c in happened.children if c.dep_ == "prep"] if happened is not None else []
        outer = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if outer is not None and event_words.get(outer.i) == entry.type:  # "the war of aggression waged against X"
            preps += [c for c in nominal.participle_phrases(outer) if c.lower_ != "by"]
    if tok.pos_ == "VERB":  # "reiterated their support for Israel": the verb's object is the same event
        same = [o for o in tok.children if o.dep_ == "dobj" and event_words.get(o.i) == entry.type]
        # "providing $1 billion in security assistance for Ukraine": the amount's event noun is the same act
        same += [
            o
            for d in tok.children
            if d.dep_ == "dobj"
            for o in nominal.in_objects(d)
            if event_words.get(o.i) == entry.type
        ]
        preps += [c for o in same for c in o.children if c.dep_ == "prep" and c.i > o.i]
    verb = support_verb(tok) or _scaling_verb(tok) if tok.pos_ != "VERB" else None
    if verb is not None and entry.type in _GIVE_TYPES:  # "provided $2 billion in aid to Ukraine"
        preps += [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")]
        # "gave Ukraine $5 billion in loans", "offered Moldova a loan": the light verb's indirect object
        recipients += _ids(ctx, [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")])
    if entry.type == "MOBILIZE":  # "deploy troops to Ukraine": the place, the troops' destination
        preps += [c for o in tok.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"]
    locations = []
    blamed = doers.blamed_on(tok) if tok.pos_ != "VERB" else []
    for prep in preps:
        # "on my orders", "at the request of X", "on behalf of X": on whose authority, not to whom
        objs = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() not in _AUTHORITY_NOUNS]
        objs = [o for o in objs if o not in blamed]  # "blamed the attack on X": X did it, not underwent it
        # "support for Ukraine's fight": the owner of what the preposition names, where that is no one
        ids = _ids(ctx, objs) or _ids(ctx, [p for o in objs for p in o.children if p.dep_ == "poss"])
        word = prep.lower_
        if not ids and entry.type in _TARGET_TYPES and word in _RECIPIENT_PREPS:  # "fired at a US warship"
            ids = _owners_named(ctx, objs, possessive=False)
        if (
            entry.type == "RETREAT" and doers.departure(tok) and word in ("of", "from")
        ):  # "the pullout of X's troops from Y": X leaves Y
            locations += [i for i in ids if word == "from" and ctx.table.get(i).type in ("Place", "Country")]
        elif tok.pos_ != "VERB" and word == "of" and (entry.type in _OWN_ACT_TYPES or nominal.doer_of(tok)):
            actors += _ids(ctx, objs)  # "the protests of farmers", "the aggression of Russia": whose act it is
        elif tok.pos_ != "VERB" and word == "of" and entry.type not in _JOINT_TYPES:
            recipients += ids
        elif word == "with" and (entry.type == "CONSULT" or entry.type in _JOINT_TYPES and tok.pos_ != "VERB"):
            # "spoke / met with X": talks are both sides' act (PLOVER codes CONSULT's parties as actors)
            actors += [i for i in ids if i not in actors]
        elif word in _SIDE_PREPS and entry.type == "SUPPORT" and tok.pos_ == "VERB":  # "stands with / behind X"
            recipients += ids
        elif word == "with" and entry.type in _JOINT_TYPES:
            recipients += ids
        elif word == "to" and entry.type == "CONSULT" and entry.mode == "visit" and tok.pos_ == "VERB":
            recipients += ids  # "travelled to Kyiv": the host of the visit, as the object of 'visited'
        elif word == "to" and entry.type == "CONSULT" and readouts.SPOKEN_TO in entry.requires:
            actors += [i for i in ids if i not in actors]  # "spoke to X" as "spoke with X": both talk
        elif word == "of" and entry.type == "CONSULT":  # "a meeting of the council": the council meets
            actors += [i for i in ids if i not in actors]
        elif word in ("to", "for") and entry.type in _GIVE_TYPES:
            recipients += ids
        elif word in _RECIPIENT_PREPS:
            recipients += ids
        elif word == "into" and entry.type == "ASSAULT" and ids:  # "an offensive into Ukraine's Kharkiv region"
            owners = _ids(ctx, [p for o in objs for p in o.children if p.dep_ == "poss"])
            recipients += [i for i in ids + owners if ctx.table.get(i).type == "Country"]
            locations += [i for i in ids if ctx.table.get(i).type in ("Place", "Country")]
        elif word == "from" and entry.type in _TARGET_TYPES and participants.takes(tok):  # "captured it from X"
            recipients += ids
        elif word in words.LOCATIVE_PREPS and word != "from":
            locations += [i for i in ids if ctx.table.get(i).type in ("Place", "Country")]
    actors, recipients = participants.completed(
        tok,
        entry.type,
        actors,
        recipients,
        ids=lambda toks: _ids(ctx, toks),
        doers=lambda verb: verb_actors(ctx, verb),
        owners=lambda things: _owners_named(ctx, things, blocs=True),
    )
    return _unique(actors), _unique(recipients), _unique(locations)


def _leavers(ctx: Context, acts) -> list[str]:
    """Who leaves in the acts of leaving among ``acts``: 'the pullout of Ethiopian troops' -> the troops."""
    return _ids(ctx, [p for o in acts if doers.departure(o) for p in nominal.of_objects(o)])


def _told_before(ctx: Context, noun, entry: Trigger | None, event_words: dict[int, str]) -> list[str]:
    """'Russian forces attacked Kharkiv. The attack killed three': a bare definite act noun takes up the act of its
    own word told just before (this sentence or the one before), and so its doer; [] where none is told. Without
    the noun's ``entry``, only an act told by a verb."""
    if not doers.bare_definite(noun) or noun.i not in event_words:
        return []
    start = noun.doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
    for i in range(noun.i - 1, start - 1, -1):
        word = noun.doc[i]
        if event_words.get(i) != event_words[noun.i] or not doers.same_act_word(word, noun):
            continue
        if word.pos_ == "VERB":
            found = verb_actors(ctx, word)
        elif entry is not None:
            found = _noun_actors(ctx, word, entry)
        else:
            continue
        if found:
            return found
    return []


def _stance_targets(ctx: Context, stance) -> list[str]:
    """Whom a stance is toward: the entity named, else the owner of what is named ('to Estonia's security')."""
    return _unique([i for obj, owners in nominal.stance_objects(stance) for i in _ids(ctx, [obj]) or _ids(ctx, owners)])


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _ids(ctx: Context, tokens) -> list[str]:
    out = []
    for t in tokens:
        for head in [t, *_conjuncts(t, lambda v: _takes_clause(ctx, v))]:
            out.extend(ctx.resolve(head))
            if head.pos_ in ("NOUN", "PROPN"):  # "Russia, along with China, vetoed": China as well
                out.extend(_ids(ctx, doers.companions(head)))
    return _unique(out)


def _conjuncts(tok, takes_clause):
    for c in tok.children:
        # "to the border and Peru withdrew", "shelled Kharkiv and Ukraine struck": Peru, Ukraine act on their own
        if c.dep_ == "conj" and not misparses.is_stranded(c) and not misparses.is_split(c, takes_clause):
            yield c
            yield from _conjuncts(c, takes_clause)


def _takes_clause(ctx: Context, verb) -> bool:
    """Whether a verb may report a clause ('said', 'believes', 'hopes', 'expects')."""
    lemma = verb.lemma_.lower()
    return ctx.cues.attributing(verb) is not None or lemma in ctx.cues.speech or (lemma, "VERB") in ctx.cues.modality


def _subjects(verb) -> list:
    own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    stranded = None if own else misparses.stranded_subject(verb)
    return own or ([stranded] if stranded is not None else [])


def agents(verb) -> list:
    """The 'by' agents of a passive; also of a past participle without 'have' whose 'by' spaCy calls a plain
    phrase ('families of Americans taken hostage by Hamas')."""
    reduced = verb.tag_ == "VBD" and verb.dep_ in ("acl", "advcl") and not _subjects(verb)  # tagged a past tense
    passive = verb.tag_ == "VBN" or reduced
    passive = passive and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    by = [c for c in verb.children if c.dep_ == "agent" or passive and c.dep_ == "prep" and c.lower_ == "by"]
    return [p for c in by for p in c.children if p.dep_ == "pobj"]


def verb_actors(ctx: Context, verb) -> list[str]:
    if misparses.root_subject(verb) is not None:  # "The two officials condemned in the strongest terms X"
        return _ids(ctx, [misparses.root_subject(verb)])
    if verb.dep_ == "amod" and verb.tag_ == "VBN":  # "Russian-occupied Ukraine": Ukraine undergoes it
        return [i for c in verb.children if c.dep_ in ("npadvmod", "compound", "amod") for i in ctx.resolve(c)]
    if verb.dep_ == "amod":  # "occupying Russian forces": the forces occupy
        return _ids(ctx, [verb.head])
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not _subjects(verb) and _someone(ctx, verb.head):
        return _ids(ctx, [verb.head])  # "condemned Hezbollah fighters attacking Israeli towns": the fighters attack
    if nominal.reduced_passive(verb) and (agents(verb) or _someone(ctx, verb.head)):
        # "Ukraine mourned the soldiers killed in the battle": not Ukraine's act, whoever did it ("announced arms
        # delivered to Y" may be the announcer's delivery)
        return _agent_ids(ctx, agents(verb))
    node, came_from = verb, None
    for _ in range(5):
        controller = _object_controller(ctx, node, came_from)
        if controller is None:  # "expelled them, accusing them of spying": the accused spy, known or not
            return []
        if controller:
            return controller
        addressed = _ids(ctx, doers.addressees(node, came_from))
        if addressed:  # "an appeal to Russia to cease fire", "our call on Hamas to release": the one asked acts
            return addressed
        if came_from is not None and came_from.lower_ == "in" and node.lemma_.lower() == "join":  # "A joined B in"
            return _ids(ctx, _subjects(node) + [c for c in node.children if c.dep_ == "dobj"])
        shared = shared_passive_subject(node, came_from)
        if shared:  # "the minister has been indicted and will resign": the indicted one resigns
            return _ids(ctx, shared)
        if came_from is not None and came_from.dep_ == "xcomp" and not _subjects(node):
            # "X is expected / was asked / was forced to arrive": the passive's subject does the act
            raised = [c for c in node.children if c.dep_ == "nsubjpass"]
            if raised:
                return _ids(ctx, raised)
        authors = _noun_modifier_actors(ctx, node) if came_from is verb and doers.participle_on(node, verb) else []
        if authors:  # "ignored a UN resolution demanding X": the resolution's author demands it, not who ignores it
            return authors
        if came_from is not None and came_from.lower_ == "of" and node.lemma_.lower() in doers.CHARGE_NOUNS:
            return _ids(ctx, doers.charged(node))  # "arrested X on charges of spying": X is charged, not the arrester
        intent = nominal.intent_object(node, came_from) if came_from is not None else None
        intent = intent if intent is not None or node.dep_ != "prep" else nominal.intent_before(node)
        if intent is not None:  # "discussed Poland's efforts in Brussels to coordinate": the effort's owner acts
            owners = _noun_modifier_actors(ctx, intent) + _ids(ctx, nominal.of_objects(intent))
            if owners:
                return _unique(owners)
        if came_from is not None and nominal.about_an_intent(node, came_from):  # "Poland's efforts to coordinate"
            owners = _noun_modifier_actors(ctx, node) + _ids(ctx, nominal.of_objects(node))
            if owners:
                return _unique(owners)
        split = misparses.split_subject(node, lambda v: _takes_clause(ctx, v))
        if split is not None:  # "Russia shelled Kharkiv and Ukraine struck Belgorod": Ukraine struck
            return _ids(ctx, [split[1]])
        found = _ids(ctx, _subjects(node)) + _agent_ids(ctx, agents(node))
        found += _ids(ctx, doers.companions(node)) if found else []  # "imposed sanctions along with France"
        texts = [] if found else doers.texts(_subjects(node), ctx.cues.source_nouns)  # "the G7 statement condemned":
        found += [i for t in texts for i in _noun_modifier_actors(ctx, t) or _agent_ids(ctx, doers.authors(t))]
        if not found:  # "Russian missiles slammed into the tower": whose weapons they are fires them
            found = _agent_ids(ctx, [s for s in _subjects(node) if s.lemma_.lower() in words.WEAPON_NOUNS])
        if not found and node.lemma_ == "be" and came_from is not None:  # "Britain's goal was to impose tariffs"
            aims = [s for s in _subjects(node) if s.lemma_.lower() in _AIM_NOUNS]
            found = _unique([i for s in aims for i in _noun_modifier_actors(ctx, s) + _ids(ctx, nominal.of_objects(s))])
        if agents(node):  # "areas besieged by the regime": the agent is stated, known or not (never guessed)
            return found
        if found or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and node is not verb:
            return found
        if node.dep_ == "conj" and _subjects(node):  # "X shelled Y and the rebels withdrew": a clause of its own
            return []
        climbs = doers.infinitive_host(node)  # "the one to do it", "became the first leader to visit"
        if (
            node.dep_ not in ("xcomp", "acomp", "conj", "acl", "pcomp", "prep", "pobj", "advcl", "dobj", "ccomp")
            and not climbs
        ):
            return []
        adjunct = doers.adjunct(node) or (
            came_from is not None and doers.adjunct(came_from)
        )  # "his escalation since invading"
        # "warned NATO against sending troops": on a verb of saying, a phrase about its object's act is that object's
        controlled = node.dep_ == "prep" and node.lower_ in _CONTROL_PREPS and _has_object(node.head)
        if node.dep_ == "ccomp" or (
            node is not verb and ctx.cues.is_speech(node.head) and not adjunct and not controlled
        ):
            return []
        if node.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return []  # "when the dam was blown up, he blamed Ukraine": a clause with its own subject
        if node.dep_ == "acl" and _subjects(node) and node.head.lemma_.lower() in ctx.cues.source_nouns:
            return []  # "dismissed the claim that it was pulling back": the claim's teller acts, not who dismissed it
        node, came_from = node.head, node
    return []


def _someone(ctx: Context, noun) -> bool:
    """Whether a noun names someone kg knows or a kind of actor ('soldiers', 'civilians')."""
    lemma = noun.lemma_.lower()
    return bool(ctx.resolve(noun)) or lemma in words.ACTOR_NOUNS or lemma in ctx.agent_nouns


def _has_object(verb) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def shared_passive_subject(node, came_from) -> list:
    """The passive subject of a verb that an active conjunct (not a participle) shares."""
    if came_from is None or came_from.dep_ != "conj" or came_from.tag_ == "VBN" or _subjects(node):
        return []
    return [c for c in node.children if c.dep_ == "nsubjpass"]


def _object_controller(ctx: Context, node, came_from) -> list[str] | None:
    """'urge Russia to withdraw', 'accuse Russia of planning': the object does the embedded act. None where the
    act is an object's of 'accuse X of' / 'blame X for' whom no entity names: the act is not the subject's."""
    if came_from is not None and node.pos_ == "VERB" and came_from.dep_ == "dobj":
        # "gave Kyiv the chance to strike back", "sent Armenia arms to defend itself": who is given it acts
        return _ids(ctx, [c for c in node.children if c.dep_ == "dative"])
    if came_from is None or node.pos_ != "VERB" or came_from.dep_ not in ("xcomp", "prep", "advcl"):
        return []
    if came_from.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in came_from.children):
        return []  # "X shelled Y, killing five": a participle's understood subject is the main clause's, not Y
    # "thank X for helping", "warned X against sending", "prevent X from attacking": X would do it
    if came_from.dep_ == "prep" and came_from.lower_ not in _CONTROL_PREPS:
        return []
    objects = [c for c in node.children if c.dep_ == "dobj"]
    if came_from.dep_ == "prep" and objects:
        return _ids(ctx, objects) or None
    if not objects and came_from.dep_ in ("xcomp", "advcl"):  # "call on Russia to withdraw": who is called on
        objects = [p for c in node.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for p in c.children]
        objects = [p for p in objects if p.dep_ == "pobj"]
    return _ids(ctx, objects)


def _governing_verb(noun):
    """(verb, first preposition on the way) for an event noun that is an object or prepositional object
    within three steps of a verb: 'provided ... aid' -> (provided, 'in'); else (None, None)."""
    node, prep = noun, None
    if noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN":  # "launched a mediation effort"
        node = noun.head  # "launched counteroffensive actions": an event adjective, as an event compound
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "conj") or node.head.i == node.i:
            return None, None
        node = node.head
        if node.dep_ == "prep" and prep is None:
            prep = node.lower_
        if node.pos_ in ("VERB", "AUX"):
            return node, prep
    return None, None


def support_verb(noun):
    """The light verb an event noun is the object of: 'provided ... aid', 'launched an offensive'."""
    verb, _ = _governing_verb(noun)
    return verb if verb is not None and _supports(verb, noun) else None


def _scaling_verb(noun):
    """The verb that scales or keeps up the act its object names ('tightened sanctions on Iran', 'ramped up its aid
    to X', 'renewed threats against X', 'doubled down on accusations'): its subject does the act, and its 'to' /
    'for' phrase names whom for; else None."""
    verb, prep = _governing_verb(noun)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if prep is not None:  # "stood by its demands": the phrase of a verb that keeps up what it names
        return verb if prep == doers.RESTATING_PREPS.get(lemma) else None
    scales = lemma in doers.SCALING_VERBS or lemma in doers.RESTATING_VERBS
    return verb if scales and noun.dep_ in ("dobj", "conj") else None


def _supports(verb, noun) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in words.SUPPORT_VERBS and verb.lower_.endswith("ed"):  # a wrong model lemma: 'staged' -> 'stag'
        lemma = next((s for s in (verb.lower_[:-1], verb.lower_[:-2]) if s in words.SUPPORT_VERBS), lemma)
    return lemma in words.SUPPORT_VERBS and (lemma not in words.OBJECT_SUPPORT_VERBS or noun.head.i == verb.i)


def _noun_modifier_actors(ctx: Context, noun) -> list[str]:
    """Who the modifiers of an event noun name: 'Russia's / Russian strikes', 'strikes from Russia'."""
    ids = []
    for c in [*noun.children, *nominal.stray_modifiers(noun)]:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i:
            # an object's 'its' is its clause subject's ("X told Y it would expand its patrols", "Russia ... its war"),
            # and 'their' an act's on its carrying verb ("Russian forces unleashed their assault")
            owned = c.lower_ == "its" or c.lower_ == "their" and _supports(noun.head, noun)
            bound = _ids(ctx, _subjects(noun.head)) if owned and noun.dep_ == "dobj" else []
            ids += bound or ctx.resolve(c) or (ties.antecedent(ctx, c) if c.lower_ == "its" else [])
            if c.dep_ in ("compound", "nmod") and not ids:  # "Russian / Russia's missile strikes": the weapon's owner
                ids += [i for m in c.children if m.dep_ in ("amod", "poss") for i in ctx.resolve(m)]
        elif c.dep_ == "amod":
            ids += ctx.resolve(c) or ctx.resolver.bloc(c)  # 'Western sanctions': the West
        elif c.dep_ in ("prep", "agent") and (c.lower_ == "by" or c.lower_ == "from" and not doers.departure(noun)):
            ids += _agent_ids(ctx, [p for p in c.children if p.dep_ == "pobj"])
        elif c.dep_ == "prep" and c.lower_ == "on":  # "military action on the part of Russia": Russia acts
            parts = [p for p in c.children if p.dep_ == "pobj" and p.lower_ == "part"]
            ids += _agent_ids(ctx, [o for p in parts for o in nominal.of_objects(p)])
    stranded = nominal.stranded_possessor(noun)  # 'called Russia's "attack" a crime'
    ids += ctx.resolve(stranded) if stranded is not None else []
    # "the war waged by Russia", "the support provided by Japan": the agent of a participle on the noun
    by = [c for c in nominal.participle_phrases(noun) if c.lower_ == "by"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _FRAME_NOUNS:
        # "in the face of attacks on X by Y", "a wave of strikes by Y": spaCy may hang 'by' on the frame noun
        by += [c for c in noun.head.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]
    ids += _agent_ids(ctx, [p for c in by for p in c.children if p.dep_ == "pobj"])
    return _unique(ids)


def _owners_named(ctx: Context, things, *, possessive: bool = True, blocs: bool = False) -> list[str]:
    """The states or bodies whose things a modifier before them names ('Russian troops', 'a US warship', "Hamas's
    fighters"). ``possessive=False`` leaves possessives out (the callers tried them, 'our' among them, as owners
    already); ``blocs``: where no state or body is named, the bloc an adjective names ('Western weapons')."""
    deps = ("amod", "poss", "compound", "nmod") if possessive else ("amod", "compound", "nmod")
    mods = [m for t in things for m in t.children if m.dep_ in deps and m.i < t.i]
    found = [i for m in mods for i in ctx.resolve(m) if ctx.table.get(i).type in ("Country", "Organization")]
    if found or not blocs:
        return _unique(found)
    return _unique([i for m in mods if m.dep_ == "amod" for i in ctx.resolver.bloc(m)])


def _agent_ids(ctx: Context, nouns) -> list[str]:
    """Who a 'by' phrase names: its entities, else the state or body that owns what it names ('shelled by Russian
    artillery', 'hit by Israeli missiles', 'attacks by Hamas's fighters'): the weapon's or unit's owner acts."""
    found = _ids(ctx, nouns)
    if found or not nouns:
        return found
    return _owners_named(ctx, nouns)


def _noun_actors(ctx: Context, noun, entry: Trigger) -> list[str]:
    verb, prep = _governing_verb(noun)
    if verb is not None and prep is None and verb.lemma_.lower() == "join":
        # "Serbia has not joined the Western sanctions": who joins an act takes part in it, whoever began it
        joiners = verb_actors(ctx, verb)
        if joiners:
            return joiners
    # "talks between A and B", "attacks on Israel by Hezbollah": the parties named by a preposition
    ids = _noun_modifier_actors(ctx, noun) + _ids(ctx, nominal.party_phrases(noun) or nominal.included_in(noun))
    if ids:
        return _unique(ids)
    credited = doers.credited(noun)
    if credited is not None:  # "blamed Kyiv for the attack", "criticised Israel over the strikes": Kyiv, Israel
        return _ids(ctx, credited)
    if readouts.carried(entry):  # "stressed the need for X to ...": the stresser asks
        head = noun.head.head if noun.head.dep_ in ("prep", "agent") else noun.head
        return verb_actors(ctx, head) if head.pos_ in ("VERB", "AUX") else []
    # "announced $205 million in aid": the announcer gives the aid; "agreed in a phone call": the callers
    if verb is None:
        return []
    setting = entry.type in _JOINT_TYPES and prep in ("in", "at", "during", "on", "after")
    setting = setting or (entry.type in _JOINT_TYPES and prep == "for" and verb.lemma_.lower() in _TRAVEL)
    if not _supports(verb, noun) and not setting and _scaling_verb(noun) is None:
        return []  # "outlined his vision for guarantees": the speaker is not the guarantor
    if verb.lemma_.lower() in _RESPONDING_VERBS and prep not in (None, "with", "by"):
        return []  # "responded with strikes" is the responder's; "will respond to any attack" is the attacker's
    found = _ids(ctx, _subjects(verb) + agents(verb))
    if not found and (verb.dep_ in ("conj", "xcomp") or _participle_clause(verb) or doers.infinitive_clause(verb)):
        # "massed troops and launched an offensive", "X invaded Y, continuing the aggression": the shared subject
        found = verb_actors(ctx, verb)
    return found


def _participle_clause(verb) -> bool:
    """'..., continuing the aggression', 'erred by starting a war': a participle with no subject, alone or of means."""
    means = verb.dep_ == "pcomp" and verb.head.lower_ == "by"
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" or means) and not _subjects(verb)
