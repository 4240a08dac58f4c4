"""Validity of the attribution extractor against PolNeAR (Newell, Margolin & Ruths 2018).

Reads ``../shared/eval/attribution/polnear/dev`` relative to the repository root
(skips cleanly when absent). Offsets in the ``.ann`` files index the raw
``.txt`` characters (checked: every span's text matches), so articles are read
without newline translation and segmented with the first line as headline.
Where an article has two annotators, the annotation file whose name sorts first
is used.

Measures
--------
- cue precision: share of predicted cues that overlap a gold ``Cue`` span;
- cue recall: share of gold cues overlapped by a predicted cue; cue F1;
- source recall: among gold cues matched by a prediction that has a speaker and
  whose gold relation has a ``Source``, the share where the predicted speaker
  overlaps the gold Source;
- baseline: the same scores for bare reporting-verb forms from the bundled
  lexicon (every inflection, no context rules).

Run: ``python benchmarks/validity_attribution.py [split]`` (default ``dev``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _read_ann(path: Path) -> tuple[list[tuple[int, int]], dict[tuple[int, int], list[tuple[int, int]]]]:
    """Gold cue spans (multi-span cues as their pieces' hull) and cue -> source pieces."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            typ, _, offs = parts[1].partition(" ")
            pieces = [p.split() for p in offs.split(";") if p.strip()]
            spans[parts[0]] = (typ, [(int(p[0]), int(p[1])) for p in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    cues: list[tuple[int, int]] = []
    cue_src: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for typ, offsets in spans.values():
        if typ == "Cue":
            key = (min(p[0] for p in offsets), max(p[1] for p in offsets))
            cues.append(key)
            cue_src.setdefault(key, [])
    for rel in rels:
        cue = spans.get(rel.get("Cue", ""))
        src = spans.get(rel.get("Source", ""))
        if cue and src:
            key = (min(p[0] for p in cue[1]), max(p[1] for p in cue[1]))
            cue_src.setdefault(key, []).extend(src[1])
    return cues, cue_src


def _ov(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _score(pred: list[tuple[int, int, tuple[int, int] | None]],
           gold: list[tuple[int, int]], cue_src: dict[tuple[int, int], list[tuple[int, int]]]
           ) -> tuple[int, int, int, int, int, int]:
    """(pred total, pred TP, gold total, gold found, source eligible, source hit)."""
    tp = sum(1 for s, e, _ in pred if any(_ov((s, e), g) for g in gold))
    found = 0
    elig = hit = 0
    for g in gold:
        match = [p for p in pred if _ov((p[0], p[1]), g)]
        if not match:
            continue
        found += 1
        srcs = cue_src.get(g, [])
        if not srcs:
            continue
        elig += 1
        if any(p[2] is not None and any(_ov(p[2], s) for s in srcs) for p in match):
            hit += 1
    return len(pred), tp, len(gold), found, elig, hit


def evaluate(split_dir: Path) -> dict[str, float]:
    """Scores of the extractor and the verb-lexicon baseline on one PolNeAR split."""
    from contrast.features import attribution as A
    from contrast.text import segment

    res = A.default_resources()
    forms = sorted(res.verbs, key=len, reverse=True)
    base_re = re.compile(r"(?<![\w'’-])(?:" + "|".join(r"\s+".join(map(re.escape, f.split()))
                                                      for f in forms) + r")(?![\w-])",
                         re.IGNORECASE)
    tot = [0] * 6
    btot = [0] * 6
    seen: set[str] = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if base in seen:
            continue
        txt = split_dir / "text" / f"{base}.txt"
        if not txt.is_file():
            continue
        seen.add(base)
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        gold, cue_src = _read_ann(ann)
        doc = segment(text, headline=True)
        rows = [r for r in A.extract(doc, res) if r["family"] == "attribution"]
        pred = [(r["start"], r["end"],
                 (r["speaker_start"], r["speaker_end"]) if r.get("speaker_start") is not None
                 else None) for r in rows]
        for i, v in enumerate(_score(pred, gold, cue_src)):
            tot[i] += v
        bpred: list[tuple[int, int, tuple[int, int] | None]] = [
            (m.start(), m.end(), None) for m in base_re.finditer(text)]
        for i, v in enumerate(_score(bpred, gold, cue_src)):
            btot[i] += v

    def prf(t: list[int]) -> tuple[float, float, float]:
        p = t[1] / t[0] if t[0] else 0.0
        r = t[3] / t[2] if t[2] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(tot)
    bp, br, bf = prf(btot)
    return {"articles": float(len(seen)), "gold_cues": float(tot[2]), "cue_precision": p,
            "cue_recall": r, "cue_f1": f, "source_recall": tot[5] / tot[4] if tot[4] else 0.0,
            "base_precision": bp, "base_recall": br, "base_f1": bf}


def run(eval_dir: Path, split: str = "dev") -> list[dict[str, Any]]:
    """Validity rows for the lead's ``benchmarks/validity.py`` ([] if data absent)."""
    split_dir = Path(eval_dir) / "attribution" / "polnear" / split
    if not (split_dir / "attributions").is_dir():
        return []
    s = evaluate(split_dir)
    data = f"PolNeAR {split} ({int(s['articles'])} articles, {int(s['gold_cues'])} gold cues)"
    base = (f"reporting-verb lexicon, all inflections: P {s['base_precision']:.2f}, "
            f"R {s['base_recall']:.2f}, F1 {s['base_f1']:.2f}")
    note = ("cue counts if it overlaps a gold Cue; first annotator where two; "
            "PolNeAR is 2016 US election news")
    return [
        {"measure": "attribution cue", "data": data, "metric": "F1", "value": s["cue_f1"],
         "target": ">= 0.75", "baseline": base,
         "note": f"P {s['cue_precision']:.2f}, R {s['cue_recall']:.2f}; {note}"},
        {"measure": "attribution cue", "data": data, "metric": "precision",
         "value": s["cue_precision"], "target": "", "baseline": f"{s['base_precision']:.2f}",
         "note": note},
        {"measure": "attribution cue", "data": data, "metric": "recall", "value": s["cue_recall"],
         "target": "", "baseline": f"{s['base_recall']:.2f}", "note": note},
        {"measure": "attribution source", "data": data, "metric": "source recall",
         "value": s["source_recall"], "target": ">= 0.60", "baseline": "",
         "note": "predicted speaker overlaps the gold Source of the matched cue"},
    ]


if __name__ == "__main__":
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    rows = run(ROOT.parent / "shared" / "eval", split)
    if not rows:
        print("PolNeAR not found under ../shared/eval; skipped")
    for row in rows:
        print(f"{row['measure']:20} {row['metric']:14} {row['value']:.3f}  target {row['target']:8}"
              f"  baseline {row['baseline']}  ({row['note']})")
