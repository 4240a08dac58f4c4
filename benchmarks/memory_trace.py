"""Where the CLI's memory goes: sample its RSS and the main thread's stack while it runs.

Runs ``contrast.cli.main`` in this process with a thread that reads the
resident set (``/proc/self/statm``) every ``--every`` seconds together with
the main thread's innermost ``contrast`` frames, then prints the peak, the
stack at the peak and the highest RSS seen under each distinct stack (the
stages that reach the top). Input: a huge article (``--mb``, ``--shape``, as
``huge_article.py`` builds it) or a streamed CSV (``--stream N``, as
``throughput.py`` builds it).

    python benchmarks/memory_trace.py --mb 20 --shape sentences
    python benchmarks/memory_trace.py --stream 30000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * _PAGE / 2**20


def _stack(frame, depth: int) -> str:
    names = []
    while frame is not None:
        code = frame.f_code
        if "contrast" in code.co_filename and "benchmarks" not in code.co_filename:
            names.append(f"{Path(code.co_filename).stem}.{code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(names[:depth])


def trace(argv: list[str], every: float, depth: int, timeline: int = 0) -> None:
    from contrast.cli import main

    main_id = threading.main_thread().ident
    samples: list[tuple[float, float, str]] = []
    stop = threading.Event()

    def sampler() -> None:
        t0 = time.perf_counter()
        while not stop.is_set():
            frame = sys._current_frames().get(main_id)
            samples.append((time.perf_counter() - t0, _rss_mb(), _stack(frame, depth) if frame else ""))
            time.sleep(every)

    th = threading.Thread(target=sampler, daemon=True)
    th.start()
    rc = main(argv)
    stop.set()
    th.join()
    t, peak, where = max(samples, key=lambda s: s[1])
    print(f"exit {rc}; peak RSS {peak:.0f} MB at {t:.1f} s in {where}")
    best: dict[str, tuple[float, float]] = {}
    for t, rss, where in samples:
        if rss > best.get(where, (0.0, 0.0))[1]:
            best[where] = (t, rss)
    for where, (t, rss) in sorted(best.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"{rss:7.0f} MB {t:7.1f} s  {where}")
    if timeline:
        print("timeline (the highest sample of each stretch of samples):")
        step = max(1, len(samples) // timeline)
        for k in range(0, len(samples), step):
            t, rss, where = max(samples[k:k + step], key=lambda s: s[1])
            print(f"{t:7.1f} s {rss:7.0f} MB  {where}")
    with open("/proc/self/status", encoding="ascii") as fh:
        print(next(line for line in fh if line.startswith("VmHWM")).strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--shape", default="sentences", choices=["sentences", "one-line"])
    ap.add_argument("--stream", type=int, metavar="N", help="stream an N-article CSV instead (--jobs 2 --no-charts)")
    ap.add_argument("--no-charts", action="store_true")
    ap.add_argument("--every", type=float, default=0.05, help="seconds between samples")
    ap.add_argument("--timeline", type=int, default=0, metavar="K", help="also print K points of the run")
    ap.add_argument("--depth", type=int, default=4, help="contrast frames shown per sample")
    args = ap.parse_args()
    os.environ["CONTRAST_CACHE"] = "off"
    with tempfile.TemporaryDirectory() as tmp:
        if args.stream:
            import subprocess

            src = Path(tmp) / "corpus.csv"  # built in a child process: its memory is not the CLI's
            subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                            "from throughput import make_corpus; "
                            "make_corpus(int(sys.argv[2])).to_csv(sys.argv[3], index=False)",
                            str(Path(__file__).parent), str(args.stream), str(src)], check=True)
            extra = ["--no-charts", "--jobs", "2"]
        else:
            from huge_article import article

            src = Path(tmp) / "in"
            src.mkdir()
            (src / "a.txt").write_text(article(args.mb, args.shape), encoding="utf-8")
            extra = ["--no-charts"] if args.no_charts else []
        import gc

        gc.collect()
        trace([str(src), "--out", str(Path(tmp) / "out"), "-q", *extra], args.every, args.depth, args.timeline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
