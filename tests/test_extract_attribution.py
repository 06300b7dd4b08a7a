"""Attribution beyond 'X said': beliefs, requests and intentions, stances taken on something, quotations over
several sentences and paragraphs, pronoun speakers that agree with their antecedent (issue 13). Short texts
written for these tests."""

from __future__ import annotations

import pytest


def _sources(record, trigger: str, nth: int = 0) -> list[str]:
    names = {e.id: e.name for e in record.entities}
    found = [e for e in record.events if e.trigger.text == trigger]
    assert len(found) > nth, f"no event {trigger!r} (#{nth}) in {[e.trigger.text for e in record.events]}"
    return [names[s] for s in found[nth].sources]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Hillary Clinton believes Russia attacked Ukraine.", "attacked", "Hillary Clinton"),
        ("Angela Merkel fears that Russia will invade Georgia.", "invade", "Angela Merkel"),
        ("The United States accused Russia of attacking Ukraine.", "attacking", "United States"),
        ("Russia has denied planning to invade Ukraine.", "invade", "Russia"),
        ("Joe Biden urged Russia to withdraw from Ukraine.", "withdraw", "Joe Biden"),
    ],
)
def test_beliefs_requests_and_denials_make_their_subject_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_an_intention_is_attributed_to_its_holder_whoever_is_to_act(extract_text):
    # PolNeAR annotates what a person intends as theirs: 'Trump wants to ...' as well as 'Trump wants Y to ...'
    record = extract_text("Donald Trump wants Mexico to attack Cuba. Donald Trump wants to attack Cuba.")
    assert _sources(record, "attack", 0) == ["Donald Trump"]
    assert _sources(record, "attack", 1) == ["Donald Trump"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Bernie Sanders has vowed to fight Hillary Clinton until the convention.", "fight"),
        ("Bernie Sanders refused to concede the race.", "concede"),
        ("Bernie Sanders plans to meet Barack Obama in Washington.", "meet"),
        ("Bernie Sanders is considering an attack on Hillary Clinton.", "attack"),
    ],
)
def test_the_holder_of_an_own_intention_or_refusal_is_its_source(extract_text, text, trigger):
    assert _sources(extract_text(text), trigger) == ["Bernie Sanders"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The United States intends to supply tanks to Ukraine.", "supply"),
        ("Germany plans to send tanks to Ukraine.", "send"),
        ("Russia refused to withdraw its troops from Crimea.", "withdraw"),
    ],
)
def test_a_bodys_own_intention_is_policy_told_by_the_article(extract_text, text, trigger):
    # a state's plan is its policy, which the article states (the project's gold: 'officials unveiled a plan to
    # deploy' has no source); a person's plan is theirs (above)
    assert _sources(extract_text(text), trigger) == []


def test_a_collective_of_people_holds_its_own_intention_as_a_person_does(extract_text):
    # a collective of states acts by policy (told by the article); one of people vouches for its own plans
    record = extract_text("Most European countries plan to send troops to Ukraine.")
    assert _sources(record, "send") == []
    record = extract_text("The demonstrators intend to attack the embassy in Minsk.")
    assert _sources(record, "attack") == ["demonstrators"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Russia has vowed to attack Kyiv.", "attack", "Russia"),
        ("Dmitry Peskov said Russia plans to withdraw its troops from Kherson.", "withdraw", "Dmitry Peskov"),
        ("Russia says it plans to withdraw its troops from Kherson.", "withdraw", "Russia"),
    ],
)
def test_a_bodys_own_intention_vowed_or_said_is_its_word(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Joe Biden reiterated his call for a ceasefire in Gaza.", "call", []),
        ("Joe Biden reiterated the need for Israel to protect civilians.", "need", []),
        ("Emmanuel Macron underscored his support for Ukraine.", "support", []),
        ("Joe Biden emphasized that Israel must open the crossings.", "must", []),
        ("Joe Biden said that Israel must open the crossings.", "must", ["Joe Biden"]),
        ("Emmanuel Macron said he supports Ukraine.", "supports", ["Emmanuel Macron"]),
        ("Joe Biden repeated the claim that he opposed the invasion of Iraq.", "opposed", ["Joe Biden"]),
    ],
)
def test_a_position_its_holder_restates_is_told_by_the_article(extract_text, text, trigger, source):
    # restating a demand or support makes it; saying so once, or repeating a claim about a past act, reports it
    assert _sources(extract_text(text), trigger) == source


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "When asked whether Russia would withdraw its troops from Ukraine, Oksana Markarova said she doubted it.",
            "withdraw",
        ),
        ("Asked if Russia would attack Kyiv again, Oksana Markarova said it was likely.", "attack"),
    ],
)
def test_a_question_put_to_the_speaker_is_not_her_claim(extract_text, text, trigger):
    # the asker is not named; the one asked answers, she does not say what the question says
    assert _sources(extract_text(text), trigger) == []


def test_a_verb_joined_to_a_saying_with_its_subject_is_a_second_act(extract_text):
    record = extract_text(
        "Kamala Harris reiterated her concerns about Gaza and discussed aid to Palestinians with Isaac Herzog."
    )
    assert _sources(record, "discussed") == []
    record = extract_text("Donald Trump said Mexico attacked Cuba and that Russia invaded Georgia.")
    assert _sources(record, "invaded") == ["Donald Trump"]  # a second clause of what is said still is


def test_a_passive_belief_joined_to_another_clause_has_no_holder_of_the_first(extract_text):
    record = extract_text("The US will boycott the ceremony, but France was expected to send an envoy to Moscow.")
    assert _sources(record, "send") == []


def test_a_saying_joined_to_another_is_not_its_content(extract_text):
    record = extract_text(
        "Joe Biden underscored that the talks were important, and he urged Israel to open the crossings."
    )
    assert _sources(record, "urged") == []
    assert _sources(record, "open") == ["Joe Biden"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ('"We need to consult our allies in Europe," Ted Cruz said.', "consult", ["Ted Cruz"]),
        ('"We cannot ignore the threat from Iran," Marco Rubio said.', "ignore", ["Marco Rubio"]),
        ('"When I visit Mexico, I talk about trade," Barack Obama said.', "visit", ["Barack Obama"]),
        ('"We call for a ceasefire in Gaza," Antony Blinken said.', "call", []),
        ('"We continue to call for a ceasefire in Gaza," Antony Blinken said.', "call", []),
    ],
)
def test_a_first_person_does_the_act_by_saying_it_only_when_plainly_stated(extract_text, text, trigger, source):
    # 'we call for' is the call itself (no source); a need, an ability, a negation or a scene only tells of it
    assert _sources(extract_text(text), trigger) == source


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Hillary Clinton is hopeful that Russia will withdraw from Ukraine.", "withdraw", "Hillary Clinton"),
        ("Joe Biden was worried about the attack on Kyiv.", "attack", "Joe Biden"),
        ("Mary Smith is sure that Russia attacked Ukraine.", "attacked", "Mary Smith"),
        ("Joe Biden is furious about the attack on Kyiv.", "attack", "Joe Biden"),
        ("Olaf Scholz is unhappy with the plan to send troops to Ukraine.", "send", "Olaf Scholz"),
        ("Olaf Scholz is alarmed at the attacks on Odesa.", "attacks", "Olaf Scholz"),
    ],
)
def test_adjectives_of_belief_and_feeling_make_the_subject_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_what_someone_talks_about_is_theirs(extract_text):
    record = extract_text("Hillary Clinton talked about the attack on Kyiv. Russia attacked Georgia.")
    assert _sources(record, "attack") == ["Hillary Clinton"]
    assert _sources(record, "attacked") == []


def test_a_document_put_out_by_someone_speaks_for_them(extract_text):
    record = extract_text(
        "Hillary Clinton issued a statement calling on Russia to withdraw from Ukraine. "
        "The Sanders campaign sent an email praising the attack on Mosul."
    )
    assert _sources(record, "withdraw") == ["Hillary Clinton"]
    assert _sources(record, "attack") == ["Sanders campaign"]


def test_remarks_someone_made_speak_for_them(extract_text):
    record = extract_text(
        "Senator Jane Roe made remarks calling for an attack on Iran. The minister made a statement saying Russia "
        "had attacked Kharkiv. Russia made an attack on Odesa."
    )
    assert _sources(record, "attack", 0) == ["Jane Roe"]
    assert _sources(record, "attacked") == ["minister"]
    assert _sources(record, "attack", 1) == []


def test_what_a_statement_reads_is_its_content(extract_text):
    record = extract_text('"Russia must withdraw from Ukraine," the statement read. Mary Smith read the letter.')
    assert _sources(record, "withdraw") == ["statement"]


def test_speaker_of_a_future_act_of_their_own_is_its_source(extract_text):
    record = extract_text("Mary Smith said she would meet Joe Biden in Washington.")
    assert _sources(record, "meet") == ["Mary Smith"]


def test_quotation_over_several_sentences_takes_the_speaker_named_after_it(extract_text):
    record = extract_text(
        "Mary Smith spoke in Texas on Monday. “Russia attacked Ukraine in May. Then Russia attacked "
        "Georgia. It will attack Moldova next,” she said."
    )
    assert _sources(record, "attacked", 0) == ["Mary Smith"]
    assert _sources(record, "attacked", 1) == ["Mary Smith"]


def test_quotation_running_over_paragraphs_keeps_its_speaker(extract_text):
    text = (
        "“Russia will attack Ukraine tomorrow,” Mary Smith said. “Then Russia will withdraw its troops from Belarus.\n\n"
        "“Iran will also sign a deal with Iraq.”\n\nIraq signed a deal with Turkey."
    )
    record = extract_text(text)
    assert _sources(record, "withdraw") == ["Mary Smith"]
    assert _sources(record, "deal", 0) == ["Mary Smith"]
    assert _sources(record, "deal", 1) == []  # after the quotation closes: the article's own voice


def test_a_quotation_holding_another_in_the_same_marks_keeps_its_speaker(extract_text):
    record = extract_text(
        "Mary Smith spoke in Texas. “The United States attacked Iraq, this “axis” of states, and Iran. It was a "
        "mistake,” Mary Smith said. “Russia attacked Georgia. “Then Russia attacked Moldova.\n\nIraq signed a "
        "deal with Turkey."
    )
    assert _sources(record, "attacked", 0) == ["Mary Smith"]
    assert _sources(record, "attacked", 1) == []  # an unclosed quote does not nest the next one: nobody framed them
    assert _sources(record, "deal") == []


def test_a_word_to_the_listener_is_no_source(extract_text):
    # '(you know this ...)' set aside inside what someone says is no account of the listener's
    record = extract_text(
        "“The United States, having attacked all the countries at once (you know this axis of states), they "
        "realized that they made a mistake,” Mary Smith said."
    )
    assert _sources(record, "attacked") == ["Mary Smith"]


def test_pronoun_speaker_is_the_person_named_outside_the_quotation(extract_text):
    record = extract_text("Mary Smith spoke in Texas. “Ted Cruz met our governor. He has met us,” she said.")
    assert _sources(record, "met", 0) == ["Mary Smith"]


def test_scare_quotes_are_not_a_speaker_s_words(extract_text):
    record = extract_text("Russia attacked what it calls “Nazis” in Ukraine, Mary Smith said. Russia attacked Georgia.")
    assert _sources(record, "attacked", 1) == []


def test_article_voice_between_quotations_keeps_an_empty_chain(extract_text):
    record = extract_text(
        "“We will win,” Mary Smith said.\n\nRussia attacked Ukraine on Monday.\n\n“They lost,” she said."
    )
    assert _sources(record, "attacked") == []


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("A new poll found that Hillary Clinton would beat Donald Trump in Ohio.", "beat", "new poll"),
        ("According to leaked documents, Russia attacked Ukraine in May.", "attacked", "leaked documents"),
        ("The campaign said Russia attacked Ukraine in May.", "attacked", "campaign"),
    ],
)
def test_unnamed_speakers_documents_and_organisations_are_sources(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_a_document_speaks_for_its_author(extract_text):
    record = extract_text(
        "Aid will help the victims, Antony Blinken said in a statement. The United States has sent "
        "$2 billion in aid to Ukraine, the statement said."
    )
    assert _sources(record, "sent") == ["Antony Blinken"]


def test_a_document_speaks_for_the_author_named_before_it(extract_text):
    record = extract_text('"Russia must withdraw its troops from the border," the EU statement said.')
    assert _sources(record, "withdraw") == ["European Union"]
    assert "EU statement" not in {e.name for e in record.entities}


def test_an_abstract_noun_is_not_a_speaker(extract_text):
    record = extract_text("The dual mission shows that Russia attacked Ukraine.")
    assert _sources(record, "attacked") == []


def test_source_set_aside_after_or_inside_the_content(extract_text):
    record = extract_text(
        "Russia and Belarus were discussing an attack on Ukraine, as the newspaper reported. "
        "The aid to Ukraine, Democratic sources said, angered Russia."
    )
    assert _sources(record, "discussing") == ["newspaper"]
    assert _sources(record, "aid") == ["Democratic sources"]


def test_a_speaker_s_claim_about_their_own_stance_is_theirs(extract_text):
    record = extract_text("Mark Cuban said he supports Barack Obama.")
    assert _sources(record, "supports") == ["Mark Cuban"]


def test_call_for_someone_to_act_and_a_participle_s_speaker(extract_text):
    record = extract_text(
        "Donald Trump called for the president to resign. Bernie Sanders sent an email to voters, "
        "asking Russia to withdraw from Ukraine."
    )
    assert _sources(record, "resign") == ["Donald Trump"]
    assert _sources(record, "withdraw") == ["Bernie Sanders"]


def test_a_colon_hands_the_quotation_to_the_clause_before_it(extract_text):
    record = extract_text(
        'Mike Pence continued: "Barack Obama withdrew American forces from Iraq. Russia attacked Syria."'
    )
    assert _sources(record, "withdrew") == ["Mike Pence"]
    assert _sources(record, "attacked") == ["Mike Pence"]


def test_he_said_goes_to_the_last_speaker_not_the_last_name(extract_text):
    record = extract_text(
        "John Kerry said on Monday that talks would resume. Vladimir Putin had attacked Ukraine "
        "in May. Russia will attack Georgia next, he said."
    )
    assert _sources(record, "attack") == ["John Kerry"]


def test_a_quotation_after_a_speech_sentence_continues_its_speaker(extract_text):
    record = extract_text(
        'Bernie Sanders voted against the law, Hillary Clinton said. "Russia will attack Ukraine. '
        'He knows it."\n\nRussia attacked Georgia.'
    )
    assert _sources(record, "attack") == ["Hillary Clinton"]
    assert _sources(record, "attacked") == []


def test_where_a_thing_was_said_is_the_article_s_and_what_a_reply_answers_is_the_speaker_s(extract_text):
    record = extract_text(
        "Steve Moody said at the Trump rally that Russia attacked Ukraine. Jorge Ramos said Trump "
        "has not replied to his interview requests."
    )
    assert _sources(record, "rally") == []
    assert _sources(record, "attacked") == ["Steve Moody"]
    assert _sources(record, "requests") == ["Jorge Ramos"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Angela Merkel rejected the offer of Donald Trump to withdraw troops.", "withdraw", "Angela Merkel"),
        ("Scott Walker endorsed the plan to sanction Iran.", "sanction", "Scott Walker"),
        ("Vladimir Putin praised the efforts of John Kerry to negotiate a ceasefire.", "negotiate", "Vladimir Putin"),
        ("Paul Manafort lobbied for the Americans to support Ukraine.", "support", "Paul Manafort"),
        ("Bernie Sanders railed against the invasion of Iraq.", "invasion", "Bernie Sanders"),
    ],
)
def test_a_stance_taken_on_something_makes_its_holder_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_where_a_stance_was_taken_stays_in_the_article_s_voice(extract_text):
    record = extract_text("Donald Trump criticized the judge at a meeting with Mexico.")
    assert _sources(record, "meeting") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Mary Smith spoke at the meeting of John Kerry in Miami. “Russia will attack Ukraine,” she said.",
            "Mary Smith",
        ),
        ("Mrs. Smith spoke at the meeting of Mr. Jones in Miami. “Russia will attack Ukraine,” she said.", "Smith"),
        ("Mr. Jones spoke at the meeting of Mrs. Smith in Miami. “Russia will attack Ukraine,” he said.", "Jones"),
    ],
)
def test_a_pronoun_speaker_agrees_with_the_person_it_stands_for(extract_text, text, source):
    assert _sources(extract_text(text), "attack") == [source]


def test_a_name_of_unknown_gender_agrees_with_either_pronoun(extract_text):
    record = extract_text("Robin Taylor spoke in Miami. “Russia will attack Ukraine,” she said.")
    assert _sources(record, "attack") == ["Robin Taylor"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("The council condemned Donald Trump's call for sanctions against Iran.", "sanctions", "Donald Trump"),
        ("Hillary Clinton mocked his proposal to deport immigrants, Bernie Sanders said.", "deport", "Hillary Clinton"),
    ],
)
def test_the_owner_of_a_noun_of_stance_is_the_source_of_its_complement(extract_text, text, trigger, source):
    assert source in _sources(extract_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Mary Smith cited the attack on Kyiv as evidence.", "attack", "Mary Smith"),
        ("A new poll showed support for the sanctions against Russia.", "sanctions", "new poll"),
        ("John Kerry denied the attack by Russia on the convoy.", "attack", "John Kerry"),
    ],
)
def test_what_a_speaker_cites_or_denies_is_theirs(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_an_announced_act_of_one_s_own_and_a_relative_clause_stay_the_article_s(extract_text):
    record = extract_text(
        "The United States announced $200 million in aid to Ukraine. Joe Biden cited something Russia has "
        "repeatedly denied."
    )
    assert _sources(record, "aid") == []
    assert _sources(record, "denied") == []


def test_a_colon_at_a_paragraph_s_end_hands_the_next_quotation_to_its_speaker(extract_text):
    record = extract_text(
        'Mary Smith went on to say:\n\n"Russia will attack Ukraine in the spring, and Iran will help."'
    )
    assert _sources(record, "attack") == ["Mary Smith"]


def test_a_paragraph_of_quotation_alone_shares_the_speaker_of_the_quotation_beside_it(extract_text):
    record = extract_text(
        "Mary Smith spoke in Texas.\n\n“Russia will attack Ukraine in the spring of next year.”\n\n"
        "“Iran will also send drones to Russia,” Mary Smith said.\n\n“Then Russia will withdraw from Belarus.”"
        "\n\nJoe Biden met Olaf Scholz in Berlin."
    )
    assert _sources(record, "attack") == ["Mary Smith"]  # the next paragraph names her
    assert _sources(record, "withdraw") == ["Mary Smith"]  # the paragraph before named her
    assert _sources(record, "met") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Several candidates said Russia should attack Ukraine.", "Several candidates"),
        ("As many as 40 percent of the voters said Russia would attack Ukraine.", "percent"),
    ],
)
def test_people_named_by_what_they_are_or_by_their_share_are_sources(extract_text, text, source):
    assert _sources(extract_text(text), "attack") == [source]


def test_they_as_a_speaker_continues_the_last_group_that_spoke(extract_text):
    record = extract_text(
        "Six newspapers said on Monday that Chris Christie is an opportunist. They urged him to resign."
    )
    assert _sources(record, "resign") == ["newspapers"]


def test_whom_a_speaker_addresses_is_no_content(extract_text):
    record = extract_text("Donald Trump told a meeting with Mexico that the wall would be built.")
    assert _sources(record, "meeting") == []


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Donald Trump has made it clear that he will attack Iran.", "attack", "Donald Trump"),
        ("Mitt Romney went after Joe Biden over his refusal to meet Putin.", "refusal", "Mitt Romney"),
        ("Mary Smith lashed out at Russia over the attack on Kiev.", "attack", "Mary Smith"),
        ("Ted Cruz played down the idea that he had struck a deal with Iran.", "struck", "Ted Cruz"),
        ("Mary Smith spoke out against the strikes on Kiev.", "strikes", "Mary Smith"),
    ],
)
def test_two_word_cues_make_their_subject_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_bare_head_of_a_two_word_cue_attributes_nothing(extract_text):
    record = extract_text(
        "Russia went to Kiev after the attack on Georgia. Mary Smith made a deal with Iran. Ted Cruz played down."
    )
    assert _sources(record, "attack") == []
    assert _sources(record, "deal") == []


def test_results_of_a_poll_can_name_the_source(extract_text):
    record = extract_text("Early results of an exit poll are showing that Joe Biden attacked Vladimir Putin.")
    assert _sources(record, "attacked") == ["Early results"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Joe Biden excoriated the raid on Kiev.", "raid", "Joe Biden"),
        ("Joe Biden downplayed the attack on Kiev.", "attack", "Joe Biden"),
        ("Mary Smith implied that Russia attacked Ukraine.", "attacked", "Mary Smith"),
    ],
)
def test_verbs_of_scorn_and_insinuation_make_their_subject_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_the_setting_of_a_reported_act_is_told_by_the_outer_speaker(extract_text):
    record = extract_text(
        "The White House said that during their phone call on Monday, Barack Obama and Francois Hollande "
        "reaffirmed their commitment. Steve Moody spoke at the Trump rally."
    )
    assert _sources(record, "call") == ["White House"]


def test_a_capitalised_surname_read_as_a_common_noun_still_speaks(extract_text):
    record = extract_text('Marco Rubio "apologized many times on this show," Hannity said.')
    assert _sources(record, "apologized") == ["Hannity"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Russia attacked Ukraine in May, according to the FBI data.", "attacked", "FBI data"),
        ('"Russia will attack Ukraine," the editorial board writes.', "attack", "editorial board"),
    ],
)
def test_data_and_boards_are_unnamed_sources(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_a_source_joined_after_the_content_by_a_comma(extract_text):
    record = extract_text(
        "Donors gave money to a super PAC supporting Joe Biden, a USA Today analysis shows. "
        "Donors gave money to a group backing Hillary Clinton, the newspaper found. "
        "Russia attacked Ukraine and Joe Biden said nothing."
    )
    assert _sources(record, "supporting") == ["USA Today analysis"]
    assert _sources(record, "backing") == ["newspaper"]
    assert _sources(record, "attacked") == []


def test_a_source_after_the_content_hung_as_the_content_of_the_verb_before_it(extract_text):
    # spaCy hangs '..., CNN reported' as what 'believes' believes; it is the outer source of the whole
    record = extract_text("The Pentagon believes Russia will attack Kyiv, CNN reported, citing two officials.")
    assert _sources(record, "attack") == ["CNN", "United States Department of Defense"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russia attacked Poland on Monday. Olaf Scholz said this on Tuesday in Berlin.", ["Olaf Scholz"]),
        ("Russia attacked Poland on Monday.\n\nOlaf Scholz said this on Tuesday in Berlin.", ["Olaf Scholz"]),
        ("Russia attacked Poland on Monday. That is according to the ministry.", ["ministry"]),
        ("Russia attacked Poland on Monday. This was reported by Reuters, according to the BBC.", ["BBC", "Reuters"]),
    ],
)
def test_a_sentence_pointing_back_with_this_names_who_said_the_one_before(extract_text, text, source):
    assert _sources(extract_text(text), "attacked") == source


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Poland on Monday, the ministry said. The Kremlin denied this.",
        "Russia attacked Poland on Monday. The ministry did not confirm this.",
        "Russia attacked Poland on Monday. Joe Biden said this: Russia will invade Latvia.",
        "Russia attacked Poland on Monday.\n\nLithuania sent troops to Latvia. Olaf Scholz said this in Berlin.",
        "Russia attacked Poland on Monday. Olaf Scholz said this week that Latvia is safe.",
    ],
)
def test_this_pointing_back_does_not_source_what_is_disputed_withheld_announced_or_far_away(extract_text, text):
    assert "Olaf Scholz" not in _sources(extract_text(text), "attacked")
    assert "Kremlin" not in _sources(extract_text(text), "attacked")
    assert "Joe Biden" not in _sources(extract_text(text), "attacked")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Mr. Roe visited President Doe's office in Warsaw. He said that Russia attacked Ukraine.", ["Roe"]),
        ("Mr. Roe met President Doe in Paris. Then he said that Russia attacked Ukraine.", ["Roe"]),
        ("Mr. Roe met President Doe in Paris, and he said that Russia attacked Ukraine.", ["Doe"]),
    ],
)
def test_a_pronoun_opening_its_sentence_continues_the_subject_before_it(extract_text, text, source):
    # the subject of the sentence before, not a name inside its object; within one sentence the nearest name
    assert _sources(extract_text(text), "attacked") == source


def test_a_past_verb_joined_to_the_reported_present_is_the_tellers_second_act(extract_text):
    # spaCy joins 'affirmed' to 'has'; the tense says it is the speaker's own act, joined to 'emphasized'
    record = extract_text(
        "Mr. Roe met Olaf Scholz. He emphasized that Poland has a right to defend itself, and affirmed U.S. "
        "support for a ceasefire in Lebanon. Mr. Roe said that Poland has defended itself and attacked Russia."
    )
    assert _sources(record, "affirmed") == []
    assert _sources(record, "attacked") == ["Roe"]  # 'has defended ... and attacked': one reported clause


def test_a_participle_of_saying_hung_from_the_reported_clause_is_the_tellers(extract_text):
    record = extract_text(
        "The ministry said its troops were holding the line, adding that Russia attacked Kharkiv. "
        "Mary Smith rescinded her support, saying that Russia attacked Sumy."
    )
    assert _sources(record, "attacked", 0) == ["ministry"]  # not its troops
    assert _sources(record, "attacked", 1) == ["Mary Smith"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Russia attacked Kharkiv on Monday, according to the summary.", "attacked", ["summary"]),
        ("A review of the emails seems to show that Mary Smith met Joe Biden.", "met", ["review"]),
        ("The indictment alleges that Russia attacked Kharkiv.", "attacked", ["indictment"]),
    ],
)
def test_documents_and_findings_are_unnamed_sources(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == source


def test_talks_a_speaker_says_were_held_are_her_account(extract_text):
    record = extract_text(
        "Mary Smith said she had spoken with Joe Biden about Ukraine. Mary Smith spoke with Joe Biden on Monday."
    )
    assert _sources(record, "spoken") == ["Mary Smith"]
    assert _sources(record, "spoke") == []  # speaking with someone is the talks, told by the article


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Mary Smith called her son a hero before explaining why she forgave Russia.", "forgave"),
        ("Mary Smith ended the debate by arguing that Russia attacked Ukraine.", "attacked"),
    ],
)
def test_a_saying_set_beside_an_act_by_a_preposition_has_the_acts_subject(extract_text, text, trigger):
    assert _sources(extract_text(text), trigger) == ["Mary Smith"]


def test_the_name_after_an_inverted_verb_of_saying_is_its_speaker(extract_text):
    # spaCy may hang 'Jim Skelly' in '..., said Jim Skelly' as an adverb of 'said'
    record = extract_text(
        "“We will win,” said Jim Skelly, explaining he worked with Joe Biden on the deal. "
        "“Russia will attack Ukraine,” said Tuesday the spokesman."
    )
    assert _sources(record, "deal") == ["Jim Skelly"]
    assert "Tuesday" not in _sources(record, "attack")


def test_what_an_act_shows_is_no_belief_of_its_doer(extract_text):
    record = extract_text(
        "Mary Smith spent Monday campaigning in Ohio, showing how the battle against Joe Biden goes on."
    )
    assert _sources(record, "battle") == []


def test_a_saying_after_a_colon_does_not_report_what_came_before_it(extract_text):
    record = extract_text(
        "Donald Trump campaigned in Iowa. At his rallies, Trump primes supporters not to trust the media and cites "
        "the crowds as an example: He says Russia attacked Ukraine."
    )
    assert _sources(record, "rallies") == []
    assert _sources(record, "attacked") == ["Donald Trump"]


def test_the_tellers_own_act_beside_what_is_told_is_the_articles(extract_text):
    # 'as he urged' hangs inside the reported conditional, but it is the teller's act, told as done
    record = extract_text(
        "The prime minister of Ukraine has told the BBC there will be a war if Ukraine loses, as he urged the US "
        "Congress to pass an aid bill. Mary Smith said that Russia would win, as it attacked Ukraine."
    )
    urged = next(e for e in record.events if e.trigger.text == "urged")
    assert (urged.sources, urged.modality) == ((), "asserted")
    assert _sources(record, "attacked") == ["Mary Smith"]  # 'as it attacked': not the teller's act


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Joe Biden reaffirmed his support for the right of Israel to defend itself against attacks from Iran.", []),
        (
            "The White House said Joe Biden reaffirmed his support for Israel against attacks from Iran.",
            ["White House"],
        ),
        ("Joe Biden said Israel has a right to defend itself against attacks from Iran.", ["Joe Biden"]),
        ("According to Reuters, Joe Biden reaffirmed his support for Israel against attacks from Iran.", ["Reuters"]),
    ],
)
def test_a_happening_named_inside_a_restated_position_is_known_not_told(extract_text, text, source):
    # restating a position is the act the article tells; the attacks it names are the article's too (an outer
    # teller stays), while what a saying says is the sayer's
    assert _sources(extract_text(text), "attacks") == source


def test_a_pronoun_speaker_continues_who_spoke_through_a_relative_clause_or_a_participle(extract_text):
    record = extract_text(
        "Mary Smith spoke to Joe Biden on Monday. The plan was supported by Emma Jones of Ohio, the senator "
        'from Ohio, who said that Joe Biden had agreed. "It makes no sense that Mr. Biden rejected the deal '
        'with Iran," she said.\n\nMary Smith met Joe Biden in May. Later Robert Jones reacted to the news, '
        'saying: "Biden is weak." "Biden must reject the deal with Iran," he added.'
    )
    assert _sources(record, "agreed") == ["Emma Jones"]  # 'who' through the apposition to the name
    assert _sources(record, "rejected") == ["Emma Jones"]
    assert _sources(record, "reject") == ["Robert Jones"]


def test_who_a_source_is_tells_nothing_and_an_unnamed_antecedent_speaks_through_who(extract_text):
    record = extract_text(
        "According to Airwars, which condemned the invasion of Georgia, Russia attacked Ukraine. "
        "Russia attacked Moldova, according to officials who condemned the invasion of Belarus."
    )
    assert _sources(record, "invasion", 0) == ["Airwars"]  # through 'condemned', not through 'according to'
    assert _sources(record, "invasion", 1) == ["officials"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Lewandowski would be charged with battery, police said.", "charged", "police"),
        ("Some of his backers urged Bernie Sanders to back Hillary Clinton.", "back", "backers"),
        ("One of the witnesses said that Russia attacked Ukraine.", "attacked", "witnesses"),
    ],
)
def test_police_and_part_of_a_group_are_unnamed_sources(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Rabbis vow to boycott the speech by Donald Trump.", "boycott", "Rabbis"),
        ("Young voters prefer a deal with Iran.", "deal", "Young voters"),
        ("Jewish leaders point to the call by Donald Trump for a ban on Muslims.", "ban", "Jewish leaders"),
    ],
)
def test_vowing_preferring_and_pointing_to_make_the_subject_the_source(extract_text, text, trigger, source):
    assert source in _sources(extract_text(text), trigger)


def test_a_name_and_a_colon_opening_a_paragraph_quote_that_person(extract_text):
    record = extract_text(
        "Lynch: Russia attacked Ukraine in May.\nLoretta Lynch spoke in Washington. Russia attacked Georgia: it was war."
    )
    assert _sources(record, "attacked", 0) == ["Loretta Lynch"]
    assert _sources(record, "attacked", 1) == []


def test_the_owner_of_a_plan_intends_it(extract_text):
    record = extract_text("Hillary Clinton criticized Donald Trump's plan to deport 11 million people.")
    assert "Donald Trump" in _sources(record, "deport")


def test_we_in_quotations_framed_by_it_does_not_resolve_in_a_circle(extract_text):
    # 'we' is the speaker 'it' of its quotation, 'it' the subject of the sentence before, which is 'we' again
    record = extract_text(
        "The email reached Hillary Clinton in May.\n"
        '"After talks with the generals, we have found the forces that could move to Benghazi. They are ready as '
        'we speak," it said.\n"If the principals agree to deploy them, we will ask the State Department for '
        'approval from Libya," it read.'
    )
    # extraction ends (no endless resolution); the 'we' stays unresolved, and its request is not told as no one's act
    assert "Hillary Clinton" in {e.name for e in record.entities}
    assert all(e.actors for e in record.events if e.type == "REQUEST")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Bernie Sanders complained that linking him to the Moscow bombing was unfair.", "bombing"),
        ("Hillary Clinton said that attacking Iran would be a mistake.", "attacking"),
    ],
)
def test_a_clause_that_is_the_subject_of_what_is_told_is_told(extract_text, text, trigger):
    assert _sources(extract_text(text), trigger) == [text.split(" ", 2)[0] + " " + text.split(" ", 2)[1]]


def test_a_quotations_last_words_taken_for_a_second_subject_leave_the_speaker_speaking(extract_text):
    record = extract_text('"Russia attacked every single town. Every one of them," said Ted Cruz, who was there.')
    assert _sources(record, "attacked") == ["Ted Cruz"]


def test_an_utterance_is_its_speakers_not_a_source_of_its_own(extract_text):
    record = extract_text("The senator spoke on Monday. The comment signalled that Chile would cut aid to Peru.")
    assert not [e for e in record.entities if e.name.lower().startswith("comment")]


def test_a_report_still_names_a_source(extract_text):
    record = extract_text("The report said Chile attacked Peru.")
    assert _sources(record, "attacked") == ["report"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Russia's attacks on Ukraine were condemned by Germany.", "attacks", "Germany"),
        ("The claim that Russia attacked Ukraine was denied by the Kremlin.", "attacked", "Russia"),
    ],
)
def test_a_passive_saying_or_stance_tells_its_subject_by_its_agent(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_a_passive_telling_has_its_addressee_as_subject_not_its_content(extract_text):
    record = extract_text("The victims of the Russian attack on Kyiv were told by Germany to go home.")
    assert _sources(record, "attack") == []


def test_tallies_speak_for_themselves(extract_text):
    assert _sources(extract_text("Tallies show that Russia attacked Ukrainian towns in May."), "attacked") == [
        "Tallies"
    ]


def test_a_colon_hands_a_quotation_to_the_clause_before_it_whatever_its_verb(extract_text):
    record = extract_text('Marco Rubio fired back forcefully: "If they attack us in Miami, they are going to lose."')
    assert _sources(record, "attack") == ["Marco Rubio"]


def test_a_quotation_after_an_issued_statement_is_its_issuers(extract_text):
    record = extract_text('Trump issued a statement on Sunday, "Last night, Ohio was attacked by a radical terrorist."')
    assert _sources(record, "attacked") == ["Donald Trump"]


def test_the_partys_member_word_speaks_for_the_politician_just_named(extract_text):
    record = extract_text("Ohio invited Governor Tom Reed to visit. The Republican said Chile had attacked Peru.")
    assert _sources(record, "attacked") == ["Tom Reed"]


def test_hoping_is_a_hope_though_the_lemmatiser_says_hop(extract_text):
    record = extract_text("Donald Trump is hoping that Russia will attack Ukraine.")
    assert _sources(record, "attack") == ["Donald Trump"]


def test_a_clause_a_copula_states_of_an_owned_position_is_the_owners(extract_text):
    record = extract_text("Barack Obama's position is that Russia must withdraw from Crimea.")
    assert _sources(record, "withdraw") == ["Barack Obama"]
    assert _sources(extract_text("The problem is that Russia invaded Ukraine."), "invaded") == []


def test_a_speech_act_told_inside_what_someone_says_is_their_account(extract_text):
    # talks or a telling the speaker reports, in a clause under the saying or in a quotation, keep the speaker as
    # source; the talks the article itself reports, or a call made by saying it, do not
    record = extract_text(
        'The aide, Jane Roe, stated: "When I spoke with Joe Biden yesterday, he was sad about the attack." '
        "Harry Reid said that he would have told Hillary Clinton to stop if he had known. "
        "Janet Yellen spoke to Olaf Scholz on Monday."
    )
    assert _sources(record, "spoke", 0) == ["Jane Roe"]
    assert _sources(record, "told") == ["Harry Reid"]
    assert _sources(record, "spoke", 1) == []
    record = extract_text('"We call for a ceasefire," Antony Blinken said.')
    assert _sources(record, "call") == []


def test_a_speaker_the_parser_hung_on_an_opening_phrase_still_speaks(extract_text):
    # spaCy may take the name after an opening participle phrase for a conjunct of the phrase's last noun
    record = extract_text(
        "Shaken by the violence in Nevada, Senator Harry Reid, the Democratic leader, said that Russia attacked Ukraine."
    )
    assert _sources(record, "attacked") == ["Harry Reid"]


def test_a_saying_parsed_as_a_clause_on_the_speakers_name_keeps_its_speaker(extract_text):
    # 'Donald Trump called Tuesday for ...' may come out as a noun phrase, 'called' a clause modifying the name
    record = extract_text("Donald Trump called Tuesday for the governor to resign.")
    assert _sources(record, "resign") == ["Donald Trump"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Bernie Sanders spoke in Iowa on Monday. Sanders says Russia attacked Ukraine.", "attacked", "Bernie Sanders"),
        ("Tom Banks met voters in Ohio. Banks wants Russia to withdraw from Ukraine.", "withdraw", "Tom Banks"),
    ],
)
def test_a_surname_that_is_also_a_plural_noun_speaks_as_the_person(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_an_outlet_named_before_its_kind_is_the_source(extract_text):
    record = extract_text(
        "The Reuters news agency reported on Monday that Russian forces had shelled the port. "
        "The Interfax news agency said three people were killed."
    )
    assert _sources(record, "shelled") == ["Reuters"]
    assert _sources(record, "killed") == ["Interfax"]
    assert not any("news agency" in e.name for e in record.entities)
