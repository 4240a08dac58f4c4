"""Validity of the sentiment families against human annotation.

(a) Sentence sentiment: Pearson r of the per-sentence VADER compound against
    the human mean rating of VADER's 5,190 NYT snippets (Hutto & Gilbert 2014).
    This is VADER's own evaluation set, so it is a correctness check of our use
    of the reference implementation, not independent validation.
(b) Sentiment toward targets: macro-F1 (negative / neutral / positive) of
    :func:`contrast.sentiment_toward` (the public function) on NewsMTSC train
    (Hamborg & Donnay 2021). The weights and label thresholds were tuned on the
    half of the sentences with ``crc32(primary_gid) % 2 == 0``; the figure is
    measured on the other half, as are the two baselines (VADER on the whole
    sentence, and on a +-5-token window, both with VADER's +-0.05 thresholds).

Run ``python benchmarks/validity_sentiment.py`` from the repository root; the
data are read from ``../shared/eval`` and the script prints nothing but a note
when they are absent.
"""

from __future__ import annotations

import json
import math
import pathlib
import sys
import zlib
from typing import Any

from contrast.features.sentiment import (
    default_resources,
    sentiment_toward,
    vader_label,
    vader_tokens,
)
from contrast.text import token_spans

NYT = pathlib.Path("sentiment") / "nyt_snippets_vader_gold.tsv"
MTSC = pathlib.Path("target_sentiment") / "newsmtsc_train.jsonl"
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_CMD = "python benchmarks/validity_sentiment.py"


def _pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Unweighted mean of the per-class F1 over negative, neutral, positive."""
    out = []
    for c in ("negative", "neutral", "positive"):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(out) / len(out)


def _best_thresholds(gold: list[str], scores: list[float]) -> tuple[float, float]:
    """The (negative, positive) cut-offs, on a 0.025 grid, with the best macro-F1."""
    import numpy as np

    y = np.array([("negative", "neutral", "positive").index(g) for g in gold])
    x = np.array(scores)
    best, arg = -1.0, (-0.05, 0.05)
    grid = np.round(np.arange(-0.5, 0.5001, 0.025), 3)
    for lo in grid[grid <= 0]:
        for hi in grid[grid >= lo]:
            p = np.where(x <= lo, 0, np.where(x >= hi, 2, 1))
            f = 0.0
            for c in range(3):
                tp = np.sum((p == c) & (y == c))
                f += 2 * tp / (np.sum(p == c) + np.sum(y == c)) if tp else 0.0
            if f > best:
                best, arg = f, (float(lo), float(hi))
    return arg


def nyt_rows(path: pathlib.Path) -> list[dict[str, Any]]:
    """Pearson r of sentence compound vs the human mean on the NYT snippets."""
    res = default_resources()
    gold: list[float] = []
    ours: list[float] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\r").split("\t", 2)
        if len(parts) < 3:
            continue
        gold.append(float(parts[1]))
        ours.append(vader_tokens(parts[2], res.analyzer).compound)
    return [{
        "measure": "sentence sentiment",
        "data": f"NYT snippets (VADER's evaluation set), {len(gold)} sentences",
        "metric": "Pearson r vs human mean",
        "value": round(_pearson(ours, gold), 3),
        "target": ">= 0.50",
        "baseline": "reference VADER 0.503 (Hutto & Gilbert 2014); NLTK's copy 0.490",
        "note": "VADER's own evaluation set: a correctness check, not independent validation. "
                f"Command: {_CMD}",
    }]


def _window(text: str, start: int, end: int, k: int = 5) -> tuple[int, int]:
    toks = token_spans(text)
    first = next((i for i, (s, e) in enumerate(toks) if e > start), len(toks) - 1)
    last = max((i for i, (s, _) in enumerate(toks) if s < end), default=first)
    return toks[max(0, first - k)][0], toks[min(len(toks) - 1, last + k)][1]


def newsmtsc_rows(path: pathlib.Path) -> list[dict[str, Any]]:
    """Macro-F1 of sentiment toward targets on the held-out half of NewsMTSC train."""
    res = default_resources()
    a, opts = res.analyzer, res.options
    gold: list[str] = []
    ours: list[str] = []
    whole: list[str] = []
    window: list[str] = []
    tune_gold: list[str] = []
    tune_whole: list[float] = []
    whole_scores: list[float] = []
    n_sent = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["sentence_normalized"]
        vt = vader_tokens(text, a)
        if zlib.crc32(item["primary_gid"].encode()) % 2 == 0:  # the tuning half
            for t in item["targets"]:
                tune_gold.append(_POLARITY[float(t["polarity"])])
                tune_whole.append(vt.compound)
            continue
        n_sent += 1
        for t in item["targets"]:
            s, e = int(t["from"]), int(t["to"])
            gold.append(_POLARITY[float(t["polarity"])])
            ours.append(vader_label(sentiment_toward(text, s, e, resources=res), opts.thresholds))
            whole.append(vader_label(vt.compound))
            whole_scores.append(vt.compound)
            ws, we = _window(text, s, e)
            window.append(vader_label(a.polarity_scores(text[ws:we])["compound"]))
    f_whole, f_win = macro_f1(gold, whole), macro_f1(gold, window)
    thr = _best_thresholds(tune_gold, tune_whole)
    f_tuned = macro_f1(gold, [vader_label(x, thr) for x in whole_scores])
    return [{
        "measure": "sentiment toward targets",
        "data": f"NewsMTSC train, held-out half ({n_sent} sentences, {len(gold)} targets)",
        "metric": "macro-F1 (neg/neu/pos)",
        "value": round(macro_f1(gold, ours), 3),
        "target": ">= 0.55",
        "baseline": f"VADER whole sentence {f_whole:.3f}; VADER +-5-token window {f_win:.3f} "
                    f"(same half, thresholds +-0.05); VADER whole sentence with thresholds "
                    f"tuned like ours ({thr[0]:g}, {thr[1]:g}) {f_tuned:.3f}",
        "note": "weights and thresholds tuned on the other half (crc32(primary_gid) % 2 == 0). "
                f"Command: {_CMD}",
    }]


def run(eval_dir: pathlib.Path) -> list[dict[str, Any]]:
    """Validity rows for the ``sentiment`` and ``actor`` families ([] without data)."""
    eval_dir = pathlib.Path(eval_dir)
    rows: list[dict[str, Any]] = []
    if (eval_dir / NYT).is_file():
        rows += nyt_rows(eval_dir / NYT)
    if (eval_dir / MTSC).is_file():
        rows += newsmtsc_rows(eval_dir / MTSC)
    return rows


if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parents[1]
    where = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "eval"
    found = run(where)
    if not found:
        print(f"no evaluation data under {where}; skipped")
    for r in found:
        print(json.dumps(r, ensure_ascii=False))
