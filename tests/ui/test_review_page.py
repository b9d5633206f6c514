"""The Review screen: AppTest on the real seed index; decisions land in SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.engine import Engine
from factcheck.settings import Settings
from tests.ui.helpers import add_hostile_document, bodies, page_app, seed_copy

pytestmark = pytest.mark.slow
SCAVINO_QUOTE = "The call is going well and still in progress"


def _statement_id(index: Path, text: str) -> str:
    engine = Engine.open(Settings(index_dir=index))
    return next(s.id for s in engine.quotes(include_rejected=True) if s.text == text)


def _reviewing(index: Path, monkeypatch: pytest.MonkeyPatch, statement_id: str) -> AppTest:
    at = page_app("review_page", index, monkeypatch)
    at.text_input(key="reviewer_input").input("Ann Editor").run()
    at.selectbox(key="review_pick").set_value(statement_id)
    return at.run()


def _press(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def _current(index: Path, statement_id: str):
    engine = Engine.open(Settings(index_dir=index))
    found = [s for s in engine.quotes(include_rejected=True) if s.id == statement_id]
    return found[0], engine


def test_table_lists_every_statement_lowest_confidence_first(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    at = page_app("review_page", index, monkeypatch)
    assert not at.exception
    table = at.dataframe[0].value
    statements = Engine.open(Settings(index_dir=index)).quotes(include_rejected=True)
    assert len(table) == len(statements) > 5
    assert list(table["confidence"]) == sorted(table["confidence"])
    assert {"document", "speaker", "kind", "confidence", "reviewed", "state"} <= set(table)
    assert at.selectbox(key="review_pick").value == at.session_state["review_ids"][0]
    assert not [b for b in at.button if b.label == "Confirm"], "no decisions without a name"


def test_filters_narrow_the_table(seed_index_dir: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    at = page_app("review_page", seed_copy(seed_index_dir, tmp_path), monkeypatch)
    everything = len(at.dataframe[0].value)
    at.selectbox(key="review_filter_speaker").set_value("Dan Scavino").run()
    table = at.dataframe[0].value
    assert 0 < len(table) < everything and set(table["speaker"]) == {"Dan Scavino"}
    at.selectbox(key="review_filter_kind").set_value("direct").run()
    assert set(at.dataframe[0].value["kind"]) == {"direct"}


def test_selected_statement_shows_quote_and_speaker_mention_highlighted(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    at = _reviewing(index, monkeypatch, _statement_id(index, SCAVINO_QUOTE))
    body = bodies(at)
    assert f'<mark class="fc-quote">{SCAVINO_QUOTE}</mark>' in body
    assert '<mark class="fc-speaker">he</mark>' in body
    assert '<mark class="fc-cue">wrote</mark>' in body


def test_correct_then_undo_changes_the_stored_speaker(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    sid = _statement_id(index, SCAVINO_QUOTE)
    at = _reviewing(index, monkeypatch, sid)
    at.selectbox(key="correct_pick").set_value("(type a new name)")
    at.text_input(key="correct_name").input("Karoline Leavitt")
    at = _press(at, "Correct speaker")
    assert not at.exception and "Karoline Leavitt" in at.success[0].value
    statement, engine = _current(index, sid)
    assert statement.speaker == "Karoline Leavitt" and statement.reviewed
    history = at.dataframe[-1].value
    assert list(history["action"]) == ["correct"] and list(history["reviewer"]) == ["Ann Editor"]
    assert "Karoline Leavitt" in engine.aliases().values(), "the new name is suggested next time"

    at = _press(at, "Undo")
    statement, _ = _current(index, sid)
    assert statement.speaker == "Dan Scavino" and not statement.reviewed
    assert list(at.dataframe[-1].value["action"]) == ["correct", "undo"]


def test_correct_to_a_known_name_confirm_and_reject(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    sid = _statement_id(index, SCAVINO_QUOTE)
    at = _reviewing(index, monkeypatch, sid)
    assert "Vladimir Putin" in at.selectbox(key="correct_pick").options
    at.selectbox(key="correct_pick").set_value("Vladimir Putin")
    at = _press(at, "Correct speaker")
    assert _current(index, sid)[0].speaker == "Vladimir Putin"

    at = _press(at, "Confirm")
    statement, engine = _current(index, sid)
    assert statement.speaker == "Vladimir Putin" and engine.review_states([sid]) == {
        sid: "confirm"}

    at = _press(at, "Reject")
    assert not at.exception
    engine = Engine.open(Settings(index_dir=index))
    assert sid not in {s.id for s in engine.quotes()}
    assert sid in {s.id for s in engine.quotes(include_rejected=True)}
    assert at.selectbox(key="review_pick").value == sid, "rejected ones stay reviewable"


def test_correct_without_a_name_is_refused_in_words(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    sid = _statement_id(index, SCAVINO_QUOTE)
    at = _reviewing(index, monkeypatch, sid)
    at.selectbox(key="correct_pick").set_value("(type a new name)")
    at = _press(at, "Correct speaker")
    assert not at.exception and "speaker is required" in at.error[0].value
    assert not _current(index, sid)[0].reviewed


def test_statement_text_with_html_shows_as_text(
        seed_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = seed_copy(seed_index_dir, tmp_path)
    add_hostile_document(index)
    hostile = [s for s in Engine.open(Settings(index_dir=index)).quotes(doc_id="hostile")]
    assert hostile, "the hostile document has a statement to review"
    at = _reviewing(index, monkeypatch, hostile[0].id)
    body = bodies(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "<script" not in body and "<img" not in body
