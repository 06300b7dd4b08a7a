"""Who tells: the speaker of a verb of saying, believing or wanting, read off its subject, its agent or the
document that speaks for someone ('the statement said', 'issued a statement calling for ...')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import words

if TYPE_CHECKING:
    from kg.extract.claims import CueIndex

__all__ = ["speakers_of"]


def speakers_of(verb, resolve, cues: CueIndex | None = None) -> list[str]:
    """Who a verb of saying, believing or wanting has speak: its subject ('the US and its allies accuse': both), a
    passive's agent, a document's author ('the statement said'), the subject of the verb a participle hangs from
    ('rescinded his support, saying ...'), the issuer of a document that says something ('issued a statement
    calling for ...')."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":  # 'X is convinced that': the subject of the copula
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for child in subjects:
        authors = _authors(child, resolve, cues) if cues is not None else []
        if authors:  # 'the statement said': its author speaks (no entity for the document itself)
            return authors
        # 'the US and its allies accuse': both
        found = [e for s in (child, *(c for c in child.children if c.dep_ == "conj")) for e in resolve(s)]
        if found or child is subjects[-1]:
            return found
        # '"He opposed it. Every one of them," said Ted Cruz': spaCy may take the quotation's last words for a
        # second subject; the one that names someone speaks
    for child in verb.children:
        if child.dep_ == "agent":
            return [e for p in child.children if p.dep_ == "pobj" for e in resolve(p)]
    inverted = _inverted_speaker(verb)
    if inverted is not None:  # '"...," said Skelly': spaCy may take the name after the verb for an adverb
        return resolve(inverted)
    stranded = _stranded_subject(verb)
    if stranded is not None:  # 'Shaken by the violence in Nevada, Senator Roe, the leader, said ...'
        return resolve(stranded)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return []  # 'When asked whether ..., she said': who was asked is not who asks (nobody named)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _EVIDENTIAL:
        return []  # 'She spent Monday campaigning, showing how the battle goes on': the act shows it, not she
    if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
        return []  # 'The US will boycott it, but France was expected to ...': a passive of its own names no holder
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        teller = _teller_adding(verb, cues)
        if teller is not None:  # 'The ministry said its forces held, adding that ...': the ministry adds it
            return speakers_of(teller, resolve, cues)
        return speakers_of(verb.head, resolve, cues)  # 'rescinded his support, saying ...': the subject of 'rescinded'
    if verb.dep_ == "pcomp" and verb.head.lower_ in _WHEN_PREPS and verb.head.head.pos_ in ("VERB", "AUX"):
        return speakers_of(verb.head.head, resolve, cues)  # 'X praised her before explaining why ...': X explains
    if _finite_acl(verb):  # 'Jane Roe called Tuesday for ...' parsed as a noun phrase: the name is who calls
        return resolve(verb.head)
    if verb.dep_ == "acl" and cues is not None:  # 'issued a statement calling on Y to ...': the document speaks
        issuers = _issuers(verb.head, resolve, cues)
        if issuers or verb.tag_ != "VBG":
            return issuers
        return resolve(verb.head)  # '..., said Jim Roe, explaining he ...': the one the participle is said of
    return []


# Verbs by which a thing, not a person, bears witness ('polls show'): as a participle they say what the act shows
_EVIDENTIAL = frozenset({"show", "indicate", "demonstrate", "illustrate"})


# Prepositions that set a saying beside the act of the same subject ('before explaining', 'by saying'); not 'for' or
# 'of', whose saying may be the object's ('criticized him for suggesting ...')
_WHEN_PREPS = frozenset({"before", "after", "by", "while", "since", "upon", "when"})


# How spaCy may hang the name after an inverted verb of saying ('"...," said Skelly'), when it misses the subject
_INVERTED_DEPS = frozenset({"advmod", "npadvmod", "dobj", "attr", "dep", "oprd"})


_NO_SPEAKER = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _inverted_speaker(verb):
    """The name right after a verb of saying with no subject: '"...," said Skelly', '..., said Jim Skelly, explaining
    ...'. Not a date ('said Tuesday') nor a lower-case word."""
    if verb.lemma_.lower() not in ("say", "tell", "write", "add", "tweet", "insist", "explain"):
        return None
    for child in verb.children:
        if child.dep_ not in _INVERTED_DEPS or child.ent_type_ in _NO_SPEAKER or not child.text[:1].isupper():
            continue
        if verb.i < child.i <= verb.i + 3 and all(t.dep_ == "compound" for t in verb.doc[verb.i + 1 : child.i]):
            return child
    return None


def _finite_acl(verb) -> bool:
    """'Jane Roe called Tuesday for the mayor to resign': spaCy may parse a sentence as a noun phrase, with its
    finite verb a clause modifying the name that is the root; the name is the verb's subject."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBZ")
        and head.dep_ == "ROOT"
        and head.pos_ in ("PROPN", "NOUN")
        and head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


# Words between a stranded subject and its verb that hang from the verb: commas, 'also', 'has', 'not'
_BETWEEN_DEPS = frozenset({"punct", "advmod", "aux", "neg", "npadvmod"})
# How spaCy may hang a subject it did not see as one on the phrase before it
_STRANDED_DEPS = frozenset({"conj", "pobj", "appos", "dobj", "npadvmod"})


def _stranded_subject(verb):
    """The subject of a main verb with none that spaCy hung on the phrase opening the sentence: 'Shaken by the
    violence in Nevada, Senator Roe, the majority leader, said ...' (Roe a conjunct of 'Nevada'). The noun phrase
    right before the verb (past commas, an adverb and an apposition), when it hangs on something before it; else
    None."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    doc, k = verb.doc, verb.i - 1
    while k >= verb.sent.start and doc[k].head.i == verb.i and doc[k].dep_ in _BETWEEN_DEPS:
        k -= 1
    if k < verb.sent.start:
        return None
    noun = doc[k]
    while noun.dep_ == "appos" and noun.head.i < noun.i:  # 'Senator Roe, the majority leader,'
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in _STRANDED_DEPS or noun.head.i >= noun.i:
        return None
    if not any(t.text == "," for t in doc[noun.left_edge.i - 1 : noun.left_edge.i]):
        return None  # the phrase opens after a comma, as a clause's subject does after an opening phrase
    return noun


def _teller_adding(participle, cues: CueIndex | None):
    """The saying above when a participle of saying hangs from the clause it reports: spaCy hangs 'adding that ...'
    in 'The ministry said its forces held the line, adding that ...' from 'held'; who adds is who said."""
    clause = participle.head
    if cues is None or participle.tag_ != "VBG" or participle.dep_ != "advcl" or not cues.is_speech(participle):
        return None
    clause = words.first_conjunct(clause)  # '... said X held but that Y went on, adding ...'
    if clause.dep_ != "ccomp" or cues.attributing(clause.head) not in ("speech", "belief"):
        return None
    return clause.head


# Verbs by which someone puts out a document that then speaks for them: 'issued a statement calling for ...', 'made
# remarks urging ...'
_ISSUE = frozenset("issue release send publish post put deliver give make write sign file circulate run air".split())


def _issuers(document, resolve, cues: CueIndex) -> list[str]:
    """Who a document that says something stands for ('a statement calling on Y', 'an email praising Y'): its
    owner or author ('Blinken's statement', 'a letter from the ministry'), else whoever issued it ('X issued a
    statement calling ...', 'the campaign sent an email praising ...'), else the document itself as an unnamed
    source ('a fundraising email stressing ...')."""
    lemma = document.lemma_.lower()
    if lemma not in cues.source_nouns and lemma not in cues.speaker_nouns:
        return []
    owners = _authors(document, resolve, cues)
    if owners:
        return owners
    verb = document.head
    if document.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _ISSUE:
        issuers = speakers_of(verb, resolve)
        if issuers:
            return issuers
    return resolve(document)


# what a speaker issues in her own voice, as against a work that speaks for itself (an analysis, a report, a poll)
_ISSUED = frozenset({"statement", "readout", "communique", "announcement", "declaration", "tweet", "post", "letter"})


def _authors(document, resolve, cues: CueIndex) -> list[str]:
    """Who stands behind a document that speaks ('the statement said'): its owner ('Blinken's statement', 'a
    statement from the ministry', the name before what it issued: 'the EU statement'), else, for 'the statement', whoever spoke 'in a statement' earlier on."""
    if document.lemma_.lower() not in cues.source_nouns:
        return []
    owners = [c for c in document.children if c.dep_ == "poss"]
    # 'the EU statement', 'a Kremlin readout': a name written before what its author issued is the author's (a
    # work that speaks for itself keeps its phrase: 'a USA Today analysis shows')
    if document.lemma_.lower() in _ISSUED:
        owners += [c for c in document.children if c.dep_ == "compound" and c.pos_ == "PROPN" and resolve(c)]
    owners += [
        p
        for c in document.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if owners:
        return [e for o in owners for e in resolve(o)]
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in document.children):
        return []
    for earlier in reversed(document.doc[: document.i]):
        if earlier.lemma_ == document.lemma_ and earlier.dep_ == "pobj" and earlier.head.dep_ == "prep":
            verb = earlier.head.head
            if cues.attributing(verb):
                return speakers_of(verb, resolve)
    return []
