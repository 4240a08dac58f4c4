from __future__ import annotations

import pytest

import contrast
from contrast.evidence import EVIDENCE_COLUMNS
from contrast.features import hedging
from contrast.lexicon import REQUIRED_META, lexicon_meta
from contrast.text import segment


def found(text, res=None, family=None):
    doc = segment(text, headline=False)
    rows = hedging.extract(doc, res or hedging.default_resources())
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["span"]
        assert set(r) <= set(EVIDENCE_COLUMNS)
        assert r["family"] in hedging.FAMILIES
    return [(r["family"], r["label"], r["span"]) for r in rows
            if family is None or r["family"] == family]


@pytest.mark.parametrize(
    "text, expected",
    [
        # epistemic modals
        ("The strike may delay talks.", [("hedge", "modal", "may")]),
        ("May the talks resume?", [("hedge", "modal", "May")]),
        ("Russia May Launch New Offensive", [("hedge", "modal", "May")]),
        ("Losses might persist.", [("hedge", "modal", "might")]),
        ("This could force negotiations.", [("hedge", "modal", "could")]),
        ("That would mean defeat.", [("hedge", "modal", "would")]),
        ("A possible motive emerged.", [("hedge", "adjective", "possible")]),
        ("It is possible that it was a drone.", [("hedge", "adjective", "possible")]),
        # adverbs, adjectives, verbs
        ("Generals likely wanted it.", [("hedge", "adverb", "likely")]),
        ("He was reportedly killed.", [("hedge", "adverb", "reportedly")]),
        ("The allegedly banned drones", [("hedge", "adverb", "allegedly")]),
        ("Apparently it failed.", [("hedge", "adverb", "Apparently")]),
        ("The cause is unclear.", [("hedge", "adjective", "unclear")]),
        ("Data suggest a rise.", [("hedge", "verb", "suggest")]),
        ("It appears to be a drone.", [("hedge", "verb", "appears")]),
        ("The losses seem high.", [("hedge", "verb", "seem")]),
        ("Officials believe it failed.", [("hedge", "verb", "believe")]),
        # approximators
        ("about 300 soldiers", [("hedge", "approximator", "about")]),
        ("up to 80% of casualties", [("hedge", "approximator", "up to")]),
        ("some 300 soldiers", [("hedge", "approximator", "some")]),
        ("around $5 billion", [("hedge", "approximator", "around")]),
        ("nearly a third of them", [("hedge", "approximator", "nearly")]),
        ("roughly equal losses", [("hedge", "approximator", "roughly")]),
        ("an estimated 5,000 troops", [("hedge", "approximator", "an estimated")]),
        # vague sources (weasel attributions)
        ("Experts suggest the front may hold.",
         [("hedge", "vague_source", "Experts suggest"), ("hedge", "modal", "may")]),
        ("Some critics say it failed.", [("hedge", "vague_source", "Some critics say")]),
        ("It is believed that he fled.", [("hedge", "vague_source", "It is believed")]),
        ("He is widely regarded as a hawk.", [("hedge", "vague_source", "widely regarded")]),
        # vague quantifiers
        ("many incidents were recorded", [("hedge", "vague_quantifier", "many")]),
        ("in certain areas", [("hedge", "vague_quantifier", "certain")]),
        # boosters
        ("The fact is that they retreat.", [("booster", "phrase", "The fact is")]),
        ("what the army is really using", [("booster", "adverb", "really")]),
        ("It is clearly a war crime.", [("booster", "adverb", "clearly")]),
        ("In fact, nobody left.", [("booster", "phrase", "In fact")]),
        ("Of course they deny it.", [("booster", "phrase", "Of course")]),
        ("There is no doubt about it.", [("booster", "phrase", "There is no doubt")]),
        ("Images show the damage.", [("booster", "verb", "show")]),
        ("This proves the point.", [("booster", "verb", "proves")]),
        ("We are certain that it works.", [("booster", "adjective", "certain")]),
        ("He was indeed there.", [("booster", "adverb", "indeed")]),
    ],
)
def test_finds(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # May the month or a name is no hedge
        "The May 9 parade went ahead.",
        "The talks took place in May.",
        "On 9 May troops marched.",
        "Since May, the front has moved.",
        "Theresa May spoke.",
        # "can" of ability is no hedge
        "Russian soldiers can call a hotline.",
        # "about" meaning "concerning"
        "They talked about the war.",
        "He spoke about 300 soldiers who died.",
        "News about the offensive spread.",
        # plain future, reported future
        "The parade will take place tomorrow.",
        "He said Russia would send more troops.",
        # narrative future in the past
        "The unit would later become a brigade.",
        "She would go on to lead the mission.",
        # "possible" of extent or enablement
        "Leave as soon as possible.",
        "They fled in every possible direction.",
        "Drones made the strike possible.",
        "Call ahead if possible.",
        # "show" as a noun, "sure" in "make sure"
        "He appeared on a TV show.",
        "It was a show of force.",
        "They made sure to leave.",
        # "might" as a noun, "appear" as "turn up"
        "Russia's military might is waning.",
        "He appeared in court on Monday.",
        # "rather than", "think tank", superlative "most"
        "They chose talks rather than war.",
        "A think tank published it.",
        "It was the most intense attack.",
        "Ukraine's own drones captured it.",
        "",
    ],
)
def test_finds_nothing(text):
    assert found(text) == []


def test_could_not_be_reached():
    assert found("The ministry could not be reached for comment.") == []


def test_user_terms_from_list_and_dict():
    res = hedging.Resources.from_terms(hedges=["arguably"], boosters={"beyond question": "phrase"})
    assert found("It is arguably, beyond question, bad. It may rain.", res) == [
        ("hedge", "user", "arguably"), ("booster", "phrase", "beyond question")]


def test_with_terms_adds_to_defaults_without_changing_them():
    base = hedging.default_resources()
    assert found("It is purportedly fine and dandy.", base) == [("hedge", "adverb", "purportedly")]
    more = base.with_terms(hedges={"dandy": "adjective"})
    assert found("It is purportedly fine and dandy.", more) == [
        ("hedge", "adverb", "purportedly"), ("hedge", "adjective", "dandy")]
    assert "dandy" not in base and "dandy" in more
    # re-typing an existing term replaces it
    retyped = base.with_terms(boosters={"really": "intensifier"})
    assert found("really", retyped) == [("booster", "intensifier", "really")]


def test_with_terms_rule():
    res = hedging.default_resources().with_terms(hedges={"circa": ("approximator", "before_number")})
    assert found("circa 300 men", res) == [("hedge", "approximator", "circa")]
    assert found("circa the war", res) == []


def test_without_terms_and_types():
    res = hedging.default_resources().without_terms("may")
    assert found("It may rain.", res) == []
    strict = hedging.default_resources().without_types("vague_quantifier")
    assert found("many incidents", strict) == []
    with pytest.raises(ValueError, match="not in the lexicon"):
        hedging.default_resources().without_terms("zzz")
    with pytest.raises(ValueError, match="types are"):
        hedging.default_resources().without_types("zzz")


def test_bad_rule_is_rejected():
    with pytest.raises(ValueError, match="unknown rule"):
        hedging.Resources.from_terms(hedges={"x": ("adverb", "no_such_rule")})


def test_from_files(tmp_path):
    p = tmp_path / "h.tsv"
    p.write_text("# source: test\nterm\ttype\trule\nperchance\tadverb\t\n", encoding="utf-8")
    res = hedging.Resources.from_files(hedges=p)
    assert found("Perchance it rains.", res) == [("hedge", "adverb", "Perchance")]


@pytest.mark.parametrize("name", ["hedges", "boosters"])
def test_lexicon_metadata(name):
    meta = lexicon_meta(name)
    assert all(meta.get(k) for k in REQUIRED_META)
    assert "Hyland" in meta["citation"]


def test_term_pattern():
    import re

    pat = re.compile(hedging.term_pattern("(some|many)? experts (say|said)"), re.I)
    assert pat.fullmatch("some experts said") and pat.fullmatch("Experts say")
    assert not pat.fullmatch("some said")


# ---- the seed articles: every hedge and booster a careful reader finds ---------

SEED_EXPECTED = {
    "Business Insider": {
        ("booster", "The fact is"), ("hedge", "likely"), ("booster", "really"),
        ("hedge", "a few"),  # "quite a few people" (vague quantifier)
        ("hedge", "many"),  # "many incidents" (vague quantifier)
    },
    "Izvestia": {
        ("hedge", "up to"), ("hedge", "could"), ("hedge", "might"),
        ("hedge", "Experts suggest"), ("hedge", "may"),
        ("hedge", "with reports of"),  # "with reports of only four to seven ..."
    },
}


@pytest.mark.parametrize("source", sorted(SEED_EXPECTED))
def test_seed_articles(demo_corpus, source):
    text = demo_corpus.loc[demo_corpus["source"] == source, "text"].iloc[0]
    rows = hedging.extract(segment(text), hedging.default_resources())
    got = {(r["family"], r["span"]) for r in rows}
    assert got == SEED_EXPECTED[source]


def test_seed_may_in_context(demo_corpus):
    text = demo_corpus.loc[demo_corpus["source"] == "Izvestia", "text"].iloc[0]
    rows = hedging.extract(segment(text), hedging.default_resources())
    may = [r for r in rows if r["span"] == "may"]
    assert len(may) == 1
    assert text[may[0]["start"]:may[0]["end"] + 6] == "may delay"


def test_extract_pipeline_families(demo_corpus):
    ev = contrast.extract(demo_corpus, families=["hedge", "booster"])
    assert set(ev["family"]) == {"hedge", "booster"}
    for _, r in ev.iterrows():
        text = demo_corpus.loc[demo_corpus["doc_id"] == r["doc_id"], "text"].iloc[0]
        assert text[r["start"]:r["end"]] == r["span"]


# --------------------------------------------------------------------------
# the gate regex only skips work: same matches as trying every word
# --------------------------------------------------------------------------


def _finditer_every_word(res, text):  # the pre-gate algorithm, kept as the reference
    import re as _re

    from contrast.features.hedging import RULES

    letters = _re.compile(r"[^\W\d_]+")
    last = 0
    for w in letters.finditer(text):
        s = w.start()
        if s < last or (s and (text[s - 1].isalnum() or text[s - 1] in "_-")):
            continue
        low = w.group().lower()
        cands = [rx for k, rx in res._prefix if low.startswith(k)]
        rx0 = res._exact.get(low)
        if rx0 is not None:
            cands.insert(0, rx0)
        best = None
        for rx in cands:
            m = rx.match(text, s)
            if m is not None and (best is None or m.end() > best.end()):
                best = m
        if best is None:
            continue
        e = best.end()
        for term in res._by_group[int(best.lastgroup[1:])]:
            if not term.rule or RULES[term.rule](text, s, e):
                yield s, e, term
                last = e
                break


def test_gate_finds_what_every_word_finds() -> None:
    import random

    from contrast.features import hedging as _mod

    res = _mod.default_resources()
    rng = random.Random(7)
    vocab = [w for t in res.terms for w in t.term.replace("(", " ").replace(")", " ").replace("|", " ")
             .replace("?", " ").replace("*", "ing").split()]
    vocab += ["300", "May", "MAY", "about", "the", "Kyiv", "élan", "Ünclear", "-", "—", "x-may", "_may",
              "3may", "it's", "It’s", "’s", "\n", ".", ",", "(", "\""]
    n_hits = 0
    for _ in range(1500):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 30))]
        words = [w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.1 else w for w in words]
        text = "".join(w + rng.choice([" ", " ", "", "\n", "  "]) for w in words)
        got = list(res.finditer(text))
        assert got == list(_finditer_every_word(res, text)), text
        n_hits += len(got)
    assert n_hits > 1000


@pytest.mark.parametrize("text, mode", [
    ("", 2),
    ("It may rain.", 2),
    ("It “may” rain — maybe.", 2),  # non-ASCII, but no letter and nothing to lower-case
    ("The élan may fade.", 1),  # a lower-case non-ASCII letter
    ("Élan may fade.", 0),  # a non-ASCII capital changes under lower()
    ("\u212aelvin may", 0),  # the Kelvin sign lower-cases to ASCII "k"
    ("İstanbul may", 0),  # lower() makes two characters of one
])
def test_lower_mode(text: str, mode: int) -> None:
    from contrast.features.hedging import _lower_mode

    assert _lower_mode(text, text.lower()) == mode


def test_lowercase_gates_find_the_same_word_starts() -> None:
    import random

    from contrast.features import hedging as _mod

    res = _mod.default_resources()
    assert res._gate_low is not None
    rng = random.Random(11)
    vocab = [w for t in res.terms for w in t.term.replace("(", " ").replace(")", " ").replace("|", " ")
             .replace("?", " ").replace("*", "ly").split()]
    vocab += ["MAY", "Élan", "élan", "ſome", "\u212aind", "naïve", "İt", "It’s", "“", "”", "—", "-", "_",
              "3", "\n", ".", "ABOUT", "Some"]
    seen = set()
    for _ in range(1500):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 25))]
        words = [w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.1 else w for w in words]
        text = "".join(w + rng.choice([" ", "", "\n", "  "]) for w in words)
        low = text.lower()
        mode = _mod._lower_mode(text, low)
        seen.add(mode)
        ref = [m.start() for m in res._gate.finditer(text)]
        if mode:
            assert [m.start() for m in res._gate_low[mode - 1].finditer(low)] == ref, text
        assert list(res.finditer(text)) == list(_finditer_every_word(res, text)), text
    assert seen == {0, 1, 2}
