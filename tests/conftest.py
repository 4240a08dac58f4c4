from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def demo_corpus():
    import contrast

    return contrast.load_corpus(contrast.demo_path())


@pytest.fixture(scope="session")
def demo_evidence(demo_corpus):
    import contrast

    return contrast.extract(demo_corpus)


@pytest.fixture(autouse=True)
def _own_evidence_cache(tmp_path_factory, monkeypatch):
    """Each test gets an empty on-disk evidence cache, never the user's."""
    monkeypatch.setenv("CONTRAST_CACHE_DIR", str(tmp_path_factory.mktemp("evidence-cache")))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
