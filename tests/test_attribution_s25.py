"""Attribution, session 25 (issue 15): reporting_verbs.tsv version 8. Tables of text -> expected
(speaker, cue, stance) for each verb class added from Levin (1993) and for the forms that became
cues without a speaker, and for each cases where they must not fire."""

from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"]) for r in A.attribute(text, headline=False)]


# ---- verbs of communication and manner of speaking (Levin 37): neutral
@pytest.mark.parametrize("text, expected", [
    ("Clinton laid out her proposals to increase national service.",
     [("Clinton", "laid out", "neutral")]),
    ("Other officials weighed in Friday about whether the video should be released.",
     [("Other officials", "weighed in", "neutral")]),
    ("He characterized the nominee as a weak leader.", [("He", "characterized", "neutral")]),
    ("Trump didn't apologize for his past statements.", [("Trump", "didn't apologize", "neutral")]),
    ("The senator opened up about her illness.", [("The senator", "opened up about", "neutral")]),
])
def test_communication_verbs(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- judgment verbs (Levin 33): counter and endorsing
@pytest.mark.parametrize("text, expected", [
    ("Democratic Sen. Claire McCaskill scolded him for the remarks.",
     [("Democratic Sen. Claire McCaskill", "scolded", "counter")]),
    ("The senator chided the administration for its silence.", [("The senator", "chided", "counter")]),
    ("He downplayed the risk of concussions for kids.", [("He", "downplayed", "counter")]),
    ("Scott bristles at the suggestion that he won't be ready.", [("Scott", "bristles at", "counter")]),
    ("Trump has complimented the moderator of the first debate.",
     [("Trump", "has complimented", "endorsing")]),
])
def test_judgment_verbs(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- want verbs (Levin 32.1) and verbs of deliberation and memory (29.5, 29.9); urging (37.9)
@pytest.mark.parametrize("text, expected", [
    ("Five percent prefer Libertarian nominee Gary Johnson.", [("Five percent", "prefer", "attitude")]),
    ("They pushed for a vote on the bill.", [("They", "pushed for", "attitude")]),
    ("The governor is mulling a run for the Senate.", [("The governor", "is mulling", "tentative")]),
    ("She remembers that the meeting ended early.", [("She", "remembers", "belief")]),
    ("He mused that the race was over.", [("He", "mused", "tentative")]),
    ("Two Democratic speechwriters implored her to bring it back.",
     [("Two Democratic speechwriters", "implored", "emphatic")]),
    ("Cruz exhorted Republicans to vote their conscience.", [("Cruz", "exhorted", "emphatic")]),
])
def test_attitude_deliberation_and_urging_verbs(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- verbs of saying and criticism that are cues without a speaker too ("bare")
@pytest.mark.parametrize("text, expected", [
    ("The ruling was blasted as unfair.", [(None, "was blasted", "counter")]),
    ("The plan was rejected by the council.", [("the council", "was rejected", "counter")]),
    ("As experts have pointed out, the data are thin.", [("experts", "have pointed out", "endorsing")]),
    ("Calling on voters to turn out, Sanders spoke for an hour.", [(None, "Calling on", "neutral")]),
])
def test_bare_forms(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- must not fire: physical and other senses, forms whose gates stay
@pytest.mark.parametrize("text", [
    "He knocked on every door in the district.",   # knock: not added (canvassing, a physical sense)
    "The two stood by the road for an hour.",      # stand by: not added
    "The crowd looked to the sky.",                # look to: not added
    "The rally was pushed back to Friday.",        # push back: an agentless passive of a speaker-verb
    "There's no way to tell without seeing his tax returns.",  # tell still needs a speaker
    "WARNING: Video contains graphic images.",     # warn: "warning" still needs a speaker
    "The holiday is observed as a day of sacrifice.",  # observe: no agentless passive
    "What do you expect from them?",               # expect still a mental-state verb (gated)
    "The results were touted as proof.",
])
def test_must_not_fire(text: str) -> None:
    assert _rows(text) == []


def test_claims_as_a_noun_stays_no_cue() -> None:
    # the noun "claims" after an adjective is no cue; the verb before it is
    assert _rows("The website cites so many Republican claims as inaccurate.") == [
        ("The website", "cites", "neutral")]


def test_new_rows_are_in_the_lexicon_with_known_stances() -> None:
    from contrast.lexicon import lexicon_meta, load_table

    vt = load_table("reporting_verbs")
    assert int(lexicon_meta("reporting_verbs")["version"]) >= 8
    assert "Levin" in lexicon_meta("reporting_verbs")["citation"]
    new = vt[vt["lemma"].isin(["lay out", "scold", "prefer", "remember", "implore", "mull"])]
    assert set(new["stance"]) <= set(A.STANCES) and len(new) == 6


# ---- a quotation marked with doubled apostrophes (the New York Times as archives give it) is a
# quotation: a cue inside it is the quoted source's own account, no row of its own
@pytest.mark.parametrize("text, expected", [
    ("''I think that my words represent toughness,'' he said.", [("he", "said", "neutral")]),
    ("Mr. Trump said, ''I think our country does plenty of killing also.''",
     [("Mr. Trump", "said", "neutral")]),
    ("''If he has killed reporters, I think that's terrible,'' Mr. Trump said. ''But this is not so.''",
     [("Mr. Trump", "said", "neutral")]),
    # a closing pair after a comma and a space still closes it: the cue after it is the outlet's
    ("He built strong coalitions, '' said Mr. Gunnels, who now works for Mr. Sanders.",
     [("Mr. Gunnels", "said", "neutral")]),
])
def test_doubled_apostrophe_quotation(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no doubled apostrophes: the writer's own "I think" stays a cue, as PolNeAR marks it
    ("I think the plan will fail.", [("I", "think", "belief")]),
    # a possessive's apostrophe before a lone pair opens no quotation
    ("The '90s were different, and he said it was the candidates' '' choice.",
     [("he", "said", "neutral")]),
])
def test_doubled_apostrophe_must_not_hide_cues(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- an inverted speaker after its verb with lower-case modifiers before a (titled) name
@pytest.mark.parametrize("text, expected", [
    ('"It was great," said former Sen. Smith.', [("former Sen. Smith", "said", "neutral")]),
    ('"It is in the battle," said former Wisconsin Gov. Jim Doyle.',
     [("former Wisconsin Gov. Jim Doyle", "said", "neutral")]),
    ('"I fundamentally disagree," said retired Army Lt. Gen. Mick Bednarek, who served in Iraq.',
     [("retired Army Lt. Gen. Mick Bednarek", "said", "neutral")]),
    ('"I do not know where he stands," said undecided Republican voter Stephanie Hooton.',
     [("undecided Republican voter Stephanie Hooton", "said", "neutral")]),
])
def test_modified_name_after_the_verb(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("words, ok", [
    (["former", "Sen", ".", "Smith"], True),
    (["undecided", "Republican", "voter", "Stephanie", "Hooton"], True),
    # an adverb, a participle, a preposition or a verb form of the lexicon is no modifier of a name
    (["quietly", "John", "Smith"], False),
    (["fans", "leaving", "Madison", "Square", "Garden"], False),
    (["in", "Washington"], False),
    (["told", "John", "Smith"], False),
    # five lower-case words are a clause, not modifiers
    (["one", "of", "the", "many", "voters", "Smith"], False),
])
def test_modified_name_reader(words: list[str], ok: bool) -> None:
    assert A._modified_name(words, A.default_resources()) is ok


# ---- an unnamed source with the post-modifier that says how it knows, before its verb
@pytest.mark.parametrize("text, expected", [
    ("Cruz will change his approach, a source close to him said.", [("a source", "said", "neutral")]),
    ("People with direct knowledge of Gates' work said that the period was short.",
     [("People", "said", "neutral")]),
    ("Diplomats involved in the talks said the text was ready.", [("Diplomats", "said", "neutral")]),
    ("Another source familiar with Cruz's thinking said he would try.",
     [("Another source", "said", "neutral")]),
])
def test_source_post_modifier(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the post-modifier is read only right before the verb: a comma between keeps the subject
    ("Sources close to him, Smith said, were angry.", [("Smith", "said", "neutral")]),
    ("The talks were close to collapse, said a diplomat.", [("a diplomat", "said", "neutral")]),
])
def test_source_post_modifier_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("before, hit", [
    ("a source close to him ", True),
    ("officials briefed on the investigation ", True),
    ("a source close to him, the report ", False),   # a comma ends it
    ("the village close to ", False),                 # nothing after the preposition
])
def test_source_post_modifier_pattern(before: str, hit: bool) -> None:
    assert (A._SOURCE_POSTMODIFIER.search(before) is not None) is hit


# ---- war coverage (RUWA headlines): the other senses of forms version 8 made bare
@pytest.mark.parametrize("text", [
    "Ukraine war: Russia and Ukraine trade blame over prison blast",
    "After bridge blast, Putin promises harsh response if attacks continue",
    "Factbox: Crimea bridge blast - why is bridge important",
    "130 Russian shells and a blast hit Nikopol district at night.",
])
def test_war_coverage_other_senses_must_not_fire(text: str) -> None:
    assert not [r for r in _rows(text) if "blast" in str(r[1])]


@pytest.mark.parametrize("text, expected", [
    ("Republicans blasted the nominee for his remarks.", [("Republicans", "blasted", "counter")]),
    ("G7 leaders slam Russian invasion of Ukraine.", [("G7 leaders", "slam", "counter")]),
])
def test_war_coverage_verbs_with_a_speaker_still_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "Air alert throughout Ukraine: an air alert is declared in all regions.",
    "Martial law was declared in the region on Thursday.",
])
def test_a_declared_state_is_no_report(text: str) -> None:
    assert not [r for r in _rows(text) if "declared" in str(r[1])]
