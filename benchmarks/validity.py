"""Validity of every measure against public human annotation.

Runs each ``benchmarks/validity_<family>.py`` on ``../shared/eval`` (skips
cleanly when that folder is absent), prints one table, and with
``--write-readme`` writes it into README.md between the validity markers and
into ``contrast/validity.csv`` (read by the HTML report and notebook 04).

    python benchmarks/validity.py [--eval ../shared/eval] [--write-readme]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
FAMILIES = ("numbers", "hedging", "sentiment", "attribution", "affiliation")
COLUMNS = ["measure", "data", "metric", "value", "target", "baseline", "note"]
BEGIN, END = "<!-- validity:begin -->", "<!-- validity:end -->"


def _load(name: str):
    path = ROOT / "benchmarks" / f"validity_{name}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"validity_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_all(eval_dir: Path) -> pd.DataFrame:
    rows: list[dict] = []
    for name in FAMILIES:
        mod = _load(name)
        if mod is None:
            print(f"validity: no benchmarks/validity_{name}.py; skipped", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        got = mod.run(eval_dir)
        print(f"validity: {name}: {len(got)} figures in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        rows.extend(got)
    return pd.DataFrame(rows, columns=COLUMNS)


def _fmt(v: object, target: object = "") -> str:
    """Three decimals, or four where three would round a miss up onto its target (0.5497 vs >= 0.55)."""
    if not isinstance(v, float):
        return str(v)
    m = re.fullmatch(r">=\s*([0-9.]+)", str(target).strip())
    if m and v < float(m.group(1)) <= float(f"{v:.3f}"):
        return f"{v:.4f}"
    return f"{v:.3f}"


def to_markdown(df: pd.DataFrame) -> str:
    head = "| measure | data | metric | value | target | baseline | note |\n|---|---|---|---|---|---|---|\n"
    body = "".join("| " + " | ".join(_fmt(r[c], r["target"] if c == "value" else "").replace("|", "/")
                                     for c in COLUMNS) + " |\n"
                   for r in df.to_dict("records"))
    return (f"Measured on {date.today().isoformat()} with `make validity` "
            f"(`python benchmarks/validity.py --write-readme`).\n\n" + head + body)


def write_readme(df: pd.DataFrame) -> None:
    from contrast.io import write_csv, write_text

    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"README.md lacks the markers {BEGIN} ... {END}")
    pre, rest = text.split(BEGIN, 1)
    _, post = rest.split(END, 1)
    write_text(readme, f"{pre}{BEGIN}\n{to_markdown(df)}{END}{post}")
    write_csv(df, ROOT / "contrast" / "validity.csv")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="evaluation data folder")
    ap.add_argument("--write-readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args(argv)
    if not args.eval.is_dir():
        print(f"validity: {args.eval} not found; nothing to measure (skipped)")
        return 0
    df = run_all(args.eval)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(df.to_string(index=False))
    if args.write_readme and len(df):
        write_readme(df)
        print("validity: README.md and contrast/validity.csv updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
