"""In a transcript where several people speak, each turn is its speaker's telling: what others did, she tells
(kg.extract.dialogue). A text in one voice stays the text's own voice. Short texts written for these tests."""

from __future__ import annotations

import pytest

_MEETING = "Remarks by President Biden and Chancellor Scholz of Germany Before Bilateral Meeting"


@pytest.fixture(scope="module")
def told(extractor):
    from kg.graph.records import Article

    def run(title: str, text: str) -> dict[str, tuple]:
        record = extractor.extract(Article("d", text, title=title, source="The White House", date="2031-03-04"))
        names = {e.id: e.name for e in record.entities}
        return {
            e.trigger.text: ({names[a] for a in e.actors}, tuple(names[s] for s in e.sources)) for e in record.events
        }

    return run


def test_what_a_speaker_of_a_transcript_tells_of_others_is_hers(told):
    found = told(
        _MEETING,
        "PRESIDENT BIDEN: Welcome, Chancellor. I remember the winter.\n\nLast year Russia was massing its troops on "
        "the border of Ukraine. You shipped tanks to Ukraine.\n\nCHANCELLOR SCHOLZ: Thank you, Mr. President. I am "
        "glad.\n\nRussia invaded Ukraine in February.",
    )
    assert found["massing"] == ({"Russia"}, ("Joe Biden",))
    assert found["shipped"] == ({"Olaf Scholz"}, ("Joe Biden",))
    assert found["invaded"] == ({"Russia"}, ("Olaf Scholz",))


def test_a_speakers_own_acts_and_her_sides_keep_no_source(told):
    found = told(
        _MEETING,
        "PRESIDENT BIDEN: I condemn the attack on Ukraine. We sent tanks to Ukraine.\n\nCHANCELLOR SCHOLZ: I agree."
        "\n\nGermany shipped money to Ukraine.",
    )
    assert found["condemn"][1] == ()
    assert found["sent"] == ({"Joe Biden"}, ())
    assert found["shipped"] == ({"Germany"}, ())


def test_remarks_by_one_speaker_are_the_texts_own_voice(told):
    found = told(
        "Remarks by President Biden on Ukraine",
        "THE PRESIDENT: Good morning.\n\nRussia invaded Ukraine in February.\n\nQ Will you send aid?\n\nTHE "
        "PRESIDENT: Yes.\n\nGermany shipped tanks to Ukraine.",
    )
    assert found["invaded"][1] == ()
    assert found["shipped"][1] == ()


def test_a_spokespersons_briefing_is_the_bodys_voice(told):
    found = told(
        "Press Briefing by Press Secretary Karine Jean-Pierre and National Security Advisor Jake Sullivan",
        "MS. JEAN-PIERRE: Good afternoon, everyone. I am glad to welcome Jake to the briefing room today.\n\nRussia "
        "invaded Ukraine in February.\n\nMR. SULLIVAN: Thank you, Karine. I am glad to be here with all of you."
        "\n\nRussia shelled the city of Kharkiv.",
    )
    assert found["invaded"][1] == ()
    assert found["shelled"][1] == ()
