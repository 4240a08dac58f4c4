"""contrast: compare how rival news outlets frame the same conflict.

Evidence first: every extractor emits one row per matched span with its
sentence and character offsets; every table is an aggregation of that
evidence.

>>> import contrast
>>> corpus = contrast.load_corpus(contrast.demo_path())
>>> evidence = contrast.extract(corpus)
>>> articles = contrast.articles(evidence, corpus)
>>> len(articles)
2
"""

from __future__ import annotations

from importlib import import_module
from importlib import resources as _resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contrast import codebook, hygiene, io, stats, tables
from contrast.actors import ActorDictionary
from contrast.affiliation import SideMap, default_sides
from contrast.browser import explore
from contrast.corpus import load_corpus
from contrast.display import show
from contrast.evidence import EVIDENCE_COLUMNS
from contrast.extract import clear_cache, extract
from contrast.features.sentiment import sentiment_toward
from contrast.stats import distinctive_words
from contrast.tables import articles, compare, contrast_pair, numbers_table, pairwise
from contrast.text import segment
from contrast.trend import trend  # the function; helpers: `from contrast.trend import trend_long`

if TYPE_CHECKING:
    from contrast import plot, report, voices
    from contrast.alignment import Alignment, align, align_stories, stories
    from contrast.fingerprints import Fingerprint, fingerprint, plot_fingerprint
    from contrast.sklearn import FramingFeatures

# Names whose modules pull in matplotlib or scikit-learn load on first use, so
# that `import contrast` (and the statistics) stay light.
_LAZY = {
    "plot": ("contrast.plot", None),
    "report": ("contrast.report", None),
    "Alignment": ("contrast.alignment", "Alignment"),
    "align": ("contrast.alignment", "align"),
    "align_stories": ("contrast.alignment", "align_stories"),
    "stories": ("contrast.alignment", "stories"),
    "Fingerprint": ("contrast.fingerprints", "Fingerprint"),
    "fingerprint": ("contrast.fingerprints", "fingerprint"),
    "plot_fingerprint": ("contrast.fingerprints", "plot_fingerprint"),
    "voices": ("contrast.voices", None),
    "FramingFeatures": ("contrast.sklearn", "FramingFeatures"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        mod = import_module(module)
        value = mod if attr is None else getattr(mod, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'contrast' has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "EVIDENCE_COLUMNS",
    "ActorDictionary",
    "SideMap",
    "Alignment",
    "Fingerprint",
    "FramingFeatures",
    "align",
    "align_stories",
    "__version__",
    "articles",
    "clear_cache",
    "codebook",
    "compare",
    "contrast_pair",
    "default_sides",
    "demo_path",
    "distinctive_words",
    "explore",
    "extract",
    "fingerprint",
    "hygiene",
    "io",
    "load_corpus",
    "numbers_table",
    "pairwise",
    "plot",
    "plot_fingerprint",
    "report",
    "segment",
    "sentiment_toward",
    "show",
    "stats",
    "stories",
    "tables",
    "trend",
    "voices",
]


def demo_path() -> Path:
    """Path of the bundled two-article corpus (Business Insider vs Izvestia).

    In a source checkout that is ``data/seed``; ``contrast/demo`` links to it,
    and an installed wheel carries the files there.
    """
    here = Path(str(_resources.files("contrast"))) / "demo"
    if not (here / "sources.csv").is_file():
        raise FileNotFoundError(f"bundled corpus not found at {here}; reinstall contrast")
    return here
