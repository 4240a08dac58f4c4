"""Attribution, session 24 (issue 15 acceptance): tables of text -> expected (speaker, cue,
stance) for each new rule, and for each cases where the rule must not fire."""

from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str, headline: bool = False) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"])
            for r in A.attribute(text, headline=headline)]


# ---- rule 1: a passive with an adverb between its auxiliary and the verb is a passive: the
# agent after "by" is the speaker, never the subject (the thing reported)
@pytest.mark.parametrize("text, expected", [
    ("The registration issue was first reported by The Washington Post.",
     [("The Washington Post", "was first reported", "neutral")]),
    ("The plan was widely criticized by Republicans as too costly.",
     [("Republicans", "was widely criticized", "counter")]),
    ("The claim was quickly denied by the Kremlin.",
     [("the Kremlin", "was quickly denied", "counter")]),
    ("The deal was later confirmed by officials.",
     [("officials", "was later confirmed", "endorsing")]),
])
def test_adverb_passive_takes_the_agent(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # active voice with an adverb: the subject stays the speaker
    ("He has repeatedly denied the claim.", [("He", "has repeatedly denied", "counter")]),
    ("Officials have also confirmed the deal.", [("Officials", "have also confirmed", "endorsing")]),
    # an agentless passive stays agentless (no "by")
    ("It was first reported that the deal had collapsed.", [(None, "was first reported", "neutral")]),
])
def test_adverb_passive_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- rule 2: after "according to" and a passive "by" the agent phrase is the source even
# when it is lower case ("show insiders", "dozens of papers")
@pytest.mark.parametrize("text, expected", [
    ("Trump demeaned women with sexist language, according to show insiders.",
     [("show insiders", "according to", "neutral")]),
    ("The move reeks of fear, according to conservative talk radio host Rush Limbaugh.",
     [("conservative talk radio host Rush Limbaugh", "according to", "neutral")]),
    ("Hillary Clinton has been endorsed by dozens of papers ranging from the Times to the Enquirer.",
     [("dozens of papers", "has been endorsed", "endorsing")]),
])
def test_agent_phrase_after_according_to_and_by(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no source phrase: "according to" stays agentless
    ("The plan went ahead according to schedule.", [(None, "according to", "neutral")]),
    ("Prices rose, according to which the bank acted.", [(None, "according to", "neutral")]),
    # a document with a participle is left to the doubled-cue rule (one row, see _link)
    ("He said the tape was real, according to audio obtained by CNN.",
     [("He", "said … according to", "neutral")]),
])
def test_agent_phrase_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- rule 3: a relative "which" after a name (no comma) and "many of whom" are the source
@pytest.mark.parametrize("text, expected", [
    ("They turned to the Chicago Police Department which reported 2,521 shooting incidents.",
     [("which", "reported", "neutral")]),
    ("This angered family members of victims, many of whom say the claims are false.",
     [("many of whom", "say", "neutral")]),
    ("He met the voters, some of whom said they were angry.",
     [("some of whom", "said", "neutral")]),
])
def test_relative_sources(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "The study which said nothing was ignored.",      # a common noun before "which": restrictive
    "The reports, none of which were published, vanished.",   # "of which": no source, no verb
])
def test_relative_sources_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[0] in {"which", "none of which"}] == []


# ---- rule 4: a participle after a comma and an adverb continues the clause's subject
@pytest.mark.parametrize("text, expected", [
    ("The GOP nominee complained about his mic after the debate, even suggesting he may have "
     "been sabotaged.",
     [("The GOP nominee", "complained", "distancing"), ("The GOP nominee", "suggesting", "tentative")]),
    ("Trump attacked the press, again claiming that the election was rigged.",
     [("Trump", "attacked", "counter"), ("Trump", "claiming", "distancing")]),
])
def test_participle_after_adverb(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "The market fell sharply, even surprising analysts.",   # no reporting verb
    "Prices rose, largely reflecting the war.",
])
def test_participle_after_adverb_must_not_fire(text: str) -> None:
    assert _rows(text) == []
