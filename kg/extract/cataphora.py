"""Descriptions written before the name they describe: one person, not two.

A news lead often describes its speaker and names him in the next sentence: "..., a UK defence minister has
said. / James Heappey said strikes were legitimate." A spokesman may be described first and named later with the
same description: "The spokeswoman for the Foreign Ministry stressed ... , said the spokeswoman for the Foreign
Ministry, Jane Roe." The rules here join such a description to the name (``definite-description``, as a
description joining a name after it does in :func:`kg.extract.coreference.link_state_offices`); left apart, the
article has a nameless person besides the named one and the title's relations go to the nameless one.
"""

from __future__ import annotations

__all__ = ["link_descriptions_ahead"]

# verbs of a lead's speaker: "a minister has said", "the head of the agency has warned"
_SAYING = frozenset(
    {"say", "tell", "warn", "claim", "insist", "add", "argue", "write", "stress", "admit", "confirm", "announce"}
)


def link_descriptions_ahead(doc, mentions: list) -> None:
    """Join an unlinked description of a person to the person named after it: the lead's speaker named in the next
    sentence (:func:`_lead_speaker`), or the one person a later apposition gives the same description
    (:func:`_described_again`)."""
    named = [m for m in mentions if m.type == "Person" and m.kind in ("ner", "gazetteer")]
    for m in mentions:
        if m.rule or m.type != "Person" or m.kind not in ("np", "anaphor"):
            continue
        holder = _lead_speaker(doc, m, named) or _described_again(doc, m, mentions)
        if holder is not None:  # the description keeps its kind: its title's relations are now the person's
            m.key, m.name, m.entry, m.rule = holder.key, holder.name, holder.entry, "definite-description"


def _lead_speaker(doc, m, named: list):
    """'..., a UK defence minister has said. / James Heappey said ...': a description speaking before anyone is
    named, and a person named first as the speaker of the very next sentence, of no other state than the
    description's."""
    if any(p.start < m.start for p in named) or not _speaks(doc[m.head]):
        return None
    after = [p for p in named if p.start >= m.end]
    if not after:
        return None
    person = after[0]
    sentence = doc[m.start].sent
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    while following is not None and not any(t.is_alpha for t in following):  # a paragraph break of its own
        following = doc[following.end].sent if following.end < len(doc) else None
    if following is None or not (following.start <= person.start < following.end) or not _speaks(doc[person.head]):
        return None
    state = person.entry.country if person.entry is not None else None
    if state and m.countries and state not in m.countries:
        return None  # 'the US president has said. / Zelenskyy said': not him
    return person


def _described_again(doc, m, mentions: list):
    """'The spokeswoman for the Foreign Ministry stressed ... said the spokeswoman for the Foreign Ministry, Jane
    Roe': a description that joined no one before it, and the one person an apposition after it describes with
    the same role and at least the same words."""
    if m.role is None:
        return None
    words = _content(doc[m.head])
    later = [
        a
        for a in mentions
        if a.start > m.start and a.rule == "apposition" and a.role == m.role and words <= _content(doc[a.head])
    ]
    keys = {a.key for a in later}
    return later[0] if len(keys) == 1 else None


def _speaks(tok) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SAYING


def _content(tok) -> set[str]:
    return {t.lemma_.lower() for t in tok.subtree if t.is_alpha and not t.is_stop}
