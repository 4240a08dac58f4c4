"""contrast: compare how rival news outlets frame the same conflict.

Evidence first: every extractor emits one row per matched span with its
sentence and character offsets; every table is an aggregation of that
evidence.
"""

from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

from contrast.corpus import load_corpus
from contrast.evidence import EVIDENCE_COLUMNS
from contrast.extract import extract
from contrast.features.sentiment import sentiment_toward
from contrast.text import segment

__version__ = "0.1.0"

__all__ = [
    "EVIDENCE_COLUMNS",
    "__version__",
    "demo_path",
    "extract",
    "load_corpus",
    "segment",
    "sentiment_toward",
]


def demo_path() -> Path:
    """Path of the bundled two-article corpus (Business Insider vs Izvestia)."""
    here = Path(str(_resources.files("contrast"))).parent / "data" / "seed"
    if not here.is_dir():
        raise FileNotFoundError(f"bundled corpus not found at {here}; run from a source checkout")
    return here
