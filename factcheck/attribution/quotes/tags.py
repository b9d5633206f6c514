"""Tag forms that the cue lexicon does not cover, read word by word without any model.

A verb outside the lexicon next to a name (“…,” Toomey fumed on Tuesday / Clinton
emphatically proclaimed at a press conference, “…), and the word-list helpers that read a
speaker mention back from its cue past a time phrase or a relative clause, and where the
words after a quote may hold its tag (the next sentence after “…?” or a dash line). Used by
`quotes.adjacent`; words are `re.Match` objects of its word pattern.
"""

from __future__ import annotations

import re

from factcheck.attribution import lexicon, tuning
from factcheck.attribution.parse.frames import CUE_FORMS
from factcheck.attribution.quotes.scan import DASHES, Quote

_CLOSING = "”\"’'»` "
_DASH_LINE = re.compile(rf"[ \t]*\n\s*(?:[{DASHES}]|--?)[ \t]*[A-Z]")


def verb_next_to_name(words: list[re.Match]) -> int | None:
    """A verb outside the cue lexicon right after a quote ending in a comma (“…,” reacted
    Trump / “…,” Hannity started / “…,” remembered Roy Verley, … / “…,” Trump shot back.): a
    lower-case past or present form before or after a short name, the clause ending there
    (past a particle)."""
    forms = [w.group() for w in words[: tuning.VERB_TAG_WORDS]]

    def verb(i: int) -> bool:
        word = forms[i].rstrip(".")
        regular = word.endswith(("ed", "s")) and len(word) > 3
        return word.islower() and (regular or word in IRREGULAR_PAST)

    def particle(i: int) -> int:  # past a particle ('Trump shot back')
        return i + 1 if forms[i:i + 1] and forms[i].rstrip(".") in PARTICLES else i

    def ends(i: int) -> bool:  # the clause ends, or a phrase of time or place follows
        return i >= len(forms) or forms[i] == "," or forms[i - 1].endswith(".") or forms[
            i
        ].lower() in _ADJUNCT_LEADS | TIME_WORDS | {"and", "as"}

    names = [i for i, word in enumerate(forms) if not word[:1].isupper()]
    run = names[0] if names else len(forms)  # capitalised words first
    if forms and verb(0) and forms[1:2] and forms[1][:1].isupper():
        after = next((i for i in range(1, len(forms)) if not forms[i][:1].isupper()), None)
        return 0 if after is None or ends(after) or forms[after] == "of" else None
    if 1 <= run <= 4 and run < len(forms) and verb(run) and (
        ends(run + 1) or ends(particle(run + 1))
    ):
        return run
    if forms and forms[0].lower() in ("he", "she", "they") and len(forms) > 1 and verb(1):
        return 1 if ends(2) else None
    return _verb_after_phrase(forms, verb, ends)


def _verb_after_phrase(forms: list[str], verb, ends) -> int | None:
    """'“…,” the judge exclaimed.' / '“…!” the crowd cried out.' / '“…,” it reads.': a
    determiner and up to three lower-case words, then a verb ending the clause (a particle
    such as 'back' or 'out' may follow)."""
    if not forms or forms[0].lower() not in _DETERMINERS:
        return None
    for i in range(1, min(6, len(forms))):
        if forms[i] == ",":  # 'the Republican vice-presidential nominee riffed'
            return None
        if (verb(i) or forms[i].rstrip(".") in IRREGULAR_PAST) and i > (forms[0] != "it"):
            after = i + 2 if forms[i + 1:i + 2] and forms[i + 1] in PARTICLES else i + 1
            return i if ends(after) else None
    return None


_DETERMINERS = {"the", "a", "an", "one", "another", "this", "that", "it", "its", "his", "her",
                "their", "some", "many"}
IRREGULAR_PAST = lexicon.words("tag_past_verbs")
PARTICLES = {"back", "out", "up", "in", "on", "aloud"}


def name_then_verb(words: list[re.Match]) -> tuple[int, list[re.Match]] | None:
    """A name and a verb outside the cue lexicon before a comma and a quote ('Hillary shot
    back, “…' / 'Sanders retorted, “…' / 'Clinton emphatically proclaimed at a press
    conference, “…' / 'A flabbergasted Noah quipped, “…'): the name opens its clause.

    Returns:
        The verb's index and the name's words, or None.
    """
    forms = [w.group() for w in words]
    verb_at = _verb_before_adjunct(forms)
    if verb_at is None:
        return None
    subject_end = verb_at
    while subject_end > 1 and forms[subject_end - 1].endswith("ly") and forms[
        subject_end - 1
    ].islower():
        subject_end -= 1  # 'Clinton emphatically proclaimed'
    name = name_run(words[:subject_end]) or (
        [words[subject_end - 1]] if forms[subject_end - 1][:1].isupper() else []
    )
    first = subject_end - len(name)
    if first >= 2 and forms[first - 2].lower() in {"a", "an"} and forms[first - 1].islower():
        first -= 2  # 'A flabbergasted Noah', 'an angry Hollande'
        name = words[first:subject_end]
    if not name or (first > 0 and forms[first - 1] not in {",", "and", "but", "then"}):
        return None
    return verb_at, name


def _verb_before_adjunct(forms: list[str]) -> int | None:
    """Where the verb is in words ending a clause: the last word (a particle may follow), or
    the word before a short phrase opened by a preposition ('proclaimed at a press
    conference'), None when that word is no past or present verb form."""
    verb_at = len(forms) - (2 if forms and forms[-1] in PARTICLES else 1)
    for at in range(len(forms) - 1, max(0, len(forms) - 7), -1):
        if forms[at] == ",":
            break
        if forms[at] in _ADJUNCT_LEADS and at >= 2:
            verb_at = at - 2 if forms[at - 1].endswith("ly") else at - 1  # 'reacted sharply to'
            break
    if verb_at < 1 or not forms[verb_at].islower():
        return None
    form = forms[verb_at]
    verb = form in IRREGULAR_PAST or (form.endswith(("ed", "s")) and len(form) > 3)
    return verb_at if verb or _is_cue_form(form) else None


_ADJUNCT_LEADS = lexicon.words("adjunct_prepositions")


def _is_cue_form(form: str) -> bool:
    """Whether a word is a cue verb form."""
    return form.lower().rstrip(".") in CUE_FORMS


def name_run(words: list[re.Match]) -> list[re.Match]:
    """The run of two to four capitalised words ending some words, else []."""
    run: list[re.Match] = []
    for word in reversed(words):
        if not word.group()[:1].isupper() or len(run) == 4:
            break
        run.insert(0, word)
    return run if len(run) >= 2 else []


def before_relative(words: list[re.Match]) -> list[re.Match]:
    """Words up to the relative clause that the cue's subject opens ('a White House official
    who spoke anonymously said' / 'Levine, who has given money to Rubio, said')."""
    forms = [w.group() for w in words]
    last = len(forms) - (1 if forms[-1:] == [","] else 0)
    who = [i for i in range(1, last) if forms[i].lower() in ("who", "whose")]
    after = forms[who[-1] + 1] if who and who[-1] + 1 < len(forms) else ""
    if not who or not after or after[:1].isupper() or after in _SUBJECTS:
        return words  # 'Bannon, who Beck on Wednesday called': who is the object
    if forms[who[-1] - 1] == "," or "," not in forms[who[-1]:last]:
        return words[:who[-1]]
    return words


_SUBJECTS = lexicon.pronouns("subject")


def without_time(words: list[re.Match]) -> list[re.Match]:
    """Words without a time phrase at their end ('on Wednesday', 'last week', 'Tuesday
    night')."""
    forms = [w.group().lower() for w in words]
    end = len(forms)
    while end and (forms[end - 1] in TIME_WORDS or forms[end - 1] in _TIME_LEADS and end < len(
        forms
    )):
        end -= 1
    return words if end == len(forms) or end == 0 else words[:end]


TIME_WORDS = lexicon.time_words()
_TIME_LEADS = {"on", "last", "this", "earlier", "later", "late", "early", "next"}


def tag_sentence_end(
    text: str, sentences: list[tuple[int, int]], sentence: int, quote: Quote, limit: int
) -> int:
    """Where the words after a quote may hold its attribution: past the end of the quote's
    sentence when that ends with the quote and the next sentence, on the same line, is a
    short tag ('“That would be you?” Borger asked.') or follows a question or an exclamation
    ('“…!” LeVell declared, a point he likes to make …'), or is a signature line opened by a
    dash ('“…” ⏎ - Sanders.'), else `limit`."""
    if not sentences or text[quote.mark_end:limit].strip() or sentence + 1 >= len(sentences):
        return limit
    end = sentences[sentence + 1][1]
    tag = text[quote.mark_end:end]
    if _DASH_LINE.match(tag) and len(tag.split()) <= tuning.SIGNATURE_WORDS:
        return end  # '“…” ⏎ - Sanders.': a signature line under a quote
    if "\n" in tag:
        return limit
    opens = not text[sentences[sentence][0]:quote.mark_start].strip()
    if opens and text[quote.start:quote.mark_end].rstrip(_CLOSING)[-1:] in "?!":
        return end  # '“…?” Clinton asks as a maintenance guy walks in': frame_after decides
    short = len(tag.split()) <= tuning.SHORT_TAG_WORDS
    return end if short and tag.rstrip().endswith(".") else limit
