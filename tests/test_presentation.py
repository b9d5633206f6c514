"""The presentation layer: verdict colours and words, explanations, diffs and escaping."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import replace

from factcheck.presentation import (
    VERDICT_COLOURS,
    VERDICT_MEANINGS,
    describe,
    diff_html,
    diff_text,
    escape_html,
    escape_markdown,
    explain,
    has_changes,
    safe_url,
)
from factcheck.records import Verdict
from factcheck.verdict.result import Attribution, Match, Provenance, SearchResult

DIFF = (("=", "The call is"), ("-", "well"), ("+", "<b>badly</b>"))
ATTRIBUTION = Attribution("Dan Scavino", "direct", "wrote", "Bloomberg", "seed", "Call <i>",
                          None, "2025-03-18", False)
MATCH = Match(1, "seed", "seed:p1", "The call is going well", 0, 22, 0.5, 0.9, 3.0,
              "Dan Scavino", "ab" * 32, DIFF)
RESULT = SearchResult("The call is badly", "Dan Scavino", Verdict.ALTERED, False, 0.812,
                      ATTRIBUTION, None, (), (MATCH,), ("substitution",),
                      "words were substituted", Provenance("m", "1", "now"))


def test_every_verdict_has_one_colour_and_a_meaning() -> None:
    assert set(VERDICT_COLOURS) == set(VERDICT_MEANINGS) == {str(v) for v in Verdict}
    assert len(set(VERDICT_COLOURS.values())) == len(VERDICT_COLOURS)
    assert VERDICT_COLOURS["paraphrase"] == "#1565c0"


def test_diff_as_html_escapes_each_piece() -> None:
    assert diff_html(DIFF) == "The call is <del>well</del> <ins>&lt;b&gt;badly&lt;/b&gt;</ins>"
    wrapped = diff_html([["=", "$5"]], escape_markdown, css_class="fc-diff")
    assert wrapped == '<span class="fc-diff">&#36;5</span>'
    assert diff_html(None) == ""


def test_diff_as_text_and_whether_it_changes_anything() -> None:
    assert diff_text([["=", "a"], ["-", "b"], ["+", "c"], ["=", "d"]]) == "a [-b-] {+c+} d"
    assert diff_text(None) == ""
    assert has_changes(DIFF) and not has_changes([("=", "a")]) and not has_changes(None)


def test_escape_html_is_html_escape_and_blank_for_none() -> None:
    assert escape_html("it's <b> & \"q\"") == "it&#x27;s &lt;b&gt; &amp; &quot;q&quot;"
    assert escape_html(None) == "" and escape_html(0.5) == "0.5"


def test_escape_markdown_makes_html_and_markdown_inert_and_round_trips() -> None:
    text = "it's <script>x</script> & $71 **b** [l](javascript:1) `c` # h | ~ _ \\"
    escaped = escape_markdown(text)
    bare = re.sub(r"&#?\w+;", "", escaped)  # what is left outside character references
    for raw in ("<", ">", "&", "$", "*", "[", "`", "#", "|", "~", "_", "\\", "'"):
        assert raw not in bare
    assert html.unescape(escaped) == text
    assert escape_markdown(None) == ""


def test_safe_url_keeps_only_http_links() -> None:
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    assert safe_url(" HTTP://x.org ") == "HTTP://x.org"
    assert safe_url("javascript:alert(1)") is None and safe_url(None) is None


def test_explanations_name_source_speaker_and_change() -> None:
    assert explain(RESULT) == ("A close version appears in Call <i> (2025-03-18), credited to "
                               "Dan Scavino, but words were substituted.")
    verbatim = replace(RESULT, verdict=Verdict.VERBATIM, partial=True)
    assert "part of a longer quote" in explain(verbatim)
    nothing = replace(RESULT, verdict=Verdict.UNSUPPORTED, attribution=None)
    assert explain(nothing) == "Nothing in the indexed sources supports this claim."
    unnamed = replace(RESULT, verdict=Verdict.PARAPHRASE, attribution=None)
    assert "in a source, credited to no named speaker" in explain(unnamed)


def test_describe_is_the_cli_block() -> None:
    assert describe(RESULT).splitlines() == [
        "verdict: altered  confidence 0.81",
        "speaker: Dan Scavino via Bloomberg (direct, wrote)",
        "source:  Call <i>, 2025-03-18",
        "change:  words were substituted",
        "  1. [seed] The call is going well",
    ]
    bare = replace(RESULT, verdict=Verdict.VERBATIM, partial=True, attribution=None,
                   change_summary="", matches=())
    assert describe(bare) == "verdict: verbatim (part of a longer quote)  confidence 0.81"


def test_presentation_does_not_import_streamlit() -> None:
    code = "import sys, factcheck.presentation; print('streamlit' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "False"
