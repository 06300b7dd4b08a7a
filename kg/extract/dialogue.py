"""A transcript where several people speak ('Remarks by President Roe and Prime Minister Doe Before Bilateral
Meeting'): each turn is its speaker's telling, as a quotation is. In Roe's turn, "Ruritania was massing troops on
the border" is Ruritania's act told by Roe (sources [Roe]), and "You sent tanks to Freedonia" Doe's act told by Roe;
Roe's own acts and speech acts ("I call on", "we made it clear") are hers, with no source.

A text in one voice throughout (a statement, a proclamation, a letter, remarks by one speaker) is the text's own
voice, as a readout or a press release is the office's: what it tells has no source (docs/attribution.md).
"""

from __future__ import annotations

import dataclasses

from kg.extract import nlp, voice
from kg.graph.records import Event

__all__ = ["told_in_turns"]

# whoever speaks for a body in its name speaks in the body's voice, as its statement does
_SPOKESPEOPLE = ("spokesperson", "spokesman", "spokeswoman", "press secretary")


def told_in_turns(events: list[Event], doc, title: voice.TitleVoice | None) -> list[Event]:
    """Acts a speaker of a transcript of several voices tells and did not do herself are told by her: she becomes
    the outermost source of each act in her turns whose doers do not include her (or her side, as 'we' is)."""
    tellers = _tellers(doc, title)
    if tellers is None or title is None:
        return events
    return [_told(e, tellers(e.trigger.start), title) for e in events]


def _told(event: Event, teller: str | None, title: voice.TitleVoice) -> Event:
    if teller is None:
        return event
    if set(title.sides.get(teller, [teller])) & set(event.actors):
        # her own act or her side's, or her saying so ('I call on', 'we made it clear'), though her turn's label
        # opens the paragraph (kg.extract.asides.headline_speaker)
        if event.sources[:1] != (teller,):
            return event
        explain = (*event.explain, f"sources: not {_name(title, teller)}, who tells her own act in her turn")
        return dataclasses.replace(event, sources=event.sources[1:], explain=explain)
    if teller in event.sources:
        return event
    explain = (*event.explain, f"sources: told in {_name(title, teller)}'s turn of the transcript")
    return dataclasses.replace(event, sources=(teller, *event.sources), explain=explain)


def _name(title: voice.TitleVoice, eid: str) -> str:
    return title.table.get(eid).name


def _tellers(doc, title: voice.TitleVoice | None):
    """Who tells at a character offset, or None when the text is not a transcript of several voices."""
    if title is None or title.voice.kind != "statement" or not title.speakers:
        return None
    named = {k: eid for k, eid in title.speakers.items() if not _spokesperson(title.voice.authors[k])}
    if not named:
        return None
    text = nlp.doc_text(doc)
    if len({title.turn_of(start) for start in voice.turn_label_starts(text)} & set(named)) < 2:
        return None  # one named voice throughout, with or without a reporter's questions: the text's own voice

    def teller(char: int) -> str | None:
        k = title.turn_of(char)
        return named.get(k) if k is not None else None

    return teller


def _spokesperson(phrase: str) -> bool:
    return any(w in phrase.lower() for w in _SPOKESPEOPLE)
