"""The mention: a span of tokens that names an entity, before mentions are joined into entities, and the
name a mention's text gives (determiners and a possessive dropped)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import words
from kg.extract.lexicons import GazetteerEntry

__all__ = ["Mention", "clean_name", "norm"]

_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    type: str
    key: str  # resolution key: mentions with one key are one entity
    name: str
    head: int
    kind: str  # gazetteer | ner | np | anaphor
    entry: GazetteerEntry | None = None
    role: str | None = None  # head lemma of a role noun phrase
    definite: bool = False  # "the ..." phrase: may refer back to an earlier one
    countries: frozenset = frozenset()  # states named inside a role phrase ("US official")
    rule: str | None = None  # set when a rule other than its own name joined it to its entity
    names: int | None = None  # an apposition's name: the token its role phrase describes ("X's emir, <name>")


def clean_name(text: str) -> str:
    """Drop leading determiners and a trailing possessive.

    >>> clean_name("the Zelenskyy’s")
    'Zelenskyy'
    """
    tokens = text.split()
    while len(tokens) > 1 and tokens[0].lower() in words.LEADING_DROP:
        tokens = tokens[1:]
    name = " ".join(tokens)
    return _POSSESSIVE.sub("", name).strip() if name.endswith(("’s", "'s", "s’", "s'")) else name


def norm(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.lower()).strip()
