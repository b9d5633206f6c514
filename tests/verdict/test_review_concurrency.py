"""Reviews from several processes at once (issue 14, defect 10): no decision is lost.

Each round starts two real processes that act on one statement at the same moment. Each
process is slowed between reading the statement's standing decision and writing its own, so
a read made outside the write transaction is overtaken every round, not by luck.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from factcheck.index.store import Store
from factcheck.records import Document, Statement, StatementKind
from factcheck.verdict import review

ROUNDS = 12
STATEMENT = "doc:s1"
_FORK = multiprocessing.get_context("fork")


def _store_with_a_statement(folder: Path) -> Store:
    store = Store(folder)
    text = '"We will win," Ann Marsh said.'
    statement = Statement(id=STATEMENT, doc_id="doc", kind=StatementKind.DIRECT,
                          text="We will win", start=1, end=12, speaker="Ann Marsh",
                          parts=((1, 12),))
    with store.transaction():
        store.add_document(Document(id="doc", text=text, sha256="0" * 64), [], [statement])
    return store


def _slowed(read):
    def slow_read(*args, **kwargs):
        found = read(*args, **kwargs)
        time.sleep(0.05)  # the other process reads now, if it may
        return found
    return slow_read


def _act(folder: Path, barrier, action: tuple[str, ...]) -> None:
    """In a child process: wait for the other, then undo or correct, on a store of its own."""
    review._standing = _slowed(review._standing)
    store = Store(folder)
    barrier.wait(timeout=30)
    if action[0] == "undo":
        review.undo_decision(store, STATEMENT, action[1])
    else:
        review.record_decision(store, STATEMENT, action[1], "correct", action[2])
    store.close()


def _at_once(folder: Path, *actions: tuple[str, ...]) -> None:
    barrier = _FORK.Barrier(len(actions))
    workers = [_FORK.Process(target=_act, args=(folder, barrier, a)) for a in actions]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _store_with_a_statement(tmp_path).close()
    return tmp_path


def test_two_simultaneous_undos_withdraw_two_decisions(folder: Path):
    store = Store(folder)
    for _ in range(ROUNDS):
        first = review.record_decision(store, STATEMENT, "ann", "confirm")
        second = review.record_decision(store, STATEMENT, "bob", "correct", "Bob Stone")
        _at_once(folder, ("undo", "carl"), ("undo", "dana"))
        undone = [row["undoes"] for row in review.history(store, STATEMENT)[-2:]]
        assert sorted(undone) == [first, second]
        assert review.decisions(store, [STATEMENT]) == {}


def test_two_simultaneous_corrections_each_record_the_speaker_they_replaced(folder: Path):
    store = Store(folder)
    for n in range(ROUNDS):
        _at_once(folder, ("correct", "ann", f"Speaker A{n}"), ("correct", "bob", f"Speaker B{n}"))
        first, second = review.history(store, STATEMENT)[-2:]
        assert second["old_speaker"] == first["new_speaker"]
    rows = review.history(store, STATEMENT)
    assert rows[0]["old_speaker"] == "Ann Marsh"
    assert all(later["old_speaker"] == earlier["new_speaker"]
               for earlier, later in zip(rows, rows[1:], strict=False))
