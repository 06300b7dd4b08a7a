"""Whether a person agrees with 'he' or 'she': a pronoun speaker ('..., she said') is never a person the
article marks as the other gender, by a courtesy title ('Mr. Cruz', 'Mrs. Clinton') or by a common first
name ('Ted Cruz', 'Carly Fiorina'). Unknown names agree with both.
"""

from __future__ import annotations

import functools
import re

from kg.extract import quotes, words
from kg.extract.lexicons import DATA_DIR

__all__ = ["agrees", "earlier_speaker", "entity_gender", "is_given_name", "may_be_person", "pronoun_gender"]

_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mme|Sir|Lady|Lord)\.?\s*$")
_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f", "lady": "f"}


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    out = {}
    for line in (DATA_DIR / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and line != "name\tgender":
            name, gender = line.split("\t")
            out[name] = gender
    return out


def is_given_name(word: str) -> bool:
    """A common first name ('Gina', 'Tzachi' is not one we list)."""
    return word.lower() in _given_names()


# What 'they' and 'it' can stand for as a speaker: not one person.
_SPEAKER_TYPES = {
    "they": ("Group", "Organization", "NewsOutlet", "Country"),
    "it": ("Organization", "NewsOutlet", "Country"),
}
_WINDOW = 150  # tokens back to look for the speaker a pronoun continues


def earlier_speaker(resolver, tok) -> list[str]:
    """'Six newspapers called him an opportunist ... They urged him to resign': 'they' or 'it' as the subject of
    a verb of saying or thinking is the last speaker before it that is no single person (subject of such a
    verb, outside quotations), within a few sentences."""
    allowed = _SPEAKER_TYPES.get(tok.lower_)
    cues = resolver.cues
    if allowed is None or tok.dep_ != "nsubj" or not cues.attributing(tok.head):
        return []
    doc, table = tok.doc, resolver.table
    for earlier in reversed(doc[max(0, tok.i - _WINDOW) : tok.i]):
        if earlier.dep_ != "nsubj" or earlier.pos_ == "PRON" or not cues.attributing(earlier.head):
            continue
        if quotes.in_quote(doc, cues, earlier.idx):
            continue
        found = [e for e in resolver.resolve_source(earlier) if table.get(e).type in allowed]
        if found:
            return found
    return []


def pronoun_gender(tok) -> str | None:
    lower = tok.lower_
    return "m" if lower in _MALE else "f" if lower in _FEMALE else None


def entity_gender(text: str, entity) -> str | None:
    """'m', 'f' or None: a courtesy title before one of the entity's mentions, else its first name."""
    for m in entity.mentions:
        title = _TITLE.search(text[max(0, m.start - 6) : m.start]) or _TITLE.search(m.text.split(" ", 1)[0] + " ")
        if title:
            return _TITLE_GENDER[title[1].lower()]
    first = entity.name.split(" ", 1)[0].lower().rstrip(".")
    return _given_names().get(first)


def agrees(pronoun, text: str, entity) -> bool:
    """Whether ``pronoun`` (a token) may stand for ``entity``: true unless both genders are known and differ."""
    want = pronoun_gender(pronoun)
    if want is None:
        return True
    got = entity_gender(text, entity)
    return got is None or got == want


# Words of a body's name beside the actor nouns: 'Clinton Foundation', 'New York Times', 'Brookings Institution'
_BODY_WORDS = frozenset(
    """foundation institute institution university college inc corp co company times news post press journal center
    centre fund bank club church school hospital""".split()
)
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’][A-Z]?[a-z]+)?\.?")


def may_be_person(entity, known: bool) -> bool:
    """'Reynolds says ...', 'Carly Fiorina told ...': the tagger may type a person's name an organisation. A name
    typed Organization that no gazetteer knows (``known``), written as a person's (one to three capitalised words,
    no acronym, no word of a body's name), may be the person a later 'he' or 'she' stands for."""
    if entity.type != "Organization" or known:
        return False
    parts = entity.name.split()
    if not 0 < len(parts) <= 3 or not all(_NAME_WORD.fullmatch(p) for p in parts):
        return False
    return not any(p.lower().rstrip(".") in words.ACTOR_NOUNS | _BODY_WORDS for p in parts)
