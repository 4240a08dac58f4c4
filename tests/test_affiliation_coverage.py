"""Session 23 coverage rules for issue 13: tables of text -> (speaker, affiliation, role, side),
and cases that must stay empty or find no source."""

from __future__ import annotations

import pandas as pd
import pytest

from contrast.affiliation import describe
from contrast.extract import extract_text


def _rows(text: str, headline: bool = True) -> list[tuple[str, int, str, str, str]]:
    """(speaker, speaker offset, affiliation, role, side) of every attribution row, in text order."""
    ev = extract_text(text, headline=headline, families=["attribution"])
    ev = ev[ev["speaker_start"].notna()].sort_values("speaker_start")
    return [(str(r.speaker), int(r.speaker_start),
             *("" if pd.isna(v) else str(v) for v in (r.affiliation, r.role, r.actor)))
            for r in ev.itertuples()]


# a lede that repeats the headline repeats its colon and dash sources
REPEATED = [
    ("Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky (04.05.22 23:58)\n"
     "04.05.22 23:58 - Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky. "
     "The Russian occupiers continue to fire rockets.",
     ("Zelensky", "UA", "head_of_state_or_government", "Ukraine")),
    ("Summary of the General Staff: The course of hostilities in Ukraine (23.07.22 07:16)\n"
     "23.07.22 07:16 - Summary of the General Staff: The course of hostilities in Ukraine. The day began.",
     ("General Staff", "UA", "military", "Ukraine")),
]


@pytest.mark.parametrize("text, expected", REPEATED, ids=["dash", "colon"])
def test_a_lede_repeating_the_headline_repeats_its_source(text, expected):
    rows = _rows(text)
    line_end = text.index("\n")
    copies = [r for r in rows if r[1] > line_end]
    assert [r for r in rows if r[1] < line_end], "the headline's own source is found"
    assert len(copies) == 1
    assert (copies[0][0], *copies[0][2:]) == expected


REPEATED_NOT = [
    # the lede does not repeat the headline word for word
    "Zelensky Volodymyr: Russia has already fired 1993 missiles at Ukraine - Zelensky\n"
    "Russia has fired many missiles, the Ukrainian leader said on Wednesday - and more will come.",
    # too short a headline part to tell a copy from a later use of the same words
    "Kuleba: No\nThe minister said Kuleba: No was his answer.",
    # the copy is too far into the article
    "Kuleba: Russia must withdraw its troops now\n" + "Other news of the day. " * 40
    + "Kuleba: Russia must withdraw its troops now, he repeated.",
]


@pytest.mark.parametrize("text", REPEATED_NOT, ids=["no copy", "short", "far"])
def test_no_copy_no_repeated_source(text):
    line_end = text.index("\n")
    assert not [r for r in _rows(text) if r[1] > line_end and r[0] in {"Zelensky", "Kuleba"}]


# acronyms written with full stops are the same organisation
DOTTED = [
    ("a top E.U. official", ("EU", "ngo_or_international")),
    ("E.U. foreign ministers", ("EU", "ngo_or_international")),
    ("the O.S.C.E. mission", ("OSCE", "ngo_or_international")),
]


@pytest.mark.parametrize("phrase, expected", DOTTED)
def test_dotted_acronyms(phrase, expected):
    assert describe(phrase) == expected


@pytest.mark.parametrize("phrase", ["E.g. officials", "U.S.S.R. veterans", "A.B. officials"])
def test_dotted_words_that_are_no_acronym_of_the_gazetteer_stay_empty(phrase):
    assert describe(phrase)[0] == ""


def test_dotted_acronym_in_a_headline_gives_side():
    assert _rows("E.U. announces plans to help Ukraine, blocks airspace", headline=False)[0][2:] == \
        ("EU", "ngo_or_international", "West")


# a source after a headline's last colon: a short phrase headed by a source noun
TRAILING = [
    ("Hundreds buried in mass grave in Bucha, near Kyiv: Mayor\nThe town's streets are littered with corpses.",
     ("Mayor", "UA", "local_official", "Ukraine")),
    ("Russia must ensure British fighters not executed: European court\n"
     "The European Court of Human Rights orders Russia to ensure two Britons do not face the death penalty.",
     ("European court", "COE", "other", "other")),  # (the lede's "orders Russia" is no title of the court)
    ("Russian missile attacks kill 19 in Odesa: Ukrainian officials\nThe strikes hit a nine-storey building.",
     ("Ukrainian officials", "UA", "minister_or_official", "Ukraine")),
    ("Russian takeover of Chernobyl was very dangerous: IAEA chief (26.04.22 10:00) « War in Ukraine\nMore follows.",
     ("IAEA chief", "IAEA", "ngo_or_international", "other")),
]


@pytest.mark.parametrize("text, expected", TRAILING, ids=[t[1][0] for t in TRAILING])
def test_a_source_after_the_headlines_last_colon(text, expected):
    rows = [r for r in _rows(text) if r[1] < text.index("\n")]
    assert [(r[0], *r[2:]) for r in rows] == [expected]


TRAILING_NOT = [
    "Live updates from the front: Kyiv\nShelling continued overnight.",  # a place alone
    "Ukraine latest updates: Russia is failing\nThe war goes on.",  # a clause
    "Factbox: what is Ukraine's Azov Regiment?\nThe regiment is a unit.",  # a question
    "Russia-Ukraine war: list of key events, day 100\nHere are the events.",  # a list label
    "Ukraine war: Bakhmut\nFighting goes on.",  # too short a statement, a name alone
    # a topic, not a source: a participle or noun before a source noun, an "of" phrase
    "Russia is killing civilians: Killed civilians (23.08.22 08:07) « War in Ukraine\nMore follows.",
    "The course of hostilities in Ukraine: Retreat of Russian troops\nMore follows.",
]


@pytest.mark.parametrize("text", TRAILING_NOT, ids=["place", "clause", "question", "list", "name", "topic",
                                                    "of"])
def test_no_source_after_a_colon_that_names_none(text):
    line_end = text.index("\n")
    assert not [r for r in _rows(text) if r[1] < line_end and r[1] > text.index(":")]


# a speaker phrase coordinating several states (or a state and "the West") has no one affiliation
# or side: neither the sentence's state, nor the first name the actor dictionary finds in it
COORDINATED = [
    "Russia and Ukraine said the talks would resume.",
    "Kiev and the West say Russia is to blame.",
    "Kyiv and NATO said the drills were defensive.",
    "Russian and Ukrainian officials have accused each other of shelling the plant near Kyiv.",
    "Russia and China said the sanctions were illegal.",
]


@pytest.mark.parametrize("text", COORDINATED, ids=[t[:20] for t in COORDINATED])
def test_coordinated_states_give_no_side(text):
    r = _rows(text, headline=False)[0]
    assert (r[2], r[4]) == ("", "other")


KEEP_ONE = [
    ("Ukraine and its allies said the vote was a sham.", ("UA", "Ukraine")),  # its allies: Ukraine's
    ("The Ministry of Defence and Security of Ukraine said it was ready.", ("UA", "Ukraine")),  # one name
    ("Ukraine said the West must act.", ("UA", "Ukraine")),  # the West is in the content
]


@pytest.mark.parametrize("text, expected", KEEP_ONE, ids=[t[0][:20] for t in KEEP_ONE])
def test_one_state_with_its_own_allies_keeps_it(text, expected):
    r = _rows(text, headline=False)[0]
    assert (r[2], r[4]) == expected


def test_an_election_commission_head_takes_the_sentences_state_and_carries_it():
    text = ("The voter turnout in Ukraine was over 60 percent, said Mykhailo Okhendovskyi, the head of the "
            "Central Election Commission. Data came from 188 constituencies, he said. "
            "\"The turnout was over 60 percent,\" Okhendovskyi said.")
    rows = _rows(text, headline=False)
    assert [(r[2], r[3], r[4]) for r in rows] == [("UA", "minister_or_official", "Ukraine")] * 3


CONFLICT_BODIES = [
    ("JFO report: Occupiers violate ceasefire near Stanytsia Luhanska", ("UA", "Ukraine")),
    ("The State Bureau of Investigation documented the crimes committed in Irpin.", ("UA", "Ukraine")),
    ("The Federal Bureau of Investigation said the hackers were caught.", ("US", "West")),
]


@pytest.mark.parametrize("text, expected", CONFLICT_BODIES, ids=["JFO", "SBI", "FBI"])
def test_conflict_bodies_in_the_aliases(text, expected):
    r = _rows(text, headline=True)[0]
    assert (r[2], r[4]) == expected


@pytest.mark.parametrize("text", [
    "The election commission said the vote was fair.",  # no state named
    "Russia and Ukraine traded blame, the head of the election commission said.",  # two states
])
def test_an_election_commission_without_one_state_stays_empty(text):
    r = _rows(text, headline=False)[-1]
    assert (r[2], r[4]) == ("", "other")


QUOTED_AS = [
    ('"Forces have been brought in," Interfax news agency quoted , Ukraine\'s interior minister, '
     "Arsen Avakov, as saying on his Facebook page.",
     ("Ukraine's interior minister, Arsen Avakov", "UA", "minister_or_official", "Ukraine")),
    ("RIA Novosti quoted a senior Russian diplomat as saying that Moscow would respond.",
     ("a senior Russian diplomat", "RU", "diplomat", "Russia")),
]


@pytest.mark.parametrize("text, expected", QUOTED_AS, ids=["Avakov", "diplomat"])
def test_the_person_a_medium_quotes_as_saying_is_a_source(text, expected):
    ev = extract_text(text, headline=False, families=["attribution"])
    hit = ev[ev["cue"] == "as saying"]
    assert len(hit) == 1
    r = hit.iloc[0]
    assert (r["speaker"], r["affiliation"], r["role"], r["actor"]) == expected


@pytest.mark.parametrize("text", [
    "Reuters quoted the figures as showing a decline.",  # not "as saying"
    "The paper quoted it as saying nothing.",  # no source phrase
    "He quoted Shakespeare at length, as saying goes.",  # not right after the cue
])
def test_no_quoted_person_without_quoted_np_as_saying(text):
    ev = extract_text(text, headline=False, families=["attribution"])
    assert not (ev["cue"] == "as saying").any()


RELATIVE = [
    ('Among the demonstrators was Ukrainian opposition leader Vitaly Klitschko, who said "We will win."',
     ("UA", "Ukraine")),
    ("The claim was corroborated by interviews with Russian soldiers who said they fought there.",
     ("RU", "Russia")),
    ("It angered residents who say the plant is unsafe.", ("", "other")),  # no state told
]


@pytest.mark.parametrize("text, expected", RELATIVE, ids=["Klitschko", "soldiers", "residents"])
def test_a_relative_who_speaker_reads_its_antecedent(text, expected):
    r = _rows(text, headline=False)[-1]
    assert r[0] == "who" and (r[2], r[4]) == expected


def test_a_bodys_long_full_name_before_a_headline_colon_is_its_source():
    text = ("The General Staff of the Armed Forces of Ukraine: Ukrainian defenders repelled the attacks\n"
            "More follows.")
    assert [(r[0], *r[2:]) for r in _rows(text)] == [
        ("The General Staff of the Armed Forces of Ukraine", "UA", "military", "Ukraine")]


@pytest.mark.parametrize("text", [
    # a long label with lower-case words is a topic, not a name
    "The situation in the east of the country after the retreat: what we know\nMore follows.",
    "The long road of the war in the Donbas and Crimea: a timeline\nMore follows.",
])
def test_a_long_topic_before_a_headline_colon_is_no_source(text):
    assert not [r for r in _rows(text) if r[1] < text.index(":")]


def test_a_possessive_source_noun_after_a_dash_and_occupants_are_the_side_that_fights():
    text = ("War in Ukraine: Russian occupants failed to capture Izium, severe fighting near city, - "
            "mayor's office (30.03.22 23:25)\nMore follows.")
    assert [(r[0], *r[2:]) for r in _rows(text)] == [("mayor's office", "UA", "local_official", "Ukraine")]


@pytest.mark.parametrize("text", [
    "Russian invaders shelled the town, officials said.",  # only the side that fights
    "Russian occupants left the city, the mayor's office said.",
])
def test_invaders_and_occupants_tell_no_officials_state(text):
    r = _rows(text, headline=False)[-1]
    assert (r[2], r[4]) == ("", "other")


def test_a_states_officials_or_experts_before_a_headline_colon_are_its_source():
    text = "Russian experts: fakes in Bucha are a tool to implement a scheme\nMore follows."
    assert [(r[0], *r[2:]) for r in _rows(text)] == [("Russian experts", "RU", "expert_or_analyst", "Russia")]


@pytest.mark.parametrize("text", [
    "Russian troops: a guide to the units\nMore follows.",  # troops: a topic
    "Russian experts in the field of arms control and their views: a list\nMore follows.",  # too long
])
def test_a_states_troops_before_a_headline_colon_are_a_topic(text):
    assert not [r for r in _rows(text) if r[1] < text.index(":")]


INSTALLED = [
    ("Moscow-appointed officials in Kherson said the evacuation had begun.", ("RU", "Russia")),
    ("The Kremlin-appointed head of Crimea said the vote was fair.", ("RU", "Russia")),
    ("Kyiv-appointed officials in the region said the town was shelled.", ("UA", "Ukraine")),
]


@pytest.mark.parametrize("text, expected", INSTALLED, ids=["Moscow", "Kremlin", "Kyiv"])
def test_an_authority_a_state_installed_or_appointed_is_that_states(text, expected):
    r = _rows(text, headline=False)[0]
    assert (r[2], r[4]) == expected


def test_an_appointment_word_without_a_state_tells_nothing():
    # "newly appointed" names no state; the town's officials stay with their place only
    r = _rows("Newly appointed officials said the evacuation had begun.", headline=False)[0]
    assert (r[2], r[4]) == ("", "other")
