"""Collectives named by who they are, wherever the article names them (not only as an event's argument).

Two phenomena, both a plural noun phrase that the role and group nouns of :mod:`kg.extract.entities` miss:

* **A people** named by its plural: "Syrians fled", "ethnic Albanians", "Iraqi Kurds", "the Palestinians". A
  count in front is not part of the name ("many Syrians" is the Syrians).
* **A state's people** by the word 'people': "the Ukrainian people", "the people of Sudan" (one group, however
  written: not the state, which acts through its government).
* **An agent qualified by its state or people**: "Swiss doctors", "Palestinian prisoners", "Chinese companies" (a
  people noun of :data:`kg.extract.words.PEOPLE_NOUNS` or a Phoenix agent noun, with a demonym in front). Without
  the demonym ("doctors", "thousands of students") a plural is an entity only as an event's argument
  (:mod:`kg.extract.collectives`).

Both are ``Group`` mentions; :func:`kg.extract.collectives.qualify_groups` then ties the group to the state its
demonym names.
"""

from __future__ import annotations

from kg.extract import entities, names, words

__all__ = ["mentions", "state_of_people"]

_PLURAL = ("NNS", "NNPS")
_NAME_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
# Words before a people's name that count or quantify it rather than say which: "many Syrians", "most Kurds".
_QUANTIFIERS = frozenset(
    """many some most all few several other more fewer thousands hundreds millions dozens numerous countless""".split()
)


def mentions(doc, gazetteer, agent_nouns: frozenset[str]) -> list[entities.Mention]:
    """Group mentions for peoples and for agent nouns qualified by a state or people."""
    out = []
    for tok in doc:
        if (
            not (tok.tag_ in _PLURAL or _plural_name(tok, gazetteer))
            or tok.dep_ in ("compound", "amod")
            or not tok.is_alpha
        ):
            continue
        lemma = tok.lemma_.lower()
        people = _state_people(doc, tok, gazetteer) if tok.text == "people" else None
        if people is not None:
            out.append(people)
        elif tok.text[:1].isupper() and _names_a_people(tok, gazetteer):
            out.append(_mention(doc, tok))
            state = gazetteer.demonym(tok.text)
            if state is not None and state.type == "Country":  # 'Ukrainians' and 'the Ukrainian people': one group
                out[-1].key = _people_key(state)
        elif (
            lemma not in words.GROUP_NOUNS
            and (lemma in words.PEOPLE_NOUNS or lemma in agent_nouns)
            and any(_demonym(c, gazetteer) for c in tok.lefts if c.dep_ in _NAME_DEPS)
        ):
            out.append(_mention(doc, tok))
    return out


def _state_people(doc, tok, gazetteer) -> entities.Mention | None:
    """'the Sudanese people', 'the people of Sudan': the people of the state a demonym before the word or an 'of'
    phrase after it names; keyed by the state, so that both ways of writing it are one group."""
    found = state_of_people(doc, tok, gazetteer)
    if found is None:
        return None
    state, word = found
    start, end = (word.i, tok.i + 1) if word.i < tok.i else (tok.i, word.i + 1)
    name = doc[start:end].text
    return entities.Mention(start, end, "Group", _people_key(state), name, tok.i, "np")


def state_of_people(doc, tok, gazetteer):
    """The state whose people the word 'people' names, and the word that names it: the demonym before it ('the
    Sudanese people') or the place of its 'of' phrase ('the people of Sudan'); None for any other people."""
    demonyms = [c for c in tok.lefts if c.dep_ in _NAME_DEPS and _demonym(c, gazetteer)]
    if demonyms:
        state, word = gazetteer.demonym(demonyms[0].text), demonyms[0]
    else:
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if place is None or not place.text[:1].isupper():
            return None
        state, word = gazetteer.entry_for(gazetteer.key_for(doc[place.left_edge.i : place.i + 1].text)), place
    if state is None or state.type != "Country":
        return None
    return state, word


def _people_key(state) -> str:
    return f"{entities.PEOPLE_KEY}{state.name.lower()}"


def _plural_name(tok, gazetteer) -> bool:
    """'thousands of Georgians': a plural demonym the tagger took for a singular name (NNP)."""
    if tok.tag_ != "NNP" or not tok.lower_.endswith("s"):
        return False
    entry = gazetteer.demonym(tok.text)
    return entry is not None and gazetteer.demonym(tok.text[:-1]) == entry


def _names_a_people(tok, gazetteer) -> bool:
    """'Syrians', 'Kurds', 'Albanians': a plural demonym the gazetteer knows, or one spaCy calls a nationality or
    religious or political group, standing as a noun (not 'Syrian' before a noun)."""
    return gazetteer.demonym(tok.text) is not None or tok.ent_type_ == "NORP"


def _demonym(tok, gazetteer) -> bool:
    """'Swiss', 'Palestinian', 'Iraqi': a capitalised word naming a state's or a people's members."""
    return tok.text[:1].isupper() and (gazetteer.demonym(tok.text) is not None or tok.ent_type_ == "NORP")


def _mention(doc, tok) -> entities.Mention:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _NAME_DEPS and child.lower_ not in _QUANTIFIERS and not child.like_num:
            start = min(start, child.left_edge.i)
    start, end = names.trim(doc, start, tok.i + 1)
    name = entities.clean_name(doc[start:end].text)
    return entities.Mention(
        start, end, "Group", f"Group:{entities._norm(name)}", name, tok.i, "np", role=tok.lemma_.lower()
    )
