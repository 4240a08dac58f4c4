"""The unseen attribution split of ``benchmarks/validity_attribution.py`` (issue 15):
ids, offsets and labels only in the repository, and a clean skip without the eval data."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("validity_attribution",
                                                  ROOT / "benchmarks" / "validity_attribution.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_unseen_csv_holds_no_text() -> None:
    with open(ROOT / "benchmarks" / "attribution_unseen.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(rows[0]) == {"doc_id", "relation", "label", "start", "end", "kind"}
    for r in rows:
        assert r["doc_id"].startswith("article_") and int(r["doc_id"].split("_")[1]) >= 51
        assert r["label"] in {"Cue", "Source", "Content"}
        assert 0 <= int(r["start"]) < int(r["end"])
        assert r["kind"].isalpha()
    # every relation has its cue, source and content
    by_rel: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        by_rel.setdefault((r["doc_id"], r["relation"]), set()).add(r["label"])
    assert all(v == {"Cue", "Source", "Content"} for v in by_rel.values())
    assert len(by_rel) >= 40


def test_unseen_split_skips_without_eval_data(tmp_path: Path) -> None:
    mod = _bench()
    assert mod.unseen_articles(tmp_path) == []
    assert mod.run(tmp_path, ("unseen",)) == []
