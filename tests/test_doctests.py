"""The examples in public docstrings run and stay true."""

import doctest
import importlib

import pytest

MODULES = [
    "summarizer.text",
    "summarizer.textio",
    "summarizer.metrics",
    "summarizer.config",
    "summarizer.models",
    "summarizer.pipeline",
    "summarizer.summarize",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
