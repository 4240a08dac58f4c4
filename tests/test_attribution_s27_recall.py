"""Session 27, second recall pass (issue 13): speakers that the hand annotators of the war corpora
marked and the extractor did not find.

Each pattern has a table of sentence -> (speaker, cue, stance) and cases that must not fire."""
from __future__ import annotations

import pytest

from contrast.features import attribution as A


def _rows(text: str) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"]) for r in A.attribute(text, headline=False)]


@pytest.mark.parametrize("text, expected", [
    # a verb of saying as the infinitive of a catenative verb, a clause without "that" after it
    ("Russia continues to allege its troop movement is not a threat.",
     [("Russia", "continues to allege", "distancing")]),
    ("Russia continues to claim its troop movement is not a threat.",
     [("Russia", "continues to claim", "distancing")]),
    ("The ministry continued to insist the strikes were defensive.",
     [("The ministry", "continued to insist", "distancing")]),
    # 'cried' right after a closing quotation, inverted
    ('"We have freedom," cried Zelenskiy.', [("Zelenskiy", "cried", "neutral")]),
    ("“We have freedom, give us wings to protect it,” cried Ukraine’s president, Volodymyr Zelenskiy, "
     "in Westminster Hall.", [("Ukraine’s president", "cried", "neutral")]),
    ('"Help!" she cried.', [("she", "cried", "neutral")]),
    ("They insinuated that Russian forces had tried and failed.",
     [("They", "insinuated", "distancing")]),
    # a reduced passive: a reporting participle, "by" and its agent, no form of "be"
    ("He expressed a sentiment similar to that voiced by Ukrainian President Volodymyr Zelensky earlier "
     "in the day.", [("He", "expressed", "neutral"),
                     ("Ukrainian President Volodymyr Zelensky", "voiced", "neutral")]),
    ("I think so - said Victoria Nuland, US Undersecretary of State, cited by the Ukrainian truth.",
     [("Victoria Nuland", "said", "neutral"), ("the Ukrainian truth", "cited", "neutral")]),
    ("The figures cited by the ministry were high.", [("the ministry", "cited", "neutral")]),
    # the agent of a passive ends before a time adjunct
    ("The view was voiced by President Zelensky on Monday.",
     [("President Zelensky", "was voiced", "neutral")]),
    # a source noun right before 'maintain' or 'claim' and a clause without "that"
    ("In late 2023, South Korean officials maintained North Korean military factories were operating.",
     [("South Korean officials", "maintained", "distancing")]),
    ("The officials maintained the factories were operating.",
     [("The officials", "maintained", "distancing")]),
    ("It is not known what Russia is trading, although rumors claim the Kremlin is providing the "
     "nation with access to technologies.", [("rumors", "claim", "distancing")]),
    # a mental-state verb inside a relative clause whose clause lacks its subject
    ("The blasts, which he believes might have been caused by missiles, hit morale.",
     [("he", "believes", "belief")]),
    # the agent of a reduced passive ends before a verb ("Reports by the BBC suggest")
    ("The remarks of Peskov cited by Interfax were harsh.",
     [("Interfax", "cited", "neutral"), ("Peskov", "cited", "neutral")]),
    # 'inform' with a speaker and no clause; 'issue a warning'
    ("Russia informs UN nuclear watchdog about situation at the plant.",
     [("Russia", "informs", "neutral")]),
    ("UN chief issues warning as Ukraine nuclear plant shelled again.",
     [("UN chief", "issues warning", "emphatic")]),
    ("The police issued a warning.", [("The police", "issued a warning", "emphatic")]),
    # "in the words of X", and "the words of X" before a colon and a quotation
    ("He was, in the words of a senior adviser, the torchbearer of his legacy.",
     [("a senior adviser, the torchbearer of his legacy", "in the words of", "neutral")]),
    ("We would like to recall the words of the Belarusian president: “The more time passes, the more we "
     "venerate the feat.”", [("We", "would like to … recall", "attitude"),
                             ("the Belarusian president", "words of", "neutral")]),
    # 'dub' with a speaker, 'make (veiled) threats'
    ("Navalny urges Russians to protest, as he dubs Russian President Putin an insane little tsar.",
     [("Navalny", "urges", "neutral"), ("he", "dubs", "neutral")]),
    ("Since invading Ukraine in 2022, Putin has repeatedly made veiled threats to use tactical nuclear weapons.",
     [("Putin", "has repeatedly made veiled threats", "emphatic")]),
    # 'publish' with a speaker
    ("Five months ago, Chatham House published a survey of past successes.",
     [("Chatham House", "published", "neutral")]),
    ("Russian President Vladimir Putin published a lengthy essay on his vision of Ukraine's future.",
     [("Russian President Vladimir Putin", "published", "neutral")]),
    # an appositive's closing comma before the verb is no postmodifying participle's
    ("DJI Technology Co., one of the industry's top competitors, announced in April 2022 it was pulling out.",
     [("DJI Technology Co., one of the industry's top competitors", "announced", "neutral")]),
    ("Victoria Nuland presented its position on counteracting Russian aggression.",
     [("Victoria Nuland", "presented its position", "neutral")]),
    ("Alaxandr Lukashenko raves about the fact that it was not Russia that began the war.",
     [("Alaxandr Lukashenko", "raves about", "emphatic")]),
    ("Rep. Andy Biggs sent a letter to Biden on Thursday.", [("Rep. Andy Biggs", "sent a letter", "neutral")]),
    ("Military experts talk of Moscow employing a compellence strategy.",
     [("Military experts", "talk of", "neutral")]),
    # a name in quotation marks inside an inverted speaker
    ('"It will help," said the leader of the "Voice of Ukraine" initiative Anastasia Sihnaievska.',
     [('the leader of the "Voice of Ukraine" initiative Anastasia Sihnaievska', "said", "neutral")]),
    ('"It is bad," said the minister, "and worse."', [("the minister", "said", "neutral")]),
    # a vague collective source before a pair of dashes
    ("Some voices - particularly in France, Germany and Italy - have asked if it might not be better for "
     "the war to end.", [("Some voices", "have asked", "neutral")]),
    # a past "be" and a to-infinitive of a verb of saying (translated agency copy)
    ("Modi was to say it was not time for war.", [("Modi", "was to say", "neutral")]),
    ("Xi was also to announce deep strategic cooperation between the two countries.",
     [("Xi", "was also to announce", "neutral")]),
    ("He was to once again claim the vote was rigged.", [("He", "was to once again claim", "distancing")]),
    ("World agencies report that Prime Minister Modi during a meeting with Vladimir Putin was to say that it "
     "was not time for war.", [("World agencies", "report", "neutral"),
                               ("Prime Minister Modi", "was to say", "neutral")]),
])
def test_recall_patterns(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", [
    "He continues to claim victory.",             # a plain object, no clause
    "She cried when she heard the news.",         # 'cry' elsewhere is no report
    "The baby cries at night.",
    "Officials maintained ties with Moscow.",     # 'maintain' with an object
    "The officials maintained control of the city.",
    "After talks with officials maintained the factories were operating.",  # a prepositional noun
    "Experts claim the moral high ground.",
    "Rumors claim lives.",
    "The man who believes is here.",              # no clause after the mental-state verb
    "He believes in God.",
    "It is what she thinks will happen.",          # the gap only after "which"
    "Many people reading this article have been deeply familiar with him.",  # a participle after the noun
    "Zelensky orders civilians to evacuate Donetsk region.",  # measured and left out
    "Moscow plans drills in response to remarks by Foreign Secretary David Cameron.",
    "He read the words of the treaty aloud.",      # no colon nor quotation after the phrase
    "He borrowed the words of others.",
    "The photos, published on Telegram, show damage.",  # a participle postmodifying a thing
    "The book was published in 2010.",            # agentless and no bare form
    "The talks of peace failed.",                 # the noun "talks"
    "He addressed the issue.",                    # measured and left out
])


def test_recall_patterns_must_not_fire(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("He quoted by heart.", "He"),                # no agent after "by": the subject
    ("He responded by saying no.", "He"),         # "by" and a gerund: a means, no agent
])
def test_reduced_passive_needs_an_agent(text: str, speaker: str) -> None:
    assert all(r.get("speaker") == speaker for r in A.attribute(text, headline=False))


def test_catenative_cue_keeps_its_own_row() -> None:
    # "refused" is a cue itself: it keeps its row, the infinitive adds none
    assert _rows("He refused to claim the money was his.") == [("He", "refused", "counter")]


@pytest.mark.parametrize("text, resolved", [
    # a relative "who" stays the speaker as written (PolNeAR marks the relative pronoun as the
    # source); its antecedent is the person after an abstract noun and "of", and starts at its article
    ("Nuland referred to the position of Senator Rand Paul, who suggested that the US should leave.",
     "Senator Rand Paul"),
    ("He met the head of the agency, who said it was over.", "the head of the agency"),
    ("He met the spokesman of Gazprom, who said it was over.", "the spokesman of Gazprom"),
])
def test_relative_antecedent(text: str, resolved: str) -> None:
    row = [r for r in A.attribute(text, headline=False) if r.get("speaker") == "who"]
    assert len(row) == 1 and row[0]["speaker_resolved"] == resolved


def test_medium_and_person_quoted() -> None:
    # 'X quoted by "Y"': the medium (the agent) and the person it quotes are both sources
    rows = _rows('It is working - he assured on Monday, Deputy Secretary of the US Treasury Wally Adeyemo '
                 'quoted by "Ukrainian truth".')
    assert ("Ukrainian truth", "quoted", "neutral") in rows
    assert ("Deputy Secretary of the US Treasury Wally Adeyemo", "quoted", "neutral") in rows


@pytest.mark.parametrize("text", [
    "That is to say, it failed.",                 # the present "is to" is no report
    "The plan was to say nothing.",               # "was to" after no person nor source
    "What he wanted was to say goodbye.",
    "Reports that the bridge fell spread.",       # the noun "Reports" keeps no speaker
])
def test_be_to_and_report_noun_give_no_speaker(text: str) -> None:
    assert all(r.get("speaker") is None for r in A.attribute(text, headline=False))
