"""Speaker labels of a transcript: 'THE PRESIDENT: Good afternoon.', 'PRESIDENT BIDEN: Well, Chancellor, ...'.

A line that opens with a capitalised title and a colon names who speaks, and what title he holds: the label is
the text's statement of his office, as 'President Biden said' would be. The speaker is the person the label names
('BIDEN'), else the one the line's own 'I' or 'we' stands for (the remarks' author the article's title gives:
"Remarks by President Biden ..."). Section headings in capitals ('RESTORING MAXIMUM PRESSURE ON IRAN:') hold no
title word and are no label.
"""

from __future__ import annotations

__all__ = ["speaker_labels"]

# words a label may hold besides a title and a name
_LABEL_GLUE = frozenset({"the", "vice", "prime", "first", "deputy", "lady", "mr.", "mrs.", "ms."})
_MOST_WORDS = 5
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})


def speaker_labels(ctx, titles: frozenset[str]):
    """(person id, the label's tokens) for each speaker label whose speaker the article has as an entity."""
    doc = ctx.doc
    for colon in (t for t in doc if t.text == ":"):
        label = _label_before(doc, colon.i)
        if not label or not any(t.lower_ in titles for t in label):
            continue
        if label[0].sent.start in ctx.skip_sents:
            continue
        person = _named(ctx, label, titles) or _speaker_of_line(ctx, colon.i)
        if person is not None:
            yield person, label


def _label_before(doc, colon: int) -> list:
    """The capitalised words from the start of the line up to the colon, or [] when the line opens otherwise."""
    i = colon - 1
    while i >= 0 and colon - i <= _MOST_WORDS and doc[i].is_upper and doc[i].is_alpha:
        i -= 1
    label = list(doc[i + 1 : colon])
    at_line_start = i < 0 or doc[i].is_space or "\n" in doc[i].text_with_ws
    return label if label and at_line_start else []


def _named(ctx, label, titles: frozenset[str]) -> str | None:
    """The person whose name's last word the label writes ('PRESIDENT BIDEN' -> Joe Biden)."""
    words = {t.text for t in label if t.lower_ not in titles and t.lower_ not in _LABEL_GLUE}
    if not words:
        return None
    found = [e.id for e in ctx.table.entities if e.type == "Person" and e.name.split()[-1].upper() in words]
    return found[0] if len(found) == 1 else None


def _speaker_of_line(ctx, colon: int) -> str | None:
    """The person the first 'I' or 'we' the speaker says stands for (before the next label)."""
    doc = ctx.doc
    for t in doc[colon + 1 : min(len(doc), colon + _MOST_READ)]:
        if t.text == ":" and _label_before(doc, t.i):
            return None
        if t.lower_ in _FIRST_PERSON:
            people = [e for e in ctx.resolve(t) if ctx.table.get(e).type == "Person"]
            return people[0] if len(people) == 1 else None
    return None


_MOST_READ = 200
