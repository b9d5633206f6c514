"""The embed stage: the real model's vectors, in bfloat16 and float32 (ONNX: test_onnx.py)."""

import numpy as np
import pytest

from factcheck.index.embed import (
    HashEncoder,
    SentenceTransformerEncoder,
    encode_ahead,
    load_encoder,
)

SENTENCES = [
    "The call is going well and still in progress.",
    "Putin insisted that all arms shipments to Ukraine must stop.",
    "Der Anruf läuft gut.",
    "",
    "word " * 400,  # longer than the model's 256 tokens: truncated, not refused
]


@pytest.mark.slow
def test_bfloat16_vectors_match_float32_vectors():
    fast = load_encoder("all-MiniLM-L6-v2", "torch")
    exact = SentenceTransformerEncoder("all-MiniLM-L6-v2", bfloat16=False)
    a, b = fast.encode(SENTENCES), exact.encode(SENTENCES)
    assert a.shape == b.shape == (len(SENTENCES), 384)
    assert a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    # An index built in one precision is searched in the other: the vectors must agree.
    assert (a * b).sum(axis=1).min() > 0.999


@pytest.mark.slow
def test_similar_sentences_are_closer_than_unrelated_ones():
    vectors = load_encoder("all-MiniLM-L6-v2").encode([
        "The phone call is going well.", "The call is going well and still in progress.",
        "Inflation fell to two percent in October."])
    assert vectors[0] @ vectors[1] > 0.7 > vectors[0] @ vectors[2] + 0.3


def test_hash_encoder_is_deterministic_and_unit_length():
    encoder = HashEncoder(dimension=64)
    first, second = encoder.encode(["a b c", "a b c", ""]), encoder.encode(["a b c"])
    assert np.array_equal(first[0], second[0])
    assert np.isclose(np.linalg.norm(first[0]), 1.0)
    assert not first[2].any()


def test_encode_ahead_keeps_order_and_draws_the_next_item_before_handing_this_one_over():
    encoder, drawn = HashEncoder(dimension=32), []

    def items():
        for n in range(3):
            drawn.append(n)
            yield [f"claim {n}", f"other {n}"]

    seen = []
    for item, vectors in encode_ahead(encoder, items(), list, batch_size=8):
        seen.append(item)
        assert np.array_equal(vectors, encoder.encode(item))
        # While the caller works on an item, the next one is already drawn and encoding.
        assert len(drawn) == min(3, len(seen) + 1)
    assert seen == [["claim 0", "other 0"], ["claim 1", "other 1"], ["claim 2", "other 2"]]
    assert list(encode_ahead(encoder, [], list, batch_size=8)) == []
