"""Strip outputs and execution counts from the notebooks, or check that they are stripped.

The repository stores notebooks without outputs (``tests/test_notebooks.py``
checks it). After running a notebook in Jupyter, strip it before committing::

    python tools/strip_notebooks.py            # strip notebooks/*.ipynb in place
    python tools/strip_notebooks.py --check    # exit 1 and list the files that have outputs
    python tools/strip_notebooks.py a.ipynb    # strip the given files
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# cell metadata that Jupyter adds when running a cell; the rest (e.g. tags) is kept
_RUN_METADATA = ("execution", "collapsed", "scrolled")


def strip(nb: dict[str, Any]) -> bool:
    """Remove outputs, execution counts and run metadata in place; True if anything changed."""
    changed = False
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            cell["outputs"] = []
            changed = True
        if cell.get("execution_count") is not None:
            cell["execution_count"] = None
            changed = True
        meta = cell.get("metadata", {})
        for key in _RUN_METADATA:
            if key in meta:
                del meta[key]
                changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/*.ipynb)")
    ap.add_argument("--check", action="store_true", help="only report notebooks that have outputs")
    args = ap.parse_args(argv)
    paths = args.paths or sorted((ROOT / "notebooks").glob("*.ipynb"))
    dirty = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        if not strip(nb):
            continue
        dirty.append(path)
        if not args.check:
            indent = 1 if text.startswith('{\n "') else 2
            path.write_text(json.dumps(nb, indent=indent, ensure_ascii=False) + "\n", encoding="utf-8")
    verb = "has outputs" if args.check else "stripped"
    for path in dirty:
        print(f"{path}: {verb}")
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
