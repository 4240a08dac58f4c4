"""Attribution, session 25, second pass (issue 15). Tables of text -> expected (speaker, cue,
stance) for each rule added, and for each a case where it must not fire:

- a quotation whose marks did not pair up is closed by a closing mark before the cue;
- a pronoun's cue inside a transcript turn ("FALLIN: I think ...") is the turn's own words;
- a quotation's speaker and an unlisted past-tense verb right after it ('... the crowd cried out');
- a finding of an evidence source across a short adjunct ("A Quinnipiac poll this month found");
- reporting_verbs.tsv version 9: forms kept where most of their new cues were gold cues.
"""

from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"]) for r in A.attribute(text, headline=False)]


# ---- a closing mark before the cue closes a quotation whose marks did not pair up
@pytest.mark.parametrize("text, expected", [
    ("\"I want to wait until I meet with Bibi” before discussing specifics, he said. The answer "
     "received boos.", [("he", "said", "neutral")]),
    ("\"“You don’t win the nomination by how many states you win,” Rubio responded before adding "
     "that he will have to win some states.",
     [("Rubio", "responded", "neutral"), ("Rubio", "adding", "neutral")]),
])
def test_quotation_closed_before_cue(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # must not fire: a cue inside a quotation that is still open
    "Davis said: \"He said it was possible and he added that it was over.\"",
    "“They told us it was safe, and then they said we had to leave,” she recalled.",
])
def test_cue_inside_open_quotation_gives_no_row(text: str) -> None:
    assert len(A.attribute(text, headline=False)) == 1  # the outer cue only


# ---- transcript turns: a pronoun's cue inside "NAME: ..." is the turn's speaker's own words
def test_transcript_turn_pronoun_cues() -> None:
    text = ("TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
            "FALLIN: I think he is trying to campaign as a racial healer. I think that has been "
            "part of his message. If you watch what he said this week, he talked about Dallas.")
    assert _rows(text) == [("TAPPER", ":", "neutral"), ("FALLIN", ":", "neutral")]


@pytest.mark.parametrize("text, expected", [
    # must not fire: the same words in running text, or a named source inside a turn
    ("Fallin said in an interview that she thinks he is trying to campaign as a racial healer.",
     [("Fallin", "said in an interview … thinks", "neutral")]),
    ("KING: Lavrov said the talks had failed.", [("Lavrov", "said", "neutral")]),
])
def test_transcript_turn_rule_keeps_other_cues(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- a quotation's speaker and an unlisted past-tense verb right after it
@pytest.mark.parametrize("text, expected", [
    ("\"Nooooo!\" the crowd cried out, booing.", [("the crowd", "cried out", "neutral")]),
    ("\"You should be ashamed,\" Oliver barked. \"We may be out of time.\"",
     [("Oliver", "barked", "neutral")]),
    ("“The way I see it,” she elaborated, “no one ever questioned his sacrifice.”",
     [("she", "elaborated", "neutral")]),
    ("\"Mexico!\" the audience screamed back.", [("the audience", "screamed back", "neutral")]),
    # a quotation inside a quotation closes with two marks
    ("“He said, ‘Dude, we already wrote the songs,’” Keidis continued. “He’s like, ‘No.’”",
     [("Keidis", "continued", "neutral")]),
])
def test_postposed_quotation_frame(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # must not fire: an adjective after the determiner, a plural noun, no quotation before
    ("\"I made climate change the top priority,\" the bespectacled, 71-year-old diplomat said.",
     [("71-year-old diplomat", "said", "neutral")]),
    ("\"Is this your standard-bearer?\" Several Republican leaders, including Sen. John McCain, "
     "stayed away.", []),
    ("The crowd cried out, booing.", []),
])
def test_postposed_quotation_frame_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- a finding of an evidence source across a short adjunct, relative pronoun or participle
@pytest.mark.parametrize("text, expected", [
    ("A Quinnipiac University poll this month found Mr. Trump about even with Mrs. Clinton.",
     [("A Quinnipiac University poll", "found", "evidence")]),
    ("Polls there show Trump trailing Ted Cruz just ahead of Tuesday's vote.",
     [("Polls", "show", "evidence")]),
    ("The New York Times provides entrance poll results that show where each candidate's support "
     "came from.", [("results", "show", "evidence")]),
    ("Trump's standing fell after leaked emails showed staff favoring Clinton.",
     [("leaked emails", "showed", "evidence")]),
])
def test_evidence_finding_across_adjunct(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # must not fire: a passive "can be found", a noun that is no evidence source, a finding
    # that ends at the comma before the reporting clause of another source
    ("The full poll can be found here.", []),
    ("The soldiers there found a cache of weapons.", []),
    ("Priebus, in the wake of a new poll showing Trump's standing down to 14 percent, told Fox "
     "News that Trump appreciates the news.",
     [("a new poll", "showing", "evidence"), (None, "told Fox News", "neutral")]),
])
def test_evidence_finding_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- reporting_verbs.tsv version 9
@pytest.mark.parametrize("text, expected", [
    ("His name was never mentioned during the debate.", [(None, "was never mentioned", "neutral")]),
    ("The claims were denied by the ministry.", [("the ministry", "were denied", "counter")]),
    ("Concern was expressed about the attack.", [(None, "was expressed", "neutral")]),
    ("The area was declared a closed military zone.", []),  # a declared state is an act, not a report (war coverage)
    ("These voters point to the 1994 crime bill.", [("These voters", "point to", "neutral")]),
    ("The SVP is campaigning against plans to provide free legal aid.",
     [("The SVP", "is campaigning against", "attitude")]),
    ("He promises a political revolution.", [("He", "promises", "neutral")]),
])
def test_lexicon_version_9(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # must not fire: the noun "promises", "campaign against" as a noun, "by threatening to"
    ("His promises were never kept.", []),
    ("The United States began a bombing campaign against the group last year.", []),
    ("Russia is using barrier units that stop soldiers from withdrawing, including by "
     "threatening to shoot them.", []),
    ("Artillery hammered the positions overnight.", []),
])
def test_lexicon_version_9_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_lexicon_version_9_rows() -> None:
    from contrast.lexicon import lexicon_meta, load_table

    assert int(lexicon_meta("reporting_verbs")["version"]) >= 9
    vt = load_table("reporting_verbs")
    bare = vt[(vt["need"] == "bare") & vt["lemma"].isin(["mention", "deny", "express", "highlight"])]
    assert set(bare["lemma"]) == {"mention", "deny", "express", "highlight"}


# ---- a one-word cue that is a noun or an adjective: the noun "shows", an attributive participle
@pytest.mark.parametrize("text", [
    "Trump took to the talk shows.",
    "Among the most popular shows on its service were two dramas.",
    "Clinton leads Sanders by 271 pledged delegates.",
    "Forty-three percent of all reported contributions went to Republicans.",
    "The state party released its list of 25 recommended delegates.",
])
def test_noun_or_adjective_gives_no_row(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # must not fire: the verb "shows" with an object, a clause or an evidence subject; a
    # participle with a clause or an object after it
    ("The turnout was the highest since 1980, the Pew Research Center analysis shows.",
     [("the Pew Research Center analysis", "shows", "evidence")]),
    ("A new study by a group of researchers shows in detail how companies avoid taxes.",
     [("A new study by a group of researchers", "shows", "evidence")]),
    ("A memorable Clinton ad in 2008 questioned whether Obama was prepared.",
     [("A memorable Clinton ad in 2008", "questioned", "counter")]),
    ("The senator pledged support for the bill.", [("The senator", "pledged", "neutral")]),
])
def test_noun_or_adjective_rule_keeps_verbs(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected
