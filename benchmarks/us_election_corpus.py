"""A second real multi-outlet corpus for trying the whole pipeline: PolNeAR's 924 articles as one CSV.

PolNeAR (Newell, Margolin & Ruths, LREC 2018; ``../shared/eval/attribution/polnear``) holds 2016 US
election coverage of seven outlets (Breitbart, HuffPost, NYT, Politico, USA Today, Washington Post,
Western Journal; 132 articles each, train and dev, 2015-11 to 2016-10), as the outlets' text with
their page furniture. Its metadata gives each article's publisher, date and headline. It is not war
coverage; it is a corpus the page-furniture rules were not written on (until the first run below).

``python benchmarks/us_election_corpus.py OUT.csv`` writes ``doc_id, source, date, title, text`` (never
into the repository: the texts stay in ``../shared/eval``), then

    contrast OUT.csv --out DIR --title-col title --id-col doc_id

runs the whole pipeline on it; ``--check`` prints what hygiene learned and the top distinctive words
per outlet (``contrast.load_corpus`` in memory). Skips cleanly when ``../shared/eval`` is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "attribution" / "polnear"


def build() -> pd.DataFrame:
    """The corpus: one row per article of train and dev, with publisher, date and headline."""
    meta = pd.read_csv(POLNEAR / "metadata.tsv", sep="\t")
    rows = []
    for split in ("train", "dev"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            rows.append({"doc_id": re.sub(r"_[0-9a-f]{4}$", "", path.stem),
                         "text": path.read_text(encoding="utf-8")})
    texts = pd.DataFrame(rows).drop_duplicates("doc_id")
    meta = meta.rename(columns={"filename": "doc_id", "publisher": "source", "publication_date": "date"})
    out = texts.merge(meta[["doc_id", "source", "date", "title"]], on="doc_id", how="left", validate="1:1")
    return out[["doc_id", "source", "date", "title", "text"]]


def check(path: Path) -> None:
    import contrast
    from contrast import hygiene

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = contrast.load_corpus(path, title_col="title", id_col="doc_id")
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 60)
    print(hygiene.furniture_table(corpus)[["source", "unit", "kind", "n_articles"]].to_string(index=False))
    dups = hygiene.duplicates_table(corpus)
    print(f"\nnear-duplicates: {len(dups)}")
    words = contrast.distinctive_words(corpus)
    print("\ntop distinctive words per outlet:")
    for group, part in words.groupby("group"):
        print(f"  {group}: {', '.join(part.nlargest(8, 'z')['word'])}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="CSV to write (outside the repository)")
    ap.add_argument("--check", action="store_true", help="print the furniture learned and distinctive words")
    args = ap.parse_args(argv)
    if not (POLNEAR / "metadata.tsv").exists():
        print(f"skipped: {POLNEAR} not found")
        return 0
    if ROOT in args.out.resolve().parents:
        ap.error("write the corpus outside the repository (the texts stay in ../shared/eval)")
    corpus = build()
    corpus.to_csv(args.out, index=False)
    print(f"wrote {args.out}: {len(corpus)} articles, {corpus['source'].nunique()} outlets, "
          f"{corpus['date'].min()} to {corpus['date'].max()}")
    if args.check:
        check(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
