"""A real multi-outlet war corpus the rules were never written on: five outlet countries, 2022-2024.

Source: the public repository ``hellaskella33/ukraine-war-news-sentiment-analysis`` on GitHub, file
``data/key_annotated_articles.json`` (commit ae178a4): English articles about the Russia-Ukraine war
from Belarusian state media (BelTA), US, UK, Polish and Ukrainian outlets, January 2022 to 2024, each
named ``<UTC time>_<country>_en_<hash>.txt``. It is the coverage issue 14 and issue 13 were filed
from; no rule of contrast was written while reading it. Its licence is not stated, so no text of it
is stored in this repository: download the file yourself.

``python benchmarks/ukwar_corpus.py SRC OUT.csv`` writes ``doc_id, source, date, text`` (``source``
is the outlet country, ``date`` the article's UTC time from its name), where SRC is that JSON file or
a folder of consecutive fragments of it (``page_<offset>.txt``, as read through a code-search tool
when the file itself could not be downloaded; objects cut at a fragment's edge are skipped and
counted). Objects whose content is empty are dropped. Then

    contrast OUT.csv --out DIR --id-col doc_id

runs the whole pipeline on it. ``--half dev`` or ``--half heldout`` keeps one half, split by the
last hex digit of ``sha256("ukwar:" + doc_id)`` (even: dev, where rules may be written while reading
it; odd: held-out, measured and not read while writing them). Never writes into the repository or
into SRC.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import pandas as pd

# One article object of the JSON source: its file name, then its content string (JSON escapes kept).
_OBJECT = re.compile(r'"filename":\s*"(?P<name>[^"]+)",\s*"content":\s*"(?P<content>(?:[^"\\]|\\.)*)"', re.S)
_NAME = re.compile(r"^(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)T(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)Z_(?P<cc>[A-Z]{2})_en_")


def _fragments(src: Path) -> list[str]:
    """The source as runs of contiguous text: the whole file, or fragments joined where they touch."""
    if src.is_file():
        return [src.read_text(encoding="utf-8")]
    pages = sorted((int(p.stem.split("_")[1]), p) for p in src.glob("page_*.txt"))
    runs: list[str] = []
    last_end = None
    for offset, path in pages:
        text = path.read_text(encoding="utf-8")
        if last_end is not None and offset == last_end and runs:
            runs[-1] += text
        else:
            runs.append(text)
        last_end = offset + 16000
    return runs


def build(src: Path) -> tuple[pd.DataFrame, int]:
    """The corpus table and the number of objects that could not be read."""
    rows, bad = [], 0
    for run in _fragments(src):
        for m in _OBJECT.finditer(run):
            name = _NAME.match(m["name"])
            try:
                content = json.loads('"' + m["content"] + '"')
            except json.JSONDecodeError:
                bad += 1
                continue
            if name is None:
                bad += 1
                continue
            if not content.strip():
                continue
            date = f"{name['y']}-{name['m']}-{name['d']}T{name['H']}:{name['M']}:{name['S']}Z"
            rows.append({"doc_id": m["name"], "source": name["cc"], "date": date, "text": content})
    table = pd.DataFrame(rows, columns=["doc_id", "source", "date", "text"])
    return table.drop_duplicates("doc_id").reset_index(drop=True), bad


def half_of(doc_id: str) -> str:
    """``dev`` or ``heldout``: the last hex digit of ``sha256("ukwar:" + doc_id)``, even or odd."""
    return "dev" if int(hashlib.sha256(f"ukwar:{doc_id}".encode()).hexdigest()[-1], 16) % 2 == 0 else "heldout"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="key_annotated_articles.json, or a folder of page_<offset>.txt")
    parser.add_argument("out", type=Path, help="CSV to write (outside the repository)")
    parser.add_argument("--half", choices=["all", "dev", "heldout"], default="all")
    args = parser.parse_args(argv)
    if not args.src.exists():
        print(f"skipped: {args.src} does not exist (download data/key_annotated_articles.json first)")
        return 0
    root = Path(__file__).resolve().parents[1]
    if args.out.resolve().is_relative_to(root):
        print(f"error: {args.out} is inside the repository; the texts must stay outside it", file=sys.stderr)
        return 2
    table, bad = build(args.src)
    if args.half != "all":
        table = table[[half_of(d) == args.half for d in table["doc_id"]]].reset_index(drop=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    table.to_csv(tmp, index=False)
    tmp.replace(args.out)
    counts = ", ".join(f"{k} {v}" for k, v in table["source"].value_counts().sort_index().items())
    print(f"{len(table)} articles ({counts}); {bad} objects unreadable; dates "
          f"{table['date'].min()[:10]} to {table['date'].max()[:10]} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
