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
    ("The study -- which notes that 58 companies would owe $212 billion -- was released Monday.",
     [("which", "notes", "neutral")]),
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


# ---- rule 5: intention predicates before a to-infinitive are attitude cues of their subject
# (PolNeAR counts a source's intentions as attributions)
@pytest.mark.parametrize("text, expected", [
    ("Clinton wants to triple the size of the AmeriCorps program.",
     [("Clinton", "wants to", "attitude")]),
    ("The Clinton campaign plans to employ Mr. Obama as a surrogate.",
     [("The Clinton campaign", "plans to", "attitude")]),
    ("The FBI decided not to recommend charges.", [("The FBI", "decided not to", "attitude")]),
    ("The coalition intends to preserve its non-endorsement policy.",
     [("The coalition", "intends to", "attitude")]),
    ("If schedules permit, the campaign would like to organize another rally.",
     [("the campaign", "would like to", "attitude")]),
    ("She has spoken about the need for reforms.", [("She", "has spoken about", "neutral")]),
])
def test_intention_cues(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "Russian soldiers can call a hotline if they want to surrender.",   # a conditional: no wish
    "Unless the city plans to appeal, the ruling stands.",
    "The city unveiled a plan to build bunkers.",                       # a noun after a determiner
    "There is nothing to speak of.",
])
def test_intention_cues_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if r[2] == "attitude" or "speak" in str(r[1])] == []


def test_intention_cue_inside_a_quotation_keeps_the_quoted_speaker_only() -> None:
    # a first person inside someone's quotation is no source of its own
    assert _rows('"I want to go home," she said.') == [("she", "said", "neutral")]


# ---- rule 6: a quotation closed right before its speaker also when a party and state tag
# follows the name (mixed curly and straight marks otherwise leave the cue "inside" it)
def test_closed_quotation_before_a_tagged_name() -> None:
    text = ('“Immunity deals should not be a requirement," Oversight Chairman Jason Chaffetz '
            '(R-Utah) said in a statement.')
    assert _rows(text) == [("Oversight Chairman Jason Chaffetz", "said in a statement", "neutral")]


def test_cue_inside_a_quotation_with_a_parenthesis_must_not_fire() -> None:
    # the inner "said" is the quoted speaker's own account, not the outlet's attribution
    assert _rows('"We will win," he said. "The polls (all of them) said so."') == \
        [("he", "said", "neutral")]


# ---- rule 7: a cue after a catenative verb and "to" takes the catenative's subject, and the
# catenative joins the cue ("continued to call for")
@pytest.mark.parametrize("text, expected", [
    ("Small groups of protesters continued to call for more information about the shooting.",
     [("Small groups of protesters", "continued to call for", "neutral")]),
    ("The Republican nominee continues to insist, most recently in an interview, that he cannot "
     "release his returns.",
     [("The Republican nominee", "continues to insist", "distancing")]),
])
def test_catenative_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an object before "to" is the infinitive's subject: the catenative rule does not apply
    ("He asked her to explain why.", [("He", "asked", "neutral")]),
    # no cue after the catenative
    ("Officials continued to work on the bill.", []),
])
def test_catenative_subject_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- rule 8: the writer's own mental state outside quotation marks ("I know", "we believe")
# is a belief cue like anyone's; a generic "you think" and a first person inside someone's
# quotation are none
@pytest.mark.parametrize("text, expected", [
    ("I know your tax returns are being audited.", [("I", "know", "belief")]),
    ("As a child I knew this hatred and foul talk were wrong.", [("I", "knew", "belief")]),
])
def test_writer_belief(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Let's say you think a degree will cost $160,000.", []),
    ('"I think Trump should release them," the senator said.', [("the senator", "said", "neutral")]),
])
def test_writer_belief_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Clinton and he said the plan was dead.", [("Clinton and he", "said", "neutral")]),
    ("Last week he said the plan was dead.", [("he", "said", "neutral")]),
])
def test_subject_pronoun_trim_must_not_split_a_coordination(text: str,
                                                           expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- rule 9: a mental-state verb with an object and its infinitive, or with "(all) about",
# is a belief cue without a that-clause
@pytest.mark.parametrize("text, expected", [
    ("A majority of voters expect Clinton to win Monday's debate.",
     [("A majority of voters", "expect", "belief")]),
    ("I didn't expect him to drag up the old spat.", [("I", "didn't expect", "belief")]),
    ("I know all about normalizing hate.", [("I", "know", "belief")]),
])
def test_mind_verb_with_object_infinitive(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "It is the worst deal that we know about.",        # "about" with nothing after it
    "What many expect to be his softball interview begins today.",   # no object
    "They know about it.",
    "Officials expect the vote on Monday.",            # an object, no infinitive
])
def test_mind_verb_with_object_infinitive_must_not_fire(text: str) -> None:
    assert _rows(text) == []


# ---- rule 10: a participle phrase between commas after the subject is no part of the speaker
@pytest.mark.parametrize("text, expected", [
    ("Trump, appearing after Clinton at the forum, cited problems in the Middle East.",
     [("Trump", "cited", "neutral")]),
    ("Eric Garner, gasping facedown on a sidewalk, said he could not breathe.",
     [("Eric Garner", "said", "neutral")]),
    ("The Tax Policy Center, reviewing a previous draft of his plan, concluded that it would "
     "cost trillions.", [("The Tax Policy Center", "concluded", "endorsing")]),
])
def test_participle_parenthetical(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an appositive noun phrase stays in the speaker
    ("Tom Perez, a former labor secretary, said the plan works.",
     [("Tom Perez, a former labor secretary", "said", "neutral")]),
    # "including" opens a member list of the subject, no parenthetical predicate
    ("Several Republicans, including Senator Lamar Alexander, said they would vote no.",
     [("Several Republicans, including Senator Lamar Alexander", "said", "neutral")]),
])
def test_participle_parenthetical_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- rule 11: a participle after a comma continues the main clause's speaker, not the
# subject of a clause inside the content
@pytest.mark.parametrize("text, expected", [
    ("Sen. David Perdue said he didn't believe those characterizations did Romney in, arguing "
     "that it was divisions in the party.",
     [("Sen. David Perdue", "said … didn't believe", "neutral"),
      ("Sen. David Perdue", "arguing", "neutral")]),
    ("Clinton told the audience that she believes we must push policies, saying that race "
     "still matters.",
     [("Clinton", "told … believes", "neutral"), ("Clinton", "saying", "neutral")]),
])
def test_participle_takes_the_main_speaker(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_participle_main_speaker_skips_a_quoted_cue() -> None:
    # the "say" inside the quotation is no main clause: the speaker after it is
    assert _rows("“Every time you say that,” Tester said, referring to the excuse, “you lose.”") == \
        [("Tester", "said", "neutral"), ("Tester", "referring", "neutral")]


# ---- rule 12: rulings and votes are cues of the body that rules or votes
@pytest.mark.parametrize("text, expected", [
    ("Politifact then ruled that Trump's statement was true.", [("Politifact", "ruled that", "neutral")]),
    ("The appeals court ruled that Ohio's practices could be unjust.",
     [("The appeals court", "ruled that", "neutral")]),
    ("He promptly voted against the crime bill.", [("He", "voted against", "attitude")]),
])
def test_ruling_and_vote_cues(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "It was a set of Clean Air Act rules that could close plants.",   # the noun "rules"
    "The rules against fraud are strict.",
    "The vote to approve the bill came late.",                         # the noun "vote"
])
def test_ruling_and_vote_cues_must_not_fire(text: str) -> None:
    assert _rows(text) == []


# ---- rule 13: a catenative that is a cue itself keeps its own row (no second, overlapping
# cue), and "from" before a gerund of speech reads the clause's speaker
def test_catenative_cue_keeps_its_own_row() -> None:
    rows = A.attribute("He refuses to discuss potential appointees, aside from saying he wants a "
                       "diverse delegation.", headline=False)
    starts = [r["start"] for r in rows]
    assert len(starts) == len(set(starts))          # no two rows at one cue start
    assert ("He", "refuses") in [(r.get("speaker"), r["cue"]) for r in rows]
    assert "saying" in [r["cue"] for r in rows]


def test_from_gerund_must_not_fire_on_a_plain_from() -> None:
    assert _rows("The money came from selling the house.") == []


# ---- rule 14: a long subject whose source or evidence head has a relative clause or a
# participle phrase (which may hold a verb of its own) is the speaker of the verb after it
@pytest.mark.parametrize("text, expected", [
    ("A 2014 study that appeared in the British Medical Journal found that medical research "
     "didn't support it.", [("A 2014 study", "found", "evidence")]),
    ("Research that was published last year found that the rate had doubled.",
     [("Research", "found", "evidence")]),
])
def test_modified_evidence_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    # the head is no source or evidence noun: the relative clause's verb blocks it
    "The bridge that appeared in the film found its way into the news.",
    "The song that appeared in the film found its way into the charts.",
])
def test_modified_evidence_subject_must_not_fire(text: str) -> None:
    assert _rows(text) == []


# ---- rule 15: "call" meaning convene is no cue ("called an emergency meeting")
@pytest.mark.parametrize("text", [
    "The U.N. called an emergency meeting on Friday.",
    "The governor called a snap election for June.",
    "Republicans had called the hearing last week.",
])
def test_call_convene_must_not_fire(text: str) -> None:
    assert [r for r in _rows(text) if "call" in str(r[1])] == []


@pytest.mark.parametrize("text, expected", [
    # a naming stays a cue, also with an event noun as the thing named
    ("Clinton called her vote in favor of the war a mistake.", [("Clinton", "called", "neutral")]),
    ("He called the meeting a disaster.", [("He", "called", "neutral")]),
])
def test_call_naming_still_fires(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected
