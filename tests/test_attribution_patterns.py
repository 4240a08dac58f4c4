"""Attribution's long tail (issue 15) and speakers that are no speakers (issue 13, item 4).

Tables of sentence -> expected (speaker, cue, stance) for each pattern, and for
each false-positive class a sentence where no cue may fire.
"""

from __future__ import annotations

import pytest

from contrast.features import attribution as A
from contrast.features import numbers as N
from contrast.text import segment


def _rows(sentence: str, resources: A.Resources | None = None) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"])
            for r in A.attribute(sentence, headline=False, resources=resources)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # mental-state predicates without "that": stance belief
        ("She believes he surrounds himself with loyalists.", [("She", "believes", "belief")]),
        ("Mr. Clyburn and Mr. Butterfield believe she should step aside.",
         [("Mr. Clyburn and Mr. Butterfield", "believe", "belief")]),
        ("The general thinks the deal will fail.", [("The general", "thinks", "belief")]),
        ("Officials fear that the dam could break.", [("Officials", "fear", "belief")]),
        # evidence predicates: stance evidence
        ("Polls show Clinton leading in Ohio.", [("Polls", "show", "evidence")]),
        ("Disclosure records show he was paid twice.",
         [("Disclosure records", "show", "evidence")]),
        ("The USA TODAY Network report found the program failed.",
         [("The USA TODAY Network report", "found", "evidence")]),
        ("The study found that losses doubled.", [("The study", "found", "evidence")]),
        # a long subject noun phrase before the clause's auxiliary (session 21)
        ("Mr. Obama believes his efforts to slow global warming will be his legacy.",
         [("Mr. Obama", "believes", "belief")]),
        ("Taylor and others believe all of the West, especially the EU, have an interest.",
         [("Taylor and others", "believe", "belief")]),
        # an evidence noun inside the subject, not its last word (session 21)
        ("A 2014 study by law professor Justin Levitt found 31 incidents of fraud.",
         [("A 2014 study by law professor Justin Levitt", "found", "evidence")]),
        ("Leaked documents from his 1995 tax return show he took a loss.",
         [("Leaked documents from his 1995 tax return", "show", "evidence")]),
        ("Polling averages show Clinton with a lead.", [("Polling averages", "show", "evidence")]),
        # a finding postposed after a comma, whatever the noun (session 21)
        ("Clinton gained support among black voters, Fox found.", [("Fox", "found", "evidence")]),
        # a possessed nominal cue (session 21)
        ("Critics dismissed Donald Trump’s claim that the vote was rigged.",
         [("Critics", "dismissed", "counter"), ("Donald Trump", "claim that", "neutral")]),
        ("Few accepted his claim that the wall would pay for itself.",
         [("his", "claim that", "neutral")]),
        # ... but a plural subject's "claim that" stays the distancing verb
        ("The Russians claim that the strike hit a depot.", [("The Russians", "claim", "distancing")]),
        # a verb of viewing before an object and "as" (session 21)
        ("Mr. Obama sees Mr. Netanyahu as a hard-liner.", [("Mr. Obama", "sees", "belief")]),
        ("Developers see golf courses as wasted space.", [("Developers", "see", "belief")]),
        ("He viewed the deal as a mistake.", [("He", "viewed", "belief")]),
        # a parenthetical between name and verb
        ("Rep. Emanuel Cleaver II (D-Mo.) said the bill was dead.",
         [("Rep. Emanuel Cleaver II", "said", "neutral")]),
        ("Sen. Ted Cruz (R-Texas) said he would stay in the race.",
         [("Sen. Ted Cruz", "said", "neutral")]),
        # a conjunction before a common-noun subject
        ("But business groups say the rule will cost jobs.",
         [("business groups", "say", "neutral")]),
        ("And law enforcement officials said the suspect fled.",
         [("law enforcement officials", "said", "neutral")]),
        # infinitive, gerund and coordinated communication verbs
        ("He pressed for Trump to tweet Monday that the vote was rigged.",
         [("He", "pressed", "emphatic"), ("Trump", "tweet", "neutral")]),
        ("She was calling donors and advising members to stay home.",
         [("She", "was calling", "neutral"), ("She", "advising", "neutral")]),
        ("He called Ryan on Sunday and boasted about the win.",
         [("He", "called", "neutral"), ("He", "boasted", "distancing")]),
        ("He denounced the United Nations and rejected rumors of a deal.",
         [("He", "denounced", "counter"), ("He", "rejected", "counter"),
          (None, "rumors of", "neutral")]),  # a nominal cue: the noun is no source (session 27)
        ('"It will be Rubio," election law expert Rick Hasen tweeted Monday.',
         [("election law expert Rick Hasen", "tweeted", "neutral")]),
        # gerunds after a comma, a closing quotation or a preposition
        # ("hailed X as" is a cue since lexicon version 6: the quotation is Trump's)
        ('Trump has hailed the vote as "fantastic," telling reporters that it was great.',
         [("Trump", "has hailed", "endorsing"), ("Trump", "telling reporters", "neutral")]),
        ("Bolton distanced himself from the movement by saying he would help.",
         [("Bolton", "distanced", "counter"), ("Bolton", "saying", "neutral")]),
        ("Emphasizing the urgency of the matter, Trump said it was time.",
         [("Trump", "Emphasizing", "emphatic"), ("Trump", "said", "neutral")]),
        ("Tad Devine, Sanders' senior media adviser, said Republicans are engaged in it.",
         [("Tad Devine, Sanders' senior media adviser", "said", "neutral")]),
        # quantified sources
        ("About half of voters say they prefer an outsider.",
         [("About half of voters", "say … prefer", "neutral")]),  # the nested attitude cue joins the relation
        ("But only 49 percent of Republicans say the same of Trump.",
         [("only 49 percent of Republicans", "say", "neutral")]),
        # nominal cues
        ("The ministry issued a statement saying the strike was legal.",
         [("The ministry", "issued a statement saying", "neutral")]),
        # relative "who say"
        ("It angered residents who say the plant is unsafe.", [("who", "say", "neutral")]),
        # an appositive holding a relative clause
        ("Shane Shook, a security expert who has helped investigate the breaches, said it was not "
         "convincing.",
         [("Shane Shook, a security expert who has helped investigate the breaches", "said",
           "neutral")]),
        # inversion after a quotation in NYT style ('') and after a question
        ("''It performed well,'' said Mary Polak, the province's environment minister.",
         [("Mary Polak, the province's environment minister", "said", "neutral")]),
        ('"Is that right?" said Susan Hennessey, a lawyer now at Brookings.',
         [("Susan Hennessey, a lawyer now at Brookings", "said", "neutral")]),
        # war reports
        ("According to Moscow, the site was used to repair military equipment.",
         [("Moscow", "According to", "neutral")]),
        ("According to Moscow, the largest city in the region, the site was hit.",
         [("Moscow, the largest city in the region", "According to", "neutral")]),
        ("Drones reportedly hit an oil depot near Belgorod.", [(None, "reportedly", "neutral")]),
        ("Belgorod depot reportedly ablaze", [(None, "reportedly", "neutral")]),
        # one relation, one row: the inner cue is recorded in the outer row's cue
        ("He said the tape was real, according to audio obtained by CNN.",
         [("He", "said … according to", "neutral")]),
        ("Officials said the drones reportedly hit the depot.",
         [("Officials", "said … reportedly", "neutral")]),
        # verbs of praise and rebuttal (lexicon version 6); "hail" only as "hailed X as"
        ("Russian strongman Vladimir Putin hailed it as historic justice.",
         [("Russian strongman Vladimir Putin", "hailed", "endorsing")]),
        ("A spokesman for President Vladimir Putin lauded Ukraine's desire for a partnership.",
         [("A spokesman for President Vladimir Putin", "lauded", "endorsing")]),
        ("Ukrainian official decries deliberate attack on passenger infrastructure.",
         [("Ukrainian official", "decries", "counter")]),
        ("Diplomat castigates claims about a strike on the mall.",
         [("Diplomat", "castigates", "counter")]),
        ("On April 3, the Russian Ministry of Defense debunked the accusations.",
         [("the Russian Ministry of Defense", "debunked", "counter")]),
        # a participle after a clause whose subject is no source noun: the subordinate clause's subject
        ("The move came after Moscow sent troops to Crimea, claiming it needed to protect Russians.",
         [("Moscow", "claiming", "distancing")]),
        # ... but a source noun after the determiner is the subject
        ("The campaign met donors on Monday, saying it was pleased.",
         [("The campaign", "saying", "neutral")]),
        # a few scare-quoted words inside an appositive stay in it
        ("Igor Girkin, the Russian former “defense minister” of the rebel group, claimed that Russia helped.",
         [("Igor Girkin, the Russian former “defense minister” of the rebel group", "claimed", "distancing")]),
        ('Smith, a "senior" official, said the plan would fail.',
         [('Smith, a "senior" official', "said", "neutral")]),
        # (a quotation of many words before the name is no appositive)
        ('"It is over and we have won the war at last," Smith said.', [("Smith", "said", "neutral")]),
        # "since" between the auxiliary and the verb
        ("Putin has since also admitted that troops were involved.",
         [("Putin", "has since also admitted", "endorsing")]),
    ],
)
def test_pattern_table(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a clause ending in a preposition or conjunction is no speaker: its subject is
        ("They are less hostile to regulation and generally agree that taxes should rise.",
         [("They", "agree", "endorsing")]),
        # the second verb of a coordination past adverbs
        ("He brought up the bombing and later said it was wrong.", [("He", "said", "neutral")]),
        ("Her followers attacked her skills and even questioned her identity.",
         [("Her followers", "attacked", "counter"), ("Her followers", "questioned", "counter")]),
        # appositive chains: an opening adverbial, a name with "Will", a role-noun appositive
        ("In an interview, Steve Huhn, a former HP vice president of global sales, said it "
         "was true.",
         [("Steve Huhn, a former HP vice president of global sales", "said", "neutral")]),
        ("Polk County GOP Chairman Will Rogers, for example, said the visit mattered.",
         [("Polk County GOP Chairman Will Rogers", "said", "neutral")]),
        ("Leonard E. Burman, director of the Tax Policy Center and a professor at the Maxwell "
         "School of Syracuse University, said the plan was costly.",
         [("Leonard E. Burman, director of the Tax Policy Center and a professor at the Maxwell "
           "School of Syracuse University", "said", "neutral")]),
        # a quantified source with "at least"
        ("At least half of voters in each state say the economy is weak.",
         [("At least half of voters in each state", "say", "neutral")]),
        # a parenthetical inside the name segment, also where the sentence splitter cut it
        ("Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said "
         "members will help.",
         [("Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC",
           "said", "neutral")]),
        # an adverbial between the speaker and the verb
        ('"He had a lot of Missouri supporters," Blunt, after a long pause, said of Cruz.',
         [("Blunt", "said", "neutral")]),
        ("RNC members and officials, in fact, even insist that Trump will win.",
         [("RNC members and officials", "insist", "distancing")]),
        # an opening adverbial before the clause's subject of a participle
        ("On Thursday, he hedged on whether he would support her, telling MSNBC it would depend.",
         [("he", "telling MSNBC", "neutral")]),
        ("In an incendiary press conference, Trump attacked Obama, calling him ignorant.",
         [("Trump", "attacked", "counter"), ("Trump", "calling", "neutral")]),
        # a lower-case source noun with its post-modifier
        ("Although he lacks a signature achievement, elected officials from both parties say "
         "he has forged a reputation.",
         [("elected officials from both parties", "say", "neutral")]),
        # the outlet or person before "reports/report/claims that" is the source
        ("On the day the Washington Post reports that subpoenas went out, he left.",
         [("the Washington Post", "reports that", "neutral")]),
        ("Clinton is seizing upon a New York Times report that Trump had a loss.",
         [("a New York Times", "report that", "neutral")]),
        ("Despite Mr. Trump's claims that his net worth exceeds $10 billion, rankings differ.",
         [("Mr. Trump", "claims that", "neutral")]),
        # relative "which" after a comma, "who" past a year; hyphenated modifiers; a name after
        # a dash
        ("They turned to the Chicago Police Department, which reported 2,521 shootings.",
         [("which", "reported", "neutral")]),
        ("It began with McConnell, who in 2010 said the main goal was to defeat Obama.",
         [("who", "said", "neutral")]),
        ("The plan is vague about who would be eligible, labor-policy experts say.",
         [("labor-policy experts", "say", "neutral")]),
        ("His goal is also predictable - Donald J. Trump has vowed to bring back mining jobs.",
         [("Donald J. Trump", "has vowed", "neutral")]),
        # an inverted verb of speech that opens the sentence before a colon
        ('The plan is complicated. Said Ellis: "I don\'t get the sense she is the leader."',
         [("Ellis", "Said", "neutral")]),
        ('Stated Stone: "I think the stakes are so high."', [("Stone", "Stated", "neutral")]),
        # a parenthetical opens no clause
        ("Carly Fiorina threw her support behind Sen. Ted Cruz (R-Texas) Wednesday, saying it "
         "is time.",
         [("Carly Fiorina", "saying", "neutral")]),
        # a capitalised modal inside a sentence is a name
        ('"It is an entry-level job," Will urged the electorate to abandon outsiders.',
         [("Will", "urged", "neutral")]),
        # a quantifier standing alone as the subject
        ("Several said they would rather federal officials dole out funding.",
         [("Several", "said", "neutral")]),
        ("Many fear Trump will feed insecurity.", [("Many", "fear", "belief")]),
        # a dateline dash before the subject; a name after a lower-case word
        ("WASHINGTON (Reuters) - U.S. Democratic presidential candidate Hillary Clinton said "
         "Russian hackers broke in.",
         [("U.S. Democratic presidential candidate Hillary Clinton", "said", "neutral")]),
        # (a name's lower-case particle is part of the name, session 25: "de Blasio", "von der Leyen")
        ('If Sanders would debate on April 14, de Blasio tweeted, "I will help you."',
         [("de Blasio", "tweeted", "neutral")]),
        # a gerund after an opening preposition; an opening participle and its by-agent
        ("In describing fellow billionaire Donald Trump, Cuban said he sees someone.",
         [("Cuban", "describing", "neutral"), ("Cuban", "said", "neutral")]),
        ("After talking about security, Mr. Netanyahu suggested that they walk.",
         [("Mr. Netanyahu", "talking about", "neutral"),
          ("Mr. Netanyahu", "suggested", "tentative")]),
        ("When asked by Ingraham about the visas, Trump said no.",
         [("Ingraham", "asked", "neutral"), ("Trump", "said", "neutral")]),
    ],
)
def test_speaker_table(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an attitude adjective after "be", before its complement: stance attitude
        ("The party is deeply divided over the legacy of the deal.",
         [("The party", "is deeply divided", "attitude")]),
        ("Some Clinton backers are concerned that momentum could carry him.",
         [("Some Clinton backers", "are concerned", "attitude")]),
        ("Sanders has been extremely critical of the bank.",
         [("Sanders", "has been extremely critical of", "attitude")]),
        ("Many editors were reluctant to commission books about him.",
         [("Many editors", "were reluctant", "attitude")]),
        # a mental state, attitude or finding inside another source's content is linked
        ("Mr. Trump said he was skeptical of United States intelligence officials.",
         [("Mr. Trump", "said … was skeptical", "neutral")]),
        ("She said polls show Clinton leading.", [("She", "said … show", "neutral")]),
        ("He said he believes the deal will fail.", [("He", "said … believes", "neutral")]),
    ],
)
def test_attitude_and_nested_table(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an attitude adjective without "be" or without a complement, "critical" meaning vital
        "The way Pence carried himself was critical to his success.",
        "He is critical.",
        "A concerned parent called the school.",
        "Angry voters filled the hall.",
    ],
)
def test_attitude_adjective_must_not_fire(sentence: str) -> None:
    assert not [r for r in _rows(sentence) if r[2] == "attitude"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause ending in "by" is no speaker
        "Boxer attacked Fiorina by reminding voters that the merger cost jobs.",
        "Trump soared to the top of the polls by talking about a wall.",
    ],
)
def test_no_speaker_ends_in_a_preposition(sentence: str) -> None:
    rows = A.attribute(sentence, headline=False)
    assert rows and all(r.get("speaker") is None or r["speaker"].split()[-1] not in {"by", "and"}
                        for r in rows)




@pytest.mark.parametrize(
    "sentence",
    [
        # "add" meaning increase, accounting "report"
        "The company has added 178,000 jobs this year.",
        "The economy added more than 200,000 jobs in May.",
        "The firm reported a $916 million loss.",
        "The bank reported record quarterly earnings.",
        # the byline and other page furniture before a colon
        "Contributing: John Smith",
        "BYLINE: Amber Phillips.",
        "The Sports Moment: Ronaldo scores again",
        # a commitment, not a report
        "The parties agreed not to publish the list.",
        "Both sides agreed to halt the shelling.",
        # an intention in a coordination
        "The unit was placed behind them and threatened to shoot them.",
        # no cue
        "Heavy fighting continued in the east.",
        # a mental-state verb without a clause, in a quotation, or of the writer
        "She knows the city well.",
        "They believe in God, and the church will help them.",
        "They saw the city as they drove past.",
        "The claim that the vote was rigged is false.",
        "He lost the race, but he found it difficult.",
        "A contention that nobody shared was aired.",
        "But they see in the last seven years major advances.",
        "The tourists saw the ruins and left.",
        # "views" is mostly a noun and is not listed
        "His views as a senator were well known.",
        "The officers who found the car in the river said nothing.",
        '"I think so," he said. "You know, we believe them."',
        # a determiner and an abstract noun is no source
        "The views expressed here are the author's own.",
        # "to say" before a wh-clause
        "The senator declined to say whether he would run.",
        # "hail" without "X as": origin, weather, greeting
        "The band hails from Lviv.",
        "Hail battered the city on Monday.",
        "Crowds hailed the soldiers.",
        "He has lived in Kyiv since.",
    ],
)
def test_must_not_fire(sentence: str) -> None:
    rows = _rows(sentence)
    forbidden = {"added", "has added", "reported", "Contributing", "BYLINE", "agreed", "continued",
                 "knows", "think", "believe", "expressed", "say", ":", "hails", "hailed", "since"}
    assert not [r for r in rows if r[1] in forbidden or r[0] in {"The Sports Moment", "The views"}]


@pytest.mark.parametrize(
    "sentence, resolved, stype",
    [
        ("It angered residents who say the plant is unsafe.", "residents", "anonymous"),
        ("It was negotiated with Labor Secretary Thomas Perez, who said he expects a deal.",
         "Labor Secretary Thomas Perez", "named"),
    ],
)
def test_relative_who_resolves_to_its_noun_phrase(sentence: str, resolved: str, stype: str) -> None:
    (row,) = A.attribute(sentence, headline=False)
    assert (row["speaker"], row["speaker_resolved"], row["speaker_type"]) == ("who", resolved, stype)


def test_quoted_speaker_keeps_outer_cue_only() -> None:
    rows = A.attribute('"I think so," he said. "You know, we believe them."', headline=False)
    assert [(r.get("speaker"), r["cue"]) for r in rows] == [("he", "said")]


def test_linked_row_keeps_offsets_of_the_outer_cue() -> None:
    text = "He said the tape was real, according to audio obtained by CNN."
    (row,) = A.attribute(text, headline=False)
    assert text[row["start"]:row["end"]] == row["span"] == "said"
    assert row["cue"].startswith(row["span"])


def test_nominal_cue_span_is_exact() -> None:
    text = "The ministry issued a statement saying the strike was legal."
    (row,) = A.attribute(text, headline=False)
    assert text[row["start"]:row["end"]] == row["span"] == row["cue"]
    assert text[row["content_start"]:row["content_end"]] == "the strike was legal"


def test_belief_and_evidence_can_be_left_out_in_one_argument() -> None:
    text = "She believes he lied. Polls show Clinton leading. Officials said it was over."
    full = A.default_resources()
    only_reports = A.default_resources(A.MENTAL_AND_EVIDENCE)
    assert {r["label"] for r in A.attribute(text, headline=False, resources=full)} == \
        {"belief", "evidence", "neutral"}
    assert [r["cue"] for r in A.attribute(text, headline=False, resources=only_reports)] == ["said"]
    assert set(A.MENTAL_AND_EVIDENCE) <= set(A.STANCES)
    with pytest.raises(ValueError, match="unknown stance"):
        full.without_stances(["wishful"])


def test_stance_labels_are_in_the_lexicon_header() -> None:
    from contrast.lexicon import lexicon_meta

    meta = lexicon_meta("reporting_verbs")
    assert "belief =" in meta["stance"] and "evidence =" in meta["stance"]
    assert lexicon_meta("attribution_context")["licence"]


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("An estimated 40 soldiers may have been killed.", "casualties"),
        ("Up to 300 people are feared dead.", "casualties"),
        ("40 soldiers are believed to have been killed.", "casualties"),
        ("40 soldiers may arrive on Monday.", "count"),
    ],
)
def test_casualties_after_modals(sentence: str, label: str) -> None:
    rows = N.extract(segment(sentence, headline=False), N.default_resources())
    assert [r["label"] for r in rows if r["value"] == 40 or r["value"] == 300] == [label]


@pytest.mark.parametrize(
    "sentence",
    [
        # an evidence noun inside a run that is not the subject's head (seen on RUWA ledes)
        "Warning: the clip contains images some viewers may find upsetting.",
        # a verb of viewing is a cue only as "see X as": not a noun, not the writer's "you can see"
        "Kyiv and the European Union share the same view that Moscow has no veto.",
        "In the satellite pictures you can see that fires continue near the plant.",
        "Fresh photos of the port: the port from bird's eye view: the unit has published new photos.",
    ],
)
def test_belief_and_evidence_must_not_fire(sentence: str) -> None:
    assert not [r for r in _rows(sentence) if r[2] in {"belief", "evidence"}]
