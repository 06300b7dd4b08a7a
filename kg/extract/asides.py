"""Sources beside the path from an event up to its sentence's root: a saying set aside ('..., officials said',
'as Breitbart reported'), 'according to X', 'the plan, described by a diplomat, ...', a quotation's speaker, a
headline's 'Name:'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import quotes
from kg.extract.tellers import speakers_of

if TYPE_CHECKING:
    from kg.extract.claims import CueIndex

__all__ = [
    "according_to",
    "described_by",
    "framing_according_to",
    "headline_speaker",
    "pointed_back",
    "quoted_by",
    "said_aside",
    "sets_aside",
]


def said_aside(child, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    """'Axelrod, Democratic sources said, still respects her', 'They discussed it, as Breitbart reported': a speech
    verb set aside in the clause it reports, after or inside the content."""
    if not sets_aside(child, cues):
        return []
    return [(eid, f"speech verb '{child.text}' set aside") for eid in speakers_of(child, resolve, cues)]


def sets_aside(child, cues: CueIndex) -> bool:
    """Whether ``child`` is a verb of saying or believing set aside in the clause it reports (:func:`said_aside`)."""
    aside = (
        child.dep_ == "parataxis"
        or (child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children))
        or _comma_aside(child)
    )
    if not aside or cues.attributing(child) not in ("speech", "belief"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in child.children):
        return False  # '(you know this ...)', 'you see': a word to the listener, nobody's account
    own = ("ccomp", "xcomp", "dobj") if child.dep_ in ("conj", "ccomp") else ("ccomp", "xcomp")
    if any(c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN") for c in child.children) and child.dep_ == "advcl":
        own = ("ccomp", "xcomp", "dobj")  # 'as rivals see him as a threat': a view of someone, no aside
    if child.lemma_.lower() in _TOLD_TO:  # '..., the minister told a Senate panel': whom one tells is not what
        own = ("ccomp", "xcomp")
    # it says something of its own: '..., and she said she would leave', '..., a poll shows support'
    return not any(c.dep_ in own for c in child.children)


# Verbs of saying whose object is whom one tells, not what is told
_TOLD_TO = frozenset({"tell", "inform", "brief", "assure", "remind", "notify"})


def headline_speaker(trigger, resolve) -> list[tuple[str, str]]:
    """'Lynch: No outside influence on the probe': a paragraph that opens with a name and a colon (a headline's
    way of quoting) is that person's words, after the colon; so is a sentence that opens with a name, a colon and a
    quotation mark ('Bush: "The mission is to destroy ISIS."'). A transcript's turn ('FALLIN: I think he is trying.
    I trust him.') is the named speaker's to the paragraph's end, whichever of its sentences tells the event."""
    found = _labelled_speaker(trigger, trigger.sent, resolve)
    opening = _paragraph_opening(trigger.sent)
    if not found and opening.start != trigger.sent.start:
        found = _labelled_speaker(trigger, opening, resolve)
    return found


def _labelled_speaker(trigger, sent, resolve) -> list[tuple[str, str]]:
    """The speaker a name and a colon opening ``sent`` label, when ``trigger`` comes after the colon."""
    doc = trigger.doc
    colon = next((t for t in doc[sent.start : min(sent.end, sent.start + 5)] if t.text == ":"), None)
    if colon is None or trigger.i <= colon.i or colon.i == sent.start:
        return []
    quoted = colon.i + 1 < len(doc) and quotes.is_mark(doc[colon.i + 1].text)
    if sent.start and "\n" not in doc[sent.start - 1].text_with_ws and not quoted:
        return []  # not at a paragraph's start, nor a debate transcript's 'Bush: "The mission is ..."'

    name = doc[sent.start : colon.i]
    if not all(t.pos_ == "PROPN" for t in name) and not _named_body(name):
        return []
    return [(eid, f"'{name.text}:' opening the paragraph") for eid in resolve(name[-1])]


def _paragraph_opening(sent):
    """The first sentence of the paragraph ``sent`` is in (sentences back to a line break)."""
    doc = sent.doc
    while sent.start and "\n" not in doc[sent.start - 1].text_with_ws and not doc[sent.start - 1].is_space:
        sent = doc[sent.start - 1].sent
    return sent


def _named_body(name) -> bool:
    """'Clinton camp:', 'Trump campaign:', 'Pentagon officials:': a noun after proper names, as a headline names the
    side that speaks (not 'Update:', 'Photo:' with no name before)."""
    head, before = name[-1], name[:-1]
    return head.pos_ == "NOUN" and len(before) > 0 and all(t.pos_ == "PROPN" for t in before)


def _comma_aside(verb) -> bool:
    """'Donors gave to a PAC backing Y, a new analysis shows.', 'The Pentagon believes Y, CNN reported.': the parser
    hangs a source set after the content, after a comma, as a second clause (no 'and') or as the content of the verb
    before it; it ends the sentence and has a subject of its own."""
    head = verb.head
    if verb.dep_ not in ("conj", "ccomp") or verb.i < head.i or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    first = verb.left_edge
    if verb.dep_ == "ccomp" and first.text != "," and (first.i == 0 or verb.doc[first.i - 1].text != ","):
        return False
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return False
    # the sentence's end: punctuation, and the line break spaCy keeps at a paragraph's end
    return all(t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1 : verb.sent.end])


def quoted_by(trigger, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    """Inside a quotation, its speaker is the outermost source, whichever sentence names them."""
    quote = quotes.quote_at(trigger.doc, cues, trigger.idx)
    if quote is None:
        return []
    verb = trigger.doc[quote.verb]
    return [(eid, f"quotation framed by '{verb.text}'") for eid in speakers_of(verb, resolve, cues)]


def according_to(child, resolve) -> list[tuple[str, str]]:
    if child.dep_ != "prep" or child.lemma_.lower() != "accord":
        return []
    out: list[tuple[str, str]] = []
    for to in child.children:
        for pobj in to.children:
            if pobj.dep_ == "pobj":
                out.extend((eid, "'according to'") for eid in resolve(pobj))
    return out


def framing_according_to(trigger, resolve) -> list[tuple[str, str]]:
    """'Democrats laughed as Crowley teased Becerra, according to an aide', 'According to the poll, voters back Y
    while ...': an 'according to' set off by a comma at the sentence's start or end frames the whole sentence,
    wherever the parser hangs it; set off by commas inside the sentence ('The plan they settled on, according to an
    aide, is to answer any attack with a counterattack') it frames the clauses it stands in, up to a conjunction
    that joins another clause."""
    sent = trigger.sent
    doc = sent.doc
    out: list[tuple[str, str]] = []
    for tok in _words_in(sent, _ACCORDING):
        if tok.lemma_.lower() != "accord" or tok.dep_ != "prep" or tok.left_edge.i <= trigger.i <= tok.right_edge.i:
            continue
        before, after = doc[sent.start : tok.left_edge.i], doc[_phrase_end(tok) + 1 : sent.end]
        comma_before = tok.i > sent.start and doc[tok.i - 1].text == ","
        opening = all(t.is_punct or t.is_space for t in before) and after[:1].text == ","
        closing = comma_before and all(t.is_punct or t.is_space for t in after)
        inside = (
            comma_before
            and after[:1].text == ","
            and not _on_path(tok.head, trigger)  # there the walk up from the trigger meets it, in its place
            and not _clause_joined_between(tok, trigger)
        )
        if opening or closing or inside:
            out.extend(according_to(tok, resolve))
    return out


def _phrase_end(phrase) -> int:
    """Where an 'according to' phrase ends: spaCy may hang it on a participle that follows and describes its own
    noun ('..., according to an email previously kept secret.': 'according' hangs on 'kept'); that word's phrase
    ends it then."""
    head = phrase.head
    participle = head.dep_ in ("advcl", "acl") and head.tag_ in ("VBN", "VBD")
    if head.i > phrase.i and participle and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return max(phrase.right_edge.i, head.right_edge.i)
    return phrase.right_edge.i


def _on_path(head, trigger) -> bool:
    return head.i == trigger.i or any(a.i == head.i for a in trigger.ancestors)


def _clause_joined_between(phrase, trigger) -> bool:
    """A conjunction joining clauses ('..., according to X, and Y attacked ...') between the phrase and the trigger:
    the other clause is not framed by it."""
    lo, hi = sorted((phrase.right_edge.i, trigger.i)) if trigger.i > phrase.i else (trigger.i, phrase.left_edge.i)
    return any(t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX") for t in phrase.doc[lo:hi])


def described_by(child, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    """'The plan, described by an anonymous diplomat, ...': the diplomat vouches for the clause."""
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return []
    out: list[tuple[str, str]] = []
    for acl in child.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in cues.speech | {"describe", "outline"}:
            out.extend((eid, f"'{acl.text} by'") for eid in speakers_of(acl, resolve))
    return out


_POINTERS = frozenset({"this", "that"})

# The words these rules look for in the sentence of each event, found once per article: (key in the Doc's user_data,
# the test a token passes)
_ACCORDING = ("kg.asides.accord", lambda t: t.lemma_.lower() == "accord")
_POINTING = ("kg.asides.pointers", lambda t: t.lower_ in _POINTERS)


def _words_in(sent, words) -> list:
    """The tokens of ``sent`` that pass the test of ``words``, in text order, from the article's list of them."""
    key, test = words
    doc = sent.doc
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = [t.i for t in doc if test(t)]
    return [doc[i] for i in found if sent.start <= i < sent.end]


def pointed_back(trigger, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    """'Russia poses the greatest threat to Europe.\n\nOlaf Scholz said this while presenting ...', 'That's according
    to the communique', 'This was reported by Euractiv, according to Ukrinform': a sentence that points back at what
    was just said (later in the paragraph, or opening the next one) names who said it, and who reported that."""
    doc, sent = trigger.doc, trigger.sent
    for _ in range(4):
        if sent.end >= len(doc):
            return []
        broke = "\n" in doc[sent.end - 1].text_with_ws or doc[sent.end].is_space
        sent = doc[sent.end].sent if not doc[sent.end].is_space else _next_sentence(doc, sent.end)
        if sent is None:
            return []
        found = _pointer(sent, resolve, cues)
        if found or broke:  # past a paragraph's end only its first sentence may point back
            return found
    return []


def _next_sentence(doc, start: int):
    for tok in doc[start:]:
        if not tok.is_space:
            return tok.sent
    return None


def _pointer(sent, resolve, cues: CueIndex) -> list[tuple[str, str]]:
    for d in _words_in(sent, _POINTING):
        if d.lower_ not in _POINTERS or d.tag_ != "DT" or d.dep_ not in ("dobj", "nsubjpass", "nsubj"):
            continue  # a demonstrative standing alone, not 'this week' nor the relative 'that' ('the aid that X sought')
        verb = d.head
        if verb.lemma_.lower() == "accord":  # "That's according to X"
            named = [p for to in verb.children for p in to.children if p.dep_ == "pobj"]
            said = [e for p in named for e in resolve(p)]
        elif (
            d.dep_ != "nsubj" and _vouches(verb, cues) and not _points_ahead(d)
        ):  # 'X said this', 'this was stated by X'
            said = speakers_of(verb, resolve, cues)
        else:
            continue
        if said:
            outer = [o for c in verb.children for o in (*according_to(c, resolve), *said_aside(c, resolve, cues))]
            return [*((eid, f"'{d.text}' pointing back") for eid in said), *outer]
    return []


# Verbs of belief by which someone vouches for what 'this' points back at; not those that dispute or judge it
# ('Moscow denied this', 'Biden called this an outrage', 'she doubts this')
_VOUCHING_BELIEFS = frozenset({"think", "believe", "know", "find", "show", "suspect", "expect", "predict"})


def _vouches(verb, cues: CueIndex) -> bool:
    """'X said this', 'X believes this'; not 'X did not confirm this', 'X could not say this' (a negation or a modal
    withholds the word)."""
    kind = cues.attributing(verb)
    if kind != "speech" and not (kind == "belief" and verb.lemma_.lower() in _VOUCHING_BELIEFS):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def _points_ahead(pointer) -> bool:
    """'X said this: ...': the demonstrative announces what follows, not what came before."""
    nxt = pointer.i + 1
    return nxt < len(pointer.doc) and pointer.doc[nxt].text == ":"
