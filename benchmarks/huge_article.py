"""Time the CLI on one huge article, at two sizes, to show the time grows linearly.

Builds a single article of about 2 MB and one of about 20 MB from sentences of
the bundled corpus (and ../shared/eval when present, as ``throughput.py``
does), runs ``contrast ARTICLE_FOLDER --out DIR -q`` on each in a fresh
process, and prints seconds, MB/s and peak RSS. Linear time means about the
same MB/s at both sizes.

    python benchmarks/huge_article.py [--mb 2 20]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from throughput import _peak_rss_mb, run_cli, sentence_pool  # noqa: E402


def article(mb: float, seed: int = 0) -> str:
    rng = random.Random(seed)
    pool = sentence_pool()
    parts: list[str] = ["A very long article"]
    size = 0
    while size < mb * 1e6:
        para = " ".join(rng.sample(pool, 4))
        parts.append(para)
        size += len(para) + 1
    return "\n".join(parts) + "\n"


def run(mb: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        text = article(mb)
        (folder / "a.txt").write_text(text, encoding="utf-8")
        secs, rss = run_cli([str(folder), "--out", str(Path(tmp) / "out"), "-q"])
    real_mb = len(text.encode("utf-8")) / 1e6
    return {"mb": real_mb, "seconds": secs, "mb_per_s": real_mb / secs,
            "peak_rss_mb": rss}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[2.0, 20.0])
    args = ap.parse_args()
    rows = [run(mb) for mb in args.mb]
    for r in rows:
        print(f"{r['mb']:6.2f} MB: {r['seconds']:7.1f} s  {r['mb_per_s']:.3f} MB/s  peak RSS {r['peak_rss_mb']:.0f} MB")
    if len(rows) >= 2:
        lo, hi = rows[0], rows[-1]
        print(f"time ratio {hi['seconds'] / lo['seconds']:.1f} for size ratio {hi['mb'] / lo['mb']:.1f} "
              f"(linear: equal); this process peaked at {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
