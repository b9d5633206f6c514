"""The attribution evaluation's speaker measure (benchmarks/attribution_eval.py)."""

from types import SimpleNamespace

from factcheck.records import Span
from tests.helpers import load_script

ev = load_script("attribution_eval")


def _pred(mention: Span | None, speaker: str | None, via: str | None = None):
    return SimpleNamespace(speaker_mention=mention, speaker=speaker, via=via)


def test_relative_pronoun_source_right_after_our_mention_is_correct():
    text = "Mr. Leenders, who estimated that a third were supporters, voted."
    gold = {"source": {"text": "who", "spans": [[14, 17]]}}
    ours = _pred(Span("Mr. Leenders", 0, 12), "Leenders")
    assert ev._speaker_way(gold, ours, {}, None, text) == "relative"
    far = _pred(Span("voted", 59, 64), "someone")
    assert ev._speaker_way(gold, far, {}, None, text) is None


def test_mention_overlap_name_and_no_source():
    gold = {"source": {"text": "President Putin", "spans": [[0, 15]]}}
    assert ev._speaker_way(gold, _pred(Span("Putin", 10, 15), "Putin"), {}, None) == "mention"
    assert ev._speaker_way(gold, _pred(None, "Vladimir Putin"), {}, None) == "name"
    assert ev._speaker_way({"source": None}, _pred(None, None), {}, None) == "no source"
    assert ev._speaker_way({"source": None}, _pred(None, "Putin"), {}, None) is None


def test_a_gold_source_and_cue_swapped_are_read_the_other_way_round():
    text = "“Come to the school,” said Hester."
    swapped = {"source": {"text": "said", "spans": [[22, 26]]},
               "cue": {"text": "Hester", "spans": [[27, 33]]}}
    hester = _pred(Span("Hester", 27, 33), "Megan Hester")
    assert ev._speaker_way(swapped, hester, {}, None, text) == "swapped gold"
    assert ev._speaker_way(swapped, _pred(Span("school", 13, 19), "school"), {}, None) is None
    plain = {"source": {"text": "Hester", "spans": [[27, 33]]},
             "cue": {"text": "said", "spans": [[22, 26]]}}
    assert ev._speaker_way(plain, hester, {}, None, text) == "mention"


def test_the_outer_layer_of_a_nested_attribution_is_our_via():
    text = "“We vote as we see fit,” Walker said, according to the AP."
    outer = {"source": {"text": "the AP", "spans": [[51, 57]]},
             "content": {"spans": [[0, 36]]}}
    walker = Span("Walker", 25, 31)
    assert ev._speaker_way(outer, _pred(walker, "Scott Walker", "the AP"), {}, None, text) == "via"
    assert ev._speaker_way(outer, _pred(walker, "Scott Walker"), {}, None) is None
    assert ev._speaker_way(outer, _pred(walker, "Scott Walker", "CNN"), {}, None) is None


def test_gold_kind_and_overlap():
    text = "He said “We will win,” and “fine” too."
    assert ev.gold_kind({"content": {"spans": [[8, 22]]}}, text) == "direct"
    assert ev.gold_kind({"content": {"spans": [[27, 33]]}}, text) == "partial"
    assert ev._overlap([[0, 10]], [(5, 10)]) == 0.5
