"""Session 28, helper B (place): speakers found but left without affiliation.

Tables of text -> (affiliation, role, side) of a speaker for each pattern, and cases that must not
fire; sentences are made up after the error classes of the seen sets (2014 crisis articles,
PolNeAR, five-country war articles)."""

from __future__ import annotations

import pytest
from _helpers import speaker_reading

_row = speaker_reading

PLACED = [
    # "X-based": a body or person based in a state's town or country is of that state
    ("Officials met.\nThe law will hurt families, said Grigory Pasko, director of the Moscow-based "
     "Foundation for Investigative Journalism.", "", "Grigory Pasko", ("RU", "", "Russia")),
    ("Officials met.\nA Kyiv-based analyst said the war would go on.", "", "A Kyiv-based analyst",
     ("UA", "expert_or_analyst", "Ukraine")),
    # two titles of one person joined by "and": the second title's complement is the person's, and the
    # name is the span's, not the appositive's last capitalised words ("Investigative Journalism")
    ("Officials met.\nThe law will hurt families, said Grigory Pasko, a military journalist and director "
     "of the Moscow-based Foundation for Investigative Journalism.\nPasko said the state has all means.",
     "", "Pasko", ("RU", "journalist_or_media", "Russia")),
    # no-break spaces before the appositive's words (the 2014 articles)
    ("Officials met.\nThe law will hurt families, said Grigory Pasko, a\xa0military journalist and\xa0director "
     "of\xa0the Moscow-based Foundation for Investigative Journalism.", "", "Grigory Pasko",
     ("RU", "journalist_or_media", "Russia")),
    # a title between a quotation and the name
    ("Rally in Simferopol\n\"We will restore historic justice,\" the newly installed pro-Russian Prime "
     "Minister of Crimea, Mr Sergei Aksyonov, told the crowd.", "", "Mr Sergei Aksyonov",
     ("RU", "head_of_state_or_government", "Russia")),
    # an age and no title: a private person of the story's setting, here its dateline
    ("Rival rallies in Crimea\nSIMFEROPOL, Ukraine (AFP) - Thousands rallied on Sunday.\n"
     "\"We are here to honour Shevchenko,\" said Mr Svyatoslav Regushevsky, a 46-year-old who brought "
     "his son.", "", "Mr Svyatoslav Regushevsky", ("UA", "citizen_or_witness", "Ukraine")),
    ("Rival rallies in Crimea\nSIMFEROPOL, Ukraine (AFP) - Thousands rallied on Sunday.\n"
     "Asked why, 32-year-old Mr Anton Vlasenko said they were afraid.", "", "32-year-old Mr Anton Vlasenko",
     ("UA", "citizen_or_witness", "Ukraine")),
    # an age before an appositive is no part of it: the appositive still tells
    ("Tours of war\n\"It was fine,\" said Ivan Petrov, 46, the deputy mayor of Kharkiv.", "", "Ivan Petrov",
     ("UA", "local_official", "Ukraine")),
    # US party members without the party's full name
    ("Hearing delayed\nDemocrats called the contempt citation a political ploy.", "", "Democrats",
     ("US", "legislator", "West")),
    ("Pence on the debate\nOn Fox News Sunday, Republican vice-presidential nominee Gov. Mike Pence said "
     "the tweet was a joke.", "", "Republican vice-presidential nominee Gov. Mike Pence", ("US", "", "West")),
    # a national parliament or armed force by its own name
    ("Sanctions debate\nMembers of the House of Lords said the sanctions must go further.", "",
     "Members of the House of Lords", ("GB", "legislator", "West")),
    ("Tanks for Kyiv\nThe Bundeswehr said it has no more tanks to spare.", "", "The Bundeswehr",
     ("DE", "military", "West")),
    # the FT, an MEP
    ("Banks stay\nHSBC has 200 staff in Russia, according to the FT.", "", "the FT",
     ("GB", "journalist_or_media", "West")),
    ("MEP urges partners to send jets\nUkraine needs planes.", "", "MEP", ("EU", "legislator", "West")),
    # an appeal is a document, and "the appeal" refers back to its issuer
    ("Ceasefire holds\nThe Saturday appeal of the Ukrainian President Petro Poroshenko stated there is "
     "no military solution.\n\"No carping will stop me,\" the appeal said.", "", "the appeal",
     ("UA", "document_or_report", "Ukraine")),
    # a state that is the object of a speech act's verb is the other party: the headline's other state
    ("Ukraine crisis: Putin adviser accuses US of meddling\nProtests went on.\n"
     "A man was hurt, police confirmed.", "", "police", ("UA", "minister_or_official", "Ukraine")),
    # rebels in a story of the regions Russia has held since 2014: the Russian-backed side
    ("Rifts among insurgents\nDONETSK, Ukraine - Rebels bickered.\nThe rebel leadership also said this week "
     "it will pay its soldiers.", "", "The rebel leadership", ("RU", "military", "Russia")),
    # "he" after a sentence that opens with a titled name that was no speaker
    ("EU sanctions\nUkraine’s ambassador to the EU, Kostiantyn Yelisieiev, recently met EU states.\n"
     "He wrote that the event “should not be an occasion for twisting language”.\n"
     "He said “the word aggression should not be avoided”.", "", "He", ("UA", "diplomat", "Ukraine")),
    # "he" after a sentence whose one titled name has an appositive that tells a state
    ("China plan\nThis is the whole rhetoric, said about the end of the war, Dr. Marcin Zabodniak, China "
     "analyst at the Polish Institute of International Affairs.He added that the title is characteristic.",
     "", "He", ("PL", "expert_or_analyst", "West")),
    # an unnamed source of a state body is placed as an official is, its role staying other
    ("UK troops told to prepare\nIn London, a defence source said the tone of the message was unsurprising.",
     "", "a defence source", ("GB", "other", "West")),
    # a state the speaker's side is to face or defeat is the opponent, not the source's state
    ("Kyiv ready to face Russia in the south\nOfficials said the counter-offensive had begun.", "",
     "Officials", ("UA", "minister_or_official", "Ukraine")),
    # a name the person is better known by takes the person's appositive
    ("Rebels regroup\nGirkin, a Russian better known by his assumed name Strelkov, has attained hero status.\n"
     "Talks failed.\n\"The enemy sustained serious casualties,\" Strelkov said.", "", "Strelkov",
     ("RU", "", "Russia")),
    # a document with no owner and no earlier mention: the body quoted last
    ("Kremlin threats\nThe Institute for the Study of War (ISW) said this in a new assessment.\n"
     "\"Russia has used nuclear threats,\" the report said.", "", "the report",
     ("US", "document_or_report", "West")),
]

STAYS_EMPTY = [
    # a party name that several states' parties share is no American party
    ("Coalition talks\nThe Social Democrats said they would not join the government.", "", "The Social Democrats"),
    # a titled name inside what was said is not who says it
    ("Talks\n\"We met Dmytro Kuleba, Ukraine’s foreign minister, today,\" he said.", "", "he"),
    # rebels elsewhere, or a story that mentions Donbas only in passing further on
    ("Rifts among rebels in Syria\nThe rebel leadership also said this week it will pay its soldiers.", "",
     "The rebel leadership"),
    ("Rifts among rebels\n" + "The war goes on. " * 80 + "\nThe rebel leadership said it will pay its soldiers "
     "in Donbas.", "", "The rebel leadership"),
    # "and" between two titles only when a role noun ends before it: not "heads of state and government"
    ("EU summit\nThe heads of state and government of Germany stated that borders are not negotiable.",
     "", "The heads of state and government of Germany"),
    # no dateline, no town: a private person with an age stays without a state
    ("Talks go on\nProtesters marched.\n\"We are tired,\" said Mr Ivan Petrov, 46.", "", "Mr Ivan Petrov"),
    # a generic noun refers back, not to a company of a state named further on
    ("Tours of war\nOnline platform Visit Ukraine.Today launched tours.\n\"Come now,\" the company says.\n"
     "Charlie McGrath, owner of Objective Travel Safety, a UK-based company that trains people, says it is "
     "risky.", "", "the company"),
]


@pytest.mark.parametrize(("text", "source", "speaker", "expected"), PLACED)
def test_placed(text, source, speaker, expected):
    aff, role, side = _row(text, speaker, source)
    exp_aff, exp_role, exp_side = expected
    assert (aff, side) == (exp_aff, exp_side)
    if exp_role:
        assert role == exp_role


@pytest.mark.parametrize(("text", "source", "speaker"), STAYS_EMPTY)
def test_stays_empty(text, source, speaker):
    aff, _, _ = _row(text, speaker, source)
    assert aff == ""


def test_age_makes_a_private_person_but_a_title_decides():
    text = "Talks go on\nProtesters marched.\n\"We are tired,\" said Mr Ivan Petrov, 46."
    assert _row(text, "Mr Ivan Petrov")[1] == "citizen_or_witness"
    text = "Talks go on\n\"We are tired,\" said Ivan Sidorov, a spokesman for the company, 46."
    assert _row(text, "Ivan Sidorov, a spokesman for the company")[1] == "spokesperson"
