from __future__ import annotations

from pathlib import Path

import pytest

from contrast.evidence import EVIDENCE_COLUMNS
from contrast.features import custom
from contrast.text import segment

DIC = Path(__file__).parent / "data" / "tiny.dic"


def spans(text, res):
    doc = segment(text, headline=False)
    rows = custom.extract(doc, res)
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["span"]
        assert set(r) <= set(EVIDENCE_COLUMNS)
    return [(r["label"], r["span"]) for r in rows]


def test_default_emits_nothing():
    assert spans("Attacks continued despite the ceasefire.", custom.default_resources()) == []


def test_load_dic_categories():
    res = custom.load_dic(DIC)
    assert list(res.categories) == ["threat", "peace", "certainty"]
    assert res.categories["threat"] == ("attack*", "strike")
    assert res.lookup("strike") == ("threat", "peace")
    # the LIWC 2007 conditional entry "(02 134)125/464" is skipped, "3" still read
    assert res.meta["skipped_fields"] == "2"
    assert res.lookup("like") == ("certainty",)


@pytest.mark.parametrize(
    "text, expected",
    [
        # exact entry beats the wildcard: "attacked" is only peace
        ("They attacked.", [("peace", "attacked")]),
        ("Attacks and ATTACKERS", [("threat", "Attacks"), ("threat", "ATTACKERS")]),
        ("a strike", [("threat", "strike"), ("peace", "strike")]),
        ("Of course it was clearly a truce.",
         [("certainty", "Of course"), ("certainty", "clearly"), ("peace", "truce")]),
        # whole words only: no match inside "counterattack" or "struck"
        ("a counterattack struck", []),
        ("", []),
    ],
)
def test_dic_matching(text, expected):
    assert spans(text, custom.load_dic(DIC)) == expected


def test_from_terms_and_with_terms():
    res = custom.Resources.from_terms({"threat": ["attack*"]})
    assert spans("attack on a truce", res) == [("threat", "attack")]
    res2 = res.with_terms({"peace": ["truce"]})
    assert spans("attack on a truce", res2) == [("threat", "attack"), ("peace", "truce")]
    assert spans("attack on a truce", res) == [("threat", "attack")]  # unchanged


@pytest.mark.parametrize(
    "content, match",
    [
        ("no header here\nword\t1\n", "two '%' lines"),
        ("%\n1\tthreat\n%\nattack\t7\n", "not defined"),
    ],
)
def test_load_dic_errors(tmp_path, content, match):
    p = tmp_path / "bad.dic"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=match):
        custom.load_dic(p)


def test_load_dic_missing_file(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        custom.load_dic(tmp_path / "nope.dic")


def test_latin1_dic(tmp_path):
    p = tmp_path / "l1.dic"
    p.write_bytes("%\n1\tfr\n%\ncaf\xe9\t1\n".encode("latin-1"))
    assert spans("un café", custom.load_dic(p)) == [("fr", "café")]


def test_rows_carry_sentence_ids():
    doc = segment("Headline\nRussian attacks resumed.")
    rows = custom.extract(doc, custom.load_dic(DIC))
    assert [(r["family"], r["label"], r["span"], r["sent_id"]) for r in rows] == [
        ("custom", "threat", "attacks", 1)]
