"""Memory: what importing contrast pulls in, and pieces that replace heavier imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_import_does_not_pull_scipy_or_sklearn() -> None:
    out = _run("""
        import sys
        import contrast, contrast.cli
        contrast.segment("One sentence. Another one.")
        print(sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'sklearn'}))
    """)
    assert out.strip() == "[]"


def test_nltk_imported_after_contrast_is_whole() -> None:
    out = _run("""
        import contrast
        from contrast import _punkt
        import nltk
        import nltk.tokenize.punkt as punkt
        assert punkt.PunktSentenceTokenizer is _punkt.PunktSentenceTokenizer
        assert nltk.tokenize.punkt is punkt and nltk.probability.FreqDist
        assert nltk.tokenize.WhitespaceTokenizer().tokenize("a b") == ["a", "b"]
        from nltk.stem import PorterStemmer
        print(PorterStemmer().stem("running"))
    """)
    assert out.strip() == "run"


def test_nltk_imported_first_is_used_as_is() -> None:
    out = _run("""
        import nltk
        from contrast import _punkt
        print(_punkt.PunktSentenceTokenizer is nltk.tokenize.punkt.PunktSentenceTokenizer)
    """)
    assert out.strip() == "True"


def test_english_stopwords_are_sklearns() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    from contrast.stats import _stopwords

    assert _stopwords("english") == frozenset(text.ENGLISH_STOP_WORDS)


def _split_long_lists(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """split_long as it was, with every boundary of the span listed first (the reference)."""
    import bisect

    from contrast.text import _CLAUSE, _SPACE

    def last_in(points: list[int], lo: int, hi: int) -> int | None:
        i = bisect.bisect_right(points, hi) - 1
        return points[i] if i >= 0 and points[i] >= lo else None

    if end - start <= limit:
        return [(start, end)]
    clauses = [m.end() for m in _CLAUSE.finditer(text, start, end)]
    spaces = [m.start() for m in _SPACE.finditer(text, start, end)]
    out, pos = [], start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        if end - pos <= limit:
            cut = end
        else:
            hi = pos + limit
            cut = last_in(clauses, pos + limit // 2, hi) or last_in(spaces, pos + 1, hi) or hi
        piece_end = cut
        while piece_end > pos and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > pos:
            out.append((pos, piece_end))
        pos = cut
    return out


def test_split_long_reads_boundaries_as_it_goes_with_the_same_pieces() -> None:
    import random

    from contrast.text import split_long

    rng = random.Random(7)
    alphabet = ["a", "bb", "ccc", " ", "  ", ",", ";", " - ", " \u2014 ", ")", "\n", "x" * 40, "\t"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400)))
        limit = rng.choice([5, 8, 20, 50, 100])
        start = rng.randint(0, len(text) // 3)
        end = rng.randint(start, len(text))
        assert split_long(text, start, end, limit=limit) == _split_long_lists(text, start, end, limit)


def test_escape_formulas_leaves_its_input_alone() -> None:
    import pandas as pd

    from contrast.io import escape_formulas

    df = pd.DataFrame({"note": ["=1+1", "ok"], "n": [1, 2]})
    out = escape_formulas(df)
    assert out["note"].tolist() == ["'=1+1", "ok"] and df["note"].tolist() == ["=1+1", "ok"]


def test_duplicate_finder_counts_every_word_of_a_long_text() -> None:
    from contrast.hygiene import Deduper

    words = " ".join(f"w{i}" for i in range(3000))
    dd = Deduper(max_words=50)
    assert dd.add(["a", "b"], [words, words])[1] == ("a", 1.0)
    import numpy as np

    from contrast.hygiene import _exact_key, _key64

    key = _key64(_exact_key(3000, words.split()[:50]))  # every word counted, the first 50 kept (as a digest)
    assert dd._exact.lookup(np.array([key], dtype=np.int64)) == [[0]]


def test_duplicate_finder_keeps_no_python_object_per_article() -> None:
    """Its state is a few arrays: small objects left per article pinned the freed memory around them."""
    import tracemalloc

    from contrast.hygiene import Deduper

    n = 6000
    texts = [" ".join(f"w{i}x{k}" for k in range(40)) + " 12" for i in range(n)]
    dd = Deduper()
    tracemalloc.start()
    try:
        dd.add([f"doc{i}" for i in range(n)], texts, ["BBC" if i % 2 else "RT" for i in range(n)])
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*hygiene.py")])
    finally:
        tracemalloc.stop()
    blocks = sum(s.count for s in snap.statistics("filename"))
    # Python keeps up to 2,000 freed result tuples for reuse; a dict entry, an int and a str per
    # article were about ten blocks an article (60,000 here)
    assert blocks < 3000, blocks
    assert dd.group_of("doc7") == "BBC" and dd.group_of("doc8") == "RT" and dd.group_of("nope") is None


def _sample_exploded(ev, per_stratum: int, max_items: int, seed: int):
    """browser._sample as it was, with a list of keys per row, exploded (the reference)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    shuffled = ev.iloc[rng.permutation(len(ev))]
    exploded = shuffled[["cb_group", "cb_fam", "cb_keys"]].assign(cb_k=shuffled["cb_keys"].str.split("|")).explode("cb_k")
    rank = exploded.groupby(["cb_group", "cb_fam", "cb_k"], sort=False).cumcount()
    k = per_stratum
    while True:
        idx = pd.unique(exploded.index[(rank < k).to_numpy()])
        if len(idx) <= max_items or k <= 1:
            break
        k = max(1, k // 2)
    return ev.loc[idx]


def test_browser_sample_from_codes_equals_the_exploded_sample() -> None:
    import numpy as np
    import pandas as pd

    from contrast.browser import _sample

    rng = np.random.default_rng(1)
    keys = ["a", "b|c", "a|b", "c", "x|y|z", "b"]
    for t in range(100):
        n = int(rng.integers(1, 400))
        ev = pd.DataFrame({"cb_group": rng.choice(["G1", "G2", "G3"], n), "cb_fam": rng.choice(["hedge", "attribution"], n),
                           "cb_keys": pd.array(rng.choice(keys, n), dtype="string")},
                          index=rng.permutation(1000)[:n] if t % 2 else None)
        per, most = int(rng.integers(1, 12)), int(rng.integers(5, 100))
        assert _sample(ev, per, most, t).equals(_sample_exploded(ev, per, most, t))


def test_row_keys_per_distinct_combination_equal_row_by_row() -> None:
    import contrast
    from contrast.findings import _row_keys_each, row_keys

    ev = contrast.extract(contrast.load_corpus(contrast.demo_path()), cache=False)
    assert {"naming", "attribution", "actor"} <= set(ev["family"])
    for part in (ev, ev.iloc[::-1], ev.drop(columns=["quote"]), ev[ev["family"] == "naming"]):
        a, b = row_keys(part), _row_keys_each(part)
        assert a.index.equals(b.index) and a.tolist() == b.tolist()


def test_block_tables_joined_column_by_column_equal_one_concat() -> None:
    import pandas as pd

    from contrast.extract import _concat_releasing, extract_text

    texts = ["Kyiv says\nExperts suggest the strike may have killed about 40 people.",
             "Moscow\nThe Kremlin said on Monday that the talks had failed, officials told TASS.", "Nothing here"]
    frames = [extract_text(t, doc_id=str(i)) for i, t in enumerate(texts)]
    expected = pd.concat([f.copy() for f in frames], ignore_index=True)
    got = _concat_releasing(frames)
    assert got.equals(expected) and (got.dtypes == expected.dtypes).all() and frames == []


def _sentence_counts_joined(evidence, corpus):
    """tables._sentence_counts as it was: the dense wide table joined, filled and cast (the reference)."""
    from unittest import mock

    from contrast import tables

    def joined(frame, cells, count_cols):
        wide = tables._count_matrix_of(cells)
        if len(wide):
            frame = frame.join(wide, on=["doc_id", "sent_id"])
        for c in count_cols:
            if c not in frame.columns:
                frame[c] = 0.0
        frame[count_cols] = frame[count_cols].fillna(0.0)
        int_cols = [c for c in count_cols if not c.endswith("_sum")]
        frame[int_cols] = frame[int_cols].astype("int64")
        return frame

    with mock.patch.object(tables, "_with_counts", joined):
        return tables._sentence_counts(evidence, corpus)


def test_sentence_counts_scattered_equal_the_joined_wide_table() -> None:
    import pandas as pd

    import contrast
    from contrast import tables

    corpus = contrast.load_corpus(contrast.demo_path())
    ev = contrast.extract(corpus, cache=False)
    twice = pd.concat([corpus, corpus.assign(doc_id=corpus["doc_id"].astype(str) + "-b")], ignore_index=True)
    ev2 = pd.concat([ev, ev.assign(doc_id=ev["doc_id"].astype(str) + "-b")], ignore_index=True)
    repeated = pd.concat([corpus, corpus.iloc[:1]], ignore_index=True)  # a doc_id twice: the join's way
    for e, c in ((ev, corpus), (ev2, twice), (ev.iloc[:0], corpus), (ev[ev["family"] != "sentiment"], corpus),
                 (ev, repeated)):
        got, cols = tables._sentence_counts(e, c)
        want, want_cols = _sentence_counts_joined(e, c)
        assert cols == want_cols
        pd.testing.assert_frame_equal(tables._int64_counts(got), want)


def test_int32_sentence_counts_give_the_tables_of_int64_ones(monkeypatch) -> None:
    """The sentence table keeps its counts as int32 (half the memory); every table is that of int64 counts."""
    import numpy as np
    import pandas as pd

    import contrast
    from contrast import tables

    corpus = contrast.load_corpus(contrast.demo_path())
    corpus = pd.concat([corpus, corpus.iloc[:1].assign(doc_id="one", source="A single article")],
                       ignore_index=True)  # a group of one article: its intervals resample sentences
    ev = contrast.extract(corpus, cache=False)

    def run() -> tuple[pd.DataFrame, ...]:
        arts, units = tables.articles_and_units(ev, corpus)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return (arts, units, tables.compare(arts, sentence_units=units, n_boot=300),
                    tables.pairwise(arts, "source", sentence_units=units, n_boot=300),
                    tables.sentences(ev, corpus), tables.sentence_units(ev, corpus))

    narrow = run()
    counts = [c for c in narrow[1].columns if c.endswith("_n")]
    assert counts and all(narrow[1][c].dtype == np.int32 for c in counts)
    assert all(narrow[k][c].dtype == np.int64 for k in (0, 4, 5) for c in counts if c in narrow[k].columns)
    monkeypatch.setattr(tables, "_COUNT_DTYPE", np.int64)
    wide = run()
    assert all(wide[1][c].dtype == np.int64 for c in counts)
    assert "sentences" in set(narrow[2]["resampled"])
    for k, (a, b) in enumerate(zip(narrow, wide, strict=True)):
        if k == 1:
            a = tables._int64_counts(a)
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=f"table {k}")


def test_long_texts_are_read_without_filling_the_affiliation_caches():
    """A 20,000-character window or a split piece of a one-line page is no cache key (it never recurs)."""
    from contrast import affiliation as A

    gaz = A.default_gazetteer()
    A._places_default.cache_clear()
    A._provinces_default.cache_clear()
    long = "Officials in Kyiv and Moscow met. " * 40
    assert A._places(long, gaz) == A._places_of(long, gaz) and A._places(long, gaz)
    assert A._provinces(long, gaz) == A._provinces_of(long, gaz)
    assert A._places_default.cache_info().currsize == 0 and A._provinces_default.cache_info().currsize == 0
    short = "Officials in Kyiv said."
    assert A._places(short, gaz) == A._places_of(short, gaz)
    assert A._places_default.cache_info().currsize == 1


def test_browser_reads_only_the_sampled_sentences_spans_with_the_same_data(monkeypatch) -> None:
    """_rows_near keeps the spans of sampled sentences only; the browser's data equal those of all spans."""
    from collections.abc import Mapping
    from types import SimpleNamespace
    from typing import Any

    import numpy as np
    import pandas as pd

    import contrast
    from contrast import browser
    from contrast.browser import _sentence_spans

    def _rows_near_reference(  # the code before, verbatim
        ev: pd.DataFrame, cols: list[str], wanted: set[str], sample: pd.DataFrame,
                   texts: Mapping[str, Any], titled: Mapping[str, Any]
                   ) -> dict[str, tuple[list[SimpleNamespace], dict[int, tuple[int, int]]]]:
        """doc_id -> (its evidence rows that overlap a sampled sentence, its sentence spans).

        Only those rows can mark a shown sentence, so only they become records:
        one huge article's 250,000 rows as records took over 600 MB. The spans
        are :func:`_sentence_spans` of all the article's rows.
        """
        doc = ev["doc_id"].astype(str)
        pos = np.flatnonzero(doc.isin(wanted).to_numpy())
        fam = ev["family"].astype(str).to_numpy()[pos]
        start = pd.to_numeric(ev["start"].iloc[pos], errors="coerce").to_numpy(dtype=float)
        end = pd.to_numeric(ev["end"].iloc[pos], errors="coerce").to_numpy(dtype=float)
        sid = pd.to_numeric(ev["sent_id"].iloc[pos], errors="coerce").to_numpy(dtype=float)
        docs = doc.to_numpy()[pos]
        spans: dict[str, dict[int, tuple[int, int]]] = {}
        ok = (fam == "sentiment") & ~np.isnan(sid) & ~np.isnan(start) & ~np.isnan(end)
        for d, k, a, b in zip(docs[ok].tolist(), sid[ok].tolist(), start[ok].tolist(), end[ok].tolist(), strict=True):
            spans.setdefault(d, {})[int(k)] = (int(a), int(b))
        picked: dict[str, set[int]] = {}
        for d, k in zip(sample["doc_id"].astype(str), sample["sent_id"], strict=True):
            picked.setdefault(d, set()).add(int(k))
        keep = np.zeros(len(pos), dtype=bool)
        out: dict[str, tuple[list[SimpleNamespace], dict[int, tuple[int, int]]]] = {}
        for d in wanted:
            sp = spans.get(d)
            if not sp:
                text = texts.get(d)
                text = str(text) if text is not None and pd.notna(text) else ""
                sp = _sentence_spans(text, [], bool(titled.get(d, True)))
            out[d] = ([], sp)
            shown = sorted(sp[k] for k in picked.get(d, ()) if k in sp)
            if not shown:
                continue
            lo = np.array([s for s, _ in shown], dtype=float)
            hi = np.maximum.accumulate(np.array([e for _, e in shown], dtype=float))
            mine = np.flatnonzero(docs == d)
            k = np.searchsorted(lo, end[mine], side="left")  # shown sentences starting before the row ends
            hit = (k > 0) & (hi[np.maximum(k - 1, 0)] > start[mine])  # ... one of them ends after it starts
            keep[mine[hit & ~np.isnan(start[mine]) & ~np.isnan(end[mine])]] = True
        near = ev.iloc[pos[keep]][cols]
        for rec in near.astype(object).where(near.notna(), None).to_dict("records"):
            out[str(rec["doc_id"])][0].append(SimpleNamespace(**rec))
        return out

    corpus = contrast.load_corpus(contrast.demo_path())
    ev = contrast.extract(corpus, cache=False)
    # an article without sentiment rows (its sentences are segmented) and one whose sampled rows lack a span
    ev = ev[~((ev["doc_id"] == corpus["doc_id"].iloc[0]) & (ev["family"] == "sentiment"))]
    for per in (1, 4, 12):
        got = browser.browser_data(corpus, ev, per_stratum=per)
        with monkeypatch.context() as m:
            m.setattr(browser, "_rows_near", _rows_near_reference)
            want = browser.browser_data(corpus, ev, per_stratum=per)
        assert got == want
        assert got["sentences"]


def _wide_articles(n: int = 60):
    """An articles table of ``n`` articles in four outlets, with counts that differ between them."""
    import numpy as np

    import contrast
    from contrast import tables

    corpus = contrast.load_corpus(contrast.demo_path())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = tables.articles(contrast.extract(corpus, cache=False, progress=False), corpus)
    rng = np.random.default_rng(3)
    big = arts.iloc[rng.integers(0, len(arts), n)].reset_index(drop=True)
    big["doc_id"] = [f"d{i}" for i in range(n)]
    big["source"] = [f"outlet{i % 4}" for i in range(n)]
    counts = [c for c in big.columns if c.endswith("_n")]
    big[counts] = big[counts] + rng.integers(0, 4, (n, len(counts))) * (1 + np.arange(n) % 4)[:, None]
    return big


def test_pairwise_and_compare_of_the_compact_inputs_equal_the_whole_table() -> None:
    """A stream keeps only the columns comparisons read, counts as int32: the same pairwise.csv and sources."""
    import numpy as np
    import pandas as pd

    from contrast import tables

    big = _wide_articles()
    feats = tables.feature_columns(big)
    slim = tables.comparison_inputs(big, feats, keep=["source", "hedge_per_1k"])
    assert slim.memory_usage(deep=True).sum() < big.memory_usage(deep=True).sum() / 2
    assert "title" not in slim.columns and "hedge_n" in slim.columns
    assert {slim[c].dtype for c in slim.columns if c.endswith("_n")} == {np.dtype(np.int32)}
    assert slim["hedge_per_1k"].equals(big["hedge_per_1k"])
    kw = {"features": feats, "n_boot": 200, "n_perm": 200}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.testing.assert_frame_equal(tables.pairwise(slim, "source", **kw), tables.pairwise(big, "source", **kw),
                                      check_exact=True)
        pd.testing.assert_frame_equal(tables.compare(slim, "source", features=feats, n_boot=200),
                                      tables.compare(big, "source", features=feats, n_boot=200),
                                      check_exact=True, check_like=True)


def test_permutation_test_a_block_of_features_at_a_time_equals_all_at_once(monkeypatch) -> None:
    """pairwise permutes articles with one block of features in memory at a time; the p-values never change."""
    import importlib

    import numpy as np

    from contrast import stats, tables

    big = _wide_articles()
    feats = tables.feature_columns(big)
    kw = {"features": feats, "n_boot": 100, "n_perm": 300}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = tables.pairwise(big, "source", **kw)
        calls: list[int] = []
        real = stats.permutation_ratio_test_blocks

        def spy(*args, **kwargs):
            calls.append(kwargs.get("width", 0))
            return real(*args, **kwargs)

        cmp = importlib.import_module("contrast.compare")  # the module (contrast.compare is also the function)
        monkeypatch.setattr(cmp, "_PERM_BLOCK_CELLS", 7 * len(big))  # seven features a block: many blocks
        monkeypatch.setattr(stats, "permutation_ratio_test_blocks", spy)
        blocks = tables.pairwise(big, "source", **kw)
    assert calls and set(calls) == {7} and len(feats) > 3 * 7
    import pandas as pd

    pd.testing.assert_frame_equal(blocks, whole, check_exact=True)
    monkeypatch.undo()
    # and the function itself: blocks of one feature give the p-values of the whole matrices
    rng = np.random.default_rng(5)
    num, den = rng.integers(0, 5, (40, 6)).astype(float), rng.integers(1, 9, (40, 6)).astype(float)
    one = stats.permutation_ratio_test(num[:15], den[:15], num[15:], den[15:], n_perm=400,
                                       rng=np.random.default_rng(1))
    each = stats.permutation_ratio_test_blocks(lambda c: (num[:, c], den[:, c]), 15, 25, 6, n_perm=400,
                                               rng=np.random.default_rng(1), width=1)
    assert np.array_equal(one, each, equal_nan=True) and np.isfinite(one).all()


def test_id_set_answers_like_a_set() -> None:
    from contrast._compact import IdSet

    ids, plain = IdSet(), set()
    for d in ["a", "b", "a~2", "é", "b", "c"] * 3 + [f"x{i}" for i in range(500)]:
        assert ids.contains([d, "never"]) == [d in plain, False]
        assert (d in ids) is (d in plain)
        ids.add(d)
        plain.add(d)
    assert all(ids.contains(sorted(plain))) and not any(ids.contains(["x500", "a~3", ""]))
