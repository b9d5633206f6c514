"""Verdict rules over hand-made candidates: words, meaning, speakers, splices, confidence."""

from __future__ import annotations

import pytest

from factcheck.attribution.resolve.aliases import build_alias_table
from factcheck.records import Candidate, Verdict
from factcheck.settings import Settings
from factcheck.verdict.claims import read_claim
from factcheck.verdict.judge import judge, judge_candidate

SETTINGS = Settings()
ALIASES = build_alias_table(["Dan Scavino", "Vladimir Putin", "Donald Trump"])
QUOTE = "The call is going well and still in progress"
SCAVINO_PASSAGE = f"“{QUOTE},” he wrote."
PRISONERS = (
    "Russia and Ukraine will swap 175 prisoners of war, with an additional 23 seriously "
    "wounded Ukrainian servicemen set for release as a “gesture of goodwill.”"
)


def cand(
    text: str,
    unit: str = "statement",
    speaker: str | None = None,
    dense: float = 0.5,
    doc_id: str = "d1",
    start: int = 0,
    reviewed: bool = False,
) -> Candidate:
    return Candidate(
        unit_id=f"{unit}-{doc_id}-{start}",
        unit=unit,
        doc_id=doc_id,
        text=text,
        start=start,
        end=start + len(text),
        score=0.5,
        dense=dense,
        speaker=speaker,
        reviewed=reviewed,
    )


def verdict_of(text: str, candidates: list[Candidate], speaker: str | None = None):
    return judge(read_claim(text, speaker), candidates, ALIASES, SETTINGS)


def test_verbatim_with_claimed_speaker() -> None:
    finding = verdict_of(
        f"“{QUOTE},” Dan Scavino wrote",
        [cand(SCAVINO_PASSAGE, "passage", dense=0.9), cand(QUOTE, speaker="Dan Scavino")],
    )
    assert finding.verdict is Verdict.VERBATIM and not finding.partial
    assert finding.best is not None and finding.best.candidate.unit == "statement"
    assert finding.best.speaker_matches is True
    assert finding.confidence >= 0.9
    assert finding.judged[0] is finding.best


def test_surname_alias_matches() -> None:
    finding = verdict_of(QUOTE, [cand(QUOTE, speaker="Dan Scavino")], speaker="Scavino")
    assert finding.verdict is Verdict.VERBATIM


def test_sub_span_is_partial_verbatim() -> None:
    finding = verdict_of("going well and still in progress", [cand(QUOTE, speaker="Dan Scavino")])
    assert finding.verdict is Verdict.VERBATIM and finding.partial


def test_altered_substitution() -> None:
    finding = verdict_of("The call is going badly and still in progress", [cand(QUOTE)])
    assert finding.verdict is Verdict.ALTERED
    assert finding.best.alignment.changes == ("substitution",)
    assert [list(run) for run in finding.best.alignment.diff] == [
        ["=", "The call is going"],
        ["-", "well"],
        ["+", "badly"],
        ["=", "and still in progress"],
    ]


def test_changed_number_is_altered_never_verbatim() -> None:
    finding = verdict_of(
        "Russia and Ukraine will swap 170 prisoners of war",
        [cand(PRISONERS, "passage", dense=0.95)],
    )
    assert finding.verdict is Verdict.ALTERED
    assert "number" in finding.best.alignment.changes


@pytest.mark.parametrize(
    "claim",
    [
        "The call is not going well and still in progress",
        "The call isn't going well and still in progress",
        "The call is never going well and still in progress",
    ],
)
def test_added_negation_is_altered_never_verbatim(claim: str) -> None:
    finding = verdict_of(claim, [cand(QUOTE, dense=0.97), cand(SCAVINO_PASSAGE, "passage")])
    assert finding.verdict is Verdict.ALTERED
    assert "negation" in finding.best.alignment.changes


def test_removed_negation_is_altered() -> None:
    finding = verdict_of("the call is going well", [cand("The call is not going well at all")])
    assert finding.verdict is Verdict.ALTERED
    assert "negation" in finding.best.alignment.changes


def test_dropped_negation_before_sub_span_is_not_verbatim() -> None:
    finding = verdict_of(
        "going well and still in progress", [cand("It is not going well and still in progress")]
    )
    assert finding.verdict is Verdict.ALTERED


def test_ellipsis_claim_is_verbatim() -> None:
    finding = verdict_of("The call is going … still in progress", [cand(QUOTE)])
    assert finding.verdict is Verdict.VERBATIM and finding.partial


def test_one_word_claim_is_never_verbatim_of_a_whole_quote() -> None:
    finding = verdict_of("well", [cand(QUOTE, dense=0.2)])
    assert finding.verdict is Verdict.UNSUPPORTED
    assert finding.best is None


def test_short_claim_equal_to_a_whole_partial_quote_is_verbatim() -> None:
    finding = verdict_of("“root causes”", [cand("root causes", speaker="the Kremlin", dense=0.9)])
    assert finding.verdict is Verdict.VERBATIM and not finding.partial


def test_three_word_overlap_is_not_altered() -> None:
    finding = verdict_of("the call is over now", [cand(QUOTE, dense=0.3)])
    assert finding.verdict is Verdict.UNSUPPORTED


def test_paraphrase_by_meaning() -> None:
    finding = verdict_of(
        "Scavino said the phone conversation was proceeding nicely",
        [cand(QUOTE, speaker="Dan Scavino", dense=0.8)],
    )
    assert finding.verdict is Verdict.PARAPHRASE
    assert 0.5 <= finding.confidence <= 0.9


def test_misattributed_names_the_real_speaker() -> None:
    finding = verdict_of(
        QUOTE,
        [cand(SCAVINO_PASSAGE, "passage", dense=0.9), cand(QUOTE, speaker="Dan Scavino")],
        speaker="Vladimir Putin",
    )
    assert finding.verdict is Verdict.MISATTRIBUTED
    assert finding.best.candidate.speaker == "Dan Scavino"
    assert finding.best.speaker_matches is False


def test_misattributed_altered_words() -> None:
    finding = verdict_of(
        "Putin: “The call is going badly and still in progress”",
        [cand(QUOTE, speaker="Dan Scavino")],
    )
    assert finding.verdict is Verdict.MISATTRIBUTED
    assert finding.best.evidence is Verdict.ALTERED


def test_passage_without_speaker_cannot_prove_misattribution() -> None:
    finding = verdict_of(QUOTE, [cand(SCAVINO_PASSAGE, "passage")], speaker="Putin")
    assert finding.verdict is Verdict.VERBATIM
    assert finding.best.speaker_matches is None


def test_claimed_speaker_match_is_preferred_over_another_speaker() -> None:
    finding = verdict_of(
        QUOTE,
        [cand(QUOTE, speaker="Donald Trump", doc_id="d2"), cand(QUOTE, speaker="Dan Scavino")],
        speaker="Scavino",
    )
    assert finding.verdict is Verdict.VERBATIM
    assert finding.best.candidate.speaker == "Dan Scavino"


def test_word_evidence_of_another_speaker_beats_meaning_of_the_claimed_one() -> None:
    finding = verdict_of(
        QUOTE,
        [
            cand("Talks were productive", speaker="Vladimir Putin", dense=0.7),
            cand(QUOTE, speaker="Dan Scavino", doc_id="d2"),
        ],
        speaker="Putin",
    )
    assert finding.verdict is Verdict.MISATTRIBUTED


def test_statement_preferred_over_passage() -> None:
    finding = verdict_of(
        QUOTE, [cand(SCAVINO_PASSAGE, "passage"), cand(QUOTE, speaker="Dan Scavino")]
    )
    assert finding.best.candidate.unit == "statement"


def test_unsupported_without_candidates() -> None:
    finding = verdict_of(QUOTE, [])
    assert finding.verdict is Verdict.UNSUPPORTED and finding.best is None
    assert finding.judged == ()


def test_unsupported_when_nothing_is_close() -> None:
    finding = verdict_of("Oil prices fell sharply in Asia", [cand(QUOTE, dense=0.1)])
    assert finding.verdict is Verdict.UNSUPPORTED
    assert finding.confidence > 0.8


def test_splice_of_two_candidates_is_altered() -> None:
    claim = "The call is going well and Russia and Ukraine will swap 175 prisoners of war"
    finding = verdict_of(
        claim,
        [cand(QUOTE, speaker="Dan Scavino", start=100), cand(PRISONERS, "passage", start=900)],
    )
    assert finding.verdict is Verdict.ALTERED
    assert "splice" in finding.best.alignment.changes


def test_judge_candidate_alone_reports_misattribution() -> None:
    judged = judge_candidate(
        read_claim(QUOTE, "Putin"), cand(QUOTE, speaker="Dan Scavino"), ALIASES, SETTINGS
    )
    assert judged.evidence is Verdict.VERBATIM
    assert judged.verdict is Verdict.MISATTRIBUTED
    assert judged.speaker_matches is False


def test_confidence_grows_with_the_evidence() -> None:
    claim = read_claim(QUOTE)
    close = judge_candidate(
        claim, cand("The call is going badly and still in progress"), ALIASES, SETTINGS
    )
    far = judge_candidate(
        claim, cand("The call is going badly and not in progress yet"), ALIASES, SETTINGS
    )
    exact = judge_candidate(claim, cand(QUOTE), ALIASES, SETTINGS)
    assert close.verdict is far.verdict is Verdict.ALTERED
    assert exact.confidence > close.confidence > far.confidence
    para_hi = judge_candidate(read_claim("x y z"), cand(QUOTE, dense=0.9), ALIASES, SETTINGS)
    para_lo = judge_candidate(read_claim("x y z"), cand(QUOTE, dense=0.65), ALIASES, SETTINGS)
    assert para_hi.confidence > para_lo.confidence


def test_surname_matches_even_when_the_alias_table_picks_another_person() -> None:
    aliases = build_alias_table(["Ted Cruz", "Heidi Cruz"])  # "cruz" -> one of them
    for claimed in ("Cruz", "Ted Cruz", "Sen. Ted Cruz"):
        finding = judge(
            read_claim(QUOTE, claimed), [cand(QUOTE, speaker="Ted Cruz")], aliases, SETTINGS
        )
        assert finding.verdict is Verdict.VERBATIM, claimed


def test_titles_and_party_tags_do_not_make_a_misattribution() -> None:
    finding = verdict_of(
        QUOTE, [cand(QUOTE, speaker="Claire McCaskill D-Mo.")], "Sen. Claire McCaskill"
    )
    assert finding.verdict is Verdict.VERBATIM


@pytest.mark.parametrize("speaker", ["who", "he", "a chorus", "Del."])
def test_unnamed_speakers_cannot_prove_misattribution(speaker: str) -> None:
    finding = verdict_of(QUOTE, [cand(QUOTE, speaker=speaker)], speaker="Vladimir Putin")
    assert finding.verdict is Verdict.VERBATIM
    assert finding.best.speaker_matches is None


def test_whole_quote_in_passage_beats_a_truncated_statement_of_the_speaker() -> None:
    finding = verdict_of(
        QUOTE,
        [
            cand("The call is going well and still", speaker="Dan Scavino"),
            cand(SCAVINO_PASSAGE, "passage"),
        ],
        speaker="Scavino",
    )
    assert finding.verdict is Verdict.VERBATIM
    assert finding.best.candidate.unit == "passage"


def test_claimed_speaker_lowers_the_paraphrase_threshold() -> None:
    claim = "Scavino said the phone conversation was proceeding nicely"
    close = SETTINGS.paraphrase_similarity_same_speaker + 0.05
    assert close < SETTINGS.paraphrase_similarity
    same = verdict_of(claim, [cand(QUOTE, speaker="Dan Scavino", dense=close)])
    other = verdict_of("the phone conversation was proceeding nicely", [cand(QUOTE, dense=close)])
    assert same.verdict is Verdict.PARAPHRASE
    assert other.verdict is Verdict.UNSUPPORTED


def test_meaning_of_another_speaker_misattributes_only_when_closest() -> None:
    claim = "Putin said the phone conversation was proceeding nicely"
    finding = verdict_of(
        claim,
        [
            cand(QUOTE, speaker="Dan Scavino", dense=0.70),
            cand(SCAVINO_PASSAGE, "passage", dense=0.8),
        ],
    )
    assert finding.verdict is Verdict.PARAPHRASE
    closest = verdict_of(claim, [cand(QUOTE, speaker="Dan Scavino", dense=0.85)])
    assert closest.verdict is Verdict.MISATTRIBUTED


def test_words_scattered_over_two_texts_are_not_a_splice() -> None:
    finding = verdict_of(
        "Bernie Sanders: ‘Of Course’ Hillary Clinton Is Qualified To Be President.",
        [
            cand(
                "Bill Clinton: Hillary ‘Better Qualified to Be President for This Time’",
                "passage",
                dense=0.3,
            ),
            cand(
                "Bernie Sanders has cast former secretary of State Hillary Clinton aside",
                "passage",
                doc_id="d2",
                dense=0.3,
            ),
        ],
    )
    assert finding.verdict is Verdict.UNSUPPORTED


def test_bracketed_words_in_source_and_claim_are_verbatim() -> None:
    source = "They're trying to slap us in the face [by providing limited information], thinking we're going to shut up"
    finding = verdict_of(f"“{source},” Quina Jones said", [cand(source, speaker="Quina Jones")])
    assert finding.verdict is Verdict.VERBATIM
