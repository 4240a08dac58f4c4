"""Robust at the edges: text of any shape, dates, encodings, spreadsheets, and a fuzzed CLI."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrast.corpus import CorpusWarning, _parse_dates, clean_text, load_corpus
from contrast.extract import SegmentationWarning, extract, extract_text
from contrast.text import MAX_HEADLINE_CHARS, MAX_SENTENCE_CHARS, segment, split_long

WORDS = ["Kyiv", "said", "officials", "the", "strike", "may", "have", "killed", "about", "40", "people",
         "according", "to", "Moscow", "reportedly", "\"lie\"", "Peskov", "told", "reporters", "and", "but"]


def _check_doc(text: str) -> None:
    doc = segment(text)
    prev_end = -1
    for s, e in doc.sentences:
        assert 0 <= s < e <= len(text) and s >= prev_end
        assert e - s <= max(MAX_SENTENCE_CHARS, MAX_HEADLINE_CHARS)
        assert text[s:e] == text[s:e].strip()
        prev_end = e
    covered = sum(not c.isspace() for s, e in doc.sentences for c in text[s:e])
    assert covered == sum(not c.isspace() for c in text)  # no character lost or doubled
    for s, e in doc.split_sentences:
        assert e - s > MAX_SENTENCE_CHARS


# ----------------------------------------------------------------------------- segmentation


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS + [",", ";", " - "]), min_size=200, max_size=900), st.booleans())
def test_text_without_sentence_breaks_is_cut_into_bounded_pieces(words, newline_title):
    text = ("Headline\n" if newline_title else "") + " ".join(words)
    _check_doc(text)
    ev = extract_text(text)
    assert all(text[r.start:r.end] == r.span for r in ev.itertuples())


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(["a", "ab ", "said, ", "x" * 50 + " ", "Kyiv. "]), st.integers(500, 6000))
def test_extreme_repetition(unit, n):
    text = unit * n
    _check_doc(text)
    ev = extract_text(text)
    assert all(text[r.start:r.end] == r.span for r in ev.itertuples())


@settings(max_examples=15, deadline=None)
@given(st.integers(MAX_SENTENCE_CHARS + 1, 8000), st.sampled_from(["x", "7", "é", "-", "\u200b"]))
def test_very_long_tokens_are_cut_at_the_limit(n, ch):
    text = f"Short headline\nHe said {ch * n} yesterday."
    doc = segment(text)
    _check_doc(text)
    assert len(doc.split_sentences) == 1
    assert max(e - s for s, e in doc.sentences) <= MAX_SENTENCE_CHARS


def test_long_sentence_split_prefers_clause_boundaries_and_is_recorded():
    clause = "the officials said that the convoy had moved further east overnight"
    body = ", ".join([clause] * 40) + "."  # one sentence of about 2,800 characters
    text = "Convoy moves\n" + body
    doc = segment(text)
    assert doc.split_sentences == ((text.index(body), len(text)),)
    pieces = [doc.sentence(i) for i in range(1, len(doc.sentences))]
    assert len(pieces) >= 3 and all(p.endswith((",", ".")) for p in pieces)  # cut after commas
    with pytest.warns(SegmentationWarning, match=r"1 sentence\(s\) longer than 1,000 characters in 1 article"):
        ev = extract(pd.DataFrame({"doc_id": ["a"], "source": ["S"], "text": [text]}), cache=False)
    assert ev.attrs["split_sentences"]["examples"][0]["doc_id"] == "a"
    # ordinary text is not split, and no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error", SegmentationWarning)
        extract(pd.DataFrame({"doc_id": ["b"], "source": ["S"], "text": ["Head\n" + clause + "."]}), cache=False)


def test_split_long_falls_back_to_spaces_then_windows():
    t = "word " * 500
    pieces = split_long(t, 0, len(t.rstrip()), limit=100)
    assert all(e - s <= 100 and not t[s:e].endswith(" ") for s, e in pieces)
    assert sum(e - s for s, e in pieces) == len(t.rstrip()) - (len(pieces) - 1)  # only the cut spaces are dropped
    solid = "z" * 250
    assert split_long(solid, 0, 250, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_a_first_line_too_long_for_a_headline_is_body_text(tmp_path):
    line = "Officials said the strike killed 40 people " * 20  # about 860 characters, no full stop
    assert not segment(line + "\nMore.").headline
    assert segment("Short title\n" + line).headline
    (tmp_path / "a.txt").write_text(line.strip() + "\nSecond line.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A headline\nBody.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        c = load_corpus(tmp_path).set_index("doc_id")
    assert c.loc["a", "title"] == "" and not c.loc["a", "has_title"]
    assert c.loc["b", "title"] == "A headline"


# ----------------------------------------------------------------------------- dates

DATES = [
    ("2022-03-01", "2022-03-01"), ("2022-03-01T10:30:00Z", "2022-03-01T10:30:00"),
    ("2022-03-01 10:30:00+02:00", "2022-03-01T08:30:00"), ("March 1, 2022", "2022-03-01"),
    ("Mar 1, 2022", "2022-03-01"), ("1 March 2022", "2022-03-01"), ("1 Mar 2022", "2022-03-01"),
    ("01.03.2022", "2022-03-01"), ("2022/03/01", "2022-03-01"), ("03/01/2022", "2022-03-01"),
    ("13/01/2022", "2022-01-13"), ("Tue, 01 Mar 2022 10:30:00 GMT", "2022-03-01T10:30:00"),
    ("Tue, 01 Mar 2022 12:30:00 +0200", "2022-03-01T10:30:00"), ("1646130600", "2022-03-01T10:30:00"),
    ("1646130600000", "2022-03-01T10:30:00"), ("March 1, 2022 10:30 AM", "2022-03-01T10:30:00"),
]


@pytest.mark.parametrize(("raw", "iso"), DATES)
def test_date_formats(raw, iso):
    timed = "T" in iso
    # a timed companion makes the column timed, so each value shows its time of day
    got = _parse_dates(pd.Series([raw, "2022-01-01T01:02:03"]), "t")
    assert got[0] == (iso if timed else iso + "T00:00:00")


def test_dates_without_times_stay_dates_and_bad_ones_are_reported_once():
    s = pd.Series(["2022-03-01", "1 March 2022", "yesterday", "", None, "32/13/2022", "soon", "yesterday"])
    with pytest.warns(CorpusWarning) as rec:
        got = _parse_dates(s, "corpus.csv")
    msgs = [str(w.message) for w in rec]
    assert len(msgs) == 1 and "\n" not in msgs[0]
    assert "4 of 6 dates not understood" in msgs[0] and "'yesterday'" in msgs[0] and "ISO 8601" in msgs[0]
    assert list(got) == ["2022-03-01", "2022-03-01", None, None, None, None, None, None]


def test_no_pandas_date_warning_reaches_the_user(tmp_path):
    p = tmp_path / "c.csv"
    pd.DataFrame({"source": ["A"] * 4, "text": ["Officials said so."] * 4,
                  "date": ["2022-03-01", "March 2, 2022", "03/04/2022 10:00", "nonsense"]}).to_csv(p, index=False)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        c = load_corpus(p)
    assert all(issubclass(w.category, CorpusWarning) for w in rec), [str(w.message) for w in rec]
    assert c["date"].tolist()[:3] == ["2022-03-01T00:00:00", "2022-03-02T00:00:00", "2022-03-04T10:00:00"]


# ----------------------------------------------------------------------------- input as scholars have it


def test_latin1_csv_is_detected_and_reported(tmp_path):
    p = tmp_path / "fr.csv"
    pd.DataFrame({"source": ["A", "B"], "text": ["Le ministère a déclaré que la guerre était terminée.",
                                                 "Les négociations reprendront à Genève."]}).to_csv(
        p, index=False, encoding="latin-1")
    with pytest.warns(CorpusWarning, match=r"read as cp1252 \(detected\).*--encoding"):
        c = load_corpus(p)
    assert "Le ministère a déclaré" in c["text"][0] and "\ufffd" not in "".join(c["text"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        assert "Genève" in load_corpus(p, encoding="latin-1")["text"][1]


def test_entities_decoded_with_and_without_tags():
    assert clean_text('AT&amp;T said &quot;no&quot;')[0] == 'AT&T said "no"'
    assert clean_text('<b>AT&amp;T</b> said &amp;quot;no&amp;quot; &#8217;')[0] == 'AT&T said "no" \u2019'
    assert clean_text("Rock & roll; AT&T").__getitem__(0) == "Rock & roll; AT&T"


def test_xlsx_with_sheet_option(tmp_path):
    p = tmp_path / "book.xlsx"
    with pd.ExcelWriter(p) as xw:
        pd.DataFrame({"x": [1]}).to_excel(xw, sheet_name="notes", index=False)
        pd.DataFrame({"source": ["A", "B"], "headline": ["Kyiv says", "Moscow says"],
                      "date": [pd.Timestamp("2022-03-01"), pd.Timestamp("2022-03-02")],
                      "text": ["Officials said 40 people died.", "Peskov told reporters it was a lie."]}).to_excel(
            xw, sheet_name="stories", index=False)
    c = load_corpus(p, sheet="stories")
    assert list(c["title"]) == ["Kyiv says", "Moscow says"] and list(c["date"]) == ["2022-03-01", "2022-03-02"]
    assert list(load_corpus(p, sheet=1)["source"]) == ["A", "B"]
    with pytest.raises(ValueError, match=r"no sheet 'nope'; sheets: \['notes', 'stories'\]"):
        load_corpus(p, sheet="nope")
    with pytest.raises(ValueError, match="no text column"):
        load_corpus(p)  # the first sheet has no text
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValueError, match="not a readable .xlsx"):
        load_corpus(tmp_path / "bad.xlsx")


# ----------------------------------------------------------------------------- fuzzed CLI


def _random_table(rng: random.Random) -> tuple[str, bytes]:
    """A generated table file: random column names, mixed types, NUL bytes, huge fields, encodings, ragged rows."""
    kind = rng.choice(["csv", "csv", "tsv", "jsonl"])
    ncols = rng.randint(1, 6)
    names = [rng.choice(["text", "source", "date", "title", "id", "", "x" * rng.randint(1, 300), "Ünïcode",
                         "a,b", "col\n2", "=cmd()", "123"]) for _ in range(ncols)]

    def cell() -> object:
        return rng.choice([
            "", None, rng.randint(-10**12, 10**12), rng.random() * 1e6, "Officials said 40 people were killed.",
            "Le ministère a déclaré", "Министерство заявило", "\x00nul\x00", "x" * rng.choice([10, 5000, 200_000]),
            "\"quoted, text\"", "line\nbreak", "2022-03-01", "March 1, 2022", "yesterday", "&amp; <p>html</p>",
            "\ufeffbom", "=1+1", "\ud800" if kind == "jsonl" else "ok"])

    rows = [[cell() for _ in range(ncols + rng.choice([0, 0, 0, -1, 1, 3]))] for _ in range(rng.randint(0, 12))]
    if kind == "jsonl":
        lines = []
        for r in rows:
            obj = {str(n): v for n, v in zip(names, r, strict=False)}
            lines.append(json.dumps(obj) if rng.random() > 0.1 else "{not json")
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    else:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t" if kind == "tsv" else ",", lineterminator=rng.choice(["\n", "\r\n"]))
        w.writerow(names)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        text = buf.getvalue()
        enc = rng.choice(["utf-8", "utf-8", "utf-8-sig", "latin-1", "cp1251", "utf-16", "mixed"])
        if enc == "mixed":
            half = len(text) // 2
            data = text[:half].encode("utf-8", "replace") + text[half:].encode("latin-1", "replace")
        else:
            data = text.encode(enc, "replace")
    return kind, data


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.integers(0, 10**9))
def test_cli_fuzz_never_a_traceback_and_input_untouched(tmp_path_factory, seed):
    from contrast.cli import main

    rng = random.Random(seed)
    kind, data = _random_table(rng)
    tmp = tmp_path_factory.mktemp("fuzz")
    src = tmp / f"input.{kind}"
    src.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        try:
            rc = main([str(src), "--out", str(tmp / "out"), "--no-charts", "-q"])
        except SystemExit as exc:  # argparse
            rc = exc.code
    out = err.getvalue()
    assert "Traceback" not in out, out
    assert rc in (0, 2), out
    if rc == 2:
        lines = [ln for ln in out.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("contrast: error: "), out
    else:
        assert (tmp / "out" / "report.html").is_file()
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp.iterdir()) in (["input." + kind], ["input." + kind, "out"])


def test_cli_encoding_and_sheet_flags(tmp_path, capsys):
    from contrast.cli import main

    p = tmp_path / "fr.csv"
    pd.DataFrame({"source": ["A", "B"], "text": ["Le ministère a déclaré.", "Genève a répondu."]}).to_csv(
        p, index=False, encoding="cp1252")
    assert main([str(p), "--out", str(tmp_path / "o1"), "--no-charts"]) == 0
    err = capsys.readouterr().err
    assert "read as cp1252 (detected)" in err and "--encoding" in err
    assert all(ln.startswith("contrast: ") for ln in err.splitlines())
    assert main([str(p), "--out", str(tmp_path / "o2"), "--no-charts", "-q", "--encoding", "cp1252"]) == 0
    assert "ministère" in (tmp_path / "o2" / "evidence.csv").read_text(encoding="utf-8")
    assert main([str(p), "--out", str(tmp_path / "o3"), "--no-charts", "-q", "--encoding", "nope"]) == 2
    assert "unknown encoding 'nope'" in capsys.readouterr().err
    x = tmp_path / "b.xlsx"
    pd.DataFrame({"source": ["A"], "text": ["Officials said so."]}).to_excel(x, sheet_name="S1", index=False)
    assert main([str(x), "--out", str(tmp_path / "o4"), "--no-charts", "-q", "--sheet", "S2"]) == 2
    assert "no sheet 'S2'; sheets: ['S1']" in capsys.readouterr().err
    assert main([str(x), "--out", str(tmp_path / "o5"), "--no-charts", "-q", "--sheet", "S1"]) == 0


def test_truncated_csv_leaves_no_open_file(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text('source,text\nA,"fine"\nB,"never closed\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        with pytest.raises(ValueError, match="malformed CSV"):
            load_corpus(p)
        from contrast.corpus import read_table_chunks

        with pytest.raises(ValueError, match="malformed CSV"):
            list(read_table_chunks(p, chunksize=1))
        import gc

        gc.collect()



def test_huge_articles_are_analysed_in_blocks_with_the_same_sentence_level_evidence(monkeypatch):
    import sys as _sys

    sents = ["Experts suggest the strike may have killed about 40 civilians, officials said.",
             "\"The fact is that nobody was hurt,\" Peskov told reporters in the Kremlin.",
             "Kyiv reportedly lost 3 tanks near Bakhmut on Monday.", "Nothing happened in Kharkiv."]
    rng = random.Random(1)
    text = "Huge article\n" + "\n".join(" ".join(rng.choice(sents) for _ in range(5)) for _ in range(120))
    whole = extract_text(text)
    monkeypatch.setattr(_sys.modules["contrast.extract"], "BLOCK_CHARS", 3000)
    blocks = extract_text(text)
    assert all(text[r.start:r.end] == r.span for r in blocks.itertuples())
    doc = segment(text)
    assert all(doc.sent_id(r.start) == r.sent_id for r in blocks.itertuples())
    local = ["sentiment", "hedge", "booster", "number", "naming", "actor"]
    cols = ["sent_id", "start", "end", "span", "family", "label", "value"]

    def pick(ev):
        return ev[ev["family"].isin(local)][cols].reset_index(drop=True)

    pd.testing.assert_frame_equal(pick(blocks), pick(whole))
    att = ["start", "end", "label", "speaker"]
    a, b = (ev[ev["family"] == "attribution"][att].astype("string").fillna("") for ev in (whole, blocks))
    assert len(a) == len(b) and (a.to_numpy() == b.to_numpy()).mean() > 0.95
