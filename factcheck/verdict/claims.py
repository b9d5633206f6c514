"""Claim reading: the words to check, the claimed speaker and the ellipsis segments.

A pasted claim often carries its speaker in its own text. The forms read here are::

    “The call is going well,” Dan Scavino wrote      (also: wrote Dan Scavino)
    Dan Scavino wrote: “The call is going well”
    Putin: “All arms shipments must stop”
    The call is going well — Dan Scavino            (also ` - ` and `--`)
    Trump said that the call was going well         (words = the clause)
    According to the Kremlin, the call went well

Bracketed insertions (``[the president]``) are editorial and dropped from the words;
ellipses (``…``, ``...``, ``. . .``) split the words into segments that are matched in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.attribution import lexicon
from factcheck.errors import BadInputError

_OPEN = "\"“‘'«‹„‚「『"
_CLOSE = "\"”’'»›“‘」』"
_NOT_NAMES = "|".join(lexicon.entries("claim_not_names"))
# A name: capitalised words (not a sentence opener such as "As" or "People"), with particles.
_NAME = (
    rf"(?!(?:{_NOT_NAMES})\b)(?:[Tt]he\s+)?[A-Z][\w.'’-]*"
    r"(?:\s+(?:(?!I\b)[A-Z][\w.'’-]*|of|de|van|von|al|bin))*"
)
# Between a closing quote mark and a reporting verb any short phrase is the speaker.
_PHRASE = r"[\w][\w.'’ ()-]{0,80}?"
_VERBS = "|".join(lexicon.entries("claim_verbs"))  # in file order
_PRONOUNS = lexicon.pronouns("subject") | lexicon.pronouns("person") | lexicon.pronouns("group")
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou)"
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
_BRACKETS = re.compile(r"\s*\[[^\]]*\]\s*")
_QUOTED = rf"[{_OPEN}](?P<words>.+)[{_CLOSE}](?!\w)"
_PATTERNS = (
    # “…,” Dan Scavino wrote. / “…,” wrote Dan Scavino.
    re.compile(rf"^{_QUOTED}[\s,.;:–—-]*(?P<speaker>{_PHRASE})\s+(?:{_VERBS})\W*$"),
    re.compile(rf"^{_QUOTED}[\s,.;:–—-]*(?:{_VERBS})\s+(?P<speaker>{_PHRASE})\W*$"),
    # Dan Scavino wrote: “…” / Putin: “…”
    re.compile(
        rf"^(?P<speaker>{_NAME}|{_PRONOUN})(?:\s+(?:{_VERBS})\s*[:,]?|\s*:)\s*{_QUOTED}\W*$"
    ),
    # … — Dan Scavino
    re.compile(rf"^(?P<words>.+?)\s*(?:—|–|--|\s-)\s*(?P<speaker>{_NAME})\s*\.?$"),
    # Trump said that … / Trump said …
    re.compile(
        rf"^(?P<speaker>{_NAME}|{_PRONOUN})\s+(?:{_VERBS})(?:\s+that)?\s*[:,]?\s+(?P<words>.+)$"
    ),
    re.compile(rf"^[Aa]ccording\s+to\s+(?P<speaker>{_NAME}),\s*(?P<words>.+)$"),
)
# A pasted post (tweet) ends with its embed signature, "— Name (@handle) May 2, 2019" (also
# " - "), where the display name is any text: "Brad Trost 🇨🇦", "Center for Bio Div", "🎃".
_POST_SIGNATURE = re.compile(
    r"\s*(?:[—–]|--|\s-\s)\s*(?P<name>(?:(?![—–]|\s-\s).){0,80}?)\s*"
    r"\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{2,4}\s*$"
)
_POST_TRAILER = re.compile(r"\s*\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{2,4}\s*$")
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S*")
_SPEAKER_ONLY = re.compile(rf"^[\s–—-]*(?P<speaker>{_NAME})\s*:?\s*$")


@dataclass(frozen=True)
class Claim:
    """A claim as a fact-checker pasted it, read into what is checked.

    Attributes:
        text: the claim as given.
        words: what is checked: the quoted words when the claim carries quote marks and a
            speaker, else the whole text; brackets dropped, ellipses written as ``…``.
        speaker: the claimed speaker (an explicit argument wins over one found in the text).
        segments: the words split at ellipses; an ellipsis may stand for dropped words.
    """

    text: str
    words: str
    speaker: str | None
    segments: tuple[str, ...]


def read_claim(text: str, speaker: str | None = None, max_chars: int = 5000) -> Claim:
    """Read a pasted claim: its words, its claimed speaker and its ellipsis segments.

    Args:
        text: the claim as pasted.
        speaker: the person the claim is credited to; wins over a speaker in the text.
        max_chars: longest claim accepted.

    Returns:
        The claim, ready to be aligned and judged.

    Raises:
        BadInputError: empty claim, only punctuation, only a speaker, or longer than max_chars.
    """
    if text is None or not text.strip():
        raise BadInputError("claim is empty: give the words to check")
    if len(text) > max_chars:
        raise BadInputError(
            f"claim is {len(text)} characters long; the limit is {max_chars}: "
            "shorten it to the words to check"
        )
    if not re.search(r"\w", text):
        raise BadInputError(f"claim {text.strip()!r} has no words, only punctuation")
    stripped = text.strip()
    if _SPEAKER_ONLY.match(stripped) and (stripped[0] in "–—-" or stripped.endswith(":")):
        raise BadInputError(f"claim {text.strip()!r} names only a speaker: give the words too")
    post, author = split_post_signature(text.strip())
    words, found = _split_speaker(post)
    found = found or author
    marked = _clean_words(words, bracket=" … ")
    words = _clean_words(words, bracket=" ")
    if not re.search(r"\w", words):
        raise BadInputError(f"claim {text.strip()!r} names only a speaker: give the words too")
    chosen = speaker.strip() if speaker and speaker.strip() else found
    segments = tuple(seg for seg in marked.split("…") if re.search(r"\w", seg))
    return Claim(
        text=text, words=words, speaker=chosen, segments=tuple(s.strip() for s in segments)
    )


def split_post_signature(text: str) -> tuple[str, str | None]:
    """A pasted post without its links and its embed signature, and the signature's name.

    The signature is no part of what was said: left in, its name, handle and date were
    searched and aligned as words of the claim. A name made only of symbols (an emoji)
    names nobody; a lone `(@handle) May 2, 2019` is dropped too.
    """
    signature = _POST_SIGNATURE.search(text)
    author = None
    if signature:
        author = " ".join(re.findall(r"[\w'’.-]+", signature.group("name"))) or None
        text = text[:signature.start()]
    words = " ".join(_LINK.sub(" ", _POST_TRAILER.sub("", text)).split())
    return words or text.strip(), author if author and re.search(r"[^\W\d_]", author) else None


def _split_speaker(text: str) -> tuple[str, str | None]:
    """The words and the speaker named in a claim's own text (None when it names nobody)."""
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return match.group("words"), _speaker_name(match.group("speaker"))
    return text, None


def _speaker_name(name: str) -> str | None:
    """A speaker as written, or None for a pronoun."""
    name = name.strip().rstrip(".,:;")
    return None if name.lower() in _PRONOUNS else name


def _clean_words(words: str, bracket: str) -> str:
    """Replace brackets, drop outer quote marks, write ellipses as ``…``, tidy white space.

    A bracketed insertion stands for words the source may have in its place, so for the
    segments it is written as an ellipsis (``bracket=" … "``); in the words it is dropped.
    """
    words = _BRACKETS.sub(bracket, words)
    words = _ELLIPSIS.sub(" … ", words)
    words = " ".join(words.split())
    words = words.strip().strip(_OPEN + _CLOSE + " ,;:").strip()
    if words.startswith("…"):
        words = words[1:].strip()
    if words.endswith("…"):
        words = words[:-1].strip()
    return words
