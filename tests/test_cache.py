"""The on-disk evidence cache: reuse across processes, concurrency, crash safety, bounds, switches."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import contrast
from contrast import cache as dc
from contrast.extract import _CACHE, clear_cache, extract

ROOT = Path(__file__).resolve().parents[1]


def _corpus(n: int = 9, tag: str = "") -> pd.DataFrame:
    texts = [f"Kyiv says {i} killed{tag}\nExperts suggest the strike may have killed about {i} civilians, "
             f"officials said. \"It is a lie,\" Peskov told reporters." for i in range(n)]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source": ["A", "B", "C"] * (n // 3),
                         "text": texts})


@pytest.fixture(autouse=True)
def _fresh_memory():
    """Each test starts as a new session would: nothing in memory (conftest gives it an empty disk)."""
    clear_cache(disk=False)


def _no_compute(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("recomputed an article the disk cache holds")

    monkeypatch.setattr(sys.modules["contrast.extract"], "_doc_rows", boom)


def test_a_later_session_reads_instead_of_recomputing(monkeypatch):
    c = _corpus()
    first = extract(c)
    assert len(dc.disk_cache()) == len(c)
    clear_cache(disk=False)  # what a restart leaves: the disk only
    _no_compute(monkeypatch)
    pd.testing.assert_frame_equal(extract(c), first)
    assert _CACHE.misses == len(c)  # memory missed, the disk served


def test_parallel_workers_fill_the_disk_cache(monkeypatch):
    for small in ("_SMALL_BYTES", "_WARM_SMALL_BYTES"):  # to the workers
        monkeypatch.setattr(sys.modules["contrast.extract"], small, 0)
    c = _corpus(12, tag=" (parallel)")
    first = extract(c, n_jobs=2)
    clear_cache(disk=False)
    _no_compute(monkeypatch)
    pd.testing.assert_frame_equal(extract(c), first)


def test_switches_memory_only_and_off(monkeypatch, tmp_path):
    monkeypatch.setenv("CONTRAST_CACHE_DIR", str(tmp_path / "a"))
    extract(_corpus(3), cache="memory")
    assert not (tmp_path / "a").exists()
    monkeypatch.setenv("CONTRAST_CACHE", "off")
    extract(_corpus(3, tag=" x"))
    assert not (tmp_path / "a").exists()
    monkeypatch.delenv("CONTRAST_CACHE")
    extract(_corpus(3, tag=" y"))
    assert (tmp_path / "a" / dc._FILE).is_file()
    with pytest.raises(ValueError, match="cache="):
        extract(_corpus(3), cache="disk")


def test_clear_cache_empties_the_disk():
    extract(_corpus(3))
    assert len(dc.disk_cache()) == 3
    contrast.clear_cache()
    assert len(dc.disk_cache()) == 0


def test_size_bound_evicts_least_recently_read(tmp_path):
    store = dc.DiskCache(tmp_path, limit=20_000)
    for i in range(40):  # about 1.5 kB each after compression
        store.put_many([(f"k{i}", {"i": i, "pad": os.urandom(1500).hex()})])
        store.get_many(["k0"])  # k0 keeps being read
    assert store.size() <= 20_000
    assert "k0" in store.get_many(["k0"]) and "k1" not in store.get_many(["k1"])


def test_damaged_entry_is_a_miss(tmp_path):
    store = dc.DiskCache(tmp_path)
    store.put_many([("a", [1, 2, 3]), ("b", [4])])
    with sqlite3.connect(tmp_path / dc._FILE) as conn:
        blob = conn.execute("SELECT value FROM entries WHERE key='a'").fetchone()[0]
        conn.execute("UPDATE entries SET value=? WHERE key='a'", (blob[:-3] + b"xyz",))
    assert store.get_many(["a", "b"]) == {"b": [4]}
    assert store.get_many(["a"]) == {}  # dropped


def test_damaged_database_file_is_moved_aside_and_extraction_goes_on():
    c = _corpus(3, tag=" damaged")
    expected = extract(c, cache=False)
    extract(c)
    clear_cache(disk=False)
    store = dc.disk_cache()
    store.close()
    path = store.path
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        got = extract(c)
    pd.testing.assert_frame_equal(got, expected)
    msgs = [str(x.message) for x in w if issubclass(x.category, RuntimeWarning)]
    assert len(msgs) == 1 and "moved aside" in msgs[0] and "\n" not in msgs[0]
    assert list(path.parent.glob(f"{path.name}.damaged-*"))
    clear_cache(disk=False)
    extract(c)  # a fresh database takes the entries again
    assert len(store) == 3


def _script(body: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(body)]


def _env(folder: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "CONTRAST_CACHE_DIR": str(folder)}


def test_two_processes_at_once_share_the_cache(tmp_path):
    folder = tmp_path / "shared"
    body = """
        import sys, pandas as pd
        from contrast.extract import extract
        texts = [f"Kyiv says {i} killed\\nOfficials said {i} drones were shot down on Monday." for i in range(60)]
        c = pd.DataFrame({"doc_id": [f"d{i}" for i in range(60)], "source": "A", "text": texts})
        part = c.iloc[::-1] if sys.argv[1] == "rev" else c
        for _ in range(3):
            ev = extract(part)
            from contrast.extract import clear_cache
            clear_cache(disk=False)
        ev.sort_values(["doc_id", "start", "end", "family"]).to_csv(sys.argv[2], index=False)
    """
    procs = [subprocess.Popen(_script(body) + [order, str(tmp_path / f"{order}.csv")], env=_env(folder),
                              stderr=subprocess.PIPE, text=True) for order in ("fwd", "rev")]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert not any("evidence cache" in e for e in errs), errs
    a, b = (pd.read_csv(tmp_path / f"{o}.csv") for o in ("fwd", "rev"))
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    assert len(dc.DiskCache(folder)) == 60


def test_a_writer_killed_mid_write_leaves_a_readable_cache(tmp_path):
    folder = tmp_path / "killed"
    body = """
        import os, sys
        from contrast.cache import DiskCache
        store = DiskCache(sys.argv[1])
        i = 0
        print("ready", flush=True)
        while True:
            store.put_many([(f"k{i}-{j}", {"i": i, "pad": os.urandom(2000).hex()}) for j in range(200)])
            i += 1
    """
    p = subprocess.Popen(_script(body) + [str(folder)], env=_env(folder), stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    p.send_signal(signal.SIGKILL)
    p.wait()
    store = dc.DiskCache(folder)
    keys = [f"k{i}-{j}" for i in range(200) for j in range(200)]
    got = store.get_many(keys)
    assert got, "the writer stored nothing before it was killed"
    # whole transactions only: each batch is all there or not at all, and intact
    batches = {k.split("-")[0] for k in got}
    assert all(sum(k.startswith(f"{b}-") for k in got) == 200 for b in batches)
    assert all(v["i"] == int(k[1:].split("-")[0]) for k, v in got.items())
