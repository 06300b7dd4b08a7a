"""When an event happened or is planned: the date or time expression its sentence attaches to its trigger.

A time attached to the trigger or its own verb dates it. Failing that, a clause that happens at the time of
another one takes that one's time: a later conjunct ("met today and signed"), a clause of circumstance
("as", "while", "when", a participle), a purpose ("met today to discuss"), the trigger noun's own verb
("attacks launched today", "violence that began on April 15") and a present-tense stance, or a plan or demand
with a modal, reported by a dated speech ("said Monday that it is ready", "... that it would strike"; the
speech's time is read backward when the speech is past). A clause of circumstance dates its head in turn
("when I spoke with him this morning, I told him"). A clause set before, after or until another does not: its
time is its own, unless the sentence counts the gap ("in 2016, two years after Russia invaded": 2014). "Since" a
dated clause makes the main clause run from that date to the article date. A bare
weekday ("in an address Wednesday") dates the tensed clause above the infinitive or participle the parser
hangs it on.

A sentence that dates neither the event's clause nor its own main clause goes on with the narrative before
it: a simple-past clause there happens at the time of the last sentence whose main clause is dated ("Today,
X met Y. The two discussed ..."; "... Following the call, Z flew home").
"""

from __future__ import annotations

import calendar
import datetime

from kg.extract import words
from kg.extract.timex import normalise_time, shift_time
from kg.graph.records import TimeValue

__all__ = ["event_time"]

# Subordinators of a clause that happens while its head does ("as authorities told civilians to flee").
_SIMULTANEOUS = frozenset({"as", "while", "whilst", "when"})
# Day words the parser's NER sometimes leaves untagged ("Earlier today, I spoke with ...").
_DAY_WORDS = frozenset({"today", "yesterday", "tonight", "tomorrow", "overnight"})
_PRESENT = frozenset({"VBZ", "VBP"})
_WEEKDAYS = frozenset(name.lower() for name in calendar.day_name)
# Verbs that state the stance their object names, as a light verb does an act ("reaffirmed their support"),
# and verbs of causing, whose object happens as they do ("triggering protests and a crackdown").
_STATING = frozenset(
    """reaffirm reiterate underscore emphasize emphasise affirm stress renew show demonstrate
    trigger spark provoke prompt cause spur pose""".split()
)
# Verbs of committing or deciding to act: the act they govern is dated by them ("agreed on Monday to send tanks")
_COMMITTING = frozenset("commit pledge promise vow swear agree decide offer vote undertake resolve".split())
_NOUN_MODIFIERS = frozenset({"compound", "nummod", "nmod", "amod", "poss"})
# Nouns a time expression runs on into, which do not make it another thing's: "on Tuesday afternoon local time".
_TIME_NOUNS = frozenset("time morning afternoon evening night day days hours weekend week month year".split())
_MAX_CLIMB = 3  # clauses of one sentence: a longer chain has left the event's situation
# How far back a past narrative's time carries over sentences that give none.
_NARRATIVE_LOOK_BACK = 8  # sentences
_MAIN_TIMES = "kg.event_time.main_clause_times"  # doc.user_data key: sentence start -> its main clause's time


def event_time(doc, date: str | None, tok, *, future: bool) -> TimeValue | None:
    """The time a trigger's clause gives it: a date or time expression attached to the trigger or its verb,
    else one of a clause it shares its time with, else a season naming it ("a winter offensive"), else the
    time of the past narrative it goes on with; relative expressions are read against ``date``."""
    clause = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), tok)
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        future = False  # a possessed act is a done one: "its Feb. 24 invasion" whatever the sentence plans
    stated = _stated_time(doc, date, tok, clause, future=future)
    if stated is not None:
        return stated
    return _day_word(clause, date, future) or _season_of(tok, date, future) or _narrative_time(doc, date, clause)


def _stated_time(doc, date: str | None, tok, clause, *, future: bool) -> TimeValue | None:
    """The best time expression of the sentence attached to the trigger, its clause or a clause it shares
    its time with."""
    rank: dict[int, float] = {tok.i: 0, clause.i: 1}
    for told in tok.children:  # the trigger noun's own verb: "attacks launched today", "violence that began"
        if told.dep_ in ("acl", "relcl") and told.pos_ == "VERB":
            rank.setdefault(told.i, 0.5)
    if _told_by(tok, clause):
        for depth, governor in enumerate(_governors(clause), start=2):
            rank.setdefault(governor.i, depth)
    for i, step in list(rank.items()):  # "when I spoke with him this morning, I told him ..."
        for circumstance in _circumstances(doc[i]) if step >= 1 else ():
            rank.setdefault(circumstance.i, step + 0.25)
    # a plan told in the past ("said on Monday it would strike"): the times of the telling look back
    reported = any(_past(doc[i]) for i, step in rank.items() if step >= 2)
    best: tuple | None = None
    for ent in _sentence_times(doc, tok.sent):
        anchor = _attachment(ent.root, tok)
        if anchor is None:
            continue
        if anchor.i not in rank and _bare_weekday(ent):
            anchor = _finite_clause(anchor)
        since = _since_clause(anchor, rank)
        level = rank.get(anchor.i) if since is None else rank[since.head.i] + 0.5
        if level is None:
            continue
        distance = abs(ent.start - tok.i)
        if best is not None and (level, False, distance) >= best[0]:
            continue  # it cannot win even if it reads as a placed time: spare reading it
        text = ("since " if since is not None else "") + _with_preposition(doc, ent)
        when = _eve(date) if level == 0 and _remembered(tok) else date
        past = _past(since or anchor)
        time = _across_gap(doc, date, ent, anchor) or normalise_time(
            text, when, future=future and not (level >= 2 and reported), past=past
        )
        if time is None:
            continue
        key = (level, time.start is None, distance)  # placed before unplaced, then the nearest
        if best is None or key < best[0]:
            best = (key, time)
    return best[1] if best is not None else None


def _across_gap(doc, date: str | None, ent, verb) -> TimeValue | None:
    """The time of a clause set a gap after or before its main clause ("in 2016, two years after Russia
    invaded": 2014), counted from the main clause's time, stated or carried on from the narrative."""
    mark = doc[ent.end] if ent.end < len(doc) else None
    if (
        mark is None
        or mark.lower_ not in ("after", "before")
        or mark.dep_ != "mark"
        or mark.head.i != verb.i
        or ent.root.dep_ != "npadvmod"
        or verb.dep_ != "advcl"
    ):
        return None
    main = _verb_of(verb.head)
    then = main and (_stated_time(doc, date, main, main, future=False) or _narrative_time(doc, date, main))
    if not then or then.start is None:
        return None
    return shift_time(then, ent.text, back=mark.lower_ == "after", text=f"{ent.text} {mark.text}")


def _narrative_time(doc, date: str | None, clause) -> TimeValue | None:
    """The time a past narrative carries on: a simple-past clause whose sentence dates neither it nor its main
    clause happens at the time of the nearest sentence before whose main clause is dated ("Today, X met Y.
    The two discussed ..."). A pluperfect ("had met") is set before that time, not at it."""
    top = [clause, *_governors(clause)][-1]
    if not _simple_past(top) or _root_time(doc, date, clause.sent, top) is not None:
        return None
    sent = clause.sent
    for _ in range(_NARRATIVE_LOOK_BACK):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        time = _main_clause_time(doc, date, sent)
        if time is not None:  # a time after the report is a plan told, not the time of a narrative
            return time if time.start is not None and (date is None or time.start <= date) else None
    return None


def _main_clause_time(doc, date: str | None, sent) -> TimeValue | None:
    """The time a sentence gives its main clause, read once per Doc and sentence: every undated event after it
    looks back over the same sentences."""
    known = doc.user_data.setdefault(_MAIN_TIMES, {})
    key = (sent.start, date)
    if key not in known:
        known[key] = _root_time(doc, date, sent, sent.root)
    return known[key]


def _root_time(doc, date: str | None, sent, top) -> TimeValue | None:
    """The time a sentence gives its main clause (or ``top``, the clause an event's clause reports to)."""
    for verb in dict.fromkeys((sent.root, top)):
        time = _stated_time(doc, date, verb, verb, future=False)
        if time is not None:
            return time
    return None


def _simple_past(verb) -> bool:
    return _past(verb) and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _remembered(tok) -> bool:
    """An act whose anniversary is marked ("the anniversary of the October 7 attacks") was before the report."""
    return tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "anniversary"


def _eve(date: str | None) -> str | None:
    """The day before ``date`` (YYYY-MM-DD), so that a day of the year resolves strictly before it."""
    try:
        return (datetime.date.fromisoformat((date or "")[:10]) - datetime.timedelta(days=1)).isoformat()
    except ValueError:
        return date


def _told_by(tok, clause) -> bool:
    """Whether ``clause`` tells the act a trigger noun names, so that the time of a clause it shares its time
    with is the act's too: the act is its subject ("the talks ended") or the object of a light verb ("held
    talks", "engaged in talks"). A noun only spoken of there ("to discuss the war", "in the face of a feared
    invasion") is another event. (A time on the clause itself still dates the noun: the parser hangs a noun's
    own date on the verb, "condemned Iran's attack on Israel on October 1st".)"""
    if tok.i == clause.i or tok.pos_ in ("VERB", "AUX"):
        return True
    while tok.dep_ == "conj" and tok.head.i != clause.i:  # "held talks and consultations"
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "acomp", "attr"):  # "the talks ended", "is ready to negotiate"
        return tok.head.i == clause.i
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.head.i == clause.i else tok.head
    return head.i == clause.i and clause.lemma_.lower() in words.SUPPORT_VERBS | _STATING


def _with_preposition(doc, ent) -> str:
    """The expression with its preposition ("on Friday") and a "now" that makes a span reach the present
    ("for two years now")."""
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].dep_ == "prep" else ent.start
    end = ent.end + 1 if ent.end < len(doc) and doc[ent.end].lower_ == "now" else ent.end
    return doc[start:end].text


def _governors(clause):
    """The clauses ``clause`` shares its time with, nearest first (see the module docstring)."""
    node = clause
    for _ in range(_MAX_CLIMB):
        head = _same_time_head(node)
        if head is None:
            return
        yield head
        node = head


def _same_time_head(verb):
    """The verb whose time ``verb``'s clause shares, or None."""
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return None
    if dep == "conj" and head.pos_ in ("VERB", "AUX") and verb.tag_ == head.tag_:
        return head  # "met ... and convened", not "have sent aid since May and are meeting"
    if dep == "advcl":
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if _simultaneous(verb) or purpose:
            return _verb_of(head)
    if dep == "acl" and verb.tag_ in ("VBN", "VBG"):  # "the convoy hit when the bridge fell"
        return _verb_of(head)
    if dep == "pcomp" and head.lower_ in ("with", "amid"):  # "were shelled, with five people killed"
        return _verb_of(head)
    if dep == "xcomp" and head.lemma_.lower() in _COMMITTING:  # "committed Tuesday to deliver", "decided in
        return head  # February to attack": the act is dated by the commitment that states it
    if dep == "ccomp" and (_present(verb) or _modal(verb)):  # a stance, plan or demand stated: "said Monday
        return head  # it is ready", "announced Monday it would send tanks", "said Monday Russia must pay"
    return None


def _circumstances(verb):
    """The clauses of circumstance under ``verb`` ("when ...", "as ...", a participle): the time of one is the
    time of ``verb`` too, when ``verb``'s own clause gives none."""
    return [c for c in verb.children if c.dep_ == "advcl" and _simultaneous(c)]


def _simultaneous(verb) -> bool:
    subordinators = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return bool(subordinators & _SIMULTANEOUS) or (verb.tag_ == "VBG" and not subordinators)


def _bare_weekday(ent) -> bool:
    """A weekday with no preposition ("said Wednesday", "in an address Wednesday"): news style puts it on the
    main act it reports, even where the parser hangs it on an infinitive or participle at the sentence end."""
    return ent.root.dep_ == "npadvmod" and any(t.lower_ in _WEEKDAYS for t in ent)


def _finite_clause(verb):
    """The nearest verb at or above ``verb`` that has a tense of its own."""
    node = verb
    for _ in range(_MAX_CLIMB):
        if not _nonfinite(node) or (above := _verb_of(node.head)) is None or above.i == node.i:
            return node
        node = above
    return node


def _nonfinite(verb) -> bool:
    """An infinitive or participle with no tensed auxiliary ("to hold", "killed", "speaking")."""
    tensed = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children)
    return verb.tag_ in ("VB", "VBG", "VBN") and not tensed


def _verb_of(tok):
    return next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def _past(verb) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _modal(verb) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _present(verb) -> bool:
    if verb.tag_ in _PRESENT and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT and c.lemma_ == "be" for c in verb.children)


def _since_clause(anchor, rank):
    """The "since" clause ``anchor`` heads under a ranked clause ("have sent aid since Russia invaded in
    February"): its date starts the main clause's stretch. None otherwise."""
    if anchor.dep_ != "advcl" or rank.get(anchor.head.i, 2) > 1 or anchor.i in rank:
        return None
    return anchor if any(c.dep_ == "mark" and c.lower_ == "since" for c in anchor.children) else None


def _day_word(clause, date: str | None, future: bool) -> TimeValue | None:
    """A bare "today" or "yesterday" on the clause's verb that the NER left untagged."""
    for child in clause.children:
        if child.lower_ in _DAY_WORDS and child.ent_type_ not in ("DATE", "TIME"):
            text = " ".join(t.text for t in child.subtree)  # "earlier today"
            return normalise_time(text, date, future=future)
    return None


def _season_of(tok, date: str | None, future: bool) -> TimeValue | None:
    for c in tok.children:  # "a winter offensive"
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words.SEASONS:
            return normalise_time(c.text, date, future=future)
    return None


def _sentence_times(doc, sent) -> list:
    """The DATE and TIME entities of ``sent``. ``Span.ents`` reads the whole ``doc.ents`` on every call (work
    in the article's length once per event), so they are indexed by sentence once per Doc."""
    index = doc.user_data.get("kg.sentence_times")
    if index is None:
        index = {}
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                index.setdefault(doc[ent.start].sent.start, []).append(ent)
        doc.user_data["kg.sentence_times"] = index
    return [ent for ent in index.get(sent.start, ()) if ent.end <= sent.end]  # as Span.ents: wholly inside


def _attachment(root, trigger):
    """The trigger, or the first verb, above a time expression: what the time is the time of. A time that
    modifies a noun other than the trigger ("its 1991 borders", "Tuesday's attacks") is that noun's."""
    head = root.head
    if root.dep_ in _NOUN_MODIFIERS and head.pos_ == "NOUN" and head.i != trigger.i and head.lower_ not in _TIME_NOUNS:
        return None
    node = root
    for _ in range(6):
        if node.head.i == node.i:
            return node
        node = node.head
        if node.i == trigger.i or node.pos_ in ("VERB", "AUX"):
            return node
    return None
