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

- joint source recall: gold relations with a ``Source`` whose cue is found by a
  prediction whose speaker overlaps that Source, over all gold relations with a
  ``Source`` (found and right speaker over all gold sources).

Scoring, checked (issue 15): a predicted cue matches a gold cue when their
characters overlap, and a predicted speaker matches when it overlaps any piece of
the gold Source; several predictions may match one gold cue (each counts for
precision, the gold cue once for recall). A discontinuous gold cue is scored as
the hull of its pieces, which never applies on dev (no such cue) and once in the
18,834 cues of the tuning part. The peers of ``benchmarks/peers/`` are scored by
this same function. No scoring change was made: the rules above are lenient the
same way for every system. What they allow is shown by scoring one PolNeAR
annotator against the other with the same code (``--agreement``: the articles of
dev and the tuning part that two annotators read, never the held-out part): the
human agreement is the ceiling a cue F1 target should be read against.

Splits: ``dev`` (84 articles) and ``heldout``, a fixed fifth of PolNeAR train
(``sha1(article name) % 5 == 0``) that was never read while writing rules; the
other four fifths (``tune``) and dev were read for error analysis.

``unseen``: 2014 crisis articles of Faerber et al. (``../shared/eval/conflict_framing``,
numbers 51, 52, 53 and 54, 64 relations), annotated the PolNeAR way (cue, source,
content; headline cues, nested cues inside quotations, quotation cues, mental-state and
evidence predicates) by engineer 15 of session 21 on 2026-12-02 from the text alone,
before contrast was run on them and before any rule change of that session.
``benchmarks/attribution_unseen.csv`` holds only article ids, relation numbers, labels
(Cue, Source, Content), character offsets into the article text (its sentences joined by
newlines, the first the headline) and a kind of cue; the reading notes that quote the
text stay outside the repository (``--from-notes``). Its errors are never listed.

Run: ``python benchmarks/validity_attribution.py [dev heldout tune train unseen]`` (default
``dev heldout``); ``--errors N`` lists missed and false cues of dev or tune;
``--agreement`` scores the second annotator against the first (and contrast against
each) on the doubly annotated articles of dev and the tuning part.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
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


Pred = list[tuple[int, int, "tuple[int, int] | None"]]

#: share of PolNeAR train articles held out from rule writing (chosen by a fixed hash)
HOLDOUT_MOD = 5


def is_heldout(base: str) -> bool:
    """Whether a PolNeAR train article belongs to the held-out part (``sha1(name) % 5 == 0``).

    The held-out part (about 170 of the 840 train articles) was never read while
    writing rules; the rest of train (``tune``) and dev were.
    """
    return int(hashlib.sha1(base.encode("utf-8")).hexdigest(), 16) % HOLDOUT_MOD == 0


def articles(eval_dir: Path, split: str) -> list[tuple[str, str, Path]]:
    """``(name, raw text, annotation file)`` of a split: ``dev``, ``train``, ``tune``
    (train without the held-out part) or ``heldout``."""
    folder = "dev" if split == "dev" else "train"
    split_dir = Path(eval_dir) / "attribution" / "polnear" / folder
    out: list[tuple[str, str, Path]] = []
    seen: set[str] = set()
    if not (split_dir / "attributions").is_dir():
        return out
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if base in seen:
            continue
        if split == "tune" and is_heldout(base) or split == "heldout" and not is_heldout(base):
            continue
        txt = split_dir / "text" / f"{base}.txt"
        if not txt.is_file():
            continue
        seen.add(base)
        with open(txt, encoding="utf-8", newline="") as fh:
            out.append((base, fh.read(), ann))
    return out


def contrast_predict(resources: Any = None) -> Callable[[str], Pred]:
    """The contrast extractor as a predictor: text -> ``(cue start, cue end, speaker span)``."""
    from contrast.features import attribution as A
    from contrast.text import segment

    res = resources if resources is not None else A.default_resources()

    def predict(text: str) -> Pred:
        doc = segment(text, headline=True)
        rows = [r for r in A.extract(doc, res) if r["family"] == "attribution"]
        return [(r["start"], r["end"],
                 (r["speaker_start"], r["speaker_end"]) if r.get("speaker_start") is not None
                 else None) for r in rows]

    return predict


def baseline_predict() -> Callable[[str], Pred]:
    """Bare reporting-verb forms of the bundled lexicon (every inflection, no context rules)."""
    from contrast.features import attribution as A

    forms = sorted(A.default_resources().verbs, key=len, reverse=True)
    base_re = re.compile(r"(?<![\w'’-])(?:" + "|".join(r"\s+".join(map(re.escape, f.split()))
                                                      for f in forms) + r")(?![\w-])",
                         re.IGNORECASE)

    def predict(text: str) -> Pred:
        return [(m.start(), m.end(), None) for m in base_re.finditer(text)]

    return predict


Gold = tuple[list[tuple[int, int]], dict[tuple[int, int], list[tuple[int, int]]]]


def _gold(ann: Path | Gold) -> Gold:
    """Gold cues and cue -> source pieces of an ``.ann`` file (or already read)."""
    return _read_ann(ann) if isinstance(ann, Path) else ann


def score_split(docs: list[tuple[str, str, Any]], predict: Callable[[str], Pred]
                ) -> dict[str, float]:
    """Cue P/R/F1, source recall and joint source recall of one predictor on some articles
    (the third item of a doc is an ``.ann`` path or gold already read, see :func:`unseen_articles`)."""
    tot = [0] * 6
    n_src = 0
    seconds = 0.0
    for _, text, ann in docs:
        gold, cue_src = _gold(ann)
        n_src += sum(1 for g in gold if cue_src.get(g))
        t0 = time.perf_counter()
        pred = predict(text)
        seconds += time.perf_counter() - t0
        for i, v in enumerate(_score(pred, gold, cue_src)):
            tot[i] += v
    p = tot[1] / tot[0] if tot[0] else 0.0
    r = tot[3] / tot[2] if tot[2] else 0.0
    return {"articles": float(len(docs)), "gold_cues": float(tot[2]), "gold_sources": float(n_src),
            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "source_recall": tot[5] / tot[4] if tot[4] else 0.0,
            "joint_source_recall": tot[5] / n_src if n_src else 0.0,
            "articles_per_s": len(docs) / seconds if seconds else 0.0}


CF = Path("conflict_framing")
#: the hand-annotated relations of the unseen split (ids, offsets and labels only, no text)
UNSEEN_CSV = ROOT / "benchmarks" / "attribution_unseen.csv"


def framing_texts(eval_dir: Path) -> dict[str, list[str]]:
    """The 2014 crisis articles of Faerber et al.: id -> sentences in order (the first is the
    headline). An article's text is its sentences joined by newlines, as in
    ``validity_affiliation.framing_articles``."""
    import json

    out: dict[str, list[str]] = {}
    for path in sorted((Path(eval_dir) / CF).glob("article_*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = [x["content"] for x in sorted(d["sentences"],
                                                       key=lambda x: x["position_in_article"])]
    return out


def _find(sentence: str, phrase: str) -> tuple[int, int]:
    """Offsets of the first whole-word match of ``phrase`` (``phrase#n``: the n-th) in a sentence;
    any white space matches any white space (the 2014 articles use no-break spaces)."""
    phrase, _, occ = phrase.partition("#")
    pat = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)")
    hits = list(pat.finditer(sentence))
    n = int(occ or 1)
    if len(hits) < n:
        raise ValueError(f"{phrase!r} occurs {len(hits)} times in {sentence[:60]!r}, not {n}")
    return hits[n - 1].start(), hits[n - 1].end()


def notes_to_rows(eval_dir: Path, notes: Path) -> list[dict[str, Any]]:
    """Reading notes -> rows of the unseen split (article id, relation, label, offsets, kind).

    The notes (kept outside the repository: they quote the text) are tab-separated: article
    number, sentence index, cue, source, content start, content end, kind; a phrase may be
    prefixed ``k:`` to look in sentence ``k`` instead and suffixed ``#n`` for its n-th match.
    """
    texts = framing_texts(eval_dir)
    rows: list[dict[str, Any]] = []
    for i, line in enumerate(x for x in notes.read_text(encoding="utf-8").splitlines()
                             if x.strip() and not x.startswith("#")):
        num, sent, cue, src, c0, c1, kind = line.split("\t")
        doc = f"article_{num}"
        sents = texts[doc]
        starts = [sum(len(x) + 1 for x in sents[:k]) for k in range(len(sents))]

        def span(phrase: str, default: int = int(sent), sents: list[str] = sents,
                 starts: list[int] = starts) -> tuple[int, int]:
            m = re.match(r"(\d+):(.*)", phrase)
            k, ph = (int(m.group(1)), m.group(2)) if m else (default, phrase)
            a, b = _find(sents[k], ph)
            return starts[k] + a, starts[k] + b

        cs, ce = span(cue)
        ss, se = span(src)
        ks, _ = span(c0)
        ke = -1
        k0 = max(k for k in range(len(sents)) if starts[k] <= ks)
        for k in range(k0, len(sents)):  # the content's end: the first match at or after its start
            try:
                ke = span(c1, k)[1]
            except ValueError:
                continue
            if ke > ks:
                break
        if ke <= ks:
            raise ValueError(f"content end {c1!r} not found after its start in {doc}")
        for label, (a, b) in (("Cue", (cs, ce)), ("Source", (ss, se)), ("Content", (ks, ke))):
            rows.append({"doc_id": doc, "relation": i + 1, "label": label, "start": a, "end": b,
                         "kind": kind})
    return rows


def unseen_articles(eval_dir: Path, csv: Path = UNSEEN_CSV) -> list[tuple[str, str, Gold]]:
    """``(article id, text, gold)`` of the unseen split: 2014 crisis articles hand-annotated
    the PolNeAR way (cue, source, content) before contrast was run on them ([] if absent)."""
    import csv as _csv

    texts = framing_texts(eval_dir)
    if not texts or not csv.is_file():
        return []
    rels: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    with open(csv, encoding="utf-8", newline="") as fh:
        for r in _csv.DictReader(fh):
            rels.setdefault((r["doc_id"], r["relation"]), {})[r["label"]] = (int(r["start"]),
                                                                              int(r["end"]))
    out: list[tuple[str, str, Gold]] = []
    for doc in sorted({d for d, _ in rels}, key=lambda d: int(d.split("_")[1])):
        if doc not in texts:
            continue
        cues: list[tuple[int, int]] = []
        cue_src: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for (d, _), parts in rels.items():
            if d == doc and "Cue" in parts:
                cues.append(parts["Cue"])
                cue_src.setdefault(parts["Cue"], []).extend([parts["Source"]] if "Source" in parts
                                                            else [])
        out.append((doc, "\n".join(texts[doc]), (sorted(cues), cue_src)))
    return out


def split_docs(eval_dir: Path, split: str) -> list[tuple[str, str, Any]]:
    """Articles of a split: a PolNeAR one (see :func:`articles`) or ``unseen``."""
    if split == "unseen":
        return list(unseen_articles(eval_dir))
    return list(articles(eval_dir, split))


def evaluate(eval_dir: Path, split: str = "dev") -> dict[str, float]:
    """Scores of the extractor and the verb-lexicon baseline on one split."""
    docs = split_docs(eval_dir, split)
    s = score_split(docs, contrast_predict())
    b = score_split(docs, baseline_predict())
    return {"articles": s["articles"], "gold_cues": s["gold_cues"], "cue_precision": s["precision"],
            "cue_recall": s["recall"], "cue_f1": s["f1"], "source_recall": s["source_recall"],
            "joint_source_recall": s["joint_source_recall"],
            "base_precision": b["precision"], "base_recall": b["recall"], "base_f1": b["f1"]}


def _rows(s: dict[str, float], split: str) -> list[dict[str, Any]]:
    label = {"dev": "dev", "heldout": "train held-out part (sha1 % 5 == 0, never read)",
             "tune": "train tuning part", "train": "train"}.get(split)
    data = (f"PolNeAR {label} ({int(s['articles'])} articles, {int(s['gold_cues'])} gold cues)"
            if label else f"2014 crisis articles, unseen, annotated the PolNeAR way "
            f"({int(s['articles'])} articles, {int(s['gold_cues'])} gold cues)")
    base = (f"reporting-verb lexicon, all inflections: P {s['base_precision']:.2f}, "
            f"R {s['base_recall']:.2f}, F1 {s['base_f1']:.2f}")
    note = ("cue counts if it overlaps a gold Cue; first annotator where two; "
            "PolNeAR is 2016 US election news")
    return [
        {"measure": "attribution cue", "data": data, "metric": "F1", "value": s["cue_f1"],
         "target": ">= 0.78", "baseline": base,
         "note": f"P {s['cue_precision']:.2f}, R {s['cue_recall']:.2f}; {note}"},
        {"measure": "attribution cue", "data": data, "metric": "precision",
         "value": s["cue_precision"], "target": ">= 0.75", "baseline": f"{s['base_precision']:.2f}",
         "note": note},
        {"measure": "attribution cue", "data": data, "metric": "recall", "value": s["cue_recall"],
         "target": "", "baseline": f"{s['base_recall']:.2f}", "note": note},
        {"measure": "attribution source", "data": data, "metric": "source recall",
         "value": s["source_recall"], "target": ">= 0.60", "baseline": "",
         "note": "predicted speaker overlaps the gold Source of the matched cue"},
        {"measure": "attribution source", "data": data, "metric": "joint source recall",
         "value": s["joint_source_recall"], "target": ">= 0.65", "baseline": "",
         "note": "gold sources whose cue is found with an overlapping speaker, over all gold "
                 "relations with a Source"},
    ]


def run(eval_dir: Path, splits: tuple[str, ...] = ("dev", "heldout")) -> list[dict[str, Any]]:
    """Validity rows for the lead's ``benchmarks/validity.py`` ([] if data absent)."""
    out: list[dict[str, Any]] = []
    for split in splits:
        if not split_docs(eval_dir, split):
            continue
        out += _rows(evaluate(eval_dir, split), split)
    return out


def double_annotated(eval_dir: Path) -> list[tuple[str, str, Path, Path]]:
    """``(name, raw text, first annotation, second annotation)`` of the dev and tuning-part
    articles that two annotators read (never the held-out part)."""
    out: list[tuple[str, str, Path, Path]] = []
    for folder in ("dev", "train"):
        split_dir = Path(eval_dir) / "attribution" / "polnear" / folder
        groups: dict[str, list[Path]] = {}
        for ann in sorted((split_dir / "attributions").glob("*.ann")):
            base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
            if folder == "train" and is_heldout(base):
                continue
            groups.setdefault(base, []).append(ann)
        for base, anns in groups.items():
            txt = split_dir / "text" / f"{base}.txt"
            if len(anns) >= 2 and txt.is_file():
                with open(txt, encoding="utf-8", newline="") as fh:
                    out.append((base, fh.read(), anns[0], anns[1]))
    return out


def annotator_predict(ann: Path) -> Pred:
    """An annotation file as predictions: each gold cue with the hull of its Source pieces."""
    cues, cue_src = _read_ann(ann)
    return [(s, e, (min(a for a, _ in cue_src[(s, e)]), max(b for _, b in cue_src[(s, e)]))
             if cue_src.get((s, e)) else None) for s, e in cues]


def agreement(eval_dir: Path) -> dict[str, dict[str, float]]:
    """Scores of annotator 2 against annotator 1, and of contrast against each, on the doubly
    annotated articles of dev and the tuning part (the same scorer as :func:`score_split`)."""
    docs = double_annotated(eval_dir)
    out: dict[str, dict[str, float]] = {}
    if not docs:
        return out
    by_text = {text: (a1, a2) for _, text, a1, a2 in docs}
    out["annotator 2 vs 1"] = score_split([(n, t, a1) for n, t, a1, _ in docs],
                                          lambda text: annotator_predict(by_text[text][1]))
    predict = contrast_predict()
    out["contrast vs annotator 1"] = score_split([(n, t, a1) for n, t, a1, _ in docs], predict)
    out["contrast vs annotator 2"] = score_split([(n, t, a2) for n, t, _, a2 in docs], predict)
    return out


def errors(eval_dir: Path, split: str, limit: int = 200) -> list[str]:
    """Missed gold cues and false cues of the extractor, with context (not for ``heldout``)."""
    if split in {"heldout", "train", "unseen"}:
        raise SystemExit("the held-out part is for the reported figure only; use dev or tune")
    predict = contrast_predict()
    out: list[str] = []
    for name, text, ann in articles(eval_dir, split):
        gold, _ = _read_ann(ann)
        pred = predict(text)
        for g in gold:
            if not any(_ov((p[0], p[1]), g) for p in pred):
                out.append(f"MISS {name} [{text[g[0]:g[1]]}] "
                           f"{text[max(0, g[0] - 90):g[0]]}[[{text[g[0]:g[1]]}]]{text[g[1]:g[1] + 60]}")
        for p in pred:
            if not any(_ov((p[0], p[1]), g) for g in gold):
                out.append(f"FP   {name} [{text[p[0]:p[1]]}] "
                           f"{text[max(0, p[0] - 90):p[0]]}[[{text[p[0]:p[1]]}]]{text[p[1]:p[1] + 60]}")
    return [o.replace("\n", " / ") for o in out[:limit] if o] if limit else \
        [o.replace("\n", " / ") for o in out]


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("splits", nargs="*", help="dev, heldout, tune or train (default: dev heldout)")
    ap.add_argument("--errors", type=int, metavar="N", default=None,
                    help="print N missed and false cues of the first split (dev or tune only)")
    ap.add_argument("--agreement", action="store_true",
                    help="score one annotator against the other (doubly annotated dev and tune)")
    ap.add_argument("--from-notes", metavar="TSV", type=Path, default=None,
                    help="turn reading notes (kept outside the repository) into "
                         "benchmarks/attribution_unseen.csv")
    args = ap.parse_args()
    args.splits = args.splits or ["dev", "heldout"]
    if set(args.splits) - {"dev", "heldout", "tune", "train", "unseen"}:
        ap.error(f"unknown split in {args.splits}; choose from dev, heldout, tune, train, unseen")
    eval_dir = ROOT.parent / "shared" / "eval"
    if args.from_notes is not None:
        import csv

        out_rows = notes_to_rows(eval_dir, args.from_notes)
        with open(UNSEEN_CSV, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["doc_id", "relation", "label", "start", "end", "kind"])
            w.writeheader()
            w.writerows(out_rows)
        print(f"{len(out_rows) // 3} relations written to {UNSEEN_CSV.relative_to(ROOT)}")
        raise SystemExit(0)
    if args.agreement:
        for who, s in agreement(eval_dir).items():
            print(f"{who:24} articles {int(s['articles'])}  P {s['precision']:.3f}  "
                  f"R {s['recall']:.3f}  F1 {s['f1']:.3f}  joint source recall "
                  f"{s['joint_source_recall']:.3f}")
        raise SystemExit(0)
    if args.errors is not None:
        print("\n".join(errors(eval_dir, args.splits[0], args.errors)))
        raise SystemExit(0)
    rows = run(eval_dir, tuple(args.splits))
    if not rows:
        print("PolNeAR not found under ../shared/eval; skipped")
    for row in rows:
        print(f"{row['data'][:40]:40} {row['measure']:18} {row['metric']:19} {row['value']:.3f}  "
              f"target {row['target']:8}  baseline {row['baseline']}")
