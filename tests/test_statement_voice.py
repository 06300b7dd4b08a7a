"""The voice of official statements, remarks and readouts: 'I' and 'we' are the author the title names, a
readout's 'he' and 'they' its parties (kg.extract.voice). Short texts written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.voice import parse_title


@pytest.fixture(scope="module")
def statement(extractor):
    from kg.graph.records import Article

    def run(title: str | None, text: str, source: str | None = "The White House"):
        record = extractor.extract(Article("v", text, title=title, source=source, date="2031-03-04"))
        names = {e.id: e.name for e in record.entities}
        found = [
            (e.type, e.trigger.text, {names[a] for a in e.actors}, {names[r] for r in e.recipients}, e.sources)
            for e in record.events
        ]
        return record, found

    return run


def test_titles_name_the_voice():
    assert parse_title("Statement by Foreign Minister Jane Roe on the Border").authors == ("Foreign Minister Jane Roe",)
    readout = parse_title("Readout of President Roe’s Video Call with Prime Minister Doe of Ruritania")
    assert (readout.kind, readout.authors, readout.counterparts) == (
        "readout",
        ("President Roe",),
        ("Prime Minister Doe of Ruritania",),
    )
    assert parse_title("Remarks by President Roe and Prime Minister Doe in Joint Press Conference").authors == (
        "President Roe",
        "Prime Minister Doe",
    )
    assert parse_title("Ruritania and Freedonia sign a border treaty") is None
    assert parse_title(None) is None


def test_a_statements_i_is_its_author_named_by_the_title(statement):
    record, found = statement(
        "Statement from President Jane Roe on the Election in Ruritania",
        "Yesterday the voters of Ruritania elected John Doe. I congratulate him on his victory.",
    )
    assert ("SUPPORT", "congratulate", {"Jane Roe"}, {"John Doe"}, ()) in found
    author = next(e for e in record.entities if e.name == "Jane Roe")
    assert [(m.text, m.rule) for m in author.mentions] == [("I", "author")]


def test_a_statements_we_is_its_author_and_her_state(statement):
    _, found = statement(
        "Statement by National Security Advisor Jane Roe on Attacks in Ruritania",
        "The United States is watching Ruritania closely. We condemn the attacks against Ruritania by Freedonia.",
    )
    assert ("ACCUSE", "condemn", {"Jane Roe", "United States"}, {"Freedonia"}, ()) in [
        (t, w, a, r - {"Ruritania"}, s) for t, w, a, r, s in found
    ]


def test_what_the_author_condemns_is_the_articles_voice(statement):
    _, found = statement(
        "Statement by President Jane Roe on Ruritania", "We condemn Freedonia's attacks against Ruritania."
    )
    attack = next(f for f in found if f[0] == "ASSAULT")
    assert attack[4] == ()


def test_what_a_statement_says_someone_must_do_is_its_authors_demand(statement):
    _, found = statement(
        "Statement from President Jane Roe on Ruritania",
        'I stand with Ruritania. Freedonia must end its blockade of Ruritania. "Ruritania should withdraw," a'
        " Freedonian minister said.",
    )
    requests = [f for f in found if f[0] == "REQUEST"]
    assert ("REQUEST", "must", {"Jane Roe"}, {"Freedonia"}, ()) in requests
    assert all(f[2] != {"Jane Roe"} for f in requests if f[1] == "should")  # the quoted words are the minister's
    _, found = statement(None, "Freedonia must end its blockade of Ruritania.")
    assert not [f for f in found if f[0] == "REQUEST"]  # a news story's own 'must' is no one's demand


def test_what_a_statement_says_someone_needs_to_do_is_its_authors_demand(statement):
    _, found = statement(
        "Statement from President Jane Roe on Moldova",
        "I stand with Moldova. Chile needs to allow humanitarian access. We have to pass the budget.",
    )
    requests = [f[:4] for f in found if f[0] == "REQUEST"]
    assert requests == [("REQUEST", "needs", {"Jane Roe"}, {"Chile"})]  # 'we have to' exhorts her own side
    _, found = statement(None, "Chile needs to allow humanitarian access.")
    assert not [f for f in found if f[0] == "REQUEST"]


def test_quoted_words_and_other_speakers_turns_are_not_the_author(statement):
    _, found = statement(
        "Remarks by President Jane Roe on Ruritania",
        "THE PRESIDENT: I condemn the attack on Ruritania.\n\nQ: I condemn it too. Will you sanction Freedonia?\n\n"
        'THE PRESIDENT: As John Doe told me, "I condemn these crimes."',
    )
    condemners = [f[2] for f in found if f[0] == "ACCUSE"]
    assert {"Jane Roe"} in condemners
    assert sum("Jane Roe" in a for a in condemners) == 1


def test_an_unrelated_title_gives_no_author(statement):
    record, found = statement("Ruritania votes", "I condemn the attack on Ruritania, a voter said.", source=None)
    assert all(e.name != "Ruritania votes" for e in record.entities)
    assert not any(f[2] for f in found if f[0] == "ACCUSE")


def test_a_readouts_he_and_they_are_its_parties(statement):
    _, found = statement(
        "Readout of Foreign Minister Jane Roe’s Call with Foreign Minister John Doe of Ruritania",
        "Foreign Minister Jane Roe spoke today with Foreign Minister John Doe of Ruritania. She condemned the "
        "attack on Ruritania. They discussed the situation on the border. The two ministers "
        "agreed to meet again soon.",
    )
    assert ("CONSULT", "spoke", {"Jane Roe", "John Doe"}, set(), ()) in found
    assert any(t == "ACCUSE" and w == "condemned" and a == {"Jane Roe"} for t, w, a, _r, _s in found)
    assert ("CONSULT", "discussed", {"Jane Roe", "John Doe"}, set(), ()) in found
    assert any(t == "AGREE" and a == {"Jane Roe", "John Doe"} for t, _w, a, _r, _s in found)


def test_a_readouts_reported_he_keeps_its_own_antecedent(statement):
    _, found = statement(
        "Readout of Foreign Minister Jane Roe’s Call with Foreign Minister John Doe",
        "Foreign Minister Jane Roe spoke today with Foreign Minister John Doe. Mr. Doe said that he would "
        "visit Ruritania next week.",
    )
    assert not any("Jane Roe" in a for t, _w, a, _r, _s in found if t != "CONSULT")


def test_standing_with_a_state_is_support_of_it(statement):
    _, found = statement(None, "The United States stands with Ukraine.", source=None)
    assert ("SUPPORT", "stands", {"United States"}, {"Ukraine"}, ()) in found


def test_a_readouts_the_president_is_its_principal(statement):
    record, found = statement(
        "Readout of President Roe’s Call with President Doe of Ruritania",
        "President Jane Roe spoke today with President John Doe of Ruritania. Today, the President announced "
        "new sanctions on Freedonia. The leaders discussed the border.",
    )
    roe = next(e for e in record.entities if e.name == "Jane Roe")
    assert "President" in {m.text for m in roe.mentions}
    assert any(t == "SANCTION" and a == {"Jane Roe"} for t, _w, a, _r, _s in found)
    assert ("CONSULT", "discussed", {"Jane Roe", "John Doe"}, set(), ()) in found


def test_an_office_only_title_takes_whom_the_body_gives_the_office(statement):
    _, found = statement(
        "Readout of the Vice President’s Meeting with Chancellor John Doe",
        "Vice President Jane Roe met today with Chancellor John Doe. They discussed the war.",
    )
    assert ("CONSULT", "discussed", {"Jane Roe", "John Doe"}, set(), ()) in found


def test_a_title_without_a_persons_name_makes_no_author():
    assert parse_title("Remarks by the Second Gentleman Marking One Year Since the Flood").authors
    from kg.extract.voice import _person_name

    assert _person_name("Second Gentleman Marking One Year Since the Flood") is None
    assert _person_name("Vice President Roe") == "Roe"
    assert _person_name("Director of National Security Min Ho Park") == "Min Ho Park"


def test_who_is_called_on_does_what_they_are_called_on_to_do(extract_text):
    record = extract_text("Ruritania called on Freedonia to stop the shelling of its villages.")
    names = {e.id: e.name for e in record.entities}
    stop = [e for e in record.events if e.trigger.text == "stop"]
    assert stop and [names[a] for a in stop[0].actors] == ["Freedonia"]


def test_fighting_for_a_cause_is_no_assault(extract_text):
    record = extract_text("Ruritania will keep fighting for its freedom. Freedonia fought against Ruritania.")
    assert [e.trigger.text for e in record.events if e.type == "ASSAULT"] == ["fought"]


def test_the_doer_of_an_event_noun_in_a_relative_clause(extract_text):
    record = extract_text("Ruritania mourned the victims of the war that Freedonia unleashed.")
    names = {e.id: e.name for e in record.entities}
    war = next(e for e in record.events if e.trigger.text == "war")
    assert [names[a] for a in war.actors] == ["Freedonia"]


def test_an_owner_before_coordinated_adjectives_owns_the_event(extract_text):
    record = extract_text("Ruritania condemned Freedonia's brutal and unprovoked war against Ruritania.")
    names = {e.id: e.name for e in record.entities}
    war = next(e for e in record.events if e.trigger.text == "war")
    assert ([names[a] for a in war.actors], [names[r] for r in war.recipients]) == (["Freedonia"], ["Ruritania"])


def test_a_quoted_we_is_its_speaker_and_the_state_her_title_names(extract_text):
    record = extract_text(
        "Polish Foreign Minister Jane Roe spoke on Monday. “We condemn the attacks on our border,” Roe said."
    )
    names = {e.id: e.name for e in record.entities}
    condemn = next(e for e in record.events if e.trigger.text == "condemn")
    assert {names[a] for a in condemn.actors} == {"Jane Roe", "Poland"}


def test_quoted_paragraphs_after_a_speakers_closing_quotation_are_hers(extract_text):
    record = extract_text(
        "Polish Defence Minister Jane Roe told a newspaper: “We do not judge the choices of our friends.”\n\n"
        "“Our position has not changed in any way since the war began last year.”\n\n"
        "“We will continue to send tanks to Ukraine for as long as it is needed.”"
    )
    names = {e.id: e.name for e in record.entities}
    aid = next(e for e in record.events if e.type == "AID")
    assert {names[a] for a in aid.actors} == {"Jane Roe", "Poland"}


def test_a_quoted_i_is_its_speaker_alone(extract_text):
    record = extract_text("“I met Chancellor Doe in Vienna,” said Jane Roe, a Ruritanian diplomat.")
    names = {e.id: e.name for e in record.entities}
    met = next(e for e in record.events if e.trigger.text == "met")
    # the speaker, not her state; whom she met is a party of the talks too (PLOVER CONSULT)
    assert sorted(names[a] for a in met.actors) == ["Doe", "Jane Roe"]


def test_a_first_person_outside_any_quotation_of_a_news_story_stays_unresolved(extract_text):
    record = extract_text("I condemn the attack on Ruritania.")
    assert all(not e.actors for e in record.events if e.type == "ACCUSE")


def test_a_titles_gerund_ends_the_speakers_name():
    assert parse_title("Statement from President Jane Roe Marking One Year of the Flood").authors == (
        "President Jane Roe",
    )
    assert parse_title("Statement by Minister Roe Welcoming the Ruritanian Delegation").authors == ("Minister Roe",)


def test_the_owner_of_a_first_person_stance_is_its_actor(statement):
    _, found = statement(
        "Statement by President Jane Roe on Ukraine", "Today I reaffirm our support for the people of Ukraine."
    )
    assert not any("Jane Roe" in r for _t, _w, _a, r, _s in found)
    assert any(t == "SUPPORT" and "Jane Roe" in a for t, _w, a, _r, _s in found)


def test_who_is_thanked_for_an_act_does_it(extract_text):
    record = extract_text("Ruritania thanked Freedonia for sending aid to the flooded villages.")
    names = {e.id: e.name for e in record.entities}
    sending = next(e for e in record.events if e.trigger.text == "sending")
    assert [names[a] for a in sending.actors] == ["Freedonia"]


def test_condolences_to_a_states_people_go_to_its_people_tied_to_the_state(extract_text):
    # a people is a group of its own (not its government), tied to its state as "Israeli soldiers" are
    for text in (
        "The president expressed his condolences to the people of Israel.",
        "Israel mourned. The president expressed his condolences to the Israeli people.",
    ):
        record = extract_text(text)
        by_id = {e.id: e for e in record.entities}
        condolences = next(e for e in record.events if e.type == "SUPPORT")
        [people] = [by_id[r] for r in condolences.recipients]
        assert people.type == "Group"
        assert by_id[people.country].name == "Israel"


def test_a_transcripts_bare_q_is_a_reporters_turn(statement):
    _, found = statement(
        "Remarks by President Jane Roe After Meeting Refugees",
        "Q Madam President, I met refugees too. Did you meet them?\n\nTHE PRESIDENT: I met two families from "
        "the border.",
    )
    met = [(a, w) for t, w, a, _r, _s in found if t == "CONSULT"]
    assert sum("Jane Roe" in a for a, _w in met) == 1


def test_a_readouts_condolences_go_to_the_other_party(statement):
    _, found = statement(
        "Readout of Foreign Minister Jane Roe’s Call with Foreign Minister John Doe",
        "Foreign Minister Jane Roe spoke today with Foreign Minister John Doe. She expressed her condolences "
        "on behalf of the American people.",
    )
    assert ("SUPPORT", "expressed", {"Jane Roe"}, {"John Doe"}, ()) in found


def test_each_speaker_of_a_joint_press_conference_speaks_in_her_own_turns(statement):
    _, found = statement(
        "Remarks by President Jane Roe and Prime Minister John Doe of Poland in Joint Press Conference",
        "PRESIDENT ROE: I condemn the attack on Ukraine.\n\nPRIME MINISTER DOE: Poland stands with Ukraine. We will "
        "send more aid to Ukraine."
        "\n\nQ I condemn nothing. Will you?",
    )
    assert [a for t, _w, a, _r, _s in found if t == "ACCUSE"] == [{"Jane Roe"}]
    assert any(t == "AID" and a == {"John Doe", "Poland"} for t, _w, a, _r, _s in found)


def test_a_joint_statement_of_states_speaks_for_them(statement):
    _, found = statement(
        "Joint Statement of the United States and Japan", "We condemn the attack on Ukraine.", source=None
    )
    assert any(t == "ACCUSE" and a == {"United States", "Japan"} for t, _w, a, _r, _s in found)


def test_a_statement_by_an_office_is_whom_the_body_gives_it(statement):
    _, found = statement(
        "Foreign Secretary statement on the border",
        "Foreign Secretary Jane Roe said today that she spoke with John Doe. I condemn the shelling of Ukraine.",
        source="UK Government",
    )
    assert any(t == "ACCUSE" and "Jane Roe" in a for t, _w, a, _r, _s in found)


def test_the_state_an_envoy_is_sent_to_is_not_the_state_she_speaks_for(extract_text):
    record = extract_text(
        "Ukraine's Ambassador to the United States Jane Roe spoke on Monday. “We condemn the shelling of Kharkiv,” "
        "Roe said."
    )
    names = {e.id: e.name for e in record.entities}
    condemn = next(e for e in record.events if e.trigger.text == "condemn")
    assert "United States" not in {names[a] for a in condemn.actors}


def test_a_readouts_principal_restates_her_states_position(statement):
    # restating her state's support is taking that position: the support is the state's act, told by the readout
    record, found = statement(
        "Readout of President Joe Biden’s Call with President Volodymyr Zelenskyy of Ukraine",
        "President Biden spoke with President Zelenskyy today. President Biden made clear that the United States "
        "strongly supports Ukraine.",
    )
    names = {e.id: e.name for e in record.entities}
    support = [e for e in record.events if e.trigger.text == "supports"]
    assert support and [names[a] for a in support[0].actors] == ["United States"]
    assert support[0].sources == ()


def test_a_title_naming_an_office_holder_by_surname_names_that_person(statement):
    record, _ = statement(
        "Remarks by Vice President Harris on the Summit in Warsaw",
        "I am proud to be here in Warsaw. We stand with Poland, and I told the Prime Minister so.",
    )
    author = next(e for e in record.entities if e.type == "Person")
    assert (author.name, author.wikidata) == ("Kamala Harris", "Q10853588")


def test_a_states_people_brings_no_state_the_article_does_not_name(extract_text):
    record = extract_text("The director said he works for the safety of the American people.")
    assert "United States" not in {e.name for e in record.entities}


def test_you_in_a_two_party_transcript_is_the_other_speaker(statement):
    _, found = statement(
        "Remarks by President Jane Roe and Prime Minister John Doe of Poland Before Bilateral Meeting",
        "PRESIDENT ROE: I want to thank you for your steady leadership. You have sent tanks to Ukraine."
        "\n\nPRIME MINISTER DOE: Well, I want to thank you for your support.",
    )
    assert any(t == "SUPPORT" and a == {"Jane Roe"} and r == {"John Doe"} for t, _w, a, r, _s in found)
    assert any(t == "AID" and a == {"John Doe"} for t, _w, a, _r, _s in found)
    assert any(t == "SUPPORT" and a == {"John Doe"} and r == {"Jane Roe"} for t, _w, a, r, _s in found)


def test_you_with_more_or_fewer_speakers_than_two_is_no_one(statement):
    _, found = statement(
        "Remarks by President Jane Roe at a Meeting with Farmers",
        "THE PRESIDENT: I want to thank you for your steady leadership. You have sent tanks to Ukraine.",
    )
    assert all(not a for t, _w, a, _r, _s in found if t == "AID")


def test_a_turn_run_on_into_the_paragraph_before_is_its_speakers(statement):
    _, found = statement(
        "Remarks by President Jane Roe and Prime Minister John Doe of Poland Before Bilateral Meeting",
        "PRESIDENT ROE: Poland has been a good friend. PRIME MINISTER DOE: I condemn the attack on Ukraine.",
    )
    assert [a for t, _w, a, _r, _s in found if t == "ACCUSE"] == [{"John Doe"}]


def test_thanks_with_no_one_saying_them_are_a_courtesy(statement):
    _, found = statement(
        "Remarks by President Jane Roe and Prime Minister John Doe of Poland Before Bilateral Meeting",
        "PRESIDENT ROE: Thank you for coming, Prime Minister. So, thank you very much.",
    )
    assert not [w for t, w, _a, _r, _s in found if t == "SUPPORT"]


def test_a_signed_letters_i_is_whoever_signs_it(statement):
    _, found = statement(
        "Letter to the Speaker of the House on the Border Emergency",
        "Dear Madam Speaker:\n\nToday I imposed new sanctions on Ruritania for its attacks on the border."
        "\n\nSincerely,\n\nJANE Q. ROE",
    )
    assert any(t == "SANCTION" and a == {"Jane Q. Roe"} for t, _w, a, _r, _s in found)


def test_an_unsigned_letters_i_stays_unresolved(statement):
    _, found = statement(
        "Letter to the Speaker of the House on the Border Emergency",
        "Dear Madam Speaker:\n\nToday I imposed new sanctions on Ruritania for its attacks on the border.\n\nEND",
    )
    assert all(not a for t, _w, a, _r, _s in found if t == "SANCTION")


def test_a_readout_of_a_trip_names_its_principal():
    trip = parse_title("Readout of Secretary Jane Roe’s Travel to the Region")
    assert (trip.kind, trip.authors, trip.counterparts) == ("readout", ("Secretary Jane Roe",), ())


def test_a_readouts_our_is_its_principal_and_her_state(statement):
    _, found = statement(
        "Readout of Secretary Jane Roe’s Travel to Moldova",
        "Secretary Jane Roe traveled to Chisinau on Monday and met President Maia Sandu to discuss aid from the "
        "United States. She underscored our commitment to the sovereignty of Moldova.",
    )
    assert any(t == "AGREE" and a == {"Jane Roe", "United States"} for t, _w, a, _r, _s in found)


def test_a_speakers_welcome_back_is_hosting_a_visit(statement):
    title = "Remarks by President Novak and Chancellor Kovacs of Austria Before Bilateral Meeting"
    for greeting in (
        "Well, Chancellor, welcome back to the Oval Office.",
        "It is an honor to welcome you to Washington.",
    ):
        _, found = statement(
            title,
            f"Oval Office\n\nPRESIDENT NOVAK: {greeting} We have a lot to discuss.\n\nCHANCELLOR KOVACS: Thank you.",
        )
        assert ("CONSULT", "welcome", {"Novak"}) in [f[:3] for f in found]
    _, found = statement(None, "Welcome back to the show. Welcome the new rules.")
    assert not [f for f in found if f[1].lower() == "welcome"]  # a news story's imperative is no one's act


def test_a_judgment_in_a_statements_own_voice_is_its_authors(statement):
    _, found = statement(
        "Remarks by President Jane Roe on the Border Raids",
        "I spoke with the governor today. Freedonian militias burned three villages. It is unconscionable. What "
        "Freedonia did that night was pure evil.",
    )
    judged = [(t, actors, whom) for kind, t, actors, whom, _ in found if kind == "ACCUSE"]
    assert ("unconscionable", {"Jane Roe"}, set()) in judged
    assert ("evil", {"Jane Roe"}, {"Freedonia"}) in judged


def test_a_judgment_in_a_quotation_within_a_statement_is_the_quoted_speakers(statement):
    _, found = statement(
        "Statement by President Jane Roe on the Border Raids",
        "“The raid was barbaric,” Freedonian minister Joe Doe said on Monday.",
    )
    assert [a for kind, _t, a, _w, _s in found if kind == "ACCUSE"] == [{"Joe Doe"}]
