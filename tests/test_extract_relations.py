"""Standing relations from titles, roles and bodies, on short texts written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


def test_title_before_a_comma_and_name(extract_text):
    record = extract_text("Finance Minister of Moldova, Ion Popescu, arrived in Vienna on Monday.")
    assert ("affiliated_with", "Ion Popescu", "Moldova") in relations(record)


def test_state_written_after_the_name(extract_text):
    record = extract_text("Vice President Jane Doe met Prime Minister Ali Hassan of Iraq in Vienna.")
    assert ("leader_of", "Ali Hassan", "Iraq") in relations(record)


def test_another_persons_title_is_not_an_apposition(extract_text):
    record = extract_text(
        "Today, Deputy Security Advisor for Economics Mike Brown, together with Trade Minister of Chile, Maria Lopez, "
        "and European Commission Director-General for Trade, Johan Berg, opened the talks."
    )
    found = relations(record)
    assert {
        ("affiliated_with", "Johan Berg", "European Commission"),
        ("affiliated_with", "Maria Lopez", "Chile"),
    } <= found
    assert not any(s == "Johan Berg" and o == "Mike Brown" for _, s, o in found)
    assert not any(s == "Mike Brown" for _, s, _o in found)  # Chile is Maria Lopez's, not the only state left
    assert "Trade" not in {e.name for e in record.entities}  # the minister's portfolio is not a body


def test_title_without_a_state_takes_the_only_state_named(extract_text):
    one = extract_text("Defence Minister Pierre Joxe said France would send more troops.")
    assert ("affiliated_with", "Pierre Joxe", "France") in relations(one)
    two = extract_text("Defence Minister Pierre Joxe said France and Germany would send more troops.")
    assert not any(s == "Pierre Joxe" for _, s, _o in relations(two))  # two states named: no guess


def test_title_without_a_state_takes_the_gazetteer_holders_state(extract_text):
    record = extract_text("President Biden spoke with the Israeli prime minister about the United States' plans.")
    assert ("leader_of", "Joe Biden", "United States") in relations(record)


def test_coordinator_for_the_president_is_no_leader(extract_text):
    record = extract_text(
        "Deputy Assistant to the President and White House Coordinator for Africa John Smith met officials in Chad."
    )
    found = relations(record)
    assert ("affiliated_with", "John Smith", "White House") in found
    assert not any(t == "leader_of" and s == "John Smith" for t, s, _o in found)


def test_commander_leads_the_body_his_title_names(extract_text):
    record = extract_text("NATO Commander Tom Reed said the exercise would start on Monday.")
    assert ("leader_of", "Tom Reed", "NATO") in relations(record)


def test_body_named_by_its_states_demonym(extract_text):
    record = extract_text("Iraqi forces seized the bridge on Friday.")
    # the state's forces take the name of the gazetteer's row for them (coreference.link_forces)
    assert ("affiliated_with", "Iraqi Security Forces", "Iraq") in relations(record)


def test_body_whose_name_does_not_say_its_state(extract_text):
    written = extract_text("The US State Department said talks would resume.")
    assert ("affiliated_with", "United States Department of State", "United States") in relations(written)
    unwritten = extract_text("The White House said the United States would help.")
    assert not any(s == "White House" for _, s, _o in relations(unwritten))


def test_a_rank_does_not_end_a_name_nor_a_sentence(extract_text):
    record = extract_text("Iraqi units kept their lines on Monday, Pentagon press director Navy Capt. Tom Reed said.")
    assert "Navy Capt" not in {e.name for e in record.entities}
    assert ("affiliated_with", "Tom Reed", "United States Department of Defense") in relations(record)
    ranked = extract_text("The town fell, Lt. Gen. Omar Saleh said.")
    assert "Omar Saleh" in {e.name for e in ranked.entities}  # the rank is not part of the name


def test_body_noun_named_by_an_organisation(extract_text):
    record = extract_text("The minister was charged by the U.N. war crimes court.")
    names = {e.id: e.name for e in record.entities}
    assert any("United Nations" in [names[a] for a in ev.actors] for ev in record.events)


def test_and_parts_a_body_from_the_title_after_it(extract_text):
    record = extract_text("The call was confirmed by the State Department and President Joe Biden on Monday.")
    assert not any(s == "Joe Biden" and o == "United States Department of State" for _, s, o in relations(record))


def test_a_correspondent_does_not_serve_the_state_of_his_city(extract_text):
    record = extract_text("Our Moscow correspondent Anna Ivanova said the talks had stalled.")
    assert not any(s == "Anna Ivanova" and o == "Russia" for _, s, o in relations(record))


def test_a_name_holding_a_demonym_is_no_state_body(extract_text):
    record = extract_text("The American Conservative magazine reported that the talks had stalled.")
    assert not any(o == "United States" for _, _s, o in relations(record))


def test_a_member_title_is_membership(extract_text):
    record = extract_text("Vice President Jane Moore met today with Israeli War Cabinet Member Dan Levi in Rome.")
    found = relations(record)
    assert ("member_of", "Dan Levi", "Israeli War Cabinet") in found
    assert ("affiliated_with", "Dan Levi", "Israeli War Cabinet") not in found


def test_a_led_body_is_led_by_whom_it_names(extract_text):
    record = extract_text("The US-led coalition conducted five air strikes near the city on Monday.")
    assert ("leader_of", "United States", "US-led coalition") in relations(record)
    assert not any(s == "US-led coalition" and o == "United States" for _, s, o in relations(record))


def test_a_possessive_state_owns_the_body(extract_text):
    record = extract_text("Fighters of Lebanon's Hezbollah movement crossed into Syria on Friday.")
    assert ("affiliated_with", "Hezbollah", "Lebanon") in relations(record)


def test_a_member_of_a_body_set_before_the_name(extract_text):
    record = extract_text("A member of the Chilean parliament, Jorge Soto, started a hunger strike on Monday.")
    assert ("member_of", "Jorge Soto", "Chilean parliament") in relations(record)


def test_an_apposition_keeps_its_states_demonym(extract_text):
    record = extract_text(
        "The deal will help exports, says Peruvian trade minister, Ana Torres, who signed it on Monday."
    )
    assert ("affiliated_with", "Ana Torres", "Peru") in relations(record)


def test_a_fight_against_a_foe_is_opposition(extract_text):
    record = extract_text("Kenya fought against al-Shabaab in Somalia last year.")
    assert ("opposes", "Kenya", "Al-Shabaab") in relations(record)


def test_strikes_against_a_foe_oppose_it(extract_text):
    record = extract_text("France launched new airstrikes against the Islamic State near Mosul on Monday.")
    assert ("opposes", "France", "Islamic State") in relations(record)


def test_a_campaign_against_is_opposition_and_talks_are_not(extract_text):
    record = extract_text("Nigeria's campaign against Boko Haram continued. Nigeria held talks with Chad.")
    found = relations(record)
    assert ("opposes", "Nigeria", "Boko Haram") in found
    assert not any(t == "opposes" and o == "Chad" for t, _s, o in found)


def test_a_body_that_includes_members(extract_text):
    record = extract_text("The African Union includes Kenya, Ghana and Senegal.")
    found = relations(record)
    assert {("member_of", "Kenya", "African Union"), ("member_of", "Senegal", "African Union")} <= found


def test_working_to_defeat_a_foe_opposes_it(extract_text):
    found = relations(extract_text("Japan is working with its partners to degrade and defeat Al-Shabaab."))
    assert ("opposes", "Japan", "Al-Shabaab") in found
    owned = relations(extract_text("The African Union adopted a new strategy to defeat Boko Haram."))
    assert ("opposes", "African Union", "Boko Haram") in owned


def test_members_listed_for_a_body_named_as_a_modifier(extract_text):
    found = relations(extract_text("African Union nations which sent troops include Kenya and Ghana."))
    assert ("member_of", "Ghana", "African Union") in found


def test_strikes_against_a_foes_positions_oppose_the_foe(extract_text):
    found = relations(extract_text("Kenya conducted strikes against Al-Shabaab positions on Monday."))
    assert ("opposes", "Kenya", "Al-Shabaab") in found


def test_joining_a_body_and_fighting_does_not_oppose_the_body(extract_text):
    found = relations(extract_text("Local fighters joined the African Union and fought to free their land."))
    assert not any(t == "opposes" and o == "African Union" for t, _s, o in found)


def test_members_listed_for_a_group_that_names_no_body(extract_text):
    found = relations(extract_text("Partner nations that sent troops include Kenya, Ghana and Senegal."))
    assert ("member_of", "Ghana", "Partner nations") in found
    assert not relations(extract_text("The casualties include two soldiers from Kenya."))


def test_a_role_at_a_body_places_the_person_in_it(extract_text):
    record = extract_text("Mary Jones, a researcher at the Brookings Institution, said the plan would fail.")
    assert ("affiliated_with", "Mary Jones", "Brookings Institution") in relations(record)


def test_working_for_a_body_is_an_affiliation(extract_text):
    record = extract_text("Ivan Petrov worked for the KGB in the 1970s.")
    assert ("affiliated_with", "Ivan Petrov", "KGB") in relations(record)


@pytest.mark.parametrize(
    "text, rtype, holder, body",
    [
        ("Ivan Petrov later served as head of the FSB.", "leader_of", "Ivan Petrov", "Federal Security Service"),
        ("Kofi Mensah served as defence minister of Ghana until 2019.", "affiliated_with", "Kofi Mensah", "Ghana"),
    ],
)
def test_a_title_after_as_is_held_by_the_subject(extract_text, text, rtype, holder, body):
    found = relations(extract_text(text))
    assert any(t == rtype and s == holder and body in o for t, s, o in found), found


def test_a_chief_in_a_unit_leads_something_inside_it(extract_text):
    found = relations(extract_text("Sgt. Tom Reed, a crew chief in the 3rd Battalion, said the drill went well."))
    assert ("affiliated_with", "Tom Reed", "3rd Battalion") in found
    assert ("leader_of", "Tom Reed", "3rd Battalion") not in found


@pytest.mark.parametrize(
    "text, rtype, who, body",
    [
        ("Admiral Jane Cole commands the Fifth Fleet.", "leader_of", "Jane Cole", "Fifth Fleet"),
        ("The Fifth Fleet is led by Admiral Jane Cole.", "leader_of", "Jane Cole", "Fifth Fleet"),
        (
            "The Kurdistan Regional Government, represented by Prime Minister Omar Aziz, signed.",
            "affiliated_with",
            "Omar Aziz",
            "Kurdistan Regional Government",
        ),
    ],
)
def test_leading_and_representing_verbs(extract_text, text, rtype, who, body):
    assert (rtype, who, body) in relations(extract_text(text))


def test_leading_an_act_leads_no_body(extract_text):
    found = relations(extract_text("Russia led the offensive in the east."))
    assert not any(t == "leader_of" for t, _s, _o in found)


def test_a_definite_office_describes_the_one_official_of_that_state(extract_text):
    one = extract_text("Vladimir Putin said Russia wants no war. The Russian president's comments came on Monday.")
    assert ("leader_of", "Vladimir Putin", "Russia") in relations(one)
    two = extract_text("Vladimir Putin met Sergei Lavrov in Russia. The Russian foreign minister said talks went well.")
    assert not any(s == "Vladimir Putin" for _t, s, _o in relations(two))  # two officials of Russia: no guess


def test_a_leaders_counterpart_leads_his_own_state(extract_text):
    found = relations(extract_text("Russian President Vladimir Putin told his French counterpart Emmanuel Macron no."))
    assert ("leader_of", "Emmanuel Macron", "France") in found
    aide = relations(extract_text("Security Advisor Jake Sullivan spoke with his Israeli counterpart Tzachi Hanegbi."))
    assert ("affiliated_with", "Tzachi Hanegbi", "Israel") in aide


def test_a_director_named_with_the_body_leads_it(extract_text):
    record = extract_text("CIA Director Bill Burns spoke to reporters on Monday.")
    assert ("leader_of", "William Burns", "Central Intelligence Agency") in relations(record)


def test_a_director_of_a_function_does_not_lead_the_body(extract_text):
    record = extract_text("White House communications director Kate Bedingfield spoke on Monday.")
    assert ("affiliated_with", "Kate Bedingfield", "White House") in relations(record)
    assert not any(r[0] == "leader_of" for r in relations(record))


def test_a_governor_leads_the_region_his_title_names(extract_text):
    record = extract_text("Florida Governor Ron DeSantis criticised the aid package on Monday.")
    assert ("leader_of", "Ron DeSantis", "Florida") in relations(record)


def test_a_newsroom_title_affiliates_with_the_outlet(extract_text):
    record = extract_text("The plan was mocked by Fox News anchor Tucker Carlson on Monday.")
    assert ("affiliated_with", "Tucker Carlson", "Fox News") in relations(record)


def test_who_leads_a_state_is_not_also_merely_affiliated_with_it(extract_text):
    record = extract_text(
        "Ukraine's prime minister warned of defeat. Ukrainian Prime Minister Denys Shmyhal said aid was needed."
    )
    found = relations(record)
    assert ("leader_of", "Denys Shmyhal", "Ukraine") in found
    assert ("affiliated_with", "Denys Shmyhal", "Ukraine") not in found


def test_a_state_office_joined_to_its_holder_gives_the_leadership(extract_text):
    record = extract_text("Vladimir Putin spoke in Russia on Monday. The Russian leader also ordered a mobilisation.")
    assert ("leader_of", "Vladimir Putin", "Russia") in relations(record)


def test_our_allies_in_a_statement_are_the_writers_states(extractor):
    from kg.graph.records import Article

    record = extractor.extract(
        Article(
            "t",
            "I am proud of what the United States has done. We will keep up the pressure on Russia with our allies.",
            title="Statement by President Joe Biden on New Sanctions",
            source="The White House",
        )
    )
    assert ("allied_with", "United States", "allies") in relations(record)
    assert not any(r[0] == "allied_with" and r[1] == "Joe Biden" for r in relations(record))


def test_a_mayor_leads_his_city_not_a_place_beside_it(extract_text):
    record = extract_text("Ivan Petrenko, the mayor of Melitopol, a city close to Crimea, said the town was shelled.")
    found = relations(record)
    assert ("leader_of", "Ivan Petrenko", "Melitopol") in found
    assert not any(r[2] == "Crimea" for r in found)


def test_a_portfolio_director_of_a_body_leads_neither(extract_text):
    record = extract_text("Richard Roe, the U.N. director of the International Crisis Group, said talks had failed.")
    assert not any(r[0] == "leader_of" for r in relations(record))


def test_a_title_after_an_appointing_noun_is_held_by_its_owner(extract_text):
    found = relations(extract_text("I congratulate Joseph Roe on his election as President of Lebanon."))
    assert ("leader_of", "Joseph Roe", "Lebanon") in found
    found = relations(extract_text("Parliament confirmed Maria Lopez's appointment as foreign minister of Chile."))
    assert ("affiliated_with", "Maria Lopez", "Chile") in found


def test_a_name_after_a_role_of_a_body_is_the_role_holder(extract_text):
    # the parser hangs the name on the body ('the Coastal Fisheries Board, Jan Roe'); a name is no body's apposition
    record = extract_text("The head of the Caspian Fisheries Agency, Rafael Moreno, said the boats were seized.")
    assert ("leader_of", "Rafael Moreno", "Caspian Fisheries Agency") in relations(record)  # an agency, no newswire
    assert not any("," in e.name for e in record.entities)  # no entity 'head of the ..., Jan Roe'
    record = extract_text("The spokesman for the Chilean navy, Pablo Soto, said two ships had sailed.")
    assert any(r[0] == "affiliated_with" and r[1] == "Pablo Soto" for r in relations(record))
    assert "spokesman" not in {e.name for e in record.entities}


def test_the_countrys_title_is_of_the_state_named_before(extract_text):
    found = relations(
        extract_text(
            "Chile will send troops to Peru. The country's defence minister, Ana Gil, said the plan was ready."
        )
    )
    assert ("affiliated_with", "Ana Gil", "Chile") in found


@pytest.mark.parametrize(
    "text, person, body, state",
    [
        (
            "Lt. Gen. Ivan Sirko, commander of Ukraine's ground forces, said the line held.",
            "Ivan Sirko",
            "Armed Forces of Ukraine",
            "Ukraine",
        ),
        (
            "Iranian Revolutionary Guards commander Hossein Karimi vowed revenge.",
            "Hossein Karimi",
            "Islamic Revolutionary Guard Corps",
            "Iran",
        ),
    ],
)
def test_a_leader_of_a_states_body_serves_the_state(extract_text, text, person, body, state):
    found = relations(extract_text(text))
    assert ("leader_of", person, body) in found
    assert ("affiliated_with", person, state) in found and ("leader_of", person, state) not in found


@pytest.mark.parametrize(
    "text, person, other",
    [
        ("Russian opposition leader Ivan Sokolov left prison.", "Ivan Sokolov", "Russia"),
        ("Chad's army chief General Ahmed Hassan rejected the truce.", "Ahmed Hassan", "Chad"),
        ("EU foreign policy chief Marta Lind condemned the strike.", "Marta Lind", "European Union"),
    ],
)
def test_a_leader_of_a_portfolio_or_the_opposition_leads_no_state(extract_text, text, person, other):
    found = relations(extract_text(text))
    assert ("affiliated_with", person, other) in found and ("leader_of", person, other) not in found


def test_a_boss_leads_the_body_named_with_him(extract_text):
    assert ("leader_of", "Viktor Orlov", "Wagner Group") in relations(
        extract_text("Wagner boss Viktor Orlov flew to Minsk.")
    )


def test_a_commander_in_chief_is_one_title_and_serves_his_state(extract_text):
    record = extract_text("Ukrainian commander-in-chief Valerii Zaluzhnyi said the line held.")
    assert [e.name for e in record.entities if e.type == "Person"] == ["Valerii Zaluzhnyi"]
    assert ("affiliated_with", "Valerii Zaluzhnyi", "Ukraine") in relations(record)


def test_the_head_of_a_states_named_council_serves_the_state(extract_text):
    found = relations(
        extract_text("Ivan Kovalenko, the head of Moldova's Supreme Security Council, said the plot failed.")
    )
    assert ("affiliated_with", "Ivan Kovalenko", "Moldova") in found
    assert ("leader_of", "Ivan Kovalenko", "Moldova") not in found


def test_a_title_a_relative_clause_says_the_name_holds(extract_text):
    found = relations(extract_text("Tomas Novak, who is Slovakia's defence minister, visited the base."))
    assert ("affiliated_with", "Tomas Novak", "Slovakia") in found
    found = relations(extract_text("Tomas Novak, who was Slovakia's defence minister, retired."))
    assert ("affiliated_with", "Tomas Novak", "Slovakia") not in found  # a past office


def test_an_aide_to_a_person_is_affiliated_with_that_person(extract_text):
    found = relations(extract_text("Olena Bondar, an adviser to Petro Poroshenko, said the deal was dead."))
    assert ("affiliated_with", "Olena Bondar", "Petro Poroshenko") in found


def test_the_groups_title_is_of_the_body_named_before(extract_text):
    found = relations(extract_text("Hezbollah denied the report on Monday, the group's spokesman Ali Fayyad said."))
    assert ("affiliated_with", "Ali Fayyad", "Hezbollah") in found


def test_a_lower_case_title_with_an_adjective_before_the_name(extract_text):
    record = extract_text("Chile's military intelligence chief Kirill Petrov said the plan had failed.")
    assert ("affiliated_with", "Kirill Petrov", "Chile") in relations(record)


def test_a_name_after_a_lower_case_role_is_a_person(extract_text):
    record = extract_text("Peru's national security adviser Tomas Quispe said the talks had failed.")
    assert {e.name: e.type for e in record.entities}.get("Tomas Quispe") == "Person"


def test_a_capitalised_title_in_apposition_after_the_name(extract_text):
    record = extract_text("We met Jane Roe, President of Chile, in Lima on Monday.")
    assert ("leader_of", "Jane Roe", "Chile") in relations(record)


def test_a_secretary_general_leads_the_body(extract_text):
    record = extract_text("The minister will meet the NATO secretary-general, Pieter Smit, in Oslo.")
    assert ("leader_of", "Pieter Smit", "NATO") in relations(record)


def test_a_deputy_secretary_general_does_not_lead(extract_text):
    record = extract_text("UN Deputy Secretary-General Maria Costa visited Oslo.")
    assert not [r for r in relations(record) if r[0] == "leader_of"]


def test_a_capitalised_speaker_leads_the_chamber(extract_text):
    record = extract_text("The Speaker of the Knesset, Avi Cohen, met the envoy.")
    assert ("leader_of", "Avi Cohen", "Knesset") in relations(record)


def test_a_lower_case_speaker_holds_no_office(extract_text):
    record = extract_text("John Smith, a speaker at the NATO forum, said the talks failed.")
    assert not [r for r in relations(record) if r[0] == "leader_of"]


def test_pm_is_a_prime_ministers_title(extract_text):
    record = extract_text("Italian PM Laura Bianchi met the envoy in Rome.")
    assert ("leader_of", "Laura Bianchi", "Italy") in relations(record)


def test_a_partys_word_in_a_title_makes_a_member_not_a_leader(extract_text):
    found = relations(extract_text("Republican Speaker Tom Reed blocked a vote on the bill."))
    assert ("affiliated_with", "Tom Reed", "Republican Party") in found
    assert ("leader_of", "Tom Reed", "Republican Party") not in found


def test_a_commissioner_and_a_candidate_are_affiliated(extract_text):
    found = relations(extract_text('"It must end," said Karl Berg, the UN high commissioner for refugees.'))
    assert ("affiliated_with", "Karl Berg", "United Nations") in found
    found = relations(extract_text("Republican presidential candidate Tom Reed visited Kyiv."))
    assert ("affiliated_with", "Tom Reed", "Republican Party") in found


def test_a_known_office_holder_is_placed_in_his_state_when_the_title_names_none(extract_text):
    record = extract_text("Foreign Minister Subrahmanyam Jaishankar met envoys from Chile and India in Oslo.")
    assert ("affiliated_with", "Subrahmanyam Jaishankar", "India") in relations(record)


def test_a_name_beside_a_role_that_names_its_body_is_the_holder(extract_text):
    record = extract_text("The commander of Chile's ground forces, Oleksandr Pavliuk, said the front held.")
    assert {e.name: e.type for e in record.entities}.get("Oleksandr Pavliuk") == "Person"


def test_a_body_beside_a_bare_role_stays_a_body(extract_text):
    record = extract_text("The risk is low, said Maj. Gen. Tom Reed, commander, Joint Forces Land Component Command.")
    assert all(e.type != "Person" or e.name == "Tom Reed" for e in record.entities)


def test_a_known_official_serves_his_state_under_a_title_without_an_office_word(extract_text):
    found = relations(extract_text("Attorney General Merrick Garland said the United States would help Ukraine."))
    assert ("affiliated_with", "Merrick Garland", "United States") in found
    assert ("leader_of", "Merrick Garland", "United States") not in found  # his title leads no state
    found = relations(extract_text("Chief of the Defence Staff Valery Gerasimov met officials of Russia and Belarus."))
    assert ("affiliated_with", "Valery Gerasimov", "Russia") in found
    assert ("leader_of", "Valery Gerasimov", "Russia") not in found


def test_a_former_title_places_a_known_official_nowhere(extract_text):
    found = relations(
        extract_text("Former Attorney General Merrick Garland said the United States would help Ukraine.")
    )
    assert not any(s == "Merrick Garland" and o == "United States" for _, s, o in found)


def test_a_demonym_before_a_describing_noun_places_the_person_in_the_state(extract_text):
    found = relations(extract_text("Chilean billionaire Carlos Mendez said Chile had lost its way."))
    assert ("affiliated_with", "Carlos Mendez", "Chile") in found
    found = relations(extract_text("The pro-Chilean blogger Carlos Mendez wrote about Chile and Peru."))
    assert not any(s == "Carlos Mendez" and o == "Chile" for _, s, o in found)  # a leaning, not a state


def test_a_faiths_chief_serves_no_state_as_its_leader(extract_text):
    found = relations(extract_text("Chile's Chief Rabbi Carlos Mendez visited the synagogue."))
    assert ("affiliated_with", "Carlos Mendez", "Chile") in found
    assert ("leader_of", "Carlos Mendez", "Chile") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Mendez, the Chilean ambassador to Peru, handed over the note.",
        "Chilean Ambassador to Peru Carlos Mendez handed over the note.",
    ],
)
def test_an_ambassador_serves_the_state_that_sends_him(extract_text, text):
    found = relations(extract_text(text))
    assert ("affiliated_with", "Carlos Mendez", "Chile") in found
    assert not any(s == "Carlos Mendez" and o == "Peru" for _, s, o in found)


def test_an_ambassador_to_the_only_state_named_is_not_placed_in_it(extract_text):
    found = relations(extract_text("Ambassador to Peru Carlos Mendez handed over the note in Lima."))
    assert not any(s == "Carlos Mendez" and o == "Peru" for _, s, o in found)


def test_former_inside_a_coordinated_title_keeps_the_whole_title(extract_text):
    found = relations(extract_text("GOP presidential candidate and former Vice President Tom Reed visited Kyiv."))
    assert ("affiliated_with", "Tom Reed", "Republican Party") in found
    assert not any(t == "leader_of" and s == "Tom Reed" for t, s, _o in found)


def test_a_title_in_square_brackets_after_the_name_is_his(extract_text):
    found = relations(extract_text("Carlos Mendez [Chilean Foreign Minister] said Chile and Peru were close."))
    assert ("affiliated_with", "Carlos Mendez", "Chile") in found
    assert not any(s == "Carlos Mendez" and o == "Peru" for _, s, o in found)


def test_the_state_after_a_name_inside_a_titles_of_phrase(extract_text):
    found = relations(
        extract_text("Park Min-soo met with Director of National Security Kim Jae-won of the Republic of Korea.")
    )
    assert ("affiliated_with", "Kim Jae-won", "South Korea") in found


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Volkov, head of Russian-occupied Crimea, said the vote would go ahead.",
        "The head of Crimea, Sergei Volkov, said the vote would go ahead.",
    ],
)
def test_the_head_of_a_region_leads_it(extract_text, text):
    assert ("leader_of", "Sergei Volkov", "Crimea") in relations(extract_text(text))


def test_a_head_only_placed_in_a_region_does_not_lead_it(extract_text):
    found = relations(extract_text("Sergei Volkov, the head of a charity in Crimea, said the vote would go ahead."))
    assert ("leader_of", "Sergei Volkov", "Crimea") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Sami Haddad, Secretary General of the Executive Committee of the Arab League, met Egyptian officials.",
        "Colonel Sami Haddad, commander of the 3rd Assault Brigade of the Arab League, met Egyptian officials.",
    ],
)
def test_the_body_holding_the_body_led_is_served_not_led(extract_text, text):
    found = relations(extract_text(text))
    assert ("affiliated_with", "Sami Haddad", "Arab League") in found
    assert ("leader_of", "Sami Haddad", "Arab League") not in found


@pytest.mark.parametrize(("owner", "outlet"), [("Reuters'", "Reuters"), ("CNN’s", "CNN")])
def test_an_outlet_owning_a_name_is_the_reporters(extract_text, owner, outlet):
    found = relations(extract_text(f"Russia's Sergei Lavrov told {owner} Anna Berg that the talks had failed."))
    assert ("affiliated_with", "Anna Berg", outlet) in found


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        ("Moldova's foreign ministry spokeswoman Ana Rusu said the talks had failed.", "Moldova's foreign ministry"),
        ("The Moldovan defence ministry spokesman, Ana Rusu, said the troops left.", "Moldovan defence ministry"),
    ],
)
def test_a_states_body_inside_a_title_is_the_holders_workplace(extract_text, text, ministry):
    record = extract_text(text)
    assert ministry in {e.name for e in record.entities if e.type == "Organization"}
    assert ("affiliated_with", "Ana Rusu", ministry) in relations(record)


def test_a_commander_named_by_his_state_does_not_lead_it(extract_text):
    found = relations(extract_text("A Belarusian commander said the unit had lost ten men near Minsk."))
    assert ("leader_of", "Belarusian commander", "Belarus") not in found


def test_a_dated_office_holder_leads_the_state_his_title_names_none_of(extract_text):
    record = extract_text("President Arpad Goncz said Hungary and Austria would sign the treaty.", date="1995-03-01")
    assert ("leader_of", "Arpad Goncz", "Hungary") in relations(record)
    undated = extract_text("President Arpad Goncz said Hungary and Austria would sign the treaty.")
    assert not any(s == "Arpad Goncz" for _, s, _o in relations(undated))  # no date, no dated office


def test_a_head_of_state_called_by_family_name(extract_text):
    found = relations(extract_text("President Yoon said South Korea and Japan would hold talks.", date="2024-05-01"))
    assert ("leader_of", "Yoon Suk Yeol", "South Korea") in found


def test_a_title_apposition_keeps_its_holder_when_another_name_is_coordinated(extract_text):
    record = extract_text(
        "Peru's radio said both Jan Roe, the president, and Tom Gale, the defence minister, were told."
    )
    found = relations(record)
    assert ("leader_of", "Jan Roe", "Peru") in found
    assert ("affiliated_with", "Tom Gale", "Peru") in found
    assert ("leader_of", "Tom Gale", "Peru") not in found


@pytest.mark.parametrize(
    "text, body, state",
    [
        ("Protesters gathered at the United States Embassy in Kyiv.", "United States Embassy", "United States"),
        (
            "The Armed Forces of the Republic of Belarus moved west.",
            "Armed Forces of the Republic of Belarus",
            "Belarus",
        ),
    ],
)
def test_a_named_state_body_is_affiliated_with_the_state_its_name_writes(extract_text, text, body, state):
    assert ("affiliated_with", body, state) in relations(extract_text(text))


def test_a_name_with_a_state_in_it_is_no_state_body_unless_its_noun_is_one(extract_text):
    found = relations(extract_text("The United States Institute of Peace said so."))
    assert not any(t == "affiliated_with" for t, _s, _o in found)


@pytest.mark.parametrize(
    "text, body, owner",
    [
        (
            "The Palestinian Authority said so. The Palestinian Authority Security Forces arrested him.",
            "Palestinian Authority Security Forces",
            "Palestinian Authority",
        ),
        ("The Bank of Russia's National Card Payment System (NSPK) took over.", "NSPK", "Central Bank of Russia"),
    ],
)
def test_a_body_another_bodys_name_or_possessive_owns_is_affiliated_with_it(extract_text, text, body, owner):
    found = relations(extract_text(text))
    assert ("affiliated_with", body, owner) in found
    assert ("affiliated_with", body, "Palestine") not in found


def test_a_body_cut_short_is_not_part_of_itself(extract_text):
    text = "The Steering Committee met. The Steering Committee of the Donor Platform agreed."
    assert not any(t == "affiliated_with" for t, _s, _o in relations(extract_text(text)))


@pytest.mark.parametrize(
    "text",
    [
        "THE PRESIDENT: Good afternoon. Today I want to say that the United States stands with Peru.",
        "PRESIDENT BIDEN: Well, welcome. The United States stands with Peru.",
    ],
)
def test_a_transcripts_speaker_label_is_the_speakers_title(extractor, text):
    from kg.graph.records import Article

    article = Article("t", text, title="Remarks by President Biden on Peru", source="The White House")
    assert ("leader_of", "Joe Biden", "United States") in relations(extractor.extract(article))


def test_a_heading_in_capitals_is_no_speaker_label(extractor):
    from kg.graph.records import Article

    text = "RESTORING PRESSURE ON IRAN: I have directed the Secretary to act. Peru agreed."
    article = Article("t", text, title="Statement by President Biden on Iran", source="The White House")
    found = relations(extractor.extract(article))
    assert not any(s == "Joe Biden" and o == "Peru" for _t, s, o in found)


@pytest.mark.parametrize(
    "text",
    [
        "Peru's economy grew. The former Peruvian leader said so.",
        "Peru's economy grew. The ex-president of Peru said so.",
    ],
)
def test_a_former_leader_is_affiliated_with_the_state_he_led(extract_text, text):
    found = relations(extract_text(text))
    assert any(t == "affiliated_with" and o == "Peru" for t, _s, o in found)
    assert not any(t == "leader_of" for t, _s, _o in found)


def test_an_outlets_reporter_is_stated_with_the_outlets_name(extract_text):
    record = extract_text("The New York Times' Jane Roe reported it.")
    tie = next(r for r in record.relations if r.type == "affiliated_with")
    assert tie.evidence.text == "The New York Times' Jane Roe"


def test_a_mayor_whose_title_names_no_place_leads_the_place_his_sentence_names(extract_text):
    found = relations(
        extract_text("Missiles struck a district of Kharkiv on Wednesday, said the mayor, Ihor Terekhov.")
    )
    assert ("leader_of", "Ihor Terekhov", "Kharkiv") in found


def test_a_mayor_among_two_places_leads_neither(extract_text):
    found = relations(extract_text("Missiles struck Kharkiv and Odesa, said the mayor, Ihor Terekhov."))
    assert not any(t == "leader_of" for t, _s, _o in found)


def test_then_before_a_leaders_title_is_no_former_office(extract_text):
    found = relations(extract_text("Peru's economy grew, then the president of Peru spoke."))
    assert any(t == "leader_of" and o == "Peru" for t, _s, o in found)


def test_a_unit_a_body_owns_is_its_member_not_an_affiliate(extract_text):
    found = relations(extract_text("The U.S. Army deployed. The Army's 82nd Airborne Division moved."))
    assert ("member_of", "82nd Airborne Division", "United States Army") in found
    assert ("affiliated_with", "82nd Airborne Division", "United States Army") not in found


def test_a_former_leader_leads_no_more(extract_text):
    r = extract_text("Poland sent tanks. The former Polish leader accused Russia of aggression on Monday.")
    assert ("affiliated_with", "former Polish leader", "Poland") in relations(r)
    assert not any(t == "leader_of" for t, _, _ in relations(r))
