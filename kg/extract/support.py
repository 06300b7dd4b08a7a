"""Support a noun names: 'X reiterated its support for Y', 'in support of Y', 'aid to Y', 'solidarity with Y',
'commitment to the security of Y', 'arms transfers to Y' -> X supports Y."""

from __future__ import annotations

from kg.extract import factuality
from kg.extract.ties import (
    clause_subject,
    conj_ids,
    named_by,
    owner,
    owner_of_act,
    party,
    relation,
    states_of_leaders,
    tokens_of,
)

__all__ = ["committed_to", "provides_with_arms_or_aid", "support_nouns"]

# Nouns of one-way support and the prepositions that name whom they go to: 'support for Y', 'in support of Y',
# 'aid to Y', 'solidarity with Y'.
_SUPPORT_NOUNS = {
    "support": ("for", "of", "to"),
    "backing": ("for", "of"),
    "assistance": ("to", "for"),
    "aid": ("to", "for"),
    "help": ("to", "for"),
    "solidarity": ("with",),
    "commitment": ("to",),
}
# nouns of handing over that support their recipient when what is handed over is arms: 'arms transfers to Y',
# 'weapons deliveries to Y', 'the supply of missiles to Y' ('the transfer of power to Y' takes no side)
_HANDING_NOUNS = frozenset({"transfer", "delivery", "shipment", "supply", "sale", "export"})
_ARMS_WORDS = frozenset(
    """arms weapon weapons ammunition munitions missile missiles drone drones tank tanks artillery rocket rockets
    shell shells jet jets military""".split()
)
# verbs that carry a support noun to its recipient: 'sent aid to Y', 'express our support to Y'
_GIVING_VERBS = frozenset(
    """send provide give deliver offer pledge promise express extend reiterate reaffirm announce continue increase
    boost show voice confirm approve supply""".split()
)
_RELIEF_NOUNS = frozenset({"aid", "assistance", "help"})


def committed_to(ctx, led: dict[str, str]):
    """'The United States is committed to Ukraine's long-term success', 'X remains committed to the security of Y':
    who is committed to a party, or to its security, success or defence, supports it."""
    for tok in tokens_of(ctx, lowers=frozenset({"committed"})):
        if tok.tag_ not in ("VBN", "JJ"):
            continue
        targets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
        recipients = [e for p in targets if p.dep_ == "pobj" for e in named_by(ctx, p)]
        committed = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
        givers = conj_ids(ctx, committed)
        if not committed and tok.dep_ in ("conj", "acomp", "oprd"):  # 'X has skin in the game and is committed to Y'
            givers = conj_ids(ctx, [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")])
        modality, _ = factuality.modality(tok, ctx.cues)
        for s in states_of_leaders(givers, led):
            for o in recipients:
                if s != o and party(ctx, s) and party(ctx, o):
                    yield relation(ctx, "supports", s, o, list(tok.subtree), modality=modality, confidence=0.55)


def support_nouns(ctx, served: dict[str, str], led: dict[str, str]):
    """'X reiterated its support for Y', 'strikes in support of Y', 'US support for Y', 'sent aid to Y',
    'solidarity with Y' -> X supports Y."""
    for tok in tokens_of(ctx, frozenset(_SUPPORT_NOUNS) | _HANDING_NOUNS):
        lemma = tok.lemma_.lower()
        if lemma in _HANDING_NOUNS and not _of_arms(tok):
            continue
        if lemma not in _SUPPORT_NOUNS and lemma not in _HANDING_NOUNS or tok.pos_ != "NOUN":
            continue
        preps = _SUPPORT_NOUNS.get(lemma, ("to",))
        targets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
        carrier = tok.head if tok.dep_ in ("dobj", "conj") else None
        if carrier is not None and tok.dep_ == "conj":
            carrier = carrier.head if carrier.dep_ == "dobj" else None
        evidence = list(tok.subtree)
        if not targets and carrier is not None and carrier.lemma_.lower() in _GIVING_VERBS:
            targets = [p for c in carrier.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
            evidence = list(carrier.subtree)
        # 'support to Russia's war against Ukraine', 'aid for Ukraine's counteroffensive': the act's owner
        recipients = [e for p in targets if p.dep_ == "pobj" for e in named_by(ctx, p) or owner_of_act(ctx, p)]
        if not recipients:
            continue
        if lemma in _RELIEF_NOUNS:  # 'assistance to Palestinians in need': relief of people takes no side
            recipients = [o for o in recipients if ctx.table.get(o).type != "Group"]
        givers = _support_givers(ctx, tok, served, led)
        modality, _ = factuality.modality(tok.head if tok.head.pos_ in ("VERB", "AUX") else tok, ctx.cues)
        for s in givers:
            for o in recipients:
                if s != o and party(ctx, s) and party(ctx, o):
                    yield relation(ctx, "supports", s, o, evidence, modality=modality, confidence=0.55)


# what is handed over 'with' that takes the side of whom it is handed to: arms, aid, money
_GIVEN_WORDS = _ARMS_WORDS | frozenset(
    """aid assistance support help money fund funds funding loan loans credit equipment billion million""".split()
)


def provides_with_arms_or_aid(verb) -> bool:
    """'supply Ukraine with three billion pounds in military aid', 'provide Israel with interceptors'."""
    given = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    return any(t.lemma_.lower() in _GIVEN_WORDS or t.lower_ in _GIVEN_WORDS for p in given for t in p.subtree)


def _of_arms(noun) -> bool:
    """'arms transfers', 'weapons deliveries', 'the supply of missiles': what is handed over is arms."""
    return any(
        c.dep_ in ("compound", "amod", "nmod")
        and c.lower_ in _ARMS_WORDS
        or c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lower_ in _ARMS_WORDS or any(g.lower_ in _ARMS_WORDS for g in p.children) for p in c.children)
        for c in noun.children
    )


def _support_givers(ctx, tok, served: dict[str, str], led: dict[str, str]) -> list[str]:
    """Who gives the support a noun names. A person who announces or reiterates support speaks for the state or body
    that gives it, and 'our support' announced by a state's official is his state's. A person's own support ('his
    commitment to Y', "Pence's support for Y") is his, a state leader's his state's ("President Biden's ironclad
    commitment to Y")."""
    owners = owner(ctx, tok)
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children):
        found = [served.get(g, g) for g in owners or _support_giver(ctx, tok)]
    elif owners and not any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in tok.children):
        return states_of_leaders(owners, led)
    else:  # 'their support' is a state's or a body's: the pronoun names no person surely
        found = owners or _support_giver(ctx, tok)
    return [g for g in found if ctx.table.get(g).type != "Person"]


def _support_giver(ctx, tok) -> list[str]:
    """Who gives the support a noun names when it has no owner: the subject of the clause ('X provided aid',
    'X conducted strikes in support of Y')."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        if tok.head.head.pos_ in ("NOUN", "PROPN"):  # 'strikes in support of Y': whose strikes
            found = owner(ctx, tok.head.head)
            if found:
                return found
        return clause_subject(ctx, tok)
    verb = tok.head.head if tok.dep_ == "conj" else tok.head
    if tok.dep_ in ("dobj", "conj") and verb.lemma_.lower() in _GIVING_VERBS:
        return clause_subject(ctx, tok)
    return []  # 'Russia will not outlast the support for Ukraine': the subject does not give it
