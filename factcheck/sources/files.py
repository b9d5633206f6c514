"""Reading a source file's bytes: regular files only, and a bounded number of them.

A path given on the command line may be anything: a FIFO (opening it waits for a writer that
never comes), a device or a link to one (``/dev/zero`` reads forever), a file far larger than
any source. The file is opened without waiting (``O_NONBLOCK``), checked to be a regular file
on the opened descriptor (so a link swapped after a check cannot slip past), and read up to
`MAX_FILE_BYTES`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.errors import bad_file

# Largest source file read: a file is read whole into memory (its text takes up to 4x its
# bytes as a Python string), and one document is at most 5 million characters; 1 GiB leaves
# room for a JSONL or CSV of thousands of documents. Split larger files.
MAX_FILE_BYTES = 1 << 30

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Args:
        path: the file (a link to a regular file is followed).
        limit: the most bytes accepted.

    Returns:
        The file's content.

    Raises:
        BadInputError: the path cannot be opened, is not a regular file (a folder, FIFO,
            device or socket, or a link to one), or holds more than `limit` bytes.
    """
    try:
        with os.fdopen(os.open(path, _FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                kind = next((name for test, name in _KINDS if test(info.st_mode)), "special")
                raise bad_file(path, f"is {kind}, not a file to read; give a regular file")
            data = handle.read(limit + 1) if info.st_size <= limit else b""
    except OSError as err:
        raise bad_file(path, f"cannot be read ({err.strerror or err})") from None
    if info.st_size > limit or len(data) > limit:  # or it grew while it was read
        raise bad_file(path, f"is over {limit:,} bytes, the most read from one file; "
                             "split it into smaller files")
    return data
