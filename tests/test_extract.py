from __future__ import annotations

import sys
import warnings

import pandas as pd
import pytest

import contrast
from contrast.evidence import EVIDENCE_COLUMNS, evidence_frame
from contrast.extract import _CACHE, extract, extract_text


def _corpus(n: int = 12) -> pd.DataFrame:
    texts = [
        "Kyiv says 40 killed\nExperts suggest the strike may have killed about 40 civilians, officials said.",
        "Moscow denies it\n\"The fact is that nobody was hurt,\" Peskov told reporters in the Kremlin.",
        "Quiet day\nNothing happened in Kharkiv on Monday.",
    ]
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source": ["A", "B", "C"] * (n // 3),
                       "text": [texts[i % 3] for i in range(n)]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return contrast.load_corpus(df)


def test_columns_and_offsets(demo_corpus, demo_evidence):
    ev = demo_evidence
    assert list(ev.columns) == list(EVIDENCE_COLUMNS)
    texts = dict(zip(demo_corpus.doc_id, demo_corpus.text, strict=True))
    for r in ev.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.span
    assert set(ev["source"]) == {"Business Insider", "Izvestia"}


@pytest.fixture
def always_parallel(monkeypatch):
    """Small test corpora go to the workers too (by default they would run serially)."""
    mod = sys.modules["contrast.extract"]
    monkeypatch.setattr(mod, "_SMALL_BYTES", 0)
    monkeypatch.setattr(mod, "_WARM_SMALL_BYTES", 0)


def test_parallel_equals_serial(always_parallel):
    c = _corpus(24)
    serial = extract(c, cache=False)
    parallel = extract(c, n_jobs=2, cache=False)
    pd.testing.assert_frame_equal(serial, parallel)


def test_cache_hits_and_equal_results():
    c = _corpus(6)
    _CACHE.clear()
    first = extract(c)
    misses = _CACHE.misses
    second = extract(c)
    assert _CACHE.hits >= len(c) and _CACHE.misses == misses
    pd.testing.assert_frame_equal(first, second)
    # changing a text recomputes only that article
    c2 = c.copy()
    c2.loc[0, "text"] = c2.loc[0, "text"] + " Officials said more."
    extract(c2)
    assert _CACHE.misses == misses + 1


def _distinct(n: int) -> pd.DataFrame:
    """n articles with n different texts."""
    c = _corpus(n)
    return c.assign(text=[f"{t} Officials counted {i} drones." for i, t in enumerate(c["text"])])


def test_parallel_runs_use_and_fill_the_cache(always_parallel):
    c = _distinct(12)
    expected = extract(c, cache=False)
    _CACHE.clear()
    first = extract(c, n_jobs=2)  # fills the cache from the workers' tables
    assert _CACHE.misses == len(c) and _CACHE.hits == 0
    second = extract(c, n_jobs=2)  # nothing left for the workers
    assert _CACHE.hits == len(c) and _CACHE.misses == len(c)
    serial = extract(c)  # a serial run reads what a parallel one stored
    assert _CACHE.misses == len(c)
    for got in (first, second, serial):
        pd.testing.assert_frame_equal(got, expected)


def test_parallel_cache_mixes_cached_and_new_articles_in_corpus_order(always_parallel):
    c = _distinct(12)
    expected = extract(c, cache=False)
    _CACHE.clear()
    extract(c.iloc[[1, 4, 5]])  # serial: rows cached for three articles
    extract(c.iloc[[7, 8]], n_jobs=2)  # parallel: table slices cached for two more
    got = extract(c, n_jobs=2)
    assert _CACHE.hits == 5
    pd.testing.assert_frame_equal(got, expected)
    # the same texts under other ids and sources keep their own ids
    c2 = c.assign(doc_id=[f"x{i}" for i in range(len(c))], source="elsewhere")
    again = extract(c2, n_jobs=2)
    pd.testing.assert_frame_equal(
        again, expected.assign(doc_id=again["doc_id"], source=again["source"]))
    assert set(again["source"]) == {"elsewhere"}
    # sources swapped between two cached articles follow their articles
    c3 = c.assign(source=["B", "A", "C"] * 4)
    swapped = extract(c3, n_jobs=2)
    by_id = dict(zip(c3["doc_id"], c3["source"], strict=True))
    assert (swapped["source"] == swapped["doc_id"].map(by_id)).all()
    assert list(dict.fromkeys(again["doc_id"])) == [d for d in c2["doc_id"] if d in set(again["doc_id"])]


def test_families_filter_and_errors():
    c = _corpus(3)
    ev = extract(c, families=["sentiment"])
    assert set(ev["family"]) == {"sentiment"}
    with pytest.raises(ValueError, match="unknown families"):
        extract(c, families=["sentimnet"])
    with pytest.raises(ValueError, match="corpus lacks columns"):
        extract(pd.DataFrame({"x": [1]}))
    with pytest.raises(TypeError, match="corpus DataFrame"):
        extract(["a text"])
    with pytest.raises(ValueError, match="unknown resources"):
        extract(c, resources={"nope": None})


def test_extract_text_matches_extract():
    c = _corpus(3)
    row = c.iloc[1]
    one = extract_text(row.text, doc_id=row.doc_id, source=row.source)
    many = extract(c, cache=False)
    pd.testing.assert_frame_equal(one, many[many.doc_id == row.doc_id].reset_index(drop=True))


def test_empty_evidence_frame_has_contract_columns():
    ev = evidence_frame([])
    assert list(ev.columns) == list(EVIDENCE_COLUMNS) and len(ev) == 0
    with pytest.raises(ValueError, match="unknown evidence columns"):
        evidence_frame([{"family": "x", "spam": 1}])


def test_dask_local_cluster_equals_pandas():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    c = _corpus(12)
    expected = extract(c, cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        ddf = dd.from_pandas(c, npartitions=3)
        lazy = extract(ddf)
        assert type(lazy).__module__.startswith("dask")
        got = lazy.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)


def test_actor_dictionary_for_another_conflict_reaches_every_family():
    df = pd.DataFrame({"doc_id": ["x"], "source": ["S"], "text": [
        "Blueland shells Redland\nGeneral Ivo Blau of the Blue army said Redland's brutal attack killed 40 people."]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = contrast.load_corpus(df)
    actors = contrast.ActorDictionary(pd.DataFrame({
        "alias": ["Blueland", "Blue army", "Ivo Blau", "Redland"],
        "actor": ["Blue", "Blue", "Blue", "Red"],
        "kind": ["state", "military", "person", "state"]}))
    ev = extract(corpus, actors=actors, cache=False)
    assert set(ev.loc[ev.family == "actor", "actor"]) == {"Blue", "Red"}
    att = ev[ev.family == "attribution"]
    assert list(att["actor"]) == ["Blue"]
    nums = ev[ev.family == "number"]
    assert list(nums["actor"]) == ["Blue"]  # the number carries its speaker's side
    default = extract(corpus, cache=False)
    assert "Blue" not in set(default["actor"].dropna())


def _link_reference(rows):
    """The straightforward O(numbers x attributions) definition."""
    attrs = [r for r in rows if r.get("family") == "attribution" and r.get("speaker")]
    for r in rows:
        if r.get("family") != "number":
            continue
        inside = [a for a in attrs if a.get("content_start") is not None and a.get("content_end") is not None
                  and a["content_start"] <= r["start"] and r["end"] <= a["content_end"]]
        same = [a for a in attrs if a.get("sent_id") == r.get("sent_id")]
        if inside or same:
            best = (inside or same)[0]
            for k in ("speaker", "speaker_resolved", "speaker_type"):
                r[k] = best.get(k)
            if r.get("actor") is None:
                r["actor"] = best.get("actor")


def test_link_number_speakers_equals_reference_on_random_rows():
    import copy
    import random

    from contrast.extract import link_number_speakers

    rng = random.Random(7)
    for _ in range(300):
        rows = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randint(0, 400)
            e = s + rng.randint(1, 8)
            sid = s // 50
            if rng.random() < 0.4:
                cs = rng.choice([None, max(0, s - rng.randint(0, 120))])
                ce = None if cs is None else cs + rng.randint(0, 200)
                rows.append({"family": "attribution", "start": s, "end": e, "sent_id": sid,
                             "speaker": rng.choice([None, "A", "B", "C"]), "speaker_type": "named",
                             "speaker_resolved": None, "actor": rng.choice(["X", "Y"]),
                             "content_start": cs, "content_end": ce})
            else:
                rows.append({"family": "number", "start": s, "end": e, "sent_id": sid,
                             "actor": rng.choice([None, "Z"])})
        rows.sort(key=lambda r: (r["start"], r["end"], r["family"]))
        fast, slow = copy.deepcopy(rows), copy.deepcopy(rows)
        link_number_speakers(fast)
        _link_reference(slow)
        assert fast == slow


def test_parallel_on_a_loky_pool_equals_serial(always_parallel, monkeypatch):
    """Where fork is unsafe (threads running, macOS, Windows) workers come from loky's reusable pool."""
    mod = sys.modules["contrast.extract"]
    monkeypatch.setattr(mod, "_start_method", lambda: "loky")
    monkeypatch.setattr(mod, "_POOL", [])
    c = _corpus(12)
    pd.testing.assert_frame_equal(extract(c, n_jobs=2, cache=False), extract(c, cache=False))
    assert mod._POOL[2] == "loky"


def test_a_first_parallel_call_on_little_text_runs_serially_even_with_fork(monkeypatch):
    """Starting workers (even by fork) is not repaid by a few kB of text: no pool is started for it."""
    mod = sys.modules["contrast.extract"]
    monkeypatch.setattr(mod, "_start_method", lambda: "fork")
    monkeypatch.setattr(mod, "_POOL", [])
    monkeypatch.setattr(mod, "_WARM", set())
    c = _corpus(6)
    assert c["text"].str.len().sum() < mod._SMALL_BYTES
    pd.testing.assert_frame_equal(extract(c, n_jobs=2, cache=False), extract(c, cache=False))
    assert mod._POOL == []
    monkeypatch.setattr(mod, "_SMALL_BYTES", 0)  # enough text: a forked pool, kept for later calls
    pd.testing.assert_frame_equal(extract(c, n_jobs=2, cache=False), extract(c, cache=False))
    assert mod._POOL[2] == "fork" and id(mod._POOL[0]) in mod._WARM
    mod._POOL[0].shutdown()


@pytest.mark.parametrize("n_jobs", [2, -1])
def test_a_call_on_little_text_runs_serially_cold_or_warm_and_says_so(monkeypatch, caplog, n_jobs):
    """Below the thresholds no task reaches a worker, whether workers are up or not; the log says which ran."""
    import logging
    import os

    mod = sys.modules["contrast.extract"]
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # n_jobs=-1: two workers on any machine
    monkeypatch.setattr(mod, "_start_method", lambda: "fork")
    monkeypatch.setattr(mod, "_POOL", [])
    monkeypatch.setattr(mod, "_WARM", set())
    calls: list[int] = []
    real = mod._parallel
    monkeypatch.setattr(mod, "_parallel", lambda chunks, *a: calls.append(len(chunks)) or real(chunks, *a))
    c = _corpus(6)
    serial = extract(c, cache=False)
    caplog.set_level(logging.DEBUG, logger="contrast.extract")
    pd.testing.assert_frame_equal(extract(c, n_jobs=n_jobs, cache=False), serial)  # cold, < _SMALL_BYTES
    assert calls == [] and mod._POOL == []
    assert "no running pool: serial" in caplog.records[-1].getMessage()
    monkeypatch.setattr(mod, "_SMALL_BYTES", 0)
    pd.testing.assert_frame_equal(extract(c, n_jobs=n_jobs, cache=False), serial)  # starts the pool
    assert len(calls) == 1 and calls[0] > 1 and "no running pool: parallel" in caplog.records[-1].getMessage()
    assert c["text"].str.len().sum() < mod._WARM_SMALL_BYTES
    pd.testing.assert_frame_equal(extract(c, n_jobs=n_jobs, cache=False), serial)  # warm, still too little
    assert len(calls) == 1 and "a running pool: serial" in caplog.records[-1].getMessage()
    monkeypatch.setattr(mod, "_WARM_SMALL_BYTES", 0)
    pd.testing.assert_frame_equal(extract(c, n_jobs=n_jobs, cache=False), serial)
    assert len(calls) == 2 and "a running pool: parallel" in caplog.records[-1].getMessage()
    mod._POOL[0].shutdown()


def test_a_parallel_result_shares_nothing_writable_with_the_cache(always_parallel):
    """The workers' tables go into the result uncopied; writing to the result leaves the cached evidence as it was."""
    _CACHE.clear()
    c = _corpus(12)
    first = extract(c, n_jobs=2, cache="memory")
    kept = first.copy()
    first.loc[0, "span"] = "changed"
    first["start"] = first["start"] + 1
    pd.testing.assert_frame_equal(extract(c, n_jobs=2, cache="memory"), kept)  # served from the cache
    pd.testing.assert_frame_equal(kept, extract(c, cache=False))
