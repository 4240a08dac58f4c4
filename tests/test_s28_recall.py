"""Session 28, attribution recall on war coverage: speakers that the hand annotators of the five-country
war sets marked and the extractor did not find (seen sets only).

Each pattern has a table of sentence -> (speaker, cue, stance) and cases that must not fire."""
from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"]) for r in A.attribute(text, headline=False)]


# a lower-case furniture word ("latest", "war") before a source or document head modifies it
@pytest.mark.parametrize("text, expected", [
    ("The latest message said the talks were over.", [("The latest message", "said", "neutral")]),
    ("His latest statement said the talks were over.", [("His latest statement", "said", "neutral")]),
    ("Russia's latest report said that the talks were over.",
     [("Russia's latest report", "said", "neutral")]),
    ("The message said the talks were over.", [("The message", "said", "neutral")]),
])
def test_modifier_before_document_head(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "Latest news says the talks were over.",  # a title-case label word stays furniture
])
def test_furniture_stays(text: str) -> None:
    assert _rows(text) == []


# a noun of saying or thinking as the subject of "be" and a that-clause, with its owner
@pytest.mark.parametrize("text, expected", [
    ("When I met President Zelenskiy, his greatest fear was that the victory meant too many people would "
     "think the war over.", [("his", "fear", "belief")]),
    ("The consistent message of every person I met in Ukraine was that Ukrainians are not Russian.",
     [("every person I met in Ukraine", "message", "neutral")]),
    ("Even today, the prevailing view among Russia’s friends in Congress is that Russia must eventually win.",
     [("Russia’s friends in Congress", "view", "belief")]),
    ("Their argument is that sanctions do not work.", [("Their", "argument", "neutral")]),
    ("The Kremlin's main argument remains that NATO expanded.", [("The Kremlin's", "argument", "neutral")]),
    ("Beck’s contention was that Trump is appealing to the alt-right.", [("Beck’s", "contention", "distancing")]),
])
def test_predicative_nominal(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "The problem is that nobody listens.",  # no owner
    "The fear is that the war will spread.",
    "The view of the war in Ukraine is that it will last.",  # the of-phrase names a thing
    "The effect of the sanctions was that prices rose.",  # no noun of saying or thinking
    "Today's message is that the talks are over.",  # a time, no owner
    "His fear of flying is well known.",  # no that-clause
])
def test_predicative_nominal_none(text: str) -> None:
    assert _rows(text) == []


def test_predicative_nominal_resolves_possessive() -> None:
    from contrast.extract import extract_text

    ev = extract_text("President Zelensky spoke on Monday. His greatest fear was that the West would tire.",
                      doc_id="x", headline=False, families=["attribution"])
    row = ev[ev["cue"] == "fear"].iloc[0]
    assert row["affiliation"] == "UA"


def test_predicative_nominal_follows_left_out_stances() -> None:
    res = A.default_resources().without_stances(["belief"])
    assert A.attribute("His greatest fear was that the West would tire.", headline=False, resources=res) == []


# a gerund after "by" (no comma) inside a reported clause with its own subject and finite verb
@pytest.mark.parametrize("text, expected", [
    ("Analysts pointed out that Russian state media and milbloggers attempted to justify the strike by "
     "claiming that Ukrainian forces installed equipment on the tower.",
     [("Analysts", "pointed out", "endorsing"), ("Russian state media", "claiming", "distancing")]),
    ("Trump said Clinton had lied by claiming that she was under sniper fire.",
     [("Trump", "said", "neutral"), ("Clinton", "claiming", "distancing")]),
    # the gerund of the main clause keeps the main speaker
    ("The senator responded by saying that the bill was dead.",
     [("The senator", "responded", "neutral"), ("The senator", "saying", "neutral")]),
    ("Perdue said he didn't believe the story, arguing that it was false.",
     [("Perdue", "said", "neutral"), ("Perdue", "arguing", "neutral")]),
])
def test_gerund_of_reported_clause(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# a relative clause without "that": the article and name after the antecedent are its subject
@pytest.mark.parametrize("text, expected", [
    ("Putin offered to send free grain to the continent, something the UN warned would not make up for "
     "Russia pulling out of the grain deal.", [("Putin", "offered", "neutral"), ("the UN", "warned", "emphatic")]),
])
def test_zero_relative_subject(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, cue", [
    ("Obama cautioned against a betrayal of our values in the way the United States responds to threats.",
     "responds"),
    ("The woman driving onto a sidewalk along the Las Vegas Strip told police she was stressed.", "told"),
])
def test_zero_relative_none(text: str, cue: str) -> None:
    assert all(r[0] not in {"the United States", "the Las Vegas Strip"} for r in _rows(text) if r[1] == cue)


# an adjective of manner or judgment after "be" and before the to-infinitive of a cue
@pytest.mark.parametrize("text, expected", [
    ("And Ukrainians are right to think that Russia today is a fascist imperialist regime.",
     [("Ukrainians", "are right to think", "belief")]),
    ("The Kremlin was quick to deny the report.", [("The Kremlin", "was quick to deny", "counter")]),
    ("The Kremlin has been quick to deny the report.", [("The Kremlin", "has been quick to deny", "counter")]),
    ("Sexton was quick to point out that not all supporters espoused such views.",
     [("Sexton", "was quick to point out", "endorsing")]),
    ("They continue to believe that the war will end soon.", [("They", "continue to believe", "belief")]),
])
def test_catenative_adjective(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "It is hard to believe that the war is over.",  # no source
    "By now it should be obvious that voters want to know what is in his returns.",  # a question
])
def test_catenative_adjective_none(text: str) -> None:
    assert all(r[2] != "belief" for r in _rows(text))


# coordinations: a second clause with a subject of its own; an adverbial clause after "and,"
@pytest.mark.parametrize("text, expected", [
    ('Holmila described the pact as the source behind Stalin\'s sense of "free reign" over Finland and a '
     "slew of other historians assessed how Nazi Germany and the Soviet Union carved Eastern Europe.",
     [("Holmila", "described", "neutral"), ("a slew of other historians", "assessed", "neutral")]),
    ("She had been challenged by a reporter about whether she supported Lukashenko and, after declining to "
     "answer the question, later said she did not feel safe.",
     [("a reporter", "had been challenged", "counter"), ("she", "supported", "attitude"),
      ("she", "said", "neutral")]),  # (the same woman: "she" resolves to her)
])
def test_coordinated_clause(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# adverbs that are no part of the speaker ("almost", "always", "soon")
@pytest.mark.parametrize("text, expected", [
    ("The Next portal has almost immediately published an ironic answer.",
     [("The Next portal", "has almost immediately published", "neutral")]),
    ("World leaders and diplomats almost universally expressed outrage.",
     [("World leaders and diplomats", "expressed", "neutral")]),
    ("He soon learned that his parents had never filled out the paperwork.", [("He", "learned", "neutral")]),
])
def test_adverb_before_verb(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_coordinated_verb_skips_embedded_speaker() -> None:
    rows = _rows("Huckabee’s campaign said he hasn’t accepted any new gigs since announcing his candidacy and "
                 "suggested that the bigger ethical question is elsewhere.")
    assert ("Huckabee’s campaign", "suggested", "tentative") in rows


def _ex(text: str) -> list[tuple[object, ...]]:
    from contrast.extract import extract_text

    ev = extract_text(text, doc_id="x", headline=True, families=["attribution"])
    return [(r.cue, r.speaker, r.affiliation) for r in ev.itertuples() if r.family == "attribution"]


# a subheading of the body in the headline's "X to Y: ..." form
@pytest.mark.parametrize("text, expected", [
    ("Modi met Putin.\n\nPrime Minister of India to Putin: This is not the time of wars\n\nThe talks went on.",
     [(":", "Prime Minister of India", "IN")]),
    ("Text here.\nKuleba on Amnesty International: stop the nonsense\nMore text.", [(":", "Kuleba", "UA")]),
])
def test_subheading_colon(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _ex(text) == expected


@pytest.mark.parametrize("text", [
    "Text.\nShelling of Donetsk region: 3 killed\nMore.",  # a topic label
    "Text.\nThe visit of Modi to Putin: what we know so far. And more.\nMore.",  # no subheading line
])
def test_subheading_colon_none(text: str) -> None:
    assert all(r[0] != ":" for r in _ex(text))


# the source a reporter cites after "citing" / "quoting": a row of its own on the same cue
@pytest.mark.parametrize("text, expected", [
    ("Three people were killed in Copenhagen shooting, Reuters reports, citing police.",
     [("Reuters", "reports", "neutral"), ("Reuters", "citing", "neutral"), ("police", "citing", "neutral")]),
    ("Interfax reported the figure, quoting the Defence Ministry.",
     [("Interfax", "reported", "neutral"), ("Interfax", "quoting", "neutral"),
      ("the Defence Ministry", "quoting", "neutral")]),
])
def test_cited_source(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "The ministry cancelled the visit, citing security concerns.",
    "McConnell praised the country, citing the release of political prisoners and Suu Kyi's election.",
    "Herzik said so, citing another reason the state is difficult to predict.",
])
def test_cited_source_none(text: str) -> None:
    assert sum(1 for r in _rows(text) if r[1] == "citing") == 1


# a long parenthesis between the source and its verb (a list of its members) is skipped
@pytest.mark.parametrize("text, expected", [
    ("Several polls from diverse polling organizations (Savanta ComRes, VCIOM, the research project “Do "
     "Russians Want War?”) have reported that the silent majority of Russians support the war.",
     [("Several polls from diverse polling organizations", "have reported", "neutral")]),
    ("Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says "
     "he was unfocused.", [("Sen. Chris Murphy", "says", "neutral")]),
    ("Rep. Emanuel Cleaver II (D-Mo.) said the bill was dead.", [("Rep. Emanuel Cleaver II", "said", "neutral")]),
])
def test_long_parenthesis(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# a noun of a report, "from"/"by" and its owner, then a that-clause
@pytest.mark.parametrize("text, expected", [
    ("Warnings from the US that Russian troops are poised to strike at Ukraine are growing more urgent.",
     [("the US", "Warnings", "emphatic")]),
    ("A warning from the US that Russian troops are poised to strike came on Friday.",
     [("the US", "warning", "emphatic")]),
    ("Warnings by the Pentagon that Russia would strike proved right.", [("the Pentagon", "Warnings", "emphatic")]),
    ("The column won an admission from Elizabeth Warren that the law would not have helped.",
     [("Elizabeth Warren", "admission", "endorsing")]),
])
def test_owned_report_noun(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "Reports from the front that the town had fallen spread fast.",  # a place, no owner
    "Warnings from the war that nobody heeded were many.",  # no that-clause of a report
])
def test_owned_report_noun_none(text: str) -> None:
    assert _rows(text) == []


# a statement noun as the subject of a passive of making or issuing, with its agent
@pytest.mark.parametrize("text, expected", [
    ("The relevant statement was made by them in the Open Letter to media professionals.",
     [("them", "was made", "neutral")]),
    ("The remarks were made by Peskov on Monday.", [("Peskov", "were made", "neutral")]),
])
def test_statement_made_by(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "The statement was made by the time the talks ended.",  # a time, no agent
    "The cake was made by the chef.",  # no statement noun
])
def test_statement_made_by_none(text: str) -> None:
    assert _rows(text) == []


# 'place the blame', 'make (similar) denials'; "however", "instead" between the subject and its verb
@pytest.mark.parametrize("text, expected", [
    ("The British side however placed the blame for Paul Urey’s death on Moscow.",
     [("The British side", "placed the blame", "counter")]),
    ("Kyiv put the blame on Moscow.", [("Kyiv", "put the blame", "counter")]),
    ("Although Russia denies sending its troops into Ukraine, the Kremlin made similar denials when it took "
     "Crimea.", [("Russia", "denies", "counter"), ("the Kremlin", "made similar denials", "counter")]),
    ("Carter however said he would welcome China’s participation.", [("Carter", "said", "neutral")]),
])
def test_blame_and_denials(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# a past participle postmodifying a medium before an adjunct: no cue, and the medium is the subject
@pytest.mark.parametrize("text, expected", [
    ("A news report published Wednesday said Defense Secretary Ash Carter used a personal email account.",
     [("A news report", "said", "neutral")]),
    ("A statement released on Friday said the talks were over.", [("A statement", "said", "neutral")]),
    ("A statement posted on the website said listings are user generated.",
     [("A statement posted on the website", "said", "neutral")]),
    # the participle is the finite verb when its object or clause follows
    ("The statement noted they had previously said so.", [("The statement", "noted", "neutral"),
                                                          ("they", "had previously said", "neutral")]),
    ("The ministry published a report on Monday.", [("The ministry", "published", "neutral")]),
])
def test_reduced_relative_medium(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# a subject with its restrictive relative clause opening a clause after "as", a dash or a comma
@pytest.mark.parametrize("text, expected", [
    ("Defeat in Ukraine is Russia’s historical chance for normality — as Russians who want democracy and the "
     "rule of law will say.", [("Russians who want democracy and the rule of law", "will say", "neutral")]),
    ("But some who advocate free speech argue that relying on companies is risky.",
     [("some who advocate free speech", "argue", "neutral")]),
    ("He thanked the soldiers who defended the city, said Zelensky.",
     [("He", "thanked", "endorsing"), ("who", "defended", "neutral"), ("Zelensky", "said", "neutral")]),
])
def test_subject_with_relative_clause(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("During the meeting in Minsk, the Belarusian dictator spread the nonsense that it was not Russia who "
     "began the war.", [("the Belarusian dictator", "spread the nonsense", "distancing")]),
    ("Russian state media are spreading disinformation about the attack.",
     [("Russian state media", "are spreading disinformation", "distancing")]),
])
def test_spread_a_claim(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected
