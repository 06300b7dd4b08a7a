"""What the relation rules share: making a Relation from the tokens that state it, and reading the entities
of a coordination ("A, B and C") or of a clause's own subject."""

from __future__ import annotations

from kg.extract import claims
from kg.graph.records import Relation, Span, content_id

# the types a side of a support, opposition or alliance may have: a state, a body, a person, or a named group
# ("Syrian rebels"); a bare common noun ("partners", "civilians") stands for nobody in particular
PARTIES = frozenset({"Country", "Organization", "Person", "Group"})


def relation(ctx, rtype: str, subj: str, obj: str, tokens, *, modality="asserted", confidence=0.7) -> Relation:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    text = ctx.doc[first.i : last.i + 1].text  # only these tokens: doc.text rebuilds the whole article
    rid = "r" + content_id(ctx.article_id, rtype, subj, obj, length=10)
    sources, _ = claims.sources(tokens[0], ctx.resolve, ctx.cues)
    return Relation(rid, rtype, subj, obj, Span(text, start, end), modality, tuple(sources), confidence)


def conj_ids(ctx, tokens) -> list[str]:
    ids: list[str] = []
    for t in tokens:
        stack = [t]
        while stack:
            node = stack.pop(0)
            ids += [e for found in ctx.resolve(node) for e in _as_side(ctx, node, found) if e not in ids]
            stack += [c for c in node.children if c.dep_ == "conj"]
    return ids


def subjects(ctx, verb) -> list[str]:
    """The entities of a verb's active subject."""
    return conj_ids(ctx, [c for c in verb.children if c.dep_ == "nsubj"])


def acting_subjects(ctx, verb) -> list[str]:
    """The subject of a verb that takes a side: 'we will continue to support Y' in a statement is the writer speaking
    for his state, not a side he takes as a person, so a first-person subject names no person here."""
    found = subjects(ctx, verb)
    if any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children):
        found = [e for e in found if ctx.table.get(e).type != "Person"]
    return found


def party(ctx, eid: str) -> bool:
    """Whether an entity may take a side: a state, body or person, or a group its name qualifies
    ('Syrian rebels', 'NATO allies'; not 'partners')."""
    entity = ctx.table.get(eid)
    if entity.type not in PARTIES:
        return False
    return entity.type != "Group" or any(ch.isupper() for ch in entity.name)


def clause_subject(ctx, tok, most: int = 6) -> list[str]:
    """The subject of the clause a word sits in, walking up its heads: whose 'its support' or 'in support of'
    it is ('The UK remains steadfast in its support of Y', 'X conducted strikes in support of Y')."""
    node = tok
    for _ in range(most):
        if node.head is node:
            break
        below, node = node, node.head
        if below.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in node.children):
            return []  # 'X urged allies to arm Y': the allies would act, not X (and kg does not know them)
        if below.dep_ != "poss" and node.pos_ == "NOUN":
            # 'X stressed the commitment of the US to supporting Y': the noun's named owner acts, not X
            owners = [e for c in node.children if c.dep_ == "poss" for e in ctx.resolve(c)]
            owners += [e for c in node.children if c.lower_ == "of" for p in c.children for e in ctx.resolve(p)]
            if owners:
                return owners
        if node.pos_ in ("VERB", "AUX"):
            # 'The UK is committed to supporting Y': the subject of a stative passive is the one committed
            found = acting_subjects(ctx, node) or conj_ids(ctx, [c for c in node.children if c.dep_ == "nsubjpass"])
            if found or node.dep_ not in ("xcomp", "conj", "advcl", "acomp", "pcomp"):
                return found  # a subordinate clause ('ccomp', 'relcl') has a subject of its own
    return []


def owner(ctx, tok) -> list[str]:
    """Whose a noun is: its possessive ('Iran's', 'its' bound by the clause subject; 'our' is the writer's), its qualifier ('US', 'Iranian'),
    or the agent after 'by'."""
    found: list[str] = []
    for c in tok.children:
        if c.dep_ == "poss":
            found += ctx.resolve(c) or (antecedent(ctx, c) if c.lower_ in ("its", "their") else [])
        elif c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            found += ctx.resolve_modifier(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ == "by":
            found += conj_ids(ctx, [p for p in c.children if p.dep_ == "pobj"])
    return list(dict.fromkeys(found))


# acts whose backer supports their owner: "funded Russia's war", "backed Ukraine's counteroffensive"
_BACKED_ACTS = frozenset(
    """attack war offensive counteroffensive campaign fight struggle defence defense resistance effort operation
    strike invasion assault raid""".split()
)


def owner_of_act(ctx, noun) -> list[str]:
    """The named owner of an act ('Ukraine's', 'Houthi'); not a pronoun's ('their defensive operations')."""
    if noun.lemma_.lower() not in _BACKED_ACTS or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return []
    return owner(ctx, noun)


def antecedent(ctx, pronoun) -> list[str]:
    """What 'its' or 'their' stands for: the nearest state, body or group named before it in the sentence ('sanctions
    against Moscow over its invasion', 'The UK remains steadfast in its support'), else the clause's subject."""
    table = ctx.table
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        eid = table.by_token.get(i)
        if eid is not None and table.get(eid).type in ("Country", "Organization", "Group"):
            return [eid]
    return clause_subject(ctx, pronoun)


def named_by(ctx, tok) -> list[str]:
    """The entities a noun phrase stands for: itself, else its owner when it is a state's people, government, fight
    or defence ('the government of Iraq', "Ukraine's defence", 'the people of Syria')."""
    found = conj_ids(ctx, [tok])
    if found or tok.lemma_.lower() not in _STANDS_FOR_OWNER:
        return found
    found = [
        e
        for c in tok.children
        if c.dep_ == "poss"
        for e in ctx.resolve(c) or (antecedent(ctx, c) if c.lower_ in ("its", "their") else [])
    ]
    found += [e for c in tok.children if c.dep_ in ("amod", "compound") for e in ctx.resolve_modifier(c)]
    found += [
        e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children for e in ctx.resolve(p)
    ]
    return [e for e in dict.fromkeys(found) if not _a_states_people(ctx, e)]


def _as_side(ctx, tok, eid: str) -> list[str]:
    """'the Ukrainian people' is an entity of its own (a group that acts), but a side taken for it or by it is its
    state's: the state when the article names it, else nobody."""
    return _states_named(ctx, tok) if _a_states_people(ctx, eid) else [eid]


def _a_states_people(ctx, eid: str) -> bool:
    entity = ctx.table.get(eid)
    return entity.type == "Group" and "people" in entity.name.lower().split()


def _states_named(ctx, people) -> list[str]:
    """The state of 'the Ukrainian people' (its demonym) or 'the people of Ukraine' (its 'of' phrase), when the
    article has it as an entity."""
    gazetteer = ctx.resolver.gazetteer
    words_ = [people, *(c for c in people.children if c.dep_ in ("amod", "compound"))]
    words_ += [p for c in people.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    names = {
        e.name for w in words_ for e in (gazetteer.demonym(w.text), gazetteer.entry_for(gazetteer.key_for(w.text))) if e
    }
    return [e.id for e in ctx.table.entities if e.type == "Country" and e.name in names]


_STANDS_FOR_OWNER = frozenset(
    """government people fight defense defence self-defense self-defence effort efforts security sovereignty
    forces military army struggle right independence integrity freedom success victory recovery""".split()
)


def tokens_of(ctx, lemmas=frozenset(), lowers=frozenset()):
    """The tokens of the article's kept sentences whose lemma is one of ``lemmas`` or whose lower-case text is one of
    ``lowers``, in text order, from an index of the article's words built once: the relation rules look at a few
    words, not at every token."""
    doc = ctx.doc
    index = doc.user_data.get(_INDEX)
    if index is None:
        index = doc.user_data[_INDEX] = _word_index(doc)
    by_lemma, by_lower = index
    strings = doc.vocab.strings
    found = {i for lemma in lemmas for w in (lemma, lemma.capitalize()) for i in by_lemma.get(strings[w], ())}
    found.update(i for w in lowers for i in by_lower.get(strings[w], ()))
    for i in sorted(found):
        tok = doc[i]
        if tok.sent.start not in ctx.skip_sents:
            yield tok


_INDEX = "kg.relations.word_index"


def _word_index(doc) -> tuple[dict, dict]:
    by_lemma: dict[int, list[int]] = {}
    by_lower: dict[int, list[int]] = {}
    for i, (lemma, lower) in enumerate(doc.to_array(["LEMMA", "LOWER"]).tolist()):
        by_lemma.setdefault(lemma, []).append(i)
        by_lower.setdefault(lower, []).append(i)
    return by_lemma, by_lower


def states_of_leaders(ids: list[str], led: dict[str, str]) -> list[str]:
    """A leader's invasion, war or strikes are his state's: 'Putin invaded Ukraine', 'Putin's war against Y'."""
    return list(dict.fromkeys(led.get(e, e) for e in ids))
