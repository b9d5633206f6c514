"""The files of an index folder: atomic writes.

Every file is written under a unique temporary name (process id and a random part, ending
in `.tmp`), flushed to disk and renamed into place.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"


def temporary_name(path: Path) -> Path:
    """A fresh temporary path beside `path`, unique to this process and call."""
    return path.with_name(f"{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMPORARY_SUFFIX}")


@contextmanager
def replace_atomically(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write (a file, or a folder made by the caller), then
    flush it to disk and rename it to `path`; on an error the temporary is removed."""
    temporary = temporary_name(path)
    try:
        yield temporary
        fsync_tree(temporary)
        if path.is_dir() and temporary.is_dir():
            remove_path(path)
        os.replace(temporary, path)
        fsync_tree(path.parent, recurse=False)
    finally:
        remove_path(temporary)


def fsync_tree(path: Path, recurse: bool = True) -> None:
    """Flush a file, or a folder and (with `recurse`) the files in it, to disk."""
    if path.is_dir() and recurse:
        for child in path.iterdir():
            if child.is_file():
                fsync_tree(child)
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_path(path: Path) -> None:
    """Remove a file or a folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)

