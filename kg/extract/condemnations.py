"""Accusations made by naming an attack: a teller who calls an attack aggression, or an invasion unprovoked, illegal
or brutal, as she tells it, condemns its doer (PLOVER ACCUSE: "condemn, decry a policy or an action"). Told in the
article's own voice, the words describe; in scare quotes they are cited; foreseen, they condemn no act."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.graph.records import Span, content_id

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.graph.records import Event

__all__ = ["condemnations"]

# words that condemn an attack as they name it ('the unprovoked invasion', 'a proxy war', 'its illegal war'): the
# naming is a judgment of the doer (PLOVER ACCUSE: "condemn, decry a policy or an action"); 'full-scale' or
# 'Russian' only describe it
_CONDEMNING = frozenset(
    """unprovoked unjustified unjust illegal illegitimate unlawful criminal brutal barbaric savage senseless
    needless reckless murderous genocidal heinous cruel proxy imperial colonial""".split()
)
# attack nouns that are themselves a judgment ('Russia's continued aggression', 'a war of aggression'): whoever names
# the act so condemns its doer, as with a condemning adjective
_CONDEMNING_NOUNS = frozenset({"aggression"})
# a teller's own speech acts, which take the attack they name as their matter
_SPEECH_ACT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
_OPENING_MARKS = frozenset({"‘", "“", "'", '"', "``"})
_CLOSING_MARKS = frozenset({"’", "”", "'", '"', "''"})


def condemnations(pairs, telling_word=lambda tok: None, quoting=lambda tok: None) -> list[tuple[Token, Event]]:
    """``pairs`` with the accusation a teller makes by condemning an attack as they name it ("Lavrov said NATO is
    waging a proxy war", "the unprovoked invasion, the minister said"): beside the attack, told as the teller tells
    it, the teller accuses its doer (PLOVER ACCUSE), at the telling word. Told in the article's own voice, the
    words describe; a teller who already accuses someone in that sentence makes no second accusation. Quoted words
    are all the speaker's wording, asides too: the naming is at the verb of the quotation (``quoting(tok)``)."""
    accusing = {(tok.sent.start, e.actors) for tok, e in pairs if e.type == "ACCUSE"}
    speech_acts = {tok.i: e.actors for tok, e in pairs if e.type in _SPEECH_ACT_TYPES}
    added = []
    for tok, event in pairs:
        if event.type != "ASSAULT" or not event.sources or not event.actors or event.modality != "asserted":
            continue  # "a deal would lead to further Russian aggression": an attack foreseen condemns no act
        # the attack's noun, or a verb's object that names it ('waging a proxy war', 'launched an illegal invasion')
        named = [tok] if tok.pos_ == "NOUN" else [c for c in tok.children if c.dep_ == "dobj"]
        if not _condemned(named) or any(_cited(n) for n in named):
            continue
        teller = event.sources[-1]
        if (tok.sent.start, (teller,)) in accusing or teller in event.actors:
            continue
        if any(teller in speech_acts.get(a.i, ()) for a in tok.ancestors):
            continue  # '"We call for an end to Russia's war of aggression," X said': the teller's act is the call
        word = quoting(tok)
        if word is None:
            word = telling_word(tok)
            if not _what_is_told(tok, word):
                continue
        accusing.add((tok.sent.start, (teller,)))
        at = word if word is not None else tok
        why = f"condemnation: the teller accuses the doer of the '{tok.text}' they condemn"
        accusation = dataclasses.replace(
            event,
            id="v" + content_id(event.id, "ACCUSE", at.idx, length=10),
            type="ACCUSE",
            mode=None,
            trigger=Span(at.text, at.idx, at.idx + len(at.text)),
            actors=(teller,),
            recipients=event.actors,
            locations=(),
            quantity=None,
            modality="asserted",  # the condemnation is made, whatever the attack's modality
            time=None,
            sources=event.sources[:-1],
            explain=(*event.explain, why),
        )
        added.append((at, accusation))
    return sorted(pairs + added, key=lambda p: p[0].i)


def _condemned(named) -> bool:
    """Whether the words naming an attack condemn it: a condemning adjective ('the unprovoked invasion') or a
    noun that is a judgment in itself ('aggression')."""
    return any(n.lemma_.lower() in _CONDEMNING_NOUNS for n in named) or any(
        c.dep_ == "amod" and c.lower_ in _CONDEMNING for n in named for c in n.children
    )


def _cited(noun) -> bool:
    """'the propaganda concerning ‘Russian aggression’', 'what it calls "aggression"': a name in scare quotes is
    another's word, cited, not the teller's own judgment."""
    doc = noun.doc
    left = noun.left_edge
    before = left.text if left.text in _OPENING_MARKS else doc[max(left.i - 1, 0)].text
    after = doc[min(noun.i + 1, len(doc) - 1)].text
    return before in _OPENING_MARKS and after in _CLOSING_MARKS


def _what_is_told(tok, word) -> bool:
    """Whether the attack is in the clause the teller tells ("Lavrov said NATO is engaging in a proxy war", a quote's
    own clause), not in an aside of it ("the CIA is delivering an approach to challenges, from tackling Russia's
    brutal aggression to ...": the praise is told, the aggression only mentioned)."""
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ROOT":
        return True
    return word is not None and clause.head.i == word.i and clause.dep_ in ("ccomp", "xcomp", "parataxis")
