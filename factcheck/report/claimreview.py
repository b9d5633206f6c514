"""schema.org ClaimReview JSON-LD for one search result (https://schema.org/ClaimReview).

Rating scale (``reviewRating.ratingValue``, ``worstRating`` 1, ``bestRating`` 5), from the
claim as credited being fully borne out by the sources to nothing supporting it:

| verdict | rating | meaning for the quote as credited |
| --- | --- | --- |
| verbatim | 5 | the speaker said these words |
| paraphrase | 4 | the speaker said this, in other words |
| altered | 3 | the speaker said something close, but words were changed |
| misattributed | 2 | the words were said, by someone else |
| unsupported | 1 | nothing in the sources supports the claim |

The usual way to publish ClaimReview is inside ``<script type="application/ld+json">``, so the
objects are made safe for that: only absolute http(s) URLs are written (never ``javascript:``,
``data:``, ``vbscript:`` or relative ones), and `script_safe` escapes ``<``, ``>`` and ``&``
as ``\\u003c`` etc., so no text can close the script element.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from factcheck.settings import Settings

RATINGS: dict[str, int] = {
    "verbatim": 5,
    "paraphrase": 4,
    "altered": 3,
    "misattributed": 2,
    "unsupported": 1,
}
BEST_RATING = 5
WORST_RATING = 1

# Words that make a speaker name an organisation rather than a person.
_ORG_WORDS = {
    "kremlin", "house", "ministry", "bloomberg", "reuters", "department", "office", "agency",
    "government", "administration", "embassy", "commission", "committee", "council", "party",
    "pentagon", "senate", "congress", "parliament", "campaign", "foundation", "institute",
    "university", "bank", "times", "post", "news", "press", "cnn", "bbc", "nato", "fbi", "cia",
    "eu", "police", "army", "court", "company", "inc", "corp", "group", "association",
}


def is_organisation(name: str) -> bool:
    """Whether a speaker name stands for an organisation ('the Kremlin', 'Bloomberg').

    Args:
        name: a speaker name as credited.

    Returns:
        True when the name starts with "the " or holds a known organisation word.
    """
    lowered = name.strip().lower()
    if lowered.startswith("the "):
        return True
    return any(word in _ORG_WORDS for word in re.findall(r"[a-z]+", lowered))


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


_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe(json_text: str) -> str:
    """JSON text that can sit inside a ``<script>`` element: ``<``, ``>``, ``&`` escaped.

    Outside strings JSON never uses these characters, so the escapes only ever land inside
    strings, where ``\\u003c`` reads back as ``<``.
    """
    return json_text.translate(_SCRIPT_ESCAPES)


def _agent(name: str) -> dict:
    kind = "Organization" if is_organisation(name) else "Person"
    return {"@type": kind, "name": name}


def _creative_work(appearance: dict, urls: dict[str, str]) -> dict:
    work: dict = {"@type": "CreativeWork", "identifier": appearance.get("doc_id")}
    url = web_url(appearance.get("url")) or urls.get(str(appearance.get("doc_id")))
    if url:
        work["url"] = url
    if appearance.get("published"):
        work["datePublished"] = appearance["published"]
    if appearance.get("speaker"):
        work["author"] = _agent(appearance["speaker"])
    return work


def _known_urls(result: dict) -> dict[str, str]:
    attribution = result.get("attribution") or {}
    url = web_url(attribution.get("url"))
    if url and attribution.get("doc_id"):
        return {str(attribution["doc_id"]): url}
    return {}


def _source_phrase(result: dict) -> str:
    attribution = result.get("attribution") or {}
    source = attribution.get("title") or attribution.get("doc_id") or "a source"
    when = f" ({attribution['published']})" if attribution.get("published") else ""
    return f"{source}{when}"


def rating_explanation(result: dict) -> str:
    """One sentence saying why the claim got its verdict.

    Args:
        result: a search result dict (the `search --json` shape).

    Returns:
        The explanation, naming the source and the credited speaker where known.
    """
    verdict = result.get("verdict")
    attribution = result.get("attribution") or {}
    speaker = attribution.get("speaker") or "no named speaker"
    source = _source_phrase(result)
    if verdict == "verbatim":
        part = "part of a longer quote" if result.get("partial") else "word for word"
        return f"The words appear {part} in {source}, credited to {speaker}."
    if verdict == "altered":
        change = result.get("change_summary") or "words were changed"
        return f"A close version appears in {source}, credited to {speaker}, but {change}."
    if verdict == "paraphrase":
        return f"The same statement appears in other words in {source}, credited to {speaker}."
    if verdict == "misattributed":
        claimed = result.get("claimed_speaker") or "the claimed speaker"
        return f"The words appear in {source}, but credited to {speaker}, not {claimed}."
    return "Nothing in the indexed sources supports this claim."


def _item_reviewed(result: dict) -> dict:
    urls = _known_urls(result)
    item: dict = {"@type": "Claim"}
    if result.get("claimed_speaker"):
        item["author"] = _agent(result["claimed_speaker"])
    earliest = result.get("earliest") or {}
    if earliest.get("published"):
        item["datePublished"] = earliest["published"]
    appearances = result.get("appearances") or []
    item["appearance"] = [_creative_work(a, urls) for a in appearances]
    if earliest.get("doc_id"):
        item["firstAppearance"] = _creative_work(earliest, urls)
    return item


def claim_review(result: dict, settings: Settings, today: date | None = None) -> dict:
    """A schema.org ClaimReview object for one search result.

    Args:
        result: a search result dict (the `search --json` shape, optionally with "id").
        settings: gives the reviewing organisation's name and url.
        today: the review date (defaults to today).

    Returns:
        A JSON-serialisable dict with "@context", "@type": "ClaimReview", "claimReviewed",
        "reviewRating", "itemReviewed", "author", "datePublished" and "url" when known.
    """
    verdict = str(result.get("verdict") or "unsupported")
    organisation_url = web_url(settings.organisation_url)
    author: dict = {"@type": "Organization", "name": settings.organisation}
    if organisation_url:
        author["url"] = organisation_url
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result.get("claim", ""),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS.get(verdict, WORST_RATING),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": verdict,
            "ratingExplanation": rating_explanation(result),
            "reviewAspect": "attribution",
        },
        "itemReviewed": _item_reviewed(result),
        "author": author,
        "datePublished": (today or date.today()).isoformat(),
    }
    if result.get("id") is not None:
        review["identifier"] = str(result["id"])
    if organisation_url:
        review["url"] = organisation_url
    return review
