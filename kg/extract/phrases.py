"""Mentions made by a noun phrase rather than a name: a role ("an anonymous European diplomat", "Taiwan's Vice
Foreign Minister"), a collective ("European defense officials", "Iranian-backed terrorist groups"), a body named by
what it is ("the German chancellery", "the US-led coalition"), a state's government ("the Ukrainian government").
"""

from __future__ import annotations

from kg.extract import words
from kg.extract.mention import Mention, clean_name
from kg.extract.mention import norm as _norm
from kg.extract.names import COURTESY_TITLES, RANK
from kg.extract.names import trim as _trim

__all__ = ["addressees", "left_edge", "names_an_office", "np_mentions"]


_WH_TAGS = frozenset({"WRB", "WDT", "WP", "WP$"})
_NOUN_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def np_mentions(doc, gazetteer) -> list[Mention]:
    out: list[Mention] = []
    for tok in doc:
        # the tagger sometimes calls a role noun an adjective ("the official said"): trust its function
        nominal = tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.dep_ in _NOUN_DEPS)
        if nominal and tok.dep_ == "compound" and tok.lemma_.lower() in words.ORG_NOUNS:
            out.extend(m for m in [_body_in_title(doc, tok, gazetteer)] if m is not None)
        if not nominal or tok.dep_ in ("compound",):
            continue
        lemma = tok.lemma_.lower()
        plural = tok.tag_ in ("NNS", "NNPS")
        # "Israel's foreign ministry" tagged a proper noun: a body written in lower case is no proper name
        proper = tok.pos_ == "PROPN" and not tok.text.islower()
        if lemma in words.STATE_NOUNS:
            m = _state_mention(doc, tok, gazetteer)
        elif proper and not plural and lemma in words.PERSON_ROLES and _owned(tok):
            m = _role_mention(doc, tok)  # "Taiwan's Vice Foreign Minister": a capitalised title with its owner
        elif proper and not plural and lemma in words.PERSON_ROLES:
            m = _bare_title(doc, tok)  # "The Vice President urged ...": a title standing for its holder
        elif proper and lemma == "administration" and not plural:
            m = _org_mention(doc, tok)  # "the Biden-Harris Administration": a leader's government, named by them
        elif proper and not plural and lemma in BODY_HEADS and tok.ent_type_ not in _NAMED:
            m = _proper_body(doc, tok, gazetteer)  # "the EU Foreign Affairs Council": a body's name the tagger missed
        elif proper and not tok.ent_type_ and _described_as_alliance(tok):
            m = _named_alliance(doc, tok, gazetteer)  # "AUKUS, a defence pact of ...": a body the tagger missed
        elif proper:
            m = None
        elif tok.pos_ == "ADJ" and lemma not in words.PERSON_ROLES:
            m = None
        elif plural and (lemma in words.GROUP_NOUNS or lemma in _ARMED_BODIES):
            m = _group_mention(doc, tok)
        elif not plural and lemma in _COLLECTIVE_NOUNS:
            m = _group_mention(doc, tok)  # "the Ukrainian delegation": one noun for the people a state sends
        elif not plural and (lemma in words.PERSON_ROLES or (lemma in words.LEADER_TITLES and _appositive(tok))):
            m = _role_mention(doc, tok)
        elif not plural and lemma in words.ORG_NOUNS:
            m = _org_mention(doc, tok)
        elif not plural and lemma in words.FORCE_NOUNS and _modifiers(tok):
            m = _org_mention(doc, tok)  # "the Iraqi military": a state's armed forces (joined in _link_forces)
        elif not plural and lemma in _LED_BODIES and _led(tok):
            m = _org_mention(doc, tok)  # "the US-led coalition": a body its leader names
        else:
            m = None
        if m is not None:
            out.append(m)
    return out


# Head nouns that make a capitalised name a body's ("the EU Foreign Affairs Council", "the U.S.-Israel Strategic
# Consultative Group"), whatever kind of name the tagger took it for
BODY_HEADS = words.ORG_NOUNS | frozenset(
    """group conference alliance coalition forum assembly union organization organisation association
    congress""".split()
)


# singular nouns for a collective of people, a Group when a modifier says whose ('the Ukrainian delegation')
_COLLECTIVE_NOUNS = frozenset({"delegation"})


# Labels of named entities the extractor keeps: a body noun under one of them is that name's business
_NAMED = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"})


def _proper_body(doc, tok, gazetteer) -> Mention | None:
    """A capitalised body noun with capitalised words before it that no named entity covers: the whole is a body's
    name, unless the gazetteer knows it (its own mention then)."""
    start = tok.i
    while start > tok.left_edge.i and _name_word(doc[start - 1]):
        start -= 1
    if start == tok.i or not any(t.text[:1].isupper() for t in doc[start : tok.i]):
        return None
    start, end = _trim(doc, start, tok.i + 1)
    name = clean_name(doc[start:end].text)
    if gazetteer.key_for(name) or any(t.ent_type_ == "PERSON" for t in doc[start:end]):
        return None
    return Mention(
        start, end, "Organization", f"Organization:{_norm(name)}", name, tok.i, "np", role=tok.lemma_.lower()
    )


# nouns that describe a name as a body of states: 'AUKUS, a defence pact of A, B and C'
_ALLIANCE_WORDS = frozenset({"alliance", "pact", "coalition", "bloc", "grouping"})


def _described_as_alliance(tok) -> bool:
    return any(c.dep_ == "appos" and c.lemma_.lower() in _ALLIANCE_WORDS for c in tok.children)


def _named_alliance(doc, tok, gazetteer) -> Mention | None:
    start = tok.i
    while start > tok.left_edge.i and _name_word(doc[start - 1]) and doc[start - 1].dep_ == "compound":
        start -= 1
    start, end = _trim(doc, start, tok.i + 1)
    name = clean_name(doc[start:end].text)
    if gazetteer.key_for(name):
        return None  # the gazetteer's own mention
    return Mention(start, end, "Organization", f"Organization:{_norm(name)}", name, tok.i, "np", role="alliance")


def _name_word(tok) -> bool:
    """A word of a body's name, read off the surface (the parser hangs such names anyhow): capitalised, not a
    possessive's owner, or the hyphen of a compound name ('U.S.-Israel')."""
    return tok.dep_ != "poss" and tok.tag_ != "POS" and (tok.text[:1].isupper() or tok.text in ("-", "–"))


def _owned(tok) -> bool:
    return any(c.dep_ == "poss" for c in tok.lefts)


def _modifiers(tok) -> list:
    return [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "npadvmod") or _proper_nmod(c)]


def _proper_nmod(c) -> bool:
    return c.dep_ == "nmod" and c.pos_ == "PROPN"


def left_edge(tok) -> int:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("amod", "compound", "poss", "det", "predet", "advmod", "npadvmod") or _proper_nmod(child):
            start = min(start, child.left_edge.i)
    return start


def _is_title_of_name(tok) -> bool:
    """'spokesman Dmitry Peskov', 'chief of staff, Yermak': the role noun is a title, not a referent."""
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return True
    if tok.dep_ == "nmod" and tok.head.pos_ == "PROPN" and tok.head.ent_type_ == "PERSON" and tok.i < tok.head.i:
        return True  # "Ukrainian commander-in-chief Valerii X": the hyphened title hangs on the name
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
        return True
    return tok.dep_ == "appos" and tok.head.pos_ == "PROPN"


def _appositive(tok):
    """The name set after a role phrase by a comma: 'A member of the Syrian parliament, Mohammed Mamoun,'. The
    parser may hang it on the body the role names ('The head of the Atomic Agency, Jan Roe,'); a person's name is
    no apposition of a body, so it names the role."""
    named = next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and _comma_before(c, tok)), None)
    return named or next(
        (
            c
            for prep in tok.rights
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
            for body in prep.children
            if body.dep_ == "pobj"
            for c in body.rights
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and _comma_before(c, tok)
        ),
        None,
    )


def _comma_before(name, tok) -> bool:
    """A comma between the role and the name, and no other person's name ("her adviser Dorin X - who ..., PM
    Natalia Y said": the parser's apposition skips Dorin X)."""
    between = name.doc[tok.i : name.left_edge.i]
    return any(t.text == "," for t in between) and not any(t.ent_type_ == "PERSON" for t in between)


# Nouns for an office itself: "the post of defence minister"
_OFFICE_NOUNS = frozenset({"role", "post", "position", "office", "job", "title", "seat", "rank"})


def _role_mention(doc, tok) -> Mention | None:
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and not any(c.dep_ == "det" for c in tok.lefts):
        return None  # "nominated X as prime minister", "served as defence minister": the office, not a person
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _OFFICE_NOUNS:
        return None  # "the role of CIA director has been ...": the office
    named = _appositive(tok)
    if tok.dep_ == "attr" and named is None:
        return None  # "he is the right leader for this time": says what the subject is, names no one else
    if named is not None and tok.dep_ not in ("compound", "appos"):
        mention = _role_phrase(doc, tok, before=named.left_edge.i)
        if mention is not None:  # joined to the name it describes in coreference.link_appositions
            mention.kind, mention.key, mention.names = "appos", "", named.i
        return mention
    if _is_title_of_name(tok) or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in tok.rights
    ):
        return None
    return _role_phrase(doc, tok)


# roles whose 'of' phrase says whose they are: 'the head of X', 'the president of Moldova'
_OF_ROLES = frozenset(
    """head chief leader director commander member secretary president minister premier chancellor king queen
    emir ambassador""".split()
)


def _role_phrase(doc, tok, before: int | None = None) -> Mention | None:
    """The role phrase of a role noun, which ends before the name set after it (``before``)."""
    start, end = left_edge(tok), tok.i + 1
    of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if of and tok.lemma_.lower() in _OF_ROLES:
        end = of[0].right_edge.i + 1
        if before is not None and tok.i < before < end:
            end = before
    end = _portfolio_end(doc, tok, before) or end
    start, end = _trim(doc, start, end)
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    mods = _modifiers(tok)
    if not mods and end == tok.i + 1:
        if dets and dets[0].lower_ == "the":
            return Mention(start, end, "Person", "", doc[tok.i].text, tok.i, "anaphor", role=tok.lemma_.lower())
        return None
    name = clean_name(doc[start:end].text)
    definite = bool(dets) and dets[0].lower_ == "the"
    return Mention(
        start, end, "Person", f"Person:{_norm(name)}", name, tok.i, "np", role=tok.lemma_.lower(), definite=definite
    )


_LED_BODIES = frozenset({"coalition", "alliance", "force", "mission", "operation", "bloc"})


def _led(tok) -> bool:
    """'the US-led coalition', 'a Saudi-led alliance'."""
    return any(c.dep_ == "amod" and c.lower_ == "led" for c in tok.lefts)


def _bare_title(doc, tok) -> Mention | None:
    """'The Vice President', 'the Foreign Secretary': a capitalised title after 'the', no name with it. It stays a
    mention only if it joins the person named earlier with that title (:func:`_link_titles`)."""
    if _is_title_of_name(tok) or tok.dep_ == "compound":
        return None
    dets = [c for c in tok.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return None
    preps = [c for c in tok.rights if c.dep_ == "prep"]
    if preps:
        return _office(doc, tok, dets[0].i + 1, preps[0])
    start, end = _trim(doc, dets[0].i + 1, tok.i + 1)
    return Mention(start, end, "Person", "", doc[tok.i].text, tok.i, "title", role=tok.lemma_.lower(), definite=True)


# prepositions that say whose an office is or what it is for: 'the Secretary of the Treasury', 'the Permanent
# Representative to the UN', 'the Minister for Foreign Affairs', 'the Special Representative on Sexual Violence'
_OFFICE_PREPS = frozenset({"of", "to", "for", "on"})
_PORTFOLIO_PREPS = frozenset({"for", "on"})


def _office(doc, tok, start: int, prep) -> Mention | None:
    """'the Secretary of the Treasury', 'the King of Jordan', 'The United States Permanent Representative to the United
    Nations': a capitalised title with whose office it is names the office's one holder, a person, even when the
    article gives no name (a named holder's title joins him in coreference.link_titles)."""
    end = _office_end(doc, prep)
    if end is None or _holder_named(doc, tok, end):
        return None  # 'the Secretary of State Antony X', 'the Chairman of the X, General Y': the name's title
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return None  # 'X served as the Director of the Office of Y': the office X held, no other person
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.text[:1].isupper():
        return None  # 'the Residence of the Vice President of the US': a place or body named after the office
    start, end = _trim(doc, start, end)
    name = clean_name(doc[start:end].text)
    role = tok.lemma_.lower()
    return Mention(start, end, "Person", f"Person:{_norm(name)}", name, tok.i, "np", role=role, definite=True)


def _holder_named(doc, tok, end: int) -> bool:
    """The office's holder named right after it, across a comma and a rank ('the Chairman of the X, General Y')."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    while i < len(doc) and i - end < 3 and (RANK.match(doc[i].text) or doc[i].text == "General"):
        i += 1
    return (i < len(doc) and doc[i].ent_type_ == "PERSON") or _appositive(tok) is not None


def names_an_office(doc, m: Mention) -> bool:
    """Whether the mention is a capitalised title with whose office it is ('the Secretary of State'), or a title a
    letter addresses ('Dear Madam President:'): the name of an office, which has one holder, as a person's name has
    one bearer."""
    after = m.head + 1
    return (
        m.type == "Person"
        and m.kind == "np"
        and doc[m.head].text[:1].isupper()
        and ((after < m.end and doc[after].lower_ in _OFFICE_PREPS) or doc[m.start].lower_ in COURTESY_TITLES)
    )


# titles a salutation addresses: a person's role, and the chair of a legislature ('Mr. Speaker')
_ADDRESSED = words.PERSON_ROLES | frozenset({"speaker"})


def addressees(doc) -> list[Mention]:
    """'Dear Mr. Speaker: (Dear Madam President:)': a letter's salutation addresses the holders of offices by a
    courtesy title and the office's title; each is a person (named 'Madam President', as the letter calls her)."""
    out = []
    for sent in doc.sents:
        if not _salutation(sent):
            continue
        for tok in sent[:-1]:
            role = doc[tok.i + 1]
            if tok.lower_ in COURTESY_TITLES and role.text[:1].isupper() and role.lemma_.lower() in _ADDRESSED:
                name = doc[tok.i : role.i + 1].text
                out.append(
                    Mention(
                        tok.i,
                        role.i + 1,
                        "Person",
                        f"Person:{_norm(name)}",
                        name,
                        role.i,
                        "np",
                        role=role.lemma_.lower(),
                    )
                )
    return out


def _salutation(sent) -> bool:
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.text == "Dear"


def _portfolio_end(doc, tok, before: int | None) -> int | None:
    """ "The UN's Special Representative on Sexual Violence in Conflict": a capitalised title goes on through what its
    office is for, written in capitals too (not past the name set after it)."""
    prep = next((c for c in tok.rights if c.dep_ == "prep"), None)
    if not tok.text[:1].isupper() or prep is None or prep.i != tok.i + 1 or prep.lower_ not in _PORTFOLIO_PREPS:
        return None
    end = _office_end(doc, prep)
    return None if end is None or (before is not None and tok.i < before < end) else end


def _office_end(doc, prep) -> int | None:
    """Where a capitalised title's 'of' or 'to' phrase ends when it names whose office it is: its object is
    capitalised ('of State', 'of the House of Representatives'); None for any other phrase ('the President in
    Kyiv', 'the Secretary of defence policy')."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in _OFFICE_PREPS or obj is None or not obj.text[:1].isupper():
        return None
    if prep.lower_ in _PORTFOLIO_PREPS and obj.ent_type_ in ("DATE", "TIME"):
        return None  # 'the President on Monday': when, not what the office is for
    end = obj.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and obj.ent_iob_ in ("B", "I"):
        end += 1  # 'of Homeland Security' parsed with 'Homeland' as the object: the name the tagger found goes on
    inner = next((c for c in obj.rights if c.dep_ == "prep"), None)
    if inner is not None and inner.i == end:
        end = _office_end(doc, inner) or end  # 'the Speaker of the House of Representatives'
    return end


def _org_mention(doc, tok) -> Mention | None:
    """'the German chancellery', "Russia's defence ministry": a body named by what it is."""
    mods = [c for c in _modifiers(tok) if c.lower_ not in ("its", "their", "his", "her")] or _modifiers(tok)
    if not mods or _is_title_of_name(tok):
        return None
    start, end = _trim(doc, left_edge(tok), tok.i + 1)
    name = clean_name(doc[start:end].text)
    return Mention(
        start, end, "Organization", f"Organization:{_norm(name)}", name, tok.i, "np", role=tok.lemma_.lower()
    )


def _body_in_title(doc, tok, gazetteer) -> Mention | None:
    """ "Russia's foreign ministry spokeswoman X", 'the Iranian foreign ministry spokesman': a state's body written in
    lower case right before a role is a body of its own, where the role's holder works (the parser hangs the state
    on the role, so the body's name runs from the state to the body's noun)."""
    role = tok.head
    if role.i != tok.i + 1 or role.lemma_.lower() not in words.PERSON_ROLES or not tok.text.islower():
        return None
    owners = [c for c in [*role.lefts, *tok.lefts] if c.dep_ in ("poss", "compound", "amod") and c.i < tok.i]
    owner = next((c for c in owners if _names_state(doc, gazetteer, c)), None)
    if owner is None or not all(t.tag_ == "POS" or t.text.islower() for t in doc[owner.i + 1 : tok.i]):
        return None
    start = owner.left_edge.i
    name = clean_name(doc[start : tok.i + 1].text)
    return Mention(
        start, tok.i + 1, "Organization", f"Organization:{_norm(name)}", name, tok.i, "np", role=tok.lemma_.lower()
    )


def _names_state(doc, gazetteer, tok) -> bool:
    text = _with_compounds(doc, tok)
    entry = gazetteer.demonym(text) or gazetteer.entry_for(gazetteer.key_for(text))
    return entry is not None and entry.type == "Country"


def _state_mention(doc, tok, gazetteer) -> Mention | None:
    """'the Government of Ukraine', 'the Ukrainian government': the state itself."""
    owners = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss")]
    if tok.text[:1].isupper() and owners and all(_names_no_state(gazetteer, c) for c in owners):
        return None  # "the Islamic State of Iraq and the Levant": a capitalised word in front makes it a name
    owners += [p for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for owner in owners:
        text = _with_compounds(doc, owner)  # "the government of Sri Lanka", "the Sri Lankan government"
        entry = gazetteer.demonym(text) or gazetteer.entry_for(gazetteer.key_for(text))
        if entry is not None and entry.type == "Country":
            start = left_edge(tok)
            end = max(tok.i, owner.i) + 1
            start, end = _trim(doc, start, end)
            return Mention(start, end, "Country", f"gz:{entry.name}", entry.name, tok.i, "np", entry, rule="state-body")
    return None


def _with_compounds(doc, tok) -> str:
    """A word with the compound words before it: 'Lanka' -> 'Sri Lanka'."""
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
        start -= 1
    return doc[start : tok.i + 1].text


def _names_no_state(gazetteer, tok) -> bool:
    return (
        tok.text[:1].isupper()
        and tok.dep_ != "poss"
        and gazetteer.demonym(tok.text) is None
        and not gazetteer.key_for(tok.text)
    )


# Plural bodies that, qualified, are a collective: "Iranian-backed terrorist groups", "armed militias".
_ARMED_BODIES = frozenset({"group", "militia", "faction"})
# Lower-case words that say which kind of armed body: "terrorist groups", "armed factions".
_ARMED_QUALIFIERS = frozenset({"terrorist", "armed", "militant", "extremist", "rebel", "jihadist", "paramilitary"})


def _group_mention(doc, tok) -> Mention | None:
    """'European defense officials', 'most Baltic countries', 'international financial institutions'; not
    'extra troops' or 'family members': a collective needs a modifier that says whose or which kind."""
    mods = [
        m
        for m in _modifiers(tok)
        if (m.text[:1].isupper() and not _capital_of_sentence(m))
        or m.lemma_.lower() in words.GROUP_QUALIFIERS
        or m.dep_ == "poss"
        or (m.lower_ in _ARMED_QUALIFIERS and tok.lemma_.lower() in _ARMED_BODIES)
        or _named_backer(m)
    ]
    whose = _named_whole(tok)
    if not (mods or whose) or _is_title_of_name(tok) or doc[left_edge(tok)].tag_ in _WH_TAGS:
        return None  # "in terms of how many aid workers were killed": a question about them, not a group
    start, end = _trim(doc, left_edge(tok), whose or tok.i + 1)
    name = clean_name(doc[start:end].text)
    return Mention(start, end, "Group", f"Group:{_norm(name)}", name, tok.i, "np", role=tok.lemma_.lower())


# members of a named body are the body (kg.extract.membership); a state's forces are its armed forces (link_forces)
_NOT_COLLECTIVES_OF = words.FORCE_NOUNS | frozenset({"member"})


def _named_whole(tok) -> int | None:
    """'the foreign ministers of Germany and France', 'the citizens of Russia': an 'of' phrase of names only says
    whose the collective is, and is part of its name; where it ends, or None. A capitalised collective ('the Armed
    Forces of Belarus') is a body's name."""
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or tok.lemma_.lower() in _NOT_COLLECTIVES_OF or not tok.text.islower():
        return None
    words_ = [t for t in of.subtree if t.i > of.i and not (t.is_punct or t.dep_ in ("cc", "det"))]
    if not words_ or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words_):
        return None
    return of.right_edge.i + 1


# participles that tie a collective to a named patron: 'Russia-backed separatists', 'Iranian-funded militias'
_BACKED = frozenset({"backed", "supported", "funded", "armed", "sponsored", "financed", "aligned", "allied"})


def _named_backer(mod) -> bool:
    """'Russia-backed', 'Iranian-backed': a patron's name before the participle says whose collective it is."""
    return mod.lower_ in _BACKED and any(c.text[:1].isupper() and c.i == mod.i - 2 for c in mod.lefts)


def _capital_of_sentence(tok) -> bool:
    """'Many countries have sent aid': a word capitalised only because it opens the sentence says no name."""
    return tok.is_sent_start and tok.pos_ != "PROPN" and not tok.ent_type_
