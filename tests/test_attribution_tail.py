"""Attribution's long tail, session 23 (issue 15): tables of text -> expected (speaker, cue,
stance) for each new pattern, and for each a case where no cue may fire."""

from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str, headline: bool = False) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"])
            for r in A.attribute(text, headline=headline)]


TRANSCRIPT = ('Partial transcript as follows:\n\n"WALLACE: Let\'s start with the debate.\n\n'
              '"PENCE: Well, look, she thinks this is an episode.\n')


def test_quoted_transcript_turns_are_cues() -> None:
    # a transcript quoted as a whole: each turn opens with a quotation mark and a name
    assert _rows(TRANSCRIPT) == [("WALLACE", ":", "neutral"), ("PENCE", ":", "neutral")]


@pytest.mark.parametrize("text", [
    '"Breaking: the bridge is closed.\n',          # no person's name before the colon
    '"Update: Officials reopened the road.\n',
    '"The plan: Build more roads.\n',             # a determiner and a common noun
])
def test_quoted_line_label_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[1] == ":"] == []


@pytest.mark.parametrize("text, expected", [
    # no-break spaces around the dash after a quotation
    ("Some text here.\n\n“How did we get this low?”\xa0― Jacklyn Ashley\xa0\n“Next one.”\n",
     [("Jacklyn Ashley", "―", "neutral")]),
    # a dash opening the line after the quotation's line
    ('Some text here.\n\n"Almost all new income is going to the top 1 percent."\n\n- Bernie Sanders.\n\n'
     "The senator is relying on an outdated figure.\n",
     [("Bernie Sanders", "-", "neutral")]),
])
def test_dash_after_quotation_names_speaker(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # a dash opening a line after a full stop or a plain line: a list item, no source
    "The plan has three parts.\n\n- Better roads.\n\n- New schools.\n",
    "He spoke for an hour\n- Ready to quiz Trump -.\n",
])
def test_dash_on_own_line_without_quotation_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[1] in {"-", "–", "—", "―"}] == []


@pytest.mark.parametrize("text, expected", [
    # a subject pronoun's clitic "'s" is "is" or "has", no possessive
    ("He’s claiming that voting fraud is a big problem.", [("He", "claiming", "distancing")]),
    ("And she's predicted big wins in the races ahead.", [("she", "predicted", "tentative")]),
    ("It’s denouncing the coordinated media attack.", [("It", "denouncing", "counter")]),
])
def test_clitic_is_an_auxiliary(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "Trump’s claims were false.",                 # a possessive stays no cue
    "The senator's warning went unheeded.",
    "The crowd cheered what he’s saying.",        # after a wh-word: no report
    "It is unclear why he's saying that.",
])
def test_possessive_and_wh_clitic_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # the second verb of a coordination before an infinitive keeps the first cue's speaker
    ("Trump questioned Israel's commitment to peace and refused to back an undivided Jerusalem.",
     [("Trump", "questioned", "counter"), ("Trump", "refused", "counter")]),
    ("Clinton rejected the original demand and offered to debate April 14 in Brooklyn.",
     [("Clinton", "rejected", "counter"), ("Clinton", "offered", "neutral")]),
])
def test_coordinated_infinitive_after_a_cue(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # without a cue before it, a coordinated verb and infinitive is an intention, no report
    "The unit was placed behind them and threatened to shoot them.",
    "The convoy stopped at the border and refused to turn back.",
])
def test_coordinated_infinitive_without_a_cue_must_not_fire(text: str) -> None:
    assert _rows(text) == []


def test_coordinated_infinitive_inside_a_reported_clause_keeps_no_speaker() -> None:
    # the verb belongs to the reported clause, whose subject is no source
    text = "Soldiers said that one of the units was placed behind them and threatened to shoot them."
    assert _rows(text) == [("Soldiers", "said", "neutral")]


@pytest.mark.parametrize("text, expected", [
    ("Bonuses were $500 every three months, The Wall Street Journal reports.",
     [("The Wall Street Journal", "reports", "neutral")]),          # postposed outlet
    ("The New York Times reports that the deal collapsed.",
     [("The New York Times", "reports that", "neutral")]),
    ("It states that courts should not rule.", [("It", "states", "neutral")]),
    ("We now know that the bureau is investigating.", [("We", "know", "belief")]),
    ("No one knows what the field will look like.", [("No one", "knows", "belief")]),
])
def test_noun_homographs_that_are_verbs(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # a determiner and capitalised modifiers before the base form: the head of a noun phrase
    "The AP report is misleading.",
    "A new Pew Research report compares a variety of web samples.",
    "The October report exceeded expectations.",
    # a counted plural noun before a relative clause
    "The fight goes to the 35 states that have not yet voted.",
    "Two states that vote early matter most.",
    # "know" before a comma (a discourse marker) or an object (no clause)
    "You know, the ones who went to college.",
    "They know the city well.",
])
def test_noun_homographs_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # an active "said"/"says" whose speaker was not read is a relation of its own, not an
    # inner cue of the row before it
    ("One company says there are 2,400 billionaires, while another says there are about 1,800.",
     [("One company", "says", "neutral"), (None, "says", "neutral")]),
    ("About four out of 10 voters said the economy was poor, while nine in 10 said they "
     "thought it favors the wealthy.",
     [("About four out of 10 voters", "said … thought", "neutral"), (None, "said", "neutral")]),
])
def test_active_say_without_speaker_keeps_its_row(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # doubled agentless cues of the same relation are still one row
    ("Kyiv said the depot was reportedly hit.", [("Kyiv", "said … was reportedly", "neutral")]),
    # an infinitive "to say" inside the content stays the outer row's
    ("Both men say the network has never told them what to say.",
     [("Both men", "say", "neutral"), ("the network", "has never told them … say", "neutral")]),
])
def test_doubled_cues_still_linked(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # "called" after a common noun names it: no report
    "Carson shared a syllabus for a 2002 psychology class called “Perception” on his page.",
    "The mine was built near a meandering mountain stream called Miracle Run.",
    "A leader of a Pakistan-based group called Lashkar-e-Taiba is on the list.",
    "The brewery sells a special convention beer called Swing State Pale Ale.",
])
def test_naming_called_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    ("His surrogates called him “a genius” for the strategy.",
     [("His surrogates", "called", "neutral")]),
    ("His campaign called the report a “rush to judgment.”",
     [("His campaign", "called", "neutral")]),
    ("Regional bodies, which he called “a cartel”, lost power.", [("he", "called", "neutral")]),
])
def test_called_after_a_source_is_a_cue(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a directive verb before an object and a to-infinitive, or a that-clause
    ("She was calling donors and advising members to stay home.",
     [("She", "was calling", "neutral"), ("She", "advising", "neutral")]),
    ("The embassy advised citizens to leave the city.", [("The embassy", "advised", "neutral")]),
    ("Doctors advised that the patient rest.", [("Doctors", "advised", "neutral")]),
])
def test_directive_advise(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # "advise" a client: a consultant's work, no report
    "Mr. Garin is a pollster who advised Hillary Clinton's 2008 campaign.",
    "Centerview advised on three of those deals.",
])
def test_consulting_advise_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with the poll that reports the finding
    ("In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Cruz.",
     [("an NBC News/Wall Street Journal poll", "In", "evidence")]),
    ("Clinton gained. In the latest Washington Post-ABC News poll, Clinton led Trump.",
     [("the latest Washington Post-ABC News poll", "In", "evidence")]),
])
def test_opening_poll_is_an_evidence_cue(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "In the polls, he slid behind his rivals.",          # no poll named
    "Trump leads in the latest NBC News poll.",           # not opening the sentence
    "In a statement, the ministry denied it.",            # no poll (the verb is the cue)
])
def test_opening_poll_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[1] == "In"] == []


def test_opening_poll_left_out_with_evidence() -> None:
    res = A.default_resources(A.MENTAL_AND_EVIDENCE)
    rows = A.attribute("In a new CBS News poll, Clinton led.", headline=False, resources=res)
    assert rows == []


@pytest.mark.parametrize("text, expected", [
    # an adverb between the subject and a mental-state verb without "that"
    ("Voters still view Mrs. Clinton as vastly more prepared.", [("Voters", "view", "belief")]),
    ("Two out of three Americans still feel the country is on the wrong path.",
     [("Two out of three Americans", "feel", "belief")]),
    ("They actually believe they are winning.", [("They", "believe", "belief")]),
])
def test_mental_verb_after_adverb(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "They still believe in the plan.",                 # no clause after the verb
    "Voters still see the city from the bridge.",      # no "as"
    "He actually feels better today.",
])
def test_mental_verb_after_adverb_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # "was quoted (by a medium) as saying": one cue, the subject is the speaker
    ("Peskov was quoted as saying the talks had stalled.",
     [("Peskov", "was quoted as saying", "neutral")]),
    ("The general was quoted by Interfax as saying that troops had withdrawn.",
     [("The general", "was quoted by Interfax as saying", "neutral")]),
    # a relative clause ending in a medium: the speaker is the noun phrase it modifies
    ("Residents who spoke to Reuters said the shelling continued.",
     [("Residents who spoke to Reuters", "said", "neutral")]),
])
def test_quoted_as_saying_and_relative_medium(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was quoted in the report.", [(None, "was quoted in the report", "neutral")]),
    # "to" before the speaker without a relative: the speaker stays the phrase itself
    ("The parcel was sent to Kyiv, officials said.", [("officials", "said", "neutral")]),
])
def test_quoted_and_relative_must_not_overreach(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "further" between a subject and its verb is an adverb, no determiner
    ("Mook further asserted that Trump lies.", [("Mook", "asserted", "distancing")]),
    ("Trump further described the incident as a terrible situation.",
     [("Trump", "described", "neutral")]),
    ("“He continues to pursue the projects,” it further wrote.", [("it", "wrote", "neutral")]),
])
def test_further_as_adverb(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_further_as_determiner_must_not_fire() -> None:
    assert _rows("The agency promised further reports of the damage.") == [
        ("The agency", "promised", "neutral")]


@pytest.mark.parametrize("text, expected", [
    # "know" is a mental-state verb: its subject right before, a clause right after
    ("Trump knows there are people all over this country who think so.",
     [("Trump", "knows", "belief")]),
    ("Clinton knows Sanders will run to the end of the primaries.", [("Clinton", "knows", "belief")]),
])
def test_know_with_a_clause(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # "appear" of a presence: no seeming, no report
    "Dean, a medical doctor, then appeared on MSNBC on Tuesday.",
    "Trump appeared at the September debate anyway.",
    "He appears before thousands of delegates in Philadelphia.",
])
def test_appearance_must_not_fire(text: str) -> None:
    assert _rows(text) == []


def test_appear_to_still_fires() -> None:
    rows = _rows("Trump appeared to suggest that veterans are weak.")
    assert ("appeared", "tentative") in [(r[1], r[2]) for r in rows]


@pytest.mark.parametrize("text", [
    # a plural noun homograph before "as", "against", "were", "are": a noun phrase's head
    "PolitiFact rated 32% of Republican claims as false.",
    "Democratic claims were rated true more often.",
    "The remarks against the minister drew criticism.",
])
def test_noun_homograph_before_as_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[1] in {"claims", "remarks"}] == []


def test_verb_before_against_still_fires() -> None:
    assert ("Several Democrats", "cautioned", "emphatic") in _rows(
        "Several Democrats cautioned against drawing too many lessons from the vote.")


@pytest.mark.parametrize("text, speaker, cue", [
    # a time adjunct between the subject and its verb is no part of the speaker (five-country war corpus)
    ("Lukashenko on Thursday said the war was bad.", "Lukashenko", "said"),
    ("The ministry on Monday confirmed the strike.", "The ministry", "confirmed"),
    ("Zelensky last week warned that the front was fragile.", "Zelensky", "warned"),
    ("Biden Thursday said the sanctions would bite.", "Biden", "said"),
    ("The ministry on 28 January said troops withdrew.", "The ministry", "said"),
    ("Officials this morning said the dam was hit.", "Officials", "said"),
    # never the day itself, after an appositive
    ("The Belarusian leader, Alexander Lukashenko, on Thursday blamed Ukraine for the war.",
     "The Belarusian leader, Alexander Lukashenko", "blamed"),
])
def test_time_adjunct_is_not_the_speaker(text: str, speaker: str, cue: str) -> None:
    assert (speaker, cue) in [(r[0], r[1]) for r in _rows(text)]


@pytest.mark.parametrize("text, speaker", [
    ("Theresa May said the deal was done.", "Theresa May"),        # a month name alone is a name
    ("Thursday's statement said the deal was done.", "Thursday's statement"),
    ("The Times said the deal was done.", "The Times"),
])
def test_time_words_that_belong_to_the_speaker_stay(text: str, speaker: str) -> None:
    assert [r[0] for r in _rows(text)][:1] == [speaker]
