"""Standing relations stated in the text: roles from titles ("US President Joe Biden" ->
leader_of), affiliations ("President Putin's spokesman Dmitry Peskov"), alliances,
membership, support and opposition."""

from __future__ import annotations

from kg.extract import claims, words
from kg.graph.records import Relation, Span, content_id

_SUPPORT_VERBS = {"support": "supports", "back": "supports", "oppose": "opposes", "fight": "opposes"}
_ALLIANCE_NOUNS = {"alliance", "partnership", "coalition"}


def find_relations(ctx) -> list[Relation]:
    found: dict[tuple, Relation] = {}
    for rel in [*_title_relations(ctx), *_alliance_relations(ctx), *_verb_relations(ctx)]:
        key = (rel.type, rel.subject, rel.object)
        if rel.subject != rel.object and key not in found:
            found[key] = rel
    return list(found.values())


def _relation(ctx, rtype: str, subj: str, obj: str, tokens, *, modality="asserted", confidence=0.7) -> Relation:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    text = ctx.doc[first.i : last.i + 1].text  # only these tokens: doc.text rebuilds the whole article
    rid = "r" + content_id(ctx.article_id, rtype, subj, obj, length=10)
    sources, _ = claims.sources(tokens[0], ctx.resolve, ctx.cues)
    return Relation(rid, rtype, subj, obj, Span(text, start, end), modality, tuple(sources), confidence)


def _title_relations(ctx):
    table = ctx.table
    for m in table.mentions:
        eid = table.by_token.get(m.head)
        if eid is None or ctx.doc[m.start].sent.start in ctx.skip_sents:
            continue
        entity = table.get(eid)
        if entity.type == "Person" and m.kind in ("ner", "gazetteer"):
            yield from _named_person_titles(ctx, eid, ctx.doc[m.head], m)
        elif m.kind == "np" and m.role:
            yield from _role_phrase_relations(ctx, eid, m)


def _named_person_titles(ctx, eid: str, head, m):
    """Modifiers before the name and appositions around it: 'German Chancellor Olaf Scholz',
    'Finance Minister of Ukraine, Sergii Marchenko', "Zelenskyy's chief of staff, Yermak"."""
    title_nodes = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < m.start]
    if head.dep_ == "appos":
        title_nodes.append(head.head)
    title_nodes += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for node in title_nodes:
        yield from _title_node(ctx, eid, node, m)


def _title_node(ctx, eid: str, node, m):
    tokens = _title_tokens(ctx, node, m)
    lemmas = {t.lemma_.lower() for t in tokens}
    leader = bool(lemmas & words.LEADER_TITLES) or {"prime", "minister"} <= lemmas
    titled = leader or bool(lemmas & words.AFFILIATE_TITLES)
    if not titled:
        return
    for other in _entities_in(ctx, tokens):
        otype = ctx.table.get(other).type
        if otype == "Person":
            yield _relation(ctx, "affiliated_with", eid, other, [*tokens, *ctx.doc[m.start : m.end]])
        elif otype in ("Country", "Organization"):
            rtype = "leader_of" if leader and not _deputy(lemmas) else "affiliated_with"
            yield _relation(ctx, rtype, eid, other, [*tokens, *ctx.doc[m.start : m.end]])


def _title_tokens(ctx, node, m) -> list:
    """The title phrase without the person and without what modifies another person in it
    ("Zelenskyy's chief of staff": Yermak is Zelenskyy's aide, not Ukraine's leader)."""
    out, stack = [], [node]
    while stack:
        t = stack.pop()
        if m.start <= t.i < m.end:
            continue
        out.append(t)
        eid = ctx.table.by_token.get(t.i)
        if eid is not None and ctx.table.get(eid).type == "Person" and t.i == _mention_head(ctx, t):
            continue
        # other items of a list ("X, together with Y and Z") are not part of this title
        stack.extend(
            c
            for c in t.children
            if c.dep_ not in ("conj", "cc", "punct", "relcl", "acl", "advcl")
            and not (c.dep_ == "prep" and c.lower_ in ("with", "together"))
        )
    return sorted(out, key=lambda t: t.i)


def _mention_head(ctx, t) -> int:
    return next((mm.head for mm in ctx.table.mentions if mm.start <= t.i < mm.end), t.i)


def _deputy(lemmas: set[str]) -> bool:
    return bool(lemmas & {"deputy", "vice", "former", "acting", "assistant"})


def _entities_in(ctx, tokens) -> list[str]:
    ids = []
    for t in tokens:
        ids.extend(e for e in ctx.resolve_modifier(t) if e not in ids)
    return ids


def _role_phrase_relations(ctx, eid: str, m):
    """'a senior White House official' -> affiliated_with White House; 'the head of X' -> leader_of X."""
    tokens = list(ctx.doc[m.start : m.end])
    head = ctx.doc[m.head]
    owners = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < head.i]
    owners += [g for c in owners for g in c.children if g.dep_ in ("compound", "amod")]
    owners += [
        p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]
    others = [o for o in _entities_in(ctx, owners) if o != eid]
    entity = ctx.table.get(eid)
    for other in others:
        if ctx.table.get(other).type not in ("Country", "Organization"):
            continue
        leader = m.role in words.LEADER_TITLES and entity.type == "Person"
        rtype = "leader_of" if leader else ("member_of" if entity.type == "Group" else "affiliated_with")
        if entity.type == "Group":
            continue
        yield _relation(ctx, rtype, eid, other, tokens, confidence=0.6)


def _alliance_relations(ctx):
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if (lemma not in _ALLIANCE_NOUNS and lemma != "ally") or tok.sent.start in ctx.skip_sents:
            continue  # the word first: finding a token's sentence is costly
        if lemma in _ALLIANCE_NOUNS:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    ids = _conj_ids(ctx, [p for p in prep.children if p.dep_ == "pobj"])
                    for other in ids[1:]:
                        yield _relation(ctx, "allied_with", ids[0], other, list(tok.subtree))
        elif lemma == "ally" and tok.tag_ == "NNS":
            yield from _allies(ctx, tok)


def _allies(ctx, tok):
    """'the US and its allies', "Russia's allies", 'allies of Kyiv'."""
    group = ctx.resolve(tok)
    owners = []
    if tok.dep_ == "conj":
        owners = ctx.resolve(tok.head)
    owners += [e for c in tok.children if c.dep_ == "poss" for e in ctx.resolve(c)]
    owners += [
        e
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for e in ctx.resolve(p)
    ]
    for owner in owners:
        for g in group:
            if g != owner:
                yield _relation(ctx, "allied_with", owner, g, list(tok.head.subtree) if tok.dep_ == "conj" else [tok])


def _conj_ids(ctx, tokens) -> list[str]:
    ids = []
    for t in tokens:
        stack = [t]
        while stack:
            node = stack.pop(0)
            ids += [e for e in ctx.resolve(node) if e not in ids]
            stack += [c for c in node.children if c.dep_ == "conj"]
    return ids


def _verb_relations(ctx):
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or tok.sent.start in ctx.skip_sents:
            continue
        lemma = tok.lemma_.lower()
        if lemma in _SUPPORT_VERBS or lemma == "join":
            subj = _conj_ids(ctx, [c for c in tok.children if c.dep_ == "nsubj"])
            obj = _conj_ids(ctx, [c for c in tok.children if c.dep_ == "dobj"])
            rtype = "member_of" if lemma == "join" else _SUPPORT_VERBS[lemma]
            modality, _ = claims.modality(tok, ctx.cues)
            for s in subj:
                for o in obj:
                    if rtype != "member_of" or ctx.table.get(o).type == "Organization":
                        yield _relation(ctx, rtype, s, o, list(tok.sent), modality=modality, confidence=0.55)
