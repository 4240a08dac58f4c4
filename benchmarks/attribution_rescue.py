"""How far a learned filter over the reporting-verb lexicon's leftover forms could lift cue F1 (issue 15).

The bare lexicon (every inflection, no context rule) finds gold cues contrast's rules
drop: on PolNeAR dev, 147 of 2,192 gold cues, among 1,622 lexicon hits that overlap no
contrast cue (precision 0.10). This script asks whether a model could pick the real cues
out of those leftovers. Candidates: every lexicon hit overlapping no contrast cue. Features:
the form, one and two words either side, the form with each neighbour, capitals, headline,
inside quotation, another cue on the line. Model: scikit-learn ``LogisticRegression`` fit on
the PolNeAR tuning part (train without the held-out fifth); its threshold is the one whose
out-of-fold candidates (5 folds grouped by article) give the best tuning-part F1. Scored by
``validity_attribution.score_split`` on dev and on the held-out fifth, next to an oracle that
adds every leftover hit that overlaps a gold cue (the ceiling of any such filter).

Nothing here is used by contrast: it measures a ceiling. Skips cleanly when
``../shared/eval`` is absent.

Run: ``python benchmarks/attribution_rescue.py [--eval DIR]``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import validity_attribution as V  # noqa: E402

WORD = re.compile(r"[\w'’-]+|[^\w\s]")


def _features(text: str, s: int, e: int, cues: list[tuple[int, int, Any]]) -> dict[str, int]:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    left = (["<s>"] * 3 + WORD.findall(text[max(ls, s - 80):s]))[-3:]
    right = (WORD.findall(text[e:min(le, e + 80)]) + ["</s>"] * 3)[:3]
    w = text[s:e].lower()
    before = text[ls:s]
    open_q = (before.count('"') + before.count("“") - before.count("”")) % 2
    return {f"w={w}": 1, f"p1={left[-1].lower()}": 1, f"p2={left[-2].lower()}": 1,
            f"n1={right[0].lower()}": 1, f"n2={right[1].lower()}": 1,
            f"w_p1={w}|{left[-1].lower()}": 1, f"w_n1={w}|{right[0].lower()}": 1,
            f"cap={text[s:s + 1].isupper()}": 1, f"p1cap={left[-1][:1].isupper()}": 1,
            f"head={ls == 0}": 1, f"q={open_q}": 1,
            f"cue_in_line={any(ls <= c[0] < le for c in cues)}": 1}


def candidates(docs: list[tuple[str, str, Any]]) -> list[dict[str, Any]]:
    """Per article: contrast's predictions, the leftover lexicon hits, their features and labels."""
    cp, bp = V.contrast_predict(), V.baseline_predict()
    out = []
    for _, text, ann in docs:
        gold, _ = V._gold(ann)
        c = cp(text)
        left = [(s, e) for s, e, _ in bp(text) if not any(V._ov((s, e), (q[0], q[1])) for q in c)]
        out.append({"text": text, "ann": ann, "pred": c, "left": left,
                    "X": [_features(text, s, e, c) for s, e in left],
                    "y": [any(V._ov(sp, g) for g in gold) for sp in left]})
    return out


def _score(arts: list[dict[str, Any]], keep: list[list[bool]]) -> dict[str, float]:
    preds = iter([a["pred"] + [(s, e, None) for (s, e), k in zip(a["left"], ks, strict=True) if k]
                  for a, ks in zip(arts, keep, strict=True)])
    # score_split calls the predictor once per article, in order
    return V.score_split([("", a["text"], a["ann"]) for a in arts], lambda _text: next(preds))


def _describe(split: str, arts: list[dict[str, Any]]) -> None:
    """Print the leftover hits of a split: how many, how many are gold cues, the commonest forms."""
    from collections import Counter

    gold = sum(sum(1 for g in V._gold(a["ann"])[0]
                   if not any(V._ov((p[0], p[1]), g) for p in a["pred"])
                   and any(V._ov(sp, g) for sp in a["left"])) for a in arts)
    hits = sum(len(a["left"]) for a in arts)
    true = sum(sum(a["y"]) for a in arts)
    forms = Counter(a["text"][s:e].lower() for a in arts for s, e in a["left"])
    print(f"{split}: {hits} leftover lexicon hits, {true} overlap a gold cue (precision "
          f"{true / hits if hits else 0:.2f}); {gold} gold cues are found only by them; commonest: "
          + ", ".join(f"{w} {n}" for w, n in forms.most_common(8)))


def run(eval_dir: Path) -> list[dict[str, Any]]:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    tune = candidates(V.split_docs(eval_dir, "tune"))
    X = [f for a in tune for f in a["X"]]
    y = np.array([v for a in tune for v in a["y"]])
    groups = np.array([i for i, a in enumerate(tune) for _ in a["X"]])
    vec = DictVectorizer()
    A = vec.fit_transform(X)
    oof = np.zeros(len(y))
    for tr, te in GroupKFold(5).split(A, y, groups):
        oof[te] = LogisticRegression(C=0.3, max_iter=2000).fit(A[tr], y[tr]).predict_proba(A[te])[:, 1]

    def split_keep(arts: list[dict[str, Any]], p: Any, t: float) -> list[list[bool]]:
        keep, i = [], 0
        for a in arts:
            keep.append([bool(v >= t) for v in p[i:i + len(a["X"])]])
            i += len(a["X"])
        return keep

    best = max(np.arange(0.3, 0.81, 0.05), key=lambda t: _score(tune, split_keep(tune, oof, t))["f1"])
    model = LogisticRegression(C=0.3, max_iter=2000).fit(A, y)
    rows = []
    for split in ("dev", "heldout"):
        arts = candidates(V.split_docs(eval_dir, split))
        _describe(split, arts)
        p = model.predict_proba(vec.transform([f for a in arts for f in a["X"]]))[:, 1]
        for label, keep in (("contrast", [[False] * len(a["X"]) for a in arts]),
                            (f"contrast + learned filter (threshold {best:.2f})", split_keep(arts, p, best)),
                            ("contrast + oracle filter (ceiling)", [list(a["y"]) for a in arts])):
            s = _score(arts, keep)
            rows.append({"split": split, "system": label, "P": round(s["precision"], 3),
                         "R": round(s["recall"], 3), "F1": round(s["f1"], 3)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=V.ROOT.parent / "shared" / "eval")
    a = ap.parse_args()
    if not (a.eval / "attribution" / "polnear").is_dir():
        print(f"skipped: no PolNeAR under {a.eval}")
        return
    import pandas as pd

    print(pd.DataFrame(run(a.eval)).to_string(index=False))


if __name__ == "__main__":
    main()
