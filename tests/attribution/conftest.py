"""Fixtures of the attribution tests: a sentence's parse, by the real model or written by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.attribution.written import written_parse


def _model_parse(text: str) -> Doc:
    from factcheck.attribution.pipeline import parse_text

    return parse_text(text)


@pytest.fixture(params=[
    pytest.param(written_parse, id="written"),
    pytest.param(_model_parse, id="parser", marks=pytest.mark.slow),
])
def parsed(request: pytest.FixtureRequest) -> Callable[[str], Doc]:
    """A sentence's parse: written by hand (`parses.py`: fast) and by the real parser (slow)."""
    return request.param
