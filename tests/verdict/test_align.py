"""Word alignment: exact sub-spans, diffs, kinds of change, ellipses and splices."""

from __future__ import annotations

from factcheck.verdict.align import align, tokenize
from factcheck.verdict.changekinds import describe_changes
from factcheck.verdict.claims import read_claim

QUOTE = "The call is going well and still in progress"
SCAVINO = (
    "Dan Scavino, deputy chief of staff, confirmed on X that the call was still ongoing. "
    "“The call is going well and still in progress,” he wrote."
)
PRISONERS = (
    "During the call, Putin informed Trump of a planned prisoner exchange. Russia and Ukraine "
    "will swap 175 prisoners of war, with an additional 23 seriously wounded Ukrainian "
    "servicemen set for release as a “gesture of goodwill.”"
)


def test_tokenize_keeps_offsets_and_normalises() -> None:
    tokens = tokenize("“The CALL,” he’d said: 1,000 times")
    assert [t.norm for t in tokens] == ["the", "call", "he'd", "said", "1000", "times"]
    assert tokens[1].raw == "CALL"
    assert "“The CALL,” he’d said: 1,000 times"[tokens[4].start : tokens[4].end] == "1,000"


def test_verbatim_sub_span_is_exact_and_partial() -> None:
    result = align(QUOTE, SCAVINO)
    assert result.exact and result.partial
    assert result.ratio == 1.0 and result.matched == 9 == result.claim_words
    assert SCAVINO[result.start : result.end] == QUOTE
    assert result.diff == (("=", QUOTE),)
    assert result.changes == ()


def test_case_punctuation_and_quote_marks_are_ignored() -> None:
    result = align("“the CALL is going well, and still in progress!”", QUOTE)
    assert result.exact and not result.partial


def test_whole_unit_is_not_partial() -> None:
    assert not align(QUOTE, f"“{QUOTE}”").partial


def test_substitution_diff_matches_design() -> None:
    result = align("The call is going badly and still in progress", QUOTE)
    assert not result.exact
    assert result.diff == (
        ("=", "The call is going"),
        ("-", "well"),
        ("+", "badly"),
        ("=", "and still in progress"),
    )
    assert result.changes == ("substitution",)
    assert result.matched == 8 and round(result.ratio, 3) == round(8 / 9, 3)


def test_diff_keeps_source_and_claim_spelling() -> None:
    result = align("THE CALL IS GOING BADLY", "The call is going well")
    assert result.diff == (("=", "The call is going"), ("-", "well"), ("+", "BADLY"))


def test_number_change() -> None:
    result = align("Russia and Ukraine will swap 170 prisoners of war", PRISONERS)
    assert not result.exact
    assert result.changes == ("number",)
    assert ("-", "175") in result.diff and ("+", "170") in result.diff
    assert PRISONERS[result.start : result.end].startswith("Russia and Ukraine")


def test_number_word_change() -> None:
    assert (
        "number"
        in align("they freed two soldiers today", "they freed three soldiers today").changes
    )


def test_negation_added() -> None:
    result = align("The call is not going well and still in progress", SCAVINO)
    assert not result.exact
    assert result.changes == ("negation",)
    assert ("+", "not") in result.diff


def test_negation_contracted() -> None:
    result = align("The call isn't going well and still in progress", SCAVINO)
    assert "negation" in result.changes and not result.exact


def test_negation_removed() -> None:
    result = align("The call is going well", "The call is not going well at all")
    assert result.changes == ("negation",) and not result.exact
    assert ("-", "not") in result.diff


def test_negation_just_before_a_sub_span_is_not_exact() -> None:
    result = align(
        "going well and still in progress", "The call is not going well and still in progress"
    )
    assert not result.exact
    assert "negation" in result.changes


def test_interjection_no_before_a_sub_span_stays_exact() -> None:
    assert align("the call is going well", "No, the call is going well").exact


def test_name_change() -> None:
    result = align("During the call, Trump informed Macron of a planned exchange", PRISONERS)
    assert "name" in result.changes


def test_deletion() -> None:
    result = align("The call is going and still in progress", QUOTE)
    assert result.changes == ("deletion",)
    assert result.diff == (
        ("=", "The call is going"),
        ("-", "well"),
        ("=", "and still in progress"),
    )


def test_insertion() -> None:
    result = align("The call is really going well and still in progress", QUOTE)
    assert result.changes == ("insertion",)
    assert ("+", "really") in result.diff


def test_ellipsis_segments_are_not_an_alteration() -> None:
    result = align(read_claim("The call is going … still in progress"), SCAVINO)
    assert result.exact and result.partial
    assert result.changes == ()
    assert result.matched == 7


def test_ellipsis_segments_out_of_order_are_a_splice() -> None:
    result = align(read_claim("still in progress … The call is going"), SCAVINO)
    assert not result.exact
    assert "splice" in result.changes


def test_two_places_joined_are_a_splice() -> None:
    source = f"{SCAVINO} {PRISONERS}"
    result = align("The call is going well and Russia and Ukraine will swap 175 prisoners", source)
    assert "splice" in result.changes
    assert not result.exact
    assert result.matched == result.claim_words


def test_unrelated_claim_has_low_ratio() -> None:
    result = align("The weather in Paris is lovely in spring", PRISONERS)
    assert result.ratio < 0.3 and not result.exact


def test_one_word_is_exact_but_matches_one_word() -> None:
    result = align("well", SCAVINO)
    assert result.exact and result.partial and result.matched == 1


def test_empty_source() -> None:
    result = align(QUOTE, "")
    assert result.matched == 0 and not result.exact and result.ratio == 0.0


def test_describe_changes() -> None:
    assert describe_changes(("number", "negation")) == (
        "a number was changed; a negation was added or removed"
    )
    assert describe_changes(()) == ""
