"""Event types as the PLOVER manual gives them where a CAMEO row's code says something else (the manual is the
authority: REJECT is all rejections and refusals, THREATEN a warning of coercion, SANCTION a cut in relations)."""

from __future__ import annotations


def _types(record) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in record.events]


def test_breaking_with_someone_rejects_their_position_and_threatens_no_one(extract_text):
    record = extract_text("Senator Ann Roe broke with the leaders of the Liberal Party over the budget on Monday.")
    assert ("REJECT", "broke") in _types(record)
    assert not [e for e in record.events if e.type == "THREATEN"]


def test_breaking_off_relations_stays_a_cut_in_relations(extract_text):
    record = extract_text("Ruritania broke off diplomatic relations with Freedonia on Monday.")
    assert ("SANCTION", "broke") in _types(record)


def test_betraying_is_a_judgement_not_a_cut_in_relations(extract_text):
    # CAMEO files 'betray' under reduced relations (160); said of someone, it judges an act: no SANCTION
    record = extract_text("Pressing Georgia to betray its allies would be wrong, the minister said.")
    assert not [e for e in record.events if e.type == "SANCTION"]


def _accusations(record) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    name = {e.id: e.name for e in record.entities}
    return [
        (e.trigger.text, tuple(name[a] for a in e.actors), tuple(name[r] for r in e.recipients))
        for e in record.events
        if e.type == "ACCUSE"
    ]


def test_a_teller_who_condemns_an_attack_as_he_names_it_accuses_its_doer(extract_text):
    record = extract_text("Foreign Minister Sergei Lavrov said NATO is waging a proxy war against Russia.")
    assert _accusations(record) == [("said", ("Sergey Lavrov",), ("NATO",))]  # the gazetteer spelling
    assert [e.type for e in record.events if e.trigger.text == "waging"] == ["ASSAULT"]  # the attack stays, told


def test_a_teller_who_names_an_attack_aggression_accuses_its_doer(extract_text):
    record = extract_text("Jaan Tamm said Latvia's war of aggression against Estonia must end.")
    assert _accusations(record) == [("said", ("Jaan Tamm",), ("Latvia",))]
    assert not _accusations(extract_text("Latvia's aggression against Estonia began in May."))


def test_an_attack_described_or_named_in_the_articles_voice_accuses_no_one(extract_text):
    assert not _accusations(extract_text("Russia's unprovoked invasion of Ukraine entered its third year on Monday."))
    said = extract_text("Chancellor Olaf Scholz said Russia's full-scale invasion of Ukraine began in February.")
    assert not _accusations(said)  # 'full-scale' describes; it condemns nothing


def test_an_attack_mentioned_in_an_aside_of_what_is_told_is_no_accusation(extract_text):
    record = extract_text(
        "Joe Biden said the agency is delivering a sober approach to many challenges, from tackling Russia's brutal "
        "aggression against Ukraine to managing the rise of China."
    )
    assert not [a for a in _accusations(record) if "Joe Biden" in a[1]]


def test_training_ones_own_people_is_readiness_training_anothers_is_aid(extract_text):
    own = extract_text("Ruritania has trained more than 300 drone operators, the ministry said on Monday.")
    assert [(e.type, e.trigger.text) for e in own.events] == [("MOBILIZE", "trained")]
    theirs = extract_text("Britain has trained 20,000 Ukrainian soldiers since 2022.")
    assert [(e.type, e.trigger.text) for e in theirs.events] == [("AID", "trained")]
    given = extract_text("Poland will train troops from Ghana next year.")
    assert [e.type for e in given.events] == ["AID"]


def test_declaring_independence_asks_no_one_while_demanding_autonomy_does(extract_text):
    # CAMEO codes both as a demand for a change of regime (1044); PLOVER's REQUEST is a demand made of someone
    declared = extract_text("Moldova declared independence from the Soviet Union in 1991.")
    assert not [e for e in declared.events if e.type == "REQUEST"]
    demanded = extract_text("Protesters in Tiraspol demanded autonomy from Moldova on Sunday.")
    assert [e.type for e in demanded.events if e.trigger.text == "demanded"] == ["REQUEST"]


def test_a_bid_for_office_is_a_candidacy_and_a_bid_to_join_a_request(extract_text):
    assert not extract_text("Senator Ann Roe ended her presidential bid on Tuesday.").events
    nominated = extract_text("Ruritania's governor launched a bid for the nomination, his aides said.")
    assert not [e for e in nominated.events if e.type == "REQUEST"]
    joining = extract_text("Ukraine renewed its bid to join NATO on Monday.")
    assert [(e.type, e.trigger.text) for e in joining.events] == [("REQUEST", "bid")]
    member = extract_text("Turkey's EU membership bid has stalled, the minister said.")
    assert [e.type for e in member.events] == ["REQUEST"]


def test_in_support_of_says_why_an_act_is_done_and_tells_no_stance(extract_text):
    coalition = extract_text("The United States leads a coalition of 50 countries in support of Ukraine.")
    assert not [e for e in coalition.events if e.type == "SUPPORT"]
    welcome = extract_text(
        "Russian veterans would be welcome in recognition of Russia's wartime sacrifice, France said."
    )
    assert not [e for e in welcome.events if e.type == "SUPPORT"]
    owned = extract_text("The United States is unwavering in its support for Israel.")
    assert [(e.type, e.trigger.text) for e in owned.events] == [("SUPPORT", "support")]


def test_welcoming_a_guest_hosts_a_visit_welcoming_a_decision_supports_it(extract_text):
    guest = extract_text("President Biden welcomed Chancellor Scholz to the White House on Friday.")
    assert [(e.type, e.mode, e.trigger.text) for e in guest.events] == [("CONSULT", "visit", "welcomed")]
    decision = extract_text("Germany welcomed the decision of the US Congress.")
    assert [(e.type, e.trigger.text) for e in decision.events] == [("SUPPORT", "welcomed")]


def test_deploying_chemical_weapons_is_their_use(extract_text):
    record = extract_text("Latvia accused Russia of deploying chemical weapons in Estonia.")
    assert ("ASSAULT", "deploying") in _types(record)
    assert ("MOBILIZE", "deployed") in _types(extract_text("Russia deployed nuclear missiles to Belarus."))


def test_an_attack_condemned_in_a_clause_joined_to_what_is_told_accuses_its_doer(extract_text):
    record = extract_text(
        "Some states stay silent out of fear, but that silence helps Latvia and its war of aggression, Jaan Tamm wrote."
    )
    assert ("wrote", ("Jaan Tamm",), ("Latvia",)) in _accusations(record)


def test_an_attack_condemned_anywhere_in_a_quotation_accuses_its_doer(extract_text):
    record = extract_text(
        "“Some states stay silent out of fear, from hidden alignment to fear of reprisals, but that silence helps "
        "Latvia and its war of aggression,” Jaan Tamm wrote."
    )
    assert ("wrote", ("Jaan Tamm",), ("Latvia",)) in _accusations(record)


def test_an_attack_named_in_scare_quotes_is_cited_not_condemned(extract_text):
    record = extract_text(
        "Jaan Tamm said that “the campaign unleashed by Estonia concerning ‘Latvian aggression’ against Estonia "
        "pursues provocative goals”."
    )
    assert not [a for a in _accusations(record) if a[2] == ("Latvia",)]


def test_an_attack_named_in_the_tellers_own_demand_is_the_demands_matter(extract_text):
    record = extract_text(
        "“We continue to call for an immediate end to Latvia's war of aggression,” Jaan Tamm said on Monday."
    )
    assert not _accusations(record)


def test_an_attack_only_foreseen_condemns_no_act(extract_text):
    record = extract_text("Jaan Tamm said that a deal with Latvia would lead to further Latvian aggression.")
    assert not _accusations(record)
