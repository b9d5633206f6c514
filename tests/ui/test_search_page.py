"""The Search screen (AppTest on the real seed index) and the shared rendering widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.presentation import VERDICT_COLOURS
from factcheck.records import Verdict
from factcheck.ui import widgets
from factcheck.verdict.result import Appearance
from tests.helpers import ROOT
from tests.ui.helpers import TIMEOUT, add_hostile_document, bodies, page_app, seed_copy


def check(at: AppTest, claim: str, speaker: str = "") -> AppTest:
    """Type a claim (and speaker) and press "Check claim"."""
    at.text_area(key="claim").input(claim)
    at.text_input(key="credited_to").input(speaker)
    next(b for b in at.button if b.label == "Check claim").click()
    return at.run()


# --- widgets (fast) ----------------------------------------------------------------------

def test_highlight_escapes_each_piece_and_marks_raw_offsets() -> None:
    text = "Intro.\nA <b>said</b>: “go <i>now</i>” today.\nNext para."
    quote = text.index("go"), text.index("”")
    speaker = text.index("A <b>"), text.index("A <b>") + len("A <b>said</b>")
    out = widgets.passage_html(text, [(*quote, "fc-quote"), (*speaker, "fc-speaker")])
    assert '<mark class="fc-quote">go &lt;i&gt;now&lt;/i&gt;</mark>' in out
    assert '<mark class="fc-speaker">A &lt;b&gt;said&lt;/b&gt;</mark>' in out
    assert "Intro" not in out and "Next para" not in out  # only the paragraph
    assert "<i>" not in out and "<b>" not in out


def test_highlight_clips_overlaps_and_long_paragraphs() -> None:
    text = "x" * 2000 + " quote here " + "y" * 2000
    start = text.index("quote")
    out = widgets.passage_html(text, [(start, start + 5, "fc-quote"),
                                      (start + 2, start + 10, "fc-speaker")])
    assert out.count("<mark") == 2 and "<mark class=\"fc-speaker\"> here</mark>" in out
    assert len(out) < 2 * widgets.CONTEXT_CHARS + 200 and "…" in out


def test_badge_markup() -> None:
    badge = widgets.verdict_badge("misattributed", 0.87)
    assert 'class="verdict-badge"' in badge and 'data-verdict="misattributed"' in badge
    assert VERDICT_COLOURS["misattributed"] in badge and "87%" in badge
    assert "(part of a longer quote)" in widgets.verdict_badge(Verdict.VERBATIM, 1.0, True)


def test_card_links_only_http_urls() -> None:
    card = widgets.card_html({"Doc": "<t>", "Empty": None},
                             links={"Doc": "javascript:alert(1)"})
    assert "href" not in card and "&lt;t&gt;" in card and "Empty" not in card
    card = widgets.card_html({"Doc": "t"}, links={"Doc": "https://example.org/a?b=1&c=2"})
    assert 'href="https://example.org/a?b=1&amp;c=2"' in card


def test_timeline_chart_needs_dates() -> None:
    def appearance(published: str | None) -> Appearance:
        return Appearance("a", published, None, None, None, Verdict.VERBATIM)

    assert widgets.timeline_chart([appearance(None)], {}) is None
    chart = widgets.timeline_chart([appearance("2025-03-18")], {"a": "A"})
    assert chart is not None and chart.to_dict()["mark"]["type"] == "circle"


# --- the screen (real model, real index) -------------------------------------------------

@pytest.mark.slow
def test_app_opens_on_the_search_screen(seed_index_dir: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_INDEX", str(seed_copy(seed_index_dir, tmp_path)))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "Check a claim"
    assert any(b.label == "Check claim" for b in at.button)


@pytest.mark.slow
def test_altered_claim_shows_badge_diff_attribution_passage_and_timeline(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("search_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    at = check(at, "The call is going badly and still in progress", "Dan Scavino")
    assert not at.exception
    body = bodies(at)
    assert 'data-verdict="altered"' in body and "ALTERED" in body
    assert "<del>well</del>" in body and "<ins>badly</ins>" in body
    assert "words were substituted" in body
    assert "<dt>Speaker</dt><dd>Dan Scavino</dd>" in body and "<dd>wrote</dd>" in body
    assert ('<mark class="fc-quote">The call is going well and still in progress</mark>'
            in body)
    assert at.get("vega_lite_chart"), "the provenance timeline is drawn"
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download result (JSON)", "Download ClaimReview (JSON-LD)"]


@pytest.mark.slow
def test_misattributed_claim_names_the_real_speaker(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("search_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    at = check(at, "The call is going well and still in progress", "Vladimir <b>Putin</b>")
    body = bodies(at)
    assert 'data-verdict="misattributed"' in body
    assert '<b class="fc-real-speaker">Dan Scavino</b>' in body
    assert "Vladimir &lt;b&gt;Putin&lt;/b&gt;" in body and "<b>Putin</b>" not in body


@pytest.mark.slow
def test_speaker_carried_in_the_claim_gives_verbatim(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("search_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    at = check(at, "“The call is going well and still in progress,” Dan Scavino wrote")
    assert 'data-verdict="verbatim"' in bodies(at)


@pytest.mark.slow
def test_unsupported_empty_claim_and_empty_index_give_messages(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("search_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    at = check(at, "Bananas are purple and sing opera at midnight")
    assert 'data-verdict="unsupported"' in bodies(at)
    assert any("Nothing in the index supports" in i.value for i in at.info)
    at = check(at, "   ")
    assert not at.exception and any("Type or paste a claim" in w.value for w in at.warning)
    at = check(at, "?!?")
    assert not at.exception and at.error, "a punctuation-only claim is refused in words"

    empty = page_app("search_page", tmp_path / "empty-index", monkeypatch)
    empty = check(empty, "The call is going well")
    assert not empty.exception
    assert any("index is empty" in i.value for i in empty.info)


@pytest.mark.slow
def test_source_html_and_markdown_show_as_text(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    add_hostile_document(index)
    at = page_app("search_page", index, monkeypatch)
    at = check(at, "The bridge will open in May", "Jane Roe")
    assert not at.exception
    body = bodies(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "&lt;b&gt;Bridge&lt;/b&gt; news" in body
    assert "<img" not in body and "<script" not in body and "<b>Bridge" not in body
