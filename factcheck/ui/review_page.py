"""Review screen: every extracted statement, shown in place; confirm, correct or reject it.

Decisions go straight to SQLite through the engine (one row per decision, never
overwritten), so two reviewers working at once never lose each other's work.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import FactcheckError
from factcheck.presentation import escape_markdown as escape
from factcheck.records import Statement
from factcheck.ui import widgets
from factcheck.ui.common import engine

_REVIEWER = "reviewer_name"  # kept across pages (widget keys are dropped off-page)
_PICK = "review_pick"
_TABLE = "review_table"
_IDS = "review_ids"
_FLASH = "review_flash"
_ALL = "(all)"
_NEW_NAME = "(type a new name)"


def render() -> None:
    """Draw the Review screen."""
    widgets.use_styles()
    st.title("Review attributions")
    reviewer = _reviewer()
    eng = engine()
    statements = eng.quotes(include_rejected=True)
    if not statements:
        st.info("No statements yet: add documents on the **Sources** page.")
        return
    states = eng.review_states([s.id for s in statements])
    titles = {d["id"]: d.get("title") or d["id"] for d in eng.documents()}
    table = _filtered(_table(statements, states, titles))
    if table.empty:
        st.warning("No statement matches these filters.")
        return
    st.session_state[_IDS] = list(table["id"])
    st.dataframe(table.drop(columns=["id"]), hide_index=True, key=_TABLE,
                 on_select=_on_table_select, selection_mode="single-row", height=280,
                 column_config={"text": st.column_config.TextColumn(width="medium")})
    if st.session_state.get(_PICK) not in st.session_state[_IDS]:
        st.session_state[_PICK] = st.session_state[_IDS][0]
    chosen = st.selectbox("Statement to review", st.session_state[_IDS], key=_PICK,
                          format_func=lambda sid: _label(table, sid))
    by_id = {s.id: s for s in statements}
    _show_statement(eng, by_id[chosen], states.get(chosen))
    _decision_panel(eng, by_id[chosen], reviewer)
    _history(eng, chosen)


def _table(statements: list[Statement], states: dict[str, str],
           titles: dict[str, str]) -> pd.DataFrame:
    rows = [{"id": s.id, "speaker": s.speaker or "(none)", "text": s.text,
             "kind": str(s.kind), "confidence": round(s.confidence, 2),
             "state": states.get(s.id, "unreviewed"), "reviewed": s.reviewed,
             "document": titles.get(s.doc_id, s.doc_id)} for s in statements]
    return pd.DataFrame(rows).sort_values(["confidence", "document"], kind="stable")


def _filtered(table: pd.DataFrame) -> pd.DataFrame:
    columns = st.columns(4)
    for column, (name, label) in zip(columns, [("document", "Document"), ("speaker", "Speaker"),
                                               ("kind", "Kind"), ("state", "Reviewed")],
                                 strict=True):
        choice = column.selectbox(label, [_ALL, *sorted(table[name].unique())],
                                  key=f"review_filter_{name}")
        if choice != _ALL:
            table = table[table[name] == choice]
    return table


def _on_table_select() -> None:
    rows = st.session_state[_TABLE]["selection"]["rows"]
    ids = st.session_state.get(_IDS, [])
    if rows and rows[0] < len(ids):
        st.session_state[_PICK] = ids[rows[0]]


def _label(table: pd.DataFrame, statement_id: str) -> str:
    row = table[table["id"] == statement_id].iloc[0]
    text = row["text"] if len(row["text"]) <= 90 else row["text"][:87] + "…"
    return f"{row['speaker']}: “{text}” (confidence {row['confidence']:.2f})"


def _show_statement(eng: Engine, statement: Statement, state: str | None) -> None:
    doc = eng.document(statement.doc_id)
    if doc is None:
        st.warning("The document of this statement is no longer in the index.")
        return
    parts = statement.parts or ((statement.start, statement.end),)
    spans = [(start, end, "fc-quote") for start, end in parts]
    if statement.speaker_mention:
        spans.append((statement.speaker_mention.start, statement.speaker_mention.end,
                      "fc-speaker"))
    if statement.cue:
        spans.append((statement.cue.start, statement.cue.end, "fc-cue"))
    widgets.show_html(widgets.passage_html(doc.text, spans))
    widgets.show_html(
        '<p><mark class="fc-quote">quote</mark> <mark class="fc-speaker">speaker mention</mark> '
        '<mark class="fc-cue">cue</mark></p>')
    widgets.show_html(widgets.card_html({
        "Speaker": statement.speaker or "(none)", "Via": statement.via,
        "Kind": str(statement.kind), "Confidence": f"{statement.confidence:.2f}",
        "Decision": state or "not reviewed yet", "Document": doc.title or doc.id}))


def _decision_panel(eng: Engine, statement: Statement, reviewer: str) -> None:
    _flash()
    if not reviewer:
        st.info("Type your name (reviewer) at the top of the page to confirm, correct or "
                "reject statements.")
        return
    names = sorted(set(eng.aliases().values()) | ({statement.speaker} - {None}))
    left, right = st.columns([2, 3])
    left.button("Confirm", type="primary", on_click=_decide,
                args=(eng, statement.id, reviewer, "confirm"))
    left.button("Reject", help="Not a statement: hide it from search and reports",
                on_click=_decide,
                args=(eng, statement.id, reviewer, "reject"))
    left.button("Undo", help="Withdraw the latest standing decision", on_click=_undo,
                args=(eng, statement.id, reviewer))
    right.selectbox("Correct speaker to", [_NEW_NAME, *names], key="correct_pick")
    right.text_input("New speaker name", key="correct_name",
                     placeholder="used when “(type a new name)” is chosen")
    right.button("Correct speaker", on_click=_correct, args=(eng, statement.id, reviewer))


def _reviewer() -> str:
    name = st.text_input("Your name (reviewer)", value=st.session_state.get(_REVIEWER, ""),
                         key="reviewer_input", max_chars=200)
    st.session_state[_REVIEWER] = name.strip()
    return name.strip()


def _decide(eng: Engine, statement_id: str, reviewer: str, action: str,
            speaker: str | None = None) -> None:
    try:
        eng.review(statement_id, reviewer, action, speaker)
        done = {"confirm": "Confirmed", "reject": "Rejected",
                "correct": f"Speaker corrected to {speaker}"}[action]
        st.session_state[_FLASH] = ("success", done)
    except FactcheckError as err:
        st.session_state[_FLASH] = ("error", str(err))


def _correct(eng: Engine, statement_id: str, reviewer: str) -> None:
    pick = st.session_state.get("correct_pick")
    speaker = st.session_state.get("correct_name") if pick == _NEW_NAME else pick
    _decide(eng, statement_id, reviewer, "correct", speaker)


def _undo(eng: Engine, statement_id: str, reviewer: str) -> None:
    try:
        undone = eng.undo_review(statement_id, reviewer)
        st.session_state[_FLASH] = ("success", "Last decision withdrawn") if undone else \
            ("info", "Nothing to undo on this statement")
    except FactcheckError as err:
        st.session_state[_FLASH] = ("error", str(err))


def _flash() -> None:
    kind, message = st.session_state.pop(_FLASH, (None, None))
    if kind:
        getattr(st, kind)(escape(message))


def _history(eng: Engine, statement_id: str) -> None:
    rows = eng.review_history(statement_id)
    st.subheader("History")
    if not rows:
        st.caption("No decisions yet.")
        return
    table = pd.DataFrame(rows)[["at", "reviewer", "action", "old_speaker", "new_speaker",
                                "undoes"]]
    st.dataframe(table.astype(object).where(table.notna(), ""), hide_index=True)
