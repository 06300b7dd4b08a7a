"""Events kg used to drop on fresh news: an act noun carried out by a verb that is not an event word itself
('orchestrated the ambush', 'responded with missile strikes'), and a killing done by an attack whose doer the
text does not state ('the ambush on the bus killed nine people'), which keeps its type with no actor.
A past participle on a noun ("the soldiers killed in the battle", "rebels backed by Rwanda") is a passive
relative clause: the noun undergoes it, its own "by" phrase does it, never the main clause's subject. Texts written
for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_subject_of_a_verb_that_carries_out_an_attack_noun_is_its_attacker(extract_text):
    r = extract_text("Al-Shabaab orchestrated the ambush near the Somali border.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Al-Shabaab"]
    r = extract_text("Azerbaijan unleashed an offensive.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Azerbaijan"]


def test_who_responds_with_strikes_strikes(extract_text):
    r = extract_text("Iran responded with missile strikes.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Iran"]


def test_a_killing_by_an_attack_whose_doer_is_not_stated_keeps_its_type_with_no_actor(extract_text):
    r = extract_text("The ambush on the bus killed nine people.")
    (attack,) = _of_type(r, "ASSAULT")
    assert attack.actors == ()


def test_a_participle_on_a_noun_is_not_the_act_of_the_main_clause_subject(extract_text):
    r = extract_text("Ukraine mourned the soldiers killed in the battle near Bakhmut.")
    assert not any(_names(r, e.actors) == ["Ukraine"] for e in _of_type(r, "ASSAULT"))


def test_the_noun_a_participle_qualifies_undergoes_it_and_its_by_phrase_does_it(extract_text):
    r = extract_text("The M23 rebels backed by Rwanda seized Goma.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Rwanda"] and _names(r, backing.recipients) == ["M23 rebels"]
    r = extract_text("The report counted dozens of civilians killed by Russian shelling.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]


def test_a_named_town_is_what_a_row_for_hitting_or_seizing_a_city_names(extract_text):
    r = extract_text("Russian drones targeted Odesa and Kharkiv overnight.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.recipients) == ["Kharkiv", "Odesa"]
    r = extract_text("Russian missiles hit Kyiv on Monday.")
    assert _of_type(r, "ASSAULT")


def test_a_state_is_no_town_that_sanctions_hit(extract_text):
    r = extract_text("The sanctions hit Russia hard.")
    assert not _of_type(r, "ASSAULT")


def test_an_event_noun_that_breaks_out_somewhere_is_an_event_there_with_no_actor_guessed(extract_text):
    r = extract_text("Protests erupted in Tehran after the death of a young woman.")
    (protest,) = _of_type(r, "PROTEST")
    assert protest.actors == () and _names(r, protest.locations) == ["Tehran"]


def test_the_parties_between_whom_fighting_breaks_out_fight(extract_text):
    r = extract_text("Fighting broke out between Armenia and Azerbaijan in September.")
    (fight,) = _of_type(r, "ASSAULT")
    assert _names(r, fight.actors) == ["Armenia", "Azerbaijan"]


def test_a_war_that_goes_on_somewhere_is_no_new_event(extract_text):
    r = extract_text("The war continued in Ukraine.")
    assert not _of_type(r, "ASSAULT")


def test_someone_a_present_participle_qualifies_does_it(extract_text):
    r = extract_text("He condemned Hezbollah fighters attacking Israeli towns.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Hezbollah"]  # an armed group's members named by its name are the group


def test_suspending_or_halting_support_or_loans_is_a_sanction(extract_text):
    r = extract_text("The EU suspended budget support to Niger.")
    (cut,) = _of_type(r, "SANCTION")
    assert _names(r, cut.actors) == ["European Union"] and _names(r, cut.recipients) == ["Niger"]
    r = extract_text("The World Bank halted loans to Mali.")
    assert _of_type(r, "SANCTION")


def test_crowds_marching_or_rallying_protest(extract_text):
    r = extract_text("Thousands of Serbs marched through Belgrade on Saturday.")
    (protest,) = _of_type(r, "PROTEST")
    assert _names(r, protest.actors) == ["Serbs"]
    r = extract_text("Tens of thousands of Israelis rallied in Tel Aviv against the judicial overhaul.")
    assert _of_type(r, "PROTEST")
    r = extract_text("Russian troops marched toward Kyiv.")
    assert not _of_type(r, "PROTEST") and _of_type(r, "MOBILIZE")


def test_a_sit_in_staged_is_a_protest(extract_text):
    r = extract_text("Students staged a sit-in at the university in Dhaka.")
    assert _of_type(r, "PROTEST")


def test_who_inks_a_deal_or_levies_sanctions_makes_it(extract_text):
    r = extract_text("India and the UAE inked a trade deal.")
    (deal,) = _of_type(r, "AGREE")
    assert _names(r, deal.actors) == ["India", "United Arab Emirates"]
    r = extract_text("Washington levied sanctions on Iranian oil.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["United States"]


def test_dissolving_parties_restricts_them_and_dissolving_parliament_does_not(extract_text):
    r = extract_text("The junta dissolved all political parties.")
    assert _of_type(r, "COERCE")
    r = extract_text("The prime minister dissolved parliament.")
    assert not _of_type(r, "COERCE")


def test_who_enters_into_a_deal_or_brandishes_a_threat_makes_it(extract_text):
    r = extract_text("Chile and Peru entered into a fishing agreement.")
    (deal,) = _of_type(r, "AGREE")
    assert _names(r, deal.actors) == ["Chile", "Peru"]
    r = extract_text("Serbia has brandished the threat of a blockade.")
    threats = _of_type(r, "THREATEN")
    assert threats and all(_names(r, t.actors) == ["Serbia"] for t in threats)


def test_an_explosion_at_a_place_is_a_stated_attack_with_no_doer_named(extract_text):
    r = extract_text("A blast at a bus station in Quetta wounded four people on Sunday.")
    (attack,) = _of_type(r, "ASSAULT")
    assert attack.actors == ()
    # an explosion placed nowhere is no claim about anyone
    assert _of_type(extract_text("The explosion was heard far away."), "ASSAULT") == []


def test_a_crowd_counted_by_a_number_word_rallying_protests(extract_text):
    r = extract_text("Several thousand Georgians rallied outside the parliament in Tbilisi.")
    (protest,) = _of_type(r, "PROTEST")
    assert _names(r, protest.actors) == ["Georgians"]
    # a count of soldiers marching is no crowd of protesters
    assert not _of_type(extract_text("Two thousand Russian soldiers marched toward Kharkiv."), "PROTEST")
