"""How a verdict is shown: its colour, words and explanation, the word diff, and escaping.

One place for the command line, the Streamlit UI and the HTML report (no Streamlit here), so
the three show a result alike. Two escapes, for two kinds of page: `escape_html` for a plain
HTML page (the report), `escape_markdown` for HTML that Streamlit's markdown renders (the
UI), where markdown and math characters must be made inert as well.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from factcheck.records import Verdict
from factcheck.verdict.result import Attribution, SearchResult

# Paraphrase is blue (the UI's colour; the HTML report had a second green, #558b2f, hard to
# tell from verbatim's green in the verdict chart): five verdicts, five distinct hues.
VERDICT_COLOURS = {
    "verbatim": "#2e7d32", "altered": "#ef6c00", "paraphrase": "#1565c0",
    "misattributed": "#c62828", "unsupported": "#616161",
}
VERDICT_MEANINGS = {
    "verbatim": "these exact words are in the sources",
    "altered": "near-verbatim, but words were changed, added or dropped",
    "paraphrase": "the same statement in other words",
    "misattributed": "the words are in the sources, credited to someone else",
    "unsupported": "nothing in the index supports this claim",
}
PARTIAL = "part of a longer quote"  # said of a verbatim claim with `partial` set

# HTML's specials, and the characters Streamlit's markdown would read as formatting ($math$,
# **bold**, [links](), `code`, # headings …), as entities: a browser shows them unchanged.
_MARKDOWN_ENTITIES = str.maketrans({
    **{c: f"&#{ord(c)};" for c in "$*_[]`~#\\|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
})
_DIFF_TAGS = {"-": "del", "+": "ins"}
_DIFF_MARKS = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}

Diff = Iterable[Sequence[str]]


# --- escaping ------------------------------------------------------------------------------

def escape_html(value: object) -> str:
    """Anything from a source, a claim or a user, escaped for an HTML page ("" for None)."""
    return "" if value is None else html.escape(str(value), quote=True)


def escape_markdown(value: object) -> str:
    """Like `escape_html`, and also inert as Streamlit markdown ("" for None).

    Markdown and math characters become numeric character references, which a browser shows
    as the characters themselves.
    """
    raw = "" if value is None else str(value)
    return raw.translate(_MARKDOWN_ENTITIES)


def web_url(value: object) -> str | None:
    """The value if it is an absolute http(s) URL, else None.

    Args:
        value: a URL as a source or a setting gave it.

    Returns:
        The URL without surrounding white space; None for other schemes (``javascript:``,
        ``data:``, ``vbscript:``), relative URLs, URLs with white space or control
        characters, and anything that is not a string.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def safe_url(url: object) -> str | None:
    """An http(s) link fit for an href (escaped), or None for anything else (see `web_url`)."""
    url = web_url(url)
    return html.escape(url, quote=True) if url else None


# --- diffs ---------------------------------------------------------------------------------

def diff_html(diff: Diff | None, escape: Callable[[object], str] = escape_html,
              css_class: str | None = None) -> str:
    """A word diff as HTML: removed words in `<del>`, added words in `<ins>`, each escaped.

    Args:
        diff: ``[(op, words), ...]`` with op "=", "-" or "+".
        escape: how to escape the words (`escape_markdown` inside Streamlit).
        css_class: when given, the diff is wrapped in a `<span>` of this class.

    Returns:
        e.g. ``The call is going <del>well</del> <ins>badly</ins>``.
    """
    pieces = []
    for op, words in diff or ():
        tag = _DIFF_TAGS.get(op)
        pieces.append(f"<{tag}>{escape(words)}</{tag}>" if tag else escape(words))
    inner = " ".join(pieces)
    return f'<span class="{css_class}">{inner}</span>' if css_class else inner


def diff_text(diff: Diff | None) -> str:
    """A diff as plain text: kept words as they are, ``[-deleted-]`` and ``{+inserted+}``.

    Args:
        diff: ``[(op, words), ...]`` with op "=", "-" or "+".

    Returns:
        e.g. ``The call is going [-well-] {+badly+}``.
    """
    return " ".join(_DIFF_MARKS.get(op, "{}").format(words) for op, words in diff or ())


def has_changes(diff: Diff | None) -> bool:
    """Whether a diff removes or adds any word."""
    return any(op != "=" for op, _ in diff or ())


# --- words ---------------------------------------------------------------------------------

def explain(result: SearchResult) -> str:
    """One sentence saying why the claim got its verdict (ClaimReview's ratingExplanation).

    Args:
        result: a search result.

    Returns:
        The explanation, naming the source and the credited speaker where known.
    """
    attribution = result.attribution
    speaker = (attribution.speaker if attribution else None) or "no named speaker"
    source = _source_phrase(attribution)
    if result.verdict == Verdict.VERBATIM:
        part = PARTIAL if result.partial else "word for word"
        return f"The words appear {part} in {source}, credited to {speaker}."
    if result.verdict == Verdict.ALTERED:
        change = result.change_summary or "words were changed"
        return f"A close version appears in {source}, credited to {speaker}, but {change}."
    if result.verdict == Verdict.PARAPHRASE:
        return f"The same statement appears in other words in {source}, credited to {speaker}."
    if result.verdict == Verdict.MISATTRIBUTED:
        claimed = result.claimed_speaker or "the claimed speaker"
        return f"The words appear in {source}, but credited to {speaker}, not {claimed}."
    return "Nothing in the indexed sources supports this claim."


def _source_phrase(attribution: Attribution | None) -> str:
    if attribution is None:
        return "a source"
    source = attribution.title or attribution.doc_id or "a source"
    when = f" ({attribution.published})" if attribution.published else ""
    return f"{source}{when}"


def describe(result: SearchResult) -> str:
    """A result as a short block of plain text (`factcheck search` without --json)."""
    partial = f" ({PARTIAL})" if result.partial else ""
    lines = [f"verdict: {result.verdict}{partial}  confidence {result.confidence:.2f}"]
    attribution = result.attribution
    if attribution:
        via = f" via {attribution.via}" if attribution.via else ""
        lines.append(f"speaker: {attribution.speaker or 'unknown'}{via} "
                     f"({attribution.kind or 'passage'}, {attribution.cue or 'no cue'})")
        lines.append(f"source:  {attribution.title or attribution.doc_id}, "
                     f"{attribution.published or 'date unknown'}")
    if result.change_summary:
        lines.append(f"change:  {result.change_summary}")
    for match in result.matches[:3]:
        lines.append(f"  {match.rank}. [{match.doc_id}] {match.text[:160]}")
    return "\n".join(lines)
