"""Actors as PLOVER codes them: collectives qualified by a country, an ethnicity, a count or a sector;
events whose agent is not stated keep their type with no actor."""

from __future__ import annotations


def _names(record, ids):
    by_id = {e.id: e for e in record.entities}
    return [by_id[i].name for i in ids]


def _event(record, etype):
    return next(e for e in record.events if e.type == etype)


def test_a_demonym_plural_is_a_group_of_its_state(extract_text):
    r = extract_text("Hundreds of ethnic Serbs demonstrated in the old town on Sunday, and Serbia protested.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.name == "ethnic Serbs"
    assert {e.id: e.name for e in r.entities}[group.country] == "Serbia"


def test_a_plural_demonym_tagged_as_a_name_is_a_group(extract_text):
    r = extract_text("On Tuesday, thousands of Georgians took to the streets of the capital, Tbilisi.")
    event = _event(r, "PROTEST")
    assert _names(r, event.actors) == ["Georgians"]
    assert next(e for e in r.entities if e.name == "Georgians").type == "Group"


def test_a_group_qualified_by_two_states_acts_for_each_state(extract_text):
    r = extract_text("Senior Hungarian and Romanian officials met in Budapest on Monday.")
    assert _names(r, _event(r, "CONSULT").actors) == ["Hungary", "Romania"]
    r = extract_text("The minister praised the cooperation between U.S. and Ukrainian arms makers.")
    assert _names(r, _event(r, "COOPERATE").actors) == ["United States", "Ukraine"]


def test_a_group_qualified_by_one_state_stays_a_group(extract_text):
    r = extract_text("Senior Hungarian officials met in Budapest on Monday.")
    assert _names(r, _event(r, "CONSULT").actors) == ["Senior Hungarian officials"]


def test_a_counted_agent_noun_is_a_group_with_its_sector(extract_text):
    r = extract_text("Thousands of teachers demonstrated outside the ministry.")
    event = _event(r, "PROTEST")
    assert _names(r, event.actors) == ["teachers"]
    assert next(e for e in r.entities if e.name == "teachers").sector == "EDU"


def test_a_singular_agent_noun_with_its_country(extract_text):
    r = extract_text("Greek police arrested the two smugglers.")
    event = _event(r, "COERCE")
    assert _names(r, event.actors) == ["Greek police"]
    police = next(e for e in r.entities if e.name == "Greek police")
    assert police.sector == "COP" and {e.id: e.name for e in r.entities}[police.country] == "Greece"


def test_unqualified_plurals_are_not_actors(extract_text):
    r = extract_text("On Monday, extra troops arrived at the base.")
    assert all(e.type != "Group" for e in r.entities)


def test_a_passive_event_keeps_its_type_with_no_actor(extract_text):
    r = extract_text("At least five Chilean farmers were killed near the border.")
    event = _event(r, "ASSAULT")
    assert event.actors == ()
    assert _names(r, event.recipients) == ["Chilean farmers"]


def test_a_group_country_reaches_the_graph(extract_text):
    from rdflib import URIRef

    from kg.graph.rdf import record_graph

    r = extract_text("Hundreds of ethnic Serbs demonstrated in the old town on Sunday, and Serbia protested.")
    g = record_graph(r)
    assert any(str(p).endswith("#country") or str(p).endswith("/country") for _s, p, _o in g if isinstance(p, URIRef))


def test_equipment_stands_for_its_states_forces(extract_text):
    r = extract_text("On Monday, Chilean helicopters attacked a camp near the border.")
    group = next(e for e in r.entities if e.name == "Chilean helicopters")
    assert group.sector == "MIL"
    assert _names(r, _event(r, "ASSAULT").actors) == ["Chilean helicopters"]


def test_a_definite_plural_is_no_new_collective(extract_text):
    r = extract_text("Anna Berg met Lars Olsen in Oslo. The two leaders discussed trade.")
    assert all(e.type != "Group" for e in r.entities)


def test_a_stated_agent_is_kept_even_when_unknown(extract_text):
    r = extract_text("Thousands of Chileans remain in towns besieged by the junta.")
    assert all(not ev.actors for ev in r.events if ev.type == "COERCE")


def test_a_light_verb_gives_its_subject_to_a_compound_event_noun(extract_text):
    r = extract_text("Norway launched a mediation effort between the two parties.")
    assert _names(r, _event(r, "CONSULT").actors) == ["Norway"]


def test_a_collective_keeps_the_place_or_body_that_qualifies_it(extract_text):
    r = extract_text("On Friday, rebels in Chile attacked a convoy near the border.")
    assert _names(r, _event(r, "ASSAULT").actors) == ["rebels in Chile"]


def test_officials_of_one_state_are_its_government_sector(extract_text):
    r = extract_text("Senior Chilean officials agreed on Monday to reopen the border.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.sector == "GOV" and {e.id: e.name for e in r.entities}[group.country] == "Chile"


def test_each_state_of_a_compound_subject_is_an_actor(extract_text):
    r = extract_text("Slovenia and Montenegro rejected the proposal on Tuesday. Serbia and Montenegro signed it.")
    assert sorted(_names(r, _event(r, "REJECT").actors)) == ["Montenegro", "Slovenia"]
    assert not [e for e in r.entities if e.type == "Person"]  # a state of two names between two dates is no person


def test_an_organisation_qualifying_a_body_noun_is_the_actor(extract_text):
    r = extract_text("The pro-Iranian Hizbollah group declared a unilateral ceasefire on Friday.")
    assert _names(r, _event(r, "RETREAT").actors) == ["Hezbollah"]


def test_a_states_military_is_its_armed_forces(extract_text):
    r = extract_text("Chilean forces seized the bridge on Monday. The Chilean military said the town was taken.")
    forces = [e for e in r.entities if e.type == "Organization"]
    assert [e.name for e in forces] == ["Chilean forces"]
    assert {m.text.lower().removeprefix("the ") for m in forces[0].mentions} >= {"chilean forces", "chilean military"}


def test_bodies_counted_or_placed_are_a_collective(extract_text):
    r = extract_text("Seven opposition parties in Chile have organized a general strike that shut down the capital.")
    assert _names(r, _event(r, "PROTEST").actors) == ["opposition parties in Chile"]
    bare = extract_text("The two parties signed a deal on Monday.")
    assert not [e for e in bare.entities if e.type == "Group"]  # parties named before: no new collective


def test_a_compound_collective_belongs_to_each_of_its_states(extract_text):
    from kg.graph.namespace import KG
    from kg.graph.rdf import record_graph

    r = extract_text("Senior Polish and Czech officials met in Warsaw on Friday.")
    group = next(e for e in r.entities if e.type == "Group")
    names = {e.id: e.name for e in r.entities}
    assert group.country is None
    assert sorted(names[c] for c in group.countries) == ["Czech Republic", "Poland"]
    assert group.sector == "GOV"
    assert len(list(record_graph(r).objects(None, KG.country))) == 2


def test_a_demonym_inside_a_complement_does_not_make_a_compound(extract_text):
    r = extract_text("Polish officials of the Czech-led mission met in Warsaw on Friday.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.countries == ()


def test_a_people_named_by_its_plural_is_a_group_of_its_state_when_the_article_names_it(extract_text):
    r = extract_text("Many Afghans protested in the capital last winter, after Afghanistan closed its schools.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.name == "Afghans"
    assert {e.id: e.name for e in r.entities}[group.country] == "Afghanistan"


def test_a_peoples_plural_does_not_make_its_state_an_entity(extract_text):
    r = extract_text("Many Afghans protested in the capital last winter.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.country is None and all(e.type != "Country" for e in r.entities)


def test_a_people_qualified_by_a_state_is_one_group(extract_text):
    r = extract_text("The report said Turkish Kurds had attacked the convoy.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.name == "Turkish Kurds"
    assert {e.id: e.name for e in r.entities}[group.country] == "Turkey"


def test_an_agent_noun_qualified_by_a_state_is_a_group_wherever_it_stands(extract_text):
    r = extract_text("The hospital was blockaded for days by Norwegian nurses.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.name == "Norwegian nurses"
    assert group.sector and {e.id: e.name for e in r.entities}[group.country] == "Norway"


def test_an_unqualified_agent_noun_outside_an_event_is_no_entity(extract_text):
    r = extract_text("The hospital was run for years by nurses from the town.")
    assert all(e.type != "Group" for e in r.entities)


def test_a_capital_opening_the_sentence_does_not_qualify_a_group(extract_text):
    r = extract_text("Many countries lie far from the sea. European countries condemned the strike.")
    assert [e.name for e in r.entities if e.type == "Group"] == ["European countries"]


def test_a_bare_plural_agent_noun_is_the_stated_doer(extract_text):
    r = extract_text("On Monday, rebels attacked an army base near the border.")
    assert _names(r, _event(r, "ASSAULT").actors) == ["rebels"]
    assert next(e for e in r.entities if e.name == "rebels").sector == "REB"


def test_the_police_as_subject_is_a_collective(extract_text):
    r = extract_text("The police detained dozens of demonstrators in the capital.")
    assert _names(r, _event(r, "COERCE").actors) == ["police"]


def test_a_hand_made_agent_noun_wins_where_the_dictionary_has_none(extract_text):
    r = extract_text("Saboteurs attacked two state institutions on Sunday.")
    saboteurs = next(e for e in r.entities if e.type == "Group")
    assert saboteurs.sector == "UAF"
    assert _names(r, _event(r, "ASSAULT").actors) == [saboteurs.name]


def test_both_sides_of_a_clash_are_collectives_of_their_own(extract_text):
    r = extract_text("Clashes between the police and protesters in the capital left dozens injured.")
    assert sorted(_names(r, _event(r, "ASSAULT").actors)) == ["police", "protesters"]


def test_allies_and_partners_are_one_collective(extract_text):
    r = extract_text("Other allies and partners pledged more aid to the government in Kyiv.")
    assert [e.name for e in r.entities if e.type == "Group"] == ["Other allies and partners"]


def test_a_bare_plural_of_vague_people_is_still_no_actor(extract_text):
    r = extract_text("Officials met in the capital on Monday. Civilians fled the town.")
    assert all(e.type != "Group" for e in r.entities)


def test_they_takes_up_one_collective_just_named(extract_text):
    r = extract_text("Rebels seized the town on Monday. They attacked a convoy on Tuesday.")
    assert _names(r, _event(r, "ASSAULT").actors) == ["Rebels"]
    r = extract_text("The weapons arrived on Monday. They attacked a convoy on Tuesday.")
    assert _event(r, "ASSAULT").actors == ()


def test_members_of_a_named_body_are_a_collective(extract_text):
    r = extract_text("EU member states agreed on Monday to impose new sanctions on Chile.")
    assert _names(r, _event(r, "AGREE").actors) == ["EU member states"]


def test_a_count_stays_in_the_collectives_mention_not_its_name(extract_text):
    r = extract_text("The 141 nations that voted in March condemned the invasion of Chile.")
    group = next(e for e in r.entities if e.type == "Group")
    assert group.name == "nations" and [m.text for m in group.mentions] == ["141 nations"]
    assert _names(r, _event(r, "ACCUSE").actors) == ["nations"]


def test_rebels_who_attacked_are_the_doers_of_the_relative_clause(extract_text):
    r = extract_text("The rebels, who attacked the town on Monday, were captured.")
    attack = next(e for e in r.events if e.trigger.text == "attacked")
    assert _names(r, attack.actors) == ["rebels"]


def test_a_participle_on_an_agent_noun_is_its_act(extract_text):
    r = extract_text("The report described militants attacking the border posts.")
    assert _names(r, _event(r, "ASSAULT").actors) == ["militants"]


def test_a_hyphened_participle_naming_no_one_is_no_event(extract_text):
    r = extract_text("Moscow planned to send military-trained saboteurs into the capital.")
    assert not [e for e in r.events if e.trigger.text == "trained"]


def test_a_body_noun_with_a_kind_word_is_a_collective_when_it_acts(extract_text):
    r = extract_text("On Monday, human rights groups condemned the arrests in the capital.")
    assert _names(r, _event(r, "ACCUSE").actors) == ["human rights groups"]


def test_prosecutors_are_a_collective_of_the_judiciary(extract_text):
    r = extract_text("Prosecutors accused the two men of spying for a foreign power.")
    prosecutors = next(e for e in r.entities if e.type == "Group")
    assert prosecutors.sector == "JUD" and _names(r, _event(r, "ACCUSE").actors) == [prosecutors.name]


def test_a_village_is_no_collective(extract_text):
    r = extract_text("Chilean settlers attacked a Peruvian village on Sunday.")
    assert [e.name for e in r.entities if e.type == "Group"] == ["Chilean settlers"]


def test_participants_are_the_parties_of_the_meeting_just_told(extract_text):
    r = extract_text(
        "Anna Berg met with Lars Olsen in Oslo on Monday. Participants discussed the need to secure supply chains."
    )
    talks = next(e for e in r.events if e.trigger.text == "discussed")
    assert sorted(_names(r, talks.actors)) == ["Anna Berg", "Lars Olsen"]


def test_participants_named_by_a_body_are_its_collective(extract_text):
    r = extract_text("Crimea Platform participants condemned the conscription of local residents.")
    assert _names(r, _event(r, "ACCUSE").actors) == ["Crimea Platform participants"]


def test_a_western_act_is_the_wests(extract_text):
    r = extract_text("Western sanctions have hit the economy of Chile hard.")
    assert _names(r, _event(r, "SANCTION").actors) == ["West"]


def test_who_joins_an_act_takes_part_in_it(extract_text):
    r = extract_text("Peru has not joined the Western sanctions against Chile.")
    assert _names(r, _event(r, "SANCTION").actors) == ["Peru"]


def test_a_states_people_is_one_group_however_written(extract_text):
    r = extract_text(
        "The people of Sudan demanded an end to the war on Monday, and the Sudanese people marched in Khartoum."
    )
    people = [e for e in r.entities if e.type == "Group"]
    assert len(people) == 1
    assert {m.text for m in people[0].mentions} == {"people of Sudan", "Sudanese people"}
    assert _names(r, _event(r, "REQUEST").actors) == [people[0].name]


def test_a_peoples_plural_joins_the_people_of_its_state(extract_text):
    r = extract_text("The Ukrainian people resisted the invasion, and Ukrainians protested in Kyiv.")
    people = next(e for e in r.entities if e.type == "Group")
    assert {m.text for m in people.mentions} == {"Ukrainian people", "Ukrainians"}


def test_a_word_people_inside_a_name_is_no_people(extract_text):
    r = extract_text("Delegates of the Belarusian People's Congress met in Minsk.")
    assert not any(m.text.endswith("People") for e in r.entities for m in e.mentions)


def test_a_side_taken_for_a_states_people_is_for_the_state(extract_text):
    r = extract_text("Ukraine asked for more help, and Britain reaffirmed its support for the Ukrainian people.")
    assert _names(r, _event(r, "SUPPORT").recipients) == ["Ukrainian people"]
    assert [_names(r, (x.subject, x.object)) for x in r.relations if x.type == "supports"] == [
        ["United Kingdom", "Ukraine"]
    ]


def test_a_people_named_by_the_word_people_is_kept_without_an_event(extract_text):
    r = extract_text(
        "The minister spoke of the grief of the Moldovan people. She said the history of the Romanian people was long."
    )
    groups = {e.name for e in r.entities if e.type == "Group"}
    assert {"Moldovan people", "Romanian people"} <= groups


def test_a_plural_noun_that_takes_no_part_is_still_a_bystander(extract_text):
    r = extract_text("The minister spoke of the grief of Moldovan farmers.")
    assert not any(e.type == "Group" for e in r.entities)


def test_an_armed_groups_members_named_by_its_name_are_the_group(extract_text):
    r = extract_text("Dozens of villagers were killed by Hezbollah fighters on Monday.")
    event = _event(r, "ASSAULT")
    assert _names(r, event.actors) == ["Hezbollah"]
    assert not any(e.type == "Group" and "Hezbollah" in e.name for e in r.entities)


def test_an_armed_groups_supporters_are_not_the_group(extract_text):
    r = extract_text("Hezbollah supporters attacked a convoy near the border.")
    event = _event(r, "ASSAULT")
    assert _names(r, event.actors) != ["Hezbollah"]


def test_members_of_named_bodies_are_the_bodies(extract_text):
    r = extract_text("Officials said members of Hezbollah and Hamas attacked a convoy near the border.")
    event = _event(r, "ASSAULT")
    assert sorted(_names(r, event.actors)) == ["Hamas", "Hezbollah"]
    assert not any(e.name.startswith("members") for e in r.entities)


def test_a_collective_of_named_states_keeps_its_of_phrase_in_its_name(extract_text):
    record = extract_text("The defence ministers of Poland and Lithuania said that Russia attacked Ukraine.")
    groups = {e.name for e in record.entities if e.type == "Group"}
    assert "defence ministers of Poland and Lithuania" in groups


def test_an_of_phrase_that_is_no_name_stays_out_of_a_collective(extract_text):
    record = extract_text("Western ministers of defence said that Russia attacked Ukraine.")
    assert "Western ministers of defence" not in {e.name for e in record.entities}


def test_a_collectives_place_phrase_ends_before_the_list_of_who_they_are(extract_text):
    record = extract_text(
        "The minister stayed in contact with leaders throughout the region, including Oman, Kuwait and Bahrain, "
        "as Russia attacked Ukraine."
    )
    assert "leaders throughout the region" in {e.name for e in record.entities if e.type == "Group"}
