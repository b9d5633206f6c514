"""Statement confidences (`resolve.drafts.statement_confidence`) from the numbers in `tuning`,
on hand-made drafts (no model)."""

from dataclasses import FrozenInstanceError, replace

import pytest

from factcheck.attribution.quotes.chains import Draft
from factcheck.attribution.resolve.drafts import statement_confidence
from factcheck.attribution.tuning import CARRIED_OVER, CONFIDENCE, PARTIAL_OR_WEAK
from factcheck.attribution.types import Frame, Rule
from factcheck.records import StatementKind

NAMED = Frame((10, 14), (0, 9), None, 0, speaker="Dan Scavino", rule=Rule.NAME)


def _confidence(kind: StatementKind, frame: Frame | None) -> float:
    return statement_confidence(Draft(kind, [(20, 40)], frame))


def test_a_statement_has_its_speaker_rules_number():
    assert _confidence(StatementKind.DIRECT, NAMED) == CONFIDENCE[Rule.NAME]
    pronoun = replace(NAMED, rule=Rule.PRONOUN_RECENT)
    assert _confidence(StatementKind.INDIRECT, pronoun) == CONFIDENCE[Rule.PRONOUN_RECENT]


def test_partial_weak_and_carried_over_statements_are_less_sure():
    expected = round(CONFIDENCE[Rule.NAME] * PARTIAL_OR_WEAK, 3)
    assert _confidence(StatementKind.PARTIAL, NAMED) == expected
    assert _confidence(StatementKind.INDIRECT, replace(NAMED, weak=True)) == expected
    twice = replace(NAMED, carried=2)
    assert _confidence(StatementKind.DIRECT, twice) == round(
        CONFIDENCE[Rule.NAME] * CARRIED_OVER**2, 3
    )


def test_a_statement_without_a_speaker_has_the_no_speaker_number():
    assert _confidence(StatementKind.PARTIAL, None) == CONFIDENCE[Rule.NO_SPEAKER]
    unresolved = replace(NAMED, speaker=None, rule=Rule.NO_SPEAKER)
    assert _confidence(StatementKind.DIRECT, unresolved) == CONFIDENCE[Rule.NO_SPEAKER]


def test_every_rule_has_a_confidence_and_frames_are_immutable():
    assert set(CONFIDENCE) == set(Rule)
    assert all(0.0 < number <= 1.0 for number in CONFIDENCE.values())
    with pytest.raises(FrozenInstanceError):
        NAMED.speaker = "someone else"
