"""CSV records whose quote never closes, which `csv` reads without a word.

A quote (``"``) opened in a field and never closed makes Python's csv reader take the rest of
the file, newlines and all, as that one field: the rows after it vanish into it, and nothing
says so (in a header, every row does). `RecordLines` feeds the reader its lines and keeps
those of the record being read, so the reader's caller can ask, after each record, whether
the record ended inside an open quote (it then ran to the end of the file).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

# What csv's strict mode says at the end of the data inside a quoted field (CPython's _csv).
_OPEN_AT_END = "unexpected end of data"


class RecordLines:
    """An iterator of a text's lines for `csv.reader` that remembers the current record's.

    Call `next_record` after handling each record; `unclosed_quote` tells whether the record
    read since then ended inside a quote that was never closed.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.record: list[str] = []
        self.first_line = 1  # of the current record, 1-based
        self._read = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._read += 1
        self.record.append(line)
        return line

    def next_record(self) -> None:
        """Forget the lines read so far: the next ones belong to the next record."""
        self.record = []
        self.first_line = self._read + 1

    def unclosed_quote(self, dialect: type[csv.Dialect] | csv.Dialect | str = "excel"
                       ) -> str | None:
        """Why the current record is broken, when a quote in it is never closed; else None.

        Only records of several lines can be: an open quote ends a record at the end of the
        file, taking every line after it.
        """
        if len(self.record) < 2:
            return None
        try:
            for _ in csv.reader(self.record, dialect, strict=True):
                pass
        except csv.Error as err:
            if _OPEN_AT_END not in str(err):
                return None
            blank = next(n for n, line in enumerate(self.record) if line.strip("\r\n"))
            return (f'a quote (") in this row (from line {self.first_line + blank}) is never '
                    f"closed, so the {len(self.record) - blank - 1:,} lines after it were read "
                    'as one field; close the quote (or double it: "")')
        return None
