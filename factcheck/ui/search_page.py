"""Search screen: one claim in, its verdict, attribution, diff, sources and timeline out."""

from __future__ import annotations

import json

import streamlit as st

from factcheck.engine import Engine
from factcheck.errors import FactcheckError
from factcheck.presentation import VERDICT_MEANINGS, diff_html
from factcheck.presentation import escape_markdown as escape
from factcheck.records import Document, Verdict
from factcheck.report.claimreview import claim_review
from factcheck.ui import widgets
from factcheck.ui.common import engine
from factcheck.verdict.result import Attribution, Match, SearchResult

_RESULT = "search_result"


def render() -> None:
    """Draw the Search screen."""
    widgets.use_styles()
    st.title("Check a claim")
    st.caption("Paste a quote that is going round. The speaker may be in the claim itself "
               "(“…,” Dan Scavino wrote · Putin: “…” · … — Dan Scavino).")
    with st.form("search_form"):
        claim = st.text_area("Claim", key="claim", height=100,
                             placeholder="The call is going well and still in progress")
        speaker = st.text_input("Credited to (optional)", key="credited_to",
                                placeholder="Dan Scavino")
        submitted = st.form_submit_button("Check claim", type="primary")
    if submitted:
        _check(claim, speaker)
    result = st.session_state.get(_RESULT)
    if result:
        _show_result(engine(), result)


def _check(claim: str, speaker: str) -> None:
    st.session_state.pop(_RESULT, None)
    if not claim.strip():
        st.warning("Type or paste a claim to check.")
        return
    try:
        with st.spinner("Checking the sources…"):
            st.session_state[_RESULT] = engine().search(claim, speaker.strip() or None)
    except FactcheckError as err:
        widgets.show_error(err)


def _show_result(eng: Engine, result: SearchResult) -> None:
    documents = {m.doc_id: eng.document(m.doc_id) for m in result.matches}
    widgets.show_html(widgets.verdict_badge(result.verdict, result.confidence, result.partial))
    st.caption(VERDICT_MEANINGS[result.verdict])
    _show_verdict_details(result)
    if result.attribution:
        st.subheader("Attribution")
        widgets.show_html(_attribution_card(result.attribution, documents))
    _show_sources(result, documents)
    _show_timeline(eng, result)
    _downloads(eng, result)


def _show_verdict_details(result: SearchResult) -> None:
    if result.verdict == Verdict.ALTERED and result.top:
        summary = result.change_summary or "words were changed"
        widgets.show_html(f"<p>Compared with the source, {escape(summary)}:</p>")
        widgets.show_html(
            "<p>" + diff_html(result.top.diff, escape, css_class="fc-diff") + "</p>")
    if result.verdict == Verdict.MISATTRIBUTED:
        who = (result.attribution.speaker if result.attribution else None) or "nobody named"
        widgets.show_html(
            f"<p>Credited to <b>{escape(result.claimed_speaker)}</b>, but the sources "
            f"have <b class=\"fc-real-speaker\">{escape(who)}</b> saying it.</p>")
    if result.verdict == Verdict.UNSUPPORTED:
        st.info("Nothing in the index supports this claim. It may be new, invented, or from "
                "a source not yet added (see the Sources page).")


def _attribution_card(attribution: Attribution, documents: dict[str, Document | None]) -> str:
    doc = documents.get(attribution.doc_id)
    return widgets.card_html({
        "Speaker": attribution.speaker or "(no speaker found)",
        "Cue": attribution.cue,
        "Via": attribution.via,
        "Kind": attribution.kind or "passage",
        "Reviewed": "yes, by a person" if attribution.reviewed else None,
        "Document": attribution.title or attribution.doc_id,
        "Publisher": doc.publisher if doc else None,
        "Published": attribution.published,
        "Link": attribution.url,
    }, links={"Document": attribution.url, "Link": attribution.url})


def _show_sources(result: SearchResult, documents: dict[str, Document | None]) -> None:
    supporting_docs = {a.doc_id for a in result.appearances}
    supporting = [m for m in result.matches if m.doc_id in supporting_docs]
    others = [m for m in result.matches if m.doc_id not in supporting_docs]
    if supporting:
        st.subheader("Supporting passages")
        _passages(supporting, documents)
    if others:
        with st.expander(f"Other passages found ({len(others)}; they do not support the claim)"):
            _passages(others, documents)


def _passages(matches: list[Match], documents: dict[str, Document | None]) -> None:
    for match in matches:
        doc = documents.get(match.doc_id)
        title = (doc.title if doc else None) or match.doc_id
        speaker = match.speaker or "no speaker"
        st.markdown(f"**{match.rank}. {escape(title)}** · {escape(speaker)} · "
                    f"score {match.score:.3f}")
        if doc is None:
            widgets.show_html(f'<div class="fc-passage">{escape(match.text)}</div>')
            continue
        widgets.show_html(widgets.passage_html(doc.text, [(match.start, match.end,
                                                           "fc-quote")]))


def _show_timeline(eng: Engine, result: SearchResult) -> None:
    if not result.appearances:
        return
    st.subheader("Where and when it appeared")
    titles = {a.doc_id: _title(eng, a.doc_id) for a in result.appearances}
    chart = widgets.timeline_chart(result.appearances, titles)
    if chart is not None:
        st.altair_chart(chart, width="stretch")
    rows = [{"published": a.published or "(no date)", "document": titles[a.doc_id],
             "speaker": a.speaker or "", "via": a.via or "", "verdict": str(a.verdict)}
            for a in result.appearances]
    st.dataframe(rows, hide_index=True)


def _title(eng: Engine, doc_id: str) -> str:
    doc = eng.document(doc_id)
    return (doc.title if doc else None) or doc_id


def _downloads(eng: Engine, result: SearchResult) -> None:
    left, right = st.columns(2)
    left.download_button("Download result (JSON)", json.dumps(result.to_dict(), indent=2,
                                                              ensure_ascii=False),
                         file_name="factcheck-result.json", mime="application/json")
    review = claim_review(result, eng.settings)
    right.download_button("Download ClaimReview (JSON-LD)",
                          json.dumps(review, indent=2, ensure_ascii=False),
                          file_name="factcheck-claimreview.jsonld", mime="application/ld+json")
