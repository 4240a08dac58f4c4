"""Session 24 rules for issue 13 (coverage and accuracy of found speakers): tables of text ->
(speaker, affiliation, role, side), with cases that must stay empty. Sentences are made up."""

from __future__ import annotations

import pandas as pd
import pytest

from contrast.affiliation import describe
from contrast.extract import extract_text


def _row(text: str, speaker: str, headline: bool = False) -> tuple[str, str, str]:
    """(affiliation, role, side) of the first attribution row whose speaker is ``speaker``."""
    ev = extract_text(text, headline=headline, families=["attribution"])
    ev = ev[ev["speaker"] == speaker]
    assert len(ev), f"no speaker {speaker!r} in {text!r}"
    r = ev.iloc[0]
    return tuple("" if pd.isna(r[c]) else str(r[c]) for c in ("affiliation", "role", "actor"))  # type: ignore[return-value]


# roles: "deputy" before a title head is part of that title; legislative chambers make legislators
ROLE_PHRASES = [
    ("Deputy Head of the Department for Supervision of the Prosecutor General's Office Ivan Petrov",
     ("", "minister_or_official")),
    ("Deputy Chairman of the Parliamentary Assembly Ivan Petrov", ("", "legislator")),
    ("Chairman of the House of Representatives Ivan Petrov", ("", "legislator")),
    ("Chairman of the International Affairs Commission of the House of Representatives of the National "
     "Assembly of Belarus Ivan Petrov", ("BY", "legislator")),
    ("the speaker of the House of Commons", ("", "legislator")),
    # still a people's deputy (a legislator) where no title head follows
    ("Ukrainian deputy Yaroslav Zheleznyak", ("UA", "legislator")),
    ("a people's deputy", ("", "legislator")),
    # and a deputy minister is a minister
    ("Russian Deputy Foreign Minister Sergei Ryabkov", ("RU", "minister_or_official")),
]


@pytest.mark.parametrize("phrase, expected", ROLE_PHRASES, ids=[c[0][:40] for c in ROLE_PHRASES])
def test_title_roles(phrase, expected):
    assert describe(phrase) == expected


# (text, speaker, expected (affiliation, role, side))
FOUND = [
    # a clause that opens the sentence is a title only when its lower-case words are title words: the
    # reported content before a name is no title (the content's "Russian forces" is not the speaker's)
    ("The bulk of Russian forces involved in the advance are now 19 miles from the city, Jan Kowal, "
     "the foreign minister, said.", "Jan Kowal, the foreign minister", ("", "minister_or_official", "other")),
    ("NATO Secretary General's Special Representative for the Caucasus, Jan Kowal responded to the claim.",
     "Jan Kowal", ("NATO", "spokesperson", "West")),
    # a body with a name of its own refers back to that name only, not to another ministry of the article
    ("China imposed curbs on drone exports.\n\"The risk is growing,\" the Ministry of Commerce said. "
     "The drones were sold to Russia, whose defence ministry used them, a report said. "
     "China opposed that use, the Ministry of Commerce said.", "the Ministry of Commerce",
     ("CN", "minister_or_official", "other")),
    # "its" takes the state its own sentence names before the state of the last body that spoke
    ("EU states accuse Russia of squeezing supplies. Ukraine expects the first grain shipments this week, "
     "its infrastructure minister says.", "its infrastructure minister", ("UA", "minister_or_official", "Ukraine")),
    # with no state in its sentence, the last body that spoke
    ("Russia's Defence Ministry said 40 drones were downed. Five people were hurt, its spokesman said.",
     "its spokesman", ("RU", "spokesperson", "Russia")),
]


@pytest.mark.parametrize("text, speaker, expected", FOUND, ids=[c[1][:30] for c in FOUND])
def test_found_speakers(text, speaker, expected):
    assert _row(text, speaker) == expected


def test_a_quoted_first_person_is_the_quotations_speaker():
    from contrast.affiliation import affiliate_rows

    text = ('German Chancellor Angela Merkel spoke first. "We said it, I said it," Ukrainian President '
            'Volodymyr Zelensky said.')
    z = text.index("Ukrainian President")
    q0, q1 = text.index('"') + 1, text.rindex('"')

    def row(s: int, e: int, stype: str, cs: int | None = None, ce: int | None = None) -> dict:
        return {"family": "attribution", "start": e + 1, "end": e + 5, "speaker": text[s:e], "speaker_start": s,
                "speaker_end": e, "speaker_type": stype, "content_start": cs, "content_end": ce, "actor": "other"}

    m = text.index("German")
    i = text.index("I said")
    rows = [row(m, m + 30, "named"), row(i, i + 1, "pronoun"), row(z, z + 38, "named", q0, q1)]
    affiliate_rows(text, rows)
    assert rows[0]["affiliation"] == "DE"
    assert (rows[1]["affiliation"], rows[1]["actor"], rows[1]["speaker_resolved"]) == \
        ("UA", "Ukraine", "Ukrainian President Volodymyr Zelensky")


# a first person outside any quotation (a speech printed in full) takes no earlier speaker's state
def test_a_first_person_outside_quotes_stays_empty():
    text = ("German Chancellor Angela Merkel said the talks would go on.\n\nI said that there is no such "
            "thing as a foreign war.")
    assert _row(text, "I")[0] == ""
    # the country "US" is no first person
    assert _row("Russia fired missiles at Kyiv. The US said it would send more aid.", "The US")[0] == "US"


# an article's home state (its dateline's capital, else its speakers' clear majority) places its
# national offices named without a state; (text, speaker, expected)
HOME = [
    ("MINSK, 20 June (BelTA) - Relations have passed a tough test, Chairman of the House of Representatives "
     "Ivan Petrov told the media. \"We stand firm,\" Ivan Petrov said.",
     "Chairman of the House of Representatives Ivan Petrov", ("BY", "legislator", "Belarus")),
    ("MINSK, 20 June (BelTA) - Relations have passed a tough test, Chairman of the House of Representatives "
     "Ivan Petrov told the media. \"We stand firm,\" Ivan Petrov said.",
     "Ivan Petrov", ("BY", "legislator", "Belarus")),
    ("\"This cannot happen again,\" the head of state said at the memorial. Belarusian President Aleksandr "
     "Lukashenko laid flowers. Aleksandr Lukashenko said the country would stand firm.",
     "the head of state", ("BY", "head_of_state_or_government", "Belarus")),
]


@pytest.mark.parametrize("text, speaker, expected", HOME, ids=[c[1][:30] for c in HOME])
def test_national_offices_take_the_home_state(text, speaker, expected):
    assert _row(text, speaker) == expected


HOME_EMPTY = [
    # no dateline and no majority: one Belarusian and one Russian speaker
    ("\"This cannot happen again,\" the head of state said. Belarusian President Aleksandr Lukashenko laid "
     "flowers. Russian President Vladimir Putin said the West was to blame.", "the head of state"),
    # the sentence before names another state: that state's president, not the home state's
    ("MINSK, 8 May (BelTA) - Aleksandr Lukashenko spoke. Latvia's capital wants the monument gone. The "
     "president of the country said it must go.", "The president of the country"),
    ("The monument row grows.\n\nAleksandr Lukashenko said the monument was sacred. Belarusian President "
     "Aleksandr Lukashenko said it would stay. Latvia's parliament voted on another monument. The speaker "
     "said it must go.", "The speaker"),
    # a former office holder is no office
    ("MINSK, 8 May (BelTA) - The former speaker of the House of Representatives said the vote was rigged.",
     "The former speaker of the House of Representatives"),
    # officials in general are no national office
    ("MINSK, 8 May (BelTA) - Officials said the border was shut.", "Officials"),
]


@pytest.mark.parametrize("text, speaker", HOME_EMPTY, ids=[c[1][:30] for c in HOME_EMPTY])
def test_home_state_stays_out(text, speaker):
    ev = extract_text(text, headline=False, families=["attribution"])
    ev = ev[ev["speaker"] == speaker]
    assert len(ev), ev
    assert pd.isna(ev["affiliation"].iloc[0]) or ev["affiliation"].iloc[0] not in {"BY"}


CHAINS = [
    # "he" refers back to a titled speaker headed by one person's title ("the new head of the ...")
    ("The new head of the British Army has warned troops to be ready.\n\nThe war shows the need to be "
     "ready to fight, he says.", "he", ("GB", "military", "West")),
    # "it" refers back to a body with a name ("Russian energy giant Gazprom", "the Ministry of Commerce")
    ("Russian energy giant Gazprom says it is cutting deliveries.\n\nIt says in a statement that a turbine "
     "is halted.", "It", ("RU", "company", "Russia")),
    # "the president" refers back to a known office holder named without a title, not to another
    # article's mention of a French president
    ("Aleksandr Lukashenko said the veterans were an example. They did everything for us, the president "
     "noted. Later, French President Emmanuel Macron visited Kyiv.", "the president",
     ("BY", "head_of_state_or_government", "Belarus")),
]


@pytest.mark.parametrize("text, speaker, expected", CHAINS, ids=[c[1] for c in CHAINS])
def test_references_back(text, speaker, expected):
    assert _row(text, speaker) == expected


def test_a_body_that_is_no_person_head_does_not_take_he():
    # "the Russian army" is no one person: a later "he" does not take its state
    text = "The Russian army said the town was taken.\n\nThe bridge was destroyed, he said."
    assert _row(text, "he")[0] == ""


MORE = [
    # a name's particle belongs to the name: a later "Lula da Silva" takes "Brazilian leader ..."
    ("Brazilian leader Luiz Inacio Lula da Silva met the visitors in Brasilia.\n\n\"There is no military "
     "solution,\" added Lula da Silva.", "Lula da Silva", ("BR", "head_of_state_or_government", "other")),
    # a surname written first takes the appositive after the whole name, and a capitalised preposition
    # that opens the sentence is no title ("On Thursday Wang Wenbin, a spokesman for China's ...")
    ("Liz Truss, Britain's foreign secretary, warned China.\n\nOn Thursday Wang Wenbin, a spokesman for China's "
     "foreign ministry, dismissed the comments.\n\n\"Nato has messed up Europe,\" Wang said.", "Wang",
     ("CN", "spokesperson", "other")),
    # a nationality adjective of people the story is about tells no official's state
    ("Missiles struck Kyiv.\n\nThe girl's mother - a Russian citizen - was also pulled from the rubble, "
     "officials said.", "officials", ("UA", "minister_or_official", "Ukraine")),
    # a state's government as its critics name it
    ("The Russian regime criticizes the supply of Western weapons.", "The Russian regime",
     ("RU", "minister_or_official", "Russia")),
    # the party caucuses of the US Congress
    ("House Republicans from the War Powers Caucus are reminding President Biden of Congress' power.",
     "House Republicans from the War Powers Caucus", ("US", "legislator", "West")),
]


@pytest.mark.parametrize("text, speaker, expected", MORE, ids=[c[1][:30] for c in MORE])
def test_more_found_speakers(text, speaker, expected):
    assert _row(text, speaker) == expected


MORE_EMPTY = [
    # a place of the story (a region) still tells its officials' state; a nationality adjective of
    # people the story is about does not ("a Russian citizen"), so with two states nothing is told
    ("A Russian citizen and a Ukrainian soldier were hurt in the blast, officials said.", "officials"),
]


@pytest.mark.parametrize("text, speaker", MORE_EMPTY, ids=[c[1][:30] for c in MORE_EMPTY])
def test_more_cases_stay_empty(text, speaker):
    ev = extract_text(text, headline=False, families=["attribution"])
    ev = ev[ev["speaker"] == speaker]
    assert len(ev), ev
    assert pd.isna(ev["affiliation"].iloc[0])


def test_a_spokesman_for_phrase_the_span_left_out_is_read():
    from contrast.affiliation import _speaker_words, default_gazetteer

    text = "A spokesman for China's foreign ministry, dismissed the comments."
    r = {"speaker_start": 0, "speaker_end": 11, "start": 42, "speaker_type": "title"}
    words = _speaker_words(text, r, default_gazetteer())
    assert describe(" ".join(words)) == ("CN", "spokesperson")
    # not after a name ("Kowal for years said"), nor past the clause
    r2 = {"speaker_start": 0, "speaker_end": 9, "start": 30, "speaker_type": "named"}
    assert _speaker_words("Jan Kowal for Poland, said it.", r2, default_gazetteer()) == ["Jan", "Kowal"]


def test_a_name_particle_only_between_capitalised_words():
    from contrast.affiliation import _title_before, default_gazetteer

    g = default_gazetteer()
    assert _title_before(["Brazilian", "leader", "Luiz", "Lula", "da"], g) == ["Brazilian", "leader", "Luiz", "Lula", "da"]
    assert _title_before(["they", "met", "da"], g) == []
    assert _title_before(["On", "Thursday"], g) == ["Thursday"]


# office holders' roles as of the article's date (lexicons/people.tsv gives their offices' years)
DATED = [
    ("2022-04-28", "minister_or_official"),  # Truss was foreign secretary
    ("2022-10-01", "head_of_state_or_government"),  # then prime minister
    ("2023-05-01", "head_of_state_or_government"),  # a former prime minister
    (None, "minister_or_official"),  # no date: the file's first row (her longest office in 2022-2024)
]


@pytest.mark.parametrize("date, role", DATED, ids=[str(d) for d in DATED])
def test_an_office_holders_role_follows_the_article_date(date, role):
    text = 'Liz Truss said Nato must be stronger. "Countries must play by the rules," she said.'
    ev = extract_text(text, headline=False, families=["attribution"], date=date)
    assert list(ev["role"]) == [role, role]  # the pronoun too, through its chain
    assert set(ev["affiliation"]) == {"GB"}  # the state does not change


def test_a_corpus_date_column_gives_the_date():
    import contrast

    text = "Donald Trump said the deal was bad."
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["x", "x"], "title": ["", ""],
                           "date": ["2016-03-11", "2019-06-01"], "text": [text, text]})
    ev = contrast.extract(corpus, families=["attribution"], cache=False)
    assert dict(zip(ev["doc_id"], ev["role"], strict=True)) == {"a": "other", "b": "head_of_state_or_government"}


def test_a_title_in_the_text_that_differs_is_kept():
    # the text's own title gives a role none of the person's offices has: the date does not touch it
    from contrast.affiliation import date_roles

    ev = pd.DataFrame({"doc_id": ["a"], "speaker": ["Boris Johnson"], "speaker_resolved": [None],
                       "role": ["journalist_or_media"]})
    assert date_roles(ev, {"a": "2024-01-01"})["role"].iloc[0] == "journalist_or_media"
    # a bad or missing date changes nothing
    assert date_roles(ev.assign(role="head_of_state_or_government"), {"a": "not a date"})["role"].iloc[0] == \
        "head_of_state_or_government"


def test_a_church_title_with_a_state_elsewhere_places_the_person():
    text = ("Patriarch Cyril covered with sanctions.\n\nCyril said the war has metaphysical significance. "
            "The statement of the Russian patriarch caused outrage in Ukraine.")
    assert _row(text, "Cyril") == ("RU", "other", "Russia")


def test_a_state_office_title_elsewhere_places_no_one():
    # several states' presidents meet in one article: "President Kowal" is not the French president
    text = ("President Jan Kowal arrived in Paris.\n\nKowal said the talks went well. French President "
            "Emmanuel Macron welcomed him.")
    assert _row(text, "Kowal")[0] == ""


# a body noun right before a person's name ends the complement of a longer title, no title of that
# person: a later bare surname keeps the state of its full mention (the Kiev of "crimes of the Kiev
# regime" is not his), while a person noun there still titles the name
BODY_BEFORE_NAME = [
    ("Russian Foreign Ministry Ambassador for crimes of the Kiev regime Ivan Petrov stated that 40 died. "
     "The total is higher, according to Petrov.", "Petrov", ("RU", "", "Russia")),
    ("Ukrainian Foreign Ministry spokesperson Oleh Petrenko rejected the offer. "
     "It is a provocation, Petrenko said.", "Petrenko", ("UA", "spokesperson", "Ukraine")),
]


@pytest.mark.parametrize("text, speaker, expected", BODY_BEFORE_NAME, ids=[c[1] for c in BODY_BEFORE_NAME])
def test_body_noun_before_name_is_no_title(text, speaker, expected):
    assert _row(text, speaker) == expected
