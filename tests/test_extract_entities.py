"""Entities and their resolution within an article, on short texts written for these tests."""

from __future__ import annotations


def by_name(record):
    return {e.name: e for e in record.entities}


def test_gazetteer_links_wikidata_and_aliases(extract_text):
    record = extract_text("Moscow said the Kremlin would respond. Russia's army moved north.")
    russia = by_name(record)["Russia"]
    assert russia.wikidata == "Q159" and russia.type == "Country"
    assert {"Moscow", "Kremlin"} <= {m.text.replace("the ", "") for m in russia.mentions}


def test_capital_after_in_is_a_place(extract_text):
    record = extract_text("Diplomats met in London on Friday.")
    assert by_name(record)["London"].type == "Place"


def test_capital_joined_to_a_place_after_in_is_a_place(extract_text):
    record = extract_text("Fighting spread from Darfur into Kordofan and Khartoum last week, aid agencies said.")
    assert by_name(record)["Khartoum"].type == "Place"
    assert "Sudan" not in by_name(record)


def test_surname_and_title_join_the_full_name(extract_text):
    record = extract_text("Olena Petrenko, Ukraine's ambassador, spoke on Monday. Later Ms Petrenko said talks failed.")
    people = [e for e in record.entities if e.type == "Person"]
    assert [p.name for p in people] == ["Olena Petrenko"]
    assert len(people[0].mentions) == 2


def test_unnamed_source_and_definite_description(extract_text):
    record = extract_text("An anonymous European diplomat described the plan. The diplomat said it was ready.")
    diplomat = by_name(record)["anonymous European diplomat"]
    assert diplomat.type == "Person" and len(diplomat.mentions) == 2


def test_collective_is_a_group(extract_text):
    record = extract_text("Western officials said most Baltic countries support the plan.")
    assert by_name(record)["Western officials"].type == "Group"


def test_possessive_is_not_part_of_the_name(extract_text):
    record = extract_text("Volodymyr Zelenskyy’s chief of staff spoke.")
    assert "Volodymyr Zelenskyy" in by_name(record)


def test_boilerplate_is_ignored(extract_text):
    record = extract_text("JOIN US ON TELEGRAM! Follow our coverage of the war on the @example_news channel.")
    assert record.events == () and all(e.name != "United States" for e in record.entities)


def test_non_english_text_is_reported_not_turned_into_entities(extract_text):
    record = extract_text(
        "Die Bundesregierung hat am Montag neue Waffenlieferungen an die Ukraine beschlossen, "
        "teilte ein Sprecher in Berlin mit. Die Lieferung umfasst Panzer und Munition."
    )
    assert record.entities == () and record.events == ()
    assert record.warnings and "English" in record.warnings[0]


def test_long_articles_are_parsed_in_chunks_with_exact_offsets(extract_text):
    from kg.extract import split_paragraphs

    paragraph = (
        "Russian forces shelled Kharkiv on Monday, according to Ukrainian officials. "
        "NATO ministers met in Brussels to discuss aid to Ukraine.\n\n"
    )
    text = paragraph * 120
    assert len(split_paragraphs(text)) > 1
    record = extract_text(text)
    for e in record.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for ev in record.events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    assert len([ev for ev in record.events if ev.trigger.text == "shelled"]) == 120


def test_definite_title_joins_the_person_named_with_it(extract_text):
    record = extract_text(
        "Vice President Jane Moore met Defense Secretary Tom Hale in Rome. The Vice President urged Iraq to act. "
        "The secretary said the talks went well."
    )
    people = {
        e.name: {m.text.lower().removeprefix("the ") for m in e.mentions} for e in record.entities if e.type == "Person"
    }
    assert "vice president" in people["Jane Moore"] and "secretary" in people["Tom Hale"]
    assert set(people) == {"Jane Moore", "Tom Hale"}


def test_definite_title_needs_the_same_office(extract_text):
    record = extract_text("Vice President Jane Moore arrived in Rome. The President praised the plan.")
    moore = by_name(record)["Jane Moore"]
    assert "President" not in {m.text for m in moore.mentions}  # a Vice President is not the President


def test_acronym_before_a_title_is_a_body(extract_text):
    record = extract_text("The visit by FCO Minister Tom Hale focused on trade.")
    assert "FCO" in by_name(record)


def test_a_role_phrase_set_before_a_name_is_that_person(extract_text):
    record = extract_text("Oman's emir, Sheikh Said bin Ali, launched a mediation effort on Saturday.")
    said = by_name(record)["Said bin Ali"]
    assert ("Oman's emir", "apposition") in {(m.text, m.rule) for m in said.mentions}
    assert "Sheikh" not in by_name(record)  # a style is no person
    names = {e.id: e.name for e in record.entities}
    assert ("leader_of", "Said bin Ali", "Oman") in {
        (r.type, names[r.subject], names[r.object]) for r in record.relations
    }


def _mentions_of(record, name):
    return {m.text for e in record.entities if e.name == name for m in e.mentions}


def test_a_state_office_is_the_one_person_of_that_state_named_before(extract_text):
    r = extract_text("Vladimir Putin announced a mobilisation. The Russian leader also ordered new votes.")
    assert "The Russian leader" in _mentions_of(r, "Vladimir Putin")
    assert [e.name for e in r.entities if e.type == "Person"] == ["Vladimir Putin"]


def test_a_state_office_in_a_lead_is_the_person_named_after_with_that_title(extract_text):
    r = extract_text(
        "Ukraine's prime minister has warned of defeat. Speaking on Wednesday, Ukrainian Prime Minister Denys "
        "Shmyhal said more aid was needed."
    )
    assert "Ukraine's prime minister" in _mentions_of(r, "Denys Shmyhal")


def test_a_leaders_office_in_a_lead_is_the_one_untitled_member_of_that_government_named_after(extract_text):
    r = extract_text(
        "The president of Moldova has warned of a plot. Saboteurs were ready, said Maia Sandu. The president "
        "added that the police had made arrests."
    )
    assert {"The president", "Maia Sandu"} <= _mentions_of(r, "Maia Sandu")
    assert [e.name for e in r.entities if e.type == "Person"] == ["Maia Sandu"]


def test_a_leaders_office_named_before_a_described_spokesman_joins_no_one(extract_text):
    r = extract_text(
        "The president of Russia has warned of a plot. It failed, said Dmitry Peskov, the Kremlin spokesman."
    )
    assert "The president" not in _mentions_of(r, "Dmitry Peskov")


def test_a_leaders_office_in_a_lead_is_the_one_person_of_that_government_named_after(extract_text):
    r = extract_text("The president of Moldova has warned of unrest. Maia Sandu said the vote would go ahead.")
    assert "The president of Moldova" in _mentions_of(r, "Maia Sandu")
    names = {e.id: e.name for e in r.entities}
    assert ("leader_of", "Maia Sandu", "Moldova") in {(x.type, names[x.subject], names[x.object]) for x in r.relations}
    r = extract_text("The prime minister of Estonia has warned of unrest. Kaja Kallas said the vote would go ahead.")
    assert "The prime minister of Estonia" in _mentions_of(r, "Kaja Kallas")


def test_a_state_office_with_another_title_after_it_joins_no_one(extract_text):
    r = extract_text("Ukraine's prime minister has warned of defeat. Foreign Minister Dmytro Kuleba agreed.")
    assert "Ukraine's prime minister" not in _mentions_of(r, "Dmytro Kuleba")


def test_a_ministers_office_needs_the_holders_title(extract_text):
    r = extract_text("Vladimir Putin met Sergei Lavrov. The Russian foreign minister later said the talks went well.")
    assert "The Russian foreign minister" not in _mentions_of(r, "Sergey Lavrov")
    assert "The Russian foreign minister" not in _mentions_of(r, "Vladimir Putin")


def test_an_office_named_as_such_is_no_person(extract_text):
    r = extract_text("The role of CIA director has changed over the years.")
    assert not any(e.type == "Person" for e in r.entities)


def test_a_role_said_of_the_subject_is_no_new_person(extract_text):
    r = extract_text("Joe Biden praised the new president. He is the right leader for this time, Biden said.")
    assert "right leader" not in {e.name for e in r.entities}


def test_a_capital_after_an_adjective_stands_for_its_state(extract_text):
    r = extract_text("Officials said the situation at the front is unfavourable to Kyiv.")
    assert {e.name: e.type for e in r.entities}.get("Ukraine") == "Country"


def test_a_states_forces_take_the_gazetteers_name_whatever_the_surface(extract_text):
    r = extract_text("U.S. troops arrived in the port. Moscow's forces withdrew and Russian soldiers left.")
    names = {e.name: e for e in r.entities}
    assert "U.S. troops" in {m.text for m in names["United States Armed Forces"].mentions}
    assert "Moscow's forces" in {m.text for m in names["Russian Armed Forces"].mentions}


def test_forces_of_a_state_without_a_row_are_named_by_its_own_demonym(extract_text):
    r = extract_text("Iranian troops fired on the ship.")
    assert "Iranian forces" in {e.name for e in r.entities}


def test_forces_for_a_state_or_of_two_states_are_no_states_forces(extract_text):
    r = extract_text("Pro-Russian forces held the bridge while British and French troops waited.")
    names = {e.name for e in r.entities}
    assert "Russian Armed Forces" not in names
    assert not any(n.endswith("Armed Forces") for n in names)


def test_the_navy_of_a_state_is_not_its_armed_forces(extract_text):
    r = extract_text("Russian forces advanced while the Russian Navy shelled the coast.")
    names = {e.name for e in r.entities}
    assert {"Russian Armed Forces", "Russian Navy"} <= names


def test_a_state_office_holding_another_name_is_not_the_leader(extract_text):
    r = extract_text(
        "Vladimir Putin ordered the vote. The assembly then approved the appointment of the leader of the small "
        "party “Russian Future” Sergey Ivanov as the “head of government.”"
    )
    assert _mentions_of(r, "Vladimir Putin") == {"Vladimir Putin"}


def test_a_states_body_named_without_its_owner_takes_the_states_name(extract_text):
    r = extract_text("Russia's defence ministry said two drones were downed.")
    assert "Russian Ministry of Defence" in {e.name for e in r.entities}  # the gazetteer's row, found by the owner
    r = extract_text("Chile's Interior Ministry said two roads were closed.")
    assert "Chilean Interior Ministry" in {e.name for e in r.entities}  # not 'Interior Ministry' of no state
    r = extract_text("Peru's foreign ministry summoned the envoy.")
    assert "Peru's foreign ministry" in {e.name for e in r.entities}  # a lower-case body is no proper name


def test_a_name_described_as_a_pact_of_states_is_a_body_with_those_members(extract_text):
    r = extract_text("ANZUK, a defence pact of Australia, New Zealand and Britain, held drills.")
    names = {e.id: e.name for e in r.entities}
    found = {(x.type, names[x.subject], names[x.object]) for x in r.relations}
    assert {("member_of", "Australia", "ANZUK"), ("member_of", "New Zealand", "ANZUK")} <= found


def test_a_states_possessive_makes_a_known_body_its_own(extract_text):
    r = extract_text("Chile's Senate approved the bill on Monday. The Senate will meet again in May.")
    assert "United States Senate" not in {e.name for e in r.entities}  # not the Senate the gazetteer knows
    assert {m.text for e in r.entities if e.name == "Chilean Senate" for m in e.mentions} == {"Senate"}
    assert len([e for e in r.entities if "Senate" in e.name]) == 1  # 'The Senate' after it is Chile's
    r = extract_text("Dmitry Medvedev, deputy head of Russia's Security Council, warned the West.")
    assert "United Nations Security Council" not in {e.name for e in r.entities}


def test_a_capital_set_beside_the_capital_is_the_place(extract_text):
    r = extract_text("Thousands marched through the streets of the capital, Vilnius, on Tuesday.")
    assert {e.name: e.type for e in r.entities}.get("Vilnius") == "Place"


def test_a_states_proxies_are_a_collective(extract_text):
    r = extract_text("Armenia and its proxies shelled the village.")
    assert any(e.type == "Group" and e.name == "proxies" for e in r.entities)


def test_a_description_repeats_the_title_set_after_a_name(extract_text):
    r = extract_text(
        "Anna Berg, the former defence minister, criticised the plan. The former defence minister said aid was late."
    )
    assert "The former defence minister" in _mentions_of(r, "Anna Berg")
    assert [e.name for e in r.entities if e.type == "Person"] == ["Anna Berg"]


def test_an_office_inside_a_persons_apposition_is_someone_else(extract_text):
    r = extract_text("Mikhail Podolyak, an adviser to the Ukrainian president, said the talks had stalled.")
    assert "the Ukrainian president" not in _mentions_of(r, "Mykhailo Podolyak")


def test_unnamed_collective_taking_part_in_nothing_is_left_out(extract_text):
    record = extract_text("Many countries have raised their spending on schools. Poland invaded nobody.")
    assert "countries" not in " ".join(by_name(record))
    assert "Poland" in by_name(record)  # a named state stays, whatever it does


def test_unnamed_collective_that_acts_or_speaks_stays(extract_text):
    record = extract_text("Local farmers attacked the depot. Western diplomats say the talks are stuck.")
    names = by_name(record)
    assert names["Local farmers"].type == "Group"  # the actor of an attack
    assert names["Western diplomats"].type == "Group"  # a speaker, though what they say holds no event


def test_capitalised_common_noun_is_no_person(extract_text):
    record = extract_text("Riot police fired tear gas in the square. Referendums will be held in three regions soon.")
    assert all(e.type != "Person" for e in record.entities)


def test_a_one_word_surname_opening_a_sentence_stays_a_person(extract_text):
    record = extract_text("Hunt said the talks had failed.")
    assert by_name(record)["Hunt"].type == "Person"


def test_an_online_platform_is_an_organization(extract_text):
    record = extract_text("Twitter suspended the account of the embassy on Monday.")
    assert by_name(record)["Twitter"].type == "Organization"


def test_a_known_politician_is_a_person_whatever_the_tagger_says(extract_text):
    record = extract_text("Prosecutors in Chisinau charged Ilan Shor with fraud on Monday.")
    assert by_name(record)["Ilan Shor"].type == "Person"


def test_a_states_military_qualifying_a_noun_is_no_armed_force(extract_text):
    record = extract_text("Russian military bloggers said the bridge had fallen.")
    assert all(e.type != "Organization" for e in record.entities)


def test_a_states_military_acting_or_speaking_is_its_armed_force(extract_text):
    record = extract_text("The Russian military shelled the town. Russian military spokesman Ivan Orlov denied it.")
    assert [e.name for e in record.entities if e.type == "Organization"] == ["Russian Armed Forces"]


def test_a_surname_after_an_office_title_is_the_one_office_holder_of_that_name(extract_text):
    record = extract_text("Vice President Harris met the Polish premier. Harris said the United States stands firm.")
    harris = [(e.name, e.wikidata, len(e.mentions)) for e in record.entities if "Harris" in e.name]
    assert harris == [("Kamala Harris", "Q10853588", 2)]


def test_a_surname_after_an_honorific_stays_a_local_person(extract_text):
    record = extract_text("Mr Harris, a farmer in Ohio, said prices were high.")
    assert [e.name for e in record.entities if e.type == "Person"] == ["Harris"]


def test_a_full_name_in_the_article_decides_a_titled_surname(extract_text):
    record = extract_text("Paul Harris, the trade minister, spoke in Leeds. Minister Harris said prices were high.")
    assert [e.name for e in record.entities if e.type == "Person"] == ["Paul Harris"]


def test_a_state_named_only_by_its_adjective_in_a_bystander_is_no_entity(extract_text):
    record = extract_text("The museum tells the story of the city under the German occupiers in 1944.")
    assert "Germany" not in by_name(record)


def test_a_state_named_only_by_its_adjective_stays_with_an_entity_of_that_state_that_acts(extract_text):
    record = extract_text("Russian officials accused Kyiv of staging the attack.")
    assert by_name(record)["Russia"].type == "Country"


def test_a_surname_that_is_also_a_plural_noun_is_the_person_named_before(extract_text):
    record = extract_text("Bernie Sanders spoke in Iowa on Monday. Sanders says Russia attacked Ukraine.")
    assert [(e.name, len(e.mentions)) for e in record.entities if "Sanders" in e.name] == [("Bernie Sanders", 2)]


def test_a_surname_qualifying_the_noun_after_it_is_no_mention(extract_text):
    record = extract_text("Tom Price spoke in Ohio on Monday. Price increases hurt farmers in the state.")
    assert [len(e.mentions) for e in record.entities if e.name == "Tom Price"] == [1]


def test_the_oval_office_is_the_white_house(extract_text):
    r = extract_text(
        "The chancellor met the president in the Oval Office on Friday. The White House called the talks useful."
    )
    offices = [e for e in r.entities if any(m.text in ("the Oval Office", "White House") for m in e.mentions)]
    assert [e.name for e in offices] == ["White House"]


def test_outlets_and_the_payment_network_are_known_names(extract_text):
    record = extract_text(
        "Russian banks were removed from the SWIFT messaging system, the Corriere della Sera newspaper reported. "
        "EURACTIV: the ministers agreed to more sanctions."
    )
    found = by_name(record)
    assert found["SWIFT"].type == "Organization"
    assert found["Corriere della Sera"].type == "NewsOutlet"
    assert found["Euractiv"].type == "NewsOutlet"


def test_a_name_qualifying_a_site_noun_is_the_site(extract_text):
    record = extract_text("Fighters sheltered in the Azovstal steelworks in Mariupol, the Ukrainian army said.")
    assert by_name(record)["Azovstal steelworks"].type == "Place"
    assert "Azovstal" not in by_name(record)


def test_a_creed_or_a_process_is_no_entity(extract_text):
    record = extract_text(
        "The authorities continue to peddle a false narrative of de-Nazification, Kyiv said. We plant a pomegranate "
        "tree, which, in Judaism, is a symbol of hope, the President of Israel said."
    )
    names = {e.name for e in record.entities}
    assert "Judaism" not in names and "de-Nazification" not in names


def test_a_speakers_own_unnamed_body_taking_part_in_nothing_is_left_out(extract_text):
    record = extract_text(
        '"We will protect our embassy and our military is ready," the French foreign minister said on Tuesday. '
        "Its defence ministry declined to comment."
    )
    names = {e.name for e in record.entities}
    assert "embassy" not in names and "military" not in names
    assert "defence ministry" in names
