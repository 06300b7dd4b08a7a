"""Closed word classes the extractor's rules use (English grammar, not domain lexicons).

Domain knowledge (actors, event triggers, modality and attribution cues) lives in the
data files beside this module; what is here are the small closed classes the
dependency rules need: role nouns that make an unnamed person, collective nouns,
titles, determiners.
"""

from __future__ import annotations

# Nouns naming a person by role: "an anonymous European diplomat", "the head of ...".
PERSON_ROLES = frozenset(
    """official diplomat spokesman spokeswoman spokesperson minister secretary ambassador envoy adviser advisor
    advisers aide commander general officer admiral head chief director president chancellor
    premier governor mayor lawmaker senator congressman congresswoman legislator source analyst expert
    representative negotiator leader deputy prosecutor investigator observer journalist correspondent
    reporter soldier colonel lieutenant captain sergeant marshal chairman chairwoman chair
    coordinator emissary monarch king queen prince ruler dictator mediator member staffer""".split()
)
# Plural nouns naming a collective: "European defense officials", "most European countries".
GROUP_NOUNS = frozenset(
    """official diplomat leader minister general commander officer soldier troop force country nation
    government state ally partner member authority lawmaker senator analyst expert source militant
    fighter rebel insurgent separatist protester demonstrator civilian refugee resident volunteer
    mercenary investor donor institution agency organization organisation power capital neighbor
    neighbour negotiator representative delegation air force navy proxy""".split()
)
# People nouns that, qualified by a state, a count or a place, make a collective actor of an event
# ("Palestinian prisoners rioted", "about 200 supporters of ..."); beside the Phoenix agent nouns.
PEOPLE_NOUNS = frozenset(
    """prisoner detainee youth supporter elder inhabitant villager worker student teacher doctor farmer settler
    pilgrim worshipper activist opponent dissident demonstrator protester militant gunman hostage
    peacekeeper""".split()
)
# Plural nouns for an armed group's members, who stand for the group when its name alone qualifies them ('Hamas
# terrorists', 'Wagner mercenaries'), and the sectors (kg.extract.vocabulary.SECTORS) of such groups: rebels,
# insurgents, separatists, unaffiliated armed groups; no state's forces.
ARMED_MEMBERS = frozenset(
    """terrorist fighter militant gunman mercenary operative insurgent rebel jihadist soldier troop""".split()
)
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})
# Nouns for armed forces: "<demonym> forces" is an Organization (the state's forces).
FORCE_NOUNS = frozenset({"force", "troop", "military", "army", "navy"})
# Titles that make the person the leader of the state or organisation that modifies them.
LEADER_TITLES = frozenset(
    """president chancellor premier king queen monarch emperor leader head chief chairman chairwoman
    chair ruler dictator sultan emir""".split()
)
PRIME = ("prime", "minister")
# Titles that only affiliate: minister, spokesman, diplomat ...
AFFILIATE_TITLES = PERSON_ROLES - LEADER_TITLES | {"staff"}
# Words to drop from the front of a noun phrase's name.
LEADING_DROP = frozenset("a an the this that these those its their his her our my your some another".split())
# Honorifics in front of a person's name that are not part of the name.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame president chancellor minister secretary general".split())
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_OTHER = frozenset({"it", "its", "they", "them", "their", "theirs", "we", "our", "us"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
# possessive determiners that take up a party named before: 'Russia ends its aggression', 'ordered its military'
POSSESSIVE_DETERMINERS = frozenset({"its", "their", "our", "his", "her", "my"})
# modal auxiliaries: what may, will or must happen is not told as done
MODALS = frozenset({"will", "would", "shall", "'ll", "could", "can", "may", "might", "must", "should"})


def singular(noun: str) -> str:
    """'countries' -> 'country', 'allies' -> 'ally', 'states' -> 'state': enough for the collective nouns kg lists."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") else noun


# Prepositions that introduce a location.
LOCATIVE_PREPS = frozenset(
    {"in", "to", "into", "near", "at", "inside", "across", "outside", "from", "toward", "towards"}
)
# Subject-like dependencies: a capital city in these roles stands for its state.
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj", "appos"})
# Outlet-looking organisation names, for names the gazetteer does not know ('agency' alone is not one: an unknown
# 'X Agency' is far more often a state's body than a newswire, which says 'News Agency' or 'Press Agency').
OUTLET_WORDS = frozenset(
    """times post journal news telegraph guardian herald gazette press tribune radio tv television
    broadcasting reuters observer economist independent mirror chronicle courier daily weekly""".split()
)
SEASONS = frozenset({"winter", "spring", "summer", "autumn", "fall"})
# Singular nouns for bodies of a state or organisation: "the German chancellery", "Russia's defence ministry".
ORG_NOUNS = frozenset(
    """ministry chancellery department office administration embassy parliament council committee agency
    command presidency cabinet secretariat commission directorate service staff court""".split()
)
# "the government of Ukraine", "the Ukrainian government" stand for the state itself.
STATE_NOUNS = frozenset({"government", "authorities", "leadership", "regime", "state", "junta"})
# The commonest English function words, for telling English prose from other languages.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for on with was as by at from has have had it be are were this which
    or an not but its their his her they he she we who will would said says been also after than there into
    when while during before between against could should about these those them""".split()
)
# Words a job title is made of; a named-entity span of only these is a title, not an organisation.
TITLE_WORDS = PERSON_ROLES | frozenset(
    """state defence defense finance foreign affairs interior justice economy economics economic international
    national security deputy assistant vice senior principal under of for and the general staff chief
    director-general undersecretary press policy""".split()
)
# Light and support verbs whose subject is the agent of their object noun's event:
# "launched an offensive", "announced $205 million in aid", "held talks".
SUPPORT_VERBS = frozenset(
    """go launch carry conduct stage mount begin start continue resume step intensify escalate provide give offer
    deliver send supply grant approve allocate pledge promise announce unveil impose introduce adopt extend
    hold host organize organise attend join have make take sign conclude reach seal broker release commit
    order authorize authorise plan prepare propose undertake declare initiate express voice chair co-chair convene
    issue wage engage orchestrate perpetrate unleash spearhead respond retaliate ink levy forge secure pass brandish
    enter""".split()
)
# Support verbs of a stance noun that are so only for their own object: "expressed regret" is the subject's
# regret, the killing in "expressed regret for the killing" is not the subject's.
OBJECT_SUPPORT_VERBS = frozenset({"express", "voice"})
# Lower-case modifiers that make a plural noun name a collective actor ("international financial institutions").
GROUP_QUALIFIERS = frozenset(
    """international foreign allied regional local federal military government security intelligence defense
    defence senior top financial humanitarian western eastern european african arab asian""".split()
)
# Military equipment standing for the forces that use it: "Russian aircraft killed", "Israeli tanks shelled".
MILITARY_EQUIPMENT = frozenset(
    """aircraft helicopter gunship tank warship warplane jet drone artillery vessel ship plane fighter-bomber bomber
    frigate destroyer submarine""".split()
)
# Nouns whose phrase names an actor when a name qualifies it ("the Islamic Jihad movement", "the Hizbollah group",
# "al-Qaeda's terror network"), beside the role, group and people nouns above.
ACTOR_NOUNS = (
    PERSON_ROLES
    | GROUP_NOUNS
    | PEOPLE_NOUNS
    | ORG_NOUNS
    | STATE_NOUNS
    | frozenset(
        """movement group network party front union organization organisation army militia faction coalition
        alliance wing brigade regiment battalion federation association league side junta opposition""".split()
    )
)
# Heads that an event noun only classifies ("war games", "war crimes", "attack helicopters", "protest camp"),
# beside the actor nouns and the military equipment.
KIND_NOUNS = MILITARY_EQUIPMENT | frozenset(
    """game crime criminal zone victim veteran correspondent memorial widow orphan camp site museum chief
    expert analyst reporter region""".split()
)
# Weapons, blasts and attacks that, as the subject of an attack, state it without its user ("a car bomb exploded,
# killing three", "a minefield explosion killed two", "the raid on the convoy killed twelve").
WEAPON_NOUNS = frozenset(
    """bomb explosion blast mine landmine shell rocket missile grenade device ied airstrike strike explosive
    bombing shelling attack raid ambush assault""".split()
)
# Nouns that measure or package what a verb acts on ("700 kg of medicine", "$50,000 worth of goods", "a team of
# surgeons", "thousands of troops"): what is sent or handed over is the 'of' phrase's noun.
MEASURE_NOUNS = frozenset(
    """ton tonne kg kilogram kilo gram pound litre liter gallon barrel worth team load truckload planeload shipload
    consignment batch crate box bag sack carton lot quantity amount number thousand hundred dozen million billion
    tens convoy shipment cargo""".split()
)


# Two small questions about a word's place in the parse, asked by several modules.


def hyphened(doc, t) -> bool:
    """Whether the word is joined by a hyphen to the one before or after it ('Russian-occupied', 'pro-Russian')."""
    return (t.i > 0 and doc[t.i - 1].text == "-") or (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")


def first_conjunct(tok):
    """The first of the coordinated words ``tok`` belongs to ('partners' in 'Allies and partners' -> 'Allies')."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok
