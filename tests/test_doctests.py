"""The examples in the package's docstrings run and hold (they document behaviour a reader relies on)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import contrast

MODULES = sorted(m.name for m in pkgutil.walk_packages(contrast.__path__, "contrast.") if m.name != "contrast.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples of {name} fail"
