"""Sentence starts at line breaks: spaCy's parser alone runs a headline (no closing full stop) on into the first
sentence after a blank line; kg's ``kg_paragraphs`` component, set before the parser, ends it there."""

from __future__ import annotations

HEADLINE = "Petrenko Says Envoys Will Meet Again In Vienna"
BODY = "Ukraine's ambassador Olena Petrenko said on Monday that the talks would resume. The envoys met in Geneva."


def _sentences(extractor, text: str) -> list[str]:
    return [s.text.strip() for s in extractor.nlp(text).sents if s.text.strip()]


def test_a_headline_before_a_blank_line_is_a_sentence_of_its_own(extractor):
    assert _sentences(extractor, f"{HEADLINE}\n\n{BODY}")[0] == HEADLINE


def test_a_title_line_before_a_single_line_break_is_a_sentence_of_its_own(extractor):
    sentences = _sentences(extractor, f"{HEADLINE}\n{BODY}")
    assert sentences[0] == HEADLINE and sentences[1].startswith("Ukraine's ambassador")


def test_a_rank_abbreviation_still_joins_its_name_within_a_line(extractor):
    sentences = _sentences(extractor, "Navy Capt. Ada Rowe said the ship sailed.\n\nThe crew was safe.")
    assert sentences == ["Navy Capt. Ada Rowe said the ship sailed.", "The crew was safe."]


def test_a_headline_s_words_stay_out_of_the_first_sentence_s_events(extract_text):
    record = extract_text(f"{HEADLINE}\n\nRussian forces shelled Kharkiv on Monday, Ukrainian officials said.")
    assert [e.trigger.text for e in record.events] == ["shelled"]  # the headline is skipped, not joined
    assert record.events[0].evidence.text.startswith("Russian forces")
