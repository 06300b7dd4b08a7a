"""An outlet or body named before its kind: 'The Reuters news agency reported', 'the Kommersant newspaper wrote',
'the Wagner group said'. The phrase is a mention of the named outlet or body, no unnamed source of its own."""

from __future__ import annotations

import dataclasses

from kg.extract import entities, names, phrases, words

__all__ = ["named_outlet"]

# kinds of news outlet a name may qualify ('the Reuters news agency', 'the Kommersant newspaper')
_OUTLET_KINDS = frozenset({"newspaper", "paper", "daily", "broadcaster", "channel", "network", "outlet", "website"})


def named_outlet(resolver, tok) -> list[str]:
    """The outlet or body (one id) the name before the kind noun ``tok`` names, the phrase added to its mentions;
    [] where ``tok`` is no kind of outlet or body or no such name qualifies it."""
    if tok.lemma_.lower() not in _OUTLET_KINDS | words.ORG_NOUNS:
        return []
    named = [e for c in tok.children if c.dep_ == "compound" for e in resolver.resolve(c)]
    found = [e for e in named if resolver.table.get(e).type in ("NewsOutlet", "Organization")][:1]
    if found:  # the phrase is a mention of it: 'The Reuters news agency' is what the text calls it there
        start, end = names.trim(resolver.doc, phrases.left_edge(tok), tok.i + 1)
        mention = entities.Mention(start, end, "", "", "", tok.i, "np")
        _add_mention(resolver.table, resolver.doc, found[0], mention, "definite-description")
    return found


def _add_mention(table, doc, eid: str, mention, rule: str) -> None:
    span = dataclasses.replace(entities._record(doc, mention), rule=rule)
    for i, e in enumerate(table.entities):
        if e.id == eid and all((m.start, m.end) != (span.start, span.end) for m in e.mentions):
            table.entities[i] = dataclasses.replace(e, mentions=(*e.mentions, span))
