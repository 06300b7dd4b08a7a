"""Quotations and who speaks them: a quotation whose speaker is named once covers all of its sentences.

News quotes run over several sentences ('"We will win. They know it," she said.') and paragraphs (an
open quote with no closing mark continues in the next paragraph, which opens with a quote mark again);
the speech verb hangs off one sentence only, so the dependency path from an event in another sentence
never meets it. This module finds the quoted stretches of a Doc, the speech verb each is attached to
(by the parse, or beside its marks: '..., she said.', 'Trump said: "...'), and shares the speaker
among the stretches of one quotation (segments of one paragraph, paragraphs a quote runs on into).
The index is computed once per Doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.extract import nlp

__all__ = ["Quote", "in_quote", "is_mark", "quote_at", "quotes"]

_KEY = "kg_quotes"
# Opening and closing marks: curly double quotes, straight double quotes, TeX/NYT-style '' and ``
_MARK = re.compile(r"“|”|``|''|\"")
_MIN_WORDS = 4  # shorter quoted stretches are scare quotes and titles ('called it "hysteria"'), not speech
_NEAR = 6  # tokens between a speech verb and the quote mark it introduces or follows


@dataclass(frozen=True)
class Quote:
    """A quoted stretch ``[start, end)`` (characters inside the marks) and the speech verb that frames it."""

    start: int
    end: int
    words: int
    verb: int | None  # token index of the speech verb, when one was found
    group: int  # stretches of one quotation share a group number


def quotes(doc, cues) -> tuple[Quote, ...]:
    """The quoted stretches of ``doc``, in text order, each with its speech verb (shared within a quotation)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = _with_shared_verbs(doc, cues, _stretches(nlp.doc_text(doc)))
        doc.user_data[_KEY] = found
    return found


def quote_at(doc, cues, char: int) -> Quote | None:
    """The innermost quoted stretch with a speech verb around character offset ``char``."""
    best = None
    for q in quotes(doc, cues):
        if q.start <= char < q.end and q.verb is not None and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def is_mark(text: str) -> bool:
    """Whether ``text`` (a token's) is a quotation mark."""
    return _MARK.fullmatch(text) is not None


def in_quote(doc, cues, char: int) -> bool:
    """Whether character offset ``char`` is inside any quoted stretch (with a speaker or not)."""
    return any(q.start <= char < q.end for q in quotes(doc, cues))


def _stretches(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, runs_on) of each quoted stretch; runs_on: the paragraph ended with the quote still open."""
    out, pos = [], 0
    for para in text.split("\n"):
        opened, depth = None, 0
        marks = [m for m in _MARK.finditer(para)]
        for k, m in enumerate(marks):
            mark = m.group()
            if opened is not None and mark not in ("“", "``"):  # a closing mark, or an ambiguous one closing
                if mark == "”" and depth > 1:  # the inner quotation of '“The USA (you know this “axis”) ...,” X said'
                    depth -= 1
                    continue
                out.append((pos + opened, pos + m.start(), False))
                opened, depth = None, 0
            elif opened is not None and _nested(marks[k + 1 :], depth):
                depth += 1
            elif mark != "”":
                opened, depth = m.end(), 1
        if opened is not None and para[opened:].strip():
            out.append((pos + opened, pos + len(para.rstrip()), True))
        pos += len(para) + 1
    return out


def _nested(rest, depth: int) -> bool:
    """An opening curly mark inside an open quotation nests ('“... the “axis of evil” ...,” he said') when enough
    closing curly marks follow in the paragraph to close it and the outer one; else the open quote was never closed
    and this one starts anew."""
    return sum(1 for m in rest if m.group() == "”") > depth


# a quoted stretch: start, end, its number of words, its own framing verb (a Token) or None, runs_on
_Item = tuple[int, int, int, Any, bool]


def _with_shared_verbs(doc, cues, stretches: list[tuple[int, int, bool]]) -> tuple[Quote, ...]:
    text = nlp.doc_text(doc)
    items: list[_Item] = []
    for start, end, runs_on in stretches:
        words = len(text[start:end].split())
        verb = _framing_verb(doc, cues, text, start, end) if words >= _MIN_WORDS else None
        items.append((start, end, words, verb, runs_on))
    groups = _groups(text, items)
    verbs = [next((items[i][3] for i in members if items[i][3] is not None), None) for members in groups]
    verbs = _from_neighbouring_paragraphs(text, items, groups, verbs)
    out = []
    for gid, members in enumerate(groups):
        verb = verbs[gid]
        for i in members:
            start, end, words, own, _ = items[i]
            shared = own if own is not None else (verb if words >= _MIN_WORDS else None)
            out.append(Quote(start, end, words, shared, gid))
    return tuple(sorted(out, key=lambda q: q.start))


def _groups(text: str, items: list[_Item]) -> list[list[int]]:
    """Stretches of one quotation: those of one paragraph, and a paragraph's last stretch when the quote runs
    on into the next paragraph's first one."""
    groups: list[list[int]] = []
    for i, (start, _end, _w, _v, _r) in enumerate(items):
        if i and _same_quotation(text, items[i - 1], start):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _from_neighbouring_paragraphs(text: str, items: list[_Item], groups: list[list[int]], verbs: list) -> list:
    """A paragraph that is all quotation and names no speaker continues the quotation of the paragraph just
    before it when that one is a quotation with a speaker that opens or closes its paragraph ('"...," she said.'
    or 'She said: "..."' then '"..."', and so on down a run of such paragraphs), else is the start of the next
    paragraph's ('"..."' then '"...," she said.')."""
    spans = [(items[m[0]][0], items[m[-1]][1]) for m in groups]
    paragraph = [_paragraph(text, start) for start, _ in spans]
    out = list(verbs)
    for g, (start, end) in enumerate(spans):
        if verbs[g] is not None or items[groups[g][0]][2] < _MIN_WORDS or not _whole_paragraph(text, start, end):
            continue
        para_start, para_end = paragraph[g]
        before = g > 0 and out[g - 1] is not None and _adjacent(text, paragraph[g - 1][1], para_start)
        after = g + 1 < len(spans) and verbs[g + 1] is not None and _adjacent(text, para_end, paragraph[g + 1][0])
        if before and _ends_at_a_paragraph_edge(text, spans[g - 1], paragraph[g - 1]):
            out[g] = out[g - 1]
        elif after and _opens_paragraph(text, spans[g + 1][0], paragraph[g + 1][0]):
            out[g] = verbs[g + 1]
    return out


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _whole_paragraph(text: str, start: int, end: int) -> bool:
    para_start, para_end = _paragraph(text, start)
    outside = text[para_start:start] + text[end:para_end]
    return not outside.strip(" \t“”\"`'.,")


def _ends_at_a_paragraph_edge(text: str, span: tuple[int, int], para: tuple[int, int]) -> bool:
    """Whether a quotation opens its paragraph or closes it (its speaker named before it: 'X said: "..."')."""
    return _opens_paragraph(text, span[0], para[0]) or not text[span[1] : para[1]].strip(" \t”\"'.,")


def _opens_paragraph(text: str, start: int, para_start: int) -> bool:
    return not text[para_start:start].strip(" \t“”\"`'")


def _adjacent(text: str, end: int, start: int) -> bool:
    return 0 <= start - end and not text[end:start].strip()


def _same_quotation(text: str, prev: _Item, start: int) -> bool:
    between = text[prev[1] : start]
    if "\n" not in between:
        return True
    return prev[4] and not between.strip(" \n\t“\"`'")  # ran on to a paragraph that opens with the quote


def _framing_verb(doc, cues, text: str, start: int, end: int) -> int | None:
    """The speech verb the stretch hangs off in the parse, else one right after its close or before its open.
    ``text`` is ``doc.text``, read once by the caller: spaCy joins every token each time it is asked for it."""
    span = doc.char_span(start, end, alignment_mode="contract")
    inside = list(span) if span is not None else []
    if not inside:
        return None
    colon = text[max(0, start - 8) : start].rstrip(" \n\t“\"`'").endswith(":")  # also at a paragraph's end
    for tok in inside:
        head = tok.head
        if start <= head.idx < end or not _has_speaker(head):
            continue
        if cues.is_speech(head) or (colon and head.pos_ == "VERB" and head.i < inside[0].i):
            return head.i  # 'X said: "..."', and any clause a colon hands the quotation to: 'X continued: "..."'

    after = [t for t in doc[inside[-1].i + 1 : inside[-1].i + 3 + _NEAR] if t.idx > end]
    for tok in after:
        if "\n" in tok.text or _MARK.fullmatch(tok.text):
            break  # the paragraph ends, or the next quotation begins
        if (cues.is_speech(tok) or tok.lemma_.lower() in _CARRY_ON) and _has_speaker(tok):
            return tok.i
    first = inside[0].i
    since = 0 if colon else inside[0].sent.start  # 'The website notes: "...': the colon may end the sentence before
    before = doc[max(since, first - 1 - _NEAR) : max(first - 1, 0)]
    for tok in reversed(list(before)):
        # 'Rubio fired back: "..."', 'She addressed the crowd again: "..."': a colon hands the quotation to the
        # clause before it, whatever its verb, even where the parser hangs that clause inside the quotation
        if (cues.is_speech(tok) or (colon and tok.pos_ == "VERB") or _issues_a_text(tok, cues)) and _has_speaker(tok):
            return tok.i
    if colon and first > 1:  # 'X said that, given the field of candidates on both sides: "...': further back
        lead = doc[first - 2].sent
        for tok in reversed(list(doc[lead.start : max(lead.start, first - 1 - _NEAR)])):
            if cues.is_speech(tok) and _has_speaker(tok):
                return tok.i
    return _previous_speaker(doc, cues, text, inside[0])


# Verbs that are no saying of their own but carry a quotation on right after its closing mark: '"...," he continued.',
# '"...," she laughed.' (as a cue, 'continued to attack' would make Russia the source of its own attack)
_CARRY_ON = frozenset({"continue", "laugh", "joke", "smile", "shrug"})


def _issues_a_text(verb, cues) -> bool:
    """'Trump issued a statement on Sunday, "..."', 'she posted a message: "..."': the quotation is the text the verb
    puts out, in its subject's words."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.source_nouns for c in verb.children
    )


def _previous_speaker(doc, cues, text: str, first) -> int | None:
    """'Sanders voted against it, Clinton said. "He voted to let guns go ..."': a quotation opening a sentence
    continues the speaker of the sentence just before it, in the same paragraph."""
    sent = first.sent
    opening = doc[sent.start : first.i]
    if sent.start == 0 or any(not t.is_punct for t in opening):
        return None
    prev = doc[sent.start - 1].sent
    if "\n" in text[prev.end_char - 1 : sent.start_char + 1]:
        return None
    for tok in prev:
        if (
            tok.dep_ in ("ROOT", "parataxis")
            and cues.is_speech(tok)
            and _has_speaker(tok)
            and not _MARK.search(text[tok.idx : prev.end_char])
        ):
            return tok.i
    return None


def _has_speaker(verb) -> bool:
    """The verb has a subject, or is the complement of one that has ('she went on to say: ...'), or is a participle
    of a clause that has ('The paper confirmed it, reporting: ...')."""
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "agent") for c in verb.children):
            return True
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
