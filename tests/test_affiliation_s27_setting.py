"""Session 27, issue 13: citizens and witnesses are people of the place where the story happens.

Tables of text -> (affiliation, role, side) of a speaker, with cases that must stay empty; sentences
are made up after the error classes of the seen five-country and RUWA samples."""

from __future__ import annotations

import pytest
from _helpers import speaker_reading

_row = speaker_reading


SETTING = [
    # the headline's capital is where the story happens, not the state that warns
    ("Kyiv stresses calm even as U.S. warns Russian invasion could be imminent\n"
     "“The West and Putin are playing each other’s nerves,” one resident told NBC News.",
     "msnbc.com", "one resident", ("UA", "citizen_or_witness", "Ukraine")),
    # the lede's city, read as the headline of a story without one
    ("Thousands of people marched across Kyiv on Saturday to show unity.\n\n"
     "“Panic is useless,” said student Maria Shcherbenko.",
     "", "student Maria Shcherbenko", ("UA", "citizen_or_witness", "Ukraine")),
    # a province in the speaker's own sentence
    ("Officials reported new strikes.\n\nIn Kharkiv, residents said the shelling went on all night.",
     "", "residents", ("UA", "citizen_or_witness", "Ukraine")),
]

STAYS_EMPTY = [
    # a country named by its name only is no setting, nor is the outlet's state
    ("U.S. warns of imminent invasion\n“We are tired,” one resident told NBC News.",
     "msnbc.com", "one resident"),
    # towns of two states in the headline: no one setting
    ("From Kyiv to Moscow, fear of a wider war\n“We are tired,” one resident said.", "", "one resident"),
    # a seat that is a building is no town ("the Kremlin")
    ("Kremlin rejects talks\n“We are tired,” one resident said.", "", "one resident"),
]


@pytest.mark.parametrize(("text", "source", "speaker", "expected"), SETTING)
def test_citizen_takes_the_setting(text, source, speaker, expected):
    assert _row(text, speaker, source) == expected


@pytest.mark.parametrize(("text", "source", "speaker"), STAYS_EMPTY)
def test_citizen_setting_stays_empty(text, source, speaker):
    aff, role, side = _row(text, speaker, source)
    assert (aff, role, side) == ("", "citizen_or_witness", "other")


# British house style writes acronyms said as words in title case: "Nato", "Tass", "Unicef"
TITLE_CASE_ACRONYMS = [
    ("Nato's secretary general said the alliance would not be drawn in.", "Nato's secretary general", "NATO"),
    ("The strikes went on overnight, Tass reported.", "Tass", "RU"),
    ("Unicef said 500 children had been killed.", "Unicef", "UN"),
]


@pytest.mark.parametrize(("text", "speaker", "affiliation"), TITLE_CASE_ACRONYMS)
def test_title_case_acronyms(text, speaker, affiliation):
    assert _row(text, speaker, headline=False)[0] == affiliation


def test_title_case_acronym_is_no_common_word():
    # "Pace" stays a word: only acronyms never written as words are listed in title case (PACE is not)
    assert _row("Pace of the advance slowed sharply, officials said.", "officials", headline=False)[0] == ""


# a document named before speaks for its issuer: the speaker whose cue named it, or the one state
# or organisation of the sentence that named it
ISSUER = [
    ("The Russian Foreign Ministry said in a statement that the British ambassador was summoned.\n\n"
     "“This is unacceptable,” the statement continued.", "the statement", ("RU", "document_or_report", "Russia")),
    ("PACE adopted a resolution on Thursday.\n\nThe resolution says the tribunal must be set up.",
     "The resolution", ("COE", "document_or_report", "other")),
]
ISSUER_EMPTY = [
    # two states in the sentence that named it, and no speaker's cue holds it
    ("Russia and Ukraine signed a statement on grain.\n\nThe statement said exports would resume.",
     "The statement"),
    # named nowhere before
    ("Exports fell sharply.\n\nThe statement said exports would resume.", "The statement"),
    # an indefinite document is a new one, not the one named before
    ("The Russian Foreign Ministry said in a statement that talks failed.\n\nA statement said exports would resume.",
     "A statement"),
]


@pytest.mark.parametrize(("text", "speaker", "expected"), ISSUER)
def test_document_speaks_for_its_issuer(text, speaker, expected):
    assert _row(text, speaker, headline=False) == expected


@pytest.mark.parametrize(("text", "speaker"), ISSUER_EMPTY)
def test_document_issuer_stays_empty(text, speaker):
    assert _row(text, speaker, headline=False)[0] == ""


# bare "analysts" / "experts" right after an expert body is quoted are that body's staff
STAFF = [
    ("The Institute for the Study of War said Russia was preparing a new offensive.\n\n"
     "In particular, analysts pointed out that the strikes on TV towers were part of it.", "analysts", "US"),
]
STAFF_EMPTY = [
    # no expert body quoted before
    ("Russia was preparing a new offensive.\n\nIn particular, analysts pointed out that it had stalled.",
     "analysts"),
    # an expert body quoted long before (more than a few sentences)
    ("The Institute for the Study of War said Russia was preparing a new offensive. " + "The war went on. " * 40
     + "\n\nAnalysts said the strikes had stalled.", "Analysts"),
    # staff with a state of their own keep it
    ("The Institute for the Study of War said Russia was preparing a new offensive.\n\n"
     "Russian analysts said it had stalled.", "Russian analysts"),
]


@pytest.mark.parametrize(("text", "speaker", "affiliation"), STAFF)
def test_bare_experts_are_the_staff_of_the_body_before(text, speaker, affiliation):
    assert _row(text, speaker, headline=False)[0] == affiliation


@pytest.mark.parametrize(("text", "speaker"), STAFF_EMPTY)
def test_bare_experts_stay_unplaced_or_own(text, speaker):
    aff = _row(text, speaker, headline=False)[0]
    assert aff == ("RU" if speaker.startswith("Russian") else "")


def test_a_clause_after_the_comma_is_no_appositive():
    # "According to the resolution, a free Ukraine is one of ...": the clause is content, not a title of
    # the resolution; the resolution is the Polish Senate's
    text = ("The upper house of the Polish parliament, the Senate, has passed a resolution in support of Ukraine.\n\n"
            "No one voted against the resolution, according to an Ukrinform correspondent.\n\n"
            "According to the resolution, a free Ukraine is one of the guarantors of Poland's security.")
    assert _row(text, "the resolution", "ukrinform.net", headline=False)[0] == "PL"
    # a witness whose sentence goes on to name who acts is no one of that state
    text = ("In recent months, according to witnesses, Russian military contractors have mounted violent raids "
            "on goldmines in the east of the country.")
    assert _row(text, "witnesses", headline=False)[0] == ""


def test_a_generic_noun_with_a_name_of_its_own_is_another_body():
    text = ("The Guardian said the talks had failed.\n\nThe newspaper said the ceasefire was over.\n\n"
            "The Pskovskaya Guberniya newspaper reported that paratroopers had died.")
    assert _row(text, "The newspaper", headline=False)[0] == "GB"
    assert _row(text, "The Pskovskaya Guberniya newspaper", headline=False)[0] == ""


# an outlet of a state at war, in an article about that state, names the state it fights as the
# subject of its officials' reports; that state's towns and government still place their own officials
WAR_PARTY_HOME = [
    ("Russians pushed back in three directions, partially succeed near Avdiivka – General Staff\n"
     "The enemy lost 300 soldiers.", "ukrinform.net", "General Staff", "UA"),
    ("Russians are regrouping to attack in eastern Ukraine, - General Staff\nText.", "censor.net",
     "General Staff", "UA"),
]
WAR_PARTY_KEEPS = [
    ("Kremenchug mall disregarded air alert, city authorities say\nThe mall did not close during air alerts, "
     "city mayor Vitaly Maletsky revealed.", "tass.com", "city mayor Vitaly Maletsky", "RU"),
    ("Kiev wants to introduce criminal liability for obtaining citizenship from the aggressor state, the deputy "
     "prime minister said.", "rt.com", "the deputy prime minister", "RU"),
]


@pytest.mark.parametrize(("text", "source", "speaker", "affiliation"), WAR_PARTY_HOME)
def test_war_party_outlet_reads_the_enemy_as_subject(text, source, speaker, affiliation):
    assert _row(text, speaker, source)[0] == affiliation


@pytest.mark.parametrize(("text", "source", "speaker", "not_affiliation"), WAR_PARTY_KEEPS)
def test_enemy_towns_and_government_place_their_officials(text, source, speaker, not_affiliation):
    assert _row(text, speaker, source, headline=False)[0] != not_affiliation
