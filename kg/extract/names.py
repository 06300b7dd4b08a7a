"""What part of a spaCy named-entity span is a name, and what kind of thing it names.

spaCy's spans on news it was not trained on carry their neighbours: an honorific or a rank ("Lt. Gen."), a
preposition that opens the sentence ("Near Al Qaim, two strikes ..."), a relative clause after a dash ("Dorin
Recean - who is ..."). Some spans name no entity of the record's kinds: a title ("Secretary of State"), a
minister's portfolio ("Trade" in "Trade Minister X"), a law or treaty ("the National Emergencies Act"), a ship
("USS Carney": equipment, as "the tank" is). And a
few words fix the kind whatever spaCy's label: a person's title in front ("PM Natalia X" is a person), a place
preposition in front (a place).
"""

from __future__ import annotations

import functools
import re

from kg.extract import lexicons, speakers, words

__all__ = ["COURTESY_TITLES", "RANK", "STYLES", "name_span", "person_tails", "places_in_bodies", "trim"]


def _singular(name: str) -> str:
    """A weapon's name compared without case, spacing or a plural 's' ('Storm Shadows', 'HIMARS', 'Abrams')."""
    return " ".join(name.lower().split()).rstrip("s")


# Styles written before a name that are not part of it ("Sheikh Hamad", "Ayatollah Ali Khamenei")
STYLES = frozenset(
    {"sheikh", "sheik", "emir", "amir", "ayatollah", "imam", "mullah", "prince", "king", "queen", "sultan"}
)
# First words of Arabic names of persons that the tagger reads as a body: "Abu Ayyub al-Masri", "Umm Hussein"
_KUNYA = frozenset({"abu", "umm", "ibn"})
RANK = re.compile(
    r"(?i)^(capt|gen|lt|col|maj|sgt|adm|cmdr|brig|cpl|pvt|cdr|lieutenant|colonel|major|captain|sergeant|admiral"
    r"|brigadier|commander|corporal|private|marshal)\.?$"
)
# Short titles written before a person's name: "PM Natalia X", "FM Dmytro Y", "MP Jo Z".
_SHORT_TITLES = frozenset({"pm", "fm", "mp", "mep", "gov", "gov.", "sen", "sen.", "rep", "rep.", "amb", "amb."})
# Courtesy titles, said of persons only: "Ms Sandu" is a person whatever the tagger's label
COURTESY_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"})
# Prepositions that open a sentence before a place: "Near Al Qaim, ...", "Outside Rawah, ..."
_PLACE_PREPOSITIONS = frozenset({"near", "in", "outside", "inside", "around", "west", "east", "north", "south"})
_COMPASS = frozenset({"east", "west", "north", "south"})
# Last words of the names of laws, treaties and resolutions: documents, not actors ("the Minsk Agreements",
# "the National Emergencies Act", "Resolution 2328" is caught by the number)
_DOCUMENT_WORDS = frozenset(
    """act acts treaty treaties accord accords agreement agreements resolution convention conventions protocol
    charter law bill declaration doctrine amendment memorandum""".split()
)
# Document words that are also surnames ('Jude Law', 'Bill'): a person's name may end with them
_SURNAME_WORDS = frozenset({"law", "bill", "charter"})
# Last words of the names of events, days and polls: what happened or was asked, not who acted ("the Warsaw
# Uprising", "the 75th NATO Summit", "the Rio Olympic Games", "Mother's Day", "a November Gallup poll")
_EVENT_WORDS = frozenset(
    """uprising summit games olympics day festival parade ceremony championship championships poll survey""".split()
)
# Prefixes of ships' names ("USS Carney", "HMS Ocean"): a vessel is equipment, none of the record's kinds
_SHIP_PREFIXES = frozenset({"uss", "usns", "hms", "hmcs", "hmas", "fs", "ins", "rfs", "tcg", "roks", "js", "its"})
# Nouns of equipment a model's name qualifies ("a Bradley armored vehicle", "the Patriot missile system")
_EQUIPMENT = words.MILITARY_EQUIPMENT | frozenset(
    """vehicle missile rifle howitzer launcher system carrier gun rocket jet drone battery interceptor weapon""".split()
)
# Names of weapon systems in the news, written like names of persons or bodies ("how Storm Shadows are
# programmed", "a Patriot"); matched as the whole span, singular or plural
_WEAPON_SYSTEMS = frozenset(
    _singular(name)
    for name in """Storm Shadow|SCALP|Taurus|Patriot|HIMARS|ATACMS|Javelin|Stinger|NLAW|Bayraktar|Shahed|Iskander|Kinzhal|
    Kalibr|Leopard|Abrams|Challenger|Bradley|Marder|Stryker|Gepard|Krab|NASAMS|IRIS-T|Harpoon|Tomahawk|Switchblade|
    Gripen""".replace("\n", "").split("|")
)
# A model designation: letters and digits in one word ("AMX-10RC", "CV90", "Su-25"), not an ordinal ("93rd")
_MODEL = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)(?!\d+(st|nd|rd|th)$)[\w-]+$")
# Head nouns of sites: a named one is a place, whatever the tagger says ("the Museum of Victory", "the
# Zaporizhzhia Nuclear Power Plant", "Hmeimim Air Base")
_SITES = frozenset(
    """museum park square stadium airport palace cathedral mosque church monument memorial bridge dam station plant
    port harbour harbor base airbase airfield""".split()
)
# Words a span runs into after the name: "Dorin Recean - who ...", "Kyiv and", "NATO of"
_TRAILING = words.RELATIVE_PRONOUNS | frozenset({"and", "or", "of", "the", "to", "in", "on", "for"})


def trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop possessive markers, punctuation and honorifics at the edges of a span."""
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while end > start and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def name_span(doc, ent, etype: str, gazetteer) -> tuple[int, int, str] | None:
    """The span of ``ent`` that is a name and the type it names, or None if it names no entity."""
    start, end = trim(doc, ent.start, ent.end)
    while end - start > 1 and doc[end - 1].lower_ in _TRAILING:  # "Dorin Recean - who"
        start, end = trim(doc, start, end - 1)
    if end - start > 1 and doc[start].lower_ in _PLACE_PREPOSITIONS and _opens_sentence(doc[start]):
        if doc[start + 1].lower_ not in _COMPASS:  # "Near East" is a name, "Near Rawah" a place after 'near'
            start, etype = start + 1, "Place"
    if start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS and _opens_sentence(doc[start - 1]):
        if doc[start].lower_ not in _COMPASS:
            etype = "Place"  # "Near Al Qaim, one strike ...": what a sentence opens with 'near' is a place
    if end - start > 1 and doc[start].lower_ in _SHORT_TITLES:
        start, etype = start + 1, "Person"  # "PM Natalia X": a title before a name makes it a person's
    if end - start > 1 and doc[start].lower_ in COURTESY_TITLES:
        etype = "Person"  # "Ms Sandu said" read as a body: a courtesy title is said of a person only
    if etype != "Person":
        start, end, etype = _title_before_person(doc, start, end, etype, gazetteer)
    if etype == "Organization" and _after_lowercase_role(doc, start, end, gazetteer):
        etype = "Person"
    if etype == "Organization" and end - start > 1 and doc[start].lower_ in _KUNYA:
        if not gazetteer.key_for(doc[start:end].text):
            etype = "Person"  # "Abu Musab", "Abu Ayyub al-Masri": a person's name, not a body's
    if etype == "Person" and _adjective_and_demonym(doc, start, end, gazetteer):
        start = end - 1  # 'Exiled Belarusian opposition leader X': no name, a state's demonym
    if etype == "Person":
        # "Mr", "President", "Lt. Gen.": honorifics and ranks are not part of the name
        while start < end and (
            doc[start].lower_ in words.HONORIFICS or doc[start].lower_ in STYLES or RANK.match(doc[start].text)
        ):
            start += 1
        while start < end - 1 and doc[start].text == ".":
            start += 1
    if end <= start or not any(t.is_alpha for t in doc[start:end]):
        return None
    if etype != "Person" and _abstract(doc[start:end].text, gazetteer):
        return None  # "in Judaism", "a false narrative of de-Nazification": a creed or a process, no body or place
    if _section_label(doc, start, end):
        return None  # "Sec. 2.": a numbered part of the text, no body
    if etype != "Person" and _site_after(doc, start, end):
        end, etype = end + 1, "Place"  # "the Azovstal steelworks": the site the name qualifies, not a body
    if etype != "Person" and _document_word(doc, start, end):
        return None
    if etype != "Person" and _adjective(doc, start, end, gazetteer):
        return None  # "Euro-Atlantic integration", "Allied soldiers": an adjective, no body's or place's name
    if end - start > 1 and doc[start].text.isupper() and doc[start].lower_ in _SHIP_PREFIXES:
        return None  # "USS Carney", "HMS Ocean": a ship
    if etype == "Person" and any(t.like_num for t in doc[start:end]):
        return None  # "Passcode 3080897": no person's name has a number in it
    if _equipment(doc, start, end, gazetteer):
        return None
    if etype in ("Organization", "Person") and end - start > 1 and doc[start:end].root.lemma_.lower() in _SITES:
        etype = "Place"  # "George Bush Intercontinental Airport" read as a person
    if end - start == 1 and doc[start].text == "West" and start > 0 and doc[start - 1].lower_ == "the":
        etype = "Group"  # "the West has been out to get Russia": the Western states and their leaders
    if etype == "Person" and end - start == 1 and _common_noun(doc[start], gazetteer):
        return None
    name = doc[start:end].text
    # an upper-case 'name' is an acronym, unless it is a person the gazetteer knows ('JOSEPH R. BIDEN JR.' signing)
    upper = name.isupper() and not (" " in name and gazetteer.key_for(name))
    if etype == "Person" and (len(name) < 3 or upper or RANK.match(doc[end - 1].text)):
        return None  # "Navy Capt" before "Jeff Davis": a name does not end with a rank
    if etype != "Person" and all(t.lower_ in words.TITLE_WORDS for t in doc[start:end] if t.is_alpha):
        return None  # "National Security Advisor for", "State" in "Secretary of State": a title, not a body
    if etype == "Organization" and _portfolio(doc, start, end, gazetteer, name):
        return None  # "Trade" in "Trade Minister Maria Lopez": the minister's portfolio, not a body
    if _document(doc, start, end, gazetteer) and (etype != "Person" or doc[end - 1].lower_ not in _SURNAME_WORDS):
        return None  # 'the Abraham Accords' read as a person: no person's name ends with 'Accords'
    if end - start > 1 and doc[end - 1].lower_ in _EVENT_WORDS:
        return None  # 'the Warsaw Uprising', 'the 75th NATO Summit', 'a November Gallup poll': an event, no actor
    return start, end, etype


def _title_before_person(doc, start: int, end: int, etype: str, gazetteer) -> tuple[int, int, str]:
    """A span written right before a person's name that ends with title words ('hosted Israeli National Security
    Advisor Tzachi X', 'Kremlin spokesman Dmitry Y') is the person's title: what precedes the title words stays
    ('Israeli', 'Kremlin'). After '<Title> of' the span is the title's portfolio ('Secretary of Treasury Janet
    Z'), and a span that ran on into the name ('Secretary of Commerce Gina W' read as one body) is the person."""
    portfolio = start >= 2 and doc[start - 1].lower_ == "of" and _capital_title(doc[start - 2])
    portfolio = portfolio and doc[start].lower_ != "the" and not gazetteer.key_for(doc[start:end].text)
    if portfolio:
        given = next((i for i in range(start + 1, end - 1) if speakers.is_given_name(doc[i].text)), None)
        if given is not None and doc[end - 1].text[:1].isupper():
            return given, end, "Person"
    # the title may run on past the span: 'British National Security' tagged a body before 'Advisor Tim X'
    after = end
    while after < len(doc) and after - end < 3 and _capital_title(doc[after]):
        after += 1
    if after >= len(doc) or doc[after].ent_type_ != "PERSON":
        return start, end, etype
    if portfolio:
        return start, start, etype
    if after == end and not _capital_title(doc[end - 1]):
        return start, end, etype
    cut = end
    while cut > start and (doc[cut - 1].lower_ in words.TITLE_WORDS or _capital_title(doc[cut - 1])):
        cut -= 1
    return start, cut, etype


def _adjective_and_demonym(doc, start: int, end: int, gazetteer) -> bool:
    """'Exiled Belarusian opposition leader X' read as a person: two words ending in a state's demonym that qualify
    the common noun after them are no given name and surname ('Alan French' is: a given name comes first, and a
    name heads its phrase)."""
    if end - start != 2 or end >= len(doc) or speakers.is_given_name(doc[start].text):
        return False
    root = doc[start:end].root
    if not (root.dep_ in ("amod", "compound", "nmod") and root.head.i >= end and root.head.text.islower()):
        return False
    entry = gazetteer.demonym(doc[end - 1].text)
    return entry is not None and entry.type == "Country"


def names_a_site(doc, m) -> bool:
    """'George Bush Intercontinental Airport', 'Kennedy Space Center Station': a person's name written as the first
    words of a capitalised site's name (the tagger cuts such names anyhow) is the site's, not a mention of him."""
    if m.type != "Person" or m.kind not in ("gazetteer", "ner"):
        return False
    for tok in doc[m.end : m.end + 3]:
        if not tok.text[:1].isupper():
            return False
        if tok.lower_ in _SITES:
            return True
    return False


def names_a_document(doc, m) -> bool:
    """'the United Nations Charter', 'the Geneva Convention': a body or place the gazetteer knows, written as the
    first words of a document's title, is the document's name, not a mention of the body."""
    after = doc[m.end] if m.end < len(doc) else None
    return (
        m.kind == "gazetteer"
        and m.type in ("Organization", "Place")
        and after is not None
        and after.lower_ in _DOCUMENT_WORDS
        and after.text[:1].isupper()
    )


# nouns of a kind of meeting or proceeding a place's name qualifies ('the Normandy format', 'a Nuremberg-style trial')
_FORMAT_NOUNS = frozenset({"format", "style", "trials", "address"})


def names_a_format(doc, m) -> bool:
    """'talks in the Normandy format', 'a Nuremberg-style tribunal', 'the Nuremberg trials', 'the State of the Union
    address': a place's name that qualifies a kind of meeting, proceeding or speech names the kind, not a place nor
    a state that takes part."""
    i = m.end + 1 if m.end < len(doc) and doc[m.end].text == "-" else m.end
    if i >= len(doc) or m.type not in ("Place", "Country", "Organization"):
        return False
    # 'the Warsaw Uprising': a place written as the first word of an event's name (a body's summit is its own act)
    event = m.type != "Organization" and doc[i].lower_ in _EVENT_WORDS and doc[i].text[:1].isupper()
    return doc[i].lower_ in _FORMAT_NOUNS or event


def _adjective(doc, start: int, end: int, gazetteer) -> bool:
    """A span the tagger read as a name whose head is an adjective qualifying the common noun after it; a demonym or
    a name the gazetteer knows ('Russian', 'Western') stays (its state or bloc is meant)."""
    root = doc[start:end].root
    if root.tag_ not in ("JJ", "VBN") or root.dep_ != "amod" or root.head.i < end or not root.head.text.islower():
        return False
    text = doc[start:end].text
    return gazetteer.key_for(text) is None and gazetteer.demonym(text) is None


# endings of the names of creeds, doctrines and processes ('Judaism', 'de-Nazification', 'NATOization')
_ABSTRACT = re.compile(r"(?i)(ism|[iy][sz]ation|ification)$")


def _abstract(text: str, gazetteer) -> bool:
    """One word (hyphens allowed) naming a creed or a process, which the gazetteer does not know as a name."""
    return " " not in text and _ABSTRACT.search(text) is not None and not gazetteer.key_for(text)


# abbreviations that number the parts of a law or a proclamation ("Sec. 2.", "Art. 5")
_SECTION_LABELS = frozenset({"sec", "art", "para", "ch"})


def _section_label(doc, start: int, end: int) -> bool:
    """'Sec' of 'Sec. 2.': a one-word span that is a section's abbreviation before its number."""
    if end - start != 1 or doc[start].lower_.rstrip(".") not in _SECTION_LABELS:
        return False
    i = end + 1 if end < len(doc) and doc[end].text == "." else end
    return i < len(doc) and doc[i].like_num


# installations a name the tagger cut off may qualify ('the Azovstal steelworks', 'the Antonov airport'); not a museum
# or a factory, which act as bodies too ('the Auschwitz-Birkenau museum declined')
_SITES_AFTER = frozenset({"steelworks", "plant", "refinery", "airport", "airbase", "airfield", "dam"})


def _site_after(doc, start: int, end: int) -> bool:
    """The span's name qualifies the site noun right after it."""
    after = doc[end] if end < len(doc) else None
    return after is not None and after.lower_ in _SITES_AFTER and doc[start:end].root.head.i == after.i


def _capital_title(tok) -> bool:
    return tok.text[:1].isupper() and tok.lemma_.lower() in words.PERSON_ROLES


def _document_word(doc, start: int, end: int) -> bool:
    """'the Treaty on the Non-Proliferation of Nuclear Weapons' cut by the tagger into 'Treaty' and 'the
    Non-Proliferation of Nuclear Weapons'; 'the Prohibiting Russian Uranium' before 'Imports Act': a document's
    title word alone, the name after '<Document> on/of', or a name that runs on to a document word."""
    if end - start == 1 and doc[start].lower_ in _DOCUMENT_WORDS:
        return True
    before = start - 1 if start > 0 and doc[start - 1].lower_ != "the" else start - 2
    if before >= 1 and doc[before].lower_ in ("on", "of", "for") and doc[before - 1].lower_ in _DOCUMENT_WORDS:
        return doc[before - 1].text[:1].isupper()
    i = end
    while i < len(doc) and i - end < 3 and doc[i].text[:1].isupper() and doc[i].lower_ not in _DOCUMENT_WORDS:
        i += 1
    return i > end and i < len(doc) and doc[i].lower_ in _DOCUMENT_WORDS and doc[i].text[:1].isupper()


def _equipment(doc, start: int, end: int, gazetteer) -> bool:
    """'a Bradley American armored vehicle', 'an AMX-10RC': a model of equipment the gazetteer does not know."""
    if gazetteer.key_for(doc[start:end].text):
        return False
    if any(_MODEL.match(t.text) for t in doc[start:end]):
        return True
    if _singular(doc[start:end].text) in _WEAPON_SYSTEMS:
        return True  # "Storm Shadows and Scalps": a weapon system's name, written like a name
    root = doc[start:end].root
    if end - start > 1 and _equipment_noun(root):
        return True  # "Bradley Infantry Fighting Vehicles": a name ending in an equipment noun names a model
    return root.dep_ in ("amod", "compound", "nmod") and _equipment_noun(root.head)


def _equipment_noun(tok) -> bool:
    lower = tok.lower_
    return tok.lemma_.lower() in _EQUIPMENT or lower in _EQUIPMENT or lower.endswith("s") and lower[:-1] in _EQUIPMENT


def _after_lowercase_role(doc, start: int, end: int, gazetteer) -> bool:
    """ "Israel's national security adviser Tzachi X", 'the defence minister Jan Y', 'the commander of the ground forces,
    Jan Z,': a name the tagger read as a body, right after a person's role noun written in lower case that qualifies
    it or set beside such a role, is the person holding the role."""
    if start == 0 or end - start < 2 or gazetteer.key_for(doc[start:end].text):
        return False
    root = doc[start:end].root
    role = root.head
    if root.dep_ == "appos" and role.i < start and role.text.islower() and role.lemma_ in words.PERSON_ROLES:
        # 'The commander of Ukraine's ground forces, Oleksandr Y,': the role names its body, the name its holder (in
        # 'X, commander, Joint Forces Command' the body follows the role)
        owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in role.children)
        return owned and doc[end - 1].lemma_.lower() not in words.ORG_NOUNS | words.FORCE_NOUNS | {"command"}
    role = doc[start - 1]
    tied = role.head.i in range(start, end) or root.head.i == role.i  # the parser hangs either on either
    return role.text.islower() and role.lemma_ in words.PERSON_ROLES and tied


def _common_noun(tok, gazetteer) -> bool:
    """'Referendums are due', 'Riot police fired': a common noun the tagger read as a one-word person's name, either
    plural (no name is tagged as a plural noun) or capitalised at the sentence's start before the noun it qualifies
    when kg's lexicons know it as an event's or an agent's noun ('riot', 'border')."""
    if gazetteer.key_for(tok.text):
        return False
    if tok.tag_ == "NNS":
        return True
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    qualifies = after is not None and after.pos_ == "NOUN" and after.text.islower() and tok.head.i == after.i
    return qualifies and _opens_sentence(tok) and tok.lower_ in _lexicon_nouns()


@functools.cache
def _lexicon_nouns() -> frozenset[str]:
    """The nouns of the hand-made event triggers and the generic agents (lower case)."""
    triggers = frozenset(t.lemma for t in lexicons.load_triggers() if t.pos == "NOUN" and " " not in t.lemma)
    return triggers | frozenset(lexicons.load_agents())


def _opens_sentence(tok) -> bool:
    return tok.is_sent_start or tok.i == 0 or tok.doc[tok.i - 1].is_space


def _document(doc, start: int, end: int, gazetteer) -> bool:
    """'the National Emergencies Act', 'Resolution 2328', 'the Minsk Agreements': a law or treaty the gazetteer
    does not list as a body."""
    names_document = doc[end - 1].lower_ in _DOCUMENT_WORDS or (
        doc[end - 1].like_num and doc[start].lower_ in _DOCUMENT_WORDS
    )
    return names_document and end - start > 1 and not gazetteer.key_for(doc[start:end].text)


def _portfolio(doc, start: int, end: int, gazetteer, name: str) -> bool:
    """A one-word name the gazetteer does not know, written just before a capitalised title noun; an acronym
    ('FCO Minister') is a body."""
    if end - start != 1 or end >= len(doc) or name.isupper() or gazetteer.key_for(name):
        return False
    after = doc[end]
    return after.text[:1].isupper() and after.lemma_.lower() in words.PERSON_ROLES


def person_tails(doc, found: list) -> None:
    """'Minister for the Middle East Tobias Ellwood' read as one body: a span that is no person's but ends with a
    person's full name the article names elsewhere is that person's mention."""
    people = {m.name: m for m in found if m.type == "Person" and m.kind == "ner" and len(m.name.split()) > 1}
    for m in found:
        if m.kind != "ner" or m.type == "Person" or m.entry is not None:
            continue
        for name, person in people.items():
            n = len(person.name.split())
            tail = doc[m.end - n : m.end] if m.end - m.start > n else None
            if tail is not None and tail.text == name:
                m.start, m.type, m.key, m.name, m.head = m.end - n, "Person", person.key, name, tail.root.i
                break


def places_in_bodies(doc, found: list) -> list:
    """'University College London', 'the Kyiv Independent', 'the EU Military Committee': a place or a body the
    gazetteer knows, inside a body's name the tagger found, is part of that name; the body's name holds a
    capitalised word of its own (not only title words: 'NATO Secretary General' is NATO's officer), and no
    possessive ("Ukraine's Defence Ministry" names Ukraine)."""
    known = {i for m in found if m.kind == "gazetteer" for i in range(m.start, m.end)}
    bodies = [
        m
        for m in found
        if m.kind == "ner"
        and m.entry is None
        and m.type in ("Organization", "NewsOutlet")
        and any(t.is_alpha and t.text[:1].isupper() and t.i not in known for t in doc[m.start : m.end])
        and not any(t.tag_ == "POS" and t.i - 1 in known for t in doc[m.start : m.end])
    ]
    titled = [b for b in bodies if any(_own_word(t, known) for t in doc[b.start : b.end])]
    sites = [m for m in found if m.kind == "ner" and m.type == "Place" and doc[m.head].lower_ in _SITES]
    found = [m for m in found if not (m.kind == "gazetteer" and any(_strictly_in(m, s) for s in sites))]
    return [
        m
        for m in found
        if not (
            m.kind == "gazetteer"
            and m.type in ("Place", "Country", "Organization")
            and any(
                b.start <= m.start and m.end <= b.end and b.end - b.start > m.end - m.start
                for b in (bodies if m.type != "Organization" else titled)
            )
        )
    ]


def _strictly_in(m, outer) -> bool:
    return outer.start <= m.start and m.end <= outer.end and outer.end - outer.start > m.end - m.start


def _own_word(tok, known: set[int]) -> bool:
    """A capitalised word of a body's name that is neither a name the gazetteer knows nor a title word."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.i not in known and tok.lower_ not in words.TITLE_WORDS
