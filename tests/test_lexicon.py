from __future__ import annotations

import pytest

from contrast.lexicon import REQUIRED_META, PhraseMatcher, lexicon_meta, load_table


@pytest.mark.parametrize(
    "phrases, text, expected",
    [
        ([("Ukraine's army", "x")], "Ukraine's army advanced", [(0, 14, "x")]),
        ([("Ukraine's army", "x")], "Ukraine’s army advanced", [(0, 14, "x")]),
        ([("in fact", "p"), ("fact", "n")], "In fact, a fact.", [(0, 7, "p"), (11, 15, "n")]),
        ([("suggest*", "v")], "Experts suggested it; suggestions too", [(8, 17, "v"), (22, 33, "v")]),
        ([("may", "m")], "dismay and mayor", []),
        ([("full-scale invasion", "i")], "its full-scale  invasion", [(4, 24, "i")]),
    ],
)
def test_phrase_matcher(phrases, text, expected):
    assert list(PhraseMatcher(phrases).finditer(text)) == expected


def test_case_sensitive():
    m = PhraseMatcher([("US", "West")], case_sensitive=True)
    assert [t for *_, t in m.finditer("US and us")] == ["West"]


def test_every_bundled_lexicon_names_its_source():
    from importlib import resources

    names = [p.name[:-4] for p in (resources.files("contrast") / "lexicons").iterdir()
             if p.name.endswith(".tsv")]
    assert len(names) >= 8
    for name in names:
        meta = lexicon_meta(name)
        missing = [k for k in REQUIRED_META if not meta.get(k)]
        assert not missing, f"{name}.tsv lacks {missing}"
        assert len(load_table(name)) > 0


def test_unknown_lexicon_lists_available():
    with pytest.raises(ValueError, match="available"):
        load_table("nope")


def test_readme_lists_every_bundled_lexicon():
    from importlib import resources
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for p in (resources.files("contrast") / "lexicons").iterdir():
        if p.name.endswith(".tsv"):
            assert f"`{p.name}`" in readme, f"README's lexicon table lacks {p.name}"


def test_first_char_grouping_equals_plain_alternation():
    import random
    import re

    from contrast.actors import default_actors
    from contrast.lexicon import _by_first_char

    rng = random.Random(4)
    alias = [str(a) for a in default_actors().table["alias"]]
    extra = ["U.S.", "'s", "’em", "Київ", "Kyiv-based", "in fact", "suggest*", "K", "k", "-ish", "#war"]
    letters = "kKyYiIvVuUsS.'’- \u212a\u0130\u0131Київ"
    texts = [" ".join(rng.sample(alias, 30))]
    for _ in range(300):
        words = [rng.choice(alias + extra) for _ in range(rng.randrange(1, 12))]
        noise = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 20)))
        texts.append(noise + " " + " ".join(w.upper() if rng.random() < 0.2 else w for w in words) + noise)
    for fold in (True, False):
        for _trial in range(20):
            phrases = rng.sample(alias + extra, rng.randrange(1, 40))
            pats = sorted({PhraseMatcher._pattern(p) for p in phrases}, key=len, reverse=True)
            flags = re.IGNORECASE if fold else 0
            plain = re.compile(rf"(?<![\w-])(?:{'|'.join(pats)})(?![\w])", flags)
            grouped = re.compile(rf"(?<![\w-])(?:{_by_first_char(pats, fold=fold)})(?![\w])", flags)
            for t in texts:
                assert [m.span() for m in grouped.finditer(t)] == [m.span() for m in plain.finditer(t)]


def test_version_notes_number_each_version_once():
    # a lexicon's notes name each version's change once, and none above the version it declares
    import re
    from importlib import resources

    for p in (resources.files("contrast") / "lexicons").iterdir():
        if not p.name.endswith(".tsv"):
            continue
        head = "\n".join(line for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
        named = [int(v) for v in re.findall(r"\bversion (\d+)\b", head)]
        assert len(named) == len(set(named)), f"{p.name}: versions {named}"
        if named:
            assert max(named) <= int(lexicon_meta(p.name[:-4])["version"]), p.name
    meta = lexicon_meta("affiliation_aliases")
    # the newest version's note comes first
    assert meta["note"].startswith(f"version {meta['version']} ")
