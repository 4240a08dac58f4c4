"""Session 27 (issue 15): nominal cues take the noun's owner as speaker, or none; function-word lists come from a data file.
"claims of ...", "a statement saying ..." have the noun's owner as their speaker ("the
ministry's claims that", "a statement from the Kremlin saying", "Kremlin claims that") or none;
where "reports" / "claims" is the verb ("the agency reports that") its subject stays the speaker.
Tables of text -> expected (speaker, cue, stance), and cases where the rule must not fire. Also
checks that the function words the extractor reads come from lexicons/attribution_function_words.tsv.
"""

from __future__ import annotations

import pytest

from contrast.features import attribution as A
from contrast.lexicon import lexicon_meta, load_table


def _rows(text: str) -> list[tuple[object, ...]]:
    return [(r.get("speaker"), r["cue"], r["label"]) for r in A.attribute(text, headline=False)]


# ---- a report noun with no owner: a speakerless row
@pytest.mark.parametrize("text, expected", [
    ("Reports that the plant was shelled spread quickly.", [(None, "Reports that", "neutral")]),
    ("Reports of shelling near the plant emerged on Monday.", [(None, "Reports of", "neutral")]),
    ("Rumors that the plant was shelled spread.", [(None, "Rumors that", "neutral")]),
    ("Claims that the plant was shelled were denied by Kyiv.",
     [(None, "Claims that", "neutral"), ("Kyiv", "were denied", "counter")]),
    ("Despite reports that the plant was shelled, the IAEA stayed.", [(None, "reports that", "neutral")]),
    ("Amid claims that the plant was shelled, Kyiv said nothing.",
     [(None, "claims that", "neutral"), ("Kyiv", "said", "neutral")]),
    ("She cited published reports alleging that he lied.",
     [("She", "cited", "neutral"), (None, "alleging", "distancing")]),
    ("A statement saying the plant was shelled was released on Monday.", [(None, "saying", "neutral")]),
])
def test_nominal_cue_without_owner_has_no_speaker(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- the owner of the noun is the speaker
@pytest.mark.parametrize("text, expected", [
    ("Kremlin claims that the plant was shelled are false.", [("Kremlin", "claims that", "neutral")]),
    ("The ministry's claims that the plant was shelled are false.",
     [("The ministry", "claims that", "neutral")]),
    ("Kyiv dismissed the ministry's claims that the plant was shelled.",
     [("Kyiv", "dismissed", "counter"), ("the ministry", "claims that", "neutral")]),
    ("Trump's false claims that the plant was shelled were denied.",
     [("Trump", "claims that … were denied", "neutral")]),
    ("The ministry's statement saying the plant was shelled was false.",
     [("The ministry", "saying", "neutral")]),
    ("A statement from the Kremlin saying the plant was shelled was released.",
     [("the Kremlin", "saying", "neutral")]),
    ("A Kremlin statement saying the plant was shelled was false.", [("Kremlin", "saying", "neutral")]),
    ("Russia released a statement saying the plant was shelled.", [("Russia", "saying", "neutral")]),
    ("His office put out a statement saying the plant was shelled.", [("His office", "saying", "neutral")]),
    ("She sent an email saying the plant was shelled.", [("She", "saying", "neutral")]),
    ("A report by the IAEA alleging that the plant was shelled was published.",
     [("the IAEA", "alleging", "distancing")]),
    ("Ukraine's defence ministry's statement saying the plant was shelled was false.",
     [("Ukraine's defence ministry", "saying", "neutral")]),
])
def test_nominal_cue_owner_is_the_speaker(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


# ---- must not fire: the verb "reports" / "claims", an outlet before the noun, a cue verb before the medium
@pytest.mark.parametrize("text, expected", [
    ("The agency reports that the plant was shelled.", [("The agency", "reports that", "neutral")]),
    ("The ministry claims that the plant was shelled.", [("The ministry", "claims that", "neutral")]),
    ("Kyiv reports that the plant was shelled.", [("Kyiv", "reports that", "neutral")]),
    ("He claims that the plant was shelled.", [("He", "claims that", "neutral")]),
    ("The Washington Post reports that the plant was shelled.",
     [("The Washington Post", "reports that", "neutral")]),
    ("Ukrainian reports that the plant was shelled were confirmed.",
     [("Ukrainian", "reports that", "neutral")]),
    ("The ministry issued a statement saying the plant was shelled.",
     [("The ministry", "issued a statement saying", "neutral")]),
    ("The statement said the plant was shelled.", [("The statement", "said", "neutral")]),
    ("A statement on the war saying the plant was shelled was false.",
     [("A statement on the war", "saying", "neutral")]),
    ("The spokesman, speaking on Monday, said the plant was shelled.",
     [("The spokesman", "said", "neutral")]),
    ("A statement of support saying the war must end was read.",
     [("A statement of support", "saying", "neutral")]),
    ("Protesters holding signs saying the war must end marched.",
     [("Protesters holding signs", "saying", "neutral")]),
])
def test_nominal_owner_must_not_fire(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


def test_a_speakerless_nominal_cue_stays_a_relation_of_its_own() -> None:
    # (before, "rumors of" without its noun as speaker would have been folded into "rejected")
    assert _rows("He denounced the United Nations and rejected rumors of a deal.") == [
        ("He", "denounced", "counter"), ("He", "rejected", "counter"), (None, "rumors of", "neutral")]


def test_a_call_after_a_speakerless_nominal_cue_keeps_its_row() -> None:
    # ("calling" took the noun "reports" as its speaker before; now the relation has none)
    assert _rows("Amid reports that the plant was shelled, calling it a crime, nothing changed.") == [
        (None, "reports that", "neutral"), (None, "calling", "neutral")]
    # must not fire: a subject of its own
    assert _rows("Kyiv condemned the strike, calling it a crime.") == [
        ("Kyiv", "condemned", "counter"), ("Kyiv", "calling", "neutral")]


def test_function_words_come_from_the_lexicon() -> None:
    t = load_table("attribution_function_words")
    assert lexicon_meta("attribution_function_words")["licence"] == "CC0"
    cls = {c: set(t["term"][t["class"] == c]) for c in set(t["class"])}
    assert A._BE == cls["be"] and A._FINITE == cls["finite"] and A._BOUNDARY == cls["boundary"]
    assert A._AUX_SET == cls["auxiliary"] | cls["aux_companion"]
    assert A._AUX_LITERALS == cls["auxiliary"] | cls["group_adverb"]
    assert A._QUANT == cls["quantified_source"] and A._QUANT_PRONOUNS == cls["quantifier_pronoun"]
    assert A._NAME_MODALS == cls["name_modal"] and A._CAP_AUX.match("Will ")
    assert A._LEADING_Q.match("Both ") and A._LEADING_Q.match("each ") and not A._LEADING_Q.match("BOTH ")
    assert "statement" in A._CUE_NOUNS
