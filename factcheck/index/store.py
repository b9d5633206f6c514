"""SQLite store: documents, passages, statements, vector rows, embeddings, reviews, aliases.

One file (`factcheck.sqlite3`) in the index folder, WAL mode; every ingest batch is one
transaction, so a crash leaves the last committed state readable.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from factcheck.records import Document, Passage, Span, Statement, StatementKind

DB_NAME = "factcheck.sqlite3"
# Rows per IN (...) list: below SQLite's limit of 32,766 bound values.
_ROWS_PER_QUERY = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, text TEXT NOT NULL, title TEXT, url TEXT,
    published TEXT, publisher TEXT, speaker TEXT, kind TEXT, source TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS passages (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    paragraph_start INTEGER NOT NULL, paragraph_end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), kind TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT,
    mention_text TEXT, mention_start INTEGER, mention_end INTEGER,
    cue_text TEXT, cue_start INTEGER, cue_end INTEGER, via TEXT,
    confidence REAL NOT NULL, parts TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id);
-- One row per indexed vector, in FAISS order: row n of the vector index is units.row = n.
CREATE TABLE IF NOT EXISTS units (
    row INTEGER PRIMARY KEY, unit TEXT NOT NULL, unit_id TEXT NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS embeddings (
    sha256 TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (sha256, model));
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, statement_id TEXT NOT NULL REFERENCES statements(id),
    reviewer TEXT NOT NULL, action TEXT NOT NULL, old_speaker TEXT, new_speaker TEXT,
    undoes INTEGER REFERENCES reviews(id),
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
CREATE INDEX IF NOT EXISTS reviews_statement ON reviews(statement_id);
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL);
"""


class Store:
    """The SQLite side of an index folder."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DB_NAME
        self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        # One connection may serve several threads (the UI's sessions): writes take turns.
        self._write_lock = threading.RLock()
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all.

        It takes the database's write lock at once (``BEGIN IMMEDIATE``), so what is read
        inside it is still true when its writes commit: no other process writes in between.
        """
        with self._write_lock, self.db:
            if not self.db.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")
            yield self.db

    # --- documents ------------------------------------------------------------------
    def has_document(self, document: Document, content_dedupe: bool) -> bool:
        """Whether this id is stored, or (for documents without a given id) this content."""
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
            return True
        if not content_dedupe:
            return False
        sql = "SELECT 1 FROM documents WHERE sha256 = ?"
        return self.db.execute(sql, (document.sha256,)).fetchone() is not None

    def add_document(self, document: Document, passages: Sequence[Passage],
                     statements: Sequence[Statement]) -> None:
        """Insert a document with its passages and statements (inside a transaction)."""
        d = document
        self.db.execute(
            "INSERT INTO documents(id, sha256, text, title, url, published, publisher, speaker,"
            " kind, source) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (d.id, d.sha256, d.text, d.title, d.url, d.published, d.publisher, d.speaker,
             d.kind, d.source))
        self.db.executemany(
            'INSERT INTO passages(id, doc_id, text, start, "end", paragraph_start, paragraph_end)'
            " VALUES (?,?,?,?,?,?,?)",
            [(p.id, p.doc_id, p.text, p.start, p.end, p.paragraph_start, p.paragraph_end)
             for p in passages])
        self.db.executemany(
            'INSERT INTO statements(id, doc_id, kind, text, start, "end", speaker, mention_text,'
            " mention_start, mention_end, cue_text, cue_start, cue_end, via, confidence, parts)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [_statement_row(s) for s in statements])

    def document(self, doc_id: str) -> Document | None:
        """One stored document."""
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def documents_meta(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """Metadata (no text) of some documents, by id."""
        ids = list(set(doc_ids))
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            "SELECT id, title, url, published, publisher, kind FROM documents"
            f" WHERE id IN ({marks})", ids).fetchall()
        return {row["id"]: dict(row) for row in rows}

    def document_list(self) -> list[dict]:
        """Every document with its counts of passages and statements."""
        rows = self.db.execute(
            "SELECT d.id, d.title, d.published, d.publisher, d.url, d.kind, d.source,"
            " (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS passages,"
            " (SELECT COUNT(*) FROM statements s WHERE s.doc_id = d.id) AS statements"
            " FROM documents d ORDER BY d.published, d.id").fetchall()
        return [dict(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many rows each main table holds."""
        tables = ("documents", "passages", "statements", "units", "embeddings", "reviews")
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    # --- passages and statements ----------------------------------------------------
    def passages(self, ids: Sequence[str]) -> dict[str, Passage]:
        """Passages by id."""
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT * FROM passages WHERE id IN ({marks})", list(ids))
        return {row["id"]: Passage(**dict(row)) for row in rows}

    def statements(self, ids: Sequence[str] | None = None, doc_id: str | None = None
                   ) -> list[Statement]:
        """Statements as extracted (reviews not applied), by ids or document, in text order."""
        sql, args = "SELECT * FROM statements", []
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            args = list(ids)
        elif doc_id is not None:
            sql, args = sql + " WHERE doc_id = ?", [doc_id]
        rows = self.db.execute(sql + " ORDER BY doc_id, start", args).fetchall()
        return [_statement(row) for row in rows]

    # --- vector rows and embeddings -------------------------------------------------
    def add_units(self, units: Sequence[tuple[str, str, str]]) -> None:
        """Append (unit, unit_id, sha256) rows after the last row (inside a transaction)."""
        start = self.last_unit_row() + 1
        self.db.executemany(
            "INSERT INTO units(row, unit, unit_id, sha256) VALUES (?,?,?,?)",
            [(start + n, *unit) for n, unit in enumerate(units)])

    def unit_count(self, through: int | None = None) -> int:
        """Number of indexed units (= vectors), or of those up to row `through`."""
        if through is None:
            return self.db.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM units WHERE row <= ?",
                               (through,)).fetchone()[0]

    def last_unit_row(self) -> int:
        """The highest unit row (-1 when there is none)."""
        return self.db.execute("SELECT COALESCE(MAX(row), -1) FROM units").fetchone()[0]

    def units(self, rows: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(unit, unit_id) of some vector rows."""
        marks = ",".join("?" * len(rows))
        found = self.db.execute(
            f"SELECT row, unit, unit_id FROM units WHERE row IN ({marks})", [int(r) for r in rows])
        return {r["row"]: (r["unit"], r["unit_id"]) for r in found}

    def texts_of_rows(self, rows: Sequence[int]) -> dict[int, str]:
        """Text of some vector rows (their passage or statement), read in chunks."""
        found: dict[int, str] = {}
        for chunk_start in range(0, len(rows), _ROWS_PER_QUERY):
            chunk = [int(r) for r in rows[chunk_start:chunk_start + _ROWS_PER_QUERY]]
            found.update(self.db.execute(
                "SELECT u.row, COALESCE(p.text, s.text) FROM units u"
                " LEFT JOIN passages p ON u.unit = 'passage' AND p.id = u.unit_id"
                " LEFT JOIN statements s ON u.unit = 'statement' AND s.id = u.unit_id"
                f" WHERE u.row IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def units_after(self, row: int) -> list[tuple[int, str, str]]:
        """(row, text fingerprint, text) of every unit after `row`, in row order (one read,
        so one consistent state of the store)."""
        return [tuple(found) for found in self.db.execute(
            "SELECT u.row, u.sha256, COALESCE(p.text, s.text) FROM units u"
            " LEFT JOIN passages p ON u.unit = 'passage' AND p.id = u.unit_id"
            " LEFT JOIN statements s ON u.unit = 'statement' AND s.id = u.unit_id"
            " WHERE u.row > ? ORDER BY u.row", (row,))]

    def unit_fields(self, rows: Sequence[int]) -> list[tuple]:
        """(doc_id, speaker, kind, published) of some unit rows, in the order given: a
        statement's speaker and kind; a passage's kind is "passage", its speaker the
        document's. Reviews are not applied (search filters use what was extracted)."""
        found: dict[int, tuple] = {}
        for start in range(0, len(rows), _ROWS_PER_QUERY):
            part = [int(r) for r in rows[start:start + _ROWS_PER_QUERY]]
            found.update((r[0], tuple(r[1:])) for r in self.db.execute(
                "SELECT u.row, COALESCE(p.doc_id, s.doc_id),"
                " CASE WHEN u.unit = 'statement' THEN s.speaker ELSE d.speaker END,"
                " CASE WHEN u.unit = 'statement' THEN s.kind ELSE 'passage' END, d.published"
                " FROM units u"
                " LEFT JOIN passages p ON u.unit = 'passage' AND p.id = u.unit_id"
                " LEFT JOIN statements s ON u.unit = 'statement' AND s.id = u.unit_id"
                " LEFT JOIN documents d ON d.id = COALESCE(p.doc_id, s.doc_id)"
                f" WHERE u.row IN ({','.join('?' * len(part))})", part))
        return [found[int(row)] for row in rows]

    def has_documents(self) -> bool:
        """Whether any document is stored."""
        return self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None

    def embedding_models(self) -> list[str]:
        """The models whose vectors are stored."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT model FROM embeddings")]

    def embedding_dimension(self, model: str) -> int | None:
        """The length of the stored vectors of `model` (None when none are stored)."""
        row = self.db.execute("SELECT length(vector) FROM embeddings WHERE model = ? LIMIT 1",
                              (model,)).fetchone()
        return row[0] // np.dtype(np.float32).itemsize if row else None

    def cached_embeddings(self, hashes: Sequence[str], model: str) -> dict[str, np.ndarray]:
        """Stored vectors of some text fingerprints, for one model."""
        found: dict[str, np.ndarray] = {}
        for chunk_start in range(0, len(hashes), 900):
            chunk = list(hashes[chunk_start:chunk_start + 900])
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    f"SELECT sha256, vector FROM embeddings WHERE model = ? AND sha256 IN ({marks})",
                    [model, *chunk]):
                found[row[0]] = np.frombuffer(row[1], dtype=np.float32)
        return found

    def add_embeddings(self, items: Iterable[tuple[str, np.ndarray]], model: str) -> None:
        """Store vectors by text fingerprint (inside a transaction)."""
        self.db.executemany(
            "INSERT OR IGNORE INTO embeddings(sha256, model, vector) VALUES (?,?,?)",
            [(sha, model, np.asarray(vec, dtype=np.float32).tobytes()) for sha, vec in items])


def _statement_row(s: Statement) -> tuple:
    mention, cue = s.speaker_mention, s.cue
    return (s.id, s.doc_id, str(s.kind), s.text, s.start, s.end, s.speaker,
            mention.text if mention else None, mention.start if mention else None,
            mention.end if mention else None, cue.text if cue else None,
            cue.start if cue else None, cue.end if cue else None, s.via, float(s.confidence),
            json.dumps([list(p) for p in (s.parts or ((s.start, s.end),))]))


def _statement(row: sqlite3.Row) -> Statement:
    mention = (Span(row["mention_text"], row["mention_start"], row["mention_end"])
               if row["mention_text"] is not None else None)
    cue = Span(row["cue_text"], row["cue_start"], row["cue_end"]) if row["cue_text"] else None
    return Statement(
        id=row["id"], doc_id=row["doc_id"], kind=StatementKind(row["kind"]), text=row["text"],
        start=row["start"], end=row["end"], speaker=row["speaker"], speaker_mention=mention,
        cue=cue, via=row["via"], confidence=row["confidence"],
        parts=tuple(tuple(p) for p in json.loads(row["parts"])))


def _document(row: sqlite3.Row) -> Document:
    fields = dict(row)
    fields.pop("added_at", None)
    return Document(**fields)
