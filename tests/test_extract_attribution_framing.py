"""Sources that frame a whole sentence from its edge: an 'according to' set off by a comma at the start or end,
and a saying after the content that closes a paragraph (issue 13). Short texts written for these tests."""

from __future__ import annotations

import pytest


def _sources(record, trigger: str, nth: int = 0) -> list[str]:
    names = {e.id: e.name for e in record.entities}
    found = [e for e in record.events if e.trigger.text == trigger]
    assert len(found) > nth, f"no event {trigger!r} #{nth} in {[e.trigger.text for e in record.events]}"
    return [names[s] for s in found[nth].sources]


@pytest.mark.parametrize(
    "text",
    [
        "Democrats met in Paris, and Russia attacked Poland as Joe Biden watched, according to a senior aide.",
        "According to a senior aide, Russia attacked Poland while Joe Biden was meeting Olaf Scholz in Berlin.",
    ],
)
def test_an_according_to_at_the_sentence_edge_frames_every_clause(extract_text, text):
    # spaCy may hang the phrase from a clause the event is not in; set off at the edge, it covers the sentence
    assert _sources(extract_text(text), "attacked") == ["senior aide"]


def test_an_according_to_hung_on_the_participle_after_it_still_ends_the_sentence(extract_text):
    # spaCy hangs 'according to an email previously kept secret' on 'kept'; the phrase still closes the sentence
    record = extract_text(
        "Even as Russia attacked the port, the navy was told that troops were ready to help, according to an email "
        "previously kept secret."
    )
    assert _sources(record, "attacked") == ["email"]


def test_the_phrase_of_an_according_to_is_not_its_own_content(extract_text):
    record = extract_text("Joe Biden spoke in Warsaw, according to a report on the attack by Russia.")
    assert _sources(record, "attack") == []


def test_an_according_to_set_off_inside_the_sentence_frames_its_clause(extract_text):
    # spaCy hangs the phrase from the relative clause ('they have made'), off the path from the attack
    record = extract_text(
        "The best answer they have found, according to a senior aide, is to turn every attack by Russia into a "
        "counterattack on Moscow."
    )
    assert _sources(record, "attack") == ["senior aide"]


def test_an_according_to_inside_what_is_reported_stays_inside_the_chain(extract_text):
    record = extract_text("Reuters reported that, according to an analysis of the data, Russia attacked Kharkiv.")
    assert _sources(record, "attacked") == ["Reuters", "analysis"]


def test_an_according_to_inside_the_sentence_does_not_frame_the_clause_joined_after_it(extract_text):
    record = extract_text(
        "The plan that Joe Biden made, according to an aide, is to wait, and Ukraine attacked Belgorod."
    )
    assert _sources(record, "attacked") == []


def test_a_source_after_the_content_closing_a_paragraph(extract_text):
    # spaCy keeps the paragraph break as a token of the sentence: it is no part of the source phrase
    record = extract_text(
        "A retired banker is behind large donations to a committee supporting Joe Biden, a Reuters review shows."
        "\n\nRussia attacked Ukraine."
    )
    assert _sources(record, "supporting") == ["Reuters review"]
    assert _sources(record, "attacked") == []


def test_whom_a_source_after_the_content_tells_is_not_what_it_says(extract_text):
    record = extract_text(
        "Russia will send tanks to help Serbian troops, the defence minister told a Senate panel Monday."
    )
    assert _sources(record, "send") == ["defence minister"]


def test_a_name_and_a_colon_before_a_quotation_speaks_it(extract_text):
    # a debate transcript: 'Name: "..."' within a paragraph, not only at its start as a headline has it
    record = extract_text(
        'The two rivals sparred over the war. Jane Roe: "We will destroy the militia, not contain it."'
    )
    assert _sources(record, "destroy") == ["Jane Roe"]


def test_people_in_the_plural_who_say_something_are_a_source(extract_text):
    # nouns the lexicon does not list as speakers
    record = extract_text("Already, 520 superdelegates have said they support Joe Biden.")
    assert _sources(record, "support") == ["superdelegates"]
    record = extract_text("Many homeowners say they will vote for Joe Biden.")
    assert _sources(record, "vote") == ["Many homeowners"]


def test_people_in_the_plural_who_believe_or_call_for_something_are_a_source(extract_text):
    # a part of them too ('most of his rivals'), with nouns the lexicon does not list as speakers
    record = extract_text("Most of his rivals called for a bigger military effort to destroy Hamas.")
    assert _sources(record, "destroy") == ["rivals"]
    record = extract_text("Many residents fear that Russia will attack Odesa.")
    assert _sources(record, "attack") == ["Many residents"]
    record = extract_text("Most of the fighting stopped when Russia attacked Odesa.")
    assert _sources(record, "attacked") == []


def _parsed(extractor, rows, no_space_after=()):
    """A Doc with a parse written by hand (word, pos, tag, dep, head, lemma): the rule under test, whatever the model
    makes of the sentence."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (",", ".", ":") and i not in no_space_after
        for i in range(len(words))
    ]
    return Doc(
        extractor.nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def test_a_colon_hands_a_quotation_to_a_saying_further_back_in_its_sentence(extractor):
    from kg.extract import quotes

    # 'Roe, who voted twice, said that given the field of candidates on both sides: "Only one man. He attacks banks."'
    rows = [
        ("Roe", "PROPN", "NNP", "nsubj", 6, "Roe"),
        (",", "PUNCT", ",", "punct", 0, ","),
        ("who", "PRON", "WP", "nsubj", 3, "who"),
        ("voted", "VERB", "VBD", "relcl", 0, "vote"),
        ("twice", "ADV", "RB", "advmod", 3, "twice"),
        (",", "PUNCT", ",", "punct", 0, ","),
        ("said", "VERB", "VBD", "ROOT", 6, "say"),
        ("that", "SCONJ", "IN", "mark", 8, "that"),
        ("given", "VERB", "VBN", "ccomp", 6, "give"),
        ("the", "DET", "DT", "det", 10, "the"),
        ("field", "NOUN", "NN", "dobj", 8, "field"),
        ("of", "ADP", "IN", "prep", 10, "of"),
        ("candidates", "NOUN", "NNS", "pobj", 11, "candidate"),
        ("on", "ADP", "IN", "prep", 8, "on"),
        ("both", "DET", "DT", "det", 15, "both"),
        ("sides", "NOUN", "NNS", "pobj", 13, "side"),
        (":", "PUNCT", ":", "punct", 8, ":"),
        ('"', "PUNCT", "``", "punct", 8, '"'),
        ("Only", "ADV", "RB", "advmod", 20, "only"),
        ("one", "NUM", "CD", "nummod", 20, "one"),
        ("man", "NOUN", "NN", "dobj", 8, "man"),
        (".", "PUNCT", ".", "punct", 20, "."),
        ("He", "PRON", "PRP", "nsubj", 23, "he"),
        ("attacks", "VERB", "VBZ", "ROOT", 23, "attack"),
        ("banks", "NOUN", "NNS", "dobj", 23, "bank"),
        (".", "PUNCT", ".", "punct", 23, "."),
        ('"', "PUNCT", "''", "punct", 23, '"'),
    ]
    doc = _parsed(extractor, rows, no_space_after=(17,))
    (quote,) = quotes.quotes(doc, extractor.cues)
    assert doc[quote.verb].text == "said"


def test_a_participle_of_saying_speaks_through_its_clauses_subject(extractor):
    from kg.extract import quotes

    # 'The Times confirmed the account of the raid on Monday, reporting: "The army shelled the bridge."'
    rows = [
        ("The", "DET", "DT", "det", 1, "the"),
        ("Times", "PROPN", "NNP", "nsubj", 2, "Times"),
        ("confirmed", "VERB", "VBD", "ROOT", 2, "confirm"),
        ("the", "DET", "DT", "det", 4, "the"),
        ("account", "NOUN", "NN", "dobj", 2, "account"),
        ("of", "ADP", "IN", "prep", 4, "of"),
        ("the", "DET", "DT", "det", 7, "the"),
        ("raid", "NOUN", "NN", "pobj", 5, "raid"),
        ("on", "ADP", "IN", "prep", 2, "on"),
        ("Monday", "PROPN", "NNP", "pobj", 8, "Monday"),
        (",", "PUNCT", ",", "punct", 2, ","),
        ("reporting", "VERB", "VBG", "advcl", 2, "report"),
        (":", "PUNCT", ":", "punct", 11, ":"),
        ('"', "PUNCT", "``", "punct", 11, '"'),
        ("The", "DET", "DT", "det", 15, "the"),
        ("army", "NOUN", "NN", "nsubj", 16, "army"),
        ("shelled", "VERB", "VBD", "ccomp", 11, "shell"),
        ("the", "DET", "DT", "det", 18, "the"),
        ("bridge", "NOUN", "NN", "dobj", 16, "bridge"),
        (".", "PUNCT", ".", "punct", 16, "."),
        ('"', "PUNCT", "''", "punct", 16, '"'),
    ]
    doc = _parsed(extractor, rows, no_space_after=(13,))
    (quote,) = quotes.quotes(doc, extractor.cues)
    assert doc[quote.verb].text == "reporting"


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Most voters see Joe Biden as the man most likely to attack Russia.", "attack", "Most voters"),
        ("Jane Roe cast her rival as attacking the unions.", "attacking", "Jane Roe"),
        ("Jane Roe shot back that Russia had attacked the convoy.", "attacked", "Jane Roe"),
    ],
)
def test_taking_something_as_and_answering_back_attribute(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_a_verb_that_carries_a_quotation_on_after_its_closing_mark(extract_text):
    # '"...," she continued': no saying of its own, but who goes on speaking; 'continued to attack' stays no cue
    record = extract_text('Jane Roe spoke in Warsaw.\n\n"Russia will attack Kyiv again in May," Jane Roe continued.')
    assert _sources(record, "attack") == ["Jane Roe"]
    assert _sources(extract_text("Russia continued to attack Kyiv in May."), "attack") == []


def test_a_second_relative_clause_joined_to_the_first_speaks_for_the_same_antecedent(extract_text):
    record = extract_text(
        "Jane Roe, a senator who visited Kyiv in May and who hoped that Ukraine would attack Russia, spoke on Monday."
    )
    assert _sources(record, "attack") == ["Jane Roe"]


def test_a_headline_naming_a_side_by_a_noun_after_a_name(extract_text):
    record = extract_text("Biden camp: Russia attacked the convoy near Kyiv.\n\nThe campaign said it.")
    assert _sources(record, "attacked") == ["Biden camp"]
    assert _sources(extract_text("Update: Russia attacked the convoy near Kyiv."), "attacked") == []


def test_a_transcript_turn_is_the_named_speaker_s_to_the_paragraph_s_end(extract_text):
    record = extract_text(
        "Mary Smith spoke to the network on Sunday.\n\nSmith: I think the talks went well. Russia attacked Georgia in May."
        "\n\nRussia attacked Ukraine in June."
    )
    assert [_sources(record, "attacked", k) for k in (0, 1)] == [["Mary Smith"], []]
