"""The article as a document: parse-sized chunks, paragraph breaks, headlines, boilerplate and whether it reads
as English at all. Decided before any entity or event is looked for."""

from __future__ import annotations

import re
from importlib import resources

from kg.extract import words

_UPPER_SHARE = 0.7
_MIN_FUNCTION_SHARE = 0.12
_CHUNK_CHARS = 5000
_PARAGRAPH_END = re.compile(r"\n\s*\n")


def split_paragraphs(text: str, limit: int = _CHUNK_CHARS) -> list[str]:
    r"""Consecutive pieces of ``text``, cut after blank lines, each about ``limit`` characters at most.

    >>> split_paragraphs("One.\n\nTwo.\n\nThree.", limit=8)
    ['One.\n\n', 'Two.\n\n', 'Three.']
    """
    if len(text) <= limit:
        return [text]
    chunks, start, cut = [], 0, 0
    for m in _PARAGRAPH_END.finditer(text):
        if m.end() - start > limit and cut > start:
            chunks.append(text[start:cut])
            start = cut
        cut = m.end()
    if len(text) - start > limit and start < cut < len(text):
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return [c for c in chunks if c]


def is_headline(sent, text: str, title: str | None) -> bool:
    if title and text.startswith(title.strip()):
        return True
    # a letter's salutation ('Dear Mr. Speaker:') is capitalised as a headline is, and names its addressees
    if text.endswith((".", "?", "!", '"', "”")) or text.lstrip("(").startswith("Dear "):
        return False  # decided on the text before the sentence's words are walked
    alpha = [t for t in sent if t.is_alpha and not t.is_stop]
    if len(alpha) < 4:
        return False
    return sum(t.text[0].isupper() for t in alpha) / len(alpha) >= 0.8


def reads_as_english(doc) -> bool:
    """English prose is about a third function words; other languages in Latin script have few of ours."""
    alpha = [t for t in doc if t.is_alpha]
    if not alpha:
        return False
    ascii_share = sum(t.text.isascii() for t in alpha) / len(alpha)
    if len(alpha) < 15:
        return ascii_share > 0.7
    function_share = sum(t.lower_ in words.ENGLISH_FUNCTION_WORDS for t in alpha) / len(alpha)
    return ascii_share > 0.7 and function_share >= _MIN_FUNCTION_SHARE


def load_boilerplate() -> list[re.Pattern]:
    text = resources.files("kg.extract").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return [re.compile(ln, re.I) for ln in lines if ln and not ln.startswith("#")]


_PARAGRAPHS = "kg_paragraphs"


def add_paragraph_breaks(nlp) -> None:
    """A line break always ends a sentence (headlines, paragraphs); spaCy's parser sometimes joins them."""
    from kg.extract.nlp import add_before_parser

    add_before_parser(nlp, _PARAGRAPHS, _paragraph_breaks)


def _paragraph_breaks(doc):
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def skipped_sentences(doc, title: str | None, boilerplate: list[re.Pattern]) -> tuple[set[int], set[int]]:
    """Starts of the sentences extraction skips: boilerplate debris, and headlines (their content comes again)."""
    debris, headlines = set(), set()
    for sent in doc.sents:
        text = sent.text.strip()
        if _is_debris(sent, text, boilerplate):
            debris.add(sent.start)
        elif is_headline(sent, text, title):
            headlines.add(sent.start)
    return debris, headlines


def _is_debris(sent, text: str, boilerplate: list[re.Pattern]) -> bool:
    if any(p.search(text) for p in boilerplate):
        return True
    letters = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(letters) >= 3 and sum(t.is_upper for t in letters) / len(letters) >= _UPPER_SHARE
