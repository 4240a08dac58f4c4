"""Time the CLI on one huge article, written as sentences and as one line, at several sizes.

For each size, two versions of the same words, built from sentences of the
bundled corpus (and ../shared/eval when present, as ``throughput.py`` does):

- ``sentences``: ordinary paragraphs of four sentences;
- ``one-line``: the same words on one line after a short headline, with every
  full stop, question and exclamation mark taken out (a scraped page or a CSV
  cell of concatenated text; segmentation must split it for analysis).

Each runs as ``contrast FOLDER --out DIR -q`` (add ``--no-charts`` with
``--no-charts``) in a fresh process; the script prints seconds, MB/s and peak
RSS, and the one-line / sentences time ratio (target <= 3) and, across sizes,
the time ratio against the size ratio (linear: equal).

    python benchmarks/huge_article.py [--mb 0.1 0.5 2] [--no-charts] [--shapes sentences one-line]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import run_cli, sentence_pool  # noqa: E402

_STOPS = str.maketrans("", "", ".?!")


def article(mb: float, shape: str = "sentences", seed: int = 0) -> str:
    """About ``mb`` MB of text in the given shape (the same words for the same size and seed)."""
    rng = random.Random(seed)
    pool = sentence_pool()
    paras: list[str] = []
    size = 0
    while size < mb * 1e6:
        para = " ".join(rng.sample(pool, 4))
        paras.append(para)
        size += len(para) + 1
    if shape == "one-line":
        return "A very long article\n" + " ".join(p.translate(_STOPS) for p in paras) + "\n"
    return "A very long article\n" + "\n".join(paras) + "\n"


def run(mb: float, shape: str, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        text = article(mb, shape)
        (folder / "a.txt").write_text(text, encoding="utf-8")
        secs, rss = run_cli([str(folder), "--out", str(Path(tmp) / "out"), "-q", *extra])
    real_mb = len(text.encode("utf-8")) / 1e6
    return {"mb": real_mb, "shape": shape, "seconds": secs, "mb_per_s": real_mb / secs, "peak_rss_mb": rss}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[0.1, 0.5, 2.0])
    ap.add_argument("--shapes", nargs="+", default=["sentences", "one-line"], choices=["sentences", "one-line"])
    ap.add_argument("--no-charts", action="store_true", help="pass --no-charts to the CLI")
    args = ap.parse_args()
    extra = ["--no-charts"] if args.no_charts else []
    # the disk cache would serve the second shape's repeated sentences: every run computes
    import os

    os.environ["CONTRAST_CACHE"] = "off"
    rows: dict[tuple[float, str], dict] = {}
    for mb in args.mb:
        for shape in args.shapes:
            r = rows[(mb, shape)] = run(mb, shape, extra)
            print(f"{r['mb']:7.2f} MB {shape:>9}: {r['seconds']:7.1f} s  {r['mb_per_s']:.3f} MB/s  "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
        if {"sentences", "one-line"} <= set(args.shapes):
            a, b = rows[(mb, "sentences")], rows[(mb, "one-line")]
            print(f"{a['mb']:7.2f} MB: one-line / sentences time ratio {b['seconds'] / a['seconds']:.2f} "
                  "(target <= 3)", flush=True)
    for shape in args.shapes:
        lo, hi = rows[(args.mb[0], shape)], rows[(args.mb[-1], shape)]
        if len(args.mb) >= 2:
            print(f"{shape}: time ratio {hi['seconds'] / lo['seconds']:.1f} for size ratio "
                  f"{hi['mb'] / lo['mb']:.1f} (linear: equal; start-up weighs on small sizes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
