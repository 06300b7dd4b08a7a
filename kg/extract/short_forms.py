"""A body's last word written alone: 'the U.S. Treasury ... the Treasury said', 'the British Army ... the Army',
'the Amalthea Initiative ... the Initiative'.

:func:`kg.extract.coreference.link_short_names` joins such a word when it is a noun that always stands for its
whole name ('the Alliance', 'the Union'). Any other capitalised word the tagger took for a body of its own, and that
ends the name of one body of the article (as written, or as the gazetteer writes it), is that body too: a
capital letter on 'Treasury' or 'Army' says a particular body is meant. Of two bodies ending in the word, it is
the one named last before it, as a reader takes it.
"""

from __future__ import annotations

import re

__all__ = ["link_bare_heads", "link_initials", "link_split_prefixes"]


def link_bare_heads(doc, mentions: list) -> None:
    """Join each one-word body name the gazetteer does not know to the body whose longer name ends in it."""
    bodies: dict[str, set[str]] = {}  # key -> last words of the body's names of several words
    for o in mentions:
        if o.type in ("Organization", "NewsOutlet", "Place") and o.key and (o.entry or o.kind in ("ner", "gazetteer")):
            forms = (o.entry.name, *o.entry.aliases) if o.entry is not None else (o.name,)
            bodies.setdefault(o.key, set()).update(_last(f) for f in forms if len(f.split()) > 1)
    for m in mentions:
        word = doc[m.start : m.end].text
        if m.kind != "ner" or m.entry is not None or m.rule or m.end - m.start != 1 or not _may_be_bare_head(doc, m):
            continue
        if not word[:1].isupper() or word.isupper():  # an acronym is a name of its own
            continue
        keys = {key for key, lasts in bodies.items() if key != m.key and word.lower() in lasts}
        if len(keys) > 1:  # 'the Ukrainian army ... the British army ... the Army': the one named last before it
            before = [o for o in mentions if o.key in keys and o.end <= m.start]
            keys = {before[-1].key} if before else set()
        if not keys:
            continue
        body = next(o for o in mentions if o.key in keys)
        for same in [o for o in mentions if o.key == m.key]:
            same.key, same.name, same.type, same.entry = body.key, body.name, body.type, body.entry
            same.rule = "definite-description"


def link_split_prefixes(doc, mentions: list) -> None:
    """'the Kastus Kalinouski Regiment ... the Kastus Kalinouski ranks': the first words of a body's name the article
    gave in full, which the tagger cut into names of their own ('Kastus' a body, 'Kalinouski' a person), are that
    body when they run on into a common noun, not into a name."""
    bodies = {
        tuple(o.name.split()): o
        for o in mentions
        if o.type in ("Organization", "NewsOutlet") and o.kind == "ner" and o.entry is None and len(o.name.split()) > 2
    }
    names = sorted((m for m in mentions if m.kind == "ner" and m.entry is None), key=lambda m: m.start)
    for i, first in enumerate(names):
        run = [first]
        while i + len(run) < len(names) and names[i + len(run)].start == run[-1].end:
            run.append(names[i + len(run)])
        if len(run) < 2 or (run[-1].end < len(doc) and doc[run[-1].end].text[:1].isupper()):
            continue
        words_ = tuple(doc[first.start : run[-1].end].text.split())
        body = next((b for n, b in bodies.items() if len(n) > len(words_) and n[: len(words_)] == words_), None)
        if body is not None:
            for m in run:
                m.key, m.name, m.type, m.entry, m.rule = (
                    body.key,
                    body.name,
                    body.type,
                    body.entry,
                    "definite-description",
                )


def _may_be_bare_head(doc, m) -> bool:
    """A one-word body name, or a one-word 'person' written after 'the' ('The Platform is the main forum'): a person's
    name takes no article, so the tagger's label is wrong there."""
    after_the = m.start > 0 and doc[m.start - 1].lower_ == "the"
    return m.type == "Organization" or (m.type == "Person" and after_the)


def _last(form: str) -> str:
    words = re.findall(r"\w+", form.lower())
    return words[-1] if words else ""


def link_initials(doc, mentions: list) -> None:
    """'the Department of Justice ... DOJ said': an acronym the gazetteer does not know, never spelled out in brackets,
    is the one body of the article whose name's initials it is (every word's, or the words other than 'of', 'and',
    'the', 'for'). None or two such bodies, and it stays a name of its own."""
    bodies: dict[str, set[str]] = {}
    for o in mentions:
        if o.type in ("Organization", "NewsOutlet") and o.key and (o.entry or o.kind in ("ner", "gazetteer")):
            forms = (o.entry.name, *o.entry.aliases) if o.entry is not None else (o.name,)
            bodies.setdefault(o.key, set()).update(i for f in forms if len(f.split()) > 1 for i in _initials(f))
    for m in mentions:
        word = doc[m.start : m.end].text
        if m.kind != "ner" or m.entry is not None or m.rule or m.end - m.start != 1:
            continue
        if not (word.isalpha() and word.isupper() and 2 < len(word) <= 6):
            continue
        keys = {key for key, initials in bodies.items() if key != m.key and word.lower() in initials}
        if len(keys) != 1:
            continue
        body = next(o for o in mentions if o.key in keys)
        for same in [o for o in mentions if o.key == m.key]:
            same.key, same.name, same.type, same.entry = body.key, body.name, body.type, body.entry
            same.rule = "abbreviation"


_LINKING_WORDS = frozenset({"of", "and", "the", "for"})


def _initials(form: str) -> set[str]:
    """'Department of Justice' -> doj, dj."""
    words_ = re.findall(r"[^\W\d_]+", form.lower())
    return {"".join(w[0] for w in words_), "".join(w[0] for w in words_ if w not in _LINKING_WORDS)}
