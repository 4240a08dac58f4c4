"""Memory: what importing contrast pulls in, and pieces that replace heavier imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_import_does_not_pull_scipy_or_sklearn() -> None:
    out = _run("""
        import sys
        import contrast, contrast.cli
        contrast.segment("One sentence. Another one.")
        print(sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'sklearn'}))
    """)
    assert out.strip() == "[]"


def test_nltk_imported_after_contrast_is_whole() -> None:
    out = _run("""
        import contrast
        from contrast import _punkt
        import nltk
        import nltk.tokenize.punkt as punkt
        assert punkt.PunktSentenceTokenizer is _punkt.PunktSentenceTokenizer
        assert nltk.tokenize.punkt is punkt and nltk.probability.FreqDist
        assert nltk.tokenize.WhitespaceTokenizer().tokenize("a b") == ["a", "b"]
        from nltk.stem import PorterStemmer
        print(PorterStemmer().stem("running"))
    """)
    assert out.strip() == "run"


def test_nltk_imported_first_is_used_as_is() -> None:
    out = _run("""
        import nltk
        from contrast import _punkt
        print(_punkt.PunktSentenceTokenizer is nltk.tokenize.punkt.PunktSentenceTokenizer)
    """)
    assert out.strip() == "True"


def test_english_stopwords_are_sklearns() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    from contrast.stats import _stopwords

    assert _stopwords("english") == frozenset(text.ENGLISH_STOP_WORDS)
