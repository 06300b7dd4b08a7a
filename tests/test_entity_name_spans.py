"""Which part of a named-entity span is a name, and of what kind, on news the tagger was not trained on
(kg.extract.names), and one entity per name."""

from __future__ import annotations


def _entities(record):
    return {e.name: e for e in record.entities}


def test_a_preposition_opening_the_sentence_is_not_part_of_a_place(extract_text):
    r = extract_text("Near Al Qaim, two strikes destroyed a fighting position.")
    names = _entities(r)
    assert "Near Al Qaim" not in names
    assert names.get("Al Qaim") is None or names["Al Qaim"].type == "Place"


def test_a_relative_clause_after_a_dash_is_not_part_of_a_name(extract_text):
    r = extract_text("She nominated Dorin Recean - who is also pro-EU - as prime minister.")
    assert "Dorin Recean" in _entities(r)
    assert not any("who" in e.name for e in r.entities)


def test_the_office_after_as_is_not_a_person(extract_text):
    r = extract_text("She nominated Dorin Recean as prime minister on Monday.")
    assert not any(e.name == "prime minister" for e in r.entities)


def test_a_short_title_before_a_name_makes_a_person(extract_text):
    r = extract_text("The country faced many crises, outgoing PM Natalia Gavrilita said. Ms Gavrilita resigned.")
    person = _entities(r)["Natalia Gavrilita"]
    assert person.type == "Person"
    assert {m.text for m in person.mentions} >= {"Natalia Gavrilita", "Gavrilita"}


def test_an_apposition_skipping_a_name_is_not_joined(extract_text):
    r = extract_text(
        "She nominated her former adviser Dorin Recean - who is also pro-EU - as prime minister, outgoing "
        "PM Natalia Gavrilita said."
    )
    person = _entities(r)["Natalia Gavrilita"]
    assert all("adviser" not in m.text for m in person.mentions)


def test_laws_and_treaties_are_not_bodies(extract_text):
    r = extract_text("The President acted under the International Emergency Economic Powers Act on Friday.")
    assert not any(e.name.endswith("Act") for e in r.entities)


def test_ships_are_not_entities(extract_text):
    r = extract_text("The frigate HMS Dauntless joined the destroyer USS Carney in the Red Sea.")
    assert set(_entities(r)) == {"Red Sea"}


def test_a_number_is_no_persons_name():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.extract import names

    class NoNames:  # a gazetteer that knows no name
        def key_for(self, text):
            return None

    doc = Doc(spacy.blank("en").vocab, words=["Then", "enter", "Passcode", "5512093", "."])
    assert names.name_span(doc, Span(doc, 2, 4, label="PERSON"), "Person", NoNames()) is None
    assert names.name_span(doc, Span(doc, 2, 3, label="ORG"), "Organization", NoNames()) == (2, 3, "Organization")


def test_a_demonym_labelled_as_a_name_is_its_state(extract_text):
    r = extract_text("Moldovan said the vote would be held in March.")
    names = _entities(r)
    assert "Moldovan" not in names or names["Moldovan"].type == "Country"


def test_a_capitalised_state_noun_inside_a_name_is_not_the_state(extract_text):
    r = extract_text("Officials said the Islamic State of Iraq and the Levant fighters withdrew from the town.")
    assert "Iraq" not in _entities(r)
    assert "Islamic State" in _entities(r)


def test_the_state_noun_after_a_state_is_the_state(extract_text):
    r = extract_text("The US Government and the Ukrainian Government signed the deal.")
    assert {"United States", "Ukraine"} <= set(_entities(r))


def test_one_unknown_name_is_one_entity_whatever_the_tagger_labels():
    from kg.extract.coreference import one_type_per_name
    from kg.extract.entities import Mention

    def mention(i, etype):
        return Mention(
            i, i + 3, etype, f"{etype}:kitchen relief international", "Kitchen Relief International", i, "ner"
        )

    ms = [mention(0, "Place"), mention(10, "Organization")]
    one_type_per_name(ms)
    assert {m.key for m in ms} == {"Organization:kitchen relief international"}
    assert {m.type for m in ms} == {"Organization"}


def test_a_question_about_a_collective_is_no_group(extract_text):
    r = extract_text("It was one of the worst wars in terms of how many aid workers have been killed.")
    assert not any(e.name.startswith("how") for e in r.entities)


def test_a_dictionary_name_written_in_lower_case_is_ordinary_words(extract_text):
    r = extract_text("Their revolutionary army marched on the capital. The Revolutionary Army denied it.")
    found = [e for e in r.entities if e.name == "Revolutionary Army"]
    assert len(found) == 1
    assert [m.text for m in found[0].mentions] == ["Revolutionary Army"]


def test_a_qualified_armed_group_is_a_group(extract_text):
    r = extract_text("Israel must defend itself from Iranian-backed terrorist groups, the statement said.")
    assert any(e.type == "Group" and e.name.endswith("terrorist groups") for e in r.entities)


def test_the_west_is_a_group(extract_text):
    r = extract_text("He thinks the West has been out to get Russia for years.")
    west = next(e for e in r.entities if e.name in ("West", "the West"))
    assert west.type == "Group"


def test_equipment_models_are_not_entities():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.extract import names

    class NoNames:  # a gazetteer that knows no name
        def key_for(self, text):
            return None

    doc = Doc(spacy.blank("en").vocab, words=["They", "saw", "an", "AMX-10RC", "Frenchman", "and", "93rd", "Brigade"])
    assert names.name_span(doc, Span(doc, 3, 5, label="PERSON"), "Person", NoNames()) is None
    assert names.name_span(doc, Span(doc, 6, 8, label="ORG"), "Organization", NoNames()) == (6, 8, "Organization")


def test_a_place_inside_a_bodys_name_is_part_of_it(extract_text):
    r = extract_text("Ben Noble teaches Russian politics at University College London.")
    assert "University College London" in _entities(r)
    assert "London" not in _entities(r)


def test_a_bare_head_of_state_title_is_no_new_person(extract_text):
    r = extract_text("Putin met his advisers. Few hold as much influence over the president as Patrushev.")
    assert not any(e.name == "president" for e in r.entities)


def test_an_abbreviation_in_brackets_is_the_name_before_it(extract_text):
    r = extract_text(
        "The Kharkiv Reconstruction Forum (KRF) opens next month in Vienna. Donors said the KRF would matter."
    )
    forum = _entities(r)["Kharkiv Reconstruction Forum"]
    assert {m.text for m in forum.mentions} >= {"KRF"}
    assert {m.rule for m in forum.mentions if m.text == "KRF"} == {"abbreviation"}
    assert "KRF" not in _entities(r)


def test_a_leaders_administration_is_a_body_that_keeps_the_leader(extract_text):
    r = extract_text("They discussed the Biden-Harris Administration’s work. She echoed President Biden on aid.")
    names = _entities(r)
    assert names["Biden-Harris Administration"].type == "Organization"
    assert "Joe Biden" in names


def test_a_named_site_is_a_place(extract_text):
    r = extract_text("The captured tanks will be shown in front of the Museum of Liberation from May 1.")
    site = next(e for e in r.entities if "Museum" in e.name)
    assert site.type == "Place"


def test_a_states_forces_and_its_military_are_one_body(extract_text):
    r = extract_text("The Russian forces withdrew on Monday. Later the Russian military said it had regrouped.")
    bodies = [e for e in r.entities if e.type == "Organization"]
    assert len(bodies) == 1
    assert {m.text for m in bodies[0].mentions} >= {"Russian military"}


def test_styles_alone_are_no_person(extract_text):
    r = extract_text("I spoke with Amir Sheikh Tamim Bin Hamad Al-Thani of Qatar on Friday.")
    assert not any(e.name in ("Amir Sheikh", "Amir", "Sheikh") for e in r.entities)


def test_a_surname_labelled_otherwise_joins_the_person(extract_text):
    r = extract_text("Oleg Deripaska founded the company in 2000. Deripaska owns a large aluminium producer.")
    people = [e for e in r.entities if "Deripaska" in e.name]
    assert len(people) == 1 and people[0].type == "Person"


def test_an_arabic_kunya_makes_a_person():
    import spacy
    from spacy.tokens import Doc, Span

    from kg.extract import names

    class NoNames:  # a gazetteer that knows no name
        def key_for(self, text):
            return None

    doc = Doc(spacy.blank("en").vocab, words=["They", "followed", "Abu", "Hamza", "al-Kurdi", "."])
    assert names.name_span(doc, Span(doc, 2, 5, label="ORG"), "Organization", NoNames()) == (2, 5, "Person")


def test_a_name_with_a_typographic_apostrophe_is_the_gazetteers(extract_text):
    r = extract_text("Coalition aircraft struck Da’esh positions near the town on Monday.")
    assert "Islamic State" in _entities(r)


def test_a_name_after_a_sentence_opening_near_is_a_place(extract_text):
    r = extract_text("Near Al Qaim, one strike hit a tunnel.")
    qaim = next(e for e in r.entities if "Qaim" in e.name)
    assert qaim.type == "Place"


def test_a_title_read_as_a_body_before_a_known_name_is_that_person(extract_text):
    r = extract_text(
        "Foreign Office Minister, Tobias Ellwood, said the attack was cowardly. Minister for the Middle East "
        "Tobias Ellwood visited Erbil."
    )
    person = _entities(r)["Tobias Ellwood"]
    assert len(person.mentions) == 2
    assert not any("Middle East Tobias" in e.name for e in r.entities)


def test_a_first_name_and_patronymic_is_the_person_named_in_full(extract_text):
    r = extract_text(
        "Alexander Lukashenko met the envoy in Minsk. Alexander Grigoryevich will consider the proposal, the "
        "envoy said."
    )
    person = _entities(r)["Alexander Lukashenko"]
    assert ("Alexander Grigoryevich", "patronymic") in {(m.text, m.rule) for m in person.mentions}


def test_a_courtesy_title_makes_a_person_whatever_the_tagger_says(extract_text):
    r = extract_text("Moldova's leader Maia Sandu warned of a plot. Ms Sandu said Moscow planned a coup.")
    person = _entities(r)["Maia Sandu"]
    assert "Ms Sandu" in {m.text for m in person.mentions} or "Sandu" in {m.text for m in person.mentions}
    assert not any(e.type != "Person" and "Sandu" in e.name for e in r.entities)


def test_a_title_written_before_a_name_is_not_a_body(extract_text):
    r = extract_text("The secretary of state hosted Israeli National Security Advisor Tzachi Hanegbi on Monday.")
    names = _entities(r)
    assert not any("Advisor" in n for n in names)
    assert names["Tzachi Hanegbi"].type == "Person"


def test_the_portfolio_of_a_title_before_a_name_is_not_a_body(extract_text):
    r = extract_text(
        "Today, Secretary of Treasury Janet Yellen and Secretary of Commerce Gina Raimondo met the heads of ten "
        "companies."
    )
    names = _entities(r)
    assert "Treasury" not in names and not any("Commerce" in n for n in names)
    assert names["Gina Raimondo"].type == "Person"


def test_a_document_cut_by_the_tagger_is_no_body(extract_text):
    r = extract_text(
        "Russia signed the Treaty on the Non-Proliferation of Nuclear Weapons. The senator signed the Prohibiting "
        "Chinese Steel Imports Act into law."
    )
    names = _entities(r)
    assert not {"Treaty", "Non-Proliferation of Nuclear Weapons", "Prohibiting Chinese Steel"} & set(names)


def test_a_model_of_equipment_is_no_entity(extract_text):
    r = extract_text(
        "The United States will send Ukraine a Patriot air defense battery and Bradley Infantry Fighting Vehicles."
    )
    assert {e.name for e in r.entities} == {"United States", "Ukraine"}


def test_a_first_name_alone_is_the_one_person_named_in_full_with_it(extract_text):
    r = extract_text(
        "CIA Director Bill Burns will join the cabinet. “Bill has always given me clear analysis,” she wrote."
    )
    person = _entities(r)["William Burns"]
    assert ("Bill", "first-name") in {(m.text, m.rule) for m in person.mentions}
    assert "Bill" not in _entities(r)


def test_a_first_name_two_persons_share_joins_neither(extract_text):
    r = extract_text("Anna Petrova met Anna Sokolova in Riga. Anna said the talks went well.")
    names = _entities(r)
    assert not any(m.rule == "first-name" for e in r.entities for m in e.mentions)
    assert {"Anna Petrova", "Anna Sokolova"} <= set(names)


def test_a_name_with_a_typographic_apostrophe_is_the_gazetteer_name(extract_text):
    r = extract_text("Ministers spoke of competition with the People’s Republic of China.")
    assert {e.name for e in r.entities} == {"China"}


def test_a_body_named_after_a_known_body_is_its_own_body(extract_text):
    r = extract_text("That is according to the Chairman of the EU Military Committee, General Robert Brieger.")
    assert "EU Military Committee" in _entities(r)


def test_a_known_body_before_title_words_stays_the_body(extract_text):
    r = extract_text("NATO Secretary General Jens Stoltenberg spoke to the NATO Parliamentary Assembly.")
    names = _entities(r)
    assert {"NATO", "Jens Stoltenberg", "NATO Parliamentary Assembly"} <= set(names)
    assert "General" not in names


def test_a_capitalised_body_name_the_tagger_missed_is_a_body(extract_text):
    r = extract_text("The minister spoke on the sidelines of the EU Foreign Affairs Council in Luxembourg.")
    assert _entities(r)["EU Foreign Affairs Council"].type == "Organization"
    assert "European Union" in _entities(r)


def test_a_body_name_the_tagger_took_for_a_law_or_a_title_is_a_body(extract_text):
    r = extract_text(
        "The officials met for the U.S.-Israel Strategic Consultative Group on Monday, after the successful "
        "U.S.-Ukraine Defense Industrial Base Conference last week."
    )
    names = _entities(r)
    assert names["U.S.-Israel Strategic Consultative Group"].type == "Organization"
    assert names["U.S.-Ukraine Defense Industrial Base Conference"].type == "Organization"


def test_a_weapon_systems_name_is_no_entity(extract_text):
    r = extract_text("I can't tell you how Storm Shadows are programmed, the minister said. Kyiv wants more HIMARS.")
    assert not {"Storm Shadows", "Storm Shadow", "HIMARS"} & {e.name for e in r.entities}


def test_a_person_whose_name_opens_a_sites_name_is_not_there(extract_text):
    r = extract_text("She landed at George Bush Intercontinental Airport in Houston on Friday.")
    names = _entities(r)
    assert names["George Bush Intercontinental Airport"].type == "Place"
    assert not any(e.type == "Person" for e in r.entities)


def test_a_movements_demonym_is_the_movement(extract_text):
    r = extract_text("Unprovoked Houthi attacks hit Jeddah, and the Houthis refused talks.")
    assert [e.name for e in r.entities if e.type == "Organization"] == ["Houthis"]


def test_a_place_that_names_a_format_of_talks_is_no_entity(extract_text):
    record = extract_text("The talks in the Normandy format resumed in Paris after a long pause.")
    assert [e.name for e in record.entities] == ["Paris"]


def test_a_place_before_style_names_a_kind_of_trial_not_a_place(extract_text):
    record = extract_text("Zelensky called for a Nuremberg-style tribunal to judge Russia's leaders.")
    assert not any("Nuremberg" in e.name for e in record.entities)


def test_an_event_name_is_no_entity(extract_text):
    r = extract_text(
        "She arrived after the Prague Uprising. Leaders met before the 12th Baltic Summit. He spoke on Veterans Day."
    )
    assert not any(e.name in ("Prague Uprising", "12th Baltic Summit", "Veterans Day") for e in r.entities)
    assert "Prague" not in _entities(r)


def test_a_treaty_read_as_a_persons_name_is_no_person(extract_text):
    r = extract_text("He brokered the historic Oslo Accords with Israel. Jude Law met him in London.")
    names = _entities(r)
    assert "Oslo Accords" not in names
    assert names["Jude Law"].type == "Person"


def test_a_place_naming_trials_or_an_address_is_no_place(extract_text):
    r = extract_text("The war must end in Nuremberg trials, she said before the State of the Union address.")
    assert not {"Nuremberg", "State of the Union"} & set(_entities(r))


def test_a_body_named_after_general_is_no_surname_after_a_rank(extract_text):
    r = extract_text(
        "The army's General Staff said in its evening report that Russian forces attacked Kharkiv. "
        "Abbas met the Head of Palestinian General Intelligence Services, who condemned the attack."
    )
    people = {e.name for e in r.entities if e.type == "Person"}
    assert not {"Staff", "Intelligence"} & people


def test_a_knights_sir_after_a_rank_is_no_surname(extract_text):
    r = extract_text("General Sir Richard Barrons warned that Russia could attack the Baltic states.")
    people = {e.name for e in r.entities if e.type == "Person"}
    assert "Sir" not in people and "Richard Barrons" in people


def test_a_first_name_the_tagger_read_as_a_body_is_the_person_the_gazetteer_names_in_full(extract_text):
    r = extract_text(
        "CHANCELLOR SCHOLZ: Thank you for having me.\n\n"
        "PRESIDENT BIDEN: Well, welcome back, Olaf. Thank you for making the effort to be here. We stand with Ukraine."
    )
    scholz = [e for e in r.entities if "Olaf" in {m.text for m in e.mentions}]
    assert [(e.name, e.type) for e in scholz] == [("Olaf Scholz", "Person")]


def test_a_model_named_before_weapons_is_no_entity(extract_text):
    r = extract_text("The new package will include Javelin anti-tank weapons for Ukraine, the official said.")
    assert not any("Javelin" in e.name for e in r.entities)
