"""One JSON line -> one row that every later step can store and write, or the reason not.

`json.loads` accepts what the steps after it choke on: lone surrogates (``"\\udfff"``) that
cannot be encoded as UTF-8 (SQLite, hashing and every report writer fail on them), numbers
that are not finite (``1e999``, ``NaN``: not JSON when written back), integers over Python's
4,300-digit limit and nesting past its recursion limit (both raise inside `json.loads`
itself). `load_json_row` turns all of these into a `ValueError` with one clear message, so a
caller can list the row as bad and go on.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping, Sequence

# Deepest nesting accepted in a row: rows are flat records (a list or an object as a value
# is level 2); 64 leaves ample room and stays far below Python's recursion limit (~1,000),
# past which json.loads, json.dumps and repr fail.
MAX_DEPTH = 64
_TOO_DEEP = f"is nested more than {MAX_DEPTH} levels deep"
# Longest integer accepted: Python refuses to convert longer ones to or from text
# (sys.int_info.default_max_str_digits), so an integer made without decimal text (YAML's 0x…)
# is refused from the first one too long to write.
MAX_INT_DIGITS = 4_300
_TOO_LONG_INT = 10 ** MAX_INT_DIGITS


def load_json_row(line: str | bytes) -> object:
    """Parse one line of JSON, refusing values that later steps cannot handle.

    Args:
        line: the JSON text of one row.

    Returns:
        The parsed value (any JSON value; callers check it is an object).

    Raises:
        json.JSONDecodeError: the line is not JSON (its `msg` and `colno` say where).
        ValueError: valid JSON that cannot be used: nested deeper than `MAX_DEPTH`, an
            integer over `MAX_INT_DIGITS` digits, a number that is not finite, or a lone
            surrogate in a string; the message names the field.
    """
    try:
        value = json.loads(line, parse_int=_int)
    except RecursionError:
        raise ValueError(f"the row {_TOO_DEEP}") from None
    if problem := value_problem(value):
        raise ValueError(problem)
    return value


def value_problem(value: object) -> str | None:
    """What makes a parsed value unfit to store or write, naming its top-level field; or None.

    Walks the value without recursion, so any depth is safe to check.
    """
    stack: list[tuple[object, int, str | None]] = [(value, 1, None)]
    while stack:
        item, depth, field = stack.pop()
        if depth > MAX_DEPTH:
            return _named(field, _TOO_DEEP)
        if isinstance(item, dict):
            for key, inner in item.items():
                if problem := _scalar_problem(key):
                    return f"a field name {problem}"
                stack.append((inner, depth + 1, field if field is not None else str(key)))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1, field) for inner in item)
        elif problem := _scalar_problem(item):
            return _named(field, problem)
    return None


class _LongInt(str):
    """An integer too long to convert, kept as its digits so the walk can name its field."""


def _int(text: str) -> int | _LongInt:
    return _LongInt(text) if len(text.lstrip("-")) > MAX_INT_DIGITS else int(text)


def _scalar_problem(value: object) -> str | None:
    if isinstance(value, _LongInt):
        return f"is an integer of {len(value):,} digits, over the limit of {MAX_INT_DIGITS:,}"
    if isinstance(value, int) and abs(value) >= _TOO_LONG_INT:
        return f"is an integer of over {MAX_INT_DIGITS:,} digits"
    if isinstance(value, float) and not math.isfinite(value):
        return f"is not a finite number ({value})"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            return (f"holds a lone surrogate (\\u{ord(value[err.start]):04x}), "
                    "which is not a Unicode character")
    return None


def field_type_problem(row: Mapping[str, object], text: str, others: Sequence[str] = ()
                       ) -> str | None:
    """What makes a row's fields unusable as text, naming the field; or None.

    A JSON or YAML value may be of any type, and `str()` of it would be stored as if written:
    a list as its Python repr, `true` as "True". So the `text` field must be a string; the
    `others` (id, title, speaker, ...) may also be numbers or dates (an id of 17, a year), not
    lists, objects or true/false. A NUL character in any of them is refused too.

    Args:
        row: the row's fields.
        text: the field that must be a string.
        others: fields that must be scalars when given.

    Returns:
        e.g. "field 'text' is a list, not text", or None when every field is usable.
    """
    for name in (text, *others):
        value = row.get(name)
        if value is None:
            continue
        kind = _kind(value)
        if (name == text and not isinstance(value, str)) or kind in _NEVER_TEXT:
            return f"field {name[:40]!r} is {kind or f'of type {type(value).__name__}'}, not text"
        if isinstance(value, str) and "\x00" in value:
            return f"field {name[:40]!r} holds a NUL character"
    return None


_NEVER_TEXT = ("a list", "an object", "true or false")


def _kind(value: object) -> str | None:
    """The kind of a non-string value, in the words of JSON; None for strings and others."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, numbers.Number):
        return "a number"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list"
    return "an object" if isinstance(value, Mapping) else None


def _named(field: str | None, problem: str) -> str:
    return f"field {field[:40]!r} {problem}" if field is not None else f"the row {problem}"
