"""Event words used in a sense that names no event, whatever row matched them: 'meeting Ukraine's needs' (to
satisfy), 'concern for the hostages' (sympathy), 'the alleged plan' (a hedge), 'warned that it had intercepted a
plan' (a warning of what happened is information, not a threat of force), 'set to vote on the package' (a vote
for no one), 'join the fight' (fighting, not cooperation), 'contributing to the tax base' (a cause, not aid),
'ordered a mobilisation' (the ordered act is the event). And a wrongdoing verb typed as an allegation ('the
Russian leader had violated the Charter, Biden said') is the teller's accusation of the doer, and so is an attack
a teller condemns as it names it ('Russia's unprovoked invasion', X said).

Each check looks at the trigger and its children only: one test per candidate trigger, no pass over the doc."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kg.extract import judgments, words
from kg.extract.commitments import RESTATING_VERBS as _RESTATING
from kg.extract.lexicons import Trigger
from kg.graph.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.graph.records import Event

__all__ = ["allegations", "names_no_event", "refuses_acceptance", "retyped"]

# 'meet the needs / the deadline / its obligations': to satisfy or fulfil something, not to hold talks
_SATISFIED = frozenset(
    {
        "need",
        "requirement",
        "target",
        "goal",
        "deadline",
        "standard",
        "criterion",
        "criteria",
        "expectation",
        "obligation",
        "commitment",
        "threshold",
        "challenge",
        "cost",
        "demand",
        "condition",
        "aspiration",
        "ambition",
    }
)
_SYMPATHY = frozenset({"concern", "worry", "fear"})  # 'concern for the hostages': care for someone
_MODALS = words.MODALS
_PERFECT = frozenset({"had", "has", "have", "'d", "was", "were"})
_FIGHTS = frozenset({"fight", "fighting", "war", "battle", "combat", "offensive", "hostility", "hostilities"})
# wrongdoing verbs the lexicon types as an allegation (ACCUSE): who says it accuses, who did it is accused
# ('violated', and the noun: 'committed rights violations', Miller said): the violator is accused
_WRONGDOING = frozenset({"violate", "breach", "flout", "infringe", "contravene", "violation", "infringement"})
_NAMING = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_RALLIED = frozenset(
    {"fund", "funds", "funding", "money", "resource", "support", "coalition", "donor", "voter", "vote", "opinion"}
)
# what an ASSAULT word may wreck without a blow: 'the global system of security will be destroyed', 'lives ripped
# apart', 'undermined trust'
_ABSTRACT = frozenset(
    """system order architecture framework trust confidence hope dream economy reputation credibility relationship
    relation tie unity consensus norm future legacy myth narrative argument idea image morale spirit chance
    prospect career plan process life peace stability balance faith illusion""".split()
)
# feelings one offers or sends ('offered his condolences'): the expressed noun is the act, the offer no promise
_EXPRESSED = frozenset(
    {"condolence", "sympathy", "congratulation", "thanks", "gratitude", "apology", "praise", "prayer", "regret"}
)
# what one offers that is said, not given or promised: 'offered a few curt assessments', 'offered reassurance'
_SAID_THINGS = frozenset(
    """assessment comment excuse explanation view reassurance insight analysis opinion thought remark account
    advice detail glimpse hint clue example evidence argument reason justification observation prediction""".split()
)
_OFFERING = frozenset({"offer", "extend", "send", "convey", "pass"})
_ONWARD = frozenset({"ahead", "on", "forward", "onward", "onwards"})  # 'pressed ahead to take the town': went on
_STIRRED = frozenset({"whip", "stir", "drum", "ramp"})  # 'whipped up fears', 'stirred up tensions': incited
_ARRIVING = frozenset({"arrive", "come", "land"})
# who is welcomed as a guest: a delegation or its members ('welcomed the delegation', 'representatives were welcomed')
_VISITORS = frozenset({"delegation", "representative", "guest", "visitor", "counterpart", "envoy", "leader"})
_BALLOTS = frozenset({"election", "elections", "referendum", "vote", "poll", "polls", "primary", "ballot"})
# what one attends or visits that is no meeting of parties: a ceremony, a show, an opening ('attended the opening of
# the office', 'visit the exhibition'); a summit, talks or a reception (where hosts meet guests) are kept
_CEREMONIES = frozenset(
    """ceremony celebration commemoration anniversary opening presentation exhibition exhibit parade funeral
    memorial concert festival show premiere performance match game screening service mass unveiling""".split()
)
# what one accepts when accepting agrees to something (PLOVER AGREE; CAMEO 03x): 'accepted credentials', 'accept
# Mir cards', 'accept the risk' agree to nothing
_ACCEPTED = frozenset(
    """offer proposal proposition plan term deal agreement accord treaty pact ceasefire truce armistice invitation
    mediation arbitration condition request resolution settlement compromise peace solution formula suggestion
    arrangement framework roadmap initiative refugee principle idea premise recommendation package""".split()
)
# what a threat may warn of: the warner's own answer ('warned of consequences', 'warned of retaliation'), or an act
# of force or punishment (a trigger word of these types: 'warned of war', 'warned of sanctions')
_WARNED_ANSWERS = frozenset(
    """consequence repercussion retaliation reprisal response reaction measure countermeasure action step price
    cost punishment""".split()
)
_FORCEFUL = frozenset({"ASSAULT", "SANCTION", "COERCE", "THREATEN", "MOBILIZE"})
# a warning threatens when it announces what will be done; 'could', 'may', 'might' foresee, they do not threaten
_WILL = frozenset({"will", "would", "shall", "'ll", "wo"})
# what an outlet asks for when it asks someone 'for comment': journalism, not a political request
_PRESS_ASKS = frozenset({"comment", "interview"})
# what a bid asks of someone ('a bid for membership', 'its accession bid', 'a bid to join NATO'); a bid for office,
# a nomination or a contract is a candidacy, and 'in a bid to end the war' an attempt: nobody is asked anything
_APPLIED_FOR = frozenset({"membership", "accession", "asylum", "admission", "entry", "extradition", "citizenship"})
_JOINING = frozenset({"join", "enter", "accede"})
_ACCEPTING = frozenset({"accept", "agree"})
# 'strike a balance / a deal / a chord': no blow
_STRUCK = frozenset(
    {"balance", "deal", "agreement", "accord", "bargain", "compromise", "chord", "tone", "note", "pose"}
)


def names_no_event(
    tok, entry: Trigger, event_words: dict[int, str], *, addressed: Callable[[Any], bool] = lambda _you: False
) -> bool:
    """Whether the trigger ``tok`` (matched by ``entry``) is used in a sense that names no event;
    ``event_words``: token index -> event type of the other trigger words; ``addressed``: whether a 'you' stands
    for someone (a two-party transcript's other speaker), which makes it no generic 'you'."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ == "amod":
        # "displaced Palestinians", "detained Americans": a state of the noun's people, no act told; one whose
        # doer is compounded to it tells the act ("Armenian-occupied district", as arguments.verb_actors reads it)
        return not any(c.dep_ in ("npadvmod", "compound", "amod") for c in tok.children)
    if entry.type == "ACCUSE" and tok.pos_ != "VERB" and any(dep == "head" for dep, _ in entry.requires):
        return not judgments.is_judgment(tok, entry)  # "it would be a mistake to": what may be done, not an act
    if entry.type == "AID" and lemma == "help" and tok.pos_ == "VERB" and _helps_bring_about(tok):
        return True
    if entry.type == "CONSULT" and lemma in _ARRIVING and _a_thing_arrives(tok, entry):
        return True  # "a planeload of hardware arrived in Kyiv": goods or vehicles arriving visit no one
    if entry.type == "AGREE" and lemma == "determine" and any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
        return True  # "the US has determined that China is ...", "determine their own future": no commitment
    if entry.type == "AGREE" and lemma == "hold" and any(c.lemma_.lower() in _BALLOTS for c in _objects(tok)):
        return True  # "held parliamentary elections": a vote held at home commits to no one
    if (
        entry.type == "ASSAULT"
        and lemma in _STIRRED
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
    ):
        return True  # "attitudes whipped up around Ukraine", "stirred up": incited, no blow
    if entry.type == "AGREE" and lemma == "offer" and any(c.lemma_.lower() in _SAID_THINGS for c in _objects(tok)):
        return True
    if entry.type == "AGREE" and lemma == "accept" and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "we have to accept that we need ...": to acknowledge, no agreement with anyone
    if entry.type == "AGREE" and lemma == "vote" and not _votes_for(tok):
        return True
    if entry.type == "AGREE" and lemma in _OFFERING and any(c.lemma_.lower() in _EXPRESSED for c in _objects(tok)):
        return True
    if entry.type == "ASSAULT" and tok.pos_ == "VERB" and _wrecks_a_thing(tok):
        return True
    if entry.type == "CONSULT" and lemma == "call" and tok.pos_ == "VERB":
        return any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in tok.children)  # "called him a hero": naming
    if entry.type == "COOPERATE" and lemma == "join":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGHTS for c in tok.children)
    if entry.type == "AID" and lemma == "contribute":
        return _contributes_to_a_thing(tok)
    if entry.type == "REQUEST" and lemma == "order":
        # "ordered a partial mobilisation": the order is the act, done through the orderer's forces
        return any(c.dep_ == "dobj" and event_words.get(c.i, "REQUEST") != "REQUEST" for c in tok.children)
    if entry.type == "PROTEST" and lemma == "demonstrate":
        return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)  # "demonstrated its capacity": showed
    if entry.type == "MOBILIZE" and lemma in ("mobilize", "mobilise"):
        # "mobilized a coalition to fund", "mobilize the funds": rallying money or backers, not forces
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _RALLIED for c in tok.children)
    if entry.type == "REQUEST" and lemma == "press" and tok.pos_ == "VERB":
        return any(c.dep_ in ("advmod", "prt") and c.lower_ in _ONWARD for c in tok.children)  # "pressed ahead to"
    if entry.type == "REQUEST" and lemma == "appeal" and tok.pos_ == "NOUN":
        return not _asks(tok)  # "broadens its appeal": attractiveness, no one asked
    if entry.type == "ASSAULT" and lemma == "strike":
        return _strikes_a_bargain(tok)
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.i in event_words:
        return True  # "an arrest warrant", "ceasefire talks": the head names the act, the compound its kind
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ == "you" and not addressed(c) for c in tok.children):
        return True  # "you can't incrementally help Ukraine": generic 'you' names nobody, the claim is general
    if any(dep == "obj" for dep, _ in entry.requires) and _names_its_objects_act(tok, entry, event_words):
        return True
    if entry.type == "CONSULT" and lemma == "meet":
        return _meets_a_need(tok)
    if entry.type == "ACCUSE" and lemma == "allege":
        return tok.dep_ == "amod"  # "Moscow's alleged plan": the article hedges, nobody accuses
    if entry.type == "ACCUSE":
        return _concern_for(tok)
    if entry.type == "THREATEN" and lemma in ("threat", "danger") and tok.pos_ == "NOUN" and _a_characterization(tok):
        return True  # "views the invasion as a direct threat to Europe", "is a threat to peace": a judgment, no threat made
    if entry.type == "THREATEN" and lemma == "warn":
        return _warns_of_the_past(tok) or _cautions(tok, event_words)
    if entry.type == "CONSULT" and lemma in ("attend", "visit") and tok.pos_ == "VERB":
        return _attends_a_ceremony(tok)
    if entry.type == "AGREE" and lemma == "accept":
        return _accepts_a_thing(tok, event_words)
    if entry.type == "SUPPORT" and tok.pos_ == "NOUN" and _in_aid_of(tok):
        return True
    if entry.type == "REQUEST" and lemma == "bid" and tok.pos_ == "NOUN":
        return not _applies(tok)
    if entry.type == "REQUEST" and any(c.lemma_.lower() in _PRESS_ASKS for c in _asked_for(tok)):
        return True  # "did not respond to a request for comment", "asked for comment": a reporter's question
    if entry.type == "AID" and lemma == "shelter" and tok.pos_ == "VERB":
        return not any(c.dep_ in ("dobj", "dative") for c in tok.children)  # "families sheltering in basements"
    return False


def retyped(tok, entry: Trigger) -> Trigger:
    """The row ``entry`` as the trigger ``tok`` uses it: 'Mr Sullivan arrived in Israel from Riyadh' is a visit,
    though a row for aid arriving from somewhere matched it (a person is no shipment)."""
    if entry.type == "AID" and tok.lemma_.lower() == "arrive" and _a_person_arrives(tok):
        return dataclasses.replace(entry, type="CONSULT", mode="visit", note="a person arriving: a visit")
    if entry.type == "SUPPORT" and tok.lemma_.lower() == "welcome" and tok.pos_ == "VERB" and _guests(tok):
        # "Biden welcomed Chancellor Scholz to the White House": hosting a visitor (PLOVER CONSULT 'visit');
        # "welcomed the decision" is the stance
        return dataclasses.replace(entry, type="CONSULT", mode="visit", note="a guest welcomed: hosting a visit")
    if entry.type == "AID" and tok.lemma_.lower() in ("train", "training") and _trains_its_own(tok):
        # "Ruritania has trained 300 drone operators": readying one's own forces (PLOVER MOBILIZE); AID is training given
        # to another party ("trained 20,000 Ukrainian soldiers"), and AID requires that recipient
        return dataclasses.replace(entry, type="MOBILIZE", mode="troops", note="training its own forces")
    if entry.type == "THREATEN" and tok.lemma_.lower() == "warn" and tok.pos_ == "VERB" and _alarms_about(tok):
        # "Ukraine warned that Minsk is testing its readiness": a warning of what another is doing accuses them
        return dataclasses.replace(entry, type="ACCUSE", mode="allege", note="a warning of another's doing")
    if entry.type == "CONSULT" and _speaks_out(tok):
        # "spoke out against the war": speaking out takes a stand, it holds no talks
        against = any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)
        return dataclasses.replace(entry, type="ACCUSE" if against else "SUPPORT", mode=None, note="spoke out")
    return entry


def refuses_acceptance(tok, event: Event) -> bool:
    """'we do not accept a dictated peace', 'X does not agree that ...', 'could not accept them': one party's
    negated acceptance is its refusal (PLOVER REJECT), not an agreement that did not happen; 'the sides did not
    agree on a ceasefire' (a failure to agree with each other) stays."""
    if event.type != "AGREE" or event.modality != "negated" or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() not in _ACCEPTING or not any(c.dep_ == "neg" for c in tok.children):
        return False
    # 'we' is one party, though it stands for the speaker and her state
    one_party = len(event.actors) < 2 or any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in tok.children)
    return not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) and one_party


def _in_aid_of(noun) -> bool:
    """'leads a coalition in support of Ukraine', 'welcome in recognition of its sacrifice', 'marched in solidarity
    with them': the set phrase says why the clause's act is done, it tells no stance of its own ('unwavering in our
    support for Israel', with its owner, is one)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return False
    if any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("of", "with") for c in noun.children)


def _applies(bid) -> bool:
    """Whether a bid asks to be let in: 'a bid to join NATO', 'its EU membership bid', 'a bid for asylum' (PLOVER
    REQUEST), not 'her presidential bid', 'his bid for the nomination', 'in a bid to appeal to moderates'."""
    named = [c for c in bid.children if c.dep_ in ("compound", "amod", "nmod")]
    named += [p for c in bid.children if c.dep_ == "prep" and c.lower_ in ("for", "to") for p in c.children]
    if any(n.lemma_.lower() in _APPLIED_FOR for n in named):
        return True
    return any(c.dep_ in ("acl", "relcl", "xcomp") and c.lemma_.lower() in _JOINING for c in bid.children)


def _guests(verb) -> bool:
    """Whether the welcomed are people, named or by office ('welcomed Chancellor Scholz', 'representatives will be
    welcomed', 'welcomed the delegation'), not a decision, a deal or help."""
    welcomed = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    titled = [c for w in welcomed for c in w.children if c.dep_ == "compound"]  # 'Chancellor Scholz'
    return any(w.ent_type_ == "PERSON" for w in welcomed) or any(
        w.lemma_.lower() in words.PERSON_ROLES or w.lemma_.lower() in _VISITORS for w in (*welcomed, *titled)
    )


def _trains_its_own(tok) -> bool:
    """Whether the trainees named are the trainer's own: no people, state or name of another party in their
    phrase ('500 hackers', 'its reservists'); 'Ukrainian soldiers', 'troops from Ghana' name another. With no
    trainees named, or a recipient after 'for' / 'to', the training may be given: not its own."""
    if tok.pos_ == "VERB":  # 'train troops from Ghana': the parse may hang their origin on the verb
        trainees = [c for c in tok.children if c.dep_ == "dobj"]
        trainees += [
            p for c in tok.children if trainees and c.dep_ == "prep" and c.lower_ == "from" for p in c.children
        ]
    else:
        trainees = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    given = [
        c for n in (tok, *trainees) for c in n.children if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to")
    ]
    if not trainees or given:
        return False
    return not any(_names_a_party(t) for tr in trainees for t in _whose(tr))


def _whose(noun) -> list:
    """The words that say whose a noun's people are: the noun, its modifiers and possessor ('Ukrainian soldiers',
    "Ukraine's pilots"), and the objects of its 'from' / 'of' ('troops from Ghana'); not what they may do later
    ('hackers capable of attacking the United States')."""
    kids = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    origin = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for p in c.children]
    return [noun, *kids, *origin]


def _names_a_party(tok) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in _NAMING


def _speaks_out(verb) -> bool:
    """'spoke out against the conflict', 'speaks out for the prisoners', 'spoke up for them'."""
    return verb.lemma_.lower() == "speak" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "up") for c in verb.children
    )


def _a_person_arrives(verb) -> bool:
    return any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in words.PERSON_ROLES) for c in verb.children
    )


def _a_characterization(noun) -> bool:
    """'sees X as a threat', 'X is a threat to Y': what X is called; a threat with its maker named ('threats from
    Hamas', 'Iran's threats') or made ('made threats') is one."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in noun.children):
        return False
    return noun.dep_ == "attr" or (noun.dep_ == "pobj" and noun.head.lower_ == "as")


def _alarms_about(verb) -> bool:
    """'warned that Minsk is testing its combat readiness', 'warned that Russian troops had massed': a warning, to
    no one named, that a named party is doing or did something (no 'will': 'warned Russia would strike' threatens)."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    contents = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    return any(
        not any(a.dep_ == "aux" and a.lower_ in _WILL for a in c.children)
        and any(s.dep_ == "nsubj" and _named(s) for s in c.children)
        for c in contents
    )


def _named(noun) -> bool:
    return any(t.ent_type_ in _NAMING for t in noun.subtree)


def _cautions(verb, event_words: dict[int, str]) -> bool:
    """'warned of a dangerous moment', 'warned that Russia could look for a pretext', 'warned that civilians are
    being killed': a warning of a danger, a possibility or a present state cautions; it threatens only when it
    announces what will be done ('warned it would respond') or warns of an answer or of force ('warned of
    consequences', 'warned of war'). A warning addressed to someone ('warned Russia that ...') is kept."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    contents = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if contents:
        return not any(a.dep_ == "aux" and a.lower_ in _WILL for c in contents for a in c.children)
    warned_of = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for p in c.children]
    if not warned_of:
        return False  # "warned against ...", a bare "warned": nothing here says it is no threat
    return not any(
        t.lemma_.lower() in _WARNED_ANSWERS or event_words.get(t.i) in _FORCEFUL for w in warned_of for t in w.subtree
    )


def _attends_a_ceremony(verb) -> bool:
    """'attended the opening of the office', 'the presentation was attended by the chancellor', 'to visit the
    exhibition': being present at a ceremony or a show meets no party ('attended the summit', 'visited Kyiv')."""
    present_at = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(present_at) and all(p.lemma_.lower() in _CEREMONIES for p in present_at)


def _accepts_a_thing(verb, event_words: dict[int, str]) -> bool:
    """'accepted the credentials of ambassadors', 'accept Mir cards': accepting agrees to something only when what
    is accepted is an offer, a plan, terms or an act ('accepted the ceasefire'); a pronoun ('accept them') is kept."""
    objects = _objects(verb)
    return bool(objects) and not any(
        o.pos_ == "PRON" or o.lemma_.lower() in _ACCEPTED or o.i in event_words for o in objects
    )


def _asked_for(tok) -> list:
    """What a request asks for: 'a request for comment', 'asked for comment', 'requested comment'."""
    asked = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
    return asked + [c for c in tok.children if c.dep_ == "dobj"]


def _a_thing_arrives(verb, entry: Trigger) -> bool:
    """Whether the subject of an arrival (a row that does not say who arrives) is a thing, no one to meet."""
    if any(dep in ("subj", "pobj", "obj") for dep, _ in entry.requires):
        return False  # "the envoy arrived", "arrived for talks": the row says a visit
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.ent_type_ not in _NAMING and s.lemma_.lower() not in words.ACTOR_NOUNS for s in subjects
    )


def _objects(verb) -> list:
    return [c for c in verb.children if c.dep_ == "dobj"]


def _helps_bring_about(verb) -> bool:
    """'to help stop it being destroyed', 'help address the needs', 'helps build resilience': helping an outcome
    come about, with nobody helped named, gives no aid ('help Ukraine', 'help Ukraine defend itself' do)."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    return bool(clauses) and not any(s.dep_ in ("nsubj", "nsubjpass") for c in clauses for s in c.children)


def _votes_for(verb) -> bool:
    """'voted for X', 'voted in favour of X' back someone or something; 'voted in international bodies',
    'will vote on the package' back nobody."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "for" or (
            prep.lower_ == "in" and any(p.lemma_.lower() in ("favor", "favour") for p in prep.children)
        ):
            return True
    return False


def _wrecks_a_thing(verb) -> bool:
    """'the system of security will be destroyed', 'lives ripped apart by the war', 'shattered the illusion':
    what undergoes it is no person, place or thing that can be hit."""
    undergoers = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(undergoers) and all(u.lemma_.lower() in _ABSTRACT for u in undergoers)


def _strikes_a_bargain(verb) -> bool:
    """'struck a deal', 'the balance European nations are attempting to strike' (an object the parse may
    hang elsewhere: a bargain noun shortly before an objectless 'strike'): no blow is struck."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        sent = verb.sent
        objects = [t for t in verb.doc[max(sent.start, verb.i - 6) : verb.i] if t.pos_ == "NOUN"]
    return any(o.lemma_.lower() in _STRUCK for o in objects)


def _names_its_objects_act(verb, entry: Trigger, event_words: dict[int, str]) -> bool:
    """'issued an arrest warrant', 'announced a new package of security assistance': a light verb whose row
    names its object, when the object (or what the object holds) is an event word of another type, is that act
    told once, by the noun. Not someone else's act taken up ("accepted the rebels' demands", "demands from the rebels"),
    nor a stance restated ("affirmed the commitment", one stance, see commitments.without_restated)."""
    if verb.lemma_.lower() not in words.SUPPORT_VERBS or verb.lemma_.lower() in _RESTATING:
        return False  # "prevented the demonstration", "suspended aid deliveries": an act on another act
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in obj.children)
        held = [obj, *(c for c in obj.children if c.dep_ == "compound")]  # "a military aid package"
        held += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if not owned and any(event_words.get(h.i, entry.type) != entry.type for h in held):
            return True
    return False


def _asks(noun) -> bool:
    """'an appeal for calm', 'an appeal to the allies', 'an appeal to stop': an appeal says whom or what for."""
    return any((c.dep_ == "prep" and c.lower_ in ("for", "to")) or c.dep_ in ("acl", "relcl") for c in noun.children)


def _contributes_to_a_thing(verb) -> bool:
    """'contributing to Ukraine's tax base', 'contribute to the breakdown': helping bring something about, no
    gift to anyone ('contributed troops to the mission' gives, and so does contributing to a named body)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    objects = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
    return bool(objects) and not any(p.pos_ == "PROPN" or p.ent_type_ in _NAMING for p in objects)


def allegations(pairs, telling_word=lambda tok: None) -> list[tuple[Token, Event]]:
    """``pairs`` with a wrongdoing verb's ACCUSE turned the teller's: in "the Russian leader had violated the
    Charter, Biden said" Biden accuses the Russian leader; told in the article's own voice nobody accuses. So with a
    deception: "Russia's propaganda is about war, Kallas said" is Kallas's ACCUSE of Russia ('allege'), while the
    article's own "Russia ran a disinformation campaign" stays the COERCE.

    The accusation is made by the telling, so its trigger is the telling word (``telling_word(tok)``: 'said' here,
    as 'accused' is in "X accused Y"), not the wrongdoing it alleges: the told words stay the teller's content, and
    a telling word that is already an accusation ("accused Y of violating the truce") stays one event."""
    accusing = {tok.i for tok, event in pairs if event.type == "ACCUSE" and tok.lemma_.lower() not in _WRONGDOING}
    out = []
    for tok, event in pairs:
        if not _alleged(tok, event):
            out.append((tok, event))
            continue
        if not event.sources:
            if event.type == "COERCE":
                out.append((tok, event))  # misinformation told as a fact: the act itself (PLOVER COERCE)
            continue
        word = telling_word(tok)
        if word is not None and word.i in accusing:
            continue  # "accused Y of violating": one accusation, the telling word's
        accusing.add(word.i if word is not None else tok.i)
        teller = event.sources[-1]
        accused = tuple(a for a in dict.fromkeys((*event.actors, *event.recipients)) if a != teller)
        why = f"allegation: the teller accuses the doer of '{tok.text}'"
        at = word if word is not None else tok
        out.append(
            (
                at,
                dataclasses.replace(
                    event,
                    type="ACCUSE",
                    mode=event.mode if event.type == "ACCUSE" else "allege",
                    modality=event.modality if event.type == "ACCUSE" else "asserted",  # the allegation is made
                    trigger=Span(at.text, at.idx, at.idx + len(at.text)),
                    actors=(teller,),
                    recipients=accused,
                    sources=event.sources[:-1],
                    explain=(*event.explain, why),
                ),
            )
        )
    return sorted(out, key=lambda p: p[0].i)


def _alleged(tok, event: Event) -> bool:
    """Whether the event is a wrongdoing or a deception whose telling accuses its doer: 'violated the truce',
    'Russia's propaganda', 'a disinformation campaign' (PLOVER: misinformation told by someone is ACCUSE
    'allege'; told as a fact, COERCE 'misinformation')."""
    if event.type == "COERCE":
        return event.mode == "misinformation"
    return event.type == "ACCUSE" and tok.lemma_.lower() in _WRONGDOING


def _meets_a_need(verb) -> bool:
    """'meeting Ukraine's urgent needs', 'met the deadline' (the CONCEDE row takes 'meet their demands')."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _SATISFIED for c in verb.children)


def _concern_for(verb) -> bool:
    """'expressed his deep concern for the hostages': sympathy with someone, not disapproval of anyone."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _SYMPATHY]
    return any(p.dep_ == "prep" and p.lower_ == "for" for o in objects for p in o.children)


def _warns_of_the_past(verb) -> bool:
    """'Ukraine warned that it had intercepted a plan', 'warned that troops were massing': a warning whose
    content is what happened or is happening, with no modal, reports; 'warned it would strike' threatens."""
    contents = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not contents or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "warned Russia that ...", "warned of consequences": addressed to someone, kept
    for clause in contents:
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if aux & _MODALS or not (aux & _PERFECT or clause.tag_ == "VBD"):
            return False
    return True
