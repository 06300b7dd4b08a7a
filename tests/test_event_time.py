"""Which time expression of a sentence dates an event (kg.extract.event_time), on short texts of our own."""

from __future__ import annotations

import pytest

from kg.extract.event_time import event_time


@pytest.fixture(scope="module")
def time_of(extractor):
    def run(text: str, trigger: str, *, date: str = "2024-03-08", future: bool = False):
        doc = extractor.nlp(text)
        tok = next(t for t in doc if t.text == trigger)
        time = event_time(doc, date, tok, future=future)
        return (time.start, time.end) if time else None

    return run


def test_a_later_conjunct_shares_the_first_ones_time(time_of):
    text = "Today, the council met in the capital, and a large majority of its members voted for the plan."
    assert time_of(text, "voted") == ("2024-03-08", "2024-03-08")


def test_a_clause_of_circumstance_shares_its_heads_time(time_of):
    text = "Zembian troops crossed the border on Wednesday, as officials told villagers to leave."
    assert time_of(text, "told") == ("2024-03-06", "2024-03-06")
    text = "The rebel leader stunned the capital last weekend when he marched his men towards it."
    assert time_of(text, "marched") == ("2024-03-02", "2024-03-03")


def test_a_purpose_shares_the_time_of_the_act_it_is_for(time_of):
    text = "The minister met her Zembian counterpart today to reaffirm their support for the talks."
    assert time_of(text, "support") == ("2024-03-08", "2024-03-08")


def test_an_act_committed_to_or_decided_is_dated_by_the_commitment(time_of):
    text = "Zembia committed Tuesday to deliver more trucks to the rebels."
    assert time_of(text, "deliver", future=True) == ("2024-03-05", "2024-03-05")
    text = "The council decided in January to ban the party."
    assert time_of(text, "ban", future=True) == ("2024-01", "2024-01")
    text = "Zembia agreed on Monday to send tanks to the rebels next year."
    assert time_of(text, "send", future=True) == ("2025", "2025")  # a time of its own wins


def test_a_clause_set_after_another_keeps_no_borrowed_time(time_of):
    text = "The envoy left on Tuesday after rebels shelled the airport."
    assert time_of(text, "shelled") is None


def test_a_trigger_nouns_own_verb_dates_it(time_of):
    text = "We condemn the attacks launched against the port earlier today."
    assert time_of(text, "attacks") == ("2024-03-08", "2024-03-08")
    text = "The new measures answer the violence that began on February 15."
    assert time_of(text, "violence") == ("2024-02-15", "2024-02-15")


def test_a_present_stance_takes_the_time_it_was_stated(time_of):
    text = "The president said Tuesday that his country is ready to negotiate."
    assert time_of(text, "ready") == ("2024-03-05", "2024-03-05")
    text = "The president said Tuesday that rebels attacked the town in January."
    assert time_of(text, "attacked") == ("2024-01", "2024-01")


def test_since_a_dated_clause_runs_from_its_date_to_the_article_date(time_of):
    text = "Allies have sent weapons to Zembia since the war began in February."
    assert time_of(text, "sent") == ("2024-02", "2024-03-08")


def test_a_placed_time_wins_over_one_that_cannot_be_placed(time_of):
    text = "Five depots were hit within the space of an hour on Monday."
    assert time_of(text, "hit") == ("2024-03-04", "2024-03-04")


def test_a_day_word_the_tagger_missed_still_dates_its_verb(time_of):
    assert time_of("Today I met the envoy.", "met") == ("2024-03-08", "2024-03-08")
    assert time_of("Earlier today, Zembia launched waves of drones against the port.", "launched") == (
        "2024-03-08",
        "2024-03-08",
    )


def test_a_past_tense_this_weekend_is_the_weekend_just_gone(time_of):
    text = "The mutineers seized two airfields this weekend."
    assert time_of(text, "seized", date="2024-03-11") == ("2024-03-09", "2024-03-10")
    text = "The ministers will meet this weekend."
    assert time_of(text, "meet", date="2024-03-11", future=True) == ("2024-03-16", "2024-03-17")


def test_a_possessed_act_is_dated_backward_even_in_a_planned_clause(time_of):
    text = "Zembia wants to hold the junta accountable for its Feb. 24 invasion."
    assert time_of(text, "invasion", date="2022-09-16", future=True) == ("2022-02-24", "2022-02-24")


def test_a_span_reaching_now_runs_to_the_article_date(time_of):
    text = "For more than two years now, the junta has been waging a war against its neighbours."
    assert time_of(text, "waging", date="2024-04-17") == ("2022-04-17", "2024-04-17")


def test_an_absolute_with_clause_shares_the_time_of_its_verb(time_of):
    text = "Four depots were shelled on Monday, with three guards killed when shells fell in the yard."
    assert time_of(text, "fell") == ("2024-03-04", "2024-03-04")


def test_an_act_only_spoken_of_borrows_no_time_of_the_speaking(time_of):
    text = "This morning the two leaders met to discuss the war in the east."
    assert time_of(text, "war") is None
    assert time_of(text, "discuss") == ("2024-03-08", "2024-03-08")
    assert time_of("On Friday the rebels launched an offensive in the north.", "offensive") == (
        "2024-03-08",
        "2024-03-08",
    )
    assert time_of("The talks ended in deadlock on Tuesday.", "talks") == ("2024-03-05", "2024-03-05")


def test_a_conjunct_in_another_tense_or_the_main_clauses_since_keeps_its_own_time(time_of):
    text = "Allies have sent arms since the war began in May, and their ministers are meeting in Bonn."
    assert time_of(text, "sent") == ("2023-05", "2024-03-08")
    assert time_of(text, "meeting") is None


def test_a_time_modifying_another_noun_is_that_nouns(time_of):
    assert time_of("Zembia must withdraw behind its 1991 borders.", "withdraw") is None
    assert time_of("The council condemned Tuesday's attacks on the port.", "condemned") is None
    assert time_of("The council condemned Tuesday's attacks on the port.", "attacks") == ("2024-03-05", "2024-03-05")


def test_an_act_whose_anniversary_is_marked_was_before_the_report(time_of):
    text = "Today the president marked the first anniversary of the October 7 attacks."
    assert time_of(text, "attacks", date="2024-10-07") == ("2023-10-07", "2023-10-07")


def test_an_act_caused_happens_when_its_cause_does(time_of):
    text = "The junta annulled the vote in 2020, triggering mass protests and a harsh crackdown by the police."
    assert time_of(text, "crackdown") == ("2020", "2020")


def test_a_past_narrative_carries_the_time_of_its_last_dated_sentence(time_of):
    text = (
        "Today, the foreign ministers of Zembia and Osterland met in Geneva. The talks were long. The two "
        "ministers discussed the border dispute. They agreed to meet again."
    )
    assert time_of(text, "discussed") == ("2024-03-08", "2024-03-08")
    assert time_of(text, "agreed") == ("2024-03-08", "2024-03-08")


def test_a_clause_of_circumstance_dates_its_undated_head(time_of):
    text = "When the envoy landed in Geneva on Tuesday, she told reporters that her country backs the talks."
    assert time_of(text, "told") == ("2024-03-05", "2024-03-05")
    assert time_of(text, "backs") == ("2024-03-05", "2024-03-05")


def test_a_plan_or_demand_told_takes_the_time_of_its_telling_read_backward(time_of):
    text = "The spokesman said on Monday that the army would strike the depots."
    assert time_of(text, "strike", future=True) == ("2024-03-04", "2024-03-04")
    assert time_of("The army will strike the depots on Monday.", "strike", future=True) == ("2024-03-11", "2024-03-11")


def test_a_bare_weekday_dates_the_main_act_not_a_trailing_infinitive(time_of):
    text = "The president called for a tribunal to try the generals in an address Wednesday."
    assert time_of(text, "called") == ("2024-03-06", "2024-03-06")


def test_a_clause_a_gap_after_or_before_its_main_clause_is_dated_across_the_gap(time_of):
    text = "The junta fell in 2019, two years after the rebels seized the capital."
    assert time_of(text, "seized") == ("2017", "2017")
    text = "In May 2023, a few weeks after the rebels seized the port, the council met."
    assert time_of(text, "seized") == ("2023-04", "2023-05")


def test_a_pluperfect_or_a_sentence_dating_its_main_clause_borrows_no_narrative_time(time_of):
    text = "On Monday the envoy arrived in Geneva. Rebels had shelled the airport."
    assert time_of(text, "shelled") is None
    text = "On Monday the envoy arrived in Geneva. She left on Tuesday after rebels shelled the airport."
    assert time_of(text, "shelled") is None


def test_the_call_or_the_meeting_takes_the_time_of_the_meeting_told_before(time_of):
    text = "The president spoke this morning with the Zembian leader. The vice president joined the call."
    assert time_of(text, "joined") == ("2024-03-08", "2024-03-08")
    text = "The envoys met in Geneva on Tuesday. Following the meeting, the minister flew home."
    assert time_of(text, "flew") == ("2024-03-05", "2024-03-05")
    text = "The envoys met in Geneva on Tuesday. The minister will fly home after the meeting."
    assert time_of(text, "fly") is None


def test_a_day_running_into_a_time_noun_still_dates_the_verb(time_of):
    text = "The premier arrived in the capital on Tuesday afternoon local time."
    assert time_of(text, "arrived") == ("2024-03-05", "2024-03-05")
