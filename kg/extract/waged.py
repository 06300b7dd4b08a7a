"""A fight whose 'against' the parser hangs on the verb that wages it: 'the war Russia unleashed against Ukraine',
'X waged a campaign against Y' -> the verb's subject opposes Y (``stances`` reads the 'against' on the noun)."""

from __future__ import annotations

from kg.extract import factuality
from kg.extract.ties import conj_ids, party, relation, subjects, tokens_of


def waged_against(ctx, fights: frozenset, waging: frozenset):
    """``fights``: the nouns of a fight ('war', 'campaign'); ``waging``: the verbs that carry one out."""
    for verb in tokens_of(ctx, waging):
        fight = _fight(verb, fights)
        if fight is None:
            continue
        targets = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children]
        objects = [o for o in conj_ids(ctx, [p for p in targets if p.dep_ == "pobj"]) if party(ctx, o)]
        if not objects:
            continue
        modality, _ = factuality.modality(verb, ctx.cues)
        for s in subjects(ctx, verb):
            for o in (o for o in objects if o != s and party(ctx, s)):
                yield relation(ctx, "opposes", s, o, list(fight.subtree), modality=modality, confidence=0.55)


def _fight(verb, fights: frozenset):
    """The fight the verb wages: its object ('waged a war'), or the noun its relative clause is of ('the war that
    X unleashed')."""
    if verb.pos_ != "VERB":
        return None
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in fights:
        return verb.head
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in fights), None)
