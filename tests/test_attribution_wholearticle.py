"""Attribution in whole war articles, session 24 (issue 13 recall): tables of sentence -> expected
(speaker, cue) for each new pattern, and for each cases where it must not fire.

The sentences are written for these tests (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _pairs(text: str) -> list[tuple[object, str]]:
    return [(r.get("speaker"), r["cue"]) for r in A.attribute(text, headline=False)]


def _speaker_of(text: str, cue: str) -> object:
    rows = [r for r in A.attribute(text, headline=False) if r["cue"] == cue]
    assert len(rows) == 1, rows
    return rows[0].get("speaker")


# ---------------------------------------------------------------- dialogue quoted with dashes

@pytest.mark.parametrize("text, cue, speaker", [
    # a verb of speech after the dash that closes a turn: the speaker follows the verb
    ("- The talks will go on next week - said the foreign minister.", "said", "the foreign minister"),
    ("- We will not give up - said Kowalski.", "said", "Kowalski"),
    ("Nobody wants this war - added the US president.", "added", "the US president"),
    ("The sanctions will be severe - said Dr. Anna Nowak from the Institute of Eastern Studies.", "said",
     "Dr. Anna Nowak from the Institute of Eastern Studies"),
    ("The army is ready - said Law and Justice MP Jan Kowal in an interview.", "said",
     "Law and Justice MP Jan Kowal"),  # "and" inside a name; the adverbial is no part of the speaker
    ("The border is closed - said US Defence Secretary John Smith in Warsaw.", "said",
     "US Defence Secretary John Smith"),
    ("The price is too high - said on Thursday the deputy prime minister.", "said", "the deputy prime minister"),
    ("It is a grave mistake - continued Kowalski.", "continued", "Kowalski"),
    ("The losses are heavy - emphasised the analyst.", "emphasised", "the analyst"),
    ("It could end badly - said the dictator, blaming the West.", "said", "the dictator"),
    # a double hyphen as the dash
    ("We do not know yet -- said the spokesman.", "said", "the spokesman"),
])
def test_dash_turn_inverted_speaker(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # the subject before the verb ends at the turn's dash
    ("Control of the port is a priority - he pointed out.", "pointed out", "he"),
    ("The attack was planned long ago - she added.", "added", "she"),
    ("- We are still waiting for a locomotive - the driver explained to me.", "explained", "the driver"),
    # a verb that needs a clause ("continued", "assessed") has the turn as its content
    ("The shelling goes on - he continued.", "continued", "he"),
    ("The risk of escalation is real - he assessed.", "assessed", "he"),
])
def test_dash_turn_subject_before_verb(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a pair of dashes around an appositive or a relative clause: the subject before the first
    ("Gen Brown - the country's most senior officer - warned that the threat was growing.", "warned",
     "Gen Brown"),
    ("Mr Petrov - who has led the region since 2010 - claimed victory in the vote.", "claimed", "Mr Petrov"),
    ("Anna Kowal – adviser to the president, Jan Nowak – asked why the aid was late.", "asked", "Anna Kowal"),
    ("Smith -- author of a book on the war -- said the front had not moved.", "said", "Smith"),
    ("Mr Smith - a Democrat - said he would vote for the bill.", "said", "Mr Smith"),
])
def test_dash_pair_appositive_subject(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue", [
    # the verb after a dash takes an object, not a source: no speaker after it
    ("The panel of generals - discussed the war situation after a year of fighting.", "discussed"),
    ("The film features historians and lawyers, among others ― explains the history of the camps in detail.",
     "explains"),
])
def test_dash_turn_object_is_no_speaker(text: str, cue: str) -> None:
    for r in A.attribute(text, headline=False):
        if r["cue"] == cue:
            assert r.get("speaker") not in {"the war situation", "the history of the camps"}


@pytest.mark.parametrize("text", [
    # hyphens inside words and unspaced dashes are no turn's dash
    "The self -proclaimed republics held a parade on Sunday.",
    "A high -ranking delegation arrived in the capital.",
    "Russian-backed forces shelled the town-centre overnight.",
    # a list item after a full stop
    "The plan has three parts.\n\n- Better roads.\n\n- New schools.\n",
])
def test_dash_without_cue_must_not_fire(text: str) -> None:
    assert _pairs(text) == []


def test_spaced_hyphen_inside_speaker_stays() -> None:
    # a spaced hyphen before a word ("high -ranking") is no dash of a turn
    assert _speaker_of("A high -ranking official said the strike was planned.", "said") == \
        "A high -ranking official"


# ---------------------------------------------------------------- "according to him"

@pytest.mark.parametrize("text, speaker", [
    ("According to him, the talks had failed.", "him"),
    ("According to her, the town was shelled twice.", "her"),
    ("According to them, the bridge was destroyed.", "them"),
])
def test_according_to_object_pronoun(text: str, speaker: str) -> None:
    rows = A.attribute(text, headline=False)
    assert [(r["speaker"], r["cue"], r["speaker_type"]) for r in rows] == [(speaker, "According to", "pronoun")]


def test_according_to_pronoun_resolves_to_last_named_speaker() -> None:
    text = "Jan Kowalski said the army was ready. According to him, the reserves were called up."
    rows = A.attribute(text, headline=False)
    assert rows[1]["speaker"] == "him" and rows[1]["speaker_resolved"] == "Jan Kowalski"


@pytest.mark.parametrize("text, speaker", [
    # a possessive before a noun is the noun phrase, not the pronoun alone
    ("According to her estimates, the war will last years.", "her estimates"),
    # a capitalised "US" is a state, never the pronoun "us"
    ("According to US officials, the convoy was hit.", "US officials"),
])
def test_according_to_pronoun_must_not_fire(text: str, speaker: str) -> None:
    assert _speaker_of(text, "According to") == speaker


# ---------------------------------------------------------------- sentences run together

@pytest.mark.parametrize("text, cue, speaker", [
    # no space after the full stop: the speaker is read within the second sentence
    ("Troops massed on the border with Ukraine.He added that the talks had failed.", "added", "He"),
    ("The talks were hard.Kowalski added that the offer was withdrawn.", "added", "Kowalski"),
    ('He spoke of "moral sense".The bishop also stated that faith was falling.', "also stated", "The bishop"),
])
def test_glued_sentences_split_for_speakers(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # full stops of abbreviations and domain names end no sentence
    ("The U.S. Army said the drill was over.", "said", "The U.S. Army"),
    ("The portal Belsat.eu reported that the border was shut.", "reported", "The portal Belsat.eu"),
    ("Dr. Nowak said the clinic was hit.", "said", "Dr. Nowak"),
])
def test_glued_sentence_end_must_not_fire(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


def test_glued_sentences_keep_sent_id() -> None:
    # the evidence keeps the segmenter's sentence numbers
    text = "Troops massed on the border.He added that the talks failed."
    rows = A.attribute(text, headline=False)
    assert [r["sent_id"] for r in rows] == [0]


# ---------------------------------------------------------------- passive with an adverb

@pytest.mark.parametrize("text, cue, speaker", [
    ("The troop build-up was also confirmed by Estonian intelligence.", "was also confirmed",
     "Estonian intelligence"),
    ("The strike was later reported by the regional governor.", "was later reported", "the regional governor"),
    ("The figures were not confirmed by the ministry.", "were not confirmed", "the ministry"),
])
def test_passive_with_adverb_reads_agent(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # no agent: the subject of an active verb after "also" stays the speaker
    ("The ministry has also confirmed that two ships were hit.", "has also confirmed", "The ministry"),
    ("He was also telling reporters that the war was over.", "was also telling reporters", "He"),
])
def test_passive_with_adverb_must_not_fire(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


# ---------------------------------------------------------------- a time opener without its comma

@pytest.mark.parametrize("text, cue, speaker", [
    ("On Thursday Li Wei, a spokesman for the foreign ministry, dismissed the comments.", "dismissed",
     "Li Wei, a spokesman for the foreign ministry"),
    ("Last week Kowalski, the party leader, warned that the vote was rigged.", "warned",
     "Kowalski, the party leader"),
    ("On 16 June the general told the troops that they must be ready.", "told", "the general"),
])
def test_time_opener_without_comma(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue", [
    # a place, not a time, before the subject: nothing is read past it
    ("In Kyiv, officials, a source said, were calm.", "said"),
    ("In Kyiv officials said the city was hit.", "said"),
])
def test_time_opener_must_not_fire(text: str, cue: str) -> None:
    assert _speaker_of(text, cue) in {None, "a source"}


# ---------------------------------------------------------------- "learned from"

@pytest.mark.parametrize("text, speaker", [
    ("The agency learned from Belarus President Aleksandr Lukashenko on Friday that talks were possible.",
     "Belarus President Aleksandr Lukashenko"),
    ("Reporters learned from the defence ministry that the convoy had turned back.", "the defence ministry"),
])
def test_learned_from_source(text: str, speaker: str) -> None:
    assert _speaker_of(text, "learned") == speaker


@pytest.mark.parametrize("text, speaker", [
    ("He learned from his mistakes.", "He"),            # no source after "from"
    ("The agency has learned that talks were possible.", "The agency"),
])
def test_learned_from_must_not_fire(text: str, speaker: str) -> None:
    rows = [r for r in A.attribute(text, headline=False) if "learned" in r["cue"]]
    assert [r["speaker"] for r in rows] == [speaker]


# ---------------------------------------------------------------- "made the statement" (lexicon rows)

@pytest.mark.parametrize("text, cue, speaker", [
    ("The country is under attack. Belarus President Aleksandr Lukashenko made the statement during a meeting.",
     "made the statement", "Belarus President Aleksandr Lukashenko"),
    ("Mr Petrov, the regional governor, made his announcement on Telegram.", "made his announcement",
     "Mr Petrov, the regional governor"),
])
def test_made_the_statement(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text", [
    "The company made a profit of two million.",       # no statement noun
    "The statement made by the ministry was short.",   # a participle after the noun, no "made the statement"
])
def test_made_the_statement_must_not_fire(text: str) -> None:
    assert not any(r["cue"].startswith("made") for r in A.attribute(text, headline=False))


# ---------------------------------------------------------------- raised and credited subjects

@pytest.mark.parametrize("text, cue, speaker", [
    ("He is believed to have said them after the battle.", "have said", "He"),
    ("Putin is reported to have told Macron that the war would go on.", "have told Macron", "Putin"),
    ("The general is understood to have warned his staff.", "have warned", "The general"),
    ('The old commander is credited with the following words: "No war is over until it is over."',
     "is credited with the following words", "The old commander"),
    ("The poet is credited with saying that war is hell.", "is credited with saying", "The poet"),
])
def test_raised_and_credited_subject(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue", [
    ("The unit is credited with destroying ten tanks.", "is credited"),   # a deed, not words
    ("Kowalski is said to have left the party.", "is said to"),           # "left" is no report
])
def test_raised_and_credited_must_not_fire(text: str, cue: str) -> None:
    assert _speaker_of(text, cue) is None


# ---------------------------------------------------------------- anonymity phrases and "As X, title, said"

@pytest.mark.parametrize("text, cue, speaker", [
    ("A senior official speaking on condition of anonymity said the strike was planned.", "said",
     "A senior official"),
    ("The air base was hit in an attack which a senior military official speaking on condition of anonymity "
     "described as a partisan job.", "described", "a senior military official"),
    ("As Jan Nowak, director of the intelligence service, said on Wednesday, ten battle groups are near.",
     "said", "Jan Nowak, director of the intelligence service"),
    ("As Kowalski, a former minister, warned, the plan failed.", "warned", "Kowalski, a former minister"),
])
def test_anonymity_phrase_and_as_opener(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue", [
    ("The man speaking loudly said nothing.", "said"),          # no anonymity phrase: nothing skipped
    ("As expected, the vote said little about the war.", "said"),  # "As" before no name
])
def test_anonymity_and_as_opener_must_not_fire(text: str, cue: str) -> None:
    assert _speaker_of(text, cue) in {None, "the vote"}


# ---------------------------------------------------------------- "X, one of ..., said"; list items; one-word subject after a time

@pytest.mark.parametrize("text, cue, speaker", [
    ("Graham, one of the loudest voices in Congress in favour of more aid to Kyiv, said it was a duty.", "said",
     "Graham, one of the loudest voices in Congress in favour of more aid to Kyiv"),
    ("Expand\n\n> Belsat reported that a rally was held on Sunday.", "reported", "Belsat"),
    ("On Thursday Wang said the position of China had not changed.", "said", "Wang"),
])
def test_one_of_appositive_bullet_and_short_subject(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # "one of" as the subject itself, and a bullet before no subject
    ("In the end, one of them said nothing.", "said", "one of them"),
    ("> Said to be the largest rally in years.", "Said", None),
])
def test_one_of_and_bullet_must_not_fire(text: str, cue: str, speaker: object) -> None:
    rows = [r for r in A.attribute(text, headline=False) if r["cue"] == cue]
    assert [r.get("speaker") for r in rows] in ([speaker], [])


# ---------------------------------------------------------------- a cue after a closing mark the quotation reader did not pair

@pytest.mark.parametrize("text, cue, speaker", [
    # a straight opening mark closed by a curly one, then a description and the cue
    ('He wished them well. "I congratulate everyone on the holiday. Happy Victory Day, dear friends!” the head '
     'of state said. “Let’s live in peace.”', "said", "the head of state"),
    # a doubled closing apostrophe
    ("“The report is an indictment of a world that seems dangerous,’’ said Jan Nowak, head of news. “By the end "
     "of the year we had more.”", "said", "Jan Nowak"),
])
def test_cue_after_unpaired_closing_mark(text: str, cue: str, speaker: str) -> None:
    assert _speaker_of(text, cue) == speaker


def test_cue_inside_quotation_still_dropped() -> None:
    # a report inside another source's quotation gives no row of its own
    assert _pairs('"He said it was possible," Davis said.') == [("Davis", "said")]


# ---------------------------------------------------------------- a turn's dash run into the pronoun

def test_dash_run_into_pronoun() -> None:
    text = "-The exhibition will enjoy great interest of the inhabitants-he said."
    rows = A.attribute(text, headline=False)
    assert [(r["speaker"], r["cue"], r["speaker_type"]) for r in rows] == [("he", "said", "pronoun")]


@pytest.mark.parametrize("text", [
    "The so-called referendum was held.",
    "He is a well-known analyst.",
])
def test_dash_run_into_word_must_not_fire(text: str) -> None:
    assert _pairs(text) == []


def test_dash_trim_keeps_speaker_when_no_source_follows() -> None:
    # the part after a turn's dash must be a pronoun or a source phrase to replace the speaker
    text = "They fought on, and an aggressive - some say unrealistic - pledge was made."
    assert _speaker_of(text, "say") in {"some", "an aggressive - some"}
    assert _speaker_of("The cost of living is high - the minister added.", "added") == "the minister"
