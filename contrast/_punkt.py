"""NLTK's Punkt sentence tokenizer with its hot decision specialised to an untrained model.

:class:`PunktSentenceTokenizer.text_contains_sentbreak` builds a ``PunktToken``
object per word of every potential sentence-end context and runs both
annotation passes over them; it is about two thirds of Punkt's time. An
*untrained* tokenizer (parameters with abbreviations only: no collocations,
no frequent sentence starters, no orthographic context) makes the same
decision from a few string tests, which :meth:`FastPunkt.text_contains_sentbreak`
does. Everything else (finding the contexts, slicing, realigning closing
punctuation) is NLTK's own code. With any other parameters the NLTK method
runs unchanged.

The decision, read off ``nltk/tokenize/punkt.py`` (3.10): a token other than
the last breaks the sentence when it is ``.``, ``?`` or ``!``, or when it ends
in a single period and is not a known abbreviation, unless it is an initial
(``J.``) or a number (``5.``) and the next token shows it does not end a
sentence: the next token is punctuation or starts lower case, or (after an
initial) starts upper case. With an empty orthographic context the
orthographic heuristic is never "true", so abbreviations and ellipses never
break. ``tests/test_punkt_equivalence.py`` checks that spans equal NLTK's on the NYT
snippets, PolNeAR texts, the seed articles and fuzzed text.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import re
import sys
import types
from typing import TYPE_CHECKING

import regex

__all__ = ["FastPunkt", "punkt_module"]


def _lazy_package(name: str, path: str, loaded: types.ModuleType) -> types.ModuleType:
    """The package ``name`` (found on ``path``), executed on its first attribute access.

    The submodules already bound to ``loaded`` (a stand-in that had no
    ``__init__`` run) are bound to it, as an ordinary import would have.
    """
    spec = importlib.machinery.PathFinder.find_spec(name, [path])
    if spec is None or spec.loader is None:
        raise ImportError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    for key, value in vars(loaded).items():
        if isinstance(value, types.ModuleType):
            setattr(module, key, value)
    spec.loader.exec_module(module)  # deferred: runs on first attribute access
    return module


def punkt_module() -> types.ModuleType:
    """``nltk.tokenize.punkt``, without running ``nltk/__init__.py`` when nltk is not imported yet.

    NLTK's package ``__init__`` imports most of NLTK, with scipy.stats and
    scikit-learn (about 100 MB of a process's memory); Punkt needs a few of
    its modules only. They are imported under stand-ins for ``nltk`` and
    ``nltk.tokenize``, which are then replaced by the real packages, loaded
    on first use (``import nltk`` elsewhere works as usual and finds this
    very Punkt module).
    """
    name = "nltk.tokenize.punkt"
    if name in sys.modules or "nltk" in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(name)
    root = list(spec.submodule_search_locations)[0]
    packages = (("nltk", root), ("nltk.tokenize", f"{root}/tokenize"))
    stand_ins = {}
    for pkg, path in packages:
        stand_ins[pkg] = sys.modules[pkg] = types.ModuleType(pkg)
        stand_ins[pkg].__path__ = [path]
    try:
        module = importlib.import_module(name)
    except BaseException:
        for mod in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[mod]
        raise
    real = {pkg: _lazy_package(pkg, path.rpartition("/")[0], stand_ins[pkg]) for pkg, path in packages}
    setattr(real["nltk"], "tokenize", real["nltk.tokenize"])  # noqa: B010 (no attribute access: it would load nltk)
    sys.modules.update(real)
    return module


if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
else:
    PunktParameters = punkt_module().PunktParameters
    PunktSentenceTokenizer = punkt_module().PunktSentenceTokenizer

# NLTK compiles these with the ``regex`` module (Unicode \w and \d as it defines them)
_RE_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_RE_INITIAL = regex.compile(r"[^\W\d]\.$", re.UNICODE)
_SENT_END = frozenset((".", "?", "!"))
_PUNCTUATION = frozenset(";:,.!?")


class FastPunkt(PunktSentenceTokenizer):
    """``PunktSentenceTokenizer`` whose ``text_contains_sentbreak`` is exact and faster when untrained."""

    def __init__(self, params: PunktParameters):
        super().__init__(params)
        self._abbrevs = params.abbrev_types
        self._untrained = not (params.collocations or params.sent_starters or params.ortho_context)

    def text_contains_sentbreak(self, text: str) -> bool:
        if not self._untrained or "\n" in text:
            return super().text_contains_sentbreak(text)
        toks = self._lang_vars.word_tokenize(text)
        abbrevs = self._abbrevs
        for i in range(len(toks) - 1):  # the last token's break does not count
            tok = toks[i]
            if tok in _SENT_END:
                return True
            if not tok.endswith(".") or tok.endswith(".."):
                continue  # no break: not period-final, or an ellipsis (all dots)
            stem = tok[:-1].lower()
            if stem in abbrevs or stem.split("-")[-1] in abbrevs:
                continue  # an abbreviation; an untrained model never re-breaks it
            initial = _RE_INITIAL.match(tok) is not None
            if initial or _is_number_type(tok):
                nxt = toks[i + 1]
                if nxt in _PUNCTUATION or nxt[0].islower() or (initial and nxt[0].isupper()):
                    continue  # the next token shows the sentence goes on
            return True
        return False


def _is_number_type(tok: str) -> bool:
    """Whether Punkt's ``type_no_period`` of ``tok`` is ``##number##``."""
    typ = _RE_NUMERIC.sub("##number##", tok.lower())
    if len(typ) > 1 and typ[-1] == ".":
        typ = typ[:-1]
    return typ == "##number##"
