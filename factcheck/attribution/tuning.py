"""The attribution stage's tuned numbers, each with how it was chosen: the confidence of each
speaker rule and the windows the scanners read.

A statement's confidence is the number of the rule that found its speaker (`CONFIDENCE`,
`types.Rule`), times `CARRIED_OVER` for each quote its speaker was carried over to, times
`PARTIAL_OR_WEAK` for a partial quote or a cue of the data-derived lexicon; a statement
without a speaker has `CONFIDENCE[Rule.NO_SPEAKER]` (`resolve.drafts.statement_confidence`).
"""

from __future__ import annotations

from types import MappingProxyType

from factcheck.attribution.types import Rule

# Confidences, calibrated on PolNeAR train by `benchmarks/fit_confidence.py` (figures in
# `benchmarks/results/confidence.txt`): each number is the share of the rule's statements
# that are right (matched to a gold attribution at overlap 0.3 with the speaker right, as
# `benchmarks/attribution_eval.py` counts them), on the statements it numbers alone (no
# carry-over, not partial or weak), rounded to 2 decimals. Calibration error on train: 0.084
# with the hand-set numbers, 0.003 out of fold with numbers fitted on the other folds (5
# folds by article). A rule with fewer than 30 such statements keeps its hand-set number.
CONFIDENCE = MappingProxyType({
    Rule.NAME: 0.88,  # 7005 statements (hand-set 0.9)
    Rule.ORGANISATION: 0.82,  # 498 (0.85)
    Rule.CONJOINED: 0.78,  # 208 (0.85)
    Rule.DESCRIPTION: 0.74,  # 1955 (0.6)
    Rule.QUANTIFIED: 0.82,  # 353 (0.6)
    Rule.PRONOUN_RECENT: 0.87,  # 2450 (0.8)
    Rule.PRONOUN_NAMED: 0.85,  # 123 (0.5)
    Rule.PRONOUN_UNSURE: 0.98,  # 86 (0.3)
    Rule.FIRST_PERSON: 0.5,  # hand-set: PolNeAR documents have no speaker of their own
    Rule.OUTLET_RECENT: 0.7,  # hand-set: 6 statements on train
    Rule.OUTLET_NAMED: 0.6,  # hand-set: 1 statement on train
    Rule.OUTLET_DESCRIBED: 0.5,  # hand-set: 7 statements on train
    Rule.NO_SPEAKER: 0.43,  # 1700 statements without a speaker (right: gold has no source)
})
# Times the rule's number for each quote a speaker is carried over to: the factor at which
# the 174 carried-over statements of train are as sure, summed, as they are right (hand-set
# 0.5; the folds give 0.41-0.54).
CARRIED_OVER = 0.5
# Times the rule's number for a partial quote or a cue of the data-derived lexicon: their
# 4004 statements' share right (0.601) over their mean rule number (hand-set 0.8).
PARTIAL_OR_WEAK = 0.71

# Scanner windows, in words or characters. Each was set by hand when its rule was written,
# from examples like the one quoted with it; none was fitted.
# `benchmarks/window_sensitivity.py` sets each to about half and twice its value on train
# (`benchmarks/results/windows.txt`): direct@0.3 F1, all@0.3 F1 and speaker accuracy move by
# at most 0.001 for every one of them, so they are kept as set.
# The words after a quote read for its tag (`quotes.adjacent.frame_after`), and how near the
# quote its cue must be among them (15-40 and 6-16 give the same figures within 0.0004).
TAG_WORDS = 30
CUE_WORDS = 12
# A speaker mention read by the scanner is at most this many words ('former Gov. Jeb Bush of
# Florida'; 6 and 10: within 0.0001).
MENTION_WORDS = 8
# A cue after a quote that ends its sentence is its tag only within `NEAR_TAG_WORDS` of it,
# or after an apposition, or ending the sentence within `FAR_TAG_WORDS` ('“…?” a narrator in
# the Clinton ad asks.'; 2-6 and 6-10: within 0.0001).
NEAR_TAG_WORDS = 4
FAR_TAG_WORDS = 8
# A name's apposition opens with a comma within this many words ('Miller, a retired worker
# …, said'; 3 and 7: within 0.0001).
APPOSITION_WORDS = 5
# A speaker before a colon opening a quote: at most this many words ('Stated Stone:'; 4 and
# 8: within 0.0003).
COLON_SPEAKER_WORDS = 6
# The words after a quote read for a verb outside the cue lexicon next to a name (`quotes.tags`;
# 5 and 9: within 0.0001).
VERB_TAG_WORDS = 7
# The next sentence holds a quote's tag when it is at most this many words ('“…?” Borger
# asked.'), or a signature line opened by a dash of at most `SIGNATURE_WORDS` (4-8 and 8-16:
# within 0.0001).
SHORT_TAG_WORDS = 6
SIGNATURE_WORDS = 12
# A quote goes on with the one before when at most this many words lie between: after a
# comma (“…,” he said, “…”), or before a quote opening the next paragraph (its own tag); 6-14
# and 8-16 move direct@0.3 F1 by at most 0.0008 (8 words: 0.9283, 16: 0.9295 against 0.9291).
SPLIT_TAG_WORDS = 10
PARAGRAPH_TAG_WORDS = 12
# Headlines, section headings and link lines: at most this many words without end
# punctuation (it decides which sentences are read: the sensitivity script leaves it alone).
HEADING_WORDS = 14
# How far back (characters) a pronoun looks for a person named, and 'the newspaper' for an
# outlet named, when no earlier speaker fits (half and twice: the same figures).
PRONOUN_LOOKBACK = 1_500
OUTLET_LOOKBACK = 3_000
# Sentences longer than this (characters) are not parsed: a run-on table or list, not prose,
# and the parser's time grows with length (it decides what is parsed: left alone too).
MAX_PARSED_SENTENCE = 2_000
# Reported speech this much covered by direct quotes is left to those quotes (0.3 and 0.7:
# within 0.0002).
QUOTED_SHARE = 0.5
