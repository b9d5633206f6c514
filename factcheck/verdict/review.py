"""Human review of attributions: an append-only log of decisions that override the machine.

Actions: `confirm` (the speaker is right), `correct` (a new speaker), `reject` (not a
statement), and `undo` (withdraws an earlier decision). Nothing is overwritten: the
current state of a statement is its latest decision that has not been undone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from enum import StrEnum

from factcheck.attribution.resolve.aliases import name_aliases
from factcheck.errors import BadInputError
from factcheck.index.store import Store
from factcheck.records import Statement

MAX_NAME_CHARS = 200


class Action(StrEnum):
    """What a reviewer decided."""

    CONFIRM = "confirm"
    CORRECT = "correct"
    REJECT = "reject"


def record_decision(store: Store, statement_id: str, reviewer: str, action: str,
                    speaker: str | None = None) -> int:
    """Store one reviewer decision.

    Args:
        store: the index's store.
        statement_id: the statement decided on.
        reviewer: who decided (required).
        action: "confirm", "correct" or "reject".
        speaker: the new speaker, required for "correct".

    Returns:
        The id of the stored decision.

    Raises:
        BadInputError: unknown statement or action, no reviewer, or no speaker to correct to.
    """
    reviewer, speaker = _checked_name(reviewer, "reviewer"), (speaker or "").strip() or None
    if action not in {a.value for a in Action}:
        raise BadInputError(f"action {action!r} is not one of confirm, correct, reject")
    if action == Action.CORRECT:
        speaker = _checked_name(speaker, "speaker")
    with store.transaction() as db:  # read the current speaker and write in one transaction
        old = _current(store, statement_id).speaker
        new = speaker if action == Action.CORRECT else (old if action == Action.CONFIRM else None)
        cursor = db.execute(
            "INSERT INTO reviews(statement_id, reviewer, action, old_speaker, new_speaker)"
            " VALUES (?,?,?,?,?)", (statement_id, reviewer, action, old, new))
        if action == Action.CORRECT:
            db.executemany(
                "INSERT OR REPLACE INTO aliases(alias, name, source) VALUES (?, ?, 'review')",
                [(alias, new) for alias in name_aliases(new)])
    return int(cursor.lastrowid)


def undo_decision(store: Store, statement_id: str, reviewer: str) -> int | None:
    """Withdraw the latest standing decision on a statement; None when there is none."""
    reviewer = _checked_name(reviewer, "reviewer")
    with store.transaction() as db:  # read the standing decision and write in one transaction
        standing = _standing(store, [statement_id]).get(statement_id)
        if standing is None:
            return None
        cursor = db.execute(
            "INSERT INTO reviews(statement_id, reviewer, action, old_speaker, new_speaker, undoes)"
            " VALUES (?, ?, 'undo', ?, ?, ?)",
            (statement_id, reviewer, standing["new_speaker"], standing["old_speaker"],
             standing["id"]))
    return int(cursor.lastrowid)


def history(store: Store, statement_id: str) -> list[dict]:
    """Every decision on a statement, oldest first."""
    rows = store.db.execute(
        "SELECT id, reviewer, action, old_speaker, new_speaker, undoes, at FROM reviews"
        " WHERE statement_id = ? ORDER BY id", (statement_id,))
    return [dict(row) for row in rows]


def apply_reviews(store: Store, statements: Sequence[Statement],
                  keep_rejected: bool = False) -> list[Statement]:
    """Statements with standing decisions applied and marked reviewed; rejected ones dropped."""
    standing = _standing(store, [s.id for s in statements])
    result = []
    for statement in statements:
        decision = standing.get(statement.id)
        if decision is None:
            result.append(statement)
        elif decision["action"] != Action.REJECT or keep_rejected:
            speaker = decision["new_speaker"] if decision["action"] != Action.REJECT \
                else statement.speaker
            result.append(dataclasses.replace(statement, speaker=speaker, reviewed=True))
    return result


def decisions(store: Store, statement_ids: Sequence[str]) -> dict[str, str]:
    """The standing action ("confirm", "correct", "reject") per reviewed statement id."""
    return {sid: row["action"] for sid, row in _standing(store, statement_ids).items()}


def _standing(store: Store, statement_ids: Sequence[str]) -> dict[str, dict]:
    standing: dict[str, dict] = {}
    for start in range(0, len(statement_ids), 900):
        chunk = list(statement_ids[start:start + 900])
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            "SELECT * FROM reviews r WHERE action != 'undo' AND statement_id IN"
            f" ({marks}) AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.undoes = r.id)"
            " ORDER BY id", chunk)
        for row in rows:
            standing[row["statement_id"]] = dict(row)
    return standing


def _current(store: Store, statement_id: str) -> Statement:
    found = store.statements(ids=[statement_id])
    if not found:
        raise BadInputError(f"no statement with id {statement_id!r}")
    return apply_reviews(store, found, keep_rejected=True)[0]


def _checked_name(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise BadInputError(f"{what} is required")
    if len(text) > MAX_NAME_CHARS:
        raise BadInputError(f"{what} is longer than {MAX_NAME_CHARS} characters")
    return text
