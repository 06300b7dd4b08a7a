"""Sides taken in the text (supports, opposes, allied_with), on short texts written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


@pytest.mark.parametrize(
    "text",
    [
        "Iran armed the Houthis in 2015.",
        "Iran funded the Houthis for years.",
        "The Houthis are backed by Iran.",
        "The Houthis, backed by Iran, seized the port.",
        "Israel faces threats from Iranian-backed groups, including the Houthis.",
        "The Iranian-backed Houthis fired missiles at ships.",
    ],
)
def test_backing_a_side_is_one_way_support(extract_text, text):
    found = relations(extract_text(text))
    assert ("supports", "Iran", "Houthis") in found
    assert ("supports", "Houthis", "Iran") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Canada flew twelve strikes in support of the government of Peru.",
        "Canada reiterated its support for Peru on Monday.",
        "Canada sent humanitarian aid to Peru.",
        "Canada remains steadfast in its support of the Government of Peru.",
    ],
)
def test_support_nouns_name_the_supported_side(extract_text, text):
    assert ("supports", "Canada", "Peru") in relations(extract_text(text))


def test_support_for_a_cause_names_no_side(extract_text):
    found = relations(extract_text("Canada reiterated its support for the peace plan."))
    assert not any(t == "supports" for t, _s, _o in found)


@pytest.mark.parametrize(
    "text, subject, target",
    [
        ("The European Union imposed sanctions on Iran.", "European Union", "Iran"),
        ("Japan condemned North Korea's missile launch.", "Japan", "North Korea"),
        ("Chad denounced Boko Haram on Friday.", "Chad", "Boko Haram"),
        ("Iran's attack against Israel was unprecedented.", "Iran", "Israel"),
        ("Russia invaded Ukraine in 2022.", "Russia", "Ukraine"),
    ],
)
def test_condemnation_sanctions_and_attacks_are_opposition(extract_text, text, subject, target):
    assert ("opposes", subject, target) in relations(extract_text(text))


def test_an_attack_that_may_come_is_no_stated_hostility(extract_text):
    found = relations(extract_text("Officials said Russia could invade Ukraine at any moment."))
    assert ("opposes", "Russia", "Ukraine") not in found


def test_a_war_with_sets_both_sides_against_each_other(extract_text):
    found = relations(extract_text("Hezbollah fought a month-long war with Israel in 2006."))
    assert {("opposes", "Hezbollah", "Israel"), ("opposes", "Israel", "Hezbollah")} <= found


def test_a_coalition_of_states_allies_them(extract_text):
    found = relations(extract_text("A coalition of France and Germany sent troops to Mali."))
    assert ("allied_with", "France", "Germany") in found or ("allied_with", "Germany", "France") in found


def test_bare_partners_name_nobody(extract_text):
    found = relations(extract_text("Britain and its partners will defend Estonia."))
    assert not any(t == "allied_with" for t, _s, _o in found)


@pytest.mark.parametrize(
    "text",
    ["Canada will stand by Peru in the crisis.", "Canada stands with the people of Peru."],
)
def test_standing_by_a_side_is_support(extract_text, text):
    assert ("supports", "Canada", "Peru") in relations(extract_text(text))


def test_the_backer_inside_a_collectives_name_is_its_state(extract_text):
    found = relations(
        extract_text("Israel faced attacks from all Iranian-backed terrorist groups, including Hezbollah.")
    )
    assert ("supports", "Iran", "Hezbollah") in found
    assert not any(t == "supports" and s.startswith("all ") for t, s, _o in found)


def test_our_allies_are_not_the_signers_allies(extractor):
    from kg.graph.records import Article

    text = (
        "Today I spoke with President Zelenskyy of Ukraine. We discussed the war. And the United States, together "
        "with our allies and partners, will not waver in our commitment to the Ukrainian people."
    )
    record = extractor.extract(Article("t", text, title="Statement by President Joe Biden on Ukraine"))
    assert not any(t == "allied_with" and "Biden" in (s + o) for t, s, o in relations(record))


@pytest.mark.parametrize(
    "text",
    [
        "Hungary, a close ally of Russia, blocked the deal.",
        "Hungary is Russia's closest ally.",
        "Russia's ally Hungary blocked the deal.",
        "Russia and Hungary are allies.",
    ],
)
def test_the_ally_the_text_names(extract_text, text):
    found = relations(extract_text(text))
    assert ("allied_with", "Russia", "Hungary") in found or ("allied_with", "Hungary", "Russia") in found


def test_supporting_a_side_against_a_third_sets_both_against_it(extract_text):
    found = relations(
        extract_text("Canada is committed to supporting the Peruvian government against the Shining Path.")
    )
    assert ("supports", "Canada", "Peru") in found
    assert {("opposes", "Canada", "Shining Path"), ("opposes", "Peru", "Shining Path")} <= found


def test_a_support_verb_whose_subject_kg_does_not_know_takes_no_other_subject(extract_text):
    found = relations(extract_text("The attack by Boko Haram shows why the coalition is assisting the Chadian army."))
    assert not any(t == "supports" and s == "Boko Haram" for t, s, _o in found)


def test_who_is_urged_to_act_is_the_one_who_acts(extract_text):
    found = relations(extract_text("Pedro Sanchez urged allies to move faster in arming Ukraine."))
    assert not any(t == "supports" and o == "Ukraine" for t, _s, o in found)


def test_we_in_a_statement_speaks_for_the_state_not_the_signer(extractor):
    from kg.graph.records import Article

    text = (
        "President Joe Biden met President Volodymyr Zelenskyy of Ukraine today. The leaders discussed the war. "
        "Biden stressed the need to ensure we can continue to support Ukraine."
    )
    record = extractor.extract(Article("t", text, title="Readout of President Biden's Meeting with Zelenskyy"))
    assert not any(t == "supports" and s in ("Joe Biden", "Volodymyr Zelenskyy") for t, s, _o in relations(record))


def test_the_owner_of_a_commitment_is_the_supporter(extract_text):
    found = relations(extract_text("Kamala Harris emphasized the commitment of the United States to supporting Iraq."))
    assert ("supports", "United States", "Iraq") in found
    assert ("supports", "Kamala Harris", "Iraq") not in found


@pytest.mark.parametrize(
    "text, backer, group",
    [
        ("Armenia-backed separatists shelled the village.", "Armenia", "Armenia-backed separatists"),
        ("Sudanese-funded militias raided the camp.", "Sudan", "Sudanese-funded militias"),
    ],
)
def test_a_collective_named_by_its_patron_is_an_actor_it_supports(extract_text, text, backer, group):
    record = extract_text(text)
    assert ("supports", backer, group) in relations(record)
    assert any(group in {a.name for a in (record.entity(x) for x in e.actors)} for e in record.events)


def test_an_ally_qualified_by_a_state_is_that_states_ally(extract_text):
    found = relations(extract_text("Armenia, a traditional Russian ally, skipped the summit."))
    assert ("allied_with", "Russia", "Armenia") in found or ("allied_with", "Armenia", "Russia") in found
    found = relations(extract_text("Britain and its NATO allies sent tanks."))
    assert not any(t == "allied_with" and "NATO" == o for t, _s, o in found)  # allies within NATO, not of it


@pytest.mark.parametrize(
    "text",
    [
        "The Hamas raids were enabled by Qatar.",
        "Qatar funded Hamas's offensive.",
        "Qatar enabled Hamas to rearm.",
    ],
)
def test_backing_an_act_or_arming_supports_its_owner(extract_text, text):
    assert ("supports", "Qatar", "Hamas") in relations(extract_text(text))


@pytest.mark.parametrize(
    "text, backer, backed",
    [
        ("Norway, Estonia's most generous backer, sent more shells.", "Norway", "Estonia"),
        ("Syria is the main sponsor of Hezbollah.", "Syria", "Hezbollah"),
        ("Latvia, one of Georgia's staunchest supporters, sent more aid.", "Latvia", "Georgia"),
    ],
)
def test_a_named_backer_supports_the_nouns_owner(extract_text, text, backer, backed):
    assert ("supports", backer, backed) in relations(extract_text(text))


def test_two_backers_of_one_side_each_support_it(extract_text):
    record = extract_text("Germany and France, the biggest backers of Ukraine, sent more tanks on Monday.")
    assert {("supports", "Germany", "Ukraine"), ("supports", "France", "Ukraine")} <= relations(record)


def test_backers_that_name_nobody_support_nobody(extract_text):
    assert not [r for r in extract_text("Estonia's backers met in Oslo.").relations if r.type == "supports"]


def test_one_of_its_allies_is_the_named_state(extract_text):
    found = relations(extract_text("Latvia, one of Georgia's closest allies, sent more aid."))
    assert ("allied_with", "Georgia", "Latvia") in found or ("allied_with", "Latvia", "Georgia") in found


def test_a_backed_group_in_apposition_is_the_named_body(extract_text):
    assert ("supports", "Iran", "Hezbollah") in relations(
        extract_text("Hezbollah, an Iran-backed armed group, fired rockets across the border.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Jane Roe of Chile reiterated our steadfast support for Peru's right to defend itself.",
        "Chile is unwavering in our support for Peru's sovereignty and independence.",
        "Chile reaffirmed its commitment to the security of Peru.",
    ],
)
def test_support_for_a_sides_right_or_security_supports_the_side(extract_text, text):
    found = relations(extract_text(text))
    assert ("supports", "Chile", "Peru") in found
    assert not any(t == "supports" and s == "Jane Roe" for t, s, _o in found)  # 'our' support is her state's


def test_a_persons_own_commitment_is_his_and_a_leaders_is_his_states(extract_text):
    found = relations(extract_text("Tom Reed, a former senator, reaffirmed his commitment to Peru's security."))
    assert ("supports", "Tom Reed", "Peru") in found
    found = relations(extract_text("Chilean President Ana Soto reaffirmed her ironclad commitment to Peru's security."))
    assert ("supports", "Chile", "Peru") in found
    assert ("supports", "Ana Soto", "Peru") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Carlos Mendez spoke on Monday. Mendez's invasion of Peru began a week ago.",
        "Chilean President Carlos Mendez invaded Peru a week ago.",
    ],
)
def test_a_leaders_invasion_is_his_states(extract_text, text):
    found = relations(extract_text(text))
    assert ("opposes", "Chile", "Peru") in found
    assert ("opposes", "Carlos Mendez", "Peru") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Mr Novak is seen as Peru's closest ally in the region.",
        "Mr Novak, regarded as Peru's key ally, stayed silent.",
        "Mr Novak, who is considered a traditional Peruvian ally, stayed silent.",
    ],
)
def test_one_seen_as_an_ally_is_allied(extract_text, text):
    found = relations(extract_text(text))
    assert ("allied_with", "Peru", "Novak") in found or ("allied_with", "Novak", "Peru") in found


def test_who_regards_another_as_an_ally_is_no_ally(extract_text):
    found = relations(extract_text("Chile considers Peru's ally Bolivia a threat."))
    assert not {("allied_with", "Chile", "Peru"), ("allied_with", "Peru", "Chile")} & found


def test_condemning_an_aggression_in_a_relative_clause_opposes_the_aggressor(extract_text):
    found = relations(
        extract_text("The vote followed Chile's aggression against Peru, which Bolivia strongly condemns.")
    )
    assert ("opposes", "Bolivia", "Chile") in found
    assert ("opposes", "Bolivia", "Peru") not in found


@pytest.mark.parametrize(
    "text", ["Chile and its OAS allies sent monitors.", "The vote was backed by Peru, Chile and their OAS allies."]
)
def test_who_has_allies_in_a_body_is_its_member(extract_text, text):
    assert ("member_of", "Chile", "Organization of American States") in relations(extract_text(text))


def test_allies_in_a_body_beside_a_state_make_no_member_without_a_possessive(extract_text):
    found = relations(extract_text("Chile and OAS allies sent monitors."))
    assert ("member_of", "Chile", "Organization of American States") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Peru's alliance with Chile worries Bolivia.",
        "Peru forged a military alliance with Chile last year.",
        "Peru has aligned itself with Chile.",
    ],
)
def test_an_alliance_with_a_party_allies_the_two(extract_text, text):
    found = relations(extract_text(text))
    assert ("allied_with", "Peru", "Chile") in found or ("allied_with", "Chile", "Peru") in found


def test_siding_with_a_party_supports_it(extract_text):
    assert ("supports", "Peru", "Chile") in relations(extract_text("Peru sided with Chile in the dispute."))


@pytest.mark.parametrize(
    "text", ["Peru's continuing arms transfers to Chile worry Bolivia.", "Peru continued weapons deliveries to Chile."]
)
def test_handing_over_arms_supports_the_recipient(extract_text, text):
    assert ("supports", "Peru", "Chile") in relations(extract_text(text))


def test_handing_over_what_is_no_arms_takes_no_side(extract_text):
    found = relations(extract_text("Peru's transfer of the prisoners to Chile ended the crisis."))
    assert ("supports", "Peru", "Chile") not in found


@pytest.mark.parametrize(
    "text, subject, target",
    [
        ("Senator Ann Rowe debated her political rival Tom Gale and his son, Bill.", "Ann Rowe", "Tom Gale"),
        ("Iran, Israel's arch-enemy, fired missiles.", "Israel", "Iran"),
        ("Hamas is an enemy of Israel.", "Israel", "Hamas"),
        ("Moscow sees NATO as its main adversary.", "Russia", "NATO"),
    ],
)
def test_foe_nouns_name_who_opposes_whom(extract_text, text, subject, target):
    found = relations(extract_text(text))
    assert ("opposes", subject, target) in found
    assert ("opposes", target, subject) not in found
    assert not any(o == "Bill" for _t, _s, o in found)


def test_foe_noun_without_a_named_foe_names_nobody(extract_text):
    assert not relations(extract_text("Ukraine's enemies are many."))


@pytest.mark.parametrize(
    "text, giver, owner",
    [
        ("Japan condemned North Korea's ongoing support to Russia's war against Ukraine.", "North Korea", "Russia"),
        ("Canada pledged aid for Ukraine's counteroffensive.", "Canada", "Ukraine"),
    ],
)
def test_support_for_an_act_supports_its_owner(extract_text, text, giver, owner):
    found = relations(extract_text(text))
    assert ("supports", giver, owner) in found
    assert not any(t == "supports" and o == "Ukraine" and owner != "Ukraine" for t, _s, o in found)


def test_condemning_a_leaders_war_opposes_his_state(extract_text):
    found = relations(extract_text("Canada condemned Putin's war of choice in Ukraine. Russia must stop it."))
    assert ("opposes", "Canada", "Russia") in found
    assert ("opposes", "Canada", "Vladimir Putin") not in found


def test_condemning_a_persons_plan_is_no_war(extract_text):
    found = relations(extract_text("Canada condemned Putin's proposal. Russia must stop it."))
    assert ("opposes", "Canada", "Russia") not in found


@pytest.mark.parametrize(
    "text, giver, receiver",
    [
        ("Britain will supply Ukraine with three billion pounds in military aid.", "United Kingdom", "Ukraine"),
        ("Iran has provided Russia with drones.", "Iran", "Russia"),
        ("Canada continued to supply critical security assistance to Peru.", "Canada", "Peru"),
    ],
)
def test_supplying_a_party_with_arms_or_aid_supports_it(extract_text, text, giver, receiver):
    assert ("supports", giver, receiver) in relations(extract_text(text))


@pytest.mark.parametrize(
    "text", ["Canada will provide Peru with documents.", "Canada will provide Peru.", "Canada supplied data to Peru."]
)
def test_supplying_what_is_no_arms_nor_aid_takes_no_side(extract_text, text):
    assert not any(t == "supports" for t, _s, _o in relations(extract_text(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Canada will continue to stand with the sovereign nation and people of Peru.",
        "Canada will keep working with partners and stand with the people of Peru.",
    ],
)
def test_standing_with_a_party_without_a_subject_of_its_own(extract_text, text):
    assert ("supports", "Canada", "Peru") in relations(extract_text(text))


def test_standing_with_a_party_one_urges_another_to_is_not_the_urgers(extract_text):
    found = relations(extract_text("Canada urged Japan to stand with Peru."))
    assert ("supports", "Canada", "Peru") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Canada is committed to Peru's long-term success.",
        "Canada has skin in the game and is committed to Peru's security.",
        "Canada remains committed to Peru.",
    ],
)
def test_being_committed_to_a_party_supports_it(extract_text, text):
    assert ("supports", "Canada", "Peru") in relations(extract_text(text))


@pytest.mark.parametrize("text", ["Canada is committed to peace.", "Canada committed troops to Peru."])
def test_being_committed_to_no_party_takes_no_side(extract_text, text):
    assert not any(t == "supports" for t, _s, _o in relations(extract_text(text)))


def test_allies_the_text_names_after_such_as_are_the_owners_allies(extract_text):
    found = relations(extract_text("Russia's allies like Belarus and Iran held drills."))
    assert {("allied_with", "Russia", "Belarus"), ("allied_with", "Russia", "Iran")} <= found


def test_allies_named_with_no_owner_are_nobodys(extract_text):
    assert not relations(extract_text("Moscow threatened allies like Poland."))


def test_a_joint_statements_we_and_our_allies_allies_no_signatory(extract_text):
    record = extract_text(
        "Joint statement by the leaders of France and Germany\n\nWe, the leaders of France and Germany, condemn the"
        " attack. We, as well as our other allies and partners, imposed severe sanctions on Russia."
    )
    names = {e.id: e.name for e in record.entities}
    assert not any(r.type == "allied_with" and "allies" in names[r.object] for r in record.relations)


def test_one_state_and_its_allies_are_allied(extract_text):
    record = extract_text("The United States and its allies imposed severe sanctions on Russia on Monday.")
    names = {e.id: e.name for e in record.entities}
    assert any(r.type == "allied_with" and names[r.subject] == "United States" for r in record.relations)


@pytest.mark.parametrize(
    "text",
    [
        "Israel must defend itself against Iran and Iran-backed terrorists like Hamas.",
        "Israel struck Iranian-backed groups such as Hamas on Monday.",
    ],
)
def test_a_backer_supports_the_bodies_a_backed_collective_names(extract_text, text):
    record = extract_text(text)
    names = {e.id: e.name for e in record.entities}
    found = {(r.type, names[r.subject], names[r.object]) for r in record.relations}
    assert ("supports", "Iran", "Hamas") in found


@pytest.mark.parametrize(
    "text",
    [
        "Hungary said on Monday that it does not support Ukraine.",
        "Germany has never condemned Russia, Hungary said.",
    ],
)
def test_a_side_the_text_denies_is_not_taken(extract_text, text):
    record = extract_text(text)
    assert not any(r.type in ("supports", "opposes") for r in record.relations)
